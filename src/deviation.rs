//! Deviation analysis (avvikelseanalys), first cut: for every unit of the tree, rolled up, the
//! month's, the year-to-date and the full-year budget against outcome and the latest forecast.
//!
//! Result sign throughout (revenue +, cost −), so every deviation is `actual − budget` and a
//! positive deviation is favourable. Materiality, escalation, cost types and forecast accuracy
//! are not here yet.

use std::ops::AddAssign;

use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::error::{Error, Result};
use crate::money::Amount;
use crate::org::Level;
use crate::ratio::Percent;
use crate::workspace::Dataset;

/// What a deviation report is for.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeviationOptions {
    /// The month reported on, `YYYY-MM`; its year is the fiscal year.
    pub as_of: String,
    /// The unit whose subtree is reported; the whole tree when absent.
    #[serde(default)]
    pub unit: Option<String>,
}

/// Budget against outcome for a month or for the year to date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    pub budget: Amount,
    pub outcome: Amount,
    /// `outcome − budget` (avvikelse).
    pub deviation: Amount,
    /// `deviation / |budget|` in percent; absent where the budget is zero.
    pub percent: Option<Percent>,
}

impl Figures {
    fn new(budget: Amount, outcome: Amount) -> Figures {
        let deviation = outcome - budget;
        Figures {
            budget,
            outcome,
            deviation,
            percent: Percent::of(deviation, budget),
        }
    }
}

/// The full year: budget against the latest forecast (helårsprognos).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FullYear {
    pub budget: Amount,
    /// The sum of the latest forecasts in the subtree, with units that have none counted at
    /// their budget; absent when no unit in the subtree has a forecast yet.
    pub forecast: Option<Amount>,
    /// The latest month in which a forecast that counts here was made.
    pub forecast_month: Option<Month>,
    /// `forecast − budget`.
    pub deviation: Option<Amount>,
    pub percent: Option<Percent>,
}

/// One unit of the report, with the figures of its whole subtree.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviationRow {
    pub unit: String,
    pub name: String,
    pub parent: Option<String>,
    pub level: Option<Level>,
    /// Distance from the report's root (0 for the root).
    pub depth: usize,
    /// Ids of the children, in input order.
    pub children: Vec<String>,
    pub period: Figures,
    pub ytd: Figures,
    pub full_year: FullYear,
}

/// The deviation report: rows in tree order, parents before children.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviationReport {
    pub name: Option<String>,
    pub as_of: Month,
    pub year: i32,
    pub root: String,
    pub rows: Vec<DeviationRow>,
}

/// One unit's sums, first its own rows, then (after roll-up) its subtree's.
#[derive(Clone, Copy, Debug, Default)]
struct Totals {
    period_budget: Amount,
    period_outcome: Amount,
    ytd_budget: Amount,
    ytd_outcome: Amount,
    year_budget: Amount,
    /// Latest forecast, or the year's budget for a unit that has none.
    forecast: Amount,
    forecast_month: Option<Month>,
}

impl AddAssign<&Totals> for Totals {
    fn add_assign(&mut self, other: &Totals) {
        self.period_budget += other.period_budget;
        self.period_outcome += other.period_outcome;
        self.ytd_budget += other.ytd_budget;
        self.ytd_outcome += other.ytd_outcome;
        self.year_budget += other.year_budget;
        self.forecast += other.forecast;
        self.forecast_month = self.forecast_month.max(other.forecast_month);
    }
}

