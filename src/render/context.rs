//! What templates see: plain serialisable views of the site, built from the
//! model, with every URL already made absolute-path under the base path.
//! Field names here are part of the theme interface documented in the README.

use serde::Serialize;

use super::names::Names;
use super::{citing, text};
use crate::cite::{Links, Place, Text};
use crate::config::Config;
use crate::markdown;
use crate::resolution::{Block, BlockKind};
use crate::site::topics::{agenda_item_path, agenda_refs, committee_path, subject_path};
use crate::site::{page_path, BodyListing, Entry, Facet, Session, Site, TopicListing};
use crate::urls::slug;

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    pub base_path: &'a str,
    pub language: &'a str,
    pub extra: &'a serde_json::Value,
    /// Bodies that have resolutions in the archive, in registry order.
    pub bodies: Vec<BodyView<'a>>,
    /// Ordinary pages, for navigation.
    pub pages: Vec<LinkView<'a>>,
    pub resolution_count: usize,
    /// Which kinds of output the site has (`site.outputs.akn`), so a theme
    /// links only what exists.
    pub outputs: &'a std::collections::BTreeMap<&'static str, bool>,
}

#[derive(Serialize)]
pub struct LinkView<'a> {
    pub title: &'a str,
    pub url: String,
}

/// Something listed with how many resolutions it has: a body, a state.
#[derive(Serialize)]
pub struct CountedView<'a> {
    pub key: &'a str,
    pub name: &'a str,
    pub url: String,
    pub count: usize,
}

#[derive(Serialize)]
pub struct BodyView<'a> {
    #[serde(flatten)]
    pub listed: CountedView<'a>,
    pub session_label: &'a str,
}

#[derive(Serialize)]
pub struct SessionView<'a> {
    pub name: &'a str,
    pub label: &'a str,
    pub url: String,
    pub count: usize,
}

/// A resolution as it appears in listings.
#[derive(Serialize)]
pub struct SummaryView<'a> {
    pub symbol: &'a str,
    pub title: &'a str,
    pub cited_as: &'a str,
    pub number: &'a str,
    pub session: &'a str,
    pub body: &'a str,
    pub body_name: &'a str,
    pub adopted: Option<String>,
    pub adopted_long: Option<String>,
    pub url: String,
}

#[derive(Serialize)]
pub struct ResolutionView<'a> {
    #[serde(flatten)]
    pub summary: SummaryView<'a>,
    /// The language of this version.
    pub language: LanguageView<'a>,
    /// The date of adoption as the page's language writes it (the record
    /// of adoption keeps the default language's words, and date).
    pub adopted_here: Option<String>,
    /// Every language of the archive, the ones it has linked, when the
    /// archive has more than one; else none.
    pub versions: Vec<VersionView<'a>>,
    pub title_html: String,
    pub meeting: Option<&'a str>,
    pub agenda_item: Option<&'a str>,
    pub agenda_item_name: Option<&'a str>,
    /// Terms of other keyword lists, by scheme (`EuroVoc`, `SDGO`).
    pub keywords: &'a std::collections::BTreeMap<String, Vec<String>>,
    /// The outcome in words (`adopted without a vote`).
    pub vote: Option<String>,
    /// The record of adoption: outcome, vote, sponsors, documents.
    pub adoption: super::adoption::AdoptionView<'a>,
    pub subjects: &'a [String],
    /// Its subjects, linked to their listings.
    pub subject_links: Vec<LinkView<'a>>,
    /// The listing of its committee.
    pub committee_url: Option<String>,
    /// Its agenda items, linked to their listings.
    pub agenda_items: Vec<AgendaItemView>,
    pub session_label: &'a str,
    pub session_url: String,
    pub body_url: String,
    pub permalink: String,
    /// The official document in the UN's document system, by its symbol
    /// (`document_links`).
    pub official_url: Option<String>,
    pub source_path: String,
    /// The ready "how to cite" line.
    pub citation: String,
    /// The citation as a BibTeX entry.
    pub bibtex: String,
    /// A schema.org `Legislation` record, JSON-LD ready for a `<script>`.
    pub json_ld: String,
    /// The text: every block as HTML, with anchors and permalinks.
    pub content: String,
    /// Its sections and annexes, for a table of contents; empty unless
    /// there are two or more.
    pub contents: Vec<ContentsEntry>,
    pub footnotes: Vec<FootnoteView>,
    pub previous: Option<SummaryView<'a>>,
    pub next: Option<SummaryView<'a>>,
    /// Resolutions that cite this one, in archive order.
    pub cited_by: Vec<CitedByView<'a>>,
    /// Paragraphs cited by name, with who cites them.
    pub cited_paragraphs: Vec<CitedParagraphView<'a>>,
}

