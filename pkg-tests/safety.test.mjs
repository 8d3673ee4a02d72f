// The widget inside someone else's page (issue 7), in a real headless Chromium: every view of the
// embedding page (www/embed.html) under the strict CSP with no console errors, axe-core with no
// violations, no request but the page's own assets and the `src` it names, hostile data shown as
// text, and hostile CSS around the widget leaving its layout alone.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP, openPage, useBrowser } from './browser-env.mjs';
import { axeViolations, viewsOf, widgetReady } from './axe.mjs';
import { readFile } from 'node:fs/promises';
import { demo } from './oracle.mjs';

const env = useBrowser();

const SRC = 'demo/region-2025.json';
const embedPath = (params) => `embed.html?${new URLSearchParams(params)}`;
const embedUrl = (params) => `${env.server.url}${embedPath(params)}`;

/** Opens embed.html for `view` in a context that may inject axe-core (CSP bypassed for that
 * script only; the CSP test below runs without the bypass). */
async function openEmbed(params, { bypassCSP = false } = {}) {
  const context = await env.browser.newContext({ bypassCSP });
  const rec = await openPage(env, embedPath(params), null, context);
  await widgetReady(rec.page);
  return { ...rec, context };
}

/** Uses a view the way a reader would: another month, another display unit, and every button in
 * the report that opens or closes something (not the exports, which download). */
async function exercise(page) {
  const widget = page.locator('balans-widget');
  const months = await widget.locator('select#as-of option').evaluateAll((os) => os.map((o) => o.value));
  await widget.locator('select#as-of').selectOption(months[2]);
  await page.waitForFunction((m) => document.querySelector('balans-widget').report?.asOf === m, months[2]);
  await widget.locator('select#display-unit').selectOption('tkr');
  await widgetReady(page);
  // Opening one may hide another: each is clicked if it is still shown.
  const buttons = await widget.locator('button[aria-expanded]').elementHandles();
  for (const button of buttons.slice(0, 8)) if (await button.isVisible()) await button.click();
  await widget.locator('select#as-of').selectOption(months[7]);
  await page.waitForFunction((m) => document.querySelector('balans-widget').report?.asOf === m, months[7]);
}

test('every view of the embedded widget: no CSP errors, only its own assets and src requested', async () => {
  const first = await openEmbed({ src: SRC });
  const views = await viewsOf(first.page);
  await first.context.close();
  assert.ok(views.includes('effects') && views.includes('grants'), views.join());
  for (const view of views) {
    const { page, requests, problems, context } = await openEmbed({ src: SRC, view });
    await exercise(page);
    assert.deepEqual(problems, [], `${view}: no console errors, no CSP violations`);
    const foreign = requests.filter((url) => !url.startsWith(env.server.url));
    assert.deepEqual(foreign, [], `${view}: nothing from another origin`);
    const paths = requests.map((url) => new URL(url).pathname);
    const data = paths.filter((p) => p.endsWith('.json'));
    assert.deepEqual(data, [`/${SRC}`], `${view}: the one document named by src, fetched once`);
    const assets = paths.filter((p) => !p.endsWith('.json'));
    for (const p of assets) assert.match(p, /^\/(embed\.(html|js|css)|balans-widget\.(js|css)|toolbar\.js|lib\/[\w-]+\.js|views\/[\w-]+\.(js|css)|pkg\/(balans_bg\.wasm|balans\.js|index\.js|guards\.js)|pkg\/snippets\/balans-[0-9a-f]+\/js\/store\.js|favicon\.svg)$/, `${view}: ${p}`);
    await context.close();
  }
});

