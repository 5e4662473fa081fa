//! Extracts articles from URLs, saved pages or stdin.
//!
//! ```text
//! cargo run --release --example extract -- [--format text|markdown|json|html] [--output FILE]
//!     [--url BASE_URL] <URL | FILE | ->...
//! ```
//!
//! `text` (the default) prints the title, the timestamp, a blank line and the body; `markdown`
//! prints CommonMark; `html` prints a standalone HTML document per input; `json` prints one
//! JSON object per input and line, `{"input": …, "error": …}` for an input that failed (the
//! other formats report failures on stderr). Text, Markdown and HTML of several inputs are
//! separated by a blank line. `--output` writes to a file instead of stdout. Every input goes the same way: a URL
//! is fetched (its final URL is the base), a file or `-` (stdin) is read (`--url` is the base),
//! and the bytes are decoded and extracted by `Extractor::extract_bytes`. A failing input does
//! not stop the others. Exit status: 0 when every input succeeded, 1 when any failed, 2 for
//! bad arguments.

use std::io::{BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use newsprint::render::json::ArticleJson;
use newsprint::{Article, Extractor};
use serde::Serialize;
use url::Url;

const USAGE: &str = "usage: extract [--format text|markdown|json|html] [--output FILE] \
                     [--url BASE_URL] <URL | FILE | ->...";

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
    inputs: Vec<String>,
}

fn parse_arguments(mut args: impl Iterator<Item = String>) -> Result<Arguments, String> {
    let mut format = Format::Text;
    let mut output = None;
    let mut base_url = None;
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

/// Extracts one input. URLs, files and stdin take the same path: load the bytes, then one
/// `extract_bytes` call that finds the encoding and extracts the article.
fn extract_input(
    extractor: &Extractor,
    input: &str,
    base_url: Option<&Url>,
) -> Result<Article, String> {
    let loaded = load(extractor, input, base_url).map_err(|error| error_chain(&*error))?;
    extractor
        .extract_bytes(
            &loaded.bytes,
            loaded.content_type.as_deref(),
            loaded.url.as_ref(),
        )
        .map_err(|error| error_chain(&error))
}

/// A URL is fetched, `-` reads stdin, anything else is a file path.
fn load(
    extractor: &Extractor,
    input: &str,
    base_url: Option<&Url>,
) -> Result<Loaded, Box<dyn std::error::Error>> {
    if is_url(input) {
        return fetch(extractor, input);
    }
    let mut bytes = Vec::new();
    let read = if input == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(drop)
    } else {
        std::fs::File::open(input).and_then(|mut file| file.read_to_end(&mut bytes).map(drop))
    };
    read.map_err(|source| ReadError {
        input: input.to_owned(),
        source,
    })?;
    Ok(Loaded {
        bytes,
        content_type: None,
        url: base_url.cloned(),
    })
}

fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
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

/// A file or stdin that could not be read.
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
}

/// The output for one input: every format goes through here.
fn render(format: Format, input: &str, result: &Result<Article, String>) -> String {
    use newsprint::render::{html, markdown, text};
    match (format, result) {
        (Format::Json, Ok(article)) => {
            let line = JsonLine {
                input,
                article: ArticleJson::new(article),
            };
            serde_json::to_string(&line).unwrap_or_default() + "\n"
        }
        (Format::Json, Err(error)) => {
            serde_json::to_string(&JsonError { input, error }).unwrap_or_default() + "\n"
        }
        (Format::Text, Ok(article)) => text::to_text(article),
        (Format::Markdown, Ok(article)) => markdown::to_markdown(article),
        (Format::Html, Ok(article)) => html::to_html(article),
        (Format::Text | Format::Markdown | Format::Html, Err(_)) => String::new(),
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
    let mut out = match open_output(arguments.output.as_ref()) {
        Ok(out) => out,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let extractor = Extractor::new();
    let mut failed = false;
    let mut printed_article = false;
    for input in &arguments.inputs {
        let result = extract_input(&extractor, input, arguments.base_url.as_ref());
        if let Err(error) = &result {
            failed = true;
            // JSON carries the error in its own line; the other formats report it on stderr.
            if arguments.format != Format::Json {
                eprintln!("{input}: {error}");
            }
        }
        // Articles in text, Markdown and HTML are separated by a blank line.
        let separator = if printed_article && arguments.format != Format::Json && result.is_ok() {
            "\n"
        } else {
            ""
        };
        printed_article |= result.is_ok();
        let output = render(arguments.format, input, &result);
        if write!(out, "{separator}{output}").is_err() {
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
