//! Settles a resolution's metadata from what the file says about itself.
//!
//! Order of trust: front matter, then the heading, the opening line, the
//! closing line, and last the file's place under `content/`
//! (`ecosoc/1997/2.md`). Disagreements between the text and the path are
//! warnings, since one of them is probably a typing mistake.

use std::path::{Component, Path};

use super::adoption::{Adoption, Recorded, Totals, Vote};
use super::front_matter::{FrontMatter, VoteField};
use super::model::Meta;
use super::parse::Structure;
use crate::config::{Body, Config};
use crate::diagnostics::Diagnostics;
use crate::markdown;
use crate::urls::{slug, Placeholder, Values};

/// What the file's place under `content/` suggests.
#[derive(Debug, Default)]
struct FromPath<'a> {
    body: Option<&'a str>,
    session: Option<&'a str>,
    number: Option<&'a str>,
    /// The language the name gives (`fr` of `1.fr.md`).
    language: Option<&'a str>,
}

fn from_path<'a>(rel: &'a Path, config: &Config) -> FromPath<'a> {
    let parts: Vec<&str> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    let mut out = FromPath::default();
    let Some((file, dirs)) = parts.split_last() else {
        return out;
    };
    out.number = file.strip_suffix(".md");
    // `1.fr.md`: a version in another language.
    if let Some((number, code)) = out.number.and_then(|n| n.rsplit_once('.')) {
        if is_language_code(code) {
            (out.number, out.language) = (Some(number), Some(code));
        }
    }
    if let Some(first) = dirs.first() {
        if config.body(first).is_some() {
            out.body = Some(first);
            if dirs.len() >= 2 {
                out.session = dirs.last().copied();
            }
        }
    }
    out
}

/// The language of the source at `rel`: the one its name gives when the
/// archive has it (`1.fr.md`), else the archive's default.
pub(crate) fn source_language<'c>(rel: &Path, config: &'c Config) -> &'c str {
    let named = from_path(rel, config).language;
    let known = named.and_then(|code| config.languages.iter().find(|l| *l == code));
    known.unwrap_or(&config.language)
}

/// Two lower-case letters, as ISO 639-1 codes are.
fn is_language_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())
}

pub(crate) fn infer(
    fm: &FrontMatter,
    s: &Structure,
    rel: &Path,
    path: &Path,
    config: &Config,
    diags: &mut Diagnostics,
) -> Option<Meta> {
    let by_path = from_path(rel, config);
    let language = match by_path.language {
        None => config.language.clone(),
        Some(code) if config.languages.iter().any(|l| l == code) => code.to_string(),
        Some(code) => {
            diags.error(
                path,
                1,
                format!("the name says the language is `{code}`, which is not one of the archive's languages; add it to `languages:` in config.yaml"),
            );
            return None;
        }
    };
    let body = settle_body(fm, s, &by_path, path, config, diags)?;
    let heading = s.heading.clone().unwrap_or_default();
    let heading_line = heading.line.max(1);

    let number = fm.number.clone().or(heading.number.clone());
    let Some(number) = number.filter(|n| !n.trim().is_empty()) else {
        if heading.missing {
            return None;
        }
        diags.error(
            path,
            heading_line,
            "the heading names no resolution number; write `## 1997/2. Title` or `## Resolution 1325 (2000)`, or set `number` in front matter",
        );
        return None;
    };
    let session = fm
        .session
        .clone()
        .or(heading.session.clone())
        .or(by_path.session.map(str::to_string))
        .unwrap_or_default();
    if session.is_empty()
        && (body.symbol.has(Placeholder::Session) || body.permalink.has(Placeholder::Session))
    {
        diags.error(
            path,
            heading_line,
            format!("no session or year for resolution {number}; write it in the heading or set `session` in front matter"),
        );
        return None;
    }
    if fm.number.is_none() && fm.session.is_none() {
        warn_if_path_disagrees(&by_path, &session, &number, path, heading_line, diags);
    }

    let values = Values {
        body: &body.key,
        session: &session,
        number: &number,
    };
    let symbol = fm
        .symbol
        .clone()
        .unwrap_or_else(|| body.symbol.fill(values));
    let title = match &fm.title {
        Some(t) => markdown::plain_text(t),
        None if !heading.title.is_empty() => markdown::plain_text(&heading.title),
        None => format!("Resolution {}", body.cited_as.fill(values)),
    };
    let adopted = match fm.adopted_date() {
        Ok(Some(d)) => Some(d),
        Ok(None) => s.closing_date,
        Err(m) => {
            diags.error(path, fm.line_of("adopted"), m);
            return None;
        }
    };
    if adopted.is_none() {
        diags.warning(
            path,
            s.closing_line.unwrap_or(heading_line),
            "no adoption date: end the text with a closing line such as `*34th plenary meeting  \\n18 July 1997*`, or set `adopted` in front matter",
        );
    }
    Some(Meta {
        body: body.key.clone(),
        session,
        number,
        symbol,
        title,
        adopted,
        meeting: fm.meeting.clone().or(s.closing_meeting.clone()),
        agenda_item: fm.agenda_item.clone(),
        agenda_item_name: fm.agenda_item_name.clone(),
        adoption: adoption(fm, path, diags)?,
        subjects: fm.subjects.clone(),
        keywords: fm.keywords.clone(),
        aliases: aliases(fm, path, diags),
        draft: fm.draft,
        language,
    })
}

