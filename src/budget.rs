//! Budget rows to monthly budgets: an annual amount spread by a periodisation method, or twelve
//! months as given. The rules of each method live in [`crate::periodise`]; this module reads the
//! caller's choice of method and its data, the same way for budget rows and for the free
//! `periodise` function.

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::calendar::Month;
use crate::error::{Error, Result};
use crate::model::BudgetRow;
use crate::num::money::{Amount, Months};
use crate::num::weight::Weight;
use crate::periodise::{self, Method, MethodKind, Periodised, Rounding};

/// A budget row's twelve months: as given, or its annual amount periodised. `prior` gives the
/// unit's outcome the year before, for `prior-year` (asked only then: most rows are linear).
pub fn monthly_budget(row: &BudgetRow, prior: impl FnOnce() -> Option<Months>) -> Result<Months> {
    check_year(row.year).map_err(|e| e.at("year"))?;
    match (&row.months, row.annual) {
        (Some(months), None) => {
            if row.method.is_some() || row.weights.is_some() || row.rounding.is_some() {
                let reason = "method, weights and rounding go with annual, not with months";
                return Err(Error::Schema {
                    reason: reason.into(),
                });
            }
            months.as_slice().try_into().map_err(|_| {
                let reason = format!("expected twelve monthly amounts, found {}", months.len());
                Error::Schema { reason }.at("months")
            })
        }
        (None, Some(annual)) => {
            let method = method(row.method.as_deref(), row.weights.as_deref(), prior)?;
            let rounding = row.rounding.unwrap_or_default();
            Ok(periodise::periodise(annual, row.year, &method, rounding)?.months)
        }
        _ => Err(Error::Schema {
            reason: "give either annual (with a method) or months".into(),
        }),
    }
}

/// Builds a periodisation [`Method`] from its name (`linear` when absent) and the data it
/// needs. Shared by budget rows and the free `periodise` function so both accept the same.
fn method(
    name: Option<&str>,
    weights: Option<&[Weight]>,
    prior: impl FnOnce() -> Option<Months>,
) -> Result<Method> {
    let kind = MethodKind::parse(name.unwrap_or("linear")).map_err(|e| e.at("method"))?;
    if kind != MethodKind::Profile && weights.is_some() {
        return Err(Error::Schema {
            reason: "weights only go with the method profile".into(),
        }
        .at("weights"));
    }
    Ok(match kind {
        MethodKind::Linear => Method::Linear,
        MethodKind::Days => Method::Days,
        MethodKind::Workdays => Method::Workdays,
        MethodKind::PriorYear => Method::PriorYear(prior()),
        MethodKind::Profile => {
            let weights = weights.ok_or_else(|| {
                Error::Schema {
                    reason: "the method profile needs twelve weights".into(),
                }
                .at("weights")
            })?;
            let weights: [Decimal; 12] = weights
                .iter()
                .map(|w| w.0)
                .collect::<Vec<_>>()
                .try_into()
                .map_err(|_| {
                    let reason = format!("expected twelve weights, found {}", weights.len());
                    Error::Schema { reason }.at("weights")
                })?;
            Method::Profile(weights)
        }
    })
}

/// Years the calendar knows (its holiday rules hold from 1900 to 2199).
fn check_year(year: i32) -> Result<()> {
    Month::new(year, 1).map(|_| ()).map_err(|_| Error::Schema {
        reason: format!("the year {year} is outside 1900-2199"),
    })
}

/// Options of the free `periodise` function: the year and the method with its data.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PeriodiseOptions {
    pub year: i32,
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub weights: Option<Vec<Weight>>,
    /// Last year's twelve monthly outcomes, for `prior-year`.
    #[serde(default)]
    pub prior_year: Option<Vec<Amount>>,
    #[serde(default)]
    pub rounding: Option<Rounding>,
}

/// Periodises `amount` as `options` say.
pub fn periodise_with(amount: Amount, options: &PeriodiseOptions) -> Result<Periodised> {
    check_year(options.year).map_err(|e| e.at("year"))?;
    let prior = match &options.prior_year {
        None => None,
        Some(months) => Some(months.as_slice().try_into().map_err(|_| {
            let reason = format!("expected twelve monthly amounts, found {}", months.len());
            Error::Schema { reason }.at("priorYear")
        })?),
    };
    let method = method(
        options.method.as_deref(),
        options.weights.as_deref(),
        || prior,
    )?;
    periodise::periodise(
        amount,
        options.year,
        &method,
        options.rounding.unwrap_or_default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(method: &str) -> PeriodiseOptions {
        PeriodiseOptions {
            year: 2025,
            method: Some(method.into()),
            ..Default::default()
        }
    }

    #[test]
    fn the_free_function_reads_the_same_methods_as_budget_rows() {
        let amount = Amount::parse("-1200").unwrap();
        let linear = periodise_with(amount, &options("linear")).unwrap();
        assert!(linear.months.iter().all(|m| m.to_canonical() == "-100"));
        let mut profile = options("profile");
        profile.weights = Some(
            [1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1]
                .map(|w| Weight(w.into()))
                .to_vec(),
        );
        let parts = periodise_with(amount, &profile).unwrap().months;
        assert_eq!(
            (parts[6].to_canonical(), parts[0].to_canonical()),
            ("0".into(), "-120".into())
        );
        let mut prior = options("prior-year");
        prior.prior_year = Some(vec![Amount::ZERO; 11]);
        let e = periodise_with(amount, &prior).unwrap_err();
        assert_eq!((e.code(), e.field()), ("E_SCHEMA", Some("priorYear")));
        let e = periodise_with(
            amount,
            &PeriodiseOptions {
                year: 99,
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("year"));
    }
}
