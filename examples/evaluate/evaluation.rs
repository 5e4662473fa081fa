//! Extracting every page of a set (in parallel threads) and scoring each against its truth.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use newsprint::{Article, Error, Extractor, Source};
use url::Url;

use super::corpus::{Byline, CorpusError, PageRef, Truth};
use super::metrics::{self, ShingleCounts, SnippetCheck, WordScore};

/// What the extractor made of a page. A page that failed is an empty prediction.
#[derive(Debug, Clone, Default)]
pub struct Prediction {
    /// The headline.
    pub title: Option<String>,
    /// Where the headline came from.
    pub title_source: Option<Source>,
    /// The publication day, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Where the publication date came from.
    pub published_source: Option<Source>,
    /// The modification day, `YYYY-MM-DD`.
    pub modified: Option<String>,
    /// The author names.
    pub authors: Vec<String>,
    /// [`Article::text`].
    pub body: String,
    /// The kind of error when extraction failed (`no_content`, `panic`, …).
    pub error: Option<&'static str>,
}

impl Prediction {
    fn from_article(article: &Article) -> Self {
        Prediction {
            title: article.title.clone(),
            title_source: article.sources.title,
            published: article.published.map(|stamp| stamp.date().to_string()),
            published_source: article.sources.published,
            modified: article.modified.map(|stamp| stamp.date().to_string()),
            authors: article.authors.clone(),
            body: article.text(),
            error: None,
        }
    }

    fn failed(kind: &'static str) -> Self {
        Prediction {
            error: Some(kind),
            ..Prediction::default()
        }
    }
}

/// A stable name for each kind of extraction error.
fn error_kind(error: &Error) -> &'static str {
    match error {
        Error::NoContent { .. } => "no_content",
        Error::TooLarge { .. } => "too_large",
        Error::TooManyElements { .. } => "too_many_elements",
        Error::NotHtml { .. } => "not_html",
        _ => "other",
    }
}

/// The body scores of a page whose body is annotated.
#[derive(Debug, Clone, Copy)]
pub struct BodyScores {
    /// 4-token shingle counts.
    pub shingles: ShingleCounts,
    /// Whether the predicted and true token lists are equal.
    pub is_exact: bool,
    /// Word-overlap scores.
    pub words: WordScore,
}

/// Every score of one page; `None` where the truth does not annotate that field.
#[derive(Debug, Clone, Default)]
pub struct PageScores {
    /// Body scores, when the body is annotated.
    pub body: Option<BodyScores>,
    /// Snippet judgements, when `with` or `without` is annotated.
    pub snippets: Option<SnippetCheck>,
    /// Exact title match, when the title is annotated.
    pub title: Option<bool>,
    /// Same publication day, when a day is annotated.
    pub date: Option<bool>,
    /// An author found in the byline, when a byline is annotated.
    pub author: Option<bool>,
}

impl PageScores {
    fn new(truth: &Truth, prediction: &Prediction) -> Self {
        let predicted_tokens = metrics::tokens(&prediction.body);
        let body = truth.body.as_deref().map(|body| {
            let true_tokens = metrics::tokens(body);
            BodyScores {
                shingles: ShingleCounts::new(&predicted_tokens, &true_tokens),
                is_exact: predicted_tokens == true_tokens,
                words: WordScore::new(&predicted_tokens, &true_tokens),
            }
        });
        let snippets = (truth.with.is_some() || truth.without.is_some()).then(|| {
            SnippetCheck::new(
                &prediction.body,
                truth.with.as_deref().unwrap_or_default(),
                truth.without.as_deref().unwrap_or_default(),
            )
        });
        let title = truth.title.as_deref().map(|expected| {
            prediction
                .title
                .as_deref()
                .is_some_and(|got| metrics::is_title_match(expected, got))
        });
        let date = truth
            .published
            .as_deref()
            .and_then(metrics::truth_day)
            .map(|day| prediction.published.as_deref() == Some(day.as_str()));
        let bylines = truth
            .byline
            .as_ref()
            .map(Byline::to_vec)
            .unwrap_or_default();
        let author =
            (!bylines.is_empty()).then(|| metrics::is_author_match(&bylines, &prediction.authors));
        PageScores {
            body,
            snippets,
            title,
            date,
            author,
        }
    }
}

/// One page, extracted and scored.
#[derive(Debug)]
pub struct PageResult {
    /// The page's id in its set.
    pub id: String,
    /// Its annotations.
    pub truth: Truth,
    /// What was extracted.
    pub prediction: Prediction,
    /// The scores.
    pub scores: PageScores,
    /// Time spent in the extractor, reading and decompressing excluded.
    pub extract_time: Duration,
}

impl PageResult {
    /// The score pages are ranked by: the body's shingle F1 when the body is annotated, else
    /// the share of snippets judged right.
    pub fn body_score(&self) -> Option<f64> {
        match (&self.scores.body, &self.scores.snippets) {
            (Some(body), _) => Some(body.shingles.f1()),
            (None, Some(snippets)) => Some(snippets.accuracy()),
            (None, None) => None,
        }
    }
}

/// Extracts and scores every page on `threads` threads; results come back in page order.
///
/// # Errors
///
/// The first [`CorpusError`] met while reading the pages.
pub fn run(
    extractor: &Extractor,
    pages: &[PageRef],
    threads: usize,
) -> Result<Vec<PageResult>, CorpusError> {
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Result<PageResult, CorpusError>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.max(1))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(page) = pages.get(index) else {
                            return done;
                        };
                        done.push((index, evaluate_page(extractor, page)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("panics are caught per page"))
            .collect()
    });
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

/// Reads one page, times its extraction and scores it. A panic in the extractor counts as an
/// error of kind `panic`.
fn evaluate_page(extractor: &Extractor, page: &PageRef) -> Result<PageResult, CorpusError> {
    let loaded = page.load()?;
    let url = loaded
        .truth
        .url
        .as_deref()
        .and_then(|url| Url::parse(url).ok());
    let start = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        extractor.extract_bytes(&loaded.html, None, url.as_ref())
    }));
    let extract_time = start.elapsed();
    let prediction = match outcome {
        Ok(Ok(article)) => Prediction::from_article(&article),
        // A page without body text still carries its metadata, which is scored.
        Ok(Err(Error::NoContent { article, .. })) => Prediction {
            error: Some("no_content"),
            ..Prediction::from_article(&article)
        },
        Ok(Err(error)) => Prediction::failed(error_kind(&error)),
        Err(_) => Prediction::failed("panic"),
    };
    let scores = PageScores::new(&loaded.truth, &prediction);
    Ok(PageResult {
        id: page.id.clone(),
        truth: loaded.truth,
        prediction,
        scores,
        extract_time,
    })
}
