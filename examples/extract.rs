//! Extracts articles from URLs, saved pages, directories of pages, WARC archives or stdin.
//!
//! ```text
//! cargo run --release --example extract -- [--format text|markdown|json|html] [--output FILE]
//!     [--url BASE_URL] [--jobs N] <URL | FILE | DIRECTORY | WARC | ->...
//! ```
//!
//! `text` (the default) prints the title, the timestamp, a blank line and the body; `markdown`
//! prints CommonMark; `html` prints a standalone HTML document per page; `json` prints one
//! JSON object per page and line, `{"input": …, "error": …}` for a page that failed (the
//! other formats report failures on stderr); a page without body text keeps its metadata
//! (title, dates, authors…) in that line, as an article without blocks. Text, Markdown and HTML of several pages are
//! separated by a blank line. `--output` writes to a file instead of stdout.
//!
//! Every page goes the same way: a URL is fetched (its final URL is the base), a file or `-`
//! (stdin) is read (`--url` is the base; a name ending in `.gz` is decompressed), and the
//! bytes are decoded and extracted by `Extractor::extract_bytes`.
//!
//! A directory stands for every `.html`, `.htm` and `.html.gz` file under it, in name order.
//! A `.warc` or `.warc.gz` archive stands for its HTML responses (`response` records with a
//! 2xx status and an HTML content type), each named and based by its `WARC-Target-URI`.
//!
//! Pages are extracted on all cores (`--jobs N` for N threads) and printed in input order
//! as each one's turn comes, a few pages per thread read ahead at most. A progress line shows
//! on stderr when stderr is a terminal, and a summary line (pages, errors, pages per second)
//! ends every run. A failing page does not stop the others. Exit status: 0 when every page
//! succeeded, 1 when any failed, 2 for bad arguments.

#[path = "extract/inputs.rs"]
mod inputs;

use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use inputs::Job;
use newsprint::render::json::ArticleJson;
use newsprint::{Article, Error, Extractor};
use serde::Serialize;
use url::Url;

const USAGE: &str = "usage: extract [--format text|markdown|json|html] [--output FILE] \
                     [--url BASE_URL] [--jobs N] <URL | FILE | DIRECTORY | WARC | ->...";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Json,
    Html,
}

impl Format {
    fn from_name(name: &str) -> Option<Format> {
        match name {
            "text" | "txt" => Some(Format::Text),
            "markdown" | "md" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "html" => Some(Format::Html),
            _ => None,
        }
    }
}

#[derive(Debug)]
struct Arguments {
    format: Format,
    output: Option<PathBuf>,
    base_url: Option<Url>,
    /// Worker threads; all cores when `None`.
    jobs: Option<usize>,
    inputs: Vec<String>,
}

fn parse_arguments(mut args: impl Iterator<Item = String>) -> Result<Arguments, String> {
    let mut format = Format::Text;
    let mut output = None;
    let mut base_url = None;
    let mut jobs = None;
    let mut inputs = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                let value = args.next().ok_or("--format needs a value")?;
                format =
                    Format::from_name(&value).ok_or_else(|| format!("unknown format {value:?}"))?;
            }
            "--output" | "-o" => {
                let value = args.next().ok_or("--output needs a value")?;
                output = Some(PathBuf::from(value));
            }
            "--url" => {
                let value = args.next().ok_or("--url needs a value")?;
                let url =
                    Url::parse(&value).map_err(|e| format!("invalid --url {value:?}: {e}"))?;
                base_url = Some(url);
            }
            "--jobs" | "-j" => {
                let value = args.next().ok_or("--jobs needs a value")?;
                let count = value.parse::<usize>().ok().filter(|&n| n > 0);
                jobs = Some(count.ok_or(format!("--jobs needs a positive number, not {value:?}"))?);
            }
            "-h" | "--help" => return Err(String::new()),
            "--" => inputs.extend(args.by_ref()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => inputs.push(arg),
        }
    }
    if inputs.is_empty() {
        return Err("no input given".to_owned());
    }
    Ok(Arguments {
        format,
        output,
        base_url,
        jobs,
        inputs,
    })
}

