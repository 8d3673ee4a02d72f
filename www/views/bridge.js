// The `bridge` view of <balans-widget>: the result bridge (resultatbrygga) of a unit, from the
// budget result to the forecast result, as a waterfall in SVG with the same figures in a table.
//
// It renders; the Rust core calculates. Every figure comes from `workspace.bridge()` as a decimal
// string and is shown through the package's formatAmount; Number() is used only for pixel
// geometry. Not here: loading, the toolbar, errors and events, which the widget owns.

import { formatAmount } from '../pkg/index.js';
import { h, isolate, named } from '../lib/dom.js';
import { MONTHS } from '../lib/months.js';
import { signed } from '../lib/numbers.js';
import { chartWidth, svg as s } from '../lib/svg.js';
import { TEXT } from '../lib/text.js';

/** The least width of the waterfall's viewBox; it gets the widget's width when there is more. */
const MIN_WIDTH = 640;
const HEIGHT = 260;
const PAD = { top: 24, bottom: 44, side: 12 };
/** Units offered: the report's root and two levels below it (region, committees, areas). */
const PICK_DEPTH = 2;

const STRINGS = {
  sv: {
    caption: (month, year, unit) => `Resultatbrygga ${year}, prognos per ${month} ${year}, ${unit}`,
    pick: 'Enhet',
    budget: 'Budgeterat resultat',
    forecast: 'Prognostiserat resultat',
    steps: {
      measures: 'Åtgärder (prognos − plan)',
      grants: 'Statsbidrag utöver budget',
      oneOffs: 'Engångsposter',
      volume: 'Volym',
      price: 'Pris och effektivitet',
      other: 'Övrigt',
    },
    columns: { step: 'Steg', amount: 'Belopp', result: 'Resultat efter steget' },
    chartTitle: (name) => ['Från budgeterat till prognostiserat resultat: ', name],
    chartDesc: 'Staplarna visar samma steg som tabellen under diagrammet.',
    noForecast: 'Ingen prognos är lämnad ännu: prognosen är lika med budget.',
  },
  en: {
    caption: (month, year, unit) => `Result bridge ${year}, forecast as of ${month} ${year}, ${unit}`,
    pick: 'Unit',
    budget: 'Budgeted result',
    forecast: 'Forecast result',
    steps: {
      measures: 'Measures (forecast − plan)',
      grants: 'State grants beyond budget',
      oneOffs: 'One-off items',
      volume: 'Volume',
      price: 'Price and efficiency',
      other: 'Other',
    },
    columns: { step: 'Step', amount: 'Amount', result: 'Result after the step' },
    chartTitle: (name) => ['From budgeted to forecast result: ', name],
    chartDesc: 'The bars show the same steps as the table below the chart.',
    noForecast: 'No forecast has been made yet: the forecast equals the budget.',
  },
};

/** Renders the view into `ctx.region` (the registry's interface) and returns the report shown. */
export function render(ctx) {
  const lang = ctx.lang === 'en' ? 'en' : 'sv';
  const t = STRINGS[lang];
  const { workspace, asOf } = ctx;
  const units = workspace.deviation(ctx.unit ? { asOf, unit: ctx.unit } : { asOf }).rows
    .filter((row) => row.depth <= PICK_DEPTH);
  const chosen = units.find((row) => row.unit === ctx.region.dataset.bridgeUnit) ?? units[0];
  const select = h('select', { id: 'bridge-unit' },
    ...units.map((row) => h('option', { value: row.unit, selected: row === chosen }, isolate(row.name))));
  const body = h('div', { class: 'bridge-body' });
  let shown = null;
  const show = (unit) => {
    ctx.region.dataset.bridgeUnit = unit;
    shown = workspace.bridge({ asOf, unit });
    body.replaceChildren(...build(shown, lang, ctx));
    return shown;
  };
  select.addEventListener('change', () => {
    const report = show(select.value);
    ctx.emit('balans-ready', { report });
  });
  show(chosen.unit);
  ctx.region.replaceChildren(h('div', { class: 'bridge-view' },
    h('div', { class: 'field bridge-pick' }, h('label', { for: 'bridge-unit' }, t.pick), select),
    body));
  return shown;
}

/** The bars of the waterfall: the budget, each step, the forecast. */
function bars(report, t) {
  return [
    { key: 'budget', label: t.budget, amount: report.budget, from: '0', to: report.budget, total: true },
    ...report.steps.map((s) => ({ key: s.kind, label: t.steps[s.kind], amount: s.amount, from: s.from, to: s.to })),
    { key: 'forecast', label: t.forecast, amount: report.forecast, from: '0', to: report.forecast, total: true },
  ];
}

