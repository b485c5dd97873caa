//! Render options, read from the JS `options` object (as JSON) or built in Rust.
//!
//! Every error path starts with `options.` (`options.timeZone: unknown time zone ...`).
//! Unknown members are ignored, and `null` for a member means its default.
//!
//! The options members ([`OPTION_KEYS`]) and the events newsview dispatches ([`EVENT_NAMES`])
//! are declared here once; the `.d.ts` is generated from the declarations.

use crate::error::{Error, Path, Warning};
use crate::json::Json;
use crate::labels::{labels, LabelOverrides, Labels, Lang, LABEL_KEYS};
use crate::limits::Limits;
use crate::model::Reader;
#[cfg(not(target_arch = "wasm32"))]
pub use crate::read::Field;
use crate::read::{
    array, count, declare_fields, key, object, present, required, str_of, text, type_error,
};
use crate::sanitize::{Policy, SANITIZE_KEYS};
use crate::share::ShareService;
use crate::text::TimeZone;
use crate::url::{MediaHosts, SafeUrl, UrlContext};

/// Declares the members of the options object once: [`OPTION_KEYS`] (what the reader may
/// read) and, natively, [`OPTION_FIELDS`] (with their TypeScript types and docs, from which the
/// tests generate the `Options` interface of `types/newsview.d.ts`). The wasm only holds the
/// names.
macro_rules! declare_options {
    (
        $( $name:literal: $ts:literal, $doc:literal; )*
        js only:
        $( $js_name:literal: $js_ts:literal, $js_doc:literal; )*
    ) => {
        /// The members of the options object the Rust reader reads, in the order the types
        /// list them. [`Options::from_json_with_warnings`] sees only these: any other member
        /// is ignored, so the reader cannot accept a key this list lacks.
        pub const OPTION_KEYS: &[&str] = &[$($name),*];

        /// Every member of the options object, with its TypeScript type and doc: the
        /// [`OPTION_KEYS`], then the ones only the JS layer reads. Not compiled into the wasm.
        #[cfg(not(target_arch = "wasm32"))]
        pub const OPTION_FIELDS: &[OptionField] = &[
            $( OptionField { name: $name, ts: $ts, doc: $doc, js_only: false }, )*
            $( OptionField { name: $js_name, ts: $js_ts, doc: $js_doc, js_only: true }, )*
        ];
    };
}

/// One member of the options object, as the TypeScript types declare it ([`OPTION_FIELDS`]).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionField {
    /// The member's name (`timeZone`).
    pub name: &'static str,
    /// Its TypeScript type, without the `| null` every member also accepts.
    pub ts: &'static str,
    /// Its doc (JSDoc text, `@defaultValue` included).
    pub doc: &'static str,
    /// Read by the JS layer only (a function cannot cross as JSON); the Rust reader never
    /// sees it.
    pub js_only: bool,
}

declare_options! {
    "lang": "Lang",
        "UI language: labels, dates, relative times, counts. @defaultValue `'zh-CN'`";
    "now": "number | string",
        "Fixed clock for relative times: milliseconds since the epoch, or an RFC 3339 string \
         with offset. @defaultValue the real clock";
    "timeZone": "string",
        "Zone for shown times: a zone without daylight saving (`Asia/Shanghai`, `Asia/Tokyo`, \
         `UTC`, …) or an offset (`+08:00`). @defaultValue `'Asia/Shanghai'`";
    "shadow": "boolean",
        "Render into an open shadow root (`true`) or into the container's light DOM (styles \
         scoped under `.nv`). @defaultValue `true`";
    "user": "User",
        "The signed-in reader: shows the comment box instead of the login prompt. \
         @defaultValue `null`";
    "share": "readonly ShareService[] | string",
        "Share services and their order: an array of keys or a comma-separated string \
         (`'weibo,qq'`). @defaultValue per language";
    "relatedLimit": "number",
        "At most this many related videos (a whole number >= 0). @defaultValue all";
    "pageUrl": "string",
        "Absolute http(s) URL shared and encoded in the QR code when the article has no `url`. \
         @defaultValue `location.href`";
    "theme": "Theme",
        "Colour theme. @defaultValue `'light'`";
    "sanitize": "SanitizeOptions",
        "The body sanitizer's policy, and (`allowMediaHosts`) the hosts every image and video \
         may load from.";
    "mediaProxy": "string",
        "A media proxy, as mail clients use: an absolute `https` URL with `{url}` in its path \
         or query, e.g. `'https://img.example.com/proxy?u={url}'`. Every media URL (body images \
         and each `srcset` candidate, body video/audio sources and posters, the cover, the lead \
         video and its poster, related-video covers, avatars) on a host that \
         `sanitize.allowMediaHosts` does not list is rewritten through it, the original \
         absolute URL percent-encoded into `{url}`. Without `allowMediaHosts`, every host but \
         the proxy's own is rewritten. Relative and `data:image/…` URLs are left as they are. A \
         bad template is an error (`options.mediaProxy: …`). @defaultValue none";
    "limits": "LimitOptions",
        "Bounds on text and list lengths. What goes past is cut with a visible marker (`…`, \
         `还有 N 条`, `…(内容过长,已截断)`) and reported in `nv-warning`, never silently.";
    "labels": "Partial<Record<LabelKey, string>>",
        "Overrides of single UI strings, on top of the language's; the keys are the \
         {@link LabelKey}s (`more` is the note after a list cut at its limit, `{n}` for the \
         number left out: `还有 {n} 条`; `bodyTruncated` the paragraph after a body cut at its \
         limit). An unknown key is an error (`options.labels.foo: unknown label …`).";
    js only:
    "videoPlayer": "(element: HTMLElement, video: LeadVideo) => void",
        "Plays the lead video when the reader presses play (instead of the built-in \
         `<video>`): called with the placeholder element and the lead video. JS only.";
}

