//! `plenary import akn`: the UN's own Akoma Ntoso XML (AKN4UN) as
//! resolution source files. Metadata goes to front matter (symbol, date,
//! body, agenda item, vote, UNBIS subjects); the title to the heading with
//! the number, as the printed text has it; the opening
//! line, preambular and numbered paragraphs with their points, headings,
//! closing line and footnotes (with their printed numbers) to the text.
//!
//! Links in the UN's text are dropped for their words: plenary finds the
//! citations again when it builds, and links them the same way everywhere.

use roxmltree::{Document, Node};
use std::path::{Path, PathBuf};

use super::extract::Extract;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::resolution::adoption::{split_sponsors, Adoption, Recorded, Totals, Vote};
use crate::resolution::annexes::annex_number;
use crate::resolution::date::Date;
use crate::urls::slug;

/// One converted document: where it goes under `content/`, and its text.
#[derive(Debug)]
pub struct Imported {
    /// `ga/76/10.md`
    pub rel: PathBuf,
    pub markdown: String,
}

/// How deep elements may nest. The UN's documents go about 15 deep; the
/// converter walks the tree recursively, and a hostile file must get an
/// error, not a stack overflow.
pub(crate) const MAX_DEPTH: usize = 200;
/// The largest file read, in bytes (the UN's are under a megabyte).
pub(crate) const MAX_BYTES: u64 = 32 * 1024 * 1024;
/// The most nodes one document may have.
const MAX_NODES: u32 = 4_000_000;

/// Converts one AKN4UN document, one source per part of a resolution
/// adopted in parts (`components`); `file` names it in errors.
pub fn convert(xml: &str, file: &Path, config: &Config) -> Result<Vec<Imported>, Diagnostic> {
    convert_with(xml, file, config, None, &mut Vec::new())
}

/// [`convert`], with what a data_extract file adds to the record of
/// adoption, and its warnings.
pub fn convert_with(
    xml: &str,
    file: &Path,
    config: &Config,
    extract: Option<&Extract>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<Imported>, Diagnostic> {
    // No DTD, so no entity can expand; roxmltree refuses one by default.
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = Document::parse_with_options(xml, options).map_err(|e| {
        let pos = e.pos();
        Diagnostic::error(file, pos.row as usize, format!("not well-formed XML: {e}"))
    })?;
    check_depth(&doc, file)?;
    let root = doc.root_element();
    let Some(outer) = root.children().find(Node::is_element) else {
        return Err(Diagnostic::error(
            file,
            1,
            "no document inside <akomaNtoso>",
        ));
    };
    let mut meta = Meta::read(outer, file, config)?;
    if let Some(x) = extract {
        // The file's line for a resolution in parts is the whole's.
        let symbol = meta.whole_symbol().to_string();
        warnings.extend(x.complete(&symbol, &mut meta.adoption, file));
    }
    // A resolution in parts is a collection of statements, each with its
    // own letter, title, text and adoption.
    let parts: Vec<Node> = match root.children().find(|c| c.has_tag_name("components")) {
        Some(components) => components
            .descendants()
            .filter(|d| d.has_tag_name("statement"))
            .collect(),
        None => vec![outer],
    };
    parts
        .into_iter()
        .enumerate()
        .map(|(k, statement)| {
            let part = Part::read(
                &meta,
                statement,
                (statement != outer).then_some(k),
                file,
                config,
            )?;
            let mut out = Writer::default();
            out.front_matter(&meta, &part);
            out.heading(&meta, &part, statement);
            for child in statement.children().filter(Node::is_element) {
                match child.tag_name().name() {
                    "preamble" | "mainBody" => out.walk(child),
                    "conclusions" => out.closing(child),
                    "attachments" => out.annexes(child),
                    _ => {}
                }
            }
            // Annexes may also follow the conclusions inside them.
            out.endnotes();
            Ok(Imported {
                rel: part.rel,
                markdown: out.text,
            })
        })
        .collect()
}

/// Refuses a document nested deeper than [`MAX_DEPTH`], naming the line
/// of the first element too deep. Walks the tree without recursion.
fn check_depth(doc: &Document, file: &Path) -> Result<(), Diagnostic> {
    // The chain of open elements, kept in document order: each element's
    // parent is on it, and what lies after the parent is closed.
    let mut open: Vec<roxmltree::NodeId> = Vec::new();
    for n in doc.root().descendants().filter(Node::is_element) {
        let parent = n.parent().map(|p| p.id());
        while open.last().is_some_and(|&top| Some(top) != parent) {
            open.pop();
        }
        open.push(n.id());
        if open.len() > MAX_DEPTH {
            let line = doc.text_pos_at(n.range().start).row as usize;
            return Err(Diagnostic::error(
                file,
                line,
                format!("elements are nested more than {MAX_DEPTH} deep here; plenary reads documents up to that depth"),
            ));
        }
    }
    Ok(())
}

/// What the whole document says: of a resolution in parts, of all parts.
struct Meta {
    body: String,
    /// As the document's cover gives it: `A/RES/74/92 A-B`.
    symbol: String,
    /// As the heading writes it: `75/251`.
    cited_as: String,
    /// The part of a resolution adopted in parts (`B`), or empty.
    part: String,
    /// The expression's language as ISO 639-1 (`fr` of `fra`), if given.
    language: Option<String>,
    title: String,
    adopted: Option<String>,
    /// As printed: `Agenda item 54`, `Agenda items 11 and 15`.
    agenda_item: Option<String>,
    /// The item's name; several, `; ` between them.
    agenda_item_name: Option<String>,
    /// Documents, sponsors and vote, from `meta/workflow` and
    /// `meta/analysis`.
    adoption: Adoption,
    /// UNBIS terms.
    subjects: Vec<String>,
    /// The other keyword lists, by the scheme the XML names
    /// (`EuroVoc`, `SDGO`).
    keywords: Vec<(String, Vec<String>)>,
}

/// One part as a source: the document's own, or one of its components.
struct Part {
    symbol: String,
    /// The letter in the heading (`B`), or empty.
    part: String,
    title: String,
    adopted: Option<String>,
    rel: PathBuf,
}

fn named<'a>(n: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    n.descendants().find(|d| d.has_tag_name(name))
}

