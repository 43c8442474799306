//! A resolution's text with its citations laid over it: parsed once, for
//! its page, its AKN twin and its JSON record.

use super::link::{SpansByPlace, VersionLinks};
use super::{Links, Place};
use crate::config::Config;
use crate::markdown::{self, Inline, Notes};
use crate::resolution::Resolution;
use crate::site::{Site, Version};

/// A resolution's title, blocks and footnotes as parsed inline text, with
/// citations laid over it and footnote markers numbered in document order:
/// parsed once, for its page, its AKN twin and its JSON record.
pub struct Text {
    pub(crate) title: Vec<Inline>,
    pub(crate) blocks: Vec<Vec<Inline>>,
    pub(crate) footnotes: Vec<Vec<Inline>>,
    /// The markers met, for the links back from each note.
    pub(crate) notes: Notes,
}

/// Parses in document order so marker ids (fnref3, fnref3-2) follow it.
pub(crate) fn parse_text(
    config: &Config,
    site: &Site,
    links: &Links,
    i: usize,
    r: &Resolution,
) -> Text {
    text_with(r, &links.spans(i, site, config))
}

/// The text of a version in another language, with its own citations.
pub(crate) fn version_text(config: &Config, links: &VersionLinks, v: &Version) -> Text {
    text_with(&v.entry.resolution, &links.spans(config, v))
}

fn text_with(r: &Resolution, by_place: &SpansByPlace) -> Text {
    let mut notes = Notes::new(r.footnotes.iter().map(|f| f.number));
    let spans = |p: Place| by_place.get(&p).map_or(&[][..], Vec::as_slice);
    let title = markdown::inline(&r.title_markdown, &mut notes, spans(Place::Title));
    let blocks = (r.blocks.iter().enumerate())
        .map(|(k, b)| markdown::inline(&b.text, &mut notes, spans(Place::Block(k))))
        .collect();
    let footnotes = (r.footnotes.iter().enumerate())
        .map(|(k, f)| markdown::inline(&f.text, &mut notes, spans(Place::Footnote(k))))
        .collect();
    Text {
        title,
        blocks,
        footnotes,
        notes,
    }
}
