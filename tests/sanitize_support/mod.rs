//! Shared helpers for the sanitizer's integration tests: the test-only HTML reader and tree
//! dump (the same file the unit tests include), an invariant checker for sanitized trees, and a
//! reader for the corpus files.
#![allow(dead_code)]

use newsview::sanitize::{Fragment, Namespace, NodeId, NodeRef};
use newsview::url::{check, UrlContext};

include!("../../src/sanitize/test_html.rs");

pub fn parse(html: &str) -> Fragment {
    parse_html(html)
}

pub fn dump_tree(f: &Fragment) -> String {
    dump(f)
}

/// The dump with adjacent text nodes merged and empty ones dropped: what a parser reading the
/// serialized form would make of the text.
pub fn dump_merged(f: &Fragment) -> String {
    let mut out = String::new();
    let mut stack: Vec<(NodeId, bool)> = f.children(f.root()).map(|c| (c, true)).collect();
    stack.reverse();
    let mut in_text = false;
    while let Some((id, entering)) = stack.pop() {
        if !entering {
            if in_text {
                out.push('"');
                in_text = false;
            }
            out.push(')');
            continue;
        }
        match f.node(id) {
            Some(NodeRef::Text(t)) => {
                if t.is_empty() {
                    continue;
                }
                if !in_text {
                    out.push('"');
                    in_text = true;
                }
                out.push_str(t);
            }
            Some(NodeRef::Element { name, attrs, .. }) => {
                if in_text {
                    out.push('"');
                    in_text = false;
                }
                out.push_str(name);
                for (n, v) in attrs {
                    out.push(' ');
                    out.push_str(n);
                    out.push('=');
                    out.push_str(v);
                }
                out.push('(');
                stack.push((id, false));
                let children: Vec<NodeId> = f.children(id).collect();
                for c in children.into_iter().rev() {
                    stack.push((c, true));
                }
            }
            _ => {
                if in_text {
                    out.push('"');
                    in_text = false;
                }
                out.push_str("<other>");
            }
        }
    }
    if in_text {
        out.push('"');
    }
    out
}

/// The shapes of the availability report, at the sizes that took seconds or crashed a tab.
pub fn hostile_shapes() -> Vec<(&'static str, String)> {
    let attrs: String = (0..100_000).map(|i| format!(" a{i}")).collect();
    vec![
        ("ignored end tags", "<x><div></x>".repeat(20_000)),
        ("adoption agency b/div", "<b><div></b>".repeat(10_000)),
        ("adoption agency i/ul", "<i><ul></i>".repeat(10_000)),
        ("comments", "<!---->".repeat(40_000)),
        ("attributes", format!("<p{attrs}>x</p>")),
        (
            "table spans",
            "<table>".to_owned() + &"<tr><td colspan=1000 rowspan=65534>x</td></tr>".repeat(3_000),
        ),
        ("top-level nodes", "a<br>".repeat(70_000)),
        (
            "wide unknown",
            "<zz>".to_owned() + &"<br>".repeat(140_000) + "</zz>",
        ),
        (
            "wide h1",
            "<h1>".to_owned() + &"<br>".repeat(140_000) + "</h1>",
        ),
        ("over maxNodes", "<b>x</b>".repeat(300_000)),
        (
            "svg style",
            "<svg><style>".to_owned() + &"<div>".repeat(20_000),
        ),
        (
            "svg plaintext",
            "<svg><plaintext>".to_owned() + &"<div>".repeat(20_000),
        ),
    ]
}

include!("../oracle/kept.rs");

fn attr_allowed(element: &str, attr: &str, style: bool) -> bool {
    if matches!(attr, "dir" | "lang" | "title") || (style && attr == "style") {
        return true;
    }
    matches!(
        (element, attr),
        ("a", "href" | "rel" | "target")
            | (
                "img",
                "src" | "srcset" | "alt" | "width" | "height" | "loading" | "decoding"
            )
            | ("ol", "start" | "reversed")
            | ("th", "colspan" | "rowspan" | "scope")
            | ("td", "colspan" | "rowspan")
            | ("col" | "colgroup", "span")
            | ("time" | "del" | "ins", "datetime")
            | ("del" | "ins" | "blockquote" | "q", "cite")
            | (
                "div",
                "class"
                    | "data-nv-embed"
                    | "data-nv-src"
                    | "data-nv-poster"
                    | "data-nv-width"
                    | "data-nv-height"
            )
    )
}

fn is_url_attr(name: &str) -> bool {
    matches!(
        name,
        "href" | "src" | "srcset" | "cite" | "data-nv-src" | "data-nv-poster"
    )
}

fn url_ok(value: &str, ctx: UrlContext) -> bool {
    // Present, normalised, and the normalised form passes again unchanged.
    check(value, ctx).is_some_and(|u| u.as_str() == value)
}

