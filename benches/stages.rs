//! Each stage, timed alone on every golden fixture (`tests/fixtures/`):
//! `guarded-parse/<fixture>` (the crate's parse within its budgets), `index/<fixture>`, `metadata/<fixture>`, `clean/<fixture>`, `score/<fixture>` and
//! `blocks/<fixture>`, each stage's input prepared before timing. `benches/extract.rs` times
//! the parse and the full extraction of the same pages, `benches/corpus.rs` all of these over
//! the corpus sample.
//!
//! Times are the benchmark thread's CPU time ([`support::ThreadTime`]), so other processes on
//! the machine do not inflate them.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use support::{Step, ThreadTime};

fn stages(c: &mut Criterion<ThreadTime>) {
    let fixtures = support::fixtures();
    if fixtures.is_empty() {
        eprintln!("no fixtures under tests/fixtures: stage benchmarks skipped");
        return;
    }
    for step in [
        Step::GuardedParse,
        Step::Index,
        Step::Metadata,
        Step::Clean,
        Step::Score,
        Step::Blocks,
    ] {
        let mut group = c.benchmark_group(step.name());
        for page in &fixtures {
            support::bench_step(&mut group, &page.name, std::slice::from_ref(page), step);
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = stages
}
criterion_main!(benches);
