//! Metadata: title, dates, authors, site name, language, description, lead image, canonical
//! URL, section and tags, merged from every source, each field recording its [`Source`].
//!
//! Runs before cleaning, while the head, the JSON-LD and the bylines are all still in view.
//! The steps, in order:
//!
//! 1. Read the facts: JSON-LD ([`json_ld`]), meta and link tags ([`meta_tags`]), and what the
//!    page shows ([`visible`]: headings, date marks, bylines).
//! 2. Site name, canonical URL and declared language ([`language`]), which the later steps use.
//! 3. The headline ([`title`]), chosen by agreement between headings and metadata titles; its
//!    heading anchors the search for visible dates.
//! 4. Dates ([`date`]): every source becomes a weighted candidate; the choice applies the
//!    sanity rules against the reference time.
//! 5. Authors ([`authors`]): JSON-LD people, else meta authors, else bylines, cleaned; a
//!    JSON-LD organisation is used only when no person is named anywhere.
//! 6. The rest by precedence: description, image, section, tags.
//!
//! The body language is detected after extraction ([`detect_article_language`]) when the
//! page declares none.

pub(crate) mod authors;
pub(crate) mod date;
pub(crate) mod entities;
pub(crate) mod json_ld;
pub(crate) mod kicker;
pub(crate) mod language;
pub(crate) mod meta_tags;
pub(crate) mod title;
pub(crate) mod visible;

use url::Url;

use crate::document::Source;
use crate::page::Page;
use crate::timestamp::Timestamp;
use date::{Bounds, Candidate, DayOrder, Role, Sourced, weight};
use json_ld::JsonLdFacts;
use meta_tags::MetaFacts;
use visible::{Anchor, VisibleFacts};

/// Everything the metadata stage found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Metadata {
    pub(crate) title: Sourced<String>,
    /// The headline as its heading or metadata title shows it ([`title::Chosen::shown`]).
    pub(crate) shown_title: Option<String>,
    /// The element of the heading that shows the headline, when one does.
    pub(crate) title_heading: Option<u32>,
    pub(crate) published: Sourced<Timestamp>,
    pub(crate) modified: Sourced<Timestamp>,
    pub(crate) authors: Sourced<Vec<String>>,
    pub(crate) site_name: Sourced<String>,
    pub(crate) language: Sourced<String>,
    pub(crate) description: Sourced<String>,
    pub(crate) image: Sourced<Url>,
    pub(crate) section: Sourced<String>,
    pub(crate) tags: Sourced<Vec<String>>,
    /// The canonical URL, else the given one.
    pub(crate) url: Option<Url>,
    /// The base for resolving relative links.
    pub(crate) base: Option<Url>,
    /// The publisher's own body text (JSON-LD `articleBody`), when the page gives it.
    pub(crate) article_body: Option<String>,
    /// The JSON-LD says the page is a discussion (a forum thread, a Q&A page).
    pub(crate) is_discussion: bool,
}

/// Fills an extracted article's language from its body text when the page declares none:
/// the hand-off from extraction back to metadata.
pub(crate) fn detect_article_language(article: &mut crate::document::Article) {
    if article.language.is_none()
        && let Some((language, source)) =
            language::detect(&article.text_opening(language::MAX_DETECT_BYTES))
    {
        article.language = Some(language);
        article.sources.language = Some(source);
    }
}

