//! Helpers shared by the fuzz targets, written independently of the crate's own code so that
//! the invariants do not just repeat the implementation.
#![allow(dead_code)]

pub mod clean;

/// Reads decisions out of the fuzzer's bytes; runs out into zeros.
pub struct Bytes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Bytes<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Bytes { data, pos: 0 }
    }

    pub fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }

    pub fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    /// An index into a list of `n` (n > 0).
    pub fn pick(&mut self, n: usize) -> usize {
        self.byte() as usize % n
    }

    /// Up to `max` raw bytes, as (lossy) text.
    pub fn text(&mut self, max: usize) -> String {
        let len = (self.byte() as usize) % (max + 1);
        let end = (self.pos + len).min(self.data.len());
        let start = self.pos.min(end);
        self.pos = end;
        String::from_utf8_lossy(&self.data[start..end]).into_owned()
    }
}

/// How a browser reads the text of a URL before parsing it (WHATWG URL): leading and trailing
/// C0 controls and spaces stripped, every tab and newline removed.
pub fn browser_normalize(raw: &str) -> String {
    let trimmed = raw.trim_matches(|c: char| (c as u32) <= 0x20);
    trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme a browser would see, lower-cased: an ASCII letter, then letters, digits, `+`,
/// `-`, `.`, up to the first `:`. `None` for a relative URL.
pub fn scheme_of(raw: &str) -> Option<String> {
    let s = browser_normalize(raw);
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    if !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    Some(scheme.to_ascii_lowercase())
}

/// Whether a browser would read `raw` as an allowed `data:image/(png|jpeg|gif|webp)` URL.
pub fn is_data_image(raw: &str) -> bool {
    let s = browser_normalize(raw).to_ascii_lowercase();
    ["png", "jpeg", "gif", "webp"].iter().any(|t| {
        let p = format!("data:image/{t}");
        s.strip_prefix(&p)
            .is_some_and(|rest| rest.starts_with(',') || rest.starts_with(";base64,"))
    })
}

/// Schemes no accepted URL may have, whatever the context.
pub const FORBIDDEN: &[&str] = &["javascript", "vbscript", "data", "file", "blob"];

/// Panics when `raw`, read as a browser would, has a forbidden scheme (with the one exception
/// of `data:image/…` where `data_image_ok`).
pub fn assert_scheme_safe(raw: &str, data_image_ok: bool, what: &str) {
    if let Some(s) = scheme_of(raw) {
        if s == "data" && data_image_ok && is_data_image(raw) {
            return;
        }
        assert!(
            !FORBIDDEN.contains(&s.as_str()),
            "{what}: forbidden scheme {s:?} in {raw:?}"
        );
    }
}
