// The `grants` view in a real headless Chromium (Debian's, driven by playwright-core), served
// with the same strict Content-Security-Policy as the demo: it renders the demo region's grants,
// the cliff chart shows what its table alternative says, and it is usable by keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser } from './browser-env.mjs';
import { ore } from './oracle.mjs';

const env = useBrowser();
/** The demo in the frame page, as a link to this one view shows it. */
const PAGE = 'embed.html?view=grants&src=demo/region-2025.json&as-of=2025-08';

async function openGrants() {
  return openPage(env, PAGE, 'balans-widget table.grants-units tr[data-unit="HSN"]');
}

const unitCell = (page, unit, field) =>
  page.locator(`balans-widget table.grants-units tr[data-unit="${unit}"] td[data-field="${field}"]`);

test('the grants view shows health care with and without its grants, in words and figures', async () => {
  const { page, requests, problems } = await openGrants();
  assert.match(await page.locator('balans-widget #caption').innerText(), /Statsbidragsberoende per augusti 2025, mnkr/);
  assert.equal(await unitCell(page, 'HSN', 'ytd.reported').innerText(), '+148,0');
  assert.equal(await unitCell(page, 'HSN', 'ytd.temporaryEffect').innerText(), '115,0');
  assert.equal(await unitCell(page, 'HSN', 'ytd.structural').innerText(), '+33,0');
  const reported = await unitCell(page, 'HSN', 'ytd.reported').getAttribute('data-amount');
  const structural = await unitCell(page, 'HSN', 'ytd.structural').getAttribute('data-amount');
  assert.equal(ore(reported) - ore(structural), 11_500_000_000n);
  // 115 of a +148 result: the dependency as a share, from the core's percent.
  const share = unitCell(page, 'HSN', 'ytd.shareOfResult');
  assert.equal(await share.getAttribute('data-percent'), '77.71');
  assert.equal(await share.innerText(), '77,7\u00a0%');
  assert.match(await unitCell(page, 'HSN', 'ytd.shareOfRevenue').innerText(), /^\d+,\d\u00a0%$/);
  // Masking is text: per August it does not hide a deficit, for the full year it does.
  assert.equal(await unitCell(page, 'HSN', 'ytd.masking').innerText(), 'Nej');
  assert.match(await unitCell(page, 'HSN', 'fullYear.masking').innerText(), /^Ja: bidragen döljer ett underskott$/);
  // Real tables: captions and header scopes.
  assert.ok(await page.locator('balans-widget table.grants-units caption').count() === 1);
  assert.ok(await page.locator('balans-widget table.grants-units th[scope="colgroup"]').count() === 2);
  const grant = page.locator('balans-widget table.grants-list tr[data-grant="TVK"]');
  assert.equal(await grant.locator('th[scope="row"]').innerText(), 'Tillgänglighet och vårdkapacitet');
  assert.equal(await grant.locator('td[data-field="ytd.resultEffect"]').innerText(), '115,0');
  // The four scenarios, each with a figure.
  const scenarios = await page.locator('balans-widget table.grants-scenarios tbody tr').evaluateAll((trs) =>
    trs.map((tr) => tr.dataset.scenario));
  assert.deepEqual(scenarios, ['asForecast', 'decidedOnly', 'probabilityWeighted', 'none']);
  assert.deepEqual(problems, [], 'no console errors, no CSP violations');
  assert.deepEqual(requests.filter((url) => !url.startsWith(env.server.url)), []);
  await page.close();
});

/** The cliff chart's bars and the cliff table's rows, as the page shows them. */
async function cliff(page) {
  const bars = await page.locator('balans-widget svg.cliff-chart g.cliff-bar').evaluateAll((gs) =>
    gs.map((g) => ({ year: g.dataset.year, amount: g.dataset.amount, label: g.querySelector('text.value').textContent })));
  const rows = await page.locator('balans-widget table.grants-cliff tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const gap = tr.querySelector('td[data-field="gap"]');
      return { year: tr.dataset.year, amount: gap.dataset.amount, label: gap.textContent };
    }));
  return { bars, rows };
}

