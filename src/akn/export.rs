//! A resolution as Akoma Ntoso 3.0 XML (`/ga/76/10/akn.xml`): FRBR
//! metadata named as AKN4UN names UN resolutions, the preamble and the
//! operative paragraphs with eIds after the OASIS naming convention
//! (`para_1`, `para_1__list_1__point_a`), footnotes as `authorialNote` at
//! their markers, citations as `ref`.
//!
//! The text of each block is the inline HTML the page shows, written again
//! as AKN inline elements (`inline.rs`).

use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::collections::BTreeMap;
use std::io::Cursor;

use super::uris::Work;
use crate::cite::Text;
use crate::config::Config;
use crate::markdown::Inline;
use crate::resolution::{Block, BlockKind};
use crate::site::Entry;

pub(super) type Xml = Writer<Cursor<Vec<u8>>>;
pub(super) type Result<T> = std::io::Result<T>;

/// The AKN document of `e`, an entry or a version in another language
/// (the same work, an expression of its own), or none when it has no
/// adoption date (an AKN work is named by its date).
pub(crate) fn export(config: &Config, e: &Entry, text: &Text) -> Option<Vec<u8>> {
    let work = Work::of(config, e)?;
    let mut w = Writer::new(Cursor::new(Vec::new()));
    let doc = Document {
        config,
        entry: e,
        language: crate::languages::three_letter(&e.resolution.meta.language),
        work: &work,
        text,
        blocks: &e.resolution.blocks,
        notes: e
            .resolution
            .footnotes
            .iter()
            .map(|f| f.number)
            .zip(text.footnotes.iter().map(Vec::as_slice))
            .collect(),
    };
    doc.write(&mut w).ok()?;
    let mut bytes = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".to_vec();
    bytes.extend(w.into_inner().into_inner());
    bytes.push(b'\n');
    Some(bytes)
}

pub(super) struct Document<'a> {
    pub(super) config: &'a Config,
    entry: &'a Entry,
    /// Its language's ISO 639-2 code (`fra`).
    language: &'a str,
    work: &'a Work,
    text: &'a Text,
    blocks: &'a [Block],
    /// Footnote number → its inline text.
    pub(super) notes: BTreeMap<u32, &'a [Inline]>,
}

/// Elements holding only other elements: a line break after their tags
/// makes the file readable without touching any text.
const STRUCTURE: &[&str] = &[
    "akomaNtoso",
    "statement",
    "meta",
    "identification",
    "FRBRWork",
    "FRBRExpression",
    "FRBRManifestation",
    "references",
    "coverPage",
    "preface",
    "preamble",
    "formula",
    "container",
    "mainBody",
    "section",
    "hcontainer",
    "paragraph",
    "intro",
    "content",
    "list",
    "point",
    "wrapUp",
    "conclusions",
];

fn line_break(w: &mut Xml, name: &str) -> Result<()> {
    if STRUCTURE.contains(&name) || name.starts_with("FRBR") || name.starts_with("TLC") {
        w.write_event(Event::Text(BytesText::new("\n")))?;
    }
    Ok(())
}

pub(super) fn start(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        e.push_attribute((*k, *v));
    }
    w.write_event(Event::Start(e))?;
    if STRUCTURE.contains(&name) {
        line_break(w, name)?;
    }
    Ok(())
}

pub(super) fn end(w: &mut Xml, name: &str) -> Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))?;
    line_break(w, name)
}

pub(super) fn empty(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        e.push_attribute((*k, *v));
    }
    w.write_event(Event::Empty(e))?;
    line_break(w, name)
}

pub(super) fn text(w: &mut Xml, t: &str) -> Result<()> {
    w.write_event(Event::Text(BytesText::new(t)))
}

pub(super) fn element(w: &mut Xml, name: &str, attrs: &[(&str, &str)], t: &str) -> Result<()> {
    start(w, name, attrs)?;
    text(w, t)?;
    end(w, name)
}

