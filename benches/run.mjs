// `make bench`: the synthetic region (benches/generate.mjs) at each size, from the same bytes to
// the deviation report as of August, by every implementation in one run: the crate natively
// (release), the web package in Node and in headless Chromium (through the demo page, timed with
// performance.now() around the API calls), and the two JavaScript baselines (decimal.js, exact;
// JS numbers, inexact). Prints medians, ratios from this run, peak memory, the crate's phases,
// the widget's timings and the shipped size; checks that the exact implementations agree to the
// öre and says how far the float totals are from them. Writes target/bench/results.json.
//
//   node benches/run.mjs [--sizes 10000,100000,1000000] [--runs 5]
//
// Not part of `make test`: it takes minutes, and its figures depend on the machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../pkg-tests/node_modules/playwright-core/index.mjs';
import { serve } from '../pkg-tests/serve.mjs';
import { wasmLeg } from './wasm-leg.mjs';
import { CSP, FLAGS, firstRender, median, rerender } from './widget.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = join(repo, 'target', 'bench');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = opt('--sizes', '10000,100000,1000000').split(',').map(Number);
const runs = Number(opt('--runs', '5'));
const AS_OF = '2025-08';
/** Re-renders for another month timed at least (their median is the figure). */
const RERENDERS = 11;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (x) => `${x.toFixed(1)} ms`;

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/** A decimal string to öre as a BigInt (exact); the legs print amounts with up to two decimals. */
function ore(text) {
  const [int, frac = ''] = text.split('.');
  if (frac.length > 2) throw new Error(`more than öre: ${text}`);
  const neg = int.startsWith('-');
  const v = BigInt(int.replace('-', '')) * 100n + BigInt(frac.padEnd(2, '0'));
  return neg ? -v : v;
}
const cells = (digest) => new Map(digest.trim().split('\n').map((l) => {
  const [unit, ...amounts] = l.split(';');
  return [unit, amounts];
}));

/** Checks that `digest` equals `exact` to the öre; throws on the first difference. */
function agree(name, digest, exact) {
  const a = cells(digest);
  const b = cells(exact);
  if (a.size !== b.size) throw new Error(`${name}: ${a.size} units, expected ${b.size}`);
  for (const [unit, amounts] of b) {
    const got = a.get(unit);
    amounts.forEach((x, i) => {
      if (!got || ore(got[i]) !== ore(x)) throw new Error(`${name} differs at ${unit}[${i}]: ${got?.[i]} ≠ ${x}`);
    });
  }
}

/** The largest difference in kr between the float digest and the exact one, and where. */
function floatError(digest, exact) {
  const a = cells(digest);
  let worst = { kr: 0, unit: null };
  for (const [unit, amounts] of cells(exact)) {
    amounts.forEach((x, i) => {
      const kr = Math.abs(Number(a.get(unit)[i]) - Number(ore(x)) / 100);
      if (kr > worst.kr) worst = { kr, unit };
    });
  }
  return worst;
}

/** Makes the input files when they are missing (same bytes every time). */
function ensureInput() {
  if (sizes.every((n) => existsSync(join(out, `rows-${n}.csv`)) && existsSync(join(out, `rows-${n}.json`)))) return;
  spawnSync('node', ['benches/generate.mjs', '--out', out, '--sizes', sizes.join(',')], { cwd: repo, stdio: 'inherit' });
}

/** CSV when the package can import it, else the same rows as a schema 1 document. */
const csvApi = readFileSync(join(repo, 'pkg', 'balans.js'), 'utf8').includes('importCsv');

/** Pages open with the service worker blocked: it would answer the bench's input requests itself,
 * past the routes that serve them (the page and the package are the same). */
