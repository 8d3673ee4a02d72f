//! Forecast accuracy (prognossäkerhet), once a year's outcome is known: for each forecast the
//! error against the outcome, the bias (mean error: optimistic or pessimistic), the mean absolute
//! error, the revision series and the longest run of revisions in one direction. Judges
//! forecasts after the fact; the deviation report holds them against projections during the year.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::dataset::{Dataset, Slice};
use crate::error::{Error, Result};
use crate::num::money::{round_half_away, Amount};
use crate::num::ratio::Percent;
use crate::org::UnitHeader;

use super::outlook::{outlooks, year_budgets, Outlook};
use super::rolled;

/// Which year and subtree to judge.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccuracyOptions {
    /// The fiscal year whose forecasts are judged against its outcome.
    pub year: i32,
    #[serde(default)]
    pub unit: Option<String>,
}

/// One forecast against the outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ForecastError {
    pub made: Month,
    pub forecast: Amount,
    /// `forecast − budget`, as the forecast said then.
    pub deviation: Amount,
    /// `forecast − outcome`: positive means the forecast was too rosy.
    pub error: Amount,
    /// `error / |gross cost|` in percent; absent where the gross cost is unknown or zero.
    pub error_percent: Option<Percent>,
}

/// How much a forecast moved from the one before it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Revision {
    pub made: Month,
    /// `forecast − previous forecast`: positive is a revision for the better.
    pub change: Amount,
}

/// Which way forecasts leaned, or revisions ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tendency {
    /// Forecasts better than the outcome (mean error > 0), or revisions for the better.
    Optimistic,
    /// Forecasts worse than the outcome (mean error < 0), or revisions for the worse.
    Pessimistic,
    Neutral,
}

/// The longest stretch of consecutive revisions in one direction.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    /// How many revisions in a row.
    pub length: usize,
    /// `optimistic` when each revised the forecast up (better), `pessimistic` when down.
    pub direction: Tendency,
    pub from: Month,
    pub to: Month,
}

/// One unit's forecasts for the year against its outcome, for its whole subtree.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccuracyRow {
    #[serde(flatten)]
    pub head: UnitHeader,
    pub budget: Amount,
    /// The year's booked outcome (every month of it).
    pub outcome: Amount,
    /// The last month with outcome booked in the subtree; December when the year is closed.
    pub outcome_through: Option<Month>,
    /// `outcome − budget`.
    pub deviation: Amount,
    /// `deviation / |budget|`; absent where the budget is zero.
    pub percent: Option<Percent>,
    /// The year's outcome of the cost rows (cost types of kind `cost`, and the negative rows
    /// without a cost type); absent where no row is a cost.
    pub gross_cost: Option<Amount>,
    /// Each month someone in the subtree made a forecast: the subtree's forecast that month.
    pub forecasts: Vec<ForecastError>,
    pub revisions: Vec<Revision>,
    /// Mean error (to the öre); absent without forecasts.
    pub bias: Option<Amount>,
    pub tendency: Option<Tendency>,
    pub mean_absolute_error: Option<Amount>,
    pub longest_run: Option<Run>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccuracyReport {
    pub name: Option<String>,
    pub year: i32,
    pub root: String,
    pub rows: Vec<AccuracyRow>,
}

