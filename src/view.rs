//! The escaping HTML writer that layout writes into ([`Html`]), and the HTML text it makes
//! ([`Markup`]), which the DOM layer parses or server rendering prints.
//!
//! Element and attribute names are `&'static str` chosen by this crate, never by input. Text
//! (in text nodes and attribute values) is escaped as it is written. URL attributes take only
//! a [`SafeUrl`]; no event handler attribute is written. Elements are closed through a stack
//! of open tags, so the output is well formed whatever the order of calls.

use crate::url::SafeUrl;

/// Attributes that load or navigate: they may only carry a [`SafeUrl`].
pub fn is_url_attr(name: &str) -> bool {
    matches!(
        name,
        "href" | "src" | "poster" | "srcset" | "action" | "formaction" | "xlink:href" | "data"
    )
}

/// Elements with no end tag.
pub fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// HTML text that is safe to insert: made only by [`Html`] (escaping) or by the sanitizer's
/// serializer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markup(String);

impl Markup {
    /// The HTML text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The HTML text, owned.
    pub fn into_string(self) -> String {
        self.0
    }

    pub(crate) fn from_trusted(s: String) -> Markup {
        Markup(s)
    }
}

/// The escaping HTML writer: elements are opened and closed in document order, attributes
/// written on the element last opened, before its content.
///
/// ```
/// use newsview::{attrs, view::Html};
/// let mut h = Html::new();
/// h.open("p", attrs!("class=nv-x;part=x")).text_attr("title", "a \"b\"");
/// h.text("1 < 2").open("br", attrs!("")).close();
/// h.close();
/// assert_eq!(
///     h.finish().as_str(),
///     "<p class=\"nv-x\" part=\"x\" title=\"a &quot;b&quot;\">1 &lt; 2<br></p>"
/// );
/// ```
///
/// The `>` of a start tag is written when the element's content (or its end) comes, so
/// attributes may follow [`Html::open`] until then. A call out of order is a programming
/// error: debug builds stop on it; release builds keep the output well formed (an attribute
/// after content is dropped, content after a void element's start tag goes after it, a
/// `close` with nothing open does nothing).
#[derive(Debug, Default)]
pub struct Html {
    out: String,
    /// The open elements that take an end tag, innermost last.
    open: Vec<&'static str>,
    /// The start tag last written still takes attributes (no `>` yet).
    in_start: bool,
    /// That start tag is a void element's, which is not in `open`.
    in_void: bool,
    /// A value made in place ([`Html::scratch`]), written escaped by [`Html::scratch_text`]
    /// or [`Html::scratch_attr`]: one buffer for every number, date and name layout formats.
    scratch: String,
}

impl Html {
    /// An empty writer.
    pub fn new() -> Self {
        Html::default()
    }

    /// An empty writer with room for `bytes` of output.
    pub fn with_capacity(bytes: usize) -> Self {
        Html {
            out: String::with_capacity(bytes),
            open: Vec::with_capacity(16),
            in_start: false,
            in_void: false,
            scratch: String::new(),
        }
    }

    /// Opens a `tag` element with the constant attributes `attrs` ([`attrs!`](crate::attrs)).
    /// Every element is ended by [`Html::close`], void ones too (they get no end tag).
    pub fn open(&mut self, tag: &'static str, attrs: Attrs) -> &mut Self {
        self.content();
        self.out.push('<');
        self.out.push_str(tag);
        self.out.push_str(attrs.0);
        self.in_start = true;
        self.in_void = is_void(tag);
        if !self.in_void {
            self.open.push(tag);
        }
        self
    }

    /// Ends the element last opened: its end tag, or nothing more for a void element.
    pub fn close(&mut self) -> &mut Self {
        if self.in_start {
            self.out.push('>');
            self.in_start = false;
            if self.in_void {
                self.in_void = false;
                return self;
            }
        }
        match self.open.pop() {
            Some(tag) => {
                self.out.push_str("</");
                self.out.push_str(tag);
                self.out.push('>');
            }
            None => debug_assert!(false, "close() with no element open"),
        }
        self
    }

    /// `<tag attrs>text</tag>`.
    pub fn leaf(&mut self, tag: &'static str, attrs: Attrs, text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close()
    }

    /// Adds constant attributes ([`attrs!`](crate::attrs)) to the element last opened.
    pub fn attrs(&mut self, attrs: Attrs) -> &mut Self {
        if self.start_tag_open() {
            self.out.push_str(attrs.0);
        }
        self
    }

