//! Article + options → markup, one function per region, each writing straight into the
//! escaping writer ([`Html`]): no tree is built.
//!
//! Layout is pure: the clock, the share URL and what the browser supports come in through
//! [`Context`]. Every string from the article goes into text or text attributes (escaped by
//! the writer); every URL is a [`SafeUrl`]. What the limits cut is noted where it was cut
//! (`nv-more` after a list, `nv-truncated` after the body).

use crate::attrs;
use crate::labels::{Labels, Lang};
use crate::model::{Article, Comment, Image, Named, RelatedVideo};
use crate::options::Options;
use crate::qr::{self, Ecc, QrCode, Square};
use crate::share::{self, ShareInput, ShareService};
use crate::text::{self, Timestamp};
use crate::url::SafeUrl;
use crate::view::{Attrs, Html, Markup};

/// Everything layout needs besides the article.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The options of this render.
    pub options: &'a Options,
    /// "Now", for relative times.
    pub now_unix_seconds: i64,
    /// The URL shared and encoded in the QR code: the article's canonical URL, else the host
    /// page's.
    pub share_url: Option<&'a SafeUrl>,
    /// Whether the browser has a system share sheet (`navigator.share`).
    pub system_share: bool,
    /// Whether the page runs inside WeChat's browser (its user agent names
    /// `MicroMessenger`): 微信 then shows the hint to use WeChat's own menu, not a QR code.
    pub in_wechat: bool,
    /// Whether the QR codes are drawn when their popover first opens (the full client): layout
    /// then writes an empty `<svg class="nv-qr-code" data-nv-qr>` of the same size in their
    /// place, and a render spends nothing on them; the full client draws them with the modules
    /// its QR module (pkg/newsview-qr.js) encodes ([`qr_drawing`]). Off (the default), they are
    /// drawn into the markup, as server rendering needs for the hydration-only client. The
    /// browser builds (wasm32 without the `server` feature) have no encoder and always write
    /// placeholders.
    pub qr_on_open: bool,
    /// The UI strings (the options' overrides on the language's), borrowed from the options.
    labels: Labels<'a>,
}

impl<'a> Context<'a> {
    /// A context for `article` rendered with `options` at `now_unix_seconds`; the share URL is
    /// the article's `url`, else `options.page_url`.
    pub fn new(article: &'a Article, options: &'a Options, now_unix_seconds: i64) -> Self {
        Context {
            options,
            now_unix_seconds,
            share_url: options.url_of(article),
            system_share: false,
            in_wechat: false,
            qr_on_open: false,
            labels: options.labels(),
        }
    }

    fn labels(&self) -> &Labels<'a> {
        &self.labels
    }
}

/// Lays out the whole article: its markup, with `body` (the sanitized body) in the body
/// region. `body_cut` says that the sanitizer cut the body at its node limit
/// ([`crate::sanitize::Report::truncated`]); that, or the body's byte limit
/// ([`crate::limits::Truncated::body`]), gets the visible `nv-truncated` note after it.
pub fn article(
    article: &Article,
    ctx: &Context<'_>,
    body: Option<&Markup>,
    body_cut: bool,
) -> Markup {
    let l = ctx.labels();
    let cut = &article.truncated;
    // An article's markup is some tens of KB besides its body: one allocation, not a dozen.
    let mut h = Html::with_capacity(body.map_or(0, |b| b.as_str().len()) + 16 * 1024);
    // `data-nv-id` and `data-nv-url` (the share URL): what the widgets read from the DOM, in
    // the full client and in the hydration-only one alike (src/dom/interact.rs).
    h.open("article", attrs!("class=nv;part=article"))
        .attr("lang", ctx.options.lang.tag())
        .attr("data-theme", ctx.options.theme.key())
        .text_attr("data-nv-id", &article.id);
    if let Some(url) = ctx.share_url {
        h.text_attr("data-nv-url", url.as_str());
    }
    header(&mut h, article, ctx);
    if let Some(video) = &article.lead_video {
        lead(&mut h, video, l);
    } else if let Some(cover) = &article.cover {
        cover_figure(&mut h, cover);
    }
    h.open("div", attrs!("class=nv-body;part=body"));
    if let Some(body) = body {
        h.body(body);
    }
    // What limits cut is said where it was cut (`还有 N 条`), in the browser and in SSR alike.
    if cut.body || body_cut {
        h.leaf("p", attrs!("class=nv-truncated"), l.body_truncated);
    }
    h.close();
    if let Some(editor) = &article.editor {
        h.open("p", attrs!("class=nv-editor;part=editor"))
            .text(l.editor)
            .text(": ")
            .text(editor)
            .close();
    }
    actions(&mut h, article, ctx);
    if !article.keywords.is_empty() {
        keywords(&mut h, &article.keywords, l, cut.keywords);
    }
    if article.comments.enabled {
        comments(&mut h, article, ctx);
    }
    let limit = ctx.options.related_limit.unwrap_or(usize::MAX);
    if !article.related_videos.is_empty() && limit > 0 {
        related(
            &mut h,
            &article.related_videos[..article.related_videos.len().min(limit)],
            ctx,
            cut.related_videos,
        );
    }
    h.open(
        "div",
        attrs!("class=nv-toast;part=toast;role=status;aria-live=polite"),
    )
    .close();
    h.close();
    h.finish()
}

