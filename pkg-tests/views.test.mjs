// The views as a controller reads them every month, in a real headless Chromium under the strict
// CSP: the goals view (counts, fulfilment in words, the deviation beside a tied indicator, goals
// pasted from Excel, axe-core and the keyboard), names that cannot turn the text after them
// around (a name ending in U+202E), names instead of codes, and tables that use the width they are
// given (the deviation table's column groups at 1 280 px without scrolling sideways).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser } from './browser-env.mjs';
import { AXE, axeViolations, widgetReady } from './axe.mjs';
import { demo } from './oracle.mjs';

const env = useBrowser();
const embed = (query) => `embed.html?${new URLSearchParams({ src: 'demo/region-2025.json', 'as-of': '2025-08', ...query })}`;
const VIEWS = ['deviation', 'effects', 'grants', 'bridge', 'goals'];

async function openView(view, query = {}, context = env.browser) {
  const rec = await openPage(env, embed({ view, ...query }), null, context);
  await widgetReady(rec.page);
  return rec;
}

test('goals per August 2025: 8 met, 14 partly, 7 not met, 1 not reported of 30, in words and per goal', async () => {
  const { page, problems } = await openView('goals');
  const widget = page.locator('balans-widget');
  const total = widget.locator('.goals-total');
  const counts = await total.evaluate((p) => ({ ...p.dataset }));
  assert.deepEqual(counts, { met: '8', partly: '14', notMet: '7', notReported: '1', total: '30' });
  assert.equal(await total.innerText(), '8 av 30 mätetal uppfyllda, 14 delvis, 7 ej uppfyllda och 1 ej rapporterade.');
  // The rows say the same as the counts: each indicator's fulfilment in words, never colour alone.
  const rows = await widget.locator('table.goals-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    fulfilment: tr.dataset.fulfilment, word: tr.querySelector('td[data-field="fulfilment"]').textContent.trim(),
  })));
  assert.equal(rows.length, 30);
  const words = { met: 'Uppfyllt', partly: 'Delvis uppfyllt', notMet: 'Ej uppfyllt', notReported: 'Ej rapporterat' };
  for (const row of rows) assert.equal(row.word, words[row.fulfilment]);
  const tally = (f) => rows.filter((r) => r.fulfilment === f).length;
  assert.deepEqual([tally('met'), tally('partly'), tally('notMet'), tally('notReported')], [8, 14, 7, 1]);
  // Per goal and in total, in the counts table: the goals' counts add up to the total row.
  const table = await widget.locator('table.goals-counts').evaluate((t) => ({
    goals: [...t.tBodies[0].rows].map((tr) => [...tr.cells].slice(1).map((td) => Number(td.textContent))),
    total: [...t.tFoot.rows[0].cells].slice(1).map((td) => Number(td.textContent)),
  }));
  assert.equal(table.goals.length, demo().goals.length);
  assert.deepEqual(table.goals.reduce((a, b) => a.map((x, i) => x + b[i])), table.total);
  assert.deepEqual(table.total, [8, 14, 7, 1, 30]);
  assert.deepEqual(problems, []);
  await page.close();
});

