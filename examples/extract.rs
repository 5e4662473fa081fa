//! Extracts articles from URLs, saved pages or stdin.
//!
//! ```text
//! cargo run --release --example extract -- [--format text|json|markdown] [--url BASE_URL] <URL | FILE | ->...
//! ```
//!
//! `text` (the default) prints the title, the timestamp, a blank line and the body; `json`
//! prints one JSON object per input and line, `{"input": …, "error": …}` for an input that
//! failed. Exit status: 0 when every input succeeded, 1 when any failed (the others are still
//! printed), 2 for bad arguments.

use std::io::{Read, Write};
use std::process::ExitCode;

use newsprint::render::json::ArticleJson;
use newsprint::{Article, Extractor};
use serde::Serialize;
use url::Url;

const USAGE: &str =
    "usage: extract [--format text|json|markdown] [--url BASE_URL] <URL | FILE | ->...";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Markdown,
}

#[derive(Debug)]
struct Arguments {
    format: Format,
    base_url: Option<Url>,
    inputs: Vec<String>,
}

fn parse_arguments(mut args: impl Iterator<Item = String>) -> Result<Arguments, String> {
    let mut format = Format::Text;
    let mut base_url = None;
    let mut inputs = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                let value = args.next().ok_or("--format needs a value")?;
                format = match value.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    other => return Err(format!("unknown format {other:?}")),
                };
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
        base_url,
        inputs,
    })
}

/// Extracts one input: a URL is fetched, `-` reads stdin, anything else is a file path.
fn extract_input(
    extractor: &Extractor,
    input: &str,
    base_url: Option<&Url>,
) -> Result<Article, String> {
    if input.starts_with("http://") || input.starts_with("https://") {
        return fetch(extractor, input);
    }
    let bytes = if input == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("reading stdin failed: {e}"))?;
        bytes
    } else {
        std::fs::read(input).map_err(|e| format!("reading {input} failed: {e}"))?
    };
    extractor
        .extract_bytes(&bytes, None, base_url)
        .map_err(|e| error_chain(&e))
}

#[cfg(feature = "fetch")]
fn fetch(extractor: &Extractor, url: &str) -> Result<Article, String> {
    extractor.extract_url(url).map_err(|e| error_chain(&e))
}

#[cfg(not(feature = "fetch"))]
fn fetch(_: &Extractor, url: &str) -> Result<Article, String> {
    Err(format!(
        "cannot fetch {url}: built without the `fetch` feature"
    ))
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

fn render(format: Format, input: &str, result: &Result<Article, String>) -> String {
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
        (Format::Text, Ok(article)) => newsprint::render::text::to_text(article),
        (Format::Markdown, Ok(article)) => newsprint::render::markdown::to_markdown(article),
        (Format::Text | Format::Markdown, Err(_)) => String::new(),
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
    let extractor = Extractor::new();
    let mut stdout = std::io::stdout().lock();
    let mut failed = false;
    for (number, input) in arguments.inputs.iter().enumerate() {
        let result = extract_input(&extractor, input, arguments.base_url.as_ref());
        if let Err(error) = &result {
            failed = true;
            eprintln!("{input}: {error}");
        }
        let separator = if number > 0 && arguments.format != Format::Json && result.is_ok() {
            "\n"
        } else {
            ""
        };
        let output = render(arguments.format, input, &result);
        if write!(stdout, "{separator}{output}").is_err() {
            return ExitCode::from(1);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