test('the cliff chart shows exactly what its table alternative says', async () => {
  const { page } = await openGrants();
  const { bars, rows } = await cliff(page);
  assert.equal(bars.length, 3);
  assert.deepEqual(bars, rows);
  // Deeper every year as grants end and their staff stay.
  const gaps = rows.map((r) => ore(r.amount));
  assert.ok(gaps[0] < 0n && gaps[1] < gaps[0] && gaps[2] < gaps[1], gaps.join());
  // Longer bars for larger gaps: the geometry follows the figures.
  const heights = await page.locator('balans-widget svg.cliff-chart rect').evaluateAll((rs) =>
    rs.map((r) => Number(r.getAttribute('height'))));
  assert.ok(heights[0] < heights[1] && heights[1] < heights[2], heights.join());
  assert.equal(await page.locator('balans-widget svg.cliff-chart').getAttribute('role'), 'group');
  assert.ok(await page.locator('balans-widget svg.cliff-chart [style]').count() === 0, 'no inline styles');
  await page.close();
});

test('by keyboard alone: pick a committee for the scenarios and the cliff, and step through the bars', async () => {
  const { page } = await openGrants();
  const select = page.locator('balans-widget select#grants-unit');
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await select.evaluate((s) => s.getRootNode().activeElement === s);
  }
  assert.ok(reached, 'the unit picker is reachable with Tab');
  const options = await select.locator('option').allInnerTexts();
  const target = options.indexOf('\u2068Kollektivtrafiknämnden\u2069'); // the name isolated in its option
  assert.ok(target > 0, options.join('|'));
  await page.keyboard.press('Home');
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
  await page.locator('balans-widget table.grants-cliff[data-unit="KTN"]').waitFor();
  // Public transport holds no temporary grants: no cliff, every scenario its forecast.
  const { bars, rows } = await cliff(page);
  assert.deepEqual(bars, rows);
  assert.ok(rows.every((r) => ore(r.amount) === 0n));
  const figures = await page.locator('balans-widget table.grants-scenarios td').evaluateAll((tds) =>
    tds.map((td) => td.dataset.amount));
  assert.equal(new Set(figures).size, 1);

  // Back to health care, then Tab onto the bars, each with its figure as its name.
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowUp');
  const hsn = options.indexOf('\u2068Hälso- och sjukvårdsnämnden\u2069');
  for (let i = 0; i < hsn; i++) await page.keyboard.press('ArrowDown');
  await page.locator('balans-widget table.grants-cliff[data-unit="HSN"]').waitFor();
  const names = [];
  for (let i = 0; i < 10 && names.length < 3; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const active = document.querySelector('balans-widget').shadowRoot.activeElement;
      return active?.classList.contains('cliff-bar') ? active.getAttribute('aria-label') : null;
    });
    if (name) names.push(name);
  }
  const { rows: hsnRows } = await cliff(page);
  assert.deepEqual(names, hsnRows.map((r) => `${r.year}: ${r.label}`));
  // The choice survives another month picked in the toolbar.
  await page.locator('balans-widget select#as-of').focus();
  await page.keyboard.press('ArrowUp');
  await page.locator('balans-widget #caption', { hasText: 'juli 2025' }).waitFor();
  assert.equal(await page.locator('balans-widget table.grants-cliff').getAttribute('data-unit'), 'HSN');
  await page.close();
});

test('the grants view speaks English when asked', async () => {
  const { page } = await openGrants();
  await page.locator('balans-widget').evaluate((w) => w.setAttribute('lang', 'en'));
  await page.locator('balans-widget #caption', { hasText: 'State-grant dependency as of August 2025, MSEK' }).waitFor();
  assert.equal(await unitCell(page, 'HSN', 'fullYear.masking').innerText(), 'Yes: grants hide a deficit');
  const scenario = page.locator('balans-widget table.grants-scenarios tr[data-scenario="none"] th');
  assert.equal(await scenario.innerText(), 'No temporary grants');
  assert.equal(await page.locator('balans-widget svg.cliff-chart title').textContent(), 'Structural gap per plan year: \u2068Region Exempel\u2069');
  assert.equal(await page.locator('balans-widget .grants-cliff-figure h3').innerText(), 'Structural gap per plan year: Region Exempel');
  await page.close();
});
