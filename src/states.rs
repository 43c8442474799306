//! The Member States of the United Nations (and its Observer States): a
//! committed table (`src/member_states.yaml`) of ISO 3166-1 alpha-3 codes,
//! the names the UN writes and the other spellings met in its texts, and
//! the matching of a name as written to its state.

use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::sync::LazyLock;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

#[derive(Debug, Deserialize)]
struct Table {
    members_since: String,
    states: Vec<State>,
    observers: Vec<State>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct State {
    /// ISO 3166-1 alpha-3 (`CIV`): the address of its page, which a change
    /// of name leaves alone.
    pub code: String,
    /// As the UN writes it (`Côte d'Ivoire`).
    pub name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// An Observer State (it sponsors, and does not vote).
    #[serde(skip)]
    pub observer: bool,
}

pub struct States {
    pub list: Vec<State>,
    /// Since when the members have been these (the last admission), as
    /// the table writes it (`2011-07-14`): a member absent from a recorded
    /// vote's lists after it did not vote.
    pub members_since: String,
    by_key: FxHashMap<String, usize>,
}

static BUILT_IN: LazyLock<States> = LazyLock::new(|| {
    // Checked by a test; an unreadable table would leave states unknown.
    let table: Option<Table> = serde_yaml::from_str(include_str!("member_states.yaml")).ok();
    States::new(table)
});

impl States {
    pub fn builtin() -> &'static States {
        &BUILT_IN
    }

    fn new(table: Option<Table>) -> States {
        let Some(table) = table else {
            return States {
                list: Vec::new(),
                members_since: String::new(),
                by_key: FxHashMap::default(),
            };
        };
        let mut list = table.states;
        list.extend(table.observers.into_iter().map(|s| State {
            observer: true,
            ..s
        }));
        let mut by_key = FxHashMap::default();
        for (i, s) in list.iter().enumerate() {
            for name in std::iter::once(&s.name).chain(&s.aliases) {
                by_key.insert(key(name), i);
            }
        }
        States {
            list,
            members_since: table.members_since,
            by_key,
        }
    }

    /// The state a name as written stands for: `COTE D'IVOIRE`, `Côte
    /// d’Ivoire`, `TÜRKİYE`, `Ir eland`; a sponsor speaking for a group,
    /// `Egypt (on behalf of the Group of 77 and China)`, is Egypt.
    pub fn find(&self, name: &str) -> Option<&State> {
        let found = |n: &str| self.by_key.get(&key(n)).map(|&i| &self.list[i]);
        found(name).or_else(|| {
            let (speaker, _) = name.split_once(" (on behalf")?;
            found(speaker)
        })
    }

    /// The Member States (not the observers), in the table's order.
    pub fn members(&self) -> impl Iterator<Item = &State> {
        self.list.iter().filter(|s| !s.observer)
    }
}

/// A name's letters and digits, lower case, accents and everything else
/// dropped: spellings that differ in case, accents, apostrophes or spaces
/// meet.
fn key(name: &str) -> String {
    // Prose writes `the Sudan`, `the Netherlands`.
    let name = name.trim();
    let name = ["the ", "The "]
        .iter()
        .find_map(|the| name.strip_prefix(the))
        .unwrap_or(name);
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        decompose_canonical(c, |d| {
            if d.is_alphanumeric() && !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        });
    }
    // The dotted capital I of TÜRKİYE lower-cases to i and a dot above.
    out.retain(|c| c != '\u{307}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_every_member_once() {
        let s = States::builtin();
        assert_eq!(s.members().count(), 193);
        let mut codes: Vec<&str> = s.list.iter().map(|x| x.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(
            codes.len(),
            195,
            "193 members and 2 observers, each code once"
        );
    }

    #[test]
    fn names_as_the_un_writes_them_find_their_state() {
        let s = States::builtin();
        let code = |n: &str| s.find(n).map(|x| x.code.as_str());
        for (name, want) in [
            ("COTE D'IVOIRE", "CIV"),
            ("Côte d’Ivoire", "CIV"),
            ("TÜRKİYE", "TUR"),
            ("TÜRKIYE", "TUR"),
            ("TÜRKÝYE", "TUR"),
            ("NETHERLANDS (KINGDOM OF THE)", "NLD"),
            ("Netherlands", "NLD"),
            ("Qata", "QAT"),
            ("Ir eland", "IRL"),
            ("Egypt (on behalf of the Group of 77 and China)", "EGY"),
            ("State of Palestine", "PSE"),
            ("the Sudan", "SDN"),
            ("Islamic Republic of Iran", "IRN"),
            (
                "United Arab Emirates (on behalf the Organization of  Islamic Cooperation)",
                "ARE",
            ),
            ("UNITED KINGDOM", "GBR"),
            (
                "United Kingdom of Great Britain and Northern Ireland",
                "GBR",
            ),
            ("VENEZUELA (BOLIVARIAN REPUBLIC OF)", "VEN"),
        ] {
            assert_eq!(code(name), Some(want), "{name}");
        }
        assert_eq!(code("Atlantis"), None);
        assert!(s.find("State of Palestine").is_some_and(|x| x.observer));
    }
}
