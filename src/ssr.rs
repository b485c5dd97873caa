//! Server-side rendering (native builds only): the same article markup the browser shows, as a
//! string, with declarative shadow DOM, JSON-LD and suggested `<meta>` tags.
//!
//! The article body is parsed by html5ever with the HTML fragment parsing algorithm in a
//! `<body>` context, exactly as the browser's `body.innerHTML = html` in an inert document
//! parses it (no-quirks mode, scripting disabled, declarative shadow roots not attached), and
//! the parser feeds the sanitizer's arena [`Fragment`] directly through html5ever's
//! [`TreeSink`]. The same [`Policy`] then runs over it as over the browser's nodes.
//!
//! ```
//! use newsview::{render_to_string, Article, Options};
//! let json = r#"{"schemaVersion":1,"id":"1","title":"Hello","publishedAt":"2025-07-27T21:56:43+08:00",
//!   "bodyHtml":"<p onclick=alert(1)>Hi <script>x</script></p>"}"#;
//! let article = Article::from_json_str(json).unwrap().article;
//! let html = render_to_string(&article, &Options::default());
//! assert!(html.starts_with("<news-view"));
//! assert!(html.contains("<template shadowrootmode=\"open\">"));
//! assert!(html.contains("<p>Hi </p>"));
//! assert!(html.contains("application/ld+json"));
//! ```

use crate::error::{Error, Warning};
use crate::json::{Json, JsonLimits};
use crate::labels::Lang;
use crate::layout::{self, Context};
use crate::model::{Article, Image};
use crate::options::Options;
use crate::sanitize::{
    sanitize_fragment, CleanFragment, Fragment, Namespace, NodeId, NodeRef, Policy, Report,
};
use crate::text::{push_u64, Timestamp};
use crate::view::Markup;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, Attribute, LocalName, ParseOpts, QualName};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// The component's stylesheet, written into the declarative shadow root.
const STYLESHEET: &str = crate::css::STYLESHEET;

// ---------------------------------------------------------------------------------------------
// The parser feed.

/// Parses `html` as the browser's `body.innerHTML = html` does (the HTML fragment parsing
/// algorithm with a `body` context element, in a no-quirks document without scripting) into
/// an unsanitized [`Fragment`] whose root holds the fragment's top-level nodes.
///
/// Template contents are kept apart (detached), as in the DOM, and comments are kept (the
/// sanitizer removes them). Adjacent text nodes are merged when text is appended at the end of
/// an element; text inserted before a node (foster parenting out of a table) is a separate
/// text node, which serializes the same. No size limit is applied here: see [`sanitize_body`].
pub fn parse_body(html: &str) -> Fragment {
    parse_bounded(html, u64::MAX).unwrap_or_default()
}

/// How many tree-builder queries (element names, node comparisons) a parse may make per byte
/// of input, plus [`WORK_BASE`]. html5ever, like the HTML standard's algorithm, scans the stack
/// of open elements for many start tags, so a body nested thousands deep costs time quadratic
/// in its size; real articles stay far below this bound (a 100 KiB article with 30 levels of
/// nesting makes about 300 000 queries).
pub const WORK_PER_BYTE: u64 = 128;
/// The work every parse may do whatever its size (see [`WORK_PER_BYTE`]).
pub const WORK_BASE: u64 = 100_000;

/// The input is fed to the parser in chunks of this many bytes, and the work bound checked
/// between them.
const CHUNK: usize = 16 * 1024;

/// [`parse_body`], stopped when the tree builder has made more than `budget` queries:
/// `None` then (the caller refuses the body whole).
fn parse_bounded(html: &str, budget: u64) -> Option<Fragment> {
    let work = Rc::new(Cell::new(0u64));
    let sink = Sink {
        work: Rc::clone(&work),
        ..Sink::default()
    };
    let opts = ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            // An inert document (`createHTMLDocument`) has no browsing context: scripting is
            // disabled, so `<noscript>` content is parsed as markup, as the browser does.
            scripting_enabled: false,
            quirks_mode: QuirksMode::NoQuirks,
            ..Default::default()
        },
        ..Default::default()
    };
    let context = QualName::new(None, ns!(html), local_name!("body"));
    let mut parser = html5ever::parse_fragment(sink, opts, context, Vec::new(), false);
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(chunk));
        if work.get() > budget {
            return None;
        }
        rest = tail;
    }
    let fragment = parser.finish();
    (work.get() <= budget).then_some(fragment)
}

