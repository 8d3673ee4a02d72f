// The committee paper (månadsrapport, delårsrapport): `committeeReport` and `months` in Node,
// held to the engine reports they are written from, and the `report` view in a real headless
// Chromium under a strict CSP: rendered, accessible in Swedish and English, and printed to A4
// pages that carry the committee's name and page numbers and no controls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { openPage, useBrowser } from './browser-env.mjs';
import { axeViolations } from './axe.mjs';
import { canonical, demo, ore } from './oracle.mjs';

const require = createRequire(import.meta.url);
const { Workspace, formatAmount } = require('../pkg-node/balans.js');
const env = useBrowser();
const HSN = 'Hälso- och sjukvårdsnämnden';
const PAGE = (lang) => `embed.html?view=report&src=demo/region-2025.json&unit=HSN&as-of=2025-08&lang=${lang}`;

/** The numbers written in a text: digits with their sv-SE group spaces and decimal comma. */
const numbers = (text) => (text.match(/\d[\d\u00a0]*(?:,\d+)?/g) ?? []).map((n) => n.replace(/\u00a0$/, ''));

/** The summary's paragraphs of a paper. */
const summaryOf = (paper) => paper.sections.find((s) => s.kind === 'summary').blocks;

/** The value the engine reports give for a figure of the paper: the field its name names, of its
 * unit, in the deviation, months, effects or grants report for the same month and unit. */
function engineValue(ws, f, asOf) {
  const deviation = ws.deviation({ asOf, unit: 'HSN' });
  const row = deviation.rows.find((r) => r.unit === f.unit);
  const at = (object, path) => path.split('.').reduce((o, k) => o?.[k], object);
  const [source, ...rest] = f.name.split('.');
  const path = rest.join('.');
  if (f.name === 'deviation.asOf') return deviation.asOf;
  if (source === 'deviation') return at(row, path);
  if (source === 'months') {
    const months = ws.months({ asOf, unit: f.unit }).months;
    const before = months.find((m) => m.month < asOf && months[months.indexOf(m) + 1]?.month === asOf).forecast;
    return path === 'forecast' ? before : canonical(ore(row.fullYear.forecast) - ore(before));
  }
  if (source === 'effects') {
    const effects = ws.effects({ asOf });
    if (path === 'year') return String(effects.year);
    const programme = /^programmes\[(.+?)\]\.(.+)$/.exec(path);
    if (programme) return at(effects.programmes.find((p) => p.id === programme[1]), programme[2]);
    return at(effects.units.find((u) => u.unit === f.unit), path);
  }
  if (source === 'grants') {
    const grants = ws.grants({ asOf, unit: f.unit }).rows[0];
    const cliff = /^cliff\[(\d+)\]\.(.+)$/.exec(path);
    if (cliff) return String(at(grants.cliff.find((c) => c.year === Number(cliff[1])), cliff[2]));
    return at(grants, path);
  }
  if (source === 'goals') return String(at(ws.goals({ asOf }), path));
  if (source === 'material') {
    const items = deviation.rows.filter((r) => r.depth <= 2
      && ['material', 'favourable'].some((s) => s === r.ytd.status || s === r.fullYear.status));
    return String(items.length); // no explanations in the demo: as many missing as material
  }
  throw new Error(`no engine figure for ${f.name}`);
}

