//! Building running text with its links and emphasis: [`InlineBuilder`], and [`inline_of`]
//! for the text of one subtree (a list item, a table cell, a caption).

use url::Url;

use crate::clean::Cleaned;
use crate::document::{Inline, Link, Mark, MarkKind};
use crate::page::{Flags, Page, Tag, text};

/// Accumulates the text of one block; links and marks are recorded as byte ranges.
#[derive(Debug, Default)]
pub(crate) struct InlineBuilder {
    text: String,
    links: Vec<Link>,
    marks: Vec<Mark>,
}

impl InlineBuilder {
    /// Appends text with whitespace collapsed.
    pub(crate) fn push_text(&mut self, value: &str) {
        text::push_collapsed(&mut self.text, value);
    }

    /// Appends text exactly as written (inside `<pre>`).
    pub(crate) fn push_raw(&mut self, value: &str) {
        self.text.push_str(value);
    }

    /// A space between words, unless one is already there.
    pub(crate) fn push_space(&mut self) {
        text::push_space(&mut self.text);
    }

    /// A `<br>`: a line break inside the block.
    pub(crate) fn line_break(&mut self) {
        let trimmed = self.text.trim_end_matches(' ').len();
        self.text.truncate(trimmed);
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// Whether the text ends with a line break (two `<br>` in a row end a paragraph).
    pub(crate) fn ends_with_line_break(&self) -> bool {
        self.text.ends_with('\n')
    }

    /// The current length, where a link or mark opened now would start.
    pub(crate) fn position(&self) -> usize {
        self.text.len()
    }

    /// Records a link over the text from `start` to here.
    pub(crate) fn add_link(&mut self, start: usize, url: String) {
        if let Some((start, end)) = self.trimmed_range(start) {
            let text = self.text[start..end].to_owned();
            self.links.push(Link {
                text,
                url,
                start,
                end,
            });
        }
    }

    /// Records emphasis over the text from `start` to here.
    pub(crate) fn add_mark(&mut self, kind: MarkKind, start: usize) {
        if let Some((start, end)) = self.trimmed_range(start) {
            self.marks.push(Mark { kind, start, end });
        }
    }

    /// The range from `start` to the end, without surrounding whitespace; `None` when empty.
    fn trimmed_range(&self, start: usize) -> Option<(usize, usize)> {
        let slice = self.text.get(start..)?;
        let leading = slice.len() - slice.trim_start().len();
        let trailing = slice.len() - slice.trim_end().len();
        let (start, end) = (start + leading, self.text.len() - trailing);
        (start < end).then_some((start, end))
    }

    /// Whether nothing visible has been added.
    pub(crate) fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Takes the built text, trimmed, leaving the builder empty for the next block.
    pub(crate) fn take(&mut self) -> Inline {
        let trimmed = self.text.trim_end().len();
        self.text.truncate(trimmed);
        let len = self.text.len();
        let mut inline = Inline {
            text: std::mem::take(&mut self.text),
            links: std::mem::take(&mut self.links),
            marks: std::mem::take(&mut self.marks),
        };
        inline
            .links
            .retain_mut(|link| clamp(&mut link.start, &mut link.end, len));
        inline
            .marks
            .retain_mut(|mark| clamp(&mut mark.start, &mut mark.end, len));
        inline
            .marks
            .sort_by_key(|mark| (mark.start, std::cmp::Reverse(mark.end)));
        inline
    }
}

fn clamp(start: &mut usize, end: &mut usize, len: usize) -> bool {
    *end = (*end).min(len);
    *start < *end
}

/// The emphasis kind of an inline tag.
pub(crate) fn mark_kind(tag: Tag) -> Option<MarkKind> {
    match tag {
        Tag::Em | Tag::I => Some(MarkKind::Emphasis),
        Tag::Strong | Tag::B => Some(MarkKind::Strong),
        Tag::Code | Tag::Kbd | Tag::Samp => Some(MarkKind::Code),
        _ => None,
    }
}

/// Schemes whose URLs run code or carry a document of their own when followed; a link or
/// image with one of them is dropped and its text kept.
const SCRIPT_SCHEMES: &[&str] = &["javascript", "vbscript", "data"];

/// The absolute form of a link target, or `None` for targets that are not links (empty,
/// fragment-only) or that run code (`javascript:`, `vbscript:`, `data:`).
///
/// The target is parsed the way browsers parse it (the WHATWG URL rules drop tabs and
/// newlines and leading spaces, so `jav&#x09;ascript:` is `javascript:`) and the scheme is
/// checked after that. An absolute target comes back normalised; a relative one is resolved
/// against the base, or kept as written when there is none or it cannot resolve it.
pub(crate) fn resolve_href(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    if let Some(resolved) = resolve_plain_href(href, base) {
        return Some(resolved);
    }
    resolve_by_parser(href, base)
}

/// [`resolve_href`] through the URL parser, for any target.
fn resolve_by_parser(href: &str, base: Option<&Url>) -> Option<String> {
    let parsed = match base {
        Some(base) => base.join(href),
        None => Url::parse(href),
    };
    match parsed {
        Ok(url) => (!SCRIPT_SCHEMES.contains(&url.scheme())).then(|| String::from(url)),
        // A relative target without a base, or one that the base cannot resolve (`data:`,
        // `hard::name`), stays as written: the parser found no scheme in it to run.
        Err(_) => Some(href.to_owned()),
    }
}

/// [`resolve_href`] without the URL parser, for the targets most links have, whose resolved
/// form the parser would write out byte for byte as this does: an `http(s)` URL already in
/// normal form, or a path from the root or a scheme-relative URL in normal form against an
/// `http(s)` base. `None` sends every other target to the parser.
///
/// Normal form here is conservative: a lowercase domain name (no port, user, IP address or
/// punycode), a path after it, and only characters the parser neither encodes nor rewrites
/// (no `\`, quotes, angle brackets, braces or backticks, no `.` or `%2e` segment). When the
/// parser rejects such a target, it is kept as written, which is what this returns too.
fn resolve_plain_href(href: &str, base: Option<&Url>) -> Option<String> {
    if !is_plain_target(href) {
        return None;
    }
    if let Some(rest) = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))
    {
        return has_plain_host(rest).then(|| href.to_owned());
    }
    let base = base.filter(|base| matches!(base.scheme(), "http" | "https"))?;
    let (head, separator) = match href.strip_prefix("//") {
        Some(rest) if has_plain_host(rest) => (base.scheme(), ":"),
        Some(_) => return None,
        None if href.starts_with('/') => (&base[..url::Position::BeforePath], ""),
        None => return None,
    };
    let mut resolved = String::with_capacity(head.len() + separator.len() + href.len());
    resolved.push_str(head);
    resolved.push_str(separator);
    resolved.push_str(href);
    Some(resolved)
}

