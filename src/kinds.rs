//! The kinds of output a site can have, as `outputs:` in `config.yaml`
//! and `plenary build --outputs` name them. Every output of the site
//! belongs to one kind ([`crate::site::Output::kind`]); a build writes the
//! kinds asked for, all of them by default.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Pages, listings, the home page, the 404 page, the sitemap and
    /// robots.txt.
    Html,
    /// Symbol addresses, aliases and former permalinks.
    Redirects,
    /// Each resolution's Akoma Ntoso twin.
    Akn,
    /// Each resolution's JSON record.
    Json,
    /// Each resolution's Markdown source.
    Source,
    /// Atom feeds, overall and per body.
    Feeds,
    /// The search page and its index.
    Search,
    /// `citations.json`, the citation graph.
    Citations,
}

/// Every kind with its name and what it writes, in the order a site lists
/// them.
pub(crate) const KINDS: [(Kind, &str, &str); 8] = [
    (
        Kind::Html,
        "html",
        "`index.html` of every page and listing, `404.html`, `sitemap.xml`, `robots.txt`",
    ),
    (
        Kind::Redirects,
        "redirects",
        "`index.html` redirects at each symbol address, alias and former permalink",
    ),
    (Kind::Akn, "akn", "`akn.xml` beside each dated resolution"),
    (Kind::Json, "json", "`index.json` beside each resolution"),
    (Kind::Source, "source", "`source.md` beside each resolution"),
    (Kind::Feeds, "feeds", "`atom.xml`, and one per body"),
    (Kind::Search, "search", "`search/`: the page and its index"),
    (Kind::Citations, "citations", "`citations.json`"),
];

impl Kind {
    pub fn name(self) -> &'static str {
        KINDS
            .iter()
            .find(|(k, _, _)| *k == self)
            .map_or("", |(_, name, _)| name)
    }

    pub fn named(name: &str) -> Result<Kind, String> {
        KINDS
            .iter()
            .find(|(_, n, _)| *n == name.trim())
            .map(|(k, _, _)| *k)
            .ok_or_else(|| {
                let names: Vec<&str> = KINDS.iter().map(|(_, n, _)| *n).collect();
                format!(
                    "`{name}` is not a kind of output; the kinds are {}",
                    names.join(", ")
                )
            })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The kinds a build writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outputs(u16);

impl Default for Outputs {
    fn default() -> Self {
        Outputs::all()
    }
}

impl Outputs {
    pub fn all() -> Outputs {
        Outputs(KINDS.iter().fold(0, |bits, (k, _, _)| bits | bit(*k)))
    }

    /// The kinds named, each once or more; an unknown name is an error
    /// listing the names.
    pub fn named<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Outputs, String> {
        let mut bits = 0;
        for name in names {
            bits |= bit(Kind::named(name)?);
        }
        if bits == 0 {
            return Err("no kind of output named; `html` is the least a site needs".to_string());
        }
        Ok(Outputs(bits))
    }

    pub fn has(self, kind: Kind) -> bool {
        self.0 & bit(kind) != 0
    }

    /// `{"html": true, "akn": false, …}`, for templates (`site.outputs`).
    pub(crate) fn view(self) -> serde_json::Map<String, serde_json::Value> {
        KINDS
            .iter()
            .map(|(k, name, _)| (name.to_string(), serde_json::Value::Bool(self.has(*k))))
            .collect()
    }
}

impl Serialize for Outputs {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.view().serialize(s)
    }
}

/// A file beside each resolution's page, made from that resolution: what
/// the planner, the renderer's cache of texts, the incremental rebuild and
/// the error messages know of it. The renderer makes its bytes
/// (`render::Renderer::companion`).
#[derive(Debug)]
pub struct Companion {
    pub kind: Kind,
    /// Its file in the resolution's folder.
    pub file: &'static str,
    /// How a message names it: "the JSON record of A/RES/76/10".
    pub what: &'static str,
    /// Made only for resolutions with an adoption date (an AKN URI needs
    /// one).
    pub dated_only: bool,
    /// Made from the text as rendered, with its citation links; otherwise
    /// from the source alone.
    pub uses_text: bool,
}

/// The companions, in the order they are planned beside each page.
pub const COMPANIONS: [Companion; 3] = [
    Companion {
        kind: Kind::Akn,
        file: "akn.xml",
        what: "the Akoma Ntoso XML",
        dated_only: true,
        uses_text: true,
    },
    Companion {
        kind: Kind::Json,
        file: "index.json",
        what: "the JSON record",
        dated_only: false,
        uses_text: true,
    },
    Companion {
        kind: Kind::Source,
        file: "source.md",
        what: "the Markdown source",
        dated_only: false,
        uses_text: false,
    },
];

impl Companion {
    /// Whether a resolution gets this file: `dated` when it has an
    /// adoption date.
    pub fn made_for(&self, dated: bool) -> bool {
        dated || !self.dated_only
    }
}

impl Kind {
    /// The kind's companion file, if it is one.
    pub fn companion(self) -> Option<&'static Companion> {
        COMPANIONS.iter().find(|c| c.kind == self)
    }
}

fn bit(k: Kind) -> u16 {
    1 << (k as u16)
}

/// Where the `search` kind writes its index, so the planner can keep
/// those places free: how to read the index, and the folders it fills.
pub(crate) mod search {
    pub(crate) const META: &str = "/search/meta.json";
    pub(crate) const TERMS: &str = "/search/terms/";
    pub(crate) const DOCS: &str = "/search/docs/";
    pub(crate) const SUBJECTS: &str = "/search/subjects/";
    pub(crate) const FOLDERS: [&str; 3] = [TERMS, DOCS, SUBJECTS];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_go_both_ways_and_unknown_ones_list_the_kinds() {
        for (k, name, _) in KINDS {
            assert_eq!(Kind::named(name), Ok(k));
            assert_eq!(k.name(), name);
        }
        let e = Outputs::named(["html", "pdf"]).unwrap_err();
        assert_eq!(
            e,
            "`pdf` is not a kind of output; the kinds are html, redirects, akn, json, source, feeds, search, citations"
        );
        let o = Outputs::named(["html", "akn"]).unwrap();
        assert!(o.has(Kind::Html) && o.has(Kind::Akn) && !o.has(Kind::Json));
        assert!(KINDS.iter().all(|(k, _, _)| Outputs::all().has(*k)));
    }
}
