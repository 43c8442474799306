//! The one place that turns an address of the site into a file inside the
//! output folder. Every file plenary writes into a site — pages,
//! companions, aliases, former permalinks, redirects, feeds, static files,
//! the search index — gets its name from `file_for`, which refuses
//! anything that could land outside the folder or that the file system
//! would refuse with a bare error. [`Claims`] then finds two things that
//! want the same file, or a file where another needs a folder.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use crate::text::codepoint;

/// The longest path segment accepted, in bytes. File systems allow 255;
/// serve writes `.NAME.plenary-tmp` beside a file, so a margin is kept.
pub(crate) const MAX_SEGMENT: usize = 200;
/// The longest path inside the output folder accepted, in bytes.
pub(crate) const MAX_PATH: usize = 1024;

/// A file inside the output folder: relative, `/`-separated, no empty,
/// `.` or `..` segment, no backslash and no control character
/// (`ga/76/10/index.html`). Only `file_for` makes one. Shared, since
/// a kept pipeline holds each file's name in several maps.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OutPath(std::sync::Arc<str>);

impl OutPath {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn as_path(&self) -> &Path {
        Path::new(&*self.0)
    }

    /// The folders the file needs, outermost first (`ga`, `ga/76`,
    /// `ga/76/10` for `ga/76/10/index.html`).
    pub fn folders(&self) -> impl Iterator<Item = &str> {
        self.0.match_indices('/').map(|(i, _)| &self.0[..i])
    }
}

impl fmt::Display for OutPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why an address cannot be a file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    /// It does not start with `/`.
    NotRooted,
    /// `//host/…`: a browser reads it as another host.
    OtherHost,
    /// `/a//b/`.
    EmptySegment,
    /// `.` or `..`.
    DotSegment(String),
    /// A backslash, which some servers and systems read as `/`.
    Backslash,
    /// `%2e`, `%2f`, `%5c` or `%00`: a server decoding it would climb out.
    EncodedSeparator(String),
    /// A control character (NUL, newline, …).
    Control(char),
    /// A segment longer than `MAX_SEGMENT` bytes.
    LongSegment(usize),
    /// A path longer than `MAX_PATH` bytes.
    LongPath(usize),
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathError::NotRooted => write!(f, "it must start with `/`"),
            PathError::OtherHost => {
                write!(f, "it starts with `//`, which a browser reads as another host")
            }
            PathError::EmptySegment => write!(f, "it has an empty segment (`//`)"),
            PathError::DotSegment(s) => {
                write!(f, "it has a `{s}` segment, which would lead out of the site")
            }
            PathError::Backslash => write!(f, "it has a backslash"),
            PathError::EncodedSeparator(s) => write!(
                f,
                "it has `{s}`, an encoded dot, slash or NUL that a server would decode"
            ),
            PathError::Control(c) => write!(f, "it has the control character {}", codepoint(*c)),
            PathError::LongSegment(n) => write!(
                f,
                "a segment of it is {n} bytes long; file systems allow no more than {MAX_SEGMENT} here"
            ),
            PathError::LongPath(n) => {
                write!(f, "it is {n} bytes long; the most accepted is {MAX_PATH}")
            }
        }
    }
}

/// The file a site path is written to: `/ga/76/10/` becomes
/// `ga/76/10/index.html`, `/ga/atom.xml` stays `ga/atom.xml`, `/` is
/// `index.html`.
pub(crate) fn file_for(site_path: &str) -> Result<OutPath, PathError> {
    let rest = site_path.strip_prefix('/').ok_or(PathError::NotRooted)?;
    if rest.starts_with('/') {
        return Err(PathError::OtherHost);
    }
    let mut file = String::with_capacity(rest.len() + 10);
    let (folders, last) = match rest.rsplit_once('/') {
        Some((folders, last)) => (Some(folders), last),
        None => (None, rest),
    };
    for segment in folders.into_iter().flat_map(|f| f.split('/')) {
        check_segment(segment)?;
        file.push_str(segment);
        file.push('/');
    }
    if last.is_empty() {
        file.push_str("index.html");
    } else {
        check_segment(last)?;
        file.push_str(last);
    }
    if file.len() > MAX_PATH {
        return Err(PathError::LongPath(file.len()));
    }
    Ok(OutPath(file.into()))
}

fn check_segment(s: &str) -> Result<(), PathError> {
    if s.is_empty() {
        return Err(PathError::EmptySegment);
    }
    if s == "." || s == ".." {
        return Err(PathError::DotSegment(s.to_string()));
    }
    if s.contains('\\') {
        return Err(PathError::Backslash);
    }
    if let Some(c) = s.chars().find(|c| c.is_control()) {
        return Err(PathError::Control(c));
    }
    check_encoded(s)?;
    if s.len() > MAX_SEGMENT {
        return Err(PathError::LongSegment(s.len()));
    }
    Ok(())
}

/// Decoded once by a server, these would make a separator or a dot segment.
fn check_encoded(s: &str) -> Result<(), PathError> {
    for (at, _) in s.match_indices('%') {
        let code = s.get(at..at + 3).unwrap_or("");
        if ["%2e", "%2f", "%5c", "%00"]
            .iter()
            .any(|bad| code.eq_ignore_ascii_case(bad))
        {
            return Err(PathError::EncodedSeparator(code.to_string()));
        }
    }
    Ok(())
}

/// Who wants each file of a site, to find clashes before anything is
/// written. `O` names a claimant (an output, a static file).
pub struct Claims<O> {
    files: HashMap<OutPath, O>,
    /// Folders wholly owned by one claimant (the search index's shards).
    folders: HashMap<String, O>,
    clashes: Vec<Clash<O>>,
}

