//! Share links before the URL policy (`ShareService::share_link`): base, parameters, and that
//! every value survives percent-encoding inside its own parameter.
#![cfg(not(target_arch = "wasm32"))]

use newsview::share::{percent_encode_component, ShareService};

const URL: &str = "https://www.kankanews.com/detail/a20250727-0001";
const TITLE: &str = "部市共建上海国际科技创新中心工作推进会举行,陈吉宁阴和俊出席并讲话";
const SUMMARY: &str = "2025年部市共建上海国际科技创新中心工作推进会今天在沪举行。";
const PIC: &str = "https://img.kankanews.com/posters/a20250727-0001.jpg";

/// Test-only RFC 3986 percent-decoder; panics on malformed input.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Splits a link into its base and decoded `(key, value)` parameters, checking that nothing
/// but unreserved characters and `%XX` escapes appear in the values.
fn split(link: &str) -> (String, Vec<(String, String)>) {
    let (base, query) = link.split_once('?').expect("has a query");
    let params = query
        .split('&')
        .map(|kv| {
            let (k, v) = kv.split_once('=').expect("key=value");
            assert!(
                v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
                "raw character in {v:?}"
            );
            (k.to_owned(), percent_decode(v))
        })
        .collect();
    (base.to_owned(), params)
}

fn link(s: ShareService, summary: Option<&str>, pic: Option<&str>) -> String {
    s.share_link(URL, TITLE, summary, pic)
        .expect("service opens a link")
}

