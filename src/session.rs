//! A build that stays in memory between changes, for `plenary serve` and
//! `plenary build --watch`.
//!
//! A changed file is re-read and re-parsed alone, and citations are looked
//! for again only in it. The archive is then re-assembled and re-linked
//! from the cached parts (cheap), and every output gets a fingerprint of
//! what its page is made from: only outputs whose fingerprint changed are
//! rendered and written. The result equals a full build byte for byte
//! (`tests/incremental.rs`).

use rayon::prelude::*;
use rustc_hash::FxHasher;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::build::{
    check_output, configure, lock_output, output_folder, parse_source, BuildOptions, Parsed,
};
use crate::cite::{self, Finds, Links, Recogniser};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::kinds::Kind;
use crate::load::{self, Source, CONTENT_DIR};
use crate::output::{self, Lock, OutPath, Staging, NOJEKYLL};
use crate::render::context::site_view;
use crate::render::theme::Theme;
use crate::render::Renderer;
use crate::search;
use crate::site::{Output, Site, PAGE_SIZE};

/// What changed on disk, as far as the build is concerned.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Change {
    /// A file or folder under `content/` (absolute path).
    Content(PathBuf),
    /// Templates, static files or the theme.
    Theme,
    /// `config.yaml`: everything starts again.
    Config,
}

/// What one build or rebuild did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub written: usize,
    pub removed: usize,
    /// Warnings (a failed rebuild returns its errors instead).
    pub diagnostics: Vec<Diagnostic>,
}

/// A file the site should have.
struct Wanted<'s> {
    file: OutPath,
    made: Made<'s>,
    print: u64,
}

