//! Date candidates from what a reader sees: date marks, the texts around the headline,
//! labelled date lines anywhere outside chrome, and the date line after a byline.

use jiff::civil::Date;

use super::super::date::words::{
    MODIFIED_LABELS, PUBLISHED_LABELS, contains_label, has_date_label, may_hold_date_label,
};
use super::super::date::{self, Candidate, DayOrder, Role, weight};
use super::{
    BEFORE_RANK_START, DateMark, HEADER_NODES, LABELLED_TEXT_WEIGHT, MAX_LABELLED_TEXT_BYTES,
    MAX_LABELLED_TEXTS, MarkKind, TEXTS_BEFORE_HEADLINE, VisibleFacts, texts_after_headline,
};
use crate::document::Source;
use crate::page::{Flags, Page, Tag};

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
        // Every label holds at least five letters, so a shorter text ("|", "Home", an icon's
        // glyph) is not scanned for one.
        if text.len() > MAX_LABELLED_TEXT_BYTES
            || page.nodes[index as usize].text.chars < MIN_LABEL_CHARS
            || !has_date_label(text)
        {
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

/// The fewest letters of a publication or modification label ("stand", "edited").
const MIN_LABEL_CHARS: u32 = 5;

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
        let candidate = Candidate::new(stamp, role, source, value);
        out.push(if mark.is_hidden {
            candidate.hidden()
        } else {
            candidate
        });
    }
}

