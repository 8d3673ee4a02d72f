//! Building the dataset from a document: every row checked against the tree and the cost types,
//! budgets periodised, and the sums indexed by unit position, year and cost type.
//!
//! Not here: the checks of measures, grants and goals (their engines' own `check`), or the
//! all-or-nothing import (the workspace).

use std::collections::BTreeMap;

use crate::budget::monthly_budget;
use crate::calendar::Month;
use crate::chunk;
use crate::error::{Error, Result};
use crate::hash::{FastMap, FastSet};
use crate::model::{BudgetRow, Document, ForecastRow, Kind, OneOffRow, OutcomeRow, VolumeRow};
use crate::num::money::Amount;
use crate::org::Tree;
use crate::recent::Recent;

use super::{Dataset, Gross, Ore, Typed};

impl Dataset {
    /// Checks every row of `doc` against its tree and indexes it. Errors name the field.
    pub fn new(doc: &Document) -> Result<Dataset> {
        let tree = Tree::new(doc.units.clone())?;
        check_cost_types(doc)?;
        let mut b = Builder::new(&tree, doc);
        for (i, comment) in doc.comments.iter().enumerate() {
            b.unit("comments", i, &comment.unit)?;
        }
        for (n, rows) in doc.outcome.chunks(chunk::ROWS).enumerate() {
            b.outcome(rows, n * chunk::ROWS)?;
        }
        b.one_offs(&doc.one_offs)?;
        b.volumes(&doc.volumes)?;
        b.forecasts(&doc.forecasts)?;
        // After the outcome: a budget by last year's profile reads it.
        for (n, rows) in doc.budget.chunks(chunk::ROWS).enumerate() {
            b.budget(rows, n * chunk::ROWS)?;
        }
        let Builder { sums, .. } = b;
        let years: std::collections::BTreeSet<i32> = sums
            .budget
            .keys()
            .chain(sums.outcome.keys())
            .chain(sums.forecasts.keys())
            .map(|&(_, year)| year)
            .collect();
        Ok(Dataset {
            years: years.into_iter().collect(),
            tree,
            budget: sums.budget,
            outcome: sums.outcome,
            forecasts: sums.forecasts,
            cost_types: doc.cost_types.clone(),
            typed: sums.typed,
            one_offs: sums.one_offs,
            volumes: sums.volumes,
            gross: sums.gross,
        })
    }
}

/// The sums a dataset holds, as they are added up.
#[derive(Default)]
struct Sums {
    budget: FastMap<(usize, i32), Ore>,
    outcome: FastMap<(usize, i32), Ore>,
    forecasts: FastMap<(usize, i32), BTreeMap<Month, Amount>>,
    typed: Typed,
    one_offs: FastMap<(usize, i32), Ore>,
    volumes: Vec<(usize, VolumeRow)>,
    gross: FastMap<(usize, i32), Gross>,
}

/// One pass over a document's rows: each list's rows checked and added to [`Sums`], the long
/// lists a chunk per call (see [`chunk`]), with the last unit and cost type looked up remembered.
struct Builder<'d> {
    tree: &'d Tree,
    doc: &'d Document,
    cost_type: FastMap<&'d str, usize>,
    recent_unit: Recent<'d, usize>,
    recent_cost_type: Recent<'d, usize>,
    sums: Sums,
}

