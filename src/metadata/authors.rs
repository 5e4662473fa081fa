//! Authors: byline texts and metadata values cleaned into a list of names.
//!
//! A byline such as "By Jane Doe and John Smith, Staff Writers | 30 March 2021" becomes
//! `["Jane Doe", "John Smith"]`: the "By" (in any of the supported languages) goes, the text
//! splits at commas, semicolons, bars, slashes and the word "and" in each language, and parts
//! that are dates, roles ("Staff Writer", "Redakteur"), e-mail addresses, URLs or the site's
//! own name are dropped. Names compare case- and punctuation-insensitively for duplicates.

use foldhash::HashSet;

use super::collapse;
use crate::page::text::same_text_key;

/// Words that introduce a byline, lowercase, with their trailing space or colon.
const BY_PREFIXES: &[&str] = &[
    "written by ",
    "posted by ",
    "published by ",
    "reviewed by ",
    "story by ",
    "words by ",
    "by: ",
    "by ",
    "von ",
    "autor: ",
    "autorin: ",
    "autoren: ",
    "text: ",
    "par ",
    "auteur : ",
    "auteur: ",
    "por ",
    "texto: ",
    "di ",
    "a cura di ",
    "door ",
    "автор: ",
    "автор ",
    "авторы: ",
    "yazar: ",
    "author: ",
    "authors: ",
    "veröffentlicht von ",
    "geschrieben von ",
    "vom ",
    "publié par ",
    "écrit par ",
    "publicado por ",
    "escrito por ",
    "pubblicato da ",
    "scritto da ",
    "geplaatst door ",
    "geschreven door ",
    "опубликовано ",
    "autor ",
];

/// Words that open a photo or illustration credit, which is not the author's byline.
const CREDIT_PREFIXES: &[&str] = &[
    "foto:",
    "fotos:",
    "photo:",
    "photos:",
    "bild:",
    "image:",
    "illustration:",
    "grafik:",
];

/// Legal forms and words that mark an organisation, lowercase, as whole words.
const ORGANISATION_WORDS: &[&str] = &[
    "gmbh",
    "e.v.",
    "ag",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "s.a.",
    "sa",
    "srl",
    "corp",
    "team",
    "redaktion",
    "newsroom",
    "staff",
    "agency",
    "agencies",
];

/// Words that join names: "A and B" in each supported language.
const JOINERS: &[&str] = &[
    " and ", " & ", " und ", " et ", " y ", " e ", " en ", " i ", " и ", " ve ", " oraz ",
];

/// Job titles written after a name ("Jane Doe, Staff Writer"), lowercase.
const ROLE_WORDS: &[&str] = &[
    "staff writer",
    "staff writers",
    "contributing writer",
    "contributor",
    "senior writer",
    "senior editor",
    "editor",
    "editors",
    "editor-in-chief",
    "reporter",
    "correspondent",
    "columnist",
    "photographer",
    "writer",
    "journalist",
    "redakteur",
    "redakteurin",
    "redaktion",
    "rédaction",
    "redacción",
    "redazione",
    "redactie",
    "редакция",
    "updated",
    "published",
    "staff",
];

/// Texts that are byline furniture, not names.
const NOT_NAMES: &[&str] = &[
    "by",
    "posted",
    "written",
    "author",
    "authors",
    "staff",
    "admin",
    "anonymous",
    "unknown",
    "guest",
    "share",
    "follow",
    "more",
    "about",
    "no author",
    "veröffentlicht",
    "von",
];

/// The most words a name may have.
const MAX_NAME_WORDS: usize = 5;
/// The longest name, in characters.
const MAX_NAME_CHARS: usize = 60;

/// The most author names kept: a page can list hundreds of thousands.
const MAX_AUTHORS: usize = 1000;

/// Cleans byline texts into person names, dropping any that is `site_name`.
pub(crate) fn clean_author_names(raw: &[String], site_name: Option<&str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    // Names already kept (and the site's), by what `same_text` compares.
    let mut seen: HashSet<String> = site_name.map(same_text_key).into_iter().collect();
    for text in raw {
        if names.len() >= MAX_AUTHORS {
            break;
        }
        let text = collapse(text);
        // A profile URL or an e-mail address is not a name, and splitting it would make
        // fragments that look like one.
        if text.contains("://") || text.contains('@') || text.starts_with("www.") {
            continue;
        }
        for part in split_names(&text) {
            let Some(name) = clean_name(part) else {
                continue;
            };
            if seen.insert(same_text_key(&name)) {
                names.push(name);
            }
        }
    }
    names
}

/// Whether a name is an organisation's: a legal form, a desk ("Redaktion", "Team") or a
/// domain name.
pub(crate) fn is_organisation(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower
        .split_whitespace()
        .any(|word| ORGANISATION_WORDS.contains(&word) || is_domain(word))
}

