//! The output formats over generated text, deterministic from fixed seeds so that a failure
//! reproduces:
//!
//! - `generated::markdown_round_trip_of_inlines`: inline text full of Markdown and HTML syntax,
//!   with links and emphasis overlapping at random, reads back from Markdown with the same
//!   text and links, and emphasis only left out (where CommonMark cannot express it), never
//!   added;
//! - `generated::markdown_keeps_emphasis_of_prose`: emphasis over whole words comes back
//!   nearly always;
//! - `generated::html_of_inlines_is_clean`: the HTML of such text passes the sanitizer
//!   unchanged;
//! - `generated::every_block_round_trips`: articles with every kind of block, awkward text in
//!   each, read back from Markdown and pass the sanitizer.

use libtest_mimic::{Failed, Trial};
use newsprint::render::markdown;
use newsprint::{Article, Block, Inline, Link, Mark, MarkKind};

use crate::commonmark::{self, Char, Node};
use crate::formats::{
    Marks, chars_agree, check_html_is_clean, check_markdown_round_trip, describe_chars,
};

/// Generated inline texts per trial.
const GENERATED_CASES: usize = 3000;

pub fn trials() -> Vec<Trial> {
    vec![
        Trial::test(
            "generated::markdown_round_trip_of_inlines",
            markdown_round_trip_of_inlines,
        ),
        Trial::test(
            "generated::markdown_keeps_emphasis_of_prose",
            markdown_keeps_emphasis_of_prose,
        ),
        Trial::test(
            "generated::html_of_inlines_is_clean",
            html_of_inlines_is_clean,
        ),
        Trial::test(
            "generated::every_block_round_trips",
            every_block_round_trips,
        ),
    ]
}

/// A small deterministic generator (xorshift64*), so that failures reproduce.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Pieces of page text that mean something in Markdown or HTML.
const PIECES: &[&str] = &[
    "word",
    "news",
    "a",
    "1.",
    "2)",
    "2021.",
    "#",
    "##",
    "-",
    "+",
    "*",
    "**",
    "_",
    "__",
    "`",
    "``",
    "[",
    "]",
    "(",
    ")",
    "[x]",
    "[^1]",
    "[[wiki]]",
    "<",
    ">",
    "<b>",
    "</p>",
    "<!--",
    "<http://x.com>",
    "&amp;",
    "&#35;",
    "&copy;",
    "&",
    "!",
    "![",
    "|",
    "~",
    "~~",
    "\\",
    "\\*",
    "=",
    "===",
    "---",
    "***",
    ":",
    ": ",
    "$",
    "$x$",
    "^",
    "^up^",
    "{#id}",
    "“",
    "”",
    "‘",
    "—",
    "…",
    "é",
    "日本",
    "🙂",
    "e\u{301}",
    "\u{a0}",
    "http://x.com/",
    "www.x.com",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\t",
    "> ",
    "- ",
    "1. ",
    "# ",
    "    ",
];
const URLS: &[&str] = &[
    "https://example.com/a",
    "https://example.com/a b(c)",
    "https://example.com/?q=1&amp;r=2",
    "mailto:desk@example.com",
    "/relative/path",
    "javascript:alert(1)",
    "data:text/html,x",
];

fn generated_inline(generator: &mut Generator) -> Inline {
    let mut text = String::new();
    for _ in 0..=generator.below(14) {
        let piece = generator.pick(PIECES);
        text.push_str(piece);
    }
    let boundaries: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let range = |generator: &mut Generator| {
        let a = generator.pick(&boundaries);
        let b = generator.pick(&boundaries);
        (a.min(b), a.max(b))
    };
    let mut links = Vec::new();
    for _ in 0..generator.below(3) {
        let (start, end) = range(generator);
        links.push(Link {
            text: text[start..end].to_owned(),
            url: (generator.pick(URLS)).to_owned(),
            start,
            end,
        });
    }
    let mut marks = Vec::new();
    for _ in 0..generator.below(4) {
        // Trimmed, as extraction records emphasis.
        let (start, end) = range(generator);
        let slice = &text[start..end];
        let start = start + (slice.len() - slice.trim_start().len());
        let end = end - (slice.len() - slice.trim_end().len());
        if start >= end {
            continue;
        }
        let kind = generator.pick(&[MarkKind::Emphasis, MarkKind::Strong, MarkKind::Code]);
        marks.push(Mark { kind, start, end });
    }
    Inline { text, links, marks }
}

