//! Escalation (eskalering): a committee whose forecast deviation is material and negative must
//! report to the regional board at once and present an action programme within three months of
//! the month the risk was first seen. This finds that month for the units at a chosen level; it
//! does not judge measures: the workspace joins effect tracking through [`Escalation::cover`].

use serde::Serialize;

use crate::calendar::Month;
use crate::money::Amount;
use crate::org::Level;
use crate::ratio::Percent;
use crate::workspace::{Dataset, Slice};

use super::{rolled, ByPosition, Status, Thresholds, Totals};

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
    let mut found = ByPosition::new();
    if watched.is_empty() {
        return found;
    }
    let threshold = thresholds.for_level(Some(level));
    let material = |pos: usize, totals: &[Totals]| {
        let t = &totals[pos];
        t.forecast_month.is_some()
            && threshold.status(t.forecast - t.year_budget, t.year_budget) == Status::Material
    };
    // Before the year's first forecast nothing can be material: those months are skipped.
    let Some(first) = data.first_forecast(as_of.year()) else {
        return found;
    };
    let months = Month::months_of(as_of.year());
    for month in &months[first.index().min(as_of.index())..=as_of.index()] {
        let totals = rolled(data, *month, Slice::All);
        for &pos in &watched {
            if !found.contains_key(&pos) && material(pos, &totals) {
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
                e.material_now = material(*pos, &totals);
            }
        }
    }
    found
}
