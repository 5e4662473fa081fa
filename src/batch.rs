//! Many pages at once: [`Extractor::extract_many`] and [`Extractor::extract_many_with`] run
//! the extraction of a stream of pages on rayon's threads and yield the results in input
//! order, reading only a bounded number of pages ahead.
//!
//! The caller's thread pulls the inputs and receives the results; each page is handed to a
//! rayon task as soon as fewer than [`ExtractMany::lookahead`] pages are in flight or waiting
//! for their turn, so memory stays bounded however long the stream is, and a page is dropped
//! as soon as its task is done with it. A slow page holds back the output of the pages after
//! it, not the work on them.

use std::collections::BTreeMap;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::Duration;

use url::Url;

use crate::document::Article;
use crate::error::Result;
use crate::extractor::Extractor;

/// Pages read ahead per thread by default: enough to keep every thread busy while the output
/// waits for a slow page.
const LOOKAHEAD_PER_THREAD: usize = 4;

/// A page for [`Extractor::extract_many`]: its bytes and what is known about them, as
/// [`Extractor::extract_bytes`] takes them.
///
/// ```
/// let input = newsprint::Input::new(b"<p>Hello</p>".to_vec())
///     .with_content_type("text/html; charset=utf-8")
///     .with_url(url::Url::parse("https://example.com/hello").unwrap());
/// assert_eq!(input.url.as_ref().map(url::Url::as_str), Some("https://example.com/hello"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Input {
    /// The page as received, in any encoding.
    pub bytes: Vec<u8>,
    /// The HTTP `Content-Type`, if known: its `charset` helps decoding.
    pub content_type: Option<String>,
    /// Where the page came from: the base of relative links, and a date source.
    pub url: Option<Url>,
}

impl Input {
    /// A page from its bytes, with no content type or URL.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Input {
            bytes: bytes.into(),
            content_type: None,
            url: None,
        }
    }

    /// Sets the URL the page came from.
    #[must_use]
    pub fn with_url(mut self, url: Url) -> Self {
        self.url = Some(url);
        self
    }

    /// Sets the HTTP `Content-Type` the page came with.
    #[must_use]
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}

impl Extractor {
    /// Extracts many pages on all cores and yields each page's result in input order.
    ///
    /// Pages are extracted as by [`Extractor::extract_bytes`] on rayon's threads (the global
    /// pool, or the pool this is called from), while the iterator reads at most a few pages
    /// per thread ahead of the one it yields next ([`ExtractMany::lookahead`]). A page that
    /// fails does not stop the others: its `Err` comes in its place.
    ///
    /// ```
    /// use newsprint::{Extractor, Input};
    ///
    /// let pages = [
    ///     "<article><p>The first page has a paragraph long enough to be an article.</p></article>",
    ///     "<html><body></body></html>",
    ///     "<article><p>The third page has a paragraph long enough to be one too.</p></article>",
    /// ];
    /// let results: Vec<_> = Extractor::new()
    ///     .extract_many(pages.map(|html| Input::new(html.as_bytes())))
    ///     .collect();
    /// assert!(results[0].as_ref().unwrap().text().starts_with("The first page"));
    /// assert!(matches!(results[1], Err(newsprint::Error::NoContent { .. })));
    /// assert!(results[2].as_ref().unwrap().text().starts_with("The third page"));
    /// ```
    ///
    /// # Panics
    ///
    /// If an extraction panics (a bug), the panic resumes on the caller's thread when that
    /// page's turn comes.
    pub fn extract_many<I>(&self, inputs: I) -> ExtractMany<I::IntoIter, Result<Article>>
    where
        I: IntoIterator<Item = Input>,
        I::IntoIter: Iterator<Item = Input>,
    {
        self.extract_many_with(inputs, |extractor: &Extractor, input: Input| {
            extractor.extract_bytes(
                &input.bytes,
                input.content_type.as_deref(),
                input.url.as_ref(),
            )
        })
    }

