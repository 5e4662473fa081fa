//! The output formats, over every article fixture in `tests/fixtures/` and over generated
//! text (the golden renderings of the fixtures are checked by `golden`):
//!
//! - `formats::markdown_round_trip::<fixture>`: the Markdown parsed back with pulldown-cmark
//!   gives the article's blocks, text, links and emphasis, and nothing else (no raw HTML, no
//!   structure that page text smuggled in);
//! - `formats::html_is_clean::<fixture>`: the HTML passes an ammonia sanitizer with a strict
//!   allow-list unchanged, which shows that it is clean already;
//! - `formats::xss_payloads_reach_no_output`: the `xss-payload-gallery` page's payloads are in
//!   no format;
//! - `formats::json_round_trips`: every fixture's article comes back from its JSON.
//!
//! The checks are public for `generated` (the same over generated text) and `corpus` (the same
//! over every corpus page).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use libtest_mimic::{Failed, Trial};
use newsprint::render::{html, json, markdown, text};
use newsprint::{Article, Block};

use crate::commonmark::{self, Char, Node};
use crate::golden::{self, Expect, Fixture};

/// The fixture of hostile markup.
const XSS_FIXTURE: &str = "xss-payload-gallery";
/// Markers of that page's payloads that are page text, and stay (escaped) in the outputs.
const XSS_VISIBLE_MARKERS: &[u32] = &[45, 100];
/// The highest payload number on that page.
const XSS_LAST_MARKER: u32 = 54;

fn extract(fixture: &Fixture) -> Result<Article, Failed> {
    golden::extract(fixture).map_err(|e| format!("extraction failed: {e}").into())
}

pub fn trials() -> Vec<Trial> {
    let mut trials = Vec::new();
    let articles = golden::fixtures()
        .into_iter()
        .filter(|fixture| fixture.case.expect == Expect::Article);
    for page in articles {
        let page = std::sync::Arc::new(page);
        let name = page.name.clone();
        let round_trip = page.clone();
        trials.push(Trial::test(
            format!("formats::markdown_round_trip::{name}"),
            move || check_markdown_round_trip(&extract(&round_trip)?, Marks::Exact),
        ));
        let clean = page.clone();
        trials.push(Trial::test(
            format!("formats::html_is_clean::{name}"),
            move || check_html_is_clean(&extract(&clean)?),
        ));
        trials.push(Trial::test(
            format!("formats::json_round_trips::{name}"),
            move || check_json_round_trip(&extract(&page)?),
        ));
    }
    trials.push(Trial::test(
        "formats::xss_payloads_reach_no_output",
        xss_payloads_reach_no_output,
    ));
    trials
}

/// What is wrong with the renderings of a corpus page (the `corpus` trials call this for
/// every page): Markdown that does not read back as the blocks (emphasis CommonMark cannot
/// express may be left out), HTML that the sanitizer changes, or prose in plain text with
/// double spaces (past a list's indentation), trailing whitespace or two empty lines in a row.
pub fn render_problems(article: &Article) -> Vec<String> {
    let mut problems = Vec::new();
    if let Err(error) = check_markdown_round_trip(article, Marks::MayDrop) {
        problems.push(format!("markdown: {}", first_line(&error)));
    }
    if let Err(error) = check_html_is_clean(article) {
        problems.push(format!("html: {}", first_line(&error)));
    }
    let mut prose = article.clone();
    prose
        .blocks
        .retain(|block| !matches!(block, Block::Code { .. }));
    let text = text::to_text(&prose);
    let bad_line = text.lines().enumerate().find(|(at, line)| {
        line.trim_start_matches(' ').contains("  ")
            || line.ends_with(char::is_whitespace)
            || (line.is_empty() && text.lines().nth(at + 1).is_some_and(str::is_empty))
    });
    if let Some((at, line)) = bad_line {
        problems.push(format!("text: line {} is {line:?}", at + 1));
    }
    problems
}

fn first_line(error: &Failed) -> String {
    let message = format!("{error:?}");
    message
        .lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(200)
        .collect()
}

/// The first line where two outputs differ, with both versions.
fn first_difference(expected: &str, got: &str) -> Option<String> {
    if expected == got {
        return None;
    }
    let (mut expected_lines, mut got_lines) = (expected.split('\n'), got.split('\n'));
    (1..).find_map(|number| {
        let (e, g) = (expected_lines.next(), got_lines.next());
        (e != g).then(|| format!("line {number} differs\n    expected {e:?}\n    got      {g:?}"))
    })
}

/// How emphasis must come back from Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// As it was: the fixture pages' emphasis is all expressible.
    Exact,
    /// Emphasis Markdown cannot express (generated at random) may be left out, never added.
    MayDrop,
}

