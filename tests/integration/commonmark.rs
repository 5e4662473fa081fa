//! Not a test module: the Markdown round trip's two halves. [`read`] parses Markdown with
//! pulldown-cmark (every extension on but smart punctuation, so that escaped text that would
//! still make a footnote, a task box, math or a wiki link shows up) into a small block model;
//! [`expected`] builds the model that an [`Article`] should come back as. Both are written
//! here independently of the renderer, from the rules documented in `render::markdown`.

use newsprint::{Article, Block, Figure, Inline, List, MarkKind, Related, Table};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Mark bits of a [`Char`].
pub const EMPHASIS: u8 = 1;
pub const STRONG: u8 = 2;
pub const CODE: u8 = 4;

/// One character of inline text with its formatting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Char {
    pub c: char,
    /// The link target, `image <url>` for the alternative text of an image.
    pub link: Option<String>,
    pub marks: u8,
    /// In an expected text: a line break, whose formatting does not matter and which comes
    /// back as a space in a heading or a table cell, or inside a code span.
    pub is_break: bool,
}

/// A block as Markdown sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Heading(u8, Vec<Char>),
    Paragraph(Vec<Char>),
    Quote(Vec<Node>),
    List {
        start: Option<u64>,
        items: Vec<Item>,
    },
    Code {
        language: String,
        text: String,
    },
    Table {
        header: Vec<Vec<Char>>,
        rows: Vec<Vec<Vec<Char>>>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Item {
    pub content: Vec<Char>,
    pub sublist: Option<Box<Node>>,
}

/// The text of some characters, for messages.
pub fn text(chars: &[Char]) -> String {
    chars.iter().map(|c| c.c).collect()
}

/// Markdown read back into blocks; `problems` lists what the renderer must never produce
/// (raw HTML, soft breaks, rules, footnotes, math, strikethrough, …).
#[derive(Debug, Default)]
pub struct Read {
    pub blocks: Vec<Node>,
    pub problems: Vec<String>,
}

enum Frame {
    Blocks(Vec<Node>),
    Quote(Vec<Node>),
    List(Option<u64>, Vec<Item>),
    Item(Item),
    Inline(Vec<Char>),
    Code(String, String),
    Table(Vec<Vec<Char>>, Vec<Vec<Vec<Char>>>),
    Row(Vec<Vec<Char>>),
}

/// Every pulldown-cmark extension but smart punctuation (which changes text on purpose).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_SUPERSCRIPT
        | Options::ENABLE_SUBSCRIPT
        | Options::ENABLE_WIKILINKS
}

/// Parses Markdown into the block model.
///
/// # Panics
///
/// When the events do not nest as pulldown-cmark promises.
pub fn read(markdown: &str) -> Read {
    let mut reader = Reader {
        read: Read::default(),
        stack: vec![Frame::Blocks(Vec::new())],
        links: Vec::new(),
        marks: 0,
    };
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(tag) => reader.start(tag),
            Event::End(end) => reader.end(end),
            Event::Text(text) => reader.push_chars(&text, reader.marks),
            Event::Code(code) => reader.push_chars(&code, reader.marks | CODE),
            Event::HardBreak => reader.push_chars("\n", 0),
            other => reader.problem(format!("unexpected {other:?}")),
        }
    }
    let mut read = reader.read;
    if let Some(Frame::Blocks(blocks)) = reader.stack.pop() {
        read.blocks = blocks;
    }
    read
}

struct Reader {
    read: Read,
    stack: Vec<Frame>,
    links: Vec<String>,
    marks: u8,
}

