//! The result bridge (resultatbrygga): from the budget result to the forecast result of a unit for
//! a year, step by step, so a committee sees what moved the result.
//!
//! This module only lays the steps out and closes them with the exact residual ("other"); the
//! figures of each step come from the engines that own them (effect tracking, state grants, the
//! deviation report), gathered by [`report`].

use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::dataset::Dataset;
use crate::deviation::{self, DeviationOptions, VolumeSplit};
use crate::effects::{self, EffectsOptions};
use crate::error::Result;
use crate::grants;
use crate::model::Document;
use crate::num::money::Amount;

/// What a bridge is for.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BridgeOptions {
    /// The month whose latest forecast ends the bridge, `YYYY-MM`; its year is the year bridged.
    pub as_of: String,
    /// The unit (with its subtree); the root of the tree when absent.
    #[serde(default)]
    pub unit: Option<String>,
}

/// The kinds of step, in the order they are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum StepKind {
    /// Åtgärder: the measures' forecast effect for the year less their planned effect.
    Measures,
    /// Statsbidrag utöver budget: the grants' result effect beyond what the budget assumed.
    Grants,
    /// Engångsposter: one-off items of the year.
    OneOffs,
    /// Volym: the volume part of the volume and price split, where volumes are known.
    Volume,
    /// Pris och effektivitet: the price part of the same split.
    Price,
    /// Övrigt: everything else, the exact residual.
    Other,
}

/// One step of the bridge: its amount and the running result before and after it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub kind: StepKind,
    pub amount: Amount,
    pub from: Amount,
    pub to: Amount,
}

/// The bridge of one unit and year.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BridgeReport {
    pub unit: String,
    pub name: String,
    pub year: i32,
    pub as_of: Month,
    /// Budgeterat resultat: the year's budget of the subtree.
    pub budget: Amount,
    /// Prognostiserat resultat: the latest forecast by `asOf` (the budget where none is made).
    pub forecast: Amount,
    /// When that forecast was made; null when there is none yet.
    pub forecast_month: Option<Month>,
    /// The last month of the year with outcome in the unit's subtree (the deviation report's
    /// `outcomeThrough`).
    pub outcome_through: Option<Month>,
    /// Steps from `budget` to `forecast`; their amounts add up exactly to `forecast − budget`.
    pub steps: Vec<Step>,
}

/// The explained parts of the move from budget to forecast. A part that is not known (no
/// measures, no volumes) is `None` and gets no step.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Parts {
    pub measures: Option<Amount>,
    pub grants: Option<Amount>,
    pub one_offs: Option<Amount>,
    pub volume: Option<Amount>,
    pub price: Option<Amount>,
}

