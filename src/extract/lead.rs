//! The lead: the standfirst, chapô or summary set above the text in the article's header,
//! outside the element chosen as the body. It is the first paragraph of the article.

use url::Url;

use crate::clean::Cleaned;
use crate::clean::rules::Hint;
use crate::document::Inline;
use crate::page::{Page, Tag};

use super::inline::inline_of;

/// How many levels above the body to look for the article that holds both.
const MAX_LEVELS_UP: usize = 4;
/// A lead is a sentence or two: this many characters at least…
const MIN_LEAD_CHARS: usize = 30;
/// …and at most this many.
const MAX_LEAD_CHARS: usize = 1000;
/// Share of the lead's bytes that may sit in links.
const MAX_LEAD_LINK_SHARE: f32 = 0.5;

/// The lead of the article whose body is the subtree at `root`: the last element marked as a
/// lead (`standfirst`, `chapo`, `article__desc`, `summary`…) that comes before the body inside
/// the same article, and reads like one.
pub(crate) fn lead_before(
    page: &Page<'_>,
    cleaned: &Cleaned,
    base: Option<&Url>,
    root: u32,
) -> Option<Inline> {
    let region = article_around(page, root)?;
    let mut found = None;
    let mut at = region + 1;
    while at < root {
        let node = page.nodes.get(at as usize)?;
        let is_ancestor_of_root = node.end > root;
        if cleaned.reason(at).is_some() && !is_ancestor_of_root {
            at = node.end;
        } else if node.tag != Tag::Text && node.hints.has(Hint::Lead) && !is_ancestor_of_root {
            found = Some(at);
            at = node.end;
        } else {
            at += 1;
        }
    }
    let lead = inline_of(page, cleaned, base, found?, |_| false);
    let chars = lead.text.chars().count();
    let linked: usize = lead.links.iter().map(|l| l.end - l.start).sum();
    let reads_as_lead = (MIN_LEAD_CHARS..=MAX_LEAD_CHARS).contains(&chars)
        && (linked as f32) <= MAX_LEAD_LINK_SHARE * lead.text.len() as f32;
    reads_as_lead.then_some(lead)
}

/// The outermost `<article>`, `<main>` or element whose class names the article, at most a
/// few levels above the body: the header with the lead may sit beside an inner wrapper.
fn article_around(page: &Page<'_>, root: u32) -> Option<u32> {
    page.ancestors(root)
        .take(MAX_LEVELS_UP)
        .filter(|&at| {
            let node = &page.nodes[at as usize];
            matches!(node.tag, Tag::Article | Tag::Main)
                || node.hints.has(Hint::Content)
                || node.hints.has(Hint::Body)
        })
        .last()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{Mode, clean};
    use scraper::Html;

    fn lead(html: &str) -> Option<String> {
        let parsed = Html::parse_document(html);
        let page = Page::build(&parsed);
        let cleaned = clean(&page, Mode::Strict);
        let root = (0..page.nodes.len() as u32)
            .find(|&i| page.attr(i, "class") == Some("body"))
            .unwrap();
        lead_before(&page, &cleaned, None, root).map(|inline| inline.text)
    }

    #[test]
    fn finds_the_standfirst_in_the_article_header() {
        let found = lead(
            "<article><header><h1>Title</h1><div class='article__standfirst'><p>Citizen \
             scientists logged 140 incidents in a year.</p></div></header>\
             <div class='body'><p>Text.</p></div></article>",
        );
        assert_eq!(
            found.as_deref(),
            Some("Citizen scientists logged 140 incidents in a year.")
        );
    }

    #[test]
    fn finds_a_long_standfirst() {
        let sentence = "The institute simulated the whole climate system at one kilometre. ";
        let standfirst = sentence.repeat(12);
        let found = lead(&format!(
            "<article><div class='teaser-text'><p>{standfirst}</p></div>\
             <div class='body'><p>Text.</p></div></article>"
        ));
        assert_eq!(found.as_deref(), Some(standfirst.trim()));
    }

    #[test]
    fn ignores_leads_outside_the_article_and_short_labels() {
        assert_eq!(
            lead(
                "<div class='summary'>A summary outside any article at all, far away.</div>\
                 <article><div class='body'><p>Text.</p></div></article>"
            ),
            None
        );
        assert_eq!(
            lead("<article><p class='lead'>Short.</p><div class='body'><p>T.</p></div></article>"),
            None
        );
    }
}