impl<'d> Builder<'d> {
    fn new(tree: &'d Tree, doc: &'d Document) -> Builder<'d> {
        let mut sums = Sums::default();
        // Sized once for what a ledger holds (each unit and cost type with a budget row has
        // outcome too): growing a map of 100,000 keys held the old and the new table at once.
        sums.typed.budget.reserve(doc.budget.len());
        sums.typed.outcome.reserve(doc.budget.len());
        Builder {
            tree,
            doc,
            cost_type: doc
                .cost_types
                .iter()
                .enumerate()
                .map(|(i, ct)| (ct.id.as_str(), i))
                .collect(),
            recent_unit: Recent::new(),
            recent_cost_type: Recent::new(),
            sums,
        }
    }

    /// The position of a row's unit; an unknown one is an error at `list[i].unit`.
    fn unit(&mut self, list: &str, i: usize, id: &'d str) -> Result<usize> {
        let tree = self.tree;
        self.recent_unit
            .try_get(id, |id| tree.position(id))
            .map_err(|e| e.at("unit").at(format!("{list}[{i}]")))
    }

    /// The position of a row's cost type (`check_cost_types` has made sure it is known).
    fn cost_type(&mut self, id: Option<&'d str>) -> Option<usize> {
        let index = &self.cost_type;
        id.map(|id| self.recent_cost_type.get(id, |id| index[id]))
    }

    /// Adds outcome rows, the `first`th of the document's on. Out of line: see [`chunk`].
    #[inline(never)]
    fn outcome(&mut self, rows: &'d [OutcomeRow], first: usize) -> Result<()> {
        let (mut outcome, mut gross) = (Held::default(), Held::default());
        for (i, row) in rows.iter().enumerate() {
            let i = first + i;
            let pos = self.unit("outcome", i, &row.unit)?;
            let c = self.cost_type(row.cost_type.as_deref());
            let (year, month) = (row.month.year(), row.month.index());
            let at = || format!("outcome[{i}]");
            let ore = ore_of(row.amount).map_err(|e| e.at("amount").at(at()))?;
            let sums = &mut self.sums;
            let add = |months: &mut Ore| add_ore(&mut months[month], ore).map_err(|e| e.at(at()));
            add(outcome.at(&mut sums.outcome, (pos, year)))?;
            if let Some(side) = side(c.map(|c| self.doc.cost_types[c].kind), || ore) {
                let g = gross.at(&mut sums.gross, (pos, year));
                add(match side {
                    Kind::Cost => g.outcome_cost.get_or_insert([0; 12]),
                    Kind::Revenue => &mut g.outcome_revenue,
                })?;
            }
            if let Some(c) = c {
                add(sums.typed.outcome.entry((pos, year, c)))?;
            }
        }
        outcome.put_back(&mut self.sums.outcome);
        gross.put_back(&mut self.sums.gross);
        Ok(())
    }

    fn one_offs(&mut self, rows: &'d [OneOffRow]) -> Result<()> {
        for (i, row) in rows.iter().enumerate() {
            let pos = self.unit("oneOffs", i, &row.unit)?;
            let c = self.cost_type(row.cost_type.as_deref());
            let (year, month) = (row.month.year(), row.month.index());
            let at = || format!("oneOffs[{i}]");
            let ore = ore_of(row.amount).map_err(|e| e.at("amount").at(at()))?;
            let sums = &mut self.sums;
            let add = |months: &mut Ore| add_ore(&mut months[month], ore).map_err(|e| e.at(at()));
            add(sums.one_offs.entry((pos, year)).or_insert([0; 12]))?;
            if let Some(c) = c {
                add(sums.typed.one_offs.entry((pos, year, c)))?;
            }
        }
        Ok(())
    }

    fn volumes(&mut self, rows: &'d [VolumeRow]) -> Result<()> {
        self.sums.volumes.reserve(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let pos = self.unit("volumes", i, &row.unit)?;
            for (name, value) in [("budget", row.budget), ("actual", row.actual)] {
                if value.0 < rust_decimal::Decimal::ZERO {
                    let reason = "a volume cannot be negative".to_string();
                    return Err(Error::Schema { reason }.at(format!("volumes[{i}].{name}")));
                }
            }
            self.sums.volumes.push((pos, row.clone()));
        }
        Ok(())
    }

    fn forecasts(&mut self, rows: &'d [ForecastRow]) -> Result<()> {
        for (i, row) in rows.iter().enumerate() {
            let pos = self.unit("forecasts", i, &row.unit)?;
            if row.made.year() != row.year {
                let reason = format!("a forecast for {} must be made in that year", row.year);
                return Err(Error::Schema { reason }.at(format!("forecasts[{i}].made")));
            }
            let c = self.cost_type(row.cost_type.as_deref());
            let sums = &mut self.sums;
            let made = sums.forecasts.entry((pos, row.year)).or_default();
            *made.entry(row.made).or_insert(Amount::ZERO) += row.amount;
            if let Some(c) = c {
                let made = sums.typed.forecasts.entry((pos, row.year, c)).or_default();
                *made.entry(row.made).or_insert(Amount::ZERO) += row.amount;
            }
        }
        Ok(())
    }

    /// Adds budget rows, periodised, the `first`th of the document's on. Out of line: see
    /// [`chunk`].
    #[inline(never)]
    fn budget(&mut self, rows: &'d [BudgetRow], first: usize) -> Result<()> {
        let (mut budget, mut gross) = (Held::default(), Held::default());
        for (i, row) in rows.iter().enumerate() {
            let i = first + i;
            let pos = self.unit("budget", i, &row.unit)?;
            let c = self.cost_type(row.cost_type.as_deref());
            let at = || format!("budget[{i}]");
            let sums = &mut self.sums;
            let outcome = &sums.outcome;
            let prior = || {
                outcome
                    .get(&(pos, row.year - 1))
                    .map(|o| super::months(Some(o)))
            };
            let spread = monthly_budget(row, prior).map_err(|e| e.at(at()))?;
            // A budget row of a sparse ledger holds one or two months: the zeros are skipped
            // here and in every sum below.
            let mut ore = [0; 12];
            for (o, amount) in ore.iter_mut().zip(spread) {
                if !amount.is_zero() {
                    *o = ore_of(amount).map_err(|e| e.at(at()))?;
                }
            }
            let add = |months: &mut Ore| add_months(months, &ore).map_err(|e| e.at(at()));
            add(budget.at(&mut sums.budget, (pos, row.year)))?;
            let kind = c.map(|c| self.doc.cost_types[c].kind);
            // The sign of the year's total, the side of a row without a cost type: twelve
            // amounts that each fit an `i64`, added in an `i128`, cannot overflow.
            let total = || ore.iter().map(|&o| i128::from(o)).sum::<i128>().signum() as i64;
            if let Some(side) = side(kind, total) {
                let g = gross.at(&mut sums.gross, (pos, row.year));
                add(match (side, kind) {
                    (Kind::Cost, Some(_)) => g.typed_cost.get_or_insert([0; 12]),
                    (Kind::Cost, None) => g.untyped_cost.get_or_insert([0; 12]),
                    (Kind::Revenue, _) => &mut g.budget_revenue,
                })?;
            }
            if let Some(c) = c {
                add(sums.typed.budget.entry((pos, row.year, c)))?;
            }
        }
        budget.put_back(&mut self.sums.budget);
        gross.put_back(&mut self.sums.gross);
        Ok(())
    }
}