test('beside an indicator tied to budget rows: that unit by name and its deviation for the year to date', async () => {
  const { page } = await openView('goals');
  const doc = demo();
  const tied = doc.goals.flatMap((g) => g.indicators).find((i) => i.unit === 'HSN-SJ');
  const row = page.locator(`balans-widget tr[data-indicator="${tied.id}"]`);
  // What the deviation report itself says for that unit and month: the view shows that figure.
  const want = await page.evaluate(() => {
    const w = document.querySelector('balans-widget');
    return w.activeWorkspace.deviation({ asOf: '2025-08', unit: 'HSN-SJ' }).rows[0].ytd;
  });
  const cell = row.locator('td[data-field="deviation"]');
  assert.equal(await cell.getAttribute('data-amount'), want.deviation);
  assert.match(await cell.innerText(), /^[+−]\d[\d\u00a0]*,\d$/);
  assert.equal(await row.locator('td[data-field="status"]').getAttribute('data-status'), want.status);
  // The unit by its name, not its code.
  const name = doc.units.find((u) => u.id === 'HSN-SJ').name;
  assert.equal(await row.locator('td[data-field="tie"] bdi').innerText(), name);
  assert.doesNotMatch(await row.innerText(), /HSN-SJ/);
  // An indicator tied to nothing says so instead of a figure.
  const untied = doc.goals[0].indicators.find((i) => !i.unit);
  const none = page.locator(`balans-widget tr[data-indicator="${untied.id}"] td[data-field="deviation"]`);
  assert.equal(await none.getAttribute('data-amount'), null);
  assert.equal(await none.locator('.vh').innerText(), 'saknas');
  await page.close();
});

test('the goals view has no axe violations in Swedish or English, with the paste box open', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  for (const lang of ['sv', 'en']) {
    const { page } = await openView('goals', { lang }, context);
    await page.addScriptTag({ path: AXE });
    await page.locator('balans-widget #goals-paste summary').click();
    await page.locator('balans-widget #goals-paste-text').waitFor();
    assert.deepEqual(await axeViolations(page), [], lang);
    if (lang === 'en') assert.match(await page.locator('balans-widget #caption').innerText(), /Goals and indicators as of August 2025/);
    await page.close();
  }
  await context.close();
});

test('keyboard only: Tab reaches every control of the goals view, and goals pasted from Excel are added', async () => {
  const { page, problems } = await openView('goals');
  const focusedId = () => page.evaluate(() => {
    const el = document.querySelector('balans-widget').shadowRoot.activeElement;
    return el ? `${el.localName}#${el.id || el.parentElement.id}` : null;
  });
  await page.locator('balans-widget #as-of').focus();
  const seen = [];
  for (let i = 0; i < 20; i++) {
    seen.push(await focusedId());
    if (seen.at(-1) === 'summary#goals-paste') break;
    await page.keyboard.press('Tab');
  }
  assert.equal(seen.at(-1), 'summary#goals-paste', `the paste box is reached: ${seen.join(' ')}`);
  for (const id of ['select#as-of', 'select#display-unit', 'select#decimals']) assert.ok(seen.includes(id), id);
  await page.keyboard.press('Enter'); // opens the disclosure
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(), 'textarea#goals-paste-text');
  // Higher is better unless said: 6 against a target of 5 is met.
  await page.keyboard.insertText('Mål\tMätetal\tMålvärde\tUtfall\nSäker vård\tVårdskador förebyggda per 1 000 vårddagar\t5\t6\n');
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(), 'button#goals-paste-read');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('balans-widget').report?.counts.total === 31);
  const widget = page.locator('balans-widget');
  assert.equal(await widget.locator('#goals-paste-said').innerText(), '1 tillagda, 0 ersatta.');
  assert.equal(await widget.locator('.goals-total').getAttribute('data-met'), '9');
  assert.equal(await widget.locator('section.goal[data-goal="Säker vård"] h3 bdi').innerText(), 'Säker vård');
  // A table the reader cannot use is refused in words, with its code; nothing is added.
  await widget.locator('#goals-paste-text').fill('Mål\tMätetal\nSäker vård\t\n');
  await widget.locator('#goals-paste-read').press('Enter');
  const said = widget.locator('#goals-paste-said');
  assert.equal(await said.getAttribute('role'), 'alert');
  assert.match(await said.innerText(), /^Tabellen lästes inte in \(E_[A-Z_]+\): .*line 2.*Inget har ändrats\.$/);
  assert.equal(await page.evaluate(() => document.querySelector('balans-widget').report.counts.total), 31);
  assert.deepEqual(problems, []);
  await page.close();
});

