//! Service keys, names and the default menus.
#![cfg(not(target_arch = "wasm32"))]

use newsview::labels::Lang;
use newsview::share::{default_services, ShareService};

#[test]
fn keys_round_trip_for_every_service() {
    for s in ShareService::ALL {
        assert_eq!(ShareService::from_key(s.key()), Some(s), "{s:?}");
    }
}

#[test]
fn keys_are_the_documented_ones() {
    let keys: Vec<&str> = ShareService::ALL.iter().map(|s| s.key()).collect();
    assert_eq!(
        keys,
        [
            "wechat", "weibo", "qq", "qzone", "copy", "system", "x", "facebook", "linkedin",
            "telegram", "whatsapp", "email"
        ]
    );
}

#[test]
fn unknown_keys_are_refused() {
    for key in [
        "",
        "wx",
        "weixin ",
        " qq",
        "copy-link",
        "mail",
        "q",
        "facebook.com",
    ] {
        assert_eq!(ShareService::from_key(key), None, "{key:?}");
    }
}

#[test]
fn keys_ignore_ascii_case_and_twitter_means_x() {
    assert_eq!(ShareService::from_key("WeChat"), Some(ShareService::Wechat));
    assert_eq!(ShareService::from_key("QZONE"), Some(ShareService::Qzone));
    assert_eq!(ShareService::from_key("twitter"), Some(ShareService::X));
}

#[test]
fn english_names() {
    let names: Vec<&str> = ShareService::ALL.iter().map(|s| s.name(Lang::En)).collect();
    assert_eq!(
        names,
        [
            "WeChat",
            "Weibo",
            "QQ",
            "Qzone",
            "Copy link",
            "Share…",
            "X",
            "Facebook",
            "LinkedIn",
            "Telegram",
            "WhatsApp",
            "Email"
        ]
    );
}

#[test]
fn simplified_chinese_names() {
    let names: Vec<&str> = ShareService::ALL
        .iter()
        .map(|s| s.name(Lang::ZhCn))
        .collect();
    assert_eq!(
        names,
        [
            "微信",
            "微博",
            "QQ",
            "QQ空间",
            "复制链接",
            "系统分享",
            "X",
            "Facebook",
            "LinkedIn",
            "Telegram",
            "WhatsApp",
            "邮件"
        ]
    );
}

#[test]
fn traditional_chinese_names() {
    let names: Vec<&str> = ShareService::ALL
        .iter()
        .map(|s| s.name(Lang::ZhTw))
        .collect();
    assert_eq!(
        names,
        [
            "微信",
            "微博",
            "QQ",
            "QQ空間",
            "複製連結",
            "系統分享",
            "X",
            "Facebook",
            "LinkedIn",
            "Telegram",
            "WhatsApp",
            "郵件"
        ]
    );
}

#[test]
fn chinese_defaults() {
    use ShareService::*;
    let want = [Wechat, Weibo, Qq, Qzone, CopyLink, System];
    assert_eq!(default_services(Lang::ZhCn), want);
    assert_eq!(default_services(Lang::ZhTw), want);
}

#[test]
fn english_defaults() {
    use ShareService::*;
    assert_eq!(
        default_services(Lang::En),
        [System, CopyLink, X, Facebook, Linkedin, Telegram, Whatsapp, Email]
    );
}
