//! An arena tree of HTML nodes, the core's own [`HtmlTree`], and its serializer for sanitized
//! trees.

use super::{rules, HtmlTree, NodeKind, Policy, Report};
use crate::view::Markup;

/// A node of a [`Fragment`]. Ids are only meaningful for the fragment that made them; an id
/// from another fragment is ignored or answers `None`, it never panics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NodeId(usize);

/// The namespace of an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Namespace {
    /// HTML.
    Html,
    /// SVG (foreign content: removed by the sanitizer).
    Svg,
    /// MathML (foreign content: removed by the sanitizer).
    MathMl,
}

#[derive(Debug, Clone)]
enum Data {
    Root,
    Element {
        ns: Namespace,
        name: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
    /// Text as the source wrote it: character references not decoded, never a `<` or `>` that
    /// the serializer does not escape. Only [`super::source`] makes it.
    SourceText(String),
    Comment(String),
}

const NONE: usize = usize::MAX;

#[derive(Debug, Clone)]
struct Slot {
    parent: usize,
    first: usize,
    last: usize,
    prev: usize,
    next: usize,
    data: Data,
}

/// A read-only view of one node of a [`Fragment`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeRef<'a> {
    /// The fragment's root (it has children only).
    Root,
    /// An element.
    Element {
        /// Its namespace.
        namespace: Namespace,
        /// Its local name (ASCII lower case for HTML elements).
        name: &'a str,
        /// Its attributes, in order.
        attrs: &'a [(String, String)],
    },
    /// A text node (text as it reads, not escaped).
    Text(&'a str),
    /// A text node as the body's source wrote it (character references not decoded): the text
    /// nodes of a fragment read from the pre-pass's output (see [`super::clean_body`]).
    SourceText(&'a str),
    /// A comment.
    Comment(&'a str),
}

/// An HTML fragment as an arena tree: the nodes live in one vector and link to each other by
/// index. Build it with the `append_*` methods (tests, or a native HTML parser feeding it), then
/// run the policy over it with [`sanitize_fragment`], which gives the only type that can be
/// written out as markup, [`CleanFragment`].
///
/// Element and attribute names of HTML elements are stored in ASCII lower case, as the HTML
/// parser produces them. Every operation is iterative; removing or unwrapping a node costs
/// time linear in its number of children.
#[derive(Debug, Clone)]
pub struct Fragment {
    nodes: Vec<Slot>,
}

impl Default for Fragment {
    fn default() -> Self {
        Fragment::new()
    }
}

impl Fragment {
    /// An empty fragment: a root with no children.
    pub fn new() -> Fragment {
        Fragment {
            nodes: vec![Slot {
                parent: NONE,
                first: NONE,
                last: NONE,
                prev: NONE,
                next: NONE,
                data: Data::Root,
            }],
        }
    }

    /// The root; the fragment's top-level nodes are its children.
    pub fn root(&self) -> NodeId {
        NodeId(0)
    }

    /// How many nodes were ever made in this fragment (removed ones included).
    pub fn capacity_used(&self) -> usize {
        self.nodes.len()
    }

    /// Appends an HTML element named `name` (lower-cased) with `attrs` (names lower-cased) as the
    /// last child of `parent`. (If `parent` cannot have children, the element is made detached;
    /// the same holds for every `append_*` method.)
    pub fn append_element(&mut self, parent: NodeId, name: &str, attrs: &[(&str, &str)]) -> NodeId {
        self.append_element_ns(parent, Namespace::Html, name, attrs)
    }

    /// Appends an element in namespace `ns`. HTML names are lower-cased; foreign names are kept
    /// as they are (`foreignObject`).
    pub fn append_element_ns(
        &mut self,
        parent: NodeId,
        ns: Namespace,
        name: &str,
        attrs: &[(&str, &str)],
    ) -> NodeId {
        let lower = |s: &str| {
            if ns == Namespace::Html {
                s.to_ascii_lowercase()
            } else {
                s.to_owned()
            }
        };
        let data = Data::Element {
            ns,
            name: lower(name),
            attrs: attrs
                .iter()
                .map(|(n, v)| (lower(n), (*v).to_owned()))
                .collect(),
        };
        self.append(parent, data)
    }

    /// Appends a text node.
    pub fn append_text(&mut self, parent: NodeId, text: &str) -> NodeId {
        self.append(parent, Data::Text(text.to_owned()))
    }

    /// Appends an element with names as the pre-pass wrote them (HTML, lower case).
    pub(super) fn append_element_owned(
        &mut self,
        parent: NodeId,
        name: String,
        attrs: Vec<(String, String)>,
    ) -> NodeId {
        self.append(
            parent,
            Data::Element {
                ns: Namespace::Html,
                name,
                attrs,
            },
        )
    }

    /// The local name of element `id` (empty for any other node).
    pub(super) fn element_name(&self, id: NodeId) -> &str {
        match self.nodes.get(id.0).map(|s| &s.data) {
            Some(Data::Element { name, .. }) => name,
            _ => "",
        }
    }

    /// A detached copy of element `id` with its attributes and none of its children (an HTML
    /// element named `span` for any other node).
    pub(super) fn clone_element(&mut self, id: NodeId) -> NodeId {
        let data = match self.nodes.get(id.0).map(|s| &s.data) {
            Some(Data::Element { ns, name, attrs }) => Data::Element {
                ns: *ns,
                name: name.clone(),
                attrs: attrs.clone(),
            },
            _ => Data::Element {
                ns: Namespace::Html,
                name: String::from("span"),
                attrs: Vec::new(),
            },
        };
        self.append(NodeId(NONE), data)
    }

    /// Appends source text (see [`NodeRef::SourceText`]), merged into the last child when that
    /// is source text too.
    pub(super) fn append_source_text(&mut self, parent: NodeId, text: &str) {
        let last = self.nodes.get(parent.0).map_or(NONE, |s| s.last);
        if let Some(Slot {
            data: Data::SourceText(t),
            ..
        }) = self.nodes.get_mut(last)
        {
            t.push_str(text);
            return;
        }
        self.append(parent, Data::SourceText(text.to_owned()));
    }

    /// Appends a comment.
    pub fn append_comment(&mut self, parent: NodeId, text: &str) -> NodeId {
        self.append(parent, Data::Comment(text.to_owned()))
    }

    /// The node `id`, or `None` for an id this fragment did not make.
    pub fn node(&self, id: NodeId) -> Option<NodeRef<'_>> {
        Some(match &self.nodes.get(id.0)?.data {
            Data::Root => NodeRef::Root,
            Data::Element { ns, name, attrs } => NodeRef::Element {
                namespace: *ns,
                name,
                attrs,
            },
            Data::Text(t) => NodeRef::Text(t),
            Data::SourceText(t) => NodeRef::SourceText(t),
            Data::Comment(t) => NodeRef::Comment(t),
        })
    }

    /// The tree below the root as a canonical outline, for comparing two trees: `<name a="v">`
    /// … `</name>` for elements (attributes in order), `#"text"` for text (adjacent text nodes
    /// merged, as a parser would make them), `#!` for comments. Iterative.
    pub fn outline(&self) -> String {
        let mut out = String::new();
        let mut text = String::new();
        // (node, whether its children were pushed).
        let mut stack: Vec<(NodeId, bool)> =
            self.children(self.root()).map(|c| (c, false)).collect();
        stack.reverse();
        let flush = |out: &mut String, text: &mut String| {
            if !text.is_empty() {
                out.push_str(&format!("#{text:?}"));
                text.clear();
            }
        };
        while let Some((id, opened)) = stack.pop() {
            match self.node(id) {
                Some(NodeRef::Text(t) | NodeRef::SourceText(t)) => text.push_str(t),
                Some(NodeRef::Element { name, attrs, .. }) => {
                    flush(&mut out, &mut text);
                    if opened {
                        out.push_str(&format!("</{name}>"));
                        continue;
                    }
                    out.push_str(&format!("<{name}"));
                    for (n, v) in attrs {
                        out.push_str(&format!(" {n}={v:?}"));
                    }
                    out.push('>');
                    stack.push((id, true));
                    let children: Vec<NodeId> = self.children(id).collect();
                    stack.extend(children.into_iter().rev().map(|c| (c, false)));
                }
                Some(NodeRef::Comment(_)) => {
                    flush(&mut out, &mut text);
                    out.push_str("#!");
                }
                _ => {}
            }
        }
        flush(&mut out, &mut text);
        out
    }

    /// The parent of `id` (`None` for the root and for removed nodes).
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes.get(id.0).and_then(|s| link(s.parent))
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            fragment: self,
            next: self.nodes.get(id.0).map_or(NONE, |s| s.first),
        }
    }