impl Document<'_> {
    fn write(&self, w: &mut Xml) -> Result<()> {
        start(
            w,
            "akomaNtoso",
            &[("xmlns", "http://docs.oasis-open.org/legaldocml/ns/akn/3.0")],
        )?;
        start(w, "statement", &[("name", "resolution")])?;
        self.meta(w)?;
        self.cover_page(w)?;
        self.preface(w)?;
        let (preamble, body): (Vec<usize>, Vec<usize>) = (0..self.blocks.len())
            .filter(|&k| self.blocks[k].kind != BlockKind::Closing)
            .partition(|&k| {
                // The resolution's own preamble; a text it embeds keeps its
                // place in the body.
                self.blocks[k].part == 0
                    && matches!(
                        self.blocks[k].kind,
                        BlockKind::Opening | BlockKind::Preambular
                    )
            });
        if !preamble.is_empty() {
            self.preamble(w, &preamble)?;
        }
        start(w, "mainBody", &[])?;
        if body.is_empty() {
            // The schema wants something in the body.
            empty(
                w,
                "hcontainer",
                &[("name", "empty"), ("eId", "hcontainer_1")],
            )?;
        }
        self.main_body(w, &body)?;
        end(w, "mainBody")?;
        self.conclusions(w)?;
        end(w, "statement")?;
        end(w, "akomaNtoso")
    }

    fn meta(&self, w: &mut Xml) -> Result<()> {
        let work = self.work;
        start(w, "meta", &[])?;
        start(w, "identification", &[("source", "#plenary")])?;
        let frbr =
            |w: &mut Xml, level: &str, this: &str, uri: &str, date: (&str, &str), author: &str| {
                start(w, level, &[])?;
                empty(w, "FRBRthis", &[("value", this)])?;
                empty(w, "FRBRuri", &[("value", uri)])?;
                empty(w, "FRBRdate", &[("date", date.0), ("name", date.1)])?;
                empty(w, "FRBRauthor", &[("href", author)])
            };
        frbr(
            w,
            "FRBRWork",
            &format!("{}!main", work.uri),
            &work.uri,
            (&work.date, "adoption"),
            &format!("#{}", work.author),
        )?;
        empty(w, "FRBRcountry", &[("value", "un")])?;
        empty(
            w,
            "FRBRnumber",
            &[("value", &work.number), ("showAs", &work.symbol)],
        )?;
        end(w, "FRBRWork")?;
        let language = self.language;
        let expression = format!("{}{language}@/", work.uri);
        frbr(
            w,
            "FRBRExpression",
            &format!("{expression}!main"),
            &expression,
            (&work.date, "adoption"),
            &format!("#{}", work.author),
        )?;
        empty(w, "FRBRlanguage", &[("language", language)])?;
        end(w, "FRBRExpression")?;
        frbr(
            w,
            "FRBRManifestation",
            &format!("{expression}!main.xml"),
            &format!("{}{language}@.xml", work.uri),
            (&work.date, "adoption"),
            "#plenary",
        )?;
        end(w, "FRBRManifestation")?;
        end(w, "identification")?;
        start(w, "references", &[("source", "#plenary")])?;
        empty(
            w,
            "TLCOrganization",
            &[
                ("eId", &work.author),
                (
                    "href",
                    &format!("/akn/ontology/organization/un/{}", work.author),
                ),
                ("showAs", &work.body_name),
            ],
        )?;
        empty(
            w,
            "TLCOrganization",
            &[
                ("eId", "plenary"),
                ("href", "/akn/ontology/organization/plenary"),
                ("showAs", "plenary"),
            ],
        )?;
        empty(
            w,
            "TLCConcept",
            &[
                ("eId", "symbol"),
                ("href", "/akn/ontology/reference/un/symbol"),
                ("showAs", "Symbol"),
            ],
        )?;
        end(w, "references")?;
        end(w, "meta")
    }

    /// The symbol, where the UN's files carry it (and where `plenary import
    /// akn` reads it).
    fn cover_page(&self, w: &mut Xml) -> Result<()> {
        start(w, "coverPage", &[])?;
        start(w, "p", &[])?;
        element(
            w,
            "docNumber",
            &[("refersTo", "#symbol")],
            &self.work.symbol,
        )?;
        end(w, "p")?;
        end(w, "coverPage")
    }

    /// The number and title; a part's letter after the title, as the UN's
    /// files print it (`74/232.` … `B`), where `plenary import akn` reads it.
    fn preface(&self, w: &mut Xml) -> Result<()> {
        let cited_as = self.entry.cited_as.as_str();
        let (number, part) = match cited_as.rsplit_once(' ') {
            Some((number, part)) if is_part_letter(part) => (number, Some(part)),
            _ => (cited_as, None),
        };
        start(w, "preface", &[])?;
        start(w, "p", &[])?;
        element(w, "docNumber", &[], &format!("{number}."))?;
        text(w, " ")?;
        start(w, "docTitle", &[])?;
        self.inline(w, &self.text.title)?;
        end(w, "docTitle")?;
        if let Some(part) = part {
            text(w, " ")?;
            element(w, "docNumber", &[], part)?;
        }
        end(w, "p")?;
        end(w, "preface")
    }

    fn preamble(&self, w: &mut Xml, blocks: &[usize]) -> Result<()> {
        start(w, "preamble", &[])?;
        let mut n = 0;
        for &k in blocks {
            if self.blocks[k].kind == BlockKind::Opening {
                start(
                    w,
                    "formula",
                    &[("name", "enactingFormula"), ("eId", "formula_1")],
                )?;
                self.p(w, k)?;
                end(w, "formula")?;
            } else {
                n += 1;
                let eid = format!("container_{n}");
                start(w, "container", &[("name", "recital"), ("eId", &eid)])?;
                self.p(w, k)?;
                end(w, "container")?;
            }
        }
        end(w, "preamble")
    }

    /// The operative part: numbered paragraphs with their points, sections
    /// and annexes as containers, in order.
    fn main_body(&self, w: &mut Xml, blocks: &[usize]) -> Result<()> {
        let mut open: Vec<&'static str> = Vec::new();
        let mut others = 0;
        let mut k = 0;
        while k < blocks.len() {
            let b = &self.blocks[blocks[k]];
            match b.kind {
                BlockKind::Section | BlockKind::Annex => {
                    while let Some(name) = open.pop() {
                        end(w, name)?;
                    }
                    let name = if b.kind == BlockKind::Annex {
                        "annex"
                    } else {
                        "section"
                    };
                    let eid = eid_of_heading(b, name);
                    let (tag, attrs): (&str, Vec<(&str, &str)>) = if b.kind == BlockKind::Annex {
                        ("hcontainer", vec![("name", "annex"), ("eId", &eid)])
                    } else {
                        ("section", vec![("eId", &eid)])
                    };
                    start(w, tag, &attrs)?;
                    if let Some(label) = b.label.as_deref().filter(|_| tag == "section") {
                        element(w, "num", &[], label)?;
                    }
                    let heading = &self.text.blocks[blocks[k]];
                    if !crate::markdown::html(heading).trim().is_empty() {
                        start(w, "heading", &[])?;
                        self.inline(w, heading)?;
                        end(w, "heading")?;
                    }
                    open.push(if tag == "section" {
                        "section"
                    } else {
                        "hcontainer"
                    });
                    k += 1;
                }
                BlockKind::Operative | BlockKind::AnnexParagraph if b.number.is_some() => {
                    k = self.paragraph(w, blocks, k)?;
                }
                BlockKind::Table => {
                    let eid = b.anchor.as_deref().unwrap_or("table").replace('-', "_");
                    start(w, "hcontainer", &[("name", "table"), ("eId", &eid)])?;
                    start(w, "content", &[])?;
                    self.inline(w, &self.text.blocks[blocks[k]])?;
                    end(w, "content")?;
                    end(w, "hcontainer")?;
                    k += 1;
                }
                _ => {
                    others += 1;
                    let eid = format!("hcontainer_{others}");
                    let name = if b.kind == BlockKind::Heading {
                        "subheading"
                    } else {
                        "text"
                    };
                    start(w, "hcontainer", &[("name", name), ("eId", &eid)])?;
                    start(w, "content", &[])?;
                    self.p(w, blocks[k])?;
                    end(w, "content")?;
                    end(w, "hcontainer")?;
                    k += 1;
                }
            }
        }
        while let Some(name) = open.pop() {
            end(w, name)?;
        }
        Ok(())
    }

    /// A numbered paragraph and the blocks belonging to it; returns the
    /// position after them.
    fn paragraph(&self, w: &mut Xml, blocks: &[usize], at: usize) -> Result<usize> {
        let head = blocks[at];
        let b = &self.blocks[head];
        let eid = eid_of(self.blocks, head);
        let mut end_at = at + 1;
        while end_at < blocks.len() && belongs_to(self.blocks, blocks[end_at], head) {
            end_at += 1;
        }
        let children = &blocks[at + 1..end_at];
        start(w, "paragraph", &[("eId", &eid)])?;
        element(w, "num", &[], b.label.as_deref().unwrap_or(""))?;
        self.with_points(w, head, &eid, children)?;
        end(w, "paragraph")?;
        Ok(end_at)
    }

    /// The body of a paragraph or point: its text, then its points as a
    /// list, then any text after them.
    fn with_points(&self, w: &mut Xml, head: usize, eid: &str, children: &[usize]) -> Result<()> {
        let points: Vec<usize> = children
            .iter()
            .copied()
            .filter(|&c| {
                self.blocks[c].parent == Some(head)
                    && self.blocks[c].kind == BlockKind::Subparagraph
            })
            .collect();
        let after: Vec<usize> = children
            .iter()
            .copied()
            .filter(|&c| {
                self.blocks[c].parent == Some(head)
                    && self.blocks[c].kind != BlockKind::Subparagraph
            })
            .collect();
        if points.is_empty() {
            start(w, "content", &[])?;
            self.p(w, head)?;
            for &c in &after {
                self.p(w, c)?;
            }
            return end(w, "content");
        }
        start(w, "intro", &[])?;
        self.p(w, head)?;
        end(w, "intro")?;
        let list = format!("{eid}__list_1");
        start(w, "list", &[("eId", &list)])?;
        for (n, &p) in points.iter().enumerate() {
            let point = format!("{list}__point_{}", point_id(&self.blocks[p], n));
            let own: Vec<usize> = children
                .iter()
                .copied()
                .filter(|&c| belongs_to(self.blocks, c, p))
                .collect();
            start(w, "point", &[("eId", &point)])?;
            element(w, "num", &[], self.blocks[p].label.as_deref().unwrap_or(""))?;
            self.with_points(w, p, &point, &own)?;
            end(w, "point")?;
        }
        end(w, "list")?;
        if !after.is_empty() {
            start(w, "wrapUp", &[])?;
            for &c in &after {
                self.p(w, c)?;
            }
            end(w, "wrapUp")?;
        }
        Ok(())
    }

    fn conclusions(&self, w: &mut Xml) -> Result<()> {
        let closing: Vec<usize> = (0..self.blocks.len())
            .filter(|&k| self.blocks[k].kind == BlockKind::Closing)
            .collect();
        if closing.is_empty() {
            return Ok(());
        }
        start(w, "conclusions", &[])?;
        for k in closing {
            self.p(w, k)?;
        }
        end(w, "conclusions")
    }

    fn p(&self, w: &mut Xml, block: usize) -> Result<()> {
        start(w, "p", &[])?;
        self.inline(w, &self.text.blocks[block])?;
        end(w, "p")
    }
}

