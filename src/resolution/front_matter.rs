//! The optional YAML front matter of a resolution: any metadata the text
//! does not give, or gives wrongly.

use serde::Deserialize;
use std::path::Path;

use super::date::Date;
use crate::diagnostics::Diagnostic;
use crate::yaml;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub body: Option<String>,
    pub symbol: Option<String>,
    #[serde(default, deserialize_with = "yaml::string_or_number")]
    pub number: Option<String>,
    #[serde(default, deserialize_with = "yaml::string_or_number")]
    pub session: Option<String>,
    pub title: Option<String>,
    /// `adopted: 1997-07-18`; checked after parsing so the error can say why.
    pub adopted: Option<String>,
    pub meeting: Option<String>,
    /// The agenda item as printed: `agenda_item: "Agenda item 39"` (or,
    /// with its name, `"39. Question of Palestine"`).
    pub agenda_item: Option<String>,
    /// `agenda_item_name: "Question of Palestine"`
    pub agenda_item_name: Option<String>,
    /// How it was adopted: `without-vote`, or the states' votes as
    /// lists (`yes:`, `no:`, `abstain:`) with the official `totals:`.
    pub vote: Option<VoteField>,
    /// `meeting_record: A/74/PV.38`
    pub meeting_record: Option<String>,
    /// `draft_symbol: A/74/L.14` (the `draft` flag is something else:
    /// a text not yet published).
    pub draft_symbol: Option<String>,
    /// The committee's report: `report: A/74/400`.
    pub report: Option<String>,
    /// `committee: Third Committee`
    pub committee: Option<String>,
    /// Who submitted it when no state did: `the Chair of the Committee`.
    pub submitter: Option<String>,
    #[serde(default)]
    pub sponsors: Vec<String>,
    #[serde(default)]
    pub additional_sponsors: Vec<String>,
    #[serde(default)]
    pub subjects: Vec<String>,
    /// Terms of other keyword lists, by scheme: `keywords: {EuroVoc:
    /// [internet], SDGO: ["17.8"]}`.
    #[serde(default)]
    pub keywords: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub draft: bool,
    /// The file line of the front matter's first line, for diagnostics.
    #[serde(skip)]
    first_line: usize,
    #[serde(skip)]
    text: String,
}

/// `vote:` as written: words (`without-vote`) or the lists of a recorded
/// vote.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum VoteField {
    Words(String),
    Lists(super::adoption::Recorded),
}

impl FrontMatter {
    pub fn parse(yaml_text: &str, path: &Path, first_line: usize) -> Result<Self, Diagnostic> {
        let mut fm: FrontMatter = if yaml_text.trim().is_empty() {
            FrontMatter::default()
        } else {
            yaml::parse(yaml_text, path, first_line)?
        };
        fm.first_line = first_line;
        fm.text = yaml_text.to_string();
        Ok(fm)
    }

    /// The file line on which `key` is set (or where front matter starts).
    pub(crate) fn line_of(&self, key: &str) -> usize {
        match yaml::key_line(&self.text, key) {
            Some(l) => self.first_line + l - 1,
            None => self.first_line.max(1),
        }
    }

    /// The adoption date, if given and valid.
    pub(crate) fn adopted_date(&self) -> Result<Option<Date>, String> {
        match &self.adopted {
            None => Ok(None),
            Some(text) => Date::parse_iso(text)
                .map(Some)
                .ok_or_else(|| format!("`adopted: {text}` is not a date; write it as YYYY-MM-DD")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<FrontMatter, Diagnostic> {
        FrontMatter::parse(text, Path::new("x.md"), 2)
    }

    #[test]
    fn numbers_may_be_written_as_numbers() {
        let fm = parse("number: 10\nsession: \"ES-11\"\nadopted: 2023-02-23\n").unwrap();
        assert_eq!(fm.number.as_deref(), Some("10"));
        assert_eq!(fm.session.as_deref(), Some("ES-11"));
        assert_eq!(fm.adopted_date().unwrap(), Date::new(2023, 2, 23));
    }

    #[test]
    fn unknown_key_names_the_key_and_the_file_line() {
        let e = parse("title: x\nsubject: y\n").unwrap_err();
        assert!(
            e.message.contains("unknown field `subject`"),
            "{}",
            e.message
        );
        assert_eq!(e.line, 3);
    }

    #[test]
    fn a_list_is_not_front_matter() {
        let e = parse("- a\n- b\n").unwrap_err();
        assert!(e.message.contains("invalid type"), "{}", e.message);
    }
}
