//! Text blocks and their density: how much of a block is prose and how much is links or labels.
//!
//! A text block is the text owned by one block-level element (its inline descendants
//! included, its block descendants excluded). Its value splits into *good* characters, those
//! that read like article prose, and *junk* characters: link text, and short labels without
//! sentence punctuation (menu entries, buttons, bylines, counters).

use crate::clean::Cleaned;
use crate::page::{Flags, Measure, Page, PageNode, Tag};

/// A block at least this long (characters outside links) reads as prose on length alone.
const PROSE_CHARS: u32 = 80;
/// A block this long with sentence punctuation reads as prose.
const SENTENCE_CHARS: u32 = 25;
/// Shorter blocks count as half prose, half junk; below it, as junk.
const LABEL_CHARS: u32 = 10;
/// Blocks whose share of link text exceeds this are links, not prose.
const MAX_PROSE_LINK_DENSITY: f32 = 0.5;
/// A text this long or shorter that holds a currency sign and a digit is a price line.
const PRICE_LINE_MAX_CHARS: u32 = 40;
/// Currency signs that stand beside a price.
const CURRENCY_SIGNS: [char; 12] = ['$', '€', '£', '¥', '₹', '₽', '₩', '₺', '₪', '฿', '₫', '₱'];

/// The text owned directly by one block element.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct BlockText {
    /// All visible text.
    pub(crate) all: Measure,
    /// Characters inside links.
    pub(crate) link_chars: u32,
}

impl BlockText {
    /// Share of the block's characters that sit inside links.
    pub(crate) fn link_density(&self) -> f32 {
        self.link_chars as f32 / self.all.chars.max(1) as f32
    }

    /// Characters outside links.
    pub(crate) fn prose_chars(&self) -> u32 {
        self.all.chars.saturating_sub(self.link_chars)
    }

    /// Splits the block into good (prose) and junk characters.
    pub(crate) fn value(&self) -> Value {
        let prose = self.prose_chars();
        if self.link_density() > MAX_PROSE_LINK_DENSITY {
            return Value {
                good: 0.0,
                junk: self.all.chars as f32,
                heading: 0.0,
            };
        }
        let prose_share =
            if prose >= PROSE_CHARS || (prose >= SENTENCE_CHARS && self.all.punctuation > 0) {
                1.0
            } else if prose >= LABEL_CHARS {
                0.5
            } else {
                0.0
            };
        let good = prose as f32 * prose_share;
        Value {
            good,
            junk: self.all.chars as f32 - good,
            heading: 0.0,
        }
    }
}

/// Good and junk characters of a block or subtree, and the characters of its headings, which
/// count as neither.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Value {
    pub(crate) good: f32,
    pub(crate) junk: f32,
    pub(crate) heading: f32,
}

impl Value {
    pub(crate) fn add(&mut self, other: Value) {
        self.good += other.good;
        self.junk += other.junk;
        self.heading += other.heading;
    }

    /// Every character, headings included.
    pub(crate) fn total(&self) -> f32 {
        self.good + self.junk + self.heading
    }
}

/// The text block of every block element, indexed like [`Page::nodes`]; text in removed
/// subtrees is not counted.
pub(crate) fn block_texts(page: &Page<'_>, cleaned: &Cleaned) -> Vec<BlockText> {
    let mut blocks = vec![BlockText::default(); page.nodes.len()];
    let mut index = 0;
    while let Some(node) = page.nodes.get(index) {
        if cleaned.reason(index as u32).is_some() {
            index = node.end as usize;
            continue;
        }
        if node.tag == Tag::Text
            && node.text.chars > 0
            && !node.flags.contains(Flags::IN_HEAD)
            && let Some(block) = blocks.get_mut(node.owner as usize)
        {
            block.all.add(node.text);
            if node.flags.contains(Flags::IN_LINK) {
                block.link_chars += node.text.chars;
            }
        }
        index += 1;
    }
    blocks
}

/// The short texts (at most [`PRICE_LINE_MAX_CHARS`] characters) under `root`, outside removed
/// subtrees: the most price lines it can hold, counted from the index alone.
pub(crate) fn short_texts(page: &Page<'_>, cleaned: &Cleaned, root: u32) -> u32 {
    count_short_texts(page, cleaned, root, |_| true)
}

/// The price lines under `root`, outside removed subtrees: short texts that hold a digit and a
/// currency sign (`$24.99`, `19,90 €`), as a product card's price does.
pub(crate) fn price_lines(page: &Page<'_>, cleaned: &Cleaned, root: u32) -> u32 {
    count_short_texts(page, cleaned, root, is_price_text)
}

/// Whether a text node is a price line: a short visible text holding a digit and a currency
/// sign.
pub(crate) fn is_price_line(node: &PageNode<'_>) -> bool {
    node.tag == Tag::Text
        && (1..=PRICE_LINE_MAX_CHARS).contains(&node.text.chars)
        && !node.flags.contains(Flags::IN_HEAD)
        && node
            .node
            .value()
            .as_text()
            .is_some_and(|text| is_price_text(text))
}

/// Whether a short text reads as a price (`$24.99`, `19,90 €`).
fn is_price_text(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit()) && text.contains(CURRENCY_SIGNS)
}

/// Counts the short visible texts under `root` for which `counts` holds.
fn count_short_texts(
    page: &Page<'_>,
    cleaned: &Cleaned,
    root: u32,
    counts: impl Fn(&str) -> bool,
) -> u32 {
    let end = page.nodes.get(root as usize).map_or(root, |node| node.end);
    let mut found = 0;
    let mut index = root;
    while index < end {
        let node = &page.nodes[index as usize];
        if cleaned.reason(index).is_some() {
            index = node.end.max(index + 1);
            continue;
        }
        if node.tag == Tag::Text
            && (1..=PRICE_LINE_MAX_CHARS).contains(&node.text.chars)
            && !node.flags.contains(Flags::IN_HEAD)
            && node.node.value().as_text().is_some_and(|text| counts(text))
        {
            found += 1;
        }
        index += 1;
    }
    found
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // the values compared are small integers, exact in f32
mod tests {
    use super::*;

    fn block(chars: u32, punctuation: u32, link_chars: u32) -> BlockText {
        BlockText {
            all: Measure {
                chars,
                punctuation,
                words: chars / 5,
            },
            link_chars,
        }
    }

    #[test]
    fn long_text_is_prose() {
        assert_eq!(
            block(120, 0, 0).value(),
            Value {
                good: 120.0,
                junk: 0.0,
                heading: 0.0
            }
        );
    }

    #[test]
    fn short_sentence_with_punctuation_is_prose() {
        assert_eq!(block(30, 1, 0).value().good, 30.0);
    }

    #[test]
    fn link_lists_are_junk() {
        assert_eq!(
            block(100, 2, 80).value(),
            Value {
                good: 0.0,
                junk: 100.0,
                heading: 0.0
            }
        );
    }

    #[test]
    fn labels_are_junk() {
        assert_eq!(block(6, 0, 0).value().good, 0.0);
        assert_eq!(block(20, 0, 0).value().good, 10.0);
    }
}
