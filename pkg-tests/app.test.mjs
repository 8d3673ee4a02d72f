// The standalone app (www/index.html, app.js, sw.js) in a real headless Chromium under the strict
// CSP: its views as an ARIA tablist, axe-core with no violations in every tab and both languages,
// a keyboard-only walkthrough, the workspace kept in the browser (and a corrupt or older stored
// copy reported, set aside and the app still starting), export and import of the workspace as a
// file, the service worker opening the app with the network cut, and a printed PDF of each view.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, useBrowser } from './browser-env.mjs';
import { axeViolations, widgetReady } from './axe.mjs';
import { canonical, demo, outcome } from './oracle.mjs';

const env = useBrowser();
let dir;

before(async () => {
  dir = process.env.BALANS_PDF_DIR || await mkdtemp(join(tmpdir(), 'balans-app-'));
});

async function openApp(context, path = '') {
  const rec = await openPage(env, path, 'body[data-ready]', context);
  await widgetReady(rec.page);
  return rec;
}

const tabs = (page) => page.locator('[role="tab"]').evaluateAll((ts) => ts.map((t) => t.dataset.view));

/** Shows `view` by its tab and waits for its report. */
async function showView(page, view) {
  await page.click(`#tab-${view}`);
  await page.waitForFunction((v) => {
    const w = document.querySelector('balans-widget');
    return w.getAttribute('view') === v && w.report != null && !w.hasAttribute('aria-busy');
  }, view);
}

test('the views are tabs: a tablist the arrow keys move through, with no axe violations in any', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const { page, problems, requests } = await openApp(context);
  const views = await tabs(page);
  assert.deepEqual(views.slice(0, 3), ['deviation', 'effects', 'grants']);
  for (const lang of ['sv', 'en']) {
    await page.selectOption('#language', lang);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    for (const view of views) {
      await showView(page, view);
      assert.equal(await page.getAttribute(`#tab-${view}`, 'aria-selected'), 'true');
      assert.equal(await page.getAttribute('#panel', 'aria-labelledby'), `tab-${view}`);
      assert.deepEqual(await axeViolations(page), [], `${view} (${lang})`);
    }
  }
  assert.equal(await page.locator('#tab-grants').innerText(), 'State grants');
  await page.selectOption('#language', 'sv');
  // The question "Börja om" asks first, open.
  await page.click('#reset');
  await page.locator('#reset-dialog[open]').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the reset dialog');
  await page.keyboard.press('Escape');
  // Arrow keys: right, wrapping, Home and End, each showing its view.
  await page.focus('#tab-deviation');
  await page.click('#tab-deviation');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-effects');
  assert.equal(await page.getAttribute('balans-widget', 'view'), 'effects');
  await page.keyboard.press('End');
  assert.equal(await page.getAttribute('balans-widget', 'view'), views.at(-1));
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('balans-widget', 'view'), 'deviation');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getAttribute('balans-widget', 'view'), views.at(-1));
  await page.keyboard.press('Home');
  assert.equal(await page.getAttribute('balans-widget', 'view'), 'deviation');
  // One tab stop for the whole list.
  assert.deepEqual(await page.locator('[role="tab"]').evaluateAll((ts) => ts.map((t) => t.tabIndex)),
    views.map((v) => (v === 'deviation' ? 0 : -1)));
  // A view can be linked to.
  await page.goto(`${env.server.url}index.html#grants`);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.getAttribute('#tab-grants', 'aria-selected'), 'true');
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(env.server.url)), []);
  await context.close();
});

/** The element that has focus, looking into the widget's shadow root: a short description. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const root = el.getRootNode();
    const where = root === document ? '' : `${root.host.tagName.toLowerCase()}:`;
    return `${where}${el.tagName.toLowerCase()}#${el.id || el.dataset.sort || el.dataset.export || el.textContent.trim().slice(0, 20)}`;
  });
}

/** Every control a keyboard should reach in the page and the widget (one per tab stop group). */
function controls(page) {
  return page.evaluate(() => {
    const describe = (el, where) => `${where}${el.tagName.toLowerCase()}#${el.id || el.dataset.sort || el.dataset.export || el.textContent.trim().slice(0, 20)}`;
    // checkVisibility: not what a closed <details> holds (laid out, yet not shown nor reached).
    const visible = (el) => el.checkVisibility() && !el.closest('[hidden]');
    const pick = (root, where) => [...root.querySelectorAll('a[href], button, select, input, textarea, [tabindex="0"]')]
      .filter((el) => visible(el) && el.tabIndex >= 0 && !el.disabled)
      .map((el) => describe(el, where));
    // The page, the widget and the import panel (each component in its own shadow root).
    const hosts = [...document.querySelectorAll('balans-widget, balans-import')];
    return [...pick(document, ''), ...hosts.flatMap((host) => pick(host.shadowRoot, `${host.tagName.toLowerCase()}:`))];
  });
}

