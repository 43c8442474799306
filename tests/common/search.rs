//! The search index as the browser client reads it: meta.json, the
//! vocabulary file of a word, the term shard of a stem, the record file of
//! a document; queries ranked as the client ranks them (BM25).

use plenary::search::terms::{shard_of, vocabulary_prefix, Analyzer};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub struct SearchIndex {
    dir: PathBuf,
    pub meta: Value,
    analyzer: Analyzer,
    files: RefCell<HashMap<String, Rc<Value>>>,
}

impl SearchIndex {
    /// The index in `folder` of the site at `out` (`search`, `fr/search`).
    pub fn open(out: &Path, folder: &str) -> SearchIndex {
        let dir = out.join(folder);
        let meta = read(&dir.join("meta.json"));
        let language = meta["language"].as_str().unwrap_or("en").to_string();
        SearchIndex {
            dir,
            meta,
            analyzer: Analyzer::of(&language),
            files: RefCell::new(HashMap::new()),
        }
    }

    fn json(&self, file: &str) -> Rc<Value> {
        let mut files = self.files.borrow_mut();
        let value = files
            .entry(file.to_string())
            .or_insert_with(|| Rc::new(read(&self.dir.join(file))));
        value.clone()
    }

    fn count(&self, key: &str) -> u32 {
        self.meta[key].as_u64().unwrap() as u32
    }

    /// The documents under one stem or symbol key, with their scores:
    /// gaps in groups of five bits, lowest first, each followed by a score
    /// character.
    pub fn postings(&self, term: &str) -> Vec<(usize, u32)> {
        let shard = self.json(&format!(
            "terms/{}.json",
            shard_of(term, self.count("shards"))
        ));
        let Some(items) = shard[term].as_str() else {
            return Vec::new();
        };
        const DIGITS: &str = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
        let mut values = items.chars().map(|c| DIGITS.find(c).unwrap());
        let (mut doc, mut out) = (0, Vec::new());
        while let Some(mut d) = values.next() {
            let (mut gap, mut shift) = (0, 0);
            loop {
                gap += (d & 31) << shift;
                shift += 5;
                if d < 32 {
                    break;
                }
                d = values.next().unwrap();
            }
            doc += gap;
            out.push((doc, values.next().unwrap() as u32));
        }
        out
    }

    /// A word's stem, from its vocabulary file.
    pub fn stem_of(&self, word: &str) -> Option<String> {
        let n = shard_of(vocabulary_prefix(word), self.count("vocabulary"));
        let file = self.json(&format!("words/{n}.json"));
        let stem = file[word][0].as_str()?;
        Some(if stem.is_empty() { word } else { stem }.to_string())
    }

    /// `[symbol, title, date, address, body]` of a document.
    pub fn record(&self, doc: usize) -> Value {
        let per_file = self.count("docs_per_file") as usize;
        let records = self.json(&format!("docs/{}.json", doc / per_file));
        records[doc % per_file].clone()
    }

    pub fn symbol(&self, doc: usize) -> String {
        self.record(doc)[0].as_str().unwrap().to_string()
    }

    /// The symbols under one term.
    pub fn lookup(&self, term: &str) -> BTreeSet<String> {
        (self.postings(term).into_iter())
            .map(|(doc, _)| self.symbol(doc))
            .collect()
    }

    /// The documents holding every word of `words` (in any of its forms),
    /// best match first.
    pub fn ranked(&self, words: &str) -> Vec<usize> {
        let docs = f64::from(self.count("docs"));
        let mut terms = Vec::new();
        self.analyzer
            .each_term(words, |t| terms.push(t.to_string()));
        let mut total: Option<BTreeMap<usize, f64>> = None;
        for term in terms {
            let stem = self.stem_of(&term).unwrap_or(term);
            let list = self.postings(&stem);
            let df = list.len() as f64;
            let idf = (1.0 + (docs - df + 0.5) / (df + 0.5)).ln();
            let these: BTreeMap<usize, f64> = (list.into_iter())
                .map(|(d, q)| (d, idf * f64::from(q)))
                .collect();
            total = Some(match total {
                None => these,
                Some(t) => (t.into_iter())
                    .filter_map(|(d, s)| these.get(&d).map(|x| (d, s + x)))
                    .collect(),
            });
        }
        let mut hits: Vec<(usize, f64)> = total.unwrap_or_default().into_iter().collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        hits.into_iter().map(|(d, _)| d).collect()
    }

    /// [`SearchIndex::ranked`], as symbols.
    pub fn ranked_symbols(&self, words: &str) -> Vec<String> {
        (self.ranked(words).into_iter())
            .map(|d| self.symbol(d))
            .collect()
    }
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}
