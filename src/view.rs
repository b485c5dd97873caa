//! The view tree: what layout produces and what the DOM layer mounts or the writer turns into
//! an HTML string.
//!
//! Element and attribute names are `&'static str` chosen by this crate, never by input. Text
//! (in text nodes and attribute values) is stored as plain text and escaped by the writer, or
//! set through the DOM's text APIs. URL attributes take only a [`SafeUrl`].

use crate::url::SafeUrl;

/// An attribute value.
#[derive(Debug, Clone, PartialEq)]
pub enum AttrValue {
    /// A constant chosen by this crate.
    Static(&'static str),
    /// Plain text (possibly from the article); escaped when written.
    Text(String),
    /// A URL that passed the URL policy.
    Url(SafeUrl),
}

impl AttrValue {
    /// The value as text.
    pub fn as_str(&self) -> &str {
        match self {
            AttrValue::Static(s) => s,
            AttrValue::Text(s) => s,
            AttrValue::Url(u) => u.as_str(),
        }
    }
}

/// Attributes that load or navigate: they may only carry a [`SafeUrl`].
pub fn is_url_attr(name: &str) -> bool {
    matches!(
        name,
        "href" | "src" | "poster" | "srcset" | "action" | "formaction" | "xlink:href" | "data"
    )
}

/// An element of the view.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Tag name (lower case, from this crate).
    pub tag: &'static str,
    /// Constant attributes chosen by this crate, written `name=value` and separated by `;`,
    /// which come first: kept as written (no allocation per element) and read through
    /// [`Element::static_attrs`], which drops what [`Element::attr`] refuses.
    pub statics: &'static str,
    /// The other attributes, in order, after [`Element::statics`].
    pub attrs: Vec<(&'static str, AttrValue)>,
    /// Children.
    pub children: Vec<Node>,
}

/// A node of the view.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Plain text.
    Text(String),
    /// Where the sanitized article body goes. The DOM layer puts the sanitized fragment here;
    /// the HTML writer writes the sanitized tree.
    BodySlot,
}

impl Element {
    /// A new element with no attributes or children.
    pub fn new(tag: &'static str) -> Self {
        Element {
            tag,
            statics: "",
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// A new element with the constant attributes `attrs`, written `name=value` and separated
    /// by `;` (e.g. `"class=nv-x;part=x"`); see [`Element::attrs`].
    pub fn with(tag: &'static str, attrs: &'static str) -> Self {
        Element::new(tag).attrs(attrs)
    }

    /// Adds a constant attribute.
    pub fn attr(mut self, name: &'static str, value: &'static str) -> Self {
        self.push_static(name, value);
        self
    }

    /// Adds constant attributes written `name=value` and separated by `;`, in order (e.g.
    /// `"type=button;hidden="`). Each is checked as [`Element::attr`] checks it: URL
    /// attributes are refused.
    pub fn attrs(mut self, attrs: &'static str) -> Self {
        if cfg!(debug_assertions) {
            for (name, _) in static_pairs(attrs) {
                debug_assert!(!is_url_attr(name), "URL attributes take a SafeUrl");
                debug_assert!(!name.starts_with("on"), "no event handler attributes");
                debug_assert!(!name.is_empty(), "an attribute has a name");
            }
        }
        // The first attributes of an element (most elements have only these) stay as written;
        // later ones are pushed after what is there, in order.
        if self.statics.is_empty() && self.attrs.is_empty() {
            self.statics = attrs;
        } else {
            for (name, value) in static_pairs(attrs) {
                self.push_static(name, value);
            }
        }
        self
    }

    fn push_static(&mut self, name: &'static str, value: &'static str) {
        debug_assert!(!is_url_attr(name), "URL attributes take a SafeUrl");
        debug_assert!(!name.starts_with("on"), "no event handler attributes");
        debug_assert!(!name.is_empty(), "an attribute has a name");
        if allowed_static(name) {
            self.attrs.push((name, AttrValue::Static(value)));
        }
    }

    /// Adds a text attribute (escaped when written). URL attributes are refused.
    pub fn text_attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        debug_assert!(!is_url_attr(name), "URL attributes take a SafeUrl");
        debug_assert!(!name.starts_with("on"), "no event handler attributes");
        if !is_url_attr(name) {
            self.attrs.push((name, AttrValue::Text(value.into())));
        }
        self
    }

    /// Adds a URL attribute.
    pub fn url_attr(mut self, name: &'static str, url: &SafeUrl) -> Self {
        self.attrs.push((name, AttrValue::Url(url.clone())));
        self
    }

    /// Appends a child.
    pub fn child(mut self, node: impl Into<Node>) -> Self {
        self.children.push(node.into());
        self
    }

    /// Appends a text child.
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.children.push(Node::Text(text.into()));
        self
    }

