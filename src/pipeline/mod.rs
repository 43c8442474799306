//! The one pipeline: load → parse (`sources.rs`) → link → render → sink
//! (`sink.rs`). `plenary build` and `plenary check` run it once;
//! `plenary serve` and `build --watch` keep it ([`Pipeline::start`]) and,
//! on each change ([`Pipeline::apply`]), re-read only the changed files,
//! look for citations only in them, re-link from the cached parts, and
//! render and write only the outputs whose fingerprint
//! (`kinds::inputs`) changed. The result equals a full
//! build byte for byte (`tests/incremental.rs`).

mod options;
mod sink;
mod sources;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::cite::{self, Finds, Links, Recogniser};
use crate::config::Config;
use crate::diagnostics::{printable, Diagnostic, Diagnostics};
use crate::kinds::{self, Inputs, Registry};
use crate::load::CONTENT_DIR;
use crate::output::{self, Lock, OutPath, Staging, NOJEKYLL};
use crate::render::theme::Theme;
use crate::render::Renderer;
use crate::search;
use crate::search::terms::Analyzer;
use crate::site::{Planned, Site};
pub(crate) use options::configure;
pub use options::BuildOptions;
use options::{check_output, lock_output, output_folder};
use sink::{is_html, File, Sink};
use sources::{hash_of, Parsed, Sources};

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

/// Run once, or kept for the changes to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Once,
    Keep,
}

