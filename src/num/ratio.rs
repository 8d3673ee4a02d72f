//! Percentages of amounts, exact and rounded once, for reports.
//!
//! A ratio whose denominator is zero is absent (`None`, `null` in JSON), never infinity or NaN.

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::num::money::{round_half_away, Amount};

/// A percentage with two decimals (`-3.52` means −3,52 %), serialized as a decimal string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Percent(Decimal);

impl Percent {
    /// `part / |whole|` in percent, rounded half away from zero; `None` when `whole` is zero.
    /// Dividing by the magnitude keeps the sign of `part`: a positive deviation stays favourable
    /// whether the budget is a revenue or a cost.
    pub fn of(part: Amount, whole: Amount) -> Option<Percent> {
        if whole.is_zero() {
            return None;
        }
        let ratio = part.decimal().checked_div(whole.decimal().abs())?;
        let percent = ratio.checked_mul(Decimal::ONE_HUNDRED)?;
        Some(Percent(round_half_away(percent, 2)))
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::num::canonical::with_canonical(self.0, |text| s.serialize_str(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kr(n: i64) -> Amount {
        Amount::new(Decimal::from(n))
    }

    #[test]
    fn sign_follows_the_deviation_not_the_budget() {
        assert_eq!(
            Percent::of(kr(-50), kr(-1000))
                .unwrap()
                .decimal()
                .to_string(),
            "-5.00"
        );
        assert_eq!(
            Percent::of(kr(50), kr(-1000))
                .unwrap()
                .decimal()
                .to_string(),
            "5.00"
        );
        assert_eq!(
            Percent::of(kr(-50), kr(1000))
                .unwrap()
                .decimal()
                .to_string(),
            "-5.00"
        );
    }

    #[test]
    fn rounds_half_away_from_zero_and_has_no_value_for_a_zero_budget() {
        // 1/800 = 0.125 %.
        assert_eq!(
            Percent::of(kr(1), kr(800)).unwrap().decimal().to_string(),
            "0.13"
        );
        assert_eq!(
            Percent::of(kr(-1), kr(800)).unwrap().decimal().to_string(),
            "-0.13"
        );
        assert_eq!(Percent::of(kr(5), kr(0)), None);
    }

    #[test]
    fn serializes_as_a_canonical_string() {
        let p = Percent::of(kr(-1), kr(3)).unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"-33.33\"");
        let zero = Percent::of(kr(0), kr(-3)).unwrap();
        assert_eq!(serde_json::to_string(&zero).unwrap(), "\"0\"");
    }
}
