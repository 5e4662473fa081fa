//! Short lines inside the body that are page furniture, not article text: share and follow
//! prompts, subscription calls, copyright lines, photo credits standing alone, bylines and
//! datelines, media-player time labels.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use memchr::memmem::FinderRev;

use crate::page::text::push_lowercase;

/// Lines longer than this (in bytes) are never judged by phrases: a real paragraph may quote
/// any of them.
const MAX_BOILERPLATE_BYTES: usize = 160;
/// Share of a short line that known phrases must cover for it to be furniture.
const MIN_PHRASE_COVERAGE: f32 = 0.4;

/// Phrases of page furniture. ASCII letters match in any case; others as written, so both
/// the capitalised and the lowercase form are listed where the language has cases.
const BOILERPLATE_PHRASES: &[&str] = &[
    // English
    "like this story",
    "share it with a friend",
    "share this",
    "share on",
    "share via",
    "follow us",
    "sign up for",
    "subscribe to",
    "subscribe now",
    "all rights reserved",
    "click here",
    "advertisement",
    "skip to",
    "skip images",
    "skip navigation",
    "privacy policy",
    "terms of use",
    "terms of service",
    "cookie policy",
    "we use cookies",
    "leave a comment",
    "view comments",
    "show comments",
    "back to top",
    "copy link",
    "download the app",
    "add to cart",
    "add to basket",
    "add to bag",
    "write a review",
    "verified buyer",
    "verified purchase",
    "sold out",
    "out of stock",
    "no longer available",
    "free shipping",
    "free delivery",
    "ships from",
    "returns & exchanges",
    "get notified",
    "notify me when",
    "unable to fetch price",
    // Interface labels
    "sort by",
    "sort:",
    "skip to main content",
    "skip to content",
    "jump to review",
    "toggle caption",
    "view in the app",
    "is this page useful",
    "edit this page",
    "expand/collapse",
    "see details",
    "written by",
    "edited by",
    "share",
    "show full specification",
    "expand description",
    // Forum and community chrome
    "not open for further replies",
    "draft saved",
    "draft discarded",
    "start asking to get answers",
    "find the answer to your question by asking",
    "explore related questions",
    "see similar questions with these tags",
    // A Q&A poster's card: reputation and badge counts ("23.8k14 gold badges88 silver
    // badges124 bronze badges", the numbers set against the words).
    "gold badge",
    "silver badge",
    "bronze badge",
    "reaction score",
    "top posters",
    "upvote",
    "downvote",
    "trending topics",
    "trending searches",
    "sign up for free",
    "register for free",
    "cookie settings",
    // A shop's tab labels: the tabs they head ("Ingredients") are content.
    "customer reviews",
    "ratings & reviews",
    "ratings and reviews",
    "in den warenkorb",
    "listen to this article",
    "min read",
    "minute read",
    "support our journalism",
    "sponsored content",
    "related articles",
    "related stories",
    "more stories",
    "most read",
    "most popular",
    "trending now",
    "read more",
    "newsletter",
    "log in",
    "sign in",
    "print this",
    "be sociable",
    "sorted by",
    "email this",
    "tweet this",
    "loading",
    "this entry was posted in",
    "bookmark the permalink",
    "filed under",
    "posted in",
    "was this article helpful",
    // Feedback widgets under help and documentation pages ("Was this page helpful? Yes No").
    "was this helpful",
    "was this page helpful",
    "did you find this content helpful",
    "did you find what you were looking for",
    "thank you for your feedback",
    "thanks for your feedback",
    "rate this article",
    "no ratings yet",
    "download as pdf",
    "back to previous page",
    // Forum software's quote expander under a quoted post.
    "click to expand",
    "click to shrink",
    "you must be logged in to post a comment",
    // German
    "Folgen Sie uns",
    "folgen Sie uns",
    "Newsletter abonnieren",
    "Alle Rechte vorbehalten",
    "alle Rechte vorbehalten",
    "Weiterlesen",
    "Mehr zum Thema",
    "Zur Startseite",
    "Artikel teilen",
    "Seite teilen",
    "Besucher sind online",
    "Mitglieder in diesem Forum",
    "Bild anzeigen",
    "Bild schließen",
    "Anzeige",
    "Alle Angaben ohne Gewähr",
    "abgelegt unter",
    "veröffentlicht und wurde unter",
    "War der Artikel nützlich",
    "War diese Seite hilfreich",
    "War dieser Artikel hilfreich",
    "Danke für Ihr Feedback",
    "Bewerten Sie dieses",
    "Noch keine Bewertungen",
    "zurück zur vorherigen Seite",
    "als PDF herunterladen",
    "um Kommentare zu schreiben",
    "Beitrag teilen",
    "mit anderen teilen",
    "ausblenden",
    "einblenden",
    "favorisieren",
    "zurück",
    // French
    "Suivez-nous",
    "suivez-nous",
    "Tous droits réservés",
    "tous droits réservés",
    "Abonnez-vous",
    "abonnez-vous",
    "Lire la suite",
    "Partager",
    "Publicité",
    "Cette page vous a-t-elle été utile",
    "Cet article vous a-t-il été utile",
    "Merci pour votre retour",
    // Spanish, Portuguese, Italian
    "Síguenos",
    "síguenos",
    "Suscríbete",
    "suscríbete",
    "Todos los derechos reservados",
    "Compartir",
    "Publicidad",
    "Valora esta noticia",
    "te ha resultado útil",
    "Gracias por tus comentarios",
    "Síguenos en",
    "Siguenos en",
    "Compartilhe",
    "Siga-nos",
    "Publicidade",
    "Riproduzione riservata",
    "riproduzione riservata",
    "Condividi",
    "Seguici",
    "Pubblicità",
    // Dutch, Polish, Turkish
    "Deel dit artikel",
    "Volg ons",
    "Udostępnij",
    "Ten tekst przeczytasz w",
    "Obserwuj nas",
    "Wszelkie prawa zastrzeżone",
    "Paylaş",
    "Bizi takip edin",
    // Russian
    "Поделиться",
    "поделиться",
    "Подписывайтесь",
    "подписывайтесь",
    "Все права защищены",
    "все права защищены",
    "Реклама",
];

