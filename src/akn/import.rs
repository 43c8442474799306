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

use super::uris;
use crate::diagnostics::Diagnostic;
use crate::resolution::date::Date;
use crate::urls::slug;

/// One converted document: where it goes under `content/`, and its text.
#[derive(Debug)]
pub struct Imported {
    /// `ga/76/10.md`
    pub rel: PathBuf,
    pub markdown: String,
}

/// Converts one AKN4UN document; `file` names it in errors.
pub fn convert(xml: &str, file: &Path) -> Result<Imported, Diagnostic> {
    let doc = Document::parse(xml).map_err(|e| {
        let pos = e.pos();
        Diagnostic::error(file, pos.row as usize, format!("not well-formed XML: {e}"))
    })?;
    let root = doc.root_element();
    let Some(statement) = root.children().find(Node::is_element) else {
        return Err(Diagnostic::error(
            file,
            1,
            "no document inside <akomaNtoso>",
        ));
    };
    let meta = Meta::read(statement, file)?;
    let mut out = Writer::default();
    out.front_matter(&meta);
    out.heading(&meta, statement);
    for part in statement.children().filter(Node::is_element) {
        match part.tag_name().name() {
            "preamble" | "mainBody" => out.walk(part),
            "conclusions" => out.closing(part),
            _ => {}
        }
    }
    out.endnotes();
    Ok(Imported {
        rel: meta.rel,
        markdown: out.text,
    })
}

