//! Benchmarks: parse-only against full extraction over the fixture pages.
//!
//! `parse/<fixture>` is `scraper::Html::parse_document` alone; `extract/<fixture>` is
//! `Extractor::extract_html`, which parses too, so the ratio of the two is what the pipeline
//! costs on top of html5ever. Pages are loaded and decoded once, before timing; throughput is
//! in bytes of HTML. Each iteration asserts a non-empty result, so `cargo bench -- --test`
//! (one iteration each) checks that every page still extracts. Timings go into dated notes,
//! never into assertions.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsprint::Extractor;
use scraper::Html;
use url::Url;

/// A fixture page, ready to be timed.
struct Page {
    name: String,
    html: String,
    url: Option<Url>,
}

/// What the benchmark reads from a fixture's `case.toml`.
#[derive(serde::Deserialize)]
struct Case {
    url: String,
    #[serde(default)]
    expect: Option<String>,
}

/// Every fixture that holds an article (a page expected to fail with `NoContent` measures
/// nothing about extraction and could not assert a non-empty result).
fn pages() -> Vec<Page> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut pages: Vec<Page> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.expect("a fixture directory entry").path())
        .filter(|path| path.is_dir())
        .filter_map(|path| {
            let case = std::fs::read_to_string(path.join("case.toml")).expect("case.toml");
            let case: Case = toml::from_str(&case).expect("a valid case.toml");
            if case.expect.as_deref().is_some_and(|e| e != "article") {
                return None;
            }
            let bytes = std::fs::read(path.join("source.html")).expect("source.html");
            let name = path.file_name()?.to_string_lossy().into_owned();
            Some(Page {
                name,
                html: decode(bytes),
                url: Url::parse(&case.url).ok(),
            })
        })
        .collect();
    pages.sort_by(|a, b| a.name.cmp(&b.name));
    pages
}

/// The fixtures are UTF-8 except the French page, saved in windows-1252 to test charset
/// detection; both timed functions take `&str`, so it is decoded here, outside the timing.
fn decode(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|error| {
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(error.as_bytes());
        text.into_owned()
    })
}

fn parse_and_extract(c: &mut Criterion) {
    let pages = pages();
    assert!(!pages.is_empty(), "no fixture pages to benchmark");
    let extractor = Extractor::new();

    let mut parse = c.benchmark_group("parse");
    for page in &pages {
        parse.throughput(Throughput::Bytes(page.html.len() as u64));
        parse.bench_function(&page.name, |b| {
            b.iter(|| {
                let document = Html::parse_document(black_box(&page.html));
                assert!(document.root_element().children().next().is_some());
                document
            });
        });
    }
    parse.finish();

    let mut extract = c.benchmark_group("extract");
    for page in &pages {
        extract.throughput(Throughput::Bytes(page.html.len() as u64));
        extract.bench_function(&page.name, |b| {
            b.iter(|| {
                let article = extractor
                    .extract_html(black_box(&page.html), page.url.as_ref())
                    .unwrap_or_else(|e| panic!("{}: {e}", page.name));
                assert!(!article.blocks.is_empty(), "{}: no blocks", page.name);
                article
            });
        });
    }
    extract.finish();
}

/// Short runs: the pages are small and the machine is shared, so a few seconds per page give
/// stable medians without tying up the CPU.
fn config() -> Criterion {
    Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = parse_and_extract
}
criterion_main!(benches);
