// The import through the demo app's panel (<balans-import>, www/import-panel.js) in Chromium, for
// `make bench` (benches/run.mjs): the path a user's file takes, the worker reading it in chunks
// and parsing it (readImport), the document posted back to the page, and on confirm the page's
// Workspace adding it (importJson) and the widget refreshed. A fresh page per run: the demo app,
// the bench's region loaded as a workspace file (the app's own "import workspace"), then the CSV
// chosen in the panel. Timed in the page with performance.now():
//   preview  the file input's change → the confirm button unhidden (the preview's report built)
//   confirm  the confirm button's click → the panel's `balans-import` event
// The user's reading time between the two is not counted; total is their sum. With --reimport,
// the same file is then chosen again in the same page and timed the same way: the month-end
// re-import, the preview read against the workspace that now holds the year.
//
// Run alone, the panel's lines without the other legs (inputs made by generate.mjs first, as
// run.mjs does):
//   node benches/panel.mjs [--sizes 100000,1000000] [--runs 2] [--shapes dense,sparse] [--reimport]
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
 * event says. With `reimport`, each run then chooses the same file again in the same page (the
 * month-end case: next month's file over last month's, every key of it held), timed the same way
 * under `reimport: { preview, confirm, total, replaced }` (`replaced`: budget and outcome rows). */
export async function panelTimings(server, browser, { dir, input, region, runs, reimport = false }) {
  const out = { preview: [], confirm: [], total: [], capped: false, capMs: PANEL_CAP_MS };
  if (reimport) out.reimport = { preview: [], confirm: [], total: [] };
  for (let i = 0; i < runs; i++) {
    const page = await demoPage(server, browser, dir);
    try {
      // The bench's tree as the app's workspace, as a user loads one from a file.
      await page.setInputFiles('#import', join(dir, region));
      await page.locator('#app-message', { hasText: region }).waitFor();
      const first = await panelImport(page, join(dir, input), out);
      if (reimport) await panelImport(page, join(dir, input), out.reimport);
      if (first > PANEL_CAP_MS && i + 1 < runs) {
        out.capped = true;
        break;
      }
    } finally {
      await page.close().catch(() => {});
    }
  }
  return out;
}

/** One import of `file` through the panel on `page`; pushes its parts into `out` and returns
 * the total. */
async function panelImport(page, file, out) {
  await page.evaluate(() => {
    const panel = document.getElementById('import-panel');
    const root = panel.shadowRoot;
    const times = (window.__panel = {});
    root.querySelector('input[type="file"]').addEventListener('change', () => { times.chosen = performance.now(); }, { capture: true, once: true });
    const decide = root.querySelector('.decide');
    const shown = new MutationObserver(() => {
      if (!decide.hidden && times.chosen && !times.shown) {
        times.shown = performance.now();
        shown.disconnect();
      }
    });
    shown.observe(decide, { attributes: true, attributeFilter: ['hidden'] });
    root.querySelector('button.confirm').addEventListener('click', () => { times.clicked = performance.now(); }, { capture: true, once: true });
    panel.addEventListener('balans-import', (e) => {
      times.imported = performance.now();
      const { added, replaced } = e.detail.report;
      times.added = { budgetRows: added.budgetRows, outcomeRows: added.outcomeRows };
      times.replaced = { budgetRows: replaced.budgetRows, outcomeRows: replaced.outcomeRows };
    }, { once: true });
  });
  await page.locator('balans-import input[type="file"]').setInputFiles(file);
  const confirm = page.locator('balans-import button.confirm');
  await confirm.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await confirm.click({ timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction(() => window.__panel.imported, null, { timeout: STEP_TIMEOUT_MS, polling: 100 });
  const t = await page.evaluate(() => window.__panel);
  const total = t.shown - t.chosen + t.imported - t.clicked;
  out.preview.push(t.shown - t.chosen);
  out.confirm.push(t.imported - t.clicked);
  out.total.push(total);
  out.added = t.added;
  out.replaced = t.replaced;
  return total;
}

/** The panel's lines for the sizes and shapes asked, from target/bench's inputs. */
async function main() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const sizes = opt('--sizes', '100000,1000000').split(',').map(Number);
  const runs = Number(opt('--runs', '2'));
  const shapes = opt('--shapes', 'dense').split(',');
  const reimport = args.includes('--reimport');
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
        bySize[n] = { panel: await panelTimings(server, browser, { dir, input, region, runs, reimport })
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
