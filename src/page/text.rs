//! Measuring and joining text without allocating per node.

/// How much visible text a string holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Measure {
    /// Characters that are not whitespace.
    pub(crate) chars: u32,
    /// Sentence and clause punctuation (`.,;:!?` and their CJK forms).
    pub(crate) punctuation: u32,
    /// Runs of non-whitespace.
    pub(crate) words: u32,
}

impl Measure {
    /// Measures a string in one pass over its bytes.
    pub(crate) fn of(text: &str) -> Measure {
        if text.is_ascii() {
            return Measure::of_ascii(text.as_bytes());
        }
        let bytes = text.as_bytes();
        let mut measure = Measure::default();
        let mut in_word = false;
        let mut i = 0;
        while let Some(&byte) = bytes.get(i) {
            let (width, space, punctuation) = classify(bytes, i, byte);
            if space {
                in_word = false;
            } else {
                measure.chars += 1;
                measure.punctuation += u32::from(punctuation);
                if !in_word {
                    measure.words += 1;
                    in_word = true;
                }
            }
            i += width;
        }
        measure
    }

    /// [`Measure::of`] an ASCII text (most text nodes): each byte's class comes from a table
    /// and is counted without a branch, where the general loop branches at every switch
    /// between a word and a space.
    fn of_ascii(bytes: &[u8]) -> Measure {
        let mut measure = Measure::default();
        let mut after_space = 1;
        for &byte in bytes {
            let class = ASCII_CLASSES[usize::from(byte)];
            let visible = u32::from(class & VISIBLE);
            measure.chars += visible;
            measure.punctuation += u32::from(class >> 1);
            measure.words += visible & after_space;
            after_space = visible ^ 1;
        }
        measure
    }

    /// Adds another measure into this one.
    pub(crate) fn add(&mut self, other: Measure) {
        self.chars += other.chars;
        self.punctuation += other.punctuation;
        self.words += other.words;
    }
}

/// [`ASCII_CLASSES`] bit of a byte that is no whitespace ([`classify`]'s spaces below 0x80).
const VISIBLE: u8 = 1;
/// [`ASCII_CLASSES`] bit of sentence and clause punctuation, set with [`VISIBLE`].
const PUNCTUATION: u8 = 2;

/// What [`classify`] says of each ASCII byte, as [`VISIBLE`] and [`PUNCTUATION`] bits; the
/// upper half is never read (it keeps indexing free of bounds checks).
const ASCII_CLASSES: [u8; 256] = {
    let mut classes = [0; 256];
    let mut byte = 0;
    while byte < 128 {
        classes[byte] = match byte as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0C => 0,
            b'.' | b',' | b';' | b':' | b'!' | b'?' => VISIBLE | PUNCTUATION,
            _ => VISIBLE,
        };
        byte += 1;
    }
    classes
};

/// Width of the UTF-8 sequence at `i`, whether it is whitespace, whether it is punctuation.
fn classify(bytes: &[u8], i: usize, byte: u8) -> (usize, bool, bool) {
    match byte {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0C => (1, true, false),
        b'.' | b',' | b';' | b':' | b'!' | b'?' => (1, false, true),
        0x00..=0x7F => (1, false, false),
        0xC2 => (2, bytes.get(i + 1) == Some(&0xA0), false),
        0xE2 => {
            // U+2000..U+200A spaces, U+202F, U+205F.
            let space = bytes.get(i + 1) == Some(&0x80)
                && bytes
                    .get(i + 2)
                    .is_some_and(|&b| (0x80..=0x8A).contains(&b) || b == 0xAF);
            (3, space, false)
        }
        0xE3 => {
            // U+3000 ideographic space; U+3001 、 and U+3002 。.
            let second = bytes.get(i + 1) == Some(&0x80);
            let third = bytes.get(i + 2).copied().unwrap_or(0);
            (
                3,
                second && third == 0x80,
                second && (third == 0x81 || third == 0x82),
            )
        }
        0xEF => {
            // U+FF0C ，, U+FF1A ：, U+FF1B ；, U+FF01 ！, U+FF1F ？.
            let second = bytes.get(i + 1) == Some(&0xBC);
            let third = bytes.get(i + 2).copied().unwrap_or(0);
            (
                3,
                false,
                second && matches!(third, 0x8C | 0x9A | 0x9B | 0x81 | 0x9F),
            )
        }
        0xC0..=0xDF => (2, false, false),
        0xE0..=0xEF => (3, false, false),
        _ => (4, false, false),
    }
}

