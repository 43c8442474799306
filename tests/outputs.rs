//! `outputs:` and `--outputs`: a build writes the kinds asked for and
//! nothing else, and its pages link only what it wrote.

mod common;

use common::*;
use std::fs;

fn kinds(files: &[String], ending: &str) -> usize {
    files.iter().filter(|f| f.ends_with(ending)).count()
}

#[test]
fn html_alone_writes_pages_listings_and_the_sitemap() {
    let built = build_copy_with(&fixture("basic"), |o| o.outputs = Some(vec!["html".into()]));
    assert!(built.report.succeeded(), "{:#?}", built.report.diagnostics);
    let out = built.out();
    let files: Vec<String> = all_files(&out).into_keys().collect();
    for gone in [
        "akn.xml",
        "index.json",
        "source.md",
        "atom.xml",
        "citations.json",
    ] {
        assert_eq!(kinds(&files, gone), 0, "{gone} written");
    }
    assert!(
        !files.iter().any(|f| f.starts_with("search/")),
        "search written"
    );
    // No redirects: the symbol address and the alias are not there.
    assert!(!out.join("A/RES/70/1").exists());
    assert!(!out.join("old/70-1").exists());
    for kept in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "ga/70/1/index.html",
        "ga/70/index.html",
        "subjects/development/index.html",
        "style.css",
    ] {
        assert!(files.iter().any(|f| f == kept), "no {kept}");
    }
    // Every link of every page leads to a file that was written.
    assert_eq!(broken_links(&out, "/archive/"), Vec::<String>::new());
    let page = built.page("/ga/70/1/");
    assert_eq!(page.select(&sel("dd.formats")).count(), 0);
    assert_eq!(
        page.select(&sel("link[type='application/atom+xml']"))
            .count(),
        0
    );
}

#[test]
fn a_choice_of_kinds_writes_those_and_links_them() {
    let built = build_copy_with(&fixture("basic"), |o| {
        o.outputs = Some(vec!["html".into(), "akn".into(), "feeds".into()])
    });
    assert!(built.report.succeeded(), "{:#?}", built.report.diagnostics);
    let out = built.out();
    let files: Vec<String> = all_files(&out).into_keys().collect();
    assert!(kinds(&files, "akn.xml") > 0);
    assert!(kinds(&files, "atom.xml") > 0);
    assert_eq!(kinds(&files, "index.json"), 0);
    assert_eq!(broken_links(&out, "/archive/"), Vec::<String>::new());
    let page = built.page("/ga/70/1/");
    assert_eq!(texts(&page, "dd.formats a"), ["Akoma Ntoso XML"]);
}

#[test]
fn an_unknown_kind_is_an_error_listing_the_kinds() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixture("basic"), tmp.path());
    let config = fs::read_to_string(tmp.path().join("config.yaml")).unwrap();
    let line = config.lines().count() + 1;
    fs::write(
        tmp.path().join("config.yaml"),
        format!("{config}outputs: [html, pdf]\n"),
    )
    .unwrap();
    let o = plenary(&["build"], tmp.path());
    assert!(!o.status.success());
    assert!(stderr(&o).starts_with(&format!(
        "config.yaml:{line}: error: `pdf` is not a kind of output; the kinds are html, redirects, akn, json, source, feeds, search, citations"
    )), "{}", stderr(&o));
    fs::write(tmp.path().join("config.yaml"), config).unwrap();
    let o = plenary(&["build", "--outputs", "html,web"], tmp.path());
    assert!(
        stderr(&o).starts_with("--outputs: error: `web` is not a kind of output"),
        "{}",
        stderr(&o)
    );
    assert!(!tmp.path().join("public").exists());
}

/// The site folders of the resolution pages, each with whether the page
/// gives an adoption date.
fn resolution_pages(out: &std::path::Path) -> Vec<(String, bool)> {
    html_files(out)
        .into_iter()
        .filter(|(_, doc)| doc.select(&sel("article.resolution")).next().is_some())
        .map(|(file, doc)| {
            let folder = file.trim_start_matches('/').to_string();
            let dated = doc
                .select(&sel("article.resolution time[datetime]"))
                .next()
                .is_some();
            (folder, dated)
        })
        .collect()
}

/// A companion kind, as `COMPANIONS` sums it up: with its kind on, its file
/// is beside every page that gets it; with its kind off, nowhere. Adding a
/// row is checked here without a word of this test changing.
#[test]
fn each_companion_is_beside_the_pages_that_get_it_and_only_with_its_kind() {
    use plenary::kinds::COMPANIONS;
    // One resolution without an adoption date, for the companions that
    // need one.
    let archive = tempfile::tempdir().unwrap();
    copy_tree(&fixture("basic"), archive.path());
    let undated = archive.path().join("content/ga/70/9.md");
    let text = fs::read_to_string(&undated).unwrap();
    fs::write(
        &undated,
        text.replace("*14th plenary meeting  \n3 October 2015*", ""),
    )
    .unwrap();
    for companion in &COMPANIONS {
        let name = companion.kind.name;
        let built = build_copy_with(archive.path(), |o| {
            o.outputs = Some(vec!["html".into(), name.into()])
        });
        assert!(built.report.succeeded(), "{:#?}", built.report.diagnostics);
        let out = built.out();
        let files: Vec<String> = all_files(&out).into_keys().collect();
        let pages = resolution_pages(&out);
        assert!(pages.len() >= 5, "{pages:?}");
        assert_eq!(
            pages.iter().filter(|(_, dated)| !dated).count(),
            1,
            "{pages:?}"
        );
        for (folder, dated) in &pages {
            let beside: Vec<&str> = files
                .iter()
                .filter_map(|f| f.strip_prefix(folder.as_str()))
                .filter(|f| !f.contains('/') && *f != "index.html")
                .collect();
            let expected: Vec<&str> = if *dated || !companion.dated_only {
                vec![companion.file]
            } else {
                vec![]
            };
            assert_eq!(beside, expected, "{name} beside {folder}");
        }
        for other in COMPANIONS
            .iter()
            .filter(|c| c.kind.name != companion.kind.name)
        {
            assert_eq!(
                kinds(&files, other.file),
                0,
                "{} written with {name}",
                other.file
            );
        }
    }
}
