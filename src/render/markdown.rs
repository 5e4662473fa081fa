//! Markdown (CommonMark): `#` title, headings at their levels, paragraphs with inline links and
//! emphasis, lists, quotes, fenced code, GFM tables and related links as quote lines. Page
//! text is escaped so that it cannot create Markdown structure.

use std::fmt::Write;

use crate::document::{Article, Block, Inline, List, MarkKind, Table};

/// Renders an article as Markdown.
///
/// ```
/// let html = "<html><head><title>Rain</title></head><body><article><p>It rained *all* day \
///             long in the city, and the river rose by a metre.</p></article></body></html>";
/// let article = newsprint::extract(html)?;
/// let markdown = newsprint::render::markdown::to_markdown(&article);
/// assert!(markdown.starts_with("# Rain\n\nIt rained \\*all\\* day"));
/// # Ok::<(), newsprint::Error>(())
/// ```
pub fn to_markdown(article: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = &article.title {
        out.push_str("# ");
        out.push_str(&escape(title));
        out.push('\n');
    }
    if let Some(published) = &article.published {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push('*');
        out.push_str(&published.to_string());
        out.push_str("*\n");
    }
    for block in &article.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        write_block(&mut out, block);
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('\n');
    }
    out
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(inline) => out.push_str(&inline_markdown(inline)),
        Block::Heading { level, text } => {
            out.push_str(&"#".repeat(usize::from((*level).clamp(2, 6))));
            out.push(' ');
            out.push_str(&escape(text));
        }
        Block::Quote(inline) => {
            for line in inline_markdown(inline).lines() {
                out.push_str("> ");
                out.push_str(line);
                out.push('\n');
            }
        }
        Block::List(list) => write_list(out, list, 0),
        Block::Code { language, text } => {
            let fence = "`".repeat(longest_backtick_run(text).max(2) + 1);
            out.push_str(&fence);
            out.push_str(language.as_deref().unwrap_or(""));
            out.push('\n');
            out.push_str(text);
            out.push('\n');
            out.push_str(&fence);
        }
        Block::Table(table) => write_table(out, table),
        Block::Figure(figure) => {
            let alt = figure.alt.as_deref().unwrap_or("");
            let _ = write!(
                out,
                "![{}]({})",
                escape(alt),
                url_for_markdown(&figure.image)
            );
            if let Some(caption) = &figure.caption {
                out.push_str("\n\n*");
                out.push_str(&escape(&caption.text));
                out.push('*');
            }
        }
        Block::Related(related) => {
            out.push_str("> ");
            if !related.label.is_empty() {
                out.push_str(&escape(&related.label));
                out.push_str(": ");
            }
            let _ = write!(
                out,
                "[{}]({})",
                escape(&related.title),
                url_for_markdown(&related.url)
            );
        }
    }
}

fn write_list(out: &mut String, list: &List, depth: usize) {
    for (number, item) in list.items.iter().enumerate() {
        let marker = if list.ordered {
            format!("{}. ", number + 1)
        } else {
            "- ".to_owned()
        };
        out.push_str(&" ".repeat(depth * 4));
        out.push_str(&marker);
        out.push_str(&inline_markdown(&item.content).replace('\n', " "));
        out.push('\n');
        if let Some(sublist) = &item.sublist {
            write_list(out, sublist, depth + 1);
        }
    }
}

fn write_table(out: &mut String, table: &Table) {
    let columns = std::iter::once(&table.header)
        .chain(&table.rows)
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    if columns == 0 {
        return;
    }
    let row_line = |cells: &[Inline]| {
        let mut line = String::from("|");
        for column in 0..columns {
            let cell = cells.get(column).map_or("", |cell| cell.text.as_str());
            line.push(' ');
            line.push_str(&escape(cell).replace('\n', " "));
            line.push_str(" |");
        }
        line
    };
    let header = if table.header.is_empty() {
        vec![Inline::default(); columns]
    } else {
        table.header.clone()
    };
    out.push_str(&row_line(&header));
    out.push('\n');
    out.push('|');
    out.push_str(&" --- |".repeat(columns));
    for row in &table.rows {
        out.push('\n');
        out.push_str(&row_line(row));
    }
}

/// Inline text with links and emphasis as Markdown.
fn inline_markdown(inline: &Inline) -> String {
    let text = &inline.text;
    // Events at byte offsets: openings and closings of links and marks.
    let mut events: Vec<(usize, u8, String)> = Vec::new();
    for link in &inline.links {
        events.push((link.start, 1, "[".to_owned()));
        events.push((link.end, 0, format!("]({})", url_for_markdown(&link.url))));
    }
    for mark in &inline.marks {
        let delimiter = match mark.kind {
            MarkKind::Strong => "**",
            MarkKind::Code => "`",
            _ => "*",
        };
        events.push((mark.start, 2, delimiter.to_owned()));
        events.push((mark.end, 0, delimiter.to_owned()));
    }
    events.sort_by_key(|(at, order, _)| (*at, *order));
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for (position, _, insert) in events {
        if position < at || !text.is_char_boundary(position) {
            continue;
        }
        out.push_str(&escape(&text[at..position]));
        out.push_str(&insert);
        at = position;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// Escapes Markdown syntax in page text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line_start = true;
    for (i, c) in text.char_indices() {
        let at_line_start = line_start;
        line_start = c == '\n';
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
        ) || (at_line_start && matches!(c, '#' | '+' | '-' | '='))
            || (c == '.' && is_after_line_start_number(text, i))
            || (c == '!' && text[i + 1..].starts_with('['));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the `.` at `dot` follows digits that start a line (`1.` would start a list).
fn is_after_line_start_number(text: &str, dot: usize) -> bool {
    let line_start = text[..dot].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..dot];
    !before.is_empty() && before.bytes().all(|b| b.is_ascii_digit())
}

/// A URL safe inside `(...)`: spaces and parentheses percent-encoded.
fn url_for_markdown(url: &str) -> String {
    url.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Link, Mark};

    #[test]
    fn renders_links_and_emphasis_inline() {
        let inline = Inline {
            text: "See the story now".into(),
            links: vec![Link {
                text: "the story".into(),
                url: "https://x.com/a".into(),
                start: 4,
                end: 13,
            }],
            marks: vec![Mark {
                kind: MarkKind::Strong,
                start: 14,
                end: 17,
            }],
        };
        assert_eq!(
            inline_markdown(&inline),
            "See [the story](https://x.com/a) **now**"
        );
    }

    #[test]
    fn escapes_structure_in_page_text() {
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("1. not a list"), "1\\. not a list");
        assert_eq!(escape("a *b* [c]"), "a \\*b\\* \\[c\\]");
        assert_eq!(escape("- item"), "\\- item");
    }

    #[test]
    fn fences_code_longer_than_its_backticks() {
        let mut out = String::new();
        write_block(
            &mut out,
            &Block::Code {
                language: Some("sh".into()),
                text: "echo ```".into(),
            },
        );
        assert_eq!(out, "````sh\necho ```\n````");
    }
}
