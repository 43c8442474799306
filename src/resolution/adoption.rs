//! The record of adoption: the documents behind a resolution (its draft,
//! the committee's report, the meeting record), who put it forward, and
//! how it was adopted — without a vote, or by a recorded vote with the
//! states on each side as the UN wrote them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Hash, Serialize)]
pub struct Adoption {
    /// The meeting record (`A/74/PV.38`).
    pub meeting_record: Option<String>,
    /// The draft adopted (`A/74/L.14`).
    pub draft_symbol: Option<String>,
    /// The report of the committee that recommended it (`A/74/400`).
    pub report: Option<String>,
    pub committee: Option<String>,
    /// Who submitted it when no state did (`the Chair of the Committee`).
    pub submitter: Option<String>,
    /// Member states, or a group as spoken for (`Egypt (on behalf of the
    /// Group of 77 and China)`), as the text names them.
    pub sponsors: Vec<String>,
    pub additional_sponsors: Vec<String>,
    pub vote: Option<Vote>,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Vote {
    WithoutVote,
    Recorded(Recorded),
}

/// A recorded vote: the states in favour, against and abstaining, and the
/// totals the official text gives when they are known. Front matter's
/// `vote:` lists are read into it as they are.
#[derive(Debug, Clone, PartialEq, Default, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Recorded {
    pub yes: Vec<String>,
    pub no: Vec<String>,
    pub abstain: Vec<String>,
    /// The official totals. They can differ from the lists (77/293
    /// counts 59 abstentions and names 58): both are kept.
    pub totals: Option<Totals>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Totals {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

impl Recorded {
    /// What the lists count.
    pub fn listed(&self) -> Totals {
        let n = |v: &Vec<String>| v.len() as u32;
        Totals {
            yes: n(&self.yes),
            no: n(&self.no),
            abstain: n(&self.abstain),
        }
    }

    /// The counts to report: the official totals where given, else the
    /// lists'.
    pub fn counts(&self) -> Totals {
        self.totals.unwrap_or_else(|| self.listed())
    }
}

impl Vote {
    /// The outcome in words: `adopted without a vote`, `adopted by a
    /// recorded vote of 120 to 10, with 30 abstentions`.
    pub fn words(&self) -> String {
        match self {
            Vote::WithoutVote => "adopted without a vote".to_string(),
            Vote::Recorded(r) => {
                let c = r.counts();
                let abstentions = match c.abstain {
                    0 => String::new(),
                    1 => ", with 1 abstention".to_string(),
                    n => format!(", with {n} abstentions"),
                };
                format!(
                    "adopted by a recorded vote of {} to {}{abstentions}",
                    c.yes, c.no
                )
            }
        }
    }
}

/// Sponsors as the UN's prose lists them — `Comoros, Cuba, Sao Tome and
/// Principe and Yemen` — one by one. Commas inside parentheses stay (`Egypt
/// (on behalf of the Group of 77 and China)`); the last `and` that is not
/// part of a state's name (`Trinidad and Tobago`) ends the list.
pub fn split_sponsors(prose: &str) -> Vec<String> {
    // A note may follow the list: `Zambia. - Viet Nam was removed from
    // the list of sponsors of the draft resolution`.
    let prose = prose
        .split_once(". -")
        .or_else(|| prose.split_once(". –"))
        .map_or(prose, |(list, _)| list);
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (at, c) in prose.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                items.push(prose[start..at].to_string());
                start = at + 1;
            }
            _ => {}
        }
    }
    items.push(prose[start..].to_string());
    let items: Vec<&str> = items.iter().map(|i| without_symbol(i)).collect();
    let mut out: Vec<String> = Vec::new();
    let count = items.len();
    for (k, item) in items.into_iter().enumerate() {
        let item = item.trim();
        // Only the last item holds the list's closing `and`.
        if k + 1 == count {
            out.extend(split_last_and(item));
        } else if !item.is_empty() {
            out.push(item.to_string());
        }
    }
    out
}

