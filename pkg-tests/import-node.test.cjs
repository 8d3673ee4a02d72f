// The importers of the Node package (`pkg-node/`) as a user calls them: a Windows-1252 CSV file
// from a finance system, a real SIE file from the corpus in tests/data/sie, and a broken
// file that is rejected with its report while the data already there stays, and amounts and
// dates no ledger holds, refused.
const test = require('node:test');
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const balans = require('../pkg-node/balans.js');

const demo = () => require('../www/demo/region-2025.json');
const corpus = path.join(__dirname, '..', 'tests', 'data', 'sie');

/** Windows-1252 bytes of `text` (the letters used here are all in Latin-1). */
function cp1252(text) {
  return Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    assert.ok(code < 256, c);
    return code;
  });
}

/** A decimal string as a whole number of öre, exactly. */
function ore(amount) {
  const [whole, fraction = ''] = amount.split('.');
  const sign = whole.startsWith('-') ? -1n : 1n;
  return BigInt(whole) * 100n + sign * BigInt((fraction + '00').slice(0, 2));
}

function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail('expected an error');
}

test('importCsv reads a Windows-1252 semicolon file into the demo region', () => {
  const ws = balans.Workspace.fromJSON(demo());
  // Booked through August: September has no outcome yet, not an outcome of zero.
  const before = ws.deviation({ asOf: '2025-09', unit: 'HSN-SJ-AKUT' }).rows[0];
  assert.equal(before.outcomeThrough, '2025-08');
  assert.equal(before.period.outcome, null);
  const csv = cp1252('Kostnadsställe;Månad;Utfall (tkr)\r\nHSN-SJ-AKUT;2025-09;-1 234,5\r\nHSN-SJ-AKUT;2025-09;"-765,5"\r\n');
  const report = ws.importCsv(csv, { file: 'utfall-sep.csv' });
  assert.equal(report.encoding, 'windows-1252');
  assert.equal(report.delimiter, ';');
  assert.equal(report.sign, 'result');
  assert.deepEqual(report.rows, { read: 2, accepted: 2, skipped: 0, rejected: 0 });
  assert.deepEqual(report.columns.map((c) => c.field), ['unit', 'period', 'outcome']);
  assert.deepEqual(report.warnings.map((w) => w.code), ['W_DUPLICATE_ROW']);
  assert.equal(report.added.outcomeRows, 1);
  const after = ws.deviation({ asOf: '2025-09', unit: 'HSN-SJ-AKUT' }).rows[0];
  // −1 234,5 tkr − 765,5 tkr = −2 000 000 kr of outcome in September, now the last booked month.
  assert.equal(after.outcomeThrough, '2025-09');
  assert.equal(ore(after.period.outcome), -200000000n);
  ws.free();
});

test('importSie reads a real SIE file: objects become units, ledger sign becomes result sign', () => {
  const bytes = readFileSync(path.join(corpus, 'objektsaldo_ovnbolag.se'));
  const ws = new balans.Workspace();
  const report = ws.importSie(new Uint8Array(bytes), { file: 'objektsaldo_ovnbolag.se' });
  assert.equal(report.format, 'sie');
  assert.equal(report.encoding, 'ibm437');
  assert.equal(report.sign, 'ledger');
  assert.deepEqual(report.errors, []);
  assert.ok(report.added.units > 1 && report.added.outcomeRows > 100, JSON.stringify(report.added));
  const doc = ws.toJSON();
  // Account 3xxx is revenue, and its credit balances arrive positive; 5010 (rent) is a cost.
  assert.equal(doc.costTypes.find((c) => c.id === '5010').kind, 'cost');
  const rent = doc.outcome.filter((r) => r.costType === '5010' && r.month === '2010-02');
  assert.ok(rent.length > 0);
  assert.equal(rent.reduce((s, r) => s + ore(r.amount), 0n), -1700000n);
  const warnings = new Set(report.warnings.map((w) => w.code));
  assert.ok(warnings.has('W_SIE_BALANCE'), [...warnings].join(' '));
  ws.free();
});

