//! Reports as files a committee secretary opens in Excel: the deviation table ([`deviation`]),
//! the entries log ([`entries`]) and any report table given as columns and rows ([`table`]), all
//! written by the one CSV writer ([`csv`]).
//!
//! The deviation table is also given as a table of strings (`deviationTable`) which the widget
//! writes as .xlsx in JavaScript (www/lib/xlsx.js), loaded only when someone exports: the same
//! writer in Rust added 3,932 bytes gzip to the WebAssembly every page loads (459,149 →
//! 463,081), the JS module a few kilobytes to the first export alone (README, "Export to
//! Excel").
//!
//! Not here: computing figures (the engines); reading files (`import`).

pub mod csv;
pub mod deviation;
pub mod entries;
pub mod table;
