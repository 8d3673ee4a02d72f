//! The workspace: the document a caller imported, checked for meaning and indexed for the engines.
//!
//! Data enters once (an import) and stays; reports are computed from the index on request, so a
//! view for another month or unit never re-reads the input. An import replaces, key by key, what
//! an earlier one held (`model/keys.rs`); one that fails validation leaves the workspace exactly
//! as it was, and the last [`MAX_UNDO`] that went through can be taken back one by one.

use std::borrow::Cow;

use crate::bridge::{self, BridgeOptions, BridgeReport};
use crate::calendar::Month;
use crate::comments::{self, CommentsOptions};
use crate::committee::months::{self, MonthsOptions, MonthsReport};
use crate::committee::{self, CommitteeOptions, CommitteeReport};
use crate::dataset::Dataset;
use crate::deviation::accuracy::{self, AccuracyOptions, AccuracyReport};
use crate::deviation::{self, DeviationOptions, DeviationReport};
use crate::effects::{self, entries, EffectsOptions, EffectsReport};
use crate::error::report::{ImportReport, ImportSummary, Imported, Location};
use crate::error::{Error, Result};
use crate::export::{self, table::ExportTable};
use crate::goals::{self, GoalsOptions, GoalsReport};
use crate::grants::{self, GrantOptions, GrantsReport};
use crate::import::{self, Format, ImportOptions};
use crate::model::merge::reinsert;
use crate::model::Merged;
use crate::model::{Comment, CommentKind, EffectEntry};
use crate::model::{Document, ThresholdSet, SCHEMA_VERSION};
use crate::num::money::Amount;

/// How many imports [`Workspace::undo_import`] can take back. Each keeps what it replaced (a
/// re-imported year keeps the year it replaced), so the oldest is let go past this many.
pub const MAX_UNDO: usize = 10;

/// Imported data and its index. Starts empty.
#[derive(Clone, Debug)]
pub struct Workspace {
    doc: Document,
    data: Option<Dataset>,
    /// The imports that can be taken back, the last one last.
    undo: Vec<Undo>,
}

impl Default for Workspace {
    fn default() -> Workspace {
        Workspace {
            doc: Document {
                schema: SCHEMA_VERSION,
                ..Document::default()
            },
            data: None,
            undo: Vec::new(),
        }
    }
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// A workspace holding `doc`, as if it had always held it: there is no import to undo (a
    /// workspace loaded from storage does not offer to empty itself).
    pub fn from_document(doc: Document) -> Result<Workspace> {
        let mut ws = Workspace::new();
        ws.import(doc)?;
        ws.undo.clear();
        Ok(ws)
    }

    /// Puts `doc` into the workspace: for every key it brings (a unit's id, an outcome row's
    /// unit, cost type and month, …) it replaces what the workspace held, and adds the rest; its
    /// name and thresholds, where given, replace the old. Rows of one key within `doc` add up.
    /// On error the workspace is unchanged, and the error's field points into `doc`, not the
    /// combined data.
    ///
    /// The rows are moved, never copied: an import next to a million rows already imported
    /// keeps, for its undo, only the rows it replaced and how many it appended.
    pub fn import(&mut self, doc: Document) -> Result<Imported> {
        let undo = Undo::merge(&mut self.doc, doc);
        // The old index goes before the new one is built, not after: two indexes of a region's
        // year at once were the peak of a re-import. A failed import builds it again.
        self.data = None;
        match self.index() {
            Ok(data) => {
                self.data = data;
                Ok(self.keep(undo))
            }
            Err(err) => {
                let err = rebase(err, &undo.merged, &self.doc);
                undo.take_back(&mut self.doc);
                // The document is one this workspace accepted before, so it is accepted again.
                self.data = self.index().unwrap_or(None);
                Err(err)
            }
        }
    }

    /// Takes the last import back: the document is again exactly what it was before it, and
    /// another call takes back the one before. Returns what the import had added and replaced;
    /// `None` when there is no import to take back (none since the workspace was made or
    /// loaded, all taken back already, or an effect entry recorded since, see
    /// [`Workspace::record_realised`]).
    pub fn undo_import(&mut self) -> Result<Option<Imported>> {
        let Some(undo) = self.undo.pop() else {
            return Ok(None);
        };
        let imported = undo.imported();
        let indexed = !undo.only_comments();
        undo.take_back(&mut self.doc);
        if indexed {
            self.data = None;
            // The document is one this workspace accepted before, so it is accepted again.
            self.data = self.index()?;
        }
        Ok(Some(imported))
    }

