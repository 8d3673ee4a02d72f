// Explanations and actions in the deviation view, in a real headless Chromium under the strict
// CSP: written with the keyboard alone in the standalone app and still there after a reload
// (IndexedDB); Escape cancels and focus goes back to the button; the "Saknar förklaring" list
// takes focus to its row; a comment with a right-to-left override (U+202E) does not turn the
// row's figures around; axe-core finds nothing with the editor open, in Swedish and English; and
// a plain embedded element (embed.html?src=…) saves one and tells its host.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser } from './browser-env.mjs';
import { axeViolations, widgetReady } from './axe.mjs';

const env = useBrowser();

async function openApp(context, path = '') {
  const rec = await openPage(env, path, 'body[data-ready]', context);
  await widgetReady(rec.page);
  return rec;
}

/** The focused element inside the widget's shadow root: `{ tag, cls, unit, expanded }`. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el && {
      tag: el.tagName.toLowerCase(), cls: el.className, type: el.type ?? null,
      unit: el.closest?.('tr')?.dataset.unit ?? null, expanded: el.getAttribute('aria-expanded'),
    };
  });
}

/** Presses Tab until the focus is on a comments button (at most `max` times). */
async function tabToCommentButton(page, max = 300) {
  for (let i = 0; i < max; i++) {
    const at = await focused(page);
    if (at?.cls === 'comment') return at;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached a comments button');
}

/** Starts listening for balans-comment on `selector` (the document for null), before the key that
 * fires it is pressed; `heard` then waits (up to 10 s) for the first one. */
const listen = (page, selector) => page.evaluate((selector) => {
  window.heardComment = new Promise((resolve) => {
    (selector ? document.querySelector(selector) : document).addEventListener('balans-comment',
      (e) => resolve({ detail: e.detail, composed: e.composed }), { once: true });
  });
}, selector);
const heard = (page) => page.evaluate(() => Promise.race([window.heardComment,
  new Promise((_, reject) => setTimeout(() => reject(new Error('no balans-comment')), 10_000))]));
const shadow = (page, selector) => page.locator(`balans-widget >> ${selector}`);
const editorOpen = (page) => page.evaluate(() => document.querySelector('balans-widget').shadowRoot.querySelector('dialog.comment-editor')?.open ?? false);

test('keyboard only: an explanation written in the app is shown beside its row and still there after a reload', async () => {
  const context = await env.browser.newContext();
  const { page, problems } = await openApp(context);
  await page.focus('#language');
  const start = await tabToCommentButton(page);
  assert.equal(start.expanded, 'false');

  // Escape cancels: nothing saved, focus back on the button.
  await page.keyboard.press('Enter');
  assert.equal(await editorOpen(page), true);
  assert.equal((await focused(page)).type, 'radio', 'focus goes into the editor');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Inte detta');
  await page.keyboard.press('Escape');
  assert.equal(await editorOpen(page), false);
  // The dialog's close event (which marks the button collapsed) comes in a task of its own.
  await page.waitForFunction(() => document.querySelector('balans-widget').shadowRoot.activeElement?.getAttribute('aria-expanded') === 'false');
  assert.deepEqual(await focused(page), start);

  // Enter opens it again; the kind, the text, the author; Enter in the author's field saves.
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).expanded, null);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).tag, 'textarea');
  await page.keyboard.type('Hyrläkare under sommaren, 1,2 mnkr');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Anna Berg');
  await listen(page, 'balans-widget');
  await page.keyboard.press('Enter');
  const { detail } = await heard(page);
  assert.equal(detail.action, 'saved');
  assert.equal(detail.comment.text, 'Hyrläkare under sommaren, 1,2 mnkr');
  assert.equal(await editorOpen(page), false);
  const back = await focused(page);
  assert.equal(back.cls, 'comment');
  assert.equal(back.unit, start.unit, 'focus back on the row’s button');
  const cell = shadow(page, `tr[data-unit="${start.unit}"] td.comments`);
  assert.match(await cell.innerText(), /Förklaring: Hyrläkare under sommaren, 1,2 mnkr \(skriven av Anna Berg\)/);
  assert.match(await shadow(page, `tr[data-unit="${start.unit}"] button.comment`).innerText(), /Förklaring \(1\)/);

  // The app stores the workspace on balans-comment; after a reload the comment is still there.
  for (let i = 0; i < 100; i++) {
    const saved = await page.evaluate(async () => JSON.stringify(await (await import('/pkg/balans.js')).Workspace.load('balans:app:workspace').then((w) => w?.toJSON().comments ?? null)));
    if (saved?.includes('Hyrläkare under sommaren')) break;
    await page.waitForTimeout(100);
  }
  await page.reload();
  await page.locator('body[data-ready]').waitFor();
  await widgetReady(page);
  assert.match(await shadow(page, `tr[data-unit="${start.unit}"] td.comments`).innerText(), /Hyrläkare under sommaren/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the list of missing explanations takes focus to its row; explaining a row takes it off the list', async () => {
  const context = await env.browser.newContext();
  const { page } = await openApp(context);
  const summary = shadow(page, 'details.missing summary');
  const count = async () => Number((await summary.innerText()).match(/\((\d+)\)/)[1]);
  const before = await count();
  assert.ok(before > 0, 'the demo has material deviations without an explanation');
  // The demo's month lacks many: the list starts closed under its count; Enter opens it.
  assert.equal(await shadow(page, 'details.missing').evaluate((d) => d.open), false);
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const unit = await page.evaluate(() => document.querySelector('balans-widget').shadowRoot.activeElement?.dataset.unit);
  assert.equal(unit, await shadow(page, 'details.missing li button').first().getAttribute('data-unit'));
  await page.keyboard.press('Enter');
  const at = await focused(page);
  assert.deepEqual([at.cls, at.unit], ['comment', unit]);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Förklarad');
  await shadow(page, 'dialog.comment-editor button[type="submit"]').press('Enter');
  // A negative material deviation still needs an action: the row stays until both are written.
  const report = await page.evaluate((unit) => document.querySelector('balans-widget').report.missingExplanations.filter((m) => m.unit === unit && !m.costType), unit);
  assert.ok(report.every((m) => m.missing.join() === 'action'), JSON.stringify(report));
  const rowMissing = report.length > 0;
  assert.equal(await count(), rowMissing ? before : before - 1);
  await context.close();
});

