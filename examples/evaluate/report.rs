//! The figures of a set, pooled or averaged over its pages as the corpus README says.

use std::collections::BTreeMap;

use serde::Serialize;

use super::evaluation::PageResult;
use super::metrics;

/// Every figure of one set. Sections are `None` when no page of the set annotates them.
#[derive(Debug, Clone, Serialize)]
pub struct SetReport {
    /// The set's name.
    pub set: String,
    /// Pages evaluated.
    pub pages: usize,
    /// Pages per second of extraction time (reading and decompressing excluded), as one thread.
    pub pages_per_second: f64,
    /// Failed extractions by kind; each counts as an empty prediction.
    pub errors: BTreeMap<&'static str, usize>,
    /// Body shingle figures (pages with `body`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shingles: Option<ShingleFigures>,
    /// Body word figures (pages with `body`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<WordReport>,
    /// Snippet figures (pages with `with` or `without`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippets: Option<SnippetFigures>,
    /// Exact title rate (pages with `title`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<TitleFigures>,
    /// Date-day figures (pages with a day in `published`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<DateFigures>,
    /// Author match (pages with `byline`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<AuthorFigures>,
}

/// Body shingle precision and recall averaged over pages, their F1, and exact-match accuracy.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ShingleFigures {
    /// Pages scored.
    pub pages: usize,
    /// Mean precision over pages that predicted something.
    pub precision: f64,
    /// Mean recall over pages whose truth has text.
    pub recall: f64,
    /// `2PR / (P + R)`.
    pub f1: f64,
    /// Share of pages whose token lists are equal.
    pub accuracy: f64,
}

/// Means of per-page word precision, recall and F1.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct WordFigures {
    /// Pages scored.
    pub pages: usize,
    /// Mean word precision.
    pub precision: f64,
    /// Mean word recall.
    pub recall: f64,
    /// Mean word F1 (the published figure).
    pub f1: f64,
}

/// Word figures overall and by page type.
#[derive(Debug, Clone, Serialize)]
pub struct WordReport {
    /// All pages with a body.
    #[serde(flatten)]
    pub overall: WordFigures,
    /// By `page_type`, when the set has page types.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub by_page_type: BTreeMap<String, WordFigures>,
}

/// Snippet counts pooled over pages.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct SnippetFigures {
    /// Pages with snippets.
    pub pages: usize,
    /// `with` snippets found.
    pub true_positives: usize,
    /// `without` snippets found.
    pub false_positives: usize,
    /// `with` snippets missed.
    pub false_negatives: usize,
    /// `without` snippets absent.
    pub true_negatives: usize,
    /// `tp / (tp + fp)`.
    pub precision: f64,
    /// `tp / (tp + fn)`.
    pub recall: f64,
    /// `2PR / (P + R)`.
    pub f1: f64,
}

/// Exact title rate.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct TitleFigures {
    /// Pages with an annotated title.
    pub pages: usize,
    /// Share whose predicted title matches exactly.
    pub exact: f64,
}

/// Publication-day accuracy.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct DateFigures {
    /// Pages with an annotated day.
    pub pages: usize,
    /// Share whose predicted day is right.
    pub accuracy: f64,
    /// Share with no predicted date.
    pub no_date: f64,
}

/// Author match rate.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct AuthorFigures {
    /// Pages with an annotated byline.
    pub pages: usize,
    /// Share where a predicted author is one of the annotated names.
    pub matched: f64,
}

impl SetReport {
    /// Pools and averages the page results of one set.
    pub fn new(set: &str, results: &[PageResult]) -> Self {
        let mut errors = BTreeMap::new();
        for kind in results.iter().filter_map(|r| r.prediction.error) {
            *errors.entry(kind).or_insert(0) += 1;
        }
        let seconds: f64 = results.iter().map(|r| r.extract_time.as_secs_f64()).sum();
        SetReport {
            set: set.to_owned(),
            pages: results.len(),
            pages_per_second: if seconds > 0.0 {
                results.len() as f64 / seconds
            } else {
                0.0
            },
            errors,
            shingles: shingle_figures(results),
            words: word_report(results),
            snippets: snippet_figures(results),
            title: rate(results, |r| r.scores.title)
                .map(|(pages, exact)| TitleFigures { pages, exact }),
            date: date_figures(results),
            author: rate(results, |r| r.scores.author)
                .map(|(pages, matched)| AuthorFigures { pages, matched }),
        }
    }

