// The hand-written TypeScript types of the built package compile under --strict, accept the
// documented usage, refuse wrong usage, and no public signature says `any`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

test('types-usage.ts compiles against pkg/balans.d.ts with tsc --strict', () => {
  const tsc = new URL('./node_modules/typescript/bin/tsc', import.meta.url).pathname;
  const project = new URL('./tsconfig.json', import.meta.url).pathname;
  try {
    execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
  } catch (err) {
    assert.fail(`tsc found type errors:\n${err.stdout}`);
  }
});

test('no public signature in balans.d.ts says any', () => {
  const dts = readFileSync(new URL('../pkg/balans.d.ts', import.meta.url), 'utf8');
  // wasm-bindgen's InitOutput lists the raw WebAssembly exports; everything else is ours.
  const ours = dts.replace(/export interface InitOutput \{[\s\S]*?\n\}/, '');
  const anys = ours.split('\n').filter((line) => /\bany\b/.test(line.replace(/\/\*[\s\S]*?\*\/|\/\/.*$|\* .*/g, '')));
  assert.deepEqual(anys, []);
});
