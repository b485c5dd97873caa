//! Article JSON v1: the typed model and its validation.
//!
//! Unknown fields are ignored. Wrong types and missing required fields are refused with an
//! [`Error`] that names the field; unsafe URLs in optional places are dropped and reported as
//! [`Warning`]s. The full contract is in `docs/schema.md` and
//! `schema/article-v1.schema.json`; in short:
//!
//! * `null` is the same as an absent field for every optional field (a required field that is
//!   `null` is refused: `title: expected a string, got null`).
//! * Text is NUL-free (U+0000 is removed) and trimmed at both ends, except `bodyHtml`, which is
//!   only NUL-stripped. Optional text that is empty after trimming is treated as absent.
//!   Bidi and zero-width characters are kept: text is always escaped when shown.
//! * `id` (article, comment, related video) is a non-empty string, or a whole number within
//!   ±2^53 that is written in decimal.
//! * Counts (`stats.*`, `comments.total`, `comments.items[].likes`) are finite whole numbers
//!   ≥ 0; beyond `u64::MAX` they are clamped to it.
//! * Durations are finite numbers ≥ 0, rounded to the nearest second (halves up), clamped to
//!   `u32::MAX`. Image sizes likewise, in CSS pixels; a size of 0 means unknown (`None`).
//! * Dates are RFC 3339 with an offset (see [`Timestamp::parse_rfc3339`]).
//! * URLs go through [`crate::url::check`]: `url` with `Absolute`; links (`channel`, `source`,
//!   `authors[]`, `keywords[]`, `relatedVideos[].url`) with `Link`; images, posters, avatars
//!   and `leadVideo.src` with `Media`. A refused URL in an optional place is dropped with a
//!   warning; an image, lead video or related video whose own URL is refused is dropped whole
//!   with a warning. An empty URL in an optional place counts as absent.
//! * With [`Article::from_json_with`], every `Media` URL then passes the render options' media
//!   hosts ([`MediaHosts`]): it is kept, rewritten through the proxy, or dropped like a refused
//!   URL, with a warning (`dropped: not from an allowed media host`).
//! * A channel, source, author or keyword whose name is empty is dropped with a warning.

use crate::error::{Error, ErrorCode, Path, Warning, WarningCode};
use crate::json::Json;
use crate::limits::{cut_bytes, cut_chars, Limits, Truncated};
use crate::read::{
    array, clean, count, key, non_negative, object, opt_text, present, required, str_of, text,
    type_error,
};
use crate::text::Timestamp;
use crate::url::{check, MediaHosts, SafeUrl, UrlContext};

/// The highest `schemaVersion` this crate reads.
pub const SCHEMA_VERSION: u32 = 1;

// The members of each object of article JSON v1, generated from its one declaration,
// `schema/article-v1.schema.json` (`make contract`). The reader names every member it reads
// through these (`key!(IMAGE_FIELDS, "url")`, checked at compile time, at no cost to the wasm),
// so it cannot read a member the schema lacks; `tests/schema.rs` checks that it reads every one
// (a wrong-typed value is refused at its path).
// BEGIN GENERATED: article fields (tests/schema.rs, from schema/article-v1.schema.json)
// Do not edit by hand: make contract

/// The members of `Article` the reader reads, in schema order.
#[rustfmt::skip]
pub const ARTICLE_FIELDS: &[&str] = &["schemaVersion", "id", "url", "title", "summary", "channel", "publishedAt", "updatedAt", "source", "authors", "editor", "cover", "leadVideo", "bodyHtml", "keywords", "stats", "comments", "relatedVideos"];
/// The members of `LeadVideo` the reader reads, in schema order.
#[rustfmt::skip]
pub const LEAD_VIDEO_FIELDS: &[&str] = &["src", "poster", "durationSeconds", "title"];
/// The members of `Stats` the reader reads, in schema order.
#[rustfmt::skip]
pub const STATS_FIELDS: &[&str] = &["likes", "favorites", "comments", "views"];
/// The members of `Comments` the reader reads, in schema order.
#[rustfmt::skip]
pub const COMMENTS_FIELDS: &[&str] = &["enabled", "total", "items"];
/// The members of `Named` the reader reads, in schema order.
#[rustfmt::skip]
pub const NAMED_FIELDS: &[&str] = &["name", "url"];
/// The members of `Image` the reader reads, in schema order.
#[rustfmt::skip]
pub const IMAGE_FIELDS: &[&str] = &["url", "width", "height", "alt", "caption", "credit"];
/// The members of `Comment` the reader reads, in schema order.
#[rustfmt::skip]
pub const COMMENT_FIELDS: &[&str] = &["id", "author", "text", "publishedAt", "likes"];
/// The members of `CommentAuthor` the reader reads, in schema order.
#[rustfmt::skip]
pub const COMMENT_AUTHOR_FIELDS: &[&str] = &["name", "avatar"];
/// The members of `RelatedVideo` the reader reads, in schema order.
#[rustfmt::skip]
pub const RELATED_VIDEO_FIELDS: &[&str] = &["id", "url", "title", "cover", "durationSeconds", "channel", "publishedAt"];
// END GENERATED: article fields

/// A news article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Stable id.
    pub id: String,
    /// Canonical absolute http(s) URL, used by share and QR.
    pub url: Option<SafeUrl>,
    /// The headline.
    pub title: String,
    /// Short summary, used by share targets and meta tags.
    pub summary: Option<String>,
    /// The channel tag, e.g. 时讯.
    pub channel: Option<Named>,
    /// First publication time.
    pub published_at: Timestamp,
    /// Last update time.
    pub updated_at: Option<Timestamp>,
    /// The source, e.g. 看看新闻Knews.
    pub source: Option<Named>,
    /// Authors.
    pub authors: Vec<Named>,
    /// The responsible editor.
    pub editor: Option<String>,
    /// Cover image.
    pub cover: Option<Image>,
    /// The lead video.
    pub lead_video: Option<LeadVideo>,
    /// Untrusted body HTML from the CMS; always sanitized before it is shown.
    pub body_html: Option<String>,
    /// Keywords.
    pub keywords: Vec<Named>,
    /// Counters.
    pub stats: Stats,
    /// The comments block.
    pub comments: Comments,
    /// Related videos.
    pub related_videos: Vec<RelatedVideo>,
    /// What was cut at the [`Limits`] (strings carry their own `…`).
    pub truncated: Truncated,
}

/// A name with an optional link (channel, source, author, keyword).
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// Display name.
    pub name: String,
    /// Where it links to.
    pub url: Option<SafeUrl>,
}

/// An image with its intrinsic size, so that the layout can reserve space for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// Image URL (media policy).
    pub url: SafeUrl,
    /// Intrinsic width in CSS pixels.
    pub width: Option<u32>,
    /// Intrinsic height in CSS pixels.
    pub height: Option<u32>,
    /// Alternative text.
    pub alt: Option<String>,
    /// Caption.
    pub caption: Option<String>,
    /// Credit line.
    pub credit: Option<String>,
}

/// The lead video, shown as a click-to-play placeholder.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadVideo {
    /// Video URL (mp4, m3u8, ...).
    pub src: SafeUrl,
    /// Poster image.
    pub poster: Option<Image>,
    /// Duration in seconds.
    pub duration_seconds: Option<u32>,
    /// Title.
    pub title: Option<String>,
}

/// Article counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    /// Likes.
    pub likes: Option<u64>,
    /// Favorites.
    pub favorites: Option<u64>,
    /// Comments.
    pub comments: Option<u64>,
    /// Views.
    pub views: Option<u64>,
}

/// The comments block.
#[derive(Debug, Clone, PartialEq)]
pub struct Comments {
    /// Whether the block is shown (default true).
    pub enabled: bool,
    /// Total number of comments, when known.
    pub total: Option<u64>,
    /// The comments to show.
    pub items: Vec<Comment>,
}

impl Default for Comments {
    fn default() -> Self {
        Comments {
            enabled: true,
            total: None,
            items: Vec::new(),
        }
    }
}

/// One comment; its text is plain text.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    /// Comment id.
    pub id: String,
    /// Author name.
    pub author_name: String,
    /// Author avatar.
    pub author_avatar: Option<SafeUrl>,
    /// Plain text.
    pub text: String,
    /// When it was posted.
    pub published_at: Timestamp,
    /// Likes.
    pub likes: Option<u64>,
}

/// A related video.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedVideo {
    /// Id.
    pub id: String,
    /// Link to the video page.
    pub url: SafeUrl,
    /// Title.
    pub title: String,
    /// Cover image (16:9).
    pub cover: Option<Image>,
    /// Duration in seconds.
    pub duration_seconds: Option<u32>,
    /// Channel name.
    pub channel: Option<String>,
    /// Publication time.
    pub published_at: Option<Timestamp>,
}

/// An article together with the warnings about fields that were dropped while reading it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The article.
    pub article: Article,
    /// Dropped or changed fields.
    pub warnings: Vec<Warning>,
}

