//! Extraction settings: [`ExtractorBuilder`], [`Focus`] and the input budgets.

use std::sync::Arc;
#[cfg(feature = "fetch")]
use std::time::Duration;

use crate::extractor::Extractor;

/// Whether to lean towards keeping doubtful text or dropping it.
///
/// The main-content choice is the same for every focus; the focus moves the thresholds of the
/// paragraph-level decisions made after it (link density, short boilerplate-looking lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Focus {
    /// Drop a doubtful block only when the evidence is clear.
    #[default]
    Balanced,
    /// Drop doubtful blocks: less noise, at the risk of losing a short paragraph.
    Precision,
    /// Keep doubtful blocks: nothing of the article lost, at the risk of some noise.
    Recall,
}

/// The settings of an [`Extractor`]; built by [`ExtractorBuilder`], read-only afterwards.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    pub(crate) focus: Focus,
    pub(crate) related_links: bool,
    pub(crate) min_chars: usize,
    pub(crate) max_bytes: u64,
    pub(crate) max_elements: usize,
    pub(crate) max_depth: usize,
    /// `None`: the moment of each extraction.
    pub(crate) reference_time: Option<jiff::Timestamp>,
    #[cfg(feature = "fetch")]
    pub(crate) fetch: FetchOptions,
}

#[cfg(feature = "fetch")]
#[derive(Debug, Clone)]
pub(crate) struct FetchOptions {
    pub(crate) user_agent: String,
    pub(crate) connect_timeout: Duration,
    pub(crate) timeout: Duration,
    pub(crate) max_redirects: usize,
    pub(crate) max_body_bytes: u64,
    pub(crate) block_private_addresses: bool,
}

/// Default for [`ExtractorBuilder::min_chars`].
pub const DEFAULT_MIN_CHARS: usize = 1;
/// Default for [`ExtractorBuilder::max_bytes`]: 64 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;
/// Default for [`ExtractorBuilder::max_elements`].
pub const DEFAULT_MAX_ELEMENTS: usize = 1_000_000;
/// Default for [`ExtractorBuilder::max_depth`]: deeper than any real page nests, shallow
/// enough that the parser's per-tag scans of its open elements stay cheap.
pub const DEFAULT_MAX_DEPTH: usize = 256;
/// Default for [`ExtractorBuilder::max_body_bytes`]: 16 MiB.
#[cfg(feature = "fetch")]
pub const DEFAULT_MAX_BODY_BYTES: u64 = 16 * 1024 * 1024;

impl Default for Options {
    fn default() -> Self {
        Options {
            focus: Focus::default(),
            related_links: true,
            min_chars: DEFAULT_MIN_CHARS,
            max_bytes: DEFAULT_MAX_BYTES,
            max_elements: DEFAULT_MAX_ELEMENTS,
            max_depth: DEFAULT_MAX_DEPTH,
            reference_time: None,
            #[cfg(feature = "fetch")]
            fetch: FetchOptions::default(),
        }
    }
}

#[cfg(feature = "fetch")]
impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: concat!(
                "newsprint/",
                env!("CARGO_PKG_VERSION"),
                " (+https://crates.io/crates/newsprint)"
            )
            .to_owned(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_redirects: 10,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            block_private_addresses: false,
        }
    }
}

/// Configures an [`Extractor`].
///
/// ```
/// use newsprint::{Extractor, Focus};
///
/// let extractor = Extractor::builder()
///     .focus(Focus::Precision)
///     .related_links(false)
///     .max_elements(50_000)
///     .build();
/// # let _ = extractor;
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    options: Options,
}

impl ExtractorBuilder {
    /// A builder with every setting at its default.
    pub fn new() -> Self {
        ExtractorBuilder::default()
    }

    /// Leans the paragraph-level decisions towards precision or recall.
    ///
    /// By default, the focus is [`Focus::Balanced`].
    #[must_use]
    pub fn focus(mut self, focus: Focus) -> Self {
        self.options.focus = focus;
        self
    }

    /// Keeps inline related links ("Also on …", "Read more: …") as [`crate::Block::Related`]
    /// blocks; when off they are dropped. Their text never enters the body text either way.
    ///
    /// By default, related links are kept.
    #[must_use]
    pub fn related_links(mut self, keep: bool) -> Self {
        self.options.related_links = keep;
        self
    }

    /// The fewest characters of body text for a page to count as having an article; below it,
    /// extraction fails with [`crate::Error::NoContent`].
    ///
    /// By default, 1 character is enough: a page fails only when nothing of it reads as body
    /// text. Raise it to turn stubs ("Access denied", "Loading…") into errors.
    #[must_use]
    pub fn min_chars(mut self, min_chars: usize) -> Self {
        self.options.min_chars = min_chars;
        self
    }

    /// The largest input accepted, in bytes; a larger one fails with
    /// [`crate::Error::TooLarge`] before it is parsed.
    ///
    /// By default, inputs up to 64 MiB are accepted.
    #[must_use]
    pub fn max_bytes(mut self, max_bytes: u64) -> Self {
        self.options.max_bytes = max_bytes;
        self
    }

