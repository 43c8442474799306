//! The index kept between rebuilds (`plenary serve`): each shard's terms
//! with their documents, and every file's bytes, so an edit re-encodes
//! only the shards of the terms it added or removed, the record file of
//! the document it changed, and `meta.json` with the subject files.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::terms::shard_of;
use super::{docs_file, document_order, encode, json, meta_files, postings, shard_count};
use super::{Files, Terms, DOCS_PER_FILE};
use crate::config::Config;
use crate::kinds::search::TERMS;
use crate::site::Site;

pub struct Index {
    /// The entry behind each document, oldest first.
    order: Vec<usize>,
    /// The document of each entry.
    doc_of: Vec<u32>,
    /// Per entry: what its terms are made from (see the pipeline), and
    /// the terms, to tell what an edit added and removed.
    keys: Vec<u64>,
    terms: Vec<Arc<Terms>>,
    /// Each shard's terms, with their documents ascending.
    shards: Vec<BTreeMap<Box<str>, Vec<u32>>>,
    postings: usize,
    files: Files,
    /// The files the last update wrote again; None after a build (all).
    rewritten: Option<BTreeSet<String>>,
}

impl Index {
    /// The whole index. `keys` (one per entry, or none) say what each
    /// entry's terms are made from, for [`Index::update`].
    pub fn build(
        config: &Config,
        site: &Site,
        keys: Vec<u64>,
        terms_of: impl Fn(usize) -> Arc<Terms> + Sync,
    ) -> Index {
        let order = document_order(site);
        let keep = !keys.is_empty();
        // Terms are kept only for an index that will be updated.
        let kept: std::sync::Mutex<Vec<Option<Arc<Terms>>>> =
            std::sync::Mutex::new(vec![None; if keep { site.entries.len() } else { 0 }]);
        let all = postings(&order, |i| {
            let t = terms_of(i);
            if keep {
                if let Ok(mut k) = kept.lock() {
                    k[i] = Some(t.clone());
                }
            }
            t
        });
        let total: usize = all.values().map(Vec::len).sum();
        let count = shard_count(total);
        let mut shards: Vec<BTreeMap<Box<str>, Vec<u32>>> = vec![BTreeMap::new(); count as usize];
        for (term, docs) in all {
            shards[shard_of(&term, count) as usize].insert(term, docs);
        }
        let mut doc_of = vec![0u32; site.entries.len()];
        for (doc, &i) in order.iter().enumerate() {
            doc_of[i] = doc as u32;
        }
        let terms = kept
            .into_inner()
            .unwrap_or_default()
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect();
        let mut index = Index {
            order,
            doc_of,
            keys,
            terms,
            shards,
            postings: total,
            files: Files::new(),
            rewritten: None,
        };
        for n in 0..index.shards.len() {
            index.shard_file(n);
        }
        for k in 0..index.order.len().div_ceil(DOCS_PER_FILE) {
            docs_file(&mut index.files, config, site, &index.order, k);
        }
        meta_files(&mut index.files, config, site, &index.order, count);
        index
    }

    /// Brings the index up to date with `site`, whose entries are those it
    /// was built from, in the same order, with new `keys`: re-encodes only
    /// what the changed entries touch. Returns false, having changed
    /// nothing, when that is not so (an entry came or went, a date moved a
    /// document, the shard count changed): then build it again.
    pub fn update(
        &mut self,
        config: &Config,
        site: &Site,
        keys: &[u64],
        terms_of: impl Fn(usize) -> Arc<Terms>,
    ) -> bool {
        if keys.len() != self.keys.len() || document_order(site) != self.order {
            return false;
        }
        let changed: Vec<(usize, Arc<Terms>)> = (0..keys.len())
            .filter(|&i| keys[i] != self.keys[i])
            .map(|i| (i, terms_of(i)))
            .collect();
        let mut total = self.postings;
        for (i, new) in &changed {
            let (gone, came) = difference(&self.terms[*i], new);
            total = total + came.len() - gone.len();
        }
        let count = self.shards.len() as u32;
        if shard_count(total) != count {
            return false;
        }
        let mut dirty_shards = BTreeSet::new();
        let mut dirty_docs = BTreeSet::new();
        for (i, new) in changed {
            let doc = self.doc_of[i];
            let (gone, came) = difference(&self.terms[i], &new);
            for term in gone {
                let n = shard_of(term, count) as usize;
                if let Some(docs) = self.shards[n].get_mut(term) {
                    if let Ok(at) = docs.binary_search(&doc) {
                        docs.remove(at);
                    }
                    if docs.is_empty() {
                        self.shards[n].remove(term);
                    }
                }
                dirty_shards.insert(n);
            }
            for term in came {
                let n = shard_of(term, count) as usize;
                let docs = self.shards[n].entry(term.into()).or_default();
                if let Err(at) = docs.binary_search(&doc) {
                    docs.insert(at, doc);
                }
                dirty_shards.insert(n);
            }
            dirty_docs.insert(doc as usize / DOCS_PER_FILE);
            self.terms[i] = new;
            self.keys[i] = keys[i];
        }
        self.postings = total;
        let mut rewritten = BTreeSet::new();
        for n in dirty_shards {
            rewritten.insert(self.shard_file(n));
        }
        for k in dirty_docs {
            rewritten.insert(docs_file(&mut self.files, config, site, &self.order, k));
        }
        rewritten.extend(meta_files(
            &mut self.files,
            config,
            site,
            &self.order,
            count,
        ));
        self.rewritten = Some(rewritten);
        true
    }

