//! Date parsing: ISO 8601 / RFC 3339 from metadata, and the forms people write on pages
//! (`30 Mar, 2021 11:49`, `March 30, 2021`, `30.03.2021`, `30. März 2021`,
//! `Tue 30 Mar 2021 11.49 BST`, `30 марта 2021`), with month names in English, German,
//! French, Spanish, Italian, Portuguese, Dutch, Russian, Polish and Turkish.

use jiff::civil::{Date, Time};
use jiff::tz::Offset;

use crate::timestamp::Timestamp;

/// The earliest year accepted as a publication date on the web.
const MIN_YEAR: i16 = 1990;
/// The latest year accepted (well past any page this crate will read).
const MAX_YEAR: i16 = 2100;

/// Parses `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]][Z|±HH[:]MM|±HH]]`; `None` for anything else.
pub(crate) fn parse_iso(input: &str) -> Option<Timestamp> {
    let mut cursor = Cursor::new(input.trim().as_bytes());
    let year = cursor.digits(4, 4)?;
    cursor.expect(b'-')?;
    let month = cursor.digits(1, 2)?;
    cursor.expect(b'-')?;
    let day = cursor.digits(1, 2)?;
    let date = make_date(year, month, day)?;
    if cursor.is_done() {
        return Some(Timestamp::from_date(date));
    }
    if !matches!(cursor.next(), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let time = cursor.time()?;
    let offset = cursor.offset();
    cursor.skip_spaces();
    // Trailing zone names (`2021-03-30 11:49 CET`) are read; anything else must not follow.
    let offset = offset.or_else(|| zone_offset(cursor.rest_str()?.trim()));
    if !cursor.is_done() && offset.is_none() {
        return None;
    }
    Some(Timestamp::new(date, Some(time), offset))
}

/// Finds and parses the first date written in free text. `month_first` reads `03/04/2021`
/// as March 4 (US usage) instead of 3 April.
pub(crate) fn parse_text(input: &str, month_first: bool) -> Option<Timestamp> {
    let tokens = tokenize(input);
    (0..tokens.len()).find_map(|start| date_at(&tokens, start, month_first, input))
}

fn make_date(year: u32, month: u32, day: u32) -> Option<Date> {
    let year = i16::try_from(year).ok()?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// A byte cursor for the fixed ISO layout.
struct Cursor<'s> {
    bytes: &'s [u8],
    at: usize,
}

impl<'s> Cursor<'s> {
    fn new(bytes: &'s [u8]) -> Self {
        Cursor { bytes, at: 0 }
    }

    fn is_done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
    }

    fn rest_str(&self) -> Option<&'s str> {
        std::str::from_utf8(self.bytes.get(self.at..)?).ok()
    }

    /// Between `min` and `max` ASCII digits as a number.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.at;
        let mut value: u32 = 0;
        while self.at - start < max {
            match self.peek() {
                Some(byte @ b'0'..=b'9') => {
                    value = value * 10 + u32::from(byte - b'0');
                    self.at += 1;
                }
                _ => break,
            }
        }
        (self.at - start >= min).then_some(value)
    }

    /// `HH:MM[:SS[.fff]]`.
    fn time(&mut self) -> Option<Time> {
        let hour = self.digits(1, 2)?;
        self.expect(b':')?;
        let minute = self.digits(2, 2)?;
        let mut second = 0;
        let mut nanos = 0;
        if self.peek() == Some(b':') {
            self.at += 1;
            second = self.digits(2, 2)?;
            if matches!(self.peek(), Some(b'.' | b',')) {
                self.at += 1;
                let start = self.at;
                let fraction = self.digits(1, 9)?;
                let width = u32::try_from(self.at - start).ok()?;
                nanos = fraction * 10u32.pow(9 - width);
                while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    self.at += 1;
                }
            }
        }
        make_time(hour, minute, second.min(59), nanos)
    }

    /// `Z`, `±HH:MM`, `±HHMM` or `±HH`.
    fn offset(&mut self) -> Option<Offset> {
        match self.peek()? {
            b'Z' | b'z' => {
                self.at += 1;
                Some(Offset::UTC)
            }
            sign @ (b'+' | b'-') => {
                let save = self.at;
                self.at += 1;
                let parsed = self.offset_digits(sign);
                if parsed.is_none() {
                    self.at = save;
                }
                parsed
            }
            _ => None,
        }
    }

    fn offset_digits(&mut self, sign: u8) -> Option<Offset> {
        let hours = self.digits(2, 2)?;
        if self.peek() == Some(b':') {
            self.at += 1;
        }
        let minutes = self.digits(2, 2).unwrap_or(0);
        make_offset(sign == b'-', hours, minutes)
    }
}