/// Whether block `k` is a descendant of block `head`.
/// `B`, `AA`: the letters of a resolution's part.
fn is_part_letter(s: &str) -> bool {
    (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn belongs_to(blocks: &[Block], k: usize, head: usize) -> bool {
    let mut at = blocks[k].parent;
    while let Some(p) = at {
        if p == head {
            return true;
        }
        at = blocks[p].parent;
    }
    false
}

/// `para_3`, `sec_II__para_3` (sections restarting their numbering) or
/// `annex_1__para_2`.
fn eid_of(blocks: &[Block], k: usize) -> String {
    let b = &blocks[k];
    let n = b.number.unwrap_or(0);
    let anchor = b.anchor.as_deref().unwrap_or("");
    if b.kind == BlockKind::AnnexParagraph {
        let annex = anchor
            .strip_prefix("annex-")
            .and_then(|a| a.split_once("-para").map(|(x, _)| x.to_string()))
            .unwrap_or_else(|| "1".to_string());
        return format!("annex_{annex}__para_{n}");
    }
    // A number the text repeats (`op10`, then `op10-2`) keeps the anchor's
    // count, so that every eId stays unique.
    let again = anchor
        .rsplit_once('-')
        .filter(|(head, k)| {
            head.ends_with(&format!("op{n}")) && k.bytes().all(|c| c.is_ascii_digit())
        })
        .map_or(String::new(), |(_, k)| format!("_{k}"));
    match anchor.split_once("-op") {
        Some((section, _)) => format!("sec_{section}__para_{n}{again}"),
        None => format!("para_{n}{again}"),
    }
}

fn eid_of_heading(b: &Block, name: &str) -> String {
    let label = b
        .anchor
        .as_deref()
        .map(|a| a.trim_start_matches("section-").trim_start_matches("annex"))
        .map(|a| a.trim_start_matches('-'))
        .filter(|a| !a.is_empty())
        .unwrap_or("1");
    match name {
        "annex" => format!("annex_{label}"),
        _ => format!("sec_{label}"),
    }
}

/// `a` for `(a)`, `iv` for `(iv)`; the position when the label has no
/// letters or digits.
fn point_id(b: &Block, n: usize) -> String {
    let label: String = b
        .label
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase();
    if label.is_empty() {
        (n + 1).to_string()
    } else {
        label
    }
}
