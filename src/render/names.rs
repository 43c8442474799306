//! How a text's paragraphs are named where a reader hears or copies them
//! (`paragraph 3`, `paragraphe 3`, `第3段`): the ¶ link's label, what it
//! copies, "cited 2×". In the text's language, from the theme's words.

/// The patterns of one language's names, `{n}`, `{name}` and `{section}`
/// to fill.
pub(crate) struct Names {
    preambular: String,
    paragraph: String,
    operative: String,
    in_section: String,
    continued: String,
    in_annex: String,
    annex_text: String,
    link_to: String,
    /// A word the ¶ link shortens in what it copies, and its short form
    /// (`paragraph` → `para.`).
    short: (String, String),
    cited_times: String,
    by_other_resolutions: String,
}

impl Names {
    /// The names in English, as a page without words of its own has them.
    pub(crate) fn english() -> Names {
        Names {
            preambular: "preambular paragraph {n}".into(),
            paragraph: "paragraph {n}".into(),
            operative: "operative paragraph".into(),
            in_section: "section {section}, {name}".into(),
            continued: "{name} (continued)".into(),
            in_annex: "annex, {name}".into(),
            annex_text: "annex text".into(),
            link_to: "Link to {name}".into(),
            short: ("paragraph".into(), "para.".into()),
            cited_times: "cited {n}×".into(),
            by_other_resolutions: "by other resolutions".into(),
        }
    }

    /// The names of a language's words (`words` in templates); English
    /// where they lack one.
    pub(crate) fn of(words: &tera::Value) -> Names {
        let english = Names::english();
        let word = |key: &str, or: String| {
            words
                .get(key)
                .and_then(|w| w.as_str())
                .map_or(or, str::to_string)
        };
        let short = words
            .get("paragraph_short")
            .and_then(|w| w.as_array())
            .and_then(|pair| Some((pair.first()?.as_str()?, pair.get(1)?.as_str()?)))
            .map_or(english.short, |(a, b)| (a.to_string(), b.to_string()));
        Names {
            preambular: word("name_preambular", english.preambular),
            paragraph: word("name_paragraph", english.paragraph),
            operative: word("name_operative", english.operative),
            in_section: word("name_in_section", english.in_section),
            continued: word("name_continued", english.continued),
            in_annex: word("name_in_annex", english.in_annex),
            annex_text: word("name_annex_text", english.annex_text),
            link_to: word("link_to", english.link_to),
            short,
            cited_times: word("cited_times", english.cited_times),
            by_other_resolutions: word("by_other_resolutions", english.by_other_resolutions),
        }
    }

    pub(crate) fn preambular(&self, n: &str) -> String {
        self.preambular.replace("{n}", n)
    }

    pub(crate) fn paragraph(&self, n: u32) -> String {
        self.paragraph.replace("{n}", &n.to_string())
    }

    pub(crate) fn operative(&self) -> String {
        self.operative.clone()
    }

    pub(crate) fn in_section(&self, section: Option<&str>, name: String) -> String {
        match section {
            Some(s) => self
                .in_section
                .replace("{section}", s)
                .replace("{name}", &name),
            None => name,
        }
    }

    pub(crate) fn continued(&self, name: &str) -> String {
        self.continued.replace("{name}", name)
    }

    pub(crate) fn in_annex(&self, name: &str) -> String {
        self.in_annex.replace("{name}", name)
    }

    pub(crate) fn annex_text(&self) -> String {
        self.annex_text.clone()
    }

    /// The ¶ link's label: `Link to paragraph 3`.
    pub(crate) fn link_to(&self, name: &str) -> String {
        self.link_to.replace("{name}", name)
    }

    /// What the ¶ link copies: `E/RES/1997/2, para. 1`.
    pub(crate) fn cite(&self, symbol: &str, name: &str) -> String {
        if name.is_empty() {
            return symbol.to_string();
        }
        format!("{symbol}, {}", name.replace(&self.short.0, &self.short.1))
    }

    /// `cited 2×`, and for a screen reader what follows it.
    pub(crate) fn cited(&self, n: usize) -> (String, &str) {
        let times = self.cited_times.replace("{n}", &n.to_string());
        (times, &self.by_other_resolutions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_citations_use_the_short_form() {
        let names = Names::english();
        assert_eq!(
            names.cite("E/RES/1997/2", "paragraph 2 (a)"),
            "E/RES/1997/2, para. 2 (a)"
        );
        assert_eq!(names.cite("E/RES/1997/2", ""), "E/RES/1997/2");
    }

    #[test]
    fn the_english_words_name_as_english_does() {
        let text = include_str!("../../themes/default/words/en.yaml");
        let words: tera::Value = serde_yaml::from_str(text).unwrap();
        let (a, b) = (Names::of(&words), Names::english());
        assert_eq!(a.link_to("x"), b.link_to("x"));
        assert_eq!(
            a.cite("S", "preambular paragraph 3"),
            "S, preambular para. 3"
        );
        assert_eq!(a.cite("S", "x"), b.cite("S", "x"));
        assert_eq!(a.cited(2), b.cited(2));
        assert_eq!(
            a.in_section(Some("II"), a.in_annex(&a.paragraph(3))),
            b.in_section(Some("II"), b.in_annex(&b.paragraph(3)))
        );
        for (x, y) in [
            (a.preambular("3"), b.preambular("3")),
            (a.operative(), b.operative()),
            (a.continued("p"), b.continued("p")),
            (a.annex_text(), b.annex_text()),
        ] {
            assert_eq!(x, y);
        }
    }
}
