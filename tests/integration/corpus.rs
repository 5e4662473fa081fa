//! The crate over every page of the evaluation corpus (`../shared/corpus/`, or the directory
//! in `NEWSPRINT_CORPUS`), one trial per set: no panic, no error other than `NoContent`, and a
//! title on every page whose `truth.json` has one, whether the page ends in an article or in
//! `NoContent` (which carries the page's metadata), and renderings that hold up
//! ([`crate::formats::render_problems`]). Quality figures (F1, accuracy) are not asserted here:
//! this is the never-break floor. A missing corpus is a failure, not a skip.

use std::fmt::Write as _;
use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use libtest_mimic::{Failed, Trial};
use newsprint::{Error, Extractor};
use serde_json::Value;

/// The environment variable that points at the corpus directory.
const CORPUS_ENV: &str = "NEWSPRINT_CORPUS";
/// Violations listed per category before the rest are only counted.
const MAX_LISTED: usize = 40;

/// The corpus directory: `NEWSPRINT_CORPUS`, else `../shared/corpus` next to the crate.
fn corpus_dir() -> PathBuf {
    std::env::var_os(CORPUS_ENV).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        PathBuf::from,
    )
}

pub fn trials() -> Vec<Trial> {
    let dir = corpus_dir();
    let sets = std::fs::read_dir(&dir).map(|entries| {
        let mut sets: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.is_dir())
            .collect();
        sets.sort();
        sets
    });
    match sets {
        Ok(sets) if !sets.is_empty() => sets
            .into_iter()
            .map(|set| {
                let name = set
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                Trial::test(format!("corpus::{name}"), move || run_set(&set))
            })
            .collect(),
        outcome => {
            let why = match outcome {
                Ok(_) => "holds no sets".to_owned(),
                Err(error) => error.to_string(),
            };
            let message = format!(
                "the evaluation corpus is expected at {} ({why}); check out ../shared/corpus \
                 next to the crate or set {CORPUS_ENV} to its path",
                dir.display()
            );
            vec![Trial::test("corpus::present", move || Err(message.into()))]
        }
    }
}

/// What went wrong on the pages of a set.
#[derive(Debug, Default)]
struct Violations {
    panics: Vec<String>,
    errors: Vec<String>,
    no_title: Vec<String>,
    unreadable: Vec<String>,
    renderings: Vec<String>,
}

fn run_set(set: &Path) -> Result<(), Failed> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(set)
        .map_err(|e| format!("reading {}: {e}", set.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.join("page.html.gz").is_file())
        .collect();
    pages.sort();
    if pages.is_empty() {
        return Err(format!("{} holds no page.html.gz", set.display()).into());
    }
    let extractor = Extractor::new();
    let mut violations = Violations::default();
    let mut no_content = 0;
    for page in &pages {
        let id = page
            .strip_prefix(set.parent().unwrap_or(set))
            .unwrap_or(page)
            .display()
            .to_string();
        check_page(&extractor, page, &id, &mut violations, &mut no_content);
    }
    report(&pages, no_content, &violations)
}

fn check_page(
    extractor: &Extractor,
    page: &Path,
    id: &str,
    violations: &mut Violations,
    no_content: &mut usize,
) {
    let (bytes, truth) = match read_page(page) {
        Ok(read) => read,
        Err(error) => {
            violations.unreadable.push(format!("{id}: {error}"));
            return;
        }
    };
    let url = truth["url"]
        .as_str()
        .and_then(|url| url::Url::parse(url).ok());
    let title = truth["title"].as_str().map(str::trim).unwrap_or_default();
    let result = catch_unwind(AssertUnwindSafe(|| {
        extractor.extract_bytes(&bytes, None, url.as_ref())
    }));
    let article = match result {
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            violations.panics.push(format!("{id}: {message}"));
            return;
        }
        Ok(Err(error)) => {
            let Error::NoContent { article, .. } = error else {
                violations.errors.push(format!("{id}: {error}"));
                return;
            };
            *no_content += 1;
            *article
        }
        Ok(Ok(article)) => {
            for problem in crate::formats::render_problems(&article) {
                violations.renderings.push(format!("{id}: {problem}"));
            }
            article
        }
    };
    // A page without a body still carries its metadata, the title included.
    let has_title = article
        .title
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty());
    if !title.is_empty() && !has_title {
        violations
            .no_title
            .push(format!("{id}: truth title {title:?}"));
    }
}

fn read_page(page: &Path) -> Result<(Vec<u8>, Value), String> {
    let gz = std::fs::read(page.join("page.html.gz")).map_err(|e| e.to_string())?;
    let mut bytes = Vec::with_capacity(gz.len() * 4);
    GzDecoder::new(gz.as_slice())
        .read_to_end(&mut bytes)
        .map_err(|e| format!("gunzip: {e}"))?;
    let truth = match std::fs::read(page.join("truth.json")) {
        Ok(text) => serde_json::from_slice(&text).map_err(|e| format!("truth.json: {e}"))?,
        Err(_) => Value::Null,
    };
    Ok((bytes, truth))
}

fn report(pages: &[PathBuf], no_content: usize, violations: &Violations) -> Result<(), Failed> {
    let categories = [
        ("panicked", &violations.panics),
        (
            "failed with an error other than NoContent",
            &violations.errors,
        ),
        (
            "have a title in truth.json but none extracted",
            &violations.no_title,
        ),
        ("could not be read", &violations.unreadable),
        ("render badly", &violations.renderings),
    ];
    let mut message = String::new();
    for (what, list) in categories {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(message, "{} of {} pages {what}:", list.len(), pages.len());
        for line in list.iter().take(MAX_LISTED) {
            message.push_str("    ");
            message.push_str(line);
            message.push('\n');
        }
        if list.len() > MAX_LISTED {
            let _ = writeln!(message, "    … and {} more", list.len() - MAX_LISTED);
        }
    }
    if message.is_empty() {
        return Ok(());
    }
    let _ = write!(
        message,
        "({no_content} of {} pages ended in NoContent in all)",
        pages.len()
    );
    Err(message.into())
}
