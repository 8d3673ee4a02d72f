// The `effects` view of <balans-widget>: effect tracking (effekthemtagning). Programme summary
// first (the need for new measures), then the measures table (sortable, filterable by status
// and category), then the cumulative timeline as an SVG chart with a table alternative, and
// the unit manager's entry form (realised effect this month, a new forecast) with undo and
// exports for the controller. It renders; every figure comes from workspace.effects(), and
// entries go through the Workspace, which validates them. No arithmetic on amounts here.
// Not here: loading, the toolbar and errors, which the widget owns; drawing the timeline
// (effects-chart.js); its styles (effects.css, which it links into the widget's shadow root).

import { formatAmount, parseAmount } from '../pkg/index.js';
import { download, h, isolate, named } from '../lib/dom.js';
import { MONTHS, isMonth, monthName } from '../lib/months.js';
import { compareDecimal, percent } from '../lib/numbers.js';
import { TEXT } from '../lib/text.js';
import { chartWidth } from '../lib/svg.js';
import { timelineChart } from './effects-chart.js';
import { pasteBox } from './register-paste.js';

const STYLESHEET = new URL('./effects.css', import.meta.url);

const STRINGS = {
  sv: {
    heading: (month, year) => `Effekthemtagning per ${month} ${year}`,
    need: 'Behov av nya åtgärder',
    period: (from, to) => `${from}–${to}`,
    figures: {
      target: 'Mål', planned: 'Planerad effekt', plannedToDate: 'Planerat hittills',
      realisedToDate: 'Realiserat hittills', rate: 'Realiseringsgrad', forecast: 'Prognos',
      shortfall: 'Uteblivna effekter', expected: 'Förväntad effekt', coverage: 'Täckningsgrad',
    },
    rag: { green: 'grön', amber: 'gul', red: 'röd' },
    noRate: 'ingen plan',
    measures: (year, unit) => `Åtgärder ${year}, ${unit}`,
    noMatch: (n) => `Inga åtgärder matchar filtret. Välj Alla under Status och Kategori för att se alla ${n}.`,
    noMeasures: 'Det finns inga åtgärder i arbetsytan än. Klistra in åtgärdsregistret från Excel nedan, eller importera en arbetsyta (JSON) som har det; sedan kan enhetscheferna rapportera effekt här.',
    paste: {
      summary: 'Klistra in ett åtgärdsregister från Excel',
      help: 'Kopiera tabellen i Excel med rubrikraden överst. Rubriker: Id, Åtgärd, Enhet (enhetens id), Kategori, Ansvarig, Beslut, Status, Typ, Risk, År, Planerad effekt, Helårseffekt, Start. En åtgärd med ett id som redan finns ersätts.',
      label: 'Tabell med åtgärder',
    },
    filterStatus: 'Status', filterCategory: 'Kategori', all: 'Alla', noCategory: 'Utan kategori',
    columns: {
      title: 'Åtgärd', unit: 'Enhet', category: 'Kategori', status: 'Status',
      plannedToDate: 'Planerat hittills', realisedToDate: 'Realiserat hittills', rate: 'Realiseringsgrad',
      signal: 'Signal', forecast: 'Prognos helår', shortfall: 'Uteblivet', expected: 'Förväntat', delay: 'Försening, mån',
    },
    sortBy: (label) => `Sortera efter ${label}`,
    statuses: { planned: 'planerad', decided: 'beslutad', ongoing: 'pågående', done: 'genomförd', cancelled: 'avbruten' },
    timeline: 'Tidslinje för effekthemtagning',
    programme: 'Program',
    chartTitle: (name) => ['Ackumulerad effekt, ', name],
    series: { planned: 'Planerat', realised: 'Realiserat', forecast: 'Prognos', expected: 'Förväntat' },
    asTable: 'Visa tidslinjen som tabell',
    month: 'Månad',
    entry: 'Rapportera effekt',
    entryHelp: 'För enhetschefer: ange månadens realiserade effekt och/eller en ny prognos för årets effekt. Belopp i kronor, t.ex. 1 500 000 eller 1,5 mnkr.',
    measure: 'Åtgärd', entryMonth: 'Månad (ÅÅÅÅ-MM)', realised: 'Realiserad effekt denna månad', newForecast: 'Ny prognos för året',
    save: 'Spara', undo: 'Ångra senaste', exportJson: TEXT.sv.exportJson, exportCsv: TEXT.sv.exportCsv,
    errors: {
      month: 'Skriv månaden som ÅÅÅÅ-MM, t.ex. 2025-08.',
      nothing: 'Ange realiserad effekt, ny prognos eller båda.',
      amount: 'Beloppet kunde inte läsas. Skriv t.ex. 1 500 000 eller 1,5 mnkr.',
      negative: 'En prognos kan inte vara negativ.',
      cancelled: 'Åtgärden är avbruten och tar inte emot nya prognoser.',
      other: 'Kunde inte sparas',
    },
    saved: (what, title) => `Sparat för ${title}: ${what}.`,
    savedRealised: (amount, month) => `realiserad effekt ${amount} för ${month}`,
    savedForecast: (amount, year) => `prognos ${amount} för ${year}`,
    undone: (title) => `Senaste inmatningen för ${title} är ångrad.`,
    nothingToUndo: 'Det finns ingen inmatning att ångra.',
    notStored: 'Inmatningen finns i arbetsytan men kunde inte sparas i webbläsaren.',
    entries: (n) => `${n} inmatningar`,
  },
  en: {
    heading: (month, year) => `Effect realisation as of ${month} ${year}`,
    need: 'Need for new measures',
    period: (from, to) => `${from}–${to}`,
    figures: {
      target: 'Target', planned: 'Planned effect', plannedToDate: 'Planned to date',
      realisedToDate: 'Realised to date', rate: 'Realisation rate', forecast: 'Forecast',
      shortfall: 'Shortfall', expected: 'Expected effect', coverage: 'Coverage',
    },
    rag: { green: 'green', amber: 'amber', red: 'red' },
    noRate: 'no plan',
    measures: (year, unit) => `Measures ${year}, ${unit}`,
    noMatch: (n) => `No measures match the filter. Choose All under Status and Category to see all ${n}.`,
    noMeasures: 'There are no measures in the workspace yet. Paste the measures register from Excel below, or import a workspace (JSON) that has it; then unit managers can report effects here.',
    paste: {
      summary: 'Paste a measures register from Excel',
      help: 'Copy the table in Excel with its header row on top. Swedish headers: Id, Åtgärd, Enhet (the unit’s id), Kategori, Ansvarig, Beslut, Status, Typ, Risk, År, Planerad effekt, Helårseffekt, Start. A measure whose id is already there is replaced.',
      label: 'Table of measures',
    },
    filterStatus: 'Status', filterCategory: 'Category', all: 'All', noCategory: 'No category',
    columns: {
      title: 'Measure', unit: 'Unit', category: 'Category', status: 'Status',
      plannedToDate: 'Planned to date', realisedToDate: 'Realised to date', rate: 'Realisation rate',
      signal: 'Signal', forecast: 'Forecast, year', shortfall: 'Shortfall', expected: 'Expected', delay: 'Delay, months',
    },
    sortBy: (label) => `Sort by ${label}`,
    statuses: { planned: 'planned', decided: 'decided', ongoing: 'ongoing', done: 'done', cancelled: 'cancelled' },
    timeline: 'Timeline of effect realisation',
    programme: 'Programme',
    chartTitle: (name) => ['Cumulative effect, ', name],
    series: { planned: 'Planned', realised: 'Realised', forecast: 'Forecast', expected: 'Expected' },
    asTable: 'Show the timeline as a table',
    month: 'Month',
    entry: 'Report effect',
    entryHelp: 'For unit managers: enter this month’s realised effect and/or a new forecast of the year’s effect. Amounts in kronor, e.g. 1 500 000 or 1,5 mnkr.',
    measure: 'Measure', entryMonth: 'Month (YYYY-MM)', realised: 'Realised effect this month', newForecast: 'New forecast for the year',
    save: 'Save', undo: 'Undo last', exportJson: TEXT.en.exportJson, exportCsv: TEXT.en.exportCsv,
    errors: {
      month: 'Write the month as YYYY-MM, e.g. 2025-08.',
      nothing: 'Enter a realised effect, a new forecast or both.',
      amount: 'The amount could not be read. Write e.g. 1 500 000 or 1,5 mnkr.',
      negative: 'A forecast cannot be negative.',
      cancelled: 'The measure is cancelled and takes no new forecasts.',
      other: 'Could not be saved',
    },
    saved: (what, title) => `Saved for ${title}: ${what}.`,
    savedRealised: (amount, month) => `realised effect ${amount} for ${month}`,
    savedForecast: (amount, year) => `forecast ${amount} for ${year}`,
    undone: (title) => `The last entry for ${title} is undone.`,
    nothingToUndo: 'There is no entry to undo.',
    notStored: 'The entry is in the workspace but could not be kept in the browser.',
    entries: (n) => `${n} entries`,
  },
};