/// The option key `$key`, which must be one of [`OPTION_KEYS`] (checked at compile time, so the
/// check costs the wasm nothing). The reader names every member it reads through here (or
/// [`member!`]), so it cannot accept a key the declaration lacks.
macro_rules! declared {
    ($key:literal) => {
        crate::read::key!(OPTION_KEYS, $key)
    };
}

/// Member `$key` (see [`declared!`]) of the options object `$doc`, unless it is `null`.
macro_rules! member {
    ($doc:expr, $key:literal) => {
        present($doc, declared!($key))
    };
}

/// Declares the events newsview dispatches on the container once: [`EVENT_NAMES`] (every
/// dispatch names its event through [`event!`], checked against them at compile time) and,
/// natively, [`EVENT_DETAILS`] (with the TypeScript type of each `detail`, from which the tests
/// generate the `NewsViewEventMap` interface of `types/newsview.d.ts`).
macro_rules! declare_events {
    (
        $( $name:literal: $detail:literal; )*
        js only:
        $( $js_name:literal: $js_detail:literal; )*
    ) => {
        /// The events the Rust DOM layer dispatches, in the order the types list them.
        pub const EVENT_NAMES: &[&str] = &[$($name),*];

        /// Every event newsview dispatches, with the TypeScript type of its `detail`: the
        /// [`EVENT_NAMES`], then the ones only the JS layer dispatches (`true`). Not compiled
        /// into the wasm.
        #[cfg(not(target_arch = "wasm32"))]
        pub const EVENT_DETAILS: &[(&str, &str, bool)] = &[
            $( ($name, $detail, false), )*
            $( ($js_name, $js_detail, true), )*
        ];
    };
}

declare_events! {
    "nv-like": "LikeDetail";
    "nv-favorite": "FavoriteDetail";
    "nv-share": "ShareDetail";
    "nv-keyword": "KeywordDetail";
    "nv-related": "RelatedDetail";
    "nv-login": "Record<string, never>";
    "nv-comment": "CommentDetail";
    js only:
    "nv-warning": "WarningDetail";
    "nv-error": "ErrorDetail";
}

// The `detail` of each event: the DOM layer names every member it sets through
// `key!(…_DETAIL_KEYS, …)`; the tests generate the `…Detail` interfaces of the `.d.ts` from the
// `…_DETAIL_FIELDS` ([`DETAIL_TYPES`]).

declare_fields! {
    /// The members of `nv-like`'s detail.
    pub const LIKE_DETAIL_KEYS;
    /// `nv-like`'s detail, with TypeScript types and docs.
    pub const LIKE_DETAIL_FIELDS;
    "id" required: "string", "The article id (as a string).";
    "liked" required: "boolean", "The new state.";
    "count": "number", "The new count, when the article has one.";
}

declare_fields! {
    /// The members of `nv-favorite`'s detail.
    pub const FAVORITE_DETAIL_KEYS;
    /// `nv-favorite`'s detail, with TypeScript types and docs.
    pub const FAVORITE_DETAIL_FIELDS;
    "id" required: "string", "The article id (as a string).";
    "favorited" required: "boolean", "The new state.";
    "count": "number", "The new count, when the article has one.";
}

declare_fields! {
    /// The members of `nv-share`'s detail.
    pub const SHARE_DETAIL_KEYS;
    /// `nv-share`'s detail, with TypeScript types and docs.
    pub const SHARE_DETAIL_FIELDS;
    "service" required: "ShareService", "The service key.";
    "url" required: "string", "The URL shared.";
}

declare_fields! {
    /// The members of `nv-keyword`'s detail.
    pub const KEYWORD_DETAIL_KEYS;
    /// `nv-keyword`'s detail, with TypeScript types and docs.
    pub const KEYWORD_DETAIL_FIELDS;
    "name" required: "string", "The keyword.";
    "url": "string", "Its link; absent (undefined) when the keyword has none.";
    "index" required: "number", "Its position among the keywords shown.";
}

declare_fields! {
    /// The members of `nv-related`'s detail.
    pub const RELATED_DETAIL_KEYS;
    /// `nv-related`'s detail, with TypeScript types and docs.
    pub const RELATED_DETAIL_FIELDS;
    "id" required: "string", "The video id (as a string).";
    "url" required: "string", "Its link.";
    "index" required: "number", "Its position among the videos shown.";
}