    /// Adds a constant attribute. URL attributes (they take a [`SafeUrl`]) and event handler
    /// attributes are refused.
    pub fn attr(&mut self, name: &'static str, value: &'static str) -> &mut Self {
        debug_assert!(!is_url_attr(name), "URL attributes take a SafeUrl");
        if allowed(name) {
            self.write_attr(name, value);
        }
        self
    }

    /// Adds a text attribute, escaped. URL attributes and event handler attributes are
    /// refused.
    pub fn text_attr(&mut self, name: &'static str, value: &str) -> &mut Self {
        debug_assert!(!is_url_attr(name), "URL attributes take a SafeUrl");
        if allowed(name) {
            self.write_attr(name, value);
        }
        self
    }

    /// Adds an attribute whose value is the number `n` in decimal digits.
    pub fn num_attr(&mut self, name: &'static str, n: u64) -> &mut Self {
        self.int_attr(name, false, n)
    }

    /// Adds an attribute whose value is the number `n` in decimal digits, `-` first when it
    /// is negative.
    pub fn signed_attr(&mut self, name: &'static str, n: i64) -> &mut Self {
        self.int_attr(name, n < 0, n.unsigned_abs())
    }

    fn int_attr(&mut self, name: &'static str, negative: bool, n: u64) -> &mut Self {
        debug_assert!(!is_url_attr(name), "URL attributes take a SafeUrl");
        if allowed(name) && self.start_tag_open() {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            if negative {
                self.out.push('-');
            }
            crate::text::push_u64(&mut self.out, n);
            self.out.push('"');
        }
        self
    }

    /// Adds a URL attribute.
    pub fn url_attr(&mut self, name: &'static str, url: &SafeUrl) -> &mut Self {
        debug_assert!(!name.starts_with("on"), "no event handler attributes");
        if !name.starts_with("on") {
            self.write_attr(name, url.as_str());
        }
        self
    }

    /// Writes `text`, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.content();
        escape(&mut self.out, text, false);
        self
    }

    /// The scratch buffer, emptied: write a value into it (a number, a date, a name made of
    /// parts), then [`Html::scratch_text`] or [`Html::scratch_attr`] writes it, escaped.
    pub fn scratch(&mut self) -> &mut String {
        self.scratch.clear();
        &mut self.scratch
    }

    /// Writes the scratch buffer ([`Html::scratch`]) as text, escaped.
    pub fn scratch_text(&mut self) -> &mut Self {
        let s = core::mem::take(&mut self.scratch);
        self.text(&s);
        self.scratch = s;
        self
    }

    /// Adds a text attribute whose value is the scratch buffer ([`Html::scratch`]), escaped.
    /// URL attributes and event handler attributes are refused.
    pub fn scratch_attr(&mut self, name: &'static str) -> &mut Self {
        let s = core::mem::take(&mut self.scratch);
        self.text_attr(name, &s);
        self.scratch = s;
        self
    }

    /// Writes the sanitized article body.
    pub fn body(&mut self, body: &Markup) -> &mut Self {
        self.content();
        self.out.push_str(body.as_str());
        self
    }

    /// Closes what is still open and gives the markup.
    pub fn finish(mut self) -> Markup {
        while !self.open.is_empty() {
            self.close();
        }
        Markup(self.out)
    }

    /// Whether an attribute may be written now: the start tag is still open.
    fn start_tag_open(&mut self) -> bool {
        debug_assert!(
            self.in_start,
            "attributes come before the element's content"
        );
        self.in_start
    }

    fn write_attr(&mut self, name: &'static str, value: &str) {
        if self.start_tag_open() {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape(&mut self.out, value, true);
            self.out.push('"');
        }
    }

    /// Content comes: ends the start tag being written (a void element's is then closed: it
    /// holds nothing).
    fn content(&mut self) {
        if self.in_start {
            self.out.push('>');
            self.in_start = false;
            debug_assert!(!self.in_void, "a void element holds nothing");
            self.in_void = false;
        }
    }
}

