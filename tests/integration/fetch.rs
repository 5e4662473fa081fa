//! Fetching and decoding end to end, against a loopback server started inside each test (see
//! `server`): charsets declared in the header, in `<meta>` or nowhere, a lying header, a
//! byte-order mark, compressed bodies, redirects, HTTP errors, non-HTML responses, size limits,
//! decompression bombs, stalled servers and the private-address guard. Each test asserts the
//! decoded text or the exact error variant; the whole module runs in a few seconds.

pub mod server;

use std::io::Write;
use std::net::IpAddr;
use std::time::{Duration, Instant};

use encoding_rs::Encoding;
use libtest_mimic::{Failed, Trial};
use newsprint::{Article, EncodingSource, Error, Extractor};
use url::Url;

use server::{Reply, Server};

type Test = fn() -> Result<(), Failed>;

pub fn trials() -> Vec<Trial> {
    let tests: [(&str, Test); 32] = [
        ("windows_1251_from_the_header", windows_1251_from_the_header),
        ("windows_1251_from_meta", windows_1251_from_meta),
        ("shift_jis_without_any_label", shift_jis_without_any_label),
        (
            "latin1_served_as_utf8_is_corrected",
            latin1_served_as_utf8_is_corrected,
        ),
        ("utf16_with_a_byte_order_mark", utf16_with_a_byte_order_mark),
        ("gzip_body", gzip_body),
        ("brotli_body", brotli_body),
        ("deflate_body", deflate_body),
        ("corrupt_gzip_is_a_body_error", corrupt_gzip_is_a_body_error),
        (
            "three_redirects_end_at_the_final_url",
            three_redirects_end_at_the_final_url,
        ),
        ("redirects_past_the_limit", redirects_past_the_limit),
        ("redirect_loop", redirect_loop),
        ("not_found", not_found),
        ("server_error", server_error),
        ("pdf_is_not_html", pdf_is_not_html),
        (
            "plain_text_with_html_inside_is_accepted",
            plain_text_with_html_inside_is_accepted,
        ),
        ("plain_text_is_not_html", plain_text_is_not_html),
        (
            "missing_content_type_is_sniffed",
            missing_content_type_is_sniffed,
        ),
        (
            "declared_length_over_the_limit",
            declared_length_over_the_limit,
        ),
        ("streamed_body_over_the_limit", streamed_body_over_the_limit),
        ("gzip_bomb", gzip_bomb),
        ("brotli_bomb", brotli_bomb),
        ("silent_server_times_out", silent_server_times_out),
        (
            "stall_after_headers_times_out",
            stall_after_headers_times_out,
        ),
        (
            "trickling_body_hits_the_total_timeout",
            trickling_body_hits_the_total_timeout,
        ),
        (
            "sends_user_agent_and_accept_headers",
            sends_user_agent_and_accept_headers,
        ),
        ("guard_off_fetches_loopback", guard_off_fetches_loopback),
        (
            "guard_refuses_loopback_literal",
            guard_refuses_loopback_literal,
        ),
        (
            "guard_refuses_names_resolving_to_loopback",
            guard_refuses_names_resolving_to_loopback,
        ),
        (
            "same_article_from_bytes_and_url",
            same_article_from_bytes_and_url,
        ),
        ("same_article_after_redirects", same_article_after_redirects),
        ("clones_fetch_with_one_client", clones_fetch_with_one_client),
    ];
    tests
        .into_iter()
        .map(|(name, test)| Trial::test(format!("fetch::{name}"), test))
        .collect()
}

