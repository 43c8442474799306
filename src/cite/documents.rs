//! Document symbols written out in the text: `E/CN.9/1997/2`, `A/51/3
//! (Part I)`, `PROV/ST/ESA/STAT/SER.M/58/Rev.1`, the two halves of a joint
//! symbol such as `A/76/299-S/2021/749`, and resolution symbols such as
//! `A/RES/73/89` or `S/RES/242 (1967)`.

use regex::Regex;

use super::{Found, Kind};
use crate::config::Config;
use crate::text::built_in;
use crate::urls::{Placeholder, Values};

pub struct Documents {
    symbol: Regex,
    /// Each body's resolution symbol, to tell a resolution from another
    /// document and write its symbol as the archive does.
    resolution_symbols: Vec<(String, crate::urls::Pattern, Regex)>,
}

impl Documents {
    pub fn new(config: &Config) -> Documents {
        let resolution_symbols = config
            .bodies
            .iter()
            .map(|b| {
                let source = b.symbol.regex_source(|p| match p {
                    Placeholder::Session => r"(?P<session>(?:ES-|S-)?\d+)".to_string(),
                    Placeholder::Number => r"(?P<number>\d+)".to_string(),
                    Placeholder::Body => regex::escape(&b.key),
                });
                (
                    b.key.clone(),
                    b.symbol.clone(),
                    built_in(&format!("^{source}$")),
                )
            })
            .collect();
        Documents {
            // A symbol starts with an upper-case series code (`A`, `E`,
            // `CCW`), has at least one `/`, and may end in `(Part I)`. A `-`
            // joins two symbols unless it is inside a segment (`ES-10`).
            symbol: built_in(
                r"\b[A-Z][A-Z0-9]*(?:\.[A-Za-z0-9]+)*(?:/(?:[A-Z]+-\d+|[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*))+(?:\s?\(\d{4}\))?(?:\s\((?:Part|Sect\.|Vol\.)\s?[^()]{1,20}\))?",
            ),
            resolution_symbols,
        }
    }

    /// Adds the symbols in `text` that no earlier citation covers.
    pub fn find(&self, text: &str, found: &mut Vec<Found>) {
        let taken: Vec<std::ops::Range<usize>> = found.iter().map(|f| f.range.clone()).collect();
        for m in self.symbol.find_iter(text) {
            let symbol = m.as_str();
            if !symbol.contains(|c: char| c.is_ascii_digit()) {
                continue;
            }
            if taken.iter().any(|r| r.start < m.end() && m.start() < r.end) {
                continue;
            }
            // `E/CN.9/1997/2.` ends a sentence: the full stop is not the symbol's.
            let trimmed = symbol.trim_end_matches('.');
            let range = m.start()..m.start() + trimmed.len();
            let (kind, symbol) = match self.as_resolution(trimmed) {
                Some(s) => (Kind::Resolution, s),
                None => (Kind::Document, trimmed.to_string()),
            };
            found.push(Found {
                range,
                kind,
                symbol,
                paragraph: None,
                local: false,
                within: false,
            });
        }
    }

    /// `S/RES/242(1967)` → `S/RES/242 (1967)`, as the archive writes it.
    fn as_resolution(&self, symbol: &str) -> Option<String> {
        self.resolution_symbols
            .iter()
            .find_map(|(key, pattern, re)| {
                let c = re.captures(symbol)?;
                Some(pattern.fill(Values {
                    body: key,
                    session: c.name("session").map_or("", |m| m.as_str()),
                    number: c.name("number")?.as_str(),
                }))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn symbols(text: &str) -> Vec<(Kind, String, String)> {
        let config = Config::parse("", Path::new("config.yaml")).unwrap();
        let mut found = Vec::new();
        Documents::new(&config).find(text, &mut found);
        found
            .into_iter()
            .map(|f| (f.kind, f.symbol, text[f.range].to_string()))
            .collect()
    }

    fn doc(s: &str) -> (Kind, String, String) {
        (Kind::Document, s.to_string(), s.to_string())
    }

    #[test]
    fn document_symbols_of_every_shape() {
        assert_eq!(symbols("E/CN.9/1997/2."), [doc("E/CN.9/1997/2")]);
        assert_eq!(
            symbols("PROV/ST/ESA/STAT/SER.M/58/Rev.1."),
            [doc("PROV/ST/ESA/STAT/SER.M/58/Rev.1")]
        );
        assert_eq!(
            symbols("see A/51/3 (Part I), chap. I"),
            [doc("A/51/3 (Part I)")]
        );
        assert_eq!(
            symbols("A/76/299-S/2021/749."),
            [doc("A/76/299"), doc("S/2021/749")]
        );
        assert_eq!(symbols("A/ES-10/273/Corr.1"), [doc("A/ES-10/273/Corr.1")]);
        assert_eq!(
            symbols("E/CN.4/2001/2–E/CN.4/Sub.2/2000/46, chap. II"),
            [doc("E/CN.4/2001/2"), doc("E/CN.4/Sub.2/2000/46")]
        );
    }

    #[test]
    fn resolution_symbols_are_resolutions() {
        assert_eq!(
            symbols("S/RES/242(1967) and A/RES/73/89"),
            [
                (
                    Kind::Resolution,
                    "S/RES/242 (1967)".into(),
                    "S/RES/242(1967)".into()
                ),
                (Kind::Resolution, "A/RES/73/89".into(), "A/RES/73/89".into())
            ]
        );
    }

    #[test]
    fn not_symbols() {
        assert!(
            symbols("decision 1/CP.21 and HIV/AIDS and 2022/23, Sales No. E.95.XIII.18").is_empty()
        );
    }
}
