// The Node package's entry, pkg-node/index.mjs (`make build` copies it beside wasm-bindgen's
// CommonJS balans.js; `require` loads it too, Node 20.19 and later): the same API, with a call on
// a freed Workspace refused with a code (guards.js, copied as guards.mjs; the Node build is ready once loaded). The
// names are listed once here; pkg-tests/edge.test.cjs checks they are all of balans.js's.
import glue from './balans.js';
import { guardedApi } from './guards.mjs';

export const {
  Workspace, allocateFrame, exportTableCsv, formatAmount, memoryBytes, parseAmount, periodise, readImport, version,
} = guardedApi(glue, () => true);