declare_fields! {
    /// The members of `nv-comment`'s detail.
    pub const COMMENT_DETAIL_KEYS;
    /// `nv-comment`'s detail, with TypeScript types and docs.
    pub const COMMENT_DETAIL_FIELDS;
    "text" required: "string", "The comment, trimmed.";
}

declare_fields! {
    /// The members of `nv-warning`'s detail (set by the JS layer).
    pub const WARNING_DETAIL_KEYS;
    /// `nv-warning`'s detail, with TypeScript types and docs.
    pub const WARNING_DETAIL_FIELDS;
    "warnings" required: "readonly Warning[]", "The same (frozen) array as `view.warnings`.";
}

declare_fields! {
    /// The members of `nv-error`'s detail (set by the JS layer).
    pub const ERROR_DETAIL_KEYS;
    /// `nv-error`'s detail, with TypeScript types and docs.
    pub const ERROR_DETAIL_FIELDS;
    "code" required: "ErrorCode", "What went wrong.";
    "path" required: "string", "The field at fault, or `\"\"`.";
    "message" required: "string", "The error's message, naming the field at fault.";
}

/// The interfaces of the events' details: (name, doc, members), in the order the `.d.ts` lists
/// them. Not compiled into the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub const DETAIL_TYPES: &[(&str, &str, &[Field])] = &[
    (
        "LikeDetail",
        "`nv-like` (cancelable: cancel to keep the old state).",
        LIKE_DETAIL_FIELDS,
    ),
    (
        "FavoriteDetail",
        "`nv-favorite` (cancelable).",
        FAVORITE_DETAIL_FIELDS,
    ),
    (
        "ShareDetail",
        "`nv-share` (cancelable): a share service chosen, before its link opens.",
        SHARE_DETAIL_FIELDS,
    ),
    (
        "KeywordDetail",
        "`nv-keyword` (cancelable): a keyword followed.",
        KEYWORD_DETAIL_FIELDS,
    ),
    (
        "RelatedDetail",
        "`nv-related` (cancelable): a related video followed.",
        RELATED_DETAIL_FIELDS,
    ),
    (
        "CommentDetail",
        "`nv-comment` (cancelable: cancel to keep the text): a comment submitted (with a `user`).",
        COMMENT_DETAIL_FIELDS,
    ),
    (
        "WarningDetail",
        "`nv-warning`: what was dropped from the article or options while rendering.",
        WARNING_DETAIL_FIELDS,
    ),
    (
        "ErrorDetail",
        "`nv-error`: `<news-view>` could not load or render its article, or a trap in the wasm \
         (also on a `render()` container). The fields of the {@link NewsviewError}.",
        ERROR_DETAIL_FIELDS,
    ),
];

declare_fields! {
    /// The members of `options.user` the reader reads.
    pub const USER_KEYS;
    /// The members of `options.user`, with TypeScript types and docs (the `User` interface).
    pub const USER_FIELDS;
    "name" required: "string", "Display name, not empty.";
    "avatar": "string | null",
        "Avatar URL (http(s) or relative); a refused URL is dropped with a warning.";
}

/// The event name `$name`, which must be one of [`EVENT_NAMES`] (checked at compile time). For
/// the DOM layer (wasm32 with the `dom` or the `hydrate` feature only).
#[cfg(all(target_arch = "wasm32", any(feature = "dom", feature = "hydrate")))]
macro_rules! event {
    ($name:literal) => {
        $crate::read::key!($crate::options::EVENT_NAMES, $name)
    };
}
#[cfg(all(target_arch = "wasm32", any(feature = "dom", feature = "hydrate")))]
pub(crate) use event;

/// The signed-in reader.
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    /// Display name.
    pub name: String,
    /// Avatar URL.
    pub avatar: Option<SafeUrl>,
}

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Light colours (the default).
    #[default]
    Light,
    /// Dark colours.
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    /// The keyword: `light`, `dark` or `auto`.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
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
    /// The colour theme.
    pub theme: Theme,
    /// `options.labels`: overrides of single UI strings, on top of the language's (see
    /// [`Options::labels`]).
    pub labels: LabelOverrides,
    /// Size limits on the article (`limits`, see [`crate::limits`]).
    pub limits: Limits,
    /// The body sanitizer policy (`sanitize`, read by [`Policy::from_json`]).
    pub sanitize: Policy,
    /// Which hosts covers, posters, the lead video, related covers and avatars may load from,
    /// and the proxy for the others (`sanitize.allowMediaHosts` and `mediaProxy`; the body
    /// follows the same members through [`crate::sanitize::Policy`]).
    pub media: MediaHosts,
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
            theme: Theme::Light,
            labels: LabelOverrides::default(),
            limits: Limits::default(),
            sanitize: Policy::default(),
            media: MediaHosts::OPEN,
        }
    }
}

impl Options {
    /// The URL an article is shared and encoded in the QR code under, and its canonical URL:
    /// the article's `url`, else the page's ([`Options::page_url`]).
    pub fn url_of<'a>(&'a self, article: &'a crate::model::Article) -> Option<&'a SafeUrl> {
        article.url.as_ref().or(self.page_url.as_ref())
    }

