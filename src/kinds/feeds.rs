//! `feeds`: Atom feeds of the latest resolutions adopted, of the whole
//! archive (`/atom.xml`) and of each body (`/ga/atom.xml`).

use rustc_hash::FxHasher;

use super::html::body_name;
use super::{one, Each, Form, Inputs, Kind};
use crate::diagnostics::Diagnostic;
use crate::render::context::feed_view;
use crate::render::{latest, Renderer};
use crate::site::{BodyListing, For, Output, Planned, Site};

/// How many resolutions a feed holds.
const FEED_LENGTH: usize = 50;

pub(crate) const KIND: Kind = Kind::new(
    "feeds",
    "`atom.xml`, and one per body",
    &[
        Form::new(
            "the feed",
            Each::Site,
            |_, _, of| one("/atom.xml", of),
            render,
            inputs,
        ),
        Form {
            describe: |form, config, site, o| match o.of {
                For::Body(b) => format!("{} of the {}", form.what, body_name(config, site, b)),
                _ => String::new(),
            },
            ..Form::new(
                "the feed",
                Each::Body,
                |_, site, of| {
                    let listing = listing(site, of);
                    listing
                        .map(|l| format!("{}atom.xml", l.path))
                        .into_iter()
                        .collect()
                },
                render,
                inputs,
            )
        },
    ],
);

/// The body a feed is made for; none for the feed of all.
fn listing(site: &Site, of: For) -> Option<&BodyListing> {
    match of {
        For::Body(b) => site.bodies.get(b),
        _ => None,
    }
}

fn render(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    let listing = listing(r.site, p.output.of);
    let entries = r.site.entries.iter().filter(|e| {
        listing.is_none_or(|l| l.key == e.resolution.meta.body)
            && e.resolution.meta.adopted.is_some()
    });
    let entries: Vec<_> = latest(entries).take(FEED_LENGTH).collect();
    r.page(&p.path, "atom.xml", None, |ctx| {
        ctx.insert("feed", &feed_view(r.config, listing, &entries))
    })
}

/// What it shows of each resolution it may hold.
fn inputs(f: &Inputs, o: &Output, h: &mut FxHasher) {
    let key = listing(f.site, o.of).map(|l| &l.key);
    for (i, e) in f.site.entries.iter().enumerate() {
        if key.is_none_or(|k| *k == e.resolution.meta.body) {
            f.summary(h, i);
        }
    }
}
