//! Page structure that is chrome by its tag: navigation, site header and footer, asides and
//! small forms.

use super::Reason;
use crate::page::{Flags, Page, Tag};

/// A form with at least this many fields a visitor fills in is a data-entry form (an
/// enquiry, a registration, a quote request), whatever prose its labels and terms add up to.
const DATA_ENTRY_MIN_FIELDS: usize = 8;

/// The structural removal reason for the element at `index`, if any.
///
/// A `<header>` inside `<article>` or `<main>` holds the headline, byline and often the lead,
/// so only headers outside them are chrome. Footers are chrome everywhere: inside an article
/// they carry tags, share bars and author boxes.
pub(crate) fn reason(page: &Page<'_>, index: u32) -> Option<Reason> {
    match page.tag(index) {
        Tag::Nav | Tag::Menu => Some(Reason::Navigation),
        Tag::Footer => Some(Reason::Footer),
        Tag::Header if !is_inside_article(page, index) => Some(Reason::Navigation),
        Tag::Aside => Some(Reason::Sidebar),
        Tag::Form | Tag::Fieldset => Some(Reason::Form),
        _ => None,
    }
}

/// Whether the form at `index` asks for at least [`DATA_ENTRY_MIN_FIELDS`] entries (an
/// enquiry, a registration, a quote request). It runs only for forms that would otherwise be
/// kept as prose.
pub(crate) fn is_data_entry_form(page: &Page<'_>, index: u32) -> bool {
    asks_for_entries(page, index, DATA_ENTRY_MIN_FIELDS)
}

/// Whether the form at `index` asks for no entry at all: it only wraps text and hidden
/// state, as old.reddit.com wraps each comment in the form that would edit it.
pub(crate) fn asks_for_nothing(page: &Page<'_>, index: u32) -> bool {
    !asks_for_entries(page, index, 1)
}

/// Whether the form at `index` asks for at least `min` entries: text inputs, check boxes,
/// pickers or text areas (hidden inputs and buttons are no entries). Form controls are not
/// indexed, so this walks the form's markup.
fn asks_for_entries(page: &Page<'_>, index: u32, min: usize) -> bool {
    let Some(node) = page.nodes.get(index as usize) else {
        return false;
    };
    node.node
        .descendants()
        .filter_map(|descendant| descendant.value().as_element())
        .filter(|element| match element.name() {
            "select" | "textarea" => true,
            "input" => !element.attr("type").is_some_and(|kind| {
                ["hidden", "submit", "button", "image", "reset"]
                    .iter()
                    .any(|not_an_entry| kind.eq_ignore_ascii_case(not_an_entry))
            }),
            _ => false,
        })
        .nth(min.saturating_sub(1))
        .is_some()
}

/// Whether an `<article>` or `<main>` encloses the element at `index`.
fn is_inside_article(page: &Page<'_>, index: u32) -> bool {
    page.nodes
        .get(index as usize)
        .is_some_and(|node| node.flags.contains(Flags::IN_ARTICLE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn reasons(html: &str) -> Vec<(Tag, Option<Reason>)> {
        let parsed = Html::parse_document(html);
        let page = Page::build(&parsed);
        (0..page.nodes.len() as u32)
            .filter(|&i| page.tag(i) != Tag::Text)
            .map(|i| (page.tag(i), reason(&page, i)))
            .filter(|(tag, _)| matches!(tag, Tag::Nav | Tag::Header | Tag::Aside | Tag::Form))
            .collect()
    }

    #[test]
    fn marks_navigation_asides_and_forms() {
        let found = reasons("<nav>a</nav><aside>b</aside><form>c</form>");
        assert_eq!(
            found,
            [
                (Tag::Nav, Some(Reason::Navigation)),
                (Tag::Aside, Some(Reason::Sidebar)),
                (Tag::Form, Some(Reason::Form)),
            ]
        );
    }

    #[test]
    fn keeps_headers_inside_articles() {
        let found = reasons("<header>site</header><article><header>lead</header></article>");
        assert_eq!(
            found,
            [(Tag::Header, Some(Reason::Navigation)), (Tag::Header, None)]
        );
    }
}
