//! The parser on the reference resolution and on every real sample in the
//! bundled archive. Expected counts were read off the source texts.

use plenary::config::Config;
use plenary::load::load;
use plenary::resolution::{parse, BlockKind, Date, Resolution};
use std::path::{Path, PathBuf};

fn parsed(rel: &str) -> Resolution {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = Config::load(&root).unwrap();
    let (sources, diags) = load(&root);
    assert!(diags.is_empty());
    let source = sources.iter().find(|s| s.rel == Path::new(rel)).unwrap();
    let (r, diags) = parse(source, &config);
    assert!(diags.is_empty(), "{rel}: {:#?}", diags.into_sorted());
    r.unwrap()
}

fn count(r: &Resolution, kind: BlockKind) -> usize {
    r.blocks.iter().filter(|b| b.kind == kind).count()
}

fn anchors(r: &Resolution, kind: BlockKind) -> Vec<String> {
    r.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .filter_map(|b| b.anchor.as_deref().map(String::from))
        .collect()
}

fn footnotes(r: &Resolution) -> Vec<u32> {
    r.footnotes.iter().map(|f| f.number).collect()
}

#[test]
fn reference_resolution() {
    let r = parsed("ecosoc/1997/2.md");
    let m = &r.meta;
    assert_eq!(
        (m.body.as_str(), m.session.as_str(), m.number.as_str()),
        ("ecosoc", "1997", "2")
    );
    assert_eq!(m.symbol, "E/RES/1997/2");
    assert_eq!(m.title, "International migration and development");
    assert_eq!(m.adopted, Date::new(1997, 7, 18));
    assert_eq!(m.meeting.as_deref(), Some("34th plenary meeting"));
    assert_eq!(
        anchors(&r, BlockKind::Preambular),
        ["pp1", "pp2", "pp3", "pp4", "pp5"]
    );
    assert_eq!(
        anchors(&r, BlockKind::Operative),
        ["op1", "op2", "op3", "op4"]
    );
    assert_eq!(count(&r, BlockKind::Opening), 1);
    assert_eq!(count(&r, BlockKind::Closing), 1);
    assert_eq!(footnotes(&r), [3, 4, 5, 6, 7, 8, 9], "numbers start at 3");
    assert_eq!(r.footnotes[6].text, "PROV/ST/ESA/STAT/SER.M/58/Rev.1.");
    assert_eq!(r.footnotes[0].line, 30);
}

#[test]
fn ecosoc_session_year_differs_from_adoption_year() {
    let r = parsed("ecosoc/2021/1.md");
    assert_eq!(r.meta.symbol, "E/RES/2021/1");
    assert_eq!(
        r.meta.adopted,
        Date::new(2020, 7, 21),
        "closing line is a bare date"
    );
    assert_eq!(r.meta.meeting, None);
    assert_eq!(count(&r, BlockKind::Preambular), 7);
    assert_eq!(anchors(&r, BlockKind::Operative), ["op1", "op2"]);
    let subs = anchors(&r, BlockKind::Subparagraph);
    assert_eq!(subs.len(), 12);
    assert_eq!(subs[0], "op1-a");
    assert_eq!(subs[11], "op1-l");
}

#[test]
fn part_b_with_a_footnote_on_the_heading_and_sub_headings() {
    let r = parsed("ga/75/251-b.md");
    assert_eq!(r.meta.number, "251 B");
    assert_eq!(r.meta.symbol, "A/RES/75/251 B");
    assert_eq!(
        r.meta.title,
        "Financing of the African Union-United Nations Hybrid Operation in Darfur"
    );
    assert!(r.title_markdown.ends_with("<sup>1</sup>"));
    assert_eq!(count(&r, BlockKind::Preambular), 3);
    assert_eq!(
        anchors(&r, BlockKind::Operative),
        ["op1", "op2", "op3", "op4", "op5"]
    );
    assert_eq!(
        count(&r, BlockKind::Heading),
        2,
        "unnumbered sub-headings between paragraphs"
    );
    assert_eq!(r.meta.adopted, Date::new(2021, 5, 18));
    assert_eq!(footnotes(&r), [1, 2, 3]);
}

#[test]
fn long_preamble_with_lettered_sub_paragraphs() {
    let r = parsed("ga/76/10.md");
    assert_eq!(r.meta.symbol, "A/RES/76/10");
    assert_eq!(count(&r, BlockKind::Preambular), 33);
    assert_eq!(count(&r, BlockKind::Operative), 15);
    assert_eq!(count(&r, BlockKind::Subparagraph), 7);
    assert_eq!(footnotes(&r), (1..=8).collect::<Vec<_>>());
}

#[test]
fn nested_roman_sub_paragraphs() {
    let r = parsed("ga/77/92.md");
    let subs = anchors(&r, BlockKind::Subparagraph);
    assert_eq!(
        subs,
        [
            "op8-a",
            "op8-b",
            "op8-c",
            "op8-d",
            "op8-d-i",
            "op8-d-ii",
            "op8-d-iii",
            "op8-d-iv",
            "op8-d-v",
            "op8-d-vi"
        ]
    );
    assert_eq!(count(&r, BlockKind::Preambular), 9);
    assert_eq!(footnotes(&r), (1..=15).collect::<Vec<_>>());
    assert_eq!(r.meta.adopted, Date::new(2022, 12, 7));
}

#[test]
fn emergency_special_session() {
    let r = parsed("ga/es-11/6.md");
    assert_eq!(
        (r.meta.session.as_str(), r.meta.number.as_str()),
        ("ES-11", "6")
    );
    assert_eq!(r.meta.symbol, "A/RES/ES-11/6");
    assert_eq!(count(&r, BlockKind::Preambular), 8);
    assert_eq!(count(&r, BlockKind::Operative), 11);
    assert_eq!(r.meta.meeting.as_deref(), Some("19th plenary meeting"));
}

#[test]
fn human_rights_council_with_a_recorded_vote() {
    let r = parsed("hrc/56/2.md");
    assert_eq!(r.meta.body, "hrc");
    assert_eq!(r.meta.symbol, "A/HRC/RES/56/2");
    assert_eq!(r.meta.meeting.as_deref(), Some("34th meeting"));
    assert_eq!(r.meta.adopted, Date::new(2024, 7, 10));
    assert_eq!(count(&r, BlockKind::Preambular), 33);
    assert_eq!(count(&r, BlockKind::Operative), 37);
    assert_eq!(footnotes(&r), [2, 3, 4, 5, 6], "footnotes start at 2");
    let closing = r
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Closing)
        .unwrap();
    assert!(closing.text.contains("recorded vote of 31 to 14"));
}