/** The measures table's columns: key, how to read the value, how to show it. */
const COLUMNS = [
  ['title', (m) => m.title, 'text'],
  ['unit', (m) => m.unitName, 'text'],
  ['category', (m) => m.category, 'text'],
  ['status', (m) => m.status, 'status'],
  ['plannedToDate', (m) => m.year.plannedToDate, 'amount'],
  ['realisedToDate', (m) => m.year.realisedToDate, 'amount'],
  ['rate', (m) => m.year.rate, 'percent'],
  ['signal', (m) => m.year.status, 'rag'],
  ['forecast', (m) => m.year.forecast, 'amount'],
  ['shortfall', (m) => m.year.shortfall, 'amount'],
  ['expected', (m) => m.year.expected, 'amount'],
  ['delay', (m) => (m.delayMonths == null ? null : String(m.delayMonths)), 'number'],
];
const RAG_ORDER = { red: '0', amber: '1', green: '2' };
const SERIES = ['planned', 'realised', 'forecast', 'expected'];
/** Drawing order: realised last, on top of the forecast and expected lines it starts. */
const DRAW = ['planned', 'forecast', 'expected', 'realised'];

/** Per widget: what the user chose, so a re-render for another month keeps it. */
const states = new WeakMap();
function stateOf(host) {
  if (!states.has(host)) states.set(host, { sort: null, status: '', category: '', programme: null, measure: null, message: null, paste: {} });
  return states.get(host);
}

