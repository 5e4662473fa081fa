//! Fetching pages over HTTP(S) (feature `fetch`): a blocking reqwest client with rustls,
//! returning the bytes for [`crate::decode`].
//!
//! One client per [`Extractor`], created on the first fetch and shared by its clones, so
//! connections and TLS sessions are reused. Every fetch is bounded: a connect timeout, a total
//! timeout over the whole exchange (redirects and body included), a redirect limit with loop
//! detection, and a body limit counted in decompressed bytes while the body streams in. The
//! content type is checked before the body is read; types that are often wrong (`text/plain`,
//! XML, `application/octet-stream`, none at all) are judged by the first bytes of the body.

use std::error::Error as StdError;
use std::fmt;
use std::io::{self, Read};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use encoding_rs::Encoding;
use reqwest::blocking::Response;
use reqwest::redirect::Policy;
use url::Url;

use crate::error::{Error, Result};
use crate::extractor::Extractor;
use crate::options::FetchOptions;

/// The `Accept` header: HTML first, XHTML next, anything else last.
const ACCEPT_HTML: &str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";

/// How many leading bytes decide whether a body of an unreliable type is HTML.
const SNIFF_BYTES: u64 = 1024;

/// A page as the server sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FetchedPage {
    /// The URL after redirects; the base for the page's relative links.
    pub final_url: Url,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
}

/// The HTTP client an [`Extractor`] reuses for every fetch.
#[derive(Debug, Clone)]
pub(crate) struct Client {
    inner: reqwest::blocking::Client,
    options: FetchOptions,
}

impl Client {
    pub(crate) fn new(options: &FetchOptions) -> reqwest::Result<Client> {
        let mut builder = reqwest::blocking::Client::builder()
            .user_agent(options.user_agent.clone())
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            .redirect(redirect_policy(
                options.max_redirects,
                options.block_private_addresses,
            ));
        if options.block_private_addresses {
            builder = builder
                .no_proxy()
                .dns_resolver(Arc::new(PublicAddressResolver));
        }
        Ok(Client {
            inner: builder.build()?,
            options: options.clone(),
        })
    }

    fn get(&self, url: &Url) -> Result<FetchedPage> {
        if self.options.block_private_addresses
            && let Some(address) = non_public_literal(url)
        {
            return Err(Error::PrivateAddress {
                url: url.to_string(),
                address,
            });
        }
        let response = self
            .inner
            .get(url.clone())
            .header(reqwest::header::ACCEPT, ACCEPT_HTML)
            // Per request, reqwest counts the timeout to the end of the body, not per read.
            .timeout(self.options.timeout)
            .send()
            .map_err(|error| self.request_error(url, error))?;
        let final_url = response.url().clone();
        let status = response.status();
        if !status.is_success() {
            return Err(Error::HttpStatus {
                url: final_url.to_string(),
                status: status.as_u16(),
            });
        }
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .map(|value| value.trim().to_owned());
        let kind = MediaKind::of(content_type.as_deref());
        if kind == MediaKind::Other {
            return Err(Error::NotHtml {
                content_type: content_type.unwrap_or_default(),
            });
        }
        let limit = self.options.max_body_bytes;
        // Known only for uncompressed bodies; a compressed one is counted as it inflates.
        if let Some(length) = response.content_length().filter(|&length| length > limit) {
            return Err(Error::TooLarge {
                limit,
                actual: length,
            });
        }
        let bytes = self.read_body(response, url, content_type.as_deref(), kind)?;
        Ok(FetchedPage {
            final_url,
            content_type,
            bytes,
        })
    }

