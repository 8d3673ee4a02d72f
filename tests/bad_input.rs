//! The bad-input corpus: over a hundred broken CSV files, pasted ranges and SIE files, each of
//! which must give a coded error or warning that says where (line, column or field), must not
//! panic, and, when rejected, must leave the workspace exactly as it was.
//!
//! Not here: the real SIE files (tests/sie_corpus.rs) or the readers' own unit tests.
#![cfg(not(target_arch = "wasm32"))]

use balans::import::json;
use balans::ImportOptions;
use balans::Workspace;

#[derive(Clone, Copy, Debug)]
enum Format {
    Csv,
    Paste,
    Sie,
}

/// One case: what is fed, with which options, and the code that must come back.
struct Case {
    name: String,
    format: Format,
    bytes: Vec<u8>,
    options: ImportOptions,
    code: &'static str,
}

fn case(
    name: impl Into<String>,
    format: Format,
    bytes: impl AsRef<[u8]>,
    code: &'static str,
) -> Case {
    Case {
        name: name.into(),
        format,
        bytes: bytes.as_ref().to_vec(),
        options: ImportOptions::default(),
        code,
    }
}

fn with(mut c: Case, f: impl FnOnce(&mut ImportOptions)) -> Case {
    f(&mut c.options);
    c
}

/// A workspace with a small tree and some outcome, as a user has before the bad file.
fn workspace() -> Workspace {
    let v = serde_json::json!({
        "schema": 1,
        "units": [
            { "id": "R", "name": "Region" },
            { "id": "A", "name": "A", "parent": "R" },
            { "id": "B", "name": "B", "parent": "R" }
        ],
        "outcome": [{ "unit": "A", "month": "2025-01", "amount": "-100" }]
    });
    let mut ws = Workspace::new();
    ws.import(json::read(|| &v).unwrap()).unwrap();
    ws
}

const HEAD: &str = "Enhet;Konto;Period;Utfall\n";
const SIE_HEAD: &str = "#FLAGGA 0\n#FORMAT PC8\n#SIETYP 3\n#OMFATTN 20251231\n#RAR 0 20250101 20251231\n#KONTO 4010 \"Material\"\n";

