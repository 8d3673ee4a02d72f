// Deviation analysis on the demo region from Node, checked against an independent BigInt
// reckoning of the demo document (oracle.mjs): one-offs and the underlying deviation, cost types
// adding up, forecast accuracy of the closed 2024, frame allocation.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { canonical, demo, ore, outcomeThrough, subtree, subtreeForecast } from './oracle.mjs';

const require = createRequire(import.meta.url);
const balans = require('../pkg-node/balans.js');

const doc = demo();
const ws = balans.Workspace.fromJSON(doc);
const report = ws.deviation({ asOf: '2025-08', byCostType: true });
const row = (unit) => report.rows.find((r) => r.unit === unit);

/** One-off items of the subtree of `unit` booked from..to, in öre. */
function oneOffs(unit, from, to) {
  const ids = subtree(doc, unit);
  return doc.oneOffs.filter((o) => ids.has(o.unit) && o.month >= from && o.month <= to)
    .reduce((sum, o) => sum + ore(o.amount), 0n);
}

test('public transport: +70 mnkr per August, 35 of it one-offs, +35 underlying', () => {
  const ktn = row('KTN');
  assert.equal(ktn.ytd.deviation, '70000000');
  assert.equal(ktn.ytd.oneOffs, canonical(oneOffs('KTN', '2025-01', '2025-08')));
  assert.equal(ktn.ytd.oneOffs, '35000000');
  assert.equal(ktn.ytd.underlying, '35000000');
  for (const r of report.rows) {
    assert.equal(ore(r.ytd.underlying), ore(r.ytd.deviation) - ore(r.ytd.oneOffs), r.unit);
  }
});

test('every row: its cost types add up to it, and its children plus its own rows make it', () => {
  for (const r of report.rows) {
    for (const group of ['period', 'tertial', 'ytd']) {
      for (const field of ['budget', 'outcome', 'oneOffs']) {
        const sum = r.costTypes.reduce((s, c) => s + ore(c[group][field]), 0n);
        assert.equal(sum, ore(r[group][field]), `${r.unit} ${group}.${field}`);
      }
    }
    const forecast = r.costTypes.reduce((s, c) => s + ore(c.fullYear.forecast ?? c.fullYear.budget), 0n);
    assert.equal(forecast, ore(r.fullYear.forecast ?? r.fullYear.budget), r.unit);
  }
  // Gross cost: the year's budget of the cost-kind rows and of the negative rows without a cost
  // type, from the document.
  const costKinds = new Set(doc.costTypes.filter((c) => c.kind === 'cost').map((c) => c.id));
  const ids = subtree(doc, 'HSN');
  const total = (b) => ore(b.annual ?? '0') + (b.months ?? []).reduce((t, m) => t + ore(m), 0n);
  const gross = doc.budget
    .filter((b) => b.year === 2025 && ids.has(b.unit) && (b.costType ? costKinds.has(b.costType) : total(b) < 0n))
    .reduce((s, b) => s + total(b), 0n);
  assert.equal(row('HSN').fullYear.grossCost, canonical(gross));
});

test('a forecast is the whole subtree\'s: every row, every month, against the rule reckoned from the document', () => {
  for (const month of ['2025-01', '2025-02', '2025-05', '2025-08', '2025-12']) {
    for (const r of ws.deviation({ asOf: month, fields: ['fullYear'] }).rows) {
      const { amount, made } = subtreeForecast(doc, r.unit, month);
      assert.equal(r.fullYear.forecast ?? r.fullYear.budget, canonical(amount), `${r.unit} ${month}`);
      assert.equal(r.fullYear.forecastMonth, made, `${r.unit} ${month}`);
    }
  }
  // The committees forecast their whole subtree: health care +48 mnkr per August, as its rows say.
  assert.equal(row('HSN').fullYear.forecast, '48000000');
  // A forecast put on the root is the root's forecast, whatever sits below.
  const mine = balans.Workspace.fromJSON(doc);
  mine.importJson({ schema: 1, forecasts: [{ unit: 'R', year: 2025, made: '2025-08', amount: '-232.5 mnkr' }] });
  const root = mine.deviation({ asOf: '2025-08', fields: ['fullYear'] }).rows[0];
  assert.equal(root.fullYear.forecast, '-232500000');
  assert.equal(root.fullYear.forecastMonth, '2025-08');
  mine.free();
});

