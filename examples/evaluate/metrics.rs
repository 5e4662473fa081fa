//! The corpus metrics on plain strings, exactly as `../shared/corpus/README.md` defines them:
//! tokens, 4-token shingles, word overlap, snippets, and the normalisations for titles,
//! authors and dates.
//!
//! Tokens follow Python's Unicode `\w+`, which the published figures were computed with. A word
//! character is [`char::is_alphanumeric`] or `_`. That equals Python's `\w` except for the
//! combining vowel signs and diacritics that Unicode counts as `Other_Alphabetic` (Indic
//! scripts, Arabic harakat): Python splits words at them, we keep them inside the word. Both
//! sides of a comparison are tokenised alike, and those marks are rare in the annotated bodies
//! (66 characters on 20 WCXB pages), so the figures barely move; the regex crate's `\w` would
//! differ from Python in the same way, so it is not worth a dependency.

use std::collections::HashMap;

/// Words per shingle.
const SHINGLE_TOKENS: usize = 4;

/// Whether `c` belongs to a `\w+` token.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The `\w+` tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|token| !token.is_empty())
        .collect()
}

/// The multiset of 4-token shingles. A text of one to three tokens is a single shorter
/// shingle, so that short bodies still compare; an empty text has none.
pub fn shingles<'a>(tokens: &'a [&'a str]) -> HashMap<&'a [&'a str], usize> {
    let mut counts = HashMap::new();
    if tokens.len() < SHINGLE_TOKENS {
        if !tokens.is_empty() {
            counts.insert(tokens, 1);
        }
        return counts;
    }
    for window in tokens.windows(SHINGLE_TOKENS) {
        *counts.entry(window).or_insert(0) += 1;
    }
    counts
}

/// Shingles of one page: shared by prediction and truth, only predicted, only in the truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ShingleCounts {
    /// Shingles in both (true positives).
    pub shared: usize,
    /// Predicted shingles the truth lacks (false positives).
    pub extra: usize,
    /// Truth shingles the prediction lacks (false negatives).
    pub missing: usize,
}

impl ShingleCounts {
    /// Counts the shingles of a predicted against a true token list.
    pub fn new(predicted: &[&str], truth: &[&str]) -> Self {
        let predicted = shingles(predicted);
        let truth = shingles(truth);
        let shared: usize = predicted
            .iter()
            .map(|(shingle, &count)| count.min(truth.get(shingle).copied().unwrap_or(0)))
            .sum();
        ShingleCounts {
            shared,
            extra: predicted.values().sum::<usize>() - shared,
            missing: truth.values().sum::<usize>() - shared,
        }
    }

    /// Whether prediction and truth have the same shingles (this includes both being empty).
    fn is_exact(self) -> bool {
        self.extra == 0 && self.missing == 0
    }

    /// `shared / (shared + extra)`; 1 on an exact match, `None` (left out of the mean) when
    /// nothing was predicted.
    pub fn precision(self) -> Option<f64> {
        if self.is_exact() {
            return Some(1.0);
        }
        ratio(self.shared, self.shared + self.extra)
    }

    /// `shared / (shared + missing)`; 1 on an exact match, `None` (left out of the mean) when
    /// the truth has no shingles.
    pub fn recall(self) -> Option<f64> {
        if self.is_exact() {
            return Some(1.0);
        }
        ratio(self.shared, self.shared + self.missing)
    }

