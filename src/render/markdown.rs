//! Markdown (CommonMark, with GFM tables): `#` title, the timestamp in emphasis, headings at
//! their levels, paragraphs with inline links and emphasis, nested lists, block quotes, fenced
//! code with its language, GFM tables, images with their captions, and related links as quote
//! lines (`> Also on rt.com: [title](url)`).
//!
//! Page text can never add Markdown structure. Characters that open inline syntax anywhere
//! (`\` `` ` `` `*` `_` `[` `]` `<` `|` `~`, `$` and `^` for the math, superscript and
//! subscript extensions of GitHub and pulldown-cmark, and `&` where it would start an entity
//! reference) are backslash-escaped everywhere; characters that open blocks only at the start of a line
//! (`#` `>` `-` `+` `=` `:`, and the `.` or `)` after a line's leading digits) are escaped
//! there; every `#` of a heading is escaped so that none closes it. Leading spaces never reach
//! a line (no indented code), line breaks inside a block are hard breaks (`\` at the line end),
//! and text never holds a blank line. Link destinations have spaces, parentheses and angle
//! brackets percent-encoded.
//!
//! Emphasis delimiters are checked against CommonMark's flanking rules with the characters that
//! actually surround them: each pair is written with `*` (or `_` when `*` would not work, say
//! next to another `*` delimiter) and a pair that neither can delimit is left out, its text
//! kept. Code spans use a backtick run longer than any inside them.

use std::fmt::Write;

use crate::document::{Article, Block, Figure, Inline, List, Mark, MarkKind, Table};

use super::spans::{self, Event, Span};
use super::{code_language, image_url, is_list_shown, is_shown, link_url, related_inline};