/// With the `serde` feature: an [`Article`] deserializes from any serde format through the one
/// reader: the document becomes a [`Json`] and is read by [`Article::from_json`] (default limits,
/// every media host; its warnings are dropped: read with [`Article::from_json_with`] to keep
/// them). Errors name the field (`relatedVideos[3].durationSeconds: expected a number, got a
/// string`).
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Page {
///     article: newsview::Article,
/// }
/// let page: Page = serde_json::from_str(
///     r#"{"article": {"id": "1", "title": "Hello", "publishedAt": "2025-07-27T21:56:43+08:00"}}"#,
/// ).unwrap();
/// assert_eq!(page.article.title, "Hello");
/// ```
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Article {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Article, D::Error> {
        let doc = Json::deserialize(d)?;
        Article::from_json(&doc)
            .map(|parsed| parsed.article)
            .map_err(|e| serde::de::Error::custom(e.to_message()))
    }
}

impl Article {
    /// Reads and validates article JSON v1 text, with the default [`Limits`].
    pub fn from_json_str(input: &str) -> Result<Parsed, Error> {
        Article::from_json_str_with_limits(input, &Limits::default())
    }

    /// Reads and validates article JSON v1 text; what goes past `limits` is cut with a
    /// visible marker and a warning.
    pub fn from_json_str_with_limits(input: &str, limits: &Limits) -> Result<Parsed, Error> {
        Article::from_json_str_with(input, limits, &MediaHosts::OPEN)
    }

    /// [`Article::from_json_str_with_limits`], with the media URLs judged by `media` as they
    /// are read (see [`Article::from_json_with`]).
    pub fn from_json_str_with(
        input: &str,
        limits: &Limits,
        media: &MediaHosts,
    ) -> Result<Parsed, Error> {
        let doc = crate::json::parse(input, &crate::json::JsonLimits::default())?;
        Article::from_json_with(&doc, limits, media)
    }

    /// Validates a parsed JSON document as article JSON v1, with the default [`Limits`].
    pub fn from_json(doc: &Json) -> Result<Parsed, Error> {
        Article::from_json_with_limits(doc, &Limits::default())
    }

    /// Validates a parsed JSON document as article JSON v1. Strings longer than `limits`
    /// allow end in `…`, lists keep their first items (the rest is counted in
    /// [`Article::truncated`]) and the body is cut on a character boundary; each cut is a
    /// warning. At most [`MAX_WARNINGS`] warnings are kept, then one that counts the rest.
    pub fn from_json_with_limits(doc: &Json, limits: &Limits) -> Result<Parsed, Error> {
        Article::from_json_with(doc, limits, &MediaHosts::OPEN)
    }

    /// [`Article::from_json_with_limits`], with every media URL (cover, lead video and poster,
    /// comment avatars, related-video covers) judged by `media` ([`MediaHosts::judge`]) once
    /// the URL policy accepted it: kept, rewritten through the proxy, or dropped with a warning
    /// at its path (`dropped: not from an allowed media host`) as a refused URL is: an image goes
    /// whole, a lead video whose `src` goes is dropped with its poster, an avatar leaves the
    /// author's initial.
    pub fn from_json_with(
        doc: &Json,
        limits: &Limits,
        media: &MediaHosts,
    ) -> Result<Parsed, Error> {
        let root = Path::Root("");
        let mut r = Reader {
            limits: *limits,
            media: Some(media).filter(|m| !m.is_open()),
            ..Reader::default()
        };
        object(doc, &root)?;
        schema_version(
            doc.get(key!(ARTICLE_FIELDS, "schemaVersion")),
            &root.key(key!(ARTICLE_FIELDS, "schemaVersion")),
        )?;

        // Filled in member by member: the readers write into their places (code size).
        let mut a = Article {
            id: req_id(doc, key!(ARTICLE_FIELDS, "id"), &root)?,
            url: None,
            title: String::new(),
            summary: None,
            channel: None,
            published_at: Timestamp {
                unix_seconds: 0,
                offset_minutes: 0,
            },
            updated_at: None,
            source: None,
            authors: Vec::new(),
            editor: None,
            cover: None,
            lead_video: None,
            body_html: None,
            keywords: Vec::new(),
            stats: Stats::default(),
            comments: Comments::default(),
            related_videos: Vec::new(),
            truncated: Truncated::default(),
        };
        r.opt_url(
            doc,
            key!(ARTICLE_FIELDS, "url"),
            &root,
            UrlContext::Absolute,
            &mut a.url,
        )?;
        let title_path = root.key(key!(ARTICLE_FIELDS, "title"));
        a.title = text(
            required(doc, key!(ARTICLE_FIELDS, "title"), &root)?,
            &title_path,
        )?;
        if a.title.is_empty() {
            return Err(title_path.error("must not be empty"));
        }
        r.fit(&mut a.title, &title_path, limits.max_title_chars);
        r.opt_text(doc, key!(ARTICLE_FIELDS, "summary"), &root, &mut a.summary)?;
        r.opt_named(
            doc,
            key!(ARTICLE_FIELDS, "channel"),
            &root,
            false,
            &mut a.channel,
        )?;
        req_timestamp(
            doc,
            key!(ARTICLE_FIELDS, "publishedAt"),
            &root,
            &mut a.published_at,
        )?;
        opt_timestamp(
            doc,
            key!(ARTICLE_FIELDS, "updatedAt"),
            &root,
            &mut a.updated_at,
        )?;
        r.opt_named(
            doc,
            key!(ARTICLE_FIELDS, "source"),
            &root,
            true,
            &mut a.source,
        )?;
        r.named_list(
            doc,
            key!(ARTICLE_FIELDS, "authors"),
            &root,
            false,
            usize::MAX,
            &mut a.authors,
        )?;
        r.opt_text(doc, key!(ARTICLE_FIELDS, "editor"), &root, &mut a.editor)?;
        r.opt_image(
            doc,
            key!(ARTICLE_FIELDS, "cover"),
            &root,
            true,
            &mut a.cover,
        )?;
        if let Some(v) = present(doc, key!(ARTICLE_FIELDS, "leadVideo")) {
            let path = root.key(key!(ARTICLE_FIELDS, "leadVideo"));
            r.lead_video(v, &path, &mut a.lead_video)?;
        }
        if let Some(v) = present(doc, key!(ARTICLE_FIELDS, "bodyHtml")) {
            let path = root.key(key!(ARTICLE_FIELDS, "bodyHtml"));
            let raw = str_of(v, &path)?;
            let kept = cut_bytes(raw, limits.max_body_bytes);
            if kept.len() < raw.len() {
                a.truncated.body = true;
                r.warn_n(
                    &path,
                    WarningCode::Truncated,
                    "truncated to ",
                    limits.max_body_bytes,
                    " bytes",
                );
            }
            a.body_html = Some(clean(kept, false));
        }
        a.truncated.keywords = r.named_list(
            doc,
            key!(ARTICLE_FIELDS, "keywords"),
            &root,
            true,
            limits.max_keywords,
            &mut a.keywords,
        )?;
        if let Some(v) = present(doc, key!(ARTICLE_FIELDS, "stats")) {
            stats(v, &root.key(key!(ARTICLE_FIELDS, "stats")), &mut a.stats)?;
        }
        if let Some(v) = present(doc, key!(ARTICLE_FIELDS, "comments")) {
            r.comments(
                v,
                &root.key(key!(ARTICLE_FIELDS, "comments")),
                &mut a.comments,
                &mut a.truncated.comments,
            )?;
        }
        let rv_path = root.key(key!(ARTICLE_FIELDS, "relatedVideos"));
        let rv = array(doc, key!(ARTICLE_FIELDS, "relatedVideos"), &root)?;
        for (i, v) in rv.iter().enumerate() {
            if a.related_videos.len() >= limits.max_related_videos {
                a.truncated.related_videos = rv.len() - i;
                r.warn_more(&rv_path, rv.len() - i);
                break;
            }
            r.related_video(v, &rv_path.index(i), &mut a.related_videos)?;
        }
        r.finish_warnings();

        Ok(Parsed {
            article: a,
            warnings: r.warnings,
        })
    }
}

impl Article {
    /// Applies `media` to the media URLs of an article already read, as
    /// [`Article::from_json_with`] does while reading (for an article read without them; server
    /// rendering applies the options' media hosts this way). Returns the warnings; a related
    /// video's index in their paths counts the related videos kept. Does nothing for
    /// [`MediaHosts::OPEN`]; applying it twice changes nothing more.
    pub fn apply_media_hosts(&mut self, media: &MediaHosts) -> Vec<Warning> {
        let mut r = Reader::default();
        if media.is_open() {
            return r.warnings;
        }
        let root = Path::Root("");
        let (lead, items) = (
            root.key(key!(ARTICLE_FIELDS, "leadVideo")),
            root.key(key!(ARTICLE_FIELDS, "comments")),
        );
        let (items, related) = (
            items.key(key!(COMMENTS_FIELDS, "items")),
            root.key(key!(ARTICLE_FIELDS, "relatedVideos")),
        );
        self.cover = r.media_image(
            self.cover.take(),
            media,
            &root.key(key!(ARTICLE_FIELDS, "cover")),
        );
        self.lead_video = self.lead_video.take().and_then(|mut v| {
            v.src = r.media_url(v.src, media, &lead.key(key!(LEAD_VIDEO_FIELDS, "src")))?;
            v.poster = r.media_image(
                v.poster.take(),
                media,
                &lead.key(key!(LEAD_VIDEO_FIELDS, "poster")),
            );
            Some(v)
        });
        for (i, c) in self.comments.items.iter_mut().enumerate() {
            let (item, avatar) = (items.index(i), c.author_avatar.take());
            let author = item.key(key!(COMMENT_FIELDS, "author"));
            c.author_avatar = avatar.and_then(|u| {
                r.media_url(u, media, &author.key(key!(COMMENT_AUTHOR_FIELDS, "avatar")))
            });
        }
        for (i, v) in self.related_videos.iter_mut().enumerate() {
            v.cover = r.media_image(
                v.cover.take(),
                media,
                &related.index(i).key(key!(RELATED_VIDEO_FIELDS, "cover")),
            );
        }
        r.finish_warnings();
        r.warnings
    }
}

/// The most warnings [`Article::from_json_with_limits`] keeps; one more counts the rest.
pub const MAX_WARNINGS: usize = 100;

/// Collects warnings while a document is read.
#[derive(Default)]
pub(crate) struct Reader<'m> {
    /// Fields dropped so far, in document order.
    pub(crate) warnings: Vec<Warning>,
    /// Warnings past [`MAX_WARNINGS`], counted only.
    pub(crate) more_warnings: usize,
    /// The limits text and lists are cut at.
    pub(crate) limits: Limits,
    /// The media hosts media URLs are judged by, unless they are open.
    pub(crate) media: Option<&'m MediaHosts>,
}

/// `before` N `after`.
fn limit_message(before: &str, n: usize, after: &str) -> String {
    let mut msg = String::from(before);
    crate::text::push_u64(&mut msg, n as u64);
    msg.push_str(after);
    msg
}

