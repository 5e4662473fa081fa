//! The words of written dates, as data: month names and abbreviations, the labels that say
//! whether a date is the publication or the update, and the words of relative dates ("3 hours
//! ago"), in English, German, French, Spanish, Italian, Portuguese, Dutch, Russian, Polish and
//! Turkish.
//!
//! Every list is lowercase; matching lowercases the page text first. Abbreviations are listed
//! without their trailing period (the tokenizer drops it). Words that are also common words in
//! another language ("may", "set", "out", "mar") are harmless here because a month name only
//! counts between a day and a year.

/// Month names and abbreviations with their month number. Russian, Polish and Turkish list the
/// forms dates use (the genitive "30 марта", "30 marca") and the nominative of headers.
pub(crate) const MONTH_NAMES: &[(&str, u8)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German (Austrian "Jänner" included)
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("jän", 1),
    ("mär", 3),
    ("mrz", 3),
    ("okt", 10),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("fév", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("abr", 4),
    ("dic", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("ago", 8),
    ("set", 9),
    ("ott", 10),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("fev", 2),
    ("out", 10),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("mrt", 3),
    // Russian: genitive, nominative, abbreviations
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
    ("янв", 1),
    ("фев", 2),
    ("мар", 3),
    ("апр", 4),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сен", 9),
    ("сент", 9),
    ("окт", 10),
    ("ноя", 11),
    ("дек", 12),
    // Polish: genitive, nominative, abbreviations
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    ("styczeń", 1),
    ("luty", 2),
    ("marzec", 3),
    ("kwiecień", 4),
    ("maj", 5),
    ("czerwiec", 6),
    ("lipiec", 7),
    ("sierpień", 8),
    ("wrzesień", 9),
    ("październik", 10),
    ("listopad", 11),
    ("grudzień", 12),
    ("sty", 1),
    ("lut", 2),
    ("kwi", 4),
    ("cze", 6),
    ("lip", 7),
    ("sie", 8),
    ("wrz", 9),
    ("paź", 10),
    ("lis", 11),
    ("gru", 12),
    // Turkish: names and abbreviations
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
    ("oca", 1),
    ("şub", 2),
    ("nis", 4),
    ("haz", 6),
    ("tem", 7),
    ("ağu", 8),
    ("eyl", 9),
    ("eki", 10),
    ("kas", 11),
    ("ara", 12),
];

/// [`MONTH_NAMES`] as a table: every word of every text searched for dates is looked up, and
/// a scan of some 200 names per word was a tenth of the metadata stage. A name listed twice
/// keeps its first month, as a scan finds it.
static MONTHS_BY_NAME: std::sync::LazyLock<std::collections::HashMap<&'static str, u8>> =
    std::sync::LazyLock::new(|| {
        let mut table = std::collections::HashMap::with_capacity(MONTH_NAMES.len());
        for &(name, month) in MONTH_NAMES {
            table.entry(name).or_insert(month);
        }
        table
    });

/// The month a lowercase word names, if any.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    MONTHS_BY_NAME.get(word).copied()
}

/// Ordinal suffixes written after a day number: "30th", "1er", "1º".
pub(crate) const DAY_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "er", "º", "ª"];

/// Small words between the parts of a date: "30 de março de 2021", "March the 30th".
pub(crate) const DATE_FILLERS: &[&str] = &["de", "del", "of", "the", "van"];

/// Words that introduce the time after a date: "at 3:05", "um 14:05", "à 10h30", "в 11:49".
pub(crate) const TIME_INTRODUCERS: &[&str] = &[
    "at", "um", "à", "a", "as", "às", "alle", "ore", "om", "в", "г", "o", "saat", "le", "uhr",
];

/// Labels that mark a date as the publication date, as they begin a date line.
pub(crate) const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "publish date",
    "posted",
    "first published",
    "released",
    "created",
    "date published",
    // A forum thread's opening line ("Started by Ann, June 04, 2024"; SMF, vBulletin and their
    // translations): the thread's first post is its publication.
    "started by",
    "begonnen von",
    "démarré par",
    "iniciado por",
    "iniziato da",
    "gestart door",
    "veröffentlicht",
    "publiziert",
    "erschienen",
    "erstellt",
    "publié",
    "mise en ligne",
    "publie",
    "mis en ligne",
    "publicado",
    "publicada",
    "pubblicato",
    "pubblicata",
    "gepubliceerd",
    "geplaatst",
    "опубликовано",
    "опубликован",
    "дата публикации",
    "opublikowano",
    "data publikacji",
    "yayınlanma",
    "yayınlandı",
    "yayın tarihi",
];

