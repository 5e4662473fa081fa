//! Noise removal: decides which subtrees never count as article text.
//!
//! Nothing is deleted from the DOM; the result is a side table, [`Cleaned`], that marks the
//! root of every removed subtree with its [`Reason`]. The passes run in a fixed order:
//!
//! 1. [`nav`]: page structure (`nav`, site `header`/`footer`, `aside`, small `form`s);
//! 2. [`icons`]: icon glyphs and their labels;
//! 3. class, id and role words ([`rules`]): menus, share and follow widgets, newsletter and
//!    cookie boxes, ads, tag lists, bylines, sidebars, comments, related rails, and on
//!    [`product`] pages customer reviews;
//! 4. on [`product`] pages, rails of other products' cards, told by their prices;
//!
//! Lists of teaser cards (a linked headline over a summary, [`teasers`]) are not removed but
//! listed in [`Cleaned::teasers`]: scoring counts their text as junk, so an article's container
//! wins over one that adds a "more stories" list, while a page made of cards keeps them.
//!
//! A guard keeps any element that holds most of the page's prose or wraps the marked article
//! body (`itemprop="articleBody"`, `article-body`, `<main>`), whatever its class says: a
//! wrapper called `content-with-sidebar` or a page-wide `<form>` (ASP.NET sites) is not chrome.

pub(crate) mod icons;
pub(crate) mod nav;
pub(crate) mod product;
pub(crate) mod rules;
pub(crate) mod teasers;

use crate::page::{Flags, NO_PARENT, Page, Tag};
use rules::{Hint, Hints};

/// Share of the page's prose above which an element is never removed for its class words:
/// removing it would leave the page without its text.
const GUARD_SHARE: f32 = 0.75;
/// Likewise when it holds more prose than would be left outside it, and that is less than
/// this many characters.
const GUARD_MIN_OUTSIDE_CHARS: u32 = 200;

/// On a discussion page, a comment section holding more than this share of the prose is the
/// thread and stays with every reply inside it.
const THREAD_MIN_SHARE: f32 = 0.35;

/// An element labelled as navigation that holds at least this much text outside links, at a
/// link density of at most [`PROSE_MAX_LINK_DENSITY`], reads as prose and is kept: sections
/// called `content-nav-section` or `jump-section` hold article text on real pages.
const PROSE_MIN_CHARS: u32 = 300;
const PROSE_MAX_LINK_DENSITY: f32 = 0.25;
/// A related word beside a lead word (`teaser-text`) is a story's standfirst when it reads
/// as prose this long.
const LEAD_PROSE_MIN_CHARS: u32 = 100;
/// Sidebars, related rails and promotions do carry some prose (an "about this blog" box,
/// teaser summaries), so they need far more of it to be taken for article text.
const BOX_PROSE_MIN_CHARS: u32 = 1500;
/// An accordion or FAQ panel named with a menu word reads as prose from this many characters:
/// an answer of a sentence or two.
const COLLAPSIBLE_PROSE_MIN_CHARS: u32 = 100;
/// A disclaimer with at least this much prose (characters) is a text of its own, not small
/// print.
const DISCLAIMER_MIN_CHARS: u32 = 600;
/// A review widget on a product page with less prose than this is a rating summary and stays.
const REVIEWS_MIN_CHARS: u32 = 500;
/// Share of the page's prose in teaser cards above which the page is a listing of them.
const LISTING_SHARE: f32 = 0.4;
/// Elements removed for one reason that a listing's items can carry are its items when there
/// are at least this many of one kind…
const REPEATED_MIN_ITEMS: u32 = 4;
/// …holding at least this share of the text cleaning left (theirs included)…
const REPEATED_MIN_SHARE: f32 = 0.15;
/// …with at least this many characters per item on average (a tag link's word is not an item)…
const REPEATED_MIN_ITEM_CHARS: u32 = 40;
/// …and none holding more than this share of the group (items are alike; a footer that
/// holds a page's worth of text beside three small bars is not a list item).
const REPEATED_MAX_ITEM_SHARE: f32 = 0.5;
/// Hidden items must hold at least this share of their text outside links.
const REPEATED_HIDDEN_MIN_PROSE_SHARE: f32 = 0.75;
/// Share of the page's prose in hidden elements above which the page is taken to hide its
/// content until a script shows it.
const HIDDEN_CONTENT_SHARE: f32 = 0.8;

/// A filter panel holding more than this share of the page's text is no panel but the
/// wrapper of the page's results too.
const FILTER_MAX_TEXT_SHARE: f32 = 0.5;

/// How much to remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Everything that looks like chrome, comments and related rails included.
    Strict,
    /// As strict, but comments holding most of the page's text stay: on a discussion page (a
    /// forum thread, a Q&A page) the replies are the content, however they are marked up.
    Discussion,
    /// Only what is chrome beyond doubt; used when the strict pass leaves too little text,
    /// as on forum threads whose posts are marked up as comments.
    Relaxed,
    /// Page structure only (`nav`, site header and footer, forms, asides) and icons; class
    /// words are not read at all. The last resort when the other passes leave nothing: some
    /// pages keep their whole story in an element whose class or `hidden` attribute says
    /// otherwise (a story rendered into a modal, a script-revealed layer).
    Permissive,
}

/// Why a subtree was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    Navigation,
    Footer,
    Sidebar,
    Social,
    Promo,
    Ad,
    Tags,
    Meta,
    Hidden,
    Consent,
    /// A consent-management vendor's banner or preference centre.
    ConsentTool,
    Icon,
    Form,
    Comment,
    /// Customer reviews and ratings on a product page.
    Review,
    Related,
    /// Marked `data-nosnippet` by the publisher.
    NoSnippet,
    /// A listing's filter panel.
    Filter,
    /// A picture drawn in markup.
    Graphic,
    /// The author box under a story.
    AuthorBio,
    /// A forum poster's signature.
    Signature,
}

/// The removal decisions for one page, indexed like [`Page::nodes`].
#[derive(Debug, Clone)]
pub(crate) struct Cleaned {
    /// Set on the root of each removed subtree; descendants are left `None`.
    removed: Vec<Option<Reason>>,
    /// Roots of the teaser cards, kept but counted as junk when choosing the main content.
    pub(crate) teasers: Vec<u32>,
    /// Whether the page is a product page.
    pub(crate) product: bool,
    /// How much this pass removed.
    pub(crate) mode: Mode,
    /// Whether the page's markup calls it a collection (`og:type` `product.group`, a JSON-LD
    /// `CollectionPage`): a category of products or of stories.
    pub(crate) collection: bool,
    /// The elements the page's microdata marks as a story (an article, a blog post, a
    /// review), in document order.
    pub(crate) stories: Vec<u32>,
}