    /// Keeps `undo` for [`Workspace::undo_import`] (letting the oldest go past [`MAX_UNDO`]) and
    /// says what it imported.
    fn keep(&mut self, undo: Undo) -> Imported {
        let imported = undo.imported();
        if self.undo.len() == MAX_UNDO {
            self.undo.remove(0);
        }
        self.undo.push(undo);
        imported
    }

    /// How many imports [`Workspace::undo_import`] can take back now.
    pub fn imports_to_undo(&self) -> usize {
        self.undo.len()
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
            Ok(imported) => {
                report.added = imported.added;
                report.replaced = imported.replaced;
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

    /// Checks the whole document, which may hold an import not yet accepted, and indexes it;
    /// `None` when it has no units and no rows.
    fn index(&self) -> Result<Option<Dataset>> {
        let combined = &self.doc;
        let has_rows = !(combined.budget.is_empty()
            && combined.outcome.is_empty()
            && combined.forecasts.is_empty()
            && combined.measures.is_empty()
            && combined.programmes.is_empty()
            && combined.one_offs.is_empty()
            && combined.volumes.is_empty()
            && combined.grants.is_empty()
            && combined.comments.is_empty());
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
                let data = Dataset::new(combined)?;
                grants::register::check(&combined.grants, &data.tree)?;
                Some(data)
            }
        };
        if let Some(data) = &data {
            effects::check(&combined.measures, &combined.programmes, &data.tree)
                .and_then(|()| entries::check(&combined.measures, &combined.effect_entries))?;
        }
        if let Some(t) = &combined.thresholds {
            t.check().map_err(|e| e.at("thresholds"))?;
        }
        goals::check(&combined.goals, data.as_ref())?;
        comments::check(&combined.comments)?;
        Ok(data)
    }

    /// Everything imported so far, as one schema 1 document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// What a preview of an import into this workspace needs of it, as bytes
    /// ([`import::context`]): a Web Worker's `readImport` is given it in place of the document,
    /// whose every amount a million rows long it does not need.
    pub fn import_context(&self) -> Result<Vec<u8>> {
        import::context::Context::of(&self.doc).to_bytes()
    }

