//! The text of a resolution — its blocks — as HTML, written here rather
//! than in a template. Like a Markdown engine's output in Hugo or Zola, it
//! is content, not layout: templates place it with `resolution.content`.
//! Walking each paragraph in Tera cost a fifth of the build (profiled at
//! 10,000 resolutions), most of it in variable lookups.

use pulldown_cmark_escape::escape_html;
use std::fmt::Write;

use super::names::Names;
use crate::resolution::{Block, BlockKind};

/// One block, ready to write: its rendered inline HTML, its spoken name
/// and how many other resolutions cite it by paragraph.
pub struct BlockHtml<'a> {
    pub block: &'a Block,
    pub html: &'a str,
    pub name: String,
    /// What the ¶ link copies before the address (`E/RES/1997/2, para. 1`).
    pub cite: String,
    pub cited_count: usize,
}

/// The blocks in order, each as the element its kind calls for, one per
/// line.
pub(crate) fn write(blocks: &[BlockHtml], names: &Names) -> String {
    let mut out = String::with_capacity(blocks.iter().map(|b| b.html.len() + 160).sum());
    // A sub-heading is an `h3` under a section's or an annex's `h2`, and
    // an `h2` before any: the page's outline skips no level.
    let mut under_h2 = false;
    for b in blocks {
        under_h2 |= matches!(b.block.kind, BlockKind::Section | BlockKind::Annex);
        // Writing to a String cannot fail.
        let _ = write_block(&mut out, b, under_h2, names);
    }
    out.truncate(out.trim_end().len());
    out
}

fn write_block(out: &mut String, b: &BlockHtml, under_h2: bool, names: &Names) -> std::fmt::Result {
    let anchor = b.block.anchor.as_deref().unwrap_or("");
    let label = b.block.label.as_deref().unwrap_or("");
    match b.block.kind {
        BlockKind::Opening => writeln!(out, "<p class=\"opening\">{}</p>", b.html),
        BlockKind::Section => {
            out.push_str("<h2 class=\"section\" id=\"");
            escape_html(&mut *out, anchor)?;
            out.push_str("\">");
            escape_html(&mut *out, label)?;
            if !b.html.is_empty() {
                write!(out, ". {}", b.html)?;
            }
            out.push_str("</h2>\n");
            Ok(())
        }
        BlockKind::Annex => {
            out.push_str("<h2 class=\"annex\" id=\"");
            escape_html(&mut *out, anchor)?;
            writeln!(out, "\">{}</h2>", b.html)
        }
        BlockKind::Heading => {
            let h = if under_h2 { "h3" } else { "h2" };
            writeln!(out, "<{h} class=\"subheading\">{}</{h}>", b.html)
        }
        BlockKind::Closing => writeln!(out, "<p class=\"closing\">{}</p>", b.html),
        BlockKind::Table => {
            out.push_str("<div class=\"table\" id=\"");
            escape_html(&mut *out, anchor)?;
            writeln!(out, "\">{}</div>", b.html)
        }
        kind if kind.is_paragraph() && b.block.anchor.is_some() => paragraph(out, b, anchor, names),
        _ => writeln!(out, "<p class=\"para\">{}</p>", b.html),
    }
}

/// `<p id="op1" class="para operative depth-0">…<a class="permalink">¶</a></p>`
fn paragraph(out: &mut String, b: &BlockHtml, anchor: &str, names: &Names) -> std::fmt::Result {
    out.push_str("<p id=\"");
    escape_html(&mut *out, anchor)?;
    write!(
        out,
        "\" class=\"para {} depth-{}\">",
        b.block.kind.name(),
        b.block.depth
    )?;
    if let Some(label) = b.block.label.as_deref().filter(|l| !l.is_empty()) {
        out.push_str("<span class=\"label\">");
        escape_html(&mut *out, label)?;
        out.push_str("</span> ");
    }
    out.push_str(b.html);
    out.push_str("<a class=\"permalink\" href=\"#");
    escape_html(&mut *out, anchor)?;
    out.push_str("\" aria-label=\"");
    escape_html(&mut *out, &names.link_to(&b.name))?;
    out.push_str("\" data-cite=\"");
    escape_html(&mut *out, &b.cite)?;
    out.push_str("\">¶</a>");
    if b.cited_count > 0 {
        out.push_str(" <a class=\"cited-count\" href=\"#cited-by-");
        escape_html(&mut *out, anchor)?;
        let (times, by_others) = names.cited(b.cited_count);
        out.push_str("\">");
        escape_html(&mut *out, &times)?;
        out.push_str("<span class=\"visually-hidden\"> ");
        escape_html(&mut *out, by_others)?;
        out.push_str("</span></a>");
    }
    out.push_str("</p>\n");
    Ok(())
}