test('keyboard only: Tab reaches every control of every view, and the keys operate them', async () => {
  const context = await env.browser.newContext();
  const { page, problems } = await openApp(context);
  // Listening from the start, so that Playwright intercepts the chooser before any key is pressed.
  const choosers = [];
  page.on('filechooser', (chooser) => choosers.push(chooser));
  for (const view of await tabs(page)) {
    await showView(page, view);
    await page.focus('#language');
    const want = new Set(await controls(page));
    const seen = new Set();
    for (let i = 0; i < 400 && seen.size < want.size + 5; i++) {
      const at = await focused(page);
      if (at) seen.add(at);
      await page.keyboard.press('Tab');
      if (i > 5 && at === 'select#language') break; // round the page once
    }
    const missed = [...want].filter((c) => !seen.has(c));
    assert.ok([...want].some((c) => c.startsWith('balans-import:textarea')), 'the import panel is part of the walk');
    assert.deepEqual(missed, [], `${view}: every control is reached by Tab`);
    // A visible focus indicator on what has focus, in the page and in the widget.
    const outline = await page.evaluate(() => {
      const sel = document.querySelector('balans-widget').shadowRoot.querySelector('#as-of');
      sel.focus();
      const style = getComputedStyle(sel);
      return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
    });
    assert.ok(outline, `${view}: the month select shows focus`);
  }
  // Operate: a tab by arrow, the month and display unit by arrow keys in their selects, a row
  // by Enter. All by keyboard.
  await showView(page, 'deviation');
  await page.focus('#tab-deviation');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await widgetReady(page);
  const widget = page.locator('balans-widget');
  await widget.locator('#display-unit').focus();
  await page.keyboard.press('Home'); // kr
  await page.waitForFunction(() => document.querySelector('balans-widget').getAttribute('display-unit') === 'kr');
  await widget.locator('#as-of').focus();
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.querySelector('balans-widget').report?.asOf === '2025-07');
  await widget.locator('tr[data-unit="HSN-SJ"] button.toggle').focus();
  await page.keyboard.press('Enter');
  assert.equal(await widget.locator('tr[data-unit="HSN-SJ"] button.toggle').getAttribute('aria-expanded'), 'true');
  // The app's own controls: the language select by keyboard.
  await page.focus('#language');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('#export').innerText(), 'Export the workspace');
  // Export by Enter downloads; Enter on the import control opens the file chooser.
  await page.focus('#export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^balans-workspace-\d{4}-\d{2}-\d{2}\.json$/);
  await page.focus('#import');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 50 && choosers.length === 0; i++) await page.waitForTimeout(100);
  assert.equal(choosers.length, 1, 'Enter opens the file chooser');
  await choosers[0].setFiles(await workspaceFile('Region Tangentbord'));
  await page.waitForFunction(() => document.querySelector('balans-widget').shadowRoot.querySelector('caption .title')?.textContent === 'Region Tangentbord');
  // The skip link is the first stop and leads to the report.
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'panel');
  // "Start again with demo data" by Space asks first, in a modal dialog whose safe answer has
  // the focus; Tab reaches "Börja om", Enter confirms.
  await page.focus('#reset');
  await page.keyboard.press('Space');
  await page.locator('#reset-dialog[open]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reset-cancel');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reset-confirm');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('balans-widget').shadowRoot.querySelector('caption .title')?.textContent === 'Region Exempel');
  assert.deepEqual(problems, []);
  await context.close();
});

/** A document like the demo under another name, written to a file for the file input. */
async function workspaceFile(name) {
  const doc = demo();
  doc.name = name;
  doc.units[0].name = name; // the region: the report's caption
  const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
  await writeFile(file, JSON.stringify(doc));
  return file;
}

/** Every record of the package's workspace store (IndexedDB `balans`, `workspaces`) by key;
 * only once the app has opened it. */
export function storedRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('balans');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('workspaces');
      const keys = tx.objectStore('workspaces').getAllKeys();
      const values = tx.objectStore('workspaces').getAll();
      tx.oncomplete = () => {
        db.close();
        resolve(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]])));
      };
    };
  }));
}

/** Writes `record` under `key` in that store, as a damaged or older copy would be. */
export function putRecord(page, key, record) {
  return page.evaluate(([key, record]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('balans');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('workspaces', 'readwrite');
      tx.objectStore('workspaces').put(record, key);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onabort = () => reject(tx.error);
    };
  }), [key, record]);
}