/// Computes the deviation report as of `options.as_of` for the tree (or the subtree of
/// `options.unit`) of `data`.
pub fn report(
    data: &Dataset,
    name: Option<&str>,
    options: &DeviationOptions,
) -> Result<DeviationReport> {
    let as_of = Month::parse(&options.as_of).map_err(|e| e.at("asOf"))?;
    let tree = &data.tree;
    let start = match &options.unit {
        Some(id) => tree.position(id).map_err(|e| e.at("unit"))?,
        None => tree.root(),
    };
    let year = as_of.year();
    let m = as_of.index();
    let own: Vec<Totals> = (0..tree.len())
        .map(|pos| {
            let budget = data.budget(pos, year);
            let outcome = data.outcome(pos, year);
            let year_budget = budget.iter().copied().sum();
            let forecast = data.latest_forecast(pos, year, as_of);
            Totals {
                period_budget: budget[m],
                period_outcome: outcome[m],
                ytd_budget: budget[..=m].iter().copied().sum(),
                ytd_outcome: outcome[..=m].iter().copied().sum(),
                year_budget,
                forecast: forecast.map_or(year_budget, |(_, amount)| amount),
                forecast_month: forecast.map(|(made, _)| made),
            }
        })
        .collect();
    let total = tree.roll_up(&own);

    let base_depth = tree.depth(start);
    let rows = tree
        .subtree(start)
        .map(|pos| {
            let t = &total[pos];
            let unit = tree.unit(pos);
            let forecast = t.forecast_month.map(|_| t.forecast);
            let deviation = forecast.map(|f| f - t.year_budget);
            DeviationRow {
                unit: unit.id.clone(),
                name: unit.name.clone(),
                parent: tree.parent(pos).map(|p| tree.unit(p).id.clone()),
                level: unit.level,
                depth: tree.depth(pos) - base_depth,
                children: tree
                    .children(pos)
                    .iter()
                    .map(|&c| tree.unit(c).id.clone())
                    .collect(),
                period: Figures::new(t.period_budget, t.period_outcome),
                ytd: Figures::new(t.ytd_budget, t.ytd_outcome),
                full_year: FullYear {
                    budget: t.year_budget,
                    forecast,
                    forecast_month: t.forecast_month,
                    deviation,
                    percent: deviation.and_then(|d| Percent::of(d, t.year_budget)),
                },
            }
        })
        .collect();
    Ok(DeviationReport {
        name: name.map(str::to_string),
        as_of,
        year,
        root: tree.unit(start).id.clone(),
        rows,
    })
}

