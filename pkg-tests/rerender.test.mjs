// Re-rendering a large tree for another month in a real Chromium: the widget keeps its table and
// changes the cells of the rows shown, rows out of sight get theirs when opened, and what it shows
// is always the month picked, never an earlier one. A tree of 631 units (region, 6 committees, 24
// areas, 600 departments), over the 500 whose cells are all made at once; figures checked against
// a plain sum of the generated outcome.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser } from './browser-env.mjs';

const env = useBrowser();

const COMMITTEES = 6;
const AREAS = 4;
const DEPARTMENTS = 25;

/** Department k's outcome in month m (1–12), in kronor, result sign: a cost. */
const monthly = (k, m) => -(k * 1000 + m);
/** The year to date through month m, summed here, not by the package. */
const ytdOutcome = (k, m) => String(Array.from({ length: m }, (_, i) => monthly(k, i + 1)).reduce((a, b) => a + b, 0));

/** The demo page with a Workspace of the large tree in its widget, as of August. */
async function openLargeTree() {
  const opened = await openPage(env, '', 'balans-widget tr[data-unit="R"]');
  await opened.page.evaluate(async ({ COMMITTEES, AREAS, DEPARTMENTS, outcome }) => {
    const { Workspace } = await import('/pkg/balans.js');
    const units = [{ id: 'R', name: 'Region', level: 'region' }];
    const budget = [];
    const rows = [];
    for (let c = 1; c <= COMMITTEES; c++) {
      units.push({ id: `C${c}`, name: `Nämnd ${c}`, parent: 'R', level: 'committee' });
      for (let a = 1; a <= AREAS; a++) {
        units.push({ id: `C${c}-A${a}`, name: `Område ${c}.${a}`, parent: `C${c}`, level: 'area' });
        for (let k = 1; k <= DEPARTMENTS; k++) {
          const id = `C${c}-A${a}-D${k}`;
          units.push({ id, name: `Verksamhet ${c}.${a}.${k}`, parent: `C${c}-A${a}`, level: 'department' });
          budget.push({ unit: id, year: 2025, annual: String(-k * 12000), method: 'linear' });
          for (let m = 1; m <= 8; m++) rows.push({ unit: id, month: `2025-0${m}`, amount: outcome[k][m] });
        }
      }
    }
    const ws = new Workspace();
    ws.importJson({ schema: 1, name: 'Stor region', units, budget, outcome: rows });
    const widget = document.querySelector('balans-widget');
    const shown = new Promise((ok) => widget.addEventListener('balans-ready', ok, { once: true }));
    widget.setAttribute('as-of', '2025-08');
    widget.workspace = ws;
    await shown;
  }, {
    COMMITTEES, AREAS, DEPARTMENTS,
    outcome: Array.from({ length: DEPARTMENTS + 1 }, (_, k) => Array.from({ length: 13 }, (_, m) => String(monthly(k, m)))),
  });
  return opened;
}

const cell = (page, unit, field) => page.locator(`balans-widget tr[data-unit="${unit}"] td[data-field="${field}"]`);
const pickMonth = async (page, month, name) => {
  await page.locator('balans-widget select#as-of').selectOption(month);
  await page.locator('balans-widget caption', { hasText: name }).waitFor();
};
const toggle = (page, unit) => page.locator(`balans-widget tr[data-unit="${unit}"] button.toggle`).click();

