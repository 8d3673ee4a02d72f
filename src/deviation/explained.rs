//! Explanations and actions beside the figures (DOMAIN.md, "Explanations and the committee
//! paper"): every row of the report gets the comments written for it for the report's month, and
//! the report lists the material deviations of that month that still lack one
//! (`missingExplanations`), which the controller clears before the paper goes to the committee.
//!
//! The spans that count are the month, the year to date and the full year (forecast against
//! budget): what the committee paper reports on. The tertial is left out: its months are the
//! month's and the year to date's. An explanation for a row and month covers all its spans. A
//! status `material` needs an explanation and an action, `favourable` an explanation. A row whose
//! report month is past its last booked month (`outcomeThrough`) has no month yet to explain, so
//! nothing is missing there, not even for the forecast. Cost-type rows (with `byCostType`) count
//! when they name a cost type; a comment on their unit's row covers them too (an explanation of a
//! unit's result explains its parts). The rows without a cost type are the unit row's to explain.
//!
//! Not here: what makes a comment acceptable (`crate::comments`), the statuses
//! ([`super::materiality`]).

use serde::Serialize;

use crate::hash::FastMap;
use crate::model::{Comment, CommentKind};
use crate::num::money::Amount;

use super::{DeviationReport, Status};

/// Which figures of a row a missing explanation is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ExplainedSpan {
    /// The report's month (`period`).
    Month,
    /// January through the month (`ytd`).
    Ytd,
    /// The full-year forecast against budget (`fullYear`).
    FullYear,
}

/// A material deviation of the report's month that lacks an explanation or an action.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MissingExplanation {
    pub unit: String,
    /// The unit's name.
    pub name: String,
    /// The cost type of a cost-type row; absent for the unit's row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_type: Option<String>,
    pub span: ExplainedSpan,
    /// `material` or `favourable`.
    pub status: Status,
    pub deviation: Amount,
    /// What the row lacks for the month: `explanation`, `action` (a negative material deviation
    /// needs both), or both.
    pub missing: Vec<CommentKind>,
}

/// What a status needs written.
fn needed(status: Status) -> &'static [CommentKind] {
    match status {
        Status::Material => &[CommentKind::Explanation, CommentKind::Action],
        Status::Favourable => &[CommentKind::Explanation],
        Status::Within | Status::Watch => &[],
    }
}

/// Puts the month's comments on the report's rows and lists what is missing.
pub fn attach(report: &mut DeviationReport, comments: &[Comment]) {
    let month = report.as_of;
    let mut by_row: FastMap<(&str, Option<&str>), Vec<&Comment>> = FastMap::default();
    for c in comments.iter().filter(|c| c.month == month) {
        by_row
            .entry((&c.unit, c.cost_type.as_deref()))
            .or_default()
            .push(c);
    }
    let of = |unit: &str, cost_type: Option<&str>| -> Vec<Comment> {
        let mut list: Vec<Comment> = by_row
            .get(&(unit, cost_type))
            .map(|l| l.iter().map(|c| (*c).clone()).collect())
            .unwrap_or_default();
        list.sort_by_key(|c| c.kind == CommentKind::Action);
        list
    };
    let mut missing = Vec::new();
    for row in &mut report.rows {
        row.comments = of(&row.head.unit, None);
        let booked = row.outcome_through.is_some_and(|b| b >= month);
        let has = |list: &[Comment], kind| list.iter().any(|c| c.kind == kind);
        let unit_has: Vec<CommentKind> = [CommentKind::Explanation, CommentKind::Action]
            .into_iter()
            .filter(|&k| has(&row.comments, k))
            .collect();
        let spans = |period: Option<(Status, Amount)>, ytd, full| {
            [
                (ExplainedSpan::Month, period),
                (ExplainedSpan::Ytd, ytd),
                (ExplainedSpan::FullYear, full),
            ]
        };
        let status = |s: Option<Status>, d: Option<Amount>| s.zip(d);
        if booked {
            let figures = spans(
                status(row.period.status, row.period.deviation),
                status(row.ytd.status, row.ytd.deviation),
                status(row.full_year.status, row.full_year.deviation),
            );
            list_missing(
                &mut missing,
                &row.head.unit,
                &row.head.name,
                None,
                figures,
                |k| unit_has.contains(&k),
            );
        }
        for t in row.cost_types.iter_mut().flatten() {
            let Some(cost_type) = t.cost_type.as_deref() else {
                continue;
            };
            t.comments = of(&row.head.unit, Some(cost_type));
            if booked {
                let figures = spans(
                    status(t.period.status, t.period.deviation),
                    status(t.ytd.status, t.ytd.deviation),
                    status(t.full_year.status, t.full_year.deviation),
                );
                let own = &t.comments;
                list_missing(
                    &mut missing,
                    &row.head.unit,
                    &row.head.name,
                    Some(cost_type),
                    figures,
                    |k| unit_has.contains(&k) || has(own, k),
                );
            }
        }
    }
    report.missing_explanations = missing;
}

/// Adds an entry for each span whose status needs a comment the row lacks.
fn list_missing(
    out: &mut Vec<MissingExplanation>,
    unit: &str,
    name: &str,
    cost_type: Option<&str>,
    spans: [(ExplainedSpan, Option<(Status, Amount)>); 3],
    has: impl Fn(CommentKind) -> bool,
) {
    for (span, figures) in spans {
        let Some((status, deviation)) = figures else {
            continue;
        };
        let missing: Vec<CommentKind> = needed(status)
            .iter()
            .copied()
            .filter(|&k| !has(k))
            .collect();
        if missing.is_empty() {
            continue;
        }
        out.push(MissingExplanation {
            unit: unit.to_string(),
            name: name.to_string(),
            cost_type: cost_type.map(str::to_string),
            span,
            status,
            deviation,
            missing,
        });
    }
}
