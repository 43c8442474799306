//! The site is written into a staging folder beside the output folder,
//! and swapped in only when every file was written. A failed or killed
//! build leaves the previous site as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::folder::{beside, replaceable, MARKER, MARKER_TEXT};
use super::path::OutPath;

/// A folder being filled with the next version of the site.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Prepares an empty staging folder for `target`, marked as plenary's,
    /// removing what a killed build may have left there (and nothing that
    /// is not plenary's). The caller holds the target's [`super::Lock`].
    pub fn create(target: &Path) -> io::Result<Staging> {
        let dir = beside(target, "staging")?;
        remove_ours(&dir)?;
        fs::create_dir_all(&dir)?;
        fs::write(dir.join(MARKER), MARKER_TEXT)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` at `file` inside the staging folder.
    pub fn write(&self, file: &OutPath, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(file.as_path());
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    }

    /// Puts the staged site in place of the target.
    pub(crate) fn commit(mut self) -> io::Result<()> {
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
pub(crate) fn replace_file(dir: &Path, file: &OutPath, bytes: &[u8]) -> io::Result<()> {
    let path = dir.join(file.as_path());
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
pub fn remove_file(dir: &Path, file: &OutPath) -> io::Result<()> {
    let path = dir.join(file.as_path());
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

/// Removes a folder a build left, if it is plenary's (marked, or empty);
/// anything else at that name is an error, never deleted.
fn remove_ours(dir: &Path) -> io::Result<()> {
    match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
        Ok(m) if !m.is_dir() => {
            return Err(io::Error::other(format!(
                "{} is in the way of the build and is not plenary's; move it",
                dir.display()
            )))
        }
        Ok(_) => {}
    }
    replaceable(dir).map_err(io::Error::other)?;
    fs::remove_dir_all(dir)
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
    remove_ours(&aside)?;
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
    use crate::output::file_for;

    /// A folder `public` holding `old.html`, in a temporary folder.
    fn old_site() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        fs::create_dir_all(&target).unwrap();
        fs::write(target.join("old.html"), "old").unwrap();
        (tmp, target)
    }

    #[test]
    fn commit_replaces_the_old_site_and_leaves_no_staging() {
        let (tmp, target) = old_site();
        let s = Staging::create(&target).unwrap();
        s.write(&file_for("/a/").unwrap(), b"new").unwrap();
        s.commit().unwrap();
        let new = fs::read_to_string(target.join("a/index.html")).unwrap();
        assert_eq!(new, "new");
        assert!(target.join(MARKER).is_file());
        assert!(!target.join("old.html").exists());
        assert!(!tmp.path().join(".public.staging").exists());
    }

    #[test]
    fn dropping_without_commit_keeps_the_old_site() {
        let (tmp, target) = old_site();
        {
            let s = Staging::create(&target).unwrap();
            s.write(&file_for("/new.html").unwrap(), b"new").unwrap();
        }
        assert!(target.join("old.html").exists());
        assert!(!target.join("new.html").exists());
        assert!(!tmp.path().join(".public.staging").exists());
    }

    #[test]
    fn a_staging_folder_plenary_did_not_make_is_kept() {
        let (tmp, target) = old_site();
        let theirs = tmp.path().join(".public.staging");
        fs::create_dir(&theirs).unwrap();
        fs::write(theirs.join("notes.txt"), "mine").unwrap();
        let e = Staging::create(&target).err().unwrap();
        assert!(e.to_string().contains("notes.txt"), "{e}");
        assert_eq!(
            fs::read_to_string(theirs.join("notes.txt")).unwrap(),
            "mine"
        );
    }
}
