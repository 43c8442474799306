//! The full-text search index: static files a browser reads a few at a
//! time, so search works on a static host at 50,000 resolutions.
//!
//! One index per language the archive holds texts in ([`Collection`]):
//! the default one's under `/search/`, holding every resolution; each
//! other's under its code (`/fr/search/`), holding the texts in that
//! language, its words cut and stemmed as that language's
//! ([`terms::Analyzer`]).
//!
//! Documents are numbered oldest first (adoption date, then archive
//! order). Under each index's folder:
//! - `meta.json`: how to read the rest — shard counts, stop words, bodies,
//!   each document's body, the year each run of documents was adopted in,
//!   the subjects;
//! - `words/N.json`: the vocabulary, each word with its stem (`""` when
//!   the word is its own stem) and the number of documents holding the
//!   stem, in the file of the FNV-1a hash of its first three characters:
//!   a word being typed finds every word it begins, and the client needs
//!   no stemmer;
//! - `terms/N.json`: the stems (and symbol keys) whose hash falls in
//!   shard N, each with its documents and how well each matches, two
//!   bytes a document in dense lists (see `encode_scored`);
//! - `docs/K.json`: symbol, title, date, address and body of documents
//!   `K*20 …`, fetched only for the results shown;
//! - `subjects/SLUG.json`: the documents of one subject, for the filter.
//!
//! Ranking is BM25 with its term-frequency part computed here, per
//! document, and its rarity part (from the number of documents a stem
//! has) in the client. Words of the title and the subjects count three
//! times, the symbol above all. The length a document is normalised
//! against is a constant rather than the archive's average, so an edit
//! changes only the postings of the document edited (`plenary serve`).
//!
//! Symbols and numbers as cited (`#a/res/49/127`, `#1325(2000)`) are terms
//! too, so typing one finds the resolution. Which paragraph matched is
//! found by the client in the result's own page.
//!
//! Pagefind was measured first (1.6, through its Rust API): 2.7 ms and a
//! third of a megabyte per page, minutes and gigabytes at 50,000 pages.

mod index;
pub mod terms;

use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;

use crate::config::Config;
use crate::kinds::search::{DOCS, META, SUBJECTS};
use crate::markdown::plain_text;
use crate::site::{Entry, Site};
pub use index::Index;
use terms::{markup_is_punctuation, symbol_keys, Analyzer};

/// The texts one index holds: every entry, for the default language; for
/// another, the texts in it, entries or versions.
pub struct Collection<'s> {
    pub language: &'s str,
    /// The index's folder (`/search/`, `/fr/search/`).
    pub folder: String,
    /// Each text, with the entry it is or is a version of, and which
    /// version it is, if one.
    texts: Vec<(&'s Entry, usize, Option<usize>)>,
}

impl<'s> Collection<'s> {
    /// One collection per language of [`Site::languages`], the default's
    /// first.
    pub fn all(config: &'s Config, site: &'s Site) -> Vec<Collection<'s>> {
        site.languages(config)
            .into_iter()
            .map(|language| Collection::of(config, site, language))
            .collect()
    }

    fn of(config: &Config, site: &'s Site, language: &'s str) -> Collection<'s> {
        let folder = crate::urls::in_language(&config.language, language, crate::urls::SEARCH);
        let entries = site.entries.iter().enumerate().map(|(i, e)| (e, i, None));
        let texts = if language == config.language {
            entries.collect()
        } else {
            let versions =
                (site.versions.iter().enumerate()).map(|(k, v)| (&v.entry, v.of, Some(k)));
            entries
                .chain(versions)
                .filter(|(e, _, _)| e.resolution.meta.language == language)
                .collect()
        };
        Collection {
            language,
            folder,
            texts,
        }
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The `k`-th text.
    pub fn text(&self, k: usize) -> &'s Entry {
        self.texts[k].0
    }

    /// The entry the `k`-th text is, or is a version of.
    pub fn entry_of(&self, k: usize) -> usize {
        self.texts[k].1
    }

    /// The version ([`Site::versions`]) the `k`-th text is, if it is one.
    pub fn version(&self, k: usize) -> Option<usize> {
        self.texts[k].2
    }

    fn path(&self, name: &str) -> String {
        format!("{}{name}", self.folder)
    }
}

