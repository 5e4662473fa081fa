//! Main-content choice: the element whose subtree holds the most prose for the least junk.
//!
//! Every element's score is `good − JUNK_WEIGHT × junk` over its kept subtree (see
//! [`density`]), scaled by what its tag, class and id say. The score is additive, so a parent
//! beats its child exactly when what it adds (a lead box above the text, a second body
//! container below it) is more prose than junk; a page wrapper loses because the chrome it adds
//! is mostly links and labels. Scores live in a side table indexed like [`Page::nodes`].

pub(crate) mod density;

use crate::clean::rules::Hint;
use crate::clean::{Cleaned, Mode};
use crate::page::{NO_PARENT, Page, Tag};
use density::{BlockText, Value};

/// How much a junk character costs against a good one.
const JUNK_WEIGHT: f32 = 0.65;
/// A page with at least this many characters of kept text (almost any page)…
const LISTING_MIN_CHARS: f32 = 100.0;
/// …whose best prose element holds less than this share of them is a listing.
const LISTING_MAX_WINNER_SHARE: f32 = 0.3;
/// A winner with at least this much prose, holding at least this share of the page's prose,
/// is an article whatever else the page holds.
const ARTICLE_MIN_GOOD_CHARS: f32 = 600.0;
const ARTICLE_MIN_PROSE_SHARE: f32 = 0.85;
/// A listing's root holds at least this share of the page's kept text.
const LISTING_ROOT_SHARE: f32 = 0.8;
/// A winning list with at least this many items is a listing.
const LIST_MIN_ITEMS: u32 = 10;
/// On a product page, how much more the element holding the description counts…
const PRODUCT_DESCRIPTION_FACTOR: f32 = 3.0;
/// …made of the elements named for a description that hold at least this much prose (a
/// product card's one-line `card-desc` is not the page's description).
const DESCRIPTION_MIN_GOOD_CHARS: f32 = 100.0;
/// …and at least this share of the largest one's (a buy box's two-line summary named
/// `product__desc` is no part of the description tab beside it).
const DESCRIPTION_MIN_SHARE: f32 = 0.1;

/// An element marked as the story by microdata, inside the winner, replaces it when it holds
/// at least this share of the winner's prose.
const MARKED_ARTICLE_MIN_SHARE: f32 = 0.25;
/// How many levels above a discussion page's winner a post may sit.
const THREAD_MAX_LEVELS: u32 = 4;
/// A winner holding at least this many price lines is a grid of products…
const GRID_MIN_PRICES: u32 = 6;
/// …and at most this many characters of text for each.
const GRID_MAX_CHARS_PER_PRICE: f32 = 90.0;

/// The chosen main-content element and what it holds.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    /// Index of the winning element in [`Page::nodes`].
    pub(crate) root: u32,
    /// Good (prose) characters in its subtree.
    pub(crate) good_chars: f32,
    /// Whether the page is a listing of short items rather than one text; its items are kept
    /// however link-heavy they are.
    pub(crate) listing: bool,
    /// The text block of every element, for the paragraph-level decisions that follow.
    pub(crate) blocks: Vec<BlockText>,
}

