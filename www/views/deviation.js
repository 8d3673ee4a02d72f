// The `deviation` view of <balans-widget>, its default: budget deviation per unit for a month (or
// its tertial), the year to date and the full year, as a tree table (expand and collapse, sort
// by any column, filter by status, cost types under their unit, arrow keys as in a tree), with
// the forecast chart of the root unit below it (deviation-chart.js). What was expanded, the
// sort and the open chart survive re-renders for another month: they are kept per widget here.
//
// It renders; the Rust core calculates. Every figure comes from `workspace.deviation()` as a
// decimal string and is shown through the package's formatAmount (deviation-columns.js); sorting
// compares the strings digit by digit. Another month over the same rows changes the cells of
// the table shown instead of building a new one (README, Performance).
//
// Each row carries the month's explanations and actions in a last cell, a unit row with the button
// that opens their editor, and the material deviations still lacking one are listed above the
// table (deviation-comments.js); a saved or removed comment is told with balans-comment.
//
// Not here: the toolbar (threshold, status filter, cost types, exports), loading, errors and the
// events other than balans-toggle and balans-comment, which the widget owns; it hands the view
// what it chose in ctx.

import { h, named } from '../lib/dom.js';
import { parseMonth } from '../lib/months.js';
import { compareDecimal } from '../lib/numbers.js';
import { TEXT, langOf } from '../lib/text.js';
import {
  STATUSES, cellValue, cellView, columnsFor, fieldsOf, groupLabel, groupsOf, paintCell,
} from './deviation-columns.js';
import { renderChart } from './deviation-chart.js';
import { CommentEditor, paintComments, paintMissing } from './deviation-comments.js';

/** The first two levels start expanded: the region and its committees, so the areas under each
 * committee show and everything below them is one click away. What a controller opens first. */
const OPEN_LEVELS = 2;
/** Reports of up to this many units get every row's cells at once; larger ones (a region's
 * tree has thousands of units, a few dozen of them open) get a row's cells when it is first
 * shown, so a re-render for another month formats only what is seen (README, Performance). */
const EAGER_ROWS = 500;

/** Per widget: its table, made on the first render of this view. */
const tables = new WeakMap();

/**
 * Renders the view into ctx.region (and its chart into ctx.chart) and returns the report shown:
 * its rows carry the groups the table shows and threshold only.
 * @param {object} ctx - the widget's view context; this view reads `host, region, chart,
 *   workspace, asOf, unit, lang, displayUnit, decimals, span, threshold, byCostType, allColumns,
 *   filter, emit`
 */
export function render(ctx) {
  let table = tables.get(ctx.host);
  if (!table) {
    table = new DeviationTable(ctx);
    tables.set(ctx.host, table);
  }
  return table.render(ctx);
}

/** Shows the rows of `status` (and those above them), or every row for ''; no new report. */
export function filter(host, status) {
  tables.get(host)?.filter(status);
}

/** The report of the table shown (its month, unit, thresholds and cost types) as a table for a
 * file, from the package (`deviationTable`): every unit of the subtree in tree order, amounts in
 * kronor to the öre; the screen's sorting, filter and display unit are for reading, the file is
 * the committee's table. null when no report is shown. */
export function toTable(host) {
  const options = tables.get(host)?.options;
  return host.report && options ? host.activeWorkspace.deviationTable(options) : null;
}

/** The same as an .xlsx Blob, written by lib/xlsx.js (loaded on the first call), its sheet named
 * for the report ("Avvikelse 2025-08"); null when no report is shown. */
export async function toXlsx(host, t) {
  const table = toTable(host);
  if (!table) return null;
  const { xlsxOf } = await import('../lib/xlsx.js');
  return xlsxOf(table, `${t.fileName[0].toUpperCase()}${t.fileName.slice(1)} ${host.report.asOf}`);
}

/** The same as CSV for Excel in Swedish (`exportDeviationCsv`); '' when no report is shown. */
export function toCsv(host) {
  const options = tables.get(host)?.options;
  return host.report && options ? host.activeWorkspace.exportDeviationCsv(options) : '';
}

/** The report of the table shown as JSON text: the visible rows in their order, each with every
 * group of figures (the report shown has only those the table shows). */