/// What a wanted file's bytes come from.
enum Made<'s> {
    /// An output, rendered when it changed.
    Output(&'s crate::site::Planned),
    /// A static file or a file of the search index, ready.
    Data(&'s [u8]),
}

/// One source file as last read.
struct Cached {
    /// Hash of the file's text, to tell whether it changed.
    hash: u64,
    /// Hash of what places it in the site (kind, body, number, symbol,
    /// draft, aliases; a page's address): if it stays, the site keeps its
    /// shape.
    identity: u64,
    parsed: Option<Parsed>,
    diags: Diagnostics,
    finds: Option<Arc<Finds>>,
}

pub struct Session {
    opts: BuildOptions,
    config: Config,
    output: PathBuf,
    /// Held for the session's life: it writes the output folder whenever
    /// a source changes, so no build may swap the folder meanwhile.
    lock: Option<Lock>,
    recogniser: Recogniser,
    /// Keyed by path inside `content/`, so iteration is in load order.
    sources: BTreeMap<PathBuf, Cached>,
    /// Problems listing `content/` itself.
    walk_diags: Diagnostics,
    theme: Theme,
    /// Bumped on every theme reload, so every page is rendered again.
    theme_generation: u64,
    /// The files in the output folder, by path inside it, with the
    /// fingerprint of what they were made from.
    written: HashMap<OutPath, u64>,
    /// The site as last built, to patch when a change keeps its shape.
    kept: Option<Kept>,
    /// Sources re-read since the last good build.
    dirty: HashSet<PathBuf>,
    /// The search terms of each entry, by what they are made from (see
    /// [`terms_key`]), so a rebuild indexes only what changed.
    terms: HashMap<u64, Arc<search::Terms>>,
}

/// A built site kept between rebuilds, with indexes to patch it.
struct Kept {
    site: Site,
    links: Links,
    site_diags: Diagnostics,
    /// Entry and page index of each source, by path inside `content/`.
    entry_of: HashMap<PathBuf, usize>,
    page_of: HashMap<PathBuf, usize>,
    /// What decided the shape of the site, per source.
    identity: HashMap<PathBuf, u64>,
    /// Per entry: its source's hash, and the citations found in it.
    hashes: Vec<u64>,
    finds: Vec<Arc<Finds>>,
}

impl Session {
    /// Builds the whole site into the output folder (through a staging
    /// folder, as `plenary build` does) and keeps what it learned.
    pub fn start(mut opts: BuildOptions) -> Result<(Session, Outcome), Vec<Diagnostic>> {
        // File events name absolute paths; the root must be comparable.
        if let Ok(root) = std::fs::canonicalize(&opts.root) {
            opts.root = root;
        }
        let config = configure(&opts).map_err(|d| vec![d])?;
        let output = output_folder(&opts, &config);
        check_output(&opts, &config, &output).map_err(|d| vec![d])?;
        let lock = lock_output(&opts, &output).map_err(|d| vec![d])?;
        check_output(&opts, &config, &output).map_err(|d| vec![d])?;
        let recogniser = Recogniser::new(&config);
        let content = opts.root.join(CONTENT_DIR);
        let mut walk_diags = Diagnostics::default();
        for w in &config.warnings {
            walk_diags.push(w.clone());
        }
        let paths = if content.is_dir() {
            load::source_paths(&content, &mut walk_diags)
        } else {
            // load() words this error; reuse it.
            let (_, d) = load::load(&opts.root);
            walk_diags.extend(d);
            Vec::new()
        };
        let sources: BTreeMap<PathBuf, Cached> = paths
            .par_iter()
            .map(|rel| (rel.clone(), read(&content, rel, &config, &recogniser)))
            .collect();
        let theme = Theme::load(&opts.root, &config, has_pages(&sources)).map_err(|d| vec![d])?;
        let mut session = Session {
            opts,
            config,
            output,
            lock: Some(lock),
            recogniser,
            sources,
            walk_diags,
            theme,
            theme_generation: 0,
            written: HashMap::new(),
            kept: None,
            dirty: HashSet::new(),
            terms: HashMap::new(),
        };
        let outcome = session.refresh(true)?;
        Ok((session, outcome))
    }

    pub fn output(&self) -> &Path {
        &self.output
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Brings the output up to date with `changes`. On failure the output
    /// is left as it was, and the errors are returned.
    pub fn apply(&mut self, changes: &[Change]) -> Result<Outcome, Vec<Diagnostic>> {
        if changes.contains(&Change::Config) {
            // The fresh session takes the lock again, perhaps on another
            // folder; on failure this one goes on, with its lock back.
            self.lock = None;
            return match Session::start(self.opts.clone()) {
                Ok((fresh, outcome)) => {
                    *self = fresh;
                    Ok(outcome)
                }
                Err(diags) => {
                    self.lock = lock_output(&self.opts, &self.output).ok();
                    Err(diags)
                }
            };
        }
        for change in changes {
            if let Change::Content(path) = change {
                self.reread(path);
            }
        }
        if changes.contains(&Change::Theme) {
            self.reload_theme()?;
        }
        self.refresh(false)
    }

    fn reload_theme(&mut self) -> Result<(), Vec<Diagnostic>> {
        self.theme = Theme::load(&self.opts.root, &self.config, has_pages(&self.sources))
            .map_err(|d| vec![d])?;
        self.theme_generation += 1;
        Ok(())
    }

    /// Re-reads a changed file, or every file under a changed folder, and
    /// forgets the ones that are gone.
    fn reread(&mut self, path: &Path) {
        let content = self.opts.root.join(CONTENT_DIR);
        let Ok(rel) = path.strip_prefix(&content) else {
            return;
        };
        let rel = rel.to_path_buf();
        if path.is_file() {
            if is_source(&rel) {
                let cached = read(&content, &rel, &self.config, &self.recogniser);
                self.sources.insert(rel.clone(), cached);
                self.dirty.insert(rel);
            }
            return;
        }
        // A folder that went away or appeared (a move, a deletion).
        let gone: Vec<PathBuf> = self
            .sources
            .keys()
            .filter(|k| k.starts_with(&rel) && !content.join(k).is_file())
            .cloned()
            .collect();
        for k in gone {
            self.sources.remove(&k);
            self.dirty.insert(k);
        }
        if path.is_dir() {
            let mut diags = Diagnostics::default();
            let under: Vec<PathBuf> = load::source_paths(path, &mut diags)
                .into_iter()
                .map(|p| rel.join(p))
                .filter(|p| !self.sources.contains_key(p))
                .collect();
            for p in under {
                let cached = read(&content, &p, &self.config, &self.recogniser);
                self.sources.insert(p.clone(), cached);
                self.dirty.insert(p);
            }
        }
    }

    /// Assembles, links and renders what changed. `first` writes the whole
    /// site through a staging folder.
    fn refresh(&mut self, first: bool) -> Result<Outcome, Vec<Diagnostic>> {
        if has_pages(&self.sources) && self.theme.highlighter().is_none() {
            self.reload_theme()?;
        }
        let kept = match self.kept.take() {
            Some(k) if !first && self.keeps_shape(&k) => self.patch(k),
            _ => self.assemble()?,
        };
        let mut diags = self.walk_diags.clone();
        for cached in self.sources.values() {
            diags.extend(cached.diags.clone());
        }
        diags.extend(kept.site_diags.clone());
        diags.extend(kept.links.diagnostics());

        let prints = Fingerprints::new(&self.config, &kept, self.theme_generation);
        let index = if self.config.outputs.has(Kind::Search) {
            self.search_index(&kept)
        } else {
            search::Files::default()
        };
        let wanted = self
            .plan(&kept.site, &prints, &index)
            .map_err(|d| vec![d])?;
        let changed: Vec<&Wanted> = wanted
            .iter()
            .filter(|w| first || self.written.get(&w.file) != Some(&w.print))
            .collect();
        let renderer = Renderer::new(
            &self.theme.tera,
            &self.opts.root,
            &self.config,
            &kept.site,
            &kept.links,
            self.theme.highlighter(),
        )
        .map_err(|d| vec![d])?;
        let rendered: Vec<(OutPath, Vec<u8>)> = changed
            .par_iter()
            .map(|w| Ok((w.file.clone(), self.bytes(&renderer, w)?)))
            .collect::<Result<Vec<_>, Diagnostic>>()
            .map_err(|d| vec![d])?;

        let now: HashMap<OutPath, u64> = wanted.into_iter().map(|w| (w.file, w.print)).collect();
        let removed = self.write(first, &rendered, &now)?;
        self.written = now;
        self.kept = Some(kept);
        self.dirty.clear();
        Ok(Outcome {
            written: rendered.len(),
            removed,
            diagnostics: diags.into_sorted(),
        })
    }

    /// The search index, with the terms of unchanged entries kept from the
    /// last build.
    fn search_index(&mut self, kept: &Kept) -> search::Files {
        let site = &kept.site;
        let keys: Vec<u64> = (0..site.entries.len())
            .map(|i| terms_key(site, &kept.hashes, i))
            .collect();
        let missing: Vec<(u64, Arc<search::Terms>)> = keys
            .par_iter()
            .enumerate()
            .filter(|(_, k)| !self.terms.contains_key(k))
            .map(|(i, &k)| (k, Arc::new(search::document_terms(&site.entries[i]))))
            .collect();
        let mut terms: HashMap<u64, Arc<search::Terms>> = keys
            .iter()
            .filter_map(|k| self.terms.get(k).map(|t| (*k, t.clone())))
            .collect();
        terms.extend(missing);
        let index = search::build_with(&self.config, site, |i| {
            keys.get(i)
                .and_then(|k| terms.get(k))
                .cloned()
                .unwrap_or_else(|| Arc::new(search::document_terms(&site.entries[i])))
        });
        self.terms = terms;
        index
    }

    /// Whether the files changed since the last good build left the shape
    /// of the site alone: the same resolutions and pages at the same
    /// addresses, so only their contents need replacing.
    fn keeps_shape(&self, k: &Kept) -> bool {
        self.dirty
            .iter()
            .all(|rel| self.sources.get(rel).map(|c| c.identity) == k.identity.get(rel).copied())
    }

    /// Replaces the changed contents in the kept site, and resolves again
    /// the citations of the changed resolutions and of those citing them.
    fn patch(&self, mut k: Kept) -> Kept {
        let mut again = Vec::new();
        for rel in &self.dirty {
            let Some(cached) = self.sources.get(rel) else {
                continue;
            };
            match &cached.parsed {
                Some(Parsed::Resolution(r)) => {
                    let Some(&i) = k.entry_of.get(rel) else {
                        continue;
                    };
                    if let Some(e) = k.site.entries.get_mut(i) {
                        e.resolution = r.clone();
                    }
                    if let (Some(h), Some(f)) = (k.hashes.get_mut(i), k.finds.get_mut(i)) {
                        *h = cached.hash;
                        *f = cached.finds.clone().unwrap_or_default();
                    }
                    again.push(i);
                    again.extend(k.links.citers(i));
                }
                Some(Parsed::Page(p)) => {
                    if let Some(slot) = k.page_of.get(rel).and_then(|&j| k.site.pages.get_mut(j)) {
                        *slot = p.clone();
                    }
                }
                None => {}
            }
        }
        again.sort_unstable();
        again.dedup();
        let finds: Vec<&Finds> = k.finds.iter().map(|f| f.as_ref()).collect();
        k.links.resolve(&k.site, &self.config, &finds, &again);
        k
    }

    /// Assembles the site from every cached source, and links it.
    fn assemble(&self) -> Result<Kept, Vec<Diagnostic>> {
        let mut resolutions = Vec::new();
        let mut pages = Vec::new();
        let mut diags = self.walk_diags.clone();
        for cached in self.sources.values() {
            diags.extend(cached.diags.clone());
            if let Some(p) = cached.parsed.clone() {
                p.sort_into(self.opts.drafts, &mut resolutions, &mut pages);
            }
        }
        let statics: Vec<&str> = self.theme.statics.keys().map(String::as_str).collect();
        let (site, site_diags) = Site::assemble(&self.config, resolutions, pages, &statics);
        diags.extend(site_diags.clone());
        if diags.has_errors() {
            return Err(diags.into_sorted());
        }
        let cached = |rel: &Path| self.sources.get(rel);
        let finds: Vec<Arc<Finds>> = site
            .entries
            .iter()
            .map(|e| {
                cached(&e.resolution.rel)
                    .and_then(|c| c.finds.clone())
                    .unwrap_or_default()
            })
            .collect();
        let hashes = site
            .entries
            .iter()
            .map(|e| cached(&e.resolution.rel).map_or(0, |c| c.hash))
            .collect();
        let refs: Vec<&Finds> = finds.iter().map(|f| f.as_ref()).collect();
        let (links, _) = cite::resolve_all(&site, &self.config, &refs);
        let page_of = site
            .pages
            .iter()
            .enumerate()
            .filter_map(|(j, p)| Some((p.source.strip_prefix(CONTENT_DIR).ok()?.to_path_buf(), j)))
            .collect();
        Ok(Kept {
            entry_of: site
                .entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.resolution.rel.clone(), i))
                .collect(),
            page_of,
            identity: self
                .sources
                .iter()
                .map(|(rel, c)| (rel.clone(), c.identity))
                .collect(),
            hashes,
            finds,
            site,
            links,
            site_diags,
        })
    }

    /// Every file the site should have, with its fingerprint.
    fn plan<'s>(
        &'s self,
        site: &'s Site,
        prints: &Fingerprints,
        index: &'s search::Files,
    ) -> Result<Vec<Wanted<'s>>, Diagnostic> {
        let outputs = site.outputs.par_iter().map(|p| {
            Ok(Wanted {
                file: p.file.clone(),
                made: Made::Output(p),
                print: prints.of(&p.output),
            })
        });
        let data = |path: String, bytes: &'s [u8]| {
            let file = output::file_for(&path).map_err(|e| {
                Diagnostic::error(&self.output, 0, format!("cannot write `{path}`: {e}"))
            })?;
            Ok(Wanted {
                file,
                made: Made::Data(bytes),
                print: hash_of(bytes),
            })
        };
        let statics = self
            .theme
            .statics
            .par_iter()
            .map(|(name, bytes)| data(format!("/{name}"), bytes));
        let index = index
            .par_iter()
            .map(|(path, bytes)| data(path.clone(), bytes));
        let nojekyll = rayon::iter::once(data(format!("/{NOJEKYLL}"), b""));
        outputs
            .chain(statics)
            .chain(index)
            .chain(nojekyll)
            .collect()
    }

    fn bytes(&self, renderer: &Renderer, w: &Wanted) -> Result<Vec<u8>, Diagnostic> {
        match w.made {
            Made::Output(p) => renderer.render(&p.path, &p.output),
            Made::Data(bytes) => Ok(bytes.to_vec()),
        }
    }

    /// Writes rendered files, and removes files no output makes any more.
    fn write(
        &self,
        first: bool,
        rendered: &[(OutPath, Vec<u8>)],
        now: &HashMap<OutPath, u64>,
    ) -> Result<usize, Vec<Diagnostic>> {
        let io_error = |e: std::io::Error| {
            vec![Diagnostic::error(
                &self.output,
                0,
                format!("cannot write the site: {e}"),
            )]
        };
        if first {
            let staging = Staging::create(&self.output).map_err(io_error)?;
            rendered
                .par_iter()
                .try_for_each(|(file, bytes)| staging.write(file, bytes))
                .map_err(io_error)?;
            staging.commit().map_err(io_error)?;
            return Ok(0);
        }
        rendered
            .par_iter()
            .try_for_each(|(file, bytes)| output::replace_file(&self.output, file, bytes))
            .map_err(io_error)?;
        let gone: Vec<&OutPath> = self
            .written
            .keys()
            .filter(|f| !now.contains_key(*f))
            .collect();
        for file in &gone {
            output::remove_file(&self.output, file).map_err(io_error)?;
        }
        Ok(gone.len())
    }
}

