//! Inline related links: "Also on rt.com …", "READ MORE: …", "Lesen Sie auch: …" and teaser
//! boxes placed between the paragraphs of a story.
//!
//! They are recognised two ways. A paragraph that opens with a related label
//! ([`RELATED_PREFIXES`]) and carries a link becomes a [`Related`] block. A small box (an
//! element whose class says `related`/`read-more`/`teaser`, or a link wrapping a subtitle, a
//! headline and an image) becomes one [`Related`] block per link it holds; the label is its
//! own short first element (RT's `read-more-big__subtitle`) or the label its text opens with.

use std::sync::LazyLock;

use url::Url;

use crate::clean::Cleaned;
use crate::clean::rules::Hint;
use crate::document::{Inline, Related};
use crate::page::text::push_lowercase;
use crate::page::{Flags, Page, Tag};

use super::inline::{inline_of, resolve_href};
use crate::score::density::BlockText;

/// Labels that introduce a related link, lowercase, in the languages the crate reads.
/// A label matches at the start of a text, followed by a colon, a dash, the end, or (for
/// "also on") a site name.
pub(crate) const RELATED_PREFIXES: &[&str] = &[
    "also on",
    "also read",
    "read also",
    "read more",
    "more on this",
    "more from",
    "related",
    "see also",
    "recommended",
    "you may also like",
    "you might also like",
    "more",
    "watch",
    "listen",
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "auch interessant",
    "das könnte sie auch interessieren",
    "lire aussi",
    "à lire aussi",
    "voir aussi",
    "lire la suite",
    "lea también",
    "lee también",
    "leer más",
    "te puede interesar",
    "vea también",
    "ver también",
    "mira también",
    "mira",
    "leia também",
    "leia mais",
    "veja também",
    "leggi anche",
    "vedi anche",
    "lees ook",
    "lees meer",
    "czytaj też",
    "czytaj także",
    "przeczytaj też",
    "przeczytaj także",
    "читайте также",
    "читать также",
    "смотрите также",
    "по теме",
    "ayrıca okuyun",
    "ilginizi çekebilir",
];

/// Labels that only count when a colon or dash follows them; on their own they open ordinary
/// sentences too ("More than 300 people…", "Watch the full debate below").
const LABELS_NEEDING_COLON: &[&str] =
    &["more", "watch", "listen", "related", "recommended", "mira"];

/// The longest text a related box may hold, in characters.
const MAX_BOX_CHARS: usize = 400;
/// The most links a related box may hold; more is a rail, not an inline box.
const MAX_BOX_LINKS: usize = 5;
/// The longest label, in characters.
const MAX_LABEL_CHARS: usize = 60;
/// The most nodes a related box spans. Larger subtrees are never boxes, and the bound keeps
/// nested boxes from being read once per level.
const MAX_BOX_NODES: u32 = 1024;

/// Splits a text that opens with a related label into `(label, rest)`; the rest is trimmed of
/// the separator.
pub(crate) fn split_label(text: &str) -> Option<(&str, &str)> {
    let trimmed = text.trim_start();
    let first = trimmed.chars().next()?.to_lowercase().next()?;
    if PREFIX_FIRST_CHARS.binary_search(&first).is_err() {
        return None;
    }
    let mut lower_head = String::with_capacity(trimmed.len().min(160));
    push_lowercase(&mut lower_head, trimmed.chars().take(40));
    for prefix in RELATED_PREFIXES {
        if !lower_head.starts_with(prefix) {
            continue;
        }
        let byte_len = byte_len_of_chars(trimmed, prefix.chars().count());
        let (label, rest) = trimmed.split_at(byte_len);
        if let Some(found) = finish_label(prefix, label, rest, trimmed) {
            return Some(found);
        }
    }
    None
}

/// The first characters of [`RELATED_PREFIXES`], sorted: most paragraphs start with none of
/// them.
static PREFIX_FIRST_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut chars: Vec<char> = RELATED_PREFIXES
        .iter()
        .filter_map(|prefix| prefix.chars().next())
        .collect();
    chars.sort_unstable();
    chars.dedup();
    chars
});

