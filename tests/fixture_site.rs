//! Builds the fixture archive in `tests/fixtures/basic` into a temporary
//! folder and checks the site as a reader, a crawler and a citing author
//! would.

mod common;

use common::*;
use std::fs;

fn built() -> Built {
    let b = build_copy(&fixture("basic"));
    assert!(b.report.succeeded(), "{:#?}", b.report.diagnostics);
    b
}

fn texts(doc: &scraper::Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

#[test]
fn builds_without_diagnostics() {
    let b = built();
    assert!(
        b.report.diagnostics.is_empty(),
        "{:#?}",
        b.report.diagnostics
    );
    assert_eq!(b.report.resolutions, 5, "the draft is left out");
    assert_eq!(b.report.pages, 1);
}

#[test]
fn every_page_is_well_formed_and_every_internal_link_resolves() {
    let b = built();
    let pages = html_files(&b.out());
    assert!(pages.len() >= 12, "{:?}", pages.keys());
    for (path, doc) in &pages {
        assert_eq!(parse_errors(doc), Vec::<String>::new(), "{path}");
    }
    assert_eq!(broken_links(&b.out(), "/archive/"), Vec::<String>::new());
}

#[test]
fn anchors_follow_the_documents_own_numbering() {
    let b = built();
    let doc = b.page("/ga/70/1/");
    let anchors: Vec<String> = doc
        .select(&sel("p.para"))
        .map(|p| {
            p.value()
                .attr("id")
                .expect("every paragraph has an id")
                .to_string()
        })
        .collect();
    assert_eq!(
        anchors,
        [
            "pp1",
            "pp2",
            "I-op1",
            "I-op1-a",
            "I-op1-a-i",
            "I-op1-a-ii",
            "I-op1-b",
            "I-op2",
            "I-op2-p2",
            "II-op1",
            "II-op2"
        ]
    );
    // Each paragraph links to itself.
    for p in doc.select(&sel("p.para")) {
        let id = p.value().attr("id").unwrap();
        let link = p.select(&sel("a.permalink")).next().expect("a permalink");
        assert_eq!(link.value().attr("href"), Some(format!("#{id}").as_str()));
        assert!(link
            .value()
            .attr("aria-label")
            .is_some_and(|l| !l.is_empty()));
    }

    let annex = b.page("/ga/70/2/");
    let anchors: Vec<&str> = annex
        .select(&sel("p.para"))
        .filter_map(|p| p.value().attr("id"))
        .collect();
    assert_eq!(
        anchors,
        [
            "op1",
            "annex-p1",
            "annex-para1",
            "annex-para1-a",
            "annex-para2"
        ]
    );
    assert_eq!(texts(&annex, "h2.annex"), ["Annex"]);
}

#[test]
fn footnote_markers_and_endnotes_link_both_ways() {
    let b = built();
    let doc = b.page("/ga/70/1/");
    let ids = ids(&doc);
    let markers: Vec<&str> = doc
        .select(&sel("sup.fnref a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(markers, ["#fn1", "#fn2", "#fn2"]);
    for href in &markers {
        assert!(ids.contains(href.trim_start_matches('#')), "{href}");
    }
    let back: Vec<&str> = doc
        .select(&sel("li#fn2 a.backref"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(back, ["#fnref2", "#fnref2-2"]);
    for href in back {
        assert!(ids.contains(href.trim_start_matches('#')), "{href}");
    }
    let values: Vec<&str> = doc
        .select(&sel(".endnotes li"))
        .filter_map(|l| l.value().attr("value"))
        .collect();
    assert_eq!(values, ["1", "2"]);
}

#[test]
fn metadata_comes_from_heading_closing_line_and_front_matter() {
    let b = built();
    let sc = b.page("/sc/1325/");
    assert_eq!(texts(&sc, ".symbol"), ["S/RES/1325 (2000)"]);
    assert_eq!(
        texts(&sc, "h1"),
        ["1325 (2000). Women and peace and security"]
    );
    let dates: Vec<&str> = sc
        .select(&sel(".meta time"))
        .filter_map(|t| t.value().attr("datetime"))
        .collect();
    assert_eq!(dates, ["2000-10-31"]);
    assert!(texts(&sc, ".meta dd").contains(&"4213th meeting".to_string()));
    let cite = texts(&sc, ".citation");
    assert_eq!(
        cite,
        ["Security Council resolution 1325 (2000) of 31 October 2000 (S/RES/1325 (2000)), https://user.github.io/archive/sc/1325/"]
    );
}

#[test]
fn listings_use_natural_order() {
    let b = built();
    let session = b.page("/ga/70/");
    assert_eq!(
        texts(&session, ".resolution-list .number"),
        ["70/1", "70/2", "70/9", "70/10"]
    );
    let years = b.page("/sc/year/2000/");
    assert_eq!(texts(&years, ".resolution-list .number"), ["1325 (2000)"]);
    let home = b.page("/");
    assert_eq!(
        texts(&home, ".cards .card-title"),
        ["General Assembly", "Security Council"]
    );
}

#[test]
fn raw_html_and_unsafe_links_never_reach_the_page() {
    let b = built();
    for (path, doc) in html_files(&b.out()) {
        assert_eq!(
            foreign_code(&doc, "/archive/", "b, [onclick]"),
            Vec::<String>::new(),
            "{path}"
        );
        for a in doc.select(&sel("a[href]")) {
            assert!(
                !a.value()
                    .attr("href")
                    .unwrap()
                    .to_lowercase()
                    .starts_with("javascript"),
                "{path}"
            );
        }
    }
    let doc = b.page("/ga/70/1/");
    let pp2 = texts(&doc, "#pp2").remove(0);
    assert!(
        pp2.contains("<script>alert(\"x\")</script>"),
        "shown as text: {pp2}"
    );
}

#[test]
fn long_resolutions_open_with_their_contents() {
    let b = built();
    let doc = b.page("/ga/70/1/");
    let links: Vec<(String, String)> = doc
        .select(&sel("nav.contents li a"))
        .map(|a| {
            let text = a.text().collect::<String>();
            (a.value().attr("href").unwrap_or("").to_string(), text)
        })
        .collect();
    assert_eq!(links.len(), 2, "{links:?}");
    for (href, _) in &links {
        let id = href.trim_start_matches('#');
        let target = doc.select(&sel(&format!("h2[id='{id}']"))).count();
        assert_eq!(target, 1, "{href} leads to a section heading");
    }
    assert!(links[0].1.starts_with('I'), "{links:?}");
    // One section or annex is no table of contents.
    let one = b.page("/ga/70/2/");
    assert_eq!(one.select(&sel("nav.contents")).count(), 0);
}

#[test]
fn pages_are_rendered_with_highlighted_code() {
    let b = built();
    let about = b.page("/about/");
    assert_eq!(texts(&about, "article h1"), ["About this archive"]);
    let pre = about
        .select(&sel("article pre"))
        .next()
        .expect("a code block");
    assert!(
        pre.value()
            .attr("style")
            .is_some_and(|s| s.contains("background-color") && s.starts_with("color:")),
        "syntect colours, the theme's foreground included (readable in dark mode)"
    );
    assert!(pre.select(&sel("span[style]")).count() > 3);
    assert!(texts(&about, "article p")[0].contains("<b>Raw HTML</b>"));
}

#[test]
fn github_pages_files_are_there() {
    let b = built();
    let out = b.out();
    assert!(out.join(".nojekyll").is_file());
    assert!(out.join("404.html").is_file());
    let robots = fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(
        robots.contains("Sitemap: https://user.github.io/archive/sitemap.xml"),
        "{robots}"
    );
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let doc = scraper::Html::parse_fragment(&sitemap);
    let locs: Vec<String> = doc
        .select(&sel("loc"))
        .map(|l| l.text().collect())
        .collect();
    assert!(
        locs.contains(&"https://user.github.io/archive/ga/70/10/".to_string()),
        "{locs:?}"
    );
    assert!(locs.contains(&"https://user.github.io/archive/".to_string()));
    assert!(
        !locs
            .iter()
            .any(|l| l.contains("/old/") || l.contains("/RES/") || l.contains("/sc/2000/")),
        "redirects are not listed"
    );
    assert!(locs
        .iter()
        .all(|l| l.starts_with("https://user.github.io/archive/")));
}

/// Every other address of a page — a front-matter alias, the symbol, a
/// former permalink pattern — redirects to it and keeps the `#fragment`.
#[test]
fn other_addresses_redirect_to_the_permalink() {
    let b = built();
    for (from, to) in [
        ("/old/70-1/", "ga/70/1/"),
        ("/A/RES/70/1/", "ga/70/1/"),
        ("/S/RES/1325(2000)/", "sc/1325/"),
        ("/sc/2000/1325/", "sc/1325/"),
    ] {
        let doc = b.page(from);
        let canonical = doc.select(&sel("link[rel=canonical]")).next().unwrap();
        assert_eq!(
            canonical.value().attr("href"),
            Some(format!("https://user.github.io/archive/{to}").as_str()),
            "{from}"
        );
        let refresh = doc.select(&sel("meta[http-equiv=refresh]")).next().unwrap();
        let target = format!("/archive/{to}");
        assert_eq!(
            refresh.value().attr("content"),
            Some(format!("0; url={target}").as_str())
        );
        // The script that carries the fragment over reads its target here.
        let script = doc.select(&sel("script[data-target]")).next().unwrap();
        assert_eq!(script.value().attr("data-target"), Some(target.as_str()));
        assert!(script.inner_html().contains("location.hash"));
    }
}

#[test]
fn drafts_are_built_on_request() {
    let b = build_copy_with(&fixture("basic"), |o| o.drafts = true);
    assert!(b.report.succeeded());
    assert_eq!(b.report.resolutions, 6);
    assert!(b.out().join("ga/70/3/index.html").is_file());
}

#[test]
fn base_url_from_the_command_line_moves_every_link() {
    let b = build_copy_with(&fixture("basic"), |o| {
        o.base_url = Some("https://example.org/deep/path".into())
    });
    assert!(b.report.succeeded());
    assert_eq!(broken_links(&b.out(), "/deep/path/"), Vec::<String>::new());
    let doc = b.page("/ga/70/1/");
    let css = doc.select(&sel("link[rel=stylesheet]")).next().unwrap();
    assert_eq!(css.value().attr("href"), Some("/deep/path/style.css"));
}

/// The checks above are only worth something if they can fail.
#[test]
fn the_harness_catches_broken_links_and_bad_html() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("a")).unwrap();
    fs::write(
        tmp.path().join("index.html"),
        r##"<!DOCTYPE html><html><head><title>t</title></head><body><a href="/a/#nope">x</a><a href="/b/">y</a><a href="#here">z</a><p id="here">h</p></body></html>"##,
    )
    .unwrap();
    fs::write(
        tmp.path().join("a/index.html"),
        "<!DOCTYPE html><html><head><title>t</title></head><body><p>a</div></body></html>",
    )
    .unwrap();
    let broken = broken_links(tmp.path(), "/");
    assert_eq!(broken, ["/ -> /a/#nope", "/ -> /b/"]);
    let pages = html_files(tmp.path());
    assert!(!parse_errors(&pages["/a/"]).is_empty());
    assert!(parse_errors(&pages["/"]).is_empty());
    let scripts = scraper::Html::parse_document(&format!(
        "<script data-target=\"/x/\">{REDIRECT_SCRIPT}</script><script src=\"/plenary.js\"></script>\
         <script data-target=\"/x/\">{REDIRECT_SCRIPT}alert(1)</script><script src=\"/evil.js\"></script><b>x</b>"
    ));
    assert_eq!(foreign_code(&scripts, "/", "b").len(), 3);
}

/// Every `a.cite` on a page: (text, href, data-symbol, data-paragraph),
/// the text starting with `¶ ` where the link is to a paragraph and no
/// citation of its own (`a.cite.paragraph`).
fn cites(doc: &scraper::Html) -> Vec<(String, String, String, Option<String>)> {
    doc.select(&sel("a.cite"))
        .map(|a| {
            let v = a.value();
            let text: String = a.text().collect();
            let within = v.classes().any(|c| c == "paragraph");
            (
                if within { format!("¶ {text}") } else { text },
                v.attr("href").unwrap().to_string(),
                v.attr("data-symbol").unwrap().to_string(),
                v.attr("data-paragraph").map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn citations_link_into_the_archive_and_out_to_the_un() {
    let b = built();
    let doc = b.page("/ga/70/10/");
    let c = |text: &str, href: &str, symbol: &str, para: Option<&str>| {
        (
            text.to_string(),
            href.to_string(),
            symbol.to_string(),
            para.map(str::to_string),
        )
    };
    assert_eq!(
        cites(&doc),
        [
            c("70/1", "/archive/ga/70/1/#I-op2", "A/RES/70/1", Some("2")),
            c(
                "70/1",
                "/archive/ga/70/1/#II-op1",
                "A/RES/70/1",
                Some("II, 1")
            ),
            c(
                "1325 (2000)",
                "/archive/sc/1325/",
                "S/RES/1325 (2000)",
                None
            ),
            c(
                "69/1",
                "https://undocs.org/en/A/RES/69/1",
                "A/RES/69/1",
                None
            ),
            c("70/2", "/archive/ga/70/2/", "A/RES/70/2", None),
            c(
                "69/555",
                "https://undocs.org/en/A/DEC/69/555",
                "A/DEC/69/555",
                None
            ),
            // Several paragraphs of one resolution: one citation, on its
            // number, and a link to each paragraph.
            c(
                "¶ 1 (a)",
                "/archive/ga/70/1/#I-op1-a",
                "A/RES/70/1",
                Some("1 (a)")
            ),
            c("¶ 2", "/archive/ga/70/1/#I-op2", "A/RES/70/1", Some("2")),
            c("70/1", "/archive/ga/70/1/", "A/RES/70/1", None),
            c("A/70/1", "https://undocs.org/en/A/70/1", "A/70/1", None),
            // A paragraph of the text itself: a link, no citation.
            c("¶ paragraph 1", "#op1", "A/RES/70/10", Some("1")),
        ]
    );
}

#[test]
fn cited_resolutions_list_who_cites_them() {
    let b = built();
    let doc = b.page("/ga/70/1/");
    let citing: Vec<&str> = doc
        .select(&sel("#cited-by > ul:first-of-type > li > a:first-child"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(citing, ["/archive/ga/70/10/"]);
    let places: Vec<&str> = doc
        .select(&sel("#cited-by > ul:first-of-type > li > a"))
        .skip(1)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(places, ["/archive/ga/70/10/#pp1", "/archive/ga/70/10/#op1"]);
    // Paragraph I-op2 is cited by name in two places of 70/10.
    let count = doc
        .select(&sel("#I-op2 a.cited-count"))
        .next()
        .expect("a count");
    assert_eq!(count.value().attr("href"), Some("#cited-by-I-op2"));
    assert!(count.text().collect::<String>().starts_with("cited 2×"));
    assert_eq!(doc.select(&sel("li#cited-by-I-op2 a")).count(), 3);
    // A paragraph nobody names shows no count.
    assert_eq!(doc.select(&sel("#pp1 a.cited-count")).count(), 0);
    let sc = b.page("/sc/1325/");
    assert_eq!(sc.select(&sel("#cited-by li")).count(), 1);
    assert_eq!(b.page("/ga/70/9/").select(&sel("#cited-by")).count(), 0);
}

#[test]
fn citations_json_is_the_citation_graph() {
    let b = built();
    let text = fs::read_to_string(b.out().join("citations.json")).unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let from_10: Vec<&serde_json::Value> = records
        .iter()
        .filter(|r| r["from"] == "A/RES/70/10")
        .collect();
    // `paragraph 1 above` is no citation; `paragraphs 1 (a) and 2 of
    // resolution 70/1` is one.
    assert_eq!(from_10.len(), 8);
    assert_eq!(
        from_10[0],
        &serde_json::json!({
            "from": "A/RES/70/10", "from_anchor": "pp1", "to": "A/RES/70/1", "to_anchor": "I-op2",
            "text": "70/1", "kind": "resolution", "internal": true
        })
    );
    let kinds: Vec<&str> = from_10
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"decision") && kinds.contains(&"document"));
    let external = from_10.iter().find(|r| r["to"] == "A/RES/69/1").unwrap();
    assert_eq!(external["internal"], false);
    assert_eq!(external["to_anchor"], serde_json::Value::Null);
    // The same archive gives the same file.
    let again = build_copy(&fixture("basic"));
    assert_eq!(
        fs::read_to_string(again.out().join("citations.json")).unwrap(),
        text
    );
}

/// Content is data, not code: nothing in a source, a front matter value
/// or the config can put markup, script or a script URL into a page.
#[test]
fn hostile_sources_produce_no_markup_and_no_script() {
    let b = build_copy(&fixture("hostile"));
    assert!(b.report.succeeded(), "{:#?}", b.report.diagnostics);
    let pages = html_files(&b.out());
    assert!(pages.len() >= 5);
    let markup =
        "style, iframe, img, svg, object, embed, b, [onerror], [onclick], [onload], [onmouseover]";
    for (path, doc) in &pages {
        assert_eq!(
            foreign_code(doc, "/", markup),
            Vec::<String>::new(),
            "{path}"
        );
        for el in doc.select(&sel("[href], [src], [action]")) {
            for attr in ["href", "src", "action"] {
                let Some(v) = el.value().attr(attr) else {
                    continue;
                };
                let v = v.trim().to_ascii_lowercase();
                assert!(
                    !v.starts_with("javascript:")
                        && !v.starts_with("data:")
                        && !v.starts_with("vbscript:"),
                    "{path}: {attr}={v}"
                );
            }
        }
    }
    // The text is still there, as text.
    let doc = b.page("/ga/70/1/");
    let h1: String = doc.select(&sel("h1")).next().unwrap().text().collect();
    assert!(h1.contains("<script>alert('title')</script>"), "{h1}");
    let note: String = doc.select(&sel("li#fn1")).next().unwrap().text().collect();
    assert!(note.contains("<script>alert('note')</script>"), "{note}");
    let ok: Vec<&str> = doc
        .select(&sel("#op1 a[href^='https://']"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(ok, ["https://undocs.org/en/A/RES/1"]);
}

/// A Security Council resolution prints no title: its page is headed by
/// its number once, and cites nothing in its heading.
#[test]
fn a_heading_without_a_title_is_the_number_alone() {
    let b = one_source(
        "sc/2000/1325.md",
        "## Resolution 1325 (2000)\n\n*The Security Council*,\n\n1. *Urges* all.\n\n*Adopted by the Security Council at its 4213th meeting, on 31 October 2000*\n",
    );
    let doc = b.page("/sc/1325/");
    let h1 = texts(&doc, "article.resolution h1");
    assert_eq!(h1, ["Resolution 1325 (2000)"]);
    assert_eq!(doc.select(&sel("article.resolution h1 a")).count(), 0);
}

/// An ECOSOC resolution recommending a draft to the General Assembly stays
/// the Council's, and the draft's paragraphs are its own: `draft-op1`,
/// no clash with the resolution's `op1`, no warning.
#[test]
fn a_recommended_draft_is_a_part_of_its_own() {
    let b = one_source(
        "ecosoc/2021/20.md",
        "## 2021/20. Support\n\n*The Economic and Social Council*,\n\n*Having considered* the report,\n\n1. *Takes note* of the report;\n\n2. *Recommends* to the General Assembly the adoption of the following draft resolution:\n\n*The General Assembly*,\n\n*Recalling* its resolution 75/1,\n\n1. *Decides* to act;\n\n2. *Requests* a report.\n\n*14th plenary meeting  \n22 July 2021*\n",
    );
    assert!(
        b.report.diagnostics.is_empty(),
        "{:#?}",
        b.report.diagnostics
    );
    let doc = b.page("/ecosoc/2021/20/");
    let found: Vec<String> = ids(&doc)
        .into_iter()
        .filter(|id| id.starts_with("op") || id.starts_with("pp") || id.starts_with("draft"))
        .collect();
    assert_eq!(
        found,
        ["draft-op1", "draft-op2", "draft-pp1", "op1", "op2", "pp1"]
    );
}

/// An archive of one source at `rel` under `content/`, built.
fn one_source(rel: &str, text: &str) -> Built {
    let archive = tempfile::tempdir().unwrap();
    let file = archive.path().join("content").join(rel);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(&file, text).unwrap();
    let b = build_copy(archive.path());
    assert!(b.report.succeeded(), "{:#?}", b.report.diagnostics);
    b
}
