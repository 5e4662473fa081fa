//! Metadata a reader sees: headings, `<time>` elements, `itemprop` dates, date lines, bylines,
//! and the dates written near the headline.
//!
//! One pass over the page collects headings, date marks (machine-readable or in an element
//! whose class names a date) and bylines, each with its place in the page and whether it
//! sits in page chrome (a sidebar, a related-stories rail, comments, navigation). Turning the
//! date marks into weighted [`Candidate`]s needs the headline, which the title choice finds,
//! so it is a second step, [`date_candidates`].

use jiff::civil::Date;

use super::date::words::{
    MODIFIED_LABELS, PUBLISHED_LABELS, contains_label, has_date_label, may_hold_date_label,
};
use super::date::{self, Candidate, DayOrder, Role, weight};
use crate::clean::rules::Hint;
use crate::document::Source;
use crate::page::{Flags, Page, Tag};

/// How many headings of each kind are kept as headline candidates.
const MAX_H1: usize = 8;
const MAX_SUBHEADINGS: usize = 40;
/// The longest heading text considered a headline, in bytes.
const MAX_HEADING_BYTES: usize = 400;
/// How many date marks are kept.
const MAX_DATE_MARKS: usize = 200;
/// The longest text of a date line (an element whose class names a date), in bytes.
const MAX_DATE_LINE_BYTES: usize = 160;
/// The longest byline text, in bytes.
const MAX_BYLINE_BYTES: usize = 160;
/// How many byline-like elements are looked at.
const MAX_BYLINE_ELEMENTS: usize = 60;
/// The most nodes a byline or date line holds; bigger elements are containers, not lines.
const MAX_SMALL_ELEMENT_NODES: u32 = 120;
/// How many text nodes after (and before) the headline are read for written dates and
/// bylines: the header of an article, not its body.
const TEXTS_AFTER_HEADLINE: usize = 40;
const TEXTS_BEFORE_HEADLINE: usize = 15;
/// The rank of the text right above the headline among the header texts: the texts below
/// count one by one, those above two by two from here, so that a date line above the
/// headline (a kicker row "Original Research · 7 April 2020") weighs about as much as the
/// one under it and a masthead further up less.
const BEFORE_RANK_START: usize = 3;
/// The longest text searched for a date label, in bytes, and how many labelled texts are read.
const MAX_LABELLED_TEXT_BYTES: usize = 200;
const MAX_LABELLED_TEXTS: usize = 30;
/// Weight of a date introduced by a label ("Published", "Aktualisiert") outside the header.
const LABELLED_TEXT_WEIGHT: u8 = 68;
/// Node distance from the headline within which a date counts as the article header's.
const HEADER_NODES: u32 = 250;

/// Words that open a byline written as plain text.
const BYLINE_OPENERS: &[&str] = &[
    "by ",
    "von ",
    "par ",
    "por ",
    "di ",
    "door ",
    "autor:",
    "autorin:",
    "text:",
    "written by ",
    "texto:",
    "автор:",
    "yazar:",
];
/// Labels written alone before a name in its own element.
const BYLINE_LABELS: &[&str] = &[
    "by",
    "by:",
    "written by",
    "written by:",
    "author",
    "author:",
    "words by",
    "von",
    "autor",
    "autor:",
    "autorin:",
    "text:",
    "par",
    "por",
    "door",
    "автор:",
    "yazar:",
];
/// The longest plain-text byline, in bytes.
const MAX_HEADER_BYLINE_BYTES: usize = 80;

/// A heading that may be the headline.
#[derive(Debug, Clone)]
pub(crate) struct Heading {
    pub(crate) index: u32,
    /// 1 to 6.
    pub(crate) level: u8,
    pub(crate) text: String,
    /// The text without a kicker label set in its own element before the headline or a
    /// subtitle after it ([`super::kicker`]), when there is one.
    pub(crate) after_kicker: Option<String>,
    /// Inside page chrome or the site header's logo link: rarely the headline.
    pub(crate) is_chrome: bool,
    /// Inside an `<article>` element.
    pub(crate) in_article: bool,
}

/// Where a date mark came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkKind {
    /// `itemprop="datePublished"`/`"dateModified"`.
    Itemprop,
    /// A `<time>` element, or an `abbr` with a machine-readable `title` (hAtom).
    Time,
    /// An element whose class or id names a date.
    DateLine,
}

/// A date the markup points at.
#[derive(Debug, Clone)]
pub(crate) struct DateMark {
    pub(crate) index: u32,
    pub(crate) kind: MarkKind,
    /// `datetime`, `content` or `title`: the machine-readable value.
    pub(crate) machine: Option<String>,
    /// The visible text, when short.
    pub(crate) text: String,
    /// What the attributes say it is.
    pub(crate) role: Option<Role>,
    pub(crate) is_chrome: bool,
    pub(crate) in_link: bool,
}

/// What the visible page says.
#[derive(Debug, Clone, Default)]
pub(crate) struct VisibleFacts {
    /// `h1` to `h3` elements, in page order.
    pub(crate) headings: Vec<Heading>,
    pub(crate) marks: Vec<DateMark>,
    /// Byline texts with their index, in page order, not in chrome.
    pub(crate) bylines: Vec<(u32, String)>,
    /// Texts near the headline that open with "By", "Von", "Par" …: bylines without markup.
    pub(crate) header_bylines: Vec<(u32, String)>,
    /// The first `<article>` or `<main>` element, a fallback anchor for dates.
    pub(crate) article_start: Option<u32>,
    /// How many byline-like elements were looked at, to bound the work on hostile pages.
    pub(crate) byline_elements_seen: usize,
    /// Per node: whether it sits in chrome (see [`chrome_nodes`]).
    pub(crate) chrome: Vec<bool>,
}

