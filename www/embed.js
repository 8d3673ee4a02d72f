// embed.html's script: one <balans-widget> configured from the page's own URL, for showing balans
// in a frame (Stratsys' third-party embedding, an intranet iframe). Every parameter is checked
// against what it may be before it reaches the widget; a value that does not pass is left out and
// named in a message (as text). It is not a general loader: `src` must be on this page's own
// origin, so a crafted link cannot make the frame fetch, or show, someone else's figures.
//
//   embed.html?src=demo/region-2025.json&view=grants&unit=HSN&as-of=2025-08&lang=en&display-unit=tkr
//
// In a frame it tells the page around it its height (`{ type: 'balans-height', height }` by
// postMessage), but only to the origins embed.html's <meta name="balans-host-origins"> names, so
// a page the region did not choose learns nothing; embed-host.js is the host page's half.

import './balans-widget.js';
import { h } from './lib/dom.js';
import { isMonth } from './lib/months.js';
import { DISPLAY_UNITS } from './lib/numbers.js';
import { TEXT as WIDGET_TEXT } from './lib/text.js';
import { VIEWS } from './views/registry.js';

const TEXT = {
  sv: {
    title: WIDGET_TEXT.sv.title,
    noSrc: 'Ange datafilen i adressen: embed.html?src=…',
    ignored: (names) => `Ogiltiga parametrar användes inte: ${names}.`,
  },
  en: {
    title: WIDGET_TEXT.en.title,
    noSrc: 'Name the data file in the address: embed.html?src=…',
    ignored: (names) => `Invalid parameters were not used: ${names}.`,
  },
};

/** Each accepted parameter: its check, and the widget attribute it sets. */
const PARAMS = {
  view: [(v) => Object.hasOwn(VIEWS, v), 'view'], // the views in views/registry.js
  unit: [(v) => /^[\p{L}\p{N}][\p{L}\p{N} _.:/-]{0,63}$/u.test(v), 'unit'],
  'as-of': [isMonth, 'as-of'],
  'display-unit': [(v) => DISPLAY_UNITS.includes(v), 'display-unit'],
  lang: [(v) => v === 'sv' || v === 'en', null],
};

/** The origins embed.html allows to hear this frame's height: `self` or `https://host[:port]`. */
function hostOrigins() {
  const listed = document.querySelector('meta[name="balans-host-origins"]')?.content ?? '';
  return listed.split(/\s+/).filter(Boolean).flatMap((origin) => {
    if (origin === 'self') return [location.origin];
    try {
      return new URL(origin).origin === origin ? [origin] : [];
    } catch {
      return [];
    }
  });
}

/** Posts the page's height to the host page whenever it changes (the table opens, the view
 * changes, the frame narrows). Nothing is sent when the page is not in a frame. */
function reportHeight(origins) {
  if (window.parent === window || origins.length === 0) return;
  let last = -1;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    for (const origin of origins) window.parent.postMessage({ type: 'balans-height', height }, origin);
  };
  new ResizeObserver(send).observe(document.documentElement);
}

/** `src` as an absolute URL on this page's origin (http or https), or null. */
function sameOriginSrc(value, base = document.baseURI) {
  if (!value) return null;
  let url;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  const here = new URL(base);
  return url.origin === here.origin && /^https?:$/.test(url.protocol) ? url.href : null;
}

function main() {
  reportHeight(hostOrigins());
  const query = new URLSearchParams(location.search);
  const lang = PARAMS.lang[0](query.get('lang') ?? '') ? query.get('lang') : 'sv';
  const t = TEXT[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  document.getElementById('embed-title').textContent = t.title;
  const message = document.getElementById('embed-message');
  const bad = [];
  const widget = h('balans-widget');
  for (const [name, [valid, attribute]] of Object.entries(PARAMS)) {
    const value = query.get(name);
    if (value == null || value === '') continue;
    if (!valid(value)) bad.push(name);
    else if (attribute) widget.setAttribute(attribute, value);
  }
  const src = sameOriginSrc(query.get('src'));
  if (query.get('src') && !src) bad.push('src');
  if (bad.length) message.textContent = t.ignored(bad.join(', '));
  if (!src) {
    if (!bad.includes('src')) message.textContent = `${message.textContent} ${t.noSrc}`.trim();
    return;
  }
  widget.setAttribute('src', src);
  document.getElementById('embed').append(widget);
}

main();
