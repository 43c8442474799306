//! Themes: Tera templates and static files. The default theme is compiled
//! into the binary so `plenary init` and `plenary build` work anywhere; a
//! `themes/NAME/` folder in the archive replaces it, and the archive's own
//! `templates/` and `static/` folders override single files by name.
//!
//! Every theme template is also registered as `THEME/NAME` (for example
//! `default/resolution.html`), so a site template can extend the one it
//! replaces.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::Tera;
use walkdir::WalkDir;

use super::highlight::Syntect;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::markdown::Highlight;

use super::words::Words;
pub(crate) use crate::load::{SITE_STATIC, SITE_TEMPLATES, SITE_WORDS, THEMES};

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

const DEFAULT_TEMPLATES: &[(&str, &str)] = embedded!(
    "base.html",
    "resolution.html",
    "index.html",
    "list.html",
    "page.html",
    "404.html",
    "redirect.html",
    "macros.html",
    "sitemap.xml",
    "sitemap_index.xml",
    "atom.xml",
    "search.html",
    "subjects.html",
    "topic.html",
    "agenda.html",
    "compare.html",
    "member_states.html",
    "member_state.html",
    "robots.txt",
);

const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "plenary.js",
        include_bytes!("../../themes/default/static/plenary.js"),
    ),
    (
        "search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
    (
        "compare.js",
        include_bytes!("../../themes/default/static/compare.js"),
    ),
];

/// A site's look, loaded once: templates, static files, words, and the code
/// highlighter when the site has pages that may need it.
pub struct Theme {
    pub tera: Tera,
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Its words in each language of the archive.
    pub(crate) words: Words,
    highlighter: Option<Syntect>,
}

impl Theme {
    pub fn load(root: &Path, config: &Config, with_highlighter: bool) -> Result<Theme, Diagnostic> {
        let highlighter = if with_highlighter {
            let s = Syntect::new(&config.highlight_theme).map_err(|m| {
                Diagnostic::error(
                    crate::config::CONFIG_FILE,
                    config.line_of("highlight_theme"),
                    m,
                )
            })?;
            Some(s)
        } else {
            None
        };
        Ok(Theme {
            tera: templates(root, config)?,
            statics: static_files(root, config)?,
            words: Words::load(root, config)?,
            highlighter,
        })
    }

    pub(crate) fn highlighter(&self) -> Option<&(dyn Highlight + Sync)> {
        self.highlighter
            .as_ref()
            .map(|h| h as &(dyn Highlight + Sync))
    }
}

/// A template's text and the file it came from, for diagnostics.
struct Source {
    text: String,
    origin: PathBuf,
}

/// The Tera environment for a site: theme templates, then the site's own.
pub fn templates(root: &Path, config: &Config) -> Result<Tera, Diagnostic> {
    let mut all: BTreeMap<String, Source> = BTreeMap::new();
    for (name, source) in theme_templates(root, config)? {
        all.insert(
            format!("{}/{name}", config.theme),
            Source {
                text: source.text.clone(),
                origin: source.origin.clone(),
            },
        );
        all.insert(name, source);
    }
    let site_dir = root.join(SITE_TEMPLATES);
    for (name, bytes) in read_tree(&site_dir, Path::new(SITE_TEMPLATES))? {
        let origin = Path::new(SITE_TEMPLATES).join(&name);
        let text = String::from_utf8(bytes)
            .map_err(|_| Diagnostic::error(&origin, 0, "template is not valid UTF-8"))?;
        all.insert(name, Source { text, origin });
    }
    let mut tera = Tera::default();
    tera.set_escape_fn(escape_html);
    let origins: BTreeMap<String, PathBuf> = all
        .iter()
        .map(|(n, s)| (n.clone(), s.origin.clone()))
        .collect();
    tera.add_raw_templates(all.into_iter().map(|(n, s)| (n, s.text)))
        .map_err(|e| template_error(&e, &origins))?;
    Ok(tera)
}

/// Static files to copy to the site root: the theme's, then the site's.
pub(crate) fn static_files(
    root: &Path,
    config: &Config,
) -> Result<BTreeMap<String, Vec<u8>>, Diagnostic> {
    let mut files = BTreeMap::new();
    match theme_dir(root, config) {
        Some(dir) => {
            let shown = Path::new(THEMES).join(&config.theme).join("static");
            files.extend(read_tree(&dir.join("static"), &shown)?);
        }
        None => files.extend(
            DEFAULT_STATIC
                .iter()
                .map(|(n, b)| (n.to_string(), b.to_vec())),
        ),
    }
    files.extend(read_tree(&root.join(SITE_STATIC), Path::new(SITE_STATIC))?);
    Ok(files)
}

/// The theme folder in the archive, if it has one for the configured theme.
fn theme_dir(root: &Path, config: &Config) -> Option<PathBuf> {
    let dir = root.join(THEMES).join(&config.theme);
    dir.is_dir().then_some(dir)
}

fn theme_templates(root: &Path, config: &Config) -> Result<Vec<(String, Source)>, Diagnostic> {
    let shown = Path::new(THEMES).join(&config.theme).join("templates");
    if let Some(dir) = theme_dir(root, config) {
        return read_tree(&dir.join("templates"), &shown)?
            .into_iter()
            .map(|(name, bytes)| {
                let origin = shown.join(&name);
                String::from_utf8(bytes)
                    .map(|text| {
                        (
                            name,
                            Source {
                                text,
                                origin: origin.clone(),
                            },
                        )
                    })
                    .map_err(|_| Diagnostic::error(&origin, 0, "template is not valid UTF-8"))
            })
            .collect();
    }
    if config.theme != "default" {
        return Err(Diagnostic::error(
            Path::new(crate::config::CONFIG_FILE),
            config.line_of("theme"),
            format!(
                "theme `{}` not found: there is no {} folder",
                config.theme,
                shown.display()
            ),
        ));
    }
    Ok(DEFAULT_TEMPLATES
        .iter()
        .map(|(name, text)| {
            let source = Source {
                text: text.to_string(),
                origin: shown.join(name),
            };
            (name.to_string(), source)
        })
        .collect())
}

/// Escapes `&`, `<`, `>` and `"`: enough for text and for double-quoted
/// attributes, and unlike Tera's default it leaves `/` in URLs readable.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// Files under `dir` by their `/`-separated path inside it; none if the
/// folder does not exist.
fn read_tree(dir: &Path, shown: &Path) -> Result<BTreeMap<String, Vec<u8>>, Diagnostic> {
    let mut out = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Diagnostic::error(shown, 0, format!("cannot read: {e}")))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = std::fs::read(entry.path())
            .map_err(|e| Diagnostic::error(shown.join(rel), 0, format!("cannot read: {e}")))?;
        out.insert(name, bytes);
    }
    Ok(out)
}

/// Tera's error, with its causes, as a diagnostic on the template's file
/// and line where Tera says which.
fn template_error(e: &tera::Error, origins: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let message = error_chain(e);
    let origin = origins
        .iter()
        .filter(|(name, _)| {
            message.contains(&format!("'{name}'")) || message.contains(&format!("\"{name}\""))
        })
        .max_by_key(|(name, _)| name.len())
        .map(|(_, o)| o.clone())
        .unwrap_or_else(|| PathBuf::from(SITE_TEMPLATES));
    let line = message
        .split("--> ")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    Diagnostic::error(origin, line, message)
}

/// An error and its causes on one line each.
pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
