//! Teaser cards: a linked headline with a line or two of summary, repeated down a "more
//! stories" list or a live feed.
//!
//! Their summaries read like prose, so density alone keeps them. What gives them away is the
//! headline: article subheadings are text, a teaser's headline is a link to another page. A
//! card is the largest element around such a heading that holds no other heading and stays as
//! short as a teaser; only cards that come in groups count, so a lone linked heading (a blog
//! post's permalinked title) stays.

use std::collections::HashMap;

use crate::page::{Flags, NO_PARENT, Page, Tag};

/// The longest text a teaser card holds, in characters.
const MAX_CARD_CHARS: u32 = 500;
/// Share of a heading's text inside links for it to be a linked headline.
const MIN_HEADLINE_LINK_SHARE: f32 = 0.8;
/// How many cards must share a parent (or grandparent) to form a teaser list.
const MIN_CARDS_IN_LIST: usize = 2;
/// The most nodes a teaser card (or its headline) spans; larger subtrees are never looked
/// into, which keeps the search linear on pages of deeply nested headings.
const MAX_CARD_NODES: u32 = 256;

/// Indices of the teaser cards of a page. `chars` holds the visible characters of every
/// subtree, indexed like [`Page::nodes`].
pub(crate) fn cards(page: &Page<'_>, chars: &[u32]) -> Vec<u32> {
    let mut found: Vec<u32> = Vec::new();
    for (index, node) in page.nodes.iter().enumerate() {
        if node.tag.heading_level().is_some_and(|level| level > 1)
            && is_linked_headline(page, index as u32)
            && let Some(card) = card_around(page, chars, index as u32)
            && found.last() != Some(&card)
        {
            found.push(card);
        }
    }
    keep_grouped(page, &found)
}

/// Whether nearly all of a heading's text sits inside links.
fn is_linked_headline(page: &Page<'_>, heading: u32) -> bool {
    let Some(node) = page.nodes.get(heading as usize) else {
        return false;
    };
    if node.end - heading > MAX_CARD_NODES {
        return false;
    }
    let (mut all, mut linked) = (0u32, 0u32);
    for inner in &page.nodes[heading as usize..node.end as usize] {
        all += inner.text.chars;
        if inner.flags.contains(Flags::IN_LINK) {
            linked += inner.text.chars;
        }
    }
    all > 0 && linked as f32 >= MIN_HEADLINE_LINK_SHARE * all as f32
}

/// Whether the headline of the card at `card` links to another page: an accordion's toggle
/// (`href="#"`, a `#fragment`, `javascript:`) heads an answer on this page, not a teaser.
pub(crate) fn links_elsewhere(page: &Page<'_>, card: u32) -> bool {
    let Some(node) = page.nodes.get(card as usize) else {
        return false;
    };
    let Some(heading) = (card..node.end).find(|&at| page.tag(at).heading_level().is_some()) else {
        return false;
    };
    let end = page.nodes[heading as usize].end;
    (heading..end).any(|at| {
        page.tag(at) == Tag::A
            && page.attr(at, "href").is_some_and(|href| {
                let href = href.trim();
                !href.is_empty()
                    && !href.starts_with('#')
                    && !href
                        .get(..11)
                        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("javascript:"))
            })
    })
}

/// The largest ancestor of the heading that holds no other heading and at most
/// [`MAX_CARD_CHARS`] characters.
fn card_around(page: &Page<'_>, chars: &[u32], heading: u32) -> Option<u32> {
    let mut card = None;
    for ancestor in page.ancestors(heading) {
        let node = &page.nodes[ancestor as usize];
        if matches!(node.tag, Tag::Body | Tag::Html | Tag::Main) || node.parent == NO_PARENT {
            break;
        }
        if chars[ancestor as usize] > MAX_CARD_CHARS
            || node.end - ancestor > MAX_CARD_NODES
            || holds_other_heading(page, ancestor, heading)
        {
            break;
        }
        card = Some(ancestor);
    }
    card
}

fn holds_other_heading(page: &Page<'_>, ancestor: u32, heading: u32) -> bool {
    let end = page.nodes[ancestor as usize].end;
    (ancestor + 1..end).any(|at| at != heading && page.tag(at).heading_level().is_some())
}

/// Keeps the cards that have a sibling card under the same parent or grandparent.
fn keep_grouped(page: &Page<'_>, cards: &[u32]) -> Vec<u32> {
    let group_of = |card: u32, up: usize| page.ancestors(card).nth(up);
    let mut group_sizes: HashMap<(usize, u32), usize> = HashMap::new();
    for &card in cards {
        for up in 0..2 {
            if let Some(group) = group_of(card, up) {
                *group_sizes.entry((up, group)).or_default() += 1;
            }
        }
    }
    cards
        .iter()
        .copied()
        .filter(|&card| {
            (0..2).any(|up| {
                group_of(card, up).is_some_and(|group| {
                    group_sizes.get(&(up, group)).copied().unwrap_or(0) >= MIN_CARDS_IN_LIST
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn card_texts(html: &str) -> Vec<String> {
        let parsed = Html::parse_document(html);
        let page = Page::build(&parsed);
        let mut chars = vec![0u32; page.nodes.len()];
        for index in (0..page.nodes.len()).rev() {
            chars[index] += page.nodes[index].text.chars;
            let parent = page.nodes[index].parent;
            if parent != NO_PARENT {
                chars[parent as usize] += chars[index];
            }
        }
        cards(&page, &chars)
            .into_iter()
            .map(|card| page.text_of(card))
            .collect()
    }

    #[test]
    fn finds_lists_of_linked_headlines_with_summaries() {
        let found = card_texts(
            "<article><h1>Story</h1><p>Body text of the story.</p></article>\
             <ol><li><h2><a href='/a'>Other story</a></h2><p>Its summary.</p></li>\
             <li><h2><a href='/b'>Third story</a></h2><p>Another summary.</p></li></ol>",
        );
        assert_eq!(
            found,
            ["Other story Its summary.", "Third story Another summary."]
        );
    }

    #[test]
    fn leaves_text_subheadings_and_lone_permalinked_titles() {
        let found = card_texts(
            "<div class='post'><h2><a href='/post'>My post</a></h2><p>Short post.</p></div>\
             <div><h3>Background</h3><p>Plain section.</p></div>\
             <div><h3>More</h3><p>Another plain section.</p></div>",
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
