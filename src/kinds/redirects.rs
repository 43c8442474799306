//! `redirects`: the other addresses of a resolution's page — its symbol
//! (`/A/RES/76/10/`), its front-matter `aliases` and its body's
//! `former_permalinks` — each an `index.html` that sends the reader on.

use super::{symbol_and_file, Each, Form, Kind};
use crate::config::Config;
use crate::render::context::summary;
use crate::site::Entry;
use crate::urls::{symbol_path, Values};

pub(crate) const KIND: Kind = Kind::new(
    "redirects",
    "`index.html` redirects at each symbol address, alias and former permalink",
    &[REDIRECT],
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
