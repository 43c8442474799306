//! The command line: arguments in, diagnostics and an exit code out. All
//! the work is in the library.

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use plenary::build::{build, BuildOptions, Report};
use plenary::diagnostics::Diagnostic;
use plenary::pipeline::Outcome;
use plenary::scaffold;
use plenary::serve::{self, ServeOptions};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

// jemalloc: a quarter faster than glibc's allocator on a 10,000-resolution
// build and less memory held (bench/run.sh); mimalloc was no faster here.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[derive(Parser)]
#[command(
    name = "plenary",
    version,
    about = "Publish an archive of resolutions as a static site"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default)
    Build {
        /// The archive folder, holding config.yaml and content/
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: output_dir from config.yaml)
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The address the site is published at, e.g. https://user.github.io/archive/
        #[arg(long)]
        base_url: Option<String>,
        /// The kinds of output to write, e.g. html,akn (default: `outputs`
        /// in config.yaml, or all)
        #[arg(long, value_delimiter = ',')]
        outputs: Option<Vec<String>>,
        /// Include resolutions and pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Print how long each stage took
        #[arg(long)]
        timings: bool,
        /// Keep running, and rebuild what changed whenever a source changes
        #[arg(long)]
        watch: bool,
    },
    /// Serve the site locally, rebuild on every change and reload the browser
    Serve {
        /// The archive folder, holding config.yaml and content/
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on (0 picks a free one)
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; the default keeps the preview on this machine
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
        /// Include resolutions and pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Write the preview here instead of a temporary folder
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Build without writing, and check every internal link and citation;
    /// exits non-zero on errors, for use in CI
    Check {
        /// The archive folder, holding config.yaml and content/
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address the site is published at
        #[arg(long)]
        base_url: Option<String>,
        /// Include resolutions and pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// List every citation of a resolution outside the archive
        #[arg(long, short)]
        verbose: bool,
    },
    /// Convert documents from another format into resolution sources
    Import {
        #[command(subcommand)]
        format: ImportFormat,
    },
    /// Create a new archive: config.yaml, one sample resolution and a GitHub Pages workflow
    Init {
        /// The folder to create (must be empty or absent)
        dir: PathBuf,
        /// The git repository of plenary that the workflow installs
        #[arg(long, value_name = "URL")]
        plenary_git: Option<String>,
    },
}

