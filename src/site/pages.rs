//! Ordinary pages (`content/pages/about.md` → `/about/`): plain Markdown
//! with optional front matter, for the text around the archive.

use serde::Deserialize;
use std::path::{Component, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::load::{Source, PAGES_DIR};
use crate::markdown;
use crate::urls::slug;
use crate::yaml;

#[derive(Debug, Clone)]
pub struct Page {
    pub source: PathBuf,
    /// Site path (`/about/`).
    pub path: String,
    pub title: String,
    pub markdown: String,
    pub draft: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFrontMatter {
    title: Option<String>,
    #[serde(default)]
    draft: bool,
}

pub fn parse(source: &Source) -> Result<Page, Diagnostic> {
    let fm: PageFrontMatter = match &source.front_matter {
        Some((text, line)) if !text.trim().is_empty() => yaml::parse(text, &source.path, *line)?,
        _ => PageFrontMatter::default(),
    };
    let segments: Vec<String> = source
        .rel
        .with_extension("")
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(slug(&s.to_string_lossy())),
            _ => None,
        })
        .skip(1) // the `pages` folder itself
        .collect();
    if segments.iter().any(String::is_empty) {
        return Err(Diagnostic::error(
            &source.path,
            0,
            format!(
                "page file names under `content/{PAGES_DIR}` need letters or digits, for the URL"
            ),
        ));
    }
    let title = fm
        .title
        .or_else(|| first_heading(&source.text))
        .unwrap_or_else(|| segments.last().cloned().unwrap_or_default());
    Ok(Page {
        source: source.path.clone(),
        path: format!("/{}/", segments.join("/")),
        title,
        markdown: source.text.clone(),
        draft: fm.draft,
    })
}

/// The text of a leading `# Title` line.
fn first_heading(md: &str) -> Option<String> {
    let line = md.lines().find(|l| !l.trim().is_empty())?;
    let title = line.strip_prefix("# ")?;
    Some(markdown::plain_text(title))
}