test('a broken file is rejected with a coded error and its report, and nothing changes', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const before = JSON.stringify(ws.toJSON());
  const err = thrown(() => ws.importCsv(cp1252('Enhet;Period;Utfall\nHSN-SJ;2025-09;tolv\nOKÄND;2025-09;5\n'), { file: 'fel.csv' }));
  assert.ok(err instanceof Error);
  assert.equal(err.code, 'E_PARSE_AMOUNT');
  assert.equal(err.line, 2);
  assert.equal(err.column, 3);
  assert.equal(err.field, 'Utfall');
  assert.deepEqual(err.report.errors.map((e) => [e.code, e.line]), [['E_PARSE_AMOUNT', 2], ['E_UNKNOWN_UNIT', 3]]);
  assert.equal(err.report.errors[0].file, 'fel.csv');
  assert.equal(JSON.stringify(ws.toJSON()), before);
  const sie = thrown(() => ws.importSie(new TextEncoder().encode('#SIETYP 3\n#PSALDO 0 202501 3010 {}\n')));
  assert.equal(sie.code, 'E_SIE_RECORD');
  assert.equal(JSON.stringify(ws.toJSON()), before);
  ws.free();
});

test('readImport reads without adding, for a Web Worker: the document as JSON text', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const before = ws.toJSONText();
  const { report, document, units } = balans.readImport('paste', 'Enhet\tJan\tFeb\r\nKTN\t1\t2\r\n', { year: 2025, measure: 'budget' }, before);
  assert.equal(typeof document, 'string');
  assert.equal(ws.toJSONText(), before, 'reading adds nothing');
  const rows = JSON.parse(document);
  assert.equal(rows.budget.length, 1);
  assert.deepEqual(rows.budget[0].months.slice(0, 3), ['1', '2', '0']);
  assert.deepEqual(units, [], 'KTN is in the workspace');
  assert.equal(report.added.budgetRows + report.replaced.budgetRows, 1);
  const done = ws.importJson(document);
  assert.equal(done.budgetRows, report.added.budgetRows);
  assert.equal(done.replaced.budgetRows, report.replaced.budgetRows);
  ws.free();
});

test('confirming a read import adds exactly what its report said, new units and replaced rows as well', () => {
  const ws = balans.Workspace.fromJSON(demo());
  ws.importPaste('Enhet\tPeriod\tUtfall\r\nHSN-SJ\t2025-09\t-100\r\n');
  // One row the workspace holds (HSN-SJ's September), one new month, and two units it lacks.
  const range = 'Enhet\tEnhetsnamn\tPeriod\tUtfall\r\nHSN-SJ\tSjukhuset\t2025-09\t-200\r\nHSN-SJ\tSjukhuset\t2025-10\t-300\r\n'
    + 'NY-1\tNya vårdcentralen\t2025-09\t-1 000\r\nNY-2\tNya tandvården\t2025-09\t-2 000\r\n';
  const context = ws.toJSONText();
  assert.deepEqual(JSON.parse(context), ws.toJSON(), 'toJSONText is toJSON as text');
  const read = balans.readImport('paste', range, { parent: 'HSN' }, context);
  assert.equal(typeof read.document, 'string');
  assert.deepEqual(read.units.map((u) => [u.id, u.name, u.parent]),
    [['NY-1', 'Nya vårdcentralen', 'HSN'], ['NY-2', 'Nya tandvården', 'HSN']]);
  assert.deepEqual([read.report.added.units, read.report.added.outcomeRows, read.report.replaced.outcomeRows], [2, 3, 1]);
  // The context as an object reads the same, and so does importContext(): the rows' keys
  // without their amounts.
  const asObject = balans.readImport('paste', range, { parent: 'HSN' }, ws.toJSON());
  assert.deepEqual(asObject.report, read.report);
  assert.equal(asObject.document, read.document);
  const keys = ws.importContext();
  assert.ok(keys instanceof Uint8Array);
  const fromKeys = balans.readImport('paste', range, { parent: 'HSN' }, keys);
  assert.deepEqual(fromKeys.report, read.report);
  assert.equal(fromKeys.document, read.document);
  assert.deepEqual(fromKeys.units, read.units);
  const { replaced, ...added } = ws.importJson(read.document);
  assert.deepEqual(added, read.report.added, 'confirming adds what the preview said');
  assert.deepEqual(replaced, read.report.replaced, 'and replaces what it said');
  assert.deepEqual(ws.units(), ws.toJSON().units, 'units() is the tree of toJSON(), new units included');
  assert.deepEqual(ws.units().slice(-2).map((u) => u.id), ['NY-1', 'NY-2']);
  ws.free();
});