const RUSSIAN_TITLE: &str = "Переговоры продолжатся в Москве";
const RUSSIAN: [&str; 2] = [
    "Президент России заявил, что переговоры будут продолжены на следующей неделе в Москве, \
     и выразил надежду на скорое достижение соглашения.",
    "Представители обеих сторон сообщили журналистам, что обсуждение было долгим, но \
     конструктивным, а следующий раунд пройдёт при участии экспертов.",
];
const JAPANESE_TITLE: &str = "飲食店に時短要請";
const JAPANESE: [&str; 2] = [
    "東京都は十日、新型の感染症対策として、都内の飲食店に営業時間の短縮を要請すると発表した。",
    "知事は記者会見で「感染の拡大を防ぐため、都民の皆さまの協力をお願いしたい」と述べた。\
     要請は来週の月曜日から二週間の予定だという。",
];
const GERMAN_TITLE: &str = "Höhere Gebühren für die Müllabfuhr";
const GERMAN: [&str; 2] = [
    "Die Bürger der Stadt Köln müssen sich auf höhere Gebühren für die Müllabfuhr einstellen, \
     teilte der Stadtrat am Dienstag mit.",
    "Größere Straßen werden künftig häufiger gereinigt, und die Öffnungszeiten der Wertstoffhöfe \
     werden verlängert, hieß es weiter.",
];
const ENGLISH_TITLE: &str = "Storm reaches the coast";
const ENGLISH: [&str; 2] = [
    "The storm reached the coast on Tuesday morning, closing roads and schools across the region.",
    "Officials said the clean-up would take at least a week, and asked people to stay at home.",
];

/// An article page; `head` goes into `<head>` (a `<meta charset>`, say).
fn page(head: &str, title: &str, paragraphs: &[&str]) -> String {
    let body = paragraphs
        .iter()
        .fold(String::new(), |body, p| body + "<p>" + p + "</p>");
    format!(
        "<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>\
         <nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{body}\
         <p>See <a href=\"related/story\">the related story</a> for more on this.</p></article>\
         </body></html>"
    )
}

fn english_page() -> String {
    page("", ENGLISH_TITLE, &ENGLISH)
}

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot encode the text", encoding.name());
    bytes.into_owned()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("gzip in memory");
    encoder.finish().expect("gzip in memory")
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
        encoder.write_all(bytes).expect("brotli in memory");
    }
    out
}

fn fetch(extractor: &Extractor, server: &Server, path: &str) -> Result<Article, Error> {
    extractor.extract_url(&server.url(path))
}

/// Serves one page at `/page` and extracts it with the default extractor.
fn serve_and_extract(reply: Reply) -> Result<Article, Error> {
    let server = Server::start(vec![("/page", reply)]);
    fetch(&Extractor::new(), &server, "/page")
}

fn expect_text(article: &Article, title: &str, paragraphs: &[&str]) -> Result<(), Failed> {
    if article.title.as_deref() != Some(title) {
        return Err(format!("title {:?}, expected {title:?}", article.title).into());
    }
    let text = article.text();
    for paragraph in paragraphs {
        if !text.contains(paragraph) {
            return Err(format!("text lacks {paragraph:?}; got {text:?}").into());
        }
    }
    Ok(())
}

fn expect_decoding(
    article: &Article,
    encoding: &str,
    source: EncodingSource,
    declared: Option<&str>,
) -> Result<(), Failed> {
    let decoding = article.decoding.ok_or("no decoding recorded")?;
    if decoding.encoding != encoding || decoding.source != source || decoding.declared != declared {
        return Err(format!(
            "decoding {decoding:?}, expected {encoding} from {source:?} (declared {declared:?})"
        )
        .into());
    }
    if decoding.had_errors {
        return Err("decoding replaced malformed bytes".into());
    }
    Ok(())
}

fn unexpected<T: std::fmt::Debug>(result: Result<T, Error>) -> Failed {
    match result {
        Ok(value) => format!("expected an error, got {value:?}").into(),
        Err(error) => format!("unexpected error variant: {error:?}").into(),
    }
}

fn windows_1251_from_the_header() -> Result<(), Failed> {
    let body = encode(
        encoding_rs::WINDOWS_1251,
        &page("", RUSSIAN_TITLE, &RUSSIAN),
    );
    let article = serve_and_extract(Reply::ok(Some("text/html; charset=windows-1251"), body))?;
    expect_text(&article, RUSSIAN_TITLE, &RUSSIAN)?;
    expect_decoding(
        &article,
        "windows-1251",
        EncodingSource::ContentType,
        Some("windows-1251"),
    )
}

