//! The one conversion of the core's [`Error`] into what JavaScript catches: a real `Error` named
//! `BalansError`, never a string, with a stable `code` and, where known, the `field` at fault; a
//! rejected import adds its first error's `line` and `column` and the whole `report` (README.md,
//! "Importing files"). Every exported function and method ends its errors here.
//!
//! Not here: the codes, messages and fields themselves, which the core's `error` module owns;
//! their TypeScript (`BalansError` in `types/common.d.ts`); reading a thrown JS value back into
//! text (`convert::message`).

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::error::Error;

use super::convert;

/// Turns a core error into a JS `Error` with `code` and, where known, `field`.
pub(super) fn js_error(err: Error) -> JsValue {
    let js = js_sys::Error::new(&err.to_string());
    js.set_name("BalansError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&js, &"code".into(), &err.code().into());
    if let Some(field) = err.field() {
        let _ = Reflect::set(&js, &"field".into(), &field.into());
    }
    if let Some(report) = err.report() {
        if let Some(first) = report.first_error() {
            for (key, value) in [("line", first.at.line), ("column", first.at.column)] {
                if let Some(n) = value {
                    let _ = Reflect::set(&js, &key.into(), &(n as f64).into());
                }
            }
        }
        if let Ok(value) = convert::to_js(report) {
            let _ = Reflect::set(&js, &"report".into(), &value);
        }
    }
    js.into()
}
