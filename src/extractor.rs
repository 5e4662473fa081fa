//! [`Extractor`]: runs the pipeline (decode, parse, index, metadata, clean, score, blocks) as a
//! short list of named steps.

use std::sync::Arc;

use scraper::Html;
use url::Url;

use crate::clean::{self, Cleaned, Mode};
use crate::decode;
use crate::document::{Article, Block, Sources};
use crate::error::{Error, Result};
use crate::extract::body::{self, BodyInput};
use crate::extract::cross_check;
use crate::metadata::{self, Metadata};
use crate::options::{ExtractorBuilder, Options};
use crate::page::Page;
use crate::parse;
use crate::score::{self, Choice};

/// Below this many prose characters, the strict cleaning pass is retried in relaxed mode: the
/// page may be a forum thread or a comment-like layout whose text the strict pass removed.
const RELAXED_RETRY_BELOW_CHARS: f32 = 250.0;
/// The relaxed pass must find at least this much prose to replace the strict one.
const RELAXED_MIN_GAIN_CHARS: f32 = 100.0;

/// Extracts articles from pages. Built once, shared freely: it is `Clone + Send + Sync`, its
/// methods take `&self`, and it never changes after [`ExtractorBuilder::build`].
///
/// ```
/// use newsprint::Extractor;
///
/// let extractor = Extractor::new();
/// let html = "<html><head><title>Hello</title></head><body><article><p>Some text that is long \
///             enough to count as an article paragraph, with a full stop.</p></article></body></html>";
/// let article = extractor.extract_html(html, None)?;
/// assert_eq!(article.title.as_deref(), Some("Hello"));
/// assert!(extractor.extract_html("<html><body></body></html>", None).is_err());
/// # Ok::<(), newsprint::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    options: Arc<Options>,
    #[cfg(feature = "fetch")]
    client: Arc<std::sync::OnceLock<crate::fetch::Client>>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with every setting at its default.
    pub fn new() -> Self {
        ExtractorBuilder::new().build()
    }

    /// A builder to configure an extractor.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    pub(crate) fn from_options(options: Arc<Options>) -> Self {
        Extractor {
            options,
            #[cfg(feature = "fetch")]
            client: Arc::default(),
        }
    }

    /// Extracts the article of an HTML document. `url` is where the page came from; it
    /// resolves relative links and supplies a date when only the URL has one.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] when the text is over the byte budget, [`Error::TooManyElements`]
    /// when the document is over the element budget, [`Error::NoContent`] when the page has no
    /// article body. Nesting past [`ExtractorBuilder::max_depth`] is no error: it is
    /// flattened.
    pub fn extract_html(&self, html: &str, url: Option<&Url>) -> Result<Article> {
        self.check_size(html.len())?;
        let document = parse::parse(html, &self.limits())?;
        self.extract_document(&document, url)
    }

    /// Decodes bytes and extracts the article. The encoding comes from a byte-order mark, the
    /// charset of `content_type` (the HTTP header, if any), a `<meta charset>` or XML
    /// declaration, else a guess from the bytes (helped by `url`'s top-level domain); a
    /// declaration the bytes contradict is corrected. [`Article::decoding`] says which
    /// encoding was used and why.
    ///
    /// # Errors
    ///
    /// As [`Extractor::extract_html`]. Decoding itself never fails: malformed bytes become
    /// U+FFFD.
    pub fn extract_bytes(
        &self,
        bytes: &[u8],
        content_type: Option<&str>,
        url: Option<&Url>,
    ) -> Result<Article> {
        self.check_size(bytes.len())?;
        let decoded = decode::decode(bytes, content_type, url);
        let document = parse::parse(&decoded.text, &self.limits())?;
        match self.extract_document(&document, url) {
            Ok(mut article) => {
                article.decoding = Some(decoded.decoding);
                Ok(article)
            }
            Err(Error::NoContent {
                best_chars,
                min_chars,
                mut article,
            }) => {
                article.decoding = Some(decoded.decoding);
                Err(Error::NoContent {
                    best_chars,
                    min_chars,
                    article,
                })
            }
            Err(error) => Err(error),
        }
    }

    /// Extracts the article of a document the caller parsed already.
    ///
    /// # Errors
    ///
    /// [`Error::TooManyElements`] when the document is over the element budget,
    /// [`Error::NoContent`] when the page has no article body.
    pub fn extract_document(&self, document: &Html, url: Option<&Url>) -> Result<Article> {
        let page = Page::build_within(document, self.options.max_depth);
        self.check_elements(&page)?;
        let metadata = metadata::read(&page, url, self.reference_time());
        let blocks = self.find_body(&page, &metadata);
        let chars: usize = blocks.iter().map(block_chars).sum();
        let article = assemble(metadata, blocks);
        if chars < self.options.min_chars {
            log::debug!("no content: {chars} body characters");
            return Err(Error::NoContent {
                best_chars: chars,
                min_chars: self.options.min_chars,
                article: Box::new(article),
            });
        }
        Ok(article)
    }

    /// The time relative dates count from: the configured one, else now.
    pub(crate) fn reference_time(&self) -> jiff::Timestamp {
        self.options
            .reference_time
            .unwrap_or_else(jiff::Timestamp::now)
    }

    /// The body blocks: the main content of the page, or of its `<noscript>` markup when the
    /// scripted page has little text.
    fn find_body(&self, page: &Page<'_>, metadata: &Metadata) -> Vec<Block> {
        // A discussion page (by its URL or JSON-LD) keeps replies that hold most of its text.
        let first = if is_discussion(metadata) {
            Mode::Discussion
        } else {
            Mode::Strict
        };
        let chosen = choose_content(page, first);
        let good_chars = chosen.as_ref().map_or(0.0, |(_, choice)| choice.good_chars);
        if good_chars < RELAXED_RETRY_BELOW_CHARS
            && let Some(blocks) = self.noscript_blocks(page, metadata, good_chars)
        {
            return blocks;
        }
        let blocks = chosen.map_or_else(Vec::new, |(cleaned, choice)| {
            self.body_blocks(page, &cleaned, &choice, metadata)
        });
        if !blocks.is_empty() {
            return blocks;
        }
        // Nothing survived: the story may sit in an element its classes call chrome.
        let cleaned = clean::clean(page, Mode::Permissive);
        score::choose(page, &cleaned).map_or_else(Vec::new, |choice| {
            self.body_blocks(page, &cleaned, &choice, metadata)
        })
    }

    /// The body of the page as its `<noscript>` shows it, when the scripted page has little
    /// text and the noscript markup has much more. Discourse forums, for one, render the app
    /// shell for browsers and the whole thread inside `<noscript>` for everyone else. The
    /// markup is parsed on its own, once; it is part of the input, so the work stays bounded.
    fn noscript_blocks(
        &self,
        page: &Page<'_>,
        metadata: &Metadata,
        good_chars: f32,
    ) -> Option<Vec<Block>> {
        let markup = page.noscripts.iter().max_by_key(|text| text.len())?;
        let document = parse::parse(markup, &self.limits()).ok()?;
        let inner = Page::build_within(&document, self.options.max_depth);
        let (cleaned, choice) = choose_content(&inner, Mode::Discussion)?;
        if choice.good_chars < 2.0 * good_chars.max(RELAXED_RETRY_BELOW_CHARS / 2.0) {
            return None;
        }
        log::debug!(
            "using <noscript> content ({} prose chars against {good_chars})",
            choice.good_chars
        );
        Some(self.body_blocks(&inner, &cleaned, &choice, metadata))
    }

    pub(crate) fn limits(&self) -> parse::Limits {
        parse::Limits {
            max_elements: self.options.max_elements,
            max_depth: self.options.max_depth,
        }
    }

    fn check_size(&self, bytes: usize) -> Result<()> {
        let actual = bytes as u64;
        if actual > self.options.max_bytes {
            return Err(Error::TooLarge {
                limit: self.options.max_bytes,
                actual,
            });
        }
        Ok(())
    }

    fn check_elements(&self, page: &Page<'_>) -> Result<()> {
        if page.element_count > self.options.max_elements {
            return Err(Error::TooManyElements {
                limit: self.options.max_elements,
                found: page.element_count,
            });
        }
        Ok(())
    }

    pub(crate) fn body_blocks(
        &self,
        page: &Page<'_>,
        cleaned: &Cleaned,
        choice: &Choice,
        metadata: &Metadata,
    ) -> Vec<Block> {
        let input = BodyInput {
            page,
            cleaned,
            blocks: &choice.blocks,
            base: metadata.base.as_ref(),
            // A discussion whose content is the headline's own heading is a link post: the
            // headline is all it says, so its body keeps it (wcxb 0561).
            title: metadata.shown_title.as_deref().filter(|_| {
                !is_discussion(metadata) || metadata.title_heading != Some(choice.root)
            }),
            options: &self.options,
            listing: choice.listing,
            discussion: is_discussion(metadata),
            image: metadata.image.as_ref().map(|(url, _)| url),
            authors: metadata.authors.as_ref().map_or(&[], |(names, _)| names),
        };
        let body = body::blocks(&input, choice.root);
        let Some(article_body) = &metadata.article_body else {
            return body.blocks;
        };
        // The description confirms a lead inside the body; one brought in from above it is
        // left to the publisher's text (Readability's truth leaves theverge.com's dek out).
        let description = metadata.description.as_ref().map(|(text, _)| text.as_str());
        let unconfirmed = usize::from(body.outside_lead);
        cross_check::filter(body.blocks, article_body, description, unconfirmed)
    }

    #[cfg(feature = "fetch")]
    pub(crate) fn client(&self) -> reqwest::Result<&crate::fetch::Client> {
        if let Some(client) = self.client.get() {
            return Ok(client);
        }
        let client = crate::fetch::Client::new(&self.options.fetch)?;
        Ok(self.client.get_or_init(|| client))
    }
}

