//! Listings by topic: what a reader browses besides bodies and sessions —
//! subjects (the whole archive), committees (of a body) and agenda items
//! (of a session). Each is a [`TopicListing`]; [`Facet`] says which kind.

use std::collections::BTreeMap;

use regex::Regex;
use std::sync::LazyLock;

use super::{BodyListing, Entry};
use crate::config::Config;
use crate::text::{built_in, natural_key, NaturalChunk};
use crate::urls::slug;

/// A way of grouping resolutions into listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// Front-matter `subjects`, across the archive: `/subjects/SLUG/`.
    Subject,
    /// Front-matter `committee`, within a body: `/ga/committees/SLUG/`.
    Committee,
    /// Front-matter `agenda_item`, within a session: `/ga/74/agenda/19/`.
    AgendaItem,
}

impl Facet {
    pub const ALL: [Facet; 3] = [Facet::Subject, Facet::Committee, Facet::AgendaItem];

    /// The variable a listing's template sees it as.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Subject => "subject",
            Facet::Committee | Facet::AgendaItem => "topic",
        }
    }

    /// How templates and messages name it.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Subject => "subject",
            Facet::Committee => "committee",
            Facet::AgendaItem => "agenda item",
        }
    }
}

/// One subject, committee or agenda item and its resolutions.
#[derive(Debug, Clone)]
pub struct TopicListing {
    pub facet: Facet,
    /// As first written in the archive (`Third Committee`; for an agenda
    /// item its name, `Sustainable development`, or failing that `Item 19`).
    pub name: String,
    /// Names it in its address and, for subjects, its file in the search
    /// index (for an agenda item, its number).
    pub slug: String,
    /// Site path of its listing.
    pub path: String,
    /// Indices into [`super::Site::entries`], in archive order — for an
    /// agenda item, by sub-item first.
    pub entries: Vec<usize>,
    /// Agenda items only, one per entry: the sub-item it came under as
    /// printed with its name (`(f) Convention on Biological Diversity`),
    /// empty for the item itself.
    pub parts: Vec<String>,
    /// Where it belongs: the body (committees, agenda items) and the
    /// session (agenda items), as places in [`super::Site::bodies`].
    pub within: Option<(usize, Option<usize>)>,
}

/// The listing of the subject whose address is `slug`.
pub(crate) fn subject_path(slug: &str) -> String {
    format!("/subjects/{slug}/")
}

/// The listing of the committee `slug` of the body listed at `body_path`.
pub(crate) fn committee_path(body_path: &str, slug: &str) -> String {
    format!("{body_path}committees/{slug}/")
}

/// A session's agenda: its items, beside its listing.
pub(crate) fn agenda_path(session_path: &str) -> String {
    format!("{session_path}agenda/")
}

/// The listing of agenda item `slug` of the session at `session_path`.
pub(crate) fn agenda_item_path(session_path: &str, slug: &str) -> String {
    format!("{}{slug}/", agenda_path(session_path))
}

/// Every topic of `entries` by facet: subjects by address, committees by
/// body then in the body's order, agenda items by session then number.
pub(crate) fn listings(
    config: &Config,
    entries: &[Entry],
    bodies: &[BodyListing],
) -> [Vec<TopicListing>; 3] {
    [
        subjects(entries),
        committees(config, entries, bodies),
        agenda_items(entries, bodies),
    ]
}

/// Adds entry `i` to `listing` once, under sub-item `part` (the first, of
/// `69 (a) and (b)`).
fn push(listing: &mut TopicListing, i: usize, part: String) {
    if listing.entries.last() != Some(&i) {
        listing.entries.push(i);
        listing.parts.push(part);
    }
}

fn listing(facet: Facet, name: &str, slug: String, path: String) -> TopicListing {
    TopicListing {
        facet,
        name: name.to_string(),
        slug,
        path,
        entries: Vec::new(),
        parts: Vec::new(),
        within: None,
    }
}

fn subjects(entries: &[Entry]) -> Vec<TopicListing> {
    let mut by_slug: BTreeMap<String, TopicListing> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        for name in &e.resolution.meta.subjects {
            let slug = slug(name);
            if slug.is_empty() {
                continue;
            }
            let l = by_slug.entry(slug.clone()).or_insert_with(|| {
                listing(Facet::Subject, name, slug.clone(), subject_path(&slug))
            });
            push(l, i, String::new());
        }
    }
    by_slug.into_values().map(without_parts).collect()
}