impl Cleaned {
    /// Why the subtree at `index` was removed, if it was (its own root only).
    pub(crate) fn reason(&self, index: u32) -> Option<Reason> {
        self.removed.get(index as usize).copied().flatten()
    }
}

/// Runs the cleaning passes over a page.
pub(crate) fn clean(page: &Page<'_>, mode: Mode) -> Cleaned {
    let guard = Guard::measure(page);
    let markup = product::read_markup(page);
    let context = Context {
        mode,
        product: markup.product,
    };
    log::debug!("product page {}", context.product);
    let mut removed = vec![None; page.nodes.len()];
    let teasers = if matches!(mode, Mode::Strict | Mode::Discussion) {
        teaser_cards(page, &guard)
    } else {
        Vec::new()
    };
    let end = page.nodes.len();
    mark_removed(page, &guard, context, &mut removed, (0, end), None);
    if matches!(mode, Mode::Strict | Mode::Discussion) {
        restore_repeated_items(page, &guard, context, &mut removed);
        if context.product && !markup.collection {
            product::mark_card_rails(page, &mut removed);
        }
    }
    Cleaned {
        removed,
        teasers,
        product: context.product,
        mode,
        collection: markup.collection,
        stories: markup.stories,
    }
}

/// Marks the removed subtrees among the nodes `start..end`, skipping each removed subtree.
/// Inside a restored item, the reason it was removed for (`item_reason`) removes nothing: the
/// item's inner boxes carry its class words (`product-widget__product` around
/// `product-widget__details`), and the item was put back for being one of many.
fn mark_removed(
    page: &Page<'_>,
    guard: &Guard,
    context: Context,
    removed: &mut [Option<Reason>],
    (start, end): (usize, usize),
    item_reason: Option<Reason>,
) {
    let mut index = start;
    // The end of a comment section kept on a discussion page: the replies inside it are the
    // thread, each too small for the guard to keep on its own.
    let mut kept_comments_end = 0;
    while index < end {
        let node = &page.nodes[index];
        let reason = nav::reason(page, index as u32)
            .or_else(|| icons::reason(page, index as u32))
            .or_else(|| {
                (context.mode != Mode::Permissive)
                    .then(|| reason_from_hints(node.tag, node.hints, context))
                    .flatten()
            });
        let keep = reason.is_none_or(|reason| {
            Some(reason) == item_reason
                || (reason == Reason::Comment && index < kept_comments_end)
                || guard.protects(page, index, reason, context)
                || (reason == Reason::Meta && is_dateline_opening(page, index))
        });
        if keep {
            if reason == Some(Reason::Comment)
                && context.mode == Mode::Discussion
                && guard.holds_thread(index)
            {
                kept_comments_end = kept_comments_end.max(node.end as usize);
            }
            index += 1;
        } else {
            if log::log_enabled!(log::Level::Trace) {
                log::trace!(
                    "removed {} ({reason:?}, {} prose chars)",
                    page.describe(index as u32),
                    guard.prose[index]
                );
            }
            removed[index] = reason;
            index = node.end as usize;
        }
    }
}

/// Removal reasons that a listing's items can carry through their class words: a card's
/// `tag-…` or `meta` classes, a widget or footer class of a page builder's blocks, the
/// hidden panels of an accordion. Related words are not among them: a grid of `teaser`
/// cards under an article is the rail they name (trafilatura's interscenar.io and
/// pagina12.com.ar pages leaked theirs).
fn is_item_reason(reason: Reason) -> bool {
    matches!(
        reason,
        Reason::Tags
            | Reason::Meta
            | Reason::Sidebar
            | Reason::Footer
            | Reason::Ad
            | Reason::Hidden
            | Reason::AuthorBio
    )
}

/// Elements removed for the same reason with the same tag and class words.
#[derive(Debug, Default)]
struct ItemGroup {
    count: u32,
    chars: u32,
    largest: u32,
    prose: u32,
}

impl ItemGroup {
    /// Many items of like size, holding words rather than labels, and together much of the
    /// text of the page as cleaning left it. Hidden items must also read as prose (the panels
    /// of an accordion or tabs, not a menu's dropdowns), and not on a product page, whose
    /// hidden layers are option pickers, dialogs and carousels of other products.
    fn is_items(&self, reason: Reason, kept_chars: u32, product: bool) -> bool {
        let is_hidden_prose =
            || !product && self.prose as f32 >= REPEATED_HIDDEN_MIN_PROSE_SHARE * self.chars as f32;
        self.count >= REPEATED_MIN_ITEMS
            && self.chars as f32 >= REPEATED_MIN_SHARE * (kept_chars + self.chars) as f32
            && self.chars >= REPEATED_MIN_ITEM_CHARS * self.count
            && self.largest as f32 <= REPEATED_MAX_ITEM_SHARE * self.chars as f32
            && (reason != Reason::Hidden || is_hidden_prose())
    }
}

/// Puts back the items of a listing that class words removed one by one: many removed
/// elements of one kind (same tag, class words and reason) that together hold much of the
/// page's text are the page's repeated items, not chrome. Elements that are chrome by their
/// tag (`aside`, `footer`, `nav`: a forum's author column beside every post) stay removed.
fn restore_repeated_items(
    page: &Page<'_>,
    guard: &Guard,
    context: Context,
    removed: &mut [Option<Reason>],
) {
    let mut kept_chars = guard.chars.first().copied().unwrap_or(0);
    let mut groups: foldhash::HashMap<(Tag, u32, u8), ItemGroup> = foldhash::HashMap::default();
    for (index, reason) in removed.iter().enumerate() {
        if reason.is_some() {
            kept_chars = kept_chars.saturating_sub(guard.chars[index]);
        }
        if let Some(reason) = reason.filter(|&r| is_item_reason(r))
            && nav::reason(page, index as u32).is_none()
            && !page.nodes[index].hints.has(Hint::Stats)
        {
            let node = &page.nodes[index];
            let group = groups
                .entry((node.tag, node.hints.0, reason as u8))
                .or_default();
            group.count += 1;
            group.chars += guard.chars[index];
            group.largest = group.largest.max(guard.chars[index]);
            group.prose += guard.prose[index];
        }
    }
    let is_listing_group = |index: usize, reason: Reason| {
        let node = &page.nodes[index];
        groups
            .get(&(node.tag, node.hints.0, reason as u8))
            .is_some_and(|group| group.is_items(reason, kept_chars, context.product))
    };
    let mut index = 0;
    while index < removed.len() {
        let end = page.nodes[index].end as usize;
        match removed[index] {
            Some(reason)
                if is_item_reason(reason)
                    && nav::reason(page, index as u32).is_none()
                    && is_listing_group(index, reason) =>
            {
                if log::log_enabled!(log::Level::Trace) {
                    log::trace!("restored {} ({reason:?})", page.describe(index as u32));
                }
                removed[index] = None;
                // A hidden item's own hidden parts (a second layer, a swatch picker) are
                // hidden apart from it and stay out.
                let item_reason = (reason != Reason::Hidden).then_some(reason);
                mark_removed(page, guard, context, removed, (index + 1, end), item_reason);
                index = end;
            }
            Some(_) => index = end,
            None => index += 1,
        }
    }
}