/// A language: its code, its name for itself, its direction of writing.
#[derive(Serialize)]
pub struct LanguageView<'a> {
    pub code: &'a str,
    pub name: &'a str,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
}

pub(crate) fn language_view(code: &str) -> LanguageView<'_> {
    LanguageView {
        code,
        name: crate::languages::endonym(code),
        dir: crate::languages::direction(code),
    }
}

/// A language of the archive on a resolution's page: the version in it,
/// if there is one.
#[derive(Serialize)]
pub struct VersionView<'a> {
    #[serde(flatten)]
    pub language: LanguageView<'a>,
    /// Its page; none where the resolution is not in that language.
    pub url: Option<String>,
    /// Its page's full address, for `hreflang` alternates.
    pub permalink: Option<String>,
    /// The side-by-side view of this version and the one shown.
    pub compare: Option<String>,
    /// The version shown.
    pub current: bool,
}

/// The side-by-side view of two versions (`compare.html`).
pub(crate) const COMPARE: &str = "/compare/";

/// The archive's languages for entry `i`, shown in `current`.
fn versions<'a>(
    config: &'a Config,
    site: &'a Site,
    i: usize,
    current: &str,
) -> Vec<VersionView<'a>> {
    if config.languages.len() < 2 {
        return Vec::new();
    }
    let Some(e) = site.entries.get(i) else {
        return Vec::new();
    };
    let all = std::iter::once(e).chain(
        e.versions
            .iter()
            .filter_map(|&v| Some(&site.versions.get(v)?.entry)),
    );
    let all: Vec<&Entry> = all.collect();
    config
        .languages
        .iter()
        .map(|code| {
            let version = all.iter().find(|e| e.resolution.meta.language == *code);
            VersionView {
                language: language_view(code),
                url: version.map(|e| config.link(&e.path)),
                permalink: version.map(|e| config.absolute(&e.path)),
                compare: version.filter(|_| code != current).map(|_| {
                    let page = config.link(&e.path);
                    format!("{}?r={page}&a={current}&b={code}", config.link(COMPARE))
                }),
                current: code == current,
            }
        })
        .collect()
}

/// A section or an annex in the table of contents.
#[derive(Serialize)]
pub struct ContentsEntry {
    pub anchor: String,
    /// `section` or `annex`.
    pub kind: &'static str,
    /// Its heading as plain text (`II. Follow-up`).
    pub text: String,
}

/// The sections and annexes of a resolution that has two or more.
fn contents(blocks: &[Block]) -> Vec<ContentsEntry> {
    let entries: Vec<ContentsEntry> = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Section | BlockKind::Annex))
        .filter_map(|b| {
            let heading = markdown::plain_text(&b.text);
            let text = match (b.kind, b.label.as_deref()) {
                (BlockKind::Section, Some(l)) if heading.is_empty() => l.to_string(),
                (BlockKind::Section, Some(l)) => format!("{l}. {heading}"),
                _ => heading,
            };
            Some(ContentsEntry {
                anchor: b.anchor.as_deref()?.to_string(),
                kind: b.kind.name(),
                text,
            })
        })
        .collect();
    if entries.len() < 2 {
        return Vec::new();
    }
    entries
}

/// A resolution citing the one on the page, and where.
#[derive(Serialize)]
pub struct CitedByView<'a> {
    #[serde(flatten)]
    pub summary: SummaryView<'a>,
    pub places: Vec<PlaceView>,
}

/// A place in a citing resolution: a link to it and its name.
#[derive(Serialize)]
pub struct PlaceView {
    pub url: String,
    pub label: String,
    pub to_anchor: Option<String>,
}

#[derive(Serialize)]
pub struct CitedParagraphView<'a> {
    pub anchor: &'a str,
    pub name: String,
    /// The citing resolutions, each linked at the place that cites.
    pub citing: Vec<CitingPlaceView<'a>>,
}

