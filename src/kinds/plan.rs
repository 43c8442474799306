//! The plan of a site: every file of every kind the build writes, with
//! its address and its file in the output folder, and any two things that
//! want one file reported before anything is written.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Each, Registry};
use crate::config::Config;
use crate::diagnostics::{printable, Diagnostics};
use crate::output::{self, Claims, ClashKind, MARKER, NOJEKYLL};
use crate::site::{Facet, For, Output, Planned, Site};

/// Files and folders of the site that are not outputs of the archive.
/// Each claims its place, so an alias or a page that wants it is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Claimant<'a> {
    Planned(usize),
    /// A theme's or the site's static file, by name (`style.css`).
    Static(&'a str),
    /// A file or folder the build writes itself, described.
    Generated(&'static str),
}

/// What the build writes beside the outputs: (file, description).
const GENERATED_FILES: [(&str, &str); 2] = [
    (NOJEKYLL, "the .nojekyll file GitHub Pages reads"),
    (MARKER, "plenary's marker file"),
];

/// Plans the site: [`Site::outputs`] and [`Site::kinds`].
pub fn plan(
    registry: &Registry,
    config: &Config,
    site: &mut Site,
    statics: &[&str],
    diags: &mut Diagnostics,
) {
    site.outputs = outputs(registry, config, site, statics, diags);
    // A kind the site has: asked for, and with a file to write (an
    // archive without recorded votes has no page of member states).
    let planned: std::collections::BTreeSet<&str> = site
        .outputs
        .iter()
        .filter_map(|p| registry.kind(p.output.form).map(|k| k.name))
        .collect();
    site.kinds = registry
        .all()
        .map(|k| {
            (
                k.name,
                config.outputs.has(k.name) && planned.contains(k.name),
            )
        })
        .collect();
}

/// Every output of the kinds `config` writes, in a stable order: the
/// site's own, then each body with its sessions and their agendas, each
/// subject, committee and agenda item, each
/// resolution with its companions, each page, and last the parts that
/// depend on the whole plan. Reports an address that cannot be a file of
/// the site, and any two things that want one file. `statics` names the
/// static files the theme and the site's `static/` folder copy in.
fn outputs(
    registry: &Registry,
    config: &Config,
    site: &Site,
    statics: &[&str],
    diags: &mut Diagnostics,
) -> Vec<Planned> {
    let mut planned: Vec<(String, Output, bool)> = Vec::new();
    let mut add = |each: Each, of: For| {
        for (id, form) in registry.forms(config).filter(|(_, f)| f.each == each) {
            for (part, path) in (form.paths)(config, site, of).into_iter().enumerate() {
                let output = Output { form: id, of, part };
                planned.push((path, output, form.listed));
            }
        }
    };
    add(Each::Site, For::Site);
    for (b, body) in site.bodies.iter().enumerate() {
        add(Each::Body, For::Body(b));
        for s in 0..body.sessions.len() {
            add(Each::Session, For::Session(b, s));
            add(Each::Agenda, For::Agenda(b, s));
        }
    }
    for facet in Facet::ALL {
        for k in 0..site.topics(facet).len() {
            add(Each::Topic, For::Topic(facet, k));
        }
    }
    for i in 0..site.entries.len() {
        add(Each::Resolution, For::Resolution(i));
    }
    for v in 0..site.versions.len() {
        add(Each::Version, For::Version(v));
    }
    for j in 0..site.pages.len() {
        add(Each::Page, For::Page(j));
    }
    for k in 0..site.states.len() {
        add(Each::State, For::State(k));
    }
    let listed = planned.iter().filter(|(_, _, listed)| *listed).count();
    for (id, form) in registry.forms(config) {
        let Some(more) = form.more else { continue };
        let first = planned.iter().filter(|(_, o, _)| o.form == id).count();
        for (k, path) in more(listed).into_iter().enumerate() {
            let output = Output {
                form: id,
                of: For::Site,
                part: first + k,
            };
            planned.push((path, output, form.listed));
        }
    }
    // One bad number spoils a page and all its companions: say it once
    // per source.
    let mut told = HashSet::new();
    let planned: Vec<Planned> = planned
        .into_iter()
        .filter_map(|(path, output, listed)| match output::file_for(&path) {
            Ok(file) => Some(Planned {
                path,
                file,
                output,
                listed,
            }),
            Err(e) => {
                let (file, line) = source_of(site, &output).unwrap_or_default();
                if !told.insert(file.clone()) && !file.as_os_str().is_empty() {
                    return None;
                }
                diags.error(
                    &file,
                    line,
                    format!(
                        "{} cannot be published at `{}`: {e}",
                        registry.describe(config, site, &output),
                        printable(&path)
                    ),
                );
                None
            }
        })
        .collect();
    check_claims(registry, config, site, &planned, statics, diags);
    planned
}

/// The source file an output is made from, if any, with a line.
pub(crate) fn source_of(site: &Site, o: &Output) -> Option<(PathBuf, usize)> {
    match o.of {
        For::Resolution(i) => site
            .entries
            .get(i)
            .map(|e| (e.resolution.source.clone(), 1)),
        For::Page(j) => site.pages.get(j).map(|p| (p.source.clone(), 1)),
        For::Version(_) => (site.version_for(o.of)).map(|v| (v.entry.resolution.source.clone(), 1)),
        _ => None,
    }
}

/// Reports every two claimants of one file, or of a file and a folder it
/// needs.
fn check_claims(
    registry: &Registry,
    config: &Config,
    site: &Site,
    planned: &[Planned],
    statics: &[&str],
    diags: &mut Diagnostics,
) {
    let mut claims = Claims::default();
    for (name, what) in GENERATED_FILES {
        if let Ok(file) = output::file_for(&format!("/{name}")) {
            claims.file(file, Claimant::Generated(what));
        }
    }
    let languages = site.languages(config);
    for fills in registry.kinds(config).filter_map(|k| k.fills.as_ref()) {
        let by = Claimant::Generated(fills.what);
        for language in &languages {
            let at = crate::urls::in_language(&config.language, language, fills.folder);
            for name in fills.files {
                if let Ok(file) = output::file_for(&format!("{at}{name}")) {
                    claims.file(file, by);
                }
            }
            for name in fills.folders {
                claims.folder(format!("{at}{name}").trim_matches('/'), by);
            }
        }
    }
    for name in statics {
        match output::file_for(&format!("/{name}")) {
            Ok(file) => claims.file(file, Claimant::Static(name)),
            Err(e) => diags.error(
                Path::new(crate::load::SITE_STATIC).join(name).as_path(),
                0,
                format!("this static file cannot be published: {e}"),
            ),
        }
    }
    for (i, p) in planned.iter().enumerate() {
        claims.file(p.file.clone(), Claimant::Planned(i));
    }
    let output = |c: Claimant| match c {
        Claimant::Planned(i) => planned.get(i).map(|p| &p.output),
        _ => None,
    };
    for clash in claims.clashes() {
        if let (Some(a), Some(b)) = (output(clash.first), output(clash.second)) {
            if same_symbol(site, a, b) {
                continue;
            }
        }
        let (file, line) = [clash.second, clash.first]
            .into_iter()
            .find_map(|c| output(c).and_then(|o| source_of(site, o)))
            .unwrap_or_default();
        let name = |c: Claimant| match c {
            Claimant::Planned(i) => planned
                .get(i)
                .map_or_else(String::new, |p| registry.describe(config, site, &p.output)),
            Claimant::Static(n) => format!("the static file {n}"),
            Claimant::Generated(what) => what.to_string(),
        };
        let (first, second) = (name(clash.first), name(clash.second));
        let at = printable(&clash.at);
        let message = match clash.kind {
            ClashKind::SameFile => {
                let address = |c: Claimant| match c {
                    Claimant::Planned(i) => planned.get(i).map(|p| printable(&p.path)),
                    _ => None,
                };
                let (a, b) = (address(clash.first), address(clash.second));
                // `/x/` and `/x/index.html` are two addresses of one file.
                let file = if a.is_some() && a == b {
                    String::new()
                } else {
                    format!(" (the file {at})")
                };
                let shown = b.or(a).unwrap_or_else(|| format!("/{at}"));
                format!("{first} and {second} would both be published at {shown}{file}")
            }
            ClashKind::FileAsFolder => format!(
                "{second} would need /{at} to be a folder, but {first} is published there as a file"
            ),
            ClashKind::InsideFolder => {
                format!("{second} would be published inside /{at}/, which {first} fills")
            }
        };
        diags.error(&file, line, message);
    }
}

/// Two files of one form for two resolutions with one symbol: that the
/// symbol is taken twice is reported once, by the site.
fn same_symbol(site: &Site, a: &Output, b: &Output) -> bool {
    let symbol = |o: &Output| {
        let e = site.entry_for(o.of)?;
        Some(&e.resolution.meta.symbol)
    };
    a.form == b.form && symbol(a).is_some() && symbol(a) == symbol(b)
}