/// Decides where a matched label ends and whether what follows makes it a label.
fn finish_label<'t>(
    prefix: &str,
    label: &'t str,
    rest: &'t str,
    whole: &'t str,
) -> Option<(&'t str, &'t str)> {
    let after = rest.trim_start();
    // A hyphen joining the label to a word makes a compound ("MIRA-Award"), not a label.
    if rest
        .strip_prefix('-')
        .is_some_and(|word| word.starts_with(char::is_alphanumeric))
    {
        return None;
    }
    if let Some(stripped) = after.strip_prefix([':', '–', '—', '-', '|', '»', '>']) {
        return Some((label, stripped.trim_start()));
    }
    if rest.starts_with(char::is_alphanumeric) {
        return None;
    }
    if LABELS_NEEDING_COLON.contains(&prefix) {
        return None;
    }
    if prefix == "also on" {
        // "Also on rt.com Russia won't…": the site name is part of the label.
        let site_len = after.find(char::is_whitespace).unwrap_or(after.len());
        let site = &after[..site_len];
        if site.contains('.') {
            let label_len = whole.len() - after.len() + site_len;
            let (label, title) = whole.split_at(label_len);
            let title = title.trim_start_matches([':', ' ']).trim_start();
            return Some((label, title));
        }
    }
    Some((label, after))
}

