//! Goals and indicators (mål och mätetal): each indicator's fulfilment (`met`, `partly`,
//! `notMet`, `notReported`) and the counts per goal and in total, with the year-to-date deviation
//! of the budget rows an indicator is tied to shown beside it.
//!
//! Fulfilment is judged from target and outcome (or taken from an assessment someone made);
//! this module does not set targets, and it does not compute money: the deviation beside an
//! indicator comes from the deviation report's own sums. Goals pasted from Excel are read in
//! `import/registers/goals.rs`.

use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::dataset::{Dataset, Slice};
use crate::deviation::{rolled, Figures, Thresholds};
use crate::error::{Error, Result};
use crate::model::{Direction, Fulfilment, Goal, Indicator, ThresholdSet};
use crate::num::weight::Weight;

impl Indicator {
    /// Assessed, or: no outcome (or no target) is not reported; at or past the target is met;
    /// at or past `partly` is partly met; otherwise not met.
    pub fn fulfilment(&self) -> Fulfilment {
        if let Some(assessed) = self.assessed {
            return assessed;
        }
        let (Some(target), Some(outcome)) = (self.target, self.outcome) else {
            return Fulfilment::NotReported;
        };
        let reaches = |level: Weight| match self.direction {
            Direction::Higher => outcome.0 >= level.0,
            Direction::Lower => outcome.0 <= level.0,
        };
        if reaches(target) {
            Fulfilment::Met
        } else if self.partly.is_some_and(reaches) {
            Fulfilment::Partly
        } else {
            Fulfilment::NotMet
        }
    }
}

/// How many indicators are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub met: usize,
    pub partly: usize,
    pub not_met: usize,
    pub not_reported: usize,
    pub total: usize,
}

impl Counts {
    fn add(&mut self, f: Fulfilment) {
        match f {
            Fulfilment::Met => self.met += 1,
            Fulfilment::Partly => self.partly += 1,
            Fulfilment::NotMet => self.not_met += 1,
            Fulfilment::NotReported => self.not_reported += 1,
        }
        self.total += 1;
    }
}