/// The record of adoption from front matter; None, with an error, for a
/// `vote` that is none of its forms.
fn adoption(fm: &FrontMatter, path: &Path, diags: &mut Diagnostics) -> Option<Adoption> {
    let vote = match &fm.vote {
        None => None,
        Some(VoteField::Words(w)) => match vote_words(w) {
            Some(v) => Some(v),
            None => {
                diags.error(
                    path,
                    fm.line_of("vote"),
                    format!("`vote: {w}` is not a vote: write `without-vote`, or the lists `yes:`, `no:` and `abstain:` (with `totals:` if the text gives them)"),
                );
                return None;
            }
        },
        Some(VoteField::Lists(recorded)) => {
            let listed = recorded.listed();
            if let Some(t) = recorded
                .totals
                .filter(|t| *t != listed && listed != Totals::default())
            {
                diags.warning(
                    path,
                    fm.line_of("vote"),
                    format!(
                        "the vote's totals ({}-{}-{}) differ from its lists ({}-{}-{}); both are kept, and the totals shown",
                        t.yes, t.no, t.abstain, listed.yes, listed.no, listed.abstain
                    ),
                );
            }
            Some(Vote::Recorded(recorded.clone()))
        }
    };
    let unknown = |names: &[String], key: &str, diags: &mut Diagnostics| {
        let states = crate::states::States::builtin();
        for name in names.iter().filter(|n| states.find(n).is_none()) {
            diags.warning(
                path,
                fm.line_of(key),
                format!("`{name}` is no state plenary knows (src/member_states.yaml): it has no state code, nor a page"),
            );
        }
    };
    if let Some(Vote::Recorded(r)) = &vote {
        for side in [&r.yes, &r.no, &r.abstain] {
            unknown(side, "vote", diags);
        }
    }
    unknown(&fm.sponsors, "sponsors", diags);
    unknown(&fm.additional_sponsors, "additional_sponsors", diags);
    Some(Adoption {
        meeting_record: fm.meeting_record.clone(),
        draft_symbol: fm.draft_symbol.clone(),
        report: fm.report.clone(),
        committee: fm.committee.clone(),
        submitter: fm.submitter.clone(),
        sponsors: fm.sponsors.clone(),
        additional_sponsors: fm.additional_sponsors.clone(),
        vote,
    })
}