/// The note at the end of a list cut at its limit, `n` items not shown: `<tag
/// class="nv-more">还有 N 条</tag>`; nothing when nothing was cut.
fn more(h: &mut Html, tag: &'static str, l: &Labels, n: usize) {
    if n > 0 {
        h.leaf(
            tag,
            attrs!("class=nv-more"),
            &crate::limits::more_label(l, n),
        );
    }
}

fn header(h: &mut Html, article: &Article, ctx: &Context<'_>) {
    h.open("header", attrs!("class=nv-header;part=header"));
    h.leaf("h1", attrs!("class=nv-title;part=title"), &article.title);
    h.open("div", attrs!("class=nv-meta;part=meta"));
    if let Some(channel) = &article.channel {
        named(h, channel, "nv-channel");
    }
    time_element(h, article.published_at, ctx, "nv-time", TimeStyle::Full);
    if let Some(source) = &article.source {
        named(h, source, "nv-source");
    }
    if !article.authors.is_empty() {
        h.open("span", attrs!("class=nv-authors"));
        for (i, author) in article.authors.iter().enumerate() {
            if i > 0 {
                h.text(", ");
            }
            named(h, author, "nv-author");
        }
        h.close();
    }
    h.close();
    h.close();
}

/// A name, as a link when it has a URL.
fn named(h: &mut Html, item: &Named, class: &'static str) {
    match &item.url {
        Some(url) => external_link(h, url),
        None => h.open("span", attrs!("")),
    }
    .attr("class", class)
    .text(&item.name)
    .close();
}

/// Opens `<a href>`; absolute links open with `rel="noopener noreferrer"`.
fn external_link<'h>(h: &'h mut Html, url: &SafeUrl) -> &'h mut Html {
    h.open("a", attrs!("")).url_attr("href", url);
    if url.host().is_some() {
        h.attr("rel", "noopener noreferrer");
    }
    h
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TimeStyle {
    /// `2025-07-27 21:56:43`
    Full,
    /// Relative when recent, refreshed by the DOM layer.
    Relative,
}

fn time_element(
    h: &mut Html,
    ts: Timestamp,
    ctx: &Context<'_>,
    class: &'static str,
    style: TimeStyle,
) {
    let zone = ctx.options.time_zone;
    h.open("time", attrs!("")).attr("class", class);
    ts.push_rfc3339(h.scratch());
    h.scratch_attr("datetime");
    text::push_date_time(h.scratch(), ts, zone);
    match style {
        TimeStyle::Full => h.scratch_text(),
        TimeStyle::Relative => {
            h.scratch_attr("title")
                .signed_attr("data-nv-rel", ts.unix_seconds);
            text::push_relative_time(h.scratch(), ts, ctx.now_unix_seconds, zone, ctx.labels());
            h.scratch_text()
        }
    }
    .close();
}

/// `<span class="nv-duration">mm:ss</span>`.
fn duration(h: &mut Html, seconds: u32) {
    h.open("span", attrs!("class=nv-duration"));
    text::push_duration(h.scratch(), seconds);
    h.scratch_text().close();
}

/// A count as readers expect it ([`text::format_count`]), in an element `tag attrs`.
fn count(h: &mut Html, tag: &'static str, attrs: Attrs, n: u64, lang: Lang) {
    h.open(tag, attrs);
    text::push_count(h.scratch(), n, lang);
    h.scratch_text().close();
}

fn image(h: &mut Html, img: &Image, class: &'static str, default_size: (u32, u32), lazy: bool) {
    let (w, h_) = match (img.width, img.height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => (w, h),
        _ => default_size,
    };
    // `loading` before `src`: an `img` starts its download as soon as it has a `src` unless it
    // already knows it is lazy.
    h.open("img", attrs!("")).attr("class", class);
    if lazy {
        h.attr("loading", "lazy");
    }
    h.attr("decoding", "async")
        .url_attr("src", &img.url)
        .text_attr("alt", img.alt.as_deref().unwrap_or_default())
        .num_attr("width", w.into())
        .num_attr("height", h_.into())
        .close();
}

