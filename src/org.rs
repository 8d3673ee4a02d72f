//! The organisation tree (nämnd, förvaltning, verksamhetsområde, verksamhet, enhet) and exact
//! roll-up over it.
//!
//! A [`Tree`] is validated once when built (one root, known parents, unique ids, no cycles) and
//! then indexes units by position, so engines sum plain vectors instead of looking up strings.
//! It knows nothing of amounts beyond adding them up.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::hash::FastMap;
use crate::model::{Level, Unit};

/// Who a report row is about and where it sits in the report's tree; the same first fields in
/// every engine's per-unit rows (flattened into them in JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitHeader {
    /// The unit's id.
    pub unit: String,
    pub name: String,
    pub parent: Option<String>,
    pub level: Option<Level>,
    /// Distance from the report's root (0 for the root).
    pub depth: usize,
    /// Ids of the children, in input order.
    pub children: Vec<String>,
}

/// A validated unit tree. Positions (`usize`) index [`Tree::units`] in input order.
#[derive(Clone, Debug)]
pub struct Tree {
    units: Vec<Unit>,
    index: FastMap<String, usize>,
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    depth: Vec<usize>,
    preorder: Vec<usize>,
    root: usize,
}

impl Tree {
    /// Validates `units` and builds the tree. Errors name the unit at fault: a duplicate id, an
    /// unknown parent, no root or several, or a cycle.
    pub fn new(units: Vec<Unit>) -> Result<Tree> {
        let mut index = FastMap::default();
        index.reserve(units.len());
        for (i, unit) in units.iter().enumerate() {
            if unit.id.trim().is_empty() {
                return Err(Error::Schema {
                    reason: "a unit id must not be empty".into(),
                }
                .at("id")
                .at(format!("units[{i}]")));
            }
            if index.insert(unit.id.clone(), i).is_some() {
                return Err(Error::DuplicateUnit {
                    id: unit.id.clone(),
                }
                .at(format!("units[{i}].id")));
            }
        }
        let mut parent = Vec::with_capacity(units.len());
        for (i, unit) in units.iter().enumerate() {
            parent.push(match &unit.parent {
                None => None,
                Some(p) => Some(*index.get(p).ok_or_else(|| {
                    Error::UnknownParent {
                        unit: unit.id.clone(),
                        parent: p.clone(),
                    }
                    .at(format!("units[{i}].parent"))
                })?),
            });
        }
        let roots: Vec<usize> = (0..units.len()).filter(|&i| parent[i].is_none()).collect();
        let root = match roots.as_slice() {
            [one] => *one,
            [] if units.is_empty() => {
                return Err(Error::Root {
                    found: "there are no units".into(),
                })
            }
            [] => {
                // Every unit has a parent, so following parents from any unit must loop.
                return Err(Error::Cycle {
                    path: cycle_from(0, &parent, &units),
                });
            }
            many => {
                let ids: Vec<&str> = many.iter().map(|&i| units[i].id.as_str()).collect();
                return Err(Error::Root {
                    found: format!("found {}: {}", ids.len(), ids.join(", ")),
                });
            }
        };
        let mut children = vec![Vec::new(); units.len()];
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(i);
            }
        }
        let (preorder, depth) = walk(root, &children, units.len());
        if preorder.len() < units.len() {
            let stray = (0..units.len())
                .find(|&i| depth[i] == usize::MAX)
                .unwrap_or(0);
            return Err(Error::Cycle {
                path: cycle_from(stray, &parent, &units),
            });
        }
        Ok(Tree {
            units,
            index,
            parent,
            children,
            depth,
            preorder,
            root,
        })
    }

    /// The units in input order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    pub fn root(&self) -> usize {
        self.root
    }

    /// The position of the unit with `id`.
    pub fn position(&self, id: &str) -> Result<usize> {
        self.index
            .get(id)
            .copied()
            .ok_or_else(|| Error::UnknownUnit { id: id.to_string() })
    }

    pub fn unit(&self, pos: usize) -> &Unit {
        &self.units[pos]
    }

    pub fn parent(&self, pos: usize) -> Option<usize> {
        self.parent[pos]
    }

    pub fn children(&self, pos: usize) -> &[usize] {
        &self.children[pos]
    }

    /// Distance from the root (the root is 0).
    pub fn depth(&self, pos: usize) -> usize {
        self.depth[pos]
    }

    /// The header of a report row for `pos`, in a report whose root has depth `base_depth`.
    pub fn header(&self, pos: usize, base_depth: usize) -> UnitHeader {
        let unit = &self.units[pos];
        UnitHeader {
            unit: unit.id.clone(),
            name: unit.name.clone(),
            parent: self.parent[pos].map(|p| self.units[p].id.clone()),
            level: unit.level,
            depth: self.depth[pos] - base_depth,
            children: self.children[pos]
                .iter()
                .map(|&c| self.units[c].id.clone())
                .collect(),
        }
    }

    /// `pos` and everything below it, parents before children, children in input order.
    pub fn subtree(&self, pos: usize) -> impl Iterator<Item = usize> + '_ {
        let start = self.preorder.iter().position(|&p| p == pos).unwrap_or(0);
        let end = start
            + 1
            + self.preorder[start + 1..]
                .iter()
                .take_while(|&&p| self.depth[p] > self.depth[pos])
                .count();
        self.preorder[start..end].iter().copied()
    }

    /// Rolls `own` (each unit's own figure, by position) up the tree: every unit gets its own
    /// figure plus the totals of its children. Exact, as the amounts are.
    pub fn roll_up<T>(&self, own: &[T]) -> Vec<T>
    where
        T: Clone + for<'a> std::ops::AddAssign<&'a T>,
    {
        let mut total = own.to_vec();
        for &pos in self.preorder.iter().rev() {
            if let Some(p) = self.parent[pos] {
                let (parent, child) = pick(&mut total, p, pos);
                *parent += child;
            }
        }
        total
    }
}

