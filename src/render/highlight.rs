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
        let html = highlighted_html_for_string(code, &self.syntaxes, syntax, &self.theme).ok()?;
        Some(with_foreground(html, &self.theme))
    }
}

/// syntect gives the block the theme's background but leaves unstyled
/// text the page's colour: light on white in dark mode. The theme's own
/// foreground keeps the block readable whatever the page's colours.
fn with_foreground(html: String, theme: &Theme) -> String {
    let (Some(fg), Some(rest)) = (
        theme.settings.foreground,
        html.strip_prefix("<pre style=\""),
    ) else {
        return html;
    };
    format!(
        "<pre style=\"color:#{:02x}{:02x}{:02x};{rest}",
        fg.r, fg.g, fg.b
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_carry_the_theme_colours() {
        let s = Syntect::new("InspiredGitHub").unwrap();
        let html = s.highlight("let x = 1;\n", "rust").unwrap();
        let doc = scraper::Html::parse_fragment(&html);
        let pre = scraper::Selector::parse("pre").unwrap();
        let style = doc.select(&pre).next().and_then(|p| p.attr("style"));
        assert_eq!(style, Some("color:#323232;background-color:#ffffff;"));
    }
}
