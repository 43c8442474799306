//! The states of the archive's recorded votes, each with its votes and
//! the states that voted most and least like it: what the member-state
//! pages show (`/member-states/civ/`).

use rustc_hash::FxHashMap;

use super::Entry;
use crate::config::Config;
use crate::resolution::adoption::Vote;
use crate::states::ballots;

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

/// The states of every recorded vote, by code.
pub(crate) fn state_listings(config: &Config, entries: &[Entry]) -> Vec<StateListing> {
    let states = crate::states::States::builtin();
    let mut by_code: FxHashMap<&str, usize> = FxHashMap::default();
    let mut listings: Vec<StateListing> = Vec::new();
    // Per recorded vote, each state's vote, by listing.
    let mut tallies: Vec<Vec<(usize, &'static str)>> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let m = &e.resolution.meta;
        let Some(Vote::Recorded(r)) = &m.adoption.vote else {
            continue;
        };
        let every = config.body(&m.body).is_some_and(|b| b.every_member_state);
        let mut tally = Vec::new();
        for b in ballots(r, m.adopted, every) {
            let Some(state) = b
                .state_code
                .and_then(|c| states.list.iter().find(|s| s.code == c))
            else {
                continue;
            };
            let k = *by_code.entry(state.code.as_str()).or_insert_with(|| {
                listings.push(StateListing {
                    code: state.code.clone(),
                    name: state.name.clone(),
                    path: format!("/member-states/{}/", state.code.to_lowercase()),
                    votes: Vec::new(),
                    alike: Vec::new(),
                });
                listings.len() - 1
            });
            listings[k].votes.push((i, b.vote));
            tally.push((k, b.vote));
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
                .then(x.state.cmp(&y.state))
        });
        listing.alike = alike;
    }
    // In order of code, so a state keeps its place whatever its name.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&x, &y| listings[x].code.cmp(&listings[y].code));
    let mut place = vec![0; n];
    for (new, &old) in order.iter().enumerate() {
        place[old] = new;
    }
    let mut sorted: Vec<StateListing> = order.iter().map(|&k| listings[k].clone()).collect();
    for l in &mut sorted {
        for a in &mut l.alike {
            a.state = place[a.state];
        }
    }
    sorted
}
