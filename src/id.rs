//! Ids of units and cost types as rows hold them: shared, not copied. A region's year is a
//! million rows naming a few thousand distinct ids; each row holds a reference to its id (two
//! words, no allocation), which is most of what an imported year costs in memory.
//!
//! Not here: which ids exist (see [`crate::org::Tree`] and the cost types of a document).

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A unit's or cost type's id; reads and writes as a JSON string.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(Arc<str>);

impl Deref for Id {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Id {
    fn from(id: &str) -> Id {
        Id(id.into())
    }
}

impl From<String> for Id {
    fn from(id: String) -> Id {
        Id(id.into())
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        String::deserialize(deserializer).map(Id::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_one_id_and_it_reads_and_writes_as_a_string() {
        let id = Id::from("K1");
        let other = id.clone();
        assert!(std::ptr::eq(id.as_ptr(), other.as_ptr()));
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"K1\"");
        let back: Id = serde_json::from_str("\"K1\"").unwrap();
        assert_eq!(back, id);
        assert!(serde_json::from_str::<Id>("1").is_err());
    }
}
