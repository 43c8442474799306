//! Any bytes as Akoma Ntoso XML: an error or a readable source, never a
//! panic, a stack overflow or a path of anything but plain names (see
//! `plenary::fuzzing::import_akn`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::fuzzing::{import_akn, Setup};
use std::sync::OnceLock;

static SETUP: OnceLock<Setup> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let setup = SETUP.get_or_init(|| Setup::new().expect("default config"));
    if let Err(e) = import_akn(setup, data) {
        panic!("{e}");
    }
});