/// Whether the page is a discussion by its URL or its JSON-LD type: cleaning keeps its
/// replies, and the body walk drops their vote counters.
fn is_discussion(metadata: &Metadata) -> bool {
    metadata.is_discussion || metadata.url.as_ref().is_some_and(clean::is_discussion_url)
}

/// Cleans strictly and picks the main content; retries relaxed when that leaves little.
/// `None` when the page holds no text at all.
pub(crate) fn choose_content(page: &Page<'_>, first: Mode) -> Option<(Cleaned, Choice)> {
    let cleaned = clean::clean(page, first);
    let strict = score::choose(page, &cleaned);
    let good_chars = strict.as_ref().map_or(0.0, |c| c.good_chars);
    if good_chars >= RELAXED_RETRY_BELOW_CHARS {
        return strict.map(|choice| (cleaned, choice));
    }
    let relaxed_cleaned = clean::clean(page, Mode::Relaxed);
    let relaxed = score::choose(page, &relaxed_cleaned);
    let relaxed_chars = relaxed.as_ref().map_or(0.0, |c| c.good_chars);
    if relaxed_chars > good_chars * 1.5 && relaxed_chars >= RELAXED_MIN_GAIN_CHARS {
        relaxed.map(|choice| (relaxed_cleaned, choice))
    } else {
        strict.map(|choice| (cleaned, choice))
    }
}

