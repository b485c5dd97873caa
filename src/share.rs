//! Share services and the URLs they open. Pure: builds URLs, never markup.
//!
//! Every share URL is https (email is `mailto:`), every query component is percent-encoded
//! per RFC 3986 (everything but the unreserved `A-Za-z0-9-._~`, as UTF-8 bytes), and the
//! result still passes through the one URL policy ([`crate::url::check`]) before it becomes a
//! [`SafeUrl`].

use crate::labels::Lang;
use crate::url::{check, SafeUrl, UrlContext};

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

/// The share widgets of zh-CN and zh-TW pages, in menu order.
const DEFAULT_ZH: [ShareService; 6] = [
    ShareService::Wechat,
    ShareService::Weibo,
    ShareService::Qq,
    ShareService::Qzone,
    ShareService::CopyLink,
    ShareService::System,
];

/// The share widgets of English pages, in menu order.
const DEFAULT_EN: [ShareService; 8] = [
    ShareService::System,
    ShareService::CopyLink,
    ShareService::X,
    ShareService::Facebook,
    ShareService::Linkedin,
    ShareService::Telegram,
    ShareService::Whatsapp,
    ShareService::Email,
];

impl ShareService {
    /// Every service, in declaration order.
    pub const ALL: [ShareService; 12] = [
        ShareService::Wechat,
        ShareService::Weibo,
        ShareService::Qq,
        ShareService::Qzone,
        ShareService::CopyLink,
        ShareService::System,
        ShareService::X,
        ShareService::Facebook,
        ShareService::Linkedin,
        ShareService::Telegram,
        ShareService::Whatsapp,
        ShareService::Email,
    ];

    /// Parses a service key as used in `options.share` and the `share` attribute
    /// (`wechat`, `weibo`, `qq`, `qzone`, `copy`, `system`, `x`, `facebook`, `linkedin`,
    /// `telegram`, `whatsapp`, `email`). ASCII case is ignored; `twitter` is taken for `x`.
    pub fn from_key(key: &str) -> Option<ShareService> {
        if key.eq_ignore_ascii_case("twitter") {
            return Some(ShareService::X);
        }
        ShareService::ALL
            .into_iter()
            .find(|s| s.key().eq_ignore_ascii_case(key))
    }

