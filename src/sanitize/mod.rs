//! The sanitizer: one policy, run over any tree that implements [`HtmlTree`].
//!
//! It cleans the core's arena tree ([`Fragment`]) wherever a body is rendered: in the browser
//! build the tree the pre-pass's output is read into ([`clean_body`]: no untrusted text reaches
//! the browser's parser), on the server the tree html5ever builds (`ssr::sanitize_body`). Both
//! write the clean tree with [`CleanFragment::to_html`], and `tests/body_paths.rs` shows that a
//! parser builds the same page from either over the fixtures and the XSS corpora.
//!
//! # The default policy
//!
//! | what | default |
//! | --- | --- |
//! | kept elements | `p br h2 h3 h4 h5 h6 strong b em i u s del ins sub sup small mark code pre blockquote q cite abbr span div hr time ul ol li dl dt dd a img figure figcaption table caption thead tbody tfoot tr th td colgroup col` |
//! | renamed | `h1` becomes `h2` (the page has its own headline) |
//! | placeholders | `iframe` from an allowed host (none by default), `video`, `audio`: a `div` the DOM layer turns into click-to-load / click-to-play (see [below](#placeholders)) |
//! | removed with content | `script style template noscript object embed applet svg math form input button select textarea option optgroup datalist output keygen isindex selectedcontent base meta link title xmp noembed noframes plaintext frame frameset portal fencedframe`, every other SVG or MathML element, comments, and an `iframe`/`video`/`audio` without an acceptable URL |
//! | unwrapped (children kept) | every other element, and any element deeper than `maxDepth` |
//! | attributes on every kept element | `dir` (`ltr`/`rtl`/`auto`), `lang`, `title` |
//! | element attributes | `a`: `href`; `img`: `src`, `srcset`, `alt`, `width`, `height`; `ol`: `start`, `reversed`; `th`: `colspan`, `rowspan`, `scope`; `td`: `colspan`, `rowspan`; `col`, `colgroup`: `span`; `time`: `datetime`; `del`, `ins`: `datetime`, `cite`; `blockquote`, `q`: `cite` |
//! | every other attribute | dropped: `on*` (removed by [`prepare`] before any parser sees the body, so that a host's CSP reports nothing), `style` (unless allowed), `class`, `id`, `name`, `data-*`, `is`, `part`, `slot`, `srcdoc`, `formaction`, `ping`, ... |
//! | URLs | through [`crate::url::check`]: `href`/`cite` as links (http, https, mailto, tel, relative); `img src`/`srcset` as body images (http, https, relative, `data:image/(png\|jpeg\|gif\|webp)`); `video`/`audio` sources and posters as media; iframes as absolute `https` on an allowed host |
//! | media hosts | any: [`Policy::media_hosts`] (`allowMediaHosts`, `mediaProxy`) keeps, rewrites through the proxy or refuses each `img src` and `srcset` candidate and each `video`/`audio` source and poster ([`MediaHosts`]); an `img` without a `src` or candidate left, or an embed without a source, is removed |
//! | links to other hosts | `rel="noopener noreferrer"` (plus `ugc nofollow` with `ugc`); the own host is not set by default, so every absolute link is "other" |
//! | `target` | dropped (`linkTarget: "drop"`); `"blank"` / `"blankExternal"` force `target="_blank"` with `rel` containing `noopener` |
//! | images | `loading="lazy"`, `decoding="async"`; an `img` with no acceptable `src` or `srcset` is removed |
//! | `style` | off; `allowStyleProperties` keeps plain declarations of listed properties from [`SAFE_STYLE_PROPERTIES`] |
//! | `maxDepth` | 256: deeper elements are replaced by the text they hold (what unwrapping them all would give), walked with an explicit stack, moving only text nodes; before any parser sees a body, [`prepare`] writes it out properly nested and drops the start tags that would open deeper than this, because tree builders are quadratic in nesting |
//! | `maxInputBytes` | 4 MiB (checked by the callers that parse) |
//! | `maxNodes` | 250 000: the nodes after that are removed |
//!
//! # Placeholders
//!
//! An allowed `iframe`, a `video` or an `audio` becomes
//! `<div class="nv-embed" data-nv-embed="iframe|video|audio" data-nv-src="URL"
//! [data-nv-poster="URL"] [data-nv-width="N" data-nv-height="N"] [title="…"]></div>`; its
//! children are dropped. Only the policy writes these attributes: `class` and `data-*` from the
//! input are dropped like any other. A `div` that already carries `data-nv-embed` is read as the
//! embed it describes and judged again by the same rules (so that sanitizing is idempotent):
//! writing a placeholder by hand gains nothing over writing the `iframe` or `video` itself.

mod fragment;
mod prepass;
mod rules;
mod source;
#[cfg(test)]
mod tests;

pub use fragment::{
    sanitize_fragment, Children, CleanFragment, Fragment, Namespace, NodeId, NodeRef,
};
pub use prepass::{prepare, PreparedBody, PrepassReport};
pub use rules::SAFE_STYLE_PROPERTIES;

use crate::error::{Error, Path, Warning, WarningCode};
use crate::json::Json;
use crate::url::{MediaHosts, SafeUrl, UrlContext};
use rules::class::{Class, CELL_OR_CAPTION, CLOSES_P, HEADING, LISTISH, SPECIAL, TABLE, VOID};
use rules::{AttrRule, ElementRule, Embed, Kind};

/// What a node is, as far as the policy cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A text node.
    Text,
    /// An element in the HTML namespace; its local name is written to the caller's buffer in
    /// ASCII lower case.
    Element,
    /// An element in any other namespace (SVG, MathML): removed with its content.
    Foreign,
    /// Anything else (comment, processing instruction, CDATA, doctype): removed.
    Other,
}

