//! `sanitize::prepare`, the one pre-pass every body goes through before a parser sees it.
//! Its oracle is a real HTML tree builder (html5ever, the parser of the server path, which
//! follows the same standard as the browser's): on every input,
//!
//! * the pass never panics, and its work is linear: at most 4 units per input byte (+64);
//! * html5ever builds a tree at most `2 × depth + 8` deep from its output (the adoption
//!   agency and reconstructed formatting elements may add to the pass's own count, never
//!   double it);
//! * that tree holds no comment (but the empty one that keeps a cut character reference apart), no element of a raw-text kind with content, no foreign element
//!   with children, and no attribute named `on…`;
//! * a second pass writes the same text (the output is a fixed point).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsview::sanitize::{prepare, Fragment, NodeId, NodeRef};
use newsview::ssr::parse_body;

/// Walks `f` and returns its depth, checking what the pre-pass promises to keep from a parser.
fn depth_and_checks(f: &Fragment, out: &str) -> usize {
    let mut max = 0;
    let mut stack: Vec<(NodeId, usize)> = f.children(f.root()).map(|c| (c, 1)).collect();
    while let Some((id, d)) = stack.pop() {
        max = max.max(d);
        match f.node(id) {
            Some(NodeRef::Element { name, attrs, namespace }) => {
                for (n, v) in attrs {
                    assert!(!n.starts_with("on"), "{n}={v:?} reached the parser: {out:?}");
                }
                let has_children = f.children(id).next().is_some();
                let raw = matches!(
                    name,
                    "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed"
                        | "noframes" | "plaintext"
                );
                assert!(
                    !(has_children && (raw || namespace != newsview::sanitize::Namespace::Html)),
                    "<{name}> with content reached the parser: {out:?}"
                );
                stack.extend(f.children(id).map(|c| (c, d + 1)));
            }
            // The separator a cut character reference gets (`<!---->`) is the one comment.
            Some(NodeRef::Comment(c)) if c.is_empty() => {}
            Some(NodeRef::Comment(c)) => panic!("a comment {c:?} reached the parser: {out:?}"),
            _ => {}
        }
    }
    max
}

fuzz_target!(|data: &[u8]| {
    let Some((&d, rest)) = data.split_first() else {
        return;
    };
    let depth = usize::from(d % 24);
    let html = String::from_utf8_lossy(rest);
    let (out, report) = prepare(&html, depth, 100_000);
    assert!(
        report.work <= 4 * html.len() + 64,
        "{} units of work for {} bytes: {html:?}",
        report.work,
        html.len()
    );
    let tree = parse_body(&out);
    let got = depth_and_checks(&tree, &out);
    assert!(got <= 2 * depth + 8, "html5ever built {got} levels, bound {depth}: {out:?}");
    let (again, _) = prepare(&out, depth, 100_000);
    assert_eq!(again, out, "a second pass changed it");
});