export function toJson(host) {
  if (!host.report) return 'null';
  const table = tables.get(host);
  const whole = host.activeWorkspace.deviation(table?.options ?? null);
  const rows = new Map(whole.rows.map((row) => [row.unit, row]));
  return JSON.stringify({ ...whole, rows: (table?.shownEntries() ?? []).map((e) => rows.get(e.row.unit)) }, null, 2);
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

/** One widget's deviation table and chart, and what the reader did to them. */
class DeviationTable {
  #host;
  #region;
  #chart;
  #emit;
  #rows = new Map(); // unit id → { row, depth, tr, header, button, focus, extra, shown }, in order shown
  #expanded = new Map(); // unit id → boolean; survives re-renders for another month
  #filter = ''; // a status, or '' for all rows
  #sort = null; // { field, direction } or null for the tree's own order
  #columns = columnsFor('period', { all: false }); // of the table shown
  #body = null; // the table body, whose rows #applyOrder arranges
  #order = null; // the entries in the order the body has them, null before they are put in
  #table = null; // { node, key, caption } of the table shown, kept for another month (#updateTable)
  #cells = null; // { year, format, t, lang }: what the cells of the report shown are made with
  #chartOpen = false; // the forecast chart is built only when asked for
  #ctx = null; // the view context of the last render: the workspace, where to store, re-render
  #editor = new CommentEditor();
  #missing = h('details', { class: 'missing', part: 'missing' }); // "Saknar förklaring (N)"
  #author = ''; // the name last written in the editor, offered again
  /** The deviation options of the report shown, without `fields`. */
  options = null;

  constructor({ host, region, chart, emit }) {
    this.#host = host;
    this.#region = region;
    this.#chart = chart;
    this.#emit = emit;
    region.addEventListener('click', (event) => this.#onClick(event));
    region.addEventListener('keydown', (event) => this.#onKeydown(event));
    chart.addEventListener('click', (event) => {
      if (!event.target.closest?.('#chart-toggle')) return;
      this.#chartOpen = !this.#chartOpen;
      if (host.report) {
        renderChart(chart, host.report, {
          open: this.#chartOpen, lang: langOf(host), displayUnit: host.displayUnit, decimals: host.decimals,
          workspace: host.activeWorkspace,
        });
      }
      chart.querySelector('#chart-toggle')?.focus();
    });
  }

  render(ctx) {
    const { workspace, asOf, unit, lang } = ctx;
    const t = TEXT[lang];
    this.#columns = columnsFor(ctx.span === 'tertial' ? 'tertial' : 'period', { all: ctx.allColumns });
    const options = unit ? { asOf, unit } : { asOf };
    if (ctx.threshold) options.thresholds = { default: ctx.threshold };
    if (ctx.byCostType) options.byCostType = true;
    const report = workspace.deviation({ ...options, fields: fieldsOf(this.#columns) });
    this.options = options;
    this.#ctx = ctx;
    this.#filter = ctx.filter;
    const key = `${lang} ${ctx.span} ${ctx.byCostType} ${ctx.allColumns}`;
    const format = { unit: ctx.displayUnit, decimals: ctx.decimals, suffix: false };
    if (!this.#updateTable(report, t, lang, key, format)) {
      this.#region.replaceChildren(this.#missing, this.#buildTable(report, t, lang, key, format));
    }
    paintMissing(this.#missing, report, t, {
      costTypeName: (unit, id) => this.#rows.get(unit)?.row.costTypes?.find((x) => x.costType === id)?.name,
      onPick: (unit) => this.#reveal(unit),
    });
    renderChart(this.#chart, report, {
      open: this.#chartOpen, lang, displayUnit: ctx.displayUnit, decimals: ctx.decimals, workspace,
    });
    return report;
  }

  filter(status) {
    this.#filter = status;
    this.#applyVisibility();
  }

  /** The columns of the table shown. */
  get columns() {
    return this.#columns;
  }

  /** The visible rows in the order shown. */
  shownEntries() {
    return [...this.#rows.values()].filter((e) => !e.tr.hidden);
  }

  #buildTable(report, t, lang, key, format) {
    this.#cells = { year: report.year, format, t, lang };
    this.#rows.clear();
    const body = h('tbody', {});
    for (const row of report.rows) this.#rows.set(row.unit, this.#buildRow(row, t));
    this.#body = body;
    this.#order = null;
    this.#applyOrder();
    const caption = this.#buildCaption(report, t, format.unit);
    const node = h('table', { part: 'table' },
      caption,
      h('colgroup', {}),
      ...groupsOf(this.#columns).map(([, span]) => h('colgroup', { span, class: 'group' })),
      this.#buildHead(t, report),
      body);
    this.#table = { node, key, caption };
    return node;
  }

  /**
   * Another month (or display unit, decimals, threshold) over the same rows: the table stays, its
   * caption and column group headings are made again, and so are the cells of the rows shown;
   * rows not shown get theirs when next shown. Rebuilding the table of a region's tree cost more
   * than the report itself (README, Performance). Returns false when the rows differ (another
   * subtree, units imported since, other cost types, another language or span) or the table is
   * not shown: then a new one is built.
   */
  #updateTable(report, t, lang, key, format) {
    const table = this.#table;
    if (!table || table.node.parentNode !== this.#region || table.key !== key) return false;
    if (report.rows.length !== this.#rows.size || !report.rows.every((row) => sameRows(this.#rows.get(row.unit), row))) return false;
    this.#cells = { year: report.year, format, t, lang };
    for (const row of report.rows) {
      const entry = this.#rows.get(row.unit);
      entry.row = row;
      entry.extra.forEach((x, i) => { x.figures = row.costTypes[i]; });
    }
    const caption = this.#buildCaption(report, t, format.unit);
    table.caption.replaceWith(caption);
    table.caption = caption;
    for (const th of table.node.querySelectorAll('thead th[data-group]')) {
      const label = groupLabel(th.dataset.group, t, report);
      if (th.textContent !== label) th.textContent = label;
    }
    this.#applyOrder();
    return true;
  }

  #buildCaption(report, t, displayUnit) {
    const [year, month] = parseMonth(report.asOf) ?? [report.year, 0];
    const caption = h('caption', { part: 'caption', id: 'caption' });
    // The unit shown, the subtree's root: a committee's name when one is chosen, not the region's.
    const shown = report.rows[0]?.name ?? report.name;
    if (shown) caption.append(named(shown, { cls: 'title' }), h('span', { class: 'vh' }, ': '));
    caption.append(h('span', { class: 'subtitle' }, t.caption(t.months[month], year, t.units[displayUnit])));
    // The last booked month, and which percent the table shows (deviation-columns.js).
    const [bookedYear, booked] = parseMonth(report.outcomeThrough) ?? [0, -1];
    const through = booked < 0 ? t.noOutcomeYet : t.outcomeThrough(t.months[booked], bookedYear);
    caption.append(h('span', { class: 'note', part: 'caption-note' }, ` ${through} ${t.percentNote}`));
    return caption;
  }

  #buildHead(t, report) {
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
        ...groupsOf(this.#columns).map(([group, span]) =>
          h('th', { scope: 'colgroup', colspan: String(span), 'data-group': group }, groupLabel(group, t, report))),
        h('th', { scope: 'col', rowspan: '2', class: 'comments' }, t.comments.column)),
      h('tr', {},
        ...this.#columns.map(([group, key, kind]) =>
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
      button = h('button', { type: 'button', class: 'toggle' }, named(row.name));
      header.append(button);
    } else {
      header.setAttribute('tabindex', '-1'); // reachable by the arrow keys, not by Tab
      header.append(named(row.name));
    }
    tr.append(header);
    // Cost-type rows: the unit's subtree per cost type, right under it; not in the tree's focus
    // order, shown and hidden with their unit.
    const extra = (row.costTypes ?? []).map((figures) => {
      const name = figures.name ?? t.noCostType;
      // The number with the name ("4010 Lönekostnader"): controllers know cost types by both.
      const shown = figures.costType != null && figures.name ? `${figures.costType} ${figures.name}` : name;
      const label = h('th', { scope: 'row', 'data-depth': String(Math.min(depth + 1, 6)) }, named(shown));
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
    const { year, format, t, lang } = this.#cells;
    const columns = this.#columns;
    const fill = (tr, figures, name) => {
      if (tr.cells.length === 1) {
        tr.append(...columns.map(([group, key]) => h('td', { 'data-field': `${group}.${key}` })),
          h('td', { class: 'comments' }));
      }
      columns.forEach((column, i) => paintCell(tr.cells[i + 1], cellView(figures, column, year, format, t), lang));
      paintComments(tr.cells[columns.length + 1], figures.comments ?? [], t, name);
    };
    fill(entry.tr, entry.row, entry.row.name);
    for (const x of entry.extra) fill(x.tr, x.figures, null);
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
    const kind = this.#columns.find(([g, k]) => g === group && k === key)?.[2];
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
    for (const th of this.#region.querySelectorAll('thead th')) {
      const button = th.querySelector('button.sort');
      if (!button) continue;
      if (button.dataset.sort === field) th.setAttribute('aria-sort', direction);
      else th.removeAttribute('aria-sort');
    }
    this.#applyOrder();
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

  /** Opens the comments editor of a unit row for the report's month. */
  #openEditor(entry, opener) {
    const ctx = this.#ctx;
    this.#editor.show({
      opener, container: this.#region, row: entry.row, asOf: this.#host.report?.asOf ?? ctx.asOf,
      t: TEXT[ctx.lang], author: this.#author,
      save: (comment) => {
        ctx.workspace.comment(comment);
        this.#author = comment.author;
      },
      remove: (key) => ctx.workspace.removeComment(key),
      changed: (detail) => this.#commented(detail, entry.row.unit),
    });
  }

  /** After a save or removal: the host hears of it (the app stores the workspace), a widget that
   * keeps its own copy stores it, the report is made again, and focus stays on the row's button. */
  #commented(detail, unit) {
    const ctx = this.#ctx;
    this.#emit('balans-comment', detail);
    if (ctx.storageKey) ctx.workspace.save(ctx.storageKey).catch(() => {});
    ctx.rerender();
    this.#rows.get(unit)?.tr.querySelector('button.comment')?.focus();
  }

  /** Shows a unit's row (its ancestors expanded) and puts focus on its comments button. */
  #reveal(unit) {
    const entry = this.#rows.get(unit);
    if (!entry) return;
    for (let id = entry.row.parent; this.#rows.has(id); id = this.#rows.get(id).row.parent) {
      const up = this.#rows.get(id);
      if (up.button && !this.#isExpanded(up)) {
        this.#expanded.set(id, true);
        up.button.setAttribute('aria-expanded', 'true');
      }
    }
    this.#applyVisibility();
    (entry.tr.querySelector('button.comment') ?? entry.focus).focus();
  }

  #onClick(event) {
    const opener = event.target.closest?.('button.comment');
    const row = opener && this.#entryOf(opener);
    if (row) {
      this.#openEditor(row, opener);
      return;
    }
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
    const visible = this.shownEntries();
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
