//! Inline text as properly nested spans: the byte ranges of an [`Inline`]'s links and marks may
//! overlap in any way (a mark split across a block boundary, `<b>` misnested with `<a>`), and
//! Markdown and HTML both need them as a tree.
//!
//! The text is cut at every range boundary and line break. Each piece carries the set of spans
//! that cover it (at most one link, the first in order; any marks), and the pieces are walked
//! with a stack of open spans: spans that stay open stay on the stack, new ones open with the
//! longest-running outermost, and a code mark is always innermost, because a Markdown code span
//! can hold nothing but text. Whitespace at the start and end of the text and around line
//! breaks is left out, and so are empty lines.

use crate::document::{Inline, Link, MarkKind};

/// A span of inline formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Span {
    /// The link at this index of [`Inline::links`].
    Link(usize),
    /// Emphasis of this kind.
    Mark(MarkKind),
}

/// One step of the walk over an inline text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event<'a> {
    /// A span opens.
    Open(Span),
    /// The most recently opened span still open closes.
    Close(Span),
    /// Text without line breaks, and the byte offset where it starts in [`Inline::text`].
    Text(&'a str, usize),
    /// A line break between two non-empty lines.
    Break,
}

/// A piece of the text between two boundaries.
#[derive(Debug, Clone, Copy)]
struct Piece<'a> {
    /// The text, or `None` for a line break.
    text: Option<&'a str>,
    /// Where the text starts in the inline's text.
    start: usize,
    /// Which of the inline's links covers it.
    link: Option<usize>,
    /// Which marks cover it, as bits (see [`mark_bit`]).
    marks: u8,
}

/// The nested events of an inline text. Links for which `keep_link` says no are left out (their
/// text stays).
pub(crate) fn events(inline: &Inline, keep_link: impl Fn(&Link) -> bool) -> Vec<Event<'_>> {
    let pieces = pieces(inline, &keep_link);
    nest(&pieces)
}

/// Cuts the text at every boundary and gives each piece its spans; whitespace around line
/// breaks and at either end is trimmed away.
fn pieces<'a>(inline: &'a Inline, keep_link: &impl Fn(&Link) -> bool) -> Vec<Piece<'a>> {
    let text = inline.text.as_str();
    let len = text.len();
    let valid = |start: usize, end: usize| {
        start < end && end <= len && text.is_char_boundary(start) && text.is_char_boundary(end)
    };
    let links: Vec<(usize, usize, usize)> = (inline.links.iter().enumerate())
        .filter(|(_, link)| valid(link.start, link.end) && keep_link(link))
        .map(|(index, link)| (index, link.start, link.end))
        .collect();
    let marks: Vec<(u8, usize, usize)> = (inline.marks.iter())
        .filter(|mark| valid(mark.start, mark.end))
        .map(|mark| (mark_bit(mark.kind), mark.start, mark.end))
        .collect();
    let mut cuts: Vec<usize> = vec![0, len];
    cuts.extend(links.iter().flat_map(|&(_, start, end)| [start, end]));
    cuts.extend(marks.iter().flat_map(|&(_, start, end)| [start, end]));
    cuts.extend(text.match_indices('\n').flat_map(|(at, _)| [at, at + 1]));
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces: Vec<Piece<'a>> = Vec::with_capacity(cuts.len());
    for window in cuts.windows(2) {
        let (start, end) = (window[0], window[1]);
        let piece_text = &text[start..end];
        let link = links
            .iter()
            .find(|&&(_, s, e)| s <= start && end <= e)
            .map(|&(index, _, _)| index);
        let marks = marks
            .iter()
            .filter(|&&(_, s, e)| s <= start && end <= e)
            .fold(0, |bits, &(bit, _, _)| bits | bit);
        let text = (piece_text != "\n").then_some(piece_text);
        pieces.push(Piece {
            text,
            start,
            link,
            marks,
        });
    }
    trim_lines(&mut pieces);
    break_formatting(&mut pieces);
    pieces
}