    /// The most elements a document may hold; more fails with
    /// [`crate::Error::TooManyElements`]. The count is kept while parsing, and parsing stops
    /// soon after the limit is passed, so a page of millions of tags costs no more than the
    /// limit allows.
    ///
    /// By default, up to 1,000,000 elements are accepted.
    #[must_use]
    pub fn max_elements(mut self, max_elements: usize) -> Self {
        self.options.max_elements = max_elements;
        self
    }

    /// The deepest nesting parsed as written, counted in ancestors (`<html>` has one, the
    /// document). Elements nested deeper are flattened: the parser closes them as they open,
    /// so their text lands, in order, in their ancestor at the limit. A page nested past it
    /// is still extracted, not rejected; only its structure below the limit is lost. The
    /// limit also bounds the parser's work, which grows with nesting for nearly every tag.
    ///
    /// By default, nesting is kept up to 256 levels; real pages stay far below.
    #[must_use]
    pub fn max_depth(mut self, max_depth: usize) -> Self {
        self.options.max_depth = max_depth;
        self
    }

    /// The time the page was fetched, for reading its dates: no publication or update date
    /// may be later, and relative dates ("3 hours ago", "yesterday") count back from it. Set
    /// it when extracting pages saved earlier.
    ///
    /// ```
    /// let fetched: jiff::Timestamp = "2021-03-30T12:00:00Z".parse().unwrap();
    /// let extractor = newsprint::Extractor::builder().reference_time(fetched).build();
    /// let html = "<html><body><article><h1>Storm hits the coast</h1><span>3 hours ago</span>\
    ///     <p>The storm reached the coast on Tuesday morning, closing roads.</p></article></body></html>";
    /// let article = extractor.extract_html(html, None)?;
    /// assert_eq!(article.published.unwrap().to_string(), "2021-03-30T09:00:00+00:00");
    /// # Ok::<(), newsprint::Error>(())
    /// ```
    ///
    /// By default, the reference is the moment of each extraction (for
    /// [`crate::Extractor::extract_url`], the moment the page was fetched).
    #[must_use]
    pub fn reference_time(mut self, fetched_at: jiff::Timestamp) -> Self {
        self.options.reference_time = Some(fetched_at);
        self
    }

    /// The `User-Agent` sent when fetching. Some sites answer unknown agents with a block
    /// page; a truthful agent with a contact URL is the polite choice.
    ///
    /// By default, `newsprint/<version> (+https://crates.io/crates/newsprint)`.
    #[cfg(feature = "fetch")]
    #[must_use]
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.options.fetch.user_agent = user_agent.into();
        self
    }

    /// How long to wait for a TCP and TLS connection when fetching; going over it fails with
    /// [`crate::Error::Timeout`].
    ///
    /// By default, 10 seconds.
    #[cfg(feature = "fetch")]
    #[must_use]
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.options.fetch.connect_timeout = timeout;
        self
    }

    /// How long a whole fetch may take, from connecting through every redirect to the last
    /// byte of the body; going over it fails with [`crate::Error::Timeout`]. A server that
    /// stalls or trickles its body cannot hold a fetch longer than this.
    ///
    /// By default, 30 seconds.
    #[cfg(feature = "fetch")]
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options.fetch.timeout = timeout;
        self
    }

    /// How many redirects a fetch follows; one more fails with
    /// [`crate::Error::TooManyRedirects`], and a redirect back to a URL already visited fails
    /// at once with [`crate::Error::RedirectLoop`]. The final URL is the page's base URL.
    ///
    /// By default, 10 redirects are followed.
    #[cfg(feature = "fetch")]
    #[must_use]
    pub fn max_redirects(mut self, max_redirects: usize) -> Self {
        self.options.fetch.max_redirects = max_redirects;
        self
    }

    /// The largest response body read when fetching, in bytes after gzip, brotli or deflate
    /// decompression. The body is streamed and reading stops as soon as it passes the limit,
    /// so neither a huge page nor a decompression bomb is held in memory; either fails with
    /// [`crate::Error::TooLarge`].
    ///
    /// By default, 16 MiB.
    #[cfg(feature = "fetch")]
    #[must_use]
    pub fn max_body_bytes(mut self, max_body_bytes: u64) -> Self {
        self.options.fetch.max_body_bytes = max_body_bytes;
        self
    }

    /// Refuses to fetch from private, loopback, link-local and other non-public addresses
    /// (`10.0.0.0/8`, `127.0.0.0/8`, `169.254.0.0/16`, `192.168.0.0/16`, `::1`, `fc00::/7`,
    /// `fe80::/10`, …), checked on every redirect and on every address a host name resolves
    /// to, so a public name pointing inside the network is refused too. Turn it on in a
    /// service that fetches URLs supplied by its users, so they cannot reach the service's
    /// own network; a refused address fails with [`crate::Error::PrivateAddress`]. While it
    /// is on, proxies from the environment (`HTTP_PROXY`, …) are not used, because the guard
    /// must see the address that is connected to.
    ///
    /// By default, any address may be fetched.
    #[cfg(feature = "fetch")]
    #[must_use]
    pub fn block_private_addresses(mut self, block: bool) -> Self {
        self.options.fetch.block_private_addresses = block;
        self
    }

    /// Builds the extractor.
    pub fn build(self) -> Extractor {
        Extractor::from_options(Arc::new(self.options))
    }
}
