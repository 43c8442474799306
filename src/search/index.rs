//! The index, built from every document's words, and kept between
//! rebuilds (`plenary serve`): an edit re-encodes only the term shards of
//! the stems whose postings it changed, the vocabulary files of words it
//! brought or took away, the record file of the document it changed, and
//! `meta.json` with the subject files.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::terms::{shard_of, vocabulary_prefix, Analyzer};
use super::{docs_file, document_order, encode_scored, file_count, json, meta_files, put, score};
use super::{Collection, Files, Layout, Terms, DOCS_PER_FILE, POSTINGS_PER_SHARD, WORDS_PER_FILE};
use crate::config::Config;
use crate::kinds::search::{TERMS, WORDS};
use crate::site::Site;

/// Documents whose words are gathered at once, to bound memory.
const BATCH: usize = 512;

/// A word of the vocabulary.
struct Word {
    stem: u32,
    /// How many documents hold it: at none, it leaves the vocabulary.
    docs: u32,
}

/// A stem with the documents holding it, ascending, and their scores;
/// and its words, whose vocabulary files give its number of documents.
struct Stem {
    name: Box<str>,
    postings: Vec<(u32, u8)>,
    words: Vec<Box<str>>,
}

pub struct Index {
    /// Its folder (`/search/`, `/fr/search/`).
    folder: String,
    /// The text of the collection behind each document, oldest first.
    order: Vec<usize>,
    /// The document of each text.
    doc_of: Vec<u32>,
    /// Per text: what its words are made from (see the pipeline), and
    /// the words, to take them out again when it changes. Kept only for an
    /// index that will be updated.
    keys: Vec<u64>,
    terms: Vec<Arc<Terms>>,
    analyzer: Analyzer,
    words: FxHashMap<Box<str>, Word>,
    stem_ids: FxHashMap<Box<str>, u32>,
    stems: Vec<Stem>,
    postings: usize,
    shards: u32,
    vocabulary: u32,
    /// The shards' and vocabulary files' contents: stem → id, and words.
    shard_stems: Vec<BTreeMap<Box<str>, u32>>,
    file_words: Vec<BTreeSet<Box<str>>>,
    /// What an update touched, to write again.
    dirty_shards: BTreeSet<u32>,
    dirty_words: BTreeSet<u32>,
    files: Files,
    /// The files the last update wrote again; None after a build (all).
    rewritten: Option<BTreeSet<String>>,
}

impl Index {
    /// The whole index of a collection of texts. `keys` (one per text,
    /// or none) say what each text's words are made from, for
    /// [`Index::update`]; `terms_of` finds the words of the `k`-th.
    pub fn build(
        (config, site): (&Config, &Site),
        texts: &Collection,
        keys: Vec<u64>,
        terms_of: impl Fn(&Analyzer, usize) -> Arc<Terms> + Sync,
    ) -> Index {
        let order = document_order(texts);
        let keep = !keys.is_empty();
        let mut doc_of = vec![0u32; texts.len()];
        for (doc, &i) in order.iter().enumerate() {
            doc_of[i] = doc as u32;
        }
        let mut index = Index {
            folder: texts.folder.clone(),
            order,
            doc_of,
            keys,
            terms: Vec::new(),
            analyzer: Analyzer::of(texts.language),
            words: FxHashMap::default(),
            stem_ids: FxHashMap::default(),
            stems: Vec::new(),
            postings: 0,
            shards: 0,
            vocabulary: 0,
            shard_stems: Vec::new(),
            file_words: Vec::new(),
            dirty_shards: BTreeSet::new(),
            dirty_words: BTreeSet::new(),
            files: Files::new(),
            rewritten: None,
        };
        let mut kept: Vec<Option<Arc<Terms>>> = vec![None; if keep { texts.len() } else { 0 }];
        let order = index.order.clone();
        for (b, batch) in order.chunks(BATCH).enumerate() {
            let analyzer = &index.analyzer;
            let found: Vec<Arc<Terms>> = batch.par_iter().map(|&i| terms_of(analyzer, i)).collect();
            for (k, terms) in found.into_iter().enumerate() {
                index.add((b * BATCH + k) as u32, &terms);
                if keep {
                    kept[batch[k]] = Some(terms);
                }
            }
        }
        index.terms = kept.into_iter().map(Option::unwrap_or_default).collect();
        index.lay_out();
        for n in 0..index.shards {
            index.shard_file(n);
        }
        for n in 0..index.vocabulary {
            index.words_file(n);
        }
        for k in 0..index.order.len().div_ceil(DOCS_PER_FILE) {
            docs_file(&mut index.files, (config, site), texts, &index.order, k);
        }
        let layout = index.layout();
        meta_files(
            &mut index.files,
            (config, site),
            texts,
            &index.order,
            &layout,
        );
        if !keep {
            // Only the files are wanted of an index not to be updated: a
            // build of several languages holds them all before writing.
            index.forget_words();
        }
        index
    }

