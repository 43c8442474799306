//! Stage 1: find the source files under `content/`, read them and split off
//! their front matter.

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics};

pub(crate) const CONTENT_DIR: &str = "content";
// The archive's other folders, read by the theme.
/// A site's own templates, over its theme's.
pub(crate) const SITE_TEMPLATES: &str = "templates";
/// A site's own static files, over its theme's.
pub(crate) const SITE_STATIC: &str = "static";
/// A site's own words of its theme, by language, over its theme's.
pub(crate) const SITE_WORDS: &str = "words";
/// The site's themes, beside the built-in one.
pub(crate) const THEMES: &str = "themes";
/// Ordinary pages (About, Sources…) live here rather than as resolutions.
pub(crate) const PAGES_DIR: &str = "pages";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Resolution,
    Page,
}

/// One source file, read and split.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path as shown in diagnostics, relative to the archive root
    /// (`content/ecosoc/1997/2.md`).
    pub path: PathBuf,
    /// Path inside `content/` (`ecosoc/1997/2.md`).
    pub rel: PathBuf,
    pub kind: SourceKind,
    /// The YAML between the `---` lines, if any, and the file line it starts on.
    pub front_matter: Option<(String, usize)>,
    /// Everything after the front matter, with `\n` line endings.
    pub text: String,
    /// The file line on which `text` starts.
    pub first_line: usize,
    /// What reading found amiss but mended (characters XML forbids).
    pub warnings: Vec<Diagnostic>,
}

/// `root/content`, or the error that says the archive has none.
pub(crate) fn content_dir(root: &Path) -> Result<PathBuf, Diagnostic> {
    let content = root.join(CONTENT_DIR);
    if content.is_dir() {
        return Ok(content);
    }
    Err(Diagnostic::error(
        Path::new(CONTENT_DIR),
        0,
        format!("the archive has no `{CONTENT_DIR}` folder; pass --root, or start one with `plenary init DIR`"),
    ))
}

/// Reads every source under `root/content`, in a stable order.
pub fn load(root: &Path) -> (Vec<Source>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let content = match content_dir(root) {
        Ok(c) => c,
        Err(d) => {
            diags.push(d);
            return (Vec::new(), diags);
        }
    };
    let paths = source_paths(&content, &mut diags);
    let results: Vec<Result<Source, Diagnostic>> = paths
        .par_iter()
        .map(|rel| read_source(&content, rel))
        .collect();
    let mut sources = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(s) => sources.push(s),
            Err(d) => diags.push(d),
        }
    }
    (sources, diags)
}

/// Markdown files under `content/`, sorted, skipping hidden files, editor
/// backups and `_`-prefixed files. A symbolic link is followed and read
/// like what it points to; a link loop, a dangling link or a FIFO named
/// `.md` is a warning naming it, and a name with a control character an
/// error: nothing is passed over without a word.
pub(crate) fn source_paths(content: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let walker = WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_string_lossy().as_ref()));
    let shown = shown_path(content);
    for entry in walker {
        let e = match entry {
            Ok(e) => e,
            Err(e) => {
                walk_problem(content, &e, diags);
                continue;
            }
        };
        if !is_markdown(e.path()) || e.file_type().is_dir() {
            continue;
        }
        let path = shown(e.path());
        if let Some(c) = e
            .file_name()
            .to_string_lossy()
            .chars()
            .find(|c| c.is_control())
        {
            diags.error(
                &path,
                0,
                format!(
                    "the file name holds the control character {}; rename the file",
                    crate::text::codepoint(c)
                ),
            );
        } else if !e.file_type().is_file() {
            diags.warning(
                &path,
                0,
                "not a regular file (a FIFO, socket or device); skipped",
            );
        } else if let Ok(rel) = e.path().strip_prefix(content) {
            out.push(rel.to_path_buf());
        }
    }
    out
}

/// A link loop or a dangling link is a warning; anything else that
/// stops the walk (a folder that cannot be read) an error.
fn walk_problem(content: &Path, e: &walkdir::Error, diags: &mut Diagnostics) {
    let real = e.path().unwrap_or(content);
    let path = &shown_path(content)(real);
    if let Some(ancestor) = e.loop_ancestor() {
        let ancestor = shown_path(content)(ancestor);
        diags.warning(
            path,
            0,
            format!(
                "a symbolic link back to {}, which holds it (a loop); skipped",
                ancestor.display()
            ),
        );
    } else if e.io_error().map(std::io::Error::kind) == Some(std::io::ErrorKind::NotFound)
        && std::fs::symlink_metadata(real).is_ok()
    {
        let to = std::fs::read_link(real).unwrap_or_default();
        diags.warning(
            path,
            0,
            format!(
                "a symbolic link to {}, which does not exist; skipped",
                to.display()
            ),
        );
    } else {
        diags.error(path, 0, format!("cannot read: {e}"));
    }
}

