//! `index.json` beside each resolution page: its metadata, its paragraphs
//! with their anchors, and the citations it makes, for scripts and
//! archives that want the data rather than the page.

use serde::Serialize;

use crate::cite::Links;
use crate::config::Config;
use crate::markdown::plain_text;
use crate::site::Site;
use crate::urls::under_base;

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
    vote: Option<&'a str>,
    subjects: &'a [String],
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
    href: &'a str,
    /// Whether the archive holds the cited resolution.
    internal: bool,
}

/// The record of entry `i` as pretty JSON.
pub fn index_json(config: &Config, site: &Site, links: &Links, i: usize) -> Option<Vec<u8>> {
    let e = site.entries.get(i)?;
    let r = &e.resolution;
    let m = &r.meta;
    let page = under_base(&config.base_path, &e.path);
    let absolute = |path: &str| format!("{}{}", config.base_url, path.trim_start_matches('/'));
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
        vote: m.vote.as_deref(),
        subjects: &m.subjects,
        url: absolute(&e.path),
        akn: m.adopted.map(|_| absolute(&format!("{}akn.xml", e.path))),
        source: absolute(&format!("{}source.md", e.path)),
        paragraphs: r
            .blocks
            .iter()
            .map(|b| Paragraph {
                kind: b.kind.name(),
                anchor: b.anchor.as_deref(),
                label: b.label.as_deref(),
                url: b.anchor.as_deref().map(|a| format!("{page}#{a}")),
                text: plain_text(&b.text),
            })
            .collect(),
        footnotes: r
            .footnotes
            .iter()
            .map(|f| Footnote {
                number: f.number,
                text: plain_text(&f.text),
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
                href: &c.href,
                internal: c.to.is_some(),
            })
            .collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&record).ok()?;
    bytes.push(b'\n');
    Some(bytes)
}
