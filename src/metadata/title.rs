//! Choosing the headline among the page's title candidates.
//!
//! The candidates are the JSON-LD article `headline`, the Dublin Core title, `og:title`,
//! `twitter:title`, a title under a plain or vendor meta name (`title`, `parsely-title`),
//! `<title>` and a page object's `name` (the metadata titles, in that order), and the page's
//! headings. Dublin Core comes before `OpenGraph`: a page that sets both gives the formal
//! title there and may reword `og:title` for social cards (Readability's metadata test pages
//! expect the Dublin Core one; elsewhere in the corpus the two agree).
//!
//! The headline is what a reader sees at the top of the article, so:
//!
//! 1. A heading that agrees with a metadata title wins, `h1` before `h2`/`h3`. Agreeing means
//!    saying the same words, being a side of a metadata title split at a separator
//!    (`Headline | Section | Site`) other than the site name, the metadata title without its
//!    site name, or most of it from the start (`Headline` for `Headline, Place`). When a
//!    dedicated title exists (JSON-LD, `OpenGraph`, Twitter, Dublin Core), agreeing with the
//!    document `<title>` alone does not count: the dedicated title is the article's own. A
//!    heading that shows only the title's last side (a book or docs name in a masthead) yields
//!    to one that shows an earlier side. An `h1` also agrees with the name before a colon in
//!    the title ("Hiking Boots" for "Hiking Boots: Shop Boots for Hiking & Backpacking") unless
//!    that name is the site's.
//! 2. A heading that ends with a metadata title after a short kicker ("Klimaschutz: Bohren,
//!    bis es heiß wird") gives that title.
//! 3. Else the first `h1` outside page chrome, when it reads like a headline (not the site
//!    name, not the blog name a metadata title puts after its separator, not a one-word
//!    label) and shares most of its words with a metadata title. Publishers rewrite
//!    `og:title` for search and social cards ("15 Best Standing Desks of 2025" against the
//!    visible "Best Standing Desks"), and the reader sees the `h1`. An `h1` that shares few
//!    words with the metadata names something else (a section, "About This Site"), and on a
//!    page that says it is not an article (an `og:type` other than `article` and no JSON-LD
//!    article, no `<article>` around the `h1`) the `h1` is often a slogan: there the
//!    metadata title wins, unless the `h1` holds every word of it.
//! 4. Else the metadata titles, in the order above, without their site-name prefix or suffix.
//!
//! Metadata that only labels the page ("Home", "Home - The GitHub Blog") names no content: the
//! first headline-like `h1` wins, else the site name the label stands beside.
//!
//! A heading chosen as the headline loses a kicker label set in its own element at its start
//! ([`super::kicker`]). Whatever the source, a headline that still holds a vertical bar keeps
//! only what comes before the first one ([`before_first_bar`]), and a metadata title no heading
//! shows keeps what comes before a spaced hyphen ([`before_first_hyphen`]).

use super::collapse;
use super::json_ld::JsonLdFacts;
use super::meta_tags::MetaFacts;
use super::visible::{Heading, VisibleFacts};
use crate::document::Source;
use crate::page::text::{same_text, same_text_key};
use url::Url;

/// Separators between a headline and a site name in `<title>` and `og:title`. A colon counts
/// only with a space on both sides ("Video Games : Target", "Pétition : Non à …"): unspaced, it
/// joins a headline's own clauses.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ", " ~ ", " « ", " ‹ ", " › ",
    " || ", " — ", " -- ", " : ",
];

/// The [`TITLE_SEPARATORS`] a title holds, in their order. Each starts with a space, so only
/// the title's spaces are tried: most titles hold one separator or none, and this spares a
/// substring search per separator.
fn separators_in(title: &str) -> impl Iterator<Item = &'static str> + '_ {
    let bytes = title.as_bytes();
    TITLE_SEPARATORS.iter().copied().filter(move |separator| {
        memchr::memchr_iter(b' ', bytes).any(|at| {
            bytes
                .get(at..)
                .is_some_and(|rest| rest.starts_with(separator.as_bytes()))
        })
    })
}

/// The chosen headline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chosen {
    pub(crate) title: String,
    /// The title as the heading or metadata gives it, before a kicker element or a trailing
    /// tagline after a bar or hyphen is cut off: the text the body drops from its headings.
    pub(crate) shown: String,
    pub(crate) source: Source,
    /// The index of the heading that shows it, when one does.
    pub(crate) heading: Option<u32>,
}

/// Chooses the headline; see the module docs.
pub(crate) fn choose(
    ld: &JsonLdFacts,
    meta: &MetaFacts,
    seen: &VisibleFacts,
    site_name: Option<&str>,
    url: Option<&Url>,
) -> Option<Chosen> {
    let mut chosen = choose_whole(ld, meta, seen, site_name, url)?;
    if let Some(headline) = headline_before_subtitle(&chosen, ld, meta, site_name) {
        chosen.title = headline;
    }
    if chosen.heading.is_some() {
        let headline = without_source_domain(&chosen.title);
        let headline = site_name.map_or(headline, |site| without_site_suffix(headline, site));
        chosen.title = headline.to_owned();
    }
    if is_home_brand_title(&chosen, site_name, url) {
        return Some(chosen);
    }
    let head = before_first_bar(&chosen.title).or_else(|| {
        chosen
            .heading
            .is_none()
            .then(|| before_first_hyphen(&chosen.title))
            .flatten()
    });
    if let Some(head) = head {
        chosen.title = head.to_owned();
    }
    Some(chosen)
}

/// A heading's headline without the source's domain a link aggregator shows after it, with
/// or without a comment count ("… No Longer Guarantee Jobs (latimes.com) 87", Slashdot,
/// wcxb 0396, 0570): the link's host, not part of the headline. Hosts are written in lower
/// case; a name such as "(Node.js)" stays.
fn without_source_domain(headline: &str) -> &str {
    let rest = headline.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    let Some(inner) = rest.strip_suffix(')') else {
        return headline;
    };
    let Some((head, domain)) = inner.rsplit_once(" (") else {
        return headline;
    };
    let is_domain = domain.rsplit_once('.').is_some_and(|(host, tld)| {
        !host.is_empty()
            && tld.len() >= 2
            && tld.chars().all(|c| c.is_ascii_lowercase())
            && host
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-'))
    });
    if is_domain && head.split_whitespace().count() >= 2 {
        head.trim_end()
    } else {
        headline
    }
}

/// A heading's headline without the site's exact name after its last separator
/// ("Critics' Choice: Best UK Art Exhibitions 2025 – Artlyst" on artlyst.com, wcxb 0408):
/// the heading repeats the metadata title's site suffix, which a headline never carries.
fn without_site_suffix<'t>(headline: &'t str, site: &str) -> &'t str {
    separators_in(headline)
        .filter_map(|separator| headline.rsplit_once(separator))
        .find(|(head, tail)| same_text(tail, site) && head.split_whitespace().count() >= 2)
        .map_or(headline, |(head, _)| head.trim())
}

/// The part of a metadata title before its first ` - ` (a hyphen-minus between spaces), when
/// the part holds two words or more; applied only to titles no heading on the page shows. A
/// title the page never shows that still joins two phrases with a spaced hyphen once the site
/// name is gone carries a search tagline ("Small Business Accounting Software - Start for
/// Free", "NBA Standings - 2025-26 season"); headlines that use the hyphen themselves ("Friday
/// Facts #282 - 0.17 in sight") are shown in a heading and keep it. Typographic dashes are
/// left alone: they join headline clauses more often than taglines.
fn before_first_hyphen(title: &str) -> Option<&str> {
    let (head, tail) = title.split_once(" - ")?;
    // Between numbers the hyphen is a range ("Wochenbericht 14. - 20. Januar 2022").
    let is_range = head
        .trim_end_matches('.')
        .ends_with(|c: char| c.is_ascii_digit())
        && tail.starts_with(|c: char| c.is_ascii_digit());
    let head = head.trim();
    (!is_range && head.split_whitespace().count() >= 2).then_some(head)
}

/// The part of a headline before its first ` | `, when the part holds two words or more. A
/// bar left in a headline once the site name is gone joins the headline to search phrases
/// ("Carry On Luggage | American Tourister", "Stripe Payments | Global Payment Processing
/// Platform", "Best Movers in NYC 2025 | Top 19 Companies"), a section ("… | Opinion") or a
/// site name that was not recognised; headlines themselves use colons and dashes. In the
/// corpus the part before the bar is the annotated headline about four times as often as
/// the whole.
fn before_first_bar(title: &str) -> Option<&str> {
    let (head, _) = title.split_once(" | ")?;
    let head = head.trim();
    (head.split_whitespace().count() >= 2).then_some(head)
}

