//! Golden fixtures: one trial per directory in `tests/fixtures/`.
//!
//! Each directory holds `source.html` (the page, saved once), `case.toml` (its URL, when it was
//! saved, notes, what is expected and snippet checks) and `expected.json`: the serialized
//! [`ArticleJson`], or `{"error": "no_content"}` for a page without an article. A mismatch is
//! reported field by field, and block by block for the body, with expected and got side by side.
//! `UPDATE_GOLDEN=1 cargo test` rewrites `expected.json` from the current output; the diff is
//! reviewed like code, never blessed unread.
//!
//! Snippets from `case.toml` are checked against the body text ([`newsprint::Article::text`]):
//! `must_contain` snippets must be in it, `must_not_contain` snippets (page noise) must not.
//!
//! An article fixture also holds the renderings of its expected article: `expected.txt`,
//! `expected.md` and `expected.html`, what `newsprint::render` makes of `expected.json` read
//! back as an [`Article`]. They test the renderers apart from extraction (a change in what is
//! extracted shows in `expected.json` alone), are compared line by line, and are rewritten by
//! `UPDATE_GOLDEN=1` after `expected.json`, or alone by `UPDATE_GOLDEN=renderings`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use libtest_mimic::{Failed, Trial};
use newsprint::render::json::ArticleJson;
use newsprint::render::{html, markdown, text};
use newsprint::{Article, Error, Extractor};
use serde::Deserialize;
use serde_json::Value;

/// The error kind written to `expected.json` for a page with no article.
const NO_CONTENT: &str = "no_content";
/// The fields of the JSON schema, in the order `ArticleJson` writes them.
const SCHEMA_ORDER: &[&str] = &[
    "error",
    "schema_version",
    "url",
    "title",
    "published",
    "modified",
    "authors",
    "site_name",
    "language",
    "description",
    "image",
    "section",
    "tags",
    "blocks",
    "sources",
    "decoding",
    "text",
];
/// Field and block mismatches shown before the rest are only counted.
const MAX_REPORTED: usize = 12;
/// Strings longer than this are shown as a window around their first difference.
const MAX_SHOWN_CHARS: usize = 160;

/// What a fixture's `case.toml` says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The page's original URL, or a made-up `https://` base for a page written for the tests;
    /// it is passed as the base URL.
    pub url: String,
    /// When the page was saved or written (`YYYY-MM-DD`).
    pub saved: String,
    /// What the page is and what it tests.
    pub notes: String,
    /// `article` (the default) or `no_content`.
    #[serde(default)]
    pub expect: Expect,
    /// Snippets the body text must contain.
    #[serde(default)]
    pub must_contain: Vec<String>,
    /// Snippets (page noise) the body text must not contain.
    #[serde(default)]
    pub must_not_contain: Vec<String>,
}

/// The outcome a fixture expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expect {
    /// An article, as in `expected.json`.
    #[default]
    Article,
    /// [`Error::NoContent`].
    NoContent,
}

/// One fixture directory, loaded.
#[derive(Debug)]
pub struct Fixture {
    /// The directory name, `<site>-<slug>`.
    pub name: String,
    /// The directory.
    pub dir: PathBuf,
    /// `case.toml`.
    pub case: Case,
    /// `source.html`, as bytes.
    pub source: Vec<u8>,
}

impl Fixture {
    /// The base URL from `case.toml`.
    ///
    /// # Panics
    ///
    /// When the URL does not parse (a broken fixture).
    pub fn url(&self) -> url::Url {
        url::Url::parse(&self.case.url)
            .unwrap_or_else(|e| panic!("{}: case.toml url {:?}: {e}", self.name, self.case.url))
    }
}

/// The fixtures directory.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every fixture, sorted by name.
///
/// # Panics
///
/// When the directory or a fixture's files cannot be read or parsed.
pub fn fixtures() -> Vec<Fixture> {
    let dir = fixtures_dir();
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading fixtures directory {}: {e}", dir.display()));
    let mut fixtures: Vec<Fixture> = entries
        .map(|entry| entry.expect("fixture directory entry").path())
        .filter(|path| path.is_dir())
        .map(|path| load(&path))
        .collect();
    fixtures.sort_by(|a, b| a.name.cmp(&b.name));
    fixtures
}

