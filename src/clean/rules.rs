//! Class and id words that say what an element is, as named data compiled once.
//!
//! Each word belongs to one [`Hint`] category and matches a class or id token either as a
//! whole word or as a word prefix. Word boundaries are the start and end of the token, any
//! non-alphanumeric character (`-`, `_`, `:`) and a lower-to-upper camel-case step, so
//! `article-body`, `articleBody` and `article_body` all contain the word `article`, while
//! `header` does not contain the word `ad` and `canvas` does not contain `nav`.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// What a class or id word says about an element. Bit flags, combined in [`Hints`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum Hint {
    /// Site navigation, menus, breadcrumbs, pagination, site header and footer.
    Navigation = 1 << 0,
    /// Share, follow and social widgets.
    Social = 1 << 1,
    /// Newsletter and subscription boxes, pop-ups, players.
    Promo = 1 << 2,
    /// Advertising and sponsored content.
    Ad = 1 << 3,
    /// Comment sections.
    Comment = 1 << 4,
    /// Related, recommended, most-read and "read more" rails and boxes.
    Related = 1 << 5,
    /// Tag, topic and keyword lists.
    Tags = 1 << 6,
    /// Byline, date line and other article metadata shown as chrome.
    Meta = 1 << 7,
    /// Sidebars and widgets.
    Sidebar = 1 << 8,
    /// Captions and photo credits.
    Caption = 1 << 9,
    /// Hidden or screen-reader-only elements.
    Hidden = 1 << 10,
    /// Words that mark the main content (`article`, `content`, `story`, `post`, `entry`).
    Content = 1 << 11,
    /// Words that mark the article text itself (`article-body`, `story-text`, `entry-content`).
    Body = 1 << 12,
    /// Lead, summary and standfirst boxes.
    Lead = 1 << 13,
    /// Icon glyphs and their labels (`icon-share`, `fa-twitter`, `material-icons`).
    Icon = 1 << 14,
    /// Cookie and consent banners and dialogs.
    Consent = 1 << 15,
    /// Date lines (`post-date`, `entry_date`, `articleDate`, `datum`), read by the metadata
    /// stage, not removed.
    DateLine = 1 << 16,
    /// Bylines (`byline`, `author-name`, `autor`), read by the metadata stage.
    Byline = 1 << 17,
    /// Page and section footers: legal text, contact blocks, link farms.
    Footer = 1 << 18,
    /// Customer reviews, ratings and testimonials. Chrome only on product pages (see
    /// [`super::product`]): on an article the same words mark the review being read.
    Review = 1 << 19,
    /// The consent tools of consent-management vendors (`onetrust`, `didomi`): never content,
    /// unlike elements merely named for cookies (a cookie policy's own text).
    ConsentTool = 1 << 20,
    /// A description box (`product-description`, `#desc`): besides being a lead word, on a
    /// product page it names the product's own text (see [`crate::score`]).
    Description = 1 << 21,
    /// Marked `data-nosnippet`: the publisher asks search engines not to quote it in a result
    /// snippet, which pages use for banners, menus, footers and notices around the story. Set
    /// from the attribute, not from class words.
    NoSnippet = 1 << 22,
    /// A listing's filter panel (`filters`, `facet-list`, `refinements`): the checkboxes and
    /// links that narrow a product grid or a search result, not one of its items.
    Filter = 1 << 23,
    /// A picture drawn in markup (`graphic`, `illustration`, `mockup`): the product screens a
    /// software page draws in HTML, whose text is the picture's, not the page's.
    Graphic = 1 << 24,
    /// The author box under a story (`author-bio`, `about-author`): a bio reads as prose, yet
    /// is not the story.
    AuthorBio = 1 << 25,
    /// A forum poster's signature (`signature`, `post-signature`): the sign-off repeated
    /// under every post, which may sit in the same rich-text box as the post itself.
    Signature = 1 << 26,
    /// A thread's or a poster's counters and details (`stats`, `statistics`, `user-info`,
    /// `user-details`): replies, views, posts, join date. Chrome on discussion pages only:
    /// elsewhere the words name a story's figures or a profile page's subject.
    Stats = 1 << 27,
    /// Legal small print (`disclaimer`, `product-disclaimer`): footnotes under a product's
    /// features, financing terms. Removed like a footer unless it is a long text of its own.
    Disclaimer = 1 << 28,
}

/// A set of [`Hint`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Hints(pub(crate) u32);

impl Hints {
    pub(crate) fn has(self, hint: Hint) -> bool {
        self.0 & hint as u32 != 0
    }

    pub(crate) fn remove(&mut self, hint: Hint) {
        self.0 &= !(hint as u32);
    }

