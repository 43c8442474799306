//! `citations`: `citations.json`, the archive's citation graph, one
//! citation a line.

use std::hash::Hash;

use super::{one, Each, Form, Kind};
use crate::render::Renderer;

pub(crate) const KIND: Kind = Kind::new(
    "citations",
    "`citations.json`",
    &[Form::new(
        "citations.json",
        Each::Site,
        |_, _, of| one("/citations.json", of),
        |r, _| Ok(citations_json(r)),
        // Every resolution's citations, and its symbol.
        |f, _, h| {
            for (i, e) in f.site.entries.iter().enumerate() {
                (f.links.digest(i), &e.resolution.meta.symbol).hash(h);
            }
        },
    )],
);

/// One citation per line, so the file diffs well and streams.
fn citations_json(r: &Renderer) -> Vec<u8> {
    let records = r.links.records(r.site);
    let mut out = Vec::with_capacity(records.len() * 160 + 4);
    out.extend_from_slice(b"[");
    for (i, rec) in records.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        // Serialising plain strings and booleans cannot fail.
        let _ = serde_json::to_writer(&mut out, rec);
    }
    out.extend_from_slice(b"\n]\n");
    out
}
