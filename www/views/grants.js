// The `grants` view of <balans-widget>: dependency on temporary state grants
// (statsbidragsberoende). Per unit the reported and the structural result side by side, year to
// date and for the forecast year, with masking said in words; the year's grants; the scenarios and
// the cliff of the plan years for a chosen unit, the cliff as an SVG chart with a table beside it.
//
// It renders; the Rust core calculates. Every figure shown comes from `workspace.grants()` as a
// decimal string and is shown through the package's formatAmount. The chart is the one place an
// amount becomes a JS number, and only for pixel geometry (bar lengths), never for a figure shown.
// Not here: loading, the toolbar, errors and events, which the widget owns.

import { formatAmount } from '../pkg/index.js';
import { h, isolate, named } from '../lib/dom.js';
import { MONTHS } from '../lib/months.js';
import { missing, percent, signed } from '../lib/numbers.js';
import { TEXT } from '../lib/text.js';
import { chartWidth } from '../lib/svg.js';
import { cliffChart } from './grants-chart.js';

const STRINGS = {
  sv: {
    caption: (month, year, unit) => `Statsbidragsberoende per ${month} ${year}, ${unit}`,
    unitsCaption: 'Redovisat och strukturellt resultat per enhet',
    groups: { ytd: 'Hittills i år', fullYear: 'Helår (prognos)' },
    columns: {
      unit: 'Enhet', reported: 'Redovisat resultat', temporaryEffect: 'Tillfälliga bidrag, resultateffekt',
      structural: 'Strukturellt resultat', shareOfResult: 'Andel av resultatet',
      shareOfRevenue: 'Andel av bruttointäkterna',
      allocatedResult: 'Resultat med fördelade bidrag', masking: 'Döljer underskott',
    },
    masking: { yes: 'Ja: bidragen döljer ett underskott', no: 'Nej' },
    grantsCaption: (year) => `Statsbidrag ${year}`,
    grantColumns: {
      name: 'Bidrag', kind: 'Typ', certainty: 'Säkerhet', unit: 'Enhet', ytdAmount: 'Intäktsfört hittills',
      ytdEffect: 'Resultateffekt hittills', amount: 'Förväntat helår', effect: 'Resultateffekt helår',
      weighted: 'Sannolikhetsviktad effekt', lastYear: 'Sista år',
    },
    kinds: { targeted: 'riktat', performance: 'prestationsbaserat', general: 'generellt', sector: 'sektorsbidrag' },
    certainties: { decided: 'beslutat', announced: 'aviserat', conditional: 'villkorat', uncertain: 'osäkert' },
    conditionsUnmet: 'villkor ej uppfyllda',
    temporary: 'tillfälligt',
    pick: 'Scenarier och bidragsstup för',
    scenariosCaption: (name, year) => [`Scenarier för helåret ${year}: `, name],
    scenarios: {
      asForecast: 'Alla bidrag enligt prognos', decidedOnly: 'Endast beslutade bidrag',
      probabilityWeighted: 'Sannolikhetsviktat', none: 'Utan tillfälliga bidrag',
    },
    scenario: 'Scenario', result: 'Resultat helår',
    cliffCaption: (name) => ['Bidragsstupet: strukturellt gap mot prognosåret, ', name],
    cliffColumns: {
      year: 'År', lostEffect: 'Förlorad resultateffekt', remainingCosts: 'Kvarstående kostnader',
      gap: 'Strukturellt gap', change: 'Förändring mot året före', ending: 'Bidrag som upphört',
    },
    chartTitle: (name) => ['Strukturellt gap per planår: ', name],
    chartDesc: 'Staplarna visar samma gap som tabellen bredvid.',
    none: 'inga',
  },
  en: {
    caption: (month, year, unit) => `State-grant dependency as of ${month} ${year}, ${unit}`,
    unitsCaption: 'Reported and structural result per unit',
    groups: { ytd: 'Year to date', fullYear: 'Full year (forecast)' },
    columns: {
      unit: 'Unit', reported: 'Reported result', temporaryEffect: 'Temporary grants, result effect',
      structural: 'Structural result', shareOfResult: 'Share of the result',
      shareOfRevenue: 'Share of gross revenue',
      allocatedResult: 'Result with allocated grants', masking: 'Hides a deficit',
    },
    masking: { yes: 'Yes: grants hide a deficit', no: 'No' },
    grantsCaption: (year) => `State grants ${year}`,
    grantColumns: {
      name: 'Grant', kind: 'Kind', certainty: 'Certainty', unit: 'Unit', ytdAmount: 'Recognised to date',
      ytdEffect: 'Result effect to date', amount: 'Expected full year', effect: 'Result effect full year',
      weighted: 'Probability-weighted effect', lastYear: 'Last year',
    },
    kinds: { targeted: 'targeted', performance: 'performance-based', general: 'general', sector: 'sector' },
    certainties: { decided: 'decided', announced: 'announced', conditional: 'conditional', uncertain: 'uncertain' },
    conditionsUnmet: 'conditions not met',
    temporary: 'temporary',
    pick: 'Scenarios and cliff for',
    scenariosCaption: (name, year) => [`Scenarios for the full year ${year}: `, name],
    scenarios: {
      asForecast: 'All grants as forecast', decidedOnly: 'Decided grants only',
      probabilityWeighted: 'Probability-weighted', none: 'No temporary grants',
    },
    scenario: 'Scenario', result: 'Full-year result',
    cliffCaption: (name) => ['The grant cliff: structural gap against the forecast year, ', name],
    cliffColumns: {
      year: 'Year', lostEffect: 'Lost result effect', remainingCosts: 'Costs that stay',
      gap: 'Structural gap', change: 'Change on the year before', ending: 'Grants ended',
    },
    chartTitle: (name) => ['Structural gap per plan year: ', name],
    chartDesc: 'The bars show the same gap as the table beside them.',
    none: 'none',
  },
};

