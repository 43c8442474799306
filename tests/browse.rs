//! Finding things without a server: the search index as the browser client
//! reads it, subject pages, and paginated listings.

mod common;

use common::search::SearchIndex;
use common::*;
use plenary::search::terms::symbol_key;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn json(out: &Path, file: &str) -> serde_json::Value {
    let text = fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn ranked(out: &Path, words: &str) -> Vec<String> {
    SearchIndex::open(out, "search").ranked_symbols(words)
}

fn lookup(out: &Path, term: &str) -> BTreeSet<String> {
    SearchIndex::open(out, "search").lookup(term)
}

fn query(out: &Path, words: &str) -> BTreeSet<String> {
    ranked(out, words).into_iter().collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_index_finds_words_and_symbols() {
    let b = build_copy(&fixture("basic"));
    assert!(b.report.succeeded(), "{:#?}", b.report.diagnostics);
    let out = b.out();
    // "natural order" is in 70/9 and 70/10 only; "Decides" in several.
    let natural = set(&["A/RES/70/9", "A/RES/70/10"]);
    assert_eq!(query(&out, "natural order"), natural);
    let decides = query(&out, "DECIDES");
    assert!(
        decides.len() >= 3 && decides.contains("A/RES/70/9"),
        "{decides:?}"
    );
    assert_eq!(query(&out, "natural qwertyuiop"), BTreeSet::new());
    // Stop words are not indexed, so they never narrow a search.
    assert_eq!(query(&out, "the natural order"), natural);
    assert_eq!(query(&out, "natural order document"), set(&["A/RES/70/10"]));
    // Symbols and numbers as cited.
    assert_eq!(
        lookup(&out, &symbol_key("S/RES/1325 (2000)")),
        set(&["S/RES/1325 (2000)"])
    );
    assert_eq!(lookup(&out, &symbol_key("70/9")), set(&["A/RES/70/9"]));
    // A Security Council number without its year, as people type it.
    assert_eq!(lookup(&out, "#1325"), set(&["S/RES/1325 (2000)"]));

    // Words are found in any of their forms (Snowball's English stemmer).
    assert_eq!(query(&out, "sections"), query(&out, "SECTION"));
    assert_eq!(
        query(&out, "section"),
        set(&["A/RES/70/1", "A/RES/70/10"]),
        "`Sections` in the title of 70/1, `section` in the text of 70/10"
    );
    // A word of the title ranks its resolution above one that only
    // mentions it.
    assert_eq!(
        ranked(&out, "security"),
        ["S/RES/1325 (2000)", "A/RES/70/10"]
    );

    let meta = json(&out, "search/meta.json");
    let docs = meta["docs"].as_u64().unwrap() as usize;
    assert_eq!(docs, 5, "published resolutions only");
    assert_eq!(meta["body_of"].as_str().unwrap().len(), docs);
    let subjects = meta["subjects"].as_array().unwrap();
    assert!(subjects
        .iter()
        .any(|s| s["file"] == "development" && s["count"] == 1));
    assert!(out.join("search/subjects/development.json").is_file());
    // Every shard exists, so the client never meets a 404.
    for n in 0..meta["shards"].as_u64().unwrap() {
        assert!(out.join(format!("search/terms/{n}.json")).is_file());
    }
}

#[test]
fn subjects_have_pages_and_the_search_page_offers_them() {
    let b = build_copy(&fixture("basic"));
    let list = b.page("/subjects/");
    let links: Vec<_> = list
        .select(&sel(".subject-list a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(
        links.contains(&"/archive/subjects/development/".to_string()),
        "{links:?}"
    );
    let one = b.page("/subjects/development/");
    assert_eq!(texts(&one, ".resolution-list .number"), ["70/1"]);
    let search = b.page("/search/");
    let options: Vec<_> = search
        .select(&sel("#subject option"))
        .filter_map(|o| o.value().attr("value"))
        .collect();
    assert!(options.contains(&"development"), "{options:?}");
    assert_eq!(
        search
            .select(&sel("form[role=search] input[type=search]#q"))
            .count(),
        1
    );
    // Without script, the page points to the browse pages.
    let noscript: String = search.select(&sel("noscript")).next().unwrap().inner_html();
    assert!(noscript.contains("/archive/ga/"), "{noscript}");
}

/// A session of 205 resolutions: pages of 100 at `page/2/`, `page/3/`.
#[test]
fn long_listings_are_paginated_at_stable_addresses() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("content/ga/70");
    fs::create_dir_all(&dir).unwrap();
    for n in 1..=205 {
        fs::write(
            dir.join(format!("{n}.md")),
            format!(
                "## 70/{n}. Resolution {n}\n\n*The General Assembly*,\n\n1. *Decides* item {n}.\n\n*1st plenary meeting  \n1 October 2015*\n"
            ),
        )
        .unwrap();
    }
    let b = build_copy(tmp.path());
    assert!(b.report.succeeded(), "{:#?}", b.report.diagnostics);
    let numbers = |path: &str| -> Vec<String> {
        b.page(path)
            .select(&sel(".resolution-list .number"))
            .map(|e| e.text().collect())
            .collect()
    };
    let first = numbers("/ga/70/");
    assert_eq!(first.len(), 100);
    assert_eq!(first[0], "70/1");
    assert_eq!(first[99], "70/100");
    assert_eq!(numbers("/ga/70/page/2/")[0], "70/101");
    assert_eq!(
        numbers("/ga/70/page/3/"),
        ["70/201", "70/202", "70/203", "70/204", "70/205"]
    );
    assert!(
        !b.out().join("ga/70/page/1").exists(),
        "page 1 is the listing itself"
    );

    let rel = |path: &str, rel: &str| {
        b.page(path)
            .select(&sel(&format!("nav.pages a[rel={rel}]")))
            .next()
            .map(|a| a.value().attr("href").unwrap().to_string())
    };
    assert_eq!(rel("/ga/70/", "next").as_deref(), Some("/ga/70/page/2/"));
    assert_eq!(rel("/ga/70/", "prev"), None);
    assert_eq!(
        rel("/ga/70/page/3/", "prev").as_deref(),
        Some("/ga/70/page/2/")
    );
    assert_eq!(rel("/ga/70/page/3/", "next"), None);
    let current: Vec<String> = b
        .page("/ga/70/page/2/")
        .select(&sel("nav.pages [aria-current=page]"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(current, ["2"]);
    assert_eq!(broken_links(&b.out(), "/"), Vec::<String>::new());
}

#[test]
fn the_home_page_draws_a_timeline() {
    let b = build_copy(&fixture("basic"));
    let home = b.page("/");
    let svg = home
        .select(&sel("svg.timeline"))
        .next()
        .expect("a timeline");
    assert_eq!(svg.value().attr("role"), Some("img"));
    let title: String = svg.select(&sel("title")).next().unwrap().text().collect();
    assert!(title.starts_with("Resolutions adopted per year"), "{title}");
    // One bar per year and body with resolutions; each says what it counts.
    let bars: Vec<String> = svg
        .select(&sel("rect title"))
        .map(|t| t.text().collect())
        .collect();
    assert!(
        bars.iter()
            .any(|t| t.starts_with("2015, General Assembly: ")),
        "{bars:?}"
    );
    assert!(
        bars.iter().any(|t| t == "2000, Security Council: 1"),
        "{bars:?}"
    );
}
