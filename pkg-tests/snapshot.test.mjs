// Every report on the demo document, held byte for byte to snapshots taken before the crate was
// rearranged (issue 12): a move of code must not move a figure, a field or its order.
//
// The snapshots are the JSON text of each answer of the built Node package, one file per case in
// snapshots/demo/. A change that is meant to alter a report regenerates them with
//   UPDATE_SNAPSHOTS=1 node --test pkg-tests/snapshot.test.mjs
// and the diff of those files is then part of the change, for review.
//
// Not here: what the figures should be (analysis, effects, grants and bridge tests hold them to
// independent reckonings); this only says they did not change.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { demo } from './oracle.mjs';

const require = createRequire(import.meta.url);
const balans = require('../pkg-node/balans.js');
const dir = new URL('./snapshots/demo/', import.meta.url);
const update = process.env.UPDATE_SNAPSHOTS === '1';

/** The answer of `call`, or the coded error it throws, as one JSON text. */
function answer(call) {
  try {
    const value = call();
    return JSON.stringify(value ?? null, null, 1);
  } catch (e) {
    const { code, field, line, column, report } = e;
    return JSON.stringify({ error: { code, field, line, column, message: e.message, report } }, null, 1);
  }
}

const months = (year) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** name → a function of a fresh demo workspace giving the value to hold. */
const cases = {
  toJSON: (ws) => ws.toJSON(),
  accuracy2024: (ws) => ws.accuracy({ year: 2024 }),
  accuracy2025HSN: (ws) => ws.accuracy({ year: 2025, unit: 'HSN' }),
  deviationCostTypes: (ws) => ws.deviation({ asOf: '2025-08', byCostType: true }),
  deviationHSNArea: (ws) => ws.deviation({ asOf: '2025-06', unit: 'HSN', escalationLevel: 'area' }),
  deviationThresholds: (ws) => ws.deviation({
    asOf: '2025-08', unit: 'KTN',
    thresholds: { committee: { absolute: '1000000', percent: '0.5' }, unit: { absolute: '1', percent: '0' } },
  }),
  deviationFields: (ws) => ws.deviation({ asOf: '2025-08', fields: ['ytd', 'escalation'], byCostType: true }),
  deviationBadMonth: (ws) => ws.deviation({ asOf: '2025-13' }),
  deviationUnknownUnit: (ws) => ws.deviation({ asOf: '2025-08', unit: 'NOPE' }),
  effects: (ws) => ws.effects({ asOf: '2025-08' }),
  effectsRisk: (ws) => ws.effects({
    asOf: '2025-12', risk: { low: '0.95', medium: '0.5', high: '0.1' }, cutoffs: { green: '80', amber: '50' },
  }),
  effectEntries: (ws) => ws.effectEntries(),
  entriesCsv: (ws) => ws.exportEntriesCsv(),
  deviationCsv: (ws) => ws.exportDeviationCsv({ asOf: '2025-08', byCostType: true }),
  grants: (ws) => ws.grants({ asOf: '2025-08' }),
  grantsOptions: (ws) => ws.grants({
    asOf: '2025-04', unit: 'HSN', temporary: ['targeted'], planYears: 5,
    oneOffs: [{ unit: 'HSN-SJ', ytd: '-1000000', fullYear: '-2000000' }],
    probabilities: { announced: '0.8', uncertain: '0.4' },
  }),
  bridge: (ws) => ws.bridge({ asOf: '2025-08' }),
  bridgeHSN: (ws) => ws.bridge({ asOf: '2025-10', unit: 'HSN' }),
  bridge2024: (ws) => ws.bridge({ asOf: '2024-12', unit: 'KTN' }),
  goals: (ws) => ws.goals({ asOf: '2025-08' }),
  goalsNoMonth: (ws) => ws.goals(),
  importCsv: (ws) => [
    ws.importCsv(new TextEncoder().encode('Kostnadsställe;Månad;Utfall (tkr)\r\nHSN-SJ-AKUT;2025-09;-1 234,5\r\nHSN-SJ-AKUT;2025-09;"-765,5"\r\n'), { file: 'utfall.csv' }),
    ws.deviation({ asOf: '2025-09', unit: 'HSN-SJ' }),
  ],
  importCsvBudget: (ws) => ws.importCsv(
    new TextEncoder().encode('Enhet,Konto,År,Belopp\nKTN-BUSS,4010,2025,-1200\nKTN-TAG,3010,2025,800\n'),
    { measure: 'budget', year: 2025 },
  ),
  importCsvRejected: (ws) => ws.importCsv(new TextEncoder().encode('Enhet;Period;Utfall\nHSN-SJ;2025-09;tolv\nOKÄND;2025-09;5\n'), { file: 'fel.csv' }),
  importPaste: (ws) => [
    ws.importPaste('Enhet\tJan\tFeb\tMar\r\nKTN-BUSS\t1\t2\t3,5\r\n', { year: 2025, measure: 'budget' }),
    ws.deviation({ asOf: '2025-03', unit: 'KTN' }),
  ],
  importSie: () => {
    const ws = new balans.Workspace();
    const sie = [
      '#FLAGGA 0', '#SIETYP 3', '#FNAMN "Test AB"', '#ORGNR 556000-0000', '#RAR 0 20250101 20251231',
      '#DIM 1 "Kostnadsställe"', '#OBJEKT 1 "10" "Ekonomi"', '#OBJEKT 1 "20" "Service"',
      '#KONTO 3010 "Försäljning"', '#KONTO 5010 "Lokalhyra"',
      '#PSALDO 0 202501 3010 {1 "10"} -1000.00', '#PSALDO 0 202501 5010 {1 "20"} 250.50',
      '#PSALDO 0 202502 5010 {1 "20"} 249.50', '',
    ].join('\r\n');
    return [ws.importSie(new TextEncoder().encode(sie), { file: 'test.se' }), ws.toJSON(), ws.deviation({ asOf: '2025-02' })];
  },
  importMeasures: (ws) => [
    ws.importMeasures('Id\tÅtgärd\tEnhet\tKategori\tStatus\tTyp\tRisk\tÅr\tHelårseffekt\tStartmånad\n'
      + 'N1\tNy bemanningsmodell\tHSN-SJ-MED\tBemanning och scheman\tBeslutad\tÅterkommande\tHög\t2025\t6 000 000\t2025-09\n'),
    ws.effects({ asOf: '2025-12' }),
  ],
  importMeasuresRejected: (ws) => ws.importMeasures('Id;Åtgärd;Enhet;Status\nX;X;NEJ;planerad'),
  importGrantsTable: (ws) => [
    ws.importGrantsTable([
      'Namn\tTyp\tEnhet\tÅr\tBelopp\tFinansierade kostnader\tIntäktsfört hittills\tKostnader hittills\tPer\tSäkerhet',
      'Stöd till kollektivtrafiken\tRiktat\tKTN\t2025\t30 000 000\t10 000 000\t20 000 000\t5 000 000\t2025-08\tbeslutat',
    ].join('\n')),
    ws.grants({ asOf: '2025-08', unit: 'KTN' }),
  ],
  importGrantsRejected: (ws) => ws.importGrantsTable('Namn;Typ;Enhet;År;Belopp;Säkerhet\nX;riktat;HSN;2025;tolv;beslutat'),
  recordEntries: (ws) => {
    const m = ws.effects({ asOf: '2025-08' }).measures[0];
    return [
      ws.recordRealised({ measure: m.id, month: '2025-08', amount: '125000,50', author: 'test', at: '2025-09-03' }),
      ws.effects({ asOf: '2025-08' }).measures[0],
      ws.undoEntry(),
    ];
  },
  parseAmount: () => balans.parseAmount('−1 234,50'),
  formatAmountMnkr: () => balans.formatAmount('-157333333.36', { unit: 'mnkr', decimals: 1, suffix: true }),
  formatAmountPlain: () => balans.formatAmount('-1234.5', { plain: true, decimals: 2 }),
  periodiseWorkdays: () => balans.periodise('-1000000', { year: 2025, method: 'workdays' }),
  periodiseProfile: () => balans.periodise('1200', { year: 2024, method: 'profile', weights: [1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1] }),
  allocateFrame: () => balans.allocateFrame('-1000000', [{ id: 'A', share: '33.33' }, { id: 'B', share: 66.66 }]),
};
for (const asOf of ['2024-06', '2024-12', ...months(2025)]) {
  cases[`deviation${asOf}`] = (ws) => ws.deviation({ asOf });
}

for (const [name, make] of Object.entries(cases)) {
  test(`demo: ${name} is as before`, () => {
    const ws = balans.Workspace.fromJSON(demo());
    const text = answer(() => make(ws));
    ws.free();
    const file = new URL(`${name}.json`, dir);
    if (update || !existsSync(file)) {
      assert.ok(update, `no snapshot ${name}.json: run with UPDATE_SNAPSHOTS=1 and review the files`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, text + '\n');
      return;
    }
    assert.equal(text + '\n', readFileSync(file, 'utf8'));
  });
}
