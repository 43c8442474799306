//! `config.yaml`: site settings and the registry of bodies that adopt
//! resolutions.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::urls::{Pattern, Placeholder, Values};
use crate::yaml;

pub(crate) const CONFIG_FILE: &str = "config.yaml";

/// The settings of one site, validated and with defaults filled in.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Absolute URL of the site root, always ending in `/`.
    pub base_url: String,
    /// The path part of `base_url`, starting and ending with `/`; every
    /// internal link starts with it so the site works under a subpath.
    pub base_path: String,
    /// The default language (ISO 639-1), the first of [`Config::languages`].
    pub language: String,
    /// The languages of the archive (`languages:`), the default first: a
    /// source `1.fr.md` is the French version of `1.md`.
    pub languages: Vec<String>,
    pub theme: String,
    pub highlight_theme: String,
    pub output_dir: PathBuf,
    /// Bodies in display order: the built-in ones first, then the site's own.
    pub bodies: Vec<Body>,
    /// Free-form values handed to templates as `config.extra`.
    pub extra: serde_json::Value,
    pub document_links: DocumentLinks,
    /// The kinds of output a build writes (`outputs:`; all by default).
    pub outputs: Outputs,
    /// The text of config.yaml, to point diagnostics at a key's line.
    text: String,
    /// What was mended on reading (characters XML forbids in the title).
    pub warnings: Vec<Diagnostic>,
}

/// The kinds of output a build writes, as `outputs:` or `--outputs` name
/// them. Which names are kinds is checked when a build starts
/// ([`crate::kinds::check`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Outputs {
    #[default]
    All,
    Named(Vec<String>),
}

impl Outputs {
    /// Whether the kind named `kind` is written.
    pub fn has(&self, kind: &str) -> bool {
        match self {
            Outputs::All => true,
            Outputs::Named(names) => names.iter().any(|n| n.trim() == kind),
        }
    }
}

/// A body that adopts resolutions, and how its documents are named.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// The key used in folders and config (`ga`).
    pub key: String,
    /// Full name as written in texts (`General Assembly`).
    pub name: String,
    /// Shorter names used in citations (`Assembly`).
    pub short_names: Vec<String>,
    /// Document symbol (`A/RES/{session}/{number}`).
    pub symbol: Pattern,
    /// How a resolution's number is written in its heading and in citations
    /// (`{session}/{number}`, `{number} ({session})`).
    pub cited_as: Pattern,
    /// Where a resolution's page lives (`/ga/{session}/{number}/`).
    pub permalink: Pattern,
    /// Where the listing of one session or year lives (`/ga/{session}/`).
    pub session_permalink: Pattern,
    /// Patterns this body's pages were published under before; each old
    /// address becomes a redirect, so citations of it keep working.
    pub former_permalinks: Vec<Pattern>,
    /// What a session is called in listings (`Session`, `Year`).
    pub session_label: String,
    /// Symbol of the body's decisions (`A/DEC/{session}/{number}`), if it
    /// numbers them.
    pub decision_symbol: Option<Pattern>,
    /// Its AKN4UN code, the author in work URIs (`unga`).
    pub akn: String,
    /// Whether its older resolutions carry a Roman session (`2625 (XXV)`).
    pub roman_sessions: bool,
    /// Every Member State sits in it (the General Assembly): a member on
    /// no side of a recorded vote was absent.
    pub every_member_state: bool,
    /// The first session whose resolutions are numbered `session/number`
    /// (the General Assembly's 31st, of 1976): an earlier `4/6` is some
    /// other body's.
    pub first_session: Option<u32>,
    /// Its committees in the order it numbers them (`First Committee`, …),
    /// for the listing by committee; others follow by name.
    pub committees: Vec<String>,
    /// Its name in other languages, by language code: every form a
    /// citation in that language writes (`Совета Безопасности`,
    /// `Советом Безопасности`).
    pub names: BTreeMap<String, Vec<String>>,
}

impl Body {
    /// Its name as a page in `language` writes it: the first of its names
    /// in that language, else its own.
    pub(crate) fn name_in(&self, language: &str) -> &str {
        let name = self.names.get(language).and_then(|n| n.first());
        name.map_or(self.name.as_str(), String::as_str)
    }
}

/// Where citations of documents outside the archive link to.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentLinks {
    /// With `{language}` and `{symbol}` (`https://undocs.org/{language}/{symbol}`).
    pub url: String,
    pub language: String,
    /// The address before and after the symbol, when it needs no
    /// normalising (made on first use).
    plain: std::sync::OnceLock<Option<(String, String)>>,
}

