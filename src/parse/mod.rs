//! Text to DOM: parses a page once with html5ever into a `scraper::Html`, within budgets.
//! Broken markup is repaired the way browsers repair it.
//!
//! html5ever's tree builder does work proportional to the nesting depth for most tags, and
//! its tokenizer work proportional to the attributes already read for each attribute, so a
//! hostile page can make it run for minutes. Three guards keep the work linear in the input:
//!
//! 1. [`prescan`]: a byte-level pass cuts tags with more than
//!    [`prescan::MAX_ATTRIBUTES`] attributes before the tokenizer reads them (the same pass
//!    drops the bodies of scripts, style sheets and inline SVG and the `data-*` attributes,
//!    which no stage reads: half of a news page's bytes that the tokenizer then never sees);
//! 2. [`guard`]: between the tokenizer and the tree builder, elements nested deeper than the
//!    depth budget are flattened into their ancestor at the limit;
//! 3. [`sink`]: the tree builder's work and the elements it creates are metered while the
//!    page is fed in chunks. Over the element budget parsing stops with an error. A page that
//!    still makes the tree builder work far more than its size warrants (misnested formatting
//!    elements that the adoption agency algorithm keeps rebuilding, say) is read as text from
//!    there on: its tags are dropped and its text lands in the element open at that point.
//!    Should even that not bound the work, the page is cut.
//!
//! After the parse, [`stream`] moves the content a streaming server render sent to the end of
//! the page (`<div hidden id="S:0">`) into its placeholder, as the page's scripts would.

mod guard;
mod prescan;
mod sink;
mod stream;

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::TreeSink;
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use scraper::Html;

use crate::error::{Error, Result};
use guard::DepthGuard;
use sink::MeteredSink;

/// Bytes fed to the tokenizer at a time; the budgets are checked between chunks.
const CHUNK_BYTES: usize = 16 * 1024;
/// Tree-builder steps (looks at a node's name or identity) allowed per input byte, and in
/// any case. The pages of the evaluation corpus take at most 0.62 per byte; the depth guard
/// keeps hostile ones near that too, and this catches whatever gets past it.
const WORK_PER_BYTE: u64 = 8;
const MIN_WORK: u64 = 1024 * 1024;

/// The parse budgets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// More elements than this fail the parse.
    pub(crate) max_elements: usize,
    /// Elements with more ancestors than this are flattened into their ancestor at the limit.
    pub(crate) max_depth: usize,
}

/// Parses a whole HTML document.
///
/// # Errors
///
/// [`Error::TooManyElements`] when the document has more elements than
/// [`Limits::max_elements`]; parsing stops soon after the limit is passed, so `found` is the
/// count reached by then.
pub(crate) fn parse(html: &str, limits: &Limits) -> Result<Html> {
    let text = prescan::prepare(html);
    let builder = TreeBuilder::new(MeteredSink::new(), TreeBuilderOpts::default());
    let tokenizer = Tokenizer::new(
        DepthGuard::new(builder, limits.max_depth),
        TokenizerOpts::default(),
    );
    let queue = BufferQueue::default();
    let mut text_only = false;
    let max_work = WORK_PER_BYTE
        .saturating_mul(text.len() as u64)
        .max(MIN_WORK);
    for chunk in chunks(&text, CHUNK_BYTES) {
        queue.push_back(StrTendril::from_slice(chunk));
        while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
        let sink = &tokenizer.sink.builder.sink;
        if sink.elements() > limits.max_elements {
            return Err(Error::TooManyElements {
                limit: limits.max_elements,
                found: sink.elements(),
            });
        }
        if sink.work() > max_work.saturating_mul(2) {
            log::debug!("parse cut: {} tree-builder steps", sink.work());
            break;
        }
        if sink.work() > max_work && !text_only {
            log::debug!(
                "parse reads text only after {} tree-builder steps",
                sink.work()
            );
            tokenizer.sink.keep_text_only();
            text_only = true;
        }
    }
    tokenizer.end();
    let flattened = tokenizer.sink.flattened();
    if flattened > 0 {
        log::debug!(
            "flattened {flattened} elements nested deeper than {}",
            limits.max_depth
        );
    }
    let sink = tokenizer.sink.builder.sink;
    let streamed = sink.take_streamed();
    let mut html = sink.finish();
    if streamed.has_segments() {
        stream::place_segments(&mut html.tree, streamed);
    }
    Ok(html)
}