    pub(crate) fn insert(&mut self, hint: Hint) {
        self.0 |= hint as u32;
    }

    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// How a word must sit inside a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Bounded on both sides: `ad` matches `ad`, `ad-slot`, `topAd`, not `add` or `header`.
    Word,
    /// Bounded at the start only: `comment` matches `comments`, `commentlist`.
    Prefix,
    /// The whole token, nothing else: `hidden` matches `hidden`, not `hidden-xs`.
    Token,
    /// Within one `-`/`_`-separated part of the token: the whole part, the part's end
    /// (`pubdate`), or its start followed by at most two letters (`dates`) or by `name`
    /// (`authorname`).
    Part,
}

/// One rule: a word, how it must fit, and what it means.
type Rule = (&'static str, Fit, Hint);

/// Navigation words. `header`/`footer` are here because class names with them wrap page
/// chrome far more often than article text; the share-of-prose guard in `clean` keeps a
/// mislabelled wrapper.
const NAVIGATION_WORDS: &[Rule] = &[
    ("nav", Fit::Prefix, Hint::Navigation),
    ("menu", Fit::Prefix, Hint::Navigation),
    ("breadcrumb", Fit::Prefix, Hint::Navigation),
    ("pagination", Fit::Prefix, Hint::Navigation),
    ("pager", Fit::Word, Hint::Navigation),
    ("masthead", Fit::Prefix, Hint::Navigation),
    ("topbar", Fit::Prefix, Hint::Navigation),
    ("toolbar", Fit::Prefix, Hint::Navigation),
    ("skiplink", Fit::Prefix, Hint::Navigation),
    ("skip-link", Fit::Prefix, Hint::Navigation),
    ("skip-to", Fit::Prefix, Hint::Navigation),
    ("footer", Fit::Prefix, Hint::Footer),
    ("disclaimer", Fit::Prefix, Hint::Disclaimer),
    // Only a bare `header` or a site-level one: `entry-header`, `card-header` and styled
    // components' `StyledHeadlineHeader` wrap headlines and leads.
    ("header", Fit::Token, Hint::Navigation),
    ("site-header", Fit::Prefix, Hint::Navigation),
    ("global-header", Fit::Prefix, Hint::Navigation),
    ("main-header", Fit::Prefix, Hint::Navigation),
    ("top-header", Fit::Prefix, Hint::Navigation),
    ("copyright", Fit::Prefix, Hint::Navigation),
    ("dropdown", Fit::Prefix, Hint::Navigation),
    ("facet", Fit::Prefix, Hint::Filter),
    ("filter", Fit::Prefix, Hint::Filter),
    ("refinement", Fit::Prefix, Hint::Filter),
    ("sort", Fit::Word, Hint::Filter),
    ("sorting", Fit::Word, Hint::Filter),
    ("sortby", Fit::Word, Hint::Filter),
    ("graphic", Fit::Word, Hint::Graphic),
    ("graphics", Fit::Word, Hint::Graphic),
    ("illustration", Fit::Word, Hint::Graphic),
    ("mockup", Fit::Word, Hint::Graphic),
];

const SOCIAL_WORDS: &[Rule] = &[
    ("share", Fit::Prefix, Hint::Social),
    ("sharing", Fit::Prefix, Hint::Social),
    ("social", Fit::Prefix, Hint::Social),
    ("follow", Fit::Prefix, Hint::Social),
    ("addthis", Fit::Prefix, Hint::Social),
    ("sharethis", Fit::Prefix, Hint::Social),
    ("likes", Fit::Word, Hint::Social),
    ("reactions", Fit::Word, Hint::Social),
    ("print", Fit::Word, Hint::Social),
    ("email", Fit::Word, Hint::Social),
    ("bookmark", Fit::Prefix, Hint::Social),
];

const PROMO_WORDS: &[Rule] = &[
    ("newsletter", Fit::Prefix, Hint::Promo),
    ("subscribe", Fit::Prefix, Hint::Promo),
    ("subscription", Fit::Prefix, Hint::Promo),
    ("signup", Fit::Prefix, Hint::Promo),
    ("sign-up", Fit::Prefix, Hint::Promo),
    // A word, not a prefix: Drupal marks featured articles `node--promoted`.
    ("promo", Fit::Word, Hint::Promo),
    ("cookie", Fit::Prefix, Hint::Consent),
    ("consent", Fit::Prefix, Hint::Consent),
    ("gdpr", Fit::Prefix, Hint::Consent),
    ("onetrust", Fit::Prefix, Hint::ConsentTool),
    ("cookiebot", Fit::Prefix, Hint::ConsentTool),
    ("didomi", Fit::Prefix, Hint::ConsentTool),
    ("usercentrics", Fit::Prefix, Hint::ConsentTool),
    ("cookieyes", Fit::Prefix, Hint::ConsentTool),
    ("modal", Fit::Prefix, Hint::Promo),
    ("popup", Fit::Prefix, Hint::Promo),
    ("overlay", Fit::Prefix, Hint::Promo),
    ("banner", Fit::Word, Hint::Promo),
    ("donate", Fit::Prefix, Hint::Promo),
    ("donation", Fit::Prefix, Hint::Promo),
    ("login", Fit::Prefix, Hint::Promo),
    ("player", Fit::Word, Hint::Promo),
    ("podcast", Fit::Prefix, Hint::Promo),
    ("abo", Fit::Word, Hint::Promo),
    ("abonnement", Fit::Prefix, Hint::Promo),
    ("abonnieren", Fit::Prefix, Hint::Promo),
];

const AD_WORDS: &[Rule] = &[
    ("ad", Fit::Word, Hint::Ad),
    ("ads", Fit::Word, Hint::Ad),
    ("advert", Fit::Prefix, Hint::Ad),
    ("adslot", Fit::Prefix, Hint::Ad),
    ("adunit", Fit::Prefix, Hint::Ad),
    ("adsense", Fit::Prefix, Hint::Ad),
    ("adsbygoogle", Fit::Prefix, Hint::Ad),
    ("dfp", Fit::Word, Hint::Ad),
    ("gpt", Fit::Word, Hint::Ad),
    ("sponsor", Fit::Prefix, Hint::Ad),
    ("taboola", Fit::Prefix, Hint::Ad),
    ("outbrain", Fit::Prefix, Hint::Ad),
    ("commercial", Fit::Word, Hint::Ad),
    ("werbung", Fit::Prefix, Hint::Ad),
    ("reklama", Fit::Prefix, Hint::Ad),
];

const COMMENT_WORDS: &[Rule] = &[
    ("comment", Fit::Prefix, Hint::Comment),
    ("kommentar", Fit::Prefix, Hint::Comment),
    ("commentaire", Fit::Prefix, Hint::Comment),
    ("disqus", Fit::Prefix, Hint::Comment),
    ("respond", Fit::Word, Hint::Comment),
    ("replies", Fit::Word, Hint::Comment),
];

/// Customer review widgets: the words, and the review services whose names shops' widgets
/// carry (as `disqus` names comment threads).
const REVIEW_WORDS: &[Rule] = &[
    ("review", Fit::Prefix, Hint::Review),
    ("rating", Fit::Prefix, Hint::Review),
    ("testimonial", Fit::Prefix, Hint::Review),
    ("yotpo", Fit::Prefix, Hint::Review),
    ("okendo", Fit::Prefix, Hint::Review),
    ("bazaarvoice", Fit::Prefix, Hint::Review),
    ("trustpilot", Fit::Prefix, Hint::Review),
];

const RELATED_WORDS: &[Rule] = &[
    ("related", Fit::Prefix, Hint::Related),
    ("recommend", Fit::Prefix, Hint::Related),
    ("read-more", Fit::Prefix, Hint::Related),
    ("readmore", Fit::Prefix, Hint::Related),
    ("more-stories", Fit::Prefix, Hint::Related),
    ("most-read", Fit::Prefix, Hint::Related),
    ("mostread", Fit::Prefix, Hint::Related),
    ("most-popular", Fit::Prefix, Hint::Related),
    ("popular", Fit::Prefix, Hint::Related),
    ("trending", Fit::Prefix, Hint::Related),
    ("teaser", Fit::Prefix, Hint::Related),
    ("see-also", Fit::Prefix, Hint::Related),
    ("also", Fit::Word, Hint::Related),
    ("upnext", Fit::Prefix, Hint::Related),
    ("upsell", Fit::Prefix, Hint::Related),
    ("cross-sell", Fit::Prefix, Hint::Related),
    ("crosssell", Fit::Prefix, Hint::Related),
    ("recently-viewed", Fit::Prefix, Hint::Related),
    ("up-next", Fit::Prefix, Hint::Related),
];

const TAGS_WORDS: &[Rule] = &[
    ("tags", Fit::Word, Hint::Tags),
    ("tag", Fit::Word, Hint::Tags),
    ("tagcloud", Fit::Prefix, Hint::Tags),
    ("tag-list", Fit::Prefix, Hint::Tags),
    ("taglist", Fit::Prefix, Hint::Tags),
    ("keywords", Fit::Word, Hint::Tags),
    ("categories", Fit::Word, Hint::Tags),
];

const META_WORDS: &[Rule] = &[
    ("byline", Fit::Prefix, Hint::Meta),
    ("kicker", Fit::Word, Hint::Meta),
    ("dachzeile", Fit::Prefix, Hint::Meta),
    ("overline", Fit::Prefix, Hint::Meta),
    ("dateline", Fit::Prefix, Hint::Meta),
    ("meta", Fit::Word, Hint::Meta),
    ("author-bio", Fit::Prefix, Hint::AuthorBio),
    ("author-box", Fit::Prefix, Hint::AuthorBio),
    ("authorbox", Fit::Prefix, Hint::AuthorBio),
    ("about-author", Fit::Prefix, Hint::AuthorBio),
    ("author-info", Fit::Prefix, Hint::AuthorBio),
    ("author-description", Fit::Prefix, Hint::AuthorBio),
    ("author-details", Fit::Prefix, Hint::AuthorBio),
    ("authorinfo", Fit::Prefix, Hint::AuthorBio),
    ("bio", Fit::Word, Hint::Meta),
    ("post-meta", Fit::Prefix, Hint::Meta),
    // WordPress's classic themes: `postmetadata` under the post ("This entry was posted …").
    ("postmeta", Fit::Prefix, Hint::Meta),
    ("entry-meta", Fit::Prefix, Hint::Meta),
    ("timestamp", Fit::Word, Hint::Meta),
    // Forum post signatures (`signature`, `post-signature`, `message-signature`): the
    // poster's standing sign-off, never part of the thread.
    ("signature", Fit::Prefix, Hint::Signature),
    ("stats", Fit::Word, Hint::Stats),
    ("statistics", Fit::Word, Hint::Stats),
    ("user-details", Fit::Prefix, Hint::Stats),
    ("userdetails", Fit::Prefix, Hint::Stats),
    ("user-info", Fit::Prefix, Hint::Stats),
    ("userinfo", Fit::Prefix, Hint::Stats),
    // XenForo's `message-userExtras`: the poster's join date, message count and points.
    ("user-extras", Fit::Prefix, Hint::Stats),
    ("userextras", Fit::Prefix, Hint::Stats),
];

const SIDEBAR_WORDS: &[Rule] = &[
    ("sidebar", Fit::Prefix, Hint::Sidebar),
    ("seitenleiste", Fit::Prefix, Hint::Sidebar),
    ("side-bar", Fit::Prefix, Hint::Sidebar),
    // Page builders (Elementor) call every content box a widget; only WordPress's sidebar
    // widget classes (`widget-area`, `widget_recent_entries`) name sidebars.
    ("widget-area", Fit::Prefix, Hint::Sidebar),
    ("widget_", Fit::Prefix, Hint::Sidebar),
    ("widgets", Fit::Word, Hint::Sidebar),
    ("rail", Fit::Word, Hint::Sidebar),
    ("aside", Fit::Word, Hint::Sidebar),
    ("marginalia", Fit::Prefix, Hint::Sidebar),
];

const CAPTION_WORDS: &[Rule] = &[
    ("caption", Fit::Prefix, Hint::Caption),
    ("credit", Fit::Prefix, Hint::Caption),
    ("copyright-image", Fit::Prefix, Hint::Caption),
];

/// Tokens that hide an element outright. Whole tokens only: `hidden-xs` hides on phones but
/// shows on desktops, so it is not here. `hide` is the `display: none` utility of Bootstrap 2
/// and 3 and of `BigCommerce` and Foundation themes.
const HIDDEN_TOKENS: &[Rule] = &[
    ("hidden", Fit::Token, Hint::Hidden),
    ("is-hidden", Fit::Token, Hint::Hidden),
    ("sr-only", Fit::Token, Hint::Hidden),
    ("visually-hidden", Fit::Token, Hint::Hidden),
    ("visuallyhidden", Fit::Token, Hint::Hidden),
    ("screen-reader-text", Fit::Token, Hint::Hidden),
    ("screen-reader-only", Fit::Token, Hint::Hidden),
    ("element-invisible", Fit::Token, Hint::Hidden),
    ("invisible", Fit::Token, Hint::Hidden),
    ("d-none", Fit::Token, Hint::Hidden),
    ("hide", Fit::Token, Hint::Hidden),
    ("noprint", Fit::Token, Hint::Hidden),
];

const CONTENT_WORDS: &[Rule] = &[
    ("article", Fit::Prefix, Hint::Content),
    ("content", Fit::Prefix, Hint::Content),
    ("story", Fit::Prefix, Hint::Content),
    ("post", Fit::Word, Hint::Content),
    ("entry", Fit::Word, Hint::Content),
    ("main", Fit::Word, Hint::Content),
    ("blog", Fit::Prefix, Hint::Content),
    ("news", Fit::Word, Hint::Content),
    ("hentry", Fit::Token, Hint::Content),
    ("page", Fit::Word, Hint::Content),
];

/// Words naming the text container itself; `Body` is stronger than `Content`.
const BODY_WORDS: &[Rule] = &[
    ("articlebody", Fit::Prefix, Hint::Body),
    ("article-body", Fit::Prefix, Hint::Body),
    ("article-text", Fit::Prefix, Hint::Body),
    ("article-content", Fit::Prefix, Hint::Body),
    ("story-body", Fit::Prefix, Hint::Body),
    ("storybody", Fit::Prefix, Hint::Body),
    ("story-text", Fit::Prefix, Hint::Body),
    ("story-content", Fit::Prefix, Hint::Body),
    ("post-body", Fit::Prefix, Hint::Body),
    ("post-content", Fit::Prefix, Hint::Body),
    ("post-text", Fit::Prefix, Hint::Body),
    ("entry-content", Fit::Prefix, Hint::Body),
    ("entry-body", Fit::Prefix, Hint::Body),
    ("body-text", Fit::Prefix, Hint::Body),
    ("bodytext", Fit::Prefix, Hint::Body),
    ("main-text", Fit::Prefix, Hint::Body),
    ("text-body", Fit::Prefix, Hint::Body),
    ("rich-text", Fit::Prefix, Hint::Body),
    ("richtext", Fit::Prefix, Hint::Body),
    ("prose", Fit::Word, Hint::Body),
    ("article__body", Fit::Prefix, Hint::Body),
    ("article__content", Fit::Prefix, Hint::Body),
    ("article__text", Fit::Prefix, Hint::Body),
    ("td-post-content", Fit::Prefix, Hint::Body),
];

const LEAD_WORDS: &[Rule] = &[
    ("lead", Fit::Word, Hint::Lead),
    ("desc", Fit::Word, Hint::Lead),
    ("description", Fit::Word, Hint::Lead),
    ("chapo", Fit::Prefix, Hint::Lead),
    ("vorspann", Fit::Prefix, Hint::Lead),
    ("chapeau", Fit::Prefix, Hint::Lead),
    ("dek", Fit::Word, Hint::Lead),
    ("sumario", Fit::Prefix, Hint::Lead),
    ("entradilla", Fit::Prefix, Hint::Lead),
    ("abstract", Fit::Prefix, Hint::Lead),
    ("summary", Fit::Prefix, Hint::Lead),
    ("standfirst", Fit::Prefix, Hint::Lead),
    ("intro", Fit::Prefix, Hint::Lead),
    ("teaser-text", Fit::Prefix, Hint::Lead),
    ("subtitle", Fit::Prefix, Hint::Lead),
    ("deck", Fit::Word, Hint::Lead),
    ("excerpt", Fit::Prefix, Hint::Lead),
];

/// The words of [`LEAD_WORDS`] that name a description, matched again for their own hint.
const DESCRIPTION_WORDS: &[Rule] = &[
    ("desc", Fit::Word, Hint::Description),
    ("description", Fit::Word, Hint::Description),
];

const ICON_WORDS: &[Rule] = &[
    ("icon", Fit::Prefix, Hint::Icon),
    ("icons", Fit::Prefix, Hint::Icon),
    ("fa", Fit::Word, Hint::Icon),
    ("glyphicon", Fit::Prefix, Hint::Icon),
    ("material-icons", Fit::Prefix, Hint::Icon),
    ("material-symbols", Fit::Prefix, Hint::Icon),
    ("dashicons", Fit::Prefix, Hint::Icon),
];

/// Class and id words of date lines, for the metadata stage.
const DATE_LINE_WORDS: &[Rule] = &[
    ("date", Fit::Part, Hint::DateLine),
    ("time", Fit::Part, Hint::DateLine),
    ("posted", Fit::Part, Hint::DateLine),
    ("publish", Fit::Part, Hint::DateLine),
    ("datum", Fit::Part, Hint::DateLine),
    ("fecha", Fit::Part, Hint::DateLine),
    ("data", Fit::Part, Hint::DateLine),
    ("dateline", Fit::Part, Hint::DateLine),
    ("timestamp", Fit::Part, Hint::DateLine),
    ("pubdate", Fit::Part, Hint::DateLine),
    ("updated", Fit::Part, Hint::DateLine),
    ("modified", Fit::Part, Hint::DateLine),
];

/// Class and id words of bylines, for the metadata stage.
const BYLINE_WORDS: &[Rule] = &[
    ("byline", Fit::Part, Hint::Byline),
    ("author", Fit::Part, Hint::Byline),
    ("authors", Fit::Part, Hint::Byline),
    ("autor", Fit::Part, Hint::Byline),
    ("auteur", Fit::Part, Hint::Byline),
    ("autore", Fit::Part, Hint::Byline),
    ("writer", Fit::Part, Hint::Byline),
    ("reporter", Fit::Part, Hint::Byline),
    ("creator", Fit::Part, Hint::Byline),
    ("journalist", Fit::Part, Hint::Byline),
];

/// Every rule, in one table, so that one automaton finds all of them in one scan.
static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    [
        NAVIGATION_WORDS,
        SOCIAL_WORDS,
        PROMO_WORDS,
        AD_WORDS,
        COMMENT_WORDS,
        REVIEW_WORDS,
        RELATED_WORDS,
        TAGS_WORDS,
        META_WORDS,
        SIDEBAR_WORDS,
        CAPTION_WORDS,
        HIDDEN_TOKENS,
        CONTENT_WORDS,
        BODY_WORDS,
        LEAD_WORDS,
        DESCRIPTION_WORDS,
        ICON_WORDS,
        DATE_LINE_WORDS,
        BYLINE_WORDS,
    ]
    .concat()
});