/// Generated paragraphs come back with the same text and links; emphasis may be left out
/// where Markdown cannot express it, but never added.
fn markdown_round_trip_of_inlines() -> Result<(), Failed> {
    let mut generator = Generator(0x9E37_79B9_7F4A_7C15);
    let (mut marked, mut kept) = (0usize, 0usize);
    for case in 0..GENERATED_CASES {
        let inline = generated_inline(&mut generator);
        let mut article = Article::default();
        article.blocks = vec![Block::Paragraph(inline.clone())];
        let markdown = markdown::to_markdown(&article);
        let read = commonmark::read(&markdown);
        let expected = commonmark::expected_chars(&inline, false);
        let got: &[Char] = match read.blocks.as_slice() {
            [] => &[],
            [Node::Paragraph(chars)] => chars,
            other => {
                return Err(format!(
                    "case {case}: {inline:?}\nread back as {other:?}\nmarkdown {markdown:?}"
                )
                .into());
            }
        };
        if !read.problems.is_empty() || !chars_agree(&expected, got, Marks::MayDrop) {
            return Err(format!(
                "case {case}: {inline:?}\nmarkdown {markdown:?}\nproblems {:?}\n\
                 expected {}\nread     {}",
                read.problems,
                describe_chars(&expected),
                describe_chars(got)
            )
            .into());
        }
        for (g, e) in got.iter().zip(&expected) {
            marked += (e.marks & !commonmark::CODE).count_ones() as usize;
            kept += (g.marks & !commonmark::CODE).count_ones() as usize;
        }
    }
    // Emphasis that cannot be written (starting after punctuation inside a word, say) is
    // left out. This text is far denser in punctuation than any page; the prose trial below
    // measures what a page loses.
    log::debug!("generated inlines: {kept} of {marked} emphasised characters kept");
    Ok(())
}

/// Words as pages write them, punctuation attached.
const PROSE_WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "on",
    "Tuesday,",
    "“we",
    "agree”",
    "(mostly)",
    "C#",
    "don't",
    "e-mail",
    "$5",
    "3.5%",
    "#hashtag",
    "@user",
    "snake_case",
    "2*3",
    "1.",
    "—",
    "…",
    "Q&A",
    "x.com",
    "Müller",
    "日本",
    "word.",
    "end:",
    "[1]",
    "‘quoted’",
    "a/b",
    "<tag>",
    "50/50",
];

/// Generated prose keeps nearly all of its emphasis: marks over whole words are what pages
/// have, and CommonMark can express them unless punctuation sits right outside a word that
/// runs on (`**Update:**now`).
fn markdown_keeps_emphasis_of_prose() -> Result<(), Failed> {
    let mut generator = Generator(0xA076_1D64_78BD_642F);
    let (mut marked, mut kept) = (0usize, 0usize);
    for case in 0..GENERATED_CASES {
        let words: Vec<&str> = (0..2 + generator.below(12))
            .map(|_| generator.pick(PROSE_WORDS))
            .collect();
        let text = words.join(" ");
        let starts: Vec<usize> = words
            .iter()
            .scan(0, |at, word| {
                let start = *at;
                *at += word.len() + 1;
                Some(start)
            })
            .collect();
        let mut marks = Vec::new();
        let mut links = Vec::new();
        for _ in 0..=generator.below(3) {
            let first = generator.below(words.len());
            let last = first + generator.below(words.len() - first);
            let (start, end) = (starts[first], starts[last] + words[last].len());
            if generator.below(4) == 0 {
                links.push(Link {
                    text: text[start..end].to_owned(),
                    url: "https://example.com/a".to_owned(),
                    start,
                    end,
                });
            } else {
                let kind = generator.pick(&[MarkKind::Emphasis, MarkKind::Strong, MarkKind::Code]);
                marks.push(Mark { kind, start, end });
            }
        }
        let inline = Inline { text, links, marks };
        let mut article = Article::default();
        article.blocks = vec![Block::Paragraph(inline.clone())];
        let markdown = markdown::to_markdown(&article);
        let read = commonmark::read(&markdown);
        let expected = commonmark::expected_chars(&inline, false);
        let got: &[Char] = match read.blocks.as_slice() {
            [Node::Paragraph(chars)] => chars,
            other => return Err(format!("case {case}: read back as {other:?}").into()),
        };
        if !read.problems.is_empty() || !chars_agree(&expected, got, Marks::MayDrop) {
            return Err(format!("case {case}: {inline:?}\nmarkdown {markdown:?}").into());
        }
        for (g, e) in got.iter().zip(&expected) {
            marked += (e.marks & !commonmark::CODE).count_ones() as usize;
            kept += (g.marks & !commonmark::CODE).count_ones() as usize;
        }
    }
    if kept * 100 < marked * 97 {
        return Err(format!("only {kept} of {marked} emphasised characters kept").into());
    }
    Ok(())
}

