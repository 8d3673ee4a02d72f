//! Deviation analysis (avvikelseanalys): for every unit of the tree, rolled up, the month's, the
//! tertial's, the year-to-date and the full-year budget against outcome and the latest forecast,
//! with materiality statuses, one-off items and the underlying deviation, the two naive
//! projections, escalation of committees, the volume and price split, the month's explanations
//! and actions with the material deviations still lacking one, and, on request, every figure per
//! cost type (kostnadsslag).
//!
//! Result sign throughout (revenue +, cost −), so every deviation is `actual − budget` and a
//! positive deviation is favourable. Each concern has its own file; this one gathers the sums
//! and builds the report. Forecast accuracy over a closed year is its own report
//! ([`accuracy`]).

pub mod accuracy;
pub mod cover;
pub mod escalation;
pub mod explained;
pub mod fields;
pub mod materiality;
mod outlook;
pub mod projection;
pub mod volume_price;

use std::ops::AddAssign;

use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::dataset::{Dataset, Slice};
use crate::error::{Error, Result};
use crate::hash::FastMap;
use crate::model::{Comment, Kind, Level, Threshold, ThresholdSet};
use crate::num::money::Amount;
use crate::num::money::Months;
use crate::num::ratio::Percent;
use crate::org::UnitHeader;

pub use escalation::Escalation;
pub use explained::{ExplainedSpan, MissingExplanation};
pub use fields::RowGroup;
pub use materiality::{Status, Thresholds};
pub use projection::Projections;
pub use volume_price::VolumeSplit;

/// What a deviation report is for.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeviationOptions {
    /// The month reported on, `YYYY-MM`; its year is the fiscal year.
    pub as_of: String,
    /// The unit whose subtree is reported; the whole tree when absent.
    #[serde(default)]
    pub unit: Option<String>,
    /// Adds every row's figures per cost type (`costTypes` on each row).
    #[serde(default)]
    pub by_cost_type: bool,
    /// Materiality thresholds; they override the document's, which override the built-in ones.
    #[serde(default)]
    pub thresholds: Option<ThresholdSet>,
    /// The tree level whose units are checked for escalation; `committee` when absent.
    #[serde(default)]
    pub escalation_level: Option<Level>,
    /// The groups of figures the written rows carry ([`fields`]); every group when absent.
    #[serde(default)]
    pub fields: Option<Vec<RowGroup>>,
}

/// Budget against outcome for a month, a tertial or the year to date. A span that reaches past
/// the last booked month (`outcomeThrough`) has no outcome, deviation or status ("inget
/// utfall"): a month not yet booked is not a month of zero.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figures {
    pub budget: Amount,
    /// The booked outcome; absent for a span past the last booked month.
    pub outcome: Option<Amount>,
    /// `outcome − budget` (avvikelse); absent without outcome.
    pub deviation: Option<Amount>,
    /// `deviation / |budget|` in percent; absent where the budget is zero or without outcome.
    pub percent: Option<Percent>,
    /// Gross cost (bruttokostnad): the span's budgeted cost, result sign (the rows of cost
    /// types of kind `cost`, and the negative rows without a cost type); absent where no row
    /// in the subtree is a cost.
    pub gross_cost: Option<Amount>,
    /// `deviation / |grossCost|` in percent; absent without either or where it is zero.
    pub percent_of_gross_cost: Option<Percent>,
    /// One-off items (engångsposter) booked in the span.
    pub one_offs: Amount,
    /// `deviation − oneOffs` (underliggande avvikelse); absent without outcome.
    pub underlying: Option<Amount>,
    /// The deviation against the unit's thresholds; absent without outcome.
    pub status: Option<Status>,
}

impl Figures {
    /// The figures of `span`; `booked` says the span's last month is booked in the subtree.
    pub(crate) fn new(span: &Span, threshold: &Threshold, booked: bool) -> Figures {
        let deviation = booked.then(|| span.outcome - span.budget);
        Figures {
            budget: span.budget,
            outcome: booked.then_some(span.outcome),
            deviation,
            percent: deviation.and_then(|d| Percent::of(d, span.budget)),
            gross_cost: span.gross_cost,
            percent_of_gross_cost: deviation
                .zip(span.gross_cost)
                .and_then(|(d, g)| Percent::of(d, g)),
            one_offs: span.one_offs,
            underlying: deviation.map(|d| d - span.one_offs),
            status: deviation.map(|d| threshold.status(d, span.budget)),
        }
    }
}

