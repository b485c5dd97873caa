//! The one string newsview gives the browser's HTML parser, and the body path's browser tests.
//!
//! # The body never reaches the browser's parser as it came
//!
//! The article body is cleaned in Rust before the browser sees any of it
//! ([`crate::sanitize::clean_body`]: the linear pre-pass, a stack reader into the core's tree,
//! the policy, the serializer). What the page's parser reads is one [`Markup`]: the view, written
//! by the escaping writer, with the clean body written into it by the sanitizer's serializer
//! (`api::draw`), which the JS entry parses into the view's root after the wasm call returns
//! (`place()` in www/newsview.js). So the page does one parse, of markup the policy made, at
//! the cost of the browser's own `innerHTML` (the floor `make bench` measures against); nothing
//! is parsed into a second document, walked node by node across the JS↔wasm boundary, or
//! adopted from it.
//!
//! # Trusted Types
//!
//! Under `require-trusted-types-for 'script'`, `innerHTML` takes only a `TrustedHTML`. When
//! `trustedTypes` exists, one policy named `newsview` is made, once, with `createHTML` returning
//! its input unchanged. It is passed one kind of string only, a [`Markup`] (a type only the
//! escaping writer and the sanitizer's serializer make), whose sink is the view's root. The
//! policy object stays in a private JS module scope (made once per page, kept across a restart of
//! the wasm module after a trap) and is never exposed. A host whose CSP has a `trusted-types`
//! directive must list `newsview` in it.

use wasm_bindgen::prelude::*;

use crate::view::Markup;

// The `newsview` Trusted Types policy lives in this small module's scope, not in the wasm
// instance: it is made once per page, survives a restart of the module after a trap (a page
// whose CSP lists `trusted-types newsview` allows the name only once), and no page script can
// reach it. Its `createHTML` is plain JS returning its input, so calling it never enters the
// wasm (nor an instance that trapped). Where there is no `trustedTypes` (a browser without
// Trusted Types) the markup stays a string.
#[wasm_bindgen(
    inline_js = "let p;\nexport function nv_trusted_html(html) {\n  p ??= globalThis.trustedTypes?.createPolicy('newsview', { createHTML: (s) => s }) ?? 0;\n  return p ? p.createHTML(html) : html;\n}\n"
)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn nv_trusted_html(html: &str) -> Result<JsValue, JsValue>;
}

