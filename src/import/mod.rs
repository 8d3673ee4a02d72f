//! Readers that turn what people have into a workspace document. Schema 1 JSON only, for now;
//! CSV, pasted Excel ranges and SIE 4 join here.

pub mod json;
pub mod measures;