fn make_time(hour: u32, minute: u32, second: u32, nanos: u32) -> Option<Time> {
    Time::new(
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        i32::try_from(nanos).ok()?,
    )
    .ok()
}

fn make_offset(negative: bool, hours: u32, minutes: u32) -> Option<Offset> {
    if hours > 14 || minutes > 59 {
        return None;
    }
    let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
    Offset::from_seconds(if negative { -seconds } else { seconds }).ok()
}

/// Offsets of the zone abbreviations news pages print.
fn zone_offset(word: &str) -> Option<Offset> {
    let hours: i8 = match word.to_ascii_uppercase().as_str() {
        "UTC" | "GMT" | "Z" | "WET" => 0,
        "BST" | "CET" | "WEST" | "MEZ" => 1,
        "CEST" | "EET" | "MESZ" | "SAST" => 2,
        "EEST" | "MSK" | "TRT" | "AST" => 3,
        "EST" => -5,
        "EDT" => -4,
        "CDT" => -5,
        "CST" => -6,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        "JST" | "KST" => 9,
        "AEST" => 10,
        "AEDT" => 11,
        "IST" => return Offset::from_seconds(5 * 3600 + 1800).ok(),
        _ => return None,
    };
    Some(Offset::constant(hours))
}

/// Month names and abbreviations, lowercase, with their month number. Russian and Polish
/// list the genitive forms that dates use ("30 марта").
const MONTH_NAMES: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("mär", 3),
    ("okt", 10),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("dic", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("ago", 8),
    ("set", 9),
    ("ott", 10),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("fev", 2),
    ("out", 10),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("okt", 10),
    ("mrt", 3),
    // Russian (genitive and nominative)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
    // Polish (genitive and nominative)
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    ("styczeń", 1),
    ("luty", 2),
    ("marzec", 3),
    ("kwiecień", 4),
    ("czerwiec", 6),
    ("lipiec", 7),
    ("sierpień", 8),
    ("wrzesień", 9),
    ("październik", 10),
    ("listopad", 11),
    ("grudzień", 12),
    // Turkish
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
];

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTH_NAMES
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, month)| month)
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A number, its digit count, and its byte offset in the input.
    Number(u32, usize, usize),
    /// A lowercased word and its byte offset.
    Word(String, usize),
    /// A separator character.
    Sep(char),
}

fn tokenize(input: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut value: u32 = c.to_digit(10).unwrap_or(0);
            let mut count = 1;
            while let Some(&(_, d)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                value = value
                    .saturating_mul(10)
                    .saturating_add(d.to_digit(10).unwrap_or(0));
                count += 1;
                chars.next();
            }
            tokens.push(Token::Number(value, count, at));
        } else if c.is_alphabetic() {
            let mut word: String = c.to_lowercase().collect();
            while let Some(&(_, d)) = chars.peek().filter(|(_, d)| d.is_alphabetic()) {
                word.extend(d.to_lowercase());
                chars.next();
            }
            tokens.push(Token::Word(word, at));
        } else if !c.is_whitespace() {
            tokens.push(Token::Sep(c));
        }
        if tokens.len() > 400 {
            break;
        }
    }
    tokens
}

/// Tries to read a date starting at token `start`.
fn date_at(tokens: &[Token], start: usize, month_first: bool, input: &str) -> Option<Timestamp> {
    let (date, next) = match tokens.get(start)? {
        Token::Number(_, 4, at) => iso_or_year_first(tokens, start, input, *at)?,
        Token::Number(..) => numeric_day_first(tokens, start, month_first)
            .or_else(|| day_then_month_name(tokens, start))?,
        Token::Word(word, _) => month_name_first(tokens, start, word)?,
        Token::Sep(_) => return None,
    };
    if let Some(done) = date.1 {
        return Some(done);
    }
    let (time, offset) = time_after(tokens, next).unzip();
    Some(Timestamp::new(date.0, time, offset.flatten()))
}

/// A date, or a complete timestamp when ISO parsing already read the time.
type DateFound = ((Date, Option<Timestamp>), usize);

fn iso_or_year_first(tokens: &[Token], start: usize, input: &str, at: usize) -> Option<DateFound> {
    let tail = input.get(at..)?;
    let iso_len = tail.find(char::is_whitespace).unwrap_or(tail.len());
    if let Some(stamp) = parse_iso(&tail[..iso_len]).or_else(|| parse_iso(tail.get(..10)?)) {
        return Some((
            (stamp.date(), Some(stamp).filter(|s| s.time().is_some())),
            start + 5,
        ));
    }
    let [
        Token::Number(year, 4, _),
        Token::Sep(sep),
        Token::Number(month, 1..=2, _),
        Token::Sep(sep2),
        Token::Number(day, 1..=2, _),
    ] = tokens.get(start..start + 5)?
    else {
        return None;
    };
    if sep != sep2 || !matches!(sep, '/' | '.' | '-') {
        return None;
    }
    Some(((make_date(*year, *month, *day)?, None), start + 5))
}

