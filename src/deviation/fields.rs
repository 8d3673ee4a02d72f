//! Which groups of figures the rows of a written deviation report carry (`fields` in the
//! options): a view that shows a few groups asks for those, and a region's report is written in
//! half the text (README, "Performance": writing and reading the whole report was most of the
//! widget's re-render). The unit header (unit, name, parent, level, depth, children) is always
//! written; a group not asked for is left out of every row, and out of every cost-type row.
//!
//! Not a second report: the engine computes the rows as always and the Rust API keeps them
//! whole; this only decides what is written. Without `fields` the report is written whole.

use serde::{Deserialize, Serialize, Serializer};

use crate::calendar::Month;
use crate::import::json::Kind;
use crate::org::{Level, UnitHeader};

use super::{
    CostTypeRow, DeviationReport, DeviationRow, Escalation, Figures, FullYear, Projections,
    Threshold, VolumeSplit,
};

/// A group of figures in a deviation row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RowGroup {
    Threshold,
    Period,
    Tertial,
    Ytd,
    FullYear,
    Projections,
    Escalation,
    Volumes,
}

/// A report and the groups its rows are written with: every group when `fields` is `None`.
pub struct Selected {
    report: DeviationReport,
    fields: Option<Vec<RowGroup>>,
}

impl DeviationReport {
    /// The report to be written with the rows' `fields` only (all of them for `None`).
    pub fn select(self, fields: Option<&[RowGroup]>) -> Selected {
        Selected {
            report: self,
            fields: fields.map(<[RowGroup]>::to_vec),
        }
    }
}

impl Serialize for Selected {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some(fields) = &self.fields else {
            return self.report.serialize(serializer);
        };
        let r = &self.report;
        let has = |group| fields.contains(&group);
        ReportOut {
            name: &r.name,
            as_of: r.as_of,
            year: r.year,
            tertial_from: r.tertial_from,
            escalation_level: r.escalation_level,
            root: &r.root,
            rows: r.rows.iter().map(|row| RowOut::of(row, &has)).collect(),
        }
        .serialize(serializer)
    }
}

/// [`DeviationReport`] with selected rows; the fields are the same, in the same order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportOut<'a> {
    name: &'a Option<String>,
    as_of: Month,
    year: i32,
    tertial_from: Month,
    escalation_level: Level,
    root: &'a str,
    rows: Vec<RowOut<'a>>,
}

/// [`DeviationRow`] with the groups not asked for left out (`None` is not written; a group asked
/// for that is itself absent, like `escalation`, is written as null).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RowOut<'a> {
    #[serde(flatten)]
    head: &'a UnitHeader,
    #[serde(skip_serializing_if = "Option::is_none")]
    threshold: Option<&'a Threshold>,
    #[serde(flatten)]
    spans: Spans<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    projections: Option<&'a Projections>,
    #[serde(skip_serializing_if = "Option::is_none")]
    escalation: Option<&'a Option<Escalation>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    volumes: Option<&'a [VolumeSplit]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cost_types: Option<Vec<CostTypeOut<'a>>>,
}

impl<'a> RowOut<'a> {
    fn of(row: &'a DeviationRow, has: &impl Fn(RowGroup) -> bool) -> RowOut<'a> {
        RowOut {
            head: &row.head,
            threshold: has(RowGroup::Threshold).then_some(&row.threshold),
            spans: Spans::of([&row.period, &row.tertial, &row.ytd], &row.full_year, has),
            projections: has(RowGroup::Projections).then_some(&row.projections),
            escalation: has(RowGroup::Escalation).then_some(&row.escalation),
            volumes: has(RowGroup::Volumes).then_some(&row.volumes[..]),
            cost_types: row
                .cost_types
                .as_ref()
                .map(|types| types.iter().map(|t| CostTypeOut::of(t, has)).collect()),
        }
    }
}

/// The figures a unit row and a cost-type row share: period, tertial, ytd and full year.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Spans<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<&'a Figures>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tertial: Option<&'a Figures>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ytd: Option<&'a Figures>,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_year: Option<&'a FullYear>,
}

impl<'a> Spans<'a> {
    fn of(
        [period, tertial, ytd]: [&'a Figures; 3],
        full_year: &'a FullYear,
        has: &impl Fn(RowGroup) -> bool,
    ) -> Spans<'a> {
        Spans {
            period: has(RowGroup::Period).then_some(period),
            tertial: has(RowGroup::Tertial).then_some(tertial),
            ytd: has(RowGroup::Ytd).then_some(ytd),
            full_year: has(RowGroup::FullYear).then_some(full_year),
        }
    }
}

/// [`CostTypeRow`] with the span groups not asked for left out.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CostTypeOut<'a> {
    cost_type: &'a Option<String>,
    name: &'a Option<String>,
    kind: Option<Kind>,
    #[serde(flatten)]
    spans: Spans<'a>,
}

