//! Reports as files a committee secretary opens in Excel: the deviation table ([`deviation`]),
//! the entries log ([`entries`]) and any report table given as columns and rows ([`table`]), all
//! written by the one CSV writer ([`csv`]).
//!
//! Not here: computing figures (the engines); reading files (`import`).

pub mod csv;
pub mod deviation;
pub mod entries;
pub mod table;
