//! The Akoma Ntoso twin, the JSON record and the Markdown source beside
//! each resolution page. (Validation against the OASIS schema runs with
//! xmllint in `tests/browser/run.sh`, which installs it.)

mod common;

use common::*;
use roxmltree::{Document, Node};
use std::collections::BTreeSet;
use std::fs;

const AKN: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

fn built() -> Built {
    let b = build_copy(&fixture("basic"));
    assert!(b.report.succeeded(), "{:#?}", b.report.diagnostics);
    b
}

fn elements<'a>(doc: &'a Document, name: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.tag_name().name() == name && n.tag_name().namespace() == Some(AKN))
        .collect()
}

fn text_of(n: Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter(|d| !d.ancestors().any(|a| a.has_tag_name("authorialNote")))
        .filter_map(|d| d.text())
        .collect()
}

#[test]
fn the_twin_names_the_work_and_numbers_its_parts() {
    let b = built();
    let xml = fs::read_to_string(b.out().join("ga/70/1/akn.xml")).unwrap();
    let doc = Document::parse(&xml).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().namespace(), Some(AKN));
    assert_eq!(doc.root_element().tag_name().name(), "akomaNtoso");
    let uri = elements(&doc, "FRBRuri")[0].attribute("value");
    assert_eq!(
        uri,
        Some("/akn/un/statement/deliberation/unga/2015-10-01/70-1/")
    );
    let date = elements(&doc, "FRBRdate")[0];
    assert_eq!(date.attribute("name"), Some("adoption"));

    // eIds follow the OASIS rules and are unique.
    let eids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("eId"))
        .collect();
    let unique: BTreeSet<&str> = eids.iter().copied().collect();
    assert_eq!(unique.len(), eids.len(), "{eids:?}");
    for wanted in [
        "sec_I__para_1",
        "sec_I__para_1__list_1__point_a",
        "sec_I__para_1__list_1__point_a__list_1__point_ii",
        "sec_I__para_1__list_1__point_b",
    ] {
        assert!(unique.contains(wanted), "{wanted} in {eids:?}");
    }
    let para = doc
        .descendants()
        .find(|n| n.attribute("eId") == Some("sec_I__para_1__list_1__point_b"))
        .unwrap();
    assert_eq!(
        text_of(para).split_whitespace().collect::<Vec<_>>(),
        ["(b)", "To", "report;"]
    );

    // Footnote 2 is cited twice: the note once, a noteRef after.
    let notes: Vec<&str> = elements(&doc, "authorialNote")
        .iter()
        .filter_map(|n| n.attribute("marker"))
        .collect();
    assert_eq!(notes.iter().filter(|m| **m == "2").count(), 1, "{notes:?}");
    assert!(elements(&doc, "noteRef")
        .iter()
        .any(|n| n.attribute("href") == Some("#authorialNote_2")));

    // Hostile text stays text.
    assert!(xml.contains("&lt;script&gt;"));
}

#[test]
fn citations_become_refs_and_match_the_json_record() {
    let b = built();
    let xml = fs::read_to_string(b.out().join("ga/70/10/akn.xml")).unwrap();
    let doc = Document::parse(&xml).unwrap();
    let refs: Vec<&str> = elements(&doc, "ref")
        .iter()
        .filter_map(|r| r.attribute("href"))
        .collect();
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(b.out().join("ga/70/10/index.json")).unwrap())
            .unwrap();
    let citations = json["citations"].as_array().unwrap();
    assert!(!citations.is_empty());
    assert_eq!(refs.len(), citations.len(), "{refs:?}");
    // A citation of a resolution in the archive points at its page.
    assert!(
        refs.iter()
            .any(|r| r.starts_with("https://user.github.io/archive/ga/70/1/")),
        "{refs:?}"
    );

    assert_eq!(json["symbol"], "A/RES/70/10");
    assert_eq!(json["url"], "https://user.github.io/archive/ga/70/10/");
    let anchors: Vec<&str> = json["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["anchor"].as_str())
        .collect();
    // Every anchor the record names is on the page.
    let page = b.page("/ga/70/10/");
    let ids = ids(&page);
    assert!(!anchors.is_empty());
    for a in anchors {
        assert!(ids.contains(a), "{a}");
    }
}

#[test]
fn each_page_links_its_formats_and_the_source_is_published_as_written() {
    let b = built();
    let page = b.page("/ga/70/1/");
    let links: Vec<String> = page
        .select(&sel(".formats a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(
        links,
        [
            "/archive/ga/70/1/akn.xml",
            "/archive/ga/70/1/index.json",
            "/archive/ga/70/1/source.md"
        ]
    );
    assert_eq!(
        fs::read(b.out().join("ga/70/1/source.md")).unwrap(),
        fs::read(fixture("basic").join("content/ga/70/1.md")).unwrap()
    );
}
