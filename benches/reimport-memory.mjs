// What re-importing a region's year costs in memory and time (README, "Importing again
// replaces"): the bench's year (benches/generate.mjs) imported through the Node package, then the
// same file again, then the second import taken back. Prints the WebAssembly memory (it only
// grows, so it is the peak so far), the process's resident set and each step's time.
//
// Not a test: nothing is held to a figure here; the numbers go into the README by hand.
//
//   node benches/generate.mjs --out target/bench --sizes 1000000
//   node benches/reimport-memory.mjs [target/bench] [1000000]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const dir = process.argv[2] ?? 'target/bench';
const size = process.argv[3] ?? '1000000';
// The Node glue keeps its instance to itself: catch the memory as it is made.
const Instance = WebAssembly.Instance;
let memory = null;
WebAssembly.Instance = function (module, imports) {
  const instance = new Instance(module, imports);
  memory = instance.exports.memory;
  return instance;
};
const balans = createRequire(import.meta.url)('../pkg-node/balans.js');
WebAssembly.Instance = Instance;

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const wasmBytes = () => memory.buffer.byteLength;

function step(name, run) {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  const { rss } = process.memoryUsage();
  console.log(`${name.padEnd(34)} ${String(Math.round(ms)).padStart(6)} ms   wasm ${mb(wasmBytes()).padStart(7)}   rss ${mb(rss).padStart(7)}`);
  return result;
}

const region = readFileSync(join(dir, 'region.json'), 'utf8');
const csv = readFileSync(join(dir, `rows-${size}.csv`));
const ws = step('the tree (region.json)', () => balans.Workspace.fromJSON(region));
const first = step(`import rows-${size}.csv`, () => ws.importCsv(csv, { year: 2025 }));
const second = step('the same file again', () => ws.importCsv(csv, { year: 2025 }));
step('undoImport', () => ws.undoImport());
const third = step('the same file once more', () => ws.importCsv(csv, { year: 2025 }));
const count = (s) => s.budgetRows + s.outcomeRows;
console.log(`\nrows: first added ${count(first.added)}, second added ${count(second.added)} and replaced ${count(second.replaced)}, third replaced ${count(third.replaced)}`);
ws.free();
