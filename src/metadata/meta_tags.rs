//! `<meta>` and `<link>` tags: `OpenGraph`, Twitter cards, Dublin Core, `itemprop` and the
//! vendor names news CMSs use, plus the canonical link, `<base href>` and `<html lang>`.

use super::date::{Role, weight};
use super::entities;
use crate::document::Source;
use crate::page::{Flags, Page, Tag};

/// Meta names giving the publication date, with their source and weight. `OpenGraph`'s own
/// names first, then the vendor and Dublin Core names that mean the publication, then generic
/// names (`date`, `dc.date`) that may be any date of the page.
const PUBLISHED_NAMES: &[(&str, Source, u8)] = &[
    (
        "article:published_time",
        Source::OpenGraph,
        weight::OPEN_GRAPH,
    ),
    (
        "og:article:published_time",
        Source::OpenGraph,
        weight::OPEN_GRAPH,
    ),
    ("og:published_time", Source::OpenGraph, weight::OPEN_GRAPH),
    ("article:published", Source::Meta, weight::META_NAMED),
    ("datepublished", Source::Meta, weight::META_NAMED),
    ("article.published", Source::Meta, weight::META_NAMED),
    ("published_time", Source::Meta, weight::META_NAMED),
    ("published-date", Source::Meta, weight::META_NAMED),
    ("publishdate", Source::Meta, weight::META_NAMED),
    ("publish-date", Source::Meta, weight::META_NAMED),
    ("publish_date", Source::Meta, weight::META_NAMED),
    ("pubdate", Source::Meta, weight::META_NAMED),
    ("parsely-pub-date", Source::Meta, weight::META_NAMED),
    ("sailthru.date", Source::Meta, weight::META_NAMED),
    ("dc.date.issued", Source::Meta, weight::META_NAMED),
    ("dcterms.issued", Source::Meta, weight::META_NAMED),
    ("dc.date.created", Source::Meta, weight::META_NAMED),
    ("dcterms.created", Source::Meta, weight::META_NAMED),
    (
        "citation_publication_date",
        Source::Meta,
        weight::META_NAMED,
    ),
    ("citation_date", Source::Meta, weight::META_NAMED),
    ("original-publish-date", Source::Meta, weight::META_NAMED),
    (
        "cxenseparse:recs:publishtime",
        Source::Meta,
        weight::META_NAMED,
    ),
    ("bt:pubdate", Source::Meta, weight::META_NAMED),
    ("article_date_original", Source::Meta, weight::META_NAMED),
    ("displaydate", Source::Meta, weight::META_NAMED),
    ("date_published", Source::Meta, weight::META_NAMED),
    ("datecreated", Source::Meta, weight::META_GENERIC),
    ("creation_date", Source::Meta, weight::META_GENERIC),
    ("dc.date", Source::Meta, weight::META_GENERIC),
    ("dcterms.date", Source::Meta, weight::META_GENERIC),
    ("date", Source::Meta, weight::META_GENERIC),
    // DocFX and Microsoft Learn: the date the article was written or last reviewed.
    ("ms.date", Source::Meta, weight::META_GENERIC),
];

/// Meta names giving the modification date, with their source and weight.
const MODIFIED_NAMES: &[(&str, Source, u8)] = &[
    (
        "article:modified_time",
        Source::OpenGraph,
        weight::OPEN_GRAPH,
    ),
    ("og:updated_time", Source::OpenGraph, weight::OPEN_GRAPH),
    ("article:modified", Source::Meta, weight::META_NAMED),
    ("datemodified", Source::Meta, weight::META_NAMED),
    ("dcterms.modified", Source::Meta, weight::META_NAMED),
    ("dc.date.modified", Source::Meta, weight::META_NAMED),
    ("last-modified", Source::Meta, weight::META_NAMED),
    ("lastmod", Source::Meta, weight::META_NAMED),
    ("revised", Source::Meta, weight::META_GENERIC),
];

/// Meta names giving the author, strongest first.
const AUTHOR_NAMES: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
    "citation_author",
    "twitter:creator",
];

/// Meta names whose content is one author written "Family, Given" (citation and Dublin Core
/// metadata for scholarly pages).
const INVERTED_AUTHOR_NAMES: &[&str] = &["citation_author", "dc.creator", "dcterms.creator"];

/// Meta names giving the section of the site the article belongs to.
const SECTION_NAMES: &[&str] = &[
    "article:section",
    "section",
    "parsely-section",
    "sailthru.section",
    "article.section",
];