/// A place-name dateline set in a span at the start of a paragraph (`<p><span
/// class="dateline">KOBE – </span>A total of …`, japantimes.co.jp, trafilatura 1be86c3a5b98):
/// the paragraph's first words, which agency copy keeps in the sentence. Datelines standing
/// as blocks of their own go.
fn is_dateline_opening(page: &Page<'_>, index: usize) -> bool {
    let node = &page.nodes[index];
    node.tag == Tag::Span
        && node.parent != NO_PARENT
        && page.tag(node.parent) == Tag::P
        && node.parent as usize + 1 == index
        && (index..node.end as usize).all(|at| {
            page.nodes[at].tag != Tag::Text || !page.nodes[at].flags.contains(Flags::IN_LINK)
        })
}

/// Path segments and host prefixes of discussion pages: forums, Q&A sites, comment threads.
const DISCUSSION_PATH_WORDS: &[&str] = &[
    "forum",
    "forums",
    "community",
    "communities",
    "discussion",
    "discussions",
    "discuss",
    "thread",
    "threads",
    "topic",
    "topics",
    "t",
    "questions",
    "question",
    "comments",
    "viewtopic.php",
    "showthread.php",
    "board",
    "boards",
];
const DISCUSSION_HOST_PREFIXES: &[&str] =
    &["forum.", "forums.", "community.", "discuss.", "answers."];

/// Whether a URL is a discussion page's: `forum.example.org/…`, `…/forums/…`, `…/t/slug/42`
/// (Discourse), `…/questions/123/…` (Stack Exchange), `…/comments/…` (Reddit).
pub(crate) fn is_discussion_url(url: &url::Url) -> bool {
    let host = url.host_str().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    DISCUSSION_HOST_PREFIXES
        .iter()
        .any(|prefix| host.starts_with(prefix))
        || host
            .split('.')
            .any(|label| label.ends_with("forum") || label.ends_with("forums"))
        || url.path_segments().is_some_and(|mut segments| {
            segments.any(|segment| {
                DISCUSSION_PATH_WORDS
                    .iter()
                    .any(|word| segment.eq_ignore_ascii_case(word))
            })
        })
}

/// The teaser cards of a page, unless they hold so much of its text that the page is a
/// listing of them.
fn teaser_cards(page: &Page<'_>, guard: &Guard) -> Vec<u32> {
    let cards = teasers::cards(page, &guard.chars);
    let card_prose: u32 = cards.iter().map(|&card| guard.prose[card as usize]).sum();
    if card_prose as f32 <= LISTING_SHARE * guard.total_prose as f32 {
        cards
    } else {
        Vec::new()
    }
}

/// What the class words of a page are read against.
#[derive(Debug, Clone, Copy)]
struct Context {
    mode: Mode,
    /// Whether the page is a product page, whose review widgets are chrome.
    product: bool,
}

/// The removal reason that class, id and role words give, strongest first. `<main>` is the
/// page's own landmark for its content, so its class words are not read as chrome.
fn reason_from_hints(tag: Tag, hints: Hints, context: Context) -> Option<Reason> {
    if hints.is_empty() {
        return None;
    }
    if tag == Tag::Main {
        return hints.has(Hint::Hidden).then_some(Reason::Hidden);
    }
    let always = [
        (Hint::Hidden, Reason::Hidden),
        (Hint::ConsentTool, Reason::ConsentTool),
        (Hint::Consent, Reason::Consent),
        (Hint::Navigation, Reason::Navigation),
        (Hint::Footer, Reason::Footer),
        (Hint::Disclaimer, Reason::Footer),
        (Hint::Ad, Reason::Ad),
        (Hint::Social, Reason::Social),
        (Hint::Promo, Reason::Promo),
        (Hint::NoSnippet, Reason::NoSnippet),
        (Hint::Filter, Reason::Filter),
        (Hint::Graphic, Reason::Graphic),
        (Hint::Signature, Reason::Signature),
    ];
    let strict_only = [
        (Hint::Comment, Reason::Comment),
        (Hint::Related, Reason::Related),
        (Hint::Sidebar, Reason::Sidebar),
        (Hint::Tags, Reason::Tags),
        (Hint::AuthorBio, Reason::AuthorBio),
        (Hint::Meta, Reason::Meta),
    ];
    let found = always.iter().find(|(hint, _)| hints.has(*hint));
    if found.is_none()
        && context.product
        && hints.has(Hint::Review)
        && matches!(context.mode, Mode::Strict | Mode::Discussion)
    {
        return Some(Reason::Review);
    }
    if found.is_none() && context.mode == Mode::Discussion && hints.has(Hint::Stats) {
        return Some(Reason::Meta);
    }
    let found = match context.mode {
        Mode::Strict | Mode::Discussion => {
            found.or_else(|| strict_only.iter().find(|(hint, _)| hints.has(*hint)))
        }
        Mode::Relaxed | Mode::Permissive => found,
    };
    found.map(|&(_, reason)| reason)
}

/// The class word of a shop's own testimonials.
/// Whether the element at `index` is a footer for its disclaimer words alone, not for a
/// footer word of its own.
fn is_disclaimer_only(page: &Page<'_>, index: usize) -> bool {
    let hints = page.nodes[index].hints;
    hints.has(Hint::Disclaimer) && !hints.has(Hint::Footer)
}

const TESTIMONIAL: &[u8] = b"testimonial";

/// Whether an element is the shop's testimonials (class or id words `testimonial…`) set
/// inside an element named for the product's description (`tab-description`): quotes the
/// shop chose for its copy, not its customers' review widget.
fn is_description_testimonials(page: &Page<'_>, index: usize) -> bool {
    let names_testimonials = ["class", "id"]
        .into_iter()
        .filter_map(|name| page.attr(index as u32, name))
        .any(|words| {
            words
                .as_bytes()
                .windows(TESTIMONIAL.len())
                .any(|part| part.eq_ignore_ascii_case(TESTIMONIAL))
        });
    names_testimonials
        && page
            .ancestors(index as u32)
            .any(|ancestor| page.nodes[ancestor as usize].hints.has(Hint::Description))
}

