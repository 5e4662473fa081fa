//! Content that streaming server rendering sends out of order, put where a browser shows it.
//!
//! React 18 and later (Next.js among them) stream a page whose slow parts are still loading:
//! the layout holds a placeholder, `<template id="B:0">` inside a Suspense boundary
//! (`<!--$?-->` … fallback markup … `<!--/$-->`) or a bare `<template id="P:0">`, and the
//! content follows at the end of `<body>` as `<div hidden id="S:0">…</div>` with a script
//! (`$RC("B:0","S:0")`, `$RS("S:0","P:0")`) that moves it into place. We run no scripts, so
//! the content would sit hidden after the footer. The sink notes these elements as it creates
//! them (pages without them pay a name test per element and an id lookup per `div`), and
//! [`place_segments`] then moves each segment's children to its placeholder as the scripts
//! would.
//!
//! The scripts' bodies are gone by then (the pre-scan drops them), so a segment is paired with
//! the placeholder of the same number: React numbers a placeholder and its segment alike, and
//! every one of the 460 calls on the 24 corpus pages whose scripts name them pairs equal numbers.

use ego_tree::{NodeId, Tree};
use html5ever::{Attribute, QualName, local_name};
use scraper::Node;

/// The longest number kept (hex digits); longer ones are not React's and are ignored.
const MAX_NUMBER_DIGITS: usize = 12;

/// What a noted element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    /// `<template id="B:n">`: a Suspense boundary still showing its fallback.
    Boundary,
    /// `<template id="P:n">`: a bare placeholder.
    Placeholder,
    /// `<div id="S:n">`: streamed content.
    Segment,
}

/// The streaming elements of a page, in the order they were created.
#[derive(Debug, Default)]
pub(crate) struct StreamedParts {
    /// (number, role, element), in creation order.
    parts: Vec<(u64, Role, NodeId)>,
}

/// A noted element: its number and role.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Part(u64, Role);

impl Part {
    /// The part an element with this name and these attributes plays, if any.
    pub(crate) fn of(name: &QualName, attrs: &[Attribute]) -> Option<Part> {
        let prefixes: &[(&str, Role)] = if name.local == local_name!("div") {
            &[("S:", Role::Segment)]
        } else if name.local == local_name!("template") {
            &[("B:", Role::Boundary), ("P:", Role::Placeholder)]
        } else {
            return None;
        };
        let value = &attrs
            .iter()
            .find(|a| a.name.local == local_name!("id"))?
            .value;
        prefixes.iter().find_map(|&(prefix, role)| {
            let number = parse_number(value.strip_prefix(prefix)?)?;
            Some(Part(number, role))
        })
    }
}

impl StreamedParts {
    /// Notes that the element `id` plays `part`.
    pub(crate) fn push(&mut self, id: NodeId, part: Part) {
        self.parts.push((part.0, part.1, id));
    }

    /// Whether the page streamed any segment.
    pub(crate) fn has_segments(&self) -> bool {
        self.parts.iter().any(|&(_, role, _)| role == Role::Segment)
    }
}

/// A lowercase or uppercase hex number of at most [`MAX_NUMBER_DIGITS`] digits.
fn parse_number(text: &str) -> Option<u64> {
    let valid = !text.is_empty()
        && text.len() <= MAX_NUMBER_DIGITS
        && text.bytes().all(|b| b.is_ascii_hexdigit());
    valid.then(|| u64::from_str_radix(text, 16).ok()).flatten()
}

/// Moves every segment's content to its placeholder, as the page's scripts would: the first
/// segment and the first placeholder of each number pair up (`getElementById` finds the first
/// of repeated ids). A boundary's fallback, the siblings after its `<!--$?-->` or `<!--$!-->`
/// up to the matching `<!--/$-->` (or the end of the parent), goes, as the script removes it.
/// A segment whose placeholder is missing, or lies inside the segment, stays where it is.
pub(crate) fn place_segments(tree: &mut Tree<Node>, mut found: StreamedParts) {
    // Sorted by number, then segments after placeholders, each in creation order.
    found
        .parts
        .sort_by_key(|&(number, role, _)| (number, role == Role::Segment));
    found
        .parts
        .dedup_by_key(|&mut (number, role, _)| (number, role == Role::Segment));
    for pair in found.parts.windows(2) {
        let [
            (number, role, placeholder),
            (segment_number, Role::Segment, segment),
        ] = *pair
        else {
            continue;
        };
        if number == segment_number && !is_inside(tree, placeholder, segment) {
            move_content(tree, segment, placeholder, role == Role::Boundary);
        }
    }
}

/// Whether `node` is `ancestor` or lies inside it.
fn is_inside(tree: &Tree<Node>, node: NodeId, ancestor: NodeId) -> bool {
    let Some(node) = tree.get(node) else {
        return true;
    };
    node.id() == ancestor || node.ancestors().any(|a| a.id() == ancestor)
}

/// Moves the children of `segment` before `placeholder`, then drops the placeholder (with the
/// boundary's fallback when `is_boundary`) and the emptied segment.
fn move_content(tree: &mut Tree<Node>, segment: NodeId, placeholder: NodeId, is_boundary: bool) {
    if tree.get(placeholder).and_then(|p| p.parent()).is_none() {
        return;
    }
    let drops_fallback = is_boundary && opens_pending_boundary(tree, placeholder);
    while let Some(child) = tree
        .get(segment)
        .and_then(|s| s.first_child())
        .map(|c| c.id())
    {
        if let Some(mut target) = tree.get_mut(placeholder) {
            target.insert_id_before(child);
        }
    }
    if drops_fallback {
        remove_fallback(tree, placeholder);
    }
    for id in [placeholder, segment] {
        if let Some(mut node) = tree.get_mut(id) {
            node.detach();
        }
    }
}

