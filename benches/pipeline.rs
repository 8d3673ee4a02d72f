//! The native leg of `make bench`: the crate, release build, from the bench's input bytes (sv-SE
//! CSV, or the same rows as a schema 1 document) to the deviation report as of August, timed per
//! phase (decode, parse, aggregate, report), with the process's peak RSS.
//!
//! Not a test and not the bench runner: `benches/run.mjs` generates the input, runs this binary
//! beside the WebAssembly and JavaScript implementations, and compares their reports.
//!
//!   cargo bench --bench pipeline -- FILE --region REGION [--runs 5] [--digest OUT]
//!
//! REGION (units and cost types) is imported first, untimed; FILE holds the rows.
//!
//! Prints one JSON line: `{ "phases": { name: [ms per run] }, "peakRssBytes": n }`; with
//! `--digest`, writes the report's amounts (`benches/digest.mjs` reads them).

use std::time::Instant;

use balans::import::codepage::{self, Encoding};
use balans::import::json;
use balans::import::{assemble, csv, ImportOptions};
use balans::Document;
use balans::ImportReport;
use balans::Workspace;
use balans::{DeviationOptions, DeviationReport};

/// The report month of the bench (the generator books outcome through it).
const AS_OF: &str = "2025-08";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let usage = "usage: pipeline FILE --region REGION [--runs N] [--digest OUT]";
    let file = args.first().expect(usage);
    let region = std::fs::read(flag("--region").expect(usage)).expect("read the region file");
    let region: serde_json::Value = serde_json::from_slice(&region).expect("region JSON");
    let runs: usize = flag("--runs").map_or(5, |n| n.parse().expect("--runs N"));
    let bytes = std::fs::read(file).expect("read the input file");

    let names = ["decode", "parse", "aggregate", "report", "total"];
    let mut phases: Vec<Vec<f64>> = vec![Vec::new(); names.len()];
    let mut last = None;
    for _ in 0..runs {
        let (times, report) = run(&region, &bytes);
        for (phase, ms) in phases.iter_mut().zip(times) {
            phase.push(ms);
        }
        last = Some(report);
    }
    if let (Some(out), Some(report)) = (flag("--digest"), &last) {
        std::fs::write(out, digest(report)).expect("write the digest");
    }
    let phases: Vec<String> = names
        .iter()
        .zip(&phases)
        .map(|(name, ms)| format!("\"{name}\":{ms:?}"))
        .collect();
    println!(
        "{{\"phases\":{{{}}},\"peakRssBytes\":{}}}",
        phases.join(","),
        peak_rss()
    );
}

/// One pass from bytes to report; the milliseconds of each phase and of the whole.
fn run(region: &serde_json::Value, bytes: &[u8]) -> ([f64; 5], DeviationReport) {
    let mut ws = Workspace::new();
    ws.import(json::read(|| region).expect("a schema 1 region"))
        .expect("the region imports");
    let start = Instant::now();
    let (decode, parse, doc) = if bytes.starts_with(b"{") {
        read_json(bytes)
    } else {
        read_csv(bytes, ws.document())
    };
    let t = Instant::now();
    ws.import(doc).expect("the document imports");
    let aggregate = ms(t);
    let t = Instant::now();
    let options = DeviationOptions {
        as_of: AS_OF.into(),
        ..DeviationOptions::default()
    };
    let report = ws.deviation(&options).expect("the report");
    let report_ms = ms(t);
    ([decode, parse, aggregate, report_ms, ms(start)], report)
}

/// A schema 1 document: decode is the UTF-8 check, parse the JSON and the schema.
fn read_json(bytes: &[u8]) -> (f64, f64, Document) {
    let t = Instant::now();
    let text = std::str::from_utf8(bytes).expect("UTF-8 input");
    let decode = ms(t);
    let t = Instant::now();
    let value: serde_json::Value = serde_json::from_str(text).expect("JSON input");
    let doc = json::read(|| &value).expect("a schema 1 document");
    (decode, ms(t), doc)
}

/// The CSV reader's two steps, as `importCsv` runs them: decode (encoding), then split, read
/// the table and assemble the document.
fn read_csv(bytes: &[u8], existing: &Document) -> (f64, f64, Document) {
    let settings = ImportOptions::default()
        .settings()
        .expect("default options");
    let mut report = ImportReport::new("csv", None);
    let t = Instant::now();
    let text = codepage::decode(bytes, settings.encoding, Encoding::Windows1252, &mut report)
        .expect("decodable input");
    let decode = ms(t);
    let t = Instant::now();
    let gathered = csv::read_text(&text, b';', &settings, &mut report);
    let doc = assemble::document(gathered, existing, &settings, &mut report);
    assert!(!report.is_rejected(), "the CSV imports: {report:?}");
    (decode, ms(t), doc)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

/// The amounts the implementations must agree on, one unit a line, in report order.
fn digest(report: &DeviationReport) -> String {
    let mut out = String::new();
    for row in &report.rows {
        let figures = [&row.period, &row.tertial, &row.ytd];
        let mut cells = vec![row.head.unit.clone()];
        for f in figures {
            // A unit with no outcome booked through the month has none (an empty cell).
            let [outcome, deviation] = [f.outcome, f.deviation].map(|a| a.map(|a| a.to_string()));
            cells.push(f.budget.to_string());
            cells.extend([outcome, deviation].map(Option::unwrap_or_default));
        }
        cells.push(row.full_year.budget.to_string());
        out.push_str(&cells.join(";"));
        out.push('\n');
    }
    out
}

/// The process's peak resident set size (VmHWM), in bytes; 0 where /proc is missing.
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}
