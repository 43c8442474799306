//! Inline Markdown of resolution text, and whole Markdown pages, rendered
//! with pulldown-cmark.
//!
//! Sources are data, not code: raw HTML is shown as text, never passed
//! through, except the `<sup>N</sup>` footnote markers, which become links
//! to the endnotes. Links may only use http, https, mailto or relative URLs.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, BTreeSet};

/// Footnote markers met while rendering one resolution, in document order,
/// so endnotes can link back to each of them.
#[derive(Debug, Default)]
pub struct Notes {
    known: BTreeSet<u32>,
    /// Endnote number → ids of the markers that cite it.
    refs: BTreeMap<u32, Vec<String>>,
}

impl Notes {
    /// `known` are the numbers that have an endnote; markers for other
    /// numbers are shown as plain superscripts rather than broken links.
    pub fn new(known: impl IntoIterator<Item = u32>) -> Self {
        Notes {
            known: known.into_iter().collect(),
            refs: BTreeMap::new(),
        }
    }

    /// Ids of the markers citing endnote `n` (`fnref3`, `fnref3-2`).
    pub fn refs(&self, n: u32) -> &[String] {
        self.refs.get(&n).map_or(&[], Vec::as_slice)
    }

    /// The id of the next marker of note `n`, or none when the note does
    /// not exist.
    fn marker(&mut self, n: u32) -> Option<String> {
        if !self.known.contains(&n) {
            return None;
        }
        let ids = self.refs.entry(n).or_default();
        let id = match ids.len() {
            0 => format!("fnref{n}"),
            k => format!("fnref{n}-{}", k + 1),
        };
        ids.push(id.clone());
        Some(id)
    }
}

/// A paragraph's inline text, parsed once, with its citations laid over
/// it and its footnote markers numbered: what the page's HTML, the AKN
/// twin and the JSON record are each written from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    /// Text, code, breaks, and the emphasis, strong, strikethrough and
    /// author's link markup around them, as pulldown-cmark reads them.
    Md(Event<'static>),
    /// Where a citation's link opens; `CiteEnd` closes it.
    Cite(std::sync::Arc<LinkSpan>),
    CiteEnd,
    /// A footnote marker: the note's number, and the marker's id
    /// (`fnref3-2`) when the note exists.
    Note {
        number: u32,
        id: Option<String>,
    },
}

/// Inline content after filtering: Markdown events, and the footnote
/// markers recognised among them.
enum Piece<'a> {
    Event(Event<'a>),
    Marker(u32),
}

/// Parses inline Markdown into what will be shown: raw HTML as text, block
/// structure and unsafe links dropped, footnote markers recognised.
fn pieces(md: &str) -> Vec<Piece<'_>> {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let events: Vec<Event> = Parser::new_ext(md, options).collect();
    let mut out = Vec::with_capacity(events.len());
    let mut links = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Some(n) = footnote_marker(&events[i..]) {
            out.push(Piece::Marker(n));
            i += 3;
            continue;
        }
        if let Some(e) = inline_event(&events[i], &mut links) {
            out.push(Piece::Event(e));
        }
        i += 1;
    }
    out
}

/// How much of the visible text a piece accounts for.
fn visible<'p>(piece: &'p Piece<'_>) -> &'p str {
    match piece {
        Piece::Event(Event::Text(t) | Event::Code(t)) => t,
        Piece::Event(Event::SoftBreak) => " ",
        Piece::Event(Event::HardBreak) => "\n",
        // Cells read apart.
        Piece::Event(Event::End(TagEnd::TableCell)) => " ",
        _ => "",
    }
}

/// The text a reader sees, without markup or footnote markers. Citations
/// are found in it, and their byte ranges refer to it.
pub fn visible_text(md: &str) -> String {
    pieces(md).iter().map(visible).collect()
}

/// A link to lay over a range of the visible text, with its opening tag.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkSpan {
    pub range: std::ops::Range<usize>,
    /// The complete `<a …>` tag, attributes already escaped; shared, since
    /// a long text cites the same few documents over and over.
    pub open_tag: std::sync::Arc<str>,
    /// Where the link goes as an address that stands alone (the AKN twin's
    /// `ref`): absolute, or `#op3` on the citing page itself.
    pub address: std::sync::Arc<str>,
}