/// Parts matter for agenda items alone.
fn without_parts(mut l: TopicListing) -> TopicListing {
    l.parts.clear();
    l
}

/// The place of `e`'s body among `bodies`.
fn body_of(bodies: &[BodyListing], e: &Entry) -> Option<usize> {
    bodies.iter().position(|b| b.key == e.resolution.meta.body)
}

fn committees(config: &Config, entries: &[Entry], bodies: &[BodyListing]) -> Vec<TopicListing> {
    // Keyed by body, then the place in the body's own order (unknown
    // ones after, by name), then address.
    let mut by_key: BTreeMap<(usize, usize, String), TopicListing> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let Some(name) = e.resolution.meta.adoption.committee.as_deref() else {
            continue;
        };
        let (Some(b), key) = (body_of(bodies, e), slug(name)) else {
            continue;
        };
        if key.is_empty() {
            continue;
        }
        let known = config
            .body(&bodies[b].key)
            .map_or(&[][..], |d| &d.committees);
        let order = known
            .iter()
            .position(|k| slug(k) == key)
            .unwrap_or(usize::MAX);
        let l = by_key.entry((b, order, key.clone())).or_insert_with(|| {
            let path = committee_path(&bodies[b].path, &key);
            TopicListing {
                within: Some((b, None)),
                ..listing(Facet::Committee, name, key.clone(), path)
            }
        });
        push(l, i, String::new());
    }
    by_key.into_values().map(without_parts).collect()
}

type AgendaKey = (usize, usize, Vec<NaturalChunk>);

fn agenda_items(entries: &[Entry], bodies: &[BodyListing]) -> Vec<TopicListing> {
    let mut by_key: BTreeMap<AgendaKey, TopicListing> = BTreeMap::new();
    // Session by session: each listing knows its entries, in archive order.
    let sessions = bodies.iter().enumerate().flat_map(|(b, body)| {
        let each = body.sessions.iter().enumerate();
        each.map(move |(s, session)| (b, s, session))
    });
    for (b, s, session) in sessions {
        for &i in &session.entries {
            let Some(e) = entries.get(i) else { continue };
            let m = &e.resolution.meta;
            let Some(printed) = m.agenda_item.as_deref() else {
                continue;
            };
            for r in agenda_refs(printed, m.agenda_item_name.as_deref()) {
                let slug = slug(&r.item);
                let l = by_key
                    .entry((b, s, natural_key(&r.item)))
                    .or_insert_with(|| TopicListing {
                        within: Some((b, Some(s))),
                        ..listing(
                            Facet::AgendaItem,
                            "",
                            slug.clone(),
                            agenda_item_path(&session.path, &slug),
                        )
                    });
                if l.name.is_empty() {
                    l.name = r.item_name.unwrap_or_default().to_string();
                }
                let part = match (&r.sub, r.sub_name) {
                    (Some(sub), Some(name)) => format!("({sub}) {name}"),
                    (Some(sub), None) => format!("({sub})"),
                    _ => String::new(),
                };
                push(l, i, part);
            }
        }
    }
    by_key.into_values().map(by_sub_item).collect()
}

/// An agenda item's resolutions grouped by sub-item, the item itself
/// first, then `(a)`, `(b)`, … `(z)`, `(aa)`, each in archive order.
fn by_sub_item(mut l: TopicListing) -> TopicListing {
    let mut both: Vec<(String, usize)> = l.parts.drain(..).zip(l.entries.drain(..)).collect();
    both.sort_by_key(|(part, i)| {
        let letters = part.split(')').next().unwrap_or_default();
        (letters.len(), letters.to_string(), *i)
    });
    (l.parts, l.entries) = both.into_iter().unzip();
    if l.name.is_empty() {
        l.name = format!("Item {}", l.slug);
    }
    l
}

/// One agenda item a resolution was adopted under.
#[derive(Debug, PartialEq)]
pub(crate) struct AgendaRef<'a> {
    /// Its number (`19`).
    pub item: String,
    /// Its sub-item's letters (`f`), if any.
    pub sub: Option<String>,
    pub item_name: Option<&'a str>,
    pub sub_name: Option<&'a str>,
}