/// Writes `s` into `out` with `&`, `<` and `>` as references, and `"` too in an attribute value
/// (`quoted`): as `html_escape` writes text and double-quoted attribute values, and as
/// [`entity`] writes constant attributes.
fn escape(out: &mut String, s: &str, quoted: bool) {
    let mut rest = s;
    // A byte search: the four are ASCII, never inside another character's UTF-8 bytes. One
    // test per byte: bit `b` of `special` is set for each byte `b` below 64 to replace.
    let special: u64 = (1 << b'&') | (1 << b'<') | (1 << b'>') | (u64::from(quoted) << b'"');
    while let Some(i) = rest.bytes().position(|b| b < 64 && special >> b & 1 != 0) {
        out.push_str(rest.get(..i).unwrap_or(""));
        out.push_str(match rest.as_bytes().get(i) {
            Some(b'&') => "&amp;",
            Some(b'<') => "&lt;",
            Some(b'>') => "&gt;",
            _ => "&quot;",
        });
        rest = rest.get(i + 1..).unwrap_or("");
    }
    out.push_str(rest);
}

/// Whether an attribute named `name` may be written: not an event handler, not nameless
/// (URL attributes are checked by the callers that take plain text).
fn allowed(name: &str) -> bool {
    debug_assert!(!name.starts_with("on"), "no event handler attributes");
    debug_assert!(!name.is_empty(), "an attribute has a name");
    !name.is_empty() && !is_url_attr(name) && !name.starts_with("on")
}

/// Constant attributes, written as HTML (` class="nv-x" part="x"`) when the crate is
/// compiled: made by [`attrs!`](crate::attrs), which checks them then.
///
/// They are written in the source `name=value` and separated by `;` (`"class=nv-x;part=x"`; a
/// pair with no `=` has the empty value, as in `"type=button;hidden"`). A URL attribute (those
/// take a [`SafeUrl`]), an event handler attribute (`on…`) or a name that is not made of ASCII
/// letters, digits, `-` and `:` stops the build; values are escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attrs(&'static str);

impl Attrs {
    /// No attributes.
    pub const NONE: Attrs = Attrs("");

    /// The attributes as HTML, each with a space before it.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// Whether every pair of `spec` may be written (see [`Attrs`]). For [`attrs!`](crate::attrs).
    #[doc(hidden)]
    pub const fn valid(spec: &str) -> bool {
        let s = spec.as_bytes();
        let mut at = 0;
        while let Some((ns, ne, _, ve)) = next_pair(s, at) {
            if !allowed_name(s, ns, ne) {
                return false;
            }
            at = ve;
        }
        true
    }

    /// The length of [`Attrs::html`] of `spec`. For [`attrs!`](crate::attrs).
    #[doc(hidden)]
    pub const fn html_len(spec: &str) -> usize {
        let s = spec.as_bytes();
        let (mut at, mut len) = (0, 0);
        while let Some((ns, ne, vs, ve)) = next_pair(s, at) {
            if allowed_name(s, ns, ne) {
                // ` name="value"`
                len += 1 + (ne - ns) + 2 + 1;
                let mut i = vs;
                while i < ve {
                    len += match entity(s[i]) {
                        Some(e) => e.len(),
                        None => 1,
                    };
                    i += 1;
                }
            }
            at = ve;
        }
        len
    }

    /// The pairs of `spec` that may be written (see [`Attrs`]) as HTML: ` name="value"`, the
    /// value escaped. For [`attrs!`](crate::attrs).
    #[doc(hidden)]
    pub const fn html<const N: usize>(spec: &str) -> [u8; N] {
        let s = spec.as_bytes();
        let mut out = [0u8; N];
        let (mut at, mut o) = (0, 0);
        while let Some((ns, ne, vs, ve)) = next_pair(s, at) {
            if allowed_name(s, ns, ne) {
                o = put(&mut out, o, b" ");
                let mut i = ns;
                while i < ne {
                    o = put(&mut out, o, &[s[i]]);
                    i += 1;
                }
                o = put(&mut out, o, b"=\"");
                let mut i = vs;
                while i < ve {
                    o = match entity(s[i]) {
                        Some(e) => put(&mut out, o, e.as_bytes()),
                        None => put(&mut out, o, &[s[i]]),
                    };
                    i += 1;
                }
                o = put(&mut out, o, b"\"");
            }
            at = ve;
        }
        out
    }

    /// `html` as attributes when it is exactly what [`Attrs::html`] writes for `spec`, else
    /// none: an `Attrs` only ever holds the checked, escaped form of a spec. For
    /// [`attrs!`](crate::attrs), which keeps `html` in a constant so that it lives for
    /// `'static`.
    #[doc(hidden)]
    pub const fn from_html<const N: usize>(spec: &str, html: &'static [u8; N]) -> Attrs {
        if Attrs::html_len(spec) != N {
            return Attrs::NONE;
        }
        let expected = Attrs::html::<N>(spec);
        let mut i = 0;
        while i < N {
            if expected[i] != html[i] {
                return Attrs::NONE;
            }
            i += 1;
        }
        match core::str::from_utf8(html) {
            Ok(s) => Attrs(s),
            Err(_) => Attrs::NONE,
        }
    }
}

