//! The body as blocks: walks the chosen element in document order and emits paragraphs,
//! headings, lists, quotes, code, tables, figures and related links, deciding paragraph by
//! paragraph what is furniture.
//!
//! The walk is iterative: open elements sit on an explicit stack of frames that close when the
//! walk passes the end of their subtree. Text accumulates in one [`InlineBuilder`] and becomes
//! a block whenever a block-level element opens or closes, so text loose in a `<div>` between
//! paragraphs is kept in its place.

use std::collections::HashSet;

use url::Url;

use crate::clean::{Cleaned, teasers};
use crate::document::{Block, Inline, MarkKind};
use crate::options::{Focus, Options};
use crate::page::{Flags, Page, Tag, text};
use crate::score::density::BlockText;

use super::headings::{self, ChromeHeading};
use super::inline::{InlineBuilder, mark_kind, resolve_href};
use super::{boilerplate, lead, notices, related, structure};

/// Class word parts naming the value of a label/value pair…
const VALUE_WORDS: &[&str] = &["value", "val"];
/// …and the label before it.
const LABEL_WORDS: &[&str] = &["name", "label", "key", "term"];
/// A short line standing alone can head a section like a heading ("Mehr zum Thema" in bold).
const MAX_HEADING_LINE_BYTES: usize = 60;
/// The rank given to such a line: below every real heading.
const LINE_HEADING_LEVEL: u8 = 7;

/// A figure of the lead image after more paragraphs than this is part of the body.
const MAX_PARAGRAPHS_BEFORE_LEAD_IMAGE: usize = 1;

/// How many blocks at the end of the body count as its tail (where author boxes sit).
const TAIL_BLOCKS: usize = 3;
/// The most items of a post's meta row (author, date, reading time, comment count).
const MAX_META_ROW_ITEMS: usize = 4;
/// The longest date without its year in a post's meta row ("Jun 9", "23. Jan."), in bytes.
const MAX_SHORT_DATE_BYTES: usize = 12;

/// Removed text shorter than this (characters) does not count as dropped content.
const MIN_DROPPED_CHARS: u32 = 20;

/// Repeated blocks up to this length (bytes) are kept once.
const MAX_DEDUPLICATED_BYTES: usize = 80;

/// What the body walk needs from the earlier stages.
#[derive(Debug)]
pub(crate) struct BodyInput<'p, 'a> {
    pub(crate) page: &'p Page<'a>,
    pub(crate) cleaned: &'p Cleaned,
    pub(crate) blocks: &'p [BlockText],
    pub(crate) base: Option<&'p Url>,
    pub(crate) title: Option<&'p str>,
    pub(crate) options: &'p Options,
    /// The page is a listing: its items are kept whatever their link density, and teaser
    /// cards are items, not related links.
    pub(crate) listing: bool,
    /// The page is a discussion (by its URL): a bare number on its own line is a post's vote
    /// or reply counter.
    pub(crate) discussion: bool,
    /// The article's lead image from the metadata: a figure showing it above the text is the
    /// article's picture, not a body block.
    pub(crate) image: Option<&'p Url>,
    /// The article's authors from the metadata: a paragraph at the end that opens with one
    /// of their names and says what they are is their bio.
    pub(crate) authors: &'p [String],
}

/// The blocks of a body, in page order.
pub(crate) struct Body {
    pub(crate) blocks: Vec<Block>,
    /// Whether the first block is the lead set above the chosen element, brought in from
    /// outside it.
    pub(crate) outside_lead: bool,
}

/// The blocks of the subtree at `root`.
pub(crate) fn blocks(input: &BodyInput<'_, '_>, root: u32) -> Body {
    let mut walker = Walker {
        input,
        out: Vec::new(),
        line: InlineBuilder::default(),
        frames: Vec::new(),
        inline_frames: Vec::new(),
        context_frames: Vec::new(),
        seen: HashSet::new(),
        long_blocks: HashSet::new(),
        content_since_heading: true,
        skipping: None,
        at: 0,
        has_paragraph: false,
        teaser_end: 0,
        trailing_teasers: None,
    };
    if !input.listing
        && let Some(lead) = lead::lead_before(input.page, input.cleaned, input.base, root)
        && !walker.is_title(&lead.text)
    {
        walker.emit(Block::Paragraph(lead));
    }
    let outside_lead = !walker.out.is_empty();
    walker.walk(root);
    Body {
        blocks: walker.finish(),
        outside_lead,
    }
}

#[derive(Debug)]
struct Frame {
    end: u32,
    kind: FrameKind,
}

#[derive(Debug)]
enum FrameKind {
    Block,
    Heading(u8),
    Quote,
    Link { start: usize, url: String },
    Mark { start: usize, kind: MarkKind },
}

struct Walker<'w, 'p, 'a> {
    input: &'w BodyInput<'p, 'a>,
    out: Vec<Block>,
    line: InlineBuilder,
    frames: Vec<Frame>,
    /// Positions in `frames` of the open links and marks, innermost last: a flush visits
    /// only these, not every open block.
    inline_frames: Vec<usize>,
    /// Positions in `frames` of the open headings and quotes, innermost last.
    context_frames: Vec<usize>,
    /// Texts of the blocks kept so far.
    seen: HashSet<String>,
    /// On discussion and product pages, hashes of the longer blocks kept so far: a reply
    /// quoting one of them repeats an earlier post, a product page shows its description
    /// twice.
    long_blocks: HashSet<u64>,
    /// Whether a non-heading block was kept since the last heading.
    content_since_heading: bool,
    /// A furniture section being skipped: the rank of its heading (7 for a line standing as
    /// one) and the end of the container it sits in.
    skipping: Option<(u8, u32)>,
    /// The index the walk is at.
    at: u32,
    /// Whether a paragraph was kept.
    has_paragraph: bool,
    /// The end of the teaser card the walk is in (0 when in none).
    teaser_end: u32,
    /// Where in `out` the run of teaser cards that follows the story starts, headings above
    /// it included; `None` once a block outside the cards follows them.
    trailing_teasers: Option<usize>,
}