/// Scores every element of a cleaned page and returns the best; `None` when no element holds
/// any text at all. When nothing reads as prose (a page of a few short lines), the element
/// holding the most text wins, and the paragraph-level filters decide what of it is kept.
pub(crate) fn choose(page: &Page<'_>, cleaned: &Cleaned) -> Option<Choice> {
    let blocks = density::block_texts(page, cleaned);
    let values = subtree_values(page, &blocks, &cleaned.teasers);
    // On a product page the product's description outweighs the page around it: the
    // reviews, questions, delivery terms and other products' cards beside it add prose, but
    // they are not the product's text.
    let description = cleaned
        .product
        .then(|| description_box(page, &values))
        .flatten();
    let mut best: Option<(u32, f32)> = None;
    let mut most_text: Option<(u32, f32)> = None;
    for (index, node) in page.nodes.iter().enumerate() {
        let value = values[index];
        if node.tag == Tag::Text || value.total() <= 0.0 {
            continue;
        }
        let chars = value.total();
        if value.good <= 0.0 {
            if most_text.is_none_or(|(_, top)| chars > top) {
                most_text = Some((index as u32, chars));
            }
            continue;
        }
        let mut score = (value.good - JUNK_WEIGHT * value.junk) * hint_factor(page, index as u32);
        if description == Some(index as u32) {
            score *= PRODUCT_DESCRIPTION_FACTOR;
        }
        if best.is_none_or(|(_, top)| score > top) {
            best = Some((index as u32, score));
        }
    }
    let (mut root, score) = best.or(most_text)?;
    // A page with no prose at all (headlines, labels and links only) is a listing too, and so
    // is one whose winner is a list of many entries; that list stays the root.
    let item_list = best.is_some() && is_item_list(page, root);
    // A page whose markup calls it a collection (of products, of stories) is one too.
    let listing = best.is_none() || item_list || cleaned.collection || is_listing(&values, root);
    if listing && !item_list {
        root = listing_root(page, &values);
    }
    // A winner dense with prices is a shop's product grid, whatever its share of the page.
    let listing = listing || is_price_grid(page, cleaned, &values, root);
    if !listing && !cleaned.product && cleaned.mode == Mode::Strict {
        root = marked_article(page, cleaned, &values, root).unwrap_or(root);
    }
    if !listing && cleaned.mode == Mode::Discussion {
        root = thread_root(page, &values, root);
    }
    if log::log_enabled!(log::Level::Debug) {
        let value = values[root as usize];
        log::debug!(
            "main content {} (score {score:.0}, good {:.0}, junk {:.0}, listing {listing})",
            page.describe(root),
            value.good,
            value.junk
        );
    }
    Some(Choice {
        root,
        good_chars: values[root as usize].good,
        listing,
        blocks,
    })
}

/// The one element inside the winner that the page's microdata marks as the story
/// (`itemtype` of an `Article`, `BlogPosting`… type), when it holds at least
/// [`MARKED_ARTICLE_MIN_SHARE`] of the winner's prose: the winner is then a wrapper that adds
/// the page's other prose (a gallery, a rail of summaries) to the story the publisher marked.
/// `None` when no element, or more than one (a list of posts), is so marked.
fn marked_article(page: &Page<'_>, cleaned: &Cleaned, values: &[Value], root: u32) -> Option<u32> {
    let end = page.nodes.get(root as usize)?.end;
    let mut marked = (cleaned.stories.iter().copied()).filter(|&at| at > root && at < end);
    let item = marked.next()?;
    let share = values[item as usize].good / values[root as usize].good.max(1.0);
    (marked.next().is_none() && share >= MARKED_ARTICLE_MIN_SHARE).then_some(item)
}

/// On a discussion page, the thread around a winning post: when the winner, or one of its
/// nearest ancestors, has a sibling of the same tag and class holding prose, it is one post
/// of several (one long reply, a log pasted in full, outweighs the others), and their parent
/// holds the thread.
fn thread_root(page: &Page<'_>, values: &[Value], root: u32) -> u32 {
    let mut at = root;
    for _ in 0..=THREAD_MAX_LEVELS {
        let parent = page.nodes[at as usize].parent;
        if parent == NO_PARENT {
            break;
        }
        if has_like_sibling(page, values, parent, at) {
            return parent;
        }
        at = parent;
    }
    root
}

/// Whether a child of `parent` other than `at` has `at`'s tag and class and holds prose.
fn has_like_sibling(page: &Page<'_>, values: &[Value], parent: u32, at: u32) -> bool {
    let class = first_class(page, at);
    let tag = page.tag(at);
    let end = page.nodes[parent as usize].end;
    let mut child = parent + 1;
    while child < end {
        if child != at
            && page.tag(child) == tag
            && values[child as usize].total() > 0.0
            && first_class(page, child) == class
        {
            return true;
        }
        child = page.nodes[child as usize].end;
    }
    false
}

