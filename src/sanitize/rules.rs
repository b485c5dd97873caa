//! The element and attribute tables and the attribute value checks.

use crate::url::{MediaHosts, UrlContext};

/// Which element-specific attributes an element keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Only the global attributes (`dir`, `lang`, `title`, and `style` when enabled).
    Plain,
    /// `a`: `href`; `rel` and `target` are set by the policy.
    A,
    /// `img`: `src`, `srcset`, `alt`, `width`, `height`; `loading` and `decoding` are set.
    Img,
    /// `ol`: `start`, `reversed`.
    Ol,
    /// `th`: `colspan`, `rowspan`, `scope`.
    Th,
    /// `td`: `colspan`, `rowspan`.
    Td,
    /// `col`, `colgroup`: `span`.
    Col,
    /// `time`: `datetime`.
    Time,
    /// `del`, `ins`: `datetime`, `cite`.
    Edit,
    /// `blockquote`, `q`: `cite`.
    Quote,
    /// `div`: may be one of the sanitizer's own embed placeholders.
    Div,
}

/// The three embeds that become click-to-load placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Embed {
    Iframe,
    Video,
    Audio,
}

impl Embed {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Embed::Iframe => "iframe",
            Embed::Video => "video",
            Embed::Audio => "audio",
        }
    }

    pub(crate) fn from_placeholder(value: &str) -> Option<Embed> {
        match value {
            "iframe" => Some(Embed::Iframe),
            "video" => Some(Embed::Video),
            "audio" => Some(Embed::Audio),
            _ => None,
        }
    }
}

/// What happens to an HTML element, by its (ASCII lower-case) local name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ElementRule {
    /// Kept, under this (static) name.
    Keep(&'static str, Kind),
    /// Kept, renamed (`h1` becomes `h2`).
    Rename(&'static str, Kind),
    /// Becomes a placeholder, or is removed.
    Embed(Embed),
    /// Removed with everything in it.
    Drop,
    /// Unknown: replaced by its children.
    Unwrap,
}

/// Elements no end tag closes; any children they have are removed (the kept ones: `br`,
/// `hr`, `img`, `col`).
pub(crate) use crate::view::is_void;

/// The tree builder's classes of tag names, as bits; [`rules::TAGS`] gives each known name its
/// bits (one lookup per tag).
pub(crate) mod class {
    /// What the tree builder's rules say of an HTML tag name, as bits (one lookup per tag).
    pub(crate) type Class = u16;
    /// The HTML standard's "special" category.
    pub(crate) const SPECIAL: Class = 1;
    /// A start tag that closes an open `p` in button scope.
    pub(crate) const CLOSES_P: Class = 1 << 1;
    /// A start tag that ends foreign content (outside an integration point).
    pub(crate) const BREAKS_OUT: Class = 1 << 2;
    /// A void element: no end tag, never open.
    pub(crate) const VOID: Class = 1 << 3;
    /// A formatting element (the adoption agency's).
    pub(crate) const FORMATTING: Class = 1 << 4;
    /// `h1`…`h6`.
    pub(crate) const HEADING: Class = 1 << 5;
    /// Ends the default scope of "has an element in scope".
    pub(crate) const SCOPE: Class = 1 << 6;
    /// Puts a marker on the list of active formatting elements.
    pub(crate) const MARKER: Class = 1 << 7;
    /// A table, section, row, cell, caption or column group.
    pub(crate) const TABLE_PART: Class = 1 << 8;
    /// A foreign element whose content is HTML (SVG's HTML integration points, MathML's text
    /// integration points and `annotation-xml`).
    pub(crate) const INTEGRATION: Class = 1 << 9;
    /// `button`.
    pub(crate) const BUTTON: Class = 1 << 10;
    /// `address`, `div`, `p`: special, yet the search for an open `li`, `dd` or `dt` goes past.
    pub(crate) const LISTISH: Class = 1 << 11;
    /// `table` itself.
    pub(crate) const TABLE: Class = 1 << 12;
    /// `td`, `th`, `caption`.
    pub(crate) const CELL_OR_CAPTION: Class = 1 << 13;
    pub(crate) const SP: Class = SPECIAL;
    pub(crate) const CP: Class = CLOSES_P;
    pub(crate) const BO: Class = BREAKS_OUT;
    pub(crate) const SC: Class = SCOPE | SPECIAL;
}
/// What the policy does with a known tag: the compact form of [`ElementRule`] in [`TAGS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    /// Kept under its own name.
    Keep(Kind),
    /// Kept as `h2` (`h1`).
    H2,
    /// A placeholder, or removed.
    Embed(Embed),
    /// Removed with its content.
    Drop,
    /// Replaced by its children.
    Unwrap,
}

