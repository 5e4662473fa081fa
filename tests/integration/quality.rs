//! The quality gate: every page of the evaluation corpus is extracted and scored with the
//! metrics of `examples/evaluate` (whose code is compiled in here, not copied), and each figure
//! must stay at or above its floor in `tests/quality-floors.json`. One trial per set named in
//! that file; each prints all of its figures beside their floors.
//!
//! The corpus is `$NEWSPRINT_CORPUS`, else `../shared/corpus` beside the checkout. Without it the
//! trials fail: a gate that passes without measuring would hide every regression.
//!
//! Floors only go up. After an improvement, raise them with
//! `cargo run --release --example evaluate -- CORPUS --raise-floors tests/quality-floors.json`.

// The gate needs the figures only; the per-page details these modules also keep feed the
// example's `--worst` listing (dead code here). Their unit tests run with the example
// (`test = true` in Cargo.toml); this binary drops `#[test]` functions, leaving their imports
// unused.
#[allow(dead_code, unused_imports)]
#[path = "../../examples/evaluate/corpus.rs"]
mod corpus;
#[allow(dead_code, unused_imports)]
#[path = "../../examples/evaluate/evaluation.rs"]
mod evaluation;
#[allow(dead_code, unused_imports)]
#[path = "../../examples/evaluate/floors.rs"]
mod floors;
#[allow(dead_code, unused_imports)]
#[path = "../../examples/evaluate/metrics.rs"]
mod metrics;
#[allow(dead_code, unused_imports)]
#[path = "../../examples/evaluate/report.rs"]
mod report;

use std::fmt::Write;
use std::path::{Path, PathBuf};

use libtest_mimic::{Failed, Trial};
use newsprint::Extractor;

/// The environment variable that points the gate at a corpus elsewhere.
const CORPUS_VARIABLE: &str = "NEWSPRINT_CORPUS";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_root() -> PathBuf {
    std::env::var_os(CORPUS_VARIABLE)
        .map_or_else(|| manifest_dir().join("../shared/corpus"), PathBuf::from)
}

fn floors_path() -> PathBuf {
    manifest_dir().join("tests/quality-floors.json")
}

pub fn trials() -> Vec<Trial> {
    let path = floors_path();
    match floors::read(&path) {
        Ok(all) => all
            .into_iter()
            .map(|(set, set_floors)| {
                Trial::test(format!("quality::{set}"), move || {
                    check_set(&set, &set_floors)
                })
            })
            .collect(),
        Err(error) => {
            let message = format!("{error}: {}", source_text(&error));
            vec![Trial::test("quality::floors", move || Err(message.into()))]
        }
    }
}

fn source_text(error: &dyn std::error::Error) -> String {
    error.source().map(ToString::to_string).unwrap_or_default()
}

/// Evaluates one set and compares its figures with their floors.
fn check_set(
    set: &str,
    set_floors: &std::collections::BTreeMap<String, f64>,
) -> Result<(), Failed> {
    let root = corpus_root();
    if !root.is_dir() {
        return Err(format!(
            "the evaluation corpus is expected at {} (set {CORPUS_VARIABLE} to its path, or put \
             the corpus at ../shared/corpus beside the project checkout)",
            root.display()
        )
        .into());
    }
    let pages =
        corpus::pages(&root, set).map_err(|error| format!("{error}: {}", source_text(&error)))?;
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let results = evaluation::run(&Extractor::new(), &pages, threads)
        .map_err(|error| format!("{error}: {}", source_text(&error)))?;
    let set_report = report::SetReport::new(set, &results);
    let checks = floors::check(&set_report.gated_figures(), Some(set_floors));
    println!("{}", figure_table(&set_report, &root, &checks));
    let mut problems: Vec<String> = checks.iter().filter_map(floors::Check::problem).collect();
    if let Some(panics) = set_report.errors.get("panic") {
        problems.push(format!("the extractor panicked on {panics} pages"));
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{}\nsee the losses with: cargo run --release --example evaluate -- {} --set {set} \
         --worst 20",
        problems.join("; "),
        root.display()
    )
    .into())
}

/// The set's figures beside their floors, one line each.
fn figure_table(set_report: &report::SetReport, root: &Path, checks: &[floors::Check]) -> String {
    let mut table = format!(
        "quality::{}: {} pages from {}\n  {:<24} {:>8} {:>8}\n",
        set_report.set,
        set_report.pages,
        root.display(),
        "figure",
        "measured",
        "floor"
    );
    let value = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.4}"));
    for check in checks {
        let _ = writeln!(
            table,
            "  {:<24} {:>8} {:>8}  {}",
            check.name,
            value(check.measured),
            value(check.floor),
            check.problem().map_or("ok", |_| "FAIL")
        );
    }
    table
}