/** Unit rows shown in the per-unit table: the report's root and two levels below it. */
const TABLE_DEPTH = 2;
/** Units offered for the scenarios and the cliff: the root and the committees below it. */
const PICK_DEPTH = 1;
const DEPENDENCY_COLUMNS = {
  ytd: ['reported', 'temporaryEffect', 'structural', 'shareOfResult', 'shareOfRevenue', 'allocatedResult', 'masking'],
  fullYear: ['reported', 'temporaryEffect', 'structural', 'masking'],
};

/** Renders the view into `ctx.region` (the registry's interface) and returns the report shown. */
export function render(ctx) {
  const { asOf, unit } = ctx;
  const shown = ctx.workspace.grants(unit ? { asOf, unit } : { asOf });
  ctx.region.replaceChildren(build(shown, ctx));
  return shown;
}

/**
 * Builds the view's DOM for `report`.
 * @param {object} report - a GrantsReport
 * @param {object} ctx - `{ lang, displayUnit, decimals, region }` from the widget, with the region
 *   the view is shown in (which keeps the unit picked for the cliff between renders).
 */
function build(report, ctx) {
  const lang = ctx.lang === 'en' ? 'en' : 'sv';
  const t = STRINGS[lang];
  const format = { unit: ctx.displayUnit, decimals: ctx.decimals, suffix: false };
  const money = (value, field, tone = false) => {
    if (value == null) return h('td', { class: 'num', 'data-field': field }, ...missing(lang));
    const text = formatAmount(value, format);
    if (!tone) return h('td', { class: 'num', 'data-field': field, 'data-amount': value }, text);
    const s = signed(text);
    return h('td', { class: `num ${s.tone}`, 'data-field': field, 'data-amount': value }, s.text);
  };
  const names = new Map(report.rows.map((row) => [row.unit, row.name]));
  const grantNames = new Map(report.grants.map((g) => [g.id, g.name]));
  const view = {
    t, money, report, ctx, lang, unitName: (id) => names.get(id) ?? id, grantName: (id) => grantNames.get(id) ?? id,
  };

  const month = Number(report.asOf.slice(5, 7)) - 1;
  // The unit shown is the subtree's root: a committee's name when one is chosen.
  const shown = report.rows[0]?.name ?? report.name;
  const heading = h('h2', { class: 'view-caption', id: 'caption' },
    ...(shown ? [named(shown, { cls: 'title' }), h('span', { class: 'vh' }, ': ')] : []),
    h('span', { class: 'subtitle' }, t.caption(MONTHS[lang][month], report.year, TEXT[lang].units[ctx.displayUnit])));

  const picks = report.rows.filter((row) => row.depth <= PICK_DEPTH);
  const chosen = picks.find((row) => row.unit === ctx.region.dataset.grantsUnit) ?? picks[0];
  const select = h('select', { id: 'grants-unit' },
    ...picks.map((row) => h('option', { value: row.unit, selected: row === chosen }, isolate(row.name))));
  const focusArea = h('div', { class: 'grants-focus' });
  const showUnit = (row) => {
    ctx.region.dataset.grantsUnit = row.unit;
    focusArea.replaceChildren(scenariosTable(view, row), cliffFigure(view, row));
  };
  select.addEventListener('change', () => showUnit(picks.find((row) => row.unit === select.value)));
  showUnit(chosen);

  return h('div', { class: 'grants-view' },
    heading,
    scrollBox(dependencyTable(view), t.unitsCaption),
    scrollBox(grantsTable(view), t.grantsCaption(report.year)),
    h('div', { class: 'field grants-pick' }, h('label', { for: 'grants-unit' }, t.pick), select),
    focusArea);
}