/// One tag name the rules know: what the policy does with it, and the tree builder's class
/// bits the pre-pass reads ([`super::prepass`]).
#[derive(Debug)]
pub(crate) struct Tag {
    pub(crate) name: &'static str,
    pub(crate) class: u16,
    pub(crate) action: Action,
}

const fn tag(name: &'static str, class: u16, action: Action) -> Tag {
    Tag {
        name,
        class,
        action,
    }
}

/// Every tag name the policy or the pre-pass names, sorted by name (a test checks it): one
/// binary search answers both, and a table is a fraction of the code a `match` over a hundred
/// names compiles to.
pub(crate) const TAGS: &[Tag] = {
    use class::*;
    use Action::*;
    &[
        tag("a", FORMATTING, Keep(Kind::A)),
        tag("abbr", 0, Keep(Kind::Plain)),
        tag("address", SP | CP | LISTISH, Unwrap),
        tag("annotation-xml", INTEGRATION, Unwrap),
        tag("applet", SC | MARKER, Drop),
        tag("area", SP | VOID, Unwrap),
        tag("article", SP | CP, Unwrap),
        tag("aside", SP | CP, Unwrap),
        tag("audio", 0, Embed(self::Embed::Audio)),
        tag("b", FORMATTING | BO, Keep(Kind::Plain)),
        tag("base", SP | VOID, Drop),
        tag("basefont", SP | VOID, Unwrap),
        tag("bgsound", SP | VOID, Unwrap),
        tag("big", FORMATTING | BO, Unwrap),
        tag("blockquote", SP | CP | BO, Keep(Kind::Quote)),
        tag("body", SP | BO, Unwrap),
        tag("br", SP | BO | VOID, Keep(Kind::Plain)),
        tag("button", SP | BUTTON, Drop),
        tag(
            "caption",
            SC | MARKER | TABLE_PART | CELL_OR_CAPTION,
            Keep(Kind::Plain),
        ),
        tag("center", SP | CP | BO, Unwrap),
        tag("cite", 0, Keep(Kind::Plain)),
        tag("code", FORMATTING | BO, Keep(Kind::Plain)),
        tag("col", SP | VOID, Keep(Kind::Col)),
        tag("colgroup", SP | TABLE_PART, Keep(Kind::Col)),
        tag("datalist", 0, Drop),
        tag("dd", SP | CP | BO, Keep(Kind::Plain)),
        tag("del", 0, Keep(Kind::Edit)),
        tag("desc", INTEGRATION, Unwrap),
        tag("details", SP | CP, Unwrap),
        tag("dialog", CP, Unwrap),
        tag("dir", SP | CP, Unwrap),
        tag("div", SP | CP | BO | LISTISH, Keep(Kind::Div)),
        tag("dl", SP | CP | BO, Keep(Kind::Plain)),
        tag("dt", SP | CP | BO, Keep(Kind::Plain)),
        tag("em", FORMATTING | BO, Keep(Kind::Plain)),
        tag("embed", SP | BO | VOID, Drop),
        tag("fencedframe", 0, Drop),
        tag("fieldset", SP | CP, Unwrap),
        tag("figcaption", SP | CP, Keep(Kind::Plain)),
        tag("figure", SP | CP, Keep(Kind::Plain)),
        tag("font", FORMATTING | BO, Unwrap),
        tag("footer", SP | CP, Unwrap),
        tag("foreignobject", INTEGRATION, Unwrap),
        tag("form", SP | CP, Drop),
        tag("frame", SP, Drop),
        tag("frameset", SP, Drop),
        tag("h1", SP | CP | BO | HEADING, H2),
        tag("h2", SP | CP | BO | HEADING, Keep(Kind::Plain)),
        tag("h3", SP | CP | BO | HEADING, Keep(Kind::Plain)),
        tag("h4", SP | CP | BO | HEADING, Keep(Kind::Plain)),
        tag("h5", SP | CP | BO | HEADING, Keep(Kind::Plain)),
        tag("h6", SP | CP | BO | HEADING, Keep(Kind::Plain)),
        tag("head", SP | BO, Unwrap),
        tag("header", SP | CP, Unwrap),
        tag("hgroup", SP | CP, Unwrap),
        tag("hr", SP | CP | BO | VOID, Keep(Kind::Plain)),
        tag("html", SC, Unwrap),
        tag("i", FORMATTING | BO, Keep(Kind::Plain)),
        tag("iframe", SP, Embed(self::Embed::Iframe)),
        tag("image", VOID, Unwrap),
        tag("img", SP | BO | VOID, Keep(Kind::Img)),
        tag("input", SP | VOID, Drop),
        tag("ins", 0, Keep(Kind::Edit)),
        tag("isindex", 0, Drop),
        tag("keygen", SP | VOID, Drop),
        tag("li", SP | CP | BO, Keep(Kind::Plain)),
        tag("link", SP | VOID, Drop),
        tag("listing", SP | CP | BO, Unwrap),
        tag("main", SP | CP, Unwrap),
        tag("mark", 0, Keep(Kind::Plain)),
        tag("marquee", SC | MARKER, Unwrap),
        tag("math", 0, Drop),
        tag("menu", SP | CP | BO, Unwrap),
        tag("meta", SP | BO | VOID, Drop),
        tag("mi", INTEGRATION, Unwrap),
        tag("mn", INTEGRATION, Unwrap),
        tag("mo", INTEGRATION, Unwrap),
        tag("ms", INTEGRATION, Unwrap),
        tag("mtext", INTEGRATION, Unwrap),
        tag("nav", SP | CP, Unwrap),
        tag("nobr", FORMATTING | BO, Unwrap),
        tag("noembed", SP, Drop),
        tag("noframes", SP, Drop),
        tag("noscript", SP, Drop),
        tag("object", SC | MARKER, Drop),
        tag("ol", SP | CP | BO, Keep(Kind::Ol)),
        tag("optgroup", 0, Drop),
        tag("option", 0, Drop),
        tag("output", 0, Drop),
        tag("p", SP | CP | BO | LISTISH, Keep(Kind::Plain)),
        tag("param", SP | VOID, Unwrap),
        tag("plaintext", SP | CP, Drop),
        tag("portal", 0, Drop),
        tag("pre", SP | CP | BO, Keep(Kind::Plain)),
        tag("q", 0, Keep(Kind::Quote)),
        tag("ruby", BO, Unwrap),
        tag("s", FORMATTING | BO, Keep(Kind::Plain)),
        tag("script", SP, Drop),
        tag("search", SP | CP, Unwrap),
        tag("section", SP | CP, Unwrap),
        tag("select", SP, Drop),
        tag("selectedcontent", 0, Drop),
        tag("small", FORMATTING | BO, Keep(Kind::Plain)),
        tag("source", SP | VOID, Unwrap),
        tag("span", BO, Keep(Kind::Plain)),
        tag("strike", FORMATTING | BO, Unwrap),
        tag("strong", FORMATTING | BO, Keep(Kind::Plain)),
        tag("style", SP, Drop),
        tag("sub", BO, Keep(Kind::Plain)),
        tag("summary", SP | CP, Unwrap),
        tag("sup", BO, Keep(Kind::Plain)),
        tag("svg", 0, Drop),
        tag(
            "table",
            SP | CP | BO | TABLE_PART | SCOPE | TABLE,
            Keep(Kind::Plain),
        ),
        tag("tbody", SP | TABLE_PART, Keep(Kind::Plain)),
        tag(
            "td",
            SC | MARKER | TABLE_PART | CELL_OR_CAPTION,
            Keep(Kind::Td),
        ),
        tag("template", SC | MARKER, Drop),
        tag("textarea", SP, Drop),
        tag("tfoot", SP | TABLE_PART, Keep(Kind::Plain)),
        tag(
            "th",
            SC | MARKER | TABLE_PART | CELL_OR_CAPTION,
            Keep(Kind::Th),
        ),
        tag("thead", SP | TABLE_PART, Keep(Kind::Plain)),
        tag("time", 0, Keep(Kind::Time)),
        tag("title", SP, Drop),
        tag("tr", SP | TABLE_PART, Keep(Kind::Plain)),
        tag("track", SP | VOID, Unwrap),
        tag("tt", FORMATTING | BO, Unwrap),
        tag("u", FORMATTING | BO, Keep(Kind::Plain)),
        tag("ul", SP | CP | BO, Keep(Kind::Plain)),
        tag("var", BO, Unwrap),
        tag("video", 0, Embed(self::Embed::Video)),
        tag("wbr", SP | VOID, Unwrap),
        tag("xmp", SP | CP, Drop),
    ]
};

