//! Time, duration and count formatting, and relative times. Pure: the clock and the time zone
//! are passed in.
//!
//! Everything here works on integers: civil dates come from the days-from-civil algorithm
//! (proleptic Gregorian calendar), and no float is ever formatted, so that the wasm build
//! carries no formatting machinery.
//!
//! Choices, documented and tested:
//! * RFC 3339 is read strictly: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, `T` and `Z` in
//!   either case, years 0000–9999, real calendar days (leap years included). A leap second
//!   (`:60`) is refused, as JavaScript's `Date` refuses it. Fractions are truncated.
//! * Counts are shortened with one decimal that is **truncated**, never rounded, so a count is
//!   never overstated (`19999` → `1.9万`, not `2万`) and no boundary shows `10.0万`; a `.0` is
//!   dropped (`10000` → `1万`).

use crate::labels::{Labels, Lang};

/// An instant with the UTC offset it was written with (RFC 3339).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix_seconds: i64,
    /// The offset from UTC the input was written with, in minutes.
    pub offset_minutes: i32,
}

/// Days from 1970-01-01 to the civil date `y-m-d` (proleptic Gregorian; H. Hinnant's
/// days_from_civil).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400; // [0, 399]
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 }; // [0, 11]
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1; // [0, 365]
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe - 719_468
}

/// The civil date `(y, m, d)` of day `z` counted from 1970-01-01 (civil_from_days).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097; // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32; // [1, 31]
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32; // [1, 12]
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Reads exactly `n` ASCII digits at `*pos`, advancing it.
fn digits(b: &[u8], pos: &mut usize, n: usize) -> Option<u32> {
    let mut v: u32 = 0;
    for _ in 0..n {
        let c = *b.get(*pos)?;
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(c - b'0');
        *pos += 1;
    }
    Some(v)
}

fn expect(b: &[u8], pos: &mut usize, want: u8) -> Option<()> {
    if *b.get(*pos)? == want {
        *pos += 1;
        Some(())
    } else {
        None
    }
}

/// Reads `±HH:MM` (colon required when `colon` is `Some(true)`, absent when `Some(false)`,
/// optional when `None`); the sign is at `*pos`. Returns minutes.
fn offset(b: &[u8], pos: &mut usize, colon: Option<bool>) -> Option<i32> {
    let sign = match *b.get(*pos)? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    *pos += 1;
    let h = digits(b, pos, 2)?;
    let has_colon = b.get(*pos) == Some(&b':');
    match colon {
        Some(true) if !has_colon => return None,
        Some(false) if has_colon => return None,
        _ => {}
    }
    if has_colon {
        *pos += 1;
    }
    let m = digits(b, pos, 2)?;
    if h > 23 || m > 59 {
        return None;
    }
    Some(sign * (h as i32 * 60 + m as i32))
}

impl Timestamp {
    /// Parses an RFC 3339 date-time with an offset (`2025-07-27T21:56:43+08:00`, `...Z`,
    /// optional fractional seconds). Returns `None` for anything else.
    pub fn parse_rfc3339(input: &str) -> Option<Timestamp> {
        let b = input.as_bytes();
        let mut pos = 0;
        let year = digits(b, &mut pos, 4)?;
        expect(b, &mut pos, b'-')?;
        let month = digits(b, &mut pos, 2)?;
        expect(b, &mut pos, b'-')?;
        let day = digits(b, &mut pos, 2)?;
        match b.get(pos) {
            Some(b'T') | Some(b't') => pos += 1,
            _ => return None,
        }
        let hour = digits(b, &mut pos, 2)?;
        expect(b, &mut pos, b':')?;
        let minute = digits(b, &mut pos, 2)?;
        expect(b, &mut pos, b':')?;
        let second = digits(b, &mut pos, 2)?;
        if b.get(pos) == Some(&b'.') {
            pos += 1;
            let start = pos;
            while b.get(pos).is_some_and(u8::is_ascii_digit) {
                pos += 1;
            }
            if pos == start {
                return None;
            }
        }
        let offset_minutes = match b.get(pos) {
            Some(b'Z') | Some(b'z') => {
                pos += 1;
                0
            }
            _ => offset(b, &mut pos, Some(true))?,
        };
        if pos != b.len() {
            return None;
        }
        let year = i64::from(year);
        if !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let local = days_from_civil(year, month, day) * 86_400
            + i64::from(hour) * 3600
            + i64::from(minute) * 60
            + i64::from(second);
        Some(Timestamp {
            unix_seconds: local - i64::from(offset_minutes) * 60,
            offset_minutes,
        })
    }