fn load(dir: &Path) -> Fixture {
    let name = dir
        .file_name()
        .and_then(|name| name.to_str())
        .expect("fixture directory name is UTF-8")
        .to_owned();
    let case_path = dir.join("case.toml");
    let case_text = std::fs::read_to_string(&case_path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", case_path.display()));
    let case: Case = toml::from_str(&case_text)
        .unwrap_or_else(|e| panic!("parsing {}: {e}", case_path.display()));
    let source_path = dir.join("source.html");
    let source = std::fs::read(&source_path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", source_path.display()));
    Fixture {
        name,
        dir: dir.to_owned(),
        case,
        source,
    }
}

/// One trial per fixture.
pub fn trials() -> Vec<Trial> {
    let update = match std::env::var("UPDATE_GOLDEN").as_deref() {
        Ok("" | "0") | Err(_) => Update::Nothing,
        Ok("renderings") => Update::Renderings,
        Ok(_) => Update::Everything,
    };
    fixtures()
        .into_iter()
        .map(|fixture| {
            Trial::test(format!("golden::{}", fixture.name), move || {
                run(&fixture, update)
            })
        })
        .collect()
}

/// Extracts a fixture the way a saved page is read: bytes, no content type, its URL as base,
/// and the day it was saved as the reference time, so that relative dates ("1h ago") read the
/// same on every run.
pub fn extract(fixture: &Fixture) -> Result<Article, Error> {
    let saved: jiff::Timestamp = format!("{}T12:00:00Z", fixture.case.saved)
        .parse()
        .unwrap_or_else(|error| panic!("case.toml: saved is not a date: {error}"));
    Extractor::builder()
        .reference_time(saved)
        .build()
        .extract_bytes(&fixture.source, None, Some(&fixture.url()))
}

/// What `UPDATE_GOLDEN` rewrites: `1` everything, `renderings` only the renderings (after a
/// change to the renderers alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Update {
    Nothing,
    Renderings,
    Everything,
}

fn run(fixture: &Fixture, update: Update) -> Result<(), Failed> {
    let result = extract(fixture);
    let got = match &result {
        Ok(article) => serde_json::to_value(ArticleJson::new(article))
            .map_err(|e| format!("serialising the article: {e}"))?,
        Err(Error::NoContent { .. }) => serde_json::json!({ "error": NO_CONTENT }),
        Err(error) => return Err(format!("extraction failed: {error}").into()),
    };
    let expected_path = fixture.dir.join("expected.json");
    let outcome_agrees = matches!(
        (fixture.case.expect, &result),
        (Expect::Article, Ok(_)) | (Expect::NoContent, Err(_))
    );
    // Never rewrite an expectation with an outcome of the wrong kind: that is a failure to
    // report (below), not a new golden output.
    if update == Update::Everything && outcome_agrees {
        // Serialized from the typed value, not from `got`, to keep the schema's field order.
        let mut text = match &result {
            Ok(article) => serde_json::to_string_pretty(&ArticleJson::new(article)),
            Err(_) => serde_json::to_string_pretty(&got),
        }
        .map_err(|e| e.to_string())?;
        text.push('\n');
        std::fs::write(&expected_path, text)
            .map_err(|e| format!("writing {}: {e}", expected_path.display()))?;
    }
    let mut report = Report::default();
    check_case(&fixture.case, &mut report);
    check_outcome(fixture.case.expect, &result, &mut report);
    if !report.lines.is_empty() {
        return report.into_result();
    }
    let expected_text = std::fs::read_to_string(&expected_path)
        .map_err(|e| format!("reading {}: {e}", expected_path.display()))?;
    let expected: Value = serde_json::from_str(&expected_text)
        .map_err(|e| format!("parsing {}: {e}", expected_path.display()))?;
    compare_article(&expected, &got, &mut report);
    if let Ok(article) = &result {
        check_snippets(&fixture.case, &article.text(), &mut report);
        let golden: Article = serde_json::from_value(expected)
            .map_err(|e| format!("reading {} as an article: {e}", expected_path.display()))?;
        check_renderings(fixture, &golden, update, &mut report)?;
    }
    report.into_result()
}

/// Each output format of the expected article against its file (`UPDATE_GOLDEN` writes them
/// instead).
fn check_renderings(
    fixture: &Fixture,
    article: &Article,
    update: Update,
    report: &mut Report,
) -> Result<(), Failed> {
    let renderings = [
        ("expected.txt", text::to_text(article)),
        ("expected.md", markdown::to_markdown(article)),
        ("expected.html", html::to_html(article)),
    ];
    for (file, got) in renderings {
        let path = fixture.dir.join(file);
        if update != Update::Nothing {
            std::fs::write(&path, &got).map_err(|e| format!("writing {}: {e}", path.display()))?;
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) => {
                if let Some(difference) = first_line_difference(&expected, &got) {
                    report.push(format!("{file}: {difference}"));
                }
            }
            Err(error) => report.push(format!("reading {}: {error}", path.display())),
        }
    }
    Ok(())
}

