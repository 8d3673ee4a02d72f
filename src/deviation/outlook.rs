//! The outlook (utsikt) of every unit for the reports that look at many months of a year:
//! its year's budget and its latest forecast as of a month, rolled up the tree. Escalation
//! asks it for every month since the first forecast, accuracy for every month of the year.
//!
//! Not the month, tertial and year-to-date sums: [`super::rolled`] adds those up too, which
//! is the whole report's work for one month, not for twelve.

use crate::calendar::Month;
use crate::dataset::{Dataset, Slice};
use crate::num::money::Amount;

/// A unit's year's budget and latest forecast for its subtree; the same figures as in
/// [`super::Totals`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Outlook {
    pub year_budget: Amount,
    /// The subtree's forecast, or its budget where none counts here.
    pub forecast: Amount,
    pub forecast_month: Option<Month>,
}

/// Every unit's outlook as of `month`, by position: `year_budgets` are the subtrees' for the
/// month's year, from [`year_budgets`]; the forecast is the subtree's
/// ([`Dataset::forecasts`]).
pub(crate) fn outlooks(data: &Dataset, year_budgets: &[Amount], month: Month) -> Vec<Outlook> {
    data.forecasts(month.year(), month, Slice::All)
        .into_iter()
        .zip(year_budgets)
        .map(|(f, &year_budget)| Outlook {
            year_budget,
            forecast: f.amount,
            forecast_month: f.made,
        })
        .collect()
}

/// Each unit's subtree budget for `year`, by position: what [`outlooks`] is given every month.
pub(crate) fn year_budgets(data: &Dataset, year: i32) -> Vec<Amount> {
    let own: Vec<Amount> = (0..data.tree.len())
        .map(|pos| data.budget(pos, year).iter().sum())
        .collect();
    data.tree.roll_up(&own)
}