    /// Writes the instant as RFC 3339 in its own offset, e.g. `2025-07-27T21:56:43+08:00`
    /// (`Z` for offset zero).
    pub fn to_rfc3339(&self) -> String {
        let mut out = String::with_capacity(25);
        self.push_rfc3339(&mut out);
        out
    }

    /// [`Timestamp::to_rfc3339`], written at the end of `out`.
    pub fn push_rfc3339(&self, out: &mut String) {
        let local = self
            .unix_seconds
            .saturating_add(i64::from(self.offset_minutes) * 60);
        push_civil(out, local, b'-', 'T', true);
        if self.offset_minutes == 0 {
            out.push('Z');
        } else {
            push_offset(out, self.offset_minutes);
        }
    }
}

fn push_offset(out: &mut String, minutes: i32) {
    out.push(if minutes < 0 { '-' } else { '+' });
    let m = minutes.unsigned_abs();
    push_2(out, m / 60);
    out.push(':');
    push_2(out, m % 60);
}

/// Two digits, zero-padded (values above 99 are written whole).
fn push_2(out: &mut String, n: u32) {
    if n < 10 {
        out.push('0');
    }
    push_u64(out, u64::from(n));
}

/// Writes the civil date of `local` seconds (`YYYY<sep>MM<sep>DD`), and with `time` the
/// time after `tsep`.
fn push_civil(out: &mut String, local: i64, sep: u8, tsep: char, time: bool) {
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400) as u32;
    let (y, m, d) = civil_from_days(days);
    if y < 0 {
        out.push('-');
    }
    let ya = y.unsigned_abs();
    for p in [1000, 100, 10] {
        if ya < p {
            out.push('0');
        }
    }
    push_u64(out, ya);
    out.push(char::from(sep));
    push_2(out, m);
    out.push(char::from(sep));
    push_2(out, d);
    if time {
        out.push(tsep);
        push_2(out, secs / 3600);
        out.push(':');
        push_2(out, secs / 60 % 60);
        out.push(':');
        push_2(out, secs % 60);
    }
}

/// The time zone times are shown in: a fixed offset from UTC, named or numeric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeZone {
    /// Offset from UTC in minutes.
    pub offset_minutes: i32,
}

/// IANA zones that have had a fixed offset (no daylight saving) for decades, with that offset
/// in minutes. Zones with daylight saving are deliberately absent: a fixed offset would show
/// wrong times for half the year.
const ZONES: &[(&str, i32)] = &[
    ("Asia/Shanghai", 480),
    ("Asia/Chongqing", 480),
    ("Asia/Hong_Kong", 480),
    ("Asia/Macau", 480),
    ("Asia/Taipei", 480),
    ("Asia/Singapore", 480),
    ("PRC", 480),
    ("Asia/Tokyo", 540),
    ("Asia/Seoul", 540),
    ("Asia/Kolkata", 330),
    ("Asia/Dubai", 240),
    ("UTC", 0),
    ("Etc/UTC", 0),
    ("GMT", 0),
    ("Etc/GMT", 0),
];

impl TimeZone {
    /// Asia/Shanghai (UTC+08:00, no daylight saving), the default.
    pub const SHANGHAI: TimeZone = TimeZone {
        offset_minutes: 480,
    };

    /// UTC.
    pub const UTC: TimeZone = TimeZone { offset_minutes: 0 };

