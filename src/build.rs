//! `plenary build` and `plenary check`: the pipeline ([`crate::pipeline`])
//! run once, and what it did as a [`Report`].

use std::path::PathBuf;
use std::time::Duration;

use crate::cite::{self, Links};
use crate::diagnostics::Diagnostic;
pub use crate::pipeline::BuildOptions;
use crate::pipeline::Pipeline;
use crate::site::Site;

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

    fn failed(diagnostics: Vec<Diagnostic>) -> Report {
        Report {
            diagnostics,
            ..Report::default()
        }
    }
}

/// Builds the site (or, with `dry_run`, checks it). The previous output is
/// replaced only on success.
pub fn build(opts: &BuildOptions) -> Report {
    let (pipeline, outcome) = match Pipeline::once(opts.clone()) {
        Ok(done) => done,
        Err(diags) => return Report::failed(diags),
    };
    let Some((site, links)) = pipeline.site() else {
        return Report::failed(outcome.diagnostics);
    };
    Report {
        resolutions: site.entries.len(),
        pages: site.pages.len(),
        files: outcome.written,
        output: pipeline.output().to_path_buf(),
        citations: links.all().count(),
        external: external_citations(site, links),
        timings: pipeline.timings().to_vec(),
        diagnostics: outcome.diagnostics,
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
