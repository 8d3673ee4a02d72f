//! Tests of `json_path`: paths at hand-picked places, and the path of every fault made by
//! spoiling a document and options one value at a time, checked against serde_path_to_error's
//! (which tracked the path while reading), in one-line text as `JSON.stringify` writes it and in
//! indented text as a saved file may be.

use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use super::path_of;
use crate::{
    CommitteeOptions, DeviationOptions, Document, EffectsOptions, GrantOptions, ImportOptions,
    PeriodiseOptions,
};

/// The path `json_path` finds for `T`'s fault in `text`.
fn found<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> Option<String> {
    let e = serde_json::from_str::<T>(text).expect_err(text);
    path_of(text, &e)
}

/// The path serde_path_to_error gave, `None` for the whole value (its `.`).
fn tracked<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> Option<String> {
    let e = serde_path_to_error::deserialize::<_, T>(&mut serde_json::Deserializer::from_str(text))
        .expect_err(text);
    Some(e.path().to_string()).filter(|p| p != ".")
}

#[test]
fn a_refused_value_is_named_by_its_key_and_indices() {
    let text = r#"{"asOf":"2025-08","fields":["ytd","nope"]}"#;
    assert_eq!(
        found::<DeviationOptions>(text).as_deref(),
        Some("fields[1]")
    );
    let text = r#"{"year":2025,"weights":[1,2,{}]}"#;
    assert_eq!(
        found::<PeriodiseOptions>(text).as_deref(),
        Some("weights[2]")
    );
    let text = r#"{"asOf":"2025-08","oneOffs":[{"unit":"A","ytd":"1"},{"unit":"B","ytd":"x"}]}"#;
    assert_eq!(
        found::<GrantOptions>(text).as_deref(),
        Some("oneOffs[1].ytd")
    );
}