/// A mutable HTML tree the policy can run over.
///
/// The walk is designed for trees where every call is expensive (in the browser each one
/// crosses from WebAssembly to JavaScript): it never asks for a parent (it keeps its own stack),
/// and a node the policy keeps untouched costs few calls — a text node two (`kind`,
/// `next_sibling`), an element without attributes four (`kind`, `has_attributes`,
/// `first_child`, then `next_sibling` once its children are done).
///
/// `parent` arguments are always the node's current parent. Implementations whose operations
/// can fail (the DOM) must fail closed: remember the failure and make their caller discard the
/// whole tree.
pub trait HtmlTree {
    /// A handle to a node. The walk keeps handles only for the current node and its ancestors.
    type Node: Copy;

    /// Whether void elements (`br`, `hr`, `img`, `col`) never have children in this tree, as in
    /// any tree an HTML parser built: the walk then does not look for them. `false` unless a
    /// tree says so.
    fn void_elements_are_empty(&self) -> bool {
        false
    }

    /// What `node` is; for an element, its local name is written to `name` (cleared first).
    fn kind(&mut self, node: Self::Node, name: &mut String) -> NodeKind;
    /// The first child of `node`.
    fn first_child(&mut self, node: Self::Node) -> Option<Self::Node>;
    /// The next sibling of `node`.
    fn next_sibling(&mut self, node: Self::Node) -> Option<Self::Node>;
    /// Whether element `node` has any attribute.
    fn has_attributes(&mut self, node: Self::Node) -> bool;
    /// The names of the attributes of element `node`, in order (`out` is cleared first).
    fn attribute_names(&mut self, node: Self::Node, out: &mut Vec<String>);
    /// The value of attribute `name` of element `node`.
    fn attribute(&mut self, node: Self::Node, name: &str) -> Option<String>;
    /// Sets attribute `name` (a name chosen by the policy) of element `node`.
    fn set_attribute(&mut self, node: Self::Node, name: &str, value: &str);
    /// Removes attribute `name` of element `node`.
    fn remove_attribute(&mut self, node: Self::Node, name: &str);
    /// Removes `node`, with everything in it, from `parent`.
    fn remove(&mut self, parent: Self::Node, node: Self::Node);
    /// Replaces `node` in `parent` by its children, in order.
    fn unwrap(&mut self, parent: Self::Node, node: Self::Node);
    /// Moves the text node `node`, from wherever it is inside `reference`'s subtree, into
    /// `parent` just before `reference` (a child of `parent`).
    fn move_before(&mut self, parent: Self::Node, node: Self::Node, reference: Self::Node);
    /// Replaces `node` in `parent` by a new HTML element named `tag` with no attributes, which
    /// takes over `node`'s children when `keep_children` (else they go with `node`). Returns the
    /// new element, or `None` when that failed.
    fn replace_with_element(
        &mut self,
        parent: Self::Node,
        node: Self::Node,
        tag: &'static str,
        keep_children: bool,
    ) -> Option<Self::Node>;
    /// Renames the HTML element `node` (a child of `parent`) to `tag`, keeping its attributes,
    /// in order, and its children. Returns the element now in its place, or `None` when that
    /// failed. The walk also calls it, with the element's own name, to make an element with an
    /// `is` value again. The default makes a new element ([`HtmlTree::replace_with_element`])
    /// and copies the attributes over, as a tree whose elements keep what they were made as
    /// (the DOM's customized built-ins) needs; a tree whose elements are only a name and
    /// attributes ([`Fragment`]) may rename in place.
    fn rename_element(
        &mut self,
        parent: Self::Node,
        node: Self::Node,
        tag: &'static str,
    ) -> Option<Self::Node> {
        let mut names = Vec::new();
        self.attribute_names(node, &mut names);
        let attrs: Vec<(String, String)> = names
            .into_iter()
            .filter_map(|n| self.attribute(node, &n).map(|v| (n, v)))
            .collect();
        let new = self.replace_with_element(parent, node, tag, true)?;
        for (n, v) in &attrs {
            self.set_attribute(new, n, v);
        }
        Some(new)
    }
}

/// What links get as `target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LinkTarget {
    /// Drop any `target` (the default): links open where the host page decides.
    #[default]
    Drop,
    /// Every http(s) or relative link gets `target="_blank"` and a `rel` with `noopener`.
    Blank,
    /// Links to other hosts get `target="_blank"` (their `rel` has `noopener` anyway).
    BlankExternal,
}

/// The sanitizer policy. Start from [`Policy::default`] (the table in the [module
/// docs](self)), change it with the builder methods or read it from the render options with
/// [`Policy::from_json`].
///
/// ```
/// use newsview::sanitize::{LinkTarget, Policy};
/// let policy = Policy::default()
///     .own_host("www.kankanews.com")
///     .allow_iframe_hosts(["player.kankanews.com"])
///     .ugc(true)
///     .link_target(LinkTarget::BlankExternal);
/// assert_eq!(policy.depth_limit(), 256);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    iframe_hosts: Vec<String>,
    own_host: Option<String>,
    ugc: bool,
    link_target: LinkTarget,
    style_properties: Vec<&'static str>,
    max_depth: usize,
    max_input_bytes: usize,
    max_nodes: usize,
    media: MediaHosts,
}

/// Declares the members of `options.sanitize` once: [`SANITIZE_KEYS`], [`SANITIZE_FIELDS`]
/// (natively, with their TypeScript types and docs, from which the tests generate the
/// `SanitizeOptions` interface of `types/newsview.d.ts`) and the enum [`Policy::from_json`]
/// matches exhaustively, so that the reader handles every declared member and no other.
macro_rules! declare_sanitize {
    ( $( $variant:ident = $name:literal: $ts:literal, $doc:literal; )* ) => {
        crate::read::declare_fields! {
            /// The members of `options.sanitize`, in the order the types list them. Any other
            /// member is an error (`sanitize.foo: unknown sanitize option`).
            pub const SANITIZE_KEYS;
            /// The members of `options.sanitize` with their TypeScript types and docs.
            pub const SANITIZE_FIELDS;
            $( $name: $ts, $doc; )*
        }

        /// A member of `options.sanitize` ([`SANITIZE_KEYS`]).
        #[derive(Clone, Copy)]
        enum Member {
            $( $variant, )*
        }

        impl Member {
            /// The member named `key`, if it is declared.
            fn from_key(key: &str) -> Option<Member> {
                match key {
                    $( $name => Some(Member::$variant), )*
                    _ => None,
                }
            }
        }
    };
}