impl DocumentLinks {
    /// The same links to documents in `language`.
    pub(crate) fn in_language(&self, language: &str) -> DocumentLinks {
        DocumentLinks {
            url: self.url.clone(),
            language: language.to_string(),
            plain: std::sync::OnceLock::new(),
        }
    }

    /// The address of a document by its symbol, written as the UN writes it
    /// in addresses: no space before a bracket (`S/RES/242(1967)`).
    pub(crate) fn url_for(&self, symbol: &str) -> Option<String> {
        let symbol = symbol.replace(" (", "(");
        // The parts of a resolution adopted in parts (`75/251 A`, `B`) are
        // one document in the UN's system.
        let symbol = match symbol.rsplit_once(' ') {
            Some((whole, part))
                if part.len() == 1 && part.chars().all(|c| c.is_ascii_uppercase()) =>
            {
                whole.to_string()
            }
            _ => symbol,
        };
        // Most symbols hold nothing a URL parser would change: put them
        // between the parts of an address already normalised, instead of
        // parsing every one (a large archive cites hundreds of thousands).
        if let (Some((before, after)), true) = (self.plain(), is_plain(&symbol)) {
            return Some(format!("{before}{symbol}{after}"));
        }
        self.parsed(&symbol)
    }

    /// The address before and after the symbol, if the address around a
    /// plain symbol comes out of a URL parser unchanged.
    fn plain(&self) -> Option<&(String, String)> {
        let split = || {
            let filled = self.url.replace("{language}", &self.language);
            let (before, after) = filled.split_once("{symbol}")?;
            let path_begins = before.find("://").map(|i| i + 3)?;
            let in_path = before[path_begins..].contains('/') && !before.contains(['?', '#']);
            let samples = ["A/RES/1/1", "S/RES/242(1967)", "E/2019/L.3"];
            let unchanged = samples
                .iter()
                .all(|s| self.parsed(s).as_deref() == Some(&format!("{before}{s}{after}")));
            (in_path && unchanged).then(|| (before.to_string(), after.to_string()))
        };
        self.plain.get_or_init(split).as_ref()
    }

    /// The address of a symbol written as the UN writes it, as a URL
    /// parser writes it.
    fn parsed(&self, symbol: &str) -> Option<String> {
        let filled = self
            .url
            .replace("{language}", &self.language)
            .replace("{symbol}", symbol);
        url::Url::parse(&filled).ok().map(|u| u.to_string())
    }
}

