// The `goals` view of <balans-widget>: goals and indicators (mål och mätetal) beside the budget,
// the follow-up the auditors asked for in one place. First how many indicators are met, partly
// met, not met and not reported, per goal and in total; then each goal with its indicators
// (target, outcome, fulfilment in words with a mark and a colour that only repeat them) and,
// beside an indicator tied to budget rows, that unit's (and cost type's) deviation for the year to
// date as of the month shown, with its status; last, a box to paste goals from Excel.
//
// It renders; the Rust core calculates. Fulfilment, counts and deviations come from
// `workspace.goals()`, figures as decimal strings shown through the package's formatAmount; the
// names of tied units and cost types are looked up in the deviation report's rows. Not here:
// loading, the toolbar, errors and events, which the widget owns; reading the pasted table (the
// core's import/registers/goals.rs); the paste box itself (register-paste.js).

import { formatAmount } from '../pkg/index.js';
import { h, named } from '../lib/dom.js';
import { MONTHS, parseMonth } from '../lib/months.js';
import { missing, signed } from '../lib/numbers.js';
import { TEXT } from '../lib/text.js';
import { pasteBox } from './register-paste.js';

const FULFILMENTS = ['met', 'partly', 'notMet', 'notReported'];

const STRINGS = {
  sv: {
    heading: (month, year) => `Mål och mätetal per ${month} ${year}`,
    wholeRegion: 'Målen gäller hela organisationen; enheten som valts ändrar inte vyn.',
    note: (unit) => `Avvikelse hittills i år i ${unit} för mätetal som är kopplade till budgeten.`,
    total: (c) => `${c.met} av ${c.total} mätetal uppfyllda, ${c.partly} delvis, ${c.notMet} ej uppfyllda och ${c.notReported} ej rapporterade.`,
    fulfilment: { met: 'Uppfyllt', partly: 'Delvis uppfyllt', notMet: 'Ej uppfyllt', notReported: 'Ej rapporterat' },
    counts: { met: 'Uppfyllda', partly: 'Delvis', notMet: 'Ej uppfyllda', notReported: 'Ej rapporterade', total: 'Mätetal' },
    countsCaption: 'Uppfyllelse per mål',
    goal: 'Mål',
    all: 'Samtliga mål',
    goalCounts: (c) => `${c.met} uppfyllda, ${c.partly} delvis, ${c.notMet} ej uppfyllda, ${c.notReported} ej rapporterade av ${c.total}`,
    columns: {
      indicator: 'Mätetal', target: 'Målvärde', outcome: 'Utfall', fulfilment: 'Uppfyllelse',
      tie: 'Kopplad budget', deviation: (unit) => `Avvikelse hittills i år (${unit})`, status: 'Status',
    },
    direction: { higher: 'minst', lower: 'högst' },
    noTie: 'ingen koppling',
    noGoals: 'Det finns inga mål i arbetsytan. Klistra in mål och mätetal från Excel nedan, eller importera en arbetsyta (JSON) som har dem.',
    paste: {
      summary: 'Klistra in mål och mätetal från Excel',
      help: 'Kopiera tabellen i Excel med rubrikraden överst. Rubriker: Mål, Mätetal, Målvärde, Utfall och, om ni vill, Riktning (högre/lägre), Delvis, Bedömning, Enhet (enhetens id) och Kostnadsslag. Mål med samma namn blir ett mål; ett mätetal som redan finns ersätts.',
      label: 'Tabell med mål och mätetal',
    },
  },
  en: {
    heading: (month, year) => `Goals and indicators as of ${month} ${year}`,
    wholeRegion: 'The goals are the whole organisation’s; the unit chosen does not change this view.',
    note: (unit) => `Year-to-date deviation in ${unit} for indicators tied to the budget.`,
    total: (c) => `${c.met} of ${c.total} indicators met, ${c.partly} partly, ${c.notMet} not met and ${c.notReported} not reported.`,
    fulfilment: { met: 'Met', partly: 'Partly met', notMet: 'Not met', notReported: 'Not reported' },
    counts: { met: 'Met', partly: 'Partly', notMet: 'Not met', notReported: 'Not reported', total: 'Indicators' },
    countsCaption: 'Fulfilment per goal',
    goal: 'Goal',
    all: 'All goals',
    goalCounts: (c) => `${c.met} met, ${c.partly} partly, ${c.notMet} not met, ${c.notReported} not reported of ${c.total}`,
    columns: {
      indicator: 'Indicator', target: 'Target', outcome: 'Outcome', fulfilment: 'Fulfilment',
      tie: 'Tied budget', deviation: (unit) => `Deviation, year to date (${unit})`, status: 'Status',
    },
    direction: { higher: 'at least', lower: 'at most' },
    noTie: 'not tied',
    noGoals: 'There are no goals in the workspace. Paste goals and indicators from Excel below, or import a workspace (JSON) that has them.',
    paste: {
      summary: 'Paste goals and indicators from Excel',
      help: 'Copy the table in Excel with its header row on top. Headers: Goal, Indicator, Target, Outcome and, if you like, Direction (higher/lower), Partly, Assessment, Unit (the unit’s id) and Cost type. Rows with the same goal make one goal; an indicator already there is replaced.',
      label: 'Table of goals and indicators',
    },
  },
};

