//! A line-oriented recogniser of the parts of a resolution: heading, opening
//! line, preambular and operative paragraphs, sub-paragraphs, sections,
//! annexes, the closing line and the footnotes.
//!
//! The text is first cut into blocks at blank lines, as Markdown would, and
//! each block is then classified by its shape and its place in the document.
//! Inline Markdown inside a block is left alone for the renderer.

use compact_str::{format_compact, CompactString};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

use super::annexes::annex_number;
use super::date::Date;
use super::model::{Block, BlockKind, Footnote};
use crate::diagnostics::Diagnostics;
use crate::text::{built_in, roman};

/// What the heading line says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Heading {
    pub line: usize,
    pub session: Option<String>,
    /// With any part letter: `251 B`.
    pub number: Option<String>,
    /// Inline Markdown; may be empty (Security Council headings have none).
    pub title: String,
    /// The file has no heading at all (already reported).
    pub missing: bool,
}

/// Everything the parser recognised in one file.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    pub heading: Option<Heading>,
    /// The body named by the first opening line, and its line.
    pub opening_body: Option<(String, usize)>,
    pub closing_date: Option<Date>,
    pub closing_meeting: Option<String>,
    pub closing_line: Option<usize>,
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
}

/// A run of non-blank lines.
struct RawBlock<'a> {
    line: usize,
    text: &'a str,
}

static FOOTNOTE_MARKERS: LazyLock<Regex> = LazyLock::new(|| built_in(r"<sup>\s*\d+\s*</sup>"));
static TRAILING_MARKERS: LazyLock<Regex> =
    LazyLock::new(|| built_in(r"(?:\s*<sup>\s*\d+\s*</sup>)+\s*$"));
static HEADING_SC: LazyLock<Regex> = LazyLock::new(|| {
    built_in(r"(?i)^(?:resolution\s+)?(\d+)\s*\((\d{4})\)\s*(?:\.\s*|\s+|$)(.*)$")
});
static HEADING_SLASH: LazyLock<Regex> = LazyLock::new(|| {
    built_in(r"(?i)^(?:resolution\s+)?((?:ES-|S-)?\d+)/(\d+)(?:\s+([A-Z]))?(?:\.\s*|\s+|$)(.*)$")
});
static HEADING_ROMAN: LazyLock<Regex> = LazyLock::new(|| {
    built_in(
        r"(?i)^(?:resolution\s+)?(\d+)\s*(?:([A-Z])\s*)?\(((?:ES-|S-)?[IVXLC]+)\)\s*(?:\.\s*|\s+|$)(.*)$",
    )
});
static PART_LETTER: LazyLock<Regex> = LazyLock::new(|| built_in(r"^(.*\S)\s+([A-H])$"));
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| built_in(r"^([IVXLC]+|[A-Z])(?:\.?$|\.\s+(.+)$)"));
// The label patterns match the label alone; the text is what follows the
// match (capturing `(.*)$` made the regex engine walk every paragraph).
// After a label, invisible marks (left-to-right, zero-width) count as
// space: the UN's texts carry some (`6.` U+200E in A/RES/74/258).
static OPERATIVE: LazyLock<Regex> =
    LazyLock::new(|| built_in(r"^(\d{1,4})\.[\s\x{200B}-\x{200F}\x{2060}\x{FEFF}]+"));
/// Section numbers as the Arabic texts spell them: ordinals for Roman
/// numerals (`أولا`, I), letter names in abjad order for letters (`ألف`, A).
const ARABIC_ORDINALS: [&str; 20] = [
    "أولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
    "حادي عشر",
    "ثاني عشر",
    "ثالث عشر",
    "رابع عشر",
    "خامس عشر",
    "سادس عشر",
    "سابع عشر",
    "ثامن عشر",
    "تاسع عشر",
    "عشرون",
];
const ARABIC_LETTER_NAMES: [&str; 26] = [
    "ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم",
    "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء", "ثاء", "خاء", "ذال", "ضاد",
];
static SPELLED_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    built_in(
        r"^([\p{Arabic}\p{Mn}]+(?: عشر)?|[一二三四五六七八九十]+)\s*-?\s*[.．、]?(?:\s*(.+))?$",
    )
});

/// A section heading whose number is spelled out — in Arabic (`أولا.
/// Title`) or in Chinese numerals (`三. Title`) — as the English would
/// write it (`I. Title`), so the anchors agree; none for another heading.
fn spelled_section(heading: &str) -> Option<String> {
    let c = SPELLED_SECTION.captures(heading)?;
    // Tanween and other marks vary (`أولاً`).
    let word: String = c[1]
        .chars()
        .filter(|ch| !('\u{64B}'..='\u{65F}').contains(ch))
        .collect();
    let token = if let Some(n) = chinese_number(&word) {
        roman(n)?
    } else if let Some(k) = ARABIC_ORDINALS.iter().position(|o| *o == word) {
        roman(u32::try_from(k).ok()? + 1)?
    } else {
        let k = ARABIC_LETTER_NAMES.iter().position(|l| *l == word)?;
        char::from(b'A' + u8::try_from(k).ok()?).to_string()
    };
    Some(match c.get(2) {
        Some(title) => format!("{token}. {}", title.as_str()),
        None => token,
    })
}

/// `三` is 3, `十二` 12, `二十一` 21; up to 99.
fn chinese_number(word: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|k| k as u32 + 1)
    };
    let chars: Vec<char> = word.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', d] => Some(10 * digit(*t)? + digit(*d)?),
        _ => None,
    }
}

/// The value of an Arabic-Indic digit (`٣`, or the Persian `۳`).
fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6F0}'..='\u{6F9}' => Some(c as u32 - 0x6F0),
        _ => None,
    }
}

/// A paragraph number in European or Arabic-Indic digits.
fn number_of(digits: &str) -> Option<u32> {
    digits.chars().try_fold(0u32, |n, c| {
        let d = c.to_digit(10).or_else(|| arabic_digit(c))?;
        n.checked_mul(10)?.checked_add(d)
    })
}

/// The Arabic letters in the order sub-paragraphs take them (abjad).
const ABJAD: [&str; 28] = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
];