/// Where the names starting with each letter begin in [`TAGS`] (entry 26: the end), so that a
/// lookup searches only its letter's few names: the policy, the pre-pass and the reader ask for
/// several classes of every tag, which made the full binary search the hottest function of the
/// 1 MB body's profile.
const FIRST: [u8; 27] = {
    let mut first = [0u8; 27];
    let mut letter = 0;
    let mut i = 0;
    while letter < 26 {
        while i < TAGS.len() && TAGS[i].name.as_bytes()[0] < b'a' + letter as u8 {
            i += 1;
        }
        first[letter] = i as u8;
        letter += 1;
    }
    first[26] = TAGS.len() as u8;
    first
};

/// The known tag `name` (ASCII lower case).
pub(crate) fn lookup(name: &str) -> Option<&'static Tag> {
    let letter = usize::from(name.as_bytes().first()?.wrapping_sub(b'a'));
    let (&from, &to) = (FIRST.get(letter)?, FIRST.get(letter + 1)?);
    // A bucket holds a few names, most of another length than `name`: comparing lengths
    // first costs less than a binary search's ordered string comparisons (measured on the
    // 1 MB body: the lookup went from 26 % of its instructions, with `memcmp`, to 12 %).
    TAGS.get(usize::from(from)..usize::from(to))?
        .iter()
        .find(|t| t.name.len() == name.len() && t.name == name)
}