/// Openings of a byline (lowercase), followed by a capitalised name.
const BYLINE_OPENERS: &[&str] = &[
    "by ",
    "von ",
    "par ",
    "por ",
    "di ",
    "door ",
    "av ",
    "przez ",
    "yazan ",
    "автор ",
    "text: ",
    "texto: ",
    "written by ",
    "written by: ",
    "posted by ",
    "words by ",
    "reporting by ",
    "edited by: ",
    "reviewed by ",
    "reviewed by: ",
    "medically reviewed by ",
    "fact checked by ",
    "fact checked by: ",
    "fact-checked by ",
    "contributions from: ",
];

/// The longest of [`BYLINE_OPENERS`] and the capital after it, in characters.
const MAX_BYLINE_OPENER_CHARS: usize = 24;

/// Photo agencies and stock libraries whose names make a short line a credit.
const CREDIT_NAMES: &[&str] = &[
    "getty images",
    "istock",
    "shutterstock",
    "reuters",
    "afp",
    "ap photo",
    "associated press",
    "dpa",
    "imago",
    "picture alliance",
    "picture-alliance",
    "keystone",
    "epa",
    "alamy",
    "unsplash",
    "pexels",
    "bestimage",
    "anadolu",
    "xinhua",
    "sputnik",
    "tass",
    "ria novosti",
];

/// The longest byline or dateline, in bytes.
const MAX_BYLINE_BYTES: usize = 150;
/// The most words a dateline may hold besides its date.
const MAX_DATELINE_WORDS: usize = 8;

/// Openings of a photo credit or caption line that stands alone.
const CREDIT_PREFIXES: &[&str] = &[
    "photo:",
    "photo by",
    "photograph by",
    "(©",
    "(foto",
    "(quelle",
    "(crédito",
    "crédito:",
    "bild via",
    "beitragsbild:",
    "titelbild:",
    "titelfoto:",
    "symbolbild",
    "foto:",
    "photo credit",
    "crédit",
    "bildquelle",
    "foto ©",
    "photos:",
    "image:",
    "image by",
    "picture:",
    "credit:",
    "fotos:",
    "bild:",
    "quelle:",
    "source:",
    "©",
    "(c)",
    "getty images",
    "file photo",
];

static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(BOILERPLATE_PHRASES)
        .unwrap_or_else(|error| unreachable!("the phrases form a valid automaton: {error}"))
});

/// Whether a line of body text is page furniture.
pub(crate) fn is_boilerplate(text: &str) -> bool {
    let text = text.trim();
    if is_ui_text(text) {
        return true;
    }
    if text.len() > MAX_BOILERPLATE_BYTES {
        return false;
    }
    let lower = text.to_lowercase();
    is_figure_label(&lower)
        || is_credit_line(text, &lower)
        || is_orphan_byline_label(text, &lower)
        || is_byline(text)
        || is_dateline(text)
        || is_relative_time(&lower)
        || ends_with_photo_credit(&lower)
}

