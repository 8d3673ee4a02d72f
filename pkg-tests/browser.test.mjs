// The demo page and the web package in a real headless Chromium (Debian's, driven by
// playwright-core), served with a strict Content-Security-Policy. The figures the widget shows
// are checked against an independent BigInt reckoning of the demo data (oracle.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { canonical, demo, linearBudgetToDate, ore, outcome } from './oracle.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let server;
let browser;

before(async () => {
  server = await serve({ port: 0, csp: CSP });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the demo page and records every request and every console error on the way. */
async function openDemo() {
  const page = await browser.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url);
  await page.locator('balans-widget tr[data-unit="R"]').waitFor();
  return { page, requests, problems };
}

const cell = (page, unit, field) => page.locator(`balans-widget tr[data-unit="${unit}"] td[data-field="${field}"]`);

test('the demo shows the deviation table with figures that match an independent sum', async () => {
  const { page, requests, problems } = await openDemo();
  const doc = demo();
  await assert.doesNotReject(page.locator('balans-widget caption', { hasText: 'augusti 2025' }).waitFor());
  assert.match(await page.locator('balans-widget caption').innerText(), /mnkr/);
  const colHeaders = await page.locator('balans-widget thead th[scope="col"]').allInnerTexts();
  assert.ok(colHeaders.some((t) => /Utfall/.test(t)), colHeaders.join('|'));
  assert.equal(await page.locator('balans-widget thead th[scope="colgroup"]').count(), 3);

  // Hospital care per August: the seeds' −157,3 mnkr year to date, to the öre.
  const sjBudget = cell(page, 'HSN-SJ', 'ytd.budget');
  assert.equal(await sjBudget.innerText(), '\u2212157,3');
  assert.equal(await sjBudget.getAttribute('data-amount'), canonical(linearBudgetToDate(doc, 'HSN-SJ', 8)));
  assert.equal(await cell(page, 'HSN-SJ', 'fullYear.budget').innerText(), '\u2212236,0');

  // Every unit's outcome, and deviation = outcome − budget, for every row in the table.
  const rows = await page.locator('balans-widget tbody tr[data-unit]').evaluateAll((trs) =>
    trs.map((tr) => {
      const amount = (f) => tr.querySelector(`td[data-field="${f}"]`).dataset.amount;
      return {
        unit: tr.dataset.unit,
        budget: amount('ytd.budget'),
        outcome: amount('ytd.outcome'),
        deviation: amount('ytd.deviation'),
      };
    }),
  );
  assert.equal(rows.length, doc.units.length);
  for (const row of rows) {
    assert.equal(row.outcome, canonical(outcome(doc, row.unit, '2025-01', '2025-08')), row.unit);
    assert.equal(ore(row.deviation), ore(row.outcome) - ore(row.budget), row.unit);
  }
  // Public transport: the seeds' +70 mnkr better than budget per August, sign in the text.
  assert.equal(await cell(page, 'KTN', 'ytd.deviation').innerText(), '+70,0');

  assert.deepEqual(problems, [], 'no console errors, no CSP violations');
  const foreign = requests.filter((url) => !url.startsWith(server.url));
  assert.deepEqual(foreign, [], 'nothing is requested from anywhere but the page’s own server');
  await page.close();
});

test('the tree opens and closes by keyboard alone, and the month changes without a reload', async () => {
  const { page, requests } = await openDemo();
  const sj = page.locator('balans-widget tr[data-unit="HSN-SJ"] button');
  const child = page.locator('balans-widget tr[data-unit="HSN-SJ-AKUT"]');
  assert.equal(await sj.getAttribute('aria-expanded'), 'false');
  assert.equal(await child.isVisible(), false);

  // Reach hospital care with Tab from the top of the page.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await sj.evaluate((b) => b.getRootNode().activeElement === b);
  }
  assert.ok(reached, 'hospital care is reachable with Tab');
  await page.keyboard.press('Enter');
  assert.equal(await sj.getAttribute('aria-expanded'), 'true');
  assert.equal(await child.isVisible(), true);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await sj.getAttribute('aria-expanded'), 'false');
  assert.equal(await child.isVisible(), false);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const focused = await child.evaluate((tr) => tr.contains(tr.getRootNode().activeElement));
  assert.ok(focused, 'arrow down moves to the first clinic');

  // Another month: from the toolbar, by keyboard; the data is not fetched again.
  const fetches = () => requests.filter((u) => u.endsWith('region-2025.json')).length;
  const before = fetches();
  await page.locator('balans-widget select').first().focus();
  await page.keyboard.press('Home'); // January
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // March
  await page.locator('balans-widget caption', { hasText: 'mars 2025' }).waitFor();
  const march = await cell(page, 'HSN-SJ', 'ytd.budget').getAttribute('data-amount');
  assert.equal(march, canonical(linearBudgetToDate(demo(), 'HSN-SJ', 3)));
  assert.equal(fetches(), before);
  await page.close();
});

test('the web package loads with init() in the browser and throws coded Errors', async () => {
  const { page } = await openDemo();
  const result = await page.evaluate(async () => {
    const pkg = await import('/pkg/balans.js');
    await pkg.default();
    try {
      new pkg.Workspace().importJson('{"schema": 1, "units": [{"id": "R", "name": "R", "parent": "R"}]}');
      return null;
    } catch (err) {
      return { isError: err instanceof Error, code: err.code, field: err.field ?? null, message: err.message };
    }
  });
  assert.equal(result.isError, true);
  assert.equal(result.code, 'E_CYCLE');
  assert.match(result.message, /cycle/);
  await page.close();
});
