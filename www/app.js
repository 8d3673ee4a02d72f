// The standalone app (index.html): every view of <balans-widget> as tabs over one workspace that
// is kept in this browser between visits, the import panel (<balans-import>, import-panel.js) that
// adds CSV, Excel and SIE data to it, "Ångra import" that takes the last import back (the core's
// ws.undoImport; disabled when there is none), export and import of that workspace as a file, the
// service worker that lets the app open with no network, and the date and source a printed
// committee paper carries. It owns the Workspace and hands it to the widget; it never computes a
// figure (the package does) and never sends anything anywhere.
//
// What is stored. In IndexedDB, through the package's ws.save/Workspace.load (its js/store.js:
// database `balans`, object store `workspaces`, records with a `version`), under these keys:
//   balans:app:workspace            the workspace document (its own `schema` field is 1); a copy
//                                   version 0.1 kept in localStorage is moved here once
//   balans:app:unreadable:<time>    a stored copy that could not be read, kept as it was
// In localStorage, small settings only:
//   balans:app:store                STORE_VERSION, the version of this layout of keys
//   balans:app:source               where the workspace came from, for the printed paper
//   balans:app:lang                 the language chosen (sv or en)
// A copy that cannot be read (corrupt, another schema, another store version) is moved aside, not
// deleted, the reader is told, and the app starts from the demo data. A save that fails (the
// browser's storage full) changes nothing: the workspace on screen and the copy stored before
// both stay, and the reader is told to export to a file.

import init, { Workspace } from './pkg/index.js';
import { download, h } from './lib/dom.js';
import { TEXT as WIDGET_TEXT } from './lib/text.js';
import { scriptUrl } from './lib/trusted.js';
import { VIEWS } from './views/registry.js';

const STORE_VERSION = '1';
const KEYS = {
  workspace: 'balans:app:workspace',
  store: 'balans:app:store',
  source: 'balans:app:source',
  unreadable: 'balans:app:unreadable:',
  lang: 'balans:app:lang',
};
const DEMO = 'demo/region-2025.json';

