//! AKN4UN names: a UN resolution is the FRBR work
//! `/akn/un/statement/deliberation/unga/2021-12-01/76-10/`.

use crate::config::Config;
use crate::site::Entry;

/// What names a resolution as an AKN work.
pub struct Work {
    /// `/akn/un/statement/deliberation/unga/2021-12-01/76-10/`
    pub uri: String,
    /// The adoption date, `2021-12-01`.
    pub date: String,
    /// The body's AKN4UN code, `unga`.
    pub author: String,
    pub body_name: String,
    /// `76-10`
    pub number: String,
    /// `A/RES/76/10`
    pub symbol: String,
}

impl Work {
    /// None when the resolution has no adoption date or no known body.
    pub fn of(config: &Config, e: &Entry) -> Option<Work> {
        let meta = &e.resolution.meta;
        let date = meta.adopted?.to_string();
        let body = config.body(&meta.body)?;
        let author = body.akn.clone();
        let number = number_part(&e.cited_as);
        Some(Work {
            uri: format!("/akn/un/statement/deliberation/{author}/{date}/{number}/"),
            date,
            author,
            body_name: body.name.clone(),
            number,
            symbol: meta.symbol.clone(),
        })
    }
}

/// The number as cited, made a path segment: `76/10` → `76-10`,
/// `1325 (2000)` → `1325-2000`, `75/251 B` → `75-251-B`.
pub(crate) fn number_part(cited_as: &str) -> String {
    let mut out = String::new();
    for part in cited_as.split(|c: char| !c.is_ascii_alphanumeric()) {
        if !part.is_empty() {
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_akn4un_writes_them() {
        assert_eq!(number_part("76/10"), "76-10");
        assert_eq!(number_part("ES-11/6"), "ES-11-6");
        assert_eq!(number_part("1325 (2000)"), "1325-2000");
        assert_eq!(number_part("75/251 B"), "75-251-B");
    }
}
