//! What search engines, feed readers and citing authors get from a site:
//! Atom feeds, Open Graph and schema.org records, and ready citations.

mod common;

use common::*;
use std::fs;

const BASE: &str = "https://user.github.io/archive/";

fn built() -> Built {
    let b = build_copy(&fixture("basic"));
    assert!(b.report.succeeded(), "{:#?}", b.report.diagnostics);
    b
}

fn attr(doc: &scraper::Html, selector: &str, name: &str) -> Option<String> {
    doc.select(&sel(selector))
        .next()
        .and_then(|e| e.value().attr(name).map(str::to_string))
}

/// (id, link, updated, title) of each entry of an Atom feed, after checking
/// the feed's own id and self link.
fn feed_entries(xml: &str, own_url: &str) -> Vec<(String, String, String, String)> {
    let doc = roxmltree::Document::parse(xml).expect("the feed is well-formed XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(
        feed.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let child = |n: roxmltree::Node, name: &str| {
        n.children()
            .find(|c| c.has_tag_name(name))
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(child(feed, "id"), own_url);
    let this = feed
        .children()
        .find(|c| c.has_tag_name("link") && c.attribute("rel") == Some("self"))
        .and_then(|l| l.attribute("href"));
    assert_eq!(this, Some(own_url));
    feed.children()
        .filter(|c| c.has_tag_name("entry"))
        .map(|e| {
            let link = e
                .children()
                .find(|c| c.has_tag_name("link"))
                .and_then(|l| l.attribute("href"))
                .unwrap_or_default()
                .to_string();
            (child(e, "id"), link, child(e, "updated"), child(e, "title"))
        })
        .collect()
}

#[test]
fn atom_feeds_list_the_latest_resolutions_overall_and_per_body() {
    let b = built();
    let all = fs::read_to_string(b.out().join("atom.xml")).unwrap();
    let entries = feed_entries(&all, &format!("{BASE}atom.xml"));
    // Every dated, published resolution (the draft is left out), newest first.
    let ids: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(ids.len(), 5, "{ids:?}");
    let times: Vec<&str> = entries.iter().map(|e| e.2.as_str()).collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted);
    for (id, link, updated, _) in &entries {
        assert_eq!(id, link);
        assert!(id.starts_with(BASE), "{id}");
        assert!(
            updated.len() == 20 && updated.ends_with("T00:00:00Z"),
            "{updated}"
        );
    }

    let sc = fs::read_to_string(b.out().join("sc/atom.xml")).unwrap();
    let entries = feed_entries(&sc, &format!("{BASE}sc/atom.xml"));
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].0, format!("{BASE}sc/1325/"));
    assert!(entries[0].3.starts_with("S/RES/1325 (2000): "));

    // Pages announce the feeds.
    let page = b.page("/sc/1325/");
    let feeds: Vec<String> = page
        .select(&sel("link[rel=alternate][type='application/atom+xml']"))
        .filter_map(|l| l.value().attr("href").map(str::to_string))
        .collect();
    assert_eq!(feeds, ["/archive/atom.xml", "/archive/sc/atom.xml"]);
}

#[test]
fn resolution_pages_carry_open_graph_and_a_schema_org_record() {
    let b = built();
    let page = b.page("/sc/1325/");
    let og = |p: &str| attr(&page, &format!("meta[property='{p}']"), "content");
    assert_eq!(og("og:type").as_deref(), Some("article"));
    assert_eq!(og("og:url"), Some(format!("{BASE}sc/1325/")));
    assert!(og("og:title").unwrap().starts_with("S/RES/1325 (2000): "));
    assert_eq!(
        attr(&page, "link[rel=canonical]", "href"),
        Some(format!("{BASE}sc/1325/"))
    );

    let script = page
        .select(&sel("script[type='application/ld+json']"))
        .next()
        .expect("a JSON-LD record");
    let record: serde_json::Value = serde_json::from_str(&script.inner_html()).unwrap();
    assert_eq!(record["@context"], "https://schema.org");
    assert_eq!(record["@type"], "Legislation");
    assert_eq!(record["legislationIdentifier"], "S/RES/1325 (2000)");
    assert_eq!(record["legislationDate"], "2000-10-31");
    assert_eq!(record["legislationPassedBy"]["name"], "Security Council");
    assert_eq!(record["url"], format!("{BASE}sc/1325/"));

    let home = b.page("/");
    assert_eq!(
        attr(&home, "meta[property='og:type']", "content").as_deref(),
        Some("website")
    );
}

/// A title that tries to close the script element stays inside the JSON.
#[test]
fn json_ld_cannot_be_broken_out_of() {
    let b = build_copy(&fixture("hostile"));
    assert!(b.report.succeeded(), "{:#?}", b.report.diagnostics);
    let mut records = 0;
    for (path, doc) in html_files(&b.out()) {
        for s in doc.select(&sel("script[type='application/ld+json']")) {
            let record: serde_json::Value =
                serde_json::from_str(&s.inner_html()).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(record["name"].is_string(), "{path}");
            records += 1;
        }
    }
    assert!(records >= 1);
}

#[test]
fn paragraphs_and_pages_offer_ready_citations() {
    let b = built();
    let page = b.page("/sc/1325/");
    let op1 = page
        .select(&sel("#op1 a.permalink"))
        .next()
        .expect("a permalink on op1");
    assert_eq!(
        op1.value().attr("data-cite"),
        Some("S/RES/1325 (2000), para. 1")
    );
    assert_eq!(op1.value().attr("href"), Some("#op1"));
    // The script that copies it is the theme's, served beside the pages.
    assert!(b.out().join("plenary.js").is_file());
    assert_eq!(
        attr(&page, "script[src]", "src").as_deref(),
        Some("/archive/plenary.js")
    );

    let citation: String = page
        .select(&sel(".how-to-cite .citation"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(
        citation,
        format!("Security Council resolution 1325 (2000) of 31 October 2000 (S/RES/1325 (2000)), {BASE}sc/1325/")
    );
    let bibtex: String = page
        .select(&sel(".how-to-cite .bibtex code"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(bibtex.starts_with("@misc{S-RES-1325-2000,\n"), "{bibtex}");
    for field in [
        "  author = {{Security Council}},",
        "  number = {S/RES/1325 (2000)},",
        "  year = {2000},",
        "  date = {2000-10-31},",
    ] {
        assert!(bibtex.lines().any(|l| l == field), "{field} in {bibtex}");
    }
    assert!(bibtex.ends_with(&format!("  url = {{{BASE}sc/1325/}}\n}}")));
}

#[test]
fn sitemap_lists_pages_once_and_feeds_not_at_all() {
    let b = built();
    let xml = fs::read_to_string(b.out().join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "urlset");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    let mut unique = locs.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), locs.len());
    assert!(locs.iter().all(|l| l.ends_with('/')), "{locs:?}");
    assert!(!b.out().join("sitemap-1.xml").exists());
}