    /// The value of attribute `name` of element `id`.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes.get(id.0)?.data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// Makes a detached element (for a parser that creates nodes before placing them).
    pub fn create_element(&mut self, ns: Namespace, name: &str, attrs: &[(&str, &str)]) -> NodeId {
        // No parent: made detached, by the same code path as the other elements.
        self.append_element_ns(NodeId(NONE), ns, name, attrs)
    }

    /// Makes a detached text node.
    pub fn create_text(&mut self, text: &str) -> NodeId {
        self.append(NodeId(NONE), Data::Text(text.to_owned()))
    }

    /// Makes a detached comment.
    pub fn create_comment(&mut self, text: &str) -> NodeId {
        self.append(NodeId(NONE), Data::Comment(text.to_owned()))
    }

    /// Appends text to `parent`, merged into its last child when that is a text node (as an
    /// HTML parser's tree builder does).
    pub fn append_text_merged(&mut self, parent: NodeId, text: &str) -> NodeId {
        let last = self.nodes.get(parent.0).map_or(NONE, |s| s.last);
        if let Some(Slot {
            data: Data::Text(t),
            ..
        }) = self.nodes.get_mut(last)
        {
            t.push_str(text);
            return NodeId(last);
        }
        self.append_text(parent, text)
    }

    /// Moves `child` (with its subtree) to the end of `parent`'s children. Refused (returns
    /// `false`) when `parent` cannot have children, or is `child` or inside it. Costs time
    /// linear in `parent`'s depth when `child` has children, constant otherwise.
    pub fn append_child(&mut self, parent: NodeId, child: NodeId) -> bool {
        if !self.can_hold(parent.0, child.0) {
            return false;
        }
        self.detach(child.0);
        self.link_before(parent.0, child.0, NONE);
        true
    }