/// The first line where two renderings differ, with both versions.
fn first_line_difference(expected: &str, got: &str) -> Option<String> {
    if expected == got {
        return None;
    }
    let (mut expected_lines, mut got_lines) = (expected.split('\n'), got.split('\n'));
    (1..).find_map(|number| {
        let (e, g) = (expected_lines.next(), got_lines.next());
        (e != g).then(|| {
            let (e, g) = (
                e.map_or_else(|| "(end)".to_owned(), |e| shorten(e, MAX_SHOWN_CHARS)),
                g.map_or_else(|| "(end)".to_owned(), |g| shorten(g, MAX_SHOWN_CHARS)),
            );
            format!("line {number} differs:\n    expected {e:?}\n    got      {g:?}")
        })
    })
}

/// A fixture documents itself: when it was saved and what it is for.
fn check_case(case: &Case, report: &mut Report) {
    let is_date = case.saved.len() == 10
        && case.saved.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !is_date {
        report.push(format!(
            "case.toml: saved = {:?} is not YYYY-MM-DD",
            case.saved
        ));
    }
    if case.notes.trim().is_empty() {
        report.push("case.toml: notes are empty; say what the page is and tests".to_owned());
    }
}

/// Whether the outcome kind agrees with `case.toml`, so that `UPDATE_GOLDEN` can never turn an
/// article fixture into an expected error or the reverse.
fn check_outcome(expect: Expect, result: &Result<Article, Error>, report: &mut Report) {
    match (expect, result) {
        (Expect::Article, Err(error)) => report.push(format!(
            "case.toml expects an article, extraction failed: {error}"
        )),
        (Expect::NoContent, Ok(article)) => report.push(format!(
            "case.toml expects no_content, got an article titled {:?} with {} blocks; \
             body text: {}",
            article.title,
            article.blocks.len(),
            shorten(&article.text(), MAX_SHOWN_CHARS * 2)
        )),
        _ => {}
    }
}

/// Collected mismatches of one fixture.
#[derive(Debug, Default)]
struct Report {
    lines: Vec<String>,
}

impl Report {
    fn push(&mut self, line: String) {
        self.lines.push(line);
    }

    fn into_result(self) -> Result<(), Failed> {
        if self.lines.is_empty() {
            return Ok(());
        }
        let total = self.lines.len();
        let mut message = String::new();
        for line in self.lines.iter().take(MAX_REPORTED) {
            message.push_str(line);
            message.push('\n');
        }
        if total > MAX_REPORTED {
            let _ = writeln!(message, "… and {} more", total - MAX_REPORTED);
        }
        message.push_str(
            "(UPDATE_GOLDEN=1 cargo test rewrites expected.json and the renderings; review the \
             diff)",
        );
        Err(message.into())
    }
}

/// Compares two serialized articles field by field.
fn compare_article(expected: &Value, got: &Value, report: &mut Report) {
    let (Some(expected), Some(got)) = (expected.as_object(), got.as_object()) else {
        report.push(format!(
            "expected.json is not an object: {}",
            shorten(&expected.to_string(), MAX_SHOWN_CHARS)
        ));
        return;
    };
    // Schema order first (serde_json's map sorts keys), then anything unexpected.
    let mut keys: Vec<&str> = SCHEMA_ORDER.to_vec();
    for key in expected.keys().chain(got.keys()) {
        if !keys.contains(&key.as_str()) {
            keys.push(key);
        }
    }
    for key in keys {
        let (e, g) = (
            expected.get(key).unwrap_or(&Value::Null),
            got.get(key).unwrap_or(&Value::Null),
        );
        if e == g {
            continue;
        }
        match key {
            "blocks" => compare_blocks(e, g, report),
            // The text is the blocks joined; report it only when the blocks agree.
            "text" if expected.get("blocks") != got.get("blocks") => {}
            _ => compare_value(key, e, g, report),
        }
    }
}

/// Compares one value, descending into objects so that the innermost differing field is named.
fn compare_value(path: &str, expected: &Value, got: &Value, report: &mut Report) {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            let mut keys: Vec<&String> = e.keys().collect();
            keys.extend(g.keys().filter(|key| !e.contains_key(*key)));
            for key in keys {
                let (ev, gv) = (
                    e.get(key).unwrap_or(&Value::Null),
                    g.get(key).unwrap_or(&Value::Null),
                );
                if ev != gv {
                    compare_value(&format!("{path}.{key}"), ev, gv, report);
                }
            }
        }
        (Value::String(e), Value::String(g)) => {
            let (e, g) = difference_window(e, g);
            report.push(format!("{path}:\n    expected {e}\n    got      {g}"));
        }
        _ => report.push(format!(
            "{path}:\n    expected {}\n    got      {}",
            shorten(&expected.to_string(), MAX_SHOWN_CHARS),
            shorten(&got.to_string(), MAX_SHOWN_CHARS)
        )),
    }
}