/// Documents per `docs/K.json` file: results are scattered over the
/// archive by relevance, so each one shown costs one small file.
pub(crate) const DOCS_PER_FILE: usize = 20;
/// Roughly how many postings a term shard should hold.
const POSTINGS_PER_SHARD: usize = 4_000;
/// Roughly how many words a vocabulary file should hold.
const WORDS_PER_FILE: usize = 400;

/// How much a word counts where it stands.
struct Weights {
    symbol: u16,
    title: u16,
    subjects: u16,
    keywords: u16,
    text: u16,
}

const WEIGHT: Weights = Weights {
    symbol: 1_000,
    title: 3,
    subjects: 3,
    keywords: 2,
    text: 1,
};

/// BM25's parameters, and the document length it normalises against.
const K1: f32 = 1.2;
const B: f32 = 0.75;
const REFERENCE_LENGTH: f32 = 300.0;
/// The best match a posting can say: its score is one base-36 digit.
pub(crate) const TOP_SCORE: u8 = 35;

/// The index as files: site path (`/search/meta.json`) → bytes.
pub type Files = BTreeMap<String, Vec<u8>>;

#[derive(Serialize)]
struct Meta<'a> {
    version: u32,
    docs: usize,
    shards: u32,
    vocabulary: u32,
    docs_per_file: usize,
    /// Postings' scores run from 1 to this.
    top_score: u8,
    k1: f32,
    /// The language of the texts, whose words the index holds.
    language: &'a str,
    /// Whether words are stemmed (not for a language Snowball lacks).
    stemmed: bool,
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

/// How many files `items` things fill at `per_file` each: a power of two.
fn file_count(items: usize, per_file: usize) -> u32 {
    (items / per_file).next_power_of_two().clamp(8, 4096) as u32
}

/// Stores a file's bytes; returns its path when they changed, so an
/// update writes again only what differs.
fn put(files: &mut Files, path: String, bytes: Vec<u8>) -> Option<String> {
    if files.get(&path) == Some(&bytes) {
        return None;
    }
    files.insert(path.clone(), bytes);
    Some(path)
}

/// `docs/K.json`: the records of documents `K*20 …`; returns its path
/// if it changed.
fn docs_file(
    files: &mut Files,
    (config, site): (&Config, &Site),
    texts: &Collection,
    order: &[usize],
    k: usize,
) -> Option<String> {
    let chunk = order.chunks(DOCS_PER_FILE).nth(k).unwrap_or_default();
    let docs: Vec<_> = chunk
        .iter()
        .map(|&i| doc_record(config, site, texts.text(i)))
        .collect();
    put(files, texts.path(&format!("{DOCS}{k}.json")), json(&docs))
}

/// What `meta.json` says of the index's own layout.
struct Layout {
    shards: u32,
    vocabulary: u32,
    stemmed: bool,
    stop_words: &'static [&'static str],
}

