//! The pipeline: config → load → parse → assemble → render → write.

use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::check::{self, PageLinks};
use crate::cite::{self, Links, Recogniser};
use crate::config::{Config, CONFIG_FILE};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{self, Source, SourceKind, CONTENT_DIR};
use crate::output::{Staging, NOJEKYLL};
use crate::render::{self, theme::Theme, Renderer};
use crate::resolution::{self, Resolution};
use crate::search;
use crate::site::{pages, Page, Site};

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The archive: holds `config.yaml` and `content/`.
    pub root: PathBuf,
    /// Overrides `output_dir` from the config (relative to the current
    /// folder, like any command-line path).
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    /// Include resolutions and pages marked `draft: true`.
    pub drafts: bool,
    /// Render everything but write nothing (for checks).
    pub dry_run: bool,
}

#[derive(Debug, Default)]
pub struct Report {
    /// Sorted; errors and warnings together.
    pub diagnostics: Vec<Diagnostic>,
    pub resolutions: usize,
    pub pages: usize,
    pub files: usize,
    pub output: PathBuf,
    /// Citations found, and those of resolutions outside the archive
    /// (`A/RES/76/10 cites S/RES/242 (1967)`).
    pub citations: usize,
    pub external: Vec<String>,
    /// How long each stage took.
    pub timings: Vec<(&'static str, Duration)>,
}

impl Report {
    pub fn succeeded(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }

    fn failed(diags: Diagnostics) -> Report {
        Report {
            diagnostics: diags.into_sorted(),
            ..Report::default()
        }
    }
}

/// Builds the site. The previous output is replaced only on success.
pub fn build(opts: &BuildOptions) -> Report {
    let mut diags = Diagnostics::default();
    let mut clock = Clock::start();
    let config = match configure(opts) {
        Ok(c) => c,
        Err(d) => {
            diags.push(d);
            return Report::failed(diags);
        }
    };
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join(&config.output_dir));
    if let Err(d) = check_output_location(&opts.root, &output) {
        diags.push(d);
        return Report::failed(diags);
    }

    let (resolutions, pages) = read_archive(&opts.root, &config, opts.drafts, &mut diags);
    clock.lap("load and parse");
    let (site, site_diags) = Site::assemble(&config, resolutions, pages);
    diags.extend(site_diags);
    if diags.has_errors() {
        return Report::failed(diags);
    }
    clock.lap("assemble");
    let recogniser = Recogniser::new(&config);
    let (links, link_diags) = cite::link(&site, &config, &recogniser);
    diags.extend(link_diags);
    clock.lap("link citations");
    let files = match write_site(opts, &config, &site, &links, &output) {
        Ok((n, check_diags)) => {
            diags.extend(check_diags);
            n
        }
        Err(d) => {
            diags.push(d);
            return Report::failed(diags);
        }
    };
    clock.lap(if opts.dry_run {
        "render and check"
    } else {
        "render and write"
    });
    Report {
        diagnostics: diags.into_sorted(),
        resolutions: site.entries.len(),
        pages: site.pages.len(),
        files,
        output,
        citations: links.all().count(),
        external: external_citations(&site, &links),
        timings: clock.laps,
    }
}

/// Stage timings, for `--timings`.
struct Clock {
    last: Instant,
    laps: Vec<(&'static str, Duration)>,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps.push((stage, now - self.last));
        self.last = now;
    }
}

/// `A/RES/76/10 cites S/RES/242 (1967)`, for each citation of a resolution
/// the archive does not hold.
fn external_citations(site: &Site, links: &Links) -> Vec<String> {
    links
        .all()
        .filter(|c| c.to.is_none() && c.kind == cite::Kind::Resolution)
        .map(|c| {
            let from = site
                .entries
                .get(c.from)
                .map_or("", |e| e.resolution.meta.symbol.as_str());
            format!("{from} cites {}", c.symbol)
        })
        .collect()
}

pub(crate) fn configure(opts: &BuildOptions) -> Result<Config, Diagnostic> {
    let mut config = Config::load(&opts.root)?;
    if let Some(url) = &opts.base_url {
        config
            .set_base_url(url)
            .map_err(|m| Diagnostic::error("--base-url", 0, m))?;
    }
    Ok(config)
}

/// Refuses an output folder that would swallow the archive itself.
pub(crate) fn check_output_location(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let out = match (output.parent(), output.file_name()) {
        (Some(parent), Some(name)) => std::fs::canonicalize(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        })
        .map(|p| p.join(name))
        .unwrap_or_else(|_| output.to_path_buf()),
        _ => output.to_path_buf(),
    };
    if root.starts_with(&out) || out.join(CONFIG_FILE).exists() || out.join(CONTENT_DIR).is_dir() {
        return Err(Diagnostic::error(
            output,
            0,
            "refusing to use this folder for output: it holds the archive's sources, and the build replaces the whole output folder",
        ));
    }
    Ok(())
}