/// Characters of body text a block contributes (related links count nothing).
fn block_chars(block: &Block) -> usize {
    match block {
        Block::Paragraph(inline) | Block::Quote(inline) => inline.text.chars().count(),
        Block::Heading { text, .. } | Block::Code { text, .. } => text.chars().count(),
        Block::List(list) => list
            .items
            .iter()
            .map(|item| item.content.text.chars().count())
            .sum(),
        Block::Table(table) => table
            .rows
            .iter()
            .flatten()
            .map(|cell| cell.text.chars().count())
            .sum(),
        _ => 0,
    }
}

/// Puts the metadata and the blocks together.
fn assemble(metadata: Metadata, blocks: Vec<Block>) -> Article {
    let sources = Sources {
        title: metadata.title.as_ref().map(|(_, s)| *s),
        published: metadata.published.as_ref().map(|(_, s)| *s),
        modified: metadata.modified.as_ref().map(|(_, s)| *s),
        authors: metadata.authors.as_ref().map(|(_, s)| *s),
        site_name: metadata.site_name.as_ref().map(|(_, s)| *s),
        language: metadata.language.as_ref().map(|(_, s)| *s),
        description: metadata.description.as_ref().map(|(_, s)| *s),
        image: metadata.image.as_ref().map(|(_, s)| *s),
        section: metadata.section.as_ref().map(|(_, s)| *s),
        tags: metadata.tags.as_ref().map(|(_, s)| *s),
    };
    let mut article = Article {
        url: metadata.url,
        title: metadata.title.map(|(title, _)| title),
        published: metadata.published.map(|(stamp, _)| stamp),
        modified: metadata.modified.map(|(stamp, _)| stamp),
        authors: metadata.authors.map(|(names, _)| names).unwrap_or_default(),
        site_name: metadata.site_name.map(|(name, _)| name),
        language: metadata.language.map(|(language, _)| language),
        description: metadata.description.map(|(text, _)| text),
        image: metadata.image.map(|(url, _)| url),
        section: metadata.section.map(|(section, _)| section),
        tags: metadata.tags.map(|(tags, _)| tags).unwrap_or_default(),
        blocks,
        sources,
        decoding: None,
    };
    // The body language is known only now: detect it when the page declares none.
    metadata::detect_article_language(&mut article);
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync + Clone>() {}

    #[test]
    fn extractor_is_shareable() {
        assert_send_sync::<Extractor>();
    }

    #[test]
    fn a_link_post_keeps_its_headline_as_its_body() {
        let html = "<html><head><title>Reddit - The heart of the internet</title></head><body>\
                    <nav><a href=\"/\">Home</a></nav><main><h1>FCC chair warns Europe over \
                    satellite rules: new barriers are emerging that constrain US businesses \
                    operating abroad, he says, and the FCC now seeks public comment.</h1>\
                    </main></body></html>";
        let url = Url::parse("https://www.reddit.com/r/technology/comments/1abc/fcc/").unwrap();
        let article = Extractor::new().extract_html(html, Some(&url)).unwrap();
        assert!(article.title.as_deref().unwrap().starts_with("FCC chair"));
        assert!(
            article.text().contains("new barriers are emerging"),
            "{article:?}"
        );
    }

    #[test]
    fn discussion_pages_drop_bare_vote_counts() {
        let post = |n: usize| {
            format!(
                "<div class=\"post\"><div class=\"votes\"><p>{n}</p></div><div class=\"body\">\
                 <p>Reply number {n}: I tried the same fix on my bike and the chain stopped \
                 slipping after I adjusted the rear derailleur by half a turn.</p></div></div>"
            )
        };
        let posts: String = (1..=4).map(post).collect();
        let html = format!("<html><body><main>{posts}</main></body></html>");
        let texts = |url: &str| {
            let url = Url::parse(url).unwrap();
            let article = Extractor::new().extract_html(&html, Some(&url)).unwrap();
            article
                .paragraphs()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>()
        };
        let forum = texts("https://forum.example.org/t/chain-slipping/42");
        assert_eq!(forum.len(), 4, "{forum:?}");
        assert!(forum.iter().all(|text| text.starts_with("Reply number")));
        // Off a discussion page a lone number stays: it may be a figure the page means.
        let article = texts("https://news.example.org/2021/03/30/bikes");
        assert!(article.iter().any(|text| text == "2"), "{article:?}");
    }

    #[test]
    fn rejects_inputs_over_the_byte_budget() {
        let extractor = Extractor::builder().max_bytes(10).build();
        let error = extractor
            .extract_html("<p>eleven chars</p>", None)
            .unwrap_err();
        assert!(matches!(
            error,
            Error::TooLarge {
                limit: 10,
                actual: 19
            }
        ));
    }

    #[test]
    fn rejects_documents_over_the_element_budget() {
        let extractor = Extractor::builder().max_elements(5).build();
        let html = "<div><p>a</p><p>b</p><p>c</p></div>";
        let error = extractor.extract_html(html, None).unwrap_err();
        assert!(matches!(
            error,
            Error::TooManyElements { limit: 5, found: 7 }
        ));
    }

    #[test]
    fn empty_page_has_no_content() {
        let error = Extractor::new().extract_html("", None).unwrap_err();
        assert!(matches!(error, Error::NoContent { best_chars: 0, .. }));
    }
}
