//! Properties of paragraph anchors over generated resolutions: unique,
//! valid HTML ids, and unchanged by edits to other resolutions.

use plenary::config::Config;
use plenary::load::Source;
use plenary::load::SourceKind;
use plenary::resolution::{parse, Resolution};
use proptest::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One block of a generated resolution.
#[derive(Debug, Clone)]
enum Piece {
    Preambular,
    Operative,
    /// Restart numbering under a new section heading.
    Section,
    Letters(u8),
    Continuation,
    Annex,
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        3 => Just(Piece::Preambular),
        4 => Just(Piece::Operative),
        1 => Just(Piece::Section),
        2 => (1u8..12).prop_map(Piece::Letters),
        1 => Just(Piece::Continuation),
        1 => Just(Piece::Annex),
    ]
}

/// The text of a resolution made of `pieces`.
fn text(number: u32, pieces: &[Piece], words: &str) -> String {
    let mut out = format!("## 70/{number}. Generated\n\n*The General Assembly*,\n\n");
    let (mut op, mut section, mut annexes) = (0, 0, 0);
    const ROMAN: [&str; 8] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];
    for p in pieces {
        match p {
            Piece::Preambular => out.push_str(&format!("*Recalling* {words},\n\n")),
            Piece::Operative => {
                op += 1;
                out.push_str(&format!("{op}. *Decides* {words};\n\n"));
            }
            Piece::Section if section < ROMAN.len() && annexes == 0 => {
                out.push_str(&format!("### {}\n\n", ROMAN[section]));
                section += 1;
                op = 0;
            }
            Piece::Letters(n) => {
                for l in (b'a'..).take(usize::from(*n)) {
                    out.push_str(&format!("({}) {words};\n\n", l as char));
                }
            }
            Piece::Continuation => out.push_str(&format!("{words}.\n\n")),
            Piece::Annex if annexes < ROMAN.len() => {
                annexes += 1;
                out.push_str(&format!("## Annex {}\n\n", ROMAN[annexes - 1]));
                op = 0;
            }
            _ => {}
        }
    }
    out.push_str("*1st plenary meeting  \n1 January 2016*\n");
    out
}

fn parsed(number: u32, body: &str) -> Resolution {
    let config = Config::parse("", Path::new("config.yaml")).unwrap();
    let source = Source {
        path: PathBuf::from(format!("content/ga/70/{number}.md")),
        rel: PathBuf::from(format!("ga/70/{number}.md")),
        kind: SourceKind::Resolution,
        front_matter: None,
        text: body.to_string(),
        first_line: 1,
        warnings: Vec::new(),
    };
    let (r, diags) = parse(&source, &config);
    r.unwrap_or_else(|| panic!("{:#?}\n{body}", diags.into_sorted()))
}

fn anchors(r: &Resolution) -> Vec<String> {
    r.blocks
        .iter()
        .filter_map(|b| b.anchor.as_deref().map(String::from))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn anchors_are_unique_valid_ids(pieces in prop::collection::vec(piece(), 0..40)) {
        let r = parsed(1, &text(1, &pieces, "to act"));
        let list = anchors(&r);
        let unique: HashSet<&String> = list.iter().collect();
        prop_assert_eq!(unique.len(), list.len(), "{:?}", list);
        for a in &list {
            prop_assert!(a.chars().next().is_some_and(|c| c.is_ascii_alphabetic()), "{}", a);
            prop_assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'), "{}", a);
        }
        for b in r.blocks.iter().filter(|b| b.kind.is_paragraph()) {
            prop_assert!(b.anchor.is_some(), "every paragraph has an anchor");
        }
    }

    /// Anchors come from the document's own numbering, so rewording its
    /// text, or anything in another resolution, changes none of them.
    #[test]
    fn anchors_do_not_depend_on_wording_or_other_files(
        pieces in prop::collection::vec(piece(), 0..30),
        other in prop::collection::vec(piece(), 0..30),
        words in "[a-z ]{1,40}",
    ) {
        let a = anchors(&parsed(1, &text(1, &pieces, "to act")));
        let reworded = anchors(&parsed(1, &text(1, &pieces, &format!("to act {words}"))));
        prop_assert_eq!(&a, &reworded);
        let _neighbour = parsed(2, &text(2, &other, &words));
        let again = anchors(&parsed(1, &text(1, &pieces, "to act")));
        prop_assert_eq!(a, again);
    }
}
