//! Many pages at once: `Extractor::extract_many` keeps input order and per-page errors, and
//! the bundled binary (`examples/extract.rs`, built by `cargo test` beside this binary) walks
//! directories and reads WARC archives, plain and gzip, on several threads with its output
//! in input order. The WARC archives are written here, byte by byte, as crawlers write them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use libtest_mimic::{Failed, Trial};
use newsprint::{Error, Extractor, Input};

pub fn trials() -> Vec<Trial> {
    crate::named_trials(
        "batch",
        &[
            (
                "extract_many_keeps_order_and_reports_each_error",
                extract_many_keeps_order_and_errors,
            ),
            (
                "binary_walks_a_directory_in_name_order",
                binary_walks_a_directory,
            ),
            (
                "binary_reads_plain_and_gzip_warc_archives",
                binary_reads_warc_archives,
            ),
            (
                "binary_reports_unreadable_inputs_in_place_and_keeps_metadata",
                binary_reports_unreadable_inputs,
            ),
        ],
    )
}

/// A page whose only paragraph names it, long enough to be an article.
fn page(name: &str) -> String {
    format!(
        "<html><head><title>{name}</title></head><body><nav><a href='/'>Home</a></nav>\
         <article><h1>{name}</h1><p>This is the page called {name}, and this paragraph is long \
         enough to be the body of an article. <a href='more'>More</a> on it.</p></article>\
         </body></html>"
    )
}

fn extract_many_keeps_order_and_errors() -> Result<(), Failed> {
    let inputs = (0..50).map(|i| {
        if i % 7 == 3 {
            Input::new("<html><body></body></html>")
        } else {
            Input::new(page(&format!("page {i:02}")))
                .with_url(url::Url::parse(&format!("https://example.com/{i}/")).unwrap())
        }
    });
    let results: Vec<_> = Extractor::new().extract_many(inputs).collect();
    if results.len() != 50 {
        return Err(format!("{} results for 50 inputs", results.len()).into());
    }
    for (i, result) in results.iter().enumerate() {
        match result {
            Err(Error::NoContent { .. }) if i % 7 == 3 => {}
            Ok(article) if i % 7 != 3 => {
                let expected = format!("page {i:02}");
                if article.title.as_deref() != Some(expected.as_str()) {
                    return Err(format!("result {i} is {:?}", article.title).into());
                }
                let link = article.paragraphs().next().and_then(|p| p.links.first());
                let expected_url = format!("https://example.com/{i}/more");
                if link.map(|l| l.url.as_str()) != Some(expected_url.as_str()) {
                    return Err(format!("result {i}: link {link:?}, not {expected_url}").into());
                }
            }
            other => return Err(format!("result {i}: unexpected {other:?}").into()),
        }
    }
    Ok(())
}

/// A fresh empty directory under the system's temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path =
            std::env::temp_dir().join(format!("newsprint-{label}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).expect("creating a temporary directory");
        TempDir(path)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("creating a directory");
        }
        std::fs::write(&path, bytes).expect("writing a file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("compressing in memory");
    encoder.finish().expect("compressing in memory")
}

/// The example binary: `target/<profile>/examples/extract`, beside this test's `deps/`.
fn binary() -> Result<PathBuf, Failed> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("no target directory")?;
    let path = profile_dir
        .join("examples")
        .join(format!("extract{}", std::env::consts::EXE_SUFFIX));
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!("{} not built (cargo test builds it)", path.display()).into())
    }
}

fn run(args: &[&str]) -> Result<Output, Failed> {
    Ok(Command::new(binary()?)
        .args(args)
        .output()
        .map_err(|e| e.to_string())?)
}

/// The JSON lines of a run.
fn json_lines(output: &Output) -> Result<Vec<serde_json::Value>, Failed> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).map_err(|e| format!("{e}: {line}").into()))
        .collect()
}

fn field<'v>(line: &'v serde_json::Value, name: &str) -> &'v str {
    line.get(name).and_then(|v| v.as_str()).unwrap_or("")
}