/** Compares two decimal strings exactly (no floats); null sorts last. */
function compareNullable(a, b) {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  return compareDecimal(a, b);
}

function ensureStylesheet(root) {
  if (root.querySelector('link[data-view="effects"]')) return;
  root.append(h('link', { rel: 'stylesheet', href: STYLESHEET.href, 'data-view': 'effects' }));
}

/**
 * Renders the view into ctx.region and returns the effects report it shows.
 * @param {object} ctx - { host, region, workspace, asOf, lang, displayUnit, decimals, storageKey,
 *   emit(type, detail), rerender() }
 */
export function render(ctx) {
  const lang = ctx.lang === 'en' ? 'en' : 'sv';
  const t = STRINGS[lang];
  const report = ctx.workspace.effects({ asOf: ctx.asOf });
  const root = ctx.host.shadowRoot;
  ensureStylesheet(root);
  const focused = root.activeElement?.id || null;
  const state = stateOf(ctx.host);
  const money = (amount) => formatAmount(amount, { unit: ctx.displayUnit, decimals: ctx.decimals, suffix: true });
  // Units by name where a person reads them; the report lists those with measures under them.
  const unitNames = new Map(report.units.map((u) => [u.unit, u.name]));
  const measures = report.measures.map((m) => ({ ...m, unitName: unitNames.get(m.unit) ?? m.unit }));
  // In the measures table the display unit is said once, in its caption, not in every cell.
  const figure = (amount) => formatAmount(amount, { unit: ctx.displayUnit, decimals: ctx.decimals, suffix: false });
  const unitLabel = TEXT[lang].units[ctx.displayUnit];
  const view = { ctx, lang, t, report, measures, state, money, figure, unitLabel, percent };
  // The programme follows the whole tree whichever unit is chosen: the caption names its root.
  const rootName = report.units.find((u) => u.parent == null)?.name
    ?? ctx.workspace.deviation({ asOf: ctx.asOf, fields: [] }).rows[0]?.name ?? '';

  ctx.region.replaceChildren(
    h('h2', { id: 'caption', class: 'effects-heading view-caption' },
      named(rootName, { cls: 'title' }), h('span', { class: 'vh' }, ': '),
      h('span', { class: 'subtitle' }, t.heading(MONTHS[lang][Number(report.asOf.slice(5)) - 1], report.year))),
    summary(view),
    ...(measures.length ? [measuresTable(view), timeline(view), entryForm(view)] : [
      h('p', { class: 'empty' }, t.noMeasures),
      timeline(view),
      pasteBox({
        id: 'measures-paste', lang, text: t.paste, kind: 'measures', ctx, state: state.paste, open: true,
        read: (text) => ctx.workspace.importMeasures(text),
      }),
    ]),
  );
  if (focused) root.getElementById(focused)?.focus();
  return report;
}

