//! The sanitizer policy over the arena tree: bytes are decoded into build operations (open an
//! element from a list of real and odd tags, attributes from a list of dangerous and ordinary
//! names with nasty values, text, comments, close), a policy is chosen from the bytes, and the
//! clean fragment is checked against an allow-list written here: only kept elements, only their
//! attributes (plus the sanitizer's own placeholder attributes on `div.nv-embed`), every URL
//! accepted by `url::check` in its context, `target=_blank` only with `noopener`, depth within
//! the bound. Sanitizing the clean fragment again must change nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsview::sanitize::{
    sanitize_fragment, Fragment, LinkTarget, Namespace, NodeId, NodeRef, Policy,
    SAFE_STYLE_PROPERTIES,
};
use newsview::url::{check, UrlContext};

mod common;
use common::{assert_scheme_safe, Bytes};

const TAGS: &[&str] = &[
    "p",
    "br",
    "h1",
    "h2",
    "h3",
    "h6",
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
    "iframe",
    "video",
    "audio",
    "source",
    "track",
    "script",
    "style",
    "template",
    "noscript",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
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
    "noembed",
    "noframes",
    "plaintext",
    "frame",
    "frameset",
    "portal",
    "fencedframe",
    "selectedcontent",
    "unknown-x",
    "font",
    "center",
    "marquee",
    "details",
    "summary",
    "dialog",
    "slot",
    "image",
    "SCRIPT",
    "A",
    "Img",
    "DIV",
    "foreignobject",
    "annotation-xml",
    "use",
    "animate",
    "set",
];

const ATTRS: &[&str] = &[
    "onclick",
    "onerror",
    "onload",
    "ONMOUSEOVER",
    "onfocus",
    "href",
    "HREF",
    "src",
    "srcset",
    "style",
    "id",
    "name",
    "is",
    "data-x",
    "data-nv-embed",
    "data-nv-src",
    "data-nv-poster",
    "data-nv-width",
    "data-nv-height",
    "class",
    "target",
    "rel",
    "title",
    "alt",
    "width",
    "height",
    "dir",
    "lang",
    "cite",
    "datetime",
    "start",
    "reversed",
    "colspan",
    "rowspan",
    "scope",
    "span",
    "poster",
    "loading",
    "decoding",
    "srcdoc",
    "formaction",
    "xlink:href",
    "action",
    "background",
    "ping",
    "part",
    "slot",
    "autofocus",
    "popover",
];

const VALUES: &[&str] = &[
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "\u{1}javascript:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/png;base64,iVBORw0KGgo=",
    "DATA:IMAGE/GIF,GIF89a",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "https://example.com/a.png",
    "HTTPS://Example.COM/a?b#c",
    "http://player.kankanews.com/v/1",
    "https://player.kankanews.com/embed/1",
    "https://www.kankanews.com/a/1.html",
    "//evil.com/x",
    "\\\\evil.com",
    "/\\evil.com",
    "http:///evil.com",
    "http:evil.com",
    "/relative?q=1#f",
    "mailto:a@b.c",
    "tel:+123",
    "file:///etc/passwd",
    "blob:https://x/1",
    "https://bank.com@evil.com/",
    "https://evil.com:99999/",
    "_blank",
    "_self",
    "iframe",
    "video",
    "audio",
    "nv-embed",
    "color: red; background: url(javascript:alert(1))",
    "color:red;text-align:center;position:fixed",
    "width: expression(alert(1))",
    "color: rgb(1,2,3)",
    "ltr",
    "RTL",
    "zh-CN",
    "12",
    "-3",
    "0640",
    "row",
    "2026-01-01T00:00",
    "a.png 1x, javascript:alert(1) 2x",
    "b.jpg 100w,c.jpg 200w",
    "data:image/png;base64,AAAA 1x,x.png",
    "",
    "x onclick=alert(1)",
    "\"><script>alert(1)</script>",
    "noopener",
    "\u{a0}",
    "<img src=x onerror=alert(1)>",
];

const KEPT: &[&str] = &[
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
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
];

const IFRAME_HOSTS: &[&str] = &["player.kankanews.com", "www.youtube.com"];
const STYLE: &[&str] = &[
    "color",
    "text-align",
    "font-weight",
    "background-color",
    "position",
];

struct Chosen {
    policy: Policy,
    style: bool,
    iframes: bool,
    target: LinkTarget,
}

fn choose_policy(bytes: &mut Bytes) -> Chosen {
    let b = bytes.byte();
    let mut policy = Policy::default();
    if b & 1 != 0 {
        policy = policy.ugc(true);
    }
    if b & 2 != 0 {
        policy = policy.own_host("www.kankanews.com");
    }
    let target = [
        LinkTarget::Drop,
        LinkTarget::Blank,
        LinkTarget::BlankExternal,
        LinkTarget::Drop,
    ][usize::from((b >> 2) & 3)];
    policy = policy.link_target(target);
    let iframes = b & 16 != 0;
    if iframes {
        policy = policy.allow_iframe_hosts(IFRAME_HOSTS);
    }
    let style = b & 32 != 0;
    if style {
        policy = policy.allow_style_properties(STYLE);
    }
    if b & 64 != 0 {
        policy = policy.max_depth(usize::from(bytes.byte() % 8));
    }
    if b & 128 != 0 {
        policy = policy.max_nodes(usize::from(bytes.byte() % 64));
    }
    Chosen {
        policy,
        style,
        iframes,
        target,
    }
}

