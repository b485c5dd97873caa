//! Size limits on what an article may show, and the visible markers left where something
//! was cut. Nothing past a limit is dropped silently: strings end in `…`, lists get a
//! `nv-more` note (`还有 N 条` / `N more`), the body gets a `nv-truncated` paragraph (both
//! written by [`crate::layout`] where the cut was made), and each cut is also reported as a
//! [`crate::error::Warning`].
//!
//! | limit (option)       | default   | applies to                                            |
//! |----------------------|-----------|-------------------------------------------------------|
//! | `maxTitleChars`      | 500       | `title`                                               |
//! | `maxTextChars`       | 10 000    | every other plain-text field (summary, names, captions, comment text, ...) |
//! | `maxKeywords`        | 50        | `keywords`                                            |
//! | `maxRelatedVideos`   | 100       | `relatedVideos`                                       |
//! | `maxComments`        | 500       | `comments.items`                                      |
//! | `maxBodyBytes`       | 4 MiB     | `bodyHtml` (UTF-8 bytes; the DOM layer uses the sanitizer's `maxInputBytes`) |

use crate::error::{Error, Path};
use crate::json::Json;
use crate::labels::Labels;
use crate::read::key;

crate::read::declare_fields! {
    /// The members of `options.limits`, in the order the types list them; [`Limits::from_json`]
    /// reads only these (unknown members are ignored).
    pub const LIMIT_KEYS;
    /// The members of `options.limits`, with TypeScript types and docs (the `LimitOptions`
    /// interface of `types/newsview.d.ts`).
    pub const LIMIT_FIELDS;
    "maxTitleChars": "number", "Characters of `title`. @defaultValue 500";
    "maxTextChars": "number", "Characters of every other plain-text field. @defaultValue 10000";
    "maxKeywords": "number", "Keywords shown. @defaultValue 50";
    "maxRelatedVideos": "number", "Related videos kept. @defaultValue 100";
    "maxComments": "number", "Comments shown. @defaultValue 500";
    "maxBodyBytes": "number",
        "UTF-8 bytes of `bodyHtml`, cut before sanitizing. @defaultValue 4194304";
}

/// Limits applied while an article is read. Lengths in characters are Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest title shown, in characters.
    pub max_title_chars: usize,
    /// Longest other plain-text field shown, in characters.
    pub max_text_chars: usize,
    /// Most keywords shown.
    pub max_keywords: usize,
    /// Most related videos shown.
    pub max_related_videos: usize,
    /// Most comments shown.
    pub max_comments: usize,
    /// Largest `bodyHtml` sanitized, in UTF-8 bytes; the rest is cut on a character boundary.
    pub max_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_title_chars: 500,
            max_text_chars: 10_000,
            max_keywords: 50,
            max_related_videos: 100,
            max_comments: 500,
            max_body_bytes: 4 * 1024 * 1024,
        }
    }
}

impl Limits {
    /// Reads `options.limits`: an object whose members (`maxTitleChars`, `maxTextChars`,
    /// `maxKeywords`, `maxRelatedVideos`, `maxComments`, `maxBodyBytes`) are whole numbers
    /// >= 0; absent or `null` members keep their defaults, unknown members are ignored.
    pub fn from_json(v: &Json) -> Result<Limits, Error> {
        let mut limits = Limits::default();
        limits.read_json(v)?;
        Ok(limits)
    }

    /// [`Limits::from_json`] into `self`: the members present replace the ones in `self`.
    pub(crate) fn read_json(&mut self, v: &Json) -> Result<(), Error> {
        let root = Path::Root("options");
        let path = root.key("limits");
        let limits = self;
        if matches!(v, Json::Null) {
            return Ok(());
        }
        crate::read::object(v, &path)?;
        let fields: [(&str, &mut usize); 6] = [
            (
                key!(LIMIT_KEYS, "maxTitleChars"),
                &mut limits.max_title_chars,
            ),
            (key!(LIMIT_KEYS, "maxTextChars"), &mut limits.max_text_chars),
            (key!(LIMIT_KEYS, "maxKeywords"), &mut limits.max_keywords),
            (
                key!(LIMIT_KEYS, "maxRelatedVideos"),
                &mut limits.max_related_videos,
            ),
            (key!(LIMIT_KEYS, "maxComments"), &mut limits.max_comments),
            (key!(LIMIT_KEYS, "maxBodyBytes"), &mut limits.max_body_bytes),
        ];
        for (key, slot) in fields {
            if let Some(value) = crate::read::present(v, key) {
                let n = crate::read::count(value, &path.key(key))?;
                *slot = usize::try_from(n).unwrap_or(usize::MAX);
            }
        }
        Ok(())
    }
}

/// What was cut from the lists and the body of an article (strings carry their own `…`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Truncated {
    /// `bodyHtml` was cut at [`Limits::max_body_bytes`].
    pub body: bool,
    /// Keywords not shown.
    pub keywords: usize,
    /// Related videos not shown.
    pub related_videos: usize,
    /// Comments not shown.
    pub comments: usize,
}

/// The mark appended to a string cut at its limit.
pub const ELLIPSIS: char = '…';