/// An input's bytes with what is known about them: the `Content-Type` and the URL they came
/// from (the final URL after redirects for a fetched page, `--url` for a file or stdin).
struct Loaded {
    bytes: Vec<u8>,
    content_type: Option<String>,
    url: Option<Url>,
}

/// Why a page gave no article: the message, and for a page without body text the metadata
/// it does carry, which the JSON line keeps.
struct Failure {
    message: String,
    metadata: Option<Box<Article>>,
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure {
            message,
            metadata: None,
        }
    }
}

/// Extracts one page. Every kind of input takes the same path: load the bytes, then one
/// `extract_bytes` call that finds the encoding and extracts the article.
fn extract_job(
    extractor: &Extractor,
    job: Job,
    base_url: Option<&Url>,
) -> Result<Article, Failure> {
    let loaded = load(extractor, job, base_url)?;
    extractor
        .extract_bytes(
            &loaded.bytes,
            loaded.content_type.as_deref(),
            loaded.url.as_ref(),
        )
        .map_err(|error| {
            let message = error_chain(&error);
            match error {
                Error::NoContent { article, .. } => Failure {
                    message,
                    metadata: Some(article),
                },
                _ => Failure::from(message),
            }
        })
}

/// A URL is fetched, stdin and files are read, a WARC record is unwrapped from its HTTP
/// framing.
fn load(extractor: &Extractor, job: Job, base_url: Option<&Url>) -> Result<Loaded, String> {
    let read_error = |input: String, source| error_chain(&ReadError { input, source });
    match job {
        Job::Url(url) => fetch(extractor, &url).map_err(|error| error_chain(&*error)),
        Job::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| read_error("-".to_owned(), source))?;
            Ok(Loaded::with_base(bytes, base_url))
        }
        Job::File(path) => inputs::read_file(&path)
            .map(|bytes| Loaded::with_base(bytes, base_url))
            .map_err(|source| read_error(path.display().to_string(), source)),
        Job::Record(record) => {
            let url = inputs::record_url(&record);
            let content_type = record.content_type.clone();
            let name = record.target_uri.clone();
            let bytes = record
                .into_page_bytes()
                .map_err(|source| read_error(name, source))?;
            Ok(Loaded {
                bytes,
                content_type,
                url,
            })
        }
        Job::Failed { error, .. } => Err(error),
    }
}

impl Loaded {
    fn with_base(bytes: Vec<u8>, base_url: Option<&Url>) -> Loaded {
        Loaded {
            bytes,
            content_type: None,
            url: base_url.cloned(),
        }
    }
}

#[cfg(feature = "fetch")]
fn fetch(extractor: &Extractor, input: &str) -> Result<Loaded, Box<dyn std::error::Error>> {
    let url = Url::parse(input).map_err(|source| newsprint::Error::InvalidUrl {
        input: input.to_owned(),
        source,
    })?;
    let page = extractor.fetch(&url)?;
    Ok(Loaded {
        bytes: page.bytes,
        content_type: page.content_type,
        url: Some(page.final_url),
    })
}

#[cfg(not(feature = "fetch"))]
fn fetch(_: &Extractor, url: &str) -> Result<Loaded, Box<dyn std::error::Error>> {
    Err(format!("cannot fetch {url}: built without the `fetch` feature").into())
}

/// A file, stdin or archived response that could not be read.
#[derive(Debug)]
struct ReadError {
    input: String,
    source: std::io::Error,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.input == "-" {
            f.write_str("reading stdin failed")
        } else {
            write!(f, "reading {} failed", self.input)
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// An error and its causes, joined with ": ".
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

#[derive(Serialize)]
struct JsonLine<'a> {
    input: &'a str,
    #[serde(flatten)]
    article: ArticleJson<'a>,
}

#[derive(Serialize)]
struct JsonError<'a> {
    input: &'a str,
    error: &'a str,
    #[serde(flatten)]
    metadata: Option<ArticleJson<'a>>,
}

