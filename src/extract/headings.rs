//! Headings over page furniture: a rail's "Related articles" or "Mehr zum Thema" ends the
//! story there, a label ("Inhaltsverzeichnis") goes alone, and a "Comments" heading names
//! the replies below it.

use std::sync::LazyLock;

use foldhash::HashMap;

/// Headings (lowercase) that introduce page furniture: everything under one, up to the next
/// heading of its rank or the end of its container, is furniture too.
const CHROME_SECTION_HEADINGS: &[&str] = &[
    // English
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "related news",
    "more from",
    "more stories",
    "more news",
    "more on this story",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "read next",
    "what to read next",
    "up next",
    "comments",
    "leave a comment",
    "leave a reply",
    "join the conversation",
    "share this",
    "share this article",
    "share this story",
    "tags",
    "topics",
    "about the author",
    "about the authors",
    "popular posts",
    "recent posts",
    "recent articles",
    "recent stories",
    "latest articles",
    "latest posts",
    "more articles",
    "popular articles",
    "you may also enjoy",
    "you might also enjoy",
    "about the reviewer",
    // The writer's or tester's card under a review: name, role, bio.
    "about our expert",
    "about our experts",
    "meet the testers",
    "explore more",
    "related topics",
    // Forums and Q&A sites: the threads listed under a thread.
    "related questions",
    "related discussions",
    "related threads",
    "similar threads",
    "similar topics",
    "similar questions",
    "suggested topics",
    "suggested threads",
    // A thread's ranking of its posters ("Top Posters In This Topic").
    "top posters",
    "you might also be interested in",
    "you may also be interested in",
    "trending stories",
    "article sources",
    "latest news",
    "latest stories",
    "editor's picks",
    "don't miss",
    "in case you missed it",
    "also read",
    "recommended reading",
    "recommended posts",
    "recommended articles",
    "related reads",
    "related reading",
    "related blogs",
    "related guides",
    "additional reading",
    "recent blogs",
    "popular blogs",
    "other popular blogs",
    "also in the news",
    "you might like",
    "you may like",
    "more like this",
    "more resources",
    "podcasts",
    "more podcasts",
    // Shops
    "related items",
    "people who viewed this item also viewed",
    "customers also viewed",
    "customers also bought",
    "customers who bought this item also bought",
    "customers who viewed this item also viewed",
    "frequently bought together",
    "similar items",
    "similar products",
    "related products",
    "recently viewed",
    "recently viewed items",
    "sponsored items",
    "more from this seller",
    "seller's other items",
    "shop the look",
    "complete the look",
    "compare similar items",
    "explore related products",
    "explore related items",
    "kunden kauften auch",
    "ähnliche produkte",
    "zuletzt angesehen",
    "produits similaires",
    "productos relacionados",
    "prodotti correlati",
    // German
    "mehr zum thema",
    "mehr aus der sendung",
    "mehr aus dem ressort",
    "kommentar verfassen",
    "kommentar schreiben",
    "write a comment",
    "post a comment",
    "vorschau auf den nächsten artikel",
    "heute empfehlen wir",
    "entdecke weitere",
    "weitere tipps",
    "mehr themen",
    "weitere artikel",
    "weitere themen",
    "ähnliche artikel",
    "ähnliche beiträge",
    "verwandte artikel",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "meistgelesen",
    "meistgelesene artikel",
    "meistdiskutierte artikel",
    "meist gelesen",
    "viel gelesen",
    "empfohlene beiträge",
    "empfohlene artikel",
    "empfohlener redaktioneller inhalt",
    "kommentare",
    "schlagworte",
    "über den autor",
    "über die autorin",
    "zum autor",
    "schon gelesen",
    "lesen sie auch",
    "auch interessant",
    "artikel teilen",
    "neueste beiträge",
    "beliebte beiträge",
    "weitere informationen",
    "kontakt",
    "pressekontakt",
    "ansprechpartner",
    "ansprechpartnerin",
    "ihr ansprechpartner",
    "ihre ansprechpartnerin",
    "ansprechpartner zum thema",
    "ansprechpartnerin zum thema",
    "quellen",
    "quellenangaben",
    // French
    "à lire aussi",
    "à découvrir",
    "lire aussi",
    "sur le même sujet",
    "articles similaires",
    "articles liés",
    "les plus lus",
    "commentaires",
    "à propos de l'auteur",
    "dans la même rubrique",
    "vous aimerez aussi",
    // Spanish, Italian, Portuguese
    "contenido relacionado",
    "noticias relacionadas",
    "artículos relacionados",
    "temas relacionados",
    "te puede interesar",
    "lo más leído",
    "más leídas",
    "comentarios",
    "lee también",
    "también te puede interesar",
    "sobre el autor",
    "articoli correlati",
    "leggi anche",
    "potrebbe interessarti",
    "i più letti",
    "commenti",
    "notícias relacionadas",
    "leia também",
    "veja também",
    "mais lidas",
    "comentários",
    // Dutch, Polish, Russian, Turkish
    "gerelateerde artikelen",
    "lees ook",
    "meest gelezen",
    "reacties",
    "czytaj także",
    "czytaj też",
    "zobacz też",
    "zobacz także",
    "polecane",
    "najczęściej czytane",
    "komentarze",
    "читайте также",
    "похожие статьи",
    "популярное",
    "комментарии",
    "другие новости",
    "ilgili haberler",
    "benzer haberler",
    "en çok okunanlar",
    "yorumlar",
];

