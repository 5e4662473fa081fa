//! Plain text: the title, the timestamp, a blank line, then the blocks separated by one blank
//! line. List items go on their own lines (`- ` or `1. `, nested lists indented under their
//! item), quotes are prefixed `> `, table cells are separated by tabs, a figure shows its
//! caption (else its alternative text) and related links read `→ <label>: <title> <url>`.
//!
//! Prose is written with whitespace collapsed: no double spaces, no trailing whitespace, no
//! empty lines inside a block. Code keeps its indentation and loses only trailing whitespace.

use crate::document::{Article, Block, Inline, List, Related, Table};

use super::{is_list_shown, is_shown, link_url};

/// Renders an article as plain text.
///
/// ```
/// let html = "<html><head><title>Rain</title></head><body><article><p>It rained all day \
///             long in the city, and the river rose by a metre.</p></article></body></html>";
/// let article = newsprint::extract(html)?;
/// assert_eq!(
///     newsprint::render::text::to_text(&article),
///     "Rain\n\nIt rained all day long in the city, and the river rose by a metre.\n"
/// );
/// # Ok::<(), newsprint::Error>(())
/// ```
pub fn to_text(article: &Article) -> String {
    let mut header: Vec<String> = Vec::new();
    if let Some(title) = article.title.as_deref().map(one_line) {
        header.push(title);
    }
    if let Some(published) = &article.published {
        header.push(published.to_string());
    }
    header.retain(|line| !line.is_empty());
    let mut parts: Vec<String> = Vec::new();
    if !header.is_empty() {
        parts.push(header.join("\n"));
    }
    parts.extend(
        article
            .blocks
            .iter()
            .map(block_text)
            .filter(|text| !text.is_empty()),
    );
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// One block, without a trailing newline; empty when it has nothing to show.
fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph(inline) => lines(&inline.text),
        Block::Heading { text, .. } => one_line(text),
        Block::Quote(inline) => prefixed(&lines(&inline.text), "> ", "> "),
        Block::List(list) => {
            let mut out = String::new();
            write_list(&mut out, list, "");
            out
        }
        Block::Code { text, .. } => code(text),
        Block::Table(table) => table_text(table),
        Block::Figure(figure) => figure
            .caption
            .as_ref()
            .map(|caption| lines(&caption.text))
            .filter(|caption| !caption.is_empty())
            .or_else(|| figure.alt.as_deref().map(one_line))
            .unwrap_or_default(),
        Block::Related(related) => related_text(related),
    }
}

fn write_list(out: &mut String, list: &List, indent: &str) {
    let items = list.items.iter().filter(|item| is_shown(item));
    for (number, item) in items.enumerate() {
        let marker = if list.ordered {
            format!("{}. ", number + 1)
        } else {
            "- ".to_owned()
        };
        let continuation = format!("{indent}{}", " ".repeat(marker.len()));
        let first = format!("{indent}{marker}");
        let content = prefixed(&lines(&item.content.text), &first, &continuation);
        if !out.is_empty() {
            out.push('\n');
        }
        if content.is_empty() {
            out.push_str(first.trim_end());
        } else {
            out.push_str(&content);
        }
        if let Some(sublist) = item.sublist.as_deref().filter(|s| is_list_shown(s)) {
            write_list(out, sublist, &continuation);
        }
    }
}

fn table_text(table: &Table) -> String {
    let mut rows: Vec<String> = Vec::new();
    if let Some(caption) = &table.caption {
        rows.push(one_line(&caption.text));
    }
    let cells = |row: &[Inline]| {
        let cells: Vec<String> = row.iter().map(|cell| one_line(&cell.text)).collect();
        cells.join("\t").trim_end().to_owned()
    };
    if !table.header.is_empty() {
        rows.push(cells(&table.header));
    }
    rows.extend(table.rows.iter().map(|row| cells(row)));
    rows.retain(|row| !row.is_empty());
    rows.join("\n")
}

/// `→ <label>: <title> <url>`; the URL only when it is one a reader can follow.
fn related_text(related: &Related) -> String {
    let mut out = String::from("→");
    let label = one_line(&related.label);
    if !label.is_empty() {
        out.push(' ');
        out.push_str(&label);
        out.push(':');
    }
    let title = one_line(&related.title);
    if !title.is_empty() {
        out.push(' ');
        out.push_str(&title);
    }
    if let Some(url) = link_url(&related.url, true) {
        out.push(' ');
        out.push_str(&url);
    }
    out
}

/// Every line of `text` after a prefix: `first` on the first line, `rest` on the others.
fn prefixed(text: &str, first: &str, rest: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for (index, line) in text.lines().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        out.push_str(if index == 0 { first } else { rest });
        out.push_str(line);
    }
    out
}

/// The lines of prose text, each with whitespace collapsed; empty lines left out.
fn lines(text: &str) -> String {
    text.lines()
        .map(one_line)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text on one line, whitespace (line breaks included) collapsed to single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Code as laid out, without trailing whitespace and without blank lines around it.
fn code(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|line| !line.is_empty());
    let last = lines.iter().rposition(|line| !line.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Figure, ListItem};

    fn item(text: &str, sublist: Option<List>) -> ListItem {
        ListItem {
            content: Inline::plain(text),
            sublist: sublist.map(Box::new),
        }
    }

    #[test]
    fn renders_related_links_with_an_arrow() {
        let article = Article {
            title: Some("T".into()),
            published: "2021-03-30T11:49:00+00:00".parse().ok(),
            blocks: vec![
                Block::Paragraph(Inline::plain("One.")),
                Block::Related(Related {
                    label: "Also on rt.com".into(),
                    title: "Other".into(),
                    url: "https://rt.com/o".into(),
                }),
                Block::Related(Related {
                    label: String::new(),
                    title: "Bad".into(),
                    url: "javascript:alert(1)".into(),
                }),
            ],
            ..Article::default()
        };
        assert_eq!(
            to_text(&article),
            "T\n2021-03-30T11:49:00+00:00\n\nOne.\n\n→ Also on rt.com: Other https://rt.com/o\n\n\
             → Bad\n"
        );
    }

    #[test]
    fn nests_lists_under_their_items() {
        let list = List {
            ordered: true,
            items: vec![
                item(
                    "first\nline",
                    Some(List {
                        ordered: false,
                        items: vec![item("a", None)],
                    }),
                ),
                item("second", None),
            ],
        };
        assert_eq!(
            block_text(&Block::List(list)),
            "1. first\n   line\n   - a\n2. second"
        );
    }

    #[test]
    fn leaves_no_double_or_trailing_spaces() {
        let article = Article {
            title: Some("  A   title ".into()),
            blocks: vec![
                Block::Paragraph(Inline::plain("one  two \n\n  three\u{a0} ")),
                Block::Quote(Inline::plain("said\nhe ")),
                Block::Table(Table {
                    caption: None,
                    header: vec![Inline::plain("a"), Inline::plain("")],
                    rows: vec![vec![Inline::plain("1 "), Inline::plain("2")]],
                }),
                Block::Code {
                    language: None,
                    text: "\n  fn main() {}   \n\n".into(),
                },
                Block::Figure(Figure {
                    image: "https://x.com/a.jpg".into(),
                    alt: Some("alt".into()),
                    caption: None,
                }),
            ],
            ..Article::default()
        };
        assert_eq!(
            to_text(&article),
            "A title\n\none two\nthree\n\n> said\n> he\n\na\n1\t2\n\n  fn main() {}\n\nalt\n"
        );
    }
}
