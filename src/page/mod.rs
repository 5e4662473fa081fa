//! [`Page`]: the parsed document flattened once into a preorder array that every later stage
//! shares.
//!
//! Each indexed node records its parent, the end of its subtree (so a subtree is the index
//! range `i..end`), the nearest block-level ancestor that owns its text, its [`Tag`] and the
//! [`Hints`] of its class, id and role. Text nodes record their visible length. Scores and
//! decisions of later stages live in side tables indexed the same way, so nothing walks the
//! DOM twice and no traversal recurses: a page nested a million levels deep costs a stack of
//! a million `u32`s, not a million stack frames.
//!
//! Elements nested deeper than the depth budget are not indexed themselves: their children
//! are indexed as children of their ancestor at the limit, as the parser flattens them, so
//! no later stage sees a subtree deeper than the budget, whoever parsed the document.
//!
//! Elements that never hold article text (`script`, `style`, `svg`, form controls, media) are
//! not indexed at all; the JSON-LD scripts among them are kept aside for the metadata stage.
//! Hidden elements are indexed with the [`Hint::Hidden`] hint, for cleaning to decide.

mod tag;
pub(crate) mod text;

use foldhash::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use ego_tree::NodeRef;
use html5ever::ns;
use scraper::node::Element;
use scraper::{Html, Node};

use crate::clean::rules::{self, Hint, Hints};
pub(crate) use tag::Tag;
pub(crate) use text::Measure;

/// The smallest `<noscript>` markup kept aside, in bytes.
const MIN_NOSCRIPT_BYTES: usize = 1024;

/// The `data-*` attributes any stage reads. The parse's pre-scan drops every other `data-*`
/// attribute before the tokenizer sees it (they are a twelfth of a page's bytes), so a stage
/// that starts reading one must add it here.
pub(crate) const READ_DATA_ATTRIBUTES: &[&str] = &[
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-lang",
    "data-language",
    "data-nosnippet",
    "data-testid",
];

/// An element with `role="heading"` holding more text than this (characters) is not one.
const MAX_ROLE_HEADING_CHARS: u32 = 150;
/// …or spanning more nodes than this.
const MAX_ROLE_HEADING_NODES: u32 = 64;

/// `parent` of the document node.
pub(crate) const NO_PARENT: u32 = u32::MAX;

/// One indexed node.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageNode<'a> {
    pub(crate) node: NodeRef<'a, Node>,
    pub(crate) parent: u32,
    /// One past the last node of this node's subtree.
    pub(crate) end: u32,
    /// The nearest block-level element at or above this node.
    pub(crate) owner: u32,
    pub(crate) tag: Tag,
    pub(crate) hints: Hints,
    pub(crate) flags: Flags,
    /// Text nodes only: how much visible text they hold.
    pub(crate) text: Measure,
}

/// Per-node facts inherited from ancestors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Flags(u8);

impl Flags {
    /// Inside (or being) an `<a href>`.
    pub(crate) const IN_LINK: Flags = Flags(1);
    /// Inside `<head>`.
    pub(crate) const IN_HEAD: Flags = Flags(2);
    /// Inside `<pre>`: whitespace is significant.
    pub(crate) const IN_PRE: Flags = Flags(4);
    /// Inside (not being) an `<article>` or `<main>`.
    pub(crate) const IN_ARTICLE: Flags = Flags(8);
    /// An element at the depth budget: whatever was nested deeper was flattened into it.
    /// Set on the element only, and on its text.
    pub(crate) const AT_DEPTH_LIMIT: Flags = Flags(16);

    pub(crate) fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    fn with(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }
}

/// The flattened, annotated document.
#[derive(Debug)]
pub(crate) struct Page<'a> {
    pub(crate) nodes: Vec<PageNode<'a>>,
    /// Texts of `<script type="application/ld+json">` elements, in page order.
    pub(crate) json_ld: Vec<&'a str>,
    /// Texts of `<script type="application/json">` elements, in page order: the state a page
    /// hands its scripts (Next.js `__NEXT_DATA__`, review widgets).
    pub(crate) json_state: Vec<&'a str>,
    /// Markup inside large `<noscript>` elements, in page order: what the page shows without
    /// scripts (forum software serves whole threads to crawlers this way).
    pub(crate) noscripts: Vec<&'a str>,
    /// Every element of the document, indexed or not.
    pub(crate) element_count: usize,
}