fn binary_walks_a_directory() -> Result<(), Failed> {
    let dir = TempDir::new("walk");
    let mut expected = Vec::new();
    // Three levels, names out of creation order, every kind of page file, and files that are
    // not pages; the walk visits each directory's entries in name order.
    for i in (0..24).rev() {
        let (folder, name) = (format!("d{}", i / 8), format!("p{i:02}"));
        let path = match i % 3 {
            0 => dir.write(&format!("{folder}/{name}.html"), page(&name).as_bytes()),
            1 => dir.write(&format!("{folder}/sub/{name}.htm"), page(&name).as_bytes()),
            _ => dir.write(
                &format!("{folder}/{name}.html.gz"),
                &gzip(page(&name).as_bytes()),
            ),
        };
        expected.push((path.display().to_string(), name));
    }
    dir.write("d0/notes.txt", b"not a page");
    dir.write("d1/image.png", b"\x89PNG");
    expected.sort();
    let root = dir.0.display().to_string();
    let output = run(&["--format", "json", "--jobs", "3", &root])?;
    if !output.status.success() {
        return Err(format!("exit {:?}: {}", output.status, stderr(&output)).into());
    }
    let lines = json_lines(&output)?;
    let got: Vec<(String, String)> = lines
        .iter()
        .map(|line| {
            (
                field(line, "input").to_owned(),
                field(line, "title").to_owned(),
            )
        })
        .collect();
    if got != expected {
        return Err(format!("expected {expected:#?}\ngot {got:#?}").into());
    }
    let summary = stderr(&output);
    if !summary.contains("24 pages, 0 errors") {
        return Err(format!("summary: {summary}").into());
    }
    Ok(())
}

/// One WARC record: version, named fields, a blank line, the block, two line ends.
fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-000000000000>\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len() * 31 + kind.len(),
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

fn http_response(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut response = format!("HTTP/1.1 {status}\r\n").into_bytes();
    for header in headers {
        response.extend_from_slice(format!("{header}\r\n").as_bytes());
    }
    response.extend_from_slice(b"\r\n");
    response.extend_from_slice(body);
    response
}

/// An archive as a crawler leaves it: a warcinfo record, request and response pairs, a
/// redirect, an image, a page sent gzip-compressed in chunks, and a 404 page.
fn archive(pages: usize) -> (Vec<Vec<u8>>, Vec<(String, String)>) {
    const HTTP: &str = "application/http; msgtype=response";
    let mut records = vec![warc_record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: newsprint tests\r\n",
    )];
    let mut expected = Vec::new();
    for i in 0..pages {
        let uri = format!("https://news.example/story/{i}");
        let name = format!("story {i:02}");
        records.push(warc_record(
            "request",
            &uri,
            "application/http; msgtype=request",
            format!("GET /story/{i} HTTP/1.1\r\nHost: news.example\r\n\r\n").as_bytes(),
        ));
        let response = if i % 4 == 2 {
            let compressed = gzip(page(&name).as_bytes());
            let (head, tail) = compressed.split_at(compressed.len() / 2);
            let mut chunked = Vec::new();
            for chunk in [head, tail] {
                chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                chunked.extend_from_slice(chunk);
                chunked.extend_from_slice(b"\r\n");
            }
            chunked.extend_from_slice(b"0\r\n\r\n");
            http_response(
                "200 OK",
                &[
                    "Content-Type: text/html; charset=utf-8",
                    "Content-Encoding: gzip",
                    "Transfer-Encoding: chunked",
                ],
                &chunked,
            )
        } else {
            http_response(
                "200 OK",
                &["Content-Type: text/html"],
                page(&name).as_bytes(),
            )
        };
        records.push(warc_record("response", &uri, HTTP, &response));
        expected.push((uri, name));
        if i == 1 {
            records.push(warc_record(
                "response",
                "https://news.example/old",
                HTTP,
                &http_response("301 Moved Permanently", &["Location: /story/1"], b""),
            ));
            records.push(warc_record(
                "response",
                "https://news.example/logo.png",
                HTTP,
                &http_response("200 OK", &["Content-Type: image/png"], b"\x89PNG\r\n"),
            ));
            records.push(warc_record(
                "response",
                "https://news.example/missing",
                HTTP,
                &http_response(
                    "404 Not Found",
                    &["Content-Type: text/html"],
                    b"<p>gone</p>",
                ),
            ));
        }
    }
    (records, expected)
}