test('HSN per August 2025: every number in the summary is a figure of its paragraph, and each figure is the engine reports\' own', () => {
  const ws = Workspace.fromJSON(demo());
  const paper = ws.committeeReport({ asOf: '2025-08', unit: 'HSN' });
  assert.equal(paper.name, HSN);
  assert.equal(paper.kind, 'interim');
  assert.equal(paper.title, 'Delårsrapport per augusti 2025');
  assert.ok(summaryOf(paper).length >= 4, 'result, material items, effects, grants at least');
  const paragraphs = paper.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'paragraph');
  const names = new Set();
  for (const p of paragraphs) {
    assert.equal(p.type, 'paragraph');
    let text = p.text;
    for (const q of p.quotes) text = text.replace(q, '');
    const written = new Set(p.figures.flatMap((f) => numbers(f.text)));
    for (const n of numbers(text)) assert.ok(written.has(n), `${n} in "${p.text}" is none of its figures`);
    for (const f of p.figures) {
      names.add(f.name);
      assert.equal(f.value, engineValue(ws, f, '2025-08'), f.name);
      if (/^-?\d+(\.\d+)?$/.test(f.value) && f.text.includes('mnkr')) {
        const shown = formatAmount(f.value, { unit: 'mnkr', decimals: 1, suffix: true });
        const magnitude = formatAmount(f.value.replace('-', ''), { unit: 'mnkr', decimals: 1, suffix: true });
        assert.ok([shown, `+${shown}`, magnitude].includes(f.text), `${f.name}: ${f.text} is ${shown}`);
      }
    }
  }
  for (const name of ['deviation.ytd.outcome', 'deviation.fullYear.forecast', 'months.forecastChange',
    'effects.year.expected', 'effects.programmes[HSN-2024].need', 'grants.ytd.structural', 'deviation.escalation.due',
    'goals.counts.met']) {
    assert.ok(names.has(name), `the summary uses ${name}`);
  }
  ws.free();
});

test('a sentence whose figure is missing is left out, not written with a blank', () => {
  const ws = Workspace.fromJSON(demo());
  // No forecast is made before February.
  const january = summaryOf(ws.committeeReport({ asOf: '2025-01', unit: 'HSN' }));
  assert.equal(ws.deviation({ asOf: '2025-01', unit: 'HSN' }).rows[0].fullYear.forecast, null);
  assert.ok(january[0].text.startsWith('Resultatet för januari 2025 är'));
  assert.ok(!january.some((p) => p.text.includes('Helårsprognosen')));
  assert.ok(!january.flatMap((p) => p.figures).some((f) => f.name.startsWith('deviation.fullYear')));
  // Regional development holds no grants: no grant sentence, no grants section.
  const run = ws.grants({ asOf: '2025-08', unit: 'RUN' }).rows[0];
  assert.deepEqual([run.ytd.grants, run.fullYear.grants], ['0', '0']);
  const paper = ws.committeeReport({ asOf: '2025-08', unit: 'RUN', lang: 'en' });
  assert.ok(!summaryOf(paper).some((p) => /grant/i.test(p.text)));
  assert.ok(!paper.sections.some((s) => s.kind === 'grants'));
  for (const p of summaryOf(paper)) assert.doesNotMatch(p.text, /\s[,.;]|\(\)| {2}/, p.text);
  ws.free();
});

test('months side by side: the months add up to the deviation report, the forecast moves as made, last year beside', () => {
  const ws = Workspace.fromJSON(demo());
  const m = ws.months({ asOf: '2025-08', unit: 'HSN' });
  assert.equal(m.months.length, 12);
  for (const row of m.months.slice(0, 8)) {
    const at = ws.deviation({ asOf: row.month, unit: 'HSN' }).rows[0];
    assert.equal(row.cumulativeOutcome, at.ytd.outcome, row.month);
    assert.equal(row.outcome, at.period.outcome, row.month);
    assert.equal(row.forecast, at.fullYear.forecast, row.month);
    assert.equal(row.change, canonical(ore(row.outcome) - ore(row.priorOutcome)), row.month);
  }
  assert.equal(m.months[11].cumulativeBudget, ws.deviation({ asOf: '2025-08', unit: 'HSN' }).rows[0].fullYear.budget);
  assert.deepEqual(m.months.slice(8).map((r) => r.outcome), [null, null, null, null]);
  assert.equal(m.priorOutcomeThrough, '2024-12');
  assert.throws(() => ws.months({ asOf: '2025-08', unit: 'NOPE' }), (e) => e.code === 'E_UNKNOWN_UNIT' && e.field === 'unit');
  ws.free();
});

