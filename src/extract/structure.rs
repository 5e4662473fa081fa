//! Structured blocks inside the body: lists, data tables, code and figures.

use url::Url;

use crate::clean::Cleaned;
use crate::document::{Figure, Inline, List, ListItem, Table};
use crate::page::{Flags, Page, Tag};

use super::inline::{inline_of, resolve_href};

/// Nested lists deeper than this are folded into their parent item's text, so that list
/// building never recurses as deep as the input nests.
const MAX_LIST_DEPTH: u32 = 6;
/// A list item longer than this (characters) is a layout box, not a list entry.
const MAX_LIST_ITEM_CHARS: u32 = 600;
/// Longest code language name kept (`objective-c++` fits).
const MAX_LANGUAGE_CHARS: usize = 32;
/// A table whose cells average more than this (characters) lays out a page, not data.
const MAX_DATA_CELL_CHARS: u32 = 160;

/// The direct children of the element at `index`.
pub(crate) fn children<'p>(page: &'p Page<'_>, index: u32) -> impl Iterator<Item = u32> + 'p {
    let end = page.nodes.get(index as usize).map_or(0, |n| n.end);
    std::iter::successors(Some(index + 1).filter(|&c| c < end), move |&child| {
        let next = page.nodes[child as usize].end;
        (next < end).then_some(next)
    })
}

/// Whether the `ul`/`ol` at `index` is a list of text items rather than a layout of boxes
/// (cards, posts, teasers with headings).
pub(crate) fn is_text_list(page: &Page<'_>, index: u32) -> bool {
    let Some(list) = page.nodes.get(index as usize) else {
        return false;
    };
    let inner = &page.nodes[index as usize + 1..list.end as usize];
    let has_structure = inner.iter().any(|n| {
        n.tag.heading_level().is_some()
            || matches!(
                n.tag,
                Tag::Table | Tag::Blockquote | Tag::Pre | Tag::Article | Tag::Section
            )
    });
    // A list at the depth budget holds the text of the lists nested below it loose, outside
    // its items (the parser flattened them); building it from its items would lose that.
    let has_loose_text = list.flags.contains(Flags::AT_DEPTH_LIMIT)
        && children(page, index).any(|c| page.nodes[c as usize].text.chars > 0);
    if has_structure || has_loose_text {
        return false;
    }
    children(page, index)
        .filter(|&c| page.tag(c) == Tag::Li)
        .all(|item| {
            let chars: u32 = page.nodes[item as usize..page.nodes[item as usize].end as usize]
                .iter()
                .map(|n| n.text.chars)
                .sum();
            let paragraphs = children(page, item)
                .filter(|&c| matches!(page.tag(c), Tag::P | Tag::Div))
                .count();
            chars <= MAX_LIST_ITEM_CHARS && paragraphs <= 1
        })
}

/// Builds the list at `index`, nested lists included up to [`MAX_LIST_DEPTH`].
pub(crate) fn list(page: &Page<'_>, cleaned: &Cleaned, base: Option<&Url>, index: u32) -> List {
    list_at_depth(page, cleaned, base, index, 0)
}

fn list_at_depth(
    page: &Page<'_>,
    cleaned: &Cleaned,
    base: Option<&Url>,
    index: u32,
    depth: u32,
) -> List {
    let ordered = page.tag(index) == Tag::Ol;
    let mut items: Vec<ListItem> = Vec::new();
    for child in children(page, index).filter(|&child| cleaned.reason(child).is_none()) {
        match page.tag(child) {
            Tag::Li => items.extend(list_item(page, cleaned, base, child, depth)),
            // A list set straight into a list, outside any item (rich-text editors write
            // `<ul><li>Examples:</li><ul>…</ul></ul>`), is shown nested under the item before
            // it. One with no item before it stays out (see DESIGN.md: tables of contents).
            Tag::Ul | Tag::Ol if depth < MAX_LIST_DEPTH => {
                let sublist = list_at_depth(page, cleaned, base, child, depth + 1);
                if sublist.items.is_empty() {
                    continue;
                }
                if let Some(item) = items.last_mut().filter(|item| item.sublist.is_none()) {
                    item.sublist = Some(Box::new(sublist));
                }
            }
            _ => {}
        }
    }
    List { ordered, items }
}