#[derive(Subcommand)]
enum ImportFormat {
    /// Akoma Ntoso XML as the UN publishes it (AKN4UN)
    Akn {
        /// XML files, or folders to search for them
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The archive folder, whose config.yaml names the bodies
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The content folder to write into (default: content/ in the archive)
        #[arg(long)]
        into: Option<PathBuf>,
        /// Replace sources that already exist
        #[arg(long)]
        replace: bool,
        /// The UN's data_extract file (one JSON object a line): fills in
        /// the committee, and what else of the record of adoption the XML
        /// lacks; warns where its vote differs from the XML's
        #[arg(long, value_name = "FILE")]
        votes: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build {
            root,
            output,
            base_url,
            outputs,
            drafts,
            timings,
            watch,
        } => {
            let opts = BuildOptions {
                root,
                output,
                base_url,
                outputs,
                drafts,
                dry_run: false,
                on_lock_wait: Some(say_waiting),
            };
            if watch {
                return stay(serve::watch_build(opts, rebuild_printer()));
            }
            let report = build(&opts);
            if timings {
                print_timings(&report);
            }
            finish(&report)
        }
        Command::Serve {
            root,
            port,
            bind,
            open,
            drafts,
            output,
        } => {
            let opts = ServeOptions {
                root,
                bind,
                port,
                drafts,
                output,
                on_lock_wait: Some(say_waiting),
            };
            let ready = move |url: &str| {
                println!("Serving the site at {url} (Ctrl+C to stop)");
                if open {
                    let _ = open::that_detached(url);
                }
            };
            stay(serve::serve(opts, ready, rebuild_printer()))
        }
        Command::Check {
            root,
            base_url,
            drafts,
            verbose,
        } => {
            let report = build(&BuildOptions {
                root,
                output: None,
                base_url,
                outputs: None,
                drafts,
                dry_run: true,
                on_lock_wait: None,
            });
            check_summary(&report, verbose)
        }
        Command::Import {
            format:
                ImportFormat::Akn {
                    paths,
                    root,
                    into,
                    replace,
                    votes,
                },
        } => {
            let config = match plenary::config::Config::load(&root) {
                Ok(c) => c,
                Err(d) => {
                    eprintln!("{d}");
                    return ExitCode::FAILURE;
                }
            };
            let into = into.unwrap_or_else(|| root.join("content"));
            let extract = match votes.as_deref().map(plenary::akn::extract::Extract::read) {
                Some(Ok(x)) => Some(x),
                Some(Err(d)) => {
                    eprintln!("{d}");
                    return ExitCode::FAILURE;
                }
                None => None,
            };
            let report = plenary::akn::import::import_with(
                &paths,
                &into,
                replace,
                &config,
                extract.as_ref(),
            );
            for f in &report.written {
                println!("wrote {}", f.display());
            }
            for f in &report.kept {
                println!(
                    "kept {} (already there; --replace to overwrite)",
                    f.display()
                );
            }
            for d in report.warnings.iter().chain(&report.errors) {
                eprintln!("{d}");
            }
            if report.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Command::Init { dir, plenary_git } => match scaffold::init(&dir, plenary_git.as_deref()) {
            Ok(()) => {
                println!(
                    "Created an archive in {0}. Next: plenary serve --root {0} to look at it.",
                    dir.display()
                );
                if plenary_git.is_none() {
                    println!(
                        "To publish it on GitHub Pages, set PLENARY_GIT in {}/.github/workflows/pages.yml (or run init with --plenary-git URL).",
                        dir.display()
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
    }
}

/// Told when another build holds the output folder, as cargo does.
fn say_waiting(output: &Path) {
    eprintln!(
        "Blocking: another plenary build is writing {}; waiting for it to finish",
        output.display()
    );
}

/// Exit status of a long-running command.
fn stay(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints one line per rebuild, with the warnings not shown before (a
/// large archive's standing warnings would otherwise bury the news).
fn rebuild_printer() -> serve::OnBuild {
    let shown: Mutex<HashSet<String>> = Mutex::new(HashSet::new());
    Arc::new(
        move |result: &Result<Outcome, Vec<Diagnostic>>| match result {
            Ok(outcome) => {
                let mut shown = shown.lock().unwrap_or_else(|e| e.into_inner());
                let current: HashSet<String> =
                    outcome.diagnostics.iter().map(|d| d.to_string()).collect();
                for d in current.difference(&shown) {
                    eprintln!("{d}");
                }
                *shown = current;
                println!(
                    "Rebuilt: {} written, {} removed, {}",
                    counted(&[(outcome.written, "file")]),
                    outcome.removed,
                    counted(&[(outcome.diagnostics.len(), "warning")])
                );
            }
            Err(diags) => {
                for d in diags {
                    eprintln!("{d}");
                }
                eprintln!("Build failed; the last good site stays in place.");
            }
        },
    )
}

fn print_timings(report: &Report) {
    let total: f64 = report.timings.iter().map(|(_, d)| d.as_secs_f64()).sum();
    for (stage, d) in &report.timings {
        let share = if total > 0.0 {
            d.as_secs_f64() / total * 100.0
        } else {
            0.0
        };
        println!(
            "{stage:>18}: {:8.1} ms  {share:5.1}%",
            d.as_secs_f64() * 1000.0
        );
    }
}

fn check_summary(report: &Report, verbose: bool) -> ExitCode {
    for d in &report.diagnostics {
        eprintln!("{d}");
    }
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = report.diagnostics.len() - errors;
    println!(
        "Checked {} resolutions and {} pages: {} citations, {} of them of resolutions outside the archive",
        report.resolutions,
        report.pages,
        report.citations,
        report.external.len()
    );
    if verbose {
        for e in &report.external {
            println!("  {e}");
        }
    }
    println!("{errors} errors, {warnings} warnings");
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn finish(report: &Report) -> ExitCode {
    for d in &report.diagnostics {
        eprintln!("{d}");
    }
    let warnings = report.diagnostics.iter().filter(|d| !d.is_error()).count();
    if report.succeeded() {
        println!(
            "Built {} into {} ({}, {})",
            counted(&[(report.resolutions, "resolution"), (report.pages, "page")]),
            report.output.display(),
            counted(&[(report.files, "file")]),
            counted(&[(warnings, "warning")])
        );
        ExitCode::SUCCESS
    } else {
        let errors = report.diagnostics.len() - warnings;
        eprintln!(
            "Build failed with {}; the previous site was left as it was.",
            counted(&[(errors, "error"), (warnings, "warning")])
        );
        ExitCode::FAILURE
    }
}

/// `1 error and 2 warnings`.
fn counted(items: &[(usize, &str)]) -> String {
    let words: Vec<String> = items
        .iter()
        .map(|&(n, what)| format!("{n} {what}{}", if n == 1 { "" } else { "s" }))
        .collect();
    words.join(" and ")
}