/// Labels that mark a date as the date of an update.
pub(crate) const MODIFIED_LABELS: &[&str] = &[
    "updated",
    "last updated",
    "modified",
    "last modified",
    "last edited",
    "edited",
    "revised",
    "reviewed",
    "aktualisiert",
    "zuletzt aktualisiert",
    "geändert",
    "letzte änderung",
    "zuletzt bearbeitet",
    "stand",
    "mis à jour",
    "mise à jour",
    "modifié",
    "actualizado",
    "actualizada",
    "actualización",
    "aggiornato",
    "aggiornata",
    "atualizado",
    "atualizada",
    "atualização",
    "bijgewerkt",
    "gewijzigd",
    "обновлено",
    "обновлен",
    "изменено",
    "zaktualizowano",
    "aktualizacja",
    "güncellendi",
    "güncelleme",
    "son güncelleme",
];

/// Units of relative dates with their length in seconds (days and longer are counted in
/// calendar days by the caller). Each language's singular, plural and abbreviated forms.
pub(crate) const RELATIVE_UNITS: &[(&str, RelativeUnit)] = &[
    // English
    ("second", RelativeUnit::Seconds(1)),
    ("seconds", RelativeUnit::Seconds(1)),
    ("sec", RelativeUnit::Seconds(1)),
    ("secs", RelativeUnit::Seconds(1)),
    ("minute", RelativeUnit::Seconds(60)),
    ("minutes", RelativeUnit::Seconds(60)),
    ("min", RelativeUnit::Seconds(60)),
    ("mins", RelativeUnit::Seconds(60)),
    ("hour", RelativeUnit::Seconds(3600)),
    ("hours", RelativeUnit::Seconds(3600)),
    ("hr", RelativeUnit::Seconds(3600)),
    ("hrs", RelativeUnit::Seconds(3600)),
    ("h", RelativeUnit::Seconds(3600)),
    ("day", RelativeUnit::Days(1)),
    ("days", RelativeUnit::Days(1)),
    ("week", RelativeUnit::Days(7)),
    ("weeks", RelativeUnit::Days(7)),
    // German
    ("sekunde", RelativeUnit::Seconds(1)),
    ("sekunden", RelativeUnit::Seconds(1)),
    ("minuten", RelativeUnit::Seconds(60)),
    ("stunde", RelativeUnit::Seconds(3600)),
    ("stunden", RelativeUnit::Seconds(3600)),
    ("std", RelativeUnit::Seconds(3600)),
    ("tag", RelativeUnit::Days(1)),
    ("tagen", RelativeUnit::Days(1)),
    ("woche", RelativeUnit::Days(7)),
    ("wochen", RelativeUnit::Days(7)),
    // French
    ("seconde", RelativeUnit::Seconds(1)),
    ("secondes", RelativeUnit::Seconds(1)),
    ("heure", RelativeUnit::Seconds(3600)),
    ("heures", RelativeUnit::Seconds(3600)),
    ("jour", RelativeUnit::Days(1)),
    ("jours", RelativeUnit::Days(1)),
    ("semaine", RelativeUnit::Days(7)),
    ("semaines", RelativeUnit::Days(7)),
    // Spanish and Portuguese
    ("segundo", RelativeUnit::Seconds(1)),
    ("segundos", RelativeUnit::Seconds(1)),
    ("minuto", RelativeUnit::Seconds(60)),
    ("minutos", RelativeUnit::Seconds(60)),
    ("hora", RelativeUnit::Seconds(3600)),
    ("horas", RelativeUnit::Seconds(3600)),
    ("día", RelativeUnit::Days(1)),
    ("días", RelativeUnit::Days(1)),
    ("dia", RelativeUnit::Days(1)),
    ("dias", RelativeUnit::Days(1)),
    ("semana", RelativeUnit::Days(7)),
    ("semanas", RelativeUnit::Days(7)),
    // Italian
    ("secondi", RelativeUnit::Seconds(1)),
    ("minuti", RelativeUnit::Seconds(60)),
    ("ora", RelativeUnit::Seconds(3600)),
    ("ore", RelativeUnit::Seconds(3600)),
    ("giorno", RelativeUnit::Days(1)),
    ("giorni", RelativeUnit::Days(1)),
    ("settimana", RelativeUnit::Days(7)),
    ("settimane", RelativeUnit::Days(7)),
    // Dutch
    ("seconden", RelativeUnit::Seconds(1)),
    ("minuut", RelativeUnit::Seconds(60)),
    ("uur", RelativeUnit::Seconds(3600)),
    ("dag", RelativeUnit::Days(1)),
    ("dagen", RelativeUnit::Days(1)),
    ("weken", RelativeUnit::Days(7)),
    // Russian
    ("секунду", RelativeUnit::Seconds(1)),
    ("секунды", RelativeUnit::Seconds(1)),
    ("секунд", RelativeUnit::Seconds(1)),
    ("минуту", RelativeUnit::Seconds(60)),
    ("минуты", RelativeUnit::Seconds(60)),
    ("минут", RelativeUnit::Seconds(60)),
    ("мин", RelativeUnit::Seconds(60)),
    ("час", RelativeUnit::Seconds(3600)),
    ("часа", RelativeUnit::Seconds(3600)),
    ("часов", RelativeUnit::Seconds(3600)),
    ("ч", RelativeUnit::Seconds(3600)),
    ("день", RelativeUnit::Days(1)),
    ("дня", RelativeUnit::Days(1)),
    ("дней", RelativeUnit::Days(1)),
    ("неделю", RelativeUnit::Days(7)),
    ("недели", RelativeUnit::Days(7)),
    ("недель", RelativeUnit::Days(7)),
    // Polish
    ("sekundę", RelativeUnit::Seconds(1)),
    ("sekundy", RelativeUnit::Seconds(1)),
    ("minutę", RelativeUnit::Seconds(60)),
    ("minuty", RelativeUnit::Seconds(60)),
    ("godzinę", RelativeUnit::Seconds(3600)),
    ("godziny", RelativeUnit::Seconds(3600)),
    ("godzin", RelativeUnit::Seconds(3600)),
    ("godz", RelativeUnit::Seconds(3600)),
    ("dzień", RelativeUnit::Days(1)),
    ("dni", RelativeUnit::Days(1)),
    ("tydzień", RelativeUnit::Days(7)),
    ("tygodnie", RelativeUnit::Days(7)),
    ("tygodni", RelativeUnit::Days(7)),
    // Turkish
    ("saniye", RelativeUnit::Seconds(1)),
    ("dakika", RelativeUnit::Seconds(60)),
    ("dk", RelativeUnit::Seconds(60)),
    ("saat", RelativeUnit::Seconds(3600)),
    ("sa", RelativeUnit::Seconds(3600)),
    ("gün", RelativeUnit::Days(1)),
    ("hafta", RelativeUnit::Days(7)),
];

