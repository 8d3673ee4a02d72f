// The import panel's Web Worker: reads a dropped file in chunks (reporting progress) and parses it
// with the package's readImport, so a large file never freezes the page. It adds nothing to any
// workspace: the page's Workspace adds the document it sends back (importJson), all or nothing.
// The document comes back as JSON text (one string, copied whole), never as objects: a region's
// year is a million rows, which as objects took seconds to clone and convert. The page's workspace
// comes as its importContext(), bytes moved here: its units and cost types and the keys of its
// rows, all the preview needs, where its whole document (a year of amounts) took seconds to write,
// send and read.
//
// Messages in:  { format: 'csv' | 'paste' | 'sie', file?: File, text?: string, options,
//                 context (the page workspace's importContext(), in the transfer list) }
// Messages out: { type: 'progress', loaded, total } | { type: 'parsing' }
//               | { type: 'done', report, document (JSON text), units } | { type: 'failed', error }

import init, { readImport } from './pkg/index.js';

const ready = init();

/** The bytes of a File, read chunk by chunk with a progress message after each. */
async function readAll(file) {
  const total = file.size;
  const bytes = new Uint8Array(total);
  let loaded = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value.subarray(0, total - loaded), loaded);
    loaded += value.length;
    self.postMessage({ type: 'progress', loaded: Math.min(loaded, total), total });
  }
  return bytes;
}

/** A thrown Error as plain data that survives postMessage, code and report included. */
function plain(err) {
  const out = { code: typeof err?.code === 'string' ? err.code : 'E_WORKER', message: err?.message ?? String(err) };
  for (const key of ['field', 'line', 'column', 'report']) {
    if (err?.[key] !== undefined) out[key] = err[key];
  }
  return out;
}

self.onmessage = async ({ data }) => {
  try {
    await ready;
    const input = data.file ? await readAll(data.file) : data.text;
    self.postMessage({ type: 'parsing' });
    const { report, document, units } = readImport(data.format, input, data.options, data.context);
    self.postMessage({ type: 'done', report, document, units });
  } catch (err) {
    self.postMessage({ type: 'failed', error: plain(err) });
  }
};