fn shown_path(content: &Path) -> impl Fn(&Path) -> PathBuf + '_ {
    move |p| {
        p.strip_prefix(content)
            .map(|r| Path::new(CONTENT_DIR).join(r))
            .unwrap_or_else(|_| p.to_path_buf())
    }
}

pub(crate) fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || name.starts_with('_') || name.starts_with('#') || name.ends_with('~')
}

pub(crate) fn is_markdown(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "md")
}

pub(crate) fn read_source(content: &Path, rel: &Path) -> Result<Source, Diagnostic> {
    let shown = Path::new(CONTENT_DIR).join(rel);
    let bytes = std::fs::read(content.join(rel))
        .map_err(|e| Diagnostic::error(&shown, 0, format!("cannot read: {e}")))?;
    source_from_bytes(rel, &bytes)
}

/// A source from the bytes of a file at `rel` inside `content/`.
pub fn source_from_bytes(rel: &Path, bytes: &[u8]) -> Result<Source, Diagnostic> {
    let shown = Path::new(CONTENT_DIR).join(rel);
    let text = decode(bytes).map_err(|(line, m)| Diagnostic::error(&shown, line, m))?;
    let (text, warnings) = mend_forbidden(&shown, text);
    if text.trim().is_empty() {
        return Err(Diagnostic::error(&shown, 1, "the file is empty"));
    }
    let kind = if rel.starts_with(PAGES_DIR) {
        SourceKind::Page
    } else {
        SourceKind::Resolution
    };
    let (front_matter, text, first_line) =
        split_front_matter(&text).map_err(|m| Diagnostic::error(&shown, 1, m))?;
    Ok(Source {
        path: shown,
        rel: rel.to_path_buf(),
        kind,
        front_matter,
        text,
        first_line,
        warnings,
    })
}

/// Replaces the characters XML 1.0 forbids (form feed, escape, U+FFFE…)
/// with U+FFFD, one warning per line that had them: left in, they would
/// make the feeds and the Akoma Ntoso twin files no XML parser accepts.
fn mend_forbidden(shown: &Path, text: String) -> (String, Vec<Diagnostic>) {
    if !text.chars().any(crate::text::forbidden_in_xml) {
        return (text, Vec::new());
    }
    let warnings = text
        .split('\n')
        .enumerate()
        .filter_map(|(i, line)| {
            let c = line.chars().find(|&c| crate::text::forbidden_in_xml(c))?;
            Some(Diagnostic::warning(
                shown,
                i + 1,
                format!(
                    "the character {} cannot appear in XML; the site shows U+FFFD (\u{fffd}) in its place",
                    crate::text::codepoint(c)
                ),
            ))
        })
        .collect();
    (crate::text::xml_safe(&text).into_owned(), warnings)
}

/// UTF-8 text with any byte-order mark removed and line endings made `\n`.
/// On failure, the line and a message naming the byte offset.
fn decode(bytes: &[u8]) -> Result<String, (usize, String)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        (line, format!("not valid UTF-8 at byte offset {at}"))
    })?;
    if let Some(at) = text.find('\0') {
        let line = 1 + text[..at].matches('\n').count();
        return Err((
            line,
            format!("binary data (a NUL byte at offset {at}); expected Markdown text"),
        ));
    }
    if !text.contains('\r') {
        return Ok(text.to_string());
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

type Split = (Option<(String, usize)>, String, usize);

/// Splits `---`-delimited YAML front matter from the rest of the text.
fn split_front_matter(text: &str) -> Result<Split, String> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Ok((None, text.to_string(), 1));
    };
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            let yaml = rest[..offset].to_string();
            let body = rest[offset + line.len()..].to_string();
            // Line 1 is the opening `---`, the YAML starts on line 2, and the
            // body on the line after the closing `---` (line i + 2).
            return Ok((Some((yaml, 2)), body, i + 3));
        }
        offset += line.len();
    }
    Err("front matter opened with `---` on line 1 is never closed with `---`".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let (fm, body, first) = split_front_matter("---\ntitle: X\n---\n## 1/2. T\n").unwrap();
        assert_eq!(fm, Some(("title: X\n".to_string(), 2)));
        assert_eq!(body, "## 1/2. T\n");
        assert_eq!(first, 4);
    }

    #[test]
    fn no_front_matter_is_fine() {
        let (fm, body, first) = split_front_matter("## 1/2. T\n").unwrap();
        assert!(fm.is_none());
        assert_eq!((body.as_str(), first), ("## 1/2. T\n", 1));
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(split_front_matter("---\ntitle: X\n## 1/2. T\n").is_err());
    }

    #[test]
    fn bom_and_crlf_simply_work() {
        assert_eq!(
            decode(b"\xEF\xBB\xBF## 1/2.\r\nx\r\n").unwrap(),
            "## 1/2.\nx\n"
        );
    }

    #[test]
    fn invalid_utf8_names_offset_and_line() {
        let (line, msg) = decode(b"ab\ncd\xFFe").unwrap_err();
        assert_eq!(line, 2);
        assert!(msg.contains("byte offset 5"), "{msg}");
    }
}