/// The metadata titles in their order of precedence (see the module docs), collapsed.
fn metadata_titles(ld: &JsonLdFacts, meta: &MetaFacts) -> Vec<(String, Source)> {
    [
        (ld.headline.as_deref(), Source::JsonLd),
        (meta.dc_title.as_deref(), Source::Meta),
        (meta.og_title.as_deref(), Source::OpenGraph),
        (meta.twitter_title.as_deref(), Source::Twitter),
        (meta.named_title.as_deref(), Source::Meta),
        (meta.document_title.as_deref(), Source::TitleElement),
        (ld.page_title.as_deref(), Source::JsonLd),
    ]
    .into_iter()
    .filter_map(|(title, source)| Some((collapse(title?), source)))
    .filter(|(title, _)| !title.is_empty() && !opens_with_separator(title))
    .filter(|(title, _)| {
        !(meta.document_title.as_deref()).is_some_and(|whole| is_cut_at_quote(title, whole))
    })
    .collect()
}

/// Whether a title opens with a bar, a dash or a bullet and a space ("| Nuts & Volts
/// Magazine", wcxb 4508): the template left out the page's own name and kept only the
/// site's. Quotation marks that also separate ("« Il faut agir » : …") may open a headline.
fn opens_with_separator(title: &str) -> bool {
    let mut chars = title.chars();
    matches!(chars.next(), Some('|' | '-' | '–' | '—' | '·' | '•')) && chars.next() == Some(' ')
}

/// Whether a meta title is the start of the document `<title>` cut where the `<title>` goes
/// on with a quotation mark: the publisher wrote the quote unescaped into the `content`
/// attribute, which ended there (`content="Senator calls Biden "incapacitated""`, trafilatura
/// 85bd20d5fe57).
fn is_cut_at_quote(title: &str, whole: &str) -> bool {
    whole
        .trim()
        .strip_prefix(title)
        .is_some_and(|rest| rest.trim_start().starts_with('"') && rest.starts_with(' '))
}

/// Whether the metadata title at `at` is dedicated to the article: not the document
/// `<title>`, and not the `name` of a JSON-LD page object (last in [`metadata_titles`]),
/// which may name any part of the page: toptal.com's `FAQPage` is "FAQs", the name of a
/// section heading (wcxb 0707).
fn is_dedicated(metadata_titles: &[(String, Source)], ld: &JsonLdFacts, at: usize) -> bool {
    let has_page_name = ld
        .page_title
        .as_deref()
        .is_some_and(|name| !collapse(name).is_empty());
    let is_page_name = has_page_name && at + 1 == metadata_titles.len();
    metadata_titles
        .get(at)
        .is_some_and(|(_, source)| *source != Source::TitleElement && !is_page_name)
}

/// What a heading shows before the part kept as its headline, when that part is a metadata
/// title: the headline, with a subtitle after it that the markup set apart like a kicker
/// ("Tagesschau unterschlägt Hass-Demo in Essen" + "Gebührenfinanzierte …", titled with the
/// first).
fn headline_before_subtitle(
    chosen: &Chosen,
    ld: &JsonLdFacts,
    meta: &MetaFacts,
    site_name: Option<&str>,
) -> Option<String> {
    let lead = chosen.shown.strip_suffix(chosen.title.as_str())?.trim();
    if chosen.heading.is_none() || lead.is_empty() {
        return None;
    }
    let titles = metadata_titles(ld, meta);
    let is_metadata_title = |text: &str| {
        (titles.iter()).any(|(title, _)| same_text(strip_site_name(title, site_name), text))
    };
    // The kept part being a metadata title too makes the lead a kicker after all.
    let is_headline = is_metadata_title(lead) && !is_metadata_title(&chosen.title);
    is_headline.then(|| lead.to_owned())
}

/// [`choose`] before a trailing tagline is cut off.
fn choose_whole(
    ld: &JsonLdFacts,
    meta: &MetaFacts,
    seen: &VisibleFacts,
    site_name: Option<&str>,
    url: Option<&Url>,
) -> Option<Chosen> {
    let metadata_titles = metadata_titles(ld, meta);
    let headings: Vec<&Heading> = seen.headings.iter().filter(|h| !h.is_chrome).collect();
    for (title, source) in &metadata_titles {
        log::trace!("title candidate {source:?}: {title}");
    }
    for heading in &seen.headings {
        log::trace!(
            "heading h{} chrome {} article {}: {}",
            heading.level,
            heading.is_chrome,
            heading.in_article,
            heading.text
        );
    }
    // A dedicated title (JSON-LD, OpenGraph, Twitter, Dublin Core) outranks the document
    // `<title>`: a heading that agrees with a dedicated title comes first, a kicker before
    // a dedicated title next, and an `h1` that agrees with `<title>` only after them.
    let dedicated: Vec<bool> = (0..metadata_titles.len())
        .map(|at| is_dedicated(&metadata_titles, ld, at))
        .collect();
    let has_dedicated = dedicated.contains(&true);
    // Each title without its site name, worked out once for all the headings.
    let cores: Vec<&str> = (metadata_titles.iter())
        .map(|(title, _)| strip_site_name(title, site_name))
        .collect();
    // Each title and heading normalised once for the agreement tests below, which compare
    // every heading with every title up to five times.
    let mut title_forms: Vec<TitleForms> = (metadata_titles.iter())
        .zip(&cores)
        .map(|((title, _), core)| TitleForms::new(title, core, site_name))
        .collect();
    // The rest after a colon names the headline only in a title written for the page: a
    // page object's `name` ("Messaging API: Business messaging that scales…", wcxb 0708)
    // pairs a product with the slogan its `h1` shows, while the dedicated title names it.
    for (forms, is_dedicated) in title_forms.iter_mut().zip(&dedicated) {
        if has_dedicated && !is_dedicated {
            forms.colon_rest_key = None;
        }
    }
    let site_key = site_name.map(same_text_key);
    let heading_forms: Vec<HeadingForms> = (headings.iter())
        .map(|heading| HeadingForms::new(&heading.text, site_key.as_deref()))
        .collect();
    let agreeing = |level_one: bool, with_document_title: bool, with_last_side: bool| {
        (headings.iter().zip(&heading_forms))
            .find(|(heading, shown)| {
                (heading.level == 1) == level_one
                    && (dedicated.iter().zip(&title_forms)).any(|(is_dedicated, title)| {
                        (with_document_title || !has_dedicated || *is_dedicated)
                            && title.agrees(shown, level_one)
                            && (with_last_side || !title.is_last_side(shown))
                    })
            })
            .map(|(heading, _)| *heading)
    };
    // A heading that shows only a title's last side names the site, the book or the docs in
    // a masthead ("The Rust Programming Language" for "What is Ownership? - The Rust
    // Programming Language", wcxb 0667) when another heading shows an earlier side.
    if let Some(heading) = agreeing(true, false, false)
        .or_else(|| agreeing(false, false, false))
        .or_else(|| agreeing(true, false, true))
        .or_else(|| agreeing(false, false, true))
    {
        return Some(from_heading(heading));
    }
    if let Some(chosen) = headline_after_kicker(&headings, &cores) {
        return Some(chosen);
    }
    if let Some(heading) = agreeing(true, true, true) {
        return Some(from_heading(heading));
    }
    let site_sides = stripped_sides(&metadata_titles, &cores);
    let first_h1 = headings.iter().find(|h| {
        h.level == 1
            && is_headline_like(&h.text, site_name)
            && !site_sides.iter().any(|side| same_text(side, &h.text))
    });
    // Pages that set many `h1`s (as a style) say less with the first one.
    let h1_count = headings.iter().filter(|h| h.level == 1).count();
    let names_the_same_story = |h1: &Heading| {
        metadata_titles.is_empty()
            || (is_dated_article(ld, meta, h1)
                && h1.text.split_whitespace().count() >= 4
                && h1_count <= 2)
            || cores.iter().any(|core| shares_most_words(core, &h1.text))
    };
    // Metadata that only labels the page ("Home", "Home - The GitHub Blog") names no content.
    let is_labelled_only = !cores.is_empty() && cores.iter().all(|core| is_page_label(core));
    if let Some(h1) = first_h1
        && (is_labelled_only
            || names_only_the_site(&metadata_titles, site_name, url)
            || ((!is_other_page(ld, meta)
                || h1.in_article
                || metadata_titles.is_empty()
                || cores.iter().any(|core| holds_every_word(&h1.text, core)))
                && names_the_same_story(h1)))
    {
        return Some(from_heading(h1));
    }
    from_metadata(&metadata_titles, is_labelled_only, site_name, url).or_else(|| {
        seen.headings
            .iter()
            .find(|h| h.level == 1)
            .map(from_heading)
    })
}