/// Whether a symbol holds only what a URL's path keeps as it is: letters,
/// digits, `/ ( ) . , _ -`, and no `.` or `..` segment.
fn is_plain(symbol: &str) -> bool {
    let allowed = |b: u8| b.is_ascii_alphanumeric() || b"/().,_-".contains(&b);
    !symbol.is_empty()
        && symbol.bytes().all(allowed)
        && symbol.split('/').all(|s| s != "." && s != "..")
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    title: Option<String>,
    description: Option<String>,
    base_url: Option<String>,
    language: Option<String>,
    languages: Option<Vec<String>>,
    theme: Option<String>,
    highlight_theme: Option<String>,
    output_dir: Option<PathBuf>,
    #[serde(default)]
    bodies: BTreeMap<String, BodyFile>,
    extra: Option<serde_yaml::Value>,
    document_links: Option<DocumentLinksFile>,
    outputs: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentLinksFile {
    url: Option<String>,
    language: Option<String>,
}

/// A body as `bodies:` in config.yaml and the built-in registry
/// (`src/bodies.yaml`) write it; what is not set is the built-in's, or the
/// default.
#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
struct BodyFile {
    name: Option<String>,
    short_names: Option<Vec<String>>,
    symbol: Option<String>,
    cited_as: Option<String>,
    permalink: Option<String>,
    session_permalink: Option<String>,
    former_permalinks: Option<Vec<String>>,
    session_label: Option<String>,
    decision_symbol: Option<String>,
    akn: Option<String>,
    roman_sessions: Option<bool>,
    every_member_state: Option<bool>,
    first_session: Option<u32>,
    committees: Option<Vec<String>>,
    names: Option<BTreeMap<String, Vec<String>>>,
}

impl BodyFile {
    /// These settings, with `base`'s where these are silent.
    fn over(self, base: BodyFile) -> BodyFile {
        BodyFile {
            name: self.name.or(base.name),
            short_names: self.short_names.or(base.short_names),
            symbol: self.symbol.or(base.symbol),
            cited_as: self.cited_as.or(base.cited_as),
            permalink: self.permalink.or(base.permalink),
            session_permalink: self.session_permalink.or(base.session_permalink),
            former_permalinks: self.former_permalinks.or(base.former_permalinks),
            session_label: self.session_label.or(base.session_label),
            decision_symbol: self.decision_symbol.or(base.decision_symbol),
            akn: self.akn.or(base.akn),
            roman_sessions: self.roman_sessions.or(base.roman_sessions),
            every_member_state: self.every_member_state.or(base.every_member_state),
            first_session: self.first_session.or(base.first_session),
            committees: self.committees.or(base.committees),
            // A site naming the body in one more language keeps the
            // registry's other languages.
            names: match (self.names, base.names) {
                (Some(mut own), Some(built_in)) => {
                    for (language, forms) in built_in {
                        own.entry(language).or_insert(forms);
                    }
                    Some(own)
                }
                (own, built_in) => own.or(built_in),
            },
        }
    }
}

/// The archive's languages, the default first, from `language` and
/// `languages` (each ISO 639-1, two lower-case letters).
fn languages(
    language: Option<String>,
    languages: Option<Vec<String>>,
) -> Result<Vec<String>, String> {
    let list = match (language, languages) {
        (_, Some(list)) if list.is_empty() => return Err("`languages` names none".to_string()),
        (Some(one), Some(list)) if list[0] != one => {
            return Err(format!(
                "`language` is `{one}` but `languages` starts with `{}`; the first of `languages` is the default",
                list[0]
            ))
        }
        (_, Some(list)) => list,
        (one, None) => vec![one.unwrap_or_else(|| "en".to_string())],
    };
    for (k, code) in list.iter().enumerate() {
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(format!(
                "`{code}` is not a language code; write ISO 639-1 codes (`en`, `fr`, `zh`)"
            ));
        }
        if list[..k].contains(code) {
            return Err(format!("`{code}` is named twice"));
        }
    }
    Ok(list)
}

/// The registry of the bodies every archive knows, as data.
const BUILT_IN_BODIES: &str = include_str!("bodies.yaml");

