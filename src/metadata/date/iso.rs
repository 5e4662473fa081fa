//! ISO 8601 / RFC 3339 dates as metadata states them, plus the pieces every date form shares:
//! checked constructors for dates, times and offsets, and the offsets of zone abbreviations.

use jiff::civil::{Date, Time};
use jiff::tz::Offset;

use crate::timestamp::Timestamp;

/// The earliest year a parsed date may have. Parsing is permissive so that archives of old
/// papers parse; the choice of a publication date applies the stricter sanity rules.
const MIN_YEAR: i16 = 1800;
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

pub(super) fn make_date(year: u32, month: u32, day: u32) -> Option<Date> {
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

pub(super) fn make_time(hour: u32, minute: u32, second: u32, nanos: u32) -> Option<Time> {
    Time::new(
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        i32::try_from(nanos).ok()?,
    )
    .ok()
}

pub(super) fn make_offset(negative: bool, hours: u32, minutes: u32) -> Option<Offset> {
    if hours > 14 || minutes > 59 {
        return None;
    }
    let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
    Offset::from_seconds(if negative { -seconds } else { seconds }).ok()
}

/// Offsets of the zone abbreviations news pages print.
pub(super) fn zone_offset(word: &str) -> Option<Offset> {
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
        "EAT" => 3,
        "WAT" => 1,
        "CAT" => 2,
        "PKT" => 5,
        "ICT" | "WIB" => 7,
        "HKT" | "SGT" | "AWST" | "PHT" => 8,
        "BRT" | "ART" => -3,
        "AKST" => -9,
        "HST" => -10,
        "NZST" => 12,
        "NZDT" => 13,
        "JST" | "KST" => 9,
        "AEST" => 10,
        "AEDT" => 11,
        "IST" => return Offset::from_seconds(5 * 3600 + 1800).ok(),
        _ => return None,
    };
    Some(Offset::constant(hours))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_forms() {
        let cases = [
            ("2021-03-30", "2021-03-30"),
            ("2021-03-30T11:49:00Z", "2021-03-30T11:49:00+00:00"),
            ("2021-03-30T11:49:00.000+0300", "2021-03-30T11:49:00+03:00"),
            ("2021-03-30 11:49", "2021-03-30T11:49:00"),
            ("2021-03-30T11:49:00-05", "2021-03-30T11:49:00-05:00"),
            ("2021-3-5", "2021-03-05"),
            ("2021-03-30 11:49 CET", "2021-03-30T11:49:00+01:00"),
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
            "2021-03-30 is a date",
        ] {
            assert_eq!(parse_iso(input), None, "{input}");
        }
    }

    #[test]
    fn reads_zone_abbreviations() {
        assert_eq!(zone_offset("msk"), Some(Offset::constant(3)));
        assert_eq!(zone_offset("EST"), Some(Offset::constant(-5)));
        assert_eq!(zone_offset("XYZ"), None);
    }
}
