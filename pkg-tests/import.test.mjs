// The import panel on the demo page in a real headless Chromium (Debian's, driven by
// playwright-core) under the same strict Content-Security-Policy as browser.test.mjs: drop a
// Windows-1252 semicolon CSV and a SIE file, paste a range as Excel puts it on the clipboard, and
// see the figures in the widget; drop a broken file and see the Swedish report while the earlier
// data stays; cancel a large file. Expected figures come from the demo data reckoned in BigInt
// (oracle.mjs) plus the amounts the test itself imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser } from './browser-env.mjs';
import { canonical, demo, outcome } from './oracle.mjs';

const env = useBrowser();

/** Bytes of `text` in a single-byte code page: Windows-1252 or IBM 437 for the letters used. */
function bytes(text, page) {
  const table = page === 437 ? { å: 0x86, ä: 0x84, ö: 0x94, Å: 0x8f, Ä: 0x8e, Ö: 0x99 } : {};
  return [...text].map((c) => {
    const code = table[c] ?? c.charCodeAt(0);
    assert.ok(code < 256, c);
    return code;
  });
}

async function openDemo() {
  return openPage(env, '', 'balans-widget tr[data-unit="R"]');
}

/** Drops a file with these bytes on the panel's drop zone, as a user dragging it there. */
async function drop(page, name, content) {
  const transfer = await page.evaluateHandle(([name, content]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(content)], name));
    return dt;
  }, [name, content]);
  await page.locator('balans-import .drop').dispatchEvent('drop', { dataTransfer: transfer });
}

const amount = (page, unit, field) =>
  page.locator(`balans-widget tr[data-unit="${unit}"] td[data-field="${field}"]`).getAttribute('data-amount');
const status = (page) => page.locator('balans-import .status');

/** Waits for the preview of `label`'s import and confirms it, as a user reading it would. */
async function confirm(page, label) {
  await status(page).filter({ hasText: `Granska vad importen av ${label} gör` }).waitFor();
  await page.locator('balans-import button.confirm').click();
  await status(page).filter({ hasText: `Importen av ${label} är klar.` }).waitFor();
}

/** Waits up to five seconds for `read()` to give `want` (the widget renders in a microtask). */
async function settles(read, want) {
  for (let i = 0; i < 50 && (await read()) !== want; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await read(), want);
}

