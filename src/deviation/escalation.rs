//! Escalation (eskalering): a committee whose forecast deviation is material and negative must
//! report to the regional board at once and present an action programme within three months of
//! the month the risk was first seen. This finds that month for the units at a chosen level; it
//! does not judge measures: the workspace joins effect tracking through [`Escalation::cover`].

use serde::Serialize;

use crate::calendar::Month;
use crate::dataset::Dataset;
use crate::model::Level;
use crate::num::money::Amount;
use crate::num::ratio::Percent;

use super::outlook::{outlooks, year_budgets, Outlook};
use super::{ByPosition, Status, Thresholds};

/// Months from the first sighting to the action programme's due date.
const PROGRAMME_MONTHS: usize = 3;

/// When a unit's forecast deviation first became material and negative this year.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Escalation {
    /// The first month whose latest forecast gave a material negative deviation.
    pub first_seen: Month,
    /// The action programme (åtgärdsprogram) is due this month: three months after.
    pub due: Month,
    /// The forecast deviation is still material and negative in the report's month.
    pub material_now: bool,
    /// The year's expected effect (förväntad effekt) of the measures in the unit's subtree, from
    /// effect tracking; absent, never zero, when the subtree has no measures.
    pub expected_effects: Option<Amount>,
    /// How much of the gap the expected effects cover: `expectedEffects / |forecast deviation|`
    /// in percent; absent without measures, or when the forecast shows no gap in the month.
    pub coverage: Option<Percent>,
}

impl Escalation {
    /// Joins effect tracking: `expected` is the year's expected effect of the unit's measures and
    /// `forecast_deviation` the unit's forecast deviation in the report's month.
    pub fn cover(&mut self, expected: Amount, forecast_deviation: Option<Amount>) {
        self.expected_effects = Some(expected);
        let gap = forecast_deviation.filter(|d| *d < Amount::ZERO).map(|d| -d);
        self.coverage = gap.and_then(|gap| Percent::of(expected, gap));
    }
}

/// Escalations by position for the units at `level` in the subtree of `start`, as of `as_of`.
pub(crate) fn first_seen(
    data: &Dataset,
    as_of: Month,
    start: usize,
    level: Level,
    thresholds: &Thresholds,
) -> ByPosition<Escalation> {
    let tree = &data.tree;
    let watched: Vec<usize> = tree
        .subtree(start)
        .filter(|&pos| tree.unit(pos).level == Some(level))
        .collect();
    let mut found = ByPosition::default();
    if watched.is_empty() {
        return found;
    }
    let threshold = thresholds.for_level(Some(level));
    let material = |pos: usize, outlooks: &[Outlook]| {
        let t = &outlooks[pos];
        t.forecast_month.is_some()
            && threshold.status(t.forecast - t.year_budget, t.year_budget) == Status::Material
    };
    // Before the year's first forecast nothing can be material: those months are skipped.
    let Some(first) = data.first_forecast(as_of.year()) else {
        return found;
    };
    let year_budgets = year_budgets(data, as_of.year());
    let months = Month::months_of(as_of.year());
    for month in &months[first.index().min(as_of.index())..=as_of.index()] {
        let outlooks = outlooks(data, &year_budgets, *month);
        for &pos in &watched {
            if !found.contains_key(&pos) && material(pos, &outlooks) {
                let due = (0..PROGRAMME_MONTHS).fold(*month, |m, _| m.next());
                found.insert(
                    pos,
                    Escalation {
                        first_seen: *month,
                        due,
                        material_now: false,
                        expected_effects: None,
                        coverage: None,
                    },
                );
            }
        }
        if *month == as_of {
            for (pos, e) in found.iter_mut() {
                e.material_now = material(*pos, &outlooks);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Slice;
    use crate::deviation::{rolled, Totals};
    use crate::import::json;
    use crate::workspace::Workspace;

    /// The first month each unit at `level` was material, found from the full roll-up of every
    /// month: what [`first_seen`] finds with its lighter one.
    fn by_full_roll_up(data: &Dataset, as_of: Month, level: Level) -> Vec<(usize, Month, bool)> {
        let threshold = Thresholds::new(None, None).for_level(Some(level));
        let material = |t: &Totals| {
            t.forecast_month.is_some()
                && threshold.status(t.forecast - t.year_budget, t.year_budget) == Status::Material
        };
        let months = &Month::months_of(as_of.year())[..=as_of.index()];
        let totals: Vec<Vec<Totals>> = months
            .iter()
            .map(|m| rolled(data, *m, Slice::All))
            .collect();
        let mut found = Vec::new();
        for pos in (0..data.tree.len()).filter(|&p| data.tree.unit(p).level == Some(level)) {
            if let Some(i) = totals.iter().position(|t| material(&t[pos])) {
                found.push((pos, months[i], material(&totals[as_of.index()][pos])));
            }
        }
        found
    }

    #[test]
    fn first_sightings_are_those_of_the_full_roll_up_in_every_month_and_level() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/demo/region-2025.json");
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut ws = Workspace::new();
        ws.import(json::read(|| &v).unwrap()).unwrap();
        let data = ws.data().unwrap();
        let mut escalated = 0;
        for level in [Level::Committee, Level::Administration, Level::Department] {
            for as_of in Month::months_of(2025) {
                let found = first_seen(
                    data,
                    as_of,
                    data.tree.root(),
                    level,
                    &Thresholds::new(None, None),
                );
                let mut got: Vec<(usize, Month, bool)> = found
                    .iter()
                    .map(|(pos, e)| (*pos, e.first_seen, e.material_now))
                    .collect();
                got.sort();
                assert_eq!(
                    got,
                    by_full_roll_up(data, as_of, level),
                    "{level:?} {as_of}"
                );
                escalated += got.len();
            }
        }
        assert!(escalated > 0, "the demo escalates some unit");
    }
}
