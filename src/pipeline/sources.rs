//! Stages 1 and 2, load and parse: every source under `content/`, read,
//! parsed and (when the pipeline is kept) searched for citations, one
//! cache entry per file so a change re-reads only what changed.

use rayon::prelude::*;
use rustc_hash::FxHasher;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cite::{self, Finds, Recogniser};
use crate::config::Config;
use crate::diagnostics::Diagnostics;
pub(crate) use crate::kinds::inputs::hash_of;
use crate::load::{self, Source, SourceKind, CONTENT_DIR};
use crate::resolution::{self, Resolution};
use crate::site::{pages, Page};

/// A source file, parsed.
#[derive(Debug, Clone)]
pub enum Parsed {
    Resolution(Arc<Resolution>),
    Page(Page),
}

impl Parsed {
    /// Adds the item to the resolutions or pages of the site, unless it is
    /// a draft and drafts are not wanted.
    fn sort_into(
        self,
        drafts: bool,
        resolutions: &mut Vec<Arc<Resolution>>,
        pages: &mut Vec<Page>,
    ) {
        match self {
            Parsed::Resolution(r) if drafts || !r.meta.draft => resolutions.push(r),
            Parsed::Page(p) if drafts || !p.draft => pages.push(p),
            _ => {}
        }
    }
}

/// Parses one source as a resolution or a page.
fn parse_source(s: &Source, config: &Config) -> (Option<Parsed>, Diagnostics) {
    let mut diags = Diagnostics::default();
    for w in &s.warnings {
        diags.push(w.clone());
    }
    let parsed = match s.kind {
        SourceKind::Resolution => {
            let (r, d) = resolution::parse(s, config);
            diags.extend(d);
            r.map(|r| Parsed::Resolution(Arc::new(r)))
        }
        SourceKind::Page => match pages::parse(s) {
            Ok(p) => Some(Parsed::Page(p)),
            Err(e) => {
                diags.push(e);
                None
            }
        },
    };
    (parsed, diags)
}

/// One source file as last read.
pub struct Cached {
    /// Hash of the file's text, to tell whether it changed (kept
    /// pipelines only).
    pub hash: u64,
    /// Hash of what places it in the site (kind, body, number, symbol,
    /// draft, aliases; a page's address): if it stays, the site keeps its
    /// shape.
    pub identity: u64,
    pub parsed: Option<Parsed>,
    pub diags: Diagnostics,
    /// The citations found in it, kept so a change elsewhere does not
    /// look for them again (kept pipelines only).
    pub finds: Option<Arc<Finds>>,
}

/// Every source of the archive, by path inside `content/` (so iteration
/// is in load order).
pub struct Sources {
    content: PathBuf,
    /// Whether to keep what a later change needs: hashes and finds.
    keep: bool,
    pub by_path: BTreeMap<PathBuf, Cached>,
    /// Problems listing `content/` itself, and the config's warnings.
    pub walk_diags: Diagnostics,
}

impl Sources {
    /// Reads and parses every source under `root/content`, in parallel.
    pub fn load(root: &Path, config: &Config, recogniser: &Recogniser, keep: bool) -> Sources {
        let content = root.join(CONTENT_DIR);
        let mut walk_diags = Diagnostics::default();
        for w in &config.warnings {
            walk_diags.push(w.clone());
        }
        let paths = match load::content_dir(root) {
            Ok(content) => load::source_paths(&content, &mut walk_diags),
            Err(d) => {
                walk_diags.push(d);
                Vec::new()
            }
        };
        let mut sources = Sources {
            content,
            keep,
            by_path: BTreeMap::new(),
            walk_diags,
        };
        sources.by_path = paths
            .par_iter()
            .map(|rel| (rel.clone(), sources.read(rel, config, recogniser)))
            .collect();
        sources
    }

    /// The resolutions and pages to publish, in load order, with every
    /// source's diagnostics.
    pub fn parsed(&self, drafts: bool) -> (Vec<Arc<Resolution>>, Vec<Page>, Diagnostics) {
        let mut resolutions = Vec::new();
        let mut pages = Vec::new();
        let mut diags = self.walk_diags.clone();
        for cached in self.by_path.values() {
            diags.extend(cached.diags.clone());
            if let Some(p) = cached.parsed.clone() {
                p.sort_into(drafts, &mut resolutions, &mut pages);
            }
        }
        (resolutions, pages, diags)
    }

    pub(crate) fn has_pages(&self) -> bool {
        self.by_path
            .values()
            .any(|c| matches!(c.parsed, Some(Parsed::Page(_))))
    }

    /// Re-reads a changed file, or every file under a changed folder, and
    /// forgets the ones that are gone. Returns the paths (inside
    /// `content/`) whose entries changed.
    pub(crate) fn reread(
        &mut self,
        path: &Path,
        config: &Config,
        recogniser: &Recogniser,
    ) -> Vec<PathBuf> {
        let Ok(rel) = path.strip_prefix(&self.content) else {
            return Vec::new();
        };
        let rel = rel.to_path_buf();
        if path.is_file() {
            if !is_source(&rel) {
                return Vec::new();
            }
            let cached = self.read(&rel, config, recogniser);
            self.by_path.insert(rel.clone(), cached);
            return vec![rel];
        }
        // A folder that went away or appeared (a move, a deletion).
        let content = &self.content;
        let gone: Vec<PathBuf> = self
            .by_path
            .keys()
            .filter(|k| k.starts_with(&rel) && !content.join(k).is_file())
            .cloned()
            .collect();
        for k in &gone {
            self.by_path.remove(k);
        }
        let mut changed = gone;
        if path.is_dir() {
            let mut diags = Diagnostics::default();
            let under: Vec<PathBuf> = load::source_paths(path, &mut diags)
                .into_iter()
                .map(|p| rel.join(p))
                .filter(|p| !self.by_path.contains_key(p))
                .collect();
            for p in under {
                let cached = self.read(&p, config, recogniser);
                self.by_path.insert(p.clone(), cached);
                changed.push(p);
            }
        }
        changed
    }

    /// Reads, parses and (when kept) looks for citations in one source.
    fn read(&self, rel: &Path, config: &Config, recogniser: &Recogniser) -> Cached {
        let mut diags = Diagnostics::default();
        match load::read_source(&self.content, rel) {
            Ok(source) => {
                let hash = if self.keep { source_hash(&source) } else { 0 };
                let (parsed, d) = parse_source(&source, config);
                diags.extend(d);
                let finds = match &parsed {
                    Some(Parsed::Resolution(r)) if self.keep => {
                        Some(Arc::new(cite::find(r, recogniser)))
                    }
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
}

/// Whether a path inside `content/` is a source plenary reads.
fn is_source(rel: &Path) -> bool {
    load::is_markdown(rel)
        && rel
            .components()
            .all(|c| !load::is_ignored(&c.as_os_str().to_string_lossy()))
}

/// What a source gives the site's shape: a change of it assembles the
/// site again rather than patching it.
fn identity(parsed: &Option<Parsed>) -> u64 {
    match parsed {
        Some(Parsed::Resolution(r)) => {
            let m = &r.meta;
            // Also what the site's own listings are made of: subjects,
            // committees and agenda items make their pages, votes the
            // member states' pages.
            hash_of((
                1,
                (
                    &m.body, &m.session, &m.number, &m.symbol, m.draft, &m.aliases,
                ),
                (&m.subjects, &m.adoption.vote, &m.adoption.committee),
                (&m.agenda_item, &m.agenda_item_name),
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
