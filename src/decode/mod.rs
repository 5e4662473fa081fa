//! Bytes to text: finds the page's character encoding and decodes it with `encoding_rs`.
//!
//! The order is the one browsers use:
//!
//! 1. a byte-order mark;
//! 2. the `charset` of the HTTP `Content-Type`;
//! 3. a `<meta charset>`, `<meta http-equiv="Content-Type">` or XML declaration found by the
//!    WHATWG prescan of the first 1024 bytes ([`prescan`]);
//! 4. otherwise a guess from the bytes: valid UTF-8 is UTF-8, anything else goes to
//!    `chardetng` (told the page's top-level domain when the URL is known).
//!
//! A declared encoding is checked against the bytes, because servers and templates lie: a
//! label under which malformed sequences outnumber the well-formed non-ASCII characters is
//! replaced by the guess when the guess decodes without a single error (an ISO-8859-1 page
//! served as UTF-8), and a legacy label on bytes that are valid UTF-8 with non-ASCII text in
//! them is replaced by UTF-8 (a UTF-8 page served as windows-1252). Both are reported as
//! [`EncodingSource::Corrected`].
//!
//! The common cases stay cheap: valid UTF-8 is borrowed, not copied, and the statistical
//! detector only runs when nothing is declared or the declaration decodes badly. Decoding
//! never fails: malformed sequences that remain become U+FFFD.

mod mojibake;
mod prescan;

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE};
use url::Url;

/// How much of the input `chardetng` reads: plenty of text for a guess, and a bound on the
/// time spent on very large inputs.
const DETECTION_BYTES: usize = 1024 * 1024;

/// Why an encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EncodingSource {
    /// A byte-order mark at the start of the bytes.
    ByteOrderMark,
    /// The `charset` parameter of the `Content-Type` header.
    ContentType,
    /// A `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes.
    MetaTag,
    /// An XML declaration (`<?xml … encoding="…"?>`) at the start of the document.
    XmlDeclaration,
    /// Nothing declared an encoding; it was guessed from the bytes.
    Detected,
    /// An encoding was declared but the bytes contradict it, so it was guessed from them.
    Corrected,
}

/// Which encoding a page was decoded with and why; see [`crate::Article::decoding`].
///
/// ```
/// use newsprint::EncodingSource;
///
/// let page = b"<html><head><meta charset=\"windows-1251\"></head><body><article><p>\
///     \xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! This paragraph is long enough to count.</p>\
///     </article></body></html>";
/// let article = newsprint::Extractor::new().extract_bytes(page, None, None)?;
/// let decoding = article.decoding.unwrap();
/// assert_eq!(decoding.encoding, "windows-1251");
/// assert_eq!(decoding.source, EncodingSource::MetaTag);
/// assert!(article.text().starts_with("Привет, мир!"));
/// # Ok::<(), newsprint::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub struct Decoding {
    /// The WHATWG name of the encoding used: `UTF-8`, `windows-1251`, `Shift_JIS`, ….
    pub encoding: &'static str,
    /// Why it was used.
    pub source: EncodingSource,
    /// The encoding that the byte-order mark, the header or the document declared, if any;
    /// differs from `encoding` when the declaration was [`EncodingSource::Corrected`].
    pub declared: Option<&'static str>,
    /// Whether malformed byte sequences were replaced with U+FFFD.
    pub had_errors: bool,
    /// Whether the text had been encoded to UTF-8 twice (UTF-8 read as Latin-1 or
    /// Windows-1252 and saved again, "â€™" for "’") and was repaired.
    pub repaired_double_encoding: bool,
}

/// Reads back what [`Decoding`]'s `Serialize` writes; encoding names are looked up as WHATWG
/// labels, so that the fields stay `&'static str`.
impl<'de> serde::Deserialize<'de> for Decoding {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Fields<'a> {
            #[serde(borrow)]
            encoding: Cow<'a, str>,
            source: EncodingSource,
            #[serde(borrow)]
            declared: Option<Cow<'a, str>>,
            had_errors: bool,
            #[serde(default)]
            repaired_double_encoding: bool,
        }
        fn name<E: serde::de::Error>(label: &str) -> Result<&'static str, E> {
            Encoding::for_label(label.as_bytes())
                .map(Encoding::name)
                .ok_or_else(|| E::custom(format!("unknown encoding {label:?}")))
        }
        let fields = Fields::deserialize(deserializer)?;
        Ok(Decoding {
            encoding: name(&fields.encoding)?,
            source: fields.source,
            declared: fields.declared.as_deref().map(name).transpose()?,
            had_errors: fields.had_errors,
            repaired_double_encoding: fields.repaired_double_encoding,
        })
    }
}

