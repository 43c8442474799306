//! Any bytes as a resolution file: decoding, front matter, structure,
//! anchors, metadata, citations and inline rendering must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::cite::{self, Recogniser};
use plenary::config::Config;
use plenary::load::source_from_bytes;
use plenary::markdown::{inline_html, Notes};
use std::path::Path;
use std::sync::OnceLock;

fn setup() -> &'static (Config, Recogniser) {
    static SETUP: OnceLock<(Config, Recogniser)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let config = Config::parse("", Path::new("config.yaml")).expect("default config");
        let recogniser = Recogniser::new(&config);
        (config, recogniser)
    })
}

fuzz_target!(|data: &[u8]| {
    let (config, recogniser) = setup();
    let Ok(source) = source_from_bytes(Path::new("ga/70/1.md"), data) else {
        return;
    };
    let (resolution, _) = plenary::resolution::parse(&source, config);
    let Some(r) = resolution else { return };
    let _ = cite::find(&r, recogniser);
    let mut notes = Notes::new(r.footnotes.iter().map(|f| f.number));
    let _ = inline_html(&r.title_markdown, &mut notes, &[]);
    for b in &r.blocks {
        let _ = inline_html(&b.text, &mut notes, &[]);
    }
});
