//! State-grant dependency (statsbidragsberoende): how much of a unit's result rests on temporary
//! state grants, year to date and for the forecast year, per unit (rolled up) and in total.
//!
//! The register ([`register`]) comes from schema 1 `grants[]` or a pasted table (read by
//! `import/registers/grants.rs`). The report puts each grant's result effect (amount − financed
//! costs) at its holding unit, rolls it up the tree, and derives the structural result and
//! dependency ([`dependency`]), the scenarios ([`scenarios`]), the cliff of the plan years
//! ([`cliff`]) and the allocation of committee-held grants to units ([`allocation`]). It assumes a
//! grant's revenue and the costs it finances are booked in the holder's subtree, so the holder's
//! reported result contains the effect.
//!
//! Not here: the result bridge. It takes "grants beyond budget" for a unit and year from
//! [`beyond_budget`], the same figure as the report's `full_year_beyond_budget`.

pub mod allocation;
pub mod cliff;
pub mod dependency;
pub mod register;
pub mod scenarios;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::dataset::{Dataset, Slice};
use crate::error::{Error, Result};
use crate::model::Document;
use crate::num::money::Amount;
use crate::org::UnitHeader;

use crate::model::{Certainty, Grant, GrantKind, KeyBasis};
use allocation::AllocatedPart;
use cliff::CliffYear;
use dependency::{Dependency, DependencySums, Gross};
use scenarios::{CertaintyWeights, Lost, Scenarios};

/// The plan years after the forecast year the cliff covers when the options do not say.
pub const DEFAULT_PLAN_YEARS: u32 = 3;

/// What a grants report is for.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GrantOptions {
    /// The month reported on, `YYYY-MM`; its year is the forecast year.
    pub as_of: String,
    /// The unit whose subtree is reported; the whole tree when absent.
    #[serde(default)]
    pub unit: Option<String>,
    /// The kinds that count as temporary; targeted and performance when absent.
    #[serde(default)]
    pub temporary: Option<Vec<GrantKind>>,
    /// One-off items (engångsposter) per unit, taken out of the structural result.
    #[serde(default)]
    pub one_offs: Vec<OneOff>,
    /// Years after the forecast year the cliff covers (1 to 10); 3 when absent.
    #[serde(default)]
    pub plan_years: Option<u32>,
    /// Default probabilities of announced and uncertain grants.
    #[serde(default)]
    pub probabilities: Option<CertaintyWeights>,
}

/// A one-off item's amount for a unit (its own rows), result sign: a tax credit is +.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OneOff {
    pub unit: String,
    #[serde(default)]
    pub ytd: Amount,
    #[serde(default)]
    pub full_year: Amount,
}

/// A grant's amount, financed costs and result effect for a period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GrantFigures {
    pub amount: Amount,
    pub financed_costs: Amount,
    /// `amount + financed_costs` (resultateffekt): what the grant adds to the result.
    pub result_effect: Amount,
}

impl GrantFigures {
    pub fn new(amount: Amount, financed_costs: Amount) -> GrantFigures {
        GrantFigures {
            amount,
            financed_costs,
            result_effect: amount + financed_costs,
        }
    }
}

/// One grant of the forecast year, with what the report made of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GrantLine {
    pub id: String,
    pub name: String,
    pub kind: GrantKind,
    /// Whether the options count this kind as temporary.
    pub temporary: bool,
    pub unit: String,
    pub certainty: Certainty,
    /// The probability used for the weighted scenario.
    pub probability: Decimal,
    pub conditions_met: bool,
    pub last_year: i32,
    /// Recognised to date, as of the report's month.
    pub ytd: GrantFigures,
    /// The expected full year.
    pub full_year: GrantFigures,
    /// `probability × full-year result effect`, to the öre.
    pub weighted_effect: Amount,
    /// Full-year result effect less the part in the budget (what the result bridge shows).
    pub beyond_budget: Amount,
    pub remaining_costs: Amount,
    /// How the grant is spread to units, where it has a key.
    pub allocation: Option<Vec<AllocatedPart>>,
}

/// One unit of the report, its subtree included.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GrantRow {
    #[serde(flatten)]
    pub head: UnitHeader,
    pub ytd: Dependency,
    /// `reported` is the subtree's forecast (the deviation report's `fullYear.forecast`, the
    /// budget where none counts).
    pub full_year: Dependency,
    /// Full-year result effect of all grants in the subtree beyond what the budget holds: the
    /// result bridge's step "grants beyond budget".
    pub full_year_beyond_budget: Amount,
    pub scenarios: Scenarios,
    pub cliff: Vec<CliffYear>,
}

