//! Citations in the UN's other official languages: `résolution 70/1`,
//! `resolución 70/1`, `резолюции 70/1`, `القرار 70/1` name the keyword
//! before the numbers, Chinese after them (`第70/1号决议`). What a cited
//! number is, and which body's it can be, is read as in English (the same
//! items, the same choice of body); only the words around the numbers are
//! the language's. Bodies are named as the body registry's `names` give
//! them, before the numbers (`резолюции Совета Безопасности 2334 (2016)`,
//! `安全理事会第2334(2016)号决议`) or after them (`résolution 37/5 du
//! Conseil des droits de l’homme`).

use regex::Regex;

use super::{push_item, tail, Cue, Item, Recogniser, Shape};
use crate::cite::{Found, Kind};
use crate::config::Config;
use crate::text::{built_in, roman};

/// How one language writes a citation around its numbers.
pub(super) struct Grammar {
    pub(super) code: String,
    words: Words,
    /// A date after a number (`du 21 décembre 2016`), skipped to find a
    /// body named after it.
    date: Regex,
    /// The keyword as the reading body's own (`ses résolutions`).
    its: Regex,
    /// A number written in the language's own way, if it has one.
    own_number: Option<Regex>,
    /// The body names of the registry in this language, and the names of
    /// other organisations' bodies that end as one of them does, longest
    /// first, each with whose it is.
    names: Vec<(String, Cue)>,
}

enum Words {
    /// The keyword comes first: group 1 is a resolution's, group 2 a
    /// decision's.
    Before(Regex),
    /// The keyword closes the list (`…号决议`, `…号决定`); the second
    /// says what may stand between two numbers of one list.
    After(Regex, Regex),
}

/// The words of each language plenary reads citations in, beside English.
struct Spec {
    code: &'static str,
    resolution: &'static str,
    decision: &'static str,
    date: &'static str,
    /// The keyword with the words that make it the reading body's own
    /// (`sa résolution`, `قرارها`), as the end of a text.
    its: &'static str,
    /// A number written the language's own way: two groups for an older
    /// session of the Assembly (number, session), three for a part
    /// (session, number, letter).
    own_number: Option<&'static str>,
    /// Bodies of other organisations whose names end with one of the
    /// registry's (`联合国环境大会`, the Environment Assembly, ends with
    /// `大会`, the General Assembly).
    others: &'static [&'static str],
}

const SPECS: &[Spec] = &[
    Spec {
        code: "fr",
        resolution: r"\b[Rr]ésolutions?\b",
        decision: r"\b[Dd]écisions?\b",
        date: r"^,?\s+(?:en\s+date\s+)?du\s+\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}",
        its: r"\b(?:[Ss]a|[Ss]es)\s+\S+$",
        own_number: None,
        others: &[],
    },
    Spec {
        code: "es",
        resolution: r"\b[Rr]esoluci(?:ón|ones)\b",
        decision: r"\b[Dd]ecisi(?:ón|ones)\b",
        date: r"^,?\s+de\s+\d{1,2}\s+de\s+\p{L}+\s+de\s+\d{4}",
        its: r"\b(?:[Ss]u|[Ss]us)\s+\S+$",
        own_number: None,
        others: &[],
    },
    Spec {
        code: "ru",
        resolution: r"\b[Рр]езолюци\p{L}*",
        decision: r"\b[Рр]ешени\p{L}*",
        date: r"^,?\s+от\s+\d{1,2}\s+\p{L}+\s+\d{4}\s+года",
        its: r"\b(?:[Сс]во\p{L}*|её|ее)\s+\S+$",
        own_number: None,
        others: &[],
    },
    Spec {
        code: "ar",
        // With the article, a conjunction or preposition before it and a
        // pronoun after it (`وقرارها`, `بالقرار`, `قراراتها`), and drawn
        // out with tatweels to justify a line (`قــــراراتها`).
        resolution: r"\b[وفبل]{0,2}(?:الـ*)?قـ*رـ*اـ*ر[\p{L}\p{M}]{0,8}\b",
        decision: r"\b[وفبل]{0,2}(?:الـ*)?مـ*قـ*رـ*ر[\p{L}\p{M}]{0,8}\b",
        // `المؤرَّخ 21 كانون الأول/ديسمبر 2016`, the month in two names.
        date: r"^[،,]?\s+\p{L}*مـ*ؤـ*ر[\p{M}ـ]*خ\p{L}*\s+\d{1,2}\s+[^\d]{1,40}?\d{4}",
        its: r"(?:ها|هما)$",
        own_number: Some(r"^(\d{1,4})\s*\(د\s*-\s*(\d{1,2})\)"),
        others: &[],
    },
    Spec {
        code: "zh",
        resolution: "决议",
        decision: "决定",
        date: r"^\d{4}年\d{1,2}月\d{1,2}日",
        its: "其$",
        own_number: Some(r"^(\d{1,4})/(\d{1,4})\s*([A-Z]{1,2})号"),
        others: &["环境大会", "卫生大会", "缔约方大会", "世界大会", "组织大会"],
    },
];