/// The first word of the element's class: a post's `message` beside the state words some
/// posts add (`message staff`, `message is-first`).
fn first_class<'a>(page: &Page<'a>, at: u32) -> Option<&'a str> {
    page.attr(at, "class")
        .and_then(|class| class.split_ascii_whitespace().next())
}

/// The element holding the product's description: the one element with some prose whose
/// class or id names a description (`product-description`, `#desc`), or the innermost element
/// holding all of them (a shop may split the description and the details into two tabs).
/// One with under a tenth of the largest one's prose is a summary in the buy box, and the
/// common parent it would force is the whole product section.
fn description_box(page: &Page<'_>, values: &[Value]) -> Option<u32> {
    let mut boxes: Vec<u32> = Vec::new();
    let mut index = 0;
    while let Some(node) = page.nodes.get(index as usize) {
        if node.tag != Tag::Text
            && node.hints.has(Hint::Description)
            && values[index as usize].good >= DESCRIPTION_MIN_GOOD_CHARS
        {
            boxes.push(index);
            index = node.end;
        } else {
            index += 1;
        }
    }
    let largest = boxes
        .iter()
        .map(|&at| values[at as usize].good)
        .fold(0.0, f32::max);
    boxes
        .into_iter()
        .filter(|&at| values[at as usize].good >= DESCRIPTION_MIN_SHARE * largest)
        .reduce(|previous, at| common_ancestor(page, previous, at))
}

/// The innermost element holding both `a` and `b`, where `a` comes first.
fn common_ancestor(page: &Page<'_>, a: u32, b: u32) -> u32 {
    std::iter::once(a)
        .chain(page.ancestors(a))
        .find(|&at| page.nodes.get(at as usize).is_some_and(|n| n.end > b))
        .unwrap_or(0)
}

/// A page is a listing (a home page, a category of products or stories, a search result)
/// when its best prose holds a small part of its text: the text is in many short items. An
/// article surrounded by menus that cleaning left in place is not one: its winner holds a
/// real text and nearly all of the page's prose.
fn is_listing(values: &[Value], root: u32) -> bool {
    let total = |v: Value| v.total();
    let page = values.first().copied().unwrap_or_default();
    let winner = values.get(root as usize).copied().unwrap_or_default();
    let is_article =
        winner.good >= ARTICLE_MIN_GOOD_CHARS && winner.good >= ARTICLE_MIN_PROSE_SHARE * page.good;
    total(page) >= LISTING_MIN_CHARS
        && total(winner) < LISTING_MAX_WINNER_SHARE * total(page)
        && !is_article
}

/// Whether the winner is itself a list of many items (`ul`, `ol`, `dl`): a list of results
/// or entries, whose items are kept however link-heavy they are.
fn is_item_list(page: &Page<'_>, root: u32) -> bool {
    if !matches!(page.tag(root), Tag::Ul | Tag::Ol | Tag::Dl) {
        return false;
    }
    let end = page.nodes.get(root as usize).map_or(root, |n| n.end);
    let mut child = root + 1;
    let mut items = 0;
    while child < end {
        if page.tag(child) != Tag::Text {
            items += 1;
        }
        child = page.nodes[child as usize].end;
    }
    items >= LIST_MIN_ITEMS
}

/// The innermost element holding nearly all of the page's kept text: the listing itself,
/// without the chrome around it.
fn listing_root(page: &Page<'_>, values: &[Value]) -> u32 {
    let total = |index: u32| values.get(index as usize).map_or(0.0, Value::total);
    let threshold = LISTING_ROOT_SHARE * total(0);
    let mut root = 0;
    loop {
        let end = page.nodes.get(root as usize).map_or(root, |n| n.end);
        let mut child = root + 1;
        let mut largest: Option<u32> = None;
        while child < end {
            if page.tag(child) != Tag::Text && largest.is_none_or(|l| total(child) > total(l)) {
                largest = Some(child);
            }
            child = page.nodes[child as usize].end;
        }
        match largest {
            Some(next) if total(next) >= threshold => root = next,
            _ => return root,
        }
    }
}