/// The output for one page: every format goes through here.
fn render(format: Format, input: &str, result: &Result<Article, Failure>) -> String {
    use newsprint::render::{html, markdown, text};
    match (format, result) {
        (Format::Json, Ok(article)) => {
            let line = JsonLine {
                input,
                article: ArticleJson::new(article),
            };
            serde_json::to_string(&line).unwrap_or_default() + "\n"
        }
        (Format::Json, Err(failure)) => {
            let line = JsonError {
                input,
                error: &failure.message,
                metadata: failure.metadata.as_deref().map(ArticleJson::new),
            };
            serde_json::to_string(&line).unwrap_or_default() + "\n"
        }
        (Format::Text, Ok(article)) => text::to_text(article),
        (Format::Markdown, Ok(article)) => markdown::to_markdown(article),
        (Format::Html, Ok(article)) => html::to_html(article),
        (Format::Text | Format::Markdown | Format::Html, Err(_)) => String::new(),
    }
}

/// One page's output, rendered on the worker thread that extracted it; the article itself
/// is dropped there.
struct Rendered {
    input: String,
    output: String,
    error: Option<String>,
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
    let out = match open_output(arguments.output.as_ref()) {
        Ok(out) => out,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    if let Some(threads) = arguments.jobs
        && let Err(error) = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
    {
        eprintln!("error: starting {threads} threads failed: {error}");
        return ExitCode::from(1);
    }
    let (format, base_url) = (arguments.format, arguments.base_url);
    let pages = Extractor::new().extract_many_with(
        inputs::jobs(arguments.inputs),
        move |extractor, job| {
            let input = job.name();
            let result = extract_job(extractor, job, base_url.as_ref());
            Rendered {
                output: render(format, &input, &result),
                error: result.err().map(|failure| failure.message),
                input,
            }
        },
    );
    let summary = write_all(format, pages, out);
    eprintln!("{summary}");
    if summary.failed > 0 || summary.write_failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What a run did, for the closing line.
struct Summary {
    pages: u64,
    failed: u64,
    elapsed: Duration,
    /// The output closed or failed: the run stopped there.
    write_failed: bool,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let seconds = self.elapsed.as_secs_f64();
        write!(
            f,
            "{} pages, {} errors, {:.1} pages/s ({seconds:.2} s)",
            self.pages,
            self.failed,
            self.pages as f64 / seconds.max(1e-9)
        )
    }
}

/// Where the output goes: `--output FILE`, else stdout.
fn open_output(path: Option<&PathBuf>) -> Result<Box<dyn Write>, String> {
    match path {
        Some(path) => std::fs::File::create(path)
            .map(|file| Box::new(BufWriter::new(file)) as Box<dyn Write>)
            .map_err(|error| format!("cannot create {}: {error}", path.display())),
        None => Ok(Box::new(BufWriter::new(std::io::stdout().lock()))),
    }
}

/// Writes each page's output as its turn comes, with a progress line on a terminal.
fn write_all(
    format: Format,
    pages: impl Iterator<Item = Rendered>,
    mut out: Box<dyn Write>,
) -> Summary {
    let start = Instant::now();
    let progress = progress_bar();
    let mut summary = Summary {
        pages: 0,
        failed: 0,
        elapsed: Duration::ZERO,
        write_failed: false,
    };
    let mut printed_article = false;
    for page in pages {
        summary.pages += 1;
        progress.inc(1);
        if let Some(error) = &page.error {
            summary.failed += 1;
            // JSON carries the error in its own line; the other formats report it on stderr.
            if format != Format::Json {
                progress.suspend(|| eprintln!("{}: {error}", page.input));
            }
        }
        // Articles in text, Markdown and HTML are separated by a blank line.
        let is_article = page.error.is_none();
        let separator = if printed_article && format != Format::Json && is_article {
            "\n"
        } else {
            ""
        };
        printed_article |= is_article;
        if write!(out, "{separator}{}", page.output).is_err() {
            summary.write_failed = true;
            break;
        }
    }
    if out.flush().is_err() {
        summary.write_failed = true;
    }
    progress.finish_and_clear();
    summary.elapsed = start.elapsed();
    summary
}

/// A spinner with the page count and rate on stderr when it is a terminal; hidden otherwise,
/// so logs and pipes get the summary line only.
fn progress_bar() -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let progress = indicatif::ProgressBar::new_spinner();
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{spinner} {pos} pages, {per_sec} ({elapsed})")
    {
        progress.set_style(style);
    }
    progress.enable_steady_tick(Duration::from_millis(200));
    progress
}
