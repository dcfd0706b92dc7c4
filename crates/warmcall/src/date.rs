//! Call dates: a calendar date, where it was read from, and the ISO week it
//! falls in — enough to show each agent's figures per week.
//!
//! Only whole dates are kept (no time of day, no zone): a coach compares
//! weeks, and a timestamp's zone would move a late call across midnight for
//! nobody's benefit. The library reads dates from the transcript's own
//! metadata; the command adds the file name and the file's time (it may do
//! I/O, the library may not) through [`Transcript::call_date`](crate::Transcript).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A proleptic Gregorian calendar date, years 1000 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Where a call's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateSource {
    /// The transcript's own metadata: a WebVTT header or `NOTE` block before
    /// the first cue, a JSON `date`/`created` field (docs/formats.md).
    Metadata,
    /// A date written in the file's name (`2026-03-14`, `20260314`, …).
    FileName,
    /// The file's modification time: a last resort, it is when the file was
    /// written, which may be a later export or copy.
    FileTime,
    /// Given by the program that embeds the library.
    Given,
}

/// A call's date and its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CallDate {
    /// The date.
    pub date: Date,
    /// Where it was read from.
    pub source: DateSource,
}

impl CallDate {
    /// A date with its source.
    pub fn new(date: Date, source: DateSource) -> CallDate {
        CallDate { date, source }
    }

    /// A date written in a file's name, else in the nearest folder name that
    /// has one (`2026-03-14/call.vtt`): what a program that reads files
    /// should try before the file's time ([`CallDate::from_file_time`]).
    ///
    /// ```
    /// use std::path::Path;
    /// use warmcall::date::{CallDate, DateSource};
    /// let d = CallDate::from_path_names(Path::new("week/2026-03-14/call.vtt")).unwrap();
    /// assert_eq!((d.date.to_string().as_str(), d.source), ("2026-03-14", DateSource::FileName));
    /// ```
    pub fn from_path_names(path: &std::path::Path) -> Option<CallDate> {
        path.ancestors()
            .filter_map(|p| p.file_name()?.to_str())
            .find_map(Date::find_in)
            .map(|d| CallDate::new(d, DateSource::FileName))
    }

    /// The UTC date of a file's modification time, `secs` seconds after
    /// 1970-01-01 (negative: before): the last resort, since a copy or a
    /// later export moves it.
    ///
    /// ```
    /// use warmcall::date::CallDate;
    /// assert_eq!(CallDate::from_file_time(1_710_460_800).unwrap().date.to_string(), "2024-03-15");
    /// ```
    pub fn from_file_time(secs: i64) -> Option<CallDate> {
        Date::from_unix_days(secs.div_euclid(86_400)).map(|d| CallDate::new(d, DateSource::FileTime))
    }

    /// [`CallDate::from_file_time`] of a file's `modified()` time.
    pub fn from_modified(modified: std::time::SystemTime) -> Option<CallDate> {
        let secs = match modified.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_secs()).ok()?,
            // Before 1970: round down to the whole second before.
            Err(e) => -i64::try_from(e.duration().as_secs_f64().ceil() as u64).ok()?,
        };
        CallDate::from_file_time(secs)
    }
}

impl Date {
    /// A valid date, or `None` (month 1–12, the day within the month,
    /// year 1000–9999 so that it always prints as four digits).
    ///
    /// ```
    /// use warmcall::date::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The date `days` days after 1970-01-01 (negative: before), e.g. a file
    /// time in seconds divided by 86,400; `None` outside years 1000–9999.
    ///
    /// ```
    /// use warmcall::date::Date;
    /// assert_eq!(Date::from_unix_days(19_797).unwrap().to_string(), "2024-03-15");
    /// ```
    pub fn from_unix_days(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// Days since 1970-01-01.
    fn unix_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// 1 = Monday … 7 = Sunday.
    fn weekday(self) -> i64 {
        // 1970-01-01 was a Thursday.
        (self.unix_days() + 3).rem_euclid(7) + 1
    }

    /// The ISO 8601 week: `(week-year, week 1–53)`. Weeks start on Monday;
    /// week 1 holds the year's first Thursday, so 2024-12-30 is in 2025-W01.
    ///
    /// ```
    /// use warmcall::date::Date;
    /// assert_eq!(Date::new(2024, 12, 30).unwrap().iso_week(), (2025, 1));
    /// assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
    /// ```
    pub fn iso_week(self) -> (i32, u8) {
        // The Thursday of this week decides the week-year.
        let thursday = self.unix_days() - self.weekday() + 4;
        let Some(t) = Date::from_unix_days(thursday) else {
            return (self.year, 1);
        };
        let jan1 = Date {
            year: t.year,
            month: 1,
            day: 1,
        };
        let week = (thursday - jan1.unix_days()) / 7 + 1;
        (t.year, week as u8)
    }

    /// The ISO week as written: `2025-W01`.
    pub fn iso_week_name(self) -> String {
        let (y, w) = self.iso_week();
        format!("{y}-W{w:02}")
    }

    /// Parses `YYYY-MM-DD` at the start of `s`, optionally followed by a
    /// time (`T10:00:00Z`, ` 10:00`): the leading date of an ISO 8601 or
    /// RFC 3339 timestamp. Anything else after the date is refused.
    ///
    /// ```
    /// use warmcall::date::Date;
    /// assert_eq!(Date::parse_iso("2023-11-02T12:59:59.945Z").unwrap().to_string(), "2023-11-02");
    /// assert!(Date::parse_iso("2023-11-02x").is_none());
    /// assert!(Date::parse_iso("2023-13-02").is_none());
    /// ```
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let rest = &b[10..];
        if !(rest.is_empty() || matches!(rest[0], b'T' | b't' | b' ') && rest.get(1).is_some_and(u8::is_ascii_digit)) {
            return None;
        }
        Date::new(
            digits(&b[0..4])? as i32,
            digits(&b[5..7])? as u8,
            digits(&b[8..10])? as u8,
        )
    }