fn lead(h: &mut Html, video: &crate::model::LeadVideo, l: &Labels) {
    h.open("div", attrs!("class=nv-lead;part=lead"));
    h.open("button", attrs!("class=nv-play;type=button"));
    // The visible duration is part of the name (WCAG 2.5.3, label in name).
    let name = h.scratch();
    name.push_str(l.play_video);
    if let Some(t) = &video.title {
        name.push_str(": ");
        name.push_str(t);
    }
    if let Some(d) = video.duration_seconds {
        name.push(' ');
        text::push_duration(name, d);
    }
    h.scratch_attr("aria-label")
        .attr("data-nv-action", "play")
        // What `play` needs (and `options.videoPlayer` gets): read from the button itself.
        .text_attr("data-nv-src", video.src.as_str());
    if let Some(t) = &video.title {
        h.text_attr("data-nv-title", t);
    }
    if let Some(d) = video.duration_seconds {
        h.num_attr("data-nv-duration", d.into());
    }
    if let Some(poster) = &video.poster {
        image(h, poster, "nv-poster", (1280, 720), false);
    }
    h.open("span", attrs!("class=nv-play-icon;aria-hidden=true"))
        .close();
    if let Some(d) = video.duration_seconds {
        duration(h, d);
    }
    h.close();
    h.close();
}

fn cover_figure(h: &mut Html, cover: &Image) {
    h.open("figure", attrs!("class=nv-cover;part=cover"));
    image(h, cover, "nv-cover-img", (1280, 720), false);
    if cover.caption.is_some() || cover.credit.is_some() {
        h.open("figcaption", attrs!(""));
        if let Some(c) = &cover.caption {
            h.text(c);
        }
        if let Some(c) = &cover.credit {
            h.leaf("span", attrs!("class=nv-credit"), c);
        }
        h.close();
    }
    h.close();
}

/// Inline icons (24×24 viewBox), drawn by constant paths.
fn icon(h: &mut Html, path: &'static str) {
    h.open(
        "svg",
        attrs!("class=nv-icon;viewBox=0 0 24 24;aria-hidden=true;focusable=false"),
    )
    .open("path", attrs!(""))
    .attr("d", path)
    .close()
    .close();
}

const ICON_LIKE: &str = "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z";
const ICON_STAR: &str = "M12 17.3 18.2 21l-1.6-7L22 9.2l-7.2-.6L12 2 9.2 8.6 2 9.2 7.5 14l-1.7 7z";
const ICON_SHARE: &str = "M18 16.1c-.8 0-1.4.3-2 .8l-7.1-4.2c.1-.2.1-.5.1-.7s0-.5-.1-.7L16 7.2c.5.5 1.2.8 2 .8a3 3 0 1 0-3-3c0 .2 0 .5.1.7L8 9.8A3 3 0 1 0 8 14.2l7.1 4.2c-.1.2-.1.4-.1.6a2.9 2.9 0 1 0 3-2.9z";
const ICON_PHONE: &str = "M16 1H8a2.5 2.5 0 0 0-2.5 2.5v17A2.5 2.5 0 0 0 8 23h8a2.5 2.5 0 0 0 2.5-2.5v-17A2.5 2.5 0 0 0 16 1zm-4 21a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3zm4.5-4h-9V4h9v14z";

/// An action button, whole: `class`, `data-nv-action=action`, the count `count` (shown
/// rounded, kept whole in `data-nv-count`) and the constant attributes `more`.
fn action_button(
    h: &mut Html,
    class: &'static str,
    action: &'static str,
    icon_path: &'static str,
    label: &str,
    count: Option<(u64, Lang)>,
    more: Attrs,
) {
    h.open("button", attrs!(""))
        .attr("class", class)
        .attr("type", "button")
        .attr("data-nv-action", action);
    if let Some((n, _)) = count {
        // The count itself, which a toggle counts from (the text is rounded: `1.2万`).
        h.num_attr("data-nv-count", n);
    }
    h.attrs(more);
    icon(h, icon_path);
    h.leaf("span", attrs!("class=nv-action-label"), label);
    if let Some((n, lang)) = count {
        self::count(h, "span", attrs!("class=nv-count"), n, lang);
    }
    h.close();
}

