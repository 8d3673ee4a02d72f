//! Tests of explanations and actions in the workspace (`Workspace::comment`, `remove_comment`,
//! `comments`, `import_comments`) and beside the deviation report's figures
//! (`missingExplanations`): kept, replaced, taken back, refused whole, and through re-imports.

use super::*;
use crate::comments::CommentsOptions;
use crate::deviation::{ExplainedSpan, Status};
use crate::import::json;
use serde_json::{json, Value};

fn doc(v: Value) -> Document {
    json::read(|| &v).unwrap()
}

/// A region with two units booked January through August, A over budget in August (material
/// against a 10 kr / 1 % threshold), B on budget; one cost type.
fn region() -> Workspace {
    let mut outcome = Vec::new();
    for m in 1..=8 {
        let a = if m == 8 { "-300" } else { "-100" };
        outcome.push(json!({ "unit": "A", "costType": "4010", "month": format!("2025-{m:02}"), "amount": a }));
        outcome.push(json!({ "unit": "B", "month": format!("2025-{m:02}"), "amount": "-200" }));
    }
    Workspace::from_document(doc(json!({
        "schema": 1,
        "units": [
            { "id": "R", "name": "Region" },
            { "id": "A", "name": "A", "parent": "R" },
            { "id": "B", "name": "B", "parent": "R" }
        ],
        "costTypes": [{ "id": "4010", "name": "Hyrpersonal", "kind": "cost" }],
        "budget": [
            { "unit": "A", "costType": "4010", "year": 2025, "annual": "-1200" },
            { "unit": "B", "year": 2025, "annual": "-2400" }
        ],
        "outcome": outcome,
        "thresholds": { "default": { "absolute": "10", "percent": 1 } }
    })))
    .unwrap()
}

fn comment(unit: &str, kind: CommentKind, text: &str) -> Comment {
    Comment {
        unit: unit.into(),
        month: Month::parse("2025-08").unwrap(),
        cost_type: None,
        kind,
        text: text.into(),
        author: "Anna".into(),
        written: "2025-09-10".into(),
        due: None,
        owner: None,
    }
}

fn august(ws: &Workspace, by_cost_type: bool) -> DeviationReport {
    let options = DeviationOptions {
        as_of: "2025-08".into(),
        by_cost_type,
        ..DeviationOptions::default()
    };
    ws.deviation(&options).unwrap()
}

fn texts(ws: &Workspace) -> Vec<String> {
    let options = CommentsOptions {
        as_of: "2025-08".into(),
        unit: None,
    };
    let list = ws.comments(&options).unwrap();
    list.into_iter().map(|c| c.text).collect()
}

/// (unit, cost type, span, missing kinds) of each missing explanation.
fn missing(
    report: &DeviationReport,
) -> Vec<(String, Option<String>, ExplainedSpan, Vec<CommentKind>)> {
    report
        .missing_explanations
        .iter()
        .map(|m| {
            (
                m.unit.clone(),
                m.cost_type.clone(),
                m.span,
                m.missing.clone(),
            )
        })
        .collect()
}

#[test]
fn a_comment_is_kept_replaced_by_a_later_one_of_its_key_and_taken_back() {
    let mut ws = region();
    let kept = ws
        .comment(comment("A", CommentKind::Explanation, "  Hyrläkare  "))
        .unwrap();
    assert_eq!((kept.added.comments, kept.replaced.comments), (1, 0));
    ws.comment(comment("B", CommentKind::Explanation, "B:s förklaring"))
        .unwrap();
    let edited = ws
        .comment(comment(
            "A",
            CommentKind::Explanation,
            "Hyrläkare i juli och augusti",
        ))
        .unwrap();
    assert_eq!((edited.added.comments, edited.replaced.comments), (0, 1));
    let mut action = comment("A", CommentKind::Action, "Egen rekrytering");
    action.due = Month::parse("2025-12").ok();
    action.owner = Some("Verksamhetschef".into());
    ws.comment(action).unwrap();
    assert_eq!(
        texts(&ws),
        [
            "Hyrläkare i juli och augusti",
            "Egen rekrytering",
            "B:s förklaring"
        ]
    );

    let august = Month::parse("2025-08").unwrap();
    let before = ws.document().comments.clone();
    assert!(ws.remove_comment("A", None, august, CommentKind::Explanation));
    assert!(
        !ws.remove_comment("A", None, august, CommentKind::Explanation),
        "nothing left to remove"
    );
    assert_eq!(texts(&ws), ["Egen rekrytering", "B:s förklaring"]);
    ws.undo_import().unwrap().unwrap();
    assert_eq!(
        ws.document().comments,
        before,
        "the removed comment is back in its place"
    );
    ws.undo_import().unwrap(); // the action
    ws.undo_import().unwrap(); // the edit: the first text again
    assert_eq!(texts(&ws), ["Hyrläkare", "B:s förklaring"]);
}

