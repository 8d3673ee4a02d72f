//! The JavaScript API in Node (`wasm-pack test --node`).
#![cfg(target_arch = "wasm32")]

#[macro_use]
mod common;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
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
async fn saving_without_indexed_db_is_a_clear_error() {
    let ws = balans::wasm::Workspace::from_json(JsValue::from_str(common::DOC)).unwrap();
    let saved = JsFuture::from(ws.save("balans-test".into()).unwrap()).await;
    common::assert_error(saved.unwrap_err(), "E_STORAGE", None);
    let loaded = JsFuture::from(balans::wasm::Workspace::load("balans-test".into()).unwrap()).await;
    common::assert_error(loaded.err().unwrap(), "E_STORAGE", None);
}
