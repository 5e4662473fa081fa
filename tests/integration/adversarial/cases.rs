//! Hostile inputs, generated in code: the cases of issue 6 and the parser attacks found while
//! guarding against them. Shared by `tests/integration/adversarial.rs` (at test sizes) and
//! `benches/hostile.rs` (at full size).

// Each user takes the part it needs.
#![allow(dead_code)]

use std::fmt::Write;

/// A paragraph of ordinary prose.
pub const PARAGRAPH: &str = "The council approved the new budget on Tuesday after a long \
    debate about schools, roads and the future of the harbour district.";

/// One hostile input: a name and how to build it at a given scale (1.0 = the size the issue
/// names).
pub struct Case {
    pub name: &'static str,
    /// The scale the integration tests run at: 1.0 where the full size is quick in the test
    /// profile, less where it is not (the benchmark runs every case at 1.0).
    pub test_scale: f64,
    pub build: fn(f64) -> Vec<u8>,
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // scales are small and positive
fn scaled(full: usize, scale: f64) -> usize {
    ((full as f64 * scale) as usize).max(1)
}

/// Every case, in the order the benchmark reports them.
pub fn all() -> Vec<Case> {
    vec![
        Case {
            name: "nested_divs_1m",
            test_scale: 1.0,
            build: nested_divs,
        },
        Case {
            name: "nested_ul_li_100k",
            test_scale: 1.0,
            build: nested_lists,
        },
        Case {
            name: "paragraphs_50mb",
            test_scale: 0.2,
            build: paragraphs,
        },
        Case {
            name: "no_tags_10mb",
            test_scale: 1.0,
            build: no_tags,
        },
        Case {
            name: "attribute_5mb",
            test_scale: 1.0,
            build: huge_attribute,
        },
        Case {
            name: "sibling_links_100k",
            test_scale: 1.0,
            build: sibling_links,
        },
        Case {
            name: "only_script",
            test_scale: 1.0,
            build: only_script,
        },
        Case {
            name: "nul_bytes",
            test_scale: 1.0,
            build: nul_bytes,
        },
        Case {
            name: "attributes_200k_in_one_tag",
            test_scale: 1.0,
            build: attribute_flood,
        },
        Case {
            name: "formatting_elements_100k",
            test_scale: 1.0,
            build: formatting_flood,
        },
        Case {
            name: "misnested_formatting_100k",
            test_scale: 1.0,
            build: misnested_formatting,
        },
        Case {
            name: "nested_tables_30k",
            test_scale: 1.0,
            build: nested_tables,
        },
        Case {
            name: "elements_2m",
            test_scale: 1.0,
            build: many_elements,
        },
        Case {
            name: "json_ld_hostile",
            test_scale: 1.0,
            build: hostile_json_ld,
        },
        Case {
            name: "absurd_dates",
            test_scale: 1.0,
            build: absurd_dates,
        },
    ]
}

/// An article page around `body`.
fn page(head: &str, body: &str) -> Vec<u8> {
    format!(
        "<!doctype html><html><head><title>Budget passes</title>{head}</head>\
         <body><article><h1>Budget passes</h1>{body}</article></body></html>"
    )
    .into_bytes()
}

/// 1,000,000 nested `div`s with a paragraph at the bottom.
pub fn nested_divs(scale: f64) -> Vec<u8> {
    let depth = scaled(1_000_000, scale);
    let mut html = String::with_capacity(depth * 11 + 200);
    html.push_str("<html><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str("<p>");
    html.push_str(PARAGRAPH);
    html.push_str("</p>");
    html.push_str(&"</div>".repeat(depth));
    html.push_str("</body></html>");
    html.into_bytes()
}

/// 100,000 nested `ul`/`li`, each item with a few words.
pub fn nested_lists(scale: f64) -> Vec<u8> {
    let depth = scaled(100_000, scale);
    let mut html = String::from("<html><body><article><p>");
    html.push_str(PARAGRAPH);
    html.push_str("</p>");
    for i in 0..depth {
        html.push_str("<ul><li>item ");
        html.push_str(&i.to_string());
    }
    html.push_str(&"</li></ul>".repeat(depth));
    html.push_str("</article></body></html>");
    html.into_bytes()
}

/// 50 MB of paragraphs in one article.
pub fn paragraphs(scale: f64) -> Vec<u8> {
    let bytes = scaled(50_000_000, scale);
    let one = format!("<p>{PARAGRAPH}</p>\n");
    page("", &one.repeat(bytes / one.len()))
}

/// 10 MB of text without a single tag.
pub fn no_tags(scale: f64) -> Vec<u8> {
    let bytes = scaled(10_000_000, scale);
    let sentence = format!("{PARAGRAPH} ");
    sentence.repeat(bytes / sentence.len()).into_bytes()
}

/// A 5 MB attribute value (a class list), plus a 5 MB `content` of a date meta tag.
pub fn huge_attribute(scale: f64) -> Vec<u8> {
    let bytes = scaled(5_000_000, scale);
    let class = "a".repeat(bytes);
    let dates = "2021-".repeat(bytes / 5);
    page(
        &format!("<meta property=\"article:published_time\" content=\"{dates}\">"),
        &format!("<div class=\"{class}\"><p>{PARAGRAPH}</p></div>"),
    )
}

/// 100,000 sibling links.
pub fn sibling_links(scale: f64) -> Vec<u8> {
    let count = scaled(100_000, scale);
    let mut body = format!("<p>{PARAGRAPH}</p><div>");
    for i in 0..count {
        body.push_str("<a href=\"/story/");
        body.push_str(&i.to_string());
        body.push_str("\">Story ");
        body.push_str(&i.to_string());
        body.push_str("</a> ");
    }
    body.push_str("</div>");
    page("", &body)
}

/// A page that is one `<script>`.
pub fn only_script(scale: f64) -> Vec<u8> {
    let lines = scaled(100_000, scale);
    format!(
        "<script>{}</script>",
        "var x = '<p>not text</p>';\n".repeat(lines)
    )
    .into_bytes()
}

/// NUL bytes everywhere: in text, tag names, attribute names and values, scripts, comments.
pub fn nul_bytes(scale: f64) -> Vec<u8> {
    let repeats = scaled(1000, scale);
    let piece = "<p\0 cl\0ass=\"a\0b\">Some\0text\0here.</p\0><!--\0--><script>\0</script>";
    let mut html = page("", &format!("<p>{PARAGRAPH}</p>{}", piece.repeat(repeats)));
    html.extend(std::iter::repeat_n(0u8, 10_000));
    html
}

/// 200,000 attributes in one tag.
pub fn attribute_flood(scale: f64) -> Vec<u8> {
    let count = scaled(200_000, scale);
    let mut tag = String::from("<p");
    for i in 0..count {
        tag.push_str(" a");
        tag.push_str(&i.to_string());
    }
    tag.push('>');
    page("", &format!("{tag}{PARAGRAPH}</p>"))
}

/// 100,000 formatting elements with distinct attributes, which html5ever keeps in its list of
/// active formatting elements.
pub fn formatting_flood(scale: f64) -> Vec<u8> {
    let count = scaled(100_000, scale);
    let mut body = String::new();
    for i in 0..count {
        body.push_str("<b id=");
        body.push_str(&i.to_string());
        body.push('>');
    }
    body.push_str(PARAGRAPH);
    page("", &body)
}

/// 100,000 misnested `<b><div></b>`, which the adoption agency algorithm nests ever deeper.
pub fn misnested_formatting(scale: f64) -> Vec<u8> {
    let count = scaled(100_000, scale);
    page("", &format!("{}{PARAGRAPH}", "<b><div></b>".repeat(count)))
}

/// 30,000 nested tables.
pub fn nested_tables(scale: f64) -> Vec<u8> {
    let depth = scaled(30_000, scale);
    page(
        "",
        &format!("{}{PARAGRAPH}", "<table><tr><td>".repeat(depth)),
    )
}

/// 2,000,000 sibling elements: over the default element budget.
pub fn many_elements(scale: f64) -> Vec<u8> {
    let count = scaled(2_000_000, scale);
    page("", &"<i>x</i>".repeat(count))
}

/// JSON-LD that is deep, huge, broken or of the wrong types.
pub fn hostile_json_ld(scale: f64) -> Vec<u8> {
    let depth = scaled(100_000, scale);
    let scripts = [
        format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
        "{\"a\":".repeat(depth),
        format!("{{\"@type\":\"NewsArticle\",\"wordCount\":1e{}}}", "9".repeat(depth)),
        format!("{{\"@type\":\"NewsArticle\",\"n\":{}}}", "9".repeat(depth * 10)),
        r#"{"@type":7,"headline":{"a":[]},"author":[1,null,{"name":[]}],"datePublished":[[["x"]]]}"#
            .to_owned(),
        r#"{"@type":["NewsArticle",{"x":1}],"headline":["",7,"Budget"],"author":{"name":7},
            "image":{"url":{"url":{"url":[]}}},"publisher":[[[]]],"datePublished":1616}"#
            .to_owned(),
        format!(
            "{{\"@type\":\"Article\",\"author\":[{}\"x\"]}}",
            "\"Jane Doe\",".repeat(depth)
        ),
        format!(
            "{{\"@graph\":[{}{{}}]}}",
            "{\"@type\":\"WebPage\",\"name\":\"p\"},".repeat(depth / 2)
        ),
        "{\"@type\":\"NewsArticle\",\"headline\":\"unterminated".to_owned(),
        "\u{feff}<!-- {\"@type\": -->".to_owned(),
    ];
    let mut head = String::new();
    for script in scripts {
        let _ = write!(
            head,
            "<script type=\"application/ld+json\">{script}</script>"
        );
    }
    page(&head, &format!("<p>{PARAGRAPH}</p>"))
}

/// Dates that are out of range or malformed, in every place dates are read from.
pub fn absurd_dates(scale: f64) -> Vec<u8> {
    let repeats = scaled(1000, scale);
    let dates = [
        "99999-01-01",
        "0000-00-00",
        "9999-99-99T99:99:99+99:99",
        "-0001-01-01",
        "2021-02-30",
        "18446744073709551616-01-01",
        "30 Mar, 99999 11:49",
        "32.13.2021",
        "2021-13-30T11:00:00Z",
    ];
    let mut head = String::new();
    let mut body = String::new();
    for date in dates {
        let _ = write!(
            head,
            "<meta property=\"article:published_time\" content=\"{date}\">\
             <meta property=\"article:modified_time\" content=\"{date}\">\
             <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
             \"datePublished\":\"{date}\",\"dateModified\":\"{date}\"}}</script>"
        );
        let _ = write!(
            body,
            "<time datetime=\"{date}\">{date}</time><p>Updated {date}</p>"
        );
    }
    let digits = "2021 ".repeat(repeats);
    let _ = write!(body, "<p>{digits}</p><p>{PARAGRAPH}</p>");
    page(&head, &body)
}

/// A small article page for the invalid-UTF-8 sweep.
pub fn small_page() -> Vec<u8> {
    page(
        "<meta charset=\"utf-8\"><meta property=\"article:published_time\" \
         content=\"2021-03-30T11:49:00+01:00\">\
         <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\
         \"headline\":\"Budget passes\",\"author\":{\"name\":\"Jane Doe\"}}</script>",
        &format!(
            "<p class=\"lead\">{PARAGRAPH}</p><p>Caf\u{e9} \u{65e5}\u{672c} <a href=\"/x\">link</a>.</p>"
        ),
    )
}
