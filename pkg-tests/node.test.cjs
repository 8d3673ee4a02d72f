// The Node package (`pkg-node/`, --target nodejs) as a CommonJS user loads it: with require.
const test = require('node:test');
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const balans = require('../pkg-node/balans.js');

const oracle = import('./oracle.mjs');

/** Runs `fn` and returns what it threw. */
function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail('expected an error');
}

test('version is the crate version', () => {
  const cargo = readFileSync(`${__dirname}/../Cargo.toml`, 'utf8');
  assert.equal(balans.version(), /^version = "(.*)"/m.exec(cargo)[1]);
});

test('free functions read and write Swedish amounts exactly', () => {
  assert.equal(balans.parseAmount('−1 234,50'), '-1234.5');
  assert.equal(balans.parseAmount('1,5 mnkr'), '1500000');
  assert.equal(balans.formatAmount('-157333333.36', { unit: 'mnkr', decimals: 1 }), '\u2212157,3');
  assert.equal(balans.formatAmount('2.5'), '3', 'half away from zero, not to even');
  assert.equal(balans.formatAmount(-2.5), '\u22123');
  const { months, method } = balans.periodise('-236000000', { year: 2025, method: 'linear' });
  assert.equal(method, 'linear');
  assert.equal(months.length, 12);
  assert.deepEqual(months.slice(7, 9), ['-19666666.67', '-19666666.66']);
  const workdays = balans.periodise('1000', { year: 2025, method: 'workdays', rounding: 'krona' });
  assert.equal(workdays.months.reduce((s, m) => s + Number(m), 0), 1000);
});

test('errors are real Errors with a stable code and the field at fault', () => {
  const err = thrown(() => balans.parseAmount('12 apor'));
  assert.ok(err instanceof Error);
  assert.equal(err.code, 'E_PARSE_AMOUNT');
  assert.match(err.message, /12 apor/);
  const ws = new balans.Workspace();
  assert.equal(thrown(() => ws.deviation({ asOf: '2025-08' })).code, 'E_NO_DATA');
  const bad = thrown(() => ws.importJson({ schema: 1, units: [{ id: 'R', name: 'R', parent: 'X' }] }));
  assert.equal(bad.code, 'E_UNKNOWN_PARENT');
  assert.equal(bad.field, 'units[0].parent');
  assert.equal(thrown(() => balans.periodise('1', { year: 2025, method: 'profile' })).field, 'weights');
  ws.free();
});

test('the demo region: roll-up and hospital care per August match an independent sum', async () => {
  const { demo, outcome, linearBudgetToDate, canonical } = await oracle;
  const doc = demo();
  const ws = new balans.Workspace();
  const { replaced, ...added } = ws.importJson(doc);
  // Into an empty workspace everything is added and nothing replaced.
  assert.ok(Object.values(replaced).every((n) => n === 0), JSON.stringify(replaced));
  assert.deepEqual(Object.keys(replaced).sort(), Object.keys(added).sort());
  assert.deepEqual(added, {
    units: doc.units.length,
    costTypes: doc.costTypes.length,
    budgetRows: doc.budget.length,
    outcomeRows: doc.outcome.length,
    forecastRows: doc.forecasts.length,
    measures: doc.measures.length,
    programmes: doc.programmes.length,
    effectEntries: 0,
    oneOffRows: doc.oneOffs.length,
    volumeRows: doc.volumes.length,
    goals: doc.goals.length,
    grants: doc.grants.length,
    comments: (doc.comments ?? []).length,
  });
  const report = ws.deviation({ asOf: '2025-08' });
  assert.equal(report.rows.length, doc.units.length);
  for (const row of report.rows) {
    assert.equal(row.ytd.outcome, canonical(outcome(doc, row.unit, '2025-01', '2025-08')), row.unit);
    assert.equal(row.period.outcome, canonical(outcome(doc, row.unit, '2025-08', '2025-08')), row.unit);
  }
  const sj = report.rows.find((r) => r.unit === 'HSN-SJ');
  assert.equal(sj.fullYear.budget, '-236000000');
  assert.equal(sj.ytd.budget, canonical(linearBudgetToDate(doc, 'HSN-SJ', 8)));
  assert.equal(balans.formatAmount(sj.ytd.budget, { unit: 'mnkr', decimals: 1 }), '\u2212157,3');
  ws.free();
});

test('toJSON and fromJSON carry the workspace whole', async () => {
  const { demo } = await oracle;
  const ws = balans.Workspace.fromJSON(JSON.stringify(demo()));
  const copy = balans.Workspace.fromJSON(JSON.parse(JSON.stringify(ws)));
  assert.deepEqual(copy.deviation({ asOf: '2025-04' }), ws.deviation({ asOf: '2025-04' }));
  ws.free();
  copy.free();
});