fn actions(h: &mut Html, article: &Article, ctx: &Context<'_>) {
    let l = ctx.labels();
    let lang = ctx.options.lang;
    let count = |n: Option<u64>| n.map(|n| (n, lang));
    h.open("div", attrs!("class=nv-actions;part=actions"));
    action_button(
        h,
        "nv-action nv-like",
        "like",
        ICON_LIKE,
        l.like,
        count(article.stats.likes),
        attrs!("aria-pressed=false"),
    );
    action_button(
        h,
        "nv-action nv-favorite",
        "favorite",
        ICON_STAR,
        l.favorite,
        count(article.stats.favorites),
        attrs!("aria-pressed=false"),
    );
    let qr_code = ctx.share_url.and_then(|u| qr_of(u, ctx.qr_on_open));
    if let Some(url) = ctx.share_url {
        share_menu(h, article, url, qr_code.as_ref(), ctx);
    }
    if let Some(code) = &qr_code {
        h.open("div", attrs!("class=nv-popover-anchor"));
        action_button(
            h,
            "nv-action nv-phone",
            "qr",
            ICON_PHONE,
            l.view_on_phone,
            None,
            attrs!("aria-expanded=false"),
        );
        h.open("div", attrs!("class=nv-popover nv-qr;part=qr;hidden="));
        qr_figure(h, code, l.qr_caption);
        h.leaf("p", attrs!("class=nv-qr-caption"), l.qr_caption);
        h.close();
        h.close();
    }
    h.close();
}

/// The QR code of the share URL `url`, or `Qr::OnOpen` for a code drawn later; `None` when the
/// URL does not fit in a QR code.
///
/// Only native builds and the server build draw codes into the markup. The browser builds
/// (wasm32 without `server`) have no encoder: the full client draws the codes with the modules
/// its QR module encodes, and the hydration-only client meets only server markup, whose codes
/// are drawn.
fn qr_of(url: &SafeUrl, on_open: bool) -> Option<Qr> {
    #[cfg(any(not(target_arch = "wasm32"), feature = "server"))]
    if !on_open {
        return share_qr(url.as_str()).map(Qr::Code);
    }
    #[cfg(not(any(not(target_arch = "wasm32"), feature = "server")))]
    let _ = on_open;
    QrCode::fits_bytes(url.as_str().len(), QR_ECC).then_some(Qr::OnOpen)
}

/// The QR code of the share URL `url` (byte mode, level M or higher), as layout draws it and the
/// QR module encodes it for the full client; `None` when the URL does not fit.
pub fn share_qr(url: &str) -> Option<QrCode> {
    QrCode::encode_bytes(url.as_bytes(), QR_ECC).ok()
}

/// The error correction level of the share URL's QR code.
const QR_ECC: Ecc = Ecc::Medium;

/// A QR code in the view: drawn now, or when its popover first opens ([`Context::qr_on_open`]).
enum Qr {
    #[cfg(any(not(target_arch = "wasm32"), feature = "server"))]
    Code(QrCode),
    OnOpen,
}

/// The QR code `qr` with its accessible name `label`: the drawing, or its empty placeholder
/// (`data-nv-qr`), which [`qr_drawing`] replaces.
fn qr_figure(h: &mut Html, qr: &Qr, label: &str) {
    match qr {
        #[cfg(any(not(target_arch = "wasm32"), feature = "server"))]
        Qr::Code(code) => qr_svg(h, code, label),
        Qr::OnOpen => {
            h.open("svg", attrs!("class=nv-qr-code;role=img;data-nv-qr="))
                .text_attr("aria-label", label)
                .close();
        }
    }
}

/// The drawing of `code` (the [`share_qr`] of the share URL layout wrote into `data-nv-url`,
/// or its modules as data: [`qr::Modules`]) named `label`, for a placeholder of
/// [`Context::qr_on_open`].
pub fn qr_drawing(code: &impl Square, label: &str) -> Markup {
    let mut h = Html::with_capacity(4096);
    qr_svg(&mut h, code, label);
    h.finish()
}

fn qr_svg(h: &mut Html, code: &impl Square, label: &str) {
    const BORDER: usize = 2;
    let side = (code.size() + 2 * BORDER) as u64;
    h.open("svg", attrs!("class=nv-qr-code"));
    let view_box = h.scratch();
    view_box.push_str("0 0 ");
    text::push_u64(view_box, side);
    view_box.push(' ');
    text::push_u64(view_box, side);
    h.scratch_attr("viewBox")
        .attr("role", "img")
        .text_attr("aria-label", label)
        .attr("shape-rendering", "crispEdges");
    h.open("path", attrs!("fill=#fff"));
    let frame = h.scratch();
    frame.push_str("M0 0h");
    text::push_u64(frame, side);
    frame.push('v');
    text::push_u64(frame, side);
    frame.push_str("H0z");
    h.scratch_attr("d").close();
    h.open("path", attrs!("fill=#000"))
        .text_attr("d", &qr::svg_path(code, BORDER))
        .close();
    h.close();
}