/// The first metadata title as the headline when no heading shows one: without its site name,
/// except on a home page whose title opens with it; the name beside a page label. A first
/// title that speaks to the reader yields to a later one that names the page
/// ([`names_the_page_over`]).
fn from_metadata(
    metadata_titles: &[(String, Source)],
    is_labelled_only: bool,
    site_name: Option<&str>,
    url: Option<&Url>,
) -> Option<Chosen> {
    let first = metadata_titles.first()?;
    let (title, source) = names_the_page_over(metadata_titles, site_name).unwrap_or(first);
    let title = if is_labelled_only {
        beside_page_label(metadata_titles).unwrap_or(title)
    } else if is_home_page(url) && site_name.is_some_and(|site| opens_with_site(title, site)) {
        title.trim()
    } else {
        strip_site_name(title, site_name)
    };
    Some(Chosen {
        title: title.to_owned(),
        shown: title.to_owned(),
        source: *source,
        heading: None,
    })
}

/// Words that address the reader or speak for the publisher, lowercase: a title holding one
/// is a pitch ("We're Really Good at Email", "Are you ready to adopt innovative HRMS
/// tools…?"), not the page's name.
const READER_WORDS: &[&str] = &[
    "we", "you", "your", "our", "us", "du", "dein", "deine", "wir", "unser", "unsere", "vous",
    "votre", "nous", "notre", "tu", "usted", "nuestro", "nuestra",
];

/// Whether a title addresses the reader or speaks for the publisher ([`READER_WORDS`]). "US"
/// in capitals is the country, not "us".
fn addresses_reader(title: &str) -> bool {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && *word != "US")
        .any(|word| READER_WORDS.contains(&word.to_lowercase().as_str()))
}

/// A later metadata title that names the page when the first one is a pitch to the reader: a
/// social card's `og:title` written as a slogan ("We're Really Good at Email | Mailchimp")
/// over the `<title>` "Email Marketing Tools | Mailchimp" (wcxb 0694, 4303). A later title
/// that is only the site's name is no better.
fn names_the_page_over<'m>(
    metadata_titles: &'m [(String, Source)],
    site_name: Option<&str>,
) -> Option<&'m (String, Source)> {
    let (first, later) = metadata_titles.split_first()?;
    if !addresses_reader(&first.0) {
        return None;
    }
    later.iter().find(|(title, _)| {
        let core = strip_site_name(title, site_name);
        !addresses_reader(title)
            && !core.is_empty()
            && !site_name.is_some_and(|site| same_text(core, site))
    })
}

/// Labels a site gives a page instead of a title, home pages above all, in the languages of
/// the corpus.
const PAGE_LABELS: &[&str] = &[
    "home",
    "homepage",
    "home page",
    "startseite",
    "accueil",
    "inicio",
    "welcome",
];

/// Whether a title is only a page label ("Home Page").
fn is_page_label(title: &str) -> bool {
    PAGE_LABELS.iter().any(|label| same_text(label, title))
}

/// What a metadata title says beside its page label: the site's name in "Home - The GitHub
/// Blog", the title a home page shows.
fn beside_page_label(metadata_titles: &[(String, Source)]) -> Option<&str> {
    metadata_titles.iter().find_map(|(title, _)| {
        separators_in(title).find_map(|separator| {
            let mut sides = title.split(separator).map(str::trim);
            let (first, second) = (sides.next()?, sides.next()?);
            let is_pair = sides.next().is_none();
            match (is_page_label(first), is_page_label(second)) {
                (true, false) if is_pair => Some(second),
                (false, true) if is_pair => Some(first),
                _ => None,
            }
        })
    })
}

/// Whether a page below the home page has no title but a `<title>` that opens with the
/// site's name ("Reddit - The heart of the internet" on a Reddit thread): a page shell that
/// keeps the home page's title for every page and dedicates none to this one, so the title
/// says nothing about it. A dedicated title in that form (an `og:title` of "Acme | Online
/// Therapy With A Licensed Therapist") was written for the page and stands.
fn names_only_the_site(
    metadata_titles: &[(String, Source)],
    site_name: Option<&str>,
    url: Option<&Url>,
) -> bool {
    let Some(site) = site_name else {
        return false;
    };
    url.is_some()
        && !is_home_page(url)
        && !metadata_titles.is_empty()
        && (metadata_titles.iter())
            .all(|(title, source)| *source == Source::TitleElement && opens_with_site(title, site))
}

/// Whether a URL is a site's home page: no path.
fn is_home_page(url: Option<&Url>) -> bool {
    url.is_some_and(|url| url.path().trim_matches('/').is_empty())
}

/// Whether the chosen title is a home page's metadata title that opens with the site's name.
/// A home page's title is the brand and its tagline ("Talkspace - #1 Rated Online Therapy",
/// "Alma — Simplifying Access to Therapy"; 10 `wcxb` home pages against 5 annotated with the
/// tagline alone): the brand is no site name to strip, nor the tagline
/// a search phrase to cut.
fn is_home_brand_title(chosen: &Chosen, site_name: Option<&str>, url: Option<&Url>) -> bool {
    chosen.heading.is_none()
        && is_home_page(url)
        && site_name.is_some_and(|site| opens_with_site(&chosen.title, site))
}

/// Whether a title's first side is the site's name ("Render | The cloud for builders").
fn opens_with_site(title: &str, site: &str) -> bool {
    separators_in(title).any(|separator| {
        title
            .split_once(separator)
            .is_some_and(|(first, _)| opens_with_site_name(first, site))
    })
}

/// Whether the page says it is a dated article: a JSON-LD article or an `og:type` of
/// `article`, or an `h1` inside an `<article>`, and a publication date in its metadata.
/// Service and shop pages carry article markup too, but seldom a date.
fn is_dated_article(ld: &JsonLdFacts, meta: &MetaFacts, h1: &Heading) -> bool {
    let says_article = ld.has_article
        || h1.in_article
        || meta
            .og_type
            .as_deref()
            .is_some_and(|kind| kind.eq_ignore_ascii_case("article"));
    let is_dated = ld.date_published.is_some()
        || meta
            .dates
            .iter()
            .any(|date| date.role == super::date::Role::Published);
    says_article && is_dated
}

/// Whether the page says it is not an article: an `og:type` other than `article` and no
/// JSON-LD article object. On such pages (shops, services, landing pages) the `h1` is often a
/// slogan and the metadata title names the page better.
fn is_other_page(ld: &JsonLdFacts, meta: &MetaFacts) -> bool {
    !ld.has_article
        && meta
            .og_type
            .as_deref()
            .is_some_and(|kind| !kind.eq_ignore_ascii_case("article"))
}

/// A heading that opens with a kicker and ends with a metadata title ("Klimaschutz: Bohren,
/// bis es heiß wird", "Nach Corona-Lockerungen Autohäuser rechnen …"): the title is the
/// headline, the kicker a label above it.
/// `cores` are the metadata titles without their site names.
fn headline_after_kicker(headings: &[&Heading], cores: &[&str]) -> Option<Chosen> {
    let cores: Vec<(&str, String)> = cores
        .iter()
        .map(|core| (*core, same_text_key(core)))
        .collect();
    headings
        .iter()
        .filter(|h| h.level <= 2)
        .find_map(|heading| {
            let heading_letters = same_text_key(&heading.text);
            cores.iter().find_map(|(core, core_letters)| {
                let kicker_len = heading_letters.len().checked_sub(core_letters.len())?;
                let is_kicker = core_letters.len() >= 15
                    && (6..=60).contains(&kicker_len)
                    && heading_letters.ends_with(core_letters.as_str());
                is_kicker.then(|| Chosen {
                    title: (*core).to_owned(),
                    shown: (*core).to_owned(),
                    source: Source::Markup,
                    heading: Some(heading.index),
                })
            })
        })
}

