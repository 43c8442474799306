use std::fs;
use std::hash::Hash;
use std::path::{Path, PathBuf};

use super::*;
use crate::pipeline::{BuildOptions, Change, Pipeline};

#[test]
fn names_go_both_ways_and_unknown_ones_list_the_kinds() {
    for kind in KINDS {
        assert_eq!(Kind::named(kind.name).map(|k| k.name), Ok(kind.name));
    }
    let named = |names: &[&str]| Outputs::Named(names.iter().map(|n| n.to_string()).collect());
    assert_eq!(
        check(&named(&["html", "pdf"])).unwrap_err(),
        "`pdf` is not a kind of output; the kinds are html, redirects, akn, json, source, feeds, search, citations, votes, member-states"
    );
    assert!(check(&named(&[])).is_err());
    assert_eq!(check(&named(&["html", " akn"])), Ok(()));
}

/// A kind that is not built in, described here and nowhere else: a plain
/// text file beside each resolution's page, with its symbol and title.
static PLAIN: Kind = Kind {
    name: "plain",
    writes: "`text.txt` beside each resolution",
    forms: &[Form {
        what: "the plain text",
        each: Each::Resolution,
        paths: |_, site, of| {
            let entry = site.entry_for(of);
            entry
                .map(|e| format!("{}text.txt", e.path))
                .into_iter()
                .collect()
        },
        more: None,
        listed: false,
        uses_text: false,
        render: |r, p| {
            let entry = r.site.entry_for(p.output.of);
            let m = entry.map(|e| &e.resolution.meta);
            Ok(
                m.map_or_else(String::new, |m| format!("{}\n{}\n", m.symbol, m.title))
                    .into_bytes(),
            )
        },
        inputs: |f, o, h| {
            if let Some(e) = f.site.entry_for(o.of) {
                (&e.resolution.meta.symbol, &e.resolution.meta.title).hash(h);
            }
        },
        describe: of_resolution,
    }],
    fills: None,
};

fn basic_archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&to).unwrap();
        } else {
            fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

fn options(archive: &Path, outputs: Option<&[&str]>) -> BuildOptions {
    BuildOptions {
        root: archive.to_path_buf(),
        output: Some(archive.join("public")),
        outputs: outputs.map(|o| o.iter().map(|s| s.to_string()).collect()),
        ..BuildOptions::default()
    }
}

fn text_files(out: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "text.txt")
        .map(|e| e.path().strip_prefix(out).unwrap().to_path_buf())
        .collect();
    found.sort();
    found
}

/// Adding a kind is one description: the planner gives it its files, the
/// pipeline renders them, an edit renders them again, `outputs:` turns it
/// off, and an alias that wants its place is reported — with no other
/// code knowing it.
#[test]
fn a_kind_described_once_is_planned_rendered_rebuilt_and_checked() {
    let archive = basic_archive();
    let root = archive.path();
    let registry = Registry::builtin().with(&PLAIN);
    let out = root.join("public");

    let (mut pipeline, _) =
        Pipeline::start_with(options(root, None), registry.clone()).expect("builds");
    // Beside every resolution's page (70/3 is a draft).
    let pages = ["ga/70/1", "ga/70/10", "ga/70/2", "ga/70/9", "sc/1325"];
    let beside: Vec<PathBuf> = pages
        .iter()
        .map(|p| Path::new(p).join("text.txt"))
        .collect();
    assert_eq!(text_files(&out), beside);
    let nine = out.join("ga/70/9/text.txt");
    assert_eq!(
        fs::read_to_string(&nine).unwrap(),
        "A/RES/70/9\nResolution number 9\n"
    );

    // An edit renders the file again, and only what the edit reaches.
    let source = root.join("content/ga/70/9.md");
    let text = fs::read_to_string(&source).unwrap();
    fs::write(
        &source,
        text.replace("Resolution number 9", "Natural order"),
    )
    .unwrap();
    let outcome = pipeline
        .apply(&[Change::Content(fs::canonicalize(&source).unwrap())])
        .expect("rebuilds");
    assert_eq!(
        fs::read_to_string(&nine).unwrap(),
        "A/RES/70/9\nNatural order\n"
    );
    // A new title reaches the page, its companions and redirect, the
    // listings and feeds that name it, and in the search index the record
    // file, the shards of the title's stems and the vocabulary files that
    // count their documents: about twenty of the site's ninety.
    assert!(outcome.written < 25, "{} files written", outcome.written);
    drop(pipeline);

    // Off when `outputs:` names other kinds.
    let (_, _) =
        Pipeline::start_with(options(root, Some(&["html"])), registry.clone()).expect("builds");
    assert_eq!(text_files(&out), Vec::<PathBuf>::new());

    // Its place is its own.
    let text = fs::read_to_string(&source).unwrap();
    fs::write(
        &source,
        format!("---\naliases: [/ga/70/2/text.txt/]\n---\n{text}"),
    )
    .unwrap();
    let errors = match Pipeline::start_with(options(root, None), registry) {
        Ok(_) => panic!("an alias over the plain text was published"),
        Err(errors) => errors,
    };
    let messages: Vec<String> = errors.iter().map(|d| d.message.clone()).collect();
    assert!(
        messages.contains(
            &"an alias of A/RES/70/9 (content/ga/70/9.md) would need /ga/70/2/text.txt to be a folder, but the plain text of A/RES/70/2 is published there as a file".to_string()
        ),
        "{messages:#?}"
    );
}