impl<'a> Page<'a> {
    /// Flattens a parsed document, with the default depth budget.
    #[cfg(test)]
    pub(crate) fn build(html: &'a Html) -> Page<'a> {
        Page::build_within(html, crate::options::DEFAULT_MAX_DEPTH)
    }

    /// Flattens a parsed document; elements with more than `max_depth` ancestors are not
    /// indexed, and their children are indexed under their ancestor at the limit.
    pub(crate) fn build_within(html: &'a Html, max_depth: usize) -> Page<'a> {
        let mut builder = Builder {
            page: Page {
                nodes: Vec::with_capacity(1024),
                json_ld: Vec::new(),
                json_state: Vec::new(),
                noscripts: Vec::new(),
                element_count: 0,
            },
            open: Vec::with_capacity(64),
            max_depth,
            transparent: 0,
            class_hints: HashMap::default(),
            role_headings: Vec::new(),
            collapsible_ancestors: Vec::new(),
        };
        builder.walk(html.tree.root());
        builder.demote_long_role_headings();
        builder.page
    }

    /// The element at `index`, if it is one.
    pub(crate) fn element(&self, index: u32) -> Option<&'a Element> {
        self.nodes.get(index as usize)?.node.value().as_element()
    }

    /// The value of an attribute of the element at `index`.
    pub(crate) fn attr(&self, index: u32, name: &str) -> Option<&'a str> {
        attribute(self.element(index)?, name)
    }

    /// The value of an attribute of the element at `index`, by its interned name: for a
    /// lookup on every element, comparing atoms is cheaper than comparing names as strings.
    pub(crate) fn attr_named(&self, index: u32, name: &html5ever::LocalName) -> Option<&'a str> {
        self.element(index)?
            .attrs
            .iter()
            .find(|(qualname, _)| qualname.ns == ns!() && qualname.local == *name)
            .map(|(_, value)| &**value)
    }

    /// The tag of the node at `index` (`Tag::Other` past the end).
    pub(crate) fn tag(&self, index: u32) -> Tag {
        self.nodes.get(index as usize).map_or(Tag::Other, |n| n.tag)
    }

    /// The visible text of a subtree, whitespace collapsed, with a space between blocks.
    pub(crate) fn text_of(&self, index: u32) -> String {
        self.collect_text(index, false)
    }

    /// [`Page::text_of`] without the text of hidden descendants (the `hidden` attribute, a
    /// hiding style, `sr-only` and kin): what a reader sees of the element.
    pub(crate) fn shown_text_of(&self, index: u32) -> String {
        self.collect_text(index, true)
    }

    /// The text of a subtree, skipping its hidden descendants when `skip_hidden` is set.
    fn collect_text(&self, index: u32, skip_hidden: bool) -> String {
        let mut out = String::new();
        let Some(node) = self.nodes.get(index as usize) else {
            return out;
        };
        let mut last_owner = node.owner;
        let mut at = index as usize;
        while let Some(inner) = self.nodes.get(at).filter(|_| at < node.end as usize) {
            if skip_hidden && at != index as usize && inner.hints.has(Hint::Hidden) {
                at = (inner.end as usize).max(at + 1);
                continue;
            }
            if let Node::Text(text) = inner.node.value() {
                if inner.owner != last_owner {
                    text::push_space(&mut out);
                    last_owner = inner.owner;
                }
                text::push_collapsed(&mut out, text);
            } else if inner.tag == Tag::Br {
                text::push_space(&mut out);
            }
            at += 1;
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out
    }

    /// Whether the element at `index` names an accordion, tab or FAQ panel in its class or id.
    pub(crate) fn names_collapsible(&self, index: u32) -> bool {
        self.element(index).is_some_and(names_collapsible)
    }

    /// A short description of the element at `index` for logs: `div#id.class`.
    pub(crate) fn describe(&self, index: u32) -> String {
        let Some(element) = self.element(index) else {
            return format!("#{index}");
        };
        let mut out = element.name().to_owned();
        if let Some(id) = attribute(element, "id") {
            out.push('#');
            out.push_str(id);
        }
        if let Some(class) = attribute(element, "class") {
            for token in class.split_ascii_whitespace().take(4) {
                out.push('.');
                out.push_str(token);
            }
        }
        out
    }

    /// Indices of the ancestors of `index`, nearest first.
    pub(crate) fn ancestors(&self, index: u32) -> impl Iterator<Item = u32> + '_ {
        let first = self
            .nodes
            .get(index as usize)
            .map_or(NO_PARENT, |n| n.parent);
        std::iter::successors(Some(first).filter(|&p| p != NO_PARENT), move |&p| {
            Some(self.nodes[p as usize].parent).filter(|&q| q != NO_PARENT)
        })
    }
}

