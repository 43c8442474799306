//! What the fuzz targets run (`fuzz/`), shared with the test that replays
//! their saved corpus (`tests/fuzz_corpus.rs`) so every input the fuzzer
//! ever kept stays a regression test in a plain `cargo test`.
//! Invariant violations come back as errors; the caller panics on them.

use std::path::Path;

use crate::cite::{self, Recogniser};
use crate::config::Config;
use crate::load::source_from_bytes;
use crate::markdown::{inline_html, visible_text, LinkSpan, Notes};

/// The default configuration and its recogniser, built once per run.
pub struct Setup {
    pub config: Config,
    pub recogniser: Recogniser,
}

impl Setup {
    pub fn new() -> Option<Setup> {
        let config = Config::parse("", Path::new("config.yaml")).ok()?;
        let recogniser = Recogniser::new(&config);
        Some(Setup { config, recogniser })
    }
}

/// Any bytes as a resolution file: decoding, front matter, structure,
/// anchors, metadata, citations and inline rendering.
pub fn parse_bytes(setup: &Setup, data: &[u8]) -> Result<(), String> {
    let Ok(source) = source_from_bytes(Path::new("ga/70/1.md"), data) else {
        return Ok(());
    };
    let (resolution, _) = crate::resolution::parse(&source, &setup.config);
    let Some(r) = resolution else { return Ok(()) };
    let _ = cite::find(&r, &setup.recogniser);
    let mut notes = Notes::new(r.footnotes.iter().map(|f| f.number));
    balanced(&inline_html(&r.title_markdown, &mut notes, &[]))?;
    for b in &r.blocks {
        balanced(&inline_html(&b.text, &mut notes, &[]))?;
    }
    Ok(())
}

/// Any text through the citation recogniser, then its links laid over the
/// same text read as Markdown: every range inside the text on character
/// boundaries, every link closed.
pub fn recognise_text(setup: &Setup, text: &str) -> Result<(), String> {
    for body in &setup.config.bodies {
        for f in setup.recogniser.recognise(text, &body.key) {
            if text.get(f.range.clone()).is_none() {
                return Err(format!("{:?} outside {text:?}", f.range));
            }
        }
    }
    let visible = visible_text(text);
    let spans: Vec<LinkSpan> = setup
        .recogniser
        .recognise(&visible, "ga")
        .into_iter()
        .map(|f| LinkSpan {
            range: f.range,
            open_tag: "<a href=\"#x\">".into(),
            address: "".into(),
        })
        .collect();
    balanced(&inline_html(text, &mut Notes::default(), &spans))
}

fn balanced(html: &str) -> Result<(), String> {
    if html.matches("<a ").count() == html.matches("</a>").count() {
        Ok(())
    } else {
        Err(format!("unbalanced links: {html}"))
    }
}

/// Any text as a site path: `crate::output::file_for` either refuses it
/// or gives a file that stays inside the output folder however it is
/// joined, and an ordinary address is never refused.
pub fn output_path(site_path: &str) -> Result<(), String> {
    use crate::output::path::{MAX_PATH, MAX_SEGMENT};
    use std::path::Component;
    let ordinary = site_path.len() < 200
        && site_path.starts_with('/')
        && site_path[1..].split('/').enumerate().all(|(i, s)| {
            let last = i == site_path[1..].split('/').count() - 1;
            (last && s.is_empty())
                || (!s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        });
    let file = match crate::output::file_for(site_path) {
        Ok(f) => f,
        Err(e) if ordinary => return Err(format!("{site_path:?} refused: {e}")),
        Err(_) => return Ok(()),
    };
    let text = file.as_str();
    let bad = |why: &str| Err(format!("{site_path:?} gave {text:?}: {why}"));
    if text.is_empty() || text.len() > MAX_PATH {
        return bad("empty or too long");
    }
    for segment in text.split('/') {
        if segment.is_empty() || segment == "." || segment == ".." || segment.len() > MAX_SEGMENT {
            return bad("a segment that is empty, a dot segment or too long");
        }
        if segment.contains('\\') || segment.chars().any(char::is_control) {
            return bad("a backslash or a control character");
        }
        let lower = segment.to_ascii_lowercase();
        if ["%2e", "%2f", "%5c", "%00"]
            .iter()
            .any(|e| lower.contains(e))
        {
            return bad("an encoded separator");
        }
    }
    // Joined onto a folder, every component is a plain name, so no
    // normalisation can climb above it.
    let joined = Path::new("/site").join(file.as_path());
    let mut depth = 0usize;
    for c in joined.components().skip(2) {
        match c {
            Component::Normal(_) => depth += 1,
            _ => return bad("a component that is not a plain name"),
        }
    }
    if depth == 0 || !joined.starts_with("/site") {
        return bad("outside the folder");
    }
    Ok(())
}

/// Any bytes as an Akoma Ntoso document: an error or a source plenary
/// can read, written to a relative path of plain names, never a panic or
/// a stack overflow.
pub fn import_akn(setup: &Setup, data: &[u8]) -> Result<(), String> {
    let Ok(xml) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let Ok(imported) = crate::akn::import::convert(xml, Path::new("x.xml"), &setup.config) else {
        return Ok(());
    };
    for part in imported {
        let plain = part
            .rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain || part.rel.components().count() != 3 {
            return Err(format!("written to {}", part.rel.display()));
        }
        let _ = source_from_bytes(&part.rel, part.markdown.as_bytes());
    }
    Ok(())
}
