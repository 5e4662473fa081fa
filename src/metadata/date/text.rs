//! Dates as people write them on pages: `30 Mar, 2021 11:49`, `March 30th, 2021 at 3:05 pm
//! EDT`, `30.03.2021`, `30. März 2021`, `Tue 30 Mar 2021 11.49 BST`, `30 марта 2021 г.`, and
//! relative forms (`3 hours ago`, `vor 2 Tagen`, `yesterday at 10:30`).
//!
//! Text is split into number, word and separator tokens once; each form is a small pattern
//! over the tokens. Month names and the other words come from [`super::words`]. A numeric date
//! such as `03/04/2021` is read day first unless the page's language writes the month first
//! ([`DayOrder`]); a part above 12 settles the order either way.

use std::borrow::Cow;

use jiff::civil::{Date, Time};
use jiff::tz::Offset;

use super::iso::{make_date, make_offset, make_time, parse_iso, zone_offset};
use super::words::{
    AGO_WORDS, DATE_FILLERS, DAY_SUFFIXES, DAY_WORDS, RELATIVE_UNITS, RelativeUnit,
    TIME_INTRODUCERS, month_number,
};
use crate::timestamp::Timestamp;

/// The most tokens read from one text; dates sit near the start of the texts searched.
const MAX_TOKENS: usize = 400;

/// Which part of an all-numeric date comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum DayOrder {
    /// `30/03/2021`: most of the world.
    #[default]
    DayFirst,
    /// `03/30/2021`: the United States and a few others.
    MonthFirst,
}

/// A date found in a text, with the byte offset where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) stamp: Timestamp,
    pub(crate) start: usize,
}

/// The first date written in `input`.
pub(crate) fn parse_text(input: &str, order: DayOrder) -> Option<Timestamp> {
    dates_in(input, order, 1).first().map(|found| found.stamp)
}

/// Up to `limit` dates written in `input`, in order.
pub(crate) fn dates_in(input: &str, order: DayOrder, limit: usize) -> Vec<Found> {
    // Every date form holds a number, and most texts searched hold none.
    if !input.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let tokens = tokenize(input);
    let mut found = Vec::new();
    let mut at = 0;
    while at < tokens.len() && found.len() < limit {
        match date_at(&tokens, at, order, input) {
            Some((stamp, next)) => {
                found.push(Found {
                    stamp,
                    start: tokens[at].at,
                });
                at = next.max(at + 1);
            }
            None => at += 1,
        }
    }
    found
}

/// A relative date ("3 hours ago", "il y a 2 jours", "yesterday at 10:30") counted back from
/// `reference`. Clock units give an instant, stated in UTC; day units give a date (the UTC
/// date of the reference, less the days).
pub(crate) fn relative_in(input: &str, reference: jiff::Timestamp) -> Option<Found> {
    if !may_hold_relative_date(input) {
        return None;
    }
    let tokens = tokenize(input);
    (0..tokens.len()).find_map(|at| {
        let stamp =
            units_ago(&tokens, at, reference).or_else(|| day_word(&tokens, at, reference))?;
        Some(Found {
            stamp,
            start: tokens[at].at,
        })
    })
}

/// Whether `input` may hold a relative date: every form needs an ago word, the "y" of French
/// "il y a", or a day word. Most header texts hold none, and an ASCII text (where a word is a
/// run of ASCII letters, lowered as ASCII) says so in one pass over its bytes, without the
/// tokens; other texts are tokenized as before.
fn may_hold_relative_date(input: &str) -> bool {
    if !input.is_ascii() {
        return true;
    }
    input
        .as_bytes()
        .split(|b| !b.is_ascii_alphabetic())
        .any(|word| {
            !word.is_empty()
                && (word.eq_ignore_ascii_case(b"y")
                    || AGO_WORDS
                        .iter()
                        .any(|ago| word.eq_ignore_ascii_case(ago.as_bytes()))
                    || DAY_WORDS
                        .iter()
                        .any(|(day, _)| word.eq_ignore_ascii_case(day.as_bytes())))
        })
}

