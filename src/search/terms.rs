//! The words of a text as the search index stores them. The browser client
//! (`themes/default/static/search.js`) splits queries the same way; the
//! stop words travel to it in `search/meta.json`. Stemming happens here
//! only: the index's vocabulary tells the client each word's stem, so the
//! client needs no stemmer of its own.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The Snowball stemmer for a site's language (`en`, `fr-CA`…), if
/// Snowball has one: of the UN's six languages, all but Chinese.
pub(crate) fn stemmer(language: &str) -> Option<Stemmer> {
    let code = language.split(['-', '_']).next().unwrap_or("");
    let algorithm = match code.to_ascii_lowercase().as_str() {
        "en" => Algorithm::English,
        "fr" => Algorithm::French,
        "es" => Algorithm::Spanish,
        "ru" => Algorithm::Russian,
        "ar" => Algorithm::Arabic,
        "de" => Algorithm::German,
        "pt" => Algorithm::Portuguese,
        "it" => Algorithm::Italian,
        "nl" => Algorithm::Dutch,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// The stem a word is indexed under. Numbers and symbol keys stay as they
/// are: `1325` is not a word to be stemmed.
pub(crate) fn stem<'a>(stemmer: Option<&Stemmer>, word: &'a str) -> Cow<'a, str> {
    match stemmer {
        Some(s) if !word.starts_with('#') && !word.chars().any(char::is_numeric) => {
            let stemmed = s.stem(word);
            if stemmed.is_empty() {
                Cow::Borrowed(word)
            } else {
                stemmed
            }
        }
        _ => Cow::Borrowed(word),
    }
}

/// The part of a word that names its vocabulary file: its first three
/// characters, so that a word being typed finds every word it begins.
pub fn vocabulary_prefix(word: &str) -> &str {
    match word.char_indices().nth(3) {
        Some((at, _)) => &word[..at],
        None => word,
    }
}

/// Words too common in resolutions to narrow a search.
pub(crate) const STOP_WORDS: &[&str] = &[
    "a", "all", "also", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has",
    "have", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "these",
    "this", "to", "was", "were", "which", "with",
];

/// Calls `each` with every searchable word of `text`: runs of letters and
/// digits, lower-cased, accents removed (`Côte` → `cote`, as NFD and
/// dropping the marks would), stop words and single letters left out.
pub fn each_term(text: &str, mut each: impl FnMut(&str)) {
    let mut word = String::new();
    let mut flush = |word: &mut String| {
        if keep(word) {
            each(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else if !word.is_empty() {
                flush(&mut word);
            }
            continue;
        }
        let mut split = false;
        decompose_canonical(c, |d| {
            if is_combining_mark(d) {
                return;
            }
            if d.is_alphabetic() || d.is_numeric() {
                word.extend(d.to_lowercase());
            } else {
                split = true;
            }
        });
        if split && !word.is_empty() {
            flush(&mut word);
        }
    }
    if !word.is_empty() {
        flush(&mut word);
    }
}

/// Whether the words of this Markdown are those of its visible text: with
/// none of these characters, all its markup is punctuation between words.
pub(crate) fn markup_is_punctuation(markdown: &str) -> bool {
    !markdown.contains(['<', '[', '`', '&', '\\'])
}

fn keep(word: &str) -> bool {
    let long = word.chars().nth(1).is_some() || word.chars().any(char::is_numeric);
    long && STOP_WORDS.binary_search(&word).is_err()
}

/// The index key of a document symbol or of a number as cited: lower case,
/// no spaces, behind a `#` no word can carry (`S/RES/1325 (2000)` →
/// `#s/res/1325(2000)`, `1997/2` → `#1997/2`).
pub fn symbol_key(symbol: &str) -> String {
    let mut key = String::from("#");
    key.extend(
        symbol
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase),
    );
    key
}

/// Every key a resolution is found under: its symbol and its number as
/// cited, each also without a trailing year (`S/RES/2334`, `2334`), as
/// people type Security Council numbers.
pub(crate) fn symbol_keys(symbol: &str, cited_as: &str) -> Vec<String> {
    let mut keys = Vec::with_capacity(4);
    for form in [symbol, cited_as] {
        let key = symbol_key(form);
        if let Some(open) = key.rfind('(').filter(|_| key.ends_with(')')) {
            if open > 1 {
                keys.push(key[..open].to_string());
            }
        }
        keys.push(key);
    }
    keys.sort();
    keys.dedup();
    keys
}

/// FNV-1a of the key's UTF-8 bytes: which shard of the index holds a term.
/// The client computes the same.
pub fn shard_of(term: &str, shards: u32) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in term.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % shards
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_term(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn words_are_folded_and_filtered() {
        assert_eq!(
            all("*Recalling* the situation in Côte d’Ivoire, resolution 1325 (2000);"),
            [
                "recalling",
                "situation",
                "cote",
                "ivoire",
                "resolution",
                "1325",
                "2000"
            ]
        );
        assert_eq!(
            all("A/RES/49/127 of 1 May"),
            ["res", "49", "127", "1", "may"]
        );
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn stems_join_the_forms_of_a_word_but_not_numbers() {
        let en = stemmer("en-GB");
        let en = en.as_ref();
        assert_eq!(stem(en, "protecting"), stem(en, "protection"));
        assert_eq!(stem(en, "protecting"), "protect");
        assert_eq!(stem(en, "1990s"), "1990s");
        assert_eq!(stem(en, "#70/9"), "#70/9");
        assert!(stemmer("zh").is_none());
        assert_eq!(stem(None, "protecting"), "protecting");
        assert_eq!(vocabulary_prefix("disarm"), "dis");
        assert_eq!(vocabulary_prefix("ré"), "ré");
        assert_eq!(vocabulary_prefix("réunion"), "réu");
    }

    #[test]
    fn symbols_and_shards() {
        assert_eq!(symbol_key("S/RES/1325 (2000)"), "#s/res/1325(2000)");
        assert_eq!(
            symbol_keys("S/RES/1325 (2000)", "1325 (2000)"),
            ["#1325", "#1325(2000)", "#s/res/1325", "#s/res/1325(2000)"]
        );
        assert_eq!(
            symbol_keys("A/RES/76/10", "76/10"),
            ["#76/10", "#a/res/76/10"]
        );
        // Known FNV-1a values, as the client computes them.
        assert_eq!(shard_of("", 1000), 261); // 0x811c9dc5
        assert_eq!(shard_of("a", 1000), 220); // 0xe40c292c
    }
}