#[derive(Serialize)]
pub struct CitingPlaceView<'a> {
    pub symbol: &'a str,
    pub cited_as: &'a str,
    pub url: String,
}

/// Where a listing page stands among its pages.
#[derive(Serialize)]
pub struct PagerView {
    /// From 1.
    pub current: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLinkView>,
}

#[derive(Serialize)]
pub struct PageLinkView {
    pub number: usize,
    pub url: String,
}

pub(crate) fn pager_view(config: &Config, path: &str, page: usize, total: usize) -> PagerView {
    let url = |p: usize| config.link(&page_path(path, p));
    PagerView {
        current: page + 1,
        total,
        previous: page.checked_sub(1).map(url),
        next: (page + 1 < total).then(|| url(page + 1)),
        pages: (0..total)
            .map(|p| PageLinkView {
                number: p + 1,
                url: url(p),
            })
            .collect(),
    }
}

/// A subject, committee or agenda item in a list of them, or heading its
/// own listing.
#[derive(Serialize)]
pub struct TopicView<'a> {
    /// `subject`, `committee` or `agenda item`.
    pub kind: &'static str,
    pub name: &'a str,
    /// An agenda item's number (`19`).
    pub number: Option<&'a str>,
    pub url: String,
    pub count: usize,
}

pub(crate) fn topic_view<'a>(config: &Config, t: &'a TopicListing) -> TopicView<'a> {
    TopicView {
        kind: t.facet.name(),
        name: &t.name,
        number: (t.facet == Facet::AgendaItem).then_some(t.slug.as_str()),
        url: config.link(&t.path),
        count: t.entries.len(),
    }
}

/// Resolutions under one heading of a listing: an agenda item's sub-item
/// (`(f) Convention on Biological Diversity`; empty for the item itself).
#[derive(Serialize)]
pub struct GroupView<'a> {
    pub heading: &'a str,
    pub resolutions: Vec<SummaryView<'a>>,
}

/// An agenda item a resolution was adopted under, linked to its listing.
#[derive(Serialize)]
pub struct AgendaItemView {
    /// As the agenda numbers it: `19 (f)`.
    pub number: String,
    /// The item's name, and the sub-item's after a colon.
    pub name: Option<String>,
    pub url: String,
}

/// What the search form offers in one language: the bodies, the subjects
/// and the years the archive has; and where that language's index is.
#[derive(Serialize)]
pub struct SearchView<'a> {
    /// The index's folder, as linked (`/fr/search/`).
    pub index: String,
    /// Each body's key and its name in the language.
    pub bodies: Vec<(&'a str, &'a str)>,
    pub subjects: Vec<SubjectView<'a>>,
    pub first_year: Option<u16>,
    pub last_year: Option<u16>,
}

#[derive(Serialize)]
pub struct SubjectView<'a> {
    pub name: &'a str,
    /// Names its file in the index and its page: `/subjects/SLUG/`.
    pub slug: &'a str,
}

/// An Atom feed: of the whole archive, or of one body.
#[derive(Serialize)]
pub struct FeedView<'a> {
    pub title: String,
    /// The feed's own address, also its Atom id.
    pub url: String,
    /// The page the feed follows: the home page or the body's listing.
    pub home: String,
    /// The newest adoption date, as an RFC 3339 time.
    pub updated: String,
    pub entries: Vec<FeedEntryView<'a>>,
}

#[derive(Serialize)]
pub struct FeedEntryView<'a> {
    #[serde(flatten)]
    pub summary: SummaryView<'a>,
    /// The absolute address, also the entry's Atom id.
    pub permalink: String,
    /// The adoption date as an RFC 3339 time.
    pub updated: String,
}

#[derive(Serialize)]
pub struct FootnoteView {
    pub number: u32,
    pub html: String,
    /// Ids of the markers citing this note, for the links back.
    pub backrefs: Vec<String>,
}

pub(crate) fn site_view<'a>(config: &'a Config, site: &'a Site) -> SiteView<'a> {
    SiteView {
        title: &config.title,
        description: &config.description,
        base_url: &config.base_url,
        base_path: &config.base_path,
        language: &config.language,
        extra: &config.extra,
        bodies: site
            .bodies
            .iter()
            .filter_map(|b| body_view(config, b))
            .collect(),
        pages: site
            .pages
            .iter()
            .map(|p| LinkView {
                title: &p.title,
                url: config.link(&p.path),
            })
            .collect(),
        resolution_count: site.entries.len(),
        outputs: &site.kinds,
    }
}