fn share_menu(
    h: &mut Html,
    article: &Article,
    url: &SafeUrl,
    qr_code: Option<&Qr>,
    ctx: &Context<'_>,
) {
    let l = ctx.labels();
    let lang = ctx.options.lang;
    let input = ShareInput {
        url,
        title: &article.title,
        summary: article.summary.as_deref(),
        picture: article
            .cover
            .as_ref()
            .or_else(|| article.lead_video.as_ref().and_then(|v| v.poster.as_ref()))
            .map(|i| &i.url),
    };
    let services: &[ShareService] = match &ctx.options.share {
        Some(list) => list,
        None => share::default_services(lang),
    };
    h.open("div", attrs!("class=nv-popover-anchor"));
    action_button(
        h,
        "nv-action nv-share",
        "share",
        ICON_SHARE,
        l.share,
        None,
        attrs!("aria-haspopup=true;aria-expanded=false"),
    );
    h.open(
        "div",
        attrs!("class=nv-popover nv-share-menu;part=share-menu;hidden="),
    );
    // The menu holds menu items only; the WeChat panel sits beside it in the popover.
    h.open("div", attrs!("class=nv-share-list;role=menu"))
        .text_attr("aria-label", l.share);
    let mut wechat = false;
    for &service in services {
        match service.share_url(&input) {
            Some(target) => {
                h.open("a", attrs!(""))
                    .url_attr("href", &target)
                    .attrs(attrs!("target=_blank;rel=noopener noreferrer"));
            }
            None => {
                if service == ShareService::System && !ctx.system_share {
                    continue;
                }
                wechat |= service == ShareService::Wechat;
                h.open("button", attrs!("type=button"));
            }
        }
        h.attrs(attrs!(
            "class=nv-share-item;role=menuitem;data-nv-action=share-service"
        ))
        .attr("data-nv-service", service.key());
        h.open("span", attrs!("class=nv-share-icon"))
            .attr("data-nv-service", service.key())
            .attr("aria-hidden", "true")
            .close();
        h.text(service.name(lang)).close();
    }
    h.close();
    match (wechat, ctx.in_wechat, qr_code) {
        // Inside WeChat a QR code cannot be scanned by the phone showing it.
        (true, true, _) => {
            h.open("div", attrs!("class=nv-share-wechat;hidden="))
                .leaf("p", attrs!("class=nv-share-hint"), l.wechat_hint)
                .close();
        }
        (true, false, Some(code)) => {
            h.open("div", attrs!("class=nv-share-wechat;hidden="));
            qr_figure(h, code, l.wechat_scan);
            h.leaf("p", attrs!("class=nv-qr-caption"), l.wechat_scan)
                .close();
        }
        _ => {}
    }
    h.close();
    h.close();
}

fn keywords(h: &mut Html, list: &[Named], l: &Labels, cut: usize) {
    h.open("div", attrs!("class=nv-keywords;part=keywords"));
    h.open("span", attrs!("class=nv-keywords-label"))
        .text(l.keywords)
        .text(":")
        .close();
    for (i, k) in list.iter().enumerate() {
        match &k.url {
            Some(url) => external_link(h, url),
            None => h.open("a", attrs!("role=link;tabindex=0")),
        }
        .attrs(attrs!("class=nv-keyword;data-nv-action=keyword"))
        .num_attr("data-nv-index", i as u64)
        .text(&k.name)
        .close();
    }
    more(h, "span", l, cut);
    h.close();
}

