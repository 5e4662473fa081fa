//! Integration tests, built as one binary.

fn main() {}
