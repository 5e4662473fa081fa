//! Choosing the headline among the page's title candidates, and cleaning author names.

use super::collapse;
use super::json_ld::JsonLdFacts;
use super::meta_tags::MetaFacts;
use super::visible::VisibleFacts;
use crate::document::Source;
use crate::page::text::same_text;

/// Separators between a headline and a site name in `<title>` and `og:title`.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ", " ~ ",
];

/// Chooses the headline: an `h1` that agrees with a metadata title wins (it is what the reader
/// sees); else the JSON-LD headline, `og:title`, `twitter:title`, Dublin Core title or
/// `<title>`, each without a site-name prefix or suffix; else the first `h1`.
pub(crate) fn choose(
    ld: &JsonLdFacts,
    meta: &MetaFacts,
    seen: &VisibleFacts,
    site_name: Option<&str>,
) -> Option<(String, Source)> {
    let metadata_titles: Vec<(String, Source)> = [
        (ld.headline.as_deref(), Source::JsonLd),
        (meta.og_title.as_deref(), Source::OpenGraph),
        (meta.twitter_title.as_deref(), Source::Twitter),
        (meta.dc_title.as_deref(), Source::Meta),
        (meta.document_title.as_deref(), Source::TitleElement),
    ]
    .into_iter()
    .filter_map(|(title, source)| Some((collapse(title?), source)))
    .filter(|(title, _)| !title.is_empty())
    .collect();
    for (_, heading) in &seen.headings {
        let agrees = metadata_titles
            .iter()
            .any(|(title, _)| same_text(title, heading) || contains_as_part(title, heading));
        if agrees {
            return Some((heading.clone(), Source::Markup));
        }
    }
    if let Some((title, source)) = metadata_titles.first() {
        return Some((strip_site_name(title, site_name).to_owned(), *source));
    }
    seen.headings
        .first()
        .map(|(_, heading)| (heading.clone(), Source::Markup))
}

/// Whether `part` is one side of `title` split at a separator (`Headline | Site`).
fn contains_as_part(title: &str, part: &str) -> bool {
    TITLE_SEPARATORS.iter().any(|separator| {
        title
            .split(separator)
            .any(|side| !side.trim().is_empty() && same_text(side, part))
    }) || (part.chars().count() >= 20 && same_text(strip_site_name(title, None), part))
}

/// Removes a site name before or after a separator. With a known site name, the side that is
/// the site name goes; without one, a short last (or first) side goes when the other side is
/// clearly the longer headline.
pub(crate) fn strip_site_name<'t>(title: &'t str, site_name: Option<&str>) -> &'t str {
    for separator in TITLE_SEPARATORS {
        let Some((head, tail)) = title.rsplit_once(separator) else {
            continue;
        };
        if let Some(site) = site_name {
            if same_text(tail, site) || tail.trim().to_lowercase().contains(&site.to_lowercase()) {
                return head.trim();
            }
            if let Some((first, rest)) = title.split_once(separator)
                && same_text(first, site)
            {
                return rest.trim();
            }
        }
        let head_words = head.split_whitespace().count();
        let tail_words = tail.split_whitespace().count();
        if tail_words <= 5 && head_words >= 2 {
            return head.trim();
        }
        if let Some((first, rest)) = title.split_once(separator) {
            let first_words = first.split_whitespace().count();
            if first_words <= 3 && rest.split_whitespace().count() >= first_words * 2 {
                return rest.trim();
            }
        }
    }
    title.trim()
}

/// Cleans byline texts into person names: no "By", no roles or dates, split at "and" and
/// commas, without duplicates.
pub(crate) fn clean_author_names(raw: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for text in raw {
        let text = collapse(text);
        let text = strip_by(&text);
        for part in split_names(text) {
            let name = part
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .trim();
            let plausible = !name.is_empty()
                && name.chars().count() <= 60
                && name.split_whitespace().count() <= 6
                && !name.chars().any(|c| c.is_ascii_digit())
                && !name.contains('@')
                && !name.starts_with("http");
            if plausible && !names.iter().any(|n| same_text(n, name)) {
                names.push(name.to_owned());
            }
        }
    }
    names
}

/// Removes a leading "By"/"Von"/"Par"/"Por"/"Di"/"Door"/"Автор" and the like.
fn strip_by(text: &str) -> &str {
    const BY_WORDS: &[&str] = &[
        "by ",
        "from ",
        "von ",
        "par ",
        "por ",
        "di ",
        "door ",
        "autor: ",
        "author: ",
        "автор: ",
        "автор ",
        "text: ",
        "written by ",
    ];
    let lower = text.to_lowercase();
    for word in BY_WORDS {
        if lower.starts_with(word) && text.is_char_boundary(word.len()) {
            return text[word.len()..].trim_start();
        }
    }
    text
}

/// Splits "A, B and C" (and its equivalents in other languages) into names.
fn split_names(text: &str) -> impl Iterator<Item = &str> {
    const JOINERS: &[&str] = &[
        " and ", " & ", " und ", " et ", " y ", " e ", " en ", " i ", " и ", " ve ",
    ];
    text.split([',', ';', '|', '/', '\n']).flat_map(|chunk| {
        let mut parts = vec![chunk];
        for joiner in JOINERS {
            parts = parts
                .into_iter()
                .flat_map(|p| p.split(joiner).collect::<Vec<_>>())
                .collect();
        }
        parts
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(headings: &[&str]) -> VisibleFacts {
        VisibleFacts {
            headings: headings
                .iter()
                .enumerate()
                .map(|(i, h)| (i as u32, (*h).to_owned()))
                .collect(),
            ..VisibleFacts::default()
        }
    }

    #[test]
    fn the_h1_wins_when_metadata_agrees() {
        let meta = MetaFacts {
            document_title: Some("Putin won’t allow US to lecture Russia — RT World News".into()),
            ..MetaFacts::default()
        };
        let chosen = choose(
            &JsonLdFacts::default(),
            &meta,
            &seen(&["RT", "Putin won’t allow US to lecture Russia"]),
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
    fn metadata_title_loses_its_site_suffix() {
        let meta = MetaFacts {
            document_title: Some("Storm hits coast | The Daily Planet".into()),
            ..MetaFacts::default()
        };
        let chosen = choose(
            &JsonLdFacts::default(),
            &meta,
            &seen(&["Daily Planet"]),
            None,
        );
        assert_eq!(
            chosen,
            Some(("Storm hits coast".into(), Source::TitleElement))
        );
    }

    #[test]
    fn strips_site_prefix_when_named() {
        assert_eq!(
            strip_site_name(
                "Example News - Storm hits the coast again",
                Some("Example News")
            ),
            "Storm hits the coast again"
        );
        assert_eq!(
            strip_site_name("No separator here", None),
            "No separator here"
        );
    }

    #[test]
    fn cleans_and_splits_author_names() {
        let names = clean_author_names(&[
            "By Jane Doe and John Smith".into(),
            "jane doe".into(),
            "Von Max Müller, Erika Mustermann".into(),
        ]);
        assert_eq!(
            names,
            ["Jane Doe", "John Smith", "Max Müller", "Erika Mustermann"]
        );
    }
}
