//! Grant scenarios for the forecast year (scenarier): the forecast result if all grants come as
//! forecast, if only decided ones do, weighted by probability, and with none of them.
//!
//! Scenarios move only the temporary grants (the kinds the options name); general and sector
//! grants are permanent funding and stay in every scenario. Not here: the forecast itself.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{Certainty, Grant};
use crate::num::money::{round_half_away, Amount};
use crate::num::weight::Weight;

/// The default probability of each certainty, where a grant gives none: decided 1, announced
/// 0.9, uncertain 0.5 (a conditional grant must give its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CertaintyWeights {
    #[serde(default = "announced")]
    pub announced: Weight,
    #[serde(default = "uncertain")]
    pub uncertain: Weight,
}

fn announced() -> Weight {
    Weight(Decimal::new(9, 1))
}

fn uncertain() -> Weight {
    Weight(Decimal::new(5, 1))
}

impl Default for CertaintyWeights {
    fn default() -> CertaintyWeights {
        CertaintyWeights {
            announced: announced(),
            uncertain: uncertain(),
        }
    }
}

impl CertaintyWeights {
    /// The probability used for `grant`: its own, or the default of its certainty.
    pub fn probability(&self, grant: &Grant) -> Decimal {
        match (grant.probability, grant.certainty) {
            (Some(p), _) => p.0,
            (None, Certainty::Decided) => Decimal::ONE,
            (None, Certainty::Announced) => self.announced.0,
            // Validation makes a conditional grant give a probability; zero is the safe reading.
            (None, Certainty::Conditional) => Decimal::ZERO,
            (None, Certainty::Uncertain) => self.uncertain.0,
        }
    }
}

/// Whether a grant counts in the "decided only" scenario: decided, with its conditions met.
pub fn is_decided(grant: &Grant) -> bool {
    grant.certainty == Certainty::Decided && grant.conditions_met
}

/// The expected result effect, `probability × effect`, rounded to the öre half away from zero.
pub fn weighted(effect: Amount, probability: Decimal) -> Amount {
    let exact = effect.decimal() * probability;
    Amount::new(round_half_away(exact, 2))
}

/// The forecast-year result under each scenario.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scenarios {
    /// The forecast as it stands (prognos): all grants as expected.
    pub as_forecast: Amount,
    /// Only decided grants with their conditions met.
    pub decided_only: Amount,
    /// Each temporary grant's effect weighted by its probability.
    pub probability_weighted: Amount,
    /// No temporary grants at all.
    pub none: Amount,
}

impl Scenarios {
    /// From the forecast result and what each scenario takes away from it.
    pub fn new(forecast: Amount, lost: &Lost) -> Scenarios {
        Scenarios {
            as_forecast: forecast,
            decided_only: forecast - lost.undecided,
            probability_weighted: forecast - lost.unlikely,
            none: forecast - lost.all,
        }
    }
}

/// The temporary result effect each scenario removes, summed over grants.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Lost {
    /// Effect of grants not decided (or with conditions unmet).
    pub undecided: Amount,
    /// `effect − weighted effect`.
    pub unlikely: Amount,
    /// All temporary effect.
    pub all: Amount,
}

impl std::ops::AddAssign<&Lost> for Lost {
    fn add_assign(&mut self, other: &Lost) {
        self.undecided += other.undecided;
        self.unlikely += other.unlikely;
        self.all += other.all;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighting_rounds_half_away_from_zero() {
        let p = Decimal::new(5, 1);
        assert_eq!(
            weighted(Amount::parse("0.03").unwrap(), p).to_canonical(),
            "0.02"
        );
        assert_eq!(
            weighted(Amount::parse("-0.03").unwrap(), p).to_canonical(),
            "-0.02"
        );
        assert_eq!(
            weighted(Amount::parse("0.05").unwrap(), Decimal::new(3, 1)).to_canonical(),
            "0.02"
        );
    }

    #[test]
    fn each_scenario_takes_away_its_own_loss() {
        let kr = |n: i64| Amount::new(Decimal::from(n));
        let lost = Lost {
            undecided: kr(30),
            unlikely: kr(12),
            all: kr(100),
        };
        let s = Scenarios::new(kr(50), &lost);
        assert_eq!(
            (
                s.as_forecast,
                s.decided_only,
                s.probability_weighted,
                s.none
            ),
            (kr(50), kr(20), kr(38), kr(-50))
        );
    }
}
