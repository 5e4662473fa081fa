//! Notices set into an article's text: calls to action (subscribe, support us, get the app),
//! licence and copyright notes, and the author's bio under the story. Unlike the one-line
//! furniture of [`super::boilerplate`], these are whole sentences, so one telling phrase in a
//! short paragraph is enough.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// Paragraphs longer than this (bytes) are never notices: a story may discuss any of this.
const MAX_NOTICE_BYTES: usize = 320;

/// Phrases of calls to action and licence notes. ASCII letters match in any case.
const NOTICE_PHRASES: &[&str] = &[
    // Newsletters, subscriptions and memberships
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "newsletter abonnieren",
    "unseren newsletter",
    "in deinen posteingang",
    "in ihren posteingang",
    "abonnez-vous à notre newsletter",
    "suscríbete a nuestro boletín",
    "join our mailing list",
    "directly in your inbox",
    "straight to your inbox",
    "delivered to your inbox",
    "delivered directly to your inbox",
    "sign up below",
    "sign up today",
    "sign up to receive",
    "subscribe to receive",
    "subscribe to get",
    "join our newsletter",
    "sign up for the newsletter",
    "discover more from",
    "in dein postfach",
    "in ihr postfach",
    "dans votre boîte",
    "en tu bandeja de entrada",
    "register now",
    "contact us today",
    "become a member",
    "support our journalism",
    "support independent journalism",
    "unterstütze uns",
    "unterstützen sie uns",
    "werden sie mitglied",
    "werde mitglied",
    "devenez membre",
    "hazte miembro",
    "hazte socio",
    "jetzt abonnieren",
    "jetzt testen",
    "subscribe now",
    "to our newsletter",
    "a nuestra newsletter",
    "à notre newsletter",
    "cancel anytime",
    "cancel at any time",
    "cancela cuando quieras",
    "cancela en cualquier momento",
    "jederzeit kündbar",
    "résiliable à tout moment",
    "vorteile sichern",
    "newsletter!",
    "teilen sie uns ihre",
    "medically reviewed by",
    "von medizinern geprüft",
    "to your basket",
    "to your cart",
    // Where a story was printed first ("Dieser Artikel stammt aus der ZEIT Nr. 43/2019")
    "dieser beitrag stammt aus",
    "dieser artikel stammt aus",
    "als e-paper",
    // Social follows
    "follow us on",
    "follow me on",
    "keep up with me on",
    "on twitter and instagram",
    "on facebook and twitter",
    "on twitter and facebook",
    "folgen sie uns auf",
    "folge uns auf",
    "suivez-nous sur",
    "síguenos en",
    "siguenos en",
    "sign up here",
    // Comment forms and site chrome
    "email address will not be published",
    "e-mail-adresse wird nicht veröffentlicht",
    "benötigt und nicht veröffentlicht",
    "besucher sind online",
    "hinzugefügt von:",
    "erfolgreich hinzugefügt",
    "successfully added to cart",
    "ajouté avec succès",
    "is not responsible for the opinions",
    "click here to report",
    // A form's hidden result messages and its spam check, written into the page
    "your submission has been received",
    "went wrong while submitting",
    "protected by recaptcha",
    // Blog post footers (WordPress and the like)
    "this entry was posted",
    "is filed under",
    "und abgelegt unter",
    "veröffentlicht und wurde unter",
    "view all posts by",
    "zeige alle beiträge von",
    "alle beiträge von",
    "voir tous les articles de",
    // Reading time
    "min read",
    "minute read",
    "lesezeit",
    "temps de lecture",
    "tiempo de lectura",
    "minuti di lettura",
    "przeczytasz w",
    // Controls of reading widgets: an image viewer's hint, a recipe card's jump link and
    // cook mode, a summariser's or a voice player's label, a mailed newsletter's header
    "press enter or click to view image",
    "jump to recipe",
    "prevent your screen from going dark",
    "summarize this article with",
    "audionative player",
    "this post is public so feel free to share",
    "was this newsletter forwarded to you",
    "view in browser",
    // Placeholders of embeds that wait for consent
    "ohne dein einverständnis",
    "ohne ihr einverständnis",
    "externe inhalte laden",
    "to view this content",
    // Apps
    "download our app",
    "download the app",
    "apps for ios and android",
    "app herunterladen",
    "app store and google play",
    // Affiliate and advertiser disclosures
    "may receive compensation",
    "may earn a commission",
    "we earn a commission",
    "may earn an affiliate commission",
    "contains affiliate links",
    "contains references to products from one or more of our advertisers",
    "affiliate link",
    "affiliate-link",
    "erhalten wir eine provision",
    "may earn us a commission",
    "earn money when you click",
    "supported by commissions",
    "liens affiliés",
    "enlaces de afiliados",
    // Licences and copyright
    "creative commons",
    "unter cc-by",
    "licensed under cc",
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "wszelkie prawa zastrzeżone",
    "prawem autorskim",
    "copyrighted property of",
    "may not be published, broadcast, rewritten or redistributed",
    "urheberrechtlich geschützt",
    "nachdruck nur mit",
    "reproduction interdite",
];