/** Per widget: the paste box's state, so what it said survives the render after an import. */
const states = new WeakMap();

/** Renders the view into `ctx.region` (the registry's interface) and returns the report shown. */
export function render(ctx) {
  const lang = ctx.lang === 'en' ? 'en' : 'sv';
  const t = STRINGS[lang];
  const report = ctx.workspace.goals({ asOf: ctx.asOf });
  if (!states.has(ctx.host)) states.set(ctx.host, {});
  const names = namesOf(ctx.workspace, report);
  const view = { t, lang, report, names, format: { unit: ctx.displayUnit, decimals: ctx.decimals, suffix: false } };
  const unitLabel = TEXT[lang].units[ctx.displayUnit];
  const [year, month] = parseMonth(report.asOf) ?? [0, 0];
  const caption = h('h2', { class: 'view-caption', id: 'caption' },
    named(names.root, { cls: 'title' }), h('span', { class: 'vh' }, ': '),
    h('span', { class: 'subtitle' }, t.heading(MONTHS[lang][month], year)));
  const paste = pasteBox({
    id: 'goals-paste', lang, text: t.paste, kind: 'goals', ctx, state: states.get(ctx.host),
    read: (text) => ctx.workspace.importGoals(text), open: report.goals.length === 0,
  });
  const body = report.goals.length === 0
    ? [h('p', { class: 'empty' }, t.noGoals)]
    : [
      h('p', { class: 'goals-total', 'data-met': report.counts.met, 'data-partly': report.counts.partly,
        'data-not-met': report.counts.notMet, 'data-not-reported': report.counts.notReported, 'data-total': report.counts.total },
      t.total(report.counts)),
      h('p', { class: 'note' }, [t.note(unitLabel), ctx.unit ? ` ${t.wholeRegion}` : ''].join('')),
      countsTable(view),
      ...report.goals.map((goal, i) => goalSection(view, goal, i)),
    ];
  ctx.region.replaceChildren(h('div', { class: 'goals-view' }, caption, ...body, paste));
  return report;
}

/** The names a person reads for the report's ties: the root unit's (the goals are the whole
 * tree's), every tied unit's, and every tied cost type's with its number ("4010 Lönekostnader"). */
function namesOf(workspace, report) {
  const asOf = report.asOf;
  const tied = report.goals.flatMap((g) => g.indicators);
  const byCostType = tied.some((ind) => ind.costType);
  const rows = workspace.deviation({ asOf, fields: [], ...(byCostType ? { byCostType } : {}) }).rows;
  const units = new Map(rows.map((row) => [row.unit, row.name]));
  const costTypes = new Map((rows[0]?.costTypes ?? []).map((c) => [c.costType, c.name]));
  return {
    root: rows[0]?.name ?? '',
    unit: (id) => units.get(id) ?? id,
    costType: (id) => (costTypes.get(id) ? `${id} ${costTypes.get(id)}` : id),
  };
}

/** The counts per goal and in total, as a table a controller can read down and across. */
function countsTable({ t, report }) {
  const cells = (c) => [...FULFILMENTS, 'total'].map((key) =>
    h('td', { class: 'num', 'data-field': key }, String(c[key])));
  return h('table', { class: 'goals-counts' },
    h('caption', {}, t.countsCaption),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t.goal),
      ...[...FULFILMENTS, 'total'].map((key) => h('th', { scope: 'col', class: 'num' },
        key === 'total' ? t.counts.total : h('span', { class: `mark ${key}`, 'aria-hidden': 'true' }), key === 'total' ? null : t.counts[key])))),
    h('tbody', {}, ...report.goals.map((goal) => h('tr', { 'data-goal': goal.id },
      h('th', { scope: 'row' }, named(goal.name)), ...cells(goal.counts)))),
    h('tfoot', {}, h('tr', { 'data-goal': '' }, h('th', { scope: 'row' }, t.all), ...cells(report.counts))));
}

