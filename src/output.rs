//! Stage 5: write the site into a staging folder beside the output folder,
//! and swap it in only when every file was written. A failed or killed
//! build leaves the previous site as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Tells GitHub Pages not to run Jekyll over the site; every build writes it.
pub const NOJEKYLL: &str = ".nojekyll";

/// A folder being filled with the next version of the site.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Prepares an empty staging folder for `target`, removing what a killed
    /// build may have left there.
    pub fn create(target: &Path) -> io::Result<Staging> {
        let dir = staging_path(target)?;
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` at `rel` inside the staging folder.
    pub fn write(&self, rel: &Path, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    }

    /// Puts the staged site in place of the target.
    pub fn commit(mut self) -> io::Result<()> {
        swap_in(&self.dir, &self.target)?;
        self.committed = true;
        // After the swap the staging path holds the previous site, if any.
        if self.dir.exists() {
            fs::remove_dir_all(&self.dir)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes one file of a live site: into a temporary name first, then
/// renamed over the old file, so a reader never sees half of it.
pub fn replace_file(dir: &Path, rel: &Path, bytes: &[u8]) -> io::Result<()> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.plenary-tmp"));
    fs::write(&temp, bytes)?;
    fs::rename(&temp, &path)
}

/// Removes one file of a live site, and the folders it leaves empty.
pub fn remove_file(dir: &Path, rel: &Path) -> io::Result<()> {
    let path = dir.join(rel);
    match fs::remove_file(&path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let mut parent = path.parent();
    while let Some(p) = parent.filter(|p| *p != dir && p.starts_with(dir)) {
        if fs::remove_dir(p).is_err() {
            break; // not empty
        }
        parent = p.parent();
    }
    Ok(())
}

/// `public` is staged in `.public.staging` beside it, on the same file
/// system, so the final rename is atomic.
fn staging_path(target: &Path) -> io::Result<PathBuf> {
    let name = target.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "the output folder needs a name",
        )
    })?;
    let parent = target.parent().unwrap_or(Path::new(""));
    Ok(parent.join(format!(".{}.staging", name.to_string_lossy())))
}

/// Exchanges the two folders in one step where the system allows it, so
/// there is no moment without a site.
#[cfg(target_os = "linux")]
fn swap_in(staged: &Path, target: &Path) -> io::Result<()> {
    use nix::fcntl::{renameat2, RenameFlags, AT_FDCWD};
    if target.exists() {
        renameat2(
            AT_FDCWD,
            staged,
            AT_FDCWD,
            target,
            RenameFlags::RENAME_EXCHANGE,
        )
        .or_else(|_| swap_in_two_steps(staged, target))
    } else {
        fs::rename(staged, target)
    }
}

#[cfg(not(target_os = "linux"))]
fn swap_in(staged: &Path, target: &Path) -> io::Result<()> {
    if target.exists() {
        swap_in_two_steps(staged, target)
    } else {
        fs::rename(staged, target)
    }
}

/// Where an atomic exchange is not available: move the old site aside,
/// then the new one in. The old one ends at the staging path for removal.
fn swap_in_two_steps(staged: &Path, target: &Path) -> io::Result<()> {
    let aside = staged.with_extension("old");
    if aside.exists() {
        fs::remove_dir_all(&aside)?;
    }
    fs::rename(target, &aside)?;
    if let Err(e) = fs::rename(staged, target) {
        let _ = fs::rename(&aside, target);
        return Err(e);
    }
    fs::rename(&aside, staged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_the_old_site_and_leaves_no_staging() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        fs::create_dir_all(&target).unwrap();
        fs::write(target.join("old.html"), "old").unwrap();
        let s = Staging::create(&target).unwrap();
        s.write(Path::new("a/index.html"), b"new").unwrap();
        s.commit().unwrap();
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).unwrap(),
            "new"
        );
        assert!(!target.join("old.html").exists());
        assert!(!tmp.path().join(".public.staging").exists());
    }

    #[test]
    fn dropping_without_commit_keeps_the_old_site() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        fs::create_dir_all(&target).unwrap();
        fs::write(target.join("old.html"), "old").unwrap();
        {
            let s = Staging::create(&target).unwrap();
            s.write(Path::new("new.html"), b"new").unwrap();
        }
        assert!(target.join("old.html").exists());
        assert!(!target.join("new.html").exists());
        assert!(!tmp.path().join(".public.staging").exists());
    }
}
