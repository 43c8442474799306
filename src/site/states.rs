//! The states of the archive's recorded votes, each with its votes and
//! the states that voted most and least like it: what the member-state
//! pages show (`/member-states/civ/`).

use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;

use super::Entry;
use crate::config::Config;
use crate::resolution::adoption::{Recorded, Vote};
use crate::resolution::{Date, Meta};
use crate::states::{State, States};

/// One state with its recorded votes in the archive.
#[derive(Debug, Clone)]
pub struct StateListing {
    /// ISO 3166-1 alpha-3 (`CIV`).
    pub code: String,
    /// As the table of states names it (`Côte d'Ivoire`).
    pub name: String,
    /// Site path of its page: the code in lower case, which a change of
    /// name leaves alone (`/member-states/civ/`).
    pub path: String,
    /// Its vote (`yes`, `no`, `abstain`, `absent`) in each recorded vote,
    /// by entry, in archive order.
    pub votes: Vec<(usize, &'static str)>,
    /// Every other state with the votes both took part in (not absent)
    /// and how many of those were the same: most alike first.
    pub alike: Vec<Alike>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alike {
    /// Index in [`super::Site::states`].
    pub state: usize,
    pub same: u32,
    pub both: u32,
}

/// The name of the kind of output that makes the member-state pages.
pub(crate) const KIND_NAME: &str = "member-states";

/// One state's vote in one recorded vote.
#[derive(Debug, Clone, Serialize)]
pub struct Ballot<'a> {
    /// As the UN wrote it in the vote; for an absent state, the table's
    /// name.
    pub state: &'a str,
    /// `yes`, `no`, `abstain` or `absent`.
    pub vote: &'static str,
    /// The state the name stands for, when known; written as its ISO
    /// 3166-1 alpha-3 code.
    #[serde(rename = "state_code", serialize_with = "code_of")]
    pub known: Option<&'a State>,
}

impl Ballot<'_> {
    pub fn state_code(&self) -> Option<&str> {
        self.known.map(|s| s.code.as_str())
    }
}

fn code_of<S: serde::Serializer>(known: &Option<&State>, s: S) -> Result<S::Ok, S::Error> {
    known.map(|k| k.code.as_str()).serialize(s)
}

/// A resolution's recorded vote (none without one) with every state's
/// vote in the order of [`ballots`]; the body's registry says whether
/// every Member State sits in it.
pub fn recorded_ballots<'a>(
    config: &Config,
    m: &'a Meta,
) -> Option<(&'a Recorded, Vec<Ballot<'a>>)> {
    let Some(Vote::Recorded(r)) = &m.adoption.vote else {
        return None;
    };
    let every = config.body(&m.body).is_some_and(|b| b.every_member_state);
    Some((r, ballots(r, m.adopted, every)))
}

/// Every state's vote in `r`, side by side as listed: in favour, against,
/// abstaining, then — in a body where every Member State sits, on a date
/// the membership is known — the members on no side, as absent.
pub fn ballots<'a>(
    r: &'a Recorded,
    date: Option<Date>,
    every_member_state: bool,
) -> Vec<Ballot<'a>> {
    let states = States::builtin();
    let since = Date::parse_iso(&states.members_since);
    let mut out = Vec::with_capacity(r.yes.len() + r.no.len() + r.abstain.len());
    let mut seen = rustc_hash::FxHashSet::default();
    for (names, vote) in [(&r.yes, "yes"), (&r.no, "no"), (&r.abstain, "abstain")] {
        for name in names {
            let known = states.find(name);
            if let Some(s) = known {
                seen.insert(s.code.as_str());
            }
            out.push(Ballot {
                state: name,
                vote,
                known,
            });
        }
    }
    let known = matches!((date, since), (Some(d), Some(since)) if d >= since);
    if every_member_state && known {
        for s in states.members().filter(|s| !seen.contains(s.code.as_str())) {
            out.push(Ballot {
                state: &s.name,
                vote: "absent",
                known: Some(s),
            });
        }
    }
    out
}

/// Site path of a state's page: its code in lower case
/// (`/member-states/civ/`).
pub fn state_path(code: &str) -> String {
    format!("/member-states/{}/", code.to_lowercase())
}

/// The states of every recorded vote, by code.
pub(crate) fn state_listings(config: &Config, entries: &[Entry]) -> Vec<StateListing> {
    let votes: Vec<(usize, Vec<Ballot>)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, recorded_ballots(config, &e.resolution.meta)?.1)))
        .collect();
    // Every state named, in order of code, so a state keeps its place
    // whatever its name.
    let known: BTreeMap<&str, &State> = votes
        .iter()
        .flat_map(|(_, ballots)| ballots.iter().filter_map(|b| b.known))
        .map(|s| (s.code.as_str(), s))
        .collect();
    let place: FxHashMap<&str, usize> = known.keys().enumerate().map(|(k, &c)| (c, k)).collect();
    // Equally alike states in the order they were first met.
    let mut met = vec![usize::MAX; place.len()];
    let mut order = 0;
    for b in votes.iter().flat_map(|(_, ballots)| ballots) {
        if let Some(k) = b.state_code().map(|c| place[c]) {
            if met[k] == usize::MAX {
                met[k] = order;
                order += 1;
            }
        }
    }
    let mut listings: Vec<StateListing> = known
        .values()
        .map(|s| StateListing {
            code: s.code.clone(),
            name: s.name.clone(),
            path: state_path(&s.code),
            votes: Vec::new(),
            alike: Vec::new(),
        })
        .collect();
    // Per recorded vote, each state's vote, by listing.
    let mut tallies: Vec<Vec<(usize, &'static str)>> = Vec::new();
    for (i, ballots) in &votes {
        let tally: Vec<(usize, &'static str)> = ballots
            .iter()
            .filter_map(|b| Some((place[b.state_code()?], b.vote)))
            .collect();
        for &(k, vote) in &tally {
            listings[k].votes.push((*i, vote));
        }
        tallies.push(tally);
    }
    let n = listings.len();
    let mut same = vec![0u32; n * n];
    let mut both = vec![0u32; n * n];
    for tally in &tallies {
        let present: Vec<&(usize, &str)> = tally.iter().filter(|(_, v)| *v != "absent").collect();
        for (x, &&(a, va)) in present.iter().enumerate() {
            for &&(b, vb) in &present[x + 1..] {
                for (p, q) in [(a, b), (b, a)] {
                    both[p * n + q] += 1;
                    same[p * n + q] += u32::from(va == vb);
                }
            }
        }
    }
    for (a, listing) in listings.iter_mut().enumerate() {
        let mut alike: Vec<Alike> = (0..n)
            .filter(|&b| b != a && both[a * n + b] > 0)
            .map(|b| Alike {
                state: b,
                same: same[a * n + b],
                both: both[a * n + b],
            })
            .collect();
        // Most alike first: compare shares as fractions, exactly.
        alike.sort_by(|x, y| {
            (u64::from(y.same) * u64::from(x.both))
                .cmp(&(u64::from(x.same) * u64::from(y.both)))
                .then(met[x.state].cmp(&met[y.state]))
        });
        listing.alike = alike;
    }
    listings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_membership_date_reads() {
        assert!(Date::parse_iso(&States::builtin().members_since).is_some());
    }
}