/// Builds the list item at `item`, with the first list nested in it; `None` when it holds
/// no text.
fn list_item(
    page: &Page<'_>,
    cleaned: &Cleaned,
    base: Option<&Url>,
    item: u32,
    depth: u32,
) -> Option<ListItem> {
    let nested = (depth < MAX_LIST_DEPTH)
        .then(|| nested_list(page, item))
        .flatten();
    let content = inline_of(page, cleaned, base, item, |at| Some(at) == nested);
    let sublist = nested
        .map(|n| Box::new(list_at_depth(page, cleaned, base, n, depth + 1)))
        .filter(|sub| !sub.items.is_empty());
    (!content.text.is_empty() || sublist.is_some()).then_some(ListItem { content, sublist })
}

/// The first list nested inside the list item at `index`.
fn nested_list(page: &Page<'_>, item: u32) -> Option<u32> {
    let end = page.nodes.get(item as usize)?.end;
    (item + 1..end).find(|&at| matches!(page.tag(at), Tag::Ul | Tag::Ol))
}

/// Whether the table at `index` holds data (rows of short cells) rather than page layout.
pub(crate) fn is_data_table(page: &Page<'_>, index: u32) -> bool {
    let Some(table) = page.nodes.get(index as usize) else {
        return false;
    };
    if page
        .attr(index, "role")
        .is_some_and(|role| role.eq_ignore_ascii_case("presentation"))
    {
        return false;
    }
    let inner = &page.nodes[index as usize + 1..table.end as usize];
    if inner.iter().any(|n| n.tag == Tag::Table) {
        return false;
    }
    let rows = inner.iter().filter(|n| n.tag == Tag::Tr).count();
    let cells = inner
        .iter()
        .filter(|n| matches!(n.tag, Tag::Td | Tag::Th))
        .count();
    let chars: u32 = inner.iter().map(|n| n.text.chars).sum();
    rows >= 2 && cells >= rows * 2 - 1 && chars <= MAX_DATA_CELL_CHARS * cells.max(1) as u32
}

/// Builds the data table at `index`: its caption, header row and body rows, cells with their
/// links and emphasis.
pub(crate) fn table(page: &Page<'_>, cleaned: &Cleaned, base: Option<&Url>, index: u32) -> Table {
    let end = page.nodes.get(index as usize).map_or(index, |n| n.end);
    let mut table = Table {
        caption: children(page, index)
            .find(|&c| page.tag(c) == Tag::Caption && cleaned.reason(c).is_none())
            .map(|at| inline_of(page, cleaned, base, at, |_| false))
            .filter(|caption| !caption.text.is_empty()),
        ..Table::default()
    };
    for row in (index + 1..end).filter(|&at| page.tag(at) == Tag::Tr) {
        let cells: Vec<u32> = children(page, row)
            .filter(|&c| matches!(page.tag(c), Tag::Td | Tag::Th))
            .collect();
        let texts: Vec<Inline> = cells
            .iter()
            .map(|&cell| inline_of(page, cleaned, base, cell, |_| false))
            .collect();
        if texts.iter().all(|cell| cell.text.is_empty()) {
            continue;
        }
        let is_header = cells.iter().all(|&c| page.tag(c) == Tag::Th)
            || page
                .ancestors(row)
                .take(2)
                .any(|a| page.tag(a) == Tag::Thead);
        if is_header && table.header.is_empty() && table.rows.is_empty() {
            table.header = texts;
        } else {
            table.rows.push(texts);
        }
    }
    table
}

/// The text of the `pre` at `index` exactly as laid out, and its language when named.
pub(crate) fn code(page: &Page<'_>, index: u32) -> (Option<String>, String) {
    let end = page.nodes.get(index as usize).map_or(index, |n| n.end);
    let mut text = String::new();
    let mut language = language_of(page, index);
    for at in index + 1..end {
        let node = &page.nodes[at as usize];
        match node.node.value() {
            scraper::Node::Text(value) => text.push_str(value),
            _ if node.tag == Tag::Br => text.push('\n'),
            _ if node.tag == Tag::Code && language.is_none() => language = language_of(page, at),
            _ => {}
        }
    }
    let text = text.trim_matches('\n').trim_end().to_owned();
    (language, text)
}