/// Whether two titles share at least half of the words of the shorter one, and two words at
/// least unless it has one: a rewrite of the
/// same headline ("Best Standing Desks" and "15 Best Standing Desks of 2025, Tested"), not a
/// different text ("About This Site" and "Daring Fireball: Colophon").
pub(crate) fn shares_most_words(a: &str, b: &str) -> bool {
    let (a, b) = (lowercase_words(a), lowercase_words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.is_empty() {
        return false;
    }
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared * 2 >= short.len() && (shared >= 2 || short.len() == 1)
}

/// Whether a heading holds every word of a title, in any order ("Online Graphic Design
/// Course" for "Graphic Design Course Online"), numbers aside: a page updated for a new year
/// often keeps the old one in its metadata ("Guide to filing your taxes in 2025" under the
/// `og:title` "… in 2024").
fn holds_every_word(heading: &str, title: &str) -> bool {
    let (heading, title) = (lowercase_words(heading), lowercase_words(title));
    let is_number = |word: &String| word.chars().all(|c| c.is_ascii_digit());
    !title.is_empty()
        && (title.iter())
            .filter(|word| !is_number(word))
            .all(|word| heading.contains(word))
}

/// The runs of letters and digits in a text, lowercased.
fn lowercase_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The parts that stripping the site name removed from the metadata titles: the blog name in
/// "Post title | Blog name". An `h1` saying one of them is the site's header, not the headline.
/// `cores` are the titles without their site names, in the same order.
fn stripped_sides(metadata_titles: &[(String, Source)], cores: &[&str]) -> Vec<String> {
    let mut sides = Vec::new();
    for ((title, _), &core) in metadata_titles.iter().zip(cores) {
        if core.len() == title.trim().len() {
            continue;
        }
        for separator in TITLE_SEPARATORS {
            for side in title.split(separator) {
                let side = side.trim();
                if !side.is_empty() && !same_text(side, core) && !core.contains(side) {
                    sides.push(side.to_owned());
                }
            }
        }
    }
    sides
}

/// The headline a heading shows, without a kicker label set apart in its markup.
fn from_heading(heading: &Heading) -> Chosen {
    Chosen {
        title: heading
            .after_kicker
            .as_ref()
            .unwrap_or(&heading.text)
            .clone(),
        shown: heading.text.clone(),
        source: Source::Markup,
        heading: Some(heading.index),
    }
}

/// Whether a heading shows a metadata title; `core` is the title without its site name
/// ([`strip_site_name`]). See [`TitleForms::agrees`].
#[cfg(test)]
fn agrees(title: &str, core: &str, heading: &str, is_h1: bool, site_name: Option<&str>) -> bool {
    let site_key = site_name.map(same_text_key);
    let heading = HeadingForms::new(heading, site_key.as_deref());
    TitleForms::new(title, core, site_name).agrees(&heading, is_h1)
}

/// A metadata title in the forms the agreement tests compare, worked out once.
struct TitleForms {
    /// [`same_text_key`] of the title and of its core (the title without its site name).
    key: String,
    core_key: String,
    /// [`prefix_letters`] of the title.
    prefix: Vec<char>,
    /// The key of the name before the core's only `": "`, if it has exactly one.
    colon_name_key: Option<String>,
    /// The key of what follows the core's only `": "`, if it has exactly one.
    colon_rest_key: Option<String>,
    /// The sides of the title at each separator it holds.
    sides: Vec<Side>,
    /// The key of the side after the title's last occurrence of each separator.
    last_side_keys: Vec<String>,
    /// The key of the core without the site's name written after it with no separator
    /// ("Trails GHORBA", "The Fold-and-Cut Problem (Erik Demaine)").
    unbranded_key: Option<String>,
}

/// One side of a title split at a separator.
struct Side {
    key: String,
    /// Letters and digits in the side as written.
    alphanumerics: usize,
    /// Whether the core's letters hold the side's: it is not the side taken off as the site.
    in_core: bool,
}

impl TitleForms {
    fn new(title: &str, core: &str, site_name: Option<&str>) -> TitleForms {
        let core_key = same_text_key(core);
        let separators: Vec<&str> = separators_in(title).collect();
        let colon = colon_sides(core);
        let sides = (separators.iter())
            .flat_map(|separator| title.split(separator))
            .map(|side| {
                let key = same_text_key(side);
                Side {
                    alphanumerics: side.chars().filter(|c| c.is_alphanumeric()).count(),
                    in_core: core_key.contains(&key),
                    key,
                }
            })
            .collect();
        TitleForms {
            key: same_text_key(title),
            prefix: prefix_letters(title),
            colon_name_key: colon.map(|(name, _)| same_text_key(name)),
            colon_rest_key: colon.map(|(_, rest)| same_text_key(rest)),
            sides,
            last_side_keys: (separators.iter())
                .filter_map(|separator| title.rsplit_once(separator))
                .map(|(_, last)| same_text_key(last))
                .collect(),
            unbranded_key: site_name.and_then(|site| without_trailing_site(core, site)),
            core_key,
        }
    }

    /// Whether the heading shows this title. An `h1` may show any side of the title that is
    /// not the site's name, however short ("Flexbox" for "Flexbox - Learn web development |
    /// MDN"); a subheading must show a side of some length.
    fn agrees(&self, heading: &HeadingForms, is_h1: bool) -> bool {
        if self.key == heading.key
            || self.core_key == heading.key
            || (is_h1 && self.unbranded_key.as_ref() == Some(&heading.key))
        {
            return true;
        }
        if is_close_prefix_of(&self.prefix, &heading.prefix)
            || is_close_prefix_of(&heading.prefix, &self.prefix)
        {
            return true;
        }
        // A name before a colon that a search phrase follows ("Hiking Boots: Shop Boots for
        // Hiking & Backpacking" over the `h1` "Hiking Boots"), unless the name is the site's.
        // Only one colon: a chain of them lists fields ("Product: Author: Amazon.com: Books").
        if is_h1 && !heading.is_site && self.colon_name_key.as_ref() == Some(&heading.key) {
            return true;
        }
        // The rest after a label and a colon ("Pressemitteilung: Endlich mehr Beschleunigung
        // wagen!", trafilatura 485fa7d9829d; "City of Marion Building Department: Home
        // Repair Assistance Program", wcxb 4554): the label names the kind of page or its
        // publisher, the `h1` shows the headline.
        if is_h1 && self.colon_rest_key.as_ref() == Some(&heading.key) {
            return true;
        }
        // One side of the title split at a separator ("Headline | Section | Site"), but not
        // the side taken off as the site name.
        self.sides.iter().any(|side| {
            (is_h1 || side.alphanumerics >= 8) && side.key == heading.key && side.in_core
        })
    }

    /// Whether the heading shows only the side after the title's last separator: neither
    /// the whole title nor the title without its site name.
    fn is_last_side(&self, heading: &HeadingForms) -> bool {
        self.key != heading.key
            && self.core_key != heading.key
            && self.last_side_keys.contains(&heading.key)
    }
}

/// The key of a title that ends with the site's name (or its domain's first label) written
/// after the headline with only a space or a bracket between: "Trails GHORBA" on
/// ghorba.org, "The Fold-and-Cut Problem (Erik Demaine)" on erikdemaine.org. A name written
/// before the headline is left: it is the brand of a product ("Gymshark Arrival T-Shirt",
/// "Stripe Payments").
fn without_trailing_site(core: &str, site: &str) -> Option<String> {
    let words = lowercase_words(core);
    let joined = words.concat();
    let domain_label = site.split_once('.').map(|(label, _)| label);
    [Some(site), domain_label]
        .into_iter()
        .flatten()
        .map(same_text_key)
        .filter(|name| name.chars().count() >= 3 && joined.ends_with(name.as_str()))
        .find_map(|name| {
            // The name may be spaced otherwise than in the title ("erikdemaine.org"), but it
            // must start where a word does: the words before it are the headline.
            let mut head = 0;
            words.split_last()?.1.iter().find_map(|word| {
                head += word.len();
                (joined[head..] == name).then(|| joined[..head].to_owned())
            })
        })
}

/// The name before a title's only `": "` and what follows it; `None` when the title holds
/// no such colon or a chain of them, which lists fields ("Product: Author: Amazon.com: Books").
fn colon_sides(core: &str) -> Option<(&str, &str)> {
    (core.matches(": ").count() == 1)
        .then(|| core.split_once(": "))
        .flatten()
}

/// A heading's text in the forms the agreement tests compare.
struct HeadingForms {
    key: String,
    prefix: Vec<char>,
    /// Whether the heading says the site's name.
    is_site: bool,
}

impl HeadingForms {
    /// `site_key` is the [`same_text_key`] of the site's name, worked out once for all the
    /// headings.
    fn new(text: &str, site_key: Option<&str>) -> HeadingForms {
        let key = same_text_key(text);
        HeadingForms {
            is_site: site_key.is_some_and(|site| site == key),
            prefix: prefix_letters(text),
            key,
        }
    }
}

/// Letters, digits and single spaces, lowercase: what [`is_close_prefix_of`] compares.
fn prefix_letters(s: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    let mut space_pending = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space_pending = !out.is_empty();
        } else if c.is_alphanumeric() {
            if space_pending {
                out.push(' ');
                space_pending = false;
            }
            // ASCII (most titles) without `to_lowercase`'s iterator.
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// Whether `short` opens `long` at a word boundary and carries most of its letters.
fn is_close_prefix_of(long: &[char], short: &[char]) -> bool {
    short.len() >= 15
        && long.len() > short.len()
        && long.starts_with(short)
        && long.get(short.len()) == Some(&' ')
        && short.len() * 10 >= long.len() * 7
}

/// Whether an `h1` that no metadata agrees with still reads as the headline: more than one
/// word, and not the site's name.
fn is_headline_like(text: &str, site_name: Option<&str>) -> bool {
    let words = text.split_whitespace().count();
    let is_site = site_name.is_some_and(|site| names_site(text, site));
    words >= 2 && text.chars().count() >= 10 && !is_site
}

/// The site's name as its `<title>` spells it, when one side of the title is the host name
/// written out ("Millbrook Gazette - Harbour board…" on `millbrookgazette.example`).
pub(crate) fn site_name_in_title(title: &str, host: &str) -> Option<String> {
    let label = same_text_key(host.split('.').next()?);
    if label.is_empty() {
        return None;
    }
    TITLE_SEPARATORS.iter().find_map(|separator| {
        title.split(separator).find_map(|part| {
            let part_letters = same_text_key(part);
            let matches = part_letters == label
                || part_letters
                    .strip_prefix("the")
                    .is_some_and(|rest| rest == label);
            let parts = title.split(separator).count();
            (matches && parts > 1).then(|| super::collapse(part))
        })
    })
}

/// Whether a text is the site name written as a domain ("example.com" for "Example").
fn is_domain_of(text: &str, site: &str) -> bool {
    let lower = text.to_lowercase();
    let label = lower.split('.').next().unwrap_or(&lower);
    !label.is_empty() && same_text(label, site)
}

/// Removes a site name before or after a separator. With a known site name, the side that is
/// the site name goes; without one, only a short last side goes when the other side is clearly
/// the longer headline (a short first side is as often a product or series name, "Firefox —
/// Customize and make it your own", as a site name).
pub(crate) fn strip_site_name<'t>(title: &'t str, site_name: Option<&str>) -> &'t str {
    let core = strip_site_sides(title, site_name);
    site_name
        .and_then(|site| goods_in_shop_phrase(core, site))
        .unwrap_or(core)
}

