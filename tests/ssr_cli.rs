//! The `newsview` binary: `newsview render article.json`, its flags, stdin and its errors.
#![cfg(not(target_arch = "wasm32"))]

use newsview::json::{self, Json, JsonLimits};
use newsview::ssr;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_newsview");
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/seed-article.json"
);

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(s) = stdin {
        input.write_all(s.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

#[test]
fn render_writes_what_the_library_renders() {
    let out = run(
        &["render", "--now", "2026-03-16T10:00:00+08:00", SEED],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let options = json::parse(
        r#"{"now": "2026-03-16T10:00:00+08:00"}"#,
        &JsonLimits::default(),
    )
    .unwrap();
    let rendered = ssr::render(&std::fs::read_to_string(SEED).unwrap(), &options).unwrap();
    assert_eq!(text(&out.stdout), rendered.html + "\n");
    // The element carries its hydration data: the article as given, and the options.
    let html = text(&out.stdout);
    let open = "<script type=\"application/json\" data-nv-hydrate>";
    let start = html.find(open).expect("hydration data") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    let data = json::parse(&html[start..end], &JsonLimits::default()).unwrap();
    let seed_text = std::fs::read_to_string(SEED).unwrap();
    let seed = json::parse(&seed_text, &JsonLimits::default());
    assert_eq!(data.get("article"), Some(&seed.unwrap()));
    assert_eq!(data.get("options"), Some(&options));
    assert!(html.ends_with("</script></news-view>\n"));
}

#[test]
fn json_prints_html_head_and_warnings_as_the_library_does() {
    let article = r#"{"id":"1","title":"t","publishedAt":"2025-07-27T21:56:43+08:00",
        "cover":{"url":"javascript:alert(1)"},"bodyHtml":"<p onclick=x>a</p><script>b</script>"}"#;
    let out = run(&["render", "--json", "--lang", "en", "-"], Some(article));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let doc = json::parse(&stdout, &JsonLimits::default()).unwrap();
    let options = json::parse(r#"{"lang": "en"}"#, &JsonLimits::default()).unwrap();
    let rendered = ssr::render(article, &options).unwrap();
    assert_eq!(
        doc.get("html").and_then(Json::as_str),
        Some(rendered.html.as_str())
    );
    assert_eq!(
        doc.get("head").and_then(Json::as_str),
        Some(rendered.head.as_str())
    );
    let warnings: Vec<(&str, &str)> = doc
        .get("warnings")
        .and_then(Json::as_array)
        .unwrap()
        .iter()
        .map(|w| {
            (
                w.get("path").and_then(Json::as_str).unwrap(),
                w.get("message").and_then(Json::as_str).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        warnings,
        [
            ("cover", "dropped: url is not an allowed URL"),
            ("bodyHtml", "removed 1 element, removed 1 attribute")
        ]
    );
    // The same warnings on stderr.
    assert!(text(&out.stderr).contains("warning: cover: dropped"));
}

#[test]
fn stdin_and_language_flags() {
    let seed = std::fs::read_to_string(SEED).unwrap();
    let out = run(
        &[
            "render",
            "--lang",
            "en",
            "--time-zone",
            "UTC",
            "--now",
            "1773626400000",
            "-",
        ],
        Some(&seed),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = text(&out.stdout);
    assert!(html.starts_with("<news-view lang=\"en\""));
    assert!(html.contains("lang=\"en\" data-theme=\"light\""));
    // The date in UTC: 2025-07-27 13:56.
    assert!(html.contains("2025-07-27 13:56"), "{html}");
}

#[test]
fn meta_prints_the_head_tags_only() {
    let out = run(&["render", "--meta", SEED], None);
    assert!(out.status.success());
    let meta = text(&out.stdout);
    assert!(meta.starts_with("<title>"));
    assert!(meta.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(meta.contains("<script type=\"application/ld+json\">{\"@context\""));
    assert!(!meta.contains("<news-view"));
}

#[test]
fn page_wraps_a_whole_document() {
    let out = run(
        &[
            "render",
            "--page",
            "--script",
            "/pkg/newsview.js",
            "--now",
            "0",
            SEED,
        ],
        None,
    );
    assert!(out.status.success());
    let page = text(&out.stdout);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    let head_end = page.find("</head>").unwrap();
    assert!(page[..head_end].contains("<meta property=\"og:title\""));
    assert!(page[..head_end].contains("<script type=\"module\" src=\"/pkg/newsview.js\"></script>"));
    assert!(page[..head_end].contains("<script type=\"application/ld+json\">"));
    assert!(page[head_end..].contains("<news-view"));
    // The element hydrates by itself: its data is in the page.
    assert!(page[head_end..]
        .contains("<script type=\"application/json\" data-nv-hydrate>{\"article\":{"));
    assert!(page.ends_with("</html>\n"));
}

#[test]
fn invalid_articles_name_the_field_and_exit_1() {
    let out = run(
        &["render", "-"],
        Some(
            r#"{"schemaVersion":1,"id":"1","title":42,"publishedAt":"2025-07-27T21:56:43+08:00"}"#,
        ),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("article.title: expected a string"), "{err}");
    assert!(out.stdout.is_empty());

    let out = run(&["render", "-"], Some("{not json"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn invalid_options_name_the_option_and_exit_1() {
    let out = run(&["render", "--lang", "fr", SEED], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("options.lang"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["render", "--time-zone", "Mars/Base", SEED], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("options.timeZone"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["render"][..],
        &["draw", SEED][..],
        &["render", "--bogus", SEED][..],
        &["render", "--lang"][..],
        &["render", "/nonexistent/article.json"][..],
        &["render", "--meta", "--page", SEED][..],
        &["render", "--json", "--page", SEED][..],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).starts_with("newsview: "), "{args:?}");
    }
}

/// `html` without the element's hydration data: the article and the options as given (its
/// media URLs included), which the page's module reads with the same options, so that the
/// browser applies the same media hosts before it loads anything.
fn without_hydration_data(html: &str) -> String {
    let open = "<script type=\"application/json\" data-nv-hydrate>";
    let start = html.find(open).expect("hydration data");
    let end = start + html[start..].find("</script>").unwrap() + "</script>".len();
    let data = &html[start..end];
    assert!(
        data.contains("\"allowMediaHosts\""),
        "the options travel with the article"
    );
    html[..start].to_owned() + &html[end..]
}

#[test]
fn options_file_media_hosts_and_proxy_apply_with_warnings() {
    let media = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/media-hosts-article.json"
    );
    let dir = std::env::temp_dir().join(format!("nv-cli-media-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let listed = dir.join("listed.json");
    std::fs::write(
        &listed,
        r#"{"sanitize": {"allowMediaHosts": ["img.media.test", "*.cdn.media.test"]}}"#,
    )
    .unwrap();
    let proxied = dir.join("proxied.json");
    std::fs::write(
        &proxied,
        r#"{"mediaProxy": "https://proxy.media.test/i?u={url}", "sanitize": {"allowMediaHosts": ["img.media.test"]}}"#,
    )
    .unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"mediaProxy": "https://proxy.media.test/i"}"#).unwrap();

    let out = run(
        &["render", "--options", listed.to_str().unwrap(), media],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = without_hydration_data(&text(&out.stdout));
    assert!(!html.contains("tracker.test"), "an unlisted host is left");
    assert!(html.contains("src=\"https://img.media.test/body-listed.jpg\""));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("warning: cover.url: dropped: not from an allowed media host"),
        "{stderr}"
    );

    let out = run(
        &["render", "--options", proxied.to_str().unwrap(), media],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = without_hydration_data(&text(&out.stdout));
    assert!(!html.contains("\"https://t.tracker.test") && !html.contains("\"//t.tracker.test"));
    assert!(html.contains(
        "src=\"https://proxy.media.test/i?u=https%3A%2F%2Ft.tracker.test%2Fbody-src.gif\""
    ));
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));

    let out = run(&["render", "--options", bad.to_str().unwrap(), media], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("options.mediaProxy: expected an absolute https URL"));
    std::fs::remove_dir_all(&dir).unwrap();
}
