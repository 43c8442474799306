//! Any text through the citation recogniser (see `plenary::fuzzing`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::fuzzing::{recognise_text, Setup};
use std::sync::OnceLock;

static SETUP: OnceLock<Setup> = OnceLock::new();

fuzz_target!(|text: &str| {
    let setup = SETUP.get_or_init(|| Setup::new().expect("default config"));
    if let Err(e) = recognise_text(setup, text) {
        panic!("{e}");
    }
});
