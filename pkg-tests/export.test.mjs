// Exports a committee secretary opens in Excel: the deviation table from the package and from
// the widget's "Exportera till Excel" button, the entries log and any report table, each read
// back as Swedish Excel reads a CSV (excel-csv.mjs) and held to the report to the öre.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openPage, useBrowser } from './browser-env.mjs';
import { demo, ore, outcome } from './oracle.mjs';
import { isNumber, oreOf, readCsv, records } from './excel-csv.mjs';

const balans = createRequire(import.meta.url)('../pkg-node/balans.js');

const env = useBrowser();

/** The amount columns of the file and where each figure is in a report row. */
const AMOUNTS = {
  'Månad budget (kr)': (r) => r.period.budget,
  'Månad utfall (kr)': (r) => r.period.outcome,
  'Månad avvikelse (kr)': (r) => r.period.deviation,
  'Hittills i år budget (kr)': (r) => r.ytd.budget,
  'Hittills i år utfall (kr)': (r) => r.ytd.outcome,
  'Hittills i år avvikelse (kr)': (r) => r.ytd.deviation,
  'Hittills i år underliggande (kr)': (r) => r.ytd.underlying,
  'Helår budget (kr)': (r) => r.fullYear.budget,
  'Helår prognos (kr)': (r) => r.fullYear.forecast,
  'Helår avvikelse (kr)': (r) => r.fullYear.deviation,
};
const STATUS = { within: 'Inom', favourable: 'Gynnsam', watch: 'Bevaka', material: 'Väsentlig' };

/** Every unit row of `text` against `report`'s rows, in order, to the öre. */
function assertSameAsReport(text, report) {
  const units = records(readCsv(text)).filter((r) => !r.Kostnadsslag && !r['Kostnadsslagets namn']);
  assert.deepEqual(units.map((r) => r.Enhet), report.rows.map((r) => r.unit), 'one row per unit, in tree order');
  report.rows.forEach((row, i) => {
    const line = units[i];
    assert.equal(line.Namn, row.name);
    assert.equal(Number(line.Djup), row.depth);
    for (const [heading, figure] of Object.entries(AMOUNTS)) {
      const want = figure(row);
      assert.equal(oreOf(line[heading]), want == null ? null : ore(want), `${row.unit} ${heading}`);
    }
    assert.equal(line['Hittills i år status'], STATUS[row.ytd.status] ?? (row.ytd.outcome === null ? 'inget utfall' : ''));
    assert.equal(line['Helår status'], STATUS[row.fullYear.status] ?? '');
    assert.equal(line['Åtgärdsprogram senast'], row.escalation?.due ?? '');
  });
}

test('the deviation table as a file: numbers in kronor to the öre that sum to the report', () => {
  const doc = demo();
  const ws = balans.Workspace.fromJSON(doc);
  const text = ws.exportDeviationCsv({ asOf: '2025-08' });
  const report = ws.deviation({ asOf: '2025-08' });
  const rows = readCsv(text);
  assert.deepEqual(rows[0].slice(0, 8), ['Djup', 'Nivå', 'Enhet', 'Namn', 'Månad budget (kr)', 'Månad utfall (kr)',
    'Månad avvikelse (kr)', 'Månad avvikelse % av brutto']);
  assertSameAsReport(text, report);
  // Every amount cell is one Excel reads as a number (no thousands separator, decimal comma),
  // and some have öre: nothing was rounded to a display unit.
  const amounts = records(rows).flatMap((r) => Object.keys(AMOUNTS).map((h) => r[h])).filter((c) => c !== '');
  assert.ok(amounts.every(isNumber), amounts.find((c) => !isNumber(c)));
  assert.ok(amounts.some((c) => /,\d\d?$/.test(c)), 'some amounts have öre');
  // The root's year to date outcome is the document's outcome summed independently, to the öre;
  // each parent's outcome is its own rows plus its children's rows in the file.
  const root = records(rows)[0];
  assert.equal(oreOf(root['Hittills i år utfall (kr)']), outcome(doc, 'R', '2025-01', '2025-08'));
  const byUnit = new Map(records(rows).map((r) => [r.Enhet, r]));
  for (const row of report.rows.filter((r) => r.children.length > 0)) {
    const own = doc.outcome.filter((o) => o.unit === row.unit && o.month >= '2025-01' && o.month <= '2025-08')
      .reduce((s, o) => s + ore(o.amount), 0n);
    const children = row.children.reduce((s, c) => s + oreOf(byUnit.get(c)['Hittills i år utfall (kr)']), 0n);
    assert.equal(own + children, oreOf(byUnit.get(row.unit)['Hittills i år utfall (kr)']), row.unit);
  }
  ws.free();
});