/// Aligns the block lists (longest common subsequence) and reports missing, extra and changed
/// blocks by index, so that one dropped paragraph is one line, not a cascade.
fn compare_blocks(expected: &Value, got: &Value, report: &mut Report) {
    let empty = Vec::new();
    let e = expected.as_array().unwrap_or(&empty);
    let g = got.as_array().unwrap_or(&empty);
    report.push(format!(
        "blocks differ ({} expected, {} got):",
        e.len(),
        g.len()
    ));
    let mut missing: Vec<usize> = Vec::new();
    let mut extra: Vec<usize> = Vec::new();
    let flush = |missing: &mut Vec<usize>, extra: &mut Vec<usize>, report: &mut Report| {
        // Pair a run of missing blocks with a run of extra ones: those are changed blocks.
        let paired = missing.len().min(extra.len());
        for (&i, &j) in missing.iter().zip(extra.iter()) {
            let path = if i == j {
                format!("blocks[{i}]")
            } else {
                format!("blocks[{i}] (got at [{j}])")
            };
            compare_value(&path, &e[i], &g[j], report);
        }
        for &i in &missing[paired..] {
            report.push(format!("blocks[{i}] missing: {}", summary(&e[i])));
        }
        for &j in &extra[paired..] {
            report.push(format!("extra block at [{j}]: {}", summary(&g[j])));
        }
        missing.clear();
        extra.clear();
    };
    for step in align(e, g) {
        match step {
            Step::Same => flush(&mut missing, &mut extra, report),
            Step::Missing(i) => missing.push(i),
            Step::Extra(j) => extra.push(j),
        }
    }
    flush(&mut missing, &mut extra, report);
}

enum Step {
    Same,
    Missing(usize),
    Extra(usize),
}

/// The edit script between two block lists.
fn align(expected: &[Value], got: &[Value]) -> Vec<Step> {
    let (rows, cols) = (expected.len(), got.len());
    // common[i][j]: length of the longest common subsequence of expected[i..] and got[j..].
    let mut common = vec![vec![0u32; cols + 1]; rows + 1];
    for i in (0..rows).rev() {
        for j in (0..cols).rev() {
            common[i][j] = if expected[i] == got[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut steps = Vec::new();
    while i < rows || j < cols {
        if i < rows && j < cols && expected[i] == got[j] {
            steps.push(Step::Same);
            i += 1;
            j += 1;
        } else if j < cols && (i == rows || common[i][j + 1] >= common[i + 1][j]) {
            steps.push(Step::Extra(j));
            j += 1;
        } else {
            steps.push(Step::Missing(i));
            i += 1;
        }
    }
    steps
}

/// One line describing a block: its type and its text, shortened.
fn summary(block: &Value) -> String {
    let kind = block["type"].as_str().unwrap_or("?");
    let text = match kind {
        "related" => format!(
            "{} | {} | {}",
            block["label"].as_str().unwrap_or(""),
            block["title"].as_str().unwrap_or(""),
            block["url"].as_str().unwrap_or("")
        ),
        _ => block["text"]
            .as_str()
            .map_or_else(|| block.to_string(), str::to_owned),
    };
    format!("{kind}: {:?}", shorten(&text, MAX_SHOWN_CHARS))
}

/// Both strings quoted; when long, only a window around where they first differ.
fn difference_window(expected: &str, got: &str) -> (String, String) {
    if expected.chars().count() <= MAX_SHOWN_CHARS && got.chars().count() <= MAX_SHOWN_CHARS {
        return (format!("{expected:?}"), format!("{got:?}"));
    }
    let first_difference = expected
        .chars()
        .zip(got.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let start = first_difference.saturating_sub(MAX_SHOWN_CHARS / 3);
    let window = |text: &str| {
        let total = text.chars().count();
        let part: String = text.chars().skip(start).take(MAX_SHOWN_CHARS).collect();
        let before = if start > 0 { "…" } else { "" };
        let after = if start + MAX_SHOWN_CHARS < total {
            "…"
        } else {
            ""
        };
        format!("{before}{part:?}{after} (first difference at char {first_difference})")
    };
    (window(expected), window(got))
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max_chars).collect();
    short.push('…');
    short
}

/// Checks the snippet lists of `case.toml` against the body text.
fn check_snippets(case: &Case, text: &str, report: &mut Report) {
    let text = collapse_whitespace(text);
    for snippet in &case.must_contain {
        if !text.contains(&collapse_whitespace(snippet)) {
            report.push(format!(
                "must_contain snippet missing from the text: {snippet:?}"
            ));
        }
    }
    for snippet in &case.must_not_contain {
        if text.contains(&collapse_whitespace(snippet)) {
            report.push(format!(
                "must_not_contain snippet found in the text: {snippet:?}"
            ));
        }
    }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