async function browserLegs(server, browser) {
  const results = {};
  for (const n of sizes) {
    const page = await browser.newPage({ serviceWorkers: 'block' });
    const file = join(out, csvApi ? `rows-${n}.csv` : `rows-${n}.json`);
    await page.route('**/bench-input/**', (route) => {
      const name = new URL(route.request().url()).pathname.split('/').at(-1);
      route.fulfill({ body: readFileSync(join(out, name)), contentType: 'application/octet-stream' });
    });
    await page.goto(server.url);
    await page.locator('balans-widget tr[data-unit="R"]').waitFor();
    const base = server.url.replace(/\/$/, '');
    results[n] = await page.evaluate(wasmLeg, {
      pkgUrl: `${base}/pkg/balans.js`, wasmUrl: `${base}/pkg/balans_bg.wasm`,
      regionUrl: `${base}/bench-input/region.json`, inputUrl: `${base}/bench-input/${file.split('/').at(-1)}`,
      runs, asOf: AS_OF,
    });
    await page.close();
  }
  return results;
}

/** Widget timings in Chromium (benches/widget.mjs): first render of the demo page, and re-render
 * for another month, picked in the widget's month select, with the largest bench region (2,049
 * units) in the widget; at least RERENDERS of them, as one is over in a few tens of ms. */
async function widgetTimings(server, browser) {
  const n = Math.max(...sizes);
  const file = csvApi ? `rows-${n}.csv` : `rows-${n}.json`;
  return {
    firstRender: await firstRender(server, browser, runs),
    rerender: await rerender(server, browser, { dir: out, file, runs: Math.max(runs, RERENDERS) }),
  };
}

