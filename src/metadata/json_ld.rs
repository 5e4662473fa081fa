//! JSON-LD (`<script type="application/ld+json">`): the publisher's own description of the
//! article, in schema.org terms.
//!
//! Objects are found anywhere: at the top level, in arrays, in `@graph`, nested in
//! `mainEntity`. An article type (`NewsArticle`, `BlogPosting`, …) is preferred over a page
//! type (`WebPage`), which only fills what the article object leaves empty. Malformed JSON is
//! skipped; `serde_json`'s nesting limit keeps hostile input from recursing deeply.

use serde_json::{Map, Value};

/// How many JSON values one page's JSON-LD may have visited, against hostile input.
const MAX_VISITED_VALUES: usize = 20_000;

/// What the JSON-LD of a page says about its article.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct JsonLdFacts {
    pub(crate) headline: Option<String>,
    pub(crate) date_published: Option<String>,
    pub(crate) date_modified: Option<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) publisher: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) image: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) article_body: Option<String>,
}

/// How well an object's `@type` describes an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Page,
    Article,
}

/// Reads every JSON-LD script of a page.
pub(crate) fn read(scripts: &[&str]) -> JsonLdFacts {
    let mut objects: Vec<(Rank, Map<String, Value>)> = Vec::new();
    let mut visited = 0;
    for script in scripts {
        let Some(value) = parse_lenient(script) else {
            continue;
        };
        collect_objects(value, &mut objects, &mut visited);
    }
    // Article objects first; among equals, page order.
    objects.sort_by_key(|(rank, _)| std::cmp::Reverse(*rank));
    let mut facts = JsonLdFacts::default();
    for (_, object) in &objects {
        fill(&mut facts, object);
    }
    facts
}

/// Parses a script's text, tolerating the HTML comment and CDATA wrappers some CMSs add.
fn parse_lenient(script: &str) -> Option<Value> {
    let text = script.trim();
    let text = text
        .strip_prefix("<!--")
        .and_then(|t| t.strip_suffix("-->"))
        .unwrap_or(text);
    let text = text
        .trim()
        .strip_prefix("//<![CDATA[")
        .and_then(|t| t.strip_suffix("//]]>"))
        .unwrap_or(text);
    serde_json::from_str(text.trim()).ok()
}

/// Collects every object with an article or page type, without recursion.
fn collect_objects(
    root: Value,
    objects: &mut Vec<(Rank, Map<String, Value>)>,
    visited: &mut usize,
) {
    let mut stack = vec![root];
    while let Some(value) = stack.pop() {
        *visited += 1;
        if *visited > MAX_VISITED_VALUES {
            return;
        }
        match value {
            Value::Array(items) => stack.extend(items.into_iter().rev()),
            Value::Object(mut object) => {
                for key in [
                    "@graph",
                    "mainEntity",
                    "mainEntityOfPage",
                    "itemListElement",
                ] {
                    if let Some(inner) = object.remove(key)
                        && matches!(inner, Value::Array(_) | Value::Object(_))
                    {
                        stack.push(inner);
                    }
                }
                if let Some(rank) = rank_of(&object) {
                    objects.push((rank, object));
                }
            }
            _ => {}
        }
    }
}

/// Article types rank above page types; anything else is not about the article.
fn rank_of(object: &Map<String, Value>) -> Option<Rank> {
    let types: Vec<&str> = match object.get("@type")? {
        Value::String(kind) => vec![kind.as_str()],
        Value::Array(kinds) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    let is_article = |kind: &str| {
        let kind = kind.rsplit('/').next().unwrap_or(kind);
        kind.ends_with("Article")
            || kind.ends_with("Posting")
            || matches!(kind, "Report" | "Review" | "Recipe" | "Question" | "HowTo")
    };
    if types.iter().any(|kind| is_article(kind)) {
        Some(Rank::Article)
    } else if types
        .iter()
        .any(|kind| kind.ends_with("WebPage") || *kind == "CreativeWork")
    {
        Some(Rank::Page)
    } else {
        None
    }
}

/// Fills the fields still empty from one object.
fn fill(facts: &mut JsonLdFacts, object: &Map<String, Value>) {
    set_text(
        &mut facts.headline,
        object.get("headline").or(object.get("name")),
    );
    set_text(&mut facts.date_published, object.get("datePublished"));
    set_text(&mut facts.date_published, object.get("dateCreated"));
    set_text(&mut facts.date_modified, object.get("dateModified"));
    set_text(&mut facts.description, object.get("description"));
    set_text(&mut facts.language, object.get("inLanguage"));
    set_text(&mut facts.article_body, object.get("articleBody"));
    if facts.url.is_none() {
        facts.url = object.get("url").and_then(first_url);
    }
    if facts.image.is_none() {
        facts.image = object.get("image").and_then(first_url);
    }
    if facts.publisher.is_none() {
        facts.publisher = object
            .get("publisher")
            .and_then(|p| names(p).into_iter().next());
    }
    if facts.authors.is_empty()
        && let Some(author) = object.get("author").or(object.get("creator"))
    {
        facts.authors = person_names(author);
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
        *slot = Some(text.to_owned());
    }
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

/// Names of people in an `author` value; organisation names only when no person is named.
fn person_names(value: &Value) -> Vec<String> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    let mut people = Vec::new();
    let mut organisations = Vec::new();
    for item in items {
        let is_organisation = item
            .get("@type")
            .and_then(Value::as_str)
            .is_some_and(|kind| kind.contains("Organization"));
        let target = if is_organisation {
            &mut organisations
        } else {
            &mut people
        };
        target.extend(names(item));
    }
    if people.is_empty() {
        organisations
    } else {
        people
    }
}

/// The `name` of an object, or the string itself.
fn names(value: &Value) -> Vec<String> {
    match value {
        Value::String(name) => vec![name.trim().to_owned()],
        Value::Object(object) => {
            if let Some(Value::String(name)) = object.get("name") {
                vec![name.trim().to_owned()]
            } else {
                let given = object.get("givenName").and_then(Value::as_str);
                let family = object.get("familyName").and_then(Value::as_str);
                match (given, family) {
                    (Some(g), Some(f)) => vec![format!("{} {}", g.trim(), f.trim())],
                    _ => Vec::new(),
                }
            }
        }
        Value::Array(items) => items.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|name| !name.is_empty())
    .collect()
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
            {"@type":["NewsArticle"],"headline":"Story","image":[{"url":"https://x/a.jpg"}]}]}"#]);
        assert_eq!(facts.headline.as_deref(), Some("Story"));
        assert_eq!(facts.image.as_deref(), Some("https://x/a.jpg"));
        assert_eq!(facts.date_published.as_deref(), Some("2020-01-01"));
    }

    #[test]
    fn prefers_people_over_organisations() {
        let facts = read(&[r#"{"@type":"Article","author":[
            {"@type":"Organization","name":"Desk"},{"@type":"Person","name":"A. Writer"}]}"#]);
        assert_eq!(facts.authors, ["A. Writer"]);
    }

    #[test]
    fn skips_malformed_and_hostile_json() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let facts = read(&["{not json", &deep, r#"{"@type":"Article","headline":7}"#]);
        assert_eq!(facts, JsonLdFacts::default());
    }

    #[test]
    fn tolerates_comment_wrappers() {
        let facts = read(&[r#"<!-- {"@type":"BlogPosting","headline":"Hi"} -->"#]);
        assert_eq!(facts.headline.as_deref(), Some("Hi"));
    }
}