fn binary_reads_warc_archives() -> Result<(), Failed> {
    let dir = TempDir::new("warc");
    let (records, expected) = archive(12);
    let plain = dir.write("crawl.warc", &records.concat());
    // Gzip WARC files compress each record as a member of its own.
    let members: Vec<u8> = records.iter().flat_map(|record| gzip(record)).collect();
    let compressed = dir.write("crawl.warc.gz", &members);
    for path in [&plain, &compressed] {
        let output = run(&[
            "--format",
            "json",
            "--jobs",
            "2",
            &path.display().to_string(),
        ])?;
        if !output.status.success() {
            return Err(format!(
                "{}: exit {:?}: {}",
                path.display(),
                output.status,
                stderr(&output)
            )
            .into());
        }
        let lines = json_lines(&output)?;
        let got: Vec<(String, String)> = lines
            .iter()
            .map(|line| {
                (
                    field(line, "input").to_owned(),
                    field(line, "title").to_owned(),
                )
            })
            .collect();
        if got != expected {
            return Err(format!("{}: expected {expected:#?}\ngot {got:#?}", path.display()).into());
        }
        // The target URI is the base URL: the relative link resolves against it.
        let link = lines[5]["blocks"][0]["links"][0]["url"].as_str();
        if link != Some("https://news.example/story/more") {
            return Err(format!("{}: link {link:?}", path.display()).into());
        }
    }
    Ok(())
}

fn binary_reports_unreadable_inputs() -> Result<(), Failed> {
    let dir = TempDir::new("errors");
    let good = dir.write("good.html", page("good").as_bytes());
    let empty = dir.write(
        "empty.html",
        b"<html><head><title>Nothing here yet</title></head><body></body></html>",
    );
    // An archive cut off in the middle of a record's block.
    let mut broken = warc_record(
        "response",
        "https://a.example/",
        "application/http",
        &[b'x'; 64],
    );
    broken.truncate(broken.len() - 40);
    let broken = dir.write("broken.warc", &broken);
    let missing = dir.0.join("missing.html");
    let args: Vec<String> = [&good, &missing, &empty, &broken, &good]
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let mut all = vec!["--format".to_owned(), "json".to_owned()];
    all.extend(args.iter().cloned());
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let output = run(&all)?;
    if output.status.code() != Some(1) {
        return Err(format!("exit {:?}, not 1", output.status).into());
    }
    let lines = json_lines(&output)?;
    let inputs: Vec<&str> = lines.iter().map(|line| field(line, "input")).collect();
    if inputs != args.iter().map(String::as_str).collect::<Vec<_>>() {
        return Err(format!("inputs {inputs:?}, not {args:?}").into());
    }
    let failed: Vec<bool> = lines
        .iter()
        .map(|line| line.get("error").is_some())
        .collect();
    if failed != [false, true, true, true, false] {
        return Err(format!("errors {failed:?}: {lines:#?}").into());
    }
    // A page without body text keeps its metadata; an unreadable input has none to keep.
    let titles: Vec<Option<&str>> = lines
        .iter()
        .map(|line| line.get("title").and_then(serde_json::Value::as_str))
        .collect();
    if titles
        != [
            Some("good"),
            None,
            Some("Nothing here yet"),
            None,
            Some("good"),
        ]
    {
        return Err(format!("titles {titles:?}: {lines:#?}").into());
    }
    if !stderr(&output).contains("5 pages, 3 errors") {
        return Err(format!("summary: {}", stderr(&output)).into());
    }
    Ok(())
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
