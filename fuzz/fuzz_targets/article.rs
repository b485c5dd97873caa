//! Article JSON → `Article::from_json_str` → layout (its escaping writer): never panics, parsing is
//! deterministic, every `SafeUrl` in the article re-checks to itself in its context, and the
//! written HTML has no script element, no event-handler attribute and no dangerous URL. The
//! same holds for `ssr::render_article_markup`, which adds the body parsed by html5ever and
//! sanitized with the default policy.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsview::json::{parse, JsonLimits};
use newsview::layout::{self, Context};
use newsview::model::{Article, Image, Named};
use newsview::options::Options;
use newsview::url::{check, SafeUrl, UrlContext};

mod common;
use common::assert_scheme_safe;

fn recheck(u: &SafeUrl, ctx: UrlContext, what: &str) {
    assert_eq!(
        check(u.as_str(), ctx).as_ref(),
        Some(u),
        "{what}: {:?} does not re-check in {ctx:?}",
        u.as_str()
    );
}

fn named(n: &Named, what: &str) {
    if let Some(u) = &n.url {
        recheck(u, UrlContext::Link, what);
    }
}

fn image(i: &Image, what: &str) {
    recheck(&i.url, UrlContext::Media, what);
}

fn check_urls(a: &Article) {
    if let Some(u) = &a.url {
        recheck(u, UrlContext::Absolute, "url");
    }
    for n in a
        .channel
        .iter()
        .chain(&a.source)
        .chain(&a.authors)
        .chain(&a.keywords)
    {
        named(n, "named url");
    }
    if let Some(c) = &a.cover {
        image(c, "cover");
    }
    if let Some(v) = &a.lead_video {
        recheck(&v.src, UrlContext::Media, "leadVideo.src");
        if let Some(p) = &v.poster {
            image(p, "leadVideo.poster");
        }
    }
    for c in &a.comments.items {
        if let Some(u) = &c.author_avatar {
            recheck(u, UrlContext::Media, "comment avatar");
        }
    }
    for r in &a.related_videos {
        recheck(&r.url, UrlContext::Link, "related url");
        if let Some(c) = &r.cover {
            image(c, "related cover");
        }
    }
}

/// Walks the tags of the writer's output (text has `<` escaped, attribute values are
/// double-quoted with `"` escaped) and checks every attribute.
fn check_html(html: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "script element in output");
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        i += 1;
        if b.get(i) == Some(&b'/') {
            while i < b.len() && b[i] != b'>' {
                i += 1;
            }
            continue;
        }
        // Tag name.
        let start = i;
        while i < b.len() && !matches!(b[i], b' ' | b'>' | b'/') {
            i += 1;
        }
        let tag = &lower[start..i];
        assert!(
            tag.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'),
            "odd tag name {tag:?}"
        );
        assert!(
            !matches!(tag, "script" | "iframe" | "object" | "embed" | "style"),
            "{tag}"
        );
        // Attributes.
        loop {
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' || b[i] == b'/' {
                break;
            }
            let ns = i;
            while i < b.len() && !matches!(b[i], b'=' | b' ' | b'>') {
                i += 1;
            }
            let name = &lower[ns..i];
            assert!(
                !name.starts_with("on"),
                "event handler attribute {name:?} on {tag}"
            );
            assert!(
                name != "style" && name != "srcdoc",
                "{name} attribute on {tag}"
            );
            let mut value = "";
            if b.get(i) == Some(&b'=') {
                i += 1;
                assert_eq!(b.get(i), Some(&b'"'), "unquoted attribute value");
                i += 1;
                let vs = i;
                while i < b.len() && b[i] != b'"' {
                    i += 1;
                }
                value = &html[vs..i];
                i += 1;
            }
            let decoded = value.replace("&quot;", "\"").replace("&amp;", "&");
            let squashed: String = decoded
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .flat_map(char::to_lowercase)
                .collect();
            let url_attr = newsview::view::is_url_attr(name)
                || (name.starts_with("data-") && (name.ends_with("src") || name.ends_with("url")));
            if url_attr {
                assert!(
                    !squashed.starts_with("javascript:") && !squashed.starts_with("vbscript:"),
                    "script URL in {name}={value:?}"
                );
                // Body images may be `data:image/…` (the `BodyImage` context).
                assert_scheme_safe(&decoded, matches!(name, "src" | "srcset"), name);
            }
        }
    }
}

/// Render options the article is laid out with.
const OPTIONS: &[&str] = &[
    "{}",
    r#"{"lang": "en", "theme": "dark", "share": "wechat,weibo,qq,copy", "relatedLimit": 0}"#,
    r#"{"lang": "zh-TW", "user": {"name": "<b>x</b>", "avatar": "https://a.example/u.png"},
        "pageUrl": "https://www.kankanews.com/a/1.html", "share": []}"#,
    r#"{"lang": "en", "timeZone": "UTC", "now": 1773554400000, "shadow": false,
        "relatedLimit": 1, "theme": "auto"}"#,
];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let first = Article::from_json_str(&text);
    let second = Article::from_json_str(&text);
    assert_eq!(first, second, "parsing is not deterministic");
    let Ok(parsed) = first else { return };
    let article = &parsed.article;
    check_urls(article);
    // Options vary with the input's length, so that the input stays plain article JSON.
    let doc = OPTIONS[data.len() % OPTIONS.len()];
    let options = match parse(doc, &JsonLimits::default()).map(|j| Options::from_json(&j)) {
        Ok(Ok(o)) => o,
        other => panic!("options preset {doc} refused: {other:?}"),
    };
    let now = [1_773_554_400, 0, i64::MAX / 2, -1][data.len() / 7 % 4];
    let mut ctx = Context::new(article, &options, now);
    ctx.system_share = data.len() % 3 == 1;
    ctx.in_wechat = data.len() % 5 == 2;
    ctx.qr_on_open = data.len() % 4 == 3;
    let html = layout::article(article, &ctx, None, data.len() % 2 == 1);
    check_html(html.as_str());
    // The native pipeline: the same layout with the body parsed by html5ever and sanitized.
    check_html(&newsview::ssr::render_article_markup(article, &options));
});
