//! Emphasis delimiters that parse back: each pair of `*`/`_` is checked against CommonMark's
//! flanking rules with the characters that actually surround it, and switched to the other
//! character or left out when it would not open or close where it stands.

use super::inline::{Pair, Token};

/// Chooses a delimiter character for every emphasis pair, or removes the pair, so that each
/// delimiter opens or closes by CommonMark's rules where it stands. Inner pairs (opened later)
/// are tried first, so that it is they that switch to `_` next to an outer `*`. Each pair may
/// switch character once and be removed once, so this ends.
pub(super) fn resolve_delimiters(tokens: &[Token], pairs: &mut [Pair]) {
    loop {
        let mut changed = false;
        for pair in (0..pairs.len()).rev() {
            if pairs[pair].removed || is_pair_valid(tokens, pairs, pair) {
                continue;
            }
            changed = true;
            let original = pairs[pair].character;
            if !pairs[pair].switched {
                pairs[pair].switched = true;
                pairs[pair].character = if original == '*' { '_' } else { '*' };
                if is_pair_valid(tokens, pairs, pair) {
                    continue;
                }
                pairs[pair].character = original;
            }
            pairs[pair].removed = true;
        }
        if !changed {
            break;
        }
    }
}

fn is_pair_valid(tokens: &[Token], pairs: &[Pair], pair: usize) -> bool {
    tokens.iter().enumerate().all(|(at, token)| match token {
        Token::Delimiter { pair: p, opens } if *p == pair => {
            is_delimiter_valid(tokens, pairs, at, pairs[pair].character, *opens)
        }
        _ => true,
    })
}

/// What stands next to a delimiter.
#[derive(Debug, Clone, Copy)]
struct Neighbour {
    /// The character, `None` at the start or end of the text (which counts as whitespace).
    character: Option<char>,
    /// Whether it is a delimiter of another pair (with the same character, the two would make
    /// one delimiter run).
    is_delimiter: bool,
}

fn is_delimiter_valid(
    tokens: &[Token],
    pairs: &[Pair],
    at: usize,
    character: char,
    opens: bool,
) -> bool {
    let before = neighbour(tokens[..at].iter().rev(), pairs, false);
    let after = neighbour(tokens[at + 1..].iter(), pairs, true);
    let touches_run = |n: Neighbour| n.is_delimiter && n.character == Some(character);
    if touches_run(before) || touches_run(after) {
        return false;
    }
    let (before, after) = (classify(before.character), classify(after.character));
    // A neighbour whose class is unknown must work as either.
    before.possible().iter().all(|&b| {
        after.possible().iter().all(|&a| {
            if opens {
                can_open(character, b, a)
            } else {
                can_close(character, b, a)
            }
        })
    })
}

/// The nearest rendered character in `tokens` (walking away from a delimiter).
fn neighbour<'t>(
    tokens: impl Iterator<Item = &'t Token>,
    pairs: &[Pair],
    forwards: bool,
) -> Neighbour {
    for token in tokens {
        let character = match token {
            Token::Text(text) => {
                if forwards {
                    text.chars().next()
                } else {
                    text.chars().next_back()
                }
            }
            Token::Delimiter { pair, .. } if pairs[*pair].removed => continue,
            Token::Delimiter { pair, .. } => {
                return Neighbour {
                    character: Some(pairs[*pair].character),
                    is_delimiter: true,
                };
            }
            Token::LinkOpen => Some('['),
            Token::LinkClose(_) => Some(if forwards { ']' } else { ')' }),
            Token::Code(_) => Some('`'),
            Token::Break => Some(if forwards { '\\' } else { '\n' }),
        };
        return Neighbour {
            character,
            is_delimiter: false,
        };
    }
    Neighbour {
        character: None,
        is_delimiter: false,
    }
}

/// CommonMark's character classes for flanking, with `Unknown` for characters whose class this
/// crate cannot tell without Unicode tables (symbols, marks, format characters), or that
/// parsers disagree on (CommonMark 0.31 made symbols punctuation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Whitespace,
    Punctuation,
    Other,
    Unknown,
}

impl Class {
    fn possible(self) -> &'static [Class] {
        match self {
            Class::Whitespace => &[Class::Whitespace],
            Class::Punctuation => &[Class::Punctuation],
            Class::Other => &[Class::Other],
            Class::Unknown => &[Class::Punctuation, Class::Other],
        }
    }
}

fn classify(character: Option<char>) -> Class {
    let Some(c) = character else {
        return Class::Whitespace;
    };
    match c {
        ' ' | '\t' | '\n' | '\r' | '\u{0C}' => Class::Whitespace,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Class::Whitespace
        }
        c if c.is_ascii_punctuation() => Class::Punctuation,
        c if c.is_ascii() || c.is_alphanumeric() => Class::Other,
        // Unicode punctuation (general category P) in the ranges news text uses: Latin-1
        // marks, quotes, dashes and ellipses, CJK and full-width punctuation.
        '\u{A1}' | '\u{A7}' | '\u{AB}' | '\u{B6}' | '\u{B7}' | '\u{BB}' | '\u{BF}' => {
            Class::Punctuation
        }
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}' => {
            Class::Punctuation
        }
        '\u{2053}'..='\u{205E}' | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' => {
            Class::Punctuation
        }
        '\u{3014}'..='\u{301F}' | '\u{FF01}'..='\u{FF03}' | '\u{FF05}'..='\u{FF0A}' => {
            Class::Punctuation
        }
        '\u{FF0C}'..='\u{FF0F}' | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}' => {
            Class::Punctuation
        }
        _ => Class::Unknown,
    }
}

fn is_left_flanking(before: Class, after: Class) -> bool {
    after != Class::Whitespace
        && (after != Class::Punctuation
            || before == Class::Whitespace
            || before == Class::Punctuation)
}

fn is_right_flanking(before: Class, after: Class) -> bool {
    before != Class::Whitespace
        && (before != Class::Punctuation
            || after == Class::Whitespace
            || after == Class::Punctuation)
}

fn can_open(character: char, before: Class, after: Class) -> bool {
    let left = is_left_flanking(before, after);
    if character == '*' {
        left
    } else {
        left && (!is_right_flanking(before, after) || before == Class::Punctuation)
    }
}

fn can_close(character: char, before: Class, after: Class) -> bool {
    let right = is_right_flanking(before, after);
    if character == '*' {
        right
    } else {
        right && (!is_left_flanking(before, after) || after == Class::Punctuation)
    }
}