test('the last booked month: outcomeThrough per row, and no outcome or status after it', () => {
  const october = ws.deviation({ asOf: '2025-10' });
  assert.equal(october.outcomeThrough, '2025-08');
  for (const r of october.rows) {
    assert.equal(r.outcomeThrough, outcomeThrough(doc, r.unit, 2025), r.unit);
    for (const group of ['period', 'tertial', 'ytd']) {
      const f = r[group];
      assert.deepEqual([f.outcome, f.deviation, f.percent, f.percentOfGrossCost, f.status], [null, null, null, null, null], `${r.unit} ${group}`);
    }
  }
  assert.equal(report.outcomeThrough, '2025-08');
  assert.equal(row('HSN').period.status !== null, true, 'August is booked');
  // Every report that takes asOf says it, for its root.
  assert.equal(ws.effects({ asOf: '2025-10' }).outcomeThrough, '2025-08');
  assert.equal(ws.grants({ asOf: '2025-10' }).outcomeThrough, '2025-08');
  assert.equal(ws.goals({ asOf: '2025-10' }).outcomeThrough, '2025-08');
  assert.equal(ws.bridge({ asOf: '2025-10', unit: 'KTN' }).outcomeThrough, outcomeThrough(doc, 'KTN', 2025));
  assert.equal(ws.accuracy({ year: 2025 }).rows[0].outcomeThrough, '2025-08');
});

test('deviation against gross cost: deviation / |grossCost|, two decimals, half away from zero', () => {
  const percentOf = (part, whole) => {
    const abs = whole < 0n ? -whole : whole;
    const scaled = part * 10_000n;
    const q = (2n * (scaled < 0n ? -scaled : scaled) + abs) / (2n * abs);
    return canonical(scaled < 0n ? -q : q);
  };
  for (const r of report.rows) {
    for (const group of ['period', 'tertial', 'ytd', 'fullYear']) {
      const f = r[group];
      if (f.grossCost === null || f.deviation === null || ore(f.grossCost) === 0n) {
        assert.equal(f.percentOfGrossCost, null, `${r.unit} ${group}`);
      } else {
        assert.equal(f.percentOfGrossCost, percentOf(ore(f.deviation), ore(f.grossCost)), `${r.unit} ${group}`);
      }
    }
  }
});

test('statuses follow the stored thresholds; options override them; escalation of committees', () => {
  const ktn = row('KTN');
  assert.deepEqual(ktn.threshold, { absolute: '10000000', percent: '1' });
  assert.equal(ktn.ytd.status, 'favourable');
  const strict = ws.deviation({ asOf: '2025-08', unit: 'KTN', thresholds: { default: { absolute: '100 mnkr', percent: 1 } } });
  assert.equal(strict.rows[0].ytd.status, 'within', '+70 is below 100 mnkr');
  // Health care: February's forecast was 35 mnkr below a zero budget; an action programme was due in May.
  // Its measures' expected effect comes from effect tracking; by August the forecast shows no gap,
  // so there is nothing to cover.
  const hsn = row('HSN');
  const expected = (asOf) => ws.effects({ asOf }).units.find((u) => u.unit === 'HSN').year.expected;
  assert.deepEqual(hsn.escalation, {
    firstSeen: '2025-02', due: '2025-05', materialNow: false, expectedEffects: expected('2025-08'), coverage: null,
  });
  // In February the gap was 35 mnkr: coverage = expected effects / gap, in percent to two decimals.
  const february = ws.deviation({ asOf: '2025-02', unit: 'HSN' }).rows[0];
  const gap = -ore(february.fullYear.deviation);
  assert.equal(gap, 3_500_000_000n);
  const hundredths = (ore(expected('2025-02')) * 20_000n + gap) / (2n * gap); // half up; both positive
  assert.equal(february.escalation.expectedEffects, expected('2025-02'));
  assert.equal(february.escalation.coverage, canonical(hundredths));
  assert.equal(row('HSN-SJ').escalation, null, 'areas are not escalated');
});

