//! One archive per kind of bad input under `tests/errors/`, each with the
//! exact diagnostics a user must see in `expected.txt`: a `status:` line
//! (`fails` or `succeeds`), then one `path:line: severity: message` per line.
//!
//! After a deliberate change of wording, regenerate with
//! `PLENARY_BLESS=1 cargo test --test error_fixtures` and review the diff.

mod common;

use common::*;
use std::fs;

fn report_text(case: &std::path::Path) -> String {
    let b = build_copy(case);
    let status = if b.report.succeeded() {
        "succeeds"
    } else {
        "fails"
    };
    let mut text = format!("status: {status}\n");
    for d in &b.report.diagnostics {
        text.push_str(&format!("{d}\n"));
    }
    if b.report.succeeded() {
        assert!(
            b.out().join("index.html").is_file(),
            "a successful build writes the site"
        );
    } else {
        assert!(!b.out().exists(), "a failed build writes nothing");
    }
    text
}

#[test]
fn every_bad_input_gets_its_exact_diagnostic() {
    let root = repo_root().join("tests/errors");
    let mut cases: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "the fixtures are there");
    let bless = std::env::var_os("PLENARY_BLESS").is_some();
    let mut failures = Vec::new();
    for case in cases {
        let actual = report_text(&case);
        let expected_file = case.join("expected.txt");
        if bless {
            fs::write(&expected_file, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_file).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- actual\n{actual}",
                case.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