/// The bytes the URL parser keeps as they are anywhere after the host of an `http(s)` URL:
/// printable ASCII outside the sets it percent-encodes or rewrites.
const PLAIN_URL_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = b'!';
    while byte <= b'~' {
        table[byte as usize] = !matches!(
            byte,
            b'"' | b'\'' | b'<' | b'>' | b'\\' | b'`' | b'{' | b'}'
        );
        byte += 1;
    }
    table
};

/// Whether every byte of a target is one of [`PLAIN_URL_BYTES`] and no slash is followed by a
/// dot or a percent sign, which may open a `.` or `..` segment (also written `%2e`) that the
/// parser removes.
fn is_plain_target(href: &str) -> bool {
    let mut after_slash = false;
    for &byte in href.as_bytes() {
        if !PLAIN_URL_BYTES[usize::from(byte)] || (after_slash && matches!(byte, b'.' | b'%')) {
            return false;
        }
        after_slash = byte == b'/';
    }
    true
}

/// Whether what follows a URL's `//` is a host the parser keeps as written, then a path: a
/// domain name of lowercase ASCII letters, digits, hyphens and inner dots, whose last label
/// is no number (an IPv4 address is rewritten) and none of whose labels is punycode (which is
/// checked and may be rewritten).
fn has_plain_host(after_slashes: &str) -> bool {
    let Some(end) = after_slashes.find('/') else {
        return false;
    };
    let host = &after_slashes.as_bytes()[..end];
    let mut label_start = 0;
    for (at, &byte) in host.iter().enumerate() {
        if at == label_start && host[at..].starts_with(b"xn--") {
            return false;
        }
        match byte {
            b'.' if at > label_start => label_start = at + 1,
            b'a'..=b'z' | b'0'..=b'9' | b'-' => {}
            _ => return false,
        }
    }
    host.get(label_start).is_some_and(u8::is_ascii_lowercase)
}

