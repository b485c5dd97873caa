//! Properties of the sanitizer over random trees (a fixed-seed xorshift generator), and its
//! behaviour on very deep and very wide input.

mod sanitize_support;

use newsview::sanitize::{
    sanitize_fragment, Fragment, LinkTarget, Namespace, NodeId, NodeRef, Policy, Report,
};
use sanitize_support::{check_invariants, dump_merged, dump_tree, parse};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TAGS: &[&str] = &[
    "p",
    "br",
    "h1",
    "h2",
    "h3",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "sub",
    "sup",
    "small",
    "mark",
    "code",
    "pre",
    "blockquote",
    "q",
    "cite",
    "abbr",
    "span",
    "div",
    "hr",
    "time",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "colgroup",
    "col",
    "script",
    "style",
    "template",
    "noscript",
    "object",
    "embed",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "option",
    "base",
    "meta",
    "link",
    "title",
    "xmp",
    "iframe",
    "frame",
    "video",
    "audio",
    "source",
    "x-widget",
    "article",
    "section",
    "font",
    "center",
    "marquee",
    "details",
    "summary",
    "label",
    "canvas",
    "picture",
    "area",
    "map",
    "body",
    "html",
];

const ATTRS: &[&str] = &[
    "href",
    "src",
    "srcset",
    "poster",
    "cite",
    "title",
    "alt",
    "dir",
    "lang",
    "style",
    "class",
    "id",
    "name",
    "onclick",
    "onerror",
    "ONLOAD",
    "onmouseover",
    "data-x",
    "data-nv-embed",
    "data-nv-src",
    "data-nv-poster",
    "data-nv-width",
    "data-nv-height",
    "is",
    "target",
    "rel",
    "loading",
    "decoding",
    "width",
    "height",
    "colspan",
    "rowspan",
    "scope",
    "start",
    "reversed",
    "span",
    "datetime",
    "srcdoc",
    "formaction",
    "ping",
    "part",
    "slot",
    "xmlns",
];

const VALUES: &[&str] = &[
    "",
    "x",
    "https://a.com/x.jpg",
    "http://b.com/",
    "HTTPS://Player.Example.com/e/1",
    "https://player.example.com/e/2",
    "//evil.com/x",
    "\\\\evil.com",
    "/\\evil.com",
    "/rel/path",
    "rel.jpg 1x, javascript:alert(1) 2x, b.jpg 300w",
    "mailto:a@b.c",
    "tel:+861234",
    "javascript:alert(1)",
    " jav\tascript:alert(1)",
    "\u{1}javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/png;base64,iVBOR",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "iframe",
    "video",
    "audio",
    "_blank",
    "noopener",
    "rtl",
    "LTR",
    "zh-CN",
    "12",
    "-3",
    "row",
    "color: red; position: fixed",
    "text-align: center",
    "2025-07-27",
    "<img src=x onerror=alert(1)>",
    "\"'><script>alert(1)</script>",
    "lazy",
];

const TEXTS: &[&str] = &[
    "text",
    "新闻",
    "<script>alert(1)</script>",
    "a & b",
    "\u{a0}",
    "\nleading newline",
    "]]>",
    "--><img src=x>",
];

/// A random tree of at most `budget` nodes, built iteratively.
fn random_tree(rng: &mut Rng, budget: usize, max_depth: usize) -> Fragment {
    let mut f = Fragment::new();
    let mut open: Vec<NodeId> = vec![f.root()];
    for _ in 0..budget {
        // Sometimes close the current element.
        if open.len() > 1 && (rng.below(4) == 0 || open.len() > max_depth) {
            open.pop();
        }
        let parent = *open.last().unwrap();
        match rng.below(10) {
            0..=2 => {
                let t = rng.pick(TEXTS);
                f.append_text(parent, t);
            }
            3 => {
                f.append_comment(parent, rng.pick(TEXTS));
            }
            4 => {
                let ns = if rng.below(2) == 0 {
                    Namespace::Svg
                } else {
                    Namespace::MathMl
                };
                let name = rng.pick(&["svg", "a", "foreignObject", "math", "mi", "p"]);
                let id = f.append_element_ns(parent, ns, name, &[("href", "javascript:x")]);
                open.push(id);
            }
            _ => {
                let tag = rng.pick(TAGS);
                let n_attrs = rng.below(5);
                let mut attrs: Vec<(&str, &str)> = Vec::new();
                let url_attr = match tag {
                    "a" => Some("href"),
                    "img" | "iframe" | "video" | "audio" | "source" => Some("src"),
                    _ => None,
                };
                if let Some(a) = url_attr.filter(|_| rng.below(3) > 0) {
                    attrs.push((a, rng.pick(VALUES)));
                }
                for _ in 0..n_attrs {
                    let a = rng.pick(ATTRS);
                    if !attrs.iter().any(|(k, _)| k.eq_ignore_ascii_case(a)) {
                        attrs.push((a, rng.pick(VALUES)));
                    }
                }
                let id = f.append_element(parent, tag, &attrs);
                open.push(id);
            }
        }
    }
    f
}

fn policies() -> Vec<(Policy, usize, Vec<&'static str>, bool)> {
    vec![
        (Policy::default(), 256, vec![], false),
        (
            Policy::default()
                .allow_iframe_hosts(["player.example.com"])
                .own_host("a.com")
                .ugc(true)
                .link_target(LinkTarget::Blank)
                .allow_style_properties(&["text-align", "color"])
                .max_depth(4),
            4,
            vec!["player.example.com"],
            true,
        ),
        (
            Policy::default()
                .link_target(LinkTarget::BlankExternal)
                .max_depth(2)
                .max_nodes(15),
            2,
            vec![],
            false,
        ),
    ]
}