/// The full year: budget against the latest forecast (helårsprognos).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FullYear {
    pub budget: Amount,
    /// The subtree's latest forecast: the unit's own where it has one (a forecast is made for
    /// the whole subtree), else its own rows at budget plus its children's forecasts (a child
    /// without one at its budget); absent when no forecast counts here yet.
    pub forecast: Option<Amount>,
    /// The latest month in which a forecast that counts here was made.
    pub forecast_month: Option<Month>,
    /// `forecast − budget`.
    pub deviation: Option<Amount>,
    pub percent: Option<Percent>,
    /// Every one-off item of the year, also those dated after the report's month: a forecast
    /// includes the one-offs it expects.
    pub one_offs: Amount,
    /// `deviation − oneOffs`; absent without a forecast.
    pub underlying: Option<Amount>,
    /// The forecast deviation against the unit's thresholds; absent without a forecast.
    pub status: Option<Status>,
    /// Gross cost (bruttokostnad): the year's budgeted cost, as in [`Figures::gross_cost`].
    pub gross_cost: Option<Amount>,
    /// `deviation / |grossCost|` in percent; absent without either or where it is zero.
    pub percent_of_gross_cost: Option<Percent>,
}

impl FullYear {
    fn new(t: &Totals, threshold: &Threshold) -> FullYear {
        let forecast = t.forecast_month.map(|_| t.forecast);
        let deviation = forecast.map(|f| f - t.year_budget);
        FullYear {
            budget: t.year_budget,
            forecast,
            forecast_month: t.forecast_month,
            deviation,
            percent: deviation.and_then(|d| Percent::of(d, t.year_budget)),
            one_offs: t.year_one_offs,
            underlying: deviation.map(|d| d - t.year_one_offs),
            status: deviation.map(|d| threshold.status(d, t.year_budget)),
            gross_cost: t.gross_cost,
            percent_of_gross_cost: deviation
                .zip(t.gross_cost)
                .and_then(|(d, g)| Percent::of(d, g)),
        }
    }
}

/// One cost type's figures within a unit's subtree. `costType` is null for the rows that name
/// none, so the cost-type rows of a unit always add up to the unit's own figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CostTypeRow {
    pub cost_type: Option<String>,
    pub name: Option<String>,
    pub kind: Option<Kind>,
    pub period: Figures,
    pub tertial: Figures,
    pub ytd: Figures,
    pub full_year: FullYear,
    /// The explanations and actions written for this cost type of the unit for the report's
    /// month ([`explained`]); empty for the rows without a cost type.
    pub comments: Vec<Comment>,
}

/// One unit of the report, with the figures of its whole subtree.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviationRow {
    #[serde(flatten)]
    pub head: UnitHeader,
    /// The materiality thresholds applied to this unit (by its level).
    pub threshold: Threshold,
    /// The last month of the year with outcome booked in the subtree; a span past it has no
    /// outcome, deviation or status.
    pub outcome_through: Option<Month>,
    pub period: Figures,
    /// The tertial the month is in, from its first month through the month.
    pub tertial: Figures,
    pub ytd: Figures,
    pub full_year: FullYear,
    pub projections: Projections,
    /// Present for units at the escalation level whose forecast deviation has been material.
    pub escalation: Option<Escalation>,
    /// The volume and price split of each measure given for this unit, year to date.
    pub volumes: Vec<VolumeSplit>,
    /// Per cost type, with `byCostType`; cost types with no figures are left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_types: Option<Vec<CostTypeRow>>,
    /// The explanations and actions written for the unit's result for the report's month
    /// ([`explained`]), an explanation first.
    pub comments: Vec<Comment>,
}

/// The deviation report: rows in tree order, parents before children.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviationReport {
    pub name: Option<String>,
    pub as_of: Month,
    pub year: i32,
    /// The first month of the tertial the `tertial` figures cover (T1 January, T2 May, T3
    /// September).
    pub tertial_from: Month,
    /// The level checked for escalation.
    pub escalation_level: Level,
    pub root: String,
    /// The last month of the year with outcome booked under the report's root unit: the month a
    /// view starts at when it is not given one.
    pub outcome_through: Option<Month>,
    pub rows: Vec<DeviationRow>,
    /// The month's material deviations without an explanation or action, in the rows' order
    /// ([`explained`]).
    pub missing_explanations: Vec<MissingExplanation>,
}

/// Budget, outcome, one-offs and gross cost over some months.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Span {
    pub budget: Amount,
    pub outcome: Amount,
    pub one_offs: Amount,
    /// The budgeted gross cost; `None` where no row is a cost.
    pub gross_cost: Option<Amount>,
}

