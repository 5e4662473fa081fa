//! The publication date in the JSON state a page hands its scripts
//! (`<script type="application/json">`): single-page sites and widgets that render the date
//! in the browser state it only there (trustpilot.com's review pages: `"publishedDate":
//! "2016-11-04T20:37:27Z"` and no other date). A fallback, weighed below every other
//! source but dates far from the headline.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::iso::parse_iso;
use crate::timestamp::Timestamp;

/// Keys that name a publication date in script state, quoted as JSON writes them.
const PUBLISHED_KEYS: &[&str] = &[
    "\"datePublished\"",
    "\"publishedDate\"",
    "\"publishDate\"",
    "\"publishedAt\"",
    "\"published_at\"",
    "\"firstPublished\"",
];
/// How much script state is searched, in bytes: state can run to megabytes of catalogue.
const MAX_STATE_BYTES: usize = 1 << 21;
/// The longest value read as a date, in bytes.
const MAX_VALUE_BYTES: usize = 40;

/// [`PUBLISHED_KEYS`] in one automaton: the state is scanned once for all of them.
static KEYS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(PUBLISHED_KEYS)
        .unwrap_or_else(|error| unreachable!("the keys form a valid automaton: {error}"))
});

/// The one publication day the state names: in the first script holding one, the value of
/// the first key of [`PUBLISHED_KEYS`] found, provided every value found names that day. Values that disagree on the day (a feed of stories, related items) name
/// none.
pub(crate) fn published_in_state(scripts: &[&str]) -> Option<Timestamp> {
    // (script, key, position) of the first value, and the day every value must name.
    let mut first: Option<((usize, usize, usize), Timestamp)> = None;
    let mut day = None;
    let mut budget = MAX_STATE_BYTES;
    for (number, script) in scripts.iter().enumerate() {
        let end = (0..=budget.min(script.len()))
            .rev()
            .find(|&end| script.is_char_boundary(end))
            .unwrap_or(0);
        budget -= end;
        let script = &script[..end];
        for found in KEYS.find_iter(script) {
            let Some(stamp) = value_after(&script[found.end()..]) else {
                continue;
            };
            if *day.get_or_insert(stamp.date()) != stamp.date() {
                return None;
            }
            let order = (number, found.pattern().as_usize(), found.start());
            if first.is_none_or(|(earliest, _)| order < earliest) {
                first = Some((order, stamp));
            }
        }
    }
    first.map(|(_, stamp)| stamp)
}

/// The date in the string value that follows a key: `: "2016-11-04T20:37:27Z"`.
fn value_after(rest: &str) -> Option<Timestamp> {
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let value = &rest[..rest.find('"')?];
    (value.len() <= MAX_VALUE_BYTES)
        .then(|| parse_iso(value))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(scripts: &[&str]) -> Option<String> {
        published_in_state(scripts).map(|t| t.to_string())
    }

    #[test]
    fn reads_the_publication_date_of_script_state() {
        assert_eq!(
            found(&[r#"{"publishedDate":"2016-11-04T20:37:27Z","updatedDate":"2016-11-05"}"#]),
            Some("2016-11-04T20:37:27+00:00".into())
        );
        assert_eq!(
            found(&[r#"{"props":{"post":{"publishedAt" : "2022-05-04"}}}"#]),
            Some("2022-05-04".into())
        );
    }

    #[test]
    fn a_state_of_many_days_names_none() {
        assert_eq!(
            found(&[r#"[{"datePublished":"2022-05-04"},{"datePublished":"2022-05-01"}]"#]),
            None
        );
        // The same day twice is one story.
        assert_eq!(
            found(&[
                r#"{"datePublished":"2022-05-04T10:00:00Z"}"#,
                r#"{"publishDate":"2022-05-04"}"#
            ]),
            Some("2022-05-04T10:00:00+00:00".into())
        );
    }

    #[test]
    fn ignores_what_is_no_date() {
        assert_eq!(
            found(&[r#"{"publishedDate":null,"datePublished":"soon"}"#]),
            None
        );
        assert_eq!(found(&[r#"{"publishedDate":"2016-11-04"#]), None);
        assert_eq!(found(&["{\"publishDate\":\"\u{e9}\u{e9}"]), None);
    }
}
