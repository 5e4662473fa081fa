//! JSON-LD (`<script type="application/ld+json">`): the publisher's own description of the
//! article, in schema.org terms.
//!
//! Objects are found anywhere: at the top level, in arrays, in `@graph`, nested in
//! `mainEntity`. An article type (`NewsArticle`, `BlogPosting`, `Report`, a `QAPage`'s
//! `Question`, …) is preferred over a page type (`WebPage`), which only fills what the article
//! objects leave empty and whose dates are kept apart as weaker evidence. The questions of an
//! `FAQPage` are not articles: their names are not headlines, nor are those of several
//! `Question` objects stated without the `FAQPage`. Authors given by reference
//! (`{"@id": "…#person"}`) are resolved against the `Person` objects of the same page.
//! Strings have their HTML entities decoded (some CMSs escape them twice). Malformed JSON is
//! skipped; `serde_json`'s nesting limit keeps hostile input from recursing deeply.

use std::collections::HashMap;

use super::entities;
use serde_json::{Map, Value};

/// How many JSON values one page's JSON-LD may have visited, against hostile input.
const MAX_VISITED_VALUES: usize = 20_000;

/// What the JSON-LD of a page says about its article.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct JsonLdFacts {
    /// `headline` (else `name`) of an article object.
    pub(crate) headline: Option<String>,
    /// The page has an article object.
    pub(crate) has_article: bool,
    /// `name`/`headline` of a page object.
    pub(crate) page_title: Option<String>,
    /// Dates of article objects.
    pub(crate) date_published: Option<String>,
    pub(crate) date_created: Option<String>,
    pub(crate) date_modified: Option<String>,
    /// Dates of page objects.
    pub(crate) page_date_published: Option<String>,
    pub(crate) page_date_modified: Option<String>,
    pub(crate) authors: Vec<String>,
    /// `authors` names organisations: no person was named.
    pub(crate) authors_are_organisations: bool,
    pub(crate) publisher: Option<String>,
    /// `name` of a `WebSite` object.
    pub(crate) website_name: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) image: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) section: Option<String>,
    pub(crate) keywords: Vec<String>,
    /// `articleBody` of an article object: the publisher's own body text.
    pub(crate) article_body: Option<String>,
    /// The page describes a discussion: a `DiscussionForumPosting` or a `QAPage`.
    pub(crate) is_discussion: bool,
}

/// `@type`s of a thread of posts: forum software (Discourse, `XenForo`, `vBulletin` plugins) and
/// Q&A sites state them.
fn is_discussion_type(kind: &str) -> bool {
    matches!(kind, "DiscussionForumPosting" | "QAPage")
}

/// How well an object's `@type` describes an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Site,
    Page,
    Article,
}

/// Reads every JSON-LD script of a page.
pub(crate) fn read(scripts: &[&str]) -> JsonLdFacts {
    let mut objects: Vec<(Rank, Map<String, Value>)> = Vec::new();
    let mut people: HashMap<String, String> = HashMap::new();
    let mut visited = 0;
    let mut is_discussion = false;
    for script in scripts {
        let Some(value) = parse_lenient(script) else {
            continue;
        };
        is_discussion |= collect_objects(value, &mut objects, &mut people, &mut visited);
    }
    drop_faq_questions(&mut objects);
    // Article objects first; among equals, page order.
    objects.sort_by_key(|(rank, _)| std::cmp::Reverse(*rank));
    let mut facts = JsonLdFacts {
        is_discussion,
        ..JsonLdFacts::default()
    };
    for (rank, object) in &objects {
        match rank {
            Rank::Article => fill_article(&mut facts, object, &people),
            Rank::Page => fill_page(&mut facts, object, &people),
            Rank::Site => set_text(&mut facts.website_name, object.get("name")),
        }
    }
    facts
}