/** The demo with hostile names: each ends in RIGHT-TO-LEFT OVERRIDE, which without isolation
 * turns what follows it around ("(2024–2026)" read as "(6202–4202)"). */
const RLO = '\u202e';
function reversingDocument() {
  const doc = demo();
  for (const u of doc.units) u.name = `${u.name} ${RLO}`;
  for (const m of doc.measures) m.title = `${m.title} ${RLO}`;
  for (const p of doc.programmes) p.name = `${p.name} ${RLO}`;
  for (const g of doc.grants) g.name = `${g.name} ${RLO}`;
  for (const g of doc.goals) {
    g.name = `${g.name} ${RLO}`;
    for (const i of g.indicators) i.name = `${i.name} ${RLO}`;
  }
  return doc;
}

/** Every piece of text in the widget holding U+202E that is not isolated: neither inside a <bdi>
 * (or an element isolated by CSS) nor, in plain text (an option, an SVG label, a title), between
 * FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE. */
function unisolated(page) {
  return page.evaluate((rlo) => {
    const root = document.querySelector('balans-widget').shadowRoot;
    const bad = [];
    const isolatedText = (text) => {
      let depth = 0;
      for (const ch of text) {
        if (ch === '\u2068') depth++;
        else if (ch === '\u2069') depth--;
        else if (ch === rlo && depth < 1) return false;
      }
      return true;
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.data.includes(rlo)) continue;
      const parent = node.parentElement;
      const byElement = parent.closest('bdi') || getComputedStyle(parent).unicodeBidi === 'isolate';
      const svgText = parent.closest('svg');
      if (svgText || parent.localName === 'option' || parent.localName === 'title') {
        if (!isolatedText(node.data)) bad.push(`${parent.localName}: ${node.data}`);
      } else if (!byElement) {
        bad.push(`${parent.localName}.${parent.className}: ${node.data}`);
      }
    }
    for (const el of root.querySelectorAll('[aria-label], [title]')) {
      for (const name of ['aria-label', 'title']) {
        const value = el.getAttribute(name);
        if (value?.includes(rlo) && !isolatedText(value) && !(name === 'title' && el.localName === 'bdi')) bad.push(`${el.localName}[${name}]: ${value}`);
      }
    }
    return bad;
  }, RLO);
}

/** Whether `first` is laid out before `second` in `locator` reading left to right, line by line. */
async function readsBefore(locator, first, second) {
  const [a, b] = [await boxOf(locator, first), await boxOf(locator, second)];
  return Math.abs(a.top - b.top) < 2 ? a.left < b.left : a.top < b.top;
}

/** The box of the first occurrence of `text` in `node`'s own text, as laid out. */
function boxOf(locator, text) {
  return locator.evaluate((node, wanted) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = t.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(t, at);
      range.setEnd(t, at + wanted.length);
      const { top, left } = range.getBoundingClientRect();
      return { top, left };
    }
    return null;
  }, text);
}

test('a name ending in U+202E turns nothing after it around, in any view', async () => {
  const doc = reversingDocument();
  const context = await env.browser.newContext();
  await context.route('**/reversing.json', (route) => route.fulfill({ json: doc }));
  for (const view of VIEWS) {
    const { page, problems } = await openView(view, { src: 'reversing.json' }, context);
    assert.deepEqual(await unisolated(page), [], view);
    assert.deepEqual(problems, [], view);
    if (view === 'bridge') {
      // The caption reads in order after the name: "…: Resultatbrygga 2025, prognos per augusti 2025".
      const caption = page.locator('balans-widget table.bridge-table caption');
      assert.equal(await caption.locator('bdi').count(), 1);
      assert.ok(await readsBefore(caption, 'Resultatbrygga', 'augusti'), 'the caption reads in order after the name');
      assert.ok(await readsBefore(caption, 'prognos', 'mnkr'));
    }
    if (view === 'effects') {
      const heading = page.locator('balans-widget .programme h3').first();
      const period = heading.locator('.period');
      const [from, to] = (await period.innerText()).match(/\d{4}/g);
      assert.ok(await readsBefore(period, from, to), `the period reads ${from}–${to} in order`);
    }
    if (view === 'deviation') {
      // A figure beside the name: the row's first figure starts right of its name.
      const row = page.locator('balans-widget tr[data-unit="HSN"]');
      assert.equal(await row.locator('th bdi').innerText(), `${doc.units.find((u) => u.id === 'HSN').name}`.trim());
      const caption = page.locator('balans-widget caption');
      assert.ok(await readsBefore(caption, 'Avvikelse', 'augusti'));
    }
    await page.close();
  }
  await context.close();
});