#[test]
fn sanitizing_twice_changes_nothing() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for (policy, _, _, _) in policies() {
        for _ in 0..400 {
            let budget = 1 + rng.below(80);
            let tree = random_tree(&mut rng, budget, 12);
            let (once, _) = sanitize_fragment(tree, &policy);
            let once_dump = dump_tree(once.fragment());
            let once_html = once.to_html().into_string();
            let (twice, report) = sanitize_fragment(once.into_fragment(), &policy);
            assert_eq!(dump_tree(twice.fragment()), once_dump);
            assert_eq!(twice.to_html().as_str(), once_html);
            assert!(!report.removed_anything(), "{report:?} on {once_dump}");
        }
    }
}

#[test]
fn random_trees_come_out_holding_every_invariant() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut seen = Report::default();
    for (policy, depth, hosts, style) in policies() {
        for _ in 0..600 {
            let budget = 1 + rng.below(120);
            let tree = random_tree(&mut rng, budget, 14);
            let before = dump_tree(&tree);
            let (clean, r) = sanitize_fragment(tree, &policy);
            if let Err(e) = check_invariants(clean.fragment(), depth, &hosts, style) {
                panic!(
                    "{e}\ninput: {before}\noutput: {}",
                    dump_tree(clean.fragment())
                );
            }
            seen.removed_elements += r.removed_elements;
            seen.unwrapped_elements += r.unwrapped_elements;
            seen.flattened_elements += r.flattened_elements;
            seen.removed_attributes += r.removed_attributes;
            seen.removed_urls += r.removed_urls;
            seen.removed_other += r.removed_other;
            seen.embeds += r.embeds;
            seen.truncated |= r.truncated;
        }
    }
    // The generator reaches every rule.
    assert!(
        seen.removed_elements > 0
            && seen.unwrapped_elements > 0
            && seen.flattened_elements > 0
            && seen.removed_attributes > 0
            && seen.removed_urls > 0
            && seen.removed_other > 0
            && seen.embeds > 0
            && seen.truncated,
        "{seen:?}"
    );
}

#[test]
fn the_markup_reads_back_as_the_clean_tree() {
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    let policy = Policy::default();
    for _ in 0..400 {
        let budget = 1 + rng.below(80);
        let tree = random_tree(&mut rng, budget, 10);
        let (clean, _) = sanitize_fragment(tree, &policy);
        let markup = clean.to_html();
        assert_eq!(
            dump_merged(&parse(markup.as_str())),
            dump_merged(clean.fragment()),
            "{}",
            markup.as_str()
        );
    }
}

fn depth_of(f: &Fragment) -> usize {
    let mut max = 0;
    let mut stack: Vec<(NodeId, usize)> = f.children(f.root()).map(|c| (c, 1)).collect();
    while let Some((id, d)) = stack.pop() {
        if let Some(NodeRef::Element { .. }) = f.node(id) {
            max = max.max(d);
            stack.extend(f.children(id).map(|c| (c, d + 1)));
        }
    }
    max
}

fn texts(f: &Fragment) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack: Vec<NodeId> = f.children(f.root()).collect();
    stack.reverse();
    while let Some(id) = stack.pop() {
        match f.node(id) {
            Some(NodeRef::Text(t)) => out.push(t.to_string()),
            _ => {
                let kids: Vec<NodeId> = f.children(id).collect();
                stack.extend(kids.into_iter().rev());
            }
        }
    }
    out
}

#[test]
fn a_hundred_thousand_levels_are_flattened_without_recursion() {
    for tag in ["div", "x-unknown", "blockquote"] {
        let mut f = Fragment::new();
        let mut parent = f.root();
        for i in 0..100_000 {
            parent = f.append_element(parent, tag, &[("class", "c")]);
            if i % 1000 == 0 {
                f.append_text(parent, "t");
            }
        }
        f.append_text(parent, "bottom");
        let want_texts = texts(&f);
        let policy = Policy::default();
        let (clean, report) = sanitize_fragment(f, &policy);
        let depth = depth_of(clean.fragment());
        assert!(depth <= 256, "{tag}: depth {depth}");
        if tag == "x-unknown" {
            assert_eq!(depth, 0);
            assert_eq!(report.unwrapped_elements, 100_000);
        } else {
            assert_eq!(depth, 256);
            assert_eq!(report.flattened_elements, 100_000 - 256);
        }
        // Every text survives, in order.
        assert_eq!(texts(clean.fragment()), want_texts);
        // Serializing is iterative too.
        assert!(clean.to_html().as_str().contains("bottom"), "{tag}");
    }
}

#[test]
fn a_hundred_thousand_siblings_are_linear() {
    let mut f = Fragment::new();
    let root = f.root();
    for _ in 0..100_000 {
        let p = f.append_element(root, "x-p", &[("onclick", "x")]);
        f.append_text(p, "t");
    }
    let (clean, report) = sanitize_fragment(f, &Policy::default());
    assert_eq!(report.unwrapped_elements, 100_000);
    assert_eq!(
        clean.fragment().children(clean.fragment().root()).count(),
        100_000
    );
}

#[test]
fn node_limit_cuts_the_rest() {
    let mut f = Fragment::new();
    let root = f.root();
    for _ in 0..1000 {
        f.append_element(root, "p", &[]);
    }
    let (clean, report) = sanitize_fragment(f, &Policy::default().max_nodes(100));
    assert!(report.truncated);
    assert_eq!(
        clean.fragment().children(clean.fragment().root()).count(),
        100
    );
}
