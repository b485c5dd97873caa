//! The sanitizer over the browser's own DOM: untrusted HTML is parsed by the browser into an
//! inert document, the core policy ([`crate::sanitize::sanitize`]) runs over those live nodes
//! in place, and the clean nodes are moved (never serialized and parsed again) into a
//! `DocumentFragment` of the page's document.
//!
//! # Why these bindings
//!
//! * **Inert parsing.** The HTML goes into the `<body>` of a document made by
//!   `document.implementation.createHTMLDocument()`: it has no browsing context, so nothing in it
//!   runs and nothing loads (no script, no `onerror`, no image fetch) while it is judged.
//! * **No clobbering.** A `<form>` in the input gets named properties from its controls
//!   (`<input name="nodeName">` shadows `form.nodeName`, and so on), and a document gets them
//!   from its named elements. Every DOM call here is therefore imported `final`: the JS glue calls
//!   the prototype's own getter or method (`Node.prototype.nextSibling`'s getter `.call(node)`),
//!   which no instance property can shadow.
//! * **Few boundary calls.** Node handles are kept on the Rust side (an index into a vector of
//!   nodes), the element kind, namespace and name come from one `nodeName` call (upper case for
//!   HTML elements of an HTML document, as is for SVG and MathML ones, `#text`/`#comment` for the
//!   rest), attribute names come in one joined string, and unwrapping or replacing an element is
//!   a constant number of calls whatever its number of children.
//! * **Trusted Types.** Under `require-trusted-types-for 'script'`, `innerHTML` takes only a
//!   `TrustedHTML`. When `trustedTypes` exists, one policy named `newsview` is made, once, with
//!   `createHTML` returning its input unchanged. It is passed exactly two kinds of string: the
//!   untrusted body, whose only sink is the inert document's `<body>` (its nodes are sanitized
//!   before anything reaches the page), and the component's own view as a [`crate::view::Markup`]
//!   written by the escaping writer (`mount`), whose sink is the view's root. The policy object
//!   stays in a private JS module scope (made once per page, kept across a restart of the wasm
//!   module after a trap) and is never exposed. A host whose CSP has a `trusted-types`
//!   directive must list `newsview` in it.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::DocumentFragment;

use crate::sanitize::{self, HtmlTree, NodeKind, Policy, Report};

