// Effect tracking end to end: the package's effects API from Node, and the `effects` view of
// the demo in a real headless Chromium under a strict CSP, operated by keyboard alone as a unit
// manager would: report this month's realised effect, see the rate, the status and the need for
// new measures change, reload and find the entry kept, undo it, export the entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openPage, useBrowser } from './browser-env.mjs';
import { demo } from './oracle.mjs';

const balans = createRequire(import.meta.url)('../pkg-node/balans.js');

const env = useBrowser();
/** The demo in the frame page, as a link to this one view shows it. */
const PAGE = 'embed.html?view=effects&src=demo/region-2025.json&as-of=2025-08';

test('the API reproduces the seeds: 58.9 % red, and 48 mnkr of new measures for 119 → 71', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const report = ws.effects({ asOf: '2025-08' });
  const sj = report.programmes.find((p) => p.id === 'SJ-2019');
  assert.deepEqual([sj.period.planned, sj.period.realisedToDate, sj.period.rate, sj.period.status],
    ['231000000', '136000000', '58.87', 'red']);
  assert.equal(balans.formatAmount(sj.period.rate, { decimals: 1 }), '58,9');
  const hs = report.programmes.find((p) => p.id === 'HSN-2024');
  assert.deepEqual([hs.target, hs.period.forecast, hs.period.shortfall, hs.need], ['119000000', '71000000', '48000000', '48000000']);
  assert.equal(ws.effects({ asOf: '2025-04' }).programmes.find((p) => p.id === 'HSN-2024').period.forecast, '78000000');
  assert.equal(hs.timeline.length, 36);
  assert.equal(hs.timeline.at(-1).forecast, hs.period.forecast);
  // Custom cut-offs and risk mapping are options.
  const strict = ws.effects({ asOf: '2025-08', cutoffs: { green: 50, amber: '40' } });
  assert.equal(strict.programmes.find((p) => p.id === 'SJ-2019').period.status, 'green');
  ws.free();
});

test('entries are validated, undone, exported and travel with toJSON', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const entry = ws.recordRealised({ measure: 'HS24-1', month: '2025-08', amount: '5 mnkr' });
  assert.deepEqual(entry, { kind: 'realised', measure: 'HS24-1', month: '2025-08', amount: '5000000', previous: null });
  assert.equal(ws.effects({ asOf: '2025-08' }).programmes.find((p) => p.id === 'HSN-2024').need, '47000000');
  const forecast = ws.recordForecast({ measure: 'HS24-3', year: 2025, made: '2025-08', amount: 3000000 });
  assert.equal(forecast.previous, '2000000');
  const thrown = (fn) => { try { fn(); } catch (err) { return err; } assert.fail('expected an error'); };
  let err = thrown(() => ws.recordRealised({ measure: 'HS24-1', month: '2025-08', amount: '12 apor' }));
  assert.deepEqual([err instanceof Error, err.code, err.field], [true, 'E_PARSE_AMOUNT', 'amount']);
  err = thrown(() => ws.recordRealised({ measure: 'nej', month: '2025-08', amount: '1' }));
  assert.deepEqual([err.code, err.field], ['E_UNKNOWN_MEASURE', 'measure']);
  err = thrown(() => ws.recordForecast({ measure: 'SJ19-4', year: 2025, made: '2025-08', amount: '1' }));
  assert.deepEqual([err.code, err.field], ['E_OPTION', 'measure']);

  assert.equal(ws.effectEntries().length, 2);
  const csv = ws.exportEntriesCsv();
  assert.ok(csv.startsWith('\ufeffÅtgärd;Benämning;Enhet;Typ;År;Månad;Belopp;Tidigare belopp\r\n'));
  assert.match(csv, /HS24-3;Färre vårdskador \(kvalitetsbristkostnader\);HSN-SJ;Prognos;2025;2025-08;3000000;2000000\r\n/);

  const copy = balans.Workspace.fromJSON(JSON.parse(JSON.stringify(ws)));
  assert.deepEqual(copy.effectEntries(), ws.effectEntries());
  assert.equal(copy.undoEntry().kind, 'forecast');
  assert.equal(copy.undoEntry().kind, 'realised');
  assert.equal(copy.undoEntry(), null);
  assert.deepEqual(copy.effects({ asOf: '2025-08' }), balans.Workspace.fromJSON(demo()).effects({ asOf: '2025-08' }));
  ws.free();
  copy.free();
});

