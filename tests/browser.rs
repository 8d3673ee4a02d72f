//! The JavaScript API in a real headless Chromium (`wasm-pack test --headless --chrome`).
//! The configure line must stay in this file of its own: without it `--chrome` runs nothing.
#![cfg(target_arch = "wasm32")]

#[macro_use]
mod common;

use balans::wasm::Workspace;
use wasm_bindgen::JsValue;
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
fn a_saved_workspace_loads_back_from_local_storage() {
    let ws = Workspace::from_json(JsValue::from_str(common::DOC)).unwrap();
    ws.save("balans-test").unwrap();
    let back = Workspace::load("balans-test").unwrap();
    let json = |w: &Workspace| js_sys::JSON::stringify(&w.to_json().unwrap()).unwrap();
    assert_eq!(json(&back), json(&ws));
    common::assert_error(
        Workspace::load("balans-missing").err().unwrap(),
        "E_STORAGE",
        None,
    );
}
