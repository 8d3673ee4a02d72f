//! The workspace: the document a caller imported, checked for meaning and indexed for the engines.
//!
//! Data enters once (an import) and stays; reports are computed from the index on request, so a
//! view for another month or unit never re-reads the input. An import that fails validation
//! leaves the workspace exactly as it was.

use std::collections::BTreeMap;


use crate::bridge::{self, BridgeOptions, BridgeReport, Parts};
use crate::budget::{monthly_budget, Months};
use crate::calendar::Month;
use crate::deviation::accuracy::{self, AccuracyOptions, AccuracyReport};
use crate::deviation::volume_price::VolumeSplit;
use crate::deviation::{self, DeviationOptions, DeviationReport};
use crate::error::report::ImportSummary;
use crate::effects::{self, entries, EffectsOptions, EffectsReport};
use crate::model::EffectEntry;
use crate::error::{Error, Result};
use crate::goals::{self, GoalsOptions, GoalsReport};
use crate::grants::{self, GrantOptions, GrantsReport};
use crate::hash::{FastMap, FastSet};
use crate::model::{CostType, Document, Kind, ThresholdSet, VolumeRow, SCHEMA_VERSION};
use crate::num::money::Amount;
use crate::org::Tree;
use crate::recent::Recent;

impl ImportSummary {
    fn of(doc: &Document) -> ImportSummary {
        ImportSummary {
            units: doc.units.len(),
            cost_types: doc.cost_types.len(),
            budget_rows: doc.budget.len(),
            outcome_rows: doc.outcome.len(),
            forecast_rows: doc.forecasts.len(),
            measures: doc.measures.len(),
            programmes: doc.programmes.len(),
            effect_entries: doc.effect_entries.len(),
            one_off_rows: doc.one_offs.len(),
            volume_rows: doc.volumes.len(),
            goals: doc.goals.len(),
            grants: doc.grants.len(),
        }
    }
}

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

    /// Checks every row of `doc` against its tree and indexes it. Errors name the field.
    fn build<'d>(doc: &'d Document) -> Result<Dataset> {
        let tree = Tree::new(doc.units.clone())?;
        check_cost_types(doc)?;
        let cost_type: FastMap<&str, usize> = doc
            .cost_types
            .iter()
            .enumerate()
            .map(|(i, ct)| (ct.id.as_str(), i))
            .collect();
        // One lookup per run of rows naming the same unit or cost type; check_cost_types has
        // made sure every cost type is known.
        let mut recent_cost_type = Recent::new();
        let mut ct =
            |id: Option<&'d str>| id.map(|id| recent_cost_type.get(id, |id| cost_type[id]));
        let mut recent_unit = Recent::new();
        let mut unit = |list: &str, i: usize, id: &'d str| {
            recent_unit
                .try_get(id, |id| tree.position(id))
                .map_err(|e| e.at("unit").at(format!("{list}[{i}]")))
        };
        let mut typed = Typed::default();
        // Sized once for what a ledger holds (each unit and cost type with a budget row has
        // outcome too): growing a map of 100,000 keys held the old and the new table at once.
        typed.budget.reserve(doc.budget.len());
        typed.outcome.reserve(doc.budget.len());

        let mut outcome: FastMap<(usize, i32), Months> = FastMap::default();
        for (i, row) in doc.outcome.iter().enumerate() {
            let pos = unit("outcome", i, &row.unit)?;
            let months = outcome
                .entry((pos, row.month.year()))
                .or_insert([Amount::ZERO; 12]);
            months[row.month.index()] += row.amount;
            if let Some(c) = ct(row.cost_type.as_deref()) {
                let months = typed
                    .outcome
                    .entry((pos, row.month.year(), c))
                    .or_insert([Amount::ZERO; 12]);
                months[row.month.index()] += row.amount;
            }
        }

        let mut one_offs: FastMap<(usize, i32), Months> = FastMap::default();
        for (i, row) in doc.one_offs.iter().enumerate() {
            let pos = unit("oneOffs", i, &row.unit)?;
            let key = (pos, row.month.year());
            one_offs.entry(key).or_insert([Amount::ZERO; 12])[row.month.index()] += row.amount;
            if let Some(c) = ct(row.cost_type.as_deref()) {
                let months = typed
                    .one_offs
                    .entry((pos, row.month.year(), c))
                    .or_insert([Amount::ZERO; 12]);
                months[row.month.index()] += row.amount;
            }
        }

        let mut volumes = Vec::with_capacity(doc.volumes.len());
        for (i, row) in doc.volumes.iter().enumerate() {
            let pos = unit("volumes", i, &row.unit)?;
            for (name, value) in [("budget", row.budget), ("actual", row.actual)] {
                if value.0 < rust_decimal::Decimal::ZERO {
                    let reason = "a volume cannot be negative".to_string();
                    return Err(Error::Schema { reason }.at(format!("volumes[{i}].{name}")));
                }
            }
            volumes.push((pos, row.clone()));
        }

        let mut forecasts: FastMap<(usize, i32), BTreeMap<Month, Amount>> = FastMap::default();
        for (i, row) in doc.forecasts.iter().enumerate() {
            let pos = unit("forecasts", i, &row.unit)?;
            if row.made.year() != row.year {
                let reason = format!("a forecast for {} must be made in that year", row.year);
                return Err(Error::Schema { reason }.at(format!("forecasts[{i}].made")));
            }
            *forecasts
                .entry((pos, row.year))
                .or_default()
                .entry(row.made)
                .or_insert(Amount::ZERO) += row.amount;
            if let Some(c) = ct(row.cost_type.as_deref()) {
                *typed
                    .forecasts
                    .entry((pos, row.year, c))
                    .or_default()
                    .entry(row.made)
                    .or_insert(Amount::ZERO) += row.amount;
            }
        }

        let mut budget: FastMap<(usize, i32), Months> = FastMap::default();
        for (i, row) in doc.budget.iter().enumerate() {
            let pos = unit("budget", i, &row.unit)?;
            let prior = || outcome.get(&(pos, row.year - 1)).copied();
            let spread = monthly_budget(row, prior).map_err(|e| e.at(format!("budget[{i}]")))?;
            let months = budget.entry((pos, row.year)).or_insert([Amount::ZERO; 12]);
            for (sum, part) in months.iter_mut().zip(spread) {
                *sum += part;
            }
            if let Some(c) = ct(row.cost_type.as_deref()) {
                let months = typed
                    .budget
                    .entry((pos, row.year, c))
                    .or_insert([Amount::ZERO; 12]);
                for (sum, part) in months.iter_mut().zip(spread) {
                    *sum += part;
                }
            }
        }
        let gross = gross_costs(&typed, &doc.cost_types);
        Ok(Dataset {
            tree,
            budget,
            outcome,
            forecasts,
            cost_types: doc.cost_types.clone(),
            typed,
            one_offs,
            volumes,
            gross,
        })
    }
}

