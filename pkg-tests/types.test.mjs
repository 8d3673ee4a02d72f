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

test('balans.d.ts declares each interface, type, class and enum once', () => {
  for (const pkg of ['pkg', 'pkg-node']) {
    const dts = readFileSync(new URL(`../${pkg}/balans.d.ts`, import.meta.url), 'utf8');
    // Declarations start a line; members of an interface or class are indented.
    const names = [...dts.matchAll(/^(?:export )?(?:declare )?(?:interface|type|class|enum) ([A-Za-z_$][\w$]*)/gm)]
      .map((m) => m[1]);
    const twice = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
    assert.deepEqual(twice, [], `${pkg}/balans.d.ts declares these more than once`);
    assert.ok(names.includes('WorkspaceDocument') && names.includes('Workspace'), `${pkg}/balans.d.ts`);
  }
});
