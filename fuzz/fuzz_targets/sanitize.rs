//! The sanitizer policy over the arena tree: bytes are decoded into build operations (open an
//! element from a list of real and odd tags, attributes from a list of dangerous and ordinary
//! names with nasty values, text, comments, close), a policy is chosen from the bytes, and the
//! clean fragment is checked against an allow-list written here: only kept elements, only their
//! attributes (plus the sanitizer's own placeholder attributes on `div.nv-embed`), every URL
//! accepted by `url::check` in its context, `target=_blank` only with `noopener`, depth within
//! the bound. Sanitizing the clean fragment again must change nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsview::sanitize::{sanitize_fragment, Fragment, Namespace, NodeId};

mod common;
use common::clean::{check_clean, check_markup, choose_policy};
use common::Bytes;

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
