//! Killing a build at any moment leaves the previous site as it was, and
//! the next build works.

mod common;

use common::*;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// An archive big enough for a build to take a while: `n` resolutions.
fn archive(root: &Path, n: usize) {
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
    archive(root, 3000);
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
