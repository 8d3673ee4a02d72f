//! The JavaScript edge: the only module that knows `wasm_bindgen` and `js_sys`. It converts
//! values and errors; it computes nothing.
//!
//! Amounts cross as decimal strings, options and reports as plain JSON-compatible objects
//! (objects, not `Map`s; `null`, not `undefined`), errors as real `Error`s with a `code`.
//!
//! One file per exported class or group of functions: `workspace.rs` (the `Workspace` class),
//! `functions.rs` (the free functions). Under them, each in one place: reading inputs and
//! writing reports (`convert.rs`), the memory a large input needs (`memory.rs`), the
//! `Error` → JS `Error` conversion (`errors.rs`),
//! IndexedDB (`storage.rs` over `js/store.js`), and the TypeScript in `types/*.d.ts`. Within
//! the edge, uses point one way: `memory`, then `convert`, then `errors` and `storage`, then
//! `functions` and `workspace`.
//!
//! Not here: any figure, check, format or join of engines, which the core computes.

mod convert;
mod errors;
mod functions;
mod memory;
mod storage;
mod types;
mod workspace;

pub use functions::{
    allocate_frame, export_table_csv, format_amount, memory_bytes, parse_amount, periodise,
    read_import, version,
};
pub use workspace::Workspace;
