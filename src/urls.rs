//! Patterns such as `/ga/{session}/{number}/` and `A/RES/{session}/{number}`,
//! and the URL-safe slugs that fill them.
//!
//! Permalinks are a promise to everyone who cites the site, so the rules
//! here are deliberately small: placeholders are replaced by slugs of the
//! document's own numbering, nothing else.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    Body,
    Session,
    Number,
}

impl Placeholder {
    fn name(self) -> &'static str {
        match self {
            Placeholder::Body => "body",
            Placeholder::Session => "session",
            Placeholder::Number => "number",
        }
    }
}

impl fmt::Display for Placeholder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{{{}}}", self.name())
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Literal(String),
    Var(Placeholder),
}

/// A text with `{body}`, `{session}` and `{number}` placeholders.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    source: String,
    parts: Vec<Part>,
}

/// The values a pattern is filled with.
#[derive(Debug, Clone, Copy)]
pub struct Values<'a> {
    pub body: &'a str,
    pub session: &'a str,
    pub number: &'a str,
}

impl Pattern {
    pub fn parse(text: &str) -> Result<Pattern, String> {
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(Part::Literal(rest[..open].to_string()));
            }
            let after = &rest[open + 1..];
            let close = after
                .find('}')
                .ok_or_else(|| format!("`{text}` has a `{{` without its `}}`"))?;
            let var = match &after[..close] {
                "body" => Placeholder::Body,
                "session" => Placeholder::Session,
                "number" => Placeholder::Number,
                other => {
                    return Err(format!(
                    "`{{{other}}}` is not a placeholder (use {{body}}, {{session}} or {{number}})"
                ))
                }
            };
            parts.push(Part::Var(var));
            rest = &after[close + 1..];
        }
        if rest.contains('}') {
            return Err(format!("`{text}` has a `}}` without its `{{`"));
        }
        if !rest.is_empty() {
            parts.push(Part::Literal(rest.to_string()));
        }
        Ok(Pattern {
            source: text.to_string(),
            parts,
        })
    }

    pub fn has(&self, p: Placeholder) -> bool {
        self.parts.contains(&Part::Var(p))
    }

    /// The pattern with the values written as they are (for symbols).
    pub(crate) fn fill(&self, v: Values) -> String {
        self.fill_with(v, |s| s.to_string())
    }

    /// The pattern with each value made URL-safe (for permalinks).
    pub(crate) fn fill_slugs(&self, v: Values) -> String {
        self.fill_with(v, slug)
    }

    /// A regular expression matching text written in this pattern, with
    /// `sub` giving the expression for each placeholder. A space in the
    /// pattern matches any run of spaces, or none before `(`.
    pub(crate) fn regex_source(&self, sub: impl Fn(Placeholder) -> String) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Literal(l) => {
                    for c in l.chars() {
                        if c == ' ' {
                            out.push_str(r"\s*");
                        } else {
                            out.push_str(&regex::escape(&c.to_string()));
                        }
                    }
                }
                Part::Var(v) => out.push_str(&sub(*v)),
            }
        }
        out
    }

    /// The literal text before the first placeholder (`A/RES/`).
    pub(crate) fn prefix(&self) -> &str {
        match self.parts.first() {
            Some(Part::Literal(l)) => l,
            _ => "",
        }
    }

    fn fill_with(&self, v: Values, f: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Literal(l) => out.push_str(l),
                Part::Var(Placeholder::Body) => out.push_str(&f(v.body)),
                Part::Var(Placeholder::Session) => out.push_str(&f(v.session)),
                Part::Var(Placeholder::Number) => out.push_str(&f(v.number)),
            }
        }
        out
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// A URL path segment for a number or session: lower-case ASCII letters and
/// digits, other runs of characters turned into one `-` (`251 B` → `251-b`,
/// `ES-11` → `es-11`).
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// The search page, and the folder of its index; each other language's
/// under its code (`/fr/search/`).
pub(crate) const SEARCH: &str = "/search/";

/// Site path `path` in `language`: unchanged in the archive's default
/// language, under the language's code in the others (`/fr/ga/74/1/`).
pub(crate) fn in_language(default: &str, language: &str, path: &str) -> String {
    if language == default {
        path.to_string()
    } else {
        format!("/{language}{path}")
    }
}

