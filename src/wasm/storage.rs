//! The browser's `localStorage`, through gloo: where `Workspace.save` and `Workspace.load` keep a
//! workspace's JSON text under a key. Where there is no `localStorage` (Node, a worker, a
//! locked-down page) the answer is `E_STORAGE`, checked before gloo is asked, as gloo would
//! throw a bare message instead.
//!
//! Not here: the document's JSON text (`workspace.rs` writes and reads it); IndexedDB, which
//! DESIGN.md asks for because a region's year outgrows the five megabytes `localStorage` holds.

use gloo::storage::{LocalStorage, Storage};
use js_sys::Reflect;

use crate::error::Error;

use super::convert::message;

/// Keeps `text` under `key`.
pub(super) fn save(key: &str, text: &str) -> Result<(), Error> {
    available()?;
    LocalStorage::raw()
        .set_item(key, text)
        .map_err(|e| Error::Storage { reason: message(e) })
}

/// The text kept under `key`; `E_STORAGE` when there is none.
pub(super) fn load(key: &str) -> Result<String, Error> {
    available()?;
    LocalStorage::raw()
        .get_item(key)
        .map_err(|e| Error::Storage { reason: message(e) })?
        .ok_or_else(|| Error::Storage {
            reason: format!("nothing saved under {key:?}"),
        })
}

/// `E_STORAGE` where there is no `localStorage`.
fn available() -> Result<(), Error> {
    match Reflect::has(&js_sys::global(), &"localStorage".into()) {
        Ok(true) => Ok(()),
        _ => Err(Error::Storage {
            reason: "localStorage is not available here".into(),
        }),
    }
}
