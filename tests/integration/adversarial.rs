//! Hostile and broken input: every case ends in an `Article` or a typed error, never a panic,
//! a stack overflow or a hang. The inputs are generated in code (`adversarial/cases.rs`);
//! cases that take long in the test profile run here at a fraction of their size, and
//! `benches/hostile.rs` runs all of them at full size, recording time and peak memory.
//!
//! No trial is timed: each has a generous ceiling only so that a hang fails instead of
//! stalling CI.

#[path = "adversarial/cases.rs"]
mod cases;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use libtest_mimic::{Failed, Trial};
use newsprint::{Article, Error, Extractor};

use cases::{Case, PARAGRAPH};

/// Far above what any case takes; only a hang comes near it.
const CEILING: Duration = Duration::from_secs(60);

pub fn trials() -> Vec<Trial> {
    let mut trials: Vec<Trial> = cases::all()
        .into_iter()
        .map(|case| {
            Trial::test(format!("adversarial::{}", case.name), move || {
                check_case(&case)
            })
        })
        .collect();
    trials.extend([
        Trial::test("adversarial::invalid_utf8_in_every_position", invalid_utf8),
        Trial::test("adversarial::tiny_depth_budgets", tiny_depth_budgets),
        Trial::test("adversarial::byte_budget", byte_budget),
        Trial::test("adversarial::extract_html_with_nul_and_controls", controls),
        Trial::test(
            "adversarial::example_binary_exits_with_a_message",
            example_binary,
        ),
    ]);
    trials
}

/// Runs one case and checks what it must give.
fn check_case(case: &Case) -> Result<(), Failed> {
    let input = (case.build)(case.test_scale);
    let started = Instant::now();
    let result = Extractor::new().extract_bytes(&input, None, None);
    let elapsed = started.elapsed();
    if elapsed > CEILING {
        return Err(format!("took {elapsed:?}").into());
    }
    expect(case.name, result)
}

fn expect(name: &str, result: Result<Article, Error>) -> Result<(), Failed> {
    match (name, result) {
        ("only_script", Err(Error::NoContent { .. })) => Ok(()),
        ("elements_2m", Err(Error::TooManyElements { limit, found })) => {
            ensure(limit == 1_000_000 && found > limit, "element counts")
        }
        ("nested_ul_li_100k", Ok(article)) => {
            let text = article.text();
            ensure(text.contains(PARAGRAPH), "paragraph kept")?;
            ensure(text.contains("item 0"), "first item kept")?;
            ensure(text.contains("item 99999"), "flattened items kept")
        }
        ("paragraphs_50mb", Ok(article)) => {
            ensure(article.paragraphs().count() > 10_000, "paragraphs kept")
        }
        ("absurd_dates", Ok(article)) => {
            ensure(article.published.is_none(), "no date from absurd ones")?;
            ensure(article.text().contains(PARAGRAPH), "paragraph kept")
        }
        ("json_ld_hostile", Ok(article)) => {
            ensure(article.title.as_deref() == Some("Budget passes"), "title")?;
            ensure(article.text().contains(PARAGRAPH), "paragraph kept")
        }
        // A paragraph beside a hundred thousand links is a listing: the links are the page.
        ("sibling_links_100k", Ok(article)) => {
            ensure(article.text().contains("Story 99999"), "links kept")
        }
        ("no_tags_10mb", Ok(article)) => ensure(article.text().len() > 9_000_000, "text kept"),
        (_, Ok(article)) => ensure(article.text().contains(PARAGRAPH), "paragraph kept"),
        (_, Err(error)) => Err(format!("unexpected error: {error}").into()),
    }
}

fn ensure(condition: bool, what: &str) -> Result<(), Failed> {
    if condition {
        Ok(())
    } else {
        Err(format!("failed: {what}").into())
    }
}

