//! Measures extraction quality on the evaluation corpus, with the metrics its README defines.
//!
//! ```text
//! cargo run --release --example evaluate -- [CORPUS] [--set NAME]... [--worst N] [--json]
//!     [--threads N] [--raise-floors FILE]
//! ```
//!
//! `CORPUS` defaults to `../shared/corpus`. Every `<set>/<id>/page.html.gz` is extracted with
//! its truth's `url` as base; a failed extraction counts as an empty prediction. The report
//! gives per set the body shingle and word figures, snippet figures, exact titles, publication
//! days and authors, pages per second and errors by kind. `--worst N` adds, per set, the N
//! lowest-scoring pages with the paragraphs they miss or add and their missed and leaked
//! snippets, the first N title and date mismatches, and counts of body failure patterns.
//! `--json` prints the same as one JSON object. `--raise-floors FILE` raises the floors in a
//! quality-floors file (`tests/quality-floors.json`) to the measured figures rounded down to
//! three decimals; it never lowers one. Exit status: 0 on success, 1 when the corpus or the
//! floors file cannot be read or written, 2 for bad arguments.
//!
//! The metric code is shared with the quality gate in `tests/integration/quality.rs`.

mod corpus;
mod diagnosis;
mod evaluation;
mod floors;
mod metrics;
mod report;
mod text;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsprint::Extractor;
use serde::Serialize;

use diagnosis::Diagnosis;
use report::SetReport;

const USAGE: &str = "usage: evaluate [CORPUS] [--set NAME]... [--worst N] [--json] [--threads N] \
                     [--raise-floors FILE]";

#[derive(Debug)]
struct Arguments {
    corpus: PathBuf,
    sets: Vec<String>,
    worst: usize,
    json: bool,
    threads: usize,
    raise_floors: Option<PathBuf>,
}

fn parse_arguments(mut args: impl Iterator<Item = String>) -> Result<Arguments, String> {
    let mut arguments = Arguments {
        corpus: PathBuf::from("../shared/corpus"),
        sets: Vec::new(),
        worst: 0,
        json: false,
        threads: std::thread::available_parallelism().map_or(1, usize::from),
        raise_floors: None,
    };
    let number = |flag: &str, value: Option<String>| {
        let value = value.ok_or(format!("{flag} needs a value"))?;
        value
            .parse::<usize>()
            .map_err(|_| format!("{flag} needs a number, not {value:?}"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--set" => arguments
                .sets
                .push(args.next().ok_or("--set needs a value")?),
            "--worst" => arguments.worst = number("--worst", args.next())?,
            "--threads" => arguments.threads = number("--threads", args.next())?.max(1),
            "--json" => arguments.json = true,
            "--raise-floors" => {
                let path = args.next().ok_or("--raise-floors needs a file")?;
                arguments.raise_floors = Some(PathBuf::from(path));
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ => arguments.corpus = PathBuf::from(arg),
        }
    }
    Ok(arguments)
}

/// One set's figures and, with `--worst`, its diagnosis.
#[derive(Debug, Serialize)]
struct SetOutput {
    #[serde(flatten)]
    report: SetReport,
    /// The gated figures under the names `tests/quality-floors.json` uses.
    figures: BTreeMap<String, f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnosis: Option<Diagnosis>,
}

#[derive(Debug, Serialize)]
struct Output {
    corpus: String,
    sets: Vec<SetOutput>,
}

/// Evaluates every set asked for; in text mode each set's section is written to `out` as soon
/// as the set is done.
fn evaluate(
    arguments: &Arguments,
    out: &mut impl Write,
) -> Result<Output, Box<dyn std::error::Error>> {
    let sets = if arguments.sets.is_empty() {
        corpus::sets(&arguments.corpus)?
    } else {
        arguments.sets.clone()
    };
    let extractor = Extractor::new();
    let mut outputs = Vec::new();
    for set in sets {
        let pages = corpus::pages(&arguments.corpus, &set)?;
        let results = evaluation::run(&extractor, &pages, arguments.threads)?;
        let report = SetReport::new(&set, &results);
        let output = SetOutput {
            figures: report.gated_figures().into_iter().collect(),
            report,
            diagnosis: (arguments.worst > 0).then(|| Diagnosis::new(&results, arguments.worst)),
        };
        if !arguments.json {
            let section = text::set_section(&output.report, output.diagnosis.as_ref());
            out.write_all(section.as_bytes())?;
            out.flush()?;
        }
        outputs.push(output);
    }
    Ok(Output {
        corpus: arguments.corpus.display().to_string(),
        sets: outputs,
    })
}

/// Raises the floors in `path` to the figures of the sets evaluated, and tells on stderr which
/// floors rose and which figures are below their floor (that floor stays) or had none.
fn raise_floors(path: &Path, output: &Output) -> Result<(), floors::FloorsError> {
    let mut all = if path.exists() {
        floors::read(path)?
    } else {
        floors::Floors::new()
    };
    for set in &output.sets {
        let name = &set.report.set;
        let figures = set.report.gated_figures();
        let checks = floors::check(&figures, all.get(name));
        floors::raise(&mut all, name, &figures);
        for check in checks {
            let raised = all[name].get(&check.name).copied();
            let floor = |v: Option<f64>| v.map_or_else(|| "none".to_owned(), |v| v.to_string());
            match check.problem() {
                Some(problem) if check.floor.is_some() => eprintln!("{name}.{problem}"),
                _ if raised != check.floor => eprintln!(
                    "{name}.{}: floor {} raised to {}",
                    check.name,
                    floor(check.floor),
                    floor(raised)
                ),
                _ => {}
            }
        }
    }
    floors::write(path, &all)
}

/// Evaluates, raises floors when asked, and prints the summary or the JSON.
fn run(arguments: &Arguments) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = std::io::stdout().lock();
    let output = evaluate(arguments, &mut out)?;
    if let Some(path) = &arguments.raise_floors {
        raise_floors(path, &output)?;
    }
    if arguments.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&output)?)?;
    } else {
        let reports: Vec<&SetReport> = output.sets.iter().map(|s| &s.report).collect();
        write!(out, "{}", text::summary_table(&reports))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let arguments = match parse_arguments(std::env::args().skip(1)) {
        Ok(arguments) => arguments,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Err(error) = run(&arguments) {
        let mut message = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        eprintln!("error: {message}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