#[derive(Debug, Clone, PartialEq)]
enum Kind<'a> {
    /// A number and its digit count.
    Number(u32, usize),
    /// A lowercased word, borrowed from the input when it is lowercase already.
    Word(Cow<'a, str>),
    /// A separator character.
    Sep(char),
}

#[derive(Debug, Clone, PartialEq)]
struct Token<'a> {
    kind: Kind<'a>,
    /// Byte offset in the input.
    at: usize,
}

fn tokenize(input: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let kind = if c.is_ascii_digit() {
            let mut value: u32 = c.to_digit(10).unwrap_or(0);
            let mut count = 1;
            while let Some(&(_, d)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                value = value
                    .saturating_mul(10)
                    .saturating_add(d.to_digit(10).unwrap_or(0));
                count += 1;
                chars.next();
            }
            Kind::Number(value, count)
        } else if c.is_alphabetic() {
            let mut end = at + c.len_utf8();
            let mut is_lowercase = is_own_lowercase(c);
            while let Some(&(next, d)) = chars.peek().filter(|(_, d)| d.is_alphabetic()) {
                is_lowercase &= is_own_lowercase(d);
                end = next + d.len_utf8();
                chars.next();
            }
            let text = &input[at..end];
            Kind::Word(if is_lowercase {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(text.chars().flat_map(char::to_lowercase).collect())
            })
        } else if c.is_whitespace() {
            continue;
        } else {
            Kind::Sep(c)
        };
        tokens.push(Token { kind, at });
        if tokens.len() > MAX_TOKENS {
            break;
        }
    }
    tokens
}

/// Whether a character is its own lowercase form, so a word of such characters needs no copy.
fn is_own_lowercase(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none()
}

fn kind<'t, 'a>(tokens: &'t [Token<'a>], at: usize) -> Option<&'t Kind<'a>> {
    tokens.get(at).map(|t| &t.kind)
}

