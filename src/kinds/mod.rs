//! The kinds of output a site can have, each described once, in its own
//! file here, and the registry that lists them ([`KINDS`]).
//!
//! A kind has a name, as `outputs:` in `config.yaml` and `plenary build
//! --outputs` name it, and one or more forms of file (`Form`). A form
//! says what it is made for (the site, each body, session, agenda, topic,
//! resolution, page or state), its addresses, how it is rendered, and what it is
//! made from, for incremental rebuilds. The planner (`plan`), the
//! fingerprints (`inputs`) and the pipeline's renderer read these
//! descriptions and name no kind: adding a kind is a file here and its line
//! in [`KINDS`] (the tests below add one).

mod citations;
pub mod companions;
mod feeds;
mod html;
pub(crate) mod inputs;
mod member_states;
mod plan;
mod redirects;
pub(crate) mod search;
mod votes;

use rustc_hash::FxHasher;
use std::fmt;

use crate::config::{Config, Outputs};
use crate::diagnostics::Diagnostic;
use crate::render::Renderer;
use crate::site::{For, FormId, Output, Planned, Site};
pub use companions::COMPANIONS;
pub(crate) use inputs::Inputs;
pub use plan::plan;
pub(crate) use plan::source_of;

/// One kind of output.
pub struct Kind {
    /// Its name in `outputs:` (`html`, `akn`).
    pub name: &'static str,
    /// What it writes, for the README and `--help`.
    pub writes: &'static str,
    pub(crate) forms: &'static [Form],
    /// What it writes itself beside its forms' files (the search index),
    /// so nothing else is planned there.
    pub(crate) fills: Option<Fills>,
}

/// Files and folders a kind writes outside its forms, in a folder of the
/// site and again under each other language that holds texts
/// (`/fr/search/`).
pub(crate) struct Fills {
    /// How a message names them: "the search index".
    pub(crate) what: &'static str,
    /// The site path of the folder they are in (`/search/`).
    pub(crate) folder: &'static str,
    /// Its files, in the folder.
    pub(crate) files: &'static [&'static str],
    /// Folders it fills whole, in the folder (`terms/`).
    pub(crate) folders: &'static [&'static str],
}

/// What a form of output is made for: one file (or a few parts) for the
/// site, or for each body, session, subject, resolution or page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Each {
    Site,
    Body,
    Session,
    /// A session's agenda ([`For::Agenda`]).
    Agenda,
    /// A subject, committee or agenda item ([`For::Topic`]).
    Topic,
    Resolution,
    /// A resolution in another language ([`For::Version`]).
    Version,
    Page,
    State,
}

/// One form of file of a kind, described whole.
pub(crate) struct Form {
    /// How a message names it: "the home page", "the JSON record".
    pub(crate) what: &'static str,
    pub(crate) each: Each,
    /// Its site paths for what it is made for, one per part (the pages of
    /// a listing); none when that gets no such file.
    pub(crate) paths: fn(&Config, &Site, For) -> Vec<String>,
    /// Parts that depend on the whole plan, given how many listed pages
    /// the site has: the sitemap's files past its limit. They come after
    /// the parts `paths` gave.
    pub(crate) more: Option<fn(usize) -> Vec<String>>,
    /// A page search engines should list (in the sitemap).
    pub(crate) listed: bool,
    /// Made from the resolution's text as rendered, with its citation
    /// links, which the renderer then keeps until its last user.
    pub(crate) uses_text: bool,
    pub(crate) render: fn(&Renderer, &Planned) -> Result<Vec<u8>, Diagnostic>,
    /// Hashes what its bytes are made from, besides what every output is
    /// made from (the `site` variable, the theme, the base URL): equal
    /// hashes mean equal bytes.
    pub(crate) inputs: fn(&Inputs, &Output, &mut FxHasher),
    /// Names one output in a message: "the listing of the General
    /// Assembly".
    pub(crate) describe: fn(&Form, &Config, &Site, &Output) -> String,
}

impl Kind {
    /// A kind that writes its forms' files and nothing beside.
    pub(crate) const fn new(
        name: &'static str,
        writes: &'static str,
        forms: &'static [Form],
    ) -> Kind {
        Kind {
            name,
            writes,
            forms,
            fills: None,
        }
    }
}

impl Form {
    /// A form named by `what` alone, not listed, not made from the text,
    /// with no parts beyond its paths; what differs is set with `..`.
    pub(crate) const fn new(
        what: &'static str,
        each: Each,
        paths: fn(&Config, &Site, For) -> Vec<String>,
        render: fn(&Renderer, &Planned) -> Result<Vec<u8>, Diagnostic>,
        inputs: fn(&Inputs, &Output, &mut FxHasher),
    ) -> Form {
        Form {
            what,
            each,
            paths,
            more: None,
            listed: false,
            uses_text: false,
            render,
            inputs,
            describe: plainly,
        }
    }
}

/// Every built-in kind, in the order a site lists them.
pub static KINDS: [&Kind; 10] = [
    &html::KIND,
    &redirects::KIND,
    &companions::AKN,
    &companions::JSON,
    &companions::SOURCE,
    &feeds::KIND,
    &search::KIND,
    &citations::KIND,
    &votes::KIND,
    &member_states::KIND,
];