/// Lays out the steps from `budget` to `forecast`: each known part, then "other" as the exact
/// residual, so the steps always add up to `forecast − budget`.
pub fn steps(budget: Amount, forecast: Amount, parts: &Parts) -> Vec<Step> {
    let explained = [
        (StepKind::Measures, parts.measures),
        (StepKind::Grants, parts.grants),
        (StepKind::OneOffs, parts.one_offs),
        (StepKind::Volume, parts.volume),
        (StepKind::Price, parts.price),
    ];
    let mut at = budget;
    let mut out = Vec::with_capacity(explained.len() + 1);
    for (kind, amount) in explained {
        if let Some(amount) = amount {
            out.push(Step {
                kind,
                amount,
                from: at,
                to: at + amount,
            });
            at += amount;
        }
    }
    out.push(Step {
        kind: StepKind::Other,
        amount: forecast - at,
        from: at,
        to: forecast,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn mnkr(n: i64) -> Amount {
        Amount::new(Decimal::from(n * 1_000_000))
    }

    #[test]
    fn known_parts_come_first_and_other_closes_the_gap() {
        // Health care: budget 0, forecast +48; measures 48 short of plan, grants +128 beyond
        // budget, one-offs +10: other is the rest, −32.
        let parts = Parts {
            measures: Some(mnkr(-48)),
            grants: Some(mnkr(128)),
            one_offs: Some(mnkr(10)),
            ..Parts::default()
        };
        let steps = steps(mnkr(0), mnkr(48), &parts);
        let kinds: Vec<StepKind> = steps.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                StepKind::Measures,
                StepKind::Grants,
                StepKind::OneOffs,
                StepKind::Other
            ]
        );
        assert_eq!(steps[3].amount, mnkr(-42));
        assert_eq!((steps[1].from, steps[1].to), (mnkr(-48), mnkr(80)));
        assert_eq!(steps[3].to, mnkr(48));
    }

    #[test]
    fn without_known_parts_the_whole_move_is_other() {
        let steps = steps(mnkr(-236), mnkr(-320), &Parts::default());
        assert_eq!(steps.len(), 1);
        assert_eq!(
            (steps[0].kind, steps[0].amount),
            (StepKind::Other, mnkr(-84))
        );
    }

    fn amount() -> impl Strategy<Value = Amount> {
        (-10_000_000_000_000i64..10_000_000_000_000, 0u32..=2)
            .prop_map(|(n, dp)| Amount::new(Decimal::new(n, dp)))
    }

    proptest! {
        /// Whatever the parts, the steps add up exactly to forecast − budget, each step starts
        /// where the one before ended, and the last ends at the forecast.
        #[test]
        fn steps_always_sum_to_the_move(
            budget in amount(),
            forecast in amount(),
            parts in proptest::collection::vec(proptest::option::of(amount()), 5),
        ) {
            let parts = Parts {
                measures: parts[0], grants: parts[1], one_offs: parts[2], volume: parts[3], price: parts[4],
            };
            let steps = steps(budget, forecast, &parts);
            prop_assert_eq!(steps.iter().map(|s| s.amount).sum::<Amount>(), forecast - budget);
            prop_assert_eq!(steps[0].from, budget);
            prop_assert_eq!(steps.last().unwrap().to, forecast);
            for pair in steps.windows(2) {
                prop_assert_eq!(pair[0].to, pair[1].from);
            }
            prop_assert_eq!(steps.len(), 1 + parts_known(&parts));
        }
    }

    fn parts_known(p: &Parts) -> usize {
        [p.measures, p.grants, p.one_offs, p.volume, p.price]
            .iter()
            .filter(|a| a.is_some())
            .count()
    }
}

/// The result bridge (resultatbrygga) of a unit for the year of `options.as_of`: budget
/// result, then measures (forecast − planned effect), grants beyond budget, one-off items,
/// volume and price where volumes are known (year to date), and the exact residual, to the
/// forecast result. A part the document has no data for gets no step.
pub fn report(data: &Dataset, doc: &Document, options: &BridgeOptions) -> Result<BridgeReport> {
    let deviation_options = DeviationOptions {
        as_of: options.as_of.clone(),
        unit: options.unit.clone(),
        ..DeviationOptions::default()
    };
    let stored = doc.thresholds.as_ref();
    let deviation = deviation::report(data, None, stored, &deviation_options)?;
    let row = &deviation.rows[0];
    let year = deviation.year;
    let measures = if doc.measures.is_empty() {
        None
    } else {
        let options = EffectsOptions {
            as_of: options.as_of.clone(),
            ..Default::default()
        };
        let effects = effects::report(&doc.measures, &doc.programmes, &data.tree, &options)?;
        effects
            .unit(&row.head.unit)
            .map(|u| u.year.forecast - u.year.planned)
    };
    let grants = if doc.grants.is_empty() {
        None
    } else {
        Some(grants::beyond_budget(data, doc, &row.head.unit, year)?)
    };
    let splits: Vec<&VolumeSplit> = deviation.rows.iter().flat_map(|r| &r.volumes).collect();
    let parts = Parts {
        measures,
        grants,
        one_offs: (!doc.one_offs.is_empty()).then_some(row.full_year.one_offs),
        volume: splits.iter().filter_map(|s| s.volume).reduce(|a, b| a + b),
        price: splits.iter().filter_map(|s| s.price).reduce(|a, b| a + b),
    };
    let budget = row.full_year.budget;
    let forecast = row.full_year.forecast.unwrap_or(budget);
    Ok(BridgeReport {
        unit: row.head.unit.clone(),
        name: row.head.name.clone(),
        year,
        as_of: deviation.as_of,
        budget,
        forecast,
        forecast_month: row.full_year.forecast_month,
        outcome_through: row.outcome_through,
        steps: steps(budget, forecast, &parts),
    })
}