/// `meta.json` and `subjects/SLUG.json`, made anew (any edit may change
/// a subject or a date); returns the paths of those that changed.
fn meta_files(
    files: &mut Files,
    (config, site): (&Config, &Site),
    texts: &Collection,
    order: &[usize],
    layout: &Layout,
) -> Vec<String> {
    let subject_path = |slug: &str| texts.path(&format!("{SUBJECTS}{slug}.json"));
    let subjects_folder = texts.path(SUBJECTS);
    let kept: std::collections::BTreeSet<String> = site
        .subjects()
        .iter()
        .map(|s| subject_path(&s.slug))
        .collect();
    files.retain(|path, _| !path.starts_with(&subjects_folder) || kept.contains(path));
    let subject_docs = subject_docs(site, texts, order);
    let meta = Meta {
        version: 2,
        docs: order.len(),
        shards: layout.shards,
        vocabulary: layout.vocabulary,
        docs_per_file: DOCS_PER_FILE,
        top_score: TOP_SCORE,
        k1: K1,
        language: texts.language,
        stemmed: layout.stemmed,
        stop_words: layout.stop_words,
        bodies: site
            .bodies
            .iter()
            .map(|b| BodyMeta {
                key: &b.key,
                name: config
                    .body(&b.key)
                    .map_or("", |c| c.name_in(texts.language)),
            })
            .collect(),
        body_of: body_of(site, texts, order),
        years: year_runs(texts, order),
        subjects: site
            .subjects()
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
    for (s, docs) in site.subjects().iter().zip(&subject_docs) {
        paths.extend(put(files, subject_path(&s.slug), json(&encode(docs))));
    }
    paths.extend(put(files, texts.path(META), json(&meta)));
    paths
}

/// The texts of a collection oldest first; undated ones first of all, in
/// archive order.
pub(crate) fn document_order(texts: &Collection) -> Vec<usize> {
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_by_key(|&k| texts.text(k).resolution.meta.adopted);
    order
}

/// The distinct words of one document, each with how often it occurs
/// (weighted by where), in one buffer.
#[derive(Debug, Default)]
pub struct Terms {
    text: String,
    /// Byte ranges of `text`, sorted by the word they hold, no repeats,
    /// with the word's weighted count.
    words: Vec<(u32, u32, u16)>,
    /// How many words the title and text hold.
    length: u32,
}

impl Terms {
    /// The words, sorted, each once, with their weighted counts.
    fn iter(&self) -> impl Iterator<Item = (&str, u16)> {
        self.words
            .iter()
            .map(|&(a, b, n)| (&self.text[a as usize..b as usize], n))
    }
}

/// Every word of one resolution, once, with its weighted count; and its
/// symbol keys.
pub(crate) fn document_terms(analyzer: &Analyzer, e: &Entry) -> Terms {
    let r = &e.resolution;
    // Counted by word as they come, sorted once each: a text repeats its
    // words many times.
    let mut counts: FxHashMap<String, u16> = FxHashMap::default();
    let mut length = 0;
    let mut add = |t: &str, weight: u16| {
        match counts.get_mut(t) {
            Some(n) => *n = n.saturating_add(weight),
            None => {
                counts.insert(t.to_string(), weight);
            }
        }
        if weight != WEIGHT.symbol {
            length += 1;
        }
    };
    for key in symbol_keys(&r.meta.symbol, &e.cited_as) {
        add(&key, WEIGHT.symbol);
    }
    analyzer.each_term(&r.meta.title, |t| add(t, WEIGHT.title));
    for subject in &r.meta.subjects {
        analyzer.each_term(subject, |t| add(t, WEIGHT.subjects));
    }
    for keyword in r.meta.keywords.values().flatten() {
        analyzer.each_term(keyword, |t| add(t, WEIGHT.keywords));
    }
    let markdown = r.blocks.iter().map(|b| &b.text);
    for md in markdown.chain(r.footnotes.iter().map(|f| &f.text)) {
        if markup_is_punctuation(md) {
            analyzer.each_term(md, |t| add(t, WEIGHT.text));
        } else {
            analyzer.each_term(&plain_text(md), |t| add(t, WEIGHT.text));
        }
    }
    let mut sorted: Vec<(String, u16)> = counts.into_iter().collect();
    sorted.sort_unstable();
    let mut text = String::with_capacity(sorted.iter().map(|(w, _)| w.len()).sum());
    let words = sorted
        .iter()
        .map(|(word, n)| {
            let start = text.len() as u32;
            text.push_str(word);
            (start, text.len() as u32, *n)
        })
        .collect();
    Terms {
        text,
        words,
        length,
    }
}

/// How well a document matches a stem it holds `count` times (weighted)
/// among `length` words: BM25's term-frequency part, from 1 to
/// [`TOP_SCORE`].
pub(crate) fn score(count: u32, length: u32) -> u8 {
    let norm = 1.0 - B + B * coarse(length) / REFERENCE_LENGTH;
    let tf = count as f32 / norm;
    let part = tf / (tf + K1);
    ((part * f32::from(TOP_SCORE)).round() as u8).clamp(1, TOP_SCORE)
}

/// A length rounded to a step of a geometric scale (as Lucene stores
/// lengths in one byte): a word added or removed seldom changes it, so an
/// edit seldom changes the scores of the words it left alone.
fn coarse(length: u32) -> f32 {
    const STEP: f32 = 1.15;
    let steps = (length.max(1) as f32).ln() / STEP.ln();
    STEP.powf(steps.round())
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

/// The 64 characters of the postings' encoding, all plain in JSON.
const DIGITS64: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// Postings as one string with no separators: for each document, the gap
/// from the one before in groups of five bits, lowest first, a character
/// of the upper half of [`DIGITS64`] saying another group follows; then
/// its score as one character (`[(3, 20), (4, 35), (44, 1)]` → `"3k1zE11"`).
/// Dense lists, the largest files, cost two bytes a document.
pub(crate) fn encode_scored(postings: &[(u32, u8)]) -> String {
    let mut out = String::with_capacity(postings.len() * 2);
    let mut last = 0;
    for &(d, score) in postings {
        let mut gap = d - last;
        loop {
            let low = (gap & 31) as usize;
            gap >>= 5;
            if gap == 0 {
                out.push(char::from(DIGITS64[low]));
                break;
            }
            out.push(char::from(DIGITS64[low | 32]));
        }
        out.push(char::from(DIGITS64[usize::from(score.min(TOP_SCORE))]));
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

fn body_of(site: &Site, texts: &Collection, order: &[usize]) -> String {
    order
        .iter()
        .map(|&i| {
            let b = body_index(site, &texts.text(i).resolution.meta.body);
            char::from_digit(b as u32 % 36, 36).unwrap_or('0')
        })
        .collect()
}

fn year_runs(texts: &Collection, order: &[usize]) -> Vec<(usize, u16)> {
    let mut runs: Vec<(usize, u16)> = Vec::new();
    for (doc, &i) in order.iter().enumerate() {
        let year = texts.text(i).resolution.meta.adopted.map_or(0, |d| d.year);
        if runs.last().is_none_or(|&(_, y)| y != year) {
            runs.push((doc, year));
        }
    }
    runs
}

/// Each subject's documents, as numbers in the index's order: the texts
/// of its entries (the subjects are the entries').
fn subject_docs(site: &Site, texts: &Collection, order: &[usize]) -> Vec<Vec<u32>> {
    let mut doc_of = vec![None; site.entries.len()];
    for (doc, &k) in order.iter().enumerate() {
        doc_of[texts.entry_of(k)] = Some(doc as u32);
    }
    site.subjects()
        .iter()
        .map(|s| {
            let mut docs: Vec<u32> = s.entries.iter().filter_map(|&i| doc_of[i]).collect();
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
        assert_eq!(encode_scored(&[(3, 20), (4, 35), (44, 1)]), "3k1zE11");
    }

    #[test]
    fn scores_favour_more_mentions_in_shorter_texts() {
        assert!(score(2, 300) > score(1, 300));
        assert!(score(1, 100) > score(1, 3000));
        assert_eq!(score(WEIGHT.symbol.into(), 10), TOP_SCORE);
        assert!(score(1, 100_000) >= 1);
        // One word more seldom moves a score: lengths are coarse.
        let moved = (50..500)
            .filter(|&n| score(1, n) != score(1, n + 1))
            .count();
        assert!(moved < 40, "{moved} of 450 lengths move a score");
    }
}
