//! Metadata a reader sees: headings, `<time>` elements, `itemprop` dates, date lines, bylines,
//! and the dates written near the headline.
//!
//! One pass over the page collects headings, date marks (machine-readable or in an element
//! whose class names a date) and bylines, each with its place in the page and whether it
//! sits in page chrome (a sidebar, a related-stories rail, comments, navigation). Turning the
//! date marks into weighted [`Candidate`]s needs the headline, which the title choice finds,
//! so it is a second step, [`date_candidates`].

use super::date::{self, Role};
use crate::clean::rules::Hint;
use crate::page::{Flags, Page, Tag};
use html5ever::{local_name, ns};

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
    /// A `<meta>` element: its date is never shown.
    pub(crate) is_hidden: bool,
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
        let attributes = ReadAttributes::of(page, index);
        if facts.marks.len() < MAX_DATE_MARKS
            && let Some(mark) = read_date_mark(page, index, attributes, &facts.chrome)
        {
            // A date line inside another is part of its text already.
            if mark.kind != MarkKind::DateLine || index >= date_line_until {
                if mark.kind == MarkKind::DateLine {
                    date_line_until = node.end;
                }
                facts.marks.push(mark);
            }
        }
        read_byline(page, index, attributes, &mut facts);
    }
    facts
}

/// The attributes [`read`] looks at on every element, found in one scan of them: the pass
/// visits every element of the page, and a lookup per attribute name scanned them up to
/// four times, comparing names as strings.
#[derive(Clone, Copy, Default)]
struct ReadAttributes<'a> {
    itemprop: Option<&'a str>,
    title: Option<&'a str>,
    rel: Option<&'a str>,
}

impl<'a> ReadAttributes<'a> {
    fn of(page: &Page<'a>, index: u32) -> ReadAttributes<'a> {
        let mut found = ReadAttributes::default();
        let Some(element) = page.element(index) else {
            return found;
        };
        for (name, value) in &element.attrs {
            if name.ns != ns!() {
                continue;
            }
            // The first of a repeated name counts, as in `Page::attr`.
            let slot = match name.local {
                local_name!("itemprop") => &mut found.itemprop,
                local_name!("title") => &mut found.title,
                local_name!("rel") => &mut found.rel,
                _ => continue,
            };
            slot.get_or_insert(&**value);
        }
        found
    }
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

fn read_date_mark(
    page: &Page<'_>,
    index: u32,
    attributes: ReadAttributes<'_>,
    chrome: &[bool],
) -> Option<DateMark> {
    let tag = page.tag(index);
    let itemprop = attributes.itemprop.unwrap_or("");
    let (kind, machine) = if has_word(
        itemprop,
        &["datepublished", "datecreated", "datemodified", "uploaddate"],
    ) {
        let value = page.attr(index, "content").or(page.attr(index, "datetime"));
        (MarkKind::Itemprop, value)
    } else if tag == Tag::Time {
        (MarkKind::Time, page.attr(index, "datetime"))
    } else if tag == Tag::Custom && is_named_for_time(page, index) {
        let stamp = page.attr(index, "datetime").or(page.attr(index, "ts"));
        (MarkKind::Time, stamp)
    } else if let Some(title) = attributes.title.filter(|t| date::parse_iso(t).is_some()) {
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
        role: role_of_attributes(page, index).or_else(|| match kind {
            MarkKind::Time => dates::label_before(page, index),
            MarkKind::DateLine => role_of_parts(page, index),
            MarkKind::Itemprop => None,
        }),
        is_chrome: chrome.get(index as usize).copied().unwrap_or(false),
        in_link: page.nodes[index as usize].flags.contains(Flags::IN_LINK),
        is_hidden: tag == Tag::Meta,
    })
}

/// Whether a custom element is named as a `<time>` that renders itself ("3 hours ago"):
/// `<relative-time>`, `<time-ago>`, `<amp-timeago>`, `<faceplate-timeago>`. They carry the
/// instant in `datetime` or `ts` (reddit.com's posts, wcxb 4008, state their day nowhere
/// else).
fn is_named_for_time(page: &Page<'_>, index: u32) -> bool {
    page.element(index).is_some_and(|element| {
        element
            .name
            .local
            .split('-')
            .any(|word| word == "time" || word == "timeago")
    })
}

/// What the elements inside a date line say its date is, when they say one thing: the
/// line's class names a date, the element holding it says which (`<span class="meta-date">
/// <span class="updated">2025-11-03</span></span>`, arc.dev, wcxb 4034).
fn role_of_parts(page: &Page<'_>, index: u32) -> Option<Role> {
    let end = page.nodes[index as usize].end;
    let mut roles = (index + 1..end)
        .filter(|&at| page.tag(at) != Tag::Text)
        .filter_map(|at| role_of_attributes(page, at));
    let first = roles.next()?;
    roles.all(|role| role == first).then_some(first)
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

fn read_byline(
    page: &Page<'_>,
    index: u32,
    attributes: ReadAttributes<'_>,
    facts: &mut VisibleFacts,
) {
    let tag = page.tag(index);
    let is_author_link =
        tag == Tag::A && attributes.rel.is_some_and(|rel| has_word(rel, &["author"]));
    let is_author_prop = attributes
        .itemprop
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

/// The indices of the first [`TEXTS_AFTER_HEADLINE`] texts of four or more characters from the
/// headline on: the article header, where bylines and dates are read.
fn texts_after_headline<'p>(page: &'p Page<'_>, headline: u32) -> impl Iterator<Item = u32> + 'p {
    let start = headline as usize;
    page.nodes[start..]
        .iter()
        .enumerate()
        .filter(|(_, n)| n.tag == Tag::Text && n.text.chars >= 4)
        .take(TEXTS_AFTER_HEADLINE)
        .map(move |(i, _)| (start + i) as u32)
}

/// Finds bylines written without markup near the headline: short texts that open with a
/// byline word ("By Jane Doe", "von Daniela Obers", "Par Jean Dupont").
pub(crate) fn read_header_bylines(page: &Page<'_>, headline: u32, facts: &mut VisibleFacts) {
    for index in texts_after_headline(page, headline) {
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

mod dates;
use dates::holds_todays_date;
pub(crate) use dates::{Anchor, date_candidates, url_date};

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    pub(super) fn with_facts<T>(html: &str, f: impl FnOnce(&Page<'_>, &VisibleFacts) -> T) -> T {
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

    #[test]
    fn reads_each_attribute_once_taking_the_first_of_a_name() {
        let parsed = Html::parse_document(
            r#"<body><a rel="author" title="2021-03-30" itemprop="author" href="/">x</a><p>y</p></body>"#,
        );
        let page = Page::build(&parsed);
        let link = (0..page.nodes.len() as u32)
            .find(|&i| page.tag(i) == Tag::A)
            .expect("the link");
        let found = ReadAttributes::of(&page, link);
        assert_eq!(found.rel, Some("author"));
        assert_eq!(found.title, Some("2021-03-30"));
        assert_eq!(found.itemprop, Some("author"));
        let text = (0..page.nodes.len() as u32)
            .find(|&i| page.tag(i) == Tag::Text)
            .expect("a text");
        assert_eq!(ReadAttributes::of(&page, text).itemprop, None);
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