/// Renders an article as Markdown.
///
/// ```
/// let html = "<html><head><title>Rain</title></head><body><article><p>It rained *all* day \
///             long in the <a href='/city'>city</a>, and the river rose by a metre.</p>\
///             </article></body></html>";
/// let url = url::Url::parse("https://example.com/news/rain").unwrap();
/// let article = newsprint::Extractor::new().extract_html(html, Some(&url))?;
/// assert_eq!(
///     newsprint::render::markdown::to_markdown(&article),
///     "# Rain\n\nIt rained \\*all\\* day long in the [city](https://example.com/city), and the \
///      river rose by a metre.\n"
/// );
/// # Ok::<(), newsprint::Error>(())
/// ```
pub fn to_markdown(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(title) = article.title.as_deref().filter(|t| !t.trim().is_empty()) {
        parts.push(format!("# {}", plain(title, Context::Heading)));
    }
    if let Some(published) = &article.published {
        parts.push(format!("*{published}*"));
    }
    // The kind and marker style of the list just written, if the last block written is one.
    let mut previous_list: Option<(bool, bool)> = None;
    for block in &article.blocks {
        let (rendered, list) = match block {
            Block::List(list) => {
                // A list right after a list of the same kind would continue it; a different
                // marker character starts a new one.
                let alternate = previous_list
                    .is_some_and(|(ordered, alternate)| ordered == list.ordered && !alternate);
                let mut out = String::new();
                write_list(&mut out, list, "", alternate, false);
                (out, Some((list.ordered, alternate)))
            }
            other => (block_markdown(other), None),
        };
        if !rendered.trim().is_empty() {
            parts.push(rendered);
            previous_list = list;
        }
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// One block other than a list, without a trailing newline; empty when it has nothing to show.
fn block_markdown(block: &Block) -> String {
    match block {
        Block::Paragraph(inline) => inline_markdown(inline, Context::Paragraph),
        Block::Heading { level, text } => {
            let text = plain(text, Context::Heading);
            if text.is_empty() {
                return text;
            }
            format!("{} {text}", "#".repeat(usize::from((*level).clamp(1, 6))))
        }
        Block::Quote(inline) => quoted(&inline_markdown(inline, Context::Paragraph)),
        Block::List(list) => {
            let mut out = String::new();
            write_list(&mut out, list, "", false, false);
            out
        }
        Block::Code { language, text } => code_block(code_language(language.as_deref()), text),
        Block::Table(table) => table_markdown(table),
        Block::Figure(figure) => figure_markdown(figure),
        Block::Related(related) => quoted(&inline_markdown(
            &related_inline(related),
            Context::Paragraph,
        )),
    }
}

/// Prefixes every line with `> `.
fn quoted(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    text.lines()
        .map(|line| format!("> {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Writes a list, every line after `indent`; `alternate` picks `*` and `1)` over `-` and `1.`.
/// With `on_this_line` the first marker continues the current line (see below). Items with
/// neither text nor a nested list that shows are left out.
fn write_list(out: &mut String, list: &List, indent: &str, alternate: bool, on_this_line: bool) {
    for (number, item) in list.items.iter().filter(|item| is_shown(item)).enumerate() {
        let marker = match (list.ordered, alternate) {
            (false, false) => "-".to_owned(),
            (false, true) => "*".to_owned(),
            (true, false) => format!("{}.", number + 1),
            (true, true) => format!("{})", number + 1),
        };
        let continuation = format!("{indent}{}", " ".repeat(marker.len() + 1));
        if !(number == 0 && on_this_line) {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(indent);
        }
        out.push_str(&marker);
        let sublist = item.sublist.as_deref().filter(|s| is_list_shown(s));
        let content = inline_markdown(&item.content, Context::Paragraph);
        if content.is_empty() {
            // An item without text starts its nested list on its own line (`- - a`): an
            // empty item on a line of its own could not interrupt the text of an item above,
            // and its `-` would underline that text as a heading.
            if let Some(sublist) = sublist {
                out.push(' ');
                write_list(out, sublist, &continuation, false, true);
            }
            continue;
        }
        for (index, line) in content.lines().enumerate() {
            if index == 0 {
                out.push(' ');
            } else {
                out.push('\n');
                out.push_str(&continuation);
            }
            out.push_str(line);
        }
        if let Some(sublist) = sublist {
            write_list(out, sublist, &continuation, false, false);
        }
    }
}

/// A fenced code block; the fence is longer than any backtick run in the text.
fn code_block(language: Option<&str>, text: &str) -> String {
    let text = text.trim_matches('\n');
    if text.trim().is_empty() {
        return String::new();
    }
    let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
    format!("{fence}{}\n{text}\n{fence}", language.unwrap_or(""))
}

fn table_markdown(table: &Table) -> String {
    let columns = std::iter::once(&table.header)
        .chain(&table.rows)
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    if columns == 0 {
        return String::new();
    }
    let mut out = String::new();
    if let Some(caption) = &table.caption {
        let caption = inline_markdown(&emphasised(caption), Context::Paragraph);
        if !caption.is_empty() {
            out.push_str(&caption);
            out.push_str("\n\n");
        }
    }
    let row_line = |cells: &[Inline]| {
        let mut line = String::from("|");
        for column in 0..columns {
            let cell = cells
                .get(column)
                .map(|cell| inline_markdown(cell, Context::TableCell))
                .unwrap_or_default();
            line.push(' ');
            line.push_str(&cell);
            line.push_str(if cell.is_empty() { "|" } else { " |" });
        }
        line
    };
    out.push_str(&row_line(&table.header));
    out.push_str("\n|");
    out.push_str(&" --- |".repeat(columns));
    for row in &table.rows {
        out.push('\n');
        out.push_str(&row_line(row));
    }
    out
}

/// The image, and under it (after a hard break) the caption in emphasis. An image whose URL
/// cannot be written leaves its caption, or its alternative text.
fn figure_markdown(figure: &Figure) -> String {
    let caption = figure
        .caption
        .as_ref()
        .map(|caption| inline_markdown(&emphasised(caption), Context::Paragraph))
        .filter(|caption| !caption.is_empty());
    let Some(url) = image_url(&figure.image, true) else {
        let alt = figure
            .alt
            .as_deref()
            .map(|alt| inline_markdown(&emphasised(&Inline::plain(alt)), Context::Paragraph));
        return caption.or(alt).unwrap_or_default();
    };
    let alt = plain(figure.alt.as_deref().unwrap_or(""), Context::TableCell);
    let mut out = format!("![{alt}]({})", destination(&url));
    if let Some(caption) = caption {
        out.push_str("\\\n");
        out.push_str(&caption);
    }
    out
}

/// The inline with emphasis over all of its text.
fn emphasised(inline: &Inline) -> Inline {
    let mut inline = inline.clone();
    inline.marks.push(Mark {
        kind: MarkKind::Emphasis,
        start: 0,
        end: inline.text.len(),
    });
    inline
}

/// Plain text, escaped, on one line.
fn plain(text: &str, context: Context) -> String {
    inline_markdown(&Inline::plain(text), context)
}

/// Where inline text goes: what a line break becomes and what else needs escaping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// A paragraph, quote, list item or caption: line breaks are hard breaks.
    Paragraph,
    /// A heading: one line, and every `#` and `{` escaped (closing sequences, attributes).
    Heading,
    /// A table cell: one line; `|` is escaped inside code spans too.
    TableCell,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
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
struct Pair {
    strong: bool,
    /// `*` or `_`.
    character: char,
    /// Whether the other character was tried already.
    switched: bool,
    removed: bool,
}

/// Inline text with its links and emphasis as Markdown; relative links are kept.
fn inline_markdown(inline: &Inline, context: Context) -> String {
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
fn destination(url: &str) -> String {
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

/// Chooses a delimiter character for every emphasis pair, or removes the pair, so that each
/// delimiter opens or closes by CommonMark's rules where it stands. Inner pairs (opened later)
/// are tried first, so that it is they that switch to `_` next to an outer `*`. Each pair may
/// switch character once and be removed once, so this ends.
fn resolve_delimiters(tokens: &[Token], pairs: &mut [Pair]) {
    loop {
        let mut changed = false;
        for pair in (0..pairs.len()).rev() {
            if pairs[pair].removed || is_pair_valid(tokens, pairs, pair) {
                continue;
            }
            changed = true;
            let original = pairs[pair].character;
            if !pairs[pair].switched {
                pairs[pair].switched = true;
                pairs[pair].character = if original == '*' { '_' } else { '*' };
                if is_pair_valid(tokens, pairs, pair) {
                    continue;
                }
                pairs[pair].character = original;
            }
            pairs[pair].removed = true;
        }
        if !changed {
            break;
        }
    }
}

fn is_pair_valid(tokens: &[Token], pairs: &[Pair], pair: usize) -> bool {
    tokens.iter().enumerate().all(|(at, token)| match token {
        Token::Delimiter { pair: p, opens } if *p == pair => {
            is_delimiter_valid(tokens, pairs, at, pairs[pair].character, *opens)
        }
        _ => true,
    })
}

/// What stands next to a delimiter.
#[derive(Debug, Clone, Copy)]
struct Neighbour {
    /// The character, `None` at the start or end of the text (which counts as whitespace).
    character: Option<char>,
    /// Whether it is a delimiter of another pair (with the same character, the two would make
    /// one delimiter run).
    is_delimiter: bool,
}

fn is_delimiter_valid(
    tokens: &[Token],
    pairs: &[Pair],
    at: usize,
    character: char,
    opens: bool,
) -> bool {
    let before = neighbour(tokens[..at].iter().rev(), pairs, false);
    let after = neighbour(tokens[at + 1..].iter(), pairs, true);
    let touches_run = |n: Neighbour| n.is_delimiter && n.character == Some(character);
    if touches_run(before) || touches_run(after) {
        return false;
    }
    let (before, after) = (classify(before.character), classify(after.character));
    // A neighbour whose class is unknown must work as either.
    before.possible().iter().all(|&b| {
        after.possible().iter().all(|&a| {
            if opens {
                can_open(character, b, a)
            } else {
                can_close(character, b, a)
            }
        })
    })
}

/// The nearest rendered character in `tokens` (walking away from a delimiter).
fn neighbour<'t>(
    tokens: impl Iterator<Item = &'t Token>,
    pairs: &[Pair],
    forwards: bool,
) -> Neighbour {
    for token in tokens {
        let character = match token {
            Token::Text(text) => {
                if forwards {
                    text.chars().next()
                } else {
                    text.chars().next_back()
                }
            }
            Token::Delimiter { pair, .. } if pairs[*pair].removed => continue,
            Token::Delimiter { pair, .. } => {
                return Neighbour {
                    character: Some(pairs[*pair].character),
                    is_delimiter: true,
                };
            }
            Token::LinkOpen => Some('['),
            Token::LinkClose(_) => Some(if forwards { ']' } else { ')' }),
            Token::Code(_) => Some('`'),
            Token::Break => Some(if forwards { '\\' } else { '\n' }),
        };
        return Neighbour {
            character,
            is_delimiter: false,
        };
    }
    Neighbour {
        character: None,
        is_delimiter: false,
    }
}

/// CommonMark's character classes for flanking, with `Unknown` for characters whose class this
/// crate cannot tell without Unicode tables (symbols, marks, format characters), or that
/// parsers disagree on (CommonMark 0.31 made symbols punctuation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Whitespace,
    Punctuation,
    Other,
    Unknown,
}

impl Class {
    fn possible(self) -> &'static [Class] {
        match self {
            Class::Whitespace => &[Class::Whitespace],
            Class::Punctuation => &[Class::Punctuation],
            Class::Other => &[Class::Other],
            Class::Unknown => &[Class::Punctuation, Class::Other],
        }
    }
}

fn classify(character: Option<char>) -> Class {
    let Some(c) = character else {
        return Class::Whitespace;
    };
    match c {
        ' ' | '\t' | '\n' | '\r' | '\u{0C}' => Class::Whitespace,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Class::Whitespace
        }
        c if c.is_ascii_punctuation() => Class::Punctuation,
        c if c.is_ascii() || c.is_alphanumeric() => Class::Other,
        // Unicode punctuation (general category P) in the ranges news text uses: Latin-1
        // marks, quotes, dashes and ellipses, CJK and full-width punctuation.
        '\u{A1}' | '\u{A7}' | '\u{AB}' | '\u{B6}' | '\u{B7}' | '\u{BB}' | '\u{BF}' => {
            Class::Punctuation
        }
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}' => {
            Class::Punctuation
        }
        '\u{2053}'..='\u{205E}' | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' => {
            Class::Punctuation
        }
        '\u{3014}'..='\u{301F}' | '\u{FF01}'..='\u{FF03}' | '\u{FF05}'..='\u{FF0A}' => {
            Class::Punctuation
        }
        '\u{FF0C}'..='\u{FF0F}' | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}' => {
            Class::Punctuation
        }
        _ => Class::Unknown,
    }
}