test('axe-core finds no violations in any view of the embedded widget, in Swedish and English', async () => {
  const first = await openEmbed({ src: SRC }, { bypassCSP: true });
  const views = await viewsOf(first.page);
  await first.context.close();
  for (const lang of ['sv', 'en']) {
    for (const view of views) {
      const { page, context } = await openEmbed({ src: SRC, view, lang }, { bypassCSP: true });
      assert.deepEqual(await axeViolations(page), [], `${view} (${lang})`);
      // And with the rows opened and the other controls used.
      await exercise(page);
      assert.deepEqual(await axeViolations(page), [], `${view} (${lang}) after use`);
      await context.close();
    }
  }
});

test('embed.html takes only valid parameters and fetches only from its own origin', async () => {
  const { page, requests, context } = await openEmbed({
    src: SRC, view: 'grants', unit: 'HSN', 'as-of': '2025-05', 'display-unit': 'tkr', lang: 'en',
  });
  const attrs = await page.locator('balans-widget').evaluate((el) =>
    Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])));
  assert.deepEqual(attrs, {
    view: 'grants', unit: 'HSN', 'as-of': '2025-05', 'display-unit': 'tkr', src: `${env.server.url}${SRC}`,
  });
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('#embed-message').innerText(), '');
  await context.close();

  // Injection attempts and foreign sources: left out, named as text, nothing fetched or run.
  const hostile = await env.browser.newContext();
  const rec = await openPage(env, embedPath({
    src: 'https://evil.example/data.json', view: '"><img src=x onerror=window.__pwned=1>',
    unit: '<script>window.__pwned=2</script>', 'as-of': '2025-13', lang: 'xx',
  }), '#embed-message', hostile);
  const text = await rec.page.locator('#embed-message').innerText();
  assert.match(text, /view, unit, as-of, lang, src/);
  assert.equal(await rec.page.locator('balans-widget').count(), 0, 'no widget without a valid src');
  assert.equal(await rec.page.locator('img, script:not([src])').count(), 0);
  assert.equal(await rec.page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(rec.requests.filter((u) => !u.startsWith(env.server.url)), []);
  for (const src of ['javascript:alert(1)', '//evil.example/x.json', 'data:application/json,{}']) {
    await rec.page.goto(embedUrl({ src }));
    await rec.page.locator('#embed-message').waitFor();
    assert.equal(await rec.page.locator('balans-widget').count(), 0, src);
  }
  assert.deepEqual(rec.requests.filter((u) => !u.startsWith(env.server.url)), []);
  assert.deepEqual(rec.problems, []);
  await hostile.close();
});

/** Texts an attacker could put in a data file: markup, a broken-out attribute, RTL overrides and
 * a name far longer than any real one. */
const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=2</script>',
  '\u202eRTL-override\u202c \u200fmark\u200f',
  `Mycket långt namn ${'ö'.repeat(400)}`,
];

function hostileDocument() {
  const doc = demo();
  const pick = (i) => HOSTILE[i % HOSTILE.length];
  doc.name = pick(0);
  doc.units.slice(1, 9).forEach((u, i) => { u.name = pick(i); });
  (doc.costTypes ?? []).forEach((c, i) => { c.name = pick(i + 1); });
  (doc.measures ?? []).forEach((m, i) => { m.title = pick(i); m.owner = pick(i + 1); });
  (doc.programmes ?? []).forEach((p, i) => { p.name = pick(i + 2); });
  (doc.grants ?? []).forEach((g, i) => { g.name = pick(i + 3); });
  (doc.goals ?? []).forEach((g, i) => {
    g.name = pick(i);
    g.indicators.forEach((x, j) => { x.name = pick(i + j + 1); });
  });
  (doc.oneOffs ?? []).forEach((o, i) => { o.text = pick(i); });
  return doc;
}

