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

use crate::config::Config;
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

/// How deep elements may nest. The UN's documents go about 15 deep; the
/// converter walks the tree recursively, and a hostile file must get an
/// error, not a stack overflow.
pub(crate) const MAX_DEPTH: usize = 200;
/// The largest file read, in bytes (the UN's are under a megabyte).
pub(crate) const MAX_BYTES: u64 = 32 * 1024 * 1024;
/// The most nodes one document may have.
const MAX_NODES: u32 = 4_000_000;

/// Converts one AKN4UN document; `file` names it in errors.
pub fn convert(xml: &str, file: &Path, config: &Config) -> Result<Imported, Diagnostic> {
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
    let Some(statement) = root.children().find(Node::is_element) else {
        return Err(Diagnostic::error(
            file,
            1,
            "no document inside <akomaNtoso>",
        ));
    };
    let meta = Meta::read(statement, file, config)?;
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
        let (folder, name) = (slug(session), slug(&format!("{in_session} {part}")));
        if folder.is_empty() || name.is_empty() {
            return Err(Diagnostic::error(
                file,
                1,
                format!(
                    "the number `{}` gives no file name (it needs a session and a number, as in `76/10`)",
                    crate::diagnostics::printable(&number)
                ),
            ));
        }
        let rel = PathBuf::from(&body).join(folder).join(format!("{name}.md"));
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
    let mut report = Report::default();
    for file in xml_files(paths, &mut report) {
        let converted = read_xml(&file).and_then(|xml| match xml {
            Some(xml) => convert(&xml, &file, config).map(Some),
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
        match write_source(into, &imported, replace) {
            Ok(Some(target)) => report.written.push(target),
            Ok(None) => report.kept.push(into.join(&imported.rel)),
            Err(d) => report.errors.push(d),
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