    /// Whether the last build or update wrote `path` again (an update
    /// leaves most files as they were).
    pub fn rewrote(&self, path: &str) -> bool {
        self.rewritten.as_ref().is_none_or(|r| r.contains(path))
    }

    /// Each entry's terms by what they are made from, to build a new
    /// index without finding again the terms of entries that stayed.
    pub fn terms_by_key(&self) -> std::collections::HashMap<u64, Arc<Terms>> {
        self.keys
            .iter()
            .copied()
            .zip(self.terms.iter().cloned())
            .collect()
    }

    pub fn files(&self) -> &Files {
        &self.files
    }

    /// `/search/terms/N.json`; returns its path.
    fn shard_file(&mut self, n: usize) -> String {
        let encoded: BTreeMap<&str, String> = self.shards[n]
            .iter()
            .map(|(term, docs)| (term.as_ref(), encode(docs)))
            .collect();
        let path = format!("{TERMS}{n}.json");
        self.files.insert(path.clone(), json(&encoded));
        path
    }
}

/// The terms of `old` that `new` lacks, and those `new` adds; both are
/// sorted, so one walk finds them.
fn difference<'a>(old: &'a Terms, new: &'a Terms) -> (Vec<&'a str>, Vec<&'a str>) {
    let (mut gone, mut came) = (Vec::new(), Vec::new());
    let mut a = old.iter().peekable();
    let mut b = new.iter().peekable();
    loop {
        match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x == y => {
                a.next();
                b.next();
            }
            (Some(x), Some(y)) if x < y => gone.extend(a.next()),
            (Some(_), Some(_)) => came.extend(b.next()),
            (Some(_), None) => gone.extend(a.next()),
            (None, Some(_)) => came.extend(b.next()),
            (None, None) => return (gone, came),
        }
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
        Index::build(config, site, keys, |i| {
            Arc::new(document_terms(&site.entries[i]))
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
        let fresh = |i: usize| Arc::new(document_terms(&new.entries[i]));
        assert!(index.update(&config, &new, &[1, 3], fresh));
        assert_eq!(index.files(), build(&config, &new, vec![1, 3]).files());
        let rewritten: Vec<&String> = index
            .files()
            .iter()
            .filter(|(path, bytes)| old_files.get(*path) != Some(bytes))
            .map(|(path, _)| path)
            .collect();
        // The shards of `air` and `fire`, the record file, and meta.json
        // (written anew, equal here, so not among these).
        assert!(rewritten.len() <= 3, "{rewritten:?}");
        assert!(
            rewritten.iter().all(|p| p.starts_with("/search/terms/")),
            "{rewritten:?}"
        );

        // A date that moves a document: the index says to build again.
        let moved = [text(1, "to act on water", 9), text(2, "to act on fire", 2)];
        let (config, moved) = site(&[&moved[0], &moved[1]]);
        let fresh = |i: usize| Arc::new(document_terms(&moved.entries[i]));
        let kept = index.files().clone();
        assert!(!index.update(&config, &moved, &[4, 3], fresh));
        assert_eq!(index.files(), &kept);
    }
}