    /// The UI strings of this render: `labels` overrides on top of the language's, borrowed
    /// from these options (nothing is kept past them).
    pub fn labels(&self) -> Labels<'_> {
        self.labels.apply(labels(self.lang))
    }

    /// The limits an article is read with for this render: [`Options::limits`], with the
    /// body cut at the sanitizer's input limit (`sanitize.maxInputBytes`) at most. Every way
    /// out (the browser, the CLI, the server build) reads the article with these.
    pub fn article_limits(&self) -> Limits {
        let mut limits = self.limits;
        limits.max_body_bytes = limits.max_body_bytes.min(self.sanitize.input_limit());
        limits
    }

    /// Reads options from JSON text (`null` gives the defaults), with the warnings of
    /// [`Options::from_json_with_warnings`]: what the browser, the CLI and the server build
    /// call on the options they are given.
    pub fn from_json_str(text: &str) -> Result<(Options, Vec<Warning>), Error> {
        let doc = crate::json::parse(text, &crate::json::JsonLimits::default())?;
        Options::from_json_with_warnings(&doc)
    }

    /// Reads options from a JSON object; `null` gives the defaults. Warnings (an avatar or
    /// `pageUrl` refused by the URL policy) are discarded; see
    /// [`Options::from_json_with_warnings`].
    pub fn from_json(doc: &Json) -> Result<Options, Error> {
        Options::from_json_with_warnings(doc).map(|(options, _)| options)
    }

    /// Reads options from a JSON object (`null` gives the defaults), with warnings for URLs
    /// the URL policy refused (they are dropped):
    ///
    /// * `lang`: a language tag ([`Lang::from_tag`]); an unsupported one is an error.
    /// * `now`: milliseconds since the epoch (a finite number), or an RFC 3339 string.
    /// * `timeZone`: a name or offset ([`TimeZone::from_name`]); an unknown one is an error.
    /// * `shadow`: a boolean.
    /// * `user`: `null` or `{name, avatar?}` (`avatar` with the media policy and `media`).
    /// * `share`: an array of service keys or a comma-separated string (`"weibo,qq"`);
    ///   spaces and empty items are ignored, repeats are kept once, an unknown key is an
    ///   error naming its index.
    /// * `relatedLimit`: a whole number >= 0.
    /// * `pageUrl`: an absolute http(s) URL.
    /// * `theme`: `light` (default), `dark` or `auto`.
    /// * `limits`: size limits ([`crate::limits::Limits::from_json`]).
    /// * `labels`: overrides of single UI strings (keys: [`LABEL_KEYS`]).
    /// * `sanitize`: the body sanitizer policy ([`Policy::from_json`]).
    /// * `sanitize.allowMediaHosts` and `mediaProxy`: [`MediaHosts`] (the other members of
    ///   `sanitize` are read by [`crate::sanitize::Policy::from_json`]).
    pub fn from_json_with_warnings(doc: &Json) -> Result<(Options, Vec<Warning>), Error> {
        let root = Path::Root("options");
        let mut options = Options::default();
        if matches!(doc, Json::Null) {
            return Ok((options, Vec::new()));
        }
        object(doc, &root)?;
        media_hosts(doc, &root, &mut options.media)?;
        let mut reader = Reader {
            media: Some(&options.media).filter(|m| !m.is_open()),
            ..Reader::default()
        };

        if let Some(v) = member!(doc, "lang") {
            let path = root.key("lang");
            let tag = str_of(v, &path)?;
            options.lang = Lang::from_tag(tag).ok_or_else(|| {
                quoted_error(
                    &path,
                    "unsupported language ",
                    tag,
                    " (expected zh-CN, zh-TW or en)",
                )
            })?;
        }
        if let Some(v) = member!(doc, "now") {
            let path = root.key("now");
            options.now_ms = Some(match v {
                Json::Number(n) if n.is_finite() => *n,
                Json::Number(_) => return Err(path.error("expected a finite number")),
                Json::String(s) => match crate::text::Timestamp::parse_rfc3339(s) {
                    Some(ts) => ts.unix_seconds as f64 * 1000.0,
                    None => {
                        return Err(path.error(
                            "expected milliseconds since the epoch or an RFC 3339 date-time \
                             with offset, like 2026-03-16T10:00:00+08:00",
                        ))
                    }
                },
                _ => {
                    return Err(type_error(
                        &path,
                        "a number (milliseconds since the epoch) or an RFC 3339 string",
                        v,
                    ))
                }
            });
        }
        if let Some(v) = member!(doc, "timeZone") {
            let path = root.key("timeZone");
            let name = str_of(v, &path)?;
            options.time_zone = TimeZone::from_name(name).ok_or_else(|| {
                quoted_error(
                    &path,
                    "unknown time zone ",
                    name,
                    "; use a zone without daylight saving (Asia/Shanghai, Asia/Tokyo, UTC, ...) \
                     or an offset like +08:00",
                )
            })?;
        }
        if let Some(v) = member!(doc, "shadow") {
            options.shadow = match v {
                Json::Bool(b) => *b,
                _ => return Err(type_error(&root.key("shadow"), "a boolean", v)),
            };
        }
        if let Some(v) = member!(doc, "user") {
            let path = root.key("user");
            object(v, &path)?;
            let name_key = key!(USER_KEYS, "name");
            let name_path = path.key(name_key);
            let user = options.user.insert(User {
                name: text(required(v, name_key, &path)?, &name_path)?,
                avatar: None,
            });
            if user.name.is_empty() {
                return Err(name_path.error("must not be empty"));
            }
            reader.opt_url(
                v,
                key!(USER_KEYS, "avatar"),
                &path,
                UrlContext::Media,
                &mut user.avatar,
            )?;
        }
        if let Some(v) = member!(doc, "share") {
            share(v, &root.key("share"), options.share.insert(Vec::new()))?;
        }
        if let Some(v) = member!(doc, "relatedLimit") {
            let n = count(v, &root.key("relatedLimit"))?;
            options.related_limit = Some(usize::try_from(n).unwrap_or(usize::MAX));
        }
        reader.opt_url(
            doc,
            declared!("pageUrl"),
            &root,
            UrlContext::Absolute,
            &mut options.page_url,
        )?;
        if let Some(v) = member!(doc, "limits") {
            options.limits.read_json(v)?;
        }
        if let Some(v) = member!(doc, "labels") {
            let path = root.key("labels");
            object(v, &path)?;
            if let Json::Object(members) = v {
                for (key, value) in members {
                    let item = path.key(key);
                    let text = str_of(value, &item)?;
                    options.labels.set(key, text).ok_or_else(|| {
                        let mut m = String::from("unknown label (expected one of ");
                        for (i, key) in LABEL_KEYS.iter().enumerate() {
                            if i > 0 {
                                m.push_str(", ");
                            }
                            m.push_str(key);
                        }
                        m.push(')');
                        item.error(m)
                    })?;
                }
            }
        }
        if let Some(v) = member!(doc, "theme") {
            let path = root.key("theme");
            options.theme = match str_of(v, &path)? {
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                "auto" => Theme::Auto,
                other => {
                    return Err(quoted_error(
                        &path,
                        "unknown theme ",
                        other,
                        " (expected light, dark or auto)",
                    ))
                }
            };
        }
        let warnings = reader.warnings;
        options.sanitize.read_json(doc)?;
        Ok((options, warnings))
    }
}