function shippedSize() {
  const files = ['pkg/balans_bg.wasm', 'pkg/balans.js', 'www/balans-widget.js', 'www/balans-widget.css'];
  const rows = files.map((f) => {
    const bytes = readFileSync(join(repo, f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  rows.push({ file: 'total', raw: rows.reduce((s, r) => s + r.raw, 0), gzip: rows.reduce((s, r) => s + r.gzip, 0) });
  return rows;
}

async function main() {
  ensureInput();
  const region = join(out, 'region.json');
  console.log(`machine: ${cpus().length} cores, ${cpus()[0].model}; shared, so prefer the ratios`);
  console.log(`input: ${csvApi ? 'sv-SE CSV bytes → importCsv' : 'the same rows as schema 1 JSON → importJson (no importCsv in this build)'}; ${runs} runs each, medians\n`);
  const server = await serve({ port: 0, csp: CSP });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  const results = { machine: { cores: cpus().length, model: cpus()[0].model }, input: csvApi ? 'csv' : 'json', runs, sizes: {} };
  try {
    const browser1 = await browserLegs(server, browser);
    for (const n of sizes) {
      const input = join(out, csvApi ? `rows-${n}.csv` : `rows-${n}.json`);
      const csv = join(out, `rows-${n}.csv`);
      const digestFile = join(out, `native-${n}.digest`);
      const native = run('cargo', ['bench', '--bench', 'pipeline', '-q', '--', input, '--region', region, '--runs', String(runs), '--digest', digestFile]);
      native.digest = readFileSync(digestFile, 'utf8');
      const legs = {
        native: { phases: native.phases, memory: native.peakRssBytes, memoryKind: 'RSS', digest: native.digest },
        'wasm (Chromium)': { phases: browser1[n].phases, memory: browser1[n].wasmMemoryBytes, memoryKind: 'wasm memory', digest: browser1[n].digest },
      };
      for (const [name, kind] of [['wasm (Node)', 'wasm'], ['decimal.js', 'decimal'], ['JS numbers', 'float']]) {
        const r = run('node', ['benches/leg.mjs', kind, kind === 'wasm' ? input : csv, region, String(runs)]);
        legs[name] = { phases: r.phases, memory: r.memoryBytes, memoryKind: kind === 'wasm' ? 'wasm memory' : 'RSS', digest: r.digest };
      }
      for (const name of ['wasm (Chromium)', 'wasm (Node)', 'decimal.js']) agree(name, legs[name].digest, legs.native.digest);
      const floatOff = floatError(legs['JS numbers'].digest, legs.native.digest);
      const inputBytes = readFileSync(input).length;
      const wasmMs = median(legs['wasm (Chromium)'].phases.total);
      console.log(`── ${n.toLocaleString('en')} rows (${mb(inputBytes)} of ${csvApi ? 'CSV' : 'JSON'}); exact implementations agree to the öre; JS numbers off by up to ${floatOff.kr.toFixed(6)} kr (${floatOff.unit})`);
      console.log(`${'implementation'.padEnd(18)}${'median'.padStart(12)}${'× wasm (Chromium)'.padStart(20)}${'peak memory'.padStart(26)}`);
      const summary = {};
      for (const [name, leg] of Object.entries(legs)) {
        const t = median(leg.phases.total);
        summary[name] = { medianMs: t, ratioToWasmChromium: t / wasmMs, memoryBytes: leg.memory, memoryKind: leg.memoryKind,
          phases: Object.fromEntries(Object.entries(leg.phases).map(([p, xs]) => [p, median(xs)])) };
        console.log(`${name.padEnd(18)}${ms(t).padStart(12)}${(t / wasmMs).toFixed(2).padStart(20)}${`${mb(leg.memory)} ${leg.memoryKind}`.padStart(26)}`);
      }
      const phases = summary.native.phases;
      console.log(`crate phases (native medians): ${Object.entries(phases).map(([p, x]) => `${p} ${ms(x)}`).join(', ')}`);
      console.log(`wasm (Chromium): import ${ms(summary['wasm (Chromium)'].phases.import)}, report ${ms(summary['wasm (Chromium)'].phases.report)}; wasm memory ${(legs['wasm (Chromium)'].memory / inputBytes).toFixed(2)}× the input\n`);
      results.sizes[n] = { inputBytes, floatMaxErrorKr: floatOff.kr, legs: summary };
    }
    const widget = await widgetTimings(server, browser);
    results.widget = { firstRenderMs: median(widget.firstRender), rerenderMs: median(widget.rerender.times), rows: widget.rerender.rows };
    console.log(`widget: first render of the demo ${ms(results.widget.firstRenderMs)} after navigation start; re-render for another month with ${Math.max(...sizes).toLocaleString('en')} rows over 2,049 units ${ms(results.widget.rerenderMs)} (${widget.rerender.rows} rows open)`);
  } finally {
    await browser.close();
    await server.close();
  }
  results.shipped = shippedSize();
  console.log('\nshipped (raw / gzip -9):');
  for (const r of results.shipped) console.log(`  ${r.file.padEnd(24)}${String(r.raw).padStart(9)}${String(r.gzip).padStart(9)}`);
  writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(out, 'results.md'), markdown(results));
  console.log(`\nwrote ${join(out, 'results.json')} and results.md (the README's table)`);
}

/** The README's results table: one line per size, medians in ms and ratios from the same run. */
function markdown(results) {
  const lines = [
    '| rows | input | native | wasm Node | wasm Chromium | decimal.js | JS numbers | decimal.js ÷ wasm | wasm ÷ native | wasm ÷ JS numbers | wasm memory ÷ input | JS numbers off by |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [n, r] of Object.entries(results.sizes)) {
    const l = r.legs;
    const t = (name) => l[name].medianMs.toFixed(0);
    const w = l['wasm (Chromium)'].medianMs;
    lines.push(`| ${Number(n).toLocaleString('en')} | ${mb(r.inputBytes)} | ${t('native')} | ${t('wasm (Node)')} | ${t('wasm (Chromium)')} | ${t('decimal.js')} | ${t('JS numbers')} | ${(l['decimal.js'].medianMs / w).toFixed(2)} | ${(w / l.native.medianMs).toFixed(2)} | ${(w / l['JS numbers'].medianMs).toFixed(2)} | ${(l['wasm (Chromium)'].memoryBytes / r.inputBytes).toFixed(2)} | ${r.floatMaxErrorKr.toPrecision(2)} kr |`);
  }
  const total = results.shipped.at(-1);
  lines.push('', `Widget (Chromium): first render of the demo ${results.widget.firstRenderMs.toFixed(0)} ms; re-render for another month over 2,049 units ${results.widget.rerenderMs.toFixed(0)} ms. Shipped (wasm + glue + widget JS and CSS): ${(total.raw / 1024).toFixed(0)} KiB raw, ${(total.gzip / 1024).toFixed(0)} KiB gzip.`);
  return lines.join('\n') + '\n';
}

await main();