/// Meta names giving the article's tags or keywords.
const TAG_NAMES: &[&str] = &["article:tag", "news_keywords", "keywords", "parsely-tags"];

/// A date stated by a meta tag.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MetaDate {
    pub(crate) text: String,
    pub(crate) role: Role,
    pub(crate) source: Source,
    pub(crate) weight: u8,
    /// Read from an `itemprop` (microdata) rather than a named meta tag.
    pub(crate) is_microdata: bool,
}

/// The meta and link facts of a page.
#[derive(Debug, Clone, Default)]
pub(crate) struct MetaFacts {
    pub(crate) og_title: Option<String>,
    pub(crate) og_type: Option<String>,
    pub(crate) twitter_title: Option<String>,
    pub(crate) dc_title: Option<String>,
    /// A title under a plain or vendor name (`<meta name="title">`, `parsely-title`).
    pub(crate) named_title: Option<String>,
    pub(crate) document_title: Option<String>,
    /// Whether `document_title` came from the head (a body <title> only stands in for none).
    pub(crate) has_head_title: bool,
    pub(crate) site_name: Option<String>,
    pub(crate) application_name: Option<String>,
    pub(crate) description: Option<(String, Source)>,
    pub(crate) image: Option<(String, Source)>,
    pub(crate) locale: Option<String>,
    pub(crate) content_language: Option<String>,
    pub(crate) html_lang: Option<String>,
    pub(crate) og_url: Option<String>,
    pub(crate) canonical: Option<String>,
    pub(crate) base_href: Option<String>,
    pub(crate) dates: Vec<MetaDate>,
    pub(crate) authors: Vec<String>,
    pub(crate) section: Option<String>,
    /// Tags from `article:tag` (one per tag), else from a keywords list.
    pub(crate) tags: Vec<String>,
    /// Tags from `keywords`-like lists, used when there is no `article:tag`.
    pub(crate) keywords: Vec<String>,
    /// JSON-LD written into a meta's content instead of a script (`<meta
    /// name="script:ld+json" content="{…}">`): read with the page's JSON-LD scripts.
    pub(crate) json_ld: Vec<String>,
}

/// Reads the meta and link tags of a page.
pub(crate) fn read(page: &Page<'_>) -> MetaFacts {
    let mut facts = MetaFacts::default();
    for (index, node) in page.nodes.iter().enumerate() {
        let index = index as u32;
        match node.tag {
            Tag::Meta => read_meta(page, index, &mut facts),
            Tag::Link => read_link(page, index, &mut facts),
            Tag::Base if facts.base_href.is_none() => {
                facts.base_href = page.attr(index, "href").map(str::to_owned);
            }
            // The head's <title>; a page whose server printed text before `<!DOCTYPE>` (PHP
            // warnings) has its head parsed into the body, and the first <title> there counts.
            Tag::Title if node.flags.contains(Flags::IN_HEAD) || !facts.has_head_title => {
                if let Some(title) = non_empty(page.text_of(index))
                    && (facts.document_title.is_none() || node.flags.contains(Flags::IN_HEAD))
                    && !facts.has_head_title
                {
                    facts.has_head_title = node.flags.contains(Flags::IN_HEAD);
                    facts.document_title = Some(title);
                }
            }
            Tag::Html if facts.html_lang.is_none() => {
                facts.html_lang = page
                    .attr(index, "lang")
                    .or(page.attr(index, "xml:lang"))
                    .and_then(|l| non_empty(l.to_owned()));
            }
            _ => {}
        }
    }
    prefer_property_titles(page, &mut facts);
    facts
}

/// A title given as a `property` attribute outranks the same key given as a meta `name`,
/// wherever each stands: `property` is the attribute `OpenGraph` and Dublin Core define for it,
/// `name` a common misuse (Readability's `003-metadata-preferred` page sets both, with different
/// titles).
fn prefer_property_titles(page: &Page<'_>, facts: &mut MetaFacts) {
    let mut property_titles: [Option<String>; 3] = Default::default();
    for (index, node) in page.nodes.iter().enumerate() {
        let index = index as u32;
        let Some(content) = (node.tag == Tag::Meta)
            .then(|| page.attr(index, "content"))
            .flatten()
            .and_then(|c| non_empty(c.trim().to_owned()))
        else {
            continue;
        };
        let keys = page.attr(index, "property").into_iter();
        for key in keys.flat_map(str::split_ascii_whitespace) {
            let slot = match key.to_ascii_lowercase().as_str() {
                "og:title" => 0,
                "twitter:title" => 1,
                "dc:title" | "dcterms:title" => 2,
                _ => continue,
            };
            if let Some(title) = property_titles.get_mut(slot) {
                set(title, Some(content.clone()));
            }
        }
    }
    let [og, twitter, dc] = property_titles;
    for (slot, title) in [
        (&mut facts.og_title, og),
        (&mut facts.twitter_title, twitter),
        (&mut facts.dc_title, dc),
    ] {
        if title.is_some() {
            *slot = title;
        }
    }
}