/// The entry of a unit's year that rows are added to, held out of its map while the rows that
/// follow are the same unit's: rows come grouped by unit, so most need no look-up. Put back when
/// the unit changes and at the end of the rows.
struct Held<V> {
    entry: Option<((usize, i32), V)>,
}

impl<V> Default for Held<V> {
    fn default() -> Held<V> {
        Held { entry: None }
    }
}

impl<V: Default> Held<V> {
    /// The sums of `key`, taken from `map` (or new) unless held already.
    fn at(&mut self, map: &mut FastMap<(usize, i32), V>, key: (usize, i32)) -> &mut V {
        if self.entry.as_ref().map_or(true, |(held, _)| *held != key) {
            self.put_back(map);
            let sums = map.remove(&key).unwrap_or_default();
            self.entry = Some((key, sums));
        }
        &mut self.entry.as_mut().expect("held just now").1
    }

    fn put_back(&mut self, map: &mut FastMap<(usize, i32), V>) {
        if let Some((key, sums)) = self.entry.take() {
            map.insert(key, sums);
        }
    }
}

/// Adds `parts` to `sums` month by month (see [`add_ore`]), its zeros skipped.
fn add_months(sums: &mut Ore, parts: &Ore) -> Result<()> {
    for (sum, &part) in sums.iter_mut().zip(parts) {
        if part != 0 {
            add_ore(sum, part)?;
        }
    }
    Ok(())
}