impl<'a> CostTypeOut<'a> {
    fn of(row: &'a CostTypeRow, has: &impl Fn(RowGroup) -> bool) -> CostTypeOut<'a> {
        CostTypeOut {
            cost_type: &row.cost_type,
            name: &row.name,
            kind: row.kind,
            spans: Spans::of([&row.period, &row.tertial, &row.ytd], &row.full_year, has),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deviation::DeviationOptions;
    use crate::import::json;
    use crate::workspace::Workspace;
    use serde_json::{json, Value};

    const EVERY: [RowGroup; 8] = [
        RowGroup::Threshold,
        RowGroup::Period,
        RowGroup::Tertial,
        RowGroup::Ytd,
        RowGroup::FullYear,
        RowGroup::Projections,
        RowGroup::Escalation,
        RowGroup::Volumes,
    ];

    /// A committee whose forecast escalates, a unit with volumes, two cost types.
    fn report(by_cost_type: bool) -> DeviationReport {
        let doc = json!({
            "schema": 1,
            "units": [
                { "id": "R", "name": "Region", "level": "region" },
                { "id": "HSN", "name": "Hälso- och sjukvård", "parent": "R", "level": "committee" },
                { "id": "SJ", "name": "Sjukhusvård", "parent": "HSN", "level": "area" }
            ],
            "costTypes": [
                { "id": "4000", "name": "Personal", "kind": "cost" },
                { "id": "3000", "name": "Avgifter", "kind": "revenue" }
            ],
            "budget": [
                { "unit": "SJ", "costType": "4000", "year": 2025, "annual": "-120000000" },
                { "unit": "SJ", "costType": "3000", "year": 2025, "annual": "12000000" }
            ],
            "outcome": [
                { "unit": "SJ", "costType": "4000", "month": "2025-03", "amount": "-14000000" },
                { "unit": "SJ", "costType": "3000", "month": "2025-03", "amount": "900000" }
            ],
            "forecasts": [
                { "unit": "HSN", "year": 2025, "made": "2025-02", "amount": "-150000000" }
            ],
            "volumes": [
                { "unit": "SJ", "month": "2025-03", "measure": "vårddygn", "budget": 1000, "actual": 1100 }
            ]
        });
        let mut ws = Workspace::new();
        ws.import(json::read(|| &doc).unwrap()).unwrap();
        let options = DeviationOptions {
            as_of: "2025-03".into(),
            by_cost_type,
            ..DeviationOptions::default()
        };
        ws.deviation(&options).unwrap()
    }

    fn written(report: DeviationReport, fields: Option<&[RowGroup]>) -> Value {
        serde_json::to_value(report.select(fields)).unwrap()
    }

    #[test]
    fn every_group_asked_for_writes_the_whole_report() {
        for by_cost_type in [false, true] {
            let whole = serde_json::to_value(report(by_cost_type)).unwrap();
            // Every group has something in it here: volumes and an escalation too.
            assert_eq!(whole["rows"][2]["volumes"][0]["measure"], json!("vårddygn"));
            assert_eq!(
                whole["rows"][1]["escalation"]["firstSeen"],
                json!("2025-02")
            );
            assert_eq!(written(report(by_cost_type), None), whole);
            assert_eq!(written(report(by_cost_type), Some(&EVERY)), whole);
        }
    }

    #[test]
    fn groups_not_asked_for_are_left_out_of_rows_and_cost_type_rows() {
        let fields = [RowGroup::Period, RowGroup::Ytd, RowGroup::Escalation];
        let whole = serde_json::to_value(report(true)).unwrap();
        let v = written(report(true), Some(&fields));
        let keys = |row: &Value| row.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(v["asOf"], whole["asOf"]);
        assert_eq!(v["rows"].as_array().unwrap().len(), 3);
        let hsn = &v["rows"][1];
        let mut want = [
            "unit",
            "name",
            "parent",
            "level",
            "depth",
            "children",
            "period",
            "ytd",
            "escalation",
            "costTypes",
        ];
        want.sort_unstable();
        let mut got = keys(hsn);
        got.sort_unstable();
        assert_eq!(got, want);
        // The figures are the whole report's; the escalated committee keeps its escalation,
        // and a row without one has it as null, not absent.
        assert_eq!(hsn["ytd"], whole["rows"][1]["ytd"]);
        assert_eq!(hsn["escalation"]["due"], json!("2025-05"));
        assert_eq!(v["rows"][2]["escalation"], Value::Null);
        let cost_type = &v["rows"][2]["costTypes"][0];
        let mut got = keys(cost_type);
        got.sort_unstable();
        assert_eq!(got, ["costType", "kind", "name", "period", "ytd"]);
        assert_eq!(
            cost_type["period"],
            whole["rows"][2]["costTypes"][0]["period"]
        );
    }

    #[test]
    fn an_unknown_group_is_refused_with_its_place() {
        let e = serde_path_to_error::deserialize::<_, DeviationOptions>(
            json!({ "asOf": "2025-03", "fields": ["ytd", "budget"] }),
        )
        .unwrap_err();
        assert_eq!(e.path().to_string(), "fields[1]");
    }
}