/// Whether a character is whitespace for collapsing purposes (HTML whitespace plus the
/// Unicode spaces pages use between words).
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Appends `text` with runs of whitespace collapsed to one space; no space at the very start
/// of `out` and none doubled across calls.
///
/// Text is copied in runs: a single ASCII space between two words is already collapsed, so
/// the run goes on through it, and a sentence goes in with one copy. ASCII bytes are tested
/// as bytes; only the others are decoded to be tested as characters.
pub(crate) fn push_collapsed(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut pending_space = false;
    let mut word_start = 0;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let width = if byte.is_ascii() {
            let joins_words = byte == b' '
                && word_start < at
                && bytes
                    .get(at + 1)
                    .is_some_and(|&next| next.is_ascii() && !is_ascii_space(next));
            if joins_words || !is_ascii_space(byte) {
                at += 1;
                continue;
            }
            1
        } else {
            let c = text[at..].chars().next().unwrap_or_default();
            if !is_space(c) {
                at += c.len_utf8();
                continue;
            }
            c.len_utf8()
        };
        push_word(out, &text[word_start..at], &mut pending_space);
        pending_space = true;
        at += width;
        word_start = at;
    }
    push_word(out, &text[word_start..], &mut pending_space);
    if pending_space {
        push_space(out);
    }
}

/// [`is_space`] of an ASCII byte: `char::is_whitespace` below 0x80 is U+0009..U+000D and
/// U+0020.
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t'..=b'\r')
}

/// Appends a word of [`push_collapsed`], after one space if whitespace came before it.
fn push_word(out: &mut String, word: &str, pending_space: &mut bool) {
    if word.is_empty() {
        return;
    }
    if *pending_space {
        push_space(out);
        *pending_space = false;
    }
    out.push_str(word);
}

/// Appends one space unless `out` is empty or already ends in whitespace.
pub(crate) fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(is_space) {
        out.push(' ');
    }
}

