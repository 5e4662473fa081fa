//! Plain text: the title, the timestamp, a blank line, then the blocks separated by blank
//! lines; list items on their own lines, quotes prefixed `> `, related links as
//! `→ <label>: <title> <url>`.

use std::fmt::Write;

use crate::document::{Article, Block, List};

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
    let mut out = String::new();
    if let Some(title) = &article.title {
        out.push_str(title);
        out.push('\n');
    }
    if let Some(published) = &article.published {
        out.push_str(&published.to_string());
        out.push('\n');
    }
    for block in &article.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        write_block(&mut out, block);
        out.push('\n');
    }
    out
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(inline) => out.push_str(&inline.text),
        Block::Heading { text, .. } | Block::Code { text, .. } => out.push_str(text),
        Block::Quote(inline) => {
            let quoted: Vec<String> = inline.text.lines().map(|l| format!("> {l}")).collect();
            out.push_str(&quoted.join("\n"));
        }
        Block::List(list) => write_list(out, list, 0),
        Block::Table(table) => {
            let rows: Vec<String> = std::iter::once(&table.header)
                .filter(|h| !h.is_empty())
                .chain(&table.rows)
                .map(|row| {
                    let cells: Vec<&str> = row.iter().map(|cell| cell.text.as_str()).collect();
                    cells.join("\t")
                })
                .collect();
            out.push_str(&rows.join("\n"));
        }
        Block::Figure(figure) => {
            out.push_str(
                figure
                    .caption
                    .as_ref()
                    .map(|caption| caption.text.as_str())
                    .or(figure.alt.as_deref())
                    .unwrap_or(""),
            );
        }
        Block::Related(related) => {
            out.push_str("→ ");
            if !related.label.is_empty() {
                out.push_str(&related.label);
                out.push_str(": ");
            }
            out.push_str(&related.title);
            out.push(' ');
            out.push_str(&related.url);
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
}

fn write_list(out: &mut String, list: &List, depth: usize) {
    for (number, item) in list.items.iter().enumerate() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&"  ".repeat(depth));
        if list.ordered {
            let _ = write!(out, "{}. ", number + 1);
        } else {
            out.push_str("- ");
        }
        out.push_str(&item.content.text.replace('\n', " "));
        if let Some(sublist) = &item.sublist {
            write_list(out, sublist, depth + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Inline, ListItem, Related};

    #[test]
    fn renders_related_links_with_an_arrow() {
        let article = Article {
            title: Some("T".into()),
            blocks: vec![
                Block::Paragraph(Inline::plain("One.")),
                Block::Related(Related {
                    label: "Also on rt.com".into(),
                    title: "Other".into(),
                    url: "https://rt.com/o".into(),
                }),
                Block::List(List {
                    ordered: true,
                    items: vec![ListItem {
                        content: Inline::plain("first"),
                        sublist: None,
                    }],
                }),
            ],
            ..Article::default()
        };
        assert_eq!(
            to_text(&article),
            "T\n\nOne.\n\n→ Also on rt.com: Other https://rt.com/o\n\n1. first\n"
        );
    }
}
