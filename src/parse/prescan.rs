//! A byte-level pass over the page before the tokenizer reads it.
//!
//! It does three things, all by cutting byte ranges out of the page:
//!
//! 1. **Caps the attributes of a tag.** html5ever's tokenizer checks every new attribute
//!    against those already read in the same tag, so one tag with a hundred thousand
//!    attributes costs it billions of comparisons before the tree builder sees anything. A tag
//!    is cut after [`MAX_ATTRIBUTES`] attributes; real pages never come near the limit.
//! 2. **Drops the bodies of scripts, style sheets and inline SVG**, which no later stage
//!    reads: the text of `<script>` (except JSON-LD, which the metadata stage reads) and of
//!    `<style>`, and the markup inside `<svg>`. They are about two fifths of the bytes of a
//!    news page, and tokenizing them and storing them in the tree costs as much as the markup
//!    around them. The elements stay, empty.
//! 3. **Drops the `data-*` attributes no stage reads** (all but
//!    [`crate::page::READ_DATA_ATTRIBUTES`]): framework state, tracking ids, serialized
//!    props, a twelfth of a page's bytes that html5ever would otherwise copy into the tree.
//!
//! The scan finds tags the way the tokenizer does (comments, the raw text of `script`, `style`
//! and the like, quoted values). Where its view could differ from the tokenizer's it is
//! cautious: a script body holding `<!--` (which can move the tokenizer into its escaped
//! states, where `</script>` may not end the script) is kept; inside `svg` and `math`, where
//! `script` and `style` hold markup, nothing is dropped and raw text is read as markup, which
//! can only make the attribute cap cut more, never miss a flood. An `svg` body is kept when
//! the tree builder could end the `svg` before its end tag: when it holds an HTML element
//! that breaks out of foreign content (`<p>`, `<div>`…), an end tag for an element opened
//! outside it, or a CDATA section. Markup that misnests `svg` and `math` end tags, or hides a
//! `<style>` inside a `<select>` (where the tree builder ignores the tag), can still see a
//! never-content element's markup dropped; that changes nothing a reader is shown.

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

/// The page with every tag cut to at most [`MAX_ATTRIBUTES`] attributes, and without the
/// bodies of scripts (except JSON), style sheets and `svg` or the unread `data-*` attributes;
/// borrowed when nothing was cut.
pub(crate) fn prepare(html: &str) -> Cow<'_, str> {
    let mut scanner = Scanner {
        bytes: html.as_bytes(),
        at: 0,
        foreign: 0,
        svg_body: None,
        opened_inside: Vec::new(),
        bodies_unsafe: false,
        cuts: Vec::new(),
    };
    while scanner.next_tag() {}
    if scanner.cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (from, to) in scanner.cuts {
        // Both ends sit on ASCII bytes (whitespace, `/`, `>`, `<` or the end), so on char
        // boundaries. Cuts come in page order; one that overlaps the last extends it.
        if from > copied {
            out.push_str(html.get(copied..from).unwrap_or_default());
        }
        copied = copied.max(to);
    }
    out.push_str(html.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

struct Scanner<'b> {
    bytes: &'b [u8],
    at: usize,
    /// Open `svg` and `math` elements: raw-text elements inside them are markup.
    foreign: usize,
    /// Where the body of the outermost open `svg` starts, while it may still be cut.
    svg_body: Option<usize>,
    /// Names of the elements opened inside the outermost `svg` or `math`.
    opened_inside: Vec<&'b [u8]>,
    /// Set once the scan's view may have parted from the tokenizer's: no body is cut after.
    bodies_unsafe: bool,
    /// Byte ranges to remove, in page order.
    cuts: Vec<(usize, usize)>,
}

impl<'b> Scanner<'b> {
    fn byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    /// Moves to the next tag and reads it; false at the end of the input.
    fn next_tag(&mut self) -> bool {
        loop {
            let Some(rest) = self.bytes.get(self.at..) else {
                return false;
            };
            let Some(open) = memchr(b'<', rest).map(|at| self.at + at) else {
                return false;
            };
            self.at = open + 1;
            match self.byte(open + 1) {
                Some(b'!') => self.skip_markup_declaration(open),
                Some(b'?') => self.skip_past(b'>'),
                Some(b'/') if self.byte(open + 2).is_some_and(|b| b.is_ascii_alphabetic()) => {
                    self.at = open + 2;
                    let name_end = self.name_end();
                    self.note_end_tag(open, name_end);
                    self.attributes();
                    return true;
                }
                Some(b'/') => self.skip_past(b'>'),
                Some(letter) if letter.is_ascii_alphabetic() => {
                    let name_start = open + 1;
                    let name_end = self.name_end();
                    let self_closing = self.attributes();
                    self.after_start_tag(open, name_start, name_end, self_closing);
                    return true;
                }
                _ => {}
            }
        }
    }

