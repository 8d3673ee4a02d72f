// What a build for pages that only show deviations would weigh: the built web package's .wasm
// with the exports of the committee paper, effects, grants, goals, frame, bridge and the file
// exports left out, and whatever only they reach dropped (wasm-metadce, then wasm-opt -Oz as
// `make build` runs it). Prints raw and gzip -9 bytes of both. A measurement, not a build: the
// crate is compiled once, whole, so LLVM's inlining is the full build's.
//
//   make build && node benches/deviation-only.mjs [path/to/balans_bg.wasm]
//
// The tools are binaryen's from pkg-tests/node_modules (as the Makefile's); their WebAssembly
// features are read from the file's own target_features section.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = join(repo, 'pkg-tests', 'node_modules', '.bin');
const input = resolve(process.argv[2] ?? join(repo, 'pkg', 'balans_bg.wasm'));
const LEFT_OUT = new RegExp('^(workspace_(committeeReport|months|effects|recordRealised|recordForecast|'
  + 'undoEntry|effectEntries|exportEntriesCsv|importMeasures|goals|importGoals|grants|'
  + 'importGrantsTable|bridge|deviationTable|exportDeviationCsv)|allocateFrame|exportTableCsv)$');

const module = new WebAssembly.Module(readFileSync(input));
const exports = WebAssembly.Module.exports(module);
const kept = exports.filter((e) => !LEFT_OUT.test(e.name));
// wasm-metadce's graph: a root reaching every kept export; the imports as they are.
const graph = [
  { name: 'root', root: true, reaches: kept.map((_, i) => `export${i}`) },
  ...kept.map((e, i) => ({ name: `export${i}`, export: e.name })),
  ...WebAssembly.Module.imports(module).map((e, i) => ({ name: `import${i}`, import: [e.module, e.name] })),
];
const dir = mkdtempSync(join(tmpdir(), 'balans-deviation-only-'));
writeFileSync(join(dir, 'graph.json'), JSON.stringify(graph));

const run = (tool, args) => {
  const done = spawnSync(join(bin, tool), args, { encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`${tool} failed: ${done.stderr}`);
};
const dce = join(dir, 'dce.wasm');
const out = join(dir, 'deviation-only.wasm');
run('wasm-metadce', ['--graph-file', join(dir, 'graph.json'), input, '-o', dce]);
run('wasm-opt', ['-Oz', dce, '-o', out]);

const sizes = (path) => {
  const gzip = spawnSync('gzip', ['-9c', path], { maxBuffer: 1 << 26 });
  return [readFileSync(path).length, gzip.stdout.length];
};
console.log(`${'build'.padEnd(44)} ${'raw B'.padStart(10)} ${'gzip B'.padStart(10)}`);
for (const [name, path] of [['full build', input], ['deviation only', out]]) {
  const [raw, gz] = sizes(path);
  console.log(`${name.padEnd(44)} ${String(raw).padStart(10)} ${String(gz).padStart(10)}`);
}
console.log(`exports kept ${kept.length} of ${exports.length}; left out: ${exports
  .filter((e) => LEFT_OUT.test(e.name)).map((e) => e.name).join(', ')}`);