/// What the goals report is for.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GoalsOptions {
    /// The month whose year-to-date deviation is shown beside tied indicators; none without it.
    #[serde(default)]
    pub as_of: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorRow {
    #[serde(flatten)]
    pub indicator: Indicator,
    pub fulfilment: Fulfilment,
    /// The tied unit's (and cost type's) year-to-date figures as of `asOf`.
    pub deviation: Option<Figures>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalRow {
    pub id: String,
    pub name: String,
    pub indicators: Vec<IndicatorRow>,
    pub counts: Counts,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalsReport {
    pub as_of: Option<Month>,
    /// The last month of `asOf`'s year with outcome in the tree (the deviation report's
    /// `outcomeThrough`); absent without `asOf`. An indicator's deviation past it is null.
    pub outcome_through: Option<Month>,
    pub goals: Vec<GoalRow>,
    /// Over every indicator of every goal.
    pub counts: Counts,
}

/// Checks that goal ids are unique and that tied units and cost types exist.
pub fn check(goals: &[Goal], data: Option<&Dataset>) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for (i, goal) in goals.iter().enumerate() {
        if !seen.insert(goal.id.as_str()) {
            let reason = format!("the goal id {:?} is used twice", goal.id);
            return Err(Error::Schema { reason }.at(format!("goals[{i}].id")));
        }
        for (j, ind) in goal.indicators.iter().enumerate() {
            let at = |e: Error| e.at(format!("goals[{i}].indicators[{j}]"));
            if let Some(unit) = &ind.unit {
                let data =
                    data.ok_or_else(|| at(Error::UnknownUnit { id: unit.clone() }.at("unit")))?;
                data.tree.position(unit).map_err(|e| at(e.at("unit")))?;
            }
            if let Some(ct) = &ind.cost_type {
                let known = data.is_some_and(|d| d.cost_types.iter().any(|c| &c.id == ct));
                if !known {
                    return Err(at(Error::UnknownCostType { id: ct.clone() }.at("costType")));
                }
            }
        }
    }
    Ok(())
}

/// The goals report: fulfilment and counts, with deviations beside tied indicators.
pub fn report(
    goals: &[Goal],
    data: Option<&Dataset>,
    stored: Option<&ThresholdSet>,
    options: &GoalsOptions,
) -> Result<GoalsReport> {
    let as_of = match &options.as_of {
        Some(text) => Some(Month::parse(text).map_err(|e| e.at("asOf"))?),
        None => None,
    };
    let thresholds = Thresholds::new(None, stored);
    let mut cache: Vec<(Slice, Vec<crate::deviation::Totals>)> = Vec::new();
    let mut booked: Option<Vec<Option<Month>>> = None;
    let mut deviation = |ind: &Indicator| -> Option<Figures> {
        let (as_of, data) = (as_of?, data?);
        let pos = data.tree.position(ind.unit.as_deref()?).ok()?;
        let slice = match &ind.cost_type {
            Some(id) => Slice::CostType(data.cost_types.iter().position(|c| &c.id == id)?),
            None => Slice::All,
        };
        if !cache.iter().any(|(s, _)| *s == slice) {
            cache.push((slice, rolled(data, as_of, slice)));
        }
        let totals = &cache.iter().find(|(s, _)| *s == slice)?.1;
        let threshold = thresholds.for_level(data.tree.unit(pos).level);
        // Year to date past the last booked month has no deviation (the deviation report's rule).
        let through = booked.get_or_insert_with(|| data.outcome_through(as_of.year()))[pos];
        let is_booked = through.is_some_and(|b| b >= as_of);
        Some(Figures::new(&totals[pos].ytd, &threshold, is_booked))
    };
    let mut counts = Counts::default();
    let rows = goals
        .iter()
        .map(|goal| {
            let mut own = Counts::default();
            let indicators = goal
                .indicators
                .iter()
                .map(|ind| {
                    let fulfilment = ind.fulfilment();
                    own.add(fulfilment);
                    counts.add(fulfilment);
                    IndicatorRow {
                        indicator: ind.clone(),
                        fulfilment,
                        deviation: deviation(ind),
                    }
                })
                .collect();
            GoalRow {
                id: goal.id.clone(),
                name: goal.name.clone(),
                indicators,
                counts: own,
            }
        })
        .collect();
    let outcome_through = match (as_of, data) {
        (Some(as_of), Some(data)) => {
            booked.get_or_insert_with(|| data.outcome_through(as_of.year()))[data.tree.root()]
        }
        _ => None,
    };
    Ok(GoalsReport {
        as_of,
        outcome_through,
        goals: rows,
        counts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn ind(target: Option<i64>, outcome: Option<i64>, direction: Direction) -> Indicator {
        Indicator {
            id: "i".into(),
            name: "i".into(),
            target: target.map(|t| Weight(Decimal::from(t))),
            outcome: outcome.map(|o| Weight(Decimal::from(o))),
            direction,
            partly: None,
            assessed: None,
            unit: None,
            cost_type: None,
        }
    }

    #[test]
    fn fulfilment_follows_target_partly_and_direction() {
        assert_eq!(
            ind(Some(90), Some(90), Direction::Higher).fulfilment(),
            Fulfilment::Met
        );
        assert_eq!(
            ind(Some(90), Some(80), Direction::Higher).fulfilment(),
            Fulfilment::NotMet
        );
        let mut partly = ind(Some(90), Some(80), Direction::Higher);
        partly.partly = Some(Weight(Decimal::from(75)));
        assert_eq!(partly.fulfilment(), Fulfilment::Partly);
        assert_eq!(
            ind(Some(30), Some(25), Direction::Lower).fulfilment(),
            Fulfilment::Met
        );
        assert_eq!(
            ind(Some(30), None, Direction::Lower).fulfilment(),
            Fulfilment::NotReported
        );
        let mut judged = ind(None, None, Direction::Higher);
        judged.assessed = Some(Fulfilment::Partly);
        assert_eq!(judged.fulfilment(), Fulfilment::Partly);
    }

    #[test]
    fn the_regions_thirty_indicators_per_august_2025_count_8_14_7_1() {
        // 8 met, 14 partly, 7 not met, 1 not reported, as the domain guide gives.
        let make = |n: usize, outcome: Option<i64>| {
            (0..n).map(move |i| {
                let mut x = ind(Some(100), outcome, Direction::Higher);
                x.partly = Some(Weight(Decimal::from(80)));
                x.id = format!("{i}");
                x
            })
        };
        let goals = vec![
            Goal {
                id: "A".into(),
                name: "Vård i tid".into(),
                indicators: make(8, Some(100)).chain(make(4, Some(85))).collect(),
            },
            Goal {
                id: "B".into(),
                name: "Ekonomi i balans".into(),
                indicators: make(10, Some(90))
                    .chain(make(7, Some(50)))
                    .chain(make(1, None))
                    .collect(),
            },
        ];
        let report = report(&goals, None, None, &GoalsOptions::default()).unwrap();
        let c = report.counts;
        assert_eq!(
            (c.met, c.partly, c.not_met, c.not_reported, c.total),
            (8, 14, 7, 1, 30)
        );
        let a = report.goals[0].counts;
        assert_eq!((a.met, a.partly, a.total), (8, 4, 12));
    }

    #[test]
    fn an_indicator_tied_to_budget_rows_shows_their_deviation_beside_it() {
        use crate::workspace::Workspace;
        let v = serde_json::json!({
            "schema": 1,
            "units": [
                { "id": "R", "name": "Region" },
                { "id": "MED", "name": "Medicin", "parent": "R", "level": "department" }
            ],
            "costTypes": [{ "id": "4000", "name": "Kostnader", "kind": "cost" }],
            "budget": [{ "unit": "MED", "costType": "4000", "year": 2025, "annual": "-1200" }],
            "outcome": [{ "unit": "MED", "costType": "4000", "month": "2025-02", "amount": "-300" }],
            "goals": [{
                "id": "G1", "name": "Vård i tid",
                "indicators": [
                    { "id": "I1", "name": "Vårddygn", "target": 1000, "outcome": "1100", "direction": "lower",
                      "partly": 1150, "unit": "MED", "costType": "4000" },
                    { "id": "I2", "name": "Patientnöjdhet", "assessed": "met" }
                ]
            }]
        });
        let mut ws = Workspace::new();
        let summary = ws
            .import(crate::import::json::read(|| &v).unwrap())
            .unwrap();
        assert_eq!(summary.added.goals, 1);
        let options = GoalsOptions {
            as_of: Some("2025-02".into()),
        };
        let report = ws.goals(&options).unwrap();
        let i1 = &report.goals[0].indicators[0];
        assert_eq!(i1.fulfilment, Fulfilment::Partly);
        let deviation = i1.deviation.as_ref().unwrap();
        // Budget −200 through February, outcome −300: −100.
        assert_eq!(deviation.deviation.unwrap().to_canonical(), "-100");
        assert_eq!(report.goals[0].indicators[1].deviation, None);
        assert_eq!(report.counts.met, 1);
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["goals"][0]["indicators"][0]["fulfilment"], "partly");
        assert_eq!(json["goals"][0]["indicators"][0]["costType"], "4000");
        assert_eq!(json["goals"][0]["indicators"][1]["fulfilment"], "met");
        // A goal tied to a unit that does not exist is refused, naming the field.
        let bad = serde_json::json!({ "schema": 1, "goals": [
            { "id": "G2", "name": "x", "indicators": [{ "id": "a", "name": "a", "unit": "NOPE" }] }
        ]});
        let e = ws
            .import(crate::import::json::read(|| &bad).unwrap())
            .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_UNKNOWN_UNIT", Some("goals[0].indicators[0].unit"))
        );
        let e = ws.import_goals_paste("Mål\tMätetal\nG1\t\n").unwrap_err();
        assert_eq!(e.field(), Some("line 2"));
        ws.import_goals_paste("Mål\tMätetal\tBedömning\nVård i tid 2\tVäntetid\tdelvis\n")
            .unwrap();
        assert_eq!(
            ws.goals(&GoalsOptions::default()).unwrap().counts.partly,
            1 + 1
        );
    }
}