    /// The years some unit has budget, outcome or a forecast for, in order; none before an
    /// import. A view picks its month from them without the rows (`toJSON`) of a whole year.
    pub fn years(&self) -> &[i32] {
        self.data.as_ref().map_or(&[], |data| data.years.as_slice())
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
    pub fn import_goals_paste(&mut self, text: &str) -> Result<Imported> {
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
        deviation::explained::attach(&mut report, &self.doc.comments);
        Ok(report)
    }

    /// The deviation table of `options` as columns and rows for a file, every figure in kronor
    /// to the öre ([`export::deviation`]); `fields` is ignored: the file has every column.
    pub fn deviation_table(&self, options: &DeviationOptions) -> Result<ExportTable> {
        self.deviation(options)
            .map(|report| export::deviation::table(&report))
    }

    /// [`Workspace::deviation_table`] as CSV for Excel in Swedish ([`export::csv`]).
    pub fn deviation_csv(&self, options: &DeviationOptions) -> Result<String> {
        self.deviation_table(options)?.to_csv()
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
    ///
    /// An entry changes a measure that an import brought, so it makes the imports before it
    /// final: [`Workspace::undo_import`] has nothing to take back after it (the same for
    /// [`Workspace::record_forecast`] and [`Workspace::undo_entry`]).
    pub fn record_realised(
        &mut self,
        measure: &str,
        month: Month,
        amount: Amount,
    ) -> Result<EffectEntry> {
        let doc = &mut self.doc;
        let entry = entries::record_realised(
            &mut doc.measures,
            &mut doc.effect_entries,
            measure,
            month,
            amount,
        )?;
        self.undo.clear();
        Ok(entry)
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
        let entry = entries::record_forecast(
            &mut doc.measures,
            &mut doc.effect_entries,
            measure,
            year,
            made,
            amount,
        )?;
        self.undo.clear();
        Ok(entry)
    }

    /// Undoes the last entry, if any, and returns it.
    pub fn undo_entry(&mut self) -> Result<Option<EffectEntry>> {
        let doc = &mut self.doc;
        let entry = entries::undo(&mut doc.measures, &mut doc.effect_entries)?;
        if entry.is_some() {
            self.undo.clear();
        }
        Ok(entry)
    }

    /// Adds the measures of a table pasted from Excel or read from CSV (Swedish column names,
    /// see [`crate::import::registers::measures`]). Like [`Workspace::import`], a failure
    /// changes nothing; the error's field names the table's line (`line 4.unit`).
    pub fn import_measures(&mut self, table: &str) -> Result<Imported> {
        let read = crate::import::registers::measures::read(table)?;
        let lines: Vec<usize> = read.iter().map(|m| m.line).collect();
        let doc = Document {
            schema: SCHEMA_VERSION,
            measures: read.into_iter().map(|m| m.measure).collect(),
            ..Document::default()
        };
        self.import(doc)
            .map_err(|err| crate::import::registers::at_lines(err, "measures", &lines))
    }

    /// The entries log as CSV for the controller, for Excel in Swedish ([`export::csv`]).
    pub fn entries_csv(&self) -> String {
        export::entries::to_csv(&self.doc.measures, &self.doc.effect_entries)
    }

    /// Adds a grants register pasted from Excel or read from CSV, with Swedish column names
    /// (docs/schema-v1.md). A table that fails changes nothing; `field` names line and column.
    pub fn import_grants_table(&mut self, text: &str) -> Result<Imported> {
        let grants = crate::import::registers::grants::read(text)?;
        self.import(Document {
            schema: SCHEMA_VERSION,
            grants,
            ..Document::default()
        })
    }

    /// Keeps an explanation or action (avvikelseförklaring, åtgärd) as an import of one comment:
    /// it replaces the comment of its unit, cost type, month and kind (a later one is an edit),
    /// its text trimmed; [`Workspace::undo_import`] takes it back. A comment that cannot be kept
    /// (blank text, an unknown unit or cost type, see [`comments::check_one`]) changes nothing;
    /// the error's field names the comment's own field (`text`, `unit`, …).
    ///
    /// The index is not built again, as an import's is: comments are not in it, and building a
    /// region's year again for every comment saved would take seconds each.
    pub fn comment(&mut self, mut comment: Comment) -> Result<Imported> {
        comment.text = comment.text.trim().to_string();
        comments::check_one(&comment)?;
        let data = self.data()?;
        data.tree
            .position(&comment.unit)
            .map_err(|e| e.at("unit"))?;
        if let Some(id) = comment.cost_type.as_deref() {
            if !data.cost_types.iter().any(|t| *t.id == *id) {
                let err = Error::UnknownCostType { id: id.to_string() };
                return Err(err.at("costType"));
            }
        }
        let undo = Undo::merge(
            &mut self.doc,
            Document {
                schema: SCHEMA_VERSION,
                comments: vec![comment],
                ..Document::default()
            },
        );
        Ok(self.keep(undo))
    }

    /// Removes the comment of `kind` of a unit's row (`cost_type` `None`: the unit's whole
    /// result) for `month`; `false` when there was none. [`Workspace::undo_import`] puts it back,
    /// as it takes back an import.
    pub fn remove_comment(
        &mut self,
        unit: &str,
        cost_type: Option<&str>,
        month: Month,
        kind: CommentKind,
    ) -> bool {
        let list = std::mem::take(&mut self.doc.comments);
        let mut removed = Vec::new();
        for (at, comment) in list.into_iter().enumerate() {
            if comment.kind == kind && comment.is_for(unit, cost_type, month) {
                removed.push((at, comment));
            } else {
                self.doc.comments.push(comment);
            }
        }
        if removed.is_empty() {
            return false;
        }
        // Comments are not indexed: the dataset stands as it was.
        self.keep(Undo {
            merged: Merged::nothing(),
            name: None,
            thresholds: None,
            removed,
        });
        true
    }

    /// The explanations and actions of `options.as_of` for a subtree (or every unit), in the
    /// tree's order (see [`comments::of_month`]).
    pub fn comments(&self, options: &CommentsOptions) -> Result<Vec<Comment>> {
        comments::of_month(&self.doc.comments, self.data()?, options)
    }

    /// Adds the explanations and actions of a table pasted from Excel or read from CSV (Swedish
    /// column names, see [`crate::import::registers::comments`]). A failure changes nothing; the
    /// error's field names the table's line (`line 4.unit`).
    pub fn import_comments(&mut self, table: &str) -> Result<Imported> {
        use crate::import::registers::{at_lines, comments};
        let read = comments::read(table)?;
        let lines: Vec<usize> = read.iter().map(|c| c.line).collect();
        let doc = Document {
            schema: SCHEMA_VERSION,
            comments: read.into_iter().map(|c| c.comment).collect(),
            ..Document::default()
        };
        self.import(doc)
            .map_err(|err| at_lines(err, "comments", &lines))
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

    /// The committee paper (månadsrapport, delårsrapport) of a unit for a month: the summary
    /// written from the figures, then key figures, tables and charts of every engine.
    pub fn committee_report(&self, options: &CommitteeOptions) -> Result<CommitteeReport> {
        committee::report(self.data()?, &self.doc, options)
    }

    /// A unit's year month by month (månad för månad), with the forecast as it moved and last
    /// year's outcome beside it where the document holds it.
    pub fn months(&self, options: &MonthsOptions) -> Result<MonthsReport> {
        months::report(self.data()?, options)
    }
}

/// One import as it can be taken back: what it did to each list, and the name and thresholds
/// it replaced (`Some` where it gave new ones); or a removed comment, with where it stood.
#[derive(Clone, Debug)]
struct Undo {
    merged: Merged,
    name: Option<Option<String>>,
    thresholds: Option<Option<ThresholdSet>>,
    removed: Vec<(usize, Comment)>,
}

impl Undo {
    /// Merges `doc` into `into` (see [`Workspace::import`]).
    fn merge(into: &mut Document, mut doc: Document) -> Undo {
        let name = doc.name.take().map(|name| into.name.replace(name));
        let thresholds = doc.thresholds.take().map(|t| into.thresholds.replace(t));
        Undo {
            merged: into.merge_lists(doc),
            name,
            thresholds,
            removed: Vec::new(),
        }
    }

    /// Whether it changed comments alone (a comment saved or removed), which the index does not
    /// hold: taking it back needs no new index (a second for a region's year).
    fn only_comments(&self) -> bool {
        let others = |summary: ImportSummary| {
            ImportSummary {
                comments: 0,
                ..summary
            } == ImportSummary::default()
        };
        self.name.is_none()
            && self.thresholds.is_none()
            && others(self.merged.added())
            && others(self.merged.replaced())
    }

    fn imported(&self) -> Imported {
        Imported {
            added: self.merged.added(),
            replaced: self.merged.replaced(),
        }
    }

    /// Puts `doc` back as it was before [`Undo::merge`].
    fn take_back(self, doc: &mut Document) {
        doc.unmerge_lists(self.merged);
        reinsert(&mut doc.comments, self.removed);
        if let Some(name) = self.name {
            doc.name = name;
        }
        if let Some(thresholds) = self.thresholds {
            doc.thresholds = thresholds;
        }
    }
}

/// Points an error's field at the import's own document: `budget[7]` of the combined data,
/// where the import's third row went, reads `budget[2]`. A field naming something that was
/// there before stays as it is.
fn rebase(err: Error, merged: &Merged, combined: &Document) -> Error {
    let Error::At { field, source } = err else {
        return err;
    };
    let shifted = (|| {
        let (list, rest) = field.split_once('[')?;
        let (index, tail) = rest.split_once(']')?;
        let index = merged.source_of(list, index.parse::<usize>().ok()?, combined)?;
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

#[cfg(test)]
#[path = "workspace_reimport_tests.rs"]
mod reimport_tests;

#[cfg(test)]
#[path = "workspace_comments_tests.rs"]
mod comments_tests;
