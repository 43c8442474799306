//! Finds citations in the visible text of a paragraph, heading or footnote.
//!
//! The scanner walks the keywords `resolution(s)`, `decision(s)` and
//! `paragraph(s)` from left to right. Before a keyword it reads which body
//! is meant (`General Assembly`, `Council`, `its`, or nothing); after it, a
//! list of numbers with their dates, titles and paragraph references. Every
//! expression is anchored at a known position, so the work is linear in the
//! length of the text.

mod languages;

use regex::Regex;

use self::languages::Grammar;
use super::documents::Documents;
use super::{Found, Kind, ParagraphRef};
use crate::config::{Body, Config};
use crate::text::built_in;
use crate::urls::{Pattern, Values};

/// Compiled once per build; shared by every thread.
pub struct Recogniser {
    bodies: Vec<BodyInfo>,
    keyword: Regex,
    cue_run: Regex,
    its: Regex,
    item_paren: Regex,
    item_roman: Regex,
    item_slash: Regex,
    date: Regex,
    entitled: Regex,
    separator: Regex,
    paragraphs_after: Regex,
    paragraphs_before: Regex,
    paragraph_number: Regex,
    local: Regex,
    named_after: Regex,
    adopted_by: Regex,
    named_before_its: Regex,
    in_annex: Regex,
    of_follows: Regex,
    section_after: Regex,
    clause: Regex,
    joint: Regex,
    documents: Documents,
    /// How the archive's other languages write citations.
    grammars: Vec<Grammar>,
}

/// What the recogniser needs to know of a body.
struct BodyInfo {
    key: String,
    name: String,
    short_names: Vec<String>,
    symbol: Pattern,
    decision_symbol: Option<Pattern>,
    /// Cited as `1325 (2000)` rather than `76/10`.
    paren_year: bool,
    /// Sessions are years (`1997/2`), not session numbers (`76/10`).
    years: bool,
    /// Older numbers carry a Roman session (`2625 (XXV)`).
    roman_sessions: bool,
    /// The first session numbered `session/number` (the Assembly's 31st).
    first_session: Option<u32>,
}

/// The shape of a cited number.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    /// `76/10`, `75/251 A`, `ES-10/15`, `1997/2`.
    Slash { session: String, number: String },
    /// `1325 (2000)`.
    ParenYear { number: String, year: String },
    /// `217 A (III)`, `2625 (XXV)`: bodies with `roman_sessions`, before
    /// their current numbering.
    Roman { number: String, session: String },
}

/// Who the words before `resolution` name.
#[derive(Debug, Clone, PartialEq)]
enum Cue {
    Body(usize),
    /// A short name several bodies share (`Council`).
    Short(Vec<usize>),
    /// `its resolution`: the body whose text is being read.
    Its,
    /// A name that is no body of the registry: another organisation.
    Unknown,
    None,
}

struct Item {
    range: std::ops::Range<usize>,
    shape: Shape,
    paragraphs: Vec<(ParagraphRef, std::ops::Range<usize>)>,
}

const MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
const PARAGRAPH_LIST: &str = r"\d{1,3}(?:\s*\([a-z]{1,4}\))*(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+to\s+|\s*[–-]\s*)\d{1,3}(?:\s*\([a-z]{1,4}\))*)*";
/// A part letter or a run of them after a number: `A`, `AA`, `A and B`,
/// `A to C`, `A–C`.
const PARTS: &str = r"[A-Z]{1,2}(?:\s*[–-]\s*[A-Z]{1,2}|\s+(?:and|to)\s+[A-Z]{1,2})?";
/// `ES-10`, `S-23`, with a plain or a non-breaking hyphen.
const SPECIAL: &str = r"(?:ES|S)[-‑‐]";
const NAME_RUN: &str =
    r"(?:[A-Z][\w’'-]*|and|of|on|for|the)(?:\s+(?:[A-Z][\w’'-]*|and|of|on|for|the))*";

