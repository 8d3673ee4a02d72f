//! The checked dataset: a document's budget, outcome, forecasts and one-off items per unit
//! position and year (and per cost type), ready for the engines. Built once per import; every
//! report reads it, so a view for another month or unit never re-reads the rows.
//!
//! The two subtree figures that are not a plain sum of the units' own rows are here too
//! ([`subtree`]): the forecast (a unit's forecast is its whole subtree's) and the last booked
//! month. Gross cost and revenue (bruttokostnad, bruttointäkt) have their one definition here:
//! every engine that divides by gross cost or weighs by it reads [`Dataset::gross_cost_in`].
//!
//! The monthly sums are kept in whole öre ([`Ore`]), as every amount a document holds is: half
//! the memory of decimals, and an integer addition per row. They are amounts again when read.
//!
//! Not here: building it ([`build`]: the checks of meaning and the indexes), the measures, grants
//! and goals (the engines read those from the document), or the reports' roll-ups of sums.

mod build;
mod subtree;

use std::collections::BTreeMap;

use crate::calendar::Month;
use crate::hash::FastMap;
use crate::model::{CostType, Kind, VolumeRow};
use crate::num::money::{Amount, Months};
use crate::org::Tree;

/// Twelve months' sums in whole öre; [`months`] makes them amounts.
type Ore = [i64; 12];

/// Budget, outcome and forecasts per unit position and year, ready for the engines.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub tree: Tree,
    budget: FastMap<(usize, i32), Ore>,
    outcome: FastMap<(usize, i32), Ore>,
    forecasts: FastMap<(usize, i32), BTreeMap<Month, Amount>>,
    /// The cost types (kostnadsslag), in input order; [`Slice::CostType`] indexes them.
    pub cost_types: Vec<CostType>,
    typed: Typed,
    one_offs: FastMap<(usize, i32), Ore>,
    /// Volume rows by unit position, for the volume and price split.
    pub volumes: Vec<(usize, VolumeRow)>,
    /// Gross cost and revenue per unit position and year, budget and outcome, sorted once here
    /// so a report does not visit every cost type of every unit.
    gross: FastMap<(usize, i32), Gross>,
    /// The years some unit has budget, outcome or a forecast for, in order.
    pub years: Vec<i32>,
}

/// The gross sides of a unit's own rows for a year, month by month. A row is a cost when its
/// cost type is of kind `cost`, revenue when of kind `revenue`, and, without a cost type, by its
/// sign (a budget row by its year's total, an outcome row by its amount): negative is cost,
/// positive revenue, as the result sign has it. Costs are `None` where no row is a cost.
#[derive(Clone, Copy, Debug, Default)]
struct Gross {
    /// Budgeted cost of the rows naming a cost type of kind `cost`.
    typed_cost: Option<Ore>,
    /// Budgeted cost of the rows without a cost type (the negative ones).
    untyped_cost: Option<Ore>,
    budget_revenue: Ore,
    outcome_cost: Option<Ore>,
    outcome_revenue: Ore,
}

/// The rows that name a cost type, indexed by unit position, year and cost type position.
#[derive(Clone, Debug, Default)]
struct Typed {
    budget: ByCostType,
    outcome: ByCostType,
    forecasts: FastMap<(usize, i32, usize), BTreeMap<Month, Amount>>,
    one_offs: ByCostType,
}

/// Twelve months' sums by unit position, year and cost type position: each key's months once in
/// a list, the map holding where. A map of the months themselves left a third of its slots
/// empty at 96 bytes each, and a sparse ledger has a key for every row or two.
#[derive(Clone, Debug, Default)]
struct ByCostType {
    at: FastMap<(usize, i32, usize), u32>,
    months: Vec<Ore>,
}

impl ByCostType {
    fn get(&self, key: (usize, i32, usize)) -> Option<&Ore> {
        self.at.get(&key).map(|&i| &self.months[i as usize])
    }

