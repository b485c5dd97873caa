//! Share services and the URLs they open. Pure: builds URLs, never markup.

use crate::labels::Lang;
use crate::url::SafeUrl;

/// A share service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareService {
    /// 微信: a QR code to scan (or a hint inside WeChat).
    Wechat,
    /// 微博
    Weibo,
    /// QQ
    Qq,
    /// QQ空间
    Qzone,
    /// Copy the link to the clipboard.
    CopyLink,
    /// The system share sheet (`navigator.share`).
    System,
    /// X (Twitter)
    X,
    /// Facebook
    Facebook,
    /// LinkedIn
    Linkedin,
    /// Telegram
    Telegram,
    /// WhatsApp
    Whatsapp,
    /// Email (mailto:)
    Email,
}

/// What is shared.
#[derive(Debug, Clone, Copy)]
pub struct ShareInput<'a> {
    /// The canonical URL.
    pub url: &'a SafeUrl,
    /// The title.
    pub title: &'a str,
    /// The summary, where the service takes one.
    pub summary: Option<&'a str>,
    /// A picture, where the service takes one.
    pub picture: Option<&'a SafeUrl>,
}

impl ShareService {
    /// Parses a service key as used in `options.share` and the `share` attribute
    /// (`wechat`, `weibo`, `qq`, `qzone`, `copy`, `system`, `x`, `facebook`, `linkedin`,
    /// `telegram`, `whatsapp`, `email`).
    pub fn from_key(key: &str) -> Option<ShareService> {
        let _ = key;
        None
    }

    /// The service key.
    pub fn key(self) -> &'static str {
        ""
    }

    /// The service's display name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        let _ = lang;
        ""
    }

    /// The URL that shares `input` on this service, for services that open a link.
    /// `None` for WeChat, copy link and the system sheet.
    pub fn share_url(self, input: &ShareInput<'_>) -> Option<SafeUrl> {
        let _ = input;
        None
    }
}

/// The default services for `lang`, in menu order.
pub fn default_services(lang: Lang) -> &'static [ShareService] {
    let _ = lang;
    &[]
}