/// A sub-paragraph's label at the start of `text` in any of the forms the
/// six languages print (`(a)`, `a)`, `а)`, `(أ)`): its token as the English
/// text would letter it — anchors are the same in every language — the
/// label as printed, and the length it takes with the space after it.
fn sub_label(text: &str, english: bool) -> Option<(String, String, usize)> {
    let printed = |c: &regex::Captures| c[0].trim_end().to_string();
    if english {
        // Most paragraphs are let go without a regex search.
        let c = text
            .starts_with('(')
            .then(|| SUBPARAGRAPH.captures(text))
            .flatten()?;
        return Some((c[1].to_string(), printed(&c), c[0].len()));
    }
    if let Some(c) = SUBPARAGRAPH_CHINESE.captures(text) {
        // `㈠`, `(一)`: the Chinese texts number Roman sub-paragraphs in
        // their numerals.
        let n = match (c.get(1), c.get(2)) {
            (Some(one), _) => u32::from(one.as_str().chars().next()?) - 0x321f,
            (_, Some(word)) => chinese_number(word.as_str())?,
            _ => return None,
        };
        let token = roman(n)?.to_ascii_lowercase();
        return Some((token, printed(&c), c[0].len()));
    }
    if text.starts_with('’') {
        let c = SUBPARAGRAPH_ARABIC_ROMAN.captures(text)?;
        let token = roman(number_of(&c[1])?)?.to_ascii_lowercase();
        return Some((token, printed(&c), c[0].len()));
    }
    if text.starts_with('(') {
        if let Some(c) = SUBPARAGRAPH.captures(text) {
            return Some((c[1].to_string(), printed(&c), c[0].len()));
        }
        let c = SUBPARAGRAPH_ARABIC.captures(text)?;
        // Some texts write a letter in a presentation form (`ﻫ` for `هـ`).
        let letter: String = c[1].nfkc().filter(|ch| *ch != 'ـ').collect();
        let k = ABJAD
            .iter()
            .position(|l| l.trim_end_matches('ـ') == letter)?;
        let token = char::from(b'a' + u8::try_from(k).ok()?).to_string();
        // Past the 26th letter, as the English doubles them.
        let token = if k < 26 {
            token
        } else {
            format!("{0}{0}", char::from(b'a' + (k - 26) as u8))
        };
        return Some((token, printed(&c), c[0].len()));
    }
    let c = SUBPARAGRAPH_CLOSE.captures(text)?;
    let latin: String = c[1]
        .chars()
        .map(|ch| match ch {
            'а' => 'a',
            'с' => 'c',
            'е' => 'e',
            'о' => 'o',
            'р' => 'p',
            'х' => 'x',
            other => other,
        })
        .collect();
    Some((latin, printed(&c), c[0].len()))
}

/// `1 -`, as the Arabic texts number operative paragraphs.
static OPERATIVE_DASH: LazyLock<Regex> = LazyLock::new(|| {
    built_in(
        r"^\*{0,2}([0-9\x{660}-\x{669}\x{6F0}-\x{6F9}]{1,4}) ?\*{0,2}[-–]\*{0,2}[\s\x{200B}-\x{200F}\x{2060}\x{FEFF}]+",
    )
});
/// `a)`, as the French, Spanish and Russian texts letter sub-paragraphs
/// (the Russian with Cyrillic letters that look Latin: `а)`).
static SUBPARAGRAPH_CLOSE: LazyLock<Regex> = LazyLock::new(|| {
    built_in(r"^([a-zасеорх]{1,2}|[ivxlc]{1,6})\)[\s\x{200B}-\x{200F}\x{2060}\x{FEFF}]+")
});
/// `(أ)`: the Arabic texts letter sub-paragraphs in the abjad order.
static SUBPARAGRAPH_ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    built_in(r"^\(([\p{Arabic}\x{640}]{1,3})\)[\s\x{200B}-\x{200F}\x{2060}\x{FEFF}]+")
});
/// `㈠` (the ideographs one to ten in parentheses, one character each) or
/// `(一)`, `（十一）`: the Chinese texts' Roman sub-paragraphs.
static SUBPARAGRAPH_CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    built_in(
        r"^(?:([\x{3220}-\x{3229}])|[(（]([一二三四五六七八九十]{1,3})[)）])[\s\x{200B}-\x{200F}\x{2060}\x{FEFF}]*",
    )
});
/// `’1‘`: the Arabic texts number the Roman sub-paragraphs so.
static SUBPARAGRAPH_ARABIC_ROMAN: LazyLock<Regex> = LazyLock::new(|| {
    built_in(r"^’([0-9\x{660}-\x{669}]{1,2})‘[\s\x{200B}-\x{200F}\x{2060}\x{FEFF}]+")
});
static SUBPARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    built_in(r"^\(([a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)[\s\x{200B}-\x{200F}\x{2060}\x{FEFF}]+")
});
// The comma is left out before `*Adopts* the following declaration:`.
static OPENING: LazyLock<Regex> =
    LazyLock::new(|| built_in(r"^The\s+([A-Z][^.;:*,]{2,100}?)\s*,?$"));
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    built_in(r"(?i)^(\d+)(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?(plenary\s+)?meeting\b")
});
static ADOPTED_AT: LazyLock<Regex> = LazyLock::new(|| {
    built_in(r"(?i)^adopted\b[^\n]*?\bat\s+(?:its|the)\s+(\d+)(?:st|nd|rd|th)\s+meeting")
});
static FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| built_in(r"^<sup>\s*(\d+)\s*</sup>\s*"));

/// Parses the text of an English resolution (after front matter).
/// `first_line` is the file line on which `text` starts.
#[cfg(test)]
pub(crate) fn parse_structure(
    text: &str,
    first_line: usize,
    path: &Path,
    diags: &mut Diagnostics,
) -> Structure {
    parse_structure_in(text, first_line, path, diags, "en")
}

/// Parses the text of a resolution in `language` (ISO 639-1; after front
/// matter). `first_line` is the file line on which `text` starts.
pub(crate) fn parse_structure_in(
    text: &str,
    first_line: usize,
    path: &Path,
    diags: &mut Diagnostics,
    language: &str,
) -> Structure {
    let mut p = Parser::new(path, diags, language == "en");
    for raw in split_blocks(text, first_line) {
        p.block(raw);
    }
    if p.region == Region::Preamble {
        p.sole_operative();
    }
    p.structure
}

