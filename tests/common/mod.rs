//! Test harness: build an archive into a temporary folder and read the
//! result with a real HTML parser.
#![allow(dead_code)]

pub mod search;

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

/// Builds the archive at `root` into `site`, which must succeed.
pub fn build_into(root: PathBuf, site: &Path) -> Report {
    let built = build(&BuildOptions {
        root,
        output: Some(site.to_path_buf()),
        ..BuildOptions::default()
    });
    assert!(built.succeeded(), "{:#?}", built.diagnostics);
    built
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

/// A resolution symbol in one form for both sides of a comparison with
/// the UN's links: capitals, no spaces, plain hyphens, no part letters
/// (the UN links `75/251 A` to the whole resolution, and writes its
/// addresses `S/RES/242(1967)`), no language before it (`fr/A/RES/…`).
pub fn norm(symbol: &str) -> String {
    let s: String = symbol
        .replace("%20", "")
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if matches!(c, '‑' | '‐') { '-' } else { c })
        .collect::<String>()
        .to_uppercase();
    let s = s.trim_start_matches('/');
    let s = match s.split_once('/') {
        Some((lang, rest)) if lang.len() == 2 && rest.contains("/RES/") => rest,
        _ => s,
    };
    let parts = regex::Regex::new(r"(\d)[A-Z]{1,2}(?:-[A-Z]{1,2})?(\(|$)").unwrap();
    parts.replace_all(s, "$1$2").into_owned()
}

/// The words of an XML element, outside its footnotes, spaces collapsed.
pub fn text_outside_notes(n: roxmltree::Node) -> String {
    let note = |a: &roxmltree::Node| a.is_element() && a.tag_name().name() == "authorialNote";
    let all: String = n
        .descendants()
        .filter(|d| d.is_text())
        .filter(|d| !d.ancestors().any(|a| note(&a)))
        .filter_map(|d| d.text())
        .collect();
    all.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One link of the UN's to a resolution in its XML.
pub struct UnLink {
    pub symbol: String,
    /// In a footnote.
    pub in_note: bool,
    /// The text of the element holding it.
    pub context: String,
}

/// The UN's links to resolutions in one XML file. Adjacent links to one
/// address (one citation the markup cut in two) count once.
pub fn un_links(xml: &str) -> Vec<UnLink> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let is = |n: &roxmltree::Node, name: &str| n.is_element() && n.tag_name().name() == name;
    let mut out = Vec::new();
    let mut last: Option<(roxmltree::NodeId, String)> = None;
    for a in doc.descendants().filter(|d| is(d, "a")) {
        let href = a.attribute("href").unwrap_or("");
        let Some(path) = [
            "https://undocs.org/",
            "https://www.undocs.org/",
            "http://undocs.org/",
        ]
        .iter()
        .find_map(|host| href.strip_prefix(host)) else {
            continue;
        };
        let symbol = norm(path);
        if !symbol.contains("/RES/") {
            continue;
        }
        // The same address right after the link before, with only white
        // space between.
        let joined = a.prev_sibling().is_some_and(|p| {
            let p = if p.is_text() && p.text().unwrap_or("").trim().is_empty() {
                p.prev_sibling()
            } else {
                Some(p)
            };
            p.zip(last.as_ref())
                .is_some_and(|(p, (id, s))| p.id() == *id && *s == symbol)
        });
        last = Some((a.id(), symbol.clone()));
        if joined {
            continue;
        }
        let context = a.parent().map_or_else(String::new, text_outside_notes);
        out.push(UnLink {
            in_note: a.ancestors().any(|n| is(&n, "authorialNote")),
            symbol,
            context,
        });
    }
    out
}

/// plenary's citations of resolutions on the pages at `paths` of the site
/// in `site` (paragraph links within a citation not counted), by symbol.
pub fn cited_on(site: &Path, paths: &[String]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let cites = Selector::parse(
        "article.resolution h1 a.cite, article.resolution .text a.cite, .endnotes a.cite",
    )
    .unwrap();
    for path in paths {
        let html = fs::read_to_string(site.join(path).join("index.html")).unwrap();
        let doc = Html::parse_document(&html);
        for a in doc.select(&cites) {
            let v = a.value();
            if v.classes().any(|c| c == "paragraph") {
                continue;
            }
            let symbol = norm(v.attr("data-symbol").unwrap_or(""));
            if symbol.contains("/RES/") {
                *out.entry(symbol).or_default() += 1;
            }
        }
    }
    out
}