/// Whether the winner is a shop's grid of products: it holds many price lines, one for
/// every few dozen characters of its text (an article quoting prices has paragraphs
/// between them). Its items are product names in links, kept as a listing's are.
/// The index tells first whether the winner holds enough short texts to be such a grid, so
/// that only a candidate's texts are read.
fn is_price_grid(page: &Page<'_>, cleaned: &Cleaned, values: &[Value], root: u32) -> bool {
    let per_price = values[root as usize].total() / GRID_MAX_CHARS_PER_PRICE;
    let enough = |count: u32| count >= GRID_MIN_PRICES && count as f32 >= per_price;
    enough(density::short_texts(page, cleaned, root))
        && enough(density::price_lines(page, cleaned, root))
}

/// Sums block values over subtrees, children before parents. Text inside teaser cards is
/// junk, whatever it reads like.
fn subtree_values(page: &Page<'_>, blocks: &[BlockText], teasers: &[u32]) -> Vec<Value> {
    let mut values: Vec<Value> = blocks
        .iter()
        .zip(&page.nodes)
        .map(|(block, node)| {
            if node.tag.heading_level().is_some() {
                Value {
                    heading: block.all.chars as f32,
                    ..Value::default()
                }
            } else {
                block.value()
            }
        })
        .collect();
    for &card in teasers {
        let end = page.nodes.get(card as usize).map_or(card, |n| n.end);
        for value in &mut values[card as usize..end as usize] {
            *value = Value {
                good: 0.0,
                junk: value.good + value.junk,
                heading: value.heading,
            };
        }
    }
    for index in (1..page.nodes.len()).rev() {
        let parent = page.nodes[index].parent;
        if parent != NO_PARENT {
            let value = values[index];
            values[parent as usize].add(value);
        }
    }
    values
}