/// A DFA: every element's class and id go through it, and it scans them about three times
/// faster than the default (an NFA for this many words), for some 100 KB built once.
static AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(RULES.iter().map(|(word, _, _)| word))
        .unwrap_or_else(|error| unreachable!("the rule words form a valid automaton: {error}"))
});

/// The hints carried by a `class` or `id` attribute value. Utility-class tokens that carry CSS
/// values and variants (Tailwind's `lg:first:pt-[calc(var(--banner-min-height))]`) say
/// nothing about the element's role and are skipped.
///
/// One scan of the automaton covers the whole value: no word holds whitespace, so every match
/// lies inside one token, and is judged against that token alone.
pub(crate) fn hints_of(attribute: &str) -> Hints {
    let bytes = attribute.as_bytes();
    let mut hints = Hints::default();
    for found in AUTOMATON.find_overlapping_iter(attribute) {
        let (word, fit, hint) = RULES[found.pattern().as_usize()];
        let (start, end) = (found.start(), found.end());
        let token_start = bytes[..start]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |at| at + 1);
        let token_end = bytes[end..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(bytes.len(), |at| end + at);
        let token = &bytes[token_start..token_end];
        if !token.iter().any(|b| b"[(:=&".contains(b))
            && fits(token, start - token_start, end - token_start, fit)
            && !is_post_taxonomy_token(token, attribute)
            && !is_another_word(word, &token[end - token_start..])
        {
            hints.insert(hint);
        }
    }
    hints
}

