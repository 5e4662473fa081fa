//! What the benchmarks share: the criterion settings and the pages they time, loaded and
//! decoded before any timing starts. Also compiled into the `speed` example, which measures
//! the same corpus sample page by page.

#![allow(dead_code)] // each bench binary uses its own part of this module

use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{BenchmarkGroup, Criterion, Throughput};
use newsprint::Extractor;
use newsprint::stages::{self, Content, Found, Indexed, Removals};
use scraper::Html;
use url::Url;

/// The corpus, relative to the crate root: `../shared/corpus` beside the repository.
pub const CORPUS_DIR: &str = "../shared/corpus";

/// The benchmarks time one page in this many of the corpus (in set and id order): about 80
/// pages and 18 MB of HTML, enough to mix every set and page size while one pass of each
/// stage stays under a second.
pub const BENCH_EVERY: usize = 32;

/// A page ready to be timed: decoded to text, with its URL as base.
pub struct Page {
    /// `<set>/<id>` for corpus pages, the directory name for fixtures.
    pub name: String,
    pub html: String,
    pub url: Option<Url>,
}

/// Short runs of thread CPU time: the machine is shared, so a few seconds per benchmark give
/// usable medians without tying up the CPU for long.
pub fn config() -> Criterion<ThreadTime> {
    Criterion::default()
        .with_measurement(ThreadTime)
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
}

/// Where the corpus is: `NEWSPRINT_CORPUS`, else [`CORPUS_DIR`] from the crate root.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("NEWSPRINT_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS_DIR),
        PathBuf::from,
    )
}

/// Every `every`-th page of the corpus at `root`, in set and id order; empty when there is
/// no corpus.
pub fn corpus_sample(root: &Path, every: usize) -> Vec<Page> {
    let mut dirs = Vec::new();
    for set in sorted_dirs(root) {
        dirs.extend(sorted_dirs(&set));
    }
    dirs.into_iter()
        .step_by(every.max(1))
        .filter_map(|dir| load_corpus_page(root, &dir))
        .collect()
}

fn sorted_dirs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn load_corpus_page(root: &Path, dir: &Path) -> Option<Page> {
    let compressed = std::fs::read(dir.join("page.html.gz")).ok()?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(compressed.as_slice())
        .read_to_end(&mut bytes)
        .ok()?;
    let url = std::fs::read(dir.join("truth.json"))
        .ok()
        .and_then(|truth| serde_json::from_slice::<serde_json::Value>(&truth).ok())
        .and_then(|truth| Url::parse(truth.get("url")?.as_str()?).ok());
    let name = dir.strip_prefix(root).ok()?.to_string_lossy().into_owned();
    Some(Page {
        name,
        html: newsprint::stages::decode(&bytes, None, url.as_ref()),
        url,
    })
}

/// What the benchmarks read from a fixture's `case.toml`.
#[derive(serde::Deserialize)]
struct Case {
    url: String,
    #[serde(default)]
    expect: Option<String>,
}

/// The golden fixtures that hold an article (`tests/fixtures/<name>/source.html`), in name
/// order; empty when there are none. A page expected to fail with `NoContent` measures nothing
/// about extraction and has no non-empty result to assert.
pub fn fixtures() -> Vec<Page> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    sorted_dirs(&root)
        .into_iter()
        .filter_map(|dir| {
            let case = std::fs::read_to_string(dir.join("case.toml")).expect("case.toml");
            let case: Case = toml::from_str(&case).expect("a valid case.toml");
            if case
                .expect
                .as_deref()
                .is_some_and(|expect| expect != "article")
            {
                return None;
            }
            let bytes = std::fs::read(dir.join("source.html")).expect("source.html");
            let url = Url::parse(&case.url).ok();
            Some(Page {
                name: dir.file_name()?.to_string_lossy().into_owned(),
                html: newsprint::stages::decode(&bytes, None, url.as_ref()),
                url,
            })
        })
        .collect()
}

/// Bytes of HTML in `pages`.
pub fn total_bytes(pages: &[Page]) -> u64 {
    pages.iter().map(|page| page.html.len() as u64).sum()
}

