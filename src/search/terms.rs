//! The words of a text as the search index stores them, per language. The
//! browser client (`themes/default/static/search.js`) splits queries the
//! same way; each index's stop words travel to it in its `meta.json`.
//! Stemming happens here only: the index's vocabulary tells the client
//! each word's stem, so the client needs no stemmer of its own.
//!
//! Every language's text is folded alike, so one client reads every
//! index: compatibility forms to plain ones (Arabic presentation forms,
//! full-width digits), accents and Arabic vowel marks dropped (`Côte` →
//! `cote`, `أ` → `ا`), the tatweel taken out, `ى` read as `ي`, Arabic-Indic
//! digits as ASCII ones. Chinese and Japanese, written without spaces, are
//! cut into overlapping pairs of characters (`安理会` → `安理`, `理会`).

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// How one language's text becomes index terms: its stemmer and its stop
/// words.
pub struct Analyzer {
    stemmer: Option<Stemmer>,
    stop_words: &'static [&'static str],
}

impl Analyzer {
    /// The analyzer of a language (`en`, `fr-CA`…). Snowball stems all of
    /// the UN's six languages but Chinese, whose pairs of characters need
    /// none.
    pub fn of(language: &str) -> Analyzer {
        let code = language.split(['-', '_']).next().unwrap_or("");
        let code = code.to_ascii_lowercase();
        let algorithm = match code.as_str() {
            "en" => Some(Algorithm::English),
            "fr" => Some(Algorithm::French),
            "es" => Some(Algorithm::Spanish),
            "ru" => Some(Algorithm::Russian),
            "ar" => Some(Algorithm::Arabic),
            "de" => Some(Algorithm::German),
            "pt" => Some(Algorithm::Portuguese),
            "it" => Some(Algorithm::Italian),
            "nl" => Some(Algorithm::Dutch),
            _ => None,
        };
        Analyzer {
            stemmer: algorithm.map(Stemmer::create),
            stop_words: stop_words(&code),
        }
    }

    /// Whether words are stemmed.
    pub(crate) fn stems(&self) -> bool {
        self.stemmer.is_some()
    }

    pub(crate) fn stop_words(&self) -> &'static [&'static str] {
        self.stop_words
    }

    /// The stem a word is indexed under. Numbers and symbol keys stay as
    /// they are: `1325` is not a word to be stemmed.
    pub(crate) fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match &self.stemmer {
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

    /// Calls `each` with every searchable word of `text` ([`each_word`]),
    /// stop words and single letters left out.
    pub fn each_term(&self, text: &str, mut each: impl FnMut(&str)) {
        each_word(text, |word| {
            let long = word.chars().nth(1).is_some() || word.chars().any(char::is_numeric);
            if long && self.stop_words.binary_search(&word).is_err() {
                each(word);
            }
        });
    }
}

/// Words too common in resolutions to narrow a search, folded as
/// [`each_word`] folds them, sorted.
fn stop_words(code: &str) -> &'static [&'static str] {
    match code {
        "en" => &[
            "a", "all", "also", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from",
            "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the",
            "their", "these", "this", "to", "was", "were", "which", "with",
        ],
        "fr" => &[
            "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "est", "et",
            "il", "ils", "la", "le", "les", "leur", "leurs", "lui", "ne", "ou", "par", "pas",
            "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une",
        ],
        "es" => &[
            "al", "como", "con", "de", "del", "el", "en", "es", "esta", "este", "la", "las", "lo",
            "los", "para", "por", "que", "se", "su", "sus", "un", "una",
        ],
        "ru" => &[
            "без",
            "для",
            "его",
            "ее",
            "же",
            "за",
            "из",
            "или",
            "их",
            "как",
            "ко",
            "на",
            "не",
            "но",
            "об",
            "от",
            "по",
            "при",
            "со",
            "так",
            "также",
            "то",
            "что",
            "эти",
            "этих",
            "это",
            "этой",
        ],
        "ar" => &[
            "التي", "الذي", "الي", "ان", "او", "بشان", "تلك", "ذلك", "علي", "عن", "في", "قد",
            "كما", "لا", "ما", "مع", "من", "هذا", "هذه",
        ],
        _ => &[],
    }
}

/// Whether a character is written without spaces between words: Chinese
/// characters and Japanese kana, cut into pairs.
pub(crate) fn in_pairs(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{3134f}')
}

/// Calls `letter` with the plain lower-case form of one character of a
/// compatibility decomposition (see the module's comment), if it is part
/// of a word; false for what separates words.
fn folded(c: char, mut letter: impl FnMut(char)) -> bool {
    match c {
        '\u{649}' => letter('\u{64a}'),
        '\u{660}'..='\u{669}' => letter(char::from(b'0' + (u32::from(c) - 0x660) as u8)),
        '\u{6f0}'..='\u{6f9}' => letter(char::from(b'0' + (u32::from(c) - 0x6f0) as u8)),
        _ if c.is_alphabetic() || c.is_numeric() => c.to_lowercase().for_each(letter),
        _ => return false,
    }
    true
}

/// The plain lower-case form of the commonest letters of the UN's
/// languages, known without the Unicode tables: none of them decomposes
/// but й, which Russian keeps: its stemmer reads it.
fn common_letter(c: char) -> Option<char> {
    match c {
        'a'..='z' | '0'..='9' | 'а'..='я' | '\u{4e00}'..='\u{9fff}' => Some(c),
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        'А'..='Я' => char::from_u32(u32::from(c) + 0x20),
        // ا to غ and ف to ي, but ى, read as ي.
        '\u{649}' => Some('\u{64a}'),
        '\u{627}'..='\u{63a}' | '\u{641}'..='\u{64a}' => Some(c),
        _ => None,
    }
}

