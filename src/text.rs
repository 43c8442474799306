//! Small text helpers shared by the stages.

use regex::Regex;
use std::borrow::Cow;

/// `U+000C (form feed)`, for messages.
pub(crate) fn codepoint(c: char) -> String {
    let name = match c {
        '\0' => " (NUL)",
        '\t' => " (tab)",
        '\n' => " (line feed)",
        '\r' => " (carriage return)",
        '\u{c}' => " (form feed)",
        '\u{1b}' => " (escape)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// Whether XML 1.0 forbids `c` anywhere in a document: the C0 controls
/// other than tab, line feed and carriage return, and U+FFFE and U+FFFF.
/// A feed reader or validator rejects a file holding one.
pub(crate) fn forbidden_in_xml(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// `text` with every character XML 1.0 forbids replaced by U+FFFD.
pub(crate) fn xml_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(forbidden_in_xml) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if forbidden_in_xml(c) { '\u{fffd}' } else { c })
            .collect(),
    )
}

/// Compiles one of plenary's own regular expressions. They are constants
/// exercised by the unit tests, so a failure here is a bug in plenary and
/// never depends on the input.
#[allow(clippy::panic)]
pub(crate) fn built_in(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern does not compile: {e}"))
}

/// Natural-order sort key: runs of digits compare as numbers, so `9` sorts
/// before `10` and `76/9` before `76/10`.
pub(crate) fn natural_key(text: &str) -> Vec<NaturalChunk> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let digits = c.is_ascii_digit();
        let end = rest
            .find(|ch: char| ch.is_ascii_digit() != digits)
            .unwrap_or(rest.len());
        let (chunk, tail) = rest.split_at(end);
        out.push(if digits {
            let trimmed = chunk.trim_start_matches('0');
            NaturalChunk::Number(trimmed.len(), trimmed.to_string())
        } else {
            NaturalChunk::Text(chunk.to_lowercase())
        });
        rest = tail;
    }
    out
}

/// One piece of a natural sort key. Numbers sort before text; a number is
/// compared by its length in digits, then by its digits, so any length works.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum NaturalChunk {
    Number(usize, String),
    Text(String),
}

/// `n` in Roman numerals, up to 39 (sections, and the Assembly's sessions
/// numbered so, go no further).
pub(crate) fn roman(n: u32) -> Option<String> {
    let ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let tens = ["", "X", "XX", "XXX"];
    let (t, o) = (usize::try_from(n / 10).ok()?, usize::try_from(n % 10).ok()?);
    let ten = tens.get(t).filter(|_| n > 0)?;
    Some(format!("{ten}{}", ones.get(o)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_xml_forbids_becomes_a_replacement_character() {
        assert_eq!(
            xml_safe("a\u{c}b\u{1b}c\u{fffe}\td\n"),
            "a\u{fffd}b\u{fffd}c\u{fffd}\td\n"
        );
        assert!(matches!(xml_safe("plain é"), Cow::Borrowed(_)));
        assert_eq!(codepoint('\u{c}'), "U+000C (form feed)");
        assert_eq!(codepoint('\u{fffe}'), "U+FFFE");
    }

    #[test]
    fn natural_order_puts_9_before_10() {
        let mut v = vec!["76/10", "76/9", "ES-11/6", "76/100", "75/251 B", "75/251 A"];
        v.sort_by_key(|s| natural_key(s));
        assert_eq!(
            v,
            ["75/251 A", "75/251 B", "76/9", "76/10", "76/100", "ES-11/6"]
        );
    }
}