/// Cuts text into runs of non-blank lines, remembering where each starts.
fn split_blocks(text: &str, first_line: usize) -> Vec<RawBlock<'_>> {
    let mut blocks = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (line, byte offset)
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some((first_line + i, offset)),
            (true, Some((l, s))) => {
                blocks.push(RawBlock {
                    line: l,
                    text: text[s..offset].trim_end(),
                });
                start = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some((l, s)) = start {
        blocks.push(RawBlock {
            line: l,
            text: text[s..].trim_end(),
        });
    }
    blocks
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    /// Before the first operative paragraph of the resolution or a section.
    Preamble,
    Operative,
    AfterClosing,
    Annex,
    Footnotes,
}

/// The sub-paragraph context of the paragraph being read.
#[derive(Default)]
struct SubState {
    owner: Option<usize>,
    letter: Option<(String, usize)>,
    roman: Option<(String, usize)>,
    digit: Option<(String, usize)>,
}

struct Parser<'d> {
    path: &'d Path,
    diags: &'d mut Diagnostics,
    structure: Structure,
    region: Region,
    part: usize,
    section: Option<CompactString>,
    /// The section labels used in this part, each once.
    sections_used: Vec<CompactString>,
    /// The paragraph a continuation or sub-paragraph would belong to.
    last_paragraph: Option<usize>,
    sub: SubState,
    /// Read as English: the forms of the other languages (`a)`, `1 -`, an
    /// opening line in French) are not looked for, so that no English
    /// text is read otherwise than before.
    english: bool,
}

impl<'d> Parser<'d> {
    fn new(path: &'d Path, diags: &'d mut Diagnostics, english: bool) -> Self {
        Parser {
            english,
            path,
            diags,
            structure: Structure::default(),
            region: Region::Preamble,
            part: 0,
            section: None,
            sections_used: Vec::new(),
            last_paragraph: None,
            sub: SubState::default(),
        }
    }

    fn block(&mut self, raw: RawBlock) {
        let text = raw.text;
        if self.region == Region::Footnotes {
            return self.footnotes(raw);
        }
        if text == "---" {
            self.region = Region::Footnotes;
            return;
        }
        if self.structure.heading.is_none() && self.structure.blocks.is_empty() {
            return self.heading(raw);
        }
        if let Some(rest) = text.strip_prefix("## ") {
            return self.level_two(raw.line, rest.trim());
        }
        if text.starts_with('#') {
            return self.lower_heading(raw.line, text);
        }
        if self.region != Region::Annex {
            if let Some(name) = opening_body(text) {
                return self.opening(raw, Some(name));
            }
            let first = !(self.structure.blocks.iter())
                .any(|b| b.kind.is_paragraph() || b.kind == BlockKind::Opening);
            let other = !self.english;
            if other && first && self.structure.opening_body.is_none() && other_opening(text) {
                return self.opening(raw, None);
            }
            let closing = closing(text).or_else(|| other.then(|| other_closing(text)).flatten());
            if let Some((meeting, date)) = closing {
                return self.closing(raw, meeting, date);
            }
        }
        if is_table(text) {
            self.push(BlockKind::Table, raw.line, raw.text);
            return;
        }
        // Each label is tried only where it can start: most paragraphs are
        // neither, and a regex search costs more than a look at a byte.
        // `**9 -**`, `19 *-*`, `*2 -*`: some Arabic texts set the number or its dash
        // in bold or italics.
        let digit = (text.trim_start_matches('*').chars().next())
            .is_some_and(|c| c.is_ascii_digit() || arabic_digit(c).is_some());
        let english = self.english;
        let operative = || {
            let dash = || (!english).then(|| OPERATIVE_DASH.captures(text)).flatten();
            OPERATIVE.captures(text).or_else(dash)
        };
        if let Some(c) = digit.then(operative).flatten() {
            if let Some(n) = number_of(&c[1]) {
                return self.numbered(raw.line, n, &text[c[0].len()..]);
            }
        }
        let trimmed = text.trim_start();
        if let Some((token, printed, len)) = sub_label(trimmed, self.english) {
            return self.subparagraph(raw.line, &token, &printed, &trimmed[len..]);
        }
        self.unnumbered(raw)
    }

    fn push(&mut self, kind: BlockKind, line: usize, text: &str) -> usize {
        self.structure.blocks.push(Block {
            kind,
            label: None,
            number: None,
            depth: 0,
            text: dedent(text),
            line,
            anchor: None,
            part: self.part,
            section: self.section.clone(),
            token: None,
            parent: None,
        });
        self.structure.blocks.len() - 1
    }

    fn heading(&mut self, raw: RawBlock) {
        let Some(rest) = raw.text.strip_prefix("## ") else {
            self.diags.error(
                self.path,
                raw.line,
                "expected the resolution heading first, such as `## 1997/2. Title` or `## Resolution 1325 (2000)`",
            );
            // Read the rest anyway so that later problems are reported too.
            self.structure.heading = Some(Heading {
                line: raw.line,
                missing: true,
                ..Heading::default()
            });
            return self.block(raw);
        };
        self.structure.heading = Some(parse_heading(rest.trim(), raw.line));
    }

    /// `## Annex …`, or an unexpected second level-two heading.
    fn level_two(&mut self, line: usize, rest: &str) {
        let plain = FOOTNOTE_MARKERS.replace_all(rest, "");
        if let Some(number) = annex_number(plain.trim()) {
            self.part += 1;
            self.section = None;
            self.sections_used.clear();
            self.region = Region::Annex;
            self.last_paragraph = None;
            self.sub = SubState::default();
            let i = self.push(BlockKind::Annex, line, rest);
            self.structure.blocks[i].label = Some(match number {
                Some(n) => format_compact!("Annex {n}"),
                None => CompactString::const_new("Annex"),
            });
            return;
        }
        let h = parse_heading(rest, line);
        if h.number.is_some() {
            self.diags.warning(
                self.path,
                line,
                "a second resolution heading in one file; put each resolution in a file of its own",
            );
        }
        self.push(BlockKind::Heading, line, rest);
    }

