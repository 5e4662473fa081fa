//! Where a set loses: the worst pages with the paragraphs they miss or add, title and date
//! mismatches sorted into kinds, and counts of recurring body failure patterns.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::evaluation::PageResult;
use super::metrics;

/// A part of a text counts as present in another when this share of its shingles is there.
const MIN_COVERAGE: f64 = 0.5;
/// Characters of a paragraph or title shown in an example.
const EXAMPLE_CHARS: usize = 160;
/// Examples of missing or extra paragraphs shown per page.
const EXAMPLES_PER_PAGE: usize = 3;

/// The diagnosis of one set.
#[derive(Debug, Serialize)]
pub struct Diagnosis {
    /// Recurring body failures.
    pub patterns: Patterns,
    /// The lowest-scoring pages, worst first.
    pub worst: Vec<WorstPage>,
    /// Title mismatches by kind, with the first examples.
    pub title_mismatches: Mismatches,
    /// Date mismatches by kind, with the first examples.
    pub date_mismatches: Mismatches,
}

/// Counts of body failure patterns. Paragraph checks cover pages with a body and a non-empty
/// prediction.
#[derive(Debug, Default, Serialize)]
pub struct Patterns {
    /// Pages with an annotated body.
    pub body_pages: usize,
    /// Pages whose prediction is empty (errors included).
    pub empty_prediction: usize,
    /// Pages with word recall below 0.5.
    pub low_recall: usize,
    /// Pages with word precision below 0.5.
    pub low_precision: usize,
    /// Pages whose first true paragraph is missing.
    pub lead_missing: usize,
    /// Pages whose last true paragraph is missing.
    pub ending_missing: usize,
    /// Pages whose first predicted block is not in the truth.
    pub extra_at_start: usize,
    /// Pages whose last predicted block is not in the truth.
    pub extra_at_end: usize,
    /// Pages with snippets where a `with` snippet is missed.
    pub pages_missing_with: usize,
    /// Pages with snippets where a `without` snippet leaked.
    pub pages_leaking_without: usize,
}

/// One low-scoring page and what went wrong on it.
#[derive(Debug, Serialize)]
pub struct WorstPage {
    /// The page id.
    pub id: String,
    /// The page URL.
    pub url: Option<String>,
    /// The page type, when annotated.
    pub page_type: Option<String>,
    /// The ranking score (shingle F1, else snippet accuracy).
    pub score: f64,
    /// Word precision, when the body is annotated.
    pub word_precision: Option<f64>,
    /// Word recall, when the body is annotated.
    pub word_recall: Option<f64>,
    /// Word F1, when the body is annotated.
    pub word_f1: Option<f64>,
    /// The extraction error, if any.
    pub error: Option<&'static str>,
    /// Words predicted.
    pub predicted_words: usize,
    /// Words in the truth, when the body is annotated.
    pub true_words: Option<usize>,
    /// True paragraphs missing from the prediction.
    pub missing_paragraphs: usize,
    /// All true paragraphs.
    pub true_paragraphs: usize,
    /// Predicted blocks not in the truth.
    pub extra_blocks: usize,
    /// All predicted blocks (counted only when the body is annotated).
    pub predicted_blocks: usize,
    /// The first missing true paragraphs.
    pub missing_examples: Vec<String>,
    /// The first extra predicted blocks.
    pub extra_examples: Vec<String>,
    /// `with` snippets not found.
    pub missed_with: Vec<String>,
    /// `without` snippets found, each with the predicted block it was found in.
    pub leaked_without: Vec<Leak>,
}

/// A `without` snippet found in the prediction.
#[derive(Debug, Serialize)]
pub struct Leak {
    /// The snippet.
    pub snippet: String,
    /// The predicted block that holds it (shortened), showing what kind of furniture it is.
    pub block: Option<String>,
}

/// Mismatches of one field, counted by kind, with examples.
#[derive(Debug, Default, Serialize)]
pub struct Mismatches {
    /// Pages where the field is annotated.
    pub pages: usize,
    /// Mismatches by kind.
    pub by_kind: BTreeMap<&'static str, usize>,
    /// The first mismatches, by page id.
    pub examples: Vec<Mismatch>,
}

/// One field that came out wrong.
#[derive(Debug, Serialize)]
pub struct Mismatch {
    /// The page id.
    pub id: String,
    /// The kind of mismatch.
    pub kind: &'static str,
    /// The annotated value.
    pub expected: String,
    /// The predicted value.
    pub got: Option<String>,
    /// Where the predicted value came from.
    pub source: Option<String>,
}

