// The JavaScript edge against what a page can pass it by mistake or on purpose (issue 15): objects
// whose getters throw, arrays nested thousands deep where a string belongs, values of the wrong
// type, `undefined` fields. Every call must end in a coded Error, the workspace must answer
// afterwards exactly as before, and WebAssembly memory must not grow with the refused calls (an
// exception that unwound through WebAssembly used to leave the workspace borrowed and its stack
// where it was, until the module trapped on every call). A call on a freed workspace, or before
// the web package's init(), is coded too. Node, against the packages' entries (pkg-node/index.mjs,
// and pkg/index.js for init).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const balans = require('../pkg-node/index.mjs');
const glue = require('../pkg-node/balans.js');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const demo = require('../www/demo/region-2025.json');

const { Workspace } = balans;
const CODE = /^E_[A-Z_]+$/;

/** Calls `f` and returns the coded Error it throws; fails if it returns or throws anything else. */
function codedError(f, label) {
  let thrown;
  try {
    f();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown instanceof Error, `${label}: throws an Error (got ${thrown})`);
  assert.match(String(thrown.code), CODE, `${label}: coded (${thrown.message})`);
  return thrown;
}

const throwing = () => ({ get asOf() { throw new Error('getter'); } });
function deep(depth) {
  let value = 'x';
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

/** Every way in of the API, each given `bad` where an input belongs. */
const CALLS = [
  ['deviation', (ws, bad) => ws.deviation(bad)],
  ['deviation asOf', (ws, bad) => ws.deviation({ asOf: bad })],
  ['effects', (ws, bad) => ws.effects({ asOf: bad })],
  ['grants', (ws, bad) => ws.grants({ asOf: bad })],
  ['bridge', (ws, bad) => ws.bridge({ unit: bad, asOf: '2025-08' })],
  ['goals', (ws, bad) => ws.goals({ asOf: bad })],
  ['accuracy', (ws, bad) => ws.accuracy({ year: bad })],
  ['importJson unit name', (ws, bad) => ws.importJson({ schema: 1, units: [{ id: 'Z', name: bad, parent: 'R' }] })],
  ['importCsv options', (ws, bad) => ws.importCsv('Enhet;Månad;Utfall\nR;2025-09;1\n', { year: bad })],
  ['importPaste', (ws, bad) => ws.importPaste(bad)],
  ['importMeasures', (ws, bad) => ws.importMeasures(bad)],
  ['recordRealised', (ws, bad) => ws.recordRealised({ measure: bad, month: '2025-08', amount: '1' })],
];

test('wrong types are coded errors, never traps; text passed where bytes belong is read as text', () => {
  const ws = Workspace.fromJSON(demo);
  assert.equal(codedError(() => balans.parseAmount(5), 'parseAmount(5)').field, 'text');
  codedError(() => balans.parseAmount(null), 'parseAmount(null)');
  assert.equal(codedError(() => ws.importPaste(12345), 'importPaste(12345)').code, 'E_OPTION');
  assert.equal(codedError(() => ws.importMeasures(42), 'importMeasures(42)').code, 'E_OPTION');
  assert.equal(codedError(() => ws.importSie(7), 'importSie(7)').field, 'bytes');
  assert.equal(codedError(() => balans.formatAmount({}), 'formatAmount({})').field, 'amount');
  const asOf = codedError(() => ws.deviation({ asOf: 202508 }), 'asOf as a number');
  assert.equal(asOf.code, 'E_OPTION');
  assert.equal(asOf.field, 'asOf');
  codedError(() => ws.deviation(undefined), 'deviation()');
  codedError(() => Workspace.load(1), 'load(1)');
  // Text where the bytes of a file belong is the file's text, not NUL bytes.
  const report = ws.importCsv('Enhet;Månad;Utfall\nKTN;2025-09;-1 000\n');
  assert.equal(report.added.outcomeRows, 1);
  ws.free();
});

test('undefined reads as absent everywhere', () => {
  const ws = new Workspace();
  const added = ws.importJson({ schema: 1, units: undefined, budget: undefined });
  assert.equal(added.units, 0);
  const full = Workspace.fromJSON(demo);
  const plain = full.deviation({ asOf: '2025-08' });
  assert.deepEqual(full.deviation({ asOf: '2025-08', unit: undefined, fields: undefined }), plain);
  ws.free();
  full.free();
});

test('10 000 throwing getters, then 10 000 arrays 5 000 deep: coded errors; the workspace answers as before and memory stays put', () => {
  const ws = Workspace.fromJSON(demo);
  const before = { doc: JSON.stringify(ws.toJSON()), report: JSON.stringify(ws.deviation({ asOf: '2025-08' })) };
  const memoryAtStart = balans.memoryBytes();
  const nested = deep(5000);
  for (let i = 0; i < 10000; i += 1) {
    const [label, call] = CALLS[i % CALLS.length];
    const fresh = i % 10 === 0 ? new Workspace() : null;
    codedError(() => call(fresh ?? ws, throwing()), `${label} with a throwing getter`);
    fresh?.free();
  }
  for (let i = 0; i < 10000; i += 1) {
    const [label, call] = CALLS[i % CALLS.length];
    const fresh = i % 10 === 0 ? new Workspace() : null;
    const err = codedError(() => call(fresh ?? ws, nested), `${label} with a 5 000-deep array`);
    // A call whose input is only a string reads the array as the wrong type; the rest stop at
    // serde_json's nesting limit, at the field.
    assert.ok(err.code === 'E_OPTION' || err.code === 'E_JSON' || err.code === 'E_SCHEMA' || err.code === 'E_PARSE_MONTH',
      `${label}: ${err.code} ${err.message.slice(0, 80)}`);
    fresh?.free();
  }
  assert.equal(JSON.stringify(ws.toJSON()), before.doc, 'the document is as it was');
  assert.equal(JSON.stringify(ws.deviation({ asOf: '2025-08' })), before.report, 'the report is as it was');
  // One import of the demo document is the measure of "one import's worth".
  const probe = new Workspace();
  const beforeImport = balans.memoryBytes();
  probe.importJson(demo);
  const oneImport = Math.max(balans.memoryBytes() - beforeImport, 1 << 20);
  probe.free();
  assert.ok(balans.memoryBytes() - memoryAtStart <= oneImport,
    `memory grew ${balans.memoryBytes() - memoryAtStart} bytes over 20 000 refused calls (one import: ${oneImport})`);
  ws.free();
});

test('the entries export every name of the glue, and a freed Workspace answers E_FREED', () => {
  const names = (m) => Object.keys(m).filter((n) => n !== 'default' && n !== 'initSync' && n !== '__esModule').sort();
  assert.deepEqual(names(balans), names(glue));
  const ws = balans.Workspace.fromJSON(demo);
  assert.ok(ws instanceof balans.Workspace);
  ws.free();
  assert.equal(codedError(() => ws.deviation({ asOf: '2025-08' }), 'after free').code, 'E_FREED');
  assert.equal(codedError(() => ws.toJSON(), 'toJSON after free').code, 'E_FREED');
  ws.free(); // a second free does nothing
  const fresh = new balans.Workspace();
  assert.equal(fresh.importsToUndo(), 0, 'a new one works');
  fresh.free();
});

test('the web package before init(): E_INIT from every call; after init() it answers', async () => {
  const web = await import('../pkg/index.js');
  const glueWeb = await import('../pkg/balans.js');
  const names = (m) => Object.keys(m).filter((n) => n !== 'default' && n !== 'initSync').sort();
  assert.deepEqual(names(web), names(glueWeb));
  assert.equal(codedError(() => new web.Workspace(), 'new Workspace()').code, 'E_INIT');
  assert.equal(codedError(() => web.parseAmount('1'), 'parseAmount').code, 'E_INIT');
  assert.equal(codedError(() => web.Workspace.fromJSON(demo), 'fromJSON').code, 'E_INIT');
  await web.default({ module_or_path: readFileSync(path.join(__dirname, '../pkg/balans_bg.wasm')) });
  assert.equal(web.parseAmount('−1 234,50'), '-1234.5');
  const ws = new web.Workspace();
  assert.ok(ws instanceof web.Workspace);
  ws.free();
});
