//! Metadata: title, dates, authors, site name, language, description, lead image and
//! canonical URL, merged from every source in precedence order, each field recording its
//! [`Source`].
//!
//! Runs before cleaning, while the head, the JSON-LD and the bylines are all still in view.
//! Precedence, strongest first: JSON-LD ([`json_ld`]), meta tags ([`meta_tags`]), markup and
//! visible text ([`visible`]), the URL. The title is chosen by agreement: the page's `h1` when
//! it matches what the metadata says, else the metadata title without its site-name suffix.

pub(crate) mod date;
pub(crate) mod json_ld;
pub(crate) mod meta_tags;
pub(crate) mod title;
pub(crate) mod visible;

use url::Url;

use crate::document::Source;
use crate::page::Page;
use crate::timestamp::Timestamp;

/// The earliest plausible publication year on the web.
const MIN_PUBLICATION_YEAR: i16 = 1995;

/// Everything the metadata stage found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Metadata {
    pub(crate) title: Option<(String, Source)>,
    pub(crate) published: Option<(Timestamp, Source)>,
    pub(crate) modified: Option<(Timestamp, Source)>,
    pub(crate) authors: Option<(Vec<String>, Source)>,
    pub(crate) site_name: Option<(String, Source)>,
    pub(crate) language: Option<(String, Source)>,
    pub(crate) description: Option<(String, Source)>,
    pub(crate) image: Option<(Url, Source)>,
    /// The canonical URL, else the given one.
    pub(crate) url: Option<Url>,
    /// The base for resolving relative links.
    pub(crate) base: Option<Url>,
}

/// Reads a page's metadata. `url` is where the page came from, if known.
pub(crate) fn read(page: &Page<'_>, url: Option<&Url>) -> Metadata {
    let ld = json_ld::read(&page.json_ld);
    let meta = meta_tags::read(page);
    let language = language(&ld, &meta);
    let month_first = language
        .as_ref()
        .is_some_and(|(lang, _)| lang.eq_ignore_ascii_case("en-us"));
    let seen = visible::read(page, month_first);
    let base = base_url(&meta, url);
    let canonical = canonical_url(&ld, &meta, url);
    let site_name = site_name(&ld, &meta, canonical.as_ref().or(url));
    let title = title::choose(
        &ld,
        &meta,
        &seen,
        site_name.as_ref().map(|(s, _)| s.as_str()),
    );
    let (published, modified) = dates(&ld, &meta, &seen, url);
    Metadata {
        title,
        published,
        modified,
        authors: authors(&ld, &meta, &seen),
        site_name,
        language,
        description: description(&ld, &meta),
        image: image(&ld, &meta, base.as_ref()),
        url: canonical.or_else(|| url.cloned()),
        base,
    }
}