/// The word being read, handed to `each` when it ends.
struct Words<F: FnMut(&str)> {
    word: String,
    /// The last character of a run written in pairs, if the word is one.
    paired: Option<char>,
    each: F,
}

impl<F: FnMut(&str)> Words<F> {
    fn letter(&mut self, d: char) {
        if !in_pairs(d) {
            self.paired = None;
            self.word.push(d);
            return;
        }
        self.end();
        if let Some(before) = self.paired.replace(d) {
            self.word.push(before);
            self.word.push(d);
            (self.each)(&self.word);
            self.word.clear();
        }
    }

    /// Ends the word, if any.
    fn end(&mut self) {
        if !self.word.is_empty() {
            (self.each)(&self.word);
            self.word.clear();
        }
    }

    fn split(&mut self) {
        self.end();
        self.paired = None;
    }
}

/// Calls `each` with every word of `text`, folded (see the module's
/// comment), lower case: runs of letters and digits, and each pair of
/// neighbouring characters in runs of Chinese.
pub fn each_word(text: &str, each: impl FnMut(&str)) {
    let mut words = Words {
        word: String::new(),
        paired: None,
        each,
    };
    for c in text.chars() {
        if let Some(d) = common_letter(c) {
            words.letter(d);
        } else if c.is_ascii() {
            words.split();
        } else {
            decompose_compatible(c, |d| {
                // The tatweel only draws a word out.
                if is_combining_mark(d) || d == '\u{640}' {
                    return;
                }
                if !folded(d, |x| words.letter(x)) {
                    words.split();
                }
            });
        }
    }
    words.split();
}

/// The part of a word that names its vocabulary file: its first three
/// characters (the first of a pair of Chinese ones), so that a word being
/// typed finds every word it begins.
pub fn vocabulary_prefix(word: &str) -> &str {
    let n = if word.chars().next().is_some_and(in_pairs) {
        1
    } else {
        3
    };
    match word.char_indices().nth(n) {
        Some((at, _)) => &word[..at],
        None => word,
    }
}

/// Whether the words of this Markdown are those of its visible text: with
/// none of these characters, all its markup is punctuation between words.
pub(crate) fn markup_is_punctuation(markdown: &str) -> bool {
    !markdown.contains(['<', '[', '`', '&', '\\'])
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
        terms("en", text)
    }

    fn terms(language: &str, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        Analyzer::of(language).each_term(text, |t| out.push(t.to_string()));
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
    fn stop_words_are_sorted_and_folded() {
        for code in ["en", "fr", "es", "ru", "ar"] {
            let words = stop_words(code);
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{code}");
            for w in words {
                let mut folded = Vec::new();
                each_word(w, |x| folded.push(x.to_string()));
                assert_eq!(folded, [*w], "{code}");
            }
        }
    }

    #[test]
    fn each_language_is_folded_as_the_client_folds_it() {
        // Elisions apart, accents and stop words gone.
        assert_eq!(
            terms("fr", "l’Assemblée générale de la Côte d’Ivoire"),
            ["assemblee", "generale", "cote", "ivoire"]
        );
        // Russian keeps its й, reads ё as е.
        assert_eq!(terms("ru", "Её новый доклад"), ["новый", "доклад"]);
        // Arabic: hamza seats, vowel marks, the tatweel, the final ى and
        // the presentation forms of letters; Arabic-Indic digits.
        assert_eq!(
            terms("ar", "إن الجمعيَّة العـــامة، إلى القرار ٧٤/١٠"),
            ["الجمعية", "العامة", "القرار", "74", "10"]
        );
        assert_eq!(
            terms("ar", "\u{fe8d}\u{fedf}\u{fed8}\u{feae}\u{fe8d}\u{fead}"),
            ["القرار"]
        );
        // Chinese: overlapping pairs; a character alone is left out, as a
        // letter alone is; full-width digits are digits.
        assert_eq!(
            terms("zh", "安全理事会第２３３４号决议，和"),
            ["安全", "全理", "理事", "事会", "会第", "2334", "号决", "决议"]
        );
    }

    #[test]
    fn stems_join_the_forms_of_a_word_but_not_numbers() {
        let en = Analyzer::of("en-GB");
        assert_eq!(en.stem("protecting"), en.stem("protection"));
        assert_eq!(en.stem("protecting"), "protect");
        assert_eq!(en.stem("1990s"), "1990s");
        assert_eq!(en.stem("#70/9"), "#70/9");
        assert!(!Analyzer::of("zh").stems());
        assert_eq!(Analyzer::of("zh").stem("protecting"), "protecting");
        let fr = Analyzer::of("fr");
        assert_eq!(fr.stem("developpement"), fr.stem("developper"));
        let ru = Analyzer::of("ru");
        assert_eq!(ru.stem("резолюции"), ru.stem("резолюция"));
        let ar = Analyzer::of("ar");
        assert_eq!(ar.stem("القرارات"), ar.stem("قرار"));
        assert_eq!(vocabulary_prefix("disarm"), "dis");
        assert_eq!(vocabulary_prefix("ré"), "ré");
        assert_eq!(vocabulary_prefix("réunion"), "réu");
        assert_eq!(vocabulary_prefix("安全"), "安");
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
