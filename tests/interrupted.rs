//! Killing a build at any moment leaves the previous site as it was, and
//! the next build works.

mod common;

use common::*;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn build(root: &Path) -> std::process::Child {
    build_into(root, &root.join("public"))
}

fn build_into(root: &Path, output: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(output)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

fn site_title(html: &[u8]) -> String {
    let doc = scraper::Html::parse_document(&String::from_utf8_lossy(html));
    doc.select(&sel(".site-title"))
        .next()
        .unwrap()
        .text()
        .collect()
}

#[test]
fn killing_a_build_keeps_the_previous_site() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    generated_archive(root, 3000);
    assert!(build(root).wait().unwrap().success());
    let before = all_files(&root.join("public"));
    assert!(before.len() > 3000);

    // Change every page's neighbourhood, then kill builds at different
    // moments: while loading, rendering, writing, swapping.
    fs::write(root.join("config.yaml"), "title: Bigger\n").unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let reference = elsewhere.path().join("site");
    assert!(build_into(root, &reference).wait().unwrap().success());
    let new = all_files(&reference);
    for ms in [5, 40, 120, 300, 600, 1000] {
        let mut child = build(root);
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let after = all_files(&root.join("public"));
        if status.success() {
            // Finished before the kill: the new site, whole.
            assert_eq!(site_title(&after["index.html"]), "Bigger");
            break;
        }
        // Killed after the swap, while clearing the old site away: the
        // new site is whole. Any other moment: the old one is untouched.
        assert!(
            after == before || after == new,
            "killed after {ms} ms: the published site is neither the old nor the new one"
        );
    }
    // A staging folder left by a kill does not break the next build.
    assert!(build(root).wait().unwrap().success());
    assert!(!root.join(".public.staging").exists());
    assert_eq!(
        site_title(&fs::read(root.join("public/index.html")).unwrap()),
        "Bigger"
    );
}