#[wasm_bindgen]
extern "C" {
    /// `Node`, declared here so that its methods can be imported `final`.
    #[wasm_bindgen(js_name = Node)]
    type RawNode;
    /// `Element`, likewise.
    #[wasm_bindgen(js_name = Element)]
    type RawElement;
    /// `Document`, likewise.
    #[wasm_bindgen(js_name = Document)]
    type RawDocument;
    /// `Array`, likewise.
    #[wasm_bindgen(js_name = Array)]
    type RawArray;
    /// `DOMImplementation`, likewise.
    #[wasm_bindgen(js_name = DOMImplementation)]
    type RawDomImplementation;

    #[wasm_bindgen(catch, method, final, getter, js_class = "Node", js_name = nodeName)]
    fn nv_node_name(this: &RawNode) -> Result<String, JsValue>;
    #[wasm_bindgen(catch, method, final, getter, js_class = "Node", js_name = firstChild)]
    fn nv_first_child(this: &RawNode) -> Result<Option<RawNode>, JsValue>;
    #[wasm_bindgen(catch, method, final, getter, js_class = "Node", js_name = nextSibling)]
    fn nv_next_sibling(this: &RawNode) -> Result<Option<RawNode>, JsValue>;
    #[wasm_bindgen(catch, method, final, getter, js_class = "Node", js_name = childNodes)]
    fn nv_child_nodes(this: &RawNode) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, method, final, js_class = "Node", js_name = removeChild)]
    fn nv_remove_child(this: &RawNode, child: &RawNode) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, method, final, js_class = "Node", js_name = insertBefore)]
    fn nv_insert_before(
        this: &RawNode,
        node: &RawNode,
        child: &RawNode,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, method, final, js_class = "Node", js_name = replaceChild)]
    fn nv_replace_child(
        this: &RawNode,
        node: &RawNode,
        child: &RawNode,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, method, final, js_class = "Element", js_name = hasAttributes)]
    fn nv_has_attributes(this: &RawElement) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, method, final, js_class = "Element", js_name = getAttributeNames)]
    fn nv_get_attribute_names(this: &RawElement) -> Result<RawArray, JsValue>;
    #[wasm_bindgen(catch, method, final, js_class = "Element", js_name = getAttribute)]
    fn nv_get_attribute(this: &RawElement, name: &str) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(catch, method, final, js_class = "Element", js_name = setAttribute)]
    fn nv_set_attribute(this: &RawElement, name: &str, value: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, method, final, js_class = "Element", js_name = removeAttribute)]
    fn nv_remove_attribute(this: &RawElement, name: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, method, final, variadic, js_class = "Element", js_name = before)]
    fn nv_before(this: &RawElement, nodes: &Array) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, method, final, variadic, js_class = "Element", js_name = append)]
    fn nv_append(this: &RawElement, nodes: &Array) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, method, final, variadic, js_class = "DocumentFragment", js_name = append)]
    fn nv_fragment_append(this: &RawNode, nodes: &Array) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, final, js_class = "Document", js_name = createElement)]
    fn nv_create_element(this: &RawDocument, tag: &str) -> Result<RawNode, JsValue>;

    #[wasm_bindgen(catch, method, final, getter, js_class = "Document", js_name = implementation)]
    fn nv_implementation(this: &RawDocument) -> Result<RawDomImplementation, JsValue>;
    #[wasm_bindgen(catch, method, final, getter, js_class = "Document", js_name = body)]
    fn nv_body(this: &RawDocument) -> Result<Option<RawNode>, JsValue>;
    #[wasm_bindgen(
        catch,
        method,
        final,
        js_class = "DOMImplementation",
        js_name = createHTMLDocument
    )]
    fn nv_create_html_document(this: &RawDomImplementation) -> Result<RawDocument, JsValue>;

    #[wasm_bindgen(catch, method, final, js_class = "Array", js_name = join)]
    fn nv_join(this: &RawArray, separator: &str) -> Result<String, JsValue>;
}

/// [`HtmlTree`] over the live nodes of an inert document. Handles are indices into `nodes`.
/// Any failed call sets `failed`; the caller then discards the whole tree (fail closed).
struct DomTree {
    doc: RawDocument,
    nodes: Vec<RawNode>,
    failed: bool,
}

impl DomTree {
    fn node(&self, h: usize) -> Option<&RawNode> {
        self.nodes.get(h)
    }

    fn element(&self, h: usize) -> Option<&RawElement> {
        self.nodes.get(h).map(|n| n.unchecked_ref::<RawElement>())
    }

    fn intern(&mut self, node: Option<RawNode>) -> Option<usize> {
        let node = node?;
        self.nodes.push(node);
        Some(self.nodes.len() - 1)
    }

    fn ok<T>(&mut self, r: Result<T, JsValue>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(_) => {
                self.failed = true;
                None
            }
        }
    }

    /// The children of `h` as an array (to move them a chunk per call).
    fn children_array(&mut self, h: usize) -> Option<Array> {
        let node = self.node(h)?;
        let r = RawNode::nv_child_nodes(node);
        let list = self.ok(r)?;
        Some(Array::from(&list))
    }

    /// Calls `place` with the nodes of `nodes` in order, [`CHUNK`] at a time: a variadic DOM
    /// call spreads its array onto the JS stack, which overflows near 100 000 nodes.
    fn in_chunks(&mut self, nodes: &Array, mut place: impl FnMut(&Array) -> Result<(), JsValue>) {
        let len = nodes.length();
        let mut start = 0;
        while start < len {
            let end = len.min(start.saturating_add(CHUNK));
            let r = place(&nodes.slice(start, end));
            if self.ok(r).is_none() {
                return;
            }
            start = end;
        }
    }
}

/// How many nodes one variadic DOM call moves.
const CHUNK: u32 = 4096;

impl HtmlTree for DomTree {
    type Node = usize;

    /// The inert document is built by the browser's HTML parser from the pre-pass's output.
    fn void_elements_are_empty(&self) -> bool {
        true
    }