impl Diagnosis {
    /// Diagnoses a set, keeping `worst` pages and as many examples of each mismatch.
    pub fn new(results: &[PageResult], worst: usize) -> Self {
        let mut ranked: Vec<(&PageResult, f64)> = results
            .iter()
            .filter_map(|r| Some((r, r.body_score()?)))
            .collect();
        ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.id.cmp(&b.0.id)));
        Diagnosis {
            patterns: patterns(results),
            worst: ranked
                .into_iter()
                .take(worst)
                .map(|(result, score)| worst_page(result, score))
                .collect(),
            title_mismatches: title_mismatches(results, worst),
            date_mismatches: date_mismatches(results, worst),
        }
    }
}

/// A text's paragraphs (blank-line separated) with their tokens; paragraphs without words are
/// dropped.
fn paragraphs(text: &str) -> Vec<(&str, Vec<&str>)> {
    text.split("\n\n")
        .map(str::trim)
        .map(|paragraph| (paragraph, metrics::tokens(paragraph)))
        .filter(|(_, tokens)| !tokens.is_empty())
        .collect()
}

/// The token shingles of a whole text, for looking up parts of another.
struct ShingleIndex<'a> {
    shingles: HashSet<&'a [&'a str]>,
    joined: String,
}

impl<'a> ShingleIndex<'a> {
    fn new(tokens: &'a [&'a str]) -> Self {
        ShingleIndex {
            shingles: tokens.windows(4).collect(),
            joined: format!(" {} ", tokens.join(" ")),
        }
    }

    /// The share of a part's shingles found; a part of under four tokens is looked up whole.
    fn coverage(&self, part: &[&str]) -> f64 {
        if part.len() < 4 {
            let needle = format!(" {} ", part.join(" "));
            return if self.joined.contains(&needle) {
                1.0
            } else {
                0.0
            };
        }
        let windows = part.windows(4);
        let total = windows.len();
        let found = windows.filter(|w| self.shingles.contains(w)).count();
        found as f64 / total as f64
    }
}

/// For each paragraph of `part_text`, whether `whole_text` covers it.
fn covered(part_text: &str, whole_text: &str) -> Vec<(String, bool)> {
    let whole_tokens = metrics::tokens(whole_text);
    let index = ShingleIndex::new(&whole_tokens);
    paragraphs(part_text)
        .into_iter()
        .map(|(text, tokens)| (shorten(text), index.coverage(&tokens) >= MIN_COVERAGE))
        .collect()
}