/// The kinds a pipeline knows: the built-in ones, and in tests one more.
#[derive(Clone)]
pub struct Registry {
    kinds: Vec<&'static Kind>,
}

impl Registry {
    pub fn builtin() -> Registry {
        Registry {
            kinds: KINDS.to_vec(),
        }
    }

    /// The built-in kinds and `kind`.
    #[cfg(test)]
    pub(crate) fn with(mut self, kind: &'static Kind) -> Registry {
        self.kinds.push(kind);
        self
    }

    pub(crate) fn kind(&self, id: FormId) -> Option<&'static Kind> {
        self.kinds.get(usize::from(id.kind)).copied()
    }

    pub(crate) fn form(&self, id: FormId) -> Option<&'static Form> {
        self.kind(id)?.forms.get(usize::from(id.form))
    }

    /// Every form of the kinds `config` writes, in registry order.
    pub(crate) fn forms<'r>(
        &'r self,
        config: &'r Config,
    ) -> impl Iterator<Item = (FormId, &'static Form)> + 'r {
        self.kinds
            .iter()
            .enumerate()
            .filter(|(_, k)| config.outputs.has(k.name))
            .flat_map(|(k, kind)| {
                kind.forms.iter().enumerate().map(move |(f, form)| {
                    let id = FormId {
                        kind: k as u8,
                        form: f as u8,
                    };
                    (id, form)
                })
            })
    }

    /// Every kind it knows.
    pub(crate) fn all(&self) -> impl Iterator<Item = &'static Kind> + '_ {
        self.kinds.iter().copied()
    }

    /// The kinds `config` writes.
    pub(crate) fn kinds<'r>(
        &'r self,
        config: &'r Config,
    ) -> impl Iterator<Item = &'static Kind> + 'r {
        self.all().filter(|k| config.outputs.has(k.name))
    }

    /// Renders one planned output. Every XML file must parse, whatever a
    /// template or the config put in it: what XML forbids becomes U+FFFD.
    pub fn render(&self, r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
        let Some(form) = self.form(p.output.form) else {
            return Err(Diagnostic::error(
                crate::render::theme::SITE_TEMPLATES,
                0,
                format!("no form of output makes {}", p.path),
            ));
        };
        let bytes = (form.render)(r, p)?;
        if !p.path.ends_with(".xml") {
            return Ok(bytes);
        }
        Ok(match String::from_utf8(bytes) {
            Ok(text) => match crate::text::xml_safe(&text) {
                std::borrow::Cow::Borrowed(_) => text.into_bytes(),
                std::borrow::Cow::Owned(safe) => safe.into_bytes(),
            },
            Err(e) => e.into_bytes(),
        })
    }

    /// Whether the output is made from its resolution's text.
    pub(crate) fn uses_text(&self, o: &Output) -> bool {
        self.form(o.form).is_some_and(|f| f.uses_text)
    }

    /// How a message names an output.
    pub(crate) fn describe(&self, config: &Config, site: &Site, o: &Output) -> String {
        self.form(o.form)
            .map_or_else(String::new, |f| (f.describe)(f, config, site, o))
    }
}

impl Kind {
    /// A built-in kind by name; an unknown name is an error listing the
    /// names.
    pub fn named(name: &str) -> Result<&'static Kind, String> {
        KINDS
            .iter()
            .copied()
            .find(|k| k.name == name.trim())
            .ok_or_else(|| {
                let names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
                format!(
                    "`{name}` is not a kind of output; the kinds are {}",
                    names.join(", ")
                )
            })
    }
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

/// Refuses `outputs:` (or `--outputs`) naming what is not a kind, or
/// nothing: the error lists the kinds.
pub fn check(outputs: &Outputs) -> Result<(), String> {
    let Outputs::Named(names) = outputs else {
        return Ok(());
    };
    for name in names {
        Kind::named(name)?;
    }
    if names.is_empty() {
        return Err("no kind of output named; `html` is the least a site needs".to_string());
    }
    Ok(())
}

/// A form's own name: "the home page".
pub(crate) fn plainly(form: &Form, _: &Config, _: &Site, _: &Output) -> String {
    form.what.to_string()
}

/// A form's name and its resolution: "the JSON record of A/RES/76/10".
pub(crate) fn of_resolution(form: &Form, _: &Config, site: &Site, o: &Output) -> String {
    let symbol = site.entry_for(o.of);
    symbol.map_or_else(String::new, |e| {
        format!("{} of {}", form.what, e.resolution.meta.symbol)
    })
}

/// A resolution as messages name it: "A/RES/70/2 (content/ga/70/2.md)".
pub(crate) fn symbol_and_file(e: &crate::site::Entry) -> String {
    let r = &e.resolution;
    format!("{} ({})", r.meta.symbol, r.source.display())
}

/// The one site path of a form made for the site.
pub(crate) fn one(path: &str, of: For) -> Vec<String> {
    match of {
        For::Site => vec![path.to_string()],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