    /// The sums of `key`, zeros where it had none.
    fn entry(&mut self, key: (usize, i32, usize)) -> &mut Ore {
        let months = &mut self.months;
        let i = *self.at.entry(key).or_insert_with(|| {
            months.push([0; 12]);
            (months.len() - 1) as u32
        });
        &mut self.months[i as usize]
    }

    /// Room for `n` keys, taken once: growing held the old list and the new at once.
    fn reserve(&mut self, n: usize) {
        self.at.reserve(n);
        self.months.reserve_exact(n);
    }
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
        months(self.budget.get(&(pos, year)))
    }

    /// The unit's own monthly outcome for `year` (zeros where nothing is booked).
    pub fn outcome(&self, pos: usize, year: i32) -> Months {
        months(self.outcome.get(&(pos, year)))
    }

    /// The unit's own latest forecast for `year` made in or before `as_of`, with the month it was
    /// made. It is the forecast of the unit's whole subtree; [`Dataset::forecasts`] applies that.
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
        let all = months(self.one_offs.get(&(pos, year)));
        self.months_in(all, &self.typed.one_offs, pos, year, slice)
    }

    /// Gross cost (bruttokostnad) of the unit's own rows for `year`: the budget (or, with
    /// `outcome`, the booked outcome) of its cost rows (see [`Gross`]); `None` where the unit
    /// has no cost row on that side.
    pub fn gross_cost(&self, pos: usize, year: i32, outcome: bool) -> Option<Amount> {
        let gross = self.gross.get(&(pos, year))?;
        let months = if outcome {
            gross.outcome_cost.map(|o| months(Some(&o)))
        } else {
            add_months(gross.typed_cost, gross.untyped_cost)
        };
        months.map(|m| m.iter().sum())
    }

    /// The budgeted gross cost of the unit's own rows per month of `year` in `slice`: a cost
    /// type of kind `cost` is all cost, one of kind `revenue` none, and the rows without a cost
    /// type are cost where negative. `None` where no row of the slice is a cost.
    pub fn gross_cost_in(&self, pos: usize, year: i32, slice: Slice) -> Option<Months> {
        match slice {
            Slice::CostType(c) if self.cost_types[c].kind == Kind::Cost => self
                .typed
                .budget
                .get((pos, year, c))
                .map(|o| months(Some(o))),
            Slice::CostType(_) => None,
            Slice::Untyped => add_months(self.gross.get(&(pos, year))?.untyped_cost, None),
            Slice::All => {
                let gross = self.gross.get(&(pos, year))?;
                add_months(gross.typed_cost, gross.untyped_cost)
            }
        }
    }

    /// Gross revenue (bruttointäkt) of the unit's own rows per month of `year`: the budget, or
    /// with `outcome` the booked outcome, of its revenue rows (see [`Gross`]).
    pub fn gross_revenue(&self, pos: usize, year: i32, outcome: bool) -> Months {
        let gross = self.gross.get(&(pos, year));
        months(gross.map(|g| match outcome {
            true => &g.outcome_revenue,
            false => &g.budget_revenue,
        }))
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
        typed: &ByCostType,
        pos: usize,
        year: i32,
        slice: Slice,
    ) -> Months {
        let of = |c: usize| months(typed.get((pos, year, c)));
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

/// Sums in öre as amounts; zeros where there are none.
fn months(ore: Option<&Ore>) -> Months {
    ore.map_or([Amount::ZERO; 12], |o| o.map(Amount::from_ore))
}

/// Two sides' months added, as amounts; `None` only where both are.
fn add_months(a: Option<Ore>, b: Option<Ore>) -> Option<Months> {
    let (a, b) = (a.map(|o| months(Some(&o))), b.map(|o| months(Some(&o))));
    match (a, b) {
        (Some(mut a), Some(b)) => {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
            Some(a)
        }
        (a, b) => a.or(b),
    }
}