    /// The first date written in `text` as year, month and day: `2026-03-14`,
    /// `2026_03_14`, `2026.03.14` or `20260314` (Zoom's `GMT20260314-…`),
    /// not part of a longer run of digits, and a valid date from 1990 to
    /// 2099 (so a ticket number such as `12345678` is not taken). Day-first
    /// forms (`14-03-2026`) are not read: `03-04-2026` is April in the
    /// Netherlands and March in the United States.
    ///
    /// ```
    /// use warmcall::date::Date;
    /// assert_eq!(Date::find_in("calls/GMT20260314-101500_Recording.vtt").unwrap().to_string(), "2026-03-14");
    /// assert_eq!(Date::find_in("2026_03_14 Brandon.vtt").unwrap().to_string(), "2026-03-14");
    /// assert!(Date::find_in("ticket 12345678.vtt").is_none());
    /// assert!(Date::find_in("v2026-3-14.vtt").is_none());
    /// ```
    pub fn find_in(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        let mut i = 0;
        while i + 8 <= b.len() {
            let starts_run = b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit());
            if starts_run {
                if let Some(d) = date_at(b, i) {
                    return Some(d);
                }
            }
            i += 1;
        }
        None
    }
}

/// A date starting at `b[i]` (the first digit of a run).
fn date_at(b: &[u8], i: usize) -> Option<Date> {
    let year = digits(b.get(i..i + 4)?)? as i32;
    let sep = *b.get(i + 4)?;
    let (month, day, end) = if matches!(sep, b'-' | b'_' | b'.') {
        if b.get(i + 7) != Some(&sep) {
            return None;
        }
        (digits(b.get(i + 5..i + 7)?)?, digits(b.get(i + 8..i + 10)?)?, i + 10)
    } else {
        (digits(b.get(i + 4..i + 6)?)?, digits(b.get(i + 6..i + 8)?)?, i + 8)
    };
    if b.get(end).is_some_and(u8::is_ascii_digit) || !(1990..=2099).contains(&year) {
        return None;
    }
    Date::new(year, month as u8, day as u8)
}

/// The value of a run of ASCII digits, `None` if any byte is not a digit.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date YYYY-MM-DD: {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn unix_days_round_trip() {
        for days in [-300_000, -1, 0, 1, 59, 60, 365, 10_957, 19_797, 2_932_896] {
            let date = Date::from_unix_days(days).unwrap();
            assert_eq!(date.unix_days(), days, "{date}");
        }
        assert_eq!(Date::from_unix_days(0).unwrap().to_string(), "1970-01-01");
        assert_eq!(Date::from_unix_days(-1).unwrap().to_string(), "1969-12-31");
        assert!(Date::from_unix_days(i64::MAX).is_none());
        assert!(Date::from_unix_days(3_000_000).is_none(), "beyond 9999");
    }

    #[test]
    fn iso_weeks_at_year_edges() {
        for (date, week) in [
            ("2026-01-01", "2026-W01"),
            ("2025-12-29", "2026-W01"),
            ("2025-12-28", "2025-W52"),
            ("2020-12-31", "2020-W53"),
            ("2021-01-03", "2020-W53"),
            ("2021-01-04", "2021-W01"),
            ("2026-03-09", "2026-W11"),
            ("2026-03-15", "2026-W11"),
            ("2026-03-16", "2026-W12"),
        ] {
            assert_eq!(d(date).iso_week_name(), week, "{date}");
        }
    }

    #[test]
    fn dates_in_file_names() {
        for (name, want) in [
            ("2026-03-14_call.vtt", Some("2026-03-14")),
            ("brandon/call 2026.03.14.srt", Some("2026-03-14")),
            ("GMT20260314-101500_Recording.transcript.vtt", Some("2026-03-14")),
            ("x_20240229.json", Some("2024-02-29")),
            // Near misses: an impossible day, a longer digit run, mixed
            // separators, a year outside the plausible range, day first.
            ("x_20230229.json", None),
            ("id_120260314.vtt", None),
            ("2026-03_14.vtt", None),
            ("1850-03-14.vtt", None),
            ("14-03-2026.vtt", None),
            ("call-17.vtt", None),
        ] {
            assert_eq!(Date::find_in(name).map(|d| d.to_string()).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn iso_timestamps() {
        assert_eq!(d("2024-03-14 10:00").to_string(), "2024-03-14");
        assert_eq!(d(" 2024-03-14 ").to_string(), "2024-03-14");
        for bad in [
            "2024-03-1",
            "2024/03/14",
            "2024-03-14 and more",
            "year_2023",
            "",
            "2024-03-14T",
        ] {
            assert!(Date::parse_iso(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn serialises_as_a_string() {
        let c = CallDate::new(d("2026-03-14"), DateSource::FileName);
        let v = serde_json::to_value(c).unwrap();
        assert_eq!(v, serde_json::json!({"date": "2026-03-14", "source": "file_name"}));
        assert_eq!(serde_json::from_value::<CallDate>(v).unwrap(), c);
    }
}