test('hostile names and texts render as text in every view and run nothing', async () => {
  const doc = hostileDocument();
  const context = await env.browser.newContext();
  await context.route('**/hostile.json', (route) => route.fulfill({ json: doc }));
  const first = await openPage(env, embedPath({ src: 'hostile.json' }), null, context);
  await widgetReady(first.page);
  const views = await viewsOf(first.page);
  await first.page.close();
  for (const view of views) {
    const { page, requests, problems } = await openPage(env, embedPath({ src: 'hostile.json', view }), null, context);
    await widgetReady(page);
    await exercise(page);
    const seen = await page.evaluate(() => {
      const root = document.querySelector('balans-widget').shadowRoot;
      return {
        pwned: window.__pwned ?? null,
        elements: root.querySelectorAll('img, script, iframe, object, embed').length,
        texts: [...root.querySelectorAll('*')].filter((e) => e.children.length === 0).map((e) => e.textContent),
        hostWidth: document.querySelector('balans-widget').getBoundingClientRect().width,
        pageWidth: document.documentElement.clientWidth,
      };
    });
    assert.equal(seen.pwned, null, view);
    assert.equal(seen.elements, 0, `${view}: no element made from data`);
    const shown = HOSTILE.filter((text) => seen.texts.some((t) => t.includes(text)));
    assert.ok(shown.length >= 2, `${view}: the hostile texts appear as text (${shown.length})`);
    assert.ok(seen.hostWidth <= seen.pageWidth, `${view}: a long name does not widen the page`);
    assert.deepEqual(requests.filter((u) => /\/x$/.test(u) || !u.startsWith(env.server.url)), [], view);
    assert.deepEqual(problems, [], view);
    await page.close();
  }
  // The deviation table shows the markup as the unit's name, character for character.
  const { page } = await openPage(env, embedPath({ src: 'hostile.json' }), null, context);
  await widgetReady(page);
  for (const unit of doc.units.slice(1, 5)) {
    const name = await page.locator(`balans-widget tr[data-unit="${unit.id}"] th .name`).textContent();
    assert.equal(name, unit.name, unit.id);
  }
  await context.close();
});

/** A page around the widget that does its worst with ordinary CSS: inherited text properties,
 * rules for every element, !important everywhere. It cannot reach into the shadow root, and
 * `:host { all: initial }` stops what would be inherited. */
const HOSTILE_CSS = `
body { font: italic 900 31px/4 serif !important; letter-spacing: 6px; word-spacing: 12px;
  text-transform: uppercase; text-align: right; text-indent: 40px; white-space: pre;
  direction: rtl; color: red; visibility: visible; font-variant: small-caps; cursor: wait; }
* { box-sizing: content-box !important; margin: 9px !important; padding: 13px !important;
  border: 5px dashed lime !important; }
table, tr, td, th, select, button, caption, svg { display: block !important; width: 50px !important;
  float: right !important; font-size: 40px !important; }
div, section { position: absolute !important; top: 0; left: 0; }
.toolbar, .scroll, [part], #as-of { display: none !important; }
`;

/** The boxes of the widget's parts relative to the widget, and its own size. */
function layout(page) {
  return page.evaluate(() => {
    const host = document.querySelector('balans-widget');
    const origin = host.getBoundingClientRect();
    const boxes = [...host.shadowRoot.querySelectorAll('.toolbar, select, caption, thead th, tbody tr, td[data-field="ytd.deviation"]')]
      .filter((el) => el.getClientRects().length > 0).slice(0, 80).map((el) => {
        const r = el.getBoundingClientRect();
        return [r.x - origin.x, r.y - origin.y, r.width, r.height].map((v) => Math.round(v)).join(',');
      });
    const style = getComputedStyle(host.shadowRoot.querySelector('caption'));
    return { size: [origin.width, origin.height].map(Math.round), boxes,
      text: [style.letterSpacing, style.textTransform, style.fontStyle, style.direction, style.color] };
  });
}

