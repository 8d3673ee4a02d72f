// The web package's workspace store: one IndexedDB database where `ws.save(key)` and
// `Workspace.load(key)` (src/wasm/storage.rs, which imports this file as a wasm-bindgen snippet;
// wasm-pack copies it to pkg/snippets/) keep a workspace's JSON text under a key.
//
//   database `balans`, version 1 (DB_VERSION; `upgrade` brings any older database up to it)
//   object store `workspaces`, out-of-line keys: the caller's key, e.g. "balans:app:workspace"
//   record { version: 1, text, savedAt }: `version` is the layout of the record (RECORD_VERSION),
//     `text` the workspace's schema 1 JSON, `savedAt` an ISO time
//
// The text, not a structured clone of the document: one string is written and read in one piece
// (README, "Performance"). A workspace found under the same key in `localStorage` (where version
// 0.1 kept it) is moved here once when it is first loaded, and the old key removed.
//
// Every function answers with a promise that settles to `{ value }` or `{ error }` (never
// rejects): the Rust side turns `error` into the coded `E_STORAGE`. Not here: the JSON text
// itself (the core writes and reads it), any figure, and the app's small settings.

const DATABASE = 'balans';
const DB_VERSION = 1;
const STORE = 'workspaces';
const RECORD_VERSION = 1;

/** The open database, shared by every call of this page (reset when opening fails). */
let opened = null;

/** Brings a database from `oldVersion` to DB_VERSION, one step per version. */
function upgrade(db, oldVersion) {
  if (oldVersion < 1) db.createObjectStore(STORE);
}

function open() {
  opened ??= new Promise((resolve, reject) => {
    const idb = globalThis.indexedDB;
    if (!idb) {
      reject(new Error('IndexedDB is not available here'));
      return;
    }
    const request = idb.open(DATABASE, DB_VERSION);
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
    request.onsuccess = () => {
      const db = request.result;
      // A newer version of the app in another tab wants to upgrade: let it.
      db.onversionchange = () => {
        db.close();
        opened = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the store is held open by another tab of an older version; close it and try again'));
  }).catch((error) => {
    opened = null;
    throw error;
  });
  return opened;
}

/** Runs `work(store)` in one transaction; its answer once the transaction has committed. */
async function transact(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    let tx;
    let answer;
    try {
      tx = db.transaction(STORE, mode);
      answer = work(tx.objectStore(STORE));
    } catch (error) {
      try { tx?.abort(); } catch { /* already aborted */ }
      reject(error);
      return;
    }
    tx.oncomplete = () => resolve(typeof answer === 'function' ? answer() : answer);
    tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
  });
}

/** A plain Error naming what went wrong; a full store says what to do. */
function explain(error) {
  const name = error?.name ?? 'Error';
  const text = error?.message ?? String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(text)) {
    return new Error(`QuotaExceededError: the browser's storage is full (${text}); export the workspace to a file and clear old data. The stored copy is unchanged.`);
  }
  return new Error(name === 'Error' ? text : `${name}: ${text}`);
}

const settled = (promise) => promise.then((value) => ({ value }), (error) => ({ error: explain(error) }));

function put(key, text) {
  const record = { version: RECORD_VERSION, text, savedAt: new Date().toISOString() };
  return transact('readwrite', (store) => {
    store.put(record, key);
  });
}

/** The text of a stored record, or an error for a record of a later layout. */
function textOf(record, key) {
  if (record.version === RECORD_VERSION && typeof record.text === 'string') return record.text;
  throw new Error(`the copy under ${JSON.stringify(key)} has record version ${record.version}, which this version of balans does not read`);
}

/** The copy under `key` kept in localStorage by version 0.1, moved here (once), or null. */
async function migrate(key) {
  let old = null;
  try {
    old = globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null; // localStorage locked down: nothing to migrate
  }
  if (old == null) return null;
  try {
    await put(key, old);
  } catch {
    return old; // no room here: it stays in localStorage, read from there, and is moved next time
  }
  // Removed only once the copy here has committed: a failed move loses nothing.
  globalThis.localStorage.removeItem(key);
  return old;
}

/** Keeps `text` under `key`, replacing what was there only once the new copy is written. */
export function saveText(key, text) {
  return settled(put(key, text));
}

/** The text kept under `key` (moved here from localStorage if it is still there), or null. */
export function loadText(key) {
  return settled((async () => {
    const record = await transact('readonly', (store) => {
      const request = store.get(key);
      return () => request.result;
    });
    if (record !== undefined) return textOf(record, key);
    return migrate(key); // null: nothing kept under `key`
  })());
}

/** Moves the record under `from` to `to` unchanged (an unreadable copy set aside). */
export function moveStored(from, to) {
  return settled(transact('readwrite', (store) => {
    const request = store.get(from);
    request.onsuccess = () => {
      if (request.result === undefined) return;
      store.put(request.result, to);
      store.delete(from);
    };
  }));
}
