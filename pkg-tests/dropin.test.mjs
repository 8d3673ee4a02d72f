// The copy-the-files route as an intranet developer takes it with the README in hand: exactly the
// files of its lists copied into an empty folder, served from an origin of its own under the strict
// policy, and there the README's quickstart (a module file, no inline script), every view of the
// element, and embed.html in a frame of a page on another origin, which sizes the frame to its
// report with embed-host.js. Not here: the npm tarball (package.test.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP, useBrowser } from './browser-env.mjs';
import { serve } from './serve.mjs';
import { readmeFiles, readmeQuickstart } from './readme.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const env = useBrowser();
let folder;
let site;
let host;

/** Where the repository keeps a file of the README's lists: the web package in pkg/, the rest in www/. */
const source = (path) => join(REPO, path.startsWith('pkg/') ? '' : 'www', path);

async function put(path, text) {
  await mkdir(dirname(join(folder, path)), { recursive: true });
  await writeFile(join(folder, path), text);
}

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'balans-dropin-'));
  for (const path of [...await readmeFiles('element'), ...await readmeFiles('embed')]) {
    await cp(source(path), join(folder, path), { recursive: true });
  }
  await cp(join(REPO, 'www/demo/region-2025.json'), join(folder, 'demo/region-2025.json'));
  await put('report.html', await readmeQuickstart('report.html'));
  await put('report.js', await readmeQuickstart('report.js'));
  // Every view of the element, one after another, as a page of the intranet would show them.
  await put('views.html', `<!doctype html><html lang="sv"><meta charset="utf-8"><title>Vyer</title>
<script type="module" src="views.js"></script><main id="views"></main></html>`);
  await put('views.js', `import './balans-widget.js';
import { VIEWS } from './views/registry.js';
const shown = [];
for (const view of Object.keys(VIEWS)) {
  const widget = document.createElement('balans-widget');
  widget.setAttribute('view', view);
  widget.setAttribute('src', 'demo/region-2025.json');
  widget.setAttribute('as-of', '2025-08');
  const ready = new Promise((ok, fail) => {
    widget.addEventListener('balans-ready', ok, { once: true });
    widget.addEventListener('balans-error', (e) => fail(new Error(view + ': ' + e.detail?.message)), { once: true });
  });
  document.getElementById('views').append(widget);
  await ready;
  shown.push(view);
}
document.body.dataset.shown = shown.join(' ');
`);
  // Served as the README's deployment notes say, the intranet's host (127.0.0.1) allowed to frame.
  site = await serve({
    port: 0,
    roots: [['/', folder]],
    csp: CSP.replace("frame-ancestors 'self'", "frame-ancestors 'self' http://127.0.0.1:*"),
  });
  // The host page of the frame test, on an origin of its own (127.0.0.1 and localhost differ).
  const frameUrl = `${site.url.replace('127.0.0.1', 'localhost')}embed.html?src=demo/region-2025.json&view=deviation&as-of=2025-08`;
  const hostDir = join(folder, '..', `${folder.split('/').pop()}-host`);
  await mkdir(hostDir, { recursive: true });
  await writeFile(join(hostDir, 'index.html'), `<!doctype html><html lang="sv"><meta charset="utf-8"><title>Intranät</title>
<h1>Intranät</h1><iframe src="${frameUrl}" title="Budgetuppföljning" width="100%"></iframe>
<script src="${site.url.replace('127.0.0.1', 'localhost')}embed-host.js" defer></script></html>`);
  host = await serve({
    port: 0,
    roots: [['/', hostDir]],
    csp: `default-src 'self'; script-src 'self' ${new URL(frameUrl).origin}; frame-src ${new URL(frameUrl).origin}`,
  });
});

after(async () => {
  await site?.close();
  await host?.close();
  await rm(folder, { recursive: true, force: true });
});

/** A page of the copied folder with its console errors and its requests to other origins. */
async function open(url) {
  const page = await env.browser.newPage();
  const problems = [];
  const foreign = [];
  // A failed load is recorded with its address from the response; the browser's own request for
  // /favicon.ico is not the README's files' business.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
  page.on('request', (r) => !r.url().startsWith(new URL(url).origin) && foreign.push(r.url()));
  await page.goto(url);
  return { page, problems, foreign };
}

test('the README quickstart runs from its module file under the strict policy', async () => {
  const { page, problems } = await open(`${site.url}report.html`);
  const said = /\/\/ "([^"]+)"/.exec(await readmeQuickstart('report.js'))[1];
  await page.waitForFunction(() => document.getElementById('hospital').textContent !== '…');
  // The package writes a no-break space before the unit; the README, a plain one.
  const shown = (await page.locator('#hospital').textContent()).replace(/\s/g, ' ');
  assert.equal(shown, said, 'what the README says it prints');
  assert.deepEqual(problems, [], `no errors (policy: ${CSP})`);
  await page.close();
});

test('every view renders from the copied files alone', async () => {
  const { page, problems, foreign } = await open(`${site.url}views.html`);
  await page.waitForFunction(() => document.body.dataset.shown, null, { timeout: 30000 });
  const shown = (await page.evaluate(() => document.body.dataset.shown)).split(' ');
  const views = await page.evaluate(async () => Object.keys((await import('./views/registry.js')).VIEWS));
  assert.deepEqual(shown, views);
  assert.ok(views.length >= 4, `views: ${views}`);
  assert.deepEqual(problems, [], 'no missing file, no console error');
  assert.deepEqual(foreign, [], 'no request leaves the folder\'s origin');
  await page.close();
});

test('embed.html in a frame on another origin: the frame takes its report\'s height, if embed.html allows', async () => {
  const frameHeight = async (page) => page.evaluate(() => document.querySelector('iframe').clientHeight);
  // As shipped, embed.html tells only its own origin: a page elsewhere learns nothing.
  const shipped = await open(host.url);
  await shipped.page.frameLocator('iframe').locator('balans-widget table tbody tr').first().waitFor();
  await shipped.page.waitForTimeout(500);
  assert.equal(await frameHeight(shipped.page), 150, 'the default height of a frame: no message came');
  await shipped.page.close();

  // The region lists the intranet's origin in embed.html, as the README says.
  const embed = await readFile(join(folder, 'embed.html'), 'utf8');
  await writeFile(join(folder, 'embed.html'),
    embed.replace('name="balans-host-origins" content="self"', `name="balans-host-origins" content="self ${host.url.slice(0, -1)}"`));
  const { page, problems } = await open(host.url);
  const frame = page.frameLocator('iframe');
  await frame.locator('balans-widget table tbody tr').first().waitFor();
  // The frame's page keeps growing while the report loads: poll until the two agree.
  const heights = async () => ({
    frame: await frameHeight(page),
    page: await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height)),
  });
  let last;
  for (let i = 0; i < 50; i += 1) {
    last = await heights();
    if (last.page > 300 && last.frame === last.page) break;
    await page.waitForTimeout(100);
  }
  assert.ok(last.page > 300, `the report is there (${last.page} px)`);
  assert.equal(last.frame, last.page, 'the frame is as tall as its page: nothing scrolls inside it');
  assert.deepEqual(problems, []);
  await page.close();
});