fn windows_1251_from_meta() -> Result<(), Failed> {
    let html = page(
        r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">"#,
        RUSSIAN_TITLE,
        &RUSSIAN,
    );
    let article = serve_and_extract(Reply::ok(
        Some("text/html"),
        encode(encoding_rs::WINDOWS_1251, &html),
    ))?;
    expect_text(&article, RUSSIAN_TITLE, &RUSSIAN)?;
    expect_decoding(
        &article,
        "windows-1251",
        EncodingSource::MetaTag,
        Some("windows-1251"),
    )
}

fn shift_jis_without_any_label() -> Result<(), Failed> {
    let body = encode(encoding_rs::SHIFT_JIS, &page("", JAPANESE_TITLE, &JAPANESE));
    let article = serve_and_extract(Reply::ok(Some("text/html"), body))?;
    expect_text(&article, JAPANESE_TITLE, &JAPANESE)?;
    expect_decoding(&article, "Shift_JIS", EncodingSource::Detected, None)
}

fn latin1_served_as_utf8_is_corrected() -> Result<(), Failed> {
    let body = encode(encoding_rs::WINDOWS_1252, &page("", GERMAN_TITLE, &GERMAN));
    let article = serve_and_extract(Reply::ok(Some("text/html; charset=UTF-8"), body))?;
    expect_text(&article, GERMAN_TITLE, &GERMAN)?;
    expect_decoding(
        &article,
        "windows-1252",
        EncodingSource::Corrected,
        Some("UTF-8"),
    )
}

fn utf16_with_a_byte_order_mark() -> Result<(), Failed> {
    let mut body = vec![0xFF, 0xFE];
    body.extend(
        page("", RUSSIAN_TITLE, &RUSSIAN)
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    // The header's charset is wrong; the byte-order mark decides.
    let article = serve_and_extract(Reply::ok(Some("text/html; charset=iso-8859-1"), body))?;
    expect_text(&article, RUSSIAN_TITLE, &RUSSIAN)?;
    expect_decoding(
        &article,
        "UTF-16LE",
        EncodingSource::ByteOrderMark,
        Some("UTF-16LE"),
    )
}

fn gzip_body() -> Result<(), Failed> {
    let body = gzip(english_page().as_bytes());
    let article = serve_and_extract(Reply::compressed("text/html", "gzip", body))?;
    expect_text(&article, ENGLISH_TITLE, &ENGLISH)
}

fn brotli_body() -> Result<(), Failed> {
    let html = page("", GERMAN_TITLE, &GERMAN);
    let body = brotli(html.as_bytes());
    let article = serve_and_extract(Reply::compressed("text/html; charset=utf-8", "br", body))?;
    expect_text(&article, GERMAN_TITLE, &GERMAN)?;
    expect_decoding(
        &article,
        "UTF-8",
        EncodingSource::ContentType,
        Some("UTF-8"),
    )
}

fn deflate_body() -> Result<(), Failed> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(english_page().as_bytes())?;
    let article = serve_and_extract(Reply::compressed("text/html", "deflate", encoder.finish()?))?;
    expect_text(&article, ENGLISH_TITLE, &ENGLISH)
}

fn corrupt_gzip_is_a_body_error() -> Result<(), Failed> {
    let mut body = gzip(english_page().as_bytes());
    body.truncate(body.len() / 2);
    body.extend_from_slice(b"not gzip at all");
    let server = Server::start(vec![(
        "/page",
        Reply::compressed("text/html", "gzip", body),
    )]);
    match fetch(&Extractor::new(), &server, "/page") {
        Err(Error::Body { url, .. }) if url == server.url("/page") => Ok(()),
        other => Err(unexpected(other)),
    }
}

fn redirect_chain() -> Server {
    Server::start(vec![
        ("/start", Reply::redirect("/hop/1")),
        ("/hop/1", Reply::redirect("/hop/2")),
        ("/hop/2", Reply::redirect("/news/final")),
        ("/news/final", Reply::ok(Some("text/html"), english_page())),
    ])
}