/// A pending link or mark while walking a subtree.
#[derive(Debug)]
enum Open {
    Link {
        end: u32,
        start: usize,
        url: String,
    },
    Mark {
        end: u32,
        start: usize,
        kind: MarkKind,
    },
    /// A block element: its end separates words, as its start does (`<td><div>Oslo</div>north`).
    Block {
        end: u32,
    },
}

impl Open {
    fn end(&self) -> u32 {
        match self {
            Open::Link { end, .. } | Open::Mark { end, .. } | Open::Block { end } => *end,
        }
    }

    fn close(self, builder: &mut InlineBuilder) {
        match self {
            Open::Link { start, url, .. } => builder.add_link(start, url),
            Open::Mark { start, kind, .. } => builder.add_mark(kind, start),
            Open::Block { .. } => builder.push_space(),
        }
    }
}

/// The text of the subtree at `index`, with links and marks, skipping removed subtrees and
/// any node for which `skip` says so (nested lists of a list item, say).
pub(crate) fn inline_of(
    page: &Page<'_>,
    cleaned: &Cleaned,
    base: Option<&Url>,
    index: u32,
    skip: impl Fn(u32) -> bool,
) -> Inline {
    let mut builder = InlineBuilder::default();
    let Some(root) = page.nodes.get(index as usize) else {
        return builder.take();
    };
    let mut open: Vec<Open> = Vec::new();
    let mut at = index + 1;
    while at < root.end {
        while open.last().is_some_and(|o| o.end() <= at) {
            if let Some(done) = open.pop() {
                done.close(&mut builder);
            }
        }
        let node = &page.nodes[at as usize];
        if cleaned.reason(at).is_some() || skip(at) {
            at = node.end;
            continue;
        }
        match node.node.value() {
            scraper::Node::Text(value) if node.flags.contains(Flags::IN_PRE) => {
                builder.push_raw(value);
            }
            scraper::Node::Text(value) => builder.push_text(value),
            _ => open_inline(page, base, at, &mut builder, &mut open),
        }
        at += 1;
    }
    while let Some(done) = open.pop() {
        done.close(&mut builder);
    }
    builder.take()
}