pub(crate) fn body_view<'a>(config: &'a Config, listing: &'a BodyListing) -> Option<BodyView<'a>> {
    let body = config.body(&listing.key)?;
    Some(BodyView {
        listed: CountedView {
            key: &body.key,
            name: &body.name,
            url: config.link(&listing.path),
            count: listing.sessions.iter().map(|s| s.entries.len()).sum(),
        },
        session_label: &body.session_label,
    })
}

pub(crate) fn session_view<'a>(
    config: &'a Config,
    listing: &BodyListing,
    s: &'a Session,
) -> SessionView<'a> {
    SessionView {
        name: &s.name,
        label: config
            .body(&listing.key)
            .map_or("Session", |b| b.session_label.as_str()),
        url: config.link(&s.path),
        count: s.entries.len(),
    }
}

pub(crate) fn summary<'a>(config: &'a Config, e: &'a Entry) -> SummaryView<'a> {
    let m = &e.resolution.meta;
    SummaryView {
        symbol: &m.symbol,
        title: &m.title,
        cited_as: &e.cited_as,
        number: &m.number,
        session: &m.session,
        body: &m.body,
        body_name: config.body(&m.body).map_or("", |b| b.name.as_str()),
        adopted: m.adopted.map(|d| d.to_string()),
        adopted_long: m.adopted.map(|d| d.long()),
        url: config.link(&e.path),
    }
}

pub(crate) fn search_view<'a>(
    config: &'a Config,
    site: &'a Site,
    language: &str,
) -> SearchView<'a> {
    let folder = crate::urls::in_language(&config.language, language, crate::urls::SEARCH);
    let bodies = (site.bodies.iter())
        .filter_map(|b| config.body(&b.key))
        .map(|b| (b.key.as_str(), b.name_in(language)))
        .collect();
    let subjects = site
        .subjects()
        .iter()
        .map(|s| SubjectView {
            name: &s.name,
            slug: &s.slug,
        })
        .collect();
    let years = || {
        site.entries
            .iter()
            .filter_map(|e| e.resolution.meta.adopted.map(|d| d.year))
    };
    SearchView {
        index: config.link(&folder),
        bodies,
        subjects,
        first_year: years().min(),
        last_year: years().max(),
    }
}

/// The feed of `entries` (newest first), of one body's or of all.
pub(crate) fn feed_view<'a>(
    config: &'a Config,
    body: Option<&'a BodyListing>,
    entries: &[&'a Entry],
) -> FeedView<'a> {
    let time = |e: &Entry| {
        e.resolution
            .meta
            .adopted
            .map(|d| format!("{d}T00:00:00Z"))
            .unwrap_or_default()
    };
    let (title, home) = match body.and_then(|b| Some((b, config.body(&b.key)?))) {
        Some((listing, b)) => (
            format!("{}: {}", config.title, b.name),
            listing.path.as_str(),
        ),
        None => (config.title.clone(), "/"),
    };
    FeedView {
        title,
        url: config.absolute(&format!("{home}atom.xml")),
        home: config.absolute(home),
        updated: entries
            .first()
            .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |e| time(e)),
        entries: entries
            .iter()
            .map(|e| FeedEntryView {
                summary: summary(config, e),
                permalink: config.absolute(&e.path),
                updated: time(e),
            })
            .collect(),
    }
}

pub(crate) fn resolution_view<'a>(
    config: &'a Config,
    site: &'a Site,
    links: &'a Links,
    (i, text): (usize, &Text),
    names: &Names,
) -> Option<ResolutionView<'a>> {
    view(config, site, links, (i, site.entries.get(i)?, text), names)
}

/// The page of version `v` ([`Site::versions`]): its own text, and what
/// cites the resolution and its neighbours as the entry's page shows them.
pub(crate) fn version_view<'a>(
    config: &'a Config,
    site: &'a Site,
    links: &'a Links,
    (v, text): (usize, &Text),
    names: &Names,
) -> Option<ResolutionView<'a>> {
    let version = site.versions.get(v)?;
    view(
        config,
        site,
        links,
        (version.of, &version.entry, text),
        names,
    )
}

