//! Dependency on temporary grants (statsbidragsberoende) for one unit and period: the reported
//! result against the structural one, the grants' shares of the result and of gross revenue, and
//! the masking flag; and the gross revenue and cost those shares need, read from the rows.
//!
//! Not here: which grants are temporary or where they are counted (see [`super::report`]).

use serde::Serialize;

use crate::calendar::Month;
use crate::dataset::Dataset;
use crate::num::money::Amount;
use crate::num::ratio::Percent;

/// A unit's dependency figures for the year to date or the forecast year, its subtree included.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dependency {
    /// Reported result (redovisat resultat): the outcome to date, or the full-year forecast.
    pub reported: Amount,
    /// Amount of all grants held in the subtree, temporary or not.
    pub grants: Amount,
    /// Result effect of the temporary grants held in the subtree.
    pub temporary_effect: Amount,
    /// One-off items (engångsposter) given in the options.
    pub one_offs: Amount,
    /// `reported − temporary_effect − one_offs` (strukturellt resultat).
    pub structural: Amount,
    /// Gross revenue (bruttointäkter) of the subtree.
    pub gross_revenue: Amount,
    /// `temporary_effect / reported` in percent; null unless the reported result is positive.
    pub share_of_result: Option<Percent>,
    /// `temporary_effect / gross_revenue` in percent; null unless gross revenue is positive.
    pub share_of_revenue: Option<Percent>,
    /// Reported result ≥ 0 while the structural result is < 0: the grants hide a deficit.
    pub masking: bool,
    /// Temporary result effect attributed to the subtree by allocation keys (grants without a
    /// key count at their holder).
    pub allocated_effect: Amount,
    /// `reported − temporary_effect + allocated_effect`: the result with the grants where the keys
    /// put them; `structural + one_offs` is the same result without them.
    pub allocated_result: Amount,
}

/// The sums a [`Dependency`] is made from.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DependencySums {
    pub reported: Amount,
    pub grants: Amount,
    pub temporary_effect: Amount,
    pub one_offs: Amount,
    pub gross_revenue: Amount,
    pub allocated_effect: Amount,
}

impl std::ops::AddAssign<&DependencySums> for DependencySums {
    fn add_assign(&mut self, o: &DependencySums) {
        self.reported += o.reported;
        self.grants += o.grants;
        self.temporary_effect += o.temporary_effect;
        self.one_offs += o.one_offs;
        self.gross_revenue += o.gross_revenue;
        self.allocated_effect += o.allocated_effect;
    }
}

impl Dependency {
    pub fn new(s: &DependencySums) -> Dependency {
        let structural = s.reported - s.temporary_effect - s.one_offs;
        let positive = |a: Amount| a > Amount::ZERO;
        Dependency {
            reported: s.reported,
            grants: s.grants,
            temporary_effect: s.temporary_effect,
            one_offs: s.one_offs,
            structural,
            gross_revenue: s.gross_revenue,
            share_of_result: positive(s.reported)
                .then(|| Percent::of(s.temporary_effect, s.reported))
                .flatten(),
            share_of_revenue: positive(s.gross_revenue)
                .then(|| Percent::of(s.temporary_effect, s.gross_revenue))
                .flatten(),
            masking: s.reported >= Amount::ZERO && structural < Amount::ZERO,
            allocated_effect: s.allocated_effect,
            allocated_result: s.reported - s.temporary_effect + s.allocated_effect,
        }
    }
}

/// A unit's own gross figures (its own rows only, by position).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Gross {
    /// Outcome revenue, January through the month.
    pub ytd_revenue: Amount,
    /// Budgeted revenue for the year.
    pub year_revenue: Amount,
    /// Budgeted cost for the year, ≤ 0.
    pub year_cost: Amount,
}

impl std::ops::AddAssign<&Gross> for Gross {
    fn add_assign(&mut self, o: &Gross) {
        self.ytd_revenue += o.ytd_revenue;
        self.year_revenue += o.year_revenue;
        self.year_cost += o.year_cost;
    }
}

/// Each unit's own gross revenue and cost for `as_of`'s year, by position, from the dataset's
/// one definition of gross (a row's cost type's kind, or without one its sign).
pub fn gross(data: &Dataset, as_of: Month) -> Vec<Gross> {
    let year = as_of.year();
    (0..data.tree.len())
        .map(|pos| Gross {
            ytd_revenue: data.gross_revenue(pos, year, true)[..=as_of.index()]
                .iter()
                .sum(),
            year_revenue: data.gross_revenue(pos, year, false).iter().sum(),
            year_cost: data.gross_cost(pos, year, false).unwrap_or(Amount::ZERO),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mnkr(n: i64) -> Amount {
        Amount::new(rust_decimal::Decimal::from(n * 1_000_000))
    }

    #[test]
    fn masking_needs_a_non_negative_reported_and_a_negative_structural_result() {
        let case = |reported: i64, effect: i64| {
            Dependency::new(&DependencySums {
                reported: mnkr(reported),
                temporary_effect: mnkr(effect),
                gross_revenue: mnkr(1000),
                ..DependencySums::default()
            })
        };
        let masked = case(20, 50);
        assert_eq!(masked.structural, mnkr(-30));
        assert!(masked.masking);
        assert_eq!(
            masked.share_of_result.unwrap().decimal().to_string(),
            "250.00"
        );
        assert_eq!(
            masked.share_of_revenue.unwrap().decimal().to_string(),
            "5.00"
        );
        assert!(
            case(0, 1).masking,
            "a zero result hiding a deficit is masking too"
        );
        assert!(!case(20, 20).masking, "structural zero is not a deficit");
        let loss = case(-10, 5);
        assert!(!loss.masking, "a reported loss hides nothing");
        assert_eq!(loss.share_of_result, None, "no share of a negative result");
    }
}
