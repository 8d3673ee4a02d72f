//! The entries log (inrapportering) as a file for the controller (`exportEntriesCsv`): one row
//! per entry, oldest first, with the measure's title and unit; amounts in kronor to the öre as
//! numbers.
//!
//! Not here: recording and undoing entries (`effects::entries`) or how a cell is written
//! ([`super::csv`]).

use crate::model::{EffectEntry, SavingsMeasure};
use crate::num::money::Amount;

use super::csv::{Cell, Csv};

const HEADER: [&str; 8] = [
    "Åtgärd",
    "Benämning",
    "Enhet",
    "Typ",
    "År",
    "Månad",
    "Belopp",
    "Tidigare belopp",
];

/// The log as CSV for Excel in Swedish ([`super::csv`]).
pub fn to_csv(measures: &[SavingsMeasure], log: &[EffectEntry]) -> String {
    let mut csv = Csv::new();
    csv.header(&HEADER);
    for entry in log {
        let m = measures.iter().find(|m| m.id == entry.measure());
        let (title, unit) = m.map_or(("", ""), |m| (m.title.as_str(), m.unit.as_str()));
        let (kind, year, month, amount, previous) = match entry {
            EffectEntry::Realised {
                month,
                amount,
                previous,
                ..
            } => ("Realiserad effekt", month.year(), month, amount, previous),
            EffectEntry::Forecast {
                year,
                made,
                amount,
                previous,
                ..
            } => ("Prognos", *year, made, amount, previous),
        };
        csv.row(&[
            Cell::text(entry.measure()),
            Cell::text(title),
            Cell::text(unit),
            Cell::text(kind),
            Cell::Number(year.into()),
            Cell::text(month.to_string()),
            Cell::Number(amount.decimal()),
            Cell::number(previous.map(Amount::decimal)),
        ]);
    }
    csv.finish()
}