/// A date more than this many nodes above the headline sits in something set before the
/// article (a news rail, a list of teasers), not in the header over the headline: it loses a
/// little, so that it no longer ties with the header's own date and wins by coming first
/// (casact.org, wcxb 0370: six teaser `<time>`s of a "News" block above the article's).
const MARK_ABOVE_NODES: u32 = 20;

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
            } else if before && distance > MARK_ABOVE_NODES {
                penalty += 5;
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
    let after = texts_after_headline(page, headline)
        .enumerate()
        .map(|(rank, index)| (index, rank));
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
        let mut found = date::dates_in(scope, order, 2);
        if found.is_empty() && text.len() <= 80 {
            found.extend(date::relative_in(scope, reference));
        }
        // Most header texts hold no date: the tests that only judge a date come after.
        if found.is_empty()
            || page
                .ancestors(index)
                .take(2)
                .any(|at| names_today(page, at))
        {
            continue;
        }
        let is_chrome = facts.is_in_chrome(index);
        let in_link = page.nodes[index as usize].flags.contains(Flags::IN_LINK);
        let mut penalty = u8::from(is_chrome) * 40 + u8::from(in_link) * 15;
        penalty += u8::try_from(rank.min(40)).unwrap_or(40) / 2;
        let context = label_context(page, index, text);
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
pub(super) fn holds_todays_date(page: &Page<'_>, index: u32) -> bool {
    let end = page
        .nodes
        .get(index as usize)
        .map_or(index, |node| node.end);
    (index..end).any(|at| names_today(page, at))
}

/// The text before a text node within its block, so that a label in a separate element
/// ("<span>Updated</span> 30.03.2021") is seen; ends with the node's own text.
fn label_context(page: &Page<'_>, index: u32, text: &str) -> String {
    let mut out = text_before(page, page.nodes[index as usize].owner, index);
    out.push_str(text);
    out
}

/// The last few words of the texts from node `from` up to node `to`, read backwards so that
/// a long block before them is not copied.
fn text_before(page: &Page<'_>, from: u32, to: u32) -> String {
    /// How many characters before the node are kept.
    const KEEP_CHARS: usize = 60;
    let mut parts: Vec<&str> = Vec::new();
    let mut chars = 0;
    for inner in page.nodes[from as usize..to as usize].iter().rev() {
        if let scraper::Node::Text(t) = inner.node.value() {
            parts.push(t);
            chars += t.chars().count() + 1;
            if chars > KEEP_CHARS {
                break;
            }
        }
    }
    let mut context = String::new();
    for part in parts.iter().rev() {
        context.push_str(part);
        context.push(' ');
    }
    let keep_from = context
        .char_indices()
        .rev()
        .nth(KEEP_CHARS)
        .map_or(0, |(at, _)| at);
    context[keep_from..].to_owned()
}

/// The role a label written just before an element gives its date, within its block
/// ("Last updated on <local-time …>").
pub(super) fn label_before(page: &Page<'_>, index: u32) -> Option<Role> {
    let node = &page.nodes[index as usize];
    // A custom element is a block of its own: the label sits in its parent's block.
    let owner = page
        .nodes
        .get(node.parent as usize)
        .map_or(node.owner, |parent| parent.owner);
    let context = text_before(page, owner.min(index), index);
    role_in_text(&context, context.len())
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
    use crate::metadata::visible::read_labelled_byline;
    use crate::metadata::visible::tests::with_facts;

    #[test]
    fn every_label_holds_the_fewest_letters_a_text_is_scanned_for() {
        for label in PUBLISHED_LABELS.iter().chain(MODIFIED_LABELS) {
            let letters = label.chars().filter(|c| c.is_alphabetic()).count();
            assert!(letters >= MIN_LABEL_CHARS as usize, "{label}");
        }
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
    fn prefers_the_time_in_the_header_to_a_sidebar_teaser() {
        let found = best(
            r#"<body><aside class="sidebar"><a href="/x"><time datetime="2023-06-01">June</time></a></aside>
            <article><h1>Headline</h1><time datetime="2021-03-30T11:49:00+01:00">30 March</time>
            <p>Text</p></article></body>"#,
        );
        assert_eq!(found.unwrap().0, "2021-03-30T11:49:00+01:00");
    }

    #[test]
    fn a_teaser_time_well_above_the_headline_weighs_less_than_the_headers() {
        let teasers = "<div><a href=\"/n\">News item</a><span>More</span></div>".repeat(8);
        let weights = with_facts(
            &format!(
                "<body><div class=\"views\"><time datetime=\"2023-01-31\">01/31/2023</time>
                {teasers}</div><article><h1>Headline</h1>
                <time datetime=\"2017-03-01\">03/01/2017</time><p>Text</p></article></body>"
            ),
            |page, facts| {
                let anchor = Some(Anchor {
                    index: facts.headings[0].index,
                    is_headline: true,
                });
                let candidates =
                    date_candidates(page, facts, anchor, DayOrder::MonthFirst, reference());
                let weight_of = |day: &str| {
                    candidates
                        .iter()
                        .find(|c| c.stamp.to_string() == day)
                        .map(|c| c.weight)
                };
                (weight_of("2023-01-31"), weight_of("2017-03-01"))
            },
        );
        let (Some(teaser), Some(header)) = weights else {
            panic!("both dates are candidates: {weights:?}");
        };
        assert!(teaser < header, "{teaser} vs {header}");
    }

    #[test]
    fn a_threads_opening_line_labels_its_date_as_the_publication() {
        for line in [
            "Started by Biology Forums, June 04, 2024, 11:23:55 AM",
            "Begonnen von Anna, 4. Juni 2024",
        ] {
            let date_start = line.find(char::is_numeric).unwrap();
            let date_start = line[..date_start]
                .rfind(", ")
                .map_or(date_start, |at| at + 2);
            assert_eq!(
                role_in_text(line, date_start),
                Some(Role::Published),
                "{line}"
            );
        }
        assert_eq!(role_in_text("Ann, June 04, 2024", 5), None);
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
    fn reads_a_custom_element_named_as_a_time() {
        let found = best(
            r#"<body><h1>Best laptop for college?</h1><span>u/student</span>
            <faceplate-timeago ts="2026-03-03T09:47:05.754000+0000">9d ago</faceplate-timeago>
            <p>Text</p></body>"#,
        );
        assert_eq!(found.unwrap().0, "2026-03-03T09:47:05.754+00:00");
    }

    #[test]
    fn a_label_before_a_time_element_gives_its_role() {
        let found = best(
            r#"<body><h1>Headline</h1><p>Text</p><ul><li><span>Last updated on
            <time datetime="2025-03-25T22:04:00.000Z">2025-03-25</time></span></li>
            </ul></body>"#,
        );
        assert_eq!(
            found,
            Some(("2025-03-25T22:04:00+00:00".into(), Role::Modified))
        );
    }

    #[test]
    fn the_element_holding_a_date_lines_date_gives_its_role() {
        let found = best(
            r#"<body><h1>Headline</h1><div class="entry-meta"><span class="meta-date">
            <span class="updated">2025-11-03</span></span></div><p>Text</p></body>"#,
        );
        assert_eq!(found, Some(("2025-11-03".into(), Role::Modified)));
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
}
