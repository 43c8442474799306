//! Paragraph anchors, derived only from the document's own numbering so
//! that a published `#op3` keeps pointing at operative paragraph 3.
//!
//! The scheme (documented in the README as a promise):
//! - `pp1`, `pp2`… preambular paragraphs, counted in order;
//! - `op1`… operative paragraphs, by their printed number;
//! - `op1-a`, `op1-a-i` sub-paragraphs, by their printed letter or numeral;
//! - `op1-p2` a further paragraph belonging to `op1`;
//! - `I-op1`, `I-pp1` inside section I, only where numbering restarts
//!   in each section;
//! - `annex-para1`, `annex-p2` numbered and unnumbered paragraphs of an
//!   annex, `annex-II-para1` in annex II;
//! - `section-I`, `annex-II` for the headings themselves;
//! - `draft-pp1`, `draft-op1` in a text the resolution embeds (a draft it
//!   recommends to another body), announced by a paragraph ending in `:`
//!   and opening with a line of its own.
//!
//! Anchors that would repeat (a number printed twice) get `-2`, `-3` and a
//! warning, so ids stay unique.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::model::{Block, BlockKind};
use crate::diagnostics::Diagnostics;

pub(crate) fn assign(blocks: &mut [Block], path: &Path, diags: &mut Diagnostics) {
    let restarts = restarting_parts(blocks);
    let mut used = HashSet::new();
    let mut annex_prefix: HashMap<usize, String> = HashMap::new();
    let mut counts = Counters::default();
    let mut scope = None;
    let mut continuations: HashMap<usize, u32> = HashMap::new();
    for i in 0..blocks.len() {
        let b = &blocks[i];
        let restart = restarts.contains(&b.part);
        let this_scope = (b.part, if restart { b.section.clone() } else { None });
        if scope.as_ref() != Some(&this_scope) {
            counts = Counters::default();
            scope = Some(this_scope);
        }
        let part_prefix = annex_prefix.get(&b.part).cloned().unwrap_or_default();
        let prefix = match (&b.section, restart) {
            (Some(s), true) => format!("{part_prefix}{s}-"),
            _ => part_prefix.clone(),
        };
        check_number(b, &mut counts, path, diags);
        let anchor = match b.kind {
            BlockKind::Preambular => {
                counts.preambular += 1;
                Some(format!("{prefix}pp{}", counts.preambular))
            }
            BlockKind::Table => {
                counts.tables += 1;
                Some(format!("{prefix}table{}", counts.tables))
            }
            // The one operative paragraph of a resolution prints no number.
            BlockKind::Operative => Some(match b.number {
                Some(n) => format!("{prefix}op{n}"),
                None => format!("{prefix}op"),
            }),
            BlockKind::AnnexParagraph => Some(match b.number {
                Some(n) => format!("{prefix}para{n}"),
                None => {
                    counts.unnumbered += 1;
                    format!("{prefix}p{}", counts.unnumbered)
                }
            }),
            BlockKind::Subparagraph => {
                let parent = b
                    .parent
                    .and_then(|p| blocks.get(p))
                    .and_then(|p| p.anchor.clone());
                match (parent, &b.token) {
                    (Some(p), Some(t)) => Some(format!("{p}-{t}")),
                    _ => None,
                }
            }
            BlockKind::Continuation => b.parent.and_then(|p| {
                let k = continuations.entry(p).or_insert(1);
                *k += 1;
                let parent = blocks.get(p)?.anchor.clone()?;
                Some(format!("{parent}-p{k}"))
            }),
            BlockKind::Section => b
                .label
                .as_ref()
                .map(|l| format!("{part_prefix}section-{l}")),
            BlockKind::Annex => {
                let id = match b.label.as_deref().and_then(|l| l.strip_prefix("Annex ")) {
                    Some(n) => format!("annex-{n}"),
                    None => "annex".to_string(),
                };
                annex_prefix.insert(b.part, format!("{id}-"));
                Some(id)
            }
            // The opening line of a text embedded in the resolution (a
            // draft it recommends): what follows is `draft-…`, `draft2-…`.
            BlockKind::Opening if b.label.is_some() => {
                let drafts = annex_prefix
                    .values()
                    .filter(|p| p.starts_with("draft"))
                    .count();
                let prefix = match drafts {
                    0 => "draft-".to_string(),
                    n => format!("draft{}-", n + 1),
                };
                annex_prefix.insert(b.part, prefix);
                None
            }
            BlockKind::Opening | BlockKind::Heading | BlockKind::Closing => None,
        };
        blocks[i].anchor = anchor.map(|a| unique(a, blocks[i].line, &mut used, path, diags).into());
    }
}

#[derive(Default)]
struct Counters {
    preambular: u32,
    tables: u32,
    unnumbered: u32,
    last_number: Option<u32>,
}

/// Warns when a numbered paragraph does not follow the one before it.
fn check_number(b: &Block, counts: &mut Counters, path: &Path, diags: &mut Diagnostics) {
    let (Some(n), true) = (
        b.number,
        matches!(b.kind, BlockKind::Operative | BlockKind::AnnexParagraph),
    ) else {
        return;
    };
    let expected = counts.last_number.map_or(1, |l| l + 1);
    if n != expected {
        let message = match counts.last_number {
            Some(last) if n == last => {
                format!("paragraph {n} is numbered the same as the paragraph before it")
            }
            Some(last) => format!("paragraph {n} follows paragraph {last}; expected {expected}"),
            None if b.part == 0 && b.section.is_none() => {
                format!("the first operative paragraph is numbered {n}; expected 1")
            }
            // A section or annex may continue the numbering of the one before.
            None => String::new(),
        };
        if !message.is_empty() {
            diags.warning(path, b.line, message);
        }
    }
    counts.last_number = Some(n);
}

/// Parts (the resolution, each annex) in which a section starts its
/// numbered paragraphs again from a number already used.
fn restarting_parts(blocks: &[Block]) -> HashSet<usize> {
    let mut out = HashSet::new();
    let mut max: HashMap<usize, u32> = HashMap::new();
    let mut section_of_last: HashMap<usize, Option<&str>> = HashMap::new();
    for b in blocks {
        let Some(n) = b.number else { continue };
        let section = b.section.as_deref();
        let previous = section_of_last.insert(b.part, section);
        let highest = max.entry(b.part).or_insert(0);
        if previous.is_some_and(|p| p != section) && n <= *highest {
            out.insert(b.part);
        }
        *highest = (*highest).max(n);
    }
    out
}

fn unique(
    anchor: String,
    line: usize,
    used: &mut HashSet<String>,
    path: &Path,
    diags: &mut Diagnostics,
) -> String {
    if used.insert(anchor.clone()) {
        return anchor;
    }
    let mut k = 2;
    loop {
        let candidate = format!("{anchor}-{k}");
        if used.insert(candidate.clone()) {
            diags.warning(
                path,
                line,
                format!("anchor `{anchor}` is already used in this resolution; this paragraph gets `{candidate}`"),
            );
            return candidate;
        }
        k += 1;
    }
}
