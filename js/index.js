// The web package's entry, pkg/index.js (`make build` copies it beside wasm-bindgen's balans.js):
// the same API, with a call before init() and a call on a freed Workspace refused with a code
// (guards.js). The names are listed once here; pkg-tests/edge.test.cjs checks they are all of
// balans.js's. Not here: anything else; every value and every other error comes from balans.js.
import init, * as glue from './balans.js';
import { guardedApi } from './guards.js';

let ready = false;

/** Loads the WebAssembly (idempotent; `{ module_or_path }` to say where it is). */
export default async function initBalans(options) {
  const exports = await init(options);
  ready = true;
  return exports;
}

/** Loads the WebAssembly from bytes or a module, at once. */
export function initSync(options) {
  const exports = glue.initSync(options);
  ready = true;
  return exports;
}

export const {
  Workspace, allocateFrame, exportTableCsv, formatAmount, memoryBytes, parseAmount, periodise, readImport, version,
} = guardedApi(glue, () => ready);