/// `example.com`, `www.example.de`: a word with a dot before two to four letters at its end.
fn is_domain(word: &str) -> bool {
    word.rsplit_once('.').is_some_and(|(head, tld)| {
        head.len() >= 2
            && (2..=4).contains(&tld.len())
            && tld.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// One name out of a part of a byline, or `None` when the part is not a name.
fn clean_name(part: &str) -> Option<String> {
    let lower_part = part.trim().to_lowercase();
    if CREDIT_PREFIXES.iter().any(|p| lower_part.starts_with(p)) {
        return None;
    }
    // "Posted on September 21 by Adi Tzlil": the name follows the last "by".
    let trimmed = part.trim();
    let part = match lower_part.rfind(" by ") {
        Some(at) if lower_part.len() == trimmed.len() && trimmed.is_char_boundary(at + 4) => {
            &trimmed[at + 4..]
        }
        _ => part,
    };
    let mut name = part.trim();
    loop {
        let stripped = strip_by(name);
        if stripped.len() == name.len() {
            break;
        }
        name = stripped;
    }
    let name = strip_role(name);
    // "Posted by", "Written By" with the name in another element.
    let name = name
        .strip_suffix(" by")
        .or_else(|| name.strip_suffix(" By"))
        .or_else(|| name.strip_suffix(" BY"))
        .unwrap_or(name);
    let name = name
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')')
        .trim();
    let lower = name.to_lowercase();
    let plausible = !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && name.split_whitespace().count() <= MAX_NAME_WORDS
        && !name.chars().any(|c| c.is_ascii_digit())
        && !name.contains('@')
        && !lower.starts_with("http")
        && !lower.starts_with("www.")
        && !NOT_NAMES.contains(&lower.as_str())
        && !ROLE_WORDS.contains(&lower.as_str());
    plausible.then(|| name.to_owned())
}

/// Removes a leading "By", "Von", "Par", "Por", "Di", "Door", "Автор:" and the like.
fn strip_by(text: &str) -> &str {
    let lower = text.to_lowercase();
    for prefix in BY_PREFIXES {
        if lower.starts_with(prefix) {
            // Lowercasing can change byte lengths; count characters instead.
            let chars = prefix.chars().count();
            let at = text
                .char_indices()
                .nth(chars)
                .map_or(text.len(), |(at, _)| at);
            return text[at..].trim_start();
        }
    }
    if lower == "by" {
        return "";
    }
    text
}

/// Removes a job title after a name: "Jane Doe Staff Writer", "Jane Doe - Redakteurin".
fn strip_role(name: &str) -> &str {
    let lower = name.to_lowercase();
    for role in ROLE_WORDS {
        if let Some(head) = lower.strip_suffix(role)
            && !head.trim().is_empty()
            && head.ends_with([' ', '-', '–', ','])
        {
            let chars = head.chars().count();
            let at = name
                .char_indices()
                .nth(chars)
                .map_or(name.len(), |(at, _)| at);
            return name[..at].trim_end_matches([' ', '-', '–', ',']);
        }
    }
    name
}

/// Splits "A, B and C" (and its equivalents in other languages) into parts.
fn split_names(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '|', '/', '\n', '·', '•'])
        .flat_map(|chunk| {
            let mut parts = vec![chunk];
            // Most chunks hold no joiner: one lowercase copy tells, instead of one per joiner.
            let lower = chunk.to_ascii_lowercase();
            if !JOINERS.iter().any(|joiner| lower.contains(joiner)) {
                return parts;
            }
            for joiner in JOINERS {
                parts = parts
                    .into_iter()
                    .flat_map(|p| split_ignoring_case(p, joiner))
                    .collect();
            }
            parts
        })
}

/// Splits at an ASCII-lowercase joiner in any case ("Jane AND John").
fn split_ignoring_case<'t>(text: &'t str, joiner: &str) -> Vec<&'t str> {
    let lower = text.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut from = 0;
    for (at, _) in lower.match_indices(joiner) {
        if at >= from && text.is_char_boundary(at) && text.is_char_boundary(at + joiner.len()) {
            parts.push(&text[from..at]);
            from = at + joiner.len();
        }
    }
    parts.push(&text[from..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(raw: &[&str]) -> Vec<String> {
        let raw: Vec<String> = raw.iter().map(|s| (*s).to_owned()).collect();
        clean_author_names(&raw, Some("The Daily"))
    }

    #[test]
    fn cleans_and_splits_author_names() {
        assert_eq!(
            clean(&[
                "By Jane Doe and John Smith",
                "jane doe",
                "Von Max Müller, Erika Mustermann"
            ]),
            ["Jane Doe", "John Smith", "Max Müller", "Erika Mustermann"]
        );
    }

    #[test]
    fn drops_roles_dates_and_furniture() {
        assert_eq!(
            clean(&[
                "By Jane Doe, Staff Writer | March 30, 2021",
                "Posted by",
                "Written By"
            ]),
            ["Jane Doe"]
        );
        assert_eq!(
            clean(&["Linda Rosencrance Contributing Writer"]),
            ["Linda Rosencrance"]
        );
    }

    #[test]
    fn splits_in_every_language() {
        assert_eq!(
            clean(&["Par Jean Dupont et Marie Curie"]),
            ["Jean Dupont", "Marie Curie"]
        );
        assert_eq!(
            clean(&["Por Ana García y Luis Pérez"]),
            ["Ana García", "Luis Pérez"]
        );
        assert_eq!(
            clean(&["Автор: Иван Петров и Анна Смирнова"]),
            ["Иван Петров", "Анна Смирнова"]
        );
    }

    #[test]
    fn finds_the_name_after_by_and_drops_credits() {
        assert_eq!(
            clean(&["Posted on September 21 by Adi Tzlil"]),
            ["Adi Tzlil"]
        );
        assert_eq!(
            clean(&["Veröffentlicht von HansG", "Foto: Ingo Schneider"]),
            ["HansG"]
        );
    }

    #[test]
    fn tells_organisations_from_people() {
        assert!(is_organisation("Web Commerce GmbH"));
        assert!(is_organisation("MesOpinions.com"));
        assert!(!is_organisation("Jane Doe"));
        assert!(!is_organisation("Emery D. Berger"));
    }

    #[test]
    fn drops_the_site_name_and_addresses() {
        assert_eq!(
            clean(&["The Daily", "news@daily.example", "https://x.com/jane"]),
            Vec::<String>::new()
        );
    }
}