impl Config {
    /// Reads `config.yaml` from the archive root; without one, every
    /// setting takes its default.
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let path = root.join(CONFIG_FILE);
        let shown = PathBuf::from(CONFIG_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(Diagnostic::error(&shown, 0, format!("cannot read: {e}"))),
        };
        Config::parse(&text, &shown)
    }

    /// Parses the text of a config file; `path` is used in diagnostics.
    pub fn parse(text: &str, path: &Path) -> Result<Config, Diagnostic> {
        let file: ConfigFile = if text.trim().is_empty() {
            ConfigFile::default()
        } else {
            yaml::parse(text, path, 1)?
        };
        let line_of = |key: &str| yaml::key_line(text, key).unwrap_or(1);
        let base_url = file
            .base_url
            .unwrap_or_else(|| "http://127.0.0.1:1111/".to_string());
        let (base_url, base_path) = split_base_url(&base_url)
            .map_err(|m| Diagnostic::error(path, line_of("base_url"), m))?;
        let mut registry = built_in_bodies()?;
        for (key, body) in file.bodies {
            match registry.iter_mut().find(|(k, _)| *k == key) {
                Some((_, built_in)) => *built_in = body.over(std::mem::take(built_in)),
                None => registry.push((key, body)),
            }
        }
        let bodies = registry
            .into_iter()
            .map(|(key, body)| {
                body_from_file(&key, body).map_err(|m| Diagnostic::error(path, line_of(&key), m))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let extra = match file.extra {
            Some(v) => serde_json::to_value(v).map_err(|e| {
                Diagnostic::error(
                    path,
                    line_of("extra"),
                    format!("`extra` cannot be used: {e}"),
                )
            })?,
            None => serde_json::Value::Object(Default::default()),
        };
        let links = file.document_links.unwrap_or(DocumentLinksFile {
            url: None,
            language: None,
        });
        let document_links = DocumentLinks {
            url: links
                .url
                .unwrap_or_else(|| "https://undocs.org/{language}/{symbol}".to_string()),
            language: links.language.unwrap_or_else(|| "en".to_string()),
            plain: std::sync::OnceLock::new(),
        };
        if document_links.url_for("A/RES/1/1").is_none() || !document_links.url.contains("{symbol}")
        {
            return Err(Diagnostic::error(
                path,
                line_of("document_links"),
                format!(
                    "document_links.url `{}` must be an absolute URL containing {{symbol}}",
                    document_links.url
                ),
            ));
        }
        let outputs = file.outputs.clone().map_or(Outputs::All, Outputs::Named);
        let mut warnings = Vec::new();
        let mut mended = |key: &str, value: String| {
            let Some(c) = value.chars().find(|&c| crate::text::forbidden_in_xml(c)) else {
                return value;
            };
            warnings.push(Diagnostic::warning(
                path,
                line_of(key),
                format!(
                    "`{key}` holds the character {}, which XML forbids; the site shows U+FFFD (\u{fffd}) in its place",
                    crate::text::codepoint(c)
                ),
            ));
            crate::text::xml_safe(&value).into_owned()
        };
        let title = mended(
            "title",
            file.title.unwrap_or_else(|| "Resolutions".to_string()),
        );
        let description = mended("description", file.description.unwrap_or_default());
        let languages = languages(file.language, file.languages)
            .map_err(|m| Diagnostic::error(path, line_of("languages"), m))?;
        Ok(Config {
            document_links,
            outputs,
            warnings,
            title,
            description,
            base_url,
            base_path,
            language: languages[0].clone(),
            languages,
            theme: file.theme.unwrap_or_else(|| "default".to_string()),
            highlight_theme: file
                .highlight_theme
                .unwrap_or_else(|| "InspiredGitHub".to_string()),
            output_dir: file.output_dir.unwrap_or_else(|| PathBuf::from("public")),
            bodies,
            extra,
            text: text.to_string(),
        })
    }

    /// Replaces the base URL (from `--base-url`).
    pub(crate) fn set_base_url(&mut self, url: &str) -> Result<(), String> {
        let (base_url, base_path) = split_base_url(url)?;
        self.base_url = base_url;
        self.base_path = base_path;
        Ok(())
    }

    // Every address the site gives out is made by the three below: the
    // base path and base URL are applied here and nowhere else.

    /// A site path (`/ga/76/10/`) as the full address readers cite
    /// (`https://example.org/archive/ga/76/10/`).
    pub(crate) fn absolute(&self, site_path: &str) -> String {
        crate::urls::under_base(&self.base_url, site_path)
    }

    /// A site path as a link that works under the base path
    /// (`/archive/ga/76/10/`).
    pub(crate) fn link(&self, site_path: &str) -> String {
        crate::urls::under_base(&self.base_path, site_path)
    }

    /// A link to a page, or to one of its paragraphs (`/archive/ga/76/10/#op3`).
    pub(crate) fn link_to(&self, site_path: &str, anchor: Option<&str>) -> String {
        let page = self.link(site_path);
        match anchor {
            Some(a) => format!("{page}#{a}"),
            None => page,
        }
    }

    /// The line of config.yaml that sets `key`, or 0 when it is not set.
    pub(crate) fn line_of(&self, key: &str) -> usize {
        yaml::key_line(&self.text, key).unwrap_or(0)
    }

    pub fn body(&self, key: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.key == key)
    }

    /// The body whose full name is `name` (case-insensitive).
    pub(crate) fn body_named(&self, name: &str) -> Option<&Body> {
        self.bodies
            .iter()
            .find(|b| b.name.eq_ignore_ascii_case(name.trim()))
    }
}

/// The built-in registry, in its order.
fn built_in_bodies() -> Result<Vec<(String, BodyFile)>, Diagnostic> {
    let file = Path::new("src/bodies.yaml");
    let map: serde_yaml::Mapping = yaml::parse(BUILT_IN_BODIES, file, 1)?;
    map.into_iter()
        .map(|(key, value)| {
            let key = key.as_str().unwrap_or_default().to_string();
            let body = serde_yaml::from_value(value).map_err(|e| {
                let line = yaml::key_line(BUILT_IN_BODIES, &key).unwrap_or(0);
                Diagnostic::error(file, line, format!("body `{key}`: {e}"))
            })?;
            Ok((key, body))
        })
        .collect()
}

