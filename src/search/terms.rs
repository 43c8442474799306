//! The words of a text as the search index stores them. The browser client
//! (`themes/default/static/search.js`) splits queries the same way; the
//! stop words travel to it in `search/meta.json`.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

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
    fn symbols_and_shards() {
        assert_eq!(symbol_key("S/RES/1325 (2000)"), "#s/res/1325(2000)");
        // Known FNV-1a values, as the client computes them.
        assert_eq!(shard_of("", 1000), 261); // 0x811c9dc5
        assert_eq!(shard_of("a", 1000), 220); // 0xe40c292c
    }
}
