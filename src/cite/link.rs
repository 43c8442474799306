//! Stage 3b: resolve every citation against the archive. A cited
//! resolution that the archive holds becomes a link to its page (and
//! paragraph); anything else links to the UN's document system. The
//! reverse index gives each page its "Cited by" list.

use compact_str::{format_compact, CompactString};
use pulldown_cmark_escape::{escape_href, escape_html};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::{Found, Kind, ParagraphRef, Recogniser};
use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::markdown::{self, LinkSpan};
use crate::resolution::{Block, BlockKind, Resolution};
use crate::site::{Site, Version};

/// The links to lay over each place of a text.
pub(crate) type SpansByPlace = HashMap<Place, Vec<Arc<LinkSpan>>>;

/// Where in a resolution a citation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Title,
    Block(usize),
    Footnote(usize),
}

/// A citation, resolved.
#[derive(Debug, Clone)]
pub struct Citation {
    // Strings are compact (stored inline up to 24 bytes): a large archive
    // holds hundreds of thousands of citations, most with short symbols,
    // anchors and addresses.
    /// Index of the citing entry in [`Site::entries`].
    pub from: usize,
    pub place: Place,
    /// Anchor of the citing paragraph or footnote, if it has one.
    pub from_anchor: Option<CompactString>,
    /// Byte range of the linked text in the place's visible text.
    pub range: Range<usize>,
    pub text: CompactString,
    pub kind: Kind,
    pub symbol: CompactString,
    /// The cited entry, when the archive holds it.
    pub to: Option<usize>,
    pub to_anchor: Option<CompactString>,
    pub paragraph: Option<Box<ParagraphRef>>,
    /// A link to a paragraph that is no citation of its own: one of
    /// several paragraphs named of a document cited by the link before it,
    /// or a paragraph of the citing text itself (`paragraph 3 above`).
    pub paragraph_only: bool,
}

/// What a citation's link points at.
enum Target<'a> {
    /// A paragraph of the citing page itself.
    Here(&'a str),
    /// A page of the archive (its site path), and a paragraph of it.
    Page(&'a str, Option<&'a str>),
    /// A document outside the archive.
    Document,
}

impl Citation {
    fn target<'a>(&'a self, site: &'a Site) -> Target<'a> {
        match (self.to.and_then(|t| site.entries.get(t)), &self.to_anchor) {
            (Some(_), Some(a)) if self.to == Some(self.from) => Target::Here(a),
            (Some(t), anchor) => Target::Page(&t.path, anchor.as_deref()),
            (None, _) => Target::Document,
        }
    }

    /// Where its link goes, as the site's pages write it: the cited page
    /// and paragraph in the archive (`#op3` alone on the citing page
    /// itself), or the document in the UN's system.
    pub(crate) fn href(&self, site: &Site, config: &Config) -> String {
        match self.target(site) {
            Target::Here(a) => format!("#{a}"),
            Target::Page(path, anchor) => config.link_to(path, anchor),
            Target::Document => self.document(config),
        }
    }

    /// Where its link goes, as an address that stands alone (the AKN
    /// twin's): the same as [`Citation::href`], absolute.
    pub(crate) fn address(&self, site: &Site, config: &Config) -> String {
        match self.target(site) {
            Target::Here(a) => format!("#{a}"),
            Target::Page(path, Some(a)) => format!("{}#{a}", config.absolute(path)),
            Target::Page(path, None) => config.absolute(path),
            Target::Document => self.document(config),
        }
    }

    fn document(&self, config: &Config) -> String {
        config
            .document_links
            .url_for(&self.symbol)
            .unwrap_or_default()
    }
}

/// All citations of the archive, with indexes for rendering.
#[derive(Debug, Default, Clone)]
pub struct Links {
    /// For each entry, the citations it makes, in place order. Shared, so
    /// a long-lived build reuses the entries a change does not touch.
    per_entry: Vec<Arc<Vec<Citation>>>,
    /// For each entry, the problems its citations have.
    diags: Vec<Arc<Diagnostics>>,
    /// For each entry, a hash of everything its citations render as, so a
    /// rebuild can tell cheaply whether they changed.
    digests: Vec<u64>,
    /// For each entry, the citations of it made by other entries, as
    /// (citing entry, index in its list), in archive order.
    cited_by: Vec<Vec<(u32, u32)>>,
}

