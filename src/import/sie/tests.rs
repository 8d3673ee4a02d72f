//! Tests of the SIE reader, on small files written here and on the real ones under `tests/`.

use super::*;
use crate::import::ImportOptions;
use crate::model::Document;

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
    let body: &[u8] =
        b"#FLAGGA 0\n#KSUMMA\n#KONTO 3010 \"F\x94rs\"\n#PSALDO 0 202501 3010 {} -5.00\n";
    let (_, report) = sie(&[body, b"#KSUMMA 0\n"].concat());
    assert_eq!(report.errors[0].code, "E_SIE_CHECKSUM");
    let mut c = Checksum::new();
    c.record(&tokens(b"#KONTO 3010 \"F\x94rs\"").0);
    c.record(&tokens(b"#PSALDO 0 202501 3010 {} -5.00").0);
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

/// Outcome rows as (unit, cost type, month, amount).
fn outcome_of(doc: &Document) -> Vec<(String, String, String, String)> {
    doc.outcome
        .iter()
        .map(|r| {
            (
                r.unit.to_string(),
                r.cost_type.as_deref().unwrap().to_string(),
                r.month.to_string(),
                r.amount.to_canonical(),
            )
        })
        .collect()
}

fn row(u: &str, c: &str, m: &str, a: &str) -> (String, String, String, String) {
    (u.into(), c.into(), m.into(), a.into())
}

const VOUCHERS: &str = "#FLAGGA 0\r\n#SIETYP 4\r\n#ORGNR 556000-0000\r\n#RAR 0 20250101 20251231\r\n\
    #DIM 1 \"Kst\"\r\n#OBJEKT 1 \"10\" \"Akuten\"\r\n#KONTO 3010 \"Avgifter\"\r\n#KONTO 4010 \"Material\"\r\n\
    #RES 0 3010 -1000.00\r\n#RES 0 4010 700.00\r\n\
    #VER A 1 20250115 \"Faktura\"\r\n{\r\n\
    #TRANS 1930 {} 1000.00\r\n#TRANS 3010 {1 \"10\" 6 \"P1\"} -600.00\r\n#TRANS 3010 {} -400.00 \"\"\r\n}\r\n\
    #VER A 2 20250131 \"Material\"\r\n{\r\n\
    #TRANS 4010 {} 500.00 20250203\r\n#BTRANS 4010 {} 900.00\r\n#BTRANS 4010 {} nio\r\n\
    #RTRANS 4010 {6 \"P1\" 1 \"10\"} 200.00 20250310\r\n#TRANS 4010 {6 \"P1\" 1 \"10\"} 200.00\r\n\
    #TRANS 1930 {} -700.00\r\n}\r\n";

#[test]
fn vouchers_are_the_outcome_where_a_file_has_no_psaldo() {
    let (doc, report) = sie(VOUCHERS.as_bytes());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(
        outcome_of(&doc),
        [
            // The object of dimension 1 takes the amount, wherever it stands in the list.
            row("10", "3010", "2025-01", "600"),
            // The #RTRANS and its #TRANS twin count once, by the voucher's date (January).
            row("10", "4010", "2025-01", "-200"),
            // No object, or an empty date: the company, by the voucher's date.
            row("556000-0000", "3010", "2025-01", "400"),
            // The transaction's own date (February) rules; the #BTRANS of 900 is not counted.
            row("556000-0000", "4010", "2025-02", "-500"),
        ]
    );
    assert_eq!(doc.units[1].name, "Akuten");
    let codes: Vec<&str> = report.warnings.iter().map(|w| w.code).collect();
    // Both vouchers balance, and 3010 and 4010 add up to their #RES.
    assert!(!codes.contains(&"W_SIE_VOUCHER_UNBALANCED"), "{codes:?}");
    assert!(!codes.contains(&"W_SIE_VOUCHERS_RES"), "{codes:?}");
    assert!(
        codes.contains(&"W_SIE_BALANCE_ACCOUNTS"),
        "1930 is not imported"
    );
    assert_eq!(report.rows.rejected, 0);
    assert_eq!(
        report.rows.skipped, 2,
        "the #BTRANS, even one that cannot be read"
    );
}