    /// `### I`, `### A` start a section; any other heading is a sub-heading.
    fn lower_heading(&mut self, line: usize, text: &str) {
        self.adopting_operative();
        let level = text.chars().take_while(|&c| c == '#').count();
        let rest = text[level..].trim();
        let plain = FOOTNOTE_MARKERS.replace_all(rest, "");
        let plain = plain.trim().trim_matches('*').trim();
        // `### أولا. …`, `### ألف -. …`, `### 三. …`: sections numbered in
        // words or other numerals take the English texts' tokens.
        let latin = (!self.english).then(|| spelled_section(plain)).flatten();
        let plain = latin.as_deref().unwrap_or(plain);
        if level == 3 {
            let nested = SECTION
                .captures(plain)
                .and_then(|c| Some((self.section_label(&c[1])?, c)));
            if let Some((label, c)) = nested {
                // The section before ends: a preamble of its own that ends
                // a sentence ended in its sole operative paragraph.
                if !self.english && self.region == Region::Preamble && self.section.is_some() {
                    self.sole_operative();
                }
                self.section = Some(label.clone());
                self.last_paragraph = None;
                self.sub = SubState::default();
                if self.region != Region::Annex {
                    // A section may open with preambular paragraphs of its
                    // own (the Fifth Committee's texts do), before its
                    // numbered paragraphs; numbering may restart.
                    self.region = Region::Preamble;
                }
                let title = c.get(2).map_or("", |m| m.as_str());
                let i = self.push(BlockKind::Section, line, title);
                self.structure.blocks[i].label = Some(label);
                return;
            }
        }
        self.push(BlockKind::Heading, line, rest);
    }

    /// The label a section `own` gets: `VIII.A` for lettered sections
    /// under a Roman one, as the UN cites them ("section I.B of its
    /// resolution 72/255"), else `own`. None when that label is taken in
    /// this part: a second `A.` is a heading, not a section.
    fn section_label(&mut self, own: &str) -> Option<CompactString> {
        let current = self.section.as_deref().unwrap_or("");
        let (top, sub) = current.split_once('.').unwrap_or((current, ""));
        let next = |s: &str| {
            let c = s.chars().next().and_then(|c| char::from_u32(c as u32 + 1));
            c.map(String::from).unwrap_or_default()
        };
        let roman = |s: &str| roman_value(&s.to_ascii_lowercase());
        let top_is_roman = !top.is_empty() && roman(top).is_some();
        let label = if !sub.is_empty() && own == next(sub) {
            format!("{top}.{own}")
        } else if top_is_roman && sub.is_empty() && own == "A" {
            format!("{top}.A")
        } else {
            own.to_string()
        };
        let label = CompactString::from(label);
        if self.sections_used.contains(&label) {
            return None;
        }
        self.sections_used.push(label.clone());
        Some(label)
    }

    /// An opening line, with the body it names when plenary can read it
    /// (`*The General Assembly*,`; not yet in other languages).
    fn opening(&mut self, raw: RawBlock, name: Option<String>) {
        // A text the resolution adopts or recommends, announced by a
        // paragraph ending `the following draft resolution:`, opens with
        // a line of its own: it is a part apart, with anchors of its own
        // (`draft-op1`), so its numbers meet none of the resolution's.
        let announced = self.structure.blocks.last().is_some_and(|b| {
            let text = TRAILING_MARKERS.replace(&b.text, "");
            b.kind.is_paragraph() && text.trim_end().ends_with(':')
        });
        let embedded = self.structure.opening_body.is_some() && announced;
        if let (None, Some(name)) = (&self.structure.opening_body, name) {
            self.structure.opening_body = Some((name, raw.line));
        }
        if embedded {
            self.part += 1;
            self.section = None;
            self.sections_used.clear();
            self.sub = SubState::default();
        }
        self.region = Region::Preamble;
        self.last_paragraph = None;
        let i = self.push(BlockKind::Opening, raw.line, raw.text);
        self.structure.blocks[i].text = dedent(raw.text);
        if embedded {
            self.structure.blocks[i].label = Some(CompactString::const_new("draft"));
        }
    }

    /// A resolution with one operative paragraph prints it without a
    /// number: the last paragraph of what looks like a preamble is that
    /// paragraph when it ends a sentence (`*Takes note* of the report.`),
    /// where preambular paragraphs end in a comma. The other languages'
    /// texts end a section's sole paragraph as they end any operative one,
    /// in a semicolon (`*Prie instamment* … ;`).
    fn sole_operative(&mut self) {
        let english = self.english;
        if !english && self.announcing_operative() {
            return;
        }
        let Some(last) = self.structure.blocks.last_mut() else {
            return;
        };
        if last.kind != BlockKind::Preambular {
            return;
        }
        let text = TRAILING_MARKERS.replace(&last.text, "");
        let end = text.trim_end_matches(['*', '_', ' ', '\u{a0}']);
        if end.ends_with(['.', '。', '۔']) || (!english && end.ends_with([';', '؛', '；'])) {
            last.kind = BlockKind::Operative;
        }
    }

    /// The last paragraph of a preamble, followed by nothing but its
    /// sub-paragraphs (and their tables), that announces them with a colon
    /// (`*Décide* ce qui suit pour l’exercice biennal 2018-2019 :`, then
    /// `a)`, `b)`): the sole operative paragraph, as English reads
    /// `*Resolves* that …:` by its verb. Whether it was.
    fn announcing_operative(&mut self) -> bool {
        let Some(owner) = self.sub.owner else {
            return false;
        };
        let blocks = &mut self.structure.blocks;
        let children = |b: &Block| {
            matches!(
                b.kind,
                BlockKind::Subparagraph | BlockKind::Continuation | BlockKind::Table
            )
        };
        let only_children = blocks.get(owner + 1..).is_some_and(|after| {
            after.iter().any(|b| b.kind == BlockKind::Subparagraph) && after.iter().all(children)
        });
        let Some(b) = blocks
            .get_mut(owner)
            .filter(|b| b.kind == BlockKind::Preambular)
        else {
            return false;
        };
        let text = TRAILING_MARKERS.replace(&b.text, "");
        if only_children && text.trim_end().ends_with([':', '：']) {
            b.kind = BlockKind::Operative;
            return true;
        }
        false
    }

    /// A paragraph of the preamble that ends with a colon before a heading
    /// or numbered paragraphs adopts the text that follows (`*Adopte* la
    /// déclaration suivante :`): it is operative. Outside English only:
    /// English reads it by its verb (`reads_operative`).
    fn adopting_operative(&mut self) {
        if self.english || self.region != Region::Preamble {
            return;
        }
        let Some(last) = self.structure.blocks.last_mut() else {
            return;
        };
        let text = TRAILING_MARKERS.replace(&last.text, "");
        if last.kind == BlockKind::Preambular && text.trim_end().ends_with([':', '：']) {
            last.kind = BlockKind::Operative;
            self.region = Region::Operative;
        }
    }