    /// Drops what only an update needs: the vocabulary and the postings.
    fn forget_words(&mut self) {
        self.words = FxHashMap::default();
        self.stem_ids = FxHashMap::default();
        self.stems = Vec::new();
        self.shard_stems = Vec::new();
        self.file_words = Vec::new();
    }

    /// Brings the index up to date with `texts`, those it was built from,
    /// in the same order, with new `keys`: re-encodes only what the
    /// changed texts touch. Returns false when that cannot be (a text came
    /// or went, a date moved a document, the number of files changed):
    /// then build it again; the index is good only for
    /// [`Index::terms_by_key`].
    pub fn update(
        &mut self,
        (config, site): (&Config, &Site),
        texts: &Collection,
        keys: &[u64],
        terms_of: impl Fn(&Analyzer, usize) -> Arc<Terms>,
    ) -> bool {
        if keys.len() != self.keys.len()
            || texts.folder != self.folder
            || document_order(texts) != self.order
        {
            return false;
        }
        let mut dirty_docs = BTreeSet::new();
        for (i, &key) in keys.iter().enumerate() {
            if key == self.keys[i] {
                continue;
            }
            let doc = self.doc_of[i];
            let new = terms_of(&self.analyzer, i);
            let old = std::mem::replace(&mut self.terms[i], new.clone());
            self.keys[i] = key;
            self.replace(doc, &old, &new);
            dirty_docs.insert(doc as usize / DOCS_PER_FILE);
        }
        let layout = self.layout();
        if (layout.shards, layout.vocabulary) != self.counts() {
            return false;
        }
        let mut rewritten = BTreeSet::new();
        for n in std::mem::take(&mut self.dirty_shards) {
            rewritten.extend(self.shard_file(n));
        }
        for n in std::mem::take(&mut self.dirty_words) {
            rewritten.extend(self.words_file(n));
        }
        for k in dirty_docs {
            let docs = docs_file(&mut self.files, (config, site), texts, &self.order, k);
            rewritten.extend(docs);
        }
        let meta = meta_files(&mut self.files, (config, site), texts, &self.order, &layout);
        rewritten.extend(meta);
        self.rewritten = Some(rewritten);
        true
    }

    /// Whether the last build or update wrote `path` again (an update
    /// leaves most files as they were).
    pub fn rewrote(&self, path: &str) -> bool {
        self.rewritten.as_ref().is_none_or(|r| r.contains(path))
    }

    /// Each text's words by what they are made from, to build a new index
    /// without finding again the words of texts that stayed.
    pub fn terms_by_key(&self) -> std::collections::HashMap<u64, Arc<Terms>> {
        self.keys
            .iter()
            .copied()
            .zip(self.terms.iter().cloned())
            .collect()
    }

    /// Its folder (`/search/`, `/fr/search/`).
    pub fn folder(&self) -> &str {
        &self.folder
    }

    pub fn files(&self) -> &Files {
        &self.files
    }

    /// The file counts the postings and the vocabulary call for now.
    fn counts(&self) -> (u32, u32) {
        (
            file_count(self.postings, POSTINGS_PER_SHARD),
            file_count(self.words.len(), WORDS_PER_FILE),
        )
    }

    fn layout(&self) -> Layout {
        Layout {
            shards: self.shards,
            vocabulary: self.vocabulary,
            stemmed: self.analyzer.stems(),
            stop_words: self.analyzer.stop_words(),
        }
    }

    /// Settles the file counts and which stems and words each file holds.
    fn lay_out(&mut self) {
        (self.shards, self.vocabulary) = self.counts();
        self.shard_stems = vec![BTreeMap::new(); self.shards as usize];
        for (id, s) in self.stems.iter().enumerate() {
            let n = shard_of(&s.name, self.shards) as usize;
            self.shard_stems[n].insert(s.name.clone(), id as u32);
        }
        self.file_words = vec![BTreeSet::new(); self.vocabulary as usize];
        let words: Vec<(u32, Box<str>)> = (self.words.keys())
            .filter_map(|w| Some((self.words_file_of(w)?, w.clone())))
            .collect();
        for (n, word) in words {
            self.file_words[n as usize].insert(word);
        }
    }