fn build(bytes: &mut Bytes) -> Fragment {
    let mut f = Fragment::new();
    let mut stack: Vec<NodeId> = vec![f.root()];
    let mut ops = 0;
    while !bytes.is_empty() && ops < 400 {
        ops += 1;
        let parent = *stack.last().unwrap();
        match bytes.byte() % 10 {
            0..=3 => {
                let tag_byte = bytes.byte();
                let ns = match tag_byte >> 6 {
                    3 if bytes.byte() & 1 == 0 => Namespace::Svg,
                    3 => Namespace::MathMl,
                    _ => Namespace::Html,
                };
                let raw_name;
                let name = if tag_byte == 255 {
                    raw_name = bytes.text(8);
                    raw_name.as_str()
                } else {
                    TAGS[usize::from(tag_byte) % TAGS.len()]
                };
                let n_attrs = bytes.byte() % 4;
                let mut attrs: Vec<(String, String)> = Vec::new();
                for _ in 0..n_attrs {
                    let name = ATTRS[bytes.pick(ATTRS.len())].to_ascii_lowercase();
                    let v = bytes.byte();
                    let value = if v < 200 {
                        VALUES[usize::from(v) % VALUES.len()].to_owned()
                    } else {
                        bytes.text(24)
                    };
                    // A parser never makes two attributes of one name.
                    if !attrs.iter().any(|(n, _)| *n == name) {
                        attrs.push((name, value));
                    }
                }
                let refs: Vec<(&str, &str)> = attrs
                    .iter()
                    .map(|(n, v)| (n.as_str(), v.as_str()))
                    .collect();
                let id = f.append_element_ns(parent, ns, name, &refs);
                stack.push(id);
            }
            4 | 5 => {
                let t = if bytes.byte() & 1 == 0 {
                    VALUES[bytes.pick(VALUES.len())].to_owned()
                } else {
                    bytes.text(16)
                };
                f.append_text(parent, &t);
            }
            6 => {
                let t = bytes.text(8);
                f.append_comment(parent, &t);
            }
            _ => {
                if stack.len() > 1 {
                    stack.pop();
                }
            }
        }
    }
    f
}

fn url_ok(value: &str, ctx: UrlContext, what: &str) {
    let checked = check(value, ctx);
    assert_eq!(
        checked.as_ref().map(|u| u.as_str()),
        Some(value),
        "{what}={value:?} is not a URL the policy accepts as itself in {ctx:?}"
    );
    assert_scheme_safe(value, ctx == UrlContext::BodyImage, what);
}