/// Renders inline Markdown (one paragraph's text) to HTML, laying `spans`
/// (sorted, not overlapping) over the visible text as links.
pub(crate) fn inline_html(md: &str, notes: &mut Notes, spans: &[LinkSpan]) -> String {
    let spans: Vec<std::sync::Arc<LinkSpan>> =
        spans.iter().cloned().map(std::sync::Arc::new).collect();
    html(&inline(md, notes, &spans))
}

/// Parses inline Markdown (one paragraph's text), laying `spans` (sorted,
/// not overlapping) over the visible text as citation links.
pub(crate) fn inline(
    md: &str,
    notes: &mut Notes,
    spans: &[std::sync::Arc<LinkSpan>],
) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut spans = spans.iter().peekable();
    let mut pos = 0;
    let mut open: Option<usize> = None; // end of the span being linked
    let mut author_links = 0;
    for piece in pieces(md) {
        let text = visible(&piece).to_string();
        let end = pos + text.len();
        match piece {
            Piece::Event(Event::Text(_)) => {
                let mut at = pos;
                loop {
                    // A link whose end fell inside code or a line break
                    // closes here.
                    if let Some(close) = open.filter(|&c| c <= end).map(|c| c.max(at)) {
                        push_text(&mut out, &text[at - pos..close - pos]);
                        out.push(Inline::CiteEnd);
                        open = None;
                        at = close;
                        continue;
                    }
                    if open.is_some() {
                        break;
                    }
                    // Spans that started in text already passed cannot be laid.
                    while spans.next_if(|s| s.range.start < at).is_some() {}
                    match spans.next_if(|s| s.range.start < end && author_links == 0) {
                        Some(span) => {
                            push_text(&mut out, &text[at - pos..span.range.start - pos]);
                            out.push(Inline::Cite(span.clone()));
                            open = Some(span.range.end.max(span.range.start + 1));
                            at = span.range.start;
                        }
                        None => break,
                    }
                }
                push_text(&mut out, &text[at - pos..]);
            }
            Piece::Event(e @ (Event::SoftBreak | Event::HardBreak | Event::Code(_))) => {
                out.push(Inline::Md(e.into_static()))
            }
            other => {
                // Markup or a footnote marker ends a citation link early.
                if open.take().is_some() {
                    out.push(Inline::CiteEnd);
                }
                match other {
                    Piece::Marker(number) => out.push(Inline::Note {
                        number,
                        id: notes.marker(number),
                    }),
                    Piece::Event(e) => {
                        match &e {
                            Event::Start(Tag::Link { .. }) => author_links += 1,
                            Event::End(TagEnd::Link) => author_links -= 1,
                            _ => {}
                        }
                        out.push(Inline::Md(e.into_static()));
                    }
                }
            }
        }
        pos = end;
    }
    if open.is_some() {
        out.push(Inline::CiteEnd);
    }
    out
}

/// Parsed inline text as the HTML a page shows.
pub(crate) fn html(inline: &[Inline]) -> String {
    let events = inline.iter().map(|piece| match piece {
        Inline::Md(e) => e.clone(),
        Inline::Cite(span) => Event::InlineHtml(CowStr::Borrowed(&span.open_tag)),
        Inline::CiteEnd => Event::InlineHtml("</a>".into()),
        Inline::Note { number, id: None } => Event::InlineHtml(format!("<sup>{number}</sup>").into()),
        Inline::Note {
            number,
            id: Some(id),
        } => Event::InlineHtml(
            format!("<sup class=\"fnref\" id=\"{id}\"><a href=\"#fn{number}\" role=\"doc-noteref\">{number}</a></sup>")
                .into(),
        ),
    });
    let mut html = String::with_capacity(inline.len() * 16);
    pulldown_cmark::html::push_html(&mut html, events);
    html.trim_end().to_string()
}