/// The `post_class()` of `WordPress` names the post's categories and tags as
/// `category-<slug>` and `tag-<slug>`, beside `type-<post type>`: the slugs are the author's
/// words, not the element's role (a post filed under "Der Kommentar" is no comment section,
/// tv-orange.de, trafilatura 904ca04b63a6).
fn is_post_taxonomy_token(token: &[u8], attribute: &str) -> bool {
    (token.starts_with(b"category-") || token.starts_with(b"tag-"))
        && attribute
            .split_ascii_whitespace()
            .any(|other| other.starts_with("type-"))
}

/// What must come after a continuation in [`ANOTHER_WORD`].
#[derive(Clone, Copy)]
enum After {
    /// Anything, or nothing.
    Anything,
    /// The word's end: nothing, or anything but a lowercase letter (`navy-400`, `SharedFooter`).
    WordEnd,
    /// A capital or a separator opening the next word (`commentOnSelection`, `comment-on-…`).
    NextWord,
}

impl After {
    fn accepts(self, next: Option<u8>) -> bool {
        match self {
            After::Anything => true,
            After::WordEnd => !next.is_some_and(|b| b.is_ascii_lowercase()),
            After::NextWord => {
                next.is_some_and(|b| b.is_ascii_uppercase() || b == b'-' || b == b'_')
            }
        }
    }
}