test('names, not codes, where a person reads: units of measures and grants, cost types with their number', async () => {
  const doc = demo();
  const unitName = (id) => doc.units.find((u) => u.id === id).name;
  const effects = await openView('effects');
  const measure = doc.measures[0];
  const cell = effects.page.locator(`balans-widget tr[data-measure="${measure.id}"] td[data-field="unit"]`);
  assert.equal(await cell.innerText(), unitName(measure.unit));
  await effects.page.close();
  const grants = await openView('grants');
  const grant = doc.grants[0];
  assert.equal(await grants.page.locator(`balans-widget tr[data-grant="${grant.id}"] td[data-unit]`).innerText(), unitName(grant.unit));
  await grants.page.close();
  const deviation = await openView('deviation');
  await deviation.page.locator('balans-widget #by-cost-type').check();
  const type = deviation.page.locator('balans-widget tr.cost-type[data-cost-type-of="R"] th').first();
  await type.waitFor();
  const id = await type.evaluate((th) => th.parentElement.dataset.costType);
  assert.equal(await type.innerText(), `${id} ${doc.costTypes.find((c) => c.id === id).name}`);
  await deviation.page.close();
});

test('without measures the effects view says how to import a register, and takes one pasted', async () => {
  const doc = demo();
  doc.measures = [];
  for (const p of doc.programmes) p.measures = [];
  const context = await env.browser.newContext();
  await context.route('**/bare.json', (route) => route.fulfill({ json: doc }));
  const { page, problems } = await openView('effects', { src: 'bare.json' }, context);
  const widget = page.locator('balans-widget');
  assert.match(await widget.locator('p.empty').innerText(), /Klistra in åtgärdsregistret från Excel/);
  assert.equal(await widget.locator('#entry-measure').count(), 0, 'no empty measure select');
  assert.equal(await widget.locator('#measures-paste').getAttribute('open'), '');
  await widget.locator('#measures-paste-text').fill(
    'Id\tÅtgärd\tEnhet\tStatus\tÅr\tPlanerad effekt\nX1\tFärre hyrläkare\tHSN-SJ\tpågående\t2025\t2 000 000\n');
  await widget.locator('#measures-paste-read').click();
  await widget.locator('tr[data-measure="X1"]').waitFor();
  assert.equal(await widget.locator('tr[data-measure="X1"] td[data-field="unit"]').innerText(), doc.units.find((u) => u.id === 'HSN-SJ').name);
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 1 280 px the deviation table shows its month, year-to-date and full-year groups without scrolling', async () => {
  for (const path of ['', embed({ view: 'deviation' })]) {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page } = await openPage(env, path, null, context);
    await widgetReady(page);
    const box = await page.evaluate(() => {
      const region = document.querySelector('balans-widget').shadowRoot.querySelector('.scroll');
      const groups = [...region.querySelectorAll('thead th[data-group]')].map((th) => th.getBoundingClientRect().right);
      return { right: region.getBoundingClientRect().right, groups };
    });
    assert.equal(box.groups.length, 3, path);
    // The explanations column after the full year may need the box's scroll; the groups may not.
    for (const right of box.groups) assert.ok(right <= box.right + 0.5, `${path || 'app'}: a group ends at ${right}, in the box (${box.right})`);
    await context.close();
  }
});

