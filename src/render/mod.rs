//! Renderers: pure functions from an [`Article`](crate::Article) to the outputs people use.
//!
//! - [`text::to_text`]: plain text for search indexes and terminals;
//! - [`markdown::to_markdown`]: CommonMark (with GFM tables) for LLM and RAG pipelines;
//! - [`json::to_json`]: the versioned JSON schema for archives and APIs;
//! - [`html::to_html`] and [`html::to_html_fragment`]: clean HTML to display.
//!
//! Every renderer builds its output from the blocks; nothing of the page's markup is copied.
//! Page text is escaped for the format, so that it never adds structure (a line starting with
//! `# ` stays text in Markdown, `<script>` stays text in HTML). Link and image URLs go out only
//! when they are `http`, `https` or `mailto` (images: `http`, `https`); a link that is not
//! keeps its text. Markdown and text also keep relative links (an article extracted without a
//! base URL), which no scheme can make dangerous; HTML keeps only absolute ones.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

mod spans;

use url::Url;

use crate::document::{Inline, Link, List, ListItem, Related};

/// Schemes a link may have in any output.
const LINK_SCHEMES: &[&str] = &["http", "https", "mailto"];
/// Schemes an image may have.
const IMAGE_SCHEMES: &[&str] = &["http", "https"];
/// Longest code language name kept (`objective-c++` fits).
const MAX_LANGUAGE_CHARS: usize = 32;

/// The URL to write for a link target, or `None` when it must not be written: see the module
/// docs. Absolute URLs come back as the URL parser serialises them.
pub(crate) fn link_url(url: &str, allow_relative: bool) -> Option<String> {
    checked_url(url, LINK_SCHEMES, allow_relative)
}

/// The URL to write for an image source, or `None`.
pub(crate) fn image_url(url: &str, allow_relative: bool) -> Option<String> {
    checked_url(url, IMAGE_SCHEMES, allow_relative)
}

fn checked_url(url: &str, schemes: &[&str], allow_relative: bool) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    match Url::parse(url) {
        Ok(parsed) => schemes.contains(&parsed.scheme()).then(|| parsed.into()),
        // Parsing failed before any scheme was found: a path, query or fragment, which a
        // browser resolves against the page. Tabs and newlines are what browsers strip.
        Err(url::ParseError::RelativeUrlWithoutBase) if allow_relative => Some(
            url.chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect(),
        ),
        Err(_) => None,
    }
}

/// A code block's language when it is a plain name (`rust`, `c++`, `objective-c`, `c#`,
/// `shell-session`), else `None`: it goes into a fence info string and a class attribute.
pub(crate) fn code_language(language: Option<&str>) -> Option<&str> {
    let language = language?.trim();
    let is_name = !language.is_empty()
        && language.len() <= MAX_LANGUAGE_CHARS
        && language
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '#' | '.' | '_'));
    is_name.then_some(language)
}

/// Whether a list item shows anything: text, or a nested list that does. Items that do not
/// are left out of text and Markdown (an empty `-` line means nothing).
pub(crate) fn is_shown(item: &ListItem) -> bool {
    !item.content.text.trim().is_empty() || item.sublist.as_deref().is_some_and(is_list_shown)
}

/// Whether any item of a list shows anything.
pub(crate) fn is_list_shown(list: &List) -> bool {
    list.items.iter().any(is_shown)
}

/// A related link as inline text on one line: `label: title` with the title linked.
pub(crate) fn related_inline(related: &Related) -> Inline {
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = match one_line(&related.title) {
        title if title.is_empty() => one_line(&related.url),
        title => title,
    };
    let label = one_line(&related.label);
    let text = if label.is_empty() {
        title.clone()
    } else {
        format!("{label}: {title}")
    };
    let start = text.len() - title.len();
    Inline {
        links: vec![Link {
            text: title,
            url: related.url.clone(),
            start,
            end: text.len(),
        }],
        text,
        marks: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_web_and_mail_links() {
        assert_eq!(
            link_url(" https://example.com/a b", false).as_deref(),
            Some("https://example.com/a%20b")
        );
        assert_eq!(
            link_url("mailto:desk@example.com", false).as_deref(),
            Some("mailto:desk@example.com")
        );
        for bad in [
            "javascript:alert(1)",
            "java\tscript:alert(1)",
            " JAVASCRIPT:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "ftp://example.com/",
            "http://[::1",
            "",
        ] {
            assert_eq!(link_url(bad, true), None, "{bad:?}");
        }
        assert_eq!(image_url("mailto:desk@example.com", false), None);
    }

    #[test]
    fn relative_links_only_where_allowed() {
        assert_eq!(
            link_url("/story?id=1", true).as_deref(),
            Some("/story?id=1")
        );
        assert_eq!(link_url("/st\nory", true).as_deref(), Some("/story"));
        assert_eq!(link_url("/story", false), None);
    }

    #[test]
    fn code_languages_are_plain_names() {
        assert_eq!(code_language(Some(" c++ ")), Some("c++"));
        assert_eq!(code_language(Some("objective-c")), Some("objective-c"));
        assert_eq!(code_language(Some("rust\" onclick=\"x")), None);
        assert_eq!(code_language(Some("a`b")), None);
        assert_eq!(code_language(Some("")), None);
        assert_eq!(code_language(None), None);
    }
}