/// Appends `chars` lowercased as `char::to_lowercase` does, ASCII characters (most of a
/// page's text) without going through its iterator.
pub(crate) fn push_lowercase(out: &mut String, chars: impl Iterator<Item = char>) {
    for c in chars {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// What [`same_text`] compares: the letters and digits of a text, lowercase. Two texts say
/// the same words exactly when their keys are equal, so many texts are compared by hashing
/// their keys.
pub(crate) fn same_text_key(text: &str) -> String {
    // Sized once, and ASCII characters (most of a title) tested without the Unicode tables.
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                key.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// Whether two texts say the same words: letters and digits compared case-insensitively,
/// everything else (spacing, quotes, dashes, punctuation) ignored.
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
    }
    letters(a).eq(letters(b))
}

/// Whether an inline `style` hides the element (`display: none`, `visibility: hidden`).
pub(crate) fn is_hiding_style(style: &str) -> bool {
    mentions_hiding_value(style.as_bytes())
        && (declares(style, "display", "none") || declares(style, "visibility", "hidden"))
}

/// Whether `none` or `hidden` occurs anywhere (any case): most styles set neither, and
/// finding their `n`s is far cheaper than splitting the declarations.
fn mentions_hiding_value(style: &[u8]) -> bool {
    memchr::memchr2_iter(b'n', b'N', style).any(|at| {
        let none = style.get(at..at + 4);
        let hidden = at.checked_sub(5).and_then(|start| style.get(start..=at));
        none.is_some_and(|w| w.eq_ignore_ascii_case(b"none"))
            || hidden.is_some_and(|w| w.eq_ignore_ascii_case(b"hidden"))
    })
}

/// Whether a CSS declaration list sets `property` to `value` (ASCII case-insensitive, any
/// spacing, `!important` allowed).
fn declares(style: &str, property: &str, value: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((name, set)) = declaration.split_once(':') else {
            return false;
        };
        let set = set.trim();
        let set = set.strip_suffix("!important").unwrap_or(set).trim_end();
        name.trim().eq_ignore_ascii_case(property) && set.eq_ignore_ascii_case(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_visible_characters_words_and_punctuation() {
        let m = Measure::of("  Hello,  world!\n");
        assert_eq!(
            m,
            Measure {
                chars: 12,
                punctuation: 2,
                words: 2
            }
        );
    }

    #[test]
    fn counts_non_breaking_and_ideographic_spaces_as_space() {
        assert_eq!(Measure::of("a\u{A0}b").words, 2);
        assert_eq!(Measure::of("日本\u{3000}語。").chars, 4);
        assert_eq!(Measure::of("日本語。、").punctuation, 2);
        assert_eq!(Measure::of("Привет мир").chars, 9);
    }

    #[test]
    fn collapses_whitespace_across_calls() {
        let mut out = String::new();
        push_collapsed(&mut out, "  one \n two ");
        push_collapsed(&mut out, " three");
        assert_eq!(out, "one two three");
    }

    /// Texts that mix ASCII and Unicode whitespace (U+000B, U+0085, U+00A0, U+2003, U+3000),
    /// punctuation and multi-byte letters.
    const MIXED_TEXTS: &[&str] = &[
        "",
        " ",
        "\u{b}a\u{b}",
        "a\u{85}b\u{a0}\u{a0}c",
        "  Grüße,\u{2003}Welt!\n\t",
        "日本\u{3000}語。、ｘ",
        "end\u{3000}",
        "🎉 emoji\u{202f}word ",
        "one two three",
        " one two ",
        "one  two\tthree \u{a0}four é five",
        "a b\u{3000}c d\u{b}e f",
    ];

    #[test]
    fn keys_texts_as_the_unicode_definition_does() {
        fn by_chars(text: &str) -> String {
            text.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        }
        for text in MIXED_TEXTS
            .iter()
            .chain(&["Ünïcode İstanbul ΣΑΣ – Ⅻ ²", "A-Z a_z 0/9"])
        {
            assert_eq!(same_text_key(text), by_chars(text), "{text:?}");
        }
        assert_eq!(same_text_key("Grab Courier — Flies!"), "grabcourierflies");
    }

    #[test]
    fn lowercases_as_the_unicode_definition_does() {
        for text in MIXED_TEXTS
            .iter()
            .chain(&["Ünïcode İstanbul ΣΑΣ – Ⅻ", "ABC xyz 09"])
        {
            let mut out = String::from("kept ");
            push_lowercase(&mut out, text.chars());
            let expected: String = text.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(out, format!("kept {expected}"), "{text:?}");
        }
    }

    #[test]
    fn collapses_whitespace_as_splitting_at_every_space_does() {
        fn by_splitting(out: &mut String, text: &str) {
            let mut pending_space = false;
            for (position, word) in text.split(is_space).enumerate() {
                pending_space |= position > 0;
                if word.is_empty() {
                    continue;
                }
                if pending_space {
                    push_space(out);
                    pending_space = false;
                }
                out.push_str(word);
            }
            if pending_space {
                push_space(out);
            }
        }
        for first in MIXED_TEXTS {
            for second in MIXED_TEXTS {
                let (mut fast, mut slow) = (String::new(), String::new());
                for text in [first, second] {
                    push_collapsed(&mut fast, text);
                    by_splitting(&mut slow, text);
                }
                assert_eq!(fast, slow, "{first:?} then {second:?}");
            }
        }
    }

    #[test]
    fn measures_ascii_as_classify_does() {
        for text in MIXED_TEXTS {
            let mut expected = Measure::default();
            let mut in_word = false;
            let mut i = 0;
            while let Some(&byte) = text.as_bytes().get(i) {
                let (width, space, punctuation) = classify(text.as_bytes(), i, byte);
                expected.chars += u32::from(!space);
                expected.punctuation += u32::from(punctuation);
                expected.words += u32::from(!space && !in_word);
                in_word = !space;
                i += width;
            }
            assert_eq!(Measure::of(text), expected, "{text:?}");
        }
    }

    #[test]
    fn same_text_ignores_case_spacing_and_quotes() {
        assert!(same_text("Putin won’t allow", "putin won't  allow"));
        assert!(!same_text("Putin", "Putin won't"));
    }

    #[test]
    fn recognises_hiding_styles() {
        assert!(is_hiding_style("color:red; DISPLAY : none"));
        assert!(is_hiding_style("visibility:hidden !important"));
        assert!(!is_hiding_style("display:block"));
        assert!(!is_hiding_style("font-display: none-ish"));
    }
}
