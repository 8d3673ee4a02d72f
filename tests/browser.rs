//! The JavaScript API in a real headless Chromium (`wasm-pack test --headless --chrome`).
//! The configure line must stay in this file of its own: without it `--chrome` runs nothing.
#![cfg(target_arch = "wasm32")]

#[macro_use]
mod common;

use balans::wasm::Workspace;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

shared_tests!(
    report_crosses_as_plain_objects_with_string_amounts,
    errors_are_errors_with_a_code_and_a_field,
    free_functions_are_exact,
    effects_cross_and_entries_undo,
    deviation_options_accuracy_and_frames_cross_the_boundary,
    goals_import_from_paste_and_report,
    imports_give_a_report_and_rejections_carry_it,
);

#[wasm_bindgen_test]
async fn a_saved_workspace_loads_back_from_indexed_db() {
    let ws = Workspace::from_json(JsValue::from_str(common::DOC)).unwrap();
    JsFuture::from(ws.save("balans-test".into()).unwrap())
        .await
        .unwrap();
    let back = JsFuture::from(Workspace::load("balans-test".into()).unwrap())
        .await
        .unwrap();
    // The loaded Workspace is a JS object here: its toJSON() through JavaScript.
    let to_json: js_sys::Function = js_sys::Reflect::get(&back, &"toJSON".into())
        .unwrap()
        .unchecked_into();
    let stringify = |v: &JsValue| js_sys::JSON::stringify(v).unwrap();
    assert_eq!(
        stringify(&to_json.call0(&back).unwrap()),
        stringify(&ws.to_json().unwrap())
    );
    let missing = JsFuture::from(Workspace::load("balans-missing".into()).unwrap()).await;
    assert!(
        missing.unwrap().is_null(),
        "nothing kept: null, not an error"
    );
}
