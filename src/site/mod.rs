//! Stage 3: the archive as a whole. Gives every resolution its permalink,
//! orders them, derives the listing pages, and checks that no two sources
//! claim the same symbol or address.

pub mod pages;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostics::{printable, Diagnostics};
use crate::kinds::{Kind, COMPANIONS};
use crate::output::{self, Claims, ClashKind, OutPath, MARKER, NOJEKYLL};
use crate::resolution::Resolution;
use crate::text::{natural_key, NaturalChunk};
use crate::urls::{slug, symbol_path, Values};
pub use pages::Page;

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

/// One subject (front-matter `subjects`) and its resolutions.
#[derive(Debug, Clone)]
pub struct SubjectListing {
    /// As first written in the archive.
    pub name: String,
    /// Names its listing and its file in the search index.
    pub slug: String,
    /// Site path of its listing (`/subjects/development/`).
    pub path: String,
    /// Indices into [`Site::entries`], in archive order.
    pub entries: Vec<usize>,
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

/// What is written where.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Output {
    Home,
    Resolution(usize),
    Body(usize),
    /// Page `.2` (from 0) of a session's listing.
    Session(usize, usize, usize),
    /// The list of subjects.
    Subjects,
    /// Page `.1` (from 0) of one subject's listing.
    Subject(usize, usize),
    Page(usize),
    /// A redirect to an entry's page from another address of it.
    Redirect(usize, Redirect),
    NotFound,
    /// `sitemap.xml`: the list of pages, or past `SITEMAP_LIMIT` pages an
    /// index of the `SitemapPart`s.
    Sitemap,
    /// `sitemap-N.xml`, the N-th (from 0) slice of the pages.
    SitemapPart(usize),
    /// An Atom feed of the latest resolutions: of all bodies, or of one.
    Feed(Option<usize>),
    /// The search page (the index itself is written beside it).
    Search,
    /// A file beside a resolution's page, of a kind that has a
    /// [`crate::kinds::Companion`].
    Companion(usize, Kind),
    Robots,
    /// `citations.json`: the citation graph.
    Citations,
}

impl Output {
    /// The kind of output it is, as `outputs:` names them.
    pub fn kind(&self) -> Kind {
        match self {
            Output::Home
            | Output::Resolution(_)
            | Output::Body(_)
            | Output::Session(..)
            | Output::Subjects
            | Output::Subject(..)
            | Output::Page(_)
            | Output::NotFound
            | Output::Sitemap
            | Output::SitemapPart(_)
            | Output::Robots => Kind::Html,
            Output::Redirect(..) => Kind::Redirects,
            Output::Companion(_, kind) => *kind,
            Output::Feed(_) => Kind::Feeds,
            Output::Search => Kind::Search,
            Output::Citations => Kind::Citations,
        }
    }
}

/// Why an address redirects to a resolution's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Redirect {
    /// Front-matter `aliases`.
    Alias,
    /// The document symbol as a path (`/A/RES/76/10/`).
    Symbol,
    /// A body's `former_permalinks`.
    Former,
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
}

