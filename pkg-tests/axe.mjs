// What the app and embedding suites (app.test.mjs, safety.test.mjs) add to browser-env.mjs:
// axe-core injected from node_modules (never a CDN), waiting for the widget's report, and the list
// of views read from the app's own registry. Not a test file itself.
import { createRequire } from 'node:module';

export const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The rules axe-core checks: WCAG 2.0/2.1 A and AA, and its best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

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

/** The views a page can show, read from the app's own registry (the deviation table first). */
export function viewsOf(page) {
  return page.evaluate(async () => Object.keys((await import('/views/registry.js')).VIEWS));
}