/// Credits that close a caption: `Boats in the harbour on Monday. Photo by Dana Reyes`.
const CAPTION_CREDIT_MARKERS: &[&str] = &[
    "photo by ",
    "photograph by ",
    "photo: ",
    "photograph: ",
    "credit: ",
    "foto: ",
    "bild: ",
    "photo : ",
    "bild via",
];
/// The longest credit (the name after the marker), in bytes.
const MAX_CREDIT_NAME_BYTES: usize = 40;
/// [`CAPTION_CREDIT_MARKERS`] as searchers from the end, built once.
static CAPTION_CREDIT_FINDERS: LazyLock<Vec<FinderRev<'static>>> =
    LazyLock::new(|| CAPTION_CREDIT_MARKERS.iter().map(FinderRev::new).collect());

/// A caption that ends with its photo credit: the credit names a photographer or agency in a
/// few words after a marker, or sits in a closing `(…)` group or after ` | ` with a `©` or an
/// agency name: `The ermine in winter. (mlharing / iStock.com)`, `Lee Elder. | © Getty Images`.
/// Takes the caption in lowercase.
fn ends_with_photo_credit(lower: &str) -> bool {
    let last_group = lower
        .strip_suffix(')')
        .and_then(|head| head.rfind('(').map(|open| &head[open + 1..]));
    let last_segment = lower.rsplit_once(" | ").map(|(_, tail)| tail);
    let is_credit = |part: &str| {
        part.len() <= MAX_CREDIT_NAME_BYTES + 10 && (part.contains('©') || names_an_agency(part))
    };
    // `… in Bremen auf DA42 und DA40 ausbilden. © CAE`: a credit set after the caption. A
    // year makes it a copyright line, which may close a page's own text.
    let after_copyright = lower
        .rsplit_once('©')
        .filter(|(caption, _)| !caption.trim().is_empty())
        .map(|(_, credit)| credit);
    let is_short_credit = |credit: &str| {
        credit.len() <= MAX_CREDIT_NAME_BYTES
            && credit.split_whitespace().count() <= 5
            && !credit.trim_end().ends_with(['.', '!', '?'])
            && !credit.contains(|c: char| c.is_ascii_digit())
    };
    if last_group.is_some_and(is_credit)
        || last_segment.is_some_and(is_credit)
        || after_copyright.is_some_and(is_short_credit)
    {
        return true;
    }
    CAPTION_CREDIT_FINDERS.iter().any(|finder| {
        finder.rfind(lower).is_some_and(|at| {
            let name = lower.get(at + finder.needle().len()..).unwrap_or_default();
            at > 0
                && name.len() <= MAX_CREDIT_NAME_BYTES
                && name.split_whitespace().count() <= 5
                && !name.trim_end().ends_with(['.', '!', '?'])
        })
    })
}

/// Whether a line is interface text: share and subscribe prompts, player labels, template
/// placeholders a script never filled. Bylines, dates and credits are not judged here: in a
/// listing they are part of each item.
pub(crate) fn is_ui_text(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || is_player_time_label(text) || is_template_placeholder(text) {
        return true;
    }
    text.len() <= MAX_BOILERPLATE_BYTES && phrase_coverage(text) >= MIN_PHRASE_COVERAGE
}

/// The longest phrase a ticker repeats, in words.
const MAX_TICKER_PHRASE_WORDS: usize = 6;
/// A ticker shows its phrase at least this many times…
const MIN_TICKER_REPEATS: usize = 4;
/// …in at least this many words.
const MIN_TICKER_WORDS: usize = 8;

/// Whether a line is one short phrase over and over (`Book Now *Book Now *Book Now *…`): the
/// text of a scrolling ticker or marquee, written out many times so that the strip never runs
/// empty. Words are compared case-insensitively, punctuation and symbols aside.
pub(crate) fn is_ticker(text: &str) -> bool {
    let words = || {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    // The first words, one past the longest phrase: a phrase of `period` words repeats only
    // if the word after it is its first again, which rules out nearly every line at once.
    let mut head = [""; MAX_TICKER_PHRASE_WORDS + 1];
    let mut read = 0;
    for (slot, word) in head.iter_mut().zip(words()) {
        *slot = word;
        read += 1;
    }
    if read < head.len() {
        return false;
    }
    (1..=MAX_TICKER_PHRASE_WORDS)
        .filter(|&period| head[period].eq_ignore_ascii_case(head[0]))
        .any(|period| {
            let mut count = 0;
            let repeats = words().all(|word| {
                count += 1;
                word.eq_ignore_ascii_case(head[(count - 1) % period])
            });
            repeats && count >= MIN_TICKER_WORDS.max(MIN_TICKER_REPEATS * period)
        })
}

/// The longest count standing alone, in characters.
const MAX_COUNT_CHARS: usize = 8;

/// A number alone on its line: the vote, reply or like counter of a post (`12`, `+3`,
/// `1,204`, `4.5k`). Only discussion pages drop it; elsewhere a lone number can be a rank or
/// a figure the page means.
pub(crate) fn is_bare_count(text: &str) -> bool {
    let text = text.trim();
    let digits = text.trim_end_matches(['k', 'K', 'M']);
    text.chars().count() <= MAX_COUNT_CHARS
        && digits.chars().any(|c| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '+' | '-' | '−' | ' '))
}

