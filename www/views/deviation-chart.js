// The deviation view's forecast chart: the full-year forecasts made so far this year for the
// report's root unit, as the forecast deviation per month made, an SVG line with a table
// alternative, behind a disclosure button (closed, it is only the button). The figures come from
// the package (`accuracy`, whose forecast series is the same for a year still running); numbers
// are taken from them only to place points, never to compute a figure.
//
// Not here: whether it is open (deviation.js keeps that per widget) or the section it fills,
// which is the widget's (part="chart", beside the table's region).

import { formatAmount } from '../pkg/index.js';
import { h, named } from '../lib/dom.js';
import { parseMonth } from '../lib/months.js';
import { missing, signed } from '../lib/numbers.js';
import { chartWidth, svg } from '../lib/svg.js';
import { TEXT } from '../lib/text.js';

/**
 * Fills `chart` (the widget's chart section) for `report`.
 * @param {HTMLElement} chart
 * @param {object} report - the deviation report shown
 * @param {object} o - `{ open, lang, displayUnit, decimals, workspace }`
 */
export function renderChart(chart, report, { open, lang, displayUnit, decimals, workspace }) {
  const t = TEXT[lang];
  const root = report.rows[0];
  chart.hidden = !root;
  if (!root) return;
  chart.setAttribute('aria-labelledby', 'chart-toggle');
  // A disclosure button; the chart and its table exist only while it is open.
  const toggle = h('button', { type: 'button', class: 'toggle', id: 'chart-toggle', 'aria-expanded': String(open) },
    h('span', { class: 'label' }, ...(open ? t.chart(named(root.name)) : [t.showChart])));
  if (!open) {
    chart.replaceChildren(h('h2', { class: 'chart-title' }, toggle));
    return;
  }
  const series = workspace.accuracy({ year: report.year, unit: root.unit }).rows[0];
  const points = (series?.forecasts ?? []).filter((f) => f.made <= report.asOf);
  const revision = new Map((series?.revisions ?? []).map((r) => [r.made, r.change]));
  const format = { unit: displayUnit, decimals };
  const title = h('h2', { class: 'chart-title' }, toggle);
  if (points.length === 0) {
    chart.replaceChildren(title, h('p', {}, t.chartNone));
    return;
  }
  chart.replaceChildren(title, line(points, t, format, chartWidth(chart, { min: 480, inset: 24 })), h('table', { class: 'chart-table' },
    h('caption', { class: 'vh' }, ...t.chart(named(root.name))),
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
        rev ? h('td', { class: `num ${rev.tone}`, 'data-amount': change }, rev.text) : h('td', { class: 'num' }, ...missing(lang)));
    }))));
}

/** The line of forecast deviations across the year's months, zero marked, `W` pixels wide. */
function line(points, t, format, W) {
  const [H, left, top] = [140, 16, 12];
  const values = points.map((p) => Number(p.deviation)); // positions only
  const hi = Math.max(0, ...values);
  const lo = Math.min(0, ...values);
  const y = (v) => top + ((hi - v) / (hi - lo || 1)) * (H - 2 * top);
  const x = (made) => left + ((parseMonth(made)?.[1] ?? 0) / 11) * (W - 2 * left);
  const d = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.made).toFixed(1)},${y(values[i]).toFixed(1)}`).join(' ');
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { class: 'zero', x1: left, x2: W - left, y1: y(0), y2: y(0) }),
    ...t.monthsShort.map((name, i) => svg('text', { class: 'tick', x: left + (i / 11) * (W - 2 * left), y: H - 1 }, name)),
    svg('path', { class: 'line', d }),
    ...points.map((p, i) => svg('circle', { class: values[i] < 0 ? 'point unfavourable' : 'point favourable', cx: x(p.made), cy: y(values[i]), r: 4 },
      svg('title', {}, `${p.made}: ${signed(formatAmount(p.deviation, format)).text}`))));
}
