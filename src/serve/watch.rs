//! Watching the archive: file events, debounced, mapped to the few kinds
//! of change the build cares about before anything reacts to them.

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use crate::config::CONFIG_FILE;
use crate::load::{self, CONTENT_DIR};
use crate::pipeline::Change;
use crate::render::theme::{SITE_STATIC, SITE_TEMPLATES, SITE_WORDS, THEMES};

/// How long to wait for a burst of events (an editor's save) to settle.
const SETTLE: Duration = Duration::from_millis(5);

/// A running watcher; dropping it stops the watching.
pub struct Watcher {
    _debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    pub changes: Receiver<Vec<Change>>,
}

/// Watches `content/`, `themes/`, `templates/`, `static/` and `config.yaml`
/// under `root`.
pub fn watch(root: &Path) -> Result<Watcher, String> {
    let root =
        std::fs::canonicalize(root).map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    let (tx, rx) = channel();
    let classify_root = root.clone();
    let mut debouncer = new_debouncer(
        SETTLE,
        Some(SETTLE / 3),
        move |events: DebounceEventResult| {
            let Ok(events) = events else { return };
            let mut changes: Vec<Change> = Vec::new();
            // Reading a file is an event too (the build's own reads): skip those.
            let writes = events
                .iter()
                .filter(|e| !matches!(e.kind, EventKind::Access(_)));
            for path in writes.flat_map(|e| e.paths.iter()) {
                if let Some(c) = classify(&classify_root, path) {
                    if !changes.contains(&c) {
                        changes.push(c);
                    }
                }
            }
            if !changes.is_empty() {
                let _ = tx.send(changes);
            }
        },
    )
    .map_err(|e| format!("cannot watch files: {e}"))?;
    for dir in [CONTENT_DIR, THEMES, SITE_TEMPLATES, SITE_STATIC, SITE_WORDS] {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
        }
    }
    // The root itself, not recursively, for config.yaml (editors replace
    // the file, so watching the file alone would lose it).
    debouncer
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    Ok(Watcher {
        _debouncer: debouncer,
        changes: rx,
    })
}

/// What a changed path means for the build; `None` for files it ignores
/// (editor swap and backup files, anything outside the watched folders).
pub(crate) fn classify(root: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).ok()?;
    let name = rel.file_name()?.to_string_lossy();
    if is_editor_file(&name) {
        return None;
    }
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    match first.as_ref() {
        CONFIG_FILE if rel.components().count() == 1 => Some(Change::Config),
        CONTENT_DIR => {
            let hidden = rel
                .components()
                .skip(1)
                .any(|c| load::is_ignored(&c.as_os_str().to_string_lossy()));
            (!hidden).then(|| Change::Content(PathBuf::from(path)))
        }
        THEMES | SITE_TEMPLATES | SITE_STATIC | SITE_WORDS => Some(Change::Theme),
        _ => None,
    }
}

/// Swap, backup and lock files that editors write beside the real one.
fn is_editor_file(name: &str) -> bool {
    name.starts_with(".#")
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swx", ".swo", ".tmp", ".bak", ".plenary-tmp"]
            .iter()
            .any(|s| name.ends_with(s))
        || name == "4913" // vim's probe that a folder is writable
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_changes() {
        let root = Path::new("/a");
        let c = |p: &str| classify(root, Path::new(p));
        assert_eq!(c("/a/config.yaml"), Some(Change::Config));
        assert_eq!(
            c("/a/content/ga/76/10.md"),
            Some(Change::Content("/a/content/ga/76/10.md".into()))
        );
        assert_eq!(
            c("/a/content/ga/76"),
            Some(Change::Content("/a/content/ga/76".into()))
        );
        assert_eq!(c("/a/templates/base.html"), Some(Change::Theme));
        assert_eq!(c("/a/static/style.css"), Some(Change::Theme));
        assert_eq!(c("/a/content/ga/.10.md.swp"), None);
        assert_eq!(c("/a/content/ga/10.md~"), None);
        assert_eq!(c("/a/content/ga/4913"), None);
        assert_eq!(c("/a/public/index.html"), None);
        assert_eq!(c("/a/README.md"), None);
    }
}