/// What may stand between two numbers of one Chinese list: dates, `第`,
/// `号`, the words for "and", part letters.
const CHINESE_LIST: &str = r"^[\s、，,和及与以至第号年月日\d()（）A-Z]*$";

/// Where a clause ends: no list runs across it.
const STOPS: &[char] = &[';', ':', '.', '؛', '。', '；', '：'];

/// The longest a stretch between two numbers of one list may be, in
/// characters: a date and a short clause.
const GAP: usize = 200;

/// How far after its keyword a list's first number may stand, in
/// characters: room for a body's name (`резолюции Совета Безопасности`).
const FIRST: usize = 60;

/// How far after a list a body's name may start, in characters
/// (`, adoptée par le`, `الصادر عن`).
const NAME_AFTER: usize = 20;

impl Grammar {
    /// The grammars of the archive's languages that plenary has one for.
    pub(super) fn for_config(config: &Config) -> Vec<Grammar> {
        let specs = SPECS
            .iter()
            .filter(|s| config.languages.iter().any(|l| l == s.code));
        specs.map(|s| Grammar::new(s, config)).collect()
    }

    fn new(spec: &Spec, config: &Config) -> Grammar {
        let words = if spec.code == "zh" {
            Words::After(
                built_in(&format!(
                    r"^\s*(?:[A-Z]{{1,2}}\s*)?号?\s*(?:({})|({}))",
                    spec.resolution, spec.decision
                )),
                built_in(CHINESE_LIST),
            )
        } else {
            Words::Before(built_in(&format!(
                "({})|({})",
                spec.resolution, spec.decision
            )))
        };
        let mut bodies: Vec<(String, Vec<usize>)> = Vec::new();
        for (b, body) in config.bodies.iter().enumerate() {
            for form in body.names.get(spec.code).into_iter().flatten() {
                match bodies.iter_mut().find(|(n, _)| n == form) {
                    Some((_, of)) => of.push(b),
                    None => bodies.push((form.clone(), vec![b])),
                }
            }
        }
        let others = spec.others.iter().map(|n| (n.to_string(), Cue::Unknown));
        let mut names: Vec<(String, Cue)> = (bodies.into_iter())
            .map(|(form, of)| (form, cue_of(&of)))
            .chain(others)
            .collect();
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Grammar {
            code: spec.code.to_string(),
            words,
            date: built_in(spec.date),
            its: built_in(spec.its),
            own_number: spec.own_number.map(built_in),
            names,
        }
    }

    /// A number the language writes its own way: an older session of the
    /// Assembly in Arabic (`3263 (د-29)`, "session 29", for `3263
    /// (XXIX)`), a part letter before `号` in Chinese (`第54/237C号`).
    fn own_item(&self, text: &str, at: usize) -> Option<Item> {
        let c = self.own_number.as_ref()?.captures(&text[at..])?;
        let (shape, end) = match c.get(3) {
            Some(part) => (
                Shape::Slash {
                    session: c[1].to_string(),
                    number: format!("{} {}", &c[2], part.as_str()),
                },
                part.end(),
            ),
            None => (
                Shape::Roman {
                    number: c[1].to_string(),
                    session: roman(c[2].parse().ok()?)?,
                },
                c.get(0)?.end(),
            ),
        };
        Some(Item {
            range: at..at + end,
            shape,
            paragraphs: Vec::new(),
        })
    }