/// Parses `html` with [`parse_body`] and runs `policy` over it, as the browser side does: a
/// body larger than [`Policy::input_limit`] is refused whole (empty fragment,
/// `input_too_large` in the report), and the text first goes through the same linear pre-pass
/// ([`crate::sanitize::prepare`]), so that both sides parse the same bounded text. A parse that
/// would still take more than [`WORK_PER_BYTE`] tree-builder queries per byte is stopped, and
/// the body's text alone (every start tag dropped) is parsed instead: a backstop that no input
/// known to the tests reaches.
pub fn sanitize_body(html: &str, policy: &Policy) -> (CleanFragment, Report) {
    if html.len() > policy.input_limit() {
        let (clean, mut report) = sanitize_fragment(Fragment::new(), policy);
        report.input_too_large = true;
        return (clean, report);
    }
    let (prepared, pre) = crate::sanitize::prepare(html, policy.depth_limit(), policy.node_limit());
    let budget = (prepared.len() as u64)
        .saturating_mul(WORK_PER_BYTE)
        .saturating_add(WORK_BASE);
    let (fragment, pre) = match parse_bounded(&prepared, budget) {
        Some(fragment) => (fragment, pre),
        None => {
            let (text, pre) = crate::sanitize::prepare(html, 0, policy.node_limit());
            (parse_body(&text), pre)
        }
    };
    let (clean, mut report) = sanitize_fragment(fragment, policy);
    report.add_prepass(&pre);
    (clean, report)
}

/// html5ever's tree sink over the sanitizer's arena. Handles are the arena's own ids; element
/// names (which the tree builder asks for) are kept beside it.
#[derive(Default)]
struct Sink {
    fragment: RefCell<Fragment>,
    names: RefCell<HashMap<NodeId, QualName>>,
    /// Template element → its (detached) contents.
    templates: RefCell<HashMap<NodeId, NodeId>>,
    /// MathML `annotation-xml` elements that are HTML integration points.
    integration_points: RefCell<HashSet<NodeId>>,
    /// Queries the tree builder made (see [`WORK_PER_BYTE`]).
    work: Rc<Cell<u64>>,
}

/// An element name as the tree builder reads it (atoms are reference-counted, so this is a
/// cheap copy).
#[derive(Debug)]
struct Name {
    ns: html5ever::Namespace,
    local: LocalName,
}

impl ElemName for Name {
    fn ns(&self) -> &html5ever::Namespace {
        &self.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.local
    }
}

impl Sink {
    fn tick(&self) {
        self.work.set(self.work.get().saturating_add(1));
    }