/// Adds `ore` to `sum`; a sum beyond an `i64` of öre (±92 233 720 368 547 758 kr, far past any
/// region's books) is refused rather than wrapped.
fn add_ore(sum: &mut i64, ore: i64) -> Result<()> {
    *sum = sum.checked_add(ore).ok_or_else(|| Error::Schema {
        reason: "the amounts of one unit, cost type and month add up beyond \
                 ±92 233 720 368 547 758 kr"
            .into(),
    })?;
    Ok(())
}

/// A row's amount in öre. The reader held it to whole öre; one beyond an `i64` of öre is refused.
fn ore_of(amount: Amount) -> Result<i64> {
    amount.to_ore().ok_or_else(|| Error::Schema {
        reason: format!("{amount} is beyond ±92 233 720 368 547 758 kr"),
    })
}

/// Which gross side a row is on: its cost type's kind, or without one the sign of its amount
/// in öre (negative is cost; asked for only then); a row of zero without a cost type is on
/// neither.
fn side(kind: Option<Kind>, ore: impl FnOnce() -> i64) -> Option<Kind> {
    let Some(kind) = kind else {
        return match ore().cmp(&0) {
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Less => Some(Kind::Cost),
            std::cmp::Ordering::Greater => Some(Kind::Revenue),
        };
    };
    Some(kind)
}

/// Cost type ids are unique, and every row's cost type is one of them.
fn check_cost_types(doc: &Document) -> Result<()> {
    let mut known = FastSet::default();
    known.reserve(doc.cost_types.len());
    for (i, ct) in doc.cost_types.iter().enumerate() {
        if !known.insert(ct.id.as_str()) {
            let err = Error::DuplicateCostType { id: ct.id.clone() };
            return Err(err.at(format!("costTypes[{i}].id")));
        }
    }
    let budget = named("budget", doc.budget.iter().map(|r| r.cost_type.as_deref()));
    let outcome = named(
        "outcome",
        doc.outcome.iter().map(|r| r.cost_type.as_deref()),
    );
    let forecasts = named(
        "forecasts",
        doc.forecasts.iter().map(|r| r.cost_type.as_deref()),
    );
    let one_offs = named(
        "oneOffs",
        doc.one_offs.iter().map(|r| r.cost_type.as_deref()),
    );
    let volumes = named(
        "volumes",
        doc.volumes.iter().map(|r| r.cost_type.as_deref()),
    );
    let comments = named(
        "comments",
        doc.comments.iter().map(|r| r.cost_type.as_deref()),
    );
    let all = budget.chain(outcome).chain(forecasts).chain(one_offs);
    let mut recent = Recent::new();
    for (list, i, cost_type) in all.chain(volumes).chain(comments) {
        let Some(id) = cost_type else { continue };
        recent.try_get(id, |id| match known.contains(id) {
            true => Ok(()),
            false => {
                let err = Error::UnknownCostType { id: id.to_string() };
                Err(err.at("costType").at(format!("{list}[{i}]")))
            }
        })?;
    }
    Ok(())
}

/// Each row's cost type with the list and index it is found at.
fn named<'a>(
    list: &'static str,
    rows: impl Iterator<Item = Option<&'a str>>,
) -> impl Iterator<Item = (&'static str, usize, Option<&'a str>)> {
    rows.enumerate().map(move |(i, ct)| (list, i, ct))
}
