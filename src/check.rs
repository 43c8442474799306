//! `plenary check`: the site's internal links, verified on the rendered
//! pages without writing them.

use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::LazyLock;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::text::built_in;

static HREF: LazyLock<Regex> = LazyLock::new(|| built_in(r#"\shref="([^"]*)""#));
static ID: LazyLock<Regex> = LazyLock::new(|| built_in(r#"\sid="([^"]*)""#));

/// What one rendered page links to and which fragments it offers.
#[derive(Debug, Default)]
pub struct PageLinks {
    /// Site path of the page (`/ga/76/10/`).
    pub path: String,
    /// The source file the page was made from, for diagnostics.
    pub source: Option<PathBuf>,
    pub ids: HashSet<String>,
    pub hrefs: Vec<String>,
}

impl PageLinks {
    /// Reads the links and ids of an HTML page. Attribute values are in
    /// double quotes: the theme's escaping guarantees it. Addresses with an
    /// escaped character (`&amp;` in a query) are left out: the site's own
    /// paths and anchors never need one.
    pub fn read(path: &str, source: Option<PathBuf>, html: &str) -> PageLinks {
        PageLinks {
            path: path.to_string(),
            source,
            ids: ID.captures_iter(html).map(|c| c[1].to_string()).collect(),
            hrefs: HREF
                .captures_iter(html)
                .map(|c| c[1].to_string())
                .filter(|h| !h.contains('&'))
                .collect(),
        }
    }
}

/// Errors for internal links whose page or fragment does not exist.
/// `files` are the other files of the site (style sheets, feeds).
pub(crate) fn verify(pages: &[PageLinks], files: &HashSet<String>, base_url: &str) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let by_path: HashMap<&str, &PageLinks> = pages.iter().map(|p| (p.path.as_str(), p)).collect();
    let Ok(base) = url::Url::parse(base_url) else {
        return diags;
    };
    for page in pages {
        let Ok(page_url) = base.join(page.path.trim_start_matches('/')) else {
            continue;
        };
        for href in &page.hrefs {
            let Ok(target) = page_url.join(href) else {
                report(&mut diags, page, href, "is not a valid address");
                continue;
            };
            if target.origin() != base.origin() {
                continue; // another site: not ours to check
            }
            let Some(rest) = target.path().strip_prefix(base.path()) else {
                report(&mut diags, page, href, "leads outside the site");
                continue;
            };
            let site_path = format!("/{rest}");
            match (by_path.get(site_path.as_str()), target.fragment()) {
                (Some(p), Some(f)) if !f.is_empty() && !p.ids.contains(f) => report(
                    &mut diags,
                    page,
                    href,
                    "points at an anchor the page does not have",
                ),
                (Some(_), _) => {}
                (None, _) if files.contains(&site_path) => {}
                (None, _) => report(
                    &mut diags,
                    page,
                    href,
                    "points at a page that does not exist",
                ),
            }
        }
    }
    diags
}

fn report(diags: &mut Diagnostics, page: &PageLinks, href: &str, what: &str) {
    let file = page
        .source
        .clone()
        .unwrap_or_else(|| PathBuf::from(page.path.trim_start_matches('/')));
    diags.push(Diagnostic::error(
        file,
        0,
        format!("the link `{href}` on {} {what}", page.path),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_missing_pages_and_anchors() {
        let pages = vec![
            PageLinks::read(
                "/ga/1/1/",
                None,
                r##"<p id="op1"><a href="#op1">a</a> <a href="/x/ga/1/2/#op9">b</a> <a href="/x/nowhere/">c</a> <a href="https://undocs.org/en/A">d</a> <a href="/x/style.css">e</a></p>"##,
            ),
            PageLinks::read("/ga/1/2/", None, r#"<p id="op1">x</p>"#),
        ];
        let files: HashSet<String> = ["/style.css".to_string()].into();
        let d = verify(&pages, &files, "https://example.org/x/").into_sorted();
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the link `/x/ga/1/2/#op9` on /ga/1/1/ points at an anchor the page does not have",
                "the link `/x/nowhere/` on /ga/1/1/ points at a page that does not exist"
            ]
        );
    }
}
