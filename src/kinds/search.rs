//! `search`: the search pages, and the indexes they read, one of each per
//! language the archive holds texts in (`/search/`, `/fr/search/`). The
//! pipeline builds the indexes beside the outputs (`crate::search`); their
//! files are laid out here, so the planner keeps their places free.

use std::hash::Hash;

use super::{Each, Fills, Form, Kind};
use crate::render::context::{language_view, search_view};

/// The default language's index; the others' are under their codes.
pub(crate) const FOLDER: &str = crate::urls::SEARCH;
/// How to read an index, in its folder.
pub(crate) const META: &str = "meta.json";
/// The folders it fills.
pub(crate) const TERMS: &str = "terms/";
pub(crate) const WORDS: &str = "words/";
pub(crate) const DOCS: &str = "docs/";
pub(crate) const SUBJECTS: &str = "subjects/";

pub(crate) const KIND: Kind = Kind {
    name: "search",
    writes: "`search/`: the page and its index, and `LANGUAGE/search/` for each other language",
    forms: &[Form {
        listed: true,
        ..Form::new(
            "the search page",
            Each::Site,
            // One page per language: the default's first.
            |config, site, of| match of {
                crate::site::For::Site => site
                    .languages(config)
                    .into_iter()
                    .map(|l| crate::urls::in_language(&config.language, l, FOLDER))
                    .collect(),
                _ => Vec::new(),
            },
            |r, p| {
                let languages = r.site.languages(r.config);
                let language = languages.get(p.output.part).copied();
                let language = language.unwrap_or(r.config.language.as_str());
                r.page(&p.path, "search.html", None, |ctx| {
                    ctx.insert("search", &search_view(r.config, r.site, language));
                    ctx.insert("words", r.words.of(language));
                    ctx.insert("page_language", &language_view(language));
                })
            },
            // Its form offers the bodies, subjects and years; its words
            // are in the language's file, of the theme.
            |f, _, h| {
                for e in &f.site.entries {
                    (&e.resolution.meta.subjects, &e.resolution.meta.adopted).hash(h);
                }
                let versions = f.site.versions.iter();
                let languages: std::collections::BTreeSet<&String> = versions
                    .map(|v| &v.entry.resolution.meta.language)
                    .collect();
                languages.hash(h);
            },
        )
    }],
    fills: Some(Fills {
        what: "the search index",
        folder: FOLDER,
        files: &[META],
        folders: &[TERMS, WORDS, DOCS, SUBJECTS],
    }),
};