impl Reader {
    fn problem(&mut self, problem: String) {
        self.read.problems.push(problem);
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell => {
                if let Tag::Heading {
                    id, classes, attrs, ..
                } = &tag
                    && (id.is_some() || !classes.is_empty() || !attrs.is_empty())
                {
                    self.problem("heading attributes".to_owned());
                }
                if matches!(self.stack.last(), Some(Frame::Item(_))) {
                    self.problem("a loose list item".to_owned());
                }
                self.stack.push(Frame::Inline(Vec::new()));
            }
            Tag::BlockQuote(kind) => {
                if kind.is_some() {
                    self.problem(format!("a GFM alert {kind:?}"));
                }
                self.stack.push(Frame::Quote(Vec::new()));
            }
            Tag::CodeBlock(kind) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => {
                        self.problem("an indented code block".to_owned());
                        String::new()
                    }
                };
                self.stack.push(Frame::Code(language, String::new()));
            }
            Tag::List(start) => self.stack.push(Frame::List(start, Vec::new())),
            Tag::Item => self.stack.push(Frame::Item(Item::default())),
            Tag::Table(_) => self.stack.push(Frame::Table(Vec::new(), Vec::new())),
            Tag::TableHead | Tag::TableRow => self.stack.push(Frame::Row(Vec::new())),
            Tag::Emphasis => self.marks |= EMPHASIS,
            Tag::Strong => self.marks |= STRONG,
            Tag::Link { dest_url, .. } => self.links.push(normalise_url(&dest_url)),
            Tag::Image { dest_url, .. } => {
                self.links
                    .push(format!("image {}", normalise_url(&dest_url)));
            }
            other => self.problem(format!("unexpected {other:?}")),
        }
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Emphasis => self.marks &= !EMPHASIS,
            TagEnd::Strong => self.marks &= !STRONG,
            TagEnd::Link | TagEnd::Image => {
                self.links.pop();
            }
            TagEnd::Paragraph | TagEnd::Heading(_) => self.end_paragraph(end),
            TagEnd::TableCell => {
                let chars = self.pop_inline();
                if let Some(Frame::Row(cells)) = self.stack.last_mut() {
                    cells.push(chars);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                let Some(Frame::Row(cells)) = self.stack.pop() else {
                    panic!("row end without a row");
                };
                if let Some(Frame::Table(header, rows)) = self.stack.last_mut() {
                    if end == TagEnd::TableHead {
                        *header = cells;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            TagEnd::Item => {
                let Some(Frame::Item(item)) = self.stack.pop() else {
                    panic!("item end without an item");
                };
                if let Some(Frame::List(_, items)) = self.stack.last_mut() {
                    items.push(item);
                }
            }
            TagEnd::Table | TagEnd::BlockQuote(_) | TagEnd::CodeBlock | TagEnd::List(_) => {
                self.end_container();
            }
            _ => {}
        }
    }

    fn pop_inline(&mut self) -> Vec<Char> {
        let Some(Frame::Inline(chars)) = self.stack.pop() else {
            panic!("inline end without inline text");
        };
        chars
    }

    fn end_paragraph(&mut self, end: TagEnd) {
        let chars = self.pop_inline();
        let node = match end {
            TagEnd::Heading(level) => Node::Heading(heading_level(level), chars),
            _ => Node::Paragraph(chars),
        };
        match self.stack.last_mut() {
            Some(Frame::Item(item)) => item.content.extend(match node {
                Node::Paragraph(chars) | Node::Heading(_, chars) => chars,
                _ => Vec::new(),
            }),
            _ => self.push_node(node),
        }
    }

    /// Closes a table, quote, code block or list.
    fn end_container(&mut self) {
        let node = match self.stack.pop() {
            Some(Frame::Table(header, rows)) => Node::Table { header, rows },
            Some(Frame::Quote(blocks)) => Node::Quote(blocks),
            Some(Frame::Code(language, text)) => Node::Code { language, text },
            Some(Frame::List(start, items)) => {
                let list = Node::List { start, items };
                if let Some(Frame::Item(item)) = self.stack.last_mut()
                    && item.sublist.is_none()
                {
                    item.sublist = Some(Box::new(list));
                    return;
                }
                list
            }
            _ => panic!("a container ends that did not start"),
        };
        self.push_node(node);
    }

    fn push_node(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(Frame::Blocks(blocks) | Frame::Quote(blocks)) => blocks.push(node),
            _ => self.problem(format!("a block in a strange place: {node:?}")),
        }
    }

    /// Appends text; a line break carries no formatting, as in [`expected_chars`].
    fn push_chars(&mut self, text: &str, marks: u8) {
        let (link, marks) = if text == "\n" {
            (None, 0)
        } else {
            (self.links.last().cloned(), marks)
        };
        let chars = text.chars().map(|c| Char {
            c,
            link: link.clone(),
            marks,
            is_break: false,
        });
        match self.stack.last_mut() {
            Some(Frame::Inline(target)) => target.extend(chars),
            Some(Frame::Item(item)) => item.content.extend(chars),
            Some(Frame::Code(_, code)) => code.push_str(text),
            _ => panic!("text outside a block: {text:?}"),
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The characters that the renderer percent-encodes in a destination, decoded, so that the
/// URL read back compares with the article's.
pub fn normalise_url(url: &str) -> String {
    let mut out = url.to_owned();
    for (encoded, plain) in [
        ("%20", " "),
        ("%28", "("),
        ("%29", ")"),
        ("%3C", "<"),
        ("%3E", ">"),
        ("%5C", "\\"),
        ("%22", "\""),
        ("%27", "'"),
        ("%60", "`"),
    ] {
        out = out.replace(encoded, plain);
    }
    out
}

/// The URL a link may carry in Markdown: absolute http, https or mailto as the URL parser
/// writes it, or a relative one; `None` for anything else.
pub fn markdown_url(url: &str) -> Option<String> {
    let url = url.trim();
    match url::Url::parse(url) {
        Ok(parsed) => ["http", "https", "mailto"]
            .contains(&parsed.scheme())
            .then(|| normalise_url(parsed.as_str())),
        Err(url::ParseError::RelativeUrlWithoutBase) if !url.is_empty() => {
            Some(normalise_url(&url.replace(['\t', '\n', '\r'], "")))
        }
        Err(_) => None,
    }
}

/// The characters an inline should come back as. `one_line`: a heading or table cell, where a
/// line break becomes a space.
pub fn expected_chars(inline: &Inline, one_line: bool) -> Vec<Char> {
    let text = &inline.text;
    let valid = |start: usize, end: usize| {
        start < end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    let attributes = |at: usize| {
        let link = inline
            .links
            .iter()
            .filter(|l| valid(l.start, l.end) && l.start <= at && at < l.end)
            .find_map(|l| markdown_url(&l.url));
        let marks = inline
            .marks
            .iter()
            .filter(|m| valid(m.start, m.end) && m.start <= at && at < m.end)
            .fold(0, |bits, m| bits | mark_bit(m.kind));
        (link, marks)
    };
    // Lines, each with the line break that ends it.
    let mut lines: Vec<(Vec<Char>, Option<Char>)> = vec![(Vec::new(), None)];
    for (at, c) in text.char_indices() {
        let (link, marks) = attributes(at);
        let char = Char {
            c,
            link,
            marks,
            is_break: c == '\n',
        };
        let last = lines.last_mut().expect("a line");
        if c == '\n' {
            last.1 = Some(char);
            lines.push((Vec::new(), None));
        } else {
            last.0.push(char);
        }
    }
    let mut out: Vec<Char> = Vec::new();
    let mut pending_break: Option<Char> = None;
    for (mut line, line_break) in lines {
        let first = line.iter().position(|c| !c.c.is_whitespace());
        let last = line.iter().rposition(|c| !c.c.is_whitespace());
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        if let Some(mut b) = pending_break.take() {
            let code_continues =
                out.last().is_some_and(|c| c.marks & CODE != 0) && line[first].marks & CODE != 0;
            if one_line {
                b.c = ' ';
            }
            // A break inside a code span may come back as a space.
            b.marks = if code_continues { CODE } else { 0 };
            out.push(b);
        }
        out.extend(line.drain(first..=last));
        pending_break = line_break;
    }
    out
}

fn mark_bit(kind: MarkKind) -> u8 {
    match kind {
        MarkKind::Emphasis => EMPHASIS,
        MarkKind::Strong => STRONG,
        _ => CODE,
    }
}

fn plain_chars(text: &str, one_line: bool) -> Vec<Char> {
    expected_chars(&Inline::plain(text), one_line)
}

fn emphasised(chars: Vec<Char>) -> Vec<Char> {
    chars
        .into_iter()
        .map(|mut c| {
            if !c.is_break {
                c.marks |= EMPHASIS;
            }
            c
        })
        .collect()
}

/// The blocks an article's Markdown should read back as.
pub fn expected(article: &Article) -> Vec<Node> {
    let mut nodes = Vec::new();
    if let Some(title) = &article.title {
        let chars = plain_chars(title, true);
        if !chars.is_empty() {
            nodes.push(Node::Heading(1, chars));
        }
    }
    if let Some(published) = &article.published {
        nodes.push(Node::Paragraph(emphasised(plain_chars(
            &published.to_string(),
            true,
        ))));
    }
    for block in &article.blocks {
        expected_block(block, &mut nodes);
    }
    nodes
}

fn paragraph(chars: Vec<Char>) -> Option<Node> {
    (!chars.is_empty()).then_some(Node::Paragraph(chars))
}

fn expected_block(block: &Block, nodes: &mut Vec<Node>) {
    match block {
        Block::Paragraph(inline) => nodes.extend(paragraph(expected_chars(inline, false))),
        Block::Heading { level, text } => {
            let chars = plain_chars(text, true);
            if !chars.is_empty() {
                nodes.push(Node::Heading((*level).clamp(1, 6), chars));
            }
        }
        Block::Quote(inline) => {
            let chars = expected_chars(inline, false);
            if !chars.is_empty() {
                nodes.push(Node::Quote(vec![Node::Paragraph(chars)]));
            }
        }
        Block::List(list) => nodes.extend(expected_list(list)),
        Block::Code { language, text } => nodes.extend(expected_code(language.as_deref(), text)),
        Block::Table(table) => expected_table(table, nodes),
        Block::Figure(figure) => nodes.extend(expected_figure(figure)),
        Block::Related(related) => {
            nodes.push(Node::Quote(vec![Node::Paragraph(related_chars(related))]));
        }
        _ => {}
    }
}

fn expected_code(language: Option<&str>, text: &str) -> Option<Node> {
    let text = text.trim_matches('\n');
    if text.trim().is_empty() {
        return None;
    }
    let language = language
        .map(str::trim)
        .filter(|l| {
            l.len() <= 32
                && l.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '#' | '.' | '_'))
        })
        .unwrap_or("");
    Some(Node::Code {
        language: language.to_owned(),
        text: format!("{text}\n"),
    })
}

/// The caption as an emphasised paragraph, then the table with every row as wide as the
/// widest.
fn expected_table(table: &Table, nodes: &mut Vec<Node>) {
    let columns = std::iter::once(&table.header)
        .chain(&table.rows)
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    if columns == 0 {
        return;
    }
    if let Some(caption) = &table.caption {
        nodes.extend(paragraph(emphasised(expected_chars(caption, false))));
    }
    let row = |cells: &[Inline]| {
        (0..columns)
            .map(|i| {
                cells
                    .get(i)
                    .map(|cell| expected_chars(cell, true))
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
    };
    nodes.push(Node::Table {
        header: row(&table.header),
        rows: table.rows.iter().map(|r| row(r)).collect(),
    });
}

/// The image (its alternative text linked to `image <url>`), a line break and the caption in
/// emphasis; without a usable image, the caption or else the alternative text in emphasis.
fn expected_figure(figure: &Figure) -> Option<Node> {
    let caption = figure
        .caption
        .as_ref()
        .map(|c| emphasised(expected_chars(c, false)))
        .filter(|c| !c.is_empty());
    let image = match url::Url::parse(figure.image.trim()) {
        Ok(url) => matches!(url.scheme(), "http" | "https").then(|| normalise_url(url.as_str())),
        Err(url::ParseError::RelativeUrlWithoutBase) => markdown_url(&figure.image),
        Err(_) => None,
    };
    let Some(image) = image else {
        let alt = figure
            .alt
            .as_deref()
            .map(|a| emphasised(plain_chars(a, false)));
        return caption.or(alt).and_then(paragraph);
    };
    let link = format!("image {image}");
    let mut chars: Vec<Char> = plain_chars(figure.alt.as_deref().unwrap_or(""), true)
        .into_iter()
        .map(|mut c| {
            c.link = Some(link.clone());
            c
        })
        .collect();
    if let Some(caption) = caption {
        chars.push(Char {
            c: '\n',
            link: None,
            marks: 0,
            is_break: true,
        });
        chars.extend(caption);
    }
    Some(Node::Paragraph(chars))
}

/// The list, or `None` when no item has text or a nested list.
fn expected_list(list: &List) -> Option<Node> {
    let node = Node::List {
        start: list.ordered.then_some(1),
        items: list
            .items
            .iter()
            .filter(|item| {
                !expected_chars(&item.content, false).is_empty()
                    || item
                        .sublist
                        .as_ref()
                        .is_some_and(|s| expected_list(s).is_some())
            })
            .map(|item| Item {
                content: expected_chars(&item.content, false),
                sublist: item
                    .sublist
                    .as_ref()
                    .and_then(|s| expected_list(s))
                    .map(Box::new),
            })
            .collect(),
    };
    match &node {
        Node::List { items, .. } if items.is_empty() => None,
        _ => Some(node),
    }
}

fn related_chars(related: &Related) -> Vec<Char> {
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = match one_line(&related.title) {
        title if title.is_empty() => one_line(&related.url),
        title => title,
    };
    let label = one_line(&related.label);
    let link = markdown_url(&related.url);
    let mut chars = Vec::new();
    if !label.is_empty() {
        chars.extend(plain_chars(&format!("{label}:"), true));
        chars.push(Char {
            c: ' ',
            link: None,
            marks: 0,
            is_break: false,
        });
    }
    chars.extend(plain_chars(&title, true).into_iter().map(|mut c| {
        c.link.clone_from(&link);
        c
    }));
    chars
}