fn cases() -> Vec<Case> {
    use Format::*;
    let mut v = vec![
        // Empty and nearly empty input.
        case("empty file", Csv, "", "E_EMPTY"),
        case("BOM only", Csv, "\u{feff}", "E_EMPTY"),
        case("blank lines only", Csv, "\n \n\t\n", "E_EMPTY"),
        case("header only", Csv, HEAD, "E_EMPTY"),
        case(
            "header and blank lines",
            Csv,
            format!("{HEAD}\n\n"),
            "E_EMPTY",
        ),
        case("empty paste", Paste, "", "E_EMPTY"),
        case(
            "pasted header only",
            Paste,
            "Enhet\tPeriod\tUtfall\r\n",
            "E_EMPTY",
        ),
        // Headers.
        case(
            "pipe separated",
            Csv,
            "Enhet|Period|Utfall\nA|2025-01|5\n",
            "E_CSV_HEADER",
        ),
        case(
            "no header at all",
            Csv,
            "A;2025-01;5\nB;2025-01;6\n",
            "E_CSV_HEADER",
        ),
        case(
            "no unit column",
            Csv,
            "Konto;Period;Utfall\n4010;2025-01;5\n",
            "E_CSV_HEADER",
        ),
        case(
            "no amount column",
            Csv,
            "Enhet;Konto;Period\nA;4010;2025-01\n",
            "E_CSV_HEADER",
        ),
        case(
            "two outcome columns",
            Csv,
            "Enhet;Period;Utfall;Outcome\nA;2025-01;5;6\n",
            "E_CSV_HEADER",
        ),
        case(
            "two unit columns",
            Csv,
            "Enhet;Ansvar;Period;Utfall\nA;B;2025-01;5\n",
            "E_CSV_HEADER",
        ),
        case(
            "amounts without a period",
            Csv,
            "Enhet;Utfall\nA;5\n",
            "E_CSV_HEADER",
        ),
        case(
            "month columns without a year",
            Csv,
            "Enhet;Jan;Feb\nA;5;6\n",
            "E_CSV_HEADER",
        ),
        case(
            "paste with commas",
            Paste,
            "Enhet,Period,Utfall\nA,2025-01,5\n",
            "E_CSV_HEADER",
        ),
        with(
            case(
                "semicolon file given as tab",
                Csv,
                "Enhet;Period;Utfall\nA;2025-01;5\n",
                "E_CSV_HEADER",
            ),
            |o| o.delimiter = Some("\t".into()),
        ),
        // Structure of rows.
        case(
            "decimal comma in a comma file",
            Csv,
            "Enhet,Period,Utfall\nA,2025-01,1,5\n",
            "E_CSV_FIELDS",
        ),
        case(
            "extra cells",
            Csv,
            format!("{HEAD}A;4010;2025-01;5;6\n"),
            "E_CSV_FIELDS",
        ),
        case(
            "unclosed quote",
            Csv,
            format!("{HEAD}A;4010;2025-01;\"5\nA;4010;2025-02;6\n"),
            "E_CSV_QUOTE",
        ),
        case(
            "unclosed quote at the end",
            Csv,
            format!("{HEAD}A;\"4010;2025-01;5\n"),
            "E_CSV_QUOTE",
        ),
        case(
            "pasted unclosed quote",
            Paste,
            "Enhet\tPeriod\tUtfall\nA\t2025-01\t\"5\nA\t2025-02\t6\n",
            "E_CSV_QUOTE",
        ),
        case(
            "empty unit cell",
            Csv,
            format!("{HEAD};4010;2025-01;5\n"),
            "E_MISSING_UNIT",
        ),
        case(
            "unknown unit",
            Csv,
            format!("{HEAD}X;4010;2025-01;5\n"),
            "E_UNKNOWN_UNIT",
        ),
        case(
            "unknown unit in paste",
            Paste,
            "Enhet\tPeriod\tUtfall\nZZ\t2025-01\t5\n",
            "E_UNKNOWN_UNIT",
        ),
        case(
            "unit with a typo",
            Csv,
            format!("{HEAD}a;4010;2025-01;5\n"),
            "E_UNKNOWN_UNIT",
        ),
        case(
            "duplicate rows",
            Csv,
            format!("{HEAD}A;4010;2025-01;5\nA;4010;2025-01;5\n"),
            "W_DUPLICATE_ROW",
        ),
        case(
            "duplicate pasted rows",
            Paste,
            "Enhet\tPeriod\tUtfall\nA\t2025-01\t5\nA\t2025-01\t5\n",
            "W_DUPLICATE_ROW",
        ),
        case(
            "bad kind",
            Csv,
            "Enhet;Konto;Typ;Period;Utfall\nA;P;kanske;2025-01;5\n",
            "E_KIND",
        ),
        case(
            "bad measure",
            Csv,
            "Enhet;Mått;Period;Belopp\nA;plan;2025-01;5\n",
            "E_MEASURE",
        ),
        case("bad year", Csv, "Enhet;År;Jan\nA;20x5;5\n", "E_PARSE_YEAR"),
        case(
            "year out of range",
            Csv,
            "Enhet;År;Jan\nA;1850;5\n",
            "E_PARSE_YEAR",
        ),
        case(
            "kind assumed",
            Csv,
            "Enhet;Kostnadsslag;Period;Utfall\nA;Personal;2025-01;-5\n",
            "W_KIND_ASSUMED",
        ),
        // Encodings.
        case("UTF-16 LE", Csv, b"\xFF\xFEE\x00n\x00", "E_ENCODING"),
        case("UTF-16 BE", Csv, b"\xFE\xFF\x00E\x00n", "E_ENCODING"),
        case(
            "mixed encodings",
            Csv,
            b"Enhet;Period;Utfall;Kommentar\nA;2025-01;5;M\xe5nad\nA;2025-02;6;M\xc3\xa5nad\n",
            "W_MIXED_ENCODING",
        ),
        with(
            case(
                "Windows-1252 given as UTF-8",
                Csv,
                b"Enhet;Period;Utfall;Text\nA;2025-01;5;\xe5\n",
                "E_ENCODING",
            ),
            |o| o.encoding = Some("utf-8".into()),
        ),
        // Periods.
        with(
            case(
                "period outside the year",
                Csv,
                format!("{HEAD}A;4010;2024-12;5\n"),
                "E_PERIOD_OUTSIDE_YEAR",
            ),
            |o| o.year = Some(2025),
        ),
        with(
            case(
                "month column of another year",
                Csv,
                "Enhet;2024-12\nA;5\n",
                "E_PERIOD_OUTSIDE_YEAR",
            ),
            |o| o.year = Some(2025),
        ),
        case(
            "outcome for a whole year",
            Csv,
            format!("{HEAD}A;4010;2025;5\n"),
            "E_PARSE_MONTH",
        ),
        case(
            "forecast for a whole year",
            Csv,
            "Enhet;Period;Prognos\nA;2025;5\n",
            "E_PARSE_MONTH",
        ),
        case(
            "empty period",
            Csv,
            format!("{HEAD}A;4010;;5\n"),
            "E_PARSE_MONTH",
        ),
        // Signs.
        with(
            case(
                "magnitudes without kind",
                Csv,
                "Enhet;Kostnadsslag;Period;Utfall\nA;Personal;2025-01;5\n",
                "E_SIGN_KIND",
            ),
            |o| o.sign = Some("magnitude".into()),
        ),
        with(
            case(
                "magnitudes on a balance account",
                Csv,
                format!("{HEAD}A;1910;2025-01;5\n"),
                "E_SIGN_KIND",
            ),
            |o| o.sign = Some("magnitude".into()),
        ),
        // Options.
        with(
            case(
                "unknown parent",
                Csv,
                format!("{HEAD}X;4010;2025-01;5\n"),
                "E_UNKNOWN_UNIT",
            ),
            |o| o.parent = Some("NOPE".into()),
        ),
        with(case("bad delimiter option", Csv, HEAD, "E_OPTION"), |o| {
            o.delimiter = Some("|".into())
        }),
        with(case("bad sign option", Csv, HEAD, "E_OPTION"), |o| {
            o.sign = Some("upside-down".into())
        }),
        with(case("bad encoding option", Csv, HEAD, "E_OPTION"), |o| {
            o.encoding = Some("ebcdic".into())
        }),
        with(case("bad measure option", Csv, HEAD, "E_OPTION"), |o| {
            o.measure = Some("wish".into())
        }),
        with(case("bad year option", Csv, HEAD, "E_OPTION"), |o| {
            o.year = Some(99)
        }),
        with(case("bad account prefix", Sie, SIE_HEAD, "E_OPTION"), |o| {
            o.revenue_accounts = Some(vec!["3x".into()])
        }),
        // SIE.
        case("empty SIE", Sie, "", "E_EMPTY"),
        case("BOM-only SIE", Sie, "\u{feff}", "E_EMPTY"),
        case("UTF-16 SIE", Sie, b"\xFF\xFE#\x00", "E_ENCODING"),
        case("not SIE at all", Sie, "hello world\n", "W_SIE_NOT_A_RECORD"),
        case("not SIE at all, refused", Sie, "hello world\n", "E_SIE_NOTHING"),
        case("only #FLAGGA", Sie, "#FLAGGA 0\n", "E_SIE_NOTHING"),
        case(
            "SIE type 1: year totals only",
            Sie,
            "#SIETYP 1\r#RAR 0 20250101 20251231\r#UB 0 1910 5.00\r#RES 0 4010 5.00\r",
            "E_SIE_NOTHING",
        ),
        case(
            "voucher transaction with text amount",
            Sie,
            format!("{SIE_HEAD}#VER A 1 20250101\n{{\n#TRANS 4010 {{}} tio\n}}\n"),
            "E_SIE_RECORD",
        ),
        case(
            "voucher transaction on 30 February",
            Sie,
            format!("{SIE_HEAD}#VER A 1 20250101\n{{\n#TRANS 4010 {{}} 10.00 20250230\n}}\n"),
            "E_SIE_RECORD",
        ),
        case(
            "voucher without a date",
            Sie,
            format!("{SIE_HEAD}#VER A 1 \"\"\n{{\n#TRANS 4010 {{}} 10.00\n}}\n"),
            "E_SIE_RECORD",
        ),
        case(
            "vouchers disagree with RES",
            Sie,
            format!("{SIE_HEAD}#RES 0 4010 20.00\n#VER A 1 20250101\n{{\n#TRANS 4010 {{}} 10.00\n#TRANS 1910 {{}} -10.00\n}}\n"),
            "W_SIE_VOUCHERS_RES",
        ),
        case(
            "PSALDO beside vouchers",
            Sie,
            format!("{SIE_HEAD}#PSALDO 0 202501 4010 {{}} 10.00\n#VER A 1 20250101\n{{\n#TRANS 4010 {{}} 10.00\n#TRANS 1910 {{}} -10.00\n}}\n"),
            "W_SIE_VOUCHERS_UNUSED",
        ),
        case(
            "truncated PSALDO",
            Sie,
            format!("{SIE_HEAD}#PSALDO 0 202501 4010 {{}}\n"),
            "E_SIE_RECORD",
        ),
        case(
            "PSALDO cut mid-record",
            Sie,
            format!("{SIE_HEAD}#PSALDO 0 2025"),
            "E_SIE_RECORD",
        ),
        case(
            "PSALDO without objects",
            Sie,
            format!("{SIE_HEAD}#PSALDO 0 202501 4010 100.00\n"),
            "E_SIE_RECORD",
        ),
        case(
            "PSALDO with a bad period",
            Sie,
            format!("{SIE_HEAD}#PSALDO 0 2025-01 4010 {{}} 100.00\n"),
            "E_SIE_RECORD",
        ),
        case(
            "PSALDO with month 13",
            Sie,
            format!("{SIE_HEAD}#PSALDO 0 202513 4010 {{}} 100.00\n"),
            "E_SIE_RECORD",
        ),
        case(
            "PSALDO with a decimal comma",
            Sie,
            format!("{SIE_HEAD}#PSALDO 0 202501 4010 {{}} 100,50\n"),
            "E_SIE_RECORD",
        ),
        case(
            "PSALDO with a huge amount",
            Sie,
            format!("{SIE_HEAD}#PSALDO 0 202501 4010 {{}} 99999999999999999999\n"),
            "E_SIE_RECORD",
        ),
        case(
            "PSALDO with text amount",
            Sie,
            format!("{SIE_HEAD}#PSALDO 0 202501 4010 {{}} tusen\n"),
            "E_SIE_RECORD",
        ),
        case(
            "PSALDO with a bad year",
            Sie,
            format!("{SIE_HEAD}#PSALDO x 202501 4010 {{}} 1\n"),
            "E_SIE_RECORD",
        ),
        case(
            "PBUDGET truncated",
            Sie,
            format!("{SIE_HEAD}#PBUDGET 0 202501\n"),
            "E_SIE_RECORD",
        ),
        case(
            "PBUDGET with exponent",
            Sie,
            format!("{SIE_HEAD}#PBUDGET 0 202501 4010 {{}} 1e5\n"),
            "E_SIE_RECORD",
        ),
        case(
            "checksum never closed",
            Sie,
            format!("#KSUMMA\n{SIE_HEAD}"),
            "E_SIE_CHECKSUM",
        ),
        case(
            "wrong checksum",
            Sie,
            format!("#KSUMMA\n{SIE_HEAD}#KSUMMA 12345\n"),
            "E_SIE_CHECKSUM",
        ),
        case(
            "checksum not a number",
            Sie,
            format!("#KSUMMA\n{SIE_HEAD}#KSUMMA abc\n"),
            "E_SIE_CHECKSUM",
        ),
        case("truncated RAR", Sie, "#SIETYP 4\n#RAR 0\n", "W_SIE_RECORD"),
        case(
            "RAR with a bad date",
            Sie,
            "#SIETYP 4\n#RAR 0 2025-01-01 20251231\n",
            "W_SIE_RECORD",
        ),
        case(
            "IB without amount",
            Sie,
            format!("{SIE_HEAD}#IB 0 1910\n"),
            "W_SIE_RECORD",
        ),
        case(
            "UB with text amount",
            Sie,
            format!("{SIE_HEAD}#UB 0 1910 mycket\n"),
            "W_SIE_RECORD",
        ),
        case(
            "KONTO without number",
            Sie,
            "#SIETYP 4\n#KONTO\n",
            "W_SIE_RECORD",
        ),
        case(
            "OBJEKT without id",
            Sie,
            "#SIETYP 4\n#OBJEKT 1\n",
            "W_SIE_RECORD",
        ),
        case(
            "period outside RAR",
            Sie,
            format!("{SIE_HEAD}#PSALDO 0 202401 4010 {{}} 1.00\n"),
            "W_SIE_PERIOD_OUTSIDE_YEAR",
        ),
        case(
            "unbalanced voucher",
            Sie,
            format!(
                "{SIE_HEAD}#VER A 1 20250101\n{{\n#TRANS 1910 {{}} 100\n#TRANS 4010 {{}} -90\n}}\n"
            ),
            "W_SIE_VOUCHER_UNBALANCED",
        ),
        case(
            "unbalanced voucher at end of file",
            Sie,
            format!("{SIE_HEAD}#VER A 1 20250101\n{{\n#TRANS 1910 {{}} 100\n"),
            "W_SIE_VOUCHER_UNBALANCED",
        ),
        case(
            "balance identity broken",
            Sie,
            format!("{SIE_HEAD}#IB 0 1910 100\n#UB 0 1910 150\n#PSALDO 0 202501 1910 {{}} 20\n"),
            "W_SIE_BALANCE",
        ),
        case(
            "result identity broken",
            Sie,
            format!("{SIE_HEAD}#RES 0 4010 150\n#PSALDO 0 202501 4010 {{}} 20\n"),
            "W_SIE_BALANCE",
        ),
        case(
            "no OMFATTN",
            Sie,
            "#SIETYP 3\n#RAR 0 20250101 20251231\n#PSALDO 0 202501 4010 {} 1\n",
            "W_SIE_NO_OMFATTN",
        ),
        case(
            "format not PC8",
            Sie,
            "#FORMAT ANSI\n#SIETYP 4\n",
            "W_SIE_FORMAT",
        ),
        case(
            "unclosed quote in SIE",
            Sie,
            "#SIETYP 4\n#KONTO 4010 \"Material\n",
            "W_SIE_QUOTE",
        ),
        case(
            "unclosed brace in SIE",
            Sie,
            format!("{SIE_HEAD}#PSALDO 0 202501 4010 {{1 \"A\" 1.00\n"),
            "W_SIE_QUOTE",
        ),
        case(
            "Windows-1252 SIE",
            Sie,
            b"#SIETYP 4\n#FNAMN \"\xc5ngstr\xf6m \xe4r\"\n",
            "W_SIE_ENCODING",
        ),
        case(
            "duplicate SIE total",
            Sie,
            format!("{SIE_HEAD}#PSALDO 0 202501 4010 {{}} 1\n#PSALDO 0 202501 4010 {{}} 1\n"),
            "W_DUPLICATE_ROW",
        ),
        case(
            "broken fiscal year",
            Sie,
            "#SIETYP 3\n#OMFATTN 20250630\n#RAR 0 20240701 20250630\n",
            "W_SIE_FISCAL_YEAR",
        ),
        with(
            case(
                "SIE under an unknown parent",
                Sie,
                format!("{SIE_HEAD}#PSALDO 0 202501 4010 {{}} 1\n"),
                "E_UNKNOWN_UNIT",
            ),
            |o| o.parent = Some("NOPE".into()),
        ),
    ];
    // Text in amount cells, in a CSV file and in a pasted range.
    let bad_amounts = [
        "tolv",
        "1,5,0",
        "12 34",
        "1e5",
        "NaN",
        "inf",
        "--5",
        "5-",
        "1.234,5.6",
        "1 2 3",
        "1,,5",
        "(5",
        "5)",
        "- -5",
        "0x10",
        "½",
        "5 kr kr",
        "1 000 000 000 000 000 000 000 000 000 000",
        "٣",
        "+-5",
    ];
    for (i, amount) in bad_amounts.iter().enumerate() {
        v.push(case(
            format!("CSV amount {amount:?}"),
            Csv,
            format!("{HEAD}A;4010;2025-01;{amount}\n"),
            "E_PARSE_AMOUNT",
        ));
        if i % 2 == 0 {
            v.push(case(
                format!("pasted amount {amount:?}"),
                Paste,
                format!("Enhet\tPeriod\tUtfall\r\nA\t2025-01\t{amount}\r\n"),
                "E_PARSE_AMOUNT",
            ));
        }
    }
    for huge in [
        "1 000 000 000 000 001",
        "99999999999999999999",
        "-2 000 000 000 000 000",
        "2 000 000 000 mnkr",
    ] {
        v.push(case(
            format!("huge {huge:?}"),
            Csv,
            format!("{HEAD}A;4010;2025-01;{huge}\n"),
            "E_AMOUNT_RANGE",
        ));
    }
    // Finer than an öre after the column's scale (`(tkr)` in the header scales the column).
    for (head, amount) in [
        (HEAD, "-1000,005"),
        (HEAD, "1.005"),
        (HEAD, "0,001 kr"),
        ("Enhet;Konto;Period;Utfall (tkr)\n", "1,234567"),
        (HEAD, "999.999"),
        ("Enhet;Konto;Period;Utfall (mnkr)\n", "0,000000001"),
    ] {
        v.push(case(
            format!("finer than an öre {amount:?} under {head:?}"),
            Csv,
            format!("{head}A;4010;2025-01;{amount}\n"),
            "E_AMOUNT_PRECISION",
        ));
    }
    v.push(case(
        "pasted amount finer than an öre",
        Paste,
        "Enhet\tPeriod\tUtfall\r\nA\t2025-01\t-1000,005\r\n",
        "E_AMOUNT_PRECISION",
    ));
    for ambiguous in ["1,500", "1.500", "-2,000", "99,900"] {
        v.push(case(
            format!("ambiguous {ambiguous:?}"),
            Csv,
            format!("{HEAD}A;4010;2025-01;{ambiguous}\n"),
            "W_AMBIGUOUS_AMOUNT",
        ));
    }
    let bad_periods = [
        "2025-13",
        "2025-00",
        "202513",
        "13",
        "0",
        "2025-1-1-1",
        "förra månaden",
        "Q1 2025",
        "2025-02-32",
        "2025-02-30",
        "2025-02-29",
        "2025-06-31",
        "jan.",
        "25-01",
        "1899-12",
    ];
    for period in bad_periods {
        v.push(with(
            case(
                format!("period {period:?}"),
                Csv,
                format!("{HEAD}A;4010;{period};5\n"),
                "E_PARSE_MONTH",
            ),
            |o| {
                if period.len() <= 2 {
                    o.year = Some(2025)
                }
            },
        ));
    }
    v
}

