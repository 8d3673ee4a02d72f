//! Months side by side (månad för månad): for a unit's subtree and a year, each month's budget,
//! outcome and deviation, the cumulative ones, the full-year forecast as it stood at the end of
//! each month, and, where the document holds the year before, last year's outcome for the same
//! month and the change. The committee paper draws its month charts from this, and a view asks
//! for it on its own for any unit (`ws.months`).
//!
//! Not here: the forecast rule (a forecast is the whole subtree's, `dataset::subtree`), which this
//! reads month by month; materiality, which the deviation report judges.

use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::dataset::{Dataset, Slice};
use crate::error::Result;
use crate::num::money::{Amount, Months};

/// What a month series is for.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MonthsOptions {
    /// The month reported on, `YYYY-MM`; its year is the year shown.
    pub as_of: String,
    /// The unit whose subtree is shown; the root when absent.
    #[serde(default)]
    pub unit: Option<String>,
}

/// One month of the year.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthRow {
    pub month: Month,
    pub budget: Amount,
    /// Absent after the report's month or the last booked month: a month not booked is not zero.
    pub outcome: Option<Amount>,
    /// `outcome − budget`; absent without outcome.
    pub deviation: Option<Amount>,
    /// January through this month.
    pub cumulative_budget: Amount,
    pub cumulative_outcome: Option<Amount>,
    pub cumulative_deviation: Option<Amount>,
    /// The full-year forecast (helårsprognos) as it stood at the end of this month: the latest
    /// made in or before it. Absent after the report's month and before the first forecast.
    pub forecast: Option<Amount>,
    /// The month that forecast was made.
    pub forecast_made: Option<Month>,
    /// Last year's outcome for the same month; absent where the document holds none.
    pub prior_outcome: Option<Amount>,
    /// `outcome − priorOutcome`; absent without either.
    pub change: Option<Amount>,
}

/// A unit's year month by month.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthsReport {
    pub unit: String,
    pub name: String,
    pub year: i32,
    pub as_of: Month,
    /// The last month of the year with outcome booked in the subtree.
    pub outcome_through: Option<Month>,
    /// The last month of the year before with outcome booked in the subtree; absent when the
    /// document holds none for that year.
    pub prior_outcome_through: Option<Month>,
    pub full_year_budget: Amount,
    /// January to December.
    pub months: Vec<MonthRow>,
}

impl MonthsReport {
    /// The row of `month`, if it is of the report's year.
    pub fn row(&self, month: Month) -> Option<&MonthRow> {
        self.months.iter().find(|r| r.month == month)
    }
}

/// The month series of `options.unit` (the root when absent).
pub fn report(data: &Dataset, options: &MonthsOptions) -> Result<MonthsReport> {
    let as_of = Month::parse(&options.as_of).map_err(|e| e.at("asOf"))?;
    let tree = &data.tree;
    let pos = match &options.unit {
        Some(id) => tree.position(id).map_err(|e| e.at("unit"))?,
        None => tree.root(),
    };
    let year = as_of.year();
    let budgets = subtree_sum(data, pos, |p| data.budget_in(p, year, Slice::All));
    let outcomes = subtree_sum(data, pos, |p| data.outcome_in(p, year, Slice::All));
    let priors = subtree_sum(data, pos, |p| data.outcome_in(p, year - 1, Slice::All));
    let outcome_through = data.outcome_through(year)[pos];
    let prior_outcome_through = data.outcome_through(year - 1)[pos];
    let shown_through = outcome_through.map(|b| b.min(as_of));

    let mut months = Vec::with_capacity(12);
    let (mut cum_budget, mut cum_outcome) = (Amount::ZERO, Amount::ZERO);
    for month in Month::months_of(year) {
        let i = month.index();
        let booked = shown_through.is_some_and(|b| month <= b);
        let outcome = booked.then_some(outcomes[i]);
        cum_budget += budgets[i];
        cum_outcome += outcomes[i];
        let cumulative_outcome = booked.then_some(cum_outcome);
        let forecast = (month <= as_of)
            .then(|| data.forecasts(year, month, Slice::All)[pos])
            .filter(|f| f.made.is_some());
        let prior_outcome = prior_outcome_through
            .filter(|p| p.number() >= month.number())
            .map(|_| priors[i]);
        months.push(MonthRow {
            month,
            budget: budgets[i],
            outcome,
            deviation: outcome.map(|o| o - budgets[i]),
            cumulative_budget: cum_budget,
            cumulative_outcome,
            cumulative_deviation: cumulative_outcome.map(|o| o - cum_budget),
            forecast: forecast.map(|f| f.amount),
            forecast_made: forecast.and_then(|f| f.made),
            prior_outcome,
            change: outcome.zip(prior_outcome).map(|(o, p)| o - p),
        });
    }
    let unit = tree.unit(pos);
    Ok(MonthsReport {
        unit: unit.id.clone(),
        name: unit.name.clone(),
        year,
        as_of,
        outcome_through,
        prior_outcome_through,
        full_year_budget: cum_budget,
        months,
    })
}

/// The months of every unit in the subtree of `pos`, added up.
fn subtree_sum(data: &Dataset, pos: usize, own: impl Fn(usize) -> Months) -> Months {
    let mut sum = [Amount::ZERO; 12];
    for p in data.tree.subtree(pos) {
        for (s, a) in sum.iter_mut().zip(own(p)) {
            *s += a;
        }
    }
    sum
}