    fn closing(&mut self, raw: RawBlock, meeting: Option<String>, date: Option<Date>) {
        if self.region == Region::Preamble {
            self.sole_operative();
        }
        if self.structure.closing_line.is_some() {
            self.diags.warning(
                self.path,
                raw.line,
                "a second closing line; the first one gives the date and meeting",
            );
        } else {
            self.structure.closing_line = Some(raw.line);
            self.structure.closing_meeting = meeting;
            self.structure.closing_date = date;
        }
        self.region = Region::AfterClosing;
        self.last_paragraph = None;
        self.push(BlockKind::Closing, raw.line, raw.text);
    }

    fn numbered(&mut self, line: usize, n: u32, text: &str) {
        // `*Décide* que, pour 2020 :` before the numbered paragraphs opens
        // them.
        self.adopting_operative();
        let kind = if self.region == Region::Annex {
            BlockKind::AnnexParagraph
        } else {
            self.warn_after_closing(line);
            self.region = Region::Operative;
            BlockKind::Operative
        };
        let i = self.push(kind, line, text);
        let b = &mut self.structure.blocks[i];
        b.number = Some(n);
        b.label = Some(format_compact!("{n}."));
        self.owner(i);
    }

    /// Makes block `i` the paragraph that following sub-paragraphs belong to.
    fn owner(&mut self, i: usize) {
        self.last_paragraph = Some(i);
        self.sub = SubState {
            owner: Some(i),
            ..SubState::default()
        };
    }

    fn subparagraph(&mut self, line: usize, token: &str, printed: &str, text: &str) {
        let Some(owner) = self.sub.owner else {
            self.diags.warning(
                self.path,
                line,
                format!("sub-paragraph ({token}) has no numbered or preambular paragraph above it"),
            );
            return self.unnumbered(RawBlock { line, text });
        };
        let (kind, depth, parent) = self.sub_level(token, owner);
        let expected = match kind {
            SubKind::Letter => self
                .sub
                .letter
                .as_ref()
                .map_or("a".to_string(), |(l, _)| next_letter(l)),
            SubKind::Roman => self
                .sub
                .roman
                .as_ref()
                .map_or("i".to_string(), |(r, _)| next_roman(r)),
            SubKind::Digit => self
                .sub
                .digit
                .as_ref()
                .map_or("1".to_string(), |(d, _)| next_digit(d)),
        };
        if token != expected {
            self.diags.warning(
                self.path,
                line,
                format!("sub-paragraph ({token}) where ({expected}) was expected"),
            );
        }
        let i = self.push(BlockKind::Subparagraph, line, text);
        let b = &mut self.structure.blocks[i];
        b.label = Some(printed.into());
        b.token = Some(token.into());
        b.depth = depth;
        b.parent = Some(parent);
        let entry = Some((token.to_string(), i));
        match kind {
            SubKind::Letter => {
                self.sub.letter = entry;
                self.sub.roman = None;
            }
            SubKind::Roman => self.sub.roman = entry,
            SubKind::Digit => self.sub.digit = entry,
        }
        self.last_paragraph = Some(i);
    }

    /// Which list a token continues, how deep it sits and what owns it.
    fn sub_level(&self, token: &str, owner: usize) -> (SubKind, u8, usize) {
        let s = &self.sub;
        let letter_next = s
            .letter
            .as_ref()
            .map_or("a".to_string(), |(l, _)| next_letter(l));
        let roman_next = s
            .roman
            .as_ref()
            .map_or("i".to_string(), |(r, _)| next_roman(r));
        // Out of order, a token is read as what it most plausibly is: a
        // single letter is a letter, `ii` a numeral unless double letters
        // are already in use, and so on.
        let doubled_in_use = s
            .letter
            .as_ref()
            .is_some_and(|(l, _)| l.len() > 1 || l == "z");
        let kind = if token.chars().all(|c| c.is_ascii_digit()) {
            SubKind::Digit
        } else if token == letter_next {
            SubKind::Letter
        } else if token == roman_next || (s.roman.is_some() && is_roman(token)) {
            SubKind::Roman
        } else if token.len() == 1 || (doubled_in_use && is_doubled_letter(token)) {
            SubKind::Letter
        } else if is_roman(token) {
            SubKind::Roman
        } else {
            SubKind::Letter
        };
        match kind {
            SubKind::Letter => (kind, 1, owner),
            SubKind::Roman | SubKind::Digit => match &s.letter {
                Some((_, letter)) => (kind, 2, *letter),
                None => (kind, 1, owner),
            },
        }
    }

    /// A block with no number: preambular in the preamble, a paragraph of
    /// its own in an annex, otherwise part of the paragraph above it.
    fn unnumbered(&mut self, raw: RawBlock) {
        match self.region {
            // An operative paragraph printed without a number: the only one
            // of its resolution or section, or one that adopts what follows.
            Region::Preamble if reads_operative(raw.text) => {
                let i = self.push(BlockKind::Operative, raw.line, raw.text);
                self.region = Region::Operative;
                self.owner(i);
            }
            Region::Preamble => {
                let i = self.push(BlockKind::Preambular, raw.line, raw.text);
                self.owner(i);
            }
            Region::Annex => {
                let i = self.push(BlockKind::AnnexParagraph, raw.line, raw.text);
                self.owner(i);
            }
            _ => {
                self.warn_after_closing(raw.line);
                let i = self.push(BlockKind::Continuation, raw.line, raw.text);
                match self.last_paragraph {
                    Some(p) => self.structure.blocks[i].parent = Some(p),
                    None => {
                        self.structure.blocks[i].kind = BlockKind::Preambular;
                        self.owner(i);
                    }
                }
            }
        }
    }

    fn warn_after_closing(&mut self, line: usize) {
        if self.region == Region::AfterClosing {
            self.diags.warning(
                self.path,
                line,
                "text after the closing line; an annex should start with `## Annex`",
            );
            self.region = Region::Operative;
        }
    }