/// Verbs a shop's title opens with before the goods and the shop's name, lowercase.
const SHOP_VERBS: &[&str] = &["buy", "shop", "acheter", "comprar", "compra"];

/// Words joining the goods to the shop's name after one of the [`SHOP_VERBS`].
const SHOP_PREPOSITIONS: &[&str] = &[" at ", " from ", " on ", " chez ", " en ", " su "];

/// The goods a shop's title names between a verb and the shop's own name ("Buy Electric
/// Guitars at Thomann" on Musikhaus Thomann, "Shop Sennheiser at Headphones.com with 365-Day
/// Returns"): the rest is a call to buy, not the page's name. The shop may put its name
/// before the verb too ("Thomann Buy Microphones at Thomann").
fn goods_in_shop_phrase<'t>(title: &'t str, site: &str) -> Option<&'t str> {
    let (first, rest) = title.split_once(' ')?;
    let (verb, rest) = if names_site(first, site) {
        rest.split_once(' ')?
    } else {
        (first, rest)
    };
    if !SHOP_VERBS
        .iter()
        .any(|shop| verb.eq_ignore_ascii_case(shop))
    {
        return None;
    }
    SHOP_PREPOSITIONS.iter().find_map(|preposition| {
        let (goods, shop) = rest.split_once(preposition)?;
        let shop_name = shop.split_whitespace().next()?;
        let goods = goods.trim();
        (!goods.is_empty() && (names_site(shop_name, site) || names_site(shop, site)))
            .then_some(goods)
    })
}

/// [`strip_site_name`] before the goods are taken out of a shop's call to buy them.
fn strip_site_sides<'t>(title: &'t str, site_name: Option<&str>) -> &'t str {
    if let Some(site) = site_name
        && let Some(stripped) = (strip_known_site(title, site)
            .or_else(|| strip_site_at_bar(title, site)))
        .or_else(|| strip_domain_prefix(title, site))
    {
        return stripped;
    }
    for separator in separators_in(title) {
        let Some((head, tail)) = title.rsplit_once(separator) else {
            continue;
        };
        let head_words = head.split_whitespace().count();
        let tail_words = tail.split_whitespace().count();
        if tail_words <= 4 && head_words >= 3 && head_words >= tail_words * 2 {
            return head.trim();
        }
    }
    title.trim()
}

/// Removes the site's domain written before the headline with only a space between
/// ("davidbau.com Vibe Coding", wcxb 0452): a domain is never a product's brand as a name is
/// ("Stripe Payments").
fn strip_domain_prefix<'t>(title: &'t str, site: &str) -> Option<&'t str> {
    let (first, rest) = title.trim().split_once(' ')?;
    // "Amazon.com: Headphones" names the site before a separator, which the title keeps.
    let is_domain = first.contains('.')
        && first.ends_with(char::is_alphanumeric)
        && (same_text(first, site) || is_domain_of(first, site));
    let rest = rest.trim();
    (is_domain && !rest.is_empty()).then_some(rest)
}

/// Whether a title part names the site: the same words, its domain, or one holding the other
/// ("The Daily Planet" and "Daily Planet").
fn names_site(part: &str, site: &str) -> bool {
    /// Words a side may add around the site's name ("The Daily Planet Online").
    const MAX_EXTRA_WORDS: usize = 2;
    let part = part.trim();
    let (part_lower, name_lower) = (part.to_lowercase(), site.to_lowercase());
    let part_words = part.split_whitespace().count();
    let long_enough = part.chars().count() >= 3 && site.chars().count() >= 3;
    // A side that merely mentions the site is a headline about it: "How we designed
    // Dropbox's ATF" on the Dropbox blog, "Terminix discounts, coupons, and promo codes".
    // One that ends with the name is a tagline ("Today's latest from Al Jazeera").
    let holds_name = part_lower.contains(&name_lower)
        && (part_words <= site.split_whitespace().count() + MAX_EXTRA_WORDS
            || (part_lower.ends_with(&name_lower) && part_words <= 6));
    let is_held = name_lower.contains(&part_lower) && part_words <= 6;
    !part.is_empty()
        && (same_text(part, site)
            || is_domain_of(part, site)
            || (long_enough && (holds_name || is_held)))
}

/// Removes the site's exact name joined by an unspaced bar ("NEWS WEB EASY|子どもへの…"), as
/// titles in scripts without spaces between words write it.
fn strip_site_at_bar<'t>(title: &'t str, site: &str) -> Option<&'t str> {
    let (first, rest) = title.split_once('|')?;
    let (head, last) = title.rsplit_once('|')?;
    let stripped = if same_text(first, site) {
        rest
    } else if same_text(last, site) {
        head
    } else {
        return None;
    };
    let stripped = stripped.trim();
    (!stripped.is_empty()).then_some(stripped)
}

/// Whether the first side of a title is the site's name. Stricter than [`names_site`]: a first
/// side that holds the name among other words names a product or a series of the site
/// ("Visual Studio Community | Download…" on Visual Studio, "Nintendo Switch – OLED Model" on
/// Nintendo, "Gymshark Arrival T-Shirt - Black"), which the reader sees as the headline.
fn opens_with_site_name(first: &str, site: &str) -> bool {
    let first = first.trim();
    let lower = first.to_lowercase();
    let with_article = lower
        .strip_prefix("the ")
        .is_some_and(|rest| same_text(rest, site));
    let part_words = first.split_whitespace().count();
    let is_held =
        site.to_lowercase().contains(&lower) && part_words <= 6 && first.chars().count() >= 3;
    !first.is_empty()
        && (same_text(first, site) || is_domain_of(first, site) || with_article || is_held)
}

