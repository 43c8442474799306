//! Test harness: build an archive into a temporary folder and read the
//! result with a real HTML parser.
#![allow(dead_code)]

use plenary::build::{build, BuildOptions, Report};
use scraper::{Html, Selector};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use walkdir::WalkDir;

/// Runs the `plenary` binary in `dir`.
pub fn plenary(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// An archive of `n` generated resolutions in `root`, citing each other,
/// big enough for a build to take a while.
pub fn generated_archive(root: &Path, n: usize) {
    fs::write(root.join("config.yaml"), "title: Big\n").unwrap();
    for i in 1..=n {
        let dir = root.join(format!("content/ga/{}", 60 + i % 10));
        fs::create_dir_all(&dir).unwrap();
        let text = format!(
            "## {s}/{i}. Resolution {i}\n\n*The General Assembly*,\n\n*Recalling* its resolution {s}/{prev},\n\n1. *Decides* to act on paragraph 1 of resolution {s}/{prev};\n\n(a) Soon;\n\n(b) Well.\n\n*{i}th plenary meeting  \n1 May 2010*\n",
            s = 60 + i % 10,
            prev = i.max(11) - 10,
        );
        fs::write(dir.join(format!("{i}.md")), text).unwrap();
    }
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(name)
}

/// Writes the XML files of the zip at `zip` (the UN's, one folder deep)
/// into the folder `into`, byte for byte; returns their names, sorted.
pub fn unzip_xml(zip: &Path, into: &Path) -> Vec<String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(fs::File::open(zip).unwrap()).unwrap();
    fs::create_dir_all(into).unwrap();
    let mut names = Vec::new();
    for k in 0..zip.len() {
        let mut entry = zip.by_index(k).unwrap();
        let name = entry
            .name()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_string();
        if !name.to_lowercase().ends_with(".xml") {
            continue;
        }
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        fs::write(into.join(&name), bytes).unwrap();
        names.push(name);
    }
    names.sort();
    names
}

/// Copies a folder tree (fixtures are never built in place).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&dest).unwrap();
        } else {
            fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A built site in a temporary folder.
pub struct Built {
    pub tmp: tempfile::TempDir,
    pub report: Report,
}

impl Built {
    pub fn out(&self) -> PathBuf {
        self.tmp.path().join("public")
    }

    pub fn page(&self, site_path: &str) -> Html {
        let file = self
            .out()
            .join(site_path.trim_start_matches('/'))
            .join("index.html");
        Html::parse_document(
            &fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display())),
        )
    }
}

/// Copies `archive` (a folder with config.yaml and content/) to a temporary
/// folder and builds it there.
pub fn build_copy(archive: &Path) -> Built {
    build_copy_with(archive, |_| {})
}

pub fn build_copy_with(archive: &Path, tweak: impl FnOnce(&mut BuildOptions)) -> Built {
    let tmp = tempfile::tempdir().unwrap();
    for part in ["config.yaml", "content", "templates", "static", "themes"] {
        let from = archive.join(part);
        if from.is_dir() {
            copy_tree(&from, &tmp.path().join(part));
        } else if from.is_file() {
            fs::copy(&from, tmp.path().join(part)).unwrap();
        }
    }
    let mut opts = BuildOptions {
        root: tmp.path().to_path_buf(),
        ..BuildOptions::default()
    };
    tweak(&mut opts);
    let report = build(&opts);
    Built { tmp, report }
}

/// Every file under `dir`, by path inside it, with its bytes.
pub fn all_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .to_string();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The text of each element `selector` matches, in document order.
pub fn texts(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .map(|e| e.text().collect())
        .collect()
}

/// Every HTML file under `out`, by site path (`/ga/76/10/`).
pub fn html_files(out: &Path) -> BTreeMap<String, Html> {
    let mut pages = BTreeMap::new();
    for entry in WalkDir::new(out).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let rel = entry
                .path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let site_path = match rel.strip_suffix("index.html") {
                Some(dir) => format!("/{dir}"),
                None => format!("/{rel}"),
            };
            pages.insert(
                site_path,
                Html::parse_document(&fs::read_to_string(entry.path()).unwrap()),
            );
        }
    }
    pages
}

