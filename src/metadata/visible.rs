//! Metadata a reader sees: headings, `<time>` elements, `itemprop` dates, bylines and dates
//! written near the headline, plus the date in the page URL.

use url::Url;

use super::date;
use crate::page::{Flags, Page, Tag};
use crate::timestamp::Timestamp;

/// How many `h1` elements are considered as headline candidates.
const MAX_HEADINGS: usize = 5;
/// How many text nodes after (and before) the headline are searched for a written date.
const DATE_WINDOW_AFTER: usize = 40;
const DATE_WINDOW_BEFORE: usize = 12;
/// The longest byline text, in bytes.
const MAX_BYLINE_BYTES: usize = 120;

/// What the visible page says.
#[derive(Debug, Clone, Default)]
pub(crate) struct VisibleFacts {
    /// `h1` texts with their index, in page order.
    pub(crate) headings: Vec<(u32, String)>,
    /// `datePublished` from `itemprop` markup or a `<time pubdate>`/first `<time>`.
    pub(crate) published_markup: Option<String>,
    pub(crate) modified_markup: Option<String>,
    /// A date written near the headline.
    pub(crate) published_text: Option<Timestamp>,
    /// Byline texts (`rel="author"`, `itemprop="author"`, byline classes).
    pub(crate) bylines: Vec<String>,
}

/// Reads the visible facts of a page.
pub(crate) fn read(page: &Page<'_>, month_first: bool) -> VisibleFacts {
    let mut facts = VisibleFacts::default();
    let mut first_time: Option<String> = None;
    for (index, node) in page.nodes.iter().enumerate() {
        let index = index as u32;
        if node.tag == Tag::Text || node.flags.contains(Flags::IN_HEAD) {
            continue;
        }
        if node.tag == Tag::H1 && facts.headings.len() < MAX_HEADINGS {
            let text = page.text_of(index);
            if !text.is_empty() {
                facts.headings.push((index, text));
            }
        }
        read_itemprop(page, index, &mut facts);
        if node.tag == Tag::Time && first_time.is_none() {
            first_time = page.attr(index, "datetime").map(str::to_owned);
        }
        read_byline(page, index, &mut facts);
    }
    if facts.published_markup.is_none() {
        facts.published_markup = first_time;
    }
    facts.published_text = date_near_headline(page, &facts, month_first);
    facts
}

fn read_itemprop(page: &Page<'_>, index: u32, facts: &mut VisibleFacts) {
    let Some(itemprop) = page.attr(index, "itemprop") else {
        return;
    };
    let slot = if itemprop.eq_ignore_ascii_case("datePublished") {
        &mut facts.published_markup
    } else if itemprop.eq_ignore_ascii_case("dateModified") {
        &mut facts.modified_markup
    } else {
        return;
    };
    if slot.is_none() {
        *slot = page
            .attr(index, "content")
            .or(page.attr(index, "datetime"))
            .map(str::to_owned)
            .or_else(|| Some(page.text_of(index)).filter(|t| !t.is_empty()));
    }
}

fn read_byline(page: &Page<'_>, index: u32, facts: &mut VisibleFacts) {
    let is_author_link = page.tag(index) == Tag::A
        && page
            .attr(index, "rel")
            .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "author"));
    let is_author_prop = page
        .attr(index, "itemprop")
        .is_some_and(|p| p.split_ascii_whitespace().any(|w| w == "author"));
    let is_byline_class = page.attr(index, "class").is_some_and(|class| {
        class.split_ascii_whitespace().any(|token| {
            let token = token.to_ascii_lowercase();
            token.contains("byline") || token == "author" || token.ends_with("author-name")
        })
    });
    if !(is_author_link || is_author_prop || is_byline_class) {
        return;
    }
    // An enclosing byline already read holds this one's text.
    if page
        .ancestors(index)
        .take(4)
        .any(|a| page.attr(a, "class").is_some_and(|c| c.contains("byline")))
    {
        return;
    }
    let text = page.text_of(index);
    if !text.is_empty() && text.len() <= MAX_BYLINE_BYTES && !facts.bylines.contains(&text) {
        facts.bylines.push(text);
    }
}

