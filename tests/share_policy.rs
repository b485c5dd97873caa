//! Share URLs after the URL policy (`ShareService::share_url`).
//!
//! These depend on the real `crate::url::check`; against the stub (which refuses everything)
//! they fail by design until the URL policy is merged.
#![cfg(not(target_arch = "wasm32"))]

use newsview::share::{ShareInput, ShareService};
use newsview::url::{check, SafeUrl, UrlContext};

const URL: &str = "https://www.kankanews.com/detail/a20250727-0001";
const TITLE: &str = "部市共建上海国际科技创新中心工作推进会举行,陈吉宁阴和俊出席并讲话";
const SUMMARY: &str = "2025年部市共建上海国际科技创新中心工作推进会今天在沪举行。";
const PIC: &str = "https://img.kankanews.com/posters/a20250727-0001.jpg";

fn absolute(s: &str) -> SafeUrl {
    check(s, UrlContext::Absolute).expect("the URL policy accepts an absolute https URL")
}

fn hosts() -> [(ShareService, &'static str); 8] {
    [
        (ShareService::Weibo, "service.weibo.com"),
        (ShareService::Qq, "connect.qq.com"),
        (ShareService::Qzone, "sns.qzone.qq.com"),
        (ShareService::X, "twitter.com"),
        (ShareService::Facebook, "www.facebook.com"),
        (ShareService::Linkedin, "www.linkedin.com"),
        (ShareService::Telegram, "t.me"),
        (ShareService::Whatsapp, "wa.me"),
    ]
}

#[test]
fn every_web_service_gives_its_link_as_a_safe_absolute_url() {
    let (url, pic) = (absolute(URL), absolute(PIC));
    let input = ShareInput {
        url: &url,
        title: TITLE,
        summary: Some(SUMMARY),
        picture: Some(&pic),
    };
    for (service, host) in hosts() {
        let safe = service
            .share_url(&input)
            .expect("policy accepts the share link");
        let raw = service
            .share_link(URL, TITLE, Some(SUMMARY), Some(PIC))
            .unwrap();
        assert_eq!(safe.as_str(), raw, "{service:?}");
        assert_eq!(safe.host(), Some(host), "{service:?}");
        assert_eq!(
            check(safe.as_str(), UrlContext::Absolute).as_ref(),
            Some(&safe)
        );
    }
}

#[test]
fn email_gives_a_mailto_link() {
    let url = absolute(URL);
    let input = ShareInput {
        url: &url,
        title: TITLE,
        summary: None,
        picture: None,
    };
    let safe = ShareService::Email
        .share_url(&input)
        .expect("mailto passes as a link");
    assert!(safe.as_str().starts_with("mailto:?subject="));
    assert_eq!(safe.host(), None);
    assert_eq!(
        check(safe.as_str(), UrlContext::Absolute),
        None,
        "mailto is not absolute http"
    );
}

#[test]
fn hostile_titles_still_give_safe_urls() {
    let url = absolute(URL);
    for title in [
        "<script>alert(1)</script>",
        "a\"b'c#d&e",
        "line\nbreak\u{0}",
        "😀",
    ] {
        let input = ShareInput {
            url: &url,
            title,
            summary: Some(title),
            picture: None,
        };
        for service in ShareService::ALL {
            let raw = service.share_link(URL, title, Some(title), None);
            let safe = service.share_url(&input);
            assert_eq!(
                safe.as_ref().map(SafeUrl::as_str),
                raw.as_deref(),
                "{service:?} {title:?}"
            );
        }
    }
}

#[test]
fn wechat_copy_and_system_give_no_url() {
    let url = absolute(URL);
    let input = ShareInput {
        url: &url,
        title: TITLE,
        summary: None,
        picture: None,
    };
    for s in [
        ShareService::Wechat,
        ShareService::CopyLink,
        ShareService::System,
    ] {
        assert_eq!(s.share_url(&input), None);
    }
}