fn is_left_flanking(before: Class, after: Class) -> bool {
    after != Class::Whitespace
        && (after != Class::Punctuation
            || before == Class::Whitespace
            || before == Class::Punctuation)
}

fn is_right_flanking(before: Class, after: Class) -> bool {
    before != Class::Whitespace
        && (before != Class::Punctuation
            || after == Class::Whitespace
            || after == Class::Punctuation)
}

fn can_open(character: char, before: Class, after: Class) -> bool {
    let left = is_left_flanking(before, after);
    if character == '*' {
        left
    } else {
        left && (!is_right_flanking(before, after) || before == Class::Punctuation)
    }
}

fn can_close(character: char, before: Class, after: Class) -> bool {
    let right = is_right_flanking(before, after);
    if character == '*' {
        right
    } else {
        right && (!is_left_flanking(before, after) || after == Class::Punctuation)
    }
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

fn longest_run(text: &str, character: char) -> usize {
    text.split(|c| c != character)
        .map(str::len)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Link, ListItem, Related};

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

    #[test]
    fn fences_code_longer_than_its_backticks() {
        assert_eq!(code_block(Some("sh"), "echo ```"), "````sh\necho ```\n````");
        assert_eq!(code_block(None, "\n\n  x\n"), "```\n  x\n```");
    }

    #[test]
    fn nests_lists_and_separates_consecutive_ones() {
        let item = |text: &str, sublist: Option<List>| ListItem {
            content: Inline::plain(text),
            sublist: sublist.map(Box::new),
        };
        let nested = List {
            ordered: true,
            items: vec![
                item(
                    "one\ntwo",
                    Some(List {
                        ordered: false,
                        items: vec![item("a", None)],
                    }),
                ),
                item("- three", None),
            ],
        };
        let article = Article {
            blocks: vec![
                Block::List(nested.clone()),
                Block::Paragraph(Inline::plain(" ")),
                Block::List(nested),
            ],
            ..Article::default()
        };
        assert_eq!(
            to_markdown(&article),
            "1. one\\\n   two\n   - a\n2. \\- three\n\n1) one\\\n   two\n   - a\n2) \\- three\n"
        );
    }

    #[test]
    fn items_without_text_start_their_list_on_their_line() {
        let list = List {
            ordered: false,
            items: vec![ListItem {
                content: Inline::plain("parent"),
                sublist: Some(Box::new(List {
                    ordered: false,
                    items: vec![
                        ListItem {
                            content: Inline::default(),
                            sublist: Some(Box::new(List {
                                ordered: false,
                                items: vec![ListItem {
                                    content: Inline::plain("deep"),
                                    sublist: None,
                                }],
                            })),
                        },
                        ListItem::default(),
                    ],
                })),
            }],
        };
        let mut out = String::new();
        write_list(&mut out, &list, "", false, false);
        assert_eq!(out, "- parent\n  - - deep");
        let mut out = String::new();
        let empty_parent = List {
            ordered: true,
            items: vec![
                ListItem {
                    content: Inline::default(),
                    ..list.items[0].clone()
                },
                list.items[0].clone(),
            ],
        };
        write_list(&mut out, &empty_parent, "", false, false);
        assert_eq!(out, "1. - - deep\n2. parent\n   - - deep");
    }

    #[test]
    fn renders_tables_figures_and_related_links() {
        let article = Article {
            title: Some("T".into()),
            blocks: vec![
                Block::Table(Table {
                    caption: Some(Inline::plain("Seats")),
                    header: vec![Inline::plain("Party"), Inline::plain("Seats")],
                    rows: vec![
                        vec![Inline::plain("A|B")],
                        vec![Inline::plain("C"), Inline::plain("1")],
                    ],
                }),
                Block::Figure(Figure {
                    image: "https://x.com/a b.jpg".into(),
                    alt: Some("A [cat]".into()),
                    caption: Some(Inline::plain("Asleep")),
                }),
                Block::Figure(Figure {
                    image: "javascript:alert(1)".into(),
                    alt: None,
                    caption: Some(Inline::plain("Only text")),
                }),
                Block::Related(Related {
                    label: "Also on rt.com".into(),
                    title: "Other".into(),
                    url: "https://rt.com/o".into(),
                }),
            ],
            ..Article::default()
        };
        assert_eq!(
            to_markdown(&article),
            "# T\n\n*Seats*\n\n| Party | Seats |\n| --- | --- |\n| A\\|B | |\n| C | 1 |\n\n\
             ![A \\[cat\\]](https://x.com/a%20b.jpg)\\\n*Asleep*\n\n*Only text*\n\n\
             > Also on rt.com: [Other](https://rt.com/o)\n"
        );
    }
}
