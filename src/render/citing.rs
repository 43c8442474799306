//! How to cite a resolution: the plain-text line, BibTeX and the schema.org
//! record search engines read (what a paragraph's ¶ link copies is
//! `names::Names::cite`).

use serde_json::json;

use crate::config::Body;
use crate::site::Entry;

/// What every form of a citation needs.
pub struct Cited<'a> {
    pub entry: &'a Entry,
    pub body: &'a Body,
    /// The absolute address of the page.
    pub permalink: &'a str,
    pub language: &'a str,
}

impl Cited<'_> {
    fn symbol(&self) -> &str {
        &self.entry.resolution.meta.symbol
    }

    /// `Economic and Social Council resolution 1997/2 of 18 July 1997
    /// (E/RES/1997/2), https://…/ecosoc/1997/2/`
    pub fn plain(&self) -> String {
        let date = self
            .entry
            .resolution
            .meta
            .adopted
            .map(|d| format!(" of {}", d.long()))
            .unwrap_or_default();
        format!(
            "{} resolution {}{date} ({}), {}",
            self.body.name,
            self.entry.cited_as,
            self.symbol(),
            self.permalink
        )
    }

    /// A BibTeX `@misc` entry keyed by the symbol (`E-RES-1997-2`), with a
    /// biblatex `date` beside the classic `year`.
    pub fn bibtex(&self) -> String {
        let meta = &self.entry.resolution.meta;
        let key = crate::urls::slug(self.symbol()).to_uppercase();
        let mut fields = vec![
            ("author", format!("{{{}}}", bibtex_escape(&self.body.name))),
            ("title", bibtex_escape(&meta.title)),
            (
                "howpublished",
                format!("Resolution {}", bibtex_escape(&self.entry.cited_as)),
            ),
            ("number", bibtex_escape(self.symbol())),
        ];
        if let Some(d) = meta.adopted {
            fields.push(("year", d.to_string()[..4].to_string()));
            fields.push(("date", d.to_string()));
        }
        fields.push(("url", self.permalink.to_string()));
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("  {k} = {{{v}}}"))
            .collect();
        format!("@misc{{{key},\n{}\n}}", body.join(",\n"))
    }

    /// A schema.org `Legislation` record as JSON-LD, safe to place inside a
    /// `<script>` element: `<`, `>` and `&` are written as `\u` escapes.
    pub(crate) fn json_ld(&self) -> String {
        let meta = &self.entry.resolution.meta;
        let mut record = json!({
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": meta.title,
            "legislationIdentifier": self.symbol(),
            "legislationType": "Resolution",
            "legislationPassedBy": { "@type": "Organization", "name": self.body.name },
            "url": self.permalink,
            "inLanguage": self.language,
        });
        if let Some(d) = meta.adopted {
            record["legislationDate"] = json!(d.to_string());
        }
        record
            .to_string()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }
}

/// Escapes the characters BibTeX treats specially.
fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bibtex_specials_are_escaped() {
        assert_eq!(
            bibtex_escape(r"R&D {50%} ~ \x"),
            r"R\&D \{50\%\} \textasciitilde{} \textbackslash{}x"
        );
    }
}
