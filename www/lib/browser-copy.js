// The browser copy that keeps a unit manager's entries across reloads of a page whose widget
// shows a document from `src`. After every entry the view saves the workspace with
// ws.save(storageKey(src)) (localStorage, through the package's gloo-backed save). On load,
// <balans-widget> asks restoreWorkspace for the workspace of the freshly fetched document, onto
// which the entries of that copy are replayed, so the entries survive a reload while newer
// source data (another month's outcome) still comes through. Nothing leaves the browser.
//
// Not here: the standalone app's stored workspace (app.js keeps the whole document, under keys
// of its own), nor the views, which say when to save.

import { Workspace } from '../pkg/balans.js';

/** The localStorage key of the browser copy of the document at `src`. */
export function storageKey(src) {
  return `balans:${new URL(src, document.baseURI).href}`;
}

/** A Workspace of `doc` with the entries kept in the browser for `src` replayed onto it. An
 * entry that no longer fits the document (its measure is gone) is skipped, not fatal. */
export function restoreWorkspace(src, doc) {
  const ws = Workspace.fromJSON(doc);
  if (!src) return ws;
  let stored = null;
  try {
    if (globalThis.localStorage?.getItem(storageKey(src)) == null) return ws;
    stored = Workspace.load(storageKey(src));
  } catch {
    return ws; // storage locked down or the copy unreadable: the source alone
  }
  const entries = stored.effectEntries();
  stored.free();
  for (const entry of entries.slice(ws.effectEntries().length)) {
    try {
      if (entry.kind === 'realised') ws.recordRealised(entry);
      else ws.recordForecast(entry);
    } catch {
      // skipped: see above
    }
  }
  return ws;
}