/// The value of an element's attribute without a namespace, as `Element::attr` finds it.
/// `Element::attr` interns the name first (a hash and a table lookup on every call, a third
/// of the metadata stage's time); comparing the names of an element's few attributes is
/// several times cheaper.
pub(crate) fn attribute<'e>(element: &'e Element, name: &str) -> Option<&'e str> {
    element
        .attrs
        .iter()
        .find(|(qualname, _)| qualname.ns == ns!() && &*qualname.local == name)
        .map(|(_, value)| &**value)
}

struct Builder<'a> {
    page: Page<'a>,
    /// Indices of the elements whose subtrees are being walked.
    open: Vec<u32>,
    /// Open elements deeper than this are not indexed.
    max_depth: usize,
    /// Elements being walked past the depth budget, not indexed; they close first.
    transparent: usize,
    /// The hints of every distinct `class` value read so far.
    class_hints: HashMap<&'a str, Hints>,
    /// Elements indexed as headings for their `role="heading"`.
    role_headings: Vec<u32>,
    /// Whether an indexed element names a collapsible panel, by index, once a hidden
    /// descendant has asked: the hidden items of one menu or panel share their ancestors.
    collapsible_ancestors: Vec<Option<bool>>,
}

impl<'a> Builder<'a> {
    /// Walks the tree in document order without recursion.
    fn walk(&mut self, root: NodeRef<'a, Node>) {
        let mut node = root;
        'walk: loop {
            if self.enter(node) {
                if let Some(child) = node.first_child() {
                    node = child;
                    continue;
                }
                self.close();
            }
            loop {
                if node == root {
                    break 'walk;
                }
                if let Some(next) = node.next_sibling() {
                    node = next;
                    continue 'walk;
                }
                match node.parent() {
                    Some(parent) => node = parent,
                    None => break 'walk,
                }
                self.close();
            }
        }
        while !self.open.is_empty() {
            self.close();
        }
    }

    /// Indexes a node; true when it was opened and its children are to be walked.
    fn enter(&mut self, node: NodeRef<'a, Node>) -> bool {
        let parent = self.open.last().copied().unwrap_or(NO_PARENT);
        let (parent_owner, parent_flags) = self
            .page
            .nodes
            .get(parent as usize)
            .map_or((0, Flags::default()), |p| (p.owner, p.flags));
        let index = self.page.nodes.len() as u32;
        let mut entry = PageNode {
            node,
            parent,
            end: index + 1,
            owner: parent_owner,
            tag: Tag::Other,
            hints: Hints::default(),
            flags: parent_flags,
            text: Measure::default(),
        };
        match node.value() {
            Node::Document | Node::Fragment => {
                entry.owner = index;
                entry.tag = Tag::Body;
            }
            Node::Text(text) => {
                entry.tag = Tag::Text;
                entry.text = Measure::of(text);
                self.page.nodes.push(entry);
                return false;
            }
            Node::Element(element) => {
                self.page.element_count += 1;
                if self.open.len() > self.max_depth {
                    return self.pass_through(node, element);
                }
                if !self.describe_element(element, &mut entry) {
                    return false;
                }
                if entry.tag.is_block() {
                    entry.owner = index;
                }
            }
            _ => return false,
        }
        self.page.nodes.push(entry);
        self.open.push(index);
        true
    }

    /// An element past the depth budget: not indexed, its children walked as if they were its
    /// parent's. Scripts and noscripts are still kept aside.
    fn pass_through(&mut self, node: NodeRef<'a, Node>, element: &'a Element) -> bool {
        match Tag::from_name(&element.name.local) {
            Tag::Script => self.keep_json_ld(node, element),
            Tag::Noscript => self.keep_noscript(node),
            tag if !tag.is_never_content() => {
                self.transparent += 1;
                return true;
            }
            _ => {}
        }
        false
    }

    /// An element marked `role="heading"` that holds paragraphs or more than a heading's worth
    /// of text is a block of text (lobste.rs marks every comment so, wcxb 0575): it is indexed
    /// as a `div`.
    fn demote_long_role_headings(&mut self) {
        for &index in &self.role_headings {
            let Some(node) = self.page.nodes.get(index as usize) else {
                continue;
            };
            // A heading spans a few nodes; bounding the count keeps nested ones linear.
            let inner = &self.page.nodes[index as usize + 1..node.end as usize];
            let is_text_block = node.end - index > MAX_ROLE_HEADING_NODES
                || inner.iter().any(|n| n.tag.is_block())
                || inner.iter().map(|n| n.text.chars).sum::<u32>() > MAX_ROLE_HEADING_CHARS;
            if is_text_block {
                self.page.nodes[index as usize].tag = Tag::Div;
            }
        }
    }

    /// Fills in an element's tag, hints and flags; false when it is not to be indexed.
    fn describe_element(&mut self, element: &'a Element, entry: &mut PageNode<'a>) -> bool {
        let mut tag = Tag::from_name(&element.name.local);
        entry.tag = tag;
        if tag.is_never_content() {
            match tag {
                Tag::Script => self.keep_json_ld(entry.node, element),
                Tag::Noscript => self.keep_noscript(entry.node),
                _ => {}
            }
            return false;
        }
        let attributes = read_attributes(element, &mut self.class_hints);
        if matches!(
            tag,
            Tag::Div | Tag::P | Tag::Span | Tag::Strong | Tag::B | Tag::Custom | Tag::Other
        ) && let Some(level) = attributes.heading
        {
            tag = level;
            entry.tag = tag;
            self.role_headings.push(self.page.nodes.len() as u32);
        }
        entry.hints = attributes.hints;
        if tag == Tag::Custom {
            // A custom element is named for what it is, as a class would be: `<site-header>`,
            // `<dropdown-content>`, `<share-button>` (sweetwater.com's mega menu, wcxb 2894).
            entry.hints.0 |= rules::hints_of(&element.name.local).0;
        }
        // Hidden elements stay indexed: React streams server-rendered pages into
        // `<div hidden id="S:0">` and moves them into place with a script, so "hidden" can hold
        // the whole article (the parse moves a segment to its placeholder; one without a
        // placeholder stays here, shown). Cleaning removes hidden elements unless they hold
        // most of the page's prose.
        let hidden = attributes.hidden || attributes.hints.has(Hint::Hidden);
        if hidden
            && (is_streamed_segment(element)
                || self.is_collapsible(element, entry.parent)
                || follows_disclosure_control(entry.node))
        {
            entry.hints.remove(Hint::Hidden);
        } else if attributes.hidden && !matches!(tag, Tag::Html | Tag::Body) {
            entry.hints.insert(Hint::Hidden);
        }
        if self.open.len() >= self.max_depth {
            entry.flags = entry.flags.with(Flags::AT_DEPTH_LIMIT);
        }
        let parent_tag = self.page.nodes.get(entry.parent as usize).map(|p| p.tag);
        if matches!(parent_tag, Some(Tag::Article | Tag::Main)) {
            entry.flags = entry.flags.with(Flags::IN_ARTICLE);
        }
        entry.flags = match tag {
            Tag::A if attribute(element, "href").is_some() => entry.flags.with(Flags::IN_LINK),
            Tag::Head => entry.flags.with(Flags::IN_HEAD),
            Tag::Pre => entry.flags.with(Flags::IN_PRE),
            _ => entry.flags,
        };
        true
    }

    /// Accordion, tab and FAQ panels hide their text until a reader opens them; it is content.
    /// The panel itself or one of its three nearest ancestors names the widget.
    fn is_collapsible(&mut self, element: &Element, parent: u32) -> bool {
        if attribute(element, "role").is_some_and(|role| role.eq_ignore_ascii_case("tabpanel"))
            || names_collapsible(element)
        {
            return true;
        }
        let mut ancestor = parent;
        for _ in 0..3 {
            let Some(node) = self.page.nodes.get(ancestor as usize) else {
                return false;
            };
            let next = node.parent;
            if self.ancestor_names_collapsible(ancestor) {
                return true;
            }
            ancestor = next;
        }
        false
    }

    /// [`names_collapsible`] for the indexed node at `index`, worked out once per node.
    fn ancestor_names_collapsible(&mut self, index: u32) -> bool {
        let slot = index as usize;
        if self.collapsible_ancestors.len() <= slot {
            self.collapsible_ancestors
                .resize(self.page.nodes.len(), None);
        }
        if let Some(known) = self.collapsible_ancestors[slot] {
            return known;
        }
        let names = self.page.nodes[slot]
            .node
            .value()
            .as_element()
            .is_some_and(names_collapsible);
        self.collapsible_ancestors[slot] = Some(names);
        names
    }

    /// Keeps the markup of a `<noscript>` large enough to hold a page of its own.
    fn keep_noscript(&mut self, node: NodeRef<'a, Node>) {
        for child in node.children() {
            if let Node::Text(text) = child.value()
                && text.len() >= MIN_NOSCRIPT_BYTES
            {
                self.page.noscripts.push(text);
            }
        }
    }

    /// Keeps the text of a JSON-LD or JSON state script aside; code is dropped.
    fn keep_json_ld(&mut self, node: NodeRef<'a, Node>, element: &Element) {
        let kind = attribute(element, "type").map(str::trim);
        let kept = if kind.is_some_and(|k| k.eq_ignore_ascii_case("application/ld+json")) {
            &mut self.page.json_ld
        } else if kind.is_some_and(|k| k.eq_ignore_ascii_case("application/json")) {
            &mut self.page.json_state
        } else {
            return;
        };
        for child in node.children() {
            if let Node::Text(text) = child.value() {
                kept.push(text);
            }
        }
    }

    fn close(&mut self) {
        if self.transparent > 0 {
            self.transparent -= 1;
            return;
        }
        if let Some(index) = self.open.pop() {
            let end = self.page.nodes.len() as u32;
            if let Some(node) = self.page.nodes.get_mut(index as usize) {
                node.end = end;
            }
        }
    }
}

