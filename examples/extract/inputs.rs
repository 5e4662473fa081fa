//! What the command line names, as a stream of pages to extract: URLs, files, stdin, the
//! pages in directories (recursively) and the HTML responses in WARC archives.
//!
//! The stream is lazy: a directory is listed when the walk reaches it and a WARC archive is
//! read one record at a time, so the number of pages held in memory does not grow with the
//! input. Files are read on the worker threads ([`Job::load`]); WARC records are read here,
//! in order, and only their decoding is left to the workers.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use url::Url;
use warc::{RawRecordHeader, WarcHeader, WarcReader};

/// File names (lowercase) that a directory walk extracts.
const PAGE_SUFFIXES: &[&str] = &[".html", ".htm", ".html.gz", ".htm.gz"];

/// One page to extract.
#[derive(Debug)]
pub enum Job {
    /// A page to fetch.
    Url(String),
    /// The page on standard input.
    Stdin,
    /// A saved page, gzip-compressed when its name ends in `.gz`.
    File(PathBuf),
    /// An HTML response from a WARC archive.
    Record(Record),
    /// An input that could not be read at all (a directory or archive that failed).
    Failed { input: String, error: String },
}

impl Job {
    /// How the output names this page: the URL, the path, `-`, or the WARC target URI.
    pub fn name(&self) -> String {
        match self {
            Job::Url(url) => url.clone(),
            Job::Stdin => "-".to_owned(),
            Job::File(path) => path.display().to_string(),
            Job::Record(record) => record.target_uri.clone(),
            Job::Failed { input, .. } => input.clone(),
        }
    }
}

/// An HTML response read from a WARC archive, its HTTP framing still to be undone.
#[derive(Debug)]
pub struct Record {
    /// `WARC-Target-URI`: the page's URL.
    pub target_uri: String,
    /// The HTTP `Content-Type` of the response.
    pub content_type: Option<String>,
    /// The HTTP `Content-Encoding` (`gzip`, `deflate`, `br`), when the archive kept the body
    /// as sent.
    pub content_encoding: Option<String>,
    /// Whether the body is still in `Transfer-Encoding: chunked` framing.
    pub chunked: bool,
    /// The HTTP body.
    pub body: Vec<u8>,
}

impl Record {
    /// The page's bytes: de-chunked and decompressed as the headers say.
    pub fn into_page_bytes(self) -> std::io::Result<Vec<u8>> {
        let body = if self.chunked {
            dechunk(&self.body)?
        } else {
            self.body
        };
        let mut bytes = Vec::new();
        match self.content_encoding.as_deref().map(str::trim) {
            Some(encoding) if encoding.eq_ignore_ascii_case("gzip") => {
                flate2::read::MultiGzDecoder::new(body.as_slice()).read_to_end(&mut bytes)?;
            }
            Some(encoding) if encoding.eq_ignore_ascii_case("deflate") => {
                flate2::read::ZlibDecoder::new(body.as_slice()).read_to_end(&mut bytes)?;
            }
            Some(encoding) if encoding.eq_ignore_ascii_case("br") => {
                brotli::Decompressor::new(body.as_slice(), 4096).read_to_end(&mut bytes)?;
            }
            _ => bytes = body,
        }
        Ok(bytes)
    }
}

/// The pages named by the command line, in order.
pub fn jobs(inputs: Vec<String>) -> impl Iterator<Item = Job> {
    inputs.into_iter().flat_map(expand)
}

/// Whether an input is a URL to fetch rather than a path.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn expand(input: String) -> Box<dyn Iterator<Item = Job>> {
    if is_url(&input) {
        return Box::new(std::iter::once(Job::Url(input)));
    }
    if input == "-" {
        return Box::new(std::iter::once(Job::Stdin));
    }
    let path = PathBuf::from(input);
    if path.is_dir() {
        return Box::new(DirectoryWalk {
            pending: vec![path],
        });
    }
    if is_warc(&path) {
        return Box::new(WarcRecords::open(&path));
    }
    Box::new(std::iter::once(Job::File(path)))
}

/// Whether a file name ends with one of `suffixes` (lowercase), in any case.
fn has_suffix(path: &Path, suffixes: &[&str]) -> bool {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    suffixes
        .iter()
        .any(|suffix| name.as_bytes().ends_with(suffix.as_bytes()))
}

fn is_warc(path: &Path) -> bool {
    has_suffix(path, &[".warc", ".warc.gz"])
}

/// Whether a file's name says it is gzip-compressed.
pub fn is_gzip(path: &Path) -> bool {
    has_suffix(path, &[".gz"])
}

/// The pages under a directory, depth first, each directory's entries in name order.
/// Symbolic links to directories are not followed, so a link loop cannot trap the walk.
struct DirectoryWalk {
    /// Paths still to visit, the next one last.
    pending: Vec<PathBuf>,
}

impl Iterator for DirectoryWalk {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        while let Some(path) = self.pending.pop() {
            let is_real_dir = std::fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_dir());
            if !is_real_dir {
                if has_suffix(&path, PAGE_SUFFIXES) && path.is_file() {
                    return Some(Job::File(path));
                }
                continue;
            }
            match std::fs::read_dir(&path) {
                Ok(entries) => {
                    let mut children: Vec<PathBuf> = entries
                        .filter_map(|entry| Some(entry.ok()?.path()))
                        .collect();
                    children.sort_unstable_by(|a, b| b.cmp(a));
                    self.pending.extend(children);
                }
                Err(error) => {
                    return Some(Job::Failed {
                        input: path.display().to_string(),
                        error: format!("reading directory {} failed: {error}", path.display()),
                    });
                }
            }
        }
        None
    }
}

