//! Every error a caller can meet without the network, with its exact message and cause:
//! budgets (`TooLarge`, `TooManyElements`), pages without an article (`NoContent`), bad URLs
//! (`InvalidUrl`) and, against the `fetch` module's loopback server, every fetch failure
//! (`HttpStatus`, `NotHtml`, a body over its budget, `Body`, `Fetch`, `Timeout`,
//! `TooManyRedirects`, `RedirectLoop`, `PrivateAddress`). The `fetch` module checks their
//! variants and fields in depth; here it is the words a user reads. Also: hostile input
//! (truncated, mislabelled, empty, binary) ends in a value or an error, never a panic.

use std::error::Error as _;

use libtest_mimic::{Failed, Trial};
use newsprint::{Error, Extractor};

use crate::golden;

pub fn trials() -> Vec<Trial> {
    crate::named_trials(
        "errors",
        &[
            ("too_large", too_large),
            ("too_many_elements", too_many_elements),
            ("no_content", no_content),
            ("hostile_input_never_panics", hostile_input_never_panics),
            #[cfg(feature = "fetch")]
            ("invalid_url", invalid_url),
            #[cfg(feature = "fetch")]
            ("fetch_error_messages", fetch_error_messages),
        ],
    )
}

/// Checks an error's message and whether it has a cause.
fn expect_message(
    result: Result<newsprint::Article, Error>,
    message: &str,
    has_source: bool,
) -> Result<Error, Failed> {
    let error = match result {
        Ok(article) => return Err(format!("expected {message:?}, got {:?}", article.title).into()),
        Err(error) => error,
    };
    if error.to_string() != message {
        return Err(format!("message {:?}, want {message:?}", error.to_string()).into());
    }
    if error.source().is_some() != has_source {
        return Err(format!("{message:?}: source() is {:?}", error.source()).into());
    }
    Ok(error)
}

fn too_large() -> Result<(), Failed> {
    let extractor = Extractor::builder().max_bytes(10).build();
    let html = "<p>eleven chars</p>";
    let message = "input of 19 bytes exceeds the limit of 10 bytes";
    let error = expect_message(extractor.extract_html(html, None), message, false)?;
    let Error::TooLarge { limit, actual } = error else {
        return Err(format!("not TooLarge: {error:?}").into());
    };
    if (limit, actual) != (10, 19) {
        return Err(format!("fields {limit}, {actual}").into());
    }
    expect_message(
        extractor.extract_bytes(html.as_bytes(), None, None),
        message,
        false,
    )?;
    Ok(())
}

fn too_many_elements() -> Result<(), Failed> {
    let extractor = Extractor::builder().max_elements(5).build();
    // html, head, body, div and three p.
    let html = "<div><p>a</p><p>b</p><p>c</p></div>";
    let message = "document has 7 elements, over the limit of 5";
    let error = expect_message(extractor.extract_html(html, None), message, false)?;
    if !matches!(error, Error::TooManyElements { limit: 5, found: 7 }) {
        return Err(format!("fields of {error:?}").into());
    }
    let document = scraper::Html::parse_document(html);
    expect_message(extractor.extract_document(&document, None), message, false)?;
    Ok(())
}

fn no_content() -> Result<(), Failed> {
    expect_message(
        newsprint::extract(""),
        "no article content found (best candidate has 0 characters, at least 1 needed)",
        false,
    )?;
    let short = "<html><body><article><p>The text has 24 letters.</p></article></body></html>";
    expect_message(
        Extractor::builder()
            .min_chars(25)
            .build()
            .extract_html(short, None),
        "no article content found (best candidate has 24 characters, at least 25 needed)",
        false,
    )?;
    let strict = Extractor::builder().min_chars(1000).build();
    let html = "<html><body><article><p>The bridge over the river is open again since Monday \
        morning, the council said.</p></article></body></html>";
    expect_message(
        strict.extract_html(html, None),
        "no article content found (best candidate has 79 characters, at least 1000 needed)",
        false,
    )?;
    Ok(())
}

/// Truncations of every fixture, a wrong charset label, an empty body, binary noise, deep
/// nesting: each ends in an article or an error.
fn hostile_input_never_panics() -> Result<(), Failed> {
    let extractor = Extractor::new();
    let url = url::Url::parse("https://example.com/a/b").expect("a URL");
    let mut inputs: Vec<(String, Vec<u8>, Option<&str>)> = Vec::new();
    for fixture in golden::fixtures() {
        let len = fixture.source.len();
        for cut in [1, 7, len / 5, len / 3, len / 2, len * 2 / 3, len - 1] {
            let cut = cut.min(len);
            inputs.push((
                format!("{} cut at byte {cut}", fixture.name),
                fixture.source[..cut].to_vec(),
                None,
            ));
        }
        inputs.push((
            format!("{} labelled UTF-16", fixture.name),
            fixture.source.clone(),
            Some("text/html; charset=utf-16le"),
        ));
        inputs.push((
            format!("{} labelled with an unknown charset", fixture.name),
            fixture.source.clone(),
            Some("text/html; charset=x-no-such-thing"),
        ));
    }
    inputs.push(("empty".into(), Vec::new(), None));
    inputs.push(("a BOM alone".into(), vec![0xEF, 0xBB, 0xBF], None));
    inputs.push((
        "binary noise".into(),
        (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect(),
        None,
    ));
    inputs.push((
        "deep nesting".into(),
        format!(
            "{}<p>The bottom of a very deep page holds one sentence of text.</p>",
            "<div>".repeat(20_000)
        )
        .into_bytes(),
        None,
    ));
    inputs.push((
        "unclosed everything".into(),
        b"<html><head><title>T<body><article><p>Text <a href='x".to_vec(),
        None,
    ));
    let mut panicked = Vec::new();
    for (name, bytes, content_type) in &inputs {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            extractor.extract_bytes(bytes, *content_type, Some(&url))
        }));
        if result.is_err() {
            panicked.push(name.clone());
        }
    }
    if panicked.is_empty() {
        Ok(())
    } else {
        Err(format!("panicked on: {}", panicked.join(", ")).into())
    }
}

