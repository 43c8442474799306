//! Stage 4: what every output is rendered with (the forms of output in
//! `kinds` say what each makes): Tera and the site's templates, the views
//! templates see, and the cache of resolution texts.

pub mod adoption;
pub mod citing;
pub mod context;
pub(crate) mod highlight;
pub(crate) mod names;
pub mod states;
pub mod text;
pub mod theme;
pub mod timeline;
pub(crate) mod words;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tera::{Context, Tera};

use crate::cite::{parse_text, Links, Recogniser, Text, VersionLinks};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::markdown::Highlight;
use crate::site::{page_count, Entry, Site, PAGE_SIZE};
use context::{pager_view, site_view, summary};
use theme::Theme;

/// A resolution's text as HTML, and how many outputs still want it.
type SharedText = (Arc<Text>, u8);

/// What every form of output renders with: the theme, the site, its
/// citations, and a cache of resolution texts (`kinds` says what each form
/// makes of them).
pub struct Renderer<'a> {
    pub(crate) tera: &'a Tera,
    /// The archive's folder, where sources are read for `source.md`.
    pub(crate) root: &'a Path,
    pub(crate) config: &'a Config,
    pub(crate) site: &'a Site,
    pub(crate) links: &'a Links,
    /// The citations of the versions in other languages.
    pub(crate) version_links: VersionLinks<'a>,
    /// The theme's words in each language.
    pub(crate) words: &'a words::Words,
    /// The `site` template variable, the same for every page, built once.
    site_value: tera::Value,
    /// Per entry, its text as HTML while outputs still need it, with how
    /// many will.
    texts: Vec<Mutex<Option<SharedText>>>,
    /// Per entry, how many of the outputs this run renders use its text.
    text_users: Vec<u8>,
    pub(crate) highlighter: Option<&'a (dyn Highlight + Sync)>,
}

impl<'a> Renderer<'a> {
    /// `text_users` says, per entry, how many outputs of this run are made
    /// from its text: it is made for the first and dropped after the last.
    pub fn new(
        theme: &'a Theme,
        root: &'a Path,
        config: &'a Config,
        site: &'a Site,
        (links, recogniser): (&'a Links, &'a Recogniser),
        text_users: Vec<u8>,
    ) -> Result<Self, Diagnostic> {
        let site_value = tera::to_value(site_view(config, site)).map_err(|e| {
            Diagnostic::error(crate::config::CONFIG_FILE, 0, theme::error_chain(&e))
        })?;
        Ok(Renderer {
            texts: (0..site.entries.len()).map(|_| Mutex::new(None)).collect(),
            text_users,
            tera: &theme.tera,
            root,
            config,
            site,
            links,
            version_links: VersionLinks::new(site, recogniser),
            words: &theme.words,
            site_value,
            highlighter: theme.highlighter(),
        })
    }

    /// Renders `template` for the file at site path `path`, with what
    /// every page sees (`site`, `current_url`, `permalink`) and what
    /// `fill` adds; a failure names `source`, the file it is made from, or
    /// the site's templates.
    pub(crate) fn page(
        &self,
        path: &str,
        template: &str,
        source: Option<&Path>,
        fill: impl FnOnce(&mut Context),
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut ctx = Context::new();
        ctx.insert("site", &self.site_value);
        ctx.insert("current_url", &self.config.link(path));
        ctx.insert("permalink", &self.config.absolute(path));
        ctx.insert("words", self.words.of(&self.config.language));
        fill(&mut ctx);
        self.tera
            .render(template, &ctx)
            .map(String::into_bytes)
            .map_err(|e| {
                let (file, what) = match source {
                    Some(p) => (p.to_path_buf(), format!(" while rendering {}", p.display())),
                    None => (PathBuf::from(theme::SITE_TEMPLATES), format!(" for {path}")),
                };
                Diagnostic::error(
                    file,
                    0,
                    format!(
                        "template `{template}` failed{what}: {}",
                        theme::error_chain(&e)
                    ),
                )
            })
    }

    /// Entry `i`'s source file, for messages.
    pub(crate) fn source_of(&self, i: usize) -> Option<&'a Path> {
        self.site
            .entries
            .get(i)
            .map(|e| e.resolution.source.as_path())
    }

    /// Entry `i`'s text as HTML. Made for the first output of this run
    /// that uses it and dropped after the last.
    pub(crate) fn text(&self, i: usize) -> Option<Arc<Text>> {
        let e = self.site.entries.get(i)?;
        let make = || {
            Arc::new(parse_text(
                self.config,
                self.site,
                self.links,
                i,
                &e.resolution,
            ))
        };
        let Some(Ok(mut slot)) = self.texts.get(i).map(|m| m.lock()) else {
            return Some(make());
        };
        let (text, left) = match slot.take() {
            Some((text, left)) => (text, left),
            None => (make(), self.text_users.get(i).copied().unwrap_or(1)),
        };
        if left > 1 {
            *slot = Some((text.clone(), left - 1));
        }
        Some(text)
    }

    /// An error naming entry `i`'s source.
    pub(crate) fn error_in(&self, i: usize, message: String) -> Diagnostic {
        Diagnostic::error(self.source_of(i).unwrap_or(Path::new("")), 0, message)
    }

    /// One page of a listing: its resolutions and the pager.
    pub(crate) fn insert_page(
        &self,
        ctx: &mut Context,
        path: &str,
        entries: &[usize],
        page: usize,
    ) {
        let items: Vec<_> = entries
            .iter()
            .skip(page * PAGE_SIZE)
            .take(PAGE_SIZE)
            .filter_map(|&i| self.site.entries.get(i))
            .map(|e| summary(self.config, e))
            .collect();
        ctx.insert("resolutions", &items);
        ctx.insert(
            "pager",
            &pager_view(self.config, path, page, page_count(entries.len())),
        );
    }
}

/// Entries newest first; undated ones last, then by address.
pub(crate) fn latest<'e>(
    entries: impl Iterator<Item = &'e Entry>,
) -> impl Iterator<Item = &'e Entry> {
    let mut all: Vec<&Entry> = entries.collect();
    all.sort_by(|a, b| {
        b.resolution
            .meta
            .adopted
            .cmp(&a.resolution.meta.adopted)
            .then_with(|| a.path.cmp(&b.path))
    });
    all.into_iter()
}

pub(crate) struct NoHighlight;

impl Highlight for NoHighlight {
    fn highlight(&self, _: &str, _: &str) -> Option<String> {
        None
    }
}