fn byte_len_of_chars(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// A paragraph that opens with a related label and whose link covers the rest becomes a
/// related link: `READ MORE: <a>Insulting Putin should be…</a>`.
pub(crate) fn from_paragraph(inline: &Inline) -> Option<Related> {
    let (label, rest) = split_label(&inline.text)?;
    if rest.is_empty() {
        return None;
    }
    let link = inline.links.iter().max_by_key(|link| link.text.len())?;
    if link.text.chars().count() * 2 < rest.chars().count() {
        return None;
    }
    // The label may sit inside the link ("<a>Lire aussi | Les pentes …</a>").
    Some(Related {
        label: clean_label(label),
        title: strip_label(&link.text, Some(label)).to_owned(),
        url: link.url.clone(),
    })
}

/// Whether the element at `index` looks like an inline related box: its class says so, or it
/// is a link wrapping an image or block-level parts (a teaser card); and it stands on its own
/// rather than inside a sentence.
pub(crate) fn is_box_candidate(
    page: &Page<'_>,
    cleaned: &Cleaned,
    blocks: &[BlockText],
    index: u32,
) -> bool {
    let Some(node) = page.nodes.get(index as usize) else {
        return false;
    };
    if node.end.saturating_sub(index) > MAX_BOX_NODES {
        return false;
    }
    let inner = page
        .nodes
        .get(index as usize + 1..node.end as usize)
        .unwrap_or_default();
    let marked = node.hints.has(Hint::Related)
        || cleaned.reason(index) == Some(crate::clean::Reason::Related);
    let teaser =
        node.tag == Tag::A && node.flags.contains(Flags::IN_LINK) && is_teaser_card(inner, index);
    // An aside holding one link is a rich-link card set into the text (the Guardian's
    // `element-rich-link`).
    let linked_aside = node.tag == Tag::Aside && holds_one_link(page, index);
    if !(marked || teaser || linked_aside) {
        return false;
    }
    if node.tag.is_block() {
        return true;
    }
    // The owner's block text leaves out removed subtrees, so a removed box is not in it.
    let own_chars: u32 = if cleaned.reason(index).is_some() {
        0
    } else {
        inner.iter().map(|n| n.text.chars).sum()
    };
    let owner_chars = blocks.get(node.owner as usize).map_or(0, |b| b.all.chars);
    owner_chars <= own_chars + 3
}

/// Whether a subtree holds exactly one distinct link target.
fn holds_one_link(page: &Page<'_>, index: u32) -> bool {
    let end = page.nodes.get(index as usize).map_or(index, |n| n.end);
    let mut target = None;
    for at in index..end {
        if page.tag(at) != Tag::A {
            continue;
        }
        let Some(href) = page.attr(at, "href") else {
            continue;
        };
        match target {
            None => target = Some(href),
            Some(seen) if seen == href => {}
            Some(_) => return false,
        }
    }
    target.is_some()
}

/// A link wrapping an image or at least two text blocks of its own (kicker and headline).
fn is_teaser_card(inner: &[crate::page::PageNode<'_>], index: u32) -> bool {
    let has_image = inner
        .iter()
        .any(|n| matches!(n.tag, Tag::Img | Tag::Picture));
    let mut owners = inner
        .iter()
        .filter(|n| n.tag == Tag::Text && n.text.chars > 0 && n.owner > index)
        .map(|n| n.owner);
    let first = owners.next();
    has_image || first.is_some_and(|first| owners.any(|o| o != first))
}

/// Turns a small related box into related links, one per link; `None` when it is not small
/// or holds no link.
pub(crate) fn from_box(
    page: &Page<'_>,
    base: Option<&Url>,
    cleaned: &Cleaned,
    index: u32,
) -> Option<Vec<Related>> {
    let inline = inline_of(page, cleaned, base, index, |_| false);
    let self_url = (page.tag(index) == Tag::A)
        .then(|| page.attr(index, "href").and_then(|h| resolve_href(h, base)))
        .flatten();
    let text = inline.text.as_str();
    if text.is_empty() || text.chars().count() > MAX_BOX_CHARS {
        return None;
    }
    let label = box_label(page, index, text);
    if let Some(url) = self_url {
        let title = strip_label(text, label.as_deref());
        return Some(vec![related(label.as_deref(), title, url)]);
    }
    let mut links: Vec<_> = inline
        .links
        .iter()
        .filter(|link| !is_label(&link.text, label.as_deref()))
        .collect();
    links.dedup_by(|later, earlier| later.url == earlier.url);
    if links.is_empty() || links.len() > MAX_BOX_LINKS || is_rail(page, index, links.len()) {
        return None;
    }
    Some(
        links
            .into_iter()
            .map(|link| {
                let title = strip_label(&link.text, label.as_deref());
                related(label.as_deref(), title, link.url.clone())
            })
            .collect(),
    )
}

/// Several links under headings make a rail of teasers (the related posts of `WordPress` Jetpack),
/// not an inline box.
fn is_rail(page: &Page<'_>, index: u32, links: usize) -> bool {
    let end = page.nodes.get(index as usize).map_or(index, |n| n.end);
    links >= 2 && (index..end).any(|at| page.tag(at).heading_level().is_some())
}

fn related(label: Option<&str>, title: &str, url: String) -> Related {
    Related {
        label: label.map(clean_label).unwrap_or_default(),
        title: title.to_owned(),
        url,
    }
}

/// The label of a box: the related label its text opens with, or its own short first text
/// element when more text follows.
fn box_label(page: &Page<'_>, index: u32, text: &str) -> Option<String> {
    element_label(page, index, text)
        .or_else(|| split_label(text).map(|(label, _)| label.to_owned()))
}

/// The box's own short first text element, when more text follows it.
fn element_label(page: &Page<'_>, index: u32, text: &str) -> Option<String> {
    let node = page.nodes.get(index as usize)?;
    let first_text = page.nodes[index as usize + 1..node.end as usize]
        .iter()
        .find(|n| n.tag == Tag::Text && n.text.chars > 0)?;
    let scraper::Node::Text(first) = first_text.node.value() else {
        return None;
    };
    let first = first.trim();
    let is_separate = first_text.parent != index;
    let short = first.chars().count() <= MAX_LABEL_CHARS;
    (is_separate && short && text.len() >= first.len() + 10).then(|| first.to_owned())
}

fn is_label(text: &str, label: Option<&str>) -> bool {
    label.is_some_and(|label| text.trim() == label.trim())
}

/// The text without its leading label and separator.
fn strip_label<'t>(text: &'t str, label: Option<&str>) -> &'t str {
    let Some(label) = label else {
        return text.trim();
    };
    text.trim()
        .strip_prefix(label.trim())
        .map_or(text.trim(), |rest| {
            rest.trim_start_matches([':', '–', '—', '-', '|', '»', ' '])
        })
}

