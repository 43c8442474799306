//! Which folder plenary may replace with a site, and one build at a time.
//!
//! A build replaces its output folder whole, so the folder must be
//! plenary's alone: not the archive or any folder of its sources, and
//! either missing, empty, or marked by an earlier build with `MARKER`.
//! Anything else is refused before a file is touched, with a message that
//! says which folder and what to do.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Component, Path, PathBuf};

/// Written into every site: the proof that plenary made the folder, and
/// may replace it.
pub(crate) const MARKER: &str = ".plenary-site";
pub(crate) const MARKER_TEXT: &[u8] =
    b"This folder is a site written by plenary. The next build replaces it whole:\nkeep nothing else in it.\n";

/// The archive's folders of sources, which a site may neither be, hold,
/// nor lie inside.
const SOURCE_FOLDERS: [&str; 4] = ["content", "templates", "static", "themes"];

/// How many of a foreign folder's entries a refusal names.
const SHOWN: usize = 3;

/// Refuses an output folder that would replace or swallow the archive,
/// or that holds what plenary did not write. The message says what to do.
pub(crate) fn check_location(root: &Path, output: &Path) -> Result<(), String> {
    let out = resolved(output);
    let root = resolved(root);
    if let Ok(meta) = fs::symlink_metadata(output) {
        if meta.file_type().is_symlink() {
            return Err(format!(
                "{} is a symbolic link (to {}); give the folder itself as the output",
                output.display(),
                out.display()
            ));
        }
        if !meta.is_dir() {
            return Err(format!(
                "{} is a file, not a folder; the site needs a folder of its own (move the file or choose another output)",
                output.display()
            ));
        }
    }
    if root.starts_with(&out) {
        return Err(format!(
            "{} holds the archive itself ({}); the site needs a folder of its own, such as `public`",
            output.display(),
            root.display()
        ));
    }
    for name in SOURCE_FOLDERS {
        let sources = resolved(&root.join(name));
        if out.starts_with(&sources) {
            let place = if out == sources { "is" } else { "is inside" };
            return Err(format!(
                "{} {place} the archive's `{name}` folder; a build replaces its output whole, so it must be a folder of its own, such as `public`",
                output.display()
            ));
        }
    }
    replaceable(output)
}

/// A folder plenary may delete and replace: missing, empty, or marked.
pub(crate) fn replaceable(folder: &Path) -> Result<(), String> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("cannot read {}: {e}", folder.display())),
    };
    if fs::symlink_metadata(folder.join(MARKER)).is_ok_and(|m| m.is_file()) {
        return Ok(());
    }
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                format!("{name}/")
            } else {
                name
            }
        })
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let more = names.len().saturating_sub(SHOWN);
    names.truncate(SHOWN);
    let mut list = names.join(", ");
    if more > 0 {
        list.push_str(&format!(" and {more} more"));
    }
    Err(format!(
        "{} holds files plenary did not write ({list}) and has no {MARKER} marker; a build would replace them all. Move them elsewhere or choose another output folder (a site built by an earlier plenary: delete the folder once)",
        folder.display()
    ))
}

/// The absolute form of `path` with the symbolic links of the part that
/// exists resolved and `.`/`..` applied to the rest, so two spellings of
/// one folder compare equal.
pub(crate) fn resolved(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    let base = loop {
        if let Ok(real) = fs::canonicalize(existing) {
            break real;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => break PathBuf::from("/"),
        }
    };
    let mut out = base;
    for c in rest.into_iter().rev() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
            _ => {}
        }
    }
    out
}

/// Held while a build writes its output folder: a second build of the
/// same folder waits for it (`.public.lock`, beside the folder, kept).
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

impl Lock {
    /// Takes the lock on `output`, calling `on_wait` once if another
    /// build holds it, then waiting.
    pub fn take(output: &Path, on_wait: impl FnOnce()) -> io::Result<Lock> {
        let path = beside(output, "lock")?;
        // `--output new/site`: the folders above it are made, as a build
        // always did.
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                on_wait();
                file.lock()?;
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
        Ok(Lock { _file: file })
    }
}

/// `.public.KIND` beside `public`, on the same file system.
pub(crate) fn beside(target: &Path, kind: &str) -> io::Result<PathBuf> {
    let name = target.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "the output folder needs a name",
        )
    })?;
    let parent = target.parent().unwrap_or(Path::new(""));
    Ok(parent.join(format!(".{}.{kind}", name.to_string_lossy())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_missing_empty_or_marked_folders_are_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        assert!(replaceable(&out).is_ok());
        fs::create_dir(&out).unwrap();
        assert!(replaceable(&out).is_ok());
        fs::write(out.join("thesis.docx"), "years").unwrap();
        fs::create_dir(out.join("drafts")).unwrap();
        let e = replaceable(&out).unwrap_err();
        assert!(e.contains("drafts/, thesis.docx"), "{e}");
        fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        assert!(replaceable(&out).is_ok());
    }

    #[test]
    fn spellings_of_one_folder_resolve_alike() {
        let tmp = tempfile::tempdir().unwrap();
        let a = resolved(&tmp.path().join("x/../content/ga"));
        assert_eq!(a, resolved(tmp.path()).join("content/ga"));
    }
}
