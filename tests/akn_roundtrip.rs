//! The UN's own Akoma Ntoso XML (tests/fixtures/akn), imported with
//! `plenary import akn`, built, and exported again: paragraphs, their
//! numbering, footnotes and citations survive.

mod common;

use common::*;
use plenary::akn::import;
use roxmltree::{Document, Node};
use std::collections::BTreeSet;
use std::fs;

fn default_config() -> plenary::config::Config {
    plenary::config::Config::parse("", std::path::Path::new("config.yaml")).unwrap()
}

/// The `num` of every numbered paragraph and point of the main body.
fn numbering(doc: &Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("paragraph") || n.has_tag_name("point"))
        .filter(|n| n.ancestors().any(|a| a.has_tag_name("mainBody")))
        .filter_map(|n| n.children().find(|c| c.has_tag_name("num")))
        .map(|num| num.text().unwrap_or("").trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Markers of the footnotes, wherever they are cited.
fn note_markers(doc: &Document) -> BTreeSet<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("authorialNote") || n.has_tag_name("noteRef"))
        .filter_map(|n| n.attribute("marker").map(str::to_string))
        .collect()
}

/// A symbol compared without case, spaces or the part letter: the UN links
/// `62/232 A` to `A/RES/62/232` and `74/261 C` to `A/RES/74/261 c`, where
/// plenary cites the part.
fn comparable(symbol: &str) -> String {
    let mut s: String = symbol.to_uppercase().split_whitespace().collect();
    let mut tail = s.chars().rev();
    if let (Some(last), Some(before)) = (tail.next(), tail.next()) {
        if last.is_ascii_alphabetic() && before.is_ascii_digit() {
            s.pop();
        }
    }
    s
}

/// Resolution symbols the UN linked, as `A/RES/73/89`, `S/RES/242(1967)`.
fn linked_resolutions(doc: &Document) -> BTreeSet<String> {
    doc.descendants()
        .filter(|n: &Node| n.has_tag_name("a"))
        .filter_map(|a| a.attribute("href"))
        .filter_map(|h| h.split_once("undocs.org/en/").map(|(_, s)| s.to_string()))
        .filter(|s| s.contains("/RES/"))
        .collect()
}

#[test]
fn paragraphs_numbering_footnotes_and_citations_survive() {
    let tmp = tempfile::tempdir().unwrap();
    let report = import::import(
        &[fixture("akn")],
        &tmp.path().join("content"),
        false,
        &default_config(),
    );
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert_eq!(report.written.len(), 6);
    let b = build_copy(tmp.path());
    assert!(b.report.succeeded(), "{:#?}", b.report.diagnostics);
    assert!(
        b.report.diagnostics.is_empty(),
        "imported sources build cleanly: {:#?}",
        b.report.diagnostics
    );

    let mut missed = Vec::new();
    let mut linked_total = 0;
    for file in fs::read_dir(fixture("akn")).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_none_or(|x| x != "xml") {
            continue;
        }
        let original = fs::read_to_string(&path).unwrap();
        let original = Document::parse(&original).unwrap();
        let imported = import::convert(
            &fs::read_to_string(&path).unwrap(),
            &path,
            &default_config(),
        )
        .unwrap()
        .remove(0);
        let page = imported.rel.with_extension("");
        let page = page.to_string_lossy().replace('\\', "/");
        let exported = fs::read_to_string(b.out().join(format!("{page}/akn.xml")))
            .unwrap_or_else(|e| panic!("{page}: {e}"));
        let exported = Document::parse(&exported).unwrap();
        let name = path.display();

        assert_eq!(numbering(&exported), numbering(&original), "{name}");
        assert_eq!(note_markers(&exported), note_markers(&original), "{name}");

        // Every resolution the UN linked is a citation plenary found.
        let record: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(b.out().join(format!("{page}/index.json"))).unwrap(),
        )
        .unwrap();
        let found: BTreeSet<String> = record["citations"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["symbol"].as_str())
            .map(comparable)
            .collect();
        for symbol in linked_resolutions(&original) {
            linked_total += 1;
            if !found.contains(&comparable(&symbol)) {
                missed.push(format!("{name}: {symbol}"));
            }
        }
    }
    assert!(linked_total >= 30, "{linked_total}");
    assert_eq!(missed, Vec::<String>::new());
}

#[test]
fn metadata_lands_in_front_matter() {
    let path = fixture("akn").join("HRC_56-2.akn.xml");
    let imported = import::convert(
        &fs::read_to_string(&path).unwrap(),
        &path,
        &default_config(),
    )
    .unwrap()
    .remove(0);
    assert_eq!(imported.rel, std::path::Path::new("hrc/56/2.md"));
    let md = imported.markdown;
    for line in [
        "symbol: \"A/HRC/RES/56/2\"",
        "body: \"hrc\"",
        "adopted: \"2024-07-10\"",
        "vote:",
        "  totals: {yes: 31, no: 14, abstain: 2}",
        "    - \"ALGERIA\"",
    ] {
        assert!(md.lines().any(|l| l == line), "{line} in\n{md}");
    }
    assert!(md.contains("\n## 56/2. Enhancement of international cooperation"));
    assert!(md.contains("*34th meeting  \n10 July 2024*"));
}

#[test]
fn bad_xml_is_named_with_its_line() {
    let err = import::convert(
        "<akomaNtoso>\n<statement>",
        std::path::Path::new("x.xml"),
        &default_config(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("x.xml:"), "{err}");
    assert!(err.contains("not well-formed XML"), "{err}");
}