#[test]
fn a_comment_that_cannot_be_kept_changes_nothing_and_names_its_field() {
    let mut ws = region();
    let before = ws.document().clone();
    let fault = |ws: &mut Workspace, c: Comment| {
        let e = ws.comment(c).unwrap_err();
        (e.code(), e.field().map(str::to_string))
    };
    let blank = comment("A", CommentKind::Explanation, " \t");
    assert_eq!(fault(&mut ws, blank), ("E_COMMENT", Some("text".into())));
    let nobody = comment("X", CommentKind::Explanation, "x");
    assert_eq!(
        fault(&mut ws, nobody),
        ("E_UNKNOWN_UNIT", Some("unit".into()))
    );
    let mut typed = comment("A", CommentKind::Explanation, "x");
    typed.cost_type = Some("9999".into());
    assert_eq!(
        fault(&mut ws, typed),
        ("E_UNKNOWN_COST_TYPE", Some("costType".into()))
    );
    let mut day = comment("A", CommentKind::Explanation, "x");
    day.written = "2025-09-31".into();
    assert_eq!(fault(&mut ws, day), ("E_COMMENT", Some("written".into())));
    let mut due = comment("A", CommentKind::Explanation, "x");
    due.due = Month::parse("2025-12").ok();
    assert_eq!(fault(&mut ws, due), ("E_COMMENT", Some("due".into())));
    assert_eq!(ws.document(), &before);
    assert_eq!(ws.imports_to_undo(), 0);
}

#[test]
fn comments_stay_through_next_months_export_and_its_undo() {
    let mut ws = region();
    ws.comment(comment("A", CommentKind::Explanation, "Hyrläkare"))
        .unwrap();
    let csv =
        "Kostnadsställe;Kostnadsslag;Period;Utfall\r\nA;4010;2025-09;-100\r\nB;;2025-09;-200\r\n";
    ws.import_csv(csv.as_bytes(), &ImportOptions::default())
        .unwrap();
    assert_eq!(texts(&ws), ["Hyrläkare"]);
    ws.undo_import().unwrap().unwrap();
    assert_eq!(texts(&ws), ["Hyrläkare"]);
    let text = serde_json::to_string(ws.document()).unwrap();
    let again = Workspace::from_document(json::read_text(&text).unwrap()).unwrap();
    assert_eq!(again.document().comments, ws.document().comments);
}

