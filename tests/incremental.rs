//! A long-lived build (serve and watch) must give, after any sequence of
//! edits, exactly the site a full build of the same sources gives.

mod common;

use common::*;
use plenary::build::{build, BuildOptions};
use plenary::pipeline::{Change, Pipeline};
use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

struct Archive {
    tmp: tempfile::TempDir,
    session: Pipeline,
}

impl Archive {
    fn new(fixture_name: &str) -> Archive {
        let tmp = tempfile::tempdir().unwrap();
        copy_tree(&fixture(fixture_name), &tmp.path().join("site"));
        let (session, outcome) = Pipeline::start(Self::options(&tmp)).unwrap();
        assert!(outcome.written > 10);
        Archive { tmp, session }
    }

    fn options(tmp: &tempfile::TempDir) -> BuildOptions {
        BuildOptions {
            root: tmp.path().join("site"),
            output: Some(tmp.path().join("served")),
            ..BuildOptions::default()
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join("site").join(rel)
    }

    fn served(&self) -> BTreeMap<String, Vec<u8>> {
        all_files(&self.tmp.path().join("served"))
    }

    /// The site a full build of the current sources writes.
    fn full_build(&self) -> BTreeMap<String, Vec<u8>> {
        let out = self.tmp.path().join("full");
        let report = build(&BuildOptions {
            output: Some(out.clone()),
            ..Self::options(&self.tmp)
        });
        assert!(report.succeeded(), "{:#?}", report.diagnostics);
        all_files(&out)
    }

    fn assert_same_as_full_build(&self) {
        let (served, full) = (self.served(), self.full_build());
        assert_eq!(
            served.keys().collect::<Vec<_>>(),
            full.keys().collect::<Vec<_>>()
        );
        for (name, bytes) in &full {
            assert!(served[name] == *bytes, "{name} differs from a full build");
        }
    }

    fn apply(&mut self, changes: &[Change]) -> usize {
        let outcome = self
            .session
            .apply(changes)
            .unwrap_or_else(|e| panic!("{e:#?}"));
        outcome.written
    }
}

fn a_path_served(a: &Archive, rel: &str) -> PathBuf {
    a.tmp.path().join("served").join(rel)
}

#[test]
fn edits_additions_deletions_and_moves_match_a_full_build() {
    let mut a = Archive::new("basic");
    a.assert_same_as_full_build();

    // Editing one paragraph re-renders that page, its AKN, JSON and source
    // files, the search shards of the words added and the pages that show
    // its text, not the whole site (about 70 files).
    let p = a.path("content/ga/70/2.md");
    fs::write(
        &p,
        fs::read_to_string(&p)
            .unwrap()
            .replace("Declare their resolve", "Declare their firm resolve"),
    )
    .unwrap();
    let written = a.apply(&[Change::Content(p)]);
    assert!(written <= 8, "{written} files rewritten for one paragraph");
    a.assert_same_as_full_build();

    // Rewording a citing resolution's paragraph leaves the pages it cites
    // alone (their "cited by" names its places, which stay); retitling it
    // changes them.
    let p = a.path("content/ga/70/10.md");
    let cited = a_path_served(&a, "ga/70/1/index.html");
    let before = fs::metadata(&cited).unwrap().modified().unwrap();
    let text = fs::read_to_string(&p).unwrap();
    fs::write(
        &p,
        text.replace("Recalls* paragraph", "Recalls again* paragraph"),
    )
    .unwrap();
    a.apply(&[Change::Content(p.clone())]);
    assert_eq!(fs::metadata(&cited).unwrap().modified().unwrap(), before);
    a.assert_same_as_full_build();
    let text = fs::read_to_string(&p).unwrap();
    fs::write(
        &p,
        text.replace("Resolution number 10", "Natural order kept"),
    )
    .unwrap();
    a.apply(&[Change::Content(p)]);
    assert!(fs::read_to_string(&cited)
        .unwrap()
        .contains("Natural order kept"));
    a.assert_same_as_full_build();

    // Removing a paragraph that another resolution cites: the citing page
    // (70/10, "paragraph 2 of its resolution 70/1") now links to the only
    // paragraph 2 left, in section II, as a full build would.
    let page = a_path_served(&a, "ga/70/10/index.html");
    let citing = || fs::read_to_string(&page).unwrap();
    assert!(citing().contains("/archive/ga/70/1/#I-op2"));
    let p = a.path("content/ga/70/1.md");
    let text = fs::read_to_string(&p).unwrap();
    let start = text.find("2. *Requests*").unwrap();
    let end = text.find("### II").unwrap();
    fs::write(&p, format!("{}{}", &text[..start], &text[end..])).unwrap();
    a.apply(&[Change::Content(p)]);
    assert!(citing().contains("/archive/ga/70/1/#II-op2"));
    a.assert_same_as_full_build();

    // A new resolution citing another: its page, the cited one's "cited
    // by", listings and the home page change.
    let p = a.path("content/ga/70/11.md");
    fs::write(
        &p,
        "## 70/11. New\n\n*The General Assembly*,\n\n1. *Recalls* paragraph 1 of its resolution 70/2.\n\n*3rd plenary meeting  \n5 October 2015*\n",
    )
    .unwrap();
    a.apply(&[Change::Content(p)]);
    a.assert_same_as_full_build();

    // Deleting a resolution removes its page.
    let p = a.path("content/ga/70/9.md");
    fs::remove_file(&p).unwrap();
    a.apply(&[Change::Content(p)]);
    assert!(!a.tmp.path().join("served/ga/70/9/index.html").exists());
    a.assert_same_as_full_build();

    // Moving a folder: old paths vanish, new ones appear.
    let (from, to) = (a.path("content/sc/2000"), a.path("content/sc/2001"));
    fs::rename(&from, &to).unwrap();
    a.apply(&[Change::Content(from), Change::Content(to)]);
    a.assert_same_as_full_build();

    // A new subject: its page appears.
    let p = a.path("content/ga/70/10.md");
    let text = fs::read_to_string(&p).unwrap();
    fs::write(&p, format!("---\nsubjects: [oceans]\n---\n{text}")).unwrap();
    a.apply(&[Change::Content(p.clone())]);
    assert!(a_path_served(&a, "subjects/oceans/index.html").is_file());
    a.assert_same_as_full_build();

    // A committee and an agenda item, each alone: their listings, the
    // session's agenda and the body's list of committees appear.
    let with = |more: &str| format!("---\nsubjects: [oceans]\n{more}---\n{text}");
    fs::write(&p, with("committee: Third Committee\n")).unwrap();
    a.apply(&[Change::Content(p.clone())]);
    assert!(a_path_served(&a, "ga/committees/third-committee/index.html").is_file());
    a.assert_same_as_full_build();
    let both = "committee: Third Committee\nagenda_item: Agenda item 9 (b)\n";
    fs::write(&p, with(both)).unwrap();
    a.apply(&[Change::Content(p.clone())]);
    assert!(a_path_served(&a, "ga/70/agenda/9/index.html").is_file());
    a.assert_same_as_full_build();

    // A recorded vote: the states' pages and their index appear, and
    // votes.csv fills; a changed vote moves a state's page; taking the
    // vote away takes the pages away.
    let p = a.path("content/ga/70/2.md");
    let text = fs::read_to_string(&p).unwrap();
    let with_vote = |vote: &str| format!("---\nvote: {vote}\n---\n{text}");
    fs::write(&p, with_vote("{yes: [CUBA, MEXICO], no: [CHILE]}")).unwrap();
    a.apply(&[Change::Content(p.clone())]);
    assert!(a_path_served(&a, "member-states/chl/index.html").is_file());
    a.assert_same_as_full_build();
    fs::write(&p, with_vote("{yes: [CUBA, MEXICO, CHILE]}")).unwrap();
    a.apply(&[Change::Content(p.clone())]);
    a.assert_same_as_full_build();
    fs::write(&p, &text).unwrap();
    a.apply(&[Change::Content(p)]);
    assert!(!a_path_served(&a, "member-states/index.html").exists());
    a.assert_same_as_full_build();
}

#[test]
fn templates_config_and_errors() {
    let mut a = Archive::new("basic");
    let before = a.served();

    // A broken file fails the rebuild and leaves the served site alone.
    let p = a.path("content/ga/70/1.md");
    let good = fs::read_to_string(&p).unwrap();
    fs::write(&p, "---\nsubject: typo\n---\n## 70/1. T\n").unwrap();
    let errors = a.session.apply(&[Change::Content(p.clone())]).unwrap_err();
    assert!(errors
        .iter()
        .any(|d| d.message.contains("unknown field `subject`")));
    assert_eq!(a.served(), before);
    fs::write(&p, good).unwrap();
    a.apply(&[Change::Content(p)]);
    a.assert_same_as_full_build();

    // A template that fails on one page after others rendered: nothing of
    // the rebuild is written.
    fs::create_dir_all(a.path("templates")).unwrap();
    fs::write(
        a.path("templates/resolution.html"),
        "{% extends \"default/resolution.html\" %}{% block content %}{% if resolution.number == \"9\" %}{{ missing.field }}{% endif %}{{ super() }}<p>changed</p>{% endblock content %}",
    )
    .unwrap();
    let before = a.served();
    let errors = a.session.apply(&[Change::Theme]).unwrap_err();
    assert!(
        errors.iter().any(|d| d.message.contains("resolution.html")),
        "{errors:#?}"
    );
    assert_eq!(a.served(), before);
    fs::remove_file(a.path("templates/resolution.html")).unwrap();
    a.apply(&[Change::Theme]);
    a.assert_same_as_full_build();

    // A template override re-renders every page.
    fs::create_dir_all(a.path("templates")).unwrap();
    fs::write(
        a.path("templates/base.html"),
        "{% extends \"default/base.html\" %}{% block head %}<meta name=\"x\" content=\"y\">{% endblock head %}",
    )
    .unwrap();
    let written = a.apply(&[Change::Theme]);
    assert!(written > 10);
    a.assert_same_as_full_build();

    // A config change starts over.
    let config = a.path("config.yaml");
    fs::write(
        &config,
        fs::read_to_string(&config)
            .unwrap()
            .replace("Fixture archive", "Renamed archive"),
    )
    .unwrap();
    a.apply(&[Change::Config]);
    a.assert_same_as_full_build();
    let home = fs::read_to_string(a.tmp.path().join("served/index.html")).unwrap();
    assert!(home.contains("Renamed archive"));

    // Another language: a version's page appears, changes with its text,
    // and the page it is a version of links it.
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, format!("{text}languages: [en, fr]\n")).unwrap();
    a.apply(&[Change::Config]);
    let p = a.path("content/ga/70/1.fr.md");
    let version = |title: &str| {
        format!("## 70/1. {title}\n\n*L’Assemblée générale*,\n\n1. *Décide* d’agir.\n")
    };
    fs::write(&p, version("Premier titre")).unwrap();
    a.apply(&[Change::Content(p.clone())]);
    let page = a_path_served(&a, "fr/ga/70/1/index.html");
    assert!(fs::read_to_string(&page).unwrap().contains("Premier titre"));
    // Its language's search index holds it, and follows its edits.
    let served = a.tmp.path().join("served");
    let found = |word: &str| search::SearchIndex::open(&served, "fr/search").ranked_symbols(word);
    assert_eq!(found("premier"), ["A/RES/70/1"]);
    a.assert_same_as_full_build();
    fs::write(&p, version("Second titre")).unwrap();
    a.apply(&[Change::Content(p.clone())]);
    assert!(fs::read_to_string(&page).unwrap().contains("Second titre"));
    assert_eq!(found("premier"), Vec::<String>::new());
    assert_eq!(found("second"), ["A/RES/70/1"]);
    a.assert_same_as_full_build();
    fs::remove_file(&p).unwrap();
    a.apply(&[Change::Content(p)]);
    assert!(!page.exists());
    assert!(!a_path_served(&a, "fr/search").exists());
    a.assert_same_as_full_build();
}
