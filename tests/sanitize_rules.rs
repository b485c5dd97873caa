//! The sanitizer's rules seen from outside: HTML in, HTML out, and the rich fixture that must
//! survive whole.

mod sanitize_support;

use newsview::sanitize::{sanitize_fragment, Fragment, LinkTarget, NodeId, NodeRef, Policy};
use sanitize_support::{check_invariants, dump_merged, parse};

fn clean_with(policy: &Policy, html: &str) -> String {
    let (c, _) = sanitize_fragment(parse(html), policy);
    c.to_html().into_string()
}

/// Element names and texts, without attributes.
fn shape(f: &Fragment) -> String {
    let mut out = String::new();
    let mut stack: Vec<(NodeId, bool)> = f.children(f.root()).map(|c| (c, true)).collect();
    stack.reverse();
    while let Some((id, entering)) = stack.pop() {
        if !entering {
            out.push(')');
            continue;
        }
        match f.node(id) {
            Some(NodeRef::Element { name, .. }) => {
                out.push_str(name);
                out.push('(');
                stack.push((id, false));
                let kids: Vec<NodeId> = f.children(id).collect();
                stack.extend(kids.into_iter().rev().map(|c| (c, true)));
            }
            Some(NodeRef::Text(t)) => {
                out.push('"');
                out.push_str(t);
                out.push('"');
            }
            _ => out.push('?'),
        }
    }
    out
}

/// Every element in document order with its attributes.
fn elements(f: &Fragment) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut stack: Vec<NodeId> = f.children(f.root()).collect();
    stack.reverse();
    while let Some(id) = stack.pop() {
        if let Some(NodeRef::Element { name, attrs, .. }) = f.node(id) {
            out.push((name.to_string(), attrs.to_vec()));
            let kids: Vec<NodeId> = f.children(id).collect();
            stack.extend(kids.into_iter().rev());
        }
    }
    out
}

#[test]
fn the_rich_fixture_survives_whole() {
    let html = include_str!("fixtures/rich-body.html");
    let policy = Policy::default().own_host("www.kankanews.com");
    let original = parse(html);
    let (clean, report) = sanitize_fragment(original.clone(), &policy);
    let clean = clean.fragment().clone();

    assert!(!report.removed_anything(), "{report:?}");
    // Every element and every text, in order and nesting.
    assert_eq!(shape(&clean), shape(&original));
    // The fixture holds what it promises.
    let s = shape(&original);
    for needle in [
        "h2(",
        "h3(",
        "h4(",
        "h5(",
        "h6(",
        "ol(",
        "ul(",
        "li(",
        "table(",
        "caption(",
        "thead(",
        "tbody(",
        "tfoot(",
        "th(",
        "td(",
        "figure(",
        "figcaption(",
        "img(",
        "blockquote(",
        "pre(code(",
        "sub(",
        "sup(",
        "del(",
        "ins(",
        "abbr(",
        "dl(",
        "dt(",
        "dd(",
        "hr(",
        "q(",
        "cite(",
        "time(",
        "mark(",
        "u(",
        "s(",
        "br(",
        "small(",
        "\"\u{a0}\"",
        "\u{a0}\u{a0}",
    ] {
        assert!(s.contains(needle), "fixture lacks {needle}");
    }
    // Every attribute kept with its value; the only additions are the policy's own.
    let before = elements(&original);
    let after = elements(&clean);
    assert_eq!(before.len(), after.len());
    for ((name, old), (_, new)) in before.iter().zip(after.iter()) {
        for attr in old {
            assert!(new.contains(attr), "{name}: lost {attr:?}");
        }
        for (k, v) in new {
            if old.iter().any(|(ok, _)| ok == k) {
                continue;
            }
            let expected = matches!(
                (name.as_str(), k.as_str(), v.as_str()),
                ("img", "loading", "lazy")
                    | ("img", "decoding", "async")
                    | ("a", "rel", "noopener noreferrer")
            );
            assert!(expected, "{name}: unexpected {k}={v}");
        }
    }
    // The links to other hosts, and only they, got rel.
    let rels: Vec<&str> = after
        .iter()
        .filter(|(n, _)| n == "a")
        .map(|(_, a)| {
            a.iter()
                .find(|(k, _)| k == "rel")
                .map_or("", |(_, v)| v.as_str())
        })
        .collect();
    assert_eq!(rels, ["", "noopener noreferrer", "", "", ""]);
    // The markup reads back as the same tree.
    let (again, _) = sanitize_fragment(clean.clone(), &policy);
    let markup = again.to_html();
    assert_eq!(dump_merged(&parse(markup.as_str())), dump_merged(&clean));
    check_invariants(&clean, 256, &[], false).unwrap();
}

