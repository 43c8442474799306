//! The `plenary` binary as a user runs it: exit codes, messages, and the
//! promise that a failed build leaves the published site alone.

mod common;

use common::*;
use std::fs;

#[test]
fn init_creates_an_archive_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let o = plenary(&["init", "my-archive"], tmp.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let root = tmp.path().join("my-archive");
    assert!(root.join("config.yaml").is_file());

    let o = plenary(&["build", "--root", "my-archive"], tmp.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "no warnings on the sample");
    let page = fs::read_to_string(root.join("public/ga/1/1/index.html")).unwrap();
    let doc = scraper::Html::parse_document(&page);
    assert_eq!(doc.select(&sel("p.para")).count(), 5);
    assert!(
        root.join("public/style.css").is_file(),
        "the embedded theme's assets"
    );

    // The workflow that publishes it installs the plenary it is told of.
    let o = plenary(
        &[
            "init",
            "other",
            "--plenary-git",
            "https://example.org/plenary.git",
        ],
        tmp.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let workflow =
        fs::read_to_string(tmp.path().join("other/.github/workflows/pages.yml")).unwrap();
    let workflow: serde_yaml::Value = serde_yaml::from_str(&workflow).unwrap();
    assert_eq!(
        workflow["env"]["PLENARY_GIT"].as_str(),
        Some("https://example.org/plenary.git")
    );
    let steps = workflow["jobs"]["build"]["steps"].as_sequence().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        runs.iter()
            .any(|r| r.starts_with("plenary build --base-url")),
        "{runs:?}"
    );
    assert!(
        runs.iter().any(|r| r.starts_with("plenary check")),
        "{runs:?}"
    );

    let again = plenary(&["init", "my-archive"], tmp.path());
    assert!(!again.status.success(), "init refuses a folder with files");
    assert!(stderr(&again).contains("is not empty"));
}

#[test]
fn a_failed_build_keeps_the_previous_site_and_exits_non_zero() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixture("basic"), tmp.path());
    let ok = plenary(&["build"], tmp.path());
    assert!(ok.status.success(), "{}", stderr(&ok));
    let before = fs::read(tmp.path().join("public/ga/70/1/index.html")).unwrap();

    fs::write(
        tmp.path().join("content/ga/70/1.md"),
        "---\nsubject: x\n---\n## 70/1. T\n",
    )
    .unwrap();
    let failed = plenary(&["build"], tmp.path());
    assert_eq!(failed.status.code(), Some(1));
    let err = stderr(&failed);
    assert!(
        err.contains("content/ga/70/1.md:2: error: invalid YAML: unknown field `subject`"),
        "{err}"
    );
    assert_eq!(
        fs::read(tmp.path().join("public/ga/70/1/index.html")).unwrap(),
        before
    );
    assert!(
        !tmp.path().join(".public.staging").exists(),
        "no staging debris"
    );
}

#[test]
fn warnings_are_printed_but_do_not_fail() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(
        &repo_root().join("tests/errors/footnotes-unmatched"),
        tmp.path(),
    );
    let o = plenary(&["build", "--output", "out"], tmp.path());
    assert!(o.status.success());
    assert!(stderr(&o).contains("content/ga/70/1.md:7: warning: footnote marker 2 has no endnote"));
    assert!(tmp.path().join("out/ga/70/1/index.html").is_file());
}

#[test]
fn refuses_to_replace_the_archive_itself() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixture("basic"), tmp.path());
    let o = plenary(&["build", "--output", "."], tmp.path());
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("--output: error: . holds the archive itself"),
        "{}",
        stderr(&o)
    );
    assert!(tmp.path().join("content/ga/70/1.md").is_file());
}

#[test]
fn a_site_overrides_the_theme_by_template_name() {
    let b = build_copy(&fixture("theme-override"));
    assert!(b.report.succeeded(), "{:#?}", b.report.diagnostics);
    let doc = b.page("/ga/70/1/");
    let title: String = doc.select(&sel("title")).next().unwrap().text().collect();
    assert_eq!(title, "Custom: A/RES/70/1");
    assert_eq!(doc.select(&sel("p.banner")).count(), 1);
    assert_eq!(
        doc.select(&sel("p#op1")).count(),
        1,
        "the theme's block still renders"
    );
    assert_eq!(
        doc.select(&sel("meta[name=generator][content=site-override]"))
            .count(),
        1
    );
    // A listing that the site did not override still uses the site's base.
    let home = b.page("/");
    assert_eq!(home.select(&sel("meta[name=generator]")).count(), 1);
    assert_eq!(
        fs::read_to_string(b.out().join("style.css")).unwrap(),
        "body { color: rebeccapurple; }\n"
    );
    assert!(b.out().join("extra.txt").is_file());
}

#[test]
fn check_reports_broken_links_and_outside_citations() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixture("basic"), tmp.path());
    let ok = plenary(&["check", "--verbose"], tmp.path());
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success(), "{}{out}", stderr(&ok));
    assert!(!tmp.path().join("public").exists(), "check writes nothing");
    assert!(
        out.contains("of them of resolutions outside the archive"),
        "{out}"
    );
    assert!(out.contains("A/RES/70/10 cites A/RES/69/1"), "{out}");

    let page = tmp.path().join("content/ga/70/9.md");
    let text = fs::read_to_string(&page).unwrap();
    fs::write(
        &page,
        text.replace(
            "keep natural order",
            "see [the missing page](/archive/ga/99/1/#op2)",
        ),
    )
    .unwrap();
    let bad = plenary(&["check"], tmp.path());
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains(
            "content/ga/70/9.md: error: the link `/archive/ga/99/1/#op2` on /ga/70/9/ points at a page that does not exist"
        ),
        "{}",
        stderr(&bad)
    );
}
