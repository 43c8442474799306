//! YAML parsing with diagnostics that point at the line in the user's file.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use std::path::Path;

use regex::Regex;
use std::sync::LazyLock;

use crate::diagnostics::Diagnostic;
use crate::text::built_in;

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
    let message = POSITION.replace_all(&e.to_string(), "").into_owned();
    let message = STRUCT.replace_all(&message, "expected a mapping of keys such as `title: …`");
    format!("invalid YAML: {message}")
}

static POSITION: LazyLock<Regex> = LazyLock::new(|| built_in(r" at line \d+ column \d+"));
static STRUCT: LazyLock<Regex> = LazyLock::new(|| built_in(r"expected struct \w+"));

/// The 1-based line within `text` on which `key:` first appears, for
/// diagnostics about values that parsed but make no sense.
pub(crate) fn key_line(text: &str, key: &str) -> Option<usize> {
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
pub(crate) fn string_or_number<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
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
