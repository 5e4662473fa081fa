//! newsprint turns news and article web pages into clean, typed documents: the headline, the
//! publication and modification times, the authors, and the body as paragraphs, headings,
//! lists, quotes and the inline related links ("Also on …", "Read more: …") in page order.
//! It strips what surrounds an article on the web (menus, share bars, icon labels, ads,
//! teasers, comment sections) for any site, in any language.
//!
//! # Quick start
//!
//! ```
//! let html = r#"<html><head><title>Storm hits coast | The Daily</title>
//!   <meta property="article:published_time" content="2021-03-30T11:49:00+01:00"></head>
//!   <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
//!   <article><h1>Storm hits coast</h1>
//!     <p>The storm reached the coast on Tuesday morning, closing roads and schools.</p>
//!     <p>READ MORE: <a href="/storm-warning">Forecasters warn of a second storm</a></p>
//!     <p>Officials said the clean-up would take at least a week, and asked people to stay home.</p>
//!   </article><footer>© The Daily</footer></body></html>"#;
//!
//! let url = url::Url::parse("https://daily.example/news/storm").unwrap();
//! let article = newsprint::Extractor::new().extract_html(html, Some(&url))?;
//! assert_eq!(article.title.as_deref(), Some("Storm hits coast"));
//! assert_eq!(article.published.unwrap().to_string(), "2021-03-30T11:49:00+01:00");
//! assert_eq!(article.paragraphs().count(), 2);
//! let related: Vec<_> = article.related().collect();
//! assert_eq!(related[0].label, "READ MORE");
//! assert_eq!(related[0].url, "https://daily.example/storm-warning");
//! assert!(!article.text().contains("Forecasters"));
//! # Ok::<(), newsprint::Error>(())
//! ```
//!
//! # How it works
//!
//! 1. `decode`: bytes to text (byte-order mark, HTTP charset, `<meta charset>` prescan, else a
//!    `chardetng` guess; declarations the bytes contradict are corrected).
//! 2. `parse`: one html5ever parse into a `scraper::Html`.
//! 3. `page`: the DOM flattened once into a preorder array with per-node tags, class hints and
//!    text measures; scripts, styles, SVG sprites and hidden elements are left out.
//! 4. `metadata`: JSON-LD, meta tags, `<time>`, bylines and the URL, merged by precedence.
//! 5. `clean`: navigation, share and follow widgets, ads, cookie and newsletter boxes, comment
//!    sections, related rails and icon labels are marked as removed.
//! 6. `score`: the element holding the most prose for the least junk is the main content.
//! 7. `extract`: its blocks in order, with paragraph-level furniture filters and inline
//!    related links.
//! 8. [`render`]: plain text, Markdown, JSON and HTML.
//!
//! # Features
//!
//! - `fetch` (default): [`Extractor::extract_url`], [`Extractor::fetch`] and [`fetch`] with a
//!   blocking reqwest client (rustls).
//! - `parallel` (default): [`Extractor::extract_many`] and [`Extractor::extract_many_with`],
//!   many pages on all cores (rayon) with the results in input order, as an iterator.

#![warn(missing_debug_implementations)]
// Input never reaches a panic through an unwrap or expect in the library (tests may use them:
// `allow-unwrap-in-tests` in clippy.toml). Indexing is judged case by case instead: indices
// into the flattened page come from the page itself, and the fuzz targets in `fuzz/` run
// every path that input reaches.
#![deny(clippy::unwrap_used, clippy::expect_used)]

#[cfg(feature = "parallel")]
mod batch;
mod decode;
mod document;
mod error;
mod extractor;
#[cfg(feature = "fetch")]
mod fetch;
mod options;
mod timestamp;

mod clean;
mod extract;
mod metadata;
mod page;
mod parse;
pub mod render;
mod score;
// Benchmark access to single stages; see the module docs. Not part of the public API.
#[doc(hidden)]
pub mod stages;

/// Entry points for the fuzz targets in `fuzz/` into parsers that are otherwise private.
/// Built only with the `fuzzing` feature; not part of the stable API.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing {
    /// Parses `text` as a metadata date (ISO 8601) and as free text, both month orders.
    pub fn parse_date(text: &str) -> [Option<crate::Timestamp>; 3] {
        [
            crate::metadata::date::parse_iso(text),
            crate::metadata::date::parse_text(text, false),
            crate::metadata::date::parse_text(text, true),
        ]
    }

    /// Reads JSON-LD script texts as the metadata stage does, returning the headline and the
    /// authors found.
    pub fn read_json_ld(scripts: &[&str]) -> (Option<String>, Vec<String>) {
        let facts = crate::metadata::json_ld::read(scripts);
        let authors = crate::metadata::authors::clean_author_names(&facts.authors, None);
        (facts.headline, authors)
    }
}

#[cfg(feature = "parallel")]
pub use batch::{ExtractMany, Input};
pub use decode::{Decoding, EncodingSource};
pub use document::{
    Article, Block, Figure, Inline, Link, List, ListItem, Mark, MarkKind, Related, Source, Sources,
    Table,
};
pub use error::{Error, Result};
pub use extractor::Extractor;
#[cfg(feature = "fetch")]
pub use fetch::FetchedPage;
pub use options::{ExtractorBuilder, Focus};
pub use timestamp::{Timestamp, TimestampParseError};

/// Extracts the article of an HTML document with the default settings.
///
/// ```
/// let article = newsprint::extract("<article><p>A paragraph long enough to be the body of \
///     a very short article.</p></article>")?;
/// assert_eq!(article.paragraphs().count(), 1);
/// assert!(newsprint::extract("<html><body></body></html>").is_err());
/// # Ok::<(), newsprint::Error>(())
/// ```
///
/// # Errors
///
/// As [`Extractor::extract_html`].
pub fn extract(html: &str) -> Result<Article> {
    Extractor::new().extract_html(html, None)
}

/// Fetches a URL and extracts its article with the default settings.
///
/// ```no_run
/// let article = newsprint::fetch("https://www.rt.com/russia/519459-putin-position-strength-peskov/")?;
/// println!("{:?} {:?}", article.title, article.published);
/// # Ok::<(), newsprint::Error>(())
/// ```
///
/// # Errors
///
/// As [`Extractor::extract_url`].
#[cfg(feature = "fetch")]
pub fn fetch(url: &str) -> Result<Article> {
    Extractor::new().extract_url(url)
}

/// The README's Rust examples, compiled as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
