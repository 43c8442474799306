//! Stage 5, and the rules of writing: which file an address becomes
//! ([`path`]), which folder a site may replace and one build at a time
//! ([`folder`]), and the atomic swap of a finished site ([`staging`]).
//!
//! Nothing outside this module joins a path onto the output folder.

pub mod folder;
pub mod path;
pub mod staging;

pub use folder::Lock;
pub(crate) use folder::{check_location, MARKER};
pub(crate) use path::file_for;
pub use path::{Claims, Clash, ClashKind, OutPath, PathError};
pub use staging::Staging;
pub(crate) use staging::{remove_file, replace_file};

/// Tells GitHub Pages not to run Jekyll over the site; every build writes it.
pub(crate) const NOJEKYLL: &str = ".nojekyll";