/// `language-rust`, `lang-rust`, `highlight-rust` or `data-lang="rust"`; only a plain name
/// (letters, digits, `+-#._`) counts, since the value goes into fences and class attributes.
fn language_of(page: &Page<'_>, index: u32) -> Option<String> {
    let named = page
        .attr(index, "data-lang")
        .or(page.attr(index, "data-language"))
        .map(str::trim);
    let name = named.or_else(|| {
        let class = page.attr(index, "class")?;
        class.split_ascii_whitespace().find_map(|token| {
            ["language-", "lang-", "highlight-source-", "highlight-"]
                .iter()
                .find_map(|prefix| token.strip_prefix(prefix))
        })
    })?;
    let is_name = !name.is_empty()
        && name.len() <= MAX_LANGUAGE_CHARS
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '#' | '.' | '_'));
    is_name.then(|| name.to_owned())
}

/// The figure at `index`: its first image and its caption; `None` when it holds no image.
pub(crate) fn figure(
    page: &Page<'_>,
    cleaned: &Cleaned,
    base: Option<&Url>,
    index: u32,
) -> Option<Figure> {
    let end = page.nodes.get(index as usize)?.end;
    let image_at = (index + 1..end).find(|&at| page.tag(at) == Tag::Img)?;
    let source = ["src", "data-src", "data-original", "data-lazy-src"]
        .iter()
        .filter_map(|name| page.attr(image_at, name))
        .find(|src| !src.trim().is_empty() && !src.trim_start().starts_with("data:"))?;
    let image = resolve_href(source, base)?;
    let alt = page
        .attr(image_at, "alt")
        .map(|alt| alt.trim().to_owned())
        .filter(|alt| !alt.is_empty());
    let caption = (index + 1..end)
        .find(|&at| page.tag(at) == Tag::Figcaption)
        .map(|at| inline_of(page, cleaned, base, at, |_| false))
        .filter(|caption| !caption.text.is_empty());
    Some(Figure {
        image,
        alt,
        caption,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{Mode, clean};
    use scraper::Html;

    fn first(page: &Page<'_>, tag: Tag) -> u32 {
        (0..page.nodes.len() as u32)
            .find(|&i| page.tag(i) == tag)
            .unwrap()
    }

    #[test]
    fn builds_nested_lists() {
        let parsed =
            Html::parse_document("<ul><li>one<ul><li>one.a</li></ul></li><li>two</li></ul>");
        let page = Page::build(&parsed);
        let cleaned = clean(&page, Mode::Strict);
        let at = first(&page, Tag::Ul);
        assert!(is_text_list(&page, at));
        let list = list(&page, &cleaned, None, at);
        assert_eq!(list.items.len(), 2);
        assert_eq!(list.items[0].content.text, "one");
        let sub = list.items[0].sublist.as_ref().unwrap();
        assert_eq!(sub.items[0].content.text, "one.a");
        assert_eq!(list.items[1].content.text, "two");
    }

    #[test]
    fn a_list_set_straight_into_a_list_nests_under_the_item_before_it() {
        let parsed = Html::parse_document(
            "<ul><li><p>Examples:</p></li><ul><li><p>Salad bar</p></li>\
             <li><p>Taco truck</p></li></ul><li>Last</li></ul>",
        );
        let page = Page::build(&parsed);
        let cleaned = clean(&page, Mode::Strict);
        let list = list(&page, &cleaned, None, first(&page, Tag::Ul));
        assert_eq!(list.items.len(), 2);
        let sub = list.items[0].sublist.as_ref().expect("the nested list");
        assert_eq!(sub.items.len(), 2);
        assert_eq!(sub.items[1].content.text, "Taco truck");
        assert_eq!(list.items[1].content.text, "Last");
    }

    #[test]
    fn lists_of_cards_are_layout() {
        let parsed = Html::parse_document("<ul><li><h3>Story</h3><p>Teaser</p></li></ul>");
        let page = Page::build(&parsed);
        assert!(!is_text_list(&page, first(&page, Tag::Ul)));
    }

    #[test]
    fn builds_data_tables_with_a_header() {
        let parsed = Html::parse_document(
            "<table><thead><tr><th>City</th><th>Rain</th></tr></thead>\
             <tbody><tr><td>Oslo</td><td>12 mm</td></tr><tr><td>Rome</td><td>3 mm</td></tr>\
             </tbody></table>",
        );
        let page = Page::build(&parsed);
        let cleaned = clean(&page, Mode::Strict);
        let at = first(&page, Tag::Table);
        assert!(is_data_table(&page, at));
        let table = table(&page, &cleaned, None, at);
        let texts = |cells: &[Inline]| cells.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
        assert_eq!(table.caption, None);
        assert_eq!(texts(&table.header), ["City", "Rain"]);
        assert_eq!(texts(&table.rows[0]), ["Oslo", "12 mm"]);
        assert_eq!(texts(&table.rows[1]), ["Rome", "3 mm"]);
    }

    #[test]
    fn table_cells_keep_links_and_the_caption() {
        let parsed = Html::parse_document(
            "<table><caption>Results, <em>final</em></caption>\
             <tr><th>Party</th><th>Seats</th></tr>\
             <tr><td><a href='/greens'>Greens</a></td><td>12</td></tr></table>",
        );
        let page = Page::build(&parsed);
        let cleaned = clean(&page, Mode::Strict);
        let base = Url::parse("https://example.com/x/").unwrap();
        let table = table(&page, &cleaned, Some(&base), first(&page, Tag::Table));
        let caption = table.caption.unwrap();
        assert_eq!(caption.text, "Results, final");
        assert_eq!(caption.marks.len(), 1);
        assert_eq!(table.rows[0][0].links[0].url, "https://example.com/greens");
    }

    #[test]
    fn single_cell_tables_are_layout() {
        let parsed = Html::parse_document("<table><tr><td>Everything</td></tr></table>");
        let page = Page::build(&parsed);
        assert!(!is_data_table(&page, first(&page, Tag::Table)));
    }

    #[test]
    fn keeps_code_layout_and_language() {
        let parsed = Html::parse_document(
            "<pre><code class='language-rust'>fn main() {\n    run();\n}\n</code></pre>",
        );
        let page = Page::build(&parsed);
        let (language, text) = code(&page, first(&page, Tag::Pre));
        assert_eq!(language.as_deref(), Some("rust"));
        assert_eq!(text, "fn main() {\n    run();\n}");
    }

    #[test]
    fn code_languages_are_plain_names() {
        let language = |html: &str| {
            let parsed = Html::parse_document(html);
            let page = Page::build(&parsed);
            code(&page, first(&page, Tag::Pre)).0
        };
        assert_eq!(
            language("<pre data-lang='c++'>x</pre>").as_deref(),
            Some("c++")
        );
        assert_eq!(
            language("<pre class='x lang-objective-c'>x</pre>").as_deref(),
            Some("objective-c")
        );
        assert_eq!(language("<pre data-lang='<script>'>x</pre>"), None);
        assert_eq!(
            language("<pre><code class='language-js\" onclick=\"x'>x</code></pre>"),
            None
        );
    }

    #[test]
    fn reads_figure_image_and_caption() {
        let parsed = Html::parse_document(
            "<figure><img src='/a.jpg' alt='A cat'><figcaption>The cat, <b>asleep</b>\
             </figcaption></figure>",
        );
        let page = Page::build(&parsed);
        let cleaned = clean(&page, Mode::Strict);
        let base = Url::parse("https://example.com/x/").unwrap();
        let figure = figure(&page, &cleaned, Some(&base), first(&page, Tag::Figure)).unwrap();
        assert_eq!(figure.image, "https://example.com/a.jpg");
        assert_eq!(figure.alt.as_deref(), Some("A cat"));
        let caption = figure.caption.unwrap();
        assert_eq!(caption.text, "The cat, asleep");
        assert_eq!(caption.marks[0].kind, crate::document::MarkKind::Strong);
    }
}
