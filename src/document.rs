//! The extracted document: [`Article`] and the [`Block`]s of its body.
//!
//! These are plain data. Nothing here does I/O or refers back to the page's DOM; renderers in
//! [`crate::render`] turn an `Article` into text, Markdown, JSON or HTML. Every type serialises
//! to the JSON schema of [`crate::render::json`] and deserialises from it, so an article kept
//! as JSON can be rendered again later.

use serde::{Deserialize, Serialize};
use url::Url;

use crate::decode::Decoding;
use crate::timestamp::Timestamp;

/// A clean article: metadata plus the body as blocks in page order.
///
/// ```
/// let html = r#"<html><head><title>Rain in Spain - The Daily</title></head><body>
///   <article><h1>Rain in Spain</h1>
///   <p>The rain in Spain stays mainly in the plain, forecasters said on Monday, as the
///      first storms of the season reached the coast.</p>
///   <p>Farmers welcomed the change after a long and dry summer across the whole region.</p>
///   </article></body></html>"#;
/// let article = newsprint::extract(html)?;
/// assert_eq!(article.title.as_deref(), Some("Rain in Spain"));
/// assert_eq!(article.paragraphs().count(), 2);
/// assert!(article.text().starts_with("The rain in Spain"));
/// # Ok::<(), newsprint::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Article {
    /// The canonical URL when the page names one, else the URL the page was given with.
    pub url: Option<Url>,
    /// The headline.
    pub title: Option<String>,
    /// When the article was first published.
    pub published: Option<Timestamp>,
    /// When the article was last modified, if the page says so separately.
    pub modified: Option<Timestamp>,
    /// Author names, in page order, without "By" and roles.
    pub authors: Vec<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// The page language as a BCP 47 tag (`en`, `de-DE`) as the page declares it, else the
    /// language detected in the body text (an ISO 639-1 code, [`Source::Detected`]).
    pub language: Option<String>,
    /// The summary the page gives in its metadata.
    pub description: Option<String>,
    /// The lead image.
    pub image: Option<Url>,
    /// The section of the site the article belongs to ("World", "Sport"), as the page states it.
    pub section: Option<String>,
    /// The article's tags or keywords, as the page states them, in page order.
    pub tags: Vec<String>,
    /// The body, in page order.
    pub blocks: Vec<Block>,
    /// Where each metadata field came from.
    pub sources: Sources,
    /// Which character encoding the page's bytes were decoded with, and why; `None` when the
    /// caller passed text ([`crate::Extractor::extract_html`],
    /// [`crate::Extractor::extract_document`]). Left out of JSON when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoding: Option<Decoding>,
}

impl Article {
    /// The body text: every block except related links, joined by a blank line.
    ///
    /// List items go on their own lines, table cells are separated by tabs.
    pub fn text(&self) -> String {
        self.text_opening(usize::MAX)
    }

    /// The opening of [`Article::text`]: whole blocks until the text holds at least
    /// `min_bytes` bytes (or all of it).
    pub(crate) fn text_opening(&self, min_bytes: usize) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            if out.len() >= min_bytes {
                break;
            }
            let start = out.len();
            if start > 0 {
                out.push_str("\n\n");
            }
            let text_start = out.len();
            block.write_text(&mut out);
            if out.len() == text_start {
                out.truncate(start);
            }
        }
        out
    }

    /// The paragraphs of the body, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Inline> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Paragraph(inline) => Some(inline),
            _ => None,
        })
    }

    /// The inline related links ("Also on …", "Read more: …"), in order.
    pub fn related(&self) -> impl Iterator<Item = &Related> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Related(related) => Some(related),
            _ => None,
        })
    }
}

/// One unit of the article body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Block {
    /// A paragraph of running text.
    Paragraph(Inline),
    /// A subheading inside the body.
    Heading {
        /// 1 to 6, as in `h1`–`h6`.
        level: u8,
        /// The heading text.
        text: String,
    },
    /// A bulleted or numbered list.
    List(List),
    /// A block quotation.
    Quote(Inline),
    /// Preformatted text or source code, whitespace kept.
    Code {
        /// The language, when the page names it (`class="language-rust"`).
        language: Option<String>,
        /// The text, exactly as laid out.
        text: String,
    },
    /// A data table.
    Table(Table),
    /// An image that belongs to the body, with its caption.
    Figure(Figure),
    /// A link to another article placed inside the body ("Also on rt.com …", "Read more: …").
    Related(Related),
}

