//! `akn`, `json`, `source`: the files beside each resolution's page that
//! make the archive an archive — its Akoma Ntoso twin, its JSON record and
//! its Markdown source.

use std::hash::Hash;

use super::{of_resolution, symbol_and_file, Each, Form, Kind};
use crate::akn;
use crate::cite::{version_text, Text};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::render::Renderer;
use crate::site::{For, Planned, Site};

/// A companion kind at a glance: its file beside the page, and whether
/// only resolutions with an adoption date get it (an AKN URI needs one).
pub struct Companion {
    pub kind: &'static Kind,
    pub file: &'static str,
    pub dated_only: bool,
}

/// The companions, in the order they are planned beside each page.
pub static COMPANIONS: [Companion; 3] = [
    Companion {
        kind: &AKN,
        file: AKN_FILE,
        dated_only: true,
    },
    Companion {
        kind: &JSON,
        file: JSON_FILE,
        dated_only: false,
    },
    Companion {
        kind: &SOURCE,
        file: SOURCE_FILE,
        dated_only: false,
    },
];

const AKN_FILE: &str = "akn.xml";
const JSON_FILE: &str = "index.json";
const SOURCE_FILE: &str = "source.md";

pub(crate) const AKN: Kind = Kind::new(
    "akn",
    "`akn.xml` beside each dated resolution and each of its versions",
    &[
        from_text(
            "the Akoma Ntoso XML",
            |_, site, of| beside(site, of, AKN_FILE, true),
            |r, p| {
                made(r, p, "Akoma Ntoso XML", |i, text| {
                    akn::export::export(r.config, r.site.entries.get(i)?, text)
                })
            },
        ),
        VERSION_AKN,
    ],
);

/// A version's own expression of the work, in its language, beside its
/// page (`/fr/ga/74/10/akn.xml`, `…/fra@/`).
const VERSION_AKN: Form = Form {
    describe: |form, _, site, o| {
        let version = site.version_for(o.of);
        version.map_or_else(String::new, |v| {
            format!("{} of {}", form.what, symbol_and_file(&v.entry))
        })
    },
    ..Form::new(
        "the Akoma Ntoso XML",
        Each::Version,
        |_, site, of| {
            let version = site.version_for(of);
            let dated = version.filter(|v| v.entry.resolution.meta.adopted.is_some());
            dated
                .map(|v| format!("{}{AKN_FILE}", v.entry.path))
                .into_iter()
                .collect()
        },
        |r, p| {
            let Some(v) = r.site.version_for(p.output.of) else {
                return Ok(Vec::new());
            };
            let text = version_text(r.config, &r.version_links, v);
            let source = &v.entry.resolution.source;
            akn::export::export(r.config, &v.entry, &text)
                .ok_or_else(|| Diagnostic::error(source, 0, "cannot make its Akoma Ntoso XML"))
        },
        // The version, and what its citations link to: the entry's own.
        |f, o, h| {
            let (For::Version(v), Some(version)) = (o.of, f.site.version_for(o.of)) else {
                return;
            };
            f.version(h, v);
            f.entry(h, version.of);
            f.links.digest(version.of).hash(h);
        },
    )
};

pub(crate) const JSON: Kind = Kind::new(
    "json",
    "`index.json` beside each resolution",
    &[from_text(
        "the JSON record",
        |_, site, of| beside(site, of, JSON_FILE, false),
        |r, p| {
            made(r, p, "JSON record", |i, text| {
                akn::json::index_json(r.config, r.site, r.links, i, text)
            })
        },
    )],
);

/// A companion made from the text as rendered: what it is made from is
/// its source and address, and the citations resolved in it.
const fn from_text(
    what: &'static str,
    paths: fn(&Config, &Site, For) -> Vec<String>,
    render: fn(&Renderer, &Planned) -> Result<Vec<u8>, Diagnostic>,
) -> Form {
    Form {
        uses_text: true,
        describe: of_resolution,
        ..Form::new(what, Each::Resolution, paths, render, |f, o, h| {
            if let Some(i) = o.of.entry() {
                f.entry(h, i);
                f.links.digest(i).hash(h);
            }
        })
    }
}

pub(crate) const SOURCE: Kind = Kind::new(
    "source",
    "`source.md` beside each resolution",
    &[Form {
        describe: of_resolution,
        ..Form::new(
            "the Markdown source",
            Each::Resolution,
            |_, site, of| beside(site, of, SOURCE_FILE, false),
            |r, p| {
                let Some(i) = p.output.of.entry() else {
                    return Ok(Vec::new());
                };
                let source = r.source_of(i).unwrap_or(std::path::Path::new(""));
                std::fs::read(r.root.join(source))
                    .map_err(|err| r.error_in(i, format!("cannot read the source: {err}")))
            },
            // Its source and address.
            |f, o, h| {
                if let Some(i) = o.of.entry() {
                    f.entry(h, i);
                }
            },
        )
    }],
);

/// The site path of `file` beside the page of the resolution `of`, when it
/// gets one.
fn beside(site: &Site, of: For, file: &str, dated_only: bool) -> Vec<String> {
    let entry = site.entry_for(of);
    entry
        .filter(|e| !dated_only || e.resolution.meta.adopted.is_some())
        .map(|e| format!("{}{file}", e.path))
        .into_iter()
        .collect()
}

/// A companion made by `make` from its entry and the entry's text, or an
/// error saying which.
fn made(
    r: &Renderer,
    p: &Planned,
    what: &str,
    make: impl FnOnce(usize, &Text) -> Option<Vec<u8>>,
) -> Result<Vec<u8>, Diagnostic> {
    let Some(i) = p.output.of.entry() else {
        return Ok(Vec::new());
    };
    let made = r.text(i).and_then(|text| make(i, &text));
    made.ok_or_else(|| r.error_in(i, format!("cannot make its {what}")))
}