    /// The body a name in `text` gives, and where the name starts.
    fn name_in(&self, text: &str) -> Option<(Cue, usize)> {
        self.names
            .iter()
            .filter_map(|(form, cue)| text.find(form.as_str()).map(|at| (at, cue)))
            .min_by_key(|(at, _)| *at)
            .map(|(at, cue)| (cue.clone(), at))
    }

    /// The body the last name in `text` gives.
    fn last_name_in(&self, text: &str) -> Option<Cue> {
        self.names
            .iter()
            .filter_map(|(form, cue)| {
                let at = text.rfind(form.as_str())?;
                Some(((at + form.len(), form.len()), cue))
            })
            // The last name, and of two ending there the longer.
            .max_by_key(|(end, _)| *end)
            .map(|(_, cue)| cue.clone())
    }

    /// The body a name ending `text` gives (`回顾大会`).
    fn name_ending(&self, text: &str) -> Option<Cue> {
        let (_, cue) = self
            .names
            .iter()
            .find(|(form, _)| text.ends_with(form.as_str()))?;
        Some(cue.clone())
    }
}

fn cue_of(bodies: &[usize]) -> Cue {
    match bodies {
        [only] => Cue::Body(*only),
        several => Cue::Short(several.to_vec()),
    }
}

impl Recogniser {
    /// Every citation in `text`, written in the language of `g`.
    pub(super) fn recognise_other(
        &self,
        g: &Grammar,
        text: &str,
        current: Option<usize>,
    ) -> Vec<Found> {
        let items = self.items_in(g, text);
        let mut found = Vec::new();
        if !items.is_empty() {
            match &g.words {
                Words::Before(keyword) => {
                    self.keyword_lists(g, keyword, text, items, current, &mut found)
                }
                Words::After(closing, joins) => {
                    self.closed_lists(g, (closing, joins), text, items, current, &mut found)
                }
            }
        }
        self.documents.find(text, &mut found);
        found.sort_by_key(|f| f.range.start);
        found
    }

    /// Every number in `text` shaped as a resolution's, in order.
    fn items_in(&self, g: &Grammar, text: &str) -> Vec<Item> {
        let mut out: Vec<Item> = Vec::new();
        let mut previous: Option<char> = None;
        for (at, c) in text.char_indices() {
            let after_last = out.last().is_none_or(|i| at >= i.range.end);
            // A number inside a word or a symbol (`A/70/53`, `E/2019/34`)
            // is no resolution's.
            let free = !previous.is_some_and(|p| p.is_ascii_alphanumeric() || "/.-‑‐".contains(p));
            if after_last && free && (c.is_ascii_digit() || c == 'E' || c == 'S') {
                let item = self.item(text, at).or_else(|| g.own_item(text, at));
                if let Some(item) = item {
                    out.push(item);
                }
            }
            previous = Some(c);
        }
        out
    }

    /// Lists opened by a keyword (`résolutions 70/1 du 25 septembre 2015
    /// et 71/313`): the numbers after it, each at most a short clause from
    /// the one before.
    #[allow(clippy::too_many_arguments)]
    fn keyword_lists(
        &self,
        g: &Grammar,
        keyword: &Regex,
        text: &str,
        items: Vec<Item>,
        current: Option<usize>,
        found: &mut Vec<Found>,
    ) {
        let mut items = items.into_iter().peekable();
        let mut carry: Option<usize> = None;
        for k in keyword.captures_iter(text) {
            let (Some(word), decision) = (k.get(0), k.get(2).is_some()) else {
                continue;
            };
            while items.next_if(|i| i.range.start < word.end()).is_some() {}
            let first = items.peek().map_or(text.len(), |i| i.range.start);
            let between = &text[word.end()..first];
            // `les résolutions ci-après du Conseil de sécurité : 1809
            // (2008)`: a colon may announce the list, no other stop.
            if between.chars().count() > FIRST
                || between.contains(|c| c != ':' && STOPS.contains(&c))
            {
                // `les résolutions du Conseil des droits de l’homme sur la
                // question, notamment les résolutions 19/11`: the body
                // named goes on to the next list.
                if let Some(Cue::Body(b)) = self.name_after(g, keyword, text, word.end()) {
                    carry = Some(b);
                }
                continue;
            }
            let mut list: Vec<Item> = items.next().into_iter().collect();
            while let Some(next) = items.peek() {
                let end = list.last().map_or(0, |i| i.range.end);
                let gap = &text[end..next.range.start];
                if gap.chars().count() > GAP || gap.contains(STOPS) || keyword.is_match(gap) {
                    break;
                }
                list.extend(items.next());
            }
            let end = list.last().map_or(word.end(), |i| i.range.end);
            let its = g.its.is_match(tail(&text[..word.end()], 40));
            let cue = g
                .name_in(between)
                .map(|(cue, _)| cue)
                .or_else(|| self.name_after(g, keyword, text, end))
                .unwrap_or(if its { Cue::Its } else { Cue::None });
            let kind = if decision {
                Kind::Decision
            } else {
                Kind::Resolution
            };
            self.push_list(list, kind, &cue, &mut carry, current, found);
        }
    }

