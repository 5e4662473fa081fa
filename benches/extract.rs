//! Benchmarks: parse-only against full extraction over saved pages.

fn main() {}
