//! Inline text as Markdown: page text escaped where it could open syntax, links with their
//! destinations encoded, code spans, hard breaks, and emphasis delimiters placed by
//! [`super::delimiters`].

use std::fmt::Write;

use crate::document::{Inline, MarkKind};
use crate::render::link_url;
use crate::render::spans::{self, Event, Span};

use super::delimiters::resolve_delimiters;

/// Where inline text goes: what a line break becomes and what else needs escaping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Context {
    /// A paragraph, quote, list item or caption: line breaks are hard breaks.
    Paragraph,
    /// A heading: one line, and every `#` and `{` escaped (closing sequences, attributes).
    Heading,
    /// A table cell: one line; `|` is escaped inside code spans too.
    TableCell,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token {
    /// Escaped text, never empty.
    Text(String),
    /// An emphasis delimiter of the pair at this index.
    Delimiter {
        pair: usize,
        opens: bool,
    },
    LinkOpen,
    /// `](destination)`.
    LinkClose(String),
    /// The raw content of a code span.
    Code(String),
    /// A hard line break (only in [`Context::Paragraph`]).
    Break,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Pair {
    pub(super) strong: bool,
    /// `*` or `_`.
    pub(super) character: char,
    /// Whether the other character was tried already.
    pub(super) switched: bool,
    pub(super) removed: bool,
}

/// Inline text with its links and emphasis as Markdown; relative links are kept.
pub(super) fn inline_markdown(inline: &Inline, context: Context) -> String {
    let (tokens, mut pairs) = tokens(inline, context);
    resolve_delimiters(&tokens, &mut pairs);
    write_tokens(&tokens, &pairs, context)
}

/// Turns the nested events of an inline into tokens, escaping text as it goes.
fn tokens(inline: &Inline, context: Context) -> (Vec<Token>, Vec<Pair>) {
    let mut tokens = Vec::new();
    let mut pairs: Vec<Pair> = Vec::new();
    let mut open_pairs: Vec<usize> = Vec::new();
    let mut escaper = Escaper::new(context);
    let mut code: Option<String> = None;
    for event in spans::events(inline, |link| link_url(&link.url, true).is_some()) {
        match event {
            Event::Text(text, start) => {
                if let Some(code) = &mut code {
                    code.push_str(text);
                } else {
                    let mut written = String::with_capacity(text.len() + 4);
                    escaper.push(&mut written, &inline.text, start..start + text.len());
                    tokens.push(Token::Text(written));
                }
            }
            Event::Break => match &mut code {
                Some(code) => code.push(' '),
                None if context == Context::Paragraph => {
                    escaper.line_break();
                    tokens.push(Token::Break);
                }
                None => tokens.push(Token::Text(" ".to_owned())),
            },
            Event::Open(Span::Mark(MarkKind::Code)) => code = Some(String::new()),
            Event::Close(Span::Mark(MarkKind::Code)) => {
                if let Some(code) = code.take().filter(|c| !c.is_empty()) {
                    escaper.after_inline_syntax();
                    tokens.push(Token::Code(code));
                }
            }
            Event::Open(Span::Mark(kind)) => {
                open_pairs.push(pairs.len());
                tokens.push(Token::Delimiter {
                    pair: pairs.len(),
                    opens: true,
                });
                pairs.push(Pair {
                    strong: kind == MarkKind::Strong,
                    character: '*',
                    switched: false,
                    removed: false,
                });
            }
            Event::Close(Span::Mark(_)) => {
                if let Some(pair) = open_pairs.pop() {
                    tokens.push(Token::Delimiter { pair, opens: false });
                }
            }
            Event::Open(Span::Link(_)) => {
                escaper.after_inline_syntax();
                tokens.push(Token::LinkOpen);
            }
            Event::Close(Span::Link(index)) => {
                let url = link_url(&inline.links[index].url, true).unwrap_or_default();
                tokens.push(Token::LinkClose(format!("]({})", destination(&url))));
            }
        }
    }
    (tokens, pairs)
}

/// Escapes page text, knowing where lines start.
#[derive(Debug)]
struct Escaper {
    context: Context,
    at_line_start: bool,
    /// Whether the line so far is one or more digits (`1.` would start a list).
    line_is_digits: bool,
}

impl Escaper {
    fn new(context: Context) -> Self {
        // Headings and table cells hold inline content only: no line of theirs starts a
        // block, so `1.` or `+9` in a cell stays as written.
        Escaper {
            context,
            at_line_start: context == Context::Paragraph,
            line_is_digits: false,
        }
    }

    fn line_break(&mut self) {
        self.at_line_start = true;
        self.line_is_digits = false;
    }

    /// Something other than text was written (a link bracket, a code span).
    fn after_inline_syntax(&mut self) {
        self.at_line_start = false;
        self.line_is_digits = false;
    }

    /// Escapes `whole[range]`, looking ahead into the rest of `whole` where it matters: an
    /// `&` can make an entity with text after it, whatever emphasis ends up between them.
    fn push(&mut self, out: &mut String, whole: &str, range: std::ops::Range<usize>) {
        for (at, c) in whole[range.clone()].char_indices() {
            let at = range.start + at;
            let line_start = self.at_line_start;
            let needs_escape = match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' | '$' | '^' => true,
                '#' | '{' if self.context == Context::Heading => true,
                '#' | '>' | '-' | '+' | '=' | ':' => line_start,
                '.' | ')' => self.line_is_digits,
                '&' => starts_entity(&whole[at..]),
                _ => false,
            };
            if needs_escape {
                out.push('\\');
            }
            out.push(c);
            self.line_is_digits = c.is_ascii_digit() && (line_start || self.line_is_digits);
            self.at_line_start = false;
        }
    }
}

