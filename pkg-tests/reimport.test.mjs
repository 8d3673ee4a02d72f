// Re-import and undo from Node, on the demo region, as a controller does it at month-end: the
// ledger's export of public transport (KTN) imported in September, the same file again by
// mistake, the October export with a corrected month, then each import taken back with
// `undoImport` until the workspace is, byte for byte, the demo it started as.
//
// The exports are made here from the demo's own 2025 outcome rows (oracle: the figures they
// hold), plus a September the test makes up, so the expected figures need no engine.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { demo } from './oracle.mjs';

const balans = createRequire(import.meta.url)('../pkg-node/balans.js');
const encode = (text) => new TextEncoder().encode(text);

/** Public transport's outcome rows of the demo for 2025, and a September made up from August. */
function ledger() {
  const rows = demo().outcome.filter((r) => r.unit.startsWith('KTN') && r.month.startsWith('2025-'));
  const september = rows.filter((r) => r.month === '2025-08').map((r) => ({ ...r, month: '2025-09' }));
  return [...rows, ...september];
}

/** The ledger's export through `last` (YYYY-MM) as sv-SE CSV; `fix(row)` may change an amount. */
function exportCsv(rows, last, fix = (r) => r.amount) {
  const lines = ['Kostnadsställe;Konto;Period;Utfall'];
  for (const r of rows.filter((r) => r.month <= last)) {
    lines.push([r.unit, r.costType, r.month, fix(r).replace('.', ',')].join(';'));
  }
  return encode(lines.join('\r\n') + '\r\n');
}

const text = (ws) => JSON.stringify(ws.toJSON());
const ktn = (ws, asOf) => JSON.stringify(ws.deviation({ asOf, unit: 'KTN', byCostType: true }));
/** The outcome of a month of one unit and cost type, from the report's cost type rows. */
function outcome(ws, unit, costType, month) {
  const row = ws.deviation({ asOf: month, unit, byCostType: true }).rows[0];
  return row.costTypes.find((c) => c.costType === costType).period.outcome;
}

test('a workspace loaded from a document has no import to undo: undoImport answers null', () => {
  const ws = balans.Workspace.fromJSON(demo());
  assert.equal(ws.importsToUndo(), 0);
  assert.equal(ws.undoImport(), null);
  ws.free();
});

test('the same export twice: figures unchanged, the report says every row replaced; a corrected export replaces only what it brings; undo goes back exactly', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const start = text(ws);
  const startReport = ktn(ws, '2025-09');
  const rows = ledger();
  const n = rows.filter((r) => r.month <= '2025-09').length;

  // September: January–September, eight months the demo already holds and one new.
  const first = ws.importCsv(exportCsv(rows, '2025-09'), { file: 'utfall-sep.csv' });
  const newRows = rows.filter((r) => r.month === '2025-09').length;
  assert.deepEqual([first.added.outcomeRows, first.replaced.outcomeRows], [newRows, n - newRows]);
  assert.equal(first.added.units + first.replaced.units, 0);
  const afterFirst = text(ws);
  const septemberReport = ktn(ws, '2025-09');
  assert.notEqual(septemberReport, startReport, 'September now has outcome');
  const august = outcome(ws, 'KTN-BUSS', '4000', '2025-08');
  assert.equal(august, rows.find((r) => r.unit === 'KTN-BUSS' && r.costType === '4000' && r.month === '2025-08').amount);

  // The same file again: nothing added, all of it replaced, not one figure moved.
  const second = ws.importCsv(exportCsv(rows, '2025-09'), { file: 'utfall-sep.csv' });
  assert.equal(second.added.outcomeRows, 0);
  assert.equal(second.replaced.outcomeRows, n);
  assert.equal(ktn(ws, '2025-09'), septemberReport);
  assert.equal(text(ws), afterFirst);

  // October: the ledger corrected August of the buses; the other months stay as they were.
  const fixed = (r) => (r.unit === 'KTN-BUSS' && r.costType === '4000' && r.month === '2025-08' ? '-40000000' : r.amount);
  const corrected = ws.importCsv(exportCsv(rows, '2025-09', fixed), { file: 'utfall-okt.csv' });
  assert.deepEqual([corrected.added.outcomeRows, corrected.replaced.outcomeRows], [0, n]);
  assert.equal(outcome(ws, 'KTN-BUSS', '4000', '2025-08'), '-40000000');
  assert.equal(outcome(ws, 'KTN-BUSS', '4000', '2025-07'), outcome(balans.Workspace.fromJSON(demo()), 'KTN-BUSS', '4000', '2025-07'));
  // One unit's month alone replaces that key and nothing else.
  const single = ws.importCsv(encode('Kostnadsställe;Konto;Period;Utfall\r\nKTN-TAG;4000;2025-09;-1\r\n'));
  assert.deepEqual([single.added.outcomeRows, single.replaced.outcomeRows], [0, 1]);
  assert.equal(outcome(ws, 'KTN-TAG', '4000', '2025-09'), '-1');
  assert.equal(outcome(ws, 'KTN-BUSS', '4000', '2025-08'), '-40000000');
  assert.equal(ws.importsToUndo(), 4);

  // Undo, one import at a time, back to the demo byte for byte.
  const undone = ws.undoImport();
  assert.deepEqual([undone.outcomeRows, undone.replaced.outcomeRows], [0, 1]);
  ws.undoImport();
  assert.equal(text(ws), afterFirst);
  assert.equal(ktn(ws, '2025-09'), septemberReport);
  ws.undoImport();
  ws.undoImport();
  assert.equal(text(ws), start);
  assert.equal(ktn(ws, '2025-09'), startReport);
  assert.equal(ws.importsToUndo(), 0);
  assert.equal(ws.undoImport(), null);
  ws.free();
});