/** A wide table in a box of its own that scrolls sideways (its row headers stay put), focusable
 * and named so that a keyboard can scroll it. */
function scrollBox(table, label) {
  return h('div', { class: 'scroll-x', role: 'region', tabindex: '0', 'aria-label': label }, table);
}

function dependencyTable({ t, money, report }) {
  const groups = Object.keys(DEPENDENCY_COLUMNS);
  const cell = (row, group, key) => {
    const value = row[group][key];
    const field = `${group}.${key}`;
    if (key === 'masking') {
      return h('td', { class: value ? 'masking warn' : 'masking', 'data-field': field, 'data-masking': String(value) },
        value ? t.masking.yes : t.masking.no);
    }
    if (key === 'shareOfResult' || key === 'shareOfRevenue') {
      if (value == null) return money(null, field);
      return h('td', { class: 'num', 'data-field': field, 'data-percent': value }, percent(value));
    }
    return money(value, field, key !== 'temporaryEffect');
  };
  return h('table', { part: 'table', class: 'grants-units' },
    h('caption', {}, t.unitsCaption),
    h('thead', {},
      h('tr', {},
        h('th', { scope: 'col', rowspan: '2', class: 'corner' }, t.columns.unit),
        ...groups.map((g) => h('th', { scope: 'colgroup', colspan: String(DEPENDENCY_COLUMNS[g].length) }, t.groups[g]))),
      h('tr', {}, ...groups.flatMap((g) => DEPENDENCY_COLUMNS[g].map((key) =>
        h('th', { scope: 'col', class: key === 'masking' ? '' : 'num' }, t.columns[key]))))),
    h('tbody', {}, ...report.rows.filter((row) => row.depth <= TABLE_DEPTH).map((row) =>
      h('tr', { part: 'row', 'data-unit': row.unit, 'data-depth': String(row.depth) },
        h('th', { scope: 'row', 'data-depth': String(row.depth) }, named(row.name)),
        ...groups.flatMap((g) => DEPENDENCY_COLUMNS[g].map((key) => cell(row, g, key)))))));
}

