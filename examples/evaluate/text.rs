//! The plain-text report: a section per set, then a summary table in Markdown.

use std::fmt::Write;

use super::diagnosis::{Diagnosis, Mismatches, WorstPage};
use super::report::SetReport;

/// The figures of one set, followed by its diagnosis when there is one.
pub fn set_section(report: &SetReport, diagnosis: Option<&Diagnosis>) -> String {
    let mut out = String::new();
    let errors = if report.errors.is_empty() {
        "none".to_owned()
    } else {
        counts(&report.errors)
    };
    let _ = writeln!(
        out,
        "== {}: {} pages, {:.1} pages/s, errors: {errors}",
        report.set, report.pages, report.pages_per_second
    );
    figures(&mut out, report);
    if let Some(diagnosis) = diagnosis {
        diagnosis_lines(&mut out, diagnosis);
    }
    out.push('\n');
    out
}

fn figures(out: &mut String, report: &SetReport) {
    if let Some(s) = &report.shingles {
        let _ = writeln!(
            out,
            "body shingles  F1 {:.3}  P {:.3}  R {:.3}  accuracy {:.3}  ({} pages)",
            s.f1, s.precision, s.recall, s.accuracy, s.pages
        );
    }
    if let Some(words) = &report.words {
        let w = &words.overall;
        let _ = writeln!(
            out,
            "body words     F1 {:.3}  P {:.3}  R {:.3}  ({} pages)",
            w.f1, w.precision, w.recall, w.pages
        );
        for (page_type, w) in &words.by_page_type {
            let _ = writeln!(
                out,
                "  {page_type:<14}F1 {:.3}  P {:.3}  R {:.3}  ({} pages)",
                w.f1, w.precision, w.recall, w.pages
            );
        }
    }
    if let Some(s) = &report.snippets {
        let _ = writeln!(
            out,
            "snippets       F1 {:.3}  P {:.3}  R {:.3}  (tp {} fp {} fn {} tn {}; {} pages)",
            s.f1,
            s.precision,
            s.recall,
            s.true_positives,
            s.false_positives,
            s.false_negatives,
            s.true_negatives,
            s.pages
        );
    }
    if let Some(t) = &report.title {
        let _ = writeln!(out, "title exact    {:.3}  ({} pages)", t.exact, t.pages);
    }
    if let Some(d) = &report.date {
        let _ = writeln!(
            out,
            "date day       {:.3}  no date {:.3}  ({} pages)",
            d.accuracy, d.no_date, d.pages
        );
    }
    if let Some(a) = &report.author {
        let _ = writeln!(out, "author match   {:.3}  ({} pages)", a.matched, a.pages);
    }
}

fn counts<K: std::fmt::Display>(counts: &std::collections::BTreeMap<K, usize>) -> String {
    let mut sorted: Vec<_> = counts.iter().collect();
    sorted.sort_by(|a, b| {
        b.1.cmp(a.1)
            .then_with(|| a.0.to_string().cmp(&b.0.to_string()))
    });
    sorted
        .iter()
        .map(|(kind, count)| format!("{kind} {count}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn diagnosis_lines(out: &mut String, diagnosis: &Diagnosis) {
    let p = &diagnosis.patterns;
    if p.body_pages > 0 {
        let _ = writeln!(
            out,
            "\nbody patterns over {} pages: empty prediction {}, word recall < 0.5 {}, word \
             precision < 0.5 {}; first true paragraph missing {}, last true paragraph missing \
             {}; first predicted block not in truth {}, last predicted block not in truth {}",
            p.body_pages,
            p.empty_prediction,
            p.low_recall,
            p.low_precision,
            p.lead_missing,
            p.ending_missing,
            p.extra_at_start,
            p.extra_at_end
        );
    }
    if p.pages_missing_with + p.pages_leaking_without > 0 {
        let _ = writeln!(
            out,
            "snippet pages: {} miss a `with` snippet, {} leak a `without` snippet",
            p.pages_missing_with, p.pages_leaking_without
        );
    }
    if !diagnosis.worst.is_empty() {
        let _ = writeln!(out, "\nworst {} pages:", diagnosis.worst.len());
        for page in &diagnosis.worst {
            worst_page(out, page);
        }
    }
    mismatches(out, "title", &diagnosis.title_mismatches);
    mismatches(out, "date", &diagnosis.date_mismatches);
}

fn worst_page(out: &mut String, page: &WorstPage) {
    let mut head = format!("  {}  score {:.3}", page.id, page.score);
    if let (Some(precision), Some(recall), Some(f1)) =
        (page.word_precision, page.word_recall, page.word_f1)
    {
        let _ = write!(head, "  words P {precision:.2} R {recall:.2} F1 {f1:.2}");
    }
    for tag in [page.page_type.as_deref(), page.error]
        .into_iter()
        .flatten()
    {
        let _ = write!(head, "  [{tag}]");
    }
    let _ = writeln!(out, "{head}");
    if let Some(url) = &page.url {
        let _ = writeln!(out, "      {url}");
    }
    match page.true_words {
        Some(true_words) => {
            let _ = writeln!(
                out,
                "      predicted {} words, truth {true_words}; missing {}/{} true paragraphs, \
                 extra {}/{} predicted blocks",
                page.predicted_words,
                page.missing_paragraphs,
                page.true_paragraphs,
                page.extra_blocks,
                page.predicted_blocks
            );
        }
        None => {
            let _ = writeln!(out, "      predicted {} words", page.predicted_words);
        }
    }
    let lists = [
        ("missing", &page.missing_examples),
        ("extra", &page.extra_examples),
        ("missed with", &page.missed_with),
    ];
    for (label, list) in lists {
        for text in list {
            let _ = writeln!(out, "      {label}: {text:?}");
        }
    }
    for leak in &page.leaked_without {
        let _ = writeln!(out, "      leaked without: {:?}", leak.snippet);
        if let Some(block) = leak.block.as_ref().filter(|block| **block != leak.snippet) {
            let _ = writeln!(out, "          in block: {block:?}");
        }
    }
}

fn mismatches(out: &mut String, field: &str, mismatches: &Mismatches) {
    if mismatches.by_kind.is_empty() {
        return;
    }
    let wrong: usize = mismatches.by_kind.values().sum();
    let _ = writeln!(
        out,
        "\n{field} mismatches: {wrong} of {} ({})",
        mismatches.pages,
        counts(&mismatches.by_kind)
    );
    for m in &mismatches.examples {
        let source = m.source.as_deref().unwrap_or("-");
        let _ = writeln!(
            out,
            "  {}  {}  expected {:?}  got {:?}  ({source})",
            m.id,
            m.kind,
            m.expected,
            m.got.as_deref().unwrap_or("-")
        );
    }
}

/// One Markdown table row per set, `-` where a set does not annotate a figure.
pub fn summary_table(reports: &[&SetReport]) -> String {
    let mut out = String::from(
        "| set | pages | shingle F1 | word F1 | snippet F1 | title exact | date day | author | \
         pages/s | errors |\n|---|---|---|---|---|---|---|---|---|---|\n",
    );
    let figure = |value: Option<f64>| value.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"));
    for report in reports {
        let errors: usize = report.errors.values().sum();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {:.0} | {errors} |",
            report.set,
            report.pages,
            figure(report.shingles.map(|s| s.f1)),
            figure(report.words.as_ref().map(|w| w.overall.f1)),
            figure(report.snippets.map(|s| s.f1)),
            figure(report.title.map(|t| t.exact)),
            figure(report.date.map(|d| d.accuracy)),
            figure(report.author.map(|a| a.matched)),
            report.pages_per_second
        );
    }
    out
}