    /// Streams the (decompressed) body, stopping one byte past the limit; a body of an
    /// unreliable type is checked for HTML after its first bytes.
    fn read_body(
        &self,
        response: Response,
        url: &Url,
        content_type: Option<&str>,
        kind: MediaKind,
    ) -> Result<Vec<u8>> {
        let limit = self.options.max_body_bytes;
        let mut body = response.take(limit.saturating_add(1));
        let mut bytes = Vec::new();
        if kind == MediaKind::Unsure {
            (&mut body)
                .take(SNIFF_BYTES)
                .read_to_end(&mut bytes)
                .map_err(|error| self.body_error(url, error))?;
            if !looks_like_html(&bytes) {
                let content_type = content_type.unwrap_or_else(|| sniffed_type(&bytes));
                return Err(Error::NotHtml {
                    content_type: content_type.to_owned(),
                });
            }
        }
        body.read_to_end(&mut bytes)
            .map_err(|error| self.body_error(url, error))?;
        let actual = bytes.len() as u64;
        if actual > limit {
            return Err(Error::TooLarge { limit, actual });
        }
        Ok(bytes)
    }

    /// Sorts a failed request into the variant a caller can act on.
    fn request_error(&self, url: &Url, error: reqwest::Error) -> Error {
        let url = url.to_string();
        if let Some(refusal) = causes(&error).find_map(|cause| cause.downcast_ref::<Refusal>()) {
            return match *refusal {
                Refusal::TooManyRedirects => Error::TooManyRedirects {
                    url,
                    limit: self.options.max_redirects,
                },
                Refusal::RedirectLoop => Error::RedirectLoop { url },
                Refusal::PrivateAddress(address) => Error::PrivateAddress { url, address },
            };
        }
        if is_timeout(&error) {
            let timeout = if error.is_connect() {
                self.options.connect_timeout
            } else {
                self.options.timeout
            };
            return Error::Timeout { url, timeout };
        }
        Error::Fetch { url, source: error }
    }

    fn body_error(&self, url: &Url, error: io::Error) -> Error {
        let url = url.to_string();
        if is_timeout(&error) {
            Error::Timeout {
                url,
                timeout: self.options.timeout,
            }
        } else {
            Error::Body { url, source: error }
        }
    }
}

/// An error and its causes. An `io::Error` wrapping another error hands on that error itself
/// (its own `source` would skip it), so a reqwest error inside a body read is found.
fn causes<'a>(
    error: &'a (dyn StdError + 'static),
) -> impl Iterator<Item = &'a (dyn StdError + 'static)> {
    std::iter::successors(Some(error), |&error| {
        match error
            .downcast_ref::<io::Error>()
            .and_then(io::Error::get_ref)
        {
            Some(inner) => Some(inner as &(dyn StdError + 'static)),
            None => error.source(),
        }
    })
}

fn is_timeout(error: &(dyn StdError + 'static)) -> bool {
    causes(error).any(|cause| {
        cause
            .downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_timeout)
            || cause
                .downcast_ref::<io::Error>()
                .is_some_and(|io| io.kind() == io::ErrorKind::TimedOut)
    })
}

/// Why the client itself stopped a fetch; travels inside a `reqwest::Error` and is turned into
/// the matching [`Error`] variant.
#[derive(Debug, Clone, Copy)]
enum Refusal {
    TooManyRedirects,
    RedirectLoop,
    PrivateAddress(IpAddr),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::TooManyRedirects => f.write_str("too many redirects"),
            Refusal::RedirectLoop => f.write_str("redirect loop"),
            Refusal::PrivateAddress(address) => write!(f, "non-public address {address}"),
        }
    }
}

impl StdError for Refusal {}

/// Follows up to `max` redirects, stops at the first one back to a URL already visited (the
/// client keeps no cookies, so the same URL would answer the same way again), and with the
/// guard on refuses redirects to non-public address literals.
fn redirect_policy(max: usize, block_private_addresses: bool) -> Policy {
    Policy::custom(move |attempt| {
        // `previous` holds the requested URL and every redirect target so far.
        if attempt.previous().contains(attempt.url()) {
            return attempt.error(Refusal::RedirectLoop);
        }
        if attempt.previous().len() > max {
            return attempt.error(Refusal::TooManyRedirects);
        }
        if block_private_addresses && let Some(address) = non_public_literal(attempt.url()) {
            return attempt.error(Refusal::PrivateAddress(address));
        }
        attempt.follow()
    })
}

