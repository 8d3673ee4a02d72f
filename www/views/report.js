// The `report` view of <balans-widget>: the committee paper (månadsrapport; delårsrapport per
// March and August) of a unit, as the package's `committeeReport` writes it: the summary, key
// figures, tables and charts each followed by its table, and a print button. On paper it is A4
// with the committee's name, the report's title, the date printed, a source line and page numbers
// on every page (an @page rule for the document, since a shadow root's @page is not read), and
// no controls.
//
// It renders; the Rust core writes the text and computes every figure. Amounts are shown through
// the package's formatAmount; Number() places chart marks and axis ticks only. Not here: the
// charts' drawing (report-chart.js), loading, the toolbar, errors and events (the widget's).

import { formatAmount, version } from '../pkg/index.js';
import { h } from '../lib/dom.js';
import { monthName } from '../lib/months.js';
import { missing, percent } from '../lib/numbers.js';
import { TEXT } from '../lib/text.js';
import { chart } from './report-chart.js';

const STYLESHEET = new URL('./report.css', import.meta.url);
/** Units offered: the report's root and two levels below it (region, committees, areas). */
const PICK_DEPTH = 2;
/** The named page of the paper (`page: balans-report` on the widget, see report.css). */
const PAGE_NAME = 'balans-report';

const STRINGS = {
  sv: {
    pick: 'Nämnd eller enhet',
    print: 'Skriv ut',
    printed: (date) => `Utskriven ${date}`,
    source: (source, v) => `Källa: ${source ? `${source}, ` : ''}balans ${v}`,
    amountsIn: (unit) => `Belopp i ${unit}.`,
    outcomeThrough: (month) => `Utfall bokfört t.o.m. ${month}.`,
    chartDesc: 'Diagrammet visar samma siffror som tabellen under det.',
  },
  en: {
    pick: 'Committee or unit',
    print: 'Print',
    printed: (date) => `Printed ${date}`,
    source: (source, v) => `Source: ${source ? `${source}, ` : ''}balans ${v}`,
    amountsIn: (unit) => `Amounts in ${unit}.`,
    outcomeThrough: (month) => `Outcome booked through ${month}.`,
    chartDesc: 'The chart shows the same figures as the table below it.',
  },
};

/** The document's @page rules for the paper: one sheet, rewritten for the paper shown. */
let pageSheet = null;

/** Renders the view into `ctx.region` (the registry's interface) and returns the paper shown. */
export function render(ctx) {
  const lang = ctx.lang === 'en' ? 'en' : 'sv';
  const t = STRINGS[lang];
  const { workspace, asOf } = ctx;
  const units = workspace.deviation({ asOf, fields: [] }).rows.filter((row) => row.depth <= PICK_DEPTH);
  ensureStylesheet(ctx.region.getRootNode());
  const wanted = ctx.region.dataset.reportUnit ?? ctx.unit;
  const chosen = units.find((row) => row.unit === wanted) ?? units[0];
  const select = h('select', { id: 'report-unit' },
    ...units.map((row) => h('option', { value: row.unit, selected: row === chosen }, row.name)));
  const print = h('button', { type: 'button', class: 'report-print' }, t.print);
  print.addEventListener('click', () => window.print());
  const body = h('div', { class: 'report-body' });
  let shown = null;
  const show = (unit) => {
    ctx.region.dataset.reportUnit = unit;
    shown = workspace.committeeReport({ asOf, unit, lang });
    body.replaceChildren(paper(shown, lang, ctx));
    setPage(shown, t);
    return shown;
  };
  select.addEventListener('change', () => {
    const report = show(select.value);
    ctx.emit('balans-ready', { report });
  });
  show(chosen.unit);
  ctx.region.replaceChildren(h('div', { class: 'report-view' },
    h('div', { class: 'report-controls' },
      h('div', { class: 'field' }, h('label', { for: 'report-unit' }, t.pick), select),
      print),
    body));
  return shown;
}

function ensureStylesheet(root) {
  if (root.querySelector('link[data-view="report"]')) return;
  root.append(h('link', { rel: 'stylesheet', href: STYLESHEET.href, 'data-view': 'report' }));
}

/** Today as YYYY-MM-DD, the Swedish way of writing a date. */
function today() {
  return new Date().toLocaleDateString('sv-SE');
}

