// Figures as the widget shows them: the display units, the sign and tone of a deviation, a
// percent, a count, the mark for a missing figure, and the exact order of two amounts. Every figure arrives
// from the package as a decimal string and is turned into text by the package's formatAmount;
// these helpers only dress that text (a plus, a percent sign) or compare the strings digit by
// digit.
//
// Not here: any arithmetic on amounts (the Rust core does it all) and parsing (parseAmount).

import { formatAmount } from '../pkg/index.js';
import { h } from './dom.js';
import { TEXT } from './text.js';

export const NBSP = '\u00a0';

/** The display units an amount may be shown in, and the one used when none is asked for. */
export const DISPLAY_UNITS = ['kr', 'tkr', 'mnkr'];
export const DEFAULT_DISPLAY_UNIT = 'mnkr';

/** How every percent is shown: one decimal, whatever the display unit of the amounts. */
export const PERCENT_FORMAT = { unit: 'kr', decimals: 1, suffix: false };

/** A count (rows, units) as the language writes it: 9 996 in Swedish (U+00A0), 9,996 in English. */
export function count(n, lang) {
  return new Intl.NumberFormat(lang === 'en' ? 'en' : 'sv-SE').format(n);
}

/** A percent from the package ("77.71") as shown: "77,7 %". */
export function percent(value) {
  return `${formatAmount(value, PERCENT_FORMAT)}${NBSP}%`;
}

/**
 * Signs a formatted deviation for display. The sign is read from the rounded text, so a figure
 * shown as 0,0 is neither green nor red, and a plus is added so colour is never the only signal.
 */
export function signed(text) {
  if (!/[1-9]/.test(text)) return { text: text.replace(/^[\u2212-]/, ''), tone: 'neutral' };
  if (/^[\u2212-]/.test(text)) return { text, tone: 'unfavourable' };
  return { text: `+${text}`, tone: 'favourable' };
}

/** "–" for a missing figure, with a word for screen readers so the dash is not read as minus. */
export function missing(lang) {
  return [h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'vh' }, TEXT[lang].missing)];
}

/**
 * Orders two canonical decimal strings from the package ("-157333333.36", "1200", "0.5") exactly,
 * by their digits: sorting never turns an amount into a float.
 */
export function compareDecimal(a, b) {
  const negA = a.startsWith('-');
  const negB = b.startsWith('-');
  if (negA !== negB) return negA ? -1 : 1;
  const [ai, af = ''] = (negA ? a.slice(1) : a).split('.');
  const [bi, bf = ''] = (negB ? b.slice(1) : b).split('.');
  let order = ai.length - bi.length;
  if (order === 0 && ai !== bi) order = ai < bi ? -1 : 1;
  if (order === 0) {
    const n = Math.max(af.length, bf.length);
    const [x, y] = [af.padEnd(n, '0'), bf.padEnd(n, '0')];
    order = x === y ? 0 : x < y ? -1 : 1;
  }
  return Math.sign(order) * (negA ? -1 : 1);
}