test('a measures register pasted from Excel imports with Swedish column names', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const table = 'Id\tÅtgärd\tEnhet\tKategori\tStatus\tTyp\tRisk\tÅr\tHelårseffekt\tStartmånad\n'
    + 'N1\tNy bemanningsmodell\tHSN-SJ-MED\tBemanning och scheman\tBeslutad\tÅterkommande\tHög\t2025\t6 000 000\t2025-09\n';
  assert.equal(ws.importMeasures(table).measures, 1);
  const n1 = ws.effects({ asOf: '2025-12' }).measures.find((m) => m.id === 'N1');
  assert.deepEqual([n1.year.planned, n1.probability, n1.plannedStart], ['2000000', '0.3', '2025-09']);
  const err = (() => { try { ws.importMeasures('Id;Åtgärd;Enhet;Status\nX;X;NEJ;planerad'); } catch (e) { return e; } })();
  assert.deepEqual([err.code, err.field], ['E_UNKNOWN_UNIT', 'line 2.unit']);
  ws.free();
});

// ── In the browser ─────────────────────────────────────────────────────────────────────────

const inWidget = (page, selector) => page.locator(`balans-widget ${selector}`);

async function open(page) {
  await page.goto(`${env.server.url}${PAGE}`);
  await inWidget(page, '[data-programme="HSN-2024"] .need').waitFor();
}