impl Walker<'_, '_, '_> {
    fn walk(&mut self, root: u32) {
        let page = self.input.page;
        let Some(root_node) = page.nodes.get(root as usize) else {
            return;
        };
        self.push_frame(root_node.end, block_frame_kind(root_node.tag));
        let mut at = root + 1;
        while at < root_node.end {
            self.close_frames_before(at);
            self.at = at;
            let node = &page.nodes[at as usize];
            if self.input.cleaned.reason(at).is_some() {
                self.removed(at);
                at = node.end;
                continue;
            }
            if at >= self.teaser_end && self.is_teaser_after_story(at) {
                self.flush();
                self.teaser_end = node.end;
                if self.trailing_teasers.is_none() {
                    let headings = self
                        .out
                        .iter()
                        .rev()
                        .take_while(|block| matches!(block, Block::Heading { .. }))
                        .count();
                    self.trailing_teasers = Some(self.out.len() - headings);
                }
            }
            at = match node.node.value() {
                scraper::Node::Text(value) => {
                    if node.flags.contains(Flags::IN_PRE) {
                        self.line.push_raw(value);
                    } else {
                        self.line.push_text(value);
                    }
                    at + 1
                }
                _ => self.open(at),
            };
        }
        self.close_frames_before(u32::MAX);
    }

    /// Whether the element at `at` is a teaser card (a linked headline over a summary) met
    /// after the story's first paragraph.
    fn is_teaser_after_story(&self, at: u32) -> bool {
        !self.input.listing
            && !self.input.discussion
            && !self.input.cleaned.product
            && self.has_paragraph
            && self.input.cleaned.teasers.binary_search(&at).is_ok()
            && teasers::links_elsewhere(self.input.page, at)
    }

    /// Handles the element at `at`; returns the next index to visit.
    fn open(&mut self, at: u32) -> u32 {
        let input = self.input;
        let (page, cleaned, base) = (input.page, input.cleaned, input.base);
        let node = &page.nodes[at as usize];
        let skip = node.end;
        if !input.listing
            && related::is_box_candidate(page, cleaned, input.blocks, at)
            && let Some(links) = related::from_box(page, base, cleaned, at)
        {
            self.flush();
            self.emit_related(links);
            return skip;
        }
        match node.tag {
            // The document head holds the <title>, never body text.
            Tag::Head => return skip,
            Tag::Pre => {
                self.flush();
                let (language, text) = structure::code(page, at);
                if !text.trim().is_empty() {
                    self.emit(Block::Code { language, text });
                }
                return skip;
            }
            Tag::Ul | Tag::Ol if structure::is_text_list(page, at) => {
                self.flush();
                let list = structure::list(page, cleaned, base, at);
                if self.keeps_list(&list) {
                    self.emit(Block::List(list));
                } else {
                    self.dropped();
                }
                return skip;
            }
            Tag::Table if structure::is_data_table(page, at) => {
                self.flush();
                let table = structure::table(page, cleaned, base, at);
                if !table.rows.is_empty() || !table.header.is_empty() {
                    self.emit(Block::Table(table));
                }
                return skip;
            }
            Tag::Figure => {
                if let Some(figure) = structure::figure(page, cleaned, base, at) {
                    self.flush();
                    if !self.is_lead_image(&figure.image) {
                        self.emit(Block::Figure(figure));
                    }
                    return skip;
                }
            }
            Tag::Br => {
                if self.line.ends_with_line_break() {
                    self.flush();
                } else {
                    self.line.line_break();
                }
            }
            Tag::Hr => self.flush(),
            Tag::MathToken => self.line.push_space(),
            Tag::Span if is_value_after_label(page, at) || is_span_run_together(page, at) => {
                self.line.push_space();
            }
            Tag::A => {
                if let Some(url) = page.attr(at, "href").and_then(|h| resolve_href(h, base)) {
                    let start = self.line.position();
                    self.push_frame(skip, FrameKind::Link { start, url });
                }
            }
            tag => {
                if let Some(kind) = mark_kind(tag) {
                    let start = self.line.position();
                    self.push_frame(skip, FrameKind::Mark { start, kind });
                } else if tag.is_block() {
                    self.flush();
                    self.push_frame(skip, block_frame_kind(tag));
                }
            }
        }
        at + 1
    }

    /// A removed subtree inside the body: dropped, unless it is an inline related box.
    fn removed(&mut self, at: u32) {
        let input = self.input;
        if related::is_box_candidate(input.page, input.cleaned, input.blocks, at)
            && let Some(links) = related::from_box(input.page, input.base, input.cleaned, at)
        {
            self.flush();
            self.emit_related(links);
            return;
        }
        // Only real text dropped between blocks orphans a heading: a hidden `#` anchor inside
        // a heading, or an icon, does not.
        let node = &input.page.nodes[at as usize];
        let chars: u32 = input.page.nodes[at as usize..node.end as usize]
            .iter()
            .map(|n| n.text.chars)
            .sum();
        let in_heading = self
            .frames
            .iter()
            .any(|frame| matches!(frame.kind, FrameKind::Heading(_)));
        if chars >= MIN_DROPPED_CHARS && !in_heading {
            self.flush();
            self.dropped();
        }
    }

    /// Appends a kept block; a short text block repeating one already kept (a headline
    /// rendered once per screen size) is left out. Long paragraphs may repeat on purpose and
    /// stay, and so do labels ("Length:", "Weight:"), which name a different value each time,
    /// except on discussion pages, where they are the stat boxes beside every post
    /// ("Messages:", "Likes Received:").
    fn emit(&mut self, block: Block) {
        if self.is_skipping(&block) {
            return;
        }
        if matches!(block, Block::Related(_)) && !self.input.options.related_links {
            self.content_since_heading = true;
            return;
        }
        let text = match &block {
            Block::Paragraph(inline) | Block::Quote(inline) => Some(inline.text.as_str()),
            Block::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        };
        if let Some(text) = text
            && text.len() <= MAX_DEDUPLICATED_BYTES
            && (self.input.discussion || !is_label(text))
            && !self.seen.insert(text.to_owned())
        {
            return;
        }
        if self.repeats_earlier_block(&block) {
            return;
        }
        self.content_since_heading = !matches!(block, Block::Heading { .. });
        self.has_paragraph |= matches!(block, Block::Paragraph(_));
        if self.at >= self.teaser_end && !matches!(block, Block::Heading { .. }) {
            self.trailing_teasers = None;
        }
        self.out.push(block);
    }

    /// Whether a block repeats a longer one kept before. On a discussion page a paragraph or
    /// quote holding the very text of an earlier one is a reply's copy of that post: forum
    /// software copies the quoted post into the reply, or previews the post replied to above
    /// it, so a thread read in full would say it twice. On a product page a repeated
    /// paragraph or list is the same description rendered once per screen size, or once in a
    /// tab and again in a feature slider. Longer blocks are recorded as they pass; shorter
    /// ones are deduplicated anyway.
    fn repeats_earlier_block(&mut self, block: &Block) -> bool {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        let product = self.input.cleaned.product;
        if !self.input.discussion && !product {
            return false;
        }
        let list_text;
        let text = match block {
            Block::Paragraph(inline) | Block::Quote(inline) => inline.text.as_str(),
            Block::List(list) if product => {
                let mut text = String::new();
                list.write_text(&mut text);
                list_text = text;
                list_text.as_str()
            }
            _ => return false,
        };
        if text.len() <= MAX_DEDUPLICATED_BYTES {
            return false;
        }
        let hash = BuildHasherDefault::<DefaultHasher>::default().hash_one(text);
        !self.long_blocks.insert(hash)
    }

    fn emit_related(&mut self, links: Vec<crate::document::Related>) {
        for related in links {
            self.emit(Block::Related(related));
        }
    }

    /// Whether a furniture heading (or a line standing as one) starts a section to skip; if
    /// so the skip starts here. Labels (a table of contents' "Contents") only drop themselves.
    fn starts_chrome_section(&mut self, text: &str, level: u8) -> bool {
        if self.input.listing {
            return false;
        }
        // On a discussion page the replies are the content: their heading goes, they stay.
        if self.input.discussion && headings::is_replies_heading(text) {
            return true;
        }
        match headings::chrome_heading(text) {
            Some(ChromeHeading::Section) => {
                let end = self.container_end();
                log::trace!("skipping the section under {text:?} up to node {end}");
                self.skipping = Some((level, end));
                true
            }
            Some(ChromeHeading::Label) => true,
            None => false,
        }
    }

    /// The end of the section the block being flushed heads: its enclosing block, or the one
    /// above when the enclosing block holds nothing after it (a heading alone in a header
    /// wrapper). Never higher: a section cut must not run on into the rest of the page.
    fn container_end(&self) -> u32 {
        let page = self.input.page;
        let mut blocks = self.frames.iter().rev().filter(|frame| {
            matches!(
                frame.kind,
                FrameKind::Block | FrameKind::Heading(_) | FrameKind::Quote
            )
        });
        let Some(own) = blocks.next() else {
            return u32::MAX;
        };
        let holds_more = |end: u32| {
            page.nodes
                .get(own.end as usize..end as usize)
                .is_some_and(|after| after.iter().any(|n| n.text.chars > 0))
        };
        let Some(parent) = blocks.next() else {
            return u32::MAX;
        };
        if holds_more(parent.end) {
            return parent.end;
        }
        match blocks.next() {
            Some(grandparent) if holds_more(grandparent.end) => grandparent.end,
            _ => parent.end,
        }
    }

    /// Whether `block` falls in a furniture section being skipped; a heading of the same or
    /// higher rank, or leaving the section's container, ends the skip.
    fn is_skipping(&mut self, block: &Block) -> bool {
        let Some((level, end)) = self.skipping else {
            return false;
        };
        let ends_skip =
            self.at >= end || matches!(block, Block::Heading { level: rank, .. } if *rank <= level);
        if ends_skip {
            self.skipping = None;
            return false;
        }
        true
    }

    /// Text was dropped here. Headings that introduced it, with nothing kept after them, go
    /// too: "Mehr zum Thema", "Most read" and "Comments" head the very things removed. On a
    /// listing a heading is an item's headline, whose tag line or meta row was removed.
    fn dropped(&mut self) {
        if self.content_since_heading || self.input.listing {
            return;
        }
        while matches!(self.out.last(), Some(Block::Heading { .. })) {
            self.out.pop();
        }
    }

    fn push_frame(&mut self, end: u32, kind: FrameKind) {
        let position = self.frames.len();
        match kind {
            FrameKind::Link { .. } | FrameKind::Mark { .. } => self.inline_frames.push(position),
            FrameKind::Heading(_) | FrameKind::Quote => self.context_frames.push(position),
            FrameKind::Block => {}
        }
        self.frames.push(Frame { end, kind });
    }

    fn pop_frame(&mut self) -> Option<FrameKind> {
        let frame = self.frames.pop()?;
        let position = self.frames.len();
        for positions in [&mut self.inline_frames, &mut self.context_frames] {
            if positions.last() == Some(&position) {
                positions.pop();
            }
        }
        Some(frame.kind)
    }

    fn close_frames_before(&mut self, at: u32) {
        while self.frames.last().is_some_and(|frame| frame.end <= at) {
            let is_block = matches!(
                self.frames.last().map(|f| &f.kind),
                Some(FrameKind::Block | FrameKind::Heading(_) | FrameKind::Quote)
            );
            if is_block {
                self.flush();
            }
            match self.pop_frame() {
                Some(FrameKind::Link { start, url }) => self.line.add_link(start, url),
                Some(FrameKind::Mark { start, kind }) => self.line.add_mark(kind, start),
                _ => {}
            }
        }
    }

    /// Ends the current line of text and turns it into a block, or drops it.
    fn flush(&mut self) {
        if self.line.is_blank() {
            self.line.take();
            return;
        }
        // Links and marks still open end here for this block and continue into the next one
        // from its start.
        for &position in &self.inline_frames {
            let Some(frame) = self.frames.get_mut(position) else {
                continue;
            };
            match &mut frame.kind {
                FrameKind::Link { start, url } => {
                    self.line.add_link(*start, url.clone());
                    *start = 0;
                }
                FrameKind::Mark { start, kind } => {
                    self.line.add_mark(*kind, *start);
                    *start = 0;
                }
                _ => {}
            }
        }
        let inline = self.line.take();
        // A byline dropped under a heading is the byline of what the heading heads (a
        // review's "by Arriana Vasquez" under its linked headline), not a removed section.
        let is_credit = !self.content_since_heading
            && matches!(self.out.last(), Some(Block::Heading { .. }))
            && boilerplate::is_byline(inline.text.trim());
        match self.block_of(inline) {
            Some(block) => self.emit(block),
            None if is_credit => {}
            None => self.dropped(),
        }
    }

    /// Decides what a finished line of text becomes.
    fn block_of(&mut self, inline: Inline) -> Option<Block> {
        let context = self
            .context_frames
            .last()
            .and_then(|&position| self.frames.get(position))
            .and_then(|frame| match frame.kind {
                FrameKind::Heading(level) => Some(Some(level)),
                FrameKind::Quote => Some(None),
                _ => None,
            });
        if let Some(Some(level)) = context {
            if self.is_title(&inline.text) || self.starts_chrome_section(&inline.text, level) {
                return None;
            }
            // A heading that is a labelled link to another story ("MIRA: <a>…</a>"); on a
            // listing such headings are the items.
            if !self.input.listing
                && let Some(related) = related::from_paragraph(&inline)
            {
                return Some(Block::Related(related));
            }
            return Some(Block::Heading {
                level,
                text: inline.text,
            });
        }
        if inline.text.len() <= MAX_HEADING_LINE_BYTES
            && self.starts_chrome_section(&inline.text, LINE_HEADING_LEVEL)
        {
            return None;
        }
        if let Some(related) = related::from_paragraph(&inline) {
            return Some(Block::Related(related));
        }
        let is_counter = self.input.discussion
            && (boilerplate::is_bare_count(&inline.text)
                || boilerplate::is_stat_line(&inline.text));
        let is_furniture = is_counter
            || boilerplate::is_ticker(&inline.text)
            || if self.input.listing {
                boilerplate::is_ui_text(&inline.text)
            } else {
                !self.is_post_date(&inline.text)
                    && (boilerplate::is_boilerplate(&inline.text)
                        || notices::is_notice(&inline.text))
            };
        if is_furniture
            || link_density(&inline) > self.max_link_density()
            || (!self.has_paragraph && self.is_title(&inline.text))
        {
            return None;
        }
        Some(match context {
            Some(None) => Block::Quote(inline),
            _ => Block::Paragraph(inline),
        })
    }

    /// On a discussion page a date alone on its line (no label such as "Joined:" before it)
    /// is the date a post was written, which heads each post beside its poster's name: it
    /// stays, where an article's dateline goes as furniture.
    fn is_post_date(&self, text: &str) -> bool {
        let text = text.trim();
        self.input.discussion
            && !text.contains(": ")
            && !text.ends_with(':')
            && boilerplate::is_dateline(text)
    }

    fn keeps_list(&self, list: &crate::document::List) -> bool {
        if list.items.is_empty() {
            return false;
        }
        // A post's number (`#12`, linking to the post) or counter as a list of its own.
        if self.input.discussion
            && list.items.iter().all(|item| {
                item.sublist.is_none()
                    && boilerplate::is_bare_count(item.content.text.trim().trim_start_matches('#'))
            })
        {
            return false;
        }
        // A carousel's photo credits, one per slide (`Credit: The Spruce Eats` five times
        // under each product of a review, wcxb 4030, 4078, 4160, 4833).
        if list
            .items
            .iter()
            .all(|item| item.sublist.is_none() && boilerplate::is_photo_credit(&item.content.text))
        {
            return false;
        }
        if self.input.listing {
            return true;
        }
        if self.is_post_meta_row(list) {
            return false;
        }
        let (mut chars, mut linked) = (0usize, 0usize);
        for item in &list.items {
            chars += item.content.text.len();
            linked += item
                .content
                .links
                .iter()
                .map(|l| l.text.len())
                .sum::<usize>();
        }
        (linked as f32) / (chars.max(1) as f32) <= self.max_link_density().max(0.8)
    }

    /// A post's meta row: a short list of the author's name, the date and the reading time,
    /// which blog builders set in a `ul` of their own over the post ("LEONARDO GARCIA", "Sep
    /// 26, 2022", "2 min read": Wix, wcxb 0024, 0108, 0491, 1651, 1781). The reading time (a
    /// notice) is the mark of it: a list of dates alone is a forum's or a changelog's.
    fn is_post_meta_row(&self, list: &crate::document::List) -> bool {
        list.items.len() <= MAX_META_ROW_ITEMS
            && list
                .items
                .iter()
                .any(|item| notices::is_notice(item.content.text.trim()))
            && list
                .items
                .iter()
                .all(|item| item.sublist.is_none() && self.is_post_meta(&item.content.text))
    }

    /// A line of a post's meta row: the author's name, a date or a byline, a reading time. A
    /// date may lack its year there ("Jun 9": a short line of two words at most, one a number).
    fn is_post_meta(&self, text: &str) -> bool {
        let text = text.trim();
        let is_short_date = text.len() <= MAX_SHORT_DATE_BYTES
            && text.split_whitespace().count() <= 2
            && text.contains(|c: char| c.is_ascii_digit());
        is_short_date
            || boilerplate::is_boilerplate(text)
            || notices::is_notice(text)
            || self
                .input
                .authors
                .iter()
                .any(|author| author.trim().eq_ignore_ascii_case(text))
    }

    fn max_link_density(&self) -> f32 {
        if self.input.listing {
            return 1.0;
        }
        match self.input.options.focus {
            Focus::Precision => 0.35,
            Focus::Recall => 0.85,
            _ => 0.5,
        }
    }

    /// A figure of the metadata's lead image at the top (after at most the lead paragraph) is
    /// the article's picture. Sites
    /// serve it in several sizes (`…-800.jpg` in the page, `…-1200.jpg` in `og:image`), so
    /// file names are compared without their digits, separators and query.
    fn is_lead_image(&self, image: &str) -> bool {
        fn stem(url: &str) -> String {
            let path = url.split(['?', '#']).next().unwrap_or(url);
            let file = path.rsplit('/').next().unwrap_or(path);
            let file = file.rsplit_once('.').map_or(file, |(name, _)| name);
            file.chars().filter(|c| c.is_alphabetic()).collect()
        }
        let paragraphs = self
            .out
            .iter()
            .filter(|b| matches!(b, Block::Paragraph(_)))
            .count();
        paragraphs <= MAX_PARAGRAPHS_BEFORE_LEAD_IMAGE
            && self.input.image.is_some_and(|lead| {
                let lead = lead.as_str();
                lead == image || (!stem(lead).is_empty() && stem(lead) == stem(image))
            })
    }

    fn is_title(&self, text: &str) -> bool {
        self.input
            .title
            .is_some_and(|title| text::same_text(title, text))
    }

    /// Drops headings left dangling at the end (the heading of a removed rail).
    /// A body made of nothing but headings keeps them (a page of section titles over
    /// pictures), and so does a listing, whose last heading is its last item's headline.
    ///
    /// An author's bio among the last paragraphs is the author box under the story.
    fn finish(mut self) -> Vec<Block> {
        if let Some(start) = self.trailing_teasers {
            self.out.truncate(start);
        }
        let tail_start = self.out.len().saturating_sub(TAIL_BLOCKS);
        if let Some(bio) = self.out[tail_start..].iter().position(|block| {
            matches!(block, Block::Paragraph(inline)
                if notices::is_named_bio(&inline.text, self.input.authors))
        }) && tail_start + bio > 0
        {
            self.out.truncate(tail_start + bio);
        }
        let tail_start = self.out.len().saturating_sub(TAIL_BLOCKS);
        let mut position = 0;
        self.out.retain(|block| {
            position += 1;
            !(position > tail_start
                && matches!(block, Block::Paragraph(inline)
                    if notices::is_author_bio(&inline.text) || notices::is_disclaimer(&inline.text)))
        });
        let only_headings = self
            .out
            .iter()
            .all(|block| matches!(block, Block::Heading { .. }));
        while !only_headings
            && !self.input.listing
            && matches!(self.out.last(), Some(Block::Heading { .. }))
        {
            self.out.pop();
        }
        self.out
    }
}

