//! `html`: the pages a reader sees — the home page, the 404 page, a page
//! per resolution, the listings of bodies, sessions and subjects, the
//! ordinary pages — and what robots read: `sitemap.xml` and `robots.txt`.

use rustc_hash::FxHasher;
use std::collections::BTreeMap;
use std::hash::Hash;

use super::{one, symbol_and_file, Each, Form, Inputs, Kind};

use crate::cite::version_text;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::markdown;
use crate::render::context::{
    body_view, language_view, resolution_view, session_view, summary, topic_view, version_view,
    GroupView, COMPARE as COMPARE_PATH,
};
use crate::render::names::Names;
use crate::render::{latest, timeline, NoHighlight, Renderer};
use crate::site::topics::agenda_path;
use crate::site::{
    page_count, page_path, BodyListing, Facet, For, Output, Page, Planned, Session, Site,
    TopicListing, PAGE_SIZE, SITEMAP_LIMIT,
};

/// How many resolutions the home page lists as the latest.
const LATEST: usize = 10;

pub(crate) const KIND: Kind = Kind::new(
    "html",
    "`index.html` of every page and listing, `404.html`, `sitemap.xml`, `robots.txt`",
    &[
        HOME, NOT_FOUND, SITEMAP, ROBOTS, COMPARE, SUBJECTS, BODY, SESSION, AGENDA, TOPIC,
        RESOLUTION, VERSION, PAGE,
    ],
);

const HOME: Form = Form {
    listed: true,
    ..Form::new(
        "the home page",
        Each::Site,
        |_, _, of| one("/", of),
        home,
        |f, _, h| {
            // The latest resolutions of all, and the timeline of all.
            (0..f.site.entries.len()).for_each(|i| f.summary(h, i))
        },
    )
};

fn home(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    let (config, site) = (r.config, r.site);
    r.page(&p.path, "index.html", None, |ctx| {
        let latest: Vec<_> = latest(site.entries.iter())
            .take(LATEST)
            .map(|e| summary(config, e))
            .collect();
        ctx.insert("latest", &latest);
        ctx.insert("timeline", &timeline::svg(config, site));
        ctx.insert("has_subjects", &!site.subjects().is_empty());
    })
}

// Made from nothing but what every page sees.
const NOT_FOUND: Form = Form::new(
    "the 404 page",
    Each::Site,
    |_, _, of| one("/404.html", of),
    |r, p| r.page(&p.path, "404.html", None, |_| {}),
    |_, _, _| {},
);

const ROBOTS: Form = Form::new(
    "robots.txt",
    Each::Site,
    |_, _, of| one("/robots.txt", of),
    |r, p| r.page(&p.path, "robots.txt", None, |_| {}),
    |_, _, _| {},
);

/// `sitemap.xml`: the listed pages, or past [`SITEMAP_LIMIT`] an index of
/// its parts `sitemap-1.xml`, `sitemap-2.xml`, … (parts 1, 2, …).
const SITEMAP: Form = Form {
    more: Some(sitemap_parts),
    ..Form::new(
        "the sitemap",
        Each::Site,
        |_, _, of| one("/sitemap.xml", of),
        render_sitemap,
        // Which pages there are, and where.
        |f, _, h| {
            let listed = f.site.outputs.iter().filter(|p| p.listed);
            listed.for_each(|p| p.path.hash(h))
        },
    )
};

/// The sitemap's parts for `pages` listed pages: none when one file holds
/// them all.
fn sitemap_parts(pages: usize) -> Vec<String> {
    if pages <= SITEMAP_LIMIT {
        return Vec::new();
    }
    (0..pages.div_ceil(SITEMAP_LIMIT))
        .map(|k| format!("/sitemap-{}.xml", k + 1))
        .collect()
}

fn render_sitemap(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    let urls: Vec<String> = r
        .site
        .outputs
        .iter()
        .filter(|o| o.listed)
        .map(|o| r.config.absolute(&o.path))
        .collect();
    let alternates = language_alternates(r);
    if p.output.part > 0 {
        let part = urls
            .chunks(SITEMAP_LIMIT)
            .nth(p.output.part - 1)
            .unwrap_or_default();
        return r.page(&p.path, "sitemap.xml", None, |ctx| {
            ctx.insert("urls", part);
            ctx.insert("alternates", &alternates);
        });
    }
    if urls.len() <= SITEMAP_LIMIT {
        return r.page(&p.path, "sitemap.xml", None, |ctx| {
            ctx.insert("urls", &urls);
            ctx.insert("alternates", &alternates);
        });
    }
    let parts: Vec<String> = r
        .site
        .outputs
        .iter()
        .filter(|o| o.output.form == p.output.form && o.output.part > 0)
        .map(|o| r.config.absolute(&o.path))
        .collect();
    r.page(&p.path, "sitemap_index.xml", None, |ctx| {
        ctx.insert("sitemaps", &parts)
    })
}