impl Block {
    /// Appends this block's contribution to [`Article::text`].
    fn write_text(&self, out: &mut String) {
        match self {
            Block::Paragraph(inline) | Block::Quote(inline) => out.push_str(&inline.text),
            Block::Heading { text, .. } | Block::Code { text, .. } => out.push_str(text),
            Block::List(list) => list.write_text(out),
            Block::Table(table) => table.write_text(out),
            Block::Figure(_) | Block::Related(_) => {}
        }
    }
}

/// Text with its inline links and emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Inline {
    /// The text, whitespace collapsed, entities decoded.
    pub text: String,
    /// Links inside the text, in order.
    pub links: Vec<Link>,
    /// Emphasis inside the text, in order of their start.
    pub marks: Vec<Mark>,
}

impl Inline {
    /// Text without links or emphasis.
    pub fn plain(text: impl Into<String>) -> Self {
        Inline {
            text: text.into(),
            links: Vec::new(),
            marks: Vec::new(),
        }
    }
}

/// A link inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The link text.
    pub text: String,
    /// The target: absolute when the page or the caller gave a base URL, else as written.
    pub url: String,
    /// Byte offset of the link text in the paragraph text.
    pub start: usize,
    /// Byte offset just past the link text.
    pub end: usize,
}

/// Emphasis over a byte range of a paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// What kind of emphasis.
    pub kind: MarkKind,
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
}

/// The kinds of inline emphasis that are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MarkKind {
    /// `em`, `i`.
    Emphasis,
    /// `strong`, `b`.
    Strong,
    /// `code`, `kbd`, `samp` inside running text.
    Code,
}

/// A list; items may hold nested lists.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct List {
    /// Numbered (`ol`) rather than bulleted (`ul`).
    pub ordered: bool,
    /// The items, in order.
    pub items: Vec<ListItem>,
}

impl List {
    pub(crate) fn write_text(&self, out: &mut String) {
        let mut first = true;
        for item in &self.items {
            if !first {
                out.push('\n');
            }
            first = false;
            out.push_str(&item.content.text);
            if let Some(sublist) = &item.sublist {
                out.push('\n');
                sublist.write_text(out);
            }
        }
    }
}

/// One list item.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ListItem {
    /// The item's own text.
    #[serde(flatten)]
    pub content: Inline,
    /// A list nested inside this item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sublist: Option<Box<List>>,
}

/// A data table. Cells keep their links and emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Table {
    /// The table's `<caption>`.
    #[serde(default)]
    pub caption: Option<Inline>,
    /// Header cells, when the table has a header row.
    pub header: Vec<Inline>,
    /// Body rows.
    pub rows: Vec<Vec<Inline>>,
}

impl Table {
    fn write_text(&self, out: &mut String) {
        let mut first = true;
        if let Some(caption) = &self.caption {
            out.push_str(&caption.text);
            first = false;
        }
        for row in std::iter::once(&self.header)
            .filter(|header| !header.is_empty())
            .chain(&self.rows)
        {
            if !first {
                out.push('\n');
            }
            first = false;
            for (column, cell) in row.iter().enumerate() {
                if column > 0 {
                    out.push('\t');
                }
                out.push_str(&cell.text);
            }
        }
    }
}

/// An image kept as part of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The image source.
    pub image: String,
    /// The image's alternative text.
    pub alt: Option<String>,
    /// The caption, with its links and emphasis.
    pub caption: Option<Inline>,
}

/// A related-article link placed inside the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    /// The label that introduces it (`Also on rt.com`, `READ MORE`); empty when there is none.
    pub label: String,
    /// The linked article's title.
    pub title: String,
    /// The linked article's URL.
    pub url: String,
}

