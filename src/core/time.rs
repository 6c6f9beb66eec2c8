//! Timestamps and calendar dates as the core stores them: validated ISO 8601 text.
//!
//! The core never reads the clock. The shell passes the current time in, so the reducer and
//! every report stay deterministic and testable.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// A UTC instant as RFC 3339 text, for example `2026-11-25T09:30:00.000Z`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Timestamp(String);

impl Timestamp {
    /// Accepts `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z`.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        if b.len() < 20 || b.len() > 30 || !is_date_bytes(&b[..10]) || b[10] != b'T' {
            return None;
        }
        let time_ok = digits(&b[11..13])
            && b[13] == b':'
            && digits(&b[14..16])
            && b[16] == b':'
            && digits(&b[17..19])
            && num(&b[11..13]) < 24
            && num(&b[14..16]) < 60
            && num(&b[17..19]) < 61;
        let rest = &b[19..];
        let tail_ok = match rest {
            [b'Z'] => true,
            [b'.', frac @ .., b'Z'] => !frac.is_empty() && digits(frac),
            _ => false,
        };
        (time_ok && tail_ok).then(|| Timestamp(text.to_owned()))
    }

    /// 1970-01-01T00:00:00Z, for a clock that cannot be read.
    pub fn epoch() -> Timestamp {
        Timestamp("1970-01-01T00:00:00Z".to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The calendar date part, `YYYY-MM-DD`.
    pub fn date(&self) -> &str {
        &self.0[..10]
    }

    /// The date and time to the minute, `YYYY-MM-DD HH:MM`, as the widget shows when an
    /// assessment or an answer changed.
    pub fn to_the_minute(&self) -> String {
        format!("{} {}", self.date(), &self.0[11..16])
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Timestamp::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "not a UTC timestamp like 2026-01-31T09:00:00Z: {:.40}",
                s
            ))
        })
    }
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    is_date_bytes(text.as_bytes())
}

fn is_date_bytes(b: &[u8]) -> bool {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    if !(digits(&b[..4]) && digits(&b[5..7]) && digits(&b[8..10])) {
        return false;
    }
    let (y, m, d) = (num(&b[..4]), num(&b[5..7]), num(&b[8..10]));
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1 && (1..=days).contains(&d)
}

