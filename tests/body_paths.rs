//! The two body paths give the same page. The browser build cleans a body without the
//! browser's parser (`sanitize::clean_body`: pre-pass, a stack reader, the policy, the
//! serializer); the server parses the pre-pass's output with html5ever first
//! (`ssr::sanitize_body`). What a page ends up holding is what an HTML parser builds from each
//! path's markup: both are parsed with html5ever here and compared, over the fixtures and the
//! three XSS corpora, and the markup of the browser path is checked to hold only what the
//! policy keeps.
#![cfg(not(target_arch = "wasm32"))]

mod sanitize_support;

use newsview::options::Options;
use newsview::sanitize::{clean_body, Policy};
use newsview::ssr::{parse_body, sanitize_body};
use sanitize_support::{hostile_shapes, json_payloads};

fn corpora() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, p) in include_str!("fixtures/xss/payloadbox.txt")
        .lines()
        .enumerate()
    {
        out.push((format!("payloadbox[{i}]"), p.to_owned()));
    }
    for (name, text) in [
        ("h5sc", include_str!("fixtures/xss/h5sc.json")),
        (
            "dompurify",
            include_str!("fixtures/xss/dompurify-expect.json"),
        ),
    ] {
        for (i, p) in json_payloads(text).into_iter().enumerate() {
            out.push((format!("{name}[{i}]"), p));
        }
    }
    out
}

/// The page each path makes of `html`, as html5ever reads the markup it writes.
fn pages(html: &str, policy: &Policy) -> (String, String) {
    let (browser, _) = clean_body(html, policy);
    let (server, _) = sanitize_body(html, policy);
    let a = parse_body(browser.as_str()).outline();
    let b = parse_body(server.to_html().as_str()).outline();
    (a, b)
}

#[test]
fn both_paths_make_the_same_page_from_the_corpora() {
    let policy = Policy::default();
    let mut differ = Vec::new();
    let all = corpora();
    for (name, html) in &all {
        let (a, b) = pages(html, &policy);
        if a != b {
            differ.push(format!("{name}: {html}\n  browser: {a}\n  server:  {b}"));
        }
    }
    for d in differ.iter().take(40) {
        eprintln!("{d}");
    }
    assert!(
        differ.is_empty(),
        "{} of {} payloads differ",
        differ.len(),
        all.len()
    );
}

/// The bodies of the fixtures, and shapes a CMS writes (entities, tables, lists, embeds).
fn fixtures() -> Vec<(String, String)> {
    let mut out = vec![(
        "rich-body.html".to_owned(),
        include_str!("fixtures/rich-body.html").to_owned(),
    )];
    for (name, text) in [
        (
            "seed-article.json",
            include_str!("fixtures/seed-article.json"),
        ),
        (
            "parity/article.json",
            include_str!("fixtures/parity/article.json"),
        ),
        (
            "media-hosts-article.json",
            include_str!("fixtures/media-hosts-article.json"),
        ),
    ] {
        let article = newsview::Article::from_json_str(text).expect(name).article;
        out.push((name.to_owned(), article.body_html.unwrap_or_default()));
    }
    for (name, html) in [
        ("entities", "<p>AT&amp;T &copy; 2025 &hellip; &#x4E2D;&#25991; &nbsp;&lt;b&gt; &unknown; a&b</p><p title=\"&quot;q&quot; &amp; &hellip;\">t</p>"),
        ("links", "<a href=\"https://e.test/?a=1&amp;b=2&copy=3\">x</a><a href=/rel target=_blank>y</a><a href=mailto:a@b.c>z</a>"),
        ("table", "<table>lost<tr><td>1<td>2<tr><th colspan=2>3</table><p>after"),
        ("lists", "<ul><li>a<li>b<ol><li>c</ol></ul><dl><dt>t<dd>d<dt>u</dl>"),
        ("embeds", "<video src=https://v.test/a.mp4 poster=https://v.test/p.jpg></video><audio><source src=https://v.test/a.mp3></audio><iframe src=https://player.test/x width=640 height=360></iframe>"),
        ("pre", "<pre>\n\nline\r\n  two</pre><pre>\r\nx</pre>"),
        ("misnested", "<b>1<p>2</b>3</p><i><div>4</i>5</div><p><x><div>6</div></x></p><h2><h3>7</h3></h2><a href=/a>8<a href=/b>9</a></a>"),
        ("adoption agency", "<b><div><p>x</b>y</p>z</div><i><em><div>a</i>b</div><u><table><tr><td><p>c</u>d</table>"),
        ("unknown wrappers", "<section><li>a</section><custom-el><p>b<div>c</div></p></custom-el><center>d</center>"),
    ] {
        out.push((name.to_owned(), html.to_owned()));
    }
    out
}

#[test]
fn both_paths_make_the_same_page_from_the_fixtures() {
    let parity: Options = Options::from_json_str(include_str!("fixtures/parity/options.json"))
        .expect("parity options")
        .0;
    for policy in [Policy::default(), parity.sanitize.clone()] {
        for (name, html) in fixtures() {
            let (a, b) = pages(&html, &policy);
            assert_eq!(a, b, "{name}");
        }
    }
}

#[test]
fn both_paths_make_the_same_page_from_the_hostile_shapes() {
    let policy = Policy::default();
    for (name, html) in hostile_shapes() {
        let (a, b) = pages(&html, &policy);
        assert!(a == b, "{name}: the pages differ");
    }
}
