//! Citation recognition measured against the links the UN itself put in
//! its XML editions of the bundled resolutions (`tests/fixtures/akn`).
//! `scripts/citations-vs-akn.py` prints the same figures with the
//! differences listed.

mod common;

use common::*;
use plenary::build::{build, BuildOptions};
use regex::Regex;
use std::collections::BTreeMap;
use std::fs;

/// One form for both sides: no spaces, and no part letter, since the UN
/// links `75/251 A` and `74/261 C` to the whole resolution.
fn norm(symbol: &str) -> String {
    let s: String = symbol.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = s.as_bytes();
    match bytes {
        [.., d, p] if d.is_ascii_digit() && p.is_ascii_alphabetic() => s[..s.len() - 1].to_string(),
        _ => s,
    }
}

type Counts = BTreeMap<String, usize>;

/// The UN's links to resolutions; adjacent links to one address, which
/// its markup sometimes splits, count once.
fn theirs(xml: &str) -> Counts {
    let link = Regex::new(r#"<a [^>]*href="https://undocs\.org/en/([^"]+)"[^>]*>.*?</a>"#).unwrap();
    let mut counts = Counts::new();
    let (mut last_end, mut last) = (usize::MAX, String::new());
    for c in link.captures_iter(xml) {
        let m = c.get(0).unwrap();
        let symbol = c[1].to_string();
        let joined = m.start() == last_end && symbol == last;
        last_end = m.end();
        last = symbol.clone();
        if !joined && symbol.contains("/RES/") {
            *counts.entry(norm(&symbol)).or_default() += 1;
        }
    }
    counts
}

fn ours(doc: &scraper::Html) -> Counts {
    let mut counts = Counts::new();
    for a in doc.select(&sel("a.cite")) {
        let symbol = a.value().attr("data-symbol").unwrap();
        if symbol.contains("/RES/") {
            *counts.entry(norm(symbol)).or_default() += 1;
        }
    }
    counts
}

#[test]
fn resolution_links_agree_with_the_uns_own() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let report = build(&BuildOptions {
        root: repo_root(),
        output: Some(out.clone()),
        ..BuildOptions::default()
    });
    assert!(report.succeeded());
    let pages = [
        ("GA_76-10", "ga/76/10"),
        ("GA_77-92", "ga/77/92"),
        ("GA_75-251", "ga/75/251-b"),
        ("GA_ES-11-6", "ga/es-11/6"),
        ("ECOSOC_2021-1", "ecosoc/2021/1"),
    ];
    let (mut both, mut found, mut expected) = (0, 0, 0);
    for (xml, page) in pages {
        let t = theirs(&fs::read_to_string(fixture("akn").join(format!("{xml}.akn.xml"))).unwrap());
        let html = fs::read_to_string(out.join(page).join("index.html")).unwrap();
        let o = ours(&scraper::Html::parse_document(&html));
        let matched: usize = t
            .iter()
            .map(|(s, n)| (*n).min(o.get(s).copied().unwrap_or(0)))
            .sum();
        both += matched;
        found += o.values().sum::<usize>();
        expected += t.values().sum::<usize>();
    }
    let precision = both as f64 / found as f64;
    let recall = both as f64 / expected as f64;
    eprintln!(
        "UN XML: precision {precision:.3} ({both}/{found}), recall {recall:.3} ({both}/{expected})"
    );
    assert!(expected >= 40);
    assert!(recall >= 0.98, "recall {recall}");
    // The one link the UN lacks is a real citation: footnote 1 of 75/251 B
    // names resolution 75/251 before naming 75/251 A, and the UN links only
    // the second.
    assert!(precision >= 0.97, "precision {precision}");
}
