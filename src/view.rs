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
/// use newsview::view::Html;
/// let mut h = Html::new();
/// h.open("p", "class=nv-x;part=x").text_attr("title", "a \"b\"");
/// h.text("1 < 2").open("br", "").close();
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
/// after content is dropped, content in a void element closes it first, a `close` with
/// nothing open does nothing).
#[derive(Debug, Default)]
pub struct Html {
    out: String,
    /// The open elements, innermost last.
    open: Vec<&'static str>,
    /// The start tag of the innermost open element still takes attributes (no `>` yet).
    in_start: bool,
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
        }
    }

    /// Opens a `tag` element with the constant attributes `statics`, written `name=value` and
    /// separated by `;` (e.g. `"class=nv-x;part=x"`; see [`Html::attrs`]). Every element is
    /// ended by [`Html::close`], void ones too (they get no end tag).
    pub fn open(&mut self, tag: &'static str, statics: &'static str) -> &mut Self {
        self.content();
        self.out.push('<');
        self.out.push_str(tag);
        self.open.push(tag);
        self.in_start = true;
        self.attrs(statics)
    }

    /// Ends the element last opened: its end tag, or nothing more for a void element.
    pub fn close(&mut self) -> &mut Self {
        if self.in_start {
            self.out.push('>');
            self.in_start = false;
        }
        match self.open.pop() {
            Some(tag) if !is_void(tag) => {
                self.out.push_str("</");
                self.out.push_str(tag);
                self.out.push('>');
            }
            Some(_) => {}
            None => debug_assert!(false, "close() with no element open"),
        }
        self
    }

    /// `<tag statics>text</tag>`.
    pub fn leaf(&mut self, tag: &'static str, statics: &'static str, text: &str) -> &mut Self {
        self.open(tag, statics).text(text).close()
    }

    /// Adds constant attributes written `name=value` and separated by `;`, in order (e.g.
    /// `"type=button;hidden="`; a pair with no `=` has the empty value). Each is checked as
    /// [`Html::attr`] checks it.
    pub fn attrs(&mut self, statics: &'static str) -> &mut Self {
        for (name, value) in static_pairs(statics) {
            self.attr(name, value);
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
        html_escape::encode_text_to_string(text, &mut self.out);
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
            html_escape::encode_double_quoted_attribute_to_string(value, &mut self.out);
            self.out.push('"');
        }
    }

    /// Content comes: ends the start tag being written, and closes it if it is a void
    /// element's (which holds nothing).
    fn content(&mut self) {
        if self.in_start {
            self.out.push('>');
            self.in_start = false;
            if self.open.last().is_some_and(|t| is_void(t)) {
                debug_assert!(false, "a void element holds nothing");
                self.open.pop();
            }
        }
    }
}

/// Whether an attribute named `name` may be written: not an event handler, not nameless
/// (URL attributes are checked by the callers that take plain text).
fn allowed(name: &str) -> bool {
    debug_assert!(!name.starts_with("on"), "no event handler attributes");
    debug_assert!(!name.is_empty(), "an attribute has a name");
    !name.is_empty() && !is_url_attr(name) && !name.starts_with("on")
}

/// The `name=value` pairs of constant attributes written `name=value;name=value` (a pair with
/// no `=` has the empty value).
fn static_pairs(attrs: &'static str) -> StaticPairs {
    StaticPairs(attrs)
}

/// The iterator of [`static_pairs`]: a byte scan, since every element of every render is
/// written through it.
struct StaticPairs(&'static str);

impl Iterator for StaticPairs {
    type Item = (&'static str, &'static str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.0.is_empty() {
                return None;
            }
            let rest = self.0;
            let end = rest.bytes().position(|b| b == b';').unwrap_or(rest.len());
            let (pair, tail) = rest.split_at(end);
            self.0 = tail.get(1..).unwrap_or("");
            if pair.is_empty() {
                continue;
            }
            // `;` and `=` are ASCII: the splits fall on char boundaries.
            return Some(match pair.bytes().position(|b| b == b'=') {
                Some(eq) => (&pair[..eq], &pair[eq + 1..]),
                None => (pair, ""),
            });
        }
    }
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
            h.leaf("p", "", "<script>alert(1)</script> & more");
        });
        assert_eq!(
            out,
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"
        );
    }

    #[test]
    fn attribute_values_are_escaped() {
        let out = html(|h| {
            h.open("span", "")
                .text_attr("title", "\"><img src=x onerror=alert(1)>")
                .close();
        });
        assert_eq!(
            out,
            "<span title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"></span>"
        );
    }

    #[test]
    fn constant_attributes_are_written_in_order() {
        let out = html(|h| {
            h.open("button", "class=nv-x;type=button;;hidden=")
                .attr("aria-pressed", "false")
                .attrs("data-a=1;data-b")
                .num_attr("data-n", 1205)
                .signed_attr("data-s", -42)
                .text("x")
                .close();
        });
        assert_eq!(
            out,
            "<button class=\"nv-x\" type=\"button\" hidden=\"\" aria-pressed=\"false\" \
             data-a=\"1\" data-b=\"\" data-n=\"1205\" data-s=\"-42\">x</button>"
        );
    }

    #[test]
    fn void_elements_have_no_end_tag() {
        let out = html(|h| {
            h.open("p", "").open("br", "").close().text("x").close();
        });
        assert_eq!(out, "<p><br>x</p>");
        let out = html(|h| {
            h.open("img", "class=a").attr("alt", "").close();
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
            h.open("a", "").url_attr("href", &url).text("x").close();
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
            h.open("a", "")
                .text_attr("href", "javascript:alert(1)")
                .close();
        });
        assert_eq!(out, "<a></a>");
    }

    /// So are URL attributes among the constant ones.
    #[test]
    #[cfg_attr(
        debug_assertions,
        should_panic(expected = "URL attributes take a SafeUrl")
    )]
    fn constant_url_attributes_are_refused() {
        let out = html(|h| {
            h.open("a", "class=x;href=javascript:alert(1);rel=y")
                .close();
        });
        assert_eq!(out, "<a class=\"x\" rel=\"y\"></a>");
    }

    /// Event handler attributes are never written.
    #[test]
    #[cfg_attr(
        debug_assertions,
        should_panic(expected = "no event handler attributes")
    )]
    fn event_handler_attributes_are_refused() {
        let out = html(|h| {
            h.open("b", "onclick=alert(1)")
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
            h.open("p", "").text("x").attr("class", "late").close();
        });
        assert_eq!(out, "<p>x</p>");
    }

    #[test]
    fn the_body_takes_the_sanitized_markup() {
        let body = Markup::from_trusted("<p>clean</p>".to_owned());
        let out = html(|h| {
            h.open("div", "class=nv-body").body(&body).close();
        });
        assert_eq!(out, "<div class=\"nv-body\"><p>clean</p></div>");
    }

    /// `finish` closes what is still open, innermost first, however deep: no recursion.
    #[test]
    fn nested_elements_are_closed_in_order() {
        let out = html(|h| {
            h.open("div", "");
            for _ in 0..100_000 {
                h.open("span", "");
            }
            h.leaf("b", "", "leaf");
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
