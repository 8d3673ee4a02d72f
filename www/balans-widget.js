// <balans-widget>: the custom element that shows balans reports in a page (intranet, Stratsys,
// the standalone app). It renders; the Rust core calculates. This file never does arithmetic on
// amounts: every figure and every sum comes from the WebAssembly package as a decimal string and
// is shown through the package's own formatAmount. It is not a data store or an importer either:
// it hands one JSON document to a Workspace and asks that Workspace for reports.
//
// Safe in someone else's page: DOM is built with createElement/textContent only, styles come from
// balans-widget.css beside this file, and the only request it makes (besides the package, its
// .wasm and the stylesheet) is fetching the document named by `src`.

import init, { Workspace, formatAmount } from './pkg/balans.js';

const STYLESHEET = new URL('./balans-widget.css', import.meta.url);
const DISPLAY_UNITS = ['kr', 'tkr', 'mnkr'];
const DEFAULT_DISPLAY_UNIT = 'mnkr';
const DEFAULT_DECIMALS = 1;
/** The first two levels start expanded: the region and its committees, so the areas under each
 * committee show and everything below them is one click away. What a controller opens first. */
const OPEN_LEVELS = 2;
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
    },
    missing: 'saknas',
    field: (field) => `fält ${field}`,
    months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti',
      'september', 'oktober', 'november', 'december'],
    monthsShort: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    units: { kr: 'kr', tkr: 'tkr', mnkr: 'mnkr' },
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
    },
    missing: 'n/a',
    field: (field) => `field ${field}`,
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
      'September', 'October', 'November', 'December'],
    monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    units: { kr: 'SEK', tkr: 'kSEK', mnkr: 'MSEK' },
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
  ['fullYear', 'budget', 'amount'], ['fullYear', 'forecast', 'amount'],
  ['fullYear', 'deviation', 'deviation'], ['fullYear', 'percent', 'percent'],
  ['fullYear', 'forecastMonth', 'month'],
];
const GROUPS = ['period', 'ytd', 'fullYear'].map(
  (group) => [group, COLUMNS.filter(([g]) => g === group).length],
);

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
 * `<balans-widget>`: budget deviation per unit for a month, the year to date and the full year.
 *
 * Data comes from the first of: the `workspace` property (a Workspace the page owns), the `data`
 * property (a document the widget imports into a Workspace it owns), the `src` attribute (the URL
 * of such a document). Another month, unit, display unit, number of decimals or language asks the
 * same Workspace for a new report; only a new source is imported again.
 *
 * @attr {string} view - the report; only "deviation" (default)
 * @attr {string} src - URL of a workspace JSON document (schema 1) to fetch and import
 * @attr {string} as-of - the month, "YYYY-MM". Default: the latest month with outcome in the
 *   document; the current month when the data came as a `workspace` or as JSON text
 * @attr {string} unit - id of the unit whose subtree to show; default the whole tree
 * @attr {number} decimals - decimals shown for amounts, 0–6; default 1 (percent always 1)
 * @attr {string} display-unit - kr, tkr or mnkr (default)
 * @attr {string} lang - sv (default) or en; otherwise taken from the nearest `[lang]` ancestor
 * @attr {string} wasm-url - where to load balans_bg.wasm from when it is not beside balans.js
 *
 * @fires balans-ready - after every rendered report; detail `{ rows, report }`
 * @fires balans-error - loading or reporting failed; detail `{ code, message, field }`
 * @fires balans-toggle - the user expanded or collapsed a row; detail `{ unit, expanded }`
 * @fires balans-change - the user picked a month or display unit; detail `{ asOf, displayUnit }`
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
 * @cssprop --balans-focus - focus ring colour
 */
export class BalansWidget extends HTMLElement {
  static get observedAttributes() {
    return ['view', 'src', 'as-of', 'unit', 'decimals', 'display-unit', 'lang', 'wasm-url'];
  }

  #ui;
  #workspace = null; // owned by the page, never freed here
  #data = null;
  #owned = null; // imported by this widget, freed here
  #active = null; // the Workspace reports come from
  #defaultAsOf = null;
  #report = null;
  #rows = new Map(); // unit id → { row, depth, tr, button, focus }, in report (pre-)order
  #expanded = new Map(); // unit id → boolean; survives re-renders for another month
  #stale = true; // the source changed and must be loaded before the next render
  #queued = false;
  #run = 0; // bumped by every refresh, so a slow load never overwrites a newer one
  #abort = null;
  #toolbarKey = '';

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.#ui = this.#buildShell();
    // A page may set properties before the element is defined; send them through the setters.
    for (const name of ['workspace', 'data', 'view', 'src', 'asOf', 'unit', 'decimals', 'displayUnit', 'wasmUrl']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  /** The report shown: only "deviation" for now. @type {string} */
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

  /** The last report rendered, as the package returned it; null when none is shown. */
  get report() { return this.#report; }

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
    this.#adopt(Workspace.fromJSON(doc), true);
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
    if (this.view !== 'deviation') throw coded(new Error(`unknown view "${this.view}"`), 'E_VIEW');
    if (!this.#active) {
      this.#showMessage(t.empty);
      return;
    }
    const asOf = this.asOf || this.#defaultAsOf || currentMonth();
    let report;
    try {
      report = this.#active.deviation(this.unit ? { asOf, unit: this.unit } : { asOf });
    } catch (err) {
      // A page may hand over a Workspace it has not filled yet: that is emptiness, not a fault.
      if (err?.code !== 'E_NO_DATA') throw err;
      this.#showMessage(t.empty);
      return;
    }
    this.#report = report;
    this.#renderToolbar(report, t);
    this.#ui.region.replaceChildren(this.#buildTable(report, t));
    this.#ui.region.hidden = false;
    this.#ui.status.textContent = report.rows.length ? '' : t.noRows;
    this.#emit('balans-ready', { rows: report.rows, report });
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
    const toolbar = h('div', { part: 'toolbar', class: 'toolbar', hidden: true },
      h('div', { class: 'field' }, monthLabel, month),
      h('div', { class: 'field' }, unitLabel, unit));
    const status = h('div', { part: 'status', class: 'status', role: 'status' });
    const error = h('div', { part: 'error', class: 'error', role: 'alert' });
    // Focusable and labelled, so a table wider than its page can be scrolled by keyboard.
    const region = h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'caption', hidden: true });

