// The import through the demo app's panel (<balans-import>, www/import-panel.js) in Chromium, for
// `make bench` (benches/run.mjs): the path a user's file takes, the worker reading it in chunks
// and parsing it (readImport), the document posted back to the page, and on confirm the page's
// Workspace adding it (importJson) and the widget refreshed. A fresh page per run: the demo app,
// the bench's region loaded as a workspace file (the app's own "import workspace"), then the CSV
// chosen in the panel. Timed in the page with performance.now():
//   preview  the file input's change → the confirm button unhidden (the preview's report built)
//   confirm  the confirm button's click → the panel's `balans-import` event
// The user's reading time between the two is not counted; total is their sum.
//
// Run alone, the panel's lines without the other legs (inputs made by generate.mjs first, as
// run.mjs does):
//   node benches/panel.mjs [--sizes 100000,1000000] [--runs 2] [--shapes dense,sparse]
//
// Not here: the direct API calls (legs.mjs, wasm-leg.mjs).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../pkg-tests/node_modules/playwright-core/index.mjs';
import { serve } from '../pkg-tests/serve.mjs';
import { SHAPES } from './generate.mjs';
import { panelLines } from './report.mjs';
import { CSP, FLAGS, demoPage } from './widget.mjs';

/** A run slower than this ends the size's runs after the first (a run can take minutes). */
export const PANEL_CAP_MS = 60_000;
/** A step the page has not finished in this long fails the size's panel timings. */
const STEP_TIMEOUT_MS = 600_000;

/** `{ preview: [ms], confirm: [ms], total: [ms], capped, capMs, added }` for `input` (a CSV in
 * `dir`); `added` is what the last run's import added (budget and outcome rows), as the panel's
 * event says. */
export async function panelTimings(server, browser, { dir, input, region, runs }) {
  const out = { preview: [], confirm: [], total: [], capped: false, capMs: PANEL_CAP_MS };
  for (let i = 0; i < runs; i++) {
    const page = await demoPage(server, browser, dir);
    try {
      out.total.push(await panelRun(page, { dir, input, region }, out));
    } finally {
      await page.close().catch(() => {});
    }
    if (out.total[i] > PANEL_CAP_MS && i + 1 < runs) {
      out.capped = true;
      break;
    }
  }
  return out;
}

/** One import through the panel on `page`; pushes its parts into `out`, returns the total. */
async function panelRun(page, { dir, input, region }, out) {
  // The bench's tree as the app's workspace, as a user loads one from a file.
  await page.setInputFiles('#import', join(dir, region));
  await page.locator('#app-message', { hasText: region }).waitFor();
  await page.evaluate(() => {
    const panel = document.getElementById('import-panel');
    const root = panel.shadowRoot;
    const times = (window.__panel = {});
    root.querySelector('input[type="file"]').addEventListener('change', () => { times.chosen = performance.now(); }, { capture: true });
    const decide = root.querySelector('.decide');
    new MutationObserver(() => {
      if (!decide.hidden && times.chosen && !times.shown) times.shown = performance.now();
    }).observe(decide, { attributes: true, attributeFilter: ['hidden'] });
    root.querySelector('button.confirm').addEventListener('click', () => { times.clicked = performance.now(); }, { capture: true });
    panel.addEventListener('balans-import', (e) => {
      times.imported = performance.now();
      const { budgetRows, outcomeRows } = e.detail.report.added;
      times.added = { budgetRows, outcomeRows };
    }, { once: true });
  });
  await page.locator('balans-import input[type="file"]').setInputFiles(join(dir, input));
  const confirm = page.locator('balans-import button.confirm');
  await confirm.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await confirm.click({ timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction(() => window.__panel.imported, null, { timeout: STEP_TIMEOUT_MS, polling: 100 });
  const t = await page.evaluate(() => window.__panel);
  out.preview.push(t.shown - t.chosen);
  out.confirm.push(t.imported - t.clicked);
  out.added = t.added;
  return t.shown - t.chosen + t.imported - t.clicked;
}

/** The panel's lines for the sizes and shapes asked, from target/bench's inputs. */
async function main() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const sizes = opt('--sizes', '100000,1000000').split(',').map(Number);
  const runs = Number(opt('--runs', '2'));
  const shapes = opt('--shapes', 'dense').split(',');
  const dir = join(resolve(fileURLToPath(new URL('..', import.meta.url))), 'target', 'bench');
  const server = await serve({ port: 0, csp: CSP });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  try {
    for (const shape of shapes) {
      const { file, region } = SHAPES[shape];
      const bySize = {};
      for (const n of sizes) {
        const input = file(n, 'csv');
        if (!existsSync(join(dir, input))) throw new Error(`${join(dir, input)} is missing: node benches/generate.mjs --out target/bench --sizes ${n} --shapes ${shape}`);
        bySize[n] = { panel: await panelTimings(server, browser, { dir, input, region, runs })
          .catch((err) => ({ error: err.message.split('\n')[0] })) };
      }
      for (const line of panelLines(shape, bySize)) console.log(line);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