/// One language's page of a resolution, for the sitemap.
#[derive(serde::Serialize, Clone)]
struct Alternate {
    hreflang: String,
    href: String,
}

/// For the address of each page of a resolution in several languages, the
/// pages of all its languages and the default one as `x-default`, as the
/// sitemap lists them (the same list as each page's `hreflang` links).
fn language_alternates(r: &Renderer) -> BTreeMap<String, Vec<Alternate>> {
    let mut out = BTreeMap::new();
    for e in r.site.entries.iter().filter(|e| !e.versions.is_empty()) {
        let versions = (e.versions.iter()).filter_map(|&k| r.site.versions.get(k));
        let pages = std::iter::once(e)
            .chain(versions.map(|v| &v.entry))
            .map(|p| {
                (
                    p.resolution.meta.language.clone(),
                    r.config.absolute(&p.path),
                )
            });
        let mut group: Vec<Alternate> = pages
            .map(|(hreflang, href)| Alternate { hreflang, href })
            .collect();
        let rank = |a: &Alternate| r.config.languages.iter().position(|l| *l == a.hreflang);
        group.sort_by_key(rank);
        let default = r.config.absolute(&e.path);
        group.push(Alternate {
            hreflang: "x-default".to_string(),
            href: default,
        });
        for a in &group[..group.len() - 1] {
            out.insert(a.href.clone(), group.clone());
        }
    }
    out
}

/// The list of subjects, when the archive has any.
const SUBJECTS: Form = Form {
    listed: true,
    ..Form::new(
        "the list of subjects",
        Each::Site,
        |_, site, of| match site.subjects().is_empty() {
            true => Vec::new(),
            false => one("/subjects/", of),
        },
        subjects,
        |f, _, h| {
            for s in f.site.subjects() {
                (&s.name, &s.path, s.entries.len()).hash(h);
            }
        },
    )
};

fn subjects(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    r.page(&p.path, "subjects.html", None, |ctx| {
        let subjects: Vec<_> = r
            .site
            .subjects()
            .iter()
            .map(|s| topic_view(r.config, s))
            .collect();
        ctx.insert("subjects", &subjects);
    })
}

/// The side-by-side view of two versions of a resolution, when the
/// archive has versions in other languages: one page, which reads both
/// versions' pages in the browser.
const COMPARE: Form = Form::new(
    "the side-by-side view",
    Each::Site,
    |_, site, of| match site.versions.is_empty() {
        true => Vec::new(),
        false => one(COMPARE_PATH, of),
    },
    |r, p| {
        r.page(&p.path, "compare.html", None, |ctx| {
            let languages: Vec<_> = r
                .config
                .languages
                .iter()
                .map(|l| language_view(l))
                .collect();
            ctx.insert("languages", &languages);
        })
    },
    |f, _, h| f.site.versions.is_empty().hash(h),
);

/// A body's listing: its sessions.
const BODY: Form = Form {
    listed: true,
    describe: |form, config, site, o| match o.of {
        For::Body(b) => format!("{} of the {}", form.what, body_name(config, site, b)),
        _ => String::new(),
    },
    ..Form::new("the listing", Each::Body, body_paths, body, body_inputs)
};

fn body_paths(_: &Config, site: &Site, of: For) -> Vec<String> {
    let listing = body_of(site, of);
    listing.map(|l| l.path.clone()).into_iter().collect()
}

fn body(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    r.page(&p.path, "list.html", None, |ctx| {
        if let Some(listing) = body_of(r.site, p.output.of) {
            let sessions: Vec<_> = listing
                .sessions
                .iter()
                .map(|s| session_view(r.config, listing, s))
                .collect();
            ctx.insert("body", &body_view(r.config, listing));
            ctx.insert("sessions", &sessions);
            let b = match p.output.of {
                For::Body(b) => b,
                _ => usize::MAX,
            };
            let committees: Vec<_> = committees_of(r.site, b)
                .map(|t| topic_view(r.config, t))
                .collect();
            ctx.insert("committees", &committees);
        }
    })
}

/// Its sessions and committees, and how many each holds.
fn body_inputs(f: &Inputs, o: &Output, h: &mut FxHasher) {
    for s in body_of(f.site, o.of).map_or(&[][..], |l| &l.sessions) {
        (&s.name, &s.path, s.entries.len()).hash(h);
    }
    if let For::Body(b) = o.of {
        for t in committees_of(f.site, b) {
            (&t.name, &t.path, t.entries.len()).hash(h);
        }
    }
}