/// Labels (lowercase) that head a table of contents: the label goes, what follows stays.
const CHROME_LABELS: &[&str] = &[
    "table of contents",
    "contents",
    "inhaltsverzeichnis",
    "inhalt",
    "sommaire",
    "índice",
    "indice",
    "содержание",
    "spis treści",
    "in this article",
    "jump to",
];

/// At most this many words may follow a furniture heading's phrase ("More from The Guardian").
const MAX_HEADING_EXTRA_WORDS: usize = 3;

/// What a furniture heading does to the text under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChromeHeading {
    /// The section it heads is furniture.
    Section,
    /// Only the label itself is furniture.
    Label,
}

/// Headings over a page's replies: furniture under an article, the thread itself on a
/// discussion page.
const REPLIES_HEADINGS: &[&str] = &[
    "comments",
    "replies",
    "answers",
    "kommentare",
    "antworten",
    "commentaires",
    "réponses",
    "commenti",
    "comentarios",
    "respuestas",
];

/// Whether a heading names the replies below it ("Comments", "12 Replies", "Comments (4)").
pub(crate) fn is_replies_heading(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    let normal: String = text
        .chars()
        .filter(|c| c.is_alphabetic() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    REPLIES_HEADINGS.contains(&normal.trim())
}

/// Whether a heading (or a short line standing as one) names page furniture.
pub(crate) fn chrome_heading(text: &str) -> Option<ChromeHeading> {
    if text.len() > 80 {
        return None;
    }
    let normal = normal_heading(text);
    let word_count = normal.split(' ').count();
    // A one-word phrase ("comments", "related") must be the whole heading: followed by more
    // words it opens ordinary subheadings ("Comments from the minister").
    let matches = |phrase: &&str| {
        let Some(rest) = normal.strip_prefix(*phrase) else {
            return false;
        };
        let phrase_words = phrase.split(' ').count();
        let extra = if phrase_words == 1 {
            0
        } else {
            MAX_HEADING_EXTRA_WORDS
        };
        (rest.is_empty() || rest.starts_with(' ')) && word_count <= phrase_words + extra
    };
    if CHROME_LABELS.contains(&normal.as_str()) {
        return Some(ChromeHeading::Label);
    }
    let first = normal.chars().next()?;
    SECTION_HEADINGS_BY_FIRST_CHAR
        .get(&first)
        .is_some_and(|phrases| phrases.iter().any(matches))
        .then_some(ChromeHeading::Section)
}

/// A heading as the phrase lists spell it, built in one pass: without its closing
/// punctuation, in lower case, with `’` as `'` and each run of white space as one space.
fn normal_heading(text: &str) -> String {
    let mut normal = String::with_capacity(text.len());
    let words = text
        .trim()
        .trim_end_matches([':', '?', '!', '.', '…', ' '])
        .split_whitespace();
    for word in words {
        if !normal.is_empty() {
            normal.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            normal.push(if c == '’' { '\'' } else { c });
        }
    }
    normal
}

/// [`CHROME_SECTION_HEADINGS`] by their first character: a heading is compared with the few
/// phrases that start as it does.
static SECTION_HEADINGS_BY_FIRST_CHAR: LazyLock<HashMap<char, Vec<&'static str>>> =
    LazyLock::new(|| {
        let mut map: HashMap<char, Vec<&'static str>> = HashMap::default();
        for phrase in CHROME_SECTION_HEADINGS {
            if let Some(first) = phrase.chars().next() {
                map.entry(first).or_default().push(phrase);
            }
        }
        map
    });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_headings_name_the_replies_alone() {
        for heading in ["Comments", "12 Replies", "Comments (4)", "Kommentare"] {
            assert!(is_replies_heading(heading), "{heading:?}");
        }
        for text in ["Comments from the minister", "Leave a reply", "Related"] {
            assert!(!is_replies_heading(text), "{text:?}");
        }
    }

    #[test]
    fn a_contact_box_heading_is_furniture() {
        for heading in [
            "Ihr Ansprechpartner für Pressefragen",
            "Ansprechpartnerin zum Thema:",
            "Ansprechpartner",
        ] {
            assert_eq!(
                chrome_heading(heading),
                Some(ChromeHeading::Section),
                "{heading}"
            );
        }
        assert_eq!(chrome_heading("Ansprechpartner in der Pflege finden"), None);
    }

    #[test]
    fn threads_listed_under_a_thread_are_furniture() {
        for heading in ["Similar Threads", "Related questions", "Suggested Topics"] {
            assert_eq!(
                chrome_heading(heading),
                Some(ChromeHeading::Section),
                "{heading}"
            );
        }
    }

    #[test]
    fn a_reviews_tester_card_is_furniture() {
        for heading in ["About Our Expert", "Meet the testers"] {
            assert_eq!(
                chrome_heading(heading),
                Some(ChromeHeading::Section),
                "{heading}"
            );
        }
        assert_eq!(chrome_heading("About the expert"), None);
    }

    #[test]
    fn a_threads_poster_ranking_is_furniture() {
        assert_eq!(
            chrome_heading("Top Posters In This Topic"),
            Some(ChromeHeading::Section)
        );
    }

    #[test]
    fn recognises_furniture_headings_in_several_languages() {
        for heading in [
            "Recommended Reading",
            "Also in the News",
            "You might like",
            "Recent Blogs",
        ] {
            assert_eq!(
                chrome_heading(heading),
                Some(ChromeHeading::Section),
                "{heading}"
            );
        }
        assert_eq!(
            chrome_heading("Mehr zum Thema"),
            Some(ChromeHeading::Section)
        );
        assert_eq!(
            chrome_heading("Viel gelesen in Handel"),
            Some(ChromeHeading::Section)
        );
        assert_eq!(
            chrome_heading("More from The Guardian"),
            Some(ChromeHeading::Section)
        );
        assert_eq!(chrome_heading("À découvrir"), Some(ChromeHeading::Section));
        assert_eq!(
            chrome_heading("Schon gelesen?"),
            Some(ChromeHeading::Section)
        );
        assert_eq!(
            chrome_heading("Inhaltsverzeichnis"),
            Some(ChromeHeading::Label)
        );
        assert_eq!(chrome_heading("Related"), Some(ChromeHeading::Section));
        for heading in [
            "About the Reviewer",
            "Recent Articles",
            "You may also enjoy",
            "Explore more",
            "Explore More Insights",
            "Related Topics",
            "You might also be interested in…",
            "Trending stories in world travel",
            "Article Sources",
        ] {
            assert_eq!(
                chrome_heading(heading),
                Some(ChromeHeading::Section),
                "{heading}"
            );
        }
        assert_eq!(chrome_heading("Related research on bees"), None);
        assert_eq!(chrome_heading("Comments from the minister"), None);
        assert_eq!(chrome_heading("The comments that changed everything"), None);
        assert_eq!(chrome_heading("Background"), None);
    }

    #[test]
    fn shop_rails_are_furniture_but_their_reviews_are_not() {
        assert_eq!(chrome_heading("Customer reviews"), None);
        assert_eq!(
            chrome_heading("Related items"),
            Some(ChromeHeading::Section)
        );
        assert_eq!(
            chrome_heading("Explore related items"),
            Some(ChromeHeading::Section)
        );
    }
}