#[test]
fn an_rtrans_without_its_twin_counts_by_itself() {
    let text = VOUCHERS.replace(
        "#TRANS 4010 {6 \"P1\" 1 \"10\"} 200.00\r\n",
        "#TRANS 4010 {1 \"10\"} 200.00\r\n",
    );
    let (doc, report) = sie(text.as_bytes());
    // The #TRANS that follows has other objects: both count, the #RTRANS in March by its date.
    let rows = outcome_of(&doc);
    assert!(
        rows.contains(&row("10", "4010", "2025-01", "-200")),
        "{rows:?}"
    );
    assert!(
        rows.contains(&row("10", "4010", "2025-03", "-200")),
        "{rows:?}"
    );
    let w = report
        .warnings
        .iter()
        .find(|w| w.code == "W_SIE_VOUCHER_UNBALANCED")
        .expect("the second voucher is now 200 off");
    assert_eq!(w.at.line, Some(17));
}

#[test]
fn vouchers_that_disagree_with_res_are_warned_about_by_account() {
    let text = VOUCHERS.replace("#RES 0 4010 700.00", "#RES 0 4010 650.50");
    let (doc, report) = sie(text.as_bytes());
    assert!(report.errors.is_empty());
    assert_eq!(
        doc.outcome.len(),
        4,
        "the vouchers are imported all the same"
    );
    let w: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.code == "W_SIE_VOUCHERS_RES")
        .collect();
    assert_eq!(w.len(), 1, "{:?}", report.warnings);
    assert_eq!(w[0].at.line, Some(10), "the #RES line");
    assert_eq!(w[0].at.field.as_deref(), Some("account 4010"));
    assert_eq!(
        w[0].message,
        "Σ #TRANS ≠ #RES for account 4010, year 0: the vouchers add up to 700, but #RES gives 650.5: a difference of 49.5"
    );
    // A result account with vouchers and no #RES in a year that has #RES rows.
    let text = VOUCHERS.replace("#RES 0 3010 -1000.00\r\n", "");
    let (_, report) = sie(text.as_bytes());
    let w = report
        .warnings
        .iter()
        .find(|w| w.code == "W_SIE_VOUCHERS_RES")
        .unwrap();
    assert!(
        w.message.contains("account 3010") && w.message.contains("no #RES"),
        "{}",
        w.message
    );
}

#[test]
fn a_file_with_psaldo_and_vouchers_takes_psaldo_and_says_so() {
    let text = VOUCHERS.replace("#VER A 1", "#PSALDO 0 202501 3010 {} -999.00\r\n#VER A 1");
    let (doc, report) = sie(text.as_bytes());
    assert_eq!(
        outcome_of(&doc),
        [row("556000-0000", "3010", "2025-01", "999")]
    );
    let w = report
        .warnings
        .iter()
        .find(|w| w.code == "W_SIE_VOUCHERS_UNUSED")
        .unwrap();
    assert!(
        w.message.contains("2 #VER, 6 transactions"),
        "{}",
        w.message
    );
    // A #PSALDO row skipped for its objects is no period balance: the vouchers count.
    let text = VOUCHERS.replace(
        "#VER A 1",
        "#PSALDO 0 202501 3010 {1 \"10\" 6 \"P1\"} -999.00\r\n#VER A 1",
    );
    let (doc, report) = sie(text.as_bytes());
    assert_eq!(doc.outcome.len(), 4);
    assert!(!report
        .warnings
        .iter()
        .any(|w| w.code == "W_SIE_VOUCHERS_UNUSED"));
}

