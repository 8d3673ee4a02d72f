//! The committee paper (månadsrapport; delårsrapport per March and August): the monthly report a
//! committee (nämnd) reads, composed from the engines for a unit's subtree as a structured
//! document of sections and blocks (paragraphs, key figures, tables, figures with their tables)
//! that a view renders and prints, and that a CSV writer can export table by table.
//!
//! This file holds the document's types and gathers the engine reports ([`Sources`]); the
//! written summary is [`summary`], the other sections [`sections`], the month series [`months`]
//! and the words of both languages [`words`]. Not here: any figure of its own. Every amount in
//! the paper is one an engine report holds (deviation, effects, grants, bridge, goals, months),
//! and every number in the summary's text is listed beside its paragraph (`figures`), so a test
//! can hold the text to the reports.

pub mod months;
mod sections;
mod summary;
mod words;

use serde::{Deserialize, Serialize};

use crate::bridge::{self, BridgeOptions, BridgeReport};
use crate::calendar::Month;
use crate::dataset::Dataset;
use crate::deviation::{self, DeviationOptions, DeviationReport, DeviationRow, Status};
use crate::effects::{self, EffectsOptions, EffectsReport, ProgrammeRow};
use crate::error::{Error, Result};
use crate::goals::{self, GoalsOptions, GoalsReport};
use crate::grants::{self, GrantOptions, GrantsReport};
use crate::model::comments::CommentKind;
use crate::model::{Comment, Document};
use crate::num::money::Amount;
use crate::num::ratio::Percent;

use months::{MonthsOptions, MonthsReport};

/// Rows of the deviation table below the unit, when the options name no depth: the committee,
/// its areas and their departments, as a committee paper usually shows them.
const DEFAULT_DEPTH: usize = 2;

/// The language the paper is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Sv,
    En,
}

/// What a committee paper is for.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CommitteeOptions {
    /// The month reported on, `YYYY-MM`.
    pub as_of: String,
    /// The committee (or any unit) whose subtree the paper covers; the root when absent.
    #[serde(default)]
    pub unit: Option<String>,
    /// `sv` (default) or `en`.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Levels below the unit that the deviation table and the material items show; 2 by
    /// default, at most 10.
    #[serde(default)]
    pub depth: Option<usize>,
}

/// Månadsrapport, or delårsrapport for the months of the interim reports (March and August).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PaperKind {
    Monthly,
    Interim,
}

/// The committee paper: its heading and its sections in reading order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommitteeReport {
    pub kind: PaperKind,
    /// "Delårsrapport per augusti 2025".
    pub title: String,
    /// The unit the paper covers and its name (the committee's name on every printed page).
    pub unit: String,
    pub name: String,
    pub as_of: Month,
    pub year: i32,
    pub lang: Lang,
    /// The last month of the year with outcome booked in the unit's subtree.
    pub outcome_through: Option<Month>,
    /// The workspace's name (the region), for the source line.
    pub source: Option<String>,
    pub sections: Vec<Section>,
}

/// Which part of the paper a section is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SectionKind {
    Summary,
    KeyFigures,
    Deviation,
    Months,
    Material,
    Escalation,
    Effects,
    Grants,
    Bridge,
    Goals,
}

/// One section: a heading and its blocks.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    pub kind: SectionKind,
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// A block of a section.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Block {
    Paragraph(Paragraph),
    KeyFigures { items: Vec<KeyFigure> },
    Table(Table),
    Figure(Figure),
}

/// A paragraph written from the figures. Every number in `text` is in the text of one of its
/// `figures`; data written into it (names, explanations) is listed in `quotes`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Paragraph {
    pub text: String,
    pub figures: Vec<FigureUse>,
    pub quotes: Vec<String>,
}

/// A figure a paragraph used: which (`name`, the engine report's field, of `unit`), its exact
/// value and the text it appears as.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FigureUse {
    pub name: String,
    pub unit: String,
    /// The exact value: an amount or percent as a decimal string, a month `YYYY-MM`, a year or
    /// a count as digits.
    pub value: String,
    /// As it is written in the text: "148,0 mnkr", "augusti 2025".
    pub text: String,
}

/// A key figure (nyckeltal) with its label.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyFigure {
    pub name: String,
    pub label: String,
    pub value: Cell,
}

