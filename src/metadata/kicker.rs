//! Kickers and subtitles set inside a headline's heading: a short label in its own element
//! before the headline proper, `<h1><span class="dachzeile">Interne Unterlagen im Netz</span>
//! <span class="headline">Daten von Rheinmetall gehackt</span></h1>`, or a subtitle in a
//! `<small>` at its end. Readers see them as lines above or below the headline (smaller,
//! another colour), not as part of it.

use crate::page::{Page, Tag};

/// The most words a kicker holds.
const MAX_KICKER_WORDS: usize = 6;
/// The fewest words the headline after a kicker holds.
const MIN_HEADLINE_WORDS: usize = 2;
/// Separators a kicker may end with, or a hidden element may put between it and the
/// headline for screen readers.
const SEPARATORS: &[char] = &[':', '-', '–', '—', '|', '/', '·'];

/// The heading's text without its kicker, when it opens with one: a first child element that
/// is a label (a `span`, `small`, `div`, `p` or `strong` with a class, or one followed by a line
/// break) of a few words, followed by a headline of two words or more. Inline emphasis
/// (`<em>`, `<b>`, an unclassed `<span>`) is part of the headline. Wrappers that hold the
/// whole heading (`<a>`, `<span itemprop="headline">`) are looked through.
pub(crate) fn headline_after_kicker(page: &Page<'_>, heading: u32) -> Option<String> {
    let root = innermost_wrapper(page, heading);
    let mut children = child_indices(page, root).filter(|&child| has_text(page, child));
    let kicker = children.next()?;
    if page.nodes[kicker as usize].tag == Tag::Text || !is_label(page, kicker) {
        return None;
    }
    let kicker_text = page.text_of(kicker);
    let kicker_words = kicker_text.split_whitespace().count();
    if kicker_words > MAX_KICKER_WORDS
        || !kicker_text.chars().any(char::is_alphabetic)
        || !is_set_apart(&page.text_of(root), &kicker_text)
    {
        return None;
    }
    let rest: Vec<String> = children.map(|child| text_of_child(page, child)).collect();
    let headline = rest
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let headline = headline
        .trim_start_matches(|c: char| SEPARATORS.contains(&c) || c.is_whitespace())
        .to_owned();
    (headline.split_whitespace().count() >= MIN_HEADLINE_WORDS).then_some(headline)
}

/// The heading's text without a subtitle set after the headline in a last child `<small>`
/// (`<h1>Dezuka Suisan: Fish Cakes <small>Welcome to the Flavor Capital of Northern
/// Japan</small></h1>`). The headline before it holds two words or more.
pub(crate) fn headline_before_subtitle(page: &Page<'_>, heading: u32) -> Option<String> {
    let root = innermost_wrapper(page, heading);
    let children: Vec<u32> = child_indices(page, root)
        .filter(|&child| has_text(page, child))
        .collect();
    let (&subtitle, before) = children.split_last()?;
    let is_small = page
        .element(subtitle)
        .is_some_and(|element| element.name() == "small");
    // An element after a line break is as often the headline's own second line ("WEEKEND
    // CODING<br><span>AGENT</span>") as a subtitle: only `<small>` says subtitle.
    if !is_small {
        return None;
    }
    let headline = before
        .iter()
        .map(|&child| text_of_child(page, child))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (headline.split_whitespace().count() >= MIN_HEADLINE_WORDS).then_some(headline)
}

/// Whether the rendered heading puts a space after the kicker, with or without a separator
/// before it: a label run into the next word ("Category:Programming languages", a wiki's
/// namespace) is part of one name.
fn is_set_apart(full: &str, kicker: &str) -> bool {
    full.trim_start()
        .strip_prefix(kicker.trim())
        .is_some_and(|rest| {
            rest.trim_start_matches(SEPARATORS)
                .starts_with(char::is_whitespace)
        })
}

/// The element whose children are the heading's parts: the heading itself, or the one child
/// element that holds all of its text, followed down.
fn innermost_wrapper(page: &Page<'_>, heading: u32) -> u32 {
    let mut root = heading;
    loop {
        let mut with_text = child_indices(page, root).filter(|&child| has_text(page, child));
        match (with_text.next(), with_text.next()) {
            (Some(only), None) if page.nodes[only as usize].tag != Tag::Text => root = only,
            _ => return root,
        }
    }
}

/// The direct children of an element, in page order.
fn child_indices<'p>(page: &'p Page<'_>, parent: u32) -> impl Iterator<Item = u32> + 'p {
    let end = page.nodes[parent as usize].end;
    let mut next = parent + 1;
    std::iter::from_fn(move || {
        if next >= end {
            return None;
        }
        let child = next;
        next = page.nodes[child as usize].end.max(child + 1);
        Some(child)
    })
}