/// Constant attributes for [`Html::open`], written `name=value` and separated by `;`, checked
/// and turned into HTML when the crate is compiled (see [`Attrs`]).
///
/// ```
/// let a = newsview::attrs!("class=nv-x;type=button;hidden");
/// assert_eq!(a.as_str(), " class=\"nv-x\" type=\"button\" hidden=\"\"");
/// ```
///
/// ```compile_fail
/// let a = newsview::attrs!("class=x;href=javascript:alert(1)"); // a URL takes a SafeUrl
/// ```
///
/// ```compile_fail
/// let a = newsview::attrs!("onclick=alert(1)"); // no event handler attributes
/// ```
#[macro_export]
macro_rules! attrs {
    ($spec:literal) => {{
        const SPEC: &str = $spec;
        const _: () = assert!(
            $crate::view::Attrs::valid(SPEC),
            concat!(
                "constant attributes refused (a URL, on*, or a bad name): ",
                $spec
            )
        );
        const LEN: usize = $crate::view::Attrs::html_len(SPEC);
        const HTML: [u8; LEN] = $crate::view::Attrs::html::<LEN>(SPEC);
        const ATTRS: $crate::view::Attrs = $crate::view::Attrs::from_html::<LEN>(SPEC, &HTML);
        ATTRS
    }};
}

/// The next `name=value` pair of `s` from byte `at` (empty pairs skipped): the byte ranges of
/// its name and value; the value ends at the `;` after it or at the end.
const fn next_pair(s: &[u8], mut at: usize) -> Option<(usize, usize, usize, usize)> {
    while at < s.len() && s[at] == b';' {
        at += 1;
    }
    if at >= s.len() {
        return None;
    }
    let ns = at;
    while at < s.len() && s[at] != b'=' && s[at] != b';' {
        at += 1;
    }
    let ne = at;
    if at < s.len() && s[at] == b'=' {
        at += 1;
    }
    let vs = at;
    while at < s.len() && s[at] != b';' {
        at += 1;
    }
    Some((ns, ne, vs, at))
}

/// Whether the name `s[ns..ne]` may be written as a constant attribute: ASCII letters, digits,
/// `-` and `:`; not `on…`; not a URL attribute.
const fn allowed_name(s: &[u8], ns: usize, ne: usize) -> bool {
    if ne <= ns {
        return false;
    }
    let mut i = ns;
    while i < ne {
        if !(s[i].is_ascii_alphanumeric() || s[i] == b'-' || s[i] == b':') {
            return false;
        }
        i += 1;
    }
    if ne - ns >= 2 && s[ns] == b'o' && s[ns + 1] == b'n' {
        return false;
    }
    let mut k = 0;
    while k < URL_ATTRS.len() {
        if bytes_eq(s, ns, ne, URL_ATTRS[k].as_bytes()) {
            return false;
        }
        k += 1;
    }
    true
}

/// The names [`is_url_attr`] matches, for the checks made at compile time.
const URL_ATTRS: [&str; 8] = [
    "href",
    "src",
    "poster",
    "srcset",
    "action",
    "formaction",
    "xlink:href",
    "data",
];

