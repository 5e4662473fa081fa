//! HTML character references left in metadata text: JSON-LD strings are raw script text, so
//! their `&amp;` and `&#8217;` are never decoded by the parser, and some CMSs escape a meta
//! `content` or a `<title>` twice, so that one decoding still leaves `&hellip;` or `&reg;`.

use std::borrow::Cow;

/// The longest character reference name with its `;` (`&CounterClockwiseContourIntegral;`).
const MAX_REFERENCE_CHARS: usize = 33;

/// Decodes the named (the whole HTML table) and numeric character references in `text`;
/// anything that is no reference is kept as written ("AT&T", "R&D;"). `&nbsp;` becomes a
/// plain space, as the rest of the metadata collapses spaces.
///
/// ```text
/// "TFC8&reg; that&rsquo;s &#x27;it&#39;" → "TFC8® that’s 'it'"
/// ```
pub(crate) fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some((decoded, length)) = reference_at(rest) {
            out.extend(decoded.into_iter().flatten());
            rest = &rest[length..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The characters of the reference `text` opens with (`&name;`, `&#NNN;`, `&#xHH;`) and the
/// length of the reference.
fn reference_at(text: &str) -> Option<([Option<char>; 2], usize)> {
    // Only the reference's own bytes are searched, so text full of bare `&` stays linear.
    let end = text
        .bytes()
        .take(MAX_REFERENCE_CHARS + 1)
        .position(|b| b == b';')?;
    let name = &text[1..end];
    let characters = match name.strip_prefix('#') {
        Some(number) => [Some(numeric(number)?), None],
        None if name == "nbsp" => [Some(' '), None],
        None => {
            let &(first, second) = html5ever::data::NAMED_ENTITIES.get(&text[1..=end])?;
            [
                char::from_u32(first),
                char::from_u32(second).filter(|&c| c != '\0'),
            ]
        }
    };
    Some((characters, end + 1))
}

/// The character of a numeric reference's digits (`8217`, `x2019`).
fn numeric(number: &str) -> Option<char> {
    let code = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => number.parse().ok(),
    };
    code.and_then(char::from_u32).filter(|&c| c != '\0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_and_numeric_references() {
        assert_eq!(
            decode("TFC8&reg; that&rsquo;s &#x27;it&#39; &amp; enth&uuml;llen&hellip;"),
            "TFC8® that’s 'it' & enthüllen…"
        );
        assert_eq!(
            decode("Rates&nbsp;&bdquo;H&auml;rting&ldquo;"),
            "Rates „Härting“"
        );
    }

    #[test]
    fn keeps_what_is_no_reference() {
        for text in [
            "AT&T & co",
            "R&D; done",
            "&unknown; &#xZZ; &#0; &",
            "no ampersand",
        ] {
            assert_eq!(decode(text), text);
        }
        assert!(matches!(decode("no ampersand"), Cow::Borrowed(_)));
    }
}
