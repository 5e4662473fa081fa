//! A second opinion from the publisher. When a page carries its own body text (JSON-LD
//! `articleBody`) and the extracted body agrees with it, paragraphs that share nothing with it
//! are furniture the page-level heuristics let through: a newsletter box, a caption, an author
//! bio, a rail's teaser.
//!
//! The comparison is on word shingles (three lowercase words), so spacing, punctuation and
//! markup left in `articleBody` do not matter. It only removes blocks, never adds: the
//! publisher's text has no structure, links or order of blocks to rebuild from.

use std::hash::BuildHasher;

use foldhash::HashSet;
use foldhash::fast::FixedState;

use crate::document::{Block, Inline};
use crate::page::text::push_lowercase;

/// Words per shingle.
const SHINGLE_WORDS: usize = 3;
/// An `articleBody` shorter than this (shingles) is a teaser, not the text.
const MIN_BODY_SHINGLES: usize = 60;
/// Share of the extracted body's shingles that must appear in `articleBody` before it is
/// trusted: both then describe the same text.
const MIN_AGREEMENT: f32 = 0.6;
/// `articleBody` must hold at least this share of the extracted body's shingles' count: a
/// shortened version (the first paragraphs only) would condemn the rest.
const MIN_COVERAGE: f32 = 0.7;
/// A block with fewer of its shingles than this share in `articleBody` is dropped.
const MIN_BLOCK_SHARE: f32 = 0.4;

/// Drops the prose blocks that `article_body` does not contain, when the two agree overall.
/// A block the page's `description` holds is confirmed too, except the first `unconfirmed`
/// blocks: publishers keep the lead (the standfirst shown above the text) out of
/// `articleBody` and state it as the description.
pub(crate) fn filter(
    blocks: Vec<Block>,
    article_body: &str,
    description: Option<&str>,
    unconfirmed: usize,
) -> Vec<Block> {
    let reference = shingles(&strip_markup(article_body));
    if reference.len() < MIN_BODY_SHINGLES {
        return blocks;
    }
    let own: Vec<HashSet<u64>> = blocks.iter().map(|b| shingles(&text_of(b))).collect();
    let extracted: HashSet<u64> = own.iter().flatten().copied().collect();
    if extracted.is_empty() {
        return blocks;
    }
    let shared = extracted.intersection(&reference).count();
    let agreement = shared as f32 / extracted.len() as f32;
    let coverage = reference.len() as f32 / extracted.len() as f32;
    if agreement < MIN_AGREEMENT || coverage < MIN_COVERAGE {
        return blocks;
    }
    let lead = description.map(shingles).unwrap_or_default();
    blocks
        .into_iter()
        .zip(&own)
        .enumerate()
        .filter(|(at, (block, own))| {
            is_confirmed(block, own, &reference)
                || (*at >= unconfirmed && is_confirmed(block, own, &lead))
        })
        .map(|(_, (block, _))| block)
        .collect()
}

/// Whether a block with the shingles `own` is kept: structure and short lines always, prose
/// when the publisher's text holds enough of it.
fn is_confirmed(block: &Block, own: &HashSet<u64>, reference: &HashSet<u64>) -> bool {
    if !matches!(
        block,
        Block::Paragraph(_) | Block::Quote(_) | Block::List(_)
    ) {
        return true;
    }
    if own.is_empty() {
        return true;
    }
    let found = own.iter().filter(|s| reference.contains(s)).count();
    found as f32 >= MIN_BLOCK_SHARE * own.len() as f32
}

fn text_of(block: &Block) -> String {
    match block {
        Block::Paragraph(Inline { text, .. }) | Block::Quote(Inline { text, .. }) => text.clone(),
        Block::Heading { text, .. } => text.clone(),
        Block::List(list) => list
            .items
            .iter()
            .map(|item| item.content.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    }
}

/// Text without `<…>` tags, which some publishers leave in `articleBody`.
fn strip_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Hashes of the runs of [`SHINGLE_WORDS`] lowercase words of a text. Each word is hashed
/// once, lowercased in one reused buffer, and a shingle's hash combines its words' hashes in
/// order; the seed is fixed, so the two texts compared hash alike.
fn shingles(text: &str) -> HashSet<u64> {
    let hashes = FixedState::with_seed(0x6e65_7773_7072_696e);
    let mut lowercase = String::new();
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|word| {
            lowercase.clear();
            push_lowercase(&mut lowercase, word.chars());
            hashes.hash_one(lowercase.as_str())
        })
        .collect();
    words
        .windows(SHINGLE_WORDS)
        .map(|window| hashes.hash_one(window))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph(Inline::plain(text))
    }

    fn story() -> Vec<String> {
        (0..12)
            .map(|i| {
                format!(
                    "Paragraph {i} tells how the harbour board met on Monday and agreed the new \
                     mooring fees after hearing fishermen from the north quay number {i}."
                )
            })
            .collect()
    }

    #[test]
    fn drops_paragraphs_the_publisher_text_lacks() {
        let body = story().join("\n");
        let mut blocks: Vec<Block> = story().iter().map(|p| paragraph(p)).collect();
        blocks.insert(
            6,
            paragraph("Sign up to our weekly newsletter for the best local stories."),
        );
        let kept = filter(blocks, &body, None, 0);
        assert_eq!(kept.len(), 12);
        assert!(kept.iter().all(|b| !text_of(b).contains("newsletter")));
    }

    #[test]
    fn keeps_the_lead_the_description_states() {
        let body = story().join("\n");
        let lead = "Fishermen won a cut in the mooring fees, which the board had wanted doubled.";
        let mut blocks: Vec<Block> = story().iter().map(|p| paragraph(p)).collect();
        blocks.insert(0, paragraph(lead));
        assert_eq!(filter(blocks.clone(), &body, None, 0).len(), 12);
        assert_eq!(filter(blocks.clone(), &body, Some(lead), 1).len(), 12);
        let kept = filter(blocks, &body, Some(lead), 0);
        assert_eq!(kept.len(), 13);
        assert_eq!(text_of(&kept[0]), lead);
    }

    #[test]
    fn ignores_a_teaser_length_article_body() {
        let blocks: Vec<Block> = story().iter().map(|p| paragraph(p)).collect();
        let kept = filter(
            blocks.clone(),
            "Paragraph 0 tells how the harbour board met.",
            None,
            0,
        );
        assert_eq!(kept, blocks);
    }

    #[test]
    fn ignores_an_article_body_that_disagrees() {
        let other: String = (0..12)
            .map(|i| format!("An unrelated text about mountain weather and snow, part {i}. "))
            .collect::<Vec<_>>()
            .join(" ")
            .repeat(3);
        let blocks: Vec<Block> = story().iter().map(|p| paragraph(p)).collect();
        assert_eq!(filter(blocks.clone(), &other, None, 0), blocks);
    }

    #[test]
    fn reads_through_markup_in_article_body() {
        assert_eq!(strip_markup("<p>One</p><p>two</p>").trim(), "One  two");
    }
}
