// The app's service worker: after one visit the app opens and works with no network. Cache-first
// for the app's own files, kept in a cache named by VERSION (bump it with every release; the old
// caches are deleted when the new worker takes over). The data document is network-first, so a
// newer month's outcome comes through when there is a network. It caches only GET requests to
// this origin and never contacts anyone else. Not a sync or a background worker.

const VERSION = 'balans-v5';
const ASSETS = [
  './', 'index.html', 'app.js', 'app.css', 'favicon.svg',
  'balans-widget.js', 'balans-widget.css', 'toolbar.js',
  'lib/browser-copy.js', 'lib/dom.js', 'lib/months.js', 'lib/numbers.js', 'lib/svg.js', 'lib/text.js',
  'lib/trusted.js', 'lib/xlsx.js',
  'views/registry.js', 'views/deviation.js', 'views/deviation-columns.js', 'views/deviation-chart.js',
  'views/deviation-comments.js',
  'views/effects.js', 'views/effects.css', 'views/effects-chart.js',
  'views/grants.js', 'views/grants-chart.js', 'views/bridge.js', 'views/goals.js', 'views/register-paste.js',
  'views/report.js', 'views/report.css', 'views/report-chart.js',
  'import-panel.js', 'import-panel.css', 'import-worker.js',
  'pkg/index.js', 'pkg/guards.js', 'pkg/balans.js', 'pkg/balans_bg.wasm',
  'embed.html', 'embed.js', 'embed.css',
  'demo/region-2025.json',
];

/** ASSETS and the package's JS snippets (pkg/snippets/<crate-hash>/js/store.js, the workspace
 * store), whose path the glue names and the build decides. */
async function assets() {
  const glue = await (await fetch('pkg/balans.js')).text();
  const snippets = [...glue.matchAll(/from ['"]\.\/(snippets\/[^'"]+)['"]/g)].map((m) => `pkg/${m[1]}`);
  return [...ASSETS, ...snippets];
}

self.addEventListener('install', (event) => {
  event.waitUntil(Promise.all([caches.open(VERSION), assets()])
    .then(([cache, all]) => cache.addAll(all))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('balans-') && k !== VERSION).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

/** The cached copy, else the network's (stored for next time). */
async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: request.mode === 'navigate' });
  if (cached) return cached;
  return fetchAndKeep(request);
}

/** The network's copy (stored), else the cached one. */
async function networkFirst(request) {
  try {
    return await fetchAndKeep(request);
  } catch (err) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw err;
  }
}

async function fetchAndKeep(request) {
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(VERSION).then((cache) => cache.put(request, copy));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(url.pathname.endsWith('.json') ? networkFirst(event.request) : cacheFirst(event.request));
});