/// The agenda items of `printed` (`Agenda item 19 (f)`, `Agenda items 14
/// and 120`, `Agenda item 69 (a) and (b)`), with their names from `names`
/// as the texts print them: one per item, `;` between them, a sub-item's
/// after the item's and `: `.
pub(crate) fn agenda_refs<'a>(printed: &str, names: Option<&'a str>) -> Vec<AgendaRef<'a>> {
    static TOKEN: LazyLock<Regex> = LazyLock::new(|| built_in(r"(\d+)|\(([a-z]{1,3})\)"));
    let mut refs: Vec<AgendaRef> = Vec::new();
    let mut item: Option<String> = None;
    for c in TOKEN.captures_iter(printed) {
        if let Some(n) = c.get(1) {
            item = Some(n.as_str().to_string());
            refs.push(agenda_ref(n.as_str(), None));
        } else if let (Some(sub), Some(n)) = (c.get(2), &item) {
            // The item alone was a placeholder for its first sub-item.
            if refs.last().is_some_and(|r| r.item == *n && r.sub.is_none()) {
                refs.pop();
            }
            refs.push(agenda_ref(n, Some(sub.as_str())));
        }
    }
    let names: Vec<&str> = names.map_or(Vec::new(), |n| n.split(';').map(str::trim).collect());
    // One name for several refs names them all (`69 (a) and (b)`); else
    // one name each, or none can be told apart.
    let shared = names.len() == 1 && refs.windows(2).all(|w| w[0].item == w[1].item);
    if !shared && names.len() != refs.len() {
        return refs;
    }
    for (k, r) in refs.iter_mut().enumerate() {
        let Some(name) = names.get(if shared { 0 } else { k }).copied() else {
            continue;
        };
        match (&r.sub, name.split_once(": ")) {
            (Some(_), Some((item, sub))) => (r.item_name, r.sub_name) = (Some(item), Some(sub)),
            (Some(_), None) => r.item_name = Some(name),
            (None, _) => r.item_name = Some(name),
        }
    }
    refs
}

fn agenda_ref<'a>(item: &str, sub: Option<&str>) -> AgendaRef<'a> {
    AgendaRef {
        item: item.to_string(),
        sub: sub.map(str::to_string),
        item_name: None,
        sub_name: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(printed: &str, names: Option<&str>) -> Vec<(String, Option<String>, String, String)> {
        agenda_refs(printed, names)
            .into_iter()
            .map(|r| {
                let name = r.item_name.unwrap_or_default().to_string();
                (
                    r.item,
                    r.sub,
                    name,
                    r.sub_name.unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn agenda_items_as_the_un_prints_them() {
        assert_eq!(
            read(
                "Agenda item 19 (f)",
                Some("Sustainable development: Convention on Biological Diversity")
            ),
            [(
                "19".into(),
                Some("f".into()),
                "Sustainable development".into(),
                "Convention on Biological Diversity".into()
            )]
        );
        let two = read(
            "Agenda items 14 and 120",
            Some("Integrated follow-up: of conferences; Implementation of the resolutions"),
        );
        assert_eq!(two.len(), 2);
        // An item without a sub-item keeps its whole name, colon and all.
        assert_eq!(two[0].2, "Integrated follow-up: of conferences");
        assert_eq!(two[1].0, "120");
        assert_eq!(two[1].2, "Implementation of the resolutions");
        let subs = read("Agenda item 69 (a) and (b)", None);
        assert_eq!(
            subs.iter()
                .map(|r| (r.0.as_str(), r.1.as_deref()))
                .collect::<Vec<_>>(),
            [("69", Some("a")), ("69", Some("b"))]
        );
        assert_eq!(read("39", None)[0].0, "39");
        assert!(read("to be decided", None).is_empty());
    }

    #[test]
    fn names_that_do_not_pair_are_left_out() {
        let r = read("Agenda items 14, 15 and 120", Some("One; Two"));
        assert_eq!(r.len(), 3);
        assert!(r.iter().all(|r| r.2.is_empty()));
    }
}
