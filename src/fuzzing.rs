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
    for body in ["ga", "ecosoc", "sc", "hrc"] {
        for f in setup.recogniser.recognise(text, body) {
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
