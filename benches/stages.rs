//! Per-stage micro-benchmarks on the reference resolution (E/RES/1997/2), so
//! a regression shows in the stage that caused it: parsing, citation
//! recognition, and rendering its page. `cargo bench --bench stages`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use plenary::cite::{self, Recogniser};
use plenary::config::Config;
use plenary::diagnostics::Diagnostics;
use plenary::kinds::{self, Registry};
use plenary::load::source_from_bytes;
use plenary::markdown::visible_text;
use plenary::render::{theme::Theme, Renderer};
use plenary::resolution::{self, Resolution};
use plenary::site::Site;

const REFERENCE: &str = include_str!("../content/ecosoc/1997/2.md");
const PATH: &str = "ecosoc/1997/2.md";

fn config() -> Config {
    Config::parse("", Path::new("config.yaml")).expect("default config")
}

fn parsed(config: &Config) -> Resolution {
    let source = source_from_bytes(Path::new(PATH), REFERENCE.as_bytes()).expect("reference");
    resolution::parse(&source, config)
        .0
        .expect("the reference parses")
}

fn parse(c: &mut Criterion) {
    let config = config();
    c.bench_function(
        "parse reference resolution (read, front matter, structure)",
        |b| {
            b.iter(|| {
                let source = source_from_bytes(Path::new(PATH), black_box(REFERENCE.as_bytes()));
                resolution::parse(&source.expect("reference"), &config)
            })
        },
    );
}

fn recognise(c: &mut Criterion) {
    let config = config();
    let recogniser = Recogniser::new(&config);
    let r = parsed(&config);
    let texts: Vec<String> = r.blocks.iter().map(|b| visible_text(&b.text)).collect();
    c.bench_function(
        "recognise citations in every paragraph of the reference",
        |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| recogniser.recognise(black_box(t), "ecosoc").len())
                    .sum::<usize>()
            })
        },
    );
    c.bench_function(
        "find citations in the reference (Markdown to text, recognise)",
        |b| b.iter(|| cite::find(black_box(&r), &recogniser)),
    );
}

fn render(c: &mut Criterion) {
    let config = config();
    let (mut site, _) = Site::assemble(&config, vec![Arc::new(parsed(&config))], Vec::new());
    let registry = Registry::builtin();
    kinds::plan(
        &registry,
        &config,
        &mut site,
        &[],
        &mut Diagnostics::default(),
    );
    let recogniser = Recogniser::new(&config);
    let (links, _) = cite::link(&site, &recogniser);
    let theme = Theme::load(Path::new("."), &config, false).expect("default theme");
    let renderer = Renderer::new(
        &theme,
        Path::new("."),
        &config,
        &site,
        (&links, &recogniser),
        Vec::new(),
    )
    .expect("renderer");
    let page = site
        .outputs
        .iter()
        .find(|p| p.output.of.entry().is_some() && p.path.ends_with('/') && p.listed)
        .expect("a resolution page");
    c.bench_function("render the reference resolution's page", |b| {
        b.iter(|| {
            registry
                .render(&renderer, black_box(page))
                .expect("renders")
        })
    });
}

criterion_group!(stages, parse, recognise, render);
criterion_main!(stages);