test('importContext: a re-import counts with it what confirming replaces and adds, in budget, outcome and forecasts', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const year = 'Enhet\tKonto\tPeriod\tUtfall\tBudget\tPrognos\r\n';
  const month = (m, units) => units.map((u) => `${u}\t4010\t2025-${String(m).padStart(2, '0')}\t-1\t-2\t-3\r\n`).join('');
  const months = (last, units) => Array.from({ length: last }, (_, i) => month(i + 1, units)).join('');
  const sizes = () => [ws.importContext().length, ws.toJSONText().length];
  const [contextBefore, textBefore] = sizes();
  ws.importPaste(year + months(8, ['HSN-SJ', 'KTN']), { year: 2025 });
  // The rows' keys are a byte or two each in the context; with their amounts, some sixty in JSON.
  const [contextAfter, textAfter] = sizes();
  assert.ok((contextAfter - contextBefore) * 10 < textAfter - textBefore,
    `the context grew by ${contextAfter - contextBefore} bytes, the JSON by ${textAfter - textBefore}`);
  // Next month's file: January to September, of one unit held and one not yet in these rows.
  const next = year + months(9, ['KTN', 'HSN']);
  const text = ws.toJSONText();
  const keys = ws.importContext();
  const read = balans.readImport('paste', next, { year: 2025 }, keys);
  assert.deepEqual(read.report, balans.readImport('paste', next, { year: 2025 }, text).report);
  const { replaced, added } = read.report;
  for (const list of ['budgetRows', 'outcomeRows', 'forecastRows']) {
    assert.ok(replaced[list] > 0 && added[list] > 0, `${list}: ${replaced[list]} replaced, ${added[list]} added`);
  }
  const done = ws.importJson(read.document);
  const { replaced: wasReplaced, ...wasAdded } = done;
  assert.deepEqual(wasReplaced, replaced, 'confirming replaces what the preview said');
  assert.deepEqual(wasAdded, added, 'and adds what it said');
  ws.free();
});

test('readImport refuses bytes that are no importContext(), at context', () => {
  const err = thrown(() => balans.readImport('paste', 'Enhet\tPeriod\tUtfall\r\nKTN\t2025-09\t-1\r\n', {}, new Uint8Array([1, 2, 3])));
  assert.deepEqual([err.code, err.field], ['E_OPTION', 'context']);
});

test('what no ledger holds is refused: amounts finer than an öre after the scale, impossible dates', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const before = JSON.stringify(ws.toJSON());
  const csv = (text) => new TextEncoder().encode(text);
  // -1000,005 kr in the third column of line 3.
  const fine = thrown(() => ws.importCsv(csv('Enhet;Period;Utfall\nHSN-SJ;2025-09;-1000,00\nHSN-SJ;2025-09;-1000,005\n'), { file: 'ore.csv' }));
  assert.equal(fine.code, 'E_AMOUNT_PRECISION');
  assert.deepEqual([fine.line, fine.column, fine.field], [3, 3, 'Utfall']);
  assert.match(fine.message, /finer than an öre/);
  // Scaled by the header: 1,2345 tkr is 1 234,50 kr and taken; 1,234567 tkr is not.
  const tkr = thrown(() => ws.importPaste('Enhet\tPeriod\tUtfall (tkr)\r\nHSN-SJ\t2025-09\t1,234567\r\n'));
  assert.deepEqual([tkr.code, tkr.line, tkr.column], ['E_AMOUNT_PRECISION', 2, 3]);
  assert.equal(JSON.stringify(ws.toJSON()), before, 'nothing was added');
  const taken = balans.readImport('paste', 'Enhet\tPeriod\tUtfall (tkr)\r\nHSN-SJ\t2025-09\t1,2345\r\n', {}, ws.toJSON());
  assert.deepEqual(JSON.parse(taken.document).outcome.map((r) => r.amount), ['1234.5']);
  // A date the calendar lacks is not read as February.
  const date = thrown(() => ws.importCsv(csv('Enhet;Period;Utfall\nHSN-SJ;2025-02-30;-5\n')));
  assert.deepEqual([date.code, date.line, date.column], ['E_PARSE_MONTH', 2, 2]);
  assert.match(date.message, /2025-02-30/);
  // In a JSON document: the same amount is refused at its field, with the amount reader's code.
  const json = thrown(() => ws.importJson({ schema: 1, outcome: [{ unit: 'HSN-SJ', month: '2025-09', amount: '1.005' }] }));
  assert.deepEqual([json.code, json.field], ['E_PARSE_AMOUNT', 'outcome[0].amount']);
  assert.equal(JSON.stringify(ws.toJSON()), before);
  ws.free();
});