/// Words naming a writer's job, for author bios ("Jane is a senior writer for …").
const BIO_ROLES: &[&str] = &[
    "writer",
    "editor",
    "reporter",
    "journalist",
    "correspondent",
    "columnist",
    "contributor",
    "author",
    "redakteur",
    "redakteurin",
    "journalistin",
    "autorin",
    "rédacteur",
    "rédactrice",
    "journaliste",
    "periodista",
    "redactor",
    "redactora",
];

/// Links between a name and a role in a bio's first sentence.
const BIO_COPULAS: &[&str] = &[" is a ", " is an ", " is the ", " ist ", " est ", " es "];

/// The longest bio, in bytes.
const MAX_BIO_BYTES: usize = 500;

/// A DFA, as with the class words: over a hundred phrases the builder would pick a slower
/// NFA, and every short paragraph of every page is scanned.
static NOTICES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(AhoCorasickKind::DFA))
        .build(NOTICE_PHRASES)
        .unwrap_or_else(|error| unreachable!("the phrases form a valid automaton: {error}"))
});

/// Whether a short paragraph is a call to action or a licence note.
pub(crate) fn is_notice(text: &str) -> bool {
    text.len() <= MAX_NOTICE_BYTES && NOTICES.is_match(text)
}

/// Whether a paragraph is an author's bio: a name, then "is a … writer/editor/…" early on.
pub(crate) fn is_author_bio(text: &str) -> bool {
    if text.len() > MAX_BIO_BYTES || !text.starts_with(char::is_uppercase) {
        return false;
    }
    let head: String = text.chars().take(90).collect();
    let lower = head.to_lowercase();
    let Some(copula) = BIO_COPULAS.iter().filter_map(|c| lower.find(c)).min() else {
        return false;
    };
    // The subject is a name: one to four capitalised words, not a pronoun or an article.
    let subject: Vec<&str> = head
        .get(..copula)
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let is_name = (1..=4).contains(&subject.len())
        && subject.iter().all(|w| w.starts_with(char::is_uppercase))
        && !subject
            .first()
            .is_some_and(|w| NOT_NAMES.contains(&w.to_lowercase().as_str()));
    // The role follows within a few words: "is a senior writer", "ist Redakteurin".
    is_name
        && lower
            .get(copula..)
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(6)
            .any(|word| BIO_ROLES.contains(&word))
}

/// How far past an author's name (bytes) the verb of a bio may come ("Jane Doe, MD, is …").
const MAX_NAME_TO_VERB_BYTES: usize = 16;

/// Verbs that open a bio after the author's name.
const BIO_VERBS: &[&str] = &[" is ", " has ", " holds ", " was "];

/// Whether a paragraph is the bio of one of the article's `authors` named by two words or
/// more: it opens ("By " aside) with the author's full or first name, and "is", "has",
/// "holds" or "was" follows the name closely.
pub(crate) fn is_named_bio(text: &str, authors: &[String]) -> bool {
    if text.len() > MAX_BIO_BYTES {
        return false;
    }
    let text = text.strip_prefix("By ").unwrap_or(text);
    // A one-word author is most often the publisher ("QCY is …" closes its own story).
    let people = authors
        .iter()
        .filter(|author| author.split_whitespace().count() > 1);
    people.into_iter().any(|author| {
        // An all-capital first word is an acronym ("QCY Official"), not a given name.
        let first = author
            .split_whitespace()
            .next()
            .filter(|word| word.chars().any(char::is_lowercase))
            .unwrap_or(author);
        [author.as_str(), first].into_iter().any(|name| {
            name.chars().count() >= 3
                && text.starts_with(name)
                && text.get(name.len()..).is_some_and(|rest| {
                    let head = rest.get(..rest.len().min(MAX_NAME_TO_VERB_BYTES + 24));
                    let head = head.unwrap_or(rest);
                    BIO_VERBS
                        .iter()
                        .filter_map(|verb| head.find(verb))
                        .min()
                        .is_some_and(|at| at <= MAX_NAME_TO_VERB_BYTES || head[..at].contains(name))
                })
        })
    })
}

/// Phrases of a legal disclaimer: the text is not advice and is given for information only.
/// ASCII letters match in any case.
const DISCLAIMER_PHRASES: &[&str] = &[
    "informational purposes only",
    "information purposes only",
    "does not constitute legal advice",
    "does not constitute financial advice",
    "does not constitute investment advice",
    "not legal, tax, financial",
    "tax, legal or accounting advice",
    "tax, legal, or accounting advice",
    "nur zu informationszwecken",
    "stellt keine anlageberatung dar",
    "stellt keine rechtsberatung dar",
    "à titre informatif uniquement",
    "ne constitue pas un conseil",
    "con fines informativos",
    "no constituye asesoramiento",
];

