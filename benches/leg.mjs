// One Node leg of `make bench` in a process of its own (so its memory is its own): the web
// package (`wasm`), or a JavaScript baseline (`decimal`, `float`). Prints one JSON line:
// `{ phases: { name: [ms per run] }, memoryBytes, digest }`.
//
//   node benches/leg.mjs wasm|decimal|float INPUT REGION RUNS
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { deviation, decimalArith, floatArith } from './baseline.mjs';
import { wasmLeg } from './wasm-leg.mjs';

const [kind, input, region, runs] = process.argv.slice(2);
const AS_OF = '2025-08';
const url = (path) => pathToFileURL(path).href;

async function main() {
  if (kind === 'wasm') {
    const pkg = new URL('../pkg/', import.meta.url);
    const result = await wasmLeg({
      pkgUrl: new URL('balans.js', pkg).href, wasmUrl: new URL('balans_bg.wasm', pkg).href,
      regionUrl: url(region), inputUrl: url(input), runs: Number(runs), asOf: AS_OF,
    });
    return { phases: result.phases, memoryBytes: result.wasmMemoryBytes, digest: result.digest };
  }
  const arith = { decimal: decimalArith, float: floatArith }[kind];
  if (!arith) throw new Error(`unknown leg ${kind}`);
  const regionDoc = JSON.parse(readFileSync(region, 'utf8'));
  const bytes = new Uint8Array(readFileSync(input));
  const phases = {};
  let rows;
  for (let run = 0; run < Number(runs); run++) {
    const result = deviation(bytes, regionDoc, arith, Number(AS_OF.slice(5)));
    for (const [name, ms] of Object.entries(result.phases)) (phases[name] ??= []).push(ms);
    rows = result.rows;
  }
  const digest = rows.map((r) => [r.unit, ...['period', 'tertial', 'ytd'].flatMap((s) =>
    [r[s].budget, r[s].outcome, r[s].deviation].map((a) => (a === null ? '' : arith.text(a)))), arith.text(r.fullYear.budget)].join(';')).join('\n') + '\n';
  return { phases, memoryBytes: process.resourceUsage().maxRSS * 1024, digest };
}

console.log(JSON.stringify(await main()));
