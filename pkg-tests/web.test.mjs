// The web package (`pkg/`, --target web) loaded in Node the way a bundler-free tool would: with
// initSync and the bytes of the .wasm beside it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import init, { initSync, Workspace, formatAmount } from '../pkg/balans.js';
import { demo, outcome, canonical } from './oracle.mjs';

const wasm = readFileSync(new URL('../pkg/balans_bg.wasm', import.meta.url));

test('initSync takes the module bytes and is idempotent', async () => {
  const first = initSync({ module: wasm });
  assert.equal(initSync({ module: wasm }), first);
  assert.equal(await init(), first, 'init after initSync does not load again');
});

test('the web package computes what the Node package does', () => {
  initSync({ module: wasm });
  const doc = demo();
  const ws = Workspace.fromJSON(doc);
  const report = ws.deviation({ asOf: '2025-08', unit: 'KTN' });
  const [root] = report.rows;
  assert.equal(report.root, 'KTN');
  assert.equal(root.depth, 0);
  assert.equal(root.ytd.outcome, canonical(outcome(doc, 'KTN', '2025-01', '2025-08')));
  assert.equal(formatAmount('1234.5', { decimals: 2 }), '1\u00a0234,50');
  let err;
  try {
    ws.deviation({ asOf: 'augusti' });
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof Error);
  assert.equal(err.code, 'E_PARSE_MONTH');
  assert.equal(err.field, 'asOf');
  ws.free();
});
