//! Integration tests, built as one binary with `harness = false`: every module contributes
//! named trials to one libtest-mimic run, so `cargo test` filters and reports them as usual.
//!
//! Each module opens with a comment saying what belongs in it and exposes
//! `fn trials() -> Vec<Trial>`:
//!
//! - `fetch`: fetching and decoding against a loopback server;
//! - `golden`: one trial per fixture page in `tests/fixtures/`, compared with its
//!   `expected.json` and its snippet lists;
//! - `quality`: the corpus quality gate.

mod golden;
mod quality;

use libtest_mimic::{Arguments, Trial};

#[cfg(feature = "fetch")]
mod fetch;
/// Without the `fetch` feature there is nothing to fetch with.
#[cfg(not(feature = "fetch"))]
mod fetch {
    pub fn trials() -> Vec<libtest_mimic::Trial> {
        Vec::new()
    }
}

fn main() {
    let arguments = Arguments::from_args();
    let mut trials: Vec<Trial> = Vec::new();
    trials.extend(fetch::trials());
    trials.extend(golden::trials());
    trials.extend(quality::trials());
    libtest_mimic::run(&arguments, trials).exit();
}