/// Prefix words that, continued so, are another word and no sign of the element's role: the
/// rule word, its continuation (any case) and what must follow that.
/// - `commentary` is an opinion piece's genre, `commentable` a post's state, and "comment on"
///   (`commentOnSelection`, `comment-on-…`) a control wrapped around the text it lets readers
///   comment on (wcxb 0384, whose post body sits in `commentOnSelection`); `commenting-on-…`
///   still names a thread (a Q&A page's answers' comments, wcxb 4331).
/// - `navy` is a colour: utility classes (`text-navy`, `bg-navy-400`, `navyBlue`) name it on
///   headings and sections, which went as menus (e2b.dev colours every section title
///   `text-navy`, wcxb 2839).
/// - `shared` is a style or component used across the site's pages (`shared-styles__Header`,
///   `SharedFooter`), not a share widget (bombas.com's collection titles are
///   `ContentSystem-shared-styles__Header`, wcxb 0639); Jetpack's `sharedaddy` still is one.
const ANOTHER_WORD: &[(&str, &str, After)] = &[
    ("comment", "ary", After::Anything),
    ("comment", "able", After::Anything),
    ("comment", "on", After::NextWord),
    ("comment", "-on", After::NextWord),
    ("comment", "_on", After::NextWord),
    ("nav", "y", After::WordEnd),
    ("share", "d", After::WordEnd),
];

