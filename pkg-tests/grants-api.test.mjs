// The grants API (statsbidragsberoende) of the Node package, against the demo region and small
// hand-made registers; every figure is checked in öre with BigInt, never with floats.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { demo, ore } from './oracle.mjs';

const balans = createRequire(import.meta.url)('../pkg-node/balans.js');
const MNKR = 100_000_000n; // öre in a million kronor

function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail('expected an error');
}

test('the demo reproduces health care per August 2025: +148 reported, 115 effect, structural +33', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const report = ws.grants({ asOf: '2025-08' });
  const hsn = report.rows.find((r) => r.unit === 'HSN');
  assert.equal(balans.formatAmount(hsn.ytd.reported, { unit: 'mnkr' }), '148');
  const till = report.grants.find((g) => g.name === 'Tillgänglighet och vårdkapacitet');
  assert.equal(ore(till.ytd.amount), 173n * MNKR);
  assert.equal(ore(till.ytd.resultEffect), 115n * MNKR);
  assert.equal(ore(hsn.ytd.temporaryEffect), 115n * MNKR);
  assert.equal(ore(hsn.ytd.structural), ore(hsn.ytd.reported) - 115n * MNKR);
  assert.equal(balans.formatAmount(hsn.ytd.structural, { unit: 'mnkr' }), '33');
  assert.equal(ore(hsn.ytd.grants), 200n * MNKR);
  assert.equal(hsn.ytd.masking, false);
  // The forecast year: the grants hide a deficit.
  assert.equal(hsn.fullYear.masking, true);
  assert.equal(ore(hsn.fullYear.structural), ore(hsn.fullYear.reported) - ore(hsn.fullYear.temporaryEffect));
  assert.equal(hsn.scenarios.asForecast, hsn.fullYear.reported);
  assert.equal(hsn.scenarios.none, hsn.fullYear.structural, 'no one-offs given');
  // The cliff: gap = lost effect + costs that stay, change = gap − the year before's.
  let before = 0n;
  for (const year of hsn.cliff) {
    assert.equal(ore(year.gap), ore(year.lostEffect) + ore(year.remainingCosts), String(year.year));
    assert.equal(ore(year.change), ore(year.gap) - before);
    before = ore(year.gap);
  }
  assert.deepEqual(report.planYears, [2026, 2027, 2028]);
  ws.free();
});

test('allocated parts add up exactly to each grant, and units see their result with the grants', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const report = ws.grants({ asOf: '2025-08' });
  for (const g of report.grants.filter((x) => x.allocation)) {
    for (const period of ['ytd', 'fullYear']) {
      for (const field of ['amount', 'financedCosts', 'resultEffect']) {
        const sum = g.allocation.reduce((s, p) => s + ore(p[period][field]), 0n);
        assert.equal(sum, ore(g[period][field]), `${g.id} ${period}.${field}`);
      }
    }
  }
  for (const row of report.rows) {
    const expected = ore(row.ytd.reported) - ore(row.ytd.temporaryEffect) + ore(row.ytd.allocatedEffect);
    assert.equal(ore(row.ytd.allocatedResult), expected, row.unit);
  }
  const hsn = report.rows.find((r) => r.unit === 'HSN');
  assert.equal(hsn.ytd.allocatedResult, hsn.ytd.reported, 'the committee gets back all it hands out');
  ws.free();
});

test('a register pasted from Excel with Swedish headers is imported, and bad ones change nothing', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const before = ws.grants({ asOf: '2025-08' }).rows.find((r) => r.unit === 'KTN');
  const table = [
    'Namn\tTyp\tEnhet\tÅr\tBelopp\tFinansierade kostnader\tIntäktsfört hittills\tKostnader hittills\tPer\tSäkerhet',
    'Stöd till kollektivtrafiken\tRiktat\tKTN\t2025\t30 000 000\t10 000 000\t20 000 000\t5 000 000\t2025-08\tbeslutat',
  ].join('\n');
  assert.equal(ws.importGrantsTable(table).grants, 1);
  const ktn = ws.grants({ asOf: '2025-08' }).rows.find((r) => r.unit === 'KTN');
  assert.equal(ore(ktn.ytd.temporaryEffect), 15_000_000_00n);
  assert.equal(ore(ktn.ytd.structural), ore(before.ytd.structural) - 15_000_000_00n);
  assert.equal(ws.toJSON().grants.at(-1).financedCosts, '-10000000');

  const err = thrown(() => ws.importGrantsTable('Namn;Typ;Enhet;År;Belopp;Säkerhet\nX;riktat;NOPE;2025;1;beslutat'));
  assert.ok(err instanceof Error);
  assert.equal(err.code, 'E_UNKNOWN_UNIT');
  assert.equal(err.field, 'grants[0].unit');
  const bad = thrown(() => ws.importGrantsTable('Namn;Typ;Enhet;År;Belopp;Säkerhet\nX;riktat;HSN;2025;tolv;beslutat'));
  assert.equal(bad.code, 'E_PARSE_AMOUNT');
  assert.equal(bad.field, 'line 2, column 5 (Belopp)');
  assert.equal(ws.toJSON().grants.length, demo().grants.length + 1);
  ws.free();
});

test('options are checked and name the field at fault', () => {
  const ws = balans.Workspace.fromJSON(demo());
  assert.equal(thrown(() => ws.grants({ asOf: '2025-13' })).field, 'asOf');
  const plan = thrown(() => ws.grants({ asOf: '2025-08', planYears: 0 }));
  assert.equal(plan.code, 'E_OPTION');
  assert.equal(plan.field, 'planYears');
  assert.equal(thrown(() => ws.grants({ asOf: '2025-08', temporary: ['subsidy'] })).code, 'E_OPTION');
  assert.equal(thrown(() => ws.grants({ asOf: '2025-08', oneOffs: [{ unit: 'X', ytd: '1' }] })).field, 'oneOffs[0].unit');
  // Counting general grants as temporary too moves the finance department's structural result.
  const all = ws.grants({ asOf: '2025-08', temporary: ['targeted', 'performance', 'general', 'sector'] });
  const fin = all.rows.find((r) => r.unit === 'RS-FIN');
  assert.equal(ore(fin.ytd.temporaryEffect), ore(all.grants.find((g) => g.kind === 'general').ytd.resultEffect));
  // A one-off item comes out of the structural result.
  const one = ws.grants({ asOf: '2025-08', oneOffs: [{ unit: 'HSN', ytd: '40 mnkr', fullYear: 0 }] });
  const hsn = one.rows.find((r) => r.unit === 'HSN');
  assert.equal(ore(hsn.ytd.structural), ore(hsn.ytd.reported) - 155n * MNKR);
  assert.equal(hsn.ytd.masking, true);
  assert.equal(thrown(() => new balans.Workspace().grants({ asOf: '2025-08' })).code, 'E_NO_DATA');
  ws.free();
});
