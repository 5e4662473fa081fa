//! A byte-level pre-scan that caps the number of attributes in a tag.
//!
//! html5ever's tokenizer checks every new attribute against those already read in the same
//! tag, so one tag with a hundred thousand attributes costs it billions of comparisons before
//! the tree builder sees anything. The scan finds tags the way the tokenizer does (comments,
//! raw text of `script`, `style` and the like, quoted values) and cuts a tag after
//! [`MAX_ATTRIBUTES`] attributes. Real pages never come near the limit, so they pass through
//! untouched and unchanged; where the scan's view of the page could differ from the
//! tokenizer's (raw text inside `svg` or `math`), it reads on as markup, which can only make it
//! cut more, never miss a flood.

use std::borrow::Cow;

use memchr::{memchr, memchr_iter};

/// The most attributes kept in one tag.
pub(crate) const MAX_ATTRIBUTES: usize = 1024;

/// Elements whose content is text up to their end tag.
const RAW_TEXT_ELEMENTS: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
];

/// The page with every tag cut to at most [`MAX_ATTRIBUTES`] attributes; borrowed when
/// nothing was cut.
pub(crate) fn cap(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut scanner = Scanner {
        bytes,
        at: 0,
        foreign: 0,
    };
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    while let Some(tag) = scanner.next_tag() {
        if let Some(cut) = tag.cut {
            cuts.push(cut);
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    log::debug!("cut the attributes of {} tags", cuts.len());
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (from, to) in cuts {
        // Both ends sit on ASCII bytes (whitespace, `/`, `>` or the end), so on char
        // boundaries.
        out.push_str(html.get(copied..from).unwrap_or_default());
        copied = to;
    }
    out.push_str(html.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// One tag found by the scan.
struct Found {
    /// The byte range to remove: from the first attribute over the limit to the tag's end.
    cut: Option<(usize, usize)>,
}

struct Scanner<'b> {
    bytes: &'b [u8],
    at: usize,
    /// Open `svg` and `math` elements: raw-text elements inside them are markup.
    foreign: usize,
}

impl Scanner<'_> {
    fn byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    /// Moves to the next tag and reads it; `None` at the end of the input.
    fn next_tag(&mut self) -> Option<Found> {
        loop {
            let rest = self.bytes.get(self.at..)?;
            let open = self.at + memchr(b'<', rest)?;
            self.at = open + 1;
            match self.byte(open + 1) {
                Some(b'!') => self.skip_markup_declaration(open),
                Some(b'?') => self.skip_past(b'>'),
                Some(b'/') if self.byte(open + 2).is_some_and(|b| b.is_ascii_alphabetic()) => {
                    self.at = open + 2;
                    let name_end = self.name_end();
                    self.note_end_tag(open + 2, name_end);
                    return Some(self.attributes());
                }
                Some(b'/') => self.skip_past(b'>'),
                Some(letter) if letter.is_ascii_alphabetic() => {
                    let name_start = open + 1;
                    let name_end = self.name_end();
                    let found = self.attributes();
                    self.after_start_tag(name_start, name_end);
                    return Some(found);
                }
                _ => {}
            }
        }
    }

    /// `<!--…-->` (also ended by `--!>`, and `<!-->`/`<!--->` are empty), else `<!…>`.
    fn skip_markup_declaration(&mut self, open: usize) {
        let rest = self.bytes.get(open..).unwrap_or_default();
        if !rest.starts_with(b"<!--") {
            self.skip_past(b'>');
            return;
        }
        let body = open + 4;
        let tail = self.bytes.get(body..).unwrap_or_default();
        if tail.starts_with(b">") || tail.starts_with(b"->") {
            self.at = body + 1;
            return;
        }
        for dash in memchr_iter(b'-', tail) {
            let after = tail.get(dash..).unwrap_or_default();
            if after.starts_with(b"-->") {
                self.at = body + dash + 3;
                return;
            }
            if after.starts_with(b"--!>") {
                self.at = body + dash + 4;
                return;
            }
        }
        self.at = self.bytes.len();
    }

    fn skip_past(&mut self, byte: u8) {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        self.at = memchr(byte, rest).map_or(self.bytes.len(), |i| self.at + i + 1);
    }

    /// Reads a tag name from `at`; returns its end.
    fn name_end(&mut self) -> usize {
        while self
            .byte(self.at)
            .is_some_and(|b| !is_space(b) && b != b'/' && b != b'>')
        {
            self.at += 1;
        }
        self.at
    }

    /// Reads attributes up to and past the tag's `>`, noting where to cut if there are too
    /// many.
    fn attributes(&mut self) -> Found {
        let mut count = 0;
        let mut cut_from = None;
        loop {
            while self.byte(self.at).is_some_and(|b| is_space(b) || b == b'/') {
                self.at += 1;
            }
            match self.byte(self.at) {
                None => {
                    // The tag never ends: the tokenizer drops it, so everything from the
                    // cut on can go.
                    return Found {
                        cut: cut_from.map(|from| (from, self.bytes.len())),
                    };
                }
                Some(b'>') => {
                    self.at += 1;
                    return Found {
                        cut: cut_from.map(|from| (from, self.at - 1)),
                    };
                }
                Some(_) => {}
            }
            count += 1;
            if count > MAX_ATTRIBUTES && cut_from.is_none() {
                cut_from = Some(self.at);
            }
            self.attribute();
        }
    }

    /// Reads one attribute: a name (which may start with `=`), then `=` and a value.
    fn attribute(&mut self) {
        self.at += 1;
        while self
            .byte(self.at)
            .is_some_and(|b| !is_space(b) && !matches!(b, b'/' | b'>' | b'='))
        {
            self.at += 1;
        }
        let mut after = self.at;
        while self.byte(after).is_some_and(is_space) {
            after += 1;
        }
        if self.byte(after) != Some(b'=') {
            return;
        }
        self.at = after + 1;
        while self.byte(self.at).is_some_and(is_space) {
            self.at += 1;
        }
        match self.byte(self.at) {
            Some(quote @ (b'"' | b'\'')) => {
                self.at += 1;
                self.skip_past(quote);
            }
            _ => {
                while self
                    .byte(self.at)
                    .is_some_and(|b| !is_space(b) && b != b'>')
                {
                    self.at += 1;
                }
            }
        }
    }

    fn note_end_tag(&mut self, name_start: usize, name_end: usize) {
        let name = self.bytes.get(name_start..name_end).unwrap_or_default();
        if is_foreign_root(name) {
            self.foreign = self.foreign.saturating_sub(1);
        }
    }

    /// After a start tag: enters `svg` or `math`, or skips the raw text of `script` and the
    /// like (outside `svg` and `math`, where they hold markup).
    fn after_start_tag(&mut self, name_start: usize, name_end: usize) {
        let name = self.bytes.get(name_start..name_end).unwrap_or_default();
        if is_foreign_root(name) {
            self.foreign += 1;
            return;
        }
        if name.eq_ignore_ascii_case(b"plaintext") && self.foreign == 0 {
            self.at = self.bytes.len();
            return;
        }
        if self.foreign == 0
            && RAW_TEXT_ELEMENTS
                .iter()
                .any(|raw| name.eq_ignore_ascii_case(raw))
        {
            self.skip_raw_text(name);
        }
    }

    /// Skips to the end tag `</name` followed by whitespace, `/` or `>`.
    fn skip_raw_text(&mut self, name: &[u8]) {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        for open in memchr_iter(b'<', rest) {
            let candidate = rest.get(open + 1..).unwrap_or_default();
            let Some(after_slash) = candidate.strip_prefix(b"/") else {
                continue;
            };
            let matches_name = after_slash
                .get(..name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name));
            let ends_name = after_slash
                .get(name.len())
                .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>');
            if matches_name && ends_name {
                self.at += open;
                return;
            }
        }
        self.at = self.bytes.len();
    }
}

fn is_foreign_root(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math")
}

/// HTML whitespace as the tokenizer sees it between attributes.
fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flood(count: usize) -> String {
        let attributes: Vec<String> = (0..count).map(|i| format!("a{i}=\"v>{i}\"")).collect();
        format!("<p {}>text</p>", attributes.join(" "))
    }

    #[test]
    fn leaves_ordinary_pages_untouched() {
        let html = "<!doctype html><p class=x id='y' data-z=\"a>b\">t</p><!-- <p a b c> -->";
        assert!(matches!(cap(html), Cow::Borrowed(_)));
    }

    #[test]
    fn cuts_a_tag_after_the_attribute_limit() {
        let html = flood(MAX_ATTRIBUTES + 10);
        let capped = cap(&html);
        let kept = capped.matches("=\"v>").count();
        assert_eq!(kept, MAX_ATTRIBUTES);
        assert!(
            capped.ends_with(">text</p>"),
            "{}",
            &capped[capped.len() - 20..]
        );
    }

    #[test]
    fn drops_an_unclosed_flooded_tag_to_the_end() {
        let html = format!("<p>kept</p><p{}", " a".repeat(MAX_ATTRIBUTES + 5));
        let capped = cap(&html);
        assert_eq!(capped.matches(" a").count(), MAX_ATTRIBUTES);
    }

    #[test]
    fn skips_script_text_but_not_inside_svg() {
        let words = " w".repeat(MAX_ATTRIBUTES + 5);
        let script = format!("<script>if (a<b{words}) {{}}</script><p>x</p>");
        assert!(matches!(cap(&script), Cow::Borrowed(_)));
        let svg = format!("<svg><script>if (a<b{words}) {{}}</script></svg>");
        assert!(matches!(cap(&svg), Cow::Owned(_)));
    }

    #[test]
    fn handles_empty_and_unterminated_comments() {
        let words = " w".repeat(MAX_ATTRIBUTES + 5);
        let html = format!("<!---><p{words}>x");
        assert!(matches!(cap(&html), Cow::Owned(_)));
        assert!(matches!(cap("<!-- never ends <p a>"), Cow::Borrowed(_)));
    }
}