impl VisibleFacts {
    /// Whether the node at `index` sits in chrome that holds other stories' dates and names.
    pub(crate) fn is_in_chrome(&self, index: u32) -> bool {
        self.chrome.get(index as usize).copied().unwrap_or(false)
    }
}

/// Reads the visible facts of a page.
pub(crate) fn read(page: &Page<'_>) -> VisibleFacts {
    let mut facts = VisibleFacts {
        chrome: chrome_nodes(page),
        ..VisibleFacts::default()
    };
    let mut date_line_until = 0;
    for (index, node) in page.nodes.iter().enumerate() {
        let index = index as u32;
        if node.tag == Tag::Text || node.flags.contains(Flags::IN_HEAD) {
            continue;
        }
        if matches!(node.tag, Tag::Article | Tag::Main) && facts.article_start.is_none() {
            facts.article_start = Some(index);
        }
        read_heading(page, index, &mut facts);
        if facts.marks.len() < MAX_DATE_MARKS
            && let Some(mark) = read_date_mark(page, index, &facts.chrome)
        {
            // A date line inside another is part of its text already.
            if mark.kind != MarkKind::DateLine || index >= date_line_until {
                if mark.kind == MarkKind::DateLine {
                    date_line_until = node.end;
                }
                facts.marks.push(mark);
            }
        }
        read_byline(page, index, &mut facts);
    }
    facts
}

fn read_heading(page: &Page<'_>, index: u32, facts: &mut VisibleFacts) {
    let level = match page.tag(index) {
        Tag::H1 => 1,
        Tag::H2 => 2,
        Tag::H3 => 3,
        _ => return,
    };
    let count = facts
        .headings
        .iter()
        .filter(|h| (h.level == 1) == (level == 1))
        .count();
    if count >= if level == 1 { MAX_H1 } else { MAX_SUBHEADINGS } {
        return;
    }
    let text = heading_text(&page.shown_text_of(index));
    if text.is_empty() || text.len() > MAX_HEADING_BYTES {
        return;
    }
    let is_chrome = facts.is_in_chrome(index) || is_logo(page, index);
    let in_article = page.ancestors(index).any(|a| page.tag(a) == Tag::Article);
    let after_kicker = super::kicker::headline_after_kicker(page, index)
        .or_else(|| super::kicker::headline_before_subtitle(page, index))
        .map(|t| heading_text(&t));
    facts.headings.push(Heading {
        index,
        level,
        text,
        after_kicker,
        is_chrome,
        in_article,
    });
}

/// A heading's text as a reader sees it: without soft hyphens and zero-width characters
/// (bpb.de hyphenates its headlines with `&shy;`), and without the permalink glyph that
/// documentation generators append ("Evolve: Shared Mutable History¶", "Using standalone
/// mode #").
fn heading_text(text: &str) -> String {
    /// Glyphs of heading permalinks.
    const ANCHOR_GLYPHS: &[char] = &['¶', '#', '§', '🔗'];
    let visible: String = text
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
            )
        })
        .collect();
    let trimmed = visible.trim_end();
    let without_anchor = trimmed
        .strip_suffix(ANCHOR_GLYPHS)
        .filter(|rest| rest.chars().any(char::is_alphanumeric))
        .unwrap_or(trimmed);
    without_anchor.trim().to_owned()
}

/// A heading that is (or holds) a link to the site's home page: the logo of a site header.
fn is_logo(page: &Page<'_>, index: u32) -> bool {
    let node = &page.nodes[index as usize];
    let in_header = page.ancestors(index).any(|a| page.tag(a) == Tag::Header)
        && !page.ancestors(index).any(|a| page.tag(a) == Tag::Article);
    let links_home = (index..node.end)
        .any(|i| page.tag(i) == Tag::A && page.attr(i, "href").is_some_and(is_home_link));
    let named_logo = page
        .attr(index, "class")
        .is_some_and(|c| c.to_ascii_lowercase().contains("logo") || c.contains("site-title"));
    links_home || named_logo || (in_header && page.tag(index) != Tag::H1)
}

/// Whether a link points at a site's home page: `/`, `./`, `index.html`, `https://host/`.
fn is_home_link(href: &str) -> bool {
    let href = href.trim();
    matches!(
        href,
        "/" | "./" | "#" | "index.html" | "index.htm" | "./index.html" | "/index.html"
    ) || url::Url::parse(href)
        .is_ok_and(|url| url.path() == "/" && url.query().is_none() && url.fragment().is_none())
}

