//! Repairs text that was encoded to UTF-8 twice: UTF-8 bytes read as Latin-1 or
//! Windows-1252 by some tool on the way and saved as UTF-8 again, so that "Investor’s"
//! reads "Investorâ\u{80}\u{99}s" or "Investorâ€™s".
//!
//! The repair maps each character back to the byte it was read from and decodes runs that
//! form a well-formed UTF-8 character. It runs only on text that carries the unmistakable
//! sign of the damage (see [`is_double_encoded`]): well-formed text in any language can hold
//! a letter that happens to look like a lead byte, and is left alone.

/// The Windows-1252 characters for the bytes 0x80–0x9F; the five bytes it leaves undefined
/// decode (per WHATWG) to the C1 control of the same value, which [`byte_of`] covers.
const WINDOWS_1252_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The text with every run that stands for a UTF-8 character decoded; call it on text that
/// [`is_double_encoded`].
///
/// ```text
/// "A DIY Investorâ\u{80}\u{99}s Guide" → "A DIY Investor’s Guide"
/// ```
pub(crate) fn repaired(text: &str) -> String {
    let mut repaired = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        if let Some((character, consumed)) = decode_sequence(rest) {
            repaired.push(character);
            rest = &rest[consumed..];
        } else {
            repaired.push(first);
            rest = &rest[first.len_utf8()..];
        }
    }
    repaired
}

/// The damage leaves marks that well-formed text never holds: a C1 control character
/// (U+0080–U+009F, a continuation byte read as Latin-1) or "â€" (the bytes E2 80 that open
/// the curly quotes, dashes and ellipsis, read as Windows-1252), either inside a run that
/// decodes to a UTF-8 character, or "Ã"/"Â" before a Windows-1252 glyph. The searches run
/// over bytes, so clean text costs three fast scans.
pub(crate) fn is_double_encoded(text: &str) -> bool {
    let bytes = text.as_bytes();
    let c1_control = memchr::memchr_iter(0xC2, bytes)
        .filter(|&at| matches!(bytes.get(at + 1), Some(0x80..=0x9F)))
        .any(|at| sequence_around(text, at));
    c1_control
        || memchr::memmem::find_iter(bytes, "â€".as_bytes())
            .any(|at| decode_sequence(&text[at..]).is_some())
        || latin_letter_read_as_windows_1252(text)
}

/// "Ã" or "Â" (the lead bytes C3 and C2 of the Latin-1 letters and signs) followed by a
/// Windows-1252 glyph of the bytes 0x80–0x9F: "ÃŸ" for "ß", "Ã–" for "Ö", "Ã„" for "Ä". Text in
/// any language puts a letter or a space after these two, never a curly quote or a dash.
fn latin_letter_read_as_windows_1252(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xC3, bytes)
        .filter(|&at| matches!(bytes.get(at + 1), Some(0x82 | 0x83)))
        .any(|at| {
            let mut characters = text[at..].chars().skip(1);
            characters
                .next()
                .is_some_and(|next| WINDOWS_1252_HIGH.iter().any(|&(glyph, _)| glyph == next))
        })
}

/// Whether the C1 control at byte `at` is a continuation inside a decodable run: its lead is
/// one to three characters before it.
fn sequence_around(text: &str, at: usize) -> bool {
    text[..at].char_indices().rev().take(3).any(|(start, _)| {
        decode_sequence(&text[start..]).is_some_and(|(_, used)| start + used > at)
    })
}

/// Decodes the UTF-8 character whose bytes the characters at the start of `text` stand for:
/// a lead byte (0xC2–0xF4) and as many continuation bytes (0x80–0xBF) as it announces. Returns
/// the character and the length of text it replaces.
fn decode_sequence(text: &str) -> Option<(char, usize)> {
    let mut characters = text.char_indices();
    let (_, lead_character) = characters.next()?;
    let lead = byte_of(lead_character)?;
    let length = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    for slot in bytes.iter_mut().take(length).skip(1) {
        let (_, character) = characters.next()?;
        *slot = byte_of(character).filter(|byte| (0x80..=0xBF).contains(byte))?;
    }
    let consumed = characters.next().map_or(text.len(), |(index, _)| index);
    let character = std::str::from_utf8(&bytes[..length]).ok()?.chars().next()?;
    Some((character, consumed))
}

/// The byte a character was read from: itself for U+0000–U+00FF (Latin-1, C1 controls
/// included), else the Windows-1252 byte whose glyph it is.
fn byte_of(character: char) -> Option<u8> {
    u8::try_from(u32::from(character)).ok().or_else(|| {
        WINDOWS_1252_HIGH
            .iter()
            .find(|&&(glyph, _)| glyph == character)
            .map(|&(_, byte)| byte)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What decoding does: repair only text that shows the damage.
    fn repair(text: &str) -> String {
        if is_double_encoded(text) {
            repaired(text)
        } else {
            text.to_owned()
        }
    }

    #[test]
    fn text_read_as_latin_1_is_repaired() {
        assert_eq!(
            repair("A DIY Investor\u{e2}\u{80}\u{99}s Guide \u{e2}\u{80}\u{93} caf\u{c3}\u{a9}"),
            "A DIY Investor’s Guide – café"
        );
    }

    #[test]
    fn text_read_as_windows_1252_is_repaired() {
        assert_eq!(
            repair("It\u{e2}€™s here \u{e2}€\u{9d} and Ã©tÃ© too"),
            "It’s here ” and été too"
        );
    }

    #[test]
    fn four_byte_characters_are_repaired() {
        assert_eq!(
            repair("rocket \u{f0}\u{9f}\u{9a}\u{80} â€” go"),
            "rocket 🚀 — go"
        );
    }

    #[test]
    fn well_formed_text_shows_no_sign() {
        for text in [
            "CAFÉ’S menu « café » and ÉCOLE…",
            "Ã is a letter, â a vowel, € a currency",
            "IRMÃ, ÂME – SÃO “PAULO”",
            "Привет, мир! 東京都は十日",
            "",
        ] {
            assert!(!is_double_encoded(text), "{text}");
        }
    }

    #[test]
    fn a_stray_control_character_is_no_sign() {
        let text = "a control \u{85} alone and é after it";
        assert!(!is_double_encoded(text));
        assert_eq!(repair(text), text);
    }

    #[test]
    fn runs_that_decode_to_nothing_stay() {
        assert_eq!(
            repair("It\u{e2}\u{80}\u{99}s and Ã( stays"),
            "It’s and Ã( stays"
        );
    }
}