/// A table: plain columns and rows of cells, the first cell of a row naming it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Table {
    /// Stable within the paper ("deviation", "months-cumulative", …).
    pub id: String,
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

/// A table row; `depth` is the row's depth below the paper's unit where rows are units, else 0.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub cells: Vec<Cell>,
    pub depth: usize,
}

/// A cell: text, or a figure as the reports hold it (amounts and percents as decimal strings,
/// `null` where the report has none).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum Cell {
    Text(String),
    Amount(Option<Amount>),
    Percent(Option<Percent>),
    Count(usize),
    Month(Option<Month>),
}

/// A chart and the table that carries the same figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    pub id: String,
    pub title: String,
    pub chart: Chart,
    pub table: Table,
}

/// How a chart draws its series: grouped bars, lines, or a waterfall (each series value a
/// bar from `from` to `to`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ChartKind {
    Bars,
    Lines,
    Waterfall,
}

/// Chart data: a label per point and series of amounts over them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Chart {
    pub kind: ChartKind,
    pub labels: Vec<String>,
    pub series: Vec<Series>,
}

/// One series; `values` has one entry per label, `null` where there is no figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    pub key: String,
    pub label: String,
    pub values: Vec<Option<Amount>>,
}

/// The engine reports a paper is written from, for one unit and month.
pub(crate) struct Sources {
    pub unit: String,
    pub name: String,
    pub as_of: Month,
    pub lang: Lang,
    pub depth: usize,
    /// The subtree of the unit, every depth, with escalations covered by the measures.
    pub deviation: DeviationReport,
    pub months: MonthsReport,
    pub effects: EffectsReport,
    pub grants: GrantsReport,
    pub bridge: BridgeReport,
    pub goals: GoalsReport,
}

impl Sources {
    /// Whether `unit` is in the paper's subtree.
    pub fn covers(&self, unit: &str) -> bool {
        self.deviation.rows.iter().any(|r| r.head.unit == unit)
    }
}

/// The committee paper for `options`.
pub fn report(
    data: &Dataset,
    doc: &Document,
    options: &CommitteeOptions,
) -> Result<CommitteeReport> {
    let sources = gather(data, doc, options)?;
    let w = words::of(sources.lang);
    let kind = match sources.as_of.number() {
        3 | 8 => PaperKind::Interim,
        _ => PaperKind::Monthly,
    };
    let sections = vec![
        Section {
            kind: SectionKind::Summary,
            heading: w.heading(SectionKind::Summary).into(),
            blocks: summary::paragraphs(&sources)
                .into_iter()
                .map(Block::Paragraph)
                .collect(),
        },
        sections::key_figures(&sources),
        sections::deviation(&sources),
        sections::months(&sources),
        sections::material(&sources),
        sections::escalation(&sources),
        sections::effects(&sources),
        sections::grants(&sources),
        sections::bridge(&sources),
        sections::goals(&sources),
    ];
    Ok(CommitteeReport {
        kind,
        title: w.title(kind, sources.as_of),
        unit: sources.unit.clone(),
        name: sources.name.clone(),
        as_of: sources.as_of,
        year: sources.as_of.year(),
        lang: sources.lang,
        outcome_through: sources.deviation.outcome_through,
        source: doc.name.clone(),
        sections: sections
            .into_iter()
            .filter(|s| !s.blocks.is_empty())
            .collect(),
    })
}

