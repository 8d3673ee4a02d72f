// SVG line chart of a cumulative timeline for the effects view. Built with lib/svg.js and
// classes only (no inline styles, no markup strings), so it works under a strict CSP. It draws
// what it is given: amounts are turned into pixel positions, never added up or rounded for
// display; every label is an amount from the report, formatted by the caller.
//
// Not here: the legend and the table alternative, which the view builds (effects.js).

import { svg as s } from '../lib/svg.js';

/** The least width of the viewBox; it gets the room the view gives it when there is more. */
const MIN_WIDTH = 720;
const HEIGHT = 280;
const PAD = { top: 16, right: 16, bottom: 32, left: 96 };

/**
 * A line per series over the months of `points`, a dashed line at the target, year ticks.
 * @param {object[]} points - `{ month, [key]: amount string or null }`, one per month
 * @param {object} o
 * @param {{ key: string, label: string }[]} o.series - which fields to draw, in legend order
 * @param {string} o.target - the programme's target, drawn as a horizontal line
 * @param {(amount: string) => string} o.format - amount to label text
 * @param {string} o.title - the chart's accessible name
 * @param {string} o.targetLabel - label of the target line
 * @param {number} [o.width] - the room it has, in CSS pixels (lib/svg.js, chartWidth)
 */
export function timelineChart(points, { series, target, format, title, targetLabel, width = MIN_WIDTH }) {
  const w = Math.max(width, MIN_WIDTH);
  const values = [target];
  for (const p of points) for (const { key } of series) if (p[key] != null) values.push(p[key]);
  // The largest amount, chosen by comparing the report's own strings as numbers (position only).
  const top = values.reduce((a, b) => (Number(b) > Number(a) ? b : a), '0');
  const max = Number(top) > 0 ? Number(top) : 1;
  const innerW = w - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (points.length > 1 ? (i * innerW) / (points.length - 1) : 0);
  const y = (amount) => PAD.top + innerH - (Math.max(0, Number(amount)) / max) * innerH;

  const titleId = 'chart-title'; // one chart per widget, in its own shadow root
  const svg = s('svg', { viewBox: `0 0 ${w} ${HEIGHT}`, role: 'img', 'aria-labelledby': titleId, class: 'chart', part: 'chart' },
    s('title', { id: titleId }, title));

  // Axes: zero and the largest amount on the y axis, the first month of each year on the x axis.
  svg.append(
    s('line', { x1: PAD.left, x2: w - PAD.right, y1: y('0'), y2: y('0'), class: 'axis' }),
    s('line', { x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: y('0'), class: 'axis' }),
    s('text', { x: PAD.left - 6, y: y('0'), class: 'tick y' }, format('0')),
    s('text', { x: PAD.left - 6, y: y(top) + 4, class: 'tick y' }, format(top)),
  );
  points.forEach((p, i) => {
    if (!p.month.endsWith('-01')) return;
    svg.append(
      s('line', { x1: x(i), x2: x(i), y1: PAD.top, y2: y('0'), class: 'grid' }),
      s('text', { x: x(i) + 4, y: HEIGHT - 10, class: 'tick x' }, p.month.slice(0, 4)),
    );
  });
  svg.append(
    s('line', { x1: PAD.left, x2: w - PAD.right, y1: y(target), y2: y(target), class: 'target' }),
    s('text', { x: w - PAD.right, y: y(target) - 4, class: 'tick target-label' }, targetLabel),
  );
  for (const { key } of series) {
    const d = points
      .map((p, i) => (p[key] == null ? null : `${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`))
      .filter(Boolean)
      .map((xy, i) => `${i === 0 ? 'M' : 'L'}${xy}`)
      .join(' ');
    if (d) svg.append(s('path', { d, class: `line ${key}`, 'data-series': key }));
  }
  return svg;
}
