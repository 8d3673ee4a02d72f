// The browser copy that keeps a unit manager's entries and explanations across reloads of a page
// whose widget shows a document from `src`. After every entry or comment the view saves the
// workspace with ws.save(storageKey(src)) (IndexedDB, through the package's js/store.js). On load,
// <balans-widget> asks restoreWorkspace for the workspace of the freshly fetched document, onto
// which the entries and comments of that copy are replayed, so they survive a reload while newer
// source data (another month's outcome) still comes through. A comment kept here replaces the
// source's of the same unit, cost type, month and kind; one removed here but still in the source
// comes back with it. Nothing leaves the browser.
//
// Not here: the standalone app's stored workspace (app.js keeps the whole document, under keys
// of its own), nor the views, which say when to save.

import { Workspace } from '../pkg/index.js';

/** The key of the browser copy of the document at `src` (the key version 0.1 used in
 * localStorage too: a copy still there is moved to IndexedDB when it is first loaded). */
export function storageKey(src) {
  return `balans:${new URL(src, document.baseURI).href}`;
}

/** A Workspace of `doc` with the entries and comments kept in the browser for `src` replayed onto
 * it. One that no longer fits the document (its measure or unit is gone) is skipped, not fatal. */
export async function restoreWorkspace(src, doc) {
  const ws = Workspace.fromJSON(doc);
  if (!src) return ws;
  let stored = null;
  try {
    stored = await Workspace.load(storageKey(src));
  } catch {
    return ws; // storage locked down or the copy unreadable: the source alone
  }
  if (!stored) return ws; // nothing kept for `src` yet
  const entries = stored.effectEntries();
  const comments = stored.toJSON().comments ?? [];
  stored.free();
  for (const comment of comments) {
    try {
      ws.comment(comment);
    } catch {
      // skipped: see above
    }
  }
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