/// The words of parsed inline text as a reader sees them, footnote markers
/// left out, whitespace collapsed: [`plain_text`] of the Markdown it was
/// parsed from.
pub(crate) fn inline_words(inline: &[Inline]) -> String {
    let mut out = String::new();
    for piece in inline {
        match piece {
            Inline::Md(Event::Text(t) | Event::Code(t)) => out.push_str(t),
            Inline::Md(Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::TableCell)) => {
                out.push(' ')
            }
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if !text.is_empty() {
        out.push(Inline::Md(Event::Text(CowStr::from(text.to_string()))));
    }
}

/// The text of inline Markdown without markup or footnote markers, for
/// `<title>`, listings and feeds.
pub(crate) fn plain_text(md: &str) -> String {
    visible_text(md)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `<sup>`, a number, `</sup>` at the start of `events`.
fn footnote_marker(events: &[Event]) -> Option<u32> {
    match events {
        [Event::InlineHtml(open), Event::Text(n), Event::InlineHtml(close), ..]
            if open.trim().eq_ignore_ascii_case("<sup>")
                && close.trim().eq_ignore_ascii_case("</sup>") =>
        {
            n.trim().parse().ok()
        }
        _ => None,
    }
}

/// Keeps inline events, turns raw HTML into text, and drops block
/// structure (a paragraph's text is rendered inside the theme's own
/// element) and unsafe links.
fn inline_event<'a>(e: &Event<'a>, links: &mut Vec<bool>) -> Option<Event<'a>> {
    match e {
        Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h.clone())),
        Event::Start(Tag::Link { dest_url, .. }) => {
            let safe = is_safe_url(dest_url);
            links.push(safe);
            safe.then(|| e.clone())
        }
        Event::End(TagEnd::Link) => links.pop().unwrap_or(false).then(|| e.clone()),
        Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
        | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough)
        | Event::Text(_)
        | Event::Code(_)
        | Event::SoftBreak
        | Event::HardBreak => Some(e.clone()),
        // A table block keeps its rows and cells.
        Event::Start(Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell)
        | Event::End(TagEnd::Table | TagEnd::TableHead | TagEnd::TableRow | TagEnd::TableCell) => {
            Some(e.clone())
        }
        // Paragraph, heading, list, quote, code block and image tags: their
        // text stays, the structure goes (an image shows its alt text).
        _ => None,
    }
}

/// Whether a link target is safe to publish: relative, or http(s)/mailto.
pub(crate) fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    match url.find(':') {
        None => true,
        Some(colon) => {
            let scheme = &url[..colon];
            if scheme.contains(['/', '?', '#']) {
                return true; // the colon is in the path, not a scheme
            }
            matches!(
                scheme.to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto"
            )
        }
    }
}

/// Something that can colour a fenced code block.
pub trait Highlight {
    /// HTML for `code` in `lang`, or `None` to fall back to a plain block.
    fn highlight(&self, code: &str, lang: &str) -> Option<String>;
}

/// Renders a whole Markdown page (About, Sources…) with highlighted code.
pub(crate) fn page_html(md: &str, highlighter: &dyn Highlight) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut out: Vec<Event> = Vec::new();
    let mut code: Option<(String, String)> = None; // (lang, text)
    let mut links = Vec::new();
    for e in Parser::new_ext(md, options) {
        match (&mut code, e) {
            (None, Event::Start(Tag::CodeBlock(kind))) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => {
                        l.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            (Some((_, text)), Event::Text(t)) => text.push_str(&t),
            (Some((lang, text)), Event::End(TagEnd::CodeBlock)) => {
                out.push(code_block(text, lang, highlighter));
                code = None;
            }
            (_, Event::Html(h) | Event::InlineHtml(h)) => out.push(Event::Text(h)),
            (_, e @ Event::Start(Tag::Link { .. })) => {
                let Event::Start(Tag::Link { dest_url, .. }) = &e else {
                    continue;
                };
                let safe = is_safe_url(dest_url);
                links.push(safe);
                if safe {
                    out.push(e);
                }
            }
            (_, e @ Event::End(TagEnd::Link)) => {
                if links.pop().unwrap_or(false) {
                    out.push(e);
                }
            }
            (_, Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image)) => {}
            (_, e) => out.push(e),
        }
    }
    let mut html = String::with_capacity(md.len() * 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    html
}

