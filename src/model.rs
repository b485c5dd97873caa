//! Article JSON v1: the typed model and its validation.
//!
//! Unknown fields are ignored. Wrong types and missing required fields are refused with an
//! [`Error`] that names the field; unsafe URLs in optional places are dropped and reported as
//! [`Warning`]s.

use crate::error::{Error, Warning};
use crate::json::Json;
use crate::text::Timestamp;
use crate::url::SafeUrl;

/// The highest `schemaVersion` this crate reads.
pub const SCHEMA_VERSION: u32 = 1;

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

impl Article {
    /// Reads and validates article JSON v1 text.
    pub fn from_json_str(input: &str) -> Result<Parsed, Error> {
        let doc = crate::json::parse(input, &crate::json::JsonLimits::default())?;
        Article::from_json(&doc)
    }

    /// Validates a parsed JSON document as article JSON v1.
    pub fn from_json(doc: &Json) -> Result<Parsed, Error> {
        let _ = doc;
        Err(Error::new("", "article model not implemented yet"))
    }
}
