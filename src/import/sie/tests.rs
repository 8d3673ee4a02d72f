//! Tests of the SIE reader, on small files written here and on the real ones under `tests/`.

use super::*;
use crate::model::Document;
use crate::import::ImportOptions;

fn sie(bytes: &[u8]) -> (Document, ImportReport) {
    crate::import::read_with(
        crate::import::Format::Sie,
        bytes.into(),
        &ImportOptions::default().settings().unwrap(),
        &Document::default(),
    )
}

#[test]
fn tokens_split_quotes_lists_and_escapes() {
    let (t, complete) = tokens(b"#OBJEKT\t1 \"7\" \"Sj\\\"uk\" {1 \"100\" 6 P1} x");
    assert!(complete);
    assert_eq!(
        t,
        [
            Token::Text(b"#OBJEKT".to_vec()),
            Token::Text(b"1".to_vec()),
            Token::Text(b"7".to_vec()),
            Token::Text(b"Sj\"uk".to_vec()),
            Token::List(vec![
                b"1".to_vec(),
                b"100".to_vec(),
                b"6".to_vec(),
                b"P1".to_vec()
            ]),
            Token::Text(b"x".to_vec()),
        ]
    );
    assert!(!tokens(b"#KONTO 3010 \"F\xf6rs").1);
    // Lists do not nest: a brace inside one is text, however many there are.
    let deep = [b"#PSALDO ".as_slice(), &[b'{'; 100_000]].concat();
    let (t, complete) = tokens(&deep);
    assert!(!complete);
    assert!(matches!(&t[1], Token::List(items) if items[0].len() == 99_999));
}

#[test]
fn the_checksum_is_crc32_over_label_and_fields() {
    let mut c = Checksum::new();
    c.feed(b"123456789");
    assert_eq!(c.value(), 0xcbf4_3926, "the CRC-32 check value");
    let body: &[u8] = b"#FLAGGA 0\n#KSUMMA\n#KONTO 3010 \"F\x94rs\"\n";
    let (_, report) = sie(&[body, b"#KSUMMA 0\n"].concat());
    assert_eq!(report.errors[0].code, "E_SIE_CHECKSUM");
    let mut c = Checksum::new();
    c.record(&tokens(b"#KONTO 3010 \"F\x94rs\"").0);
    let fixed = [body, format!("#KSUMMA {}\n", c.value()).as_bytes()].concat();
    assert!(sie(&fixed).1.errors.is_empty());
}

const TYPE3: &[u8] = b"#FLAGGA 0\n#FORMAT PC8\n#SIETYP 3\n#FNAMN \"Region Test\"\n#ORGNR 232100-0000\n\
    #RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n#DIM 1 \"Kostnadsst\x84lle\"\n\
    #OBJEKT 1 \"10\" \"Akuten\"\n#OBJEKT 1 \"20\" \"IVA\"\n#KONTO 3010 \"Patientavgifter\"\n#KONTO 4010 \"Material\"\n\
    #KONTO 1910 \"Kassa\"\n#OMFATTN 20250228\n\
    #IB 0 1910 100.00\n#UB 0 1910 150.00\n#RES 0 4010 300.00\n\
    #PSALDO 0 202501 1910 {} 20.00\n#PSALDO 0 202502 1910 {} 20.00\n\
    #PSALDO 0 202501 3010 {} -1000.00\n#PSALDO 0 202501 3010 {1 \"10\"} -600.00\n#PSALDO 0 202501 3010 {1 \"20\"} -400.00\n\
    #PSALDO 0 202501 4010 {} 300.00\n#PSALDO 0 202501 4010 {1 \"10\"} 100.00\n#PSALDO 0 202501 4010 {6 \"P1\"} 50.00\n\
    #PBUDGET 0 202502 4010 {} 250.00\n#TAXAR 2026\n";

#[test]
fn objects_become_units_totals_are_not_counted_twice_and_signs_turn() {
    let (doc, report) = sie(TYPE3);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let units: Vec<(&str, Option<&str>)> = doc
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.parent.as_deref()))
        .collect();
    assert_eq!(
        units,
        [
            ("232100-0000", None),
            ("10", Some("232100-0000")),
            ("20", Some("232100-0000"))
        ]
    );
    assert_eq!(doc.units[1].name, "Akuten");
    let outcome: Vec<(String, String, String)> = doc
        .outcome
        .iter()
        .map(|r| {
            (
                r.unit.to_string(),
                r.cost_type.as_deref().unwrap().to_string(),
                r.amount.to_canonical(),
            )
        })
        .collect();
    let expect = |u: &str, c: &str, a: &str| (u.to_string(), c.to_string(), a.to_string());
    assert_eq!(
        outcome,
        [
            expect("10", "3010", "600"),
            expect("10", "4010", "-100"),
            expect("20", "3010", "400"),
            expect("232100-0000", "4010", "-200"),
        ]
    );
    assert_eq!(
        doc.budget[0].months.as_ref().unwrap()[1].to_canonical(),
        "-250"
    );
    let codes: Vec<&str> = report.warnings.iter().map(|w| w.code).collect();
    // 100 + 40 ≠ 150, and 300 = 300 for the result account.
    assert_eq!(
        codes.iter().filter(|c| **c == "W_SIE_BALANCE").count(),
        1,
        "{codes:?}"
    );
    assert!(codes.contains(&"W_SIE_BALANCE_ACCOUNTS"));
    assert_eq!(report.rows.skipped, 2, "the {{6 P1}} row and #TAXAR");
    assert_eq!(report.encoding, "ibm437");
}

#[test]
fn unbalanced_vouchers_and_missing_omfattn_are_warnings() {
    let text = "#SIETYP 4\n#RAR 0 20250101 20251231\n#VER A 1 20250105 \"x\"\n{\n#TRANS 1910 {} 100\n#TRANS 3010 {} -99\n}\n";
    let (_, report) = sie(text.as_bytes());
    let w = report
        .warnings
        .iter()
        .find(|w| w.code == "W_SIE_VOUCHER_UNBALANCED")
        .unwrap();
    assert_eq!(w.at.line, Some(3));
    let (_, report) = sie(b"#SIETYP 3\n#RAR 0 20250101 20251231\n");
    assert!(report.warnings.iter().any(|w| w.code == "W_SIE_NO_OMFATTN"));
}

#[test]
fn truncated_records_are_errors_naming_the_line() {
    let (_, report) = sie(b"#SIETYP 4\n#RAR 0 20250101 20251231\n#PSALDO 0 202501 3010 {}\n");
    let e = &report.errors[0];
    assert_eq!(
        (e.code, e.at.line, e.at.field.as_deref()),
        ("E_SIE_RECORD", Some(3), Some("#PSALDO amount"))
    );
}
