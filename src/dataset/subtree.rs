//! The figures of a unit's whole subtree that are not a plain sum of its units' own rows: the
//! full-year forecast and the last booked month. Every engine that reads a forecast or the last
//! booked month of a subtree reads it here, so there is one rule for each.
//!
//! The forecast rule (DOMAIN, "Deviation analysis"): a forecast made on a unit is the forecast
//! of its whole subtree (regions report "helårsprognos per nämnd"), not an addition to its
//! units' budgets. A unit without a forecast of its own has its own rows at budget plus its
//! children's forecasts, and a child without one (and nothing below it with one) counts at its
//! budget.
//!
//! Not here: the sums that do roll up plainly (budget, outcome, one-offs, gross cost): the
//! engines add those with the tree's roll-up.

use crate::calendar::Month;
use crate::num::money::Amount;

use super::{Dataset, Slice};

/// A unit's full-year forecast for its whole subtree.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SubtreeForecast {
    /// The forecast; the subtree's budget where no forecast counts here.
    pub amount: Amount,
    /// The latest month in which a forecast that counts here was made; `None` for none.
    pub made: Option<Month>,
}

impl Dataset {
    /// Every unit's forecast for its subtree for `year`, the latest made in or before `as_of`,
    /// in `slice`, by position. In a cost type, a unit's forecast takes the rows made that month
    /// that name it, or the subtree's budget of that cost type where none does (a forecast
    /// "according to budget"); the rows without a cost type take the rest, so a unit's cost
    /// types add up to its forecast.
    pub fn forecasts(&self, year: i32, as_of: Month, slice: Slice) -> Vec<SubtreeForecast> {
        match slice {
            Slice::Untyped => {
                let mut rest = self.walk_forecasts(year, as_of, Slice::All);
                for c in 0..self.cost_types.len() {
                    let typed = self.walk_forecasts(year, as_of, Slice::CostType(c));
                    for (r, t) in rest.iter_mut().zip(typed) {
                        r.amount -= t.amount;
                    }
                }
                rest
            }
            _ => self.walk_forecasts(year, as_of, slice),
        }
    }

    /// [`Dataset::forecasts`] for all rows or one cost type: children before parents.
    fn walk_forecasts(&self, year: i32, as_of: Month, slice: Slice) -> Vec<SubtreeForecast> {
        let n = self.tree.len();
        let mut out = vec![SubtreeForecast::default(); n];
        let mut budgets = vec![Amount::ZERO; n];
        let order: Vec<usize> = self.tree.subtree(self.tree.root()).collect();
        for &pos in order.iter().rev() {
            let children = self.tree.children(pos);
            let own_budget: Amount = self.budget_in(pos, year, slice).iter().sum();
            budgets[pos] = own_budget + children.iter().map(|&c| budgets[c]).sum::<Amount>();
            out[pos] = match self.latest_forecast(pos, year, as_of) {
                Some((made, total)) => {
                    let amount = match slice {
                        Slice::CostType(c) => self
                            .typed
                            .forecasts
                            .get(&(pos, year, c))
                            .and_then(|m| m.get(&made))
                            .copied()
                            .unwrap_or(budgets[pos]),
                        _ => total,
                    };
                    SubtreeForecast {
                        amount,
                        made: Some(made),
                    }
                }
                None => SubtreeForecast {
                    amount: own_budget + children.iter().map(|&c| out[c].amount).sum::<Amount>(),
                    made: children.iter().filter_map(|&c| out[c].made).max(),
                },
            };
        }
        out
    }

    /// Every unit's last month of `year` with outcome booked in its subtree (a month whose
    /// outcome is not zero), by position; `None` where nothing is booked.
    pub fn outcome_through(&self, year: i32) -> Vec<Option<Month>> {
        let n = self.tree.len();
        let mut out: Vec<Option<Month>> = vec![None; n];
        let order: Vec<usize> = self.tree.subtree(self.tree.root()).collect();
        for &pos in order.iter().rev() {
            let own = self
                .outcome(pos, year)
                .iter()
                .rposition(|a| !a.is_zero())
                .and_then(|i| Month::new(year, i as u32 + 1).ok());
            let below = self.tree.children(pos).iter().filter_map(|&c| out[c]).max();
            out[pos] = own.max(below);
        }
        out
    }
}

#[cfg(test)]
#[path = "subtree_tests.rs"]
mod tests;