const DROPPED_URL: &str = "dropped: not an allowed URL";
const DROPPED_HOST: &str = "dropped: not from an allowed media host";

impl Reader<'_> {
    /// Records a warning at `path`, or only counts it past [`MAX_WARNINGS`] (without
    /// writing out its path).
    pub(crate) fn warn(&mut self, path: &Path<'_>, code: WarningCode, message: String) {
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(path.warning(code, message));
        } else {
            self.more_warnings += 1;
        }
    }

    /// [`Reader::warn`] with the message `before` N `after`.
    fn warn_n(&mut self, path: &Path<'_>, code: WarningCode, before: &str, n: usize, after: &str) {
        self.warn(path, code, limit_message(before, n, after));
    }

    /// The warning for a list cut at its limit: `truncated: N more not shown`.
    fn warn_more(&mut self, path: &Path<'_>, n: usize) {
        self.warn_n(
            path,
            WarningCode::Limit,
            "truncated: ",
            n,
            " more not shown",
        );
    }

    /// Adds the warning that counts the warnings not kept, if any.
    fn finish_warnings(&mut self) {
        if self.more_warnings > 0 {
            self.warnings.push(Warning {
                path: String::new(),
                code: WarningCode::More,
                message: limit_message("and ", self.more_warnings, " more warnings"),
            });
            self.more_warnings = 0;
        }
    }

    /// `s` cut to `max` characters with `…` (in place) and a warning at `path`, if longer.
    fn fit(&mut self, s: &mut String, path: &Path<'_>, max: usize) {
        if let Some(cut) = cut_chars(s, max) {
            self.warn_n(
                path,
                WarningCode::Truncated,
                "truncated to ",
                max,
                " characters",
            );
            *s = cut;
        }
    }

    /// A required plain-text value, cut at `maxTextChars`.
    fn text(&mut self, v: &Json, path: &Path<'_>) -> Result<String, Error> {
        let mut t = text(v, path)?;
        self.fit(&mut t, path, self.limits.max_text_chars);
        Ok(t)
    }

    /// Required plain-text member `key` of `obj`, cut at `maxTextChars`.
    fn req_text(&mut self, obj: &Json, key: &str, parent: &Path<'_>) -> Result<String, Error> {
        let v = required(obj, key, parent)?;
        self.text(v, &parent.key(key))
    }

    /// Optional image member `key` of `obj`: read when `keep` (the item it belongs to is
    /// kept), else only checked to be an object.
    fn opt_image(
        &mut self,
        obj: &Json,
        key: &str,
        parent: &Path<'_>,
        keep: bool,
        out: &mut Option<Image>,
    ) -> Result<(), Error> {
        let Some(v) = present(obj, key) else {
            return Ok(());
        };
        let path = parent.key(key);
        if keep {
            *out = self.image(v, &path)?;
            Ok(())
        } else {
            object(v, &path)
        }
    }

    /// An optional plain-text member, cut at `maxTextChars`.
    fn opt_text(
        &mut self,
        obj: &Json,
        key: &str,
        parent: &Path<'_>,
        out: &mut Option<String>,
    ) -> Result<(), Error> {
        if let Some(t) = opt_text(obj, key, parent)? {
            let t = out.insert(t);
            self.fit(t, &parent.key(key), self.limits.max_text_chars);
        }
        Ok(())
    }

    /// An optional URL member: absent, `null` or empty → `None`; refused → `None` and a
    /// warning; not a string → error.
    pub(crate) fn opt_url(
        &mut self,
        obj: &Json,
        key: &str,
        parent: &Path<'_>,
        context: UrlContext,
        out: &mut Option<SafeUrl>,
    ) -> Result<(), Error> {
        let Some(v) = present(obj, key) else {
            return Ok(());
        };
        let path = parent.key(key);
        let raw = str_of(v, &path)?;
        if raw.trim().is_empty() {
            return Ok(());
        }
        let url = check(raw, context);
        if url.is_none() {
            self.warn(&path, WarningCode::Url, DROPPED_URL.to_owned());
        }
        *out = url.and_then(|u| self.judge_media(u, context, &path));
        Ok(())
    }

    /// A `Media` URL judged by the media hosts being read with, if any (see
    /// [`Reader::media_url`]); other URLs as they are.
    fn judge_media(
        &mut self,
        url: SafeUrl,
        context: UrlContext,
        path: &Path<'_>,
    ) -> Option<SafeUrl> {
        match self.media {
            Some(media) if context == UrlContext::Media => self.media_url(url, media, path),
            _ => Some(url),
        }
    }

    /// `url` judged by `media` ([`MediaHosts::judge`]): kept, rewritten, or dropped with a
    /// warning at `path`.
    pub(crate) fn media_url(
        &mut self,
        url: SafeUrl,
        media: &MediaHosts,
        path: &Path<'_>,
    ) -> Option<SafeUrl> {
        let judged = media.judge(url);
        if judged.is_none() {
            self.warn(path, WarningCode::MediaHost, DROPPED_HOST.to_owned());
        }
        judged
    }

    /// An image judged by `media`: its URL rewritten, or the image dropped with a warning at
    /// `path.url`.
    fn media_image(
        &mut self,
        img: Option<Image>,
        media: &MediaHosts,
        path: &Path<'_>,
    ) -> Option<Image> {
        let mut img = img?;
        img.url = self.media_url(img.url, media, &path.key(key!(IMAGE_FIELDS, "url")))?;
        Some(img)
    }

    /// A required URL member of an item that is dropped whole when the URL is refused:
    /// `Ok(None)` after a warning at `item` naming `key`.
    fn item_url(
        &mut self,
        obj: &Json,
        key: &str,
        item: &Path<'_>,
        context: UrlContext,
        out: &mut Option<SafeUrl>,
    ) -> Result<(), Error> {
        let raw = str_of(required(obj, key, item)?, &item.key(key))?;
        let empty = raw.trim().is_empty();
        let url = if empty { None } else { check(raw, context) };
        if url.is_none() {
            let mut msg = String::from("dropped: ");
            msg.push_str(key);
            msg.push_str(if empty {
                " is empty"
            } else {
                " is not an allowed URL"
            });
            let code = if empty {
                WarningCode::Empty
            } else {
                WarningCode::Url
            };
            self.warn(item, code, msg);
        }
        *out = url.and_then(|u| self.judge_media(u, context, &item.key(key)));
        Ok(())
    }

    /// `{name, url?}`, or with `allow_string` also a plain string. An empty name drops it
    /// with a warning.
    fn named(
        &mut self,
        v: &Json,
        path: &Path<'_>,
        allow_string: bool,
        out: &mut Option<Named>,
    ) -> Result<(), Error> {
        let (name, url) = match v {
            Json::String(_) if allow_string => (self.text(v, path)?, None),
            Json::Object(_) => {
                let name = self.req_text(v, key!(NAMED_FIELDS, "name"), path)?;
                let mut url = None;
                self.opt_url(
                    v,
                    key!(NAMED_FIELDS, "url"),
                    path,
                    UrlContext::Link,
                    &mut url,
                )?;
                (name, url)
            }
            _ => {
                let expected = if allow_string {
                    "a string or an object"
                } else {
                    "an object"
                };
                return Err(type_error(path, expected, v));
            }
        };
        if name.is_empty() {
            self.warn(path, WarningCode::Empty, "dropped: empty name".to_owned());
        } else {
            *out = Some(Named { name, url });
        }
        Ok(())
    }

    fn opt_named(
        &mut self,
        obj: &Json,
        key: &str,
        parent: &Path<'_>,
        allow_string: bool,
        out: &mut Option<Named>,
    ) -> Result<(), Error> {
        if let Some(v) = present(obj, key) {
            self.named(v, &parent.key(key), allow_string, out)?;
        }
        Ok(())
    }

    fn named_list(
        &mut self,
        obj: &Json,
        key: &str,
        parent: &Path<'_>,
        allow_string: bool,
        max: usize,
        out: &mut Vec<Named>,
    ) -> Result<usize, Error> {
        let path = parent.key(key);
        let items = array(obj, key, parent)?;
        out.reserve_exact(items.len().min(max));
        for (i, v) in items.iter().enumerate() {
            if out.len() >= max {
                let more = items.len() - i;
                self.warn_more(&path, more);
                return Ok(more);
            }
            let mut named = None;
            self.named(v, &path.index(i), allow_string, &mut named)?;
            if let Some(named) = named {
                out.push(named);
            }
        }
        Ok(0)
    }

    /// An Image; dropped with a warning when its url is refused.
    pub(crate) fn image(&mut self, v: &Json, path: &Path<'_>) -> Result<Option<Image>, Error> {
        object(v, path)?;
        let mut url = None;
        self.item_url(
            v,
            key!(IMAGE_FIELDS, "url"),
            path,
            UrlContext::Media,
            &mut url,
        )?;
        let (mut width, mut height) = (None, None);
        opt_size(v, key!(IMAGE_FIELDS, "width"), path, &mut width)?;
        opt_size(v, key!(IMAGE_FIELDS, "height"), path, &mut height)?;
        let (mut alt, mut caption, mut credit) = (None, None, None);
        self.opt_text(v, key!(IMAGE_FIELDS, "alt"), path, &mut alt)?;
        self.opt_text(v, key!(IMAGE_FIELDS, "caption"), path, &mut caption)?;
        self.opt_text(v, key!(IMAGE_FIELDS, "credit"), path, &mut credit)?;
        Ok(url.map(|url| Image {
            url,
            width,
            height,
            alt,
            caption,
            credit,
        }))
    }

    fn lead_video(
        &mut self,
        v: &Json,
        path: &Path<'_>,
        out: &mut Option<LeadVideo>,
    ) -> Result<(), Error> {
        object(v, path)?;
        let mut src = None;
        self.item_url(
            v,
            key!(LEAD_VIDEO_FIELDS, "src"),
            path,
            UrlContext::Media,
            &mut src,
        )?;
        let mut poster = None;
        let keep = src.is_some();
        self.opt_image(
            v,
            key!(LEAD_VIDEO_FIELDS, "poster"),
            path,
            keep,
            &mut poster,
        )?;
        let mut duration_seconds = None;
        opt_duration(
            v,
            key!(LEAD_VIDEO_FIELDS, "durationSeconds"),
            path,
            &mut duration_seconds,
        )?;
        let mut title = None;
        self.opt_text(v, key!(LEAD_VIDEO_FIELDS, "title"), path, &mut title)?;
        *out = src.map(|src| LeadVideo {
            src,
            poster,
            duration_seconds,
            title,
        });
        Ok(())
    }

    /// The comments block into `out` (a default one), the comments past the limit counted
    /// in `more`.
    fn comments(
        &mut self,
        v: &Json,
        path: &Path<'_>,
        out: &mut Comments,
        more: &mut usize,
    ) -> Result<(), Error> {
        object(v, path)?;
        match present(v, key!(COMMENTS_FIELDS, "enabled")) {
            Some(Json::Bool(b)) => out.enabled = *b,
            Some(other) => {
                return Err(type_error(
                    &path.key(key!(COMMENTS_FIELDS, "enabled")),
                    "a boolean",
                    other,
                ))
            }
            None => {}
        }
        opt_count(v, key!(COMMENTS_FIELDS, "total"), path, &mut out.total)?;
        let items_path = path.key(key!(COMMENTS_FIELDS, "items"));
        let list = array(v, key!(COMMENTS_FIELDS, "items"), path)?;
        let max = self.limits.max_comments;
        out.items.reserve_exact(list.len().min(max));
        for (i, item) in list.iter().enumerate() {
            if out.items.len() >= max {
                *more = list.len() - i;
                self.warn_more(&items_path, list.len() - i);
                break;
            }
            self.comment(item, &items_path.index(i), &mut out.items)?;
        }
        Ok(())
    }

    /// A comment, pushed onto `out`.
    fn comment(&mut self, v: &Json, path: &Path<'_>, out: &mut Vec<Comment>) -> Result<(), Error> {
        object(v, path)?;
        let mut c = Comment {
            id: req_id(v, key!(COMMENT_FIELDS, "id"), path)?,
            author_name: String::new(),
            author_avatar: None,
            text: String::new(),
            published_at: Timestamp {
                unix_seconds: 0,
                offset_minutes: 0,
            },
            likes: None,
        };
        let author_path = path.key(key!(COMMENT_FIELDS, "author"));
        let author = required(v, key!(COMMENT_FIELDS, "author"), path)?;
        object(author, &author_path)?;
        c.author_name = self.req_text(author, key!(COMMENT_AUTHOR_FIELDS, "name"), &author_path)?;
        self.opt_url(
            author,
            key!(COMMENT_AUTHOR_FIELDS, "avatar"),
            &author_path,
            UrlContext::Media,
            &mut c.author_avatar,
        )?;
        c.text = self.req_text(v, key!(COMMENT_FIELDS, "text"), path)?;
        req_timestamp(
            v,
            key!(COMMENT_FIELDS, "publishedAt"),
            path,
            &mut c.published_at,
        )?;
        opt_count(v, key!(COMMENT_FIELDS, "likes"), path, &mut c.likes)?;
        out.push(c);
        Ok(())
    }

    /// A related video, pushed onto `out` unless it is dropped.
    fn related_video(
        &mut self,
        v: &Json,
        path: &Path<'_>,
        out: &mut Vec<RelatedVideo>,
    ) -> Result<(), Error> {
        object(v, path)?;
        let id = req_id(v, key!(RELATED_VIDEO_FIELDS, "id"), path)?;
        let mut url = None;
        self.item_url(
            v,
            key!(RELATED_VIDEO_FIELDS, "url"),
            path,
            UrlContext::Link,
            &mut url,
        )?;
        let title = self.req_text(v, key!(RELATED_VIDEO_FIELDS, "title"), path)?;
        // Read the cover only for a kept video, so that a dropped video gives one warning;
        // its type is still checked.
        let mut cover = None;
        let keep = url.is_some();
        self.opt_image(
            v,
            key!(RELATED_VIDEO_FIELDS, "cover"),
            path,
            keep,
            &mut cover,
        )?;
        let mut duration_seconds = None;
        opt_duration(
            v,
            key!(RELATED_VIDEO_FIELDS, "durationSeconds"),
            path,
            &mut duration_seconds,
        )?;
        let mut channel = None;
        self.opt_text(v, key!(RELATED_VIDEO_FIELDS, "channel"), path, &mut channel)?;
        let mut published_at = None;
        opt_timestamp(
            v,
            key!(RELATED_VIDEO_FIELDS, "publishedAt"),
            path,
            &mut published_at,
        )?;
        if let Some(url) = url {
            out.push(RelatedVideo {
                id,
                url,
                title,
                cover,
                duration_seconds,
                channel,
                published_at,
            });
        }
        Ok(())
    }
}

