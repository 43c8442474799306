//! The repository's own example archive (`config.yaml`, `content/`) must
//! build cleanly: it is what a newcomer sees first.

mod common;

use common::*;
use plenary::build::{build, BuildOptions};
use std::fs;
use std::path::Path;

fn build_bundled(out: &Path) -> plenary::build::Report {
    build(&BuildOptions {
        root: repo_root(),
        output: Some(out.to_path_buf()),
        ..BuildOptions::default()
    })
}

#[test]
fn builds_with_zero_warnings_and_a_sound_site() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let report = build_bundled(&out);
    assert!(report.succeeded(), "{:#?}", report.diagnostics);
    assert_eq!(
        report.diagnostics,
        vec![],
        "the bundled archive builds without warnings"
    );
    assert_eq!(report.resolutions, 19);

    let pages = html_files(&out);
    for (path, doc) in &pages {
        assert_eq!(parse_errors(doc), Vec::<String>::new(), "{path}");
        for p in doc.select(&sel("main p.para")) {
            assert!(
                p.value().attr("id").is_some(),
                "{path}: a paragraph without an id"
            );
        }
        let ids = ids(doc);
        for a in doc.select(&sel("sup.fnref a, a.backref")) {
            let target = a.value().attr("href").unwrap().trim_start_matches('#');
            assert!(ids.contains(target), "{path}: #{target} has no target");
        }
    }
    assert_eq!(broken_links(&out, "/plenary/"), Vec::<String>::new());
    for path in [
        "/ga/76/10/",
        "/ga/75/251-b/",
        "/ga/es-11/6/",
        "/ecosoc/1997/2/",
        "/ecosoc/2021/1/",
        "/hrc/56/2/",
        "/ga/77/92/",
    ] {
        assert!(pages.contains_key(path), "{path} is published");
    }
}

/// The reference resolution's text, as readers see it; any change to the
/// markup shows up here for review.
#[test]
fn reference_resolution_main_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert!(build_bundled(&out).succeeded());
    let doc = scraper::Html::parse_document(
        &fs::read_to_string(out.join("ecosoc/1997/2/index.html")).unwrap(),
    );
    let main = doc.select(&sel("main")).next().unwrap();
    insta::assert_snapshot!("reference_main", main.inner_html());
}

#[test]
fn two_builds_on_different_thread_counts_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    assert!(one.install(|| build_bundled(&a)).succeeded());
    let four = rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .unwrap();
    assert!(four.install(|| build_bundled(&b)).succeeded());
    let (fa, fb) = (all_files(&a), all_files(&b));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (name, bytes) in &fa {
        assert!(bytes == &fb[name], "{name} differs between builds");
    }
}

/// Files written in another order (so the file system lists them
/// differently) and built on another number of threads: the same bytes.
#[test]
fn file_creation_order_does_not_change_the_output() {
    let tmp = tempfile::tempdir().unwrap();
    let sources = all_files(&repo_root().join("content"));
    for (order, dir) in [(false, "forward"), (true, "backward")] {
        let root = tmp.path().join(dir);
        fs::create_dir_all(&root).unwrap();
        fs::copy(repo_root().join("config.yaml"), root.join("config.yaml")).unwrap();
        let mut files: Vec<_> = sources.iter().collect();
        if order {
            files.reverse();
        }
        for (rel, bytes) in files {
            let path = root.join("content").join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
    }
    let build_in = |dir: &str, threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let report = pool.install(|| {
            build(&BuildOptions {
                root: tmp.path().join(dir),
                ..BuildOptions::default()
            })
        });
        assert!(report.succeeded());
        all_files(&tmp.path().join(dir).join("public"))
    };
    assert!(build_in("forward", 2) == build_in("backward", 3));
}