/// How much the element's tag and class words raise or lower its score.
fn hint_factor(page: &Page<'_>, index: u32) -> f32 {
    let Some(node) = page.nodes.get(index as usize) else {
        return 1.0;
    };
    let hints = node.hints;
    let mut factor = 1.0;
    if hints.has(Hint::Body) {
        factor *= 1.25;
    } else if hints.has(Hint::Content) || matches!(node.tag, Tag::Article | Tag::Main) {
        factor *= 1.1;
    }
    if hints.has(Hint::Comment) || hints.has(Hint::Related) || hints.has(Hint::Sidebar) {
        factor *= 0.6;
    }
    factor
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{Mode, clean};
    use scraper::Html;

    fn winner(html: &str) -> String {
        let parsed = Html::parse_document(html);
        let page = Page::build(&parsed);
        let cleaned = clean(&page, Mode::Strict);
        let choice = choose(&page, &cleaned).expect("a winner");
        let element = page.element(choice.root).expect("an element");
        let class = element.attr("class").unwrap_or("");
        format!("{}.{class}", element.name())
    }

    const PARAGRAPH: &str = "<p>The council approved the new budget on Tuesday after a long \
        debate about schools, roads and the future of the harbour district.</p>";

    #[test]
    fn picks_the_container_of_the_paragraphs() {
        let html = format!(
            "<body><div class='wrap'><div class='links'><a href='/a'>One link here</a> \
             <a href='/b'>Another link</a></div><div class='text'>{PARAGRAPH}{PARAGRAPH}</div>\
             </div></body>"
        );
        assert_eq!(winner(&html), "div.text");
    }

    #[test]
    fn takes_the_parent_when_a_sibling_adds_prose() {
        let html = format!(
            "<body><div class='story'><div class='summary'>{PARAGRAPH}</div>\
             <div class='text'>{PARAGRAPH}{PARAGRAPH}</div></div>\
             <div class='teasers'><a href='/x'>Teaser one is a link</a></div></body>"
        );
        assert_eq!(winner(&html), "div.story");
    }

    const LINKS: &str = "<div class='links'><a href='/a'>One link here</a> \
        <a href='/b'>Another link</a></div>";

    #[test]
    fn the_story_marked_by_microdata_beats_the_wrapper_around_it() {
        let wrapper = |item_type: &str| {
            format!(
                "<body>{LINKS}<div class='wrap'><div class='gallery'>{PARAGRAPH}{PARAGRAPH}</div>\
                 <div class='art' itemscope itemtype='{item_type}'>{PARAGRAPH}</div>\
                 <div class='more'>{PARAGRAPH}</div></div></body>"
            )
        };
        assert_eq!(
            winner(&wrapper("https://schema.org/NewsArticle")),
            "div.art"
        );
        // A forum's opening post is marked too, but the thread is the replies around it.
        let post = "https://schema.org/DiscussionForumPosting";
        assert_eq!(winner(&wrapper(post)), "div.wrap");
        // A list of marked posts is no one story.
        let two = format!(
            "<body>{LINKS}<div class='wrap'><div itemscope itemtype='https://schema.org/BlogPosting'>\
             {PARAGRAPH}</div><div itemscope itemtype='https://schema.org/BlogPosting'>\
             {PARAGRAPH}</div></div></body>"
        );
        assert_eq!(winner(&two), "div.wrap");
    }

    #[test]
    fn on_a_discussion_page_a_long_post_brings_the_thread() {
        let post = |text: &str| {
            format!(
                "<div class='post first'><div class='meta'>ann, May 3</div>\
                 <div class='text'>{text}</div></div>"
            )
        };
        let html = format!(
            "<body>{LINKS}<div class='thread'>{}{}{}</div></body>",
            post(&PARAGRAPH.repeat(6)),
            post("<p>Thanks, that fixed it.</p>").replace(" first", ""),
            post("<p>Same here, after the update.</p>").replace(" first", "")
        );
        let parsed = Html::parse_document(&html);
        let page = Page::build(&parsed);
        let root = |mode| {
            let cleaned = clean(&page, mode);
            let choice = choose(&page, &cleaned).expect("a winner");
            page.attr(choice.root, "class").unwrap_or("").to_string()
        };
        assert_eq!(root(Mode::Discussion), "thread");
        // On an article the long text is the story.
        assert_eq!(root(Mode::Strict), "post first");
    }

    #[test]
    fn on_product_pages_the_description_outweighs_the_prose_around_it() {
        let page = |head: &str| {
            format!(
                "<head>{head}</head><body><div class='links'><a href='/a'>One link here</a> \
                 <a href='/b'>Another link</a></div><div class='wrap'>\
                 <div class='product-description'>{PARAGRAPH}{PARAGRAPH}{PARAGRAPH}</div>\
                 <div class='questions'>{PARAGRAPH}{PARAGRAPH}</div></div></body>"
            )
        };
        let product = page("<meta property='og:type' content='product'>");
        assert_eq!(winner(&product), "div.product-description");
        // On an article a description box is a lead, and the text beside it is the story.
        assert_eq!(winner(&page("")), "div.wrap");
    }

    #[test]
    fn a_short_description_outweighs_longer_questions_beside_it() {
        let html = format!(
            "<head><meta property='og:type' content='product'></head><body>\
             <div class='links'><a href='/a'>One link here</a> <a href='/b'>Another link</a>\
             </div><div class='wrap'><div class='product-description'>{PARAGRAPH}{PARAGRAPH}\
             </div><div class='questions'>{PARAGRAPH}{PARAGRAPH}{PARAGRAPH}</div></div></body>"
        );
        assert_eq!(winner(&html), "div.product-description");
    }

    #[test]
    fn a_description_split_into_tabs_is_taken_whole() {
        let html = format!(
            "<head><meta property='og:type' content='product'></head><body>\
             <div class='links'><a href='/a'>One link here</a> <a href='/b'>Another link</a>\
             </div><div class='wrap'><div class='tabs'>\
             <div class='tab-description'>{PARAGRAPH}{PARAGRAPH}</div>\
             <div class='details-description'>{PARAGRAPH}</div></div>\
             <div class='questions'>{PARAGRAPH}{PARAGRAPH}</div></div></body>"
        );
        assert_eq!(winner(&html), "div.tabs");
    }

    #[test]
    fn a_winning_list_of_many_entries_is_a_listing() {
        let entry = "<dt><a href='/abs/1'>abs</a> <a href='/pdf/1'>pdf</a></dt><dd><p>Title: \
            Learning to rank the harbour district's budget lines under uncertainty.</p>\
            <p><a href='/a/x'>Ann Lee</a>, <a href='/a/y'>Bo Chen</a></p></dd>";
        let html = format!(
            "<body><div class='links'><a href='/a'>One link here</a> <a href='/b'>Another \
             link</a></div><dl class='entries'>{}</dl></body>",
            entry.repeat(10)
        );
        let parsed = Html::parse_document(&html);
        let page = Page::build(&parsed);
        let cleaned = clean(&page, Mode::Strict);
        let choice = choose(&page, &cleaned).expect("a winner");
        assert_eq!(page.tag(choice.root), Tag::Dl);
        assert!(choice.listing);
    }

    #[test]
    fn a_winner_with_a_price_for_every_few_words_is_a_listing() {
        let card = "<div class='card'><a href='/p'>Trail shoe</a><p>Light and quick, with a \
            grippy sole for wet rock.</p><span>$120.00</span></div>";
        let grid = |cards: &str| {
            let html = format!(
                "<body><div class='links'><a href='/a'>One link here</a></div>\
                 <div class='grid'>{cards}</div></body>"
            );
            let parsed = Html::parse_document(&html);
            let page = Page::build(&parsed);
            let cleaned = clean(&page, Mode::Strict);
            choose(&page, &cleaned).expect("a winner").listing
        };
        assert!(grid(&card.repeat(6)));
        // An article quoting a price now and then is no grid.
        assert!(!grid(&format!("{card}{PARAGRAPH}").repeat(6)));
    }

    #[test]
    fn a_page_marked_up_as_a_collection_is_a_listing() {
        let page = |head: &str| {
            let html = format!(
                "<head>{head}</head><body>\
                 <div class='grid'>{}</div><div class='story'>{}</div></body>",
                "<div class='card'><a href='/p'>Wallet in matte olive</a></div>".repeat(8),
                PARAGRAPH.repeat(5)
            );
            let parsed = Html::parse_document(&html);
            let page = Page::build(&parsed);
            let cleaned = clean(&page, Mode::Strict);
            choose(&page, &cleaned).expect("a winner").listing
        };
        assert!(page("<meta property='og:type' content='product.group'>"));
        let ld = r#"<script type="application/ld+json">{"@type": "CollectionPage"}</script>"#;
        assert!(page(ld));
        assert!(!page("<meta property='og:type' content='website'>"));
    }

    #[test]
    fn a_buy_box_summary_is_no_part_of_the_description() {
        let summary = "A compact audio interface for two voices and a guitar, at home or away.";
        let html = format!(
            "<head><meta property='og:type' content='product'></head><body>\
             <div class='links'><a href='/a'>One link here</a> <a href='/b'>Another link</a>\
             </div><section class='product'><div class='buy-box'><h1>Interface</h1>\
             <p class='product-desc'>{summary} {summary}</p></div>\
             <article id='desc'>{}</article>\
             <div class='questions'>{PARAGRAPH}{PARAGRAPH}</div></section></body>",
            PARAGRAPH.repeat(12)
        );
        assert_eq!(winner(&html), "article.");
    }

    #[test]
    fn prefers_the_marked_body_over_a_wrapper_adding_labels() {
        let html = format!(
            "<body><div class='wrap'><p>Short label text</p>\
             <div class='article-body'>{PARAGRAPH}</div></div></body>"
        );
        assert_eq!(winner(&html), "div.article-body");
    }
}