fn opt_count(obj: &Json, key: &str, parent: &Path<'_>, out: &mut Option<u64>) -> Result<(), Error> {
    if let Some(v) = present(obj, key) {
        *out = Some(count(v, &parent.key(key))?);
    }
    Ok(())
}

/// A number ≥ 0 rounded to the nearest whole (halves up), clamped to `u32::MAX`.
fn rounded_u32(v: &Json, path: &Path<'_>) -> Result<u32, Error> {
    let n = non_negative(v, path)?;
    Ok((n + 0.5).floor() as u32)
}

fn opt_duration(
    obj: &Json,
    key: &str,
    parent: &Path<'_>,
    out: &mut Option<u32>,
) -> Result<(), Error> {
    if let Some(v) = present(obj, key) {
        *out = Some(rounded_u32(v, &parent.key(key))?);
    }
    Ok(())
}

/// An image size; 0 means unknown.
fn opt_size(obj: &Json, key: &str, parent: &Path<'_>, out: &mut Option<u32>) -> Result<(), Error> {
    opt_duration(obj, key, parent, out)?;
    if *out == Some(0) {
        *out = None;
    }
    Ok(())
}

/// The largest integer an `f64` (and a JavaScript number) holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// An id: a non-empty string, or a whole number within ±2^53 written in decimal.
pub(crate) fn id(v: &Json, path: &Path<'_>) -> Result<String, Error> {
    let id = match v {
        Json::String(s) => clean(s, true),
        Json::Number(n) if n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER => {
            let mut s = String::new();
            crate::text::push_i64(&mut s, *n as i64);
            s
        }
        Json::Number(_) => {
            return Err(path.error(
                "expected a string or a whole number, got a number that is not a safe integer",
            ))
        }
        _ => return Err(type_error(path, "a string or a whole number", v)),
    };
    if id.is_empty() {
        return Err(path.error("must not be empty"));
    }
    Ok(id)
}

/// Required id member `key` of `obj` (see [`id`]).
fn req_id(obj: &Json, key: &str, parent: &Path<'_>) -> Result<String, Error> {
    let v = required(obj, key, parent)?;
    id(v, &parent.key(key))
}

/// Required date-time member `key` of `obj` (see [`timestamp`]).
fn req_timestamp(
    obj: &Json,
    key: &str,
    parent: &Path<'_>,
    out: &mut Timestamp,
) -> Result<(), Error> {
    let v = required(obj, key, parent)?;
    *out = timestamp(v, &parent.key(key))?;
    Ok(())
}

const DATE_EXPECTED: &str =
    "expected an RFC 3339 date-time with offset, like 2025-07-27T21:56:43+08:00";

pub(crate) fn timestamp(v: &Json, path: &Path<'_>) -> Result<Timestamp, Error> {
    match v {
        Json::String(s) => Timestamp::parse_rfc3339(s).ok_or_else(|| path.error(DATE_EXPECTED)),
        _ => Err(type_error(path, "an RFC 3339 date-time string", v)),
    }
}

fn opt_timestamp(
    obj: &Json,
    key: &str,
    parent: &Path<'_>,
    out: &mut Option<Timestamp>,
) -> Result<(), Error> {
    if let Some(v) = present(obj, key) {
        *out = Some(timestamp(v, &parent.key(key))?);
    }
    Ok(())
}

fn schema_version(v: Option<&Json>, path: &Path<'_>) -> Result<(), Error> {
    let n = match v {
        None | Some(Json::Null) => return Ok(()),
        Some(Json::Number(n)) if n.is_finite() && n.fract() == 0.0 => *n,
        Some(Json::Number(_)) => return Err(path.error("expected an integer, got a fraction")),
        Some(other) => return Err(type_error(path, "an integer", other)),
    };
    if n == f64::from(SCHEMA_VERSION) {
        return Ok(());
    }
    let mut msg = String::from("version ");
    crate::text::push_i64(&mut msg, n as i64);
    if n > f64::from(SCHEMA_VERSION) {
        msg.push_str(" is newer than this newsview reads (");
        crate::text::push_u64(&mut msg, u64::from(SCHEMA_VERSION));
        msg.push_str("); upgrade newsview");
    } else {
        msg.push_str(" is not a schema version (the first is 1)");
    }
    Err(path.error(msg).with_code(ErrorCode::SchemaVersion))
}