fn read_meta(page: &Page<'_>, index: u32, facts: &mut MetaFacts) {
    let Some(content) = page
        .attr(index, "content")
        .map(str::trim)
        .filter(|c| !c.is_empty())
    else {
        return;
    };
    for attribute in ["property", "name", "itemprop", "http-equiv"] {
        // RDFa allows several properties in one attribute: `property="dc:title og:title"`.
        for key in page
            .attr(index, attribute)
            .into_iter()
            .flat_map(str::split_ascii_whitespace)
        {
            let key = key.to_ascii_lowercase();
            // RDFa writes Dublin Core with a colon (`dc:title`), HTML meta names with a dot.
            let key = match key
                .strip_prefix("dc:")
                .or_else(|| key.strip_prefix("dcterms:"))
            {
                Some(rest) => format!("dc.{rest}"),
                None => key,
            };
            let known = facts.dates.len();
            read_meta_key(&key, content, facts);
            if attribute == "itemprop" {
                for date in &mut facts.dates[known..] {
                    date.is_microdata = true;
                }
            }
        }
    }
}

fn read_meta_key(key: &str, content: &str, facts: &mut MetaFacts) {
    let value = || Some(content.to_owned());
    match key {
        "og:title" => set(&mut facts.og_title, value()),
        "og:type" => set(&mut facts.og_type, value()),
        "twitter:title" => set(&mut facts.twitter_title, value()),
        "dc.title" | "dcterms.title" => set(&mut facts.dc_title, value()),
        "title" | "parsely-title" => set(&mut facts.named_title, value()),
        "og:site_name" => set(&mut facts.site_name, value()),
        "application-name" | "apple-mobile-web-app-title" => {
            set(&mut facts.application_name, value());
        }
        "og:description" => set_description(facts, content, Source::OpenGraph),
        "description" | "dc.description" => set_description(facts, content, Source::Meta),
        "twitter:description" => set_description(facts, content, Source::Twitter),
        "og:image" | "og:image:url" | "og:image:secure_url" => {
            set_sourced(&mut facts.image, content, Source::OpenGraph);
        }
        "twitter:image" | "twitter:image:src" => {
            set_sourced(&mut facts.image, content, Source::Twitter);
        }
        "og:locale" => set(&mut facts.locale, value()),
        "content-language" | "language" | "dc.language" => {
            set(&mut facts.content_language, value());
        }
        "og:url" => set(&mut facts.og_url, value()),
        _ if key.ends_with("ld+json") => facts.json_ld.push(content.to_owned()),
        _ => read_meta_dates_and_authors(key, content, facts),
    }
}

fn read_meta_dates_and_authors(key: &str, content: &str, facts: &mut MetaFacts) {
    let named = |names: &'static [(&'static str, Source, u8)]| {
        names.iter().find(|(name, ..)| *name == key).copied()
    };
    if let Some((_, source, weight)) = named(PUBLISHED_NAMES) {
        facts.dates.push(MetaDate {
            text: content.to_owned(),
            role: if weight == weight::META_GENERIC {
                Role::Unlabelled
            } else {
                Role::Published
            },
            source,
            weight,
            is_microdata: false,
        });
    } else if let Some((_, source, weight)) = named(MODIFIED_NAMES) {
        facts.dates.push(MetaDate {
            text: content.to_owned(),
            role: Role::Modified,
            source,
            weight,
            is_microdata: false,
        });
    } else if is_publication_name(key) {
        facts.dates.push(MetaDate {
            text: content.to_owned(),
            role: Role::Published,
            source: Source::Meta,
            weight: weight::META_COINED,
            is_microdata: false,
        });
    } else if AUTHOR_NAMES.contains(&key) {
        read_author(key, content, facts);
    } else if SECTION_NAMES.contains(&key) {
        set(&mut facts.section, Some(content.to_owned()));
    } else if key == "article:tag" {
        facts.tags.push(content.to_owned());
    } else if TAG_NAMES.contains(&key) && facts.keywords.is_empty() {
        facts.keywords = content
            .split([',', ';'])
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect();
    }
}