const fn bytes_eq(s: &[u8], start: usize, end: usize, lit: &[u8]) -> bool {
    if end - start != lit.len() {
        return false;
    }
    let mut k = 0;
    while k < lit.len() {
        if s[start + k] != lit[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// The reference `b` is written as in a double-quoted attribute value (as `html_escape`
/// writes it), if it is one of the four that need one.
const fn entity(b: u8) -> Option<&'static str> {
    match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        _ => None,
    }
}

/// Writes `bytes` into `out` from `at` (what does not fit is left out); the end.
const fn put<const N: usize>(out: &mut [u8; N], mut at: usize, bytes: &[u8]) -> usize {
    let mut k = 0;
    while k < bytes.len() {
        if at < N {
            out[at] = bytes[k];
        }
        at += 1;
        k += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(write: impl FnOnce(&mut Html)) -> String {
        let mut h = Html::new();
        write(&mut h);
        h.finish().into_string()
    }

    #[test]
    fn text_is_escaped() {
        let out = html(|h| {
            h.leaf("p", attrs!(""), "<script>alert(1)</script> & more");
        });
        assert_eq!(
            out,
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"
        );
    }

    /// The writer's own escaping writes what `html_escape` writes, for text and for
    /// double-quoted attribute values.
    #[test]
    fn escaping_agrees_with_html_escape() {
        for s in [
            "",
            "plain",
            "&",
            "<>\"'&",
            "a&b<c>d\"e'f",
            "中文&<标题>\"引号\"",
            "&&&<<<>>>\"\"\"",
            "trailing<",
            "\u{a0}\r\n&amp;",
        ] {
            let (mut text, mut attr) = (String::new(), String::new());
            escape(&mut text, s, false);
            escape(&mut attr, s, true);
            let (mut want_text, mut want_attr) = (String::new(), String::new());
            html_escape::encode_text_to_string(s, &mut want_text);
            html_escape::encode_double_quoted_attribute_to_string(s, &mut want_attr);
            assert_eq!(text, want_text, "{s:?}");
            assert_eq!(attr, want_attr, "{s:?}");
        }
    }

    /// What is made in the scratch buffer is written escaped, as text or attribute value, and
    /// each use starts from an empty buffer.
    #[test]
    fn the_scratch_buffer_is_written_escaped() {
        let out = html(|h| {
            h.open("p", attrs!(""));
            h.scratch().push_str("a\"<b>");
            h.scratch_attr("title");
            h.scratch().push_str("&1");
            h.scratch_text().close();
        });
        assert_eq!(out, "<p title=\"a&quot;&lt;b&gt;\">&amp;1</p>");
    }

    #[test]
    fn attribute_values_are_escaped() {
        let out = html(|h| {
            h.open("span", attrs!(""))
                .text_attr("title", "\"><img src=x onerror=alert(1)>")
                .close();
        });
        assert_eq!(
            out,
            "<span title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"></span>"
        );
    }

    #[test]
    fn attrs_hold_only_the_escaped_form_of_a_spec() {
        const SPEC: &str = "class=a&b;title=x";
        const GOOD: [u8; 26] = *b" class=\"a&amp;b\" title=\"x\"";
        const RAW: [u8; 26] = *b"><script>alert(1)</script>";
        assert_eq!(Attrs::html_len(SPEC), GOOD.len());
        assert_eq!(
            Attrs::from_html::<26>(SPEC, &GOOD).as_str(),
            " class=\"a&amp;b\" title=\"x\""
        );
        // Bytes that are not what the spec escapes to give no attributes.
        assert_eq!(Attrs::from_html::<26>(SPEC, &RAW), Attrs::NONE);
        const SHORT: [u8; 9] = *b" class=\"\"";
        assert_eq!(Attrs::from_html::<9>(SPEC, &SHORT), Attrs::NONE);
    }

    #[test]
    fn constant_attributes_are_written_in_order() {
        let out = html(|h| {
            h.open("button", attrs!("class=nv-x;type=button;;hidden="))
                .attr("aria-pressed", "false")
                .attrs(attrs!("data-a=1;data-b;viewBox=0 0 24 24"))
                .num_attr("data-n", 1205)
                .signed_attr("data-s", -42)
                .text("x")
                .close();
        });
        assert_eq!(
            out,
            "<button class=\"nv-x\" type=\"button\" hidden=\"\" aria-pressed=\"false\" \
             data-a=\"1\" data-b=\"\" viewBox=\"0 0 24 24\" data-n=\"1205\" data-s=\"-42\">x</button>"
        );
        // Values are escaped, and written as `html_escape` writes them at run time.
        let spec = "title=a&b<c>\"d\";data-x=1=2";
        let mut escaped = String::new();
        html_escape::encode_double_quoted_attribute_to_string("a&b<c>\"d\"", &mut escaped);
        assert_eq!(
            attrs!("title=a&b<c>\"d\";data-x=1=2").as_str(),
            format!(" title=\"{escaped}\" data-x=\"1=2\"")
        );
        assert!(Attrs::valid(spec));
    }

    /// `attrs!` stops the build on a URL attribute, an event handler or a bad name (the
    /// `compile_fail` examples of [`attrs!`](crate::attrs)); the functions it runs at compile
    /// time refuse them, and, called at run time, leave such pairs out.
    #[test]
    fn constant_attributes_refuse_urls_handlers_and_bad_names() {
        for spec in [
            "href=javascript:alert(1)",
            "class=x;src=y",
            "srcset=a",
            "xlink:href=a",
            "onclick=alert(1)",
            "onerror",
            "=x",
            "a b=1",
            "x\"=1",
            "x>=1",
        ] {
            assert!(!Attrs::valid(spec), "{spec}");
        }
        for spec in ["", ";", "class=x", "hidden", "aria-hidden=true;data-nv-qr="] {
            assert!(Attrs::valid(spec), "{spec}");
        }
        const SPEC: &str = "class=x;href=javascript:alert(1);onclick=y;rel=z";
        const LEN: usize = Attrs::html_len(SPEC);
        let html = Attrs::html::<LEN>(SPEC);
        assert_eq!(&html[..], b" class=\"x\" rel=\"z\"");
    }

    #[test]
    fn void_elements_have_no_end_tag() {
        let out = html(|h| {
            h.open("p", attrs!(""))
                .open("br", attrs!(""))
                .close()
                .text("x")
                .close();
        });
        assert_eq!(out, "<p><br>x</p>");
        let out = html(|h| {
            h.open("img", attrs!("class=a")).attr("alt", "").close();
        });
        assert_eq!(out, "<img class=\"a\" alt=\"\">");
    }

    #[test]
    fn url_attributes_take_a_safe_url() {
        let url = crate::url::check(
            "https://example.com/a?b=1&c=\"2\"",
            crate::url::UrlContext::Absolute,
        )
        .expect("an allowed URL");
        let out = html(|h| {
            h.open("a", attrs!(""))
                .url_attr("href", &url)
                .text("x")
                .close();
        });
        assert_eq!(
            out,
            format!(
                "<a href=\"{}\">x</a>",
                url.as_str().replace('&', "&amp;").replace('"', "&quot;")
            )
        );
        assert!(out.starts_with("<a href=\"https://example.com/a?b=1&amp;c="));
    }

    /// A URL attribute given as plain text is a programming error: debug builds stop on it,
    /// release builds drop the attribute instead of writing an unchecked URL.
    #[test]
    #[cfg_attr(
        debug_assertions,
        should_panic(expected = "URL attributes take a SafeUrl")
    )]
    fn url_attributes_refuse_plain_text() {
        let out = html(|h| {
            h.open("a", attrs!(""))
                .text_attr("href", "javascript:alert(1)")
                .close();
        });
        assert_eq!(out, "<a></a>");
    }

    /// Event handler attributes are never written.
    #[test]
    #[cfg_attr(
        debug_assertions,
        should_panic(expected = "no event handler attributes")
    )]
    fn event_handler_attributes_are_refused() {
        let out = html(|h| {
            h.open("b", attrs!(""))
                .text_attr("onerror", "alert(1)")
                .close();
        });
        assert_eq!(out, "<b></b>");
    }

    /// An attribute after the element's content cannot be written in its start tag: debug
    /// builds stop on it, release builds drop it.
    #[test]
    #[cfg_attr(
        debug_assertions,
        should_panic(expected = "attributes come before the element's content")
    )]
    fn attributes_after_content_are_refused() {
        let out = html(|h| {
            h.open("p", attrs!(""))
                .text("x")
                .attr("class", "late")
                .close();
        });
        assert_eq!(out, "<p>x</p>");
    }

    #[test]
    fn the_body_takes_the_sanitized_markup() {
        let body = Markup::from_trusted("<p>clean</p>".to_owned());
        let out = html(|h| {
            h.open("div", attrs!("class=nv-body")).body(&body).close();
        });
        assert_eq!(out, "<div class=\"nv-body\"><p>clean</p></div>");
    }

    /// `finish` closes what is still open, innermost first, however deep: no recursion.
    #[test]
    fn nested_elements_are_closed_in_order() {
        let out = html(|h| {
            h.open("div", attrs!(""));
            for _ in 0..100_000 {
                h.open("span", attrs!(""));
            }
            h.leaf("b", attrs!(""), "leaf");
            for _ in 0..99_999 {
                h.close();
            }
            h.text("tail");
        });
        assert!(out.starts_with("<div><span><span>"));
        assert!(out.contains("<span><b>leaf</b></span>"));
        assert!(out.ends_with("</span></span>tail</span></div>"));
        assert_eq!(out.matches("<span>").count(), 100_000);
        assert_eq!(out.matches("</span>").count(), 100_000);
    }
}