/// Which nodes sit in chrome that holds other stories' dates and names: `<aside>`, `<nav>`,
/// sidebars, related rails, comments. One pass, parents before children. The cleaning
/// stage's navigation hint is not used: its class words ("header", "breadcrumb") also mark
/// article headers, where the headline and its date live.
///
/// What holds the article is not chrome, whatever its class says: `<body>`; an element that
/// holds the first `<main>` (MDN's "layout__2-sidebars-inline") or the first `h1` that is
/// not a logo (an `<article>` whose class lists the post's categories, "category-popular-
/// posts"; a lead box named "article-teaser"; a breadcrumb whose last item is the `h1`); a
/// sidebar-named wrapper that holds the first `<article>` (theperspective.com's
/// "gallery--wrapper__with-sidebar"). A sidebar may well be longer than a short article
/// (autonews.ch's teaser rail), so size says nothing.
fn chrome_nodes(page: &Page<'_>) -> Vec<bool> {
    let first = |tag: Tag| page.nodes.iter().position(|n| n.tag == tag);
    let main = first(Tag::Main);
    let article = first(Tag::Article);
    let headline = page
        .nodes
        .iter()
        .enumerate()
        .position(|(i, n)| n.tag == Tag::H1 && !is_logo(page, i as u32));
    let mut chrome = vec![false; page.nodes.len()];
    for (index, node) in page.nodes.iter().enumerate() {
        let inherited = node.parent != crate::page::NO_PARENT && chrome[node.parent as usize];
        if inherited {
            chrome[index] = true;
            continue;
        }
        let holds = |at: Option<usize>| at.is_some_and(|m| (index..node.end as usize).contains(&m));
        let is_sidebar = node.hints.has(Hint::Sidebar);
        let is_wrapper = matches!(node.tag, Tag::Body | Tag::Html)
            || holds(main)
            || holds(headline)
            || (is_sidebar && holds(article));
        let marked = matches!(node.tag, Tag::Aside | Tag::Nav)
            || is_sidebar
            || node.hints.has(Hint::Related)
            || node.hints.has(Hint::Comment);
        chrome[index] = marked && !is_wrapper;
    }
    chrome
}

fn read_date_mark(page: &Page<'_>, index: u32, chrome: &[bool]) -> Option<DateMark> {
    let tag = page.tag(index);
    let itemprop = page.attr(index, "itemprop").unwrap_or("");
    let (kind, machine) = if has_word(
        itemprop,
        &["datepublished", "datecreated", "datemodified", "uploaddate"],
    ) {
        let value = page.attr(index, "content").or(page.attr(index, "datetime"));
        (MarkKind::Itemprop, value)
    } else if tag == Tag::Time {
        (MarkKind::Time, page.attr(index, "datetime"))
    } else if let Some(title) = page
        .attr(index, "title")
        .filter(|t| date::parse_iso(t).is_some())
    {
        (MarkKind::Time, Some(title))
    } else if page.nodes[index as usize].hints.has(Hint::DateLine) && page.tag(index) != Tag::Body {
        (MarkKind::DateLine, None)
    } else {
        return None;
    };
    let is_small = page.nodes[index as usize].end - index <= MAX_SMALL_ELEMENT_NODES;
    if kind == MarkKind::DateLine && (!is_small || holds_todays_date(page, index)) {
        return None;
    }
    let text = if is_small {
        page.text_of(index)
    } else {
        String::new()
    };
    if kind == MarkKind::DateLine && (text.is_empty() || text.len() > MAX_DATE_LINE_BYTES) {
        return None;
    }
    Some(DateMark {
        index,
        kind,
        machine: machine.map(str::to_owned),
        text: if text.len() <= MAX_DATE_LINE_BYTES {
            text
        } else {
            String::new()
        },
        role: role_of_attributes(page, index),
        is_chrome: chrome.get(index as usize).copied().unwrap_or(false),
        in_link: page.nodes[index as usize].flags.contains(Flags::IN_LINK),
    })
}

/// What an element's `itemprop`, `class`, `id` and `pubdate` say its date is.
fn role_of_attributes(page: &Page<'_>, index: u32) -> Option<Role> {
    if page.attr(index, "pubdate").is_some() {
        return Some(Role::Published);
    }
    let words = [
        page.attr(index, "itemprop"),
        page.attr(index, "class"),
        page.attr(index, "id"),
    ];
    let lower: String = words
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    // WordPress marks an unedited post's one `<time>` "published updated": published first.
    if ["publish", "posted", "created", "pubdate", "uploaddate"]
        .iter()
        .any(|w| lower.contains(w))
    {
        Some(Role::Published)
    } else if [
        "modified", "updated", "update", "edited", "revised", "lastmod",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        Some(Role::Modified)
    } else {
        None
    }
}

/// Whether a whitespace-separated attribute holds one of `words` (ASCII case ignored).
fn has_word(value: &str, words: &[&str]) -> bool {
    value
        .split_ascii_whitespace()
        .any(|token| words.iter().any(|w| token.eq_ignore_ascii_case(w)))
}

fn read_byline(page: &Page<'_>, index: u32, facts: &mut VisibleFacts) {
    let tag = page.tag(index);
    let is_author_link = tag == Tag::A
        && page
            .attr(index, "rel")
            .is_some_and(|rel| has_word(rel, &["author"]));
    let is_author_prop = page
        .attr(index, "itemprop")
        .is_some_and(|p| has_word(p, &["author", "creator"]));
    let is_byline_class = !matches!(tag, Tag::Body | Tag::Html | Tag::Article | Tag::Main)
        && page.nodes[index as usize].hints.has(Hint::Byline);
    if !(is_author_link || is_author_prop || is_byline_class) {
        return;
    }
    // Bounded work on hostile pages: a byline is a small element, and a page has few.
    facts.byline_elements_seen += 1;
    let subtree = page.nodes[index as usize].end - index;
    if facts.byline_elements_seen > MAX_BYLINE_ELEMENTS || subtree > MAX_SMALL_ELEMENT_NODES {
        return;
    }
    // An enclosing byline already read holds this one's text.
    if facts
        .bylines
        .last()
        .is_some_and(|&(last, _)| page.nodes[last as usize].end > index)
    {
        return;
    }
    if facts.is_in_chrome(index) {
        return;
    }
    let text = if is_author_prop {
        // `itemprop="author"` scopes may hold a `name` property and a bio; the name is it.
        name_property(page, index).unwrap_or_else(|| page.text_of(index))
    } else {
        page.text_of(index)
    };
    if !text.is_empty() && text.len() <= MAX_BYLINE_BYTES {
        facts.bylines.push((index, text));
    }
}