/// Whether a meta name not listed in [`PUBLISHED_NAMES`] still names the publication date: it
/// is `published`, or it speaks of publishing and ends in a date or time word
/// (`w-published-date`, `og:publish_date`, `cxenseparse:publishtime`, `published_at`). CMSs
/// and analytics vendors coin such names freely; `publisher` and `publishedtype` do not match.
fn is_publication_name(key: &str) -> bool {
    key == "published"
        || (key.contains("publish")
            && ["date", "time", "_at"]
                .iter()
                .any(|ending| key.ends_with(ending)))
}

fn read_author(key: &str, content: &str, facts: &mut MetaFacts) {
    if content.starts_with("http") || content.starts_with('@') {
        return;
    }
    let name = match content.split_once(',') {
        Some((family, given))
            if INVERTED_AUTHOR_NAMES.contains(&key)
                && !given.contains(',')
                && family.split_whitespace().count() <= 3
                && given.split_whitespace().count() <= 3 =>
        {
            format!("{} {}", given.trim(), family.trim())
        }
        _ => content.to_owned(),
    };
    if !facts.authors.contains(&name) {
        facts.authors.push(name);
    }
}

fn read_link(page: &Page<'_>, index: u32, facts: &mut MetaFacts) {
    let Some(rel) = page.attr(index, "rel") else {
        return;
    };
    if rel
        .split_ascii_whitespace()
        .any(|r| r.eq_ignore_ascii_case("canonical"))
    {
        set(
            &mut facts.canonical,
            page.attr(index, "href").map(|h| h.trim().to_owned()),
        );
    }
}

fn set(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value.and_then(non_empty);
    }
}

/// Sets the description unless one is set. A description some CMSs escaped twice still holds
/// character references after the parser's decoding, so it is decoded once more.
fn set_description(facts: &mut MetaFacts, content: &str, source: Source) {
    if facts.description.is_none() {
        set_sourced(&mut facts.description, &entities::decode(content), source);
    }
}

fn set_sourced(slot: &mut Option<(String, Source)>, content: &str, source: Source) {
    if slot.is_none() && !content.is_empty() {
        *slot = Some((content.to_owned(), source));
    }
}