fn params(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn weibo_takes_url_title_and_picture_when_given() {
    let with_pic = link(ShareService::Weibo, Some(SUMMARY), Some(PIC));
    let (base, got) = split(&with_pic);
    assert_eq!(base, "https://service.weibo.com/share/share.php");
    assert_eq!(got, params(&[("url", URL), ("title", TITLE), ("pic", PIC)]));
    let (_, got) = split(&link(ShareService::Weibo, None, None));
    assert_eq!(got, params(&[("url", URL), ("title", TITLE)]));
}

#[test]
fn qq_takes_url_title_desc_summary_and_pics() {
    let (base, got) = split(&link(ShareService::Qq, Some(SUMMARY), Some(PIC)));
    assert_eq!(base, "https://connect.qq.com/widget/shareqq/index.html");
    let want = [
        ("url", URL),
        ("title", TITLE),
        ("desc", SUMMARY),
        ("summary", SUMMARY),
        ("pics", PIC),
    ];
    assert_eq!(got, params(&want));
    let (_, got) = split(&link(ShareService::Qq, None, None));
    assert_eq!(got, params(&[("url", URL), ("title", TITLE)]));
}

#[test]
fn qzone_takes_the_same_parameters_as_qq() {
    let (base, got) = split(&link(ShareService::Qzone, Some(SUMMARY), Some(PIC)));
    assert_eq!(
        base,
        "https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey"
    );
    let want = [
        ("url", URL),
        ("title", TITLE),
        ("desc", SUMMARY),
        ("summary", SUMMARY),
        ("pics", PIC),
    ];
    assert_eq!(got, params(&want));
}

#[test]
fn x_takes_url_and_text() {
    let (base, got) = split(&link(ShareService::X, Some(SUMMARY), Some(PIC)));
    assert_eq!(base, "https://twitter.com/intent/tweet");
    assert_eq!(got, params(&[("url", URL), ("text", TITLE)]));
}

#[test]
fn facebook_takes_only_the_url() {
    let (base, got) = split(&link(ShareService::Facebook, Some(SUMMARY), Some(PIC)));
    assert_eq!(base, "https://www.facebook.com/sharer/sharer.php");
    assert_eq!(got, params(&[("u", URL)]));
}

#[test]
fn linkedin_takes_only_the_url() {
    let (base, got) = split(&link(ShareService::Linkedin, Some(SUMMARY), Some(PIC)));
    assert_eq!(base, "https://www.linkedin.com/sharing/share-offsite/");
    assert_eq!(got, params(&[("url", URL)]));
}

#[test]
fn telegram_takes_url_and_text() {
    let (base, got) = split(&link(ShareService::Telegram, Some(SUMMARY), None));
    assert_eq!(base, "https://t.me/share/url");
    assert_eq!(got, params(&[("url", URL), ("text", TITLE)]));
}

#[test]
fn whatsapp_text_is_title_space_url() {
    let (base, got) = split(&link(ShareService::Whatsapp, Some(SUMMARY), None));
    assert_eq!(base, "https://wa.me/");
    let text = format!("{TITLE} {URL}");
    assert_eq!(got, params(&[("text", &text)]));
}

#[test]
fn email_body_is_summary_blank_line_url() {
    let (base, got) = split(&link(ShareService::Email, Some(SUMMARY), None));
    assert_eq!(base, "mailto:");
    let body = format!("{SUMMARY}\r\n\r\n{URL}");
    assert_eq!(got, params(&[("subject", TITLE), ("body", &body)]));
}

#[test]
fn email_body_without_summary_is_the_url() {
    let (_, got) = split(&link(ShareService::Email, None, None));
    assert_eq!(got, params(&[("subject", TITLE), ("body", URL)]));
}

#[test]
fn wechat_copy_and_system_open_no_link() {
    for s in [
        ShareService::Wechat,
        ShareService::CopyLink,
        ShareService::System,
    ] {
        assert_eq!(
            s.share_link(URL, TITLE, Some(SUMMARY), Some(PIC)),
            None,
            "{s:?}"
        );
    }
}

#[test]
fn every_http_link_is_https() {
    for s in ShareService::ALL {
        if let Some(l) = s.share_link(URL, TITLE, None, None) {
            assert!(l.starts_with("https://") || l.starts_with("mailto:"), "{l}");
        }
    }
}

#[test]
fn hostile_titles_stay_inside_their_parameter() {
    let hostile = [
        "a&url=https://evil.example/",
        "x#fragment",
        "\"quoted\" 'single'",
        "<script>alert(1)</script>",
        "line\nbreak\r\nand\ttab",
        "emoji 😀👍🏽 and ZWJ 👨‍👩‍👧",
        "100% %41 + = ? / ;",
        "",
    ];
    for title in hostile {
        for s in ShareService::ALL {
            let Some(l) = s.share_link(URL, title, Some(title), Some(PIC)) else {
                continue;
            };
            assert!(
                !l.contains(['#', '"', '<', '>', ' ', '\n', '\r', '\t', '\'']),
                "{l}"
            );
            let (_, got) = split(&l);
            let keys: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
            let urls = got.iter().filter(|(k, _)| k == "url" || k == "u");
            for (_, v) in urls {
                assert_eq!(v, URL, "{s:?}: url parameter untouched by {title:?}");
            }
            match s {
                ShareService::Email => assert_eq!(keys, ["subject", "body"]),
                ShareService::Whatsapp => assert_eq!(got[0].1, format!("{title} {URL}")),
                ShareService::Facebook | ShareService::Linkedin => assert_eq!(keys.len(), 1),
                _ => {
                    let (_, t) = got
                        .iter()
                        .find(|(k, _)| k == "title" || k == "text")
                        .unwrap();
                    assert_eq!(t, title, "{s:?}");
                    assert_eq!(keys.iter().filter(|k| **k == "url").count(), 1, "{s:?}");
                }
            }
        }
    }
}

#[test]
fn hostile_urls_are_encoded_too() {
    let url = "https://a.example/p?x=1&y=2#frag";
    let l = ShareService::Facebook
        .share_link(url, "t", None, None)
        .unwrap();
    assert_eq!(
        l,
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fa.example%2Fp%3Fx%3D1%26y%3D2%23frag"
    );
}

#[test]
fn percent_encode_component_round_trips() {
    for s in [TITLE, URL, "a b+c", "😀\u{0}\u{7f}~"] {
        let mut out = String::from("prefix:");
        percent_encode_component(s, &mut out);
        let encoded = out.strip_prefix("prefix:").unwrap();
        assert!(encoded
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
        assert_eq!(percent_decode(encoded), s);
    }
}
