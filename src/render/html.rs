//! HTML: a minimal standalone document, or just its `<article>`, built from the blocks.
//!
//! Nothing is copied from the page: every element is written here from the blocks, so that
//! no script, event handler, style, frame or form the page carried can reach the output. The
//! elements are `article`, `h1`–`h6`, `p`, `time datetime`, `ul`/`ol`/`li`, `blockquote`,
//! `pre`/`code class="language-…"`, `table`/`caption`/`thead`/`tbody`/`tr`/`th`/`td`,
//! `figure`/`img src alt`/`figcaption`, `aside` for related links (they are not part of the
//! article's text), `a href`, `em`, `strong`, `code` and `br`. Text and attribute values are
//! escaped as an HTML serializer escapes them (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&nbsp;`),
//! so a sanitizer passes the output through unchanged; control characters are dropped. Link
//! URLs are written only when absolute `http`, `https` or `mailto`, image URLs only when
//! absolute `http` or `https`; otherwise the link's text stays and the image is left out.

use crate::document::{Article, Block, Figure, Inline, List, MarkKind, Table};

use super::spans::{self, Event, Span};
use super::{code_language, image_url, link_url, related_inline};

/// Renders an article as a standalone HTML document.
///
/// ```
/// let html = "<html><head><title>Rain</title></head><body><article><p>It rained <b>all</b> \
///             day long in the city, and the river rose by a metre.\
///             <img src=x onerror=alert(1)></p></article></body></html>";
/// let article = newsprint::extract(html)?;
/// let document = newsprint::render::html::to_html(&article);
/// assert!(document.starts_with("<!DOCTYPE html>"));
/// assert!(document.contains("<p>It rained <strong>all</strong> day long"));
/// assert!(!document.contains("onerror"));
/// # Ok::<(), newsprint::Error>(())
/// ```
pub fn to_html(article: &Article) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html");
    write_lang(&mut out, article);
    out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n");
    if let Some(title) = article.title.as_deref().filter(|t| !t.trim().is_empty()) {
        out.push_str("<title>");
        push_text(&mut out, title.trim());
        out.push_str("</title>\n");
    }
    out.push_str("</head>\n<body>\n");
    out.push_str(&to_html_fragment(article));
    out.push_str("</body>\n</html>\n");
    out
}

/// Renders an article as one `<article>` element, to embed in a page.
///
/// ```
/// let article = newsprint::extract("<article><h1>Hi</h1><p>A paragraph long enough to be \
///     the body of a very short article.</p></article>")?;
/// assert_eq!(
///     newsprint::render::html::to_html_fragment(&article),
///     "<article>\n<h1>Hi</h1>\n<p>A paragraph long enough to be the body of a very short \
///      article.</p>\n</article>\n"
/// );
/// # Ok::<(), newsprint::Error>(())
/// ```
pub fn to_html_fragment(article: &Article) -> String {
    let mut out = String::from("<article");
    write_lang(&mut out, article);
    out.push_str(">\n");
    if let Some(title) = article.title.as_deref().filter(|t| !t.trim().is_empty()) {
        out.push_str("<h1>");
        push_text(&mut out, title.trim());
        out.push_str("</h1>\n");
    }
    if let Some(published) = &article.published {
        let published = published.to_string();
        out.push_str("<p><time datetime=\"");
        push_attribute(&mut out, &published);
        out.push_str("\">");
        push_text(&mut out, &published);
        out.push_str("</time></p>\n");
    }
    for block in &article.blocks {
        write_block(&mut out, block);
    }
    out.push_str("</article>\n");
    out
}

/// ` lang="…"` when the article's language is a plain language tag.
fn write_lang(out: &mut String, article: &Article) {
    let Some(language) = article.language.as_deref().map(str::trim) else {
        return;
    };
    let is_tag = !language.is_empty()
        && language.len() <= 35
        && language
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if is_tag {
        out.push_str(" lang=\"");
        out.push_str(language);
        out.push('"');
    }
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(inline) => write_wrapped(out, "p", inline),
        Block::Heading { level, text } => {
            let tag = format!("h{}", (*level).clamp(1, 6));
            write_wrapped(out, &tag, &Inline::plain(text.replace('\n', " ")));
        }
        Block::Quote(inline) => {
            if !is_blank(inline) {
                out.push_str("<blockquote>");
                write_wrapped(out, "p", inline);
                out.truncate(out.trim_end().len());
                out.push_str("</blockquote>\n");
            }
        }
        Block::List(list) => {
            if !list.items.is_empty() {
                write_list(out, list);
                out.push('\n');
            }
        }
        Block::Code { language, text } => write_code(out, language.as_deref(), text),
        Block::Table(table) => write_table(out, table),
        Block::Figure(figure) => write_figure(out, figure),
        Block::Related(related) => write_wrapped(out, "aside", &related_inline(related)),
    }
}