/// What an entry's search terms are made from: its source and the number
/// it is cited by.
fn terms_key(site: &Site, hashes: &[u64], i: usize) -> u64 {
    let e = site.entries.get(i);
    hash_of((hashes.get(i), e.map(|e| &e.cited_as)))
}

fn has_pages(sources: &BTreeMap<PathBuf, Cached>) -> bool {
    sources
        .values()
        .any(|c| matches!(c.parsed, Some(Parsed::Page(_))))
}

/// Whether a path inside `content/` is a source plenary reads.
fn is_source(rel: &Path) -> bool {
    load::is_markdown(rel)
        && rel
            .components()
            .all(|c| !load::is_ignored(&c.as_os_str().to_string_lossy()))
}

/// Reads, parses and looks for citations in one source.
fn read(content: &Path, rel: &Path, config: &Config, recogniser: &Recogniser) -> Cached {
    let mut diags = Diagnostics::default();
    match load::read_source(content, rel) {
        Ok(source) => {
            let hash = source_hash(&source);
            let (parsed, d) = parse_source(&source, config);
            diags.extend(d);
            let finds = match &parsed {
                Some(Parsed::Resolution(r)) => Some(Arc::new(cite::find(r, recogniser))),
                _ => None,
            };
            Cached {
                hash,
                identity: identity(&parsed),
                parsed,
                diags,
                finds,
            }
        }
        Err(d) => {
            diags.push(d);
            Cached {
                hash: 0,
                identity: identity(&None),
                parsed: None,
                diags,
                finds: None,
            }
        }
    }
}

