//! Materiality (väsentlighet): the thresholds above which a deviation needs explaining, per tree
//! level, and the status a deviation gets against them.
//!
//! A deviation is material when it passes both an absolute threshold (kr) and a relative one
//! (percent of the budget's magnitude). This module decides statuses; it does not compute
//! deviations, and it does not decide what to do about them (see `escalation`).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{Level, Threshold, ThresholdSet};
use crate::num::money::Amount;
use crate::num::weight::Weight;

impl ThresholdSet {
    /// The thresholds built in, where neither options nor the document give any: larger units
    /// get larger absolute and smaller relative limits, as a regional controller would set them.
    pub fn builtin() -> ThresholdSet {
        let t = |mnkr: i64, percent: i64| {
            Some(Threshold {
                absolute: Amount::new(Decimal::from(mnkr * 1_000_000)),
                percent: Weight(Decimal::from(percent)),
            })
        };
        ThresholdSet {
            region: t(20, 1),
            committee: t(10, 1),
            administration: t(5, 2),
            area: t(2, 2),
            department: t(1, 3),
            unit: t(0, 5).map(|t| Threshold {
                absolute: Amount::new(Decimal::from(250_000)),
                ..t
            }),
            default: None,
        }
    }

    fn entries(&self) -> [(&'static str, Option<&Threshold>); 7] {
        [
            ("region", self.region.as_ref()),
            ("committee", self.committee.as_ref()),
            ("administration", self.administration.as_ref()),
            ("area", self.area.as_ref()),
            ("department", self.department.as_ref()),
            ("unit", self.unit.as_ref()),
            ("default", self.default.as_ref()),
        ]
    }

    /// Negative thresholds are refused, naming the level.
    pub fn check(&self) -> Result<()> {
        for (name, t) in self.entries() {
            let Some(t) = t else { continue };
            if t.absolute.decimal() < Decimal::ZERO {
                return Err(Error::option("a threshold cannot be negative")
                    .at("absolute")
                    .at(name));
            }
            if t.percent.0 < Decimal::ZERO {
                return Err(Error::option("a threshold cannot be negative")
                    .at("percent")
                    .at(name));
            }
        }
        Ok(())
    }

    /// This set's threshold for `level`: the level's own, else `default`.
    fn for_level(&self, level: Option<Level>) -> Option<Threshold> {
        let own = match level? {
            Level::Region => self.region,
            Level::Committee => self.committee,
            Level::Administration => self.administration,
            Level::Area => self.area,
            Level::Department => self.department,
            Level::Unit => self.unit,
        };
        own.or(self.default)
    }
}

/// The thresholds in force for a report: the caller's, then the document's, then the built-in
/// ones; the first set that has the level (or a `default`) decides.
#[derive(Clone, Debug)]
pub struct Thresholds {
    sets: Vec<ThresholdSet>,
}

impl Thresholds {
    pub fn new(options: Option<&ThresholdSet>, document: Option<&ThresholdSet>) -> Thresholds {
        let sets = options
            .into_iter()
            .chain(document)
            .cloned()
            .chain([ThresholdSet::builtin()])
            .collect();
        Thresholds { sets }
    }

    /// The threshold for a unit at `level`; a unit without a level counts as `unit`.
    pub fn for_level(&self, level: Option<Level>) -> Threshold {
        let level = level.or(Some(Level::Unit));
        self.sets
            .iter()
            .find_map(|set| set.for_level(level))
            .or_else(|| ThresholdSet::builtin().for_level(Some(Level::Unit)))
            .expect("the built-in set has every level")
    }
}

/// How a deviation stands against the thresholds of its unit's level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Within both thresholds, or passing one while favourable.
    Within,
    /// Passes both and is positive: still needs an explanation.
    Favourable,
    /// Negative and passes one threshold: keep an eye on it.
    Watch,
    /// Negative and passes both (väsentlig avvikelse).
    Material,
}

impl Threshold {
    /// The status of `deviation` against `budget`. Where the budget is zero, any non-zero
    /// deviation passes the relative threshold (its percent is unbounded), as it would in a
    /// controller's eyes: a cost nobody budgeted for.
    pub fn status(&self, deviation: Amount, budget: Amount) -> Status {
        let size = deviation.decimal().abs();
        let absolute = size > self.absolute.decimal();
        // size / |budget| > p / 100, multiplied out so no division rounds.
        let relative = !size.is_zero()
            && size * Decimal::ONE_HUNDRED > self.percent.0 * budget.decimal().abs();
        let negative = deviation.decimal() < Decimal::ZERO;
        match (absolute && relative, absolute || relative, negative) {
            (true, _, true) => Status::Material,
            (true, _, false) => Status::Favourable,
            (false, true, true) => Status::Watch,
            _ => Status::Within,
        }
    }

    /// `true` when `amount` is larger than the absolute threshold (used for the optimistic flag).
    pub fn exceeded_by(&self, amount: Amount) -> bool {
        amount.decimal() > self.absolute.decimal()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kr(n: i64) -> Amount {
        Amount::new(Decimal::from(n))
    }

    fn threshold(absolute: i64, percent: i64) -> Threshold {
        Threshold {
            absolute: kr(absolute),
            percent: Weight(Decimal::from(percent)),
        }
    }

    #[test]
    fn statuses_follow_the_two_thresholds_and_the_sign() {
        let t = threshold(1000, 5);
        // Budget −100 000: 5 % is 5 000 kr.
        let budget = kr(-100_000);
        assert_eq!(t.status(kr(-6000), budget), Status::Material);
        assert_eq!(t.status(kr(6000), budget), Status::Favourable);
        assert_eq!(t.status(kr(-2000), budget), Status::Watch, "passes kr only");
        assert_eq!(
            t.status(kr(2000), budget),
            Status::Within,
            "favourable, one threshold"
        );
        assert_eq!(t.status(kr(-1000), budget), Status::Within, "at, not above");
        // Budget −10 000: 5 % is 500 kr, so −800 passes the percent only.
        assert_eq!(t.status(kr(-800), kr(-10_000)), Status::Watch);
        assert_eq!(t.status(kr(0), kr(0)), Status::Within);
        // A zero budget: any deviation is beyond every percent.
        assert_eq!(t.status(kr(-1001), kr(0)), Status::Material);
        assert_eq!(t.status(kr(-10), kr(0)), Status::Watch);
    }

    #[test]
    fn the_first_set_with_the_level_or_a_default_decides() {
        let caller = ThresholdSet {
            committee: Some(threshold(1, 1)),
            ..ThresholdSet::default()
        };
        let stored = ThresholdSet {
            default: Some(threshold(2, 2)),
            ..ThresholdSet::default()
        };
        let all = Thresholds::new(Some(&caller), Some(&stored));
        assert_eq!(all.for_level(Some(Level::Committee)), threshold(1, 1));
        assert_eq!(all.for_level(Some(Level::Area)), threshold(2, 2));
        assert_eq!(all.for_level(None), threshold(2, 2));
        let builtin = Thresholds::new(None, None);
        assert_eq!(
            builtin.for_level(Some(Level::Committee)),
            threshold(10_000_000, 1)
        );
        assert_eq!(builtin.for_level(None), threshold(250_000, 5));
    }

    #[test]
    fn negative_thresholds_name_their_level() {
        let set = ThresholdSet {
            area: Some(threshold(-1, 1)),
            ..ThresholdSet::default()
        };
        let e = set.check().unwrap_err();
        assert_eq!((e.code(), e.field()), ("E_OPTION", Some("area.absolute")));
    }
}
