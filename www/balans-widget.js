// <balans-widget>: the custom element that shows balans reports in a page (intranet, Stratsys,
// the standalone app). It renders; the Rust core calculates. This file never does arithmetic on
// amounts: every figure and every sum comes from the WebAssembly package as a decimal string and
// is shown through the package's own formatAmount. It is not a data store or an importer either:
// it hands one JSON document to a Workspace and asks that Workspace for reports.
//
// Safe in someone else's page: DOM is built with createElement/textContent only, styles come from
// balans-widget.css beside this file, and the only request it makes (besides the package, its
// .wasm and the stylesheet) is fetching the document named by `src`.

import init, { Workspace, formatAmount, parseAmount } from './pkg/balans.js';
// Views beyond the deviation table (view="effects", …) and the browser copy of entries.
import { VIEWS, restoreWorkspace, storageKey } from './views/registry.js';

const STYLESHEET = new URL('./balans-widget.css', import.meta.url);
const DISPLAY_UNITS = ['kr', 'tkr', 'mnkr'];
const DEFAULT_DISPLAY_UNIT = 'mnkr';
const DEFAULT_DECIMALS = 1;
/** The first two levels start expanded: the region and its committees, so the areas under each
 * committee show and everything below them is one click away. What a controller opens first. */
const OPEN_LEVELS = 2;
/** Reports of up to this many units get every row's cells at once; larger ones (a region's
 * tree has thousands of units, a few dozen of them open) get a row's cells when it is first
 * shown, so a re-render for another month formats only what is seen (README, Performance). */
const EAGER_ROWS = 500;
const NBSP = '\u00a0';

/** UI text. Error codes map to a Swedish (or English) explanation; the API's own message, which
 * is English, is shown beneath it for whoever has to fix the file. */
const STRINGS = {
  sv: {
    loading: 'Laddar …',
    empty: 'Ingen data att visa.',
    noRows: 'Rapporten har inga enheter.',
    loadFailed: 'Kunde inte läsa data',
    reportFailed: 'Kunde inte visa avvikelsen',
    asOf: 'Per månad',
    displayUnit: 'Belopp i',
    caption: (month, year, unit) => `Avvikelse per ${month} ${year}, ${unit}`,
    groups: { period: 'Månad', ytd: 'Hittills i år', fullYear: 'Helår' },
    columns: {
      unit: 'Enhet', budget: 'Budget', outcome: 'Utfall', forecast: 'Prognos',
      deviation: 'Avvikelse', percent: 'Avvikelse %', forecastMonth: 'Prognos från',
      status: 'Status', underlying: 'Underliggande', due: 'Åtgärdsprogram senast',
    },
    missing: 'saknas',
    field: (field) => `fält ${field}`,
    months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti',
      'september', 'oktober', 'november', 'december'],
    monthsShort: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    units: { kr: 'kr', tkr: 'tkr', mnkr: 'mnkr' },
    unit: 'Enhet',
    decimals: 'Decimaler',
    threshold: 'Väsentlighetsgräns',
    thresholdAmount: (unit) => `Belopp (${unit})`,
    thresholdPercent: 'Procent',
    thresholdHint: 'Tomt: de sparade gränserna per nivå.',
    filter: 'Visa status',
    allStatuses: 'Alla',
    statuses: { within: 'Inom', favourable: 'Gynnsam', watch: 'Bevaka', material: 'Väsentlig' },
    span: 'Period',
    spans: { month: 'Månad', tertial: 'Tertial' },
    tertial: (n, from, to) => `Tertial ${n} (${from}–${to})`,
    interim: 'delårsrapport',
    chart: (name) => `Helårsprognoser för ${name}`,
    showChart: 'Visa prognoserna under året',
    byCostType: 'Per kostnadsslag',
    noCostType: 'Utan kostnadsslag',
    chartMade: 'Gjord',
    chartRevision: 'Ändring',
    chartNone: 'Inga prognoser ännu.',
    exportCsv: 'Exportera CSV',
    exportJson: 'Exportera JSON',
    invalid: 'Ogiltigt värde',
    fileName: 'avvikelse',
    codes: {
      E_FETCH: 'filen kunde inte hämtas',
      E_HTTP: 'servern lämnade inte ut filen',
      E_JSON: 'filen är inte giltig JSON',
      E_WASM: 'beräkningsmodulen kunde inte laddas',
      E_VIEW: 'okänd vy',
      E_SCHEMA: 'dokumentet följer inte formatet',
      E_SCHEMA_VERSION: 'okänd schemaversion',
      E_PARSE_AMOUNT: 'ogiltigt belopp',
      E_PARSE_MONTH: 'ogiltig månad (skriv ÅÅÅÅ-MM)',
      E_UNKNOWN_UNIT: 'okänd enhet',
      E_DUPLICATE_UNIT: 'samma enhet finns två gånger',
      E_UNKNOWN_PARENT: 'okänd överordnad enhet',
      E_ROOT: 'organisationsträdet ska ha exakt en rot',
      E_CYCLE: 'organisationsträdet går i cirkel',
      E_PERIODISE: 'budgeten kan inte periodiseras',
      E_OPTION: 'ogiltigt val',
    },
  },
  en: {
    loading: 'Loading …',
    empty: 'No data to show.',
    noRows: 'The report has no units.',
    loadFailed: 'Could not read the data',
    reportFailed: 'Could not show the deviation',
    asOf: 'As of',
    displayUnit: 'Amounts in',
    caption: (month, year, unit) => `Deviation as of ${month} ${year}, ${unit}`,
    groups: { period: 'Month', ytd: 'Year to date', fullYear: 'Full year' },
    columns: {
      unit: 'Unit', budget: 'Budget', outcome: 'Outcome', forecast: 'Forecast',
      deviation: 'Deviation', percent: 'Deviation %', forecastMonth: 'Forecast made',
      status: 'Status', underlying: 'Underlying', due: 'Action programme due',
    },
    missing: 'n/a',
    field: (field) => `field ${field}`,
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
      'September', 'October', 'November', 'December'],
    monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    units: { kr: 'SEK', tkr: 'kSEK', mnkr: 'MSEK' },
    unit: 'Unit',
    decimals: 'Decimals',
    threshold: 'Materiality threshold',
    thresholdAmount: (unit) => `Amount (${unit})`,
    thresholdPercent: 'Percent',
    thresholdHint: 'Empty: the stored thresholds per level.',
    filter: 'Show status',
    allStatuses: 'All',
    statuses: { within: 'Within', favourable: 'Favourable', watch: 'Watch', material: 'Material' },
    span: 'Period',
    spans: { month: 'Month', tertial: 'Tertial' },
    tertial: (n, from, to) => `Tertial ${n} (${from}–${to})`,
    interim: 'interim report',
    chart: (name) => `Full-year forecasts for ${name}`,
    showChart: 'Show the forecasts made this year',
    byCostType: 'By cost type',
    noCostType: 'No cost type',
    chartMade: 'Made',
    chartRevision: 'Change',
    chartNone: 'No forecasts yet.',
    exportCsv: 'Export CSV',
    exportJson: 'Export JSON',
    invalid: 'Invalid value',
    fileName: 'deviation',
    codes: {
      E_FETCH: 'the file could not be fetched',
      E_HTTP: 'the server did not return the file',
      E_JSON: 'the file is not valid JSON',
      E_WASM: 'the calculation module could not be loaded',
      E_VIEW: 'unknown view',
    },
  },
};

