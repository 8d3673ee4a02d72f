//! The outlook (utsikt) of every unit for the reports that look at many months of a year:
//! its year's budget and its latest forecast as of a month, rolled up the tree. Escalation
//! asks it for every month since the first forecast, accuracy for every month of the year.
//!
//! Not the month, tertial and year-to-date sums: [`super::rolled`] adds those up too, which
//! is the whole report's work for one month, not for twelve.

use std::ops::AddAssign;

use crate::calendar::Month;
use crate::num::money::Amount;
use crate::dataset::Dataset;

/// A unit's year's budget and latest forecast, of its own rows or (rolled up) its subtree's;
/// the same figures as in [`super::Totals`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Outlook {
    pub year_budget: Amount,
    /// Latest forecast, or the year's budget for a unit that has none.
    pub forecast: Amount,
    pub forecast_month: Option<Month>,
}

impl AddAssign<&Outlook> for Outlook {
    fn add_assign(&mut self, other: &Outlook) {
        self.year_budget += other.year_budget;
        self.forecast += other.forecast;
        self.forecast_month = self.forecast_month.max(other.forecast_month);
    }
}

/// Each unit's own budget for `year`, by position: what [`outlooks`] starts from every month.
pub(crate) fn year_budgets(data: &Dataset, year: i32) -> Vec<Amount> {
    (0..data.tree.len())
        .map(|pos| data.budget(pos, year).iter().sum())
        .collect()
}

/// Every unit's outlook as of `month`, rolled up the tree (by position); `year_budgets` are
/// the units' own for the month's year, from [`year_budgets`].
pub(crate) fn outlooks(data: &Dataset, year_budgets: &[Amount], month: Month) -> Vec<Outlook> {
    let own: Vec<Outlook> = year_budgets
        .iter()
        .enumerate()
        .map(|(pos, &year_budget)| {
            let forecast = data.latest_forecast(pos, month.year(), month);
            Outlook {
                year_budget,
                forecast: forecast.map_or(year_budget, |(_, amount)| amount),
                forecast_month: forecast.map(|(made, _)| made),
            }
        })
        .collect();
    data.tree.roll_up(&own)
}