test('files and pasted ranges are imported into the widget; a broken file changes nothing', async () => {
  const { page, problems } = await openDemo();
  const doc = demo();
  const before = (unit, month) => outcome(doc, unit, month, month);

  // 1. A finance system's CSV: Windows-1252, semicolons, decimal commas, Swedish headers.
  const csv = 'Kostnadsställe;Månad;Utfall\r\nHSN-SJ-AKUT;2025-09;-1 234 567,89\r\nKTN-BUSS;2025-09;"-2 000 000,00"\r\n';
  await drop(page, 'utfall-sep.csv', bytes(csv, 1252));
  await confirm(page, 'utfall-sep.csv');
  await page.locator('balans-widget caption', { hasText: 'september 2025' }).waitFor();
  const report = await page.locator('balans-import .report dl').innerText();
  assert.match(report, /windows-1252/);
  assert.match(report, /semikolon/);
  assert.match(report, /2 lästa, 2 godkända, 0 överhoppade, 0 avvisade/);
  await settles(() => amount(page, 'HSN-SJ-AKUT', 'period.outcome'), canonical(before('HSN-SJ-AKUT', '2025-09') - 123456789n));
  assert.equal(await amount(page, 'HSN-SJ', 'period.outcome'), canonical(before('HSN-SJ', '2025-09') - 123456789n));
  assert.equal(await amount(page, 'KTN', 'period.outcome'), canonical(before('KTN', '2025-09') - 200000000n));

  // 2. A SIE 4 file in IBM 437: objects of dimension 1 are the region's units; a credit on a
  // revenue account (3010) is revenue in the result sign.
  const sie = [
    '#FLAGGA 0', '#FORMAT PC8', '#SIETYP 3', '#FNAMN "Region Exempel"', '#RAR 0 20250101 20251231',
    '#OMFATTN 20251031', '#DIM 1 "Ansvar"', '#OBJEKT 1 "KTN-TAG" "Tågtrafik"', '#KONTO 3010 "Biljettintäkter"',
    '#PSALDO 0 202510 3010 {} -500000.00', '#PSALDO 0 202510 3010 {1 "KTN-TAG"} -500000.00', '',
  ].join('\r\n');
  await drop(page, 'region.se', bytes(sie, 437));
  await confirm(page, 'region.se');
  await page.locator('balans-widget caption', { hasText: 'oktober 2025' }).waitFor();
  assert.match(await page.locator('balans-import .report dl').innerText(), /ibm437/);
  await settles(() => amount(page, 'KTN-TAG', 'period.outcome'), canonical(before('KTN-TAG', '2025-10') + 50000000n));

  // 3. A range copied from Excel: tab-separated text with CRLF, as Excel puts it on the clipboard.
  const range = 'Enhet\tPeriod\tUtfall\r\nRS-IT\t2025-10\t-250 000\r\nRS-FIN\t2025-10\t(1 000,50)\r\n';
  await page.locator('balans-import textarea').evaluate((area, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, range);
  // A textarea keeps line ends as LF.
  assert.equal(await page.locator('balans-import textarea').inputValue(), range.replaceAll('\r\n', '\n'));
  await page.locator('balans-import button', { hasText: 'Importera inklistrat' }).click();
  await confirm(page, 'det inklistrade');
  const rsIt = canonical(before('RS-IT', '2025-10') - 25000000n);
  await settles(() => amount(page, 'RS-IT', 'period.outcome'), rsIt);
  assert.equal(await amount(page, 'RS-FIN', 'period.outcome'), canonical(before('RS-FIN', '2025-10') - 100050n));

  // 4. A broken file: the report in Swedish, located; the figures shown stay as they were.
  const shown = await amount(page, 'KTN', 'period.outcome');
  await drop(page, 'fel.csv', bytes('Enhet;Period;Utfall\r\nKTN;2025-10;tolv\r\nOKÄND;2025-10;5\r\n', 1252));
  await status(page).filter({ hasText: 'fel.csv importerades inte: filen har fel. Inget har ändrats.' }).waitFor();
  const errors = page.locator('balans-import table.errors');
  assert.match(await errors.locator('caption').innerText(), /Fel \(2\)/);
  const first = errors.locator('tbody tr').first();
  assert.equal(await first.getAttribute('data-code'), 'E_PARSE_AMOUNT');
  assert.match(await first.innerText(), /Beloppet kan inte läsas/);
  assert.match(await first.innerText(), /fel\.csv rad 2 kolumn 3 \(Utfall\)/);
  const second = errors.locator('tbody tr').nth(1);
  assert.match(await second.innerText(), /Okänd enhet/);
  // At the unit's own cell, with what would have been accepted in Swedish.
  assert.match(await second.innerText(), /fel\.csv rad 3 kolumn 1 \(Enhet\)/);
  assert.match(await second.innerText(), /Ett enhets-id som finns i arbetsytan/);
  // The counts agree with the verdict: neither row was taken.
  assert.match(await page.locator('balans-import .report dl').innerText(), /2 lästa, 0 godkända, 0 överhoppade, 2 avvisade/);
  assert.doesNotMatch(await page.locator('balans-import .report').innerText(), /null|undefined/);
  assert.equal(await amount(page, 'KTN', 'period.outcome'), shown);
  assert.equal(await amount(page, 'RS-IT', 'period.outcome'), rsIt);
  assert.equal(await page.locator('balans-widget table').isVisible(), true);

  assert.deepEqual(problems, [], 'no console errors, no CSP violations');
  await page.close();
});

test('the preview shows what an import does: cancel changes nothing, confirm adds it where chosen', async () => {
  const { page, problems } = await openDemo();
  const units = () => page.evaluate(() => document.querySelector('balans-widget').activeWorkspace.toJSON().units);
  const before = await units();
  const parent = page.locator('balans-import select#balans-import-parent');
  await parent.focus();
  // The tree is offered by name, the committee among it; nothing is chosen until the user does.
  assert.equal(await parent.inputValue(), '');
  assert.equal(await parent.locator('option').count(), before.length + 1);
  await parent.selectOption('HSN');

  const paste = async () => {
    await page.locator('balans-import textarea').fill('Enhet\tPeriod\tUtfall\nHSN-NY\t2025-09\t-1 000\n');
    await page.locator('balans-import button', { hasText: 'Importera inklistrat' }).click();
    await status(page).filter({ hasText: 'Granska vad importen av det inklistrade gör' }).waitFor();
  };
  await paste();
  const preview = await page.locator('balans-import .report dl').innerText();
  assert.match(preview, /Importen kommer att lägga till\s+1 nya enheter: HSN-NY/);
  assert.match(preview, /1 utfallsrader/);
  assert.equal(await page.locator('balans-import button.confirm').evaluate((b) => b === b.getRootNode().activeElement), true,
    'the confirm button has the focus');
  await page.locator('balans-import button.discard').click();
  await status(page).filter({ hasText: 'Importen avbröts. Inget har ändrats.' }).waitFor();
  assert.deepEqual(await units(), before);

  await paste();
  await page.keyboard.press('Enter'); // the focused confirm button, by keyboard
  await status(page).filter({ hasText: 'Importen av det inklistrade är klar.' }).waitFor();
  const after = await units();
  assert.equal(after.length, before.length + 1);
  assert.deepEqual(after.at(-1), { id: 'HSN-NY', name: 'HSN-NY', parent: 'HSN' });
  // The same range again: the preview says it replaces the row it brings and adds nothing, before
  // anything changes.
  await paste();
  const again = await page.locator('balans-import .report dl').innerText();
  assert.match(again, /Importen kommer att lägga till\s+0 enheter, 0 kostnadsslag, 0 budgetrader, 0 utfallsrader/);
  assert.match(again, /och ersätta det som tidigare importerats för samma nycklar\s+0 enheter, 0 kostnadsslag, 0 budgetrader, 1 utfallsrader/);
  await page.locator('balans-import button.discard').click();
  assert.deepEqual(problems, []);
  await page.close();
});

test('the report counts rows the Swedish way: 1 200, not 1200', async () => {
  const { page, problems } = await openDemo();
  // 1 200 rows of as many accounts: no key twice, so no warning per row.
  const lines = ['Enhet\tKonto\tPeriod\tUtfall'];
  for (let i = 0; i < 1200; i++) lines.push(`KTN\t${4000 + i}\t2025-09\t-1`);
  await page.locator('balans-import textarea').fill(`${lines.join('\n')}\n`);
  await page.locator('balans-import button', { hasText: 'Importera inklistrat' }).click();
  await status(page).filter({ hasText: 'Granska vad importen av det inklistrade gör' }).waitFor();
  const preview = await page.locator('balans-import .report dl').innerText();
  assert.match(preview, /1\u00a0200 lästa, 1\u00a0200 godkända, 0 överhoppade, 0 avvisade/);
  // Some of the accounts are the demo's own already.
  assert.match(preview, /1\u00a01\d\d kostnadsslag, 0 budgetrader, 1\u00a0200 utfallsrader/);
  await page.locator('balans-import button.discard').click();
  assert.deepEqual(problems, []);
  await page.close();
});

test('confirming adds exactly what the preview said: the worker hands the document over as text', async () => {
  const { page, problems } = await openDemo();
  // The worker's answer, as the page receives it.
  await page.evaluate(() => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', ({ data }) => {
          if (data.type === 'done') window.__done = { document: typeof data.document, units: data.units, added: data.report.added };
        });
      }
    };
    document.querySelector('balans-import').addEventListener('balans-import', (e) => { window.__imported = e.detail.report; });
  });
  // September of two units the demo holds (one of them twice: the rows add up), and a new unit.
  const csv = 'Enhet;Enhetsnamn;Period;Utfall\r\nHSN-SJ-AKUT;;2025-09;-1 000\r\nKTN-BUSS;;2025-09;-2 000\r\n'
    + 'KTN-BUSS;;2025-09;-500\r\nNY-AKUT;Nya akuten, Östersund;2025-09;-3 000\r\n';
  const parent = page.locator('balans-import select#balans-import-parent');
  await parent.focus(); // the tree as it is when the user looks
  await parent.selectOption('HSN');
  await drop(page, 'september.csv', bytes(csv, 1252));
  await status(page).filter({ hasText: 'Granska vad importen av september.csv gör' }).waitFor();
  const done = await page.evaluate(() => window.__done);
  assert.equal(done.document, 'string', 'the document crosses from the worker as JSON text');
  assert.deepEqual(done.units, [{ id: 'NY-AKUT', name: 'Nya akuten, Östersund', parent: 'HSN' }]);
  assert.deepEqual([done.added.units, done.added.outcomeRows], [1, 3]);
  const said = await page.locator('balans-import .report dl dd').evaluateAll((dds) => dds.map((d) => d.textContent));
  const preview = said.find((t) => t.includes('nya enheter'));
  assert.equal(preview, '1 nya enheter: Nya akuten, Östersund. 1 enheter, 0 kostnadsslag, 0 budgetrader, 3 utfallsrader, 0 prognosrader');
  await page.locator('balans-import button.confirm').click();
  await status(page).filter({ hasText: 'Importen av september.csv är klar.' }).waitFor();
  const imported = await page.evaluate(() => window.__imported);
  assert.deepEqual(imported.added, done.added, 'what confirming added is what the preview said');
  assert.match(await page.locator('balans-import .report dl').innerText(),
    /Tillagt\s+1 enheter, 0 kostnadsslag, 0 budgetrader, 3 utfallsrader, 0 prognosrader/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a month-end re-import: the worker gets the keys, moved, and the preview says what confirming replaces and adds', async () => {
  const { page, problems } = await openDemo();
  await page.evaluate(() => {
    const Real = window.Worker;
    window.__sent = [];
    window.__done = [];
    window.Worker = class extends Real {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', ({ data }) => {
          if (data.type === 'done') window.__done.push(data.report);
        });
      }
      postMessage(message, transfer) {
        const { context } = message;
        super.postMessage(message, transfer);
        // A transferred buffer is gone from the page once posted.
        window.__sent.push({ bytes: context instanceof Uint8Array, left: context.byteLength });
      }
    };
    window.__imported = [];
    document.querySelector('balans-import').addEventListener('balans-import', (e) => { window.__imported.push(e.detail.report); });
  });
  const file = (months) => 'Enhet;Konto;Period;Utfall\r\n' + months.flatMap((m) => ['KTN-BUSS', 'HSN-SJ-AKUT']
    .map((u) => `${u};4010;2025-${String(m).padStart(2, '0')};-1 000\r\n`)).join('');
  await drop(page, 'utfall-aug.csv', bytes(file([6, 7, 8]), 1252));
  await confirm(page, 'utfall-aug.csv');
  // Next month's file again holds the months before it.
  await drop(page, 'utfall-sep.csv', bytes(file([6, 7, 8, 9]), 1252));
  await confirm(page, 'utfall-sep.csv');
  const { sent, done, imported } = await page.evaluate(() => ({ sent: window.__sent, done: window.__done, imported: window.__imported }));
  assert.deepEqual(sent, [{ bytes: true, left: 0 }, { bytes: true, left: 0 }], 'the context is bytes, moved to the worker');
  assert.deepEqual([done[1].replaced.outcomeRows, done[1].added.outcomeRows], [6, 2]);
  for (const i of [0, 1]) {
    assert.deepEqual(imported[i].added, done[i].added, 'confirming adds what the preview said');
    assert.deepEqual(imported[i].replaced, done[i].replaced, 'and replaces what it said');
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('a large file is read in a worker with a progress bar, and cancel adds nothing', async () => {
  const { page, problems } = await openDemo();
  const before = await amount(page, 'KTN', 'ytd.outcome');
  // 400 000 rows: reading and parsing take long enough to be cancelled.
  const rows = await page.evaluate(() => {
    const lines = ['Enhet;Period;Utfall'];
    for (let i = 0; i < 400000; i++) lines.push(`KTN;2025-0${1 + (i % 8)};-1,25`);
    const file = new File([lines.join('\n')], 'stor.csv');
    const dt = new DataTransfer();
    dt.items.add(file);
    document.querySelector('balans-import').shadowRoot.querySelector('.drop')
      .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    return lines.length - 1;
  });
  assert.equal(rows, 400000);
  const cancel = page.locator('balans-import button.cancel');
  await cancel.waitFor({ state: 'visible' });
  assert.equal(await page.locator('balans-import progress').isVisible(), true);
  await cancel.click();
  await status(page).filter({ hasText: 'Importen avbröts. Inget har ändrats.' }).waitFor();
  await cancel.waitFor({ state: 'hidden' });
  assert.equal(await amount(page, 'KTN', 'ytd.outcome'), before);
  assert.deepEqual(problems, []);
  await page.close();
});