    /// Resolves an IANA name from the built-in table of zones without daylight saving
    /// (`Asia/Shanghai`, `Asia/Chongqing`, `Asia/Hong_Kong`, `Asia/Macau`, `Asia/Taipei`,
    /// `Asia/Singapore`, `PRC`, `Asia/Tokyo`, `Asia/Seoul`, `Asia/Kolkata`, `Asia/Dubai`,
    /// `UTC`, `Etc/UTC`, `GMT`, `Etc/GMT`; ASCII case is ignored) or a numeric offset
    /// (`+08:00`, `-0530`, `+08`, `Z`; up to ±23:59).
    pub fn from_name(name: &str) -> Option<TimeZone> {
        if name == "Z" || name == "z" {
            return Some(TimeZone::UTC);
        }
        if let Some(&(_, offset_minutes)) = ZONES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            return Some(TimeZone { offset_minutes });
        }
        let b = name.as_bytes();
        if b.len() == 3 {
            // `+08`: hours only.
            let sign = match b.first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let mut pos = 1;
            let h = digits(b, &mut pos, 2)?;
            return (h <= 23).then_some(TimeZone {
                offset_minutes: sign * h as i32 * 60,
            });
        }
        let mut pos = 0;
        let offset_minutes = offset(b, &mut pos, None)?;
        (pos == b.len()).then_some(TimeZone { offset_minutes })
    }
}

fn local_seconds(ts: Timestamp, zone: TimeZone) -> i64 {
    ts.unix_seconds
        .saturating_add(i64::from(zone.offset_minutes) * 60)
}

/// `2025-07-27 21:56:43` in `zone`.
pub fn format_date_time(ts: Timestamp, zone: TimeZone) -> String {
    let mut out = String::with_capacity(19);
    push_date_time(&mut out, ts, zone);
    out
}

/// [`format_date_time`], written at the end of `out`.
pub fn push_date_time(out: &mut String, ts: Timestamp, zone: TimeZone) {
    push_civil(out, local_seconds(ts, zone), b'-', ' ', true);
}

/// `2026/03/11` in `zone`.
pub fn format_date(ts: Timestamp, zone: TimeZone) -> String {
    let mut out = String::with_capacity(10);
    push_date(&mut out, ts, zone);
    out
}

fn push_date(out: &mut String, ts: Timestamp, zone: TimeZone) {
    push_civil(out, local_seconds(ts, zone), b'/', ' ', false);
}

/// The relative time shown for `ts` at `now_unix_seconds`: 刚刚 under a minute (either way),
/// N分钟前 under an hour, N小时前 under a day, N天前 for 1 to 3 whole days (elapsed seconds
/// divided by 86 400, rounded down), else the date as [`format_date`]. Times more than a
/// minute in the future show the date. The labels carry the suffixes (`5分钟前`,
/// `5 min ago`).
pub fn relative_time(
    ts: Timestamp,
    now_unix_seconds: i64,
    zone: TimeZone,
    labels: &Labels,
) -> String {
    let mut out = String::with_capacity(16);
    push_relative_time(&mut out, ts, now_unix_seconds, zone, labels);
    out
}

/// [`relative_time`], written at the end of `out`.
pub fn push_relative_time(
    out: &mut String,
    ts: Timestamp,
    now_unix_seconds: i64,
    zone: TimeZone,
    labels: &Labels,
) {
    let elapsed = now_unix_seconds.saturating_sub(ts.unix_seconds);
    let (n, suffix) = if elapsed <= -60 {
        return push_date(out, ts, zone);
    } else if elapsed < 60 {
        return out.push_str(labels.just_now);
    } else if elapsed < 3600 {
        (elapsed / 60, labels.minutes_ago)
    } else if elapsed < 86_400 {
        (elapsed / 3600, labels.hours_ago)
    } else if elapsed / 86_400 <= 3 {
        (elapsed / 86_400, labels.days_ago)
    } else {
        return push_date(out, ts, zone);
    };
    push_u64(out, n.unsigned_abs());
    out.push_str(suffix);
}

/// `mm:ss` (zero-padded, `01:06`), or `h:mm:ss` from an hour up (`1:00:00`, `12:03:04`).
pub fn format_duration(seconds: u32) -> String {
    let mut out = String::with_capacity(8);
    push_duration(&mut out, seconds);
    out
}

