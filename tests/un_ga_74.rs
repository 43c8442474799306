//! The General Assembly's 74th session as the UN publishes it
//! (`tests/fixtures/un-ga-74`, 313 files of Akoma Ntoso XML): every file
//! imported and built, and what plenary made of it held against what the
//! XML itself holds — its parts, paragraphs, annexes, tables, notes,
//! keywords and agenda item.
//!
//! The XML is read here with its own rules, written apart from the
//! importer's, so that the two can disagree.

mod common;

use plenary::build::{build, BuildOptions};
use plenary::config::Config;
use roxmltree::{Document, Node};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The session unzipped, imported and built, once for all the tests.
struct Session {
    tmp: tempfile::TempDir,
    /// (file name, XML text), in name order.
    files: Vec<(String, String)>,
    site: PathBuf,
}

fn session() -> &'static Session {
    static SESSION: OnceLock<Session> = OnceLock::new();
    SESSION.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let xml_dir = tmp.path().join("xml");
        let names = common::unzip_xml(&common::fixture("un-ga-74/English.zip"), &xml_dir);
        let files: Vec<(String, String)> = names
            .into_iter()
            .map(|n| {
                let text = fs::read_to_string(xml_dir.join(&n)).unwrap();
                (n, text)
            })
            .collect();
        assert_eq!(files.len(), 313);
        let archive = tmp.path().join("archive");
        let config = Config::parse("", Path::new("config.yaml")).unwrap();
        let report = plenary::akn::import::import(
            std::slice::from_ref(&xml_dir),
            &archive.join("content"),
            false,
            &config,
        );
        assert!(report.errors.is_empty(), "{:#?}", report.errors);
        assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
        let site = tmp.path().join("site");
        let built = common::build_into(archive, &site);
        // Nothing in the UN's own texts is worth a warning any more.
        let said: Vec<String> = built.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(said, Vec::<String>::new());
        assert_eq!(built.resolutions, 318);
        Session { tmp, files, site }
    })
}

const AKN: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// What one resolution, or one part of one, holds.
#[derive(Debug, Default, Clone, PartialEq)]
struct Holds {
    preambular: usize,
    operative: usize,
    subparagraphs: usize,
    annexes: usize,
    tables: usize,
    footnotes: usize,
    keywords: BTreeSet<String>,
    agenda_item: String,
}

const COUNTS: [&str; 8] = [
    "preambular",
    "operative",
    "sub-paragraphs",
    "annexes",
    "tables",
    "footnotes",
    "keywords",
    "agenda item",
];

impl Holds {
    /// One count of both, for a message.
    fn shown(&self, field: &str, other: &Holds) -> (String, String) {
        let one = |h: &Holds| match field {
            "preambular" => h.preambular.to_string(),
            "operative" => h.operative.to_string(),
            "sub-paragraphs" => h.subparagraphs.to_string(),
            "annexes" => h.annexes.to_string(),
            "tables" => h.tables.to_string(),
            "footnotes" => h.footnotes.to_string(),
            "keywords" => format!("{:?}", h.keywords),
            _ => h.agenda_item.clone(),
        };
        (one(self), one(other))
    }

    /// Which counts differ from `other`'s, by name.
    fn differences(&self, other: &Holds) -> Vec<&'static str> {
        let same = [
            self.preambular == other.preambular,
            self.operative == other.operative,
            self.subparagraphs == other.subparagraphs,
            self.annexes == other.annexes,
            self.tables == other.tables,
            self.footnotes == other.footnotes,
            self.keywords == other.keywords,
            self.agenda_item == other.agenda_item,
        ];
        COUNTS
            .iter()
            .zip(same)
            .filter(|(_, same)| !same)
            .map(|(name, _)| *name)
            .collect()
    }
}

fn is(n: &Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(AKN)
}

fn child<'a>(n: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    n.children().find(|c| is(c, name))
}

