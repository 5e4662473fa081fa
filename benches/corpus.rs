//! Benchmarks over a fixed sample of the evaluation corpus (`../shared/corpus`, or
//! `NEWSPRINT_CORPUS`): one page in [`support::BENCH_EVERY`], in set and id order, loaded,
//! decompressed and decoded before timing. Each benchmark runs one step over the whole
//! sample per iteration: `parse/corpus` (a plain html5ever parse, the reference),
//! `guarded-parse/corpus` (the crate's parse within its budgets), `index/corpus`,
//! `metadata/corpus`, `clean/corpus`, `score/corpus`, `blocks/corpus` (each stage alone, its
//! input prepared beforehand) and `extract/corpus` (the full extraction, parse included). The
//! ratio `extract/corpus` ÷ `parse/corpus` is the figure tracked; the `speed` example gives
//! the same per page. Without a corpus the benchmarks are skipped.
//!
//! Times are the benchmark thread's CPU time ([`support::ThreadTime`]), so other processes on
//! the machine do not inflate them.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use support::{Step, ThreadTime};

fn corpus(c: &mut Criterion<ThreadTime>) {
    let dir = support::corpus_dir();
    let pages = support::corpus_sample(&dir, support::BENCH_EVERY);
    if pages.is_empty() {
        eprintln!("no corpus at {}: corpus benchmarks skipped", dir.display());
        return;
    }
    for step in [
        Step::Parse,
        Step::GuardedParse,
        Step::Index,
        Step::Metadata,
        Step::Clean,
        Step::Score,
        Step::Blocks,
        Step::Extract,
    ] {
        let mut group = c.benchmark_group(step.name());
        support::bench_step(&mut group, "corpus", &pages, step);
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = corpus
}
criterion_main!(benches);