#[test]
fn every_bad_input_gets_a_located_code_and_changes_nothing() {
    let cases = cases();
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let mut ws = workspace();
        let before = ws.document().clone();
        let result = match c.format {
            Format::Csv => ws.import_csv(&c.bytes, &c.options),
            Format::Paste => ws.import_paste(&String::from_utf8_lossy(&c.bytes), &c.options),
            Format::Sie => ws.import_sie(&c.bytes, &c.options),
        };
        let found = match &result {
            Ok(report) => report
                .warnings
                .iter()
                .chain(&report.errors)
                .find(|i| i.code == c.code)
                .map(|i| (i.at.line.is_some() || i.at.field.is_some(), i.code)),
            Err(e) => match e.report() {
                Some(report) => {
                    if ws.document() != &before {
                        failures.push(format!("{}: rejected but the workspace changed", c.name));
                    }
                    report
                        .errors
                        .iter()
                        .chain(&report.warnings)
                        .find(|i| i.code == c.code)
                        .map(|i| (i.at.line.is_some() || i.at.field.is_some(), i.code))
                }
                // Options are checked before anything is read; the error names the option.
                None => (e.code() == c.code).then_some((e.field().is_some(), e.code())),
            },
        };
        match found {
            Some((true, _)) => {}
            Some((false, _)) => failures.push(format!(
                "{}: {} without a location: {result:?}",
                c.name, c.code
            )),
            None => failures.push(format!("{}: expected {}, got {result:?}", c.name, c.code)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