/// One line of `citations.json`.
#[derive(Debug, Serialize)]
pub struct CitationRecord<'a> {
    pub from: &'a str,
    pub from_anchor: Option<&'a str>,
    pub to: &'a str,
    pub to_anchor: Option<&'a str>,
    pub text: &'a str,
    pub kind: Kind,
    pub internal: bool,
}

/// The citations found in one resolution, not yet resolved. They depend
/// only on the resolution's own text, so a long-lived build keeps them
/// until the file changes.
#[derive(Debug, Default)]
pub struct Finds {
    places: Vec<PlaceFinds>,
}

#[derive(Debug)]
struct PlaceFinds {
    place: Place,
    from_anchor: Option<CompactString>,
    line: usize,
    section: Option<CompactString>,
    /// Each citation with the text it covers.
    found: Vec<(Found, String)>,
}

/// Finds the citations in the title, paragraphs and footnotes of `r`.
pub fn find(r: &Resolution, recogniser: &Recogniser) -> Finds {
    let title = std::iter::once((Place::Title, r.title_markdown.as_str()));
    let blocks = r
        .blocks
        .iter()
        .enumerate()
        .map(|(b, block)| (Place::Block(b), block.text.as_str()));
    let notes = r
        .footnotes
        .iter()
        .enumerate()
        .map(|(f, note)| (Place::Footnote(f), note.text.as_str()));
    let places = title
        .chain(blocks)
        .chain(notes)
        .filter_map(|(place, md)| {
            let found = find_in(md, &r.meta.body, &r.meta.language, recogniser);
            (!found.is_empty()).then(|| place_finds(r, place, found))
        })
        .collect();
    Finds { places }
}

/// The citations in one text, each with the words it covers.
fn find_in(md: &str, body: &str, language: &str, recogniser: &Recogniser) -> Vec<(Found, String)> {
    // Every citation has a number in it; most preambular paragraphs have
    // none, and reading their Markdown for nothing cost a tenth of the build.
    // (`is_numeric` covers every digit the recogniser's `\d` matches.)
    if !md.chars().any(char::is_numeric) {
        return Vec::new();
    }
    let text = markdown::visible_text(md);
    recogniser
        .recognise_in(&text, body, language)
        .into_iter()
        .map(|f| {
            let surface = text.get(f.range.clone()).unwrap_or("").to_string();
            (f, surface)
        })
        .collect()
}

fn place_finds(r: &Resolution, place: Place, found: Vec<(Found, String)>) -> PlaceFinds {
    let (from_anchor, line, section) = match place {
        Place::Title => (None, 0, None),
        Place::Block(b) => r.blocks.get(b).map_or((None, 0, None), |block| {
            (block.anchor.clone(), block.line, block.section.clone())
        }),
        Place::Footnote(f) => r.footnotes.get(f).map_or((None, 0, None), |note| {
            (Some(format_compact!("fn{}", note.number)), note.line, None)
        }),
    };
    PlaceFinds {
        place,
        from_anchor,
        line,
        section,
        found,
    }
}

/// Recognises and resolves the citations of every entry of the site. Each
/// entry's finds are resolved at once and dropped, so the finds of a large
/// archive are never all held with its citations.
pub fn link(site: &Site, recogniser: &Recogniser) -> (Links, Diagnostics) {
    let resolver = Resolver::new(site);
    let fresh = site
        .entries
        .par_iter()
        .enumerate()
        .map(|(i, e)| {
            let (c, d) = resolver.entry(i, &find(&e.resolution, recogniser));
            (i, c, d)
        })
        .collect();
    let mut links = Links::empty(site.entries.len());
    links.store(site, fresh);
    let diags = links.diagnostics();
    (links, diags)
}

/// Resolves citations already found, one [`Finds`] per entry of the site.
pub(crate) fn resolve_all(site: &Site, finds: &[&Finds]) -> (Links, Diagnostics) {
    let mut links = Links::empty(site.entries.len());
    let all: Vec<usize> = (0..site.entries.len()).collect();
    links.resolve(site, finds, &all);
    let diags = links.diagnostics();
    (links, diags)
}

impl Links {
    /// Placeholders for `n` entries, to be replaced by [`Links::store`].
    fn empty(n: usize) -> Links {
        Links {
            per_entry: (0..n).map(|_| Arc::default()).collect(),
            diags: (0..n).map(|_| Arc::default()).collect(),
            digests: vec![0; n],
            cited_by: Vec::new(),
        }
    }