/** The table's columns: which report group and field each shows, and how. */
const COLUMNS = [
  ['period', 'budget', 'amount'], ['period', 'outcome', 'amount'],
  ['period', 'deviation', 'deviation'], ['period', 'percent', 'percent'],
  ['ytd', 'budget', 'amount'], ['ytd', 'outcome', 'amount'],
  ['ytd', 'deviation', 'deviation'], ['ytd', 'percent', 'percent'],
  ['ytd', 'underlying', 'deviation'], ['ytd', 'status', 'status'],
  ['fullYear', 'budget', 'amount'], ['fullYear', 'forecast', 'amount'],
  ['fullYear', 'deviation', 'deviation'], ['fullYear', 'percent', 'percent'],
  ['fullYear', 'status', 'status'], ['fullYear', 'forecastMonth', 'month'],
  ['fullYear', 'due', 'month'],
];
/** A cell's value: most come straight from their group; the action programme's due month comes
 * from the row's escalation (null for rows never escalated, and for cost-type rows). */
function cellValue(row, group, key) {
  if (key === 'due') return row.escalation?.due ?? null;
  return row[group]?.[key] ?? null;
}
/** The attribute that carries a cell's value, by the column's kind (for scripts and tests). */
const DATA_ATTRIBUTES = {
  amount: 'data-amount', deviation: 'data-amount', percent: 'data-percent', status: 'data-status', month: 'data-month',
};
const PERCENT_FORMAT = { unit: 'kr', decimals: 1, suffix: false };

/** What a cell shows of a row's figures for a column: its classes, its value (for the data
 * attribute, null when missing) and its text (null when missing). */
function cellView(row, [group, key, kind], year, format, t) {
  const value = cellValue(row, group, key);
  const attribute = DATA_ATTRIBUTES[kind];
  if (value == null) return { cls: kind === 'month' ? 'month' : 'num', attribute, value, text: null };
  switch (kind) {
    case 'amount':
      return { cls: 'num', attribute, value, text: formatAmount(value, format) };
    case 'deviation': {
      const { text, tone } = signed(formatAmount(value, format));
      return { cls: `num ${tone}`, attribute, value, text };
    }
    case 'status':
      return { cls: 'month state', attribute, value, text: t.statuses[value] };
    case 'percent': {
      const { text, tone } = signed(formatAmount(value, PERCENT_FORMAT));
      return { cls: `num ${tone}`, attribute, value, text: `${text}${NBSP}%` };
    }
    default: {
      const [y, m] = parseMonth(value) ?? [year, -1];
      const label = m < 0 ? value : y === year ? t.monthsShort[m] : `${t.monthsShort[m]} ${y}`;
      return { cls: 'month', attribute, value, text: label };
    }
  }
}

/** Makes a cell show `view`, changing only what differs from what it shows. */
function paintCell(td, { cls, attribute, value, text }, t) {
  if (td.className !== cls) td.className = cls;
  if (value == null) td.removeAttribute(attribute);
  else if (td.getAttribute(attribute) !== value) td.setAttribute(attribute, value);
  const only = td.childNodes.length === 1 ? td.firstChild : null;
  if (text == null) {
    if (!td.firstElementChild) td.replaceChildren(...missing(t));
  } else if (only?.nodeType === Node.TEXT_NODE) {
    if (only.data !== text) only.data = text;
  } else {
    td.replaceChildren(text);
  }
}
const STATUSES = ['within', 'favourable', 'watch', 'material'];
const DECIMALS = ['0', '1', '2', '3'];
/** Characters that make a spreadsheet read a text cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** The columns with the first group showing `span`: the month ("period") or its tertial. */
function columnsFor(span) {
  return span === 'tertial' ? COLUMNS.map(([g, k, kind]) => [g === 'period' ? 'tertial' : g, k, kind]) : COLUMNS;
}
/** [group, number of columns] in order. */
function groupsOf(columns) {
  return [...new Set(columns.map(([g]) => g))].map((group) => [group, columns.filter(([g]) => g === group).length]);
}
const SPANS = ['month', 'tertial'];

/** One wasm initialisation per page, whichever widget asks first; a failed attempt may be retried. */
let ready = null;
function loadPackage(wasmUrl) {
  ready ??= init(wasmUrl ? { module_or_path: wasmUrl } : undefined).catch((err) => {
    ready = null;
    throw coded(err, 'E_WASM');
  });
  return ready;
}

/** Gives an error the stable `code` the UI and the balans-error event rely on; the package's own
 * errors already have one. */
function coded(err, code) {
  if (typeof err?.code === 'string') return err;
  return Object.assign(new Error(err?.message ?? String(err), { cause: err }), { code });
}

/** createElement with attributes and children; strings become text nodes, never markup. */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) node.setAttribute(name, '');
    else if (value != null && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

/** Shows or hides a row; a row already so is left alone: setting `hidden` again still costs a
 * style pass (3–7 ms over the bench region's 2,049 rows, measured in Chromium). */
function show(tr, visible) {
  if (tr.hidden === visible) tr.hidden = !visible;
}

/** Whether a new report's row has the same unit, name, children and cost types as the row an
 * entry of the table shows, so that the entry can show it (#updateTable). */
function sameRows(entry, row) {
  if (!entry || entry.row.name !== row.name || entry.row.parent !== row.parent) return false;
  const [a, b] = [entry.row.children, row.children];
  if (a.length !== b.length || a.some((id, i) => id !== b[i])) return false;
  const types = row.costTypes ?? [];
  return entry.extra.length === types.length && entry.extra.every((x, i) => x.figures.costType === types[i].costType);
}

/** "–" for a missing figure, with a word for screen readers so the dash is not read as minus. */
function missing(t) {
  return [h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'vh' }, t.missing)];
}

/**
 * Signs a formatted deviation for display. The sign is read from the rounded text, so a figure
 * shown as 0,0 is neither green nor red, and a plus is added so colour is never the only signal.
 */
function signed(text) {
  if (!/[1-9]/.test(text)) return { text: text.replace(/^[\u2212-]/, ''), tone: 'neutral' };
  if (/^[\u2212-]/.test(text)) return { text, tone: 'unfavourable' };
  return { text: `+${text}`, tone: 'favourable' };
}

/** "YYYY-MM" → [year, monthIndex 0..11], or null. */
function parseMonth(value) {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value ?? '');
  return m ? [Number(m[1]), Number(m[2]) - 1] : null;
}

function currentMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The latest month with booked outcome in a workspace document; months compare as text. */
function latestOutcomeMonth(doc) {
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.outcome)) return null;
  let latest = null;
  for (const row of doc.outcome) {
    if (parseMonth(row?.month) && (latest === null || row.month > latest)) latest = row.month;
  }
  return latest;
}

/**
 * Orders two canonical decimal strings from the package ("-157333333.36", "1200", "0.5") exactly,
 * by their digits: sorting never turns an amount into a float.
 */
export function compareDecimal(a, b) {
  const negA = a.startsWith('-');
  const negB = b.startsWith('-');
  if (negA !== negB) return negA ? -1 : 1;
  const [ai, af = ''] = (negA ? a.slice(1) : a).split('.');
  const [bi, bf = ''] = (negB ? b.slice(1) : b).split('.');
  let order = ai.length - bi.length;
  if (order === 0 && ai !== bi) order = ai < bi ? -1 : 1;
  if (order === 0) {
    const n = Math.max(af.length, bf.length);
    const [x, y] = [af.padEnd(n, '0'), bf.padEnd(n, '0')];
    order = x === y ? 0 : x < y ? -1 : 1;
  }
  return Math.sign(order) * (negA ? -1 : 1);
}

/** One CSV field: text that a spreadsheet would run as a formula gets a leading apostrophe, and
 * fields with a separator, quote or line break are quoted. */
