//! `redirects`: the other addresses of a resolution's page — its symbol
//! (`/A/RES/76/10/`, and `/fr/A/RES/76/10/` for its French version), its
//! front-matter `aliases` and its body's `former_permalinks` — each an
//! `index.html` that sends the reader on.

use super::{symbol_and_file, Each, Form, Kind};
use crate::config::Config;
use crate::render::context::{language_view, summary};
use crate::site::{Entry, For, Version};
use crate::urls::{in_language, symbol_path, Values};

pub(crate) const KIND: Kind = Kind::new(
    "redirects",
    "`index.html` redirects at each symbol address, alias and former permalink",
    &[REDIRECT, VERSION_SYMBOL],
);

/// Why an address redirects to a resolution's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    /// Front-matter `aliases`.
    Alias,
    /// The document symbol as a path.
    Symbol,
    /// A body's `former_permalinks`.
    Former,
}

/// Part `n` is the n-th of the resolution's other addresses.
const REDIRECT: Form = Form {
    describe: |_, config, site, o| {
        let entry = site.entry_for(o.of);
        entry.map_or_else(String::new, |e| {
            let why = redirects(config, e).get(o.part).map(|(_, why)| *why);
            let what = match why {
                Some(Why::Alias) => "an alias",
                Some(Why::Symbol) => "the symbol address",
                Some(Why::Former) | None => "a former address",
            };
            format!("{what} of {}", symbol_and_file(e))
        })
    },
    ..Form::new(
        "a redirect",
        Each::Resolution,
        |config, site, of| {
            let entry = site.entry_for(of);
            entry.map_or_else(Vec::new, |e| {
                redirects(config, e).into_iter().map(|(p, _)| p).collect()
            })
        },
        |r, p| {
            let i = p.output.of.entry();
            let entry = i.and_then(|i| r.site.entries.get(i));
            let source = i.and_then(|i| r.source_of(i));
            r.page(&p.path, "redirect.html", source, |ctx| {
                if let Some(e) = entry {
                    ctx.insert("target", &summary(r.config, e));
                    ctx.insert("target_permalink", &r.config.absolute(&e.path));
                }
            })
        },
        // What it shows of its resolution.
        |f, o, h| {
            if let Some(i) = o.of.entry() {
                f.summary(h, i);
            }
        },
    )
};

/// A version's symbol address in its language (`/fr/A/RES/74/10/` for
/// `/fr/ga/74/10/`): the symbol is the same in every language.
const VERSION_SYMBOL: Form = Form {
    describe: |_, _, site, o| {
        let version = site.version_for(o.of);
        version.map_or_else(String::new, |v| {
            format!("the symbol address of {}", symbol_and_file(&v.entry))
        })
    },
    ..Form::new(
        "a redirect",
        Each::Version,
        |config, site, of| {
            let version = site.version_for(of);
            version
                .map(|v| version_symbol_path(config, v))
                .into_iter()
                .collect()
        },
        |r, p| {
            let version = r.site.version_for(p.output.of);
            let source = version.map(|v| v.entry.resolution.source.as_path());
            r.page(&p.path, "redirect.html", source, |ctx| {
                if let Some(v) = version {
                    ctx.insert("target", &summary(r.config, &v.entry));
                    ctx.insert("target_permalink", &r.config.absolute(&v.entry.path));
                    let language = v.entry.resolution.meta.language.as_str();
                    ctx.insert("page_language", &language_view(language));
                }
            })
        },
        |f, o, h| {
            if let For::Version(v) = o.of {
                f.version(h, v);
            }
        },
    )
};

fn version_symbol_path(config: &Config, v: &Version) -> String {
    let meta = &v.entry.resolution.meta;
    in_language(&config.language, &meta.language, &symbol_path(&meta.symbol))
}

/// The other addresses of an entry's page, each once and none its own:
/// front-matter aliases, the symbol path and the body's former patterns.
fn redirects(config: &Config, e: &Entry) -> Vec<(String, Why)> {
    let meta = &e.resolution.meta;
    let values = Values {
        body: &meta.body,
        session: &meta.session,
        number: &meta.number,
    };
    let former = config
        .body(&meta.body)
        .map(|b| b.former_permalinks.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|p| (p.fill_slugs(values), Why::Former));
    let all = meta
        .aliases
        .iter()
        .map(|a| (a.clone(), Why::Alias))
        .chain([(symbol_path(&meta.symbol), Why::Symbol)])
        .chain(former);
    let mut seen = vec![e.path.clone()];
    let mut out = Vec::new();
    for (path, why) in all {
        if !seen.contains(&path) {
            seen.push(path.clone());
            out.push((path, why));
        }
    }
    out
}
