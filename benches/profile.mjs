// Where the first import's time goes in Node (issue 16): one pass of benches/wasm-leg.mjs (the
// package instantiated, then the first `importCsv` + `deviation`) under V8's CPU profiler
// (node:inspector), summed by function, self time, largest first. Not a test; not part of
// `make bench`.
//
//   node benches/profile.mjs [--pkg pkg] [--input rows-1000000.csv] [--region region.json] [--top 25]
//
// --pkg: a web build's folder. The shipped one (pkg/, after the Makefile's `wasm-opt -Oz`) has
// no names section, so its wasm functions show by index only; for names, build one that keeps
// them: `wasm-pack build --mode no-install --release --target web --out-dir target/bench/pkg-names
// --out-name balans`, then `wasm-opt -Oz -g` over its .wasm with the Makefile's features.
// The input files are in target/bench (benches/generate.mjs).
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { wasmLeg } from './wasm-leg.mjs';
import { selfTimes } from './widget.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const url = (path) => pathToFileURL(resolve(path)).href;
const pkg = opt('--pkg', 'pkg');
const input = opt('--input', 'rows-1000000.csv');
const top = Number(opt('--top', '25'));

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const result = await wasmLeg({
  pkgUrl: url(`${pkg}/balans.js`), wasmUrl: url(`${pkg}/balans_bg.wasm`),
  regionUrl: url(`target/bench/${opt('--region', 'region.json')}`), inputUrl: url(`target/bench/${input}`),
  runs: 1, asOf: '2025-08',
});
const { profile } = await session.post('Profiler.stop');
const self = selfTimes(profile);
const total = self.reduce((s, [, t]) => s + t, 0);
console.log(`${input}, first pass: import ${result.phases.import[0].toFixed(0)} ms, report ${result.phases.report[0].toFixed(0)} ms; profile ${total.toFixed(0)} ms in all (loading included), self time:`);
for (const [name, t] of self.slice(0, top)) console.log(`${t.toFixed(1).padStart(9)} ms ${(100 * t / total).toFixed(1).padStart(5)} %  ${name}`);
