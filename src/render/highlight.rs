//! Syntax highlighting of fenced code blocks in ordinary pages, by syntect.

use syntect::highlighting::{Theme, ThemeSet};
use syntect::html::highlighted_html_for_string;
use syntect::parsing::SyntaxSet;

use crate::markdown::Highlight;

pub struct Syntect {
    syntaxes: SyntaxSet,
    theme: Theme,
}

impl Syntect {
    /// Loads syntect's bundled syntaxes and the named bundled theme.
    pub fn new(theme_name: &str) -> Result<Syntect, String> {
        let mut themes = ThemeSet::load_defaults().themes;
        let theme = themes.remove(theme_name).ok_or_else(|| {
            let known: Vec<&str> = themes.keys().map(String::as_str).collect();
            format!(
                "highlight_theme `{theme_name}` is not a bundled theme; choose one of: {}",
                known.join(", ")
            )
        })?;
        Ok(Syntect {
            syntaxes: SyntaxSet::load_defaults_newlines(),
            theme,
        })
    }
}

impl Highlight for Syntect {
    fn highlight(&self, code: &str, lang: &str) -> Option<String> {
        let syntax = self.syntaxes.find_syntax_by_token(lang)?;
        highlighted_html_for_string(code, &self.syntaxes, syntax, &self.theme).ok()
    }
}
