//! Effect tracking (effekthemtagning): how much of the savings that measures promised has come,
//! will come, and is missing, per measure and rolled up by unit, category and programme.
//!
//! Effects are savings, so a positive amount is a better result. The engine reads the measures
//! and programmes of a workspace document and the unit tree; it does not read budget or outcome
//! (the deviation report links to it, not the other way round), and it never writes: recording
//! a unit manager's entries is [`entries`].

pub mod entries;
pub mod measure;
pub mod rollup;
pub mod timeline;

use std::collections::{BTreeMap, HashSet};
use std::ops::AddAssign;

use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::error::{Error, Result};
use crate::num::money::Amount;
use crate::num::ratio::Percent;
use crate::org::Tree;

use crate::model::{Programme, SavingsMeasure, Stage};
use measure::{RiskMapping, Series};
use rollup::{coverage, Cutoffs, EffectFigures, EffectSums};
use timeline::Point;

/// What an effects report is for.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EffectsOptions {
    /// The month reported on, `YYYY-MM`; its year is the year of the measure figures.
    pub as_of: String,
    /// Probabilities of the risk levels; default low 0.9, medium 0.6, high 0.3.
    #[serde(default)]
    pub risk: Option<RiskMapping>,
    /// Realisation-rate cut-offs in percent; default green 90, amber 70.
    #[serde(default)]
    pub cutoffs: Option<Cutoffs>,
}

/// One measure as of the report's month, for its year.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MeasureRow {
    pub id: String,
    pub title: String,
    pub unit: String,
    pub category: Option<String>,
    pub owner: Option<String>,
    pub decision: Option<String>,
    pub status: Stage,
    pub recurring: bool,
    /// The probability applied, from the measure, its risk level, or 1.
    pub probability: String,
    pub planned_start: Option<Month>,
    pub first_realised: Option<Month>,
    /// Months from the planned start to the first realised effect (negative: early); null
    /// while nothing is realised.
    pub delay_months: Option<i32>,
    /// The year of the report's month.
    pub year: EffectFigures,
    /// The programmes it counts towards, with their period figures for this measure.
    pub programmes: Vec<MeasureInProgramme>,
}

/// A measure's share of a programme over the programme's period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeasureInProgramme {
    pub programme: String,
    pub period: EffectFigures,
}

/// A unit and everything below it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitRow {
    pub unit: String,
    pub name: String,
    pub parent: Option<String>,
    pub depth: usize,
    /// Measures in the subtree.
    pub measures: usize,
    pub year: EffectFigures,
}

/// The measures of one category (null: those without a category).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategoryRow {
    pub category: Option<String>,
    pub measures: usize,
    pub year: EffectFigures,
}

/// A programme over its period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgrammeRow {
    pub id: String,
    pub name: String,
    pub target: Amount,
    pub from: i32,
    pub to: i32,
    pub measures: Vec<String>,
    pub period: EffectFigures,
    /// Täckningsgrad `expected / target`; null for a zero target.
    pub coverage: Option<Percent>,
    /// Behov av nya åtgärder `max(0, target − expected)`.
    pub need: Amount,
    pub timeline: Vec<Point>,
}

/// The effects report (effektuppföljning).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EffectsReport {
    pub as_of: Month,
    pub year: i32,
    /// The last month of the year with ledger outcome in the tree (the deviation report's
    /// `outcomeThrough`); the workspace sets it, the measures' own months are in `measures`.
    pub outcome_through: Option<Month>,
    pub cutoffs: Cutoffs,
    pub measures: Vec<MeasureRow>,
    /// Parents before children; only units with measures in their subtree.
    pub units: Vec<UnitRow>,
    /// In order of first appearance in the register.
    pub categories: Vec<CategoryRow>,
    pub programmes: Vec<ProgrammeRow>,
}

