//! A synthetic archive from `../shared/tools/gen-corpus.py` (committed in
//! `tests/fixtures/generated`, made with `--count 120 --seed 11`) whose
//! `labels.jsonl` is an answer key: every resolution's anchors and
//! footnote numbers, as the generator wrote them.

mod common;

use common::*;
use serde_json::Value;
use std::fs;

#[test]
fn anchors_and_footnotes_match_the_answer_key() {
    let b = build_copy(&fixture("generated"));
    assert!(b.report.succeeded(), "{:#?}", b.report.diagnostics);
    assert_eq!(
        b.report.diagnostics,
        vec![],
        "a clean archive gives no warnings"
    );
    let labels = fs::read_to_string(fixture("generated").join("labels.jsonl")).unwrap();
    let mut checked = 0;
    for line in labels.lines() {
        let label: Value = serde_json::from_str(line).unwrap();
        let path = label["path"].as_str().unwrap();
        let parts: Vec<&str> = path
            .trim_start_matches("content/")
            .trim_end_matches(".md")
            .split('/')
            .collect();
        // Security Council pages live at /sc/NUMBER/, the rest at /body/session/number/.
        let site_path = match parts.as_slice() {
            ["sc", _year, number] => format!("/sc/{number}/"),
            [body, session, number] => format!("/{body}/{session}/{number}/"),
            other => panic!("unexpected path {other:?}"),
        };
        let doc = b.page(&site_path);
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
