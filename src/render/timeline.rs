//! The home page's timeline: resolutions adopted per year, per body, as an
//! inline SVG drawn at build time (no script, prints and scales).

use pulldown_cmark_escape::escape_html;
use std::collections::BTreeMap;
use std::fmt::Write;

use crate::config::Config;
use crate::site::Site;

const HEIGHT: u32 = 120;
const BAR: u32 = 8;
const GAP: u32 = 2;
const LEFT: u32 = 36;
const BOTTOM: u32 = 20;
/// How wide a year label is drawn, in the drawing's units (9px type).
const LABEL_WIDTH: u32 = 28;
/// Mid-tone fills, readable on the light and the dark background alike.
const FILLS: &[&str] = &[
    "#3b7dd8", "#d9822b", "#3aa76d", "#a05ec8", "#c94f4f", "#7f8c8d",
];

/// The SVG, or nothing when no resolution has an adoption date.
pub fn svg(config: &Config, site: &Site) -> String {
    let counts = per_year(site);
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().last()) else {
        return String::new();
    };
    let most = counts
        .values()
        .map(|by_body| by_body.iter().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let years = u32::from(last - first) + 1;
    let width = LEFT + years * (BAR + GAP);
    let names: Vec<&str> = site
        .bodies
        .iter()
        .map(|b| {
            config
                .body(&b.key)
                .map_or(b.key.as_str(), |c| c.name.as_str())
        })
        .collect();
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = draw(&mut out, &counts, &names, (first, last, most, width));
    out
}

/// Year → resolutions adopted in it, per body (in `site.bodies` order).
fn per_year(site: &Site) -> BTreeMap<u16, Vec<usize>> {
    let mut counts: BTreeMap<u16, Vec<usize>> = BTreeMap::new();
    for e in &site.entries {
        let Some(date) = e.resolution.meta.adopted else {
            continue;
        };
        let Some(b) = site
            .bodies
            .iter()
            .position(|b| b.key == e.resolution.meta.body)
        else {
            continue;
        };
        let row = counts
            .entry(date.year)
            .or_insert_with(|| vec![0; site.bodies.len()]);
        row[b] += 1;
    }
    counts
}

fn draw(
    out: &mut String,
    counts: &BTreeMap<u16, Vec<usize>>,
    names: &[&str],
    (first, last, most, width): (u16, u16, usize, u32),
) -> std::fmt::Result {
    let total: usize = counts.values().flatten().sum();
    write!(
        out,
        "<svg class=\"timeline\" viewBox=\"0 0 {width} {}\" role=\"img\" aria-labelledby=\"timeline-title\">\
         <title id=\"timeline-title\">Resolutions adopted per year, {first}–{last}: {total} in all</title>",
        HEIGHT + BOTTOM
    )?;
    writeln!(
        out,
        "<text x=\"0\" y=\"10\" class=\"axis\">{most}</text><text x=\"0\" y=\"{HEIGHT}\" class=\"axis\">0</text>"
    )?;
    for (&year, by_body) in counts {
        let x = LEFT + u32::from(year - first) * (BAR + GAP);
        let mut top = HEIGHT;
        for (b, &n) in by_body.iter().enumerate().filter(|(_, &n)| n > 0) {
            let h = ((n * HEIGHT as usize).div_ceil(most)) as u32;
            top = top.saturating_sub(h);
            write!(
                out,
                "<rect x=\"{x}\" y=\"{top}\" width=\"{BAR}\" height=\"{h}\" fill=\"{}\"><title>{year}, ",
                FILLS[b % FILLS.len()]
            )?;
            escape_html(&mut *out, names.get(b).copied().unwrap_or(""))?;
            writeln!(out, ": {n}</title></rect>")?;
        }
        // The last year ends at its bar's right edge, inside the drawing
        // (a phone shows the whole width); a decade too near the first or
        // the last year is left out rather than drawn over it.
        let apart = |a: u16, b: u16| u32::from(b - a) * (BAR + GAP) >= LABEL_WIDTH;
        let y = HEIGHT + BOTTOM - 4;
        if year == last && year != first {
            let end = x + BAR;
            writeln!(
                out,
                "<text x=\"{end}\" y=\"{y}\" text-anchor=\"end\" class=\"axis\">{year}</text>"
            )?;
        } else if year == first || (year % 10 == 0 && apart(first, year) && apart(year, last)) {
            writeln!(
                out,
                "<text x=\"{x}\" y=\"{y}\" class=\"axis\">{year}</text>"
            )?;
        }
    }
    out.push_str("</svg>\n<ul class=\"legend\">");
    for (b, name) in names.iter().enumerate() {
        write!(
            out,
            "<li><span class=\"swatch\" style=\"background:{}\"></span>",
            FILLS[b % FILLS.len()]
        )?;
        escape_html(&mut *out, name)?;
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    Ok(())
}