    /// Moves `child` (with its subtree) just before `sibling`. Refused (returns `false`) when
    /// `sibling` has no parent or the move would put `child` inside itself.
    pub fn insert_before(&mut self, sibling: NodeId, child: NodeId) -> bool {
        let parent = self.nodes.get(sibling.0).map_or(NONE, |s| s.parent);
        if sibling == child || !self.can_hold(parent, child.0) {
            return false;
        }
        self.detach(child.0);
        self.link_before(parent, child.0, sibling.0);
        true
    }

    /// Takes `node` (with its subtree) out of its parent.
    pub fn remove_from_parent(&mut self, node: NodeId) {
        self.detach(node.0);
    }

    /// Moves every child of `from` to the end of `to`. Refused (returns `false`) when `to` is
    /// inside `from` or cannot have children.
    pub fn reparent_children(&mut self, from: NodeId, to: NodeId) -> bool {
        if from == to || !self.can_hold(to.0, from.0) {
            return false;
        }
        self.move_children(from.0, to.0, NONE);
        true
    }

    /// Adds the attributes of `attrs` that element `node` does not have yet.
    pub fn add_attrs_if_missing(&mut self, node: NodeId, attrs: &[(&str, &str)]) {
        if let Some(list) = self.attrs_mut(node.0) {
            for (n, v) in attrs {
                let n = n.to_ascii_lowercase();
                if !list.iter().any(|(k, _)| *k == n) {
                    list.push((n, (*v).to_owned()));
                }
            }
        }
    }