/// What an element's attributes say about it.
#[derive(Debug, Default)]
struct Attributes {
    hints: Hints,
    hidden: bool,
    /// The heading tag a `role="heading"` element stands for ([`heading_tag`]).
    heading: Option<Tag>,
}

/// Reads `class`, `id`, `role`, `aria-level`, `itemprop`, `data-nosnippet` and the hiding
/// attributes in one pass. A `data-testid` is read as a class: React sites name their parts
/// there (`consent-banner`, `site-header`) and leave `class` to generated style names.
/// `class_hints` remembers the hints of each class value met on the page: lists, menus and
/// cards repeat the same values, and two in three lookups find one already read.
fn read_attributes<'a>(
    element: &'a Element,
    class_hints: &mut HashMap<&'a str, Hints>,
) -> Attributes {
    let mut found = Attributes::default();
    let (mut is_heading, mut level) = (false, None);
    for (name, value) in element.attrs() {
        match name {
            "class" => {
                let hints = *class_hints.entry(value).or_insert_with(|| {
                    let mut hints = rules::hints_of(value);
                    if hints.has(Hint::Hidden) && rules::shows_at_some_width(value) {
                        hints.remove(Hint::Hidden);
                    }
                    hints
                });
                found.hints.0 |= hints.0;
            }
            "id" | "data-testid" if !is_slug(value) => found.hints.0 |= rules::hints_of(value).0,
            "hidden" => found.hidden = true,
            // An `auto` popover is not rendered until a control opens it: Invision Community's
            // app-install and push-notification help cards, menus and dropdowns. A `manual`
            // one is placed by a script and may be shown at load (Steam's trailer gallery).
            "popover" => found.hidden |= !value.trim().eq_ignore_ascii_case("manual"),
            "aria-hidden" => found.hidden |= value.trim().eq_ignore_ascii_case("true"),
            "style" => found.hidden |= text::is_hiding_style(value),
            "role" if value.trim().eq_ignore_ascii_case("heading") => is_heading = true,
            "role" => found.hints.0 |= role_hints(value).0,
            "aria-level" => level = value.trim().parse::<u8>().ok(),
            "data-nosnippet" => found.hints.insert(Hint::NoSnippet),
            "itemprop" if is_body_itemprop(value) => found.hints.insert(Hint::Body),
            "itemprop" if is_review_itemprop(value) => found.hints.insert(Hint::Review),
            _ => {}
        }
    }
    found.heading = if is_heading { heading_tag(level) } else { None };
    found
}