/// The text of the `itemprop="name"` inside an element.
fn name_property(page: &Page<'_>, index: u32) -> Option<String> {
    let end = page.nodes[index as usize].end;
    (index + 1..end)
        .find(|&i| {
            page.attr(i, "itemprop")
                .is_some_and(|p| has_word(p, &["name"]))
        })
        .map(|i| {
            page.attr(i, "content")
                .map_or_else(|| page.text_of(i), str::to_owned)
        })
        .filter(|t| !t.is_empty())
}

/// Finds bylines written without markup near the headline: short texts that open with a
/// byline word ("By Jane Doe", "von Daniela Obers", "Par Jean Dupont").
pub(crate) fn read_header_bylines(page: &Page<'_>, headline: u32, facts: &mut VisibleFacts) {
    let start = headline as usize;
    let after = page.nodes[start..]
        .iter()
        .enumerate()
        .filter(|(_, n)| n.tag == Tag::Text && n.text.chars >= 4)
        .take(TEXTS_AFTER_HEADLINE)
        .map(|(i, _)| (start + i) as u32);
    for index in after {
        let scraper::Node::Text(text) = page.nodes[index as usize].node.value() else {
            continue;
        };
        let text = text.trim();
        // Long texts are never bylines: no need to lowercase a whole paragraph.
        if text.len() > MAX_HEADER_BYLINE_BYTES {
            continue;
        }
        let lower = text.to_lowercase();
        let opens_with_by = BYLINE_OPENERS.iter().any(|w| lower.starts_with(w));
        if opens_with_by && !facts.is_in_chrome(index) {
            facts.header_bylines.push((index, text.to_owned()));
            return;
        }
    }
}

/// Finds a byline given as a label and a name in separate elements ("Written by" then
/// "Edzel Tabing"), anywhere outside chrome; the first one counts.
pub(crate) fn read_labelled_byline(page: &Page<'_>, facts: &mut VisibleFacts) {
    let mut texts = page
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            n.tag == Tag::Text && n.text.chars >= 1 && !n.flags.contains(Flags::IN_HEAD)
        })
        .filter_map(|(i, n)| match n.node.value() {
            scraper::Node::Text(text) => Some((i as u32, text.trim())),
            _ => None,
        })
        .filter(|(_, text)| !text.is_empty());
    let mut labels_seen = 0;
    while let Some((index, text)) = texts.next() {
        if text.len() > 16 || !BYLINE_LABELS.contains(&text.to_lowercase().as_str()) {
            continue;
        }
        labels_seen += 1;
        if labels_seen > MAX_BYLINE_ELEMENTS {
            return;
        }
        let Some((name_index, name)) = texts.next() else {
            return;
        };
        if name.len() <= MAX_HEADER_BYLINE_BYTES && !facts.is_in_chrome(index) {
            facts.header_bylines.push((name_index, name.to_owned()));
            return;
        }
    }
}

/// Where dates are weighed from: the headline when known, else the first `<article>`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anchor {
    pub(crate) index: u32,
    /// The anchor is the headline itself (not just the start of an `<article>`).
    pub(crate) is_headline: bool,
}

/// Turns date marks and the texts around the anchor into weighted date candidates.
pub(crate) fn date_candidates(
    page: &Page<'_>,
    facts: &VisibleFacts,
    anchor: Option<Anchor>,
    order: DayOrder,
    reference: jiff::Timestamp,
) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    for mark in &facts.marks {
        mark_candidates(mark, anchor, order, &mut candidates);
    }
    if let Some(anchor) = anchor.filter(|a| a.is_headline) {
        header_text_candidates(page, facts, anchor.index, order, reference, &mut candidates);
    }
    labelled_text_candidates(page, facts, anchor, order, &mut candidates);
    byline_date_candidates(page, facts, anchor, order, &mut candidates);
    candidates
}

/// A short date line right after a byline ("Written by" "Moses Kim" "April 8, 2024"): the
/// byline and the date are the story's, wherever the page sets them (shakuro.com, wcxb 0233,
/// closes its articles with them).
fn byline_date_candidates(
    page: &Page<'_>,
    facts: &VisibleFacts,
    anchor: Option<Anchor>,
    order: DayOrder,
    out: &mut Vec<Candidate>,
) {
    /// How many texts after the byline are read.
    const TEXTS_AFTER_BYLINE: usize = 2;
    /// The longest date line read, in bytes.
    const MAX_DATE_LINE_BYTES: usize = 40;
    /// The weight of such a date before its placement.
    const BYLINE_DATE_WEIGHT: u8 = 55;
    for (byline, _) in &facts.header_bylines {
        for (index, text) in visible_texts(page, byline + 1).take(TEXTS_AFTER_BYLINE) {
            if text.len() > MAX_DATE_LINE_BYTES || facts.is_in_chrome(index) {
                continue;
            }
            let penalty = placement_penalty(index, false, false, anchor);
            let context = label_context(page, index, text);
            for date in date::dates_in(text, order, 1) {
                // A labelled date ("Updated Dec 31, 2025") is read with its label elsewhere.
                let at = context.len().saturating_sub(text.len()) + date.start;
                if role_in_text(&context, at).is_some() {
                    continue;
                }
                out.push(Candidate::new(
                    date.stamp,
                    Role::Unlabelled,
                    Source::VisibleText,
                    BYLINE_DATE_WEIGHT.saturating_sub(penalty),
                ));
            }
        }
    }
}

