//! Replays every input the fuzzers kept (`fuzz/corpus/`, minimised with
//! `cargo fuzz cmin`) and every crash they found (`fuzz/regressions/`)
//! through the same checks as the fuzz targets.

use plenary::fuzzing::{parse_bytes, recognise_text, Setup};
use std::fs;
use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for dir in [
        root.join("corpus").join(target),
        root.join("regressions").join(target),
    ] {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let path = e.unwrap().path();
            out.push((path.display().to_string(), fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}

/// Runs `check` on every saved input of `target`; the first failure fails.
fn replay(target: &str, check: impl Fn(&Setup, &[u8]) -> Result<(), String>) {
    let setup = Setup::new().unwrap();
    let inputs = inputs(target);
    assert!(inputs.len() > 100, "the {target} corpus is missing");
    for (name, data) in inputs {
        if let Err(e) = check(&setup, &data) {
            panic!("{name}: {e}");
        }
    }
}

#[test]
fn parser_corpus_replays_cleanly() {
    replay("parse", parse_bytes);
}

#[test]
fn recogniser_corpus_replays_cleanly() {
    // The target takes only UTF-8 text, as libFuzzer's `&str` does.
    replay("recognise", |setup, data| match std::str::from_utf8(data) {
        Ok(text) => recognise_text(setup, text),
        Err(_) => Ok(()),
    });
}
