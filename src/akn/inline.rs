//! Inline content of the AKN twin: the HTML the page shows for a block
//! (well-formed XML, as pulldown-cmark writes it) read with quick-xml and
//! written again as AKN inline elements — `i`, `b`, `ref` for citations,
//! `authorialNote` at a footnote's first marker and `noteRef` after.

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use super::export::{empty, end, start, text, Document, Result, Xml};

impl Document<'_> {
    /// Writes inline HTML as AKN inline elements.
    pub(super) fn inline(&self, w: &mut Xml, html: &str) -> Result<()> {
        let wrapped = format!("<x>{html}</x>");
        let mut r = Reader::from_str(&wrapped);
        let mut stack: Vec<Option<&'static str>> = Vec::new();
        // Depth inside a footnote marker, whose content is replaced.
        let mut skip = 0;
        loop {
            let event = r.read_event().map_err(std::io::Error::other)?;
            match event {
                Event::Eof => return Ok(()),
                Event::Start(s) if skip > 0 || s.name().as_ref() == "x" => {
                    if skip > 0 {
                        skip += 1;
                    }
                    stack.push(None);
                }
                Event::Start(s) => {
                    let attr = |name: &str| {
                        s.try_get_attribute(name).ok().flatten().and_then(|a| {
                            a.normalized_value(XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                    };
                    match s.name().as_ref() {
                        "sup" if attr("class").as_deref() == Some("fnref") => {
                            let id = attr("id").unwrap_or_default();
                            self.note(w, &id)?;
                            skip = 1;
                            stack.push(None);
                        }
                        "a" => {
                            let href = attr("href").unwrap_or_default();
                            let cite = attr("class").as_deref() == Some("cite");
                            let href = self.absolute(&href);
                            let tag = if cite { "ref" } else { "a" };
                            start(w, tag, &[("href", &href)])?;
                            stack.push(Some(tag));
                        }
                        other => {
                            let tag = match other {
                                "em" => "i",
                                "strong" => "b",
                                "del" => "del",
                                "sup" => "sup",
                                "sub" => "sub",
                                _ => "span",
                            };
                            if other == "code" {
                                start(w, "inline", &[("name", "code")])?;
                                stack.push(Some("inline"));
                            } else {
                                start(w, tag, &[])?;
                                stack.push(Some(tag));
                            }
                        }
                    }
                }
                Event::End(_) => {
                    if skip > 0 {
                        skip -= 1;
                    }
                    if let Some(Some(tag)) = stack.pop() {
                        end(w, tag)?;
                    }
                }
                Event::Empty(s) if skip == 0 && s.name().as_ref() == "br" => empty(w, "eol", &[])?,
                Event::Text(t) if skip == 0 => text(w, &t.xml10_content())?,
                Event::GeneralRef(g) if skip == 0 => {
                    let resolved = match g.resolve_char_ref().ok().flatten() {
                        Some(c) => c.to_string(),
                        None => quick_xml::escape::resolve_predefined_entity(&g)
                            .unwrap_or_default()
                            .to_string(),
                    };
                    text(w, &resolved)?;
                }
                _ => {}
            }
        }
    }

    /// A footnote at its marker (`fnref3`): the note itself the first
    /// time, a `noteRef` to it after.
    fn note(&self, w: &mut Xml, marker_id: &str) -> Result<()> {
        let rest = marker_id.trim_start_matches("fnref");
        let (number, again) = match rest.split_once('-') {
            Some((n, _)) => (n, true),
            None => (rest, false),
        };
        let Ok(n) = number.parse::<u32>() else {
            return Ok(());
        };
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
        if let Some(html) = self.notes.get(&n) {
            // Notes do not nest: a marker inside a note stays a number.
            self.inline(w, &strip_markers(html))?;
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

/// Footnote markers inside a note's own text, as plain superscripts.
fn strip_markers(html: &str) -> String {
    html.replace("<sup class=\"fnref\"", "<sup data-marker=\"\"")
}
