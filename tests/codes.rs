//! The one list of codes (`balans::CODES`) against the code and the docs: every `E_…`/`W_…` code
//! written in `src/` (outside its tests) or in the packages' own JavaScript (`js/`) is in the
//! list, each once, and `docs/errors.md` has exactly the list's rows, in its order, with its
//! meanings.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use balans::CODES;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, without test files, and the package's JavaScript in `js/`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            sources(&path, out);
        } else if name.ends_with(".rs") && name != "tests.rs" && !name.ends_with("_tests.rs") {
            out.push(path);
        }
    }
    if dir == root().join("src") {
        for entry in std::fs::read_dir(root().join("js")).unwrap() {
            out.push(entry.unwrap().path());
        }
    }
}

/// The `"E_…"` and `"W_…"` literals of `text` (in JavaScript, `'E_…'`) before its first
/// `#[cfg(test)]`.
fn codes_in(path: &Path, text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap();
    let quote = if path.extension().is_some_and(|e| e == "rs") {
        '"'
    } else {
        '\''
    };
    let mut found = Vec::new();
    for part in code.split(quote).skip(1).step_by(2) {
        let is_code = (part.starts_with("E_") || part.starts_with("W_"))
            && part.len() > 2
            && part
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if is_code {
            found.push(part.to_string());
        }
    }
    found
}

#[test]
fn every_code_in_the_source_is_listed_once() {
    let listed: Vec<&str> = CODES.iter().map(|c| c.code).collect();
    let unique: BTreeSet<&str> = listed.iter().copied().collect();
    assert_eq!(unique.len(), listed.len(), "a code is listed twice");

    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    let mut written = BTreeSet::new();
    for file in files {
        for code in codes_in(&file, &std::fs::read_to_string(&file).unwrap()) {
            assert!(
                unique.contains(code.as_str()),
                "{code} (in {}) is not in src/error/codes.rs",
                file.display()
            );
            written.insert(code);
        }
    }
    // The list holds no code that nothing gives (a finder of codes that missed one would
    // otherwise pass unseen): the file that defines the list is left out of `written`'s
    // sources only by name, so every listed code must be written somewhere else too.
    let codes_file = std::fs::read_to_string(root().join("src/error/codes.rs")).unwrap();
    let mut elsewhere = BTreeSet::new();
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    for file in files.iter().filter(|f| !f.ends_with("error/codes.rs")) {
        elsewhere.extend(codes_in(file, &std::fs::read_to_string(file).unwrap()));
    }
    for code in &listed {
        assert!(codes_file.contains(code));
        assert!(
            elsewhere.contains(*code),
            "{code} is listed but no code gives it"
        );
    }
}

#[test]
fn the_docs_table_is_the_list() {
    let docs = std::fs::read_to_string(root().join("docs/errors.md")).unwrap();
    let rows: Vec<(String, String)> = docs
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .map(|rest| {
            let (code, meaning) = rest.split_once("` | ").expect("| `CODE` | meaning |");
            let meaning = meaning.strip_suffix(" |").expect("a row ends with |");
            (code.to_string(), meaning.to_string())
        })
        .collect();
    let list: Vec<(String, String)> = CODES
        .iter()
        .map(|c| (c.code.to_string(), c.meaning.to_string()))
        .collect();
    assert_eq!(rows, list, "docs/errors.md differs from src/error/codes.rs");
}