pub struct Pipeline {
    opts: BuildOptions,
    mode: Mode,
    config: Config,
    /// The kinds of output it knows.
    registry: Registry,
    output: PathBuf,
    /// Held from the first write on: a kept pipeline writes the output
    /// folder whenever a source changes, so no build may swap the folder
    /// meanwhile. None in check mode, and until the site is ready to write.
    lock: Option<Lock>,
    recogniser: Recogniser,
    sources: Sources,
    theme: Theme,
    /// Bumped on every theme reload, so every page is rendered again.
    theme_generation: u64,
    /// The files in the output folder, with the fingerprint of what they
    /// were made from (kept pipelines only).
    written: FxHashMap<OutPath, u64>,
    /// The site as last built, to patch when a change keeps its shape.
    kept: Option<Kept>,
    /// Sources re-read since the last good build.
    dirty: HashSet<PathBuf>,
    /// The search indexes (one per language) as last built, so a rebuild
    /// re-encodes only the files an edit changes (kept pipelines only).
    indexes: Vec<search::Index>,
    /// How long each stage of the first run took.
    timings: Vec<(&'static str, Duration)>,
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
    /// Per entry: its source's hash, and the citations found in it (kept
    /// pipelines only).
    hashes: Vec<u64>,
    finds: Vec<Arc<Finds>>,
    /// Per version in another language: its source's hash.
    version_hashes: Vec<u64>,
}

/// What one run of the render and sink stages did.
struct Rendered {
    written: usize,
    removed: usize,
    /// Every file of the site, with its fingerprint.
    prints: FxHashMap<OutPath, u64>,
    /// The check's findings, in check mode.
    checked: Diagnostics,
    /// The search indexes, to update on the next run.
    indexes: Vec<search::Index>,
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
    Output(&'s Planned),
    /// A static file, ready.
    Data(&'s [u8]),
}

impl Pipeline {
    /// Builds the whole site once (or, with `dry_run`, renders it and
    /// checks its links), and returns what it learned for the report.
    pub(crate) fn once(opts: BuildOptions) -> Result<(Pipeline, Outcome), Vec<Diagnostic>> {
        Pipeline::begin(opts, Mode::Once, Registry::builtin())
    }

    /// Builds the whole site into the output folder (through a staging
    /// folder) and keeps what it learned for [`Pipeline::apply`].
    pub fn start(opts: BuildOptions) -> Result<(Pipeline, Outcome), Vec<Diagnostic>> {
        Pipeline::start_with(opts, Registry::builtin())
    }

    /// [`Pipeline::start`] with the kinds of output of `registry`.
    pub(crate) fn start_with(
        mut opts: BuildOptions,
        registry: Registry,
    ) -> Result<(Pipeline, Outcome), Vec<Diagnostic>> {
        // File events name absolute paths; the root must be comparable.
        if let Ok(root) = std::fs::canonicalize(&opts.root) {
            opts.root = root;
        }
        Pipeline::begin(opts, Mode::Keep, registry)
    }

    fn begin(
        opts: BuildOptions,
        mode: Mode,
        registry: Registry,
    ) -> Result<(Pipeline, Outcome), Vec<Diagnostic>> {
        let mut clock = Clock::start();
        let config = configure(&opts).map_err(|d| vec![d])?;
        let output = output_folder(&opts, &config);
        // A check writes nothing, so any output folder will do for it.
        if !opts.dry_run {
            check_output(&opts, &config, &output).map_err(|d| vec![d])?;
        }
        let recogniser = Recogniser::new(&config);
        let sources = Sources::load(&opts.root, &config, &recogniser, mode == Mode::Keep);
        clock.lap("load and parse");
        let theme = Theme::load(&opts.root, &config, sources.has_pages()).map_err(|d| vec![d])?;
        let mut pipeline = Pipeline {
            opts,
            mode,
            config,
            registry,
            output,
            lock: None,
            recogniser,
            sources,
            theme,
            theme_generation: 0,
            written: FxHashMap::default(),
            kept: None,
            dirty: HashSet::new(),
            indexes: Vec::new(),
            timings: Vec::new(),
        };
        let outcome = pipeline.refresh(true, &mut clock)?;
        pipeline.timings = clock.laps;
        Ok((pipeline, outcome))
    }

    pub fn output(&self) -> &Path {
        &self.output
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub(crate) fn timings(&self) -> &[(&'static str, Duration)] {
        &self.timings
    }

    /// The site as built, and its citations.
    pub(crate) fn site(&self) -> Option<(&Site, &Links)> {
        self.kept.as_ref().map(|k| (&k.site, &k.links))
    }

    /// Brings the output up to date with `changes`. On failure the output
    /// is left as it was, and the errors are returned.
    pub fn apply(&mut self, changes: &[Change]) -> Result<Outcome, Vec<Diagnostic>> {
        if changes.contains(&Change::Config) {
            // The fresh pipeline takes the lock again, perhaps on another
            // folder; on failure this one goes on, with its lock back.
            self.lock = None;
            return match Pipeline::start_with(self.opts.clone(), self.registry.clone()) {
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
                let changed = self.sources.reread(path, &self.config, &self.recogniser);
                self.dirty.extend(changed);
            }
        }
        if changes.contains(&Change::Theme) {
            self.reload_theme()?;
        }
        self.refresh(false, &mut Clock::start())
    }

    fn reload_theme(&mut self) -> Result<(), Vec<Diagnostic>> {
        self.theme = Theme::load(&self.opts.root, &self.config, self.sources.has_pages())
            .map_err(|d| vec![d])?;
        self.theme_generation += 1;
        Ok(())
    }

    /// Links, renders and writes what changed; `first` writes the whole
    /// site through a staging folder (or checks it, in check mode).
    fn refresh(&mut self, first: bool, clock: &mut Clock) -> Result<Outcome, Vec<Diagnostic>> {
        if self.sources.has_pages() && self.theme.highlighter().is_none() {
            self.reload_theme()?;
        }
        let kept = match self.kept.take() {
            Some(k) if !first && self.keeps_shape(&k) => self.patch(k),
            _ => self.assemble(clock)?,
        };
        let mut diags = self.sources.walk_diags.clone();
        for cached in self.sources.by_path.values() {
            diags.extend(cached.diags.clone());
        }
        diags.extend(kept.site_diags.clone());
        diags.extend(kept.links.diagnostics());
        let fail = |mut diags: Diagnostics, d: Diagnostic| {
            diags.push(d);
            diags.into_sorted()
        };

        let sink = match self.sink(first) {
            Ok(s) => s,
            Err(d) => return Err(fail(diags, d)),
        };
        let indexes = std::mem::take(&mut self.indexes);
        let done = match self.render(&kept, first, sink, indexes) {
            Ok(done) => done,
            Err(d) => {
                self.kept = Some(kept);
                return Err(fail(diags, d));
            }
        };
        if self.mode == Mode::Keep {
            self.indexes = done.indexes;
        }
        clock.lap(if self.opts.dry_run {
            "render and check"
        } else {
            "render and write"
        });
        diags.extend(done.checked);
        if self.mode == Mode::Keep {
            self.written = done.prints;
        }
        self.kept = Some(kept);
        self.dirty.clear();
        Ok(Outcome {
            written: done.written,
            removed: done.removed,
            diagnostics: diags.into_sorted(),
        })
    }

    /// Where this run's files go. The first run takes the output
    /// folder's lock, so a second build waits, and nothing is touched
    /// before the site is known to build.
    fn sink(&mut self, first: bool) -> Result<Sink, Diagnostic> {
        if self.opts.dry_run {
            return Ok(Sink::Check(Mutex::new(Vec::new())));
        }
        if first {
            self.lock = None;
            self.lock = Some(lock_output(&self.opts, &self.output)?);
            // Checked again under the lock: another build may have made it.
            check_output(&self.opts, &self.config, &self.output)?;
            return Staging::create(&self.output)
                .map(Sink::Staging)
                .map_err(|e| self.io_error(e));
        }
        Ok(Sink::Live(self.output.clone(), Mutex::new(Vec::new())))
    }

    fn io_error(&self, e: std::io::Error) -> Diagnostic {
        Diagnostic::error(&self.output, 0, format!("cannot write the site: {e}"))
    }

    /// Renders every output whose fingerprint changed (all of them on the
    /// first run) and hands each to the sink as it is made, while the
    /// search indexes are built beside; then writes the index files that
    /// changed and ends the sink.
    fn render(
        &self,
        kept: &Kept,
        first: bool,
        sink: Sink,
        indexes: Vec<search::Index>,
    ) -> Result<Rendered, Diagnostic> {
        let prints = (self.mode == Mode::Keep).then(|| {
            let (site, links) = (&kept.site, &kept.links);
            Inputs::new(
                &self.config,
                site,
                links,
                [&kept.hashes, &kept.version_hashes],
                self.theme_generation,
            )
        });
        let wanted = self.plan(&kept.site, prints.as_ref())?;
        let changed: Vec<&Wanted> = wanted
            .iter()
            .filter(|w| first || self.written.get(&w.file) != Some(&w.print))
            .collect();
        let renderer = Renderer::new(
            &self.theme,
            &self.opts.root,
            &self.config,
            &kept.site,
            (&kept.links, &self.recogniser),
            self.text_users(kept.site.entries.len(), &changed),
        )?;
        let want_index = sink.writes() && self.config.outputs.has(kinds::search::KIND.name);
        let (rendered, indexes) = rayon::join(
            || {
                changed
                    .par_iter()
                    .map(|w| self.put(kept, &renderer, &sink, w))
                    .collect::<Vec<Result<(), Diagnostic>>>()
            },
            || {
                if want_index {
                    self.search_indexes(kept, indexes)
                } else {
                    Vec::new()
                }
            },
        );
        // Report the first failure in site order, so messages are stable.
        rendered.into_iter().collect::<Result<Vec<()>, _>>()?;
        let mut written = changed.len();
        let mut now: FxHashMap<OutPath, u64> =
            wanted.into_iter().map(|w| (w.file, w.print)).collect();
        for index in &indexes {
            written += self.put_index(index, first, &sink, &mut now)?;
        }
        let gone: Vec<&OutPath> = self
            .written
            .keys()
            .filter(|f| !now.contains_key(*f))
            .collect();
        let removed = if first { 0 } else { gone.len() };
        let checked = sink
            .finish(&gone, || self.non_pages(&kept.site), &self.config.base_url)
            .map_err(|e| self.io_error(e))?;
        if first && !self.opts.dry_run {
            // The marker, written with the staging folder.
            written += 1;
        }
        Ok(Rendered {
            written,
            removed,
            prints: now,
            checked,
            indexes,
        })
    }

    /// Hands the sink the index files that changed, and notes every
    /// index file's fingerprint in `now`; returns how many were written.
    fn put_index(
        &self,
        index: &search::Index,
        first: bool,
        sink: &Sink,
        now: &mut FxHashMap<OutPath, u64>,
    ) -> Result<usize, Diagnostic> {
        let mut written = 0;
        for (path, bytes) in index.files() {
            let file = output::file_for(path).map_err(|e| self.unwritable(path, e))?;
            // What the index did not write again is as it was.
            let unchanged = !first && !index.rewrote(path);
            if let (true, Some(&print)) = (unchanged, self.written.get(&file)) {
                now.insert(file, print);
                continue;
            }
            let print = hash_of(bytes);
            if first || self.written.get(&file) != Some(&print) {
                let to = File {
                    path,
                    file: &file,
                    source: None,
                };
                sink.put(to, bytes).map_err(|e| self.io_error(e))?;
                written += 1;
            }
            now.insert(file, print);
        }
        Ok(written)
    }

    /// Renders one wanted file and hands it to the sink.
    fn put(
        &self,
        kept: &Kept,
        renderer: &Renderer,
        sink: &Sink,
        w: &Wanted,
    ) -> Result<(), Diagnostic> {
        let (path, source, bytes) = match w.made {
            Made::Output(p) => {
                // Only the check names sources, in its messages.
                let source = match sink {
                    Sink::Check(_) => kinds::source_of(&kept.site, &p.output).map(|(s, _)| s),
                    _ => None,
                };
                (p.path.as_str(), source, self.registry.render(renderer, p)?)
            }
            Made::Data(bytes) => ("", None, bytes.to_vec()),
        };
        let to = File {
            path,
            file: &w.file,
            source,
        };
        sink.put(to, &bytes).map_err(|e| self.io_error(e))
    }

    /// Per entry, how many of the outputs to render are made from its
    /// text, so the renderer drops each text after its last.
    fn text_users(&self, entries: usize, changed: &[&Wanted]) -> Vec<u8> {
        let mut users = vec![0u8; entries];
        for w in changed {
            if let Made::Output(p) = w.made {
                let slot = p.output.of.entry().and_then(|i| users.get_mut(i));
                if let (Some(n), true) = (slot, self.registry.uses_text(&p.output)) {
                    *n = n.saturating_add(1);
                }
            }
        }
        users
    }

    /// The site paths of every file that is not a page: what a page may
    /// link to besides pages, for the check.
    fn non_pages(&self, site: &Site) -> HashSet<String> {
        let mut other: HashSet<String> =
            self.theme.statics.keys().map(|k| format!("/{k}")).collect();
        other.extend(
            site.outputs
                .iter()
                .map(|p| p.path.clone())
                .filter(|p| !is_html(p)),
        );
        other
    }

    fn unwritable(&self, path: &str, e: output::PathError) -> Diagnostic {
        Diagnostic::error(
            &self.output,
            0,
            format!("cannot write `{}`: {e}", printable(path)),
        )
    }

    /// The search indexes, one per language: each of `old` updated where
    /// the edit allows it, or built anew with the terms of unchanged texts
    /// taken from it.
    fn search_indexes(&self, kept: &Kept, old: Vec<search::Index>) -> Vec<search::Index> {
        let site = &kept.site;
        let mut old: HashMap<String, search::Index> = old
            .into_iter()
            .map(|index| (index.folder().to_string(), index))
            .collect();
        let collections = search::Collection::all(&self.config, site);
        collections
            .iter()
            .map(|texts| self.search_index(kept, texts, old.remove(&texts.folder)))
            .collect()
    }

    /// One language's search index (see [`Pipeline::search_indexes`]).
    fn search_index(
        &self,
        kept: &Kept,
        texts: &search::Collection,
        old: Option<search::Index>,
    ) -> search::Index {
        let site = &kept.site;
        let fresh = |a: &Analyzer, k: usize| Arc::new(search::document_terms(a, texts.text(k)));
        if self.mode == Mode::Once {
            return search::Index::build((&self.config, site), texts, Vec::new(), fresh);
        }
        let keys: Vec<u64> = (0..texts.len())
            .map(|k| terms_key(kept, texts, k))
            .collect();
        let mut cache = HashMap::new();
        if let Some(mut index) = old {
            if index.update((&self.config, site), texts, &keys, fresh) {
                return index;
            }
            cache = index.terms_by_key();
        }
        let terms_of = |a: &Analyzer, k: usize| {
            let cached = keys.get(k).and_then(|key| cache.get(key));
            cached.cloned().unwrap_or_else(|| fresh(a, k))
        };
        search::Index::build((&self.config, site), texts, keys.clone(), terms_of)
    }

    /// Whether the files changed since the last good build left the shape
    /// of the site alone: the same resolutions and pages at the same
    /// addresses, so only their contents need replacing.
    fn keeps_shape(&self, k: &Kept) -> bool {
        self.dirty.iter().all(|rel| {
            let cached = self.sources.by_path.get(rel);
            // A version in another language is no entry to patch: the
            // site is assembled again.
            let version = matches!(
                cached.and_then(|c| c.parsed.as_ref()),
                Some(Parsed::Resolution(_))
            ) && !k.entry_of.contains_key(rel);
            !version && cached.map(|c| c.identity) == k.identity.get(rel).copied()
        })
    }

    /// Replaces the changed contents in the kept site, and resolves again
    /// the citations of the changed resolutions and of those citing them.
    fn patch(&self, mut k: Kept) -> Kept {
        let mut again = Vec::new();
        for rel in &self.dirty {
            let Some(cached) = self.sources.by_path.get(rel) else {
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
        k.links.resolve(&k.site, &finds, &again);
        k
    }

    /// Assembles the site from every cached source, and links it.
    fn assemble(&self, clock: &mut Clock) -> Result<Kept, Vec<Diagnostic>> {
        let (resolutions, pages, mut diags) = self.sources.parsed(self.opts.drafts);
        let statics: Vec<&str> = self.theme.statics.keys().map(String::as_str).collect();
        let (mut site, mut site_diags) = Site::assemble(&self.config, resolutions, pages);
        kinds::plan(
            &self.registry,
            &self.config,
            &mut site,
            &statics,
            &mut site_diags,
        );
        diags.extend(site_diags.clone());
        if diags.has_errors() {
            return Err(diags.into_sorted());
        }
        clock.lap("assemble");
        let cached = |rel: &Path| self.sources.by_path.get(rel);
        let (links, finds, hashes, version_hashes) = if self.mode == Mode::Keep {
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
            let (links, _) = cite::resolve_all(&site, &refs);
            let version_hashes = (site.versions.iter())
                .map(|v| cached(&v.entry.resolution.rel).map_or(0, |c| c.hash))
                .collect();
            (links, finds, hashes, version_hashes)
        } else {
            // Found and resolved entry by entry, and dropped: the finds of
            // a large archive are never all held at once.
            let (links, _) = cite::link(&site, &self.recogniser);
            (links, Vec::new(), Vec::new(), Vec::new())
        };
        clock.lap("link citations");
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
                .by_path
                .iter()
                .map(|(rel, c)| (rel.clone(), c.identity))
                .collect(),
            hashes,
            finds,
            version_hashes,
            site,
            links,
            site_diags,
        })
    }

    /// Every file the site should have but the search index, with its
    /// fingerprint (0 when run once).
    fn plan<'s>(
        &'s self,
        site: &'s Site,
        prints: Option<&Inputs>,
    ) -> Result<Vec<Wanted<'s>>, Diagnostic> {
        let outputs = site.outputs.par_iter().map(|p| {
            Ok(Wanted {
                file: p.file.clone(),
                made: Made::Output(p),
                print: prints.map_or(0, |f| f.of(&self.registry, &p.output)),
            })
        });
        let data = |path: String, bytes: &'s [u8]| {
            let file = output::file_for(&path).map_err(|e| self.unwritable(&path, e))?;
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
        let nojekyll = rayon::iter::once(data(format!("/{NOJEKYLL}"), b""));
        outputs.chain(statics).chain(nojekyll).collect()
    }
}

/// What a text's search terms are made from: its source and the number
/// it is cited by.
fn terms_key(kept: &Kept, texts: &search::Collection, k: usize) -> u64 {
    let source = match texts.version(k) {
        Some(v) => kept.version_hashes.get(v),
        None => kept.hashes.get(texts.entry_of(k)),
    };
    hash_of((source, &texts.text(k).cited_as))
}

/// Stage timings, for `--timings`.
struct Clock {
    last: Instant,
    laps: Vec<(&'static str, Duration)>,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps.push((stage, now - self.last));
        self.last = now;
    }
}