    /// Runs `step` on every item on all cores, with this extractor, and yields the results in
    /// input order: [`Extractor::extract_many`] with a step of the caller's own, for work
    /// that belongs on the worker threads too, such as reading and decompressing the page
    /// before and rendering the article after.
    ///
    /// ```
    /// use newsprint::Extractor;
    ///
    /// let pages = vec![
    ///     ("one", "<article><p>A first paragraph, long enough to be kept as an article.</p></article>"),
    ///     ("two", "<html><body></body></html>"),
    /// ];
    /// let lines: Vec<String> = Extractor::new()
    ///     .extract_many_with(pages, |extractor, (name, html)| {
    ///         match extractor.extract_html(html, None) {
    ///             Ok(article) => format!("{name}: {} paragraph(s)", article.paragraphs().count()),
    ///             Err(error) => format!("{name}: {error}"),
    ///         }
    ///     })
    ///     .collect();
    /// assert_eq!(lines[0], "one: 1 paragraph(s)");
    /// assert!(lines[1].starts_with("two: no article content"));
    /// ```
    ///
    /// # Panics
    ///
    /// If `step` panics, the panic resumes on the caller's thread when that item's turn comes.
    pub fn extract_many_with<I, F, R>(&self, inputs: I, step: F) -> ExtractMany<I::IntoIter, R>
    where
        I: IntoIterator,
        I::Item: Send + 'static,
        F: Fn(&Extractor, I::Item) -> R + Send + Sync + 'static,
        R: Send + 'static,
    {
        let (sender, receiver) = mpsc::channel();
        ExtractMany {
            inputs: inputs.into_iter(),
            step: Arc::new(step),
            extractor: self.clone(),
            lookahead: LOOKAHEAD_PER_THREAD * rayon::current_num_threads(),
            exhausted: false,
            sent: 0,
            yielded: 0,
            ready: BTreeMap::new(),
            sender,
            receiver,
        }
    }
}

/// A step run on every item by [`ExtractMany`].
type Step<T, R> = Arc<dyn Fn(&Extractor, T) -> R + Send + Sync>;

/// What a task sends back: its sequence number and its result, or its panic.
type Done<R> = (u64, std::thread::Result<R>);

/// The iterator of [`Extractor::extract_many`] and [`Extractor::extract_many_with`]: results
/// in input order, computed on rayon's threads.
pub struct ExtractMany<I: Iterator, R> {
    inputs: I,
    step: Step<I::Item, R>,
    extractor: Extractor,
    lookahead: usize,
    exhausted: bool,
    /// Items handed to tasks so far.
    sent: u64,
    /// Results yielded so far: the next one to yield is number `yielded`.
    yielded: u64,
    /// Results that came back before their turn.
    ready: BTreeMap<u64, std::thread::Result<R>>,
    sender: Sender<Done<R>>,
    receiver: Receiver<Done<R>>,
}

impl<I: Iterator, R> ExtractMany<I, R>
where
    I::Item: Send + 'static,
    R: Send + 'static,
{
    /// Sets how many items may be taken from the input ahead of the one yielded next (being
    /// extracted, or done and waiting for their turn); at least one. By default, four per
    /// thread of the rayon pool.
    #[must_use]
    pub fn lookahead(mut self, items: usize) -> Self {
        self.lookahead = items.max(1);
        self
    }

    /// Hands items to tasks until `lookahead` are out or the input ends.
    fn fill(&mut self) {
        while !self.exhausted && self.sent - self.yielded < self.lookahead as u64 {
            let Some(item) = self.inputs.next() else {
                self.exhausted = true;
                return;
            };
            let sequence = self.sent;
            self.sent += 1;
            let step = Arc::clone(&self.step);
            let extractor = self.extractor.clone();
            let sender = self.sender.clone();
            rayon::spawn(move || {
                let result = panic::catch_unwind(AssertUnwindSafe(|| step(&extractor, item)));
                // The receiver is gone when the caller dropped the iterator: nobody waits
                // for this result any more.
                let _ = sender.send((sequence, result));
            });
        }
    }

    /// The next result to come back from a task. On a rayon thread (the caller iterates
    /// inside a pool) the thread runs pending tasks while it waits, so even a pool of one
    /// thread makes progress.
    fn wait(&self) -> Done<R> {
        if rayon::current_thread_index().is_none() {
            // `self.sender` keeps the channel open, so `recv` waits rather than fails.
            if let Ok(done) = self.receiver.recv() {
                return done;
            }
        }
        loop {
            match self.receiver.try_recv() {
                Ok(done) => return done,
                Err(TryRecvError::Empty) => {
                    if rayon::yield_now() != Some(rayon::Yield::Executed)
                        && let Ok(done) = self.receiver.recv_timeout(Duration::from_millis(1))
                    {
                        return done;
                    }
                }
                Err(TryRecvError::Disconnected) => {
                    unreachable!("the iterator holds a sender, so the channel stays open")
                }
            }
        }
    }
}

