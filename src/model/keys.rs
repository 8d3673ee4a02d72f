//! The key of everything a document lists: what makes a row of a later import the same thing as
//! a row an earlier import brought, so that the later one replaces it (DOMAIN.md, "Importing
//! every month"). Outcome is keyed by unit, cost type and month; budget by unit, cost type and
//! year; forecasts by unit, cost type, year and the month made; one-offs by unit, cost type and
//! month; volumes by those and what is counted. Units, cost types, measures, programmes and goals
//! are keyed by id, grants by id and year; the entries log by the measure it belongs to;
//! comments by unit, cost type, month and kind (one explanation and one action per row and month:
//! a later one is an edit).
//!
//! Not here: putting one document into another by these keys (`merge.rs`), or any check that
//! ids exist.

use std::hash::Hash;

use crate::calendar::Month;

use super::{
    BudgetRow, Comment, CommentKind, CostType, EffectEntry, ForecastRow, Goal, Grant, OneOffRow,
    OutcomeRow, Programme, SavingsMeasure, Unit, VolumeRow,
};

/// How rows of the same key stand to each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keying {
    /// The key names one thing (a unit by its id): a later one takes the earlier one's place,
    /// and two in one document are the document's error (a duplicate id).
    One,
    /// Rows of the same key add up (two outcome rows of one month): a later import's rows of a
    /// key take the place of all the earlier rows of that key, at the end of the list.
    Group,
}

/// A list's item and its key.
pub trait Keyed {
    type Key<'a>: Hash + Eq
    where
        Self: 'a;
    const KEYING: Keying;
    fn key(&self) -> Self::Key<'_>;
}

type RowKey<'a> = (&'a str, Option<&'a str>);

macro_rules! keyed_by_id {
    ($($ty:ty),*) => {$(
        impl Keyed for $ty {
            type Key<'a> = &'a str;
            const KEYING: Keying = Keying::One;
            fn key(&self) -> &str {
                &self.id
            }
        }
    )*};
}

keyed_by_id!(Unit, CostType, SavingsMeasure, Programme, Goal);

impl Keyed for Grant {
    type Key<'a> = (&'a str, i32);
    const KEYING: Keying = Keying::One;
    fn key(&self) -> (&str, i32) {
        (&self.id, self.year)
    }
}

impl Keyed for EffectEntry {
    type Key<'a> = &'a str;
    const KEYING: Keying = Keying::Group;
    fn key(&self) -> &str {
        match self {
            EffectEntry::Realised { measure, .. } | EffectEntry::Forecast { measure, .. } => {
                measure
            }
        }
    }
}

impl Keyed for BudgetRow {
    type Key<'a> = (RowKey<'a>, i32);
    const KEYING: Keying = Keying::Group;
    fn key(&self) -> (RowKey<'_>, i32) {
        ((&self.unit, self.cost_type.as_deref()), self.year)
    }
}

impl Keyed for OutcomeRow {
    type Key<'a> = (RowKey<'a>, Month);
    const KEYING: Keying = Keying::Group;
    fn key(&self) -> (RowKey<'_>, Month) {
        ((&self.unit, self.cost_type.as_deref()), self.month)
    }
}

impl Keyed for ForecastRow {
    type Key<'a> = (RowKey<'a>, i32, Month);
    const KEYING: Keying = Keying::Group;
    fn key(&self) -> (RowKey<'_>, i32, Month) {
        (
            (&self.unit, self.cost_type.as_deref()),
            self.year,
            self.made,
        )
    }
}

impl Keyed for OneOffRow {
    type Key<'a> = (RowKey<'a>, Month);
    const KEYING: Keying = Keying::Group;
    fn key(&self) -> (RowKey<'_>, Month) {
        ((&self.unit, self.cost_type.as_deref()), self.month)
    }
}

impl Keyed for VolumeRow {
    type Key<'a> = (RowKey<'a>, Month, &'a str);
    const KEYING: Keying = Keying::Group;
    fn key(&self) -> (RowKey<'_>, Month, &str) {
        (
            (&self.unit, self.cost_type.as_deref()),
            self.month,
            &self.metric,
        )
    }
}

impl Keyed for Comment {
    type Key<'a> = (RowKey<'a>, Month, CommentKind);
    const KEYING: Keying = Keying::Group;
    fn key(&self) -> (RowKey<'_>, Month, CommentKind) {
        (
            (&self.unit, self.cost_type.as_deref()),
            self.month,
            self.kind,
        )
    }
}
