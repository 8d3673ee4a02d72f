//! The two naive projections a forecast is held against (DOMAIN.md): the year-to-date outcome
//! plus the remaining budget, and the run rate. A forecast better than both by more than the
//! unit's absolute threshold is flagged optimistic. This checks forecasts; it does not make them.

use serde::Serialize;

use crate::num::money::{round_half_away, Amount};

use super::Totals;
use crate::model::Threshold;

/// Projections of the full-year result from the year to date.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Projections {
    /// `ytd outcome + (year budget − ytd budget)`: the rest of the year goes to plan.
    pub remaining_budget: Amount,
    /// `ytd outcome / (ytd budget / year budget)`, to the öre: the year goes on as it has;
    /// absent where the ytd budget is zero.
    pub run_rate: Option<Amount>,
    /// The forecast is better than both projections (than the first, where the run rate is
    /// absent) by more than the absolute threshold; absent without a forecast.
    pub optimistic: Option<bool>,
}

impl Projections {
    pub(crate) fn new(t: &Totals, forecast: Option<Amount>, threshold: &Threshold) -> Projections {
        let remaining_budget = t.ytd.outcome + (t.year_budget - t.ytd.budget);
        let run_rate = run_rate(t.ytd.outcome, t.ytd.budget, t.year_budget);
        let optimistic = forecast.map(|f| {
            [Some(remaining_budget), run_rate]
                .into_iter()
                .flatten()
                .all(|p| threshold.exceeded_by(f - p))
        });
        Projections {
            remaining_budget,
            run_rate,
            optimistic,
        }
    }
}

/// `outcome * year / budget` rounded half away to the öre; `None` for a zero ytd budget.
fn run_rate(outcome: Amount, budget: Amount, year: Amount) -> Option<Amount> {
    if budget.is_zero() {
        return None;
    }
    let scaled = outcome.decimal().checked_mul(year.decimal())?;
    let rate = scaled.checked_div(budget.decimal())?;
    Some(Amount::new(round_half_away(rate, 2)))
}

#[cfg(test)]
mod tests {
    use super::super::Span;
    use super::*;
    use crate::num::weight::Weight;
    use rust_decimal::Decimal;

    fn kr(n: i64) -> Amount {
        Amount::new(Decimal::from(n))
    }

    /// Budget −1 200 for the year, −800 through August, outcome −880 through August.
    fn totals() -> Totals {
        Totals {
            ytd: Span {
                budget: kr(-800),
                outcome: kr(-880),
                one_offs: Amount::ZERO,
                gross_cost: None,
            },
            year_budget: kr(-1200),
            ..Totals::default()
        }
    }

    fn threshold(absolute: i64) -> Threshold {
        Threshold {
            absolute: kr(absolute),
            percent: Weight(Decimal::ONE),
        }
    }

    #[test]
    fn both_projections_and_the_optimistic_flag() {
        // Remaining budget: −880 − 400 = −1 280; run rate: −880 × 1 200 / 800 = −1 320.
        let p = Projections::new(&totals(), Some(kr(-1200)), &threshold(50));
        assert_eq!(p.remaining_budget, kr(-1280));
        assert_eq!(p.run_rate, Some(kr(-1320)));
        // −1 200 is 80 better than −1 280 and 120 better than −1 320: optimistic beyond 50.
        assert_eq!(p.optimistic, Some(true));
        let p = Projections::new(&totals(), Some(kr(-1200)), &threshold(80));
        assert_eq!(p.optimistic, Some(false), "80 better is not more than 80");
        let p = Projections::new(&totals(), None, &threshold(0));
        assert_eq!(p.optimistic, None);
    }

    #[test]
    fn the_run_rate_is_absent_without_a_ytd_budget_and_rounds_half_away() {
        let mut t = totals();
        t.ytd.budget = Amount::ZERO;
        assert_eq!(Projections::new(&t, None, &threshold(0)).run_rate, None);
        // −1 × 1 / 8 = −0.125 → −0.13.
        assert_eq!(
            run_rate(kr(-1), kr(8), kr(1)).unwrap().to_canonical(),
            "-0.13"
        );
    }
}
