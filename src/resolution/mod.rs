//! Stage 2: one source file in, one [`Resolution`] out.

pub mod adoption;
pub mod anchors;
pub(crate) mod annexes;
pub mod date;
pub mod front_matter;
pub mod meta;
pub(crate) mod model;
pub mod parse;

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;

pub use date::Date;
pub use model::{Block, BlockKind, Footnote, Meta, Resolution};

use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::load::Source;
use crate::text::built_in;
use front_matter::FrontMatter;

/// Parses one source. Returns `None` when the file has errors that leave
/// no usable resolution; the reasons are in the diagnostics.
pub fn parse(source: &Source, config: &Config) -> (Option<Resolution>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let path = source.path.as_path();
    let fm = match &source.front_matter {
        Some((yaml, line)) => match FrontMatter::parse(yaml, path, *line) {
            Ok(fm) => fm,
            Err(d) => {
                diags.push(d);
                return (None, diags);
            }
        },
        None => FrontMatter::default(),
    };
    let language = meta::source_language(&source.rel, config);
    let mut structure =
        parse::parse_structure_in(&source.text, source.first_line, path, &mut diags, language);
    anchors::assign(&mut structure.blocks, path, &mut diags);
    let Some(meta) = meta::infer(&fm, &structure, &source.rel, path, config, &mut diags) else {
        return (None, diags);
    };
    let heading = structure.heading.clone().unwrap_or_default();
    let title_markdown = match &fm.title {
        Some(t) => t.clone(),
        // A heading without a title (`## Resolution 1325 (2000)`, as the
        // Security Council prints them) has none to show: listings call it
        // by its number (`meta.title`), and the page's heading does.
        None => heading.title.clone(),
    };
    check_footnotes(&structure, &heading, path, &mut diags);
    // Kept for the whole build: drop the growth slack.
    structure.blocks.shrink_to_fit();
    structure.footnotes.shrink_to_fit();
    let resolution = Resolution {
        source: source.path.clone(),
        rel: source.rel.clone(),
        meta,
        title_markdown,
        outline: Resolution::outline_of(&structure.blocks, &structure.footnotes),
        blocks: structure.blocks,
        footnotes: structure.footnotes,
    };
    (Some(resolution), diags)
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| built_in(r"<sup>\s*(\d+)\s*</sup>"));

/// Each marker needs an endnote and each endnote a marker.
fn check_footnotes(
    s: &parse::Structure,
    heading: &parse::Heading,
    path: &Path,
    diags: &mut Diagnostics,
) {
    let mut defined: BTreeMap<u32, usize> = BTreeMap::new();
    for f in &s.footnotes {
        if let Some(first) = defined.insert(f.number, f.line) {
            diags.warning(
                path,
                f.line,
                format!(
                    "footnote {} is written twice (first on line {first})",
                    f.number
                ),
            );
        }
    }
    let mut cited = BTreeSet::new();
    let texts = std::iter::once((heading.title.as_str(), heading.line))
        .chain(s.blocks.iter().map(|b| (b.text.as_str(), b.line)))
        .chain(s.footnotes.iter().map(|f| (f.text.as_str(), f.line)));
    for (text, line) in texts {
        for m in MARKER.captures_iter(text) {
            let Ok(n) = m[1].parse::<u32>() else { continue };
            cited.insert(n);
            if !defined.contains_key(&n) {
                let at = m.get(0).map_or(0, |g| g.start());
                let marker_line = line + text[..at].matches('\n').count();
                diags.warning(
                    path,
                    marker_line,
                    format!("footnote marker {n} has no endnote"),
                );
            }
        }
    }
    for (n, line) in defined {
        if !cited.contains(&n) {
            diags.warning(
                path,
                line,
                format!("endnote {n} is never cited in the text"),
            );
        }
    }
}