/// A line break is inside a span only where the text on both sides is, and (see [`nest`]) the
/// span is open already: a Markdown delimiter or link bracket never stands right before or
/// after a hard break.
fn break_formatting(pieces: &mut [Piece<'_>]) {
    for at in 0..pieces.len() {
        if pieces[at].text.is_some() {
            continue;
        }
        let (before, after) = (
            at.checked_sub(1).map(|i| pieces[i]),
            pieces.get(at + 1).copied(),
        );
        let (link, marks) = match (before, after) {
            (Some(before), Some(after)) => (
                before.link.filter(|_| before.link == after.link),
                before.marks & after.marks,
            ),
            _ => (None, 0),
        };
        pieces[at].link = link;
        pieces[at].marks = marks;
    }
}

/// Trims whitespace at the start and end of every line and drops empty lines.
fn trim_lines(pieces: &mut Vec<Piece<'_>>) {
    // Forwards: leading whitespace of each line, and breaks that would start an empty line.
    let mut at_line_start = true;
    for piece in pieces.iter_mut() {
        match &mut piece.text {
            None if at_line_start => piece.text = Some(""),
            None => at_line_start = true,
            Some(text) if at_line_start => {
                let trimmed = text.trim_start();
                piece.start += text.len() - trimmed.len();
                *text = trimmed;
                at_line_start = text.is_empty();
            }
            Some(_) => {}
        }
    }
    // Backwards: trailing whitespace of each line, and a break that would end the text.
    let mut at_line_end = true;
    for piece in pieces.iter_mut().rev() {
        match &mut piece.text {
            None if at_line_end => piece.text = Some(""),
            None => at_line_end = true,
            Some(text) if at_line_end => {
                *text = text.trim_end();
                at_line_end = text.is_empty();
            }
            Some(_) => {}
        }
    }
    pieces.retain(|piece| piece.text != Some(""));
}

fn mark_bit(kind: MarkKind) -> u8 {
    match kind {
        MarkKind::Emphasis => 1,
        MarkKind::Strong => 2,
        MarkKind::Code => 4,
    }
}

const MARK_KINDS: [MarkKind; 3] = [MarkKind::Emphasis, MarkKind::Strong, MarkKind::Code];

fn is_active(piece: &Piece<'_>, span: Span) -> bool {
    match span {
        Span::Link(index) => piece.link == Some(index),
        Span::Mark(kind) => piece.marks & mark_bit(kind) != 0,
    }
}

/// Walks the pieces with a stack of open spans.
fn nest<'a>(pieces: &[Piece<'a>]) -> Vec<Event<'a>> {
    let mut events = Vec::with_capacity(pieces.len() * 2);
    let mut stack: Vec<Span> = Vec::new();
    for (at, piece) in pieces.iter().enumerate() {
        let mut wanted = wanted_stack(pieces, at, &stack);
        let common = stack
            .iter()
            .zip(&wanted)
            .take_while(|(open, want)| open == want)
            .count();
        // Nothing opens at a line break: the spans open there after it, with the text.
        if piece.text.is_none() {
            wanted.truncate(common);
        }
        while stack.len() > common {
            if let Some(span) = stack.pop() {
                events.push(Event::Close(span));
            }
        }
        for &span in &wanted[common..] {
            stack.push(span);
            events.push(Event::Open(span));
        }
        events.push(
            piece
                .text
                .map_or(Event::Break, |text| Event::Text(text, piece.start)),
        );
    }
    while let Some(span) = stack.pop() {
        events.push(Event::Close(span));
    }
    events
}

