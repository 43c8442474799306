//! Stage 5: where rendered files go. Each file is handed over as soon as
//! it is rendered, so a large site is never held in memory whole.

use rayon::prelude::*;
use std::collections::HashSet;
use std::io;
use std::path::PathBuf;
use std::sync::Mutex;

use crate::check::{self, PageLinks};
use crate::diagnostics::Diagnostics;
use crate::output::{self, OutPath, Staging};

pub(super) enum Sink {
    /// A whole new site in a staging folder, swapped in at the end.
    Staging(Staging),
    /// Files replaced in the live site (a rebuild while serving or
    /// watching): held until every file rendered, so a failed rebuild
    /// leaves the site as it was, then each written whole.
    Live(PathBuf, Mutex<Vec<(OutPath, Vec<u8>)>>),
    /// Nothing written: each page's links are read, for `plenary check`.
    Check(Mutex<Vec<PageLinks>>),
}

/// A file for the sink: its site path, where it goes, and the source it
/// is made from (for messages about its links).
pub(super) struct File<'a> {
    pub path: &'a str,
    pub file: &'a OutPath,
    pub source: Option<PathBuf>,
}

impl Sink {
    pub fn put(&self, f: File, bytes: &[u8]) -> io::Result<()> {
        match self {
            Sink::Staging(s) => s.write(f.file, bytes),
            Sink::Live(_, held) => {
                if let Ok(mut held) = held.lock() {
                    held.push((f.file.clone(), bytes.to_vec()));
                }
                Ok(())
            }
            Sink::Check(pages) => {
                if is_html(f.path) {
                    let links = PageLinks::read(f.path, f.source, &String::from_utf8_lossy(bytes));
                    if let Ok(mut pages) = pages.lock() {
                        pages.push(links);
                    }
                }
                Ok(())
            }
        }
    }

    /// Ends the build: the staged site swapped in, the files no output
    /// makes any more removed from a live one, or the links checked
    /// against `files()` (the site paths of what is not a page) with
    /// `base_url`.
    pub fn finish(
        self,
        gone: &[&OutPath],
        files: impl FnOnce() -> HashSet<String>,
        base_url: &str,
    ) -> io::Result<Diagnostics> {
        match self {
            Sink::Staging(s) => s.commit().map(|()| Diagnostics::default()),
            Sink::Live(dir, held) => {
                // Each file is replaced whole, so they may go in any order.
                let held = held.into_inner().unwrap_or_default();
                held.par_iter()
                    .try_for_each(|(file, bytes)| output::replace_file(&dir, file, bytes))?;
                for file in gone {
                    output::remove_file(&dir, file)?;
                }
                Ok(Diagnostics::default())
            }
            Sink::Check(pages) => {
                let mut pages = pages.into_inner().unwrap_or_default();
                // Rendered in parallel; reported in site order.
                pages.sort_by(|a, b| a.path.cmp(&b.path));
                Ok(check::verify(&pages, &files(), base_url))
            }
        }
    }

    pub fn writes(&self) -> bool {
        !matches!(self, Sink::Check(_))
    }
}

pub(super) fn is_html(site_path: &str) -> bool {
    site_path.ends_with('/') || site_path.ends_with(".html")
}
