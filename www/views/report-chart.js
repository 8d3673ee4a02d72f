// The committee paper's charts, drawn from a figure block of `committeeReport`: grouped bars
// (budget and outcome per month), lines (cumulative budget and outcome, the full-year forecast
// as it moved) or a waterfall (the result bridge), with a y axis of values and the labels the
// report gives (short month names that fit). The table that carries the same figures follows
// each chart (report.js), so the SVG is one image with a title and a description.
//
// Not here: any figure. Number() turns the report's decimal strings into pixel positions and
// the axis ticks into round steps; every label on the axis is written by the package's
// formatAmount.

import { formatAmount } from '../pkg/index.js';
import { svg as s } from '../lib/svg.js';

const W = 640;
const H = 250;
const PAD = { top: 14, right: 10, bottom: 26, left: 64 };
const TICKS = 5;

/** Round axis steps (1, 2, 2.5, 5 × 10ⁿ) from `lo` to `hi`, zero among them. */
function ticks(lo, hi) {
  const raw = (hi - lo || 1) / TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((v) => v >= raw);
  const out = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step / 2; v += step) out.push(Math.round(v));
  if (out[out.length - 1] < hi) out.push(out[out.length - 1] + step);
  return out;
}

/** The SVG of `figure.chart`; `format` is the display unit and decimals of the tables. */
export function chart(figure, { format, desc }) {
  const { kind, labels, series } = figure.chart;
  const values = series.flatMap((se) => se.values).filter((v) => v != null).map(Number);
  const axis = ticks(Math.min(0, ...values), Math.max(0, ...values));
  const lo = axis[0];
  const hi = axis[axis.length - 1];
  const y = (v) => PAD.top + ((hi - v) / (hi - lo || 1)) * (H - PAD.top - PAD.bottom);
  const slot = (W - PAD.left - PAD.right) / labels.length;
  const cx = (i) => PAD.left + slot * (i + 0.5);
  const titleId = `chart-title-${figure.id}`;
  const descId = `chart-desc-${figure.id}`;
  const root = s('svg', {
    class: `paper-chart ${kind}`, viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-labelledby': titleId, 'aria-describedby': descId,
  }, s('title', { id: titleId }, figure.title), s('desc', { id: descId }, desc));
  const tickFormat = { unit: format.unit, decimals: 0 };
  for (const v of axis) {
    root.append(
      s('line', { class: v === 0 ? 'zero' : 'grid', x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }),
      s('text', { class: 'tick', x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, formatAmount(String(v), tickFormat)));
  }
  labels.forEach((label, i) => {
    // A waterfall's step names are long: the first word names the bar; the table has them whole.
    // Every other one a line lower, so neighbours never run into each other.
    const text = kind === 'waterfall' ? label.split(' ')[0] : label;
    const drop = kind === 'waterfall' && i % 2 ? 12 : 0;
    root.append(s('text', { class: 'label', x: cx(i), y: H - 8 + drop, 'text-anchor': 'middle' }, text));
  });
  if (kind === 'bars') bars(root, series, { slot, cx, y });
  else if (kind === 'lines') lines(root, series, { cx, y });
  else waterfall(root, series, { slot, cx, y });
  const legend = kind === 'waterfall' ? [] : series.map((se, i) => s('g', { class: `legend s${i}` },
    s('rect', { x: PAD.left + i * 170, y: 0, width: 10, height: 10 }),
    s('text', { x: PAD.left + i * 170 + 14, y: 9 }, se.label)));
  if (legend.length) {
    root.setAttribute('viewBox', `0 -16 ${W} ${H + 16}`);
    root.append(...legend);
  } else {
    root.setAttribute('viewBox', `0 0 ${W} ${H + 12}`);
  }
  return root;
}

function bars(root, series, { slot, cx, y }) {
  const width = (slot * 0.8) / series.length;
  series.forEach((se, k) => se.values.forEach((v, i) => {
    if (v == null) return;
    const top = Math.min(y(Number(v)), y(0));
    const x = cx(i) - slot * 0.4 + k * width;
    root.append(s('rect', { class: `bar s${k}`, x, y: top, width: width * 0.9, height: Math.max(Math.abs(y(Number(v)) - y(0)), 1) }));
  }));
}

function lines(root, series, { cx, y }) {
  series.forEach((se, k) => {
    let d = '';
    let pen = 'M';
    se.values.forEach((v, i) => {
      if (v == null) { pen = 'M'; return; }
      d += `${pen}${cx(i).toFixed(1)},${y(Number(v)).toFixed(1)} `;
      pen = 'L';
      root.append(s('circle', { class: `point s${k}`, cx: cx(i), cy: y(Number(v)), r: 3 }));
    });
    if (d) root.append(s('path', { class: `line s${k}`, d: d.trim() }));
  });
}

/** Each bar from the series "from" to the series "to": totals stand on zero, steps float. */
function waterfall(root, series, { slot, cx, y }) {
  const from = series.find((se) => se.key === 'from')?.values ?? [];
  const to = series.find((se) => se.key === 'to')?.values ?? [];
  to.forEach((v, i) => {
    if (v == null || from[i] == null) return;
    const [a, b] = [Number(from[i]), Number(v)];
    const tone = i === 0 || i === to.length - 1 ? 'total' : b >= a ? 'favourable' : 'unfavourable';
    root.append(s('rect', {
      class: `bar ${tone}`, x: cx(i) - slot * 0.35, y: y(Math.max(a, b)), width: slot * 0.7,
      height: Math.max(Math.abs(y(a) - y(b)), 1),
    }));
  });
}