/// `<tag>inline</tag>` on its own line; nothing for blank text.
fn write_wrapped(out: &mut String, tag: &str, inline: &Inline) {
    if is_blank(inline) {
        return;
    }
    out.push('<');
    out.push_str(tag);
    out.push('>');
    write_inline(out, inline);
    out.push_str("</");
    out.push_str(tag);
    out.push_str(">\n");
}

fn is_blank(inline: &Inline) -> bool {
    inline.text.trim().is_empty()
}

fn write_list(out: &mut String, list: &List) {
    let tag = if list.ordered { "ol" } else { "ul" };
    out.push('<');
    out.push_str(tag);
    out.push_str(">\n");
    for item in &list.items {
        out.push_str("<li>");
        write_inline(out, &item.content);
        if let Some(sublist) = &item.sublist {
            out.push('\n');
            write_list(out, sublist);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

fn write_code(out: &mut String, language: Option<&str>, text: &str) {
    let text = text.trim_matches('\n');
    if text.trim().is_empty() {
        return;
    }
    out.push_str("<pre><code");
    if let Some(language) = code_language(language) {
        out.push_str(" class=\"language-");
        push_attribute(out, language);
        out.push('"');
    }
    out.push('>');
    push_text(out, text);
    out.push_str("</code></pre>\n");
}

fn write_table(out: &mut String, table: &Table) {
    if table.header.is_empty() && table.rows.is_empty() {
        return;
    }
    out.push_str("<table>\n");
    if let Some(caption) = table.caption.as_ref().filter(|c| !is_blank(c)) {
        write_wrapped(out, "caption", caption);
    }
    let write_row = |out: &mut String, cells: &[Inline], tag: &str| {
        out.push_str("<tr>");
        for cell in cells {
            out.push('<');
            out.push_str(tag);
            out.push('>');
            write_inline(out, cell);
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
        out.push_str("</tr>\n");
    };
    if !table.header.is_empty() {
        out.push_str("<thead>\n");
        write_row(out, &table.header, "th");
        out.push_str("</thead>\n");
    }
    if !table.rows.is_empty() {
        out.push_str("<tbody>\n");
        for row in &table.rows {
            write_row(out, row, "td");
        }
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
}

fn write_figure(out: &mut String, figure: &Figure) {
    let image = image_url(&figure.image, false);
    let caption = figure.caption.as_ref().filter(|c| !is_blank(c));
    if image.is_none() && caption.is_none() {
        return;
    }
    out.push_str("<figure>");
    if let Some(image) = image {
        out.push_str("<img src=\"");
        push_attribute(out, &image);
        out.push_str("\" alt=\"");
        push_attribute(out, figure.alt.as_deref().unwrap_or("").trim());
        out.push_str("\">");
    }
    if let Some(caption) = caption {
        out.push_str("<figcaption>");
        write_inline(out, caption);
        out.push_str("</figcaption>");
    }
    out.push_str("</figure>\n");
}

/// Inline text with `a`, `em`, `strong`, `code` and `br`.
fn write_inline(out: &mut String, inline: &Inline) {
    for event in spans::events(inline, |link| link_url(&link.url, false).is_some()) {
        match event {
            Event::Text(text, _) => push_text(out, text),
            Event::Break => out.push_str("<br>"),
            Event::Open(Span::Link(index)) => {
                let url = link_url(&inline.links[index].url, false).unwrap_or_default();
                out.push_str("<a href=\"");
                push_attribute(out, &url);
                out.push_str("\">");
            }
            Event::Close(Span::Link(_)) => out.push_str("</a>"),
            Event::Open(Span::Mark(kind)) => {
                out.push('<');
                out.push_str(mark_tag(kind));
                out.push('>');
            }
            Event::Close(Span::Mark(kind)) => {
                out.push_str("</");
                out.push_str(mark_tag(kind));
                out.push('>');
            }
        }
    }
}

fn mark_tag(kind: MarkKind) -> &'static str {
    match kind {
        MarkKind::Emphasis => "em",
        MarkKind::Strong => "strong",
        MarkKind::Code => "code",
    }
}

/// Escapes text content.
fn push_text(out: &mut String, text: &str) {
    push_escaped(out, text, false);
}

/// Escapes an attribute value (written inside double quotes).
fn push_attribute(out: &mut String, text: &str) {
    push_escaped(out, text, true);
}

fn push_escaped(out: &mut String, text: &str, is_attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\u{A0}' => out.push_str("&nbsp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if is_attribute => out.push_str("&quot;"),
            '\n' if is_attribute => out.push(' '),
            '\n' | '\t' => out.push(c),
            // Control characters (and a carriage return, which a parser would turn into a
            // line feed) have no place in the output.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Link, ListItem, Mark, Related};

    fn fragment(blocks: Vec<Block>) -> String {
        let article = Article {
            blocks,
            ..Article::default()
        };
        let html = to_html_fragment(&article);
        html.strip_prefix("<article>\n")
            .and_then(|html| html.strip_suffix("</article>\n"))
            .unwrap()
            .to_owned()
    }

    #[test]
    fn escapes_text_and_attributes() {
        let blocks = vec![Block::Paragraph(Inline {
            text: "<script>alert(\"x\")</script> & \u{a0}\u{7}".into(),
            links: vec![Link {
                text: "<script>".into(),
                url: "https://x.com/?a=1&b=\"2\"".into(),
                start: 0,
                end: 8,
            }],
            marks: Vec::new(),
        })];
        assert_eq!(
            fragment(blocks),
            "<p><a href=\"https://x.com/?a=1&amp;b=%222%22\">&lt;script&gt;</a>alert(\"x\")\
             &lt;/script&gt; &amp; &nbsp;</p>\n"
        );
    }

    #[test]
    fn writes_only_absolute_web_and_mail_urls() {
        let link = |url: &str| {
            Block::Paragraph(Inline {
                text: "go".into(),
                links: vec![Link {
                    text: "go".into(),
                    url: url.into(),
                    start: 0,
                    end: 2,
                }],
                marks: Vec::new(),
            })
        };
        assert_eq!(fragment(vec![link("javascript:alert(1)")]), "<p>go</p>\n");
        assert_eq!(fragment(vec![link("/relative")]), "<p>go</p>\n");
        assert_eq!(
            fragment(vec![link("mailto:desk@example.com")]),
            "<p><a href=\"mailto:desk@example.com\">go</a></p>\n"
        );
        let figure = Block::Figure(Figure {
            image: "data:image/svg+xml,<svg onload=alert(1)>".into(),
            alt: Some("x".into()),
            caption: Some(Inline::plain("Caption")),
        });
        assert_eq!(
            fragment(vec![figure]),
            "<figure><figcaption>Caption</figcaption></figure>\n"
        );
    }

    #[test]
    fn renders_every_block() {
        let blocks = vec![
            Block::Heading {
                level: 2,
                text: "Sub".into(),
            },
            Block::List(List {
                ordered: false,
                items: vec![ListItem {
                    content: Inline {
                        text: "one two".into(),
                        links: Vec::new(),
                        marks: vec![Mark {
                            kind: MarkKind::Emphasis,
                            start: 4,
                            end: 7,
                        }],
                    },
                    sublist: Some(Box::new(List {
                        ordered: true,
                        items: vec![ListItem {
                            content: Inline::plain("a"),
                            sublist: None,
                        }],
                    })),
                }],
            }),
            Block::Quote(Inline::plain("said\nhe")),
            Block::Code {
                language: Some("rust\" onclick=\"x".into()),
                text: "a < b".into(),
            },
            Block::Code {
                language: Some("rust".into()),
                text: "fn main() {}".into(),
            },
            Block::Table(Table {
                caption: Some(Inline::plain("T")),
                header: vec![Inline::plain("h")],
                rows: vec![vec![Inline::plain("c")]],
            }),
            Block::Figure(Figure {
                image: "https://x.com/a.jpg".into(),
                alt: Some("A \"cat\"".into()),
                caption: None,
            }),
            Block::Related(Related {
                label: "Also on rt.com".into(),
                title: "Other".into(),
                url: "https://rt.com/o".into(),
            }),
        ];
        assert_eq!(
            fragment(blocks),
            "<h2>Sub</h2>\n<ul>\n<li>one <em>two</em>\n<ol>\n<li>a</li>\n</ol></li>\n</ul>\n\
             <blockquote><p>said<br>he</p></blockquote>\n\
             <pre><code>a &lt; b</code></pre>\n\
             <pre><code class=\"language-rust\">fn main() {}</code></pre>\n\
             <table>\n<caption>T</caption>\n<thead>\n<tr><th>h</th></tr>\n</thead>\n\
             <tbody>\n<tr><td>c</td></tr>\n</tbody>\n</table>\n\
             <figure><img src=\"https://x.com/a.jpg\" alt=\"A &quot;cat&quot;\"></figure>\n\
             <aside>Also on rt.com: <a href=\"https://rt.com/o\">Other</a></aside>\n"
        );
    }

    #[test]
    fn standalone_document_has_a_head() {
        let article = Article {
            title: Some("A <b>title</b>".into()),
            language: Some("en-GB".into()),
            published: "2021-03-30".parse().ok(),
            ..Article::default()
        };
        assert_eq!(
            to_html(&article),
            "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>A &lt;b&gt;title&lt;/b&gt;</title>\n</head>\n<body>\n\
             <article lang=\"en-GB\">\n<h1>A &lt;b&gt;title&lt;/b&gt;</h1>\n\
             <p><time datetime=\"2021-03-30\">2021-03-30</time></p>\n</article>\n\
             </body>\n</html>\n"
        );
    }
}
