//! The General Assembly's 74th session in its six official languages
//! (`tests/fixtures/un-ga-74/*.zip`, the UN's own XML), imported into one
//! archive with `languages: [en, fr, es, ru, zh, ar]` and built: every
//! version imported; each version's paragraph anchors held against the
//! English ones (the exceptions printed, with what differs); every page's
//! language alternates complete; Arabic written right to left; the
//! citations of each language held against the UN's own links.

mod common;

use plenary::config::Config;
use scraper::Html;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const LANGUAGES: [(&str, &str); 6] = [
    ("en", "English"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("ru", "Russian"),
    ("zh", "Chinese"),
    ("ar", "Arabic"),
];

struct Six {
    _tmp: tempfile::TempDir,
    content: PathBuf,
    site: PathBuf,
    /// The UN's XML, a folder per language (`French`).
    xml: PathBuf,
    /// What the import refused, by file name.
    refused: Vec<String>,
    /// The first warning of the build on each source, by its name
    /// (`15.fr`): where a text's own numbering breaks.
    warned: BTreeMap<String, String>,
}

fn six() -> &'static Six {
    static SIX: OnceLock<Six> = OnceLock::new();
    SIX.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let archive = tmp.path().join("archive");
        let config_text = "title: GA 74\nlanguages: [en, fr, es, ru, zh, ar]\n";
        fs::create_dir_all(&archive).unwrap();
        fs::write(archive.join("config.yaml"), config_text).unwrap();
        let config = Config::parse(config_text, Path::new("config.yaml")).unwrap();
        let content = archive.join("content");
        let mut refused = Vec::new();
        for (_, name) in LANGUAGES {
            let xml = tmp.path().join("xml").join(name);
            common::unzip_xml(&common::fixture(&format!("un-ga-74/{name}.zip")), &xml);
            let report = plenary::akn::import::import(&[xml], &content, false, &config);
            assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
            assert!(
                report.kept.is_empty(),
                "two versions for one file: {:#?}",
                report.kept
            );
            for e in &report.errors {
                refused.push(e.path.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
        let site = tmp.path().join("site");
        let built = common::build_into(archive, &site);
        let mut said: BTreeMap<String, usize> = BTreeMap::new();
        let mut warned = BTreeMap::new();
        for d in &built.diagnostics {
            let name = d.path.to_string_lossy().into_owned();
            let stem = d.path.file_stem().map(|s| s.to_string_lossy().into_owned());
            warned
                .entry(stem.unwrap_or_default())
                .or_insert_with(|| format!("line {}: {}", d.line, d.message));
            let language = name.rsplit('.').nth(1).filter(|l| l.len() == 2);
            *said
                .entry(language.unwrap_or("en").to_string())
                .or_default() += 1;
        }
        println!("warnings of the build by language (the texts' own numbering): {said:?}");
        refused.sort();
        Six {
            xml: tmp.path().join("xml"),
            _tmp: tmp,
            content,
            site,
            refused,
            warned,
        }
    })
}

/// The archive's sources in `language`, by their English file name.
fn sources(content: &Path, language: &str) -> BTreeSet<String> {
    let suffix = if language == "en" {
        String::new()
    } else {
        format!(".{language}")
    };
    let mut found = BTreeSet::new();
    for e in walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
    {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".md") else {
            continue;
        };
        let (base, code) = match stem.rsplit_once('.') {
            Some((base, code)) if code.len() == 2 => (base, code),
            _ => (stem, "en"),
        };
        if code == language {
            found.insert(format!("{base}{suffix}"));
        }
    }
    found
}