function grantsTable({ t, money, report, unitName }) {
  const c = t.grantColumns;
  const describe = (g) => [
    t.kinds[g.kind], g.temporary ? ` (${t.temporary})` : '',
  ].join('');
  const certainty = (g) => t.certainties[g.certainty] + (g.conditionsMet ? '' : `, ${t.conditionsUnmet}`);
  return h('table', { class: 'grants-list' },
    h('caption', {}, t.grantsCaption(report.year)),
    h('thead', {}, h('tr', {},
      ...['name', 'kind', 'certainty', 'unit', 'ytdAmount', 'ytdEffect', 'amount', 'effect', 'weighted', 'lastYear']
        .map((key, i) => h('th', { scope: 'col', class: i >= 4 ? 'num' : '' }, c[key])))),
    h('tbody', {}, ...report.grants.map((g) =>
      h('tr', { 'data-grant': g.id },
        h('th', { scope: 'row' }, named(g.name)),
        h('td', {}, describe(g)),
        h('td', {}, certainty(g)),
        h('td', { 'data-unit': g.unit }, named(unitName(g.unit))),
        money(g.ytd.amount, 'ytd.amount'),
        money(g.ytd.resultEffect, 'ytd.resultEffect'),
        money(g.fullYear.amount, 'fullYear.amount'),
        money(g.fullYear.resultEffect, 'fullYear.resultEffect'),
        money(g.weightedEffect, 'weightedEffect'),
        h('td', { class: 'num' }, String(g.lastYear))))));
}

function scenariosTable({ t, money, report }, row) {
  return h('table', { class: 'grants-scenarios', 'data-unit': row.unit },
    h('caption', {}, ...t.scenariosCaption(named(row.name), report.year)),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t.scenario), h('th', { scope: 'col', class: 'num' }, t.result))),
    h('tbody', {}, ...Object.keys(t.scenarios).map((key) =>
      h('tr', { 'data-scenario': key },
        h('th', { scope: 'row' }, t.scenarios[key]),
        money(row.scenarios[key], `scenarios.${key}`, true)))));
}

function cliffFigure(view, row) {
  const { t, money } = view;
  const c = t.cliffColumns;
  const captionId = `cliff-caption-${row.unit}`;
  const table = h('table', { class: 'grants-cliff', 'data-unit': row.unit },
    h('caption', { id: captionId }, ...t.cliffCaption(named(row.name))),
    h('thead', {}, h('tr', {},
      ...['year', 'lostEffect', 'remainingCosts', 'gap', 'change', 'ending']
        .map((key, i) => h('th', { scope: 'col', class: i > 0 && i < 5 ? 'num' : '' }, c[key])))),
    h('tbody', {}, ...row.cliff.map((y) =>
      h('tr', { 'data-year': String(y.year) },
        h('th', { scope: 'row' }, String(y.year)),
        money(y.lostEffect, 'lostEffect'),
        money(y.remainingCosts, 'remainingCosts'),
        money(y.gap, 'gap', true),
        money(y.change, 'change', true),
        h('td', {}, ...(y.ending.length ? y.ending.flatMap((id, i) => [i ? ', ' : null, named(view.grantName(id))]) : [t.none]))))));
  // The chart's heading is seen; its SVG title says the same to a screen reader.
  const headingId = `cliff-heading-${row.unit}`;
  const chart = cliffChart(row.cliff, {
    title: t.chartTitle(isolate(row.name)).join(''),
    desc: t.chartDesc,
    label: (amount) => signed(formatAmount(amount, { unit: view.ctx.displayUnit, decimals: view.ctx.decimals })).text,
    idPrefix: `cliff-${row.unit}`,
    width: chartWidth(view.ctx.host, { min: 480 }),
  });
  return h('section', { class: 'grants-cliff-figure', 'aria-labelledby': headingId },
    h('h3', { class: 'chart-title', id: headingId }, ...t.chartTitle(named(row.name))), chart, table);
}