fn non_empty(text: String) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == text.len() {
        Some(text)
    } else {
        Some(trimmed.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn facts(html: &str) -> MetaFacts {
        let parsed = Html::parse_document(html);
        read(&Page::build(&parsed))
    }

    #[test]
    fn reads_open_graph_and_twitter_tags() {
        let found = facts(
            r#"<head><meta property="og:title" content="OG title">
            <meta name="twitter:title" content="Card title">
            <meta property="og:site_name" content="RT">
            <meta property="og:image" content="/img.jpg">
            <meta property="og:locale" content="en_US"></head>"#,
        );
        assert_eq!(found.og_title.as_deref(), Some("OG title"));
        assert_eq!(found.twitter_title.as_deref(), Some("Card title"));
        assert_eq!(found.site_name.as_deref(), Some("RT"));
        assert_eq!(found.image, Some(("/img.jpg".into(), Source::OpenGraph)));
        assert_eq!(found.locale.as_deref(), Some("en_US"));
    }

    #[test]
    fn decodes_a_description_escaped_twice() {
        let found = facts(
            r#"<head><meta name="description" content="It&amp;rsquo;s enth&amp;uuml;llt &amp;amp; more&amp;hellip;"></head>"#,
        );
        assert_eq!(
            found.description,
            Some(("It’s enthüllt & more…".into(), Source::Meta))
        );
    }

    #[test]
    fn reads_every_date_name_with_its_role() {
        let found = facts(
            r#"<head><meta name="date" content="2020-01-01">
            <meta property="article:published_time" content="2021-03-30T11:49:00Z">
            <meta property="article:modified_time" content="2021-03-31">
            <meta name="parsely-pub-date" content="2021-03-30">
            <meta name="ms.date" content="2021-03-06T00:00:00Z"></head>"#,
        );
        let dates: Vec<(&str, Role, u8)> = found
            .dates
            .iter()
            .map(|d| (d.text.as_str(), d.role, d.weight))
            .collect();
        assert_eq!(
            dates,
            [
                ("2020-01-01", Role::Unlabelled, weight::META_GENERIC),
                ("2021-03-30T11:49:00Z", Role::Published, weight::OPEN_GRAPH),
                ("2021-03-31", Role::Modified, weight::OPEN_GRAPH),
                ("2021-03-30", Role::Published, weight::META_NAMED),
                (
                    "2021-03-06T00:00:00Z",
                    Role::Unlabelled,
                    weight::META_GENERIC
                ),
            ]
        );
    }

    #[test]
    fn reads_several_properties_in_one_attribute() {
        let found =
            facts(r#"<head><meta property="dc:title og:title" content="Preferred"></head>"#);
        assert_eq!(found.og_title.as_deref(), Some("Preferred"));
        assert_eq!(found.dc_title.as_deref(), Some("Preferred"));
    }

    #[test]
    fn a_property_title_outranks_a_named_one() {
        let found = facts(
            r#"<head><meta name="DC.title" content="Dublin Core name title">
            <meta name="og:title" content="Open Graph name title">
            <meta property="dc:title" content="Dublin Core property title">
            <meta property="og:title" content="Open Graph property title">
            <meta property="og:title" content="A second one"></head>"#,
        );
        assert_eq!(
            found.dc_title.as_deref(),
            Some("Dublin Core property title")
        );
        assert_eq!(found.og_title.as_deref(), Some("Open Graph property title"));
        // A named title stands when no property gives one.
        let found = facts(r#"<head><meta name="twitter:title" content="Card title"></head>"#);
        assert_eq!(found.twitter_title.as_deref(), Some("Card title"));
    }

    #[test]
    fn reads_section_tags_and_keywords() {
        let found = facts(
            r#"<head><meta property="article:section" content="World">
            <meta property="article:tag" content="Russia"><meta property="article:tag" content="USA">
            <meta name="keywords" content="a, b"></head>"#,
        );
        assert_eq!(found.section.as_deref(), Some("World"));
        assert_eq!(found.tags, ["Russia", "USA"]);
        assert_eq!(found.keywords, ["a", "b"]);
    }

    #[test]
    fn turns_inverted_citation_authors_around() {
        let found = facts(
            r#"<head><meta name="citation_author" content="Berger, Emery D.">
            <meta name="author" content="Doe, Jane and Roe, Rick"></head>"#,
        );
        assert_eq!(
            found.authors,
            ["Emery D. Berger", "Doe, Jane and Roe, Rick"]
        );
    }

    #[test]
    fn reads_authors_but_not_profile_urls() {
        let found = facts(
            r#"<head><meta name="author" content="Jane Doe">
            <meta property="article:author" content="https://facebook.com/jane"></head>"#,
        );
        assert_eq!(found.authors, ["Jane Doe"]);
    }

    #[test]
    fn reads_title_canonical_base_and_lang() {
        let found = facts(
            r#"<html lang="de"><head><title> Der Titel | Zeitung </title>
            <link rel="canonical" href="https://example.de/a"><base href="/b/"></head></html>"#,
        );
        assert_eq!(found.document_title.as_deref(), Some("Der Titel | Zeitung"));
        assert_eq!(found.canonical.as_deref(), Some("https://example.de/a"));
        assert_eq!(found.base_href.as_deref(), Some("/b/"));
        assert_eq!(found.html_lang.as_deref(), Some("de"));
    }

    #[test]
    fn reads_plain_and_vendor_title_names() {
        let found = facts(r#"<head><meta name="parsely-title" content="Vendor title"></head>"#);
        assert_eq!(found.named_title.as_deref(), Some("Vendor title"));
        let found = facts(r#"<head><meta name="title" content="Plain title"></head>"#);
        assert_eq!(found.named_title.as_deref(), Some("Plain title"));
    }

    #[test]
    fn reads_vendor_publication_names() {
        let found = facts(
            r#"<head><meta name="w-published-date" content="2025-05-27T06:03:43Z">
            <meta name="published" content="July 17, 2025">
            <meta name="publisher" content="Example Media">
            <meta name="publishedtype" content="1"></head>"#,
        );
        let texts: Vec<_> = found.dates.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["2025-05-27T06:03:43Z", "July 17, 2025"]);
        assert!(found.dates.iter().all(|d| d.role == Role::Published));
    }
}