/// Text decoded from bytes, with how it was decoded.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) decoding: Decoding,
}

/// Decodes a page, borrowing the bytes when they are already valid UTF-8.
///
/// `content_type` is the HTTP header, if any; `url` is where the page came from, whose
/// top-level domain tips the statistical guess (`.ru` towards Cyrillic encodings).
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
    url: Option<&Url>,
) -> Decoded<'a> {
    let mut decoded = choose_and_decode(bytes, content_type, url);
    if mojibake::is_double_encoded(&decoded.text) {
        decoded.text = Cow::Owned(mojibake::repaired(&decoded.text));
        decoded.decoding.repaired_double_encoding = true;
    }
    log::debug!(
        "decoded {} bytes as {} ({:?}, declared {:?}, errors: {})",
        bytes.len(),
        decoded.decoding.encoding,
        decoded.decoding.source,
        decoded.decoding.declared,
        decoded.decoding.had_errors
    );
    decoded
}

fn choose_and_decode<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
    url: Option<&Url>,
) -> Decoded<'a> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return Decoded::new(
            text,
            encoding,
            EncodingSource::ByteOrderMark,
            Some(encoding),
            had_errors,
        );
    }
    let tld = url.and_then(top_level_domain);
    let declared = content_type
        .and_then(prescan::charset_of_content_type)
        .filter(|&encoding| is_plausible_header_label(encoding, bytes))
        .map(|encoding| (encoding, EncodingSource::ContentType))
        .or_else(|| prescan::prescan(bytes))
        .filter(|&(encoding, _)| encoding != REPLACEMENT);
    match declared {
        Some((encoding, source)) => decode_declared(bytes, encoding, source, tld.as_deref()),
        None => decode_undeclared(bytes, tld.as_deref()),
    }
}

impl<'a> Decoded<'a> {
    fn new(
        text: Cow<'a, str>,
        encoding: &'static Encoding,
        source: EncodingSource,
        declared: Option<&'static Encoding>,
        had_errors: bool,
    ) -> Self {
        Decoded {
            text,
            decoding: Decoding {
                encoding: encoding.name(),
                source,
                declared: declared.map(Encoding::name),
                had_errors,
                repaired_double_encoding: false,
            },
        }
    }
}

/// A UTF-16 label from the header on a document without a byte-order mark is only believed
/// when the bytes look like UTF-16 (ASCII markup in UTF-16 is full of zero bytes); otherwise
/// the whole page would decode to CJK-looking noise without a single error.
fn is_plausible_header_label(encoding: &'static Encoding, bytes: &[u8]) -> bool {
    if encoding != UTF_16LE && encoding != UTF_16BE {
        return true;
    }
    let head = &bytes[..bytes.len().min(prescan::PRESCAN_BYTES)];
    memchr::memchr(0, head).is_some()
}

/// Decodes with a declared encoding unless the bytes clearly contradict it.
fn decode_declared<'a>(
    bytes: &'a [u8],
    declared: &'static Encoding,
    source: EncodingSource,
    tld: Option<&[u8]>,
) -> Decoded<'a> {
    if declared != UTF_8 && is_utf8_with_non_ascii(bytes) {
        let (text, had_errors) = UTF_8.decode_without_bom_handling(bytes);
        return Decoded::new(
            text,
            UTF_8,
            EncodingSource::Corrected,
            Some(declared),
            had_errors,
        );
    }
    let (text, had_errors) = declared.decode_without_bom_handling(bytes);
    if had_errors && tally(declared, bytes).is_mostly_malformed() {
        let guess = guess(bytes, tld);
        if guess != declared
            && let Some(text) = guess.decode_without_bom_handling_and_without_replacement(bytes)
        {
            return Decoded::new(
                text,
                guess,
                EncodingSource::Corrected,
                Some(declared),
                false,
            );
        }
    }
    Decoded::new(text, declared, source, Some(declared), had_errors)
}