/// Resolves host names with the system resolver and keeps only public addresses; a name with
/// nothing but non-public addresses is refused. Connections only ever go to the addresses
/// returned here, so a name cannot be re-pointed inside the network between check and use.
#[derive(Debug)]
struct PublicAddressResolver;

impl reqwest::dns::Resolve for PublicAddressResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let resolved: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let public: Vec<SocketAddr> = resolved
                .iter()
                .copied()
                .filter(|address| !is_non_public(address.ip()))
                .collect();
            match resolved.first() {
                Some(first) if public.is_empty() => {
                    Err(Box::new(Refusal::PrivateAddress(first.ip())) as _)
                }
                _ => Ok(Box::new(public.into_iter()) as reqwest::dns::Addrs),
            }
        })
    }
}

/// The URL's host when it is an address literal that is not public.
fn non_public_literal(url: &Url) -> Option<IpAddr> {
    let address = match url.host()? {
        url::Host::Ipv4(address) => IpAddr::V4(address),
        url::Host::Ipv6(address) => IpAddr::V6(address),
        url::Host::Domain(_) => return None,
    };
    is_non_public(address).then_some(address)
}

/// Private, loopback, link-local, unspecified, shared (carrier-grade NAT), broadcast and
/// multicast addresses, IPv4 addresses embedded in IPv6 included.
fn is_non_public(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => is_non_public_v4(v4),
        IpAddr::V6(v6) => embedded_v4(v6).map_or_else(|| is_non_public_v6(v6), is_non_public_v4),
    }
}

fn is_non_public_v4(address: Ipv4Addr) -> bool {
    let [first, second, ..] = address.octets();
    address.is_private()
        || address.is_loopback()
        || address.is_link_local()
        || address.is_unspecified()
        || address.is_broadcast()
        || address.is_multicast()
        || first == 0
        || (first == 100 && (second & 0xC0) == 64)
}

fn is_non_public_v6(address: Ipv6Addr) -> bool {
    let first = address.segments()[0];
    address.is_loopback()
        || address.is_unspecified()
        || address.is_multicast()
        || (first & 0xFE00) == 0xFC00 // unique local, fc00::/7
        || (first & 0xFFC0) == 0xFE80 // link-local, fe80::/10
        || (first & 0xFFC0) == 0xFEC0 // site-local (deprecated), fec0::/10
}

/// The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`) or NAT64 (`64:ff9b::a.b.c.d`)
/// address.
fn embedded_v4(address: Ipv6Addr) -> Option<Ipv4Addr> {
    if let Some(v4) = address.to_ipv4_mapped() {
        return Some(v4);
    }
    let segments = address.segments();
    (segments[..6] == [0x64, 0xFF9B, 0, 0, 0, 0]).then(|| {
        let octets = address.octets();
        Ipv4Addr::new(octets[12], octets[13], octets[14], octets[15])
    })
}

/// What a `Content-Type` says about the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MediaKind {
    /// HTML or XHTML.
    Html,
    /// A type that servers often get wrong for HTML; the body decides.
    Unsure,
    /// Anything else (PDF, images, JSON, …).
    Other,
}

impl MediaKind {
    fn of(content_type: Option<&str>) -> MediaKind {
        let Some(content_type) = content_type else {
            return MediaKind::Unsure;
        };
        let essence = content_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "text/html" | "application/xhtml+xml" => MediaKind::Html,
            ""
            | "text/plain"
            | "text/xml"
            | "application/xml"
            | "application/octet-stream"
            | "application/unknown"
            | "unknown/unknown" => MediaKind::Unsure,
            _ => MediaKind::Other,
        }
    }
}

/// The WHATWG MIME-sniffing signatures of HTML, each followed by a space or `>`.
const HTML_SIGNATURES: [&str; 17] = [
    "<!doctype html",
    "<html",
    "<head",
    "<script",
    "<iframe",
    "<h1",
    "<div",
    "<font",
    "<table",
    "<a",
    "<style",
    "<title",
    "<b",
    "<body",
    "<br",
    "<p",
    "<!--",
];