fn comments(h: &mut Html, article: &Article, ctx: &Context<'_>) {
    let l = ctx.labels();
    let c = &article.comments;
    let total = c
        .total
        .or(article.stats.comments)
        .unwrap_or(c.items.len() as u64);
    h.open("section", attrs!("class=nv-comments;part=comments"))
        .text_attr("aria-label", l.all_comments);
    h.open("h2", attrs!("class=nv-section-title"))
        .text(l.all_comments);
    if total > 0 {
        count(
            h,
            "span",
            attrs!("class=nv-comment-count"),
            total,
            ctx.options.lang,
        );
    }
    h.close();
    h.open("div", attrs!("class=nv-comment-box"));
    match &ctx.options.user {
        None => {
            h.leaf(
                "button",
                attrs!("class=nv-login;type=button;data-nv-action=login"),
                l.login_prompt,
            );
        }
        Some(_) => {
            h.open("div", attrs!("class=nv-comment-form"));
            h.open(
                "textarea",
                attrs!("class=nv-comment-input;rows=3;maxlength=2000"),
            )
            .text_attr("aria-label", l.comment_placeholder)
            .text_attr("placeholder", l.comment_placeholder)
            .close();
            // Empty until an empty comment is submitted; an alert, so it is announced.
            h.open("p", attrs!("class=nv-comment-hint;role=alert"))
                .close();
            h.leaf(
                "button",
                attrs!("class=nv-comment-submit;type=button;data-nv-action=comment"),
                l.submit_comment,
            );
            h.close();
        }
    }
    h.close();
    if c.items.is_empty() {
        h.leaf("p", attrs!("class=nv-empty"), l.no_comments);
    } else {
        h.open("ol", attrs!("class=nv-comment-list"));
        for item in &c.items {
            comment(h, item, ctx);
        }
        h.close();
    }
    more(h, "p", l, article.truncated.comments);
    h.close();
}

fn comment(h: &mut Html, item: &Comment, ctx: &Context<'_>) {
    h.open("li", attrs!("class=nv-comment"));
    match &item.author_avatar {
        Some(url) => {
            h.open("img", attrs!("class=nv-avatar;loading=lazy;decoding=async"))
                .url_attr("src", url)
                .attrs(attrs!("alt=;width=36;height=36"))
                .close();
        }
        None => {
            let name = &item.author_name;
            let first = name.chars().next().map_or(0, char::len_utf8);
            h.leaf(
                "span",
                attrs!("class=nv-avatar nv-avatar-fallback;aria-hidden=true"),
                &name[..first],
            );
        }
    }
    h.open("div", attrs!("class=nv-comment-main"));
    h.open("div", attrs!("class=nv-comment-head"));
    h.leaf("span", attrs!("class=nv-comment-author"), &item.author_name);
    time_element(
        h,
        item.published_at,
        ctx,
        "nv-comment-time",
        TimeStyle::Relative,
    );
    h.close();
    h.leaf("p", attrs!("class=nv-comment-text"), &item.text);
    h.close();
    h.close();
}

fn related(h: &mut Html, list: &[RelatedVideo], ctx: &Context<'_>, cut: usize) {
    let l = ctx.labels();
    h.open("section", attrs!("class=nv-related;part=related"))
        .text_attr("aria-label", l.related_videos);
    h.leaf("h2", attrs!("class=nv-section-title"), l.related_videos);
    h.open("ul", attrs!("class=nv-related-list"));
    for (i, v) in list.iter().enumerate() {
        related_item(h, i, v, ctx);
    }
    h.close();
    more(h, "p", l, cut);
    h.close();
}

fn related_item(h: &mut Html, index: usize, v: &RelatedVideo, ctx: &Context<'_>) {
    h.open("li", attrs!("class=nv-related-li"));
    external_link(h, &v.url)
        .attrs(attrs!(
            "class=nv-related-item;part=related-item;data-nv-action=related"
        ))
        .num_attr("data-nv-index", index as u64)
        .text_attr("data-nv-id", &v.id);
    h.open("span", attrs!("class=nv-thumb"));
    if let Some(cover) = &v.cover {
        image(h, cover, "nv-thumb-img", (640, 360), true);
    }
    if let Some(d) = v.duration_seconds {
        duration(h, d);
    }
    h.close();
    h.leaf("span", attrs!("class=nv-related-title"), &v.title);
    h.open("span", attrs!("class=nv-related-meta"));
    if let Some(ch) = &v.channel {
        h.leaf("span", attrs!("class=nv-related-channel"), ch);
    }
    if let Some(ts) = v.published_at {
        time_element(h, ts, ctx, "nv-related-time", TimeStyle::Relative);
    }
    h.close();
    h.close();
    h.close();
}

/// The loading state of `<news-view>` while it fetches.
pub fn loading_state(l: &Labels) -> Markup {
    let mut h = Html::new();
    h.open("div", attrs!("class=nv nv-state nv-loading;role=status"))
        .open("span", attrs!("class=nv-spinner;aria-hidden=true"))
        .close()
        .text(l.loading)
        .close();
    h.finish()
}

