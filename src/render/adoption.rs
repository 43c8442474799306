//! The record of adoption as a page shows it: the outcome in words, a bar
//! of the vote with its text equivalent, the states on each side, the
//! sponsors and the documents by symbol.

use serde::Serialize;
use std::fmt::Write;

use crate::config::Config;
use crate::resolution::adoption::{Adoption, Recorded, Totals, Vote};
use crate::site::states::state_path;
use crate::states::States;

#[derive(Serialize)]
pub struct AdoptionView<'a> {
    /// `adopted by a recorded vote of 120 to 10, with 30 abstentions`
    pub outcome: Option<String>,
    pub recorded: Option<RecordedView<'a>>,
    pub committee: Option<&'a str>,
    pub submitter: Option<&'a str>,
    pub sponsors: &'a [String],
    pub additional_sponsors: &'a [String],
    /// The draft, the committee's report and the meeting record, each
    /// linked in the UN's document system.
    pub documents: Vec<DocumentView<'a>>,
}

#[derive(Serialize)]
pub struct RecordedView<'a> {
    pub yes: Vec<VoterView<'a>>,
    pub no: Vec<VoterView<'a>>,
    pub abstain: Vec<VoterView<'a>>,
    /// The counts reported (official totals where given).
    pub counts: Totals,
    /// What the lists hold, when it differs from the counts.
    pub listed: Option<Totals>,
    /// An inline SVG bar with a text equivalent.
    pub chart: String,
}

/// A state as the vote names it, linked to its page when the site has
/// one.
#[derive(Serialize)]
pub struct VoterView<'a> {
    pub name: &'a str,
    pub url: Option<String>,
}

#[derive(Serialize)]
pub struct DocumentView<'a> {
    pub what: &'static str,
    pub symbol: &'a str,
    pub url: Option<String>,
}

/// `pages`: whether the site has member-state pages to link.
pub fn view<'a>(config: &Config, a: &'a Adoption, pages: bool) -> AdoptionView<'a> {
    let documents = [
        ("Draft", &a.draft_symbol),
        ("Report", &a.report),
        ("Meeting record", &a.meeting_record),
    ]
    .into_iter()
    .filter_map(|(what, symbol)| {
        let symbol = symbol.as_deref()?;
        Some(DocumentView {
            what,
            symbol,
            url: config.document_links.url_for(symbol),
        })
    })
    .collect();
    let recorded = match &a.vote {
        Some(Vote::Recorded(r)) => Some(recorded(config, pages, r)),
        _ => None,
    };
    AdoptionView {
        outcome: a.vote.as_ref().map(Vote::words),
        recorded,
        committee: a.committee.as_deref(),
        submitter: a.submitter.as_deref(),
        sponsors: &a.sponsors,
        additional_sponsors: &a.additional_sponsors,
        documents,
    }
}

fn recorded<'a>(config: &Config, pages: bool, r: &'a Recorded) -> RecordedView<'a> {
    let counts = r.counts();
    let listed = r.listed();
    let states = States::builtin();
    let voters = |names: &'a [String]| -> Vec<VoterView<'a>> {
        names
            .iter()
            .map(|name| VoterView {
                name,
                url: states
                    .find(name)
                    .filter(|_| pages)
                    .map(|s| config.link(&state_path(&s.code))),
            })
            .collect()
    };
    RecordedView {
        yes: voters(&r.yes),
        no: voters(&r.no),
        abstain: voters(&r.abstain),
        counts,
        listed: (listed != counts && listed != Totals::default()).then_some(listed),
        chart: chart(counts),
    }
}

/// Bar width in the drawing's units.
const WIDTH: u32 = 300;
/// In favour, against, abstaining: mid-tones readable on light and dark.
const FILLS: [&str; 3] = ["#3aa76d", "#c94f4f", "#8a8f98"];

/// The vote as one bar split in favour / against / abstaining, its words
/// as the image's name.
fn chart(c: Totals) -> String {
    let total = (c.yes + c.no + c.abstain).max(1);
    let words = format!(
        "{} in favour, {} against, {} abstaining",
        c.yes, c.no, c.abstain
    );
    let mut out = format!(
        "<svg class=\"vote-chart\" viewBox=\"0 0 {WIDTH} 12\" width=\"{WIDTH}\" height=\"12\" role=\"img\" aria-label=\"{words}\"><title>{words}</title>"
    );
    let mut x = 0;
    for (n, fill) in [c.yes, c.no, c.abstain].into_iter().zip(FILLS) {
        let w = n * WIDTH / total;
        if w > 0 {
            // Writing to a String cannot fail.
            let _ = write!(
                out,
                "<rect x=\"{x}\" y=\"0\" width=\"{w}\" height=\"12\" fill=\"{fill}\"/>"
            );
        }
        x += w;
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_is_proportional_and_named() {
        let svg = chart(Totals {
            yes: 150,
            no: 0,
            abstain: 50,
        });
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        assert_eq!(
            root.attribute("aria-label"),
            Some("150 in favour, 0 against, 50 abstaining")
        );
        let widths: Vec<&str> = root
            .children()
            .filter(|n| n.has_tag_name("rect"))
            .filter_map(|r| r.attribute("width"))
            .collect();
        assert_eq!(widths, ["225", "75"]);
    }
}
