//! A body the built-in registry does not know, added in `config.yaml`
//! alone: its resolutions get their addresses, their symbol addresses and
//! AKN URIs from its entry, and citations of them are recognised in its own
//! texts and in another body's.

mod common;

use common::*;
use plenary::akn::import;
use plenary::config::Config;
use scraper::Html;
use std::fs;
use std::path::Path;

const CONFIG: &str = "title: Environment resolutions
base_url: https://example.org/archive/
bodies:
  unea:
    name: United Nations Environment Assembly
    short_names: [Environment Assembly]
    symbol: UNEP/EA.{session}/Res.{number}
    akn: unep-ea
";

const RESOLUTIONS: [(&str, &str); 3] = [
    (
        "unea/5/7.md",
        "## 5/7. Sound management of chemicals and waste\n\n*The United Nations Environment Assembly*,\n\n*Recalling* the 2030 Agenda for Sustainable Development,\n\n1. *Welcomes* the work of the Executive Director;\n\n2. *Requests* the Executive Director to report to the Assembly at its sixth session.\n\n*7th plenary meeting  \n2 March 2022*\n",
    ),
    (
        "unea/6/3.md",
        "## 6/3. Environmentally sound management of waste\n\n*The United Nations Environment Assembly*,\n\n*Recalling* its resolution 5/7 of 2 March 2022,\n\n1. *Takes note* of the report requested in paragraph 2 of resolution 5/7;\n\n2. *Decides* to keep the matter under review.\n\n*8th plenary meeting  \n1 March 2024*\n",
    ),
    (
        "ga/78/10.md",
        "## 78/10. Environment and development\n\n*The General Assembly*,\n\n*Taking note* of United Nations Environment Assembly resolution 6/3 of 1 March 2024,\n\n1. *Welcomes* Environment Assembly resolution 5/7;\n\n2. *Takes note* of document UNEP/EA.6/Res.3.\n\n*50th plenary meeting  \n1 December 2024*\n",
    ),
];

fn archive() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("config.yaml"), CONFIG).unwrap();
    for (file, text) in RESOLUTIONS {
        let path = tmp.path().join("content").join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    tmp
}

/// (href, data-symbol) of every citation link on a page.
fn citations(built: &Built, page: &str) -> Vec<(String, String)> {
    built
        .page(page)
        .select(&sel("a.cite"))
        .map(|a| {
            let attr = |n| a.value().attr(n).unwrap_or_default().to_string();
            (attr("href"), attr("data-symbol"))
        })
        .collect()
}

#[test]
fn a_body_added_in_config_gets_addresses_citations_and_akn_uris() {
    let archive = archive();
    let built = build_copy(archive.path());
    assert!(built.report.succeeded(), "{:#?}", built.report.diagnostics);
    let out = built.out();

    // Its pages, at the default pattern of a body with sessions.
    let page = built.page("/unea/6/3/");
    assert_eq!(
        texts(&page, "h1"),
        ["6/3. Environmentally sound management of waste"]
    );
    // The symbol as an address, dots kept as the UN writes them.
    let redirect =
        Html::parse_document(&fs::read_to_string(out.join("UNEP/EA.6/Res.3/index.html")).unwrap());
    let refresh = redirect
        .select(&sel("meta[http-equiv='refresh']"))
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap_or_default()
        .to_string();
    assert!(refresh.ends_with("url=/archive/unea/6/3/"), "{refresh}");

    // Its own citations, by `its resolution` and by paragraph.
    assert_eq!(
        citations(&built, "/unea/6/3/"),
        [
            (
                "/archive/unea/5/7/".to_string(),
                "UNEP/EA.5/Res.7".to_string()
            ),
            (
                "/archive/unea/5/7/#op2".to_string(),
                "UNEP/EA.5/Res.7".to_string()
            ),
        ]
    );
    // Another body's citations of it: by its full name, its short name and
    // its symbol.
    assert_eq!(
        citations(&built, "/ga/78/10/"),
        [
            (
                "/archive/unea/6/3/".to_string(),
                "UNEP/EA.6/Res.3".to_string()
            ),
            (
                "/archive/unea/5/7/".to_string(),
                "UNEP/EA.5/Res.7".to_string()
            ),
            (
                "/archive/unea/6/3/".to_string(),
                "UNEP/EA.6/Res.3".to_string()
            ),
        ]
    );

    // Its AKN twin names it with the body's AKN4UN code.
    let xml = fs::read_to_string(out.join("unea/6/3/akn.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let work_uri = doc
        .descendants()
        .find(|n| n.has_tag_name("FRBRWork"))
        .and_then(|w| w.children().find(|c| c.has_tag_name("FRBRuri")))
        .and_then(|u| u.attribute("value"));
    assert_eq!(
        work_uri,
        Some("/akn/un/statement/deliberation/unep-ea/2024-03-01/6-3/")
    );

    // And the same registry reads it back in.
    let config = Config::load(archive.path()).unwrap();
    let imported = import::convert(&xml, Path::new("akn.xml"), &config).unwrap();
    assert_eq!(imported.len(), 1);
    assert_eq!(imported[0].rel, Path::new("unea/6/3.md"));
    let unknown = Config::parse("", Path::new("config.yaml")).unwrap();
    let err = import::convert(&xml, Path::new("akn.xml"), &unknown).unwrap_err();
    assert!(err.message.contains("unknown body `unep-ea`"), "{err}");
}

#[test]
fn a_built_in_body_changed_in_config_keeps_what_it_does_not_set() {
    let config = Config::parse(
        "bodies:\n  hrc:\n    permalink: /hrc/{session}/res-{number}/\n",
        Path::new("config.yaml"),
    )
    .unwrap();
    let hrc = config.body("hrc").unwrap();
    assert_eq!(hrc.permalink.to_string(), "/hrc/{session}/res-{number}/");
    assert_eq!(hrc.name, "Human Rights Council");
    assert_eq!(hrc.akn, "unga-hrc");
    assert_eq!(hrc.symbol.to_string(), "A/HRC/RES/{session}/{number}");
}