#[test]
fn nasty_vectors_come_out_inert() {
    let cases: &[(&str, &str)] = &[
        (
            "<img src=x onerror=alert(1)//>",
            r#"<img src="x" loading="lazy" decoding="async">"#,
        ),
        ("<svg><g/onload=alert(2)//<p>", ""),
        (
            "<p>abc<iframe//src=jAva&Tab;script:alert(3)>def</p>",
            "<p>abc</p>",
        ),
        (
            "<math><mi//xlink:href=\"data:x,<script>alert(4)</script>\">",
            "",
        ),
        (
            "<TABLE><tr><td>HELLO</tr></TABL>",
            "<table><tr><td>HELLO</td></tr></table>",
        ),
        (
            "<UL><li><A HREF=//google.com>click</UL>",
            r#"<ul><li><a href="//google.com" rel="noopener noreferrer">click</a></li></ul>"#,
        ),
        ("<a href=\"&#1;javascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"java&#x0A;script:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"  JAVASCRIPT:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"vbscript:msgbox(1)\">x</a>", "<a>x</a>"),
        (
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a>x</a>",
        ),
        (
            "<a href=\"/\\evil.com\">x</a>",
            r#"<a href="//evil.com" rel="noopener noreferrer">x</a>"#,
        ),
        ("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", ""),
        (
            "<form action=\"javascript:alert(1)\"><input type=submit></form>",
            "",
        ),
        (
            "<div id=\"cookie\" name=\"getElementById\">x</div>",
            "<div>x</div>",
        ),
        (
            "<img name=\"body\" src=\"a.png\">",
            r#"<img src="a.png" loading="lazy" decoding="async">"#,
        ),
        ("<object data=\"javascript:alert(1)\"></object>", ""),
        ("<embed src=\"javascript:alert(1)\">", ""),
        ("<base href=\"javascript:/\">", ""),
        (
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "",
        ),
        ("<link rel=\"import\" href=\"x\">", ""),
        ("<style>@import 'x';</style><p>t</p>", "<p>t</p>"),
        ("<template><img src=x onerror=alert(1)></template>", ""),
        (
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "",
        ),
        ("<details open ontoggle=alert(1)>x</details>", "x"),
        ("<video><source onerror=alert(1)></video>", ""),
        (
            "<a href=\"https://a.com\" target=\"_blank\">x</a>",
            r#"<a href="https://a.com" rel="noopener noreferrer">x</a>"#,
        ),
        (
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<p>x</p>",
        ),
        ("<x-widget is=\"evil\" onclick=\"x\">t</x-widget>", "t"),
        ("<!--><img src=x onerror=alert(1)>-->", ""),
        ("<h1 onclick=x>T</h1>", "<h2>T</h2>"),
    ];
    for (input, expected) in cases {
        let (c, _) = sanitize_fragment(parse(input), &Policy::default());
        assert_eq!(c.to_html().as_str(), *expected, "input: {input}");
        check_invariants(c.fragment(), 256, &[], false).unwrap();
    }
}

#[test]
fn options_change_what_links_get() {
    let policy = Policy::default()
        .own_host("kankanews.com")
        .ugc(true)
        .link_target(LinkTarget::Blank);
    assert_eq!(
        clean_with(
            &policy,
            r#"<a href="https://kankanews.com/a">own</a><a href="https://other.com/">other</a>"#
        ),
        r#"<a href="https://kankanews.com/a" rel="noopener" target="_blank">own</a><a href="https://other.com/" rel="noopener noreferrer ugc nofollow" target="_blank">other</a>"#
    );
}

#[test]
fn allowed_iframes_video_and_audio_become_placeholders() {
    let policy = Policy::default().allow_iframe_hosts(["player.youku.com"]);
    let out = clean_with(
        &policy,
        r#"<p>before</p><iframe src="https://player.youku.com/embed/X1" allowfullscreen></iframe><video controls autoplay poster="https://img.a.com/p.jpg"><source src="https://v.a.com/a.mp4"></video><audio src="/a.mp3"></audio>"#,
    );
    assert_eq!(
        out,
        r#"<p>before</p><div class="nv-embed" data-nv-embed="iframe" data-nv-src="https://player.youku.com/embed/X1"></div><div class="nv-embed" data-nv-embed="video" data-nv-src="https://v.a.com/a.mp4" data-nv-poster="https://img.a.com/p.jpg"></div><div class="nv-embed" data-nv-embed="audio" data-nv-src="/a.mp3"></div>"#
    );
    // Sanitizing the placeholders again changes nothing.
    assert_eq!(clean_with(&policy, &out), out);
}