declare_sanitize! {
    AllowIframeHosts = "allowIframeHosts": "readonly string[]",
        "https hosts whose `iframe`s become a click-to-load placeholder (all others are \
         removed).";
    OwnHost = "ownHost": "string | null",
        "The site's own host: its links get no `rel=\"noopener noreferrer\"`.";
    Ugc = "ugc": "boolean",
        "User-generated content: links to other hosts also get `rel=\"ugc nofollow\"`. \
         @defaultValue `false`";
    LinkTarget = "linkTarget": "'drop' | 'blank' | 'blankExternal'",
        "`target` on links: dropped, `_blank` on all, or `_blank` on links to other hosts. \
         @defaultValue `'drop'`";
    AllowStyleProperties = "allowStyleProperties": "readonly string[]",
        "CSS properties kept in `style` attributes (with plain values), e.g. \
         `['text-align']`. @defaultValue `[]`";
    AllowMediaHosts = "allowMediaHosts": "readonly string[] | null",
        "Hosts images, video and audio may load from: host names (`'img.example.com'`, \
         compared ignoring ASCII case and port) or `'*.example.com'` (every subdomain, not \
         `example.com` itself). Applies to every media URL: body images and each `srcset` \
         candidate, body video/audio sources and posters, the cover, the lead video and its \
         poster, related-video covers, avatars. Relative and `data:image/…` URLs are always \
         allowed, and so is the host of `mediaProxy`. A media URL on another host is \
         rewritten through `mediaProxy`, or without one dropped like a refused URL (an image \
         without a `src` left is removed; a warning says so). `[]` allows no host. \
         @defaultValue any host";
    MaxDepth = "maxDepth": "number",
        "Deeper elements are flattened to their text. @defaultValue `256`";
    MaxInputBytes = "maxInputBytes": "number",
        "Larger bodies are refused whole. @defaultValue `4194304` (4 MiB)";
    MaxNodes = "maxNodes": "number",
        "Nodes after this many are removed. @defaultValue `250000`";
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            iframe_hosts: Vec::new(),
            own_host: None,
            ugc: false,
            link_target: LinkTarget::Drop,
            style_properties: Vec::new(),
            max_depth: 256,
            max_input_bytes: 4 * 1024 * 1024,
            max_nodes: 250_000,
            media: MediaHosts::default(),
        }
    }
}

impl Policy {
    /// Hosts whose `iframe`s (absolute `https` URLs) become click-to-load placeholders,
    /// compared with the URL's host exactly, ignoring ASCII case (no subdomain matching).
    /// Replaces the list. Default: none (every `iframe` is removed).
    pub fn allow_iframe_hosts<I, S>(mut self, hosts: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.iframe_hosts = hosts
            .into_iter()
            .map(|h| h.as_ref().to_ascii_lowercase())
            .collect();
        self
    }

    /// The site's own host: links to it are not "other hosts" (no `noopener noreferrer`, no
    /// `ugc nofollow`). Compared exactly, ignoring ASCII case. Default: none, so every absolute
    /// link is to another host.
    pub fn own_host(mut self, host: &str) -> Self {
        self.own_host = Some(host.to_ascii_lowercase());
        self
    }

    /// Whether the body is user-generated: links to other hosts also get `ugc nofollow`.
    /// Default: `false`.
    pub fn ugc(mut self, ugc: bool) -> Self {
        self.ugc = ugc;
        self
    }

    /// What links get as `target`. Default: [`LinkTarget::Drop`].
    pub fn link_target(mut self, target: LinkTarget) -> Self {
        self.link_target = target;
        self
    }

    /// CSS properties kept in `style` attributes. Only names in [`SAFE_STYLE_PROPERTIES`] are
    /// taken; others are ignored. Replaces the list. Default: none (every `style` is dropped).
    pub fn allow_style_properties(mut self, properties: &[&str]) -> Self {
        self.style_properties = properties
            .iter()
            .filter_map(|p| safe_style_property(p))
            .collect();
        self
    }