/// Decodes a page that declares nothing: UTF-8 when the bytes are (mostly) UTF-8, else the
/// statistical guess.
fn decode_undeclared<'a>(bytes: &'a [u8], tld: Option<&[u8]>) -> Decoded<'a> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded::new(
            Cow::Borrowed(text),
            UTF_8,
            EncodingSource::Detected,
            None,
            false,
        );
    }
    let encoding = if tally(UTF_8, bytes).is_mostly_malformed() {
        guess(bytes, tld)
    } else {
        UTF_8
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded::new(text, encoding, EncodingSource::Detected, None, had_errors)
}

/// Valid UTF-8 (a sequence cut off at the very end allowed) with at least one non-ASCII
/// character. Text in a legacy encoding practically never passes: every high byte would have
/// to fall into a well-formed multi-byte sequence.
fn is_utf8_with_non_ascii(bytes: &[u8]) -> bool {
    let valid = match std::str::from_utf8(bytes) {
        Ok(text) => text.as_bytes(),
        Err(error) if error.error_len().is_none() => &bytes[..error.valid_up_to()],
        Err(_) => return false,
    };
    !valid.is_ascii()
}

/// The `chardetng` guess over (the start of) the bytes.
fn guess(bytes: &[u8], tld: Option<&[u8]>) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    let sample = &bytes[..bytes.len().min(DETECTION_BYTES)];
    detector.feed(sample, sample.len() == bytes.len());
    let encoding = detector.guess(tld, Utf8Detection::Allow);
    log::debug!("chardetng guessed {}", encoding.name());
    encoding
}

/// The rightmost label of the URL's host, lowercased, as `chardetng` wants it.
fn top_level_domain(url: &Url) -> Option<Vec<u8>> {
    let url::Host::Domain(host) = url.host()? else {
        return None;
    };
    let label = host.rsplit('.').next()?;
    let is_valid = !label.is_empty()
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    is_valid.then(|| label.to_ascii_lowercase().into_bytes())
}

/// How a decode went: malformed sequences against well-formed non-ASCII characters.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Tally {
    malformed: usize,
    non_ascii: usize,
}

impl Tally {
    /// More malformed sequences than good non-ASCII characters: the label is wrong, not the
    /// odd byte here and there (a stray Latin-1 byte in a UTF-8 page with curly quotes).
    fn is_mostly_malformed(self) -> bool {
        self.malformed > self.non_ascii
    }
}

