// <balans-widget>: the custom element that shows balans reports in a page (intranet, Stratsys,
// the standalone app). This file is the element: its attributes and properties, loading the
// package and the document, the toolbar, the states (loading, empty, error) and the events. Each
// view it shows, the deviation table it shows by default included, is a module in views/ that
// renders a report into the element's region (views/registry.js lists them).
//
// It renders; the Rust core calculates. This file never does arithmetic on amounts, and it is
// not a data store or an importer either: it hands one JSON document to a Workspace and asks that
// Workspace for reports. Safe in someone else's page: DOM is built with createElement and text
// nodes only (lib/dom.js), styles come from balans-widget.css beside this file, and the only
// request it makes (besides the package, its .wasm and the stylesheet) is fetching the document
// named by `src`. Not here: the UI text (lib/text.js), the views' rendering (views/).

import init, { Workspace } from './pkg/index.js';
import { restoreWorkspace, storageKey } from './lib/browser-copy.js';
import { h, download, plainText } from './lib/dom.js';
import { currentMonth, isMonth, latestOutcomeMonth } from './lib/months.js';
import { DEFAULT_DISPLAY_UNIT, DISPLAY_UNITS } from './lib/numbers.js';
import { TEXT, langOf } from './lib/text.js';
import { SPANS, buildToolbar, fillToolbar, invalidAttributes, readThreshold } from './toolbar.js';
import * as deviation from './views/deviation.js';
import { VIEWS } from './views/registry.js';

export { compareDecimal } from './lib/numbers.js';

const STYLESHEET = new URL('./balans-widget.css', import.meta.url);
const DEFAULT_DECIMALS = 1;

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