fn code_block<'a>(text: &str, lang: &str, highlighter: &dyn Highlight) -> Event<'a> {
    if !lang.is_empty() {
        if let Some(html) = highlighter.highlight(text, lang) {
            return Event::Html(CowStr::from(html));
        }
    }
    let mut html = String::from("<pre><code>");
    let _ = pulldown_cmark_escape::escape_html(&mut html, text);
    html.push_str("</code></pre>\n");
    Event::Html(CowStr::from(html))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_the_parsed_text_are_those_of_the_markdown() {
        for md in [
            "*Recalling* its resolution 1/2,<sup>3</sup> and R&D <x> \\*",
            "a `code` b  \nc ~~d~~ [link](https://e.org) **f**",
            "Côte d’Ivoire <sup>9</sup>",
        ] {
            let parsed = inline(md, &mut Notes::new([3]), &[]);
            assert_eq!(inline_words(&parsed), plain_text(md), "{md}");
        }
    }

    struct NoColour;
    impl Highlight for NoColour {
        fn highlight(&self, _: &str, _: &str) -> Option<String> {
            None
        }
    }

    #[test]
    fn markers_link_to_endnotes_and_count_occurrences() {
        let mut notes = Notes::new([3]);
        let a = inline_html(
            "Programme,<sup>3</sup> and *Ibid.*<sup>3</sup>",
            &mut notes,
            &[],
        );
        assert!(
            a.contains(r##"<sup class="fnref" id="fnref3"><a href="#fn3""##),
            "{a}"
        );
        assert!(a.contains(r#"id="fnref3-2""#), "{a}");
        assert_eq!(notes.refs(3), ["fnref3", "fnref3-2"]);
        assert!(a.contains("<em>Ibid.</em>"));
    }

    #[test]
    fn raw_html_is_text() {
        let mut notes = Notes::default();
        let h = inline_html(
            "a <script>alert(1)</script> <b onclick=x>b</b>",
            &mut notes,
            &[],
        );
        assert!(!h.contains("<script") && !h.contains("<b"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
    }

    #[test]
    fn unsafe_links_keep_only_their_text() {
        let mut notes = Notes::default();
        let h = inline_html(
            "[x](javascript:alert(1)) [y](https://undocs.org/en/A/RES/1) [z](JaVa&#x09;Script:x)",
            &mut notes,
            &[],
        );
        assert!(!h.to_lowercase().contains("javascript"), "{h}");
        assert!(
            h.contains(r#"<a href="https://undocs.org/en/A/RES/1">y</a>"#),
            "{h}"
        );
        assert!(h.contains('x') && h.contains('z'));
    }

    #[test]
    fn numbered_text_is_not_a_list() {
        let mut notes = Notes::default();
        let h = inline_html("- not a list\n# not a heading", &mut notes, &[]);
        assert!(!h.contains("<li") && !h.contains("<h1"), "{h}");
    }

    #[test]
    fn spans_become_links_over_the_visible_text() {
        let mut notes = Notes::new([3]);
        let md = "*Recalling* resolutions 49/127 of 1994,<sup>3</sup> and\n51/176 of [its](https://x.org/) 1996";
        let text = visible_text(md);
        assert_eq!(
            text,
            "Recalling resolutions 49/127 of 1994, and 51/176 of its 1996"
        );
        let span = |needle: &str, tag: &str| {
            let start = text.find(needle).unwrap();
            LinkSpan {
                range: start..start + needle.len(),
                open_tag: format!("<a class=\"cite\" href=\"{tag}\">").into(),
                address: "".into(),
            }
        };
        let spans = [
            span("49/127", "#a"),
            span("and 51/176", "#b"),
            span("its", "#c"),
        ];
        let h = inline_html(md, &mut notes, &spans);
        assert!(
            h.contains(r##"resolutions <a class="cite" href="#a">49/127</a> of 1994,<sup"##),
            "{h}"
        );
        assert!(
            h.contains("<a class=\"cite\" href=\"#b\">and\n51/176</a>"),
            "{h}"
        );
        assert!(!h.contains("#c"), "no link inside an author's link: {h}");
    }

    #[test]
    fn spans_ending_inside_code_or_markup_do_not_break() {
        let mut notes = Notes::default();
        let md = "see `49/127` and *50/123* here";
        let text = visible_text(md);
        let spans = [
            LinkSpan {
                range: 0..6,
                open_tag: "<a href=\"#a\">".into(),
                address: "".into(),
            },
            LinkSpan {
                range: text.find("50").unwrap()..text.find("here").unwrap(),
                open_tag: "<a href=\"#b\">".into(),
                address: "".into(),
            },
        ];
        let h = inline_html(md, &mut notes, &spans);
        let doc = h.matches("<a ").count();
        assert_eq!(doc, h.matches("</a>").count(), "balanced: {h}");
        assert!(h.contains("<code>49/127</code>"), "{h}");
    }

    #[test]
    fn plain_text_drops_markers_and_markup() {
        assert_eq!(plain_text("Darfur *B*<sup>1</sup>  now"), "Darfur B now");
    }

    #[test]
    fn pages_escape_html_and_render_code() {
        let h = page_html(
            "# T\n\n<div>x</div>\n\n```\nlet a = 1 < 2;\n```\n",
            &NoColour,
        );
        assert!(h.contains("&lt;div&gt;"), "{h}");
        assert!(h.contains("<pre><code>let a = 1 &lt; 2;"), "{h}");
    }
}
