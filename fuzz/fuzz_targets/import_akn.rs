//! Any bytes as Akoma Ntoso XML: an error or a readable source, never a
//! panic, a stack overflow or a path of anything but plain names (see
//! `plenary::fuzzing::import_akn`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = plenary::fuzzing::import_akn(data) {
        panic!("{e}");
    }
});