/// Per-subtree prose and body markers, measured before anything is removed.
struct Guard {
    /// Characters of text outside links, per subtree.
    prose: Vec<u32>,
    /// All characters of text, per subtree.
    chars: Vec<u32>,
    /// Whether a strict descendant is `<main>` or carries a body hint.
    wraps_body: Vec<bool>,
    total_prose: u32,
    /// Whether the hidden elements hold nearly all of the page's prose: the page hides its
    /// content until a script shows it, so hiding says nothing about chrome.
    content_is_hidden: bool,
}

impl Guard {
    fn measure(page: &Page<'_>) -> Guard {
        let count = page.nodes.len();
        let mut prose = vec![0u32; count];
        let mut chars = vec![0u32; count];
        let mut wraps_body = vec![false; count];
        for index in (0..count).rev() {
            let node = &page.nodes[index];
            if node.tag == Tag::Text {
                chars[index] += node.text.chars;
                if !node.flags.contains(Flags::IN_LINK) {
                    prose[index] += node.text.chars;
                }
            }
            if node.parent == NO_PARENT {
                continue;
            }
            let parent = node.parent as usize;
            prose[parent] += prose[index];
            chars[parent] += chars[index];
            let marks_body = node.tag == Tag::Main || node.hints.has(Hint::Body);
            wraps_body[parent] |= wraps_body[index] || marks_body;
        }
        let total_prose = prose.first().copied().unwrap_or(0);
        let hidden_prose = outermost(page, |index| page.nodes[index].hints.has(Hint::Hidden))
            .map(|index| prose[index])
            .sum::<u32>();
        Guard {
            content_is_hidden: hidden_prose as f32 > HIDDEN_CONTENT_SHARE * total_prose as f32,
            prose,
            chars,
            wraps_body,
            total_prose,
        }
    }

    /// Whether a comment section at `index` holds enough of a discussion page's prose to be
    /// its thread: more than a third, as a thread whose opening post stands apart from the
    /// replies may hold less than half.
    fn holds_thread(&self, index: usize) -> bool {
        self.prose[index] as f32 > THREAD_MIN_SHARE * self.total_prose as f32
    }

    /// Whether the element at `index` holds the page: most of its prose, or all but a little.
    fn holds_page(&self, index: usize) -> bool {
        let share = self.prose[index] as f32 / self.total_prose.max(1) as f32;
        let outside = self.total_prose.saturating_sub(self.prose[index]);
        share > GUARD_SHARE || (self.prose[index] > outside && outside < GUARD_MIN_OUTSIDE_CHARS)
    }

    /// Whether the element at `index` is kept despite `reason`.
    ///
    /// Hidden elements go unless the page hides its content wholesale. Comments and consent
    /// dialogs are prose by nature, so only the share guard keeps them. Chrome words give way
    /// to prose: no share bar holds paragraphs, but sections whose ids are slugs of their
    /// headings ("sharing-with-…") or columns named after a layout ("…noRightRail") do.
    /// Sidebars, related rails and promotions do hold some prose (teaser summaries, an "about"
    /// box), so they need far more of it. Footers stay chrome whatever they hold.
    fn protects(&self, page: &Page<'_>, index: usize, reason: Reason, context: Context) -> bool {
        let tag = page.nodes[index].tag;
        let mode = context.mode;
        let outside = self.total_prose.saturating_sub(self.prose[index]);
        let guarded = self.holds_page(index) || self.wraps_body[index];
        match reason {
            // A vendor's preference centre can hold most of a listing page's prose (its cookie
            // descriptions against card titles: allrecipes.com, wcxb 2973), yet is never content.
            Reason::Icon | Reason::ConsentTool => false,
            Reason::Hidden => self.content_is_hidden,
            Reason::Consent => guarded,
            // Comments are prose by nature and often most of a page's text, so holding most of
            // it does not protect them; only being all there is does.
            Reason::Comment if mode == Mode::Discussion => guarded || self.holds_thread(index),
            Reason::Comment => outside < GUARD_MIN_OUTSIDE_CHARS,
            // Reviews mark their text `reviewBody`, which must not protect them as a body. A
            // short one is a rating summary ("95% of the 7,778 user reviews are positive"),
            // which product descriptions quote as a selling point.
            // Quotes the shop set inside its own description are its copy, not a widget.
            Reason::Review => {
                outside < GUARD_MIN_OUTSIDE_CHARS
                    || self.prose[index] < REVIEWS_MIN_CHARS
                    || is_description_testimonials(page, index)
            }
            // A footer is never the story, however much it holds (a privacy policy in a modal).
            _ if tag == Tag::Footer => false,
            // A disclaimer that is one long text of its own is the page's terms, which a service
            // page sets out as content (geico.com's insurer notes, wcxb 0112).
            Reason::Footer if is_disclaimer_only(page, index) => {
                guarded || self.prose[index] >= DISCLAIMER_MIN_CHARS
            }
            Reason::Footer => guarded,
            // A teaser word beside a lead word (`teaser-text`, `article-teaser-intro`) names an
            // article's standfirst; on a product page it is a carousel's blurb.
            Reason::Related if !context.product && page.nodes[index].hints.has(Hint::Lead) => {
                guarded || self.reads_as_prose(index, LEAD_PROSE_MIN_CHARS)
            }
            // A publisher may also keep a prose section out of snippets (a disclaimer, a
            // paywalled part), so `data-nosnippet` gives way to prose like a promotion box.
            Reason::Sidebar
            | Reason::Related
            | Reason::Promo
            | Reason::NoSnippet
            | Reason::AuthorBio => guarded || self.reads_as_prose(index, BOX_PROSE_MIN_CHARS),
            // An accordion's panel named with a menu word (`accordion-item__dropdown`) holds
            // an answer: a few sentences, not a menu's links.
            Reason::Navigation if page.names_collapsible(index as u32) => {
                guarded || self.reads_as_prose(index, COLLAPSIBLE_PROSE_MIN_CHARS)
            }
            // A product screen drawn in HTML holds lines of text and code that read as prose.
            Reason::Graphic => guarded,
            // A signature's text sits in the same rich-text box as a post's (Invision's
            // `ipsRichText`), whose body word must not protect it, and may run to paragraphs.
            Reason::Signature => self.holds_page(index),
            // Filter words also name the wrapper of a whole search page (`searchFacets`
            // around the panel and the results), whose items are links and labels, not prose.
            Reason::Filter => {
                guarded
                    || self.reads_as_prose(index, PROSE_MIN_CHARS)
                    || self.chars[index] as f32
                        > FILTER_MAX_TEXT_SHARE * self.chars.first().copied().unwrap_or(0) as f32
            }
            // The terms and labels of a long enquiry or registration form read as prose, but
            // its fields say what it is; a page-wide form (ASP.NET) is kept by the share guard.
            Reason::Form => {
                guarded
                    || (tag == Tag::Form
                        && !context.product
                        && nav::asks_for_nothing(page, index as u32))
                    || (self.reads_as_prose(index, PROSE_MIN_CHARS)
                        && (context.product || !nav::is_data_entry_form(page, index as u32)))
            }
            _ => guarded || self.reads_as_prose(index, PROSE_MIN_CHARS),
        }
    }