    /// The vocabulary file that lists a word, once the files are laid out;
    /// symbol keys are in none.
    fn words_file_of(&self, word: &str) -> Option<u32> {
        (self.vocabulary > 0 && !word.starts_with('#'))
            .then(|| shard_of(vocabulary_prefix(word), self.vocabulary))
    }

    /// The id of a word's stem, the word entering the vocabulary if new.
    fn stem_of_word(&mut self, word: &str) -> u32 {
        if let Some(w) = self.words.get(word) {
            return w.stem;
        }
        let stem = self.analyzer.stem(word);
        let stem = self.stem_id(&stem);
        self.stems[stem as usize].words.push(word.into());
        if let Some(n) = self.words_file_of(word) {
            self.file_words[n as usize].insert(word.into());
            self.dirty_words.insert(n);
        }
        self.words.insert(word.into(), Word { stem, docs: 0 });
        stem
    }

    fn stem_id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.stem_ids.get(name) {
            return id;
        }
        let id = self.stems.len() as u32;
        self.stems.push(Stem {
            name: name.into(),
            postings: Vec::new(),
            words: Vec::new(),
        });
        self.stem_ids.insert(name.into(), id);
        if self.shards > 0 {
            let n = shard_of(name, self.shards);
            self.shard_stems[n as usize].insert(name.into(), id);
        }
        id
    }

    /// A document's postings: each stem of its words with its score,
    /// by stem. Words new to the index enter it, held by no document yet.
    fn doc_postings(&mut self, terms: &Terms) -> Vec<(u32, u8)> {
        let mut counts: Vec<(u32, u32)> = terms
            .iter()
            .map(|(w, n)| (self.stem_of_word(w), u32::from(n)))
            .collect();
        counts.sort_unstable();
        counts.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 += b.1;
            }
            same
        });
        counts
            .into_iter()
            .map(|(id, count)| (id, score(count, terms.length)))
            .collect()
    }

    /// Counts a document's words in (`true`) or out; a word no document
    /// holds leaves the vocabulary.
    fn count_words(&mut self, terms: &Terms, holding: bool) {
        for (w, _) in terms.iter() {
            let Some(word) = self.words.get_mut(w) else {
                continue;
            };
            if holding {
                word.docs += 1;
                continue;
            }
            word.docs -= 1;
            if word.docs == 0 {
                let stem = word.stem as usize;
                self.stems[stem].words.retain(|x| x.as_ref() != w);
                self.words.remove(w);
                if let Some(n) = self.words_file_of(w) {
                    self.file_words[n as usize].remove(w);
                    self.dirty_words.insert(n);
                }
            }
        }
    }

    fn add(&mut self, doc: u32, terms: &Terms) {
        for (id, score) in self.doc_postings(terms) {
            self.post(id, doc, Some(score));
        }
        self.count_words(terms, true);
    }

    /// Replaces a document's words: only the postings that differ change.
    fn replace(&mut self, doc: u32, old: &Terms, new: &Terms) {
        let before = self.doc_postings(old);
        let after = self.doc_postings(new);
        for &(id, score) in &after {
            if before.binary_search(&(id, score)).is_err() {
                self.post(id, doc, Some(score));
            }
        }
        for &(id, _) in &before {
            if after.binary_search_by_key(&id, |p| p.0).is_err() {
                self.post(id, doc, None);
            }
        }
        self.count_words(new, true);
        self.count_words(old, false);
    }

    /// Sets (or with None removes) the posting of `doc` under a stem.
    fn post(&mut self, id: u32, doc: u32, score: Option<u8>) {
        let postings = &mut self.stems[id as usize].postings;
        let counted = match (postings.binary_search_by_key(&doc, |p| p.0), score) {
            (Ok(at), Some(s)) => {
                postings[at].1 = s;
                false
            }
            (Err(at), Some(s)) => {
                postings.insert(at, (doc, s));
                self.postings += 1;
                true
            }
            (Ok(at), None) => {
                postings.remove(at);
                self.postings -= 1;
                true
            }
            (Err(_), None) => return,
        };
        // The stem's count of documents is in its words' files.
        if counted {
            let files: Vec<u32> = (self.stems[id as usize].words.iter())
                .filter_map(|w| self.words_file_of(w))
                .collect();
            self.dirty_words.extend(files);
        }
        if self.shards > 0 {
            self.dirty_shards
                .insert(shard_of(&self.stems[id as usize].name, self.shards));
        }
    }

    /// `terms/N.json`; returns its path if it changed.
    fn shard_file(&mut self, n: u32) -> Option<String> {
        let encoded: BTreeMap<&str, String> = self.shard_stems[n as usize]
            .iter()
            .map(|(name, &id)| (name.as_ref(), &self.stems[id as usize].postings))
            .filter(|(_, postings)| !postings.is_empty())
            .map(|(name, postings)| (name, encode_scored(postings)))
            .collect();
        let path = format!("{}{TERMS}{n}.json", self.folder);
        put(&mut self.files, path, json(&encoded))
    }

    /// `words/N.json`: each word with its stem (`""` when it is
    /// its own) and how many documents hold the stem, so a word being
    /// typed is completed by the commonest words it begins; returns its
    /// path if it changed.
    fn words_file(&mut self, n: u32) -> Option<String> {
        let words: BTreeMap<&str, (&str, usize)> = self.file_words[n as usize]
            .iter()
            .filter_map(|w| {
                let stem = &self.stems[self.words.get(w)?.stem as usize];
                let name = if stem.name == *w { "" } else { &stem.name };
                Some((w.as_ref(), (name, stem.postings.len())))
            })
            .collect();
        let path = format!("{}{WORDS}{n}.json", self.folder);
        put(&mut self.files, path, json(&words))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::source_from_bytes;
    use crate::search::document_terms;
    use std::path::Path;

    fn site(texts: &[&str]) -> (Config, Site) {
        let config = Config::parse("", Path::new("config.yaml")).unwrap();
        let resolutions = texts
            .iter()
            .enumerate()
            .map(|(n, text)| {
                let rel = format!("ga/70/{}.md", n + 1);
                let source = source_from_bytes(Path::new(&rel), text.as_bytes()).unwrap();
                Arc::new(crate::resolution::parse(&source, &config).0.unwrap())
            })
            .collect();
        let (mut site, mut diags) = Site::assemble(&config, resolutions, Vec::new());
        let registry = crate::kinds::Registry::builtin();
        crate::kinds::plan(&registry, &config, &mut site, &[], &mut diags);
        (config, site)
    }

    fn text(n: u32, words: &str, day: u32) -> String {
        format!("## 70/{n}. Title {n}\n\n*The General Assembly*,\n\n1. *Decides* {words}.\n\n*1st plenary meeting  \n{day} May 2016*\n")
    }

    fn build(config: &Config, site: &Site, keys: Vec<u64>) -> Index {
        let texts = &Collection::all(config, site)[0];
        Index::build((config, site), texts, keys, |a, i| {
            Arc::new(document_terms(a, texts.text(i)))
        })
    }

    #[test]
    fn an_edit_rewrites_what_it_touches_and_equals_a_fresh_build() {
        let before = [text(1, "to act on water", 1), text(2, "to act on air", 2)];
        let (config, old) = site(&[&before[0], &before[1]]);
        let mut index = build(&config, &old, vec![1, 2]);
        let old_files = index.files().clone();

        let after = [text(1, "to act on water", 1), text(2, "to act on fire", 2)];
        let (config, new) = site(&[&after[0], &after[1]]);
        let texts = &Collection::all(&config, &new)[0];
        let fresh = |a: &Analyzer, i: usize| Arc::new(document_terms(a, texts.text(i)));
        assert!(index.update((&config, &new), texts, &[1, 3], fresh));
        assert_eq!(index.files(), build(&config, &new, vec![1, 3]).files());
        let rewritten: Vec<&String> = index
            .files()
            .iter()
            .filter(|(path, bytes)| old_files.get(*path) != Some(bytes))
            .map(|(path, _)| path)
            .collect();
        // The shards of `air` and `fire`, the vocabulary files of the
        // two words, the record file, and meta.json (written anew, equal
        // here, so not among these).
        assert!(rewritten.len() <= 4, "{rewritten:?}");
        assert!(
            rewritten
                .iter()
                .all(|p| p.starts_with("/search/terms/") || p.starts_with("/search/words/")),
            "{rewritten:?}"
        );

        // A date that moves a document: the index says to build again.
        let moved = [text(1, "to act on water", 9), text(2, "to act on fire", 2)];
        let (config, moved) = site(&[&moved[0], &moved[1]]);
        let texts = &Collection::all(&config, &moved)[0];
        let fresh = |a: &Analyzer, i: usize| Arc::new(document_terms(a, texts.text(i)));
        assert!(!index.update((&config, &moved), texts, &[4, 3], fresh));
    }
}
