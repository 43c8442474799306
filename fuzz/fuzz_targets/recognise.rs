//! Any text through the citation recogniser, and its links laid over the
//! text: no panic, and every range inside the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::cite::Recogniser;
use plenary::config::Config;
use plenary::markdown::{inline_html, visible_text, LinkSpan, Notes};
use std::path::Path;
use std::sync::OnceLock;

fn recogniser() -> &'static Recogniser {
    static R: OnceLock<Recogniser> = OnceLock::new();
    R.get_or_init(|| {
        Recogniser::new(&Config::parse("", Path::new("config.yaml")).expect("default config"))
    })
}

fuzz_target!(|text: &str| {
    for body in ["ga", "ecosoc", "sc", "hrc"] {
        let found = recogniser().recognise(text, body);
        for f in &found {
            assert!(
                text.get(f.range.clone()).is_some(),
                "{:?} outside {:?}",
                f.range,
                text
            );
        }
    }
    // The same text as Markdown: links over its visible text.
    let visible = visible_text(text);
    let spans: Vec<LinkSpan> = recogniser()
        .recognise(&visible, "ga")
        .into_iter()
        .map(|f| LinkSpan {
            range: f.range,
            open_tag: "<a href=\"#x\">".into(),
        })
        .collect();
    let html = inline_html(text, &mut Notes::default(), &spans);
    assert_eq!(
        html.matches("<a ").count(),
        html.matches("</a>").count(),
        "unbalanced: {html}"
    );
});