/// Finds a row by unit id; for callers and tests that look at one unit.
impl DeviationReport {
    pub fn row(&self, unit: &str) -> Result<&DeviationRow> {
        self.rows
            .iter()
            .find(|r| r.unit == unit)
            .ok_or_else(|| Error::UnknownUnit { id: unit.into() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::json;
    use crate::workspace::Workspace;
    use serde_json::{json, Value};

    fn workspace(v: Value) -> Workspace {
        let mut ws = Workspace::new();
        ws.import(json::read(|| &v).unwrap()).unwrap();
        ws
    }

    fn options(as_of: &str) -> DeviationOptions {
        DeviationOptions {
            as_of: as_of.into(),
            unit: None,
        }
    }

    /// A committee with a hospital (the seeds' budgeted imbalance of −236 mnkr, linear) and a
    /// unit with revenue and cost rows.
    fn region() -> Workspace {
        workspace(json!({
            "schema": 1,
            "name": "Test region",
            "units": [
                { "id": "R", "name": "Region", "level": "region" },
                { "id": "HSN", "name": "Hälso- och sjukvårdsnämnden", "parent": "R", "level": "committee" },
                { "id": "SJ", "name": "Sjukhusvård", "parent": "HSN", "level": "area" },
                { "id": "PV", "name": "Primärvård", "parent": "HSN", "level": "area" },
                { "id": "KT", "name": "Kollektivtrafik", "parent": "R", "level": "committee" }
            ],
            "budget": [
                { "unit": "SJ", "year": 2025, "annual": "-236 mnkr", "method": "linear" },
                { "unit": "PV", "year": 2025, "annual": "1200000", "method": "linear" },
                { "unit": "PV", "year": 2025, "annual": "-1200000", "method": "linear" },
                { "unit": "KT", "year": 2025, "annual": "-120000", "method": "linear" }
            ],
            "outcome": [
                { "unit": "SJ", "month": "2025-08", "amount": "-25000000" },
                { "unit": "SJ", "month": "2025-01", "amount": "-20000000" },
                { "unit": "PV", "month": "2025-08", "amount": "500" },
                { "unit": "KT", "month": "2025-08", "amount": "-9000" },
                { "unit": "KT", "month": "2025-09", "amount": "-1" }
            ],
            "forecasts": [
                { "unit": "SJ", "year": 2025, "made": "2025-02", "amount": "-250000000" },
                { "unit": "SJ", "year": 2025, "made": "2025-08", "amount": "-290000000" },
                { "unit": "KT", "year": 2025, "made": "2025-09", "amount": "0" }
            ]
        }))
    }

    #[test]
    fn hospital_care_per_august_matches_the_audit() {
        let report = region().deviation(&options("2025-08")).unwrap();
        let sj = report.row("SJ").unwrap();
        // −236 mnkr over eight months: −157.3 mnkr (the audit's figure), exactly to the öre.
        assert_eq!(sj.ytd.budget.to_canonical(), "-157333333.36");
        assert_eq!(sj.period.budget.to_canonical(), "-19666666.67");
        assert_eq!(sj.ytd.outcome.to_canonical(), "-45000000");
        assert_eq!(sj.ytd.deviation.to_canonical(), "112333333.36");
        assert_eq!(sj.period.deviation.to_canonical(), "-5333333.33");
        assert_eq!(sj.period.percent.unwrap().decimal().to_string(), "-27.12");
        assert_eq!(sj.full_year.forecast.unwrap().to_canonical(), "-290000000");
        assert_eq!(sj.full_year.forecast_month.unwrap().to_string(), "2025-08");
        assert_eq!(sj.full_year.deviation.unwrap().to_canonical(), "-54000000");
        assert_eq!(
            sj.full_year.percent.unwrap().decimal().to_string(),
            "-22.88"
        );
    }

    #[test]
    fn parents_sum_their_subtree_and_missing_forecasts_count_at_budget() {
        let report = region().deviation(&options("2025-08")).unwrap();
        let hsn = report.row("HSN").unwrap();
        assert_eq!(hsn.ytd.outcome.to_canonical(), "-44999500");
        assert_eq!(hsn.full_year.budget.to_canonical(), "-236000000");
        // PV has no forecast: counted at its budget (0 net), so HSN's forecast is SJ's.
        assert_eq!(hsn.full_year.forecast.unwrap().to_canonical(), "-290000000");
        let pv = report.row("PV").unwrap();
        assert_eq!(pv.full_year.forecast, None);
        assert_eq!(pv.full_year.deviation, None);
        // Revenue and cost rows net to a zero budget: no percent, not infinity.
        assert_eq!(pv.ytd.budget, Amount::ZERO);
        assert_eq!(pv.ytd.percent, None);
        let r = report.row("R").unwrap();
        assert_eq!(
            r.ytd.outcome,
            hsn.ytd.outcome + report.row("KT").unwrap().ytd.outcome
        );
        assert_eq!(r.depth, 0);
        assert_eq!(r.children, ["HSN", "KT"]);
        let order: Vec<&str> = report.rows.iter().map(|r| r.unit.as_str()).collect();
        assert_eq!(order, ["R", "HSN", "SJ", "PV", "KT"]);
    }

    #[test]
    fn later_months_and_forecasts_do_not_leak_into_an_earlier_report() {
        let report = region().deviation(&options("2025-08")).unwrap();
        let kt = report.row("KT").unwrap();
        assert_eq!(kt.ytd.outcome.to_canonical(), "-9000");
        assert_eq!(
            kt.full_year.forecast, None,
            "the September forecast is not known in August"
        );
        let early = region().deviation(&options("2025-03")).unwrap();
        let sj = early.row("SJ").unwrap();
        assert_eq!(sj.full_year.forecast.unwrap().to_canonical(), "-250000000");
        assert_eq!(sj.ytd.outcome.to_canonical(), "-20000000");
        assert_eq!(sj.period.outcome, Amount::ZERO);
    }

    #[test]
    fn a_subtree_report_starts_at_depth_zero() {
        let options = DeviationOptions {
            as_of: "2025-08".into(),
            unit: Some("HSN".into()),
        };
        let report = region().deviation(&options).unwrap();
        assert_eq!(report.root, "HSN");
        let units: Vec<(&str, usize)> = report
            .rows
            .iter()
            .map(|r| (r.unit.as_str(), r.depth))
            .collect();
        assert_eq!(units, [("HSN", 0), ("SJ", 1), ("PV", 1)]);
    }

    #[test]
    fn bad_options_name_their_field() {
        let e = region().deviation(&options("2025-8")).unwrap_err();
        assert_eq!((e.code(), e.field()), ("E_PARSE_MONTH", Some("asOf")));
        let options = DeviationOptions {
            as_of: "2025-08".into(),
            unit: Some("X".into()),
        };
        let e = region().deviation(&options).unwrap_err();
        assert_eq!((e.code(), e.field()), ("E_UNKNOWN_UNIT", Some("unit")));
    }

    #[test]
    fn serializes_with_camel_case_names_and_string_amounts() {
        let report = region().deviation(&options("2025-08")).unwrap();
        let v = serde_json::to_value(&report).unwrap();
        assert_eq!(v["asOf"], json!("2025-08"));
        assert_eq!(v["rows"][2]["ytd"]["budget"], json!("-157333333.36"));
        assert_eq!(v["rows"][2]["fullYear"]["forecastMonth"], json!("2025-08"));
        assert_eq!(v["rows"][3]["ytd"]["percent"], Value::Null);
        assert_eq!(v["rows"][1]["level"], json!("committee"));
    }
}