/// How long one relative-date unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RelativeUnit {
    /// A unit of clock time: the result is an instant.
    Seconds(i64),
    /// A unit of calendar days: the result is a date.
    Days(i64),
}

/// Words that make "N units" point back in time: "3 hours ago", "vor 3 Stunden",
/// "il y a 3 heures", "hace 3 horas", "3 ore fa", "há 3 horas", "3 uur geleden",
/// "3 часа назад", "3 godziny temu", "3 saat önce".
pub(crate) const AGO_WORDS: &[&str] = &[
    "ago",
    "vor",
    "il",
    "hace",
    "fa",
    "há",
    "ha",
    "geleden",
    "назад",
    "temu",
    "önce",
];

/// Words for today, with how many days back they point: "yesterday" is one. French
/// "aujourd'hui" is matched by its first half, as the tokenizer splits it at the apostrophe.
pub(crate) const DAY_WORDS: &[(&str, i64)] = &[
    ("today", 0),
    ("yesterday", 1),
    ("heute", 0),
    ("gestern", 1),
    ("aujourd", 0),
    ("hier", 1),
    ("hoy", 0),
    ("ayer", 1),
    ("oggi", 0),
    ("ieri", 1),
    ("hoje", 0),
    ("ontem", 1),
    ("vandaag", 0),
    ("gisteren", 1),
    ("сегодня", 0),
    ("вчера", 1),
    ("dzisiaj", 0),
    ("dziś", 0),
    ("wczoraj", 1),
    ("bugün", 0),
    ("dün", 1),
];

