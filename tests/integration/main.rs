//! Integration tests, built as one binary with `harness = false`: every module contributes
//! named trials to one libtest-mimic run, so `cargo test` filters and reports them as usual.
//!
//! Each module opens with a comment saying what belongs in it and exposes
//! `fn trials() -> Vec<Trial>`:
//!
//! - `adversarial`: hostile and broken input at scale (issue 6), generated in code;
//! - `api`: the public API contract (entry points, builder settings, threads, invariants);
//! - `batch`: `extract_many` and the bundled binary over directories and WARC archives;
//! - `corpus`: the never-break floor over the shared evaluation corpus (no panic, no error but
//!   `NoContent`, a title wherever the truth has one);
//! - `errors`: every error variant reachable without the network, with its message, and
//!   hostile input;
//! - `fetch`: fetching and decoding against a loopback server;
//! - `formats`: the output formats: Markdown read back against the blocks, HTML through a
//!   strict sanitizer, hostile markup in no output, generated text;
//! - `generated`: the output formats over generated text full of Markdown and HTML syntax;
//! - `golden`: one trial per fixture page in `tests/fixtures/`, compared with its
//!   `expected.json`, its `expected.txt`, `expected.md` and `expected.html` renderings and its
//!   snippet lists;
//! - `quality`: the corpus quality gate.
//!
//! `commonmark` is not a test module: it reads Markdown back into blocks for `formats`.

mod adversarial;
mod api;
#[cfg(feature = "parallel")]
mod batch;
mod commonmark;
mod corpus;
mod errors;
mod formats;
mod generated;
mod golden;
mod quality;

use libtest_mimic::{Arguments, Failed, Trial};

#[cfg(feature = "fetch")]
mod fetch;
/// Without the `fetch` feature there is nothing to fetch with.
#[cfg(not(feature = "fetch"))]
mod fetch {
    pub fn trials() -> Vec<libtest_mimic::Trial> {
        Vec::new()
    }
}

/// Without the `parallel` feature there is no `extract_many` and no bundled binary.
#[cfg(not(feature = "parallel"))]
mod batch {
    pub fn trials() -> Vec<libtest_mimic::Trial> {
        Vec::new()
    }
}

/// A plain test function, as the `api` and `errors` modules list them.
type Test = fn() -> Result<(), Failed>;

/// One trial per test, named `<module>::<name>`.
fn named_trials(module: &str, tests: &[(&str, Test)]) -> Vec<Trial> {
    tests
        .iter()
        .map(|&(name, test)| Trial::test(format!("{module}::{name}"), test))
        .collect()
}

fn main() {
    let arguments = Arguments::from_args();
    let mut trials: Vec<Trial> = Vec::new();
    trials.extend(adversarial::trials());
    trials.extend(api::trials());
    trials.extend(batch::trials());
    trials.extend(corpus::trials());
    trials.extend(errors::trials());
    trials.extend(fetch::trials());
    trials.extend(formats::trials());
    trials.extend(generated::trials());
    trials.extend(golden::trials());
    trials.extend(quality::trials());
    libtest_mimic::run(&arguments, trials).exit();
}
