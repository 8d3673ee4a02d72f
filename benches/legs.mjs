// The legs of `make bench` (benches/run.mjs), each timed first and warm: the first import is the
// first `importCsv` + `deviation` (or the baseline's first pass) after the package loads, in a
// fresh Node process or a fresh Chromium page, one per run; warm are the runs after the first in
// one process or page. The first process or page gives a first figure too, then `runs` warm ones,
// so each leg costs `runs` processes or pages and 2 × `runs` passes. The native leg (the crate,
// release) is timed warm only, every run in one process.
//
// Not here: the input files (benches/generate.mjs), the comparison and the tables (report.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { wasmLeg } from './wasm-leg.mjs';
import { demoPage } from './widget.mjs';

/** Runs a command in `repo`; its last stdout line, parsed as JSON. */
export function run(repo, cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/** Splits the first process's or page's passes and adds the later ones' first passes:
 * `{ first: [ms], warm: [ms], phases: { name: [ms] } (warm), memory, digest }`. */
function firstAndWarm(results, memory) {
  const [head, ...rest] = results;
  const phases = Object.fromEntries(Object.entries(head.phases).map(([p, xs]) => [p, xs.slice(1)]));
  return {
    first: [head.phases.total[0], ...rest.map((r) => r.phases.total[0])],
    warm: phases.total,
    phases,
    memory,
    digest: head.digest,
  };
}

/** A Node leg (benches/leg.mjs: `wasm`, `decimal` or `float`), a fresh process per run. */
export function nodeLeg(repo, kind, input, region, runs) {
  const results = [run(repo, 'node', ['benches/leg.mjs', kind, input, region, String(runs + 1)])];
  for (let i = 1; i < runs; i++) results.push(run(repo, 'node', ['benches/leg.mjs', kind, input, region, '1']));
  const leg = firstAndWarm(results, results[0].memoryBytes);
  leg.memoryKind = kind === 'wasm' ? 'wasm memory' : 'RSS';
  return leg;
}

/** The crate natively (benches/pipeline.rs), every run in one process. */
export function nativeLeg(repo, input, region, runs, digestFile) {
  const native = run(repo, 'cargo', ['bench', '--bench', 'pipeline', '-q', '--', input, '--region', region,
    '--runs', String(runs), '--digest', digestFile]);
  return { warm: native.phases.total, phases: native.phases, memory: native.peakRssBytes, memoryKind: 'RSS',
    digest: readFileSync(digestFile, 'utf8') };
}


/** The package in Chromium, through the demo page (the package already loaded and the demo
 * rendered, as a user has it), timed with performance.now() around the API calls; a fresh page
 * per run. Memory is the linear memory after the first page's passes (it only grows). */
export async function browserLeg(server, browser, { dir, input, region, runs, asOf }) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const page = await demoPage(server, browser, dir);
    const base = server.url.replace(/\/$/, '');
    results.push(await page.evaluate(wasmLeg, {
      pkgUrl: `${base}/pkg/balans.js`, wasmUrl: `${base}/pkg/balans_bg.wasm`,
      regionUrl: `${base}/bench-input/${region}`, inputUrl: `${base}/bench-input/${input}`,
      runs: i === 0 ? runs + 1 : 1, asOf,
    }));
    await page.close();
  }
  const leg = firstAndWarm(results, results[0].wasmMemoryBytes);
  leg.memoryKind = 'wasm memory';
  return leg;
}
