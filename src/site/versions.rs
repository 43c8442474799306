//! A resolution in several languages: one entry, in the default language
//! when the archive has it, and its versions in the others, matched by
//! symbol (the UN writes the same symbol in every language).

use std::collections::HashMap;

use super::{Entry, Version};
use crate::config::Config;

/// The place of `e`'s language in `languages` (every entry's language is
/// one of them: a file naming another is refused).
fn rank(config: &Config, e: &Entry) -> usize {
    let language = &e.resolution.meta.language;
    (config.languages.iter())
        .position(|l| l == language)
        .unwrap_or(usize::MAX)
}

/// Splits `all` into the entries — per symbol the version in the earliest
/// of `languages` — and the other versions.
pub(super) fn split(config: &Config, all: Vec<Entry>) -> (Vec<Entry>, Vec<Entry>) {
    let rank = |e: &Entry| rank(config, e);
    let mut best: HashMap<String, usize> = HashMap::new();
    for e in &all {
        let r = rank(e);
        best.entry(e.resolution.meta.symbol.clone())
            .and_modify(|b| *b = (*b).min(r))
            .or_insert(r);
    }
    all.into_iter()
        .partition(|e| best.get(&e.resolution.meta.symbol) == Some(&rank(e)))
}

/// The versions of `others`, each attached to the entry of its symbol, in
/// entry order and then in the order of `languages`; a version whose
/// symbol no entry has cannot occur (`split` made one of each symbol).
pub(super) fn attach(config: &Config, entries: &mut [Entry], others: Vec<Entry>) -> Vec<Version> {
    let by_symbol: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.resolution.meta.symbol.as_str(), i))
        .collect();
    let mut versions: Vec<Version> = others
        .into_iter()
        .filter_map(|e| {
            let of = *by_symbol.get(e.resolution.meta.symbol.as_str())?;
            Some(Version { entry: e, of })
        })
        .collect();
    versions.sort_by_key(|v| (v.of, rank(config, &v.entry)));
    for (k, v) in versions.iter().enumerate() {
        if let Some(e) = entries.get_mut(v.of) {
            e.versions.push(k);
        }
    }
    versions
}