    /// Resolves again the citations of the entries in `which` (the site's
    /// entries being otherwise the same as when these links were made),
    /// and rebuilds the "cited by" index.
    pub fn resolve(&mut self, site: &Site, finds: &[&Finds], which: &[usize]) {
        let resolver = Resolver::new(site);
        let fresh = which
            .par_iter()
            .filter_map(|&i| {
                let (c, d) = resolver.entry(i, finds.get(i)?);
                Some((i, c, d))
            })
            .collect();
        self.store(site, fresh);
    }

    /// Puts freshly resolved citations in place and rebuilds the "cited
    /// by" index.
    fn store(&mut self, site: &Site, fresh: Vec<(usize, Vec<Citation>, Diagnostics)>) {
        let n = self.per_entry.len();
        // A few entries resolved again (a rebuild while serving) move only
        // their own places in the index; many, and it is made anew.
        let few = !self.cited_by.is_empty() && fresh.len() * 8 < n;
        for (i, citations, d) in fresh {
            if few {
                self.index_places(i, false);
            }
            if let (Some(slot), Some(dslot), Some(digest)) = (
                self.per_entry.get_mut(i),
                self.diags.get_mut(i),
                self.digests.get_mut(i),
            ) {
                *digest = digest_of(&citations, site);
                *slot = Arc::new(citations);
                *dslot = Arc::new(d);
            }
            if few {
                self.index_places(i, true);
            }
        }
        if !few {
            self.cited_by = vec![Vec::new(); n];
            for from in 0..n {
                self.index_places(from, true);
            }
        }
    }

    /// Adds entry `from`'s citations of other entries to their lists of
    /// citing places, or takes them out; each list stays in archive order.
    fn index_places(&mut self, from: usize, add: bool) {
        let Some(list) = self.per_entry.get(from) else {
            return;
        };
        for (k, c) in list.iter().enumerate() {
            let Some(places) =
                c.to.filter(|&to| to != from)
                    .and_then(|to| self.cited_by.get_mut(to))
            else {
                continue;
            };
            let place = (from as u32, k as u32);
            match (places.binary_search(&place), add) {
                (Err(at), true) => places.insert(at, place),
                (Ok(at), false) => {
                    places.remove(at);
                }
                _ => {}
            }
        }
    }

    /// Entry `i`'s citations by others, as (citing entry, index in its
    /// list), in archive order.
    pub(crate) fn cited_by_places(&self, i: usize) -> &[(u32, u32)] {
        self.cited_by.get(i).map_or(&[], Vec::as_slice)
    }

    /// A hash of what entry `i`'s citations render as.
    pub(crate) fn digest(&self, i: usize) -> u64 {
        self.digests.get(i).copied().unwrap_or(0)
    }

    /// Every problem found while resolving.
    pub fn diagnostics(&self) -> Diagnostics {
        let mut out = Diagnostics::default();
        for d in &self.diags {
            out.extend((**d).clone());
        }
        out
    }

    /// Every citation, in archive order.
    pub fn all(&self) -> impl Iterator<Item = &Citation> {
        self.per_entry.iter().flat_map(|l| l.iter())
    }

    /// The citations made by entry `i`.
    pub fn of(&self, i: usize) -> &[Citation] {
        self.per_entry.get(i).map_or(&[], |l| l.as_slice())
    }

    /// The entries whose citations point at entry `i`.
    pub(crate) fn citers(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.cited_by_places(i)
            .iter()
            .map(|&(from, _)| from as usize)
    }

    /// The citations of entry `i` made by other entries, in archive order.
    pub(crate) fn cited_by(&self, i: usize) -> impl Iterator<Item = &Citation> {
        let places = self.cited_by_places(i).iter();
        places.filter_map(|&(from, k)| self.of(from as usize).get(k as usize))
    }

    /// The links to lay over each place of entry `i`, in one pass (a long
    /// resolution has many places and many citations).
    pub fn spans(&self, i: usize, site: &Site, config: &Config) -> SpansByPlace {
        spans_of(self.of(i), |c| {
            (c.href(site, config), c.address(site, config))
        })
    }