fn block_frame_kind(tag: Tag) -> FrameKind {
    match tag {
        Tag::Blockquote => FrameKind::Quote,
        _ => tag
            .heading_level()
            .map_or(FrameKind::Block, FrameKind::Heading),
    }
}

/// Whether the element at `at` is the value of a label/value pair set as two inline elements
/// with nothing between them (`<span class="details_name">Publisher</span><span
/// class="details_value">Houghton…</span>` on a product's specifications, `<span>Item
/// number:</span><span>2767…</span>`): style sheets set them apart, and the text must not
/// run the label into the value. A label is named so by its class words or ends in a colon.
fn is_value_after_label(page: &Page<'_>, at: u32) -> bool {
    let Some(before) = at.checked_sub(1) else {
        return false;
    };
    let ends_with_colon = page.nodes[before as usize]
        .node
        .value()
        .as_text()
        .is_some_and(|text| text.ends_with(':'));
    if ends_with_colon {
        return true;
    }
    if !has_class_word(page, at, VALUE_WORDS) {
        return false;
    }
    previous_sibling(page, at, before).is_some_and(|label| has_class_word(page, label, LABEL_WORDS))
}

/// Whether a `span` follows a sibling `span` with nothing between them, the sibling's text
/// ending in a lowercase letter and the span's starting with a capital: two fields that the
/// style sheet sets on lines of their own, as a product card's brand over its name
/// (`<span>Giro</span><span>Register Mips II Bike Helmet</span>` on rei.com's category pages,
/// which ran together as `GiroRegister`).
fn is_span_run_together(page: &Page<'_>, at: u32) -> bool {
    let Some(before) = at.checked_sub(1) else {
        return false;
    };
    let ends_lowercase = page.nodes[before as usize]
        .node
        .value()
        .as_text()
        .is_some_and(|text| text.chars().last().is_some_and(char::is_lowercase));
    let starts_capital = page
        .nodes
        .get(at as usize + 1)
        .and_then(|next| next.node.value().as_text())
        .is_some_and(|text| text.chars().next().is_some_and(char::is_uppercase));
    if !ends_lowercase || !starts_capital {
        return false;
    }
    previous_sibling(page, at, before).is_some_and(|sibling| page.tag(sibling) == Tag::Span)
}