impl<I: Iterator, R> Iterator for ExtractMany<I, R>
where
    I::Item: Send + 'static,
    R: Send + 'static,
{
    type Item = R;

    fn next(&mut self) -> Option<R> {
        loop {
            self.fill();
            if let Some(result) = self.ready.remove(&self.yielded) {
                self.yielded += 1;
                return Some(result.unwrap_or_else(|panic| panic::resume_unwind(panic)));
            }
            if self.sent == self.yielded {
                return None;
            }
            let (sequence, result) = self.wait();
            self.ready.insert(sequence, result);
        }
    }
}

impl<I: Iterator, R> fmt::Debug for ExtractMany<I, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExtractMany")
            .field("lookahead", &self.lookahead)
            .field("sent", &self.sent)
            .field("yielded", &self.yielded)
            .field("ready", &self.ready.len())
            .field("exhausted", &self.exhausted)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(words: &str) -> Input {
        Input::new(format!(
            "<article><p>{words} makes a paragraph long enough for an article body.</p></article>"
        ))
    }

    #[test]
    fn yields_results_in_input_order() {
        let inputs: Vec<Input> = (0..40).map(|i| page(&format!("Page number {i}"))).collect();
        let texts: Vec<String> = Extractor::new()
            .extract_many(inputs)
            .lookahead(3)
            .map(|result| result.unwrap().text())
            .collect();
        assert_eq!(texts.len(), 40);
        for (i, text) in texts.iter().enumerate() {
            assert!(
                text.starts_with(&format!("Page number {i} ")),
                "{i}: {text}"
            );
        }
    }

    #[test]
    fn a_failing_page_keeps_its_place() {
        let inputs = vec![page("One"), Input::new("<html></html>"), page("Three")];
        let results: Vec<_> = Extractor::new().extract_many(inputs).collect();
        assert!(results[0].as_ref().unwrap().text().starts_with("One"));
        assert!(matches!(results[1], Err(crate::Error::NoContent { .. })));
        assert!(results[2].as_ref().unwrap().text().starts_with("Three"));
    }

    #[test]
    fn reads_only_lookahead_items_ahead() {
        let taken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = Arc::clone(&taken);
        let inputs = (0..100).inspect(move |_| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });
        let mut many = Extractor::new()
            .extract_many_with(inputs, |_, i: i32| i * 2)
            .lookahead(5);
        assert_eq!(many.next(), Some(0));
        assert!(taken.load(std::sync::atomic::Ordering::SeqCst) <= 6);
        assert_eq!(many.sum::<i32>(), (1..100).map(|i| i * 2).sum::<i32>());
    }

    #[test]
    fn works_inside_a_pool_of_one_thread() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let doubled: Vec<i32> = pool.install(|| {
            Extractor::new()
                .extract_many_with(0..20, |_, i: i32| i * 2)
                .collect()
        });
        assert_eq!(doubled, (0..20).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_panicking_step_panics_in_the_caller() {
        let outcome = panic::catch_unwind(|| {
            Extractor::new()
                .extract_many_with(0..3, |_, i: i32| {
                    assert!(i != 1, "step failed on {i}");
                    i
                })
                .collect::<Vec<_>>()
        });
        assert!(outcome.is_err());
    }
}
