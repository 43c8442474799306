//! A synthetic archive from `../shared/tools/gen-corpus.py` (committed in
//! `tests/fixtures/generated`, made with `--count 120 --seed 11`) whose
//! `labels.jsonl` is an answer key: every resolution's anchors, footnote
//! numbers and citations, as the generator wrote them.

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;

fn labels() -> Vec<Value> {
    let text = fs::read_to_string(fixture("generated").join("labels.jsonl")).unwrap();
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Security Council pages live at /sc/NUMBER/, the rest at /body/session/number/.
fn site_path(label: &Value) -> String {
    let path = label["path"].as_str().unwrap();
    let parts: Vec<&str> = path
        .trim_start_matches("content/")
        .trim_end_matches(".md")
        .split('/')
        .collect();
    match parts.as_slice() {
        ["sc", _year, number] => format!("/sc/{number}/"),
        [body, session, number] => format!("/{body}/{session}/{number}/"),
        other => panic!("unexpected path {other:?}"),
    }
}

/// The generator cites paragraphs 1 to 6 of any resolution, whether it has
/// them or not: a reference to one it lacks must be a warning naming it.
fn is_missing_paragraph_warning(d: &plenary::diagnostics::Diagnostic) -> bool {
    !d.is_error() && d.message.contains("which has no such paragraph")
}

#[test]
fn anchors_and_footnotes_match_the_answer_key() {
    let b = build_copy(&fixture("generated"));
    assert!(b.report.succeeded(), "{:#?}", b.report.diagnostics);
    let other: Vec<_> = b
        .report
        .diagnostics
        .iter()
        .filter(|d| !is_missing_paragraph_warning(d))
        .collect();
    assert!(other.is_empty(), "{other:#?}");
    let mut checked = 0;
    for label in labels() {
        let path = label["path"].as_str().unwrap();
        let doc = b.page(&site_path(&label));
        let anchors: Vec<&str> = doc
            .select(&sel("p.para"))
            .filter_map(|p| p.value().attr("id"))
            .collect();
        let expected: Vec<&str> = label["anchors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert_eq!(anchors, expected, "{path}");
        let notes: Vec<u64> = doc
            .select(&sel(".endnotes li"))
            .map(|li| {
                li.value()
                    .attr("id")
                    .unwrap()
                    .trim_start_matches("fn")
                    .parse()
                    .unwrap()
            })
            .collect();
        let expected: Vec<u64> = label["footnotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .collect();
        assert_eq!(notes, expected, "{path}");
        let symbol: String = doc.select(&sel(".symbol")).next().unwrap().text().collect();
        assert_eq!(symbol, label["symbol"].as_str().unwrap(), "{path}");
        checked += 1;
    }
    assert_eq!(checked, 120);
}

/// One `a.cite` link to a resolution, read back from a page.
struct CiteLink {
    paragraph: String,
    symbol: String,
    data_paragraph: Option<String>,
    href: String,
}

fn cite_links(doc: &scraper::Html) -> Vec<CiteLink> {
    let mut out = Vec::new();
    for p in doc.select(&sel("p.para")) {
        let id = p.value().attr("id").unwrap().to_string();
        for a in p.select(&sel("a.cite")) {
            let symbol = a.value().attr("data-symbol").unwrap().to_string();
            if symbol.contains("/RES/") {
                out.push(CiteLink {
                    paragraph: id.clone(),
                    symbol,
                    data_paragraph: a.value().attr("data-paragraph").map(str::to_string),
                    href: a.value().attr("href").unwrap().to_string(),
                });
            }
        }
    }
    out
}

#[test]
fn citations_match_the_answer_key() {
    let b = build_copy(&fixture("generated"));
    assert!(b.report.succeeded());
    let warned: Vec<String> = b
        .report
        .diagnostics
        .iter()
        .filter(|d| is_missing_paragraph_warning(d))
        .map(|d| format!("{}:{}", d.path.display(), d.message))
        .collect();
    let (mut found, mut expected, mut matched) = (0usize, 0usize, 0usize);
    let (mut paragraphs, mut paragraphs_missing) = (0, 0);
    for label in labels() {
        let doc = b.page(&site_path(&label));
        let links = cite_links(&doc);
        let mut ours: BTreeMap<(String, String), usize> = BTreeMap::new();
        for l in &links {
            *ours
                .entry((l.paragraph.clone(), l.symbol.clone()))
                .or_default() += 1;
        }
        found += links.len();
        for c in label["citations"].as_array().unwrap() {
            let (para, target) = (
                c["paragraph"].as_str().unwrap(),
                c["target"].as_str().unwrap(),
            );
            expected += 1;
            if let Some(n) = ours
                .get_mut(&(para.to_string(), target.to_string()))
                .filter(|n| **n > 0)
            {
                *n -= 1;
                matched += 1;
            }
            let Some(n) = c["target_paragraph"].as_u64() else {
                continue;
            };
            paragraphs += 1;
            let link = links.iter().find(|l| {
                l.paragraph == para
                    && l.symbol == target
                    && l.data_paragraph.as_deref() == Some(&n.to_string())
            });
            let link = link.unwrap_or_else(|| {
                panic!("{}: no link for paragraph {n} of {target}", label["path"])
            });
            if !c["internal"].as_bool().unwrap() {
                continue;
            }
            // The target's page must have the paragraph the link points at,
            // or the build must have said it does not exist.
            match link.href.split_once('#') {
                Some((page, anchor)) => {
                    let anchor_ok =
                        anchor == format!("op{n}") || anchor.ends_with(&format!("-op{n}"));
                    assert!(
                        anchor_ok,
                        "{}: {} for paragraph {n}",
                        label["path"], link.href
                    );
                    let target_page = b.page(page.trim_start_matches("/"));
                    assert!(ids(&target_page).contains(anchor), "{}", link.href);
                }
                None => {
                    paragraphs_missing += 1;
                    let file = label["path"].as_str().unwrap();
                    assert!(
                        warned
                            .iter()
                            .any(|w| w.starts_with(file) && w.contains(target)),
                        "{file}: paragraph {n} of {target} neither linked nor reported"
                    );
                }
            }
        }
    }
    let precision = matched as f64 / found as f64;
    let recall = matched as f64 / expected as f64;
    eprintln!("generated archive: precision {precision:.4}, recall {recall:.4} ({matched} of {expected} expected, {found} found); {paragraphs} paragraph references, {paragraphs_missing} to paragraphs the target lacks");
    assert!(
        expected > 1000,
        "the fixture has enough citations to measure"
    );
    assert!(precision >= 0.995, "precision {precision}");
    assert!(recall >= 0.995, "recall {recall}");
}