/** Programmes that run in the report's year first: the one a committee is asked about now. */
function orderedProgrammes(report) {
  const current = (p) => p.from <= report.year && report.year <= p.to;
  return [...report.programmes.filter(current), ...report.programmes.filter((p) => !current(p))];
}

function ragText(t, rag) {
  return rag ? h('span', { class: `rag rag-${rag}` }, t.rag[rag]) : h('span', { class: 'rag' }, t.noRate);
}

function summary({ t, report, money, percent }) {
  const section = h('section', { class: 'effects-summary', part: 'summary' });
  for (const p of orderedProgrammes(report)) {
    const id = `programme-${p.id}`;
    const f = p.period;
    const figures = [
      ['target', money(p.target)], ['planned', money(f.planned)], ['realisedToDate', money(f.realisedToDate)],
      ['rate', f.rate == null ? t.noRate : [percent(f.rate), ' ', ragText(t, f.status)]],
      ['forecast', money(f.forecast)], ['shortfall', money(f.shortfall)], ['expected', money(f.expected)],
      ['coverage', p.coverage == null ? '–' : percent(p.coverage)],
    ];
    section.append(h('article', { class: 'programme', 'aria-labelledby': id, 'data-programme': p.id },
      h('h3', { id }, named(p.name), ' ', h('span', { class: 'period' }, `(${t.period(p.from, p.to)})`)),
      h('p', { class: 'need', 'data-amount': p.need }, `${t.need}: `, h('strong', {}, money(p.need))),
      h('dl', {}, ...figures.flatMap(([key, value]) => [
        h('dt', {}, t.figures[key]),
        h('dd', { 'data-field': key }, ...[value].flat()),
      ]))));
  }
  return section;
}