/// Where a metadata value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Source {
    /// A JSON-LD (`application/ld+json`) object.
    JsonLd,
    /// `OpenGraph` (`og:*`, `article:*`) meta tags.
    OpenGraph,
    /// Twitter card meta tags.
    Twitter,
    /// Other meta tags: `name="author"`, Dublin Core, vendor names, `itemprop`; and the
    /// JSON state a page hands its scripts (`<script type="application/json">`).
    Meta,
    /// An element of the page: `<time datetime>`, `<h1>`, `<html lang>`, a byline element.
    Markup,
    /// The document `<title>`.
    TitleElement,
    /// Text a reader sees on the page.
    VisibleText,
    /// The page URL.
    Url,
    /// Detected from the body text (the language, when the page declares none).
    Detected,
}

/// Which [`Source`] each metadata field of an [`Article`] came from; `None` where the field is
/// empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Sources {
    /// Source of [`Article::title`].
    pub title: Option<Source>,
    /// Source of [`Article::published`].
    pub published: Option<Source>,
    /// Source of [`Article::modified`].
    pub modified: Option<Source>,
    /// Source of [`Article::authors`].
    pub authors: Option<Source>,
    /// Source of [`Article::site_name`].
    pub site_name: Option<Source>,
    /// Source of [`Article::language`].
    pub language: Option<Source>,
    /// Source of [`Article::description`].
    pub description: Option<Source>,
    /// Source of [`Article::image`].
    pub image: Option<Source>,
    /// Source of [`Article::section`].
    pub section: Option<Source>,
    /// Source of [`Article::tags`].
    pub tags: Option<Source>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph(Inline::plain(text))
    }

    #[test]
    fn text_joins_blocks_and_skips_related() {
        let article = Article {
            blocks: vec![
                paragraph("First."),
                Block::Related(Related {
                    label: "Also on example.com".into(),
                    title: "Other story".into(),
                    url: "https://example.com/other".into(),
                }),
                Block::List(List {
                    ordered: false,
                    items: vec![
                        ListItem {
                            content: Inline::plain("one"),
                            sublist: None,
                        },
                        ListItem {
                            content: Inline::plain("two"),
                            sublist: None,
                        },
                    ],
                }),
                paragraph("Last."),
            ],
            ..Article::default()
        };
        assert_eq!(article.text(), "First.\n\none\ntwo\n\nLast.");
        assert_eq!(article.related().count(), 1);
        assert_eq!(article.paragraphs().count(), 2);
    }

    #[test]
    fn blocks_serialize_with_a_type_tag() {
        let block = Block::Heading {
            level: 2,
            text: "Why".into(),
        };
        let json = serde_json::to_string(&block).unwrap();
        assert_eq!(json, r#"{"type":"heading","level":2,"text":"Why"}"#);
        let json = serde_json::to_string(&paragraph("Hi")).unwrap();
        assert_eq!(
            json,
            r#"{"type":"paragraph","text":"Hi","links":[],"marks":[]}"#
        );
    }

    #[test]
    fn articles_round_trip_through_json() {
        let article = Article {
            title: Some("T".into()),
            published: "2021-03-30T11:49:00+03:00".parse().ok(),
            blocks: vec![
                paragraph("First."),
                Block::Table(Table {
                    caption: Some(Inline::plain("c")),
                    header: vec![Inline::plain("a")],
                    rows: vec![vec![Inline::plain("1")]],
                }),
                Block::Figure(Figure {
                    image: "https://example.com/a.jpg".into(),
                    alt: None,
                    caption: Some(Inline::plain("A cat")),
                }),
            ],
            ..Article::default()
        };
        let json = serde_json::to_string(&article).unwrap();
        assert_eq!(serde_json::from_str::<Article>(&json).unwrap(), article);
    }

    #[test]
    fn table_text_uses_tabs_and_lines() {
        let table = Block::Table(Table {
            caption: None,
            header: vec![Inline::plain("a"), Inline::plain("b")],
            rows: vec![vec![Inline::plain("1"), Inline::plain("2")]],
        });
        let mut out = String::new();
        table.write_text(&mut out);
        assert_eq!(out, "a\tb\n1\t2");
    }
}
