//! Measures what extraction costs next to parsing, page by page, over a sample of the corpus.
//!
//! ```text
//! cargo run --release --example speed -- [CORPUS] [--every N] [--runs N] [--stages]
//!     [--only parse|extract] [--dump FILE] [--memory N] [--page SET/ID]
//! ```
//!
//! `CORPUS` defaults to `NEWSPRINT_CORPUS`, else `../shared/corpus`; the sample is one page in
//! `--every` (default 4) in set and id order, loaded, decompressed and decoded before timing.
//! By default every page is parsed alone and extracted in full `--runs` times (default 5),
//! interleaved, and the report gives parse-only and full-extraction MB/s from the per-page
//! medians of the thread's CPU time (other processes on a shared machine do not inflate it), the total ratio full/parse-only and the median, p90 and largest per-page ratios
//! with the slowest pages. `--stages` adds the median time of each stage after the parse.
//!
//! `--only parse|extract` runs `--runs` untimed passes of that step over the sample, for
//! `valgrind --tool=callgrind`, whose instruction counts do not depend on the machine's load:
//! `--toggle-collect='*repeated_pass*'` counts the passes after the first, which builds the
//! lazily compiled tables, and `--toggle-collect='*parse_only*'` or
//! `--toggle-collect='*Extractor::extract_html*'` one step alone.
//! `--dump FILE` writes each page's article as one JSON line (or its error), to check that an
//! optimisation leaves the output unchanged. `--memory N` extracts each of the N largest pages
//! in a fresh process and reports its peak resident memory over the resident memory before the
//! extraction, as a multiple of the page size (Linux only). `--page SET/ID` keeps only that
//! page of the sample.

#[path = "../benches/support/mod.rs"]
mod support;

use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use newsprint::{Extractor, stages};
use support::Page;

const USAGE: &str = "usage: speed [CORPUS] [--every N] [--runs N] [--stages] \
                     [--only parse|extract] [--dump FILE] [--memory N] [--page SET/ID]";

#[derive(Debug)]
struct Arguments {
    corpus: PathBuf,
    every: usize,
    runs: usize,
    stages: bool,
    only: Option<String>,
    dump: Option<PathBuf>,
    memory: Option<usize>,
    /// Only this page of the sample (`<set>/<id>`).
    page: Option<String>,
    /// Internal: measure the memory of this one page (the child process of `--memory`).
    memory_page: Option<String>,
}

