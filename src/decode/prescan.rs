//! Encoding labels found in the HTTP header and in the document itself: the `charset`
//! parameter of a `Content-Type`, and the WHATWG prescan of the first 1024 bytes for
//! `<meta charset>`, `<meta http-equiv="Content-Type">` and an XML declaration.
//!
//! The prescan follows the HTML standard's "prescan a byte stream to determine its encoding"
//! step by step, so comments, `<meta>` text inside other tags' attribute values and
//! `content` attributes without `http-equiv` are skipped the way browsers skip them.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

use super::EncodingSource;

/// How many leading bytes the prescan looks at (the WHATWG limit).
pub(super) const PRESCAN_BYTES: usize = 1024;

/// The encoding named by the `charset` parameter of a `Content-Type` value, e.g.
/// `text/html; charset="windows-1251"`. Unknown labels give `None`.
pub(super) fn charset_of_content_type(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim();
        let value = match value.strip_prefix('"') {
            Some(quoted) => quoted.split('"').next().unwrap_or(quoted),
            None => value,
        };
        Encoding::for_label(value.as_bytes())
    })
}

/// The encoding the document declares in its first 1024 bytes, and where it said so.
pub(super) fn prescan(bytes: &[u8]) -> Option<(&'static Encoding, EncodingSource)> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    if let Some(encoding) = utf16_xml_declaration(head) {
        return Some((encoding, EncodingSource::XmlDeclaration));
    }
    if let Some(encoding) = meta_charset(head) {
        return Some((in_document_override(encoding), EncodingSource::MetaTag));
    }
    xml_declaration(head).map(|encoding| {
        (
            in_document_override(encoding),
            EncodingSource::XmlDeclaration,
        )
    })
}

/// WHATWG: a UTF-16 label inside the document means UTF-8 (the bytes were readable as ASCII to
/// get this far), and `x-user-defined` means windows-1252.
fn in_document_override(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else if encoding == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    }
}

/// `<?xml` written in UTF-16 without a byte-order mark.
fn utf16_xml_declaration(head: &[u8]) -> Option<&'static Encoding> {
    if head.starts_with(b"<\0?\0x\0") {
        Some(UTF_16LE)
    } else if head.starts_with(b"\0<\0?\0x") {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The WHATWG "get an XML encoding": `<?xml version="1.0" encoding="…"?>` at the very start.
fn xml_declaration(head: &[u8]) -> Option<&'static Encoding> {
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = memchr::memchr(b'>', head)?;
    let declaration = &head[..end];
    let at = memchr::memmem::find(declaration, b"encoding")?;
    let rest = skip_control_and_space(&declaration[at + b"encoding".len()..]);
    let rest = skip_control_and_space(rest.strip_prefix(b"=")?);
    let (&quote, rest) = rest.split_first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let label = &rest[..memchr::memchr(quote, rest)?];
    if label.iter().any(|&byte| byte <= b' ') {
        return None;
    }
    Encoding::for_label(label)
}

fn skip_control_and_space(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&byte| byte > b' ')
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// The prescan loop over the head of the document.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut position = 0;
    while position < head.len() {
        let rest = &head[position..];
        if rest.starts_with(b"<!--") {
            // The '>' of the first "-->" after "<!"; "<!-->" closes itself.
            let end = memchr::memmem::find(&rest[2..], b"-->")?;
            position += 2 + end + 2;
        } else if is_meta_start(rest) {
            position += b"<meta ".len();
            if let Some(encoding) = meta_element(head, &mut position) {
                return Some(encoding);
            }
        } else if is_tag_start(rest) {
            position = skip_tag(head, position);
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            position += memchr::memchr(b'>', rest)?;
        }
        position += 1;
    }
    None
}

/// `<meta` followed by whitespace or `/`, in any case.
fn is_meta_start(rest: &[u8]) -> bool {
    rest.len() > 5
        && rest[0] == b'<'
        && rest[1..5].eq_ignore_ascii_case(b"meta")
        && (is_space(rest[5]) || rest[5] == b'/')
}

/// `<` or `</` followed by an ASCII letter.
fn is_tag_start(rest: &[u8]) -> bool {
    match rest {
        [b'<', b'/', letter, ..] | [b'<', letter, ..] => letter.is_ascii_alphabetic(),
        _ => false,
    }
}

/// Skips a tag name and its attributes; returns the position of the closing `>` (or the end).
fn skip_tag(head: &[u8], start: usize) -> usize {
    let mut position = head[start..]
        .iter()
        .position(|&byte| is_space(byte) || byte == b'>')
        .map_or(head.len(), |offset| start + offset);
    while get_attribute(head, &mut position).is_some() {}
    position
}

