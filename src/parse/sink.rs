//! [`MeteredSink`]: scraper's tree sink with a meter on it.
//!
//! html5ever's tree builder asks its sink for an element's name or identity every time it
//! looks at an entry of its stack of open elements or of its list of active formatting
//! elements. Counting those calls measures the tree builder's work, including the scans that
//! grow with nesting depth, so the parser can stop a document that makes it work
//! quadratically. The sink also counts the elements created and remembers the last one, for
//! the depth guard, and notes the parts of a streamed page ([`super::stream`]).

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

use super::prescan::MAX_ATTRIBUTES;
use super::stream::{Part, StreamedParts};

/// Scraper's [`HtmlTreeSink`], counting the tree builder's work and the elements it creates.
#[derive(Debug)]
pub(crate) struct MeteredSink {
    inner: HtmlTreeSink,
    /// Calls the tree builder made to look at a node (name or identity).
    work: Cell<u64>,
    /// Elements created so far.
    elements: Cell<usize>,
    /// The element created last.
    last_element: Cell<Option<NodeId>>,
    /// Streamed segments and their placeholders, as they are created.
    streamed: RefCell<StreamedParts>,
}

impl MeteredSink {
    pub(crate) fn new() -> MeteredSink {
        MeteredSink {
            inner: HtmlTreeSink::new(Html::new_document()),
            work: Cell::new(0),
            elements: Cell::new(0),
            last_element: Cell::new(None),
            streamed: RefCell::new(StreamedParts::default()),
        }
    }

    pub(crate) fn work(&self) -> u64 {
        self.work.get()
    }

    pub(crate) fn elements(&self) -> usize {
        self.elements.get()
    }

    pub(crate) fn last_element(&self) -> Option<NodeId> {
        self.last_element.get()
    }

    /// Whether the node `id` has more than `limit` ancestors; walks at most `limit + 1` of
    /// them, so the check costs no more than the depth it allows.
    pub(crate) fn is_deeper_than(&self, id: NodeId, limit: usize) -> bool {
        let html = self.inner.0.borrow();
        html.tree
            .get(id)
            .is_some_and(|node| node.ancestors().nth(limit).is_some())
    }

    /// The element's local name, when `id` is an element.
    pub(crate) fn local_name_is(&self, id: NodeId, name: &html5ever::LocalName) -> bool {
        let html = self.inner.0.borrow();
        html.tree
            .get(id)
            .and_then(|node| node.value().as_element())
            .is_some_and(|element| element.name.local == *name)
    }

    /// The streamed segments and placeholders noted so far, leaving none behind.
    pub(crate) fn take_streamed(&self) -> StreamedParts {
        self.streamed.take()
    }

    fn tick(&self) {
        self.work.set(self.work.get().saturating_add(1));
    }
}

impl TreeSink for MeteredSink {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.tick();
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.elements.set(self.elements.get().saturating_add(1));
        let part = Part::of(&name, &attrs);
        let id = self.inner.create_element(name, attrs, flags);
        if let Some(part) = part {
            self.streamed.borrow_mut().push(id, part);
        }
        self.last_element.set(Some(id));
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &NodeId) {
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.tick();
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node);
    }

    /// Repeated `<html>` and `<body>` tags add their attributes to the one element, each
    /// insertion shifting the sorted list: past [`MAX_ATTRIBUTES`], further ones are dropped.
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let held = {
            let html = self.inner.0.borrow();
            html.tree
                .get(*target)
                .and_then(|node| node.value().as_element())
                .map_or(0, |element| element.attrs.len())
        };
        if held < MAX_ATTRIBUTES {
            self.inner.add_attrs_if_missing(target, attrs);
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }
}