/// The rule for the tag `name` and its [`class`] bits (0 when unknown), from one lookup.
pub(crate) fn classify(name: &str) -> (ElementRule, class::Class) {
    let Some(t) = lookup(name) else {
        return (ElementRule::Unwrap, 0);
    };
    let rule = match t.action {
        Action::Keep(kind) => ElementRule::Keep(t.name, kind),
        Action::H2 => ElementRule::Rename("h2", Kind::Plain),
        Action::Embed(e) => ElementRule::Embed(e),
        Action::Drop => ElementRule::Drop,
        Action::Unwrap => ElementRule::Unwrap,
    };
    (rule, t.class)
}

/// What happens to an attribute of a kept element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttrRule {
    /// Removed.
    Drop,
    /// Kept as it is (`title`, `alt`).
    Text,
    /// `ltr`, `rtl` or `auto`, written in lower case.
    Dir,
    /// A language tag: letters, digits and `-`, at most 35 characters.
    Lang,
    /// 1 to 9 decimal digits.
    Count,
    /// An optional `-` and 1 to 9 decimal digits.
    Integer,
    /// A table span (`colspan`, `rowspan`, `span`): 1 to 9 decimal digits, written clamped to
    /// this maximum, so that no table makes seconds of layout.
    Span(u32),
    /// A boolean attribute, written with an empty value.
    Flag,
    /// `row`, `col`, `rowgroup` or `colgroup`.
    Scope,
    /// A date or time: letters, digits, `-:+.,/` and spaces, at most 64 characters.
    DateTime,
    /// A URL judged in this context.
    Url(UrlContext),
    /// `img srcset`, filtered per candidate.
    Srcset,
    /// `style`, filtered through the property allow-list (dropped when it is empty).
    Style,
    /// Set by the policy itself (`a rel` / `target`, `img loading` / `decoding`).
    Managed,
}