fn check_attrs(chosen: &Chosen, name: &str, attrs: &[(String, String)], has_children: bool) {
    let get = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
    for (i, (n, _)) in attrs.iter().enumerate() {
        assert!(
            !attrs[..i].iter().any(|(m, _)| m == n),
            "attribute {n} twice on {name}"
        );
    }
    if let Some(kind) = get("data-nv-embed") {
        assert_eq!(name, "div", "placeholder attribute on {name}");
        assert!(!has_children, "placeholder with children");
        assert_eq!(get("class"), Some("nv-embed"));
        let src = get("data-nv-src").expect("placeholder without data-nv-src");
        match kind {
            "iframe" => {
                assert!(chosen.iframes, "iframe placeholder without allowed hosts");
                let u = check(src, UrlContext::Absolute).expect("iframe src refused");
                assert_eq!(u.as_str(), src);
                assert!(src.starts_with("https:"), "iframe over http: {src:?}");
                let host = u.host().unwrap_or("");
                assert!(
                    IFRAME_HOSTS.contains(&host),
                    "iframe host {host:?} not allowed"
                );
            }
            "video" | "audio" => url_ok(src, UrlContext::Media, "data-nv-src"),
            other => panic!("placeholder kind {other:?}"),
        }
        for (n, v) in attrs {
            match n.as_str() {
                "class" | "data-nv-embed" | "data-nv-src" | "title" => {}
                "data-nv-poster" => {
                    assert_eq!(kind, "video");
                    url_ok(v, UrlContext::Media, "data-nv-poster");
                }
                "data-nv-width" | "data-nv-height" => {
                    assert_eq!(kind, "iframe");
                    assert!(!v.is_empty() && v.len() <= 9 && v.bytes().all(|b| b.is_ascii_digit()));
                }
                _ => panic!("attribute {n}={v:?} on a placeholder"),
            }
        }
        return;
    }
    for (n, v) in attrs {
        assert!(!n.starts_with("on"), "event handler {n} on {name}");
        let ok = match (name, n.as_str()) {
            (_, "dir") => matches!(v.as_str(), "ltr" | "rtl" | "auto"),
            (_, "lang") => v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
            (_, "title") => true,
            (_, "style") => {
                assert!(chosen.style, "style kept without allowed properties");
                let lower = v.to_ascii_lowercase();
                assert!(
                    !lower.contains("url(") && !lower.contains("expression") && !v.contains('\\'),
                    "style {v:?}"
                );
                v.split("; ").all(|decl| {
                    decl.split_once(": ").is_some_and(|(p, _)| {
                        STYLE.contains(&p) && SAFE_STYLE_PROPERTIES.contains(&p)
                    })
                })
            }
            ("a", "href") | ("del" | "ins" | "blockquote" | "q", "cite") => {
                url_ok(v, UrlContext::Link, n);
                true
            }
            ("a", "rel") => true,
            ("a", "target") => {
                assert_eq!(v, "_blank", "target {v:?}");
                assert!(chosen.target != LinkTarget::Drop, "target kept under Drop");
                let rel = get("rel").unwrap_or("");
                assert!(
                    rel.split_ascii_whitespace().any(|r| r == "noopener"),
                    "target=_blank without noopener (rel={rel:?})"
                );
                true
            }
            ("img", "src") => {
                url_ok(v, UrlContext::BodyImage, "img src");
                true
            }
            ("img", "srcset") => {
                for cand in v.split(", ") {
                    let url = cand.split(' ').next().unwrap_or("");
                    url_ok(url, UrlContext::BodyImage, "srcset candidate");
                }
                true
            }
            ("img", "alt") => true,
            ("img", "loading") => v == "lazy",
            ("img", "decoding") => v == "async",
            ("img", "width" | "height")
            | ("th" | "td", "colspan" | "rowspan")
            | ("col" | "colgroup", "span") => {
                !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())
            }
            ("ol", "start") => {
                let d = v.strip_prefix('-').unwrap_or(v);
                !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
            }
            ("ol", "reversed") => v.is_empty(),
            ("th", "scope") => matches!(v.as_str(), "row" | "col" | "rowgroup" | "colgroup"),
            ("time" | "del" | "ins", "datetime") => true,
            _ => false,
        };
        assert!(ok, "attribute {n}={v:?} kept on {name}");
    }
    if name == "img" {
        assert!(
            get("src").is_some() || get("srcset").is_some(),
            "img without a source"
        );
    }
}

fn check_clean(f: &Fragment, chosen: &Chosen) {
    let bound = chosen.policy.depth_limit();
    let mut stack: Vec<(NodeId, usize)> = f.children(f.root()).map(|c| (c, 1)).collect();
    while let Some((id, depth)) = stack.pop() {
        match f.node(id).expect("child id of this fragment") {
            NodeRef::Root => panic!("root as a child"),
            NodeRef::Comment(_) => panic!("comment kept"),
            NodeRef::Text(_) => {}
            NodeRef::Element {
                namespace,
                name,
                attrs,
            } => {
                assert_eq!(namespace, Namespace::Html, "foreign element {name} kept");
                assert!(KEPT.contains(&name), "element {name} kept");
                assert!(depth <= bound, "{name} at depth {depth} > {bound}");
                let has_children = f.children(id).next().is_some();
                if matches!(name, "br" | "hr" | "img" | "col") {
                    assert!(!has_children, "void {name} with children");
                }
                check_attrs(chosen, name, attrs, has_children);
                stack.extend(f.children(id).map(|c| (c, depth + 1)));
            }
        }
    }
}

/// The serializer's output, read as a parser would: outside double-quoted attribute values no
/// `<` may open anything but a kept element (text has `<` escaped), so no script, comment or
/// foreign element can appear.
fn check_markup(html: &str) {
    let b = html.as_bytes();
    let mut in_tag = false;
    let mut in_quote = false;
    for (i, &c) in b.iter().enumerate() {
        match (in_tag, in_quote, c) {
            (true, true, b'"') => in_quote = false,
            (true, true, _) => {}
            (true, false, b'"') => in_quote = true,
            (true, false, b'>') => in_tag = false,
            (true, false, b'<') => panic!("`<` inside a tag at {i}: {html:?}"),
            (false, _, b'<') => {
                in_tag = true;
                let rest = &html[i + 1..];
                let name: String = rest
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                assert!(
                    KEPT.contains(&name.as_str()),
                    "markup <{name} at {i}: {html:?}"
                );
            }
            _ => {}
        }
    }
    assert!(!in_tag, "unterminated tag: {html:?}");
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = Bytes::new(data);
    let chosen = choose_policy(&mut bytes);
    let fragment = build(&mut bytes);
    let (clean, report) = sanitize_fragment(fragment, &chosen.policy);
    check_clean(clean.fragment(), &chosen);
    let html = clean.to_html();
    check_markup(html.as_str());
    let (again, report2) = sanitize_fragment(clean.fragment().clone(), &chosen.policy);
    assert_eq!(
        again.to_html().as_str(),
        html.as_str(),
        "sanitizing again changed the fragment (first report {report:?})"
    );
    assert!(
        !report2.removed_anything(),
        "sanitizing again removed something: {report2:?}"
    );
});