/// `without-vote` (or `without a vote`), or the totals alone as
/// `recorded vote: 148-9-14`.
fn vote_words(words: &str) -> Option<Vote> {
    let w = words.trim().to_lowercase();
    if matches!(
        w.as_str(),
        "without-vote" | "without a vote" | "adopted without a vote"
    ) {
        return Some(Vote::WithoutVote);
    }
    let counts = w.strip_prefix("recorded vote:")?.trim();
    let mut n = counts.split(['-', '–']).map(|x| x.trim().parse::<u32>());
    let (Some(Ok(yes)), Some(Ok(no)), Some(Ok(abstain)), None) =
        (n.next(), n.next(), n.next(), n.next())
    else {
        return None;
    };
    Some(Vote::Recorded(Recorded {
        totals: Some(Totals { yes, no, abstain }),
        ..Recorded::default()
    }))
}

fn settle_body<'c>(
    fm: &FrontMatter,
    s: &Structure,
    by_path: &FromPath,
    path: &Path,
    config: &'c Config,
    diags: &mut Diagnostics,
) -> Option<&'c Body> {
    if let Some(key) = &fm.body {
        let found = config.body(key).or_else(|| config.body_named(key));
        if found.is_none() {
            diags.error(path, fm.line_of("body"), unknown_body(key, config));
        }
        return found;
    }
    let path_body = by_path.body.and_then(|k| config.body(k));
    if let Some((name, line)) = &s.opening_body {
        match config.body_named(name) {
            Some(b) => {
                if let Some(pb) = path_body.filter(|pb| pb.key != b.key) {
                    diags.warning(
                        path,
                        *line,
                        format!(
                            "the opening line names the {} but the file is in the `{}` folder; using the {} (set `body` in front matter to choose)",
                            b.name, pb.key, b.name
                        ),
                    );
                }
                return Some(b);
            }
            None if path_body.is_none() => {
                diags.error(path, *line, unknown_body(name, config));
                return None;
            }
            None => {}
        }
    }
    if path_body.is_none() {
        let line = s.heading.as_ref().map_or(1, |h| h.line.max(1));
        diags.error(
            path,
            line,
            "cannot tell which body adopted this resolution: add an opening line such as `*The General Assembly*,`, put the file in a body's folder (`content/ga/…`) or set `body` in front matter",
        );
    }
    path_body
}

fn unknown_body(name: &str, config: &Config) -> String {
    let known: Vec<String> = config
        .bodies
        .iter()
        .map(|b| format!("{} ({})", b.key, b.name))
        .collect();
    format!(
        "`{name}` is not a body in config.yaml; known bodies: {}",
        known.join(", ")
    )
}

fn warn_if_path_disagrees(
    by_path: &FromPath,
    session: &str,
    number: &str,
    path: &Path,
    line: usize,
    diags: &mut Diagnostics,
) {
    let number_differs = by_path.number.is_some_and(|n| slug(n) != slug(number));
    let session_differs = by_path.session.is_some_and(|s| slug(s) != slug(session));
    if number_differs || session_differs {
        diags.warning(
            path,
            line,
            format!(
                "the heading says {session}/{number} but the file's path says otherwise; the heading wins (rename the file or set `number` and `session` in front matter)"
            ),
        );
    }
}

/// Front-matter `aliases`, as site paths (`/old/70-1/`). An alias must be
/// a path inside the site: no scheme, query, fragment or `..`.
fn aliases(fm: &FrontMatter, path: &Path, diags: &mut Diagnostics) -> Vec<String> {
    let mut out = Vec::new();
    for alias in &fm.aliases {
        let a = alias.trim();
        let bad = a.is_empty()
            || a.contains(['?', '#', '\\', ':'])
            || a.split('/').any(|seg| seg == ".." || seg == ".")
            || a.chars().any(char::is_whitespace);
        if bad {
            diags.error(
                path,
                fm.line_of("aliases"),
                format!(
                    "alias `{}` must be a path inside the site, such as `/old/address/`",
                    crate::diagnostics::printable(alias)
                ),
            );
            continue;
        }
        let mut site_path = format!("/{}", a.trim_start_matches('/'));
        let is_file = site_path
            .rsplit('/')
            .next()
            .is_some_and(|last| last.ends_with(".html"));
        if !is_file && !site_path.ends_with('/') {
            site_path.push('/');
        }
        out.push(site_path);
    }
    out
}