/// The sibling just before the element at `at`, found from `before`, the node just before
/// `at` in document order (the sibling itself or its last descendant).
fn previous_sibling(page: &Page<'_>, at: u32, before: u32) -> Option<u32> {
    let parent = page.nodes[at as usize].parent;
    std::iter::once(before)
        .chain(page.ancestors(before))
        .find(|&node| page.nodes[node as usize].parent == parent)
}

/// Whether one of the `-`/`_`-separated parts of the element's class words is one of `words`.
fn has_class_word(page: &Page<'_>, at: u32, words: &[&str]) -> bool {
    page.attr(at, "class").is_some_and(|class| {
        class
            .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
            .any(|part| words.iter().any(|word| part.eq_ignore_ascii_case(word)))
    })
}

/// A line that names the value after it ("Length:", "Weight capacity:"): a product card or a
/// fact box repeats it for every item.
fn is_label(text: &str) -> bool {
    text.trim_end().ends_with([':', '：'])
}

/// Share of the text's bytes inside links.
/// Share of a block's text in links. A link that continues a sentence begun outside it (its
/// text starts in lowercase after unlinked words: `… Wiese, <a>który przez ostatnie osiem
/// miesięcy …</a>`, wirtualnemedia.pl, trafilatura 9d1f33ece45f) is part of the prose, not a
/// headline or a menu entry, and does not count.
fn link_density(inline: &Inline) -> f32 {
    let mut previous_end = 0;
    let mut linked = 0;
    for link in &inline.links {
        let before = inline
            .text
            .get(previous_end..link.start)
            .unwrap_or_default();
        if !continues_sentence(before, &link.text) {
            linked += link.end - link.start;
        }
        previous_end = link.end;
    }
    linked as f32 / inline.text.len().max(1) as f32
}