    /// Whether `parent` can take `child` (or `child`'s children) without making a cycle.
    fn can_hold(&self, parent: usize, child: usize) -> bool {
        let holds = matches!(
            self.nodes.get(parent).map(|s| &s.data),
            Some(Data::Root | Data::Element { .. })
        );
        // The root (index 0) never moves.
        if !holds || child == 0 || self.nodes.get(child).is_none() || parent == child {
            return false;
        }
        if self.nodes.get(child).is_some_and(|s| s.first == NONE) {
            return true;
        }
        let mut up = self.nodes.get(parent).map_or(NONE, |s| s.parent);
        while up != NONE {
            if up == child {
                return false;
            }
            up = self.nodes.get(up).map_or(NONE, |s| s.parent);
        }
        true
    }

    fn append(&mut self, parent: NodeId, data: Data) -> NodeId {
        let id = self.nodes.len();
        let parent_ok = matches!(
            self.nodes.get(parent.0).map(|s| &s.data),
            Some(Data::Root | Data::Element { .. })
        );
        self.nodes.push(Slot {
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            data,
        });
        if parent_ok {
            self.link_before(parent.0, id, NONE);
        }
        NodeId(id)
    }

    /// Links the detached node `id` into `parent` before `before` (at the end for `NONE`).
    fn link_before(&mut self, parent: usize, id: usize, before: usize) {
        let prev = if before == NONE {
            self.nodes.get(parent).map_or(NONE, |s| s.last)
        } else {
            self.nodes.get(before).map_or(NONE, |s| s.prev)
        };
        if let Some(s) = self.nodes.get_mut(id) {
            s.parent = parent;
            s.prev = prev;
            s.next = before;
        }
        match self.nodes.get_mut(prev) {
            Some(p) => p.next = id,
            None => {
                if let Some(p) = self.nodes.get_mut(parent) {
                    p.first = id;
                }
            }
        }
        match self.nodes.get_mut(before) {
            Some(b) => b.prev = id,
            None => {
                if let Some(p) = self.nodes.get_mut(parent) {
                    p.last = id;
                }
            }
        }
    }

    /// Unlinks `id` from its parent and siblings (its own children stay with it).
    fn detach(&mut self, id: usize) {
        let Some(s) = self.nodes.get(id) else {
            return;
        };
        let (parent, prev, next) = (s.parent, s.prev, s.next);
        if parent == NONE {
            return;
        }
        match self.nodes.get_mut(prev) {
            Some(p) => p.next = next,
            None => {
                if let Some(p) = self.nodes.get_mut(parent) {
                    p.first = next;
                }
            }
        }
        match self.nodes.get_mut(next) {
            Some(n) => n.prev = prev,
            None => {
                if let Some(p) = self.nodes.get_mut(parent) {
                    p.last = prev;
                }
            }
        }
        if let Some(s) = self.nodes.get_mut(id) {
            s.parent = NONE;
            s.prev = NONE;
            s.next = NONE;
        }
    }

    /// Moves every child of `from`, in order, into `into` in front of `before` (`NONE`: at the
    /// end).
    fn move_children(&mut self, from: usize, into: usize, before: usize) {
        let mut child = self.nodes.get(from).map_or(NONE, |s| s.first);
        while child != NONE {
            let next = self.nodes.get(child).map_or(NONE, |s| s.next);
            self.detach(child);
            self.link_before(into, child, before);
            child = next;
        }
    }

    fn attrs_mut(&mut self, id: usize) -> Option<&mut Vec<(String, String)>> {
        match &mut self.nodes.get_mut(id)?.data {
            Data::Element { attrs, .. } => Some(attrs),
            _ => None,
        }
    }
}

fn link(i: usize) -> Option<NodeId> {
    (i != NONE).then_some(NodeId(i))
}

/// Iterator over the children of a node of a [`Fragment`].
#[derive(Debug, Clone)]
pub struct Children<'a> {
    fragment: &'a Fragment,
    next: usize,
}

impl Iterator for Children<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let id = link(self.next)?;
        self.next = self.fragment.nodes.get(id.0).map_or(NONE, |s| s.next);
        Some(id)
    }
}

impl HtmlTree for Fragment {
    type Node = NodeId;

