//! Where `Workspace.save` and `Workspace.load` keep a workspace's JSON text: the browser's
//! IndexedDB, through the package's own `js/store.js` (a wasm-bindgen snippet, copied to
//! `pkg/snippets/`), which owns the database, its version and upgrade, the record layout and the
//! one-time move of a copy from `localStorage`. IndexedDB is asynchronous, so both answer with a
//! promise; whatever the store rejects becomes the coded `E_STORAGE` here. Where there is no
//! IndexedDB (Node, a locked-down page) the promise rejects with `E_STORAGE` too.
//!
//! Why JavaScript for the calls: the crate's JS edge has wasm-bindgen and js-sys but no web-sys
//! IndexedDB bindings or futures; a short module that speaks IndexedDB's events directly is
//! clearer than hand-made bindings and closures for every request, and keeps the Rust core free
//! of any storage.
//!
//! Not here: the document's JSON text (`workspace.rs` writes and reads it); any figure.

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;

use crate::error::Error;

use super::convert::message;
use super::errors::js_error;

#[wasm_bindgen(module = "/js/store.js")]
extern "C" {
    #[wasm_bindgen(js_name = saveText)]
    fn save_text(key: &str, text: &str) -> Promise;
    #[wasm_bindgen(js_name = loadText)]
    fn load_text(key: &str) -> Promise;
    #[wasm_bindgen(js_name = moveStored)]
    fn move_stored(from: &str, to: &str) -> Promise;
}

#[wasm_bindgen]
extern "C" {
    /// A promise seen only for `then` with a plain function, whose answer (a value or a
    /// rejected promise) becomes the chain's.
    type Outcome;
    #[wasm_bindgen(method, js_name = then)]
    fn and_then(this: &Outcome, f: &JsValue) -> Promise;
}

/// Keeps `text` under `key`: a promise of `undefined`.
pub(super) fn save(key: &str, text: &str) -> Promise {
    finish(save_text(key, text), |_| Ok(JsValue::UNDEFINED))
}

/// The text kept under `key`, handed to `read`: a promise of what `read` makes of it, or of
/// `null` when nothing is kept under `key` (not an error: a first visit).
pub(super) fn load(
    key: &str,
    read: impl FnOnce(String) -> Result<JsValue, JsValue> + 'static,
) -> Promise {
    finish(load_text(key), move |text| match text.as_string() {
        Some(text) => read(text),
        None if text.is_null() => Ok(JsValue::NULL),
        None => Err(js_error(Error::Storage {
            reason: "the stored copy is not text".into(),
        })),
    })
}

/// Moves the copy under `from` to `to`, unchanged: a promise of `undefined`.
pub(super) fn move_to(from: &str, to: &str) -> Promise {
    finish(move_stored(from, to), |_| Ok(JsValue::UNDEFINED))
}

/// Turns the store's `{ value }` or `{ error }` into `then(value)` or a rejection with
/// `E_STORAGE`. The closure is called exactly once, so `once_into_js` frees it.
fn finish(
    outcome: Promise,
    then: impl FnOnce(JsValue) -> Result<JsValue, JsValue> + 'static,
) -> Promise {
    let step = Closure::once_into_js(move |outcome: Object| -> JsValue {
        let field = |name: &str| Reflect::get(&outcome, &name.into()).unwrap_or(JsValue::UNDEFINED);
        let error = field("error");
        let answer = if error.is_undefined() {
            then(field("value"))
        } else {
            Err(js_error(Error::Storage {
                reason: message(error),
            }))
        };
        answer.unwrap_or_else(|e| Promise::reject(&e).into())
    });
    outcome.unchecked_ref::<Outcome>().and_then(&step)
}