impl Recogniser {
    pub fn new(config: &Config) -> Recogniser {
        Recogniser {
            bodies: config.bodies.iter().map(body_info).collect(),
            keyword: built_in(r"\b(?:(?i:resolution|decision)s?|paragraphs?)\b"),
            cue_run: built_in(&format!(r"(?:^|[^\w’'-])({NAME_RUN})\s*$")),
            its: built_in(r"(?:^|\W)its\s*$"),
            item_paren: built_in(r"^(\d{1,4})\s*\((\d{4})\)"),
            item_roman: built_in(&format!(
                r"^(\d{{1,4}})(?:\s*({PARTS}))?\s*\(((?:{SPECIAL})?[IVXLC]+)\)"
            )),
            item_slash: built_in(&format!(
                r"^((?:{SPECIAL})?\d{{1,4}})/(\d{{1,4}})(?:\s+({PARTS})\b)?"
            )),
            date: built_in(&format!(r"^,?\s+of\s+\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}")),
            entitled: built_in(r#"^,?\s+entitled\s+[“"][^”"]{0,400}[”"]"#),
            separator: built_in(
                r"^(?:\s*[,;]\s*(?:and\s+|as\s+well\s+as\s+|in\s+particular\s+|including\s+)?|\s+(?:and|to|as\s+well\s+as|in\s+particular)\s+)",
            ),
            paragraphs_after: built_in(&format!(
                r"^,\s+(?:(?:section|sect\.)\s+([IVXLC]+(?:\.[A-Z])?|[A-Z]),\s+)?(?:paragraphs?|paras?\.)\s+({PARAGRAPH_LIST})"
            )),
            section_after: built_in(
                r"^,\s+(?:section|sect\.|part)\s+(?:[IVXLC]+(?:\.[A-Z])?|[A-Z])\b",
            ),
            clause: built_in(
                r"^(?:,\s+|\s+)(?:on|by\s+which|in\s+which|entitled|concerning|regarding|relating\s+to|the\s+annex\s+to\s+which|which|[a-z]{3,}ing)\b",
            ),
            joint: built_in(r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+"),
            paragraphs_before: built_in(&format!(
                r"(?:section\s+([IVXLC]+|[A-Z]),\s+)?\bparagraphs?\s+({PARAGRAPH_LIST}),?\s+of\s+$"
            )),
            paragraph_number: built_in(r"(\d{1,3})((?:\s*\([a-z]{1,4}\))*)"),
            local: built_in(&format!(
                r"^\s+({PARAGRAPH_LIST})(?:\s+(?:above|below)\b|\s+of\s+the\s+present\s+resolution\b)"
            )),
            named_after: built_in(&format!(r"^(?:\s+of|,)\s+the\s+({NAME_RUN})")),
            named_before_its: built_in(&format!(
                r"\bthe\s+({NAME_RUN}),?\s+(?:in|by|under|through|with|of)\s+(?:(?:paragraphs?|section)\s+[^,;]{{1,40}}?\s+of\s+)?its\s*$"
            )),
            in_annex: built_in(r"\bannex(?:\s+[IVXLC]+)?,\s+$"),
            of_follows: built_in(r"^,?\s+of\b"),
            adopted_by: built_in(&format!(
                r"^[^;:.]{{0,120}}?\badopted\s+by\s+(?:the\s+)?({NAME_RUN})"
            )),
            documents: Documents::new(config),
            grammars: Grammar::for_config(config),
        }
    }

    /// Every citation in `text`, written in `language`: read as English
    /// unless plenary knows how that language writes citations.
    pub fn recognise_in(&self, text: &str, current: &str, language: &str) -> Vec<Found> {
        match self.grammars.iter().find(|g| g.code == language) {
            Some(g) => {
                let current = self.bodies.iter().position(|b| b.key == current);
                self.recognise_other(g, text, current)
            }
            None => self.recognise(text, current),
        }
    }

    /// Every citation in `text`, in order. `current` is the key of the body
    /// whose resolution is being read.
    pub fn recognise(&self, text: &str, current: &str) -> Vec<Found> {
        let current = self.bodies.iter().position(|b| b.key == current);
        let mut found = Vec::new();
        let mut carry: Option<usize> = None;
        let mut consumed = 0;
        let mut titles: Vec<std::ops::Range<usize>> = Vec::new();
        for m in self.keyword.find_iter(text) {
            // Titles quoted in a list are read for citations of their own
            // (`entitled “Review of … General Assembly resolution 68/1 …”`).
            let in_title = titles.iter().any(|t| t.contains(&m.start()));
            if m.start() < consumed && !in_title {
                continue;
            }
            let word = m.as_str().to_ascii_lowercase();
            if word.starts_with("paragraph") {
                if !in_title {
                    consumed = self
                        .local_paragraphs(text, m.end(), &mut found)
                        .unwrap_or(m.end());
                }
                continue;
            }
            let kind = if word.starts_with("resolution") {
                Kind::Resolution
            } else {
                Kind::Decision
            };
            let (cue, cue_start) = self.cue(text, m.start());
            // In a title only a body named outright is trusted.
            if in_title && !matches!(cue, Cue::Body(_)) {
                continue;
            }
            if let (Cue::Body(b), false) = (&cue, in_title) {
                carry = Some(*b);
            }
            let (end, named) = self.list(
                text,
                m.end(),
                cue_start,
                kind,
                &cue,
                carry,
                current,
                &mut found,
                &mut titles,
            );
            consumed = consumed.max(end);
            // `resolutions adopted by the Human Rights Council, including
            // resolution 36/6`: the body named goes on to the next list.
            if let Some(b) = named {
                carry = Some(b);
            }
        }
        self.documents.find(text, &mut found);
        found.sort_by_key(|f| f.range.start);
        found
    }

    /// Reads the body named just before `at`. Returns it and where the
    /// naming starts, so paragraph references before it can be found.
    fn cue(&self, text: &str, at: usize) -> (Cue, usize) {
        let before = &text[..at];
        if self.its.is_match(tail(before, 8)) {
            let start = before.trim_end().len().saturating_sub(3);
            // `the Security Council, in its resolution`: `its` is that body's.
            // `the United Nations Environment Assembly, in … its
            // resolution`: a body the registry does not hold.
            let named = self
                .named_before_its
                .captures(tail(before, 100))
                .and_then(|c| c.get(1));
            let cue = match named {
                None => Cue::Its,
                Some(name) => match self.bodies.iter().position(|b| b.name == name.as_str()) {
                    Some(b) => Cue::Body(b),
                    None if self.is_short_name(name.as_str()) => Cue::Its,
                    // `the Comprehensive Nuclear-Test-Ban Treaty in its
                    // resolution`: a name that is no body's leaves `its`.
                    None if names_a_body(name.as_str()) => Cue::Unknown,
                    None => Cue::Its,
                },
            };
            return (cue, start);
        }
        // `A/56/1026, annex II, resolution 14/221`: a resolution printed in
        // another document's annex belongs to whoever wrote that document.
        if self.in_annex.is_match(tail(before, 40)) {
            return (Cue::Unknown, at);
        }
        let Some(c) = self.cue_run.captures(tail(before, 120)) else {
            return (Cue::None, at);
        };
        let Some(run) = c.get(1) else {
            return (Cue::None, at);
        };
        let offset = before.len() - tail(before, 120).len();
        let mut words: Vec<(usize, &str)> = word_offsets(run.as_str())
            .map(|(i, w)| (offset + run.start() + i, w))
            .collect();
        // `by the Security Council of resolutions`: the name ends before.
        let mut apart = false;
        while words.last().is_some_and(|(_, w)| is_connector(w)) {
            words.pop();
            apart = true;
        }
        // The longest run of last words that names a body (`Economic and
        // Social Council` opening a footnote).
        for k in 0..words.len() {
            if words.get(k).is_some_and(|(_, w)| is_connector(w)) {
                continue;
            }
            let name = words[k..]
                .iter()
                .map(|(_, w)| *w)
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(b) = self.bodies.iter().position(|b| b.name == name) {
                return (Cue::Body(b), words[k].0);
            }
        }
        // Leading connectors belong to the sentence, not the name; so does a
        // capitalised word that opens the text (`Recalling`).
        loop {
            match words.first() {
                Some((_, w)) if is_connector(w) => {
                    words.remove(0);
                }
                Some((start, _)) if text[..*start].trim().is_empty() => {
                    words.remove(0);
                }
                _ => break,
            }
        }
        let Some(&(start, _)) = words.first() else {
            return (Cue::None, at);
        };
        // `… the Children of the World and resolutions 56/5`: a name that
        // is no body's, kept apart by `and`, says nothing of the numbers.
        if apart {
            return (Cue::None, at);
        }
        let name = words.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
        if let Some(b) = self.bodies.iter().position(|b| b.name == name) {
            return (Cue::Body(b), start);
        }
        let short: Vec<usize> = self
            .bodies
            .iter()
            .enumerate()
            .filter(|(_, b)| b.short_names.contains(&name))
            .map(|(i, _)| i)
            .collect();
        match short.as_slice() {
            [] => (Cue::Unknown, start),
            [only] => (Cue::Body(*only), start),
            _ => (Cue::Short(short), start),
        }
    }

    /// Reads the list of numbers after a `resolution(s)` or `decision(s)`
    /// keyword and records what it cites. Returns where the list ends, and
    /// the body a full name after it names.
    #[allow(clippy::too_many_arguments)]
    fn list(
        &self,
        text: &str,
        after_keyword: usize,
        cue_start: usize,
        kind: Kind,
        cue: &Cue,
        carry: Option<usize>,
        current: Option<usize>,
        found: &mut Vec<Found>,
        titles: &mut Vec<std::ops::Range<usize>>,
    ) -> (usize, Option<usize>) {
        let mut items: Vec<Item> = Vec::new();
        let mut pos = after_keyword;
        loop {
            let start = if items.is_empty() {
                let rest = &text[pos..];
                let trimmed = rest.trim_start();
                if trimmed.len() == rest.len() {
                    break; // `resolution` must be followed by a space
                }
                pos + (rest.len() - trimmed.len())
            } else {
                match self.separator.find(&text[pos..]) {
                    Some(m) if self.item(text, pos + m.end()).is_some() => pos + m.end(),
                    // `70/1 of 25 September 2015, by which it adopted …,
                    // and 71/313`: a clause about one item, then the next.
                    _ => match self.after_clause(text, pos) {
                        Some(next) => next,
                        None => break,
                    },
                }
            };
            let Some(mut item) = self.item(text, start) else {
                break;
            };
            pos = item.range.end;
            if let Some(m) = self.date.find(&text[pos..]) {
                pos += m.end();
            }
            if let Some(m) = self.entitled.find(&text[pos..]) {
                titles.push(pos + m.start()..pos + m.end());
                pos += m.end();
            }
            // `56/64 B, sect. X`: a part of the resolution, not linked;
            // the date may follow it (`45/248 B, section VI, of 21 December
            // 1990`).
            if let Some(m) = self.section_after.find(&text[pos..]) {
                if !self.paragraphs_after.is_match(&text[pos..]) {
                    pos += m.end();
                    if let Some(m) = self.date.find(&text[pos..]) {
                        pos += m.end();
                    }
                }
            }
            // `resolution 50/123, paragraph 3` — but not `…, paragraph 3,
            // of resolution 51/1`, which belongs to the next item.
            if let Some(c) = self.paragraphs_after.captures(&text[pos..]) {
                let list = c.get(2).map(|l| (pos + l.start(), l.as_str()));
                // `para. 8, 70/116`: the list ends before the next number.
                let list = list.map(|(at, l)| (at, paragraphs_before_item(text, at, l)));
                let end = list.map_or(pos, |(at, l)| at + l.len());
                if !self.of_follows.is_match(&text[end..]) {
                    let section = c.get(1).map(|s| s.as_str().to_string());
                    if let Some((at, list)) = list {
                        item.paragraphs = self.paragraph_refs(text, at, list, section);
                    }
                    pos = end;
                }
            }
            items.push(item);
        }
        if let Some(first) = items.first_mut() {
            if first.paragraphs.is_empty() {
                first.paragraphs = self.paragraphs_before(text, cue_start);
            }
        }
        // `resolution 3/4 of 30 January 2018 of the United Nations
        // Environment Assembly`: the body may be named after the list.
        let mut cue = cue.clone();
        // `… as well as resolutions adopted by the Council`: a name after
        // another keyword is that keyword's.
        let named = self.named_after.captures(&text[pos..]).or_else(|| {
            let c = self.adopted_by.captures(&text[pos..])?;
            let between = &text[pos..pos + c.get(1)?.start()];
            (!self.keyword.is_match(between)).then_some(c)
        });
        if let Some(c) = named {
            // `adopted by the Security Council on 16 September`: the name
            // ends before its connectors.
            let mut name = c.get(1).map_or("", |m| m.as_str()).trim();
            while let Some((rest, _)) = name.rsplit_once(' ').filter(|(_, w)| is_connector(w)) {
                name = rest.trim_end();
            }
            // Only a full name is trusted to say whose the numbers are:
            // `, the Council decided` may be any council.
            let full = self.bodies.iter().position(|b| b.name == name);
            let short = self
                .bodies
                .iter()
                .any(|b| b.short_names.iter().any(|s| s == name));
            match full {
                Some(b) if matches!(cue, Cue::None | Cue::Its) => cue = Cue::Body(b),
                None if !short && matches!(cue, Cue::None) && starts_with_capital_name(name) => {
                    cue = Cue::Unknown
                }
                _ => {}
            }
        }
        let named_body = match cue {
            Cue::Body(b) if items.is_empty() => Some(b),
            _ => None,
        };
        for item in items {
            let Some(body) = self.choose_body(&cue, &item.shape, carry, current) else {
                continue;
            };
            let Some(symbol) = self.symbol(body, kind, &item.shape) else {
                continue;
            };
            push_item(found, item, kind, symbol);
        }
        (pos, named_body)
    }

    /// One cited number at `start`, if one is there.
    fn item(&self, text: &str, start: usize) -> Option<Item> {
        let rest = &text[start..];
        let (len, shape) = if let Some(c) = self.item_paren.captures(rest) {
            let shape = Shape::ParenYear {
                number: c[1].to_string(),
                year: c[2].to_string(),
            };
            (c.get(0)?.end(), shape)
        } else if let Some(c) = self.item_roman.captures(rest) {
            (
                c.get(0)?.end(),
                Shape::Roman {
                    number: with_part(&c[1], c.get(2).map(|m| m.as_str())),
                    session: plain_hyphens(&c[3]),
                },
            )
        } else if let Some(c) = self.item_slash.captures(rest) {
            // A part letter is only one if no symbol follows (`A/RES/…`).
            let part = c.get(3).filter(|m| !rest[m.end()..].starts_with('/'));
            let end = part.map_or_else(|| c.get(2).map_or(0, |m| m.end()), |m| m.end());
            (
                end,
                Shape::Slash {
                    session: plain_hyphens(&c[1]),
                    number: with_part(&c[2], part.map(|m| m.as_str())),
                },
            )
        } else {
            return None;
        };
        // `1997/2/Add.1` or `75/251A1` is not a resolution number; Chinese
        // writes the word after it without a space (`第70/1号决议`).
        let glued = |c: char| (c.is_alphanumeric() && !is_cjk(c)) || c == '/';
        if rest[len..].starts_with(glued) {
            return None;
        }
        Some(Item {
            range: start..start + len,
            shape,
            paragraphs: Vec::new(),
        })
    }

    /// Where the next item of a list starts after a clause about the last
    /// one (`, by which it …,`, ` on the review of the Council, and`), if
    /// one does before the sentence ends or another keyword comes.
    fn after_clause(&self, text: &str, pos: usize) -> Option<usize> {
        let rest = &text[pos..];
        let opening = self.clause.find(rest)?;
        let window = &rest[opening.end()..];
        let window = &window[..window.find([';', ':']).unwrap_or(window.len()).min(400)];
        for joint in self.joint.find_iter(window) {
            if self.keyword.is_match(&window[..joint.start()]) {
                return None;
            }
            let at = pos + opening.end() + joint.end();
            if self.item(text, at).is_some() {
                return Some(at);
            }
        }
        None
    }

    fn is_short_name(&self, name: &str) -> bool {
        self.bodies
            .iter()
            .any(|b| b.short_names.iter().any(|s| s == name))
    }

    /// `paragraphs 2 and 5 of ` just before the body's name.
    fn paragraphs_before(
        &self,
        text: &str,
        cue_start: usize,
    ) -> Vec<(ParagraphRef, std::ops::Range<usize>)> {
        let before = tail(&text[..cue_start], 160);
        let offset = cue_start - before.len();
        let Some(c) = self.paragraphs_before.captures(before) else {
            return Vec::new();
        };
        let section = c.get(1).map(|s| s.as_str().to_string());
        match c.get(2) {
            Some(list) => self.paragraph_refs(text, offset + list.start(), list.as_str(), section),
            None => Vec::new(),
        }
    }

    /// The paragraphs in a list such as `2 (a) and 5`, with where each
    /// number stands in `text` (the list starts at `at`).
    fn paragraph_refs(
        &self,
        _text: &str,
        at: usize,
        list: &str,
        section: Option<String>,
    ) -> Vec<(ParagraphRef, std::ops::Range<usize>)> {
        self.paragraph_number
            .captures_iter(list)
            .filter_map(|c| {
                let whole = c.get(0)?;
                let number = c[1].parse().ok()?;
                let subs = c
                    .get(2)
                    .map(|s| {
                        s.as_str()
                            .split(['(', ')'])
                            .map(str::trim)
                            .filter(|t| !t.is_empty())
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default();
                let p = ParagraphRef {
                    section: section.clone(),
                    number,
                    subs,
                };
                Some((p, at + whole.start()..at + whole.end()))
            })
            .collect()
    }

    /// `paragraph 3 above`, `paragraphs 2 and 4 of the present resolution`.
    fn local_paragraphs(
        &self,
        text: &str,
        after_keyword: usize,
        found: &mut Vec<Found>,
    ) -> Option<usize> {
        let c = self.local.captures(&text[after_keyword..])?;
        let list = c.get(1)?;
        let refs = self.paragraph_refs(text, after_keyword + list.start(), list.as_str(), None);
        let single = refs.len() == 1;
        for (p, range) in refs {
            // A single reference links its whole phrase: `paragraph 3`.
            let range = if single {
                text[..after_keyword]
                    .char_indices()
                    .rev()
                    .find(|(_, ch)| !ch.is_alphabetic())
                    .map_or(0, |(i, ch)| i + ch.len_utf8())..range.end
            } else {
                range
            };
            found.push(Found {
                range,
                kind: Kind::Resolution,
                symbol: String::new(),
                paragraph: Some(Box::new(p)),
                local: true,
                within: false,
            });
        }
        Some(after_keyword + c.get(0)?.end())
    }

    /// Which body a number belongs to, from the words before it, the body
    /// named earlier in the text, the body being read and the number's shape.
    fn choose_body(
        &self,
        cue: &Cue,
        shape: &Shape,
        carry: Option<usize>,
        current: Option<usize>,
    ) -> Option<usize> {
        let fits = |b: &usize| self.bodies.get(*b).is_some_and(|info| fits(info, shape));
        // A body named outright, or by `its`, is taken at its word, whatever
        // its sessions (`General Assembly resolution 30/110`).
        let named = |b: &usize| {
            let info = self.bodies.get(*b);
            info.is_some_and(|info| shape_fits(info, shape, true))
        };
        match cue {
            Cue::Body(b) => Some(*b).filter(named),
            Cue::Its => current.filter(named).or_else(|| {
                // Only one kind of body numbers resolutions `N (YYYY)`.
                matches!(shape, Shape::ParenYear { .. })
                    .then(|| (0..self.bodies.len()).find(|b| fits(b)))
                    .flatten()
            }),
            Cue::Short(options) => current
                .filter(|c| options.contains(c))
                .or(carry.filter(|c| options.contains(c)))
                .filter(fits)
                .or_else(|| options.iter().copied().find(|b| fits(b))),
            Cue::Unknown => None,
            Cue::None => {
                if matches!(shape, Shape::ParenYear { .. }) {
                    // Only one kind of body numbers resolutions `N (YYYY)`.
                    return (0..self.bodies.len()).find(|b| fits(b));
                }
                // A bare `resolution 9/1` that fits neither the body named
                // before nor the one being read is some other body's.
                carry.filter(fits).or(current.filter(fits)).or_else(|| {
                    matches!(shape, Shape::Roman { .. })
                        .then(|| (0..self.bodies.len()).find(|b| fits(b)))
                        .flatten()
                })
            }
        }
    }

    fn symbol(&self, body: usize, kind: Kind, shape: &Shape) -> Option<String> {
        let info = self.bodies.get(body)?;
        let pattern = match kind {
            Kind::Decision => info.decision_symbol.as_ref()?,
            _ => &info.symbol,
        };
        Some(match shape {
            Shape::Slash { session, number } => pattern.fill(Values {
                body: &info.key,
                session,
                number,
            }),
            Shape::ParenYear { number, year } => pattern.fill(Values {
                body: &info.key,
                session: year,
                number,
            }),
            Shape::Roman { number, session } if kind == Kind::Resolution => {
                format!("{}{number} ({session})", pattern.prefix())
            }
            Shape::Roman { .. } => return None,
        })
    }
}

/// Records one list item: a link on its number (to the paragraph it
/// names, if one), and when it names several, a link on each of them
/// within the one citation.
fn push_item(found: &mut Vec<Found>, item: Item, kind: Kind, symbol: String) {
    let several = item.paragraphs.len() > 1;
    let single = (!several)
        .then(|| item.paragraphs.first().map(|(p, _)| Box::new(p.clone())))
        .flatten();
    found.push(Found {
        range: item.range,
        kind,
        symbol: symbol.clone(),
        paragraph: single,
        local: false,
        within: false,
    });
    if several {
        for (p, range) in item.paragraphs {
            found.push(Found {
                range,
                kind,
                symbol: symbol.clone(),
                paragraph: Some(Box::new(p)),
                local: false,
                within: true,
            });
        }
    }
}

/// A list of paragraph numbers at `at` in `text`, cut before a number
/// that turns out to be the next resolution's (`8, 70` of `para. 8,
/// 70/116`).
fn paragraphs_before_item<'t>(text: &str, at: usize, list: &'t str) -> &'t str {
    let mut list = list;
    while text[at + list.len()..].starts_with('/') {
        let cut = list
            .rfind([',', '–', '-'])
            .or_else(|| list.rfind(" and "))
            .or_else(|| list.rfind(" to "));
        match cut {
            Some(cut) => list = list[..cut].trim_end(),
            None => break,
        }
    }
    list
}

/// `75/251 A`, or for a run of parts (`A and B`, `A–C`) the whole
/// resolution, which the UN's system holds as one document.
fn with_part(number: &str, part: Option<&str>) -> String {
    match part {
        Some(p) if !p.contains([' ', '-', '–']) => format!("{number} {p}"),
        _ => number.to_string(),
    }
}

/// `ES‑10` with a non-breaking hyphen, as symbols are written: `ES-10`.
fn plain_hyphens(session: &str) -> String {
    session.replace(['‑', '‐'], "-")
}

/// Whether a name is a body's: it ends with what bodies are called.
fn names_a_body(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or("");
    matches!(
        last,
        "Assembly"
            | "Council"
            | "Conference"
            | "Commission"
            | "Committee"
            | "Board"
            | "Organization"
            | "Programme"
            | "Parties"
            | "Court"
            | "Tribunal"
            | "Union"
    )
}

fn is_connector(word: &str) -> bool {
    matches!(word, "and" | "of" | "on" | "for" | "the")
}

fn body_info(b: &Body) -> BodyInfo {
    BodyInfo {
        key: b.key.clone(),
        name: b.name.clone(),
        short_names: b.short_names.clone(),
        symbol: b.symbol.clone(),
        decision_symbol: b.decision_symbol.clone(),
        paren_year: b.cited_as.to_string().contains('('),
        years: b.session_label.eq_ignore_ascii_case("year"),
        roman_sessions: b.roman_sessions,
        first_session: b.first_session,
    }
}

/// Whether a body numbers its resolutions in this shape.
fn fits(b: &BodyInfo, shape: &Shape) -> bool {
    shape_fits(b, shape, false)
}

/// Whether `b` numbers its resolutions as `shape` is; `named` when the
/// text names the body outright, so that its first numbered session does
/// not rule a number out.
fn shape_fits(b: &BodyInfo, shape: &Shape, named: bool) -> bool {
    match shape {
        Shape::ParenYear { .. } => b.paren_year,
        Shape::Slash { session, .. } => {
            // `ES-10/15` and `S-23/2` are special sessions, numbered apart.
            let numbered = match (b.first_session, session.parse::<u32>()) {
                (Some(first), Ok(n)) if !named => n >= first,
                _ => true,
            };
            !b.paren_year && is_year(session) == b.years && numbered
        }
        // The Assembly before 1976 and the Council before 1978.
        Shape::Roman { .. } => b.roman_sessions,
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{3000}'..='\u{9fff}').contains(&c)
}

fn is_year(session: &str) -> bool {
    session.len() == 4
        && session
            .parse::<u32>()
            .is_ok_and(|y| (1945..2200).contains(&y))
}

fn starts_with_capital_name(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

/// At most the last `n` bytes of `s`, cut at a character boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// Words of `s` with their byte offsets.
fn word_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn found(text: &str, current: &str) -> Vec<(String, String, Option<String>)> {
        let config = Config::parse("", Path::new("config.yaml")).unwrap();
        Recogniser::new(&config)
            .recognise(text, current)
            .into_iter()
            .map(|f| {
                (
                    text[f.range.clone()].to_string(),
                    f.symbol,
                    f.paragraph.map(|p| p.label()),
                )
            })
            .collect()
    }

    fn symbols(text: &str, current: &str) -> Vec<String> {
        found(text, current).into_iter().map(|f| f.1).collect()
    }

    #[test]
    fn lists_with_dates() {
        let text = "Recalling General Assembly resolutions 49/127 of 19 December 1994, 50/123 of 20 December 1995 and 51/176 of 16 December 1996,";
        assert_eq!(
            found(text, "ecosoc"),
            [
                ("49/127".into(), "A/RES/49/127".into(), None),
                ("50/123".into(), "A/RES/50/123".into(), None),
                ("51/176".into(), "A/RES/51/176".into(), None)
            ]
        );
    }

    #[test]
    fn bodies_named_implied_and_carried() {
        assert_eq!(
            symbols("Recalling its resolution 1995/3,", "ecosoc"),
            ["E/RES/1995/3"]
        );
        assert_eq!(
            symbols("Recalling Council resolution 1996/7,", "ecosoc"),
            ["E/RES/1996/7"]
        );
        assert_eq!(
            symbols(
                "Recalling Security Council resolutions 242 (1967) and 338 (1973),",
                "ga"
            ),
            ["S/RES/242 (1967)", "S/RES/338 (1973)"]
        );
        assert_eq!(
            symbols(
                "Recalling Human Rights Council resolution 50/4 of 7 July 2022",
                "ga"
            ),
            ["A/HRC/RES/50/4"]
        );
        assert_eq!(
            symbols(
                "Recalling further relevant Human Rights Council resolutions, in particular resolutions 7/34 and 8/1,",
                "ga"
            ),
            ["A/HRC/RES/7/34", "A/HRC/RES/8/1"]
        );
        assert_eq!(
            symbols(
                "Recalling Security Council resolution 1769 (2007) of 31 July 2007, by which the Council established the Operation, the latest of which was resolution 2559 (2020) of 22 December 2020,",
                "ga"
            ),
            ["S/RES/1769 (2007)", "S/RES/2559 (2020)"]
        );
    }

    #[test]
    fn old_style_parts_and_emergency_sessions() {
        assert_eq!(
            symbols("in its resolution 973 (X) of 15 December 1955,", "ga"),
            ["A/RES/973 (X)"]
        );
        assert_eq!(
            symbols("resolution 217 A (III)", "ga"),
            ["A/RES/217 A (III)"]
        );
        assert_eq!(
            symbols(
                "its resolution 62/232 A of 22 December 2007 and 75/251 A,",
                "ga"
            ),
            ["A/RES/62/232 A", "A/RES/75/251 A"]
        );
        assert_eq!(
            symbols("recalling also its resolutions ES-10/15 of 20 July 2004 and ES-10/17 of 15 December 2006,", "ga"),
            ["A/RES/ES-10/15", "A/RES/ES-10/17"]
        );
    }

    #[test]
    fn titles_and_separators_between_items() {
        let text = "General Assembly resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda, resolution 1/1”, as well as resolution 69/313 and 71/1 to 71/3";
        assert_eq!(
            symbols(text, "hrc"),
            ["A/RES/70/1", "A/RES/69/313", "A/RES/71/1", "A/RES/71/3"]
        );
    }

    /// The forms of the GA's 74th session that an earlier recogniser
    /// missed or misread (issue 18), each as the UN wrote it.
    #[test]
    fn forms_of_the_real_archive() {
        // Part letters past H, and runs of parts.
        assert_eq!(
            symbols("its resolutions 50/70 M of 12 December 1995, 53/77 AA of 4 December 1998 and 75/251 A and B", "ga"),
            ["A/RES/50/70 M", "A/RES/53/77 AA", "A/RES/75/251"]
        );
        assert_eq!(symbols("resolution 74/264 A–C", "ga"), ["A/RES/74/264"]);
        // A clause about one item, then the next.
        assert_eq!(
            symbols("its resolutions 60/251 of 15 March 2006, by which it established the Human Rights Council, and 65/281 of 17 June 2011 on the review of the Council,", "ga"),
            ["A/RES/60/251", "A/RES/65/281"]
        );
        assert_eq!(
            symbols("its resolutions 73/154 of 17 December 2018 on protecting children from bullying, 73/148 of 17 December 2018, entitled “Intensification of efforts”, and 72/195", "ga"),
            ["A/RES/73/154", "A/RES/73/148", "A/RES/72/195"]
        );
        // A body named where a footnote starts; abbreviated paragraphs.
        assert_eq!(
            found(
                "Economic and Social Council resolution 2016/6, para. 3.",
                "ga"
            ),
            [("2016/6".into(), "E/RES/2016/6".into(), Some("3".into()))]
        );
        assert_eq!(
            symbols("Resolutions 69/117, para. 8, 70/116, para. 4, 71/139, para. 7, 72/115, paras. 7–8, and 73/201, para. 7.", "ga"),
            ["A/RES/69/117", "A/RES/70/116", "A/RES/71/139", "A/RES/72/115", "A/RES/72/115", "A/RES/72/115", "A/RES/73/201"]
        );
        assert_eq!(
            symbols("Resolutions 52/214, sect. C, para. 3; 55/222, sect. III, para. 12; 56/64 B, sect. X; and 57/130 B", "ga"),
            ["A/RES/52/214", "A/RES/55/222", "A/RES/56/64 B", "A/RES/57/130 B"]
        );
        // The Security Council named before `of resolutions`.
        assert_eq!(
            symbols("notes the adoption by the Security Council of resolutions 2018 (2011) and 2039 (2012)", "ga"),
            ["S/RES/2018 (2011)", "S/RES/2039 (2012)"]
        );
        // A non-breaking hyphen in a special session.
        assert_eq!(
            symbols("Resolution S‑23/2, annex, and resolution ES‑10/15.", "ga"),
            ["A/RES/S-23/2", "A/RES/ES-10/15"]
        );
        // Other bodies' numbers stay text.
        assert!(symbols(
            "the United Nations Environment Assembly, in paragraph 2 of its resolution 4/6,",
            "ga"
        )
        .is_empty());
        assert!(symbols("Welcomes the adoption of resolution 9/1 of 19 October 2018 at the ninth session of the Conference", "ga").is_empty());
        // A name kept apart from the keyword by `and` says nothing of it;
        // the name after a list ends before its connectors.
        assert_eq!(
            symbols(
                "for the Children of the World and resolutions 56/5 of 5 November 2001, 57/6",
                "ga"
            ),
            ["A/RES/56/5", "A/RES/57/6"]
        );
        assert_eq!(
            symbols("Bearing in mind resolutions 1196 (1998) and 1197 (1998), adopted by the Security Council on 16 and 18 September 1998", "ga"),
            ["S/RES/1196 (1998)", "S/RES/1197 (1998)"]
        );
        // A name after another keyword is that keyword's.
        assert_eq!(
            symbols("including resolutions 70/160 and 72/183, as well as relevant resolutions adopted by the Human Rights Council, including resolution 36/6", "ga"),
            ["A/RES/70/160", "A/RES/72/183", "A/HRC/RES/36/6"]
        );
    }

    #[test]
    fn paragraph_references() {
        assert_eq!(
            found("pursuant to paragraph 2 of resolution 808 (1993),", "sc"),
            [(
                "808 (1993)".into(),
                "S/RES/808 (1993)".into(),
                Some("2".into())
            )]
        );
        assert_eq!(
            found("in paragraphs 2 and 5 (a) of its resolution 50/123", "ga"),
            [
                ("2".into(), "A/RES/50/123".into(), Some("2".into())),
                ("5 (a)".into(), "A/RES/50/123".into(), Some("5 (a)".into())),
                ("50/123".into(), "A/RES/50/123".into(), None)
            ]
        );
        assert_eq!(
            found("resolution 50/123, paragraph 3, and", "ga"),
            [("50/123".into(), "A/RES/50/123".into(), Some("3".into()))]
        );
        assert_eq!(
            found(
                "paragraph 2 of its resolution 70/1, section II, paragraph 1, of resolution 70/2",
                "ga"
            ),
            [
                ("70/1".into(), "A/RES/70/1".into(), Some("2".into())),
                ("70/2".into(), "A/RES/70/2".into(), Some("II, 1".into()))
            ]
        );
        assert_eq!(
            found("section II, paragraph 6, of resolution 50/123", "ga"),
            [("50/123".into(), "A/RES/50/123".into(), Some("II, 6".into()))]
        );
        assert_eq!(
            found("as provided for in paragraph 3 above, their share", "ga"),
            [("paragraph 3".into(), String::new(), Some("3".into()))]
        );
    }

    #[test]
    fn other_organisations_are_left_alone() {
        assert!(symbols("resolution 14/221 of the League of Arab States", "ga").is_empty());
        assert!(symbols(
            "resolution 3/4 of 30 January 2018 of the United Nations Environment Assembly",
            "ga"
        )
        .is_empty());
        assert!(symbols("Recalling Subcommission resolution 2000/22", "hrc").is_empty());
        assert!(symbols(
            "Recalling resolution 2000/22 of 18 August 2000 on the promotion of dialogue, adopted by the Subcommission on the Promotion and Protection of Human Rights",
            "hrc"
        )
        .is_empty());
        assert_eq!(
            symbols("Recalling resolution 61/16 on the strengthening of the Council, adopted by the General Assembly", "ecosoc"),
            ["A/RES/61/16"]
        );
        assert!(symbols("United Nations Environment Assembly resolution 3/4", "ga").is_empty());
        assert!(symbols("decision 1/CP.21, annex", "hrc").is_empty());
        assert!(symbols("the present resolution and relevant resolutions,", "ga").is_empty());
    }

    #[test]
    fn its_names_the_body_just_before_it() {
        assert_eq!(
            symbols(
                "as envisioned by the Security Council in its resolution 1850 (2008), for",
                "ga"
            ),
            ["S/RES/1850 (2008)"]
        );
        assert_eq!(
            symbols(
                "the General Assembly, in its resolution 78/197, requested",
                "hrc"
            ),
            ["A/RES/78/197"]
        );
        assert_eq!(
            symbols("Recalls that, in its resolution 78/197 of 19 December 2023, the General Assembly requested", "hrc"),
            ["A/RES/78/197"]
        );
        assert_eq!(
            symbols(
                "Recalls its resolution 60/251, the Council having decided",
                "ga"
            ),
            ["A/RES/60/251"]
        );
        assert!(
            symbols("A/56/1026-S/2002/932, annex II, resolution 14/221.", "ga")
                .iter()
                .all(|s| !s.contains("14/221"))
        );
    }

    /// Cut anywhere, with multi-byte characters around the keywords, the
    /// scanner neither panics nor returns a range outside the text.
    #[test]
    fn any_prefix_or_suffix_is_safe() {
        let config = Config::parse("", Path::new("config.yaml")).unwrap();
        let r = Recogniser::new(&config);
        let text = "’Recalling ‘its resolutions 1997/2, 75/251 A’ and paragraph 3 above, “paragraphs 2 and 5 (a) of Council resolution 242 (1967)”, A/76/299–S/2021/749. Ünïcode resolution 217 A (III)";
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &i in &cuts {
            for part in [&text[..i], &text[i..]] {
                for f in r.recognise(part, "ga") {
                    assert!(
                        part.get(f.range.clone()).is_some(),
                        "{part:?} {:?}",
                        f.range
                    );
                }
            }
        }
    }

    #[test]
    fn decisions() {
        assert_eq!(
            symbols("Council decision 1997/201", "ecosoc"),
            ["E/DEC/1997/201"]
        );
        assert_eq!(symbols("its decision 62/557", "ga"), ["A/DEC/62/557"]);
    }

    #[test]
    fn sentence_initial_resolution() {
        assert_eq!(
            symbols("Resolution 75/251, in section VI of the Official Records, becomes resolution 75/251 A.", "ga"),
            ["A/RES/75/251", "A/RES/75/251 A"]
        );
    }
}