impl Span {
    /// The months `from..=to` of running sums (see [`running`]).
    fn of(running: &[Months; 4], has_gross: bool, from: usize, to: usize) -> Span {
        let months = |running: &Months| match from.checked_sub(1).map(|before| running[before]) {
            Some(before) if !before.is_zero() => running[to] - before,
            _ => running[to],
        };
        Span {
            budget: months(&running[0]),
            outcome: months(&running[1]),
            one_offs: months(&running[2]),
            gross_cost: has_gross.then(|| months(&running[3])),
        }
    }
}

/// Running sums: January through each month. Every span and the year are then one subtraction
/// at most, instead of adding up the same months again for each; months without an amount
/// (one-offs mostly, outcome after the report's month) are not added at all.
fn running(months: &Months) -> Months {
    let mut sum = Amount::ZERO;
    months.map(|amount| {
        if !amount.is_zero() {
            sum += amount;
        }
        sum
    })
}

impl AddAssign<&Span> for Span {
    fn add_assign(&mut self, other: &Span) {
        self.budget += other.budget;
        self.outcome += other.outcome;
        self.one_offs += other.one_offs;
        self.gross_cost = add_known(self.gross_cost, other.gross_cost);
    }
}

/// One unit's sums, first its own rows, then (after roll-up) its subtree's.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Totals {
    pub period: Span,
    pub tertial: Span,
    pub ytd: Span,
    pub year_budget: Amount,
    pub year_one_offs: Amount,
    /// The subtree's forecast (see [`Dataset::forecasts`]); set after the roll-up,
    /// which does not add forecasts.
    pub forecast: Amount,
    pub forecast_month: Option<Month>,
    pub gross_cost: Option<Amount>,
}

/// Two sums known where either is.
fn add_known(a: Option<Amount>, b: Option<Amount>) -> Option<Amount> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a + b),
        (a, b) => a.or(b),
    }
}

impl AddAssign<&Totals> for Totals {
    fn add_assign(&mut self, other: &Totals) {
        self.period += &other.period;
        self.tertial += &other.tertial;
        self.ytd += &other.ytd;
        self.year_budget += other.year_budget;
        self.year_one_offs += other.year_one_offs;
        self.gross_cost = add_known(self.gross_cost, other.gross_cost);
    }
}

impl Totals {
    /// No amount at all: a cost type a unit never uses (its forecast is then its budget, 0).
    fn is_empty(&self) -> bool {
        let spans = [&self.period, &self.tertial, &self.ytd];
        spans
            .iter()
            .flat_map(|s| [s.budget, s.outcome, s.one_offs])
            .chain([self.year_budget, self.year_one_offs, self.forecast])
            .all(|a| a.is_zero())
    }
}

/// Every unit's totals in `slice` as of `as_of`, rolled up the tree (by position), with each
/// unit's subtree forecast.
pub(crate) fn rolled(data: &Dataset, as_of: Month, slice: Slice) -> Vec<Totals> {
    let year = as_of.year();
    let m = as_of.index();
    let t0 = as_of.tertial().first().index();
    let own: Vec<Totals> = (0..data.tree.len())
        .map(|pos| {
            let gross = data.gross_cost_in(pos, year, slice);
            let months = [
                data.budget_in(pos, year, slice),
                data.outcome_in(pos, year, slice),
                data.one_offs_in(pos, year, slice),
                gross.unwrap_or([Amount::ZERO; 12]),
            ];
            let sums = months.each_ref().map(running);
            let has_gross = gross.is_some();
            Totals {
                period: Span {
                    budget: months[0][m],
                    outcome: months[1][m],
                    one_offs: months[2][m],
                    gross_cost: has_gross.then_some(months[3][m]),
                },
                tertial: Span::of(&sums, has_gross, t0, m),
                ytd: Span::of(&sums, has_gross, 0, m),
                year_budget: sums[0][11],
                year_one_offs: sums[2][11],
                forecast: Amount::ZERO,
                forecast_month: None,
                gross_cost: has_gross.then_some(sums[3][11]),
            }
        })
        .collect();
    let mut total = data.tree.roll_up(&own);
    for (t, f) in total.iter_mut().zip(data.forecasts(year, as_of, slice)) {
        t.forecast = f.amount;
        t.forecast_month = f.made;
    }
    total
}

/// The slices a cost-type breakdown shows: every cost type, then the rows without one.
fn cost_type_slices(data: &Dataset) -> Vec<Slice> {
    (0..data.cost_types.len())
        .map(Slice::CostType)
        .chain([Slice::Untyped])
        .collect()
}