    fn kind(&mut self, node: usize, name: &mut String) -> NodeKind {
        name.clear();
        let Some(n) = self.node(node) else {
            self.failed = true;
            return NodeKind::Other;
        };
        let r = RawNode::nv_node_name(n);
        let Some(node_name) = self.ok(r) else {
            return NodeKind::Other;
        };
        if node_name == "#text" {
            return NodeKind::Text;
        }
        if node_name.starts_with('#') || node_name.is_empty() {
            return NodeKind::Other;
        }
        // In an HTML document, `nodeName` is upper-cased for HTML elements only; SVG and
        // MathML names come out of the tokenizer lower-cased (some camel-cased), so they
        // always hold an ASCII lower-case letter.
        if node_name.bytes().any(|b| b.is_ascii_lowercase()) {
            name.push_str(&node_name);
            return NodeKind::Foreign;
        }
        for c in node_name.chars() {
            name.push(c.to_ascii_lowercase());
        }
        NodeKind::Element
    }

    fn first_child(&mut self, node: usize) -> Option<usize> {
        let n = self.node(node)?;
        let r = RawNode::nv_first_child(n);
        let child = self.ok(r)?;
        self.intern(child)
    }

    fn next_sibling(&mut self, node: usize) -> Option<usize> {
        let n = self.node(node)?;
        let r = RawNode::nv_next_sibling(n);
        let next = self.ok(r)?;
        self.intern(next)
    }

    fn has_attributes(&mut self, node: usize) -> bool {
        let Some(e) = self.element(node) else {
            return false;
        };
        let r = RawElement::nv_has_attributes(e);
        self.ok(r).unwrap_or(false)
    }

    fn attribute_names(&mut self, node: usize, out: &mut Vec<String>) {
        out.clear();
        let Some(e) = self.element(node) else {
            return;
        };
        let r = RawElement::nv_get_attribute_names(e);
        let Some(names) = self.ok(r) else {
            return;
        };
        // Attribute names never hold ASCII whitespace, so one joined string carries them all.
        let r = RawArray::nv_join(&names, " ");
        if let Some(joined) = self.ok(r) {
            out.extend(
                joined
                    .split(' ')
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned),
            );
        }
    }

    fn attribute(&mut self, node: usize, name: &str) -> Option<String> {
        let e = self.element(node)?;
        let r = RawElement::nv_get_attribute(e, name);
        self.ok(r)?
    }

    fn set_attribute(&mut self, node: usize, name: &str, value: &str) {
        if let Some(e) = self.element(node) {
            let r = RawElement::nv_set_attribute(e, name, value);
            self.ok(r);
        } else {
            self.failed = true;
        }
    }

    fn remove_attribute(&mut self, node: usize, name: &str) {
        if let Some(e) = self.element(node) {
            let r = RawElement::nv_remove_attribute(e, name);
            self.ok(r);
        } else {
            self.failed = true;
        }
    }

    fn remove(&mut self, parent: usize, node: usize) {
        match (self.node(parent), self.node(node)) {
            (Some(p), Some(n)) => {
                let r = RawNode::nv_remove_child(p, n);
                self.ok(r);
            }
            _ => self.failed = true,
        }
    }

    fn unwrap(&mut self, parent: usize, node: usize) {
        let Some(children) = self.children_array(node) else {
            self.failed = true;
            return;
        };
        let Some(e) = self.node(node).map(|n| {
            AsRef::<JsValue>::as_ref(n)
                .clone()
                .unchecked_into::<RawElement>()
        }) else {
            self.failed = true;
            return;
        };
        self.in_chunks(&children, |chunk| RawElement::nv_before(&e, chunk));
        self.remove(parent, node);
    }

    fn move_before(&mut self, parent: usize, node: usize, reference: usize) {
        match (self.node(parent), self.node(node), self.node(reference)) {
            (Some(p), Some(n), Some(r)) => {
                let r = RawNode::nv_insert_before(p, n, r);
                self.ok(r);
            }
            _ => self.failed = true,
        }
    }

    fn replace_with_element(
        &mut self,
        parent: usize,
        node: usize,
        tag: &'static str,
        keep_children: bool,
    ) -> Option<usize> {
        let r = RawDocument::nv_create_element(&self.doc, tag);
        let new = self.ok(r)?;
        if keep_children {
            let children = self.children_array(node)?;
            let target = AsRef::<JsValue>::as_ref(&new)
                .clone()
                .unchecked_into::<RawElement>();
            self.in_chunks(&children, |chunk| RawElement::nv_append(&target, chunk));
        }
        let (p, n) = match (self.node(parent), self.node(node)) {
            (Some(p), Some(n)) => (p, n),
            _ => {
                self.failed = true;
                return None;
            }
        };
        let r = RawNode::nv_replace_child(p, &new, n);
        self.ok(r)?;
        self.nodes.push(new);
        Some(self.nodes.len() - 1)
    }
}

