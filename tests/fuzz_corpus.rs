//! Replays what the fuzzers found through the same checks as the fuzz
//! targets: the inputs that added coverage beyond the seeds
//! (`fuzz/found/TARGET.b64`, one base64 line each), every crash or slow
//! input (`fuzz/regressions/`), and a local corpus (`fuzz/corpus/`, not in
//! git) when one is there.

use base64::Engine;
use plenary::fuzzing::{import_akn, output_path, parse_bytes, recognise_text, Setup};
use std::fs;
use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    let packed = root.join("found").join(format!("{target}.b64"));
    let text = fs::read_to_string(&packed).unwrap_or_default();
    for (n, line) in text.lines().enumerate() {
        let data = base64::engine::general_purpose::STANDARD
            .decode(line)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", packed.display(), n + 1));
        out.push((format!("{}:{}", packed.display(), n + 1), data));
    }
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
    assert!(inputs.len() > 100, "the {target} inputs are missing");
    for (name, data) in inputs {
        if let Err(e) = check(&setup, &data) {
            panic!("{name}: {e}");
        }
    }
}

/// The fuzz targets take text as libFuzzer's `&str` does: UTF-8 only.
fn text(data: &[u8], check: impl Fn(&str) -> Result<(), String>) -> Result<(), String> {
    std::str::from_utf8(data).map_or(Ok(()), check)
}

#[test]
fn parser_inputs_replay_cleanly() {
    replay("parse", parse_bytes);
}

#[test]
fn recogniser_inputs_replay_cleanly() {
    replay("recognise", |setup, data| {
        text(data, |t| recognise_text(setup, t))
    });
}

#[test]
fn output_path_inputs_replay_cleanly() {
    replay("output_path", |_, data| {
        output_path(&String::from_utf8_lossy(data))
    });
}

#[test]
fn importer_inputs_replay_cleanly() {
    replay("import_akn", import_akn);
}
