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
use crate::kinds::Kind;
use crate::load::{self, Source, SourceKind};
use crate::output::{self, Lock, Staging, NOJEKYLL};
use crate::render::{theme::Theme, Renderer};
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
    /// Overrides `outputs` from the config: the kinds of output to write.
    pub outputs: Option<Vec<String>>,
    /// Include resolutions and pages marked `draft: true`.
    pub drafts: bool,
    /// Render everything but write nothing (for checks).
    pub dry_run: bool,
    /// Called once if another build is writing the same output folder,
    /// before waiting for it to finish.
    pub on_lock_wait: Option<fn(&Path)>,
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
    for w in &config.warnings {
        diags.push(w.clone());
    }
    let output = output_folder(opts, &config);
    // A check writes nothing, so any output folder will do for it.
    if !opts.dry_run {
        if let Err(d) = check_output(opts, &config, &output) {
            diags.push(d);
            return Report::failed(diags);
        }
    }

    let (resolutions, pages) = read_archive(&opts.root, &config, opts.drafts, &mut diags);
    clock.lap("load and parse");
    let theme = match Theme::load(&opts.root, &config, !pages.is_empty()) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return Report::failed(diags);
        }
    };
    let statics: Vec<&str> = theme.statics.keys().map(String::as_str).collect();
    let (site, site_diags) = Site::assemble(&config, resolutions, pages, &statics);
    diags.extend(site_diags);
    if diags.has_errors() {
        return Report::failed(diags);
    }
    clock.lap("assemble");
    let recogniser = Recogniser::new(&config);
    let (links, link_diags) = cite::link(&site, &config, &recogniser);
    diags.extend(link_diags);
    clock.lap("link citations");
    let files = match write_site(opts, &config, &theme, &site, &links, &output) {
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
    if let Some(names) = &opts.outputs {
        config.outputs = crate::kinds::Outputs::named(names.iter().map(String::as_str))
            .map_err(|m| Diagnostic::error("--outputs", 0, m))?;
    }
    Ok(config)
}

/// The folder the site goes to: `--output`, or `output_dir` in the
/// archive.
pub(crate) fn output_folder(opts: &BuildOptions, config: &Config) -> PathBuf {
    opts.output
        .clone()
        .unwrap_or_else(|| opts.root.join(&config.output_dir))
}

/// Refuses an output folder plenary may not replace, naming where it was
/// chosen: `--output` or the config's `output_dir`.
pub(crate) fn check_output(
    opts: &BuildOptions,
    config: &Config,
    output: &Path,
) -> Result<(), Diagnostic> {
    output::check_location(&opts.root, output).map_err(|m| match opts.output {
        Some(_) => Diagnostic::error("--output", 0, m),
        None => Diagnostic::error(CONFIG_FILE, config.line_of("output_dir"), m),
    })
}

/// Takes the output folder's lock, telling `opts.on_lock_wait` if another
/// build holds it.
pub(crate) fn lock_output(opts: &BuildOptions, output: &Path) -> Result<Lock, Diagnostic> {
    Lock::take(output, || {
        if let Some(tell) = opts.on_lock_wait {
            tell(output);
        }
    })
    .map_err(|e| Diagnostic::error(output, 0, format!("cannot lock the output folder: {e}")))
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
    let mut diags = Diagnostics::default();
    for w in &s.warnings {
        diags.push(w.clone());
    }
    let parsed = match s.kind {
        SourceKind::Resolution => {
            let (r, d) = resolution::parse(s, config);
            diags.extend(d);
            r.map(|r| Parsed::Resolution(Arc::new(r)))
        }
        SourceKind::Page => match pages::parse(s) {
            Ok(p) => Some(Parsed::Page(p)),
            Err(e) => {
                diags.push(e);
                None
            }
        },
    };
    (parsed, diags)
}

/// Renders every output into a staging folder and swaps it in; in check
/// mode, renders without writing and verifies the internal links.
fn write_site(
    opts: &BuildOptions,
    config: &Config,
    theme: &Theme,
    site: &Site,
    links: &Links,
    output: &Path,
) -> Result<(usize, Diagnostics), Diagnostic> {
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
    // Held until the new site is in place: a second build waits.
    let (_lock, staging) = if opts.dry_run {
        (None, None)
    } else {
        let lock = lock_output(opts, output)?;
        // Checked again under the lock: another build may have made it.
        check_output(opts, config, output)?;
        (Some(lock), Some(Staging::create(output).map_err(io_error)?))
    };

    // In check mode each page is read for its links instead of written.
    // The search index is built meanwhile: its merge runs on one thread.
    let (rendered, index) = rayon::join(
        || render_all(site, &renderer, staging.as_ref(), io_error),
        || {
            (staging.is_some() && config.outputs.has(Kind::Search))
                .then(|| search::build(config, site))
        },
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
                .map(|p| p.path.clone())
                .filter(|p| !is_html(p)),
        );
        return Ok((files, check::verify(&pages, &other, &config.base_url)));
    };
    let data = statics
        .iter()
        .map(|(name, bytes)| (format!("/{name}"), bytes.as_slice()))
        .chain([(format!("/{NOJEKYLL}"), &b""[..])]);
    for (path, bytes) in data {
        s.write(&checked(&path, output)?, bytes).map_err(io_error)?;
    }
    let index = index.unwrap_or_default();
    index
        .par_iter()
        .try_for_each(|(path, bytes)| s.write(&checked(path, output)?, bytes).map_err(io_error))?;
    // The statics, the index, .nojekyll and the marker.
    files += index.len() + statics.len() + 2;
    s.commit().map_err(io_error)?;
    Ok((files, Diagnostics::default()))
}

/// The file of a generated path; [`Site::assemble`] checked every name a
/// source can make, so a failure here is reported, not expected.
fn checked(site_path: &str, output: &Path) -> Result<output::OutPath, Diagnostic> {
    output::file_for(site_path).map_err(|e| {
        Diagnostic::error(
            output,
            0,
            format!(
                "cannot write `{}`: {e}",
                crate::diagnostics::printable(site_path)
            ),
        )
    })
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
        .map(|p| {
            let bytes = renderer.render(&p.path, &p.output)?;
            match staging {
                Some(s) => s.write(&p.file, &bytes).map(|()| None).map_err(&io_error),
                None if is_html(&p.path) => Ok(Some(PageLinks::read(
                    &p.path,
                    site.source_of(&p.output).map(|(p, _)| p),
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