test('a comment with a right-to-left override does not turn its row’s figures around', async () => {
  const context = await env.browser.newContext();
  const { page } = await openApp(context);
  const unit = await shadow(page, 'tbody tr[data-unit] button.comment').first().evaluate((b) => b.closest('tr').dataset.unit);
  const row = shadow(page, `tr[data-unit="${unit}"]`);
  const figures = () => row.locator('td[data-field]').evaluateAll((tds) => tds.map((td) => td.textContent));
  // Where each character of a figure is drawn, left to right: a reversed figure draws its last
  // digit first.
  const drawn = () => row.locator('td[data-field]').evaluateAll((tds) => tds.map((td) => {
    const text = td.firstChild?.nodeType === Node.TEXT_NODE ? td.firstChild : td.querySelector('*')?.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) return [];
    const range = document.createRange();
    return [...text.data].map((_, i) => {
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      return Math.round(range.getBoundingClientRect().left);
    });
  }));
  const ascending = (xs) => xs.every((x, i) => i === 0 || x >= xs[i - 1]);
  const before = await figures();
  const positions = await drawn();
  assert.ok(positions.some((xs) => xs.length > 3), 'figures with several characters are measured');
  const hostile = '\u202E<img src=x onerror=alert(1)> =HYPERLINK("http://example.invalid") 12 345';
  await page.evaluate(({ unit, hostile }) => {
    const widget = document.querySelector('balans-widget');
    const asOf = widget.report.asOf;
    widget.workspace.comment({ unit, month: asOf, kind: 'explanation', text: hostile, author: hostile });
    widget.refresh();
  }, { unit, hostile });
  await page.waitForFunction((unit) => document.querySelector('balans-widget').shadowRoot
    .querySelector(`tr[data-unit="${unit}"] td.comments li`) != null, unit);
  assert.deepEqual(await figures(), before, 'the figures’ text is the same');
  const after = await drawn();
  assert.ok(after.every(ascending), `every figure is drawn left to right: ${JSON.stringify(after)}`);
  assert.deepEqual(after.map((xs) => xs.map((x) => x - xs[0])), positions.map((xs) => xs.map((x) => x - xs[0])),
    'each figure’s characters stand as they did');
  // After the comment, in the same cell, "skriven av" is still drawn left to right: the override
  // ends with the <bdi> it is in.
  const meta = await row.locator('td.comments .meta').evaluate((span) => {
    const text = [...span.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.includes('skriven av'));
    const range = document.createRange();
    return [...text.data].map((_, i) => {
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      return Math.round(range.getBoundingClientRect().left);
    }).filter((_, i) => text.data[i] !== ' ');
  });
  assert.ok(meta.length > 5 && ascending(meta), `the words after the comment are not reversed: ${meta}`);
  const isolated = await row.locator('td.comments bdi.text').evaluate((b) => [b.textContent, getComputedStyle(b).unicodeBidi, b.querySelector('img') == null]);
  assert.deepEqual(isolated, [hostile, 'isolate', true], 'the text is isolated, as written, never markup');
  await context.close();
});