    /// Blocks after the `---` rule: one `<sup>N</sup> text` per footnote. A
    /// block may hold several footnotes on consecutive lines.
    fn footnotes(&mut self, raw: RawBlock) {
        for (k, line) in raw.text.split('\n').enumerate() {
            let line_no = raw.line + k;
            let line = line.trim();
            if let Some(c) = FOOTNOTE.captures(line) {
                match c[1].parse::<u32>() {
                    Ok(number) => {
                        self.structure.footnotes.push(Footnote {
                            number,
                            text: line[c[0].len()..].trim().to_string(),
                            line: line_no,
                        });
                        continue;
                    }
                    Err(_) => {
                        self.diags.error(
                            self.path,
                            line_no,
                            format!("footnote number {} is too large", &c[1]),
                        );
                        continue;
                    }
                }
            }
            match self.structure.footnotes.last_mut() {
                // A new block continues the footnote as a new paragraph;
                // a wrapped line continues it as the same paragraph.
                Some(f) => {
                    f.text.push_str(if k == 0 { "\n\n" } else { "\n" });
                    f.text.push_str(line.trim());
                }
                None => self.diags.warning(
                    self.path,
                    line_no,
                    "text after the `---` rule that is not a footnote; footnotes are written `<sup>N</sup> text`",
                ),
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SubKind {
    Letter,
    Roman,
    Digit,
}

/// Reads `1997/2. Title`, `Resolution 1325 (2000)`, `217 A (III). Title`,
/// `75/251. Title B`.
pub(crate) fn parse_heading(text: &str, line: usize) -> Heading {
    let mut h = Heading {
        line,
        title: text.to_string(),
        ..Heading::default()
    };
    if let Some(c) = HEADING_SC.captures(text) {
        h.number = Some(c[1].to_string());
        h.session = Some(c[2].to_string());
        h.title = c[3].trim().to_string();
    } else if let Some(c) = HEADING_SLASH.captures(text) {
        h.session = Some(c[1].to_string());
        h.number = Some(with_part(&c[2], c.get(3).map(|m| m.as_str())));
        h.title = c[4].trim().to_string();
    } else if let Some(c) = HEADING_ROMAN.captures(text) {
        h.number = Some(with_part(&c[1], c.get(2).map(|m| m.as_str())));
        h.session = Some(c[3].to_string());
        h.title = c[4].trim().to_string();
    } else {
        return h;
    }
    if let Some(number) = &h.number {
        if !number.contains(' ') {
            if let Some((title, part)) = trailing_part(&h.title) {
                h.number = Some(format!("{number} {part}"));
                h.title = title;
            }
        }
    }
    h
}

fn with_part(number: &str, part: Option<&str>) -> String {
    match part {
        Some(p) => format!("{number} {}", p.to_uppercase()),
        None => number.to_string(),
    }
}

/// `Financing of … in Darfur B<sup>1</sup>` is part B of a resolution: the
/// letter after the title, before any footnote markers.
fn trailing_part(title: &str) -> Option<(String, String)> {
    let markers_at = TRAILING_MARKERS
        .find(title)
        .map_or(title.len(), |m| m.start());
    let (core, markers) = title.split_at(markers_at);
    let c = PART_LETTER.captures(core)?;
    Some((format!("{}{markers}", &c[1]), c[2].to_string()))
}

/// The body named by an opening line such as `*The General Assembly*,`.
fn opening_body(text: &str) -> Option<String> {
    // OPENING allows at most 100 characters of name; skip long paragraphs
    // before copying them.
    if text.len() > 200 || text.contains('\n') {
        return None;
    }
    // The first letter shown must be the T of "The".
    let shown = text.trim_start_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    if !shown.starts_with('T') {
        return None;
    }
    let plain: String = text.chars().filter(|&c| c != '*' && c != '_').collect();
    OPENING
        .captures(plain.trim())
        .map(|c| c[1].trim().to_string())
}

/// An opening line in another language than English, first after the
/// heading: a short line ending in a comma (`*L’Assemblée générale*,`,
/// `**大会**，`, `إن الجمعية العامة،`), either all emphasis or with no
/// Latin letter, so that no English paragraph is taken for one.
fn other_opening(text: &str) -> bool {
    if text.len() > 160 || text.contains('\n') {
        return false;
    }
    let trimmed = text.trim();
    let commas = [',', '，', '،'];
    // A comma set in emphasis of its own (`إن الجمعية العامة **،**`).
    let own = (trimmed.trim_end_matches(['*', '_']).strip_suffix(commas))
        .filter(|t| t.ends_with(['*', '_']) && trimmed.ends_with(['*', '_']))
        .map(|t| t.trim_end_matches(['*', '_']));
    let comma = own.or_else(|| trimmed.strip_suffix(commas));
    let inner = comma.unwrap_or(trimmed).trim_end();
    let emphasised = inner.len() > 2
        && (inner.starts_with('*') && inner.ends_with('*')
            || inner.starts_with('_') && inner.ends_with('_'));
    let plain = inner.trim_matches(['*', '_']);
    // Before a colon the texts leave the comma out: emphasis must say it,
    // or the line be a name and nothing more (`إن الجمعية العامة`): a few
    // words of letters, no Latin one.
    let bare_name = || {
        plain.chars().count() <= 30
            && plain
                .chars()
                .all(|c| c.is_alphabetic() && !c.is_ascii() || c == ' ')
    };
    if comma.is_none() && !emphasised && !bare_name() {
        return false;
    }
    let inside_one = !plain.contains(['*', '_']);
    let latin = plain.chars().any(|c| c.is_ascii_alphabetic());
    !plain.is_empty()
        && !plain.starts_with(|c: char| c.is_ascii_digit())
        && inside_one
        && (emphasised || !latin)
}

/// A closing line in another language than English: the meeting on its
/// first line, whatever its words (`*14e séance plénière`,
/// `*第14次全体会议`), and a date in full on the last
/// (`10 October 2019*`), all in emphasis.
fn other_closing(text: &str) -> Option<(Option<String>, Option<Date>)> {
    let text = text.trim();
    let inner = text.strip_prefix('*')?.strip_suffix('*')?;
    let mut lines = inner.lines();
    let (meeting, last) = (lines.next()?, lines.next()?);
    if lines.next().is_some() || meeting.len() > 120 {
        return None;
    }
    let date = Date::find_long(last)?;
    let meeting = meeting.trim_end_matches([' ', '\\']).trim();
    Some((Some(meeting.to_string()), Some(date)))
}

/// Recognises a closing line: `*34th plenary meeting  \n18 July 1997*`,
/// `*Adopted by the Security Council at its 4213th meeting, on 31 October
/// 2000*`, or a bare date. Returns the meeting and the date it names.
fn closing(text: &str) -> Option<(Option<String>, Option<Date>)> {
    let inner = text.trim().trim_start_matches(['*', '_']);
    let first = inner
        .lines()
        .next()?
        .trim_end_matches([' ', '\\', '*', '_'])
        .trim();
    // Each form opens with a number or with "Adopted": most paragraphs are
    // let go without a regex search.
    let digit = first.as_bytes().first().is_some_and(u8::is_ascii_digit);
    let adopted = first
        .get(..7)
        .is_some_and(|w| w.eq_ignore_ascii_case("adopted"));
    if !digit && !adopted {
        return None;
    }
    let meeting = if let Some(c) = MEETING.captures(first) {
        Some(c[0].to_string())
    } else if let Some(c) = ADOPTED_AT.captures(first) {
        let all = &c[0];
        let from = all.rfind(&c[1]).unwrap_or(0);
        Some(all[from..].to_string())
    } else if Date::is_long_date(first) {
        None
    } else {
        return None;
    };
    Some((meeting, Date::find_long(inner)))
}

/// A Markdown table: rows of cells between `|`, the second a row of dashes
/// (`| --- | :-: |`).
fn is_table(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim);
    let (Some(head), Some(rule)) = (lines.next(), lines.next()) else {
        return false;
    };
    let is_rule = rule.contains('-')
        && rule.contains('|')
        && rule.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
    head.starts_with('|') && is_rule
}

/// Whether a paragraph opens as an operative one does: with its verb in
/// the present (`*Takes note*`, `*Also decides*`, `*Calls upon*`), where a
/// preambular one opens with a participle or an adjective (`*Recalling*`,
/// `*Deeply concerned*`, `*Conscious*`).
fn reads_operative(text: &str) -> bool {
    let Some(emphasis) = text.strip_prefix('*').or_else(|| text.strip_prefix('_')) else {
        return false;
    };
    let adverb = |w: &&str| {
        w.ends_with("ly")
            || matches!(
                *w,
                "Also" | "also" | "Further" | "further" | "Once" | "once" | "again" | "Again"
            )
    };
    let Some(verb) = emphasis
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .find(|w| !adverb(w))
    else {
        return false;
    };
    verb.len() > 3
        && verb.ends_with('s')
        && !verb.ends_with("ss")
        && !verb.ends_with("ous")
        && verb.chars().skip(1).all(char::is_lowercase)
}

/// Removes the indentation of each line, which Markdown would otherwise
/// take for a code block.
fn dedent(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line.trim_start());
    }
    out
}

fn roman_value(token: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in token.chars().rev() {
        let v = match c {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    Some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A well-formed lower-case roman numeral (`iv`, not `iiii`).
fn is_roman(token: &str) -> bool {
    roman_value(token).is_some_and(|v| v > 0 && to_roman(v) == token)
}

fn next_roman(token: &str) -> String {
    to_roman(roman_value(token).unwrap_or(0) + 1)
}

/// `a` → `b`, `z` → `aa`, `aa` → `bb`: the UN's lettering.
fn next_letter(token: &str) -> String {
    match token.chars().next() {
        Some('z') => "aa".to_string(),
        Some(c) if c.is_ascii_lowercase() => {
            let next = ((c as u8) + 1) as char;
            std::iter::repeat_n(next, token.chars().count()).collect()
        }
        _ => "a".to_string(),
    }
}

/// `aa`, `bb`: the letters after `z`.
fn is_doubled_letter(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(a), Some(b), None) if a == b)
}

fn next_digit(token: &str) -> String {
    token.parse::<u32>().map_or(1, |n| n + 1).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_every_shape() {
        let h = parse_heading("1997/2. International migration and development", 1);
        assert_eq!(
            (h.session.as_deref(), h.number.as_deref()),
            (Some("1997"), Some("2"))
        );
        assert_eq!(h.title, "International migration and development");

        let h = parse_heading("Resolution 1325 (2000)", 1);
        assert_eq!(
            (h.session.as_deref(), h.number.as_deref()),
            (Some("2000"), Some("1325"))
        );
        assert_eq!(h.title, "");

        let h = parse_heading("ES-11/6. Principles of the Charter", 1);
        assert_eq!(
            (h.session.as_deref(), h.number.as_deref()),
            (Some("ES-11"), Some("6"))
        );

        let h = parse_heading(
            "75/251. Financing of the Operation in Darfur B<sup>1</sup>",
            1,
        );
        assert_eq!(h.number.as_deref(), Some("251 B"));
        assert_eq!(h.title, "Financing of the Operation in Darfur<sup>1</sup>");

        let h = parse_heading("217 A (III). International Bill of Human Rights", 1);
        assert_eq!(
            (h.session.as_deref(), h.number.as_deref()),
            (Some("III"), Some("217 A"))
        );

        let h = parse_heading("International migration", 1);
        assert_eq!(h.number, None);
    }

    #[test]
    fn opening_lines_name_the_body() {
        assert_eq!(
            opening_body("*The Economic and Social Council,*").as_deref(),
            Some("Economic and Social Council")
        );
        assert_eq!(
            opening_body("*The General Assembly*,").as_deref(),
            Some("General Assembly")
        );
        assert_eq!(opening_body("*Recalling* the resolution,"), None);
        assert_eq!(opening_body("The Council notes. Then it decides,"), None);
    }

    #[test]
    fn closing_lines_give_meeting_and_date() {
        let (m, d) = closing("*34th plenary meeting  \n18 July 1997*").unwrap();
        assert_eq!(m.as_deref(), Some("34th plenary meeting"));
        assert_eq!(d, Date::new(1997, 7, 18));
        let (m, d) =
            closing("*Adopted by the Security Council at its 4213th meeting, on 31 October 2000*")
                .unwrap();
        assert_eq!(m.as_deref(), Some("4213th meeting"));
        assert_eq!(d, Date::new(2000, 10, 31));
        let (m, d) = closing("*21 July 2020*").unwrap();
        assert_eq!((m, d), (None, Date::new(2020, 7, 21)));
        // A meeting resumed on another day.
        let (m, d) = closing("*48th (resumed) plenary meeting  \n31 December 2020*").unwrap();
        assert_eq!(m.as_deref(), Some("48th (resumed) plenary meeting"));
        assert_eq!(d, Date::new(2020, 12, 31));
        assert!(closing("*Recalling* its resolution of 21 July 2020,").is_none());
    }

    #[test]
    fn letters_and_numerals() {
        assert!(is_roman("iv") && is_roman("xii") && !is_roman("iiii") && !is_roman("a"));
        assert_eq!(next_roman("viii"), "ix");
        assert_eq!(next_letter("h"), "i");
        assert_eq!(next_letter("z"), "aa");
        assert_eq!(next_letter("aa"), "bb");
    }

    fn kinds(text: &str) -> Vec<(BlockKind, Option<String>, u8)> {
        let mut d = Diagnostics::default();
        let s = parse_structure(text, 1, Path::new("t.md"), &mut d);
        s.blocks
            .into_iter()
            .map(|b| (b.kind, b.label.map(String::from), b.depth))
            .collect()
    }

    #[test]
    fn i_after_h_is_a_letter_and_i_after_a_is_a_numeral() {
        let mut text = String::from("## 1/1. T\n\n1. *Decides*:\n\n");
        for l in "abcdefghi".chars() {
            text.push_str(&format!("({l}) x;\n\n"));
        }
        let k = kinds(&text);
        assert_eq!(k.last().unwrap().2, 1, "(i) after (h) is a letter");
        let k =
            kinds("## 1/1. T\n\n1. *Decides*:\n\n(a) x:\n\n    (i) y;\n\n    (ii) z;\n\n(b) w.\n");
        let depths: Vec<u8> = k.iter().map(|x| x.2).collect();
        assert_eq!(depths, [0, 1, 2, 2, 1]);
    }

    /// The labels of each language's printed numbering, and the tokens
    /// (so the anchors) the English text would give them.
    #[test]
    fn numbers_and_letters_in_the_six_languages() {
        let tokens = |text: &str| {
            let mut d = Diagnostics::default();
            let s = parse_structure_in(text, 1, Path::new("t.md"), &mut d, "xx");
            assert!(d.is_empty(), "{text}: {d:?}");
            let blocks = s.blocks.into_iter();
            blocks
                .map(|b| {
                    (
                        b.label.map(String::from).unwrap_or_default(),
                        b.number,
                        b.token.map(String::from),
                    )
                })
                .collect::<Vec<_>>()
        };
        let fr = tokens("## 1/1. T\n\n1. *Décide* :\n\na) x;\n\nb) y.\n");
        assert_eq!(fr[0].1, Some(1));
        assert_eq!((fr[1].0.as_str(), fr[1].2.as_deref()), ("a)", Some("a")));
        assert_eq!(fr[2].2.as_deref(), Some("b"));
        // Russian: a Cyrillic а, then Latin letters.
        let ru = tokens("## 1/1. T\n\n1. *Постановляет*:\n\nа) x;\n\nb) y.\n");
        assert_eq!(ru[1].2.as_deref(), Some("a"));
        // Chinese: Roman sub-paragraphs in its numerals, in one character
        // or in brackets.
        let zh = tokens("## 1/1. T\n\n1. 决定：\n\n(a) 甲：\n\n㈠ 乙；\n\n㈡ 丙；\n\n(b) 丁：\n\n(一) 戊；\n\n（二）己。\n");
        let zh: Vec<Option<&str>> = zh.iter().map(|b| b.2.as_deref()).collect();
        assert_eq!(
            zh,
            [
                None,
                Some("a"),
                Some("i"),
                Some("ii"),
                Some("b"),
                Some("i"),
                Some("ii")
            ]
        );
        // Arabic: `1 -`, Arabic-Indic digits, and letters in abjad order.
        let ar = tokens("## 1/1. T\n\n1 -\tتقرر:\n\n(أ) x؛\n\n(ب) y.\n\n٢ - تقرر\n");
        assert_eq!((ar[0].0.as_str(), ar[0].1), ("1.", Some(1)));
        assert_eq!((ar[1].0.as_str(), ar[1].2.as_deref()), ("(أ)", Some("a")));
        assert_eq!(ar[2].2.as_deref(), Some("b"));
        assert_eq!(ar[3].1, Some(2));
        assert_eq!(sub_label("(ﻫ) x", false).map(|l| l.0).as_deref(), Some("e"));
        // The letter drawn out with a tatweel, which is no Arabic letter.
        assert_eq!(
            sub_label("(هـ) x", false).map(|l| l.0).as_deref(),
            Some("e")
        );
        assert_eq!(
            sub_label("’3‘ x", false).map(|l| l.0).as_deref(),
            Some("iii")
        );
        // An English text is read as before: `a)` opens no sub-paragraph.
        let mut d = Diagnostics::default();
        let en = parse_structure(
            "## 1/1. T\n\n1. *Decides*:\n\na) x.\n",
            1,
            Path::new("t.md"),
            &mut d,
        );
        assert_eq!(en.blocks[1].kind, BlockKind::Continuation);
        let bold = tokens("## 1/1. T\n\n**1 -**  *تقرر*\n");
        assert_eq!(bold[0].1, Some(1));
        assert_eq!(number_of("١٠"), Some(10));
        assert_eq!(
            spelled_section("أولاً. شروط الخدمة").as_deref(),
            Some("I. شروط الخدمة")
        );
        assert_eq!(
            spelled_section("جيم-. منحة التعليم").as_deref(),
            Some("C. منحة التعليم")
        );
        assert_eq!(spelled_section("حادي عشر").as_deref(), Some("XI"));
        assert_eq!(spelled_section("شروط الخدمة"), None);
        assert_eq!(
            spelled_section("八. 联合国").as_deref(),
            Some("VIII. 联合国")
        );
        assert_eq!(
            spelled_section("二十一、 标题").as_deref(),
            Some("XXI. 标题")
        );
        assert_eq!(spelled_section("联合国"), None);
        assert_eq!(spelled_section("十. 标题").as_deref(), Some("X. 标题"));
        for opening in [
            "*L’Assemblée générale*,",
            "**大会**，",
            "إن الجمعية العامة،",
            "*L’Assemblée générale*",
            "إن الجمعية العامة",
            "大会",
            "إن الجمعية العامة **،**",
            "*L’Assemblée générale,*",
        ] {
            assert!(other_opening(opening), "{opening}");
        }
        for not in [
            "*Recalling* its resolution,",
            "Noting the report,",
            "*Décide*, en outre",
            "Assemblée générale",
            "تقرر ما يلي:",
            "الأمين العام للأمم المتحدة ومنظومة الأمم المتحدة الإنمائية",
        ] {
            assert!(!other_opening(not), "{not}");
        }
        let (meeting, date) = other_closing("*14e séance plénière  \n10 October 2019*").unwrap();
        assert_eq!(meeting.as_deref(), Some("14e séance plénière"));
        assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2019-10-10"));
        assert_eq!(number_of("1x"), None);
    }
}