    /// Elements deeper than `depth` (the fragment's top level is depth 1) are unwrapped, their
    /// children hoisted in their place. Default: 256.
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }

    /// Bodies larger than `bytes` are refused whole by the callers that parse (see
    /// [`Policy::input_limit`]). Default: 4 MiB.
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// At most `nodes` nodes are visited; the nodes after that are removed and the report says
    /// `truncated`. Default: 250 000.
    pub fn max_nodes(mut self, nodes: usize) -> Self {
        self.max_nodes = nodes;
        self
    }

    /// Which hosts body images, `video`/`audio` sources and posters may load from, and the
    /// proxy for the others ([`MediaHosts`]). Default: any host.
    pub fn media_hosts(mut self, media: MediaHosts) -> Self {
        self.media = media;
        self
    }

    /// The media hosts set by [`Policy::media_hosts`].
    pub fn media(&self) -> &MediaHosts {
        &self.media
    }

    /// The depth bound set by [`Policy::max_depth`].
    pub fn depth_limit(&self) -> usize {
        self.max_depth
    }

    /// The input size bound set by [`Policy::max_input_bytes`], in bytes.
    pub fn input_limit(&self) -> usize {
        self.max_input_bytes
    }

    /// The node bound set by [`Policy::max_nodes`].
    pub fn node_limit(&self) -> usize {
        self.max_nodes
    }

    /// Reads the policy from the render options: the member `sanitize` of `options`, an object
    /// with any of `allowIframeHosts` (array of strings), `ownHost` (string), `ugc` (boolean),
    /// `linkTarget` (`"drop"`, `"blank"` or `"blankExternal"`), `allowStyleProperties` (array
    /// of names from [`SAFE_STYLE_PROPERTIES`]), `allowMediaHosts` (array of hosts or
    /// `*.domain`), `maxDepth`, `maxInputBytes`, `maxNodes` (positive integers); and the
    /// top-level `options.mediaProxy` (see [`MediaHosts`]). A missing or `null` `sanitize` (or
    /// `options`) gives the default; unknown members and wrong types are errors that name the
    /// field.
    pub fn from_json(options: &Json) -> Result<Policy, Error> {
        let mut policy = Policy::default();
        policy.read_json(options)?;
        Ok(policy)
    }

    /// [`Policy::from_json`] into `self` (a default policy): the render options read their
    /// `sanitize` in place.
    pub(crate) fn read_json(&mut self, options: &Json) -> Result<(), Error> {
        let policy = self;
        let root = Path::Root("");
        if !matches!(options, Json::Null | Json::Object(_)) {
            return Err(expected(&root, "an object", options));
        }
        // `sanitize.allowMediaHosts` with `mediaProxy`, read as the render options read them.
        crate::options::media_hosts(options, &root, &mut policy.media)?;
        let sanitize = match options.get("sanitize") {
            None | Some(Json::Null) => return Ok(()),
            Some(s) => s,
        };
        let sanitize_path = root.key("sanitize");
        let Json::Object(members) = sanitize else {
            return Err(expected(&sanitize_path, "an object", sanitize));
        };
        for (key, value) in members {
            let path = sanitize_path.key(key);
            let Some(member) = Member::from_key(key) else {
                return Err(path.error("unknown sanitize option"));
            };
            match member {
                Member::AllowIframeHosts => {
                    policy.iframe_hosts = strings(&path, value)?
                        .iter()
                        .map(|h| h.to_ascii_lowercase())
                        .collect();
                }
                Member::OwnHost => match value {
                    Json::Null => policy.own_host = None,
                    Json::String(s) => policy.own_host = Some(s.to_ascii_lowercase()),
                    other => return Err(expected(&path, "a string", other)),
                },
                Member::Ugc => match value {
                    Json::Bool(b) => policy.ugc = *b,
                    other => return Err(expected(&path, "a boolean", other)),
                },
                Member::LinkTarget => {
                    policy.link_target = match value {
                        Json::String(s) if s == "drop" => LinkTarget::Drop,
                        Json::String(s) if s == "blank" => LinkTarget::Blank,
                        Json::String(s) if s == "blankExternal" => LinkTarget::BlankExternal,
                        _ => {
                            return Err(
                                path.error("expected \"drop\", \"blank\" or \"blankExternal\"")
                            )
                        }
                    }
                }
                Member::AllowStyleProperties => {
                    let names = strings(&path, value)?;
                    let mut props = Vec::with_capacity(names.len());
                    for (i, name) in names.iter().enumerate() {
                        props.push(safe_style_property(name).ok_or_else(|| {
                            path.index(i)
                                .error("not a CSS property that may be allowed")
                        })?);
                    }
                    policy.style_properties = props;
                }
                // Read above, with `mediaProxy`.
                Member::AllowMediaHosts => {}
                Member::MaxDepth => policy.max_depth = positive(&path, value)?,
                Member::MaxInputBytes => policy.max_input_bytes = positive(&path, value)?,
                Member::MaxNodes => policy.max_nodes = positive(&path, value)?,
            }
        }
        Ok(())
    }

    fn is_own_host(&self, host: &str) -> bool {
        self.own_host.as_deref() == Some(host)
    }
}

fn safe_style_property(name: &str) -> Option<&'static str> {
    rules::SAFE_STYLE_PROPERTIES
        .iter()
        .copied()
        .find(|p| p.eq_ignore_ascii_case(name))
}

fn expected(path: &Path<'_>, what: &str, got: &Json) -> Error {
    let mut m = String::from("expected ");
    m.push_str(what);
    m.push_str(", found ");
    m.push_str(got.type_name());
    path.error(m)
}

/// The items of array `value`, which must all be strings.
fn strings<'j>(path: &Path<'_>, value: &'j Json) -> Result<Vec<&'j str>, Error> {
    let Json::Array(items) = value else {
        return Err(expected(path, "an array of strings", value));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Json::String(s) => out.push(&**s),
            other => return Err(expected(&path.index(i), "a string", other)),
        }
    }
    Ok(out)
}

fn positive(path: &Path<'_>, value: &Json) -> Result<usize, Error> {
    match value {
        Json::Number(n) if *n >= 1.0 && *n <= 1e12 && n.fract() == 0.0 => Ok(*n as usize),
        _ => Err(path.error("expected a positive integer")),
    }
}

/// What the policy removed or changed, for the warnings a host sees.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Report {
    /// Elements removed with their content (scripts, forms, foreign content, embeds and images
    /// without an acceptable URL, ...).
    pub removed_elements: usize,
    /// Unknown elements replaced by their children.
    pub unwrapped_elements: usize,
    /// Kept elements deeper than `maxDepth`, replaced by their children (the text they hold).
    pub flattened_elements: usize,
    /// Attributes removed (URL attributes not included).
    pub removed_attributes: usize,
    /// URLs refused (`href`, `src`, `srcset` candidates, `cite`, posters).
    pub removed_urls: usize,
    /// Comments and other non-element, non-text nodes removed.
    pub removed_other: usize,
    /// Click-to-load or click-to-play placeholders made.
    pub embeds: usize,
    /// `maxNodes` was reached: every node after it was removed.
    pub truncated: bool,
    /// The input was larger than `maxInputBytes` and was refused whole (set by the callers
    /// that parse).
    pub input_too_large: bool,
}

impl Report {
    /// Adds what the pre-pass ([`prepare`]) removed or cut.
    pub fn add_prepass(&mut self, p: &PrepassReport) {
        self.flattened_elements += p.flattened_elements;
        self.removed_attributes += p.removed_attributes;
        self.removed_other += p.removed_other;
        self.removed_elements += p.removed_elements;
        self.truncated |= p.truncated;
    }

    /// Whether anything unsafe or unknown was removed or cut (placeholders and the policy's
    /// own additions do not count).
    pub fn removed_anything(&self) -> bool {
        self.removed_elements
            + self.unwrapped_elements
            + self.flattened_elements
            + self.removed_attributes
            + self.removed_urls
            + self.removed_other
            > 0
            || self.truncated
            || self.input_too_large
    }
}