fn inline_named<'a>(n: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    n.descendants()
        .find(|d| d.has_tag_name("inline") && d.attribute("name") == Some(name))
}

/// The words of a node, whitespace collapsed.
fn words(n: Node) -> String {
    let text: String = n
        .descendants()
        .filter(|d| d.is_text())
        .filter(|d| !d.ancestors().any(|a| a.has_tag_name("authorialNote")))
        .filter_map(|d| d.text())
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The adoption date of the work `n` describes (its own `meta`, not a
/// component's).
fn adoption(n: Node) -> Option<String> {
    let meta = n.children().find(|c| c.has_tag_name("meta"))?;
    named(meta, "FRBRWork")?
        .descendants()
        .find(|d| d.has_tag_name("FRBRdate") && d.attribute("name") == Some("adoption"))
        .and_then(|d| d.attribute("date"))
        .filter(|d| !d.is_empty())
        .map(str::to_string)
}

/// The numbers in a preface: `75/251.` then, for a part, `B`.
fn preface_numbers(n: Node) -> Vec<String> {
    n.children()
        .find(|c| c.has_tag_name("preface"))
        .map(|p| {
            p.descendants()
                .filter(|d| d.has_tag_name("docNumber"))
                .map(|d| words(d).trim_end_matches('.').to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The title in a preface, without the dash some Arabic texts open it
/// with (`- النظام الموحَّد`); none where it only repeats the text's
/// opening line (`إن الجمعية العامة،` for the title of the Arabic 74/255 A).
fn preface_title(n: Node) -> String {
    let title = n
        .children()
        .find(|c| c.has_tag_name("preface"))
        .and_then(|p| named(p, "docTitle"))
        .map(words)
        .unwrap_or_default();
    let letters = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let opening = n
        .descendants()
        .find(|d| d.has_tag_name("formula") && d.attribute("name") == Some("enactingFormula"))
        .map(words);
    if opening.is_some_and(|o| letters(&o) == letters(&title)) {
        return String::new();
    }
    let dashes: &[char] = &['-', '\u{2013}', '\u{2014}', ' '];
    title.trim_start_matches(dashes).to_string()
}

impl Meta {
    fn read(statement: Node, file: &Path, config: &Config) -> Result<Meta, Diagnostic> {
        let missing = |what: &str| Diagnostic::error(file, 1, format!("no {what} in the document"));
        let uri = named(statement, "FRBRWork")
            .and_then(|w| named(w, "FRBRuri"))
            .and_then(|u| u.attribute("value"))
            .ok_or_else(|| missing("FRBRWork/FRBRuri"))?;
        let code = uri.split('/').nth(5).unwrap_or("");
        // The registry names each body's AKN4UN code (`unga`).
        let body = (config.bodies.iter().find(|b| b.akn == code))
            .map(|b| b.key.clone())
            .ok_or_else(|| {
                Diagnostic::error(
                    file,
                    1,
                    format!("unknown body `{code}` in the work URI {uri}"),
                )
            })?;
        named(statement, "preface").ok_or_else(|| missing("preface"))?;
        let numbers = preface_numbers(statement);
        let number = numbers
            .first()
            .cloned()
            .ok_or_else(|| missing("number in the preface"))?;
        let symbol = statement
            .descendants()
            .find(|d| d.has_tag_name("docNumber") && d.attribute("refersTo") == Some("#symbol"))
            .map(words)
            .ok_or_else(|| missing("symbol (docNumber refersTo=\"#symbol\")"))?;
        let (agenda_item, agenda_item_name) = agenda_item(statement);
        let (subjects, keywords) = keywords(statement);
        Ok(Meta {
            language: expression_language(statement),
            body,
            cited_as: number,
            part: part_letter(&numbers[1..]).unwrap_or_else(|| symbol_letter(&symbol)),
            symbol,
            title: preface_title(statement),
            adopted: adoption(statement),
            agenda_item,
            agenda_item_name,
            adoption: adoption_record(statement),
            subjects,
            keywords,
        })
    }
}

impl Meta {
    /// The symbol of the whole, when the cover names all its parts
    /// (`A/RES/74/92 A-B` is `A/RES/74/92`); else the cover's.
    fn whole_symbol(&self) -> &str {
        match self.symbol.rsplit_once(' ') {
            Some((base, parts)) if parts.contains(['-', '–']) => base,
            _ => &self.symbol,
        }
    }
}

impl Part {
    /// The part `statement` is: the document itself (`whole`), or one of
    /// its components.
    /// `component` is its place among the components, none for the
    /// document itself.
    fn read(
        meta: &Meta,
        statement: Node,
        component: Option<usize>,
        file: &Path,
        config: &Config,
    ) -> Result<Part, Diagnostic> {
        let (part, title, adopted, symbol) = if component.is_none() {
            let symbol = meta.symbol.clone();
            (
                meta.part.clone(),
                meta.title.clone(),
                meta.adopted.clone(),
                symbol,
            )
        } else {
            // The Arabic texts spell the letter out (`ألف`, `باء`): the
            // parts come in order, A, B, ….
            let by_place = || {
                let k = component
                    .and_then(|k| u8::try_from(k).ok())
                    .filter(|k| *k < 26);
                k.map(|k| char::from(b'A' + k).to_string())
                    .unwrap_or_default()
            };
            let letter = part_letter(&preface_numbers(statement)).unwrap_or_else(by_place);
            let symbol = format!("{} {letter}", meta.whole_symbol());
            let symbol = symbol.trim().to_string();
            let adopted = adoption(statement).or_else(|| meta.adopted.clone());
            // A later part may print no title of its own.
            let title = Some(preface_title(statement)).filter(|t| !t.is_empty());
            (
                letter,
                title.unwrap_or_else(|| meta.title.clone()),
                adopted,
                symbol,
            )
        };
        let number = &meta.cited_as;
        let (session, in_session) = number.rsplit_once('/').unwrap_or(("", number));
        let (folder, name) = (slug(session), slug(&format!("{in_session} {part}")));
        if folder.is_empty() || name.is_empty() {
            return Err(Diagnostic::error(
                file,
                1,
                format!(
                    "the number `{}` gives no file name (it needs a session and a number, as in `76/10`)",
                    crate::diagnostics::printable(number)
                ),
            ));
        }
        // `1.fr.md` beside `1.md`, the default language's.
        let suffix = match meta.language.as_deref() {
            Some(code) if code != config.language => format!(".{code}"),
            _ => String::new(),
        };
        Ok(Part {
            symbol,
            part,
            title,
            adopted,
            rel: PathBuf::from(&meta.body)
                .join(folder)
                .join(format!("{name}{suffix}.md")),
        })
    }
}

/// The part letter a preface prints after the number (`B`), if it is
/// one: the Arabic texts spell it out, some translations leave it out.
fn part_letter(numbers: &[String]) -> Option<String> {
    let letter = numbers.join(" ");
    let latin = !letter.is_empty() && letter.bytes().all(|b| b.is_ascii_uppercase() || b == b' ');
    latin.then_some(letter)
}

/// The part a cover symbol names (`B` of `A/RES/74/249 B`), or empty.
fn symbol_letter(symbol: &str) -> String {
    match symbol.rsplit_once(' ') {
        Some((_, l)) if l.len() == 1 && l.bytes().all(|b| b.is_ascii_uppercase()) => l.to_string(),
        _ => String::new(),
    }
}

/// The language of the expression (`FRBRExpression/FRBRlanguage`) as an
/// ISO 639-1 code: the UN writes ISO 639-2 (`fra`).
fn expression_language(statement: Node) -> Option<String> {
    let expression = named(statement, "FRBRExpression")?;
    let code = named(expression, "FRBRlanguage")?.attribute("language")?;
    crate::languages::two_letter(code).map(str::to_string)
}

/// The agenda item as printed (`Agenda item 39`) and its names.
fn agenda_item(statement: Node) -> (Option<String>, Option<String>) {
    let item = inline_named(statement, "agenda item")
        .map(words)
        .filter(|i| !i.is_empty());
    let names: Vec<String> = statement
        .descendants()
        .filter(|d| d.has_tag_name("inline") && d.attribute("name") == Some("agenda item name"))
        .map(words)
        .filter(|n| !n.is_empty())
        .collect();
    (item, (!names.is_empty()).then(|| names.join("; ")))
}

/// The record of adoption: the draft (and its sponsors) and the meeting
/// record from the workflow's steps, the committee's report, and the
/// vote with its states from the analysis.
fn adoption_record(statement: Node) -> Adoption {
    let mut a = Adoption::default();
    let meta = statement.children().find(|c| c.has_tag_name("meta"));
    let steps = meta
        .and_then(|m| named(m, "workflow"))
        .into_iter()
        .flat_map(|w| w.children().filter(|c| c.has_tag_name("step")));
    let attr = |n: Node, k: &str| {
        n.attribute(k)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    for step in steps {
        match step.attribute("outcome") {
            Some("draftResolution") => {
                a.draft_symbol = attr(step, "as");
                // States are named with a capital; prose in lower case
                // (`submitted by the Chair of the Committee`, `introduced
                // in the Committee by …`) names who submitted it.
                if let Some(by) = attr(step, "by") {
                    if by.starts_with(char::is_lowercase) {
                        let who = by.strip_prefix("submitted by ").unwrap_or(&by);
                        a.submitter = Some(who.to_string());
                    } else {
                        a.sponsors = split_sponsors(&by);
                    }
                }
            }
            Some("draftResolutionAdditionalSponsors") => {
                a.additional_sponsors = attr(step, "by")
                    .map(|b| split_sponsors(&b))
                    .unwrap_or_default();
            }
            Some("recommendedForAdoption") => a.report = attr(step, "as"),
            Some("adopted") => a.meeting_record = attr(step, "as"),
            _ => {}
        }
    }
    a.vote = meta
        .and_then(|m| m.descendants().find(|d| d.has_tag_name("voting")))
        .and_then(voting);
    a
}

/// `adoptedWithoutVote`, or `adoptedRecordedVote` with a count and the
/// voters for each side.
fn voting(v: Node) -> Option<Vote> {
    match v.attribute("outcome") {
        Some("adoptedWithoutVote") => Some(Vote::WithoutVote),
        Some("adoptedRecordedVote") => {
            let side = |role: &str| {
                let count = v
                    .children()
                    .find(|c| c.has_tag_name("count") && c.attribute("refersTo") == Some(role));
                let total = count.and_then(|c| c.attribute("value")?.trim().parse::<u32>().ok());
                let names: Vec<String> = count
                    .into_iter()
                    .flat_map(|c| c.descendants().filter(|d| d.has_tag_name("organization")))
                    .map(words)
                    .filter(|n| !n.is_empty())
                    .collect();
                (total, names)
            };
            let (yes_total, yes) = side("inFavour");
            let (no_total, no) = side("against");
            let (abstain_total, abstain) = side("abstaining");
            let totals = match (yes_total, no_total, abstain_total) {
                (Some(yes), Some(no), Some(abstain)) => Some(Totals { yes, no, abstain }),
                _ => None,
            };
            Some(Vote::Recorded(Recorded {
                yes,
                no,
                abstain,
                totals,
            }))
        }
        _ => None,
    }
}

/// The keywords, as words (`civil_society` → `civil society`): UNBIS
/// terms as subjects, the other lists by scheme, each term once.
fn keywords(statement: Node) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let mut subjects: Vec<String> = Vec::new();
    let mut schemes: Vec<(String, Vec<String>)> = Vec::new();
    for k in statement
        .descendants()
        .filter(|d| d.has_tag_name("keyword"))
    {
        let scheme = k.attribute("dictionary").unwrap_or("").trim();
        let Some(term) = k.attribute("value").or(k.attribute("showAs")) else {
            continue;
        };
        let term = term.replace('_', " ").trim().to_string();
        if term.is_empty() {
            continue;
        }
        // `UNBIS` in some years, `UNBIS Thesaurus` in others.
        let list = if scheme.starts_with("UNBIS") {
            &mut subjects
        } else {
            let at = match schemes.iter().position(|(s, _)| s == scheme) {
                Some(at) => at,
                None => {
                    schemes.push((scheme.to_string(), Vec::new()));
                    schemes.len() - 1
                }
            };
            &mut schemes[at].1
        };
        if !list.contains(&term) {
            list.push(term);
        }
    }
    (subjects, schemes)
}

/// Escapes what Markdown would read as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn yaml_string(s: &str) -> String {
    // A JSON string is a valid YAML string.
    serde_json::to_string(s).unwrap_or_default()
}

#[derive(Default)]
struct Writer {
    text: String,
    /// The number waiting for the next paragraph of text.
    pending_num: Option<String>,
    /// (marker, text) of each footnote met.
    notes: Vec<(String, String)>,
    /// Blocks written after the front matter.
    blocks: usize,
    /// Whether the annexes are being written.
    in_annexes: bool,
}

impl Writer {
    fn front_matter(&mut self, m: &Meta, part: &Part) {
        let mut fm = String::from("---\n");
        let mut field = |k: &str, v: &str| fm.push_str(&format!("{k}: {}\n", yaml_string(v)));
        field("symbol", &part.symbol);
        field("body", &m.body);
        // The title stays in the heading, with any note on it.
        if let Some(d) = &part.adopted {
            field("adopted", d);
        }
        if let Some(a) = &m.agenda_item {
            field("agenda_item", a);
        }
        if let Some(a) = &m.agenda_item_name {
            field("agenda_item_name", a);
        }
        let a = &m.adoption;
        for (key, value) in [
            ("committee", &a.committee),
            ("report", &a.report),
            ("draft_symbol", &a.draft_symbol),
            ("meeting_record", &a.meeting_record),
            ("submitter", &a.submitter),
        ] {
            if let Some(v) = value {
                field(key, v);
            }
        }
        let list = |fm: &mut String, indent: &str, terms: &[String]| {
            for t in terms {
                fm.push_str(&format!("{indent}- {}\n", yaml_string(t)));
            }
        };
        for (key, names) in [
            ("sponsors", &a.sponsors),
            ("additional_sponsors", &a.additional_sponsors),
        ] {
            if !names.is_empty() {
                fm.push_str(&format!("{key}:\n"));
                list(&mut fm, "  ", names);
            }
        }
        match &a.vote {
            Some(Vote::WithoutVote) => fm.push_str("vote: without-vote\n"),
            Some(Vote::Recorded(r)) => {
                fm.push_str("vote:\n");
                if let Some(t) = r.totals {
                    fm.push_str(&format!(
                        "  totals: {{yes: {}, no: {}, abstain: {}}}\n",
                        t.yes, t.no, t.abstain
                    ));
                }
                for (side, names) in [("yes", &r.yes), ("no", &r.no), ("abstain", &r.abstain)] {
                    if !names.is_empty() {
                        fm.push_str(&format!("  {side}:\n"));
                        list(&mut fm, "    ", names);
                    }
                }
            }
            None => {}
        }
        if !m.subjects.is_empty() {
            fm.push_str("subjects:\n");
            list(&mut fm, "  ", &m.subjects);
        }
        if !m.keywords.is_empty() {
            fm.push_str("keywords:\n");
            for (scheme, terms) in &m.keywords {
                fm.push_str(&format!("  {}:\n", yaml_string(scheme)));
                list(&mut fm, "    ", terms);
            }
        }
        fm.push_str("---\n");
        self.text.push_str(&fm);
    }

    /// `## 75/251. Title B<sup>1</sup>` for a document of one part (its
    /// letter, if it is a later part, after the title, as printed), `## 74/92
    /// A. Title` for a part of a collection; with the markers of the notes
    /// on the heading.
    fn heading(&mut self, meta: &Meta, part: &Part, statement: Node) {
        let mut line = if part.part.is_empty() || part.part == meta.part {
            let mut line = format!("## {}. {}", meta.cited_as, escape(&part.title));
            if !part.part.is_empty() {
                line.push(' ');
                line.push_str(&escape(&part.part));
            }
            line
        } else {
            let (number, letter) = (&meta.cited_as, escape(&part.part));
            format!("## {number} {letter}. {}", escape(&part.title))
        };
        if let Some(preface) = statement.children().find(|c| c.has_tag_name("preface")) {
            for note in preface
                .descendants()
                .filter(|d| d.has_tag_name("authorialNote"))
            {
                line.push_str(&self.note(note));
            }
        }
        self.block(&line);
    }

    fn block(&mut self, text: &str) {
        // Blocks are apart by a blank line; the heading follows the front
        // matter directly.
        if self.blocks > 0 {
            self.text.push('\n');
        }
        self.blocks += 1;
        self.text.push_str(text.trim());
        self.text.push('\n');
    }

    /// Blocks in document order: numbers, headings and paragraphs.
    fn walk(&mut self, n: Node) {
        for c in n.children().filter(Node::is_element) {
            match c.tag_name().name() {
                "authorialNote" => {}
                "num" => self.pending_num = Some(words(c)),
                // The UN marks a section's preambular paragraphs so.
                "crossHeading" => {
                    let text = self.inline(c);
                    if !text.trim().is_empty() {
                        self.block(&text);
                    }
                }
                "heading" | "subheading" => {
                    let text = self.inline(c).trim().to_string();
                    self.heading_block(&text);
                }
                "p" if c.children().any(|d| d.has_tag_name("docType")) => self.doc_type(c),
                "p" if self.in_annexes && self.pending_num.is_none() && bold_annex_title(c) => {
                    self.heading_block(&words(c));
                }
                "p" => {
                    let text = self.inline(c);
                    if text.trim().is_empty() {
                        continue;
                    }
                    match self.pending_num.take() {
                        Some(num) => self.block(&format!("{} {}", escape(&num), text.trim())),
                        None => self.block(&text),
                    }
                }
                "table" => self.table(c),
                _ => self.walk(c),
            }
        }
    }

    /// A heading, with the number waiting for it: `### II. Title` opens
    /// section II; `## Annex I` an annex; anything else is a sub-heading.
    fn heading_block(&mut self, text: &str) {
        let num = self.pending_num.take().unwrap_or_default();
        let num = num.trim().trim_end_matches('.').trim();
        if num.is_empty() && is_annex_title(text) {
            self.block(&format!("## {}", escape(text)));
            return;
        }
        match (num.is_empty(), text.is_empty()) {
            (true, true) => {}
            (true, false) => self.block(&format!("### {text}")),
            (false, true) => self.block(&format!("### {}", escape(num))),
            (false, false) => self.block(&format!("### {}. {text}", escape(num))),
        }
    }

    /// `<docType>Annex</docType> <docTitle>…</docTitle>`: an annex and its
    /// title.
    fn doc_type(&mut self, p: Node) {
        for c in p.children().filter(Node::is_element) {
            match c.tag_name().name() {
                "docType" => self.block(&format!("## {}", escape(&words(c)))),
                _ => {
                    let text = self.inline(c);
                    if !text.trim().is_empty() {
                        self.block(&format!("### {}", text.trim()));
                    }
                }
            }
        }
    }

    /// Each annex in `attachments`. One that does not name itself (no
    /// `Annex` title of its own) is headed `## Annex`.
    fn annexes(&mut self, attachments: Node) {
        for doc in attachments.descendants().filter(|d| d.has_tag_name("doc")) {
            let titled = doc.descendants().any(|d| {
                (d.has_tag_name("heading") && is_annex_title(&words(d)))
                    || d.has_tag_name("docType")
                    || (d.has_tag_name("p") && bold_annex_title(d))
            });
            if !titled {
                self.block("## Annex");
            }
            self.in_annexes = true;
            for part in doc.children().filter(Node::is_element) {
                if matches!(part.tag_name().name(), "preamble" | "mainBody") {
                    self.walk(part);
                }
            }
        }
    }

    /// `*42nd plenary meeting  \n1 December 2021*`
    fn closing(&mut self, conclusions: Node) {
        let meeting = conclusions
            .descendants()
            .find(|d| {
                (d.has_tag_name("inline") && d.attribute("name") == Some("adoptionMeeting"))
                    || (d.has_tag_name("location")
                        && d.attribute("refersTo") == Some("#adoptionMeeting"))
            })
            .map(words);
        let date = named(conclusions, "docDate")
            .and_then(|d| d.attribute("date"))
            .and_then(|d| {
                let mut parts = d.split('-').map(|p| p.parse::<u32>().ok());
                let (y, m, day) = (parts.next()??, parts.next()??, parts.next()??);
                Date::new(y as u16, m as u8, day as u8)
            })
            .map(|d| d.long());
        let line = match (meeting, date) {
            (Some(m), Some(d)) => format!("*{m}  \n{d}*"),
            (Some(m), None) => format!("*{m}*"),
            (None, Some(d)) => format!("*{d}*"),
            (None, None) => return,
        };
        self.block(&line);
    }

    /// A table as a Markdown table, cells as plain text.
    fn table(&mut self, table: Node) {
        let rows: Vec<Vec<String>> = table
            .descendants()
            .filter(|d| d.has_tag_name("tr"))
            .map(|tr| {
                tr.children()
                    .filter(|c| c.has_tag_name("td") || c.has_tag_name("th"))
                    .map(|c| escape(&words(c)).replace('|', "\\|"))
                    .collect()
            })
            .collect();
        let Some(width) = rows.iter().map(Vec::len).max().filter(|&w| w > 0) else {
            return;
        };
        let line = |cells: &[String]| {
            let mut padded: Vec<&str> = cells.iter().map(String::as_str).collect();
            padded.resize(width, "");
            format!("| {} |", padded.join(" | "))
        };
        let mut out = vec![line(&rows[0]), format!("|{}", " --- |".repeat(width))];
        out.extend(rows[1..].iter().map(|r| line(r)));
        self.block(&out.join("\n"));
    }

    /// Inline content as Markdown: italics and bold kept, links reduced
    /// to their words, footnotes as `<sup>N</sup>` markers.
    fn inline(&mut self, n: Node) -> String {
        let mut out = String::new();
        for c in n.children() {
            if c.is_text() {
                out.push_str(&escape(&collapse(c.text().unwrap_or(""))));
                continue;
            }
            if !c.is_element() {
                continue;
            }
            match c.tag_name().name() {
                "authorialNote" => out.push_str(&self.note(c)),
                // A second reference to a note already given.
                "sup" if is_marker(&words(c)) => out.push_str(&format!("<sup>{}</sup>", words(c))),
                "eol" => out.push(' '),
                "span" | "i" | "b" => {
                    let class = c.attribute("class").unwrap_or("");
                    let mark = match (c.tag_name().name(), class) {
                        ("i", _) | (_, "italic") => "*",
                        ("b", _) | (_, "bold") => "**",
                        _ => "",
                    };
                    let inner = self.inline(c);
                    out.push_str(&wrap(&inner, mark));
                }
                _ => out.push_str(&self.inline(c)),
            }
        }
        out
    }

    /// Keeps a footnote for the end; returns its marker.
    fn note(&mut self, note: Node) -> String {
        let marker = note.attribute("marker").unwrap_or("").to_string();
        let text: Vec<String> = note
            .children()
            .filter(|p| p.has_tag_name("p"))
            .map(|p| self.inline(p).trim().to_string())
            .collect();
        self.notes.push((marker.clone(), text.join(" ")));
        format!("<sup>{marker}</sup>")
    }

    fn endnotes(&mut self) {
        if self.notes.is_empty() {
            return;
        }
        self.block("---");
        for (marker, text) in std::mem::take(&mut self.notes) {
            self.block(&format!("<sup>{marker}</sup> {text}"));
        }
    }
}

/// A note's number: digits only.
fn is_marker(text: &str) -> bool {
    !text.is_empty() && text.len() <= 4 && text.chars().all(|c| c.is_ascii_digit())
}

/// `Annex`, `Annex I`, `Annexe 2`, `附件二`, `المرفق الثاني` (see
/// [`annex_number`]).
fn is_annex_title(text: &str) -> bool {
    annex_number(text).is_some()
}

/// A paragraph that is an annex's title alone, in bold: how some
/// translations head an annex the English heads with `<heading>`
/// (`<p><span class="bold">Annexe II</span></p>` in the French 74/280).
fn bold_annex_title(p: Node) -> bool {
    let mut elements = p.children().filter(Node::is_element);
    let only = elements.next().filter(|_| elements.next().is_none());
    let bold = only.is_some_and(|s| {
        s.has_tag_name("span") && s.attribute("class").is_some_and(|c| c.contains("bold"))
    });
    let loose = p
        .children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text());
    bold && loose.collect::<String>().trim().is_empty() && is_annex_title(&words(p))
}

/// Runs of whitespace as one space.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// `*words*` with the spaces around the words kept outside the marks, as
/// Markdown needs.
fn wrap(inner: &str, mark: &str) -> String {
    let trimmed = inner.trim();
    if mark.is_empty() || trimmed.is_empty() {
        return inner.to_string();
    }
    let lead = &inner[..inner.len() - inner.trim_start().len()];
    let trail = &inner[inner.trim_end().len()..];
    format!("{lead}{mark}{trimmed}{mark}{trail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_keeps_spaces_outside() {
        assert_eq!(wrap("Calls for ", "*"), "*Calls for* ");
        assert_eq!(wrap(" ", "*"), " ");
        assert_eq!(collapse("\tA \n b "), " A b ");
        assert_eq!(escape("a*b_[c]"), "a\\*b\\_\\[c\\]");
    }
}

/// What an import run did.
#[derive(Debug, Default)]
pub struct Report {
    pub written: Vec<PathBuf>,
    /// Files left alone because a source was already there.
    pub kept: Vec<PathBuf>,
    /// Files skipped (not regular files, unreadable folders).
    pub warnings: Vec<Diagnostic>,
    pub errors: Vec<Diagnostic>,
}

/// Converts every `.xml` file among `paths` (files, or folders searched
/// for them) into a source under `into`. Existing sources are kept unless
/// `replace` is set. Only regular files are read (a FIFO would hang the
/// import), and nothing is written through a symbolic link or outside
/// `into`.
pub fn import(paths: &[PathBuf], into: &Path, replace: bool, config: &Config) -> Report {
    import_with(paths, into, replace, config, None)
}

/// [`import`], completing each record of adoption from a data_extract
/// file (`--votes`).
pub fn import_with(
    paths: &[PathBuf],
    into: &Path,
    replace: bool,
    config: &Config,
    extract: Option<&Extract>,
) -> Report {
    let mut report = Report::default();
    for file in xml_files(paths, &mut report) {
        let converted = read_xml(&file).and_then(|xml| match xml {
            Some(xml) => convert_with(&xml, &file, config, extract, &mut report.warnings).map(Some),
            None => Ok(None),
        });
        let imported = match converted {
            Ok(Some(i)) => i,
            Ok(None) => {
                report.warnings.push(Diagnostic::warning(
                    &file,
                    0,
                    "not a regular file (a FIFO, socket or device); skipped",
                ));
                continue;
            }
            Err(d) => {
                report.errors.push(d);
                continue;
            }
        };
        for part in &imported {
            match write_source(into, part, replace) {
                Ok(Some(target)) => report.written.push(target),
                Ok(None) => report.kept.push(into.join(&part.rel)),
                Err(d) => report.errors.push(d),
            }
        }
    }
    report
}

/// The `.xml` files named, or found in the folders named, in order. A
/// folder that cannot be read, or a link loop, is a warning.
fn xml_files(paths: &[PathBuf], report: &mut Report) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for p in paths {
        if !p.is_dir() {
            files.push(p.clone());
            continue;
        }
        for entry in walkdir::WalkDir::new(p).sort_by_file_name() {
            match entry {
                Ok(e) if e.path().extension().is_some_and(|x| x == "xml") => {
                    if !e.file_type().is_dir() {
                        files.push(e.into_path());
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    let at = e.path().unwrap_or(p).to_path_buf();
                    report
                        .warnings
                        .push(Diagnostic::warning(at, 0, format!("skipped: {e}")));
                }
            }
        }
    }
    files
}

/// The text of a regular file no larger than [`MAX_BYTES`]; `None` for
/// anything else that has a name (FIFO, socket, device), which is never
/// opened.
fn read_xml(file: &Path) -> Result<Option<String>, Diagnostic> {
    let cannot = |e: std::io::Error| Diagnostic::error(file, 0, format!("cannot read: {e}"));
    let meta = std::fs::metadata(file).map_err(cannot)?;
    if meta.is_dir() {
        return Err(Diagnostic::error(file, 0, "is a folder of no .xml files"));
    }
    if !meta.is_file() {
        return Ok(None);
    }
    if meta.len() > MAX_BYTES {
        return Err(Diagnostic::error(
            file,
            0,
            format!(
                "is {} MiB; plenary reads documents up to {} MiB",
                meta.len() >> 20,
                MAX_BYTES >> 20
            ),
        ));
    }
    let bytes = std::fs::read(file).map_err(cannot)?;
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Diagnostic::error(file, 0, format!("not valid UTF-8 at byte offset {at}"))
    })
}

/// Writes a converted source under `into`, unless one is there and
/// `replace` is off (`Ok(None)`). A link at the target or on the way to
/// it is refused: the file is written beside the target and renamed over
/// it, so the write lands in `into` or nowhere.
fn write_source(
    into: &Path,
    imported: &Imported,
    replace: bool,
) -> Result<Option<PathBuf>, Diagnostic> {
    let target = into.join(&imported.rel);
    let cannot = |e: std::io::Error| Diagnostic::error(&target, 0, format!("cannot write: {e}"));
    let mut on_the_way = into.to_path_buf();
    for part in imported.rel.components() {
        on_the_way.push(part);
        if std::fs::symlink_metadata(&on_the_way).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Diagnostic::error(
                &on_the_way,
                0,
                format!(
                    "is a symbolic link; plenary does not write through links (the import of {} left it alone)",
                    imported.rel.display()
                ),
            ));
        }
    }
    if std::fs::symlink_metadata(&target).is_ok() && !replace {
        return Ok(None);
    }
    let parent = target.parent().unwrap_or(into);
    std::fs::create_dir_all(parent).map_err(cannot)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = parent.join(format!(".{name}.plenary-tmp"));
    std::fs::write(&temp, &imported.markdown)
        .and_then(|()| std::fs::rename(&temp, &target))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            cannot(e)
        })?;
    Ok(Some(target))
}