fn identity(parsed: &Option<Parsed>) -> u64 {
    match parsed {
        Some(Parsed::Resolution(r)) => {
            let m = &r.meta;
            hash_of((
                1, &m.body, &m.session, &m.number, &m.symbol, m.draft, &m.aliases,
            ))
        }
        Some(Parsed::Page(p)) => hash_of((2, &p.path, p.draft)),
        None => hash_of(0),
    }
}

fn source_hash(s: &Source) -> u64 {
    let mut h = FxHasher::default();
    s.front_matter.hash(&mut h);
    s.text.hash(&mut h);
    h.finish()
}

fn hash_of(value: impl Hash) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

/// What each output is made from, hashed. Two equal fingerprints mean the
/// same bytes; anything a template can see must go in.
struct Fingerprints<'a> {
    site: &'a Site,
    links: &'a Links,
    /// Source hash of each entry.
    hashes: &'a [u64],
    /// The `site` template variable, the theme and the base URL.
    everywhere: u64,
}

impl<'a> Fingerprints<'a> {
    fn new(config: &Config, kept: &'a Kept, generation: u64) -> Self {
        let view = serde_json::to_string(&site_view(config, &kept.site)).unwrap_or_default();
        Fingerprints {
            site: &kept.site,
            links: &kept.links,
            hashes: &kept.hashes,
            everywhere: hash_of((view, generation, &config.base_url)),
        }
    }

    /// What a listing or a redirect shows of an entry: its summary.
    fn summary(&self, h: &mut FxHasher, i: usize) {
        if let Some(e) = self.site.entries.get(i) {
            let m = &e.resolution.meta;
            (&m.symbol, &m.title, &m.number, &m.session, &m.body).hash(h);
            (&m.adopted, &e.cited_as, &e.path).hash(h);
        }
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

    fn of(&self, output: &Output) -> u64 {
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
            Output::Source(i) => self.entry(&mut h, *i),
            Output::Akn(i) | Output::Json(i) => {
                self.entry(&mut h, *i);
                self.links.digest(*i).hash(&mut h);
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