    fn kind(&mut self, node: NodeId, name: &mut String) -> NodeKind {
        name.clear();
        match self.nodes.get(node.0).map(|s| &s.data) {
            Some(Data::Text(_) | Data::SourceText(_)) => NodeKind::Text,
            Some(Data::Element {
                ns: Namespace::Html,
                name: n,
                ..
            }) => {
                name.push_str(n);
                NodeKind::Element
            }
            Some(Data::Element { name: n, .. }) => {
                name.push_str(n);
                NodeKind::Foreign
            }
            _ => NodeKind::Other,
        }
    }

    fn first_child(&mut self, node: NodeId) -> Option<NodeId> {
        self.nodes.get(node.0).and_then(|s| link(s.first))
    }

    fn next_sibling(&mut self, node: NodeId) -> Option<NodeId> {
        self.nodes.get(node.0).and_then(|s| link(s.next))
    }

    fn has_attributes(&mut self, node: NodeId) -> bool {
        self.attrs_mut(node.0).is_some_and(|a| !a.is_empty())
    }

    fn attribute_names(&mut self, node: NodeId, out: &mut Vec<String>) {
        out.clear();
        if let Some(attrs) = self.attrs_mut(node.0) {
            out.extend(attrs.iter().map(|(n, _)| n.clone()));
        }
    }

    fn attribute(&mut self, node: NodeId, name: &str) -> Option<String> {
        self.attr(node, name).map(str::to_owned)
    }

    fn set_attribute(&mut self, node: NodeId, name: &str, value: &str) {
        if let Some(attrs) = self.attrs_mut(node.0) {
            match attrs.iter_mut().find(|(n, _)| n == name) {
                Some((_, v)) => {
                    v.clear();
                    v.push_str(value);
                }
                None => attrs.push((name.to_owned(), value.to_owned())),
            }
        }
    }

    fn remove_attribute(&mut self, node: NodeId, name: &str) {
        if let Some(attrs) = self.attrs_mut(node.0) {
            attrs.retain(|(n, _)| n != name);
        }
    }

    fn remove(&mut self, _parent: NodeId, node: NodeId) {
        self.detach(node.0);
    }

    fn unwrap(&mut self, _parent: NodeId, node: NodeId) {
        let Some(s) = self.nodes.get(node.0) else {
            return;
        };
        let parent = s.parent;
        if parent == NONE {
            return;
        }
        self.move_children(node.0, parent, node.0);
        self.detach(node.0);
    }

    fn move_before(&mut self, parent: NodeId, node: NodeId, reference: NodeId) {
        if node == reference {
            return;
        }
        self.detach(node.0);
        self.link_before(parent.0, node.0, reference.0);
    }

    fn replace_with_element(
        &mut self,
        _parent: NodeId,
        node: NodeId,
        tag: &'static str,
        keep_children: bool,
    ) -> Option<NodeId> {
        let parent = self.nodes.get(node.0)?.parent;
        if parent == NONE {
            return None;
        }
        let id = self.nodes.len();
        self.nodes.push(Slot {
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            data: Data::Element {
                ns: Namespace::Html,
                name: tag.to_owned(),
                attrs: Vec::new(),
            },
        });
        self.link_before(parent, id, node.0);
        if keep_children {
            self.move_children(node.0, id, NONE);
        }
        self.detach(node.0);
        Some(NodeId(id))
    }

    fn rename_element(
        &mut self,
        _parent: NodeId,
        node: NodeId,
        tag: &'static str,
    ) -> Option<NodeId> {
        match self.nodes.get_mut(node.0).map(|s| &mut s.data) {
            Some(Data::Element {
                ns: Namespace::Html,
                name,
                ..
            }) => {
                name.clear();
                name.push_str(tag);
                Some(node)
            }
            _ => None,
        }
    }
}

/// A fragment the policy has run over: the only fragment that can be written out as markup.
#[derive(Debug, Clone)]
pub struct CleanFragment(Fragment);

/// Runs `policy` over `fragment` (see [`super::sanitize`]) and returns the clean fragment with
/// the report of what was removed.
pub fn sanitize_fragment(mut fragment: Fragment, policy: &Policy) -> (CleanFragment, Report) {
    let root = fragment.root();
    let report = super::sanitize(&mut fragment, root, policy);
    (CleanFragment(fragment), report)
}

impl CleanFragment {
    /// The sanitized tree, to read.
    pub fn fragment(&self) -> &Fragment {
        &self.0
    }

