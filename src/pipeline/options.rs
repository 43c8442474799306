//! What every run of the pipeline is given, and where its site goes: the
//! options of `build`, `check`, `serve` and `watch`, the configuration they
//! read, and the output folder's checks and lock.

use std::path::{Path, PathBuf};

use crate::config::{Config, Outputs, CONFIG_FILE};
use crate::diagnostics::Diagnostic;
use crate::output::{self, Lock};

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

pub(crate) fn configure(opts: &BuildOptions) -> Result<Config, Diagnostic> {
    let mut config = Config::load(&opts.root)?;
    if let Some(url) = &opts.base_url {
        config
            .set_base_url(url)
            .map_err(|m| Diagnostic::error("--base-url", 0, m))?;
    }
    match &opts.outputs {
        Some(names) => {
            config.outputs = Outputs::Named(names.clone());
            crate::kinds::check(&config.outputs)
                .map_err(|m| Diagnostic::error("--outputs", 0, m))?;
        }
        None => crate::kinds::check(&config.outputs)
            .map_err(|m| Diagnostic::error(CONFIG_FILE, config.line_of("outputs"), m))?,
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