fn open_inline(
    page: &Page<'_>,
    base: Option<&Url>,
    at: u32,
    builder: &mut InlineBuilder,
    open: &mut Vec<Open>,
) {
    let node = &page.nodes[at as usize];
    let tag = node.tag;
    if tag == Tag::Br {
        builder.line_break();
    } else if tag.is_block() || tag == Tag::MathToken {
        builder.push_space();
        open.push(Open::Block { end: node.end });
    } else if tag == Tag::A {
        if let Some(url) = page.attr(at, "href").and_then(|h| resolve_href(h, base)) {
            let start = builder.position();
            open.push(Open::Link {
                end: node.end,
                start,
                url,
            });
        }
    } else if let Some(kind) = mark_kind(tag) {
        let start = builder.position();
        open.push(Open::Mark {
            end: node.end,
            start,
            kind,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{Mode, clean};
    use scraper::Html;

    fn inline(html: &str, base: Option<&str>) -> Inline {
        let parsed = Html::parse_document(html);
        let page = Page::build(&parsed);
        let cleaned = clean(&page, Mode::Strict);
        let base = base.map(|b| Url::parse(b).unwrap());
        let p = (0..page.nodes.len() as u32)
            .find(|&i| page.tag(i) == Tag::P)
            .unwrap();
        inline_of(&page, &cleaned, base.as_ref(), p, |_| false)
    }

    #[test]
    fn keeps_spacing_across_inline_tags() {
        let found = inline("<p>Hello <b>big</b>world and <i>small</i> one</p>", None);
        assert_eq!(found.text, "Hello bigworld and small one");
        let kinds: Vec<_> = found
            .marks
            .iter()
            .map(|m| (m.kind, m.start, m.end))
            .collect();
        assert_eq!(
            kinds,
            [(MarkKind::Strong, 6, 9), (MarkKind::Emphasis, 19, 24)]
        );
    }

    #[test]
    fn records_absolute_links_with_ranges() {
        let found = inline(
            "<p>See <a href='/story'> the story </a> now</p>",
            Some("https://example.com/news/"),
        );
        assert_eq!(found.text, "See the story now");
        assert_eq!(
            found.links,
            [Link {
                text: "the story".into(),
                url: "https://example.com/story".into(),
                start: 4,
                end: 13
            }]
        );
    }

    #[test]
    fn drops_script_links_but_keeps_their_text() {
        let found = inline("<p>Go <a href='javascript:alert(1)'>here</a></p>", None);
        assert_eq!(found.text, "Go here");
        assert!(found.links.is_empty());
    }

    #[test]
    fn keeps_targets_a_base_cannot_resolve() {
        let base = Url::parse("hard::dw.com.colonial.html").unwrap();
        assert_eq!(
            resolve_href("/en/story", Some(&base)).as_deref(),
            Some("/en/story")
        );
    }

    #[test]
    fn drops_script_links_hidden_by_entities_and_whitespace() {
        for href in [
            "jav&#x09;ascript:alert(1)",
            " javascript:alert(2)",
            "java&#10;script:alert(3)",
            "JaVaScRiPt&colon;alert(4)",
            "vbscript:msgbox(5)",
            "data:text/html;base64,PHNjcmlwdD4=",
        ] {
            let html = format!("<p>Go <a href=\"{href}\">here</a></p>");
            for base in [None, Some("https://example.com/")] {
                let found = inline(&html, base);
                assert_eq!(found.text, "Go here");
                assert!(
                    found.links.is_empty(),
                    "{href} with base {base:?}: {found:?}"
                );
            }
        }
    }

    #[test]
    fn resolves_plain_targets_as_the_url_parser_does() {
        let hrefs = [
            "https://example.com/a/b?q=1&r=[2]#top",
            "http://news.example.co.uk/2024/05/story.html",
            "https://Example.com/a",
            "https://example.com",
            "https://example.com?x=/y",
            "https://example.com:443/a",
            "https://user@example.com/a",
            "https://192.168.0.1/a",
            "https://example.0x10/a",
            "https://xn--bcher-kva.example/a",
            "https://www.xn--bcher-kva.de/a",
            "https://a-b.c9.example/x?y#z",
            "https://a.b/%7e/%2",
            "https://example.com./a",
            "https://a..b/a",
            "https://example.com/a/./b",
            "https://example.com/a/%2E%2e/b",
            "https://example.com/a\\b",
            "https://example.com/a b",
            "https://example.com/it's",
            "https://example.com/{x}",
            "https://example.com/caf\u{e9}",
            "https://-bad-.example/a",
            "/en/story?id=4#c",
            "/",
            "//cdn.example.com/a",
            "//cdn.example.com",
            "//CDN.example.com/a",
            "//cdn.example.com:81/a",
            "///a",
            "//./a",
            "/a/../b",
            "/a|b^c",
            "story",
            "?page=2",
            "HTTPS://example.com/a",
            "mailto:desk@example.com",
        ];
        let bases = [
            None,
            Some("https://example.com/news/today.html"),
            Some("http://user:pw@example.com:8080/x/"),
            Some("file:///home/page.html"),
            Some("hard::dw.com.colonial.html"),
        ];
        for base in bases {
            let base = base.map(|b| Url::parse(b).unwrap());
            for href in hrefs {
                assert_eq!(
                    resolve_href(href, base.as_ref()),
                    resolve_by_parser(href, base.as_ref()),
                    "{href} against {base:?}"
                );
            }
        }
        let base = Url::parse("https://example.com/news/").unwrap();
        assert!(resolve_plain_href("https://example.com/a", None).is_some());
        assert!(resolve_plain_href("/a?b#c", Some(&base)).is_some());
        assert!(resolve_plain_href("//cdn.example.com/a", Some(&base)).is_some());
    }

    #[test]
    fn keeps_relative_links_without_a_base() {
        let found = inline("<p>See <a href='/story'>the story</a></p>", None);
        assert_eq!(found.links[0].url, "/story");
    }

    #[test]
    fn block_elements_inside_a_subtree_separate_words() {
        let parsed = Html::parse_document(
            "<table><tr><td><div>Oslo</div>north<p>cold</p>coast</td></tr></table>",
        );
        let page = Page::build(&parsed);
        let cleaned = clean(&page, Mode::Strict);
        let td = (0..page.nodes.len() as u32)
            .find(|&i| page.tag(i) == Tag::Td)
            .unwrap();
        let found = inline_of(&page, &cleaned, None, td, |_| false);
        assert_eq!(found.text, "Oslo north cold coast");
    }

    #[test]
    fn line_breaks_become_newlines() {
        let found = inline("<p>one<br> two <br>three</p>", None);
        assert_eq!(found.text, "one\ntwo\nthree");
    }
}
