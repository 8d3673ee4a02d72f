// The result bridge (resultatbrygga): the API in Node, and the `bridge` view in a real headless
// Chromium under a strict CSP, where the waterfall's bars must show exactly the table's figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openPage, useBrowser } from './browser-env.mjs';
import { demo, ore } from './oracle.mjs';

const require = createRequire(import.meta.url);
const env = useBrowser();
/** The demo in the frame page, as a link to this one view shows it. */
const PAGE = 'embed.html?view=bridge&src=demo/region-2025.json&as-of=2025-08';

test('the bridge steps add up exactly to forecast − budget for every committee', () => {
  const { Workspace } = require('../pkg-node/balans.js');
  const ws = Workspace.fromJSON(demo());
  for (const unit of ['R', 'RS', 'HSN', 'KTN', 'RUN', 'HSN-SJ']) {
    const bridge = ws.bridge({ asOf: '2025-08', unit });
    const moved = bridge.steps.reduce((sum, s) => sum + ore(s.amount), 0n);
    assert.equal(moved, ore(bridge.forecast) - ore(bridge.budget), unit);
    assert.equal(bridge.steps.at(-1).kind, 'other');
    bridge.steps.forEach((s, i) => {
      assert.equal(s.from, i === 0 ? bridge.budget : bridge.steps[i - 1].to, `${unit} ${s.kind}`);
    });
  }
  const hsn = ws.bridge({ asOf: '2025-08', unit: 'HSN' });
  assert.deepEqual(hsn.steps.map((s) => s.kind), ['measures', 'grants', 'oneOffs', 'volume', 'price', 'other']);
  assert.equal(hsn.budget, '0');
  assert.equal(hsn.forecast, '48000000');
  let err;
  try {
    ws.bridge({ asOf: '2025-08', unit: 'NOPE' });
  } catch (e) {
    err = e;
  }
  assert.equal(err?.code, 'E_UNKNOWN_UNIT');
  assert.equal(err?.field, 'unit');
  ws.free();
});

test('the waterfall shows the table’s figures and is operable by keyboard alone', async () => {
  const { page, requests, problems } = await openPage(env, PAGE, 'balans-widget .bridge-table');

  const pairs = async () => page.locator('balans-widget .bridge-view').evaluate((view) => {
    const bars = [...view.querySelectorAll('g.bridge-bar')].map((g) => [g.dataset.step, g.dataset.amount]);
    const rows = [...view.querySelectorAll('.bridge-table tbody tr')]
      .map((tr) => [tr.dataset.step, tr.querySelector('td').dataset.amount]);
    const labels = [...view.querySelectorAll('g.bridge-bar')].map((g) => g.getAttribute('aria-label'));
    const texts = [...view.querySelectorAll('.bridge-table tbody tr')]
      .map((tr) => `${tr.querySelector('th').textContent}: ${tr.querySelector('td').textContent}`);
    return { bars, rows, labels, texts };
  });
  let shown = await pairs();
  assert.deepEqual(shown.bars, shown.rows);
  assert.deepEqual(shown.labels, shown.texts, 'each bar is named with the figure its table row shows');
  assert.equal(shown.rows[0][0], 'budget');
  assert.equal(shown.rows.at(-1)[0], 'forecast');

  // Keyboard only: Tab to the unit picker, pick health care with the arrow keys.
  const picker = page.locator('balans-widget #bridge-unit');
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await picker.evaluate((el) => el.getRootNode().activeElement === el);
  }
  assert.ok(reached, 'the unit picker is reachable with Tab');
  const hsnIndex = await picker.evaluate((el) => [...el.options].findIndex((o) => o.value === 'HSN'));
  for (let i = 0; i < hsnIndex; i++) await page.keyboard.press('ArrowDown');
  await page.locator('balans-widget .bridge-table[data-unit="HSN"]').waitFor();
  shown = await pairs();
  assert.deepEqual(shown.bars, shown.rows);
  assert.equal(shown.rows.at(-1)[1], '48000000');
  // The bars themselves take focus in turn.
  await page.keyboard.press('Tab');
  const focused = await page.locator('balans-widget').evaluate((el) => el.shadowRoot.activeElement?.dataset.step);
  assert.equal(focused, 'budget');

  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((url) => !url.startsWith(env.server.url)), []);
  await page.close();
});
