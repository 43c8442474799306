//! Stage 4: each planned output rendered to bytes with Tera.

pub mod citing;
pub mod context;
pub(crate) mod highlight;
pub mod text;
pub mod theme;
pub mod timeline;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tera::{Context, Tera};

use crate::akn;
use crate::cite::{parse_text, Links, Text};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::kinds::{Kind, COMPANIONS};
use crate::markdown::{self, Highlight};
use crate::site::{in_sitemap, page_count, Entry, Output, Site, PAGE_SIZE, SITEMAP_LIMIT};
use context::{
    body_view, feed_view, pager_view, resolution_view, search_view, session_view, site_view,
    subject_view, summary,
};

/// How many resolutions the home page lists as the latest.
const LATEST: usize = 10;
/// How many resolutions a feed holds.
const FEED_LENGTH: usize = 50;

/// A resolution's text as HTML, and how many outputs still want it.
type SharedText = (Arc<Text>, u8);

pub struct Renderer<'a> {
    tera: &'a Tera,
    /// The archive's folder, where sources are read for `source.md`.
    root: &'a Path,
    config: &'a Config,
    site: &'a Site,
    links: &'a Links,
    /// The `site` template variable, the same for every page, built once.
    site_value: tera::Value,
    /// Per entry, its text as HTML while outputs still need it, with how
    /// many will.
    texts: Vec<Mutex<Option<SharedText>>>,
    highlighter: Option<&'a (dyn Highlight + Sync)>,
}

impl<'a> Renderer<'a> {
    pub fn new(
        tera: &'a Tera,
        root: &'a Path,
        config: &'a Config,
        site: &'a Site,
        links: &'a Links,
        highlighter: Option<&'a (dyn Highlight + Sync)>,
    ) -> Result<Self, Diagnostic> {
        let site_value = tera::to_value(site_view(config, site)).map_err(|e| {
            Diagnostic::error(crate::config::CONFIG_FILE, 0, theme::error_chain(&e))
        })?;
        Ok(Renderer {
            texts: (0..site.entries.len()).map(|_| Mutex::new(None)).collect(),
            tera,
            root,
            config,
            site,
            links,
            site_value,
            highlighter,
        })
    }

    /// Renders one output. `path` is its site path, for `current_url`.
    pub fn render(&self, path: &str, output: &Output) -> Result<Vec<u8>, Diagnostic> {
        let bytes = self.render_bytes(path, output)?;
        if !path.ends_with(".xml") {
            return Ok(bytes);
        }
        // Every XML file must parse, whatever a template or the config
        // put in it: what XML forbids becomes U+FFFD.
        Ok(match String::from_utf8(bytes) {
            Ok(text) => match crate::text::xml_safe(&text) {
                std::borrow::Cow::Borrowed(_) => text.into_bytes(),
                std::borrow::Cow::Owned(safe) => safe.into_bytes(),
            },
            Err(e) => e.into_bytes(),
        })
    }