/// An invalid UTF-8 sequence at every byte position of a small page, with and without a
/// declared charset.
fn invalid_utf8() -> Result<(), Failed> {
    let page = cases::small_page();
    let extractor = Extractor::new();
    let invalid: [&[u8]; 5] = [
        b"\xff",
        b"\xc3",
        b"\xe2\x82",
        b"\xed\xa0\x80",
        b"\xf4\x90\x80\x80",
    ];
    for position in 0..=page.len() {
        for bytes in invalid {
            let mut input = page.clone();
            input.splice(position..position, bytes.iter().copied());
            for content_type in [None, Some("text/html; charset=utf-8")] {
                if let Err(error) = extractor.extract_bytes(&input, content_type, None)
                    && !matches!(error, Error::NoContent { .. })
                {
                    return Err(format!("at {position}: {error}").into());
                }
            }
        }
    }
    // Every byte replaced in turn, too.
    for position in 0..page.len() {
        let mut input = page.clone();
        input[position] = 0xff;
        let _ = extractor.extract_bytes(&input, None, None);
    }
    Ok(())
}

/// Depth budgets of 0, 1 and 2 flatten everything, even `<html>` and `<body>`, and still end
/// in a value.
fn tiny_depth_budgets() -> Result<(), Failed> {
    let inputs = [
        cases::small_page(),
        cases::nested_divs(0.001),
        cases::misnested_formatting(0.01),
        cases::nested_tables(0.01),
    ];
    for max_depth in 0..4 {
        let extractor = Extractor::builder().max_depth(max_depth).build();
        for input in &inputs {
            match extractor.extract_bytes(input, None, None) {
                Ok(_) | Err(Error::NoContent { .. }) => {}
                Err(error) => return Err(format!("max_depth {max_depth}: {error}").into()),
            }
        }
    }
    Ok(())
}

/// Over the byte budget is `TooLarge` with the numbers, before any parsing.
fn byte_budget() -> Result<(), Failed> {
    let input = cases::paragraphs(0.01);
    let extractor = Extractor::builder().max_bytes(1000).build();
    match extractor.extract_bytes(&input, None, None) {
        Err(Error::TooLarge {
            limit: 1000,
            actual,
        }) if actual == input.len() as u64 => Ok(()),
        other => Err(format!("expected TooLarge, got {other:?}").into()),
    }
}

/// `extract_html` on text full of NUL and control characters.
fn controls() -> Result<(), Failed> {
    let controls: String = (0u8..32).map(char::from).collect();
    let html = format!("<p>{PARAGRAPH}</p><p>{controls}{controls}</p><{controls}>\u{0}");
    let article = Extractor::new().extract_html(&html, None)?;
    ensure(article.text().contains(PARAGRAPH), "paragraph kept")
}

/// The bundled binary, run on every case (at a tenth of the test size: it is built
/// unoptimised), exits with status 0 or 1 and a message, never a panic or a signal.
fn example_binary() -> Result<(), Failed> {
    let Some(binary) = example_path() else {
        return Err("the extract example is not built (run `cargo test`, which builds it)".into());
    };
    let directory = std::env::temp_dir().join(format!("newsprint-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&directory)?;
    let mut failures = Vec::new();
    for case in cases::all() {
        let path = directory.join(format!("{}.html", case.name));
        std::fs::write(&path, (case.build)(case.test_scale / 10.0))?;
        let output = Command::new(&binary).arg(&path).output()?;
        let stderr = String::from_utf8_lossy(&output.stderr);
        let ok = match output.status.code() {
            Some(0) => !output.stdout.is_empty(),
            Some(1) => stderr.contains(case.name) && !stderr.contains("panicked"),
            _ => false,
        };
        if !ok {
            failures.push(format!("{}: {:?} {stderr}", case.name, output.status));
        }
        let _ = std::fs::remove_file(&path);
    }
    let _ = std::fs::remove_dir(&directory);
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}

/// `target/<profile>/examples/extract`, beside the directory of this test binary.
fn example_path() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let profile_dir = exe.parent()?.parent()?;
    let path = profile_dir
        .join("examples")
        .join(format!("extract{}", std::env::consts::EXE_SUFFIX));
    path.exists().then_some(path)
}