/// A session's listing, a page per [`crate::site::PAGE_SIZE`] resolutions.
const SESSION: Form = Form {
    listed: true,
    describe: |form, config, site, o| {
        let (name, session) = match (o.of, session_of(site, o.of)) {
            (For::Session(b, _), Some((_, s))) => (body_name(config, site, b), s.name.as_str()),
            _ => (String::new(), ""),
        };
        format!("{} of the {name} for {session}", form.what)
    },
    ..Form::new(
        "the listing",
        Each::Session,
        |_, site, of| {
            let session = session_of(site, of).map(|(_, s)| s);
            session.map_or_else(Vec::new, |s| pages_of(&s.path, s.entries.len()))
        },
        session,
        |f, o, h| {
            if let Some((_, session)) = session_of(f.site, o.of) {
                (&session.name, &session.path, has_agenda(f.site, o.of)).hash(h);
                f.listing_page(h, &session.entries, o.part);
            }
        },
    )
};

fn session(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    r.page(&p.path, "list.html", None, |ctx| {
        if let Some((listing, session)) = session_of(r.site, p.output.of) {
            ctx.insert("body", &body_view(r.config, listing));
            ctx.insert("session", &session_view(r.config, listing, session));
            if has_agenda(r.site, p.output.of) {
                ctx.insert("agenda_url", &r.config.link(&agenda_path(&session.path)));
            }
            r.insert_page(ctx, &session.path, &session.entries, p.output.part);
        }
    })
}

/// Whether the session `of` has an agenda page.
fn has_agenda(site: &Site, of: For) -> bool {
    let For::Session(b, s) = of else { return false };
    agenda_of(site, For::Agenda(b, s)).is_some_and(|(_, _, items)| !items.is_empty())
}

/// A session's agenda: the items its resolutions were adopted under.
const AGENDA: Form = Form {
    listed: true,
    describe: |form, config, site, o| {
        let (name, session) = match (o.of, agenda_of(site, o.of)) {
            (For::Agenda(b, _), Some((_, s, _))) => (body_name(config, site, b), s.name.as_str()),
            _ => (String::new(), ""),
        };
        format!("{} of the {name} for {session}", form.what)
    },
    ..Form::new(
        "the agenda",
        Each::Agenda,
        |_, site, of| match agenda_of(site, of) {
            Some((_, s, items)) if !items.is_empty() => vec![agenda_path(&s.path)],
            _ => Vec::new(),
        },
        agenda,
        |f, o, h| {
            for item in agenda_of(f.site, o.of).map_or(Vec::new(), |(_, _, items)| items) {
                (&item.name, &item.path, item.entries.len()).hash(h);
            }
        },
    )
};

fn agenda(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    r.page(&p.path, "agenda.html", None, |ctx| {
        if let Some((listing, session, items)) = agenda_of(r.site, p.output.of) {
            let items: Vec<_> = items.iter().map(|t| topic_view(r.config, t)).collect();
            ctx.insert("body", &body_view(r.config, listing));
            ctx.insert("session", &session_view(r.config, listing, session));
            ctx.insert("items", &items);
        }
    })
}

/// One subject's, committee's or agenda item's listing, paged like a
/// session's.
const TOPIC: Form = Form {
    listed: true,
    describe: |form, config, site, o| {
        let Some(t) = site.topic_for(o.of) else {
            return String::new();
        };
        let within = match t.within {
            Some((b, Some(s))) => {
                let session = site.bodies.get(b).and_then(|l| l.sessions.get(s));
                let session = session.map_or("", |s| s.name.as_str());
                format!(" of the {} for {session}", body_name(config, site, b))
            }
            Some((b, None)) => format!(" of the {}", body_name(config, site, b)),
            None => String::new(),
        };
        format!("{} {} {}{within}", form.what, t.facet.name(), t.name)
    },
    ..Form::new(
        "the listing of the",
        Each::Topic,
        |_, site, of| {
            let topic = site.topic_for(of);
            topic.map_or_else(Vec::new, |t| pages_of(&t.path, t.entries.len()))
        },
        topic,
        |f, o, h| {
            if let Some(t) = f.site.topic_for(o.of) {
                (&t.name, &t.path, &t.parts, t.within).hash(h);
                f.listing_page(h, &t.entries, o.part);
            }
        },
    )
};