/** A CSS string literal of `text`: quotes and backslashes escaped, line breaks as spaces. */
function cssString(text) {
  return `"${String(text).replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

/** The paper's page: A4, its name and title at the top, source and page numbers at the foot.
 * Chromium, Edge and Firefox 126+ print @page margin boxes; a browser without them still prints
 * the paper's own heading on the first page. */
function setPage(report, t) {
  pageSheet ??= new CSSStyleSheet();
  if (!document.adoptedStyleSheets.includes(pageSheet)) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
  }
  const box = 'font: 8pt system-ui, sans-serif; color: #333;';
  pageSheet.replaceSync(`@page ${PAGE_NAME} {
  size: A4 portrait;
  margin: 18mm 16mm 18mm 18mm;
  @top-left { content: ${cssString(report.name)}; ${box} }
  @top-right { content: ${cssString(`${report.title} · ${t.printed(today())}`)}; ${box} }
  @bottom-left { content: ${cssString(t.source(report.source, version()))}; ${box} }
  @bottom-right { content: counter(page) " / " counter(pages); ${box} }
}`);
}

/** The paper: its heading, then each section. */
function paper(report, lang, ctx) {
  const t = STRINGS[lang];
  const units = TEXT[lang].units;
  const format = { unit: ctx.displayUnit, decimals: ctx.decimals };
  const through = report.outcomeThrough ? t.outcomeThrough(monthName(lang, report.outcomeThrough)) : '';
  return h('article', { class: 'paper', 'data-unit': report.unit, 'aria-labelledby': 'caption' },
    h('header', { class: 'paper-head' },
      h('p', { class: 'paper-name' }, h('bdi', {}, report.name)),
      h('h2', { id: 'caption' }, report.title), // names the widget's region, as every view's caption does
      h('p', { class: 'paper-meta' },
        `${t.amountsIn(units[ctx.displayUnit])} ${through} ${t.printed(today())}. `,
        h('bdi', {}, t.source(report.source, version())))),
    ...report.sections.map((section) => h('section', { class: `paper-section ${section.kind}`, 'data-section': section.kind },
      h('h3', {}, section.heading),
      ...section.blocks.map((block) => renderBlock(block, lang, format)))));
}

function renderBlock(block, lang, format) {
  switch (block.type) {
    case 'paragraph': return paragraph(block);
    case 'keyFigures': return keyFigures(block.items, lang, format);
    case 'table': return table(block, lang, format);
    case 'figure': return h('figure', { class: 'paper-figure', 'data-figure': block.id },
      chart(block, { lang, format, desc: STRINGS[lang].chartDesc }),
      table(block.table, lang, format));
    default: return null;
  }
}

/** A paragraph; the data quoted in it (names, explanations) isolated in <bdi>. */
function paragraph(p) {
  const parts = [];
  let at = 0;
  for (const quote of p.quotes) {
    const i = p.text.indexOf(quote, at);
    if (i < 0 || !quote) continue;
    parts.push(p.text.slice(at, i), h('bdi', {}, quote));
    at = i + quote.length;
  }
  parts.push(p.text.slice(at));
  return h('p', { class: 'paper-text' }, ...parts.filter((part) => part !== ''));
}

function keyFigures(items, lang, format) {
  return h('dl', { class: 'key-figures' }, ...items.map((item) => h('div', { class: 'key-figure', 'data-name': item.name },
    h('dt', {}, item.label),
    h('dd', {}, ...cellContent(item.value, lang, format)))));
}

/** A cell's content: an amount in the display unit, a percent, a month's name, a count, or text
 * (data, isolated); "–" with a spoken word where the report has no figure. */
function cellContent(cell, lang, format) {
  if (cell.kind === 'text') return [h('bdi', {}, cell.value)];
  if (cell.value == null) return missing(lang);
  switch (cell.kind) {
    case 'amount': return [formatAmount(cell.value, format)];
    case 'percent': return [percent(cell.value)];
    case 'month': return [monthName(lang, cell.value)];
    default: return [String(cell.value)];
  }
}

function table(block, lang, format) {
  return h('div', { class: 'paper-table' }, h('table', { 'data-table': block.id },
    h('caption', {}, block.caption),
    h('thead', {}, h('tr', {}, ...block.columns.map((label, i) => h('th', { scope: 'col', class: i ? 'num' : null }, label)))),
    h('tbody', {}, ...block.rows.map((row) => h('tr', { 'data-depth': row.depth },
      ...row.cells.map((cell, i) => {
        const numeric = cell.kind !== 'text';
        const attrs = { class: numeric ? 'num' : null, 'data-value': numeric ? cell.value : null };
        return i === 0
          ? h('th', { scope: 'row', ...attrs, class: `depth-${Math.min(row.depth, 4)}` }, ...cellContent(cell, lang, format))
          : h('td', attrs, ...cellContent(cell, lang, format));
      }))))));
}