/// Removes the side that names the site, at the end or the start, with any separator.
fn strip_known_site<'t>(title: &'t str, site: &str) -> Option<&'t str> {
    for separator in separators_in(title) {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && names_site(tail, site)
            && !head.trim().is_empty()
        {
            // "Headline | Section | Site": strip the site, keep the rest for another pass.
            return Some(strip_known_site(head, site).unwrap_or(head.trim()));
        }
        if let Some((first, rest)) = title.split_once(separator)
            && opens_with_site_name(first, site)
            && !rest.trim().is_empty()
        {
            return Some(rest.trim());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_letters_lower_unicode_as_char_does() {
        let letters: String = prefix_letters("ÉTÉ İstanbul ΣΑΣ Ⅻ").into_iter().collect();
        assert_eq!(
            letters,
            "ÉTÉ İstanbul ΣΑΣ Ⅻ".to_lowercase().replace('ς', "σ")
        );
    }

    #[test]
    fn a_heading_saying_the_site_name_is_the_site() {
        let site_key = same_text_key("The Westbrook Herald");
        assert!(HeadingForms::new("the Westbrook-Herald", Some(&site_key)).is_site);
        assert!(!HeadingForms::new("Harbour fees rise", Some(&site_key)).is_site);
        assert!(!HeadingForms::new("The Westbrook Herald", None).is_site);
    }

    #[test]
    fn prefix_letters_keep_words_and_single_spaces() {
        let letters: String = prefix_letters("  Grab courier — flies\tto SINGAPORE!  ")
            .into_iter()
            .collect();
        assert_eq!(letters, "grab courier flies to singapore");
    }

    #[test]
    fn finds_the_site_name_spelled_out_in_the_title() {
        assert_eq!(
            site_name_in_title(
                "Millbrook Gazette - Harbour board raises mooring fees",
                "millbrookgazette.example"
            )
            .as_deref(),
            Some("Millbrook Gazette")
        );
        assert_eq!(
            site_name_in_title(
                "Council vote | The Westbrook Herald",
                "westbrookherald.example"
            )
            .as_deref(),
            Some("The Westbrook Herald")
        );
        assert_eq!(site_name_in_title("Just a headline", "example.com"), None);
    }

    fn seen(headings: &[(u8, &str)]) -> VisibleFacts {
        VisibleFacts {
            headings: headings
                .iter()
                .enumerate()
                .map(|(i, (level, text))| Heading {
                    index: i as u32,
                    level: *level,
                    text: (*text).to_owned(),
                    after_kicker: None,
                    is_chrome: false,
                    in_article: true,
                })
                .collect(),
            ..VisibleFacts::default()
        }
    }

    /// The headings, none of them inside an `<article>`.
    fn seen_outside_article(headings: &[(u8, &str)]) -> VisibleFacts {
        let mut seen = seen(headings);
        for heading in &mut seen.headings {
            heading.in_article = false;
        }
        seen
    }

    fn title_of(
        meta: &MetaFacts,
        headings: &[(u8, &str)],
        site: Option<&str>,
    ) -> Option<(String, Source)> {
        choose(&JsonLdFacts::default(), meta, &seen(headings), site, None)
            .map(|c| (c.title, c.source))
    }

    /// The title chosen on the page at `url` of the site named `site`.
    fn title_at(
        meta: &MetaFacts,
        headings: &[(u8, &str)],
        site: &str,
        url: &str,
    ) -> Option<String> {
        let url = Url::parse(url).ok();
        let ld = JsonLdFacts::default();
        choose(&ld, meta, &seen(headings), Some(site), url.as_ref()).map(|c| c.title)
    }

    #[test]
    fn the_h1_wins_when_metadata_agrees() {
        let meta = MetaFacts {
            document_title: Some("Putin won’t allow US to lecture Russia — RT World News".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(
            &meta,
            &[(1, "RT"), (1, "Putin won’t allow US to lecture Russia")],
            Some("RT"),
        );
        assert_eq!(
            chosen,
            Some((
                "Putin won’t allow US to lecture Russia".into(),
                Source::Markup
            ))
        );
    }

    #[test]
    fn dublin_core_outranks_open_graph() {
        let meta = MetaFacts {
            og_title: Some("A card title".into()),
            dc_title: Some("The formal title".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[(1, "Test page")], None);
        assert_eq!(chosen, Some(("The formal title".into(), Source::Meta)));
    }

    #[test]
    fn a_search_phrase_after_a_bar_is_cut_off() {
        let meta = MetaFacts {
            og_title: Some("Carry On Luggage | Light Cases for Every Trip".into()),
            ..MetaFacts::default()
        };
        assert_eq!(title_of(&meta, &[], None).unwrap().0, "Carry On Luggage");
        assert_eq!(before_first_bar("Jobs | Hacker News"), None);
        assert_eq!(before_first_bar("No bar – here"), None);
    }

    #[test]
    fn an_unshown_metadata_title_loses_its_hyphenated_tagline() {
        let meta = MetaFacts {
            og_title: Some("Small Business Accounting Software - Start for Free".into()),
            ..MetaFacts::default()
        };
        assert_eq!(
            title_of(&meta, &[], None).unwrap().0,
            "Small Business Accounting Software"
        );
        assert_eq!(
            before_first_hyphen("Wochenbericht 14. - 20. Januar 2022"),
            None
        );
        // Shown in a heading, the hyphen is the headline's own.
        let meta = MetaFacts {
            og_title: Some("Friday Facts #282 - 0.17 in sight".into()),
            ..MetaFacts::default()
        };
        let shown = title_of(&meta, &[(2, "Friday Facts #282 - 0.17 in sight")], None);
        assert_eq!(shown.unwrap().0, "Friday Facts #282 - 0.17 in sight");
    }

    #[test]
    fn a_vendor_meta_title_counts_as_metadata() {
        let meta = MetaFacts {
            named_title: Some("Some Other Title".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[(1, "Test document title")], None);
        assert_eq!(chosen.unwrap().0, "Some Other Title");
    }

    #[test]
    fn a_subheading_that_agrees_beats_metadata() {
        let meta = MetaFacts {
            og_title: Some("Holocaust-Gedenktag: Erinnerungskultur".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(
            &meta,
            &[(2, "Holocaust-Gedenktag: Erinnerungskultur")],
            None,
        );
        assert_eq!(chosen.unwrap().1, Source::Markup);
    }

    #[test]
    fn a_kicker_before_the_headline_is_dropped() {
        let meta = MetaFacts {
            og_title: Some("Bohren, bis es heiß wird | ZEIT ONLINE".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(
            &meta,
            &[(1, "Klimaschutz: Bohren, bis es heiß wird")],
            Some("ZEIT ONLINE"),
        );
        assert_eq!(chosen.unwrap().0, "Bohren, bis es heiß wird");
    }

    #[test]
    fn a_blog_name_in_the_h1_is_not_the_headline() {
        let meta = MetaFacts {
            document_title: Some(
                "Interning of Small Integers in Python | Four Years Remaining".into(),
            ),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[(1, "Four Years Remaining")], None);
        assert_eq!(chosen.unwrap().0, "Interning of Small Integers in Python");
    }

    #[test]
    fn the_visible_h1_beats_a_rewritten_og_title() {
        let meta = MetaFacts {
            og_title: Some("15 Best Standing Desks of 2025, Tested".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[(1, "Height Adjustable Standing Desks")], None);
        assert_eq!(chosen.unwrap().0, "Height Adjustable Standing Desks");
    }

    #[test]
    fn a_short_h1_may_show_one_side_of_the_title() {
        let meta = MetaFacts {
            og_title: Some("Flexbox - Learn web development | MDN".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[(1, "Flexbox")], Some("MDN"));
        assert_eq!(chosen, Some(("Flexbox".into(), Source::Markup)));
        // A subheading needs a side of some length to count as agreement.
        let chosen = title_of(&meta, &[(2, "Flexbox")], Some("MDN"));
        assert_eq!(chosen.unwrap().1, Source::OpenGraph);
    }

    #[test]
    fn a_headline_that_mentions_the_site_is_not_its_name() {
        assert!(names_site("The Daily Planet Online", "Daily Planet"));
        assert!(names_site("Today's latest from Al Jazeera", "Al Jazeera"));
        assert!(!names_site(
            "How we designed the new sync engine at Dropbox for millions of users",
            "Dropbox"
        ));
    }

    #[test]
    fn metadata_title_loses_its_site_suffix() {
        let meta = MetaFacts {
            document_title: Some("Storm hits the coast again | The Daily Planet".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[(1, "Daily Planet")], Some("The Daily Planet"));
        assert_eq!(
            chosen,
            Some(("Storm hits the coast again".into(), Source::TitleElement))
        );
    }

    #[test]
    fn a_masthead_showing_the_last_side_yields_to_the_headline() {
        let meta = MetaFacts {
            document_title: Some(
                "Defining Shared Behavior with Traits - The Rust Programming Language".into(),
            ),
            ..MetaFacts::default()
        };
        let headings = [
            (2, "Keyboard shortcuts"),
            (1, "The Rust Programming Language"),
            (2, "Defining Shared Behavior with Traits"),
        ];
        let chosen = title_of(&meta, &headings, Some("doc.rust-lang.org"));
        assert_eq!(chosen.unwrap().0, "Defining Shared Behavior with Traits");
        // Alone, a heading showing the last side still counts.
        let chosen = title_of(&meta, &[(1, "The Rust Programming Language")], None);
        assert_eq!(chosen.unwrap().1, Source::Markup);
    }

    #[test]
    fn a_page_label_is_no_headline() {
        let meta = MetaFacts {
            document_title: Some("Home".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[(1, "Time to say goodbye.")], None);
        assert_eq!(chosen.unwrap().0, "Time to say goodbye.");
        // Without a heading, the site's name beside the label is the title.
        let meta = MetaFacts {
            og_title: Some("Home".into()),
            document_title: Some("Home - The GitHub Blog".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[], Some("The GitHub Blog"));
        assert_eq!(chosen.unwrap().0, "The GitHub Blog");
    }

    #[test]
    fn a_home_page_keeps_its_brand_and_tagline() {
        let meta = MetaFacts {
            og_title: Some("BetterHelp | Professional Therapy With A Licensed Therapist".into()),
            ..MetaFacts::default()
        };
        let headings = [(1, "You deserve to be happy.")];
        let choose_at = |url: &str| title_at(&meta, &headings, "BetterHelp", url);
        assert_eq!(
            choose_at("https://www.betterhelp.com/").as_deref(),
            Some("BetterHelp | Professional Therapy With A Licensed Therapist")
        );
        // Below the home page the brand is the site's name and goes.
        assert_eq!(
            choose_at("https://www.betterhelp.com/get-started/").as_deref(),
            Some("Professional Therapy With A Licensed Therapist")
        );
    }

    #[test]
    fn a_shell_title_naming_only_the_site_yields_to_the_h1() {
        let meta = MetaFacts {
            document_title: Some("Reddit - The heart of the internet".into()),
            ..MetaFacts::default()
        };
        let headings = [(1, "Enameled Cast Iron Pan and Metal")];
        let choose_at = |url: &str| title_at(&meta, &headings, "Reddit", url);
        assert_eq!(
            choose_at("https://www.reddit.com/r/castiron/comments/1abc/pan/").as_deref(),
            Some("Enameled Cast Iron Pan and Metal")
        );
        // On the home page the brand and its tagline are the page's title.
        assert_eq!(
            choose_at("https://www.reddit.com/").as_deref(),
            Some("Reddit - The heart of the internet")
        );
    }

    #[test]
    fn an_aggregators_source_domain_leaves_the_headline() {
        let meta = MetaFacts {
            og_title: Some("Grads Find Degrees No Longer Guarantee Jobs - Slashdot".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(
            &meta,
            &[(
                1,
                "Grads Find Degrees No Longer Guarantee Jobs (latimes.com) 87",
            )],
            Some("Slashdot"),
        );
        assert_eq!(
            chosen.unwrap().0,
            "Grads Find Degrees No Longer Guarantee Jobs"
        );
        // A bracketed aside that is no host stays.
        for kept in [
            "Speed test of the new model (version 2.0)",
            "Building a REST API (Node.js)",
        ] {
            assert_eq!(without_source_domain(kept), kept);
        }
        assert_eq!(
            without_source_domain("Mars rover finds water (news.example.co.uk)"),
            "Mars rover finds water"
        );
    }

    #[test]
    fn a_heading_loses_the_site_name_after_its_last_separator() {
        let meta = MetaFacts {
            og_title: Some("Best UK Art Exhibitions 2025 – Artlyst - Artlyst".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(
            &meta,
            &[(1, "Best UK Art Exhibitions 2025 – Artlyst")],
            Some("Artlyst"),
        );
        assert_eq!(chosen.unwrap().0, "Best UK Art Exhibitions 2025");
    }

    #[test]
    fn a_meta_title_cut_at_an_unescaped_quote_yields_to_the_document_title() {
        let meta = MetaFacts {
            og_title: Some("Senator calls Biden".into()),
            document_title: Some("Senator calls Biden \"incapacitated\"".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[], None);
        assert_eq!(chosen.unwrap().0, "Senator calls Biden \"incapacitated\"");
    }

    #[test]
    fn a_name_before_a_colon_agrees_with_the_h1() {
        let meta = MetaFacts {
            og_title: Some("Hiking Boots: Shop Boots for Hiking & Backpacking | REI Co-op".into()),
            og_type: Some("website".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[(1, "Hiking Boots")], Some("REI Co-op"));
        assert_eq!(chosen, Some(("Hiking Boots".into(), Source::Markup)));
        // Not when the name is the site's: "From Zero to QED" heads every page of that book.
        let meta = MetaFacts {
            og_title: Some("From Zero to QED: An informal introduction to formality".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[(1, "From Zero to QED")], Some("From Zero to QED"));
        assert_eq!(chosen.unwrap().1, Source::OpenGraph);
        // Nor in a chain of colon-separated fields.
        let title = "Wireless Earbuds: Amazon.co.uk: Electronics & Photo";
        assert!(!agrees(title, title, "Wireless Earbuds", true, None));
        assert!(agrees(
            "Jimmy: The Ultimate Device Opener",
            "Jimmy: The Ultimate Device Opener",
            "Jimmy",
            true,
            None
        ));
    }

    #[test]
    fn the_rest_after_a_colon_agrees_with_the_h1() {
        // trafilatura 485fa7d9829d: the press office labels its titles, the `h1` does not.
        let meta = MetaFacts {
            og_title: Some("Pressemitteilung: Endlich mehr Beschleunigung wagen!".into()),
            og_type: Some("website".into()),
            ..MetaFacts::default()
        };
        // The `h1` stands outside any `<article>` on a page that says it is no article.
        let headings = seen_outside_article(&[(1, "Endlich mehr Beschleunigung wagen!")]);
        let chosen = choose(&JsonLdFacts::default(), &meta, &headings, None, None);
        assert_eq!(
            chosen.map(|c| (c.title, c.source)),
            Some(("Endlich mehr Beschleunigung wagen!".into(), Source::Markup))
        );
        // Not in a page object's `name` when a dedicated title names the page (wcxb 0708).
        let meta = MetaFacts {
            og_title: Some("Business Text Messaging | Twilio".into()),
            og_type: Some("website".into()),
            ..MetaFacts::default()
        };
        let ld = JsonLdFacts {
            page_title: Some("Messaging API: Business messaging that scales".into()),
            ..JsonLdFacts::default()
        };
        let headings = seen_outside_article(&[(1, "Business messaging that scales")]);
        let chosen = choose(&ld, &meta, &headings, Some("Twilio"), None);
        assert_eq!(chosen.unwrap().title, "Business Text Messaging");
        // Not a subheading, and not in a chain of colon-separated fields.
        let title = "Amazon.com: Wireless Earbuds: Electronics";
        assert!(!agrees(
            title,
            title,
            "Wireless Earbuds: Electronics",
            true,
            None
        ));
        let title = "Pressemitteilung: Endlich mehr Beschleunigung wagen!";
        assert!(!agrees(
            title,
            title,
            "Endlich mehr Beschleunigung wagen!",
            false,
            None
        ));
    }

    #[test]
    fn an_h1_holding_every_word_of_the_title_wins_on_any_page() {
        let meta = MetaFacts {
            og_title: Some("Graphic Design Course Online | Shillington".into()),
            og_type: Some("website".into()),
            ..MetaFacts::default()
        };
        let choose_outside_article = |h1: &str| {
            let mut headings = seen(&[(1, h1)]);
            headings
                .headings
                .iter_mut()
                .for_each(|h| h.in_article = false);
            let ld = JsonLdFacts::default();
            choose(&ld, &meta, &headings, Some("Shillington"), None).map(|c| (c.title, c.source))
        };
        assert_eq!(
            choose_outside_article("Online Graphic Design Course"),
            Some(("Online Graphic Design Course".into(), Source::Markup))
        );
        assert_eq!(
            choose_outside_article("Online Graphic Design Course 2026").map(|c| c.1),
            Some(Source::Markup)
        );
        assert!(holds_every_word(
            "Guide to filing your taxes in 2025",
            "Guide to filing your taxes in 2024"
        ));
        // Fewer words than the title on such a page: the metadata names it.
        assert_eq!(
            choose_outside_article("Design Courses").map(|c| c.1),
            Some(Source::OpenGraph)
        );
    }

    #[test]
    fn a_headline_set_apart_before_its_subtitle_is_kept() {
        // The heading's text, the part kept after a kicker-like lead, the JSON-LD headline.
        let title_for = |text: &str, after_kicker: &str, headline: &str, meta: &MetaFacts| {
            let seen = VisibleFacts {
                headings: vec![Heading {
                    index: 0,
                    level: 1,
                    text: text.to_owned(),
                    after_kicker: Some(after_kicker.to_owned()),
                    is_chrome: false,
                    in_article: true,
                }],
                ..VisibleFacts::default()
            };
            let ld = JsonLdFacts {
                headline: Some(headline.to_owned()),
                ..JsonLdFacts::default()
            };
            choose(&ld, meta, &seen, None, None).map(|c| c.title)
        };
        let headline = "Tagesschau unterschlägt Hass-Demo in Essen";
        let text = format!("{headline} Gebührenfinanzierte Verharmlosung");
        let chosen = title_for(
            &text,
            "Gebührenfinanzierte Verharmlosung",
            headline,
            &MetaFacts::default(),
        );
        assert_eq!(chosen.as_deref(), Some(headline));
        // When the metadata names the part after the lead too, the lead is a kicker.
        let meta = MetaFacts {
            og_title: Some("Einheit der Woche | Lagen-Pyramide mit GA2".into()),
            ..MetaFacts::default()
        };
        let kept = "Lagen-Pyramide mit GA2";
        let chosen = title_for(
            "Einheit der Woche Lagen-Pyramide mit GA2",
            kept,
            kept,
            &meta,
        );
        assert_eq!(chosen.as_deref(), Some(kept));
    }

    #[test]
    fn a_product_named_after_the_site_keeps_its_name() {
        let meta = MetaFacts {
            og_title: Some("Visual Studio Community | Download Latest Free Version".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[], Some("Visual Studio"));
        assert_eq!(chosen.unwrap().0, "Visual Studio Community");
        assert_eq!(
            strip_site_name("Nintendo Switch – OLED Model - Nintendo", Some("Nintendo")),
            "Nintendo Switch – OLED Model"
        );
        // The site's own name, with or without an article, still goes.
        assert_eq!(
            strip_site_name(
                "The Daily Planet | Storm hits the coast",
                Some("Daily Planet")
            ),
            "Storm hits the coast"
        );
        assert_eq!(
            strip_site_name("Nintendo - Switch games on sale", Some("Nintendo")),
            "Switch games on sale"
        );
    }

    #[test]
    fn an_h1_agrees_with_a_title_that_adds_the_site_name_after_a_space() {
        let meta = |title: &str| MetaFacts {
            og_title: Some(title.into()),
            og_type: Some("website".into()),
            ..MetaFacts::default()
        };
        let trails = title_of(&meta("Trails GHORBA"), &[(1, "Trails")], Some("GHORBA"));
        assert_eq!(trails, Some(("Trails".into(), Source::Markup)));
        let problem = title_of(
            &meta("The Fold-and-Cut Problem (Erik Demaine)"),
            &[
                (1, "Erik Demaine's Folding and Unfolding:"),
                (1, "The Fold-and-Cut Problem"),
            ],
            Some("erikdemaine.org"),
        );
        assert_eq!(problem.unwrap().0, "The Fold-and-Cut Problem");
        // A brand before the name is part of the product's name.
        let payments = title_of(&meta("Stripe Payments"), &[(1, "Payments")], Some("Stripe"));
        assert_eq!(payments.unwrap().0, "Stripe Payments");
    }

    #[test]
    fn a_title_without_its_headline_yields_to_the_h1() {
        let meta = MetaFacts {
            document_title: Some("| Nuts & Volts Magazine".into()),
            og_type: Some("article".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[(1, "Electronic Gadgets")], Some("Nuts and Volts"));
        assert_eq!(chosen.unwrap().0, "Electronic Gadgets");
        assert!(!opens_with_separator(
            "« Il faut agir » : le président parle"
        ));
    }

    #[test]
    fn a_pitch_to_the_reader_yields_to_the_document_title() {
        let meta = |og: &str, title: &str| MetaFacts {
            og_title: Some(og.into()),
            document_title: Some(title.into()),
            og_type: Some("website".into()),
            ..MetaFacts::default()
        };
        let headings = [(2, "Plans and pricing")];
        let email = meta(
            "We're Really Good at Email | Mailchimp",
            "Email Marketing Tools | Mailchimp",
        );
        let chosen = title_of(&email, &headings, Some("Mailchimp"));
        assert_eq!(chosen.unwrap().0, "Email Marketing Tools");
        // A document title that only names the site is no better.
        let site_only = meta("We're Really Good at Email", "Mailchimp");
        let chosen = title_of(&site_only, &headings, Some("Mailchimp"));
        assert_eq!(chosen.unwrap().0, "We're Really Good at Email");
        // "US" in capitals names the country: the headline is no pitch.
        let country = meta("US economy grows 3%", "Economy | Daily Planet");
        let chosen = title_of(&country, &headings, Some("Daily Planet"));
        assert_eq!(chosen.unwrap().0, "US economy grows 3%");
    }

    #[test]
    fn a_domain_before_the_headline_is_the_site() {
        let meta = MetaFacts {
            document_title: Some("davidbau.com Vibe Coding".into()),
            ..MetaFacts::default()
        };
        let chosen = title_of(&meta, &[(1, "davidbau.com")], Some("davidbau.com"));
        assert_eq!(chosen.unwrap().0, "Vibe Coding");
    }

    #[test]
    fn a_shops_call_to_buy_names_the_goods() {
        let meta = |og: &str, title: &str| MetaFacts {
            og_title: Some(og.into()),
            document_title: Some(title.into()),
            og_type: Some("product.group".into()),
            ..MetaFacts::default()
        };
        let guitars = title_of(
            &meta(
                "Thomann Buy Electric Guitars at Thomann",
                "Buy Electric Guitars at Thomann – Thomann UK",
            ),
            &[(1, "Electric Guitars"), (2, "Top Sellers")],
            Some("Musikhaus Thomann"),
        );
        assert_eq!(guitars, Some(("Electric Guitars".into(), Source::Markup)));
        let shop = "Shop Sennheiser at Headphones.com with 365-Day Returns";
        let sennheiser = title_of(
            &meta(shop, shop),
            &[(2, "Your cart")],
            Some("Headphones.com"),
        );
        assert_eq!(sennheiser.unwrap().0, "Sennheiser");
        // Without the shop's name after it, the verb is part of the name.
        let mac = title_of(&meta("Buy Mac at school", "Buy Mac"), &[], Some("Apple"));
        assert_eq!(mac.unwrap().0, "Buy Mac at school");
    }

    #[test]
    fn a_page_object_name_is_no_dedicated_title() {
        let ld = JsonLdFacts {
            page_title: Some("FAQs".into()),
            ..JsonLdFacts::default()
        };
        let meta = MetaFacts {
            og_title: Some("Hire the top 3% of the world's designers.".into()),
            og_type: Some("website".into()),
            ..MetaFacts::default()
        };
        let mut headings = seen(&[(1, "Hire the Top 3% of Designers"), (2, "FAQs")]);
        for heading in &mut headings.headings {
            heading.in_article = false;
        }
        let chosen = choose(&ld, &meta, &headings, None, None).unwrap();
        assert_eq!(chosen.title, "Hire the top 3% of the world's designers.");
    }

    #[test]
    fn strips_site_names_with_any_separator() {
        let cases = [
            (
                "Example News - Storm hits the coast again",
                Some("Example News"),
                "Storm hits the coast again",
            ),
            (
                "Storm hits the coast » Example",
                Some("Example"),
                "Storm hits the coast",
            ),
            (
                "Storm hits the coast · Politics · example.com",
                Some("Example"),
                "Storm hits the coast · Politics",
            ),
            (
                "Storm hits the coast again today | Daily",
                None,
                "Storm hits the coast again today",
            ),
            ("Video Games : Target", Some("Target"), "Video Games"),
            (
                "NEWS WEB EASY|子どもへの体罰を禁止する法律ができる",
                Some("NEWS WEB EASY"),
                "子どもへの体罰を禁止する法律ができる",
            ),
            ("No separator here", None, "No separator here"),
            (
                "Minecraft 1.8 - The Bountiful Update",
                None,
                "Minecraft 1.8 - The Bountiful Update",
            ),
        ];
        for (title, site, expected) in cases {
            assert_eq!(strip_site_name(title, site), expected, "{title}");
        }
    }
}