pub fn check_markdown_round_trip(article: &Article, marks: Marks) -> Result<(), Failed> {
    let markdown = markdown::to_markdown(article);
    let read = commonmark::read(&markdown);
    let expected = commonmark::expected(article);
    let mut report = String::new();
    for problem in &read.problems {
        let _ = writeln!(report, "{problem}");
    }
    let agrees = read.blocks.len() == expected.len()
        && read
            .blocks
            .iter()
            .zip(&expected)
            .all(|(got, want)| nodes_agree(want, got, marks));
    if !agrees {
        let _ = writeln!(
            report,
            "{} blocks read back, {} expected",
            read.blocks.len(),
            expected.len()
        );
        if let Some(at) = (0..read.blocks.len().max(expected.len())).find(|&i| {
            match (expected.get(i), read.blocks.get(i)) {
                (Some(want), Some(got)) => !nodes_agree(want, got, marks),
                _ => true,
            }
        }) {
            let _ = writeln!(
                report,
                "block {at}:\n    expected {}\n    read     {}",
                describe(expected.get(at)),
                describe(read.blocks.get(at))
            );
        }
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(format!("{report}--- markdown:\n{markdown}").into())
    }
}

fn nodes_agree(want: &Node, got: &Node, marks: Marks) -> bool {
    match (want, got) {
        (Node::Heading(a, want), Node::Heading(b, got)) => a == b && chars_agree(want, got, marks),
        (Node::Paragraph(want), Node::Paragraph(got)) => chars_agree(want, got, marks),
        (Node::Quote(want), Node::Quote(got)) => {
            want.len() == got.len() && want.iter().zip(got).all(|(w, g)| nodes_agree(w, g, marks))
        }
        (
            Node::List {
                start: a,
                items: want,
            },
            Node::List {
                start: b,
                items: got,
            },
        ) => {
            a == b
                && want.len() == got.len()
                && want.iter().zip(got).all(|(w, g)| {
                    chars_agree(&w.content, &g.content, marks)
                        && match (&w.sublist, &g.sublist) {
                            (Some(w), Some(g)) => nodes_agree(w, g, marks),
                            (None, None) => true,
                            _ => false,
                        }
                })
        }
        (
            Node::Table {
                header: want_header,
                rows: want_rows,
            },
            Node::Table {
                header: got_header,
                rows: got_rows,
            },
        ) => {
            let rows_agree = |want: &[Vec<Char>], got: &[Vec<Char>]| {
                want.len() == got.len()
                    && want.iter().zip(got).all(|(w, g)| chars_agree(w, g, marks))
            };
            rows_agree(want_header, got_header)
                && want_rows.len() == got_rows.len()
                && want_rows
                    .iter()
                    .zip(got_rows)
                    .all(|(w, g)| rows_agree(w, g))
        }
        (want, got) => want == got,
    }
}

/// Same text and links; emphasis the same, or with [`Marks::MayDrop`] a part of it (code
/// spans always written).
pub fn chars_agree(want: &[Char], got: &[Char], marks: Marks) -> bool {
    want.len() == got.len()
        && want.iter().zip(got).all(|(w, g)| {
            if w.is_break {
                return g.c == w.c || (g.c == ' ' && w.marks & commonmark::CODE != 0);
            }
            w.c == g.c
                && w.link == g.link
                && match marks {
                    Marks::Exact => w.marks == g.marks,
                    Marks::MayDrop => {
                        g.marks & !w.marks == 0
                            && (g.marks & commonmark::CODE) == (w.marks & commonmark::CODE)
                    }
                }
        })
}