test('hostile CSS around the widget does not change its layout', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  const html = (extra) => `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>t</title>
    ${extra}<script type="module" src="/balans-widget.js"></script></head>
    <body><div id="frame-of-page"><balans-widget src="/${SRC}" as-of="2025-08"></balans-widget></div></body></html>`;
  // The widget's box itself is the page's to size; both pages give it the same width.
  const hostBox = 'balans-widget { display: block !important; width: 1200px !important; margin: 0 !important; padding: 0 !important; border: 0 !important; position: static !important; float: none !important; }';
  await page.route('**/plain.html', (r) => r.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: html('<link rel="stylesheet" href="/plain.css">') }));
  await page.route('**/hostile.html', (r) => r.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: html('<link rel="stylesheet" href="/hostile.css">') }));
  await page.route('**/plain.css', (r) => r.fulfill({ contentType: 'text/css', body: `body { margin: 0 } ${hostBox}` }));
  await page.route('**/hostile.css', (r) => r.fulfill({ contentType: 'text/css', body: `${HOSTILE_CSS}\n${hostBox}` }));
  await page.goto(`${env.server.url}plain.html`);
  await widgetReady(page);
  const plain = await layout(page);
  await page.goto(`${env.server.url}hostile.html`);
  await widgetReady(page);
  // The hostile rules are in force on the page itself.
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).textTransform), 'uppercase');
  const hostile = await layout(page);
  assert.ok(plain.boxes.length > 40, 'the table was measured');
  assert.deepEqual(hostile.text, plain.text, 'no inherited text style gets in');
  assert.deepEqual(hostile.size, plain.size);
  assert.deepEqual(hostile.boxes, plain.boxes);
  assert.deepEqual(problems, []);
  await page.close();
});

/** Rules a page may have on every element and on the widget itself, !important and all. */
const HOSTILE_ELEMENT_CSS = `
* { all: unset !important; }
balans-widget { display: inline !important; direction: rtl !important; font: italic 900 40px/3 serif !important;
  color: transparent !important; visibility: hidden !important; letter-spacing: 8px !important;
  text-transform: uppercase !important; font-variant-numeric: oldstyle-nums !important; }
`;