fn word<'t>(tokens: &'t [Token<'_>], at: usize) -> Option<&'t str> {
    match kind(tokens, at)? {
        Kind::Word(word) => Some(word),
        _ => None,
    }
}

/// A date starting at token `start`, with the index of the first token after it.
fn date_at(
    tokens: &[Token],
    start: usize,
    order: DayOrder,
    input: &str,
) -> Option<(Timestamp, usize)> {
    // A number glued to the word or number before it is not the start of a date ("A380 12").
    if start > 0 && matches!(tokens[start].kind, Kind::Number(..)) {
        let prev = &tokens[start - 1];
        let glued = input
            .get(prev.at..tokens[start].at)
            .is_some_and(|gap| !gap.contains(char::is_whitespace));
        if glued && !matches!(prev.kind, Kind::Sep(_)) {
            return None;
        }
    }
    let (date, next) = match kind(tokens, start)? {
        Kind::Number(_, 4) => {
            if let Some(found) = iso_at(tokens, start, input) {
                return Some(found);
            }
            year_first(tokens, start).or_else(|| year_then_month_name(tokens, start))?
        }
        Kind::Number(..) => numeric_day_first(tokens, start, order)
            .or_else(|| day_then_month_name(tokens, start))?,
        Kind::Word(word) => month_name_first(tokens, start, word)?,
        Kind::Sep(_) => return None,
    };
    match time_after(tokens, next) {
        Some((time, offset, after)) => Some((Timestamp::new(date, Some(time), offset), after)),
        None => Some((Timestamp::from_date(date), next)),
    }
}

/// How far into a text an ISO date is looked for, in bytes.
const MAX_ISO_BYTES: usize = 64;

/// `2021-03-30T11:49:00+03:00` written whole inside a text.
fn iso_at(tokens: &[Token], start: usize, input: &str) -> Option<(Timestamp, usize)> {
    let at = tokens[start].at;
    let tail = input.get(at..)?;
    // No ISO date is longer than this; looking further would cost a long word's length once
    // per number in it.
    let bounded = (0..=MAX_ISO_BYTES.min(tail.len()))
        .rev()
        .find(|&end| tail.is_char_boundary(end))
        .and_then(|end| tail.get(..end))
        .unwrap_or_default();
    let word_len = bounded.find(char::is_whitespace).unwrap_or(bounded.len());
    let stamp = parse_iso(&tail[..word_len])
        .or_else(|| parse_iso(tail.get(..16)?))
        .or_else(|| parse_iso(tail.get(..10)?))?;
    let end = at + if stamp.time().is_some() { word_len } else { 10 };
    let next = tokens
        .iter()
        .position(|t| t.at >= end)
        .unwrap_or(tokens.len());
    if stamp.time().is_none()
        && let Some((time, offset, after)) = time_after(tokens, next)
    {
        return Some((Timestamp::new(stamp.date(), Some(time), offset), after));
    }
    Some((stamp, next))
}

/// `2021/03/30`, `2021.03.30`.
fn year_first(tokens: &[Token], start: usize) -> Option<(Date, usize)> {
    let [
        Kind::Number(year, 4),
        Kind::Sep(sep),
        Kind::Number(month, 1..=2),
        Kind::Sep(sep2),
        Kind::Number(day, 1..=2),
    ] = kinds::<5>(tokens, start)?
    else {
        return None;
    };
    if sep != sep2 || !matches!(sep, '/' | '.' | '-') {
        return None;
    }
    Some((make_date(*year, *month, *day)?, start + 5))
}

/// `2023 Jan 7`: the year, the month's name, the day, the order of citation metadata
/// (`citation_publication_date` on journal article pages, wcxb 4055).
fn year_then_month_name(tokens: &[Token], start: usize) -> Option<(Date, usize)> {
    let Kind::Number(year, 4) = kind(tokens, start)? else {
        return None;
    };
    let month = month_number(word(tokens, start + 1)?)?;
    let at = skip_fillers(tokens, start + 2);
    let Kind::Number(day, 1..=2) = kind(tokens, at)? else {
        return None;
    };
    Some((make_date(*year, u32::from(month), *day)?, at + 1))
}

/// The kinds of `N` tokens from `start`.
fn kinds<'t, 'a, const N: usize>(
    tokens: &'t [Token<'a>],
    start: usize,
) -> Option<[&'t Kind<'a>; N]> {
    let slice = tokens.get(start..start + N)?;
    let mut out: [&Kind; N] = [&Kind::Sep(' '); N];
    for (slot, token) in out.iter_mut().zip(slice) {
        *slot = &token.kind;
    }
    Some(out)
}

/// `30.03.2021`, `30/03/2021`, `03/30/2021` (month first), `30.03.21`.
fn numeric_day_first(tokens: &[Token], start: usize, order: DayOrder) -> Option<(Date, usize)> {
    let [
        Kind::Number(a, 1..=2),
        Kind::Sep(sep),
        Kind::Number(b, 1..=2),
        Kind::Sep(sep2),
        Kind::Number(year, digits @ (2 | 4)),
    ] = kinds::<5>(tokens, start)?
    else {
        return None;
    };
    if sep != sep2 || !matches!(sep, '/' | '.' | '-') {
        return None;
    }
    // A two-digit year followed by more digits is a version number or a phone number.
    if *digits == 2 && matches!(kind(tokens, start + 5), Some(Kind::Sep('.' | '/' | '-'))) {
        return None;
    }
    let year = if *digits == 2 { 2000 + year } else { *year };
    let month_first = order == DayOrder::MonthFirst;
    let (day, month) = if (month_first && *a <= 12) || *b > 12 {
        (*b, *a)
    } else {
        (*a, *b)
    };
    Some((make_date(year, month, day)?, start + 5))
}