/// A mutable reference to `v[a]` and a shared one to `v[b]`, `a != b`.
fn pick<T>(v: &mut [T], a: usize, b: usize) -> (&mut T, &T) {
    if a < b {
        let (left, right) = v.split_at_mut(b);
        (&mut left[a], &right[0])
    } else {
        let (left, right) = v.split_at_mut(a);
        (&mut right[0], &left[b])
    }
}

/// Depth-first order from `root` and the depth of each reached unit (`usize::MAX` if unreached).
fn walk(root: usize, children: &[Vec<usize>], n: usize) -> (Vec<usize>, Vec<usize>) {
    let mut order = Vec::with_capacity(n);
    let mut depth = vec![usize::MAX; n];
    let mut stack = vec![(root, 0)];
    while let Some((pos, d)) = stack.pop() {
        depth[pos] = d;
        order.push(pos);
        stack.extend(children[pos].iter().rev().map(|&c| (c, d + 1)));
    }
    (order, depth)
}

/// The ids along the loop reached by following parents from `start`, the first id repeated last.
fn cycle_from(start: usize, parent: &[Option<usize>], units: &[Unit]) -> Vec<String> {
    let mut seen = vec![false; units.len()];
    let mut pos = start;
    while !seen[pos] {
        seen[pos] = true;
        pos = parent[pos].unwrap_or(pos);
    }
    let mut path = vec![units[pos].id.clone()];
    let mut next = parent[pos].unwrap_or(pos);
    while next != pos {
        path.push(units[next].id.clone());
        next = parent[next].unwrap_or(pos);
    }
    path.push(units[pos].id.clone());
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::money::Amount;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn unit(id: &str, parent: Option<&str>) -> Unit {
        Unit {
            id: id.into(),
            name: id.into(),
            parent: parent.map(Into::into),
            level: None,
        }
    }

    fn sample() -> Tree {
        Tree::new(vec![
            unit("R", None),
            unit("A", Some("R")),
            unit("A1", Some("A")),
            unit("B", Some("R")),
            unit("A2", Some("A")),
        ])
        .unwrap()
    }

    #[test]
    fn preorder_keeps_input_order_among_siblings() {
        let t = sample();
        let ids: Vec<&str> = t.subtree(t.root()).map(|p| t.unit(p).id.as_str()).collect();
        assert_eq!(ids, ["R", "A", "A1", "A2", "B"]);
        let a = t.position("A").unwrap();
        let sub: Vec<&str> = t.subtree(a).map(|p| t.unit(p).id.as_str()).collect();
        assert_eq!(sub, ["A", "A1", "A2"]);
        assert_eq!(t.depth(t.position("A2").unwrap()), 2);
    }

    #[test]
    fn roll_up_adds_own_rows_and_children() {
        let t = sample();
        let own: Vec<Amount> = [1, 10, 100, 1000, 10000]
            .map(|n| Amount::new(Decimal::from(n)))
            .to_vec();
        let total = t.roll_up(&own);
        let expect = [11111, 10110, 100, 1000, 10000].map(|n| Amount::new(Decimal::from(n)));
        assert_eq!(total, expect);
    }

    #[test]
    fn duplicate_ids_are_named() {
        let e = Tree::new(vec![unit("R", None), unit("R", Some("R"))]).unwrap_err();
        assert_eq!(e.code(), "E_DUPLICATE_UNIT");
        assert_eq!(e.field(), Some("units[1].id"));
    }

    #[test]
    fn unknown_parent_is_named() {
        let e = Tree::new(vec![unit("R", None), unit("A", Some("X"))]).unwrap_err();
        assert_eq!(e.code(), "E_UNKNOWN_PARENT");
        assert_eq!(e.field(), Some("units[1].parent"));
        assert!(e.to_string().contains("\"X\""), "{e}");
    }

    #[test]
    fn several_roots_and_no_units_are_errors() {
        let e = Tree::new(vec![unit("R", None), unit("S", None)]).unwrap_err();
        assert_eq!(e.code(), "E_ROOT");
        assert!(e.to_string().contains("R, S"), "{e}");
        assert_eq!(Tree::new(vec![]).unwrap_err().code(), "E_ROOT");
    }

    #[test]
    fn cycles_are_reported_with_their_path() {
        // A loop beside a proper root.
        let e = Tree::new(vec![
            unit("R", None),
            unit("A", Some("B")),
            unit("B", Some("A")),
        ])
        .unwrap_err();
        assert_eq!(
            e,
            Error::Cycle {
                path: vec!["A".into(), "B".into(), "A".into()]
            }
        );
        // Nothing but a loop: no root at all.
        let e = Tree::new(vec![unit("A", Some("B")), unit("B", Some("A"))]).unwrap_err();
        assert_eq!(e.code(), "E_CYCLE");
        // A unit that is its own parent.
        let e = Tree::new(vec![unit("R", None), unit("S", Some("S"))]).unwrap_err();
        assert_eq!(
            e,
            Error::Cycle {
                path: vec!["S".into(), "S".into()]
            }
        );
    }

    proptest! {
        /// Any random tree: the root's total equals the sum of every unit's own amount, and each
        /// parent's total equals its own plus its children's totals.
        #[test]
        fn roll_up_equals_sum_of_leaves(
            parents in proptest::collection::vec(any::<prop::sample::Index>(), 0..60),
            cents in proptest::collection::vec(-10_000_000_000i64..10_000_000_000, 61),
        ) {
            let mut units = vec![unit("u0", None)];
            for (i, p) in parents.iter().enumerate() {
                units.push(unit(&format!("u{}", i + 1), Some(&format!("u{}", p.index(i + 1)))));
            }
            let tree = Tree::new(units).unwrap();
            let own: Vec<Amount> =
                (0..tree.len()).map(|i| Amount::new(Decimal::new(cents[i], 2))).collect();
            let total = tree.roll_up(&own);
            prop_assert_eq!(total[tree.root()], own.iter().copied().sum::<Amount>());
            for pos in 0..tree.len() {
                let expect = own[pos]
                    + tree.children(pos).iter().map(|&c| total[c]).sum::<Amount>();
                prop_assert_eq!(total[pos], expect);
            }
        }
    }
}