#[test]
fn an_unknown_key_is_named_and_a_missing_one_names_its_object() {
    let text = r#"{"asOf":"2025-08","asof":"x"}"#;
    assert_eq!(found::<DeviationOptions>(text).as_deref(), Some("asof"));
    let text = r#"{"asOf":"2025-08","oneOffs":[{"unit":"A","ytd":"1"},{"ytd":"2"}]}"#;
    assert_eq!(found::<GrantOptions>(text).as_deref(), Some("oneOffs[1]"));
    // Missing at the top: the whole value, no path.
    assert_eq!(found::<DeviationOptions>(r#"{"unit":"A"}"#), None);
    assert_eq!(found::<DeviationOptions>("null"), None);
}

#[test]
fn keys_are_read_as_serde_json_reads_them() {
    // An escaped key, and text before the place with brackets, commas and colons in strings.
    let text = r#"{"asOf":"2025-08","unit":"a,]}:[{\"","a\"b":1}"#;
    assert_eq!(found::<DeviationOptions>(text).as_deref(), Some("a\"b"));
    let text = r#"{"asOf":"2025-08","unit":"åäö","by\u0043ostType":"yes"}"#;
    assert_eq!(
        found::<DeviationOptions>(text).as_deref(),
        Some("byCostType")
    );
}

#[test]
fn a_place_on_a_later_line_is_found() {
    let text = "{\n  \"asOf\": \"2025-08\",\n  \"fields\": [\n    \"ytd\",\n    5\n  ]\n}";
    assert_eq!(
        found::<DeviationOptions>(text).as_deref(),
        Some("fields[1]")
    );
}

/// Every way of spoiling `value` one place at a time: each value replaced by one of another
/// type, each key of an object removed, an unknown key added to each object.
fn spoiled(value: &Value) -> Vec<Value> {
    let mut out = vec![json!(true), json!("x"), json!(1.5), json!({}), json!([])];
    match value {
        Value::Object(map) => {
            for key in map.keys() {
                let mut without = map.clone();
                without.remove(key);
                out.push(Value::Object(without));
                for inner in spoiled(&map[key]) {
                    let mut with = map.clone();
                    with.insert(key.clone(), inner);
                    out.push(Value::Object(with));
                }
            }
            let mut extra = map.clone();
            extra.insert("zz".into(), json!(1));
            out.push(Value::Object(extra));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                for inner in spoiled(item) {
                    let mut with = items.clone();
                    with[i] = inner;
                    out.push(Value::Array(with));
                }
            }
        }
        _ => {}
    }
    out
}

/// `json_path` names every fault of every spoiled `value` as serde_path_to_error did. Returns
/// how many faults there were.
fn same_paths<T: DeserializeOwned + std::fmt::Debug>(value: &Value) -> usize {
    serde_json::from_value::<T>(value.clone()).expect("the value before it is spoiled");
    let mut faults = 0;
    for bad in spoiled(value) {
        for text in [bad.to_string(), serde_json::to_string_pretty(&bad).unwrap()] {
            if serde_json::from_str::<T>(&text).is_ok() {
                continue;
            }
            faults += 1;
            let start: String = text.chars().take(200).collect();
            assert_eq!(found::<T>(&text), tracked::<T>(&text), "{start}…");
        }
    }
    faults
}

#[test]
fn options_faults_are_named_as_serde_path_to_error_named_them() {
    let deviation = json!({ "asOf": "2025-08", "unit": "A", "byCostType": true,
        "thresholds": { "unit": { "absolute": "500000", "percent": "3" } }, "escalationLevel": "unit",
        "fields": ["ytd", "period"] });
    assert!(same_paths::<DeviationOptions>(&deviation) > 50);
    let grants = json!({ "asOf": "2025-08", "temporary": ["targeted"],
        "oneOffs": [{ "unit": "A", "ytd": "1" }, { "unit": "B", "ytd": "2", "fullYear": "3" }] });
    assert!(same_paths::<GrantOptions>(&grants) > 50);
    let periodise = json!({ "year": 2025, "method": "profile", "weights": [1, "2", 3.5],
        "priorYear": ["1", "2"], "rounding": "krona" });
    assert!(same_paths::<PeriodiseOptions>(&periodise) > 30);
    let import = json!({ "file": "a.csv", "year": 2025, "revenueAccounts": ["3*"],
        "costAccounts": ["4*", "5*"], "dimension": 1 });
    assert!(same_paths::<ImportOptions>(&import) > 50);
    let committee = json!({ "asOf": "2025-08", "unit": "A", "lang": "en", "depth": 2 });
    assert!(same_paths::<CommitteeOptions>(&committee) > 30);
    let effects =
        json!({ "asOf": "2025-08", "risk": { "low": "1", "medium": "0.5", "high": "0" } });
    assert!(same_paths::<EffectsOptions>(&effects) > 30);
}

#[test]
fn document_faults_are_named_as_serde_path_to_error_named_them() {
    // The demo region, two of each list, so that every kind of record is spoiled.
    let mut demo: Value =
        serde_json::from_str(include_str!("../www/demo/region-2025.json")).unwrap();
    fn two_of_each(value: &mut Value) {
        match value {
            Value::Array(items) => {
                items.truncate(2);
                items.iter_mut().for_each(two_of_each);
            }
            Value::Object(map) => map.values_mut().for_each(two_of_each),
            _ => {}
        }
    }
    two_of_each(&mut demo);
    // The demo has no effect entries, which are read otherwise (by hand, the tag anywhere).
    demo["effectEntries"] = json!([
        { "kind": "realised", "measure": "SJ19-1", "month": "2025-01", "amount": "1", "previous": null },
        { "kind": "forecast", "measure": "SJ19-1", "year": 2025, "made": "2025-02", "amount": "2",
          "previous": "1" }
    ]);
    assert!(serde_json::from_value::<Document>(demo.clone()).is_ok());
    assert!(same_paths::<Document>(&demo) > 1000);
}
