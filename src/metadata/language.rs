//! The page language: what the page declares, else what its body text is written in.
//!
//! Declared, strongest first: `<html lang>`, `og:locale` (`de_DE` becomes `de-DE`),
//! `Content-Language` and its meta kin, JSON-LD `inLanguage`. A value that is not a language
//! tag (`{{lang}}`, an empty string) is skipped.
//!
//! The body text is only known after extraction, so detection is a separate step the
//! extractor runs on the finished body ([`detect`]) when nothing was declared. It uses
//! `whatlang` (trigram statistics, no model files) and answers only when `whatlang` calls its
//! guess reliable and the text is long enough to judge; the result is an ISO 639-1 code
//! (`de`), or ISO 639-3 for the few languages without one.

use super::json_ld::JsonLdFacts;
use super::meta_tags::MetaFacts;
use crate::document::Source;

/// The fewest characters of body text a guess is made on.
const MIN_DETECT_CHARS: usize = 80;
/// The most bytes of body text examined: enough for a stable guess, cheap on long pages. On
/// the 154 corpus pages whose language is detected, 600 bytes give the answers of 1,500 and
/// 4,000, and three English shop listings that longer samples (item names, prices) leave
/// unsure.
pub(crate) const MAX_DETECT_BYTES: usize = 600;

/// The language the page declares, as a BCP 47 tag.
pub(crate) fn declared(ld: &JsonLdFacts, meta: &MetaFacts) -> Option<(String, Source)> {
    let candidates = [
        (meta.html_lang.as_deref(), Source::Markup),
        (meta.locale.as_deref(), Source::OpenGraph),
        (meta.content_language.as_deref(), Source::Meta),
        (ld.language.as_deref(), Source::JsonLd),
    ];
    candidates
        .into_iter()
        .find_map(|(value, source)| Some((to_language_tag(value?)?, source)))
}

/// A BCP 47 tag from a declared value (`en_US` → `en-US`, `de-de, en` → `de-de`).
fn to_language_tag(value: &str) -> Option<String> {
    let tag = value.split([',', ';']).next()?.trim().replace('_', "-");
    let primary = tag.split('-').next()?;
    let valid = (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && tag.len() <= 35
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    valid.then_some(tag)
}

/// The commonest English function words, lowercase.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "was", "on", "as", "are",
    "this", "be", "by",
];
/// The fewest words [`is_plainly_english`] judges on.
const MIN_FUNCTION_WORD_SAMPLE: usize = 30;
/// The share of [`ENGLISH_FUNCTION_WORDS`] above which a text is English. English prose runs
/// at 0.2–0.35; on the corpus no page in another language reaches 0.14 (German, with its `in`,
/// `was` and `an`, comes closest).
const MIN_FUNCTION_WORD_SHARE: f32 = 0.2;

/// The language the body text is written in, when `whatlang` is confident.
///
/// Plain English prose is recognised first by its function words ([`is_plainly_english`]):
/// `whatlang` compares every text with each language profile of its script, a fixed cost that
/// exceeds the whole extraction of a short page, and English is the language most pages
/// leave undeclared.
pub(crate) fn detect(text: &str) -> Option<(String, Source)> {
    if text.chars().count() < MIN_DETECT_CHARS {
        return None;
    }
    let end = (0..=MAX_DETECT_BYTES.min(text.len()))
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0);
    let sample = &text[..end];
    if is_plainly_english(sample) {
        return Some(("en".to_owned(), Source::Detected));
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    Some((iso_639_1(info.lang()).to_owned(), Source::Detected))
}

/// Whether at least a fifth of the words are English function words ("the", "and", "of"…):
/// English, without a doubt. On the 2,506 corpus pages with a language, this says English
/// for 913 pages, all of them English; the others go to `whatlang`.
fn is_plainly_english(text: &str) -> bool {
    let (mut words, mut function_words) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if word.len() <= 4
            && ENGLISH_FUNCTION_WORDS
                .iter()
                .any(|f| word.eq_ignore_ascii_case(f))
        {
            function_words += 1;
        }
    }
    words >= MIN_FUNCTION_WORD_SAMPLE
        && function_words as f32 >= MIN_FUNCTION_WORD_SHARE * words as f32
}

/// The two-letter code of a language `whatlang` knows, or its three-letter code when it has
/// no two-letter one.
fn iso_639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang;
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_prose_is_known_by_its_function_words() {
        let english = "The storm reached the coast on Tuesday morning, and the roads to the \
            harbour were closed for most of the day. Residents in the lower town were told to \
            stay at home while the clean-up of the sea front began, and it is expected to take \
            a week.";
        assert!(is_plainly_english(english));
        assert_eq!(detect(english), Some(("en".to_owned(), Source::Detected)));
        let german = "Der Sturm erreichte am Dienstagmorgen die Küste, und die Straßen zum \
            Hafen waren den größten Teil des Tages gesperrt. Die Bewohner der Unterstadt \
            sollten zu Hause bleiben, was in der Stadt an vielen Orten für Ärger sorgte, \
            während die Aufräumarbeiten an der Uferpromenade begannen.";
        assert!(!is_plainly_english(german));
        assert_eq!(detect(german), Some(("de".to_owned(), Source::Detected)));
        // Too few words to judge by function words alone.
        assert!(!is_plainly_english("The end of the day is the time to go."));
    }

    #[test]
    fn html_lang_wins_and_locales_become_tags() {
        let meta = MetaFacts {
            html_lang: Some("{{lang}}".into()),
            locale: Some("de_DE".into()),
            content_language: Some("fr".into()),
            ..MetaFacts::default()
        };
        assert_eq!(
            declared(&JsonLdFacts::default(), &meta),
            Some(("de-DE".into(), Source::OpenGraph))
        );
    }

    #[test]
    fn detects_the_language_of_the_body() {
        let german = "Die Bundesregierung hat am Dienstag beschlossen, die Maßnahmen gegen die \
                      Pandemie um weitere vier Wochen zu verlängern, wie ein Sprecher mitteilte.";
        assert_eq!(detect(german), Some(("de".into(), Source::Detected)));
        assert_eq!(detect("Too short to tell."), None);
    }
}