/// The longest label of a poster's stat line, in characters.
const MAX_STAT_LABEL_CHARS: usize = 24;

/// A labelled count on its line: the stat box beside a forum post (`Posts: 4,032`,
/// `Reputation: 12`, `Threads: 23`). Only discussion pages drop it. The label is one to
/// three words of letters.
pub(crate) fn is_stat_line(text: &str) -> bool {
    let Some((label, count)) = text.trim().split_once(':') else {
        return false;
    };
    let words = label.split_whitespace().count();
    (1..=3).contains(&words)
        && label.chars().count() <= MAX_STAT_LABEL_CHARS
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
        && !count.trim().is_empty()
        && is_bare_count(count)
}

/// `By Chris McNamara ⋅ Editor ⋅ Updated May 6, 2025`, `Von Max Müller`: a byline standing
/// alone (the byline itself is read into the metadata). `By 2030, …` and `By contrast, …` are
/// sentences: a byline opener must be followed by a capitalised name.
pub(crate) fn is_byline(text: &str) -> bool {
    if text.len() > MAX_BYLINE_BYTES || text.ends_with('.') && !text.ends_with(" Jr.") {
        return false;
    }
    let mut lower = String::with_capacity(64);
    push_lowercase(&mut lower, text.chars().take(MAX_BYLINE_OPENER_CHARS));
    BYLINE_OPENERS.iter().any(|opener| {
        lower.starts_with(opener)
            && text
                .chars()
                .nth(opener.chars().count())
                .is_some_and(char::is_uppercase)
    })
}

/// Byline and date labels (lowercase) whose name or date went elsewhere: the label stays
/// behind as a line of its own ("By", "Posted on", "Last updated:", "Reviewed by,"), where
/// the template set the value in a link or a `<time>` that the walk left out.
const ORPHAN_BYLINE_LABELS: &[&str] = &[
    "by",
    "written by",
    "posted by",
    "reviewed by",
    "author",
    "posted on",
    "published on",
    "published",
    "last updated",
    "updated at",
    "updated on",
    "von",
    "autor",
    "geschrieben von",
    "veröffentlicht am",
    "par",
    "publié le",
    "por",
    "publicado el",
    "door",
];

/// A byline or date label standing alone (see [`ORPHAN_BYLINE_LABELS`]), capitalised as a
/// label is: a lowercase "by" alone is a line of code or verse. Takes the line and its
/// lowercase form.
fn is_orphan_byline_label(text: &str, lower: &str) -> bool {
    let label = lower.trim_end_matches([':', ',']).trim_end();
    text.starts_with(char::is_uppercase) && ORPHAN_BYLINE_LABELS.contains(&label)
}

/// Words (lowercase) that open a relative time: "před 2 hodinami", "vor 3 Stunden", "il y a
/// 2 heures", "hace 5 minutos", "há 2 dias".
const RELATIVE_TIME_OPENERS: &[&str] = &["před ", "vor ", "il y a ", "hace ", "há "];
/// Words (lowercase) that close a relative time: "2 hours ago", "3 ore fa", "5 minut temu",
/// "2 часа назад", "3 uur geleden", "2 dagar sedan".
const RELATIVE_TIME_CLOSERS: &[&str] = &[
    " ago",
    " fa",
    " temu",
    " назад",
    " geleden",
    " sedan",
    " siden",
    " önce",
];
/// The longest relative time, in bytes.
const MAX_RELATIVE_TIME_BYTES: usize = 32;

/// A relative time alone on its line, a count and a unit inside an opener or a closer
/// (`2 days ago`, `před 2 hodinami`, `an hour ago`): a post's stamp that the page's script
/// or cache wrote against the time it was served. Like other dates it stays on listings,
/// where it is part of each item (Hacker News's jobs, wcxb 2911). Takes the line in
/// lowercase.
fn is_relative_time(lower: &str) -> bool {
    if lower.len() > MAX_RELATIVE_TIME_BYTES {
        return false;
    }
    is_bare_relative_time(lower) || is_labelled_relative_time(lower)
}