#[test]
fn every_version_is_imported_beside_the_english() {
    let s = six();
    let english = sources(&s.content, "en");
    assert_eq!(english.len(), 318);
    for (code, _) in &LANGUAGES[1..] {
        let theirs: BTreeSet<String> = sources(&s.content, code)
            .iter()
            .map(|n| n.trim_end_matches(&format!(".{code}")).to_string())
            .collect();
        let missing: Vec<&String> = english.difference(&theirs).collect();
        println!("{code}: {} versions, missing {missing:?}", theirs.len());
        // Only what the UN published empty is missing: five Russian files.
        match *code {
            "ru" => assert_eq!(missing, ["26", "261", "265", "266", "28"]),
            _ => assert!(missing.is_empty(), "{code}: {missing:?}"),
        }
        assert!(theirs.is_subset(&english), "{code}: a version of nothing");
        // Each version's title is its own: not the dash the Arabic
        // prefaces open it with, nor the opening line the Arabic 74/255 A
        // and B give as their title.
        for name in sources(&s.content, code) {
            let text = fs::read_to_string(s.content.join(format!("ga/74/{name}.md"))).unwrap();
            let heading = text.lines().find(|l| l.starts_with("## ")).unwrap();
            let title = heading.split_once(". ").map_or("", |(_, t)| t);
            let opening = ["إن الجمعية العامة", "L’Assemblée générale", "大会"];
            assert!(
                !title.is_empty()
                    && !title.starts_with(['-', '–'])
                    && !opening.contains(&title.trim_end_matches([',', '،', '，'])),
                "{name}: {heading}"
            );
        }
    }
    assert_eq!(
        s.refused,
        [
            "74_261_R.xml",
            "74_265_R.xml",
            "74_266_R.xml",
            "74_26_R.xml",
            "74_28_R.xml"
        ]
    );
}

/// The anchors of a page's text: its paragraphs, sections and annexes.
fn anchors(page: &Path) -> BTreeSet<String> {
    let html = Html::parse_document(&fs::read_to_string(page).unwrap());
    let selector = common::sel("article .para[id], article .section[id], article .annex[id]");
    html.select(&selector)
        .filter_map(|e| e.value().attr("id"))
        .map(str::to_string)
        .collect()
}