    /// The page's own F1, for ranking pages; a precision or recall left out counts as 0.
    pub fn f1(self) -> f64 {
        f1(
            self.precision().unwrap_or(0.0),
            self.recall().unwrap_or(0.0),
        )
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The harmonic mean of precision and recall; 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// Word-overlap scores of one page, as the WCXB authors publish them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WordScore {
    /// Overlap over predicted words.
    pub precision: f64,
    /// Overlap over reference words.
    pub recall: f64,
    /// Their harmonic mean; 1 when both texts are empty, 0 when only one is.
    pub f1: f64,
}

impl WordScore {
    /// Compares the lowercase token multisets of two texts.
    pub fn new(predicted: &[&str], truth: &[&str]) -> Self {
        match (predicted.is_empty(), truth.is_empty()) {
            (true, true) => {
                return WordScore {
                    precision: 1.0,
                    recall: 1.0,
                    f1: 1.0,
                };
            }
            (true, false) | (false, true) => return WordScore::default(),
            (false, false) => {}
        }
        let truth_counts = lowercase_counts(truth);
        let mut overlap = 0;
        for (word, count) in lowercase_counts(predicted) {
            overlap += count.min(truth_counts.get(&word).copied().unwrap_or(0));
        }
        let precision = overlap as f64 / predicted.len() as f64;
        let recall = overlap as f64 / truth.len() as f64;
        WordScore {
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

fn lowercase_counts(tokens: &[&str]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for token in tokens {
        *counts.entry(token.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// Whitespace runs become one space; leading and trailing whitespace goes.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The snippet judgements of one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SnippetCheck {
    /// `with` snippets found.
    pub true_positives: usize,
    /// `without` snippets found.
    pub false_positives: usize,
    /// `with` snippets not found.
    pub false_negatives: usize,
    /// `without` snippets not found.
    pub true_negatives: usize,
    /// The `with` snippets that are missing from the body.
    pub missed: Vec<String>,
    /// The `without` snippets that leaked into the body.
    pub leaked: Vec<String>,
}

impl SnippetCheck {
    /// Looks for each snippet in the body, whitespace collapsed on both sides.
    pub fn new(body: &str, with: &[String], without: &[String]) -> Self {
        let body = collapse_whitespace(body);
        let mut check = SnippetCheck::default();
        for snippet in with {
            if body.contains(&collapse_whitespace(snippet)) {
                check.true_positives += 1;
            } else {
                check.false_negatives += 1;
                check.missed.push(snippet.clone());
            }
        }
        for snippet in without {
            if body.contains(&collapse_whitespace(snippet)) {
                check.false_positives += 1;
                check.leaked.push(snippet.clone());
            } else {
                check.true_negatives += 1;
            }
        }
        check
    }

    /// The share of this page's snippets judged right; 1 for a page without snippets.
    pub fn accuracy(&self) -> f64 {
        let right = self.true_positives + self.true_negatives;
        let all = right + self.false_positives + self.false_negatives;
        ratio(right, all).unwrap_or(1.0)
    }
}

/// A title as compared: whitespace collapsed, curly and angle quotes made straight, every
/// dash a hyphen-minus.
pub fn normalize_title(title: &str) -> String {
    collapse_whitespace(title)
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2039}'
            | '\u{203A}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            other => other,
        })
        .collect()
}

/// Whether two titles are equal after [`normalize_title`].
pub fn is_title_match(expected: &str, predicted: &str) -> bool {
    normalize_title(expected) == normalize_title(predicted)
}

/// A name as compared: only its letters and digits, lowercased, so that case, spacing and
/// punctuation do not count.
pub fn normalize_name(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The names an annotated byline holds: split on commas, semicolons, ampersands, line breaks
/// and the word "and", with a leading "By" dropped, normalised by [`normalize_name`].
pub fn byline_names(byline: &str) -> Vec<String> {
    byline
        .split([',', ';', '&', '\n'])
        .flat_map(split_on_and)
        .map(|part| {
            let part = part.trim();
            let part = match part.get(..3) {
                Some(prefix) if prefix.eq_ignore_ascii_case("by ") => &part[3..],
                _ => part,
            };
            normalize_name(part)
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// Splits on the whole word "and", in any case.
fn split_on_and(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let lower = text.to_ascii_lowercase();
    let mut search = 0;
    while let Some(found) = lower[search..].find(" and ") {
        let at = search + found;
        parts.push(&text[start..at]);
        start = at + " and ".len();
        search = start;
    }
    parts.push(&text[start..]);
    parts
}

/// Whether any predicted author equals any name of the annotated bylines.
pub fn is_author_match(bylines: &[String], predicted: &[String]) -> bool {
    let expected: Vec<String> = bylines.iter().flat_map(|b| byline_names(b)).collect();
    predicted
        .iter()
        .map(|name| normalize_name(name))
        .any(|name| !name.is_empty() && expected.contains(&name))
}

/// The day of an annotated date as `YYYY-MM-DD`: the part before any time, with one-digit
/// months and days padded (`2022-11-1`). `None` when the annotation has no day (`2015-11`);
/// such pages cannot be scored on the day.
pub fn truth_day(published: &str) -> Option<String> {
    let date = published
        .trim()
        .split(['T', ' '])
        .next()
        .unwrap_or_default();
    let parts: Vec<&str> = date.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let is_number = |s: &str, max_len: usize| {
        !s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit())
    };
    if year.len() != 4 || !is_number(year, 4) || !is_number(month, 2) || !is_number(day, 2) {
        return None;
    }
    Some(format!("{year}-{month:0>2}-{day:0>2}"))
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // expected values are computed with the same operations, or are exact in binary
mod tests {
    use super::*;

    fn shingle_counts(predicted: &str, truth: &str) -> ShingleCounts {
        ShingleCounts::new(&tokens(predicted), &tokens(truth))
    }

    fn word_score(predicted: &str, truth: &str) -> WordScore {
        WordScore::new(&tokens(predicted), &tokens(truth))
    }

    #[test]
    fn tokens_are_unicode_words() {
        assert_eq!(
            tokens("Où est-il? snake_case 3.14 «naïve» 東京"),
            ["Où", "est", "il", "snake_case", "3", "14", "naïve", "東京"]
        );
        assert!(tokens(" ,.;— ").is_empty());
    }

    #[test]
    fn shingles_are_four_token_windows_with_repeats_counted() {
        let words = tokens("a b c d a b c d");
        let counts = shingles(&words);
        assert_eq!(counts.len(), 4);
        assert_eq!(counts[&["a", "b", "c", "d"][..]], 2);
        assert_eq!(counts.values().sum::<usize>(), 5);
    }

    #[test]
    fn short_texts_are_one_shingle_and_empty_texts_none() {
        let words = tokens("two words");
        assert_eq!(shingles(&words).len(), 1);
        assert!(shingles(&[]).is_empty());
    }

    #[test]
    fn counts_shared_extra_and_missing_shingles() {
        // Predicted: abcd bcde cdef. Truth: bcde cdef defg.
        let counts = shingle_counts("a b c d e f", "b c d e f g");
        assert_eq!(
            counts,
            ShingleCounts {
                shared: 2,
                extra: 1,
                missing: 1
            }
        );
        assert_eq!(counts.precision(), Some(2.0 / 3.0));
        assert_eq!(counts.recall(), Some(2.0 / 3.0));
    }

    #[test]
    fn repeated_shingles_match_at_most_as_often_as_they_occur() {
        let counts = shingle_counts("a b c d a b c d", "a b c d");
        assert_eq!(counts.shared, 1);
        assert_eq!(counts.extra, 4);
        assert_eq!(counts.missing, 0);
    }

    #[test]
    fn both_empty_scores_one() {
        let counts = shingle_counts("", " ... ");
        assert_eq!(counts.precision(), Some(1.0));
        assert_eq!(counts.recall(), Some(1.0));
        assert_eq!(counts.f1(), 1.0);
    }

    #[test]
    fn empty_prediction_is_left_out_of_precision() {
        let counts = shingle_counts("", "a b c d e");
        assert_eq!(counts.precision(), None);
        assert_eq!(counts.recall(), Some(0.0));
        assert_eq!(counts.f1(), 0.0);
    }

    #[test]
    fn empty_truth_is_left_out_of_recall() {
        let counts = shingle_counts("a b c d e", "");
        assert_eq!(counts.precision(), Some(0.0));
        assert_eq!(counts.recall(), None);
    }

    #[test]
    fn f1_is_the_harmonic_mean_and_zero_for_zeros() {
        assert!((f1(0.5, 1.0) - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(f1(0.0, 0.0), 0.0);
    }

    #[test]
    fn word_score_compares_lowercase_multisets() {
        // predicted: the, cat, the, dog (4); truth: The, cat, sat (3); overlap: the, cat.
        let score = word_score("the cat the dog", "The cat sat");
        assert_eq!(score.precision, 0.5);
        assert!((score.recall - 2.0 / 3.0).abs() < 1e-12);
        assert!((score.f1 - 4.0 / 7.0).abs() < 1e-12);
    }

    #[test]
    fn word_score_is_one_when_both_empty_and_zero_when_one_is() {
        assert_eq!(word_score("", "").f1, 1.0);
        assert_eq!(word_score("", "text").f1, 0.0);
        assert_eq!(word_score("text", "").f1, 0.0);
    }

    #[test]
    fn snippets_are_found_with_whitespace_collapsed() {
        let body = "First  paragraph\n\nsecond\tone. Share this";
        let with = vec!["paragraph second".to_owned(), "missing".to_owned()];
        let without = vec!["Share  this".to_owned(), "Cookies".to_owned()];
        let check = SnippetCheck::new(body, &with, &without);
        assert_eq!(
            (
                check.true_positives,
                check.false_negatives,
                check.false_positives,
                check.true_negatives
            ),
            (1, 1, 1, 1)
        );
        assert_eq!(check.missed, ["missing"]);
        assert_eq!(check.leaked, ["Share  this"]);
        assert_eq!(check.accuracy(), 0.5);
    }

    #[test]
    fn titles_match_across_quotes_dashes_and_spacing() {
        assert!(is_title_match(
            "“Don’t panic” – a  guide",
            " \"Don't panic\" - a guide\n"
        ));
        assert!(!is_title_match("A guide", "a guide"));
        assert!(!is_title_match("A guide", "A guide | Site"));
    }

    #[test]
    fn bylines_split_into_names() {
        assert_eq!(
            byline_names("By Jane Doe, John O'Neil and Ann Lee & Bo Li; Ed Wu"),
            ["janedoe", "johnoneil", "annlee", "boli", "edwu"]
        );
        assert_eq!(byline_names("Andersen"), ["andersen"]);
    }

    #[test]
    fn authors_match_ignoring_case_and_punctuation() {
        let bylines = vec!["Stella Kim, Jennifer Jett".to_owned()];
        assert!(is_author_match(&bylines, &["jennifer  JETT".to_owned()]));
        assert!(!is_author_match(&bylines, &["Stella Kim Jett".to_owned()]));
        assert!(!is_author_match(&bylines, &[]));
    }

    #[test]
    fn truth_days_are_padded_and_need_a_day() {
        assert_eq!(truth_day("2019-12-12").as_deref(), Some("2019-12-12"));
        assert_eq!(
            truth_day("2019-12-12T08:00:00+01:00").as_deref(),
            Some("2019-12-12")
        );
        assert_eq!(truth_day("2022-11-1").as_deref(), Some("2022-11-01"));
        assert_eq!(truth_day("2015-11"), None);
    }
}