/// Reads the attributes of one `<meta>` and decides whether it declares an encoding.
fn meta_element(head: &[u8], position: &mut usize) -> Option<&'static Encoding> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma: Option<bool> = None;
    // `None` is the spec's "null"; `Some(None)` its "failure" (an unknown label).
    let mut charset: Option<Option<&'static Encoding>> = None;
    while let Some((name, value)) = get_attribute(head, position) {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" if charset.is_none() => {
                if let Some(encoding) = charset_of_meta_content(&value) {
                    charset = Some(Some(encoding));
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Some(Encoding::for_label(&value));
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    if need_pragma? && !got_pragma {
        None
    } else {
        charset.flatten()
    }
}

/// The WHATWG "extracting a character encoding from a meta element" over a `content` value.
fn charset_of_meta_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut rest = content;
    loop {
        let at = find_ascii_case_insensitive(rest, b"charset")?;
        let after = skip_space(&rest[at + b"charset".len()..]);
        let Some(value) = after.strip_prefix(b"=") else {
            rest = after;
            continue;
        };
        let value = skip_space(value);
        let first = *value.first()?;
        if first == b'"' || first == b'\'' {
            let inner = &value[1..];
            return Encoding::for_label(&inner[..memchr::memchr(first, inner)?]);
        }
        let end = value
            .iter()
            .position(|&byte| is_space(byte) || byte == b';')
            .unwrap_or(value.len());
        return Encoding::for_label(&value[..end]);
    }
}

/// The WHATWG "get an attribute": the next attribute's lowercased name and value, or `None` at
/// the end of the tag (position left on the `>`) or of the input.
fn get_attribute(head: &[u8], position: &mut usize) -> Option<(Vec<u8>, Vec<u8>)> {
    while is_space(*head.get(*position)?) || head[*position] == b'/' {
        *position += 1;
    }
    if head[*position] == b'>' {
        return None;
    }
    let mut name = Vec::new();
    loop {
        let byte = *head.get(*position)?;
        match byte {
            b'=' if !name.is_empty() => {
                *position += 1;
                return attribute_value(head, position).map(|value| (name, value));
            }
            byte if is_space(byte) => break,
            b'/' | b'>' => return Some((name, Vec::new())),
            byte => name.push(byte.to_ascii_lowercase()),
        }
        *position += 1;
    }
    while is_space(*head.get(*position)?) {
        *position += 1;
    }
    if head[*position] != b'=' {
        return Some((name, Vec::new()));
    }
    *position += 1;
    attribute_value(head, position).map(|value| (name, value))
}

/// The value part of "get an attribute", starting just after the `=`.
fn attribute_value(head: &[u8], position: &mut usize) -> Option<Vec<u8>> {
    while is_space(*head.get(*position)?) {
        *position += 1;
    }
    let mut value = Vec::new();
    match head[*position] {
        quote @ (b'"' | b'\'') => loop {
            *position += 1;
            let byte = *head.get(*position)?;
            if byte == quote {
                *position += 1;
                return Some(value);
            }
            value.push(byte.to_ascii_lowercase());
        },
        b'>' => return Some(value),
        byte => value.push(byte.to_ascii_lowercase()),
    }
    loop {
        *position += 1;
        let byte = *head.get(*position)?;
        if is_space(byte) || byte == b'>' {
            return Some(value);
        }
        value.push(byte.to_ascii_lowercase());
    }
}