fn parse_arguments(mut args: impl Iterator<Item = String>) -> Result<Arguments, String> {
    let mut arguments = Arguments {
        corpus: support::corpus_dir(),
        every: 4,
        runs: 5,
        stages: false,
        only: None,
        dump: None,
        memory: None,
        page: None,
        memory_page: None,
    };
    let number = |flag: &str, value: Option<String>| {
        let value = value.ok_or(format!("{flag} needs a value"))?;
        value
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or(format!("{flag} needs a positive number, not {value:?}"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--every" => arguments.every = number("--every", args.next())?,
            "--runs" => arguments.runs = number("--runs", args.next())?,
            "--stages" => arguments.stages = true,
            "--only" => match args.next().as_deref() {
                Some(step @ ("parse" | "extract")) => arguments.only = Some(step.to_owned()),
                _ => return Err("--only needs parse or extract".to_owned()),
            },
            "--dump" => arguments.dump = Some(args.next().ok_or("--dump needs a file")?.into()),
            "--memory" => arguments.memory = Some(number("--memory", args.next())?),
            "--page" => arguments.page = Some(args.next().ok_or("--page needs a name")?),
            "--memory-page" => arguments.memory_page = args.next(),
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => arguments.corpus = PathBuf::from(arg),
        }
    }
    Ok(arguments)
}

fn main() -> ExitCode {
    let arguments = match parse_arguments(std::env::args().skip(1)) {
        Ok(arguments) => arguments,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut pages = support::corpus_sample(&arguments.corpus, arguments.every);
    if let Some(name) = &arguments.page {
        pages.retain(|page| &page.name == name);
    }
    if pages.is_empty() {
        eprintln!("no pages under {}", arguments.corpus.display());
        return ExitCode::from(1);
    }
    let extractor = Extractor::new();
    if let Some(name) = &arguments.memory_page {
        return match pages.iter().find(|page| &page.name == name) {
            Some(page) => {
                measure_own_memory(&extractor, page);
                ExitCode::SUCCESS
            }
            None => ExitCode::from(1),
        };
    }
    if let Some(step) = &arguments.only {
        // The first pass builds the lazily compiled tables; the passes after it run
        // `repeated_pass`, which `valgrind --toggle-collect='*repeated_pass*'` counts alone.
        run_once(&extractor, &pages, step);
        for _ in 1..arguments.runs {
            repeated_pass(&extractor, &pages, step);
        }
    } else if let Some(path) = &arguments.dump {
        if let Err(error) = dump(&pages, path) {
            eprintln!("writing {} failed: {error}", path.display());
            return ExitCode::from(1);
        }
    } else if let Some(count) = arguments.memory {
        return measure_memory(&arguments, &pages, count);
    } else {
        report_ratios(&extractor, &pages, arguments.runs, arguments.stages);
    }
    ExitCode::SUCCESS
}

/// One untimed pass, for instruction counting.
fn run_once(extractor: &Extractor, pages: &[Page], step: &str) {
    let mut nodes = 0usize;
    for page in pages {
        if step == "parse" {
            nodes += parse_only(black_box(&page.html));
        } else if let Ok(article) = extractor.extract_html(black_box(&page.html), page.url.as_ref())
        {
            nodes += article.blocks.len();
        }
    }
    println!("{} pages, {nodes} nodes or blocks", pages.len());
}

/// [`run_once`] after the first pass.
#[inline(never)]
fn repeated_pass(extractor: &Extractor, pages: &[Page], step: &str) {
    run_once(extractor, pages, step);
}

/// Parses a page and frees the tree, as an extraction does; a function of its own so that
/// `valgrind --toggle-collect='*parse_only*'` counts exactly this.
#[inline(never)]
fn parse_only(html: &str) -> usize {
    scraper::Html::parse_document(html).tree.nodes().count()
}

/// Writes every page's output. Relative dates ("2 hours ago") count from a fixed moment
/// (2026-01-01), so
/// that two dumps differ only where the extraction does.
fn dump(pages: &[Page], path: &std::path::Path) -> std::io::Result<()> {
    let extractor = Extractor::builder()
        .reference_time(jiff::Timestamp::from_second(1_767_225_600).unwrap_or_default())
        .build();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for page in pages {
        let line = match extractor.extract_html(&page.html, page.url.as_ref()) {
            Ok(article) => {
                serde_json::to_string(&newsprint::render::json::ArticleJson::new(&article))?
            }
            Err(error) => format!("{{\"error\": {:?}}}", error.to_string()),
        };
        writeln!(out, "{}\t{line}", page.name)?;
    }
    out.flush()
}

/// The steps after the plain parse that `--stages` times alone.
const STAGES: [&str; 5] = [
    "guarded parse",
    "index",
    "metadata",
    "clean+score",
    "blocks",
];

/// Median times of one page.
#[derive(Debug, Default, Clone, Copy)]
struct Timing {
    parse: Duration,
    extract: Duration,
    /// The [`STAGES`], in order.
    stages: [Duration; 5],
}

impl Timing {
    fn ratio(&self) -> f64 {
        self.extract.as_secs_f64() / self.parse.as_secs_f64().max(1e-9)
    }
}

/// The thread CPU time `f` takes, and its value.
fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = support::thread_time();
    let value = black_box(f());
    (support::thread_time().saturating_sub(start), value)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// Times of one page, one sample per run: the plain parse, the extraction, the [`STAGES`].
#[derive(Debug, Default)]
struct Samples([Vec<Duration>; 7]);

impl Samples {
    fn take(&mut self, extractor: &Extractor, page: &Page, with_stages: bool) {
        let (parse, ()) = time(|| drop(scraper::Html::parse_document(&page.html)));
        self.0[0].push(parse);
        let (extract, ()) = time(|| drop(extractor.extract_html(&page.html, page.url.as_ref())));
        self.0[1].push(extract);
        if with_stages {
            self.take_stages(extractor, page);
        }
    }

    fn take_stages(&mut self, extractor: &Extractor, page: &Page) {
        let (guarded, document) = time(|| stages::parse(extractor, &page.html));
        let Ok(document) = document else {
            return;
        };
        let (index, indexed) = time(|| stages::index(extractor, &document));
        let (metadata, found) = time(|| stages::metadata(extractor, &indexed, page.url.as_ref()));
        let (content, chosen) = time(|| stages::content(&indexed));
        let blocks = chosen.map_or(Duration::ZERO, |content| {
            time(|| stages::blocks(extractor, &indexed, &content, &found)).0
        });
        for (i, sample) in [guarded, index, metadata, content, blocks]
            .into_iter()
            .enumerate()
        {
            self.0[i + 2].push(sample);
        }
    }

    fn medians(self) -> Timing {
        let [parse, extract, stages @ ..] = self.0.map(median);
        Timing {
            parse,
            extract,
            stages,
        }
    }
}

/// Per-page medians. Each run goes over every page before the next starts, so a burst of
/// load from other processes spoils one sample of many pages rather than every sample of one.
fn measure(extractor: &Extractor, pages: &[Page], runs: usize, with_stages: bool) -> Vec<Timing> {
    let mut samples: Vec<Samples> = pages.iter().map(|_| Samples::default()).collect();
    for _ in 0..runs {
        for (page, samples) in pages.iter().zip(&mut samples) {
            samples.take(extractor, page, with_stages);
        }
    }
    samples.into_iter().map(Samples::medians).collect()
}

fn report_ratios(extractor: &Extractor, pages: &[Page], runs: usize, with_stages: bool) {
    let timings = measure(extractor, pages, runs, with_stages);
    let bytes = support::total_bytes(pages) as f64;
    let sum = |f: fn(&Timing) -> Duration| timings.iter().map(f).sum::<Duration>().as_secs_f64();
    let parse = sum(|t| t.parse);
    let extract = sum(|t| t.extract);
    let mut ratios: Vec<(f64, usize)> = timings
        .iter()
        .enumerate()
        .map(|(i, t)| (t.ratio(), i))
        .collect();
    ratios.sort_by(|a, b| a.0.total_cmp(&b.0));
    // The nearest-rank quantile: `percent` of the pages are at or below it.
    let quantile = |percent: usize| ratios[(ratios.len() - 1) * percent / 100].0;
    println!(
        "{} pages, {:.1} MB, median of {runs} runs per page",
        pages.len(),
        bytes / 1e6
    );
    println!(
        "parse-only {:.1} MB/s ({parse:.2} s), full extraction {:.1} MB/s ({extract:.2} s)",
        bytes / 1e6 / parse,
        bytes / 1e6 / extract
    );
    println!(
        "ratio full/parse-only: total {:.2}, median {:.2}, p90 {:.2}, max {:.2}",
        extract / parse,
        quantile(50),
        quantile(90),
        quantile(100)
    );
    if with_stages {
        for (i, name) in STAGES.iter().enumerate() {
            let total: f64 = timings.iter().map(|t| t.stages[i].as_secs_f64()).sum();
            println!(
                "  {name:<14} {total:.3} s, {:.1}% of the plain parse",
                100.0 * total / parse
            );
        }
    }
    if std::env::var_os("SPEED_PAGES").is_some() {
        for (t, page) in timings.iter().zip(pages) {
            let stages: Vec<String> = t
                .stages
                .iter()
                .map(|s| format!("{:.3}", s.as_secs_f64() / t.parse.as_secs_f64().max(1e-9)))
                .collect();
            eprintln!(
                "{}\t{}\t{:.3}\t{}",
                page.name,
                page.html.len(),
                t.ratio(),
                stages.join("\t")
            );
        }
    }
    println!("slowest against their parse:");
    for &(ratio, i) in ratios.iter().rev().take(5) {
        let t = &timings[i];
        let stages: Vec<String> = (STAGES.iter().zip(t.stages))
            .map(|(name, time)| format!("{name} {:.2}", time.as_secs_f64() * 1e3))
            .collect();
        println!(
            "  {ratio:.2}  {} ({} KB; ms: parse {:.2}, extract {:.2}; {})",
            pages[i].name,
            pages[i].html.len() / 1024,
            t.parse.as_secs_f64() * 1e3,
            t.extract.as_secs_f64() * 1e3,
            stages.join(", ")
        );
    }
}

/// Runs each of the `count` largest pages in a child process of its own, so that memory the
/// allocator kept from one page does not hide the next page's peak.
fn measure_memory(arguments: &Arguments, pages: &[Page], count: usize) -> ExitCode {
    let Ok(exe) = std::env::current_exe() else {
        return ExitCode::from(1);
    };
    let mut largest: Vec<&Page> = pages.iter().collect();
    largest.sort_by_key(|page| std::cmp::Reverse(page.html.len()));
    println!("page\tKB\tpeak growth KB\tmultiple");
    for page in largest.into_iter().take(count) {
        let output = std::process::Command::new(&exe)
            .arg(&arguments.corpus)
            .args(["--every", &arguments.every.to_string()])
            .args(["--memory-page", &page.name])
            .output();
        match output {
            Ok(output) if output.status.success() => {
                print!("{}", String::from_utf8_lossy(&output.stdout));
            }
            _ => eprintln!("{}: measuring failed", page.name),
        }
    }
    ExitCode::SUCCESS
}

/// Peak resident memory of one extraction over what was resident before it.
fn measure_own_memory(extractor: &Extractor, page: &Page) {
    // Writing 5 to clear_refs resets the peak (VmHWM) to the current resident size.
    let reset = std::fs::write("/proc/self/clear_refs", "5");
    let before = status_kb("VmRSS:");
    let result = extractor.extract_html(&page.html, page.url.as_ref());
    let peak = status_kb("VmHWM:");
    drop(result);
    let (Ok(()), Some(before), Some(peak)) = (reset, before, peak) else {
        eprintln!("no /proc/self/status or clear_refs here");
        return;
    };
    let growth = peak.saturating_sub(before);
    let size = page.html.len() as f64 / 1024.0;
    println!(
        "{}\t{size:.0}\t{growth}\t{:.1}",
        page.name,
        growth as f64 / size
    );
}

fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with(field))?;
    line[field.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}
