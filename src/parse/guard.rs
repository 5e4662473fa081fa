//! [`DepthGuard`]: sits between html5ever's tokenizer and its tree builder and keeps the
//! document from nesting deeper than the depth budget.
//!
//! The tree builder scans its stack of open elements for nearly every start tag (is a `p` in
//! button scope? a `li` to close?), so a page nested a hundred thousand levels deep costs it
//! billions of steps. The guard looks at the element each start tag created: when it lies
//! deeper than the budget, the guard closes it at once with a synthetic end tag, and drops
//! the start tags that follow (with their end tags) until the tree builder's position may
//! have changed. Their text is kept: it lands in the deepest element within the budget, so
//! content nested too deep is flattened, not lost.

use std::cell::RefCell;
use std::collections::HashMap;

use ego_tree::NodeId;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::TreeBuilder;
use html5ever::{LocalName, local_name};

use super::sink::MeteredSink;

/// The token sink that guards the tree builder.
pub(crate) struct DepthGuard {
    pub(crate) builder: TreeBuilder<NodeId, MeteredSink>,
    max_depth: usize,
    state: RefCell<State>,
}

impl std::fmt::Debug for DepthGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DepthGuard")
            .field("max_depth", &self.max_depth)
            .field("state", &self.state)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Default)]
struct State {
    /// Past the work budget: only text (and the raw-text elements, whose content the
    /// tokenizer must read as text) reaches the tree builder from here on.
    text_only: bool,
    /// In text-only mode, a raw-text element was opened and its end tag is next.
    raw_open: bool,
    /// The tree builder's current node lies at the depth budget: the next start tag would
    /// open an element beyond it.
    at_limit: bool,
    /// Start tags dropped or closed early, by name, whose end tags are still to come.
    pending_ends: HashMap<LocalName, u32>,
    /// How many start tags were flattened.
    flattened: usize,
}

impl DepthGuard {
    pub(crate) fn new(builder: TreeBuilder<NodeId, MeteredSink>, max_depth: usize) -> Self {
        DepthGuard {
            builder,
            max_depth,
            state: RefCell::new(State::default()),
        }
    }

    /// How many start tags were flattened so far.
    pub(crate) fn flattened(&self) -> usize {
        self.state.borrow().flattened
    }

    /// From now on, passes only text to the tree builder: every tag is dropped except those
    /// of raw-text elements. What follows is flattened into the current element.
    pub(crate) fn keep_text_only(&self) {
        self.state.borrow_mut().text_only = true;
    }

    /// A tag in text-only mode: raw-text elements pass (their end tag follows their start tag
    /// directly, the tokenizer sees to that), everything else is dropped.
    fn text_only_tag(&self, tag: Tag, line_number: u64) -> TokenSinkResult<NodeId> {
        let passes = {
            let mut state = self.state.borrow_mut();
            let passes = match tag.kind {
                TagKind::StartTag => !tag.self_closing && is_raw_text(&tag.name),
                TagKind::EndTag => state.raw_open,
            };
            if passes {
                state.raw_open = tag.kind == TagKind::StartTag;
            } else {
                state.flattened += usize::from(tag.kind == TagKind::StartTag);
            }
            passes
        };
        if passes {
            self.builder
                .process_token(Token::TagToken(tag), line_number)
        } else {
            TokenSinkResult::Continue
        }
    }

    fn start_tag(&self, tag: Tag, line_number: u64) -> TokenSinkResult<NodeId> {
        let name = tag.name.clone();
        let may_nest = !tag.self_closing && !is_void(&name) && !is_raw_text(&name);
        if may_nest && self.state.borrow().at_limit {
            self.drop_start(name);
            return TokenSinkResult::Continue;
        }
        let sink = &self.builder.sink;
        let before = sink.last_element();
        let result = self
            .builder
            .process_token(Token::TagToken(tag), line_number);
        let created = sink
            .last_element()
            .filter(|&id| Some(id) != before && sink.local_name_is(id, &name));
        let too_deep = created.is_some_and(|id| sink.is_deeper_than(id, self.max_depth));
        if may_nest && too_deep {
            let end = Tag {
                kind: TagKind::EndTag,
                name: name.clone(),
                self_closing: false,
                attrs: Vec::new(),
                had_duplicate_attributes: false,
            };
            // Closing the current node always succeeds and never asks the tokenizer to
            // switch state (raw-text elements are never closed this way).
            let _ = self
                .builder
                .process_token(Token::TagToken(end), line_number);
            self.drop_start(name);
        } else {
            self.state.borrow_mut().at_limit = false;
        }
        result
    }

    fn drop_start(&self, name: LocalName) {
        let mut state = self.state.borrow_mut();
        *state.pending_ends.entry(name).or_insert(0) += 1;
        state.flattened += 1;
        state.at_limit = true;
    }

    fn end_tag(&self, tag: Tag, line_number: u64) -> TokenSinkResult<NodeId> {
        {
            let mut state = self.state.borrow_mut();
            if let Some(pending) = state.pending_ends.get_mut(&tag.name)
                && *pending > 0
            {
                *pending -= 1;
                return TokenSinkResult::Continue;
            }
            state.at_limit = false;
        }
        self.builder
            .process_token(Token::TagToken(tag), line_number)
    }
}

impl TokenSink for DepthGuard {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        match token {
            Token::TagToken(tag) if self.state.borrow().text_only => {
                self.text_only_tag(tag, line_number)
            }
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                self.start_tag(tag, line_number)
            }
            Token::TagToken(tag) => self.end_tag(tag, line_number),
            other => self.builder.process_token(other, line_number),
        }
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Elements that never have content.
fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("frame")
            | local_name!("hr")
            | local_name!("image")
            | local_name!("img")
            | local_name!("input")
            | local_name!("keygen")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
    )
}

/// Elements whose content the tokenizer reads as text: the tree builder switches the
/// tokenizer's state when it opens them, so they are always passed through.
fn is_raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("title")
            | local_name!("textarea")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
    )
}
