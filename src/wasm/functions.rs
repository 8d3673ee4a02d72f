//! The free functions, for single jobs without a workspace: `parseAmount`, `formatAmount`,
//! `periodise`, `allocateFrame`, `exportTableCsv`, `memoryBytes`, `version`, and `readImport`,
//! which reads a file in a Web Worker without adding it anywhere. Their TypeScript is hand-written in `types/functions.d.ts` (hence
//! `skip_typescript`), except `version`'s, which wasm-bindgen writes.
//!
//! Not here: the `Workspace` class (`workspace.rs`); how inputs are read and results written
//! (`convert.rs`) and errors thrown (`errors.rs`).

use wasm_bindgen::prelude::*;

use crate::budget::{self, PeriodiseOptions};
use crate::export::table::ExportTable;
use crate::frame::{self, Share};
use crate::import::{self, ImportOptions};
use crate::num::format::FormatOptions;
use crate::num::money::Amount;

use super::convert;
use super::errors::js_error;

/// Reads a file or pasted text without adding it (see the TypeScript doc of `readImport`).
#[wasm_bindgen(js_name = readImport, skip_typescript)]
pub fn read_import(
    format: JsValue,
    input: JsValue,
    options: JsValue,
    context: JsValue,
) -> Result<JsValue, JsValue> {
    let format = convert::text(format, "format")
        .and_then(|f| import::Format::parse(&f).map_err(|e| e.at("format")))
        .map_err(js_error)?;
    let bytes = convert::bytes(input, "input").map_err(js_error)?;
    let options: ImportOptions = convert::options_or_default(options).map_err(js_error)?;
    let context = convert::context(context).map_err(js_error)?;
    let (document, mut report) =
        import::preview(format, bytes.into(), &options, &context).map_err(js_error)?;
    drop(context);
    report.added = document.would_add(&report.replaced);
    convert::read_import(&report, &document).map_err(js_error)
}

/// Reads sv-SE or plain text as an exact amount and returns it as a canonical decimal string.
#[wasm_bindgen(js_name = parseAmount, skip_typescript)]
pub fn parse_amount(text: JsValue) -> Result<String, JsValue> {
    convert::text(text, "text")
        .and_then(|text| Amount::parse(&text))
        .map(Amount::to_canonical)
        .map_err(js_error)
}

/// Formats an amount in sv-SE with a display unit and decimals, rounded half away from zero.
#[wasm_bindgen(js_name = formatAmount, skip_typescript)]
pub fn format_amount(value: JsValue, options: JsValue) -> Result<String, JsValue> {
    let amount = convert::amount(value, "amount").map_err(js_error)?;
    let options: FormatOptions = convert::options_or_default(options).map_err(js_error)?;
    amount.format_with(&options).map_err(js_error)
}

/// Writes a table of columns and rows (a report's table) as CSV for Excel in Swedish.
#[wasm_bindgen(js_name = exportTableCsv, skip_typescript)]
pub fn export_table_csv(table: JsValue) -> Result<String, JsValue> {
    let table: ExportTable = convert::options(table).map_err(js_error)?;
    table.to_csv().map_err(js_error)
}

/// Spreads an annual amount over twelve months; the parts sum exactly to it.
#[wasm_bindgen(skip_typescript)]
pub fn periodise(value: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let amount = convert::amount(value, "amount").map_err(js_error)?;
    let options: PeriodiseOptions = convert::options(options).map_err(js_error)?;
    let done = budget::periodise_with(amount, &options).map_err(js_error)?;
    convert::periodised(&done).map_err(js_error)
}

/// Splits a frame (ram) by percentage shares, exactly; a remainder row when they miss 100 %.
#[wasm_bindgen(js_name = allocateFrame, skip_typescript)]
pub fn allocate_frame(frame: JsValue, shares: JsValue) -> Result<JsValue, JsValue> {
    let frame = convert::amount(frame, "frame").map_err(js_error)?;
    let shares: Vec<Share> = convert::options(shares).map_err(js_error)?;
    convert::to_js(&frame::allocate_frame(frame, &shares).map_err(js_error)?).map_err(js_error)
}

/// The version of balans, e.g. "0.1.0".
/// How many bytes of WebAssembly memory the package holds now (it grows and never shrinks): to see
/// what a workload costs, and that refused inputs cost nothing.
#[wasm_bindgen(js_name = memoryBytes, skip_typescript)]
pub fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