#[test]
fn material_deviations_without_an_explanation_or_action_are_listed() {
    let mut ws = region();
    let report = august(&ws, false);
    let both = vec![CommentKind::Explanation, CommentKind::Action];
    let row = report.row("A").unwrap();
    assert_eq!(row.period.status, Some(Status::Material));
    assert_eq!(
        missing(&report),
        [
            ("R".into(), None, ExplainedSpan::Month, both.clone()),
            ("R".into(), None, ExplainedSpan::Ytd, both.clone()),
            ("A".into(), None, ExplainedSpan::Month, both.clone()),
            ("A".into(), None, ExplainedSpan::Ytd, both.clone()),
        ],
        "B is on budget; no forecast, so no full year"
    );
    assert_eq!(
        report.missing_explanations[2].deviation.to_canonical(),
        "-200"
    );

    ws.comment(comment("A", CommentKind::Explanation, "Hyrläkare"))
        .unwrap();
    let report = august(&ws, false);
    assert_eq!(report.row("A").unwrap().comments[0].text, "Hyrläkare");
    let a: Vec<_> = missing(&report)
        .into_iter()
        .filter(|m| m.0 == "A")
        .collect();
    assert_eq!(
        a,
        [
            (
                "A".into(),
                None,
                ExplainedSpan::Month,
                vec![CommentKind::Action]
            ),
            (
                "A".into(),
                None,
                ExplainedSpan::Ytd,
                vec![CommentKind::Action]
            ),
        ],
        "one explanation covers every span of the row; the action is still missing"
    );
    ws.comment(comment("A", CommentKind::Action, "Egen rekrytering"))
        .unwrap();
    assert!(missing(&august(&ws, false)).iter().all(|m| m.0 != "A"));

    // A cost-type row is covered by its unit's comments, or needs its own.
    let report = august(&ws, true);
    assert!(missing(&report).iter().all(|m| m.0 != "A"));
    let mut typed = comment("R", CommentKind::Explanation, "Hyrpersonal i A");
    typed.cost_type = Some("4010".into());
    ws.comment(typed).unwrap();
    let report = august(&ws, true);
    let cost_type = &report.row("R").unwrap().cost_types.as_ref().unwrap()[0];
    assert_eq!(cost_type.comments[0].text, "Hyrpersonal i A");
    assert!(report.row("R").unwrap().comments.is_empty());
    let r4010: Vec<_> = missing(&report)
        .into_iter()
        .filter(|m| m.1.as_deref() == Some("4010"))
        .collect();
    assert_eq!(
        r4010,
        [
            (
                "R".into(),
                Some("4010".into()),
                ExplainedSpan::Month,
                vec![CommentKind::Action]
            ),
            (
                "R".into(),
                Some("4010".into()),
                ExplainedSpan::Ytd,
                vec![CommentKind::Action]
            ),
        ]
    );
}

#[test]
fn a_favourable_deviation_needs_an_explanation_and_a_month_not_booked_nothing() {
    let mut ws = region();
    ws.import(doc(json!({
        "schema": 1,
        "outcome": [{ "unit": "B", "month": "2025-08", "amount": "-100" }]
    })))
    .unwrap();
    let report = august(&ws, false);
    let b: Vec<_> = report
        .missing_explanations
        .iter()
        .filter(|m| m.unit == "B")
        .collect();
    assert_eq!(b.len(), 2);
    assert_eq!(b[0].status, Status::Favourable);
    assert_eq!(b[0].missing, [CommentKind::Explanation]);

    let options = DeviationOptions {
        as_of: "2025-10".into(),
        ..DeviationOptions::default()
    };
    let october = ws.deviation(&options).unwrap();
    assert!(
        october.missing_explanations.is_empty(),
        "October is not booked"
    );
}

#[test]
fn a_pasted_table_brings_comments_and_its_faults_name_the_line() {
    let mut ws = region();
    let table =
        "Enhet\tMånad\tKostnadsslag\tTyp\tText\tSkriven av\tDatum\tKlart senast\tAnsvarig\n\
                 A\t2025-08\t\tFörklaring\tHyrläkare\tAnna\t2025-09-10\t\t\n\
                 R\t2025-08\t4010\tÅtgärd\tEgen rekrytering\tAnna\t\t2025-12\tHR-chef\n";
    let imported = ws.import_comments(table).unwrap();
    assert_eq!(imported.added.comments, 2);
    assert_eq!(
        texts(&ws),
        ["Egen rekrytering", "Hyrläkare"],
        "tree order: R before A"
    );
    let before = ws.document().clone();
    let bad = "Enhet\tMånad\tText\nA\t2025-08\tok\nX\t2025-08\tokänd enhet\n";
    let e = ws.import_comments(bad).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_UNKNOWN_UNIT", Some("line 3.unit"))
    );
    let e = ws
        .import_comments(
            "Enhet\tMånad\tTyp\tText\tKlart senast\nA\t2025-08\tFörklaring\tx\t2025-12\n",
        )
        .unwrap_err();
    assert_eq!((e.code(), e.field()), ("E_COMMENT", Some("line 2.due")));
    assert_eq!(ws.document(), &before);
}