    /// The sanitized tree, owned (for example to sanitize it again).
    pub fn into_fragment(self) -> Fragment {
        self.0
    }

    /// Writes the tree as HTML: text escaped (`&`, `<`, `>`; U+00A0 as `&nbsp;`), attribute
    /// values double-quoted and escaped (`&`, `"`; U+00A0 as `&nbsp;`), void elements without
    /// end tags, a leading newline of a `pre` doubled so that a parser keeps it. Comments
    /// cannot be left by the policy and are never written. Iterative.
    ///
    /// The policy keeps no raw-text, escapable raw-text or foreign element, so no text can turn
    /// into markup when this is parsed again; a parser may still re-nest misnested blocks (a
    /// `div` a `p` ended up in after its unknown wrapper was unwrapped), which changes layout,
    /// never safety. Source text ([`NodeRef::SourceText`]) is written as it is, with every `<`
    /// and `>` as a reference. This is the markup the browser build mounts
    /// ([`super::clean_body`]) and the server writes.
    pub fn to_html(&self) -> Markup {
        let f = &self.0;
        let mut out = String::new();
        enum Step {
            Open(usize),
            Close(usize),
        }
        let mut stack: Vec<Step> = Vec::new();
        let mut child = f.nodes.first().map_or(NONE, |s| s.last);
        while child != NONE {
            stack.push(Step::Open(child));
            child = f.nodes.get(child).map_or(NONE, |s| s.prev);
        }
        while let Some(step) = stack.pop() {
            let (id, open) = match step {
                Step::Open(id) => (id, true),
                Step::Close(id) => (id, false),
            };
            let Some(slot) = f.nodes.get(id) else {
                continue;
            };
            match &slot.data {
                Data::Text(t) => escape(&mut out, t, false),
                Data::SourceText(t) => escape_source(&mut out, t),
                Data::Element { name, .. } if !open => {
                    out.push_str("</");
                    out.push_str(name);
                    out.push('>');
                }
                Data::Element { name, attrs, .. } => {
                    out.push('<');
                    out.push_str(name);
                    for (n, v) in attrs {
                        out.push(' ');
                        out.push_str(n);
                        out.push_str("=\"");
                        escape(&mut out, v, true);
                        out.push('"');
                    }
                    out.push('>');
                    if rules::is_void(name) {
                        continue;
                    }
                    if name == "pre" {
                        let starts_with_newline =
                            f.nodes.get(slot.first).is_some_and(|c| match &c.data {
                                Data::Text(t) => t.starts_with('\n'),
                                Data::SourceText(t) => t.starts_with(['\n', '\r']),
                                _ => false,
                            });
                        if starts_with_newline {
                            out.push('\n');
                        }
                    }
                    stack.push(Step::Close(id));
                    let mut child = slot.last;
                    while child != NONE {
                        stack.push(Step::Open(child));
                        child = f.nodes.get(child).map_or(NONE, |s| s.prev);
                    }
                }
                Data::Root | Data::Comment(_) => {}
            }
        }
        Markup::from_trusted(out)
    }
}

/// Source text: references stay as written (each can only ever be text); every `<` and `>` is
/// written as a reference, so that no text, however it joins its neighbours, makes a tag.
fn escape_source(out: &mut String, s: &str) {
    let mut rest = s;
    // A byte search: `<` and `>` are ASCII, never inside another character's UTF-8 bytes.
    while let Some(i) = rest.bytes().position(|b| b == b'<' || b == b'>') {
        out.push_str(rest.get(..i).unwrap_or(""));
        out.push_str(if rest.as_bytes().get(i) == Some(&b'<') {
            "&lt;"
        } else {
            "&gt;"
        });
        rest = rest.get(i + 1..).unwrap_or("");
    }
    out.push_str(rest);
}

fn escape(out: &mut String, s: &str, attribute: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            // A parser turns a raw CR (and CR LF) into LF: written as a reference, it stays.
            '\r' => out.push_str("&#13;"),
            '"' if attribute => out.push_str("&quot;"),
            '<' if !attribute => out.push_str("&lt;"),
            '>' if !attribute => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}
