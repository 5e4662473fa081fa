//! The crate's error type.
//!
//! Variants follow what a caller can act on: a bad URL, an HTTP failure, a response that is
//! not HTML, an input over a budget, or a page with no article in it. Context sits in named
//! fields; the underlying cause, when there is one, is reachable through
//! [`std::error::Error::source`] and is not repeated in the message.

use std::net::IpAddr;
use std::time::Duration;

/// A `Result` whose error defaults to [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while fetching, decoding or extracting a page.
///
/// Missing metadata (no title, no date, no byline) is never an error: those fields are `None`.
/// Parsing never fails, and undecodable bytes become replacement characters.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A string could not be parsed as an absolute URL.
    #[error("invalid URL {input:?}")]
    InvalidUrl {
        /// The text that was given as a URL.
        input: String,
        /// Why it is not a URL.
        #[source]
        source: url::ParseError,
    },

    /// The request for a page failed before a response arrived (DNS, connection, TLS, a
    /// malformed response); timeouts and redirect failures have variants of their own.
    #[cfg(feature = "fetch")]
    #[error("fetching {url} failed")]
    Fetch {
        /// The URL that was requested.
        url: String,
        /// The transport error.
        #[source]
        source: reqwest::Error,
    },

    /// The response body broke off or could not be decompressed while it was read.
    #[cfg(feature = "fetch")]
    #[error("reading the body of {url} failed")]
    Body {
        /// The URL whose body was being read.
        url: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },

    /// The fetch did not finish in time: no connection within the connect timeout, or the
    /// whole exchange (redirects and body included) not within the total timeout.
    #[error("fetching {url} timed out after {timeout:?}")]
    Timeout {
        /// The URL that was requested.
        url: String,
        /// The timeout that ran out.
        timeout: Duration,
    },

    /// The server kept redirecting past the configured number of redirects.
    #[error("{url} redirected more than {limit} times")]
    TooManyRedirects {
        /// The URL that was requested.
        url: String,
        /// The configured maximum number of redirects.
        limit: usize,
    },

    /// A redirect led back to a URL already visited on the way, so following on would never
    /// reach a page.
    #[error("{url} redirects in a loop")]
    RedirectLoop {
        /// The URL that was requested.
        url: String,
    },

    /// The URL, a redirect, or the host's name leads to a private, loopback, link-local or
    /// otherwise non-public address, and the extractor was built to refuse those.
    #[error("{url} leads to the non-public address {address}")]
    PrivateAddress {
        /// The URL that was requested.
        url: String,
        /// The address that was refused.
        address: IpAddr,
    },

    /// The server answered with a status other than success.
    #[error("{url} answered with HTTP status {status}")]
    HttpStatus {
        /// The URL that answered (after redirects).
        url: String,
        /// The HTTP status code.
        status: u16,
    },

    /// The response is not an HTML or XHTML document. `text/plain`, XML types,
    /// `application/octet-stream` and a missing `Content-Type` are accepted only when the body
    /// starts like HTML.
    #[error("content type {content_type:?} is not HTML")]
    NotHtml {
        /// The `Content-Type` the server gave, or the kind of content that was detected.
        content_type: String,
    },

    /// The input is larger than the configured byte budget.
    #[error("input of {actual} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// The configured maximum, in bytes.
        limit: u64,
        /// The size that was found (or at least reached), in bytes.
        actual: u64,
    },

    /// The document holds more elements than the configured budget.
    #[error("document has {found} elements, over the limit of {limit}")]
    TooManyElements {
        /// The configured maximum number of elements.
        limit: usize,
        /// The number of elements found.
        found: usize,
    },

    /// The page has no article body: its body text is shorter than the minimum. The metadata
    /// found on the page comes with the error.
    #[error(
        "no article content found (best candidate has {best_chars} characters, at least {min_chars} needed)"
    )]
    NoContent {
        /// Characters of body text that were found.
        best_chars: usize,
        /// The configured minimum.
        min_chars: usize,
        /// What the page's metadata says (title, dates, authors…), as an article without
        /// blocks: nothing the page did carry is lost.
        article: Box<crate::Article>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_what_failed_and_on_what() {
        let source = url::Url::parse("not a url").unwrap_err();
        let cases = [
            (
                Error::InvalidUrl {
                    input: "not a url".into(),
                    source,
                },
                r#"invalid URL "not a url""#,
            ),
            (
                Error::HttpStatus {
                    url: "https://example.com/a".into(),
                    status: 404,
                },
                "https://example.com/a answered with HTTP status 404",
            ),
            (
                Error::NotHtml {
                    content_type: "application/pdf".into(),
                },
                r#"content type "application/pdf" is not HTML"#,
            ),
            (
                Error::TooLarge {
                    limit: 10,
                    actual: 11,
                },
                "input of 11 bytes exceeds the limit of 10 bytes",
            ),
            (
                Error::Timeout {
                    url: "http://example.com/slow".into(),
                    timeout: Duration::from_millis(1500),
                },
                "fetching http://example.com/slow timed out after 1.5s",
            ),
            (
                Error::TooManyRedirects {
                    url: "http://example.com/".into(),
                    limit: 10,
                },
                "http://example.com/ redirected more than 10 times",
            ),
            (
                Error::RedirectLoop {
                    url: "http://example.com/".into(),
                },
                "http://example.com/ redirects in a loop",
            ),
            (
                Error::PrivateAddress {
                    url: "http://intranet.example/".into(),
                    address: IpAddr::from([10, 0, 0, 1]),
                },
                "http://intranet.example/ leads to the non-public address 10.0.0.1",
            ),
            (
                Error::TooManyElements { limit: 5, found: 6 },
                "document has 6 elements, over the limit of 5",
            ),
            (
                Error::NoContent {
                    best_chars: 12,
                    min_chars: 100,
                    article: Box::default(),
                },
                "no article content found (best candidate has 12 characters, at least 100 needed)",
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message);
        }
    }

    #[test]
    fn invalid_url_keeps_its_cause() {
        let source = url::Url::parse("").unwrap_err();
        let error = Error::InvalidUrl {
            input: String::new(),
            source,
        };
        let cause = std::error::Error::source(&error).map(ToString::to_string);
        assert_eq!(cause.as_deref(), Some("relative URL without a base"));
    }
}