fn topic(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    let Some(t) = r.site.topic_for(p.output.of) else {
        return Ok(Vec::new());
    };
    let template = match t.facet {
        Facet::Subject => "subjects.html",
        Facet::Committee | Facet::AgendaItem => "topic.html",
    };
    r.page(&p.path, template, None, |ctx| {
        ctx.insert(t.facet.key(), &topic_view(r.config, t));
        if let Some((b, s)) = t.within {
            if let Some(listing) = r.site.bodies.get(b) {
                ctx.insert("body", &body_view(r.config, listing));
                let session = s.and_then(|s| listing.sessions.get(s));
                if let Some(session) = session {
                    ctx.insert("session", &session_view(r.config, listing, session));
                    ctx.insert("agenda_url", &r.config.link(&agenda_path(&session.path)));
                }
            }
        }
        r.insert_page(ctx, &t.path, &t.entries, p.output.part);
        ctx.insert("groups", &groups(r, t, p.output.part));
    })
}

/// An agenda item's resolutions on page `part`, in runs of one sub-item
/// each (none for other topics).
fn groups<'a>(r: &Renderer<'a>, t: &'a TopicListing, part: usize) -> Vec<GroupView<'a>> {
    let parts = t.parts.chunks(PAGE_SIZE).nth(part).unwrap_or_default();
    let entries = t.entries.chunks(PAGE_SIZE).nth(part).unwrap_or_default();
    let mut groups: Vec<GroupView> = Vec::new();
    for (heading, &i) in parts.iter().zip(entries) {
        let Some(e) = r.site.entries.get(i) else {
            continue;
        };
        if groups.last().is_none_or(|g| g.heading != heading) {
            groups.push(GroupView {
                heading,
                resolutions: Vec::new(),
            });
        }
        if let Some(g) = groups.last_mut() {
            g.resolutions.push(summary(r.config, e));
        }
    }
    groups
}

/// A resolution's page: its text, its neighbours, what cites it. A
/// resolution is named by its symbol and its file.
const RESOLUTION: Form = Form {
    listed: true,
    uses_text: true,
    describe: |_, _, site, o| {
        site.entry_for(o.of)
            .map_or_else(String::new, symbol_and_file)
    },
    ..Form::new(
        "the page",
        Each::Resolution,
        |_, site, of| {
            let entry = site.entry_for(of);
            entry.map(|e| e.path.clone()).into_iter().collect()
        },
        resolution,
        resolution_inputs,
    )
};

fn resolution(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    let Some(i) = p.output.of.entry() else {
        return Ok(Vec::new());
    };
    let language = r
        .site
        .entries
        .get(i)
        .map(|e| e.resolution.meta.language.as_str());
    let names = Names::of(r.words.of(language.unwrap_or_default()));
    let view = r
        .text(i)
        .and_then(|text| resolution_view(r.config, r.site, r.links, (i, &text), &names));
    r.page(&p.path, "resolution.html", r.source_of(i), |ctx| {
        ctx.insert("resolution", &view)
    })
}

/// Its source and address, what it shows of its neighbours, its
/// citations and who cites it where.
fn resolution_inputs(f: &Inputs, o: &Output, h: &mut FxHasher) {
    let Some(i) = o.of.entry() else { return };
    f.entry(h, i);
    entry_around(f, i, h);
}

/// What a page of entry `i`, in any language, shows besides its text:
/// its versions, its neighbours, who cites it where.
fn entry_around(f: &Inputs, i: usize, h: &mut FxHasher) {
    for v in f.site.entries.get(i).map_or(&[][..], |e| &e.versions) {
        f.site.versions.get(*v).map(|v| &v.entry.path).hash(h);
    }
    let (prev, next) = f.site.neighbours(i);
    for n in [prev.map(|_| i.wrapping_sub(1)), next.map(|_| i + 1)]
        .into_iter()
        .flatten()
    {
        f.summary(h, n);
    }
    f.links.digest(i).hash(h);
    f.citers(h, i);
}

/// A resolution's page in another of the archive's languages
/// (`/fr/ga/74/1/`), with the same anchors as every other.
const VERSION: Form = Form {
    listed: true,
    describe: |_, _, site, o| {
        (site.version_for(o.of)).map_or_else(String::new, |v| symbol_and_file(&v.entry))
    },
    ..Form::new(
        "the page",
        Each::Version,
        |_, site, of| {
            let version = site.version_for(of);
            version.map(|v| v.entry.path.clone()).into_iter().collect()
        },
        version,
        |f, o, h| {
            let For::Version(v) = o.of else { return };
            f.version(h, v);
            if let Some(version) = f.site.version_for(o.of) {
                f.entry(h, version.of);
                entry_around(f, version.of, h);
            }
        },
    )
};