    /// The records of `citations.json`, in a stable order.
    pub fn records<'a>(&'a self, site: &'a Site) -> Vec<CitationRecord<'a>> {
        let symbol = |i: usize| {
            site.entries
                .get(i)
                .map_or("", |e| e.resolution.meta.symbol.as_str())
        };
        self.all()
            .filter(|c| !c.paragraph_only)
            .map(|c| CitationRecord {
                from: symbol(c.from),
                from_anchor: c.from_anchor.as_deref(),
                to: &c.symbol,
                to_anchor: c.to_anchor.as_deref(),
                text: &c.text,
                kind: c.kind,
                internal: c.to.is_some(),
            })
            .collect()
    }
}

/// The links of `citations` by place, each with its `(href, address)`;
/// links with the same tag share it.
fn spans_of(citations: &[Citation], to: impl Fn(&Citation) -> (String, String)) -> SpansByPlace {
    let mut out = SpansByPlace::new();
    let mut tags: HashSet<Arc<str>> = HashSet::new();
    for c in citations {
        let (href, address) = to(c);
        let tag = open_tag(c, &href);
        let shared = match tags.get(tag.as_str()) {
            Some(t) => t.clone(),
            None => {
                let t: Arc<str> = tag.into();
                tags.insert(t.clone());
                t
            }
        };
        out.entry(c.place).or_default().push(Arc::new(LinkSpan {
            range: c.range.clone(),
            open_tag: shared,
            address: address.into(),
        }));
    }
    out
}

/// The citations of the versions in other languages, found and resolved
/// as their pages are made (they make no "cited by": the default
/// language's text says what each resolution cites). A citation links to
/// the cited resolution's version in the same language when the archive
/// has it, and to the UN's document in that language when not.
pub(crate) struct VersionLinks<'a> {
    site: &'a Site,
    recogniser: &'a Recogniser,
    /// Made for the first version rendered: most runs render none.
    resolver: std::sync::OnceLock<Resolver<'a>>,
}

impl<'a> VersionLinks<'a> {
    pub(crate) fn new(site: &'a Site, recogniser: &'a Recogniser) -> Self {
        VersionLinks {
            site,
            recogniser,
            resolver: std::sync::OnceLock::new(),
        }
    }

    /// The links of version `v` of the site, by place.
    pub(crate) fn spans(&self, config: &Config, v: &Version) -> SpansByPlace {
        let site = self.site;
        let resolver = self.resolver.get_or_init(|| Resolver::new(site));
        let finds = find(&v.entry.resolution, self.recogniser);
        let citations = resolver.citations(v.of, &finds);
        let language = v.entry.resolution.meta.language.as_str();
        let documents = config.document_links.in_language(language);
        spans_of(&citations, |c| match c.target(site) {
            Target::Page(path, anchor) if has_version(site, c.to, language) => {
                let path = crate::urls::in_language(&config.language, language, path);
                let address = match anchor {
                    Some(a) => format!("{}#{a}", config.absolute(&path)),
                    None => config.absolute(&path),
                };
                (config.link_to(&path, anchor), address)
            }
            Target::Document => {
                let url = documents.url_for(&c.symbol).unwrap_or_default();
                (url.clone(), url)
            }
            _ => (c.href(site, config), c.address(site, config)),
        })
    }
}

/// Whether entry `to` of the site has a version in `language`.
fn has_version(site: &Site, to: Option<usize>, language: &str) -> bool {
    let Some(e) = to.and_then(|t| site.entries.get(t)) else {
        return false;
    };
    e.versions.iter().any(|&k| {
        site.versions
            .get(k)
            .is_some_and(|v| v.entry.resolution.meta.language == language)
    })
}

/// Everything about an entry's citations that shows in a page or in
/// `citations.json`, hashed: with the address of each cited page, which its
/// link shows.
fn digest_of(citations: &[Citation], site: &Site) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for c in citations {
        let target = c.to.and_then(|t| site.entries.get(t)).map(|t| &t.path);
        (
            c.place,
            &c.range,
            target,
            c.to == Some(c.from),
            &c.symbol,
            &c.paragraph,
            c.to.is_some(),
            c.paragraph_only,
        )
            .hash(&mut h);
        (&c.from_anchor, &c.to_anchor, &c.text, c.kind).hash(&mut h);
    }
    h.finish()
}