/** Presses Tab until the element with `id` in the widget has focus. */
async function tabTo(page, id) {
  for (let i = 0; i < 120; i++) {
    const focused = await page.evaluate(() => document.querySelector('balans-widget').shadowRoot.activeElement?.id ?? null);
    if (focused === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`#${id} is not reachable with Tab`);
}

const text = (page, selector) => inWidget(page, selector).innerText();

test('a unit manager reports an effect by keyboard, sees the figures change, and keeps it after a reload', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const ready = 'balans-widget [data-programme="HSN-2024"] .need';
  const { page, requests, problems } = await openPage(env, PAGE, ready, context);

  // The summary comes first: the need for new measures, and the seeds' historic programme.
  assert.equal(await text(page, '[data-programme="HSN-2024"] .need'), 'Behov av nya åtgärder: 48,0\u00a0mnkr');
  assert.match(await text(page, '[data-programme="SJ-2019"] [data-field="rate"]'), /^58,9\u00a0% röd$/);
  assert.match(await text(page, '[data-programme="HSN-2024"] [data-field="rate"]'), /^69,8\u00a0% röd$/);
  const row = '[data-measure="HS24-1"]';
  assert.equal(await text(page, `${row} [data-field="rate"]`), '58,3\u00a0%');
  assert.equal(await text(page, `${row} [data-field="signal"]`), 'röd');
  assert.equal(await inWidget(page, 'svg.chart path[data-series="forecast"]').count(), 1);
  assert.equal(await inWidget(page, 'table.timeline tbody tr').count(), 36);

  // A wrong amount is refused with a message at the field, and nothing changes.
  await tabTo(page, 'entry-measure');
  assert.equal(await inWidget(page, '#entry-measure').inputValue(), 'HS24-1', 'the first running measure');
  await page.keyboard.press('ArrowDown');
  assert.equal(await inWidget(page, '#entry-measure').inputValue(), 'HS24-2');
  await page.keyboard.press('ArrowUp');
  assert.equal(await inWidget(page, '#entry-measure').inputValue(), 'HS24-1');
  await page.keyboard.press('Tab'); // month, already the report's month
  assert.equal(await inWidget(page, '#entry-month').inputValue(), '2025-08');
  await page.keyboard.press('Tab');
  await page.keyboard.type('12 apor');
  await page.keyboard.press('Enter');
  assert.match(await text(page, '#entry-realised-error'), /kunde inte läsas/);
  assert.equal(await inWidget(page, '#entry-realised').getAttribute('aria-invalid'), 'true');

  // August's realised effect, 5 mnkr: 12 of 12 planned to date, above the forecast of 11.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5 mnkr');
  await page.keyboard.press('Enter');
  await inWidget(page, '[data-programme="HSN-2024"] .need', { hasText: '47,0' }).waitFor();
  assert.equal(await text(page, '[data-programme="HSN-2024"] .need'), 'Behov av nya åtgärder: 47,0\u00a0mnkr');
  assert.equal(await text(page, `${row} [data-field="rate"]`), '100,0\u00a0%');
  assert.equal(await text(page, `${row} [data-field="signal"]`), 'grön');
  assert.match(await text(page, '[data-programme="HSN-2024"] [data-field="rate"]'), /^78,9\u00a0% gul$/);
  // The measure's title isolated (U+2068 … U+2069): a title in another direction cannot turn the rest around.
  assert.match(await text(page, '#entry-status'), /Sparat för \u2068Minskad inhyrd personal i primärvården\u2069: realiserad effekt 5,0\u00a0mnkr för augusti 2025/);

  // Reload: the entry is kept in this browser.
  await page.reload();
  await inWidget(page, '[data-programme="HSN-2024"] .need').waitFor();
  assert.equal(await text(page, '[data-programme="HSN-2024"] .need'), 'Behov av nya åtgärder: 47,0\u00a0mnkr');
  assert.equal(await text(page, `${row} [data-field="rate"]`), '100,0\u00a0%');
  assert.match(await text(page, '.actions .count'), /^1 inmatningar$/);

  // The controller's export, by keyboard: CSV for Excel (BOM, semicolons).
  await tabTo(page, 'export-csv');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'effekter-2025-08.csv');
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffÅtgärd;'), csv.slice(0, 20));
  assert.match(csv, /HS24-1;.*;Realiserad effekt;2025;2025-08;5000000;\r\n/);

  // Undo, also kept after a reload.
  await tabTo(page, 'entry-undo');
  await page.keyboard.press('Enter');
  await inWidget(page, '[data-programme="HSN-2024"] .need', { hasText: '48,0' }).waitFor();
  await page.reload();
  await inWidget(page, '[data-programme="HSN-2024"] .need').waitFor();
  assert.equal(await text(page, '[data-programme="HSN-2024"] .need'), 'Behov av nya åtgärder: 48,0\u00a0mnkr');

  assert.deepEqual(problems, [], 'no console errors, no CSP violations');
  assert.deepEqual(requests.filter((url) => !url.startsWith(env.server.url)), [], 'nothing leaves the page’s server');
  await context.close();
});

test('the measures table sorts and filters by keyboard', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await open(page);
  const ids = () => inWidget(page, 'table.measures tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.measure));
  assert.equal((await ids()).length, 10);

  await tabTo(page, 'sort-rate');
  await page.keyboard.press('Enter');
  const th = inWidget(page, 'th:has(#sort-rate)');
  assert.equal(await th.getAttribute('aria-sort'), 'ascending');
  const rates = await inWidget(page, 'table.measures tbody [data-field="rate"]').evaluateAll((tds) => tds.map((td) => td.dataset.percent));
  const known = rates.filter(Boolean).map(Number);
  assert.deepEqual(known, [...known].sort((a, b) => a - b));
  await page.keyboard.press('Enter');
  assert.equal(await th.getAttribute('aria-sort'), 'descending');

  await tabTo(page, 'filter-status');
  await page.keyboard.press('End'); // the last status in the list
  const status = await inWidget(page, '#filter-status').inputValue();
  const statuses = await inWidget(page, 'table.measures tbody [data-field="status"]').allInnerTexts();
  assert.ok(statuses.length > 0 && statuses.length < 10, statuses.join());
  assert.ok(statuses.every((s) => s === statuses[0]), `${status}: ${statuses}`);
  await context.close();
});