/// Whether the node before `placeholder` is the comment opening a pending (`$?`) or failed
/// (`$!`) boundary.
fn opens_pending_boundary(tree: &Tree<Node>, placeholder: NodeId) -> bool {
    let before = tree.get(placeholder).and_then(|p| p.prev_sibling());
    before.is_some_and(
        |node| matches!(node.value(), Node::Comment(c) if matches!(&*c.comment, "$?" | "$!")),
    )
}

/// Removes the siblings after `placeholder` up to the comment that closes its boundary
/// (`<!--/$-->`, skipping nested boundaries), or to the end of the parent.
fn remove_fallback(tree: &mut Tree<Node>, placeholder: NodeId) {
    let mut depth = 0usize;
    loop {
        let Some(next) = tree.get(placeholder).and_then(|p| p.next_sibling()) else {
            return;
        };
        if let Node::Comment(c) = next.value() {
            match &*c.comment {
                "/$" if depth == 0 => return,
                "/$" => depth -= 1,
                "$" | "$?" | "$!" => depth += 1,
                _ => {}
            }
        }
        let id = next.id();
        if let Some(mut node) = tree.get_mut(id) {
            node.detach();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use crate::parse::parse;
    use crate::parse::tests::LIMITS;

    /// The body's text and element names, in order: `<p>a</p>` reads "p a".
    fn outline(page: &str) -> String {
        let html = parse(page, &LIMITS).unwrap();
        let mut out = Vec::new();
        let body = html
            .root_element()
            .descendants()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
            .unwrap();
        for node in body.descendants().skip(1) {
            match node.value() {
                scraper::Node::Element(e) => out.push(e.name().to_string()),
                scraper::Node::Text(t) if !t.trim().is_empty() => out.push(t.trim().to_string()),
                _ => {}
            }
        }
        out.join(" ")
    }

    #[test]
    fn moves_a_boundary_segment_over_its_fallback() {
        let page = "<main><h1>T</h1><!--$?--><template id=\"B:0\"></template>\
                    <div class=spinner>Loading</div><!--/$--><p>after</p></main>\
                    <footer>f</footer><div hidden id=\"S:0\"><p>story</p><p>more</p></div>";
        assert_eq!(outline(page), "main h1 T p story p more p after footer f");
    }

    #[test]
    fn replaces_a_bare_placeholder_and_nested_segments() {
        let page = "<main><template id=\"P:1\"></template></main><footer>f</footer>\
                    <div hidden id=\"S:1\"><p>one</p><template id=\"P:2\"></template></div>\
                    <div hidden id=\"S:2\"><p>two</p></div>";
        assert_eq!(outline(page), "main p one p two footer f");
    }

    #[test]
    fn keeps_a_fallback_without_its_opening_comment() {
        let page = "<div><template id=\"B:0\"></template><main>skeleton</main></div>\
                    <div hidden id=\"S:0\"><p>story</p></div>";
        assert_eq!(outline(page), "div p story main skeleton");
    }

    #[test]
    fn skips_nested_boundaries_in_a_fallback() {
        let page = "<div><!--$?--><template id=\"B:0\"></template><!--$--><p>x</p><!--/$-->\
                    <p>y</p><!--/$--><p>z</p></div><div hidden id=\"S:0\"><p>s</p></div>";
        assert_eq!(outline(page), "div p s p z");
    }

    #[test]
    fn survives_deep_chains_of_segments() {
        // Each segment nested in the one before and holding the next one's placeholder, past
        // the depth budget, with every id repeated.
        let mut page = String::from("<!--$?--><template id=\"B:0\"></template>");
        for number in 0..3000 {
            let next = number + 1;
            write!(
                page,
                "<div hidden id=\"S:{number:x}\"><template id=\"P:{next:x}\"></template><p>{number}"
            )
            .unwrap();
        }
        page.push_str(&page.clone());
        let text: String = parse(&page, &LIMITS)
            .unwrap()
            .root_element()
            .text()
            .collect();
        // Every segment's text is still there, once per copy.
        let digits: usize = (0..3000).map(|n: u32| n.to_string().len()).sum();
        assert_eq!(text.len(), 2 * digits);
    }

    #[test]
    fn leaves_malformed_streams_alone() {
        // No placeholder: the segment stays.
        assert_eq!(
            outline("<p>a</p><div hidden id=\"S:0\"><p>s</p></div>"),
            "p a div p s"
        );
        // The placeholder inside its own segment: no move.
        assert_eq!(
            outline("<div hidden id=\"S:0\"><template id=\"P:0\"></template><p>s</p></div>"),
            "div template p s"
        );
        // A segment inside its own placeholder comes out of it.
        assert_eq!(
            outline("<div><template id=\"P:0\"><div hidden id=\"S:0\">s</div></template></div>"),
            "div s"
        );
        // Segments that hold each other's placeholders: the first move goes, the second would
        // put a segment inside itself.
        assert_eq!(
            outline(
                "<div hidden id=\"S:1\"><template id=\"P:2\"></template><p>a</p></div>\
                 <div hidden id=\"S:2\"><template id=\"P:1\"></template><p>b</p></div>"
            ),
            "div template p a p b"
        );
        // Repeated ids: the first of each pairs up; an opening comment without its end takes
        // the rest of the parent.
        assert_eq!(
            outline(
                "<div><!--$?--><template id=\"B:0\"></template><p>f</p></div>\
                 <template id=\"B:0\"></template><div hidden id=\"S:0\"><p>s</p></div>\
                 <div hidden id=\"S:0\"><p>t</p></div><div hidden id=\"S:zz\">u</div>"
            ),
            "div p s template div p t div u"
        );
    }
}
