//! `votes`: `votes.csv` and `votes.json` at the site's root, every state's
//! vote in every recorded vote of the archive — for a spreadsheet, a
//! script or a newsroom. The columns are stable: `symbol,date,state,vote,
//! state_code`.

use rustc_hash::FxHasher;
use serde::Serialize;
use std::hash::Hash;

use super::{one, Each, Form, Inputs, Kind};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::render::Renderer;
use crate::resolution::adoption::{Recorded, Totals};
use crate::site::states::{recorded_ballots, Ballot};
use crate::site::{Entry, For, Output, Planned, Site};

pub(crate) const KIND: Kind = Kind::new(
    "votes",
    "`votes.csv` and `votes.json`",
    &[
        site_file(
            "votes.csv",
            |_, _, of| one("/votes.csv", of),
            |r, _| Ok(votes_csv(r)),
        ),
        site_file(
            "votes.json",
            |_, _, of| one("/votes.json", of),
            |r, _| Ok(votes_json(r)),
        ),
    ],
);

/// A file at the site's root made from every resolution's vote.
const fn site_file(
    what: &'static str,
    paths: fn(&Config, &Site, For) -> Vec<String>,
    render: fn(&Renderer, &Planned) -> Result<Vec<u8>, Diagnostic>,
) -> Form {
    Form::new(what, Each::Site, paths, render, every_vote)
}

/// Each resolution's record of adoption, title, date and address.
fn every_vote(f: &Inputs, _: &Output, h: &mut FxHasher) {
    for e in &f.site.entries {
        let m = &e.resolution.meta;
        (
            &m.symbol,
            &m.title,
            m.adopted,
            &m.body,
            &m.adoption,
            &e.path,
        )
            .hash(h);
    }
}

/// The recorded votes of the archive, in its order: each entry with its
/// vote and every state's.
fn recorded<'a>(
    r: &'a Renderer,
) -> impl Iterator<Item = (&'a Entry, &'a Recorded, Vec<Ballot<'a>>)> + 'a {
    r.site.entries.iter().filter_map(|e| {
        let (vote, ballots) = recorded_ballots(r.config, &e.resolution.meta)?;
        Some((e, vote, ballots))
    })
}

/// One row per state per recorded vote.
fn votes_csv(r: &Renderer) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing records to memory cannot fail.
    let _ = w.write_record(["symbol", "date", "state", "vote", "state_code"]);
    for (e, _, ballots) in recorded(r) {
        let m = &e.resolution.meta;
        let date = m.adopted.map(|d| d.to_string()).unwrap_or_default();
        for b in ballots {
            let _ = w.write_record([
                m.symbol.as_str(),
                &date,
                b.state,
                b.vote,
                b.state_code().unwrap_or(""),
            ]);
        }
    }
    w.into_inner().unwrap_or_default()
}

#[derive(Serialize)]
struct VoteRecord<'a> {
    symbol: &'a str,
    title: &'a str,
    date: Option<String>,
    url: String,
    meeting_record: Option<&'a str>,
    draft_symbol: Option<&'a str>,
    committee: Option<&'a str>,
    report: Option<&'a str>,
    /// The official totals, or the lists' counts.
    totals: Totals,
    votes: Vec<Ballot<'a>>,
}

/// The same rows, grouped by vote, with what each vote was on.
fn votes_json(r: &Renderer) -> Vec<u8> {
    let records: Vec<VoteRecord> = recorded(r)
        .map(|(e, vote, votes)| {
            let m = &e.resolution.meta;
            let a = &m.adoption;
            VoteRecord {
                symbol: &m.symbol,
                title: &m.title,
                date: m.adopted.map(|d| d.to_string()),
                url: r.config.absolute(&e.path),
                meeting_record: a.meeting_record.as_deref(),
                draft_symbol: a.draft_symbol.as_deref(),
                committee: a.committee.as_deref(),
                report: a.report.as_deref(),
                totals: vote.counts(),
                votes,
            }
        })
        .collect();
    // Plain strings and numbers always serialise.
    let mut out = serde_json::to_vec_pretty(&records).unwrap_or_default();
    out.push(b'\n');
    out
}