/// `30 Mar, 2021`, `30th March 2021`, `30. März 2021`, `30 de março de 2021`, `1er mars 2021`.
fn day_then_month_name(tokens: &[Token], start: usize) -> Option<(Date, usize)> {
    let Kind::Number(day, 1..=2) = kind(tokens, start)? else {
        return None;
    };
    let mut at = skip_day_suffix(tokens, start + 1);
    at = skip_fillers(tokens, at);
    let month = month_number(word(tokens, at)?)?;
    at = skip_fillers(tokens, at + 1);
    let Kind::Number(year, 4) = kind(tokens, at)? else {
        return None;
    };
    Some((make_date(*year, u32::from(month), *day)?, at + 1))
}

/// `March 30, 2021`, `Mar 30th 2021`, `Tue, Mar 30 2021`.
fn month_name_first(tokens: &[Token], start: usize, word_text: &str) -> Option<(Date, usize)> {
    let month = month_number(word_text)?;
    let mut at = skip_fillers(tokens, start + 1);
    let Kind::Number(day, 1..=2) = kind(tokens, at)? else {
        return None;
    };
    at = skip_day_suffix(tokens, at + 1);
    at = skip_fillers(tokens, at);
    let Kind::Number(year, 4) = kind(tokens, at)? else {
        return None;
    };
    Some((make_date(*year, u32::from(month), *day)?, at + 1))
}

fn skip_day_suffix(tokens: &[Token], at: usize) -> usize {
    match word(tokens, at) {
        Some(suffix) if DAY_SUFFIXES.contains(&suffix) => at + 1,
        _ => at,
    }
}

/// Skips separators and small words between date parts ("30. März", "30 de março de").
fn skip_fillers(tokens: &[Token], mut at: usize) -> usize {
    while let Some(token) = tokens.get(at) {
        match &token.kind {
            Kind::Sep('.' | ',' | '/' | '-') => at += 1,
            Kind::Word(word) if DATE_FILLERS.contains(&&**word) => at += 1,
            _ => break,
        }
    }
    at
}

/// A time after a date: `11:49`, `11.49`, `10h30`, `at 3:05 pm`, `15:00 Uhr`, with a zone or
/// offset; returns the time, the offset and the index after them.
fn time_after(tokens: &[Token], mut at: usize) -> Option<(Time, Option<Offset>, usize)> {
    let mut skipped = 0;
    while let Some(token) = tokens.get(at) {
        let skip = match &token.kind {
            Kind::Sep(',' | '|' | '-' | '–' | '@' | '·' | '•' | '/' | '.' | '(') => true,
            Kind::Word(word) => TIME_INTRODUCERS.contains(&&**word),
            _ => false,
        };
        if !skip || skipped >= 4 {
            break;
        }
        at += 1;
        skipped += 1;
    }
    let (hour, minute) = match kinds::<3>(tokens, at)? {
        [
            Kind::Number(hour, 1..=2),
            Kind::Sep(':' | '.'),
            Kind::Number(minute, 2),
        ] => (*hour, *minute),
        [
            Kind::Number(hour, 1..=2),
            Kind::Word(h),
            Kind::Number(minute, 2),
        ] if h == "h" => (*hour, *minute),
        _ => return None,
    };
    at += 3;
    let mut second = 0;
    if let Some([Kind::Sep(':'), Kind::Number(s, 2)]) = kinds::<2>(tokens, at) {
        second = *s;
        at += 2;
    }
    let mut hour = hour;
    if let Some(meridiem) = word(tokens, at) {
        let is_pm = matches!(meridiem, "pm" | "p");
        let is_morning = matches!(meridiem, "am" | "a");
        if is_pm || is_morning {
            if is_pm && hour < 12 {
                hour += 12;
            } else if is_morning && hour == 12 {
                hour = 0;
            }
            at += 1;
            // "p.m." tokenizes as p . m .
            if let Some([Kind::Sep('.'), Kind::Word(m)]) = kinds::<2>(tokens, at)
                && m == "m"
            {
                at += 2;
            }
            if matches!(kind(tokens, at), Some(Kind::Sep('.'))) {
                at += 1;
            }
        }
    }
    if word(tokens, at) == Some("uhr") {
        at += 1;
    }
    let time = make_time(hour, minute, second.min(59), 0)?;
    let (offset, after) = offset_after(tokens, at);
    Some((time, offset, after))
}