/// `30.03.2021`, `30/03/2021`, `3-30-2021` (with `month_first`), `30.03.21`.
fn numeric_day_first(tokens: &[Token], start: usize, month_first: bool) -> Option<DateFound> {
    let [
        Token::Number(a, 1..=2, _),
        Token::Sep(sep),
        Token::Number(b, 1..=2, _),
        Token::Sep(sep2),
        Token::Number(year, digits @ (2 | 4), _),
    ] = tokens.get(start..start + 5)?
    else {
        return None;
    };
    if sep != sep2 || !matches!(sep, '/' | '.' | '-') {
        return None;
    }
    let year = if *digits == 2 { 2000 + year } else { *year };
    let (day, month) = if (month_first && *a <= 12) || *b > 12 {
        (*b, *a)
    } else {
        (*a, *b)
    };
    Some(((make_date(year, month, day)?, None), start + 5))
}

/// `30 Mar, 2021`, `30. März 2021`, `30 de março de 2021`, `30 марта 2021 г.`.
fn day_then_month_name(tokens: &[Token], start: usize) -> Option<DateFound> {
    let Token::Number(day, 1..=2, _) = tokens.get(start)? else {
        return None;
    };
    let mut at = start + 1;
    at = skip_fillers(tokens, at);
    let Token::Word(word, _) = tokens.get(at)? else {
        return None;
    };
    let month = month_number(word)?;
    at = skip_fillers(tokens, at + 1);
    let Token::Number(year, 4, _) = tokens.get(at)? else {
        return None;
    };
    Some(((make_date(*year, month, *day)?, None), at + 1))
}

/// `March 30, 2021`, `Tue, Mar 30 2021`.
fn month_name_first(tokens: &[Token], start: usize, word: &str) -> Option<DateFound> {
    let month = month_number(word)?;
    let mut at = skip_fillers(tokens, start + 1);
    let Token::Number(day, 1..=2, _) = tokens.get(at)? else {
        return None;
    };
    at = skip_fillers(tokens, at + 1);
    if let Some(Token::Word(suffix, _)) = tokens.get(at)
        && matches!(suffix.as_str(), "st" | "nd" | "rd" | "th")
    {
        at = skip_fillers(tokens, at + 1);
    }
    let Token::Number(year, 4, _) = tokens.get(at)? else {
        return None;
    };
    Some(((make_date(*year, month, *day)?, None), at + 1))
}

/// Skips separators and small words between date parts ("30. März", "30 de março de").
fn skip_fillers(tokens: &[Token], mut at: usize) -> usize {
    while let Some(token) = tokens.get(at) {
        match token {
            Token::Sep('.' | ',' | '/' | '-') => at += 1,
            Token::Word(word, _) if matches!(word.as_str(), "de" | "del" | "of" | "the") => at += 1,
            _ => break,
        }
    }
    at
}

/// A time after the date: `11:49`, `11.49`, `at 3:05 pm`, with a zone or offset.
fn time_after(tokens: &[Token], mut at: usize) -> Option<(Time, Option<Offset>)> {
    while let Some(token) = tokens.get(at) {
        match token {
            Token::Sep(',' | '|' | '-' | '@' | '·' | '•' | '/') => at += 1,
            Token::Word(word, _)
                if matches!(
                    word.as_str(),
                    "at" | "um" | "à" | "a" | "alle" | "в" | "г" | "o" | "saat"
                ) =>
            {
                at += 1;
            }
            Token::Sep('.') => at += 1,
            _ => break,
        }
    }
    let [
        Token::Number(hour, 1..=2, _),
        Token::Sep(':' | '.' | 'h'),
        Token::Number(minute, 2, _),
    ] = tokens.get(at..at + 3)?
    else {
        return None;
    };
    at += 3;
    let mut second = 0;
    if let [Token::Sep(':'), Token::Number(s, 2, _)] = tokens.get(at..at + 2).unwrap_or_default() {
        second = *s;
        at += 2;
    }
    let mut hour = *hour;
    if let Some(Token::Word(word, _)) = tokens.get(at) {
        match word.as_str() {
            "pm" | "p" if hour < 12 => {
                hour += 12;
                at += 1;
            }
            "am" | "a" if hour == 12 => {
                hour = 0;
                at += 1;
            }
            "am" | "pm" => at += 1,
            _ => {}
        }
        if matches!(tokens.get(at), Some(Token::Sep('.'))) {
            at += 1;
        }
    }
    let time = make_time(hour, *minute, second, 0)?;
    Some((time, offset_after(tokens, at)))
}

