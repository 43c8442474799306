//! The theme's own words (`Home`, `Adopted`, `Notes`) in each language of
//! the archive, as templates see them in `words`. The default theme's are
//! compiled in (`themes/default/words/LANGUAGE.yaml`); a theme folder's
//! `words/` replaces them file by file, and the archive's own `words/`
//! changes single keys, as its `templates/` changes single templates. A key
//! a language lacks is written in English.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::load::{SITE_WORDS, THEMES};
use crate::resolution::Date;

macro_rules! embedded {
    ($($code:literal),* $(,)?) => {
        &[$(($code, include_str!(concat!("../../themes/default/words/", $code, ".yaml")))),*]
    };
}

const DEFAULT_WORDS: &[(&str, &str)] = embedded!("en", "fr", "es", "ru", "zh", "ar");

/// The words of each language of the archive, English filling what a
/// language lacks.
#[derive(Debug, Default)]
pub struct Words {
    by_language: BTreeMap<String, tera::Value>,
}

impl Words {
    pub(crate) fn load(root: &Path, config: &Config) -> Result<Words, Diagnostic> {
        let theme = Path::new(THEMES).join(&config.theme).join(SITE_WORDS);
        let english = layers(root, &theme, "en")?;
        let mut by_language = BTreeMap::new();
        for language in &config.languages {
            let mut words = english.clone();
            if language != "en" {
                words.extend(layers(root, &theme, language)?);
            }
            by_language.insert(language.clone(), tera::Value::Object(words));
        }
        Ok(Words { by_language })
    }

    /// The words of `language` (one of the archive's).
    pub(crate) fn of(&self, language: &str) -> &tera::Value {
        static NONE: tera::Value = tera::Value::Null;
        self.by_language.get(language).unwrap_or(&NONE)
    }

    /// `date` as `language` writes one (`12 décembre 2019`), if its words
    /// say how.
    pub(crate) fn date(&self, language: &str, date: &Date) -> Option<String> {
        let words = self.of(language);
        let pattern = words.get("date")?.as_str()?;
        let months = words.get("months")?;
        let month = months
            .get(usize::from(date.month).checked_sub(1)?)?
            .as_str()?;
        Some(
            pattern
                .replace("{day}", &date.day.to_string())
                .replace("{month}", month)
                .replace("{year}", &date.year.to_string()),
        )
    }
}

type Map = serde_json::Map<String, tera::Value>;

/// The words of `language`: the theme's (`theme` is its folder of words
/// inside the archive, or the built-in theme's), then the archive's own.
fn layers(root: &Path, theme: &Path, language: &str) -> Result<Map, Diagnostic> {
    let file = format!("{language}.yaml");
    let mut words = if root.join(theme).is_dir() {
        read(&root.join(theme).join(&file), &theme.join(&file))?
    } else {
        let built_in = DEFAULT_WORDS.iter().find(|(code, _)| *code == language);
        match built_in {
            Some((_, text)) => parse(text, theme.join(&file))?,
            None => Map::new(),
        }
    };
    words.extend(read(
        &root.join(SITE_WORDS).join(&file),
        &Path::new(SITE_WORDS).join(&file),
    )?);
    Ok(words)
}

/// The words of the file at `path` (shown as `shown`), none if there is
/// no such file.
fn read(path: &Path, shown: &Path) -> Result<Map, Diagnostic> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, shown.to_path_buf()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Map::new()),
        Err(e) => Err(Diagnostic::error(shown, 0, format!("cannot read: {e}"))),
    }
}

/// A file of words: each key a word or a list of words.
fn parse(text: &str, shown: PathBuf) -> Result<Map, Diagnostic> {
    let at = |e: &serde_yaml::Error| e.location().map_or(0, |l| l.line());
    let words: BTreeMap<String, Word> = serde_yaml::from_str(text).map_err(|e| {
        Diagnostic::error(
            &shown,
            at(&e),
            format!("words must be `key: text` or `key: [texts]`: {e}"),
        )
    })?;
    Ok(words
        .into_iter()
        .map(|(key, word)| (key, word.into()))
        .collect())
}

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Word {
    One(String),
    Several(Vec<String>),
}

impl From<Word> for tera::Value {
    fn from(w: Word) -> tera::Value {
        match w {
            Word::One(s) => tera::Value::String(s),
            Word::Several(list) => list.into_iter().map(tera::Value::String).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(yaml: &str) -> Words {
        let config = Config::parse(yaml, Path::new("config.yaml")).unwrap();
        Words::load(Path::new("/nonexistent"), &config).unwrap()
    }

    #[test]
    fn every_language_has_every_english_key() {
        let w = words("languages: [en, fr, es, ru, zh, ar]\n");
        let english = w.of("en").as_object().unwrap();
        for (code, text) in DEFAULT_WORDS {
            let own = parse(text, PathBuf::from(code)).unwrap();
            let missing: Vec<&String> = english.keys().filter(|k| !own.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{code} lacks {missing:?}");
        }
    }

    #[test]
    fn dates_in_each_language() {
        let w = words("languages: [en, fr, zh, ar]\n");
        let date = |y, m, d| Date::new(y, m, d).unwrap();
        let (december, march) = (date(2019, 12, 12), date(2020, 3, 1));
        assert_eq!(w.date("en", &december).as_deref(), Some("12 December 2019"));
        assert_eq!(w.date("fr", &march).as_deref(), Some("1 mars 2020"));
        assert_eq!(w.date("zh", &december).as_deref(), Some("2019年12月12日"));
        assert_eq!(
            w.date("ar", &december).as_deref(),
            Some("12 كانون الأول/ديسمبر 2019")
        );
    }

    #[test]
    fn a_site_changes_single_words() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join(SITE_WORDS)).unwrap();
        std::fs::write(root.path().join("words/fr.yaml"), "home: Début\n").unwrap();
        let config = Config::parse("languages: [en, fr]\n", Path::new("config.yaml")).unwrap();
        let w = Words::load(root.path(), &config).unwrap();
        let word = |language: &str, key: &str| {
            w.of(language)
                .get(key)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        assert_eq!(word("fr", "home").as_deref(), Some("Début"));
        assert_eq!(word("fr", "notes").as_deref(), Some("Notes"));
        assert_eq!(word("fr", "contents").as_deref(), Some("Sommaire"));
        assert_eq!(word("en", "home").as_deref(), Some("Home"));
        std::fs::write(root.path().join("words/fr.yaml"), "home: [unclosed\n").unwrap();
        let e = Words::load(root.path(), &config).unwrap_err();
        assert_eq!(e.path, Path::new("words/fr.yaml"));
    }

    #[test]
    fn a_language_without_words_is_written_in_english() {
        let w = words("languages: [en, de]\n");
        assert_eq!(
            w.of("de").get("home").and_then(|v| v.as_str()),
            Some("Home")
        );
    }
}