test('another month keeps the table and shows the new figures, also in rows opened later', async () => {
  const { page, problems } = await openLargeTree();
  const widget = page.locator('balans-widget');
  // Committees are open, their areas' departments are not: rows out of sight have no cells yet.
  assert.equal(await page.locator('balans-widget tbody tr[data-unit="C1-A1-D7"] td').count(), 0);
  assert.equal(await cell(page, 'C2-A1-D5', 'ytd.outcome').count(), 0);
  // Open area 2.1 in August, so its departments get cells; then close it again.
  await toggle(page, 'C2-A1');
  assert.equal(await cell(page, 'C2-A1-D5', 'ytd.outcome').getAttribute('data-amount'), ytdOutcome(5, 8));
  await toggle(page, 'C2-A1');
  await widget.evaluate((w) => { w.shadowRoot.querySelector('table').dataset.kept = 'yes'; });

  // March, picked in the toolbar as a user would.
  await pickMonth(page, '2025-03', 'mars 2025');
  assert.equal(await widget.evaluate((w) => w.shadowRoot.querySelector('table').dataset.kept), 'yes',
    'the same table, not a new one');
  // The committees and areas shown have March's figures: the sums of their departments' outcome.
  const sum = (xs) => String(xs.reduce((a, b) => a + b, 0));
  const ks = Array.from({ length: DEPARTMENTS }, (_, i) => i + 1);
  assert.equal(await cell(page, 'C1-A2', 'ytd.outcome').getAttribute('data-amount'), sum(ks.map((k) => Number(ytdOutcome(k, 3)))));
  assert.equal(await cell(page, 'C1', 'ytd.outcome').getAttribute('data-amount'), sum(ks.map((k) => AREAS * Number(ytdOutcome(k, 3)))));
  assert.equal(await cell(page, 'C1', 'period.outcome').getAttribute('data-amount'), sum(ks.map((k) => AREAS * monthly(k, 3))));
  // Area 2.1's departments, shown in August and out of sight since, hold no August cells.
  assert.equal(await cell(page, 'C2-A1-D5', 'ytd.outcome').count(), 0);
  // Opened now, rows never shown and rows shown in August alike show March.
  await toggle(page, 'C1-A1');
  await toggle(page, 'C2-A1');
  assert.equal(await cell(page, 'C1-A1-D7', 'ytd.outcome').getAttribute('data-amount'), ytdOutcome(7, 3));
  assert.equal(await cell(page, 'C2-A1-D5', 'ytd.outcome').getAttribute('data-amount'), ytdOutcome(5, 3));
  assert.equal(await cell(page, 'C2-A1-D5', 'period.outcome').getAttribute('data-amount'), String(monthly(5, 3)));

  // Back to August with the departments open: their cells change where they stand.
  const before = await cell(page, 'C2-A1-D5', 'ytd.outcome').elementHandle();
  await pickMonth(page, '2025-08', 'augusti 2025');
  assert.equal(await cell(page, 'C2-A1-D5', 'ytd.outcome').getAttribute('data-amount'), ytdOutcome(5, 8));
  assert.equal(await before.evaluate((td) => td.isConnected), true, 'the cell is kept, its text changed');
  // The text as shown (mnkr, one decimal: −0,0 shows no sign), and the missing forecast read out.
  assert.equal(await cell(page, 'C2-A1-D5', 'ytd.outcome').innerText(), '0,0');
  assert.match(await cell(page, 'C2-A1-D5', 'fullYear.forecast').innerText(), /saknas/);
  // Committee 2 through August: 4 areas × Σk Σm (1000k + m) = 4 × 2 600 900 kr = −10,4 mnkr.
  assert.equal(await cell(page, 'C2', 'ytd.outcome').getAttribute('data-amount'), sum(ks.map((k) => AREAS * Number(ytdOutcome(k, 8)))));
  assert.equal(await cell(page, 'C2', 'ytd.outcome').innerText(), '\u221210,4');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the widget asks for the groups it shows; the JSON export has every group', async () => {
  const { page } = await openLargeTree();
  const shown = await page.evaluate(() => {
    const widget = document.querySelector('balans-widget');
    const exported = JSON.parse(widget.toJson());
    return {
      reportKeys: Object.keys(widget.report.rows[0]).sort(),
      exportKeys: Object.keys(exported.rows[0]).sort(),
      exportRows: exported.rows.map((r) => r.unit),
      visible: [...widget.shadowRoot.querySelectorAll('tbody tr:not([hidden])')].map((tr) => tr.dataset.unit),
    };
  });
  // outcomeThrough and the month's comments come with the unit header, whatever the groups; the
  // escalation only with the column of the action programme's due month, which "Alla kolumner" adds.
  assert.deepEqual(shown.reportKeys, ['children', 'comments', 'depth', 'fullYear', 'level', 'name', 'outcomeThrough',
    'parent', 'period', 'threshold', 'unit', 'ytd']);
  for (const group of ['tertial', 'projections', 'volumes', 'period', 'ytd', 'fullYear']) {
    assert.ok(shown.exportKeys.includes(group), group);
  }
  assert.deepEqual(shown.exportRows, shown.visible);
  await page.close();
});