function measuresTable(view) {
  const { ctx, t, report, measures, state } = view;
  const statuses = [...new Set(measures.map((m) => m.status))];
  const categories = report.categories.map((c) => c.category);
  const select = (id, label, value, options, onChange) => {
    const el = h('select', { id }, ...options.map(([v, text]) => h('option', { value: v }, text)));
    el.value = value;
    el.addEventListener('change', () => onChange(el.value));
    return h('div', { class: 'field' }, h('label', { for: id }, label), el);
  };
  const filters = h('div', { class: 'filters' },
    select('filter-status', t.filterStatus, state.status,
      [['', t.all], ...statuses.map((s) => [s, t.statuses[s]])], (v) => { state.status = v; ctx.rerender(); }),
    select('filter-category', t.filterCategory, state.category,
      [['', t.all], ...categories.map((c) => [c ?? '\u2205', c == null ? t.noCategory : isolate(c)])], (v) => { state.category = v; ctx.rerender(); }));

  let rows = measures.filter((m) => (!state.status || m.status === state.status)
    && (!state.category || (m.category ?? '\u2205') === state.category));
  if (state.sort) {
    const [, get, kind] = COLUMNS.find(([key]) => key === state.sort.key);
    const value = kind === 'rag' ? (m) => RAG_ORDER[get(m)] ?? null : get;
    const numeric = !['text', 'status'].includes(kind);
    rows = [...rows].sort((a, b) => {
      const c = numeric ? compareNullable(value(a), value(b)) : String(value(a) ?? '').localeCompare(String(value(b) ?? ''), 'sv');
      return state.sort.dir === 'ascending' ? c : -c;
    });
  }

  const head = h('tr', {}, ...COLUMNS.map(([key, , kind]) => {
    const sorted = state.sort?.key === key ? state.sort.dir : null;
    const button = h('button', { type: 'button', class: 'sort', id: `sort-${key}`, 'aria-label': t.sortBy(t.columns[key]) },
      t.columns[key], h('span', { class: 'arrow', 'aria-hidden': 'true' }, sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''));
    button.addEventListener('click', () => {
      state.sort = { key, dir: sorted === 'ascending' ? 'descending' : 'ascending' };
      ctx.rerender();
    });
    return h('th', { scope: 'col', class: ['text', 'status'].includes(kind) ? '' : 'num', 'aria-sort': sorted ?? 'none' }, button);
  }));
  const body = h('tbody', {}, ...rows.map((m) => h('tr', { 'data-measure': m.id },
    ...COLUMNS.map(([key, get, kind]) => cell(view, key, get(m), kind)))));
  const table = h('table', { part: 'table', class: 'measures' },
    h('caption', {}, t.measures(report.year, view.unitLabel)), h('thead', {}, head), body);
  // Not a landmark of its own: its table region below carries the name.
  return h('section', { class: 'effects-measures' },
    filters,
    rows.length ? h('div', { class: 'scroll-x', role: 'region', tabindex: '0', 'aria-label': t.measures(report.year, view.unitLabel) }, table)
      : h('p', { class: 'empty' }, t.noMatch(measures.length)));
}

function cell({ t, figure, percent }, key, value, kind) {
  const field = { 'data-field': key };
  switch (kind) {
    case 'text':
      if (key === 'title') return h('th', { scope: 'row', ...field }, named(value ?? ''));
      return value == null ? h('td', field, '–') : h('td', field, named(value));
    case 'status':
      return h('td', field, t.statuses[value]);
    case 'amount':
      return h('td', { class: 'num', ...field, 'data-amount': value }, figure(value));
    case 'percent':
      return h('td', { class: 'num', ...field, 'data-percent': value ?? '' }, value == null ? '–' : percent(value));
    case 'rag':
      return h('td', field, ragText(t, value));
    default:
      return h('td', { class: 'num', ...field }, value ?? '–');
  }
}

