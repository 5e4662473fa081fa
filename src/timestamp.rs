//! [`Timestamp`]: a publication or modification time exactly as precise as the page states it.
//!
//! Dates and times use [`jiff`]. We picked it over `chrono` because its types separate what a
//! page can state from what it cannot: a civil date and time ([`jiff::civil`]) plus an optional
//! [`Offset`] is precisely "what the page says", with no implied zone, and its parser and
//! error messages are strict and well documented.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;

/// A date, with the time and UTC offset only when the page gives them.
///
/// Pages state times at different precisions (`2021-03-30`, `30 Mar, 2021 11:49`,
/// `2021-03-30T11:49:00+03:00`); a `Timestamp` keeps exactly that and never invents a zone.
/// It displays as RFC 3339 when the offset is known, without the offset when it is not, and as
/// a plain date when only the date is known.
///
/// ```
/// use newsprint::Timestamp;
///
/// let full: Timestamp = "2021-03-30T11:49:00+03:00".parse()?;
/// assert_eq!(full.to_string(), "2021-03-30T11:49:00+03:00");
/// let local: Timestamp = "2021-03-30 11:49".parse()?;
/// assert_eq!(local.to_string(), "2021-03-30T11:49:00");
/// assert_eq!(local.offset(), None);
/// let day: Timestamp = "2021-03-30".parse()?;
/// assert_eq!(day.to_string(), "2021-03-30");
/// assert!("30/03/2021".parse::<Timestamp>().is_err());
/// # Ok::<(), newsprint::TimestampParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    date: Date,
    time: Option<Time>,
    offset: Option<Offset>,
}

impl Timestamp {
    /// A timestamp from its parts. An offset without a time of day is dropped: an offset only
    /// means something for an instant.
    pub fn new(date: Date, time: Option<Time>, offset: Option<Offset>) -> Self {
        let offset = if time.is_some() { offset } else { None };
        Timestamp { date, time, offset }
    }

    /// A timestamp that knows only its date.
    pub fn from_date(date: Date) -> Self {
        Timestamp::new(date, None, None)
    }

    /// The calendar date, as the page states it (in the page's own offset when it gives one).
    pub fn date(&self) -> Date {
        self.date
    }

    /// The time of day, when the page gives one.
    pub fn time(&self) -> Option<Time> {
        self.time
    }

    /// The UTC offset, when the page gives one.
    pub fn offset(&self) -> Option<Offset> {
        self.offset
    }

    /// The civil date and time; midnight when only the date is known.
    pub fn to_datetime(&self) -> DateTime {
        self.date.to_datetime(self.time.unwrap_or(Time::midnight()))
    }

    /// The absolute instant, available only when both the time and the offset are known.
    pub fn to_instant(&self) -> Option<jiff::Timestamp> {
        let offset = self.offset?;
        self.time?;
        offset.to_timestamp(self.to_datetime()).ok()
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let date = self.date;
        write!(
            f,
            "{:04}-{:02}-{:02}",
            date.year(),
            date.month(),
            date.day()
        )?;
        let Some(time) = self.time else {
            return Ok(());
        };
        write!(
            f,
            "T{:02}:{:02}:{:02}",
            time.hour(),
            time.minute(),
            time.second()
        )?;
        if time.subsec_nanosecond() != 0 {
            let fraction = format!("{:09}", time.subsec_nanosecond());
            write!(f, ".{}", fraction.trim_end_matches('0'))?;
        }
        if let Some(offset) = self.offset {
            let seconds = offset.seconds();
            let sign = if seconds < 0 { '-' } else { '+' };
            let minutes = seconds.unsigned_abs() / 60;
            write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)?;
        }
        Ok(())
    }
}

/// The text given to [`Timestamp::from_str`] is not an ISO 8601 / RFC 3339 date or date-time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not an ISO 8601 date or date-time")]
pub struct TimestampParseError {
    input: String,
}

impl TimestampParseError {
    /// The text that failed to parse.
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl FromStr for Timestamp {
    type Err = TimestampParseError;

    /// Parses `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM[:SS[.fff]]`, and an
    /// offset (`Z`, `+HH:MM`, `+HHMM`, `+HH`).
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        crate::metadata::date::parse_iso(input.trim()).ok_or_else(|| TimestampParseError {
            input: input.to_owned(),
        })
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_json() {
        for text in [
            "2021-03-30T11:49:00+03:00",
            "2021-03-30T11:49:00",
            "2021-03-30",
        ] {
            let timestamp: Timestamp = text.parse().unwrap();
            let json = serde_json::to_string(&timestamp).unwrap();
            assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), timestamp);
        }
        assert!(serde_json::from_str::<Timestamp>("\"yesterday\"").is_err());
    }

    #[test]
    fn displays_offset_only_when_known() {
        let date = jiff::civil::date(2021, 3, 30);
        let time = jiff::civil::time(11, 49, 0, 0);
        let utc = Timestamp::new(date, Some(time), Some(Offset::UTC));
        assert_eq!(utc.to_string(), "2021-03-30T11:49:00+00:00");
        let local = Timestamp::new(date, Some(time), None);
        assert_eq!(local.to_string(), "2021-03-30T11:49:00");
        let negative = Timestamp::new(date, Some(time), Some(Offset::constant(-5)));
        assert_eq!(negative.to_string(), "2021-03-30T11:49:00-05:00");
    }

    #[test]
    fn drops_an_offset_without_a_time() {
        let stamp = Timestamp::new(jiff::civil::date(2021, 3, 30), None, Some(Offset::UTC));
        assert_eq!(stamp.offset(), None);
        assert_eq!(stamp.to_string(), "2021-03-30");
    }

    #[test]
    fn keeps_fractional_seconds() {
        let stamp: Timestamp = "2021-03-30T11:49:05.250Z".parse().unwrap();
        assert_eq!(stamp.to_string(), "2021-03-30T11:49:05.25+00:00");
    }

    #[test]
    fn instant_needs_time_and_offset() {
        let full: Timestamp = "2021-03-30T11:49:00+03:00".parse().unwrap();
        assert_eq!(
            full.to_instant().map(|t| t.to_string()).as_deref(),
            Some("2021-03-30T08:49:00Z")
        );
        let local: Timestamp = "2021-03-30T11:49:00".parse().unwrap();
        assert_eq!(local.to_instant(), None);
    }

    #[test]
    fn parse_error_names_the_input() {
        let error = "yesterday".parse::<Timestamp>().unwrap_err();
        assert_eq!(
            error.to_string(),
            r#""yesterday" is not an ISO 8601 date or date-time"#
        );
        assert_eq!(error.input(), "yesterday");
    }
}