/// Reads a page's metadata. `url` is where the page came from, if known; `reference` is the
/// time the page was fetched (or now): no date may be later, and relative dates count back
/// from it.
pub(crate) fn read(page: &Page<'_>, url: Option<&Url>, reference: jiff::Timestamp) -> Metadata {
    let meta = meta_tags::read(page);
    let ld = if meta.json_ld.is_empty() {
        json_ld::read(&page.json_ld)
    } else {
        let scripts: Vec<&str> = (page.json_ld.iter().copied())
            .chain(meta.json_ld.iter().map(String::as_str))
            .collect();
        json_ld::read(&scripts)
    };
    let mut seen = visible::read(page);
    let base = base_url(&meta, url);
    let canonical = canonical_url(&ld, &meta, url);
    let site_name = site_name(&ld, &meta, canonical.as_ref().or(url));
    let site = site_name.as_ref().map(|(s, _)| s.as_str());
    let language = language::declared(&ld, &meta);
    let chosen = title::choose(&ld, &meta, &seen, site, canonical.as_ref().or(url));
    let anchor = date_anchor(page, chosen.as_ref(), &seen);
    if let Some(headline) = anchor.filter(|a| a.is_headline) {
        visible::read_header_bylines(page, headline.index, &mut seen);
    }
    visible::read_labelled_byline(page, &mut seen);
    let order = day_order(
        language.as_ref().map(|(l, _)| l.as_str()),
        meta.locale.as_deref(),
    );
    let (published, modified) = dates(page, &ld, &meta, &seen, anchor, order, url, reference);
    Metadata {
        shown_title: chosen.as_ref().map(|c| c.shown.clone()),
        title_heading: chosen.as_ref().and_then(|c| c.heading),
        title: chosen.map(|c| (c.title, c.source)),
        published,
        modified,
        authors: authors(&ld, &meta, &seen, site),
        site_name,
        language,
        description: description(&ld, &meta),
        image: image(&ld, &meta, base.as_ref()),
        section: section(&ld, &meta),
        tags: tags(&ld, &meta),
        url: canonical.or_else(|| url.cloned()),
        base,
        article_body: ld.article_body.clone(),
        is_discussion: ld.is_discussion,
    }
}

/// `<base href>` against the page URL, else the page URL.
fn base_url(meta: &MetaFacts, url: Option<&Url>) -> Option<Url> {
    let base_href = meta.base_href.as_deref();
    match (base_href, url) {
        (Some(href), Some(url)) => url.join(href).ok().or_else(|| Some(url.clone())),
        (Some(href), None) => Url::parse(href).ok(),
        (None, Some(url)) => Some(url.clone()),
        (None, None) => None,
    }
}