/// Two claimants of one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash<O> {
    pub first: O,
    pub second: O,
    /// The file `first` writes, or the folder it fills.
    pub at: String,
    pub kind: ClashKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClashKind {
    /// Both write the file `at`.
    SameFile,
    /// `first` writes the file `at`; `second` needs a folder there.
    FileAsFolder,
    /// `first` fills the folder `at`; `second` writes into it, or a file
    /// in its place.
    InsideFolder,
}

impl<O: Clone> Default for Claims<O> {
    fn default() -> Self {
        Claims {
            files: HashMap::new(),
            folders: HashMap::new(),
            clashes: Vec::new(),
        }
    }
}

impl<O: Clone> Claims<O> {
    /// `owner` will write `file`; a second claim of it is a clash.
    pub fn file(&mut self, file: OutPath, owner: O) {
        if let Some(first) = self.files.get(&file) {
            self.clashes.push(Clash {
                first: first.clone(),
                second: owner,
                at: file.0.to_string(),
                kind: ClashKind::SameFile,
            });
            return;
        }
        self.files.insert(file, owner);
    }

    /// `owner` will write whatever it likes inside `folder`.
    pub fn folder(&mut self, folder: &str, owner: O) {
        self.folders.insert(folder.to_string(), owner);
    }

    /// Every clash: one file claimed twice (as found while claiming), a
    /// file where another claim needs a folder, or a file inside a folder
    /// someone else owns. In file order, so reports are stable.
    pub(crate) fn clashes(mut self) -> Vec<Clash<O>> {
        let mut files: Vec<(&OutPath, &O)> = self.files.iter().collect();
        files.sort_by(|a, b| a.0.cmp(b.0));
        let mut found = Vec::new();
        for (file, owner) in files {
            let blocker = file.folders().find_map(|folder| {
                let as_file = self.files.get(&OutPath(folder.into()));
                as_file
                    .map(|o| (o, folder, ClashKind::FileAsFolder))
                    .or_else(|| {
                        let owned = self.folders.get(folder);
                        owned.map(|o| (o, folder, ClashKind::InsideFolder))
                    })
            });
            let blocker = blocker.or_else(|| {
                let owned = self.folders.get(file.as_str());
                owned.map(|o| (o, file.as_str(), ClashKind::InsideFolder))
            });
            if let Some((first, at, kind)) = blocker {
                found.push(Clash {
                    first: first.clone(),
                    second: owner.clone(),
                    at: at.to_string(),
                    kind,
                });
            }
        }
        self.clashes.extend(found);
        self.clashes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_become_index_files() {
        assert_eq!(file_for("/").unwrap().as_str(), "index.html");
        assert_eq!(
            file_for("/ga/76/10/").unwrap().as_str(),
            "ga/76/10/index.html"
        );
        assert_eq!(file_for("/ga/atom.xml").unwrap().as_str(), "ga/atom.xml");
        assert_eq!(file_for("/.nojekyll").unwrap().as_str(), ".nojekyll");
        let file = file_for("/ga/76/").unwrap();
        assert_eq!(file.folders().collect::<Vec<_>>(), ["ga", "ga/76"]);
    }

    #[test]
    fn refuses_every_way_out() {
        let cases = [
            ("ga/1/", PathError::NotRooted),
            ("//evil.example/", PathError::OtherHost),
            ("/a//b/", PathError::EmptySegment),
            ("/../x/", PathError::DotSegment("..".into())),
            ("/a/../../x", PathError::DotSegment("..".into())),
            ("/a/./b/", PathError::DotSegment(".".into())),
            ("/a\\..\\b/", PathError::Backslash),
            ("/%2e%2e/x/", PathError::EncodedSeparator("%2e".into())),
            ("/a%2F..%2fb/", PathError::EncodedSeparator("%2F".into())),
            ("/ok%20x%2E/", PathError::EncodedSeparator("%2E".into())),
            ("/a\0b/", PathError::Control('\0')),
            ("/a\nb/", PathError::Control('\n')),
        ];
        for (input, want) in cases {
            assert_eq!(file_for(input), Err(want), "{input:?}");
        }
        let long = format!("/{}/", "x".repeat(300));
        assert_eq!(file_for(&long), Err(PathError::LongSegment(300)));
        let deep = "/abcdefghij".repeat(120) + "/";
        assert!(matches!(file_for(&deep), Err(PathError::LongPath(_))));
        // An encoding that is not a separator is a name like any other.
        assert!(file_for("/r%C3%A9solution/").is_ok());
    }

    #[test]
    fn clashes_name_both_sides() {
        let mut c = Claims::default();
        c.file(file_for("/").unwrap(), "home");
        c.file(file_for("/index.html").unwrap(), "alias");
        c.file(file_for("/sitemap.xml").unwrap(), "sitemap");
        c.file(file_for("/sitemap.xml/").unwrap(), "alias 2");
        c.folder("search/terms", "index");
        c.file(file_for("/search/terms/3.json/").unwrap(), "alias 3");
        c.file(file_for("/search/").unwrap(), "search page");
        let found: Vec<_> = c
            .clashes()
            .into_iter()
            .map(|k| (k.first, k.second, k.at, k.kind))
            .collect();
        let at = |s: &str| s.to_string();
        assert_eq!(
            found,
            [
                ("home", "alias", at("index.html"), ClashKind::SameFile),
                (
                    "index",
                    "alias 3",
                    at("search/terms"),
                    ClashKind::InsideFolder
                ),
                (
                    "sitemap",
                    "alias 2",
                    at("sitemap.xml"),
                    ClashKind::FileAsFolder
                ),
            ]
        );
    }
}
