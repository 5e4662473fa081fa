//! Icon glyphs and their labels.
//!
//! Icon fonts and sprites leave words in the text: `<i class="material-icons">share</i>`,
//! `<span class="icon icon-bookmark">bookmark</span>`. An element whose class marks it as an
//! icon and whose text is as short as a label is removed. (Inline SVG sprites, whose
//! `<symbol><title>` labels open the seed page's naive text, never reach this pass: `svg` is
//! not indexed at all.)

use super::Reason;
use super::rules::Hint;
use crate::page::Page;

/// The longest text, in characters, that an icon element may hold.
const MAX_ICON_LABEL_CHARS: u32 = 40;
/// How many nodes to look at before deciding an element is too big to be an icon.
const MAX_ICON_NODES: usize = 64;

/// [`Reason::Icon`] when the element at `index` is an icon with at most a short label.
pub(crate) fn reason(page: &Page<'_>, index: u32) -> Option<Reason> {
    let node = page.nodes.get(index as usize)?;
    if !node.hints.has(Hint::Icon) {
        return None;
    }
    let subtree = page.nodes.get(index as usize..node.end as usize)?;
    if subtree.len() > MAX_ICON_NODES {
        return None;
    }
    // A heading is words, not a glyph's label, whatever its class says (`icon-heading`, a
    // card's `icon-block` around its title).
    if subtree.iter().any(|n| n.tag.heading_level().is_some()) {
        return None;
    }
    let chars: u32 = subtree.iter().map(|n| n.text.chars).sum();
    (chars <= MAX_ICON_LABEL_CHARS).then_some(Reason::Icon)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Tag;
    use scraper::Html;

    fn reasons(html: &str) -> Vec<Option<Reason>> {
        let parsed = Html::parse_document(html);
        let page = Page::build(&parsed);
        (0..page.nodes.len() as u32)
            .filter(|&i| matches!(page.tag(i), Tag::I | Tag::Span))
            .map(|i| reason(&page, i))
            .collect()
    }

    #[test]
    fn strips_icon_font_labels() {
        let found = reasons(
            "<p><i class='material-icons'>share</i><span class='icon-bookmark'>bookmark</span></p>",
        );
        assert_eq!(found, [Some(Reason::Icon), Some(Reason::Icon)]);
    }

    #[test]
    fn keeps_headings_in_icon_classed_elements() {
        let parsed = Html::parse_document(
            "<div class='icon-stack-block'><h3>Live TV</h3></div>\
             <h2 class='icon-heading'>Stream it all</h2>",
        );
        let page = Page::build(&parsed);
        let found: Vec<_> = (0..page.nodes.len() as u32)
            .filter(|&i| matches!(page.tag(i), Tag::Div | Tag::H2 | Tag::H3))
            .map(|i| reason(&page, i))
            .collect();
        assert_eq!(found, [None, None, None]);
    }

    #[test]
    fn keeps_long_text_in_icon_classed_elements() {
        let long = "This paragraph merely sits in a badly named wrapper and is real text.";
        let found = reasons(&format!("<span class='iconic-quote'>{long}</span>"));
        assert_eq!(found, [None]);
    }
}