/// Whether the first bytes of a body start like an HTML document (after a byte-order mark
/// and whitespace), or name `<html` or an HTML doctype after an XML declaration or comments.
fn looks_like_html(head: &[u8]) -> bool {
    let text = match Encoding::for_bom(head) {
        Some((encoding, bom_length)) => encoding.decode_without_bom_handling(&head[bom_length..]).0,
        None => String::from_utf8_lossy(head),
    };
    let text = text.trim_start().to_ascii_lowercase();
    let starts_like_html = HTML_SIGNATURES.iter().any(|signature| {
        text.strip_prefix(signature)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|next| next == '>' || next.is_ascii_whitespace() || *signature == "<!--")
    });
    starts_like_html || text.contains("<html") || text.contains("<!doctype html")
}

/// What a body without a `Content-Type` holds, from its magic bytes, for the error message.
fn sniffed_type(head: &[u8]) -> &'static str {
    const SIGNATURES: [(&[u8], &str); 7] = [
        (b"%PDF-", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xFF\xD8\xFF", "image/jpeg"),
        (b"GIF8", "image/gif"),
        (b"PK\x03\x04", "application/zip"),
        (b"\x1F\x8B", "application/gzip"),
        (b"{", "application/json"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(magic, _)| head.starts_with(magic)) {
        return kind;
    }
    if head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP" {
        return "image/webp";
    }
    // The WHATWG "binary data bytes".
    let is_binary = head
        .iter()
        .any(|&byte| matches!(byte, 0x00..=0x08 | 0x0B | 0x0E..=0x1A | 0x1C..=0x1F));
    if is_binary {
        "application/octet-stream"
    } else {
        "text/plain"
    }
}

impl Extractor {
    /// Fetches a page without extracting it: the decompressed body, its `Content-Type` and
    /// the URL after redirects.
    ///
    /// ```no_run
    /// let extractor = newsprint::Extractor::new();
    /// let url = url::Url::parse("https://www.rt.com/russia/519459-putin-position-strength-peskov/").unwrap();
    /// let page = extractor.fetch(&url)?;
    /// let article = extractor.extract_bytes(&page.bytes, page.content_type.as_deref(), Some(&page.final_url))?;
    /// # let _ = article;
    /// # Ok::<(), newsprint::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`Error::PrivateAddress`] when the extractor refuses non-public addresses and the URL,
    ///   a redirect or the host's addresses are not public;
    /// - [`Error::Timeout`] when connecting or the whole fetch takes too long;
    /// - [`Error::TooManyRedirects`] past the redirect limit, [`Error::RedirectLoop`] when a
    ///   redirect returns to a URL already visited;
    /// - [`Error::Fetch`] when the request fails otherwise (DNS, connection, TLS);
    /// - [`Error::HttpStatus`] for a status other than 2xx;
    /// - [`Error::NotHtml`] when the response is not HTML or XHTML;
    /// - [`Error::TooLarge`] when the decompressed body is over the body limit;
    /// - [`Error::Body`] when the body breaks off or does not decompress.
    pub fn fetch(&self, url: &Url) -> Result<FetchedPage> {
        let client = self.client().map_err(|source| Error::Fetch {
            url: url.to_string(),
            source,
        })?;
        client.get(url)
    }

