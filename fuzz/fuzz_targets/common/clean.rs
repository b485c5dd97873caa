//! The policy's allow-list, written independently of the sanitizer, and the checks of a clean
//! fragment against it (shared by the `sanitize` and `ssr` targets).

use super::{assert_scheme_safe, Bytes};
use newsview::sanitize::{
    Fragment, LinkTarget, Namespace, NodeId, NodeRef, Policy, SAFE_STYLE_PROPERTIES,
};
use newsview::url::{check, UrlContext};

include!("../../../tests/oracle/kept.rs");

pub const IFRAME_HOSTS: &[&str] = &["player.kankanews.com", "www.youtube.com"];
pub const STYLE: &[&str] = &[
    "color",
    "text-align",
    "font-weight",
    "background-color",
    "position",
];

pub struct Chosen {
    pub policy: Policy,
    pub style: bool,
    pub iframes: bool,
    pub target: LinkTarget,
}

pub fn choose_policy(bytes: &mut Bytes) -> Chosen {
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
                    // A browser's srcset parser skips commas before a URL: what it loads is
                    // the text after them.
                    assert_scheme_safe(url.trim_start_matches(','), true, "srcset candidate");
                    assert!(
                        !url.starts_with(','),
                        "srcset candidate {url:?} starts with ','"
                    );
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

pub fn check_clean(f: &Fragment, chosen: &Chosen) {
    let bound = chosen.policy.depth_limit();
    let mut stack: Vec<(NodeId, usize)> = f.children(f.root()).map(|c| (c, 1)).collect();
    while let Some((id, depth)) = stack.pop() {
        match f.node(id).expect("child id of this fragment") {
            NodeRef::Root => panic!("root as a child"),
            NodeRef::Comment(_) => panic!("comment kept"),
            NodeRef::Text(_) | NodeRef::SourceText(_) => {}
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
pub fn check_markup(html: &str) {
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