/// Whether the rule word just matched, followed by `rest` in its token, is another word
/// ([`ANOTHER_WORD`]).
fn is_another_word(word: &str, rest: &[u8]) -> bool {
    ANOTHER_WORD.iter().any(|&(prefix, continuation, after)| {
        prefix == word
            && rest.len() >= continuation.len()
            && rest[..continuation.len()].eq_ignore_ascii_case(continuation.as_bytes())
            && after.accepts(rest.get(continuation.len()).copied())
    })
}

/// Whether a class list that hides an element also shows it at some screen width, as in
/// Tailwind's `hidden lg:block` or Bootstrap's `d-none d-md-block`: the element is visible on
/// desktops, where pages are read and saved.
pub(crate) fn shows_at_some_width(class: &str) -> bool {
    const DISPLAYS: &[&str] = &[
        "block",
        "flex",
        "grid",
        "inline",
        "inline-block",
        "inline-flex",
        "table",
        "contents",
    ];
    class.split_ascii_whitespace().any(|token| {
        if let Some((breakpoint, display)) = token.split_once(':') {
            return !breakpoint.is_empty() && DISPLAYS.contains(&display);
        }
        token
            .strip_prefix("d-")
            .and_then(|rest| rest.split_once('-'))
            .is_some_and(|(breakpoint, display)| {
                matches!(breakpoint, "sm" | "md" | "lg" | "xl" | "xxl")
                    && DISPLAYS.contains(&display)
            })
    })
}