/// The grants report: the year's grants, and the units in tree order (the first is the total).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GrantsReport {
    pub name: Option<String>,
    pub as_of: Month,
    pub year: i32,
    pub root: String,
    /// The last month of the year with outcome under `root` (the deviation report's
    /// `outcomeThrough`): year-to-date figures past it hold no outcome for those months.
    pub outcome_through: Option<Month>,
    pub temporary_kinds: Vec<GrantKind>,
    /// The years the cliff covers.
    pub plan_years: Vec<i32>,
    pub grants: Vec<GrantLine>,
    pub rows: Vec<GrantRow>,
}

impl GrantsReport {
    /// The row of `unit`, or `E_UNKNOWN_UNIT` when it is not in the report.
    pub fn row(&self, unit: &str) -> Result<&GrantRow> {
        self.rows
            .iter()
            .find(|r| r.head.unit == unit)
            .ok_or_else(|| Error::UnknownUnit { id: unit.into() })
    }
}

/// Everything summed per unit before roll-up.
#[derive(Clone, Debug, Default)]
struct Own {
    ytd: DependencySums,
    full_year: DependencySums,
    beyond_budget: Amount,
    lost: Lost,
    /// Per plan year: (lost effect, remaining costs).
    cliff: Vec<(Amount, Amount)>,
    /// Per plan year: grants first missing that year.
    ending: Vec<Vec<String>>,
}

impl std::ops::AddAssign<&Own> for Own {
    fn add_assign(&mut self, o: &Own) {
        self.ytd += &o.ytd;
        self.full_year += &o.full_year;
        self.beyond_budget += o.beyond_budget;
        self.lost += &o.lost;
        for (mine, theirs) in self.cliff.iter_mut().zip(&o.cliff) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
        for (mine, theirs) in self.ending.iter_mut().zip(&o.ending) {
            mine.extend(theirs.iter().cloned());
        }
    }
}

/// Computes the grants report of `doc`'s register over `data` as of `options.as_of`.
pub fn report(data: &Dataset, doc: &Document, options: &GrantOptions) -> Result<GrantsReport> {
    let as_of = Month::parse(&options.as_of).map_err(|e| e.at("asOf"))?;
    let tree = &data.tree;
    let start = match &options.unit {
        Some(id) => tree.position(id).map_err(|e| e.at("unit"))?,
        None => tree.root(),
    };
    let year = as_of.year();
    let plan = options.plan_years.unwrap_or(DEFAULT_PLAN_YEARS);
    if !(1..=10).contains(&plan) {
        return Err(Error::option("expected 1 to 10 plan years").at("planYears"));
    }
    let plan_years: Vec<i32> = (1..=plan as i32).map(|k| year + k).collect();
    let temporary_kinds = options
        .temporary
        .clone()
        .unwrap_or_else(|| GrantKind::TEMPORARY_BY_DEFAULT.to_vec());
    let weights = options.probabilities.unwrap_or_default();
    for (name, p) in [
        ("announced", weights.announced.0),
        ("uncertain", weights.uncertain.0),
    ] {
        if p < Decimal::ZERO || p > Decimal::ONE {
            let err = Error::option("expected a probability from 0 to 1");
            return Err(err.at(name).at("probabilities"));
        }
    }

    let blank = Own {
        cliff: vec![(Amount::ZERO, Amount::ZERO); plan_years.len()],
        ending: vec![Vec::new(); plan_years.len()],
        ..Own::default()
    };
    let mut own = vec![blank; tree.len()];
    let gross = dependency::gross(data, as_of);
    for (pos, g) in gross.iter().enumerate() {
        let outcome = data.outcome(pos, year);
        own[pos].ytd.reported = outcome[..=as_of.index()].iter().sum();
        own[pos].ytd.gross_revenue = g.ytd_revenue;
        own[pos].full_year.gross_revenue = g.year_revenue;
    }
    for (i, one_off) in options.one_offs.iter().enumerate() {
        let at = |e: Error| e.at("unit").at(format!("oneOffs[{i}]"));
        let pos = tree.position(&one_off.unit).map_err(at)?;
        own[pos].ytd.one_offs += one_off.ytd;
        own[pos].full_year.one_offs += one_off.full_year;
    }
    let gross_cost: Vec<Amount> = tree
        .roll_up(&gross)
        .iter()
        .map(|g: &Gross| g.year_cost)
        .collect();

    let mut lines = Vec::new();
    for (i, g) in doc
        .grants
        .iter()
        .enumerate()
        .filter(|(_, g)| g.year == year)
    {
        let line = grant_line(g, as_of, &temporary_kinds, &weights, tree, &gross_cost)
            .map_err(|e| e.at(format!("grants[{i}]")))?;
        let holder = tree.position(&g.unit)?;
        let o = &mut own[holder];
        o.ytd.grants += line.ytd.amount;
        o.full_year.grants += line.full_year.amount;
        o.beyond_budget += line.beyond_budget;
        if line.temporary {
            let effect = line.full_year.result_effect;
            o.ytd.temporary_effect += line.ytd.result_effect;
            o.full_year.temporary_effect += effect;
            o.lost.all += effect;
            o.lost.unlikely += effect - line.weighted_effect;
            if !scenarios::is_decided(g) {
                o.lost.undecided += effect;
            }
            for (k, contribution) in cliff::of_grant(g, effect, &plan_years)
                .into_iter()
                .enumerate()
            {
                o.cliff[k].0 += contribution.0;
                o.cliff[k].1 += contribution.1;
            }
            if let Some(k) = plan_years.iter().position(|&y| y == g.last_year() + 1) {
                o.ending[k].push(g.id.clone());
            }
            match &line.allocation {
                Some(parts) => {
                    for part in parts {
                        let to = &mut own[tree.position(&part.unit)?];
                        to.ytd.allocated_effect += part.ytd.result_effect;
                        to.full_year.allocated_effect += part.full_year.result_effect;
                    }
                }
                None => {
                    let o = &mut own[holder];
                    o.ytd.allocated_effect += line.ytd.result_effect;
                    o.full_year.allocated_effect += effect;
                }
            }
        }
        lines.push(line);
    }

    let mut total = tree.roll_up(&own);
    // The full year's reported result is the subtree's forecast, which is not a sum.
    for (t, f) in total
        .iter_mut()
        .zip(data.forecasts(year, as_of, Slice::All))
    {
        t.full_year.reported = f.amount;
    }
    let base_depth = tree.depth(start);
    let in_report: Vec<usize> = tree.subtree(start).collect();
    let rows = in_report
        .iter()
        .map(|&pos| {
            let t = &total[pos];
            let full_year = Dependency::new(&t.full_year);
            GrantRow {
                head: tree.header(pos, base_depth),
                ytd: Dependency::new(&t.ytd),
                scenarios: Scenarios::new(full_year.reported, &t.lost),
                full_year,
                full_year_beyond_budget: t.beyond_budget,
                cliff: cliff::build(&plan_years, &t.cliff, &t.ending),
            }
        })
        .collect();
    // Only the grants held in the reported subtree.
    let grants = lines
        .into_iter()
        .filter(|l| tree.position(&l.unit).is_ok_and(|p| in_report.contains(&p)))
        .collect();
    Ok(GrantsReport {
        name: doc.name.clone(),
        as_of,
        year,
        root: tree.unit(start).id.clone(),
        outcome_through: data.outcome_through(year)[start],
        temporary_kinds,
        plan_years,
        grants,
        rows,
    })
}

