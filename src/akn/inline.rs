//! Inline content of the AKN twin, written from the parsed inline text the
//! page is written from (`markdown::Inline`): `i`, `b`, `del`, `a` for an
//! author's links, `ref` for citations, `inline name="code"`, `eol` for a
//! hard break, `authorialNote` at a footnote's first marker and `noteRef`
//! after.

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use super::export::{empty, end, start, text, Document, Result, Xml};
use crate::markdown::Inline;

impl Document<'_> {
    /// Writes parsed inline text as AKN inline elements.
    pub(super) fn inline(&self, w: &mut Xml, inline: &[Inline]) -> Result<()> {
        self.inline_in(w, inline, false)
    }

    /// `in_note`: inside a footnote's own text, where notes do not nest
    /// and a marker stays a number.
    fn inline_in(&self, w: &mut Xml, inline: &[Inline], in_note: bool) -> Result<()> {
        for piece in inline {
            match piece {
                Inline::Md(e) => self.markup(w, e)?,
                Inline::Cite(span) => start(w, "ref", &[("href", &span.address)])?,
                Inline::CiteEnd => end(w, "ref")?,
                Inline::Note { number, id: None } => {
                    start(w, "sup", &[])?;
                    text(w, &number.to_string())?;
                    end(w, "sup")?;
                }
                Inline::Note {
                    number,
                    id: Some(_),
                } if in_note => {
                    start(w, "sup", &[])?;
                    start(w, "a", &[("href", &format!("#fn{number}"))])?;
                    text(w, &number.to_string())?;
                    end(w, "a")?;
                    end(w, "sup")?;
                }
                Inline::Note {
                    number,
                    id: Some(id),
                } => self.note(w, *number, id != &format!("fnref{number}"))?,
            }
        }
        Ok(())
    }

    fn markup(&self, w: &mut Xml, e: &Event) -> Result<()> {
        match e {
            Event::Text(t) => text(w, t),
            Event::Code(t) => {
                start(w, "inline", &[("name", "code")])?;
                text(w, t)?;
                end(w, "inline")
            }
            Event::SoftBreak => text(w, "\n"),
            Event::HardBreak => {
                empty(w, "eol", &[])?;
                text(w, "\n")
            }
            Event::Start(Tag::Emphasis) => start(w, "i", &[]),
            Event::End(TagEnd::Emphasis) => end(w, "i"),
            Event::Start(Tag::Strong) => start(w, "b", &[]),
            Event::End(TagEnd::Strong) => end(w, "b"),
            Event::Start(Tag::Strikethrough) => start(w, "del", &[]),
            Event::End(TagEnd::Strikethrough) => end(w, "del"),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                // The address as the page's link has it, then absolute.
                let mailto = if *link_type == LinkType::Email {
                    "mailto:"
                } else {
                    ""
                };
                let mut escaped = String::new();
                let _ = pulldown_cmark_escape::escape_href(&mut escaped, dest_url);
                let href = quick_xml::escape::unescape(&escaped)
                    .map(|h| h.into_owned())
                    .unwrap_or(escaped);
                start(
                    w,
                    "a",
                    &[("href", &self.absolute(&format!("{mailto}{href}")))],
                )
            }
            Event::End(TagEnd::Link) => end(w, "a"),
            // A table block's rows; the header's cells are its first row.
            Event::Start(Tag::Table(_)) => start(w, "table", &[]),
            Event::End(TagEnd::Table) => end(w, "table"),
            Event::Start(Tag::TableHead | Tag::TableRow) => start(w, "tr", &[]),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => end(w, "tr"),
            Event::Start(Tag::TableCell) => {
                start(w, "td", &[])?;
                start(w, "p", &[])
            }
            Event::End(TagEnd::TableCell) => {
                end(w, "p")?;
                end(w, "td")
            }
            _ => Ok(()),
        }
    }

    /// A footnote at its marker: the note itself the first time, a
    /// `noteRef` to it after.
    fn note(&self, w: &mut Xml, n: u32, again: bool) -> Result<()> {
        let eid = format!("authorialNote_{n}");
        let marker = n.to_string();
        if again {
            return empty(
                w,
                "noteRef",
                &[("href", &format!("#{eid}")), ("marker", &marker)],
            );
        }
        start(
            w,
            "authorialNote",
            &[("marker", &marker), ("placement", "bottom"), ("eId", &eid)],
        )?;
        start(w, "p", &[])?;
        if let Some(inline) = self.notes.get(&n) {
            self.inline_in(w, inline, true)?;
        }
        end(w, "p")?;
        end(w, "authorialNote")
    }

    /// Site paths become absolute addresses, so the document stands alone.
    fn absolute(&self, href: &str) -> String {
        match href.strip_prefix(self.config.base_path.as_str()) {
            Some(rest) if href.starts_with('/') => format!("{}{rest}", self.config.base_url),
            _ => href.to_string(),
        }
    }
}
