//! Numbers: exact money ([`money`]) and how it is written ([`format`]), non-money weights ([`weight`]), percentages ([`ratio`]) and
//! the canonical decimal text they cross the JavaScript boundary in ([`canonical`]).
//!
//! Not here: what the numbers mean (the engines) or where they come from (the importers).

pub mod canonical;
pub mod format;
pub mod money;
pub mod ratio;
pub mod weight;
