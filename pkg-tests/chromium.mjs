// Shared by the browser suites of the app and the embedding kit (safety, app): one Chromium
// started with the flags browser.test.mjs uses, pages that record every request and every console
// error, and axe-core injected from node_modules (never a CDN). Not a test file itself.
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
/** The strict policy the app and the widget must run under: no inline script or style at all. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The rules axe-core checks: WCAG 2.0/2.1 A and AA, and its best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
}

/** A new page in `context` recording requests (URLs) and problems (console errors, CSP
 * violations, uncaught exceptions). */
export async function recordingPage(context) {
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, requests, problems };
}

/** Waits until the page's first <balans-widget> has rendered a report. */
export function widgetReady(page) {
  return page.waitForFunction(() => document.querySelector('balans-widget')?.report != null);
}

/** axe-core's violations on the page as "rule: target" lines (the page's context must bypass
 * CSP, since the script is injected). */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: tags, resultTypes: ['violations'] });
    return result.violations;
  }, AXE_TAGS);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** The views a page can show, read from the app's own registry: deviation and every view module. */
export function viewsOf(page) {
  return page.evaluate(async () => ['deviation', ...Object.keys((await import('/views/registry.js')).VIEWS)]);
}
