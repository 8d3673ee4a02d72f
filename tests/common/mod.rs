//! Checks of the JavaScript API that hold in Node and in the browser alike; `node.rs` and
//! `browser.rs` run them in each through [`shared_tests!`].

use balans::wasm::{allocate_frame, format_amount, parse_amount, periodise, version, Workspace};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

/// A file's bytes as the page passes them: a Uint8Array.
fn bytes(b: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(b).into()
}

/// A small tree: a region, a hospital with the seeds' −236 mnkr, and a clinic.
pub const DOC: &str = r#"{
  "schema": 1,
  "name": "Test",
  "units": [
    { "id": "R", "name": "Region" },
    { "id": "SJ", "name": "Sjukhusvård", "parent": "R", "level": "area" }
  ],
  "budget": [{ "unit": "SJ", "year": 2025, "annual": "-236000000", "method": "linear" }],
  "outcome": [{ "unit": "SJ", "month": "2025-08", "amount": "-20000000" }],
  "forecasts": [{ "unit": "SJ", "year": 2025, "made": "2025-08", "amount": "-250000000" }]
}"#;

/// `value.a.b[2].c` for a path of keys and indices.
pub fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter()
        .fold(value.clone(), |v, key| match key.parse::<u32>() {
            Ok(i) => Array::from(&v).get(i),
            Err(_) => Reflect::get(&v, &JsValue::from_str(key)).unwrap(),
        })
}

pub fn text(value: &JsValue, path: &[&str]) -> String {
    get(value, path)
        .as_string()
        .unwrap_or_else(|| panic!("{path:?} is not a string"))
}