#[cfg(feature = "fetch")]
fn invalid_url() -> Result<(), Failed> {
    let error = expect_message(
        Extractor::new().extract_url("not a url"),
        r#"invalid URL "not a url""#,
        true,
    )?;
    let cause = error.source().map(ToString::to_string);
    if cause.as_deref() != Some("relative URL without a base") {
        return Err(format!("cause {cause:?}").into());
    }
    expect_message(newsprint::fetch(""), r#"invalid URL """#, true)?;
    expect_message(
        newsprint::fetch("https://exa mple.com/"),
        r#"invalid URL "https://exa mple.com/""#,
        true,
    )?;
    Ok(())
}

/// A URL on a loopback port where nothing listens: connecting is refused.
#[cfg(feature = "fetch")]
fn refused_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binding a loopback port");
    let port = listener.local_addr().expect("a bound address").port();
    drop(listener);
    format!("http://127.0.0.1:{port}/page")
}

/// One fetch that must fail: the extractor, the URL and the exact message, and whether the
/// error keeps a cause in `source()`.
#[cfg(feature = "fetch")]
struct FetchFailure {
    extractor: Extractor,
    url: String,
    message: String,
    has_source: bool,
}

/// The loopback server the failures are fetched from.
#[cfg(feature = "fetch")]
fn failing_server() -> crate::fetch::server::Server {
    use crate::fetch::server::{Reply, Server};

    let long_page = format!(
        "<html><body><article>{}</article></body></html>",
        "<p>A sentence of text in a page that is too long.</p>".repeat(40)
    );
    Server::start(vec![
        ("/gone", Reply::status(410)),
        ("/moved", Reply::redirect("/broken")),
        ("/broken", Reply::status(500)),
        (
            "/report.pdf",
            Reply::ok(Some("application/pdf"), b"%PDF-1.7".to_vec()),
        ),
        (
            "/feed.json",
            Reply::ok(Some("application/json; charset=utf-8"), b"{}".to_vec()),
        ),
        ("/long", Reply::ok(Some("text/html"), long_page)),
        (
            "/corrupt",
            Reply::compressed("text/html", "gzip", b"this is not gzip".to_vec()),
        ),
        ("/silent", Reply::Silent),
        ("/hop/1", Reply::redirect("/hop/2")),
        ("/hop/2", Reply::redirect("/hop/3")),
        ("/hop/3", Reply::redirect("/gone")),
        ("/a", Reply::redirect("/b")),
        ("/b", Reply::redirect("/a")),
    ])
}

#[cfg(feature = "fetch")]
fn fetch_failures(server: &crate::fetch::server::Server) -> Vec<FetchFailure> {
    let url = |path: &str| server.url(path);
    let default = Extractor::new();
    let small = Extractor::builder().max_body_bytes(1000).build();
    let impatient = Extractor::builder()
        .timeout(std::time::Duration::from_millis(300))
        .build();
    let two_hops = Extractor::builder().max_redirects(2).build();
    let guarded = Extractor::builder().block_private_addresses(true).build();
    let refused = refused_url();
    let failure = |extractor: &Extractor, url: String, message: String, has_source| FetchFailure {
        extractor: extractor.clone(),
        url,
        message,
        has_source,
    };
    vec![
        failure(
            &default,
            url("/gone"),
            format!("{} answered with HTTP status 410", url("/gone")),
            false,
        ),
        // After a redirect, the status is reported for the URL that answered.
        failure(
            &default,
            url("/moved"),
            format!("{} answered with HTTP status 500", url("/broken")),
            false,
        ),
        failure(
            &default,
            url("/report.pdf"),
            r#"content type "application/pdf" is not HTML"#.into(),
            false,
        ),
        failure(
            &default,
            url("/feed.json"),
            r#"content type "application/json; charset=utf-8" is not HTML"#.into(),
            false,
        ),
        failure(
            &small,
            url("/long"),
            "input of 2165 bytes exceeds the limit of 1000 bytes".into(),
            false,
        ),
        failure(
            &default,
            url("/corrupt"),
            format!("reading the body of {} failed", url("/corrupt")),
            true,
        ),
        failure(
            &default,
            refused.clone(),
            format!("fetching {refused} failed"),
            true,
        ),
        failure(
            &impatient,
            url("/silent"),
            format!("fetching {} timed out after 300ms", url("/silent")),
            false,
        ),
        failure(
            &two_hops,
            url("/hop/1"),
            format!("{} redirected more than 2 times", url("/hop/1")),
            false,
        ),
        failure(
            &default,
            url("/a"),
            format!("{} redirects in a loop", url("/a")),
            false,
        ),
        failure(
            &guarded,
            url("/gone"),
            format!("{} leads to the non-public address 127.0.0.1", url("/gone")),
            false,
        ),
    ]
}

/// Every fetch failure, from a loopback server: the message names what failed and on what;
/// transport failures keep their cause in `source()`, the others have none.
#[cfg(feature = "fetch")]
fn fetch_error_messages() -> Result<(), Failed> {
    let server = failing_server();
    for failure in fetch_failures(&server) {
        let result = failure.extractor.extract_url(&failure.url);
        expect_message(result, &failure.message, failure.has_source)
            .map_err(|e| format!("{}: {}", failure.url, e.message().unwrap_or_default()))?;
    }
    Ok(())
}