/// `<link rel=canonical>`, else `og:url`, else JSON-LD `url`, resolved against the page URL;
/// only http(s) URLs count.
fn canonical_url(ld: &JsonLdFacts, meta: &MetaFacts, url: Option<&Url>) -> Option<Url> {
    [
        meta.canonical.as_deref(),
        meta.og_url.as_deref(),
        ld.url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .find_map(|href| {
        let parsed = match url {
            Some(url) => url.join(href).ok(),
            None => Url::parse(href).ok(),
        }?;
        matches!(parsed.scheme(), "http" | "https").then_some(parsed)
    })
}

/// `og:site_name`, else the JSON-LD publisher or `WebSite` name, else `application-name`, else
/// the host without `www.`.
fn site_name(ld: &JsonLdFacts, meta: &MetaFacts, url: Option<&Url>) -> Sourced<String> {
    let declared = [
        (meta.site_name.as_deref(), Source::OpenGraph),
        (ld.publisher.as_deref(), Source::JsonLd),
        (ld.website_name.as_deref(), Source::JsonLd),
        (meta.application_name.as_deref(), Source::Meta),
    ];
    if let Some((name, source)) = declared
        .into_iter()
        .find_map(|(name, source)| Some((collapse(name?), source)).filter(|(n, _)| !n.is_empty()))
    {
        return Some((name, source));
    }
    let host = url?.host_str()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    if let Some(name) = meta
        .document_title
        .as_deref()
        .and_then(|title| title::site_name_in_title(title, host))
    {
        return Some((name, Source::TitleElement));
    }
    Some((host.to_owned(), Source::Url))
}

/// Month-first numeric dates (`03/04/2021` is March 4) for US English pages; day first for
/// every other language, and when none is declared. A bare `en` takes its region from
/// `og:locale` (nationalgeographic.com: `lang="en"`, `og:locale` `en_US`,
/// `article:published_time` "03-09-2026" under "Published March 9, 2026").
fn day_order(language: Option<&str>, locale: Option<&str>) -> DayOrder {
    let Some(tag) = language else {
        return DayOrder::DayFirst;
    };
    let mut lower = tag.to_ascii_lowercase();
    if lower == "en"
        && let Some(locale) = locale.filter(|l| l.len() <= 5)
    {
        lower = locale.to_ascii_lowercase().replace('_', "-");
    }
    if lower == "en-us" || lower == "en-ph" {
        DayOrder::MonthFirst
    } else {
        DayOrder::DayFirst
    }
}

/// The page's first `h1` outside chrome, when it comes before the subheading at `index`
/// and shares most of its words with it: the header sits under the `h1`.
fn h1_above(seen: &VisibleFacts, index: u32) -> Option<u32> {
    let chosen = seen.headings.iter().find(|h| h.index == index)?;
    if chosen.level == 1 {
        return None;
    }
    let h1 = seen
        .headings
        .iter()
        .find(|h| h.level == 1 && !h.is_chrome)?;
    (h1.index < index && title::shares_most_words(&h1.text, &chosen.text)).then_some(h1.index)
}

/// The headline's heading anchors the visible-date search (or the `h1` above it that rewords
/// it, [`h1_above`]); else a heading that rewords the headline; else the page's only `h1`;
/// else the first `<article>`.
fn date_anchor(
    page: &Page<'_>,
    chosen: Option<&title::Chosen>,
    seen: &VisibleFacts,
) -> Option<Anchor> {
    let heading = chosen.and_then(|c| c.heading).or_else(|| {
        let title = &chosen?.shown;
        seen.headings
            .iter()
            .find(|h| !h.is_chrome && crate::page::text::same_text(&h.text, title))
            .map(|h| h.index)
            .or_else(|| element_showing(page, title))
            .or_else(|| rewording_heading(seen, title))
    });
    let heading = heading.map(|index| h1_above(seen, index).unwrap_or(index));
    heading
        .or_else(|| lone_headline(seen))
        .map(|index| Anchor {
            index,
            is_headline: true,
        })
        .or_else(|| {
            seen.article_start.map(|index| Anchor {
                index,
                is_headline: false,
            })
        })
}

/// The page's one `h1` outside chrome, when no heading agrees with the chosen title: a page
/// whose `<title>` and `og:title` were written for search ("How Does Robot Vacuum Mapping
/// Work") still sets its byline and date under the headline it shows ("How Do Vacuum Robots
/// with Mapping Navigate?"). With several `h1`s none is known to be the headline.
fn lone_headline(seen: &VisibleFacts) -> Option<u32> {
    let mut h1s = seen
        .headings
        .iter()
        .filter(|h| h.level == 1 && !h.is_chrome);
    let first = h1s.next()?;
    h1s.next().is_none().then_some(first.index)
}

/// The first `h1` or `h2` outside chrome that shares most of its words with a headline no
/// element shows as written: pages that take the headline from `<title>` often set a longer
/// or reworded one on the page ("Introducing the Spice Cayenne Data Accelerator" above
/// "Introducing Spice Cayenne: The Next-Generation Data Accelerator Built on Vortex"), and
/// the byline and date follow that heading.
fn rewording_heading(seen: &VisibleFacts, title: &str) -> Option<u32> {
    seen.headings
        .iter()
        .filter(|h| !h.is_chrome && h.level <= 2)
        .find(|h| title::shares_most_words(&h.text, title))
        .map(|h| h.index)
}

/// The first small element of the body whose text is the headline: pages without headings set
/// it in `<b>` or `<font>` (old table layouts), and the byline and date follow it there too.
fn element_showing(page: &Page<'_>, title: &str) -> Option<u32> {
    /// Elements spanning more nodes than this are containers, not the headline itself.
    const MAX_HEADLINE_NODES: u32 = 8;
    let title_chars = crate::page::Measure::of(title).chars;
    if title_chars == 0 {
        return None;
    }
    (0..page.nodes.len() as u32).find(|&index| {
        let node = &page.nodes[index as usize];
        if node.tag == crate::page::Tag::Text
            || node.flags.contains(crate::page::Flags::IN_HEAD)
            || node.end - index > MAX_HEADLINE_NODES
        {
            return false;
        }
        let chars: u32 = page.nodes[index as usize..node.end as usize]
            .iter()
            .map(|n| n.text.chars)
            .sum();
        chars == title_chars && crate::page::text::same_text(&page.text_of(index), title)
    })
}

/// Published and modified dates from every source; see [`date`].
#[allow(clippy::too_many_arguments)]
fn dates(
    page: &Page<'_>,
    ld: &JsonLdFacts,
    meta: &MetaFacts,
    seen: &VisibleFacts,
    anchor: Option<Anchor>,
    order: DayOrder,
    url: Option<&Url>,
    reference: jiff::Timestamp,
) -> (Sourced<Timestamp>, Sourced<Timestamp>) {
    let parse = |text: &str| date::parse_iso(text).or_else(|| date::text::parse_text(text, order));
    let mut candidates: Vec<Candidate> = Vec::new();
    let structured = [
        (
            ld.date_published.as_deref(),
            Role::Published,
            weight::JSON_LD_ARTICLE,
        ),
        (
            ld.date_created.as_deref(),
            Role::Published,
            weight::JSON_LD_OTHER,
        ),
        (
            ld.date_modified.as_deref(),
            Role::Modified,
            weight::JSON_LD_ARTICLE,
        ),
        (
            ld.page_date_published.as_deref(),
            Role::Published,
            weight::JSON_LD_OTHER,
        ),
        (
            ld.page_date_modified.as_deref(),
            Role::Modified,
            weight::JSON_LD_OTHER,
        ),
    ];
    for (text, role, strength) in structured {
        if let Some(stamp) = text.and_then(parse) {
            candidates.push(Candidate::new(stamp, role, Source::JsonLd, strength));
        }
    }
    for meta_date in &meta.dates {
        if let Some(stamp) = parse(&meta_date.text) {
            let candidate =
                Candidate::new(stamp, meta_date.role, meta_date.source, meta_date.weight);
            candidates.push(if meta_date.is_microdata {
                candidate.hidden()
            } else {
                candidate
            });
        }
    }
    if let Some(stamp) = date::state::published_in_state(&page.json_state) {
        candidates.push(Candidate::new(
            stamp,
            Role::Published,
            Source::Meta,
            weight::SCRIPT_STATE,
        ));
    }
    candidates.extend(visible::date_candidates(
        page, seen, anchor, order, reference,
    ));
    let url_date = visible::url_date(url);
    if let Some(day) = url_date {
        candidates.push(Candidate::new(
            Timestamp::from_date(day),
            Role::Published,
            Source::Url,
            weight::URL,
        ));
    }
    let bounds = Bounds {
        reference,
        is_archive: url.is_some_and(is_archive),
    };
    let url_month = url
        .filter(|_| url_date.is_none())
        .and_then(date::month_in_url);
    date::choose(&candidates, url_date, url_month, &bounds)
}

/// Whether a URL is an archive's: web archives and the archive sections of papers, where
/// pages from before the web are expected.
fn is_archive(url: &Url) -> bool {
    let host_says = url
        .host_str()
        .is_some_and(|host| host.split('.').any(|label| label.starts_with("archive")));
    let path_says = url.path_segments().is_some_and(|mut segments| {
        segments.any(|s| s.eq_ignore_ascii_case("archive") || s.eq_ignore_ascii_case("archives"))
    });
    host_says || path_says
}

/// JSON-LD people, else meta authors, else bylines; a JSON-LD organisation only when no
/// person is named anywhere.
fn authors(
    ld: &JsonLdFacts,
    meta: &MetaFacts,
    seen: &VisibleFacts,
    site_name: Option<&str>,
) -> Sourced<Vec<String>> {
    let bylines: Vec<String> = seen
        .bylines
        .iter()
        .chain(&seen.header_bylines)
        .map(|(_, text)| text.clone())
        .collect();
    let none = Vec::new();
    let (people, organisations) = if ld.authors_are_organisations {
        (&none, &ld.authors)
    } else {
        (&ld.authors, &none)
    };
    let candidates = [
        (people, Source::JsonLd),
        (&meta.authors, Source::Meta),
        (&bylines, Source::VisibleText),
        (organisations, Source::JsonLd),
    ];
    // Organisations (a "GmbH", a domain) stand in only when no source names a person.
    let mut fallback = None;
    for (names, source) in candidates {
        // A JSON-LD Person named like the site is the author of a personal site; anywhere
        // else a byline equal to the site's name names the publisher.
        let is_person = source == Source::JsonLd && std::ptr::eq(names, people);
        let site = if is_person { None } else { site_name };
        let cleaned = authors::clean_author_names(names, site);
        if cleaned.is_empty() {
            continue;
        }
        if cleaned.iter().all(|name| authors::is_organisation(name)) {
            fallback.get_or_insert((cleaned, source));
            continue;
        }
        return Some((cleaned, source));
    }
    fallback
}

fn description(ld: &JsonLdFacts, meta: &MetaFacts) -> Sourced<String> {
    meta.description
        .clone()
        .or_else(|| ld.description.clone().map(|d| (d, Source::JsonLd)))
        .map(|(text, source)| (collapse(&text), source))
        .filter(|(text, _)| !text.is_empty())
}

fn image(ld: &JsonLdFacts, meta: &MetaFacts, base: Option<&Url>) -> Sourced<Url> {
    let candidates = meta
        .image
        .iter()
        .map(|(url, source)| (url.as_str(), *source))
        .chain(ld.image.iter().map(|url| (url.as_str(), Source::JsonLd)));
    for (href, source) in candidates {
        let parsed = match base {
            Some(base) => base.join(href.trim()).ok(),
            None => Url::parse(href.trim()).ok(),
        };
        if let Some(parsed) = parsed.filter(|u| matches!(u.scheme(), "http" | "https")) {
            return Some((parsed, source));
        }
    }
    None
}

/// JSON-LD `articleSection`, else `article:section` and its kin.
fn section(ld: &JsonLdFacts, meta: &MetaFacts) -> Sourced<String> {
    ld.section
        .as_deref()
        .map(|s| (collapse(s), Source::JsonLd))
        .or_else(|| {
            meta.section
                .as_deref()
                .map(|s| (collapse(s), Source::OpenGraph))
        })
        .filter(|(s, _)| !s.is_empty())
}

/// `article:tag` values, else JSON-LD `keywords`, else `keywords`/`news_keywords`; trimmed
/// and without duplicates.
fn tags(ld: &JsonLdFacts, meta: &MetaFacts) -> Sourced<Vec<String>> {
    let lists = [
        (&meta.tags, Source::OpenGraph),
        (&ld.keywords, Source::JsonLd),
        (&meta.keywords, Source::Meta),
    ];
    lists.into_iter().find_map(|(list, source)| {
        let mut tags: Vec<String> = Vec::new();
        // One `article:tag` sometimes lists them all: "Rivers,Water,Pollution".
        for tag in list.iter().flat_map(|tag| tag.split([',', ';'])) {
            let tag = collapse(tag);
            if !tag.is_empty() && !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
        (!tags.is_empty()).then_some((tags, source))
    })
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::page::text::push_collapsed(&mut out, text);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn metadata(html: &str, url: Option<&str>) -> Metadata {
        let parsed = Html::parse_document(html);
        let url = url.map(|u| Url::parse(u).unwrap());
        let reference = "2024-01-01T00:00:00Z".parse().unwrap();
        read(&Page::build(&parsed), url.as_ref(), reference)
    }

    #[test]
    fn json_ld_date_wins_over_meta_and_visible_text() {
        let found = metadata(
            r#"<head><script type="application/ld+json">
            {"@type":"NewsArticle","datePublished":"2021-03-30T11:49:00+00:00"}</script>
            <meta property="article:published_time" content="2021-03-29"></head>
            <body><h1>T</h1><p>1 April 2021</p></body>"#,
            None,
        );
        let (published, source) = found.published.unwrap();
        assert_eq!(published.to_string(), "2021-03-30T11:49:00+00:00");
        assert_eq!(source, Source::JsonLd);
    }

    #[test]
    fn reads_json_ld_written_into_a_meta() {
        let found = metadata(
            r#"<head><meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,
            &quot;datePublished&quot;:&quot;2023-11-17T09:00:00-05:00&quot;}"></head>
            <body><h1>T</h1><p>Text</p></body>"#,
            None,
        );
        let (published, source) = found.published.unwrap();
        assert_eq!(published.to_string(), "2023-11-17T09:00:00-05:00");
        assert_eq!(source, Source::JsonLd);
    }

    #[test]
    fn a_heading_that_rewords_the_title_anchors_the_date() {
        let found = metadata(
            "<head><title>Introducing the Cayenne Data Accelerator | Spice</title></head>
            <body><h2>Introducing Cayenne: The Data Accelerator Built for Scale</h2>
            <div><p>Luke Kim</p><small>December 17, 2023</small></div>
            <p>Body text of the announcement.</p></body>",
            None,
        );
        let (published, source) = found.published.unwrap();
        assert_eq!(published.date().to_string(), "2023-12-17");
        assert_eq!(source, Source::VisibleText);
    }

    #[test]
    fn the_h1_above_a_subheading_showing_the_title_anchors_the_date() {
        // ecovacs.com (wcxb 4809): the `og:title` is a section's `h2` far below the `h1`
        // that rewords it, and the date sits under the `h1`.
        let paragraphs = "<p>Running text of the article, one of many paragraphs.</p>".repeat(60);
        let found = metadata(
            &format!(
                r#"<head><meta property="og:title" content="How Does Robot Vacuum Mapping Work">
                </head><body><h1>How Do Vacuum Robots with Mapping Navigate?</h1>
                <h5><span>2023-11-06</span></h5>{paragraphs}
                <h2>How Does Robot Vacuum Mapping Work</h2><p>More text.</p></body>"#
            ),
            None,
        );
        let (published, _) = found.published.unwrap();
        assert_eq!(published.date().to_string(), "2023-11-06");
    }

    #[test]
    fn a_lone_h1_anchors_the_date_when_no_heading_matches_the_title() {
        let page = |second_h1: &str| {
            metadata(
                &format!(
                    "<head><title>Time to say goodbye</title></head>
                    <body><h1>Our old shop closes</h1>{second_h1}
                    <div><p>Category: News</p><small>10.09.2017</small></div>
                    <p>Body text of the post, long enough to be a paragraph.</p></body>"
                ),
                None,
            )
        };
        let (published, source) = page("").published.unwrap();
        assert_eq!(published.date().to_string(), "2017-09-10");
        assert_eq!(source, Source::VisibleText);
        // Two `h1`s: neither is known to be the headline, and nothing anchors the search.
        assert_eq!(page("<h1>Also here</h1>").published, None);
    }

    #[test]
    fn reads_the_open_graph_and_itemprop_dates() {
        let found = metadata(
            r#"<head><meta property="article:published_time" content="2021-03-30T11:49:00+01:00">
            <meta property="article:modified_time" content="2021-03-31T09:00:00+01:00"></head>"#,
            None,
        );
        assert_eq!(found.published.map(|p| p.1), Some(Source::OpenGraph));
        assert_eq!(
            found.modified.map(|m| m.0.to_string()).as_deref(),
            Some("2021-03-31T09:00:00+01:00")
        );
        let found = metadata(
            r#"<body><h1>Headline here</h1><span itemprop="dateModified" content="2021-04-01"></span>
            <span itemprop="datePublished" content="2021-03-30">30 March</span></body>"#,
            None,
        );
        assert_eq!(
            found.published.map(|p| (p.0.to_string(), p.1)),
            Some(("2021-03-30".into(), Source::Markup))
        );
        assert_eq!(
            found.modified.map(|m| m.0.to_string()).as_deref(),
            Some("2021-04-01")
        );
    }

    #[test]
    fn an_update_shown_alone_over_a_microdata_meta_publication_is_the_publication() {
        // leadfeeder.com (wcxb 0171): the publication sits in a hidden microdata `<meta>`,
        // the header shows only the update.
        let page = |shown: &str| {
            metadata(
                &format!(
                    r#"<body><div itemscope itemtype="https://schema.org/BlogPosting">
                    <meta itemprop="datePublished" content="2022-05-09">
                    <meta itemprop="dateModified" content="2023-12-16">
                    <h1>State of the craft</h1>{shown}
                    <p>Body text of the post, long enough to be a paragraph.</p></div></body>"#
                ),
                None,
            )
        };
        let found = page(r#"<div class="post-updated">Updated 16 December 2023</div>"#);
        let (published, _) = found.published.unwrap();
        assert_eq!(published.date().to_string(), "2023-12-16");
        // A publication shown too keeps its day.
        let found = page(
            r#"<div class="post-updated">Updated 16 December 2023</div>
            <time datetime="2022-05-09">May 9, 2022</time>"#,
        );
        let (published, _) = found.published.unwrap();
        assert_eq!(published.date().to_string(), "2022-05-09");
    }

    #[test]
    fn reads_dublin_core_and_vendor_names() {
        let found = metadata(
            r#"<head><meta name="DC.date.issued" content="2021-03-30"></head>"#,
            None,
        );
        assert_eq!(
            found.published.map(|p| p.0.to_string()).as_deref(),
            Some("2021-03-30")
        );
        let found = metadata(
            r#"<head><meta name="parsely-pub-date" content="2021-03-30T10:00:00Z"></head>"#,
            None,
        );
        assert_eq!(found.published.map(|p| p.1), Some(Source::Meta));
    }

    #[test]
    fn falls_back_to_the_url_date() {
        let found = metadata("<body><p>x</p></body>", Some("https://x.com/2021/03/30/a"));
        assert_eq!(found.published.map(|p| p.1), Some(Source::Url));
    }

    #[test]
    fn drops_implausible_dates() {
        let found = metadata(
            r#"<head><meta name="date" content="1970-01-01"></head><body></body>"#,
            None,
        );
        assert!(found.published.is_none());
        let found = metadata(
            r#"<head><meta name="date" content="2030-01-01"></head><body></body>"#,
            None,
        );
        assert!(found.published.is_none());
    }

    #[test]
    fn archives_may_hold_old_dates() {
        let html = r#"<head><meta name="dc.date.issued" content="1912-04-15"></head>"#;
        assert!(
            metadata(html, Some("https://example.com/news/titanic"))
                .published
                .is_none()
        );
        assert!(
            metadata(html, Some("https://archive.example.com/news/titanic"))
                .published
                .is_some()
        );
    }

    #[test]
    fn modified_before_published_is_dropped() {
        let found = metadata(
            r#"<head><meta property="article:published_time" content="2021-03-30">
            <meta property="article:modified_time" content="2021-03-01"></head>"#,
            None,
        );
        assert!(found.published.is_some());
        assert!(found.modified.is_none());
    }

    #[test]
    fn resolves_canonical_base_and_site_name() {
        let found = metadata(
            r#"<head><link rel="canonical" href="/story"><base href="/static/"></head>"#,
            Some("https://www.example.com/a/b?x=1"),
        );
        assert_eq!(found.url.unwrap().as_str(), "https://www.example.com/story");
        assert_eq!(
            found.base.unwrap().as_str(),
            "https://www.example.com/static/"
        );
        assert_eq!(found.site_name, Some(("example.com".into(), Source::Url)));
    }

    #[test]
    fn normalises_locale_to_a_language_tag() {
        let found = metadata(
            r#"<head><meta property="og:locale" content="de_DE"></head>"#,
            None,
        );
        assert_eq!(found.language, Some(("de-DE".into(), Source::OpenGraph)));
    }

    #[test]
    fn us_english_reads_numeric_dates_month_first() {
        let html = |lang: &str| {
            format!(
                r#"<html lang="{lang}"><body><h1>A headline of note</h1>
                <p class="date">03/04/2021</p></body></html>"#
            )
        };
        let date = |lang: &str| {
            metadata(&html(lang), None)
                .published
                .map(|p| p.0.to_string())
        };
        assert_eq!(date("en-US").as_deref(), Some("2021-03-04"));
        assert_eq!(date("en-GB").as_deref(), Some("2021-04-03"));
    }

    #[test]
    fn bare_english_takes_its_region_from_the_locale() {
        let html = |locale: &str| {
            format!(
                r#"<html lang="en"><head><meta property="og:locale" content="{locale}">
                <meta property="article:published_time" content="03-09-2023"></head>
                <body><h1>A headline of note</h1></body></html>"#
            )
        };
        let date = |locale: &str| {
            metadata(&html(locale), None)
                .published
                .map(|p| p.0.date().to_string())
        };
        assert_eq!(date("en_US").as_deref(), Some("2023-03-09"));
        assert_eq!(date("en_GB").as_deref(), Some("2023-09-03"));
    }

    #[test]
    fn authors_prefer_people_and_skip_the_site() {
        let found = metadata(
            r#"<head><meta property="og:site_name" content="The Daily">
            <meta name="author" content="The Daily">
            <script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"The Daily"}}</script>
            </head><body><h1>A headline of note</h1><p class="byline">By Jane Doe</p></body>"#,
            None,
        );
        assert_eq!(
            found.authors,
            Some((vec!["Jane Doe".into()], Source::VisibleText))
        );
    }

    #[test]
    fn reads_section_and_tags() {
        let found = metadata(
            r#"<head><meta property="article:section" content="World">
            <meta name="keywords" content="storm, coast, Storm"></head>"#,
            None,
        );
        assert_eq!(found.section, Some(("World".into(), Source::OpenGraph)));
        assert_eq!(
            found.tags,
            Some((vec!["storm".into(), "coast".into()], Source::Meta))
        );
    }

    #[test]
    fn detects_the_language_only_when_none_is_declared() {
        let english = "This is plainly an English text, written so that the detector can be \
                       sure of the language it is in.";
        let mut article = crate::document::Article {
            language: Some("fr".into()),
            blocks: vec![crate::document::Block::Paragraph(
                crate::document::Inline::plain(english),
            )],
            ..crate::document::Article::default()
        };
        detect_article_language(&mut article);
        assert_eq!(article.language.as_deref(), Some("fr"));
        article.language = None;
        detect_article_language(&mut article);
        assert_eq!(article.language.as_deref(), Some("en"));
        assert_eq!(article.sources.language, Some(Source::Detected));
    }
}
