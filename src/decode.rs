//! Bytes to text: finds the page's character encoding and decodes it.
//!
//! The order is the one browsers use: a byte-order mark, then the charset of the HTTP
//! `Content-Type`, then a `<meta charset>` found in the first 1024 bytes, else UTF-8. Decoding
//! never fails: malformed sequences become U+FFFD.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes the `<meta>` prescan looks at (the WHATWG limit).
const PRESCAN_BYTES: usize = 1024;

/// Why an encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EncodingSource {
    /// A byte-order mark.
    ByteOrderMark,
    /// The `charset` parameter of the `Content-Type` header.
    ContentType,
    /// A `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes.
    MetaTag,
    /// Nothing declared an encoding; UTF-8 was assumed.
    Default,
}

/// Text decoded from bytes, with the encoding used and why.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) encoding: &'static Encoding,
    pub(crate) source: EncodingSource,
}

/// Decodes a page, borrowing the bytes when they are already valid UTF-8.
pub(crate) fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Decoded<'a> {
    let (encoding, source) = sniff_encoding(bytes, content_type);
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors {
        log::debug!("decoding as {} replaced malformed bytes", encoding.name());
    }
    Decoded {
        text,
        encoding,
        source,
    }
}

/// Picks the encoding in browser order.
fn sniff_encoding(bytes: &[u8], content_type: Option<&str>) -> (&'static Encoding, EncodingSource) {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return (encoding, EncodingSource::ByteOrderMark);
    }
    if let Some(encoding) = content_type.and_then(charset_of_content_type) {
        return (encoding, EncodingSource::ContentType);
    }
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    if let Some(encoding) = prescan_meta_charset(head) {
        return (encoding, EncodingSource::MetaTag);
    }
    (UTF_8, EncodingSource::Default)
}

/// The encoding named by a `charset=` parameter, e.g. in `text/html; charset=windows-1251`.
pub(crate) fn charset_of_content_type(content_type: &str) -> Option<&'static Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let value = rest
        .trim_start_matches(['"', '\''])
        .split(|c: char| c == ';' || c == '"' || c == '\'' || c.is_ascii_whitespace())
        .next()?;
    Encoding::for_label(value.as_bytes()).map(html_encoding_override)
}

/// WHATWG: a UTF-16 label inside the document means UTF-8 (the bytes were readable as ASCII to
/// get this far), and `x-user-defined` means windows-1252.
fn html_encoding_override(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        UTF_8
    } else if encoding == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    }
}

/// Finds `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…charset=…">`.
fn prescan_meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut rest = head;
    while let Some(at) = find_ascii_case_insensitive(rest, b"<meta") {
        rest = &rest[at + 5..];
        let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        let tag = String::from_utf8_lossy(&rest[..end]).to_ascii_lowercase();
        if let Some(encoding) = meta_tag_charset(&tag) {
            return Some(html_encoding_override(encoding));
        }
        rest = &rest[end..];
    }
    None
}

/// The charset named in the attributes of one lowercased `<meta …>` tag.
fn meta_tag_charset(attributes: &str) -> Option<&'static Encoding> {
    if let Some(at) = attributes.find("charset") {
        let before = attributes[..at].trim_end();
        // `charset=` directly as an attribute, or inside `content="text/html; charset=…"`.
        if before.ends_with(|c: char| c.is_ascii_whitespace() || c == '"' || c == '\'' || c == ';')
            || before.is_empty()
            || attributes[..at].ends_with(char::is_whitespace)
        {
            return charset_of_content_type(&attributes[at..]);
        }
    }
    None
}

fn find_ascii_case_insensitive(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_valid_utf8_without_copying() {
        let decoded = decode("<p>héllo</p>".as_bytes(), None);
        assert!(matches!(decoded.text, Cow::Borrowed(_)));
        assert_eq!(decoded.source, EncodingSource::Default);
    }

    #[test]
    fn reads_charset_from_content_type() {
        let bytes = b"<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        let decoded = decode(bytes, Some("text/html; charset=windows-1251"));
        assert_eq!(decoded.text, "<p>Привет</p>");
        assert_eq!(decoded.source, EncodingSource::ContentType);
    }

    #[test]
    fn reads_charset_from_meta_tag() {
        let bytes = b"<html><head><meta charset=\"windows-1251\"></head><p>\xcf\xf0\xe8</p>";
        let decoded = decode(bytes, None);
        assert_eq!(decoded.encoding.name(), "windows-1251");
        assert_eq!(decoded.source, EncodingSource::MetaTag);
        assert!(decoded.text.ends_with("<p>При</p>"));
    }

    #[test]
    fn reads_charset_from_http_equiv_meta() {
        let bytes = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\xe9</p>";
        let decoded = decode(bytes, None);
        assert_eq!(decoded.encoding, WINDOWS_1252);
        assert!(decoded.text.ends_with("<p>é</p>"));
    }

    #[test]
    fn byte_order_mark_wins_over_labels() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "<p>hi</p>".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes, Some("text/html; charset=iso-8859-1"));
        assert_eq!(decoded.text, "<p>hi</p>");
        assert_eq!(decoded.source, EncodingSource::ByteOrderMark);
    }

    #[test]
    fn utf16_label_in_meta_means_utf8() {
        let decoded = decode("<meta charset=utf-16><p>é</p>".as_bytes(), None);
        assert_eq!(decoded.encoding, UTF_8);
    }

    #[test]
    fn malformed_bytes_become_replacement_characters() {
        let decoded = decode(b"<p>a\xffb</p>", None);
        assert_eq!(decoded.text, "<p>a\u{FFFD}b</p>");
    }
}