/// A sub-paragraph's label: `(a)`, `(iv)`, `(12)`.
fn sub_label(label: &str) -> bool {
    let Some(inner) = label.strip_prefix('(').and_then(|l| l.strip_suffix(')')) else {
        return false;
    };
    !inner.is_empty() && inner.len() <= 6 && inner.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The resolution's parts as the XML gives them, each with its site path
/// (`ga/74/92-a`) and what it holds.
fn expected(xml: &str) -> Vec<(String, Holds)> {
    let doc = Document::parse(xml).unwrap();
    let root = doc.root_element();
    let outer = root.children().find(|c| c.is_element()).unwrap();
    let statements: Vec<Node> = match child(root, "components") {
        Some(components) => components
            .descendants()
            .filter(|d| is(d, "statement"))
            .collect(),
        None => vec![outer],
    };
    let preface_numbers = |n: Node| -> Vec<String> {
        child(n, "preface")
            .map(|p| {
                p.descendants()
                    .filter(|d| is(d, "docNumber"))
                    .map(|d| {
                        common::text_outside_notes(d)
                            .trim_end_matches('.')
                            .to_string()
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let number = preface_numbers(outer).first().cloned().unwrap();
    let keywords: BTreeSet<String> = outer
        .descendants()
        .filter(|d| is(d, "keyword"))
        .map(|k| {
            let value = k.attribute("value").unwrap_or("").replace('_', " ");
            let scheme = k.attribute("dictionary").unwrap_or("");
            let scheme = if scheme.starts_with("UNBIS") {
                "UNBIS"
            } else {
                scheme
            };
            format!("{scheme}: {}", value.trim())
        })
        .collect();
    let agenda: Vec<String> = outer
        .descendants()
        .filter(|d| is(d, "inline"))
        .filter(|d| {
            matches!(
                d.attribute("name"),
                Some("agenda item" | "agenda item name")
            )
        })
        .map(common::text_outside_notes)
        .collect();
    let agenda = match agenda.split_first() {
        Some((item, names)) if !names.is_empty() => format!("{item} | {}", names.join("; ")),
        _ => agenda.join(""),
    };
    statements
        .into_iter()
        .map(|s| {
            let own = preface_numbers(s);
            let part = if s == outer {
                own[1..].join(" ")
            } else {
                own.join(" ")
            };
            let (session, n) = number.split_once('/').unwrap();
            let name = format!("{n} {part}")
                .trim()
                .to_lowercase()
                .replace(' ', "-");
            let path = format!("ga/{session}/{name}");
            let mut holds = Holds {
                keywords: keywords.clone(),
                agenda_item: agenda.clone(),
                ..Holds::default()
            };
            let in_attachment = |d: &Node| d.ancestors().any(|a| is(&a, "attachments"));
            if let Some(preamble) = child(s, "preamble") {
                holds.preambular = preamble.children().filter(|c| is(c, "container")).count();
            }
            // The preambular paragraphs of a section.
            holds.preambular += s.descendants().filter(|d| is(d, "crossHeading")).count();
            let items = |d: &Node| is(d, "paragraph") || is(d, "item");
            for p in s.descendants().filter(items) {
                // Invisible marks (U+200E after `6.` in 74/258) are no part
                // of a label.
                let visible = |t: String| -> String {
                    t.chars()
                        .filter(|c| !matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'))
                        .collect()
                };
                let label = child(p, "num").map(common::text_outside_notes).map(visible);
                let label = label.unwrap_or_else(|| {
                    let t = child(p, "content")
                        .or(child(p, "p"))
                        .map(common::text_outside_notes)
                        .unwrap_or_default();
                    visible(t.split_whitespace().next().unwrap_or("").to_string())
                });
                if label
                    .strip_suffix('.')
                    .is_some_and(|n| n.parse::<u32>().is_ok())
                {
                    holds.operative += usize::from(!in_attachment(&p));
                } else if sub_label(&label) {
                    holds.subparagraphs += 1;
                }
            }
            for doc in s
                .descendants()
                .filter(|d| is(d, "doc") && d.attribute("name") == Some("annex"))
            {
                let titles = doc
                    .descendants()
                    .filter(|d| is(d, "heading") || is(d, "docType"))
                    .filter(|d| common::text_outside_notes(*d).starts_with("Annex"))
                    .count();
                holds.annexes += titles.max(1);
            }
            holds.tables = s.descendants().filter(|d| is(d, "table")).count();
            holds.footnotes = s.descendants().filter(|d| is(d, "authorialNote")).count();
            (path, holds)
        })
        .collect()
}

/// What plenary made of a part, from its JSON record.
fn made(site: &Path, path: &str) -> Option<Holds> {
    let record = fs::read_to_string(site.join(path).join("index.json")).ok()?;
    let record: serde_json::Value = serde_json::from_str(&record).unwrap();
    let kinds = record["paragraphs"].as_array().unwrap();
    let count = |kind: &str| kinds.iter().filter(|p| p["kind"] == kind).count();
    let mut keywords = BTreeSet::new();
    for s in record["subjects"].as_array().unwrap() {
        keywords.insert(format!("UNBIS: {}", s.as_str().unwrap()));
    }
    if let Some(schemes) = record["keywords"].as_object() {
        for (scheme, terms) in schemes {
            for t in terms.as_array().unwrap() {
                keywords.insert(format!("{scheme}: {}", t.as_str().unwrap()));
            }
        }
    }
    let agenda = [&record["agenda_item"], &record["agenda_item_name"]]
        .iter()
        .filter_map(|v| v.as_str())
        .collect::<Vec<_>>()
        .join(" | ");
    Some(Holds {
        preambular: count("preambular"),
        // Those with a printed number, as the XML's are counted.
        operative: kinds
            .iter()
            .filter(|p| p["kind"] == "operative" && !p["label"].is_null())
            .count(),
        subparagraphs: count("subparagraph"),
        annexes: count("annex"),
        tables: count("table"),
        footnotes: record["footnotes"].as_array().unwrap().len(),
        keywords,
        agenda_item: agenda,
    })
}

#[test]
fn every_file_keeps_what_its_xml_holds() {
    let s = session();
    let mut wrong: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut totals: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut parts = 0;
    for (name, xml) in &s.files {
        for (path, want) in expected(xml) {
            parts += 1;
            let Some(got) = made(&s.site, &path) else {
                wrong
                    .entry("parts")
                    .or_default()
                    .push(format!("{name}: no {path}"));
                continue;
            };
            for field in got.differences(&want) {
                let (w, g) = want.shown(field, &got);
                wrong
                    .entry(field)
                    .or_default()
                    .push(format!("{path}: XML {w}, plenary {g}"));
            }
            let sums = [
                ("preambular", want.preambular, got.preambular),
                ("operative", want.operative, got.operative),
                ("sub-paragraphs", want.subparagraphs, got.subparagraphs),
                ("annexes", want.annexes, got.annexes),
                ("tables", want.tables, got.tables),
                ("footnotes", want.footnotes, got.footnotes),
                ("keywords", want.keywords.len(), got.keywords.len()),
            ];
            for (k, w, g) in sums {
                let t = totals.entry(k).or_default();
                t.0 += w;
                t.1 += g;
            }
        }
    }
    println!("{parts} parts of {} files", s.files.len());
    for (k, (w, g)) in &totals {
        println!("{k:>15}: XML {w:>6}, plenary {g:>6}");
    }
    for (field, files) in &wrong {
        println!(
            "{field} differ in {} parts: {:?}",
            files.len(),
            &files[..files.len().min(12)]
        );
    }
    assert!(wrong.is_empty(), "see the parts listed above");
}

/// The form a UN link's citation takes, for the figures by form: its body
/// or session kind first, then how it is written.
fn form(symbol: &str, context: &str, in_note: bool) -> &'static str {
    let number = symbol.rsplit("/RES/").next().unwrap_or("");
    if symbol.starts_with("S/RES/") {
        "Security Council"
    } else if symbol.starts_with("E/RES/") {
        "Economic and Social Council"
    } else if symbol.starts_with("A/HRC/") {
        "Human Rights Council"
    } else if number.starts_with("S-") || number.starts_with("ES-") {
        "special session"
    } else if number.contains('(') {
        "Roman session"
    } else if in_note {
        "in a footnote"
    } else if context.contains("resolutions") {
        "in a list"
    } else {
        "one resolution"
    }
}

type Tally = BTreeMap<String, Vec<&'static str>>;

/// The UN's links to resolutions in one file: each symbol with the form of
/// each link.
fn theirs(xml: &str) -> Tally {
    let mut out = Tally::new();
    for link in common::un_links(xml) {
        let form = form(&link.symbol, &link.context, link.in_note);
        out.entry(link.symbol).or_default().push(form);
    }
    out
}

/// plenary's resolution citations held against the links the UN itself
/// put in the same texts: recall and precision overall and by form, and
/// every disagreement listed, with its reason, in
/// `tests/fixtures/un-ga-74/citations-disagreements.tsv`.
#[test]
fn citations_agree_with_the_uns_own_links() {
    let s = session();
    let mut by_form: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let (mut matched, mut found, mut linked) = (0, 0, 0);
    let mut disagreements: Vec<String> = Vec::new();
    for (name, xml) in &s.files {
        let paths: Vec<String> = expected(xml).into_iter().map(|(p, _)| p).collect();
        let theirs = theirs(xml);
        let mut ours = common::cited_on(&s.site, &paths);
        found += ours.values().sum::<usize>();
        for (symbol, forms) in &theirs {
            for form in forms {
                let tally = by_form.entry(form).or_default();
                tally.1 += 1;
                linked += 1;
                match ours.get_mut(symbol).filter(|n| **n > 0) {
                    Some(n) => {
                        *n -= 1;
                        tally.0 += 1;
                        matched += 1;
                    }
                    None => disagreements.push(format!("{name}\tmissed\t{symbol}")),
                }
            }
        }
        for (symbol, n) in ours {
            for _ in 0..n {
                disagreements.push(format!("{name}\textra\t{symbol}"));
            }
        }
    }
    let recall = matched as f64 / linked as f64;
    let precision = matched as f64 / found as f64;
    println!(
        "recall {recall:.3} ({matched}/{linked}), precision {precision:.3} ({matched}/{found})"
    );
    for (form, (m, n)) in &by_form {
        println!("{form:>28}: recall {:.3} ({m}/{n})", *m as f64 / *n as f64);
    }
    let listed =
        fs::read_to_string(common::fixture("un-ga-74/citations-disagreements.tsv")).unwrap();
    let mut listed: Vec<String> = listed
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.splitn(4, '\t').take(3).collect::<Vec<_>>().join("\t"))
        .collect();
    listed.sort();
    disagreements.sort();
    let new: Vec<&String> = disagreements
        .iter()
        .filter(|d| !listed.contains(d))
        .collect();
    let gone: Vec<&String> = listed
        .iter()
        .filter(|l| !disagreements.contains(l))
        .collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "not listed: {new:#?}\nlisted, no longer so: {gone:#?}"
    );
    assert!(recall >= 0.97 && precision >= 0.95);
}

/// The vote and the draft's sponsors as the XML's own metadata give them:
/// `(outcome, [in favour, against, abstaining] counts and names, sponsor
/// prose)`.
type Record = (String, Vec<(u32, Vec<String>)>, String);

fn adoption_in(xml: &str) -> Record {
    let doc = Document::parse(xml).unwrap();
    let voting = doc.descendants().find(|d| is(d, "voting")).unwrap();
    let sides = ["inFavour", "against", "abstaining"]
        .iter()
        .map(|role| {
            let count = voting
                .children()
                .find(|c| is(c, "count") && c.attribute("refersTo") == Some(role));
            let value = count.map_or(0, |c| c.attribute("value").unwrap().parse().unwrap());
            let names = count
                .into_iter()
                .flat_map(|c| c.descendants().filter(|d| is(d, "organization")))
                .map(common::text_outside_notes)
                .collect();
            (value, names)
        })
        .collect();
    let prose = doc
        .descendants()
        .find(|d| is(d, "step") && d.attribute("outcome") == Some("draftResolution"))
        .and_then(|s| s.attribute("by"))
        .unwrap_or("")
        .to_string();
    (
        voting.attribute("outcome").unwrap().to_string(),
        sides,
        prose,
    )
}

/// The words of a list of names, `and` left out: what a split of the
/// prose must keep, in order. The prose's notes (`Zambia. - Viet Nam was
/// removed from the list…`) and document symbols (`(A74/368)`) are no
/// names.
fn name_words(text: &str) -> Vec<String> {
    let list = text.split(". -").next().unwrap_or("");
    list.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && *w != "and")
        .filter(|w| !(w.starts_with('(') && w.contains('/')))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_vote_and_sponsor_reaches_its_page() {
    let s = session();
    let (mut recorded, mut without, mut rows) = (0, 0, 0);
    let mut wrong = Vec::new();
    for (name, xml) in &s.files {
        let (outcome, sides, prose) = adoption_in(xml);
        for (path, _) in expected(xml) {
            let html = fs::read_to_string(s.site.join(&path).join("index.html")).unwrap();
            let page = scraper::Html::parse_document(&html);
            let outcome_text: String = page
                .select(&common::sel(".adoption .outcome"))
                .flat_map(|e| e.text())
                .collect();
            match outcome.as_str() {
                "adoptedWithoutVote" => {
                    without += 1;
                    if !outcome_text.ends_with(", adopted without a vote.") {
                        wrong.push(format!("{name} {path}: {outcome_text:?}"));
                    }
                }
                "adoptedRecordedVote" => {
                    recorded += 1;
                    let label = page
                        .select(&common::sel("svg.vote-chart"))
                        .next()
                        .and_then(|svg| svg.value().attr("aria-label"))
                        .unwrap_or("")
                        .to_string();
                    let want = format!(
                        "{} in favour, {} against, {} abstaining",
                        sides[0].0, sides[1].0, sides[2].0
                    );
                    if label != want {
                        wrong.push(format!("{name} {path}: page {label:?}, XML {want:?}"));
                    }
                    // Each side's states, as listed on the page.
                    for ((_, names), k) in sides.iter().zip(1..) {
                        rows += names.len();
                        let listed: Vec<String> = page
                            .select(&common::sel(".vote-list p"))
                            .map(|p| p.text().collect::<String>())
                            .collect();
                        let shown = listed
                            .iter()
                            .find(|l| names.first().is_some_and(|n| l.starts_with(n.as_str())));
                        if !names.is_empty() && shown != Some(&names.join(", ")) {
                            wrong.push(format!("{name} {path}: side {k} not listed as in the XML"));
                        }
                    }
                }
                other => wrong.push(format!("{name}: outcome {other}")),
            }
            // Every sponsor named, none added, in the XML's order.
            // Prose in lower case names a submitter, not sponsors.
            if prose.starts_with(char::is_uppercase) {
                let shown: String = page
                    .select(&common::sel(".adoption .sponsors > p:first-of-type"))
                    .flat_map(|e| e.text())
                    .collect();
                if name_words(&shown) != name_words(&prose) {
                    wrong.push(format!("{name} {path}: sponsors {shown:?}, XML {prose:?}"));
                }
            }
        }
    }
    println!(
        "{recorded} parts adopted by a recorded vote, {without} without a vote, {rows} state votes"
    );
    assert!(wrong.is_empty(), "{:#?}", &wrong[..wrong.len().min(12)]);
    assert!(recorded >= 96 && without >= 217, "{recorded} {without}");
}

#[test]
fn votes_csv_holds_exactly_the_states_votes_of_the_xml() {
    let s = session();
    let mut theirs = Vec::new();
    for (_, xml) in &s.files {
        let (outcome, sides, _) = adoption_in(xml);
        if outcome != "adoptedRecordedVote" {
            continue;
        }
        let doc = Document::parse(xml).unwrap();
        let symbol = doc
            .descendants()
            .find(|d| is(d, "docNumber") && d.attribute("refersTo") == Some("#symbol"))
            .map(common::text_outside_notes)
            .unwrap();
        for ((_, names), vote) in sides.iter().zip(["yes", "no", "abstain"]) {
            for name in names {
                theirs.push((symbol.clone(), name.clone(), vote.to_string()));
            }
        }
    }
    let mut reader = csv::Reader::from_path(s.site.join("votes.csv")).unwrap();
    assert_eq!(
        reader.headers().unwrap(),
        vec!["symbol", "date", "state", "vote", "state_code"]
    );
    let mut ours = Vec::new();
    let mut absent = 0;
    for row in reader.records() {
        let row = row.unwrap();
        assert_eq!(row[4].len(), 3, "every state has its code: {row:?}");
        if &row[3] == "absent" {
            absent += 1;
            continue;
        }
        ours.push((row[0].to_string(), row[2].to_string(), row[3].to_string()));
    }
    theirs.sort();
    ours.sort();
    println!(
        "votes.csv: {} state votes as in the XML, and {absent} members absent",
        ours.len()
    );
    assert_eq!(ours.len(), theirs.len());
    assert!(ours == theirs, "votes.csv differs from the XML's votes");
}

#[test]
fn every_state_of_the_votes_has_its_page_with_its_votes() {
    let s = session();
    let mut reader = csv::Reader::from_path(s.site.join("votes.csv")).unwrap();
    let mut by_state: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for row in reader.records() {
        let row = row.unwrap();
        *by_state
            .entry(row[4].to_lowercase())
            .or_default()
            .entry(row[3].to_string())
            .or_default() += 1;
    }
    assert_eq!(
        by_state.len(),
        193,
        "every Member State voted or was absent"
    );
    let labels = [
        ("yes", "In favour"),
        ("no", "Against"),
        ("abstain", "Abstaining"),
        ("absent", "Absent"),
    ];
    for (code, votes) in &by_state {
        let path = s.site.join("member-states").join(code).join("index.html");
        let html = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{code}: {e}"));
        let page = scraper::Html::parse_document(&html);
        let items: Vec<String> = page
            .select(&common::sel(".resolution-list .vote"))
            .map(|v| v.text().collect())
            .collect();
        for (vote, label) in labels {
            let shown = items.iter().filter(|t| t.as_str() == label).count();
            assert_eq!(
                shown,
                votes.get(vote).copied().unwrap_or(0),
                "{code} {vote}"
            );
        }
    }
    let index = fs::read_to_string(s.site.join("member-states/index.html")).unwrap();
    let index = scraper::Html::parse_document(&index);
    assert_eq!(index.select(&common::sel(".cards li")).count(), 193);
}

#[test]
fn the_data_extract_fills_in_committees_and_warns_where_votes_differ() {
    let s = session();
    let extract = common::fixture("un-ga-74/data_extract-74.json");
    let lines: Vec<serde_json::Value> = fs::read_to_string(&extract)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let config = Config::parse("", Path::new("config.yaml")).unwrap();
    let import = |extract: &Path, into: &Path| {
        let x = plenary::akn::extract::Extract::read(extract).unwrap();
        plenary::akn::import::import_with(
            &[s.tmp.path().join("xml")],
            into,
            false,
            &config,
            Some(&x),
        )
    };
    let into = s.tmp.path().join("with-votes/content");
    let report = import(&extract, &into);
    assert!(
        report.errors.is_empty() && report.warnings.is_empty(),
        "{:#?}",
        report.warnings
    );
    // Each resolution a Main Committee recommended names it.
    let mut named = 0;
    for line in &lines {
        let committee = line["committee"].as_str().unwrap();
        if committee.starts_with("Without reference") {
            continue;
        }
        let number = line["symbol"]
            .as_str()
            .unwrap()
            .trim_start_matches("A/RES/74/");
        let source = into.join(format!("ga/74/{number}.md"));
        let Ok(text) = fs::read_to_string(&source) else {
            continue; // a resolution in parts has a file per part
        };
        assert!(
            text.lines()
                .any(|l| l == format!("committee: \"{committee}\"")),
            "{number}: {committee}"
        );
        named += 1;
    }
    println!("{named} sources name their committee");
    assert!(named > 200, "{named}");

    // Built, each committee's listing links exactly the resolutions it
    // recommended, and the body's page links each committee.
    let site = s.tmp.path().join("with-votes-site");
    let built = build(&BuildOptions {
        root: into.parent().unwrap().to_path_buf(),
        output: Some(site.clone()),
        ..BuildOptions::default()
    });
    assert!(built.succeeded(), "{:#?}", built.diagnostics);
    let mut want: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in &lines {
        let committee = line["committee"].as_str().unwrap();
        let symbol = line["symbol"].as_str().unwrap();
        if committee.starts_with("Without reference") {
            continue;
        }
        let slug = committee.to_lowercase().replace(' ', "-");
        let number = symbol.trim_start_matches("A/RES/74/");
        let file = format!("74_{number}.xml");
        let xml = s.files.iter().find(|(name, _)| *name == file);
        let paths = match xml {
            Some((_, x)) => expected(x).into_iter().map(|(p, _)| p).collect(),
            None => vec![format!("ga/74/{number}")],
        };
        want.entry(format!("ga/committees/{slug}"))
            .or_default()
            .extend(paths);
    }
    let body = fs::read_to_string(site.join("ga/index.html")).unwrap();
    let body = scraper::Html::parse_document(&body);
    let linked: BTreeSet<String> = body
        .select(&common::sel("main a"))
        .filter_map(|a| a.value().attr("href"))
        .map(|h| h.trim_matches('/').to_string())
        .filter(|h| h.starts_with("ga/committees/"))
        .collect();
    assert_eq!(linked, want.keys().cloned().collect::<BTreeSet<_>>());
    for (listing, paths) in &want {
        assert_eq!(&listed(&site, listing), paths, "{listing}");
    }
    println!(
        "{} committees list {} resolutions",
        want.len(),
        want.values().map(BTreeSet::len).sum::<usize>()
    );

    // A vote the file tells otherwise than the XML is a warning naming
    // the resolution.
    let tampered = s.tmp.path().join("tampered.json");
    let text: Vec<String> = lines
        .iter()
        .map(|l| {
            let mut l = l.clone();
            if l["symbol"] == "A/RES/74/7" {
                l["MS_abstaining_count"] = serde_json::json!("3");
            }
            l.to_string()
        })
        .collect();
    fs::write(&tampered, text.join("\n")).unwrap();
    let report = import(&tampered, &s.tmp.path().join("tampered"));
    let said: Vec<String> = report.warnings.iter().map(|d| d.to_string()).collect();
    assert_eq!(said.len(), 1, "{said:#?}");
    assert!(
        said[0].contains("A/RES/74/7: the XML and the data_extract file disagree"),
        "{said:?}"
    );
}

/// The links of the listing at `site_path` to resolutions' pages.
fn listed(site: &Path, site_path: &str) -> BTreeSet<String> {
    let html = fs::read_to_string(site.join(site_path).join("index.html")).unwrap();
    let page = scraper::Html::parse_document(&html);
    page.select(&common::sel(".resolution-list a"))
        .filter_map(|a| a.value().attr("href"))
        .map(|h| h.trim_matches('/').to_string())
        .collect()
}

#[test]
fn every_resolution_is_listed_under_each_agenda_item_it_names() {
    let s = session();
    let numbers = regex::Regex::new(r"\d+").unwrap();
    let mut want: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, xml) in &s.files {
        let doc = Document::parse(xml).unwrap();
        let printed = doc
            .descendants()
            .find(|d| is(d, "inline") && d.attribute("name") == Some("agenda item"))
            .map(common::text_outside_notes)
            .unwrap_or_default();
        for item in numbers.find_iter(&printed) {
            for (path, _) in expected(xml) {
                let listing = format!("ga/74/agenda/{}", item.as_str());
                want.entry(listing).or_default().insert(path);
            }
        }
    }
    let mut wrong = Vec::new();
    for (listing, paths) in &want {
        let shown = listed(&s.site, listing);
        if &shown != paths {
            wrong.push(format!("{listing}: listed {shown:?}, XML {paths:?}"));
        }
    }
    // The session's agenda links every item, and the session's listing
    // links the agenda.
    let html = fs::read_to_string(s.site.join("ga/74/agenda/index.html")).unwrap();
    let agenda = scraper::Html::parse_document(&html);
    let items: BTreeSet<String> = agenda
        .select(&common::sel("ol.agenda a"))
        .filter_map(|a| a.value().attr("href"))
        .map(|h| h.trim_matches('/').to_string())
        .collect();
    let listings: BTreeSet<String> = want.keys().cloned().collect();
    let session = fs::read_to_string(s.site.join("ga/74/index.html")).unwrap();
    let links_agenda = scraper::Html::parse_document(&session)
        .select(&common::sel("main a"))
        .any(|a| a.value().attr("href") == Some("/ga/74/agenda/"));
    println!(
        "{} agenda items, {} resolutions listed under them",
        want.len(),
        want.values().map(BTreeSet::len).sum::<usize>()
    );
    assert!(wrong.is_empty(), "{:#?}", &wrong[..wrong.len().min(8)]);
    assert_eq!(items, listings);
    assert!(links_agenda);
    assert!(want.len() > 100, "{}", want.len());
}