/// The largest `colspan` (and `col span`) kept: wider values are written as this. Browsers
/// allow 1 000; real articles use a few.
pub const MAX_COLSPAN: u32 = 100;
/// The largest `rowspan` kept (browsers allow 65 534).
pub const MAX_ROWSPAN: u32 = 100;

pub(crate) fn attr_rule(kind: Kind, name: &str) -> AttrRule {
    use AttrRule::*;
    match name {
        "dir" => return Dir,
        "lang" => return Lang,
        "title" => return Text,
        "style" => return Style,
        _ => {}
    }
    match (kind, name) {
        (Kind::A, "href") => Url(UrlContext::Link),
        (Kind::A, "rel" | "target") => Managed,
        (Kind::Img, "src") => Url(UrlContext::BodyImage),
        (Kind::Img, "srcset") => Srcset,
        (Kind::Img, "alt") => Text,
        (Kind::Img, "width" | "height") => Count,
        (Kind::Img, "loading" | "decoding") => Managed,
        (Kind::Ol, "start") => Integer,
        (Kind::Ol, "reversed") => Flag,
        (Kind::Th | Kind::Td, "colspan") => Span(MAX_COLSPAN),
        (Kind::Th | Kind::Td, "rowspan") => Span(MAX_ROWSPAN),
        (Kind::Th, "scope") => Scope,
        (Kind::Col, "span") => Span(MAX_COLSPAN),
        (Kind::Time | Kind::Edit, "datetime") => DateTime,
        (Kind::Edit | Kind::Quote, "cite") => Url(UrlContext::Link),
        _ => Drop,
    }
}

/// Writes the attribute's value as it should be written to `out` (which it clears), or
/// returns `false` when it is refused. URL rules are handled by the caller (they are counted
/// apart); this takes every other rule.
pub(crate) fn clean_value(
    rule: AttrRule,
    value: &str,
    style: &[&'static str],
    out: &mut String,
) -> bool {
    out.clear();
    let as_is = match rule {
        AttrRule::Text => true,
        AttrRule::Dir => return one_of(value, &["ltr", "rtl", "auto"], out),
        AttrRule::Lang => {
            !value.is_empty()
                && value.len() <= 35
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        }
        AttrRule::Count => is_digits(value),
        AttrRule::Span(max) => {
            // At most nine digits: an i64 holds it, and so does a u32.
            let Some(n) = crate::text::parse_i64(value)
                .filter(|_| is_digits(value))
                .and_then(|n| u32::try_from(n).ok())
            else {
                return false;
            };
            crate::text::push_u64(out, u64::from(n.min(max)));
            return true;
        }
        AttrRule::Integer => is_digits(value.strip_prefix('-').unwrap_or(value)),
        AttrRule::Flag => return true,
        AttrRule::Scope => return one_of(value, &["row", "col", "rowgroup", "colgroup"], out),
        AttrRule::DateTime => {
            value.len() <= 64
                && value.bytes().all(|b| {
                    b.is_ascii_alphanumeric()
                        || matches!(b, b'-' | b':' | b'+' | b'.' | b',' | b'/' | b' ')
                })
        }
        AttrRule::Style => return clean_style(value, style, out),
        AttrRule::Url(_) | AttrRule::Srcset | AttrRule::Managed | AttrRule::Drop => false,
    };
    if as_is {
        out.push_str(value);
    }
    as_is
}

/// Writes the keyword of `words` that `value` is (in any case) to `out`.
fn one_of(value: &str, words: &[&str], out: &mut String) -> bool {
    let found = words.iter().find(|d| value.eq_ignore_ascii_case(d));
    if let Some(d) = found {
        out.push_str(d);
    }
    found.is_some()
}

pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Filters `srcset` per image candidate: each URL is judged as a body image (then by `media`:
/// kept, rewritten through its proxy or refused), each descriptor must be `<digits>w` or
/// `<number>x`. Writes the normalised list (candidates joined by `, `) to `out` (empty when none
/// survives) and returns how many candidates were refused.
pub(crate) fn clean_srcset(value: &str, media: &MediaHosts, out: &mut String) -> usize {
    out.clear();
    let mut refused = 0;
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\u{c}' | '\r');
    let mut rest = value;
    loop {
        // Skip whitespace and commas between candidates.
        rest = rest.trim_start_matches(|c: char| is_space(c) || c == ',');
        if rest.is_empty() {
            break;
        }
        let url_end = rest.find(is_space).unwrap_or(rest.len());
        let (raw_url, after) = rest.split_at(url_end);
        let (raw_url, descriptor, next) = if raw_url.ends_with(',') {
            (raw_url.trim_end_matches(','), "", after)
        } else {
            // The descriptor runs to the next comma that is not inside parentheses.
            let mut depth = 0usize;
            let mut end = after.len();
            for (i, c) in after.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    ',' if depth == 0 => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
            }
            let (d, n) = after.split_at(end);
            (raw_url, d.trim_matches(is_space), n)
        };
        rest = next;
        let safe = media.check(raw_url, UrlContext::BodyImage);
        match safe {
            // A normalised URL that begins or ends with a comma would be read differently by
            // the browser's srcset parser (`\u{1},javascript:…` normalises to
            // `,javascript:…`, whose comma that parser skips): refused.
            Some(u)
                if descriptor_ok(descriptor)
                    && !u.as_str().ends_with(',')
                    && !u.as_str().starts_with(',') =>
            {
                if !out.is_empty() {
                    out.push_str(", ");
                }
                out.push_str(u.as_str());
                if !descriptor.is_empty() {
                    out.push(' ');
                    out.push_str(descriptor);
                }
            }
            _ => refused += 1,
        }
    }
    refused
}

fn descriptor_ok(d: &str) -> bool {
    if d.is_empty() {
        return true;
    }
    if let Some(n) = d.strip_suffix('w') {
        return is_digits(n);
    }
    if let Some(n) = d.strip_suffix('x') {
        let (int, frac) = match n.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (n, None),
        };
        return is_digits(int) && frac.map_or(true, is_digits);
    }
    false
}

