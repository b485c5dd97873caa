//! Time, duration and count formatting, and relative times. Pure: the clock and the time zone
//! are passed in.

use crate::labels::{Labels, Lang};

/// An instant with the UTC offset it was written with (RFC 3339).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix_seconds: i64,
    /// The offset from UTC the input was written with, in minutes.
    pub offset_minutes: i32,
}

impl Timestamp {
    /// Parses an RFC 3339 date-time with an offset (`2025-07-27T21:56:43+08:00`, `...Z`,
    /// optional fractional seconds). Returns `None` for anything else.
    pub fn parse_rfc3339(input: &str) -> Option<Timestamp> {
        let _ = input;
        None
    }

    /// Writes the instant as RFC 3339 in its own offset, e.g. `2025-07-27T21:56:43+08:00`.
    pub fn to_rfc3339(&self) -> String {
        String::new()
    }
}

/// The time zone times are shown in: a fixed offset from UTC, named or numeric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeZone {
    /// Offset from UTC in minutes.
    pub offset_minutes: i32,
}

impl TimeZone {
    /// Asia/Shanghai (UTC+08:00, no daylight saving), the default.
    pub const SHANGHAI: TimeZone = TimeZone {
        offset_minutes: 480,
    };

    /// Resolves an IANA name from the built-in table of zones without daylight saving
    /// (`Asia/Shanghai`, `UTC`, ...) or a numeric offset (`+08:00`, `-05:30`, `Z`).
    pub fn from_name(name: &str) -> Option<TimeZone> {
        let _ = name;
        None
    }
}

/// `2025-07-27 21:56:43` in `zone`.
pub fn format_date_time(ts: Timestamp, zone: TimeZone) -> String {
    let _ = (ts, zone);
    String::new()
}

/// `2026/03/11` in `zone`.
pub fn format_date(ts: Timestamp, zone: TimeZone) -> String {
    let _ = (ts, zone);
    String::new()
}

/// The relative time shown for `ts` at `now_unix_seconds`: 刚刚 under a minute, N分钟前,
/// N小时前, N天前 up to 3 days, else the date as [`format_date`]. Future times show the date.
pub fn relative_time(
    ts: Timestamp,
    now_unix_seconds: i64,
    zone: TimeZone,
    labels: &Labels,
) -> String {
    let _ = (ts, now_unix_seconds, zone, labels);
    String::new()
}

/// `mm:ss` (zero-padded, `01:06`), or `h:mm:ss` from an hour up.
pub fn format_duration(seconds: u32) -> String {
    let _ = seconds;
    String::new()
}

/// A count as readers expect it: `1.2万` / `3.4亿` in Chinese, `12K` / `3.4M` in English.
pub fn format_count(n: u64, lang: Lang) -> String {
    let _ = (n, lang);
    String::new()
}

/// Writes `n` in decimal without `format!`.
pub fn push_u64(out: &mut String, n: u64) {
    let _ = (out, n);
}
