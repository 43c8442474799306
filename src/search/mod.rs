//! The full-text search index: static files a browser reads a few at a
//! time, so search works on a static host at 50,000 resolutions.
//!
//! Documents are numbered oldest first (adoption date, then archive
//! order). Under `/search/`:
//! - `meta.json`: how to read the rest — shard count, stop words, bodies,
//!   each document's body, the year each run of documents was adopted in,
//!   the subjects;
//! - `terms/N.json`: the terms whose FNV-1a hash falls in shard N, each
//!   with the documents holding it (see `encode`); a query downloads one
//!   shard per word typed;
//! - `docs/K.json`: symbol, title, date, address and body of documents
//!   `K*100 …`, fetched only for the results shown;
//! - `subjects/SLUG.json`: the documents of one subject, for the filter.
//!
//! Symbols and numbers as cited (`#a/res/49/127`, `#1325(2000)`) are terms
//! too, so typing one finds the resolution. Which paragraph matched is
//! found by the client in the result's own page.
//!
//! Pagefind was measured first (1.6, through its Rust API): 2.7 ms and a
//! third of a megabyte per page, minutes and gigabytes at 50,000 pages.

mod index;
pub mod terms;

use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::config::Config;
use crate::kinds::search::{DOCS, META, SUBJECTS};
use crate::markdown::plain_text;
use crate::site::{Entry, Site};
pub use index::Index;
use rustc_hash::FxHashMap;
use terms::{each_term, markup_is_punctuation, symbol_key, STOP_WORDS};

/// Documents per `docs/K.json` file.
pub(crate) const DOCS_PER_FILE: usize = 100;
/// Roughly how many postings a term shard should hold.
const POSTINGS_PER_SHARD: usize = 4_000;
/// Documents whose terms are gathered at once, to bound memory.
const BATCH: usize = 512;

/// The index as files: site path (`/search/meta.json`) → bytes.
pub type Files = BTreeMap<String, Vec<u8>>;

#[derive(Serialize)]
struct Meta<'a> {
    version: u32,
    docs: usize,
    shards: u32,
    docs_per_file: usize,
    stop_words: &'a [&'a str],
    bodies: Vec<BodyMeta<'a>>,
    /// One character per document: the index of its body in `bodies`, in
    /// base 36.
    body_of: String,
    /// `[first document, year]` for each run of documents adopted in one
    /// year (0: no date).
    years: Vec<(usize, u16)>,
    subjects: Vec<SubjectMeta<'a>>,
}

#[derive(Serialize)]
struct BodyMeta<'a> {
    key: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct SubjectMeta<'a> {
    name: &'a str,
    file: &'a str,
    count: usize,
}

/// How many term shards an index of `postings` postings has.
fn shard_count(postings: usize) -> u32 {
    (postings / POSTINGS_PER_SHARD)
        .next_power_of_two()
        .clamp(8, 4096) as u32
}

/// `/search/docs/K.json`: the records of documents `K*100 …`; returns
/// its path.
fn docs_file(files: &mut Files, config: &Config, site: &Site, order: &[usize], k: usize) -> String {
    let chunk = order.chunks(DOCS_PER_FILE).nth(k).unwrap_or_default();
    let docs: Vec<_> = chunk
        .iter()
        .map(|&i| doc_record(config, site, &site.entries[i]))
        .collect();
    let path = format!("{DOCS}{k}.json");
    files.insert(path.clone(), json(&docs));
    path
}

/// `/search/meta.json` and `/search/subjects/SLUG.json`, made anew (any
/// edit may change a subject or a date); returns their paths.
fn meta_files(
    files: &mut Files,
    config: &Config,
    site: &Site,
    order: &[usize],
    shards: u32,
) -> Vec<String> {
    files.retain(|path, _| !path.starts_with(SUBJECTS));
    let subject_docs = subject_docs(site, order);
    let meta = Meta {
        version: 1,
        docs: order.len(),
        shards,
        docs_per_file: DOCS_PER_FILE,
        stop_words: STOP_WORDS,
        bodies: site
            .bodies
            .iter()
            .map(|b| BodyMeta {
                key: &b.key,
                name: config.body(&b.key).map_or("", |c| c.name.as_str()),
            })
            .collect(),
        body_of: body_of(site, order),
        years: year_runs(site, order),
        subjects: site
            .subjects
            .iter()
            .zip(&subject_docs)
            .map(|(s, docs)| SubjectMeta {
                name: &s.name,
                file: &s.slug,
                count: docs.len(),
            })
            .collect(),
    };
    let mut paths = Vec::new();
    for (s, docs) in site.subjects.iter().zip(&subject_docs) {
        let path = format!("{SUBJECTS}{}.json", s.slug);
        files.insert(path.clone(), json(&encode(docs)));
        paths.push(path);
    }
    files.insert(META.to_string(), json(&meta));
    paths.push(META.to_string());
    paths
}

/// Entry indices oldest first; undated ones first of all, in archive order.
pub(crate) fn document_order(site: &Site) -> Vec<usize> {
    let mut order: Vec<usize> = (0..site.entries.len()).collect();
    order.sort_by_key(|&i| site.entries[i].resolution.meta.adopted);
    order
}