    fn insert_text_before(&self, sibling: NodeId, text: &str) {
        let mut f = self.fragment.borrow_mut();
        let node = f.create_text(text);
        f.insert_before(sibling, node);
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Fragment;
    type ElemName<'a> = Name;

    fn finish(self) -> Fragment {
        let mut f = self.fragment.into_inner();
        // The fragment algorithm's result is the children of the `html` element it made as the
        // document's only child.
        let root = f.root();
        let html = f.children(root).next();
        if let Some(html) = html {
            f.reparent_children(html, root);
            f.remove_from_parent(html);
        }
        f
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        self.fragment.borrow().root()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name {
        self.tick();
        match self.names.borrow().get(target) {
            Some(q) => Name {
                ns: q.ns.clone(),
                local: q.local.clone(),
            },
            None => Name {
                ns: ns!(html),
                local: local_name!(""),
            },
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let namespace = if name.ns == ns!(html) {
            Namespace::Html
        } else if name.ns == ns!(mathml) {
            Namespace::MathMl
        } else {
            // SVG, and any other namespace (which the parser never makes): foreign content.
            Namespace::Svg
        };
        let owned: Vec<(String, String)> = attrs
            .iter()
            .map(|a| {
                let mut n = String::new();
                if let Some(p) = &a.name.prefix {
                    n.push_str(p);
                    n.push(':');
                }
                n.push_str(&a.name.local);
                (n, a.value.to_string())
            })
            .collect();
        let pairs: Vec<(&str, &str)> = owned
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let id = {
            let mut f = self.fragment.borrow_mut();
            let id = f.create_element(namespace, &name.local, &pairs);
            if flags.template {
                let contents = f.create_element(Namespace::Html, "template", &[]);
                self.templates.borrow_mut().insert(id, contents);
            }
            id
        };
        if flags.mathml_annotation_xml_integration_point {
            self.integration_points.borrow_mut().insert(id);
        }
        self.names.borrow_mut().insert(id, name);
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.fragment.borrow_mut().create_comment(&text)
    }

    fn create_pi(&self, _target: StrTendril, data: StrTendril) -> NodeId {
        // HTML parsing never makes processing instructions; a comment is removed the same way.
        self.fragment.borrow_mut().create_comment(&data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut f = self.fragment.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => {
                f.append_child(*parent, node);
            }
            NodeOrText::AppendText(text) => {
                f.append_text_merged(*parent, &text);
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.fragment.borrow().parent(*element).is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        if let Some(c) = self.templates.borrow().get(target) {
            return *c;
        }
        // Only templates are asked for; answer anything else with fresh detached contents.
        let contents = self
            .fragment
            .borrow_mut()
            .create_element(Namespace::Html, "template", &[]);
        self.templates.borrow_mut().insert(*target, contents);
        contents
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.tick();
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        match new_node {
            NodeOrText::AppendNode(node) => {
                self.fragment.borrow_mut().insert_before(*sibling, node);
            }
            NodeOrText::AppendText(text) => self.insert_text_before(*sibling, &text),
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let owned: Vec<(String, String)> = attrs
            .iter()
            .map(|a| (a.name.local.to_string(), a.value.to_string()))
            .collect();
        let pairs: Vec<(&str, &str)> = owned
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        self.fragment
            .borrow_mut()
            .add_attrs_if_missing(*target, &pairs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.fragment.borrow_mut().remove_from_parent(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.fragment
            .borrow_mut()
            .reparent_children(*node, *new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.integration_points.borrow().contains(handle)
    }

    fn allow_declarative_shadow_roots(&self, _intended_parent: &NodeId) -> bool {
        // `innerHTML` never attaches declarative shadow roots: `<template shadowrootmode>` in
        // a body stays a template (which the policy removes).
        false
    }
}

// ---------------------------------------------------------------------------------------------
// Rendering.

/// What one server render gives a page: the shape of `renderToString` in `newsview/server`,
/// of `newsview render --json`, and of [`render`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The `<news-view>` element: its declarative shadow root with the stylesheet and the
    /// article, and the hydration data (see [`render`]). Goes where the article goes.
    pub html: String,
    /// The suggested `<head>` tags ([`meta_tags`]) and the `NewsArticle` JSON-LD script
    /// ([`json_ld`]). Goes into the document's `<head>`.
    pub head: String,
    /// What was dropped or cut, as the browser reports it with `nv-warning`: the options'
    /// warnings, the article's, then the one that sums up what the body sanitizer removed.
    pub warnings: Vec<Warning>,
    /// The language of the render (for [`Rendered::page`]).
    lang: Lang,
}

/// The attribute that marks the hydration data inside `<news-view>`:
/// `<script type="application/json" data-nv-hydrate>{"article":…,"options":…}</script>`.
pub const HYDRATE_ATTR: &str = "data-nv-hydrate";

/// Renders article JSON text with the options as a JSON document (`null` for the defaults),
/// read through the one options reader ([`Options::from_json_with_warnings`], which includes
/// `sanitize`) and the one article reader with the options' limits
/// ([`Options::article_limits`]), as the browser's `render()` reads them.
///
/// `html` is [`render_to_string`]'s `<news-view>` element (without the JSON-LD, which goes to
/// `head`) with the hydration data as its last child: a `<script type="application/json"
/// data-nv-hydrate>` holding `{"article": …, "options": …}` as given (every `<`, `>` and `&`
/// in it written as `\u` escapes, so that it cannot end the script). When newsview's module
/// loads in the page, `<news-view>` reads it and takes the server's nodes over (hydration)
/// with the same article and options, without fetching anything. Errors name the field:
/// `options.…`/`sanitize.…` for the options, the article's path otherwise.
///
/// ```
/// use newsview::json::Json;
/// let json = r#"{"id":"1","title":"Hello","publishedAt":"2025-07-27T21:56:43+08:00"}"#;
/// let out = newsview::ssr::render(json, &Json::Null).unwrap();
/// assert!(out.html.starts_with("<news-view"));
/// assert!(out.html.contains("data-nv-hydrate"));
/// assert!(out.head.contains("application/ld+json"));
/// ```
pub fn render(article_json: &str, options: &Json) -> Result<Rendered, Error> {
    let (options_read, mut warnings) = Options::from_json_with_warnings(options)?;
    let doc = crate::json::parse(article_json, &JsonLimits::default())?;
    let parsed =
        Article::from_json_with(&doc, &options_read.article_limits(), &options_read.media)?;
    warnings.extend(parsed.warnings);
    let article = &parsed.article;
    let body = Body::sanitize(article, &policy_of(&options_read));
    warnings.extend(body.warning.clone());
    let description = body.description(article);

    let mut payload = String::from("{\"article\":");
    push_json(&mut payload, &doc);
    payload.push_str(",\"options\":");
    push_json(&mut payload, options);
    payload.push('}');
    let html = element(article, &options_read, &body, Some(&payload));

    let mut head = meta_tags_with(article, &options_read, description.as_deref());
    head.push_str("<script type=\"application/ld+json\">");
    head.push_str(&json_ld_with(
        article,
        &options_read,
        description.as_deref(),
    ));
    head.push_str("</script>\n");
    Ok(Rendered {
        html,
        head,
        warnings,
        lang: options_read.lang,
    })
}

impl Rendered {
    /// A whole HTML document: `<!DOCTYPE html>`, a `<head>` with the charset, the viewport
    /// and [`Rendered::head`], and a `<body>` with [`Rendered::html`]. `script_src`, when
    /// given, adds `<script type="module" src="…">` (newsview's module, which hydrates the
    /// element from its data) to the head.
    pub fn page(&self, script_src: Option<&str>) -> String {
        let mut out = String::from("<!DOCTYPE html>\n<html lang=\"");
        out.push_str(self.lang.tag());
        out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str(&self.head);
        if let Some(src) = script_src {
            out.push_str("<script type=\"module\" src=\"");
            html_escape::encode_double_quoted_attribute_to_string(src, &mut out);
            out.push_str("\"></script>\n");
        }
        out.push_str("</head>\n<body>\n");
        out.push_str(&self.html);
        out.push_str("\n</body>\n</html>\n");
        out
    }
}

/// The article body, sanitized once for a render: its markup, the warning that sums up what
/// the policy removed, and the clean tree (for the description).
struct Body {
    markup: Option<Markup>,
    warning: Option<Warning>,
    clean: Option<CleanFragment>,
    /// The sanitizer cut the body at its node limit (layout writes the visible note).
    cut: bool,
}

impl Body {
    fn sanitize(article: &Article, policy: &Policy) -> Body {
        match article.body_html.as_deref() {
            Some(html) => {
                let (clean, report) = sanitize_body(html, policy);
                Body {
                    markup: Some(clean.to_html()),
                    warning: report.warning(),
                    clean: Some(clean),
                    cut: report.truncated,
                }
            }
            None => Body {
                markup: None,
                warning: None,
                clean: None,
                cut: false,
            },
        }
    }

    /// The summary, else the start of the clean body's text (see [`description`]).
    fn description(&self, article: &Article) -> Option<String> {
        if let Some(s) = &article.summary {
            return Some(s.clone());
        }
        let text = fragment_text(self.clean.as_ref()?.fragment(), 160);
        (!text.is_empty()).then_some(text)
    }
}

/// Renders `article` with `options` as the browser's `render()` would show it, as HTML: a
/// `<news-view>` element whose declarative shadow root (`<template shadowrootmode="open">`)
/// holds the component stylesheet and the article, followed by a
/// `<script type="application/ld+json">` with the `NewsArticle` (see [`json_ld`]).
///
/// "Now" is `options.now_ms`, else the system clock; the share URL is the article's `url`,
/// else `options.page_url`. The body is parsed with [`parse_body`] and cleaned with
/// `options.sanitize` (with `options.media`), the policy the browser applies; the article's
/// own media URLs follow `options.media` too ([`Article::apply_media_hosts`]). With
/// `options.shadow == false` the stylesheet and the article are written into the element's
/// light DOM instead.
///
/// The limits of `options.limits` apply when an article is read: read it with
/// `Article::from_json_str_with(json, &options.article_limits(), &options.media)`. The element
/// has no hydration data (this function has no article JSON to put there): for a page whose
/// `<news-view>` hydrates by itself, render from the JSON text with [`render`].
pub fn render_to_string(article: &Article, options: &Options) -> String {
    let article = &*with_media(article, options);
    let body = Body::sanitize(article, &policy_of(options));
    let description = body.description(article);
    let mut out = element(article, options, &body, None);
    out.push_str("<script type=\"application/ld+json\">");
    out.push_str(&json_ld_with(article, options, description.as_deref()));
    out.push_str("</script>");
    out
}

/// The body sanitizer policy of `options`: `options.sanitize` with `options.media` (the same
/// when the options were read from JSON; a caller that set only `media` gets it too).
fn policy_of(options: &Options) -> Cow<'_, Policy> {
    if *options.sanitize.media() == options.media {
        Cow::Borrowed(&options.sanitize)
    } else {
        Cow::Owned(options.sanitize.clone().media_hosts(options.media.clone()))
    }
}

/// `article` with `options.media` applied to its media URLs (borrowed when they are open).
fn with_media<'a>(article: &'a Article, options: &Options) -> Cow<'a, Article> {
    if options.media.is_open() {
        return Cow::Borrowed(article);
    }
    let mut a = article.clone();
    a.apply_media_hosts(&options.media);
    Cow::Owned(a)
}

/// The `<news-view>` element: attributes, the (declarative shadow) root with the stylesheet
/// and the article, and the hydration data when there is some (see [`render`]). `article`'s
/// media URLs already follow `options.media`.
fn element(article: &Article, options: &Options, body: &Body, payload: Option<&str>) -> String {
    let now = now_unix_seconds(options);
    let ctx = Context::new(article, options, now);
    let markup = layout::article(article, &ctx, body.markup.as_ref(), body.cut);

    let mut out = String::with_capacity(
        markup.as_str().len() + STYLESHEET.len() + payload.map_or(0, str::len) + 512,
    );
    out.push_str("<news-view lang=\"");
    out.push_str(options.lang.tag());
    out.push_str("\" theme=\"");
    out.push_str(options.theme.key());
    out.push_str("\">");
    if options.shadow {
        out.push_str("<template shadowrootmode=\"open\">");
    }
    out.push_str("<style>");
    out.push_str(STYLESHEET);
    out.push_str("</style>");
    out.push_str(markup.as_str());
    if options.shadow {
        out.push_str("</template>");
    }
    if let Some(data) = payload {
        out.push_str("<script type=\"application/json\" ");
        out.push_str(HYDRATE_ATTR);
        out.push('>');
        out.push_str(data);
        out.push_str("</script>");
    }
    out.push_str("</news-view>");
    out
}

/// The article's main markup only: the `<article class="nv">` element as
/// [`render_to_string`] writes it inside the shadow root (for comparisons and custom wrappers).
pub fn render_article_markup(article: &Article, options: &Options) -> String {
    let article = &*with_media(article, options);
    let ctx = Context::new(article, options, now_unix_seconds(options));
    let body = Body::sanitize(article, &policy_of(options));
    layout::article(article, &ctx, body.markup.as_ref(), body.cut).into_string()
}

/// "Now" in seconds since the epoch: `options.now_ms`, else the clock (the system's natively,
/// `Date.now()` in the server build, where wasm32 has no system clock).
fn now_unix_seconds(options: &Options) -> i64 {
    match options.now_ms {
        Some(ms) if ms.is_finite() => (ms / 1000.0).floor() as i64,
        _ => clock_unix_seconds(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn clock_unix_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(target_arch = "wasm32")]
fn clock_unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// The canonical URL: the article's `url`, else `options.page_url`.
fn canonical_url(article: &Article, options: &Options) -> Option<String> {
    options.url_of(article).map(|u| u.as_str().to_owned())
}

/// The main image: the cover, else the lead video's poster.
fn main_image(article: &Article) -> Option<&Image> {
    article
        .cover
        .as_ref()
        .or_else(|| article.lead_video.as_ref().and_then(|v| v.poster.as_ref()))
}

/// The description: the summary, else the start of the body's text cleaned by `policy` (at
/// most 160 characters, white space collapsed).
pub fn description(article: &Article, policy: &Policy) -> Option<String> {
    if article.summary.is_none() && article.body_html.is_none() {
        return None;
    }
    Body::sanitize(article, policy).description(article)
}

/// The text of `f` in document order, white space collapsed, cut at `max` characters (with
/// `…` when cut). Iterative.
fn fragment_text(f: &Fragment, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0usize;
    let mut pending_space = false;
    let mut stack: Vec<NodeId> = f.children(f.root()).collect();
    stack.reverse();
    while let Some(id) = stack.pop() {
        match f.node(id) {
            Some(NodeRef::Text(t)) => {
                for c in t.chars() {
                    if c.is_whitespace() {
                        pending_space = count > 0;
                        continue;
                    }
                    if pending_space {
                        if count + 1 >= max {
                            out.push('…');
                            return out;
                        }
                        out.push(' ');
                        count += 1;
                        pending_space = false;
                    }
                    if count + 1 >= max {
                        out.push('…');
                        return out;
                    }
                    out.push(c);
                    count += 1;
                }
            }
            Some(NodeRef::Element { name, .. }) => {
                if !matches!(
                    name,
                    "a" | "b" | "strong" | "em" | "i" | "u" | "s" | "span" | "code" | "mark"
                ) {
                    pending_space = count > 0;
                }
                let mut children: Vec<NodeId> = f.children(id).collect();
                children.reverse();
                stack.extend(children);
            }
            _ => {}
        }
    }
    out
}

/// An ISO 8601 duration: `PT1M35S` for 95 seconds, `PT0S` for none.
pub fn iso_duration(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = String::from("PT");
    if h > 0 {
        push_u64(&mut out, u64::from(h));
        out.push('H');
    }
    if m > 0 {
        push_u64(&mut out, u64::from(m));
        out.push('M');
    }
    if s > 0 || (h == 0 && m == 0) {
        push_u64(&mut out, u64::from(s));
        out.push('S');
    }
    out
}

/// Writes `s` as a JSON string that is also safe inside an HTML `<script>` element: `<`, `>`,
/// `&`, U+2028 and U+2029 are written as `\u` escapes, so no `</script>` or `<!--` can appear.
pub fn push_json_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}') => {
                let n = c as u32;
                out.push_str("\\u");
                for shift in [12u32, 8, 4, 0] {
                    let digit = (n >> shift) & 0xf;
                    out.push(char::from(HEX[digit as usize]));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes `value` as JSON that is also safe inside an HTML `<script>` element (strings as
/// [`push_json_string`] writes them). Iterative: no document depth can overflow the stack.
pub fn push_json(out: &mut String, value: &Json) {
    enum Step<'a> {
        Value(&'a Json<'a>),
        Member(&'a str, &'a Json<'a>),
        Text(&'static str),
    }
    let mut stack = vec![Step::Value(value)];
    while let Some(step) = stack.pop() {
        let value = match step {
            Step::Text(t) => {
                out.push_str(t);
                continue;
            }
            Step::Member(key, value) => {
                push_json_string(out, key);
                out.push(':');
                value
            }
            Step::Value(value) => value,
        };
        match value {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            // The parser admits finite numbers only; Display writes the shortest text that
            // reads back to the same number.
            Json::Number(n) => {
                use std::fmt::Write;
                let _ = write!(out, "{n}");
            }
            Json::String(s) => push_json_string(out, s),
            Json::Array(items) => {
                out.push('[');
                stack.push(Step::Text("]"));
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push(Step::Value(item));
                    if i > 0 {
                        stack.push(Step::Text(","));
                    }
                }
            }
            Json::Object(members) => {
                out.push('{');
                stack.push(Step::Text("}"));
                for (i, (key, value)) in members.iter().enumerate().rev() {
                    stack.push(Step::Member(key, value));
                    if i > 0 {
                        stack.push(Step::Text(","));
                    }
                }
            }
        }
    }
}

fn rfc3339(ts: Timestamp) -> String {
    ts.to_rfc3339()
}

/// The schema.org `NewsArticle` for `article`, as JSON that can go straight into a
/// `<script type="application/ld+json">` (see [`push_json_string`]): `headline`,
/// `description`, `datePublished`, `dateModified`, `author` (people), `publisher` (the source,
/// an organization), `articleSection` (the channel), `image`, `keywords`, `url` and
/// `mainEntityOfPage`, and `video`, a `VideoObject` for the lead video (`name`,
/// `description`, `thumbnailUrl`, `contentUrl`, `duration` in ISO 8601, `uploadDate`). Media
/// URLs follow `options.media`, as in the markup.
pub fn json_ld(article: &Article, options: &Options) -> String {
    let article = &*with_media(article, options);
    let description = description(article, &policy_of(options));
    json_ld_with(article, options, description.as_deref())
}

/// [`json_ld`] for an article whose media URLs already follow `options.media`, with the
/// description already made.
fn json_ld_with(article: &Article, options: &Options, description: Option<&str>) -> String {
    let url = canonical_url(article, options);
    let published = rfc3339(article.published_at);
    fn party<'a>(kind: &'static str, n: &'a crate::model::Named) -> ld::Party<'a> {
        ld::Party {
            kind,
            name: &n.name,
            url: n.url.as_ref().map(|u| u.as_str()),
        }
    }
    let doc = ld::NewsArticle {
        context: "https://schema.org",
        kind: "NewsArticle",
        headline: &article.title,
        description,
        date_modified: article
            .updated_at
            .map(rfc3339)
            .unwrap_or_else(|| published.clone()),
        author: article.authors.iter().map(|a| party("Person", a)).collect(),
        publisher: article.source.as_ref().map(|s| party("Organization", s)),
        article_section: article.channel.as_ref().map(|c| c.name.as_str()),
        image: main_image(article).map(|i| [i.url.as_str()]),
        keywords: article.keywords.iter().map(|k| k.name.as_str()).collect(),
        url: url.as_deref(),
        main_entity_of_page: url.as_deref(),
        video: article.lead_video.as_ref().map(|video| ld::VideoObject {
            kind: "VideoObject",
            name: video.title.as_deref().unwrap_or(article.title.as_str()),
            description: description.unwrap_or(article.title.as_str()),
            thumbnail_url: video
                .poster
                .as_ref()
                .or(article.cover.as_ref())
                .map(|p| p.url.as_str()),
            content_url: video.src.as_str(),
            duration: video.duration_seconds.map(iso_duration),
            upload_date: published.clone(),
        }),
        date_published: published,
    };
    // Only strings can hold these characters in JSON text: escaping them everywhere keeps the
    // JSON the same and makes it safe inside <script> (no `</script>`, no `<!--`).
    let text = serde_json::to_string(&doc).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 32);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The schema.org JSON-LD types, written with serde_json in this field order.
mod ld {
    use serde::Serialize;

    /// A `Person` or an `Organization`.
    #[derive(Serialize)]
    pub(super) struct Party<'a> {
        #[serde(rename = "@type")]
        pub(super) kind: &'static str,
        pub(super) name: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub(super) url: Option<&'a str>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub(super) struct VideoObject<'a> {
        #[serde(rename = "@type")]
        pub(super) kind: &'static str,
        pub(super) name: &'a str,
        pub(super) description: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub(super) thumbnail_url: Option<&'a str>,
        pub(super) content_url: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub(super) duration: Option<String>,
        pub(super) upload_date: String,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub(super) struct NewsArticle<'a> {
        #[serde(rename = "@context")]
        pub(super) context: &'static str,
        #[serde(rename = "@type")]
        pub(super) kind: &'static str,
        pub(super) headline: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub(super) description: Option<&'a str>,
        pub(super) date_published: String,
        pub(super) date_modified: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub(super) author: Vec<Party<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub(super) publisher: Option<Party<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub(super) article_section: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub(super) image: Option<[&'a str; 1]>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub(super) keywords: Vec<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub(super) url: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub(super) main_entity_of_page: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub(super) video: Option<VideoObject<'a>>,
    }
}

fn push_meta(out: &mut String, attr: &str, key: &str, value: &str) {
    out.push_str("<meta ");
    out.push_str(attr);
    out.push_str("=\"");
    out.push_str(key);
    out.push_str("\" content=\"");
    html_escape::encode_double_quoted_attribute_to_string(value, out);
    out.push_str("\">\n");
}

/// The suggested `<head>` tags for `article`, one a line: `<title>`, `<link rel="canonical">`
/// (with a URL), `<meta name="description">`, Open Graph (`og:type` `article`, `og:title`,
/// `og:description`, `og:url`, `og:image`, `og:site_name`, `article:published_time`,
/// `article:modified_time`, `article:section`, `article:tag`) and `twitter:card`
/// (`summary_large_image` with an image, else `summary`). Every value is escaped; `og:image`
/// follows `options.media`, as in the markup.
pub fn meta_tags(article: &Article, options: &Options) -> String {
    let article = &*with_media(article, options);
    let description = description(article, &policy_of(options));
    meta_tags_with(article, options, description.as_deref())
}

/// [`meta_tags`] for an article whose media URLs already follow `options.media`, with the
/// description already made.
fn meta_tags_with(article: &Article, options: &Options, description: Option<&str>) -> String {
    let mut out = String::new();
    let url = canonical_url(article, options);
    let image = main_image(article);
    out.push_str("<title>");
    html_escape::encode_text_to_string(&article.title, &mut out);
    out.push_str("</title>\n");
    if let Some(u) = &url {
        out.push_str("<link rel=\"canonical\" href=\"");
        html_escape::encode_double_quoted_attribute_to_string(u, &mut out);
        out.push_str("\">\n");
    }
    if let Some(d) = description {
        push_meta(&mut out, "name", "description", d);
    }
    push_meta(&mut out, "property", "og:type", "article");
    push_meta(&mut out, "property", "og:title", &article.title);
    if let Some(d) = description {
        push_meta(&mut out, "property", "og:description", d);
    }
    if let Some(u) = &url {
        push_meta(&mut out, "property", "og:url", u);
    }
    if let Some(img) = image {
        push_meta(&mut out, "property", "og:image", img.url.as_str());
        if let Some(alt) = &img.alt {
            push_meta(&mut out, "property", "og:image:alt", alt);
        }
    }
    if let Some(source) = &article.source {
        push_meta(&mut out, "property", "og:site_name", &source.name);
    }
    push_meta(
        &mut out,
        "property",
        "article:published_time",
        &rfc3339(article.published_at),
    );
    if let Some(t) = article.updated_at {
        push_meta(&mut out, "property", "article:modified_time", &rfc3339(t));
    }
    if let Some(channel) = &article.channel {
        push_meta(&mut out, "property", "article:section", &channel.name);
    }
    for k in &article.keywords {
        push_meta(&mut out, "property", "article:tag", &k.name);
    }
    push_meta(
        &mut out,
        "name",
        "twitter:card",
        if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        },
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(input: &str) -> String {
        sanitize_body(input, &Policy::default())
            .0
            .to_html()
            .into_string()
    }

    fn parse_json(text: &str) -> Json<'_> {
        crate::json::parse(text, &JsonLimits::default()).unwrap()
    }

    /// The text of the hydration data script in `html`.
    fn hydration_data(html: &str) -> &str {
        let open = "<script type=\"application/json\" data-nv-hydrate>";
        let start = html.find(open).expect("hydration data") + open.len();
        let end = start + html[start..].find("</script>").expect("closed");
        &html[start..end]
    }

    #[test]
    fn render_honours_limits_and_sanitize_options() {
        // The issue's case: the CLI and render_to_string used to ignore both.
        let article = format!(
            r#"{{"id":"1","title":"{}","publishedAt":"2025-07-27T21:56:43+08:00",
              "bodyHtml":"<p style=\"text-align:center;color:red\">c</p><iframe src=\"https://www.youtube.com/embed/x\"></iframe>"}}"#,
            "标".repeat(501)
        );
        let options = parse_json(
            r#"{"limits":{"maxTitleChars":20},"sanitize":{"allowIframeHosts":["www.youtube.com"],"allowStyleProperties":["text-align"]}}"#,
        );
        let out = render(&article, &options).unwrap();
        let title = format!("{}…", "标".repeat(20));
        assert!(out.html.contains(&format!(">{title}</h1>")), "title cut");
        let body = &out.html[out.html.find("part=\"body\">").unwrap()..];
        assert!(
            body.contains("<p style=\"text-align: center\">c</p>"),
            "style kept: {body}"
        );
        assert!(
            out.html.contains("data-nv-embed=\"iframe\""),
            "iframe placeholder"
        );
        assert_eq!(out.warnings[0].path, "title");
        // The defaults drop both and keep the whole title.
        let plain = render(&article, &Json::Null).unwrap();
        assert!(!plain.html.contains("style=\"text-align"));
        assert!(!plain.html.contains("data-nv-embed"));
        assert!(plain.html.contains(&"标".repeat(501)));
    }

    #[test]
    fn render_carries_the_article_and_options_for_hydration() {
        let article = r#"{"id":"1","title":"</script><!-- \u2028","publishedAt":"2025-07-27T21:56:43+08:00","n":[1.5,-0,9007199254740991,0.25,{"a":null,"b":true}]}"#;
        let options = parse_json(r#"{"lang":"en","labels":{"like":"</script>"}}"#);
        let out = render(article, &options).unwrap();
        let data = hydration_data(&out.html);
        assert!(!data.contains('<') && !data.contains('>') && !data.contains('&'));
        assert!(!data.contains('\u{2028}'));
        let doc = parse_json(data);
        assert_eq!(doc.get("article"), Some(&parse_json(article)));
        assert_eq!(doc.get("options"), Some(&options));
        assert!(out.html.ends_with("</script></news-view>"));
        assert!(out.head.contains("<script type=\"application/ld+json\">"));
    }

    #[test]
    fn deep_json_is_written_without_recursion() {
        let text = "[".repeat(100_000) + &"]".repeat(100_000);
        let mut nested = Json::Array(Vec::new());
        for _ in 1..100_000 {
            nested = Json::Array(vec![nested]);
        }
        let mut out = String::new();
        push_json(&mut out, &nested);
        assert_eq!(out, text);
        // Dropping is recursive in the derived impls; unwrap it level by level.
        while let Json::Array(mut items) = nested {
            match items.pop() {
                Some(inner) => nested = inner,
                None => break,
            }
        }
    }

    #[test]
    fn render_errors_name_the_field() {
        let e = render("{\"id\":1}", &parse_json(r#"{"lang":"fr"}"#)).unwrap_err();
        assert_eq!(e.path(), "options.lang");
        let e = render("{\"id\":\"1\",\"title\":2}", &Json::Null).unwrap_err();
        assert_eq!(e.path(), "title");
        let e = render("{}", &parse_json(r#"{"sanitize":{"ugc":1}}"#)).unwrap_err();
        assert_eq!(e.path(), "sanitize.ugc");
    }

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(iso_duration(95), "PT1M35S");
        assert_eq!(iso_duration(0), "PT0S");
        assert_eq!(iso_duration(3600), "PT1H");
        assert_eq!(iso_duration(3661), "PT1H1M1S");
    }

    #[test]
    fn json_strings_cannot_close_a_script() {
        let mut out = String::new();
        push_json_string(&mut out, "</script><!--\u{2028}\"\\\u{1}&");
        assert_eq!(
            out,
            "\"\\u003c/script\\u003e\\u003c!--\\u2028\\\"\\\\\\u0001\\u0026\""
        );
    }

    #[test]
    fn fragment_is_parsed_in_a_body_context() {
        // A leading <html>/<head>/<body> tag is ignored, text before them kept.
        assert_eq!(html("x<body><p>y"), "x<p>y</p>");
    }

    #[test]
    fn table_text_is_foster_parented() {
        assert_eq!(
            html("<table><tr><td>a</td></tr>oops</table>"),
            "oops<table><tbody><tr><td>a</td></tr></tbody></table>"
        );
    }

    #[test]
    fn misnested_formatting_is_reparented() {
        assert_eq!(html("<b>1<p>2</b>3</p>"), "<b>1</b><p><b>2</b>3</p>");
    }

    #[test]
    fn template_contents_are_dropped() {
        assert_eq!(html("<template><p>x</p></template>y"), "y");
        assert_eq!(
            html("<div><template shadowrootmode=open><p>x</p></template>y</div>"),
            "<div>y</div>"
        );
    }

    #[test]
    fn noscript_is_parsed_as_markup_without_scripting() {
        // Scripting disabled: the <p> inside noscript is an element, dropped with it; the
        // noscript end tag then closes it, so the img after it is a sibling.
        assert_eq!(
            html(
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">a</p></noscript>z"
            ),
            "z"
        );
    }

    #[test]
    fn attributes_are_added_to_body_when_missing() {
        // A second <body> tag adds its attributes to the context's body, which is not in
        // the fragment; nothing leaks.
        assert_eq!(html("<p>a</p><body onload=alert(1)>b"), "<p>a</p>b");
    }

    #[test]
    fn annotation_xml_integration_point_keeps_html_inside_math() {
        assert_eq!(
            html(
                "<math><annotation-xml encoding=\"text/html\"><p>in</p></annotation-xml></math>out"
            ),
            "out"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let input = "<div>".repeat(400) + "x";
        let out = html(&input);
        assert_eq!(out, "<div>".repeat(256) + "x" + &"</div>".repeat(256));
    }

    #[test]
    fn deep_nesting_is_cut_before_parsing_as_in_the_browser() {
        // 4 000 nested divs would take the tree builder about 2e7 steps; cut to the depth
        // limit first (as the DOM path does), they parse in linear time and keep their text.
        let input = "<div>".repeat(4_000) + "deep";
        let (clean, report) = sanitize_body(&input, &Policy::default());
        assert!(!report.input_too_large);
        assert_eq!(report.flattened_elements, 4_000 - 256);
        assert_eq!(
            clean.to_html().as_str(),
            "<div>".repeat(256) + "deep" + &"</div>".repeat(256)
        );
    }

    #[test]
    fn the_work_bound_stops_a_parse_that_exceeds_it() {
        assert!(parse_bounded(&"<div>".repeat(4_000), 1_000_000).is_none());
        assert!(parse_bounded(&"<p>x</p>".repeat(1_000), 1_000_000).is_some());
        // Wide input of the same size is fine.
        let (clean, report) = sanitize_body(&"<p>x</p>".repeat(12_500), &Policy::default());
        assert!(!report.input_too_large);
        assert_eq!(clean.to_html().as_str().len(), 100_000);
    }

    #[test]
    fn oversized_input_is_refused_whole() {
        let policy = Policy::default().max_input_bytes(10);
        let (clean, report) = sanitize_body("<p>more than ten bytes</p>", &policy);
        assert!(report.input_too_large);
        assert_eq!(clean.to_html().as_str(), "");
    }

    #[test]
    fn stylesheet_cannot_end_the_style_element() {
        assert!(!STYLESHEET.to_ascii_lowercase().contains("</style"));
    }

    #[test]
    fn description_falls_back_to_body_text() {
        let json = r#"{"schemaVersion":1,"id":"1","title":"T","publishedAt":"2025-07-27T21:56:43+08:00",
          "bodyHtml":"<p>First  para.</p><p>Second <b>bold</b>.</p>"}"#;
        let article = Article::from_json_str(json).unwrap().article;
        assert_eq!(
            description(&article, &Policy::default()).as_deref(),
            Some("First para. Second bold.")
        );
    }
}
