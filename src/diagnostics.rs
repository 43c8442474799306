//! Problems found in the input, each tied to a file and a line.
//!
//! Library code never prints: it returns diagnostics, and the CLI decides how
//! to show them. Errors fail the build; warnings are reported and the build
//! goes on.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    /// The file the problem is in, as the user would type it.
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // A file name may hold a newline or an escape sequence; shown as
        // is, it would break the `path:line:` line or the terminal.
        let path = printable(&self.path.to_string_lossy());
        if self.line > 0 {
            write!(f, "{path}:{}: {kind}: {}", self.line, self.message)
        } else {
            write!(f, "{path}: {kind}: {}", self.message)
        }
    }
}

/// `text` with its control characters written as escapes (`\n`,
/// `\u{1b}`), for messages that quote names and addresses.
pub(crate) fn printable(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Diagnostics gathered by one stage for one file.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn error(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.push(Diagnostic::error(path, line, message));
    }

    pub fn warning(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.push(Diagnostic::warning(path, line, message));
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorted by file, line and message, so reports are deterministic.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort();
        self.items.dedup();
        self.items
    }
}
