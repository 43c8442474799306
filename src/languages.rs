//! What plenary knows of a language by its ISO 639-1 code: its own name
//! for itself, for the language switcher, and its direction of writing.

/// The language's name in itself (`Français`); the code for one plenary
/// does not know.
pub(crate) fn endonym(code: &str) -> &str {
    match code {
        "ar" => "العربية",
        "de" => "Deutsch",
        "en" => "English",
        "es" => "Español",
        "fa" => "فارسی",
        "fr" => "Français",
        "he" => "עברית",
        "it" => "Italiano",
        "ja" => "日本語",
        "pt" => "Português",
        "ru" => "Русский",
        "ur" => "اردو",
        "zh" => "中文",
        other => other,
    }
}

/// The ISO 639-2 code Akoma Ntoso names a language by (`fra` for `fr`);
/// the code itself for one plenary does not know.
pub(crate) fn three_letter(code: &str) -> &str {
    THREE
        .iter()
        .find(|(two, _)| *two == code)
        .map_or(code, |(_, three)| three)
}

/// The ISO 639-1 code of a language Akoma Ntoso names by its ISO 639-2 one
/// (bibliographic `fre` and terminological `fra` alike).
pub(crate) fn two_letter(code: &str) -> Option<&str> {
    let bibliographic = [("chi", "zh"), ("fre", "fr"), ("ger", "de")];
    let known = THREE.iter().map(|(two, three)| (*three, *two));
    let two = bibliographic
        .into_iter()
        .chain(known)
        .find(|(three, _)| *three == code);
    match two {
        Some((_, two)) => Some(two),
        None => (code.len() == 2).then_some(code),
    }
}

const THREE: [(&str, &str); 8] = [
    ("ar", "ara"),
    ("zh", "zho"),
    ("en", "eng"),
    ("fr", "fra"),
    ("ru", "rus"),
    ("es", "spa"),
    ("de", "deu"),
    ("pt", "por"),
];

/// `rtl` for a language written right to left, else `ltr`.
pub(crate) fn direction(code: &str) -> &'static str {
    match code {
        "ar" | "fa" | "he" | "ur" => "rtl",
        _ => "ltr",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_six_official_languages_by_name_and_direction() {
        let six = ["ar", "zh", "en", "fr", "ru", "es"];
        let names: Vec<&str> = six.iter().map(|c| endonym(c)).collect();
        assert_eq!(
            names,
            [
                "العربية",
                "中文",
                "English",
                "Français",
                "Русский",
                "Español"
            ]
        );
        let rtl: Vec<&&str> = six.iter().filter(|c| direction(c) == "rtl").collect();
        assert_eq!(rtl, [&"ar"]);
        assert_eq!(endonym("xx"), "xx");
    }

    #[test]
    fn akoma_ntoso_codes_both_ways() {
        for code in ["ar", "zh", "en", "fr", "ru", "es"] {
            assert_eq!(two_letter(three_letter(code)), Some(code));
        }
        assert_eq!(three_letter("fr"), "fra");
        assert_eq!(two_letter("fre"), Some("fr"));
        assert_eq!(two_letter("xyz"), None);
    }
}