const captionText = (page) => page.locator('balans-widget caption .title').innerText();

test('the workspace: kept between visits, exported and imported as a file', async () => {
  const context = await env.browser.newContext();
  const { page, problems, requests } = await openApp(context);
  assert.equal(await captionText(page), 'Region Exempel');
  await page.setInputFiles('#import', await workspaceFile('Region Importerad'));
  await page.waitForFunction(() => document.querySelector('balans-widget').shadowRoot.querySelector('caption .title')?.textContent === 'Region Importerad');
  // "Stored" is said only once the store is done, which may be after the table shows the import.
  await page.locator('#app-message', { hasText: /Region-Importerad\.json.*sparad/ }).waitFor();
  // Another visit: the imported workspace, not the demo.
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  await widgetReady(page);
  assert.equal(await captionText(page), 'Region Importerad');
  assert.match(await page.locator('#print-meta').innerText(), /Källa: Region-Importerad\.json/);
  // An effect reported in the effects tab is stored at once, and the source stays named.
  await showView(page, 'effects');
  const widget = page.locator('balans-widget');
  await widget.locator('#entry-realised').fill('5 mnkr');
  await widget.locator('#entry-realised').press('Enter');
  await widget.locator('[data-programme="HSN-2024"] .need', { hasText: '47,0' }).waitFor();
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  await showView(page, 'effects');
  assert.equal(await widget.locator('[data-programme="HSN-2024"] .need').innerText(), 'Behov av nya åtgärder: 47,0\u00a0mnkr');
  assert.match(await page.locator('#print-meta').innerText(), /Källa: Region-Importerad\.json/);
  await showView(page, 'deviation');
  // Export: the whole workspace, readable again.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  assert.match(download.suggestedFilename(), /^balans-arbetsyta-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.name, 'Region Importerad');
  assert.equal(exported.units.length, demo().units.length);
  assert.equal(exported.outcome.length, demo().outcome.length);
  assert.equal(exported.effectEntries.length, 1, 'with the entry made');
  // A file that is not a workspace changes nothing and says why.
  const bad = join(dir, 'bad.json');
  await writeFile(bad, '{"schema": 1, "units": [{"id": "R", "name": "R", "parent": "R"}]}');
  await page.setInputFiles('#import', bad);
  await page.waitForSelector('#app-message[role="alert"]');
  assert.match(await page.locator('#app-message').innerText(), /E_CYCLE/);
  assert.equal(await captionText(page), 'Region Importerad');
  // "Börja om" asks first: Escape, then "Avbryt", change nothing, here and after a reload.
  await page.click('#reset');
  await page.locator('#reset-dialog[open]').waitFor();
  assert.match(await page.locator('#reset-dialog').innerText(), /Börja om med demodata\?[\s\S]*exporterar arbetsytan till fil/);
  await page.keyboard.press('Escape');
  await page.click('#reset');
  await page.click('#reset-cancel');
  assert.equal(await page.locator('#reset-dialog[open]').count(), 0);
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  await widgetReady(page);
  assert.equal(await captionText(page), 'Region Importerad', 'cancel kept the data');
  // Back to the demo, on purpose.
  await page.click('#reset');
  await page.click('#reset-confirm');
  await page.waitForFunction(() => document.querySelector('balans-widget').shadowRoot.querySelector('caption .title')?.textContent === 'Region Exempel');
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(env.server.url)), []);
  await context.close();
});

// The copies are left where version 0.1 kept them, in localStorage: the package moves each to
// IndexedDB when the app first loads it, and the app then sets it aside there.
test('a corrupt or older stored workspace is reported, kept aside, and the app still starts', async () => {
  for (const [stored, version, pattern] of [
    ['{"schema": 1, "units": [', '1', /kunde inte läsas \(E_JSON\)/],
    ['{"schema": 99, "units": []}', '1', /annan version/],
    [JSON.stringify(demo()), '0', /annan version av appen \(0\)/],
  ]) {
    const context = await env.browser.newContext({ bypassCSP: true }); // for axe-core below
    const page = await context.newPage();
    await page.goto(`${env.server.url}embed.html`); // same origin: set the stored copy first
    await page.evaluate(([text, v]) => {
      localStorage.setItem('balans:app:workspace', text);
      localStorage.setItem('balans:app:store', v);
      localStorage.setItem('balans:app:other', 'untouched');
    }, [stored, version]);
    await page.goto(env.server.url);
    await page.waitForSelector('body[data-ready]');
    await widgetReady(page);
    assert.equal(await captionText(page), 'Region Exempel', 'started with the demo');
    const message = await page.locator('#app-message[role="alert"]').innerText();
    assert.match(message, pattern);
    const settings = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
      .map((k) => [k, localStorage.getItem(k)])));
    const kept = await storedRecords(page);
    const aside = Object.keys(kept).filter((k) => k.startsWith('balans:app:unreadable:'));
    assert.equal(aside.length, 1);
    assert.equal(kept[aside[0]].text, stored, 'the unreadable copy is kept as it was');
    assert.equal(kept[aside[0]].version, 1);
    assert.ok(message.includes(aside[0]), 'the message names where it is');
    assert.equal(settings['balans:app:other'], 'untouched');
    assert.equal(settings['balans:app:store'], '1');
    assert.equal(settings['balans:app:workspace'], undefined, 'moved out of localStorage');
    assert.ok(kept['balans:app:workspace'].text.length > 1000, 'the demo is stored in its place');
    assert.deepEqual(await axeViolations(page), [], 'the message too');
    await context.close();
  }
});