/// Splits `text` into pieces of about `size` bytes, on character boundaries.
fn chunks(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = size.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (chunk, tail) = rest.split_at(end);
        rest = tail;
        Some(chunk)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Budgets no test page comes near (also used by the tests of `stream`).
    pub(super) const LIMITS: Limits = Limits {
        max_elements: 1_000_000,
        max_depth: 256,
    };

    fn depth_of_deepest(html: &Html) -> usize {
        html.tree
            .root()
            .descendants()
            .map(|node| node.ancestors().count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn repairs_broken_markup() {
        let html = parse("<p>one<p>two</div><b>three", &LIMITS).unwrap();
        let text: String = html.root_element().text().collect();
        assert_eq!(text, "onetwothree");
    }

    #[test]
    fn parses_like_scraper() {
        let page = "<!doctype html><html><head><title>T</title><script>if (a<b) x()</script>\
                    </head><body><table><tr><td>a<td>b</table><ul><li>one<li>two</ul>\
                    <p>text <b>bold <i>both</b> italic</i></p><svg><g><title>i</title></g></svg>\
                    <template><p>t</p></template></body></html>";
        let ours = parse(page, &LIMITS).unwrap();
        // The same tree, less the bodies of the script and the svg, which the pre-scan drops.
        let theirs = Html::parse_document(
            &page
                .replace("if (a<b) x()", "")
                .replace("<g><title>i</title></g>", ""),
        );
        assert_eq!(ours.html(), theirs.html());
    }

    /// The tree in preorder as lines of element names, attributes and texts, without what
    /// lies inside scripts, style sheets and `svg` and the `data-*` attributes no stage
    /// reads: what the pre-scan may drop.
    fn outline(html: &Html) -> Vec<String> {
        let mut lines = Vec::new();
        let mut skip_below: Vec<ego_tree::NodeId> = Vec::new();
        for node in html.tree.root().descendants() {
            if node.ancestors().any(|a| skip_below.contains(&a.id())) {
                continue;
            }
            match node.value() {
                scraper::Node::Element(element) => {
                    let attributes: Vec<String> = element
                        .attrs()
                        .filter(|(n, _)| {
                            !n.starts_with("data-") || crate::page::READ_DATA_ATTRIBUTES.contains(n)
                        })
                        .map(|(n, v)| format!("{n}={v}"))
                        .collect();
                    lines.push(format!("<{} {}>", element.name(), attributes.join(" ")));
                    let is_json_ld = element.attr("type").is_some_and(|t| t.contains("json"));
                    if matches!(element.name(), "script" | "style" | "svg") && !is_json_ld {
                        skip_below.push(node.id());
                    }
                }
                scraper::Node::Text(text) => lines.push(format!("{:?}", &**text)),
                other => lines.push(format!("{other:?}")),
            }
        }
        lines
    }

    #[test]
    fn drops_only_what_no_stage_reads() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut pages: Vec<String> = std::fs::read_dir(fixtures)
            .unwrap()
            .map(|entry| std::fs::read(entry.unwrap().path().join("source.html")).unwrap())
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .collect();
        pages.push(
            "<head><style>p{}</style><script>a = '<p>x</p>'</script><script \
             type=application/ld+json>{\"a\": \"</p>\"}</script></head><body><p>one<svg><g>\
             <text>icon</text></g></svg>two</p><svg><p>breaks out</p></svg><math><mi>x</mi>\
             </math><script><!-- <script> </script> --></script><p data-x=1 \
             data-src=a.jpg>three</p>"
                .to_owned(),
        );
        assert!(pages.len() > 10);
        for page in &pages {
            let ours = parse(page, &LIMITS).unwrap();
            let theirs = Html::parse_document(page);
            let (ours, theirs) = (outline(&ours), outline(&theirs));
            let first_difference = ours.iter().zip(&theirs).position(|(a, b)| a != b);
            assert_eq!(
                (ours.len(), first_difference),
                (theirs.len(), None),
                "{:?}: {:?}",
                page.get(..80),
                first_difference.map(|at| (&ours[at], &theirs[at]))
            );
        }
    }

    #[test]
    fn parses_across_chunk_boundaries() {
        let page = format!("<p>{}é</p><p>after</p>", "x".repeat(CHUNK_BYTES - 4));
        let html = parse(&page, &LIMITS).unwrap();
        let text: String = html.root_element().text().collect();
        assert!(text.ends_with("éafter"));
    }

    #[test]
    fn flattens_nesting_past_the_depth_budget() {
        let limits = Limits {
            max_depth: 40,
            ..LIMITS
        };
        let page = format!(
            "{}<p>deep</p>{}<p>after</p>",
            "<div>".repeat(1000),
            "</div>".repeat(1000)
        );
        let html = parse(&page, &limits).unwrap();
        assert!(depth_of_deepest(&html) <= 41, "{}", depth_of_deepest(&html));
        let text: String = html.root_element().text().collect();
        assert_eq!(text, "deepafter");
    }

    #[test]
    fn reads_text_only_past_the_work_budget() {
        // The adoption agency algorithm rebuilds this nesting at every `</b>`, so each
        // iteration costs the tree builder a walk of its whole stack.
        let page = format!(
            "{}<p>after</p><script type=application/ld+json>{{\"a\": \"<p>b</p>\"}}</script>",
            "<b><div></b>".repeat(200_000)
        );
        let html = parse(&page, &LIMITS).unwrap();
        let text: String = html.root_element().text().collect();
        assert!(
            text.ends_with("after{\"a\": \"<p>b</p>\"}"),
            "{}",
            &text[text.len() - 40..]
        );
        let scripts = html
            .tree
            .root()
            .descendants()
            .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "script"))
            .count();
        assert_eq!(
            scripts, 1,
            "the script stays an element, its text not page text"
        );
    }

    #[test]
    fn keeps_text_of_flattened_lists_in_order() {
        let limits = Limits {
            max_depth: 20,
            ..LIMITS
        };
        let mut page = String::new();
        let mut expected = String::new();
        for i in 0..200 {
            page.push_str("<ul><li>");
            page.push_str(&i.to_string());
            page.push(' ');
            expected.push_str(&i.to_string());
            expected.push(' ');
        }
        let html = parse(&page, &limits).unwrap();
        let text: String = html.root_element().text().collect();
        assert_eq!(text, expected);
        assert!(depth_of_deepest(&html) <= 21);
    }

    #[test]
    fn stops_at_the_element_budget() {
        let limits = Limits {
            max_elements: 100,
            ..LIMITS
        };
        let page = "<p>x</p>".repeat(100_000);
        let error = parse(&page, &limits).unwrap_err();
        let Error::TooManyElements { limit, found } = error else {
            panic!("{error:?}");
        };
        assert_eq!(limit, 100);
        assert!(found > 100 && found < 10_000, "{found}");
    }
}