/// The page of `e`, entry `i` or one of its versions, its paragraphs
/// named in `names`.
fn view<'a>(
    config: &'a Config,
    site: &'a Site,
    links: &'a Links,
    (i, e, text): (usize, &'a Entry, &Text),
    names: &Names,
) -> Option<ResolutionView<'a>> {
    let r = &e.resolution;
    let body = config.body(&r.meta.body)?;
    let notes = &text.notes;
    let (cited_by, cited_paragraphs) = cited_by(config, site, links, i);
    let htmls: Vec<String> = text.blocks.iter().map(|b| markdown::html(b)).collect();
    let blocks: Vec<_> = r
        .blocks
        .iter()
        .zip(&htmls)
        .map(|(b, html)| {
            let name = block_name(b, &r.blocks, names);
            text::BlockHtml {
                block: b,
                html,
                cite: names.cite(&r.meta.symbol, &name),
                name,
                cited_count: cited_paragraphs
                    .iter()
                    .find(|p| Some(p.anchor) == b.anchor.as_deref())
                    .map_or(0, |p| p.citing.len()),
            }
        })
        .collect();
    let content = text::write(&blocks, names);
    let footnotes = r
        .footnotes
        .iter()
        .zip(&text.footnotes)
        .map(|(f, inline)| FootnoteView {
            number: f.number,
            html: markdown::html(inline),
            backrefs: notes.refs(f.number).to_vec(),
        })
        .collect();
    let permalink = config.absolute(&e.path);
    let cited = citing::Cited {
        entry: e,
        body,
        permalink: &permalink,
        language: &r.meta.language,
    };
    let (citation, bibtex, json_ld) = (cited.plain(), cited.bibtex(), cited.json_ld());
    let summary = summary(config, e);
    let (previous, next) = site.neighbours(i);
    Some(ResolutionView {
        adopted_here: summary.adopted_long.clone(),
        language: language_view(&r.meta.language),
        versions: versions(config, site, i, &r.meta.language),
        title_html: markdown::html(&text.title),
        meeting: r.meta.meeting.as_deref(),
        agenda_item: r.meta.agenda_item.as_deref(),
        agenda_item_name: r.meta.agenda_item_name.as_deref(),
        keywords: &r.meta.keywords,
        vote: r.meta.adoption.vote.as_ref().map(|v| v.words()),
        adoption: super::adoption::view(
            config,
            &r.meta.adoption,
            site.kinds.get(crate::site::states::KIND_NAME) == Some(&true),
        ),
        subjects: &r.meta.subjects,
        subject_links: subject_links(config, &r.meta.subjects),
        committee_url: r
            .meta
            .adoption
            .committee
            .as_deref()
            .map(|c| config.link(&committee_path(&format!("/{}/", body.key), &slug(c)))),
        agenda_items: agenda_item_views(config, e),
        session_label: &body.session_label,
        session_url: config.link(&e.session_path),
        body_url: config.link(&format!("/{}/", body.key)),
        source_path: r.source.display().to_string(),
        citation,
        bibtex,
        json_ld,
        content,
        contents: contents(&r.blocks),
        footnotes,
        previous: previous.map(|p| self::summary(config, p)),
        next: next.map(|n| self::summary(config, n)),
        cited_by,
        cited_paragraphs,
        permalink,
        official_url: config.document_links.url_for(&r.meta.symbol),
        summary,
    })
}

fn subject_links<'a>(config: &Config, subjects: &'a [String]) -> Vec<LinkView<'a>> {
    let linked = subjects.iter().map(|s| (s, slug(s)));
    linked
        .filter(|(_, slug)| !slug.is_empty())
        .map(|(s, slug)| LinkView {
            title: s,
            url: config.link(&subject_path(&slug)),
        })
        .collect()
}

fn agenda_item_views(config: &Config, e: &Entry) -> Vec<AgendaItemView> {
    let m = &e.resolution.meta;
    let Some(printed) = m.agenda_item.as_deref() else {
        return Vec::new();
    };
    agenda_refs(printed, m.agenda_item_name.as_deref())
        .into_iter()
        .map(|r| AgendaItemView {
            number: match &r.sub {
                Some(sub) => format!("{} ({sub})", r.item),
                None => r.item.clone(),
            },
            name: match (r.item_name, r.sub_name) {
                (Some(i), Some(s)) => Some(format!("{i}: {s}")),
                (i, _) => i.map(str::to_string),
            },
            url: config.link(&agenda_item_path(&e.session_path, &slug(&r.item))),
        })
        .collect()
}

