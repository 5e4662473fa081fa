//! JSON: the documented output schema, versioned by `schema_version`.
//!
//! An article is one object: `schema_version`, then every field of [`Article`] in order
//! (`url`, `title`, `published` and `modified` as RFC 3339 strings or `null`, `authors`,
//! `site_name`, `language`, `description`, `image`, `blocks`, `sources`, and `decoding` when
//! the input was bytes), then `text`, the body as [`Article::text`] gives it. Blocks carry a
//! `type` tag (`paragraph`, `heading`, `list`, `quote`, `code`, `table`, `figure`,
//! `related`); text with inline formatting is `{"text", "links", "marks"}` with byte offsets
//! into `text`. The README lists the whole schema.
//!
//! [`Article`] deserialises from this object (the extra `schema_version` and `text` are
//! ignored), so an archived article can be rendered again in another format:
//!
//! ```
//! let html = "<html><head><title>Rain</title></head><body><article><p>It rained all day \
//!             long in the city, and the river rose by a metre.</p></article></body></html>";
//! let article = newsprint::extract(html)?;
//! let json = newsprint::render::json::to_json(&article);
//! let archived: newsprint::Article = serde_json::from_str(&json).unwrap();
//! assert_eq!(archived, article);
//! # Ok::<(), newsprint::Error>(())
//! ```

use serde::Serialize;

use crate::document::Article;

/// The version of the JSON schema written by [`to_json`]; raised on any incompatible change
/// (a field removed, renamed or changing type). New fields may appear without a new version.
pub const SCHEMA_VERSION: u32 = 1;

/// An article as it appears in JSON: every field of [`Article`] plus `schema_version` and the
/// body `text`.
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The article's fields.
    #[serde(flatten)]
    pub article: &'a Article,
    /// [`Article::text`].
    pub text: String,
}

impl<'a> ArticleJson<'a> {
    /// Wraps an article for serialisation.
    pub fn new(article: &'a Article) -> Self {
        ArticleJson {
            schema_version: SCHEMA_VERSION,
            article,
            text: article.text(),
        }
    }
}

/// Renders an article as one line of JSON.
///
/// ```
/// let html = "<html><head><title>Rain</title></head><body><article><p>It rained all day \
///             long in the city, and the river rose by a metre.</p></article></body></html>";
/// let article = newsprint::extract(html)?;
/// let json: serde_json::Value = serde_json::from_str(&newsprint::render::json::to_json(&article)).unwrap();
/// assert_eq!(json["schema_version"], 1);
/// assert_eq!(json["title"], "Rain");
/// assert_eq!(json["blocks"][0]["type"], "paragraph");
/// # Ok::<(), newsprint::Error>(())
/// ```
pub fn to_json(article: &Article) -> String {
    serde_json::to_string(&ArticleJson::new(article))
        .unwrap_or_else(|error| unreachable!("an Article always serialises: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Inline};

    #[test]
    fn writes_fields_in_schema_order() {
        let article = Article {
            title: Some("T".into()),
            blocks: vec![Block::Paragraph(Inline::plain("Body."))],
            ..Article::default()
        };
        let json = to_json(&article);
        assert!(json.starts_with(r#"{"schema_version":1,"url":null,"title":"T","published":null"#));
        assert!(json.ends_with(r#""text":"Body."}"#));
    }
}