/// The first date written in the text just before or after the main headline.
fn date_near_headline(
    page: &Page<'_>,
    facts: &VisibleFacts,
    month_first: bool,
) -> Option<Timestamp> {
    let &(heading, _) = facts.headings.first()?;
    let heading = heading as usize;
    let after = page.nodes[heading..]
        .iter()
        .filter_map(text_at)
        .take(DATE_WINDOW_AFTER);
    let before = page.nodes[..heading]
        .iter()
        .rev()
        .filter(|n| !n.flags.contains(Flags::IN_HEAD))
        .filter_map(text_at)
        .take(DATE_WINDOW_BEFORE);
    after
        .chain(before)
        .filter(|text| text.len() < 200)
        .find_map(|text| date::parse_text(text, month_first))
}

/// The text of a text node with a few visible characters.
fn text_at<'a>(node: &crate::page::PageNode<'a>) -> Option<&'a str> {
    match node.node.value() {
        scraper::Node::Text(text) if node.text.chars >= 4 => Some(&**text),
        _ => None,
    }
}

/// A date in the URL path: `/2021/03/30/`, `/2021-03-30-`, `/20210330/`.
pub(crate) fn date_in_url(url: &Url) -> Option<Timestamp> {
    let path = url.path();
    let bytes = path.as_bytes();
    (0..bytes.len()).find_map(|start| {
        if start > 0 && bytes[start - 1].is_ascii_digit() {
            return None;
        }
        let tail = path.get(start..)?;
        slashed_date(tail).or_else(|| compact_date(tail))
    })
}

/// `2021/03/30` or `2021-03-30` at the start of `tail`.
fn slashed_date(tail: &str) -> Option<Timestamp> {
    let mut parts = tail.splitn(4, ['/', '-', '_']);
    let year = parts.next()?;
    let month = parts.next()?;
    let day = parts.next()?;
    if year.len() != 4 || !(1..=2).contains(&month.len()) || !(1..=2).contains(&day.len()) {
        return None;
    }
    let iso = format!("{year}-{month:0>2}-{day:0>2}");
    date::parse_iso(&iso)
}

/// `20210330` at the start of `tail`, followed by a non-digit.
fn compact_date(tail: &str) -> Option<Timestamp> {
    let digits = tail.get(..8)?;
    if !digits.bytes().all(|b| b.is_ascii_digit())
        || tail.as_bytes().get(8).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let iso = format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..]);
    date::parse_iso(&iso)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn facts(html: &str) -> VisibleFacts {
        let parsed = Html::parse_document(html);
        read(&Page::build(&parsed), false)
    }

    #[test]
    fn reads_headings_time_and_bylines() {
        let found = facts(
            r#"<body><h1>The Headline</h1><p class="byline">By <a rel="author">Jane Doe</a></p>
            <time datetime="2021-03-30T11:49">Tuesday</time></body>"#,
        );
        assert_eq!(found.headings[0].1, "The Headline");
        assert_eq!(found.published_markup.as_deref(), Some("2021-03-30T11:49"));
        assert_eq!(found.bylines, ["By Jane Doe"]);
    }

    #[test]
    fn prefers_itemprop_dates_over_the_first_time_element() {
        let found = facts(
            r#"<body><time datetime="2019-01-01">old</time>
            <span itemprop="datePublished" content="2021-03-30">30 March</span></body>"#,
        );
        assert_eq!(found.published_markup.as_deref(), Some("2021-03-30"));
    }

    #[test]
    fn finds_a_written_date_near_the_headline() {
        let found = facts(
            "<body><div class='date'>30 Mar, 2021 11:49</div><h1>Headline</h1><p>Text</p></body>",
        );
        assert_eq!(
            found.published_text.map(|t| t.to_string()).as_deref(),
            Some("2021-03-30T11:49:00")
        );
    }

    #[test]
    fn reads_dates_from_url_paths() {
        let cases = [
            ("https://x.com/2021/03/30/story", Some("2021-03-30")),
            ("https://x.com/news/20210330/story", Some("2021-03-30")),
            ("https://x.com/a-2021-03-30-b", Some("2021-03-30")),
            ("https://x.com/story-123456789", None),
            ("https://x.com/2021/story", None),
        ];
        for (url, expected) in cases {
            let found = date_in_url(&Url::parse(url).unwrap()).map(|t| t.to_string());
            assert_eq!(found.as_deref(), expected, "{url}");
        }
    }
}
