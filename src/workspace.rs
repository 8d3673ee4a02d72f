//! The workspace: the document a caller imported, checked for meaning and indexed for the engines.
//!
//! Data enters once (an import) and stays; reports are computed from the index on request, so a
//! view for another month or unit never re-reads the input. An import that fails validation
//! leaves the workspace exactly as it was.


use std::borrow::Cow;

use crate::dataset::Dataset;
use crate::import::{self, Format, ImportOptions};
use crate::error::report::{ImportReport, Location};
use crate::bridge::{self, BridgeOptions, BridgeReport};
use crate::calendar::Month;
use crate::deviation::accuracy::{self, AccuracyOptions, AccuracyReport};
use crate::deviation::{self, DeviationOptions, DeviationReport};
use crate::error::report::ImportSummary;
use crate::effects::{self, entries, EffectsOptions, EffectsReport};
use crate::model::EffectEntry;
use crate::error::{Error, Result};
use crate::goals::{self, GoalsOptions, GoalsReport};
use crate::grants::{self, GrantOptions, GrantsReport};
use crate::model::{Document, ThresholdSet, SCHEMA_VERSION};
use crate::num::money::Amount;

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
        let base = self.doc.counts();
        let added = doc.counts();
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

    /// Reads a file or pasted range and adds it: all of it, or on any error nothing. Input given
    /// owned is freed once read (see [`import::read_with`]).
    pub fn import_file(
        &mut self,
        format: Format,
        input: Cow<'_, [u8]>,
        options: &ImportOptions,
    ) -> Result<ImportReport> {
        let (doc, mut report) = import::read(format, input, options, &self.doc)?;
        match self.import(doc) {
            Ok(added) => {
                report.added = added;
                Ok(report)
            }
            // The readers resolve units and cost types first, so this is a last line of defence.
            Err(e) => {
                report.error_from(&e, Location::default(), "data the workspace accepts");
                Err(Error::import(report))
            }
        }
    }

    /// Reads a CSV file into the workspace (see [`import::csv`]).
    pub fn import_csv(&mut self, bytes: &[u8], options: &ImportOptions) -> Result<ImportReport> {
        self.import_file(Format::Csv, bytes.into(), options)
    }

    /// Reads a range copied from Excel into the workspace (see [`import::paste`]).
    pub fn import_paste(&mut self, text: &str, options: &ImportOptions) -> Result<ImportReport> {
        self.import_file(Format::Paste, text.as_bytes().into(), options)
    }

    /// Reads a SIE 4 file into the workspace (see [`import::sie`]).
    pub fn import_sie(&mut self, bytes: &[u8], options: &ImportOptions) -> Result<ImportReport> {
        self.import_file(Format::Sie, bytes.into(), options)
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
                let data = Dataset::new(combined).map_err(|e| rebase(e, base))?;
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
        deviation::cover::escalations(&mut report, &self.doc, &self.data()?.tree)?;
        Ok(report)
    }

    /// The effects report (effektuppföljning) for `options`.
    pub fn effects(&self, options: &EffectsOptions) -> Result<EffectsReport> {
        let data = self.data()?;
        let (measures, programmes) = (&self.doc.measures, &self.doc.programmes);
        let mut report = effects::report(measures, programmes, &data.tree, options)?;
        report.outcome_through = data.outcome_through(report.year)[data.tree.root()];
        Ok(report)
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

    /// Adds a grants register pasted from Excel or read from CSV, with Swedish column names
    /// (docs/schema-v1.md). A table that fails changes nothing; `field` names line and column.
    pub fn import_grants_table(&mut self, text: &str) -> Result<ImportSummary> {
        let grants = crate::import::registers::grants::read(text)?;
        self.import(Document {
            schema: SCHEMA_VERSION,
            grants,
            ..Document::default()
        })
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
        bridge::report(self.data()?, &self.doc, options)
    }
}

/// What [`append`] replaced: the document's name and thresholds before, where `doc` gave new ones.
struct Replaced {
    name: Option<Option<String>>,
    thresholds: Option<Option<ThresholdSet>>,
}

/// Appends `doc`'s units and rows to `into`; its name and thresholds, where given, replace
/// those of `into`. [`restore`] undoes it.
fn append(into: &mut Document, mut doc: Document) -> Replaced {
    let replaced = Replaced {
        name: doc.name.take().map(|name| into.name.replace(name)),
        thresholds: doc.thresholds.take().map(|t| into.thresholds.replace(t)),
    };
    into.append_lists(doc);
    replaced
}

/// Undoes [`append`]: cuts every list back to its length in `base` and puts back what was
/// replaced.
fn restore(doc: &mut Document, base: &ImportSummary, replaced: Replaced) {
    doc.truncate_lists(base);
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
        let offset = Document::count_of(list, base)?;
        let index = index.parse::<usize>().ok()?.checked_sub(offset)?;
        Some(format!("{list}[{index}]{tail}"))
    })();
    Error::At {
        field: shifted.unwrap_or(field),
        source,
    }
}

#[cfg(test)]
#[path = "workspace_tests.rs"]
mod tests;