/// A zone abbreviation or numeric offset after a time: `BST`, `UTC+3`, `(GMT+03:00)`,
/// `+03:00`, `GMT-5`.
fn offset_after(tokens: &[Token], start: usize) -> (Option<Offset>, usize) {
    let mut at = start;
    if matches!(kind(tokens, at), Some(Kind::Sep('('))) {
        at += 1;
    }
    let mut base = None;
    if let Some(zone) = word(tokens, at).and_then(zone_offset) {
        base = Some(zone);
        at += 1;
    } else if word(tokens, at).is_some() {
        return (None, start);
    }
    let negative = match kind(tokens, at) {
        Some(Kind::Sep('+')) => false,
        Some(Kind::Sep('-' | '−')) => true,
        _ => return (base, if base.is_some() { at } else { start }),
    };
    let numeric = match tokens.get(at + 1..).unwrap_or_default() {
        [h, colon, m, ..]
            if matches!(h.kind, Kind::Number(_, 1..=2))
                && colon.kind == Kind::Sep(':')
                && matches!(m.kind, Kind::Number(_, 2)) =>
        {
            let (Kind::Number(h, _), Kind::Number(m, _)) = (&h.kind, &m.kind) else {
                unreachable!()
            };
            make_offset(negative, *h, *m).map(|o| (o, at + 4))
        }
        [hm, ..] if matches!(hm.kind, Kind::Number(_, 4)) => {
            let Kind::Number(hm, _) = hm.kind else {
                unreachable!()
            };
            make_offset(negative, hm / 100, hm % 100).map(|o| (o, at + 2))
        }
        [h, ..] if matches!(h.kind, Kind::Number(_, 1..=2)) => {
            let Kind::Number(h, _) = h.kind else {
                unreachable!()
            };
            make_offset(negative, h, 0).map(|o| (o, at + 2))
        }
        _ => None,
    };
    match numeric {
        Some((offset, after)) => (Some(offset), after),
        None => (base, if base.is_some() { at } else { start }),
    }
}

/// `3 hours ago`, `vor 3 Stunden`, `il y a 3 heures`, `hace 3 horas`, `3 ore fa`,
/// `há 3 horas`, `3 uur geleden`, `3 часа назад`, `3 godziny temu`, `3 saat önce`; also
/// `an hour ago` and `vor einer Stunde`.
fn units_ago(tokens: &[Token], at: usize, reference: jiff::Timestamp) -> Option<Timestamp> {
    let count = match kind(tokens, at)? {
        Kind::Number(n, 1..=3) => i64::from(*n),
        Kind::Word(w)
            if matches!(
                &**w,
                "a" | "an" | "one" | "einer" | "einem" | "une" | "un" | "una" | "uma"
            ) =>
        {
            1
        }
        _ => return None,
    };
    let unit = RELATIVE_UNITS
        .iter()
        .find(|(name, _)| Some(*name) == word(tokens, at + 1))
        .map(|&(_, unit)| unit)?;
    let before = at.checked_sub(1).and_then(|b| word(tokens, b));
    // French "il y a 3 heures": the word before the number is "a", two before is "y".
    let ago_before = before.is_some_and(|w| AGO_WORDS.contains(&w) && w != "ago")
        || (before == Some("a") && at >= 2 && word(tokens, at - 2) == Some("y"));
    let mut after = at + 2;
    if matches!(kind(tokens, after), Some(Kind::Sep('.'))) {
        after += 1;
    }
    let ago_after = word(tokens, after).is_some_and(|w| AGO_WORDS.contains(&w));
    if !(ago_before || ago_after) {
        return None;
    }
    match unit {
        RelativeUnit::Seconds(length) => {
            let span = jiff::SignedDuration::from_secs(count.checked_mul(length)?);
            let instant = reference.checked_sub(span).ok()?;
            let civil = Offset::UTC.to_datetime(instant);
            let time = Time::new(civil.hour(), civil.minute(), 0, 0).ok()?;
            Some(Timestamp::new(civil.date(), Some(time), Some(Offset::UTC)))
        }
        RelativeUnit::Days(length) => {
            let days = count.checked_mul(length)?;
            let today = Offset::UTC.to_datetime(reference).date();
            let date = today
                .checked_sub(jiff::Span::new().try_days(days).ok()?)
                .ok()?;
            Some(Timestamp::from_date(date))
        }
    }
}