/// CPU time of the calling thread: on a machine shared with other processes, wall time counts
/// the slices the scheduler gives them, this does not.
pub fn thread_time() -> Duration {
    #[cfg(unix)]
    {
        let time = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
        Duration::new(
            u64::try_from(time.tv_sec).unwrap_or(0),
            u32::try_from(time.tv_nsec).unwrap_or(0),
        )
    }
    #[cfg(not(unix))]
    {
        // No per-thread clock here: wall time since the first call.
        static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        START.get_or_init(std::time::Instant::now).elapsed()
    }
}

/// A criterion measurement of the benchmark thread's CPU time ([`thread_time`]).
pub struct ThreadTime;

impl Measurement for ThreadTime {
    type Intermediate = Duration;
    type Value = Duration;

    fn start(&self) -> Duration {
        thread_time()
    }

    fn end(&self, start: Duration) -> Duration {
        thread_time().saturating_sub(start)
    }

    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }

    fn zero(&self) -> Duration {
        Duration::ZERO
    }

    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuTimeFormatter
    }
}

/// Formats nanoseconds of CPU time and the throughputs they give, as criterion does for
/// wall time.
struct CpuTimeFormatter;

impl ValueFormatter for CpuTimeFormatter {
    fn scale_values(&self, typical_ns: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = match typical_ns {
            ns if ns < 1e3 => (1.0, "ns"),
            ns if ns < 1e6 => (1e-3, "µs"),
            ns if ns < 1e9 => (1e-6, "ms"),
            _ => (1e-9, "s"),
        };
        for value in values.iter_mut() {
            *value *= factor;
        }
        unit
    }

    fn scale_throughputs(
        &self,
        typical_ns: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let (per_iteration, units): (f64, [(f64, &'static str); 4]) = match *throughput {
            Throughput::Bytes(bytes) | Throughput::ElementsAndBytes { bytes, .. } => (
                bytes as f64,
                [
                    (1.0, "  B/s"),
                    (1024.0, "KiB/s"),
                    (1024.0 * 1024.0, "MiB/s"),
                    (1024.0 * 1024.0 * 1024.0, "GiB/s"),
                ],
            ),
            Throughput::BytesDecimal(bytes) => (
                bytes as f64,
                [(1.0, " B/s"), (1e3, "KB/s"), (1e6, "MB/s"), (1e9, "GB/s")],
            ),
            Throughput::Elements(count) => (
                count as f64,
                [
                    (1.0, " elem/s"),
                    (1e3, "Kelem/s"),
                    (1e6, "Melem/s"),
                    (1e9, "Gelem/s"),
                ],
            ),
            Throughput::Bits(bits) => (
                bits as f64,
                [(1.0, "  b/s"), (1e3, "Kb/s"), (1e6, "Mb/s"), (1e9, "Gb/s")],
            ),
        };
        let typical_rate = per_iteration * 1e9 / typical_ns;
        let (divisor, unit) = units
            .iter()
            .rev()
            .copied()
            .find(|&(divisor, _)| typical_rate >= divisor)
            .unwrap_or(units[0]);
        for value in values {
            *value = per_iteration * 1e9 / *value / divisor;
        }
        unit
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

/// One step of the pipeline, timed on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A plain html5ever parse (`scraper::Html::parse_document`): the reference the
    /// extraction is measured against.
    Parse,
    /// The crate's own parse: html5ever within the element, depth and work budgets.
    GuardedParse,
    /// Flattening the parsed document into the indexed array.
    Index,
    Metadata,
    /// The strict cleaning pass.
    Clean,
    /// Scoring a cleaned page.
    Score,
    /// The body walk over the chosen content.
    Blocks,
    /// `Extractor::extract_html`, parse included.
    Extract,
}

impl Step {
    /// The benchmark group: the first part of the benchmark id.
    pub fn name(self) -> &'static str {
        match self {
            Step::Parse => "parse",
            Step::GuardedParse => "guarded-parse",
            Step::Index => "index",
            Step::Metadata => "metadata",
            Step::Clean => "clean",
            Step::Score => "score",
            Step::Blocks => "blocks",
            Step::Extract => "extract",
        }
    }
}

/// Registers `step` over `pages` as the benchmark `<step>/<id>`: one iteration runs the step
/// once on every page, from inputs the earlier steps prepared before timing, and asserts that
/// it gave a result for at least nine pages in ten (a few corpus pages have no article).
pub fn bench_step(
    group: &mut BenchmarkGroup<'_, ThreadTime>,
    id: &str,
    pages: &[Page],
    step: Step,
) {
    let extractor = Extractor::new();
    let documents: Vec<Html> = match step {
        Step::Parse | Step::GuardedParse | Step::Extract => Vec::new(),
        _ => (pages.iter())
            .map(|page| stages::parse(&extractor, &page.html).expect("a page within budget"))
            .collect(),
    };
    let prepared = Prepared::new(pages, &documents, step);
    group.throughput(Throughput::Bytes(total_bytes(pages)));
    group.bench_function(id, |b| {
        b.iter(|| {
            let results = prepared.run(step);
            assert!(
                results * 10 >= pages.len() * 9 && results > 0,
                "{}/{id}: only {results} of {} pages gave a result",
                step.name(),
                pages.len()
            );
        });
    });
}

/// The inputs of every step, made before timing.
struct Prepared<'p> {
    extractor: Extractor,
    pages: &'p [Page],
    documents: &'p [Html],
    indexed: Vec<Indexed<'p>>,
    found: Vec<Found>,
    removals: Vec<Removals>,
    contents: Vec<Option<Content>>,
}

impl<'p> Prepared<'p> {
    /// What `step` needs: the earlier steps' outputs for every page.
    fn new(pages: &'p [Page], documents: &'p [Html], step: Step) -> Self {
        let extractor = Extractor::new();
        let indexed: Vec<Indexed<'p>> = (documents.iter())
            .map(|document| stages::index(&extractor, document))
            .collect();
        let mut prepared = Prepared {
            extractor,
            pages,
            documents,
            indexed,
            found: Vec::new(),
            removals: Vec::new(),
            contents: Vec::new(),
        };
        if step == Step::Score {
            prepared.removals = prepared.indexed.iter().map(stages::clean).collect();
        }
        if step == Step::Blocks {
            prepared.found = (prepared.indexed.iter().zip(pages))
                .map(|(page, source)| {
                    stages::metadata(&prepared.extractor, page, source.url.as_ref())
                })
                .collect();
            prepared.contents = (prepared.indexed.iter())
                .map(|page| stages::content(page))
                .collect();
        }
        prepared
    }