fn three_redirects_end_at_the_final_url() -> Result<(), Failed> {
    let server = redirect_chain();
    let article = fetch(&Extractor::new(), &server, "/start")?;
    expect_text(&article, ENGLISH_TITLE, &ENGLISH)?;
    let final_url = server.url("/news/final");
    if article.url.as_ref().map(Url::as_str) != Some(final_url.as_str()) {
        return Err(format!("article URL {:?}, expected {final_url}", article.url).into());
    }
    // Relative links resolve against the final URL, not the requested one.
    let link = server.url("/news/related/story");
    let links: Vec<&str> = article
        .paragraphs()
        .flat_map(|p| p.links.iter().map(|l| l.url.as_str()))
        .collect();
    if links != [link.as_str()] {
        return Err(format!("links {links:?}, expected [{link}]").into());
    }
    Ok(())
}

fn redirects_past_the_limit() -> Result<(), Failed> {
    let server = redirect_chain();
    let extractor = Extractor::builder().max_redirects(2).build();
    match fetch(&extractor, &server, "/start") {
        Err(Error::TooManyRedirects { url, limit: 2 }) if url == server.url("/start") => Ok(()),
        other => Err(unexpected(other)),
    }
}

fn redirect_loop() -> Result<(), Failed> {
    let server = Server::start(vec![
        ("/a", Reply::redirect("/b")),
        ("/b", Reply::redirect("/a")),
    ]);
    let result = fetch(&Extractor::new(), &server, "/a");
    let requests = server.requests().len();
    match result {
        // Stopped at the repeat, without running up to the redirect limit.
        Err(Error::RedirectLoop { url }) if url == server.url("/a") && requests == 2 => Ok(()),
        other => Err(format!("{other:?} after {requests} requests").into()),
    }
}

fn expect_status(status: u16) -> Result<(), Failed> {
    let server = Server::start(vec![("/page", Reply::status(status))]);
    match fetch(&Extractor::new(), &server, "/page") {
        Err(Error::HttpStatus { url, status: got })
            if got == status && url == server.url("/page") =>
        {
            Ok(())
        }
        other => Err(unexpected(other)),
    }
}

fn not_found() -> Result<(), Failed> {
    expect_status(404)
}

fn server_error() -> Result<(), Failed> {
    expect_status(500)
}

fn pdf_is_not_html() -> Result<(), Failed> {
    match serve_and_extract(Reply::ok(Some("application/pdf"), b"%PDF-1.7\n".to_vec())) {
        Err(Error::NotHtml { content_type }) if content_type == "application/pdf" => Ok(()),
        other => Err(unexpected(other)),
    }
}

fn plain_text_with_html_inside_is_accepted() -> Result<(), Failed> {
    let article = serve_and_extract(Reply::ok(Some("text/plain"), english_page()))?;
    expect_text(&article, ENGLISH_TITLE, &ENGLISH)
}

fn plain_text_is_not_html() -> Result<(), Failed> {
    let body = ENGLISH.join("\n\n");
    match serve_and_extract(Reply::ok(Some("text/plain; charset=utf-8"), body)) {
        Err(Error::NotHtml { content_type }) if content_type == "text/plain; charset=utf-8" => {
            Ok(())
        }
        other => Err(unexpected(other)),
    }
}

fn missing_content_type_is_sniffed() -> Result<(), Failed> {
    let article = serve_and_extract(Reply::ok(None, english_page()))?;
    expect_text(&article, ENGLISH_TITLE, &ENGLISH)?;
    match serve_and_extract(Reply::ok(None, b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec())) {
        Err(Error::NotHtml { content_type }) if content_type == "application/pdf" => Ok(()),
        other => Err(unexpected(other)),
    }
}

const LIMIT: u64 = 64 * 1024;

fn oversized_page() -> String {
    let paragraph = format!("<p>{}</p>", ENGLISH[0]);
    page("", ENGLISH_TITLE, &[&paragraph.repeat(2000)])
}

fn declared_length_over_the_limit() -> Result<(), Failed> {
    let body = oversized_page();
    let size = body.len() as u64;
    let server = Server::start(vec![("/page", Reply::ok(Some("text/html"), body))]);
    let extractor = Extractor::builder().max_body_bytes(LIMIT).build();
    match fetch(&extractor, &server, "/page") {
        Err(Error::TooLarge {
            limit: LIMIT,
            actual,
        }) if actual == size => Ok(()),
        other => Err(unexpected(other)),
    }
}

