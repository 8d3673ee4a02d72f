use serde_json::Value;

use super::months::MonthsOptions;
use super::{Block, CommitteeOptions, CommitteeReport, Lang, PaperKind, SectionKind};
use crate::model::comments::{Comment, CommentKind};
use crate::model::{Document, SCHEMA_VERSION};
use crate::workspace::Workspace;

fn demo() -> Workspace {
    let text = include_str!("../../www/demo/region-2025.json");
    let v: Value = serde_json::from_str(text).unwrap();
    let mut ws = Workspace::new();
    ws.import(crate::import::json::read(|| &v).unwrap())
        .unwrap();
    ws
}

fn paper(ws: &Workspace, unit: &str, as_of: &str, lang: Lang) -> CommitteeReport {
    ws.committee_report(&CommitteeOptions {
        as_of: as_of.into(),
        unit: Some(unit.into()),
        lang: Some(lang),
        depth: None,
    })
    .unwrap()
}

/// The numbers written in `text`: runs of digits with their group separators and decimals.
fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in text.chars().chain([' ']) {
        let part_of = c.is_ascii_digit() || (!run.is_empty() && (c == ',' || c == '\u{a0}'));
        if part_of {
            run.push(c);
        } else if !run.is_empty() {
            out.push(run.trim_end_matches([',', '\u{a0}']).to_string());
            run.clear();
        }
    }
    out
}

/// Every paragraph of the paper: the summary's, then the goals section's.
fn paragraphs(p: &CommitteeReport) -> Vec<&super::Paragraph> {
    p.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
        .collect()
}

#[test]
fn every_number_in_the_summary_is_one_of_its_figures() {
    let ws = demo();
    for lang in [Lang::Sv, Lang::En] {
        let p = paper(&ws, "HSN", "2025-08", lang);
        let paras = paragraphs(&p);
        assert!(paras.len() >= 4, "{paras:?}");
        for para in paras {
            let mut text = para.text.clone();
            for q in &para.quotes {
                text = text.replacen(q.as_str(), "", 1);
            }
            for n in numbers(&text) {
                assert!(
                    para.figures.iter().any(|f| numbers(&f.text).contains(&n)),
                    "{n} in {:?} is not among {:?}",
                    para.text,
                    para.figures
                );
            }
        }
    }
}

#[test]
fn the_figures_are_the_engine_reports_own() {
    let ws = demo();
    let p = paper(&ws, "HSN", "2025-08", Lang::Sv);
    let deviation = ws
        .deviation(&crate::deviation::DeviationOptions {
            as_of: "2025-08".into(),
            unit: Some("HSN".into()),
            ..Default::default()
        })
        .unwrap();
    let hsn = deviation.row("HSN").unwrap();
    let figures: Vec<_> = paragraphs(&p)
        .into_iter()
        .flat_map(|p| &p.figures)
        .collect();
    let value = |name: &str| {
        figures
            .iter()
            .find(|f| f.name == name && f.unit == "HSN")
            .unwrap_or_else(|| panic!("{name} is used"))
            .value
            .clone()
    };
    assert_eq!(
        value("deviation.ytd.outcome"),
        hsn.ytd.outcome.unwrap().to_canonical()
    );
    assert_eq!(
        value("deviation.ytd.deviation"),
        hsn.ytd.deviation.unwrap().to_canonical()
    );
    let full_year = |row: &crate::deviation::DeviationRow| row.full_year.forecast.unwrap();
    assert_eq!(
        value("deviation.fullYear.forecast"),
        full_year(hsn).to_canonical()
    );
    // The forecast as it stood at the end of July (April's) against August's.
    let july = ws
        .deviation(&crate::deviation::DeviationOptions {
            as_of: "2025-07".into(),
            unit: Some("HSN".into()),
            ..Default::default()
        })
        .unwrap();
    let before = full_year(&july.rows[0]);
    assert_eq!(value("months.forecast"), before.to_canonical());
    assert_eq!(
        value("months.forecastChange"),
        (full_year(hsn) - before).to_canonical()
    );
    let grants = ws
        .grants(&crate::grants::GrantOptions {
            as_of: "2025-08".into(),
            unit: Some("HSN".into()),
            ..Default::default()
        })
        .unwrap();
    let structural = grants.rows[0].ytd.structural;
    assert_eq!(value("grants.ytd.structural"), structural.to_canonical());
    // The seed: +148 mnkr reported, 115 mnkr of it from the accessibility grant: +33 structural.
    assert_eq!(
        structural.format(crate::num::money::DisplayUnit::Mnkr, 0),
        "33"
    );
    let effects = ws
        .effects(&crate::effects::EffectsOptions {
            as_of: "2025-08".into(),
            ..Default::default()
        })
        .unwrap();
    let need = effects.programme("HSN-2024").map(|p| p.need);
    assert_eq!(
        Some(value("effects.programmes[HSN-2024].need")),
        need.map(|n| n.to_canonical())
    );
    let due = hsn.escalation.as_ref().unwrap().due;
    assert_eq!(value("deviation.escalation.due"), due.to_string());
    // Per August 2025 the region had 8 of 30 indicators met (the seed).
    assert_eq!(value("goals.counts.met"), "8");
    assert_eq!(value("goals.counts.total"), "30");
}