fn body_from_file(key: &str, f: BodyFile) -> Result<Body, String> {
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(format!(
            "body key `{key}` must be lower-case letters, digits and `-` (it is used in URLs)"
        ));
    }
    let name = f
        .name
        .ok_or_else(|| format!("body `{key}` needs a `name` (as its opening line writes it)"))?;
    let symbol_text = f.symbol.ok_or_else(|| {
        format!("body `{key}` needs a `symbol` (as `A/RES/{{session}}/{{number}}`)")
    })?;
    let symbol = Pattern::parse(&symbol_text).map_err(|e| format!("body `{key}`, symbol: {e}"))?;
    require(&symbol, Placeholder::Number, key, "symbol")?;
    let cited_as = Pattern::parse(f.cited_as.as_deref().unwrap_or("{session}/{number}"))
        .map_err(|e| format!("body `{key}`, cited_as: {e}"))?;
    require(&cited_as, Placeholder::Number, key, "cited_as")?;
    let default_permalink = if symbol.has(Placeholder::Session) {
        format!("/{key}/{{session}}/{{number}}/")
    } else {
        format!("/{key}/{{number}}/")
    };
    let permalink = url_pattern(
        f.permalink.as_deref().unwrap_or(&default_permalink),
        key,
        "permalink",
    )?;
    require(&permalink, Placeholder::Number, key, "permalink")?;
    let default_listing = if permalink.has(Placeholder::Session) {
        format!("/{key}/{{session}}/")
    } else {
        format!("/{key}/year/{{session}}/")
    };
    let session_permalink = url_pattern(
        f.session_permalink.as_deref().unwrap_or(&default_listing),
        key,
        "session_permalink",
    )?;
    require(
        &session_permalink,
        Placeholder::Session,
        key,
        "session_permalink",
    )?;
    if session_permalink.has(Placeholder::Number) {
        return Err(format!(
            "body `{key}`, session_permalink: `{{number}}` has no meaning here"
        ));
    }
    let former_permalinks = (f.former_permalinks.unwrap_or_default().iter())
        .map(|p| {
            let pattern = url_pattern(p, key, "former_permalinks")?;
            require(&pattern, Placeholder::Number, key, "former_permalinks")?;
            Ok(pattern)
        })
        .collect::<Result<Vec<_>, String>>()?;
    let decision_symbol = match &f.decision_symbol {
        Some(d) => {
            Some(Pattern::parse(d).map_err(|e| format!("body `{key}`, decision_symbol: {e}"))?)
        }
        None => None,
    };
    Ok(Body {
        decision_symbol,
        key: key.to_string(),
        akn: f.akn.unwrap_or_else(|| format!("un{key}")),
        roman_sessions: f.roman_sessions.unwrap_or(false),
        every_member_state: f.every_member_state.unwrap_or(false),
        first_session: f.first_session,
        committees: f.committees.unwrap_or_default(),
        names: f.names.unwrap_or_default(),
        name,
        short_names: f.short_names.unwrap_or_default(),
        symbol,
        cited_as,
        permalink,
        session_permalink,
        former_permalinks,
        session_label: f.session_label.unwrap_or_else(|| "Session".to_string()),
    })
}

fn url_pattern(text: &str, key: &str, field: &str) -> Result<Pattern, String> {
    let shown = crate::diagnostics::printable(text);
    if !text.starts_with('/') || !text.ends_with('/') {
        return Err(format!(
            "body `{key}`, {field}: `{shown}` must start and end with `/`"
        ));
    }
    let pattern = Pattern::parse(text).map_err(|e| format!("body `{key}`, {field}: {e}"))?;
    // Filled with any number, the literal parts must stay inside the site.
    let sample = pattern.fill_slugs(Values {
        body: key,
        session: "1",
        number: "1",
    });
    crate::output::file_for(&sample).map_err(|e| {
        format!("body `{key}`, {field}: `{shown}` cannot be an address of the site: {e}")
    })?;
    Ok(pattern)
}

fn require(p: &Pattern, what: Placeholder, key: &str, field: &str) -> Result<(), String> {
    if p.has(what) {
        Ok(())
    } else {
        Err(format!(
            "body `{key}`, {field}: `{p}` must contain `{what}`"
        ))
    }
}