/// Whether `text` (starting with `&`) starts what CommonMark reads as an entity or numeric
/// character reference: `&name;`, `&#123;`, `&#x1F;`.
fn starts_entity(text: &str) -> bool {
    let rest = &text[1..];
    let Some(end) = rest.find(';') else {
        return false;
    };
    let body = &rest[..end];
    let numeric = body
        .strip_prefix('#')
        .map(|number| match number.strip_prefix(['x', 'X']) {
            Some(hex) => !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()),
            None => !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()),
        });
    numeric.unwrap_or(!body.is_empty() && body.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// A link destination: characters that would end or break it are percent-encoded, and an `&`
/// that would start an entity is escaped.
pub(super) fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for (at, c) in url.char_indices() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '\\' | '"' | '\'' | '`' => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c if c.is_control() || c.is_whitespace() => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    let _ = write!(out, "%{byte:02X}");
                }
            }
            '&' if starts_entity(&url[at..]) => out.push_str("\\&"),
            c => out.push(c),
        }
    }
    out
}

/// Writes the tokens. Code spans that end up next to each other (the emphasis between them
/// removed) are written as one.
fn write_tokens(tokens: &[Token], pairs: &[Pair], context: Context) -> String {
    let mut out = String::new();
    let mut pending_code: Option<String> = None;
    for token in tokens {
        if let Token::Code(code) = token {
            pending_code.get_or_insert_with(String::new).push_str(code);
            continue;
        }
        if matches!(token, Token::Delimiter { pair, .. } if pairs[*pair].removed) {
            continue;
        }
        if let Some(code) = pending_code.take() {
            write_code_span(&mut out, &code, context);
        }
        match token {
            Token::Text(text) => out.push_str(text),
            Token::Delimiter { pair, .. } => {
                let pair = pairs[*pair];
                out.push(pair.character);
                if pair.strong {
                    out.push(pair.character);
                }
            }
            Token::LinkOpen => {
                // `![` would make the link an image.
                if out.ends_with('!') {
                    out.insert(out.len() - 1, '\\');
                }
                out.push('[');
            }
            Token::LinkClose(close) => out.push_str(close),
            Token::Break => out.push_str("\\\n"),
            Token::Code(_) => {}
        }
    }
    if let Some(code) = pending_code {
        write_code_span(&mut out, &code, context);
    }
    out
}

fn write_code_span(out: &mut String, code: &str, context: Context) {
    let code = if context == Context::TableCell {
        code.replace('|', "\\|")
    } else {
        code.to_owned()
    };
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    // A parser strips one space from each side when both are there (unless the content is
    // all spaces). Padding content that starts or ends with a backtick or a space keeps the
    // fence apart and comes back off exactly.
    let is_all_spaces = code.chars().all(|c| c == ' ');
    let pad = !is_all_spaces && (code.starts_with(['`', ' ']) || code.ends_with(['`', ' ']));
    let pad = if pad { " " } else { "" };
    let _ = write!(out, "{fence}{pad}{code}{pad}{fence}");
}