fn options(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

/// The thrown value is a real `Error` with this code and field.
pub fn assert_error(thrown: JsValue, code: &str, field: Option<&str>) {
    assert!(
        thrown.is_instance_of::<js_sys::Error>(),
        "not an Error: {thrown:?}"
    );
    assert_eq!(text(&thrown, &["code"]), code);
    assert_eq!(get(&thrown, &["field"]).as_string().as_deref(), field);
    let message: String = thrown.unchecked_ref::<js_sys::Error>().message().into();
    assert!(!message.is_empty());
}

pub fn report_crosses_as_plain_objects_with_string_amounts() {
    let ws = Workspace::new();
    let summary = ws.import_json(JsValue::from_str(DOC)).unwrap();
    assert_eq!(get(&summary, &["units"]).as_f64(), Some(2.0));
    let report = ws.deviation(options(r#"{ "asOf": "2025-08" }"#)).unwrap();
    assert_eq!(
        text(&report, &["rows", "1", "ytd", "budget"]),
        "-157333333.36"
    );
    assert_eq!(
        text(&report, &["rows", "1", "ytd", "deviation"]),
        "137333333.36"
    );
    assert_eq!(
        text(&report, &["rows", "0", "fullYear", "forecast"]),
        "-250000000"
    );
    // Absent values are null, not undefined, and the report is an object, not a Map.
    assert!(get(&report, &["rows", "0", "level"]).is_null());
    assert!(!report.is_instance_of::<js_sys::Map>());
    // The document comes back whole, and a new workspace reads it.
    let doc = ws.to_json().unwrap();
    let copy = Workspace::from_json(doc).unwrap();
    let again = copy.deviation(options(r#"{ "asOf": "2025-08" }"#)).unwrap();
    assert_eq!(
        JSON::stringify(&again).unwrap(),
        JSON::stringify(&report).unwrap()
    );
}

pub fn errors_are_errors_with_a_code_and_a_field() {
    let ws = Workspace::new();
    ws.import_json(JsValue::from_str(DOC)).unwrap();
    let bad = r#"{ "schema": 1, "outcome": [{ "unit": "X", "month": "2025-01", "amount": "1" }] }"#;
    assert_error(
        ws.import_json(JsValue::from_str(bad)).unwrap_err(),
        "E_UNKNOWN_UNIT",
        Some("outcome[0].unit"),
    );
    assert_error(
        ws.import_json(JsValue::from_str("{ nope")).unwrap_err(),
        "E_JSON",
        None,
    );
    assert_error(
        ws.deviation(options(r#"{ "asOf": "2025-13" }"#))
            .unwrap_err(),
        "E_PARSE_MONTH",
        Some("asOf"),
    );
    // An option the report does not know is named where it was written.
    assert_error(
        ws.deviation(options(r#"{ "asof": "2025-08" }"#))
            .unwrap_err(),
        "E_OPTION",
        Some("asof"),
    );
    assert_error(
        parse_amount("12 apor".into()).unwrap_err(),
        "E_PARSE_AMOUNT",
        None,
    );
    // The failed import left the data as it was.
    assert_eq!(
        get(&ws.to_json().unwrap(), &["outcome"])
            .unchecked_into::<Array>()
            .length(),
        1
    );
}

pub fn free_functions_are_exact() {
    assert_eq!(parse_amount("−1 234,50".into()).unwrap(), "-1234.5");
    let mnkr = options(r#"{ "unit": "mnkr", "decimals": 1, "suffix": true }"#);
    assert_eq!(
        format_amount("-157333333.36".into(), mnkr).unwrap(),
        "\u{2212}157,3\u{a0}mnkr"
    );
    assert_eq!(
        format_amount(JsValue::from_f64(1234.5), JsValue::UNDEFINED).unwrap(),
        "1\u{a0}235"
    );
    let parts = periodise("100".into(), options(r#"{ "year": 2025 }"#)).unwrap();
    let months: Vec<String> = Array::from(&get(&parts, &["months"]))
        .iter()
        .map(|m| m.as_string().unwrap())
        .collect();
    assert_eq!(months[0], "8.34");
    assert_eq!(months[11], "8.33");
    assert_eq!(text(&parts, &["method"]), "linear");
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

/// A measure and a programme on the tree of [`DOC`], for the effects checks.
pub const EFFECTS: &str = r#"{
  "schema": 1,
  "measures": [{ "id": "M", "title": "Schema", "unit": "SJ", "status": "ongoing", "recurring": true,
                 "plan": [{ "year": 2025, "rate": "12000000", "start": "2025-09" }] }],
  "programmes": [{ "id": "P", "name": "P", "target": "10000000", "from": 2025, "to": 2025 }]
}"#;

pub fn effects_cross_and_entries_undo() {
    let ws = Workspace::from_json(JsValue::from_str(DOC)).unwrap();
    let summary = ws.import_json(JsValue::from_str(EFFECTS)).unwrap();
    assert_eq!(get(&summary, &["measures"]).as_f64(), Some(1.0));
    let asof = || options(r#"{ "asOf": "2025-11" }"#);
    let report = ws.effects(asof()).unwrap();
    assert_eq!(
        text(&report, &["measures", "0", "year", "planned"]),
        "4000000"
    );
    assert_eq!(text(&report, &["measures", "0", "year", "rate"]), "0");
    assert_eq!(text(&report, &["programmes", "0", "need"]), "6000000");
    let entry = ws
        .record_realised(options(
            r#"{ "measure": "M", "month": "2025-11", "amount": "1,5 mnkr" }"#,
        ))
        .unwrap();
    assert_eq!(text(&entry, &["amount"]), "1500000");
    assert!(get(&entry, &["previous"]).is_null());
    assert_eq!(
        text(
            &ws.effects(asof()).unwrap(),
            &["programmes", "0", "timeline", "10", "realised"]
        ),
        "1500000"
    );
    assert_error(
        ws.record_forecast(options(
            r#"{ "measure": "M", "year": 2025, "made": "2025-12", "amount": "x" }"#,
        ))
        .unwrap_err(),
        "E_PARSE_AMOUNT",
        Some("amount"),
    );
    assert!(ws.export_entries_csv().starts_with('\u{feff}'));
    assert_eq!(text(&ws.undo_entry().unwrap(), &["kind"]), "realised");
    assert!(ws.undo_entry().unwrap().is_null());
    assert_error(
        ws.import_measures("Id;Åtgärd;Enhet;Status\nX;X;NOPE;planerad".into())
            .unwrap_err(),
        "E_UNKNOWN_UNIT",
        Some("line 2.unit"),
    );
}

/// The analysis options and reports of issue 3 cross the boundary as documented.
pub fn deviation_options_accuracy_and_frames_cross_the_boundary() {
    let ws = Workspace::new();
    ws.import_json(JsValue::from_str(DOC)).unwrap();
    let report = ws
        .deviation(options(
            r#"{ "asOf": "2025-08", "byCostType": true,
                 "thresholds": { "default": { "absolute": "1 mnkr", "percent": 1 } } }"#,
        ))
        .unwrap();
    // SJ per August: +137,3 mnkr year to date passes 1 mnkr and 1 %: favourable.
    assert_eq!(text(&report, &["rows", "1", "ytd", "status"]), "favourable");
    assert_eq!(
        text(&report, &["rows", "1", "threshold", "absolute"]),
        "1000000"
    );
    assert!(get(&report, &["rows", "1", "escalation"]).is_null());
    assert_eq!(
        text(&report, &["rows", "1", "costTypes", "0", "ytd", "outcome"]),
        "-20000000"
    );
    let bad = ws.deviation(options(
        r#"{ "asOf": "2025-08", "thresholds": { "area": { "absolute": "-1", "percent": 1 } } }"#,
    ));
    assert_error(
        bad.unwrap_err(),
        "E_OPTION",
        Some("thresholds.area.absolute"),
    );
    let accuracy = ws.accuracy(options(r#"{ "year": 2025 }"#)).unwrap();
    assert_eq!(
        text(&accuracy, &["rows", "1", "forecasts", "0", "error"]),
        "-230000000"
    );
    assert!(get(&accuracy, &["rows", "1", "percent"]).is_string());
    let split = allocate_frame(
        "100".into(),
        options(r#"[{ "id": "A", "share": 33.3 }, { "id": "B", "share": "33.3" }]"#),
    )
    .unwrap();
    assert_eq!(text(&split, &["parts", "0", "amount"]), "33.3");
    assert_eq!(text(&split, &["remainder", "amount"]), "33.4");
    let plain = options(r#"{ "unit": "tkr", "decimals": 1, "plain": true }"#);
    assert_eq!(
        format_amount("-157333333.36".into(), plain).unwrap(),
        "-157333,3"
    );
}

/// Goals pasted from Excel cross in as text and come back with fulfilment and counts.
pub fn goals_import_from_paste_and_report() {
    let ws = Workspace::new();
    ws.import_json(JsValue::from_str(DOC)).unwrap();
    let summary = ws
        .import_goals(
            "Mål\tMätetal\tMålvärde\tUtfall\tEnhet\nVård i tid\tBesök\t90\t91,5\tSJ\n".into(),
        )
        .unwrap();
    assert_eq!(get(&summary, &["goals"]).as_f64(), Some(1.0));
    let report = ws.goals(options(r#"{ "asOf": "2025-08" }"#)).unwrap();
    let indicator = ["goals", "0", "indicators", "0"];
    assert_eq!(
        text(&report, &[&indicator[..], &["fulfilment"]].concat()),
        "met"
    );
    assert_eq!(
        text(&report, &[&indicator[..], &["outcome"]].concat()),
        "91.5"
    );
    assert_eq!(
        text(
            &report,
            &[&indicator[..], &["deviation", "deviation"]].concat()
        ),
        "137333333.36"
    );
    assert_eq!(get(&report, &["counts", "met"]).as_f64(), Some(1.0));
    assert!(get(&ws.goals(JsValue::UNDEFINED).unwrap(), &["asOf"]).is_null());
    assert_error(
        ws.import_goals("Namn\n".into()).unwrap_err(),
        "E_SCHEMA",
        Some("line 1"),
    );
}

pub fn imports_give_a_report_and_rejections_carry_it() {
    let ws = Workspace::from_json(JsValue::from_str(DOC)).unwrap();
    // Windows-1252 bytes, semicolons, decimal commas.
    let csv = b"Kostnadsst\xe4lle;M\xe5nad;Utfall\r\nSJ;2025-08;-1 000,50\r\n";
    let report = ws
        .import_csv(bytes(csv), options(r#"{ "file": "utfall.csv" }"#))
        .unwrap();
    assert_eq!(text(&report, &["encoding"]), "windows-1252");
    assert_eq!(get(&report, &["rows", "accepted"]).as_f64(), Some(1.0));
    // August of SJ was in the document: the ledger's row replaces it.
    assert_eq!(get(&report, &["added", "outcomeRows"]).as_f64(), Some(0.0));
    assert_eq!(
        get(&report, &["replaced", "outcomeRows"]).as_f64(),
        Some(1.0)
    );
    // The same file again replaces that row; undoImport takes each import back, then says null.
    assert_eq!(
        ws.imports_to_undo(),
        1,
        "the CSV only: fromJSON leaves nothing to undo"
    );
    let again = ws
        .import_csv(bytes(csv), options(r#"{ "file": "utfall.csv" }"#))
        .unwrap();
    assert_eq!(get(&again, &["added", "outcomeRows"]).as_f64(), Some(0.0));
    assert_eq!(
        get(&again, &["replaced", "outcomeRows"]).as_f64(),
        Some(1.0)
    );
    let undone = ws.undo_import().unwrap();
    assert_eq!(
        get(&undone, &["replaced", "outcomeRows"]).as_f64(),
        Some(1.0)
    );
    ws.undo_import().unwrap();
    assert!(ws.undo_import().unwrap().is_null());
    ws.import_csv(bytes(csv), options(r#"{ "file": "utfall.csv" }"#))
        .unwrap();
    let report = ws
        .import_paste(
            "Enhet\tPeriod\tUtfall\r\nSJ\t2025-07\t5\r\n".into(),
            JsValue::UNDEFINED,
        )
        .unwrap();
    assert_eq!(text(&report, &["format"]), "paste");
    let bad = b"Enhet;Period;Utfall\nSJ;2025-08;tolv\n";
    let thrown = ws
        .import_csv(bytes(bad), options(r#"{ "file": "fel.csv" }"#))
        .unwrap_err();
    assert_error(thrown.clone(), "E_PARSE_AMOUNT", Some("Utfall"));
    assert_eq!(get(&thrown, &["line"]).as_f64(), Some(2.0));
    assert_eq!(get(&thrown, &["column"]).as_f64(), Some(3.0));
    assert_eq!(text(&thrown, &["report", "errors", "0", "file"]), "fel.csv");
    // Only the two good imports are there: the CSV's August in place of the document's, and
    // the pasted July.
    let outcome = get(&ws.to_json().unwrap(), &["outcome"]).unchecked_into::<Array>();
    assert_eq!(outcome.length(), 2);
    assert_eq!(text(&outcome, &["0", "amount"]), "-1000.5");
    let sie = b"#SIETYP 3\n#RAR 0 20250101 20251231\n#OMFATTN 20250131\n#PSALDO 0 202501 3010 {} -500.00\n";
    let report = ws
        .import_sie(bytes(sie), options(r#"{ "root": "BOLAG" }"#))
        .unwrap();
    assert_eq!(get(&report, &["added", "units"]).as_f64(), Some(1.0));
    let read = balans::wasm::read_import(
        "sie".into(),
        js_sys::Uint8Array::from(&sie[..]).into(),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    // The document comes as JSON text, to pass to importJson as it is; the report says what
    // that adds, and `units` lists the units it brings.
    let document = js_sys::JSON::parse(&text(&read, &["document"])).unwrap();
    assert_eq!(text(&document, &["outcome", "0", "amount"]), "500");
    assert_eq!(
        get(&read, &["report", "added", "outcomeRows"]).as_f64(),
        Some(1.0)
    );
    let units = get(&read, &["units"]).unchecked_into::<Array>();
    assert_eq!(
        get(&read, &["report", "added", "units"]).as_f64(),
        Some(f64::from(units.length()))
    );
    assert!(units.length() > 0, "the company's unit is new");
}

/// Declares the shared checks above as `#[wasm_bindgen_test]`s of the including test file.
macro_rules! shared_tests {
    ($($name:ident),* $(,)?) => {
        $(
            #[wasm_bindgen_test::wasm_bindgen_test]
            fn $name() {
                common::$name();
            }
        )*
    };
}