/// `today`, `yesterday at 10:30`, `gestern, 14:05 Uhr`: the date of the reference (UTC) less
/// the word's days, with the written time when there is one.
fn day_word(tokens: &[Token], at: usize, reference: jiff::Timestamp) -> Option<Timestamp> {
    let back = DAY_WORDS
        .iter()
        .find(|(name, _)| Some(*name) == word(tokens, at))
        .map(|&(_, back)| back)?;
    let today = Offset::UTC.to_datetime(reference).date();
    let date = today.checked_sub(jiff::Span::new().days(back)).ok()?;
    // "aujourd'hui" continues past its apostrophe.
    let mut next = at + 1;
    if let Some([Kind::Sep('\'' | '’'), Kind::Word(hui)]) = kinds::<2>(tokens, next)
        && hui == "hui"
    {
        next += 2;
    }
    match time_after(tokens, next) {
        Some((time, offset, _)) => Some(Timestamp::new(date, Some(time), offset)),
        // Alone, a day word must be the whole text: "hier" is also German for "here".
        None => (at == 0 && tokens.len() <= next + 1).then(|| Timestamp::from_date(date)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(input: &str) -> Option<String> {
        parse_text(input, DayOrder::DayFirst).map(|t| t.to_string())
    }

    fn reference() -> jiff::Timestamp {
        "2021-03-30T12:00:00Z".parse().unwrap()
    }

    fn relative(input: &str) -> Option<String> {
        relative_in(input, reference()).map(|f| f.stamp.to_string())
    }

    #[test]
    fn parses_english_page_dates() {
        let cases = [
            ("30 Mar, 2021 11:49", "2021-03-30T11:49:00"),
            ("March 30, 2021", "2021-03-30"),
            ("Tue 30 Mar 2021 11.49 BST", "2021-03-30T11:49:00+01:00"),
            (
                "Published March 30th, 2021 at 3:05 pm EDT",
                "2021-03-30T15:05:00-04:00",
            ),
            ("30th March 2021", "2021-03-30"),
            ("Mar 30, 2021 @ 10:42 am", "2021-03-30T10:42:00"),
            ("March 30, 2021 11:49 p.m. ET", "2021-03-30T23:49:00"),
            (
                "Tue, 30 Mar 2021 11:49:00 +0000",
                "2021-03-30T11:49:00+00:00",
            ),
            ("30 Mar 2021 11:49 (GMT+03:00)", "2021-03-30T11:49:00+03:00"),
        ];
        for (input, expected) in cases {
            assert_eq!(text(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn parses_numeric_dates_in_both_orders() {
        assert_eq!(text("30.03.2021").as_deref(), Some("2021-03-30"));
        assert_eq!(text("03/30/2021").as_deref(), Some("2021-03-30"));
        let us = parse_text("03/04/2021", DayOrder::MonthFirst).map(|t| t.to_string());
        assert_eq!(us.as_deref(), Some("2021-03-04"));
        assert_eq!(text("03/04/2021").as_deref(), Some("2021-04-03"));
        assert_eq!(text("2021/03/30").as_deref(), Some("2021-03-30"));
        assert_eq!(
            text("27.1.2022 - Bei der Erinnerung").as_deref(),
            Some("2022-01-27")
        );
        assert_eq!(text("30.03.21").as_deref(), Some("2021-03-30"));
    }

    #[test]
    fn parses_the_year_before_the_month_name() {
        assert_eq!(text("2023 Jan 7").as_deref(), Some("2023-01-07"));
        assert_eq!(text("2024 June 30").as_deref(), Some("2024-06-30"));
        // A year and a month without a day is no date of a day.
        assert_eq!(text("2023 Jan"), None);
        assert_eq!(text("2023 Jan issue"), None);
    }

    #[test]
    fn parses_month_names_in_every_language() {
        let cases = [
            ("30. März 2021", "2021-03-30"),
            ("Samstag, 9. September 2017", "2017-09-09"),
            ("30 mars 2021 à 10h30", "2021-03-30T10:30:00"),
            ("1er avril 2021", "2021-04-01"),
            ("30 de marzo de 2021", "2021-03-30"),
            ("30 marzo 2021 alle ore 10:30", "2021-03-30T10:30:00"),
            ("30 de março de 2021", "2021-03-30"),
            ("30 maart 2021", "2021-03-30"),
            ("30 марта 2021 г. в 11:49", "2021-03-30T11:49:00"),
            ("30 marca 2021", "2021-03-30"),
            ("30 Mart 2021 Salı", "2021-03-30"),
            ("26 Okt 2018", "2018-10-26"),
            ("28. Jan. 2022", "2022-01-28"),
            ("15 sept. 2020", "2020-09-15"),
            ("3 paź 2020", "2020-10-03"),
        ];
        for (input, expected) in cases {
            assert_eq!(text(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn finds_every_date_inside_other_text() {
        assert_eq!(
            text("By Jane Doe | Updated 30.03.2021, 14:05 Uhr").as_deref(),
            Some("2021-03-30T14:05:00")
        );
        let found = dates_in(
            "Publiziert: 03.04.2020, 12:35 Aktualisiert: 11.04.2020",
            DayOrder::DayFirst,
            4,
        );
        let stamps: Vec<String> = found.iter().map(|f| f.stamp.to_string()).collect();
        assert_eq!(stamps, ["2020-04-03T12:35:00", "2020-04-11"]);
        assert_eq!(found[1].start, 44);
    }

    #[test]
    fn ignores_text_without_dates() {
        assert_eq!(text("No date here, just 42 words."), None);
        assert_eq!(text("May I come in?"), None);
        assert_eq!(text("Version 1.2.10.3 released"), None);
    }

    #[test]
    fn reads_relative_dates_in_every_language() {
        let cases = [
            ("3 hours ago", "2021-03-30T09:00:00+00:00"),
            ("an hour ago", "2021-03-30T11:00:00+00:00"),
            ("vor 2 Tagen", "2021-03-28"),
            ("il y a 30 minutes", "2021-03-30T11:30:00+00:00"),
            ("hace 3 horas", "2021-03-30T09:00:00+00:00"),
            ("3 ore fa", "2021-03-30T09:00:00+00:00"),
            ("há 2 dias", "2021-03-28"),
            ("3 uur geleden", "2021-03-30T09:00:00+00:00"),
            ("3 часа назад", "2021-03-30T09:00:00+00:00"),
            ("2 godziny temu", "2021-03-30T10:00:00+00:00"),
            ("1 hafta önce", "2021-03-23"),
            ("Yesterday at 10:30", "2021-03-29T10:30:00"),
            ("aujourd'hui à 08h15", "2021-03-30T08:15:00"),
            ("gestern", "2021-03-29"),
        ];
        for (input, expected) in cases {
            assert_eq!(relative(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn skips_texts_without_a_relative_word() {
        assert!(!may_hold_relative_date("3 hours of music, 12 tracks"));
        assert!(!may_hold_relative_date("Sayers agony Hierarchy"));
        assert!(may_hold_relative_date("3 Hours AGO"));
        assert!(may_hold_relative_date("y a 3 heures"));
        assert!(may_hold_relative_date("Yesterday"));
        assert!(may_hold_relative_date("vor 3 Stunden"));
        assert!(may_hold_relative_date("3 часа назад"));
    }

    #[test]
    fn needs_an_ago_word_for_relative_dates() {
        assert_eq!(relative("3 hours of music"), None);
        assert_eq!(relative("in 3 days"), None);
    }
}
