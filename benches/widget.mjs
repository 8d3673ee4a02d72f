// The widget's timings in headless Chromium, for `make bench` (benches/run.mjs) and on their own:
// the first render of the demo app, and the re-render for another month with the bench's region
// (2,049 units) in the widget, the month picked with the widget's own month select as a user
// would. A re-render is timed from the select's change to the end of the style and layout it
// causes (balans-ready, then the table's box read); the median is the figure. Not a test.
//
//   node benches/widget.mjs [--size 10000] [--runs 9] [--profile] [--against ../other-checkout]
//
// --profile adds where a re-render's time goes: the script up to balans-ready (the rest is style
// and layout), the wasm report call (with its JSON.parse), JSON.parse alone, and a CPU profile (Chromium's CDP Profiler) summed by function, self time.
// --against times the same re-renders in another checkout (its pkg/ built) in turns with this one.
// Needs `make build` (pkg/) and the bench input (`node benches/generate.mjs --sizes N`).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../pkg-tests/node_modules/playwright-core/index.mjs';
import { serve } from '../pkg-tests/serve.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Milliseconds from navigation start to the demo app's first balans-ready, once per page. */
export async function firstRender(server, browser, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ serviceWorkers: 'block' });
    await page.addInitScript(() => {
      document.addEventListener('balans-ready', () => { window.__firstReady ??= performance.now(); });
    });
    await page.goto(server.url);
    await page.locator('balans-widget tr[data-unit="R"]').waitFor();
    times.push(await page.evaluate(() => window.__firstReady));
    await page.close();
  }
  return times;
}

/**
 * Re-renders for another month: the demo page, its widget given a Workspace holding the bench
 * region and `file` (from `dir`), then `runs` months picked in the widget's month select.
 * Returns `{ times, rows, parts?, profile? }`.
 */
export async function rerender(server, browser, { dir, file, runs, profile = false }) {
  const page = await openRegion(server, browser, { dir, file, profile });
  let cdp = null;
  if (profile) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const result = await switchMonths(page, runs);
  if (cdp) {
    const { profile: cpu } = await cdp.send('Profiler.stop');
    result.profile = selfTimes(cpu);
  }
  await page.close();
  return result;
}

/** Opens the demo page (fresh context, service worker blocked: it would answer the bench's input
 * requests itself) with `dir`'s files served under /bench-input/, once the demo has rendered. */
export async function demoPage(server, browser, dir) {
  const page = await browser.newPage({ serviceWorkers: 'block' });
  await page.route('**/bench-input/**', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').at(-1);
    route.fulfill({ body: readFileSync(join(dir, name)), contentType: 'application/octet-stream' });
  });
  await page.goto(server.url);
  await page.locator('balans-widget tr[data-unit="R"]').waitFor();
  return page;
}

/** The demo page with the bench region in its widget. */
async function openRegion(server, browser, { dir, file, profile = false }) {
  const page = await demoPage(server, browser, dir);
  await page.evaluate(async ({ file, profile }) => {
    const mod = await import('/pkg/balans.js');
    const bytes = new Uint8Array(await (await fetch(`/bench-input/${file}`)).arrayBuffer());
    const ws = new mod.Workspace();
    ws.importJson(await (await fetch('/bench-input/region.json')).text());
    if (file.endsWith('.csv')) ws.importCsv(bytes, { file });
    else ws.importJson(new TextDecoder().decode(bytes));
    const widget = document.querySelector('balans-widget');
    if (profile) {
      // Times every report call and every JSON.parse (the glue calls it for each report).
      const parts = { report: [], parse: [] };
      window.__parts = parts;
      const timed = (target, name, into) => {
        const original = target[name];
        target[name] = function (...args) {
          const t0 = performance.now();
          try { return original.apply(this, args); } finally { into.push(performance.now() - t0); }
        };
      };
      timed(mod.Workspace.prototype, 'deviation', parts.report);
      timed(JSON, 'parse', parts.parse);
    }
    const shown = new Promise((ok) => widget.addEventListener('balans-ready', ok, { once: true }));
    widget.workspace = ws;
    await shown;
  }, { file, profile });
  return page;
}