const TEXT = {
  sv: {
    title: WIDGET_TEXT.sv.title,
    heading: 'Budgetuppföljning',
    lead: 'Avvikelse mot budget, effekthemtagning, statsbidragsberoende och mål för regionens nämnder och verksamheter. Välj vy med flikarna och månad och belopp i verktygsraden. Allt räknas i din webbläsare och sparas bara här.',
    skip: 'Hoppa till rapporten',
    language: 'Språk',
    tabs: 'Vyer',
    views: { deviation: 'Avvikelse', effects: 'Effekthemtagning', grants: 'Statsbidrag', bridge: 'Resultatbrygga', goals: 'Mål och mätetal', report: 'Månadsrapport' },
    workspace: 'Arbetsyta',
    export: 'Exportera arbetsytan',
    import: 'Importera arbetsyta (JSON)',
    reset: 'Börja om med demodata',
    undoImport: 'Ångra import',
    undone: (removed, restored) => `Den senaste importen är ångrad: ${removed} tillagda rader togs bort och ${restored} ersatta rader är tillbaka.`,
    footer: 'Allt räknas i din webbläsare. Inga uppgifter skickas någonstans. Appen fungerar utan nätverk efter första besöket.',
    statement: 'Tillgänglighetsredogörelse',
    printed: (date, source) => `Utskrivet ${date}. Källa: ${source}. Beräknat med balans.`,
    demoSource: 'demodata Region Exempel',
    stored: 'sparad arbetsyta',
    imported: (name) => `Arbetsytan från ${name} är inläst och sparad i webbläsaren.`,
    importFailed: (code, message) => `Filen kunde inte läsas in (${code}): ${message} Inget annat har ändrats.`,
    resetDone: 'Demodata är inläst. Den tidigare arbetsytan finns kvar i filen du exporterade, om du gjorde det.',
    unreadable: (code, key) => `Den sparade arbetsytan kunde inte läsas (${code}). Den är inte borttagen: den ligger kvar i webbläsaren under nyckeln ${key}. Appen har startat med demodata.`,
    older: (version, key) => `Den sparade arbetsytan är från en annan version av appen (${version}). Den är inte borttagen: den ligger kvar i webbläsaren under nyckeln ${key}. Appen har startat med demodata.`,
    notSaved: (code) => `Arbetsytan kunde inte sparas i webbläsaren (${code}); exportera den för att inte förlora ändringar.`,
    full: 'Webbläsarens lagring är full: exportera arbetsytan till fil och rensa gamla data (till exempel webbplatsdata för andra sidor). Inget har gått förlorat: arbetsytan på skärmen och den senast sparade kopian finns kvar.',
    resetTitle: 'Börja om med demodata?',
    resetQuestion: 'Arbetsytan i webbläsaren ersätts med demodata. Det du har importerat och matat in försvinner, om du inte först exporterar arbetsytan till fil.',
    resetConfirm: 'Börja om',
    resetCancel: 'Avbryt',
    fileName: 'balans-arbetsyta',
  },
  en: {
    title: WIDGET_TEXT.en.title,
    heading: 'Budget follow-up',
    lead: 'Deviation from budget, savings measures, state-grant dependency and goals for the region’s committees and operations. Pick a view with the tabs, and the month and amounts in the toolbar. Everything is computed in your browser and stored only here.',
    skip: 'Skip to the report',
    language: 'Language',
    tabs: 'Views',
    views: { deviation: 'Deviation', effects: 'Savings measures', grants: 'State grants', bridge: 'Result bridge', goals: 'Goals and indicators', report: 'Monthly report' },
    workspace: 'Workspace',
    export: 'Export the workspace',
    import: 'Import a workspace (JSON)',
    reset: 'Start again with demo data',
    undoImport: 'Undo import',
    undone: (removed, restored) => `The last import is undone: ${removed} rows it added were removed and ${restored} rows it replaced are back.`,
    footer: 'Everything is computed in your browser. Nothing is sent anywhere. The app works without a network after the first visit.',
    statement: 'Accessibility statement (Swedish)',
    printed: (date, source) => `Printed ${date}. Source: ${source}. Computed with balans.`,
    demoSource: 'demo data Region Exempel',
    stored: 'stored workspace',
    imported: (name) => `The workspace from ${name} is loaded and stored in the browser.`,
    importFailed: (code, message) => `The file could not be imported (${code}): ${message} Nothing else has changed.`,
    resetDone: 'The demo data is loaded. The earlier workspace is in the file you exported, if you did.',
    unreadable: (code, key) => `The stored workspace could not be read (${code}). It has not been deleted: it is still in the browser under the key ${key}. The app has started with the demo data.`,
    older: (version, key) => `The stored workspace is from another version of the app (${version}). It has not been deleted: it is still in the browser under the key ${key}. The app has started with the demo data.`,
    notSaved: (code) => `The workspace could not be stored in the browser (${code}); export it so as not to lose changes.`,
    full: 'The browser’s storage is full: export the workspace to a file and clear old data (for instance other sites’ data). Nothing is lost: the workspace on screen and the copy stored last are still there.',
    resetTitle: 'Start again with demo data?',
    resetQuestion: 'The workspace in the browser is replaced by the demo data. What you have imported and entered is gone, unless you first export the workspace to a file.',
    resetConfirm: 'Start again',
    resetCancel: 'Cancel',
    fileName: 'balans-workspace',
  },
};

/** The app's tabs: the views in registry order, the deviation table first. */
const TABS = Object.keys(VIEWS);

const $ = (id) => document.getElementById(id);

