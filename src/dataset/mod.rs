//! The checked dataset: a document's budget, outcome, forecasts and one-off items per unit
//! position and year (and per cost type), ready for the engines. Built once per import; every
//! report reads it, so a view for another month or unit never re-reads the rows.
//!
//! Not here: building it ([`build`]: the checks of meaning and the indexes), the measures, grants
//! and goals (the engines read those from the document), or any figure beyond a unit's own sums.

mod build;

use std::collections::BTreeMap;

use crate::calendar::Month;
use crate::hash::FastMap;
use crate::model::{CostType, VolumeRow};
use crate::num::money::{Amount, Months};
use crate::org::Tree;

/// Budget, outcome and forecasts per unit position and year, ready for the engines.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub tree: Tree,
    budget: FastMap<(usize, i32), Months>,
    outcome: FastMap<(usize, i32), Months>,
    forecasts: FastMap<(usize, i32), BTreeMap<Month, Amount>>,
    /// The cost types (kostnadsslag), in input order; [`Slice::CostType`] indexes them.
    pub cost_types: Vec<CostType>,
    typed: Typed,
    one_offs: FastMap<(usize, i32), Months>,
    /// Volume rows by unit position, for the volume and price split.
    pub volumes: Vec<(usize, VolumeRow)>,
    /// Gross cost (bruttokostnad) per unit position and year, budget and outcome, summed once
    /// here so a report does not visit every cost type of every unit.
    gross: FastMap<(usize, i32), GrossCost>,
}

/// The year's budget and outcome of a unit's own rows whose cost type is of kind `cost`; `None`
/// where the unit has no such row on that side.
#[derive(Clone, Copy, Debug, Default)]
struct GrossCost {
    budget: Option<Amount>,
    outcome: Option<Amount>,
}

/// The rows that name a cost type, indexed by unit position, year and cost type position.
#[derive(Clone, Debug, Default)]
struct Typed {
    budget: FastMap<(usize, i32, usize), Months>,
    outcome: FastMap<(usize, i32, usize), Months>,
    forecasts: FastMap<(usize, i32, usize), BTreeMap<Month, Amount>>,
    one_offs: FastMap<(usize, i32, usize), Months>,
}

/// Which rows a figure covers: all of them, those of one cost type, or those without one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slice {
    All,
    /// The position of a cost type in [`Dataset::cost_types`].
    CostType(usize),
    /// Rows that name no cost type: what is left of `All` after every cost type.
    Untyped,
}

impl Dataset {
    /// The unit's own monthly budget for `year` (zeros where it has none).
    pub fn budget(&self, pos: usize, year: i32) -> Months {
        self.budget
            .get(&(pos, year))
            .copied()
            .unwrap_or([Amount::ZERO; 12])
    }

    /// The unit's own monthly outcome for `year` (zeros where nothing is booked).
    pub fn outcome(&self, pos: usize, year: i32) -> Months {
        self.outcome
            .get(&(pos, year))
            .copied()
            .unwrap_or([Amount::ZERO; 12])
    }

    /// The unit's latest forecast for `year` made in or before `as_of`, with the month it was made.
    pub fn latest_forecast(&self, pos: usize, year: i32, as_of: Month) -> Option<(Month, Amount)> {
        let made = self.forecasts.get(&(pos, year))?;
        made.range(..=as_of).next_back().map(|(m, a)| (*m, *a))
    }

    /// The unit's own monthly budget for `year` in `slice`.
    pub fn budget_in(&self, pos: usize, year: i32, slice: Slice) -> Months {
        self.months_in(self.budget(pos, year), &self.typed.budget, pos, year, slice)
    }

    /// The unit's own monthly outcome for `year` in `slice`.
    pub fn outcome_in(&self, pos: usize, year: i32, slice: Slice) -> Months {
        self.months_in(
            self.outcome(pos, year),
            &self.typed.outcome,
            pos,
            year,
            slice,
        )
    }

    /// The unit's own one-off items (engångsposter) per month of `year` in `slice`.
    pub fn one_offs_in(&self, pos: usize, year: i32, slice: Slice) -> Months {
        let all = self
            .one_offs
            .get(&(pos, year))
            .copied()
            .unwrap_or([Amount::ZERO; 12]);
        self.months_in(all, &self.typed.one_offs, pos, year, slice)
    }

    /// The unit's latest forecast for `year` made in or before `as_of`, in `slice`. A cost type
    /// takes the rows made that month that name it, or its budget when none does (a forecast
    /// "according to budget"); the rows without a cost type take the rest of the forecast.
    pub fn forecast_in(
        &self,
        pos: usize,
        year: i32,
        as_of: Month,
        slice: Slice,
    ) -> Option<(Month, Amount)> {
        let (made, total) = self.latest_forecast(pos, year, as_of)?;
        let typed = |c: usize| {
            let given = self.typed.forecasts.get(&(pos, year, c));
            match given.and_then(|m| m.get(&made)) {
                Some(amount) => *amount,
                None => self.budget_in(pos, year, Slice::CostType(c)).iter().sum(),
            }
        };
        let amount = match slice {
            Slice::All => total,
            Slice::CostType(c) => typed(c),
            Slice::Untyped => total - (0..self.cost_types.len()).map(typed).sum(),
        };
        Some((made, amount))
    }

    /// Gross cost (bruttokostnad) of the unit's own rows for `year`: the budget (or, with
    /// `outcome`, the booked outcome) of the rows whose cost type is of kind `cost`; `None`
    /// where the unit has no such row.
    pub fn gross_cost(&self, pos: usize, year: i32, outcome: bool) -> Option<Amount> {
        let gross = self.gross.get(&(pos, year))?;
        if outcome {
            gross.outcome
        } else {
            gross.budget
        }
    }

    /// The first month of `year` in which any unit made a forecast; no month, no forecast.
    pub fn first_forecast(&self, year: i32) -> Option<Month> {
        self.forecasts
            .iter()
            .filter(|((_, y), _)| *y == year)
            .filter_map(|(_, made)| made.keys().next().copied())
            .min()
    }

    /// The months of `slice` from the all-rows months and the per-cost-type ones.
    fn months_in(
        &self,
        all: Months,
        typed: &FastMap<(usize, i32, usize), Months>,
        pos: usize,
        year: i32,
        slice: Slice,
    ) -> Months {
        let of = |c: usize| {
            typed
                .get(&(pos, year, c))
                .copied()
                .unwrap_or([Amount::ZERO; 12])
        };
        match slice {
            Slice::All => all,
            Slice::CostType(c) => of(c),
            Slice::Untyped => {
                let mut rest = all;
                for c in 0..self.cost_types.len() {
                    for (r, part) in rest.iter_mut().zip(of(c)) {
                        *r -= part;
                    }
                }
                rest
            }
        }
    }
}
