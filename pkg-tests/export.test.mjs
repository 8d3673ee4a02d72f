// Exports a committee secretary opens in Excel: the deviation table from the package (CSV) and
// from the widget's "Exportera till Excel" button (.xlsx), the entries log and any report table,
// each read back as Excel reads it (excel-csv.mjs: Swedish Excel's CSV; xlsx-read.mjs) and held
// to the report to the öre.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openPage, useBrowser } from './browser-env.mjs';
import { demo, ore, outcome } from './oracle.mjs';
import { isNumber, oreOf, readCsv, records } from './excel-csv.mjs';
import { readXlsx } from './xlsx-read.mjs';
import { xlsxOf } from '../www/lib/xlsx.js';

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

/** Every unit row of the file's `lines` (records by heading) against `report`'s rows, in order,
 * to the öre; `amount` reads an amount cell as öre (null when empty). */
function assertSameAsReport(lines, report, amount = oreOf) {
  const units = lines.filter((r) => !r.Kostnadsslag && !r['Kostnadsslagets namn']);
  assert.deepEqual(units.map((r) => r.Enhet), report.rows.map((r) => r.unit), 'one row per unit, in tree order');
  report.rows.forEach((row, i) => {
    const line = units[i];
    assert.equal(line.Namn, row.name);
    assert.equal(Number(line.Djup), row.depth);
    for (const [heading, figure] of Object.entries(AMOUNTS)) {
      const want = figure(row);
      assert.equal(amount(line[heading]), want == null ? null : ore(want), `${row.unit} ${heading}`);
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
  assertSameAsReport(records(rows), report);
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

/** The sheet's rows as records by heading: a number cell as its decimal string, text as text. */
function sheetRecords(rows) {
  const width = rows[0].length;
  return records(rows.map((cells) => Array.from({ length: width }, (_, i) => cells[i]?.number ?? cells[i]?.text ?? '')));
}

test('the .xlsx writer: numbers as numbers, formula text as text, a header in bold, valid parts', async () => {
  const table = {
    columns: [{ heading: 'Enhet', kind: 'text' }, { heading: 'Utfall (kr)', kind: 'amount' }, { heading: 'Andel %', kind: 'number' }],
    rows: [['=HYPERLINK("http://x","y")', '-1234567.89', '12.5'], ['<Å & "Ö">\u0007', null, '0'], ['1234', '1e5', null]],
  };
  const blob = xlsxOf(table, 'Avvikelse: 2025/08 [HSN]');
  assert.equal(blob.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const { parts, rows } = readXlsx(new Uint8Array(await blob.arrayBuffer()));
  assert.match(parts.get('xl/workbook.xml'), /<sheet name="Avvikelse  2025 08  HSN " /);
  assert.deepEqual(rows[0].map((c) => [c.text, c.style]), [['Enhet', '1'], ['Utfall (kr)', '1'], ['Andel %', '1']]);
  assert.deepEqual(rows[1], [{ text: '=HYPERLINK("http://x","y")', style: '0' }, { number: '-1234567.89', style: '2' }, { number: '12.5', style: '0' }]);
  // Text stays text, also where it looks like a number; a forbidden control character goes; a
  // cell that is not a decimal is written as text, never as a broken number.
  assert.deepEqual(rows[2], [{ text: '<Å & "Ö">', style: '0' }, null, { number: '0', style: '0' }]);
  assert.deepEqual(rows[3], [{ text: '1234', style: '0' }, { text: '1e5', style: '2' }]);
  for (const [name, xml] of parts) assert.doesNotMatch(xml, /<f>/, `${name} has no formula`);
});

test('"Exportera till Excel" downloads the deviation table as .xlsx by keyboard, as the package gives it', async () => {
  const { page, problems, requests } = await openPage(env, '', 'balans-widget tr[data-unit="R"]');
  const widget = page.locator('balans-widget');
  const writer = () => requests.filter((url) => url.endsWith('/lib/xlsx.js')).length;
  assert.equal(writer(), 0, 'the .xlsx writer is not loaded before an export');
  // A filter changes what is shown, not the file: the committee's whole table.
  await widget.locator('select#filter').selectOption('watch');
  const button = widget.locator('button[data-export="xlsx"]');
  assert.equal(await button.innerText(), 'Exportera till Excel');
  const [download] = await Promise.all([page.waitForEvent('download'), button.focus().then(() => page.keyboard.press('Enter'))]);
  assert.equal(download.suggestedFilename(), 'avvikelse-R-2025-08.xlsx');
  assert.equal(writer(), 1, 'the first export loads it');
  const { rows, parts } = readXlsx(new Uint8Array(await readFile(await download.path())));
  assert.match(parts.get('xl/workbook.xml'), /<sheet name="Avvikelse 2025-08" /);
  const { report, csv } = await page.evaluate(() => {
    const el = document.querySelector('balans-widget');
    return { report: el.activeWorkspace.deviation({ asOf: el.report.asOf }), csv: el.toCsv() };
  });
  const sheet = sheetRecords(rows);
  assertSameAsReport(sheet, report, (cell) => (cell === '' ? null : ore(cell)));
  // Every amount is a number cell in kronor with the öre format, as the CSV has it.
  const amountColumns = rows[0].flatMap((c, i) => (/\(kr\)$/.test(c.text) ? [i] : []));
  for (const cells of rows.slice(1)) {
    for (const i of amountColumns) if (cells[i]) assert.deepEqual(Object.keys(cells[i]), ['number', 'style']);
  }
  assert.deepEqual(sheet.map((r) => r.Enhet), records(readCsv(csv)).map((r) => r.Enhet));
  assertSameAsReport(records(readCsv(csv)), report);
  // The subtree shown, in the file's name too.
  await widget.locator('select#unit').selectOption('HSN');
  await page.locator('balans-widget tr[data-unit="HSN"][data-depth="0"]').waitFor();
  const [again] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(again.suggestedFilename(), 'avvikelse-HSN-2025-08.xlsx');
  assert.equal(sheetRecords(readXlsx(new Uint8Array(await readFile(await again.path()))).rows)[0].Enhet, 'HSN');
  assert.deepEqual(problems, []);
  await page.close();
});