/// `sanitize.allowMediaHosts` and `mediaProxy` of the options `doc` under `root` (`options`
/// for [`Options`], nothing for [`crate::sanitize::Policy`], whose paths start at `sanitize`).
pub(crate) fn media_hosts(
    doc: &Json,
    root: &Path<'_>,
    media: &mut MediaHosts,
) -> Result<(), Error> {
    let sanitize = root.key("sanitize");
    let allow = key!(SANITIZE_KEYS, "allowMediaHosts");
    if let Some(s) = member!(doc, "sanitize").filter(|s| present(s, allow).is_some()) {
        let path = sanitize.key(allow);
        let items = array(s, allow, &sanitize)?;
        let mut hosts = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            let host = crate::url::host_pattern(str_of(item, &item_path)?);
            hosts.push(host.ok_or_else(|| item_path.error("expected a host name or *.domain"))?);
        }
        media.set_allowed(hosts);
    }
    if let Some(v) = member!(doc, "mediaProxy") {
        let path = root.key("mediaProxy");
        *media = core::mem::take(media)
            .proxy(str_of(v, &path)?)
            .map_err(|m| path.error(m))?;
    }
    Ok(())
}

/// With the `serde` feature: [`Options`] deserialize from any serde format through the one
/// reader ([`Options::from_json`]: the document becomes a [`Json`] first). Errors name the
/// option (`options.lang: unsupported language "fr" …`).
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Options {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Options, D::Error> {
        let doc = <Json as serde::Deserialize>::deserialize(d)?;
        Options::from_json(&doc).map_err(|e| serde::de::Error::custom(e.to_message()))
    }
}

/// An error at `path`: `before"value"after`.
fn quoted_error(path: &Path<'_>, before: &str, value: &str, after: &str) -> Error {
    let mut s = String::with_capacity(before.len() + value.len() + after.len() + 2);
    s.push_str(before);
    s.push('"');
    s.push_str(value);
    s.push('"');
    s.push_str(after);
    path.error(s)
}

