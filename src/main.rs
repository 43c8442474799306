//! The command line: arguments in, diagnostics and an exit code out. All
//! the work is in the library.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

use plenary::build::{build, BuildOptions, Report};
use plenary::scaffold;

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
        /// Include resolutions and pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Print how long each stage took
        #[arg(long)]
        timings: bool,
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
    /// Create a new archive with a config.yaml and one sample resolution
    Init {
        /// The folder to create (must be empty or absent)
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            timings,
        } => {
            let report = build(&BuildOptions {
                root,
                output,
                base_url,
                drafts,
                dry_run: false,
            });
            if timings {
                print_timings(&report);
            }
            finish(&report)
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
                drafts,
                dry_run: true,
            });
            check_summary(&report, verbose)
        }
        Command::Init { dir } => match scaffold::init(&dir) {
            Ok(()) => {
                println!(
                    "Created an archive in {}. Next: plenary build --root {}",
                    dir.display(),
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
    }
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
            "Built {} resolutions and {} pages into {} ({} files, {} warnings)",
            report.resolutions,
            report.pages,
            report.output.display(),
            report.files,
            warnings
        );
        ExitCode::SUCCESS
    } else {
        let errors = report.diagnostics.len() - warnings;
        eprintln!("Build failed with {errors} errors and {warnings} warnings; the previous site was left as it was.");
        ExitCode::FAILURE
    }
}