/// `markup` as a `TrustedHTML` from the `newsview` policy when the browser has Trusted Types,
/// else as a plain string. Its type admits nothing but [`Markup`].
pub(crate) fn trusted_html(markup: &Markup) -> Result<JsValue, JsValue> {
    nv_trusted_html(markup.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sanitize::{clean_body, Policy, Report};
    use js_sys::Array;
    use js_sys::Reflect;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;
    use web_sys::DocumentFragment;

    wasm_bindgen_test_configure!(run_in_browser);

    /// The body path as the page runs it: cleaned in Rust, the markup parsed by the page's
    /// parser (here into a template's content, which loads nothing).
    fn parse_and_sanitize(
        html: &str,
        policy: &Policy,
    ) -> Result<(DocumentFragment, Report), JsValue> {
        let (markup, report) = clean_body(html, policy);
        let doc = web_sys::window().unwrap().document().unwrap();
        let template: web_sys::HtmlTemplateElement =
            doc.create_element("template")?.unchecked_into();
        Reflect::set(
            &template,
            &JsValue::from_str("innerHTML"),
            &trusted_html(&markup)?,
        )?;
        Ok((template.content(), report))
    }

    fn html_of(frag: &DocumentFragment) -> String {
        let doc = web_sys::window().unwrap().document().unwrap();
        let div = doc.create_element("div").unwrap();
        div.append_child(&frag.clone_node_with_deep(true).unwrap())
            .unwrap();
        div.inner_html()
    }

    fn clean(html: &str) -> (String, Report) {
        let (frag, report) = parse_and_sanitize(html, &Policy::default()).unwrap();
        (html_of(&frag), report)
    }

    #[wasm_bindgen_test]
    fn keeps_benign_structure() {
        let (out, report) = clean("<h1 dir=rtl>T</h1><p>a<b>b</b>&nbsp;c</p><ul><li>x</li></ul>");
        assert_eq!(
            out,
            "<h2 dir=\"rtl\">T</h2><p>a<b>b</b>&nbsp;c</p><ul><li>x</li></ul>"
        );
        assert!(!report.removed_anything());
    }

    #[wasm_bindgen_test]
    fn removes_script_handlers_and_bad_urls() {
        let (out, report) = clean(
            "<img src=x onerror=alert(1)><script>alert(2)</script><a href=\"jav&#x09;ascript:alert(3)\">l</a><svg><g onload=alert(4)></g></svg>",
        );
        assert_eq!(
            out,
            "<img src=\"x\" loading=\"lazy\" decoding=\"async\"><a>l</a>"
        );
        assert_eq!(report.removed_urls, 1);
    }

    #[wasm_bindgen_test]
    fn form_clobbering_does_not_confuse_the_walk() {
        let (out, _) = clean(
            "<form><input name=nodeName><input name=firstChild><input name=nextSibling><input name=removeChild><input name=attributes></form><p>after</p>",
        );
        assert_eq!(out, "<p>after</p>");
    }

    #[wasm_bindgen_test]
    fn mutation_xss_shapes_stay_inert() {
        let (out, _) =
            clean("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>");
        assert!(!out.contains("onerror"), "{out}");
        let (out, _) = clean("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>");
        assert!(!out.contains("onerror"), "{out}");
    }

    #[wasm_bindgen_test]
    fn an_undecoded_entity_in_a_json_url_stays_a_harmless_path() {
        // What `url::check` accepts as relative, the browser resolves as a path of the page,
        // whether set through the DOM or written escaped into markup.
        let raw = "javascript&colon;alert(1)";
        assert!(crate::url::check(raw, crate::url::UrlContext::Link).is_some());
        let page_protocol = Reflect::get(
            &web_sys::window().unwrap().location(),
            &JsValue::from_str("protocol"),
        )
        .unwrap()
        .as_string()
        .unwrap();
        assert_eq!(protocol(raw), page_protocol);
        let doc = web_sys::window().unwrap().document().unwrap();
        let div = doc.create_element("div").unwrap();
        div.set_inner_html("<a href=\"javascript&amp;colon;alert(1)\">x</a>");
        let a = div.first_element_child().unwrap();
        let p = Reflect::get(&a, &JsValue::from_str("protocol")).unwrap();
        assert_eq!(p.as_string().unwrap(), page_protocol);
        // Whereas the decoded form is the scheme the policy refuses.
        assert_eq!(protocol("javascript:alert(1)"), "javascript:");
        assert!(crate::url::check("javascript:alert(1)", crate::url::UrlContext::Link).is_none());
    }

    fn resolved(url: &str) -> (String, String, String) {
        let doc = web_sys::window().unwrap().document().unwrap();
        let a = doc.create_element("a").unwrap();
        a.set_attribute("href", url).unwrap();
        let get = |k: &str| {
            Reflect::get(&a, &JsValue::from_str(k))
                .unwrap()
                .as_string()
                .unwrap_or_default()
        };
        (get("protocol"), get("hostname"), get("href"))
    }

    #[wasm_bindgen_test]
    fn the_url_policy_agrees_with_the_browser_parser() {
        use crate::url::{check, UrlContext};
        let page_host = resolved("/").1;
        let vectors = [
            "https://a.com/x",
            "HTTP://A.COM",
            "http:a.com/x",
            "http:/a.com",
            "https:\\\\a.com\\x",
            "//a.com/x",
            "///a.com/x",
            "\\\\a.com/x",
            "/\\a.com/x",
            "\\/a.com/x",
            " \u{1}//a.com",
            "\t//a.com",
            "/\t/a.com",
            "/x?//a.com",
            "#//a.com",
            "x//a.com",
            "./\\a.com",
            "http://a.com\\@b.com/",
            "http://a.com#@b.com",
            "http://a.com?@b.com",
            "http://a.com:8080/x",
            "http://[::1]/x",
            "https://a.com./x",
            "http://A.com:/x",
            "javascript:alert(1)",
            "jav\tascript:alert(1)",
            "\u{1}javascript:x",
            " JaVaScRiPt:x",
            "java\nscript:x",
            "javascript&colon;x",
            "vbscript:x",
            "data:text/html,x",
            "mailto:a@b.c",
            "tel:+1",
            "rel/path",
            "?q",
            "#f",
            "java script:x",
            "a\u{0}b:c",
        ];
        // And random assemblies of the pieces browsers are picky about.
        let pieces = [
            "http",
            "https",
            "HtTpS",
            "javascript",
            "data",
            "mailto",
            ":",
            ":",
            "/",
            "/",
            "\\",
            "\\",
            "\t",
            "\n",
            "\u{1}",
            " ",
            "a.com",
            "B.com",
            "@",
            "?",
            "#",
            ":80",
            "x",
            ".",
            "%2f",
            "[::1]",
            "&colon;",
        ];
        let mut seed: u64 = 0x1234_5678_9abc_def1;
        let mut random: Vec<String> = Vec::new();
        for _ in 0..3000 {
            let mut v = String::new();
            for _ in 0..(2 + seed % 6) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                v.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            random.push(v);
        }
        let mut accepted = 0;
        for v in vectors
            .iter()
            .copied()
            .chain(random.iter().map(String::as_str))
        {
            let (protocol, host, href) = resolved(v);
            let Some(u) = check(v, UrlContext::Link) else {
                continue; // refusing is always safe
            };
            assert!(
                matches!(protocol.as_str(), "http:" | "https:" | "mailto:" | "tel:"),
                "{v:?} accepted but the browser reads {protocol}"
            );
            // The normalised form means the same URL to the browser.
            assert_eq!(
                resolved(u.as_str()).2,
                href,
                "{v:?} normalised to {:?}",
                u.as_str()
            );
            if protocol.starts_with("http") && (host != page_host || u.host().is_some()) {
                assert_eq!(u.host(), Some(host.as_str()), "{v:?}");
            }
            accepted += 1;
        }
        assert!(accepted > 100, "{accepted}");
    }

    #[wasm_bindgen_test]
    fn customized_built_in_values_do_not_survive() {
        // The serializer writes an element's `is` value even without the attribute, so this
        // shows whether the value went with the element it was fixed on.
        let (out, _) = clean("<p is=\"x-evil\" title=\"t\">x</p><h1 is=\"x-h\">h</h1>");
        assert_eq!(out, "<p title=\"t\">x</p><h2>h</h2>");
    }

    #[wasm_bindgen_test]
    fn embeds_become_placeholders() {
        let policy = Policy::default().allow_iframe_hosts(["player.example.com"]);
        let (frag, report) = parse_and_sanitize(
            "<iframe src=\"https://player.example.com/e/1\" onload=\"alert(1)\"></iframe><video src=\"/v.mp4\" autoplay></video>",
            &policy,
        )
        .unwrap();
        assert_eq!(
            html_of(&frag),
            "<div class=\"nv-embed\" data-nv-embed=\"iframe\" data-nv-src=\"https://player.example.com/e/1\"></div><div class=\"nv-embed\" data-nv-embed=\"video\" data-nv-src=\"/v.mp4\"></div>"
        );
        assert_eq!(report.embeds, 2);
    }

    #[wasm_bindgen_test]
    fn oversized_input_is_refused_whole() {
        let (frag, report) =
            parse_and_sanitize("<p>0123456789</p>", &Policy::default().max_input_bytes(8)).unwrap();
        assert!(report.input_too_large);
        assert_eq!(html_of(&frag), "");
    }

    #[wasm_bindgen_test]
    async fn a_hundred_thousand_nested_elements_stay_within_the_bound() {
        for open in ["<div><b>", "<x-a>", "<table><tr><td>"] {
            sleep(0).await; // let the test runner poll the page
            let mut html = String::with_capacity(100_000 * 16);
            for _ in 0..100_000 {
                html.push_str(open);
            }
            html.push_str("deep");
            let started = js_sys::Date::now();
            let (frag, report) = parse_and_sanitize(&html, &Policy::default()).unwrap();
            let elapsed = js_sys::Date::now() - started;
            console_log!("100 000 x {open} parsed and sanitized in {elapsed} ms");
            assert!(!report.truncated);
            let doc = web_sys::window().unwrap().document().unwrap();
            let holder = doc.create_element("div").unwrap();
            holder.append_child(&frag).unwrap();
            let mut max = 0;
            let mut stack: Vec<(web_sys::Element, usize)> = vec![(holder.clone(), 0)];
            while let Some((el, d)) = stack.pop() {
                max = max.max(d);
                let kids = el.children();
                for i in 0..kids.length() {
                    stack.push((kids.item(i).unwrap(), d + 1));
                }
            }
            assert!(max <= 256, "{open}: depth {max}");
            assert!(holder.text_content().unwrap_or_default().ends_with("deep"));
        }
    }

    #[wasm_bindgen_test]
    fn deep_nesting_is_flattened() {
        let mut html = String::new();
        for _ in 0..2000 {
            html.push_str("<div>");
        }
        html.push_str("deep");
        let (frag, _) = parse_and_sanitize(&html, &Policy::default().max_depth(10)).unwrap();
        let mut depth = 0;
        let mut node: Option<web_sys::Node> = frag.first_child();
        while let Some(n) = node {
            depth += 1;
            node = n
                .first_child()
                .filter(|c| c.node_type() == web_sys::Node::ELEMENT_NODE);
        }
        assert!(depth <= 10, "{depth}");
        assert!(html_of(&frag).contains("deep"));
    }

    // ---- The corpora, rendered in the page -------------------------------------------------

    thread_local! {
        static CALLS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }

    /// Replaces `alert`, `confirm`, `prompt` and `print` with counters.
    fn hook_dialogs() {
        let window = web_sys::window().unwrap();
        for name in ["alert", "confirm", "prompt", "print"] {
            let f = Closure::<dyn Fn()>::new(|| CALLS.with(|c| c.set(c.get() + 1)));
            Reflect::set(
                &window,
                &JsValue::from_str(name),
                f.as_ref().unchecked_ref(),
            )
            .unwrap();
            f.forget();
        }
    }

    async fn sleep(ms: i32) {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }

    fn payloads() -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> =
            include_str!("../../tests/fixtures/xss/payloadbox.txt")
                .lines()
                .map(|l| ("payloadbox", l.to_string()))
                .collect();
        for (name, text) in [
            ("h5sc", include_str!("../../tests/fixtures/xss/h5sc.json")),
            (
                "dompurify",
                include_str!("../../tests/fixtures/xss/dompurify-expect.json"),
            ),
        ] {
            let items: Array = js_sys::JSON::parse(text).unwrap().unchecked_into();
            for item in items.iter() {
                let p = Reflect::get(&item, &JsValue::from_str("payload")).unwrap();
                out.push((name, p.as_string().unwrap()));
            }
        }
        out
    }

    include!("../../tests/oracle/kept.rs");

    /// The scheme a browser reads in `url` (resolved against the page).
    fn protocol(url: &str) -> String {
        let doc = web_sys::window().unwrap().document().unwrap();
        let a = doc.create_element("a").unwrap();
        a.set_attribute("href", url).unwrap();
        Reflect::get(&a, &JsValue::from_str("protocol"))
            .unwrap()
            .as_string()
            .unwrap_or_default()
    }

    /// Checks the rendered nodes under `root`; returns the first thing that must not be there.
    fn unsafe_remnant(root: &web_sys::Element) -> Option<String> {
        let all = root.query_selector_all("*").unwrap();
        for i in 0..all.length() {
            let el: web_sys::Element = all.item(i).unwrap().unchecked_into();
            let name = el.local_name();
            if el.namespace_uri().as_deref() != Some("http://www.w3.org/1999/xhtml") {
                return Some(name + " in a foreign namespace");
            }
            if !KEPT.contains(&name.as_str()) {
                return Some(name + " is not a kept element");
            }
            let names = el.get_attribute_names();
            for n in names.iter() {
                let n = n.as_string().unwrap();
                let v = el.get_attribute(&n).unwrap_or_default();
                let lower = n.to_ascii_lowercase();
                if lower.starts_with("on") || lower == "id" || lower == "name" || lower == "style" {
                    return Some(name + " has " + &n);
                }
                let urls: Vec<String> = match lower.as_str() {
                    "href" | "src" | "cite" | "data-nv-src" | "data-nv-poster" => vec![v.clone()],
                    "srcset" => v
                        .split(", ")
                        .map(|c| c.split(' ').next().unwrap_or("").to_string())
                        .collect(),
                    _ => vec![],
                };
                for u in urls {
                    let p = protocol(&u);
                    let web = matches!(p.as_str(), "http:" | "https:" | "mailto:" | "tel:");
                    let image = p == "data:" && u.to_ascii_lowercase().starts_with("data:image/");
                    if !(web || image) {
                        return Some(name + " has " + &n + "=" + &v + " (" + &p + ")");
                    }
                    if p == "data:" && u.to_ascii_lowercase().starts_with("data:image/svg") {
                        return Some(name + " has an SVG data URL");
                    }
                }
            }
            if el.get_attribute("target").as_deref() == Some("_blank")
                && !el
                    .get_attribute("rel")
                    .unwrap_or_default()
                    .split(' ')
                    .any(|t| t == "noopener")
            {
                return Some(name + " target=_blank without noopener");
            }
        }
        None
    }

    #[wasm_bindgen_test]
    async fn corpora_render_inert_in_the_page() {
        hook_dialogs();
        let doc = web_sys::window().unwrap().document().unwrap();
        let body = doc.body().unwrap();
        let payloads = payloads();
        assert_eq!(payloads.len(), 6613 + 149 + 223);
        let policy = Policy::default().link_target(crate::sanitize::LinkTarget::Blank);
        let started = js_sys::Date::now();
        let mut containers = Vec::with_capacity(payloads.len());
        let mut sanitizing = 0.0;
        for (i, (source, payload)) in payloads.iter().enumerate() {
            if i % 500 == 0 {
                sleep(0).await; // let the test runner poll the page
            }
            let t = js_sys::Date::now();
            let (frag, _) = parse_and_sanitize(payload, &policy)
                .unwrap_or_else(|e| panic!("{source}: {e:?}: {payload}"));
            sanitizing += js_sys::Date::now() - t;
            let div = doc.create_element("div").unwrap();
            div.append_child(&frag).unwrap();
            body.append_child(&div).unwrap();
            if let Some(bad) = unsafe_remnant(&div) {
                panic!(
                    "{source}: {bad}\npayload: {payload}\nrendered: {}",
                    div.inner_html()
                );
            }
            containers.push(div);
        }
        let elapsed = js_sys::Date::now() - started;
        console_log!(
            "sanitized and mounted {} payloads in {elapsed} ms ({sanitizing} ms parsing and sanitizing)",
            payloads.len()
        );
        // Give load and error events time to fire.
        sleep(2000).await;
        assert_eq!(CALLS.with(|c| c.get()), 0, "a dialog was called");
        for div in &containers {
            if let Some(bad) = unsafe_remnant(div) {
                panic!("after events: {bad}: {}", div.inner_html());
            }
        }
        // Positive control: the same harness sees an unsanitized payload run and stay.
        let control = doc.create_element("div").unwrap();
        body.append_child(&control).unwrap();
        control.set_inner_html("<img src=\"nv-missing.png\" onerror=\"alert(1)\">");
        assert!(unsafe_remnant(&control).is_some());
        sleep(1000).await;
        assert!(CALLS.with(|c| c.get()) > 0, "the dialog hook saw nothing");
    }
}