test('forecast accuracy 2024: health care budget 0, outcome −138 mnkr, February 60 mnkr off', () => {
  const accuracy = ws.accuracy({ year: 2024 });
  const hsn = accuracy.rows.find((r) => r.unit === 'HSN');
  assert.equal(hsn.budget, '0');
  assert.equal(hsn.outcome, '-138000000');
  assert.equal(hsn.percent, null);
  assert.equal(hsn.forecasts[0].made, '2024-02');
  assert.equal(hsn.forecasts[0].error, '60000000');
  const ktn = accuracy.rows.find((r) => r.unit === 'KTN');
  assert.deepEqual(ktn.revisions.map((r) => r.change), ['8000000', '17000000', '22000000']);
  assert.deepEqual(ktn.longestRun, { length: 3, direction: 'optimistic', from: '2024-04', to: '2024-10' });
  assert.equal(ktn.tendency, 'pessimistic', 'every forecast was below the outcome');
});

test('volume and price add up to the deviation; frames split exactly with a remainder row', () => {
  for (const split of row('HSN-SJ-MED').volumes) {
    assert.equal(ore(split.volume) + ore(split.price), ore(split.deviation));
  }
  assert.equal(row('HSN-SJ-MED').volumes[0].measure, 'vårddygn');
  const frame = balans.allocateFrame('-8334 mnkr', [
    { id: 'HSN', share: 67.6 }, { id: 'KTN', share: 17.5 }, { id: 'RS', share: 6.9 }, { id: 'RUN', share: 5.5 },
    { id: 'PN', share: 1.03 }, { id: 'RF', share: 0.9 }, { id: 'REV', share: 0.2 },
  ]);
  const parts = frame.parts.reduce((s, p) => s + ore(p.amount), 0n);
  assert.equal(parts + ore(frame.remainder.amount), ore('-8334000000'));
  assert.equal(frame.remainder.share, '0.37');
});

test('goals per August 2025: 8 of 30 met, 14 partly, 7 not met, 1 not reported', () => {
  const report = ws.goals({ asOf: '2025-08' });
  // Independently: at or past the target is met, at or past "partly" partly met (indicator
  // values are counts, so plain numbers do here).
  const judge = (i) => {
    if (i.outcome === undefined) return 'notReported';
    const reaches = (level) => (i.direction === 'lower' ? Number(i.outcome) <= Number(level) : Number(i.outcome) >= Number(level));
    if (reaches(i.target)) return 'met';
    return i.partly !== undefined && reaches(i.partly) ? 'partly' : 'notMet';
  };
  const counts = { met: 0, partly: 0, notMet: 0, notReported: 0, total: 0 };
  doc.goals.forEach((goal, g) => goal.indicators.forEach((indicator, i) => {
    const want = judge(indicator);
    assert.equal(report.goals[g].indicators[i].fulfilment, want, indicator.name);
    counts[want] += 1;
    counts.total += 1;
  }));
  assert.deepEqual(report.counts, counts);
  assert.deepEqual(report.counts, { met: 8, partly: 14, notMet: 7, notReported: 1, total: 30 });
  // An indicator tied to public transport shows its +70 mnkr beside it.
  const riders = report.goals[3].indicators.find((i) => i.unit === 'KTN');
  assert.equal(riders.deviation.deviation, row('KTN').ytd.deviation);
});