test('rules on * and on the element itself change neither its display, font, direction nor numbers', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  const html = (css) => `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>t</title>
    <link rel="stylesheet" href="/${css}"><script type="module" src="/balans-widget.js"></script></head>
    <body><balans-widget src="/${SRC}" as-of="2025-08"></balans-widget></body></html>`;
  const width = 'balans-widget { width: 1200px !important; }'; // the page's to set, in both pages
  for (const name of ['plain', 'hostile']) {
    await page.route(`**/${name}-element.html`, (r) => r.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: html(`${name}-element.css`) }));
  }
  await page.route('**/plain-element.css', (r) => r.fulfill({ contentType: 'text/css', body: `body { margin: 0 } ${width}` }));
  await page.route('**/hostile-element.css', (r) => r.fulfill({ contentType: 'text/css', body: `${HOSTILE_ELEMENT_CSS}\n${width}` }));
  const look = () => page.evaluate(() => {
    const host = document.querySelector('balans-widget');
    const cell = host.shadowRoot.querySelector('tr[data-unit="R"] td[data-field="ytd.deviation"]');
    const style = getComputedStyle(cell);
    return {
      display: getComputedStyle(host).display,
      cell: [cell.textContent, style.direction, style.fontFamily, style.fontSize, style.fontStyle, style.color,
        style.visibility, style.letterSpacing, style.textTransform, style.fontVariantNumeric],
    };
  });
  await page.goto(`${env.server.url}plain-element.html`);
  await widgetReady(page);
  const plain = { ...await look(), ...await layout(page) };
  await page.goto(`${env.server.url}hostile-element.html`);
  await widgetReady(page);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'inline', 'the page\'s rules are in force');
  const hostile = { ...await look(), ...await layout(page) };
  assert.equal(hostile.display, 'block');
  assert.match(plain.cell[0], /^\+\d/, `a signed figure: ${plain.cell[0]}`);
  assert.deepEqual(hostile.cell, plain.cell, 'the figure, its direction, font, colour and visibility');
  assert.deepEqual(hostile.text, plain.text);
  assert.deepEqual(hostile.size, plain.size);
  assert.deepEqual(hostile.boxes, plain.boxes);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the embedding kit: one script and one element in a page, with the wasm kept elsewhere', async () => {
  const context = await env.browser.newContext();
  const wasm = await readFile(new URL('../pkg/balans_bg.wasm', import.meta.url));
  // The README's snippet, served under the strict policy; the server keeps the .wasm elsewhere.
  const page = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Intranät</title>
    <script type="module" src="/balans-widget.js"></script></head><body><main><h1>Ekonomi</h1>
    <balans-widget src="/${SRC}" view="deviation" as-of="2025-08" wasm-url="/static/wasm/balans.wasm"></balans-widget>
    </main></body></html>`;
  await context.route('**/intranet.html', (r) => r.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: page }));
  await context.route('**/static/wasm/balans.wasm', (r) => r.fulfill({ contentType: 'application/wasm', body: wasm }));
  const { page: tab, requests, problems } = await openPage(env, 'intranet.html', null, context);
  await widgetReady(tab);
  assert.equal(await tab.locator('balans-widget tr[data-unit="KTN"] td[data-field="ytd.deviation"]').innerText(), '+70,0');
  const paths = requests.map((u) => new URL(u).pathname);
  assert.ok(paths.includes('/static/wasm/balans.wasm'), 'the .wasm from where wasm-url says');
  assert.ok(!paths.includes('/pkg/balans_bg.wasm'), 'not from beside balans.js');
  assert.deepEqual(problems, []);
  await context.close();
});

test('attributes it cannot use are named in Swedish and fired once as balans-error; a failure names its view', async () => {
  const { page, problems } = await openPage(env, embedPath({ src: SRC, view: 'effects' }), null);
  await widgetReady(page);
  const events = await page.evaluate(async () => {
    const widget = document.querySelector('balans-widget');
    const seen = [];
    widget.addEventListener('balans-error', (e) => seen.push(e.detail));
    const rendered = () => new Promise((ok) => widget.addEventListener('balans-ready', ok, { once: true }));
    let ready = rendered();
    widget.setAttribute('display-unit', 'xyz');
    widget.setAttribute('decimals', '99');
    await ready;
    ready = rendered();
    widget.setAttribute('lang', 'sv'); // another render: the same values are not fired again
    await ready;
    return seen;
  });
  assert.deepEqual(events.map((e) => [e.code, e.field]), [['E_ATTRIBUTE', 'display-unit'], ['E_ATTRIBUTE', 'decimals']]);
  const note = await page.locator('balans-widget [part="error"]').innerText();
  assert.match(note, /Attributet display-unit="xyz" är ogiltigt; mnkr används i stället\./);
  assert.match(note, /Attributet decimals="99" är ogiltigt; 1 används i stället\./);
  // A month of a year the data lacks: said, and the last booked month shown instead.
  const outside = await page.evaluate(async () => {
    const widget = document.querySelector('balans-widget');
    const seen = [];
    widget.addEventListener('balans-error', (e) => seen.push(e.detail));
    const ready = new Promise((ok) => widget.addEventListener('balans-ready', ok, { once: true }));
    widget.setAttribute('as-of', '1999-01');
    await ready;
    return { seen, asOf: widget.report.asOf };
  });
  assert.deepEqual(outside.seen.map((e) => [e.code, e.field]), [['E_NO_YEAR', 'as-of']]);
  assert.equal(outside.asOf, '2025-08');
  assert.match(await page.locator('balans-widget [part="error"]').innerText(), /Data saknas för 1999 \(as-of="1999-01"\)/);
  // A view that cannot render says which view failed.
  await page.evaluate(() => { document.querySelector('balans-widget').workspace = new (class { effects() { throw Object.assign(new Error('x'), { code: 'E_OPTION' }); } deviation() { return { rows: [], outcomeThrough: null }; } toJSON() { return {}; } })(); });
  await page.locator('balans-widget [part="error"]', { hasText: 'Kunde inte visa effekthemtagningen' }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});