/// Judges the forecasts of `options.year` in the tree (or the subtree of `options.unit`).
pub fn report(
    data: &Dataset,
    name: Option<&str>,
    options: &AccuracyOptions,
) -> Result<AccuracyReport> {
    let months = Month::new(options.year, 1)
        .map(|_| Month::months_of(options.year))
        .map_err(|_| {
            Error::option(format!("the year {} is outside 1900-2199", options.year)).at("year")
        })?;
    let tree = &data.tree;
    let start = match &options.unit {
        Some(id) => tree.position(id).map_err(|e| e.at("unit"))?,
        None => tree.root(),
    };
    // The whole year once; for each month only the forecasts (a full roll-up is a report's work).
    let year_end = &rolled(data, months[11], Slice::All);
    let year_budgets = year_budgets(data, options.year);
    let by_month: Vec<Vec<Outlook>> = months
        .iter()
        .map(|&m| outlooks(data, &year_budgets, m))
        .collect();
    let gross: Vec<Option<Amount>> = {
        let own: Vec<GrossCost> = (0..tree.len())
            .map(|pos| GrossCost(data.gross_cost(pos, options.year, true)))
            .collect();
        tree.roll_up(&own).into_iter().map(|g| g.0).collect()
    };
    let last_booked = data.outcome_through(options.year);
    let base_depth = tree.depth(start);
    let rows = tree
        .subtree(start)
        .map(|pos| {
            let t = &year_end[pos];
            let outcome = t.ytd.outcome;
            let budget = t.year_budget;
            let forecasts: Vec<ForecastError> = months
                .iter()
                .zip(&by_month)
                .filter(|(m, totals)| totals[pos].forecast_month == Some(**m))
                .map(|(m, totals)| {
                    let forecast = totals[pos].forecast;
                    let error = forecast - outcome;
                    ForecastError {
                        made: *m,
                        forecast,
                        deviation: forecast - budget,
                        error,
                        error_percent: gross[pos].and_then(|g| Percent::of(error, g)),
                    }
                })
                .collect();
            let revisions: Vec<Revision> = forecasts
                .windows(2)
                .map(|w| Revision {
                    made: w[1].made,
                    change: w[1].forecast - w[0].forecast,
                })
                .collect();
            let errors: Vec<Amount> = forecasts.iter().map(|f| f.error).collect();
            let bias = mean(&errors);
            AccuracyRow {
                head: tree.header(pos, base_depth),
                budget,
                outcome,
                outcome_through: last_booked[pos],
                deviation: outcome - budget,
                percent: Percent::of(outcome - budget, budget),
                gross_cost: gross[pos],
                bias,
                tendency: bias.map(tendency),
                mean_absolute_error: mean(&errors.iter().map(|e| e.abs()).collect::<Vec<_>>()),
                longest_run: longest_run(&revisions),
                forecasts,
                revisions,
            }
        })
        .collect();
    Ok(AccuracyReport {
        name: name.map(str::to_string),
        year: options.year,
        root: tree.unit(start).id.clone(),
        rows,
    })
}

/// Rolls gross costs up, known where any unit below knows it.
#[derive(Clone, Copy)]
struct GrossCost(Option<Amount>);

impl std::ops::AddAssign<&GrossCost> for GrossCost {
    fn add_assign(&mut self, other: &GrossCost) {
        self.0 = match (self.0, other.0) {
            (Some(a), Some(b)) => Some(a + b),
            (a, b) => a.or(b),
        };
    }
}

/// The mean to the öre, rounded half away from zero; `None` for no values.
fn mean(values: &[Amount]) -> Option<Amount> {
    let n = Decimal::from(values.len());
    let sum: Amount = values.iter().sum();
    let mean = sum.decimal().checked_div(n)?;
    Some(Amount::new(round_half_away(mean, 2)))
}

fn tendency(bias: Amount) -> Tendency {
    match bias.decimal().cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Greater => Tendency::Optimistic,
        std::cmp::Ordering::Less => Tendency::Pessimistic,
        std::cmp::Ordering::Equal => Tendency::Neutral,
    }
}

/// The longest run of revisions with the same sign; a zero revision ends a run. The earliest
/// wins a tie.
fn longest_run(revisions: &[Revision]) -> Option<Run> {
    let mut best: Option<Run> = None;
    let mut current: Option<Run> = None;
    for r in revisions {
        let direction = tendency(r.change);
        current = match (current, direction) {
            (_, Tendency::Neutral) => None,
            (Some(run), d) if run.direction == d => Some(Run {
                length: run.length + 1,
                to: r.made,
                ..run
            }),
            _ => Some(Run {
                length: 1,
                direction,
                from: r.made,
                to: r.made,
            }),
        };
        if let Some(run) = &current {
            if best.as_ref().map_or(true, |b| run.length > b.length) {
                best = Some(run.clone());
            }
        }
    }
    best
}
