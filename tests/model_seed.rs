//! The seed article (`tests/fixtures/seed-article.json`, a copy of the reference page as
//! article JSON v1) read through the model, and the related videos' relative times checked
//! against what the real page showed.
#![cfg(not(target_arch = "wasm32"))]

use newsview::json::{parse, Json, JsonLimits};
use newsview::labels::{labels, Lang};
use newsview::model::Article;
use newsview::text::{format_date_time, format_duration, relative_time, TimeZone, Timestamp};

const SEED: &str = include_str!("fixtures/seed-article.json");

fn seed() -> newsview::model::Parsed {
    Article::from_json_str(SEED).unwrap_or_else(|e| panic!("seed refused: {e}"))
}

/// Fields that do not depend on the URL policy.
#[test]
fn seed_text_fields() {
    let a = seed().article;
    assert_eq!(a.id, "a20250727-0001");
    assert_eq!(
        a.title,
        "部市共建上海国际科技创新中心工作推进会举行,陈吉宁阴和俊出席并讲话"
    );
    assert_eq!(a.channel.as_ref().map(|c| c.name.as_str()), Some("时讯"));
    assert_eq!(a.published_at.to_rfc3339(), "2025-07-27T21:56:43+08:00");
    assert_eq!(
        format_date_time(a.published_at, TimeZone::SHANGHAI),
        "2025-07-27 21:56:43"
    );
    assert_eq!(a.updated_at, None);
    assert_eq!(
        a.source.as_ref().map(|s| s.name.as_str()),
        Some("看看新闻Knews")
    );
    assert_eq!(a.editor.as_deref(), Some("施荔"));
    assert!(a.authors.is_empty());
    assert_eq!(a.summary, None);
    let body = a.body_html.as_deref().unwrap_or_default();
    assert_eq!(body.matches("<p>").count(), 8);
    assert!(body.starts_with("<p>2025年部市共建上海国际科技创新中心工作推进会今天在沪举行。"));
    let names: Vec<&str> = a.keywords.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, ["上海国际科技创新中心"]);
    assert_eq!(
        (
            a.stats.likes,
            a.stats.favorites,
            a.stats.comments,
            a.stats.views
        ),
        (Some(0), Some(0), Some(0), None)
    );
    assert!(a.comments.enabled);
    assert_eq!(a.comments.total, Some(0));
    assert!(a.comments.items.is_empty());
}

/// Needs the real URL policy (`newsview::url::check`): every URL of the seed is allowed.
#[test]
fn seed_urls_media_and_related_videos() {
    let p = seed();
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let a = p.article;
    assert_eq!(
        a.url.as_ref().map(|u| u.as_str()),
        Some("https://www.kankanews.com/detail/a20250727-0001")
    );
    assert_eq!(
        a.channel.and_then(|c| c.url).as_ref().map(|u| u.as_str()),
        Some("https://www.kankanews.com/channel/shixun")
    );
    assert_eq!(
        a.source.and_then(|s| s.url).as_ref().map(|u| u.as_str()),
        Some("https://www.kankanews.com/")
    );
    assert!(a.keywords.first().and_then(|k| k.url.as_ref()).is_some());
    let lead = a.lead_video.expect("lead video");
    assert_eq!(
        lead.src.as_str(),
        "https://video.kankanews.com/a20250727-0001.mp4"
    );
    assert_eq!(lead.duration_seconds, Some(95));
    assert_eq!(format_duration(95), "01:35");
    let poster = lead.poster.expect("poster");
    assert_eq!(
        poster.url.as_str(),
        "https://img.kankanews.com/posters/a20250727-0001.jpg"
    );
    assert_eq!((poster.width, poster.height), (Some(1280), Some(720)));
    assert_eq!(poster.alt.as_deref(), Some("会议现场"));

    assert_eq!(a.related_videos.len(), 20);
    let first = &a.related_videos[0];
    assert_eq!(first.id, "v9001");
    assert_eq!(first.url.as_str(), "https://www.kankanews.com/detail/v9001");
    assert_eq!(first.title, "联合调查组通报湘雅医院研究生坠江离世");
    assert_eq!(first.channel.as_deref(), Some("一眼看天下"));
    assert_eq!(
        first.duration_seconds.map(format_duration).as_deref(),
        Some("01:06")
    );
    for v in &a.related_videos {
        let cover = v.cover.as_ref().expect("cover");
        assert_eq!(
            (cover.width, cover.height),
            (Some(640), Some(360)),
            "{}",
            v.id
        );
        assert!(v.published_at.is_some(), "{}", v.id);
        assert!(v.duration_seconds.is_some(), "{}", v.id);
    }
}

/// Related videos whose displayed time on the real page no single rule reproduces. The page
/// showed `3天前` for 2026-03-13T09:00 (73 h before the capture) but the *date* for the newer
/// 2026-03-13T18:30 (63.5 h) and for 2026-03-12T18:30 (87.5 h, 3 whole days). Our rule
/// (N天前 for 1..=3 whole days of elapsed time) gives `2天前` and `3天前` for these; we keep
/// the rule and list them here.
const SEED_TIME_EXCEPTIONS: &[(&str, &str)] = &[
    ("v9007", "2天前"),
    ("v9013", "3天前"),
    ("v9016", "3天前"),
    ("v9017", "3天前"),
    ("v9019", "2天前"),
];

/// The page was captured at about 2026-03-16T10:00+08:00; `relative_time` at that instant
/// reproduces `_seedDisplayedTime` for every related video but the listed exceptions. Read
/// from the raw JSON, so this does not depend on the URL policy.
#[test]
fn seed_related_video_times_match_the_page() {
    let doc = parse(SEED, &JsonLimits::default()).expect("seed is JSON");
    let now = Timestamp::parse_rfc3339("2026-03-16T10:00:00+08:00").expect("now");
    let videos = doc
        .get("relatedVideos")
        .and_then(Json::as_array)
        .expect("relatedVideos");
    assert_eq!(videos.len(), 20);
    let mut agreed = 0;
    let mut exceptions = Vec::new();
    for v in videos {
        let id = v.get("id").and_then(Json::as_str).expect("id");
        let at = v
            .get("publishedAt")
            .and_then(Json::as_str)
            .and_then(Timestamp::parse_rfc3339)
            .expect("publishedAt");
        let shown = v
            .get("_seedDisplayedTime")
            .and_then(Json::as_str)
            .expect("_seedDisplayedTime");
        let ours = relative_time(at, now.unix_seconds, TimeZone::SHANGHAI, labels(Lang::ZhCn));
        match SEED_TIME_EXCEPTIONS.iter().find(|(eid, _)| *eid == id) {
            Some((_, expected)) => {
                assert_ne!(
                    ours, shown,
                    "{id} agrees now; remove it from the exceptions"
                );
                assert_eq!(ours, *expected, "{id}");
                exceptions.push(id);
            }
            None => {
                assert_eq!(ours, shown, "{id} at {}", at.to_rfc3339());
                agreed += 1;
            }
        }
    }
    assert_eq!(agreed, 15);
    assert_eq!(exceptions.len(), SEED_TIME_EXCEPTIONS.len());
}