fn fits(token: &[u8], start: usize, end: usize, fit: Fit) -> bool {
    match fit {
        Fit::Part => fits_part(token, start, end),
        Fit::Token => start == 0 && end == token.len(),
        Fit::Prefix => starts_word(token, start),
        Fit::Word => starts_word(token, start) && ends_word(token, end),
    }
}

/// [`Fit::Part`]: the match sits in one `-`/`_`-separated part and ends it, or starts it and
/// leaves at most two letters or `name` after it.
fn fits_part(token: &[u8], start: usize, end: usize) -> bool {
    let is_separator = |b: &u8| matches!(b, b'-' | b'_');
    let part_start = token[..start]
        .iter()
        .rposition(is_separator)
        .map_or(0, |at| at + 1);
    let part_end = token[end..]
        .iter()
        .position(is_separator)
        .map_or(token.len(), |at| end + at);
    let rest = &token[end..part_end];
    end == part_end
        || (start == part_start && (rest.len() <= 2 || rest.eq_ignore_ascii_case(b"name")))
}

fn starts_word(token: &[u8], start: usize) -> bool {
    let Some(&before) = start.checked_sub(1).and_then(|i| token.get(i)) else {
        return true;
    };
    let first = token.get(start).copied().unwrap_or(b' ');
    !before.is_ascii_alphanumeric() || (before.is_ascii_lowercase() && first.is_ascii_uppercase())
}