test('after one visit the app opens, imports, computes and keeps its data with the network cut', async () => {
  const context = await env.browser.newContext();
  const { page } = await openApp(context);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The worker controls the next load and has every file by then.
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller != null));
  await context.setOffline(true);
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  await widgetReady(page);
  assert.equal(await captionText(page), 'Region Exempel');
  // Import with no network: a workspace file, then a range pasted into the import panel (parsed
  // in its worker, whose files come from the cache too); every view computes.
  await page.setInputFiles('#import', await workspaceFile('Region Offline'));
  await page.waitForFunction(() => document.querySelector('balans-widget').shadowRoot.querySelector('caption .title')?.textContent === 'Region Offline');
  await page.locator('balans-import textarea').fill('Enhet\tPeriod\tUtfall\nRS-IT\t2025-09\t-250 000\n');
  await page.locator('balans-import button', { hasText: 'Importera inklistrat' }).click();
  await page.locator('balans-import button.confirm').click();
  await page.locator('balans-import .status', { hasText: 'klar' }).waitFor();
  const itSeptember = canonical(outcome(demo(), 'RS-IT', '2025-09', '2025-09') - 25000000n);
  const shownIt = () => page.locator('balans-widget tr[data-unit="RS-IT"] td[data-field="period.outcome"]').getAttribute('data-amount');
  await page.waitForFunction(() => document.querySelector('balans-widget').report?.asOf === '2025-09');
  assert.equal(await shownIt(), itSeptember);
  for (const view of await tabs(page)) await showView(page, view);
  await showView(page, 'deviation');
  // The app opens on the last booked month, September now; public transport has booked through
  // August only, so it has no outcome for September, and says so.
  const deviation = (unit) => page.locator(`balans-widget tr[data-unit="${unit}"] td[data-field="ytd.deviation"]`).innerText();
  assert.match(await deviation('RS-IT'), /^[+\u2212]\d/);
  assert.equal(await deviation('KTN'), 'inget utfall');
  // Closed and opened again, still offline: the imported data is there.
  await page.close();
  const again = await context.newPage();
  await again.goto(env.server.url);
  await again.waitForSelector('body[data-ready]');
  await widgetReady(again);
  assert.equal(await captionText(again), 'Region Offline');
  await again.locator('balans-widget select#as-of').selectOption('2025-09');
  await again.waitForFunction(() => document.querySelector('balans-widget').report?.asOf === '2025-09');
  assert.equal(await again.locator('balans-widget tr[data-unit="RS-IT"] td[data-field="period.outcome"]').getAttribute('data-amount'),
    itSeptember, 'the pasted outcome is kept');
  assert.deepEqual(failed, []);
  // A corrupt stored copy while offline: reported, and the app still starts (the demo from the
  // worker's cache).
  await putRecord(again, 'balans:app:workspace', { version: 1, text: 'not json' });
  await again.reload();
  await again.waitForSelector('body[data-ready]');
  await widgetReady(again);
  assert.match(await again.locator('#app-message').innerText(), /kunde inte läsas/);
  assert.equal(await captionText(again), 'Region Exempel');
  await context.close();
});