    /// `<!--…-->` (also ended by `--!>`, and `<!-->`/`<!--->` are empty), else `<!…>`.
    fn skip_markup_declaration(&mut self, open: usize) {
        let rest = self.bytes.get(open..).unwrap_or_default();
        if !rest.starts_with(b"<!--") {
            // In `svg` and `math`, `<![CDATA[` opens a section that only `]]>` ends.
            self.svg_body = self.svg_body.filter(|_| self.foreign == 0);
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
        self.at = find_class(self.bytes, self.at, SPACE | SLASH | CLOSE);
        self.at
    }

    /// Reads attributes up to and past the tag's `>`, noting where to cut if there are too
    /// many; whether the tag closes itself (`/>`).
    fn attributes(&mut self) -> bool {
        if self.byte(self.at) == Some(b'>') {
            // Most tags end with their name (every end tag, `<p>`, `<li>`): no attributes, and
            // the name's last byte is no `/`.
            self.at += 1;
            return false;
        }
        self.read_attributes()
    }

    /// [`Self::attributes`] past the tag's name.
    fn read_attributes(&mut self) -> bool {
        let mut count = 0;
        let mut cut_from = None;
        loop {
            self.at = skip_class(self.bytes, self.at, SPACE | SLASH);
            match self.byte(self.at) {
                None => {
                    // The tag never ends: the tokenizer drops it, so everything from the
                    // cut on can go.
                    if let Some(from) = cut_from {
                        self.cut_over(from, self.bytes.len());
                    }
                    return false;
                }
                Some(b'>') => {
                    if let Some(from) = cut_from {
                        self.cut_over(from, self.at);
                    }
                    let self_closing = self.byte(self.at.wrapping_sub(1)) == Some(b'/');
                    self.at += 1;
                    return self_closing;
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

    /// Reads one attribute: a name (which may start with `=`), then `=` and a value. Most
    /// attributes are `name="value"`, read without looking for spaces around the `=`.
    fn attribute(&mut self) {
        let start = self.at;
        let name_end = find_class(self.bytes, start + 1, SPACE | SLASH | CLOSE | EQUALS);
        let mut at = name_end;
        if self.byte(at) != Some(b'=') {
            at = skip_class(self.bytes, at, SPACE);
            if self.byte(at) != Some(b'=') {
                self.at = name_end;
                self.drop_if_unread(start, name_end);
                return;
            }
        }
        at += 1;
        if !matches!(self.byte(at), Some(b'"' | b'\'')) {
            at = skip_class(self.bytes, at, SPACE);
        }
        self.at = at;
        match self.byte(at) {
            Some(quote @ (b'"' | b'\'')) => {
                self.at += 1;
                self.skip_past(quote);
            }
            _ => self.at = find_class(self.bytes, at, SPACE | CLOSE),
        }
        self.drop_if_unread(start, name_end);
    }

    /// Cuts the attribute from `start` (its name ends at `name_end`, its value at `at`) when
    /// it is a `data-*` attribute no stage reads, in HTML content the scan reads as the
    /// tokenizer does (inside `svg` and `math` a tag may be text to the tokenizer).
    fn drop_if_unread(&mut self, start: usize, name_end: usize) {
        if self.foreign > 0 || self.bodies_unsafe {
            return;
        }
        let name = self.bytes.get(start..name_end).unwrap_or_default();
        if name.first().is_none_or(|&b| b | 0x20 != b'd') {
            return;
        }
        let is_data = name
            .get(..5)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case(b"data-"));
        if is_data
            && !crate::page::READ_DATA_ATTRIBUTES
                .iter()
                .any(|read| name.eq_ignore_ascii_case(read.as_bytes()))
        {
            self.cut(start, self.at);
        }
    }

    /// An end tag opening at `open`: may leave `svg` or `math`, and cuts the body of an
    /// `svg` it ends.
    fn note_end_tag(&mut self, open: usize, name_end: usize) {
        if self.foreign == 0 {
            return;
        }
        let name = self.bytes.get(open + 2..name_end).unwrap_or_default();
        if is_foreign_root(name) {
            self.foreign -= 1;
            if self.foreign == 0
                && let Some(body) = self.svg_body.take()
                && !self.bodies_unsafe
            {
                self.cut_over(body, open);
            }
        } else if !self
            .opened_inside
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name))
        {
            // An end tag for an element opened outside closes the `svg` along with it.
            self.svg_body = None;
        }
    }

    fn cut(&mut self, from: usize, to: usize) {
        if from < to {
            self.cuts.push((from, to));
        }
    }

    /// Cuts `from..to`, which may enclose cuts made since `from` (attributes of a flooded
    /// tag, tags inside an `svg` body): they go, so the cuts stay in page order.
    fn cut_over(&mut self, from: usize, to: usize) {
        while self.cuts.last().is_some_and(|&(start, _)| start >= from) {
            self.cuts.pop();
        }
        self.cut(from, to);
    }

    /// After a start tag: enters `svg` or `math` (noting where an `svg` body starts), or skips
    /// the raw text of `script` and the like (outside `svg` and `math`, where they hold
    /// markup), cutting the bodies of scripts and style sheets.
    fn after_start_tag(
        &mut self,
        open: usize,
        name_start: usize,
        name_end: usize,
        self_closing: bool,
    ) {
        let name: &'b [u8] = self.bytes.get(name_start..name_end).unwrap_or_default();
        if self.foreign > 0 {
            self.note_foreign_start_tag(name);
        }
        if !may_be_special(name) {
            return;
        }
        if is_foreign_root(name) {
            if self_closing {
                return;
            }
            if self.foreign == 0 {
                self.opened_inside.clear();
                self.svg_body = name.eq_ignore_ascii_case(b"svg").then_some(self.at);
            }
            self.foreign += 1;
            return;
        }
        if name.eq_ignore_ascii_case(b"plaintext") {
            if self.foreign == 0 {
                self.at = self.bytes.len();
            } else {
                // Inside an `svg` integration point it would be HTML, and all the rest text.
                self.bodies_unsafe = true;
            }
            return;
        }
        if self.foreign == 0
            && RAW_TEXT_ELEMENTS
                .iter()
                .any(|raw| name.eq_ignore_ascii_case(raw))
        {
            let body = self.at;
            self.skip_raw_text(name);
            let tag = self.bytes.get(open..body).unwrap_or_default();
            let text = self.bytes.get(body..self.at).unwrap_or_default();
            if !self.bodies_unsafe && is_unread_body(name, tag, text) {
                self.cut(body, self.at);
            }
        }
    }

    /// A start tag inside `svg` or `math`: an HTML element such as `<p>` or `<div>` ends the
    /// foreign element there, so its body is kept.
    fn note_foreign_start_tag(&mut self, name: &'b [u8]) {
        if is_foreign_breakout(name) {
            self.svg_body = None;
        }
        if !self
            .opened_inside
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name))
        {
            self.opened_inside.push(name);
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

/// Whether the body `text` of the raw-text element `name` that opens with `tag` is dropped:
/// a style sheet, or a script that holds no `<!--` (after which the tokenizer's escaped
/// states could end the script elsewhere than the scan does) and whose tag neither mentions
/// JSON nor holds a character reference (`type="application&#x2F;ld&#x2B;json"` is JSON-LD
/// too, once the tokenizer decodes it).
fn is_unread_body(name: &[u8], tag: &[u8], text: &[u8]) -> bool {
    if name.eq_ignore_ascii_case(b"style") {
        return true;
    }
    name.eq_ignore_ascii_case(b"script")
        && !contains_ignoring_case(tag, b"json")
        && memchr(b'&', tag).is_none()
        && memchr::memmem::find(text, b"<!--").is_none()
}

/// Whether `haystack` holds `needle` (ASCII lowercase) in any case.
fn contains_ignoring_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

/// HTML elements whose start tag ends `svg` and `math` content (and `font`, which does with
/// some attributes), per the HTML standard's rules for foreign content.
const FOREIGN_BREAKOUTS: &[&[u8]] = &[
    b"b",
    b"big",
    b"blockquote",
    b"body",
    b"br",
    b"center",
    b"code",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"em",
    b"embed",
    b"font",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"hr",
    b"i",
    b"img",
    b"li",
    b"listing",
    b"menu",
    b"meta",
    b"nobr",
    b"ol",
    b"p",
    b"pre",
    b"ruby",
    b"s",
    b"small",
    b"span",
    b"strike",
    b"strong",
    b"sub",
    b"sup",
    b"table",
    b"tt",
    b"u",
    b"ul",
    b"var",
];

fn is_foreign_breakout(name: &[u8]) -> bool {
    FOREIGN_BREAKOUTS
        .iter()
        .any(|breakout| name.eq_ignore_ascii_case(breakout))
}

/// Whether `name` may be `svg`, `math`, `plaintext` or one of the [`RAW_TEXT_ELEMENTS`], by
/// its first letter and its length: most tags (`div`, `a`, `li`, `p`, `img`) are none, and
/// this spares them a dozen name comparisons.
fn may_be_special(name: &[u8]) -> bool {
    let first = name.first().map_or(0, |b| b | 0x20);
    matches!(
        (first, name.len()),
        (b's', 3 | 5 | 6)
            | (b't', 5 | 8)
            | (b'x' | b'p', 3 | 9)
            | (b'i', 6)
            | (b'n', 7 | 8)
            | (b'm', 4)
    )
}

fn is_foreign_root(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math")
}

/// HTML whitespace as the tokenizer sees it between attributes.
fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

/// HTML whitespace, in [`BYTE_CLASSES`].
const SPACE: u8 = 1;
/// `/`, in [`BYTE_CLASSES`].
const SLASH: u8 = 2;
/// `>`, in [`BYTE_CLASSES`].
const CLOSE: u8 = 4;
/// `=`, in [`BYTE_CLASSES`].
const EQUALS: u8 = 8;

/// The class bits of every byte the attribute scan stops at or skips; other bytes have none.
static BYTE_CLASSES: [u8; 256] = {
    let mut classes = [0; 256];
    classes[b' ' as usize] = SPACE;
    classes[b'\t' as usize] = SPACE;
    classes[b'\n' as usize] = SPACE;
    classes[b'\r' as usize] = SPACE;
    classes[0x0C] = SPACE;
    classes[b'/' as usize] = SLASH;
    classes[b'>' as usize] = CLOSE;
    classes[b'=' as usize] = EQUALS;
    classes
};

/// The first position from `at` on whose byte is in none of `classes`, or the end.
fn skip_class(bytes: &[u8], at: usize, classes: u8) -> usize {
    let rest = bytes.get(at..).unwrap_or_default();
    at + rest
        .iter()
        .position(|&b| BYTE_CLASSES[usize::from(b)] & classes == 0)
        .unwrap_or(rest.len())
}

/// The first position from `at` on whose byte is in one of `classes`, or the end.
fn find_class(bytes: &[u8], at: usize, classes: u8) -> usize {
    let rest = bytes.get(at..).unwrap_or_default();
    at + rest
        .iter()
        .position(|&b| BYTE_CLASSES[usize::from(b)] & classes != 0)
        .unwrap_or(rest.len())
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
        let html = "<!doctype html><p class=x id='y' title=\"a>b\">t</p><!-- <p a b c> -->";
        assert!(matches!(prepare(html), Cow::Borrowed(_)));
    }

    #[test]
    fn cuts_a_tag_after_the_attribute_limit() {
        let html = flood(MAX_ATTRIBUTES + 10);
        let capped = prepare(&html);
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
        let capped = prepare(&html);
        assert_eq!(capped.matches(" a").count(), MAX_ATTRIBUTES);
    }

    #[test]
    fn skips_script_text_but_not_inside_svg() {
        let words = " w".repeat(MAX_ATTRIBUTES + 5);
        let script = format!("<script>if (a<b{words}) {{}}</script><p>x</p>");
        assert_eq!(prepare(&script), "<script></script><p>x</p>");
        // Inside `svg` the script holds markup: its `<b` tag is capped, nothing else is cut.
        let svg = format!("<svg><script>if (a<b{words}) {{}}</script></svg>");
        let capped = prepare(&svg);
        assert_eq!(capped.matches(" w").count(), MAX_ATTRIBUTES);
        assert!(capped.ends_with("></svg>"));
    }

    #[test]
    fn drops_script_and_style_bodies() {
        let html = "<head><style>p { color: red }</style><script src=a.js></script>\
                    <SCRIPT type=module>let a = '</scripts>';</SCRIPT ></head><p>text</p>";
        assert_eq!(
            prepare(html),
            "<head><style></style><script src=a.js></script>\
             <SCRIPT type=module></SCRIPT ></head><p>text</p>"
        );
    }

    #[test]
    fn keeps_json_ld_and_escaped_scripts() {
        let json_ld = r#"<script type="application/LD+JSON">{"headline": "a<b"}</script>"#;
        assert!(matches!(prepare(json_ld), Cow::Borrowed(_)));
        let encoded = r#"<script type="application&#x2F;ld&#x2B;json">{"a": 1}</script>"#;
        assert!(matches!(prepare(encoded), Cow::Borrowed(_)));
        // After `<!--` the tokenizer's escaped states decide where the script ends.
        let escaped = "<script><!-- document.write('<script></script>') --></script><p>x</p>";
        assert!(matches!(prepare(escaped), Cow::Borrowed(_)));
    }

    #[test]
    fn keeps_bodies_in_foreign_content_and_after_it_ends() {
        // Inside `svg` a style is markup (the svg body goes as a whole).
        let svg = "<svg><style>.a{}</style><p>out</p></svg><style>.b{}</style>";
        assert_eq!(
            prepare(svg),
            "<svg><style>.a{}</style><p>out</p></svg><style></style>"
        );
        let math = "<math><script>x</script></math><script>y</script>";
        assert_eq!(
            prepare(math),
            "<math><script>x</script></math><script></script>"
        );
    }

    #[test]
    fn drops_svg_bodies() {
        let html = "<p>a</p><svg viewBox='0 0 1 1'><path d='M0 0'/><g><title>x</title></g>\
                    </svg><p>b</p><SVG/><script>x</script>";
        assert_eq!(
            prepare(html),
            "<p>a</p><svg viewBox='0 0 1 1'></svg><p>b</p><SVG/><script></script>"
        );
        let nested = "<svg><svg><g></g></svg><use href=#i></use></svg><style>s</style>";
        assert_eq!(prepare(nested), "<svg></svg><style></style>");
    }

    #[test]
    fn drops_data_attributes_no_stage_reads() {
        let html = "<div data-props='{\"a\": 1}' class=x DATA-id=7 data-flag>\
                    <img data-src=a.jpg data-srcset=\"b.jpg 2x\"></div></p data-x=1>";
        assert_eq!(
            prepare(html),
            "<div  class=x  >\
             <img data-src=a.jpg ></div></p >"
        );
    }

    #[test]
    fn every_special_name_passes_the_first_letter_test() {
        let special = RAW_TEXT_ELEMENTS
            .iter()
            .copied()
            .chain([&b"svg"[..], b"math", b"plaintext"]);
        for name in special {
            assert!(may_be_special(name), "{}", String::from_utf8_lossy(name));
            assert!(may_be_special(&name.to_ascii_uppercase()));
        }
        assert!(!may_be_special(b"div") && !may_be_special(b"span") && !may_be_special(b""));
    }

    #[test]
    fn reads_attributes_with_spaces_around_the_equals_sign() {
        let html = "<p data-a = \"1 > 2\" =odd data-b =\n'x' data-c= y/data-d=z\tid=k/>";
        assert_eq!(prepare(html), "<p  =odd  \tid=k/>");
    }

    #[test]
    fn cuts_a_flooded_tag_with_data_attributes_in_order() {
        let attributes = " a".repeat(MAX_ATTRIBUTES);
        let html = format!("<p data-x=1{attributes} data-y=2 b>text</p>");
        let capped = prepare(&html);
        assert_eq!(capped.matches(" a").count(), MAX_ATTRIBUTES - 1);
        assert!(capped.starts_with("<p  a a"), "{}", &capped[..10]);
        assert!(
            capped.ends_with(" a >text</p>"),
            "{}",
            &capped[capped.len() - 20..]
        );
    }

    #[test]
    fn drops_an_svg_body_with_a_flooded_tag_inside() {
        let html = format!(
            "<svg><path{}/></svg><p>x</p>",
            " a".repeat(MAX_ATTRIBUTES + 5)
        );
        assert_eq!(prepare(&html), "<svg></svg><p>x</p>");
    }

    #[test]
    fn keeps_svg_bodies_the_tree_builder_may_leave_early() {
        for html in [
            "<svg><g><p>text breaks out</p></g></svg>",
            "<div><svg><g></div><p>after</p></svg>",
            "<svg><![CDATA[</svg>]]></svg>",
            "<svg><foreignObject><plaintext></svg><p>text</p>",
            "<math><mi>x</mi></math>",
            "<math><mi><xmp><p data-x=1>shown as text</xmp></mi></math>",
        ] {
            assert!(matches!(prepare(html), Cow::Borrowed(_)), "{html}");
        }
    }

    #[test]
    fn drops_an_unterminated_script_to_the_end() {
        assert_eq!(prepare("<p>a</p><script>var x = 1;"), "<p>a</p><script>");
    }

    #[test]
    fn keeps_script_text_in_raw_text_and_plaintext() {
        let html = "<textarea><script>x</script></textarea><plaintext><script>y</script>";
        assert!(matches!(prepare(html), Cow::Borrowed(_)));
    }

    #[test]
    fn handles_empty_and_unterminated_comments() {
        let words = " w".repeat(MAX_ATTRIBUTES + 5);
        let html = format!("<!---><p{words}>x");
        assert!(matches!(prepare(&html), Cow::Owned(_)));
        assert!(matches!(prepare("<!-- never ends <p a>"), Cow::Borrowed(_)));
    }
}
