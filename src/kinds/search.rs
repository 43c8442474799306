//! `search`: the search page, and the index it reads. The pipeline builds
//! the index beside the outputs (`crate::search`); its files are laid out
//! here, so the planner keeps their places free.

use std::hash::Hash;

use super::{one, Each, Fills, Form, Kind};
use crate::render::context::search_view;

/// How to read the index.
pub(crate) const META: &str = "/search/meta.json";
/// The folders it fills.
pub(crate) const TERMS: &str = "/search/terms/";
pub(crate) const WORDS: &str = "/search/words/";
pub(crate) const DOCS: &str = "/search/docs/";
pub(crate) const SUBJECTS: &str = "/search/subjects/";

pub(crate) const KIND: Kind = Kind {
    name: "search",
    writes: "`search/`: the page and its index",
    forms: &[Form {
        listed: true,
        ..Form::new(
            "the search page",
            Each::Site,
            |_, _, of| one("/search/", of),
            |r, p| {
                r.page(&p.path, "search.html", None, |ctx| {
                    ctx.insert("search", &search_view(r.site))
                })
            },
            // Its form offers the subjects and the years.
            |f, _, h| {
                for e in &f.site.entries {
                    (&e.resolution.meta.subjects, &e.resolution.meta.adopted).hash(h);
                }
            },
        )
    }],
    fills: Some(Fills {
        what: "the search index",
        files: &[META],
        folders: &[TERMS, WORDS, DOCS, SUBJECTS],
    }),
};