test('with cost types, each unit is followed by its cost types, which add up to it in every amount column', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const options = { asOf: '2025-08', unit: 'HSN', byCostType: true, fields: ['period'] };
  const text = ws.exportDeviationCsv(options);
  const all = records(readCsv(text));
  const report = ws.deviation({ ...options, fields: undefined });
  const units = all.filter((r) => r.Kostnadsslag === '' && r['Kostnadsslagets namn'] === '');
  assert.deepEqual(units.map((r) => r.Enhet), report.rows.map((r) => r.unit));
  for (const row of report.rows) {
    const parts = all.filter((r) => r.Enhet === row.unit && r['Kostnadsslagets namn'] !== '');
    assert.equal(parts.length, row.costTypes.length, row.unit);
    const unit = units.find((r) => r.Enhet === row.unit);
    for (const heading of ['Månad utfall (kr)', 'Hittills i år budget (kr)', 'Hittills i år utfall (kr)', 'Helår budget (kr)']) {
      assert.equal(parts.reduce((s, r) => s + oreOf(r[heading]), 0n), oreOf(unit[heading]), `${row.unit} ${heading}`);
    }
  }
  ws.free();
});

test('entries: a measure named like a formula is neutralised, a negative amount stays a number', () => {
  const doc = demo();
  const name = '=HYPERLINK("http://x","y")';
  doc.measures[0].title = name;
  const ws = balans.Workspace.fromJSON(doc);
  const { id } = doc.measures[0];
  ws.recordRealised({ measure: id, month: '2025-08', amount: '-1234,56' });
  const text = ws.exportEntriesCsv();
  assert.ok(text.includes(`;"'=HYPERLINK(""http://x"",""y"")";`), text);
  const [entry] = records(readCsv(text));
  assert.equal(entry.Benämning, `'${name}`, 'read back as text, with the apostrophe Excel shows');
  assert.equal(entry.Belopp, '-1234,56');
  assert.ok(isNumber(entry.Belopp));
  ws.free();
});

test('any report table goes through the same writer; a wrong cell is named', () => {
  const table = {
    columns: [{ heading: 'Nämnd' }, { heading: 'Avvikelse (kr)', kind: 'amount' }, { heading: 'Andel %', kind: 'number' }],
    rows: [['@HSN', '-157333333.33', '12.5'], ['KTN', null, '0']],
  };
  assert.equal(balans.exportTableCsv(table),
    '\ufeffNämnd;Avvikelse (kr);Andel %\r\n"\'@HSN";-157333333,33;12,5\r\nKTN;;0\r\n');
  const err = (() => { try { balans.exportTableCsv({ ...table, rows: [['HSN', '1.005', null]] }); } catch (e) { return e; } })();
  assert.deepEqual([err.code, err.field], ['E_PARSE_AMOUNT', 'rows[0][1]']);
});

test('"Exportera till Excel" downloads the deviation table by keyboard, as the package writes it', async () => {
  const { page, problems } = await openPage(env, '', 'balans-widget tr[data-unit="R"]');
  const widget = page.locator('balans-widget');
  // A filter and a sort change what is shown, not the file: the committee's whole table.
  await widget.locator('select#filter').selectOption('watch');
  const button = widget.locator('button[data-export="csv"]');
  assert.equal(await button.innerText(), 'Exportera till Excel');
  const [download] = await Promise.all([page.waitForEvent('download'), button.focus().then(() => page.keyboard.press('Enter'))]);
  assert.equal(download.suggestedFilename(), 'avvikelse-R-2025-08.csv');
  const text = (await readFile(await download.path())).toString('utf8');
  const report = await page.evaluate(() => {
    const el = document.querySelector('balans-widget');
    return el.activeWorkspace.deviation({ asOf: el.report.asOf });
  });
  assertSameAsReport(text, report);
  // The subtree shown, in the file's name too.
  await widget.locator('select#unit').selectOption('HSN');
  await page.locator('balans-widget tr[data-unit="HSN"][data-depth="0"]').waitFor();
  const [again] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(again.suggestedFilename(), 'avvikelse-HSN-2025-08.csv');
  assert.equal(records(readCsv((await readFile(await again.path())).toString('utf8')))[0].Enhet, 'HSN');
  assert.deepEqual(problems, []);
  await page.close();
});