/// Computes the deviation report as of `options.as_of` for the tree (or the subtree of
/// `options.unit`) of `data`. `stored` are the thresholds kept in the document.
pub fn report(
    data: &Dataset,
    name: Option<&str>,
    stored: Option<&ThresholdSet>,
    options: &DeviationOptions,
) -> Result<DeviationReport> {
    let as_of = Month::parse(&options.as_of).map_err(|e| e.at("asOf"))?;
    // A month outside the figures held is said to be, not shown as a table of zeros; a tree
    // without any figures yet still reports (its zeros are what it holds).
    if !data.years.is_empty() && !data.years.contains(&as_of.year()) {
        let held: Vec<String> = data.years.iter().map(i32::to_string).collect();
        let err = Error::NoYear {
            year: as_of.year(),
            held: held.join(", "),
        };
        return Err(err.at("asOf"));
    }
    if let Some(t) = &options.thresholds {
        t.check().map_err(|e| e.at("thresholds"))?;
    }
    let thresholds = Thresholds::new(options.thresholds.as_ref(), stored);
    let tree = &data.tree;
    let start = match &options.unit {
        Some(id) => tree.position(id).map_err(|e| e.at("unit"))?,
        None => tree.root(),
    };
    let escalation_level = options.escalation_level.unwrap_or(Level::Committee);
    let total = rolled(data, as_of, Slice::All);
    let by_type: Vec<(Slice, Vec<Totals>)> = if options.by_cost_type {
        cost_type_slices(data)
            .into_iter()
            .map(|slice| (slice, rolled(data, as_of, slice)))
            .collect()
    } else {
        Vec::new()
    };
    let booked = data.outcome_through(as_of.year());
    let escalations = escalation::first_seen(data, as_of, start, escalation_level, &thresholds);
    let volumes = volume_price::splits(data, as_of, start);

    let base_depth = tree.depth(start);
    let rows = tree
        .subtree(start)
        .map(|pos| {
            let t = &total[pos];
            let unit = tree.unit(pos);
            let threshold = thresholds.for_level(unit.level);
            let full_year = FullYear::new(t, &threshold);
            let through = booked[pos];
            let is_booked = through.is_some_and(|b| b >= as_of);
            DeviationRow {
                head: tree.header(pos, base_depth),
                threshold,
                outcome_through: through,
                period: Figures::new(&t.period, &threshold, is_booked),
                tertial: Figures::new(&t.tertial, &threshold, is_booked),
                ytd: Figures::new(&t.ytd, &threshold, is_booked),
                projections: Projections::new(t, full_year.forecast, &threshold),
                full_year,
                escalation: escalations.get(&pos).cloned(),
                volumes: volumes.get(&pos).cloned().unwrap_or_default(),
                cost_types: options
                    .by_cost_type
                    .then(|| cost_type_rows(data, &by_type, pos, &threshold, is_booked)),
                comments: Vec::new(),
            }
        })
        .collect();
    Ok(DeviationReport {
        name: name.map(str::to_string),
        as_of,
        year: as_of.year(),
        tertial_from: as_of.tertial().first(),
        escalation_level,
        root: tree.unit(start).id.clone(),
        outcome_through: booked[start],
        rows,
        missing_explanations: Vec::new(),
    })
}

/// A unit's figures per cost type, leaving out those with nothing in them.
fn cost_type_rows(
    data: &Dataset,
    by_type: &[(Slice, Vec<Totals>)],
    pos: usize,
    threshold: &Threshold,
    booked: bool,
) -> Vec<CostTypeRow> {
    by_type
        .iter()
        .filter(|(_, totals)| !totals[pos].is_empty())
        .map(|(slice, totals)| {
            let t = &totals[pos];
            let cost_type = match *slice {
                Slice::CostType(c) => Some(&data.cost_types[c]),
                _ => None,
            };
            CostTypeRow {
                cost_type: cost_type.map(|ct| ct.id.clone()),
                name: cost_type.map(|ct| ct.name.clone()),
                kind: cost_type.map(|ct| ct.kind),
                period: Figures::new(&t.period, threshold, booked),
                tertial: Figures::new(&t.tertial, threshold, booked),
                ytd: Figures::new(&t.ytd, threshold, booked),
                full_year: FullYear::new(t, threshold),
                comments: Vec::new(),
            }
        })
        .collect()
}

/// Finds a row by unit id; for callers and tests that look at one unit.
impl DeviationReport {
    pub fn row(&self, unit: &str) -> Result<&DeviationRow> {
        self.rows
            .iter()
            .find(|r| r.head.unit == unit)
            .ok_or_else(|| Error::UnknownUnit { id: unit.into() })
    }
}

/// Looks rows up by position for the modules that add to a row.
pub(crate) type ByPosition<T> = FastMap<usize, T>;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod report_tests;
