//! Stage 3: the archive as a whole. Gives every resolution its permalink,
//! orders them, derives the listing pages, and checks that no two sources
//! claim the same symbol or address.

pub mod pages;
pub mod states;
pub mod topics;
pub mod versions;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::output::OutPath;
use crate::resolution::Resolution;
use crate::text::{natural_key, NaturalChunk};
use crate::urls::Values;
pub use pages::Page;
pub use topics::{Facet, TopicListing};

/// A resolution with its place in the site.
#[derive(Debug, Clone)]
pub struct Entry {
    pub resolution: Arc<Resolution>,
    /// Site path of its page (`/ga/76/10/`), before the base path.
    pub path: String,
    /// Site path of its session listing (`/ga/76/`).
    pub session_path: String,
    /// The number as the body writes it (`76/10`, `1325 (2000)`).
    pub cited_as: String,
    /// Its versions in the archive's other languages ([`Site::versions`]),
    /// in the order of `languages`.
    pub versions: Vec<usize>,
}

/// A resolution in another of the archive's languages than the one its
/// entry is in: its own page, at its language's address (`/fr/ga/74/1/`).
#[derive(Debug, Clone)]
pub struct Version {
    pub entry: Entry,
    /// The entry it is a version of ([`Site::entries`]).
    pub of: usize,
}

/// One session or year of one body.
#[derive(Debug, Clone)]
pub struct Session {
    pub name: String,
    pub path: String,
    /// Indices into [`Site::entries`], in natural order of number.
    pub entries: Vec<usize>,
}

/// One body with resolutions in the archive.
#[derive(Debug, Clone)]
pub struct BodyListing {
    pub key: String,
    pub path: String,
    /// Sessions, most recent first.
    pub sessions: Vec<Session>,
}

/// How many resolutions one listing page shows; longer listings go on at
/// `page/2/`, `page/3/`, ….
pub(crate) const PAGE_SIZE: usize = 100;

/// The site path of page `page` (from 0) of a listing at `path`.
pub(crate) fn page_path(path: &str, page: usize) -> String {
    if page == 0 {
        path.to_string()
    } else {
        format!("{path}page/{}/", page + 1)
    }
}

/// How many pages a listing of `n` resolutions takes.
pub(crate) fn page_count(n: usize) -> usize {
    n.div_ceil(PAGE_SIZE).max(1)
}

/// What one output is made for: the site, or one thing in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum For {
    Site,
    /// A body with resolutions in the archive ([`Site::bodies`]).
    Body(usize),
    /// A session of a body: body, then session ([`BodyListing::sessions`]).
    Session(usize, usize),
    /// A subject, committee or agenda item ([`Site::topics`]).
    Topic(Facet, usize),
    /// The agenda of a session: body, then session.
    Agenda(usize, usize),
    /// A resolution ([`Site::entries`]).
    Resolution(usize),
    /// A resolution in another language ([`Site::versions`]).
    Version(usize),
    /// An ordinary page ([`Site::pages`]).
    Page(usize),
    /// A state of the recorded votes ([`Site::states`]).
    State(usize),
}

impl For {
    /// The entry it is made for, if it is made for a resolution.
    pub fn entry(self) -> Option<usize> {
        match self {
            For::Resolution(i) => Some(i),
            _ => None,
        }
    }
}

/// Names one form of output in the registry of kinds
/// ([`crate::kinds::Registry`]): the kind, then the form within it. Plain
/// numbers, so the model of the site knows no renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FormId {
    pub kind: u8,
    pub form: u8,
}

/// One output: a form of output, what it is made for, and which of that
/// form's files for it (the page of a listing, the part of the sitemap, the
/// n-th redirect), from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Output {
    pub form: FormId,
    pub of: For,
    pub part: usize,
}

/// The most URLs one sitemap file may hold (the sitemaps.org protocol's
/// limit).
pub(crate) const SITEMAP_LIMIT: usize = 50_000;

/// One file of the site: its address, the file inside the output folder
/// it is written to, and what makes it.
#[derive(Debug, Clone)]
pub struct Planned {
    /// Site path (`/ga/76/10/`, `/ga/atom.xml`), before the base path.
    pub path: String,
    pub file: OutPath,
    pub output: Output,
    /// A page search engines should list (in the sitemap).
    pub listed: bool,
}

#[derive(Debug)]
pub struct Site {
    /// Sorted by body (registry order), session and number; each
    /// resolution once, in the default language when it has it.
    pub entries: Vec<Entry>,
    /// The other language versions, by entry, then in the order of
    /// `languages`.
    pub versions: Vec<Version>,
    pub bodies: Vec<BodyListing>,
    /// Subjects by address, committees by body, agenda items by session
    /// ([`Site::topics`]).
    topics: [Vec<TopicListing>; 3],
    /// The states of the recorded votes, by code.
    pub states: Vec<states::StateListing>,
    pub pages: Vec<Page>,
    /// Every file to write, in a stable order ([`crate::kinds::plan`]).
    pub outputs: Vec<Planned>,
    /// Every kind of output by name, with whether the site has it (set
    /// with the plan).
    pub kinds: BTreeMap<&'static str, bool>,
}