impl Report {
    /// The one warning that sums up what the body sanitizer removed, e.g.
    /// `bodyHtml: removed 3 elements, 2 attributes, 1 URL`; `None` when it removed nothing.
    pub fn warning(&self) -> Option<Warning> {
        let report = self;
        // What each count says: verb and noun; a count other than 1 takes a plural `s`.
        const PARTS: [(&str, &str); 6] = [
            ("removed ", " element"),
            ("removed ", " attribute"),
            ("removed ", " URL"),
            ("removed ", " comment or other node"),
            ("unwrapped ", " unknown element"),
            ("flattened ", " too deeply nested element"),
        ];
        let counts = [
            report.removed_elements,
            report.removed_attributes,
            report.removed_urls,
            report.removed_other,
            report.unwrapped_elements,
            report.flattened_elements,
        ];
        let mut message = String::new();
        for (&n, (verb, noun)) in counts.iter().zip(PARTS) {
            if n == 0 {
                continue;
            }
            if !message.is_empty() {
                message.push_str(", ");
            }
            message.push_str(verb);
            crate::text::push_u64(&mut message, n as u64);
            message.push_str(noun);
            if n != 1 {
                message.push('s');
            }
        }
        for (flag, text) in [
            (report.truncated, "cut at the node limit"),
            (report.input_too_large, "refused: larger than maxInputBytes"),
        ] {
            if flag {
                if !message.is_empty() {
                    message.push_str(", ");
                }
                message.push_str(text);
            }
        }
        (!message.is_empty()).then(|| Warning {
            path: String::from("bodyHtml"),
            code: WarningCode::Sanitized,
            message,
        })
    }
}

/// Cleans an article body into markup, with the report of what was removed: the body path of
/// the browser build, where no untrusted text reaches the browser's HTML parser.
///
/// The body goes through [`prepare`] (linear, bounded, properly nested), is read into a
/// [`Fragment`] by a stack (the pre-pass's output needs no tree builder), the policy runs over
/// that tree, and the clean tree is written by [`CleanFragment::to_html`]. The browser parses
/// only that: elements and attributes the policy kept, every value escaped, text whose `<` and
/// `>` are references. Where the source was misnested, the browser may still re-nest the clean
/// elements when it parses them (a block the pre-pass left inside an inline element); it
/// cannot make an element or attribute the policy did not write. A body longer than
/// [`Policy::input_limit`] is refused whole (empty markup, `input_too_large`). Linear in the
/// length of `html`.
pub fn clean_body(html: &str, policy: &Policy) -> (crate::view::Markup, Report) {
    if html.len() > policy.input_limit() {
        let report = Report {
            input_too_large: true,
            ..Report::default()
        };
        return (crate::view::Markup::from_trusted(String::new()), report);
    }
    let (prepared, pre) = prepare(html, policy.depth_limit(), policy.node_limit());
    let fragment = source::fragment_of(&prepared);
    drop(prepared);
    let (clean, mut report) = sanitize_fragment(fragment, policy);
    report.add_prepass(&pre);
    (clean.to_html(), report)
}

/// Runs `policy` over the children of `root` (`root` itself is not judged), in place.
///
/// One iterative pre-order walk with an explicit stack of ancestors, bounded by
/// [`Policy::max_depth`]: each node is visited once and moved at most once (when its parent is
/// unwrapped), so the cost is linear in the size of the tree, and no input can make it recurse.
pub fn sanitize<T: HtmlTree>(tree: &mut T, root: T::Node, policy: &Policy) -> Report {
    let mut walker = Walker {
        tree,
        policy,
        report: Report::default(),
        name: String::new(),
        names: Vec::new(),
        kept: Vec::new(),
        visited: 0,
        frames: vec![Frame::ROOT],
        kept_tag: "",
        kept_class: 0,
    };
    walker.run(root);
    walker.report
}

enum Step<N> {
    /// Go on with this node (a sibling, or a hoisted child), or go up when `None`.
    Next(Option<N>),
    /// The node was kept: go down into its children.
    Descend(N),
    /// `maxNodes` was reached: remove this node and everything after it.
    Truncate(Option<N>),
}

struct Walker<'a, T: HtmlTree> {
    tree: &'a mut T,
    policy: &'a Policy,
    report: Report,
    /// The current element's local name.
    name: String,
    /// The current element's attribute names.
    names: Vec<String>,
    /// Kept attributes whose value changed: index into `names`, new value.
    kept: Vec<(usize, String)>,
    /// Nodes visited so far.
    visited: usize,
    /// What the tree builder would see above the current node, one frame per kept ancestor
    /// (the root's first), so that the clean tree parses back to itself (see [`Frame`]).
    frames: Vec<Frame>,
    /// The tag of the element [`Walker::keep`] kept last, for its frame.
    kept_tag: &'static str,
    /// That tag's class bits.
    kept_class: Class,
}

/// One kept ancestor, as the HTML tree builder's rules see it when the clean tree is written
/// out and parsed again. A parser never nests a block in an open `p`, a heading directly in a
/// heading, an `li` in an `li` (nor `dd`/`dt` in `dd`/`dt`) without a list between, or an `a` in
/// an `a`; unwrapping an unknown element (`<p><marquee><div>`) can. The walker mends each case
/// so that the server's markup parses to the tree the browser path builds: the `p` becomes a
/// `div`, the inner heading or `a` a `span`, the inner `li`/`dd`/`dt` a `div`.
#[derive(Clone, Copy)]
struct Frame {
    tag: &'static str,
    /// The tag's class bits ([`rules::class`]).
    class: Class,
    /// Index of the `p` in button scope, or `usize::MAX`.
    p: usize,
    /// An `a` is open with no table cell or caption between.
    a: bool,
    /// An `li` is open with no special element other than `div`/`p`/`address` between.
    li: bool,
    /// Likewise for `dd`/`dt`.
    dd: bool,
}

impl Frame {
    const ROOT: Frame = Frame {
        tag: "",
        class: 0,
        p: usize::MAX,
        a: false,
        li: false,
        dd: false,
    };