/// Every publication and modification label, in lowercase and with its first letter in upper
/// case, in one automaton: deciding whether a text holds a label at all is one scan, however
/// many labels there are (ASCII letters match in any case).
static DATE_LABELS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        let capitalised = |label: &&str| {
            let mut chars = label.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        };
        let labels: Vec<String> = PUBLISHED_LABELS
            .iter()
            .chain(MODIFIED_LABELS)
            .flat_map(|label| [(*label).to_owned(), capitalised(label)])
            .collect();
        // A DFA: every short text of the page goes through it, and it scans several times
        // faster than the default NFA for this many labels.
        aho_corasick::AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(labels)
            .unwrap_or_else(|error| unreachable!("the labels form a valid automaton: {error}"))
    });

/// Whether a text holds a publication or modification label anywhere, even inside a word:
/// when it does not, no search for a particular label can find one.
pub(crate) fn may_hold_date_label(text: &str) -> bool {
    DATE_LABELS.is_match(text)
}

/// Whether a text (any case) holds a publication or modification label as whole words.
pub(crate) fn has_date_label(text: &str) -> bool {
    // Most texts hold no label at all, and one plain search says so sooner than the
    // overlapping search that judges each occurrence.
    if !may_hold_date_label(text) {
        return false;
    }
    DATE_LABELS.find_overlapping_iter(text).any(|found| {
        let before = text[..found.start()].chars().next_back();
        let after = text[found.end()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether a lowercase text holds one of `labels` as whole words.
pub(crate) fn contains_label(lower: &str, labels: &[&str]) -> bool {
    labels.iter().any(|label| {
        lower.match_indices(label).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + label.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::too_many_lines)] // one row per language reads best as a table
    fn every_month_is_named_in_every_language() {
        let languages: [&[&str]; 10] = [
            &[
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
            &[
                "januar",
                "februar",
                "märz",
                "april",
                "mai",
                "juni",
                "juli",
                "august",
                "september",
                "oktober",
                "november",
                "dezember",
            ],
            &[
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ],
            &[
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
            &[
                "gennaio",
                "febbraio",
                "marzo",
                "aprile",
                "maggio",
                "giugno",
                "luglio",
                "agosto",
                "settembre",
                "ottobre",
                "novembre",
                "dicembre",
            ],
            &[
                "janeiro",
                "fevereiro",
                "março",
                "abril",
                "maio",
                "junho",
                "julho",
                "agosto",
                "setembro",
                "outubro",
                "novembro",
                "dezembro",
            ],
            &[
                "januari",
                "februari",
                "maart",
                "april",
                "mei",
                "juni",
                "juli",
                "augustus",
                "september",
                "oktober",
                "november",
                "december",
            ],
            &[
                "января",
                "февраля",
                "марта",
                "апреля",
                "мая",
                "июня",
                "июля",
                "августа",
                "сентября",
                "октября",
                "ноября",
                "декабря",
            ],
            &[
                "stycznia",
                "lutego",
                "marca",
                "kwietnia",
                "maja",
                "czerwca",
                "lipca",
                "sierpnia",
                "września",
                "października",
                "listopada",
                "grudnia",
            ],
            &[
                "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül",
                "ekim", "kasım", "aralık",
            ],
        ];
        for names in languages {
            for (index, name) in names.iter().enumerate() {
                assert_eq!(month_number(name), Some(index as u8 + 1), "{name}");
            }
        }
    }

    #[test]
    fn abbreviations_name_their_month() {
        let cases = [
            ("sept", 9),
            ("okt", 10),
            ("févr", 2),
            ("dic", 12),
            ("giu", 6),
            ("out", 10),
            ("mrt", 3),
            ("сент", 9),
            ("paź", 10),
            ("ağu", 8),
        ];
        for (word, month) in cases {
            assert_eq!(month_number(word), Some(month), "{word}");
        }
    }

    #[test]
    fn labels_match_whole_words_only() {
        assert!(contains_label("updated: 3 may", MODIFIED_LABELS));
        assert!(contains_label("— veröffentlicht am", PUBLISHED_LABELS));
        assert!(!contains_label("updatedness", MODIFIED_LABELS));
        assert!(contains_label("by jane | updated 3 may", MODIFIED_LABELS));
        assert!(!contains_label("unpublished", PUBLISHED_LABELS));
        assert!(has_date_label("By Jane | Updated 3 May"));
        assert!(has_date_label("— Veröffentlicht am"));
        assert!(!has_date_label("Unpublished updatedness"));
    }
}