    /// Chinese lists, closed by their keyword (`2015年9月25日第70/1号决议`,
    /// `第61/89号、…和第73/263号决议`); the body is named before them.
    #[allow(clippy::too_many_arguments)]
    fn closed_lists(
        &self,
        g: &Grammar,
        (closing, joins): (&Regex, &Regex),
        text: &str,
        items: Vec<Item>,
        current: Option<usize>,
        found: &mut Vec<Found>,
    ) {
        let mut lists: Vec<Vec<Item>> = Vec::new();
        for item in items {
            match lists.last_mut() {
                Some(list)
                    if list.last().is_some_and(|last| {
                        joins.is_match(&text[last.range.end..item.range.start])
                    }) =>
                {
                    list.push(item)
                }
                _ => lists.push(vec![item]),
            }
        }
        let mut carry: Option<usize> = None;
        for list in lists {
            let (Some(first), Some(last)) = (list.first(), list.last()) else {
                continue;
            };
            let Some(k) = closing.captures(&text[last.range.end..]) else {
                continue;
            };
            let kind = if k.get(2).is_some() {
                Kind::Decision
            } else {
                Kind::Resolution
            };
            // The words before the list, without its date and `第`.
            let before = text[..first.range.start]
                .trim_end_matches(|c: char| c.is_ascii_digit() || "第年月日 ".contains(c));
            // `人权理事会2013年6月13日关于…的第23/13号决议`: a body named
            // earlier in the clause, before a date and a title.
            let comma = before.char_indices().rfind(|(_, c)| "，,、".contains(*c));
            let clause = &before[comma.map_or(0, |(i, c)| i + c.len_utf8())..];
            let cue = match g.name_ending(before) {
                Some(cue) => cue,
                None if g.its.is_match(before) => Cue::Its,
                None => g.last_name_in(clause).unwrap_or(Cue::None),
            };
            self.push_list(list, kind, &cue, &mut carry, current, found);
        }
    }

    /// A body named just after a list, past its date (`résolution 2268
    /// (2016) du Conseil de sécurité`).
    /// Not past another keyword: `резолюцию 70/1 и резолюции Совета по
    /// правам человека 42/9` names the Council for the second list only.
    fn name_after(&self, g: &Grammar, keyword: &Regex, text: &str, end: usize) -> Option<Cue> {
        let mut rest = &text[end..];
        if let Some(m) = g.date.find(rest) {
            rest = &rest[m.end()..];
        }
        let clause = &rest[..rest.find(STOPS).unwrap_or(rest.len())];
        let clause = &clause[..keyword.find(clause).map_or(clause.len(), |k| k.start())];
        let (cue, at) = g.name_in(clause)?;
        (clause[..at].chars().count() <= NAME_AFTER).then_some(cue)
    }