/// The English pages of resolutions, by site path (`ga/74/1`).
fn english_pages(site: &Path) -> Vec<String> {
    let mut pages: Vec<String> = fs::read_dir(site.join("ga/74"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n != "agenda" && !n.starts_with("page") && n.contains(|c: char| c.is_ascii_digit())
        })
        .map(|n| format!("ga/74/{n}"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn paragraph_anchors_agree_with_the_english() {
    let s = six();
    let pages = english_pages(&s.site);
    assert_eq!(pages.len(), 318);
    let mut shares = Vec::new();
    for (code, _) in &LANGUAGES[1..] {
        let (mut same, mut compared, mut own) = (0, 0, 0);
        let mut exceptions = Vec::new();
        for page in &pages {
            let theirs = s.site.join(code).join(page).join("index.html");
            if !theirs.exists() {
                continue;
            }
            let (en, other) = (
                anchors(&s.site.join(page).join("index.html")),
                anchors(&theirs),
            );
            assert!(!en.is_empty(), "{page}: no anchors");
            compared += 1;
            if en == other {
                same += 1;
            } else {
                let only_en: Vec<&String> = en.difference(&other).take(3).collect();
                let only_theirs: Vec<&String> = other.difference(&en).take(3).collect();
                // Where plenary warns of the version's own numbering, the
                // text itself breaks its sequence.
                let name = format!("{}.{code}", page.trim_start_matches("ga/74/"));
                let why = match s.warned.get(&name) {
                    Some(w) => {
                        own += 1;
                        format!(": the text's own, {w}")
                    }
                    None => String::new(),
                };
                exceptions.push(format!(
                    "{page} (English only {only_en:?}, {code} only {only_theirs:?}){why}"
                ));
            }
        }
        let share = same as f64 / compared as f64;
        let readable = same as f64 / (compared - own) as f64;
        println!(
            "{code}: anchors equal to the English in {same} of {compared} resolutions ({share:.3}); {own} of the exceptions are where the text breaks its own numbering; without them {readable:.3}"
        );
        for e in &exceptions {
            println!("  {code} {e}");
        }
        shares.push((*code, share));
    }
    // Measured: fr 0.975, es 0.975, ru 0.968, zh 0.965, ar 0.956; without
    // the exceptions where plenary warns that the text breaks its own
    // numbering, 0.984, 0.981, 0.977, 0.984, 0.962. The others are
    // paragraphs a translation leaves unnumbered or splits, or what
    // plenary does not read yet: headings set as text, Arabic
    // sub-paragraphs past the alphabet, an annex heading the Arabic XML
    // garbles (74/4).
    for (code, share) in shares {
        let floor = 0.95;
        assert!(share >= floor, "{code}: {share:.3}");
    }
}

#[test]
fn every_page_names_its_versions_and_arabic_reads_right_to_left() {
    let s = six();
    let mut checked = 0;
    for page in english_pages(&s.site) {
        let versions: Vec<(&str, PathBuf)> = LANGUAGES
            .iter()
            .map(|(code, _)| {
                let at = if *code == "en" {
                    page.clone()
                } else {
                    format!("{code}/{page}")
                };
                (*code, s.site.join(at).join("index.html"))
            })
            .filter(|(_, p)| p.exists())
            .collect();
        let want: BTreeSet<String> = versions
            .iter()
            .map(|(c, _)| c.to_string())
            .chain(["x-default".to_string()])
            .collect();
        for (code, path) in &versions {
            let html = Html::parse_document(&fs::read_to_string(path).unwrap());
            let alternates: BTreeMap<String, String> = html
                .select(&common::sel("link[rel=alternate][hreflang]"))
                .map(|l| {
                    let v = l.value();
                    (
                        v.attr("hreflang").unwrap().to_string(),
                        v.attr("href").unwrap().to_string(),
                    )
                })
                .collect();
            let named: BTreeSet<String> = alternates.keys().cloned().collect();
            assert_eq!(named, want, "{}", path.display());
            // Each alternate is a full address of a page that exists.
            for href in alternates.values() {
                let rest = href.strip_prefix("http://127.0.0.1:1111/").expect(href);
                assert!(s.site.join(rest).join("index.html").exists(), "{href}");
            }
            let article = html
                .select(&common::sel("article.resolution"))
                .next()
                .unwrap();
            let dir = if *code == "ar" { "rtl" } else { "ltr" };
            assert_eq!(
                article.value().attr("lang"),
                Some(*code),
                "{}",
                path.display()
            );
            assert_eq!(article.value().attr("dir"), Some(dir), "{}", path.display());
            // The whole page is in its language: `<html lang>`, right to
            // left in Arabic, the theme's words from the language's file.
            let root = html.root_element().value();
            assert_eq!(root.attr("lang"), Some(*code), "{}", path.display());
            let whole_dir = (*code == "ar").then_some("rtl");
            assert_eq!(root.attr("dir"), whole_dir, "{}", path.display());
            let home = html
                .select(&common::sel("nav.breadcrumbs a"))
                .next()
                .unwrap();
            assert_eq!(
                home.text().collect::<String>(),
                words(code)["home"].as_str().unwrap(),
                "{}",
                path.display()
            );
            // Each paragraph's ¶ link is named in the language too.
            let link_to = words(code)["link_to"].as_str().unwrap().to_string();
            let prefix = link_to.split("{name}").next().unwrap();
            for a in html.select(&common::sel("a.permalink")) {
                let label = a.value().attr("aria-label").unwrap_or("");
                assert!(label.starts_with(prefix), "{}: {label}", path.display());
            }
            let ld = html
                .select(&common::sel(r#"script[type="application/ld+json"]"#))
                .next();
            let ld: serde_json::Value = serde_json::from_str(&ld.unwrap().inner_html()).unwrap();
            assert_eq!(ld["inLanguage"], *code, "{}", path.display());
            // The switcher links every other version, in its own language.
            let links = html
                .select(&common::sel("nav.languages a[hreflang]"))
                .count();
            assert_eq!(links, versions.len() - 1, "{}", path.display());
            checked += 1;
        }
    }
    println!("{checked} pages checked");
    assert_eq!(checked, 318 * 6 - 5);
}

/// The pages made from the UN's file of resolution `number` in `code`
/// (`fr/ga/74/250-a`, `fr/ga/74/250-b` for a resolution in parts).
fn pages_of(site: &Path, code: &str, number: &str) -> Vec<String> {
    let prefix = if code == "en" {
        String::new()
    } else {
        format!("{code}/")
    };
    let session = format!("{prefix}ga/74");
    let mut pages: Vec<String> = fs::read_dir(site.join(&session))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n == number || n.strip_prefix(number).is_some_and(|r| r.starts_with('-')))
        .map(|n| format!("{session}/{n}"))
        .collect();
    pages.sort();
    pages
}

/// The sitemap gives each page of a resolution the same language
/// alternates as the page itself, and every version has its symbol
/// address in its language (`/fr/A/RES/74/10/`), sending the reader to it.
#[test]
fn sitemap_alternates_and_symbol_addresses_per_language() {
    let s = six();
    let xml = fs::read_to_string(s.site.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let mut in_sitemap: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for url in doc.descendants().filter(|n| n.has_tag_name("url")) {
        let loc = url.children().find(|c| c.has_tag_name("loc")).unwrap();
        let links = url.children().filter(|c| c.has_tag_name("link"));
        let alternates = links
            .map(|l| {
                (
                    l.attribute("hreflang").unwrap().to_string(),
                    l.attribute("href").unwrap().to_string(),
                )
            })
            .collect();
        in_sitemap.insert(loc.text().unwrap().to_string(), alternates);
    }
    let mut checked = 0;
    for page in english_pages(&s.site) {
        for (code, _) in LANGUAGES {
            let at = if code == "en" {
                page.clone()
            } else {
                format!("{code}/{page}")
            };
            let Ok(text) = fs::read_to_string(s.site.join(&at).join("index.html")) else {
                continue;
            };
            let html = Html::parse_document(&text);
            let on_page: BTreeMap<String, String> = html
                .select(&common::sel("link[rel=alternate][hreflang]"))
                .map(|l| {
                    (
                        l.value().attr("hreflang").unwrap().to_string(),
                        l.value().attr("href").unwrap().to_string(),
                    )
                })
                .collect();
            let address = format!("http://127.0.0.1:1111/{at}/");
            assert_eq!(in_sitemap.get(&address), Some(&on_page), "{address}");
            // The symbol address in this language.
            let symbol = html
                .select(&common::sel("p.symbol"))
                .next()
                .unwrap()
                .text()
                .collect::<String>();
            let prefix = if code == "en" {
                String::new()
            } else {
                format!("{code}/")
            };
            let redirect = s
                .site
                .join(format!("{prefix}{}", symbol.replace(' ', "-")))
                .join("index.html");
            let redirect = Html::parse_document(&fs::read_to_string(&redirect).expect(&symbol));
            let target = redirect
                .select(&common::sel("script[data-target]"))
                .next()
                .unwrap();
            assert_eq!(
                target.value().attr("data-target"),
                Some(format!("/{at}/").as_str())
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 318 * 6 - 5);
}

/// Each version's Akoma Ntoso is the work's expression in its own
/// language (`…/74-10/fra@/`), and `plenary import akn` reads it back as
/// that version: the same files as the archive's, in every language, the
/// parts of resolutions in parts included.
#[test]
fn each_version_exports_its_own_expression_and_imports_back() {
    let s = six();
    let tmp = tempfile::tempdir().unwrap();
    let config_text = "title: Back\nlanguages: [en, fr, es, ru, zh, ar]\n";
    let config = Config::parse(config_text, Path::new("config.yaml")).unwrap();
    let content = tmp.path().join("content");
    let three = [
        ("en", "eng"),
        ("fr", "fra"),
        ("es", "spa"),
        ("ru", "rus"),
        ("zh", "zho"),
        ("ar", "ara"),
    ];
    for (code, iso) in three {
        let folder = tmp.path().join(code);
        fs::create_dir_all(&folder).unwrap();
        for page in english_pages(&s.site) {
            let at = if code == "en" {
                page.clone()
            } else {
                format!("{code}/{page}")
            };
            let Ok(xml) = fs::read_to_string(s.site.join(at).join("akn.xml")) else {
                continue;
            };
            let doc = roxmltree::Document::parse(&xml).unwrap();
            let expression = doc
                .descendants()
                .find(|n| n.has_tag_name("FRBRExpression"))
                .unwrap();
            let uri = expression
                .children()
                .find(|n| n.has_tag_name("FRBRuri"))
                .unwrap();
            assert!(
                uri.attribute("value")
                    .unwrap()
                    .ends_with(&format!("/{iso}@/")),
                "{code} {page}"
            );
            let language = expression
                .children()
                .find(|n| n.has_tag_name("FRBRlanguage"))
                .unwrap();
            assert_eq!(language.attribute("language"), Some(iso));
            fs::write(folder.join(format!("{}.xml", page.replace('/', "_"))), xml).unwrap();
        }
        let report = plenary::akn::import::import(&[folder], &content, false, &config);
        assert!(report.errors.is_empty(), "{code}: {:#?}", report.errors);
        assert_eq!(sources(&content, code), sources(&s.content, code), "{code}");
    }
}

/// The theme's words in `code`, as committed.
fn words(code: &str) -> serde_yaml::Value {
    let file = common::repo_root().join(format!("themes/default/words/{code}.yaml"));
    serde_yaml::from_str(&fs::read_to_string(file).unwrap()).unwrap()
}

/// On each version's page, a citation of a resolution the archive holds
/// links to that resolution's version in the same language, and one of a
/// document outside it to the UN's document in that language.
#[test]
fn citations_link_to_the_same_language() {
    let s = six();
    let (mut inside, mut outside) = (0, 0);
    for (code, _) in &LANGUAGES[1..] {
        for page in english_pages(&s.site) {
            let path = s.site.join(code).join(&page).join("index.html");
            let Ok(text) = fs::read_to_string(&path) else {
                continue;
            };
            let html = Html::parse_document(&text);
            for a in html.select(&common::sel("article.resolution a.cite")) {
                let href = a.value().attr("href").unwrap();
                if href.starts_with("https://undocs.org/") {
                    assert!(
                        href.starts_with(&format!("https://undocs.org/{code}/")),
                        "{href}"
                    );
                    outside += 1;
                } else if let Some(target) = href.strip_prefix('/').filter(|h| !h.starts_with('#'))
                {
                    let target = target.split('#').next().unwrap();
                    let same = s
                        .site
                        .join(code)
                        .join(target.trim_start_matches(&format!("{code}/")));
                    // The version in this language when there is one.
                    if same.join("index.html").exists() {
                        assert!(
                            target.starts_with(&format!("{code}/")),
                            "{code} {page}: {href}"
                        );
                    }
                    assert!(s.site.join(target).join("index.html").exists(), "{href}");
                    inside += 1;
                }
            }
        }
    }
    println!("{inside} links inside the archive, {outside} to the UN's documents");
    assert!(inside > 0 && outside > 0);
}

/// The UN's links to resolutions in one file, by symbol.
fn linked_in(file: &Path) -> BTreeMap<String, usize> {
    let xml = fs::read_to_string(file).unwrap_or_default();
    let mut out = BTreeMap::new();
    if !xml.trim().is_empty() {
        for link in common::un_links(&xml) {
            *out.entry(link.symbol).or_default() += 1;
        }
    }
    out
}

/// In every language, plenary's citations of resolutions on the pages made
/// from each of the UN's files, held against the links the UN itself put
/// in that file: recall per language, printed and held to the issue's
/// target. The UN links less in some languages than in others (the
/// Arabic texts cite `1514 (د-15)` unlinked where the English link
/// `1514 (XV)`), so precision is given twice: against the links of the
/// language, and against those of the language or the English file.
#[test]
fn citations_in_every_language_agree_with_the_uns_links() {
    let s = six();
    let mut short = Vec::new();
    for (code, name) in LANGUAGES {
        let (mut matched, mut linked, mut found, mut right) = (0, 0, 0, 0);
        let mut files: Vec<PathBuf> = fs::read_dir(s.xml.join(name))
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        for file in files {
            let theirs = linked_in(&file);
            // The five Russian files the UN published empty.
            if theirs.is_empty() && fs::metadata(&file).unwrap().len() == 0 {
                continue;
            }
            let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
            let english = s
                .xml
                .join("English")
                .join(format!("{}E.xml", &stem[..stem.len() - 1]));
            let english = linked_in(&english);
            // `74_232B_E.xml` holds part B alone.
            let number = stem.split('_').nth(1).unwrap();
            let paths = match number.find(|c: char| c.is_ascii_alphabetic()) {
                Some(at) => {
                    let page = format!("{}-{}", &number[..at], number[at..].to_lowercase());
                    pages_of(&s.site, code, &page)
                }
                None => pages_of(&s.site, code, number),
            };
            assert!(!paths.is_empty(), "{code}: no page for {stem}");
            let ours = common::cited_on(&s.site, &paths);
            for (symbol, n) in &ours {
                let here = theirs.get(symbol).copied().unwrap_or(0);
                let either = here.max(english.get(symbol).copied().unwrap_or(0));
                found += n;
                matched += n.min(&here);
                right += n.min(&either);
            }
            linked += theirs.values().sum::<usize>();
        }
        let recall = matched as f64 / linked as f64;
        let precision = matched as f64 / found as f64;
        let either = right as f64 / found as f64;
        println!(
            "{code}: recall {recall:.3} ({matched}/{linked}), precision {precision:.3} ({matched}/{found}), against its or the English links {either:.3} ({right}/{found})"
        );
        if recall < 0.9 || either < 0.9 {
            short.push(code);
        }
    }
    assert!(short.is_empty(), "below 0.9: {short:?}");
}

/// Each language's search index (`/fr/search/`) holds that language's
/// texts, cut and stemmed as that language's: searching a version's own
/// title finds it, a phrase finds every version whose source holds it,
/// and the language's search page and every page of it search there.
#[test]
fn each_language_searches_its_own_texts() {
    let s = six();
    let phrases = [
        ("en", "climate change"),
        ("fr", "changements climatiques"),
        ("es", "cambio climático"),
        ("ru", "изменение климата"),
        ("zh", "气候变化"),
        ("ar", "تغير المناخ"),
    ];
    for (code, phrase) in phrases {
        let prefix = if code == "en" {
            String::new()
        } else {
            format!("{code}/")
        };
        let index = common::search::SearchIndex::open(&s.site, &format!("{prefix}search"));
        assert_eq!(index.meta["language"], code);
        assert_eq!(index.meta["stemmed"], code != "zh", "{code}");
        let docs = index.meta["docs"].as_u64().unwrap() as usize;
        let pages = pages_in(&s.site.join(&prefix).join("ga/74"));
        assert_eq!(docs, pages.len(), "{code}: one document per page");

        // Every record leads to a page of its language.
        let mut first = 0;
        let mut top10 = 0;
        let mut missed = Vec::new();
        for doc in 0..docs {
            let record = index.record(doc);
            let address = record[3].as_str().unwrap();
            assert!(pages.contains(address), "{code}: {address}");
            let title = record[1].as_str().unwrap();
            let ranked = index.ranked(title);
            match ranked.iter().position(|&d| d == doc) {
                Some(0) => first += 1,
                Some(_) if ranked[..ranked.len().min(10)].contains(&doc) => {}
                _ => missed.push(format!("{address} {title}")),
            }
            if ranked[..ranked.len().min(10)].contains(&doc) {
                top10 += 1;
            }
        }
        let share = |n: usize| n as f64 / docs as f64;
        println!(
            "{code}: {docs} documents; its own title finds a document first {:.3}, in the first ten {:.3}",
            share(first),
            share(top10)
        );
        for m in missed.iter().take(3) {
            println!("  {code} not in the first ten: {m}");
        }
        assert!(share(top10) >= 0.95, "{code}: {missed:#?}");

        // A phrase finds every version whose source holds its words.
        let found: BTreeSet<String> = (index.ranked(phrase).into_iter())
            .map(|d| index.record(d)[3].as_str().unwrap().to_string())
            .collect();
        let holding = holding(&s.content, code, phrase);
        let lacking: Vec<&String> = holding.iter().filter(|a| !found.contains(*a)).collect();
        println!(
            "{code}: “{phrase}” finds {} versions, {} of them holding the phrase as written",
            found.len(),
            holding.len()
        );
        assert!(holding.len() >= 5, "{code}: {holding:?}");
        assert!(lacking.is_empty(), "{code}: {lacking:?}");

        // The search page and the header of every page search here.
        let search = Html::parse_document(
            &fs::read_to_string(s.site.join(&prefix).join("search/index.html")).unwrap(),
        );
        let html = search.select(&common::sel("html")).next().unwrap();
        assert_eq!(html.value().attr("lang"), Some(code));
        let own = format!("/{prefix}search/");
        let form = search.select(&common::sel("#search-form")).next().unwrap();
        assert_eq!(form.value().attr("data-index"), Some(own.as_str()));
        let title = words(code)["search_title"].as_str().unwrap().to_string();
        assert_eq!(common::texts(&search, "h1"), [title]);
        for page in pages.iter().take(20) {
            let file = s.site.join(page.trim_start_matches('/')).join("index.html");
            let doc = Html::parse_document(&fs::read_to_string(file).unwrap());
            let header = doc.select(&common::sel("form.site-search")).next().unwrap();
            assert_eq!(header.value().attr("action"), Some(own.as_str()), "{page}");
        }
    }
}

/// The addresses of the resolutions' pages under `folder` (`/fr/ga/74/10/`).
fn pages_in(folder: &Path) -> BTreeSet<String> {
    let site = six().site.clone();
    let mut pages = BTreeSet::new();
    for e in fs::read_dir(folder).unwrap().filter_map(Result::ok) {
        let page = e.path().join("index.html");
        let name = e.file_name().to_string_lossy().into_owned();
        // Agenda and committee listings are no resolutions.
        if page.is_file() && name.starts_with(|c: char| c.is_ascii_digit()) {
            let rel = e
                .path()
                .strip_prefix(&site)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            pages.insert(format!("/{rel}/"));
        }
    }
    pages
}

/// The words of `text`, folded as the index folds them.
fn words_of(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    plenary::search::terms::each_word(text, |w| words.push(w.to_string()));
    words
}

/// The addresses of the versions in `code` whose source holds `phrase`:
/// its words as written, one after the other.
fn holding(content: &Path, code: &str, phrase: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let phrase = words_of(phrase);
    for name in sources(content, code) {
        let file = content.join("ga/74").join(format!("{name}.md"));
        let text = words_of(&fs::read_to_string(file).unwrap());
        if text.windows(phrase.len()).any(|w| w == phrase.as_slice()) {
            let number = name.split('.').next().unwrap();
            let prefix = if code == "en" {
                String::new()
            } else {
                format!("/{code}")
            };
            found.insert(format!("{prefix}/ga/74/{number}/"));
        }
    }
    found
}