/// Checks every invariant a sanitized tree must hold; returns the first violation.
pub fn check_invariants(
    f: &Fragment,
    max_depth: usize,
    iframe_hosts: &[&str],
    style: bool,
) -> Result<(), String> {
    let mut stack: Vec<(NodeId, usize)> = f.children(f.root()).map(|c| (c, 1)).collect();
    while let Some((id, depth)) = stack.pop() {
        let node = f.node(id).ok_or("dangling id")?;
        let (ns, name, attrs) = match node {
            NodeRef::Text(_) | NodeRef::SourceText(_) => continue,
            NodeRef::Comment(_) => return Err("a comment survived".into()),
            NodeRef::Root => return Err("a root inside".into()),
            NodeRef::Element {
                namespace,
                name,
                attrs,
            } => (namespace, name, attrs),
        };
        let here = || {
            let mut s = String::from(name);
            s.push_str(": ");
            s
        };
        if ns != Namespace::Html {
            return Err(here() + "foreign element survived");
        }
        if !KEPT.contains(&name) {
            return Err(here() + "element not in the kept list");
        }
        if depth > max_depth {
            return Err(here() + "deeper than the bound");
        }
        if matches!(name, "br" | "hr" | "img" | "col") && f.children(id).next().is_some() {
            return Err(here() + "void element with children");
        }
        let get = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
        for (k, v) in attrs {
            let lower = k.to_ascii_lowercase();
            if lower.starts_with("on") || lower == "id" || lower == "name" {
                return Err(here() + k);
            }
            if !attr_allowed(name, k, style) {
                return Err(here() + "attribute not allowed: " + k);
            }
            if is_url_attr(k) {
                // Read independently of the policy, as a browser would: without surrounding
                // controls and spaces, tabs and newlines, in lower case.
                let simple: String = v
                    .trim_matches(|c: char| c <= ' ')
                    .chars()
                    .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                    .collect::<String>()
                    .to_ascii_lowercase();
                for bad in ["javascript:", "vbscript:", "data:text", "data:image/svg"] {
                    let in_srcset = k == "srcset" && simple.contains(&(String::from(", ") + bad));
                    if simple.starts_with(bad) || in_srcset {
                        return Err(here() + "dangerous URL " + k + "=" + v);
                    }
                }
            }
            let ok = match (name, k.as_str()) {
                ("a", "href") | (_, "cite") => url_ok(v, UrlContext::Link),
                ("img", "src") => url_ok(v, UrlContext::BodyImage),
                ("img", "srcset") => v.split(", ").all(|c| {
                    let url = c.split(' ').next().unwrap_or("");
                    url_ok(url, UrlContext::BodyImage)
                }),
                ("div", "data-nv-poster") => url_ok(v, UrlContext::Media),
                ("div", "data-nv-src") => match get("data-nv-embed") {
                    Some("iframe") => {
                        url_ok(v, UrlContext::Absolute)
                            && v.starts_with("https:")
                            && check(v, UrlContext::Absolute)
                                .and_then(|u| u.host().map(|h| iframe_hosts.contains(&h)))
                                .unwrap_or(false)
                    }
                    Some("video" | "audio") => url_ok(v, UrlContext::Media),
                    _ => false,
                },
                ("div", "class") => v == "nv-embed",
                ("div", "data-nv-embed") => matches!(v.as_str(), "iframe" | "video" | "audio"),
                ("a", "target") => v == "_blank",
                _ => true,
            };
            if !ok {
                return Err(here() + "bad value " + k + "=" + v);
            }
        }
        if name == "div" && get("class").is_some() {
            if get("data-nv-embed").is_none() || get("data-nv-src").is_none() {
                return Err(here() + "placeholder without embed or src");
            }
            if f.children(id).next().is_some() {
                return Err(here() + "placeholder with children");
            }
        }
        if name == "div"
            && get("class").is_none()
            && attrs.iter().any(|(k, _)| k.starts_with("data-"))
        {
            return Err(here() + "data attribute outside a placeholder");
        }
        if get("target") == Some("_blank")
            && !get("rel").is_some_and(|r| r.split(' ').any(|t| t == "noopener"))
        {
            return Err(here() + "target=_blank without noopener");
        }
        for c in f.children(id) {
            stack.push((c, depth + 1));
        }
    }
    Ok(())
}

/// The string values of every `"payload": "…"` member in a JSON corpus file (a tiny reader of
/// JSON strings, enough for these files).
pub fn json_payloads(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let key = "\"payload\"";
    let mut rest = text;
    while let Some(i) = rest.find(key) {
        rest = &rest[i + key.len()..];
        let Some(q) = rest.find('"') else { break };
        let colon_part = &rest[..q];
        if !colon_part.trim().starts_with(':') {
            continue;
        }
        let (s, used) = json_string(&rest[q + 1..]);
        out.push(s);
        rest = &rest[q + 1 + used..];
    }
    out
}

fn json_string(s: &str) -> (String, usize) {
    let mut out = String::new();
    let mut chars = s.char_indices();
    let mut pending_high: Option<u32> = None;
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (out, i + 1),
            '\\' => {
                let Some((_, e)) = chars.next() else { break };
                let ch = match e {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'u' => {
                        let hex: String = (0..4)
                            .filter_map(|_| chars.next().map(|(_, h)| h))
                            .collect();
                        let v = u32::from_str_radix(&hex, 16).unwrap_or(0xfffd);
                        if (0xd800..0xdc00).contains(&v) {
                            pending_high = Some(v);
                            continue;
                        }
                        if (0xdc00..0xe000).contains(&v) {
                            if let Some(h) = pending_high.take() {
                                let cp = 0x10000 + ((h - 0xd800) << 10) + (v - 0xdc00);
                                out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                                continue;
                            }
                        }
                        char::from_u32(v).unwrap_or('\u{fffd}')
                    }
                    other => other,
                };
                out.push(ch);
            }
            c => out.push(c),
        }
    }
    (out, s.len())
}