    /// Fetches a page and extracts its article, with the final URL as the base. The result is
    /// the same as [`Extractor::extract_bytes`] over the body, its `Content-Type` and the
    /// final URL.
    ///
    /// ```no_run
    /// let article = newsprint::Extractor::new().extract_url("https://www.rt.com/russia/519459-putin-position-strength-peskov/")?;
    /// println!("{}", article.text());
    /// assert!(newsprint::Extractor::new().extract_url("not a url").is_err());
    /// # Ok::<(), newsprint::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidUrl`] when `url` does not parse, then as [`Extractor::fetch`] and
    /// [`Extractor::extract_bytes`].
    pub fn extract_url(&self, url: &str) -> Result<crate::Article> {
        let parsed = Url::parse(url).map_err(|source| Error::InvalidUrl {
            input: url.to_owned(),
            source,
        })?;
        let page = self.fetch(&parsed)?;
        self.extract_bytes(
            &page.bytes,
            page.content_type.as_deref(),
            Some(&page.final_url),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_html_and_xhtml_and_sniffs_unreliable_types() {
        assert_eq!(
            MediaKind::of(Some("text/html; charset=utf-8")),
            MediaKind::Html
        );
        assert_eq!(
            MediaKind::of(Some("Application/XHTML+XML")),
            MediaKind::Html
        );
        for unsure in [None, Some("text/plain"), Some("application/xml"), Some("")] {
            assert_eq!(MediaKind::of(unsure), MediaKind::Unsure, "{unsure:?}");
        }
        for other in ["application/pdf", "image/png", "application/json"] {
            assert_eq!(MediaKind::of(Some(other)), MediaKind::Other, "{other}");
        }
    }

    #[test]
    fn recognises_html_by_its_first_bytes() {
        assert!(looks_like_html(b"  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<HTML lang=en>"));
        assert!(looks_like_html(b"\xEF\xBB\xBF<p>text"));
        assert!(looks_like_html(
            b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"
        ));
        assert!(looks_like_html(b"<!-- generated --><div>"));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("<html>".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(looks_like_html(&utf16));
        assert!(!looks_like_html(b"Just some plain text <b>here</b>"));
        assert!(!looks_like_html(b"<abbr>not a signature"));
        assert!(!looks_like_html(b"<?xml version=\"1.0\"?><rss>"));
        assert!(!looks_like_html(b"%PDF-1.7"));
    }

    #[test]
    fn names_what_a_body_without_a_type_holds() {
        assert_eq!(sniffed_type(b"%PDF-1.4 ..."), "application/pdf");
        assert_eq!(sniffed_type(b"\x89PNG\r\n\x1a\n...."), "image/png");
        assert_eq!(sniffed_type(b"RIFF\0\0\0\0WEBPVP8 "), "image/webp");
        assert_eq!(sniffed_type(b"\x00\x01binary"), "application/octet-stream");
        assert_eq!(sniffed_type(b"hello"), "text/plain");
    }

    #[test]
    fn classifies_non_public_addresses() {
        let non_public = [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fc00::1",
            "fd12::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "64:ff9b::a00:1",
        ];
        for address in non_public {
            assert!(is_non_public(address.parse().unwrap()), "{address}");
        }
        for address in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700::1111",
            "::ffff:1.1.1.1",
        ] {
            assert!(!is_non_public(address.parse().unwrap()), "{address}");
        }
    }

    #[test]
    fn finds_non_public_address_literals_in_urls() {
        let literal = |url: &str| non_public_literal(&Url::parse(url).unwrap());
        assert_eq!(
            literal("http://127.0.0.1:8080/x"),
            Some(IpAddr::from([127, 0, 0, 1]))
        );
        assert_eq!(
            literal("http://[::1]/"),
            Some(IpAddr::from(Ipv6Addr::LOCALHOST))
        );
        assert_eq!(literal("http://localhost/"), None);
        assert_eq!(literal("http://8.8.8.8/"), None);
    }

    #[test]
    fn clones_share_one_client() {
        let extractor = Extractor::new();
        let clone = extractor.clone();
        let first: *const Client = extractor.client().unwrap();
        let second: *const Client = clone.client().unwrap();
        assert!(std::ptr::eq(first, second));
    }

    #[test]
    fn invalid_url_is_reported_with_its_input() {
        let error = Extractor::new().extract_url("not a url").unwrap_err();
        assert_eq!(error.to_string(), r#"invalid URL "not a url""#);
    }

    #[test]
    fn refuses_a_private_literal_before_connecting() {
        let extractor = Extractor::builder().block_private_addresses(true).build();
        let error = extractor
            .extract_url("http://169.254.169.254/latest/meta-data/")
            .unwrap_err();
        assert!(matches!(
            error,
            Error::PrivateAddress { address, .. } if address == IpAddr::from([169, 254, 169, 254])
        ));
    }
}