pub(super) fn longest_run(text: &str, character: char) -> usize {
    text.split(|c| c != character)
        .map(str::len)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Link, Mark};

    fn inline(
        text: &str,
        links: &[(usize, usize, &str)],
        marks: &[(MarkKind, usize, usize)],
    ) -> Inline {
        Inline {
            text: text.into(),
            links: links
                .iter()
                .map(|&(start, end, url)| Link {
                    text: text[start..end].into(),
                    url: url.into(),
                    start,
                    end,
                })
                .collect(),
            marks: marks
                .iter()
                .map(|&(kind, start, end)| Mark { kind, start, end })
                .collect(),
        }
    }

    fn paragraph(inline: &Inline) -> String {
        inline_markdown(inline, Context::Paragraph)
    }

    fn plain(text: &str, context: Context) -> String {
        inline_markdown(&Inline::plain(text), context)
    }

    #[test]
    fn renders_links_and_emphasis_inline() {
        let found = inline(
            "See the story now",
            &[(4, 13, "https://x.com/a")],
            &[(MarkKind::Strong, 14, 17)],
        );
        assert_eq!(
            paragraph(&found),
            "See [the story](https://x.com/a) **now**"
        );
    }

    #[test]
    fn escapes_block_structure_at_line_starts() {
        let cases = [
            ("# not a heading", "\\# not a heading"),
            ("1. not a list", "1\\. not a list"),
            ("2021) not a list", "2021\\) not a list"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("> quote", "\\> quote"),
            ("===", "\\==="),
            ("---", "\\---"),
            (": definition", "\\: definition"),
            ("<div onclick=x>", "\\<div onclick=x>"),
            ("    indented", "indented"),
            ("a\n# b\n1. c", "a\\\n\\# b\\\n1\\. c"),
            ("C# and 3.5 - ok", "C# and 3.5 - ok"),
        ];
        for (text, expected) in cases {
            assert_eq!(paragraph(&Inline::plain(text)), expected, "{text:?}");
        }
    }

    #[test]
    fn escapes_inline_syntax_anywhere() {
        assert_eq!(
            paragraph(&Inline::plain(
                "a *b* _c_ `d` [e](f) <g> h|i ~~j~~ $5 x^2 k\\"
            )),
            "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g> h\\|i \\~\\~j\\~\\~ \\$5 x\\^2 k\\\\"
        );
        assert_eq!(
            paragraph(&Inline::plain("Q&A &amp; &#169; &#x41; & fish & chips;")),
            "Q&A \\&amp; \\&#169; \\&#x41; & fish & chips;"
        );
    }

    #[test]
    fn table_cells_and_headings_need_no_line_start_escapes() {
        assert_eq!(plain("+9", Context::TableCell), "+9");
        assert_eq!(plain("36.4%", Context::TableCell), "36.4%");
        assert_eq!(plain("1. Intro", Context::Heading), "1. Intro");
        assert_eq!(plain("a|b", Context::TableCell), "a\\|b");
    }

    #[test]
    fn escapes_every_hash_and_brace_in_headings() {
        assert_eq!(plain("Learn C #", Context::Heading), "Learn C \\#");
        assert_eq!(plain("Title {#id}", Context::Heading), "Title \\{\\#id}");
    }

    #[test]
    fn an_exclamation_mark_before_a_link_stays_text() {
        let found = inline("Wow!here", &[(4, 8, "https://x.com/")], &[]);
        assert_eq!(paragraph(&found), "Wow\\![here](https://x.com/)");
    }

    #[test]
    fn encodes_destinations() {
        let found = inline("a b", &[(0, 3, "https://x.com/a_(b)?q=1&amp;r=<2>")], &[]);
        assert_eq!(
            paragraph(&found),
            "[a b](https://x.com/a_%28b%29?q=1\\&amp;r=%3C2%3E)"
        );
    }

    #[test]
    fn drops_unsafe_links_and_keeps_their_text() {
        let found = inline("click here", &[(6, 10, "javascript:alert(1)")], &[]);
        assert_eq!(paragraph(&found), "click here");
    }

    #[test]
    fn switches_or_drops_emphasis_that_would_not_parse() {
        // `**"quoted"**text`: the closing `**` would follow punctuation and precede a letter.
        let quoted = inline("“quoted”text", &[], &[(MarkKind::Strong, 0, 10)]);
        assert_eq!(paragraph(&quoted), "“quoted”text");
        // Intraword emphasis needs `*`.
        let intraword = inline("unbelievable", &[], &[(MarkKind::Emphasis, 2, 7)]);
        assert_eq!(paragraph(&intraword), "un*belie*vable");
        // Emphasis and strong opening together do not share one delimiter run.
        let both = inline(
            "big news",
            &[],
            &[(MarkKind::Strong, 0, 8), (MarkKind::Emphasis, 0, 3)],
        );
        assert_eq!(paragraph(&both), "**_big_ news**");
    }

    #[test]
    fn code_spans_hold_backticks_and_pipes() {
        let code = inline("run `ls` now", &[], &[(MarkKind::Code, 4, 8)]);
        assert_eq!(paragraph(&code), "run `` `ls` `` now");
        let pipe = inline("a|b", &[], &[(MarkKind::Code, 0, 3)]);
        assert_eq!(inline_markdown(&pipe, Context::TableCell), "`a\\|b`");
    }
}
