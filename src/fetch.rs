//! Fetching pages over HTTP(S) (feature `fetch`): a blocking reqwest client with rustls,
//! timeouts, a redirect limit and a body-size limit, returning the bytes for decoding.

use std::io::Read;

use url::Url;

use crate::error::{Error, Result};
use crate::extractor::Extractor;
use crate::options::FetchOptions;

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
    max_body_bytes: u64,
}

impl Client {
    pub(crate) fn new(options: &FetchOptions) -> Result<Client> {
        let inner = reqwest::blocking::Client::builder()
            .user_agent(options.user_agent.clone())
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            .redirect(reqwest::redirect::Policy::limited(options.max_redirects))
            .build()
            .map_err(|source| Error::Fetch {
                url: String::new(),
                source,
            })?;
        Ok(Client {
            inner,
            max_body_bytes: options.max_body_bytes,
        })
    }

    fn get(&self, url: &Url) -> Result<FetchedPage> {
        let fetch_error = |source| Error::Fetch {
            url: url.to_string(),
            source,
        };
        let response = self
            .inner
            .get(url.clone())
            .header(
                reqwest::header::ACCEPT,
                "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            )
            .send()
            .map_err(fetch_error)?;
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
            .map(str::to_owned);
        if let Some(kind) = content_type.as_deref().filter(|kind| !is_html(kind)) {
            return Err(Error::NotHtml {
                content_type: kind.to_owned(),
            });
        }
        let bytes = self.read_limited(response)?;
        Ok(FetchedPage {
            final_url,
            content_type,
            bytes,
        })
    }

    /// Reads at most the body limit; one byte more means the body is too large.
    fn read_limited(&self, response: reqwest::blocking::Response) -> Result<Vec<u8>> {
        let url = response.url().to_string();
        let mut bytes = Vec::new();
        response
            .take(self.max_body_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Body { url, source })?;
        if bytes.len() as u64 > self.max_body_bytes {
            return Err(Error::TooLarge {
                limit: self.max_body_bytes,
                actual: bytes.len() as u64,
            });
        }
        Ok(bytes)
    }
}

/// HTML and XHTML media types.
fn is_html(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    matches!(
        essence.as_str(),
        "text/html" | "application/xhtml+xml" | "application/xml" | "text/xml" | ""
    )
}

impl Extractor {
    /// Fetches a page without extracting it.
    ///
    /// # Errors
    ///
    /// [`Error::Fetch`] when the request fails (connection, TLS, timeout, redirects),
    /// [`Error::HttpStatus`] for a non-success status, [`Error::NotHtml`] for a non-HTML
    /// content type, [`Error::TooLarge`] for a body over the limit.
    pub fn fetch(&self, url: &Url) -> Result<FetchedPage> {
        self.client()?.get(url)
    }

    /// Fetches a page and extracts its article, with the final URL as the base.
    ///
    /// ```no_run
    /// let article = newsprint::Extractor::new().extract_url("https://www.rt.com/russia/519459-putin-position-strength-peskov/")?;
    /// println!("{}", article.text());
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
    fn accepts_html_and_xhtml_only() {
        assert!(is_html("text/html; charset=utf-8"));
        assert!(is_html("application/xhtml+xml"));
        assert!(!is_html("application/pdf"));
        assert!(!is_html("image/png"));
    }

    #[test]
    fn invalid_url_is_reported_with_its_input() {
        let error = Extractor::new().extract_url("not a url").unwrap_err();
        assert_eq!(error.to_string(), r#"invalid URL "not a url""#);
    }
}