function build(report, lang, ctx) {
  const t = STRINGS[lang];
  const format = { unit: ctx.displayUnit, decimals: ctx.decimals };
  const text = (amount, total) => (total ? formatAmount(amount, format) : signed(formatAmount(amount, format)).text);
  const month = MONTHS[lang][Number(report.asOf.slice(5, 7)) - 1];
  const list = bars(report, t);
  const unitLabel = TEXT[lang].units[ctx.displayUnit];
  const captionId = `bridge-caption-${report.unit}`;
  const chartId = `bridge-heading-${report.unit}`;
  // The unit's name isolated (<bdi>): a name in another direction cannot turn the years around.
  const caption = h('h2', { class: 'view-caption', id: 'caption' },
    named(report.name, { cls: 'title' }), h('span', { class: 'vh' }, ': '),
    h('span', { class: 'subtitle' }, t.caption(month, report.year, unitLabel)));
  const table = h('table', { class: 'bridge-table', 'data-unit': report.unit, 'aria-labelledby': captionId },
    h('caption', { id: captionId }, named(report.name), `: ${t.caption(month, report.year, unitLabel)}`),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t.columns.step),
      h('th', { scope: 'col', class: 'num' }, t.columns.amount),
      h('th', { scope: 'col', class: 'num' }, t.columns.result))),
    h('tbody', {}, ...list.map((bar) => {
      const tone = bar.total ? '' : signed(formatAmount(bar.amount, format)).tone;
      return h('tr', { 'data-step': bar.key },
        h('th', { scope: 'row' }, bar.label),
        h('td', { class: `num ${tone}`, 'data-amount': bar.amount }, text(bar.amount, bar.total)),
        h('td', { class: 'num', 'data-amount': bar.to }, formatAmount(bar.to, format)));
    })));
  const chart = h('section', { class: 'bridge-figure', 'aria-labelledby': chartId },
    h('h3', { class: 'chart-title', id: chartId }, ...t.chartTitle(named(report.name))),
    waterfall(list, {
      title: t.chartTitle(isolate(report.name)).join(''), desc: t.chartDesc, text, unit: report.unit,
      width: chartWidth(ctx.host, { min: MIN_WIDTH }),
    }));
  const nodes = [caption, chart, table];
  if (report.forecastMonth == null) nodes.splice(1, 0, h('p', { class: 'note' }, t.noForecast));
  return nodes;
}

/** The waterfall: totals stand on zero, each step floats from the result before it to the result
 * after it. Every bar is focusable and named with its label and the figure the table shows. */
function waterfall(list, { title, desc, text, unit, width }) {
  const values = list.flatMap((b) => [Number(b.from), Number(b.to)]).concat(0);
  const high = Math.max(...values);
  const low = Math.min(...values);
  const room = HEIGHT - PAD.top - PAD.bottom;
  const scale = room / (high - low || 1);
  const y = (v) => PAD.top + (high - v) * scale;
  const slot = (width - 2 * PAD.side) / list.length;
  // Bars no wider than a label needs, centred in their slot, however wide the chart is.
  const bar = Math.min(slot * 0.7, 120);
  const titleId = `bridge-title-${unit}`;
  const descId = `bridge-desc-${unit}`;
  const svg = s('svg', {
    class: 'bridge-chart', viewBox: `0 0 ${width} ${HEIGHT}`, role: 'group',
    'aria-labelledby': titleId, 'aria-describedby': descId,
  }, s('title', { id: titleId }, title), s('desc', { id: descId }, desc));
  svg.append(s('line', { class: 'axis', x1: PAD.side, x2: width - PAD.side, y1: y(0), y2: y(0) }));
  list.forEach((step, i) => {
    const from = Number(step.from);
    const to = Number(step.to);
    const x = PAD.side + i * slot + (slot - bar) / 2;
    const top = y(Math.max(from, to));
    const height = Math.max(Math.abs(to - from) * scale, 1);
    const tone = step.total ? 'total' : to > from ? 'favourable' : to < from ? 'unfavourable' : 'neutral';
    const figure = text(step.amount, step.total);
    svg.append(s('g', {
      class: `bridge-bar ${tone}`, tabindex: '0', role: 'img',
      'aria-label': `${step.label}: ${figure}`, 'data-step': step.key, 'data-amount': step.amount,
    },
    s('rect', { x, y: top, width: bar, height }),
    s('text', { class: 'value', x: x + bar / 2, y: Math.max(top - 4, 10), 'text-anchor': 'middle' }, figure),
    s('text', { class: 'label', x: x + bar / 2, y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle' },
      step.label.split(' ')[0])));
  });
  return svg;
}
