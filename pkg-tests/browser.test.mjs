// The demo page and the web package in a real headless Chromium (Debian's, driven by
// playwright-core), served with a strict Content-Security-Policy. The figures the widget shows
// are checked against an independent BigInt reckoning of the demo data (oracle.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser } from './browser-env.mjs';
import { canonical, demo, linearBudgetToDate, ore, outcome, subtreeForecast } from './oracle.mjs';
import { readCsv, records } from './excel-csv.mjs';

const env = useBrowser();

/** Opens the demo page and records every request and every console error on the way. */
async function openDemo() {
  return openPage(env, '', 'balans-widget tr[data-unit="R"]');
}

const cell = (page, unit, field) => page.locator(`balans-widget tr[data-unit="${unit}"] td[data-field="${field}"]`);

/** Shows every column of the table ("Alla kolumner"): the month's and the full year's percent,
 * the month the forecast was made and the action programme's due month are not shown by default. */
async function showAllColumns(page) {
  await page.locator('balans-widget #all-columns').check();
  await page.locator('balans-widget td[data-field="fullYear.due"]').first().waitFor();
}

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
  const foreign = requests.filter((url) => !url.startsWith(env.server.url));
  assert.deepEqual(foreign, [], 'nothing is requested from anywhere but the page’s own server');
  await page.close();
});

