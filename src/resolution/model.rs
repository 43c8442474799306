//! The document model: what a resolution is made of once parsed.

use compact_str::CompactString;
use std::path::PathBuf;

use super::date::Date;

/// One resolution, parsed and with its metadata settled.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// Source path as shown in diagnostics (`content/ecosoc/1997/2.md`).
    pub source: PathBuf,
    /// Source path inside `content/`.
    pub rel: PathBuf,
    pub meta: Meta,
    /// The title as inline Markdown (may carry footnote markers).
    pub title_markdown: String,
    /// The text, in document order.
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    /// A hash of its outline, the text left out: how its blocks and notes
    /// are kinded, numbered, labelled and placed. It decides how other
    /// pages name a place in it ("section II, paragraph 3 (a)"), so they
    /// are made again only when it changes.
    pub outline: u64,
}

impl Resolution {
    /// The hash of the outline of `blocks` and `footnotes`.
    pub(crate) fn outline_of(blocks: &[Block], footnotes: &[Footnote]) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        for b in blocks {
            (b.kind as u8, &b.label, b.number, b.depth, &b.anchor).hash(&mut h);
            (b.part, &b.section, &b.token, b.parent).hash(&mut h);
        }
        footnotes.iter().for_each(|f| f.number.hash(&mut h));
        h.finish()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// Key of the body in the registry (`ecosoc`).
    pub body: String,
    /// Session or year as written (`1997`, `76`, `ES-11`).
    pub session: String,
    /// Number as written, with any part letter (`2`, `251 B`).
    pub number: String,
    /// Document symbol (`E/RES/1997/2`).
    pub symbol: String,
    /// Plain-text title, footnote markers and emphasis removed.
    pub title: String,
    pub adopted: Option<Date>,
    pub meeting: Option<String>,
    pub agenda_item: Option<String>,
    pub agenda_item_name: Option<String>,
    /// Its record of adoption: documents, sponsors, vote.
    pub adoption: super::adoption::Adoption,
    pub subjects: Vec<String>,
    /// Terms of other keyword lists (EuroVoc, SDG), by scheme.
    pub keywords: std::collections::BTreeMap<String, Vec<String>>,
    pub aliases: Vec<String>,
    pub draft: bool,
    /// Its language (ISO 639-1): the default one of the archive, or the
    /// one its file name gives (`1.fr.md`).
    pub language: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// `*The General Assembly*,`
    Opening,
    /// A preambular paragraph (`*Recalling* …`).
    Preambular,
    /// A numbered operative paragraph (`1. *Urges* …`).
    Operative,
    /// A lettered or roman sub-paragraph (`(a)`, `(i)`).
    Subparagraph,
    /// A further paragraph belonging to the paragraph above it.
    Continuation,
    /// A paragraph of an annex, numbered or not.
    AnnexParagraph,
    /// A section heading after which numbering may restart (`### I`).
    Section,
    /// An unnumbered heading between paragraphs.
    Heading,
    /// The start of an annex (`## Annex I`).
    Annex,
    /// The closing meeting and date line.
    Closing,
    /// A table, written as a Markdown table (`| a | b |` lines with a
    /// `| --- |` row under the header).
    Table,
}

impl BlockKind {
    /// The name CSS classes use (`para operative`).
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Opening => "opening",
            BlockKind::Preambular => "preambular",
            BlockKind::Operative => "operative",
            BlockKind::Subparagraph => "subparagraph",
            BlockKind::Continuation => "continuation",
            BlockKind::AnnexParagraph => "annex_paragraph",
            BlockKind::Section => "section",
            BlockKind::Heading => "heading",
            BlockKind::Annex => "annex",
            BlockKind::Closing => "closing",
            BlockKind::Table => "table",
        }
    }

    /// Paragraphs carry anchors and permalinks; headings and the opening
    /// and closing lines do not count as paragraphs.
    pub fn is_paragraph(self) -> bool {
        matches!(
            self,
            BlockKind::Preambular
                | BlockKind::Operative
                | BlockKind::Subparagraph
                | BlockKind::Continuation
                | BlockKind::AnnexParagraph
        )
    }
}

/// Labels, anchors and tokens are short and stored inline (no allocation
/// each): a large archive holds millions of blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    /// The label as printed: `1.`, `(a)`, `I`, `Annex II`.
    pub label: Option<CompactString>,
    /// Operative or annex paragraph number.
    pub number: Option<u32>,
    /// Nesting below the paragraph that owns it: 0 for paragraphs, 1 for
    /// `(a)`, 2 for `(i)` under `(a)`.
    pub depth: u8,
    /// Inline Markdown of the text, without the label.
    pub text: String,
    /// First line of the block in the source file.
    pub line: usize,
    /// Fragment id, derived from the document's own numbering.
    pub anchor: Option<CompactString>,
    /// 0 for the resolution itself, 1… for its annexes in order.
    pub part: usize,
    /// The section heading this block falls under, if any (`I`, `A`).
    pub section: Option<CompactString>,
    /// For sub-paragraphs, the letter or numeral (`a`, `ii`).
    pub token: Option<CompactString>,
    /// For sub-paragraphs and continuations, the index of the paragraph
    /// they belong to.
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    /// The number as printed; need not start at 1.
    pub number: u32,
    pub text: String,
    pub line: usize,
}
