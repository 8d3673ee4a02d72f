// What every browser test file shares: the demo server under a strict Content-Security-Policy,
// Debian's Chromium driven by playwright-core with the flags this machine needs, and a page
// opened with its requests and console errors recorded, so a test can assert there were none.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { CSP, serve } from './serve.mjs';

export { CSP };

/** As root and without a network: no sandbox, and nothing of Chromium's own calling home. */
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Starts the server and Chromium before the calling file's tests and stops both after them.
 * @returns {{ server: { url: string }, browser: import('playwright-core').Browser }} filled in
 *   once the file's `before` hook has run
 */
export function useBrowser({ csp = CSP } = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serve({ port: 0, csp });
    env.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Opens `path` on the server and waits for `ready` (a selector); records every request and
 * every console error or uncaught exception on the way. `from` is the browser or a context. */
export async function openPage(env, path, ready, from = env.browser) {
  const page = await from.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${env.server.url}${path}`);
  if (ready) await page.locator(ready).waitFor();
  return { page, requests, problems };
}