    /// The figures the quality gate holds, named as in `tests/quality-floors.json`: higher is
    /// better for each.
    pub fn gated_figures(&self) -> Vec<(String, f64)> {
        let mut figures = Vec::new();
        if let Some(shingles) = &self.shingles {
            figures.push(("shingle_f1".to_owned(), shingles.f1));
        }
        if let Some(words) = &self.words {
            figures.push(("word_f1".to_owned(), words.overall.f1));
            for (page_type, type_figures) in &words.by_page_type {
                figures.push((format!("word_f1.{page_type}"), type_figures.f1));
            }
        }
        if let Some(snippets) = &self.snippets {
            figures.push(("snippet_f1".to_owned(), snippets.f1));
        }
        if let Some(title) = &self.title {
            figures.push(("title_exact".to_owned(), title.exact));
        }
        if let Some(date) = &self.date {
            figures.push(("date_accuracy".to_owned(), date.accuracy));
        }
        if let Some(author) = &self.author {
            figures.push(("author_match".to_owned(), author.matched));
        }
        figures
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<(usize, f64)> {
    let (count, sum) = values.fold((0, 0.0), |(count, sum), value| (count + 1, sum + value));
    (count > 0).then(|| (count, sum / count as f64))
}

/// The number of pages where `score` is annotated and the share of them where it holds.
fn rate(
    results: &[PageResult],
    score: impl Fn(&PageResult) -> Option<bool>,
) -> Option<(usize, f64)> {
    mean(
        results
            .iter()
            .filter_map(score)
            .map(|hit| if hit { 1.0 } else { 0.0 }),
    )
}

fn shingle_figures(results: &[PageResult]) -> Option<ShingleFigures> {
    let bodies: Vec<_> = results.iter().filter_map(|r| r.scores.body).collect();
    if bodies.is_empty() {
        return None;
    }
    let precision = mean(bodies.iter().filter_map(|b| b.shingles.precision())).map_or(0.0, |m| m.1);
    let recall = mean(bodies.iter().filter_map(|b| b.shingles.recall())).map_or(0.0, |m| m.1);
    let exact = bodies.iter().filter(|b| b.is_exact).count();
    Some(ShingleFigures {
        pages: bodies.len(),
        precision,
        recall,
        f1: metrics::f1(precision, recall),
        accuracy: exact as f64 / bodies.len() as f64,
    })
}

fn word_figures<'a>(results: impl Iterator<Item = &'a PageResult> + Clone) -> Option<WordFigures> {
    let scores = results.filter_map(|r| r.scores.body.map(|b| b.words));
    let (pages, f1) = mean(scores.clone().map(|w| w.f1))?;
    Some(WordFigures {
        pages,
        precision: mean(scores.clone().map(|w| w.precision)).map_or(0.0, |m| m.1),
        recall: mean(scores.map(|w| w.recall)).map_or(0.0, |m| m.1),
        f1,
    })
}

fn word_report(results: &[PageResult]) -> Option<WordReport> {
    let overall = word_figures(results.iter())?;
    let mut page_types: Vec<&str> = results
        .iter()
        .filter_map(|r| r.truth.page_type.as_deref())
        .collect();
    page_types.sort_unstable();
    page_types.dedup();
    let by_page_type = page_types
        .into_iter()
        .filter_map(|page_type| {
            let of_type = results
                .iter()
                .filter(move |r| r.truth.page_type.as_deref() == Some(page_type));
            Some((page_type.to_owned(), word_figures(of_type)?))
        })
        .collect();
    Some(WordReport {
        overall,
        by_page_type,
    })
}

fn snippet_figures(results: &[PageResult]) -> Option<SnippetFigures> {
    let checks: Vec<_> = results
        .iter()
        .filter_map(|r| r.scores.snippets.as_ref())
        .collect();
    if checks.is_empty() {
        return None;
    }
    let sum = |count: fn(&metrics::SnippetCheck) -> usize| checks.iter().map(|c| count(c)).sum();
    let true_positives: usize = sum(|c| c.true_positives);
    let false_positives: usize = sum(|c| c.false_positives);
    let false_negatives: usize = sum(|c| c.false_negatives);
    let ratio = |part: usize, whole: usize| {
        if whole == 0 {
            0.0
        } else {
            part as f64 / whole as f64
        }
    };
    let precision = ratio(true_positives, true_positives + false_positives);
    let recall = ratio(true_positives, true_positives + false_negatives);
    Some(SnippetFigures {
        pages: checks.len(),
        true_positives,
        false_positives,
        false_negatives,
        true_negatives: sum(|c| c.true_negatives),
        precision,
        recall,
        f1: metrics::f1(precision, recall),
    })
}

fn date_figures(results: &[PageResult]) -> Option<DateFigures> {
    let (pages, accuracy) = rate(results, |r| r.scores.date)?;
    let (_, no_date) = rate(results, |r| {
        r.scores.date.map(|_| r.prediction.published.is_none())
    })?;
    Some(DateFigures {
        pages,
        accuracy,
        no_date,
    })
}