/// The most words of a label before a relative time: "asked", "last updated".
const MAX_STAMP_LABEL_WORDS: usize = 2;

/// A relative time under a label of a word or two (`asked 8 years, 2 months ago`, Q&A
/// software's stamp over a question; `last updated: 1 year ago`). Takes the line in lowercase.
fn is_labelled_relative_time(lower: &str) -> bool {
    let mut rest = lower;
    for _ in 0..MAX_STAMP_LABEL_WORDS {
        let Some((word, after)) = rest.split_once(' ') else {
            return false;
        };
        let word = word.strip_suffix(':').unwrap_or(word);
        if word.is_empty() || !word.chars().all(char::is_alphabetic) {
            return false;
        }
        if is_bare_relative_time(after) {
            return true;
        }
        rest = after;
    }
    false
}

/// A relative time and nothing else: `2 days ago`, `8 years, 2 months ago`, `2h ago`.
fn is_bare_relative_time(lower: &str) -> bool {
    let amount = RELATIVE_TIME_OPENERS
        .iter()
        .find_map(|opener| lower.strip_prefix(opener))
        .or_else(|| {
            RELATIVE_TIME_CLOSERS
                .iter()
                .find_map(|closer| lower.strip_suffix(closer))
        });
    amount.is_some_and(|amount| amount.split(", ").all(is_count_and_unit))
}

/// `2 days`, `an hour`, `2h`: the amount of a relative time.
fn is_count_and_unit(amount: &str) -> bool {
    let mut words = amount.split_whitespace();
    let (Some(count), Some(unit), None) = (words.next(), words.next(), words.next()) else {
        // `2h ago`, `5d ago`: the unit set against the count.
        return amount
            .trim()
            .strip_suffix(char::is_alphabetic)
            .is_some_and(|count| !count.is_empty() && count.chars().all(|c| c.is_ascii_digit()));
    };
    let is_count = count.chars().all(|c| c.is_ascii_digit()) || matches!(count, "a" | "an");
    is_count && unit.chars().all(char::is_alphabetic)
}

/// Labels (lowercase) that make a date line an event's time or a deadline, which the text
/// announces: "Termin: 29.02.2020, 19 Uhr" (whiskyverkostung.com, trafilatura a99f147d0d10),
/// "Einsendeschluss: 03.11.2019 (Poststempel)" (dealdoktor.de, b0161f587e5a).
const EVENT_DATE_LABELS: &[&str] = &[
    "termin",
    "einsendeschluss",
    "anmeldeschluss",
    "bewerbungsschluss",
    "teilnahmeschluss",
    "veranstaltungsbeginn",
    "deadline",
    "date limite",
    "fecha límite",
];

/// `Jan 13, 2025`, `Updated: 30.03.2021, 14:05 Uhr`: a date with a few words around it. An
/// event's date or a deadline is no dateline (see [`EVENT_DATE_LABELS`]).
pub(crate) fn is_dateline(text: &str) -> bool {
    // "posted on April 21, 2015, at 11:29 a.m.": the stop is the clock's, not a sentence's.
    let is_sentence = text.ends_with('.') && !text.ends_with(" a.m.") && !text.ends_with(" p.m.");
    text.len() <= MAX_BYLINE_BYTES
        && !is_sentence
        && text.split_whitespace().count() <= MAX_DATELINE_WORDS
        && crate::metadata::date::parse_text(text, false).is_some()
        && !EVENT_DATE_LABELS
            .iter()
            .any(|label| opens_with_label(text, label))
}

/// Whether `text` starts with `label` (lowercase) in any case, followed by a colon or a space.
fn opens_with_label(text: &str, label: &str) -> bool {
    let mut chars = text.chars().flat_map(char::to_lowercase);
    label.chars().all(|expected| chars.next() == Some(expected))
        && matches!(chars.next(), Some(':' | ' '))
}

/// Share of the text's bytes covered by known phrases.
fn phrase_coverage(text: &str) -> f32 {
    let covered: usize = PHRASES.find_iter(text).map(|m| m.len()).sum();
    covered as f32 / text.len().max(1) as f32
}

/// Whether a line is a photo credit with no sentence of its own (`Credit: The Spruce Eats`,
/// `Photo: Reuters`).
pub(crate) fn is_photo_credit(text: &str) -> bool {
    let text = text.trim();
    is_credit_line(text, &text.to_lowercase())
}