/** A stored value, or null where storage is locked down (the app then works without memory). */
function recall(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
let lang = 'sv';
const t = () => TEXT[lang];

/** Tells the reader something in the message area (role="status"; `alert` for what went wrong). */
function say(text, { alert = false } = {}) {
  const box = $('app-message');
  box.setAttribute('role', alert ? 'alert' : 'status');
  box.textContent = text;
  box.hidden = !text;
}

// ── The stored workspace ──────────────────────────────────────────────────────────────────────

/** Set when an unreadable copy could not be moved aside: then nothing is stored over it in this
 * visit, so it is still there to be rescued. */
let storeBlocked = false;

/** Moves an unreadable stored copy aside, unchanged; the key it now has, or the key it stayed
 * under when it could not be moved. */
async function setAside() {
  const key = `${KEYS.unreadable}${new Date().toISOString()}`;
  try {
    await Workspace.moveStored(KEYS.workspace, key);
  } catch {
    storeBlocked = true;
    return KEYS.workspace;
  }
  try { localStorage.setItem(KEYS.store, STORE_VERSION); } catch { /* a setting only */ }
  return key;
}

/** The stored workspace, or null (nothing stored, storage not available, or a copy that had to
 * be set aside: then the reader has been told). */
async function loadStored() {
  let ws;
  try {
    ws = await Workspace.load(KEYS.workspace);
  } catch (err) {
    const code = err?.code ?? 'E_STORAGE';
    // No IndexedDB here (a locked-down browser): nothing to read or set aside; the app works
    // without memory, and says so once.
    if (code === 'E_STORAGE' && /not available/.test(err?.message ?? '')) {
      storeBlocked = true;
      say(t().notSaved(code), { alert: true });
      return null;
    }
    // E_STORAGE too (a record of a later layout): set aside, never stored over.
    say(code === 'E_SCHEMA_VERSION' ? t().older(code, await setAside()) : t().unreadable(code, await setAside()), { alert: true });
    return null;
  }
  if (!ws) return null;
  // Another layout of the app's keys; none at all is taken as this one (the setting is written
  // after the workspace, so a visit closed in between must not set a good copy aside).
  const version = recall(KEYS.store);
  if (version != null && version !== STORE_VERSION) {
    ws.free();
    say(t().older(version, await setAside()), { alert: true });
    return null;
  }
  return ws;
}

/** Keeps `ws` in the browser. `source` names where it came from (null: the demo); left out, the
 * source stays as it was (an entry made in a view). A failure changes nothing stored and is said;
 * resolves to whether the workspace was stored. */
async function store(ws, source) {
  if (storeBlocked) return false;
  try {
    await ws.save(KEYS.workspace);
  } catch (err) {
    const full = /QuotaExceeded/.test(err?.message ?? '');
    say(full ? t().full : t().notSaved(err?.code ?? 'E_STORAGE'), { alert: true });
    return false;
  }
  try {
    localStorage.setItem(KEYS.store, STORE_VERSION);
    if (source) localStorage.setItem(KEYS.source, source);
    else if (source === null) localStorage.removeItem(KEYS.source);
  } catch {
    // settings only: the workspace itself is stored
  }
  return true;
}

async function demoWorkspace() {
  const response = await fetch(DEMO);
  return Workspace.fromJSON(await response.text());
}

// ── The page ─────────────────────────────────────────────────────────────────────────────────

let workspace = null;
let widget = null;

/** Shows `ws` in the widget; the one it replaces is freed once the widget has let go of it. */
function show(ws) {
  const old = workspace;
  workspace = ws;
  // No month: the widget opens on the last booked one (the report's outcomeThrough).
  widget.removeAttribute('as-of');
  widget.workspace = ws;
  if (old && old !== ws) widget.addEventListener('balans-ready', () => old.free(), { once: true });
  printMeta();
  updateUndo();
}

/** "Ångra import" can be pressed only when the workspace has an import to take back (one made in
 * this visit: a stored or loaded workspace has none, and an effect entry makes imports final). */
function updateUndo() {
  $('undo-import').disabled = !(workspace?.importsToUndo() > 0);
}

/** Takes the last import back, stores the workspace as it is again and says what changed. */
function undoImport() {
  const taken = workspace?.undoImport();
  if (!taken) {
    updateUndo();
    return;
  }
  const { replaced, ...added } = taken;
  const count = (summary) => Object.values(summary).reduce((a, b) => a + b, 0);
  store(workspace);
  show(workspace);
  widget.refresh();
  say(t().undone(count(added), count(replaced)));
  // The button went disabled under the keyboard's focus: the reader goes on in the report.
  if ($('undo-import').disabled) $('panel').focus();
}

function printMeta() {
  const source = recall(KEYS.source) || t().demoSource;
  const date = new Date().toISOString().slice(0, 10);
  $('print-meta').textContent = t().printed(date, source);
}

function selectTab(view, { focus = false } = {}) {
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    const selected = tab.dataset.view === view;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected) {
      $('panel').setAttribute('aria-labelledby', tab.id);
      if (focus) tab.focus();
    }
  }
  widget.setAttribute('view', view);
  showTitle();
  history.replaceState(null, '', view === 'deviation' ? location.pathname : `#${view}`);
}

/** The page's title and heading (also the printed paper's): the view, and what the widget shows
 * in it as its caption says (the unit and the month), once it has shown a report. */
function showTitle() {
  const title = t().views[widget.view] ?? widget.view;
  const shown = widget.caption;
  document.title = shown ? `${title}: ${shown} – ${t().title}` : `${title} – ${t().title}`;
  $('heading').replaceChildren(`${t().heading}: ${title}`, ...(shown ? [h('span', { class: 'shown' }, shown)] : []));
}

