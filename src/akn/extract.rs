//! The UN's `data_extract` files (`plenary import akn --votes FILE`): one
//! JSON object a line per resolution, with its committee, meeting record,
//! originating document, sponsors and recorded vote. They fill in what
//! the XML lacks — above all the committee — and a vote both give that
//! differs is a warning naming the resolution; the XML's is kept.

use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::resolution::adoption::{Adoption, Recorded, Totals, Vote};
use crate::states::States;

/// One line of the file, as far as plenary reads it.
#[derive(Debug, Deserialize)]
struct Line {
    symbol: String,
    #[serde(default)]
    committee: Option<String>,
    #[serde(default)]
    adoption_type: Option<String>,
    #[serde(default)]
    pv: Option<String>,
    #[serde(default)]
    originating_document: Option<String>,
    #[serde(default, rename = "MS_in_favour")]
    yes: Option<Vec<String>>,
    #[serde(default, rename = "MS_against")]
    no: Option<Vec<String>>,
    #[serde(default, rename = "MS_abstaining")]
    abstain: Option<Vec<String>>,
    #[serde(default, rename = "MS_in_favour_count")]
    yes_count: Option<String>,
    #[serde(default, rename = "MS_against_count")]
    no_count: Option<String>,
    #[serde(default, rename = "MS_abstaining_count")]
    abstain_count: Option<String>,
}

/// The records of a data_extract file, by symbol.
#[derive(Default)]
pub struct Extract {
    by_symbol: FxHashMap<String, Line>,
}

impl Extract {
    /// Reads the file; a line that is not such a record is an error at it.
    pub fn read(path: &Path) -> Result<Extract, Diagnostic> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Diagnostic::error(path, 0, format!("cannot read it: {e}")))?;
        let mut by_symbol = FxHashMap::default();
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let record: Line = serde_json::from_str(line).map_err(|e| {
                Diagnostic::error(path, n + 1, format!("not a data_extract record: {e}"))
            })?;
            by_symbol.insert(record.symbol.clone(), record);
        }
        Ok(Extract { by_symbol })
    }

    /// Fills in `a`, the record of `symbol` as its XML gives it, from the
    /// file; says where the two disagree on the vote.
    pub fn complete(&self, symbol: &str, a: &mut Adoption, file: &Path) -> Option<Diagnostic> {
        let line = self.by_symbol.get(symbol)?;
        let plenary = line
            .committee
            .as_deref()
            .is_none_or(|c| c.starts_with("Without reference"));
        if !plenary {
            a.committee = a.committee.take().or_else(|| line.committee.clone());
        }
        let fill = |have: &mut Option<String>, from: &Option<String>| {
            if have.is_none() {
                *have = from.clone().filter(|v| !v.is_empty() && v != "N.A.");
            }
        };
        fill(&mut a.meeting_record, &line.pv);
        // Without a committee, the originating document is the draft;
        // with one, its report.
        if plenary {
            fill(&mut a.draft_symbol, &line.originating_document);
        } else {
            fill(&mut a.report, &line.originating_document);
        }
        let theirs = line.vote();
        match (&a.vote, theirs) {
            (None, theirs) => {
                a.vote = theirs;
                None
            }
            (Some(ours), Some(theirs)) if !same_vote(ours, &theirs) => Some(Diagnostic::warning(
                file,
                0,
                format!(
                    "{symbol}: the XML and the data_extract file disagree on the vote ({} against {}); the XML's is kept",
                    ours.words(),
                    theirs.words()
                ),
            )),
            _ => None,
        }
    }
}

impl Line {
    fn vote(&self) -> Option<Vote> {
        match self.adoption_type.as_deref()? {
            "Without a vote" => Some(Vote::WithoutVote),
            "By a recorded vote" => {
                let list = |s: &Option<Vec<String>>| s.clone().unwrap_or_default();
                let count = |s: &Option<String>| s.as_deref().and_then(|c| c.trim().parse().ok());
                let totals = match (
                    count(&self.yes_count),
                    count(&self.no_count),
                    count(&self.abstain_count),
                ) {
                    (Some(yes), Some(no), Some(abstain)) => Some(Totals { yes, no, abstain }),
                    _ => None,
                };
                Some(Vote::Recorded(Recorded {
                    yes: list(&self.yes),
                    no: list(&self.no),
                    abstain: list(&self.abstain),
                    totals,
                }))
            }
            _ => None,
        }
    }
}

/// Whether two votes say the same: the same outcome, the same counts and
/// the same states on each side (by state, whatever the spelling).
fn same_vote(a: &Vote, b: &Vote) -> bool {
    match (a, b) {
        (Vote::WithoutVote, Vote::WithoutVote) => true,
        (Vote::Recorded(x), Vote::Recorded(y)) => {
            let states = States::builtin();
            let side = |names: &[String]| {
                let mut codes: Vec<String> = names
                    .iter()
                    .map(|n| {
                        states
                            .find(n)
                            .map_or_else(|| n.to_uppercase(), |s| s.code.clone())
                    })
                    .collect();
                codes.sort();
                codes
            };
            x.counts() == y.counts()
                && side(&x.yes) == side(&y.yes)
                && side(&x.no) == side(&y.no)
                && side(&x.abstain) == side(&y.abstain)
        }
        _ => false,
    }
}