/// Splits a base URL into its normalised absolute form and its path.
fn split_base_url(text: &str) -> Result<(String, String), String> {
    let parsed = url::Url::parse(text.trim())
        .map_err(|e| format!("base_url `{text}` is not an absolute URL: {e}"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(format!("base_url `{text}` must use http or https"));
    }
    let mut path = parsed.path().to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    let mut base = parsed;
    base.set_path(&path);
    base.set_query(None);
    base.set_fragment(None);
    Ok((base.to_string(), path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Diagnostic> {
        Config::parse(text, Path::new("config.yaml"))
    }

    #[test]
    fn languages_the_default_first() {
        let c = parse("languages: [en, fr, ar]\n").unwrap();
        assert_eq!((c.language.as_str(), c.languages.len()), ("en", 3));
        assert_eq!(parse("language: fr\n").unwrap().languages, ["fr"]);
        for bad in [
            "languages: []\n",
            "languages: [en, en]\n",
            "languages: [english]\n",
            "language: fr\nlanguages: [en, fr]\n",
        ] {
            let e = parse(bad).unwrap_err();
            let line = bad.lines().position(|l| l.starts_with("languages"));
            assert_eq!(Some(e.line), line.map(|l| l + 1), "{bad}: {e}");
        }
    }

    #[test]
    fn defaults_cover_the_four_bodies() {
        let c = parse("title: T\n").unwrap();
        let keys: Vec<_> = c.bodies.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["ga", "ecosoc", "sc", "hrc"]);
        assert_eq!(c.body("sc").unwrap().permalink.to_string(), "/sc/{number}/");
        assert_eq!(
            c.body("ga").unwrap().permalink.to_string(),
            "/ga/{session}/{number}/"
        );
        assert_eq!(
            c.body("sc").unwrap().session_permalink.to_string(),
            "/sc/year/{session}/"
        );
    }

    #[test]
    fn documents_link_to_the_un_document_system() {
        let c = parse("").unwrap();
        assert_eq!(
            c.document_links.url_for("S/RES/242 (1967)").unwrap(),
            "https://undocs.org/en/S/RES/242(1967)"
        );
        assert_eq!(
            c.document_links.url_for("A/51/3 (Part I)").unwrap(),
            "https://undocs.org/en/A/51/3(Part%20I)"
        );
        let c = parse("document_links:\n  language: fr\n").unwrap();
        assert_eq!(
            c.document_links.url_for("A/RES/1/1").unwrap(),
            "https://undocs.org/fr/A/RES/1/1"
        );
    }

    #[test]
    fn a_plain_symbol_gets_the_address_a_url_parser_gives() {
        let symbols = [
            "A/RES/76/10",
            "S/RES/2334(2016)",
            "A/HRC/RES/56/2",
            "E/2019/L.3",
            "UNEP/EA.6/Res.3",
            "A/74/PV.50",
            "A/./x",
            "A/../../x",
            "a-b_c,d",
        ];
        for config in [
            "",
            "document_links:\n  url: https://Docs.Example.org/{language}/{symbol}?x=1\n",
            "document_links:\n  url: https://example.org/find?s={symbol}\n",
            "document_links:\n  url: https://example.org/{symbol}/view\n  language: fr\n",
        ] {
            let links = parse(config).unwrap().document_links;
            for symbol in symbols {
                assert_eq!(
                    links.url_for(symbol),
                    links.parsed(symbol),
                    "{config} {symbol}"
                );
                // As the UN writes it: no space before a bracket, no part.
                let spaced = format!("{} (2016) B", symbol);
                let unspaced = format!("{}(2016)", symbol);
                assert_eq!(
                    links.url_for(&spaced),
                    links.parsed(&unspaced),
                    "{config} {spaced}"
                );
            }
        }
    }

    #[test]
    fn base_url_with_subpath_gives_base_path() {
        let c = parse("base_url: https://user.github.io/archive\n").unwrap();
        assert_eq!(c.base_url, "https://user.github.io/archive/");
        assert_eq!(c.base_path, "/archive/");
    }

    #[test]
    fn unknown_key_is_an_error_with_its_line() {
        let e = parse("title: T\ncolour: red\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.message.contains("unknown field `colour`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_site_can_add_a_body() {
        let c = parse(
            "bodies:\n  unea:\n    name: United Nations Environment Assembly\n    symbol: UNEP/EA.{session}/Res.{number}\n",
        )
        .unwrap();
        let b = c.body("unea").unwrap();
        assert_eq!(b.permalink.to_string(), "/unea/{session}/{number}/");
        assert_eq!(c.bodies.len(), 5);
    }

    #[test]
    fn bad_permalink_names_the_body_and_line() {
        let e = parse("bodies:\n  ga:\n    name: GA\n    symbol: A/RES/{session}/{number}\n    permalink: ga/{number}\n")
            .unwrap_err();
        assert!(
            e.message.contains("must start and end with `/`"),
            "{}",
            e.message
        );
        assert_eq!(e.line, 2);
    }
}