fn streamed_body_over_the_limit() -> Result<(), Failed> {
    // No Content-Length: the body runs until the server closes, and reading stops at the limit.
    let reply = Reply::Full {
        status: 200,
        headers: vec![("Content-Type", "text/html".to_owned())],
        body: oversized_page().into_bytes(),
        length: false,
    };
    let server = Server::start(vec![("/page", reply)]);
    let extractor = Extractor::builder().max_body_bytes(LIMIT).build();
    match fetch(&extractor, &server, "/page") {
        Err(Error::TooLarge {
            limit: LIMIT,
            actual,
        }) if actual == LIMIT + 1 => Ok(()),
        other => Err(unexpected(other)),
    }
}

/// 64 MiB of spaces inside an HTML page, compressed to a few dozen kilobytes.
fn bomb_page() -> Vec<u8> {
    let mut html = b"<html><body><p>".to_vec();
    html.resize(64 * 1024 * 1024, b' ');
    html
}

fn expect_bomb_refused(encoding: &str, body: Vec<u8>) -> Result<(), Failed> {
    const BOMB_LIMIT: u64 = 1024 * 1024;
    if body.len() as u64 >= BOMB_LIMIT {
        return Err(format!("the compressed bomb is {} bytes", body.len()).into());
    }
    let server = Server::start(vec![(
        "/page",
        Reply::compressed("text/html", encoding, body),
    )]);
    let extractor = Extractor::builder().max_body_bytes(BOMB_LIMIT).build();
    match fetch(&extractor, &server, "/page") {
        Err(Error::TooLarge {
            limit: BOMB_LIMIT,
            actual,
        }) if actual == BOMB_LIMIT + 1 => Ok(()),
        other => Err(unexpected(other)),
    }
}

fn gzip_bomb() -> Result<(), Failed> {
    expect_bomb_refused("gzip", gzip(&bomb_page()))
}

fn brotli_bomb() -> Result<(), Failed> {
    expect_bomb_refused("br", brotli(&bomb_page()))
}

fn expect_timeout(reply: Reply, timeout: Duration) -> Result<(), Failed> {
    let server = Server::start(vec![("/page", reply)]);
    let extractor = Extractor::builder().timeout(timeout).build();
    let started = Instant::now();
    let result = fetch(&extractor, &server, "/page");
    let elapsed = started.elapsed();
    if elapsed > timeout + Duration::from_secs(2) {
        return Err(format!("gave up after {elapsed:?}, timeout {timeout:?}").into());
    }
    match result {
        Err(Error::Timeout { url, timeout: got })
            if got == timeout && url == server.url("/page") =>
        {
            Ok(())
        }
        other => Err(unexpected(other)),
    }
}

fn silent_server_times_out() -> Result<(), Failed> {
    expect_timeout(Reply::Silent, Duration::from_millis(300))
}

fn stall_after_headers_times_out() -> Result<(), Failed> {
    expect_timeout(Reply::Stall, Duration::from_millis(300))
}

fn trickling_body_hits_the_total_timeout() -> Result<(), Failed> {
    // A byte every 50 ms never trips a per-read timeout; the total one still ends the fetch.
    let reply = Reply::Trickle {
        interval: Duration::from_millis(50),
    };
    expect_timeout(reply, Duration::from_millis(600))
}

fn sends_user_agent_and_accept_headers() -> Result<(), Failed> {
    let server = Server::start(vec![(
        "/page",
        Reply::ok(Some("text/html"), english_page()),
    )]);
    fetch(&Extractor::new(), &server, "/page")?;
    let requests = server.requests();
    let head = requests.first().ok_or("no request arrived")?;
    let user_agent = format!("user-agent: newsprint/{}", env!("CARGO_PKG_VERSION"));
    let accept_encoding = head
        .lines()
        .find_map(|line| line.strip_prefix("accept-encoding: "))
        .unwrap_or_default();
    let expected = [
        user_agent.as_str(),
        "\r\naccept: text/html,application/xhtml+xml;",
    ];
    if !expected.iter().all(|line| head.contains(line))
        || !["gzip", "br", "deflate"]
            .iter()
            .all(|coding| accept_encoding.contains(coding))
    {
        return Err(format!("request lacks the expected headers: {head}").into());
    }
    let custom = Extractor::builder().user_agent("my-archiver/2.0").build();
    fetch(&custom, &server, "/page")?;
    match server.requests().get(1) {
        Some(head) if head.contains("user-agent: my-archiver/2.0\r\n") => Ok(()),
        other => Err(format!("custom agent not sent: {other:?}").into()),
    }
}