/// The heading a text container (`div`, `span`, `p`…; not a link or a list) with
/// `role="heading"` stands for, by its `aria-level` (2 when it gives none, as ARIA says). A
/// level-1 one is left alone: the headline is the metadata stage's to find, and a shop's
/// `role="heading"` product name is no headline (Steam, wcxb 3052).
fn heading_tag(level: Option<u8>) -> Option<Tag> {
    Some(match level.unwrap_or(2) {
        0 | 1 => return None,
        2 => Tag::H2,
        3 => Tag::H3,
        4 => Tag::H4,
        5 => Tag::H5,
        _ => Tag::H6,
    })
}

/// React's streaming server renderer sends each finished part of a page as
/// `<div hidden id="S:1f">…</div>` and a script moves it into place: the content a reader sees,
/// not hidden chrome. (Framework rule: the `S:` + hexadecimal id scheme is React's.)
fn is_streamed_segment(element: &Element) -> bool {
    &*element.name.local == "div"
        && attribute(element, "id").is_some_and(|id| {
            id.strip_prefix("S:")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit()))
        })
}

/// Ids made from a heading's text (`sharing-with-a-single-developer`) name a section after its
/// words, not after its role, so their words are not read as hints.
fn is_slug(id: &str) -> bool {
    id.split(['-', '_']).filter(|part| !part.is_empty()).count() >= 4
}

