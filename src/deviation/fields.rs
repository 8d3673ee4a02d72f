//! Which groups of figures the rows of a written deviation report carry (`fields` in the
//! options), and the report's JSON text. A view that shows a few groups asks for those, and a
//! region's report is written in less text; the text is written by hand for the amounts, which are
//! most of it (README, "Performance": writing and reading the whole report through serde was most
//! of the widget's re-render). The unit header (unit, name, parent, level, depth, children) is
//! always written, and so are the month's comments (`comments`, short and what a row shows beside
//! its figures); a group not asked for is left out of every row and every cost-type row.
//!
//! Not a second report: the engine computes the rows as always and the Rust API keeps them
//! whole; this only decides what is written. Without `fields` the report is written whole, the
//! same text as `serde_json` gives (a test holds the two together).

use serde::Deserialize;

use crate::error::Error;
use crate::json_text::JsonText;

use super::{CostTypeRow, DeviationReport, DeviationRow, Figures, FullYear};

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

/// About what a row takes as JSON text, whole; enough to write without growing the buffer often.
const ROW_BYTES: usize = 1024;

impl DeviationReport {
    /// The report as JSON text, its rows with the groups in `fields` only (every group for `None`).
    pub fn to_json(&self, fields: Option<&[RowGroup]>) -> Result<String, Error> {
        let has = |group| fields.map_or(true, |f| f.contains(&group));
        let mut w = JsonText::with_capacity(self.rows.len() * ROW_BYTES);
        w.begin_object();
        w.key("name").value(&self.name)?;
        w.key("asOf").value(&self.as_of)?;
        w.key("year").value(&self.year)?;
        w.key("tertialFrom").value(&self.tertial_from)?;
        w.key("escalationLevel").value(&self.escalation_level)?;
        w.key("root").value(&self.root)?;
        w.key("outcomeThrough").value(&self.outcome_through)?;
        w.key("rows").begin_array();
        for row in &self.rows {
            write_row(&mut w, row, &has)?;
        }
        w.end_array();
        w.key("missingExplanations")
            .value(&self.missing_explanations)?;
        w.end_object();
        w.finish()
    }
}

fn write_row(
    w: &mut JsonText,
    row: &DeviationRow,
    has: &impl Fn(RowGroup) -> bool,
) -> Result<(), Error> {
    w.begin_object();
    let head = &row.head;
    w.key("unit").value(&head.unit)?;
    w.key("name").value(&head.name)?;
    w.key("parent").value(&head.parent)?;
    w.key("level").value(&head.level)?;
    w.key("depth").value(&head.depth)?;
    w.key("children").value(&head.children)?;
    if has(RowGroup::Threshold) {
        w.key("threshold").value(&row.threshold)?;
    }
    w.key("outcomeThrough").value(&row.outcome_through)?;
    write_spans(
        w,
        [&row.period, &row.tertial, &row.ytd],
        &row.full_year,
        has,
    )?;
    if has(RowGroup::Projections) {
        w.key("projections").value(&row.projections)?;
    }
    if has(RowGroup::Escalation) {
        w.key("escalation").value(&row.escalation)?;
    }
    if has(RowGroup::Volumes) {
        w.key("volumes").value(&row.volumes)?;
    }
    if let Some(types) = &row.cost_types {
        w.key("costTypes").begin_array();
        for t in types {
            write_cost_type(w, t, has)?;
        }
        w.end_array();
    }
    w.key("comments").value(&row.comments)?;
    w.end_object();
    Ok(())
}

fn write_cost_type(
    w: &mut JsonText,
    row: &CostTypeRow,
    has: &impl Fn(RowGroup) -> bool,
) -> Result<(), Error> {
    w.begin_object();
    w.key("costType").value(&row.cost_type)?;
    w.key("name").value(&row.name)?;
    w.key("kind").value(&row.kind)?;
    write_spans(
        w,
        [&row.period, &row.tertial, &row.ytd],
        &row.full_year,
        has,
    )?;
    w.key("comments").value(&row.comments)?;
    w.end_object();
    Ok(())
}

/// The figures a unit row and a cost-type row share: period, tertial, ytd and full year.
fn write_spans(
    w: &mut JsonText,
    spans: [&Figures; 3],
    full_year: &FullYear,
    has: &impl Fn(RowGroup) -> bool,
) -> Result<(), Error> {
    for ((name, group), figures) in [
        ("period", RowGroup::Period),
        ("tertial", RowGroup::Tertial),
        ("ytd", RowGroup::Ytd),
    ]
    .into_iter()
    .zip(spans)
    {
        if has(group) {
            w.key(name);
            write_figures(w, figures)?;
        }
    }
    if has(RowGroup::FullYear) {
        w.key("fullYear");
        let f = full_year;
        w.begin_object();
        w.key("budget").amount(f.budget);
        w.key("forecast").opt_amount(f.forecast);
        w.key("forecastMonth").value(&f.forecast_month)?;
        w.key("deviation").opt_amount(f.deviation);
        w.key("percent").opt_percent(f.percent);
        w.key("oneOffs").amount(f.one_offs);
        w.key("underlying").opt_amount(f.underlying);
        w.key("status").value(&f.status)?;
        w.key("grossCost").opt_amount(f.gross_cost);
        w.key("percentOfGrossCost")
            .opt_percent(f.percent_of_gross_cost);
        w.end_object();
    }
    Ok(())
}

fn write_figures(w: &mut JsonText, f: &Figures) -> Result<(), Error> {
    w.begin_object();
    w.key("budget").amount(f.budget);
    w.key("outcome").opt_amount(f.outcome);
    w.key("deviation").opt_amount(f.deviation);
    w.key("percent").opt_percent(f.percent);
    w.key("grossCost").opt_amount(f.gross_cost);
    w.key("percentOfGrossCost")
        .opt_percent(f.percent_of_gross_cost);
    w.key("oneOffs").amount(f.one_offs);
    w.key("underlying").opt_amount(f.underlying);
    w.key("status").value(&f.status)?;
    w.end_object();
    Ok(())
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
        serde_json::from_str(&report.to_json(fields).unwrap()).unwrap()
    }

    #[test]
    fn every_group_asked_for_writes_the_whole_report_as_serde_does() {
        for by_cost_type in [false, true] {
            // The same text, byte for byte: field names, their order, amounts, nulls.
            let serde = serde_json::to_string(&report(by_cost_type)).unwrap();
            assert_eq!(report(by_cost_type).to_json(None).unwrap(), serde);
            assert_eq!(report(by_cost_type).to_json(Some(&EVERY)).unwrap(), serde);
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
            "outcomeThrough",
            "period",
            "ytd",
            "escalation",
            "costTypes",
            "comments",
        ];
        want.sort_unstable();
        let mut got = keys(hsn);
        got.sort_unstable();
        assert_eq!(got, want);
        // The last booked month is written with the header, whatever the groups.
        assert_eq!(hsn["outcomeThrough"], json!("2025-03"));
        assert_eq!(v["outcomeThrough"], json!("2025-03"));
        // The figures are the whole report's; the escalated committee keeps its escalation,
        // and a row without one has it as null, not absent.
        assert_eq!(hsn["ytd"], whole["rows"][1]["ytd"]);
        assert_eq!(hsn["escalation"]["due"], json!("2025-05"));
        assert_eq!(v["rows"][2]["escalation"], Value::Null);
        let cost_type = &v["rows"][2]["costTypes"][0];
        let mut got = keys(cost_type);
        got.sort_unstable();
        assert_eq!(
            got,
            ["comments", "costType", "kind", "name", "period", "ytd"]
        );
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