/**
 * `<balans-widget>`: budget deviation per unit for a month, the year to date and the full year.
 *
 * Data comes from the first of: the `workspace` property (a Workspace the page owns), the `data`
 * property (a document the widget imports into a Workspace it owns), the `src` attribute (the URL
 * of such a document). Another month, unit, display unit, number of decimals or language asks the
 * same Workspace for a new report; only a new source is imported again.
 *
 * @attr {string} view - the report: "deviation" (default), "effects" (www/views/effects.js),
 *   "grants" (www/views/grants.js, state-grant dependency), "bridge" (www/views/bridge.js) or
 *   "goals" (www/views/goals.js, goals and indicators beside the budget)
 * @attr {string} src - URL of a workspace JSON document (schema 1) to fetch and import
 * @attr {string} as-of - the month, "YYYY-MM". Default: the last booked month (the report's
 *   `outcomeThrough`, the latest month with outcome); the current month without any outcome
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
 * @fires balans-comment - the user saved or removed an explanation or action in the deviation
 *   view (already in the workspace; a host that keeps the workspace stores it now); detail
 *   `{ action: 'saved', comment }` or `{ action: 'removed', key: { unit, month, kind } }`
 *
 * @csspart toolbar - the month and display unit controls
 * @csspart table - the report table
 * @csspart caption - the table caption
 * @csspart missing - the deviation view's list of material deviations without an explanation
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
  #defaultAsOf = null; // the document's latest outcome month, when it came as data or src
  #startAsOf = null; // the month shown when none is asked for (#startMonth), per workspace
  #report = null;
  #stale = true; // the source changed and must be loaded before the next render
  #queued = false;
  #run = 0; // bumped by every refresh, so a slow load never overwrites a newer one
  #abort = null;
  #units = null; // [{ id, name, depth }] of the whole tree, for the unit select
  #held = new Map(); // year → whether the workspace holds figures for it (#holds)
  #threshold = null; // { absolute, percent } as canonical strings, or null for the stored ones
  #filter = ''; // a status, or '' for all rows
  #byCostType = false; // each unit followed by its figures per cost type (kostnadsslag)
  #reported = new Set(); // "name=value" of the invalid attributes already fired as balans-error
  #allColumns = false; // every column of the deviation table, not only those that fit a screen

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

  /** The report shown: "deviation" (default), "effects", "grants", "bridge" or "goals". @type {string} */
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

  /** The report shown as CSV for Excel in Swedish (the package's `exportDeviationCsv` of the
   * table's options): every unit of the subtree in tree order, amounts in kronor to the öre as
   * numbers, text cells safe against formula injection; '' when no report is shown. */
  toCsv() {
    return deviation.toCsv(this);
  }

  /** The same table as an .xlsx Blob (what "Exportera till Excel" downloads), written by
   * lib/xlsx.js, which is loaded on the first call; null when no report is shown. */
  toXlsx() {
    return deviation.toXlsx(this, this.#t);
  }

  /** The report of the table shown as JSON text, amounts as decimal strings: the visible rows in
   * their order, each with every group of figures (`report` has only those the table shows). */
  toJson() {
    return deviation.toJson(this);
  }

  /** What the view shown is of, as its caption says it (the unit, the report and the month), in
   * plain text for a page's title and printed heading; names in it are isolated (FSI … PDI) as
   * their <bdi> is on screen. '' when no report is shown. */
  get caption() {
    const node = this.#report ? this.#ui.region.querySelector('#caption') : null;
    return node ? plainText(node).replace(/\s+/g, ' ').trim() : '';
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

  /** "sv" or "en", from the nearest `[lang]`. */
  get #lang() {
    return langOf(this);
  }

  get #t() {
    return TEXT[this.#lang];
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
    // A document from `src` gets the entries kept in this browser replayed onto it (lib/browser-copy.js).
    const ws = this.#data == null ? await restoreWorkspace(this.src, doc) : Workspace.fromJSON(doc);
    if (run !== this.#run) {
      ws.free();
      return;
    }
    this.#adopt(ws, true);
    this.#defaultAsOf = latestOutcomeMonth(doc);
    this.#startAsOf = null;
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
    this.#startAsOf = null;
    this.#units = null;
    this.#held.clear();
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
    const failed = t.reportFailed[this.view] ?? t.reportFailed.other;
    const headline = `${{ load: t.loadFailed, report: failed, export: t.exportFailed }[phase]}: ${reason}.`;
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
    const view = Object.hasOwn(VIEWS, this.view) ? VIEWS[this.view] : null;
    if (!view) throw coded(new Error(`unknown view "${this.view}"`), 'E_VIEW');
    if (!this.#active) {
      this.#showMessage(t.empty);
      return;
    }
    const table = view === deviation;
    let report;
    let asOf;
    try {
      asOf = isMonth(this.asOf) && this.#holds(this.asOf) ? this.asOf : this.#startMonth();
      report = view.render(this.#viewContext(asOf));
      // The unit select lists the whole tree, also when a subtree is shown.
      if (table) {
        this.#units ??= (this.unit ? this.#active.deviation({ asOf, fields: [] }) : report).rows
          .map(({ unit, name, depth }) => ({ id: unit, name, depth }));
      }
    } catch (err) {
      // A page may hand over a Workspace it has not filled yet: that is emptiness, not a fault.
      if (err?.code !== 'E_NO_DATA') throw err;
      this.#showMessage(t.empty);
      return;
    }
    this.#report = report;
    fillToolbar(this.#ui, report, {
      t, lang: this.#lang, view: this.view, units: this.#units, displayUnit: this.displayUnit, decimals: this.decimals,
      unit: this.unit, span: this.span, threshold: this.#threshold, filter: this.#filter, byCostType: this.#byCostType,
      allColumns: this.#allColumns,
    });
    this.#ui.region.hidden = false;
    if (!table) { // the deviation table's forecast chart is not this view's; nor is its name
      this.#ui.chart.hidden = true;
      this.#ui.chart.replaceChildren();
    }
    this.#ui.status.textContent = table && !report.rows.length ? t.noRows : '';
    this.#reportAttributes();
    this.#emit('balans-ready', table ? { rows: report.rows, report } : { report });
  }

  /** Says under the toolbar which attributes have a value they cannot have, or a month the data
   * lacks (the widget shows what it would without them), and fires each once as `balans-error`
   * (code E_ATTRIBUTE, or E_NO_YEAR). */
  #reportAttributes() {
    const bad = invalidAttributes(this, this.#t, this.#report?.asOf ?? this.#t.defaultValue, (m) => this.#holds(m));
    for (const { name, value, code, message } of bad) {
      if (this.#reported.has(`${name}=${value}`)) continue;
      this.#reported.add(`${name}=${value}`);
      this.#emit('balans-error', { code, message, field: name });
    }
    this.#ui.error.replaceChildren(...bad.map(({ message }) => h('p', {}, message)));
  }

  /** Whether the workspace holds figures for the year of `month` (the core says E_NO_YEAR when
   * it holds them for other years only), asked once per year and workspace. */
  #holds(month) {
    const year = month.slice(0, 4);
    if (!this.#held.has(year)) {
      try {
        this.#active.deviation({ asOf: month, fields: [] });
        this.#held.set(year, true);
      } catch (err) {
        if (err?.code !== 'E_NO_YEAR') throw err;
        this.#held.set(year, false);
      }
    }
    return this.#held.get(year);
  }

  /** The month shown when none is asked for: the last booked month (the core's
   * `outcomeThrough`) of the year of the latest outcome row, so a month without outcome is never
   * where the widget opens; that year's latest month when nothing is booked; this month without
   * any outcome. Asked once per workspace. */
  /** The month booked last, asked of the core from the given month or the last year held back
   * (not through toJSON(), which makes every row of a stored year an object). */
  #startMonth() {
    if (this.#startAsOf) return this.#startAsOf;
    const years = this.#active.years(); // none: an empty workspace, which #render reports
    const now = currentMonth();
    const probes = !years.length ? [] : this.#defaultAsOf ? [this.#defaultAsOf] : [...years].reverse().map((y) => `${y}-12`);
    let through = null;
    for (let i = 0; i < probes.length && !through; i++) through = this.#active.deviation({ asOf: probes[i], fields: [] }).outcomeThrough;
    // Nothing booked (a budget alone): this month if its year is held, else the last year's first.
    this.#startAsOf = through ?? this.#defaultAsOf ?? (!years.length || years.includes(+now.slice(0, 4)) ? now : `${years.at(-1)}-01`);
    return this.#startAsOf;
  }

  /** What a view is given: where to render, the workspace and what the reader chose. A view
   * renders into the region itself; the toolbar stays the widget's. */
  #viewContext(asOf) {
    return {
      host: this, region: this.#ui.region, chart: this.#ui.chart, workspace: this.#active, asOf, unit: this.unit,
      lang: this.#lang, displayUnit: this.displayUnit, decimals: this.decimals, span: this.span,
      threshold: this.#threshold, byCostType: this.#byCostType, allColumns: this.#allColumns, filter: this.#filter,
      storageKey: this.#data == null && !this.#workspace && this.src ? storageKey(this.src) : null,
      emit: (type, detail) => this.#emit(type, detail),
      rerender: () => {
        try { this.#render(); } catch (err) { this.#fail(err, 'report'); }
      },
    };
  }

  #buildShell() {
    const link = h('link', { rel: 'stylesheet', href: STYLESHEET.href });
    const frame = h('div', { class: 'root', hidden: true });
    // Show nothing until the stylesheet is in, rather than a flash of unstyled table.
    const reveal = () => { frame.hidden = false; };
    link.addEventListener('load', reveal);
    link.addEventListener('error', reveal);

    const ui = buildToolbar();
    const { toolbar, month, unit, subtree, span, decimals, filter, amount, percent, costTypes, allColumns, excel, json } = ui;
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
    allColumns.addEventListener('change', () => {
      this.#allColumns = allColumns.checked;
      this.#schedule(false);
    });
    decimals.addEventListener('change', () => { this.decimals = decimals.value; changed(); });
    filter.addEventListener('change', () => {
      this.#filter = filter.value;
      deviation.filter(this, this.#filter); // the rows shown change, the report does not
      changed();
    });
    const threshold = () => {
      const read = readThreshold(ui, this.displayUnit);
      if (read === undefined) return;
      this.#threshold = read;
      this.#schedule(false);
      changed();
    };
    amount.addEventListener('change', threshold);
    percent.addEventListener('change', threshold);
    excel.addEventListener('click', () => this.#export('xlsx'));
    json.addEventListener('click', () => this.#export('json'));

    // The deviation view's forecast chart of the report's root unit (views/deviation-chart.js).
    // Named by its disclosure button, which views/deviation-chart.js puts in it.
    const chart = h('section', { part: 'chart', class: 'chart', hidden: true });
    frame.append(toolbar, status, error, region, chart);
    this.shadowRoot.append(link, frame);
    return { ...ui, status, error, region, chart };
  }

  async #export(format) {
    const asOf = this.#report?.asOf ?? '';
    // The report's unit in the name (avvikelse-HSN-2025-08.xlsx), without what a file name forbids.
    const unit = (this.#report?.root ?? '').replace(/[^\p{L}\p{N}_.-]+/gu, '_');
    const fileName = `${this.#t.fileName}${unit ? `-${unit}` : ''}-${asOf}.${format}`;
    try {
      const file = format === 'xlsx' ? await this.toXlsx() : this.toJson();
      if (file == null) return;
      download(file, fileName, format === 'xlsx' ? file.type : 'application/json');
      this.#emit('balans-export', format === 'xlsx' ? { format, fileName, blob: file } : { format, fileName, text: file });
    } catch (err) {
      this.#fail(err, 'export'); // the report shown stays
    }
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
