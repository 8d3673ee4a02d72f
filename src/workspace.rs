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
        assert!(before.counts().goals > 0 && before.thresholds.is_some());
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