test('the report view renders the paper, each chart followed by its table, with no axe violations in sv and en', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const ws = Workspace.fromJSON(demo());
  for (const lang of ['sv', 'en']) {
    const { page, problems, requests } = await openPage(env, PAGE(lang), 'balans-widget .paper', context);
    const paper = ws.committeeReport({ asOf: '2025-08', unit: 'HSN', lang });
    const shown = await page.locator('balans-widget .paper').evaluate((el) => ({
      title: el.querySelector('h2').textContent,
      name: el.querySelector('.paper-name').textContent,
      text: [...el.querySelectorAll('.summary .paper-text')].map((p) => p.textContent),
      figures: [...el.querySelectorAll('figure')].map((f) => [...f.children].map((c) => c.localName)),
      headers: [...el.querySelectorAll('table')].every((t) => t.caption && t.querySelectorAll('thead th[scope="col"]').length
        && [...t.tBodies[0].rows].every((r) => r.cells[0].matches('th[scope="row"]'))),
      axes: [...el.querySelectorAll('svg.lines, svg.bars')].map((svg) => svg.querySelectorAll('text.tick').length),
    }));
    assert.equal(shown.title, paper.title);
    assert.equal(shown.name, HSN);
    assert.deepEqual(shown.text, summaryOf(paper).map((p) => p.text));
    assert.deepEqual(shown.figures, [['svg', 'div'], ['svg', 'div'], ['svg', 'div']]);
    assert.ok(shown.headers, 'every table has a caption, column headers and row headers');
    assert.ok(shown.axes.every((n) => n >= 3), 'the month charts have a y axis with values');
    assert.deepEqual(await axeViolations(page), [], lang);
    // At 320 CSS px the tables scroll inside the widget; the page does not widen (the toolbar's
    // month select reaches a few pixels past 320 in every view).
    await page.setViewportSize({ width: 320, height: 800 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 330, 'reflows at 320 px');
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((url) => !url.startsWith(env.server.url)), []);
    await page.close();
  }
  await context.close();
  ws.free();
});

/** The text of a PDF, page by page, where poppler's pdftotext is installed; null where not. */
function pdfPages(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'balans-pdf-'));
  writeFileSync(join(dir, 'paper.pdf'), pdf);
  try {
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'paper.pdf'), '-'], { encoding: 'utf8' });
    return text.split('\f').filter((page) => page.trim());
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

test('printed, the paper is A4 pages with the committee, the title and page numbers on each, and no controls', async () => {
  const { page, problems } = await openPage(env, PAGE('sv'), 'balans-widget .paper');
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.locator('balans-widget').evaluate((el) => [...el.shadowRoot.querySelectorAll('button, select')]
    .every((c) => c.getClientRects().length === 0));
  assert.ok(hidden, 'no button or select is laid out on paper');
  const size = await page.locator('balans-widget .paper').evaluate((el) => getComputedStyle(el).fontSize);
  assert.ok(parseFloat(size) >= 13, `text is readable on paper (${size})`); // 10pt = 13.3px
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // Every page's MediaBox is A4 (595 × 842 points).
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
  assert.ok(boxes.length >= 3, `${boxes.length} pages`);
  for (const [, w, h] of boxes) assert.ok(Math.abs(w - 595.28) < 1 && Math.abs(h - 841.89) < 1, `${w} × ${h}`);
  const pages = pdfPages(pdf);
  if (pages) {
    assert.equal(pages.length, boxes.length);
    pages.forEach((text, i) => {
      assert.ok(text.includes(HSN), `page ${i + 1} names the committee`);
      assert.ok(text.includes('Delårsrapport per augusti 2025'), `page ${i + 1} has the title`);
      assert.match(text, new RegExp(`${i + 1}\\s*/\\s*${pages.length}`), `page ${i + 1} is numbered`);
      assert.match(text, /Källa: Region Exempel/, `page ${i + 1} has the source`);
      assert.doesNotMatch(text, /Skriv ut|Nämnd eller enhet|Per månad|Decimaler/, `page ${i + 1} has no controls`);
    });
  }
  assert.deepEqual(problems, []);
  await page.close();
});
