//! Nothing lost, ever: plenary writes only inside its own output folder,
//! never replaces a folder it did not make, refuses addresses that would
//! leave the site or land on something else, and survives hostile input.
//! Each test takes a fingerprint of everything around the build (the
//! sources, a folder beside the output) and checks it afterwards.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use walkdir::WalkDir;

/// Everything under `dir`: files with their bytes, folders, and links
/// with their targets, by path inside it.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
        let what = if e.path_is_symlink() {
            format!("link to {}", fs::read_link(e.path()).unwrap().display())
        } else if e.file_type().is_dir() {
            "folder".to_string()
        } else if e.file_type().is_file() {
            let bytes = fs::read(e.path()).unwrap();
            let mut h = std::collections::hash_map::DefaultHasher::new();
            std::hash::Hash::hash(&bytes, &mut h);
            format!(
                "{} bytes, hash {:x}",
                bytes.len(),
                std::hash::Hasher::finish(&h)
            )
        } else {
            "special".to_string()
        };
        out.insert(rel, what);
    }
    out
}

/// A copy of the basic fixture in `site/`, with a user's folder of
/// sources beside the usual ones, and `beside/` next to it.
struct Archive {
    tmp: tempfile::TempDir,
}

impl Archive {
    fn new() -> Archive {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        copy_tree(&fixture("basic"), &site);
        for (file, text) in [
            ("static/keep.txt", "a static file"),
            ("themes/mine/static/mine.css", "a theme"),
            ("templates/README.txt", "notes about templates"),
        ] {
            fs::create_dir_all(site.join(file).parent().unwrap()).unwrap();
            fs::write(site.join(file), text).unwrap();
        }
        fs::create_dir_all(tmp.path().join("beside/drafts")).unwrap();
        fs::write(tmp.path().join("beside/thesis.docx"), "four years").unwrap();
        Archive { tmp }
    }

    fn root(&self) -> PathBuf {
        self.tmp.path().join("site")
    }

    fn all(&self) -> BTreeMap<String, String> {
        snapshot(self.tmp.path())
    }