/// Parse errors html5ever reports for a page; empty when well-formed.
pub fn parse_errors(doc: &Html) -> Vec<String> {
    doc.errors.iter().map(|e| e.to_string()).collect()
}

/// A site path (`/ga/`) as served under `base_path` (`/archive/ga/`).
fn under(base_path: &str, site_path: &str) -> String {
    format!("{base_path}{}", site_path.trim_start_matches('/'))
}

/// The ids in a document.
pub fn ids(doc: &Html) -> BTreeSet<String> {
    doc.select(&sel("[id]"))
        .filter_map(|e| e.value().attr("id").map(str::to_string))
        .collect()
}

/// Checks that every internal link of every page leads to a file of the
/// site and, if it has a fragment, to an element with that id. `base_path`
/// is the path the site is served under (`/archive/`). Returns the broken
/// links as `page -> href`.
pub fn broken_links(out: &Path, base_path: &str) -> Vec<String> {
    let pages = html_files(out);
    let page_ids: BTreeMap<&String, BTreeSet<String>> =
        pages.iter().map(|(p, d)| (p, ids(d))).collect();
    let mut broken = Vec::new();
    for (path, doc) in &pages {
        for a in doc.select(&sel("a[href], link[href]")) {
            let href = a.value().attr("href").unwrap();
            if href.starts_with("http") || href.starts_with("mailto:") {
                continue;
            }
            // Resolve the link as a browser would, from the page's own URL
            // on the published site.
            let page_url =
                url::Url::parse(&format!("https://site.invalid{}", under(base_path, path)))
                    .unwrap();
            let resolved = page_url.join(href).unwrap();
            let fragment = resolved.fragment().map(str::to_string);
            let Some(rest) = resolved.path().strip_prefix(base_path) else {
                broken.push(format!("{path} -> {href} (outside the base path)"));
                continue;
            };
            let target_path = format!("/{rest}");
            let fragment = fragment.as_deref();
            let ok = if let Some(ids) = page_ids.get(&target_path) {
                fragment.is_none_or(|f| ids.contains(f))
            } else {
                fragment.is_none() && out.join(target_path.trim_start_matches('/')).is_file()
            };
            if !ok {
                broken.push(format!("{path} -> {href}"));
            }
        }
    }
    broken
}

/// The script the default theme's redirect pages carry, to keep the
/// `#fragment` of the old address.
pub const REDIRECT_SCRIPT: &str =
    "location.replace(document.currentScript.dataset.target + location.hash);";

/// Elements that could run code and that the theme did not put there: any
/// `<script>` but the redirect script, the theme's own script files and
/// JSON-LD, plus anything matched by `extra` (a CSS selector) but the
/// theme's timeline drawing.
pub fn foreign_code(doc: &Html, base_path: &str, extra: &str) -> Vec<String> {
    let theme_src = [
        format!("{base_path}plenary.js"),
        format!("{base_path}search.js"),
    ];
    let ours = |s: &scraper::ElementRef| {
        let (inner, v) = (s.inner_html(), s.value());
        let redirect = inner == REDIRECT_SCRIPT
            && v.attrs().count() == 1
            && v.attr("data-target").is_some_and(|t| t.starts_with('/'));
        let file = inner.is_empty()
            && v.attr("src")
                .is_some_and(|s| theme_src.iter().any(|t| t == s));
        // Data, not code, and only while it stays well-formed JSON.
        let data = v.attr("type") == Some("application/ld+json")
            && serde_json::from_str::<serde_json::Value>(&inner).is_ok();
        redirect || file || data
    };
    let mut found: Vec<String> = doc
        .select(&sel("script"))
        .filter(|s| !ours(s))
        .map(|s| s.html())
        .collect();
    // The home page's timeline is the theme's own drawing.
    let timeline = |e: &scraper::ElementRef| {
        e.value().name() == "svg" && e.value().attr("class") == Some("timeline")
    };
    if !extra.is_empty() {
        found.extend(
            doc.select(&sel(extra))
                .filter(|e| !timeline(e))
                .map(|e| e.html()),
        );
    }
    found
}
