//! `html`: the pages a reader sees — the home page, the 404 page, a page
//! per resolution, the listings of bodies, sessions and subjects, the
//! ordinary pages — and what robots read: `sitemap.xml` and `robots.txt`.

use rustc_hash::FxHasher;
use std::hash::Hash;

use super::{one, symbol_and_file, Each, Form, Inputs, Kind};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::markdown;
use crate::render::context::{body_view, resolution_view, session_view, subject_view, summary};
use crate::render::{latest, timeline, NoHighlight, Renderer};
use crate::site::{
    page_count, page_path, BodyListing, For, Output, Page, Planned, Session, Site, SubjectListing,
    SITEMAP_LIMIT,
};

/// How many resolutions the home page lists as the latest.
const LATEST: usize = 10;

pub(crate) const KIND: Kind = Kind::new(
    "html",
    "`index.html` of every page and listing, `404.html`, `sitemap.xml`, `robots.txt`",
    &[
        HOME, NOT_FOUND, SITEMAP, ROBOTS, SUBJECTS, BODY, SESSION, SUBJECT, RESOLUTION, PAGE,
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
        ctx.insert("has_subjects", &!site.subjects.is_empty());
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
    if p.output.part > 0 {
        let part = urls
            .chunks(SITEMAP_LIMIT)
            .nth(p.output.part - 1)
            .unwrap_or_default();
        return r.page(&p.path, "sitemap.xml", None, |ctx| ctx.insert("urls", part));
    }
    if urls.len() <= SITEMAP_LIMIT {
        return r.page(&p.path, "sitemap.xml", None, |ctx| {
            ctx.insert("urls", &urls)
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

/// The list of subjects, when the archive has any.
const SUBJECTS: Form = Form {
    listed: true,
    ..Form::new(
        "the list of subjects",
        Each::Site,
        |_, site, of| match site.subjects.is_empty() {
            true => Vec::new(),
            false => one("/subjects/", of),
        },
        subjects,
        |f, _, h| {
            for s in &f.site.subjects {
                (&s.name, &s.path, s.entries.len()).hash(h);
            }
        },
    )
};

fn subjects(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    r.page(&p.path, "subjects.html", None, |ctx| {
        let subjects: Vec<_> = r
            .site
            .subjects
            .iter()
            .map(|s| subject_view(r.config, s))
            .collect();
        ctx.insert("subjects", &subjects);
    })
}

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
        }
    })
}

/// Its sessions, and how many each holds.
fn body_inputs(f: &Inputs, o: &Output, h: &mut FxHasher) {
    for s in body_of(f.site, o.of).map_or(&[][..], |l| &l.sessions) {
        (&s.name, &s.path, s.entries.len()).hash(h);
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
                (&session.name, &session.path).hash(h);
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
            r.insert_page(ctx, &session.path, &session.entries, p.output.part);
        }
    })
}

/// One subject's listing, paged like a session's.
const SUBJECT: Form = Form {
    listed: true,
    describe: |form, _, site, o| {
        let name = subject_of(site, o.of).map_or("", |s| s.name.as_str());
        format!("{} {name}", form.what)
    },
    ..Form::new(
        "the listing of the subject",
        Each::Subject,
        |_, site, of| {
            let subject = subject_of(site, of);
            subject.map_or_else(Vec::new, |s| pages_of(&s.path, s.entries.len()))
        },
        subject,
        |f, o, h| {
            if let Some(subject) = subject_of(f.site, o.of) {
                (&subject.name, &subject.path).hash(h);
                f.listing_page(h, &subject.entries, o.part);
            }
        },
    )
};

fn subject(r: &Renderer, p: &Planned) -> Result<Vec<u8>, Diagnostic> {
    r.page(&p.path, "subjects.html", None, |ctx| {
        if let Some(subject) = subject_of(r.site, p.output.of) {
            ctx.insert("subject", &subject_view(r.config, subject));
            r.insert_page(ctx, &subject.path, &subject.entries, p.output.part);
        }
    })
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
    let view = r
        .text(i)
        .and_then(|text| resolution_view(r.config, r.site, r.links, i, &text));
    r.page(&p.path, "resolution.html", r.source_of(i), |ctx| {
        ctx.insert("resolution", &view)
    })
}

/// Its source and address, what it shows of its neighbours, its
/// citations and who cites it where.
fn resolution_inputs(f: &Inputs, o: &Output, h: &mut FxHasher) {
    let Some(i) = o.of.entry() else { return };
    f.entry(h, i);
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

fn subject_of(site: &Site, of: For) -> Option<&SubjectListing> {
    match of {
        For::Subject(k) => site.subjects.get(k),
        _ => None,
    }
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
