//! Explanations and actions (avvikelseförklaringar, åtgärder) as the workspace keeps them: what
//! makes one acceptable (text, dates, an owner and due month only on an action) and the month's
//! comments of a subtree in the tree's order, for a view or the committee paper.
//!
//! Not here: the schema type and which row and month a comment is for (`model/comments.rs`,
//! [`Comment::is_for`]); whether its unit and cost type exist (`dataset`); which deviations still
//! need one (the deviation report's `missingExplanations`, `deviation/explained.rs`).

use serde::Deserialize;

use crate::calendar::{Date, Month};
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::hash::FastMap;
use crate::model::{Comment, CommentKind};

/// Which comments [`of_month`] gives.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CommentsOptions {
    /// The month, `YYYY-MM`.
    pub as_of: String,
    /// The unit whose subtree's comments are given; the whole tree when absent.
    #[serde(default)]
    pub unit: Option<String>,
}

/// Checks every comment on its own (units and cost types are the dataset's to check): the
/// first fault, at `comments[i].<field>`.
pub fn check(comments: &[Comment]) -> Result<()> {
    for (i, comment) in comments.iter().enumerate() {
        check_one(comment).map_err(|e| e.at(format!("comments[{i}]")))?;
    }
    Ok(())
}

/// One comment: text that is not blank, `written` a calendar day where given, and `due` and
/// `owner` only on an action (an explanation is not something anyone is to do by a month).
pub fn check_one(comment: &Comment) -> Result<()> {
    let fault = |field: &str, reason: String| Error::Comment { reason }.at(field);
    if comment.text.trim().is_empty() {
        return Err(fault("text", "a comment needs a text".into()));
    }
    if !comment.written.is_empty() && day(&comment.written).is_none() {
        let reason = format!(
            "{:?} is not a day: expected YYYY-MM-DD, e.g. 2025-09-12",
            comment.written
        );
        return Err(fault("written", reason));
    }
    if comment.kind == CommentKind::Explanation {
        if comment.due.is_some() {
            let reason = "only an action has a due month, not an explanation".into();
            return Err(fault("due", reason));
        }
        if comment.owner.is_some() {
            let reason = "only an action has an owner, not an explanation".into();
            return Err(fault("owner", reason));
        }
    }
    Ok(())
}

/// `YYYY-MM-DD` as a calendar day.
fn day(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| bytes[r].iter().all(u8::is_ascii_digit);
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return None;
    }
    let number = |r: std::ops::Range<usize>| text[r].parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    Date::new(year, number(5..7)?, number(8..10)?).ok()
}

/// The comments of `options.as_of` for the units of `options.unit`'s subtree (every unit when
/// absent), in the tree's order; a unit's own before those of its cost types (in the order the
/// cost types are listed), an explanation before an action.
pub fn of_month(
    comments: &[Comment],
    data: &Dataset,
    options: &CommentsOptions,
) -> Result<Vec<Comment>> {
    let month = Month::parse(&options.as_of).map_err(|e| e.at("asOf"))?;
    let tree = &data.tree;
    let start = match &options.unit {
        Some(id) => tree.position(id).map_err(|e| e.at("unit"))?,
        None => tree.root(),
    };
    let order: FastMap<&str, usize> = tree
        .subtree(start)
        .enumerate()
        .map(|(i, pos)| (tree.unit(pos).id.as_str(), i))
        .collect();
    let type_order = |c: &Comment| {
        c.cost_type.as_deref().map(|id| {
            data.cost_types
                .iter()
                .position(|t| *t.id == *id)
                .unwrap_or(usize::MAX)
        })
    };
    let mut out: Vec<(usize, &Comment)> = comments
        .iter()
        .filter(|c| c.month == month)
        .filter_map(|c| Some((*order.get(&*c.unit)?, c)))
        .collect();
    out.sort_by_key(|&(unit, c)| (unit, type_order(c), c.kind == CommentKind::Action));
    Ok(out.into_iter().map(|(_, c)| c.clone()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(kind: CommentKind) -> Comment {
        Comment {
            unit: "A".into(),
            month: Month::parse("2025-08").unwrap(),
            cost_type: None,
            kind,
            text: "Fler hyrläkare under sommaren".into(),
            author: String::new(),
            written: String::new(),
            due: None,
            owner: None,
        }
    }

    #[test]
    fn a_comment_needs_text_a_real_day_and_a_due_month_only_when_an_action() {
        assert!(check_one(&comment(CommentKind::Explanation)).is_ok());
        let fault = |c: Comment| {
            let e = check_one(&c).unwrap_err();
            (e.code(), e.field().map(str::to_string))
        };
        let mut c = comment(CommentKind::Explanation);
        c.text = " \n\t ".into();
        assert_eq!(fault(c), ("E_COMMENT", Some("text".into())));
        for bad in ["2025-02-30", "2025-9-12", "12/9/2025", "2025-09-12x"] {
            let mut c = comment(CommentKind::Explanation);
            c.written = bad.into();
            assert_eq!(fault(c), ("E_COMMENT", Some("written".into())), "{bad}");
        }
        let mut c = comment(CommentKind::Explanation);
        c.written = "2024-02-29".into();
        assert!(check_one(&c).is_ok());
        c.due = Some(Month::parse("2025-10").unwrap());
        assert_eq!(fault(c.clone()), ("E_COMMENT", Some("due".into())));
        c.kind = CommentKind::Action;
        c.owner = Some("Verksamhetschef".into());
        assert!(check_one(&c).is_ok());
        c.kind = CommentKind::Explanation;
        c.due = None;
        assert_eq!(fault(c), ("E_COMMENT", Some("owner".into())));
        let list = [comment(CommentKind::Action), {
            let mut c = comment(CommentKind::Action);
            c.text.clear();
            c
        }];
        assert_eq!(check(&list).unwrap_err().field(), Some("comments[1].text"));
    }
}