    /// Much text, few links: what an article section looks like, and a menu does not.
    fn reads_as_prose(&self, index: usize, min_chars: u32) -> bool {
        let prose = self.prose[index];
        let link_density = 1.0 - prose as f32 / self.chars[index].max(1) as f32;
        prose >= min_chars && link_density <= PROSE_MAX_LINK_DENSITY
    }
}

/// Indices of the outermost nodes for which `matches` holds (their descendants are skipped).
fn outermost<'p>(
    page: &'p Page<'_>,
    matches: impl Fn(usize) -> bool + 'p,
) -> impl Iterator<Item = usize> + 'p {
    let mut index = 0;
    std::iter::from_fn(move || {
        while let Some(node) = page.nodes.get(index) {
            let current = index;
            if matches(current) {
                index = node.end as usize;
                return Some(current);
            }
            index += 1;
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    /// The text left after cleaning, for assertions.
    fn kept_text(html: &str, mode: Mode) -> String {
        let parsed = Html::parse_document(html);
        let page = Page::build(&parsed);
        let cleaned = clean(&page, mode);
        let mut out = String::new();
        let mut index = 0;
        while let Some(node) = page.nodes.get(index) {
            if cleaned.reason(index as u32).is_some() {
                index = node.end as usize;
                continue;
            }
            if let scraper::Node::Text(text) = node.node.value() {
                crate::page::text::push_collapsed(&mut out, text);
                crate::page::text::push_space(&mut out);
            }
            index += 1;
        }
        out.trim().to_owned()
    }

    const ARTICLE: &str = "<p>The council approved the new budget on Tuesday after a long debate \
        about schools, roads and the future of the harbour district.</p>";

    #[test]
    fn removes_menus_share_bars_and_ads() {
        let html = format!(
            "<body><div class='main-menu'><a href='/'>Home</a></div>\
             <div class='share-buttons'>Share</div><div class='ad-slot'>Buy now</div>\
             {ARTICLE}</body>"
        );
        let text = kept_text(&html, Mode::Strict);
        assert!(text.starts_with("The council"), "{text}");
        assert!(!text.contains("Home") && !text.contains("Share") && !text.contains("Buy"));
    }

    #[test]
    fn removes_disclaimers_even_when_they_read_as_prose() {
        let html = format!(
            "<body>{ARTICLE}{ARTICLE}<div class='product-disclaimer'><p>* Image simulated. \
             Colour and model availability may vary depending on country, region or carrier, \
             and all specifications are subject to change without prior notice.</p></div></body>"
        );
        let text = kept_text(&html, Mode::Strict);
        assert!(text.starts_with("The council"), "{text}");
        assert!(!text.contains("Image simulated"), "{text}");
        let terms = format!("<div class='disclaimer'>{}</div>", ARTICLE.repeat(5));
        let html = format!("<body>{ARTICLE}{terms}</body>");
        assert_eq!(
            kept_text(&html, Mode::Strict)
                .matches("The council")
                .count(),
            6
        );
    }

    #[test]
    fn reads_test_ids_as_class_words() {
        let html = format!(
            "<body>{ARTICLE}<div data-testid='consent-banner'><p>Example uses cookies to \
             enhance site functionality.</p></div></body>"
        );
        let text = kept_text(&html, Mode::Strict);
        assert!(text.starts_with("The council"), "{text}");
        assert!(!text.contains("cookies"), "{text}");
    }

    #[test]
    fn removes_pictures_drawn_in_markup_whatever_their_text() {
        let screen = "<p>Render the list before the sync finishes, instead of blocking on a \
            full refresh during startup; the spinner made it look as if the mail was gone.</p>";
        let graphic = format!("<figure class='DomGraphic'>{}</figure>", screen.repeat(3));
        let html = format!("<body>{}{graphic}</body>", ARTICLE.repeat(4));
        let text = kept_text(&html, Mode::Strict);
        assert!(text.starts_with("The council"), "{text}");
        assert!(!text.contains("Render"), "{text}");
        assert!(
            kept_text(&html.replace("DomGraphic", "DomFigure"), Mode::Strict).contains("Render")
        );
    }

    #[test]
    fn removes_data_entry_forms_whose_terms_read_as_prose() {
        let terms = "<p>Sessions are booked a week ahead; a session cancelled with less than a \
            day's notice is forfeited, and payment is due on the first of each month.</p>";
        let fields = "<label>Name <input type='text'></label>".repeat(8);
        let form = format!(
            "<form>{}{fields}<input type='submit'></form>",
            terms.repeat(3)
        );
        let html = format!("<body>{}{form}</body>", ARTICLE.repeat(4));
        let text = kept_text(&html, Mode::Strict);
        assert!(text.starts_with("The council"), "{text}");
        assert!(!text.contains("Sessions"), "{text}");
        // The same terms beside two fields (a search box, a sign-in) still read as prose.
        let few = "<input type='text'><input type='hidden'><input type='submit'>".repeat(2);
        let html = format!(
            "<body>{}<form>{}{few}</form></body>",
            ARTICLE.repeat(4),
            terms.repeat(3)
        );
        assert!(kept_text(&html, Mode::Strict).contains("Sessions"));
    }

    #[test]
    fn removes_signatures_in_a_rich_text_box() {
        // Invision sets a signature in the same rich-text box as a post, and a long one reads
        // as prose.
        let line = "<p>Community leader and designer; I build plugins for shops and help \
            people in this forum every day of the week.</p>";
        let post = format!(
            "<article><div class='ipsRichText'>{ARTICLE}</div>\
            <div class='ipsEntry__signature'><div class='ipsRichText'>{}</div></div></article>",
            line.repeat(3)
        );
        let text = kept_text(
            &format!("<body>{}</body>", post.repeat(3)),
            Mode::Discussion,
        );
        assert!(text.contains("The council"), "{text}");
        assert!(!text.contains("Community leader"), "{text}");
    }

    #[test]
    fn removes_counters_on_discussion_pages_only() {
        let html = format!(
            "<body><article>{ARTICLE}<ul class='topic__item--stats'><li>Replies 12</li>\
            <li>Views 3.4k</li></ul><div class='trust-stats'>posts 16M members 536K</div>\
            <div class='MessageCard__user-details'>410 posts · Joined 2002</div></article></body>"
        );
        let text = kept_text(&html, Mode::Discussion);
        assert!(text.starts_with("The council"), "{text}");
        for counter in ["Replies", "members", "Joined"] {
            assert!(!text.contains(counter), "{text}");
        }
        // On an article the words name the story's figures.
        assert!(kept_text(&html, Mode::Strict).contains("Replies 12"));
    }

    #[test]
    fn never_restores_a_posters_details_as_items() {
        let post = format!(
            "<div class='message'><div class='message-userExtras'><dl><dt>Joined</dt>\
             <dd>Jun 4, 2024</dd></dl><dl><dt>Messages</dt><dd>28</dd></dl>\
             <dl><dt>Reaction score</dt><dd>38</dd></dl></div>{ARTICLE}</div>"
        );
        let text = kept_text(
            &format!("<body>{}</body>", post.repeat(6)),
            Mode::Discussion,
        );
        assert_eq!(text.matches("The council").count(), 6, "{text}");
        assert!(!text.contains("Joined"), "{text}");
    }

    #[test]
    fn keeps_forms_that_ask_for_nothing() {
        // old.reddit.com renders each comment inside the form that would edit it.
        let reply = "<form><input type='hidden' name='thing_id'><div class='md'><p>Short \
            reply to the post.</p></div></form>";
        let html = format!("<body>{}{}</body>", ARTICLE.repeat(2), reply.repeat(3));
        assert!(kept_text(&html, Mode::Strict).contains("Short reply"));
        // A form with a box to fill in is still chrome.
        let sign_up = reply.replace("<div", "<input type='email'><div");
        let html = format!("<body>{}{sign_up}</body>", ARTICLE.repeat(2));
        assert!(!kept_text(&html, Mode::Strict).contains("Short reply"));
    }

    #[test]
    fn removes_what_the_publisher_keeps_out_of_snippets_unless_it_is_prose() {
        // A consent bar whose id is too long to be read for its words (a heading's slug).
        let banner = "<div id='cookie-law-info-bar-wrapper' data-nosnippet>We use cookies on \
            our website. <a href='#'>Accept</a></div>";
        let html = format!("<body>{}{banner}</body>", ARTICLE.repeat(2));
        let text = kept_text(&html, Mode::Strict);
        assert!(text.starts_with("The council"), "{text}");
        assert!(
            !text.contains("cookies") && !text.contains("Accept"),
            "{text}"
        );
        assert!(kept_text(&html.replace(" data-nosnippet", ""), Mode::Strict).contains("cookies"));
        // A prose section kept out of snippets (a disclaimer, a paywalled part) stays.
        let section = format!("<section data-nosnippet>{}</section>", ARTICLE.repeat(4));
        let html = format!("<body>{ARTICLE}{section}</body>");
        assert_eq!(
            kept_text(&html, Mode::Strict)
                .matches("The council")
                .count(),
            5
        );
    }

    /// A `WordPress` post card: its `tag-…` class names the post's tags, not a tag list.
    fn post_card(number: usize) -> String {
        format!(
            "<li class='post tag-news'><h3><a href='/p{number}'>Story number {number}</a></h3>\
             <p>A summary of the story, long enough to read as a sentence or two.</p></li>"
        )
    }

    #[test]
    fn keeps_listing_items_that_class_words_remove() {
        let cards: String = (1..=6).map(post_card).collect();
        let html = format!("<body><ul>{cards}</ul><div class='tags'>news sport</div></body>");
        let text = kept_text(&html, Mode::Strict);
        assert!(
            text.contains("Story number 1") && text.contains("Story number 6"),
            "{text}"
        );
        assert!(!text.contains("news sport"), "{text}");
    }

    #[test]
    fn keeps_the_inner_boxes_of_restored_items() {
        let card = |number: usize| {
            format!(
                "<div class='widget_item'><h3>Product number {number}</h3>\
                 <div class='widget_details'><p>What the reviewers liked about this product, \
                 in a sentence.</p></div></div>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        let text = kept_text(&format!("<body>{ARTICLE}{cards}</body>"), Mode::Strict);
        assert!(text.contains("Product number 6"), "{text}");
        assert_eq!(
            text.matches("What the reviewers liked").count(),
            6,
            "{text}"
        );
    }

    #[test]
    fn leaves_repeated_asides_removed() {
        let column = "<aside><p>Member since 2019, 4,210 posts, based in Leeds.</p></aside>";
        let posts = format!("<div>{column}<p>A reply.</p></div>").repeat(5);
        let text = kept_text(&format!("<body>{posts}</body>"), Mode::Strict);
        assert!(!text.contains("Member since"), "{text}");
    }

    #[test]
    fn removes_a_few_items_beside_the_story() {
        let cards: String = (1..=2).map(post_card).collect();
        let html = format!("<body>{ARTICLE}{ARTICLE}<ul>{cards}</ul></body>");
        let text = kept_text(&html, Mode::Strict);
        assert!(!text.contains("Story number"), "{text}");
    }

    #[test]
    fn keeps_hidden_accordion_panels_except_on_product_pages() {
        let panel = "<div class='hidden'><p>The answer to this question, in a sentence that \
            holds no link at all.</p></div>";
        let panels = format!("<h3>Question</h3>{panel}").repeat(5);
        let body = format!("<body>{ARTICLE}{ARTICLE}{panels}</body>");
        assert!(kept_text(&body, Mode::Strict).contains("The answer"));
        let product = "<head><meta property='og:type' content='product'></head>";
        let html = format!("<html>{product}{body}</html>");
        assert!(!kept_text(&html, Mode::Strict).contains("The answer"));
    }

    #[test]
    fn keeps_accordion_answers_named_with_menu_words() {
        let answer = "<div class='accordion-item__dropdown'><p>Classes take place on Thursdays \
            between eleven and one, online, and every session is recorded for those who miss \
            one, so nobody falls behind.</p></div>";
        let menu = "<div class='accordion-item__dropdown'><a href='/a'>About us</a> \
            <a href='/b'>Our team and our history</a> <a href='/c'>Careers</a></div>";
        let article = ARTICLE.repeat(4);
        let html = format!("<body>{article}<h3>When?</h3>{answer}{menu}</body>");
        let text = kept_text(&html, Mode::Strict);
        assert!(text.contains("Classes take place"), "{text}");
        assert!(!text.contains("Careers"), "{text}");
    }

    #[test]
    fn removes_wordpress_post_metadata() {
        let html = format!(
            "<body><div class='entry'>{ARTICLE}<p class='postmetadata alt'>This entry was \
             posted on Tuesday and is filed under <a href='/c/news'>News</a>.</p></div></body>"
        );
        assert_eq!(
            kept_text(&html, Mode::Strict),
            kept_text(ARTICLE, Mode::Strict)
        );
    }

    #[test]
    fn removes_an_author_box_that_reads_as_prose() {
        let bio = "Dana Reyes is a reporter who has covered city hall for a decade, and before \
            that wrote about schools, courts and the weather for three regional papers. ";
        let html = format!(
            "<body>{}<div class='author-bio'><p>{}</p></div></body>",
            ARTICLE.repeat(6),
            bio.repeat(3)
        );
        let text = kept_text(&html, Mode::Strict);
        assert!(!text.contains("Dana Reyes"), "{text}");
    }

    #[test]
    fn keeps_a_teaser_text_that_reads_as_a_lead() {
        let lead = "Vor dem Winter lädt der Verband zu einem digitalen Fachtag ein, auf dem \
            Züchter und Händler über das Zweinutzungshuhn und seine Zukunft sprechen.";
        let html = format!(
            "<body><article><h1>Fachtag</h1><div class='teaser-text'><p>{lead}</p></div>{}\
             <div class='teaser'><p>{lead}</p></div></article></body>",
            ARTICLE.repeat(6)
        );
        let text = kept_text(&html, Mode::Strict);
        assert_eq!(text.matches("Zweinutzungshuhn").count(), 1, "{text}");
        let linked = html
            .replace("<p>Vor", "<p><a href='/x'>Vor")
            .replace("sprechen.", "sprechen.</a>");
        let text = kept_text(&linked, Mode::Strict);
        assert!(!text.contains("Zweinutzungshuhn"), "{text}");
    }

    #[test]
    fn keeps_a_dateline_that_opens_a_paragraph() {
        let html = format!(
            "<body><div class='entry'><p><span class='dateline'>KOBE – </span>A total of \
             6,000 masks were lost.</p><div class='dateline'>March 3, 2020</div>{ARTICLE}\
             </div></body>"
        );
        let text = kept_text(&html, Mode::Strict);
        assert!(text.starts_with("KOBE – A total of 6,000 masks"), "{text}");
        assert!(!text.contains("March 3"), "{text}");
    }

    #[test]
    fn recognises_discussion_urls() {
        let discussion = |url: &str| is_discussion_url(&url::Url::parse(url).unwrap());
        assert!(discussion("https://forum.example.org/topic/42-hello/"));
        assert!(discussion("https://example.org/t/some-thread/3275"));
        assert!(discussion("https://example.org/questions/77/why"));
        assert!(discussion(
            "https://www.warriorforum.com/beginners-area/1488296-will/"
        ));
        assert!(!discussion("https://www.forumdaily.com/en/news/story"));
        assert!(!discussion("https://example.org/news/2021/03/30/storm"));
        assert!(!discussion("https://example.org/topical-news/story"));
    }

    #[test]
    fn discussion_mode_keeps_a_thread_holding_a_third_of_the_prose() {
        let replies = format!("<div class='comment'>{ARTICLE}</div>").repeat(2);
        let html = format!(
            "<body><article>{}</article><div class='comments'>{replies}</div></body>",
            ARTICLE.repeat(3)
        );
        let count = |mode| kept_text(&html, mode).matches("The council").count();
        assert_eq!(count(Mode::Strict), 3);
        assert_eq!(count(Mode::Discussion), 5);
    }

    #[test]
    fn discussion_mode_keeps_each_reply_of_a_kept_comment_section() {
        let replies = format!("<div class='comment'>{ARTICLE}</div>").repeat(8);
        let html = format!(
            "<body><article>{ARTICLE}</article><div class='comments'>{replies}</div>\
             <div>{ARTICLE}</div></body>"
        );
        let count = |mode| kept_text(&html, mode).matches("The council").count();
        assert_eq!(count(Mode::Discussion), 10);
    }

    #[test]
    fn discussion_mode_keeps_replies_that_hold_most_of_the_text() {
        let html = format!(
            "<body><article>{ARTICLE}{ARTICLE}</article><div class='comments'>{}</div></body>",
            ARTICLE.repeat(8)
        );
        let count = |mode| kept_text(&html, mode).matches("The council").count();
        assert_eq!(count(Mode::Strict), 2);
        assert_eq!(count(Mode::Discussion), 10);
    }

    #[test]
    fn comments_go_only_in_strict_mode() {
        let html = format!(
            "<body><article>{ARTICLE}{ARTICLE}</article>\
             <div class='comments'><p>First!</p></div></body>"
        );
        assert!(!kept_text(&html, Mode::Strict).contains("First!"));
        assert!(kept_text(&html, Mode::Relaxed).contains("First!"));
    }

    #[test]
    fn removes_customer_reviews_on_product_pages_only() {
        let reviews = format!(
            "<div class='product-reviews'><h2>Reviews</h2><div class='review'>\
             <p itemprop='reviewBody'>Great mug, keeps my coffee warm all morning long and \
             survived the dishwasher many times.</p></div>{}</div>",
            ARTICLE.repeat(4)
        );
        let body =
            format!("<body><div class='description'>{ARTICLE}{ARTICLE}</div>{reviews}</body>");
        let product = format!("<head><meta property='og:type' content='product'></head>{body}");
        let text = kept_text(&product, Mode::Strict);
        assert_eq!(text.matches("The council").count(), 2, "{text}");
        assert!(!text.contains("Great mug"));
        assert!(kept_text(&body, Mode::Strict).contains("Great mug"));
    }

    #[test]
    fn keeps_testimonials_set_inside_the_description_on_product_pages() {
        let quotes =
            "<p>Best sandals I ever wore, light and strong on every trail I walk.</p>".repeat(10);
        let testimonials = format!("<div class='testimonial_slider'>{quotes}</div>");
        let inside = format!(
            "<head><meta property='og:type' content='product'></head><body>\
             <div id='tab-description'>{ARTICLE}{ARTICLE}{testimonials}</div></body>"
        );
        assert!(kept_text(&inside, Mode::Strict).contains("Best sandals"));
        let outside = format!(
            "<head><meta property='og:type' content='product'></head><body>\
             <div id='tab-description'>{ARTICLE}{ARTICLE}</div>{testimonials}</body>"
        );
        assert!(!kept_text(&outside, Mode::Strict).contains("Best sandals"));
    }

    #[test]
    fn keeps_rating_summaries_on_product_pages() {
        let html = format!(
            "<head><meta property='og:type' content='product'></head><body>{ARTICLE}{ARTICLE}\
             <div class='user-reviews-summary'>95% of the 7,778 user reviews are positive.</div>\
             </body>"
        );
        assert!(kept_text(&html, Mode::Strict).contains("user reviews are positive"));
    }

    #[test]
    fn removes_consent_tools_even_when_they_hold_most_of_the_prose() {
        let dialog = format!("<div id='onetrust-consent-sdk'>{}</div>", ARTICLE.repeat(5));
        let cards = "<ul><li><a href='/a'>Quick pasta</a></li><li><a href='/b'>Tacos</a></li></ul>";
        let html = format!("<body>{cards}{dialog}</body>");
        let text = kept_text(&html, Mode::Strict);
        assert!(
            text.contains("Quick pasta") && !text.contains("The council"),
            "{text}"
        );
        let policy = format!("<body><div class='cookie-policy'>{ARTICLE}</div></body>");
        assert!(kept_text(&policy, Mode::Strict).contains("The council"));
    }

    #[test]
    fn keeps_a_wrapper_that_holds_most_of_the_prose() {
        let html = format!(
            "<body><div class='layout-with-sidebar'>{ARTICLE}{ARTICLE}</div>\
             <div class='sidebar'>Weather</div></body>"
        );
        let text = kept_text(&html, Mode::Strict);
        assert!(text.contains("The council"));
        assert!(!text.contains("Weather"));
    }

    #[test]
    fn removes_filter_and_sort_panels_but_not_a_results_wrapper_named_for_facets() {
        let cards = "<li><a href='/p/1'>Trail Runner Shoe Model 1, $120.00</a></li>\
                     <li><a href='/p/2'>Trail Runner Shoe Model 2, $120.00</a></li>\
                     <li><a href='/p/3'>Trail Runner Shoe Model 3, $120.00</a></li>\
                     <li><a href='/p/4'>Trail Runner Shoe Model 4, $120.00</a></li>\
                     <li><a href='/p/5'>Trail Runner Shoe Model 5, $120.00</a></li>\
                     <li><a href='/p/6'>Trail Runner Shoe Model 6, $120.00</a></li>";
        let html = format!(
            "<body><div class='facet-list'><a href='?c=red'>Red</a> <a href='?c=blue'>Blue</a>\
             <a href='?s=9'>Size 9</a></div><div class='sort-by'><a href='?o=p'>Lowest price</a></div>\
             <ul class='results'>{cards}</ul></body>"
        );
        let text = kept_text(&html, Mode::Strict);
        assert!(text.contains("Trail Runner Shoe Model 6"));
        assert!(!text.contains("Size 9"));
        assert!(!text.contains("Lowest price"));
        // A wrapper named for its facets that holds the results too is not a panel.
        let html = format!(
            "<body><div class='search-facets'><div><a href='?s=9'>Size 9</a></div>\
             <ul class='results'>{cards}</ul></div></body>"
        );
        assert!(kept_text(&html, Mode::Strict).contains("Size 9"));
    }

    #[test]
    fn removes_rails_of_other_products_cards_on_product_pages() {
        let card = |n: u32| {
            format!("<li><a href='/p/{n}'>Trail Runner Shoe Model {n}</a><span>$120.00</span></li>")
        };
        let cards: String = (1..=6).map(card).collect();
        let sizes = "<ul><li>Size 9</li><li>Size 10</li><li>Size 11</li></ul>";
        let body = format!(
            "<body><h1>Road Runner Shoe</h1><span>$140.00</span>{sizes}{ARTICLE}             <h2>You may also like</h2><ul class='carousel'>{cards}</ul></body>"
        );
        let product = format!("<head><meta property='og:type' content='product'></head>{body}");
        let text = kept_text(&product, Mode::Strict);
        assert!(text.contains("$140.00") && text.contains("Size 11"));
        assert!(!text.contains("Trail Runner Shoe Model 6"));
        // Elsewhere, and on a product page whose cards are most of its text, the cards stay.
        assert!(kept_text(&body, Mode::Strict).contains("Trail Runner Shoe Model 6"));
        let grid = format!(
            "<head><meta property='og:type' content='product'></head><body><ul>{cards}</ul></body>"
        );
        assert!(kept_text(&grid, Mode::Strict).contains("Trail Runner Shoe Model 6"));
    }

    #[test]
    fn keeps_a_small_wrapper_of_the_marked_body() {
        let html = format!(
            "<body><div class='widget'><div itemprop='articleBody'>{ARTICLE}</div></div>\
             {ARTICLE}{ARTICLE}</body>"
        );
        let text = kept_text(&html, Mode::Strict);
        assert_eq!(text.matches("The council").count(), 3);
    }

    #[test]
    fn keeps_prose_sections_with_navigation_words() {
        let html = format!(
            "<body><div class='menu'><a href='/'>Home</a></div>\
             <section class='jump-nav-section'>{ARTICLE}{ARTICLE}{ARTICLE}</section>\
             <section class='jump-nav-section'>{ARTICLE}{ARTICLE}{ARTICLE}</section></body>"
        );
        let text = kept_text(&html, Mode::Strict);
        assert_eq!(text.matches("The council").count(), 6);
        assert!(!text.contains("Home"));
    }

    #[test]
    fn keeps_hidden_elements_when_they_hold_the_content() {
        let html = format!(
            "<body><div class='skeleton'>Loading</div><div hidden id='S:0'>{ARTICLE}</div>\
             <div hidden id='S:1'>{ARTICLE}</div><div class='hidden'>Menu</div></body>"
        );
        let text = kept_text(&html, Mode::Strict);
        assert_eq!(text.matches("The council").count(), 2);
    }

    #[test]
    fn removes_hidden_elements_beside_visible_content() {
        let html = format!("<body>{ARTICLE}<div hidden>Secret menu</div></body>");
        assert!(!kept_text(&html, Mode::Strict).contains("Secret"));
    }

    #[test]
    fn removes_site_header_but_not_article_header() {
        let html = format!(
            "<body><header>Site name</header><article><header><p>Lead text of the \
             story.</p></header>{ARTICLE}</article><footer>Contact</footer></body>"
        );
        let text = kept_text(&html, Mode::Strict);
        assert!(text.starts_with("Lead text"), "{text}");
        assert!(!text.contains("Site name") && !text.contains("Contact"));
    }
}