    /// The service key.
    pub fn key(self) -> &'static str {
        match self {
            ShareService::Wechat => "wechat",
            ShareService::Weibo => "weibo",
            ShareService::Qq => "qq",
            ShareService::Qzone => "qzone",
            ShareService::CopyLink => "copy",
            ShareService::System => "system",
            ShareService::X => "x",
            ShareService::Facebook => "facebook",
            ShareService::Linkedin => "linkedin",
            ShareService::Telegram => "telegram",
            ShareService::Whatsapp => "whatsapp",
            ShareService::Email => "email",
        }
    }

    /// The service's display name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ShareService::Wechat, Lang::En) => "WeChat",
            (ShareService::Wechat, _) => "微信",
            (ShareService::Weibo, Lang::En) => "Weibo",
            (ShareService::Weibo, _) => "微博",
            (ShareService::Qq, _) => "QQ",
            (ShareService::Qzone, Lang::En) => "Qzone",
            (ShareService::Qzone, Lang::ZhCn) => "QQ空间",
            (ShareService::Qzone, Lang::ZhTw) => "QQ空間",
            (ShareService::CopyLink, Lang::En) => "Copy link",
            (ShareService::CopyLink, Lang::ZhCn) => "复制链接",
            (ShareService::CopyLink, Lang::ZhTw) => "複製連結",
            (ShareService::System, Lang::En) => "Share…",
            (ShareService::System, Lang::ZhCn) => "系统分享",
            (ShareService::System, Lang::ZhTw) => "系統分享",
            (ShareService::X, _) => "X",
            (ShareService::Facebook, _) => "Facebook",
            (ShareService::Linkedin, _) => "LinkedIn",
            (ShareService::Telegram, _) => "Telegram",
            (ShareService::Whatsapp, _) => "WhatsApp",
            (ShareService::Email, Lang::En) => "Email",
            (ShareService::Email, Lang::ZhCn) => "邮件",
            (ShareService::Email, Lang::ZhTw) => "郵件",
        }
    }

    /// The URL that shares `input` on this service, for services that open a link.
    /// `None` for WeChat, copy link and the system sheet, and for a link the URL policy
    /// refuses (share links must be absolute https; email links must pass as `a href`).
    pub fn share_url(self, input: &ShareInput<'_>) -> Option<SafeUrl> {
        let raw = self.share_link(
            input.url.as_str(),
            input.title,
            input.summary,
            input.picture.map(SafeUrl::as_str),
        )?;
        let context = match self {
            ShareService::Email => UrlContext::Link,
            _ => UrlContext::Absolute,
        };
        check(&raw, context)
    }

    /// The share link before the URL policy: what [`ShareService::share_url`] checks.
    /// `url`, `title`, `summary` and `picture` are percent-encoded into their parameters.
    /// `None` for WeChat, copy link and the system sheet.
    ///
    /// * weibo: `https://service.weibo.com/share/share.php?url=&title=[&pic=]`
    /// * qq: `https://connect.qq.com/widget/shareqq/index.html?url=&title=[&desc=&summary=][&pics=]`
    /// * qzone: `https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?` (as qq)
    /// * x: `https://twitter.com/intent/tweet?url=&text=` (the long-standing intent
    ///   endpoint; x.com serves the same intent)
    /// * facebook: `https://www.facebook.com/sharer/sharer.php?u=`
    /// * linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=`
    /// * telegram: `https://t.me/share/url?url=&text=`
    /// * whatsapp: `https://wa.me/?text=` (title, a space, the URL)
    /// * email: `mailto:?subject=&body=` (body: the summary and a blank line if there is a
    ///   summary, then the URL; line breaks as CRLF, as RFC 6068 asks)
    ///
    /// For qq and qzone the summary fills both `desc` (the prefilled comment) and `summary`;
    /// both are left out without one.
    pub fn share_link(
        self,
        url: &str,
        title: &str,
        summary: Option<&str>,
        picture: Option<&str>,
    ) -> Option<String> {
        let mut q = Query::new();
        match self {
            ShareService::Wechat | ShareService::CopyLink | ShareService::System => return None,
            ShareService::Weibo => {
                q.start("https://service.weibo.com/share/share.php");
                q.param("url", url);
                q.param("title", title);
                q.param_opt("pic", picture);
            }
            ShareService::Qq | ShareService::Qzone => {
                q.start(if self == ShareService::Qq {
                    "https://connect.qq.com/widget/shareqq/index.html"
                } else {
                    "https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey"
                });
                q.param("url", url);
                q.param("title", title);
                q.param_opt("desc", summary);
                q.param_opt("summary", summary);
                q.param_opt("pics", picture);
            }
            ShareService::X => {
                q.start("https://twitter.com/intent/tweet");
                q.param("url", url);
                q.param("text", title);
            }
            ShareService::Facebook => {
                q.start("https://www.facebook.com/sharer/sharer.php");
                q.param("u", url);
            }
            ShareService::Linkedin => {
                q.start("https://www.linkedin.com/sharing/share-offsite/");
                q.param("url", url);
            }
            ShareService::Telegram => {
                q.start("https://t.me/share/url");
                q.param("url", url);
                q.param("text", title);
            }
            ShareService::Whatsapp => {
                q.start("https://wa.me/");
                q.param_parts("text", &[title, " ", url]);
            }
            ShareService::Email => {
                q.start("mailto:");
                q.param("subject", title);
                match summary {
                    Some(s) => q.param_parts("body", &[s, "\r\n\r\n", url]),
                    None => q.param("body", url),
                }
            }
        }
        Some(q.out)
    }
}

/// The default services for `lang`, in menu order. The system sheet is listed everywhere;
/// the DOM layer shows it only where `navigator.share` exists.
pub fn default_services(lang: Lang) -> &'static [ShareService] {
    match lang {
        Lang::ZhCn | Lang::ZhTw => &DEFAULT_ZH,
        Lang::En => &DEFAULT_EN,
    }
}

pub use crate::url::percent_encode_component;

/// A URL under construction: a base, then `?` or `&` before each parameter.
struct Query {
    out: String,
    first: bool,
}

impl Query {
    fn new() -> Query {
        Query {
            out: String::new(),
            first: true,
        }
    }

    fn start(&mut self, base: &str) {
        self.out.push_str(base);
    }

    /// Appends `key=` and the concatenation of `parts`, encoded.
    fn param_parts(&mut self, key: &str, parts: &[&str]) {
        self.out.push(if self.first { '?' } else { '&' });
        self.first = false;
        self.out.push_str(key);
        self.out.push('=');
        for part in parts {
            percent_encode_component(part, &mut self.out);
        }
    }

    fn param(&mut self, key: &str, value: &str) {
        self.param_parts(key, &[value]);
    }

    fn param_opt(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.param(key, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_keeps_only_unreserved() {
        let mut out = String::new();
        percent_encode_component("aZ09-._~ !*'()/?#[]@&=+$,;:%", &mut out);
        assert_eq!(
            out,
            "aZ09-._~%20%21%2A%27%28%29%2F%3F%23%5B%5D%40%26%3D%2B%24%2C%3B%3A%25"
        );
    }

    #[test]
    fn percent_encoding_uses_utf8_bytes() {
        let mut out = String::new();
        percent_encode_component("部😀\n", &mut out);
        assert_eq!(out, "%E9%83%A8%F0%9F%98%80%0A");
    }

    #[test]
    fn first_parameter_takes_a_question_mark() {
        let mut q = Query::new();
        q.start("https://a.example/p");
        q.param("a", "1");
        q.param_opt("b", None);
        q.param("c", "2");
        assert_eq!(q.out, "https://a.example/p?a=1&c=2");
    }
}
