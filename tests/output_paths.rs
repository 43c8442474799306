//! Property: no address, however hostile, becomes a file outside the
//! output folder, and ordinary addresses are always accepted. The same
//! check runs under the fuzzer (`fuzz/fuzz_targets/output_path.rs`).

use plenary::fuzzing::output_path;
use proptest::prelude::*;

/// Segments drawn from what attacks are made of.
fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(".".to_string()),
        Just("..".to_string()),
        Just("".to_string()),
        Just("%2e%2e".to_string()),
        Just("%2E.".to_string()),
        Just("..%2f..".to_string()),
        Just("..\\..".to_string()),
        Just("a\0b".to_string()),
        Just("x\ny".to_string()),
        Just("C:".to_string()),
        "[a-z0-9-]{1,12}",
        "[a-zA-Z0-9.%\\\\:/ -]{0,8}",
        "\\PC{0,6}",
        "x{190,260}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn built_from_hostile_segments(parts in prop::collection::vec(segment(), 0..8), rooted in any::<bool>(), slash in any::<bool>()) {
        let mut path = if rooted { "/".to_string() } else { String::new() };
        path.push_str(&parts.join("/"));
        if slash {
            path.push('/');
        }
        prop_assert_eq!(output_path(&path), Ok(()));
    }

    #[test]
    fn any_text_at_all(text in "\\PC{0,40}|/[./%2eE\\\\a-z]{0,30}") {
        prop_assert_eq!(output_path(&text), Ok(()));
    }

    #[test]
    fn ordinary_addresses_are_kept(parts in prop::collection::vec("[a-z0-9-]{1,20}", 0..6)) {
        let path = format!("/{}/", parts.join("/")).replace("//", "/");
        prop_assert_eq!(output_path(&path), Ok(()));
    }
}
