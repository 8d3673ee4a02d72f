// The shape of www/, held so that it does not drift back: every file the app and the widget load
// is in the service worker's list (and every file listed exists), no file is longer than the
// house limit, each starts with a header comment, and the shared helpers (the DOM and SVG
// builders, the month names) exist once, in www/lib/. Node only: it reads the files and runs none
// of them; what they do is the browser suites' (browser, app, safety, effects, grants, bridge).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = fileURLToPath(new URL('../www/', import.meta.url));
/** Lines a file may have; "about 600" in the house rules, more only for one table or one list. */
const LIMIT = 600;
const LONG = {
  'demo/region-2025.json': 'the demo document: data',
  'balans-widget.css': 'the widget stylesheet, to be split by view (www/views/*.css) once loading them cannot flash unstyled',
};
/** Files of www/ the app does not load: the service worker itself, the demo's generator, and the
 * script a host page loads to size its frame of embed.html. */
const NOT_SERVED = ['sw.js', 'demo/generate.mjs', 'embed-host.js'];

async function walk(dir = WWW, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) out.push(...await walk(join(dir, entry.name), `${path}/`));
    else out.push(path);
  }
  return out.sort();
}

const read = (path) => readFile(join(WWW, path), 'utf8');
const scripts = async () => (await walk()).filter((f) => /\.m?js$/.test(f));

test('the service worker keeps every file the app loads, and lists none that is missing', async () => {
  const sw = await read('sw.js');
  const list = /const ASSETS = \[([^\]]*)\]/.exec(sw)?.[1];
  assert.ok(list, 'sw.js has its ASSETS list');
  const assets = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const expected = ['./', 'pkg/index.js', 'pkg/guards.js', 'pkg/balans.js', 'pkg/balans_bg.wasm', ...(await walk()).filter((f) => !NOT_SERVED.includes(f))];
  assert.deepEqual([...assets].sort(), expected.sort());
});

test(`no file of www/ is longer than ${LIMIT} lines, but those named with their reason`, async () => {
  const long = [];
  for (const file of await walk()) {
    const lines = (await read(file)).split('\n').length - 1;
    if (lines > LIMIT && !LONG[file]) long.push(`${file}: ${lines}`);
  }
  assert.deepEqual(long, []);
});

test('every script, stylesheet and page of www/ starts with a header comment', async () => {
  const bare = [];
  for (const file of await walk()) {
    const head = (await read(file)).slice(0, 200);
    const ok = /\.m?js$/.test(file) ? head.startsWith('//')
      : file.endsWith('.css') ? head.startsWith('/*')
        : file.endsWith('.html') ? /^<!doctype html>\s*<!--/i.test(head)
          : true; // data and images
    if (!ok) bare.push(file);
  }
  assert.deepEqual(bare, []);
});

test('the DOM and SVG builders and the month names exist once, in www/lib/', async () => {
  const once = [
    [/\bdocument\.createElement\(/, 'lib/dom.js'],
    [/\bfunction h\(/, 'lib/dom.js'],
    [/\bcreateElementNS\(/, 'lib/svg.js'],
    [/['"](januari|January|okt|Oct)['"]/, 'lib/months.js'],
  ];
  const found = [];
  for (const file of await scripts()) {
    if (file === 'demo/generate.mjs') continue; // Node, no DOM
    const text = await read(file);
    for (const [pattern, home] of once) if (file !== home && pattern.test(text)) found.push(`${file}: ${pattern}`);
  }
  assert.deepEqual(found, []);
});