fn version(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    let (For::Version(v), Some(version)) = (p.output.of, r.site.version_for(p.output.of)) else {
        return Ok(Vec::new());
    };
    let text = version_text(r.config, &r.version_links, version);
    let meta = &version.entry.resolution.meta;
    let language = meta.language.as_str();
    let names = Names::of(r.words.of(language));
    let mut view = version_view(r.config, r.site, r.links, (v, &text), &names);
    // The theme's words, the body's name and the date in the version's
    // language; the rest of the page (listings, cited by) stays in the
    // default one.
    if let Some(view) = &mut view {
        if let Some(body) = r.config.body(&meta.body) {
            view.summary.body_name = body.name_in(language);
        }
        let date = meta
            .adopted
            .as_ref()
            .and_then(|d| r.words.date(language, d));
        if date.is_some() {
            view.adopted_here = date;
        }
        let documents = r.config.document_links.in_language(language);
        view.official_url = documents.url_for(&meta.symbol);
    }
    let source = Some(version.entry.resolution.source.as_path());
    r.page(&p.path, "resolution.html", source, |ctx| {
        ctx.insert("resolution", &view);
        ctx.insert("words", r.words.of(language));
        ctx.insert("page_language", &language_view(language));
    })
}

/// An ordinary page of `content/pages/`.
const PAGE: Form = Form {
    listed: true,
    describe: |form, _, site, o| {
        let page = page_of(site, o.of);
        page.map_or_else(String::new, |p| {
            format!("{} {}", form.what, p.source.display())
        })
    },
    ..Form::new(
        "the page",
        Each::Page,
        |_, site, of| {
            page_of(site, of)
                .map(|p| p.path.clone())
                .into_iter()
                .collect()
        },
        page,
        |f, o, h| {
            if let Some(p) = page_of(f.site, o.of) {
                (&p.path, &p.title, &p.markdown).hash(h);
            }
        },
    )
};

fn page(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    let page = page_of(r.site, p.output.of);
    let source = page.map(|pg| pg.source.as_path());
    r.page(&p.path, "page.html", source, |ctx| {
        if let Some(pg) = page {
            let html = match r.highlighter {
                Some(h) => markdown::page_html(&pg.markdown, h),
                None => markdown::page_html(&pg.markdown, &NoHighlight),
            };
            ctx.insert(
                "page",
                &serde_json::json!({ "title": pg.title, "html": html }),
            );
        }
    })
}

/// The pages of a listing of `n` resolutions at `path`.
fn pages_of(path: &str, n: usize) -> Vec<String> {
    (0..page_count(n)).map(|p| page_path(path, p)).collect()
}

fn body_of(site: &Site, of: For) -> Option<&BodyListing> {
    match of {
        For::Body(b) => site.bodies.get(b),
        _ => None,
    }
}

fn session_of(site: &Site, of: For) -> Option<(&BodyListing, &Session)> {
    match of {
        For::Session(b, s) => site
            .bodies
            .get(b)
            .and_then(|l| Some((l, l.sessions.get(s)?))),
        _ => None,
    }
}

/// A session's listing with its agenda items.
fn agenda_of(site: &Site, of: For) -> Option<(&BodyListing, &Session, Vec<&TopicListing>)> {
    let For::Agenda(b, s) = of else { return None };
    let (listing, session) = session_of(site, For::Session(b, s))?;
    let items = site.topics(Facet::AgendaItem).iter();
    let items = items.filter(|t| t.within == Some((b, Some(s)))).collect();
    Some((listing, session, items))
}

/// A body's committees, in its order.
pub(crate) fn committees_of(site: &Site, b: usize) -> impl Iterator<Item = &TopicListing> {
    let all = site.topics(Facet::Committee).iter();
    all.filter(move |t| t.within == Some((b, None)))
}

fn page_of(site: &Site, of: For) -> Option<&Page> {
    match of {
        For::Page(j) => site.pages.get(j),
        _ => None,
    }
}

/// A body's name, by its place among the bodies of the site.
pub(super) fn body_name(config: &Config, site: &Site, b: usize) -> String {
    site.bodies
        .get(b)
        .and_then(|l| config.body(&l.key))
        .map_or_else(String::new, |b| b.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemaps_split_past_the_limit() {
        assert!(sitemap_parts(SITEMAP_LIMIT).is_empty());
        assert_eq!(
            sitemap_parts(SITEMAP_LIMIT + 1),
            ["/sitemap-1.xml", "/sitemap-2.xml"]
        );
    }
}