/// Drops the `Question` objects of a page that states several: the entries of an FAQ written
/// without its `FAQPage` wrapper, one script per question (webflow.com's CMS page, wcxb 0695,
/// whose first question "Can I manage large-scale content…?" was taken for the headline). A
/// `QAPage` asks one question.
fn drop_faq_questions(objects: &mut Vec<(Rank, Map<String, Value>)>) {
    let is_question = |object: &Map<String, Value>| has_type(object, |kind| kind == "Question");
    let questions = objects
        .iter()
        .filter(|(_, object)| is_question(object))
        .count();
    if questions >= 2 {
        objects.retain(|(_, object)| !is_question(object));
    }
}

/// Parses a script's text, tolerating the HTML comment and CDATA wrappers some CMSs add.
fn parse_lenient(script: &str) -> Option<Value> {
    let text = script.trim();
    let text = text
        .strip_prefix("<!--")
        .and_then(|t| t.strip_suffix("-->"))
        .unwrap_or(text);
    let text = strip_cdata(text.trim()).unwrap_or(text).trim();
    serde_json::from_str(text).ok().or_else(|| {
        // Raw line breaks and tabs inside strings are invalid JSON that CMS templates write
        // often; outside strings they are whitespace either way.
        let cleaned: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// The text inside a CDATA wrapper, bare (`<![CDATA[ … ]]>`, as `MediaWiki` writes it around
/// every page's JSON-LD) or commented out for old parsers (`//<![CDATA[ … //]]>`).
fn strip_cdata(text: &str) -> Option<&str> {
    let inner = text
        .strip_prefix("//")
        .unwrap_or(text)
        .trim_start()
        .strip_prefix("<![CDATA[")?
        .strip_suffix("]]>")?
        .trim_end();
    Some(inner.strip_suffix("//").unwrap_or(inner))
}

/// Collects every object with an article, page or site type, and the names of people by
/// `@id`, without recursion; true when an object is of a discussion type.
fn collect_objects(
    root: Value,
    objects: &mut Vec<(Rank, Map<String, Value>)>,
    people: &mut HashMap<String, String>,
    visited: &mut usize,
) -> bool {
    let mut stack = vec![root];
    let mut is_discussion = false;
    while let Some(value) = stack.pop() {
        *visited += 1;
        if *visited > MAX_VISITED_VALUES {
            return is_discussion;
        }
        match value {
            Value::Array(items) => stack.extend(items.into_iter().rev()),
            Value::Object(mut object) => {
                let is_faq = has_type(&object, |kind| kind == "FAQPage");
                is_discussion |= has_type(&object, is_discussion_type);
                for key in [
                    "@graph",
                    "mainEntity",
                    "mainEntityOfPage",
                    "itemListElement",
                ] {
                    if is_faq && key == "mainEntity" {
                        continue;
                    }
                    if let Some(inner) = object.remove(key)
                        && matches!(inner, Value::Array(_) | Value::Object(_))
                    {
                        stack.push(inner);
                    }
                }
                if has_type(&object, |kind| kind == "Person")
                    && let (Some(Value::String(id)), Some(name)) = (
                        object.get("@id"),
                        names(&Value::Object(object.clone()), &HashMap::new())
                            .into_iter()
                            .next(),
                    )
                {
                    people.insert(id.clone(), name);
                }
                if let Some(rank) = rank_of(&object) {
                    objects.push((rank, object));
                }
            }
            _ => {}
        }
    }
    is_discussion
}

/// Whether any `@type` of an object (its last path segment) satisfies `test`.
fn has_type(object: &Map<String, Value>, test: impl Fn(&str) -> bool) -> bool {
    let kinds: Vec<&str> = match object.get("@type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => return false,
    };
    kinds
        .iter()
        .any(|kind| test(kind.rsplit('/').next().unwrap_or(kind)))
}

/// Article types rank above page types, page types above the site; anything else is not
/// about the article.
fn rank_of(object: &Map<String, Value>) -> Option<Rank> {
    let is_article = |kind: &str| {
        kind.ends_with("Article")
            || kind.ends_with("Posting")
            || matches!(kind, "Report" | "Review" | "Recipe" | "Question" | "HowTo")
    };
    if has_type(object, is_article) {
        Some(Rank::Article)
    } else if has_type(object, |kind| {
        kind.ends_with("WebPage") || kind.ends_with("Page") || kind == "CreativeWork"
    }) {
        Some(Rank::Page)
    } else if has_type(object, |kind| kind == "WebSite") {
        Some(Rank::Site)
    } else {
        None
    }
}

/// Fills the fields still empty from an article object.
fn fill_article(
    facts: &mut JsonLdFacts,
    object: &Map<String, Value>,
    people: &HashMap<String, String>,
) {
    facts.has_article = true;
    set_text(
        &mut facts.headline,
        object.get("headline").or(object.get("name")),
    );
    set_text(&mut facts.date_published, object.get("datePublished"));
    set_text(&mut facts.date_created, object.get("dateCreated"));
    set_text(&mut facts.date_modified, object.get("dateModified"));
    set_text(&mut facts.section, object.get("articleSection"));
    set_text(&mut facts.article_body, object.get("articleBody"));
    if facts.keywords.is_empty() {
        facts.keywords = keywords(object.get("keywords"));
    }
    fill_shared(facts, object, people);
}

/// Fills the fields still empty from a page object; its dates and title are kept apart.
fn fill_page(
    facts: &mut JsonLdFacts,
    object: &Map<String, Value>,
    people: &HashMap<String, String>,
) {
    set_text(
        &mut facts.page_title,
        object.get("headline").or(object.get("name")),
    );
    set_text(&mut facts.page_date_published, object.get("datePublished"));
    set_text(&mut facts.page_date_modified, object.get("dateModified"));
    fill_shared(facts, object, people);
}

fn fill_shared(
    facts: &mut JsonLdFacts,
    object: &Map<String, Value>,
    people: &HashMap<String, String>,
) {
    set_text(&mut facts.description, object.get("description"));
    set_text(&mut facts.language, object.get("inLanguage"));
    if facts.url.is_none() {
        facts.url = object.get("url").and_then(first_url);
    }
    if facts.image.is_none() {
        facts.image = object.get("image").and_then(first_url);
    }
    if facts.publisher.is_none() {
        facts.publisher = object
            .get("publisher")
            .and_then(|p| names(p, people).into_iter().next());
    }
    if facts.authors.is_empty()
        && let Some(author) = object.get("author").or(object.get("creator"))
    {
        (facts.authors, facts.authors_are_organisations) = person_names(author, people);
    }
}

fn set_text(slot: &mut Option<String>, value: Option<&Value>) {
    if slot.is_some() {
        return;
    }
    let text = match value {
        Some(Value::String(text)) => text.trim(),
        Some(Value::Array(items)) => items.iter().find_map(Value::as_str).unwrap_or("").trim(),
        _ => "",
    };
    if !text.is_empty() {
        // Some CMSs escape twice ("&amp;raquo;"): decode until nothing changes, at most twice.
        let once = decode_text(text);
        *slot = Some(decode_text(&once));
    }
}

/// `keywords` as a list: an array of strings, or one comma-separated string.
fn keywords(value: Option<&Value>) -> Vec<String> {
    let raw: Vec<&str> = match value {
        Some(Value::String(text)) => text.split(',').collect(),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    raw.into_iter()
        .map(|k| decode_text(k.trim()))
        .filter(|k| !k.is_empty())
        .collect()
}

/// The first URL in a string, an `ImageObject`/`{url}` object or an array of either.
fn first_url(value: &Value) -> Option<String> {
    match value {
        Value::String(url) => Some(url.trim().to_owned()).filter(|u| !u.is_empty()),
        Value::Array(items) => items.iter().find_map(first_url),
        Value::Object(object) => object
            .get("url")
            .or(object.get("contentUrl"))
            .or(object.get("@id"))
            .and_then(first_url),
        _ => None,
    }
}

/// Names of people in an `author` value; organisation names (and `true`) only when no person
/// is named.
fn person_names(value: &Value, people: &HashMap<String, String>) -> (Vec<String>, bool) {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    let mut persons = Vec::new();
    let mut organisations = Vec::new();
    for item in items {
        let is_organisation = item.as_object().is_some_and(|object| {
            has_type(object, |kind| {
                kind.contains("Organization") || kind == "NewsMediaOrganization"
            })
        });
        let target = if is_organisation {
            &mut organisations
        } else {
            &mut persons
        };
        target.extend(names(item, people));
    }
    if persons.is_empty() {
        let any = !organisations.is_empty();
        (organisations, any)
    } else {
        (persons, false)
    }
}

/// The `name` of an object (or the person its `@id` refers to), or the string itself.
fn names(value: &Value, people: &HashMap<String, String>) -> Vec<String> {
    match value {
        Value::String(name) => vec![decode_text(name.trim())],
        Value::Object(object) => {
            if let Some(Value::String(name)) = object.get("name") {
                vec![decode_text(name.trim())]
            } else if let Some(name) = object
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| people.get(id))
            {
                vec![name.clone()]
            } else {
                let given = object.get("givenName").and_then(Value::as_str);
                let family = object.get("familyName").and_then(Value::as_str);
                match (given, family) {
                    (Some(g), Some(f)) => vec![format!("{} {}", g.trim(), f.trim())],
                    _ => Vec::new(),
                }
            }
        }
        Value::Array(items) => items.iter().flat_map(|item| names(item, people)).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|name| !name.is_empty())
    .collect()
}

/// A JSON-LD string with its character references decoded.
fn decode_text(text: &str) -> String {
    entities::decode(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_date_from_json_ld() {
        let facts = read(&[r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Putin won't allow US to lecture Russia",
            "datePublished":"2021-03-30T11:49:00+00:00","dateModified":"2021-03-30T12:00:00Z",
            "author":{"@type":"Person","name":"Jane Doe"},
            "publisher":{"@type":"Organization","name":"RT"}}"#]);
        assert_eq!(
            facts.headline.as_deref(),
            Some("Putin won't allow US to lecture Russia")
        );
        assert_eq!(
            facts.date_published.as_deref(),
            Some("2021-03-30T11:49:00+00:00")
        );
        assert_eq!(facts.date_modified.as_deref(), Some("2021-03-30T12:00:00Z"));
        assert_eq!(facts.authors, ["Jane Doe"]);
        assert_eq!(facts.publisher.as_deref(), Some("RT"));
    }

    #[test]
    fn finds_articles_inside_a_graph_before_pages() {
        let facts = read(&[r#"{"@graph":[
            {"@type":"WebPage","name":"Site page","datePublished":"2020-01-01"},
            {"@type":"WebSite","name":"The Site"},
            {"@type":["NewsArticle"],"headline":"Story","dateCreated":"2020-01-02",
             "image":[{"url":"https://x/a.jpg"}]}]}"#]);
        assert_eq!(facts.headline.as_deref(), Some("Story"));
        assert_eq!(facts.page_title.as_deref(), Some("Site page"));
        assert_eq!(facts.image.as_deref(), Some("https://x/a.jpg"));
        assert_eq!(facts.date_published, None);
        assert_eq!(facts.date_created.as_deref(), Some("2020-01-02"));
        assert_eq!(facts.page_date_published.as_deref(), Some("2020-01-01"));
        assert_eq!(facts.website_name.as_deref(), Some("The Site"));
    }

    #[test]
    fn reads_nested_article_objects() {
        let facts = read(&[r#"{"@type":"WebPage","mainEntity":{"@type":"BlogPosting",
            "headline":"Nested","datePublished":"2021-03-30","articleSection":"Politics",
            "keywords":"one, two"}}"#]);
        assert_eq!(facts.headline.as_deref(), Some("Nested"));
        assert_eq!(facts.date_published.as_deref(), Some("2021-03-30"));
        assert_eq!(facts.section.as_deref(), Some("Politics"));
        assert_eq!(facts.keywords, ["one", "two"]);
    }

    #[test]
    fn forum_threads_and_qa_pages_are_discussions() {
        let thread = read(&[r#"{"@context":"https://schema.org","@graph":[
            {"@type":"DiscussionForumPosting","headline":"Boiler noise","author":{"name":"ann"}}]}"#]);
        assert!(thread.is_discussion);
        let qa = read(&[r#"{"@type":"QAPage","mainEntity":{"@type":"Question","name":"Why?"}}"#]);
        assert!(qa.is_discussion);
        let story = read(&[r#"{"@type":"NewsArticle","headline":"Story"}"#]);
        assert!(!story.is_discussion);
    }

    #[test]
    fn faq_questions_are_not_headlines() {
        let facts = read(&[r#"{"@type":"FAQPage","mainEntity":[
            {"@type":"Question","name":"What is it?"}]}"#]);
        assert_eq!(facts.headline, None);
    }

    #[test]
    fn questions_in_separate_scripts_are_an_faq() {
        let faq = read(&[
            r#"{"@type":"Question","name":"Can I manage content?"}"#,
            r#"{"@type":"Question","name":"Does it integrate?"}"#,
        ]);
        assert_eq!(faq.headline, None);
        assert!(!faq.has_article);
        let question = read(&[r#"{"@type":"Question","name":"Why?"}"#]);
        assert_eq!(question.headline.as_deref(), Some("Why?"));
    }

    #[test]
    fn prefers_people_over_organisations() {
        let facts = read(&[r#"{"@type":"Article","author":[
            {"@type":"Organization","name":"Desk"},{"@type":"Person","name":"A. Writer"}]}"#]);
        assert_eq!(facts.authors, ["A. Writer"]);
        let facts =
            read(&[r#"{"@type":"Article","author":{"@type":"Organization","name":"Desk"}}"#]);
        assert_eq!(facts.authors, ["Desk"]);
        assert!(facts.authors_are_organisations);
    }

    #[test]
    fn resolves_authors_by_reference() {
        let facts = read(&[r#"{"@graph":[
            {"@type":"Article","author":{"@id":"https://x/#jane"}},
            {"@type":"Person","@id":"https://x/#jane","name":"Jane Doe"}]}"#]);
        assert_eq!(facts.authors, ["Jane Doe"]);
    }

    #[test]
    fn decodes_entities_in_strings() {
        let facts =
            read(&[r#"{"@type":"Article","headline":"Rates &amp; Jobs &#8211; it&#x27;s"}"#]);
        assert_eq!(facts.headline.as_deref(), Some("Rates & Jobs – it's"));
    }

    #[test]
    fn skips_malformed_and_hostile_json() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let facts = read(&["{not json", &deep, r#"{"@type":"Article","headline":7}"#]);
        assert_eq!(facts.headline, None);
        assert!(facts.has_article);
    }

    #[test]
    fn tolerates_line_breaks_inside_strings() {
        let facts = read(&["{\"@type\":\"Article\",\"headline\":\"Two\nlines\"}"]);
        assert_eq!(facts.headline.as_deref(), Some("Two lines"));
    }

    #[test]
    fn tolerates_cdata_wrappers() {
        let bare =
            read(&["<![CDATA[\n{\"@type\":\"Article\",\"datePublished\":\"2001-10-29\"}\n]]>"]);
        assert_eq!(bare.date_published.as_deref(), Some("2001-10-29"));
        let commented = read(&["//<![CDATA[\n{\"@type\":\"Article\",\"headline\":\"Hi\"}\n//]]>"]);
        assert_eq!(commented.headline.as_deref(), Some("Hi"));
    }

    #[test]
    fn tolerates_comment_wrappers() {
        let facts = read(&[r#"<!-- {"@type":"BlogPosting","headline":"Hi"} -->"#]);
        assert_eq!(facts.headline.as_deref(), Some("Hi"));
    }
}