impl EffectsReport {
    /// Finds a measure's row by id.
    pub fn measure(&self, id: &str) -> Option<&MeasureRow> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// Finds a unit's row by id: its subtree's year figures (for the deviation report's
    /// escalation coverage, `year.expected`). Units without measures below them have none.
    pub fn unit(&self, id: &str) -> Option<&UnitRow> {
        self.units.iter().find(|u| u.unit == id)
    }

    /// Finds a programme's row by id.
    pub fn programme(&self, id: &str) -> Option<&ProgrammeRow> {
        self.programmes.iter().find(|p| p.id == id)
    }
}

/// Checks the register and programmes of a document against its tree. Errors name the field.
pub fn check(measures: &[SavingsMeasure], programmes: &[Programme], tree: &Tree) -> Result<()> {
    let mut ids = HashSet::new();
    for (i, m) in measures.iter().enumerate() {
        let at = format!("measures[{i}]");
        m.check(tree).map_err(|e| e.at(at.clone()))?;
        if !ids.insert(m.id.as_str()) {
            let reason = format!("the measure id {:?} is used twice", m.id);
            return Err(Error::Schema { reason }.at("id").at(at));
        }
    }
    let mut seen = HashSet::new();
    for (i, p) in programmes.iter().enumerate() {
        check_programme(p, &ids, &mut seen, tree).map_err(|e| e.at(format!("programmes[{i}]")))?;
    }
    Ok(())
}

fn check_programme(
    p: &Programme,
    measures: &HashSet<&str>,
    seen: &mut HashSet<String>,
    tree: &Tree,
) -> Result<()> {
    let schema = |reason: String, field: &str| Err(Error::Schema { reason }.at(field));
    if !seen.insert(p.id.clone()) {
        return schema(format!("the programme id {:?} is used twice", p.id), "id");
    }
    Month::new(p.from, 1).map_err(|e| e.at("from"))?;
    Month::new(p.to, 1).map_err(|e| e.at("to"))?;
    if p.to < p.from || p.to - p.from >= 20 {
        return schema(
            "the period runs from `from` to `to`, at most 20 years".into(),
            "to",
        );
    }
    measure::check_ore(p.target).map_err(|e| e.at("target"))?;
    for (i, id) in p.measures.iter().flatten().enumerate() {
        if !measures.contains(id.as_str()) {
            let err = Error::UnknownMeasure { id: id.to_string() };
            return Err(err.at(format!("measures[{i}]")));
        }
    }
    for (i, id) in p.units.iter().flatten().enumerate() {
        tree.position(id).map_err(|e| e.at(format!("units[{i}]")))?;
    }
    Ok(())
}