// The `newsview` Trusted Types policy lives in this small module's scope, not in the wasm
// instance: it is made once per page, survives a restart of the module after a trap (a page
// whose CSP lists `trusted-types newsview` allows the name only once), and no page script can
// reach it. Its `createHTML` is plain JS returning its input, so calling it never enters the
// wasm (nor an instance that trapped).
#[wasm_bindgen(
    inline_js = "let p = null;\nexport function nv_trusted_html(tt, html) {\n  p ??= tt.createPolicy('newsview', { createHTML: (s) => s });\n  return p.createHTML(html);\n}\n"
)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn nv_trusted_html(tt: &JsValue, html: &str) -> Result<JsValue, JsValue>;
}

/// The only two kinds of string that may reach an HTML parser through the `newsview` policy.
pub(crate) enum ParserInput<'a> {
    /// The untrusted body as the pre-pass wrote it, bound for the inert document, where it is
    /// sanitized before any of it reaches the page.
    InertBody(&'a crate::sanitize::PreparedBody),
    /// The component's own view, written by the escaping writer.
    View(&'a crate::view::Markup),
}

/// `input` as a `TrustedHTML` from the `newsview` policy when the browser has Trusted Types,
/// else as a plain string. Its type admits nothing but the two kinds of [`ParserInput`].
pub(crate) fn trusted_html(input: ParserInput<'_>) -> Result<JsValue, JsValue> {
    let html = match input {
        ParserInput::InertBody(body) => body.as_str(),
        ParserInput::View(markup) => markup.as_str(),
    };
    let tt = Reflect::get(&js_sys::global(), &JsValue::from_str("trustedTypes"))?;
    if tt.is_undefined() || tt.is_null() {
        return Ok(JsValue::from_str(html));
    }
    nv_trusted_html(&tt, html)
}

/// Parses `html` with the browser's inert parser, runs `policy` over the parsed nodes in place,
/// and moves the clean nodes into a new `DocumentFragment` of the page's document, ready to be
/// inserted. Input larger than the policy's input limit is refused whole: the fragment is empty
/// and the report says `input_too_large`. Any failing DOM call discards everything (`Err`).
pub(crate) fn parse_and_sanitize(
    html: &str,
    policy: &Policy,
) -> Result<(DocumentFragment, Report), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let page = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let out = page.create_document_fragment();
    if html.len() > policy.input_limit() {
        let report = Report {
            input_too_large: true,
            ..Report::default()
        };
        return Ok((out, report));
    }
    let page_raw = page.unchecked_ref::<RawDocument>();
    let inert =
        RawDomImplementation::nv_create_html_document(&RawDocument::nv_implementation(page_raw)?)?;
    let body = RawDocument::nv_body(&inert)?
        .ok_or_else(|| JsValue::from_str("no body in the inert document"))?;
    // One linear pass bounds what the parser will build (depth, nodes, attributes) and keeps
    // handler attributes, raw text and foreign content from it.
    let (html, pre) = sanitize::prepare(html, policy.depth_limit(), policy.node_limit());
    Reflect::set(
        &body,
        &JsValue::from_str("innerHTML"),
        &trusted_html(ParserInput::InertBody(&html))?,
    )?;
    let mut tree = DomTree {
        doc: inert,
        nodes: vec![body],
        failed: false,
    };
    let mut report = sanitize::sanitize(&mut tree, 0, policy);
    report.add_prepass(&pre);
    if tree.failed {
        return Err(JsValue::from_str("sanitizing the body failed"));
    }
    let body = tree
        .nodes
        .first()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    let children = Array::from(&RawNode::nv_child_nodes(body)?);
    let out_node = AsRef::<JsValue>::as_ref(&out)
        .clone()
        .unchecked_into::<RawNode>();
    tree.in_chunks(&children, |chunk| {
        RawNode::nv_fragment_append(&out_node, chunk)
    });
    if tree.failed {
        return Err(JsValue::from_str("moving the body failed"));
    }
    Ok((out, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn html_of(frag: &DocumentFragment) -> String {
        let doc = web_sys::window().unwrap().document().unwrap();
        let div = doc.create_element("div").unwrap();
        div.append_child(&frag.clone_node_with_deep(true).unwrap())
            .unwrap();
        div.inner_html()
    }

    fn clean(html: &str) -> (String, Report) {
        let (frag, report) = parse_and_sanitize(html, &Policy::default()).unwrap();
        (html_of(&frag), report)
    }

    #[wasm_bindgen_test]
    fn keeps_benign_structure() {
        let (out, report) = clean("<h1 dir=rtl>T</h1><p>a<b>b</b>&nbsp;c</p><ul><li>x</li></ul>");
        assert_eq!(
            out,
            "<h2 dir=\"rtl\">T</h2><p>a<b>b</b>&nbsp;c</p><ul><li>x</li></ul>"
        );
        assert!(!report.removed_anything());
    }

    #[wasm_bindgen_test]
    fn removes_script_handlers_and_bad_urls() {
        let (out, report) = clean(
            "<img src=x onerror=alert(1)><script>alert(2)</script><a href=\"jav&#x09;ascript:alert(3)\">l</a><svg><g onload=alert(4)></g></svg>",
        );
        assert_eq!(
            out,
            "<img src=\"x\" loading=\"lazy\" decoding=\"async\"><a>l</a>"
        );
        assert_eq!(report.removed_urls, 1);
    }

    #[wasm_bindgen_test]
    fn form_clobbering_does_not_confuse_the_walk() {
        let (out, _) = clean(
            "<form><input name=nodeName><input name=firstChild><input name=nextSibling><input name=removeChild><input name=attributes></form><p>after</p>",
        );
        assert_eq!(out, "<p>after</p>");
    }

    #[wasm_bindgen_test]
    fn mutation_xss_shapes_stay_inert() {
        let (out, _) =
            clean("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>");
        assert!(!out.contains("onerror"), "{out}");
        let (out, _) = clean("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>");
        assert!(!out.contains("onerror"), "{out}");
    }

    #[wasm_bindgen_test]
    fn an_undecoded_entity_in_a_json_url_stays_a_harmless_path() {
        // What `url::check` accepts as relative, the browser resolves as a path of the page,
        // whether set through the DOM or written escaped into markup.
        let raw = "javascript&colon;alert(1)";
        assert!(crate::url::check(raw, crate::url::UrlContext::Link).is_some());
        let page_protocol = Reflect::get(
            &web_sys::window().unwrap().location(),
            &JsValue::from_str("protocol"),
        )
        .unwrap()
        .as_string()
        .unwrap();
        assert_eq!(protocol(raw), page_protocol);
        let doc = web_sys::window().unwrap().document().unwrap();
        let div = doc.create_element("div").unwrap();
        div.set_inner_html("<a href=\"javascript&amp;colon;alert(1)\">x</a>");
        let a = div.first_element_child().unwrap();
        let p = Reflect::get(&a, &JsValue::from_str("protocol")).unwrap();
        assert_eq!(p.as_string().unwrap(), page_protocol);
        // Whereas the decoded form is the scheme the policy refuses.
        assert_eq!(protocol("javascript:alert(1)"), "javascript:");
        assert!(crate::url::check("javascript:alert(1)", crate::url::UrlContext::Link).is_none());
    }

    fn resolved(url: &str) -> (String, String, String) {
        let doc = web_sys::window().unwrap().document().unwrap();
        let a = doc.create_element("a").unwrap();
        a.set_attribute("href", url).unwrap();
        let get = |k: &str| {
            Reflect::get(&a, &JsValue::from_str(k))
                .unwrap()
                .as_string()
                .unwrap_or_default()
        };
        (get("protocol"), get("hostname"), get("href"))
    }

    #[wasm_bindgen_test]
    fn the_url_policy_agrees_with_the_browser_parser() {
        use crate::url::{check, UrlContext};
        let page_host = resolved("/").1;
        let vectors = [
            "https://a.com/x",
            "HTTP://A.COM",
            "http:a.com/x",
            "http:/a.com",
            "https:\\\\a.com\\x",
            "//a.com/x",
            "///a.com/x",
            "\\\\a.com/x",
            "/\\a.com/x",
            "\\/a.com/x",
            " \u{1}//a.com",
            "\t//a.com",
            "/\t/a.com",
            "/x?//a.com",
            "#//a.com",
            "x//a.com",
            "./\\a.com",
            "http://a.com\\@b.com/",
            "http://a.com#@b.com",
            "http://a.com?@b.com",
            "http://a.com:8080/x",
            "http://[::1]/x",
            "https://a.com./x",
            "http://A.com:/x",
            "javascript:alert(1)",
            "jav\tascript:alert(1)",
            "\u{1}javascript:x",
            " JaVaScRiPt:x",
            "java\nscript:x",
            "javascript&colon;x",
            "vbscript:x",
            "data:text/html,x",
            "mailto:a@b.c",
            "tel:+1",
            "rel/path",
            "?q",
            "#f",
            "java script:x",
            "a\u{0}b:c",
        ];
        // And random assemblies of the pieces browsers are picky about.
        let pieces = [
            "http",
            "https",
            "HtTpS",
            "javascript",
            "data",
            "mailto",
            ":",
            ":",
            "/",
            "/",
            "\\",
            "\\",
            "\t",
            "\n",
            "\u{1}",
            " ",
            "a.com",
            "B.com",
            "@",
            "?",
            "#",
            ":80",
            "x",
            ".",
            "%2f",
            "[::1]",
            "&colon;",
        ];
        let mut seed: u64 = 0x1234_5678_9abc_def1;
        let mut random: Vec<String> = Vec::new();
        for _ in 0..3000 {
            let mut v = String::new();
            for _ in 0..(2 + seed % 6) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                v.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            random.push(v);
        }
        let mut accepted = 0;
        for v in vectors
            .iter()
            .copied()
            .chain(random.iter().map(String::as_str))
        {
            let (protocol, host, href) = resolved(v);
            let Some(u) = check(v, UrlContext::Link) else {
                continue; // refusing is always safe
            };
            assert!(
                matches!(protocol.as_str(), "http:" | "https:" | "mailto:" | "tel:"),
                "{v:?} accepted but the browser reads {protocol}"
            );
            // The normalised form means the same URL to the browser.
            assert_eq!(
                resolved(u.as_str()).2,
                href,
                "{v:?} normalised to {:?}",
                u.as_str()
            );
            if protocol.starts_with("http") && (host != page_host || u.host().is_some()) {
                assert_eq!(u.host(), Some(host.as_str()), "{v:?}");
            }
            accepted += 1;
        }
        assert!(accepted > 100, "{accepted}");
    }

    #[wasm_bindgen_test]
    fn customized_built_in_values_do_not_survive() {
        // The serializer writes an element's `is` value even without the attribute, so this
        // shows whether the value went with the element it was fixed on.
        let (out, _) = clean("<p is=\"x-evil\" title=\"t\">x</p><h1 is=\"x-h\">h</h1>");
        assert_eq!(out, "<p title=\"t\">x</p><h2>h</h2>");
    }

    #[wasm_bindgen_test]
    fn embeds_become_placeholders() {
        let policy = Policy::default().allow_iframe_hosts(["player.example.com"]);
        let (frag, report) = parse_and_sanitize(
            "<iframe src=\"https://player.example.com/e/1\" onload=\"alert(1)\"></iframe><video src=\"/v.mp4\" autoplay></video>",
            &policy,
        )
        .unwrap();
        assert_eq!(
            html_of(&frag),
            "<div class=\"nv-embed\" data-nv-embed=\"iframe\" data-nv-src=\"https://player.example.com/e/1\"></div><div class=\"nv-embed\" data-nv-embed=\"video\" data-nv-src=\"/v.mp4\"></div>"
        );
        assert_eq!(report.embeds, 2);
    }

    #[wasm_bindgen_test]
    fn oversized_input_is_refused_whole() {
        let (frag, report) =
            parse_and_sanitize("<p>0123456789</p>", &Policy::default().max_input_bytes(8)).unwrap();
        assert!(report.input_too_large);
        assert_eq!(html_of(&frag), "");
    }

    #[wasm_bindgen_test]
    async fn a_hundred_thousand_nested_elements_stay_within_the_bound() {
        for open in ["<div><b>", "<x-a>", "<table><tr><td>"] {
            sleep(0).await; // let the test runner poll the page
            let mut html = String::with_capacity(100_000 * 16);
            for _ in 0..100_000 {
                html.push_str(open);
            }
            html.push_str("deep");
            let started = js_sys::Date::now();
            let (frag, report) = parse_and_sanitize(&html, &Policy::default()).unwrap();
            let elapsed = js_sys::Date::now() - started;
            console_log!("100 000 x {open} parsed and sanitized in {elapsed} ms");
            assert!(!report.truncated);
            let doc = web_sys::window().unwrap().document().unwrap();
            let holder = doc.create_element("div").unwrap();
            holder.append_child(&frag).unwrap();
            let mut max = 0;
            let mut stack: Vec<(web_sys::Element, usize)> = vec![(holder.clone(), 0)];
            while let Some((el, d)) = stack.pop() {
                max = max.max(d);
                let kids = el.children();
                for i in 0..kids.length() {
                    stack.push((kids.item(i).unwrap(), d + 1));
                }
            }
            assert!(max <= 256, "{open}: depth {max}");
            assert!(holder.text_content().unwrap_or_default().ends_with("deep"));
        }
    }

    #[wasm_bindgen_test]
    fn deep_nesting_is_flattened() {
        let mut html = String::new();
        for _ in 0..2000 {
            html.push_str("<div>");
        }
        html.push_str("deep");
        let (frag, _) = parse_and_sanitize(&html, &Policy::default().max_depth(10)).unwrap();
        let mut depth = 0;
        let mut node: Option<web_sys::Node> = frag.first_child();
        while let Some(n) = node {
            depth += 1;
            node = n
                .first_child()
                .filter(|c| c.node_type() == web_sys::Node::ELEMENT_NODE);
        }
        assert!(depth <= 10, "{depth}");
        assert!(html_of(&frag).contains("deep"));
    }

    // ---- The corpora, rendered in the page -------------------------------------------------

    thread_local! {
        static CALLS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }

    /// Replaces `alert`, `confirm`, `prompt` and `print` with counters.
    fn hook_dialogs() {
        let window = web_sys::window().unwrap();
        for name in ["alert", "confirm", "prompt", "print"] {
            let f = Closure::<dyn Fn()>::new(|| CALLS.with(|c| c.set(c.get() + 1)));
            Reflect::set(
                &window,
                &JsValue::from_str(name),
                f.as_ref().unchecked_ref(),
            )
            .unwrap();
            f.forget();
        }
    }

    async fn sleep(ms: i32) {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }

    fn payloads() -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> =
            include_str!("../../tests/fixtures/xss/payloadbox.txt")
                .lines()
                .map(|l| ("payloadbox", l.to_string()))
                .collect();
        for (name, text) in [
            ("h5sc", include_str!("../../tests/fixtures/xss/h5sc.json")),
            (
                "dompurify",
                include_str!("../../tests/fixtures/xss/dompurify-expect.json"),
            ),
        ] {
            let items: Array = js_sys::JSON::parse(text).unwrap().unchecked_into();
            for item in items.iter() {
                let p = Reflect::get(&item, &JsValue::from_str("payload")).unwrap();
                out.push((name, p.as_string().unwrap()));
            }
        }
        out
    }

    include!("../../tests/oracle/kept.rs");

    /// The scheme a browser reads in `url` (resolved against the page).
    fn protocol(url: &str) -> String {
        let doc = web_sys::window().unwrap().document().unwrap();
        let a = doc.create_element("a").unwrap();
        a.set_attribute("href", url).unwrap();
        Reflect::get(&a, &JsValue::from_str("protocol"))
            .unwrap()
            .as_string()
            .unwrap_or_default()
    }

    /// Checks the rendered nodes under `root`; returns the first thing that must not be there.
    fn unsafe_remnant(root: &web_sys::Element) -> Option<String> {
        let all = root.query_selector_all("*").unwrap();
        for i in 0..all.length() {
            let el: web_sys::Element = all.item(i).unwrap().unchecked_into();
            let name = el.local_name();
            if el.namespace_uri().as_deref() != Some("http://www.w3.org/1999/xhtml") {
                return Some(name + " in a foreign namespace");
            }
            if !KEPT.contains(&name.as_str()) {
                return Some(name + " is not a kept element");
            }
            let names = el.get_attribute_names();
            for n in names.iter() {
                let n = n.as_string().unwrap();
                let v = el.get_attribute(&n).unwrap_or_default();
                let lower = n.to_ascii_lowercase();
                if lower.starts_with("on") || lower == "id" || lower == "name" || lower == "style" {
                    return Some(name + " has " + &n);
                }
                let urls: Vec<String> = match lower.as_str() {
                    "href" | "src" | "cite" | "data-nv-src" | "data-nv-poster" => vec![v.clone()],
                    "srcset" => v
                        .split(", ")
                        .map(|c| c.split(' ').next().unwrap_or("").to_string())
                        .collect(),
                    _ => vec![],
                };
                for u in urls {
                    let p = protocol(&u);
                    let web = matches!(p.as_str(), "http:" | "https:" | "mailto:" | "tel:");
                    let image = p == "data:" && u.to_ascii_lowercase().starts_with("data:image/");
                    if !(web || image) {
                        return Some(name + " has " + &n + "=" + &v + " (" + &p + ")");
                    }
                    if p == "data:" && u.to_ascii_lowercase().starts_with("data:image/svg") {
                        return Some(name + " has an SVG data URL");
                    }
                }
            }
            if el.get_attribute("target").as_deref() == Some("_blank")
                && !el
                    .get_attribute("rel")
                    .unwrap_or_default()
                    .split(' ')
                    .any(|t| t == "noopener")
            {
                return Some(name + " target=_blank without noopener");
            }
        }
        None
    }

    #[wasm_bindgen_test]
    async fn corpora_render_inert_in_the_page() {
        hook_dialogs();
        let doc = web_sys::window().unwrap().document().unwrap();
        let body = doc.body().unwrap();
        let payloads = payloads();
        assert_eq!(payloads.len(), 6613 + 149 + 223);
        let policy = Policy::default().link_target(crate::sanitize::LinkTarget::Blank);
        let started = js_sys::Date::now();
        let mut containers = Vec::with_capacity(payloads.len());
        let mut sanitizing = 0.0;
        for (i, (source, payload)) in payloads.iter().enumerate() {
            if i % 500 == 0 {
                sleep(0).await; // let the test runner poll the page
            }
            let t = js_sys::Date::now();
            let (frag, _) = parse_and_sanitize(payload, &policy)
                .unwrap_or_else(|e| panic!("{source}: {e:?}: {payload}"));
            sanitizing += js_sys::Date::now() - t;
            let div = doc.create_element("div").unwrap();
            div.append_child(&frag).unwrap();
            body.append_child(&div).unwrap();
            if let Some(bad) = unsafe_remnant(&div) {
                panic!(
                    "{source}: {bad}\npayload: {payload}\nrendered: {}",
                    div.inner_html()
                );
            }
            containers.push(div);
        }
        let elapsed = js_sys::Date::now() - started;
        console_log!(
            "sanitized and mounted {} payloads in {elapsed} ms ({sanitizing} ms parsing and sanitizing)",
            payloads.len()
        );
        // Give load and error events time to fire.
        sleep(2000).await;
        assert_eq!(CALLS.with(|c| c.get()), 0, "a dialog was called");
        for div in &containers {
            if let Some(bad) = unsafe_remnant(div) {
                panic!("after events: {bad}: {}", div.inner_html());
            }
        }
        // Positive control: the same harness sees an unsanitized payload run and stay.
        let control = doc.create_element("div").unwrap();
        body.append_child(&control).unwrap();
        control.set_inner_html("<img src=\"nv-missing.png\" onerror=\"alert(1)\">");
        assert!(unsafe_remnant(&control).is_some());
        sleep(1000).await;
        assert!(CALLS.with(|c| c.get()) > 0, "the dialog hook saw nothing");
    }
}
