// The grant cliff as an SVG bar chart: one bar per plan year, down from a zero line for a gap
// (up for a gain), labelled with the figure the table beside it shows. Built with lib/svg.js
// and attributes only (no inline styles; colours come from balans-widget.css).
//
// Amounts arrive as decimal strings; Number() is used here only to size the bars in pixels.
// Every number a person reads is `label(amount)`, the package's own formatting. Not here: the
// table beside it, which the view builds (grants.js).

import { svg as s } from '../lib/svg.js';

/** The least width of the viewBox; it gets the room the view gives it when there is more. */
const MIN_WIDTH = 480;
const HEIGHT = 220;
const PAD = { top: 28, bottom: 28, side: 16 };

/**
 * @param {{ year: number, gap: string }[]} years - the cliff, in plan order
 * @param {{ title: string, desc: string, label: (amount: string) => string, idPrefix: string, width?: number }} opts
 * @returns {SVGSVGElement}
 */
export function cliffChart(years, { title, desc, label, idPrefix, width = MIN_WIDTH }) {
  const magnitudes = years.map((y) => Math.abs(Number(y.gap)));
  const largest = Math.max(0, ...magnitudes) || 1;
  const anyGain = years.some((y) => Number(y.gap) > 0);
  const anyLoss = years.some((y) => Number(y.gap) < 0);
  const room = HEIGHT - PAD.top - PAD.bottom;
  // Zero at the top when all bars go down, at the bottom when all go up, midway for both.
  const zero = PAD.top + (anyLoss && anyGain ? room / 2 : anyGain ? room : 0);
  const scale = (anyLoss && anyGain ? room / 2 : room) / largest;
  const w = Math.max(width, MIN_WIDTH);
  const slot = (w - 2 * PAD.side) / Math.max(years.length, 1);
  // Bars no wider than their label needs, centred in their slot, however wide the chart is.
  const bar = Math.min(slot * 0.6, 120);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const svg = s('svg', {
    class: 'cliff-chart', viewBox: `0 0 ${w} ${HEIGHT + 20}`, role: 'group',
    'aria-labelledby': titleId, 'aria-describedby': descId,
  }, s('title', { id: titleId }, title), s('desc', { id: descId }, desc));
  svg.append(s('line', { class: 'axis', x1: PAD.side, x2: w - PAD.side, y1: zero, y2: zero }));
  years.forEach((y, i) => {
    const value = Number(y.gap);
    const length = Math.abs(value) * scale;
    const x = PAD.side + i * slot + (slot - bar) / 2;
    const top = value < 0 ? zero : zero - length;
    const text = label(y.gap);
    const tone = value < 0 ? 'unfavourable' : value > 0 ? 'favourable' : 'neutral';
    const valueY = value < 0 ? zero + length + 16 : zero - length - 6;
    svg.append(s('g', {
      class: `cliff-bar ${tone}`, tabindex: '0', role: 'img',
      'aria-label': `${y.year}: ${text}`, 'data-year': y.year, 'data-amount': y.gap,
    },
    s('rect', { x, y: top, width: bar, height: Math.max(length, 1) }),
    s('text', { class: 'value', x: x + bar / 2, y: valueY, 'text-anchor': 'middle' }, text),
    s('text', { class: 'year', x: x + bar / 2, y: HEIGHT + 14, 'text-anchor': 'middle' }, String(y.year))));
  });
  return svg;
}