/** A count or a target as a person reads it: "87,5", "2 000"; as many decimals as it has. */
function quantity(value) {
  const decimals = Math.min((String(value).split('.')[1] ?? '').length, 6);
  return formatAmount(String(value), { unit: 'kr', decimals, suffix: false });
}

function goalSection(view, goal, i) {
  const { t } = view;
  const id = `goal-${i}`;
  // Not a landmark of its own: its table's region below carries the goal's name.
  return h('section', { class: 'goal', 'data-goal': goal.id },
    h('h3', { id }, named(goal.name), ' ', h('span', { class: 'goal-counts' }, `(${t.goalCounts(goal.counts)})`)),
    // Scrolls sideways on a narrow screen: focusable and named, so a keyboard can scroll it.
    h('div', { class: 'scroll-x', role: 'region', tabindex: '0', 'aria-labelledby': id },
      h('table', { class: 'goals-table', 'aria-labelledby': id },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t.columns.indicator),
          h('th', { scope: 'col', class: 'num' }, t.columns.target),
          h('th', { scope: 'col', class: 'num' }, t.columns.outcome),
          h('th', { scope: 'col' }, t.columns.fulfilment),
          h('th', { scope: 'col' }, t.columns.tie),
          h('th', { scope: 'col', class: 'num' }, t.columns.deviation(TEXT[view.lang].units[view.format.unit])),
          h('th', { scope: 'col' }, t.columns.status))),
        h('tbody', {}, ...goal.indicators.map((ind) => indicatorRow(view, ind))))));
}

function indicatorRow({ t, lang, names, format }, ind) {
  const target = ind.target == null ? null : `${t.direction[ind.direction]} ${quantity(ind.target)}`;
  const tie = ind.unit == null ? null : [named(names.unit(ind.unit)), ...(ind.costType ? [', ', named(names.costType(ind.costType))] : [])];
  const dev = ind.deviation;
  let deviation;
  let status;
  if (!dev) {
    // Not tied (the column before says so): no figure, and no status to repeat it.
    deviation = h('td', { class: 'num', 'data-field': 'deviation' }, ...missing(lang));
    status = h('td', { 'data-field': 'status' });
  } else if (dev.deviation == null) {
    deviation = h('td', { class: 'num no-outcome', 'data-field': 'deviation' }, TEXT[lang].noOutcome);
    status = h('td', { class: 'no-outcome', 'data-field': 'status' }, TEXT[lang].noOutcome);
  } else {
    const shown = signed(formatAmount(dev.deviation, format));
    deviation = h('td', { class: `num ${shown.tone}`, 'data-field': 'deviation', 'data-amount': dev.deviation }, shown.text);
    status = dev.status
      ? h('td', { class: 'state', 'data-field': 'status', 'data-status': dev.status }, TEXT[lang].statuses[dev.status])
      : h('td', { 'data-field': 'status' }, ...missing(lang));
  }
  return h('tr', { 'data-indicator': ind.id, 'data-fulfilment': ind.fulfilment },
    h('th', { scope: 'row' }, named(ind.name)),
    target ? h('td', { class: 'num', 'data-field': 'target' }, target) : h('td', { class: 'num', 'data-field': 'target' }, ...missing(lang)),
    ind.outcome == null ? h('td', { class: 'num', 'data-field': 'outcome' }, ...missing(lang))
      : h('td', { class: 'num', 'data-field': 'outcome' }, quantity(ind.outcome)),
    h('td', { class: `fulfilment ${ind.fulfilment}`, 'data-field': 'fulfilment' },
      h('span', { class: `mark ${ind.fulfilment}`, 'aria-hidden': 'true' }), t.fulfilment[ind.fulfilment]),
    h('td', { class: 'tie', 'data-field': 'tie', 'data-unit': ind.unit ?? null }, ...(tie ?? [t.noTie])),
    deviation,
    status);
}