/// Dates introduced by a label anywhere outside chrome: "Mise en ligne 23 mai 2019",
/// "Posted on September 21, 2020 by …", "(last edited 2019-11-10 13:28)", with the label and
/// the date in the same text or the date in the next few texts.
fn labelled_text_candidates(
    page: &Page<'_>,
    facts: &VisibleFacts,
    anchor: Option<Anchor>,
    order: DayOrder,
    out: &mut Vec<Candidate>,
) {
    let mut texts = visible_texts(page, 0);
    let mut found_labels = 0;
    while found_labels < MAX_LABELLED_TEXTS {
        let Some((index, text)) = texts.next() else {
            break;
        };
        if text.len() > MAX_LABELLED_TEXT_BYTES || !has_date_label(text) {
            continue;
        }
        found_labels += 1;
        if facts.is_in_chrome(index) {
            continue;
        }
        let mut context = text.trim().to_owned();
        for (_, next) in visible_texts(page, index + 1).take(2) {
            if context.len() > MAX_LABELLED_TEXT_BYTES {
                break;
            }
            context.push(' ');
            context.push_str(next.trim());
        }
        let penalty = placement_penalty(index, false, false, anchor);
        for date in date::dates_in(&context, order, 2) {
            let Some(role) = role_in_text(&context, date.start) else {
                continue;
            };
            out.push(Candidate::new(
                date.stamp,
                role,
                Source::VisibleText,
                LABELLED_TEXT_WEIGHT.saturating_sub(penalty),
            ));
        }
    }
}

/// The text nodes outside the head that hold more than whitespace, from node `from` on, with
/// their indices.
fn visible_texts<'p>(page: &'p Page<'_>, from: u32) -> impl Iterator<Item = (u32, &'p str)> {
    let nodes = page.nodes.get(from as usize..).unwrap_or_default();
    (from..)
        .zip(nodes)
        // A text without visible characters by its measure is all whitespace; most are
        // indentation, and this spares trimming them.
        .filter(|(_, n)| {
            n.tag == Tag::Text && n.text.chars > 0 && !n.flags.contains(Flags::IN_HEAD)
        })
        .filter_map(|(i, n)| match n.node.value() {
            scraper::Node::Text(text) => Some((i, &**text)),
            _ => None,
        })
        .filter(|(_, text)| !text.trim().is_empty())
}

fn mark_candidates(
    mark: &DateMark,
    anchor: Option<Anchor>,
    order: DayOrder,
    out: &mut Vec<Candidate>,
) {
    let base = match mark.kind {
        MarkKind::Itemprop => weight::ITEMPROP,
        MarkKind::Time => 70,
        MarkKind::DateLine => 60,
    };
    let placement = placement_penalty(mark.index, mark.is_chrome, mark.in_link, anchor);
    let machine = mark
        .machine
        .as_deref()
        .and_then(|m| date::parse_iso(m).or_else(|| date::text::parse_text(m, order)));
    let found: Vec<(crate::timestamp::Timestamp, Option<Role>)> = match machine {
        Some(stamp) => vec![(stamp, role_in_text(&mark.text, mark.text.len()))],
        None => date::dates_in(&mark.text, order, 3)
            .into_iter()
            .map(|f| (f.stamp, role_in_text(&mark.text, f.start)))
            .collect(),
    };
    for (stamp, text_role) in found {
        let role = mark.role.or(text_role).unwrap_or(Role::Unlabelled);
        let labelled = u8::from(role != Role::Unlabelled) * 10;
        let value = if mark.kind == MarkKind::Itemprop {
            base.saturating_sub(placement / 2)
        } else {
            (base + labelled)
                .saturating_sub(placement)
                .min(weight::VISIBLE_MAX)
        };
        let source = if mark.kind == MarkKind::DateLine {
            Source::VisibleText
        } else {
            Source::Markup
        };
        out.push(Candidate::new(stamp, role, source, value));
    }
}

/// How much weight a visible date loses for where it sits.
fn placement_penalty(index: u32, is_chrome: bool, in_link: bool, anchor: Option<Anchor>) -> u8 {
    let mut penalty: u8 = 0;
    if is_chrome {
        penalty += 40;
    }
    if in_link {
        penalty += 15;
    }
    match anchor {
        Some(anchor) => {
            let distance = index.abs_diff(anchor.index);
            let before = index < anchor.index;
            if distance > HEADER_NODES * 4 || (before && distance > HEADER_NODES) {
                penalty += 25;
            } else if distance > HEADER_NODES {
                penalty += 12;
            }
        }
        None => penalty += 10,
    }
    penalty
}

/// The role the words just before a date give it ("Updated: 30.03.2021"), or `None`.
fn role_in_text(text: &str, date_start: usize) -> Option<Role> {
    let before = text.get(..date_start).unwrap_or(text);
    // Only the words closest to the date: "Published 3 May · Updated 5 May".
    let from = before.char_indices().rev().nth(40).map_or(0, |(at, _)| at);
    let lower = before[from..].to_lowercase();
    if !may_hold_date_label(&lower) {
        return None;
    }
    let published = last_label_at(&lower, PUBLISHED_LABELS);
    let modified = last_label_at(&lower, MODIFIED_LABELS);
    match (published, modified) {
        (Some(p), Some(m)) => Some(if p > m {
            Role::Published
        } else {
            Role::Modified
        }),
        (Some(_), None) => Some(Role::Published),
        (None, Some(_)) => Some(Role::Modified),
        (None, None) => None,
    }
}

