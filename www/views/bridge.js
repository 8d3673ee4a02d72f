// The `bridge` view of <balans-widget>: the result bridge (resultatbrygga) of a unit, from the
// budget result to the forecast result, as a waterfall in SVG with the same figures in a table.
//
// It renders; the Rust core calculates. Every figure comes from `workspace.bridge()` as a decimal
// string and is shown through the package's formatAmount; Number() is used only for pixel
// geometry. Not here: loading, the toolbar, errors and events, which the widget owns.

import { formatAmount } from '../pkg/balans.js';
import { h } from '../lib/dom.js';
import { MONTHS } from '../lib/months.js';
import { signed } from '../lib/numbers.js';
import { svg as s } from '../lib/svg.js';
import { TEXT } from '../lib/text.js';

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { top: 24, bottom: 44, side: 12 };
/** Units offered: the report's root and two levels below it (region, committees, areas). */
const PICK_DEPTH = 2;

const STRINGS = {
  sv: {
    caption: (name, month, year, unit) => `Resultatbrygga ${year} för ${name}, prognos per ${month}, ${unit}`,
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
    chartTitle: (name) => `Vattenfallsdiagram: resultatbrygga för ${name}`,
    chartDesc: 'Staplarna visar samma steg som tabellen under diagrammet.',
    noForecast: 'Ingen prognos är lämnad ännu: prognosen är lika med budget.',
  },
  en: {
    caption: (name, month, year, unit) => `Result bridge ${year} for ${name}, forecast as of ${month}, ${unit}`,
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
    chartTitle: (name) => `Waterfall chart: result bridge for ${name}`,
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
    ...units.map((row) => h('option', { value: row.unit, selected: row === chosen }, row.name)));
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
  const captionId = `bridge-caption-${report.unit}`;
  const table = h('table', { class: 'bridge-table', 'data-unit': report.unit, 'aria-labelledby': captionId },
    h('caption', { id: captionId }, t.caption(report.name, month, report.year, TEXT[lang].units[ctx.displayUnit])),
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
  const nodes = [waterfall(list, { title: t.chartTitle(report.name), desc: t.chartDesc, text, unit: report.unit }), table];
  if (report.forecastMonth == null) nodes.unshift(h('p', { class: 'note' }, t.noForecast));
  return nodes;
}

/** The waterfall: totals stand on zero, each step floats from the result before it to the result
 * after it. Every bar is focusable and named with its label and the figure the table shows. */
function waterfall(list, { title, desc, text, unit }) {
  const values = list.flatMap((b) => [Number(b.from), Number(b.to)]).concat(0);
  const high = Math.max(...values);
  const low = Math.min(...values);
  const room = HEIGHT - PAD.top - PAD.bottom;
  const scale = room / (high - low || 1);
  const y = (v) => PAD.top + (high - v) * scale;
  const slot = (WIDTH - 2 * PAD.side) / list.length;
  const titleId = `bridge-title-${unit}`;
  const descId = `bridge-desc-${unit}`;
  const svg = s('svg', {
    class: 'bridge-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'group',
    'aria-labelledby': titleId, 'aria-describedby': descId,
  }, s('title', { id: titleId }, title), s('desc', { id: descId }, desc));
  svg.append(s('line', { class: 'axis', x1: PAD.side, x2: WIDTH - PAD.side, y1: y(0), y2: y(0) }));
  list.forEach((bar, i) => {
    const from = Number(bar.from);
    const to = Number(bar.to);
    const x = PAD.side + i * slot + slot * 0.15;
    const top = y(Math.max(from, to));
    const height = Math.max(Math.abs(to - from) * scale, 1);
    const tone = bar.total ? 'total' : to > from ? 'favourable' : to < from ? 'unfavourable' : 'neutral';
    const figure = text(bar.amount, bar.total);
    svg.append(s('g', {
      class: `bridge-bar ${tone}`, tabindex: '0', role: 'img',
      'aria-label': `${bar.label}: ${figure}`, 'data-step': bar.key, 'data-amount': bar.amount,
    },
    s('rect', { x, y: top, width: slot * 0.7, height }),
    s('text', { class: 'value', x: x + slot * 0.35, y: Math.max(top - 4, 10), 'text-anchor': 'middle' }, figure),
    s('text', { class: 'label', x: x + slot * 0.35, y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle' },
      bar.label.split(' ')[0])));
  });
  return svg;
}