/// Loads and parses every source, in parallel; order is kept.
fn read_archive(
    root: &Path,
    config: &Config,
    drafts: bool,
    diags: &mut Diagnostics,
) -> (Vec<Arc<Resolution>>, Vec<Page>) {
    let (parsed, load_diags) = load::load_with(root, |s| parse_source(&s, config));
    diags.extend(load_diags);
    let mut resolutions = Vec::new();
    let mut pages = Vec::new();
    for (item, d) in parsed {
        diags.extend(d);
        if let Some(p) = item {
            p.sort_into(drafts, &mut resolutions, &mut pages);
        }
    }
    (resolutions, pages)
}

/// A source file, parsed.
#[derive(Debug, Clone)]
pub enum Parsed {
    Resolution(Arc<Resolution>),
    Page(Page),
}

impl Parsed {
    /// Adds the item to the resolutions or pages of the site, unless it is
    /// a draft and drafts are not wanted.
    pub fn sort_into(
        self,
        drafts: bool,
        resolutions: &mut Vec<Arc<Resolution>>,
        pages: &mut Vec<Page>,
    ) {
        match self {
            Parsed::Resolution(r) if drafts || !r.meta.draft => resolutions.push(r),
            Parsed::Page(p) if drafts || !p.draft => pages.push(p),
            _ => {}
        }
    }
}

/// Parses one source as a resolution or a page.
pub fn parse_source(s: &Source, config: &Config) -> (Option<Parsed>, Diagnostics) {
    match s.kind {
        SourceKind::Resolution => {
            let (r, d) = resolution::parse(s, config);
            (r.map(|r| Parsed::Resolution(Arc::new(r))), d)
        }
        SourceKind::Page => match pages::parse(s) {
            Ok(p) => (Some(Parsed::Page(p)), Diagnostics::default()),
            Err(e) => {
                let mut d = Diagnostics::default();
                d.push(e);
                (None, d)
            }
        },
    }
}

/// Renders every output into a staging folder and swaps it in; in check
/// mode, renders without writing and verifies the internal links.
fn write_site(
    opts: &BuildOptions,
    config: &Config,
    site: &Site,
    links: &Links,
    output: &Path,
) -> Result<(usize, Diagnostics), Diagnostic> {
    let theme = Theme::load(&opts.root, config, !site.pages.is_empty())?;
    let statics = &theme.statics;
    let renderer = Renderer::new(
        &theme.tera,
        &opts.root,
        config,
        site,
        links,
        theme.highlighter(),
    )?;
    let io_error =
        |e: std::io::Error| Diagnostic::error(output, 0, format!("cannot write the site: {e}"));
    let staging = if opts.dry_run {
        None
    } else {
        Some(Staging::create(output).map_err(io_error)?)
    };

    // In check mode each page is read for its links instead of written.
    // The search index is built meanwhile: its merge runs on one thread.
    let (rendered, index) = rayon::join(
        || render_all(site, &renderer, staging.as_ref(), io_error),
        || staging.is_some().then(|| search::build(config, site)),
    );
    // Report the first failure in output order, so messages are stable.
    let pages: Vec<PageLinks> = rendered
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect();

    let mut files = site.outputs.len();
    let Some(s) = staging else {
        let mut other: HashSet<String> = statics.keys().map(|k| format!("/{k}")).collect();
        other.extend(
            site.outputs
                .iter()
                .map(|(p, _)| p.clone())
                .filter(|p| !is_html(p)),
        );
        return Ok((files, check::verify(&pages, &other, &config.base_url)));
    };
    for (name, bytes) in statics {
        s.write(Path::new(name), bytes).map_err(io_error)?;
    }
    let index = index.unwrap_or_default();
    index
        .par_iter()
        .try_for_each(|(path, bytes)| s.write(&render::file_for(path), bytes))
        .map_err(io_error)?;
    files += index.len();
    s.write(Path::new(NOJEKYLL), b"").map_err(io_error)?;
    files += statics.len() + 1;
    s.commit().map_err(io_error)?;
    Ok((files, Diagnostics::default()))
}

/// Renders every output; writes each into `staging`, or in check mode
/// reads each page's links instead.
fn render_all(
    site: &Site,
    renderer: &Renderer,
    staging: Option<&Staging>,
    io_error: impl Fn(std::io::Error) -> Diagnostic + Sync,
) -> Vec<Result<Option<PageLinks>, Diagnostic>> {
    site.outputs
        .par_iter()
        .map(|(path, out)| {
            let bytes = renderer.render(path, out)?;
            match staging {
                Some(s) => s
                    .write(&render::file_for(path), &bytes)
                    .map(|()| None)
                    .map_err(&io_error),
                None if is_html(path) => Ok(Some(PageLinks::read(
                    path,
                    site.source_of(out).map(|(p, _)| p),
                    &String::from_utf8_lossy(&bytes),
                ))),
                None => Ok(None),
            }
        })
        .collect()
}

fn is_html(site_path: &str) -> bool {
    site_path.ends_with('/') || site_path.ends_with(".html")
}