/// Whether a node holds visible text, or is a line break (which separates a kicker).
fn has_text(page: &Page<'_>, index: u32) -> bool {
    let node = &page.nodes[index as usize];
    node.tag == Tag::Br
        || page.nodes[index as usize..node.end as usize]
            .iter()
            .any(|n| n.text.chars > 0 && n.text.words > 0)
}

/// Whether an element reads as a label set apart from what follows.
fn is_label(page: &Page<'_>, index: u32) -> bool {
    /// Elements a kicker is set in.
    const LABEL_ELEMENTS: &[&str] = &["span", "small", "div", "p", "strong"];
    let Some(name) = page.element(index).map(scraper::node::Element::name) else {
        return false;
    };
    let is_block = matches!(name, "div" | "p");
    let has_class = page
        .attr(index, "class")
        .is_some_and(|class| !class.trim().is_empty());
    let end = page.nodes[index as usize].end;
    let before_break = page.nodes.get(end as usize).is_some_and(|next| {
        next.tag == Tag::Br && next.parent == page.nodes[index as usize].parent
    });
    LABEL_ELEMENTS.contains(&name) && (has_class || before_break || is_block)
}

/// A child's text; a text node's own text.
fn text_of_child(page: &Page<'_>, index: u32) -> String {
    match page.nodes[index as usize].node.value() {
        scraper::Node::Text(text) => text.to_string(),
        _ => page.text_of(index),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn split(html: &str) -> Option<String> {
        let parsed = Html::parse_document(html);
        let page = Page::build(&parsed);
        let heading = (0..page.nodes.len() as u32).find(|&i| page.tag(i) == Tag::H1)?;
        headline_after_kicker(&page, heading)
    }

    #[test]
    fn drops_a_labelled_kicker_before_the_headline() {
        assert_eq!(
            split(
                r#"<h1> <span class="dachzeile">Interne Unterlagen im Netz</span>
                <span class="headline">Daten von Rheinmetall gehackt</span> </h1>"#
            )
            .as_deref(),
            Some("Daten von Rheinmetall gehackt")
        );
        assert_eq!(
            split(r#"<h1><div class="topic">100. Geburtstag</div> Margot wird 100 Jahre</h1>"#)
                .as_deref(),
            Some("Margot wird 100 Jahre")
        );
    }

    #[test]
    fn drops_a_hidden_separator_and_looks_through_wrappers() {
        assert_eq!(
            split(
                r#"<h1><a href="/x"><span class="k">Klimaschutz</span><span class="sr">: </span>
                <span class="t">Bohren, bis es heiß wird</span></a></h1>"#
            )
            .as_deref(),
            Some("Bohren, bis es heiß wird")
        );
        assert_eq!(
            split(
                "<h1><span><small>Einheit der Woche</small><br>Lagen-Pyramide mit GA2</span></h1>"
            )
            .as_deref(),
            Some("Lagen-Pyramide mit GA2")
        );
    }

    #[test]
    fn drops_a_subtitle_after_the_headline() {
        let after = |html: &str| {
            let parsed = Html::parse_document(html);
            let page = Page::build(&parsed);
            let heading = (0..page.nodes.len() as u32).find(|&i| page.tag(i) == Tag::H1)?;
            headline_before_subtitle(&page, heading)
        };
        assert_eq!(
            after("<h1><span>Fish Cakes, Hot and Fresh</span> <small>Welcome north</small></h1>")
                .as_deref(),
            Some("Fish Cakes, Hot and Fresh")
        );
        assert_eq!(after("<h1>WEEKEND CODING<br><span>AGENT</span></h1>"), None);
        assert_eq!(after("<h1>A headline <em>with emphasis</em></h1>"), None);
    }

    #[test]
    fn keeps_numbers_and_names_run_together() {
        assert_eq!(
            split(r#"<h1><span class="section-number">5. </span>Data Structures</h1>"#),
            None
        );
        assert_eq!(
            split(
                r#"<h1><span class="ns">Category</span><span class="sep">:</span><span
                class="main">Programming languages</span></h1>"#
            ),
            None
        );
    }

    #[test]
    fn keeps_emphasis_and_whole_headings() {
        assert_eq!(
            split("<h1><em>Breaking</em> news about the vote</h1>"),
            None
        );
        assert_eq!(
            split("<h1><span>Plain</span> span headline here</h1>"),
            None
        );
        assert_eq!(
            split(r#"<h1><span class="t">One span only</span></h1>"#),
            None
        );
        assert_eq!(split("<h1>Just text</h1>"), None);
    }
}
