//! What each output is made from, hashed: a kept pipeline renders again
//! only the outputs whose fingerprint changed. Each form says what it is
//! made from ([`super::Form::inputs`]) with the helpers here.

use rayon::prelude::*;
use rustc_hash::FxHasher;
use std::hash::{Hash, Hasher};

use super::Registry;
use crate::cite::Links;
use crate::config::Config;
use crate::render::context::site_view;
use crate::site::{Output, Site, PAGE_SIZE};

/// What every output is made from, and per entry what a listing shows of
/// it, hashed once; the fingerprint of each output builds on them. Two
/// equal fingerprints mean the same bytes; anything a template can see
/// must go in.
pub(crate) struct Inputs<'a> {
    pub(crate) site: &'a Site,
    pub(crate) links: &'a Links,
    /// Each entry's source and address, hashed.
    entries: Vec<u64>,
    /// Each version's source and address, hashed.
    versions: Vec<u64>,
    /// The `site` template variable, the theme and the base URL.
    everywhere: u64,
    /// What a listing, a feed or a redirect shows of each entry, hashed
    /// once: most outputs show many entries.
    summaries: Vec<u64>,
}

impl<'a> Inputs<'a> {
    /// `hashes` holds each entry's source hash, then each version's;
    /// `generation` changes with the theme.
    pub(crate) fn new(
        config: &Config,
        site: &'a Site,
        links: &'a Links,
        [hashes, version_hashes]: [&'a [u64]; 2],
        generation: u64,
    ) -> Self {
        let view = serde_json::to_string(&site_view(config, site)).unwrap_or_default();
        let summaries = site
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
        let entries = site
            .entries
            .par_iter()
            .enumerate()
            .map(|(i, e)| hash_of((hashes.get(i), &e.path)))
            .collect();
        let versions = (site.versions.iter().enumerate())
            .map(|(v, version)| hash_of((version_hashes.get(v), &version.entry.path)))
            .collect();
        Inputs {
            site,
            links,
            entries,
            versions,
            everywhere: hash_of((view, generation, &config.base_url)),
            summaries,
        }
    }

    /// The fingerprint of one output.
    pub(crate) fn of(&self, registry: &Registry, output: &Output) -> u64 {
        let mut h = FxHasher::default();
        (self.everywhere, output.form, output.part).hash(&mut h);
        if let Some(form) = registry.form(output.form) {
            (form.inputs)(self, output, &mut h);
        }
        h.finish()
    }

    /// What a listing or a redirect shows of an entry: its summary.
    pub(crate) fn summary(&self, h: &mut FxHasher, i: usize) {
        self.summaries.get(i).hash(h);
    }

    /// One page of a listing: its place among the pages and what it lists.
    pub(crate) fn listing_page(&self, h: &mut FxHasher, entries: &[usize], page: usize) {
        (page, entries.len().div_ceil(PAGE_SIZE)).hash(h);
        for &i in entries.iter().skip(page * PAGE_SIZE).take(PAGE_SIZE) {
            self.summary(h, i);
        }
    }

    /// An entry's source and address.
    pub(crate) fn entry(&self, h: &mut FxHasher, i: usize) {
        self.entries.get(i).hash(h);
    }

    /// A version's source and address.
    pub(crate) fn version(&self, h: &mut FxHasher, v: usize) {
        self.versions.get(v).hash(h);
    }

    /// What an entry's list of citing resolutions shows: each citing
    /// entry's summary and the outline that names its places, and each
    /// citation's place and the paragraph it cites.
    pub(crate) fn citers(&self, h: &mut FxHasher, i: usize) {
        for c in self.links.cited_by(i) {
            let outline = self.site.entries.get(c.from).map(|e| e.resolution.outline);
            (self.summaries.get(c.from), outline).hash(h);
            (c.place, &c.from_anchor, &c.to_anchor).hash(h);
        }
    }
}

/// A fast hash of anything hashable.
pub(crate) fn hash_of(value: impl Hash) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    h.finish()
}