function timeline(view) {
  const { ctx, t, report, state, money } = view;
  const programmes = orderedProgrammes(report);
  if (!programmes.length) return h('section', { hidden: true });
  const p = programmes.find((x) => x.id === state.programme) ?? programmes[0];
  const section = h('section', { class: 'effects-timeline', 'aria-labelledby': 'timeline-title' },
    h('h3', { id: 'timeline-title', class: 'chart-title' }, `${t.timeline}: `, named(p.name)));
  if (programmes.length > 1) {
    const pick = h('select', { id: 'timeline-programme' }, ...programmes.map((x) => h('option', { value: x.id }, isolate(x.name))));
    pick.value = p.id;
    pick.addEventListener('change', () => { state.programme = pick.value; ctx.rerender(); });
    section.append(h('div', { class: 'field' }, h('label', { for: 'timeline-programme' }, t.programme), pick));
  }
  const series = SERIES.map((key) => ({ key, label: t.series[key] }));
  section.append(
    h('ul', { class: 'legend' }, ...series.map(({ key, label }) => h('li', {}, h('span', { class: `swatch ${key}`, 'aria-hidden': 'true' }), label)),
      h('li', {}, h('span', { class: 'swatch target', 'aria-hidden': 'true' }), `${t.figures.target} ${money(p.target)}`)),
    timelineChart(p.timeline, {
      series: DRAW.map((key) => ({ key, label: t.series[key] })), target: p.target, format: money, title: t.chartTitle(isolate(p.name)).join(''), targetLabel: `${t.figures.target} ${money(p.target)}`,
      width: chartWidth(ctx.host, { min: 720 }),
    }),
    h('details', { class: 'as-table' },
      h('summary', {}, t.asTable),
      h('table', { class: 'timeline' },
        h('caption', {}, ...t.chartTitle(named(p.name))),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.month), ...series.map(({ label }) => h('th', { scope: 'col', class: 'num' }, label)))),
        h('tbody', {}, ...p.timeline.map((pt) => h('tr', { 'data-month': pt.month },
          h('th', { scope: 'row' }, monthName(view.lang, pt.month)),
          ...SERIES.map((key) => h('td', { class: 'num', 'data-amount': pt[key] ?? '' }, pt[key] == null ? '–' : money(pt[key])))))))));
  return section;
}

