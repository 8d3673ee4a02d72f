// Reflow (WCAG 2.1, 1.4.10) in a real headless Chromium: every view of embed.html and the app at
// 320 CSS px wide (a 1 280 px screen at 400 % zoom): the page never scrolls sideways, and every
// control outside a table's own scroll box is whole on screen; every region has a name, and one
// named by another element names one that exists. Not here: the layout at desktop widths (views.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './browser-env.mjs';
import { viewsOf, widgetReady } from './axe.mjs';

const env = useBrowser();
const WIDTH = 320;

/** What does not reflow on the page: its width, controls cut off, names pointing nowhere. */
function faults(page) {
  return page.evaluate((width) => {
    const root = document.querySelector('balans-widget').shadowRoot;
    const inScrollBox = (el) => {
      for (let node = el.parentElement; node; node = node.parentElement) {
        if (/auto|scroll/.test(getComputedStyle(node).overflowX)) return true;
      }
      return false;
    };
    const cut = [...root.querySelectorAll('select, button, input, textarea, summary')]
      .filter((el) => el.getClientRects().length > 0 && !inScrollBox(el))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < 0 || r.right > width;
      })
      .map((el) => el.id || el.className || el.tagName);
    const dangling = [...root.querySelectorAll('[aria-labelledby]')]
      .flatMap((el) => el.getAttribute('aria-labelledby').split(/\s+/))
      .filter((id) => !root.getElementById(id) && !document.getElementById(id));
    // Every region has a name (a scroll box a keyboard user lands on says what it holds).
    const unnamed = [...root.querySelectorAll('[role="region"], section[aria-labelledby], section[aria-label]')]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => !(el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)
        .some((id) => root.getElementById(id)?.textContent.trim())))
      .map((el) => el.className || el.tagName);
    return { pageWidth: document.documentElement.scrollWidth, cut, dangling, unnamed };
  }, WIDTH);
}

test('every view at 320 px: no sideways scroll of the page, every control whole, every name found', async () => {
  const probe = await env.browser.newPage();
  await probe.goto(`${env.server.url}embed.html?src=demo/region-2025.json`);
  const views = await viewsOf(probe);
  await probe.close();
  for (const view of views) {
    const page = await env.browser.newPage({ viewport: { width: WIDTH, height: 640 } });
    await page.goto(`${env.server.url}embed.html?src=demo/region-2025.json&view=${view}&as-of=2025-08`);
    await widgetReady(page);
    assert.deepEqual(await faults(page), { pageWidth: WIDTH, cut: [], dangling: [], unnamed: [] }, view);
    await page.close();
  }
});

test('the app at 320 px: the page does not scroll sideways in any tab', async () => {
  const page = await env.browser.newPage({ viewport: { width: WIDTH, height: 640 } });
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready]');
  await widgetReady(page);
  for (const tab of await page.locator('[role="tab"]').all()) {
    await tab.click();
    await widgetReady(page);
    const name = await tab.textContent();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), WIDTH, name);
  }
  await page.close();
});