/// `s` cut to at most `max` characters followed by `…`, or `None` when it fits. Linear.
pub fn cut_chars(s: &str, max: usize) -> Option<String> {
    // The byte index of character `max`: the `max`-th byte that starts a character (a byte
    // scan; `char_indices().nth` decodes every character).
    let mut left = max;
    let end = s.bytes().position(|b| {
        let starts = (b as i8) >= -0x40;
        if starts {
            if left == 0 {
                return true;
            }
            left -= 1;
        }
        false
    })?;
    let mut out = String::with_capacity(end + ELLIPSIS.len_utf8());
    out.push_str(s.get(..end).unwrap_or_default());
    out.push(ELLIPSIS);
    Some(out)
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
pub fn cut_bytes(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// The note after a list cut at its limit: `labels.more` with `{n}` replaced by `n`
/// (`还有 9900 条`); a label without `{n}` gets the number after it.
pub fn more_label(labels: &Labels, n: usize) -> String {
    let mut count = String::new();
    crate::text::push_u64(&mut count, n as u64);
    let more = labels.more;
    match crate::text::find(more, "{n}") {
        Some(at) => {
            let (before, after) = (&more[..at], &more[at + 3..]);
            let mut s = String::with_capacity(labels.more.len() + count.len());
            s.push_str(before);
            s.push_str(&count);
            s.push_str(after);
            s
        }
        None => {
            let mut s = labels.more.to_owned();
            s.push(' ');
            s.push_str(&count);
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, JsonLimits};
    use crate::labels::{labels, Lang};

    #[test]
    fn defaults_are_the_documented_ones() {
        let l = Limits::default();
        assert_eq!(
            (
                l.max_title_chars,
                l.max_text_chars,
                l.max_keywords,
                l.max_related_videos,
                l.max_comments,
                l.max_body_bytes
            ),
            (500, 10_000, 50, 100, 500, 4 * 1024 * 1024)
        );
    }

    #[test]
    fn limits_from_json_reads_each_member() {
        let doc = parse(
            r#"{"maxTitleChars": 1, "maxTextChars": 2, "maxKeywords": 3, "maxRelatedVideos": 4,
                "maxComments": 5, "maxBodyBytes": 6, "other": true}"#,
            &JsonLimits::default(),
        )
        .unwrap();
        let l = Limits::from_json(&doc).unwrap();
        assert_eq!(
            (
                l.max_title_chars,
                l.max_text_chars,
                l.max_keywords,
                l.max_related_videos,
                l.max_comments,
                l.max_body_bytes
            ),
            (1, 2, 3, 4, 5, 6)
        );
        let partial = parse(r#"{"maxKeywords": 0}"#, &JsonLimits::default()).unwrap();
        let l = Limits::from_json(&partial).unwrap();
        assert_eq!(l.max_keywords, 0);
        assert_eq!(l.max_title_chars, 500);
        assert_eq!(Limits::from_json(&Json::Null).unwrap(), Limits::default());
    }

    #[test]
    fn limits_from_json_names_the_bad_member() {
        for (json, path) in [
            (r#"{"maxKeywords": -1}"#, "options.limits.maxKeywords"),
            (r#"{"maxComments": 1.5}"#, "options.limits.maxComments"),
            (r#"{"maxTitleChars": "9"}"#, "options.limits.maxTitleChars"),
            (r#"[1]"#, "options.limits"),
        ] {
            let doc = parse(json, &JsonLimits::default()).unwrap();
            assert_eq!(Limits::from_json(&doc).unwrap_err().path(), path, "{json}");
        }
    }

    #[test]
    fn cut_chars_counts_characters_and_adds_an_ellipsis() {
        assert_eq!(cut_chars("标题很长", 2).as_deref(), Some("标题…"));
        assert_eq!(cut_chars("abc", 3), None);
        assert_eq!(cut_chars("abcd", 0).as_deref(), Some("…"));
    }

    #[test]
    fn cut_chars_cuts_where_char_indices_does() {
        // One- to four-byte characters, mixed, at every limit up to past the end.
        for s in [
            "",
            "a",
            "abc",
            "é",
            "aé",
            "标题很长",
            "a😀b",
            "😀😀",
            "xé标😀y",
            "\u{7f}\u{80}\u{800}",
        ] {
            let n = s.chars().count();
            for max in 0..=n + 2 {
                let expected = s.char_indices().nth(max).map(|(end, _)| {
                    let mut cut = s[..end].to_owned();
                    cut.push(ELLIPSIS);
                    cut
                });
                assert_eq!(cut_chars(s, max), expected, "{s:?} at {max}");
            }
        }
    }

    #[test]
    fn cut_bytes_stays_on_a_char_boundary() {
        assert_eq!(cut_bytes("ab标", 4), "ab");
        assert_eq!(cut_bytes("ab标", 5), "ab标");
        assert_eq!(cut_bytes("<p>abc", 4), "<p>a");
    }

    #[test]
    fn more_labels() {
        assert_eq!(more_label(labels(Lang::ZhCn), 9900), "还有 9900 条");
        assert_eq!(more_label(labels(Lang::ZhTw), 3), "還有 3 條");
        assert_eq!(more_label(labels(Lang::En), 3), "3 more");
        // A host's label, with or without the placeholder.
        let own = (*labels(Lang::En)).with("more", "+{n} hidden").unwrap();
        assert_eq!(more_label(&own, 12), "+12 hidden");
        let own = (*labels(Lang::En)).with("more", "More:").unwrap();
        assert_eq!(more_label(&own, 12), "More: 12");
    }
}
