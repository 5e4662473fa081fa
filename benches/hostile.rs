//! Hostile inputs at full size (the cases of `tests/integration/adversarial/cases.rs`): time
//! and peak memory of one `extract_bytes` call each.
//!
//! ```text
//! cargo bench --bench hostile                 # every case, one child process each
//! cargo bench --bench hostile -- NAME         # the cases whose name contains NAME
//! cargo bench --bench hostile -- --test       # CI: every case at a hundredth of its size
//! ```
//!
//! Criterion measures time only, so this harness runs each case in a child process of its
//! own and reads the child's peak resident memory (`VmHWM` in `/proc/self/status`, Linux),
//! beside its input size and the time of the extraction alone (input generation excluded).
//! Numbers go into dated notes, never into assertions.

#[path = "../tests/integration/adversarial/cases.rs"]
mod cases;

use std::process::{Command, ExitCode};
use std::time::Instant;

use newsprint::Extractor;

/// The argument that makes the process run one case and report it.
const CHILD_FLAG: &str = "--hostile-case";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == CHILD_FLAG) {
        let name = args.get(at + 1).map_or("", String::as_str);
        return run_child(name);
    }
    if args.iter().any(|a| a == "--test") {
        return smoke_test();
    }
    let filter = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .cloned()
        .unwrap_or_default();
    let Ok(exe) = std::env::current_exe() else {
        eprintln!("cannot find the benchmark binary");
        return ExitCode::FAILURE;
    };
    println!(
        "{:<28} {:>12} {:>10} {:>12} {:>8}  result",
        "case", "input bytes", "time ms", "peak RSS MB", "RSS/in"
    );
    for case in cases::all() {
        if !case.name.contains(&filter) {
            continue;
        }
        match Command::new(&exe).args([CHILD_FLAG, case.name]).output() {
            Ok(output) => print!("{}", String::from_utf8_lossy(&output.stdout)),
            Err(error) => println!("{:<28} failed to run: {error}", case.name),
        }
    }
    ExitCode::SUCCESS
}

/// Runs one case at full size and prints its line of the table.
fn run_child(name: &str) -> ExitCode {
    let Some(case) = cases::all().into_iter().find(|c| c.name == name) else {
        println!("{name:<28} unknown case");
        return ExitCode::FAILURE;
    };
    let input = (case.build)(1.0);
    let extractor = Extractor::new();
    let started = Instant::now();
    let result = extractor.extract_bytes(&input, None, None);
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    let summary = match &result {
        Ok(article) => format!("article, {} blocks", article.blocks.len()),
        Err(error) => format!("error: {error}"),
    };
    let peak = peak_rss_bytes().unwrap_or(0);
    println!(
        "{:<28} {:>12} {:>10.1} {:>12.1} {:>8.1}  {summary}",
        case.name,
        input.len(),
        millis,
        peak as f64 / 1e6,
        peak as f64 / input.len().max(1) as f64
    );
    ExitCode::SUCCESS
}

/// The process's peak resident set size, from `/proc/self/status`.
fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

/// `cargo bench -- --test`: every case at a hundredth of its size ends in a value.
fn smoke_test() -> ExitCode {
    let extractor = Extractor::new();
    for case in cases::all() {
        let input = (case.build)(0.01);
        let result = extractor.extract_bytes(&input, None, None);
        let ok = result.is_ok()
            || matches!(
                result,
                Err(newsprint::Error::NoContent { .. } | newsprint::Error::TooManyElements { .. })
            );
        if !ok {
            eprintln!("{}: {result:?}", case.name);
            return ExitCode::FAILURE;
        }
    }
    println!("hostile: {} cases ok", cases::all().len());
    ExitCode::SUCCESS
}
