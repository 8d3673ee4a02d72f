// The toolbar of <balans-widget>: its controls (month, span, subtree, display unit, decimals,
// materiality threshold, status filter, cost types, all columns, exports), their labels and options in the
// reader's language, and reading what was typed into the threshold inputs. The controls that
// only the deviation table uses carry the class deviation-only; the stylesheet hides them in the
// other views (data-view on the toolbar).
//
// The element's attributes that set the same choices are checked here too (invalidAttributes).
//
// Not here: what a control changes, and the balans-change event: the element (balans-widget.js)
// listens to the controls, keeps the choices and renders again.

import { formatAmount, parseAmount } from './pkg/index.js';
import { h, isolate } from './lib/dom.js';
import { isMonth, monthOf } from './lib/months.js';
import { DISPLAY_UNITS } from './lib/numbers.js';
import { STATUSES } from './views/deviation-columns.js';

const DECIMALS = ['0', '1', '2', '3'];
export const SPANS = ['month', 'tertial'];

/** The toolbar's controls, empty (fillToolbar gives them their text), and `toolbar`, their box. */
export function buildToolbar() {
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
  const allColumns = h('input', { id: 'all-columns', type: 'checkbox' });
  const allColumnsLabel = h('label', { for: 'all-columns' });
  const excel = h('button', { type: 'button', class: 'action', 'data-export': 'xlsx' });
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
    h('div', { class: 'field deviation-only' }, allColumns, allColumnsLabel),
    h('div', { class: 'field deviation-only' }, excel, json));
  return {
    toolbar, month, monthLabel, unit, unitLabel, subtree, subtreeLabel, span, spanLabel, costTypes, costTypesLabel,
    allColumns, allColumnsLabel,
    decimals, decimalsLabel, filter, filterLabel, amount, amountLabel, percent, percentLabel, legend, hint, excel, json,
    key: '', // what the options were last made for
  };
}

/**
 * Fills the controls for `report` and the element's choices `c` (`{ t, lang, view, units,
 * displayUnit, decimals, unit, span, threshold, filter, byCostType, allColumns }`) and shows the toolbar. The
 * options change only with the report's year, the language, the display unit or the tree.
 */
export function fillToolbar(ui, report, c) {
  const { t } = c;
  // Months after the last booked one are marked: they have no outcome (a deviation report's
  // outcomeThrough; the other views' reports do not say).
  const through = report.outcomeThrough === undefined ? null : report.outcomeThrough ?? '';
  // The goals report names its month only; every other report its year too.
  const year = report.year ?? Number(report.asOf.slice(0, 4));
  const key = `${year} ${c.lang} ${c.displayUnit} ${c.units?.length} ${through}`;
  if (key !== ui.key) {
    ui.key = key;
    ui.monthLabel.textContent = t.asOf;
    ui.unitLabel.textContent = t.displayUnit;
    // The interim reports (delår) are per March and per August.
    ui.month.replaceChildren(...t.months.map((name, i) =>
      h('option', { value: monthOf(year, i) },
        `${name} ${year}${i === 2 || i === 7 ? ` – ${t.interim}` : ''}${
          through !== null && monthOf(year, i) > through ? ` (${t.noOutcome})` : ''}`)));
    ui.spanLabel.textContent = t.span;
    ui.span.replaceChildren(...SPANS.map((value) => h('option', { value }, t.spans[value])));
    ui.unit.replaceChildren(...DISPLAY_UNITS.map((value) => h('option', { value }, t.units[value])));
    ui.subtreeLabel.textContent = t.unit;
    // Indented by depth with em spaces, the name isolated: options hold text only.
    ui.subtree.replaceChildren(...(c.units ?? []).map(({ id, name, depth }) =>
      h('option', { value: id }, `${'\u2003'.repeat(depth)}${isolate(name)}`)));
    ui.decimalsLabel.textContent = t.decimals;
    ui.decimals.replaceChildren(...DECIMALS.map((value) => h('option', { value }, value)));
    ui.legend.textContent = t.threshold;
    ui.amountLabel.textContent = t.thresholdAmount(t.units[c.displayUnit]);
    ui.percentLabel.textContent = t.thresholdPercent;
    ui.hint.textContent = t.thresholdHint;
    ui.filterLabel.textContent = t.filter;
    ui.filter.replaceChildren(h('option', { value: '' }, t.allStatuses),
      ...STATUSES.map((value) => h('option', { value }, t.statuses[value])));
    ui.costTypesLabel.textContent = t.byCostType;
    ui.allColumnsLabel.textContent = t.allColumns;
    ui.excel.textContent = t.exportExcel;
    ui.json.textContent = t.exportJson;
    // The threshold in kronor, shown again in the display unit.
    ui.amount.value = c.threshold ? plain(c.threshold.absolute, c.displayUnit) : '';
  }
  ui.month.value = report.asOf;
  ui.unit.value = c.displayUnit;
  ui.subtree.value = c.unit || report.root;
  ui.span.value = c.span;
  ui.costTypes.checked = c.byCostType;
  ui.allColumns.checked = c.allColumns;
  ui.decimals.value = String(c.decimals);
  ui.filter.value = c.filter;
  // The other views keep month, display unit and decimals; the rest is the deviation table's.
  ui.toolbar.dataset.view = c.view;
  ui.toolbar.hidden = false;
}

/** Reads the threshold inputs: an amount in the display unit and a percent, Swedish or plain.
 * Both empty is null (the stored thresholds); one empty counts as 0. A value that cannot be read
 * is marked invalid, and the answer is undefined: nothing changes. */
export function readThreshold(ui, displayUnit) {
  const { amount, percent } = ui;
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
  const absolute = read(amount, displayUnit);
  const pct = read(percent, '');
  if (absolute === null || pct === null) return undefined;
  return amount.value.trim() || percent.value.trim() ? { absolute, percent: pct } : null;
}

/** An amount in the display unit, plain, with as many decimals as it needs (up to six). */
function plain(amount, displayUnit) {
  return formatAmount(amount, { unit: displayUnit, decimals: 6, plain: true }).replace(/,?0+$/, '');
}

/**
 * The attributes of `element` that set a toolbar choice to a value it cannot have, each with the
 * message saying so and what is shown instead (`asOf`: the month shown); an `as-of` in a year
 * the workspace holds no figures for (`holds` false) too, with the core's code for that.
 * @returns {{ name: string, value: string, code: string, message: string }[]}
 */
export function invalidAttributes(element, t, asOf, holds) {
  return [
    ['display-unit', (v) => DISPLAY_UNITS.includes(v), () => element.displayUnit],
    ['decimals', (v) => /^[0-6]$/.test(v.trim()), () => String(element.decimals)],
    ['span', (v) => SPANS.includes(v), () => element.span],
    ['as-of', isMonth, () => asOf],
  ].flatMap(([name, valid, used]) => {
    const value = element.getAttribute(name);
    if (value == null || value === '') return [];
    if (!valid(value)) return [{ name, value, code: 'E_ATTRIBUTE', message: t.badAttribute(name, value, used()) }];
    if (name === 'as-of' && !holds(value)) return [{ name, value, code: 'E_NO_YEAR', message: t.noYear(value, asOf) }];
    return [];
  });
}
