//! Citations between resolutions: recognised in the text a reader sees
//! ([`recognise`]), then resolved against the archive ([`mod@link`]).

pub mod documents;
pub mod link;
pub mod recognise;
pub mod text;

use serde::Serialize;
use std::ops::Range;

pub(crate) use link::resolve_all;
pub(crate) use link::VersionLinks;
pub use link::{find, link, Citation, CitationRecord, Finds, Links, Place};
pub use recognise::Recogniser;
pub use text::Text;
pub(crate) use text::{parse_text, version_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Resolution,
    Decision,
    Document,
}

/// A paragraph named by a citation: `section II, paragraph 6 (a)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParagraphRef {
    pub section: Option<String>,
    pub number: u32,
    /// Sub-paragraph letters and numerals, outermost first (`a`, `i`).
    pub subs: Vec<String>,
}

impl ParagraphRef {
    /// How the paragraph is written, for `data-paragraph` (`6`, `6 (a)`).
    pub fn label(&self) -> String {
        let mut out = self.number.to_string();
        for s in &self.subs {
            out.push_str(&format!(" ({s})"));
        }
        match &self.section {
            Some(sec) => format!("{sec}, {out}"),
            None => out,
        }
    }
}

/// One citation found in a text, before it is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range of the text to link, in the visible text.
    pub range: Range<usize>,
    pub kind: Kind,
    /// The cited document's symbol (`A/RES/49/127`); empty for a paragraph
    /// of the text being read.
    pub symbol: String,
    /// Boxed: most citations name no paragraph, and a long resolution
    /// holds hundreds of thousands of these.
    pub paragraph: Option<Box<ParagraphRef>>,
    /// `paragraph 3 above`: a paragraph of the same resolution.
    pub local: bool,
    /// One of several paragraphs named of a document cited by the link
    /// just before (`paragraphs 2 and 5 of resolution 70/1`): part of that
    /// citation, not one of its own.
    pub within: bool,
}