/// Whether a link with the text `linked` continues the unlinked words `before` it: it starts
/// in lowercase after at least two words that do not end in a label's colon or a separator
/// (`Tags: <a>energy</a>, <a>climate</a>` is a list).
fn continues_sentence(before: &str, linked: &str) -> bool {
    let before = before.trim_end();
    linked.starts_with(char::is_lowercase)
        && before.split_whitespace().nth(1).is_some()
        && !before.ends_with([':', '|', '·', '•', '/', '-', '–'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{Mode, clean};
    use crate::score::choose;
    use scraper::Html;

    fn body(html: &str, title: Option<&str>) -> Vec<Block> {
        body_of(html, title, false)
    }

    fn body_of(html: &str, title: Option<&str>, discussion: bool) -> Vec<Block> {
        let parsed = Html::parse_document(html);
        let page = Page::build(&parsed);
        let cleaned = clean(&page, Mode::Strict);
        let choice = choose(&page, &cleaned).unwrap();
        let options = Options::default();
        let base = Url::parse("https://example.com/news/story").unwrap();
        let input = BodyInput {
            page: &page,
            cleaned: &cleaned,
            blocks: &choice.blocks,
            base: Some(&base),
            title,
            options: &options,
            listing: choice.listing,
            discussion,
            image: None,
            authors: &[],
        };
        blocks(&input, choice.root).blocks
    }

    const STORY: &str = "<p>The council approved the new budget on Tuesday after a long debate \
        about schools, roads and the future of the harbour district, which had split it.</p>\
        <p>Work on the harbour starts in spring and should end before the summer season, the \
        mayor said, adding that the roads would follow in the autumn.</p>";

    fn cards(href: &str) -> String {
        format!(
            "<div><div><h3><a href='{href}'>Rail strike ends</a></h3><p>Trains run again \
             from Monday.</p></div><div><h3><a href='{href}'>Museum reopens</a></h3>\
             <p>The old hall has a new roof.</p></div></div>"
        )
    }

    #[test]
    fn drops_the_teaser_cards_that_follow_the_story() {
        let html = format!(
            "<body><article>{STORY}<h2>Elsewhere in the county</h2>{}</article></body>",
            cards("/other")
        );
        let found = texts(&body(&html, None));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found
                .iter()
                .all(|text| text.starts_with("p:The") || text.starts_with("p:Work"))
        );
    }

    #[test]
    fn drops_a_legal_disclaimer_at_the_end_only() {
        let disclaimer = "<p>The information included here is designed for informational \
            purposes only. It is not legal, tax, financial or any other sort of advice.</p>";
        let html = format!("<body><article>{STORY}{disclaimer}</article></body>");
        let found = texts(&body(&html, None));
        assert!(
            !found.iter().any(|t| t.contains("informational")),
            "{found:?}"
        );
        let html = format!("<body><article>{disclaimer}{STORY}{STORY}</article></body>");
        let found = texts(&body(&html, None));
        assert!(
            found.iter().any(|t| t.contains("informational")),
            "{found:?}"
        );
    }

    #[test]
    fn a_byline_under_a_heading_does_not_orphan_it() {
        let html = format!(
            "<body><main>{STORY}<h3>The Best Monitor Arms</h3><p>by Arriana Vasquez</p>\
             <p>We tested more than a dozen monitor arms and stands to find the best ones \
             to raise your screen and free up space on your desk.</p></main></body>"
        );
        let found = texts(&body(&html, None));
        assert!(
            found.iter().any(|t| t.contains("Monitor Arms")),
            "{found:?}"
        );
        assert!(!found.iter().any(|t| t.contains("Vasquez")), "{found:?}");
    }

    #[test]
    fn drops_byline_labels_and_relative_times_left_alone() {
        let html = format!(
            "<body><article><p>By</p><p>před 2 hodinami</p>{STORY}\
             <h2>Meet the testers</h2><p>Adrien has covered laptops for four years.</p>\
             </article></body>"
        );
        let found = texts(&body(&html, None));
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn keeps_teaser_cards_within_the_story_and_accordion_answers() {
        let inside = format!(
            "<body><article>{STORY}{}{STORY}</article></body>",
            cards("/other")
        );
        assert!(texts(&body(&inside, None)).contains(&"h3:Museum reopens".to_owned()));
        let accordion = format!("<body><article>{STORY}{}</article></body>", cards("#"));
        assert!(
            texts(&body(&accordion, None)).contains(&"p:The old hall has a new roof.".to_owned())
        );
    }

    /// A listing of four linked headlines under a line of text, each over a tag line that
    /// cleaning removes.
    fn tagged_cards() -> String {
        let card = |title: &str| {
            format!(
                "<div class='story'><h2><a href='/{title}'>{title} wins the county cup</a></h2>\
                 <div class='tags'><a href='/t/a'>#sport</a> <a href='/t/b'>#football</a> \
                 <a href='/t/c'>#county</a></div></div>"
            )
        };
        let cards: String = ["Ashford", "Brampton", "Carlton", "Denby"]
            .iter()
            .map(|title| card(title))
            .collect();
        format!(
            "<body><div class='feed'><p><a href='/sport'>All sport results</a></p>{cards}</div></body>"
        )
    }

    #[test]
    fn keeps_a_listings_headlines_whose_tag_lines_were_removed() {
        let found = texts(&body(&tagged_cards(), None));
        assert!(
            found.contains(&"h2:Ashford wins the county cup".to_owned()),
            "{found:?}"
        );
    }

    #[test]
    fn keeps_a_listings_last_headline() {
        let found = texts(&body(&tagged_cards(), None));
        assert_eq!(
            found.last().map(String::as_str),
            Some("h2:Denby wins the county cup")
        );
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|block| match block {
                Block::Paragraph(p) => format!("p:{}", p.text),
                Block::Heading { level, text } => format!("h{level}:{text}"),
                Block::Quote(q) => format!("q:{}", q.text),
                Block::Related(r) => format!("r:{}|{}|{}", r.label, r.title, r.url),
                Block::List(l) => format!("l:{}", l.items.len()),
                other => format!("{other:?}"),
            })
            .collect()
    }

    const P1: &str = "The council approved the new budget on Tuesday after a long debate about \
        schools, roads and the harbour.";
    const P2: &str = "Opposition members said the plan left too little for the bus network and \
        promised to try again next year.";

    #[test]
    fn keeps_the_replies_under_a_comments_heading_on_discussion_pages() {
        let html = format!("<article><p>{P1}</p><h2>Comments</h2><p>{P2}</p></article>");
        assert_eq!(
            texts(&body_of(&html, None, true)),
            [format!("p:{P1}"), format!("p:{P2}")]
        );
        assert_eq!(texts(&body_of(&html, None, false)), [format!("p:{P1}")]);
    }

    #[test]
    fn keeps_each_posts_date_on_discussion_pages() {
        let post = |date: &str, text: &str| {
            format!(
                "<div class=\"post\"><div>{date}</div><div>Joined: Mar 16, 2018</div>\
                 <p>{text}</p></div>"
            )
        };
        let html = format!(
            "<article>{}{}</article>",
            post("Mar 27, 2025", P1),
            post("Mar 28, 2025, 9:05 pm", P2)
        );
        assert_eq!(
            texts(&body_of(&html, None, true)),
            [
                "p:Mar 27, 2025".to_owned(),
                format!("p:{P1}"),
                "p:Mar 28, 2025, 9:05 pm".to_owned(),
                format!("p:{P2}")
            ]
        );
        assert_eq!(
            texts(&body_of(&html, None, false)),
            [format!("p:{P1}"), format!("p:{P2}")]
        );
    }

    #[test]
    fn drops_a_list_of_photo_credits() {
        let html = format!(
            "<body><article>{STORY}<ul><li>Credit: The Daily Bake</li>\
             <li>Credit: The Daily Bake</li></ul><ul><li>Credit scores</li>\
             <li>Loan terms</li></ul>{STORY}</article></body>"
        );
        assert_eq!(lists_kept(&html), 1);
    }

    #[test]
    fn drops_a_posts_meta_row_listed_over_it() {
        let html = format!(
            "<body><article><ul><li>Jan 4</li><li>2 min read</li></ul>{STORY}\
             <ul><li>Jan 4</li><li>Feb 5</li></ul></article></body>"
        );
        assert_eq!(lists_kept(&html), 1);
    }

    /// How many lists the walk keeps from an article page.
    fn lists_kept(html: &str) -> usize {
        let found = texts(&body(html, None));
        found.iter().filter(|t| t.starts_with("l:")).count()
    }

    #[test]
    fn drops_post_numbers_listed_alone_on_discussion_pages() {
        let html = format!(
            "<article><div class=\"post\"><ul><li>#1</li></ul><p>{P1}</p></div>\
             <div class=\"post\"><ul><li>#2</li></ul><p>{P2}</p></div></article>"
        );
        assert_eq!(
            texts(&body_of(&html, None, true)),
            [format!("p:{P1}"), format!("p:{P2}")]
        );
        assert_eq!(
            texts(&body_of(&html, None, false)),
            [
                "l:1".to_owned(),
                format!("p:{P1}"),
                "l:1".to_owned(),
                format!("p:{P2}")
            ]
        );
    }

    #[test]
    fn drops_a_preview_of_the_post_replied_to_on_discussion_pages() {
        let html = format!(
            "<article><div class=\"post\"><p>{P1}</p></div>\
             <div class=\"post\"><div class=\"parent\"><p>{P1}</p></div><p>{P2}</p></div></article>"
        );
        assert_eq!(
            texts(&body_of(&html, None, true)),
            [format!("p:{P1}"), format!("p:{P2}")]
        );
        assert_eq!(
            texts(&body_of(&html, None, false)),
            [format!("p:{P1}"), format!("p:{P1}"), format!("p:{P2}")]
        );
    }

    #[test]
    fn drops_a_reply_quoting_an_earlier_post_on_discussion_pages() {
        let html = format!(
            "<article><div class=\"post\"><p>{P1}</p></div>\
             <div class=\"post\"><blockquote><p>{P1}</p></blockquote><p>{P2}</p></div></article>"
        );
        assert_eq!(
            texts(&body_of(&html, None, true)),
            [format!("p:{P1}"), format!("p:{P2}")]
        );
        assert_eq!(
            texts(&body_of(&html, None, false)),
            [format!("p:{P1}"), format!("q:{P1}"), format!("p:{P2}")]
        );
    }

    #[test]
    fn sets_apart_sibling_spans_that_run_a_word_into_a_capital() {
        let card = "<h3><a href='/p/1'><span>Giro</span><span>Register Mips II</span></a></h3>";
        let word = "<div><span>Mac</span><span>book</span> <span>data</span><span>2</span></div>";
        let html = format!("<body><article><p>{P1}</p>{card}{word}</article></body>");
        let kept = texts(&body(&html, None));
        assert!(
            kept.contains(&"h3:Giro Register Mips II".to_owned()),
            "{kept:?}"
        );
        assert!(kept.contains(&"p:Macbook data2".to_owned()), "{kept:?}");
    }

    #[test]
    fn sets_a_value_apart_from_the_label_before_it() {
        let row = "<div><span class='details_name'>Publisher</span>\
                   <span class='details_value'>Houghton Mifflin</span></div>";
        let price = "<div><span class='currency'>$</span><span class='value'>35</span></div>";
        let colon = "<div><span>Item number:</span><span>2767</span></div>";
        let html = format!("<body><article><p>{P1}</p>{row}{price}{colon}</article></body>");
        let kept = texts(&body(&html, None));
        assert!(
            kept.contains(&"p:Publisher Houghton Mifflin".to_owned()),
            "{kept:?}"
        );
        assert!(kept.contains(&"p:$35".to_owned()), "{kept:?}");
        assert!(kept.contains(&"p:Item number: 2767".to_owned()), "{kept:?}");
    }

    #[test]
    fn drops_a_description_shown_twice_on_product_pages() {
        let list = "<ul><li>Handmade stoneware, fired twice for a matte glaze</li>\
                    <li>Holds about 350 ml of tea or coffee</li></ul>";
        let copy = format!("<div class='product-copy'><p>{P1}</p>{list}</div>");
        let body = format!("<body><article>{copy}{copy}<p>{P2}</p></article></body>");
        let product = format!("<head><meta property='og:type' content='product'></head>{body}");
        let kept = texts(&body_of(&product, None, false));
        assert_eq!(
            kept.iter().filter(|t| t.contains("council")).count(),
            1,
            "{kept:?}"
        );
        assert_eq!(kept.iter().filter(|t| *t == "l:2").count(), 1, "{kept:?}");
        let kept = texts(&body_of(&body, None, false));
        assert_eq!(
            kept.iter().filter(|t| t.contains("council")).count(),
            2,
            "{kept:?}"
        );
    }

    #[test]
    fn keeps_repeated_labels_but_not_repeated_lines() {
        let card = |name: &str, feet: u8| {
            format!(
                "<li><div>{name}</div><div>Length:</div><div>{feet} feet</div><div>In stock</div></li>"
            )
        };
        let html = format!(
            "<article><p>{P1}</p><ul>{}{}</ul><p>{P2}</p></article>",
            card("Lake kayak", 9),
            card("Sea kayak", 13)
        );
        let texts = texts(&body(&html, None));
        let count = |line: &str| texts.iter().filter(|t| *t == line).count();
        assert_eq!(count("p:Length:"), 2, "{texts:?}");
        assert_eq!(count("p:In stock"), 1, "{texts:?}");
    }

    #[test]
    fn keeps_paragraphs_and_headings_in_order() {
        let html = format!(
            "<article><h1>Budget passes</h1><p>{P1}</p><h2>Reaction</h2><p>{P2}</p></article>"
        );
        assert_eq!(
            texts(&body(&html, Some("Budget passes"))),
            [
                format!("p:{P1}"),
                "h2:Reaction".to_owned(),
                format!("p:{P2}")
            ]
        );
    }

    #[test]
    fn turns_read_more_lines_into_related_links() {
        let html = format!(
            "<article><p>{P1}</p><p>READ MORE: <a href='/other'>Mayor resigns</a></p>\
             <p>{P2}</p></article>"
        );
        assert_eq!(
            texts(&body(&html, None)),
            [
                format!("p:{P1}"),
                "r:READ MORE|Mayor resigns|https://example.com/other".to_owned(),
                format!("p:{P2}")
            ]
        );
    }

    #[test]
    fn turns_labelled_link_headings_into_related_links() {
        let html = format!(
            "<article><p>{P1}</p><h3>MIRA: <a href='/other'>Mayor resigns</a></h3>\
             <p>{P2}</p></article>"
        );
        assert_eq!(
            texts(&body(&html, None)),
            [
                format!("p:{P1}"),
                "r:MIRA|Mayor resigns|https://example.com/other".to_owned(),
                format!("p:{P2}")
            ]
        );
    }

    #[test]
    fn turns_labelled_boxes_into_related_links() {
        let html = format!(
            "<article><p>{P1}</p><a class='read-more-big' href='/x'><span>Also on rt.com</span>\
             <span>Russia won't be talked to</span></a><p>{P2}</p></article>"
        );
        assert_eq!(
            texts(&body(&html, None)),
            [
                format!("p:{P1}"),
                "r:Also on rt.com|Russia won't be talked to|https://example.com/x".to_owned(),
                format!("p:{P2}")
            ]
        );
    }

    #[test]
    fn splits_loose_text_at_double_line_breaks() {
        let html = format!("<div class='entry'>{P1}<br><br>{P2}</div>");
        assert_eq!(
            texts(&body(&html, None)),
            [format!("p:{P1}"), format!("p:{P2}")]
        );
    }

    #[test]
    fn drops_share_prompts_and_link_lists() {
        let html = format!(
            "<article><p>{P1}</p><p>Like this story? Share it with a friend!</p>\
             <p><a href='/a'>Sport</a> <a href='/b'>Weather</a></p><p>{P2}</p></article>"
        );
        assert_eq!(
            texts(&body(&html, None)),
            [format!("p:{P1}"), format!("p:{P2}")]
        );
    }

    #[test]
    fn drops_ruby_readings() {
        let html = format!(
            "<article><p>{P1}</p><p>犯人を<ruby>確保<rp>（</rp><rt>かくほ</rt><rp>）</rp></ruby>\
             する。</p></article>"
        );
        assert_eq!(
            texts(&body(&html, None)),
            [format!("p:{P1}"), "p:犯人を確保する。".to_owned()]
        );
    }

    #[test]
    fn links_that_continue_a_sentence_count_as_prose() {
        let html = format!(
            "<article><p>{P1}</p><p>He replaced Anna Wiese, <a href='/w'>who had combined the \
             job with her own duties in the marketing team for eight months.</a></p>\
             <p>Tags: <a href='/t/a'>python</a>, <a href='/t/b'>docker</a>, \
             <a href='/t/c'>getting started</a></p><p>{P2}</p></article>"
        );
        let texts = texts(&body(&html, None));
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(
            texts[1].starts_with("p:He replaced Anna Wiese, who had"),
            "{texts:?}"
        );
    }

    #[test]
    fn ends_links_at_block_boundaries() {
        let html = format!("<div class='entry'>{P1} <a href='/z'>link one<p>{P2}</p></a></div>");
        let blocks = body(&html, None);
        let [Block::Paragraph(first)] = blocks.as_slice() else {
            panic!("expected one paragraph (the fully linked one dropped), got {blocks:?}");
        };
        assert_eq!(first.text, format!("{P1} link one"));
        assert_eq!(first.links.len(), 1);
        assert_eq!(first.links[0].text, "link one");
        assert_eq!(first.links[0].url, "https://example.com/z");
    }
}
