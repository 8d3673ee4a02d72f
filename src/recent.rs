//! The last id looked up and what it was found to be, for passes over long lists of rows where
//! consecutive rows mostly name the same unit or cost type (a ledger export lists a unit's
//! accounts and months together): comparing with the previous id is cheaper than hashing it.
//!
//! Not a cache of several ids, and kept only for one pass over rows (a local, never stored).

use std::convert::Infallible;

/// The most recent id and its value (a position, mostly).
#[derive(Debug)]
pub(crate) struct Recent<'a, T> {
    last: Option<(&'a str, T)>,
}

impl<'a, T: Copy> Recent<'a, T> {
    pub(crate) fn new() -> Recent<'a, T> {
        Recent { last: None }
    }

    /// The value of `id`: the remembered one when `id` equals the previous id, otherwise what
    /// `find` says.
    pub(crate) fn get(&mut self, id: &'a str, find: impl FnOnce(&'a str) -> T) -> T {
        let found = self.try_get(id, |id| Ok::<T, Infallible>(find(id)));
        found.unwrap_or_else(|never| match never {})
    }

    /// Like [`Recent::get`] for a lookup that may fail; a failure is not remembered.
    pub(crate) fn try_get<E>(
        &mut self,
        id: &'a str,
        find: impl FnOnce(&'a str) -> Result<T, E>,
    ) -> Result<T, E> {
        match self.last {
            Some((last, value)) if same(last, id) => Ok(value),
            _ => {
                let value = find(id)?;
                self.last = Some((id, value));
                Ok(value)
            }
        }
    }
}

/// Whether two ids are equal, seen first by where they are: rows the import wrote share their
/// unit's one `Id`, so most comparisons end there, without comparing bytes.
fn same(a: &str, b: &str) -> bool {
    std::ptr::eq(a, b) || a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_again_only_when_the_id_changes() {
        let ids = ["A", "A", "B", "B", "A", "C"];
        let mut asked = Vec::new();
        let mut recent = Recent::new();
        let found: Vec<Result<usize, String>> = ids
            .iter()
            .map(|id| {
                recent.try_get(id, |id| {
                    asked.push(id);
                    match id {
                        "C" => Err(format!("unknown {id}")),
                        _ => Ok(usize::from(id.as_bytes()[0] - b'A')),
                    }
                })
            })
            .collect();
        assert_eq!(asked, ["A", "B", "A", "C"]);
        assert_eq!(found[..5], [Ok(0), Ok(0), Ok(1), Ok(1), Ok(0)]);
        assert_eq!(found[5], Err("unknown C".to_string()));
        // A failed lookup is not remembered.
        assert_eq!(recent.get("C", |_| 2), 2);
        assert_eq!(recent.get("C", |_| 3), 2);
    }
}
