//! What each output is made from, hashed: a kept pipeline renders again
//! only the outputs whose fingerprint changed.

use rayon::prelude::*;
use rustc_hash::FxHasher;
use std::hash::{Hash, Hasher};

use super::sources::hash_of;
use super::Kept;
use crate::cite::Links;
use crate::config::Config;
use crate::render::context::site_view;
use crate::site::{Output, Site, PAGE_SIZE};

/// What an entry's search terms are made from: its source and the number
/// it is cited by.
pub(super) fn terms_key(site: &Site, hashes: &[u64], i: usize) -> u64 {
    let e = site.entries.get(i);
    hash_of((hashes.get(i), e.map(|e| &e.cited_as)))
}

/// What each output is made from, hashed. Two equal fingerprints mean the
/// same bytes; anything a template can see must go in.
pub(super) struct Fingerprints<'a> {
    site: &'a Site,
    links: &'a Links,
    /// Source hash of each entry.
    hashes: &'a [u64],
    /// The `site` template variable, the theme and the base URL.
    everywhere: u64,
    /// What a listing, a feed or a redirect shows of each entry, hashed
    /// once: most outputs show many entries.
    summaries: Vec<u64>,
}

impl<'a> Fingerprints<'a> {
    pub(super) fn new(config: &Config, kept: &'a Kept, generation: u64) -> Self {
        let view = serde_json::to_string(&site_view(config, &kept.site)).unwrap_or_default();
        let summaries = kept
            .site
            .entries
            .par_iter()
            .map(|e| {
                let m = &e.resolution.meta;
                hash_of((
                    (&m.symbol, &m.title, &m.number, &m.session, &m.body),
                    (&m.adopted, &e.cited_as, &e.path),
                ))
            })
            .collect();
        Fingerprints {
            site: &kept.site,
            links: &kept.links,
            hashes: &kept.hashes,
            everywhere: hash_of((view, generation, &config.base_url)),
            summaries,
        }
    }

    /// What a listing or a redirect shows of an entry: its summary.
    fn summary(&self, h: &mut FxHasher, i: usize) {
        self.summaries.get(i).hash(h);
    }

    /// One page of a listing: its place among the pages and what it lists.
    fn listing_page(&self, h: &mut FxHasher, entries: &[usize], page: usize) {
        (page, entries.len().div_ceil(PAGE_SIZE)).hash(h);
        for &i in entries.iter().skip(page * PAGE_SIZE).take(PAGE_SIZE) {
            self.summary(h, i);
        }
    }

    /// An entry's source and address.
    fn entry(&self, h: &mut FxHasher, i: usize) {
        self.hashes.get(i).hash(h);
        self.site.entries.get(i).map(|e| &e.path).hash(h);
    }

    pub(super) fn of(&self, output: &Output) -> u64 {
        let mut h = FxHasher::default();
        self.everywhere.hash(&mut h);
        std::mem::discriminant(output).hash(&mut h);
        match output {
            Output::Resolution(i) => {
                self.entry(&mut h, *i);
                let (prev, next) = self.site.neighbours(*i);
                for n in [prev.map(|_| i.wrapping_sub(1)), next.map(|_| i + 1)]
                    .into_iter()
                    .flatten()
                {
                    self.entry(&mut h, n);
                }
                self.links.digest(*i).hash(&mut h);
                for c in self.links.cited_by(*i) {
                    self.entry(&mut h, c.from);
                    (c.place, &c.from_anchor, &c.to_anchor).hash(&mut h);
                }
            }
            Output::Redirect(i, _) => self.summary(&mut h, *i),
            Output::Companion(i, kind) => {
                self.entry(&mut h, *i);
                if kind.companion().is_some_and(|c| c.uses_text) {
                    self.links.digest(*i).hash(&mut h);
                }
                kind.hash(&mut h);
            }
            Output::Body(b) => {
                if let Some(body) = self.site.bodies.get(*b) {
                    for s in &body.sessions {
                        (&s.name, &s.path, s.entries.len()).hash(&mut h);
                    }
                }
            }
            Output::Session(b, s, page) => {
                if let Some(session) = self.site.bodies.get(*b).and_then(|l| l.sessions.get(*s)) {
                    (&session.name, &session.path).hash(&mut h);
                    self.listing_page(&mut h, &session.entries, *page);
                }
            }
            Output::Subjects => {
                for s in &self.site.subjects {
                    (&s.name, &s.path, s.entries.len()).hash(&mut h);
                }
            }
            Output::Subject(k, page) => {
                if let Some(subject) = self.site.subjects.get(*k) {
                    (&subject.name, &subject.path).hash(&mut h);
                    self.listing_page(&mut h, &subject.entries, *page);
                }
            }
            // The home page lists the latest resolutions of all.
            Output::Home => (0..self.site.entries.len()).for_each(|i| self.summary(&mut h, i)),
            Output::Page(i) => {
                if let Some(p) = self.site.pages.get(*i) {
                    (&p.path, &p.title, &p.markdown).hash(&mut h);
                }
            }
            Output::Feed(body) => {
                let key = body.and_then(|b| self.site.bodies.get(b)).map(|l| &l.key);
                for (i, e) in self.site.entries.iter().enumerate() {
                    if key.is_none_or(|k| *k == e.resolution.meta.body) {
                        self.summary(&mut h, i);
                    }
                }
            }
            Output::Sitemap | Output::SitemapPart(_) => self
                .site
                .outputs
                .iter()
                .for_each(|p| (&p.path, &p.output).hash(&mut h)),
            Output::Citations => {
                for (i, e) in self.site.entries.iter().enumerate() {
                    (self.links.digest(i), &e.resolution.meta.symbol).hash(&mut h);
                }
            }
            Output::Search => {
                for e in &self.site.entries {
                    (&e.resolution.meta.subjects, &e.resolution.meta.adopted).hash(&mut h);
                }
            }
            Output::NotFound | Output::Robots => {}
        }
        h.finish()
    }
}
