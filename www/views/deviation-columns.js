// The deviation table's columns: which group and figure of the report each shows, how a cell
// shows it (classes, data attribute, text) and the column group headings. Every figure is the
// package's decimal string, shown through its formatAmount; nothing here adds, rounds or
// compares amounts.
//
// Not here: the rows, the tree and the sorting (deviation.js), the forecast chart
// (deviation-chart.js), the table as a file (the package's exportDeviationCsv).

import { formatAmount } from '../pkg/index.js';
import { parseMonth } from '../lib/months.js';
import { NBSP, PERCENT_FORMAT, missing, signed } from '../lib/numbers.js';

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

/** The statuses in order of gravity, as the status filter lists them and sorting orders them. */
export const STATUSES = ['within', 'favourable', 'watch', 'material'];

/** The attribute that carries a cell's value, by the column's kind (for scripts and tests). */
const DATA_ATTRIBUTES = {
  amount: 'data-amount', deviation: 'data-amount', percent: 'data-percent', status: 'data-status', month: 'data-month',
};

/** The columns that come only when the reader asks for all of them (the toolbar's "Alla
 * kolumner"): the month's and the full year's percent, the month the forecast was made and when
 * an action programme is due (the status says whether a deviation is material). Without them the
 * three groups a controller reads every month fit a 1 280 px screen without scrolling sideways
 * (measured: 1 304 px with the full year's percent, in a 1 230 px box); all seventeen do not,
 * however tight. */
const MORE = new Set(['period.percent', 'fullYear.percent', 'fullYear.forecastMonth', 'fullYear.due']);

/** The columns with the first group showing `span`: the month ("period") or its tertial; all of
 * them, or (`all` false) those shown by default. */
export function columnsFor(span, { all = true } = {}) {
  const columns = all ? COLUMNS : COLUMNS.filter(([g, k]) => !MORE.has(`${g}.${k}`));
  return span === 'tertial' ? columns.map(([g, k, kind]) => [g === 'period' ? 'tertial' : g, k, kind]) : columns;
}

/** [group, number of columns] in order. */
export function groupsOf(columns) {
  return [...new Set(columns.map(([g]) => g))].map((group) => [group, columns.filter(([g]) => g === group).length]);
}

/** The report's groups the columns show (and the status filter's), and the thresholds applied:
 * only these cross from the package (README, Performance). */
export function fieldsOf(columns) {
  return [...new Set(columns.map(([group, key]) => (key === 'due' ? 'escalation' : group))), 'threshold'];
}

/** The figures of a span without outcome (past the last booked month) that it has none of. */
const BOOKED = new Set(['outcome', 'deviation', 'percent', 'underlying', 'status']);

/** A cell's value: most come straight from their group; the action programme's due month comes
 * from the row's escalation (null for rows never escalated, and for cost-type rows). The percent
 * is of the gross cost (bruttokostnad) where the row has one: against a net budget near zero a
 * percent says nothing (+7 712 % for a committee whose revenue meets its cost); else of the net
 * budget (`isNetPercent`). */
export function cellValue(row, group, key) {
  if (key === 'due') return row.escalation?.due ?? null;
  const figures = row[group];
  if (key === 'percent' && figures?.grossCost != null) return figures.percentOfGrossCost ?? null;
  return figures?.[key] ?? null;
}

/** The percent cell shows the net percent: the row has no gross cost in the span. */
function isNetPercent(row, group) {
  const figures = row[group];
  return figures != null && figures.grossCost == null && figures.percent != null;
}

/** The cell is empty because its span has no outcome yet ("inget utfall"), not for want of a
 * budget. */
function isUnbooked(row, group, key) {
  const figures = row[group];
  return group !== 'fullYear' && BOOKED.has(key) && figures != null && figures.outcome === null;
}

/** A column group's heading; the tertial's names its months, e.g. "Tertial 2 (maj–aug)", from
 * the report shown (none: the plain heading). */
export function groupLabel(group, t, report) {
  if (group !== 'tertial' || !report) return t.groups[group];
  const [, from] = parseMonth(report.tertialFrom) ?? [0, 0];
  const [, to] = parseMonth(report.asOf) ?? [0, 0];
  return t.tertial(Math.floor(from / 4) + 1, t.monthsShort[from], t.monthsShort[to]);
}

/** What a cell shows of a row's figures for a column: its classes, its value (for the data
 * attribute, null when missing) and its text (null when missing). */
export function cellView(row, [group, key, kind], year, format, t) {
  const value = cellValue(row, group, key);
  const attribute = DATA_ATTRIBUTES[kind];
  if (value == null && isUnbooked(row, group, key)) {
    return { cls: kind === 'status' ? 'month no-outcome' : 'num no-outcome', attribute, value, text: t.noOutcome };
  }
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
      const net = isNetPercent(row, group) ? ` ${t.net}` : '';
      return { cls: `num ${tone}`, attribute, value, text: `${text}${NBSP}%${net}` };
    }
    default: {
      const [y, m] = parseMonth(value) ?? [year, -1];
      const label = m < 0 ? value : y === year ? t.monthsShort[m] : `${t.monthsShort[m]} ${y}`;
      return { cls: 'month', attribute, value, text: label };
    }
  }
}

/** Makes a cell show `view`, changing only what differs from what it shows. */
export function paintCell(td, { cls, attribute, value, text }, lang) {
  if (td.className !== cls) td.className = cls;
  if (value == null) td.removeAttribute(attribute);
  else if (td.getAttribute(attribute) !== value) td.setAttribute(attribute, value);
  const only = td.childNodes.length === 1 ? td.firstChild : null;
  if (text == null) {
    if (!td.firstElementChild) td.replaceChildren(...missing(lang));
  } else if (only?.nodeType === Node.TEXT_NODE) {
    if (only.data !== text) only.data = text;
  } else {
    td.replaceChildren(text);
  }
}
