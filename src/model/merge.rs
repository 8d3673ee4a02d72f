//! One list of an import put into the same list of the workspace's document, key by key
//! (`keys.rs`), and taken out again: a later import replaces what an earlier one held for every
//! key it brings, and keeps what it does not bring. What a list gave up is kept, moved and not
//! copied, with where it stood (a list the import replaced row for row is kept whole), so that
//! taking the import back puts every item back in its place: the document is then exactly as
//! before, in content and order.
//!
//! Why items are not copied: a region's year is a million rows. An import that replaces them
//! keeps the earlier million for its undo (nothing less can give them back); one that adds keeps
//! only how many it added. Not here: which lists a document has (the `lists!` table in
//! `mod.rs`), the checks of the result, or how many imports are kept for undo.

use std::collections::HashMap;

use crate::hash::FastMap;

use super::keys::{Keyed, Keying};

/// What a merge did to one list: enough to take it back and to say where the import's items went.
#[derive(Clone, Debug, PartialEq)]
pub struct ListMerge<T> {
    /// Items the import brought whose key the list did not hold.
    pub added: usize,
    /// Items the import brought whose key the list held.
    pub replaced: usize,
    /// How many items were put at the end of the list.
    appended: usize,
    /// What the list gave up.
    taken: Taken<T>,
    /// For [`Keying::One`], where each item of the import now stands; empty for groups, whose
    /// items stand in order from `len - appended`.
    placed: Vec<usize>,
}

/// What a list gave up to an import.
#[derive(Clone, Debug, PartialEq)]
enum Taken<T> {
    /// Items with their position: for [`Keying::One`] the position each was overwritten at; for
    /// [`Keying::Group`] the position each had before the rows were taken out (ascending).
    At(Vec<(usize, T)>),
    /// The whole list, every row of which the import replaced (the same file again, or one more
    /// month of it): kept as it was, with no second list built beside it.
    Whole(Vec<T>),
}

/// How many items of `incoming` have a key `list` holds: what [`ListMerge::merge`] would count as
/// replaced, without merging (a preview reads the import in a worker, beside a copy of the
/// workspace's document).
pub fn would_replace<T: Keyed>(list: &[T], incoming: &[T]) -> usize {
    if list.is_empty() || incoming.is_empty() {
        return 0;
    }
    let held: std::collections::HashSet<T::Key<'_>> = list.iter().map(Keyed::key).collect();
    incoming
        .iter()
        .filter(|item| held.contains(&item.key()))
        .count()
}

impl<T: Keyed> ListMerge<T> {
    /// A merge of nothing: taking it back leaves the list as it is.
    pub fn nothing() -> ListMerge<T> {
        ListMerge {
            added: 0,
            replaced: 0,
            appended: 0,
            taken: Taken::At(Vec::new()),
            placed: Vec::new(),
        }
    }

    /// Puts `incoming` into `list`: for [`Keying::One`] an item whose id is there takes its
    /// place and the others go to the end; for [`Keying::Group`] every row of a key the import
    /// brings is taken out, and the import's rows go to the end in their order.
    pub fn merge(list: &mut Vec<T>, incoming: Vec<T>) -> ListMerge<T> {
        // An import of other lists (one comment, a goals table) leaves a million outcome rows
        // where they are, without a pass over them.
        if incoming.is_empty() {
            return ListMerge::nothing();
        }
        if list.is_empty() {
            let n = incoming.len();
            *list = incoming;
            return ListMerge {
                added: n,
                replaced: 0,
                appended: n,
                taken: Taken::At(Vec::new()),
                placed: if T::KEYING == Keying::One {
                    (0..n).collect()
                } else {
                    Vec::new()
                },
            };
        }
        match T::KEYING {
            Keying::One => merge_one(list, incoming),
            Keying::Group => merge_group(list, incoming),
        }
    }

    /// Takes the merge back: `list` is then as it was before [`ListMerge::merge`].
    pub fn undo(self, list: &mut Vec<T>) {
        list.truncate(list.len() - self.appended);
        match (T::KEYING, self.taken) {
            (_, Taken::Whole(whole)) => *list = whole,
            (Keying::One, Taken::At(taken)) => {
                for (at, item) in taken {
                    list[at] = item;
                }
            }
            (Keying::Group, Taken::At(taken)) => reinsert(list, taken),
        }
    }

    /// The position in the import of the item now at `at` in the list, if it came from it.
    pub fn source_of(&self, at: usize, len: usize) -> Option<usize> {
        match T::KEYING {
            Keying::One => self.placed.iter().position(|&p| p == at),
            Keying::Group => at
                .checked_sub(len - self.appended)
                .filter(|&i| i < self.appended),
        }
    }
}

/// Ids put in place; an id twice in the import (the import's own error) goes to the end the
/// second time, where the checks find it as a duplicate.
fn merge_one<T: Keyed>(list: &mut Vec<T>, incoming: Vec<T>) -> ListMerge<T> {
    let targets: Vec<Option<usize>> = {
        let mut at: HashMap<T::Key<'_>, usize> =
            list.iter().enumerate().map(|(i, t)| (t.key(), i)).collect();
        // Removing the entry when it is used sends a second item of the same id to the end.
        incoming.iter().map(|t| at.remove(&t.key())).collect()
    };
    let mut taken = Vec::new();
    let mut placed = Vec::with_capacity(incoming.len());
    let mut appended = 0;
    for (item, target) in incoming.into_iter().zip(targets) {
        match target {
            Some(at) => {
                taken.push((at, std::mem::replace(&mut list[at], item)));
                placed.push(at);
            }
            None => {
                placed.push(list.len());
                list.push(item);
                appended += 1;
            }
        }
    }
    ListMerge {
        added: appended,
        replaced: taken.len(),
        appended,
        taken: Taken::At(taken),
        placed,
    }
}