/// [`format_duration`], written at the end of `out`.
pub fn push_duration(out: &mut String, seconds: u32) {
    let h = seconds / 3600;
    if h > 0 {
        push_u64(out, u64::from(h));
        out.push(':');
    }
    push_2(out, seconds / 60 % 60);
    out.push(':');
    push_2(out, seconds % 60);
}

/// A count as readers expect it: `1.2万` / `3.4亿` in Chinese (`萬` / `億` in zh-TW), `12K` /
/// `3.4M` / `1.5B` in English. Below the first unit (10 000 in Chinese, 1 000 in English) the
/// plain digits. One decimal, truncated (never rounded up), `.0` dropped.
pub fn format_count(n: u64, lang: Lang) -> String {
    let mut out = String::with_capacity(12);
    push_count(&mut out, n, lang);
    out
}

/// [`format_count`], written at the end of `out`.
pub fn push_count(out: &mut String, n: u64, lang: Lang) {
    let units: &[(u64, &str)] = match lang {
        Lang::ZhCn => &[(100_000_000, "亿"), (10_000, "万")],
        Lang::ZhTw => &[(100_000_000, "億"), (10_000, "萬")],
        Lang::En => &[(1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K")],
    };
    match units.iter().find(|(u, _)| n >= *u) {
        None => push_u64(out, n),
        Some(&(unit, name)) => {
            push_u64(out, n / unit);
            let tenth = n % unit / (unit / 10);
            if tenth > 0 {
                out.push('.');
                push_u64(out, tenth);
            }
            out.push_str(name);
        }
    }
}

/// The byte offset of the first `needle` in `hay`, like `hay.find(needle)` but without the
/// generic string searcher (`StrSearcher`, about 1.8 KB of wasm): a scan for the needle's first
/// byte (`str::find(char)`), then a byte comparison. For the short needles the crate searches
/// for (`</`, `--`, `]]>`, `{n}`, `{url}`); `needle` must start with an ASCII byte.
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let first = *n.first()?;
    debug_assert!(
        first.is_ascii(),
        "find: the needle starts with an ASCII byte"
    );
    let mut i = 0;
    while let Some(at) = find_byte(h, i, first) {
        if h.get(at..at + n.len()) == Some(n) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// The index of the first `byte` in `hay` at or after `from`, looked for eight bytes at a
/// time. The sanitizer looks for the next `<` after every tag of a body, over text runs of a
/// few dozen bytes: `str::find(char)` set up a char searcher on each call, which cost 8 % of
/// the 1 MB body's instructions. For an ASCII `byte` in UTF-8 text, the index is a char
/// boundary.
pub(crate) fn find_byte(hay: &[u8], from: usize, byte: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let pattern = ONES * u64::from(byte);
    let mut at = from;
    while let Some(chunk) = hay.get(at..at + 8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        // A zero byte in `x` is a `byte` in the word (the test has no false negatives; a
        // false positive only ends the fast loop early).
        let x = u64::from_le_bytes(word) ^ pattern;
        if x.wrapping_sub(ONES) & !x & HIGH != 0 {
            break;
        }
        at += 8;
    }
    while let Some(&c) = hay.get(at) {
        if c == byte {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// `s` as a decimal integer, exactly as `s.parse::<i64>()` reads it (an optional `+` or `-`,
/// then ASCII digits, `None` on overflow), without core's generic integer parser: the widgets
/// read the numbers layout wrote into the markup (`data-nv-rel`, `data-nv-index`, ...) with it.
pub(crate) fn parse_i64(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let (neg, digits) = match b.first()? {
        b'-' => (true, b.get(1..)?),
        b'+' => (false, b.get(1..)?),
        _ => (false, b),
    };
    if digits.is_empty() {
        return None;
    }
    let mut n: i64 = 0;
    for &c in digits {
        let d = i64::from(c.wrapping_sub(b'0'));
        if d > 9 {
            return None;
        }
        n = n.checked_mul(10)?;
        n = if neg {
            n.checked_sub(d)?
        } else {
            n.checked_add(d)?
        };
    }
    Some(n)
}

/// Writes `n` in decimal without `format!`.
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    for &c in buf.get(i..).unwrap_or(&[]) {
        out.push(char::from(c));
    }
}

/// Writes `n` in decimal (with a leading `-` when negative) without `format!`.
pub fn push_i64(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_u64(out, n.unsigned_abs());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::labels;

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse_rfc3339(s).unwrap_or_else(|| panic!("should parse: {s}"))
    }

    #[test]
    fn parses_offset_form() {
        let t = ts("2025-07-27T21:56:43+08:00");
        assert_eq!(t.unix_seconds, 1_753_624_603);
        assert_eq!(t.offset_minutes, 480);
    }

    #[test]
    fn parses_z_and_lowercase() {
        assert_eq!(ts("1970-01-01T00:00:00Z").unix_seconds, 0);
        assert_eq!(ts("1970-01-01t00:00:00z").unix_seconds, 0);
    }

    #[test]
    fn parses_negative_offset() {
        let t = ts("1969-12-31T19:00:00-05:00");
        assert_eq!(t.unix_seconds, 0);
        assert_eq!(t.offset_minutes, -300);
    }

    #[test]
    fn fraction_is_truncated() {
        assert_eq!(
            ts("2000-01-01T00:00:00.999999999Z").unix_seconds,
            946_684_800
        );
        assert_eq!(ts("2000-01-01T00:00:00.5+00:00").unix_seconds, 946_684_800);
    }

    #[test]
    fn refuses_missing_offset_and_other_forms() {
        for s in [
            "2025-07-27T21:56:43",
            "2025-07-27 21:56:43+08:00",
            "2025-07-27",
            "2025-07-27T21:56+08:00",
            "2025-07-27T21:56:43+0800",
            "2025-07-27T21:56:43+08",
            "2025-07-27T21:56:43.+08:00",
            "2025-7-27T21:56:43+08:00",
            "+2025-07-27T21:56:43+08:00",
            "2025-07-27T21:56:43+08:00 ",
            " 2025-07-27T21:56:43+08:00",
            "2025-07-27T21:56:43+08:00x",
            "",
            "１２３４-07-27T21:56:43+08:00",
        ] {
            assert_eq!(Timestamp::parse_rfc3339(s), None, "{s}");
        }
    }

    #[test]
    fn refuses_out_of_range_fields() {
        for s in [
            "2025-00-10T00:00:00Z",
            "2025-13-10T00:00:00Z",
            "2025-01-00T00:00:00Z",
            "2025-01-32T00:00:00Z",
            "2025-04-31T00:00:00Z",
            "2025-01-01T24:00:00Z",
            "2025-01-01T23:60:00Z",
            "2025-01-01T23:59:60Z",
            "2025-01-01T00:00:00+24:00",
            "2025-01-01T00:00:00+08:60",
        ] {
            assert_eq!(Timestamp::parse_rfc3339(s), None, "{s}");
        }
    }

    #[test]
    fn leap_years() {
        assert!(Timestamp::parse_rfc3339("2024-02-29T00:00:00Z").is_some());
        assert!(Timestamp::parse_rfc3339("2000-02-29T00:00:00Z").is_some());
        assert_eq!(Timestamp::parse_rfc3339("2025-02-29T00:00:00Z"), None);
        assert_eq!(Timestamp::parse_rfc3339("1900-02-29T00:00:00Z"), None);
        assert_eq!(Timestamp::parse_rfc3339("2100-02-29T00:00:00Z"), None);
    }

    #[test]
    fn refuses_years_beyond_9999() {
        assert_eq!(Timestamp::parse_rfc3339("10000-01-01T00:00:00Z"), None);
        assert_eq!(Timestamp::parse_rfc3339("99999-01-01T00:00:00Z"), None);
        assert_eq!(ts("9999-12-31T23:59:59Z").unix_seconds, 253_402_300_799);
        assert_eq!(ts("0000-01-01T00:00:00Z").unix_seconds, -62_167_219_200);
    }

    #[test]
    fn civil_round_trip_over_many_days() {
        // Every day from 1900 to 2100 round-trips through civil_from_days.
        let start = days_from_civil(1900, 1, 1);
        let end = days_from_civil(2100, 12, 31);
        let mut prev = civil_from_days(start - 1);
        for z in start..=end {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
            assert!(d >= 1 && d <= days_in_month(y, m));
            if d == 1 {
                assert!(m != prev.1);
            } else {
                assert_eq!((y, m, d - 1), prev);
            }
            prev = (y, m, d);
        }
    }

    #[test]
    fn to_rfc3339_round_trips() {
        for s in [
            "2025-07-27T21:56:43+08:00",
            "1970-01-01T00:00:00Z",
            "1969-12-31T19:00:00-05:00",
            "2024-02-29T23:59:59+05:30",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59-23:59",
        ] {
            assert_eq!(ts(s).to_rfc3339(), s);
        }
        assert_eq!(
            ts("2025-07-27T13:56:43+00:00").to_rfc3339(),
            "2025-07-27T13:56:43Z"
        );
        assert_eq!(
            ts("2025-07-27T13:56:43.123Z").to_rfc3339(),
            "2025-07-27T13:56:43Z"
        );
    }

    #[test]
    fn zone_names() {
        for (name, off) in [
            ("Asia/Shanghai", 480),
            ("Asia/Chongqing", 480),
            ("Asia/Hong_Kong", 480),
            ("Asia/Macau", 480),
            ("Asia/Taipei", 480),
            ("Asia/Singapore", 480),
            ("Asia/Tokyo", 540),
            ("Asia/Seoul", 540),
            ("Asia/Kolkata", 330),
            ("Asia/Dubai", 240),
            ("UTC", 0),
            ("Etc/UTC", 0),
            ("GMT", 0),
            ("asia/shanghai", 480),
        ] {
            assert_eq!(
                TimeZone::from_name(name),
                Some(TimeZone {
                    offset_minutes: off
                }),
                "{name}"
            );
        }
    }

    #[test]
    fn zones_with_daylight_saving_are_unknown() {
        for name in [
            "America/New_York",
            "Europe/London",
            "Asia/Shanghai ",
            "",
            "Asia",
        ] {
            assert_eq!(TimeZone::from_name(name), None, "{name}");
        }
    }

    #[test]
    fn numeric_zones() {
        for (name, off) in [
            ("+08:00", 480),
            ("-0530", -330),
            ("-05:30", -330),
            ("+0000", 0),
            ("+08", 480),
            ("Z", 0),
            ("+23:59", 23 * 60 + 59),
        ] {
            assert_eq!(
                TimeZone::from_name(name),
                Some(TimeZone {
                    offset_minutes: off
                }),
                "{name}"
            );
        }
        for name in [
            "+24:00", "+08:60", "08:00", "+8:00", "+08:0", "+08:000", "+8",
        ] {
            assert_eq!(TimeZone::from_name(name), None, "{name}");
        }
    }

    #[test]
    fn date_time_in_zone() {
        let t = ts("2025-07-27T21:56:43+08:00");
        assert_eq!(
            format_date_time(t, TimeZone::SHANGHAI),
            "2025-07-27 21:56:43"
        );
        assert_eq!(format_date_time(t, TimeZone::UTC), "2025-07-27 13:56:43");
        let tokyo = TimeZone::from_name("Asia/Tokyo").unwrap();
        assert_eq!(format_date_time(t, tokyo), "2025-07-27 22:56:43");
        let ny = TimeZone::from_name("-05:00").unwrap();
        assert_eq!(
            format_date_time(ts("2026-01-01T02:00:00Z"), ny),
            "2025-12-31 21:00:00"
        );
    }

    #[test]
    fn date_in_zone() {
        let t = ts("2026-03-11T18:30:00+08:00");
        assert_eq!(format_date(t, TimeZone::SHANGHAI), "2026/03/11");
        // 2026-03-11T23:30+08:00 is the 12th in Tokyo.
        let late = ts("2026-03-11T23:30:00+08:00");
        assert_eq!(
            format_date(late, TimeZone::from_name("Asia/Tokyo").unwrap()),
            "2026/03/12"
        );
    }

    #[test]
    fn dates_beyond_the_four_digit_range_are_still_written() {
        let t = ts("9999-12-31T23:00:00Z");
        assert_eq!(format_date(t, TimeZone::SHANGHAI), "10000/01/01");
        let t = ts("0000-01-01T00:00:00Z");
        assert_eq!(
            format_date(t, TimeZone::from_name("-01:00").unwrap()),
            "-0001/12/31"
        );
    }

    const NOW: &str = "2026-03-16T10:00:00+08:00";

    fn rel(at: &str, lang: Lang) -> String {
        relative_time(
            ts(at),
            ts(NOW).unix_seconds,
            TimeZone::SHANGHAI,
            labels(lang),
        )
    }

    #[test]
    fn relative_just_now_under_a_minute() {
        assert_eq!(rel("2026-03-16T10:00:00+08:00", Lang::ZhCn), "刚刚");
        assert_eq!(rel("2026-03-16T09:59:01+08:00", Lang::ZhCn), "刚刚");
        assert_eq!(rel("2026-03-16T09:59:00+08:00", Lang::ZhCn), "1分钟前");
    }

    #[test]
    fn relative_minutes() {
        assert_eq!(rel("2026-03-16T09:55:00+08:00", Lang::ZhCn), "5分钟前");
        assert_eq!(rel("2026-03-16T09:00:01+08:00", Lang::ZhCn), "59分钟前");
        assert_eq!(rel("2026-03-16T09:55:00+08:00", Lang::En), "5 min ago");
    }

    #[test]
    fn relative_hours() {
        assert_eq!(rel("2026-03-16T09:00:00+08:00", Lang::ZhCn), "1小时前");
        assert_eq!(rel("2026-03-15T10:00:01+08:00", Lang::ZhCn), "23小时前");
        assert_eq!(rel("2026-03-16T07:00:00+08:00", Lang::En), "3 h ago");
        assert_eq!(rel("2026-03-16T07:00:00+08:00", Lang::ZhTw), "3小時前");
    }

    #[test]
    fn relative_days_up_to_three() {
        assert_eq!(rel("2026-03-15T10:00:00+08:00", Lang::ZhCn), "1天前");
        assert_eq!(rel("2026-03-14T09:00:00+08:00", Lang::ZhCn), "2天前");
        assert_eq!(rel("2026-03-12T10:00:01+08:00", Lang::ZhCn), "3天前");
        assert_eq!(rel("2026-03-14T09:00:00+08:00", Lang::En), "2 d ago");
    }

    #[test]
    fn relative_date_after_four_days() {
        assert_eq!(rel("2026-03-12T10:00:00+08:00", Lang::ZhCn), "2026/03/12");
        assert_eq!(rel("2025-01-01T10:00:00+08:00", Lang::En), "2025/01/01");
    }

    #[test]
    fn relative_future() {
        assert_eq!(rel("2026-03-16T10:00:59+08:00", Lang::ZhCn), "刚刚");
        assert_eq!(rel("2026-03-16T10:01:00+08:00", Lang::ZhCn), "2026/03/16");
        assert_eq!(rel("2027-01-01T00:00:00+08:00", Lang::En), "2027/01/01");
        assert_eq!(rel("2026-03-16T10:00:00+08:00", Lang::En), "just now");
    }

    #[test]
    fn relative_does_not_overflow() {
        let labels = labels(Lang::ZhCn);
        let t = ts("0000-01-01T00:00:00Z");
        assert_eq!(
            relative_time(t, i64::MAX, TimeZone::UTC, labels),
            "0000/01/01"
        );
        let t = ts("9999-01-01T00:00:00Z");
        assert_eq!(
            relative_time(t, i64::MIN, TimeZone::UTC, labels),
            "9999/01/01"
        );
    }

    #[test]
    fn extreme_timestamps_do_not_overflow() {
        let t = Timestamp {
            unix_seconds: i64::MAX,
            offset_minutes: 24 * 60,
        };
        assert!(!t.to_rfc3339().is_empty());
        assert!(!format_date_time(t, TimeZone::SHANGHAI).is_empty());
        let t = Timestamp {
            unix_seconds: i64::MIN,
            offset_minutes: -24 * 60,
        };
        assert!(!format_date(t, TimeZone::from_name("-23:59").unwrap()).is_empty());
    }

    #[test]
    fn durations() {
        for (s, want) in [
            (0, "00:00"),
            (6, "00:06"),
            (66, "01:06"),
            (3599, "59:59"),
            (3600, "1:00:00"),
            (43_384, "12:03:04"),
            (u32::MAX, "1193046:28:15"),
        ] {
            assert_eq!(format_duration(s), want, "{s}");
        }
    }

    #[test]
    fn counts_zh_cn() {
        for (n, want) in [
            (0, "0"),
            (9999, "9999"),
            (10_000, "1万"),
            (12_000, "1.2万"),
            (19_999, "1.9万"),
            (123_456, "12.3万"),
            (99_999_999, "9999.9万"),
            (100_000_000, "1亿"),
            (123_456_789, "1.2亿"),
            // 18446744073709551615 / 1e8 = 184467440737.09… → truncated, `.0` dropped.
            (u64::MAX, "184467440737亿"),
        ] {
            assert_eq!(format_count(n, Lang::ZhCn), want, "{n}");
        }
    }

    #[test]
    fn counts_zh_tw() {
        assert_eq!(format_count(9999, Lang::ZhTw), "9999");
        assert_eq!(format_count(12_000, Lang::ZhTw), "1.2萬");
        assert_eq!(format_count(123_456_789, Lang::ZhTw), "1.2億");
    }

    #[test]
    fn counts_en() {
        for (n, want) in [
            (0, "0"),
            (999, "999"),
            (1000, "1K"),
            (1200, "1.2K"),
            (1299, "1.2K"),
            (12_000, "12K"),
            (999_999, "999.9K"),
            (1_500_000, "1.5M"),
            (2_000_000_000, "2B"),
            (2_345_000_000, "2.3B"),
        ] {
            assert_eq!(format_count(n, Lang::En), want, "{n}");
        }
    }

    #[test]
    fn push_u64_writes_decimal() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u64::MAX] {
            let mut s = String::from("x");
            push_u64(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
    }

    #[test]
    fn push_i64_writes_sign() {
        for n in [0, -1, 42, i64::MIN, i64::MAX] {
            let mut s = String::new();
            push_i64(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }

    #[test]
    fn find_byte_agrees_with_position_at_every_start_and_alignment() {
        let hay = "ab<cd 部<<x>y>\n<00000000<1111111111>22".as_bytes();
        for byte in [b'<', b'>', b'0', b'\n', b'z', 0, 0x80] {
            for from in 0..=hay.len() + 1 {
                let expected = hay
                    .get(from..)
                    .and_then(|r| r.iter().position(|&c| c == byte))
                    .map(|p| p + from);
                assert_eq!(find_byte(hay, from, byte), expected, "{byte} from {from}");
            }
        }
    }

    #[test]
    fn find_agrees_with_str_find() {
        let hays = [
            "",
            "<",
            "</",
            "a</b",
            "--",
            "-->",
            "a-b--c",
            "---->",
            "]]",
            "]]]>",
            "x]]>y]]>",
            "还有 {n} 条",
            "{n}",
            "{",
            "{n",
            "漢字</p>",
            "MicroMessenger/8.0",
            "Micro Messenger",
        ];
        for hay in hays {
            for needle in ["</", "--", "]]>", "{n}", "MicroMessenger", "<"] {
                assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
            }
        }
    }

    #[test]
    fn parse_i64_agrees_with_str_parse() {
        for s in [
            "",
            "+",
            "-",
            "0",
            "-0",
            "+0",
            "7",
            "+42",
            "-42",
            "0042",
            "1a",
            " 1",
            "1 ",
            "--1",
            "+-1",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999",
            "١",
            "1.5",
            "1e3",
        ] {
            assert_eq!(parse_i64(s), s.parse::<i64>().ok(), "{s:?}");
        }
    }
}