/// `["weibo", "qq"]` or `"weibo, qq"`.
fn share(v: &Json, path: &Path<'_>, out: &mut Vec<ShareService>) -> Result<(), Error> {
    let mut add = |key: &str, item: &Path<'_>| -> Result<(), Error> {
        let key = key.trim();
        if key.is_empty() {
            return Ok(());
        }
        let service = ShareService::from_key(key)
            .ok_or_else(|| quoted_error(item, "unknown share service ", key, ""))?;
        if !out.contains(&service) {
            out.push(service);
        }
        Ok(())
    };
    match v {
        Json::String(s) => {
            for (i, key) in s.split(',').enumerate() {
                add(key, &path.index(i))?;
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let item_path = path.index(i);
                add(str_of(item, &item_path)?, &item_path)?;
            }
        }
        _ => {
            return Err(type_error(
                path,
                "an array of service keys or a comma-separated string",
                v,
            ))
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, JsonLimits};

    fn read(json: &str) -> Result<Options, String> {
        let doc = parse(json, &JsonLimits::default()).map_err(|e| e.to_message())?;
        Options::from_json(&doc).map_err(|e| e.to_message())
    }

    fn fail(json: &str) -> String {
        match read(json) {
            Ok(o) => panic!("{json} accepted: {o:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn null_and_empty_give_defaults() {
        assert_eq!(read("null"), Ok(Options::default()));
        assert_eq!(read("{}"), Ok(Options::default()));
        let d = Options::default();
        assert_eq!(
            (d.lang, d.time_zone, d.shadow),
            (Lang::ZhCn, TimeZone::SHANGHAI, true)
        );
    }

    #[test]
    fn options_must_be_an_object() {
        assert_eq!(fail("[]"), "options: expected an object, got an array");
        assert_eq!(fail("\"en\""), "options: expected an object, got a string");
    }

    #[test]
    fn unknown_members_are_ignored() {
        assert_eq!(
            read(r#"{"labels": {}, "sanitize": {}, "__proto__": {"shadow": false}}"#),
            Ok(Options::default())
        );
    }

    #[test]
    fn only_declared_keys_are_declared() {
        use crate::read::contains;
        for key in OPTION_KEYS {
            assert!(contains(OPTION_KEYS, key), "{key}");
        }
        for key in ["", "lan", "langs", "undeclared", "videoPlayer"] {
            assert!(!contains(OPTION_KEYS, key), "{key}");
        }
    }

    #[test]
    fn null_members_are_defaults() {
        assert_eq!(
            read(
                r#"{"lang": null, "now": null, "timeZone": null, "shadow": null, "user": null, "share": null, "relatedLimit": null, "pageUrl": null}"#
            ),
            Ok(Options::default())
        );
    }

    #[test]
    fn lang() {
        assert_eq!(read(r#"{"lang": "en"}"#).map(|o| o.lang), Ok(Lang::En));
        assert_eq!(read(r#"{"lang": "zh-TW"}"#).map(|o| o.lang), Ok(Lang::ZhTw));
        assert_eq!(
            fail(r#"{"lang": "fr"}"#),
            r#"options.lang: unsupported language "fr" (expected zh-CN, zh-TW or en)"#
        );
        assert_eq!(
            fail(r#"{"lang": 1}"#),
            "options.lang: expected a string, got a number"
        );
    }

    #[test]
    fn now_as_milliseconds() {
        assert_eq!(
            read(r#"{"now": 1773626400000}"#).map(|o| o.now_ms),
            Ok(Some(1_773_626_400_000.0))
        );
    }

    #[test]
    fn now_as_rfc3339() {
        assert_eq!(
            read(r#"{"now": "2026-03-16T10:00:00+08:00"}"#).map(|o| o.now_ms),
            Ok(Some(1_773_626_400_000.0))
        );
        assert!(fail(r#"{"now": "yesterday"}"#)
            .starts_with("options.now: expected milliseconds since the epoch or an RFC 3339"));
        assert!(fail(r#"{"now": true}"#).starts_with("options.now: expected a number (milliseconds since the epoch) or an RFC 3339 string, got a boolean"));
        assert_eq!(
            fail(r#"{"now": 1e400}"#),
            "options.now: expected a finite number"
        );
    }

    #[test]
    fn time_zone() {
        assert_eq!(
            read(r#"{"timeZone": "Asia/Tokyo"}"#).map(|o| o.time_zone.offset_minutes),
            Ok(540)
        );
        assert_eq!(
            read(r#"{"timeZone": "-05:30"}"#).map(|o| o.time_zone.offset_minutes),
            Ok(-330)
        );
        let e = fail(r#"{"timeZone": "America/New_York"}"#);
        assert!(e.starts_with(r#"options.timeZone: unknown time zone "America/New_York"; use a zone without daylight saving"#), "{e}");
    }

    #[test]
    fn shadow() {
        assert_eq!(read(r#"{"shadow": false}"#).map(|o| o.shadow), Ok(false));
        assert_eq!(
            fail(r#"{"shadow": "false"}"#),
            "options.shadow: expected a boolean, got a string"
        );
    }

    #[test]
    fn user_without_avatar() {
        let o = read(r#"{"user": {"name": " 读者 "}}"#).unwrap();
        assert_eq!(
            o.user,
            Some(User {
                name: "读者".into(),
                avatar: None
            })
        );
        assert_eq!(
            fail(r#"{"user": {}}"#),
            "options.user.name: required field is missing"
        );
        assert_eq!(
            fail(r#"{"user": {"name": ""}}"#),
            "options.user.name: must not be empty"
        );
        assert_eq!(
            fail(r#"{"user": "me"}"#),
            "options.user: expected an object, got a string"
        );
    }

    #[test]
    fn user_avatar_refused_is_dropped_with_a_warning() {
        use crate::error::WarningCode;
        for (json, code, message) in [
            (
                r#"{"user": {"name": "a", "avatar": "javascript:alert(1)"}}"#,
                WarningCode::Url,
                "dropped: not an allowed URL",
            ),
            // An empty list of media hosts allows none.
            (
                r#"{"sanitize": {"allowMediaHosts": []}, "user": {"name": "a", "avatar": "https://t.evil.com/a.png"}}"#,
                WarningCode::MediaHost,
                "dropped: not from an allowed media host",
            ),
        ] {
            let doc = parse(json, &JsonLimits::default()).unwrap();
            let (o, w) = Options::from_json_with_warnings(&doc).unwrap();
            assert_eq!(o.user.and_then(|u| u.avatar), None);
            assert_eq!(
                w,
                [Warning {
                    path: "options.user.avatar".into(),
                    code,
                    message: message.into()
                }]
            );
        }
    }

    #[test]
    fn labels_override_single_strings_of_the_language() {
        let o =
            read(r#"{"lang": "en", "labels": {"like": "Upvote", "relatedVideos": "Watch next"}}"#)
                .unwrap();
        assert_eq!(o.labels().like, "Upvote");
        assert_eq!(o.labels().related_videos, "Watch next");
        assert_eq!(o.labels().share, "Share");
        assert_eq!(read(r#"{}"#).unwrap().labels().like, "点赞");
        assert!(fail(r#"{"labels": {"lik": "x"}}"#)
            .starts_with("options.labels.lik: unknown label (expected one of like, "));
        assert_eq!(
            fail(r#"{"labels": {"like": 1}}"#),
            "options.labels.like: expected a string, got a number"
        );
    }

    #[test]
    fn theme() {
        assert_eq!(read(r#"{}"#).map(|o| o.theme), Ok(Theme::Light));
        assert_eq!(
            read(r#"{"theme": "dark"}"#).map(|o| o.theme),
            Ok(Theme::Dark)
        );
        assert_eq!(
            read(r#"{"theme": "auto"}"#).map(|o| o.theme),
            Ok(Theme::Auto)
        );
        assert_eq!(
            fail(r#"{"theme": "neon"}"#),
            "options.theme: unknown theme \"neon\" (expected light, dark or auto)"
        );
    }

    #[test]
    fn related_limit() {
        assert_eq!(
            read(r#"{"relatedLimit": 5}"#).map(|o| o.related_limit),
            Ok(Some(5))
        );
        assert_eq!(
            read(r#"{"relatedLimit": 0}"#).map(|o| o.related_limit),
            Ok(Some(0))
        );
        assert_eq!(
            read(r#"{"relatedLimit": 1e30}"#).map(|o| o.related_limit),
            Ok(Some(usize::MAX))
        );
        assert_eq!(
            fail(r#"{"relatedLimit": -1}"#),
            "options.relatedLimit: expected a number >= 0, got a negative number"
        );
        assert_eq!(
            fail(r#"{"relatedLimit": 2.5}"#),
            "options.relatedLimit: expected a whole number, got a fraction"
        );
        assert_eq!(
            fail(r#"{"relatedLimit": "5"}"#),
            "options.relatedLimit: expected a number, got a string"
        );
    }

    #[test]
    fn limits_are_read() {
        let o = read(r#"{"limits": {"maxKeywords": 3}}"#).unwrap();
        assert_eq!(o.limits.max_keywords, 3);
        assert_eq!(o.limits.max_comments, 500);
        assert_eq!(
            fail(r#"{"limits": {"maxKeywords": true}}"#),
            "options.limits.maxKeywords: expected a number, got a boolean"
        );
    }

    #[test]
    fn sanitize_is_read_with_the_options() {
        let o = read(
            r#"{"sanitize": {"allowIframeHosts": ["www.youtube.com"], "maxInputBytes": 100}}"#,
        )
        .unwrap();
        assert_eq!(
            o.sanitize,
            Policy::default()
                .allow_iframe_hosts(["www.youtube.com"])
                .max_input_bytes(100)
        );
        assert!(fail(r#"{"sanitize": {"ugc": 1}}"#).starts_with("sanitize.ugc: "));
        assert!(fail(r#"{"sanitize": []}"#).starts_with("sanitize: "));
    }

    #[test]
    fn article_limits_cut_the_body_at_the_sanitizer_input_limit() {
        let o = read(r#"{"sanitize": {"maxInputBytes": 100}, "limits": {"maxBodyBytes": 200, "maxKeywords": 2}}"#)
            .unwrap();
        let l = o.article_limits();
        assert_eq!((l.max_body_bytes, l.max_keywords), (100, 2));
        let o = read(r#"{"sanitize": {"maxInputBytes": 300}, "limits": {"maxBodyBytes": 200}}"#)
            .unwrap();
        assert_eq!(o.article_limits().max_body_bytes, 200);
    }

    #[test]
    fn share_wrong_types() {
        assert_eq!(fail(r#"{"share": 1}"#), "options.share: expected an array of service keys or a comma-separated string, got a number");
        assert_eq!(
            fail(r#"{"share": [" ", 2]}"#),
            "options.share[1]: expected a string, got a number"
        );
    }

    #[test]
    fn share_empty_means_no_services() {
        assert_eq!(read(r#"{"share": []}"#).map(|o| o.share), Ok(Some(vec![])));
        assert_eq!(
            read(r#"{"share": " , "}"#).map(|o| o.share),
            Ok(Some(vec![]))
        );
    }

    #[test]
    fn page_url_refused_is_dropped_with_a_warning() {
        let doc = parse(
            r#"{"pageUrl": "javascript:alert(1)"}"#,
            &JsonLimits::default(),
        )
        .unwrap();
        let (o, w) = Options::from_json_with_warnings(&doc).unwrap();
        assert_eq!(o.page_url, None);
        assert_eq!(
            w,
            [Warning {
                path: "options.pageUrl".into(),
                code: crate::error::WarningCode::Url,
                message: "dropped: not an allowed URL".into()
            }]
        );
        assert_eq!(
            fail(r#"{"pageUrl": 5}"#),
            "options.pageUrl: expected a string, got a number"
        );
    }

    // ---- These need the real share keys (ShareService::from_key) and URL policy. ----

    #[test]
    fn share_as_array() {
        assert_eq!(
            read(r#"{"share": ["weibo", "qq", "copy"]}"#).map(|o| o.share),
            Ok(Some(vec![
                ShareService::Weibo,
                ShareService::Qq,
                ShareService::CopyLink
            ]))
        );
    }

    #[test]
    fn share_as_comma_string() {
        assert_eq!(
            read(r#"{"share": " weibo, qq ,,wechat,weibo"}"#).map(|o| o.share),
            Ok(Some(vec![
                ShareService::Weibo,
                ShareService::Qq,
                ShareService::Wechat
            ]))
        );
    }

    #[test]
    fn share_unknown_key_names_its_index() {
        assert_eq!(
            fail(r#"{"share": ["weibo", "qq", "myspace"]}"#),
            r#"options.share[2]: unknown share service "myspace""#
        );
        assert_eq!(
            fail(r#"{"share": "weibo,qq,myspace"}"#),
            r#"options.share[2]: unknown share service "myspace""#
        );
    }

    #[test]
    fn user_avatar_and_page_url_allowed() {
        let o = read(r#"{"user": {"name": "a", "avatar": "https://img.e.com/a.png"}, "pageUrl": "https://www.kankanews.com/detail/1"}"#).unwrap();
        assert_eq!(
            o.user.and_then(|u| u.avatar).as_ref().map(SafeUrl::as_str),
            Some("https://img.e.com/a.png")
        );
        assert_eq!(
            o.page_url.as_ref().map(SafeUrl::as_str),
            Some("https://www.kankanews.com/detail/1")
        );
    }

    #[test]
    fn relative_page_url_is_refused() {
        let doc = parse(r#"{"pageUrl": "/detail/1"}"#, &JsonLimits::default()).unwrap();
        let (o, w) = Options::from_json_with_warnings(&doc).unwrap();
        assert_eq!(o.page_url, None);
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn media_hosts_and_proxy_are_read_and_apply_to_the_user_avatar() {
        let doc = parse(
            r#"{"mediaProxy": "https://p.ok.com/i?u={url}", "sanitize": {"allowMediaHosts": ["img.ok.com", "*.cdn.ok.com"], "ugc": true},
                "user": {"name": "a", "avatar": "https://t.evil.com/a.png"}}"#,
            &JsonLimits::default(),
        )
        .unwrap();
        let (o, w) = Options::from_json_with_warnings(&doc).unwrap();
        let media = MediaHosts::default()
            .allow(["img.ok.com", "*.cdn.ok.com"])
            .and_then(|m| m.proxy("https://p.ok.com/i?u={url}").map_err(|_| 0))
            .unwrap();
        assert_eq!(o.media, media);
        // The same members as the body's policy reads.
        assert_eq!(
            crate::sanitize::Policy::from_json(&doc).unwrap().media(),
            &media
        );
        assert_eq!(
            o.user.and_then(|u| u.avatar).as_ref().map(SafeUrl::as_str),
            Some("https://p.ok.com/i?u=https%3A%2F%2Ft.evil.com%2Fa.png")
        );
        assert!(w.is_empty());
        assert!(read("{}").unwrap().media.is_open());
        assert!(
            read(r#"{"mediaProxy": null, "sanitize": {"allowMediaHosts": null}}"#)
                .unwrap()
                .media
                .is_open()
        );
    }

    #[test]
    fn bad_media_hosts_and_proxy_are_errors_naming_the_field() {
        assert_eq!(
            fail(r#"{"mediaProxy": "https://p.ok.com/proxy"}"#),
            "options.mediaProxy: expected an absolute https URL with {url} in its path or query"
        );
        assert!(fail(r#"{"mediaProxy": "http://p.ok.com/?u={url}"}"#)
            .starts_with("options.mediaProxy: expected an absolute https URL"));
        assert_eq!(
            fail(r#"{"mediaProxy": ["x"]}"#),
            "options.mediaProxy: expected a string, got an array"
        );
        assert_eq!(
            fail(r#"{"sanitize": {"allowMediaHosts": ["ok.com", "https://a.com"]}}"#),
            "options.sanitize.allowMediaHosts[1]: expected a host name or *.domain"
        );
        assert_eq!(
            fail(r#"{"sanitize": {"allowMediaHosts": [1]}}"#),
            "options.sanitize.allowMediaHosts[0]: expected a string, got a number"
        );
    }
}