/// A label as shown: whitespace collapsed, without a trailing colon or dash.
fn clean_label(label: &str) -> String {
    let label = label
        .trim()
        .trim_end_matches([':', '–', '—', '-', '|', '»', '>']);
    let mut out = String::new();
    crate::page::text::push_collapsed(&mut out, label);
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Link;

    #[test]
    fn splits_labels_with_a_colon() {
        assert_eq!(
            split_label("READ MORE: Insulting Putin should be punishable"),
            Some(("READ MORE", "Insulting Putin should be punishable"))
        );
        assert_eq!(
            split_label("Lesen Sie auch: Der Sturm"),
            Some(("Lesen Sie auch", "Der Sturm"))
        );
    }

    #[test]
    fn reads_spanish_labels_but_not_compounds() {
        assert_eq!(
            split_label("MIRA: Madre se acerca a conocer los motivos"),
            Some(("MIRA", "Madre se acerca a conocer los motivos"))
        );
        assert_eq!(
            split_label("VEA TAMBIÉN: Entre heces y guaricha"),
            Some(("VEA TAMBIÉN", "Entre heces y guaricha"))
        );
        assert_eq!(split_label("Mira el video completo aquí"), None);
        assert_eq!(split_label("MIRA-Award Nominierung"), None);
        assert_eq!(split_label("More-than-usual rainfall"), None);
    }

    #[test]
    fn keeps_the_site_in_an_also_on_label() {
        assert_eq!(
            split_label("Also on rt.com Russia won't be talked to"),
            Some(("Also on rt.com", "Russia won't be talked to"))
        );
    }

    #[test]
    fn ignores_sentences_that_merely_start_alike() {
        assert_eq!(split_label("More than 300 people were evacuated."), None);
        assert_eq!(split_label("Related companies reported losses."), None);
        assert_eq!(split_label("Readmore is a word."), None);
    }

    #[test]
    fn paragraph_with_label_and_link_becomes_related() {
        let text = "READ MORE: Insulting Putin should be punishable";
        let inline = Inline {
            text: text.into(),
            links: vec![Link {
                text: "Insulting Putin should be punishable".into(),
                url: "https://www.rt.com/russia/519006/".into(),
                start: 11,
                end: text.len(),
            }],
            marks: Vec::new(),
        };
        let related = from_paragraph(&inline).unwrap();
        assert_eq!(related.label, "READ MORE");
        assert_eq!(related.title, "Insulting Putin should be punishable");
        assert_eq!(related.url, "https://www.rt.com/russia/519006/");
    }

    #[test]
    fn keeps_a_label_inside_the_link_out_of_the_title() {
        let text = "Lire aussi | Les pentes de la Croix-Rousse, un patrimoine sous pression";
        let inline = Inline {
            text: text.into(),
            links: vec![Link {
                text: text.into(),
                url: "https://example.fr/pentes".into(),
                start: 0,
                end: text.len(),
            }],
            marks: Vec::new(),
        };
        let related = from_paragraph(&inline).unwrap();
        assert_eq!(related.label, "Lire aussi");
        assert_eq!(
            related.title,
            "Les pentes de la Croix-Rousse, un patrimoine sous pression"
        );
    }

    #[test]
    fn paragraph_without_a_covering_link_stays_text() {
        let text = "Read more: the council said it would decide on the budget next week.";
        let inline = Inline {
            text: text.into(),
            links: vec![Link {
                text: "council".into(),
                url: "https://example.com/c".into(),
                start: 15,
                end: 22,
            }],
            marks: Vec::new(),
        };
        assert_eq!(from_paragraph(&inline), None);
    }

    #[test]
    fn labels_are_cleaned_for_display() {
        assert_eq!(clean_label(" READ  MORE: "), "READ MORE");
    }
}