function entryForm(view) {
  const { ctx, t, report, measures, state } = view;
  // The first running measure is the likeliest to report on.
  if (!state.measure || !measures.some((m) => m.id === state.measure)) {
    state.measure = (measures.find((m) => m.status === 'ongoing') ?? measures[0])?.id ?? null;
  }
  const input = (id, label, attrs = {}) => {
    const error = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
    const el = h('input', { id, type: 'text', autocomplete: 'off', 'aria-describedby': `${id}-error`, ...attrs });
    return { el, error, wrap: h('div', { class: 'form-field' }, h('label', { for: id }, label), el, error) };
  };
  const measure = h('select', { id: 'entry-measure' }, ...measures.map((m) => h('option', { value: m.id }, `${isolate(m.title)}, ${isolate(m.unitName)} (${m.id})`)));
  measure.value = state.measure ?? '';
  measure.addEventListener('change', () => { state.measure = measure.value; });
  const month = input('entry-month', t.entryMonth, { value: report.asOf, inputmode: 'numeric' });
  const realised = input('entry-realised', t.realised, { inputmode: 'decimal' });
  const forecast = input('entry-forecast', t.newForecast, { inputmode: 'decimal' });
  const status = h('p', { id: 'entry-status', class: 'entry-status', role: 'status' }, state.message ?? '');
  state.message = null;
  const count = ctx.workspace.effectEntries().length;
  const save = h('button', { type: 'submit', id: 'entry-save' }, t.save);
  const undo = h('button', { type: 'button', id: 'entry-undo', 'aria-disabled': count === 0 ? 'true' : null }, t.undo);
  const exportJson = h('button', { type: 'button', id: 'export-json' }, t.exportJson);
  const exportCsv = h('button', { type: 'button', id: 'export-csv' }, t.exportCsv);
  const form = h('form', { class: 'entry', 'aria-labelledby': 'entry-title', novalidate: true },
    h('h3', { id: 'entry-title' }, t.entry),
    h('p', { class: 'help' }, t.entryHelp),
    h('div', { class: 'form-field' }, h('label', { for: 'entry-measure' }, t.measure), measure),
    month.wrap, realised.wrap, forecast.wrap,
    h('div', { class: 'actions' }, save, undo, exportJson, exportCsv, h('span', { class: 'count' }, t.entries(count))),
    status);

  const fields = { month, realised, forecast };
  const showError = (name, text) => {
    const f = fields[name];
    f.el.setAttribute('aria-invalid', 'true');
    f.error.textContent = text;
    f.error.hidden = false;
  };
  const clearErrors = () => {
    for (const f of Object.values(fields)) {
      f.el.removeAttribute('aria-invalid');
      f.error.textContent = '';
      f.error.hidden = true;
    }
  };
  const done = (message, type, detail) => {
    state.message = message;
    ctx.emit(type, detail);
    ctx.rerender();
    // Saving is asynchronous (IndexedDB): a failure is added to the status shown by then.
    if (ctx.storageKey) {
      ctx.workspace.save(ctx.storageKey).catch(() => {
        const shown = ctx.host.shadowRoot?.getElementById('entry-status');
        if (shown) shown.textContent = `${shown.textContent} ${t.notStored}`.trim();
      });
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors();
    const m = measures.find((x) => x.id === measure.value);
    const when = month.el.value.trim();
    const texts = { realised: realised.el.value.trim(), forecast: forecast.el.value.trim() };
    if (!isMonth(when)) return focusError('month', t.errors.month);
    if (!texts.realised && !texts.forecast) return focusError('realised', t.errors.nothing);
    const amounts = {};
    for (const name of ['realised', 'forecast']) {
      if (!texts[name]) continue;
      try {
        amounts[name] = parseAmount(texts[name]);
      } catch {
        return focusError(name, t.errors.amount);
      }
    }
    const entries = [];
    try {
      if (amounts.realised != null) entries.push(ctx.workspace.recordRealised({ measure: m.id, month: when, amount: amounts.realised }));
      if (amounts.forecast != null) {
        entries.push(ctx.workspace.recordForecast({ measure: m.id, year: Number(when.slice(0, 4)), made: when, amount: amounts.forecast }));
      }
    } catch (err) {
      // Both or neither: an entry already made in this submit is taken back.
      for (let i = 0; i < entries.length; i++) ctx.workspace.undoEntry();
      const reason = err?.field === 'measure' ? t.errors.cancelled
        : err?.field === 'amount' && amounts.forecast?.startsWith('-') ? t.errors.negative
          : `${t.errors.other}: ${err?.message ?? err}`;
      return focusError(amounts.forecast != null ? 'forecast' : 'realised', reason);
    }
    const said = entries.map((e) => (e.kind === 'realised'
      ? t.savedRealised(view.money(e.amount), monthName(view.lang, e.month))
      : t.savedForecast(view.money(e.amount), e.year)));
    done(t.saved(said.join(', '), isolate(m.title)), 'balans-entry', { entries });
  });
  function focusError(name, text) {
    showError(name, text);
    fields[name].el.focus();
  }
  undo.addEventListener('click', () => {
    const entry = ctx.workspace.effectEntries().length ? ctx.workspace.undoEntry() : null;
    if (!entry) {
      status.textContent = t.nothingToUndo;
      return;
    }
    const title = measures.find((x) => x.id === entry.measure)?.title ?? entry.measure;
    done(t.undone(isolate(title)), 'balans-undo', { entry });
  });
  // Saved as files in the browser: a blob URL, never a request.
  exportJson.addEventListener('click', () => download(JSON.stringify(ctx.workspace.effectEntries(), null, 2),
    `effekter-${report.asOf}.json`, 'application/json', ctx.host.shadowRoot));
  exportCsv.addEventListener('click', () => download(ctx.workspace.exportEntriesCsv(),
    `effekter-${report.asOf}.csv`, 'text/csv;charset=utf-8', ctx.host.shadowRoot));
  return form;
}