/// The day number of a real `YYYY-MM-DD` date (days since 1970-01-01, negative before it), or
/// `None` for anything else. Differences of day numbers count days across month and year ends.
pub fn day_number(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    if !is_date_bytes(b) {
        return None;
    }
    let (y, m, d) = (i64::from(num(&b[..4])), i64::from(num(&b[5..7])), i64::from(num(&b[8..10])));
    // Days from civil (H. Hinnant): the year counted from March, so a leap day ends it.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` date of a day number, the inverse of [`day_number`]; `None` outside the
/// years 1 to 9999.
pub fn date_of_day(day: i64) -> Option<String> {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (1..=9999).contains(&y).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The date `days` after a `YYYY-MM-DD` date (before it when negative).
pub fn add_days(date: &str, days: i64) -> Option<String> {
    date_of_day(day_number(date)? + days)
}

/// True when `date` is a real `YYYY-MM-DD` day before `today`: a due date already past. Either
/// not a real date gives false (nothing is said to be past on a date that cannot be read).
pub fn is_past(date: &str, today: &str) -> bool {
    day_number(date).zip(day_number(today)).is_some_and(|(d, t)| d < t)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A `YYYY-MM-DD` date as GOV.UK writes dates, `15 February 2026` (no leading zero, the month
/// in full); `None` when it is not a real date.
pub fn long_date(date: &str) -> Option<String> {
    let b = date.as_bytes();
    if !is_date_bytes(b) {
        return None;
    }
    let month = MONTHS.get(num(&b[5..7]) as usize - 1)?;
    Some(format!("{} {month} {}", num(&b[8..10]), &date[..4]))
}

/// The month and year of a `YYYY-MM-DD` date, `December 2026`; `None` when it is not a real
/// date.
pub fn month_year(date: &str) -> Option<String> {
    long_date(date).and_then(|d| d.split_once(' ').map(|(_, rest)| rest.to_owned()))
}

/// A date typed as day, month and year (the GOV.UK date input), as the text to keep: a real
/// date as `YYYY-MM-DD`, nothing typed as an empty text, anything else as typed, `Y-M-D`, so
/// that partial typing is not lost and is refused as a date. Spaces and dashes in a part are
/// dropped.
pub fn date_from_parts(day: &str, month: &str, year: &str) -> String {
    let clean = |part: &str| -> String {
        part.chars().filter(|c| !c.is_whitespace() && *c != '-').take(8).collect()
    };
    let (d, m, y) = (clean(day), clean(month), clean(year));
    if d.is_empty() && m.is_empty() && y.is_empty() {
        return String::new();
    }
    let small = |p: &str| p.len() <= 2 && !p.is_empty() && digits(p.as_bytes());
    if small(&d) && small(&m) && y.len() == 4 && digits(y.as_bytes()) {
        let padded = format!("{y}-{m:0>2}-{d:0>2}");
        if is_date(&padded) {
            return padded;
        }
    }
    format!("{y}-{m}-{d}")
}

/// The day, month and year of a date kept by [`date_from_parts`], as a person would type
/// them: `2027-03-07` gives `7`, `3`, `2027`.
pub fn date_parts(text: &str) -> (String, String, String) {
    let mut parts = text.splitn(3, '-');
    let (y, m, d) = (parts.next(), parts.next(), parts.next());
    let unpadded = |p: Option<&str>| {
        let p = p.unwrap_or_default();
        let trimmed = p.trim_start_matches('0');
        if trimmed.is_empty() || !digits(p.as_bytes()) {
            p.to_owned()
        } else {
            trimmed.to_owned()
        }
    };
    (unpadded(d), unpadded(m), y.unwrap_or_default().to_owned())
}

/// A `YYYY-MM-DD` date as [`long_date`] writes it, or the text as it is when it is not a real
/// date: what every date shown to people reads as.
pub fn date_text(date: &str) -> String {
    long_date(date).unwrap_or_else(|| date.to_owned())
}

fn digits(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_digit)
}

fn num(b: &[u8]) -> u32 {
    b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        for ok in ["2026-11-25T09:30:00Z", "2026-11-25T09:30:00.123Z", "2024-02-29T23:59:60Z"] {
            assert!(Timestamp::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "",
            "2026-11-25",
            "2026-11-25 09:30:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-25T24:00:00Z",
            "2026-11-25T09:30:00",
            "2026-11-25T09:30:00.Z",
            "2026-11-25T09:30:00+01:00",
            "2025-02-29T00:00:00Z",
        ] {
            assert!(Timestamp::parse(bad).is_none(), "{bad}");
        }
        let t = Timestamp::parse("2026-11-25T09:30:59.123Z").unwrap();
        assert_eq!((t.date(), t.to_the_minute().as_str()), ("2026-11-25", "2026-11-25 09:30"));
    }

    #[test]
    fn dates() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2023-04-31"));
        assert!(!is_date("0000-01-01"));
        assert!(!is_date("2023-1-01"));
        assert!(Timestamp::parse("2026-11-2\u{e9}T09:30:00Z").is_none());
    }

    #[test]
    fn day_numbers_count_days_across_month_year_and_leap_day() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("1969-12-31"), Some(-1));
        assert_eq!(day_number("2000-03-01").zip(day_number("2000-02-28")), Some((11017, 11015)));
        assert_eq!(day_number("2026-02-30"), None);
        assert_eq!(add_days("2026-12-31", 1).as_deref(), Some("2027-01-01"));
        assert_eq!(add_days("2027-01-01", -1).as_deref(), Some("2026-12-31"));
        assert_eq!(add_days("2028-02-28", 1).as_deref(), Some("2028-02-29"));
        assert_eq!(add_days("2027-02-28", 1).as_deref(), Some("2027-03-01"));
        assert_eq!(add_days("2100-02-28", 1).as_deref(), Some("2100-03-01"));
        assert_eq!(add_days("2028-03-30", -30).as_deref(), Some("2028-02-29"));
        assert_eq!(add_days("9999-12-31", 1), None);
        // Every day of four years round-trips.
        let start = day_number("2026-01-01").unwrap();
        for day in start..start + 1461 {
            assert_eq!(date_of_day(day).and_then(|d| day_number(&d)), Some(day));
        }
    }

    #[test]
    fn a_date_typed_in_three_parts_is_kept_as_a_date_only_when_real() {
        assert_eq!(date_from_parts("27", "3", "2027"), "2027-03-27");
        assert_eq!(date_from_parts(" 7 ", "03", "2027"), "2027-03-07");
        assert_eq!(date_from_parts("", "", ""), "");
        assert_eq!(date_from_parts("31", "2", "2027"), "2027-2-31");
        assert_eq!(date_from_parts("3", "", ""), "--3");
        assert_eq!(date_from_parts("11", "03", "22026"), "22026-03-11");
        assert!(!is_date(&date_from_parts("11", "03", "22026")));
        assert_eq!(date_from_parts("1-", "2", "27"), "27-2-1");
        for (text, parts) in [
            ("2027-03-27", ("27", "3", "2027")),
            ("2027-2-31", ("31", "2", "2027")),
            ("--3", ("3", "", "")),
            ("", ("", "", "")),
            ("2027-10-00", ("00", "10", "2027")),
        ] {
            let (d, m, y) = date_parts(text);
            assert_eq!((d.as_str(), m.as_str(), y.as_str()), parts, "{text}");
            assert_eq!(date_from_parts(&d, &m, &y), text, "round trip of {text}");
        }
    }

    #[test]
    fn past_dates_and_the_month_of_a_date() {
        assert!(is_past("2026-12-06", "2026-12-07"));
        assert!(!is_past("2026-12-07", "2026-12-07"));
        assert!(!is_past("2026-02-30", "2026-12-07"));
        assert!(is_past("2026-12-31", "2027-01-01"));
        assert_eq!(month_year("2026-12-07").as_deref(), Some("December 2026"));
        assert_eq!(month_year("2026-13-07"), None);
    }

    #[test]
    fn a_date_is_past_from_the_day_after_it() {
        assert!(is_past("2026-02-14", "2026-02-15"));
        assert!(!is_past("2026-02-15", "2026-02-15"), "due today is not yet past");
        assert!(!is_past("2026-02-16", "2026-02-15"));
        // Across a year end and a leap day.
        assert!(is_past("2026-12-31", "2027-01-01"));
        assert!(!is_past("2027-01-01", "2026-12-31"));
        assert!(is_past("2028-02-28", "2028-02-29"));
        assert!(!is_past("999-01-01", "2026-01-01"), "not a date");
        assert!(!is_past("2026-02-30", "2026-03-05"));
        assert!(!is_past("2026-02-14", ""));
    }

    #[test]
    fn dates_read_as_gov_uk_writes_them() {
        assert_eq!(long_date("2026-02-15").as_deref(), Some("15 February 2026"));
        assert_eq!(long_date("2027-01-01").as_deref(), Some("1 January 2027"));
        assert_eq!(long_date("2028-12-31").as_deref(), Some("31 December 2028"));
        assert_eq!(long_date("2026-02-30"), None);
        assert_eq!(long_date("15/02/2026"), None);
        assert_eq!(date_text("2026-02-15"), "15 February 2026");
        assert_eq!(date_text("2026-02-30"), "2026-02-30");
    }
}