/// Nodes of a hidden panel's previous sibling searched for its disclosure control: a heading
/// wrapping a button and its icon stays within them.
const DISCLOSURE_CONTROL_MAX_NODES: usize = 8;

/// A hidden panel right after a control that says whether it is expanded (`aria-expanded`, on
/// the sibling or inside it, as in `<h3><button aria-expanded="false">`) is the ARIA disclosure
/// pattern: an accordion whatever its class names.
fn follows_disclosure_control(node: NodeRef<'_, Node>) -> bool {
    let Some(control) = node
        .prev_siblings()
        .find(|sibling| sibling.value().is_element())
    else {
        return false;
    };
    control
        .descendants()
        .take(DISCLOSURE_CONTROL_MAX_NODES)
        .filter_map(|inner| inner.value().as_element())
        .any(|element| attribute(element, "aria-expanded").is_some())
}

/// Words in a class or id that name a collapsible panel.
const COLLAPSIBLE_WORDS: &[&str] = &[
    "accordion",
    "collapse",
    "collapsible",
    "expandable",
    "faq",
    "answer",
    "spoiler",
    "tab-pane",
    "tabpanel",
    "tab-content",
    "toggle-content",
    "details",
];

/// [`COLLAPSIBLE_WORDS`] anywhere in a value, ASCII letters in any case, in one scan.
static COLLAPSIBLE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(COLLAPSIBLE_WORDS)
        .unwrap_or_else(|error| unreachable!("the words form a valid automaton: {error}"))
});

fn names_collapsible(element: &Element) -> bool {
    ["class", "id"]
        .iter()
        .any(|name| attribute(element, name).is_some_and(|value| COLLAPSIBLE.is_match(value)))
}

/// ARIA landmark roles that name page chrome or content.
fn role_hints(role: &str) -> Hints {
    let mut hints = Hints::default();
    for word in role.split_ascii_whitespace() {
        match word.to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "banner" | "contentinfo" | "search" | "tablist" => {
                hints.insert(Hint::Navigation);
            }
            "complementary" => hints.insert(Hint::Sidebar),
            "dialog" | "alertdialog" => hints.insert(Hint::Promo),
            "main" | "article" => hints.insert(Hint::Content),
            _ => {}
        }
    }
    hints
}

/// `itemprop` values that name the article text (schema.org `articleBody`, `text`,
/// `reviewBody`).
fn is_body_itemprop(value: &str) -> bool {
    value.split_ascii_whitespace().any(|word| {
        word.eq_ignore_ascii_case("articleBody")
            || word.eq_ignore_ascii_case("text")
            || word.eq_ignore_ascii_case("reviewBody")
    })
}