fn stats(v: &Json, path: &Path<'_>, stats: &mut Stats) -> Result<(), Error> {
    object(v, path)?;
    opt_count(v, key!(STATS_FIELDS, "likes"), path, &mut stats.likes)?;
    opt_count(
        v,
        key!(STATS_FIELDS, "favorites"),
        path,
        &mut stats.favorites,
    )?;
    opt_count(v, key!(STATS_FIELDS, "comments"), path, &mut stats.comments)?;
    opt_count(v, key!(STATS_FIELDS, "views"), path, &mut stats.views)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, JsonLimits};

    const MIN: &str = r#""id": "a1", "title": "Title", "publishedAt": "2025-07-27T21:56:43+08:00""#;

    /// An article made of the minimal fields plus `extra` members.
    fn doc(extra: &str) -> String {
        if extra.is_empty() {
            ["{", MIN, "}"].concat()
        } else {
            ["{", MIN, ",", extra, "}"].concat()
        }
    }

    fn read(extra: &str) -> Parsed {
        Article::from_json_str(&doc(extra)).unwrap_or_else(|e| panic!("{extra}: {e}"))
    }

    fn fail(extra: &str) -> String {
        match Article::from_json_str(&doc(extra)) {
            Ok(p) => panic!("{extra} was accepted: {p:?}"),
            Err(e) => e.to_message(),
        }
    }

    fn fail_doc(json: &str) -> String {
        match Article::from_json_str(json) {
            Ok(p) => panic!("{json} was accepted: {p:?}"),
            Err(e) => e.to_message(),
        }
    }

    fn warnings(p: &Parsed) -> Vec<String> {
        p.warnings
            .iter()
            .map(|w| [w.path.as_str(), ": ", w.message.as_str()].concat())
            .collect()
    }

    #[test]
    fn warnings_carry_the_kind_of_change_as_a_code() {
        use crate::error::WarningCode as C;
        let limits = Limits {
            max_keywords: 1,
            max_text_chars: 3,
            max_body_bytes: 2,
            ..Limits::default()
        };
        let json = doc(concat!(
            r#""url": "javascript:x", "keywords": ["", "b", "c"], "summary": "long","#,
            r#""cover": {"url": " "}, "bodyHtml": "<p>x</p>""#
        ));
        let p = Article::from_json_str_with_limits(&json, &limits).unwrap();
        let got: Vec<(&str, C)> = p
            .warnings
            .iter()
            .map(|w| (w.path.as_str(), w.code))
            .collect();
        assert_eq!(
            got,
            [
                ("url", C::Url),
                ("summary", C::Truncated),
                ("cover", C::Empty),
                ("bodyHtml", C::Truncated),
                ("keywords[0]", C::Empty),
                ("keywords", C::Limit),
            ]
        );
        let empties = vec![r#""""#; MAX_WARNINGS + 2].join(",");
        let p =
            Article::from_json_str(&doc(&[r#""keywords": ["#, &empties, "]"].concat())).unwrap();
        assert_eq!(p.warnings.len(), MAX_WARNINGS + 1);
        let last = p.warnings.last().unwrap();
        assert_eq!((last.path.as_str(), last.code), ("", C::More));
        assert_eq!(last.code.as_str(), "more");
    }

    // ---- The document and required fields ----

    #[test]
    fn minimal_article_and_defaults() {
        let p = read("");
        let a = &p.article;
        assert_eq!(a.id, "a1");
        assert_eq!(a.title, "Title");
        assert_eq!(a.published_at.unix_seconds, 1_753_624_603);
        assert_eq!(a.published_at.offset_minutes, 480);
        assert_eq!(a.url, None);
        assert_eq!(a.summary, None);
        assert_eq!(a.channel, None);
        assert_eq!(a.source, None);
        assert!(a.authors.is_empty() && a.keywords.is_empty() && a.related_videos.is_empty());
        assert_eq!(a.stats, Stats::default());
        assert_eq!(a.comments, Comments::default());
        assert!(a.comments.enabled);
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn document_must_be_an_object() {
        assert_eq!(fail_doc("[]"), "expected an object, got an array");
        assert_eq!(fail_doc("null"), "expected an object, got null");
    }

    #[test]
    fn json_syntax_errors_name_the_field() {
        let e = fail_doc(r#"{"id": "a", "bodyHtml": "<p>"#);
        assert!(
            e.starts_with("bodyHtml: unterminated string at line 1"),
            "{e}"
        );
    }

    #[test]
    fn schema_version_one_or_absent() {
        assert_eq!(read(r#""schemaVersion": 1"#).article.id, "a1");
        assert_eq!(read(r#""schemaVersion": null"#).article.id, "a1");
    }

    #[test]
    fn schema_version_newer_is_refused() {
        assert_eq!(
            fail(r#""schemaVersion": 2"#),
            "schemaVersion: version 2 is newer than this newsview reads (1); upgrade newsview"
        );
    }

    #[test]
    fn error_codes_tell_json_schema_version_and_invalid_apart() {
        let code = |json: &str| Article::from_json_str(json).unwrap_err().code();
        assert_eq!(
            code(&doc(r#""schemaVersion": 2"#)),
            ErrorCode::SchemaVersion
        );
        assert_eq!(
            code(&doc(r#""schemaVersion": 0"#)),
            ErrorCode::SchemaVersion
        );
        assert_eq!(code(&doc(r#""schemaVersion": "1""#)), ErrorCode::Invalid);
        assert_eq!(code(&doc(r#""title": 5"#)), ErrorCode::Invalid);
        assert_eq!(code(r#"{"id": "a", "bodyHtml": "<p>"#), ErrorCode::Json);
        let e = Article::from_json_str(&doc(r#""relatedVideos": [{"id": "v", "url": "https://a.example/", "title": "t", "durationSeconds": -1}]"#)).unwrap_err();
        assert_eq!(e.path(), "relatedVideos[0].durationSeconds");
        assert_eq!(e.code().as_str(), "invalid");
    }

    #[test]
    fn schema_version_is_checked_before_other_fields() {
        assert_eq!(
            fail_doc(r#"{"schemaVersion": 3, "title": 5}"#),
            "schemaVersion: version 3 is newer than this newsview reads (1); upgrade newsview"
        );
    }

    #[test]
    fn schema_version_must_be_an_integer() {
        assert_eq!(
            fail(r#""schemaVersion": 1.5"#),
            "schemaVersion: expected an integer, got a fraction"
        );
        assert_eq!(
            fail(r#""schemaVersion": "1""#),
            "schemaVersion: expected an integer, got a string"
        );
        assert_eq!(
            fail(r#""schemaVersion": 0"#),
            "schemaVersion: version 0 is not a schema version (the first is 1)"
        );
    }

    #[test]
    fn id_is_required() {
        assert_eq!(
            fail_doc(r#"{"title": "T", "publishedAt": "2025-07-27T21:56:43+08:00"}"#),
            "id: required field is missing"
        );
    }

    #[test]
    fn id_may_be_a_whole_number() {
        let p = Article::from_json_str(
            r#"{"id": 12345, "title": "T", "publishedAt": "2025-07-27T21:56:43Z"}"#,
        );
        assert_eq!(p.map(|p| p.article.id), Ok("12345".to_owned()));
        let p = Article::from_json_str(
            r#"{"id": -7, "title": "T", "publishedAt": "2025-07-27T21:56:43Z"}"#,
        );
        assert_eq!(p.map(|p| p.article.id), Ok("-7".to_owned()));
        let p = Article::from_json_str(
            r#"{"id": 9007199254740991, "title": "T", "publishedAt": "2025-07-27T21:56:43Z"}"#,
        );
        assert_eq!(p.map(|p| p.article.id), Ok("9007199254740991".to_owned()));
    }

    #[test]
    fn id_wrong_forms() {
        let with_id = |id: &str| {
            fail_doc(
                &[
                    r#"{"title": "T", "publishedAt": "2025-07-27T21:56:43Z", "id": "#,
                    id,
                    "}",
                ]
                .concat(),
            )
        };
        assert_eq!(
            with_id("1.5"),
            "id: expected a string or a whole number, got a number that is not a safe integer"
        );
        assert_eq!(
            with_id("1e300"),
            "id: expected a string or a whole number, got a number that is not a safe integer"
        );
        assert_eq!(
            with_id("true"),
            "id: expected a string or a whole number, got a boolean"
        );
        assert_eq!(with_id("\"  \""), "id: must not be empty");
        assert_eq!(
            with_id("null"),
            "id: expected a string or a whole number, got null"
        );
    }

    #[test]
    fn title_is_required_and_not_blank() {
        assert_eq!(
            fail_doc(r#"{"id": "a", "publishedAt": "2025-07-27T21:56:43Z"}"#),
            "title: required field is missing"
        );
        assert_eq!(
            fail_doc(r#"{"id": "a", "title": " \n ", "publishedAt": "2025-07-27T21:56:43Z"}"#),
            "title: must not be empty"
        );
        assert_eq!(
            fail_doc(r#"{"id": "a", "title": null, "publishedAt": "2025-07-27T21:56:43Z"}"#),
            "title: expected a string, got null"
        );
    }

    #[test]
    fn title_is_trimmed() {
        let p = Article::from_json_str(
            r#"{"id": "a", "title": "  标题 ", "publishedAt": "2025-07-27T21:56:43Z"}"#,
        );
        assert_eq!(p.map(|p| p.article.title), Ok("标题".to_owned()));
    }

    #[test]
    fn published_at_is_required_and_strict() {
        assert_eq!(
            fail_doc(r#"{"id": "a", "title": "T"}"#),
            "publishedAt: required field is missing"
        );
        assert_eq!(
            fail_doc(r#"{"id": "a", "title": "T", "publishedAt": "2025-07-27 21:56:43"}"#),
            "publishedAt: expected an RFC 3339 date-time with offset, like 2025-07-27T21:56:43+08:00"
        );
        assert_eq!(
            fail_doc(r#"{"id": "a", "title": "T", "publishedAt": 1753624603}"#),
            "publishedAt: expected an RFC 3339 date-time string, got a number"
        );
    }

    #[test]
    fn far_future_dates_are_refused() {
        assert!(fail(r#""updatedAt": "10000-01-01T00:00:00Z""#)
            .starts_with("updatedAt: expected an RFC 3339"));
        assert!(fail(r#""updatedAt": "2025-02-30T00:00:00Z""#)
            .starts_with("updatedAt: expected an RFC 3339"));
    }

    #[test]
    fn updated_at_is_optional() {
        let p = read(r#""updatedAt": "2025-07-28T00:00:00Z""#);
        assert_eq!(
            p.article.updated_at.map(|t| t.unix_seconds),
            Some(1_753_660_800)
        );
    }

    // ---- Leniency ----

    #[test]
    fn unknown_fields_are_ignored() {
        let p = read(
            r#""_seedDisplayedTime": "x", "extra": {"deep": [1, 2]}, "__proto__": {"title": 1}, "constructor": 5"#,
        );
        assert_eq!(p.article.title, "Title");
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn null_optional_fields_are_absent() {
        let p = read(
            r#""url": null, "summary": null, "channel": null, "source": null, "authors": null, "editor": null, "cover": null, "leadVideo": null, "bodyHtml": null, "keywords": null, "stats": null, "comments": null, "relatedVideos": null, "updatedAt": null"#,
        );
        let a = &p.article;
        assert_eq!(
            (a.url.is_none(), a.summary.is_none(), a.channel.is_none()),
            (true, true, true)
        );
        assert_eq!(
            (
                a.cover.is_none(),
                a.lead_video.is_none(),
                a.body_html.is_none()
            ),
            (true, true, true)
        );
        assert!(a.comments.enabled);
    }

    #[test]
    fn empty_optional_text_is_absent() {
        let p = read(r#""summary": "  ", "editor": """#);
        assert_eq!(p.article.summary, None);
        assert_eq!(p.article.editor, None);
        let p = read(r#""summary": " 摘要 ", "editor": "施荔""#);
        assert_eq!(p.article.summary.as_deref(), Some("摘要"));
        assert_eq!(p.article.editor.as_deref(), Some("施荔"));
    }

    #[test]
    fn nul_is_stripped() {
        let p = read(r#""summary": "a\u0000b", "bodyHtml": " <p>x\u0000y</p> ""#);
        assert_eq!(p.article.summary.as_deref(), Some("ab"));
        assert_eq!(p.article.body_html.as_deref(), Some(" <p>xy</p> "));
    }

    #[test]
    fn bidi_and_zero_width_characters_are_kept() {
        let p = read(r#""summary": "a\u202eb\u200bc""#);
        assert_eq!(p.article.summary.as_deref(), Some("a\u{202e}b\u{200b}c"));
    }

    #[test]
    fn lone_surrogates_arrive_as_replacement_characters() {
        let p = read(r#""summary": "x\ud800y""#);
        assert_eq!(p.article.summary.as_deref(), Some("x\u{fffd}y"));
    }

    #[test]
    fn html_in_text_fields_stays_text() {
        let p = read(r#""editor": "<img src=x onerror=alert(1)>""#);
        assert_eq!(
            p.article.editor.as_deref(),
            Some("<img src=x onerror=alert(1)>")
        );
    }

    // ---- Types ----

    #[test]
    fn wrong_types_name_the_field() {
        for (extra, want) in [
            (
                r#""summary": 5"#,
                "summary: expected a string, got a number",
            ),
            (r#""url": {}"#, "url: expected a string, got an object"),
            (
                r#""channel": "时讯""#,
                "channel: expected an object, got a string",
            ),
            (
                r#""source": 1"#,
                "source: expected a string or an object, got a number",
            ),
            (
                r#""authors": {}"#,
                "authors: expected an array, got an object",
            ),
            (
                r#""authors": ["A"]"#,
                "authors[0]: expected an object, got a string",
            ),
            (
                r#""keywords": [true]"#,
                "keywords[0]: expected a string or an object, got a boolean",
            ),
            (
                r#""keywords": [{"url": "/k"}]"#,
                "keywords[0].name: required field is missing",
            ),
            (
                r#""cover": "x.jpg""#,
                "cover: expected an object, got a string",
            ),
            (r#""cover": {}"#, "cover.url: required field is missing"),
            (
                r#""leadVideo": []"#,
                "leadVideo: expected an object, got an array",
            ),
            (
                r#""bodyHtml": ["<p>"]"#,
                "bodyHtml: expected a string, got an array",
            ),
            (r#""stats": 0"#, "stats: expected an object, got a number"),
            (
                r#""stats": {"likes": "12"}"#,
                "stats.likes: expected a number, got a string",
            ),
            (
                r#""comments": []"#,
                "comments: expected an object, got an array",
            ),
            (
                r#""comments": {"enabled": "no"}"#,
                "comments.enabled: expected a boolean, got a string",
            ),
            (
                r#""comments": {"items": [{"id": "c", "text": "t", "publishedAt": "2025-07-27T21:56:43Z"}]}"#,
                "comments.items[0].author: required field is missing",
            ),
            (
                r#""relatedVideos": {}"#,
                "relatedVideos: expected an array, got an object",
            ),
            (
                r#""relatedVideos": [{"id": "v", "title": "t"}]"#,
                "relatedVideos[0].url: required field is missing",
            ),
        ] {
            assert_eq!(fail(extra), want, "{extra}");
        }
    }

    #[test]
    fn related_video_field_errors_name_the_index() {
        let item = r#"{"id": "v", "url": "https://e.com/v", "title": "t"}"#;
        let bad = r#"{"id": "v", "url": "https://e.com/v", "title": "t", "durationSeconds": "66"}"#;
        let extra = [
            r#""relatedVideos": ["#,
            item,
            ",",
            item,
            ",",
            item,
            ",",
            bad,
            "]",
        ]
        .concat();
        assert_eq!(
            fail(&extra),
            "relatedVideos[3].durationSeconds: expected a number, got a string"
        );
    }

    // ---- Numbers ----

    #[test]
    fn counts_are_whole_non_negative_numbers() {
        let p = read(r#""stats": {"likes": 12, "favorites": 0, "comments": 3, "views": 1e6}"#);
        assert_eq!(
            p.article.stats,
            Stats {
                likes: Some(12),
                favorites: Some(0),
                comments: Some(3),
                views: Some(1_000_000)
            }
        );
        assert_eq!(
            fail(r#""stats": {"likes": 1.5}"#),
            "stats.likes: expected a whole number, got a fraction"
        );
        assert_eq!(
            fail(r#""stats": {"views": -1}"#),
            "stats.views: expected a number >= 0, got a negative number"
        );
        assert_eq!(
            fail(r#""comments": {"total": 2.5}"#),
            "comments.total: expected a whole number, got a fraction"
        );
    }

    #[test]
    fn huge_counts_are_clamped() {
        let p = read(r#""stats": {"likes": 1e30}"#);
        assert_eq!(p.article.stats.likes, Some(u64::MAX));
    }

    #[test]
    fn non_finite_numbers_are_refused() {
        assert_eq!(
            fail(r#""stats": {"likes": 1e400}"#),
            "stats.likes: expected a finite number"
        );
        let text = doc("");
        let mut d = parse(&text, &JsonLimits::default()).unwrap();
        if let Json::Object(m) = &mut d {
            m.push((
                "stats".into(),
                Json::Object(vec![("likes".into(), Json::Number(f64::NAN))]),
            ));
        }
        assert_eq!(
            Article::from_json(&d).unwrap_err().to_message(),
            "stats.likes: expected a finite number"
        );
    }

    #[test]
    fn durations_are_rounded_and_clamped() {
        let lead = |d: &str| {
            let extra = [
                r#""leadVideo": {"src": "https://v.example/a.mp4", "durationSeconds": "#,
                d,
                "}",
            ]
            .concat();
            fail_or_duration(&extra)
        };
        assert_eq!(lead("95"), Ok(Some(95)));
        assert_eq!(lead("65.5"), Ok(Some(66)));
        assert_eq!(lead("65.49"), Ok(Some(65)));
        assert_eq!(lead("0.2"), Ok(Some(0)));
        assert_eq!(lead("1e12"), Ok(Some(u32::MAX)));
        assert_eq!(
            lead("-3"),
            Err("leadVideo.durationSeconds: expected a number >= 0, got a negative number".into())
        );
    }

    /// The lead video's duration, read without depending on the URL policy: the duration is
    /// validated even when the src is refused, so a wrong value is an error either way.
    fn fail_or_duration(extra: &str) -> Result<Option<u32>, String> {
        match Article::from_json_str(&doc(extra)) {
            Err(e) => Err(e.to_message()),
            Ok(p) => Ok(match p.article.lead_video {
                Some(v) => v.duration_seconds,
                // The URL policy refused the src (stub): read the number directly.
                None => {
                    let text = doc(extra);
                    let d = parse(&text, &JsonLimits::default()).unwrap();
                    let root = Path::Root("");
                    let lv = root.key("leadVideo");
                    let mut out = None;
                    opt_duration(
                        d.get("leadVideo").unwrap(),
                        "durationSeconds",
                        &lv,
                        &mut out,
                    )
                    .unwrap();
                    out
                }
            }),
        }
    }

    #[test]
    fn image_sizes_are_rounded_and_zero_is_unknown() {
        let d = parse(r#"{"width": 640.4, "height": 0}"#, &JsonLimits::default()).unwrap();
        let root = Path::Root("");
        let size = |key: &str| {
            let mut out = Some(1);
            opt_size(&d, key, &root, &mut out).map(|()| out)
        };
        assert_eq!(size("width"), Ok(Some(640)));
        assert_eq!(size("height"), Ok(None));
        // An absent member leaves the destination as it was.
        assert_eq!(size("alt"), Ok(Some(1)));
        assert_eq!(
            fail(r#""cover": {"url": "https://img.example/a.jpg", "width": "640"}"#),
            "cover.width: expected a number, got a string"
        );
    }

    // ---- Names ----

    #[test]
    fn source_may_be_a_string() {
        let p = read(r#""source": " 看看新闻Knews ""#);
        assert_eq!(
            p.article.source,
            Some(Named {
                name: "看看新闻Knews".into(),
                url: None
            })
        );
    }

    #[test]
    fn keywords_may_be_strings_or_objects() {
        let p = read(r#""keywords": ["上海", {"name": "科技"}]"#);
        let names: Vec<&str> = p.article.keywords.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["上海", "科技"]);
    }

    #[test]
    fn empty_names_are_dropped_with_a_warning() {
        let p = read(
            r#""keywords": ["", "a", {"name": " "}], "channel": {"name": ""}, "authors": [{"name": "X"}]"#,
        );
        let names: Vec<&str> = p.article.keywords.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["a"]);
        assert_eq!(p.article.channel, None);
        assert_eq!(
            p.article.authors,
            [Named {
                name: "X".into(),
                url: None
            }]
        );
        assert_eq!(
            warnings(&p),
            [
                "channel: dropped: empty name",
                "keywords[0]: dropped: empty name",
                "keywords[2]: dropped: empty name"
            ]
        );
    }

    // ---- Comments ----

    #[test]
    fn comments_enabled_defaults_to_true() {
        assert!(read(r#""comments": {}"#).article.comments.enabled);
        assert!(
            !read(r#""comments": {"enabled": false}"#)
                .article
                .comments
                .enabled
        );
    }

    #[test]
    fn comment_items() {
        let p = read(
            r#""comments": {"total": 1, "items": [{"id": 7, "author": {"name": "读者"}, "text": " 好 ", "publishedAt": "2026-03-16T09:00:00+08:00", "likes": 2}]}"#,
        );
        let c = &p.article.comments;
        assert_eq!(c.total, Some(1));
        assert_eq!(c.items.len(), 1);
        let item = &c.items[0];
        assert_eq!(
            (
                item.id.as_str(),
                item.author_name.as_str(),
                item.text.as_str()
            ),
            ("7", "读者", "好")
        );
        assert_eq!(item.likes, Some(2));
        assert_eq!(item.author_avatar, None);
        assert_eq!(item.published_at.to_rfc3339(), "2026-03-16T09:00:00+08:00");
    }

    #[test]
    fn comment_errors_name_the_item() {
        assert_eq!(
            fail(
                r#""comments": {"items": [{"id": "c", "author": {"name": "a"}, "text": 5, "publishedAt": "2025-07-27T21:56:43Z"}]}"#
            ),
            "comments.items[0].text: expected a string, got a number"
        );
        assert_eq!(
            fail(
                r#""comments": {"items": [{"id": "c", "author": {}, "text": "t", "publishedAt": "2025-07-27T21:56:43Z"}]}"#
            ),
            "comments.items[0].author.name: required field is missing"
        );
    }

    // ---- URLs: these need the real URL policy (crate::url::check) ----

    #[test]
    fn canonical_url_is_absolute_http() {
        let p = read(r#""url": "https://www.kankanews.com/detail/a1""#);
        assert_eq!(
            p.article.url.as_ref().map(SafeUrl::as_str),
            Some("https://www.kankanews.com/detail/a1")
        );
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn unsafe_or_relative_canonical_url_is_dropped_with_a_warning() {
        for url in [
            "javascript:alert(1)",
            "/detail/a1",
            "data:text/html,x",
            "mailto:a@b.c",
        ] {
            let extra = [r#""url": ""#, url, "\""].concat();
            let p = read(&extra);
            assert_eq!(p.article.url, None, "{url}");
            assert_eq!(warnings(&p), ["url: dropped: not an allowed URL"], "{url}");
        }
    }

    #[test]
    fn empty_optional_url_is_absent_without_warning() {
        let p = read(r#""url": " ", "channel": {"name": "时讯", "url": ""}"#);
        assert_eq!(p.article.url, None);
        assert_eq!(p.article.channel.and_then(|c| c.url), None);
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn link_urls_keep_their_name_when_refused() {
        let p = read(
            r#""channel": {"name": "时讯", "url": "javascript:alert(1)"}, "keywords": [{"name": "k", "url": "vbscript:x"}], "authors": [{"name": "A", "url": "https://e.com/a"}], "source": {"name": "S", "url": "/about"}"#,
        );
        let a = &p.article;
        assert_eq!(
            a.channel,
            Some(Named {
                name: "时讯".into(),
                url: None
            })
        );
        assert_eq!(
            a.keywords
                .first()
                .map(|k| (k.name.as_str(), k.url.is_none())),
            Some(("k", true))
        );
        assert_eq!(
            a.authors
                .first()
                .and_then(|n| n.url.as_ref())
                .map(SafeUrl::as_str),
            Some("https://e.com/a")
        );
        assert_eq!(
            a.source
                .as_ref()
                .and_then(|n| n.url.as_ref())
                .map(SafeUrl::as_str),
            Some("/about")
        );
        assert_eq!(
            warnings(&p),
            [
                "channel.url: dropped: not an allowed URL",
                "keywords[0].url: dropped: not an allowed URL"
            ]
        );
    }

    #[test]
    fn related_video_with_refused_url_is_dropped_whole() {
        let p = read(
            r#""relatedVideos": [
            {"id": "v1", "url": "https://e.com/v1", "title": "one", "cover": {"url": "https://img.e.com/1.jpg", "width": 640, "height": 360}},
            {"id": "v2", "url": "javascript:alert(1)", "title": "two", "cover": {"url": "javascript:x"}},
            {"id": "v3", "url": "/detail/v3", "title": "three", "durationSeconds": 66, "channel": "时讯", "publishedAt": "2026-03-15T14:00:00+08:00"}
        ]"#,
        );
        let ids: Vec<&str> = p
            .article
            .related_videos
            .iter()
            .map(|v| v.id.as_str())
            .collect();
        assert_eq!(ids, ["v1", "v3"]);
        assert_eq!(
            warnings(&p),
            ["relatedVideos[1]: dropped: url is not an allowed URL"]
        );
        let v1 = &p.article.related_videos[0];
        assert_eq!(
            v1.cover.as_ref().map(|c| (c.width, c.height)),
            Some((Some(640), Some(360)))
        );
        let v3 = &p.article.related_videos[1];
        assert_eq!(
            (v3.duration_seconds, v3.channel.as_deref()),
            (Some(66), Some("时讯"))
        );
    }

    #[test]
    fn image_with_refused_url_is_dropped() {
        let p = read(r#""cover": {"url": "javascript:alert(1)", "alt": "x"}"#);
        assert_eq!(p.article.cover, None);
        assert_eq!(warnings(&p), ["cover: dropped: url is not an allowed URL"]);
        let p = read(r#""cover": {"url": "mailto:a@b.c"}"#);
        assert_eq!(p.article.cover, None);
    }

    #[test]
    fn image_with_allowed_url_is_kept() {
        let p = read(
            r#""cover": {"url": "https://img.e.com/c.jpg", "width": 1280, "height": 720, "alt": "会议", "caption": "c", "credit": "cr"}"#,
        );
        let c = p.article.cover.expect("cover kept");
        assert_eq!(c.url.as_str(), "https://img.e.com/c.jpg");
        assert_eq!((c.width, c.height), (Some(1280), Some(720)));
        assert_eq!(
            (c.alt.as_deref(), c.caption.as_deref(), c.credit.as_deref()),
            (Some("会议"), Some("c"), Some("cr"))
        );
    }

    #[test]
    fn lead_video_with_refused_src_is_dropped() {
        let p = read(
            r#""leadVideo": {"src": "javascript:alert(1)", "poster": {"url": "https://img.e.com/p.jpg"}}"#,
        );
        assert_eq!(p.article.lead_video, None);
        assert_eq!(
            warnings(&p),
            ["leadVideo: dropped: src is not an allowed URL"]
        );
    }

    #[test]
    fn lead_video_with_allowed_src_keeps_its_poster() {
        let p = read(
            r#""leadVideo": {"src": "https://v.e.com/a.mp4", "poster": {"url": "https://img.e.com/p.jpg", "width": 1280, "height": 720}, "durationSeconds": 95, "title": "t"}"#,
        );
        let v = p.article.lead_video.expect("lead video kept");
        assert_eq!(v.src.as_str(), "https://v.e.com/a.mp4");
        assert_eq!(
            v.poster.map(|i| i.url.as_str().to_owned()).as_deref(),
            Some("https://img.e.com/p.jpg")
        );
        assert_eq!(v.duration_seconds, Some(95));
    }

    #[test]
    fn refused_avatar_is_dropped_with_a_warning() {
        let p = read(
            r#""comments": {"items": [
            {"id": "c1", "author": {"name": "a", "avatar": "javascript:alert(1)"}, "text": "t", "publishedAt": "2025-07-27T21:56:43Z"},
            {"id": "c2", "author": {"name": "b", "avatar": "https://img.e.com/b.png"}, "text": "t", "publishedAt": "2025-07-27T21:56:43Z"}
        ]}"#,
        );
        let items = &p.article.comments.items;
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].author_avatar, None);
        assert_eq!(
            items[1].author_avatar.as_ref().map(SafeUrl::as_str),
            Some("https://img.e.com/b.png")
        );
        assert_eq!(
            warnings(&p),
            ["comments.items[0].author.avatar: dropped: not an allowed URL"]
        );
    }

    #[test]
    fn empty_required_url_drops_the_item() {
        let p = read(
            r#""relatedVideos": [{"id": "v", "url": " ", "title": "t"}], "cover": {"url": ""}, "leadVideo": {"src": ""}"#,
        );
        assert!(p.article.related_videos.is_empty());
        assert_eq!(p.article.cover, None);
        assert_eq!(p.article.lead_video, None);
        assert_eq!(
            warnings(&p),
            [
                "cover: dropped: url is empty",
                "leadVideo: dropped: src is empty",
                "relatedVideos[0]: dropped: url is empty"
            ]
        );
    }

    // ---- Size ----

    #[test]
    fn large_documents_read_in_linear_time() {
        let kw = r#""k","#.repeat(100_000);
        let rv = r#"{"id": "v", "url": "javascript:x", "title": "t"},"#.repeat(10_000);
        let title = "标".repeat(350_000);
        let json = [
            r#"{"id": "a", "publishedAt": "2025-07-27T21:56:43Z", "title": ""#,
            &title,
            r#"", "keywords": ["#,
            &kw,
            r#""k"], "relatedVideos": ["#,
            &rv,
            r#"{"id": "v", "url": "javascript:x", "title": "t"}]}"#,
        ]
        .concat();
        let unlimited = Limits {
            max_title_chars: usize::MAX,
            max_text_chars: usize::MAX,
            max_keywords: usize::MAX,
            max_related_videos: usize::MAX,
            max_comments: usize::MAX,
            max_body_bytes: usize::MAX,
        };
        let p = Article::from_json_str_with_limits(&json, &unlimited).unwrap();
        assert_eq!(p.article.keywords.len(), 100_001);
        assert_eq!(p.article.title.len(), title.len());
        assert_eq!(p.article.related_videos.len(), 0);
        // 10 001 dropped videos: the first MAX_WARNINGS, then one that counts the rest.
        assert_eq!(p.warnings.len(), MAX_WARNINGS + 1);
        assert_eq!(
            p.warnings.last().map(|w| w.message.as_str()),
            Some("and 9901 more warnings")
        );

        // The same document with the default limits: cut, marked and reported.
        let p = Article::from_json_str(&json).unwrap();
        assert_eq!(p.article.keywords.len(), 50);
        assert_eq!(p.article.truncated.keywords, 100_001 - 50);
        assert_eq!(p.article.title.chars().count(), 501);
        assert!(p.article.title.ends_with('…'));
        assert_eq!(
            warnings(&p)[..2],
            [
                "title: truncated to 500 characters",
                "keywords: truncated: 99951 more not shown"
            ]
        );
    }

    #[test]
    fn long_text_fields_are_cut_with_an_ellipsis_and_a_warning() {
        let limits = Limits {
            max_text_chars: 3,
            ..Limits::default()
        };
        let text = doc(
            r#""summary": "abcdef", "comments": {"items": [{"id": 1, "author": {"name": "读者甲乙"}, "text": "好", "publishedAt": "2026-03-16T09:00:00+08:00"}]}"#,
        );
        let d = parse(&text, &JsonLimits::default()).unwrap();
        let p = Article::from_json_with_limits(&d, &limits).unwrap();
        assert_eq!(p.article.summary.as_deref(), Some("abc…"));
        assert_eq!(p.article.comments.items[0].author_name, "读者甲…");
        assert_eq!(
            warnings(&p),
            [
                "summary: truncated to 3 characters",
                "comments.items[0].author.name: truncated to 3 characters"
            ]
        );
    }

    #[test]
    fn lists_past_their_limit_keep_the_first_items_and_count_the_rest() {
        let limits = Limits {
            max_keywords: 2,
            max_related_videos: 1,
            max_comments: 1,
            ..Limits::default()
        };
        let comment = r#"{"id": 1, "author": {"name": "a"}, "text": "t", "publishedAt": "2026-03-16T09:00:00+08:00"}"#;
        let video = r#"{"id": "v", "url": "https://example.com/v", "title": "t"}"#;
        let extra = [
            r#""keywords": ["a", "b", "c", "d"], "comments": {"items": ["#,
            comment,
            ",",
            comment,
            ",",
            comment,
            r#"]}, "relatedVideos": ["#,
            video,
            ",",
            video,
            "]",
        ]
        .concat();
        let text = doc(&extra);
        let d = parse(&text, &JsonLimits::default()).unwrap();
        let p = Article::from_json_with_limits(&d, &limits).unwrap();
        let a = &p.article;
        assert_eq!(a.keywords.len(), 2);
        assert_eq!(a.comments.items.len(), 1);
        assert_eq!(a.related_videos.len(), 1);
        assert_eq!(
            a.truncated,
            Truncated {
                body: false,
                keywords: 2,
                related_videos: 1,
                comments: 2
            }
        );
        assert_eq!(
            warnings(&p),
            [
                "keywords: truncated: 2 more not shown",
                "comments.items: truncated: 2 more not shown",
                "relatedVideos: truncated: 1 more not shown"
            ]
        );
    }

    #[test]
    fn a_body_past_its_limit_is_cut_on_a_char_boundary() {
        let limits = Limits {
            max_body_bytes: 8,
            ..Limits::default()
        };
        let text = doc(r#""bodyHtml": "<p>新闻内容</p>""#);
        let d = parse(&text, &JsonLimits::default()).unwrap();
        let p = Article::from_json_with_limits(&d, &limits).unwrap();
        // "<p>新" is 6 bytes, "<p>新闻" 9: the cut falls back to 6.
        assert_eq!(p.article.body_html.as_deref(), Some("<p>新"));
        assert!(p.article.truncated.body);
        assert_eq!(warnings(&p), ["bodyHtml: truncated to 8 bytes"]);
        let p = Article::from_json(&d).unwrap();
        assert!(!p.article.truncated.body);
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn fields_list_matches_what_the_model_reads() {
        // Every listed field is read: `true` is the wrong type for each of them.
        for field in ARTICLE_FIELDS {
            let extra = ["\"", field, "\": true"].concat();
            // `doc` puts `extra` after the minimal fields, so it wins over them.
            let e = Article::from_json_str(&doc(&extra)).expect_err(field);
            assert_eq!(e.path(), *field);
        }
    }

    // ---- Media hosts ----

    /// Media on a listed host (`img.ok.com`), on others (`t.evil.com`, `v.evil.com`) and relative.
    const MEDIA: &str = r#""cover": {"url": "https://t.evil.com/c.jpg"},
        "leadVideo": {"src": "https://img.ok.com/v.mp4", "poster": {"url": "//t.evil.com/p.jpg"}},
        "comments": {"items": [
            {"id": "c1", "author": {"name": "a", "avatar": "https://t.evil.com/a.png"}, "text": "t", "publishedAt": "2025-07-27T21:56:43Z"},
            {"id": "c2", "author": {"name": "b", "avatar": "/b.png"}, "text": "t", "publishedAt": "2025-07-27T21:56:43Z"},
            {"id": "c3", "author": {"name": "c"}, "text": "t", "publishedAt": "2025-07-27T21:56:43Z"}
        ]},
        "relatedVideos": [
            {"id": "v1", "url": "https://t.evil.com/v1", "title": "one", "cover": {"url": "https://img.ok.com/1.jpg"}},
            {"id": "v2", "url": "https://e.com/v2", "title": "two", "cover": {"url": "https://t.evil.com/2.jpg"}}
        ]"#;

    fn listed() -> MediaHosts {
        MediaHosts::default().allow(["img.ok.com"]).unwrap()
    }

    fn img(i: &Option<Image>) -> Option<&str> {
        i.as_ref().map(|i| i.url.as_str())
    }

    fn urls(a: &Article) -> Vec<Option<&str>> {
        let mut out = vec![img(&a.cover)];
        out.push(a.lead_video.as_ref().map(|v| v.src.as_str()));
        out.push(a.lead_video.as_ref().and_then(|v| img(&v.poster)));
        out.extend(
            a.comments
                .items
                .iter()
                .map(|c| c.author_avatar.as_ref().map(SafeUrl::as_str)),
        );
        out.extend(a.related_videos.iter().map(|v| img(&v.cover)));
        out
    }

    fn read_with(extra: &str, media: &MediaHosts) -> Parsed {
        Article::from_json_str_with(&doc(extra), &Limits::default(), media).unwrap()
    }

    #[test]
    fn media_from_hosts_not_allowed_is_dropped_with_warnings() {
        assert_eq!(read_with(MEDIA, &MediaHosts::OPEN), read(MEDIA));
        let p = read_with(MEDIA, &listed());
        assert_eq!(
            urls(&p.article),
            [
                None,
                Some("https://img.ok.com/v.mp4"),
                None,
                None,
                Some("/b.png"),
                None,
                Some("https://img.ok.com/1.jpg"),
                None
            ]
        );
        assert_eq!(
            warnings(&p),
            [
                "cover.url: dropped: not from an allowed media host",
                "leadVideo.poster.url: dropped: not from an allowed media host",
                "comments.items[0].author.avatar: dropped: not from an allowed media host",
                "relatedVideos[1].cover.url: dropped: not from an allowed media host",
            ]
        );
        assert!(p
            .warnings
            .iter()
            .all(|w| w.code == crate::error::WarningCode::MediaHost));
        // Only media URLs: links (a related video's own url) are left alone.
        assert_eq!(
            p.article.related_videos[0].url.as_str(),
            "https://t.evil.com/v1"
        );
    }

    #[test]
    fn applying_media_hosts_after_reading_gives_what_reading_with_them_gives() {
        let proxied = listed().proxy("https://p.ok.com/i?u={url}").unwrap();
        for media in [listed(), proxied] {
            let mut p = read(MEDIA);
            assert!(p.article.apply_media_hosts(&MediaHosts::OPEN).is_empty());
            let w = p.article.apply_media_hosts(&media);
            let q = read_with(MEDIA, &media);
            assert_eq!(p.article, q.article);
            assert_eq!(w, q.warnings);
            // Twice: nothing more.
            assert!(p.article.apply_media_hosts(&media).is_empty());
            assert_eq!(p.article, q.article);
        }
    }

    #[test]
    fn lead_video_from_a_host_not_allowed_is_dropped_with_its_poster() {
        let lead = r#""leadVideo": {"src": "https://v.evil.com/v.m3u8", "poster": {"url": "https://img.ok.com/p.jpg"}}"#;
        let p = read_with(lead, &listed());
        assert_eq!(p.article.lead_video, None);
        assert_eq!(
            warnings(&p),
            ["leadVideo.src: dropped: not from an allowed media host"]
        );
        let mut p = read(lead);
        assert_eq!(p.article.apply_media_hosts(&listed()).len(), 1);
        assert_eq!(p.article.lead_video, None);
    }

    #[test]
    fn media_from_hosts_not_allowed_is_rewritten_through_the_proxy() {
        let media = listed().proxy("https://p.ok.com/i?u={url}").unwrap();
        let p = read_with(MEDIA, &media);
        assert!(p.warnings.is_empty());
        let px = |rest: &str| ["https://p.ok.com/i?u=https%3A%2F%2F", rest].concat();
        let expected = [
            Some(px("t.evil.com%2Fc.jpg")),
            Some("https://img.ok.com/v.mp4".to_owned()),
            Some(px("t.evil.com%2Fp.jpg")),
            Some(px("t.evil.com%2Fa.png")),
            Some("/b.png".to_owned()),
            None,
            Some("https://img.ok.com/1.jpg".to_owned()),
            Some(px("t.evil.com%2F2.jpg")),
        ];
        assert_eq!(
            urls(&p.article),
            expected.iter().map(|u| u.as_deref()).collect::<Vec<_>>()
        );
    }
}