/// The HTML responses of a WARC archive (plain or gzip, one member per record or one for the
/// whole file). A record that cannot be read ends the archive with an error line: the reader
/// cannot find the next record after a broken one.
struct WarcRecords {
    name: String,
    state: ArchiveState,
}

enum ArchiveState {
    Reading(warc::RawRecordIter<Box<dyn BufRead>>),
    /// The archive could not be opened, or a record not read: one error line, then the end.
    Failed(std::io::Error),
    Done,
}

impl WarcRecords {
    fn open(path: &Path) -> WarcRecords {
        let name = path.display().to_string();
        let state = match std::fs::File::open(path) {
            Ok(file) => {
                let reader: Box<dyn BufRead> = if is_gzip(path) {
                    Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
                        BufReader::new(file),
                    )))
                } else {
                    Box::new(BufReader::new(file))
                };
                ArchiveState::Reading(WarcReader::new(reader).iter_raw_records())
            }
            Err(error) => ArchiveState::Failed(error),
        };
        WarcRecords { name, state }
    }
}

impl Iterator for WarcRecords {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        let error = match std::mem::replace(&mut self.state, ArchiveState::Done) {
            ArchiveState::Done => return None,
            ArchiveState::Failed(error) => error.to_string(),
            ArchiveState::Reading(mut records) => loop {
                match records.next() {
                    None => return None,
                    Some(Err(error)) => break error.to_string(),
                    Some(Ok((header, block))) => {
                        if let Some(record) = html_response(&header, &block) {
                            self.state = ArchiveState::Reading(records);
                            return Some(Job::Record(record));
                        }
                    }
                }
            },
        };
        Some(Job::Failed {
            input: self.name.clone(),
            error: format!("reading WARC archive {} failed: {error}", self.name),
        })
    }
}

fn warc_header(header: &RawRecordHeader, name: &WarcHeader) -> Option<String> {
    let value = header.headers.get(name)?;
    Some(String::from_utf8_lossy(value).trim().to_owned())
}

/// A `response` record holding a successful HTTP response with an HTML body; `None` for
/// requests, metadata, redirects, errors, images and everything else an archive holds.
fn html_response(header: &RawRecordHeader, block: &[u8]) -> Option<Record> {
    let warc_type = warc_header(header, &WarcHeader::WarcType)?;
    if !warc_type.eq_ignore_ascii_case("response") {
        return None;
    }
    let target = warc_header(header, &WarcHeader::TargetURI)?;
    // WARC 1.0's grammar wrote the URI in angle brackets; some writers still do.
    let target_uri = target
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_owned();
    let http = HttpResponse::parse(block)?;
    if !(200..300).contains(&http.status) {
        return None;
    }
    let body = block[http.body_start..].to_vec();
    let is_html = match http.header("content-type") {
        Some(kind) => {
            let kind = kind.to_ascii_lowercase();
            kind.contains("text/html") || kind.contains("application/xhtml")
        }
        None => body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<'),
    };
    if !is_html {
        return None;
    }
    Some(Record {
        target_uri,
        content_type: http.header("content-type"),
        content_encoding: http.header("content-encoding"),
        chunked: http
            .header("transfer-encoding")
            .is_some_and(|value| value.to_ascii_lowercase().contains("chunked")),
        body,
    })
}

/// The status and headers of an HTTP response as archived.
struct HttpResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body_start: usize,
}

impl HttpResponse {
    fn parse(block: &[u8]) -> Option<HttpResponse> {
        let head_end = find(block, b"\r\n\r\n")
            .map(|at| at + 4)
            .or_else(|| find(block, b"\n\n").map(|at| at + 2))?;
        let head = String::from_utf8_lossy(&block[..head_end]);
        let mut lines = head.lines();
        let status_line = lines.next()?;
        let mut parts = status_line.split_ascii_whitespace();
        if !parts.next()?.starts_with("HTTP/") {
            return None;
        }
        let status = parts.next()?.parse().ok()?;
        let headers = lines
            .filter_map(|line| {
                let (name, value) = line.split_once(':')?;
                Some((name.trim().to_ascii_lowercase(), value.trim().to_owned()))
            })
            .collect();
        Some(HttpResponse {
            status,
            headers,
            body_start: head_end,
        })
    }

    /// The first value of a header (name in lowercase).
    fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Undoes `Transfer-Encoding: chunked`: hexadecimal sizes, each followed by that many bytes.
fn dechunk(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let invalid = || std::io::Error::new(std::io::ErrorKind::InvalidData, "malformed chunked body");
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let line_end = find(rest, b"\n").ok_or_else(invalid)?;
        let size_text = String::from_utf8_lossy(&rest[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| invalid())?;
        rest = &rest[line_end + 1..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = rest.get(..size).ok_or_else(invalid)?;
        out.extend_from_slice(chunk);
        rest = &rest[size..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

/// Reads a saved page, decompressing it when its name ends in `.gz`.
pub fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    if is_gzip(path) {
        flate2::read::MultiGzDecoder::new(BufReader::new(file)).read_to_end(&mut bytes)?;
    } else {
        BufReader::new(file).read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// The URL of a WARC record, when its target URI parses.
pub fn record_url(record: &Record) -> Option<Url> {
    Url::parse(&record.target_uri).ok()
}
