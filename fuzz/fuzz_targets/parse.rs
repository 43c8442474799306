//! Any bytes as a resolution file must not panic (see `plenary::fuzzing`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::fuzzing::{parse_bytes, Setup};
use std::sync::OnceLock;

static SETUP: OnceLock<Setup> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let setup = SETUP.get_or_init(|| Setup::new().expect("default config"));
    if let Err(e) = parse_bytes(setup, data) {
        panic!("{e}");
    }
});