/// The HTML standard's ASCII whitespace (tab, LF, FF, CR, space).
fn is_space(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn skip_space(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&byte| !is_space(byte))
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn find_ascii_case_insensitive(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Option<&'static str> {
        prescan(html.as_bytes()).map(|(encoding, _)| encoding.name())
    }

    #[test]
    fn reads_quoted_and_unquoted_content_type_charsets() {
        let cases = [
            ("text/html; charset=windows-1251", Some("windows-1251")),
            ("text/html;charset=\"Shift_JIS\"", Some("Shift_JIS")),
            ("text/html; CHARSET = koi8-r ", Some("KOI8-R")),
            ("text/html; charset=no-such-thing", None),
            ("text/html", None),
            ("text/html; format=charset", None),
        ];
        for (content_type, expected) in cases {
            let found = charset_of_content_type(content_type).map(Encoding::name);
            assert_eq!(found, expected, "{content_type}");
        }
    }

    #[test]
    fn finds_meta_charset_in_any_attribute_style() {
        assert_eq!(meta("<meta charset=koi8-r>"), Some("KOI8-R"));
        assert_eq!(meta("<META CHARSET='windows-1251'>"), Some("windows-1251"));
        assert_eq!(meta("<meta\tcharset = \"gbk\" >"), Some("GBK"));
        assert_eq!(meta("<meta/charset=euc-kr>"), Some("EUC-KR"));
    }

    #[test]
    fn http_equiv_needs_both_attributes_in_either_order() {
        let content = r#"content="text/html; charset=iso-8859-2""#;
        let equiv = r#"http-equiv="Content-Type""#;
        assert_eq!(
            meta(&format!("<meta {equiv} {content}>")),
            Some("ISO-8859-2")
        );
        assert_eq!(
            meta(&format!("<meta {content} {equiv}>")),
            Some("ISO-8859-2")
        );
        assert_eq!(meta(&format!("<meta {content}>")), None);
        assert_eq!(meta(&format!("<meta {content}><meta {equiv}>")), None);
    }

    #[test]
    fn content_charset_accepts_quotes_and_stops_at_semicolon() {
        let value = |content: &str| charset_of_meta_content(content.as_bytes()).map(Encoding::name);
        assert_eq!(value("text/html; charset='big5'"), Some("Big5"));
        assert_eq!(value("text/html; charset=big5; x=y"), Some("Big5"));
        assert_eq!(value("text/html; charsetx; charset=big5"), Some("Big5"));
        assert_eq!(value("text/html; charset=\"big5"), None);
        assert_eq!(value("text/html"), None);
    }

    #[test]
    fn charset_attribute_wins_over_an_earlier_content() {
        let html =
            r#"<meta http-equiv="content-type" content="text/html; charset=koi8-r" charset="gbk">"#;
        assert_eq!(meta(html), Some("GBK"));
    }

    #[test]
    fn skips_comments_and_meta_text_inside_other_tags() {
        assert_eq!(meta("<!-- <meta charset=koi8-r> --><p>"), None);
        assert_eq!(meta("<!--><meta charset=koi8-r>"), Some("KOI8-R"));
        assert_eq!(meta(r#"<div title="<meta charset=koi8-r>">x</div>"#), None);
        // `<?` runs to the first `>`, which here closes the `<meta>`.
        assert_eq!(meta("<?php <meta charset=gbk> ?>"), None);
        assert_eq!(meta("<metadata charset=gbk>"), None);
    }

    #[test]
    fn ignores_unknown_labels_and_keeps_scanning() {
        assert_eq!(
            meta("<meta charset=nonsense><meta charset=gbk>"),
            Some("GBK")
        );
    }

    #[test]
    fn looks_only_at_the_first_1024_bytes() {
        let late = format!("{}<meta charset=koi8-r>", " ".repeat(PRESCAN_BYTES));
        assert_eq!(meta(&late), None);
        let early = format!("{}<meta charset=koi8-r>", " ".repeat(PRESCAN_BYTES - 30));
        assert_eq!(meta(&early), Some("KOI8-R"));
    }

    #[test]
    fn utf16_and_user_defined_labels_in_the_document_are_mapped() {
        assert_eq!(meta("<meta charset=utf-16le>"), Some("UTF-8"));
        assert_eq!(meta("<meta charset=x-user-defined>"), Some("windows-1252"));
    }

    #[test]
    fn reads_the_xml_declaration() {
        let html = r#"<?xml version="1.0" encoding="ISO-8859-15"?><html>"#;
        assert_eq!(
            prescan(html.as_bytes()),
            Some((encoding_rs::ISO_8859_15, EncodingSource::XmlDeclaration))
        );
        assert_eq!(
            meta("<?xml version='1.0' encoding = 'utf-16'?>"),
            Some("UTF-8")
        );
        assert_eq!(meta("<?xml version=\"1.0\"?>"), None);
        assert_eq!(
            prescan(b"<\0?\0x\0m\0l\0"),
            Some((UTF_16LE, EncodingSource::XmlDeclaration))
        );
    }

    #[test]
    fn a_meta_tag_wins_over_the_xml_declaration() {
        let html = r#"<?xml version="1.0" encoding="iso-8859-2"?><meta charset="koi8-r">"#;
        assert_eq!(meta(html), Some("KOI8-R"));
    }

    #[test]
    fn truncated_markup_ends_the_scan_without_panicking() {
        for html in [
            "<meta",
            "<meta charset",
            "<meta charset='gbk",
            "<!-- x",
            "<a href",
            "<?",
        ] {
            assert_eq!(meta(html), None, "{html}");
        }
    }
}