/// `<a class="cite" href="…" data-symbol="…" data-paragraph="…">`.
fn open_tag(c: &Citation, href: &str) -> String {
    let mut tag = String::from(if c.paragraph_only {
        "<a class=\"cite paragraph\" href=\""
    } else {
        "<a class=\"cite\" href=\""
    });
    let _ = escape_href(&mut tag, href);
    tag.push_str("\" data-symbol=\"");
    let _ = escape_html(&mut tag, &c.symbol);
    tag.push('"');
    if let Some(p) = &c.paragraph {
        tag.push_str(" data-paragraph=\"");
        let _ = escape_html(&mut tag, &p.label());
        tag.push('"');
    }
    if c.to.is_none() {
        tag.push_str(" rel=\"external\"");
    }
    tag.push('>');
    tag
}

struct Resolver<'a> {
    site: &'a Site,
    by_symbol: FxHashMap<&'a str, usize>,
}

impl<'a> Resolver<'a> {
    fn new(site: &'a Site) -> Self {
        let by_symbol = site
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.resolution.meta.symbol.as_str(), i))
            .collect();
        Resolver { site, by_symbol }
    }

    fn entry(&self, i: usize, finds: &Finds) -> (Vec<Citation>, Diagnostics) {
        let mut out = Vec::with_capacity(finds.places.iter().map(|p| p.found.len()).sum());
        let mut diags = Diagnostics::default();
        let Some(entry) = self.site.entries.get(i) else {
            return (out, diags);
        };
        for p in &finds.places {
            for (found, surface) in &p.found {
                let c = self.resolve(i, p, found.clone(), surface.clone());
                if let (Some(para), None, Some(to)) = (&c.paragraph, &c.to_anchor, c.to) {
                    let target = self
                        .site
                        .entries
                        .get(to)
                        .map_or("", |e| e.resolution.meta.symbol.as_str());
                    diags.warning(
                        &entry.resolution.source,
                        p.line,
                        format!(
                            "`{}` cites paragraph {} of {target}, which has no such paragraph",
                            c.text,
                            para.label()
                        ),
                    );
                }
                out.push(c);
            }
        }
        (out, diags)
    }

    /// The citations of `finds`, made by a text of entry `from`.
    fn citations(&self, from: usize, finds: &Finds) -> Vec<Citation> {
        let places = finds.places.iter();
        places
            .flat_map(|p| {
                p.found.iter().map(move |(found, surface)| {
                    self.resolve(from, p, found.clone(), surface.clone())
                })
            })
            .collect()
    }

    fn resolve(&self, from: usize, p: &PlaceFinds, found: Found, surface: String) -> Citation {
        let section = p.section.as_deref();
        let to = if found.local {
            Some(from)
        } else {
            self.by_symbol.get(found.symbol.as_str()).copied()
        };
        let target = to.and_then(|t| self.site.entries.get(t));
        let symbol = if found.local {
            self.site
                .entries
                .get(from)
                .map(|e| e.resolution.meta.symbol.clone())
                .unwrap_or_default()
        } else {
            found.symbol
        };
        let to_anchor = match (&found.paragraph, target) {
            (Some(p), Some(t)) => {
                find_anchor(&t.resolution, p, if found.local { section } else { None })
            }
            _ => None,
        };
        Citation {
            from,
            place: p.place,
            from_anchor: p.from_anchor.clone(),
            range: found.range,
            text: surface.into(),
            kind: found.kind,
            symbol: symbol.into(),
            to,
            to_anchor: to_anchor.map(Into::into),
            paragraph: found.paragraph,
            paragraph_only: found.within || found.local,
        }
    }
}

/// The anchor of the paragraph `p` names in `r`, if `r` has it. Without a
/// section, the paragraph in `prefer` (the citing section) wins, then the
/// first one in document order.
fn find_anchor(r: &Resolution, p: &ParagraphRef, prefer: Option<&str>) -> Option<String> {
    let candidates: Vec<&Block> = r
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Operative && b.part == 0 && b.number == Some(p.number))
        .filter(|b| p.section.is_none() || b.section.as_deref() == p.section.as_deref())
        .collect();
    let base = candidates
        .iter()
        .find(|b| prefer.is_some() && b.section.as_deref() == prefer)
        .or(candidates.first())?
        .anchor
        .as_deref()?
        .to_string();
    if p.subs.is_empty() {
        return Some(base);
    }
    let wanted = format!("{base}-{}", p.subs.join("-"));
    r.blocks
        .iter()
        .any(|b| b.anchor.as_deref() == Some(wanted.as_str()))
        .then_some(wanted)
}
