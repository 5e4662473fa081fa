//! The pipeline's stages one at a time, for the benchmarks in `benches/` and the `speed`
//! example. Hidden from the docs and outside the stability promise: the types are opaque
//! wrappers around internal ones, and they change whenever the pipeline does.
//!
//! Each function is the step [`Extractor::extract_document`] runs, taking the previous step's
//! output, so a benchmark prepares a stage's input once and times that stage alone.

use scraper::Html;
use url::Url;

use crate::clean::{self, Cleaned, Mode};
use crate::decode;
use crate::document::Block;
use crate::error::Result;
use crate::extractor::Extractor;
use crate::metadata::{self, Metadata};
use crate::page::Page;
use crate::parse;
use crate::score::{self, Choice};

/// Decodes a page's bytes to text as [`Extractor::extract_bytes`] does.
pub fn decode(bytes: &[u8], content_type: Option<&str>, url: Option<&Url>) -> String {
    decode::decode(bytes, content_type, url).text.into_owned()
}

/// The one html5ever parse, within the extractor's budgets.
///
/// # Errors
///
/// [`crate::Error::TooManyElements`] when the page is over the element budget.
pub fn parse(extractor: &Extractor, html: &str) -> Result<Html> {
    parse::parse(html, &extractor.limits())
}

/// A parsed document flattened into the preorder array every later stage reads.
#[derive(Debug)]
pub struct Indexed<'a>(Page<'a>);

impl Indexed<'_> {
    /// How many nodes were indexed.
    pub fn node_count(&self) -> usize {
        self.0.nodes.len()
    }
}

/// Flattens a parsed document.
pub fn index<'a>(extractor: &Extractor, document: &'a Html) -> Indexed<'a> {
    Indexed(Page::build_within(document, extractor.limits().max_depth))
}

/// What the metadata stage found.
#[derive(Debug)]
pub struct Found(Metadata);

impl Found {
    /// The title, if one was found.
    pub fn title(&self) -> Option<&str> {
        self.0.title.as_ref().map(|(title, _)| title.as_str())
    }
}

/// Reads the metadata of an indexed page.
pub fn metadata(extractor: &Extractor, page: &Indexed<'_>, url: Option<&Url>) -> Found {
    Found(metadata::read(&page.0, url, extractor.reference_time()))
}

/// The strict cleaning pass's removal table.
#[derive(Debug)]
pub struct Removals(Cleaned);

impl Removals {
    /// How many subtrees of `page` (the page this table was made for) were removed.
    pub fn removed(&self, page: &Indexed<'_>) -> usize {
        (0..page.0.nodes.len() as u32)
            .filter(|&index| self.0.reason(index).is_some())
            .count()
    }
}

/// Runs the strict cleaning pass.
pub fn clean(page: &Indexed<'_>) -> Removals {
    Removals(clean::clean(&page.0, Mode::Strict))
}

/// The chosen main-content element.
#[derive(Debug)]
pub struct Scored(Choice);

impl Scored {
    /// Prose characters in the chosen element.
    pub fn good_chars(&self) -> f32 {
        self.0.good_chars
    }
}

/// Scores a cleaned page; `None` when no element holds text.
pub fn score(page: &Indexed<'_>, removals: &Removals) -> Option<Scored> {
    score::choose(&page.0, &removals.0).map(Scored)
}

/// Cleaning and scoring as the extractor runs them, with the relaxed retry.
#[derive(Debug)]
pub struct Content(Cleaned, Choice);

/// Cleans and scores a page as the extractor does; `None` when no element holds text.
pub fn content(page: &Indexed<'_>) -> Option<Content> {
    let (cleaned, choice) = crate::extractor::choose_content(&page.0, crate::clean::Mode::Strict)?;
    Some(Content(cleaned, choice))
}

/// The body blocks of the chosen content.
pub fn blocks(
    extractor: &Extractor,
    page: &Indexed<'_>,
    content: &Content,
    found: &Found,
) -> Vec<Block> {
    extractor.body_blocks(&page.0, &content.0, &content.1, &found.0)
}