    fn render_bytes(&self, path: &str, output: &Output) -> Result<Vec<u8>, Diagnostic> {
        if let Some(bytes) = self.data(output) {
            return bytes;
        }
        let mut ctx = Context::new();
        ctx.insert("site", &self.site_value);
        ctx.insert("current_url", &self.config.link(path));
        ctx.insert("permalink", &self.config.absolute(path));
        let (template, source) = self.fill(&mut ctx, output);
        self.tera
            .render(template, &ctx)
            .map(String::into_bytes)
            .map_err(|e| {
                let (file, what) = match &source {
                    Some(p) => (p.clone(), format!(" while rendering {}", p.display())),
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

    /// The bytes of an output that is data rather than a templated page.
    fn data(&self, output: &Output) -> Option<Result<Vec<u8>, Diagnostic>> {
        match output {
            Output::Citations => Some(Ok(self.citations_json())),
            Output::Companion(i, kind) => Some(self.companion(*i, *kind)),
            _ => None,
        }
    }

    /// Entry `i`'s companion file of `kind` ([`crate::kinds::COMPANIONS`]
    /// says where it goes and what it is made from).
    fn companion(&self, i: usize, kind: Kind) -> Result<Vec<u8>, Diagnostic> {
        let (config, site, links) = (self.config, self.site, self.links);
        let made = match kind {
            Kind::Source => return self.source(i),
            Kind::Akn => self
                .text(i)
                .and_then(|text| akn::export::export(config, site, i, &text)),
            Kind::Json => self
                .text(i)
                .and_then(|text| akn::json::index_json(config, site, links, i, &text)),
            _ => None,
        };
        made.ok_or_else(|| {
            let source = site.entries.get(i).map(|e| e.resolution.source.clone());
            let what = kind.companion().map_or("a companion", |c| c.what);
            let what = what.trim_start_matches("the ");
            Diagnostic::error(
                source.unwrap_or_default(),
                0,
                format!("cannot make its {what}"),
            )
        })
    }

    /// Entry `i`'s text as HTML. Its page, its AKN twin and its JSON
    /// record all need it, and they are planned side by side: it is made
    /// for the first and dropped after the last.
    fn text(&self, i: usize) -> Option<Arc<Text>> {
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
            None => (make(), self.text_users(e)),
        };
        if left > 1 {
            *slot = Some((text.clone(), left - 1));
        }
        Some(text)
    }

    /// How many outputs render entry `e`'s text: its page, and each
    /// companion made from the text that the site has and `e` gets.
    fn text_users(&self, e: &Entry) -> u8 {
        let dated = e.resolution.meta.adopted.is_some();
        let companions = COMPANIONS
            .iter()
            .filter(|c| c.uses_text && c.made_for(dated) && self.config.outputs.has(c.kind));
        1 + companions.count() as u8
    }

    /// A resolution's Markdown source, as it is on disk.
    fn source(&self, i: usize) -> Result<Vec<u8>, Diagnostic> {
        let e = self.site.entries.get(i).ok_or_else(|| {
            Diagnostic::error(theme::SITE_TEMPLATES, 0, "no such resolution".to_string())
        })?;
        let path = self.root.join(&e.resolution.source);
        std::fs::read(&path).map_err(|err| {
            Diagnostic::error(
                &e.resolution.source,
                0,
                format!("cannot read the source: {err}"),
            )
        })
    }

    /// One citation per line, so the file diffs well and streams.
    fn citations_json(&self) -> Vec<u8> {
        let records = self.links.records(self.site);
        let mut out = Vec::with_capacity(records.len() * 160 + 4);
        out.extend_from_slice(b"[");
        for (i, r) in records.iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
            // Serialising plain strings and booleans cannot fail.
            let _ = serde_json::to_writer(&mut out, r);
        }
        out.extend_from_slice(b"\n]\n");
        out
    }

    /// The address of every page search engines should list, in site order.
    fn sitemap_urls(&self) -> Vec<String> {
        self.site
            .outputs
            .iter()
            .filter(|p| in_sitemap(&p.path, &p.output))
            .map(|p| self.config.absolute(&p.path))
            .collect()
    }

    /// One page of a listing: its resolutions and the pager.
    fn insert_page(&self, ctx: &mut Context, path: &str, entries: &[usize], page: usize) {
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

    /// Adds what `output` needs to `ctx`; returns its template and source.
    fn fill(&self, ctx: &mut Context, output: &Output) -> (&'static str, Option<PathBuf>) {
        let (config, site) = (self.config, self.site);
        match output {
            Output::Home => {
                let latest: Vec<_> = latest(site.entries.iter())
                    .take(LATEST)
                    .map(|e| summary(config, e))
                    .collect();
                ctx.insert("latest", &latest);
                ctx.insert("timeline", &timeline::svg(config, site));
                ctx.insert("has_subjects", &!site.subjects.is_empty());
                ("index.html", None)
            }
            Output::Feed(body) => {
                let listing = body.and_then(|b| site.bodies.get(b));
                let entries = site.entries.iter().filter(|e| {
                    listing.is_none_or(|l| l.key == e.resolution.meta.body)
                        && e.resolution.meta.adopted.is_some()
                });
                let entries: Vec<_> = latest(entries).take(FEED_LENGTH).collect();
                ctx.insert("feed", &feed_view(config, listing, &entries));
                ("atom.xml", None)
            }
            Output::Resolution(i) => {
                let view = self
                    .text(*i)
                    .and_then(|text| resolution_view(config, site, self.links, *i, &text));
                ctx.insert("resolution", &view);
                (
                    "resolution.html",
                    site.entries.get(*i).map(|e| e.resolution.source.clone()),
                )
            }
            Output::Body(b) => {
                if let Some(listing) = site.bodies.get(*b) {
                    let sessions: Vec<_> = listing
                        .sessions
                        .iter()
                        .map(|s| session_view(config, listing, s))
                        .collect();
                    ctx.insert("body", &body_view(config, listing));
                    ctx.insert("sessions", &sessions);
                }
                ("list.html", None)
            }
            Output::Session(b, s, page) => {
                if let Some((listing, session)) = site
                    .bodies
                    .get(*b)
                    .and_then(|l| Some((l, l.sessions.get(*s)?)))
                {
                    ctx.insert("body", &body_view(config, listing));
                    ctx.insert("session", &session_view(config, listing, session));
                    self.insert_page(ctx, &session.path, &session.entries, *page);
                }
                ("list.html", None)
            }
            Output::Subjects => {
                let subjects: Vec<_> = site
                    .subjects
                    .iter()
                    .map(|s| subject_view(config, s))
                    .collect();
                ctx.insert("subjects", &subjects);
                ("subjects.html", None)
            }
            Output::Subject(k, page) => {
                if let Some(subject) = site.subjects.get(*k) {
                    ctx.insert("subject", &subject_view(config, subject));
                    self.insert_page(ctx, &subject.path, &subject.entries, *page);
                }
                ("subjects.html", None)
            }
            Output::Page(i) => {
                if let Some(p) = site.pages.get(*i) {
                    let html = match self.highlighter {
                        Some(h) => markdown::page_html(&p.markdown, h),
                        None => markdown::page_html(&p.markdown, &NoHighlight),
                    };
                    ctx.insert(
                        "page",
                        &serde_json::json!({ "title": p.title, "html": html }),
                    );
                }
                ("page.html", site.pages.get(*i).map(|p| p.source.clone()))
            }
            Output::Redirect(i, _) => {
                if let Some(e) = site.entries.get(*i) {
                    ctx.insert("target", &summary(config, e));
                    ctx.insert("target_permalink", &config.absolute(&e.path));
                }
                (
                    "redirect.html",
                    site.entries.get(*i).map(|e| e.resolution.source.clone()),
                )
            }
            Output::Search => {
                ctx.insert("search", &search_view(site));
                ("search.html", None)
            }
            Output::NotFound => ("404.html", None),
            Output::Sitemap => {
                let urls = self.sitemap_urls();
                if urls.len() <= SITEMAP_LIMIT {
                    ctx.insert("urls", &urls);
                    return ("sitemap.xml", None);
                }
                let parts: Vec<String> = site
                    .outputs
                    .iter()
                    .filter(|p| matches!(p.output, Output::SitemapPart(_)))
                    .map(|p| self.config.absolute(&p.path))
                    .collect();
                ctx.insert("sitemaps", &parts);
                ("sitemap_index.xml", None)
            }
            Output::SitemapPart(k) => {
                let urls = self.sitemap_urls();
                let part = urls.chunks(SITEMAP_LIMIT).nth(*k).unwrap_or_default();
                ctx.insert("urls", part);
                ("sitemap.xml", None)
            }
            Output::Robots => ("robots.txt", None),
            Output::Citations | Output::Companion(..) => ("", None),
        }
    }
}

/// Entries newest first; undated ones last, then by address.
fn latest<'e>(entries: impl Iterator<Item = &'e Entry>) -> impl Iterator<Item = &'e Entry> {
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

struct NoHighlight;

impl Highlight for NoHighlight {
    fn highlight(&self, _: &str, _: &str) -> Option<String> {
        None
    }
}