fn html_of_inlines_is_clean() -> Result<(), Failed> {
    let mut generator = Generator(0xD1B5_4A32_D192_ED03);
    for case in 0..GENERATED_CASES {
        let mut article = Article::default();
        article.title = Some(generated_inline(&mut generator).text);
        article.blocks = vec![
            Block::Paragraph(generated_inline(&mut generator)),
            Block::Heading {
                level: 2,
                text: generated_inline(&mut generator).text,
            },
        ];
        check_html_is_clean(&article).map_err(|e| format!("case {case}: {article:?}\n{e:?}"))?;
    }
    Ok(())
}

/// One article with every kind of block, awkward content in each.
fn every_block_round_trips() -> Result<(), Failed> {
    let mut generator = Generator(0x1234_5678_9ABC_DEF1);
    for case in 0..GENERATED_CASES / 10 {
        let mut next = || generated_inline(&mut generator);
        let article = every_block_article(&mut next);
        check_markdown_round_trip(&article, Marks::MayDrop)
            .map_err(|e| format!("case {case}: {e:?}"))?;
        check_html_is_clean(&article).map_err(|e| format!("case {case}: {e:?}"))?;
    }
    Ok(())
}

fn every_block_article(next: &mut impl FnMut() -> Inline) -> Article {
    use newsprint::{Figure, List, ListItem, Related, Table};
    let plain = |inline: Inline| {
        inline
            .text
            .replace('\n', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let item = |content: Inline, sublist: Option<List>| ListItem {
        content,
        sublist: sublist.map(Box::new),
    };
    let mut article = Article::default();
    article.title = Some(plain(next()));
    article.published = "2021-03-30T11:49:00+03:00".parse().ok();
    article.blocks = vec![
        Block::Paragraph(next()),
        Block::Heading {
            level: 3,
            text: plain(next()),
        },
        Block::List(List {
            ordered: true,
            items: vec![
                item(
                    next(),
                    Some(List {
                        ordered: false,
                        items: vec![item(next(), None), item(next(), None)],
                    }),
                ),
                item(next(), None),
            ],
        }),
        Block::List(List {
            ordered: true,
            items: vec![item(next(), None)],
        }),
        Block::Quote(next()),
        Block::Code {
            language: Some("rust".into()),
            text: format!("fn main() {{\n    {}\n}}", next().text.replace('\n', " ")),
        },
        Block::Table(Table {
            caption: Some(next()),
            header: vec![next(), next()],
            rows: vec![vec![next(), next()], vec![next()]],
        }),
        Block::Figure(Figure {
            image: "https://example.com/a b.jpg".into(),
            alt: Some(plain(next())),
            caption: Some(next()),
        }),
        Block::Related(Related {
            label: plain(next()),
            title: plain(next()),
            url: "https://example.com/related(1)".into(),
        }),
        Block::Paragraph(next()),
    ];
    article
}