/// Who cites entry `i`: each citing resolution with the places that cite
/// it, and each paragraph cited by name with the resolutions that do.
fn cited_by<'a>(
    config: &'a Config,
    site: &'a Site,
    links: &'a Links,
    i: usize,
) -> (Vec<CitedByView<'a>>, Vec<CitedParagraphView<'a>>) {
    let mut resolutions: Vec<CitedByView> = Vec::new();
    let mut paragraphs: Vec<CitedParagraphView> = Vec::new();
    let Some(target) = site.entries.get(i).map(|e| &e.resolution) else {
        return (resolutions, paragraphs);
    };
    // The citing places are named in English, as before the words were
    // translated.
    let english = Names::english();
    let mut last_from = None;
    for c in links.cited_by(i) {
        let Some(from) = site.entries.get(c.from) else {
            continue;
        };
        let place = PlaceView {
            url: config.link_to(&from.path, c.from_anchor.as_deref()),
            label: place_name(&from.resolution, c.place, &english),
            to_anchor: c.to_anchor.as_deref().map(str::to_string),
        };
        if last_from != Some(c.from) {
            resolutions.push(CitedByView {
                summary: summary(config, from),
                places: Vec::new(),
            });
            last_from = Some(c.from);
        }
        let citing = CitingPlaceView {
            symbol: &from.resolution.meta.symbol,
            cited_as: &from.cited_as,
            url: place.url.clone(),
        };
        if let Some(last) = resolutions.last_mut() {
            // Several citations in one paragraph are one place.
            if !last.places.iter().any(|p| p.url == place.url) {
                last.places.push(place);
            }
        }
        let Some(anchor) = c.to_anchor.as_deref() else {
            continue;
        };
        let Some(block) = target
            .blocks
            .iter()
            .find(|b| b.anchor.as_deref() == Some(anchor))
        else {
            continue;
        };
        match paragraphs.iter_mut().find(|p| p.anchor == anchor) {
            Some(p) if p.citing.iter().any(|x| x.url == citing.url) => {}
            Some(p) => p.citing.push(citing),
            None => paragraphs.push(CitedParagraphView {
                anchor: block.anchor.as_deref().unwrap_or(""),
                name: block_name(block, &target.blocks, &english),
                citing: vec![citing],
            }),
        }
    }
    paragraphs.sort_by_key(|p| {
        target
            .blocks
            .iter()
            .position(|b| b.anchor.as_deref() == Some(p.anchor))
    });
    (resolutions, paragraphs)
}

/// `paragraph 3`, `note 4`, `title`: where in a resolution a citation is.
fn place_name(r: &crate::resolution::Resolution, place: Place, names: &Names) -> String {
    match place {
        Place::Title => "title".to_string(),
        Place::Block(b) => r
            .blocks
            .get(b)
            .map(|block| block_name(block, &r.blocks, names))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "text".to_string()),
        Place::Footnote(f) => r
            .footnotes
            .get(f)
            .map_or_else(String::new, |n| format!("note {}", n.number)),
    }
}

/// How a paragraph is named when read aloud or cited: `paragraph 1 (a)`.
fn block_name(b: &Block, all: &[Block], names: &Names) -> String {
    let parent = || {
        b.parent
            .and_then(|p| all.get(p))
            .map(|p| block_name(p, all, names))
            .unwrap_or_default()
    };
    let section = b.section.as_deref();
    match b.kind {
        BlockKind::Preambular => {
            let n = b
                .anchor
                .as_deref()
                .and_then(|a| a.rsplit("pp").next())
                .unwrap_or("");
            names.in_section(section, names.preambular(n))
        }
        BlockKind::Operative => match b.number {
            Some(n) => names.in_section(section, names.paragraph(n)),
            // The one operative paragraph the UN leaves unnumbered
            // (`Approves the political declaration…`).
            None => names.in_section(section, names.operative()),
        },
        BlockKind::Subparagraph => format!("{} {}", parent(), b.label.as_deref().unwrap_or("")),
        BlockKind::Continuation => names.continued(&parent()),
        BlockKind::AnnexParagraph => match b.number {
            Some(n) => names.in_annex(&names.in_section(section, names.paragraph(n))),
            None => names.annex_text(),
        },
        _ => String::new(),
    }
}