/// `Photo: Reuters`, `© AFP 2021`: a credit with no sentence of its own (`lower` is `text` in
/// lowercase).
fn is_credit_line(text: &str, lower: &str) -> bool {
    if text.len() > 100 {
        return false;
    }
    CREDIT_PREFIXES
        .iter()
        .any(|prefix| lower.starts_with(prefix))
        || (!text.ends_with('.') && text.len() <= 80 && names_an_agency(lower))
}

/// Openings of a German figure caption: "Abbildung 4: klassische Schwachschicht."
const FIGURE_LABELS: &[&str] = &["abbildung ", "abb. "];

/// A caption standing alone under its picture, opened by the figure's number ("Abbildung 8:
/// Vorgehensweise für grosse Ereignisse", baechli-bergsport.ch, trafilatura 17a20ea84863).
/// English "Figure 9." lines are left alone: documentation keeps them as text (git-scm.com,
/// WCXB 2869). Takes the line in lowercase.
fn is_figure_label(lower: &str) -> bool {
    FIGURE_LABELS.iter().any(|label| {
        lower.strip_prefix(label).is_some_and(|rest| {
            let number = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            number.len() < rest.len() && number.starts_with([':', '.'])
        })
    })
}

/// Whether a lowercase text names a photo agency as a word of its own.
fn names_an_agency(lower: &str) -> bool {
    AGENCY_NAMES.find_overlapping_iter(lower).any(|found| {
        let before = lower[..found.start()].chars().next_back();
        let after = lower[found.end()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// [`CREDIT_NAMES`] in one automaton: every occurrence of every name in one scan of a line,
/// instead of a substring search per name.
static AGENCY_NAMES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(CREDIT_NAMES)
        .unwrap_or_else(|error| unreachable!("the names form a valid automaton: {error}"))
});

/// `{{priceAnchor.price}}`, `${title}`: client-side template syntax left unrendered.
fn is_template_placeholder(text: &str) -> bool {
    let inner = text
        .strip_prefix("{{")
        .and_then(|t| t.strip_suffix("}}"))
        .or_else(|| text.strip_prefix("${").and_then(|t| t.strip_suffix('}')));
    inner.is_some_and(|inner| !inner.contains(['{', '}']) && !inner.trim().contains(' '))
}

/// Media-player time labels: `0:00 27:33 0:00 28:1`, `03:12 / 45:00`.
fn is_player_time_label(text: &str) -> bool {
    // A clock time alone ("3:59 PM", "14:05 Uhr") is the stamp of a post, no sentence.
    let text = ["AM", "PM", "am", "pm", "Uhr", "h"]
        .iter()
        .find_map(|suffix| text.strip_suffix(suffix))
        .unwrap_or(text)
        .trim_end();
    text.contains(':')
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | ' ' | '.' | '-'))
        && text.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_counts_are_numbers_alone() {
        for count in ["12", "+3", "1,204", "4.5k", " 7 ", "-2"] {
            assert!(is_bare_count(count), "{count:?}");
        }
        for text in ["12 people were hurt", "k", "", "No. 5", "1,234,567,890"] {
            assert!(!is_bare_count(text), "{text:?}");
        }
    }

    #[test]
    fn stat_lines_are_a_label_and_a_count() {
        for stat in ["Posts: 4,032", "Reputation: 1", "Likes Received: 12"] {
            assert!(is_stat_line(stat), "{stat:?}");
        }
        for text in [
            "Note: 5 people",
            "Time: 0:05",
            "Posts:",
            "Step 3: 12",
            "Tip: 12 eggs",
        ] {
            assert!(!is_stat_line(text), "{text:?}");
        }
    }

    #[test]
    fn tickers_repeat_one_phrase() {
        assert!(is_ticker(&"Book Now *".repeat(20)));
        assert!(is_ticker(
            "Swatch Swatch Swatch Swatch Swatch Swatch Swatch Swatch"
        ));
        for text in [
            "Book Now * Book Now * Book Now",
            "Yes. We can. Yes, we can, and we will.",
            "The council approved the new budget on Tuesday after a long debate.",
            "",
        ] {
            assert!(!is_ticker(text), "{text:?}");
        }
    }

    #[test]
    fn drops_share_prompts() {
        assert!(is_boilerplate("Like this story? Share it with a friend!"));
        assert!(is_boilerplate("Follow us on Twitter"));
        assert!(is_boilerplate("Newsletter abonnieren"));
        assert!(is_boilerplate("Поделиться"));
    }

    #[test]
    fn drops_interface_and_forum_labels() {
        assert!(is_boilerplate("Skip to main content"));
        assert!(is_boilerplate("Sort by:"));
        assert!(is_boilerplate("Is this page useful?Edit this page"));
        assert!(is_boilerplate("Share"));
        assert!(!is_boilerplate(
            "Share prices fell sharply on Tuesday after the results."
        ));
        assert!(is_boilerplate("Not open for further replies."));
        assert!(is_boilerplate("Top Posters In This Topic"));
        assert!(is_boilerplate("Reaction score"));
        assert!(is_boilerplate("Draft saved"));
        assert!(is_boilerplate(
            "23.8k14 gold badges88 silver badges124 bronze badges"
        ));
        assert!(is_boilerplate("See similar questions with these tags."));
        assert!(!is_boilerplate(
            "The vote to upgrade the harbour passed by a wide margin."
        ));
    }

    #[test]
    fn drops_feedback_widgets() {
        assert!(is_boilerplate("Was this page helpful?"));
        assert!(is_boilerplate("Did you find this content helpful?"));
        assert!(is_boilerplate("Thank you for your feedback!"));
        assert!(is_boilerplate("War diese Seite hilfreich?"));
        assert!(!is_boilerplate(
            "Thank you for your feedback on the draft, which shaped the report we publish today."
        ));
    }

    #[test]
    fn drops_german_toggle_and_back_labels() {
        assert!(is_boilerplate("Quellen ausblenden"));
        assert!(is_boilerplate("Tipp favorisieren"));
        assert!(is_boilerplate("zurück"));
        assert!(is_ui_text("Ten tekst przeczytasz w mniej niż minutę"));
        assert!(is_boilerplate(
            "Den Artikel mit anderen teilen/diskutieren:"
        ));
        assert!(!is_boilerplate(
            "Nach drei Jahren kehrte die Familie in ihr Dorf zurück, das sie kaum wiedererkannte."
        ));
    }

    #[test]
    fn drops_unrendered_template_placeholders() {
        assert!(is_boilerplate(
            "{{priceAnchor.priceWrapper.info.totalPrice}}"
        ));
        assert!(is_boilerplate("${product.title}"));
        assert!(!is_boilerplate(
            "Use {{name}} in your template to print the name."
        ));
    }

    #[test]
    fn drops_player_time_labels() {
        assert!(is_boilerplate("0:00 27:33 0:00 28:1"));
        assert!(is_boilerplate("03:12 / 45:00"));
        assert!(!is_boilerplate("2021"));
    }

    #[test]
    fn drops_german_figure_captions() {
        assert!(is_boilerplate(
            "Abbildung 4: klassische Schwachschicht. Der Unterschied in der Kornform ist klar."
        ));
        assert!(is_boilerplate("Abb. 2: Lawinenkegel"));
        assert!(!is_boilerplate("Abbildungen zeigen, wie es geht"));
        assert!(!is_boilerplate("Figure 9. A commit and its tree"));
    }

    #[test]
    fn drops_clock_times_standing_alone() {
        assert!(is_boilerplate("3:59 PM"));
        assert!(is_boilerplate("14:05 Uhr"));
        assert!(!is_boilerplate("Ratio 3:1 PM"));
    }

    #[test]
    fn drops_captions_with_a_copyright_credit_after_them() {
        assert!(is_boilerplate(
            "Die CAE GmbH wird Nachwuchspiloten der Luftwaffe in Bremen ausbilden. © CAE"
        ));
        // A year makes it a copyright line, which pages keep under their own text.
        assert!(!is_boilerplate(
            "linux usability ...or, why do I bother. © 2002, 2003 Jamie Zawinski"
        ));
    }

    #[test]
    fn drops_credit_lines() {
        assert!(is_boilerplate("Photo: Reuters / Maxim Shemetov"));
        assert!(is_boilerplate(
            "Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss."
        ));
        assert!(is_boilerplate(
            "Paris Haute Couture SS14, Serkan Cura, Bild via"
        ));
        assert!(is_boilerplate("© AFP 2021"));
    }

    #[test]
    fn drops_bylines_and_datelines() {
        assert!(is_boilerplate(
            "By Chris McNamara ⋅ Founder and Editor-in-Chief ⋅ Updated May 6, 2025"
        ));
        assert!(is_boilerplate("Von Max Müller"));
        assert!(is_boilerplate("Jan 13, 2025"));
        assert!(is_boilerplate("Aktualisiert: 30.03.2021, 14:05 Uhr"));
        assert!(!is_boilerplate(
            "By 2030, the city wants every bus to run on electricity."
        ));
        assert!(!is_boilerplate(
            "By contrast, the suburbs voted for the plan"
        ));
        assert!(!is_boilerplate("On March 3, 2021 the law passed."));
    }

    #[test]
    fn drops_reviewer_and_contributor_bylines() {
        assert!(is_boilerplate("Fact checked by: Vita Stevens"));
        assert!(is_boilerplate("Medically reviewed by Jane Doe, MD"));
        assert!(is_boilerplate("Contributions From: Austin Palmer"));
        assert!(is_boilerplate("Edited by: Keri Stooksbury"));
        assert!(!is_boilerplate("Reviewed by the council in May"));
    }

    #[test]
    fn drops_byline_labels_left_alone() {
        assert!(is_boilerplate("By"));
        assert!(is_boilerplate("Posted On"));
        assert!(is_boilerplate("Last updated:"));
        assert!(is_boilerplate("Reviewed by,"));
        assert!(!is_boilerplate("by"));
        assert!(!is_boilerplate("Authority"));
    }

    #[test]
    fn drops_relative_times_alone() {
        assert!(is_boilerplate("před 2 hodinami"));
        assert!(is_boilerplate("3 days ago"));
        assert!(is_boilerplate("an hour ago"));
        assert!(is_boilerplate("vor 5 Minuten"));
        assert!(is_boilerplate("2h ago"));
        assert!(!is_boilerplate("Updated 6 days ago • 868k • 583"));
        assert!(!is_boilerplate("Four score and seven years ago"));
        assert!(!is_ui_text("3 days ago"));
    }

    #[test]
    fn drops_relative_times_under_a_label() {
        assert!(is_boilerplate("Asked 8 years, 2 months ago"));
        assert!(is_boilerplate("Last updated 1 year ago"));
        assert!(is_boilerplate("Posted: an hour ago"));
    }

    #[test]
    fn drops_datelines_ending_in_a_clock_time() {
        assert!(is_boilerplate("posted on April 21, 2015, at 11:29 a.m."));
    }

    #[test]
    fn keeps_event_dates_and_deadlines() {
        assert!(is_boilerplate("Updated: 30.03.2021, 14:05 Uhr"));
        assert!(!is_boilerplate("Termin: 29.02.2020, 19 Uhr"));
        assert!(!is_boilerplate("Einsendeschluss: 03.11.2019 (Poststempel)"));
        assert!(!is_boilerplate("Deadline: March 3, 2025"));
    }

    #[test]
    fn drops_captions_that_end_with_their_credit() {
        assert!(is_boilerplate(
            "Boats in Millbrook harbour on Monday. Photo by Dana Reyes"
        ));
        assert!(is_boilerplate(
            "Der Radstreifen soll zwei Meter breit werden. Foto: Thorsten Richter"
        ));
        assert!(!is_boilerplate(
            "She said the photo: was taken by her brother in 1998 at the lake."
        ));
    }

    #[test]
    fn drops_captions_with_credits_in_brackets_or_after_a_bar() {
        assert!(is_boilerplate(
            "Das Hermelin ist im Winter gut getarnt. (mlharing / iStock.com)"
        ));
        assert!(is_boilerplate(
            "Lee Elder war mit Talent gesegnet. | © Augusta National/Getty Images"
        ));
        assert!(!is_boilerplate(
            "The ministry confirmed the figures on Monday (Reuters reported them first)."
        ));
    }

    #[test]
    fn drops_agency_credits() {
        assert!(is_boilerplate("Augusta National/Getty Images"));
        assert!(is_boilerplate("iStock.com"));
        assert!(is_boilerplate("Crédits photos : Bestimage"));
        assert!(!is_boilerplate(
            "Reuters reported that the talks had stalled."
        ));
        assert!(!is_boilerplate("The gallery sold a Shutterstocking print"));
    }

    #[test]
    fn keeps_sentences_that_mention_a_phrase() {
        assert!(!is_boilerplate(
            "Shares fell 5% after the company said it would not follow us rules."
        ));
        assert!(!is_boilerplate("He declined to comment."));
        assert!(!is_boilerplate(
            "The council will publish its privacy policy review next month, officials said, \
             after months of complaints from residents about how their data was handled \
             by contractors."
        ));
    }

    #[test]
    fn drops_shop_notices_and_review_tab_labels() {
        assert!(is_boilerplate("Free shipping"));
        assert!(is_boilerplate("Returns & exchanges accepted"));
        assert!(is_boilerplate("Out of stock"));
        assert!(is_boilerplate("Customer Reviews"));
        assert!(is_boilerplate("Click to expand..."));
        assert!(!is_boilerplate(
            "The company said free shipping had cost it more than its advertising budget last year."
        ));
    }
}