/// Grants beyond budget (bidrag utöver budget) for the result bridge: the full-year result effect
/// of every grant of `year` held in the subtree of `unit`, temporary or not, less the part the
/// budget already holds. Counted where the grants are booked (their holders), like the budget and
/// forecast the bridge runs between; allocation keys play no part.
pub fn beyond_budget(data: &Dataset, doc: &Document, unit: &str, year: i32) -> Result<Amount> {
    let tree = &data.tree;
    let start = tree.position(unit).map_err(|e| e.at("unit"))?;
    let in_subtree: Vec<usize> = tree.subtree(start).collect();
    Ok(doc
        .grants
        .iter()
        .filter(|g| g.year == year)
        .filter(|g| {
            tree.position(&g.unit)
                .is_ok_and(|p| in_subtree.contains(&p))
        })
        .map(Grant::beyond_budget)
        .sum())
}

/// One grant's figures for the report.
fn grant_line(
    g: &Grant,
    as_of: Month,
    temporary_kinds: &[GrantKind],
    weights: &CertaintyWeights,
    tree: &crate::org::Tree,
    gross_cost: &[Amount],
) -> Result<GrantLine> {
    let (recognised, costs_to_date) = g.to_date(as_of);
    let ytd = GrantFigures::new(recognised, costs_to_date);
    let full_year = GrantFigures::new(g.amount, g.financed_costs);
    let probability = weights.probability(g);
    let allocation = match &g.allocation {
        Some(key) => {
            let w = allocation::weights(key, tree, gross_cost)?;
            if key.by == KeyBasis::Cost && w.iter().all(|w| w.is_zero()) {
                let reason = "the key's units have no budgeted cost to weigh by";
                return Err(Error::Periodise {
                    reason: reason.into(),
                }
                .at("allocation"));
            }
            Some(allocation::split(key, &w, &ytd, &full_year).map_err(|e| e.at("allocation"))?)
        }
        None => None,
    };
    Ok(GrantLine {
        id: g.id.clone(),
        name: g.name.clone(),
        kind: g.kind,
        temporary: temporary_kinds.contains(&g.kind),
        unit: g.unit.clone(),
        certainty: g.certainty,
        probability,
        conditions_met: g.conditions_met,
        last_year: g.last_year(),
        ytd,
        full_year,
        weighted_effect: scenarios::weighted(full_year.result_effect, probability),
        beyond_budget: g.beyond_budget(),
        remaining_costs: g.remaining_costs,
        allocation,
    })
}

#[cfg(test)]
mod tests;