struct Meta {
    body: String,
    symbol: String,
    /// As the heading writes it: `75/251`.
    cited_as: String,
    /// The part of a resolution adopted in parts (`B`), or empty.
    part: String,
    title: String,
    adopted: Option<String>,
    agenda_item: Option<String>,
    vote: Option<String>,
    subjects: Vec<String>,
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

impl Meta {
    fn read(statement: Node, file: &Path) -> Result<Meta, Diagnostic> {
        let missing = |what: &str| Diagnostic::error(file, 1, format!("no {what} in the document"));
        let uri = named(statement, "FRBRWork")
            .and_then(|w| named(w, "FRBRuri"))
            .and_then(|u| u.attribute("value"))
            .ok_or_else(|| missing("FRBRWork/FRBRuri"))?;
        let code = uri.split('/').nth(5).unwrap_or("");
        let body = body_key(code).ok_or_else(|| {
            Diagnostic::error(
                file,
                1,
                format!("unknown body `{code}` in the work URI {uri}"),
            )
        })?;
        let adopted = named(statement, "FRBRWork")
            .and_then(|w| {
                w.descendants()
                    .find(|d| d.has_tag_name("FRBRdate") && d.attribute("name") == Some("adoption"))
            })
            .and_then(|d| d.attribute("date"))
            .map(str::to_string);
        let preface = named(statement, "preface").ok_or_else(|| missing("preface"))?;
        // `75/251.` then, for a resolution adopted in parts, `B`.
        let numbers: Vec<String> = preface
            .descendants()
            .filter(|d| d.has_tag_name("docNumber"))
            .map(|d| words(d).trim_end_matches('.').to_string())
            .collect();
        let number = numbers
            .first()
            .cloned()
            .ok_or_else(|| missing("number in the preface"))?;
        let part = numbers[1..].join(" ");
        let title = named(preface, "docTitle").map(words).unwrap_or_default();
        let symbol = statement
            .descendants()
            .find(|d| d.has_tag_name("docNumber") && d.attribute("refersTo") == Some("#symbol"))
            .map(words)
            .ok_or_else(|| missing("symbol (docNumber refersTo=\"#symbol\")"))?;
        let agenda_item = agenda_item(statement);
        let (session, in_session) = number.rsplit_once('/').unwrap_or(("", &number));
        let rel = PathBuf::from(&body)
            .join(slug(session))
            .join(format!("{}.md", slug(&format!("{in_session} {part}"))));
        Ok(Meta {
            body,
            symbol,
            cited_as: number,
            part,
            title,
            adopted,
            agenda_item,
            vote: named(statement, "vote").map(vote),
            subjects: subjects(statement),
            rel,
        })
    }
}

/// The plenary body of an AKN4UN body code.
fn body_key(code: &str) -> Option<String> {
    ["ga", "ecosoc", "sc", "hrc"]
        .into_iter()
        .find(|k| uris::body_code(k) == code)
        .map(str::to_string)
}

/// `39. Question of Palestine`, from `Agenda item 39` and its name.
fn agenda_item(statement: Node) -> Option<String> {
    let number = inline_named(statement, "agenda item").map(words);
    let name = inline_named(statement, "agenda item name").map(words);
    let number = number.map(|n| n.trim_start_matches("Agenda item").trim().to_string());
    match (number.filter(|n| !n.is_empty()), name) {
        (Some(n), Some(name)) => Some(format!("{n}. {name}")),
        (None, Some(name)) => Some(name),
        (Some(n), None) => Some(n),
        (None, None) => None,
    }
}

/// `recorded vote: 31-14-2`, or the outcome's words.
fn vote(v: Node) -> String {
    let count = |role: &str| {
        v.descendants()
            .find(|d| d.has_tag_name("quantity") && d.attribute("refersTo") == Some(role))
            .and_then(|q| q.attribute("normalized").map(str::to_string))
    };
    match (count("#inFavour"), count("#against"), count("#abstaining")) {
        (Some(f), Some(a), Some(ab)) => format!("recorded vote: {f}-{a}-{ab}"),
        _ => words(v)
            .trim_matches(['[', ']'])
            .split('.')
            .next()
            .unwrap_or_default()
            .to_string(),
    }
}

/// The UNBIS keywords, as words (`civil_society` → `civil society`).
fn subjects(statement: Node) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in statement
        .descendants()
        .filter(|d| d.has_tag_name("keyword"))
    {
        if k.attribute("dictionary") != Some("UNBIS") {
            continue;
        }
        if let Some(v) = k.attribute("showAs") {
            let s = v.replace('_', " ");
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
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
}

impl Writer {
    fn front_matter(&mut self, m: &Meta) {
        let mut fm = String::from("---\n");
        let mut field = |k: &str, v: &str| fm.push_str(&format!("{k}: {}\n", yaml_string(v)));
        field("symbol", &m.symbol);
        field("body", &m.body);
        // The title stays in the heading, with any note on it.
        if let Some(d) = &m.adopted {
            field("adopted", d);
        }
        if let Some(a) = &m.agenda_item {
            field("agenda_item", a);
        }
        if let Some(v) = &m.vote {
            field("vote", v);
        }
        if !m.subjects.is_empty() {
            fm.push_str("subjects:\n");
            for s in &m.subjects {
                fm.push_str(&format!("  - {}\n", yaml_string(s)));
            }
        }
        fm.push_str("---\n");
        self.text.push_str(&fm);
    }

    /// `## 75/251. Title B<sup>1</sup>`: number, title, part, and the
    /// markers of the notes on the heading.
    fn heading(&mut self, meta: &Meta, statement: Node) {
        let mut line = format!("## {}. {}", meta.cited_as, escape(&meta.title));
        if !meta.part.is_empty() {
            line.push(' ');
            line.push_str(&escape(&meta.part));
        }
        if let Some(preface) = named(statement, "preface") {
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
                "heading" | "subheading" => {
                    if let Some(num) = self.pending_num.take() {
                        self.block(&format!("### {}", escape(&num)));
                    }
                    let text = words(c);
                    if !text.is_empty() {
                        self.block(&format!("### {}", escape(&text)));
                    }
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
    pub errors: Vec<Diagnostic>,
}

/// Converts every `.xml` file among `paths` (files, or folders searched
/// for them) into a source under `into`. Existing sources are kept unless
/// `replace` is set.
pub fn import(paths: &[PathBuf], into: &Path, replace: bool) -> Report {
    let mut report = Report::default();
    let mut files: Vec<PathBuf> = Vec::new();
    for p in paths {
        if p.is_dir() {
            files.extend(
                walkdir::WalkDir::new(p)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_map(Result::ok)
                    .map(|e| e.into_path())
                    .filter(|f| f.extension().is_some_and(|x| x == "xml")),
            );
        } else {
            files.push(p.clone());
        }
    }
    for file in files {
        let converted = std::fs::read_to_string(&file)
            .map_err(|e| Diagnostic::error(&file, 0, format!("cannot read: {e}")))
            .and_then(|xml| convert(&xml, &file));
        let imported = match converted {
            Ok(i) => i,
            Err(d) => {
                report.errors.push(d);
                continue;
            }
        };
        let target = into.join(&imported.rel);
        if target.exists() && !replace {
            report.kept.push(target);
            continue;
        }
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, &imported.markdown));
        match written {
            Ok(()) => report.written.push(target),
            Err(e) => {
                report
                    .errors
                    .push(Diagnostic::error(&target, 0, format!("cannot write: {e}")))
            }
        }
    }
    report
}