fn guard_off_fetches_loopback() -> Result<(), Failed> {
    let server = Server::start(vec![(
        "/page",
        Reply::ok(Some("text/html"), english_page()),
    )]);
    let extractor = Extractor::builder().block_private_addresses(false).build();
    let article = fetch(&extractor, &server, "/page")?;
    expect_text(&article, ENGLISH_TITLE, &ENGLISH)
}

fn guard_refuses_loopback_literal() -> Result<(), Failed> {
    let server = Server::start(vec![(
        "/page",
        Reply::ok(Some("text/html"), english_page()),
    )]);
    let extractor = Extractor::builder().block_private_addresses(true).build();
    let result = fetch(&extractor, &server, "/page");
    if !server.requests().is_empty() {
        return Err("the guarded fetch reached the server".into());
    }
    match result {
        Err(Error::PrivateAddress { address, .. }) if address == IpAddr::from([127, 0, 0, 1]) => {
            Ok(())
        }
        other => Err(unexpected(other)),
    }
}

fn guard_refuses_names_resolving_to_loopback() -> Result<(), Failed> {
    let server = Server::start(vec![(
        "/page",
        Reply::ok(Some("text/html"), english_page()),
    )]);
    let extractor = Extractor::builder().block_private_addresses(true).build();
    let url = format!("http://localhost:{}/page", server.port());
    let result = extractor.extract_url(&url);
    if !server.requests().is_empty() {
        return Err("the guarded fetch reached the server".into());
    }
    match result {
        Err(Error::PrivateAddress { url: got, address }) if got == url && address.is_loopback() => {
            Ok(())
        }
        other => Err(unexpected(other)),
    }
}

/// `extract_url` equals `extract_bytes` over the same body, content type and final URL.
fn expect_same_article(server: &Server, path: &str, final_path: &str) -> Result<(), Failed> {
    let extractor = Extractor::new();
    let from_url = fetch(&extractor, server, path)?;
    let final_url = Url::parse(&server.url(final_path))?;
    let page = extractor.fetch(&final_url)?;
    if page.final_url != final_url {
        return Err(format!("fetched {} instead of {final_url}", page.final_url).into());
    }
    let from_bytes =
        extractor.extract_bytes(&page.bytes, page.content_type.as_deref(), Some(&final_url))?;
    if from_url != from_bytes {
        return Err(format!("from URL {from_url:#?}\nfrom bytes {from_bytes:#?}").into());
    }
    Ok(())
}

fn same_article_from_bytes_and_url() -> Result<(), Failed> {
    let body = encode(
        encoding_rs::WINDOWS_1251,
        &page("", RUSSIAN_TITLE, &RUSSIAN),
    );
    let reply = Reply::ok(Some("text/html; charset=windows-1251"), body);
    let server = Server::start(vec![("/page", reply)]);
    expect_same_article(&server, "/page", "/page")
}

fn same_article_after_redirects() -> Result<(), Failed> {
    expect_same_article(&redirect_chain(), "/start", "/news/final")
}

fn clones_fetch_with_one_client() -> Result<(), Failed> {
    let server = Server::start(vec![(
        "/page",
        Reply::ok(Some("text/html"), english_page()),
    )]);
    let extractor = Extractor::new();
    let workers: Vec<_> = (0..3)
        .map(|_| {
            let (extractor, url) = (extractor.clone(), server.url("/page"));
            std::thread::spawn(move || extractor.extract_url(&url))
        })
        .collect();
    for worker in workers {
        let article = worker.join().map_err(|_| "a worker panicked")??;
        expect_text(&article, ENGLISH_TITLE, &ENGLISH)?;
    }
    Ok(())
}
