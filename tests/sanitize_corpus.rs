//! The three public XSS corpora (tests/fixtures/xss) through the core policy. The payloads are
//! read by the test-only HTML reader, not a browser's parser (the browser run is the DOM
//! layer's corpus test); what this checks is that, whatever tree comes in, the policy's output
//! holds every invariant and sanitizing it again changes nothing.

mod sanitize_support;

use newsview::sanitize::{sanitize_fragment, LinkTarget, Policy};
use sanitize_support::{check_invariants, dump_tree, json_payloads, parse};

fn corpora() -> Vec<(&'static str, Vec<String>)> {
    vec![
        (
            "payloadbox",
            include_str!("fixtures/xss/payloadbox.txt")
                .lines()
                .map(str::to_string)
                .collect(),
        ),
        (
            "h5sc",
            json_payloads(include_str!("fixtures/xss/h5sc.json")),
        ),
        (
            "dompurify",
            json_payloads(include_str!("fixtures/xss/dompurify-expect.json")),
        ),
    ]
}

#[test]
fn corpora_have_the_documented_counts() {
    let counts: Vec<(&str, usize)> = corpora().iter().map(|(n, p)| (*n, p.len())).collect();
    assert_eq!(
        counts,
        [("payloadbox", 6613), ("h5sc", 149), ("dompurify", 223)]
    );
}

#[test]
fn every_payload_comes_out_inert_and_stable() {
    let policies = [
        (Policy::default(), Vec::<&str>::new(), false),
        (
            Policy::default()
                .allow_iframe_hosts(["www.youtube.com", "player.vimeo.com"])
                .link_target(LinkTarget::Blank)
                .allow_style_properties(&["color", "text-align"]),
            vec!["www.youtube.com", "player.vimeo.com"],
            true,
        ),
    ];
    let mut checked = 0;
    for (name, payloads) in corpora() {
        for (i, payload) in payloads.iter().enumerate() {
            for (policy, hosts, style) in &policies {
                let (clean, _) = sanitize_fragment(parse(payload), policy);
                if let Err(e) = check_invariants(clean.fragment(), 256, hosts, *style) {
                    panic!("{name}[{i}]: {e}\npayload: {payload}");
                }
                let once = dump_tree(clean.fragment());
                let (twice, report) = sanitize_fragment(clean.into_fragment(), policy);
                assert_eq!(dump_tree(twice.fragment()), once, "{name}[{i}]");
                assert!(!report.removed_anything(), "{name}[{i}]");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 2 * (6613 + 149 + 223));
}