/// Computes the effects report of `measures` and `programmes` over `tree`.
pub fn report(
    measures: &[SavingsMeasure],
    programmes: &[Programme],
    tree: &Tree,
    options: &EffectsOptions,
) -> Result<EffectsReport> {
    let as_of = Month::parse(&options.as_of).map_err(|e| e.at("asOf"))?;
    let risks = options.risk.unwrap_or_default();
    risks.check().map_err(|e| e.at("risk"))?;
    let cutoffs = options.cutoffs.unwrap_or_default();
    cutoffs.check().map_err(|e| e.at("cutoffs"))?;
    let year = as_of.year();

    let mut own = vec![EffectSums::default(); tree.len()];
    let mut counts = vec![0usize; tree.len()];
    let mut categories: Vec<(Option<String>, usize, EffectSums)> = Vec::new();
    let mut rows = Vec::with_capacity(measures.len());
    // Each programme's monthly series per year, summed over its measures.
    let mut programme_series: BTreeMap<&str, Vec<Series>> = programmes
        .iter()
        .map(|p| (p.id.as_str(), vec![Series::default(); p.years().count()]))
        .collect();
    let mut programme_members: BTreeMap<&str, Vec<String>> = BTreeMap::new();

    for m in measures {
        let p = m.probability(&risks);
        let series = m.series(year, as_of, p)?;
        let sums = EffectSums::of_series(&series, year, as_of);
        let pos = tree.position(&m.unit)?;
        own[pos] += &sums;
        counts[pos] += 1;
        match categories.iter_mut().find(|(c, _, _)| *c == m.category) {
            Some((_, n, total)) => {
                *n += 1;
                *total += &sums;
            }
            None => categories.push((m.category.clone(), 1, sums)),
        }
        let mut shares = Vec::new();
        for prog in programmes.iter().filter(|prog| prog.includes(m, tree)) {
            let mut period = EffectSums::default();
            let totals = programme_series
                .get_mut(prog.id.as_str())
                .expect("every programme has series");
            for (y, total) in prog.years().zip(totals.iter_mut()) {
                let s = m.series(y, as_of, p)?;
                period += &EffectSums::of_series(&s, y, as_of);
                timeline::add(total, &s);
            }
            programme_members
                .entry(prog.id.as_str())
                .or_default()
                .push(m.id.clone());
            shares.push(MeasureInProgramme {
                programme: prog.id.clone(),
                period: EffectFigures::new(&period, &cutoffs),
            });
        }
        let planned_start = m.planned_start();
        let first_realised = m.first_realised(as_of);
        rows.push(MeasureRow {
            id: m.id.clone(),
            title: m.title.clone(),
            unit: m.unit.clone(),
            category: m.category.clone(),
            owner: m.owner.clone(),
            decision: m.decision.clone(),
            status: m.status,
            recurring: m.recurring,
            probability: p.normalize().to_string(),
            planned_start,
            first_realised,
            delay_months: planned_start
                .zip(first_realised)
                .map(|(s, f)| months_between(s, f)),
            year: EffectFigures::new(&sums, &cutoffs),
            programmes: shares,
        });
    }

    let total = tree.roll_up(&own);
    let total_counts = tree.roll_up(&counts.iter().map(|&n| Count(n)).collect::<Vec<_>>());
    let units = tree
        .subtree(tree.root())
        .filter(|&pos| total_counts[pos].0 > 0)
        .map(|pos| UnitRow {
            unit: tree.unit(pos).id.clone(),
            name: tree.unit(pos).name.clone(),
            parent: tree.parent(pos).map(|p| tree.unit(p).id.clone()),
            depth: tree.depth(pos),
            measures: total_counts[pos].0,
            year: EffectFigures::new(&total[pos], &cutoffs),
        })
        .collect();
    let categories = categories
        .into_iter()
        .map(|(category, measures, sums)| CategoryRow {
            category,
            measures,
            year: EffectFigures::new(&sums, &cutoffs),
        })
        .collect();
    let programmes = programmes
        .iter()
        .map(|prog| {
            let series = &programme_series[prog.id.as_str()];
            let mut period = EffectSums::default();
            for (y, s) in prog.years().zip(series) {
                period += &EffectSums::of_series(s, y, as_of);
            }
            let (coverage, need) = coverage(period.expected, prog.target);
            ProgrammeRow {
                id: prog.id.clone(),
                name: prog.name.clone(),
                target: prog.target,
                from: prog.from,
                to: prog.to,
                measures: programme_members
                    .remove(prog.id.as_str())
                    .unwrap_or_default(),
                period: EffectFigures::new(&period, &cutoffs),
                coverage,
                need,
                timeline: timeline::cumulative(prog.from, series, as_of),
            }
        })
        .collect();
    Ok(EffectsReport {
        as_of,
        year,
        outcome_through: None,
        cutoffs,
        measures: rows,
        units,
        categories,
        programmes,
    })
}

/// A count that rolls up the tree like an amount.
#[derive(Clone, Copy)]
struct Count(usize);

impl AddAssign<&Count> for Count {
    fn add_assign(&mut self, other: &Count) {
        self.0 += other.0;
    }
}

/// Whole months from `from` to `to`.
fn months_between(from: Month, to: Month) -> i32 {
    (to.year() - from.year()) * 12 + to.number() as i32 - from.number() as i32
}

#[cfg(test)]
mod tests;