    /// The frame of a child `tag` (class bits `class`) at index `index` of a node whose frame
    /// is `self`.
    fn child(self, tag: &'static str, class: Class, index: usize) -> Frame {
        let cell = class & CELL_OR_CAPTION != 0;
        let stops_list = class & SPECIAL != 0 && class & LISTISH == 0;
        Frame {
            tag,
            class,
            p: if tag == "p" {
                index
            } else if cell || class & TABLE != 0 {
                usize::MAX
            } else {
                self.p
            },
            a: tag == "a" || (!cell && self.a),
            li: tag == "li" || (!stops_list && self.li),
            dd: matches!(tag, "dd" | "dt") || (!stops_list && self.dd),
        }
    }
}

impl<T: HtmlTree> Walker<'_, T> {
    fn run(&mut self, root: T::Node) {
        let mut stack: Vec<T::Node> = vec![root];
        let mut cur = self.tree.first_child(root);
        while let Some(&parent) = stack.last() {
            let Some(node) = cur else {
                stack.pop();
                self.frames.pop();
                cur = if stack.is_empty() {
                    None
                } else {
                    self.tree.next_sibling(parent)
                };
                continue;
            };
            self.visited += 1;
            if self.visited > self.policy.max_nodes {
                self.truncate(&mut stack, Some(node));
                return;
            }
            let step = match self.tree.kind(node, &mut self.name) {
                NodeKind::Text => Step::Next(self.tree.next_sibling(node)),
                NodeKind::Other => {
                    self.report.removed_other += 1;
                    Step::Next(self.remove(parent, node))
                }
                NodeKind::Foreign => {
                    self.report.removed_elements += 1;
                    Step::Next(self.remove(parent, node))
                }
                NodeKind::Element => {
                    let (rule, class) = rules::classify(&self.name);
                    let block = class & CLOSES_P != 0
                        && matches!(rule, ElementRule::Keep(..) | ElementRule::Rename(..));
                    if block {
                        self.close_p_ancestor(&mut stack);
                    }
                    let parent = stack.last().copied().unwrap_or(parent);
                    let embeds = self.report.embeds;
                    let step = self.element(parent, node, stack.len(), rule, class);
                    // A placeholder is a block too.
                    if self.report.embeds > embeds {
                        self.close_p_ancestor(&mut stack);
                    }
                    step
                }
            };
            cur = match step {
                Step::Next(next) => next,
                Step::Descend(n) => {
                    let parent_frame = self.frames.last().copied().unwrap_or(Frame::ROOT);
                    self.frames.push(parent_frame.child(
                        self.kept_tag,
                        self.kept_class,
                        stack.len(),
                    ));
                    stack.push(n);
                    self.tree.first_child(n)
                }
                Step::Truncate(next) => {
                    self.truncate(&mut stack, next);
                    return;
                }
            };
        }
    }

    /// Makes a `div` of the `p` in button scope above the current node, if there is one (a
    /// block is about to go into it: see [`Frame`]), keeping its attributes and children.
    fn close_p_ancestor(&mut self, stack: &mut [T::Node]) {
        let Some(k) = self.frames.last().map(|f| f.p) else {
            return;
        };
        if self.frames.get(k).map(|f| f.tag) != Some("p") || k == 0 {
            return;
        }
        let (Some(&grand), Some(&p)) = (stack.get(k - 1), stack.get(k)) else {
            return;
        };
        if let Some(div) = self.tree.rename_element(grand, p, "div") {
            if let Some(slot) = stack.get_mut(k) {
                *slot = div;
            }
            if let Some(f) = self.frames.get_mut(k) {
                f.tag = "div";
                f.class = prepass::class("div");
            }
        }
    }

    /// Removes `node` and every node after it in document order that was not visited yet.
    fn truncate(&mut self, stack: &mut Vec<T::Node>, from: Option<T::Node>) {
        self.report.truncated = true;
        let mut cur = from;
        while let Some(&parent) = stack.last() {
            while let Some(n) = cur {
                cur = self.tree.next_sibling(n);
                self.tree.remove(parent, n);
            }
            stack.pop();
            if !stack.is_empty() {
                cur = self.tree.next_sibling(parent);
            }
        }
    }

    fn remove(&mut self, parent: T::Node, node: T::Node) -> Option<T::Node> {
        let next = self.tree.next_sibling(node);
        self.tree.remove(parent, node);
        next
    }

    fn unwrap(&mut self, parent: T::Node, node: T::Node) -> Option<T::Node> {
        let next = match self.tree.first_child(node) {
            Some(first) => Some(first),
            None => self.tree.next_sibling(node),
        };
        self.tree.unwrap(parent, node);
        next
    }

    /// Judges an HTML element at `depth` (1 for the top level), whose rule and class bits
    /// are `rule` and `class` ([`rules::classify`]).
    fn element(
        &mut self,
        parent: T::Node,
        node: T::Node,
        depth: usize,
        rule: ElementRule,
        class: Class,
    ) -> Step<T::Node> {
        let too_deep = depth > self.policy.max_depth;
        match rule {
            ElementRule::Drop => {
                self.report.removed_elements += 1;
                Step::Next(self.remove(parent, node))
            }
            ElementRule::Embed(_) if too_deep => {
                self.report.removed_elements += 1;
                Step::Next(self.remove(parent, node))
            }
            ElementRule::Embed(e) => Step::Next(self.embed(parent, node, e, false)),
            ElementRule::Keep(..) | ElementRule::Rename(..) | ElementRule::Unwrap if too_deep => {
                self.flatten(parent, node)
            }
            ElementRule::Unwrap => {
                self.report.unwrapped_elements += 1;
                Step::Next(self.unwrap(parent, node))
            }
            ElementRule::Keep(tag, kind) => self.keep(parent, node, tag, kind, class, false),
            ElementRule::Rename(tag, kind) => self.keep(parent, node, tag, kind, class, true),
        }
    }

    /// Replaces a too-deep element by the text it holds: its subtree is walked once (with an
    /// explicit stack), each text node not inside a removed element is moved in front of it,
    /// and the rest goes with it in one removal. The result is what unwrapping every element
    /// down the subtree would give, but only leaves move, so the cost stays linear even where
    /// moving a node costs the size of its subtree (the browser's DOM).
    fn flatten(&mut self, parent: T::Node, node: T::Node) -> Step<T::Node> {
        let next = self.tree.next_sibling(node);
        let table_part = self.frames.last().is_some_and(|f| {
            matches!(
                f.tag,
                "table" | "tbody" | "thead" | "tfoot" | "tr" | "colgroup"
            )
        });
        self.count_flattened();
        let mut stack: Vec<T::Node> = vec![node];
        let mut cur = self.tree.first_child(node);
        let mut truncated = false;
        while let Some(&up) = stack.last() {
            let Some(n) = cur else {
                stack.pop();
                cur = if stack.is_empty() {
                    None
                } else {
                    self.tree.next_sibling(up)
                };
                continue;
            };
            self.visited += 1;
            if self.visited > self.policy.max_nodes {
                truncated = true;
                break;
            }
            cur = self.tree.next_sibling(n);
            match self.tree.kind(n, &mut self.name) {
                // Text directly in a table, section, row or column group would be moved out
                // of the table when the markup is parsed again: it goes with the element.
                NodeKind::Text if table_part => {}
                NodeKind::Text => self.tree.move_before(parent, n, node),
                NodeKind::Other => self.report.removed_other += 1,
                NodeKind::Foreign => self.report.removed_elements += 1,
                NodeKind::Element => match rules::classify(&self.name).0 {
                    ElementRule::Drop | ElementRule::Embed(_) => self.report.removed_elements += 1,
                    _ => {
                        self.count_flattened();
                        stack.push(n);
                        cur = self.tree.first_child(n);
                    }
                },
            }
        }
        self.tree.remove(parent, node);
        if truncated {
            Step::Truncate(next)
        } else {
            Step::Next(next)
        }
    }

    /// Counts the element in `self.name` as flattened (or unwrapped, when it is unknown).
    fn count_flattened(&mut self) {
        if rules::classify(&self.name).0 == ElementRule::Unwrap {
            self.report.unwrapped_elements += 1;
        } else {
            self.report.flattened_elements += 1;
        }
    }

    /// Cleans the attributes of a kept element (recreating it when it is renamed or carries an
    /// `is` value), then goes into its children (or removes them for void elements).
    fn keep(
        &mut self,
        parent: T::Node,
        node: T::Node,
        tag: &'static str,
        kind: Kind,
        class: Class,
        rename: bool,
    ) -> Step<T::Node> {
        // Nestings a parser would not build are renamed (see [`Frame`]).
        let parent_frame = self.frames.last().copied().unwrap_or(Frame::ROOT);
        let renamed = if class & parent_frame.class & HEADING != 0 || tag == "a" && parent_frame.a {
            Some("span")
        } else if tag == "li" && parent_frame.li || matches!(tag, "dd" | "dt") && parent_frame.dd {
            Some("div")
        } else {
            None
        };
        let (tag, kind, class, rename) = match renamed {
            Some(new) => (new, Kind::Plain, prepass::class(new), true),
            None => (tag, kind, class, rename),
        };
        self.kept_tag = tag;
        self.kept_class = class;
        self.names.clear();
        if self.tree.has_attributes(node) {
            self.tree.attribute_names(node, &mut self.names);
        }
        if kind == Kind::Div && self.names.iter().any(|n| n == "data-nv-embed") {
            let embed = self
                .tree
                .attribute(node, "data-nv-embed")
                .and_then(|v| Embed::from_placeholder(&v));
            if let Some(e) = embed {
                return Step::Next(self.embed(parent, node, e, true));
            }
        }
        // A customized built-in's `is` value is fixed when the element is made; removing the
        // attribute does not clear it, so the element is made again (as it is when renamed).
        let recreate = rename || self.names.iter().any(|n| n == "is");
        let node = if recreate {
            match self.tree.rename_element(parent, node, tag) {
                Some(new) => new,
                None => {
                    self.report.removed_elements += 1;
                    return Step::Next(self.tree.next_sibling(node));
                }
            }
        } else {
            node
        };

        self.kept.clear();
        // `rel` and `target` for the link's `href`, when it has one.
        let mut link = (None, None);
        let mut has_src = false;
        // Whether the element has the two attributes the policy manages for `a` and `img`.
        let mut managed = [false; 2];
        let mut value = String::new();
        for i in 0..self.names.len() {
            let Some(name) = self.names.get(i) else {
                break;
            };
            let rule = rules::attr_rule(kind, name);
            if rule == AttrRule::Managed {
                let slot = usize::from(matches!(name.as_str(), "target" | "decoding"));
                if let Some(m) = managed.get_mut(slot) {
                    *m = true;
                }
                // A made-again element gets the managed attributes after its own.
                if recreate {
                    self.tree.remove_attribute(node, name);
                }
                continue;
            }
            let old = match rule {
                AttrRule::Drop => None,
                AttrRule::Style if self.policy.style_properties.is_empty() => None,
                _ => self.tree.attribute(node, name),
            };
            let Some(old) = old else {
                self.drop_attribute(node, i, true);
                continue;
            };
            let ok = match rule {
                AttrRule::Url(ctx) => match self.policy.media.check(&old, ctx) {
                    Some(u) => {
                        value.clear();
                        value.push_str(u.as_str());
                        has_src |= kind == Kind::Img;
                        if kind == Kind::A {
                            link = self.link_attributes(&u);
                        }
                        true
                    }
                    None => {
                        self.report.removed_urls += 1;
                        self.drop_attribute(node, i, false);
                        continue;
                    }
                },
                AttrRule::Srcset => {
                    self.report.removed_urls +=
                        rules::clean_srcset(&old, &self.policy.media, &mut value);
                    if value.is_empty() {
                        self.drop_attribute(node, i, false);
                        continue;
                    }
                    has_src = true;
                    true
                }
                rule => rules::clean_value(rule, &old, &self.policy.style_properties, &mut value),
            };
            if !ok {
                self.drop_attribute(node, i, true);
            } else if old != value {
                self.kept.push((i, std::mem::take(&mut value)));
            }
        }

        // The attributes the policy sets itself.
        let mut wanted: [(&'static str, Option<&'static str>); 2] = [("", None), ("", None)];
        match kind {
            Kind::A => {
                let (rel, target) = link;
                wanted = [("rel", rel), ("target", target)];
            }
            Kind::Img => {
                if !has_src {
                    self.report.removed_elements += 1;
                    return Step::Next(self.remove(parent, node));
                }
                wanted = [("loading", Some("lazy")), ("decoding", Some("async"))];
            }
            _ => {}
        }

        for (i, value) in &self.kept {
            if let Some(name) = self.names.get(*i) {
                self.tree.set_attribute(node, name, value);
            }
        }
        for ((name, value), present) in wanted.iter().zip(managed) {
            match value {
                // Those of a made-again element were removed above; the others still have
                // the value they came with.
                Some(v) if recreate || self.tree.attribute(node, name).as_deref() != Some(*v) => {
                    self.tree.set_attribute(node, name, v)
                }
                None if present => {
                    self.report.removed_attributes += 1;
                    if !recreate {
                        self.tree.remove_attribute(node, name);
                    }
                }
                _ => {}
            }
        }
        let target = node;

        if class & VOID != 0 {
            let next = self.tree.next_sibling(target);
            let mut child = if self.tree.void_elements_are_empty() {
                None
            } else {
                self.tree.first_child(target)
            };
            while let Some(c) = child {
                child = self.tree.next_sibling(c);
                self.report.removed_other += 1;
                self.tree.remove(target, c);
            }
            Step::Next(next)
        } else {
            Step::Descend(target)
        }
    }

    fn drop_attribute(&mut self, node: T::Node, i: usize, count: bool) {
        if count {
            self.report.removed_attributes += 1;
        }
        if let Some(name) = self.names.get(i) {
            self.tree.remove_attribute(node, name);
        }
    }

    /// `rel` and `target` for a link to `href`.
    fn link_attributes(&self, href: &SafeUrl) -> (Option<&'static str>, Option<&'static str>) {
        let external = href.host().is_some_and(|h| !self.policy.is_own_host(h));
        let blank = match self.policy.link_target {
            LinkTarget::Drop => false,
            LinkTarget::Blank => href.is_web(),
            LinkTarget::BlankExternal => external,
        };
        let rel = match (external, self.policy.ugc, blank) {
            (true, true, _) => Some("noopener noreferrer ugc nofollow"),
            (true, false, _) => Some("noopener noreferrer"),
            (false, _, true) => Some("noopener"),
            (false, _, false) => None,
        };
        (rel, blank.then_some("_blank"))
    }

    /// Makes the placeholder for an embed (or re-judges one), or removes it. Returns the node
    /// to go on with.
    fn embed(
        &mut self,
        parent: T::Node,
        node: T::Node,
        embed: Embed,
        placeholder: bool,
    ) -> Option<T::Node> {
        let next = self.tree.next_sibling(node);
        // The attributes read: the element's own, or the placeholder's.
        let [src_name, poster_name, width_name, height_name] = if placeholder {
            [
                "data-nv-src",
                "data-nv-poster",
                "data-nv-width",
                "data-nv-height",
            ]
        } else {
            ["src", "poster", "width", "height"]
        };
        let ctx = if embed == Embed::Iframe {
            UrlContext::Absolute
        } else {
            UrlContext::Media
        };
        let mut src = self.url_attribute(node, src_name, ctx);
        if src.is_none() && !placeholder && embed != Embed::Iframe {
            src = self.first_source(node);
        }
        if embed == Embed::Iframe {
            src = src.filter(|u| {
                u.as_str().starts_with("https:")
                    && u.host()
                        .is_some_and(|h| self.policy.iframe_hosts.iter().any(|a| a == h))
            });
        }
        let Some(src) = src else {
            self.report.removed_elements += 1;
            self.tree.remove(parent, node);
            return next;
        };
        let poster = if embed == Embed::Video {
            self.url_attribute(node, poster_name, UrlContext::Media)
        } else {
            None
        };
        let mut size = None;
        if embed == Embed::Iframe {
            let w = self.tree.attribute(node, width_name);
            let h = self.tree.attribute(node, height_name);
            // As `AttrRule::Count` judges them.
            if let (Some(w), Some(h)) = (
                w.filter(|v| rules::is_digits(v)),
                h.filter(|v| rules::is_digits(v)),
            ) {
                size = Some((w, h));
            }
        }
        let title = self.tree.attribute(node, "title");
        let Some(div) = self.tree.replace_with_element(parent, node, "div", false) else {
            self.report.removed_elements += 1;
            return next;
        };
        self.report.embeds += 1;
        self.tree.set_attribute(div, "class", "nv-embed");
        self.tree
            .set_attribute(div, "data-nv-embed", embed.as_str());
        self.tree.set_attribute(div, "data-nv-src", src.as_str());
        if let Some(p) = poster {
            self.tree.set_attribute(div, "data-nv-poster", p.as_str());
        }
        if let Some((w, h)) = size {
            self.tree.set_attribute(div, "data-nv-width", &w);
            self.tree.set_attribute(div, "data-nv-height", &h);
        }
        if let Some(t) = title {
            self.tree.set_attribute(div, "title", &t);
        }
        next
    }

    /// Attribute `name` of `node` as a URL accepted in `ctx`.
    fn url_attribute(&mut self, node: T::Node, name: &str, ctx: UrlContext) -> Option<SafeUrl> {
        let v = self.tree.attribute(node, name)?;
        self.policy.media.check(&v, ctx)
    }

    /// The first acceptable `source src` among the children of a `video` or `audio`.
    fn first_source(&mut self, node: T::Node) -> Option<SafeUrl> {
        let mut child = self.tree.first_child(node);
        while let Some(c) = child {
            if self.tree.kind(c, &mut self.name) == NodeKind::Element && self.name == "source" {
                if let Some(u) = self.url_attribute(c, "src", UrlContext::Media) {
                    return Some(u);
                }
            }
            child = self.tree.next_sibling(c);
        }
        None
    }
}