test('the tree opens and closes by keyboard alone, and the month changes without a reload', async () => {
  const { page, requests } = await openDemo();
  const sj = page.locator('balans-widget tr[data-unit="HSN-SJ"] button.toggle');
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

// ── Deviation analysis in the widget (issue 3) ────────────────────────────────────────────────

/** The status an independent reading of the rule gives for figures in öre and a threshold. */
function expectedStatus(deviation, budget, absolute, percent) {
  const size = deviation < 0n ? -deviation : deviation;
  const base = budget < 0n ? -budget : budget;
  const passAbs = size > absolute;
  // percent is a whole number here: size / |budget| > percent / 100.
  const passRel = size !== 0n && size * 100n > BigInt(percent) * base;
  if (passAbs && passRel) return deviation < 0n ? 'material' : 'favourable';
  if ((passAbs || passRel) && deviation < 0n) return 'watch';
  return 'within';
}

/** Every visible row's ytd figures and statuses as the table shows them. */
const shownRows = (page) => page.locator('balans-widget tbody tr[data-unit]:not([hidden])').evaluateAll((trs) =>
  trs.map((tr) => {
    const td = (f) => tr.querySelector(`td[data-field="${f}"]`);
    return {
      unit: tr.dataset.unit,
      parent: null,
      budget: td('ytd.budget').dataset.amount,
      outcome: td('ytd.outcome').dataset.amount,
      deviation: td('ytd.deviation').dataset.amount,
      status: td('ytd.status').dataset.status,
      statusText: td('ytd.status').textContent,
      fullYearStatus: td('fullYear.status').dataset.status ?? null,
    };
  }));

test('month, threshold and unit change the figures and the statuses', async () => {
  const { page, problems } = await openDemo();
  const doc = demo();
  const widget = page.locator('balans-widget');
  // Public transport only: pick it in the unit select.
  await widget.locator('select#unit').selectOption('KTN');
  await page.locator('balans-widget tr[data-unit="KTN"][data-depth="0"]').waitFor();
  assert.equal(await page.locator('balans-widget tr[data-unit="R"]').count(), 0);
  assert.equal(await cell(page, 'KTN', 'ytd.deviation').innerText(), '+70,0');
  assert.equal(await cell(page, 'KTN', 'ytd.underlying').innerText(), '+35,0');
  // The stored department threshold (2 mnkr, 2 %): bus traffic's +30 mnkr is favourable.
  assert.equal(await cell(page, 'KTN-BUSS', 'ytd.status').innerText(), 'Gynnsam');

  // May instead of August: new figures, checked against the independent sum.
  await widget.locator('select#as-of').selectOption('2025-05');
  await page.locator('balans-widget caption', { hasText: 'maj 2025' }).waitFor();
  assert.equal(await cell(page, 'KTN', 'ytd.outcome').getAttribute('data-amount'),
    canonical(outcome(doc, 'KTN', '2025-01', '2025-05')));
  assert.equal(await cell(page, 'KTN-TAG', 'period.outcome').getAttribute('data-amount'),
    canonical(outcome(doc, 'KTN-TAG', '2025-05', '2025-05')));

  // A threshold of 50 mnkr and 1 % for every level, typed the Swedish way.
  await widget.locator('#threshold-amount').fill('50');
  await widget.locator('#threshold-percent').fill('1');
  await widget.locator('#threshold-percent').press('Enter');
  await widget.locator('#threshold-percent').press('Tab');
  await page.waitForFunction(() => document.querySelector('balans-widget').report?.rows[0].threshold.absolute === '50000000');
  const rows = await shownRows(page);
  assert.ok(rows.length >= 4);
  for (const row of rows) {
    const want = expectedStatus(ore(row.deviation), ore(row.budget), 5_000_000_000n, 1);
    assert.equal(row.status, want, row.unit);
  }
  // Bus traffic's deviation through May is below 50 mnkr: within now, as text too.
  assert.equal(await cell(page, 'KTN-BUSS', 'ytd.status').innerText(), 'Inom');
  // Emptying both returns to the stored thresholds.
  await widget.locator('#threshold-amount').fill('');
  await widget.locator('#threshold-percent').fill('');
  await widget.locator('#threshold-percent').press('Tab');
  await page.waitForFunction(() => document.querySelector('balans-widget').report?.rows[0].threshold.absolute === '10000000');
  // A value that cannot be read is marked and changes nothing.
  await widget.locator('#threshold-amount').fill('tio');
  await widget.locator('#threshold-amount').press('Tab');
  assert.equal(await widget.locator('#threshold-amount').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(problems, []);
  await page.close();
});

test('keyboard alone sorts by a column and filters by status', async () => {
  const { page } = await openDemo();
  const active = () => page.evaluate(() => {
    const root = document.querySelector('balans-widget').shadowRoot;
    const el = root.activeElement;
    return el ? { tag: el.tagName, id: el.id, sort: el.dataset?.sort ?? null } : null;
  });
  // Tab to the sort buttons (one tab stop), then arrow to "Hittills i år, Avvikelse".
  let at = null;
  for (let i = 0; i < 30 && at?.sort == null; i++) {
    await page.keyboard.press('Tab');
    at = await active();
  }
  assert.equal(at.sort, 'name', 'the first sort button is the unit column');
  const target = 'ytd.deviation';
  for (let i = 0; i < 20 && at.sort !== target; i++) {
    await page.keyboard.press('ArrowRight');
    at = await active();
  }
  assert.equal(at.sort, target);
  const header = page.locator(`balans-widget th:has(button[data-sort="${target}"])`);
  const committees = async () => {
    const order = await page.locator('balans-widget tbody tr[data-depth="1"]').evaluateAll((trs) =>
      trs.map((tr) => tr.querySelector('td[data-field="ytd.deviation"]').dataset.amount));
    return order.map(ore);
  };
  await page.keyboard.press('Enter');
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  const up = await committees();
  assert.deepEqual(up, [...up].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  await page.keyboard.press('Enter');
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  const down = await committees();
  assert.deepEqual(down, [...up].reverse());
  assert.equal(await page.locator('balans-widget th[aria-sort]').count(), 1);

  // The status filter, by keyboard: Shift+Tab back to it and pick "Väsentlig".
  for (let i = 0; i < 30 && at?.id !== 'filter'; i++) {
    await page.keyboard.press('Shift+Tab');
    at = await active();
  }
  assert.equal(at.id, 'filter');
  await page.keyboard.press('End'); // the last status: material
  const rows = await shownRows(page);
  const all = await page.locator('balans-widget tbody tr[data-unit]').evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.unit, tr.hidden]));
  assert.ok(rows.length > 0 && rows.length < all.length);
  const material = rows.filter((r) => r.status === 'material' || r.fullYearStatus === 'material');
  assert.ok(material.some((r) => r.unit === 'HSN-SJ'), 'hospital care is material');
  assert.ok(rows.some((r) => r.unit === 'HSN-SJ-MED'), 'rows inside collapsed parents show when they match');
  // Every shown row is material, or above one that is.
  const report = await page.evaluate(() => document.querySelector('balans-widget').report);
  const parentOf = new Map(report.rows.map((r) => [r.unit, r.parent]));
  const context = new Set();
  for (const r of material) for (let u = parentOf.get(r.unit); u; u = parentOf.get(u)) context.add(u);
  for (const r of rows) assert.ok(material.includes(r) || context.has(r.unit), r.unit);
  await page.close();
});

test('text cells that a spreadsheet would run as formulas are neutralised in the CSV', async () => {
  const { page } = await openDemo();
  const csv = await page.evaluate(async () => {
    const el = document.createElement('balans-widget');
    el.setAttribute('as-of', '2025-01');
    const ready = new Promise((resolve) => el.addEventListener('balans-ready', resolve, { once: true }));
    el.data = {
      schema: 1,
      units: [{ id: '=1+1', name: '@SUM(A1)' }, { id: 'B', name: '-2;"x"', parent: '=1+1' }],
      outcome: [{ unit: 'B', month: '2025-01', amount: '-1000000' }],
    };
    document.body.append(el);
    await ready;
    const text = el.toCsv();
    el.remove();
    return text;
  });
  const lines = csv.slice(1).split('\r\n');
  assert.ok(lines[1].startsWith(`0;;"'=1+1";"'@SUM(A1)";`), lines[1]);
  // Amounts stay numbers: a minus at the start of an amount is not neutralised.
  assert.ok(lines[2].startsWith(`1;;B;"'-2;""x""";0;-1000000;-1000000;`), lines[2]);
  await page.close();
});

test('the last booked month: the widget opens on it, marks the months after it and shows no outcome there', async () => {
  const { page, problems } = await openDemo();
  const widget = page.locator('balans-widget');
  assert.equal(await widget.locator('select#as-of').inputValue(), '2025-08', 'outcome is booked through August');
  assert.match(await page.locator('balans-widget caption').innerText(), /Utfall bokfört t\.o\.m\. augusti 2025/);
  assert.doesNotMatch(await widget.locator('select#as-of option[value="2025-08"]').innerText(), /inget utfall/);
  assert.match(await widget.locator('select#as-of option[value="2025-10"]').innerText(), /\(inget utfall\)/);
  await showAllColumns(page);
  // The percent shown is of the gross cost, and the header says so.
  const headers = await page.locator('balans-widget thead th[scope="col"]').allInnerTexts();
  assert.ok(headers.some((t) => /Avvikelse % av brutto/.test(t)), headers.join('|'));
  const report = await page.evaluate(() => document.querySelector('balans-widget').report);
  const hsn = report.rows.find((r) => r.unit === 'HSN');
  assert.equal(await cell(page, 'HSN', 'fullYear.percent').getAttribute('data-percent'), hsn.fullYear.percentOfGrossCost);
  // October: no outcome, no deviation and no status, said in words; the budget stays.
  await widget.locator('select#as-of').selectOption('2025-10');
  await page.locator('balans-widget caption', { hasText: 'oktober 2025' }).waitFor();
  for (const field of ['period.outcome', 'period.deviation', 'period.percent', 'ytd.deviation', 'ytd.status']) {
    assert.equal(await cell(page, 'HSN', field).innerText(), 'inget utfall', field);
  }
  assert.notEqual(await cell(page, 'HSN', 'period.budget').getAttribute('data-amount'), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a workspace handed over opens on its last booked month, found without toJSON()', async () => {
  const { page, problems } = await openDemo();
  const opened = await page.evaluate(async (doc) => {
    const { Workspace } = await import('/pkg/balans.js');
    // Next year's budget too: the last year held has nothing booked, the one before has.
    doc.budget.push({ unit: doc.units[0].id, year: 2026, annual: '-1000', method: 'linear' });
    const ws = Workspace.fromJSON(doc);
    // Every row of a stored year made an object: the widget must not need it.
    ws.toJSON = () => { throw new Error('toJSON called'); };
    const widget = document.querySelector('balans-widget');
    const ready = new Promise((resolve) => widget.addEventListener('balans-ready', resolve, { once: true }));
    widget.removeAttribute('as-of');
    widget.workspace = ws;
    await ready;
    return { years: ws.years(), asOf: widget.shadowRoot.querySelector('select#as-of').value };
  }, demo());
  assert.deepEqual(opened.years.slice(-2), [2025, 2026]);
  assert.equal(opened.asOf, '2025-08', 'booked through August 2025; nothing in 2026');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the tertial view, the interim months and the forecast chart with its table', async () => {
  const { page, problems } = await openDemo();
  const doc = demo();
  const widget = page.locator('balans-widget');
  assert.match(await widget.locator('select#as-of option[value="2025-03"]').innerText(), /delårsrapport/);
  assert.match(await widget.locator('select#as-of option[value="2025-08"]').innerText(), /delårsrapport/);
  await widget.locator('select#unit').selectOption('KTN');
  await widget.locator('select#span').selectOption('tertial');
  await page.locator('balans-widget td[data-field="tertial.outcome"]').first().waitFor();
  assert.equal(await widget.locator('thead th[scope="colgroup"]').first().innerText(), 'Tertial 2 (maj–aug)');
  assert.equal(await cell(page, 'KTN', 'tertial.outcome').getAttribute('data-amount'),
    canonical(outcome(doc, 'KTN', '2025-05', '2025-08')));
  assert.equal(await widget.getAttribute('span'), 'tertial');
  // The chart opens by keyboard; its table: public transport's full-year forecast per month
  // made, reckoned independently (the committee's own forecast is its whole subtree's).
  const toggle = widget.locator('#chart-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await widget.locator('.chart svg').count(), 0);
  await toggle.focus();
  await page.keyboard.press('Enter');
  await widget.locator('.chart-table tbody tr').first().waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const made = await widget.locator('.chart-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.made, tr.querySelector('td').dataset.amount]));
  assert.deepEqual(made.map(([m]) => m), ['2025-02', '2025-04', '2025-08']);
  for (const [month, amount] of made) {
    assert.equal(amount, canonical(subtreeForecast(doc, 'KTN', month).amount), month);
  }
  assert.equal(await widget.locator('.chart svg circle').count(), 3);
  assert.match(await widget.locator('.chart h2').innerText(), /Kollektivtrafiknämnden/);
  // Another month keeps the chart open and shows only the forecasts known then.
  await widget.locator('select#as-of').selectOption('2025-03');
  await page.locator('balans-widget caption', { hasText: 'mars 2025' }).waitFor();
  assert.equal(await widget.locator('.chart-table tbody tr').count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('cost types: each unit followed by its cost types, which add up to it, in the CSV too', async () => {
  const { page } = await openDemo();
  const widget = page.locator('balans-widget');
  await widget.locator('select#unit').selectOption('KTN');
  await page.locator('balans-widget tr[data-unit="KTN"][data-depth="0"]').waitFor();
  await widget.locator('#by-cost-type').focus();
  await page.keyboard.press('Space');
  await page.locator('balans-widget tr[data-cost-type-of="KTN"]').first().waitFor();
  const sums = await page.locator('balans-widget tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    unit: tr.dataset.unit ?? null,
    of: tr.dataset.costTypeOf ?? null,
    costType: tr.dataset.costType ?? null,
    outcome: tr.querySelector('td[data-field="ytd.outcome"]').dataset.amount,
    deviation: tr.querySelector('td[data-field="ytd.deviation"]').dataset.amount,
  })));
  for (const unit of sums.filter((r) => r.unit)) {
    const parts = sums.filter((r) => r.of === unit.unit);
    assert.ok(parts.length > 0, unit.unit);
    assert.equal(parts.reduce((s, r) => s + ore(r.outcome), 0n), ore(unit.outcome), unit.unit);
    assert.equal(parts.reduce((s, r) => s + ore(r.deviation), 0n), ore(unit.deviation), unit.unit);
  }
  // Ticket revenue (3000) of public transport, right under it.
  const ktn = sums.findIndex((r) => r.unit === 'KTN');
  assert.deepEqual([sums[ktn + 1].of, sums[ktn + 1].costType], ['KTN', '3000']);
  const csv = await page.evaluate(() => document.querySelector('balans-widget').toCsv());
  const ids = records(readCsv(csv)).map((r) => [r.Enhet, r.Kostnadsslag]);
  assert.equal(ids.length, sums.length);
  assert.deepEqual(ids.slice(0, 2), [['KTN', ''], ['KTN', '3000']]);
  await page.close();
});

test('committees with a material negative forecast show when their action programme is due', async () => {
  const { page } = await openDemo();
  // Not a default column: the status says a forecast deviation is material; "Alla kolumner" adds when.
  assert.equal(await page.locator('balans-widget td[data-field="fullYear.due"]').count(), 0);
  await showAllColumns(page);
  const report = await page.evaluate(() => document.querySelector('balans-widget').report);
  const escalated = report.rows.filter((r) => r.escalation);
  assert.ok(escalated.length > 0);
  for (const row of report.rows) {
    const due = await cell(page, row.unit, 'fullYear.due').getAttribute('data-month');
    assert.equal(due, row.escalation?.due ?? null, row.unit);
    if (row.escalation) assert.equal(row.level, 'committee', row.unit);
  }
  // Health care's February forecast: −35 mnkr on a zero budget, so a programme by May.
  assert.equal(await cell(page, 'HSN', 'fullYear.due').innerText(), 'maj');
  await page.close();
});