/// The spans that should be open over the piece at `at`, outermost first: those already open
/// that cover it, in their order, then the new ones by how far they run, then a code mark.
fn wanted_stack(pieces: &[Piece<'_>], at: usize, stack: &[Span]) -> Vec<Span> {
    let piece = &pieces[at];
    let code = Span::Mark(MarkKind::Code);
    let mut wanted: Vec<Span> = stack
        .iter()
        .copied()
        .filter(|&span| span != code && is_active(piece, span))
        .collect();
    let mut new: Vec<Span> = piece
        .link
        .map(Span::Link)
        .into_iter()
        .chain(MARK_KINDS.iter().map(|&kind| Span::Mark(kind)))
        .filter(|&span| span != code && is_active(piece, span) && !wanted.contains(&span))
        .collect();
    new.sort_by_key(|&span| std::cmp::Reverse(run_end(pieces, at, span)));
    wanted.extend(new);
    if is_active(piece, code) {
        wanted.push(code);
    }
    wanted
}

/// The index of the last piece of the run of pieces from `at` that `span` covers.
fn run_end(pieces: &[Piece<'_>], at: usize, span: Span) -> usize {
    pieces[at..]
        .iter()
        .take_while(|piece| is_active(piece, span))
        .count()
        + at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Mark;

    fn inline(text: &str, links: &[(usize, usize)], marks: &[(MarkKind, usize, usize)]) -> Inline {
        Inline {
            text: text.into(),
            links: links
                .iter()
                .map(|&(start, end)| Link {
                    text: text[start..end].into(),
                    url: "https://example.com/".into(),
                    start,
                    end,
                })
                .collect(),
            marks: marks
                .iter()
                .map(|&(kind, start, end)| Mark { kind, start, end })
                .collect(),
        }
    }

    /// The events as a compact string: `<e>` opens emphasis, `</e>` closes it, `|` is a break.
    fn show(inline: &Inline) -> String {
        let mut out = String::new();
        for event in events(inline, |_| true) {
            let name = |span| match span {
                Span::Link(_) => "a",
                Span::Mark(MarkKind::Emphasis) => "e",
                Span::Mark(MarkKind::Strong) => "s",
                Span::Mark(MarkKind::Code) => "c",
            };
            match event {
                Event::Open(span) => out.extend(["<", name(span), ">"]),
                Event::Close(span) => out.extend(["</", name(span), ">"]),
                Event::Text(text, _) => out.push_str(text),
                Event::Break => out.push('|'),
            }
        }
        out
    }

    #[test]
    fn nests_overlapping_ranges() {
        let crossed = inline("one two three", &[(0, 7)], &[(MarkKind::Strong, 4, 13)]);
        assert_eq!(show(&crossed), "<a>one <s>two</s></a><s> three</s>");
    }

    #[test]
    fn keeps_the_longer_span_outside() {
        let nested = inline("a b c", &[(2, 3)], &[(MarkKind::Emphasis, 0, 5)]);
        assert_eq!(show(&nested), "<e>a <a>b</a> c</e>");
    }

    #[test]
    fn code_is_always_innermost() {
        let code = inline(
            "x y z",
            &[],
            &[(MarkKind::Code, 0, 5), (MarkKind::Strong, 2, 3)],
        );
        assert_eq!(show(&code), "<c>x </c><s><c>y</c></s><c> z</c>");
    }

    #[test]
    fn merges_duplicate_and_adjacent_marks() {
        let twice = inline(
            "ab",
            &[],
            &[
                (MarkKind::Emphasis, 0, 1),
                (MarkKind::Emphasis, 0, 1),
                (MarkKind::Emphasis, 1, 2),
            ],
        );
        assert_eq!(show(&twice), "<e>ab</e>");
    }

    #[test]
    fn trims_lines_and_drops_empty_ones() {
        let lines = inline("  one \n\n two  \n ", &[], &[(MarkKind::Emphasis, 0, 5)]);
        assert_eq!(show(&lines), "<e>one</e>|two");
    }

    #[test]
    fn line_breaks_stay_out_of_spans_that_end_or_start_at_them() {
        let ending = inline("a b\nc", &[(0, 4)], &[(MarkKind::Emphasis, 2, 5)]);
        assert_eq!(show(&ending), "<a>a <e>b</e></a>|<e>c</e>");
        let starting = inline("a\nb c", &[(2, 5)], &[]);
        assert_eq!(show(&starting), "a|<a>b c</a>");
        let inside = inline("a\nb", &[(0, 3)], &[]);
        assert_eq!(show(&inside), "<a>a|b</a>");
    }

    #[test]
    fn text_events_know_where_they_start() {
        let text = inline(" a\n b", &[], &[]);
        let starts: Vec<_> = events(&text, |_| true)
            .into_iter()
            .filter_map(|event| match event {
                Event::Text(text, start) => Some((text, start)),
                _ => None,
            })
            .collect();
        assert_eq!(starts, [("a", 1), ("b", 4)]);
    }

    #[test]
    fn ignores_ranges_out_of_bounds_or_inside_a_character() {
        let mut broken = inline("día", &[], &[(MarkKind::Strong, 2, 3)]);
        broken.links.push(Link {
            text: "día".into(),
            url: "https://example.com/".into(),
            start: 0,
            end: 9,
        });
        assert_eq!(show(&broken), "día");
    }

    #[test]
    fn leaves_out_links_it_is_told_to_drop() {
        let linked = inline("see here", &[(4, 8)], &[]);
        let shown: Vec<_> = events(&linked, |_| false);
        assert_eq!(shown, [Event::Text("see here", 0)]);
    }
}