/// Where the last of `labels` occurs in `lower` as a whole word.
fn last_label_at(lower: &str, labels: &[&str]) -> Option<usize> {
    labels
        .iter()
        .filter_map(|label| {
            lower
                .rmatch_indices(label)
                .find_map(|(at, _)| contains_label(&lower[at..], &[label]).then_some(at))
        })
        .max()
}

/// Dates written in the texts just after (and a few before) the headline.
fn header_text_candidates(
    page: &Page<'_>,
    facts: &VisibleFacts,
    headline: u32,
    order: DayOrder,
    reference: jiff::Timestamp,
    out: &mut Vec<Candidate>,
) {
    let start = headline as usize;
    let after = page.nodes[start..]
        .iter()
        .enumerate()
        .filter(|(_, n)| n.tag == Tag::Text && n.text.chars >= 4)
        .take(TEXTS_AFTER_HEADLINE)
        .enumerate()
        .map(|(rank, (i, _))| ((start + i) as u32, rank));
    let before = page.nodes[..start]
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, n)| {
            n.tag == Tag::Text && n.text.chars >= 4 && !n.flags.contains(Flags::IN_HEAD)
        })
        .take(TEXTS_BEFORE_HEADLINE)
        .enumerate()
        .map(|(k, (i, _))| (i as u32, BEFORE_RANK_START + 2 * k));
    for (index, rank) in after.chain(before) {
        let scraper::Node::Text(text) = page.nodes[index as usize].node.value() else {
            continue;
        };
        let text: &str = text;
        // A date that opens a paragraph counts ("27.1.2022 - Bei der …"); one deep inside
        // running text is about something else.
        let scope = if text.len() > 200 {
            prefix(text, 60)
        } else {
            text
        };
        let is_chrome = facts.is_in_chrome(index);
        let in_link = page.nodes[index as usize].flags.contains(Flags::IN_LINK);
        if page
            .ancestors(index)
            .take(2)
            .any(|at| names_today(page, at))
        {
            continue;
        }
        let mut penalty = u8::from(is_chrome) * 40 + u8::from(in_link) * 15;
        penalty += u8::try_from(rank.min(40)).unwrap_or(40) / 2;
        let context = label_context(page, index, text);
        let mut found = date::dates_in(scope, order, 2);
        if found.is_empty() && text.len() <= 80 {
            found.extend(date::relative_in(scope, reference));
        }
        for date in found {
            if is_deep_in_paragraph(page, index, date.start) {
                continue;
            }
            let offset_in_context = context.len().saturating_sub(text.len()) + date.start;
            let role = role_in_text(&context, offset_in_context).unwrap_or(Role::Unlabelled);
            let labelled = u8::from(role != Role::Unlabelled) * 10;
            let value = (55 + labelled).saturating_sub(penalty);
            out.push(Candidate::new(date.stamp, role, Source::VisibleText, value));
        }
    }
}

/// Whether a date `start` bytes into the text at `index` sits deep inside a long paragraph
/// of running text: the check the header search makes on one long text, made on the whole
/// `<p>` when links or footnote marks split it into short texts ("… hit its stable 1.0.0
/// release on 30 October 2025<sup>[3]</sup>. This effectively …", wcxb 0490).
fn is_deep_in_paragraph(page: &Page<'_>, index: u32, start: usize) -> bool {
    /// A paragraph holding more characters than this (not counting spaces) is running text.
    const MIN_PROSE_CHARS: u32 = 200;
    /// A date this many characters into it is about something else.
    const MAX_OPENING_CHARS: u32 = 60;
    let owner = page.nodes[index as usize].owner;
    let Some(block) = page.nodes.get(owner as usize) else {
        return false;
    };
    if block.tag != Tag::P {
        return false;
    }
    let (mut before, mut total) = (0u32, 0u32);
    for (at, node) in (owner..block.end).zip(&page.nodes[owner as usize..block.end as usize]) {
        if node.tag == Tag::Text {
            total += node.text.chars;
            if at < index {
                before += node.text.chars;
            }
        }
    }
    let start = u32::try_from(start).unwrap_or(u32::MAX);
    total > MIN_PROSE_CHARS && before.saturating_add(start) > MAX_OPENING_CHARS
}

/// Whether an element's class or id names today's date (`todays-date`, `date-today`,
/// `current-date`): a masthead widget showing the day the page was served, not the day the
/// story was (empower.com's "Friday, December 19, 2025" above a story of the 12th, wcxb
/// 0146).
fn names_today(page: &Page<'_>, index: u32) -> bool {
    [page.attr(index, "class"), page.attr(index, "id")]
        .into_iter()
        .flatten()
        .any(names_today_in)
}

/// Whether a class or id value holds the word `today` or `todays`, or `current` then `date`,
/// ASCII letters in any case. It runs for every text the header search reads, so it does not
/// allocate.
fn names_today_in(value: &str) -> bool {
    let mut words = value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty());
    let mut previous_is_current = false;
    words.any(|word| {
        let found = word.eq_ignore_ascii_case("today")
            || word.eq_ignore_ascii_case("todays")
            || (previous_is_current && word.eq_ignore_ascii_case("date"));
        previous_is_current = word.eq_ignore_ascii_case("current");
        found
    })
}

/// Whether a small element or one inside it names today's date ([`names_today`]).
fn holds_todays_date(page: &Page<'_>, index: u32) -> bool {
    let end = page
        .nodes
        .get(index as usize)
        .map_or(index, |node| node.end);
    (index..end).any(|at| names_today(page, at))
}

