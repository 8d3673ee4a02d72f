//! Volume and price (volym och pris): where budget and actual volumes are given, the year-to-date
//! deviation split into a volume part `(actual volume − budget volume) × budget unit cost` and a
//! price/efficiency part `(actual unit cost − budget unit cost) × actual volume`. The two add up
//! exactly to the deviation: the volume part is rounded to the öre and the price part is the
//! rest. This splits deviations; it does not plan production.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::Month;
use crate::dataset::{Dataset, Slice};
use crate::hash::FastSet;
use crate::num::money::{round_half_away, Amount};
use crate::num::weight::Weight;

use super::{rolled, ByPosition};

/// One metric's split for a unit (and cost type), year to date.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VolumeSplit {
    /// What is counted (`measure` in JSON).
    #[serde(rename = "measure")]
    pub metric: String,
    /// The cost type whose amounts are split; null for all the unit's rows.
    pub cost_type: Option<String>,
    pub budget_volume: Weight,
    pub actual_volume: Weight,
    /// The subtree's ytd budget, outcome and deviation in the cost type (or all rows).
    pub budget: Amount,
    pub outcome: Amount,
    pub deviation: Amount,
    /// Absent where the budget volume is zero (no budget unit cost).
    pub volume: Option<Amount>,
    pub price: Option<Amount>,
}

/// The volume and price parts of `outcome − budget`; `None` for a zero budget volume.
pub fn split(
    budget: Amount,
    outcome: Amount,
    budget_volume: Decimal,
    actual_volume: Decimal,
) -> Option<(Amount, Amount)> {
    if budget_volume.is_zero() {
        return None;
    }
    let unit_cost = budget.decimal().checked_div(budget_volume)?;
    let volume = (actual_volume - budget_volume).checked_mul(unit_cost)?;
    let volume = Amount::new(round_half_away(volume, 2));
    Some((volume, outcome - budget - volume))
}

/// The splits of every unit in the subtree of `start` with volumes, as of `as_of`.
pub(crate) fn splits(data: &Dataset, as_of: Month, start: usize) -> ByPosition<Vec<VolumeSplit>> {
    if data.volumes.is_empty() {
        return ByPosition::default();
    }
    let inside: FastSet<usize> = data.tree.subtree(start).collect();
    // (position, cost type position, metric) → (budget volume, actual volume), ytd.
    let mut sums: BTreeMap<(usize, Option<usize>, &str), (Decimal, Decimal)> = BTreeMap::new();
    for (pos, row) in &data.volumes {
        if !inside.contains(pos) || row.month.year() != as_of.year() || row.month > as_of {
            continue;
        }
        let c = row
            .cost_type
            .as_deref()
            .and_then(|id| data.cost_types.iter().position(|ct| ct.id == id));
        let sum = sums
            .entry((*pos, c, row.metric.as_str()))
            .or_insert((Decimal::ZERO, Decimal::ZERO));
        sum.0 += row.budget.0;
        sum.1 += row.actual.0;
    }
    let mut totals: BTreeMap<Option<usize>, Vec<super::Totals>> = BTreeMap::new();
    let mut out = ByPosition::default();
    for ((pos, c, metric), (bv, av)) in sums {
        let slice = c.map_or(Slice::All, Slice::CostType);
        let t = totals
            .entry(c)
            .or_insert_with(|| rolled(data, as_of, slice));
        let ytd = t[pos].ytd;
        let parts = split(ytd.budget, ytd.outcome, bv, av);
        out.entry(pos).or_insert_with(Vec::new).push(VolumeSplit {
            metric: metric.to_string(),
            cost_type: c.map(|c| data.cost_types[c].id.clone()),
            budget_volume: Weight(bv),
            actual_volume: Weight(av),
            budget: ytd.budget,
            outcome: ytd.outcome,
            deviation: ytd.outcome - ytd.budget,
            volume: parts.map(|p| p.0),
            price: parts.map(|p| p.1),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kr(n: i64) -> Amount {
        Amount::new(Decimal::from(n))
    }

    #[test]
    fn more_bed_days_than_budgeted_show_as_a_volume_cost() {
        // Budget 1 000 bed days at 5 000 kr: −5 000 000. Actual 1 100 days for −5 830 000.
        let (volume, price) = split(
            kr(-5_000_000),
            kr(-5_830_000),
            Decimal::from(1000),
            Decimal::from(1100),
        )
        .unwrap();
        // 100 more days × 5 000 kr = −500 000; the rest, −330 000, is 300 kr more per day.
        assert_eq!(volume, kr(-500_000));
        assert_eq!(price, kr(-330_000));
        assert_eq!(split(kr(-1), kr(-2), Decimal::ZERO, Decimal::ONE), None);
    }

    proptest! {
        #[test]
        fn volume_and_price_add_up_to_the_deviation_exactly(
            budget in -10_000_000_000i64..10_000_000_000,
            outcome in -10_000_000_000i64..10_000_000_000,
            bv in 1u32..1_000_000,
            av in 0u32..1_000_000,
            bv_dec in 0u32..100,
        ) {
            let budget = Amount::new(Decimal::new(budget, 2));
            let outcome = Amount::new(Decimal::new(outcome, 2));
            let bv = Decimal::from(bv) + Decimal::new(bv_dec.into(), 2);
            let (volume, price) = split(budget, outcome, bv, Decimal::from(av)).unwrap();
            prop_assert_eq!(volume + price, outcome - budget);
            prop_assert!(volume.decimal().scale() <= 2);
        }
    }
}