fn describe(node: Option<&Node>) -> String {
    match node {
        None => "nothing".to_owned(),
        Some(Node::Heading(level, chars)) => format!("h{level} {}", describe_chars(chars)),
        Some(Node::Paragraph(chars)) => format!("p {}", describe_chars(chars)),
        Some(Node::Quote(inner)) => format!(
            "quote [{}]",
            inner
                .iter()
                .map(|node| describe(Some(node)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Some(other) => format!("{other:?}"),
    }
}

/// Text with its formatting as runs: `[text]{link}` for links, `*text*` and so on for marks.
pub fn describe_chars(chars: &[Char]) -> String {
    let mut out = String::new();
    let mut at = 0;
    while at < chars.len() {
        let run = chars[at..]
            .iter()
            .take_while(|c| c.link == chars[at].link && c.marks == chars[at].marks)
            .count();
        let text = commonmark::text(&chars[at..at + run]);
        let _ = write!(out, "{text:?}");
        if chars[at].marks != 0 {
            let _ = write!(out, "/m{}", chars[at].marks);
        }
        if let Some(link) = &chars[at].link {
            let _ = write!(out, "/<{link}>");
        }
        out.push(' ');
        at += run;
    }
    out
}

fn sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::empty();
    builder
        .add_tags([
            "article",
            "aside",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "p",
            "time",
            "ul",
            "ol",
            "li",
            "blockquote",
            "pre",
            "code",
            "table",
            "caption",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "figure",
            "img",
            "figcaption",
            "a",
            "em",
            "strong",
            "br",
        ])
        .generic_attributes(HashSet::new())
        .tag_attributes(HashMap::from([
            ("article", HashSet::from(["lang"])),
            ("time", HashSet::from(["datetime"])),
            ("a", HashSet::from(["href"])),
            ("img", HashSet::from(["src", "alt"])),
            ("code", HashSet::from(["class"])),
        ]))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(None);
    builder
}

pub fn check_html_is_clean(article: &Article) -> Result<(), Failed> {
    let fragment = html::to_html_fragment(article);
    let cleaned = sanitizer().clean(&fragment).to_string();
    if let Some(difference) = first_difference(&fragment, &cleaned) {
        return Err(format!("the sanitizer changed the HTML: {difference}").into());
    }
    let document = html::to_html(article);
    if !document.contains(&fragment) {
        return Err("the document does not hold the fragment".into());
    }
    Ok(())
}

fn check_json_round_trip(article: &Article) -> Result<(), Failed> {
    let json = json::to_json(article);
    let back: Article = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    if &back == article {
        Ok(())
    } else {
        Err(format!("the article read back differs:\n{back:?}\n{article:?}").into())
    }
}

fn xss_payloads_reach_no_output() -> Result<(), Failed> {
    let page = golden::fixtures()
        .into_iter()
        .find(|p| p.name == XSS_FIXTURE)
        .ok_or("the xss-payload-gallery fixture is missing")?;
    let article = extract(&page)?;
    let markdown = markdown::to_markdown(&article);
    let mut markdown_html = String::new();
    let options = pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_GFM;
    pulldown_cmark::html::push_html(
        &mut markdown_html,
        pulldown_cmark::Parser::new_ext(&markdown, options),
    );
    let outputs = [
        ("text", text::to_text(&article)),
        ("markdown", markdown.clone()),
        ("markdown as HTML", markdown_html.clone()),
        ("json", json::to_json(&article)),
        ("html", html::to_html(&article)),
    ];
    let mut report = String::new();
    for (format, output) in &outputs {
        let lower = output.to_ascii_lowercase();
        for marker in (1..=XSS_LAST_MARKER).filter(|m| !XSS_VISIBLE_MARKERS.contains(m)) {
            if lower.contains(&format!("alert({marker})")) {
                let _ = writeln!(report, "{format}: payload {marker} is there");
            }
        }
        for scheme in ["javascript", "vbscript", "data:"] {
            if lower.contains(scheme) {
                let _ = writeln!(report, "{format}: {scheme} is there");
            }
        }
        for word in ["expression(", "srcdoc", "formaction", "xlink", "svg link"] {
            if lower.contains(word) {
                let _ = writeln!(report, "{format}: {word} is there");
            }
        }
    }
    // The HTML outputs hold no element or attribute beyond the allow-list.
    for (format, output) in [
        ("html", html::to_html_fragment(&article)),
        ("markdown as HTML", markdown_html),
    ] {
        for problem in html_problems(&output) {
            let _ = writeln!(report, "{format}: {problem}");
        }
    }
    // The payload that is page text stays, escaped.
    let visible = "<img src=x onerror=alert(100)>";
    for (format, output, written) in [
        ("text", &outputs[0].1, visible.to_owned()),
        (
            "markdown",
            &outputs[1].1,
            "\\<img src=x onerror=alert(100)>".to_owned(),
        ),
        (
            "html",
            &outputs[4].1,
            "&lt;img src=x onerror=alert(100)&gt;".to_owned(),
        ),
    ] {
        if !output.contains(&written) {
            let _ = writeln!(
                report,
                "{format}: the quoted payload is not there as {written:?}"
            );
        }
    }
    check_html_is_clean(&article)?;
    check_markdown_round_trip(&article, Marks::Exact)?;
    if report.is_empty() {
        Ok(())
    } else {
        Err(report.into())
    }
}

/// Elements and attributes of HTML (ours, or pulldown-cmark's rendering of our Markdown) that
/// are not on the allow-list, and URLs that are not absolute http(s) or mailto.
fn html_problems(html: &str) -> Vec<String> {
    const TAGS: &[&str] = &[
        "html",
        "body",
        "article",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "time",
        "ul",
        "ol",
        "li",
        "blockquote",
        "pre",
        "code",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "figure",
        "img",
        "figcaption",
        "a",
        "em",
        "strong",
        "br",
    ];
    let fragment = scraper::Html::parse_fragment(html);
    let mut problems = Vec::new();
    for element in fragment.tree.values().filter_map(scraper::Node::as_element) {
        let tag = element.name();
        if !TAGS.contains(&tag) {
            problems.push(format!("element <{tag}>"));
        }
        for (name, value) in element.attrs() {
            let allowed = matches!(
                (tag, name),
                ("article", "lang")
                    | ("time", "datetime")
                    | ("a", "href")
                    | ("img", "src" | "alt")
                    | ("code", "class")
                    | ("ol", "start")
            );
            if !allowed {
                problems.push(format!("attribute {name}={value:?} on <{tag}>"));
            }
            if matches!(name, "href" | "src") {
                let scheme = url::Url::parse(value).map(|u| u.scheme().to_owned());
                if !matches!(scheme.as_deref(), Ok("http" | "https" | "mailto")) {
                    problems.push(format!("URL {value:?} on <{tag}>"));
                }
            }
        }
    }
    problems
}
