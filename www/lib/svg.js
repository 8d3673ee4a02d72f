// The SVG builder of the charts (the deviation view's forecast line, the effects timeline, the
// grant cliff, the result bridge's waterfall). Elements in the SVG namespace with attributes and
// children only: no inline styles (colours come from the stylesheets) and no markup strings.
//
// Not here: the charts themselves, which live beside their views in views/, nor any arithmetic
// on amounts: a chart turns the report's figures into pixel positions, never into figures shown.

const NS = 'http://www.w3.org/2000/svg';

/** createElementNS with attributes and children; an attribute that is null or undefined is left
 * out, every other value is set as its text. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) if (value != null) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** The width a chart's viewBox gets: the room the widget has for it in CSS pixels (between
 * `min` and `max`), so that the chart fills the width it is shown in while its text keeps its
 * size; `min` when the widget is not laid out yet. Read once per render, not on resize. */
export function chartWidth(host, { min, max = 1600, inset = 48 }) {
  const room = Math.floor((host?.clientWidth ?? 0) - inset);
  return Math.max(min, Math.min(room, max));
}