/// Gross cost per unit position and year from the rows that name a cost type of kind `cost`.
fn gross_costs(typed: &Typed, cost_types: &[CostType]) -> FastMap<(usize, i32), GrossCost> {
    let mut gross: FastMap<(usize, i32), GrossCost> = FastMap::default();
    let sides = [(&typed.budget, false), (&typed.outcome, true)];
    for (map, outcome) in sides {
        for (&(pos, year, c), months) in map {
            if cost_types[c].kind != Kind::Cost {
                continue;
            }
            let entry = gross.entry((pos, year)).or_default();
            let side = if outcome {
                &mut entry.outcome
            } else {
                &mut entry.budget
            };
            *side = Some(side.unwrap_or(Amount::ZERO) + months.iter().sum::<Amount>());
        }
    }
    gross
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
    let all = budget.chain(outcome).chain(forecasts).chain(one_offs);
    let mut recent = Recent::new();
    for (list, i, cost_type) in all.chain(volumes) {
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

/// Imported data and its index. Starts empty.
#[derive(Clone, Debug)]
pub struct Workspace {
    doc: Document,
    data: Option<Dataset>,
}

impl Default for Workspace {
    fn default() -> Workspace {
        Workspace {
            doc: Document {
                schema: SCHEMA_VERSION,
                ..Document::default()
            },
            data: None,
        }
    }
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Adds `doc`'s units and rows to the workspace (a new name replaces the old). On error the
    /// workspace is unchanged, and the error's field points into `doc`, not the combined data.
    ///
    /// The rows are appended in place and cut off again on error, so an import next to a
    /// million rows already imported does not copy them.
    pub fn import(&mut self, doc: Document) -> Result<ImportSummary> {
        let base = ImportSummary::of(&self.doc);
        let added = ImportSummary::of(&doc);
        let replaced = append(&mut self.doc, doc);
        match self.index(&base) {
            Ok(data) => {
                self.data = data;
                Ok(added)
            }
            Err(err) => {
                restore(&mut self.doc, &base, replaced);
                Err(err)
            }
        }
    }

    /// Checks the whole document, which holds rows beyond `base` not yet accepted, and indexes
    /// it; `None` when it has no units and no rows.
    fn index(&self, base: &ImportSummary) -> Result<Option<Dataset>> {
        let combined = &self.doc;
        let has_rows = !(combined.budget.is_empty()
            && combined.outcome.is_empty()
            && combined.forecasts.is_empty()
            && combined.measures.is_empty()
            && combined.programmes.is_empty()
            && combined.one_offs.is_empty()
            && combined.volumes.is_empty()
            && combined.grants.is_empty());
        let data = match (combined.units.is_empty(), has_rows) {
            (true, false) => None,
            (true, true) => {
                let reason = "rows need units to belong to";
                return Err(Error::Schema {
                    reason: reason.into(),
                }
                .at("units"));
            }
            (false, _) => {
                let data = Dataset::build(combined).map_err(|e| rebase(e, base))?;
                grants::register::check(&combined.grants, &data.tree)
                    .map_err(|e| rebase(e, base))?;
                Some(data)
            }
        };
        if let Some(data) = &data {
            effects::check(&combined.measures, &combined.programmes, &data.tree)
                .and_then(|()| entries::check(&combined.measures, &combined.effect_entries))
                .map_err(|e| rebase(e, base))?;
        }
        if let Some(t) = &combined.thresholds {
            t.check().map_err(|e| e.at("thresholds"))?;
        }
        goals::check(&combined.goals, data.as_ref()).map_err(|e| rebase(e, base))?;
        Ok(data)
    }

    /// Everything imported so far, as one schema 1 document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The indexed data, or `E_NO_DATA` when nothing has been imported.
    pub fn data(&self) -> Result<&Dataset> {
        self.data.as_ref().ok_or_else(|| Error::NoData {
            reason: "the workspace is empty; import data first".into(),
        })
    }

    /// Goals and indicators (mål och mätetal): fulfilment, counts, and deviations beside them.
    pub fn goals(&self, options: &GoalsOptions) -> Result<GoalsReport> {
        let data = if options.as_of.is_some() {
            Some(self.data()?)
        } else {
            self.data.as_ref()
        };
        goals::report(&self.doc.goals, data, self.doc.thresholds.as_ref(), options)
    }

    /// Adds goals pasted from a spreadsheet (see [`crate::import::registers::goals`]).
    pub fn import_goals_paste(&mut self, text: &str) -> Result<ImportSummary> {
        let goals = crate::import::registers::goals::read(text)?;
        self.import(Document {
            schema: SCHEMA_VERSION,
            goals,
            ..Document::default()
        })
    }

    /// Forecast accuracy (prognossäkerhet) of a year against its outcome.
    pub fn accuracy(&self, options: &AccuracyOptions) -> Result<AccuracyReport> {
        accuracy::report(self.data()?, self.doc.name.as_deref(), options)
    }

    /// The deviation report (avvikelserapport) for `options`.
    pub fn deviation(&self, options: &DeviationOptions) -> Result<DeviationReport> {
        let stored = self.doc.thresholds.as_ref();
        let mut report =
            deviation::report(self.data()?, self.doc.name.as_deref(), stored, options)?;
        self.cover_escalations(&mut report)?;
        Ok(report)
    }

    /// Joins effect tracking to escalation: for every escalated unit with measures in its
    /// subtree, the year's expected effect and the share of the forecast gap it covers.
    fn cover_escalations(&self, report: &mut DeviationReport) -> Result<()> {
        if self.doc.measures.is_empty() || report.rows.iter().all(|r| r.escalation.is_none()) {
            return Ok(());
        }
        let options = EffectsOptions {
            as_of: report.as_of.to_string(),
            ..Default::default()
        };
        let effects = self.effects(&options)?;
        for row in &mut report.rows {
            if let (Some(escalation), Some(unit)) =
                (row.escalation.as_mut(), effects.unit(&row.head.unit))
            {
                escalation.cover(unit.year.expected, row.full_year.deviation);
            }
        }
        Ok(())
    }

    /// The effects report (effektuppföljning) for `options`.
    pub fn effects(&self, options: &EffectsOptions) -> Result<EffectsReport> {
        let tree = &self.data()?.tree;
        effects::report(&self.doc.measures, &self.doc.programmes, tree, options)
    }

    /// Records a realised effect (realiserad effekt) of a measure for a month; see
    /// [`entries::record_realised`]. Undo with [`Workspace::undo_entry`].
    pub fn record_realised(
        &mut self,
        measure: &str,
        month: Month,
        amount: Amount,
    ) -> Result<EffectEntry> {
        let doc = &mut self.doc;
        entries::record_realised(
            &mut doc.measures,
            &mut doc.effect_entries,
            measure,
            month,
            amount,
        )
    }

    /// Records a new forecast of a measure's effect for a year; see [`entries::record_forecast`].
    pub fn record_forecast(
        &mut self,
        measure: &str,
        year: i32,
        made: Month,
        amount: Amount,
    ) -> Result<EffectEntry> {
        let doc = &mut self.doc;
        entries::record_forecast(
            &mut doc.measures,
            &mut doc.effect_entries,
            measure,
            year,
            made,
            amount,
        )
    }

    /// Undoes the last entry, if any, and returns it.
    pub fn undo_entry(&mut self) -> Result<Option<EffectEntry>> {
        let doc = &mut self.doc;
        entries::undo(&mut doc.measures, &mut doc.effect_entries)
    }

    /// Adds the measures of a table pasted from Excel or read from CSV (Swedish column names,
    /// see [`crate::import::registers::measures`]). Like [`Workspace::import`], a failure
    /// changes nothing; the error's field names the table's line (`line 4.unit`).
    pub fn import_measures(&mut self, table: &str) -> Result<ImportSummary> {
        let read = crate::import::registers::measures::read(table)?;
        let lines: Vec<usize> = read.iter().map(|m| m.line).collect();
        let doc = Document {
            schema: SCHEMA_VERSION,
            measures: read.into_iter().map(|m| m.measure).collect(),
            ..Document::default()
        };
        self.import(doc).map_err(|err| match err {
            Error::At { field, source } => {
                let line = field
                    .strip_prefix("measures[")
                    .and_then(|rest| rest.split_once(']'))
                    .and_then(|(i, tail)| Some((lines.get(i.parse::<usize>().ok()?)?, tail)));
                let field = match line {
                    Some((line, tail)) => format!("line {line}{tail}"),
                    None => field,
                };
                Error::At { field, source }
            }
            other => other,
        })
    }

    /// The entries log as CSV for the controller (sv-SE, semicolons, BOM).
    pub fn entries_csv(&self) -> String {
        entries::to_csv(&self.doc.measures, &self.doc.effect_entries)
    }

    /// The state-grant dependency report (statsbidragsberoende) for `options`.
    pub fn grants(&self, options: &GrantOptions) -> Result<GrantsReport> {
        grants::report(self.data()?, &self.doc, options)
    }

    /// The result bridge (resultatbrygga) of a unit for the year of `options.as_of`: budget
    /// result, then measures (forecast − planned effect), grants beyond budget, one-off items,
    /// volume and price where volumes are known (year to date), and the exact residual, to the
    /// forecast result. A part the document has no data for gets no step.
    pub fn bridge(&self, options: &BridgeOptions) -> Result<BridgeReport> {
        let data = self.data()?;
        let deviation_options = DeviationOptions {
            as_of: options.as_of.clone(),
            unit: options.unit.clone(),
            ..DeviationOptions::default()
        };
        let stored = self.doc.thresholds.as_ref();
        let deviation = deviation::report(data, None, stored, &deviation_options)?;
        let row = &deviation.rows[0];
        let year = deviation.year;
        let measures = if self.doc.measures.is_empty() {
            None
        } else {
            let options = EffectsOptions {
                as_of: options.as_of.clone(),
                ..Default::default()
            };
            let effects = self.effects(&options)?;
            effects
                .unit(&row.head.unit)
                .map(|u| u.year.forecast - u.year.planned)
        };
        let grants = if self.doc.grants.is_empty() {
            None
        } else {
            Some(grants::beyond_budget(
                data,
                &self.doc,
                &row.head.unit,
                year,
            )?)
        };
        let splits: Vec<&VolumeSplit> = deviation.rows.iter().flat_map(|r| &r.volumes).collect();
        let parts = Parts {
            measures,
            grants,
            one_offs: (!self.doc.one_offs.is_empty()).then_some(row.full_year.one_offs),
            volume: splits.iter().filter_map(|s| s.volume).reduce(|a, b| a + b),
            price: splits.iter().filter_map(|s| s.price).reduce(|a, b| a + b),
        };
        let budget = row.full_year.budget;
        let forecast = row.full_year.forecast.unwrap_or(budget);
        Ok(BridgeReport {
            unit: row.head.unit.clone(),
            name: row.head.name.clone(),
            year,
            as_of: deviation.as_of,
            budget,
            forecast,
            forecast_month: row.full_year.forecast_month,
            steps: bridge::steps(budget, forecast, &parts),
        })
    }
}

/// What [`append`] replaced: the document's name and thresholds before, where `doc` gave new ones.
struct Replaced {
    name: Option<Option<String>>,
    thresholds: Option<Option<ThresholdSet>>,
}

/// Appends `doc`'s units and rows to `into`; its name and thresholds, where given, replace
/// those of `into`. [`restore`] undoes it: a list added to [`Document`] belongs in both, and in
/// [`ImportSummary`].
fn append(into: &mut Document, doc: Document) -> Replaced {
    extend(&mut into.units, doc.units);
    extend(&mut into.cost_types, doc.cost_types);
    extend(&mut into.budget, doc.budget);
    extend(&mut into.outcome, doc.outcome);
    extend(&mut into.forecasts, doc.forecasts);
    extend(&mut into.measures, doc.measures);
    extend(&mut into.programmes, doc.programmes);
    extend(&mut into.effect_entries, doc.effect_entries);
    extend(&mut into.one_offs, doc.one_offs);
    extend(&mut into.volumes, doc.volumes);
    extend(&mut into.goals, doc.goals);
    extend(&mut into.grants, doc.grants);
    Replaced {
        name: doc.name.map(|name| into.name.replace(name)),
        thresholds: doc.thresholds.map(|t| into.thresholds.replace(t)),
    }
}

/// Appends `rows` to `list`; into an empty list by taking `rows` whole, without a copy.
fn extend<T>(list: &mut Vec<T>, rows: Vec<T>) {
    if list.is_empty() {
        *list = rows;
    } else {
        list.extend(rows);
    }
}

/// Undoes [`append`]: cuts every list back to its length in `base` and puts back what was
/// replaced.
fn restore(doc: &mut Document, base: &ImportSummary, replaced: Replaced) {
    doc.units.truncate(base.units);
    doc.cost_types.truncate(base.cost_types);
    doc.budget.truncate(base.budget_rows);
    doc.outcome.truncate(base.outcome_rows);
    doc.forecasts.truncate(base.forecast_rows);
    doc.measures.truncate(base.measures);
    doc.programmes.truncate(base.programmes);
    doc.effect_entries.truncate(base.effect_entries);
    doc.one_offs.truncate(base.one_off_rows);
    doc.volumes.truncate(base.volume_rows);
    doc.goals.truncate(base.goals);
    doc.grants.truncate(base.grants);
    if let Some(name) = replaced.name {
        doc.name = name;
    }
    if let Some(thresholds) = replaced.thresholds {
        doc.thresholds = thresholds;
    }
}

/// Shifts the list index in an error's field by what the workspace held before the import, so
/// `budget[7]` in the combined data reads `budget[2]` of the document the caller gave.
fn rebase(err: Error, base: &ImportSummary) -> Error {
    let Error::At { field, source } = err else {
        return err;
    };
    let shifted = (|| {
        let (list, rest) = field.split_once('[')?;
        let (index, tail) = rest.split_once(']')?;
        let offset = match list {
            "units" => base.units,
            "budget" => base.budget_rows,
            "outcome" => base.outcome_rows,
            "forecasts" => base.forecast_rows,
            "costTypes" => base.cost_types,
            "measures" => base.measures,
            "programmes" => base.programmes,
            "effectEntries" => base.effect_entries,
            "oneOffs" => base.one_off_rows,
            "volumes" => base.volume_rows,
            "goals" => base.goals,
            "grants" => base.grants,
            _ => return None,
        };
        let index = index.parse::<usize>().ok()?.checked_sub(offset)?;
        Some(format!("{list}[{index}]{tail}"))
    })();
    Error::At {
        field: shifted.unwrap_or(field),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bridge::StepKind;
    use crate::import::json;
    use rust_decimal::Decimal;
    use serde_json::{json, Value};

    fn doc(v: Value) -> Document {
        json::read(|| &v).unwrap()
    }

    fn tree_doc() -> Document {
        doc(json!({
            "schema": 1,
            "name": "Test",
            "units": [
                { "id": "R", "name": "Region" },
                { "id": "A", "name": "A", "parent": "R" }
            ]
        }))
    }

    #[test]
    fn rows_add_up_per_unit_and_month() {
        let mut ws = Workspace::new();
        ws.import(tree_doc()).unwrap();
        let summary = ws
            .import(doc(json!({
                "schema": 1,
                "budget": [
                    { "unit": "A", "year": 2025, "annual": "1200" },
                    { "unit": "A", "year": 2025, "months": ["1","2","3","4","5","6","7","8","9","10","11","12"] }
                ],
                "outcome": [
                    { "unit": "A", "month": "2025-03", "amount": "5" },
                    { "unit": "A", "month": "2025-03", "amount": "-2,5" }
                ],
                "forecasts": [
                    { "unit": "A", "year": 2025, "made": "2025-02", "amount": "100" },
                    { "unit": "A", "year": 2025, "made": "2025-04", "amount": "90" },
                    { "unit": "A", "year": 2025, "made": "2025-04", "amount": "1" }
                ]
            })))
            .unwrap();
        assert_eq!(
            summary,
            ImportSummary {
                units: 0,
                cost_types: 0,
                budget_rows: 2,
                outcome_rows: 2,
                forecast_rows: 3,
                ..ImportSummary::default()
            }
        );
        let data = ws.data().unwrap();
        let a = data.tree.position("A").unwrap();
        assert_eq!(data.budget(a, 2025)[2].to_canonical(), "103");
        assert_eq!(data.outcome(a, 2025)[2].to_canonical(), "2.5");
        let m = |s: &str| Month::parse(s).unwrap();
        assert_eq!(
            data.latest_forecast(a, 2025, m("2025-03"))
                .unwrap()
                .1
                .to_canonical(),
            "100"
        );
        assert_eq!(
            data.latest_forecast(a, 2025, m("2025-08")),
            Some((m("2025-04"), Amount::new(Decimal::from(91))))
        );
        assert_eq!(data.latest_forecast(a, 2025, m("2025-01")), None);
    }

    #[test]
    fn a_failed_import_changes_nothing_and_names_the_field_in_its_own_document() {
        let mut ws = Workspace::new();
        ws.import(tree_doc()).unwrap();
        ws.import(doc(
            json!({ "schema": 1, "outcome": [{ "unit": "A", "month": "2025-01", "amount": "1" }] }),
        ))
        .unwrap();
        let before = ws.document().clone();
        let e = ws
            .import(doc(json!({
                "schema": 1,
                "outcome": [
                    { "unit": "A", "month": "2025-02", "amount": "1" },
                    { "unit": "Nope", "month": "2025-02", "amount": "1" }
                ]
            })))
            .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_UNKNOWN_UNIT", Some("outcome[1].unit"))
        );
        assert_eq!(ws.document(), &before);
    }

    /// Every list, the name and the thresholds are back as they were after an import that
    /// failed once all of them had been appended to.
    #[test]
    fn a_failed_import_restores_every_list_name_and_threshold() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/demo/region-2025.json");
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut ws = Workspace::new();
        ws.import(doc(v.clone())).unwrap();
        let before = ws.document().clone();
        let mut again = v;
        again["name"] = json!("Another region");
        again["thresholds"] = json!({ "committee": { "absolute": "1", "percent": "1" } });
        let e = ws.import(doc(again)).unwrap_err();
        assert_eq!(e.code(), "E_DUPLICATE_UNIT");
        assert_eq!(ws.document(), &before);
        assert!(ImportSummary::of(&before).goals > 0 && before.thresholds.is_some());
        let report = ws.deviation(&DeviationOptions {
            as_of: "2025-08".into(),
            ..DeviationOptions::default()
        });
        assert!(report.is_ok());
    }

    #[test]
    fn budget_rows_are_checked() {
        let cases = [
            (
                json!({ "unit": "A", "year": 2025 }),
                "E_SCHEMA",
                "budget[0]",
            ),
            (
                json!({ "unit": "A", "year": 2025, "annual": "1", "method": "quarterly" }),
                "E_OPTION",
                "budget[0].method",
            ),
            (
                json!({ "unit": "A", "year": 2025, "annual": "1", "method": "profile" }),
                "E_SCHEMA",
                "budget[0].weights",
            ),
            (
                json!({ "unit": "A", "year": 2025, "annual": "1", "method": "profile", "weights": [1, 2] }),
                "E_SCHEMA",
                "budget[0].weights",
            ),
            (
                json!({ "unit": "A", "year": 2025, "annual": "1", "weights": [1] }),
                "E_SCHEMA",
                "budget[0].weights",
            ),
            (
                json!({ "unit": "A", "year": 2025, "months": ["1"] }),
                "E_SCHEMA",
                "budget[0].months",
            ),
            (
                json!({ "unit": "A", "year": 2025, "annual": "0.005" }),
                "E_PERIODISE",
                "budget[0]",
            ),
            (
                json!({ "unit": "A", "year": 3025, "annual": "1" }),
                "E_SCHEMA",
                "budget[0].year",
            ),
        ];
        for (row, code, field) in cases {
            let mut ws = Workspace::new();
            ws.import(tree_doc()).unwrap();
            let e = ws
                .import(doc(json!({ "schema": 1, "budget": [row] })))
                .unwrap_err();
            assert_eq!((e.code(), e.field()), (code, Some(field)), "{row}: {e}");
        }
    }

    #[test]
    fn cost_types_are_unique_and_rows_name_known_ones() {
        let mut ws = Workspace::new();
        ws.import(tree_doc()).unwrap();
        let e = ws
            .import(doc(json!({
                "schema": 1,
                "costTypes": [
                    { "id": "3000", "name": "Intäkter", "kind": "revenue" },
                    { "id": "3000", "name": "Igen", "kind": "revenue" }
                ]
            })))
            .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_DUPLICATE_COST_TYPE", Some("costTypes[1].id"))
        );
        ws.import(doc(json!({
            "schema": 1,
            "costTypes": [{ "id": "4010", "name": "Löner", "kind": "cost" }],
            "outcome": [{ "unit": "A", "costType": "4010", "month": "2025-01", "amount": "-5" }]
        })))
        .unwrap();
        let e = ws
            .import(doc(json!({
                "schema": 1,
                "outcome": [
                    { "unit": "A", "costType": "4010", "month": "2025-02", "amount": "-5" },
                    { "unit": "A", "costType": "9999", "month": "2025-02", "amount": "-5" }
                ]
            })))
            .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_UNKNOWN_COST_TYPE", Some("outcome[1].costType"))
        );
        assert_eq!(ws.document().cost_types.len(), 1);
    }

    #[test]
    fn stored_thresholds_are_checked_even_without_units() {
        let mut ws = Workspace::new();
        let e = ws
            .import(doc(json!({
                "schema": 1,
                "thresholds": { "committee": { "absolute": "1", "percent": "-2" } }
            })))
            .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_OPTION", Some("thresholds.committee.percent"))
        );
        assert_eq!(ws.document().thresholds, None);
    }

    #[test]
    fn prior_year_uses_the_units_outcome_the_year_before() {
        let mut ws = Workspace::new();
        ws.import(tree_doc()).unwrap();
        let outcome: Vec<Value> = (1..=12)
            .map(|m| json!({ "unit": "A", "month": format!("2024-{m:02}"), "amount": if m == 7 { "-2" } else { "-1" } }))
            .collect();
        ws.import(doc(json!({
            "schema": 1,
            "outcome": outcome,
            "budget": [{ "unit": "A", "year": 2025, "annual": "-1300", "method": "prior-year" }]
        })))
        .unwrap();
        let data = ws.data().unwrap();
        let months = data.budget(data.tree.position("A").unwrap(), 2025);
        assert_eq!(months[6].to_canonical(), "-200");
        assert_eq!(months[0].to_canonical(), "-100");
    }

    #[test]
    fn escalation_coverage_comes_from_the_measures_expected_effect() {
        let mut ws = Workspace::new();
        ws.import(doc(json!({
            "schema": 1,
            "units": [
                { "id": "R", "name": "Region", "level": "region" },
                { "id": "C", "name": "Nämnd", "parent": "R", "level": "committee" },
                { "id": "D", "name": "Nämnd utan åtgärder", "parent": "R", "level": "committee" }
            ],
            "budget": [
                { "unit": "C", "year": 2025, "annual": "-120000000" },
                { "unit": "D", "year": 2025, "annual": "-120000000" }
            ],
            "forecasts": [
                { "unit": "C", "year": 2025, "made": "2025-06", "amount": "-140000000" },
                { "unit": "D", "year": 2025, "made": "2025-06", "amount": "-140000000" }
            ],
            "measures": [{ "id": "M", "title": "Scheman", "unit": "C", "status": "ongoing",
                           "recurring": true,
                           "plan": [{ "year": 2025, "rate": "12000000", "start": "2025-09" }] }]
        })))
        .unwrap();
        let options = DeviationOptions {
            as_of: "2025-08".into(),
            ..DeviationOptions::default()
        };
        let report = ws.deviation(&options).unwrap();
        // A September start gives 4 of the 12 mnkr rate this year: 4 of a 20 mnkr gap is 20 %.
        let c = report.row("C").unwrap().escalation.clone().unwrap();
        assert_eq!(c.expected_effects.unwrap().to_canonical(), "4000000");
        assert_eq!(c.coverage.unwrap().decimal().to_string(), "20.00");
        // Without measures both stay absent, not zero.
        let d = report.row("D").unwrap().escalation.clone().unwrap();
        assert_eq!((d.expected_effects, d.coverage), (None, None));
    }

    /// The demo region's health care per August 2025: every step is the figure its own engine
    /// reports, and the steps add up exactly to forecast − budget.
    #[test]
    fn the_bridge_takes_each_step_from_its_engine() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/demo/region-2025.json");
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut ws = Workspace::new();
        ws.import(doc(v)).unwrap();
        let as_of = "2025-08".to_string();
        let options = BridgeOptions {
            as_of: as_of.clone(),
            unit: Some("HSN".into()),
        };
        let bridge = ws.bridge(&options).unwrap();
        let step = |kind| {
            bridge
                .steps
                .iter()
                .find(|s| s.kind == kind)
                .map(|s| s.amount)
        };

        let deviation = DeviationOptions {
            as_of: as_of.clone(),
            unit: Some("HSN".into()),
            ..Default::default()
        };
        let row = ws.deviation(&deviation).unwrap().rows[0].clone();
        assert_eq!(bridge.budget, row.full_year.budget);
        assert_eq!(Some(bridge.forecast), row.full_year.forecast);
        let effects = ws
            .effects(&EffectsOptions {
                as_of: as_of.clone(),
                ..Default::default()
            })
            .unwrap();
        let year = &effects.unit("HSN").unwrap().year;
        assert_eq!(step(StepKind::Measures), Some(year.forecast - year.planned));
        let grants = ws
            .grants(&serde_json::from_value(json!({ "asOf": as_of })).unwrap())
            .unwrap();
        let hsn = grants.rows.iter().find(|r| r.head.unit == "HSN").unwrap();
        assert_eq!(step(StepKind::Grants), Some(hsn.full_year_beyond_budget));
        assert_eq!(step(StepKind::OneOffs), Some(row.full_year.one_offs));
        let total: Amount = bridge.steps.iter().map(|s| s.amount).sum();
        assert_eq!(total, bridge.forecast - bridge.budget);
        assert_eq!(bridge.steps.last().unwrap().kind, StepKind::Other);

        // Public transport has no measures: no measures step; its one-offs are the seeds' 35 mnkr.
        let options = BridgeOptions {
            as_of,
            unit: Some("KTN".into()),
        };
        let ktn = ws.bridge(&options).unwrap();
        assert!(ktn.steps.iter().all(|s| s.kind != StepKind::Measures));
        let one_offs = ktn
            .steps
            .iter()
            .find(|s| s.kind == StepKind::OneOffs)
            .unwrap();
        assert_eq!(one_offs.amount.to_canonical(), "35000000");
    }

    #[test]
    fn an_empty_workspace_has_no_report() {
        let ws = Workspace::new();
        let options = DeviationOptions {
            as_of: "2025-08".into(),
            ..DeviationOptions::default()
        };
        assert_eq!(ws.deviation(&options).unwrap_err().code(), "E_NO_DATA");
        let mut ws = Workspace::new();
        let e = ws
            .import(doc(json!({ "schema": 1, "outcome": [{ "unit": "A", "month": "2025-01", "amount": "1" }] })))
            .unwrap_err();
        assert_eq!(e.field(), Some("units"));
    }
}
