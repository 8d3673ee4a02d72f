// The app under Trusted Types (`require-trusted-types-for 'script'`, policy names limited to
// `balans`), in a real headless Chromium: it opens, registers its service worker, and imports a
// file through the panel's worker, with no violation reported. The element alone needs no policy;
// safety.test.mjs covers it under the strict policy. Not here: what the import computes
// (import.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP, openPage, useBrowser } from './browser-env.mjs';

const env = useBrowser({ csp: `${CSP}; require-trusted-types-for 'script'; trusted-types balans` });

test('the app registers its service worker and imports through its worker under Trusted Types', async () => {
  const { page, problems } = await openPage(env, '', 'balans-widget tr[data-unit="R"]');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, env.server.url, 'the service worker of the app is registered');

  const transfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Kostnadsställe;Månad;Utfall\r\nHSN-SJ-AKUT;2025-09;-1 234,50\r\n'], 'sep.csv'));
    return dt;
  });
  await page.locator('balans-import .drop').dispatchEvent('drop', { dataTransfer: transfer });
  const status = page.locator('balans-import .status');
  await status.filter({ hasText: 'Granska vad importen av sep.csv gör' }).waitFor();
  await page.locator('balans-import button.confirm').click();
  await status.filter({ hasText: 'Importen av sep.csv är klar.' }).waitFor();

  assert.deepEqual(problems, [], 'no Trusted Types or CSP violation, no console error');
  await page.close();
});
