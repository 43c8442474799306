//! `index.json` beside each resolution page: its metadata, its paragraphs
//! with their anchors, and the citations it makes, for scripts and
//! archives that want the data rather than the page.

use serde::Serialize;

use crate::cite::Links;
use crate::cite::Text;
use crate::config::Config;
use crate::markdown::inline_words;
use crate::site::Site;

#[derive(Serialize)]
struct Record<'a> {
    symbol: &'a str,
    body: &'a str,
    session: &'a str,
    number: &'a str,
    cited_as: &'a str,
    title: &'a str,
    adopted: Option<String>,
    meeting: Option<&'a str>,
    agenda_item: Option<&'a str>,
    agenda_item_name: Option<&'a str>,
    /// The outcome in words (`adopted without a vote`).
    vote: Option<String>,
    /// Documents, sponsors and the vote with each state's.
    adoption: &'a crate::resolution::adoption::Adoption,
    subjects: &'a [String],
    keywords: &'a std::collections::BTreeMap<String, Vec<String>>,
    url: String,
    akn: Option<String>,
    source: String,
    paragraphs: Vec<Paragraph<'a>>,
    footnotes: Vec<Footnote>,
    citations: Vec<Cite<'a>>,
}

#[derive(Serialize)]
struct Paragraph<'a> {
    kind: &'static str,
    anchor: Option<&'a str>,
    label: Option<&'a str>,
    url: Option<String>,
    text: String,
}

#[derive(Serialize)]
struct Footnote {
    number: u32,
    text: String,
}

#[derive(Serialize)]
struct Cite<'a> {
    /// The citing paragraph or footnote.
    from_anchor: Option<&'a str>,
    text: &'a str,
    symbol: &'a str,
    to_anchor: Option<&'a str>,
    href: String,
    /// Whether the archive holds the cited resolution.
    internal: bool,
}

/// The record of entry `i` as compact JSON; `text` is its text as HTML.
pub(crate) fn index_json(
    config: &Config,
    site: &Site,
    links: &Links,
    i: usize,
    text: &Text,
) -> Option<Vec<u8>> {
    let e = site.entries.get(i)?;
    let r = &e.resolution;
    let m = &r.meta;
    let record = Record {
        symbol: &m.symbol,
        body: &m.body,
        session: &m.session,
        number: &m.number,
        cited_as: &e.cited_as,
        title: &m.title,
        adopted: m.adopted.map(|d| d.to_string()),
        meeting: m.meeting.as_deref(),
        agenda_item: m.agenda_item.as_deref(),
        agenda_item_name: m.agenda_item_name.as_deref(),
        vote: m.adoption.vote.as_ref().map(|v| v.words()),
        adoption: &m.adoption,
        subjects: &m.subjects,
        keywords: &m.keywords,
        url: config.absolute(&e.path),
        akn: m
            .adopted
            .map(|_| config.absolute(&format!("{}akn.xml", e.path))),
        source: config.absolute(&format!("{}source.md", e.path)),
        paragraphs: r
            .blocks
            .iter()
            .zip(&text.blocks)
            .map(|(b, inline)| Paragraph {
                kind: b.kind.name(),
                anchor: b.anchor.as_deref(),
                label: b.label.as_deref(),
                url: b
                    .anchor
                    .as_deref()
                    .map(|a| config.link_to(&e.path, Some(a))),
                text: inline_words(inline),
            })
            .collect(),
        footnotes: r
            .footnotes
            .iter()
            .zip(&text.footnotes)
            .map(|(f, inline)| Footnote {
                number: f.number,
                text: inline_words(inline),
            })
            .collect(),
        citations: links
            .of(i)
            .iter()
            .map(|c| Cite {
                from_anchor: c.from_anchor.as_deref(),
                text: &c.text,
                symbol: &c.symbol,
                to_anchor: c.to_anchor.as_deref(),
                href: c.href(site, config),
                internal: c.to.is_some(),
            })
            .collect(),
    };
    let mut bytes = serde_json::to_vec(&record).ok()?;
    bytes.push(b'\n');
    Some(bytes)
}