    /// Appends children.
    pub fn children(mut self, nodes: impl IntoIterator<Item = Node>) -> Self {
        self.children.extend(nodes);
        self
    }

    /// Appends a child when there is one.
    pub fn maybe(mut self, node: Option<impl Into<Node>>) -> Self {
        if let Some(n) = node {
            self.children.push(n.into());
        }
        self
    }

    /// The constant attributes of [`Element::statics`] as `(name, value)`, in order; one that
    /// [`Element::attr`] would refuse (a URL or event handler attribute) is left out.
    pub fn static_attrs(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        static_pairs(self.statics).filter(|(name, _)| allowed_static(name))
    }

    /// The value of attribute `name`.
    pub fn get_attr(&self, name: &str) -> Option<&str> {
        match self.static_attrs().find(|(n, _)| *n == name) {
            Some((_, v)) => Some(v),
            None => self
                .attrs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str()),
        }
    }
}

/// Whether a constant attribute may be written: not a URL attribute (those take a
/// [`SafeUrl`]), not an event handler, not nameless.
fn allowed_static(name: &str) -> bool {
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

impl From<Element> for Node {
    fn from(e: Element) -> Node {
        Node::Element(e)
    }
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

/// HTML text that is safe to insert: made only by [`write_html`] (escaping) or by the
/// sanitizer's serializer.
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

/// Writes `node` as HTML; `body` is written at [`Node::BodySlot`].
pub fn write_html(node: &Node, body: Option<&Markup>) -> Markup {
    // An article's markup is some tens of KB besides its body: one allocation, not a dozen.
    let mut out = String::with_capacity(body.map_or(0, |b| b.as_str().len()) + 16 * 1024);
    write_node(&mut out, node, body);
    Markup(out)
}

fn write_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    html_escape::encode_double_quoted_attribute_to_string(value, out);
    out.push('"');
}

fn write_node(out: &mut String, node: &Node, body: Option<&Markup>) {
    // Iterative, so that no view depth can overflow the stack.
    enum Step<'a> {
        Open(&'a Node),
        Close(&'static str),
    }
    let mut stack = vec![Step::Open(node)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Close(tag) => {
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
            Step::Open(Node::Text(t)) => {
                html_escape::encode_text_to_string(t, out);
            }
            Step::Open(Node::BodySlot) => {
                if let Some(b) = body {
                    out.push_str(b.as_str());
                }
            }
            Step::Open(Node::Element(e)) => {
                out.push('<');
                out.push_str(e.tag);
                for (name, value) in e.static_attrs() {
                    write_attr(out, name, value);
                }
                for (name, value) in &e.attrs {
                    write_attr(out, name, value.as_str());
                }
                out.push('>');
                if !is_void(e.tag) {
                    stack.push(Step::Close(e.tag));
                    for child in e.children.iter().rev() {
                        stack.push(Step::Open(child));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(node: impl Into<Node>) -> String {
        write_html(&node.into(), None).into_string()
    }

    #[test]
    fn text_is_escaped() {
        let p = Element::new("p").text("<script>alert(1)</script> & more");
        assert_eq!(
            html(p),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"
        );
    }

    #[test]
    fn attribute_values_are_escaped() {
        let el = Element::new("span").text_attr("title", "\"><img src=x onerror=alert(1)>");
        assert_eq!(
            html(el),
            "<span title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"></span>"
        );
    }

    #[test]
    fn void_elements_have_no_end_tag() {
        let el = Element::new("p").child(Element::new("br")).text("x");
        assert_eq!(html(el), "<p><br>x</p>");
    }

    /// A URL attribute given as plain text is a programming error: debug builds stop on it,
    /// release builds drop the attribute instead of writing an unchecked URL.
    #[test]
    #[cfg_attr(
        debug_assertions,
        should_panic(expected = "URL attributes take a SafeUrl")
    )]
    fn url_attributes_refuse_plain_text() {
        let el = Element::new("a").text_attr("href", "javascript:alert(1)");
        assert_eq!(html(el), "<a></a>");
    }

    #[test]
    fn body_slot_takes_the_sanitized_markup() {
        let body = Markup::from_trusted("<p>clean</p>".to_owned());
        let view: Node = Element::new("div").child(Node::BodySlot).into();
        assert_eq!(
            write_html(&view, Some(&body)).as_str(),
            "<div><p>clean</p></div>"
        );
    }

    #[test]
    fn nested_views_are_written_in_order() {
        let mut node: Node = Element::new("b").text("leaf").into();
        for _ in 0..1000 {
            node = Element::new("span").child(node).into();
        }
        let out = html(Element::new("div").child(node).text("tail"));
        assert!(out.starts_with("<div><span><span>"));
        assert!(out.contains("<span><b>leaf</b></span>"));
        assert!(out.ends_with("</span></span>tail</div>"));
        assert_eq!(out.matches("<span>").count(), 1000);
    }
}