    /// Records each number of one list as the citation of the body the
    /// words around it, the body named before and its shape say.
    fn push_list(
        &self,
        list: Vec<Item>,
        kind: Kind,
        cue: &Cue,
        carry: &mut Option<usize>,
        current: Option<usize>,
        found: &mut Vec<Found>,
    ) {
        // The body named, or the reading body's own (`其`, `ses`), goes on
        // to the lists after it that name none.
        match cue {
            Cue::Body(b) => *carry = Some(*b),
            Cue::Its => *carry = current,
            _ => {}
        }
        for item in list {
            let Some(body) = self.choose_body(cue, &item.shape, *carry, current) else {
                continue;
            };
            if let Some(symbol) = self.symbol(body, kind, &item.shape) {
                push_item(found, item, kind, symbol);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The symbols a text in `language`, read in an Assembly resolution,
    /// cites.
    fn symbols(language: &str, text: &str) -> Vec<String> {
        let yaml = format!("languages: [en, {language}]\n");
        let config = Config::parse(&yaml, Path::new("config.yaml")).unwrap();
        let found = Recogniser::new(&config).recognise_in(text, "ga", language);
        found.into_iter().map(|f| f.symbol).collect()
    }

    #[test]
    fn french_names_the_body_after_the_numbers() {
        let text = "Rappelant ses résolutions 61/89 du 6 décembre 2006 et 73/263 du 22 décembre 2018, la résolution 2334 (2016) du Conseil de sécurité, la résolution 37/5 du Conseil des droits de l’homme et sa décision 73/555,";
        assert_eq!(
            symbols("fr", text),
            [
                "A/RES/61/89",
                "A/RES/73/263",
                "S/RES/2334 (2016)",
                "A/HRC/RES/37/5",
                "A/DEC/73/555"
            ]
        );
    }

    #[test]
    fn a_body_named_without_numbers_goes_on_to_the_next_list() {
        let text = "Rappelant toutes les résolutions du Conseil des droits de l’homme sur la question, notamment les résolutions 19/11 du 22 mars 2012 et 31/14 du 23 mars 2016,";
        assert_eq!(symbols("fr", text), ["A/HRC/RES/19/11", "A/HRC/RES/31/14"]);
        let text = "les résolutions ci-après du Conseil de sécurité : 1809 (2008) du 16 avril 2008 sur la paix et la sécurité en Afrique, 1325 (2000) du 31 octobre 2000";
        assert_eq!(
            symbols("fr", text),
            ["S/RES/1809 (2008)", "S/RES/1325 (2000)"]
        );
    }

    #[test]
    fn spanish_and_russian() {
        let text = "y la resolución 41/15 del Consejo de Derechos Humanos, de 11 de julio de 2019, y la resolución 217 A (III)";
        assert_eq!(
            symbols("es", text),
            ["A/HRC/RES/41/15", "A/RES/217 A (III)"]
        );
        let text = "ссылаясь на свою резолюцию 70/1 от 25 сентября 2015 года и резолюции Совета по правам человека 42/9 и 42/15";
        assert_eq!(
            symbols("ru", text),
            ["A/RES/70/1", "A/HRC/RES/42/9", "A/HRC/RES/42/15"]
        );
    }

    #[test]
    fn chinese_closes_the_list_with_its_keyword() {
        let text = "回顾大会2015年9月25日第70/1号决议和人权理事会2013年6月13日关于对白化病患者的袭击和歧视的第23/13号决议，又回顾其2006年12月6日第61/89号、2007年12月17日第62/89号和第54/237C号决议以及第73/555号决定，";
        assert_eq!(
            symbols("zh", text),
            [
                "A/RES/70/1",
                "A/HRC/RES/23/13",
                "A/RES/61/89",
                "A/RES/62/89",
                "A/RES/54/237 C",
                "A/DEC/73/555"
            ]
        );
    }

    #[test]
    fn another_organisations_assembly_is_not_the_general_assembly() {
        let text = "根据联合国环境大会第4/1号决议";
        assert!(symbols("zh", text).is_empty());
    }

    #[test]
    fn arabic_drawn_out_words_and_older_sessions() {
        let text = "إذ تشير إلى قــــراراتها 47/90 المـــــؤرخ 16 كــــانون الأول/ديسمبر 1992 و 49/155 المؤرخ 23 كانون الأول/ديسمبر 1994، وقرارها 3263 (د-29)،";
        assert_eq!(
            symbols("ar", text),
            ["A/RES/47/90", "A/RES/49/155", "A/RES/3263 (XXIX)"]
        );
    }

    #[test]
    fn arabic_lists_with_dates() {
        let text = "إذ تشير إلى قراراتها 44/198 المؤرخ 21 كانون الأول/ديسمبر 1989، و 51/216 المؤرخ 18 كانون الأول/ديسمبر 1996، و 52/216 المؤرخ 22 كانون الأول/ديسمبر 1997،";
        assert_eq!(
            symbols("ar", text),
            ["A/RES/44/198", "A/RES/51/216", "A/RES/52/216"]
        );
    }
}
