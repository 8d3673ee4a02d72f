//! A unit manager's entries (inrapportering): this month's realised effect and a new forecast
//! of a measure, each kept in a log so it can be undone and exported for the controller.
//!
//! An entry replaces the value it names (a month's realised effect, or a forecast made in a
//! month) and remembers the value it replaced; undo pops the last entry and puts that value
//! back. The log is part of the workspace document, so it survives a save and a reload.
//!
//! Not here: the log as a file for the controller (`export::entries`).

use crate::calendar::Month;
use crate::error::{Error, Result};
use crate::num::money::Amount;

use super::measure::check_ore;
use crate::model::{EffectEntry, EffectForecast, Realised, SavingsMeasure, Stage};

impl EffectEntry {
    pub fn measure(&self) -> &str {
        match self {
            EffectEntry::Realised { measure, .. } | EffectEntry::Forecast { measure, .. } => {
                measure
            }
        }
    }
}

fn find<'a>(measures: &'a mut [SavingsMeasure], id: &str) -> Result<&'a mut SavingsMeasure> {
    measures
        .iter_mut()
        .find(|m| m.id == id)
        .ok_or_else(|| Error::UnknownMeasure { id: id.into() }.at("measure"))
}

/// Sets `measure`'s realised effect for `month` to `amount` (negative for a correction).
pub fn record_realised(
    measures: &mut [SavingsMeasure],
    log: &mut Vec<EffectEntry>,
    measure: &str,
    month: Month,
    amount: Amount,
) -> Result<EffectEntry> {
    check_ore(amount).map_err(|e| e.at("amount"))?;
    let m = find(measures, measure)?;
    let previous = set_realised(m, month, Some(amount));
    let entry = EffectEntry::Realised {
        measure: measure.into(),
        month,
        amount,
        previous,
    };
    log.push(entry.clone());
    Ok(entry)
}

/// Sets `measure`'s forecast of `year` made in `made` to `amount`. A forecast is made in its
/// year or the year before, is not negative, and a cancelled measure takes none.
pub fn record_forecast(
    measures: &mut [SavingsMeasure],
    log: &mut Vec<EffectEntry>,
    measure: &str,
    year: i32,
    made: Month,
    amount: Amount,
) -> Result<EffectEntry> {
    check_ore(amount).map_err(|e| e.at("amount"))?;
    if amount < Amount::ZERO {
        let reason = "a forecast effect cannot be negative".into();
        return Err(Error::Schema { reason }.at("amount"));
    }
    if made.year() != year && made.year() != year - 1 {
        let reason = format!("a forecast of {year} is made in {year} or {}", year - 1);
        return Err(Error::option(reason).at("made"));
    }
    let m = find(measures, measure)?;
    if m.status == Stage::Cancelled {
        let reason = format!("the measure {measure:?} is cancelled; it takes no forecast");
        return Err(Error::option(reason).at("measure"));
    }
    let previous = set_forecast(m, year, made, Some(amount));
    let entry = EffectEntry::Forecast {
        measure: measure.into(),
        year,
        made,
        amount,
        previous,
    };
    log.push(entry.clone());
    Ok(entry)
}

/// Undoes the last entry: the value it replaced comes back. `None` when the log is empty.
pub fn undo(
    measures: &mut [SavingsMeasure],
    log: &mut Vec<EffectEntry>,
) -> Result<Option<EffectEntry>> {
    let Some(entry) = log.last() else {
        return Ok(None);
    };
    let m = find(measures, entry.measure())?;
    match entry {
        EffectEntry::Realised {
            month, previous, ..
        } => {
            set_realised(m, *month, *previous);
        }
        EffectEntry::Forecast {
            year,
            made,
            previous,
            ..
        } => {
            set_forecast(m, *year, *made, *previous);
        }
    }
    Ok(log.pop())
}

/// Puts `value` in the month (removes it for `None`) and returns what was there.
fn set_realised(m: &mut SavingsMeasure, month: Month, value: Option<Amount>) -> Option<Amount> {
    let at = m.realised.iter().position(|r| r.month == month);
    let previous = at.map(|i| m.realised[i].amount);
    match (at, value) {
        (Some(i), Some(amount)) => m.realised[i].amount = amount,
        (Some(i), None) => {
            m.realised.remove(i);
        }
        (None, Some(amount)) => {
            let i = m.realised.partition_point(|r| r.month < month);
            m.realised.insert(i, Realised { month, amount });
        }
        (None, None) => {}
    }
    previous
}

fn set_forecast(
    m: &mut SavingsMeasure,
    year: i32,
    made: Month,
    value: Option<Amount>,
) -> Option<Amount> {
    let at = m
        .forecasts
        .iter()
        .position(|f| f.year == year && f.made == made);
    let previous = at.map(|i| m.forecasts[i].amount);
    match (at, value) {
        (Some(i), Some(amount)) => m.forecasts[i].amount = amount,
        (Some(i), None) => {
            m.forecasts.remove(i);
        }
        (None, Some(amount)) => m.forecasts.push(EffectForecast { year, made, amount }),
        (None, None) => {}
    }
    previous
}

/// Checks a log read from a document: every entry names a measure of the register.
pub fn check(measures: &[SavingsMeasure], log: &[EffectEntry]) -> Result<()> {
    for (i, entry) in log.iter().enumerate() {
        if !measures.iter().any(|m| m.id == entry.measure()) {
            let err = Error::UnknownMeasure {
                id: entry.measure().into(),
            };
            return Err(err.at("measure").at(format!("effectEntries[{i}]")));
        }
    }
    Ok(())
}
