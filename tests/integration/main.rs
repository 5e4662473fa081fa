//! Integration tests, built as one binary with `harness = false`: every module contributes
//! named trials to one libtest-mimic run, so `cargo test` filters and reports them as usual.
//!
//! Each module opens with a comment saying what belongs in it and exposes
//! `fn trials() -> Vec<Trial>`.

mod quality;

use libtest_mimic::{Arguments, Trial};

fn main() {
    let arguments = Arguments::from_args();
    let mut trials: Vec<Trial> = Vec::new();
    trials.extend(quality::trials());
    libtest_mimic::run(&arguments, trials).exit();
}