    fn config(&self, extra: &str) {
        let path = self.root().join("config.yaml");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{text}{extra}")).unwrap();
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Runs plenary in the archive's folder.
    fn run(&self, args: &[&str]) -> Output {
        plenary(args, &self.root())
    }
}

/// The build failed with `want` among its messages and left everything
/// as it was.
fn refused(a: &Archive, args: &[&str], want: &str) {
    let before = a.all();
    let o = a.run(args);
    assert!(!o.status.success(), "{args:?} succeeded");
    assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    assert_eq!(a.all(), before, "{args:?} changed files");
}

#[test]
fn patterns_that_climb_out_of_the_site_are_refused() {
    let sc = "bodies:\n  sc:\n    name: Security Council\n    symbol: \"S/RES/{number} ({session})\"\n    cited_as: \"{number} ({session})\"\n";
    for (key, pattern) in [
        ("permalink", "/../../beside/{number}/"),
        ("session_permalink", "/sc/../../{session}/"),
        ("former_permalinks", "[\"/sc/%2e%2e/{number}/\"]"),
        ("permalink", "/sc/..\\\\{number}/"),
    ] {
        let a = Archive::new();
        let config = fs::read_to_string(a.root().join("config.yaml")).unwrap();
        let head = config.split("bodies:").next().unwrap().to_string();
        let value = if pattern.starts_with('[') {
            pattern.to_string()
        } else {
            format!("\"{pattern}\"")
        };
        fs::write(
            a.root().join("config.yaml"),
            format!("{head}{sc}    {key}: {value}\n"),
        )
        .unwrap();
        refused(
            &a,
            &["build"],
            &format!("config.yaml:6: error: body `sc`, {key}:"),
        );
    }
}

#[test]
fn the_output_may_not_be_the_archive_or_its_sources() {
    let a = Archive::new();
    let content = a.root().join("content").display().to_string();
    for (output, why) in [
        ("content", "is the archive's `content` folder"),
        ("content/ga", "is inside the archive's `content` folder"),
        ("themes", "is the archive's `themes` folder"),
        ("themes/mine", "is inside the archive's `themes` folder"),
        ("static", "is the archive's `static` folder"),
        ("templates", "is the archive's `templates` folder"),
        (content.as_str(), "is the archive's `content` folder"),
        (".", "holds the archive itself"),
        ("..", "holds the archive itself"),
    ] {
        refused(&a, &["build", "--output", output], why);
        let config = fs::read_to_string(a.root().join("config.yaml")).unwrap();
        a.config(&format!("output_dir: \"{output}\"\n"));
        let line = config.lines().count() + 1;
        refused(&a, &["build"], &format!("config.yaml:{line}: error: "));
        fs::write(a.root().join("config.yaml"), config).unwrap();
        refused(&a, &["serve", "--port", "0", "--output", output], why);
    }
}

#[test]
fn a_folder_plenary_did_not_make_is_never_replaced() {
    let a = Archive::new();
    let out = a.tmp.path().join("beside");
    fs::create_dir_all(out.join(".git")).unwrap();
    fs::write(out.join(".git/HEAD"), "ref: refs/heads/gh-pages\n").unwrap();
    let out_arg = out.display().to_string();
    refused(
        &a,
        &["build", "--output", &out_arg],
        "holds files plenary did not write (.git/, drafts/, thesis.docx) and has no .plenary-site marker",
    );

    // A file named as the output stays a file, and is not moved aside.
    let file = a
        .tmp
        .path()
        .join("beside/thesis.docx")
        .display()
        .to_string();
    refused(&a, &["build", "--output", &file], "is a file, not a folder");

    // A folder that does not exist yet is made, with the folders above it.
    let nested = a.tmp.path().join("new/site");
    let o = a.run(&["build", "--output", &nested.display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(nested.join(".plenary-site").is_file());

    // An empty folder is taken, marked, and can be built into again.
    let fresh = a.tmp.path().join("fresh");
    fs::create_dir(&fresh).unwrap();
    let fresh_arg = fresh.display().to_string();
    for _ in 0..2 {
        let o = a.run(&["build", "--output", &fresh_arg]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(fresh.join(".plenary-site").is_file());
        assert!(fresh.join("ga/70/1/index.html").is_file());
    }
    assert_eq!(
        fs::read_to_string(a.tmp.path().join("beside/thesis.docx")).unwrap(),
        "four years"
    );
}

#[test]
fn addresses_that_would_land_on_something_else_name_both() {
    let cases: [(&str, &str, &str); 9] = [
        (
            "aliases: [\"/index.html\"]",
            "the home page and an alias of A/RES/70/9",
            "at /index.html",
        ),
        (
            "aliases: [\"/ga/70/2/index.html\"]",
            "A/RES/70/2 (content/ga/70/2.md) and an alias of A/RES/70/9",
            "(the file ga/70/2/index.html)",
        ),
        (
            "aliases: [\"/search/index.html\"]",
            "the search page and an alias of A/RES/70/9",
            "",
        ),
        (
            "aliases: [\"/sitemap.xml\"]",
            "an alias of A/RES/70/9 (content/ga/70/9.md) would need /sitemap.xml to be a folder, but the sitemap is published there as a file",
            "",
        ),
        (
            "aliases: [\"/style.css/\"]",
            "would need /style.css to be a folder, but the static file style.css",
            "",
        ),
        (
            "aliases: [\"/robots.txt\"]",
            "would need /robots.txt to be a folder, but robots.txt is published there",
            "",
        ),
        (
            "aliases: [\"/search/terms/1.json/\"]",
            "would be published inside /search/terms/, which the search index fills",
            "",
        ),
        (
            "number: \"!!\"",
            "content/ga/70/9.md:1: error: A/RES/70/!! (content/ga/70/9.md) cannot be published at `/ga/70//`",
            "it has an empty segment",
        ),
        (
            "aliases: [\"/.plenary-site\"]",
            "would need /.plenary-site to be a folder, but plenary's marker file is published there",
            "",
        ),
    ];
    for (front, want, also) in cases {
        let a = Archive::new();
        let path = a.root().join("content/ga/70/9.md");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("---\n{front}\n---\n{text}")).unwrap();
        refused(&a, &["build"], want);
        refused(&a, &["build"], also);
    }
}

#[test]
fn over_long_names_are_errors_naming_the_source() {
    for front in [
        format!("aliases: [\"/{}/\"]", "a".repeat(300)),
        format!("number: \"{}\"", "9".repeat(300)),
    ] {
        let a = Archive::new();
        let path = a.root().join("content/ga/70/9.md");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("---\n{front}\n---\n{text}")).unwrap();
        refused(&a, &["build"], "content/ga/70/9.md:1: error: ");
        refused(&a, &["build"], "a segment of it is 300 bytes long");
    }
}

#[test]
fn a_file_name_with_a_newline_is_an_error_on_one_line() {
    let a = Archive::new();
    a.write("content/ga/70/4\nx.md", "## 70/4. Four\n");
    let o = a.run(&["build"]);
    assert!(!o.status.success());
    let line = stderr(&o)
        .lines()
        .find(|l| l.contains("control character"))
        .map(str::to_string)
        .unwrap_or_default();
    assert_eq!(
        line,
        "content/ga/70/4\\nx.md: error: the file name holds the control character U+000A (line feed); rename the file"
    );
}

#[test]
fn every_xml_file_parses_whatever_the_sources_hold() {
    let a = Archive::new();
    let config = fs::read_to_string(a.root().join("config.yaml")).unwrap();
    let config = config.replace("\"Fixture archive\"", "\"Fixture\\farchive\\u001b\"");
    fs::write(a.root().join("config.yaml"), config).unwrap();
    let path = a.root().join("content/ga/70/9.md");
    let text = fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "*Decides*",
        "*Decides*\u{c} with \u{1b}[31m and \u{fffe}",
        1,
    );
    fs::write(&path, &text).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains('\u{c}'))
        .map(|i| i + 1)
        .unwrap();
    let o = a.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
        "content/ga/70/9.md:{line}: warning: the character U+000C (form feed) cannot appear in XML"
    )),
        "{err}"
    );
    assert!(
        err.contains("config.yaml:1: warning: `title` holds the character U+000C (form feed)"),
        "{err}"
    );
    let out = a.root().join("public");
    let mut xml = 0;
    for (rel, bytes) in all_files(&out) {
        if rel.ends_with(".xml") {
            let text = String::from_utf8(bytes).unwrap();
            if let Err(e) = roxmltree::Document::parse(&text) {
                panic!("{rel} is not well-formed: {e}");
            }
            xml += 1;
        }
    }
    assert!(xml >= 8, "{xml} XML files");
    let akn = fs::read_to_string(out.join("ga/70/9/akn.xml")).unwrap();
    assert!(
        akn.contains("Decides</i>\u{fffd} with \u{fffd}[31m and \u{fffd}"),
        "{akn}"
    );
}

