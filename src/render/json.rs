//! JSON: the documented output schema, versioned by `schema_version`.

use serde::Serialize;

use crate::document::Article;

/// The version of the JSON schema written by [`to_json`]; raised on any incompatible change.
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