/// A name without a document symbol after it in parentheses
/// (`Venezuela (Bolivarian Republic of) (A74/368)`).
fn without_symbol(item: &str) -> &str {
    let item = item.trim();
    match item.rsplit_once(" (") {
        Some((name, tail))
            if tail.ends_with(')')
                && tail.contains('/')
                && tail.contains(|c: char| c.is_ascii_digit()) =>
        {
            name
        }
        _ => item,
    }
}

/// Names of states (and groups) with `and` in them, which a list's `and`
/// must not split.
const NAMES_WITH_AND: &[&str] = &[
    "antigua and barbuda",
    "bosnia and herzegovina",
    "saint kitts and nevis",
    "saint vincent and the grenadines",
    "sao tome and principe",
    "trinidad and tobago",
    "united kingdom of great britain and northern ireland",
    "group of 77 and china",
    "heard island and mcdonald islands",
];

fn split_last_and(item: &str) -> Vec<String> {
    let item = item.trim();
    let item = item.strip_prefix("and ").unwrap_or(item);
    let lower = item.to_lowercase();
    // The rightmost ` and ` outside parentheses and outside a name.
    let mut cut = None;
    let mut depth = 0i32;
    for (at, c) in lower.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ' ' if depth == 0 && lower[at..].starts_with(" and ") => {
                let inside = NAMES_WITH_AND.iter().any(|name| {
                    lower
                        .match_indices(name)
                        .any(|(s, _)| s < at && at < s + name.len())
                });
                if !inside {
                    cut = Some(at);
                }
            }
            _ => {}
        }
    }
    match cut {
        Some(at) => vec![
            item[..at].trim().to_string(),
            item[at + 5..].trim().to_string(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect(),
        None if item.is_empty() => Vec::new(),
        None => vec![item.to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_read_as_words() {
        assert_eq!(Vote::WithoutVote.words(), "adopted without a vote");
        let r = Recorded {
            yes: vec!["A".into(), "B".into()],
            no: vec!["C".into()],
            abstain: vec![],
            totals: None,
        };
        assert_eq!(
            Vote::Recorded(r.clone()).words(),
            "adopted by a recorded vote of 2 to 1"
        );
        let official = Recorded {
            totals: Some(Totals {
                yes: 120,
                no: 10,
                abstain: 1,
            }),
            ..r
        };
        assert_eq!(
            Vote::Recorded(official).words(),
            "adopted by a recorded vote of 120 to 10, with 1 abstention"
        );
    }

    #[test]
    fn sponsor_prose_splits_into_states() {
        assert_eq!(
            split_sponsors(
                "Comoros, Cuba, Lao People's Democratic Republic, Sao Tome and Principe and Yemen"
            ),
            [
                "Comoros",
                "Cuba",
                "Lao People's Democratic Republic",
                "Sao Tome and Principe",
                "Yemen"
            ]
        );
        assert_eq!(
            split_sponsors("Egypt (on behalf of the Group of 77 and China, and Mexico)"),
            ["Egypt (on behalf of the Group of 77 and China, and Mexico)"]
        );
        assert_eq!(
            split_sponsors("Cuba and Antigua and Barbuda"),
            ["Cuba", "Antigua and Barbuda"]
        );
        assert_eq!(
            split_sponsors("Trinidad and Tobago"),
            ["Trinidad and Tobago"]
        );
        assert_eq!(
            split_sponsors("Venezuela (Bolivarian Republic of), Viet Nam and State of Palestine"),
            [
                "Venezuela (Bolivarian Republic of)",
                "Viet Nam",
                "State of Palestine"
            ]
        );
        assert_eq!(split_sponsors(""), Vec::<String>::new());
        assert_eq!(
            split_sponsors("Togo and Zambia. - Viet Nam was removed from the list of sponsors"),
            ["Togo", "Zambia"]
        );
        assert_eq!(
            split_sponsors("Cuba and Venezuela (Bolivarian Republic of) (A74/368)"),
            ["Cuba", "Venezuela (Bolivarian Republic of)"]
        );
    }
}
