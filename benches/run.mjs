// `make bench`: the synthetic region (benches/generate.mjs) in each shape (dense, sparse) and at
// each size, from the same bytes to the deviation report as of August, by every implementation in
// one run: the crate natively (release), the web package in Node and in headless Chromium (through
// the demo page, timed with performance.now() around the API calls), and the two JavaScript
// baselines (decimal.js, exact; JS numbers, inexact), each the first import (a fresh process or
// page per run) and warm (benches/legs.mjs); and the import through the demo app's panel, file
// chosen to added (benches/panel.mjs). Checks that the exact implementations agree to the öre and
// says how far the float totals are from them; prints a table per shape, the panel's timings, the
// issue's targets checked from this run's figures (benches/report.mjs), the widget's timings and
// the shipped size. Writes target/bench/results.json and results.md.
//
//   node benches/run.mjs [--sizes 10000,100000,1000000] [--runs 5] [--shapes dense,sparse] [--no-panel] [--reimport]
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
import { SHAPES } from './generate.mjs';
import { browserLeg, nativeLeg, nodeLeg } from './legs.mjs';
import { panelTimings } from './panel.mjs';
import { agree, floatError, markdown, panelLines, summarise, table, targetLine, targets } from './report.mjs';
import { CSP, FLAGS, firstRender, median, rerender } from './widget.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = join(repo, 'target', 'bench');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = opt('--sizes', '10000,100000,1000000').split(',').map(Number);
const runs = Number(opt('--runs', '5'));
const shapes = opt('--shapes', 'dense,sparse').split(',');
const panel = !args.includes('--no-panel');
/** The panel's re-import of the same file over the year it brought (panel.mjs). */
const reimport = args.includes('--reimport');
const AS_OF = '2025-08';
/** Re-renders for another month timed at least (their median is the figure). */
const RERENDERS = 11;
const ms = (x) => `${x.toFixed(1)} ms`;

/** CSV when the package can import it, else the same rows as a schema 1 document. */
const csvApi = readFileSync(join(repo, 'pkg', 'balans.js'), 'utf8').includes('importCsv');

/** Makes the input files when they are missing (same bytes every time). */
function ensureInput() {
  const missing = shapes.filter((shape) => !sizes.every((n) => ['csv', 'json'].every((ext) =>
    existsSync(join(out, SHAPES[shape].file(n, ext))))));
  if (missing.length === 0) return;
  spawnSync('node', ['benches/generate.mjs', '--out', out, '--sizes', sizes.join(','), '--shapes', missing.join(',')],
    { cwd: repo, stdio: 'inherit' });
}

/** Every leg of one shape at one size; checks the exact ones agree with the crate to the öre. */
async function measure(server, browser, shape, n) {
  const { file, region: regionName } = SHAPES[shape];
  const csvName = file(n, 'csv');
  const inputName = csvApi ? csvName : file(n, 'json');
  const [input, csv, region] = [inputName, csvName, regionName].map((f) => join(out, f));
  const legs = {
    native: nativeLeg(repo, input, region, runs, join(out, `native-${shape}-${n}.digest`)),
    'wasm (Chromium)': await browserLeg(server, browser, { dir: out, input: inputName, region: regionName, runs, asOf: AS_OF }),
    'wasm (Node)': nodeLeg(repo, 'wasm', input, region, runs),
    'decimal.js': nodeLeg(repo, 'decimal', csv, region, runs),
    'JS numbers': nodeLeg(repo, 'float', csv, region, runs),
  };
  for (const name of ['wasm (Chromium)', 'wasm (Node)', 'decimal.js']) agree(`${shape} ${n}: ${name}`, legs[name].digest, legs.native.digest);
  const floatOff = floatError(legs['JS numbers'].digest, legs.native.digest);
  const bytes = readFileSync(input);
  const size = {
    rows: readFileSync(csv, 'latin1').split('\n').length - 2,
    inputBytes: bytes.length, floatMaxErrorKr: floatOff.kr, floatMaxErrorUnit: floatOff.unit,
    legs: Object.fromEntries(Object.entries(legs).map(([name, leg]) => [name, summarise(leg)])),
  };
  if (panel && csvApi) {
    // A page that runs out of memory on the panel's path is a finding, not the end of the run.
    size.panel = await panelTimings(server, browser, { dir: out, input: csvName, region: regionName, runs, reimport })
      .catch((err) => ({ error: err.message.split('\n')[0] }));
  }
  console.log(`${shape} ${n.toLocaleString('en')}: exact implementations agree to the öre; JS numbers off by up to ${floatOff.kr.toFixed(6)} kr (${floatOff.unit}); native phases ${Object.entries(size.legs.native.phases).map(([p, x]) => `${p} ${ms(x)}`).join(', ')}`);
  return size;
}

/** Widget timings in Chromium (benches/widget.mjs): first render of the demo page, and re-render
 * for another month, picked in the widget's month select, with the largest dense bench region
 * (2,049 units) in the widget; at least RERENDERS of them, as one is over in a few tens of ms. */
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
  console.log(`machine: ${cpus().length} cores, ${cpus()[0].model}; shared, so prefer the ratios`);
  console.log(`input: ${csvApi ? 'sv-SE CSV bytes → importCsv' : 'the same rows as schema 1 JSON → importJson (no importCsv in this build)'}; ${runs} runs each, medians`);
  console.log('first: the first import + report in a fresh page or process (one per run); warm: the runs after it in one\n');
  const server = await serve({ port: 0, csp: CSP });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  const results = { machine: { cores: cpus().length, model: cpus()[0].model }, input: csvApi ? 'csv' : 'json', runs, shapes: {} };
  try {
    for (const shape of shapes) {
      results.shapes[shape] = { sizes: {} };
      for (const n of sizes) results.shapes[shape].sizes[n] = await measure(server, browser, shape, n);
    }
    const widget = await widgetTimings(server, browser);
    results.widget = { firstRenderMs: median(widget.firstRender), rerenderMs: median(widget.rerender.times), rows: widget.rerender.rows };
  } finally {
    await browser.close();
    await server.close();
  }
  results.targets = targets(results.shapes);
  results.shipped = shippedSize();
  console.log('');
  for (const [shape, { sizes: bySize }] of Object.entries(results.shapes)) console.log(`${table(shape, bySize)}\n`);
  for (const [shape, { sizes: bySize }] of Object.entries(results.shapes)) for (const l of panelLines(shape, bySize)) console.log(l);
  console.log('\ntargets (issue 16), from this run:');
  for (const t of results.targets) console.log(`  ${targetLine(t)}`);
  console.log(`\nwidget: first render of the demo ${ms(results.widget.firstRenderMs)} after navigation start; re-render for another month with ${Math.max(...sizes).toLocaleString('en')} rows over 2,049 units ${ms(results.widget.rerenderMs)} (${results.widget.rows} rows open)`);
  console.log('shipped (raw / gzip -9):');
  for (const r of results.shipped) console.log(`  ${r.file.padEnd(24)}${String(r.raw).padStart(9)}${String(r.gzip).padStart(9)}`);
  writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(out, 'results.md'), markdown(results));
  console.log(`\nwrote ${join(out, 'results.json')} and results.md (the README's table)`);
}

await main();