test('a failed import changes nothing and leaves nothing new to undo', () => {
  const ws = balans.Workspace.fromJSON(demo());
  ws.importCsv(exportCsv(ledger(), '2025-09'));
  const before = text(ws);
  const bad = encode('Kostnadsställe;Period;Utfall\r\nKTN-BUSS;2025-09;-1\r\nOKÄND;2025-09;-1\r\n');
  assert.throws(() => ws.importCsv(bad), { code: 'E_UNKNOWN_UNIT', line: 3 });
  assert.throws(() => ws.importJson({ schema: 1, outcome: [{ unit: 'NOPE', month: '2025-09', amount: '1' }] }), { code: 'E_UNKNOWN_UNIT' });
  assert.equal(text(ws), before);
  assert.equal(ws.importsToUndo(), 1);
  ws.undoImport();
  assert.equal(text(ws), JSON.stringify(balans.Workspace.fromJSON(demo()).toJSON()));
  ws.free();
});

test('the demo document imported again: its units are no duplicates, every item is replaced, the figures stay', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const start = text(ws);
  const report = ktn(ws, '2025-08');
  const again = ws.importJson(demo());
  const doc = demo();
  assert.equal(again.units, 0);
  assert.equal(again.replaced.units, doc.units.length);
  assert.equal(again.replaced.outcomeRows, doc.outcome.length);
  assert.equal(again.replaced.measures, doc.measures.length);
  assert.equal(text(ws), start);
  assert.equal(ktn(ws, '2025-08'), report);
  // A renamed unit keeps its place in the tree; undo gives the old name back.
  const renamed = ws.importJson({ schema: 1, units: [{ id: 'KTN-BUSS', name: 'Busstrafik', parent: 'KTN', level: 'unit' }] });
  assert.deepEqual([renamed.units, renamed.replaced.units], [0, 1]);
  const units = ws.toJSON().units;
  assert.equal(units.findIndex((u) => u.id === 'KTN-BUSS'), doc.units.findIndex((u) => u.id === 'KTN-BUSS'));
  assert.equal(units.find((u) => u.id === 'KTN-BUSS').name, 'Busstrafik');
  ws.undoImport();
  assert.equal(text(ws), start);
  // The same unit twice in one document is still that document's error.
  const twice = [{ id: 'X', name: 'X', parent: 'KTN' }, { id: 'X', name: 'X', parent: 'KTN' }];
  assert.throws(() => ws.importJson({ schema: 1, units: twice }), { code: 'E_DUPLICATE_UNIT', field: 'units[1].id' });
  ws.free();
});

test('the registers replace by id too: the same measures table twice gives one measure, replaced', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const table = 'Id\tÅtgärd\tEnhet\tKategori\tStatus\tTyp\tRisk\tÅr\tHelårseffekt\tStartmånad\n'
    + 'N1\tNy bemanningsmodell\tHSN-SJ-MED\tBemanning och scheman\tBeslutad\tÅterkommande\tHög\t2025\t6 000 000\t2025-09\n';
  const first = ws.importMeasures(table);
  assert.deepEqual([first.measures, first.replaced.measures], [1, 0]);
  const second = ws.importMeasures(table);
  assert.deepEqual([second.measures, second.replaced.measures], [0, 1]);
  assert.equal(ws.toJSON().measures.filter((m) => m.id === 'N1').length, 1);
  ws.undoImport();
  ws.undoImport();
  assert.equal(text(ws), JSON.stringify(balans.Workspace.fromJSON(demo()).toJSON()));
  ws.free();
});
