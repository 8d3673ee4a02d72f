//! The JavaScript API in Node (`wasm-pack test --node`).
#![cfg(target_arch = "wasm32")]

#[macro_use]
mod common;

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

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
fn saving_without_local_storage_is_a_clear_error() {
    let ws = balans::wasm::Workspace::from_json(JsValue::from_str(common::DOC)).unwrap();
    common::assert_error(ws.save("balans-test").unwrap_err(), "E_STORAGE", None);
}