function buildTabs() {
  const list = $('tabs');
  list.replaceChildren(...TABS.map((view) => h('button', {
    type: 'button', id: `tab-${view}`, role: 'tab', 'aria-controls': 'panel', 'data-view': view,
  }, t().views[view] ?? view)));
  list.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) selectTab(tab.dataset.view);
  });
  // Arrow keys, Home and End move between the tabs and show each (automatic activation).
  list.addEventListener('keydown', (event) => {
    const tabs = [...list.querySelectorAll('[role="tab"]')];
    const index = tabs.indexOf(event.target);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (index < 0 || next === undefined) return;
    event.preventDefault();
    selectTab(tabs[(next + tabs.length) % tabs.length].dataset.view, { focus: true });
  });
}

/** Every text of the page in the chosen language; the widget follows the page's `lang`. */
function applyLanguage() {
  document.documentElement.lang = lang;
  widget?.setAttribute('lang', lang);
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t()[node.dataset.text];
  for (const tab of document.querySelectorAll('[role="tab"]')) tab.textContent = t().views[tab.dataset.view] ?? tab.dataset.view;
  $('language').value = lang;
  // The import panel takes its language when it is built: a fresh one in the new language.
  const panel = $('import-panel');
  if (panel && panel.getAttribute('lang') !== lang) {
    const attributes = Object.fromEntries([...panel.attributes].map(({ name, value }) => [name, value]));
    const fresh = h('balans-import', { ...attributes, lang });
    panel.replaceWith(fresh);
  }
  $('tabs').setAttribute('aria-label', t().tabs);
  printMeta();
  selectTab(widget?.getAttribute('view') ?? 'deviation');
}

function exportWorkspace() {
  const text = `${JSON.stringify(workspace.toJSON(), null, 2)}\n`;
  download(text, `${t().fileName}-${new Date().toISOString().slice(0, 10)}.json`, 'application/json');
}

async function importWorkspace(file) {
  let ws;
  try {
    ws = Workspace.fromJSON(await file.text());
  } catch (err) {
    say(t().importFailed(err?.code ?? 'E_JSON', err?.message ?? String(err)), { alert: true });
    return;
  }
  show(ws);
  // Said once it is true: "stored" only after the store, and the printed source follows it.
  if (!(await store(ws, file.name))) return;
  printMeta();
  say(t().imported(file.name));
}

async function start() {
  const query = new URLSearchParams(location.search);
  lang = (query.get('lang') ?? recall(KEYS.lang)) === 'en' ? 'en' : 'sv';
  await init();
  widget = h('balans-widget', { id: 'report' });
  buildTabs();
  $('panel').append(widget);
  const hash = location.hash.slice(1);
  applyLanguage();
  selectTab(TABS.includes(hash) ? hash : 'deviation');
  let ws = await loadStored();
  if (!ws) {
    ws = await demoWorkspace();
    await store(ws, null);
  }
  show(ws);

  // The title follows what is shown: another view, unit or month.
  widget.addEventListener('balans-ready', showTitle);
  // What the reader enters in a view (effects, explanations) is stored as soon as it is made.
  for (const type of ['balans-entry', 'balans-undo', 'balans-comment']) {
    widget.addEventListener(type, () => {
      store(workspace);
      updateUndo();
    });
  }
  // Data added through the import panel (CSV, Excel paste, SIE) goes into this workspace.
  document.addEventListener('balans-import', () => {
    store(workspace);
    updateUndo();
  });
  $('undo-import').addEventListener('click', undoImport);
  $('language').addEventListener('change', () => {
    lang = $('language').value;
    try { localStorage.setItem(KEYS.lang, lang); } catch { /* not remembered */ }
    applyLanguage();
  });
  $('export').addEventListener('click', exportWorkspace);
  $('import').addEventListener('change', async (event) => {
    const [file] = event.target.files;
    if (file) await importWorkspace(file);
    event.target.value = '';
  });
  // "Börja om" asks first, in a modal <dialog> (Escape and "Avbryt" change nothing).
  $('reset').addEventListener('click', () => {
    $('reset-dialog').returnValue = '';
    $('reset-dialog').showModal();
  });
  $('reset-dialog').addEventListener('close', async () => {
    if ($('reset-dialog').returnValue !== 'confirm') return;
    const ws2 = await demoWorkspace();
    show(ws2);
    say(t().resetDone);
    await store(ws2, null);
  });
  document.body.dataset.ready = 'true';
}

// The service worker keeps the app's files for visits without a network (sw.js).
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  navigator.serviceWorker.register(scriptUrl(new URL('sw.js', document.baseURI))).catch(() => {});
}

start().catch((err) => say(`${err?.code ?? 'E_START'}: ${err?.message ?? err}`, { alert: true }));