/// Rows of the import's keys out (kept with their positions), the import's rows in at the end.
fn merge_group<T: Keyed>(list: &mut Vec<T>, incoming: Vec<T>) -> ListMerge<T> {
    // Both lists' keys borrow for the same span, so they compare as one type. Each key the
    // import brings counts its rows, and is marked when the list holds it: the marked keys' rows
    // are the import's rows replaced (a key hashed once a row, a million rows each side).
    let (hit, replaced) = {
        let mut brought: FastMap<T::Key<'_>, (usize, bool)> = FastMap::default();
        brought.reserve(incoming.len());
        for row in &incoming {
            brought.entry(row.key()).or_default().0 += 1;
        }
        let hit: Vec<bool> = list
            .iter()
            .map(|row| {
                brought
                    .get_mut(&row.key())
                    .map(|(_, held)| *held = true)
                    .is_some()
            })
            .collect();
        let replaced = brought
            .values()
            .filter(|(_, held)| *held)
            .map(|(n, _)| n)
            .sum();
        (hit, replaced)
    };
    let appended = incoming.len();
    let taken = if hit.iter().all(|&h| h) {
        Taken::Whole(std::mem::replace(list, incoming))
    } else {
        // (Vec::extract_if would do this in place, but is newer than the crate's rust-version.)
        let rows = std::mem::take(list);
        let hits = hit.iter().filter(|&&h| h).count();
        let mut taken = Vec::with_capacity(hits);
        list.reserve(rows.len() - hits + appended);
        for (at, (row, hit)) in rows.into_iter().zip(hit).enumerate() {
            if hit {
                taken.push((at, row));
            } else {
                list.push(row);
            }
        }
        list.extend(incoming);
        Taken::At(taken)
    };
    ListMerge {
        added: appended - replaced,
        replaced,
        appended,
        taken,
        placed: Vec::new(),
    }
}

/// Puts `taken` (positions ascending, each the position in the list as it will be again) back
/// between the rows of `list`: what an import replaced, or what was removed from a list.
pub fn reinsert<T>(list: &mut Vec<T>, taken: Vec<(usize, T)>) {
    if taken.is_empty() {
        return;
    }
    let kept = std::mem::take(list);
    let mut out = Vec::with_capacity(kept.len() + taken.len());
    let mut kept = kept.into_iter();
    for (at, row) in taken {
        out.extend(kept.by_ref().take(at - out.len()));
        out.push(row);
    }
    out.extend(kept);
    *list = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Month;
    use crate::model::{OutcomeRow, Unit};
    use crate::num::money::Amount;

    fn row(unit: &str, month: &str, amount: i64) -> OutcomeRow {
        OutcomeRow {
            unit: unit.into(),
            cost_type: None,
            month: Month::parse(month).unwrap(),
            amount: Amount::new(amount.into()),
        }
    }

    fn unit(id: &str, name: &str) -> Unit {
        Unit {
            id: id.into(),
            name: name.into(),
            parent: None,
            level: None,
        }
    }

    #[test]
    fn rows_of_a_key_the_import_brings_are_replaced_and_come_back_in_place() {
        let before = vec![
            row("A", "2025-01", 1),
            row("B", "2025-01", 2),
            row("A", "2025-02", 3),
            row("A", "2025-01", 4),
        ];
        let mut list = before.clone();
        let incoming = vec![
            row("A", "2025-01", 10),
            row("A", "2025-01", 5),
            row("C", "2025-01", 6),
        ];
        let m = ListMerge::merge(&mut list, incoming.clone());
        assert_eq!((m.added, m.replaced), (1, 2));
        let mut expected = vec![row("B", "2025-01", 2), row("A", "2025-02", 3)];
        expected.extend(incoming);
        assert_eq!(list, expected);
        assert_eq!(m.source_of(3, list.len()), Some(1));
        assert_eq!(m.source_of(1, list.len()), None);
        m.undo(&mut list);
        assert_eq!(list, before);
    }

    #[test]
    fn a_list_whose_every_key_comes_again_is_kept_whole_and_comes_back_whole() {
        let before = vec![
            row("A", "2025-01", 1),
            row("A", "2025-01", 2),
            row("B", "2025-02", 3),
        ];
        let mut list = before.clone();
        let incoming = vec![
            row("B", "2025-02", 30),
            row("A", "2025-01", 10),
            row("C", "2025-01", 5),
        ];
        let m = ListMerge::merge(&mut list, incoming.clone());
        assert!(matches!(m.taken, Taken::Whole(_)));
        assert_eq!((m.added, m.replaced), (1, 2));
        assert_eq!(list, incoming);
        assert_eq!(m.source_of(2, list.len()), Some(2));
        m.undo(&mut list);
        assert_eq!(list, before);
    }

    #[test]
    fn an_id_takes_its_place_and_a_second_one_in_the_import_goes_to_the_end() {
        let before = vec![unit("R", "Region"), unit("A", "A")];
        let mut list = before.clone();
        let incoming = vec![unit("A", "A ny"), unit("B", "B"), unit("A", "A igen")];
        let m = ListMerge::merge(&mut list, incoming);
        assert_eq!((m.added, m.replaced), (2, 1));
        let names: Vec<&str> = list.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["Region", "A ny", "B", "A igen"]);
        assert_eq!(m.source_of(1, list.len()), Some(0));
        assert_eq!(m.source_of(3, list.len()), Some(2));
        assert_eq!(m.source_of(0, list.len()), None);
        m.undo(&mut list);
        assert_eq!(list, before);
    }
}