/// The error state of `<news-view>`: what failed, and a retry button.
pub fn error_state(l: &Labels, detail: &str) -> Markup {
    let mut h = Html::new();
    h.open("div", attrs!("class=nv nv-state nv-error;role=alert"))
        .leaf("p", attrs!("class=nv-error-title"), l.load_failed)
        .leaf("p", attrs!("class=nv-error-detail"), detail)
        .leaf(
            "button",
            attrs!("class=nv-retry;type=button;data-nv-action=retry"),
            l.retry,
        )
        .close();
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::User;

    const SEED: &str = include_str!("../tests/fixtures/seed-article.json");

    fn html(ctx_edit: impl FnOnce(&mut Context<'_>), options: &Options) -> String {
        let article = Article::from_json_str(SEED).unwrap().article;
        let mut ctx = Context::new(&article, options, 1_773_626_400);
        ctx_edit(&mut ctx);
        super::article(&article, &ctx, None, false).into_string()
    }

    #[test]
    fn truncation_notes_are_laid_out_with_the_labels_in_force() {
        let limits = crate::limits::Limits {
            max_related_videos: 2,
            ..crate::limits::Limits::default()
        };
        let article = Article::from_json_str_with_limits(SEED, &limits)
            .unwrap()
            .article;
        assert_eq!(article.truncated.related_videos, 18);
        let page = |options: &Options| {
            let ctx = Context::new(&article, options, 1_773_626_400);
            super::article(&article, &ctx, None, false).into_string()
        };
        let default = page(&Options::default());
        let more = crate::limits::more_label(&Options::default().labels(), 18);
        assert!(default.contains(&more), "{more}");
        let doc = crate::json::parse(
            r#"{"labels": {"more": "另有 {n} 条未显示"}}"#,
            &crate::json::JsonLimits::default(),
        )
        .unwrap();
        let (options, _) = Options::from_json_with_warnings(&doc).unwrap();
        let own = page(&options);
        assert!(own.contains("另有 18 条未显示"), "{own}");
        assert!(!own.contains("还有 "));
    }

    /// The part of `page` from the start tag holding `class` to the first `end` after it.
    fn section<'p>(page: &'p str, class: &str, end: &str) -> &'p str {
        let start = page
            .find(class)
            .unwrap_or_else(|| panic!("{class} in {page}"));
        let len = page[start..].find(end).expect("its end") + end.len();
        &page[start..start + len]
    }

    #[test]
    fn what_limits_cut_is_noted_at_the_end_of_its_section() {
        let mut article = Article::from_json_str(SEED).unwrap().article;
        let options = Options {
            lang: Lang::En,
            ..Options::default()
        };
        let body = Markup::from_trusted("<p>clean</p>".to_owned());
        // (A context borrows the article: one per render, since the article changes.)
        let render = |article: &Article, body_cut: bool| {
            let ctx = Context::new(article, &options, 1_773_626_400);
            super::article(article, &ctx, Some(&body), body_cut).into_string()
        };
        let whole = render(&article, false);
        assert!(whole.contains("<p>clean</p></div>"), "{whole}");
        assert!(!whole.contains("nv-more") && !whole.contains("nv-truncated"));

        article.truncated = crate::limits::Truncated {
            body: false,
            keywords: 2,
            related_videos: 0,
            comments: 7,
        };
        // The sanitizer's cut (`body_cut`) and the byte limit's give the same single note.
        let cut_body = render(&article, true);
        article.truncated.body = true;
        for body_cut in [false, true] {
            let page = render(&article, body_cut);
            assert_eq!(page, cut_body);
        }
        let page = cut_body;
        assert!(
            page.contains(
                "<p>clean</p><p class=\"nv-truncated\">…(content too long, truncated)</p></div>"
            ),
            "{page}"
        );
        assert_eq!(page.matches("nv-truncated").count(), 1);
        let keywords = section(&page, "class=\"nv-keywords\"", "</div>");
        assert!(
            keywords.ends_with("</a><span class=\"nv-more\">2 more</span></div>"),
            "{keywords}"
        );
        let comments = section(&page, "class=\"nv-comments\"", "</section>");
        assert!(
            comments.ends_with("<p class=\"nv-more\">7 more</p></section>"),
            "{comments}"
        );
        // Nothing was cut from the related videos: no note there.
        let related = section(&page, "class=\"nv-related\"", "</section>");
        assert!(!related.contains("nv-more"), "{related}");
        assert_eq!(page.matches("nv-more").count(), 2);

        // A section that is not shown gets no note.
        article.comments.enabled = false;
        article.keywords.clear();
        let page = render(&article, false);
        assert!(!page.contains("nv-more"), "{page}");
    }

    fn wechat_panel(page: &str) -> &str {
        let start = page.find("nv-share-wechat").expect("a WeChat panel");
        let end = start + page[start..].find("</div>").unwrap();
        &page[start..end]
    }

    #[test]
    fn wechat_outside_wechat_is_a_qr_code_with_its_caption() {
        let page = html(|_| {}, &Options::default());
        let panel = wechat_panel(&page);
        assert!(panel.contains("<svg"), "{panel}");
        assert!(panel.contains("微信扫一扫"), "{panel}");
    }

    #[test]
    fn wechat_inside_wechat_is_the_hint_without_a_qr_code() {
        let page = html(|c| c.in_wechat = true, &Options::default());
        let panel = wechat_panel(&page);
        assert!(!panel.contains("<svg"), "{panel}");
        assert!(panel.contains("点击右上角分享"), "{panel}");
    }

    // The browser builds have no eager drawing to compare with.
    #[cfg(any(not(target_arch = "wasm32"), feature = "server"))]
    #[test]
    fn qr_on_open_writes_placeholders_that_qr_drawing_replaces_with_the_drawn_code() {
        let drawn = html(|_| {}, &Options::default());
        let later = html(|c| c.qr_on_open = true, &Options::default());
        // Two codes (用手机看 and 微信), drawn now or left as named, empty placeholders.
        assert_eq!(drawn.matches("<svg class=\"nv-qr-code\"").count(), 2);
        assert_eq!(later.matches("data-nv-qr").count(), 2, "{later}");
        assert!(!later.contains("shape-rendering"), "nothing drawn: {later}");
        let url = "https://www.kankanews.com/detail/a20250727-0001";
        assert!(drawn.contains(&format!("data-nv-url=\"{url}\"")));
        // The full client puts `qr_drawing` of the modules its QR module encodes for the share
        // URL (as data) in each placeholder's place: that gives back, byte for byte, what layout
        // draws eagerly.
        let mut replaced = later.clone();
        for label in ["扫一扫,手机继续看", "微信扫一扫"] {
            let placeholder = format!(
                "<svg class=\"nv-qr-code\" role=\"img\" data-nv-qr=\"\" aria-label=\"{label}\"></svg>"
            );
            assert_eq!(later.matches(&placeholder).count(), 1, "{placeholder}");
            let modules = crate::qr::Modules::from_bytes(share_qr(url).unwrap().to_bytes());
            let drawing = qr_drawing(&modules.unwrap(), label).into_string();
            assert!(drawing.contains("<path fill=\"#000\" d=\"M"), "{drawing}");
            replaced = replaced.replace(&placeholder, &drawing);
        }
        assert_eq!(replaced, drawn);
    }

    #[test]
    fn a_url_too_long_for_a_qr_code_has_no_qr_button_drawn_now_or_later() {
        let long = format!("https://www.example.com/{}", "a".repeat(2400));
        assert!(!crate::qr::QrCode::fits_bytes(long.len(), QR_ECC));
        assert!(crate::qr::QrCode::encode_bytes(long.as_bytes(), QR_ECC).is_err());
        let fits = format!("https://www.example.com/{}", "a".repeat(2000));
        assert!(crate::qr::QrCode::fits_bytes(fits.len(), QR_ECC));
        assert!(crate::qr::QrCode::encode_bytes(fits.as_bytes(), QR_ECC).is_ok());
        assert!(share_qr(&long).is_none());
    }

    #[test]
    fn the_menu_holds_only_menu_items() {
        let page = html(|_| {}, &Options::default());
        let start = page.find("role=\"menu\"").expect("a menu");
        let menu = &page[start..start + page[start..].find("nv-share-wechat").unwrap()];
        let items = menu.matches("role=\"menuitem\"").count();
        assert_eq!(
            items, 5,
            "微信 微博 QQ QQ空间 复制链接 (no system sheet): {menu}"
        );
        assert!(!menu.contains("<svg"), "{menu}");
    }

    #[test]
    fn comment_form_has_a_named_box_and_an_alert_for_the_empty_hint() {
        let options = Options {
            user: Some(User {
                name: "读者".into(),
                avatar: None,
            }),
            ..Options::default()
        };
        let page = html(|_| {}, &options);
        assert!(page.contains("aria-label=\"写下你的评论…\""), "{page}");
        assert!(
            page.contains("<p class=\"nv-comment-hint\" role=\"alert\"></p>"),
            "{page}"
        );
    }
}