/// The text before a text node within its block, so that a label in a separate element
/// ("<span>Updated</span> 30.03.2021") is seen; ends with the node's own text.
fn label_context(page: &Page<'_>, index: u32, text: &str) -> String {
    let owner = page.nodes[index as usize].owner;
    let mut context = String::new();
    for inner in &page.nodes[owner as usize..index as usize] {
        if let scraper::Node::Text(t) = inner.node.value() {
            context.push_str(t);
            context.push(' ');
        }
    }
    let keep_from = context.char_indices().rev().nth(60).map_or(0, |(at, _)| at);
    let mut out = context[keep_from..].to_owned();
    out.push_str(text);
    out
}

/// At most `chars` characters from the start of `text`.
fn prefix(text: &str, chars: usize) -> &str {
    text.char_indices()
        .nth(chars)
        .map_or(text, |(at, _)| &text[..at])
}

/// The day a URL path names, for the candidates and the URL check.
pub(crate) fn url_date(url: Option<&url::Url>) -> Option<Date> {
    date::date_in_url(url?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn with_facts<T>(html: &str, f: impl FnOnce(&Page<'_>, &VisibleFacts) -> T) -> T {
        let parsed = Html::parse_document(html);
        let page = Page::build(&parsed);
        let facts = read(&page);
        f(&page, &facts)
    }

    #[test]
    fn heading_text_drops_soft_hyphens_and_permalink_glyphs() {
        assert_eq!(
            heading_text("Erinne\u{ad}rungs\u{ad}kultur"),
            "Erinnerungskultur"
        );
        assert_eq!(
            heading_text("Evolve: Shared Mutable History¶"),
            "Evolve: Shared Mutable History"
        );
        assert_eq!(
            heading_text("Using standalone mode #"),
            "Using standalone mode"
        );
        // A heading that is only the glyph keeps it.
        assert_eq!(heading_text(" # "), "#");
    }

    fn reference() -> jiff::Timestamp {
        "2024-01-01T00:00:00Z".parse().unwrap()
    }

    fn best(html: &str) -> Option<(String, Role)> {
        with_facts(html, |page, facts| {
            let anchor = facts
                .headings
                .iter()
                .find(|h| h.level == 1)
                .map(|h| Anchor {
                    index: h.index,
                    is_headline: true,
                });
            let candidates = date_candidates(page, facts, anchor, DayOrder::DayFirst, reference());
            candidates
                .iter()
                .max_by_key(|c| c.weight)
                .map(|c| (c.stamp.to_string(), c.role))
        })
    }

    #[test]
    fn reads_headings_and_bylines() {
        with_facts(
            r#"<body><header><h1 class="logo"><a href="/">Site</a></h1></header>
            <h1>The Headline</h1><p class="byline">By <a rel="author">Jane Doe</a></p></body>"#,
            |_, facts| {
                assert!(facts.headings[0].is_chrome);
                assert_eq!(facts.headings[1].text, "The Headline");
                assert!(!facts.headings[1].is_chrome);
                let bylines: Vec<&str> = facts.bylines.iter().map(|(_, t)| t.as_str()).collect();
                assert_eq!(bylines, ["By Jane Doe"]);
            },
        );
    }

    #[test]
    fn heading_text_leaves_out_hidden_descendants() {
        // cloud.google.com's docs put a bookmark tooltip inside the `h1` (wcxb 3037); Linear
        // sets responsive copies of its headline side by side (wcxb 2834).
        with_facts(
            r#"<body><h1>IAM overview<devsite-actions hidden><span>Stay organized with
            collections</span></devsite-actions></h1>
            <h2>Why it matters<span class="sr-only"> (section)</span></h2></body>"#,
            |_, facts| {
                assert_eq!(facts.headings[0].text, "IAM overview");
                assert_eq!(facts.headings[1].text, "Why it matters");
            },
        );
    }

    #[test]
    fn prefers_the_time_in_the_header_to_a_sidebar_teaser() {
        let found = best(
            r#"<body><aside class="sidebar"><a href="/x"><time datetime="2023-06-01">June</time></a></aside>
            <article><h1>Headline</h1><time datetime="2021-03-30T11:49:00+01:00">30 March</time>
            <p>Text</p></article></body>"#,
        );
        assert_eq!(found.unwrap().0, "2021-03-30T11:49:00+01:00");
    }

    #[test]
    fn names_today_by_whole_words_in_any_case() {
        for value in [
            "todays-date-custom",
            "date Today",
            "current_date",
            "Current-Date",
        ] {
            assert!(names_today_in(value), "{value}");
        }
        for value in [
            "todayshow-promo",
            "current-issue date",
            "date-current",
            "updated",
        ] {
            assert!(!names_today_in(value), "{value}");
        }
    }

    #[test]
    fn todays_date_in_the_masthead_is_no_candidate() {
        let found = best(
            r#"<body><div class="block-date"><p id="todays-date-custom"><strong>Friday</strong>,
            December 19, 2023</p></div><span class="today">20.12.2023</span>
            <h1>Headline</h1><p>12.12.2023</p><p>Text</p></body>"#,
        );
        assert_eq!(found.unwrap().0, "2023-12-12");
    }

    #[test]
    fn itemprop_dates_outweigh_time_elements() {
        let found = best(
            r#"<body><h1>Headline</h1><time datetime="2019-01-01">old</time>
            <span itemprop="datePublished" content="2021-03-30">30 March</span></body>"#,
        );
        assert_eq!(found, Some(("2021-03-30".into(), Role::Published)));
    }

    #[test]
    fn a_date_line_right_above_the_headline_outranks_one_further_down() {
        let paragraphs = "<p>Some running text of the article.</p>".repeat(20);
        let found = best(&format!(
            "<body><div><span>Original Research</span><span>7 April 2020</span></div>
            <h1>Headline</h1>{paragraphs}<p>3 March 2020</p></body>"
        ));
        assert_eq!(found.unwrap().0, "2020-04-07");
    }

    #[test]
    fn reads_a_date_line_split_over_elements() {
        let found = best(
            r#"<body><div class="postdate"><span class="postday">26</span> Okt 2018</div>
            <h1>Wahlzensur</h1><p>Text</p></body>"#,
        );
        assert_eq!(found.unwrap().0, "2018-10-26");
    }

    #[test]
    fn labels_say_which_date_is_which() {
        let found = with_facts(
            "<body><h1>Headline</h1><p>Publiziert: 03.04.2020, 12:35</p>
            <p><span>Aktualisiert:</span> 11.04.2020, 10:27</p></body>",
            |page, facts| {
                let anchor = Some(Anchor {
                    index: facts.headings[0].index,
                    is_headline: true,
                });
                date_candidates(page, facts, anchor, DayOrder::DayFirst, reference())
            },
        );
        let roles: Vec<(String, Role)> = found
            .iter()
            .map(|c| (c.stamp.to_string(), c.role))
            .collect();
        assert!(roles.contains(&("2020-04-03T12:35:00".into(), Role::Published)));
        assert!(roles.contains(&("2020-04-11T10:27:00".into(), Role::Modified)));
    }

    #[test]
    fn finds_a_written_date_near_the_headline() {
        let found = best(
            "<body><div class='x'>30 Mar, 2021 11:49</div><h1>Headline</h1><p>Text</p></body>",
        );
        assert_eq!(found.unwrap().0, "2021-03-30T11:49:00");
    }

    #[test]
    fn reads_labelled_dates_anywhere() {
        let found = best(
            r#"<body><h1>Headline</h1><p>Text</p><ul><li><p class="title">Mise en ligne</p>
            <p class="content">23 mai 2019</p></li></ul></body>"#,
        );
        assert_eq!(found, Some(("2019-05-23".into(), Role::Published)));
    }

    #[test]
    fn reads_relative_dates_near_the_headline() {
        let found = best("<body><h1>Headline</h1><span>3 hours ago</span><p>Text</p></body>");
        assert_eq!(found.unwrap().0, "2023-12-31T21:00:00+00:00");
    }

    #[test]
    fn a_date_deep_in_a_split_paragraph_is_running_text() {
        let prose = "Rust in the Linux kernel is no longer experimental and is now a core part \
            of it. The Android Open Source Project has supported Rust for years, citing memory \
            safety. And finally, the vendor SDK hit its stable release on";
        let html = format!(
            "<p>12 December 2025</p><h1>Why Rust</h1><p>{prose}<sup>[2]</sup> 30 October \
             2025<sup>[3]</sup>. This settles the debate.</p>"
        );
        let stamps: Vec<String> = with_facts(&html, |page, facts| {
            let anchor = facts.headings.first().map(|h| Anchor {
                index: h.index,
                is_headline: true,
            });
            date_candidates(page, facts, anchor, DayOrder::DayFirst, reference())
                .iter()
                .map(|c| c.stamp.to_string())
                .collect()
        });
        assert_eq!(stamps, ["2025-12-12"]);
    }

    #[test]
    fn a_date_line_after_a_byline_is_the_story_date() {
        let html = "<h1>How Apps Are Made</h1><p>The story.</p><div><p>Written by \
            <a href=\"/a\">Moses Kim</a></p><p>April 8, 2023</p></div>";
        let found: Vec<(String, u8)> = with_facts(html, |page, facts| {
            let mut facts = facts.clone();
            read_labelled_byline(page, &mut facts);
            date_candidates(page, &facts, None, DayOrder::DayFirst, reference())
                .iter()
                .map(|c| (c.stamp.to_string(), c.weight))
                .collect()
        });
        assert_eq!(found, [("2023-04-08".to_owned(), 45)]);
    }

    #[test]
    fn stays_fast_on_deep_pages_full_of_labels() {
        let depth = 20_000;
        let html = format!(
            "{}<h1>Headline</h1>{}{}",
            "<div class='author'>".repeat(depth),
            "<aside><span>By</span><span>Name</span><p>Updated 30.03.2021</p></aside>"
                .repeat(2_000),
            "</div>".repeat(depth)
        );
        let started = std::time::Instant::now();
        with_facts(&html, |page, facts| {
            let anchor = facts.headings.first().map(|h| Anchor {
                index: h.index,
                is_headline: true,
            });
            date_candidates(page, facts, anchor, DayOrder::DayFirst, reference())
        });
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }

    #[test]
    fn a_layout_wrapper_named_for_its_sidebars_is_not_chrome() {
        with_facts(
            r#"<body class="has-sidebar"><div class="layout-2-sidebars"><main>
            <h1>The Headline</h1></main><div class="sidebar"><h3>Other</h3></div></div></body>"#,
            |_, facts| {
                assert!(!facts.headings[0].is_chrome);
                assert!(facts.headings[1].is_chrome);
            },
        );
    }

    #[test]
    fn skips_bylines_in_comments() {
        with_facts(
            r#"<body><h1>H</h1><div class="comments"><span class="author">Troll</span></div></body>"#,
            |_, facts| assert!(facts.bylines.is_empty()),
        );
    }
}