/// A zone abbreviation or numeric offset after a time: `BST`, `UTC+3`, `+03:00`, `GMT-5`.
fn offset_after(tokens: &[Token], at: usize) -> Option<Offset> {
    let mut at = at;
    if matches!(tokens.get(at), Some(Token::Sep('('))) {
        at += 1;
    }
    let mut base = None;
    if let Some(Token::Word(word, _)) = tokens.get(at) {
        base = zone_offset(word);
        base?;
        at += 1;
    }
    let sign = match tokens.get(at) {
        Some(Token::Sep('+')) => false,
        Some(Token::Sep('-' | '−')) => true,
        _ => return base,
    };
    match tokens.get(at + 1..) {
        Some(
            [
                Token::Number(h, 1..=2, _),
                Token::Sep(':'),
                Token::Number(m, 2, _),
                ..,
            ],
        ) => make_offset(sign, *h, *m),
        Some([Token::Number(hm, 4, _), ..]) => make_offset(sign, hm / 100, hm % 100),
        Some([Token::Number(h, 1..=2, _), ..]) => make_offset(sign, *h, 0),
        _ => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(input: &str) -> Option<String> {
        parse_text(input, false).map(|t| t.to_string())
    }

    #[test]
    fn parses_iso_forms() {
        let cases = [
            ("2021-03-30", "2021-03-30"),
            ("2021-03-30T11:49:00Z", "2021-03-30T11:49:00+00:00"),
            ("2021-03-30T11:49:00.000+0300", "2021-03-30T11:49:00+03:00"),
            ("2021-03-30 11:49", "2021-03-30T11:49:00"),
            ("2021-03-30T11:49:00-05", "2021-03-30T11:49:00-05:00"),
            ("2021-3-5", "2021-03-05"),
        ];
        for (input, expected) in cases {
            let parsed = parse_iso(input).map(|t| t.to_string());
            assert_eq!(parsed.as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn rejects_impossible_iso_dates() {
        for input in [
            "2021-02-30",
            "0000-00-00",
            "99999-01-01",
            "2021-03-30T25:00",
            "2021",
        ] {
            assert_eq!(parse_iso(input), None, "{input}");
        }
    }

    #[test]
    fn parses_english_page_dates() {
        assert_eq!(
            text("30 Mar, 2021 11:49").as_deref(),
            Some("2021-03-30T11:49:00")
        );
        assert_eq!(text("March 30, 2021").as_deref(), Some("2021-03-30"));
        assert_eq!(
            text("Tue 30 Mar 2021 11.49 BST").as_deref(),
            Some("2021-03-30T11:49:00+01:00")
        );
        assert_eq!(
            text("Published March 30th, 2021 at 3:05 pm EDT").as_deref(),
            Some("2021-03-30T15:05:00-04:00")
        );
    }

    #[test]
    fn parses_numeric_dates_in_both_orders() {
        assert_eq!(text("30.03.2021").as_deref(), Some("2021-03-30"));
        assert_eq!(
            parse_text("03/30/2021", false)
                .map(|t| t.to_string())
                .as_deref(),
            Some("2021-03-30")
        );
        assert_eq!(
            parse_text("03/04/2021", true)
                .map(|t| t.to_string())
                .as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(text("2021/03/30").as_deref(), Some("2021-03-30"));
    }

    #[test]
    fn parses_month_names_in_other_languages() {
        let cases = [
            ("30. März 2021", "2021-03-30"),
            ("30 mars 2021", "2021-03-30"),
            ("30 de marzo de 2021", "2021-03-30"),
            ("30 marzo 2021", "2021-03-30"),
            ("30 de março de 2021", "2021-03-30"),
            ("30 maart 2021", "2021-03-30"),
            ("30 марта 2021 г.", "2021-03-30"),
            ("30 marca 2021", "2021-03-30"),
            ("30 Mart 2021", "2021-03-30"),
        ];
        for (input, expected) in cases {
            assert_eq!(text(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn finds_a_date_inside_other_text() {
        assert_eq!(
            text("By Jane Doe | Updated 30.03.2021, 14:05 Uhr").as_deref(),
            Some("2021-03-30T14:05:00")
        );
    }

    #[test]
    fn ignores_text_without_dates() {
        assert_eq!(text("No date here, just 42 words."), None);
        assert_eq!(text("May I come in?"), None);
    }
}