/// Asks every engine for the unit's subtree as of the month.
fn gather(data: &Dataset, doc: &Document, options: &CommitteeOptions) -> Result<Sources> {
    let as_of = Month::parse(&options.as_of).map_err(|e| e.at("asOf"))?;
    let depth = options.depth.unwrap_or(DEFAULT_DEPTH);
    if depth > 10 {
        return Err(Error::option("expected a depth of 0 to 10").at("depth"));
    }
    let tree = &data.tree;
    let pos = match &options.unit {
        Some(id) => tree.position(id).map_err(|e| e.at("unit"))?,
        None => tree.root(),
    };
    let unit = tree.unit(pos).id.clone();
    let as_of_text = as_of.to_string();
    let deviation_options = DeviationOptions {
        as_of: as_of_text.clone(),
        unit: Some(unit.clone()),
        ..DeviationOptions::default()
    };
    let mut deviation = deviation::report(
        data,
        doc.name.as_deref(),
        doc.thresholds.as_ref(),
        &deviation_options,
    )?;
    deviation::cover::escalations(&mut deviation, doc, tree)?;
    // The rows' explanations and actions, and what lacks one, by the deviation report's rule.
    deviation::explained::attach(&mut deviation, &doc.comments);
    let effects = effects::report(
        &doc.measures,
        &doc.programmes,
        tree,
        &EffectsOptions {
            as_of: as_of_text.clone(),
            ..EffectsOptions::default()
        },
    )?;
    let grants = grants::report(
        data,
        doc,
        &GrantOptions {
            as_of: as_of_text.clone(),
            unit: Some(unit.clone()),
            ..GrantOptions::default()
        },
    )?;
    let bridge = bridge::report(
        data,
        doc,
        &BridgeOptions {
            as_of: as_of_text.clone(),
            unit: Some(unit.clone()),
        },
    )?;
    let goals = goals::report(
        &doc.goals,
        Some(data),
        doc.thresholds.as_ref(),
        &GoalsOptions {
            as_of: Some(as_of_text.clone()),
        },
    )?;
    let months = months::report(
        data,
        &MonthsOptions {
            as_of: as_of_text,
            unit: Some(unit.clone()),
        },
    )?;
    Ok(Sources {
        name: tree.unit(pos).name.clone(),
        unit,
        as_of,
        lang: options.lang.unwrap_or_default(),
        depth,
        deviation,
        months,
        effects,
        grants,
        bridge,
        goals,
    })
}

/// A material deviation of the paper (the deviation table's rows): the row and the month's
/// explanations and actions written for it.
pub(crate) struct MaterialItem<'r> {
    pub row: &'r DeviationRow,
    pub explanations: Vec<&'r Comment>,
    pub actions: Vec<&'r Comment>,
}

impl MaterialItem<'_> {
    /// The figures that made it material: the year to date where that is material, else the
    /// full-year forecast; the deviation and its name.
    pub fn deviation(&self) -> (&'static str, Option<Amount>) {
        if is_material(self.row.ytd.status) {
            ("deviation.ytd.deviation", self.row.ytd.deviation)
        } else {
            ("deviation.fullYear.deviation", self.row.full_year.deviation)
        }
    }
}

/// Material both ways: a favourable material deviation still needs an explanation.
fn is_material(status: Option<Status>) -> bool {
    matches!(status, Some(Status::Material | Status::Favourable))
}

impl Sources {
    /// The deviation table's rows: the unit and its subtree down to the paper's depth.
    pub fn shown_rows(&self) -> impl Iterator<Item = &DeviationRow> {
        self.deviation
            .rows
            .iter()
            .filter(|r| r.head.depth <= self.depth)
    }

    /// The shown rows whose year to date or full-year forecast is material, with the
    /// explanations and actions written for the unit's result in the paper's month (the
    /// deviation report's own, `DeviationRow::comments`).
    pub fn material(&self) -> Vec<MaterialItem<'_>> {
        self.shown_rows()
            .filter(|r| is_material(r.ytd.status) || is_material(r.full_year.status))
            .map(|row| {
                let of = |kind: CommentKind| {
                    row.comments
                        .iter()
                        .filter(|c| c.kind == kind)
                        .collect::<Vec<_>>()
                };
                MaterialItem {
                    row,
                    explanations: of(CommentKind::Explanation),
                    actions: of(CommentKind::Action),
                }
            })
            .collect()
    }
}

impl Sources {
    /// The effect programmes that count measures of the paper's subtree and run in its year.
    pub fn programmes(&self) -> impl Iterator<Item = &ProgrammeRow> {
        let year = self.as_of.year();
        let ours: Vec<&str> = self
            .effects
            .measures
            .iter()
            .filter(|m| self.covers(&m.unit))
            .map(|m| m.id.as_str())
            .collect();
        self.effects.programmes.iter().filter(move |p| {
            (p.from..=p.to).contains(&year) && p.measures.iter().any(|m| ours.contains(&m.as_str()))
        })
    }
}

#[cfg(test)]
mod tests;