/// Term → the documents holding it, ascending.
pub(crate) fn postings(
    order: &[usize],
    terms_of: impl Fn(usize) -> Arc<Terms> + Sync,
) -> FxHashMap<Box<str>, Vec<u32>> {
    let mut postings: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
    for (b, batch) in order.chunks(BATCH).enumerate() {
        let found: Vec<Arc<Terms>> = batch.par_iter().map(|&i| terms_of(i)).collect();
        for (k, terms) in found.iter().enumerate() {
            let doc = (b * BATCH + k) as u32;
            for term in terms.iter() {
                match postings.get_mut(term) {
                    Some(docs) => docs.push(doc),
                    None => {
                        postings.insert(term.into(), vec![doc]);
                    }
                }
            }
        }
    }
    postings
}

/// The distinct terms of one document, in one buffer.
#[derive(Debug, Default)]
pub struct Terms {
    text: String,
    /// Byte ranges of `text`, sorted by the term they hold, no repeats.
    spans: Vec<(u32, u32)>,
}

impl Terms {
    /// The terms, sorted, each once.
    fn iter(&self) -> impl Iterator<Item = &str> {
        self.spans
            .iter()
            .map(|&(a, b)| &self.text[a as usize..b as usize])
    }
}

/// Every term of one resolution, once: its words and its symbol keys.
pub(crate) fn document_terms(e: &Entry) -> Terms {
    let r = &e.resolution;
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut add = |t: &str| {
        let start = text.len() as u32;
        text.push_str(t);
        spans.push((start, text.len() as u32));
    };
    add(&symbol_key(&r.meta.symbol));
    add(&symbol_key(&e.cited_as));
    each_term(&r.meta.title, &mut add);
    let markdown = r.blocks.iter().map(|b| &b.text);
    for md in markdown.chain(r.footnotes.iter().map(|f| &f.text)) {
        if markup_is_punctuation(md) {
            each_term(md, &mut add);
        } else {
            each_term(&plain_text(md), &mut add);
        }
    }
    let slice = |&(a, b): &(u32, u32)| &text[a as usize..b as usize];
    spans.sort_unstable_by(|x, y| slice(x).cmp(slice(y)));
    spans.dedup_by(|x, y| slice(x) == slice(y));
    Terms { text, spans }
}

/// Ascending document numbers as the gaps between them in base 36, comma
/// separated (`[3, 4, 40]` → `"3,1,10"`): short, and plain JSON.
pub(crate) fn encode(docs: &[u32]) -> String {
    let mut out = String::with_capacity(docs.len() * 3);
    let mut last = 0;
    for (k, &d) in docs.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_base36(&mut out, d - last);
        last = d;
    }
    out
}

fn push_base36(out: &mut String, mut n: u32) {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut buf = [0u8; 8];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = DIGITS[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.extend(buf[at..].iter().map(|&b| b as char));
}

/// `[symbol, title, date, address, body]` of one document.
fn doc_record(config: &Config, site: &Site, e: &Entry) -> (String, String, String, String, usize) {
    let m = &e.resolution.meta;
    (
        m.symbol.clone(),
        m.title.clone(),
        m.adopted.map(|d| d.to_string()).unwrap_or_default(),
        config.link(&e.path),
        body_index(site, &m.body),
    )
}

fn body_index(site: &Site, key: &str) -> usize {
    site.bodies.iter().position(|b| b.key == key).unwrap_or(0)
}

fn body_of(site: &Site, order: &[usize]) -> String {
    order
        .iter()
        .map(|&i| {
            let b = body_index(site, &site.entries[i].resolution.meta.body);
            char::from_digit(b as u32 % 36, 36).unwrap_or('0')
        })
        .collect()
}

fn year_runs(site: &Site, order: &[usize]) -> Vec<(usize, u16)> {
    let mut runs: Vec<(usize, u16)> = Vec::new();
    for (doc, &i) in order.iter().enumerate() {
        let year = site.entries[i]
            .resolution
            .meta
            .adopted
            .map_or(0, |d| d.year);
        if runs.last().is_none_or(|&(_, y)| y != year) {
            runs.push((doc, year));
        }
    }
    runs
}

/// Each subject's documents, as numbers in the index's order.
fn subject_docs(site: &Site, order: &[usize]) -> Vec<Vec<u32>> {
    let mut doc_of = vec![0u32; site.entries.len()];
    for (doc, &i) in order.iter().enumerate() {
        doc_of[i] = doc as u32;
    }
    site.subjects
        .iter()
        .map(|s| {
            let mut docs: Vec<u32> = s.entries.iter().map(|&i| doc_of[i]).collect();
            docs.sort_unstable();
            docs
        })
        .collect()
}

fn json<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    // Maps with string keys, strings and numbers always serialise.
    serde_json::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_are_gaps_in_base_36() {
        assert_eq!(encode(&[3, 4, 40]), "3,1,10");
        assert_eq!(encode(&[]), "");
        assert_eq!(encode(&[0, 36 * 36]), "0,100");
    }
}
