//! The hand-written TypeScript of the package: one `.d.ts` file per subject, each brought into
//! the generated `balans.d.ts` whole by one `typescript_custom_section` below. Each interface
//! and type is declared once, in one of these files (pkg-tests/types.test.mjs fails on a second
//! declaration); the files name each other's types freely, as they all land in that one file,
//! which wasm-bindgen writes sorted by their text, not in this order.
//!
//! Not here: the declarations of the `Workspace` class and of `version`, which wasm-bindgen
//! writes from the Rust signatures, their `unchecked_param_type` / `unchecked_return_type` and
//! their doc comments.

use wasm_bindgen::prelude::*;

/// Amounts, months and percentages as strings, levels, methods; `BalansError`.
#[wasm_bindgen(typescript_custom_section)]
const COMMON: &str = include_str!("common.d.ts");

/// `WorkspaceDocument` (schema 1) and its rows: units, cost types, budget, outcome, forecasts,
/// one-offs, volumes, thresholds.
#[wasm_bindgen(typescript_custom_section)]
const DOCUMENT: &str = include_str!("document.d.ts");

/// `importCsv`, `importPaste`, `importSie`, `readImport`: options, issues, the import report,
/// `ImportSummary` (items per list) and `Imported`, what any import added and replaced, and
/// `ImportContext`, what `readImport` is given of the workspace.
#[wasm_bindgen(typescript_custom_section)]
const IMPORT: &str = include_str!("import.d.ts");

/// `deviation` and `accuracy`: options, rows, reports.
#[wasm_bindgen(typescript_custom_section)]
const DEVIATION: &str = include_str!("deviation.d.ts");

/// `bridge`: the result bridge's options and report.
#[wasm_bindgen(typescript_custom_section)]
const BRIDGE: &str = include_str!("bridge.d.ts");

/// `committeeReport` and `months`: the committee paper's options, sections and blocks, and the
/// month series.
#[wasm_bindgen(typescript_custom_section)]
const COMMITTEE: &str = include_str!("committee.d.ts");

/// Effect tracking (effekthemtagning): measures, programmes, entries, the effects report.
#[wasm_bindgen(typescript_custom_section)]
const EFFECTS: &str = include_str!("effects.d.ts");

/// State grants (statsbidrag): the register, options, the dependency report.
#[wasm_bindgen(typescript_custom_section)]
const GRANTS: &str = include_str!("grants.d.ts");

/// Goals (mål) and indicators (mätetal): input and the goals report.
#[wasm_bindgen(typescript_custom_section)]
const GOALS: &str = include_str!("goals.d.ts");

/// Explanations and actions (avvikelseförklaringar): the comment, its key, what is missing.
#[wasm_bindgen(typescript_custom_section)]
const COMMENTS: &str = include_str!("comments.d.ts");

/// The free functions' signatures (their Rust side says `skip_typescript`) and their types.
#[wasm_bindgen(typescript_custom_section)]
const FUNCTIONS: &str = include_str!("functions.d.ts");