/// Decodes into a small buffer, counting instead of keeping; runs only on the rare path.
fn tally(encoding: &'static Encoding, bytes: &[u8]) -> Tally {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut buffer = [0u8; 4096];
    let mut rest = bytes;
    let mut tally = Tally::default();
    loop {
        let (result, read, written) =
            decoder.decode_to_utf8_without_replacement(rest, &mut buffer, true);
        // Every non-ASCII character starts with a UTF-8 lead byte of 0xC0 or more.
        tally.non_ascii += buffer[..written].iter().filter(|&&b| b >= 0xC0).count();
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => return tally,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(..) => tally.malformed += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUSSIAN: &str = "Президент России заявил, что переговоры будут продолжены на следующей \
        неделе в Москве. Представители обеих сторон выразили надежду на скорое соглашение.";
    const JAPANESE: &str = "東京都は十日、新型の感染症対策として、都内の飲食店に営業時間の短縮を\
        要請すると発表した。知事は記者会見で「感染の拡大を防ぐため、都民の皆さまの協力をお願いし\
        たい」と述べた。";
    const GERMAN: &str = "Die Bürger der Stadt Köln müssen sich auf höhere Gebühren für die \
        Müllabfuhr einstellen. Größere Straßen werden künftig häufiger gereinigt.";

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn page(body: &str) -> String {
        format!("<html><head><title>t</title></head><body><p>{body}</p></body></html>")
    }

    #[test]
    fn double_encoded_utf8_is_repaired_and_reported() {
        let page = page("It\u{e2}\u{80}\u{99}s a caf\u{c3}\u{a9}");
        let decoded = decode(page.as_bytes(), None, None);
        assert!(decoded.text.contains("It’s a café"), "{}", decoded.text);
        assert!(decoded.decoding.repaired_double_encoding);
        let clean = decode("<p>It’s a café</p>".as_bytes(), None, None);
        assert!(matches!(clean.text, Cow::Borrowed(_)));
        assert!(!clean.decoding.repaired_double_encoding);
    }

    #[test]
    fn decoding_round_trips_through_json() {
        let decoding = Decoding {
            encoding: "windows-1251",
            source: EncodingSource::Corrected,
            declared: Some("UTF-8"),
            had_errors: false,
            repaired_double_encoding: true,
        };
        let json = serde_json::to_string(&decoding).unwrap();
        assert_eq!(serde_json::from_str::<Decoding>(&json).unwrap(), decoding);
        let older = json.replace(r#","repaired_double_encoding":true"#, "");
        assert!(
            !serde_json::from_str::<Decoding>(&older)
                .unwrap()
                .repaired_double_encoding
        );
        let unknown = json.replace("windows-1251", "klingon");
        assert!(serde_json::from_str::<Decoding>(&unknown).is_err());
    }

    #[test]
    fn borrows_valid_utf8_without_copying() {
        let decoded = decode("<p>héllo</p>".as_bytes(), None, None);
        assert!(matches!(decoded.text, Cow::Borrowed(_)));
        assert_eq!(decoded.decoding.encoding, "UTF-8");
        assert_eq!(decoded.decoding.source, EncodingSource::Detected);
    }

    #[test]
    fn borrows_declared_utf8_and_bom_stripped_utf8() {
        let declared = decode(
            b"<p>caf\xc3\xa9</p>",
            Some("text/html; charset=utf-8"),
            None,
        );
        assert!(matches!(declared.text, Cow::Borrowed(_)));
        assert_eq!(declared.decoding.source, EncodingSource::ContentType);
        let bom = decode(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", None, None);
        assert!(matches!(bom.text, Cow::Borrowed("<p>café</p>")));
        assert_eq!(bom.decoding.source, EncodingSource::ByteOrderMark);
    }

    #[test]
    fn reads_charset_from_content_type() {
        let bytes = b"<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        let decoded = decode(bytes, Some("text/html; charset=windows-1251"), None);
        assert_eq!(decoded.text, "<p>Привет</p>");
        assert_eq!(decoded.decoding.source, EncodingSource::ContentType);
        assert_eq!(decoded.decoding.declared, Some("windows-1251"));
    }

    #[test]
    fn content_type_wins_over_meta_tag() {
        let mut bytes = b"<meta charset=koi8-r>".to_vec();
        bytes.extend(encode(encoding_rs::WINDOWS_1251, &page(RUSSIAN)));
        let decoded = decode(&bytes, Some("text/html; charset=windows-1251"), None);
        assert_eq!(decoded.decoding.encoding, "windows-1251");
        assert!(decoded.text.contains(RUSSIAN));
    }

    #[test]
    fn reads_charset_from_meta_tag() {
        let bytes = b"<html><head><meta charset=\"windows-1251\"></head><p>\xcf\xf0\xe8</p>";
        let decoded = decode(bytes, None, None);
        assert_eq!(decoded.decoding.encoding, "windows-1251");
        assert_eq!(decoded.decoding.source, EncodingSource::MetaTag);
        assert!(decoded.text.ends_with("<p>При</p>"));
    }

    #[test]
    fn reads_charset_from_http_equiv_meta() {
        let bytes = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\xe9</p>";
        let decoded = decode(bytes, None, None);
        assert_eq!(decoded.decoding.encoding, "windows-1252");
        assert!(decoded.text.ends_with("<p>é</p>"));
    }

    #[test]
    fn byte_order_mark_wins_over_labels() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "<p>hi</p>".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes, Some("text/html; charset=iso-8859-1"), None);
        assert_eq!(decoded.text, "<p>hi</p>");
        assert_eq!(decoded.decoding.encoding, "UTF-16LE");
        assert_eq!(decoded.decoding.source, EncodingSource::ByteOrderMark);
    }

    #[test]
    fn utf16_label_in_meta_means_utf8() {
        let decoded = decode("<meta charset=utf-16><p>é</p>".as_bytes(), None, None);
        assert_eq!(decoded.decoding.encoding, "UTF-8");
        assert_eq!(decoded.decoding.source, EncodingSource::MetaTag);
    }

    #[test]
    fn utf16_header_label_on_ascii_bytes_is_ignored() {
        let decoded = decode(b"<p>plain</p>", Some("text/html; charset=utf-16"), None);
        assert_eq!(decoded.text, "<p>plain</p>");
        assert_eq!(decoded.decoding.encoding, "UTF-8");
        assert_eq!(decoded.decoding.source, EncodingSource::Detected);
    }

    #[test]
    fn replacement_labels_are_ignored() {
        let decoded = decode(b"<meta charset=iso-2022-kr><p>text</p>", None, None);
        assert!(decoded.text.contains("<p>text</p>"));
        assert_eq!(decoded.decoding.source, EncodingSource::Detected);
    }

    #[test]
    fn guesses_shift_jis_without_any_label() {
        let bytes = encode(encoding_rs::SHIFT_JIS, &page(JAPANESE));
        let decoded = decode(&bytes, None, None);
        assert_eq!(decoded.decoding.encoding, "Shift_JIS");
        assert_eq!(decoded.decoding.source, EncodingSource::Detected);
        assert!(decoded.text.contains(JAPANESE));
    }

    #[test]
    fn guesses_windows_1251_without_any_label() {
        let bytes = encode(encoding_rs::WINDOWS_1251, &page(RUSSIAN));
        let url = Url::parse("https://news.example.ru/a").unwrap();
        let decoded = decode(&bytes, None, Some(&url));
        assert_eq!(decoded.decoding.encoding, "windows-1251");
        assert!(decoded.text.contains(RUSSIAN));
    }

    #[test]
    fn overrides_a_utf8_header_on_latin1_bytes() {
        let bytes = encode(encoding_rs::WINDOWS_1252, &page(GERMAN));
        let decoded = decode(&bytes, Some("text/html; charset=utf-8"), None);
        assert_eq!(decoded.decoding.encoding, "windows-1252");
        assert_eq!(decoded.decoding.source, EncodingSource::Corrected);
        assert_eq!(decoded.decoding.declared, Some("UTF-8"));
        assert!(!decoded.decoding.had_errors);
        assert!(decoded.text.contains(GERMAN));
    }

    #[test]
    fn overrides_a_legacy_label_on_utf8_bytes() {
        let html = format!("<meta charset=windows-1252>{}", page(GERMAN));
        let decoded = decode(html.as_bytes(), None, None);
        assert!(matches!(decoded.text, Cow::Borrowed(_)));
        assert_eq!(decoded.decoding.encoding, "UTF-8");
        assert_eq!(decoded.decoding.source, EncodingSource::Corrected);
        assert_eq!(decoded.decoding.declared, Some("windows-1252"));
    }

    #[test]
    fn keeps_utf8_with_a_stray_byte() {
        let mut bytes = page("“Quoted” and ‘quoted’ text").into_bytes();
        bytes.insert(20, 0xE9);
        let declared = decode(&bytes, Some("text/html; charset=utf-8"), None);
        assert_eq!(declared.decoding.encoding, "UTF-8");
        assert_eq!(declared.decoding.source, EncodingSource::ContentType);
        assert!(declared.decoding.had_errors);
        let undeclared = decode(&bytes, None, None);
        assert_eq!(undeclared.decoding.encoding, "UTF-8");
        assert!(undeclared.text.contains("“Quoted” and ‘quoted’"));
    }

    #[test]
    fn pure_ascii_is_utf8() {
        let decoded = decode(b"<p>plain &eacute;</p>", None, None);
        assert_eq!(decoded.decoding.encoding, "UTF-8");
        assert!(!decoded.decoding.had_errors);
    }

    #[test]
    fn malformed_bytes_become_replacement_characters() {
        let bytes = b"<p>caf\xc3\xa9 a\xffb</p>";
        let decoded = decode(bytes, Some("text/html; charset=utf-8"), None);
        assert_eq!(decoded.text, "<p>café a\u{FFFD}b</p>");
        assert!(decoded.decoding.had_errors);
    }

    #[test]
    fn tally_counts_malformed_and_well_formed_characters() {
        let counted = tally(UTF_8, "é\u{FFFD}".as_bytes());
        assert_eq!(
            counted,
            Tally {
                malformed: 0,
                non_ascii: 2
            }
        );
        let counted = tally(UTF_8, b"a\xe9b\xfcc\xc3\xa9");
        assert_eq!(
            counted,
            Tally {
                malformed: 2,
                non_ascii: 1
            }
        );
    }

    #[test]
    fn top_level_domain_is_lowercase_and_skips_addresses() {
        let tld = |url: &str| top_level_domain(&Url::parse(url).unwrap());
        assert_eq!(tld("https://lenta.RU/news"), Some(b"ru".to_vec()));
        assert_eq!(tld("http://127.0.0.1:8080/"), None);
        assert_eq!(tld("http://example.com./"), None);
    }
}