/// Files and folders of the site that are not outputs of the archive.
/// Each claims its place, so an alias or a page that wants it is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Claimant<'a> {
    Planned(usize),
    /// A theme's or the site's static file, by name (`style.css`).
    Static(&'a str),
    /// A file or folder the build writes itself, described.
    Generated(&'static str),
}

/// What the build writes beside the outputs: (file, description).
const GENERATED_FILES: [(&str, &str); 2] = [
    (NOJEKYLL, "the .nojekyll file GitHub Pages reads"),
    (MARKER, "plenary's marker file"),
];

#[derive(Debug)]
pub struct Site {
    /// Sorted by body (registry order), session and number.
    pub entries: Vec<Entry>,
    pub bodies: Vec<BodyListing>,
    /// By subject address.
    pub subjects: Vec<SubjectListing>,
    pub pages: Vec<Page>,
    /// Every file to write, in a stable order.
    pub outputs: Vec<Planned>,
}

impl Site {
    /// The archive as a site. `statics` names the static files the theme
    /// and the site's `static/` folder will copy in, so that nothing else
    /// is published over them.
    pub fn assemble(
        config: &Config,
        resolutions: Vec<Arc<Resolution>>,
        pages: Vec<Page>,
        statics: &[&str],
    ) -> (Site, Diagnostics) {
        let mut diags = Diagnostics::default();
        let mut entries: Vec<Entry> = resolutions
            .into_iter()
            .filter_map(|r| entry(config, r))
            .collect();
        entries.sort_by_cached_key(|e| sort_key(config, e));
        check_symbols(&entries, &mut diags);
        let bodies = listings(config, &entries);
        let subjects = subject_listings(&entries);
        let mut site = Site {
            entries,
            bodies,
            subjects,
            pages,
            outputs: Vec::new(),
        };
        site.outputs = site.plan_outputs(config, statics, &mut diags);
        (site, diags)
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

    /// Lists every output with its file; reports an address that cannot
    /// be a file of the site, and any two things that want one file.
    fn plan_outputs(
        &self,
        config: &Config,
        statics: &[&str],
        diags: &mut Diagnostics,
    ) -> Vec<Planned> {
        let mut planned: Vec<(String, Output)> = vec![
            ("/".to_string(), Output::Home),
            ("/404.html".to_string(), Output::NotFound),
            ("/sitemap.xml".to_string(), Output::Sitemap),
            ("/robots.txt".to_string(), Output::Robots),
            ("/citations.json".to_string(), Output::Citations),
            ("/atom.xml".to_string(), Output::Feed(None)),
            ("/search/".to_string(), Output::Search),
        ];
        for (b, body) in self.bodies.iter().enumerate() {
            planned.push((body.path.clone(), Output::Body(b)));
            planned.push((format!("{}atom.xml", body.path), Output::Feed(Some(b))));
            for (s, session) in body.sessions.iter().enumerate() {
                for p in 0..page_count(session.entries.len()) {
                    planned.push((page_path(&session.path, p), Output::Session(b, s, p)));
                }
            }
        }
        if !self.subjects.is_empty() {
            planned.push(("/subjects/".to_string(), Output::Subjects));
        }
        for (k, subject) in self.subjects.iter().enumerate() {
            for p in 0..page_count(subject.entries.len()) {
                planned.push((page_path(&subject.path, p), Output::Subject(k, p)));
            }
        }
        for (i, e) in self.entries.iter().enumerate() {
            planned.push((e.path.clone(), Output::Resolution(i)));
            let dated = e.resolution.meta.adopted.is_some();
            for c in COMPANIONS.iter().filter(|c| c.made_for(dated)) {
                planned.push((
                    format!("{}{}", e.path, c.file),
                    Output::Companion(i, c.kind),
                ));
            }
        }
        for (i, e) in self.entries.iter().enumerate() {
            planned.extend(
                redirects(config, e)
                    .into_iter()
                    .map(|(path, why)| (path, Output::Redirect(i, why))),
            );
        }
        planned.extend(
            self.pages
                .iter()
                .enumerate()
                .map(|(i, p)| (p.path.clone(), Output::Page(i))),
        );
        planned.retain(|(_, o)| config.outputs.has(o.kind()));
        let pages = planned.iter().filter(|(p, o)| in_sitemap(p, o)).count();
        planned.extend(sitemap_parts(pages, SITEMAP_LIMIT));
        // One bad number spoils a page and all its companions: say it once
        // per source.
        let mut told = std::collections::HashSet::new();
        let planned: Vec<Planned> = planned
            .into_iter()
            .filter_map(|(path, output)| match output::file_for(&path) {
                Ok(file) => Some(Planned { path, file, output }),
                Err(e) => {
                    let (file, line) = self.source_of(&output).unwrap_or_default();
                    if !told.insert(file.clone()) && !file.as_os_str().is_empty() {
                        return None;
                    }
                    diags.error(
                        &file,
                        line,
                        format!(
                            "{} cannot be published at `{}`: {e}",
                            self.describe(config, &output),
                            printable(&path)
                        ),
                    );
                    None
                }
            })
            .collect();
        self.check_claims(config, &planned, statics, diags);
        planned
    }

    /// Reports every two claimants of one file, or of a file and a folder
    /// it needs.
    fn check_claims(
        &self,
        config: &Config,
        planned: &[Planned],
        statics: &[&str],
        diags: &mut Diagnostics,
    ) {
        let mut claims = Claims::default();
        for (name, what) in GENERATED_FILES {
            if let Ok(file) = output::file_for(&format!("/{name}")) {
                claims.file(file, Claimant::Generated(what));
            }
        }
        if config.outputs.has(Kind::Search) {
            let index = Claimant::Generated("the search index");
            if let Ok(file) = output::file_for(crate::kinds::search::META) {
                claims.file(file, index);
            }
            for folder in crate::kinds::search::FOLDERS {
                claims.folder(folder.trim_matches('/'), index);
            }
        }
        for name in statics {
            match output::file_for(&format!("/{name}")) {
                Ok(file) => claims.file(file, Claimant::Static(name)),
                Err(e) => diags.error(
                    Path::new(crate::load::SITE_STATIC).join(name).as_path(),
                    0,
                    format!("this static file cannot be published: {e}"),
                ),
            }
        }
        for (i, p) in planned.iter().enumerate() {
            claims.file(p.file.clone(), Claimant::Planned(i));
        }
        for clash in claims.clashes() {
            let output = |c: Claimant| match c {
                Claimant::Planned(i) => planned.get(i).map(|p| &p.output),
                _ => None,
            };
            if let (Some(a), Some(b)) = (output(clash.first), output(clash.second)) {
                if self.same_symbol(a, b) {
                    continue;
                }
            }
            let (file, line) = [clash.second, clash.first]
                .into_iter()
                .find_map(|c| output(c).and_then(|o| self.source_of(o)))
                .unwrap_or_default();
            let name = |c: Claimant| match c {
                Claimant::Planned(i) => planned
                    .get(i)
                    .map_or_else(String::new, |p| self.describe(config, &p.output)),
                Claimant::Static(n) => format!("the static file {n}"),
                Claimant::Generated(what) => what.to_string(),
            };
            let (first, second) = (name(clash.first), name(clash.second));
            let at = printable(&clash.at);
            let message = match clash.kind {
                ClashKind::SameFile => {
                    let address = |c: Claimant| match c {
                        Claimant::Planned(i) => planned.get(i).map(|p| printable(&p.path)),
                        _ => None,
                    };
                    let (a, b) = (address(clash.first), address(clash.second));
                    // `/x/` and `/x/index.html` are two addresses of one file.
                    let file = if a.is_some() && a == b {
                        String::new()
                    } else {
                        format!(" (the file {at})")
                    };
                    let shown = b.or(a).unwrap_or_else(|| format!("/{at}"));
                    format!("{first} and {second} would both be published at {shown}{file}")
                }
                ClashKind::FileAsFolder => format!(
                    "{second} would need /{at} to be a folder, but {first} is published there as a file"
                ),
                ClashKind::InsideFolder => {
                    format!("{second} would be published inside /{at}/, which {first} fills")
                }
            };
            diags.error(&file, line, message);
        }
    }

    /// Two resolutions with one symbol are reported by [`check_symbols`].
    fn same_symbol(&self, a: &Output, b: &Output) -> bool {
        match (a, b) {
            (Output::Resolution(x), Output::Resolution(y))
            | (Output::Redirect(x, Redirect::Symbol), Output::Redirect(y, Redirect::Symbol)) => {
                let symbol = |i: &usize| self.entries.get(*i).map(|e| &e.resolution.meta.symbol);
                symbol(x) == symbol(y)
            }
            (Output::Companion(x, k), Output::Companion(y, l)) if k == l => {
                let symbol = |i: &usize| self.entries.get(*i).map(|e| &e.resolution.meta.symbol);
                symbol(x) == symbol(y)
            }
            _ => false,
        }
    }

    /// The source file an output is made from, if any, with a line.
    pub(crate) fn source_of(&self, o: &Output) -> Option<(PathBuf, usize)> {
        match o {
            Output::Resolution(i) | Output::Redirect(i, _) | Output::Companion(i, _) => self
                .entries
                .get(*i)
                .map(|e| (e.resolution.source.clone(), 1)),
            Output::Page(i) => self.pages.get(*i).map(|p| (p.source.clone(), 1)),
            _ => None,
        }
    }

    fn describe(&self, config: &Config, o: &Output) -> String {
        let body_name = |b: usize| {
            self.bodies
                .get(b)
                .and_then(|l| config.body(&l.key))
                .map_or_else(String::new, |b| b.name.clone())
        };
        match o {
            Output::Resolution(i) => self.entries.get(*i).map_or_else(String::new, |e| {
                format!(
                    "{} ({})",
                    e.resolution.meta.symbol,
                    e.resolution.source.display()
                )
            }),
            Output::Redirect(i, why) => self.entries.get(*i).map_or_else(String::new, |e| {
                let what = match why {
                    Redirect::Alias => "an alias",
                    Redirect::Symbol => "the symbol address",
                    Redirect::Former => "a former address",
                };
                format!(
                    "{what} of {} ({})",
                    e.resolution.meta.symbol,
                    e.resolution.source.display()
                )
            }),
            Output::Page(i) => self
                .pages
                .get(*i)
                .map_or_else(String::new, |p| format!("the page {}", p.source.display())),
            Output::Body(b) => format!("the listing of the {}", body_name(*b)),
            Output::Subjects => "the list of subjects".to_string(),
            Output::Subject(k, _) => format!(
                "the listing of the subject {}",
                self.subjects.get(*k).map_or("", |s| s.name.as_str())
            ),
            Output::Session(b, s, _) => format!(
                "the listing of the {} for {}",
                body_name(*b),
                self.bodies
                    .get(*b)
                    .and_then(|l| l.sessions.get(*s))
                    .map_or("", |s| s.name.as_str())
            ),
            Output::Home => "the home page".to_string(),
            Output::NotFound => "the 404 page".to_string(),
            Output::Sitemap | Output::SitemapPart(_) => "the sitemap".to_string(),
            Output::Feed(None) => "the feed".to_string(),
            Output::Search => "the search page".to_string(),
            Output::Companion(i, kind) => {
                let what = kind.companion().map_or("a companion", |c| c.what);
                self.entries.get(*i).map_or_else(String::new, |e| {
                    format!("{what} of {}", e.resolution.meta.symbol)
                })
            }
            Output::Feed(Some(b)) => format!("the feed of the {}", body_name(*b)),
            Output::Robots => "robots.txt".to_string(),
            Output::Citations => "citations.json".to_string(),
        }
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
    Some(Entry {
        path: body.permalink.fill_slugs(values),
        session_path: body.session_permalink.fill_slugs(values),
        cited_as: body.cited_as.fill(values),
        resolution,
    })
}

/// Whether an output is a page search engines should list: not a file, not
/// a redirect.
pub(crate) fn in_sitemap(path: &str, output: &Output) -> bool {
    path.ends_with('/') && !matches!(output, Output::Redirect(..))
}

/// The sitemap files beside `sitemap.xml` when `pages` are more than one
/// file may list: `sitemap-1.xml`, `sitemap-2.xml`, …
fn sitemap_parts(pages: usize, limit: usize) -> Vec<(String, Output)> {
    if pages <= limit {
        return Vec::new();
    }
    (0..pages.div_ceil(limit))
        .map(|k| (format!("/sitemap-{}.xml", k + 1), Output::SitemapPart(k)))
        .collect()
}

/// The other addresses of an entry's page, each once and none its own:
/// front-matter aliases, the symbol path and the body's former patterns.
fn redirects(config: &Config, e: &Entry) -> Vec<(String, Redirect)> {
    let meta = &e.resolution.meta;
    let values = Values {
        body: &meta.body,
        session: &meta.session,
        number: &meta.number,
    };
    let former = config
        .body(&meta.body)
        .map(|b| b.former_permalinks.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|p| (p.fill_slugs(values), Redirect::Former));
    let all = meta
        .aliases
        .iter()
        .map(|a| (a.clone(), Redirect::Alias))
        .chain([(symbol_path(&meta.symbol), Redirect::Symbol)])
        .chain(former);
    let mut seen = vec![e.path.clone()];
    let mut out = Vec::new();
    for (path, why) in all {
        if !seen.contains(&path) {
            seen.push(path.clone());
            out.push((path, why));
        }
    }
    out
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

/// Two files claiming one symbol are an error naming both.
fn check_symbols(entries: &[Entry], diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Entry> = HashMap::new();
    for e in entries {
        let symbol = e.resolution.meta.symbol.as_str();
        if let Some(first) = seen.insert(symbol, e) {
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

/// Subjects by address, each with its resolutions in archive order.
fn subject_listings(entries: &[Entry]) -> Vec<SubjectListing> {
    let mut by_slug: BTreeMap<String, SubjectListing> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        for name in &e.resolution.meta.subjects {
            let slug = slug(name);
            if slug.is_empty() {
                continue;
            }
            let listing = by_slug
                .entry(slug.clone())
                .or_insert_with(|| SubjectListing {
                    name: name.clone(),
                    path: format!("/subjects/{slug}/"),
                    slug: slug.clone(),
                    entries: Vec::new(),
                });
            if listing.entries.last() != Some(&i) {
                listing.entries.push(i);
            }
        }
    }
    by_slug.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemaps_split_past_the_limit() {
        assert!(sitemap_parts(50_000, SITEMAP_LIMIT).is_empty());
        let parts = sitemap_parts(50_001, SITEMAP_LIMIT);
        assert_eq!(
            parts,
            [
                ("/sitemap-1.xml".to_string(), Output::SitemapPart(0)),
                ("/sitemap-2.xml".to_string(), Output::SitemapPart(1)),
            ]
        );
        assert_eq!(sitemap_parts(7, 3).len(), 3);
    }
}