#[test]
fn every_xml_file_of_every_fixture_parses() {
    for name in ["basic", "hostile", "generated", "theme-override"] {
        let built = build_copy(&fixture(name));
        assert!(
            built.report.succeeded(),
            "{name}: {:#?}",
            built.report.diagnostics
        );
        let files = all_files(&built.out());
        let xml: Vec<_> = files
            .iter()
            .filter(|(rel, _)| rel.ends_with(".xml"))
            .collect();
        assert!(xml.len() > 2, "{name}: {} XML files", xml.len());
        for (rel, bytes) in xml {
            let text = std::str::from_utf8(bytes).unwrap();
            if let Err(e) = roxmltree::Document::parse(text) {
                panic!("{name}: {rel} is not well-formed: {e}");
            }
        }
    }
}

#[test]
fn symlinks_in_content_are_read_or_reported() {
    let a = Archive::new();
    let outside = a.tmp.path().join("outside.md");
    fs::write(&outside, "## 70/20. Kept elsewhere\n\n*The General Assembly*,\n\n1. *Decides* to link.\n\n*1st plenary meeting  \n1 May 2016*\n").unwrap();
    let ga = a.root().join("content/ga/70");
    std::os::unix::fs::symlink(&outside, ga.join("20.md")).unwrap();
    std::os::unix::fs::symlink("/nowhere/21.md", ga.join("21.md")).unwrap();
    std::os::unix::fs::symlink("..", ga.join("loop")).unwrap();
    let before = a.all();
    let o = a.run(&["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("content/ga/70/21.md: warning: a symbolic link to /nowhere/21.md, which does not exist; skipped"), "{err}");
    assert!(err.contains("content/ga/70/loop: warning: a symbolic link back to content/ga, which holds it (a loop); skipped"), "{err}");
    let doc = scraper::Html::parse_document(
        &fs::read_to_string(a.root().join("public/ga/70/20/index.html")).unwrap(),
    );
    let op1: String = doc.select(&sel("#op1")).next().unwrap().text().collect();
    assert!(op1.contains("to link"), "{op1}");
    let mut after = a.all();
    after.retain(|k, _| !k.starts_with("site/public") && !k.starts_with("site/.public"));
    assert_eq!(after, before);
}

#[test]
fn two_builds_at_once_leave_one_whole_site() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    generated_archive(root, 300);
    let reference = tmp.path().join("reference");
    let o = plenary(
        &["build", "--output", &reference.display().to_string()],
        root,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let want = all_files(&reference);
    for _ in 0..3 {
        let builds: Vec<_> = (0..2)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_plenary"))
                    .arg("build")
                    .current_dir(root)
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for b in builds {
            let o = b.wait_with_output().unwrap();
            assert!(o.status.success(), "{}", stderr(&o));
        }
        assert_eq!(all_files(&root.join("public")), want);
        assert!(!root.join(".public.staging").exists());
    }
}

/// A minimal AKN4UN document whose main body is `body`.
fn akn_document(body: &str) -> String {
    let sample = fs::read_to_string(fixture("akn/GA_76-10.akn.xml")).unwrap();
    let start = sample.find("<mainBody").unwrap();
    let open_end = start + sample[start..].find('>').unwrap() + 1;
    let end = sample.find("</mainBody>").unwrap();
    format!("{}{body}{}", &sample[..open_end], &sample[end..])
}

/// Runs `plenary import akn` with `args` in `dir`; a run that outlives a
/// minute is killed and fails the test (a hang, not a slow machine).
fn import(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args(["import", "akn"])
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("import {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn hostile_xml_gets_an_error_never_a_crash_or_a_hang() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let deep = "<hcontainer name=\"x\">".repeat(100_000) + &"</hcontainer>".repeat(100_000);
    fs::write(dir.join("deep.xml"), akn_document(&deep)).unwrap();
    let spans = format!(
        "<paragraph><content><p>{}{}</p></content></paragraph>",
        "<span>text ".repeat(100_000),
        "</span>".repeat(100_000)
    );
    fs::write(dir.join("spans.xml"), akn_document(&spans)).unwrap();
    fs::write(
        dir.join("entities.xml"),
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"xxxxxxxx\"><!ENTITY y \"&x;&x;&x;&x;\">]><a>&y;</a>",
    )
    .unwrap();
    fs::write(dir.join("empty.xml"), "").unwrap();
    fs::write(dir.join("latin1.xml"), b"<a>caf\xe9</a>").unwrap();
    let big = fs::File::create(dir.join("big.xml")).unwrap();
    big.set_len(40 * 1024 * 1024).unwrap();
    let status = Command::new("mkfifo")
        .arg(dir.join("pipe.xml"))
        .status()
        .unwrap();
    assert!(status.success());

    let o = import(dir, &[".", "--into", "content"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    let line = akn_document("")
        .lines()
        .position(|l| l.contains("<mainBody"))
        .unwrap()
        + 1;
    for want in [
        format!("./deep.xml:{line}: error: elements are nested more than 200 deep here"),
        format!("./spans.xml:{line}: error: elements are nested more than 200 deep here"),
        "./entities.xml:1: error: not well-formed XML: XML with DTD detected".to_string(),
        "./empty.xml:1: error: not well-formed XML".to_string(),
        "./latin1.xml: error: not valid UTF-8 at byte offset 6".to_string(),
        "./big.xml: error: is 40 MiB; plenary reads documents up to 32 MiB".to_string(),
        "./pipe.xml: warning: not a regular file (a FIFO, socket or device); skipped".to_string(),
    ] {
        assert!(err.contains(&want), "no {want:?} in\n{err}");
    }
    assert!(!dir.join("content").exists());
}

#[test]
fn import_never_writes_through_a_link_or_outside_into() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let outside = dir.join("outside.md");
    fs::write(&outside, "mine").unwrap();
    let into = dir.join("content/ga/76");
    fs::create_dir_all(&into).unwrap();
    std::os::unix::fs::symlink(&outside, into.join("10.md")).unwrap();
    let sample = fixture("akn/GA_76-10.akn.xml").display().to_string();
    let before = snapshot(dir);
    let o = import(dir, &[&sample, "--into", "content", "--replace"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(
            "content/ga/76/10.md: error: is a symbolic link; plenary does not write through links"
        ),
        "{}",
        stderr(&o)
    );
    assert_eq!(snapshot(dir), before);

    // A linked folder on the way is refused the same way.
    fs::remove_file(into.join("10.md")).unwrap();
    fs::remove_dir(&into).unwrap();
    fs::create_dir(dir.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(dir.join("elsewhere"), &into).unwrap();
    let before = snapshot(dir);
    let o = import(dir, &[&sample, "--into", "content", "--replace"]);
    assert!(
        stderr(&o).contains("content/ga/76: error: is a symbolic link"),
        "{}",
        stderr(&o)
    );
    assert_eq!(snapshot(dir), before);
}