/** Picks `runs` other months in the widget's month select, one after another, as a user would. */
function switchMonths(page, runs) {
  return page.evaluate(async ({ runs }) => {
    const widget = document.querySelector('balans-widget');
    const select = widget.shadowRoot.querySelector('select#as-of');
    const parts = window.__parts;
    if (parts) { parts.report.length = 0; parts.parse.length = 0; }
    const times = [];
    const script = []; // from the change to balans-ready: report, DOM
    for (let i = 0; i < runs; i++) {
      // Another month than the one shown: January, February, … (then again).
      const options = [...select.options].map((o) => o.value).filter((v) => v !== select.value);
      const month = options[(window.__next = (window.__next ?? -1) + 1) % options.length];
      await new Promise((ok) => setTimeout(ok, 50)); // an idle moment between clicks
      const shown = new Promise((ok) => widget.addEventListener('balans-ready', () => ok(performance.now()), { once: true }));
      const t0 = performance.now();
      select.value = month;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const ready = await shown;
      widget.shadowRoot.querySelector('table')?.getBoundingClientRect(); // style and layout too
      times.push(performance.now() - t0);
      script.push(ready - t0);
    }
    return {
      times,
      rows: widget.shadowRoot.querySelectorAll('tbody tr:not([hidden])').length,
      parts: parts && { script, report: [...parts.report], parse: [...parts.parse] },
    };
  }, { runs });
}

/** The same re-renders in this checkout and in `other` (another checkout with its pkg/ built),
 * taken in turns, so that a machine busy with other work weighs on both alike. */
async function compare(server, browser, { dir, file, runs, other }) {
  const { serve: serveOther } = await import(join(resolve(other), 'pkg-tests', 'serve.mjs'));
  const otherServer = await serveOther({ port: 0, csp: CSP });
  const pages = [await openRegion(server, browser, { dir, file }), await openRegion(otherServer, browser, { dir, file })];
  const times = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const k of i % 2 ? [1, 0] : [0, 1]) times[k].push(...(await switchMonths(pages[k], 1)).times);
  }
  for (const page of pages) await page.close();
  const first = [[], []];
  const servers = [server, otherServer];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    for (const k of i % 2 ? [1, 0] : [0, 1]) first[k].push(...(await firstRender(servers[k], browser, 1)));
  }
  await otherServer.close();
  return { rerender: times, first };
}

/** A CPU profile's self time per function (name and place), in ms, largest first. */
export function selfTimes(cpu) {
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < cpu.samples.length; i++) {
    const { callFrame: f } = byId.get(cpu.samples[i]);
    const url = f.url.split('/').at(-1);
    const key = `${f.functionName || '(anonymous)'} ${url ? `${url}:${f.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + cpu.timeDeltas[i] / 1000);
  }
  return [...self].sort((a, b) => b[1] - a[1]);
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const size = Number(opt('--size', '10000'));
  const runs = Number(opt('--runs', '9'));
  const profile = args.includes('--profile');
  const other = opt('--against', null);
  const dir = join(repo, 'target', 'bench');
  const csvApi = readFileSync(join(repo, 'pkg', 'balans.js'), 'utf8').includes('importCsv');
  const file = csvApi ? `rows-${size}.csv` : `rows-${size}.json`;
  if (!existsSync(join(dir, file))) throw new Error(`no ${join(dir, file)}: run node benches/generate.mjs --sizes ${size}`);
  const server = await serve({ port: 0, csp: CSP });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  const ms = (xs) => `median ${median(xs).toFixed(1)} ms (${xs.map((x) => x.toFixed(1)).join(', ')})`;
  try {
    if (other) {
      const { rerender: [here, there], first } = await compare(server, browser, { dir, file, runs, other });
      console.log(`re-render for another month (${size} rows), in turns:\n  this checkout: ${ms(here)}\n  ${other}: ${ms(there)}`);
      console.log(`first render of the demo, in turns:\n  this checkout: ${ms(first[0])}\n  ${other}: ${ms(first[1])}`);
      return;
    }
    console.log(`first render of the demo: ${ms(await firstRender(server, browser, Math.min(runs, 5)))}`);
    const r = await rerender(server, browser, { dir, file, runs, profile });
    console.log(`re-render for another month (${size} rows, ${r.rows} rows open): ${ms(r.times)}`);
    if (r.parts) {
      console.log(`  change → balans-ready (script): ${ms(r.parts.script)}`);
      console.log(`  Workspace.deviation (wasm + JSON.parse): ${ms(r.parts.report)}`);
      console.log(`  JSON.parse: ${ms(r.parts.parse)}`);
    }
    if (r.profile) {
      const total = r.profile.reduce((s, [, t]) => s + t, 0);
      console.log(`  CPU profile over ${runs} re-renders (self time, ${total.toFixed(0)} ms in all):`);
      for (const [name, t] of r.profile.slice(0, 30)) console.log(`  ${t.toFixed(1).padStart(8)} ms  ${name}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