/// `<base href>` against the page URL, else the page URL.
fn base_url(meta: &meta_tags::MetaFacts, url: Option<&Url>) -> Option<Url> {
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
fn canonical_url(
    ld: &json_ld::JsonLdFacts,
    meta: &meta_tags::MetaFacts,
    url: Option<&Url>,
) -> Option<Url> {
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

fn site_name(
    ld: &json_ld::JsonLdFacts,
    meta: &meta_tags::MetaFacts,
    url: Option<&Url>,
) -> Option<(String, Source)> {
    if let Some(name) = &meta.site_name {
        return Some((name.clone(), Source::OpenGraph));
    }
    if let Some(name) = &ld.publisher {
        return Some((name.clone(), Source::JsonLd));
    }
    if let Some(name) = &meta.application_name {
        return Some((name.clone(), Source::Meta));
    }
    let host = url?.host_str()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    Some((host.to_owned(), Source::Url))
}

/// `<html lang>`, else `og:locale` (as a BCP 47 tag), else `Content-Language`, else JSON-LD.
fn language(ld: &json_ld::JsonLdFacts, meta: &meta_tags::MetaFacts) -> Option<(String, Source)> {
    let candidates = [
        (meta.html_lang.as_deref(), Source::Markup),
        (meta.locale.as_deref(), Source::OpenGraph),
        (meta.content_language.as_deref(), Source::Meta),
        (ld.language.as_deref(), Source::JsonLd),
    ];
    candidates.into_iter().find_map(|(value, source)| {
        let tag = value?.split([',', ';']).next()?.trim().replace('_', "-");
        let valid = !tag.is_empty()
            && tag.len() <= 35
            && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        valid.then_some((tag, source))
    })
}

fn description(ld: &json_ld::JsonLdFacts, meta: &meta_tags::MetaFacts) -> Option<(String, Source)> {
    meta.description
        .clone()
        .or_else(|| ld.description.clone().map(|d| (d, Source::JsonLd)))
        .map(|(text, source)| (collapse(&text), source))
}

fn image(
    ld: &json_ld::JsonLdFacts,
    meta: &meta_tags::MetaFacts,
    base: Option<&Url>,
) -> Option<(Url, Source)> {
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

/// A value with the source it came from.
type Sourced<T> = Option<(T, Source)>;

/// Published and modified dates, strongest source first, checked for sanity.
fn dates(
    ld: &json_ld::JsonLdFacts,
    meta: &meta_tags::MetaFacts,
    seen: &visible::VisibleFacts,
    url: Option<&Url>,
) -> (Sourced<Timestamp>, Sourced<Timestamp>) {
    let parse = |text: &str| date::parse_iso(text).or_else(|| date::parse_text(text, false));
    let published_candidates = [
        ld.date_published.as_deref().map(|d| (d, Source::JsonLd)),
        meta.published.as_ref().map(|(d, s)| (d.as_str(), *s)),
        seen.published_markup
            .as_deref()
            .map(|d| (d, Source::Markup)),
    ];
    let published = published_candidates
        .into_iter()
        .flatten()
        .find_map(|(text, source)| parse(text).filter(is_plausible).map(|t| (t, source)))
        .or_else(|| {
            seen.published_text
                .filter(is_plausible)
                .map(|t| (t, Source::VisibleText))
        })
        .or_else(|| {
            url.and_then(visible::date_in_url)
                .filter(is_plausible)
                .map(|t| (t, Source::Url))
        });
    let modified_candidates = [
        ld.date_modified.as_deref().map(|d| (d, Source::JsonLd)),
        meta.modified.as_ref().map(|(d, s)| (d.as_str(), *s)),
        seen.modified_markup.as_deref().map(|d| (d, Source::Markup)),
    ];
    let modified = modified_candidates
        .into_iter()
        .flatten()
        .find_map(|(text, source)| parse(text).filter(is_plausible).map(|t| (t, source)))
        .filter(|(modified, _)| {
            published
                .as_ref()
                .is_none_or(|(published, _)| published.to_datetime() <= modified.to_datetime())
        });
    (published, modified)
}

/// Not before the web had news pages, not after tomorrow.
fn is_plausible(stamp: &Timestamp) -> bool {
    let today = jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date();
    let tomorrow = today.tomorrow().ok();
    stamp.date().year() >= MIN_PUBLICATION_YEAR && tomorrow.is_none_or(|t| stamp.date() <= t)
}

fn authors(
    ld: &json_ld::JsonLdFacts,
    meta: &meta_tags::MetaFacts,
    seen: &visible::VisibleFacts,
) -> Option<(Vec<String>, Source)> {
    let candidates = [
        (&ld.authors, Source::JsonLd),
        (&meta.authors, Source::Meta),
        (&seen.bylines, Source::VisibleText),
    ];
    candidates.into_iter().find_map(|(names, source)| {
        let cleaned = title::clean_author_names(names);
        (!cleaned.is_empty()).then_some((cleaned, source))
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
        read(&Page::build(&parsed), url.as_ref())
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
}
