//! The grant cliff (bidragsstupet): for each following year of the plan, the result effect lost
//! from temporary grants that have ended plus the costs they leave behind, as a projected
//! structural gap against the forecast year.
//!
//! A grant that ends in year `L` (its last year paid) is missing from `L + 1` on, and from then on
//! its forecast-year result effect is lost and its remaining costs (staff hired on grant money)
//! stay every year. Figures are cumulative against the forecast year. Not here: new grants or
//! extensions, which the register would have to hold as grants of later years.

use serde::Serialize;

use crate::model::Grant;
use crate::num::money::Amount;

/// One plan year of the cliff.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CliffYear {
    pub year: i32,
    /// Result effect lost against the forecast year (≤ 0 for grants that helped the result).
    pub lost_effect: Amount,
    /// Costs that stay after the grants ended (≤ 0).
    pub remaining_costs: Amount,
    /// `lost_effect + remaining_costs`: the projected structural gap (negative is worse).
    pub gap: Amount,
    /// `gap` less the year before's: what this year adds.
    pub change: Amount,
    /// Ids of the grants missing this year for the first time.
    pub ending: Vec<String>,
}

/// One grant's contribution to each plan year: `years` are the plan's years after `year`.
pub fn of_grant(grant: &Grant, effect: Amount, years: &[i32]) -> Vec<(Amount, Amount)> {
    years
        .iter()
        .map(|&y| {
            if grant.last_year() < y {
                (-effect, grant.remaining_costs)
            } else {
                (Amount::ZERO, Amount::ZERO)
            }
        })
        .collect()
}

/// The cliff from the per-year sums of [`of_grant`] and the grants that end, by year.
pub fn build(years: &[i32], sums: &[(Amount, Amount)], ending: &[Vec<String>]) -> Vec<CliffYear> {
    let mut before = Amount::ZERO;
    years
        .iter()
        .zip(sums)
        .zip(ending)
        .map(|((&year, &(lost_effect, remaining_costs)), ending)| {
            let gap = lost_effect + remaining_costs;
            let change = gap - before;
            before = gap;
            CliffYear {
                year,
                lost_effect,
                remaining_costs,
                gap,
                change,
                ending: ending.clone(),
            }
        })
        .collect()
}
