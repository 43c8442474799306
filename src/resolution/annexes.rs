//! Annex headings as the six languages write them: `Annex I`, `Annexe I`,
//! `Anexo I`, `Приложение I`, `附件一`, `المرفق الأول`. Each gives the label
//! the English text's would (`Annex I`), so an annex has the same anchor
//! (`annex-I`) in every language.

use crate::text::roman;

/// The word for "annex" in each language, as a heading begins.
const WORDS: [&str; 6] = ["Annexe", "Annex", "Anexo", "Приложение", "附件", "المرفق"];

/// The Arabic ordinals an annex takes (`المرفق الثاني`: the second).
const ORDINALS: [&str; 10] = [
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
];

/// The Arabic letters annexes lettered A, B… take (`المرفق باء`).
const LETTERS: [&str; 6] = ["ألف", "باء", "جيم", "دال", "هاء", "واو"];

/// Whether `text` (markup and footnote markers removed) heads an annex,
/// and with what number: `Some(None)` for an annex alone (`Annexe`),
/// `Some(Some("II"))` for `Annex II`, `附件二` or `المرفق الثاني`.
pub(crate) fn annex_number(text: &str) -> Option<Option<String>> {
    let text = text.trim();
    let word = WORDS.iter().find(|w| starts_with_ignoring_case(text, w))?;
    let rest = text[word.len()..].trim_start_matches([' ', '\u{a0}']);
    // Nothing may follow the number: `Annex to resolution 1/1` is no
    // heading of an annex.
    let number = rest.trim_end();
    if number.is_empty() {
        return Some(None);
    }
    let upper = number.to_ascii_uppercase();
    if upper
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        || number.chars().all(|c| c.is_ascii_digit())
        || (number.len() == 1 && number.chars().all(|c| c.is_ascii_alphabetic()))
    {
        return Some(Some(number.to_string()));
    }
    if let Some(k) = ORDINALS.iter().position(|o| *o == number) {
        return roman(k as u32 + 1).map(Some);
    }
    if let Some(k) = LETTERS.iter().position(|l| *l == number) {
        return Some(Some(char::from(b'A' + k as u8).to_string()));
    }
    chinese_numeral(number).and_then(roman).map(Some)
}

fn starts_with_ignoring_case(text: &str, word: &str) -> bool {
    let head = text.get(..word.len());
    head.is_some_and(|h| h.eq_ignore_ascii_case(word) || h == word)
        && text[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphabetic() || word == "附件")
}

/// `一` to `十`: the Chinese numerals annexes take.
fn chinese_numeral(word: &str) -> Option<u32> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let n = "一二三四五六七八九十".chars().position(|d| d == first)?;
    chars.next().is_none().then_some(n as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annexes_in_the_six_languages() {
        let number = |t: &str| annex_number(t).map(|n| n.unwrap_or_default());
        assert_eq!(number("Annex").as_deref(), Some(""));
        assert_eq!(number("ANNEX II").as_deref(), Some("II"));
        assert_eq!(number("Annexe I").as_deref(), Some("I"));
        assert_eq!(number("Anexo 2").as_deref(), Some("2"));
        assert_eq!(number("Приложение II").as_deref(), Some("II"));
        assert_eq!(number("附件").as_deref(), Some(""));
        assert_eq!(number("附件二").as_deref(), Some("II"));
        assert_eq!(number("المرفق الثاني").as_deref(), Some("II"));
        assert_eq!(number("المرفق باء").as_deref(), Some("B"));
        assert_eq!(number("Annex to resolution 1/1"), None);
        assert_eq!(number("Annexes"), None);
        assert_eq!(number("Anexos I y II"), None);
        assert_eq!(number("附件所列"), None);
    }
}