/// The permanent address of a resolution by its document symbol, as the UN
/// writes symbols in addresses: case kept, no space before a bracket, a
/// `.` kept between two letters or digits (`UNEP/EA.6/Res.3`), any other
/// space and anything outside letters, digits and `/ - ( )` made one `-`
/// (so no segment is `.` or `..`) (`A/RES/76/10` → `/A/RES/76/10/`,
/// `S/RES/1325 (2000)` → `/S/RES/1325(2000)/`, `A/RES/75/251 B` →
/// `/A/RES/75/251-B/`).
pub(crate) fn symbol_path(symbol: &str) -> String {
    let symbol = symbol.trim().replace(" (", "(");
    let mut out = String::with_capacity(symbol.len() + 2);
    out.push('/');
    let mut dash = false;
    let mut chars = symbol.chars().peekable();
    while let Some(c) = chars.next() {
        let inner_dot = c == '.'
            && !dash
            && out.ends_with(|p: char| p.is_ascii_alphanumeric())
            && chars.peek().is_some_and(char::is_ascii_alphanumeric);
        if c == '/' && out.ends_with('/') {
            dash = false;
        } else if inner_dot || c.is_ascii_alphanumeric() || "/-()".contains(c) {
            if dash && !out.ends_with(['/', '-']) {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    if !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// A site path (`/ga/76/10/`) as a link that works under the site's base
/// path (`/archive/ga/76/10/`).
pub(crate) fn under_base(base_path: &str, site_path: &str) -> String {
    format!("{base_path}{}", site_path.trim_start_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const V: Values = Values {
        body: "ga",
        session: "ES-11",
        number: "251 B",
    };

    #[test]
    fn fills_slugs_for_urls_and_text_for_symbols() {
        let p = Pattern::parse("/{body}/{session}/{number}/").unwrap();
        assert_eq!(p.fill_slugs(V), "/ga/es-11/251-b/");
        let s = Pattern::parse("A/RES/{session}/{number}").unwrap();
        assert_eq!(s.fill(V), "A/RES/ES-11/251 B");
    }

    #[test]
    fn symbol_paths_keep_the_symbol_readable() {
        assert_eq!(symbol_path("A/RES/76/10"), "/A/RES/76/10/");
        assert_eq!(symbol_path("S/RES/1325 (2000)"), "/S/RES/1325(2000)/");
        assert_eq!(symbol_path("UNEP/EA.6/Res.3"), "/UNEP/EA.6/Res.3/");
        assert_eq!(symbol_path("A/C.3/74/L.1"), "/A/C.3/74/L.1/");
        assert_eq!(symbol_path("A/../RES/1"), "/A/RES/1/");
        assert_eq!(symbol_path("A/x../RES"), "/A/x-/RES/");
        assert_eq!(symbol_path("A/RES/1."), "/A/RES/1/");
        assert_eq!(symbol_path("A/RES/75/251 B"), "/A/RES/75/251-B/");
        assert_eq!(symbol_path("A/HRC/RES/S-29/1"), "/A/HRC/RES/S-29/1/");
        assert_eq!(symbol_path("E/RES/1997/2?#x"), "/E/RES/1997/2-x/");
        assert_eq!(symbol_path("A/../..//x"), "/A/x/");
    }

    #[test]
    fn rejects_unknown_placeholders() {
        assert!(Pattern::parse("/{year}/").unwrap_err().contains("{year}"));
        assert!(Pattern::parse("/{number/").is_err());
        assert!(Pattern::parse("/number}/").is_err());
    }

    #[test]
    fn other_languages_live_under_their_code() {
        assert_eq!(in_language("en", "en", "/ga/74/1/"), "/ga/74/1/");
        assert_eq!(in_language("en", "fr", "/ga/74/1/"), "/fr/ga/74/1/");
        assert_eq!(in_language("fr", "en", "/sc/1325/"), "/en/sc/1325/");
    }

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slug("217 A (III)"), "217-a-iii");
        assert_eq!(slug("  1997 "), "1997");
        assert_eq!(slug("Année"), "ann-e");
    }

    #[test]
    fn links_respect_the_base_path() {
        assert_eq!(under_base("/archive/", "/ga/76/10/"), "/archive/ga/76/10/");
        assert_eq!(under_base("/", "/"), "/");
    }
}