    /// Runs `step` once over every page; how many pages gave a non-empty result.
    fn run(&self, step: Step) -> usize {
        let pages = self.pages.iter();
        let indexed = self.indexed.iter();
        match step {
            Step::Parse => pages
                .map(|page| Html::parse_document(black_box(&page.html)))
                .filter(|document| document.root_element().children().next().is_some())
                .count(),
            Step::GuardedParse => pages
                .filter_map(|page| stages::parse(&self.extractor, black_box(&page.html)).ok())
                .filter(|document| document.root_element().children().next().is_some())
                .count(),
            Step::Index => (self.documents.iter())
                .filter(|document| {
                    stages::index(&self.extractor, black_box(document)).node_count() > 1
                })
                .count(),
            Step::Metadata => (indexed.zip(pages))
                .map(|(page, source)| {
                    stages::metadata(&self.extractor, black_box(page), source.url.as_ref())
                })
                .filter(|found| found.title().is_some())
                .count(),
            Step::Clean => indexed
                .filter(|page| stages::clean(black_box(page)).removed(page) > 0)
                .count(),
            Step::Score => (indexed.zip(&self.removals))
                .filter_map(|(page, removals)| stages::score(black_box(page), removals))
                .filter(|scored| scored.good_chars() > 0.0)
                .count(),
            Step::Blocks => (indexed.zip(&self.contents).zip(&self.found))
                .filter_map(|((page, content), found)| {
                    let content = content.as_ref()?;
                    Some(stages::blocks(
                        &self.extractor,
                        black_box(page),
                        content,
                        found,
                    ))
                })
                .filter(|blocks| !blocks.is_empty())
                .count(),
            Step::Extract => pages
                .filter_map(|page| {
                    (self.extractor)
                        .extract_html(black_box(&page.html), page.url.as_ref())
                        .ok()
                })
                .filter(|article| !article.blocks.is_empty())
                .count(),
        }
    }
}