impl Site {
    /// The archive as a site, its outputs not yet planned
    /// ([`crate::kinds::plan`] plans them).
    pub fn assemble(
        config: &Config,
        resolutions: Vec<Arc<Resolution>>,
        pages: Vec<Page>,
    ) -> (Site, Diagnostics) {
        let mut diags = Diagnostics::default();
        let all: Vec<Entry> = resolutions
            .into_iter()
            .filter_map(|r| entry(config, r))
            .collect();
        check_symbols(&all, &mut diags);
        let (mut entries, others) = versions::split(config, all);
        entries.sort_by_cached_key(|e| sort_key(config, e));
        let versions = versions::attach(config, &mut entries, others);
        let bodies = listings(config, &entries);
        let topics = topics::listings(config, &entries, &bodies);
        let states = states::state_listings(config, &entries);
        let site = Site {
            entries,
            versions,
            bodies,
            topics,
            states,
            pages,
            outputs: Vec::new(),
            kinds: BTreeMap::new(),
        };
        (site, diags)
    }

    /// The archive's languages that hold texts, in the order of
    /// `languages`: the default always (its pages list every resolution),
    /// then each other that a text is in.
    pub fn languages<'c>(&self, config: &'c Config) -> Vec<&'c str> {
        let texts = self
            .entries
            .iter()
            .chain(self.versions.iter().map(|v| &v.entry));
        let held: std::collections::BTreeSet<&str> =
            texts.map(|e| e.resolution.meta.language.as_str()).collect();
        (config.languages.iter())
            .filter(|l| **l == config.language || held.contains(l.as_str()))
            .map(String::as_str)
            .collect()
    }

    /// The subjects, committees or agenda items.
    pub fn topics(&self, facet: Facet) -> &[TopicListing] {
        &self.topics[facet as usize]
    }

    /// The subjects of the archive, by address.
    pub fn subjects(&self) -> &[TopicListing] {
        self.topics(Facet::Subject)
    }

    /// What an output for a topic is made for.
    pub(crate) fn topic_for(&self, of: For) -> Option<&TopicListing> {
        match of {
            For::Topic(facet, k) => self.topics(facet).get(k),
            _ => None,
        }
    }

    /// The version an output is made for, if it is made for one.
    pub(crate) fn version_for(&self, of: For) -> Option<&Version> {
        match of {
            For::Version(v) => self.versions.get(v),
            _ => None,
        }
    }

    /// The entry an output is made for, if it is made for one.
    pub(crate) fn entry_for(&self, of: For) -> Option<&Entry> {
        of.entry().and_then(|i| self.entries.get(i))
    }

    /// The entry before and after `i` in reading order within its body.
    pub(crate) fn neighbours(&self, i: usize) -> (Option<&Entry>, Option<&Entry>) {
        let Some(me) = self.entries.get(i) else {
            return (None, None);
        };
        let same_body = |e: &&Entry| e.resolution.meta.body == me.resolution.meta.body;
        let prev = i
            .checked_sub(1)
            .and_then(|p| self.entries.get(p))
            .filter(same_body);
        let next = self.entries.get(i + 1).filter(same_body);
        (prev, next)
    }
}

fn entry(config: &Config, resolution: Arc<Resolution>) -> Option<Entry> {
    let meta = &resolution.meta;
    let body = config.body(&meta.body)?;
    let values = Values {
        body: &body.key,
        session: &meta.session,
        number: &meta.number,
    };
    let path = body.permalink.fill_slugs(values);
    Some(Entry {
        path: crate::urls::in_language(&config.language, &meta.language, &path),
        session_path: body.session_permalink.fill_slugs(values),
        cited_as: body.cited_as.fill(values),
        resolution,
        versions: Vec::new(),
    })
}

type SortKey = (usize, Vec<NaturalChunk>, Vec<NaturalChunk>, String);

fn sort_key(config: &Config, e: &Entry) -> SortKey {
    let m = &e.resolution.meta;
    let body = config
        .bodies
        .iter()
        .position(|b| b.key == m.body)
        .unwrap_or(usize::MAX);
    (
        body,
        natural_key(&m.session),
        natural_key(&m.number),
        m.symbol.clone(),
    )
}

/// Two files claiming one symbol in one language are an error naming both.
fn check_symbols(entries: &[Entry], diags: &mut Diagnostics) {
    let mut seen: HashMap<(&str, &str), &Entry> = HashMap::new();
    for e in entries {
        let m = &e.resolution.meta;
        let symbol = m.symbol.as_str();
        if let Some(first) = seen.insert((symbol, &m.language), e) {
            diags.error(
                &e.resolution.source,
                1,
                format!(
                    "{symbol} is also the symbol of {}",
                    first.resolution.source.display()
                ),
            );
        }
    }
}

/// Bodies and their sessions, for the listing pages.
fn listings(config: &Config, entries: &[Entry]) -> Vec<BodyListing> {
    let mut by_body: BTreeMap<usize, BTreeMap<Vec<NaturalChunk>, Session>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let m = &e.resolution.meta;
        let Some(b) = config.bodies.iter().position(|b| b.key == m.body) else {
            continue;
        };
        by_body
            .entry(b)
            .or_default()
            .entry(natural_key(&m.session))
            .or_insert_with(|| Session {
                name: m.session.clone(),
                path: e.session_path.clone(),
                entries: Vec::new(),
            })
            .entries
            .push(i);
    }
    by_body
        .into_iter()
        .filter_map(|(b, sessions)| {
            let key = config.bodies.get(b)?.key.clone();
            Some(BodyListing {
                path: format!("/{key}/"),
                key,
                sessions: sessions.into_values().rev().collect(),
            })
        })
        .collect()
}