function csvField(value, text) {
  let out = String(value ?? '');
  if (text && FORMULA_START.test(out)) out = `'${out}`;
  return /[;"\r\n]/.test(out) ? `"${out.replaceAll('"', '""')}"` : out;
}

/** Offers `text` as a file download; nothing leaves the browser. */
function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * `<balans-widget>`: budget deviation per unit for a month, the year to date and the full year.
 *
 * Data comes from the first of: the `workspace` property (a Workspace the page owns), the `data`
 * property (a document the widget imports into a Workspace it owns), the `src` attribute (the URL
 * of such a document). Another month, unit, display unit, number of decimals or language asks the
 * same Workspace for a new report; only a new source is imported again.
 *
 * @attr {string} view - the report: "deviation" (default), "effects" (www/views/effects.js),
 *   "grants" (www/views/grants.js, state-grant dependency) or "bridge" (www/views/bridge.js)
 * @attr {string} src - URL of a workspace JSON document (schema 1) to fetch and import
 * @attr {string} as-of - the month, "YYYY-MM". Default: the latest month with outcome in the
 *   document; the current month when the data came as a `workspace` or as JSON text
 * @attr {string} unit - id of the unit whose subtree to show; default the whole tree
 * @attr {number} decimals - decimals shown for amounts, 0–6; default 1 (percent always 1)
 * @attr {string} display-unit - kr, tkr or mnkr (default)
 * @attr {string} lang - sv (default) or en; otherwise taken from the nearest `[lang]` ancestor
 * @attr {string} span - the first column group: month (default) or tertial
 * @attr {string} wasm-url - where to load balans_bg.wasm from when it is not beside balans.js
 *
 * @fires balans-ready - after every rendered report; detail `{ rows, report }`
 * @fires balans-error - loading or reporting failed; detail `{ code, message, field }`
 * @fires balans-toggle - the user expanded or collapsed a row; detail `{ unit, expanded }`
 * @fires balans-change - the user picked a month, unit, display unit, decimals, threshold or status
 *   filter; detail `{ asOf, displayUnit, unit, decimals, threshold, filter }`
 * @fires balans-export - the user exported the table shown; detail `{ format, fileName, text }`
 *
 * @csspart toolbar - the month and display unit controls
 * @csspart table - the report table
 * @csspart caption - the table caption
 * @csspart row - each body row (`data-unit` is the unit id, `data-depth` its depth in the table)
 * @csspart status - loading and empty messages (role="status")
 * @csspart error - the error message (role="alert")
 *
 * @cssprop --balans-font - font family (default: the system UI font)
 * @cssprop --balans-font-size - base font size (default 0.875rem)
 * @cssprop --balans-color - text colour
 * @cssprop --balans-muted - secondary text colour
 * @cssprop --balans-background - table background
 * @cssprop --balans-header-background - background of the table header and the toolbar
 * @cssprop --balans-row-hover - background of the row under the pointer
 * @cssprop --balans-border - rule colour
 * @cssprop --balans-control-border - border of the selects (keep 3:1 against the background)
 * @cssprop --balans-favourable - colour of deviations better than budget
 * @cssprop --balans-unfavourable - colour of deviations worse than budget
 * @cssprop --balans-watch - colour of the status "watch" (bevaka)
 * @cssprop --balans-focus - focus ring colour
 */
export class BalansWidget extends HTMLElement {
  static get observedAttributes() {
    return ['view', 'src', 'as-of', 'unit', 'decimals', 'display-unit', 'lang', 'wasm-url', 'span'];
  }

  #ui;
  #workspace = null; // owned by the page, never freed here
  #data = null;
  #owned = null; // imported by this widget, freed here
  #active = null; // the Workspace reports come from
  #defaultAsOf = null;
  #report = null;
  #options = null; // the deviation options of the report shown, without `fields`
  #rows = new Map(); // unit id → { row, depth, tr, header, button, focus, extra, shown }, in order shown
  #expanded = new Map(); // unit id → boolean; survives re-renders for another month
  #stale = true; // the source changed and must be loaded before the next render
  #queued = false;
  #run = 0; // bumped by every refresh, so a slow load never overwrites a newer one
  #abort = null;
  #toolbarKey = '';
  #units = null; // [{ id, name, depth }] of the whole tree, for the unit select
  #threshold = null; // { absolute, percent } as canonical strings, or null for the stored ones
  #filter = ''; // a status, or '' for all rows
  #sort = null; // { field, direction } or null for the tree's own order
  #body = null; // the table body, whose rows #applyOrder arranges
  #order = null; // the entries in the order the body has them, null before they are put in
  #table = null; // { node, key, caption } of the table shown, kept for another month (#updateTable)
  #cells = null; // { year, format, t }: what the cells of the report shown are made with
  #chartOpen = false; // the forecast chart is built only when asked for
  #byCostType = false; // each unit followed by its figures per cost type (kostnadsslag)

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.#ui = this.#buildShell();
    // A page may set properties before the element is defined; send them through the setters.
    for (const name of ['workspace', 'data', 'view', 'src', 'asOf', 'unit', 'decimals', 'displayUnit', 'wasmUrl', 'span']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  /** The report shown: "deviation" (default), "effects", "grants" or "bridge". @type {string} */
  get view() { return this.getAttribute('view') || 'deviation'; }
  set view(value) { this.#reflect('view', value); }

  /** URL of a workspace JSON document to fetch and import. @type {string} */
  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.#reflect('src', value); }

  /** The month asked for, "YYYY-MM" ('' for the default); `report.asOf` is the month shown. @type {string} */
  get asOf() { return this.getAttribute('as-of') ?? ''; }
  set asOf(value) { this.#reflect('as-of', value); }

  /** Id of the unit whose subtree is shown; '' for the whole tree. @type {string} */
  get unit() { return this.getAttribute('unit') ?? ''; }
  set unit(value) { this.#reflect('unit', value); }

  /** Decimals shown for amounts, 0–6; anything else reads as the default, 1. @type {number} */
  get decimals() {
    const value = this.getAttribute('decimals')?.trim() ?? '';
    return /^[0-6]$/.test(value) ? Number(value) : DEFAULT_DECIMALS;
  }
  set decimals(value) { this.#reflect('decimals', value); }

  /** Display unit for amounts: "kr", "tkr" or "mnkr" (default). @type {string} */
  get displayUnit() {
    const value = this.getAttribute('display-unit');
    return DISPLAY_UNITS.includes(value) ? value : DEFAULT_DISPLAY_UNIT;
  }
  set displayUnit(value) { this.#reflect('display-unit', value); }

  /** The first column group: "month" (default) or "tertial", the tertial through the month. @type {string} */
  get span() {
    const value = this.getAttribute('span');
    return SPANS.includes(value) ? value : 'month';
  }
  set span(value) { this.#reflect('span', value); }

  #columns() {
    return columnsFor(this.span === 'tertial' ? 'tertial' : 'period');
  }

  /** The report's groups the table shows (its columns and the status filter's), and the
   * thresholds applied: only these cross from the package (README, Performance). */
  #fields() {
    return [...new Set(this.#columns().map(([group, key]) => (key === 'due' ? 'escalation' : group))), 'threshold'];
  }

  /** Where balans_bg.wasm is; the package loads once per page, so the first widget decides. @type {string} */
  get wasmUrl() { return this.getAttribute('wasm-url') ?? ''; }
  set wasmUrl(value) { this.#reflect('wasm-url', value); }

  /** A Workspace owned by the page; the widget reads reports from it and never frees it. */
  get workspace() { return this.#workspace; }
  set workspace(value) {
    if (value === this.#workspace) return;
    this.#workspace = value ?? null;
    this.#schedule(true);
  }

  /** A workspace document (object or JSON text); the widget imports it into a Workspace it owns
   * and frees that Workspace when the document is replaced or the element removed. */
  get data() { return this.#data; }
  set data(value) {
    if (value === this.#data) return;
    this.#data = value ?? null;
    this.#schedule(true);
  }

  /** The last report rendered, as the package returned it; null when none is shown. Its rows
   * carry the groups the table shows (period or tertial, ytd, fullYear, escalation) and
   * threshold; `toJson()` or `activeWorkspace.deviation()` give every group. */
  get report() { return this.#report; }

  /** The table as shown (visible rows in their order, every column) as CSV for Excel in
   * Swedish: semicolons, decimal commas, CRLF, a UTF-8 byte order mark; amounts in the display
   * unit without thousands separators; text cells safe against formula injection. */
  toCsv() {
    const t = this.#t;
    const format = { unit: this.displayUnit, decimals: this.decimals, plain: true };
    const unitLabel = t.units[this.displayUnit];
    const columns = this.#columns();
    const header = ['Id', t.columns.unit, ...columns.map(([group, key, kind]) =>
      `${this.#groupLabel(group, t)} ${t.columns[key]}${kind === 'amount' || kind === 'deviation' ? ` (${unitLabel})` : ''}`)];
    const lines = [header.map((v) => csvField(v, true))];
    const lines2 = this.#shownEntries().flatMap(({ row, extra }) => [
      [row.unit, row.name, row],
      ...extra.map((x) => [`${row.unit}:${x.figures.costType ?? ''}`, x.name, x.figures]),
    ]);
    for (const [id, name, row] of lines2) {
      const cells = columns.map(([group, key, kind]) => {
        const value = cellValue(row, group, key);
        if (value == null) return '';
        switch (kind) {
          case 'amount': case 'deviation': return formatAmount(value, format);
          case 'percent': return formatAmount(value, { unit: 'kr', decimals: 1, plain: true });
          case 'status': return csvField(t.statuses[value], true);
          default: return csvField(value, true);
        }
      });
      lines.push([csvField(id, true), csvField(name, true), ...cells]);
    }
    return `\ufeff${lines.map((cells) => cells.join(';')).join('\r\n')}\r\n`;
  }

  /** The report of the table shown as JSON text, amounts as decimal strings: the visible rows in
   * their order, each with every group of figures (`report` has only those the table shows). */
  toJson() {
    if (!this.#report) return 'null';
    const whole = this.#active.deviation(this.#options);
    const rows = new Map(whole.rows.map((row) => [row.unit, row]));
    return JSON.stringify({ ...whole, rows: this.#shownEntries().map((e) => rows.get(e.row.unit)) }, null, 2);
  }

  // ── For companions on the page (the import panel, import-panel.js) ──────────────────────
  /** The Workspace shown (the page's or the widget's own); null before data is loaded. */
  get activeWorkspace() { return this.#active; }
  /** Renders again from the workspace, e.g. after data was imported into it. */
  refresh() { this.#schedule(false); }

  connectedCallback() {
    this.#schedule(false);
  }

  disconnectedCallback() {
    this.#run++;
    this.#abort?.abort();
    // Moving the element disconnects and reconnects it in one task; only a removal frees memory.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#adopt(null, false);
      this.#stale = true;
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    this.#schedule(name === 'src');
  }

  #reflect(name, value) {
    if (value == null || value === '') this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  get #t() {
    const lang = this.closest('[lang]')?.getAttribute('lang') ?? '';
    return lang.toLowerCase().startsWith('en') ? STRINGS.en : STRINGS.sv;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ── Loading ──────────────────────────────────────────────────────────────────────────────

  /** Coalesces the attribute and property changes of one task into one refresh. */
  #schedule(reload) {
    if (reload) this.#stale = true;
    if (this.#queued || !this.isConnected) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#refresh();
    });
  }

  async #refresh() {
    const run = ++this.#run;
    let phase = 'load';
    try {
      if (this.#stale) {
        this.#setBusy(true);
        await this.#load(run);
        if (run !== this.#run) return;
        this.#stale = false;
      }
      phase = 'report';
      this.#render();
    } catch (err) {
      if (run === this.#run && err?.name !== 'AbortError') this.#fail(err, phase);
    } finally {
      if (run === this.#run) this.#setBusy(false);
    }
  }

  /** Loads the package, then the source. A new Workspace replaces the old one only once it has
   * imported cleanly, so a bad file loses nothing already shown. */
  async #load(run) {
    this.#abort?.abort();
    await loadPackage(this.wasmUrl);
    if (run !== this.#run) return;
    if (this.#workspace) {
      this.#adopt(this.#workspace, false);
      return;
    }
    const doc = this.#data ?? (this.src ? await this.#fetch() : null);
    if (run !== this.#run) return;
    if (doc == null) {
      this.#adopt(null, false);
      return;
    }
    // A document from `src` gets the entries kept in this browser replayed onto it (registry.js).
    this.#adopt(this.#data == null ? restoreWorkspace(this.src, doc) : Workspace.fromJSON(doc), true);
    this.#defaultAsOf = latestOutcomeMonth(doc);
  }

  async #fetch() {
    this.#abort = new AbortController();
    let response;
    try {
      response = await fetch(this.src, { signal: this.#abort.signal });
    } catch (err) {
      if (err.name === 'AbortError') throw err;
      throw coded(err, 'E_FETCH');
    }
    if (!response.ok) {
      throw coded(new Error(`HTTP ${response.status} ${response.statusText} for ${response.url}`), 'E_HTTP');
    }
    try {
      return await response.json();
    } catch (err) {
      throw coded(err, 'E_JSON');
    }
  }

  #adopt(workspace, owned) {
    if (this.#owned && this.#owned !== workspace) this.#owned.free();
    this.#owned = owned ? workspace : null;
    this.#active = workspace;
    this.#defaultAsOf = null;
    this.#units = null;
  }

  // ── States ───────────────────────────────────────────────────────────────────────────────

  #setBusy(busy) {
    for (const node of [this, this.#ui.region]) {
      if (busy) node.setAttribute('aria-busy', 'true');
      else node.removeAttribute('aria-busy');
    }
    if (busy) this.#ui.status.textContent = this.#t.loading;
  }

  #showMessage(text) {
    this.#report = null;
    this.#ui.toolbar.hidden = true;
    this.#ui.region.hidden = true;
    this.#ui.status.textContent = text;
  }

  /** Shows an error in Swedish (or English) with its code, and reports it as balans-error. A
   * failed load keeps the report already shown. A failed report removes the table, which would
   * mislead, but keeps the toolbar, so that another month can be picked. */
  #fail(err, phase) {
    const t = this.#t;
    const code = typeof err?.code === 'string' ? err.code : 'E_UNKNOWN';
    const message = err?.message ?? String(err);
    const field = typeof err?.field === 'string' ? err.field : null;
    // A code without a translation falls back to the API's message, which names its field itself.
    const known = Object.hasOwn(t.codes, code);
    const reason = known ? t.codes[code] + (field ? ` (${t.field(field)})` : '') : message.replace(/\.$/, '');
    const headline = `${phase === 'load' ? t.loadFailed : t.reportFailed}: ${reason}.`;
    this.#ui.status.textContent = '';
    if (phase === 'report' || !this.#report) {
      this.#report = null;
      this.#ui.region.hidden = true;
    }
    this.#ui.error.replaceChildren(
      h('p', {}, headline),
      h('p', { class: 'detail' }, h('code', {}, code), ...(known ? [` ${message}`] : [])),
    );
    this.#emit('balans-error', { code, message, field });
  }

  // ── Rendering ────────────────────────────────────────────────────────────────────────────

  #render() {
    const t = this.#t;
    this.#ui.error.replaceChildren();
    const other = Object.hasOwn(VIEWS, this.view) ? VIEWS[this.view] : null;
    if (this.view !== 'deviation' && !other) throw coded(new Error(`unknown view "${this.view}"`), 'E_VIEW');
    if (!this.#active) {
      this.#showMessage(t.empty);
      return;
    }
    const asOf = this.asOf || this.#defaultAsOf || currentMonth();
    if (other) {
      this.#renderView(other, asOf, t);
      return;
    }
    let report;
    try {
      const options = this.unit ? { asOf, unit: this.unit } : { asOf };
      if (this.#threshold) options.thresholds = { default: this.#threshold };
      if (this.#byCostType) options.byCostType = true;
      report = this.#active.deviation({ ...options, fields: this.#fields() });
      this.#options = options;
      // The unit select lists the whole tree, also when a subtree is shown.
      this.#units ??= (this.unit ? this.#active.deviation({ asOf, fields: [] }) : report).rows
        .map(({ unit, name, depth }) => ({ id: unit, name, depth }));
    } catch (err) {
      // A page may hand over a Workspace it has not filled yet: that is emptiness, not a fault.
      if (err?.code !== 'E_NO_DATA') throw err;
      this.#showMessage(t.empty);
      return;
    }
    this.#report = report;
    this.#renderToolbar(report, t);
    if (!this.#updateTable(report, t)) this.#ui.region.replaceChildren(this.#buildTable(report, t));
    this.#ui.region.hidden = false;
    this.#renderChart(report, t);
    this.#ui.status.textContent = report.rows.length ? '' : t.noRows;
    this.#emit('balans-ready', { rows: report.rows, report });
  }

  /** A view from www/views/ renders into the region itself; the toolbar stays the widget's. */
  #renderView(view, asOf, t) {
    let report;
    try {
      report = view.render({
        host: this, region: this.#ui.region, workspace: this.#active, asOf, unit: this.unit,
        lang: t === STRINGS.en ? 'en' : 'sv', displayUnit: this.displayUnit, decimals: this.decimals,
        h, signed, missing,
        storageKey: this.#data == null && !this.#workspace && this.src ? storageKey(this.src) : null,
        emit: (type, detail) => this.#emit(type, detail),
        rerender: () => {
          try { this.#render(); } catch (err) { this.#fail(err, 'report'); }
        },
      });
    } catch (err) {
      if (err?.code !== 'E_NO_DATA') throw err;
      this.#showMessage(t.empty);
      return;
    }
    this.#report = report;
    this.#renderToolbar(report, t);
    this.#ui.region.hidden = false;
    this.#ui.chart.hidden = true; // the deviation table's forecast chart is not this view's
    this.#ui.status.textContent = '';
    this.#emit('balans-ready', { report });
  }

  #buildShell() {
    const link = h('link', { rel: 'stylesheet', href: STYLESHEET.href });
    const frame = h('div', { hidden: true });
    // Show nothing until the stylesheet is in, rather than a flash of unstyled table.
    const reveal = () => { frame.hidden = false; };
    link.addEventListener('load', reveal);
    link.addEventListener('error', reveal);

    const month = h('select', { id: 'as-of' });
    const unit = h('select', { id: 'display-unit' });
    const monthLabel = h('label', { for: 'as-of' });
    const unitLabel = h('label', { for: 'display-unit' });
    const span = h('select', { id: 'span' });
    const spanLabel = h('label', { for: 'span' });
    const subtree = h('select', { id: 'unit' });
    const subtreeLabel = h('label', { for: 'unit' });
    const decimals = h('select', { id: 'decimals' });
    const decimalsLabel = h('label', { for: 'decimals' });
    const filter = h('select', { id: 'filter' });
    const filterLabel = h('label', { for: 'filter' });
    const hint = h('span', { id: 'threshold-hint', class: 'vh' });
    const amount = h('input', { id: 'threshold-amount', type: 'text', inputmode: 'decimal', size: '6', 'aria-describedby': 'threshold-hint' });
    const percent = h('input', { id: 'threshold-percent', type: 'text', inputmode: 'decimal', size: '4', 'aria-describedby': 'threshold-hint' });
    const amountLabel = h('label', { for: 'threshold-amount' });
    const percentLabel = h('label', { for: 'threshold-percent' });
    const legend = h('legend', {});
    const costTypes = h('input', { id: 'by-cost-type', type: 'checkbox' });
    const costTypesLabel = h('label', { for: 'by-cost-type' });
    const csv = h('button', { type: 'button', class: 'action', 'data-export': 'csv' });
    const json = h('button', { type: 'button', class: 'action', 'data-export': 'json' });
    const toolbar = h('div', { part: 'toolbar', class: 'toolbar', hidden: true },
      h('div', { class: 'field' }, monthLabel, month),
      h('div', { class: 'field deviation-only' }, spanLabel, span),
      h('div', { class: 'field deviation-only' }, subtreeLabel, subtree),
      h('div', { class: 'field' }, unitLabel, unit),
      h('div', { class: 'field' }, decimalsLabel, decimals),
      h('fieldset', { class: 'field threshold deviation-only' }, legend, amountLabel, amount, percentLabel, percent, hint),
      h('div', { class: 'field deviation-only' }, filterLabel, filter),
      h('div', { class: 'field deviation-only' }, costTypes, costTypesLabel),
      h('div', { class: 'field deviation-only' }, csv, json));
    const status = h('div', { part: 'status', class: 'status', role: 'status' });
    const error = h('div', { part: 'error', class: 'error', role: 'alert' });
    // Focusable and labelled, so a table wider than its page can be scrolled by keyboard.
    const region = h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'caption', hidden: true });

    const changed = () => this.#emit('balans-change', {
      asOf: month.value, displayUnit: unit.value, unit: subtree.value, decimals: Number(decimals.value),
      threshold: this.#threshold, filter: this.#filter,
    });
    month.addEventListener('change', () => { this.asOf = month.value; changed(); });
    unit.addEventListener('change', () => { this.displayUnit = unit.value; changed(); });
    subtree.addEventListener('change', () => { this.unit = subtree.value; changed(); });
    span.addEventListener('change', () => { this.span = span.value; changed(); });
    costTypes.addEventListener('change', () => {
      this.#byCostType = costTypes.checked;
      this.#schedule(false);
      changed();
    });
    decimals.addEventListener('change', () => { this.decimals = decimals.value; changed(); });
    filter.addEventListener('change', () => {
      this.#filter = filter.value;
      this.#applyVisibility();
      changed();
    });
    const threshold = () => { if (this.#readThreshold()) changed(); };
    amount.addEventListener('change', threshold);
    percent.addEventListener('change', threshold);
    csv.addEventListener('click', () => this.#export('csv'));
    json.addEventListener('click', () => this.#export('json'));
    region.addEventListener('click', (event) => this.#onClick(event));
    region.addEventListener('keydown', (event) => this.#onKeydown(event));

    // The forecasts of the report's root unit: an SVG chart with a table beside it.
    const chart = h('section', { part: 'chart', class: 'chart', hidden: true, 'aria-labelledby': 'chart-toggle' });
    chart.addEventListener('click', (event) => {
      if (!event.target.closest?.('#chart-toggle')) return;
      this.#chartOpen = !this.#chartOpen;
      if (this.#report) this.#renderChart(this.#report, this.#t);
      this.#ui.chart.querySelector('#chart-toggle')?.focus();
    });
    frame.append(toolbar, status, error, region, chart);
    this.shadowRoot.append(link, frame);
    return {
      toolbar, month, monthLabel, unit, unitLabel, status, error, region, subtree, subtreeLabel, span, spanLabel, chart, costTypes, costTypesLabel,
      decimals, decimalsLabel, filter, filterLabel, amount, amountLabel, percent, percentLabel, legend, hint, csv, json,
    };
  }

  /** Fills the selects; their options change only with the report's year or the language. */
  #renderToolbar(report, t) {
    const { toolbar, month, monthLabel, unit, unitLabel } = this.#ui;
    const ui = this.#ui;
    const key = `${report.year} ${t === STRINGS.en ? 'en' : 'sv'} ${this.displayUnit} ${this.#units?.length}`;
    if (key !== this.#toolbarKey) {
      this.#toolbarKey = key;
      monthLabel.textContent = t.asOf;
      unitLabel.textContent = t.displayUnit;
      // The interim reports (delår) are per March and per August.
      month.replaceChildren(...t.months.map((name, i) =>
        h('option', { value: `${report.year}-${String(i + 1).padStart(2, '0')}` },
          `${name} ${report.year}${i === 2 || i === 7 ? ` – ${t.interim}` : ''}`)));
      ui.spanLabel.textContent = t.span;
      ui.span.replaceChildren(...SPANS.map((value) => h('option', { value }, t.spans[value])));
      unit.replaceChildren(...DISPLAY_UNITS.map((value) => h('option', { value }, t.units[value])));
      ui.subtreeLabel.textContent = t.unit;
      // Indented by depth with em spaces: options hold text only.
      ui.subtree.replaceChildren(...(this.#units ?? []).map(({ id, name, depth }) =>
        h('option', { value: id }, `${'\u2003'.repeat(depth)}${name}`)));
      ui.decimalsLabel.textContent = t.decimals;
      ui.decimals.replaceChildren(...DECIMALS.map((value) => h('option', { value }, value)));
      ui.legend.textContent = t.threshold;
      ui.amountLabel.textContent = t.thresholdAmount(t.units[this.displayUnit]);
      ui.percentLabel.textContent = t.thresholdPercent;
      ui.hint.textContent = t.thresholdHint;
      ui.filterLabel.textContent = t.filter;
      ui.filter.replaceChildren(h('option', { value: '' }, t.allStatuses),
        ...STATUSES.map((value) => h('option', { value }, t.statuses[value])));
      ui.costTypesLabel.textContent = t.byCostType;
      ui.csv.textContent = t.exportCsv;
      ui.json.textContent = t.exportJson;
      // The threshold in kronor, shown again in the display unit.
      ui.amount.value = this.#threshold ? this.#plain(this.#threshold.absolute) : '';
    }
    month.value = report.asOf;
    unit.value = this.displayUnit;
    ui.subtree.value = this.unit || report.root;
    ui.span.value = this.span;
    ui.costTypes.checked = this.#byCostType;
    ui.decimals.value = String(this.decimals);
    ui.filter.value = this.#filter;
    // The other views keep month, display unit and decimals; the rest is the deviation table's.
    toolbar.dataset.view = Object.hasOwn(VIEWS, this.view) ? this.view : 'deviation';
    toolbar.hidden = false;
  }

  #buildTable(report, t) {
    this.#cells = { year: report.year, format: this.#format(), t };
    this.#rows.clear();
    const body = h('tbody', {});
    for (const row of report.rows) this.#rows.set(row.unit, this.#buildRow(row, t));
    this.#body = body;
    this.#order = null;
    this.#applyOrder();
    const caption = this.#buildCaption(report, t);
    const node = h('table', { part: 'table' },
      caption,
      h('colgroup', {}),
      ...groupsOf(this.#columns()).map(([, span]) => h('colgroup', { span, class: 'group' })),
      this.#buildHead(t),
      body);
    this.#table = { node, key: this.#tableKey(t), caption };
    return node;
  }

  /** What the table's rows and headings are made for, besides the figures. */
  #tableKey(t) {
    return `${t === STRINGS.en ? 'en' : 'sv'} ${this.span} ${this.#byCostType}`;
  }

  #format() {
    return { unit: this.displayUnit, decimals: this.decimals, suffix: false };
  }

  /**
   * Another month (or display unit, decimals, threshold) over the same rows: the table stays, its
   * caption and column group headings are made again, and so are the cells of the rows shown;
   * rows not shown get theirs when next shown. Rebuilding the table of a region's tree cost more
   * than the report itself (README, Performance). Returns false when the rows differ (another
   * subtree, units imported since, other cost types, another language or span) or the table is
   * not shown: then a new one is built.
   */
  #updateTable(report, t) {
    const table = this.#table;
    if (!table || table.node.parentNode !== this.#ui.region || table.key !== this.#tableKey(t)) return false;
    if (report.rows.length !== this.#rows.size || !report.rows.every((row) => sameRows(this.#rows.get(row.unit), row))) return false;
    this.#cells = { year: report.year, format: this.#format(), t };
    for (const row of report.rows) {
      const entry = this.#rows.get(row.unit);
      entry.row = row;
      entry.extra.forEach((x, i) => { x.figures = row.costTypes[i]; });
    }
    const caption = this.#buildCaption(report, t);
    table.caption.replaceWith(caption);
    table.caption = caption;
    for (const th of table.node.querySelectorAll('thead th[data-group]')) {
      const label = this.#groupLabel(th.dataset.group, t);
      if (th.textContent !== label) th.textContent = label;
    }
    this.#applyOrder();
    return true;
  }

  /** The full-year forecasts made so far this year for the report's root unit, as the forecast
   * deviation per month made: an SVG line with a table alternative. The figures come from the
   * package (`accuracy`, whose forecast series is the same for a year still running); numbers
   * are taken from them only to place points, never to compute a figure. */
  #renderChart(report, t) {
    const { chart } = this.#ui;
    const root = report.rows[0];
    chart.hidden = !root;
    if (!root) return;
    // A disclosure button; the chart and its table exist only while it is open.
    const toggle = h('button', { type: 'button', class: 'toggle', id: 'chart-toggle', 'aria-expanded': String(this.#chartOpen) },
      h('span', { class: 'name' }, this.#chartOpen ? t.chart(root.name) : t.showChart));
    if (!this.#chartOpen) {
      chart.replaceChildren(h('h2', { class: 'chart-title' }, toggle));
      return;
    }
    const series = this.#active.accuracy({ year: report.year, unit: root.unit }).rows[0];
    const points = (series?.forecasts ?? []).filter((f) => f.made <= report.asOf);
    const revision = new Map((series?.revisions ?? []).map((r) => [r.made, r.change]));
    const format = { unit: this.displayUnit, decimals: this.decimals };
    const title = h('h2', { class: 'chart-title' }, toggle);
    if (points.length === 0) {
      chart.replaceChildren(title, h('p', {}, t.chartNone));
      return;
    }
    chart.replaceChildren(title, this.#svg(points, t, format), h('table', { class: 'chart-table' },
      h('caption', { class: 'vh' }, t.chart(root.name)),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t.chartMade),
        h('th', { scope: 'col', class: 'num' }, t.columns.forecast),
        h('th', { scope: 'col', class: 'num' }, t.columns.deviation),
        h('th', { scope: 'col', class: 'num' }, t.chartRevision))),
      h('tbody', {}, ...points.map((p) => {
        const [, m] = parseMonth(p.made) ?? [0, 0];
        const change = revision.get(p.made);
        const dev = signed(formatAmount(p.deviation, format));
        const rev = change == null ? null : signed(formatAmount(change, format));
        return h('tr', { 'data-made': p.made },
          h('th', { scope: 'row' }, t.monthsShort[m]),
          h('td', { class: 'num', 'data-amount': p.forecast }, formatAmount(p.forecast, format)),
          h('td', { class: `num ${dev.tone}`, 'data-amount': p.deviation }, dev.text),
          rev ? h('td', { class: `num ${rev.tone}`, 'data-amount': change }, rev.text) : h('td', { class: 'num' }, ...missing(t)));
      }))));
  }

  /** The line of forecast deviations across the year's months, zero marked. */
  #svg(points, t, format) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = (tag, attrs = {}, ...children) => {
      const node = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      node.append(...children);
      return node;
    };
    const [W, H, left, top] = [480, 140, 16, 12];
    const values = points.map((p) => Number(p.deviation)); // positions only
    const hi = Math.max(0, ...values);
    const lo = Math.min(0, ...values);
    const y = (v) => top + ((hi - v) / (hi - lo || 1)) * (H - 2 * top);
    const x = (made) => left + ((parseMonth(made)?.[1] ?? 0) / 11) * (W - 2 * left);
    const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.made).toFixed(1)},${y(values[i]).toFixed(1)}`).join(' ');
    return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', 'aria-hidden': 'true', focusable: 'false' },
      svg('line', { class: 'zero', x1: left, x2: W - left, y1: y(0), y2: y(0) }),
      ...t.monthsShort.map((name, i) => svg('text', { class: 'tick', x: left + (i / 11) * (W - 2 * left), y: H - 1 }, name)),
      svg('path', { class: 'line', d: line }),
      ...points.map((p, i) => svg('circle', { class: values[i] < 0 ? 'point unfavourable' : 'point favourable', cx: x(p.made), cy: y(values[i]), r: 4 },
        svg('title', {}, `${p.made}: ${signed(formatAmount(p.deviation, format)).text}`))));
  }

  #buildCaption(report, t) {
    const [year, month] = parseMonth(report.asOf) ?? [report.year, 0];
    const caption = h('caption', { part: 'caption', id: 'caption' });
    if (report.name) caption.append(h('span', { class: 'title' }, report.name), h('span', { class: 'vh' }, ': '));
    caption.append(h('span', { class: 'subtitle' }, t.caption(t.months[month], year, t.units[this.displayUnit])));
    return caption;
  }

  /** A column group's heading; the tertial's names its months, e.g. "Tertial 2 (maj–aug)". */
  #groupLabel(group, t) {
    if (group !== 'tertial' || !this.#report) return t.groups[group];
    const [, from] = parseMonth(this.#report.tertialFrom) ?? [0, 0];
    const [, to] = parseMonth(this.#report.asOf) ?? [0, 0];
    return t.tertial(Math.floor(from / 4) + 1, t.monthsShort[from], t.monthsShort[to]);
  }

  #buildHead(t) {
    // Sort buttons take one Tab stop together: arrows left and right move between them.
    const sortable = (field, label) => {
      const sorted = this.#sort?.field === field;
      const button = h('button', { type: 'button', class: 'sort', 'data-sort': field, tabindex: '-1' }, label);
      return [button, sorted ? this.#sort.direction : null];
    };
    const head = (attrs, field, label) => {
      const [button, direction] = sortable(field, label);
      return h('th', { ...attrs, 'aria-sort': direction }, button);
    };
    const thead = h('thead', {},
      h('tr', {},
        head({ scope: 'col', rowspan: '2', class: 'corner' }, 'name', t.columns.unit),
        ...groupsOf(this.#columns()).map(([group, span]) =>
          h('th', { scope: 'colgroup', colspan: String(span), 'data-group': group }, this.#groupLabel(group, t)))),
      h('tr', {},
        ...this.#columns().map(([group, key, kind]) =>
          head({ scope: 'col', class: kind === 'month' || kind === 'status' ? 'month' : 'num' }, `${group}.${key}`, t.columns[key]))));
    const buttons = [...thead.querySelectorAll('button.sort')];
    (buttons.find((b) => b.dataset.sort === this.#sort?.field) ?? buttons[0]).tabIndex = 0;
    thead.addEventListener('click', (event) => {
      const button = event.target.closest?.('button.sort');
      if (button) this.#sortBy(button.dataset.sort);
    });
    thead.addEventListener('keydown', (event) => {
      const index = buttons.indexOf(event.target);
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (index < 0 || !step) return;
      event.preventDefault();
      const next = buttons[(index + step + buttons.length) % buttons.length];
      buttons[index].tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    });
    return thead;
  }

  #buildRow(row, t) {
    const { depth } = row; // 0 for the report's root, also when it is a subtree
    const tr = h('tr', { part: 'row', 'data-unit': row.unit, 'data-depth': String(depth) });
    const header = h('th', { scope: 'row', 'data-depth': String(Math.min(depth, 6)) });
    let button = null;
    if (row.children.length > 0) {
      // The name is the button's content, so the row header reads as the unit's name and the
      // state comes from aria-expanded, not from a label that would repeat in every cell.
      button = h('button', { type: 'button', class: 'toggle' }, h('span', { class: 'name' }, row.name));
      header.append(button);
    } else {
      header.setAttribute('tabindex', '-1'); // reachable by the arrow keys, not by Tab
      header.append(h('span', { class: 'name' }, row.name));
    }
    tr.append(header);
    // Cost-type rows: the unit's subtree per cost type, right under it; not in the tree's focus
    // order, shown and hidden with their unit.
    const extra = (row.costTypes ?? []).map((figures) => {
      const name = figures.name ?? t.noCostType;
      const label = h('th', { scope: 'row', 'data-depth': String(Math.min(depth + 1, 6)) }, h('span', { class: 'name' }, name));
      const line = h('tr', { part: 'row', class: 'cost-type', 'data-cost-type-of': row.unit, 'data-cost-type': figures.costType ?? '' }, label);
      return { figures, name, tr: line, label };
    });
    // The cells are made by #fill, when the row is shown (see EAGER_ROWS, #applyVisibility);
    // `shown` is the row whose figures they show, null while there are none.
    const entry = { row, depth, tr, header, button, focus: button ?? header, extra, shown: null };
    if (button) button.setAttribute('aria-expanded', String(this.#isExpanded(entry)));
    return entry;
  }

  /** Gives a row (and its cost-type rows) the cells of the report shown: new cells for a row
   * without any, else the cells it has, changed where they differ. A changed text costs a
   * fraction of a new cell's style and layout (README, Performance). */
  #fill(entry) {
    const { year, format, t } = this.#cells;
    const columns = this.#columns();
    const fill = (tr, figures) => {
      if (tr.cells.length === 1) {
        tr.append(...columns.map(([group, key]) => h('td', { 'data-field': `${group}.${key}` })));
      }
      columns.forEach((column, i) => paintCell(tr.cells[i + 1], cellView(figures, column, year, format, t), t));
    };
    fill(entry.tr, entry.row);
    for (const x of entry.extra) fill(x.tr, x.figures);
    entry.shown = entry.row;
  }

  /** Takes away a hidden row's cells that show an earlier report; it gets new ones when shown. */
  #empty(entry) {
    entry.tr.replaceChildren(entry.header);
    for (const x of entry.extra) x.tr.replaceChildren(x.label);
    entry.shown = null;
  }

  // ── Tree ─────────────────────────────────────────────────────────────────────────────────

  #isExpanded(entry) {
    return this.#expanded.get(entry.row.unit) ?? entry.depth < OPEN_LEVELS;
  }

  /** Hides every row below a collapsed one; rows come parent first, so one pass suffices. With a
   * status filter, shows the rows whose year-to-date or full-year status is that one, and the
   * rows above them for context. */
  #applyVisibility() {
    this.#applyRowVisibility();
    const eager = this.#rows.size <= EAGER_ROWS;
    for (const entry of this.#rows.values()) {
      const { hidden } = entry.tr;
      if (entry.shown !== entry.row) {
        if (!hidden || eager) this.#fill(entry);
        else if (entry.shown) this.#empty(entry);
      }
      for (const x of entry.extra) if (x.tr.hidden !== hidden) x.tr.hidden = hidden;
    }
  }

  /** The unit rows' visibility; cost-type rows follow theirs in #applyVisibility. */
  #applyRowVisibility() {
    if (this.#filter) {
      const shown = new Set();
      for (const { row } of this.#rows.values()) {
        if (row.ytd.status !== this.#filter && row.fullYear.status !== this.#filter) continue;
        for (let id = row.unit; this.#rows.has(id) && !shown.has(id); id = this.#rows.get(id).row.parent) shown.add(id);
      }
      for (const { row, tr } of this.#rows.values()) show(tr, shown.has(row.unit));
      return;
    }
    const open = new Map();
    for (const entry of this.#rows.values()) {
      const { row, tr } = entry;
      const visible = !this.#rows.has(row.parent) || open.get(row.parent);
      show(tr, visible);
      open.set(row.unit, visible && this.#isExpanded(entry));
    }
  }

  /** The visible rows in the order shown. */
  #shownEntries() {
    return [...this.#rows.values()].filter((e) => !e.tr.hidden);
  }

  /** Puts the rows in tree order with siblings sorted by the chosen column (nulls last), and
   * the map of rows in that order too, so the arrow keys follow what is seen. */
  #applyOrder() {
    const entries = [...this.#rows.values()];
    const compare = this.#comparator();
    const ordered = [];
    const visit = (list) => {
      const sorted = compare ? [...list].sort(compare) : list;
      for (const entry of sorted) {
        ordered.push(entry);
        visit(entry.row.children.map((id) => this.#rows.get(id)).filter(Boolean));
      }
    };
    visit(entries.filter((e) => !this.#rows.has(e.row.parent)));
    this.#rows = new Map(ordered.map((e) => [e.row.unit, e]));
    // Moving two thousand rows costs a style pass over all of them: only when the order changed.
    if (!this.#order || ordered.some((e, i) => e !== this.#order[i])) {
      this.#body?.replaceChildren(...ordered.flatMap((e) => [e.tr, ...e.extra.map((x) => x.tr)]));
    }
    this.#order = ordered;
    this.#applyVisibility();
  }

  #comparator() {
    if (!this.#sort) return null;
    const { field, direction } = this.#sort;
    const sign = direction === 'descending' ? -1 : 1;
    const [group, key] = field.split('.');
    const kind = this.#columns().find(([g, k]) => g === group && k === key)?.[2];
    const value = (entry) => (field === 'name' ? entry.row.name : cellValue(entry.row, group, key));
    const order = (a, b) => {
      if (field === 'name') return a.localeCompare(b, 'sv');
      if (kind === 'status') return STATUSES.indexOf(a) - STATUSES.indexOf(b);
      if (kind === 'month') return a < b ? -1 : a > b ? 1 : 0;
      return compareDecimal(a, b);
    };
    return (x, y) => {
      const [a, b] = [value(x), value(y)];
      if (a == null || b == null) return (a == null) - (b == null); // missing values last
      return sign * order(a, b);
    };
  }

  /** Sorts by `field`: ascending first, then each click turns the direction. */
  #sortBy(field) {
    const direction = this.#sort?.field === field && this.#sort.direction === 'ascending' ? 'descending' : 'ascending';
    this.#sort = { field, direction };
    for (const th of this.#ui.region.querySelectorAll('thead th')) {
      const button = th.querySelector('button.sort');
      if (!button) continue;
      if (button.dataset.sort === field) th.setAttribute('aria-sort', direction);
      else th.removeAttribute('aria-sort');
    }
    this.#applyOrder();
  }

  /** Reads the threshold inputs: an amount in the display unit and a percent, Swedish or plain.
   * Both empty returns to the stored thresholds; one empty counts as 0. A value that cannot be
   * read is marked invalid and changes nothing. */
  #readThreshold() {
    const { amount, percent } = this.#ui;
    const read = (input, unit) => {
      const text = input.value.trim();
      input.removeAttribute('aria-invalid');
      if (!text) return '0';
      try {
        return parseAmount(unit ? `${text} ${unit}` : text);
      } catch {
        input.setAttribute('aria-invalid', 'true');
        return null;
      }
    };
    const absolute = read(amount, this.displayUnit);
    const pct = read(percent, '');
    if (absolute === null || pct === null) return false;
    this.#threshold = amount.value.trim() || percent.value.trim() ? { absolute, percent: pct } : null;
    this.#schedule(false);
    return true;
  }

  /** An amount in the display unit, plain, with as many decimals as it needs (up to six). */
  #plain(amount) {
    return formatAmount(amount, { unit: this.displayUnit, decimals: 6, plain: true }).replace(/,?0+$/, '');
  }

  #export(format) {
    const asOf = this.#report?.asOf ?? '';
    const fileName = `${this.#t.fileName}-${asOf}.${format}`;
    const text = format === 'csv' ? this.toCsv() : this.toJson();
    download(text, fileName, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
    this.#emit('balans-export', { format, fileName, text });
  }

  #toggle(entry, expanded) {
    if (!entry.button || this.#isExpanded(entry) === expanded) return;
    this.#expanded.set(entry.row.unit, expanded);
    entry.button.setAttribute('aria-expanded', String(expanded));
    this.#applyVisibility();
    this.#emit('balans-toggle', { unit: entry.row.unit, expanded });
  }

  #entryOf(node) {
    return this.#rows.get(node.closest?.('tbody tr')?.dataset.unit);
  }

  #onClick(event) {
    const button = event.target.closest?.('button.toggle');
    const entry = button && this.#entryOf(button);
    if (entry) this.#toggle(entry, !this.#isExpanded(entry));
  }

  /** Tree keys on a row header: arrows right and left open and close (or step to the first child
   * and to the parent), up and down, Home and End move between visible rows. */
  #onKeydown(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || !event.target.closest?.('th[scope="row"]')) return;
    const entry = this.#entryOf(event.target);
    if (!entry) return;
    const visible = [...this.#rows.values()].filter((e) => !e.tr.hidden);
    const index = visible.indexOf(entry);
    let next = null;
    switch (event.key) {
      case 'ArrowDown': next = visible[index + 1]; break;
      case 'ArrowUp': next = visible[index - 1]; break;
      case 'Home': next = visible[0]; break;
      case 'End': next = visible.at(-1); break;
      case 'ArrowRight':
        if (entry.button && !this.#isExpanded(entry)) this.#toggle(entry, true);
        else next = this.#rows.get(entry.row.children[0]);
        break;
      case 'ArrowLeft':
        if (entry.button && this.#isExpanded(entry)) this.#toggle(entry, false);
        else next = this.#rows.get(entry.row.parent);
        break;
      default:
        return;
    }
    event.preventDefault();
    next?.focus.focus();
  }
}

let registered = false;

/**
 * Registers the element under `tagName`; a second call, or a name already taken, does nothing.
 * The module calls it on import, so `<script type="module" src="balans-widget.js">` is enough.
 * @param {string} [tagName='balans-widget']
 * @returns {CustomElementConstructor} the class registered under that name
 */
export function define(tagName = 'balans-widget') {
  if (!customElements.get(tagName)) {
    // A constructor may be registered only once; a further name gets a subclass.
    customElements.define(tagName, registered ? class extends BalansWidget {} : BalansWidget);
    registered = true;
  }
  return customElements.get(tagName);
}

define();
