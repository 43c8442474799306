//! Any text as a site path never becomes a file outside the output
//! folder (see `plenary::fuzzing::output_path`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = plenary::fuzzing::output_path(&String::from_utf8_lossy(data)) {
        panic!("{e}");
    }
});