test('each view prints to a PDF: a committee paper with the date and the source', async () => {
  const context = await env.browser.newContext();
  const { page } = await openApp(context);
  for (const view of await tabs(page)) {
    await showView(page, view);
    if (view === 'deviation') {
      // The forecast chart printed too, in black and white.
      await page.locator('balans-widget #chart-toggle').click();
      await page.locator('balans-widget .chart svg').waitFor();
    }
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      toolbar: getComputedStyle(document.querySelector('balans-widget').shadowRoot.querySelector('.toolbar')).display,
      tabs: getComputedStyle(document.querySelector('#tabs')).display,
      meta: document.querySelector('#print-meta').innerText,
      metaShown: getComputedStyle(document.querySelector('#print-meta')).display,
      repeat: getComputedStyle(document.querySelector('balans-widget').shadowRoot.querySelector('thead')).display,
      chart: getComputedStyle(document.querySelector('balans-widget').shadowRoot.querySelector('section[part="chart"]')).display,
      forms: [...document.querySelector('balans-widget').shadowRoot.querySelectorAll('form')]
        .filter((f) => getComputedStyle(f).display !== 'none').length,
    }));
    // The deviation chart, opened above, belongs to the deviation view only.
    assert.equal(printed.chart === 'none', view !== 'deviation', `${view}: chart ${printed.chart}`);
    assert.equal(printed.forms, 0, `${view}: no entry form on paper`);
    assert.equal(printed.toolbar, 'none', view);
    assert.equal(printed.tabs, 'none', view);
    assert.equal(printed.metaShown, 'block', view);
    assert.equal(printed.repeat, 'table-header-group', `${view}: headers repeat on every page`);
    assert.match(printed.meta, /^Utskrivet \d{4}-\d{2}-\d{2}\. Källa: demodata Region Exempel\./);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length > 20_000, `${view}: ${pdf.length} bytes`);
    await writeFile(join(dir, `${view}.pdf`), pdf);
    await page.emulateMedia({ media: null });
  }
  await context.close();
});

test('"Ångra import": disabled with nothing to undo, takes the last import back by keyboard, and the workspace is stored as before', async () => {
  const context = await env.browser.newContext({ bypassCSP: true }); // axe is injected
  const { page, problems } = await openApp(context);
  const undo = page.locator('#undo-import');
  assert.equal(await undo.innerText(), 'Ångra import');
  assert.ok(await undo.isDisabled(), 'a stored or demo workspace has no import to undo');
  const stored = async () => (await storedRecords(page))['balans:app:workspace']?.text;
  const demoStored = await stored();
  assert.ok(demoStored?.length > 1000, 'the demo is stored as the app starts');
  const shownIt = () => page.locator('balans-widget tr[data-unit="RS-IT"] td[data-field="period.outcome"]').getAttribute('data-amount');
  const paste = async (range) => {
    await page.locator('balans-import textarea').fill(range);
    await page.locator('balans-import button', { hasText: 'Importera inklistrat' }).click();
    await page.locator('balans-import button.confirm').click();
    await page.locator('balans-import .status', { hasText: 'klar' }).waitFor();
  };
  // September's outcome of the IT unit, then the same range again: replaced, not added.
  const range = 'Enhet\tPeriod\tUtfall\nRS-IT\t2025-09\t-250 000\n';
  await paste(range);
  await page.waitForFunction(() => document.querySelector('balans-widget').report?.asOf === '2025-09');
  const september = canonical(outcome(demo(), 'RS-IT', '2025-09', '2025-09') - 25000000n);
  assert.equal(await shownIt(), september);
  assert.ok(await undo.isEnabled());
  await page.locator('balans-import textarea').fill(range);
  await page.locator('balans-import button', { hasText: 'Importera inklistrat' }).click();
  await page.locator('balans-import button.confirm').click();
  await page.locator('balans-import .report dl', { hasText: /Ersatt\s*0 enheter, 0 kostnadsslag, 0 budgetrader, 1 utfallsrader/ }).waitFor();
  await widgetReady(page);
  assert.equal(await shownIt(), september, 'the same range twice is counted once');
  // Undo by keyboard, twice: back to the demo, byte for byte in storage.
  await undo.focus();
  await page.keyboard.press('Enter');
  await page.locator('#app-message', { hasText: 'ångrad' }).waitFor();
  assert.match(await page.locator('#app-message').innerText(), /0 tillagda rader togs bort och 1 ersatta rader är tillbaka/);
  assert.ok(await undo.isEnabled());
  await page.keyboard.press('Enter');
  await page.locator('#app-message', { hasText: '1 tillagda rader togs bort och 0 ersatta' }).waitFor();
  assert.ok(await undo.isDisabled());
  assert.equal(await page.evaluate(() => document.activeElement.id), 'panel', 'focus goes on in the report');
  assert.equal(await stored(), demoStored);
  await page.waitForFunction(() => document.querySelector('balans-widget').report?.asOf === '2025-08');
  assert.deepEqual(await axeViolations(page), []);
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  assert.ok(await page.locator('#undo-import').isDisabled());
  assert.deepEqual(problems, []);
  await context.close();
});
