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

mod delimiters;
mod inline;

use crate::document::{Article, Block, Figure, Inline, List, Mark, MarkKind, Table};

use self::inline::{Context, destination, inline_markdown, longest_run};
use super::{code_language, image_url, is_list_shown, is_shown, related_inline};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ListItem, Related};

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
