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
}