    const changed = () => this.#emit('balans-change', { asOf: month.value, displayUnit: unit.value });
    month.addEventListener('change', () => { this.asOf = month.value; changed(); });
    unit.addEventListener('change', () => { this.displayUnit = unit.value; changed(); });
    region.addEventListener('click', (event) => this.#onClick(event));
    region.addEventListener('keydown', (event) => this.#onKeydown(event));

    frame.append(toolbar, status, error, region);
    this.shadowRoot.append(link, frame);
    return { toolbar, month, monthLabel, unit, unitLabel, status, error, region };
  }

  /** Fills the selects; their options change only with the report's year or the language. */
  #renderToolbar(report, t) {
    const { toolbar, month, monthLabel, unit, unitLabel } = this.#ui;
    const key = `${report.year} ${t === STRINGS.en ? 'en' : 'sv'}`;
    if (key !== this.#toolbarKey) {
      this.#toolbarKey = key;
      monthLabel.textContent = t.asOf;
      unitLabel.textContent = t.displayUnit;
      month.replaceChildren(...t.months.map((name, i) =>
        h('option', { value: `${report.year}-${String(i + 1).padStart(2, '0')}` }, `${name} ${report.year}`)));
      unit.replaceChildren(...DISPLAY_UNITS.map((value) => h('option', { value }, t.units[value])));
    }
    month.value = report.asOf;
    unit.value = this.displayUnit;
    toolbar.hidden = false;
  }

  #buildTable(report, t) {
    const format = { unit: this.displayUnit, decimals: this.decimals, suffix: false };
    this.#rows.clear();
    const body = h('tbody', {});
    for (const row of report.rows) {
      const entry = this.#buildRow(row, report.year, format, t);
      this.#rows.set(row.unit, entry);
      body.append(entry.tr);
    }
    this.#applyVisibility();
    return h('table', { part: 'table' },
      this.#buildCaption(report, t),
      h('colgroup', {}),
      ...GROUPS.map(([, span]) => h('colgroup', { span, class: 'group' })),
      this.#buildHead(t),
      body);
  }

  #buildCaption(report, t) {
    const [year, month] = parseMonth(report.asOf) ?? [report.year, 0];
    const caption = h('caption', { part: 'caption', id: 'caption' });
    if (report.name) caption.append(h('span', { class: 'title' }, report.name), h('span', { class: 'vh' }, ': '));
    caption.append(h('span', { class: 'subtitle' }, t.caption(t.months[month], year, t.units[this.displayUnit])));
    return caption;
  }

  #buildHead(t) {
    return h('thead', {},
      h('tr', {},
        h('th', { scope: 'col', rowspan: '2', class: 'corner' }, t.columns.unit),
        ...GROUPS.map(([group, span]) => h('th', { scope: 'colgroup', colspan: String(span) }, t.groups[group]))),
      h('tr', {},
        ...COLUMNS.map(([, key, kind]) => h('th', { scope: 'col', class: kind === 'month' ? 'month' : 'num' }, t.columns[key]))));
  }

  #buildRow(row, year, format, t) {
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
    tr.append(header, ...COLUMNS.map((column) => this.#buildCell(row, column, year, format, t)));
    const entry = { row, depth, tr, button, focus: button ?? header };
    if (button) button.setAttribute('aria-expanded', String(this.#isExpanded(entry)));
    return entry;
  }

  #buildCell(row, [group, key, kind], year, format, t) {
    const value = row[group][key];
    const field = `${group}.${key}`;
    if (value == null) return h('td', { class: kind === 'month' ? 'month' : 'num', 'data-field': field }, ...missing(t));
    switch (kind) {
      case 'amount':
        return h('td', { class: 'num', 'data-field': field, 'data-amount': value }, formatAmount(value, format));
      case 'deviation': {
        const { text, tone } = signed(formatAmount(value, format));
        return h('td', { class: `num ${tone}`, 'data-field': field, 'data-amount': value }, text);
      }
      case 'percent': {
        const { text, tone } = signed(formatAmount(value, { unit: 'kr', decimals: 1, suffix: false }));
        return h('td', { class: `num ${tone}`, 'data-field': field, 'data-percent': value }, `${text}${NBSP}%`);
      }
      default: {
        const [y, m] = parseMonth(value) ?? [year, -1];
        const label = m < 0 ? value : y === year ? t.monthsShort[m] : `${t.monthsShort[m]} ${y}`;
        return h('td', { class: 'month', 'data-field': field, 'data-month': value }, label);
      }
    }
  }

  // ── Tree ─────────────────────────────────────────────────────────────────────────────────

  #isExpanded(entry) {
    return this.#expanded.get(entry.row.unit) ?? entry.depth < OPEN_LEVELS;
  }

  /** Hides every row below a collapsed one; rows come parent first, so one pass suffices. */
  #applyVisibility() {
    const open = new Map();
    for (const entry of this.#rows.values()) {
      const { row, tr } = entry;
      const visible = !this.#rows.has(row.parent) || open.get(row.parent);
      tr.hidden = !visible;
      open.set(row.unit, visible && this.#isExpanded(entry));
    }
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
