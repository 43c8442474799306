//! YAML parsing with diagnostics that point at the line in the user's file.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use std::path::Path;

use crate::diagnostics::Diagnostic;

/// Parses `text` as YAML into `T`. `first_line` is the line of the file on
/// which `text` starts, so that errors name the line the user sees.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    serde_yaml::from_str(text).map_err(|e| {
        let line = e
            .location()
            .map(|l| first_line + l.line() - 1)
            .unwrap_or(first_line);
        Diagnostic::error(path, line, describe(&e))
    })
}

/// serde_yaml's message without its own " at line L column C" suffix, which
/// counts from the start of the YAML text rather than of the file.
fn describe(e: &serde_yaml::Error) -> String {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(at) => &full[..at],
        None => &full,
    };
    format!("invalid YAML: {message}")
}

/// The 1-based line within `text` on which `key:` first appears, for
/// diagnostics about values that parsed but make no sense.
pub fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|r| r.starts_with(':'))
        })
        .map(|i| i + 1)
}

/// A scalar that users may write either as a number or as a string
/// (`number: 10` or `number: "251 B"`).
pub fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Scalar {
        Text(String),
        Int(i64),
    }
    Ok(Option::<Scalar>::deserialize(d)?.map(|s| match s {
        Scalar::Text(t) => t,
        Scalar::Int(i) => i.to_string(),
    }))
}