/// The longest disclaimer, in bytes.
const MAX_DISCLAIMER_BYTES: usize = 1_500;

static DISCLAIMERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(DISCLAIMER_PHRASES)
        .unwrap_or_else(|error| unreachable!("the phrases form a valid automaton: {error}"))
});

/// Whether a paragraph is a legal disclaimer ("The information included here is designed for
/// informational purposes only. It is not legal, tax, financial or any other sort of advice").
/// Only the body's last paragraphs are judged: a disclaimer within the text may be the
/// page's own (a lawyer's FAQ keeps its "DISCLAIMER:" paragraph, wcxb 0026).
pub(crate) fn is_disclaimer(text: &str) -> bool {
    text.len() <= MAX_DISCLAIMER_BYTES && DISCLAIMERS.is_match(text)
}

/// Capitalised sentence openers that are not names.
const NOT_NAMES: &[&str] = &[
    "it", "this", "that", "he", "she", "they", "the", "a", "an", "there", "which", "who", "er",
    "sie", "es", "der", "die", "das", "il", "elle", "le", "la", "el",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_a_bio_by_the_authors_name() {
        let authors = ["Richard Garner".to_owned(), "Rebecca Smith".to_owned()];
        assert!(is_named_bio(
            "By Richard Garner Richard Garner is an experienced mortgage broker.",
            &authors
        ));
        assert!(is_named_bio(
            "Rebecca has been a journalist and blogger for over 30 years.",
            &authors
        ));
        assert!(!is_named_bio(
            "Richard Garner said the rates would fall next year.",
            &authors
        ));
        let publishers = ["QCY Official".to_owned(), "Budlong".to_owned()];
        assert!(!is_named_bio(
            "QCY is already embracing these trends.",
            &publishers
        ));
        assert!(!is_named_bio(
            "Budlong is dedicated to its clients.",
            &publishers
        ));
    }

    #[test]
    fn recognises_calls_to_action() {
        assert!(is_notice(
            "Lust auf mehr? Lass dir die besten Storys jede Woche in deinen Posteingang liefern."
        ));
        assert!(is_notice(
            "For the latest stories download the app for iOS and Android: download the app now."
        ));
        assert!(!is_notice(
            "The council will publish the figures in its monthly newsletter, officials said."
        ));
    }

    #[test]
    fn recognises_a_forms_result_messages_and_spam_check() {
        assert!(is_notice("Thank you! Your submission has been received!"));
        assert!(is_notice(
            "Oops! Something went wrong while submitting the form."
        ));
        assert!(is_notice(
            "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of \
             Service apply."
        ));
        assert!(!is_notice(
            "The committee said the submission was received too late to be considered."
        ));
    }

    #[test]
    fn recognises_affiliate_disclosures() {
        assert!(is_notice(
            "This post contains references to products from one or more of our advertisers. \
             We may receive compensation when you click on links to those products."
        ));
        assert!(is_notice(
            "Dieser Artikel enthält Affiliate-Links. Bei einem Kauf erhalten wir eine Provision."
        ));
        assert!(is_notice(
            "Products are chosen independently by our editors. Purchases made through our \
             links may earn us a commission."
        ));
        // A story about commissions is not a disclosure.
        assert!(!is_notice(
            "The agency said brokers may charge a fee, and the council voted to cap it."
        ));
    }

    #[test]
    fn recognises_social_follow_prompts() {
        assert!(is_notice(
            "Follow The Gleaner on Twitter and Instagram and on Facebook. Send us a message."
        ));
        assert!(is_notice("You can keep up with me on Twitter."));
        assert!(is_notice("Folgen Sie uns auf Instagram!"));
        assert!(!is_notice(
            "The minister posted the letter on Twitter, and the opposition replied within an hour."
        ));
    }

    #[test]
    fn recognises_reading_times_and_consent_placeholders() {
        assert!(is_notice("Ten tekst przeczytasz w mniej niż minutę"));
        assert!(is_notice("Lesezeit: 4 Minuten"));
        assert!(is_notice(
            "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis \
             keine Verbindung zu Twitter her."
        ));
        assert!(!is_notice(
            "Die Lesung dauerte vier Stunden, und niemand ging früher."
        ));
    }

    #[test]
    fn recognises_reading_widget_controls() {
        assert!(is_notice("Press enter or click to view image in full size"));
        assert!(is_notice("Jump to Recipe Jump to Video"));
        assert!(is_notice(
            "Thanks for reading the Report! This post is public so feel free to share it."
        ));
        assert!(is_notice(
            "Was this newsletter forwarded to you? Sign up to get it in your inbox."
        ));
        assert!(!is_notice("The recipe jumps from one step to the next."));
    }

    #[test]
    fn recognises_blog_post_footers() {
        assert!(is_notice(
            "This entry was posted on Tuesday, March 30th, 2021 and is filed under News."
        ));
        assert!(is_notice(
            "Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht \
             und wurde unter Allgemein abgelegt."
        ));
        assert!(is_notice(
            "Life is not digital. Zeige alle Beiträge von Cem Basman"
        ));
    }

    #[test]
    fn recognises_sign_up_prompts() {
        assert!(is_notice(
            "Get the best of Product Hunt, directly in your inbox."
        ));
        assert!(is_notice(
            "Join our mailing list! Get a newsletter when an episode is out."
        ));
        assert!(is_notice("Sessions 2026 - April 29–30 · Register now"));
    }

    #[test]
    fn recognises_newsletter_boxes_in_several_languages() {
        for line in [
            "Get the latest articles and workbooks delivered to your inbox.",
            "Be sure to sign up below so we can stay in touch!",
            "Sign up today and make this your healthiest fall yet.",
            "Discover more from Tiny House Journey",
            "Erhalten Sie jeden Freitag die wichtigsten Meldungen in Ihr Postfach.",
            "Recevez nos meilleurs articles dans votre boîte mail.",
        ] {
            assert!(is_notice(line), "{line}");
        }
        assert!(!is_notice("The update arrived in his inbox on a Friday."));
    }

    #[test]
    fn recognises_subscription_offers_and_print_notes() {
        assert!(is_notice(
            "Subscribe now to our eNATION edition for the full story."
        ));
        assert!(is_notice(
            "Tú también puedes hacer periodismo incómodo. Cancela cuando quieras."
        ));
        assert!(is_notice(
            "Puede escribirnos o suscribirse aquí a nuestra newsletter."
        ));
        assert!(is_notice(
            "Dieser Beitrag stammt aus Ausgabe 7/2019. Das Heft ist im Handel erhältlich."
        ));
        assert!(is_notice(
            "Den SPIEGEL lesen oder verschenken und Vorteile sichern!"
        ));
        assert!(is_notice(
            "Sie möchten wöchentliche Produktvorstellungen? Schauen Sie in unseren Musiknewsletter!"
        ));
        assert!(is_notice(
            "Bitte teilen Sie uns Ihre Erfahrungen mit, wenn Sie unseren Kaffee probiert haben."
        ));
        assert!(is_notice(
            "Dieser Text entspricht den Vorgaben der Fachliteratur und wurde von Medizinern geprüft."
        ));
        assert!(is_notice(
            "Like recipe? Add the ingredients to your basket and deliver to you."
        ));
        assert!(!is_notice(
            "The union said members could cancel the strike at short notice if talks resumed."
        ));
    }

    #[test]
    fn recognises_comment_forms_and_site_messages() {
        assert!(is_notice("E-Mail (wird benötigt und nicht veröffentlicht)"));
        assert!(is_notice(
            "13 Besucher sind online (8 Besucher halten sich im Bereich News auf.)"
        ));
        assert!(is_notice("Der Artikel wurde erfolgreich hinzugefügt."));
        assert!(is_notice(
            "NOW Grenada is not responsible for the opinions, statements or media content \
             presented by contributors. In case of abuse, click here to report."
        ));
        assert!(!is_notice(
            "Having successfully added good habits to your life, keep them up."
        ));
    }

    #[test]
    fn recognises_licence_notes() {
        assert!(is_notice(
            "Texte auf dieser Webseite stehen unter einer Creative Commons Lizenz."
        ));
        assert!(is_notice(
            "Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY."
        ));
        assert!(is_notice(
            "© 2022, Example News. This article is the copyrighted property of Example News."
        ));
    }

    #[test]
    fn recognises_legal_disclaimers() {
        assert!(is_disclaimer(
            "The information included here is designed for informational purposes only. It is \
             not legal, tax, financial or any other sort of advice."
        ));
        assert!(is_disclaimer(
            "Acme LLC and its affiliates do not provide tax, legal or accounting advice."
        ));
        assert!(!is_disclaimer("The court gave its advice on the tax law."));
    }

    #[test]
    fn recognises_author_bios() {
        assert!(is_author_bio(
            "Will Knight is a senior writer for WIRED, covering artificial intelligence."
        ));
        assert!(is_author_bio(
            "Anna Becker ist Redakteurin im Ressort Wirtschaft und schreibt über Energie."
        ));
        assert!(!is_author_bio(
            "The mayor is a former editor of the local paper, and she said so on Tuesday."
        ));
        assert!(!is_author_bio("It is a story about a writer."));
    }
}