/// CSS properties that may ever be allowed in `style`: text presentation only, nothing that
/// positions, sizes, loads or overlays.
pub const SAFE_STYLE_PROPERTIES: &[&str] = &[
    "text-align",
    "text-indent",
    "text-decoration",
    "text-transform",
    "vertical-align",
    "color",
    "background-color",
    "font-weight",
    "font-style",
    "font-size",
    "font-variant",
    "letter-spacing",
    "line-height",
    "white-space",
    "word-break",
    "list-style-type",
    "border-collapse",
];

/// Keeps the declarations of allowed properties whose values are plain: letters, digits,
/// spaces and `#%.,+-`, with parentheses only in `rgb()`, `rgba()`, `hsl()`, `hsla()`. No
/// quotes, backslashes, comments, `url(`, `!important` or at-rules can pass. The result is
/// normalised as `prop: value; prop: value`, written to `out`; `false` when nothing is kept.
pub(crate) fn clean_style(value: &str, allowed: &[&'static str], out: &mut String) -> bool {
    if allowed.is_empty() {
        return false;
    }
    for decl in value.split(';') {
        let Some((prop, val)) = decl.split_once(':') else {
            continue;
        };
        let prop = prop.trim().to_ascii_lowercase();
        let Some(prop) = allowed.iter().find(|p| **p == prop) else {
            continue;
        };
        let val = val.trim();
        if val.is_empty() || val.len() > 100 || !style_value_ok(val) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(prop);
        out.push_str(": ");
        out.push_str(val);
    }
    !out.is_empty()
}

fn style_value_ok(val: &str) -> bool {
    let mut depth = 0u32;
    let mut ident_start: Option<usize> = None;
    for (i, b) in val.bytes().enumerate() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'-' => {
                if ident_start.is_none() {
                    ident_start = Some(i);
                }
            }
            b'0'..=b'9' | b'#' | b'%' | b'.' | b',' | b'+' | b' ' => ident_start = None,
            b'(' => {
                let name = ident_start.and_then(|s| val.get(s..i)).unwrap_or("");
                let ok = ["rgb", "rgba", "hsl", "hsla"]
                    .iter()
                    .any(|f| name.eq_ignore_ascii_case(f));
                if !ok || depth > 0 {
                    return false;
                }
                depth += 1;
                ident_start = None;
            }
            b')' => {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
                ident_start = None;
            }
            _ => return false,
        }
    }
    depth == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Any host may load media (the default).
    const OPEN: MediaHosts = MediaHosts::OPEN;

    fn clean_srcset(value: &str, media: &MediaHosts) -> (Option<String>, usize) {
        let mut out = String::new();
        let refused = super::clean_srcset(value, media, &mut out);
        ((!out.is_empty()).then_some(out), refused)
    }

    fn clean_style(value: &str, allowed: &[&'static str]) -> Option<String> {
        let mut out = String::new();
        super::clean_style(value, allowed, &mut out).then_some(out)
    }

    fn clean_value(rule: AttrRule, value: &str, style: &[&'static str]) -> Option<String> {
        let mut out = String::new();
        super::clean_value(rule, value, style, &mut out).then_some(out)
    }

    #[test]
    fn srcset_keeps_safe_candidates_with_valid_descriptors() {
        let (v, refused) = clean_srcset(
            " a.jpg 1x,  https://X.com/b.jpg 2x ,c.jpg 300w,d.jpg",
            &OPEN,
        );
        assert_eq!(
            v.as_deref(),
            Some("a.jpg 1x, https://x.com/b.jpg 2x, c.jpg 300w, d.jpg")
        );
        assert_eq!(refused, 0);
    }

    #[test]
    fn srcset_drops_unsafe_candidates_and_bad_descriptors() {
        let (v, refused) = clean_srcset(
            "javascript:alert(1) 1x, ok.jpg 2x, data:text/html,x 3x, b.jpg 1q",
            &OPEN,
        );
        assert_eq!(v.as_deref(), Some("ok.jpg 2x"));
        assert_eq!(refused, 3);
        let (v, refused) = clean_srcset("javascript:alert(1)", &OPEN);
        assert_eq!(v, None);
        assert_eq!(refused, 1);
    }

    #[test]
    fn srcset_keeps_data_image_candidates_with_commas() {
        let (v, _) = clean_srcset("data:image/png;base64,AAAA 1x, b.jpg 2x", &OPEN);
        assert_eq!(
            v.as_deref(),
            Some("data:image/png;base64,AAAA 1x, b.jpg 2x")
        );
    }

    #[test]
    fn srcset_candidate_normalised_to_a_leading_comma_is_refused() {
        // Found by the sanitize fuzz target: U+0001 is stripped by URL normalisation, and the
        // browser's srcset parser would then skip the comma and load `javascript:alert(1)`.
        let (out, refused) = clean_srcset("\u{1},javascript:alert(1)", &OPEN);
        assert_eq!(out, None);
        assert_eq!(refused, 1);
        let (out, _) = clean_srcset("a.png 1x, \u{1},javascript:alert(1) 2x", &OPEN);
        assert_eq!(out.as_deref(), Some("a.png 1x"));
    }

    #[test]
    fn srcset_output_is_stable() {
        let (v, _) = clean_srcset("a.jpg 1.5x,b.jpg,c.jpg 10w", &OPEN);
        let v = v.unwrap();
        assert_eq!(clean_srcset(&v, &OPEN).0.as_deref(), Some(v.as_str()));
    }

    #[test]
    fn srcset_candidates_from_hosts_not_allowed_are_dropped_or_each_rewritten() {
        let only = MediaHosts::default().allow(["img.ok.com"]).unwrap();
        let v = "https://img.ok.com/a.jpg 1x, https://t.evil.com/b.jpg?x=1,2 2x, c.jpg 3x";
        let (out, refused) = clean_srcset(v, &only);
        assert_eq!(
            out.as_deref(),
            Some("https://img.ok.com/a.jpg 1x, c.jpg 3x")
        );
        assert_eq!(refused, 1);
        assert_eq!(clean_srcset("//t.evil.com/b.jpg 2x", &only), (None, 1));

        let proxied = only.proxy("https://p.ok.com/i?u={url}&w=1").unwrap();
        let (out, refused) = clean_srcset(v, &proxied);
        assert_eq!(
            out.as_deref(),
            Some(
                "https://img.ok.com/a.jpg 1x, \
                 https://p.ok.com/i?u=https%3A%2F%2Ft.evil.com%2Fb.jpg%3Fx%3D1%2C2&w=1 2x, c.jpg 3x"
            )
        );
        assert_eq!(refused, 0);
        // Each candidate on its own, and the result is stable.
        let (out, _) = clean_srcset("//a.com/1.jpg 1x,http://b.com/2.jpg 2x", &proxied);
        let out = out.unwrap();
        assert_eq!(
            out,
            "https://p.ok.com/i?u=https%3A%2F%2Fa.com%2F1.jpg&w=1 1x, \
             https://p.ok.com/i?u=http%3A%2F%2Fb.com%2F2.jpg&w=1 2x"
        );
        assert_eq!(
            clean_srcset(&out, &proxied).0.as_deref(),
            Some(out.as_str())
        );
    }

    #[test]
    fn style_keeps_allowed_plain_declarations_only() {
        let allowed = &["text-align", "color"];
        assert_eq!(
            clean_style(
                "TEXT-ALIGN: center; position: fixed; color: rgb(1, 2, 3)",
                allowed
            )
            .as_deref(),
            Some("text-align: center; color: rgb(1, 2, 3)")
        );
        for bad in [
            "color: red !important",
            "color: expression(alert(1))",
            "color: url(x)",
            "color: \\72 ed",
            "color: /**/red",
            "color: 'red'",
            "color: var(--x)",
            "color: rgb(rgb(1))",
            "color: red)",
        ] {
            assert_eq!(clean_style(bad, allowed), None, "{bad}");
        }
        assert_eq!(clean_style("color: red", &[]), None);
    }

    #[test]
    fn every_element_rule_names_a_static_lower_case_tag() {
        for name in ["p", "h1", "img", "a", "td", "col"] {
            match classify(name).0 {
                ElementRule::Keep(n, _) | ElementRule::Rename(n, _) => {
                    assert!(n
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
                }
                other => panic!("{name}: {other:?}"),
            }
        }
        assert_eq!(classify("x-foo"), (ElementRule::Unwrap, 0));
        assert_eq!(classify("script").0, ElementRule::Drop);
    }

    #[test]
    fn value_rules() {
        assert_eq!(
            clean_value(AttrRule::Dir, "RTL", &[]).as_deref(),
            Some("rtl")
        );
        assert_eq!(clean_value(AttrRule::Dir, "up", &[]), None);
        assert_eq!(
            clean_value(AttrRule::Lang, "zh-Hans-CN", &[]).as_deref(),
            Some("zh-Hans-CN")
        );
        assert_eq!(clean_value(AttrRule::Lang, "en\"x", &[]), None);
        assert_eq!(
            clean_value(AttrRule::Count, "12", &[]).as_deref(),
            Some("12")
        );
        assert_eq!(clean_value(AttrRule::Count, "12%", &[]), None);
        assert_eq!(clean_value(AttrRule::Count, "1234567890", &[]), None);
        assert_eq!(
            clean_value(AttrRule::Integer, "-3", &[]).as_deref(),
            Some("-3")
        );
        assert_eq!(
            clean_value(AttrRule::Flag, "reversed", &[]).as_deref(),
            Some("")
        );
        assert_eq!(
            clean_value(AttrRule::Scope, "Col", &[]).as_deref(),
            Some("col")
        );
        assert_eq!(clean_value(AttrRule::Scope, "all", &[]), None);
        assert_eq!(
            clean_value(AttrRule::DateTime, "2025-07-27T21:56:43+08:00", &[]).as_deref(),
            Some("2025-07-27T21:56:43+08:00")
        );
        assert_eq!(clean_value(AttrRule::DateTime, "<x>", &[]), None);
    }
}