test('the page is not held narrower than the screen, and a long name never widens it', async () => {
  const doc = demo();
  doc.units[2].name = `Förvaltningen för ${'mycketlångaordutanmellanrum'.repeat(12)}`;
  doc.goals[0].indicators[0].name = 'Ett mätetal med ett mycket långt namn '.repeat(10);
  const context = await env.browser.newContext({ viewport: { width: 1920, height: 1000 } });
  await context.route('**/data.json', (route) => route.fulfill({ json: doc }));
  const { page } = await openPage(env, '', 'body[data-ready]', context);
  await widgetReady(page);
  const width = await page.evaluate(() => document.querySelector('balans-widget').getBoundingClientRect().width);
  assert.ok(width > 1800, `the widget has the screen's width (${width})`);
  await page.close();
  for (const view of VIEWS) {
    const rec = await openView(view, { src: 'data.json' }, context);
    await rec.page.setViewportSize({ width: 1280, height: 800 });
    const sizes = await rec.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(sizes[0] <= sizes[1], `${view}: the page is ${sizes[0]} wide in a ${sizes[1]} window`);
    if (view === 'deviation') {
      // Cut to three lines in the table, the full name its title.
      const name = rec.page.locator(`balans-widget tr[data-unit="${doc.units[2].id}"] th bdi`);
      assert.equal(await name.getAttribute('title'), doc.units[2].name);
      const box = await name.evaluate((el) => ({ height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) }));
      assert.ok(box.height <= 3 * box.line + 1, `three lines at most (${box.height} px, lines of ${box.line} px)`);
    }
    await rec.page.close();
  }
  await context.close();
});

test('every chart has a heading and the width it is shown in', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1920, height: 1000 } });
  for (const [view, selector] of [['grants', 'svg.cliff-chart'], ['bridge', 'svg.bridge-chart'], ['effects', 'svg.chart']]) {
    const { page } = await openView(view, {}, context);
    const seen = await page.evaluate((sel) => {
      const root = document.querySelector('balans-widget').shadowRoot;
      const svg = root.querySelector(sel);
      const section = svg.closest('section');
      const heading = section?.querySelector('h2, h3');
      return { chart: svg.getBoundingClientRect().width, room: root.querySelector('.scroll').clientWidth, heading: heading?.textContent ?? null };
    }, selector);
    assert.ok(seen.heading, `${view}: the chart has a heading`);
    assert.ok(seen.chart > 0.85 * seen.room, `${view}: the chart is ${seen.chart} wide of ${seen.room}`);
    await page.close();
  }
  await context.close();
});

test('captions and the printed title name the unit and month shown', async () => {
  const context = await env.browser.newContext();
  const { page } = await openPage(env, '', 'body[data-ready]', context);
  await widgetReady(page);
  const widget = page.locator('balans-widget');
  const hsn = demo().units.find((u) => u.id === 'HSN').name;
  await widget.locator('#unit').selectOption('HSN');
  await page.waitForFunction(() => document.querySelector('balans-widget').report?.rows[0].unit === 'HSN');
  assert.equal(await widget.locator('caption .title').innerText(), hsn);
  await page.waitForFunction((name) => document.title.includes(name), hsn);
  assert.match(await page.locator('#heading').innerText(), new RegExp(`${hsn}.*augusti 2025`));
  await page.click('#tab-grants');
  await page.waitForFunction(() => document.querySelector('balans-widget').report?.root === 'HSN');
  assert.equal(await widget.locator('#caption .title').innerText(), hsn);
  assert.match(await page.locator('#heading').innerText(), /Statsbidrag[\s\S]*augusti 2025/);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('#heading').isVisible(), 'the printed page carries the heading');
  await context.close();
});