test('axe-core finds nothing with the editor open, in Swedish and in English', async () => {
  const context = await env.browser.newContext({ bypassCSP: true }); // axe-core is injected
  const { page } = await openApp(context);
  for (const lang of ['sv', 'en']) {
    await page.selectOption('#language', lang);
    await page.waitForFunction((lang) => document.documentElement.lang === lang, lang);
    await widgetReady(page);
    await shadow(page, 'button.comment').first().click();
    assert.equal(await editorOpen(page), true);
    // The action's fields too: choose the kind "action".
    await shadow(page, 'dialog.comment-editor input[value="action"]').check();
    assert.deepEqual(await axeViolations(page), [], `editor open (${lang})`);
    await page.keyboard.press('Escape');
    assert.equal(await editorOpen(page), false);
    assert.deepEqual(await axeViolations(page), [], `table with comments column and missing list (${lang})`);
  }
  await context.close();
});

test('a plain embedded element saves a comment, tells its host and keeps it in its browser copy', async () => {
  const context = await env.browser.newContext();
  const { page, problems } = await openPage(env, 'embed.html?src=demo/region-2025.json', null, context);
  await widgetReady(page);
  await listen(page, null);
  const button = shadow(page, 'button.comment').first();
  const unit = await button.evaluate((b) => b.closest('tr').dataset.unit);
  await button.click();
  await shadow(page, 'dialog.comment-editor input[value="action"]').check();
  // A blank text is refused in the page's language, at the field, and the editor stays open.
  await shadow(page, 'dialog.comment-editor textarea').fill('   ');
  await shadow(page, 'dialog.comment-editor button[type="submit"]').click();
  assert.equal(await shadow(page, '#comment-error').innerText(), 'Skriv en text.');
  assert.equal(await shadow(page, 'dialog.comment-editor textarea').getAttribute('aria-invalid'), 'true');
  assert.equal(await editorOpen(page), true);
  await shadow(page, 'dialog.comment-editor textarea').fill('Egen rekrytering');
  await shadow(page, '#comment-owner').fill('Verksamhetschef');
  await shadow(page, '#comment-due').fill('2025-12');
  await shadow(page, 'dialog.comment-editor button[type="submit"]').click();
  const { detail, composed } = await heard(page);
  assert.equal(composed, true);
  assert.deepEqual([detail.comment.kind, detail.comment.owner, detail.comment.due], ['action', 'Verksamhetschef', '2025-12']);
  assert.match(await shadow(page, `tr[data-unit="${unit}"] td.comments`).innerText(), /Åtgärd: Egen rekrytering \(Ansvarig: Verksamhetschef, klart senast december 2025/);
  await page.waitForTimeout(300); // the browser copy is saved asynchronously
  await page.reload();
  await widgetReady(page);
  assert.match(await shadow(page, `tr[data-unit="${unit}"] td.comments`).innerText(), /Egen rekrytering/);
  assert.deepEqual(problems, []);
  await context.close();
});