#[test]
fn a_sentence_without_its_figure_is_left_out() {
    let ws = demo();
    // No forecast is made before February: no forecast sentence, no forecast figure, no blank.
    let p = paper(&ws, "HSN", "2025-01", Lang::Sv);
    let paras = paragraphs(&p);
    assert!(paras[0].text.starts_with("Resultatet för januari 2025 är"));
    assert!(
        !paras.iter().any(|p| p.text.contains("Helårsprognosen")),
        "{paras:?}"
    );
    assert!(!paras
        .iter()
        .flat_map(|p| &p.figures)
        .any(|f| f.name.starts_with("deviation.fullYear")));
    assert!(paras
        .iter()
        .all(|p| !p.text.contains("  ") && !p.text.contains(" ,")));
}

#[test]
fn interim_in_march_and_august_monthly_otherwise() {
    let ws = demo();
    let august = paper(&ws, "HSN", "2025-08", Lang::Sv);
    assert_eq!(august.kind, PaperKind::Interim);
    assert_eq!(august.title, "Delårsrapport per augusti 2025");
    assert_eq!(august.name, "Hälso- och sjukvårdsnämnden");
    let july = paper(&ws, "HSN", "2025-07", Lang::En);
    assert_eq!(july.kind, PaperKind::Monthly);
    assert_eq!(july.title, "Monthly report July 2025");
}

#[test]
fn material_items_carry_their_explanation_or_say_it_is_missing() {
    let mut ws = demo();
    let comment = |kind, text: &str| Comment {
        unit: "HSN-SJ-MED".into(),
        month: "2025-08".parse().unwrap(),
        cost_type: None,
        kind,
        text: text.into(),
        author: "Controller".into(),
        written: "2025-09-05".into(),
        due: (kind == CommentKind::Action).then(|| "2025-11".parse().unwrap()),
        owner: (kind == CommentKind::Action).then(|| "Verksamhetschef".into()),
    };
    ws.import(Document {
        schema: SCHEMA_VERSION,
        comments: vec![
            comment(CommentKind::Explanation, "Fler vårddygn än planerat."),
            comment(CommentKind::Action, "Vårdplatsöversyn"),
        ],
        ..Document::default()
    })
    .unwrap();
    let p = paper(&ws, "HSN", "2025-08", Lang::Sv);
    let material = &paragraphs(&p)[1];
    assert!(
        material.text.contains("Medicinkliniken: −") && material.text.contains(
            "Förklaring: Fler vårddygn än planerat. Åtgärd: Vårdplatsöversyn (ansvarig: Verksamhetschef), senast november 2025."
        ),
        "{}",
        material.text
    );
    assert!(material.text.contains("Förklaring saknas för 21 av 22"));
    let table = p
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Material)
        .and_then(|s| match &s.blocks[0] {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    let explanation = |name: &str| {
        let row = table
            .rows
            .iter()
            .find(|r| r.cells[0] == super::Cell::Text(name.into()))
            .unwrap();
        row.cells[4].clone()
    };
    assert_eq!(
        explanation("Medicinkliniken"),
        super::Cell::Text("Fler vårddygn än planerat.".into())
    );
    assert_eq!(
        explanation("Akutkliniken"),
        super::Cell::Text("förklaring saknas".into())
    );
}

#[test]
fn months_add_up_and_the_forecast_moves_as_it_was_made() {
    let ws = demo();
    let options = MonthsOptions {
        as_of: "2025-08".into(),
        unit: Some("HSN".into()),
    };
    let m = ws.months(&options).unwrap();
    let deviation = |as_of: &str| {
        ws.deviation(&crate::deviation::DeviationOptions {
            as_of: as_of.into(),
            unit: Some("HSN".into()),
            ..Default::default()
        })
        .unwrap()
        .rows[0]
            .clone()
    };
    let august = deviation("2025-08");
    assert_eq!(m.months[11].cumulative_budget, august.full_year.budget);
    assert_eq!(m.months[7].cumulative_outcome, august.ytd.outcome);
    assert_eq!(m.months[7].outcome, august.period.outcome);
    assert_eq!(m.months[8].outcome, None, "September is not reported on");
    for (i, row) in m.months.iter().enumerate().take(8) {
        let at = deviation(&row.month.to_string());
        assert_eq!(row.forecast, at.full_year.forecast, "month {}", i + 1);
        assert_eq!(row.cumulative_deviation, at.ytd.deviation);
    }
    assert_eq!(m.months[0].forecast, None);
    // The demo holds 2024's outcome: last year's month and the change are beside each month.
    let prior = m.months[7].prior_outcome.expect("2024 is in the demo");
    assert_eq!(
        m.months[7].change,
        Some(m.months[7].outcome.unwrap() - prior)
    );
}
