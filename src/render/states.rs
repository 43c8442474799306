//! The member-state pages as templates see them: a state's votes with
//! its shares, and the states that voted most and least like it.

use serde::Serialize;

use super::context::{summary, CountedView, SummaryView};
use crate::config::Config;
use crate::site::states::{Alike, StateListing};
use crate::site::Site;

/// How many of the most and the least alike a page names.
const ALIKE_SHOWN: usize = 5;

#[derive(Serialize)]
pub struct StateView<'a> {
    #[serde(flatten)]
    pub state: CountedView<'a>,
    /// Its votes of each kind, and their shares in per cent of all its
    /// recorded votes, one decimal.
    pub counts: Counts,
    pub shares: Shares,
    pub votes: Vec<StateVoteView<'a>>,
    pub most_alike: Vec<AlikeView<'a>>,
    pub least_alike: Vec<AlikeView<'a>>,
}

#[derive(Serialize, Default)]
pub struct Counts {
    pub yes: usize,
    pub no: usize,
    pub abstain: usize,
    pub absent: usize,
}

#[derive(Serialize)]
pub struct Shares {
    pub yes: String,
    pub no: String,
    pub abstain: String,
    pub absent: String,
}

#[derive(Serialize)]
pub struct StateVoteView<'a> {
    #[serde(flatten)]
    pub resolution: SummaryView<'a>,
    pub vote: &'static str,
}

/// Another state, and how often it voted the same.
#[derive(Serialize)]
pub struct AlikeView<'a> {
    #[serde(flatten)]
    pub state: CountedView<'a>,
    /// Share of identical votes, per cent, one decimal.
    pub share: String,
    pub same: u32,
    pub both: u32,
}

/// A state as the index of states lists it: its code as `key`, and its
/// recorded votes (taken part in or absent from) as `count`.
fn state_summary<'a>(config: &Config, s: &'a StateListing) -> CountedView<'a> {
    CountedView {
        key: &s.code,
        name: &s.name,
        url: config.link(&s.path),
        count: s.votes.len(),
    }
}

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0.0".to_string();
    }
    // Tenths of a per cent, rounded half up, in integers: the same text
    // on every machine.
    let tenths = (part * 2000 + whole) / (2 * whole);
    format!("{}.{}", tenths / 10, tenths % 10)
}

pub fn state_view<'a>(config: &'a Config, site: &'a Site, s: &'a StateListing) -> StateView<'a> {
    let mut counts = Counts::default();
    for (_, v) in &s.votes {
        match *v {
            "yes" => counts.yes += 1,
            "no" => counts.no += 1,
            "abstain" => counts.abstain += 1,
            _ => counts.absent += 1,
        }
    }
    let total = s.votes.len();
    let share = |n: usize| percent(n as u64, total as u64);
    let shares = Shares {
        yes: share(counts.yes),
        no: share(counts.no),
        abstain: share(counts.abstain),
        absent: share(counts.absent),
    };
    let alike = |a: &Alike| AlikeView {
        state: state_summary(config, &site.states[a.state]),
        share: percent(u64::from(a.same), u64::from(a.both)),
        same: a.same,
        both: a.both,
    };
    let most_alike = s.alike.iter().take(ALIKE_SHOWN).map(alike).collect();
    let least_alike = s.alike.iter().rev().take(ALIKE_SHOWN).map(alike).collect();
    StateView {
        state: state_summary(config, s),
        counts,
        shares,
        votes: s
            .votes
            .iter()
            .rev()
            .map(|&(i, vote)| StateVoteView {
                resolution: summary(config, &site.entries[i]),
                vote,
            })
            .collect(),
        most_alike,
        least_alike,
    }
}

/// Every state, by name.
pub fn states_index<'a>(config: &'a Config, site: &'a Site) -> Vec<CountedView<'a>> {
    let mut all: Vec<CountedView> = site
        .states
        .iter()
        .map(|s| state_summary(config, s))
        .collect();
    all.sort_by_cached_key(|s| crate::text::natural_key(s.name));
    all
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn shares_round_to_a_tenth() {
        assert_eq!(percent(1, 3), "33.3");
        assert_eq!(percent(2, 3), "66.7");
        assert_eq!(percent(0, 0), "0.0");
        assert_eq!(percent(96, 96), "100.0");
    }
}
