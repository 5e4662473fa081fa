//! `<meta>` and `<link>` tags: `OpenGraph`, Twitter cards, Dublin Core, `itemprop` and the
//! vendor names news CMSs use, plus the canonical link, `<base href>` and `<html lang>`.

use crate::document::Source;
use crate::page::{Flags, Page, Tag};

/// Meta names giving the publication date, strongest first, with their source.
const PUBLISHED_NAMES: &[(&str, Source)] = &[
    ("article:published_time", Source::OpenGraph),
    ("og:article:published_time", Source::OpenGraph),
    ("datepublished", Source::Meta),
    ("article.published", Source::Meta),
    ("published_time", Source::Meta),
    ("publishdate", Source::Meta),
    ("publish-date", Source::Meta),
    ("publish_date", Source::Meta),
    ("pubdate", Source::Meta),
    ("parsely-pub-date", Source::Meta),
    ("sailthru.date", Source::Meta),
    ("dc.date.issued", Source::Meta),
    ("dcterms.issued", Source::Meta),
    ("dc.date", Source::Meta),
    ("dcterms.date", Source::Meta),
    ("dcterms.created", Source::Meta),
    ("dc.date.created", Source::Meta),
    ("citation_publication_date", Source::Meta),
    ("citation_date", Source::Meta),
    ("original-publish-date", Source::Meta),
    ("cxenseparse:recs:publishtime", Source::Meta),
    ("bt:pubdate", Source::Meta),
    ("article:published", Source::Meta),
    ("date", Source::Meta),
    ("datecreated", Source::Meta),
    ("creation_date", Source::Meta),
];

/// Meta names giving the modification date, strongest first.
const MODIFIED_NAMES: &[(&str, Source)] = &[
    ("article:modified_time", Source::OpenGraph),
    ("og:updated_time", Source::OpenGraph),
    ("datemodified", Source::Meta),
    ("dcterms.modified", Source::Meta),
    ("dc.date.modified", Source::Meta),
    ("last-modified", Source::Meta),
    ("lastmod", Source::Meta),
    ("article:modified", Source::Meta),
    ("revised", Source::Meta),
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

/// The meta and link facts of a page.
#[derive(Debug, Clone, Default)]
pub(crate) struct MetaFacts {
    pub(crate) og_title: Option<String>,
    pub(crate) twitter_title: Option<String>,
    pub(crate) dc_title: Option<String>,
    pub(crate) document_title: Option<String>,
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
    pub(crate) published: Option<(String, Source)>,
    pub(crate) modified: Option<(String, Source)>,
    pub(crate) authors: Vec<String>,
    /// Rank of `published`/`modified` in their name lists, to keep the strongest.
    pub(crate) published_rank: usize,
    pub(crate) modified_rank: usize,
}

/// Reads the meta and link tags of a page.
pub(crate) fn read(page: &Page<'_>) -> MetaFacts {
    let mut facts = MetaFacts {
        published_rank: usize::MAX,
        modified_rank: usize::MAX,
        ..MetaFacts::default()
    };
    for (index, node) in page.nodes.iter().enumerate() {
        let index = index as u32;
        match node.tag {
            Tag::Meta => read_meta(page, index, &mut facts),
            Tag::Link => read_link(page, index, &mut facts),
            Tag::Base if facts.base_href.is_none() => {
                facts.base_href = page.attr(index, "href").map(str::to_owned);
            }
            Tag::Title if facts.document_title.is_none() && node.flags.contains(Flags::IN_HEAD) => {
                facts.document_title = non_empty(page.text_of(index));
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
    facts
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
        if let Some(key) = page.attr(index, attribute) {
            read_meta_key(&key.trim().to_ascii_lowercase(), content, facts);
        }
    }
}

fn read_meta_key(key: &str, content: &str, facts: &mut MetaFacts) {
    let value = || Some(content.to_owned());
    match key {
        "og:title" => set(&mut facts.og_title, value()),
        "twitter:title" => set(&mut facts.twitter_title, value()),
        "dc.title" | "dcterms.title" => set(&mut facts.dc_title, value()),
        "og:site_name" => set(&mut facts.site_name, value()),
        "application-name" | "apple-mobile-web-app-title" => {
            set(&mut facts.application_name, value());
        }
        "og:description" => set_sourced(&mut facts.description, content, Source::OpenGraph),
        "description" | "dc.description" => {
            set_sourced(&mut facts.description, content, Source::Meta);
        }
        "twitter:description" => set_sourced(&mut facts.description, content, Source::Twitter),
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
        _ => read_meta_dates_and_authors(key, content, facts),
    }
}

fn read_meta_dates_and_authors(key: &str, content: &str, facts: &mut MetaFacts) {
    if let Some(rank) = PUBLISHED_NAMES.iter().position(|(name, _)| *name == key)
        && rank < facts.published_rank
    {
        facts.published = Some((content.to_owned(), PUBLISHED_NAMES[rank].1));
        facts.published_rank = rank;
    } else if let Some(rank) = MODIFIED_NAMES.iter().position(|(name, _)| *name == key)
        && rank < facts.modified_rank
    {
        facts.modified = Some((content.to_owned(), MODIFIED_NAMES[rank].1));
        facts.modified_rank = rank;
    } else if AUTHOR_NAMES.contains(&key)
        && !content.starts_with("http")
        && !content.starts_with('@')
        && !facts.authors.iter().any(|a| a == content)
    {
        facts.authors.push(content.to_owned());
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
    fn keeps_the_strongest_date_name() {
        let found = facts(
            r#"<head><meta name="date" content="2020-01-01">
            <meta property="article:published_time" content="2021-03-30T11:49:00Z">
            <meta property="article:modified_time" content="2021-03-31"></head>"#,
        );
        assert_eq!(
            found.published,
            Some(("2021-03-30T11:49:00Z".into(), Source::OpenGraph))
        );
        assert_eq!(
            found.modified,
            Some(("2021-03-31".into(), Source::OpenGraph))
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
}
