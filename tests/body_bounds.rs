//! The body path under hostile shapes (issue 10): every shape renders in bounded work, nothing
//! is refused for its shape, and the server's clean markup parses back to the same tree.
#![cfg(not(target_arch = "wasm32"))]

use newsview::sanitize::{prepare, Policy};
use newsview::ssr::{parse_body, sanitize_body};

mod sanitize_support;

use sanitize_support::hostile_shapes;

#[test]
fn the_prepass_work_is_linear_in_the_input() {
    for (name, html) in hostile_shapes() {
        let (_, report) = prepare(&html, 256, 250_000);
        assert!(
            report.work <= 4 * html.len() + 64,
            "{name}: {} units of work for {} bytes",
            report.work,
            html.len()
        );
    }
}

/// The depth of the deepest element of a fragment.
fn depth(f: &newsview::sanitize::Fragment) -> usize {
    let mut max = 0;
    let mut stack = vec![(f.root(), 0usize)];
    while let Some((id, d)) = stack.pop() {
        max = max.max(d);
        stack.extend(f.children(id).map(|c| (c, d + 1)));
    }
    max
}

#[test]
fn the_parser_builds_a_bounded_tree_from_the_prepass_output() {
    for (name, html) in hostile_shapes() {
        let (out, _) = prepare(&html, 256, 250_000);
        let tree = parse_body(&out);
        let d = depth(&tree);
        assert!(d <= 2 * 256 + 8, "{name}: html5ever built {d} levels");
    }
}

#[test]
fn no_shape_is_refused_and_cuts_are_reported() {
    let policy = Policy::default();
    for (name, html) in hostile_shapes() {
        let (clean, report) = sanitize_body(&html, &policy);
        assert!(!report.input_too_large, "{name}: refused");
        let text = clean.fragment().outline();
        assert!(
            !text.is_empty() || name == "comments",
            "{name}: nothing left"
        );
        if name == "over maxNodes" {
            assert!(report.truncated, "{name}: the cut is reported");
        }
    }
}

#[test]
fn spans_are_clamped_to_what_articles_use() {
    let policy = Policy::default();
    let html = "<table><tr><td colspan=1000 rowspan=65534>x</td><th colspan=7>y</th></tr>\
                <colgroup><col span=5000></colgroup></table>";
    let out = sanitize_body(html, &policy).0.to_html().into_string();
    assert!(out.contains("colspan=\"100\" rowspan=\"100\""), "{out}");
    assert!(out.contains("colspan=\"7\""), "{out}");
    assert!(out.contains("span=\"100\""), "{out}");
}

/// Bodies whose clean tree a parser would not build as it is, unless the walker mends it.
fn renesting_shapes() -> Vec<&'static str> {
    vec![
        "<p>a<marquee><div>b</div></marquee>c</p>",
        "<h3>x<marquee><h2>y</h2></marquee>z</h3>",
        "<h3><x><h1>t</h1></x></h3>",
        "<p>a<marquee><table><tr><td>c</td></tr></table></marquee></p>",
        "<li>a<section><li>b</li></section></li>",
        "<dl><dd>a<section><dt>b</dt></section></dd></dl>",
        "<a href=/1>a<marquee><a href=/2>b</a></marquee></a>",
        "<p>a<marquee><hr>b</marquee></p>",
        "<p>v<video src=/v.mp4></video>w</p>",
        "<p dir=rtl title=t>a<marquee><ul><li>x</li></ul></marquee></p>",
        "<pre>\n\nx</pre>",
        // A CR from a character reference (found by the ssr fuzz target).
        "a&#13;b<p title=\"x&#13;y\">c</p>",
    ]
}

#[test]
fn the_servers_markup_parses_back_to_the_clean_tree() {
    let policy = Policy::default();
    let mut inputs: Vec<String> = renesting_shapes().into_iter().map(String::from).collect();
    inputs.extend(
        include_str!("fixtures/xss/payloadbox.txt")
            .lines()
            .map(str::to_string),
    );
    inputs.extend(sanitize_support::json_payloads(include_str!(
        "fixtures/xss/h5sc.json"
    )));
    inputs.extend(sanitize_support::json_payloads(include_str!(
        "fixtures/xss/dompurify-expect.json"
    )));
    for html in inputs {
        let (clean, _) = sanitize_body(&html, &policy);
        let markup = clean.to_html();
        let reparsed = parse_body(markup.as_str());
        assert_eq!(
            reparsed.outline(),
            clean.fragment().outline(),
            "{html:?} -> {}",
            markup.as_str()
        );
    }
}