fn shorten(text: &str) -> String {
    let text = metrics::collapse_whitespace(text);
    match text.char_indices().nth(EXAMPLE_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

fn patterns(results: &[PageResult]) -> Patterns {
    let mut patterns = Patterns::default();
    for result in results {
        if let Some(check) = &result.scores.snippets {
            patterns.pages_missing_with += usize::from(check.false_negatives > 0);
            patterns.pages_leaking_without += usize::from(check.false_positives > 0);
        }
        let (Some(body), Some(truth)) = (result.scores.body, result.truth.body.as_deref()) else {
            continue;
        };
        patterns.body_pages += 1;
        patterns.low_recall += usize::from(body.words.recall < 0.5);
        patterns.low_precision += usize::from(body.words.precision < 0.5);
        let predicted = &result.prediction.body;
        if metrics::tokens(predicted).is_empty() {
            patterns.empty_prediction += 1;
            continue;
        }
        let truth_covered = covered(truth, predicted);
        let predicted_covered = covered(predicted, truth);
        let is_missing = |list: &[(String, bool)], first: bool| {
            let edge = if first { list.first() } else { list.last() };
            edge.is_some_and(|(_, found)| !found)
        };
        patterns.lead_missing += usize::from(is_missing(&truth_covered, true));
        patterns.ending_missing += usize::from(is_missing(&truth_covered, false));
        patterns.extra_at_start += usize::from(is_missing(&predicted_covered, true));
        patterns.extra_at_end += usize::from(is_missing(&predicted_covered, false));
    }
    patterns
}

fn worst_page(result: &PageResult, score: f64) -> WorstPage {
    let truth = result.truth.body.as_deref();
    let predicted = &result.prediction.body;
    let truth_covered = truth.map(|t| covered(t, predicted)).unwrap_or_default();
    let predicted_covered = truth.map(|t| covered(predicted, t)).unwrap_or_default();
    let not_found = |list: Vec<(String, bool)>| {
        let total = list.len();
        let lost: Vec<String> = list
            .into_iter()
            .filter(|(_, found)| !found)
            .map(|(text, _)| text)
            .collect();
        (total, lost)
    };
    let (truth_total, missing) = not_found(truth_covered);
    let (predicted_total, extra) = not_found(predicted_covered);
    let snippets = result.scores.snippets.clone().unwrap_or_default();
    WorstPage {
        id: result.id.clone(),
        url: result.truth.url.clone(),
        page_type: result.truth.page_type.clone(),
        score,
        word_precision: result.scores.body.map(|b| b.words.precision),
        word_recall: result.scores.body.map(|b| b.words.recall),
        word_f1: result.scores.body.map(|b| b.words.f1),
        error: result.prediction.error,
        predicted_words: metrics::tokens(predicted).len(),
        true_words: truth.map(|t| metrics::tokens(t).len()),
        missing_paragraphs: missing.len(),
        true_paragraphs: truth_total,
        extra_blocks: extra.len(),
        predicted_blocks: predicted_total,
        missing_examples: missing.into_iter().take(EXAMPLES_PER_PAGE).collect(),
        extra_examples: extra.into_iter().take(EXAMPLES_PER_PAGE).collect(),
        missed_with: snippets.missed.iter().map(|s| shorten(s)).collect(),
        leaked_without: snippets
            .leaked
            .iter()
            .map(|snippet| Leak {
                snippet: shorten(snippet),
                block: block_holding(predicted, snippet),
            })
            .collect(),
    }
}

/// The first block of `text` holding `snippet`, whitespace collapsed; `None` when the
/// snippet spans blocks.
fn block_holding(text: &str, snippet: &str) -> Option<String> {
    let snippet = metrics::collapse_whitespace(snippet);
    text.split("\n\n")
        .map(metrics::collapse_whitespace)
        .find(|block| block.contains(&snippet))
        .map(|block| shorten(&block))
}

fn source_name(source: Option<newsprint::Source>) -> Option<String> {
    let value = serde_json::to_value(source?).ok()?;
    value.as_str().map(str::to_owned)
}

fn title_mismatches(results: &[PageResult], examples: usize) -> Mismatches {
    let mut mismatches = Mismatches::default();
    for result in results {
        let Some(expected) = result.truth.title.as_deref() else {
            continue;
        };
        mismatches.pages += 1;
        if result.scores.title == Some(true) {
            continue;
        }
        let got = result.prediction.title.as_deref();
        let kind = title_mismatch_kind(expected, got);
        *mismatches.by_kind.entry(kind).or_insert(0) += 1;
        if mismatches.examples.len() < examples {
            mismatches.examples.push(Mismatch {
                id: result.id.clone(),
                kind,
                expected: shorten(expected),
                got: got.map(shorten),
                source: source_name(result.prediction.title_source),
            });
        }
    }
    mismatches
}

fn title_mismatch_kind(expected: &str, got: Option<&str>) -> &'static str {
    let Some(got) = got else {
        return "none";
    };
    let expected = metrics::normalize_title(expected);
    let got = metrics::normalize_title(got);
    if got.to_lowercase() == expected.to_lowercase() {
        "case_only"
    } else if got.contains(&expected) {
        "extra_text"
    } else if expected.contains(&got) {
        "truncated"
    } else {
        "different"
    }
}

fn date_mismatches(results: &[PageResult], examples: usize) -> Mismatches {
    let mut mismatches = Mismatches::default();
    for result in results {
        let Some(expected) = result
            .truth
            .published
            .as_deref()
            .and_then(metrics::truth_day)
        else {
            continue;
        };
        mismatches.pages += 1;
        if result.scores.date == Some(true) {
            continue;
        }
        let prediction = &result.prediction;
        let kind = date_mismatch_kind(
            &expected,
            prediction.published.as_deref(),
            prediction.modified.as_deref(),
        );
        *mismatches.by_kind.entry(kind).or_insert(0) += 1;
        if mismatches.examples.len() < examples {
            mismatches.examples.push(Mismatch {
                id: result.id.clone(),
                kind,
                expected,
                got: prediction.published.clone(),
                source: source_name(prediction.published_source),
            });
        }
    }
    mismatches
}

fn date_mismatch_kind(expected: &str, got: Option<&str>, modified: Option<&str>) -> &'static str {
    let Some(got) = got else {
        return "none";
    };
    if modified == Some(expected) {
        return "is_our_modified";
    }
    let days = |s: &str| s.parse::<jiff::civil::Date>().ok();
    if let (Some(a), Some(b)) = (days(expected), days(got)) {
        if (a - b).get_days().abs() == 1 {
            return "off_by_one_day";
        }
        if a.year() == b.year() && a.month() == b.month() {
            return "same_month";
        }
    }
    "other"
}