/// Microdata of a product's customer reviews and rating summary (`review`, `reviews`,
/// `aggregateRating`): review widgets, whatever their classes say.
fn is_review_itemprop(value: &str) -> bool {
    value.split_ascii_whitespace().any(|word| {
        word.eq_ignore_ascii_case("review")
            || word.eq_ignore_ascii_case("reviews")
            || word.eq_ignore_ascii_case("aggregateRating")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_attributes_by_interned_name_as_by_string() {
        let parsed = Html::parse_document(
            r#"<div itemtype="https://schema.org/Product" itemtype="second" id="a"></div><p>x</p>"#,
        );
        let page = Page::build(&parsed);
        let div = (0..page.nodes.len() as u32)
            .find(|&i| page.tag(i) == Tag::Div)
            .unwrap();
        let itemtype = html5ever::local_name!("itemtype");
        assert_eq!(
            page.attr_named(div, &itemtype),
            Some("https://schema.org/Product")
        );
        assert_eq!(page.attr_named(div, &itemtype), page.attr(div, "itemtype"));
        assert_eq!(page.attr_named(div + 1, &itemtype), None);
    }

    fn build(html: &str) -> (Html, Vec<(Tag, u32, u32)>) {
        let parsed = Html::parse_document(html);
        let shape = {
            let page = Page::build(&parsed);
            page.nodes
                .iter()
                .map(|n| (n.tag, n.parent, n.end))
                .collect::<Vec<_>>()
        };
        (parsed, shape)
    }

    /// Every `data-*` name the crate's code spells as a string literal, with its file.
    fn data_attribute_literals(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                data_attribute_literals(&path, found);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for (at, _) in source.match_indices("\"data-") {
                let name = &source[at + 1..];
                let end = name.find('"').unwrap_or(name.len());
                // `"data-"` alone is the prefix the pre-scan tests, not a name.
                if end > "data-".len() {
                    found.push((name[..end].to_owned(), path.display().to_string()));
                }
            }
        }
    }

    #[test]
    fn every_data_attribute_read_survives_the_pre_scan() {
        let mut found = Vec::new();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        data_attribute_literals(&src, &mut found);
        assert!(found.len() >= READ_DATA_ATTRIBUTES.len());
        for (name, file) in found {
            assert!(
                READ_DATA_ATTRIBUTES.contains(&name.as_str()),
                "{file} reads `{name}`, which the pre-scan drops: add it to READ_DATA_ATTRIBUTES"
            );
        }
    }

    #[test]
    fn subtrees_are_contiguous_ranges() {
        let html = Html::parse_document("<html><body><div><p>a</p><p>b</p></div></body></html>");
        let page = Page::build(&html);
        let div = page.nodes.iter().position(|n| n.tag == Tag::Div).unwrap();
        let inside: Vec<Tag> = page.nodes[div + 1..page.nodes[div].end as usize]
            .iter()
            .map(|n| n.tag)
            .collect();
        assert_eq!(inside, [Tag::P, Tag::Text, Tag::P, Tag::Text]);
    }

    #[test]
    fn reads_role_headings_as_headings_unless_they_hold_text_blocks() {
        let (_, shape) = build(
            "<body><a href='/p/1'><span role='heading'><span>Lake</span> Kayak</span></a>\
             <div role='heading' aria-level='4'>Specs</div>\
             <div role='heading' aria-level='1'>Brand</div>\
             <div role='heading' aria-level='3'><p>A comment marked as a heading.</p></div></body>",
        );
        let tags: Vec<Tag> = shape.iter().map(|s| s.0).collect();
        assert_eq!(
            tags.iter().filter(|t| **t == Tag::H2).count(),
            1,
            "{tags:?}"
        );
        assert_eq!(
            tags.iter().filter(|t| **t == Tag::H4).count(),
            1,
            "{tags:?}"
        );
        assert!(
            !tags.contains(&Tag::H1) && !tags.contains(&Tag::H3),
            "{tags:?}"
        );
    }

    #[test]
    fn skips_scripts_and_svg() {
        let (_, shape) =
            build("<body><script>x</script><svg><title>icon</title></svg><p>kept</p></body>");
        let tags: Vec<Tag> = shape.iter().map(|s| s.0).collect();
        assert!(!tags.contains(&Tag::Script));
        assert!(!tags.contains(&Tag::Svg));
        assert!(tags.contains(&Tag::P));
    }

    /// Whether each `div` of the markup is indexed as hidden, in document order.
    fn hidden_divs(markup: &str) -> Vec<bool> {
        let html = Html::parse_document(markup);
        let page = Page::build(&html);
        page.nodes
            .iter()
            .filter(|n| n.tag == Tag::Div)
            .map(|n| n.hints.has(Hint::Hidden))
            .collect()
    }

    #[test]
    fn marks_hidden_elements() {
        let hidden = hidden_divs(
            "<body><div hidden>h</div><div style='display: none'>n</div>\
             <div aria-hidden=\"true\">a</div><div class='hidden md:block'>shown</div>\
             <div popover id='menu'>p</div><div popover='manual'>m</div></body>",
        );
        assert_eq!(hidden, [true, true, true, false, true, false]);
    }

    #[test]
    fn panels_after_a_disclosure_control_are_shown() {
        let hidden = hidden_divs(
            "<body><h3><button aria-expanded='false'><p>Fit</p></button></h3>\
             <div hidden><p>answer</p></div><h3>Menu</h3><div hidden>links</div></body>",
        );
        assert_eq!(hidden, [false, true]);
    }

    #[test]
    fn keeps_json_ld_and_json_state_aside() {
        let html = Html::parse_document(
            r#"<head><script type="application/ld+json">{"@type":"NewsArticle"}</script>
            <script type="application/json">{"publishedDate":"2016-11-04"}</script>
            <script>var code = 1;</script></head>"#,
        );
        let page = Page::build(&html);
        assert_eq!(page.json_ld, [r#"{"@type":"NewsArticle"}"#]);
        assert_eq!(page.json_state, [r#"{"publishedDate":"2016-11-04"}"#]);
    }

    #[test]
    fn text_belongs_to_the_nearest_block() {
        let html = Html::parse_document("<div><p>one <b>two</b></p>three</div>");
        let page = Page::build(&html);
        let p = page.nodes.iter().position(|n| n.tag == Tag::P).unwrap() as u32;
        let div = page.nodes.iter().position(|n| n.tag == Tag::Div).unwrap() as u32;
        let owners: Vec<u32> = page
            .nodes
            .iter()
            .filter(|n| n.tag == Tag::Text)
            .map(|n| n.owner)
            .collect();
        assert_eq!(owners, [p, p, div]);
    }

    #[test]
    fn reads_hints_from_custom_element_names() {
        let html = Html::parse_document(
            "<dropdown-content><dropdown-item href='/a'>Guitars</dropdown-item></dropdown-content>\
             <story-body>text</story-body><product-reviews>r</product-reviews>",
        );
        let page = Page::build(&html);
        let custom: Vec<Hints> = page
            .nodes
            .iter()
            .filter(|n| n.tag == Tag::Custom)
            .map(|n| n.hints)
            .collect();
        assert!(custom[0].has(Hint::Navigation));
        assert!(custom[2].has(Hint::Body));
        assert!(custom[3].has(Hint::Review));
    }

    #[test]
    fn reads_hints_from_class_id_and_role() {
        let html = Html::parse_document(
            "<div class='share-bar'>s</div><div id='main-nav'>n</div>\
             <div role='complementary'>c</div><div itemprop='articleBody'>b</div>",
        );
        let page = Page::build(&html);
        let divs: Vec<Hints> = page
            .nodes
            .iter()
            .filter(|n| n.tag == Tag::Div)
            .map(|n| n.hints)
            .collect();
        assert!(divs[0].has(Hint::Social));
        assert!(divs[1].has(Hint::Navigation));
        assert!(divs[2].has(Hint::Sidebar));
        assert!(divs[3].has(Hint::Body));
    }

    #[test]
    fn text_of_separates_blocks_and_collapses_space() {
        let html = Html::parse_document("<div><h2> A  title </h2><p>line<br>two</p></div>");
        let page = Page::build(&html);
        let div = page.nodes.iter().position(|n| n.tag == Tag::Div).unwrap() as u32;
        assert_eq!(page.text_of(div), "A title line two");
    }

    /// A document nested `depth` levels deep, built directly: html5ever would take minutes.
    fn nested_divs(depth: usize) -> Html {
        let mut html = Html::new_document();
        let div = || {
            Node::Element(Element::new(
                html5ever::QualName::new(None, html5ever::ns!(html), html5ever::local_name!("div")),
                Vec::new(),
            ))
        };
        let mut parent = html.tree.root().id();
        for _ in 0..depth {
            let Some(mut node) = html.tree.get_mut(parent) else {
                break;
            };
            parent = node.append(div()).id();
        }
        if let Some(mut node) = html.tree.get_mut(parent) {
            node.append(Node::Text(scraper::node::Text {
                text: "deep".into(),
            }));
        }
        html
    }

    #[test]
    fn survives_deep_nesting_without_recursion() {
        let depth = 1_000_000;
        let html = nested_divs(depth);
        let page = Page::build_within(&html, depth + 1);
        assert_eq!(page.element_count, depth);
        assert_eq!(page.nodes.len(), depth + 2);
    }

    #[test]
    fn flattens_nesting_past_the_depth_budget() {
        let html = nested_divs(1000);
        let page = Page::build_within(&html, 10);
        assert_eq!(page.element_count, 1000);
        assert_eq!(page.nodes.len(), 10 + 2);
        let deepest = (0..page.nodes.len() as u32)
            .map(|i| page.ancestors(i).count())
            .max();
        assert_eq!(deepest, Some(11), "the text under the deepest element kept");
        assert_eq!(page.text_of(0), "deep");
    }
}
