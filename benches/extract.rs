//! Benchmarks: parse-only against full extraction over the fixture pages.
//!
//! `parse/<fixture>` is `scraper::Html::parse_document` alone; `extract/<fixture>` is
//! `Extractor::extract_html`, which parses too, so the ratio of the two is what the pipeline
//! costs on top of html5ever. Pages are loaded and decoded once, before timing (the French
//! fixture is windows-1252, decoded the way the crate decodes any page); throughput is in
//! bytes of HTML. Each iteration asserts a non-empty result, so `cargo bench -- --test` (one
//! iteration each) checks that every page still extracts. Timings go into dated notes, never
//! into assertions. `benches/stages.rs` times each stage of the same pages alone,
//! `benches/corpus.rs` all of it over a sample of the corpus.
//!
//! Times are the benchmark thread's CPU time ([`support::ThreadTime`]), so other processes on
//! the machine do not inflate them.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use support::{Step, ThreadTime};

fn parse_and_extract(c: &mut Criterion<ThreadTime>) {
    let pages = support::fixtures();
    assert!(!pages.is_empty(), "no fixture pages to benchmark");
    for step in [Step::Parse, Step::Extract] {
        let mut group = c.benchmark_group(step.name());
        for page in &pages {
            support::bench_step(&mut group, &page.name, std::slice::from_ref(page), step);
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = parse_and_extract
}
criterion_main!(benches);
