//! The native body pipeline: `ssr::sanitize_body` (html5ever's fragment parser feeding the
//! arena, then the policy) over raw HTML text, with a policy chosen from the first byte. The
//! clean fragment meets the same allow-list as in the `sanitize` target; sanitizing it again
//! changes nothing; and its serialization, parsed again by the same parser (no sanitizing),
//! holds only kept HTML elements, no comment and no event-handler attribute (no mutation XSS),
//! and is exactly the clean tree again.
//!
//! The browser build's body path, `sanitize::clean_body` (the pre-pass's output read by a stack,
//! no HTML parser before the policy), meets the same checks on its markup: only kept tags, and
//! html5ever's parse of it holds only kept HTML elements, no comment and no handler attribute.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsview::sanitize::{clean_body, sanitize_fragment, Fragment, Namespace, NodeId, NodeRef};
use newsview::ssr::{parse_body, sanitize_body};

mod common;
use common::clean::{check_clean, check_markup, choose_policy, KEPT};
use common::Bytes;

/// The tree a parser makes of the serialized clean body: nothing but kept elements.
fn check_reparsed(f: &Fragment, html: &str) {
    let mut stack: Vec<NodeId> = f.children(f.root()).collect();
    while let Some(id) = stack.pop() {
        match f.node(id) {
            Some(NodeRef::Element {
                namespace,
                name,
                attrs,
            }) => {
                assert_eq!(
                    namespace,
                    Namespace::Html,
                    "re-parse made foreign {name}: {html:?}"
                );
                assert!(KEPT.contains(&name), "re-parse made <{name}>: {html:?}");
                for (n, v) in attrs {
                    assert!(!n.starts_with("on"), "re-parse made {n}={v:?}: {html:?}");
                }
                stack.extend(f.children(id));
            }
            Some(NodeRef::Comment(c)) => panic!("re-parse made a comment {c:?}: {html:?}"),
            _ => {}
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let split = data.len().min(2);
    let mut bytes = Bytes::new(&data[..split]);
    let chosen = choose_policy(&mut bytes);
    let html = String::from_utf8_lossy(&data[split..]);
    let (clean, report) = sanitize_body(&html, &chosen.policy);
    // A body within the size limit is never refused, whatever its shape.
    assert!(
        !report.input_too_large || html.len() > chosen.policy.input_limit(),
        "refused for the work bound after the nesting cut: {html:?}"
    );
    check_clean(clean.fragment(), &chosen);
    let out = clean.to_html();
    check_markup(out.as_str());
    let (again, report2) = sanitize_fragment(clean.fragment().clone(), &chosen.policy);
    assert_eq!(
        again.to_html().as_str(),
        out.as_str(),
        "sanitizing again changed it"
    );
    assert!(
        !report2.removed_anything(),
        "sanitizing again removed: {report2:?}"
    );
    let reparsed = parse_body(out.as_str());
    check_reparsed(&reparsed, out.as_str());
    // The server's markup parses back to exactly the clean tree (so the browser builds the
    // tree the server sent, and hydration finds it).
    assert_eq!(
        reparsed.outline(),
        clean.fragment().outline(),
        "the markup parses to another tree: {html:?} -> {:?}",
        out.as_str()
    );
    // The browser build's path: what the page's parser reads.
    let (browser, _) = clean_body(&html, &chosen.policy);
    check_markup(browser.as_str());
    let page = parse_body(browser.as_str());
    check_reparsed(&page, browser.as_str());
    check_clean(&page, &chosen);
});