#[test]
fn an_unreadable_transaction_rejects_a_voucher_file_and_is_skipped_beside_psaldo() {
    let bad = VOUCHERS.replace(
        "#TRANS 4010 {} 500.00 20250203",
        "#TRANS 4010 {} 500.00 20250230",
    );
    let (_, report) = sie(bad.as_bytes());
    let e = &report.errors[0];
    assert_eq!(
        (e.code, e.at.line, e.at.field.as_deref()),
        ("E_SIE_RECORD", Some(19), Some("#TRANS date"))
    );
    assert_eq!(report.rows.rejected, 1);
    let bad = VOUCHERS.replace("#TRANS 3010 {} -400.00", "#TRANS 3010 {} -4x0.00");
    let (_, report) = sie(bad.as_bytes());
    assert_eq!(report.errors[0].at.field.as_deref(), Some("#TRANS amount"));
    let beside = bad.replace("#VER A 1", "#PSALDO 0 202501 3010 {} -999.00\r\n#VER A 1");
    let (doc, report) = sie(beside.as_bytes());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(doc.outcome.len(), 1);
    assert!(report.warnings.iter().any(|w| w.code == "W_SIE_RECORD"));
}

#[test]
fn files_with_nothing_to_import_are_refused_with_the_reason() {
    let reason = |bytes: &[u8]| {
        let (_, report) = sie(bytes);
        assert!(report.is_rejected());
        let e = &report.errors[0];
        (e.code, e.message.clone())
    };
    let (code, message) = reason(b"#FLAGGA 0\n");
    assert_eq!(code, "E_SIE_NOTHING");
    assert!(
        message.contains(
            "no period balances (#PSALDO), period budgets (#PBUDGET) or vouchers (#TRANS)"
        ),
        "{message}"
    );
    let type1 = b"#FLAGGA 0\n#SIETYP 1\n#RAR 0 20250101 20251231\n#IB 0 1910 100.00\n#UB 0 1910 150.00\n#RES 0 3010 -50.00\n";
    let (code, message) = reason(type1);
    assert_eq!(code, "E_SIE_NOTHING");
    assert!(
        message.contains("year totals only (SIE type 1, #IB/#UB/#RES)"),
        "{message}"
    );
    let balance_only = b"#SIETYP 2\n#RAR 0 20250101 20251231\n#PSALDO 0 202501 1910 {} 20.00\n";
    assert!(reason(balance_only).1.contains("balance sheet accounts"));
    // Bytes that are no SIE at all, however they split into lines.
    let mut noise = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        noise.push((x >> 16) as u8);
    }
    let (_, report) = sie(&noise);
    assert!(report.is_rejected(), "random bytes are refused");
    assert_eq!(report.errors[0].code, "E_SIE_NOTHING");
    assert!(report.errors[0].message.ends_with("it is not a SIE file"));
}

#[test]
fn lines_may_end_in_a_lone_cr() {
    let cr = VOUCHERS.replace("\r\n", "\r");
    let lf = VOUCHERS.replace("\r\n", "\n");
    let (doc, report) = sie(cr.as_bytes());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(outcome_of(&doc), outcome_of(&sie(lf.as_bytes()).0));
    assert_eq!(doc.outcome.len(), 4);
    assert_eq!(report.rows.read, sie(VOUCHERS.as_bytes()).1.rows.read);
    let lines: Vec<&[u8]> = lines(b"a\r\nb\rc\n\nd").collect();
    assert_eq!(lines, [&b"a"[..], b"b", b"c", b"", b"d"]);
}

#[test]
fn an_amount_finer_than_an_ore_is_refused_at_its_line() {
    let file = "#FLAGGA 0\n#SIETYP 3\n#RAR 0 20250101 20251231\n#KONTO 3010 \"F\"\n\
                #PSALDO 0 202501 3010 {} -1000.50\n#PSALDO 0 202502 3010 {} -1000.005\n";
    let (_, report) = sie(file.as_bytes());
    let issue = report.first_error().expect("refused");
    assert_eq!((issue.code, issue.at.line), ("E_SIE_RECORD", Some(6)));
    assert!(issue.expected.as_deref().unwrap().contains("öre"));
    // Trailing zeros are not finer: 12.500 is 12,50 kr.
    assert_eq!(
        fields::sie_amount("12.500").map(|a| a.to_canonical()),
        Some("12.5".into())
    );
    assert_eq!(fields::sie_amount("-0.001"), None);
}