fn ends_word(token: &[u8], end: usize) -> bool {
    let Some(&after) = token.get(end) else {
        return true;
    };
    let last = end.checked_sub(1).and_then(|i| token.get(i)).copied();
    !after.is_ascii_alphabetic()
        || (after.is_ascii_uppercase() && last.is_some_and(|b| b.is_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_words_at_separator_and_camel_case_boundaries() {
        assert!(hints_of("article-body").has(Hint::Body));
        assert!(hints_of("articleBody").has(Hint::Content));
        assert!(hints_of("top_ad").has(Hint::Ad));
        assert!(hints_of("topAd").has(Hint::Ad));
        assert!(hints_of("ad-slot-300").has(Hint::Ad));
    }

    #[test]
    fn does_not_match_inside_other_words() {
        assert!(!hints_of("header-shadow").has(Hint::Ad));
        assert!(!hints_of("canvas").has(Hint::Navigation));
        assert!(!hints_of("address").has(Hint::Ad));
        assert!(!hints_of("unshared").has(Hint::Social));
    }

    #[test]
    fn description_words_are_leads_and_descriptions() {
        for class in [
            "product-description",
            "product__description",
            "productDescription",
            "desc",
        ] {
            let hints = hints_of(class);
            assert!(hints.has(Hint::Description), "{class}");
            assert!(hints.has(Hint::Lead), "{class}");
        }
        assert!(!hints_of("descriptive-text").has(Hint::Description));
        assert!(!hints_of("article-lead").has(Hint::Description));
    }

    #[test]
    fn prefix_words_take_suffixes() {
        assert!(hints_of("comments-area").has(Hint::Comment));
        assert!(hints_of("navbar").has(Hint::Navigation));
        assert!(hints_of("share-buttons").has(Hint::Social));
    }

    #[test]
    fn forum_signatures_are_signatures() {
        for class in [
            "signature",
            "post-signature",
            "message-signature",
            "signaturecontainer",
        ] {
            assert!(hints_of(class).has(Hint::Signature), "{class}");
        }
        assert!(!hints_of("postsignature").has(Hint::Signature));
    }

    #[test]
    fn hidden_needs_the_whole_token() {
        assert!(hints_of("foo hidden").has(Hint::Hidden));
        assert!(!hints_of("hidden-xs").has(Hint::Hidden));
        assert!(hints_of("sr-only").has(Hint::Hidden));
    }

    #[test]
    fn the_hide_utility_class_hides() {
        assert!(hints_of("post-main hide").has(Hint::Hidden));
        assert!(!hints_of("hide-on-mobile").has(Hint::Hidden));
        assert!(!hints_of("js-hide-toggle").has(Hint::Hidden));
    }

    #[test]
    fn responsive_display_classes_show_hidden_elements() {
        assert!(shows_at_some_width("hidden lg:block"));
        assert!(shows_at_some_width("d-none d-md-block"));
        assert!(!shows_at_some_width("hidden"));
        assert!(!shows_at_some_width("d-none text-md-left"));
    }

    #[test]
    fn one_token_can_carry_several_hints() {
        let hints = hints_of("post-footer");
        assert!(hints.has(Hint::Content));
        assert!(hints.has(Hint::Footer));
    }

    #[test]
    fn skips_utility_tokens_with_css_values() {
        assert!(!hints_of("lg:first:pt-[calc(var(--banner-min-height))]").has(Hint::Promo));
        assert!(hints_of("lg:block banner").has(Hint::Promo));
    }

    #[test]
    fn only_bare_or_site_headers_are_chrome() {
        assert!(hints_of("header").has(Hint::Navigation));
        assert!(hints_of("site-header-inner").has(Hint::Navigation));
        assert!(!hints_of("entry-header").has(Hint::Navigation));
        assert!(
            !hints_of("Headlinestyles__StyledHeadlineHeader-sc-14uj3bo-2").has(Hint::Navigation)
        );
    }

    #[test]
    fn part_words_match_inside_one_part() {
        assert!(hints_of("post-date").has(Hint::DateLine));
        assert!(hints_of("articleDate").has(Hint::DateLine));
        assert!(hints_of("pubdate").has(Hint::DateLine));
        assert!(hints_of("dates").has(Hint::DateLine));
        assert!(hints_of("author-name").has(Hint::Byline));
        assert!(hints_of("authorname").has(Hint::Byline));
        assert!(!hints_of("dateline-wrapper").has(Hint::Byline));
        assert!(!hints_of("timeless").has(Hint::DateLine));
    }

    #[test]
    fn no_word_holds_whitespace() {
        // `hints_of` scans a whole value at once and relies on matches staying in one token.
        assert!(
            RULES
                .iter()
                .all(|(word, _, _)| !word.contains(char::is_whitespace))
        );
    }

    #[test]
    fn tokens_are_judged_apart() {
        assert!(hints_of("foo\thidden\nbar").has(Hint::Hidden));
        assert!(!hints_of("hidden-xs visible").has(Hint::Hidden));
        assert!(!hints_of("md:ad-slot nav:x").has(Hint::Ad));
        assert!(hints_of("md:ad-slot ad-slot").has(Hint::Ad));
        assert!(!hints_of("read more").has(Hint::Related));
        assert!(hints_of("entry-x post-date").has(Hint::DateLine));
    }

    #[test]
    fn post_taxonomy_slugs_are_no_roles() {
        let post = "post-6996 post type-post hentry category-der-kommentar tag-sidebar";
        assert!(!hints_of(post).has(Hint::Comment));
        assert!(!hints_of(post).has(Hint::Sidebar));
        assert!(hints_of("tag-cloud").has(Hint::Tags));
        assert!(hints_of("category-comments").has(Hint::Comment));
    }

    #[test]
    fn shared_is_no_share_widget() {
        assert!(!hints_of("ContentSystem-shared-styles__Header").has(Hint::Social));
        assert!(!hints_of("SharedFooter shared").has(Hint::Social));
        assert!(hints_of("sharedaddy sd-block").has(Hint::Social));
        assert!(hints_of("share-buttons").has(Hint::Social));
    }

    #[test]
    fn comment_on_the_text_is_no_comment_section() {
        assert!(!hints_of("commentOnSelection").has(Hint::Comment));
        assert!(!hints_of("comment-on-article").has(Hint::Comment));
        assert!(!hints_of("commentary").has(Hint::Comment));
        assert!(!hints_of("fc-item--is-commentable").has(Hint::Comment));
        assert!(hints_of("commenting-on-qna").has(Hint::Comment));
        assert!(hints_of("comments commentaire").has(Hint::Comment));
        assert!(hints_of("commentOnly").has(Hint::Comment));
    }

    #[test]
    fn the_colour_navy_is_no_navigation() {
        assert!(!hints_of("text-navy").has(Hint::Navigation));
        assert!(!hints_of("bg-navy-400 navyBlue").has(Hint::Navigation));
        assert!(hints_of("navbar navigation nav-y").has(Hint::Navigation));
        assert!(hints_of("navy text-navy nav").has(Hint::Navigation));
    }

    #[test]
    fn matching_ignores_ascii_case() {
        assert!(hints_of("SideBar").has(Hint::Sidebar));
        assert!(hints_of("READ-MORE-big").has(Hint::Related));
    }
}
