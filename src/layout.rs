//! Article + options → view tree, one function per region.
//!
//! Layout is pure: the clock, the share URL and what the browser supports come in through
//! [`Context`]. Every string from the article goes into text nodes or text attributes (escaped
//! by the writer, or set through DOM text APIs); every URL is a [`SafeUrl`].

use crate::labels::Labels;
use crate::model::{Article, Comment, Image, Named, RelatedVideo};
use crate::options::Options;
use crate::qr::{self, Ecc, QrCode};
use crate::share::{self, ShareInput, ShareService};
use crate::text::{self, Timestamp};
use crate::url::SafeUrl;
use crate::view::{Element, Node};

/// Everything layout needs besides the article.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The options of this render.
    pub options: &'a Options,
    /// "Now", for relative times.
    pub now_unix_seconds: i64,
    /// The URL shared and encoded in the QR code: the article's canonical URL, else the host
    /// page's.
    pub share_url: Option<SafeUrl>,
    /// Whether the browser has a system share sheet (`navigator.share`).
    pub system_share: bool,
    /// Whether the page runs inside WeChat's browser (its user agent names
    /// `MicroMessenger`): 微信 then shows the hint to use WeChat's own menu, not a QR code.
    pub in_wechat: bool,
    /// Whether the QR codes are drawn when their popover first opens (the full client, which
    /// has the encoder at hand): layout then writes an empty `<svg class="nv-qr-code"
    /// data-nv-qr>` of the same size in their place, and a render spends nothing on them. Off
    /// (the default), they are drawn into the markup, as server rendering needs for the
    /// hydration-only client, which has no encoder.
    pub qr_on_open: bool,
    /// The UI strings (the options' overrides on the language's), borrowed from the options.
    labels: Labels<'a>,
}

impl<'a> Context<'a> {
    /// A context for `article` rendered with `options` at `now_unix_seconds`; the share URL is
    /// the article's `url`, else `options.page_url`.
    pub fn new(article: &Article, options: &'a Options, now_unix_seconds: i64) -> Self {
        Context {
            options,
            now_unix_seconds,
            share_url: options.url_of(article).cloned(),
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

/// Lays out the whole article.
pub fn article(article: &Article, ctx: &Context<'_>) -> Node {
    let l = ctx.labels();
    // `data-nv-id` and `data-nv-url` (the share URL): what the widgets read from the DOM, in
    // the full client and in the hydration-only one alike (src/dom/interact.rs).
    let mut root = Element::with("article", "class=nv;part=article")
        .attr("lang", ctx.options.lang.tag())
        .attr("data-theme", ctx.options.theme.key())
        .text_attr("data-nv-id", article.id.as_str());
    if let Some(url) = &ctx.share_url {
        root = root.text_attr("data-nv-url", url.as_str());
    }
    root = root.child(header(article, ctx));
    if let Some(video) = &article.lead_video {
        root = root.child(lead(video, l));
    } else if let Some(cover) = &article.cover {
        root = root.child(cover_figure(cover));
    }
    root = root.child(Element::with("div", "class=nv-body;part=body").child(Node::BodySlot));
    if let Some(editor) = &article.editor {
        let mut line = String::from(l.editor);
        line.push_str(": ");
        line.push_str(editor);
        root = root.child(Element::with("p", "class=nv-editor;part=editor").text(line));
    }
    root = root.child(actions(article, ctx));
    if !article.keywords.is_empty() {
        root = root.child(keywords(&article.keywords, l));
    }
    if article.comments.enabled {
        root = root.child(comments(article, ctx));
    }
    let limit = ctx.options.related_limit.unwrap_or(usize::MAX);
    if !article.related_videos.is_empty() && limit > 0 {
        root = root.child(related(
            &article.related_videos[..article.related_videos.len().min(limit)],
            ctx,
        ));
    }
    let mut view: Node = root
        .child(Element::with(
            "div",
            "class=nv-toast;part=toast;role=status;aria-live=polite",
        ))
        .into();
    // What limits cut is said where it was cut (`还有 N 条`), in the browser and in SSR alike.
    crate::limits::mark(&mut view, &article.truncated, l);
    view
}

/// Adds the visible "body cut" note to a laid-out article whose body the sanitizer cut at its
/// node limit (the body's byte limit is marked by [`article`] itself), unless it is there.
pub fn mark_body_cut(view: &mut Node, article: &Article, ctx: &Context<'_>) {
    if !article.truncated.body {
        let body = crate::limits::Truncated {
            body: true,
            ..Default::default()
        };
        crate::limits::mark(view, &body, ctx.labels());
    }
}

fn header(article: &Article, ctx: &Context<'_>) -> Element {
    let mut meta = Element::with("div", "class=nv-meta;part=meta");
    if let Some(channel) = &article.channel {
        meta = meta.child(named(channel, "nv-channel"));
    }
    meta = meta.child(time_element(
        article.published_at,
        ctx,
        "nv-time",
        TimeStyle::Full,
    ));
    if let Some(source) = &article.source {
        meta = meta.child(named(source, "nv-source"));
    }
    if !article.authors.is_empty() {
        let mut authors = Element::with("span", "class=nv-authors");
        for (i, author) in article.authors.iter().enumerate() {
            if i > 0 {
                authors = authors.text(", ");
            }
            authors = authors.child(named(author, "nv-author"));
        }
        meta = meta.child(authors);
    }
    Element::with("header", "class=nv-header;part=header")
        .child(Element::with("h1", "class=nv-title;part=title").text(article.title.as_str()))
        .child(meta)
}

/// A name, as a link when it has a URL.
fn named(item: &Named, class: &'static str) -> Element {
    match &item.url {
        Some(url) => external_link(url)
            .attr("class", class)
            .text(item.name.as_str()),
        None => Element::new("span")
            .attr("class", class)
            .text(item.name.as_str()),
    }
}

/// `<a href>`; absolute links open with `rel="noopener noreferrer"`.
fn external_link(url: &SafeUrl) -> Element {
    let a = Element::new("a").url_attr("href", url);
    if url.host().is_some() {
        a.attr("rel", "noopener noreferrer")
    } else {
        a
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TimeStyle {
    /// `2025-07-27 21:56:43`
    Full,
    /// Relative when recent, refreshed by the DOM layer.
    Relative,
}

fn time_element(
    ts: Timestamp,
    ctx: &Context<'_>,
    class: &'static str,
    style: TimeStyle,
) -> Element {
    let zone = ctx.options.time_zone;
    let full = text::format_date_time(ts, zone);
    let el = Element::new("time")
        .attr("class", class)
        .text_attr("datetime", ts.to_rfc3339());
    match style {
        TimeStyle::Full => el.text(full),
        TimeStyle::Relative => {
            let mut secs = String::new();
            push_i64(&mut secs, ts.unix_seconds);
            el.text_attr("title", full)
                .text_attr("data-nv-rel", secs)
                .text(text::relative_time(
                    ts,
                    ctx.now_unix_seconds,
                    zone,
                    ctx.labels(),
                ))
        }
    }
}

fn push_i64(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    text::push_u64(out, n.unsigned_abs());
}

fn index_attr(i: usize) -> String {
    let mut s = String::new();
    text::push_u64(&mut s, i as u64);
    s
}

fn image(img: &Image, class: &'static str, default_size: (u32, u32), lazy: bool) -> Element {
    let (w, h) = match (img.width, img.height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => (w, h),
        _ => default_size,
    };
    // `loading` before `src`: the DOM layer sets attributes in order, and an `img` starts its
    // download as soon as it has a `src` unless it already knows it is lazy.
    let mut el = Element::new("img").attr("class", class);
    if lazy {
        el = el.attr("loading", "lazy");
    }
    el.attr("decoding", "async")
        .url_attr("src", &img.url)
        .text_attr("alt", img.alt.clone().unwrap_or_default())
        .text_attr("width", index_attr(w as usize))
        .text_attr("height", index_attr(h as usize))
}

fn lead(video: &crate::model::LeadVideo, l: &Labels) -> Element {
    let mut button = Element::with("button", "class=nv-play;type=button")
        .text_attr("aria-label", {
            // The visible duration is part of the name (WCAG 2.5.3, label in name).
            let mut s = String::from(l.play_video);
            if let Some(t) = &video.title {
                s.push_str(": ");
                s.push_str(t);
            }
            if let Some(d) = video.duration_seconds {
                s.push(' ');
                s.push_str(&text::format_duration(d));
            }
            s
        })
        .attr("data-nv-action", "play")
        // What `play` needs (and `options.videoPlayer` gets): read from the button itself.
        .text_attr("data-nv-src", video.src.as_str());
    if let Some(t) = &video.title {
        button = button.text_attr("data-nv-title", t.as_str());
    }
    if let Some(d) = video.duration_seconds {
        button = button.text_attr("data-nv-duration", index_attr(d as usize));
    }
    if let Some(poster) = &video.poster {
        button = button.child(image(poster, "nv-poster", (1280, 720), false));
    }
    button = button.child(Element::with("span", "class=nv-play-icon;aria-hidden=true"));
    if let Some(d) = video.duration_seconds {
        button =
            button.child(Element::with("span", "class=nv-duration").text(text::format_duration(d)));
    }
    Element::with("div", "class=nv-lead;part=lead").child(button)
}

fn cover_figure(cover: &Image) -> Element {
    let mut fig = Element::with("figure", "class=nv-cover;part=cover").child(image(
        cover,
        "nv-cover-img",
        (1280, 720),
        false,
    ));
    if cover.caption.is_some() || cover.credit.is_some() {
        let mut cap = Element::new("figcaption");
        if let Some(c) = &cover.caption {
            cap = cap.text(c.as_str());
        }
        if let Some(c) = &cover.credit {
            cap = cap.child(Element::with("span", "class=nv-credit").text(c.as_str()));
        }
        fig = fig.child(cap);
    }
    fig
}

/// Inline icons (24×24 viewBox), drawn by constant paths.
fn icon(path: &'static str) -> Element {
    Element::with(
        "svg",
        "class=nv-icon;viewBox=0 0 24 24;aria-hidden=true;focusable=false",
    )
    .child(Element::new("path").attr("d", path))
}

const ICON_LIKE: &str = "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z";
const ICON_STAR: &str = "M12 17.3 18.2 21l-1.6-7L22 9.2l-7.2-.6L12 2 9.2 8.6 2 9.2 7.5 14l-1.7 7z";
const ICON_SHARE: &str = "M18 16.1c-.8 0-1.4.3-2 .8l-7.1-4.2c.1-.2.1-.5.1-.7s0-.5-.1-.7L16 7.2c.5.5 1.2.8 2 .8a3 3 0 1 0-3-3c0 .2 0 .5.1.7L8 9.8A3 3 0 1 0 8 14.2l7.1 4.2c-.1.2-.1.4-.1.6a2.9 2.9 0 1 0 3-2.9z";
const ICON_PHONE: &str = "M16 1H8a2.5 2.5 0 0 0-2.5 2.5v17A2.5 2.5 0 0 0 8 23h8a2.5 2.5 0 0 0 2.5-2.5v-17A2.5 2.5 0 0 0 16 1zm-4 21a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3zm4.5-4h-9V4h9v14z";

fn action_button(
    class: &'static str,
    action: &'static str,
    icon_path: &'static str,
    label: &str,
    count: Option<(String, String)>,
) -> Element {
    let mut b = Element::new("button")
        .attr("class", class)
        .attr("type", "button")
        .attr("data-nv-action", action)
        .child(icon(icon_path))
        .child(Element::with("span", "class=nv-action-label").text(label));
    if let Some((c, n)) = count {
        // The count itself, which a toggle counts from (the text is rounded: `1.2万`).
        b = b
            .text_attr("data-nv-count", n)
            .child(Element::with("span", "class=nv-count").text(c));
    }
    b
}

fn actions(article: &Article, ctx: &Context<'_>) -> Element {
    let l = ctx.labels();
    let lang = ctx.options.lang;
    let count = |n: Option<u64>| {
        n.map(|n| {
            let mut raw = String::new();
            text::push_u64(&mut raw, n);
            (text::format_count(n, lang), raw)
        })
    };
    let like = action_button(
        "nv-action nv-like",
        "like",
        ICON_LIKE,
        l.like,
        count(article.stats.likes),
    )
    .attr("aria-pressed", "false");
    let favorite = action_button(
        "nv-action nv-favorite",
        "favorite",
        ICON_STAR,
        l.favorite,
        count(article.stats.favorites),
    )
    .attr("aria-pressed", "false");
    let qr_code = ctx
        .share_url
        .as_ref()
        .and_then(|u| qr_of(u, ctx.qr_on_open));

    let mut bar = Element::with("div", "class=nv-actions;part=actions")
        .child(like)
        .child(favorite);
    if let Some(url) = &ctx.share_url {
        bar = bar.child(share_menu(article, url, qr_code.as_ref(), ctx));
    }
    if let Some(code) = &qr_code {
        let button = action_button(
            "nv-action nv-phone",
            "qr",
            ICON_PHONE,
            l.view_on_phone,
            None,
        )
        .attr("aria-expanded", "false");
        let pop = Element::with("div", "class=nv-popover nv-qr;part=qr;hidden=")
            .child(qr_figure(code, l.qr_caption))
            .child(Element::with("p", "class=nv-qr-caption").text(l.qr_caption));
        bar = bar.child(
            Element::with("div", "class=nv-popover-anchor")
                .child(button)
                .child(pop),
        );
    }
    bar
}

/// The QR code of the share URL `url`, or `Qr::OnOpen` for a code drawn later; `None` when the
/// URL does not fit in a QR code.
fn qr_of(url: &SafeUrl, on_open: bool) -> Option<Qr> {
    let data = url.as_str().as_bytes();
    if on_open {
        QrCode::fits_bytes(data.len(), QR_ECC).then_some(Qr::OnOpen)
    } else {
        QrCode::encode_bytes(data, QR_ECC).ok().map(Qr::Code)
    }
}

/// The error correction level of the share URL's QR code.
const QR_ECC: Ecc = Ecc::Medium;

/// A QR code in the view: drawn now, or when its popover first opens ([`Context::qr_on_open`]).
enum Qr {
    Code(QrCode),
    OnOpen,
}

/// The QR code `qr` with its accessible name `label`: the drawing, or its empty placeholder
/// (`data-nv-qr`), which [`qr_drawing`] replaces.
fn qr_figure(qr: &Qr, label: &str) -> Element {
    match qr {
        Qr::Code(code) => qr_svg(code, label),
        Qr::OnOpen => Element::with("svg", "class=nv-qr-code;role=img;data-nv-qr=")
            .text_attr("aria-label", label),
    }
}

/// The drawing of the QR code of `url` (the share URL layout wrote into `data-nv-url`) named
/// `label`, for a placeholder of [`Context::qr_on_open`]; `None` when the URL does not fit.
pub fn qr_drawing(url: &str, label: &str) -> Option<Node> {
    QrCode::encode_bytes(url.as_bytes(), QR_ECC)
        .ok()
        .map(|code| qr_svg(&code, label).into())
}

fn qr_svg(code: &QrCode, label: &str) -> Element {
    const BORDER: usize = 2;
    let side = index_attr(code.size() + 2 * BORDER);
    let mut view_box = String::from("0 0 ");
    view_box.push_str(&side);
    view_box.push(' ');
    view_box.push_str(&side);
    Element::with("svg", "class=nv-qr-code")
        .text_attr("viewBox", view_box)
        .attr("role", "img")
        .text_attr("aria-label", label)
        .attr("shape-rendering", "crispEdges")
        .child(Element::with("path", "fill=#fff").text_attr("d", {
            let mut d = String::from("M0 0h");
            d.push_str(&side);
            d.push('v');
            d.push_str(&side);
            d.push_str("H0z");
            d
        }))
        .child(Element::with("path", "fill=#000").text_attr("d", qr::svg_path(code, BORDER)))
}

fn share_menu(
    article: &Article,
    url: &SafeUrl,
    qr_code: Option<&Qr>,
    ctx: &Context<'_>,
) -> Element {
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
    // The menu holds menu items only; the WeChat panel sits beside it in the popover.
    let mut menu =
        Element::with("div", "class=nv-share-list;role=menu").text_attr("aria-label", l.share);
    let mut wechat_panel = None;
    for &service in services {
        let glyph = Element::with("span", "class=nv-share-icon")
            .attr("data-nv-service", service.key())
            .attr("aria-hidden", "true");
        let item = match service.share_url(&input) {
            Some(target) => Element::new("a")
                .url_attr("href", &target)
                .attrs("target=_blank;rel=noopener noreferrer"),
            None => {
                if service == ShareService::System && !ctx.system_share {
                    continue;
                }
                if service == ShareService::Wechat {
                    let panel = Element::with("div", "class=nv-share-wechat;hidden=");
                    wechat_panel =
                        match (ctx.in_wechat, qr_code) {
                            // Inside WeChat a QR code cannot be scanned by the phone showing it.
                            (true, _) => Some(panel.child(
                                Element::with("p", "class=nv-share-hint").text(l.wechat_hint),
                            )),
                            (false, Some(code)) => {
                                Some(panel.child(qr_figure(code, l.wechat_scan)).child(
                                    Element::with("p", "class=nv-qr-caption").text(l.wechat_scan),
                                ))
                            }
                            (false, None) => None,
                        };
                }
                Element::with("button", "type=button")
            }
        };
        menu = menu.child(
            item.attrs("class=nv-share-item;role=menuitem;data-nv-action=share-service")
                .attr("data-nv-service", service.key())
                .child(glyph)
                .text(service.name(lang)),
        );
    }
    let pop = Element::with(
        "div",
        "class=nv-popover nv-share-menu;part=share-menu;hidden=",
    )
    .child(menu)
    .maybe(wechat_panel);
    let button = action_button("nv-action nv-share", "share", ICON_SHARE, l.share, None)
        .attrs("aria-haspopup=true;aria-expanded=false");
    Element::with("div", "class=nv-popover-anchor")
        .child(button)
        .child(pop)
}

fn keywords(list: &[Named], l: &Labels) -> Element {
    let mut el = Element::with("div", "class=nv-keywords;part=keywords").child(
        Element::with("span", "class=nv-keywords-label").text({
            let mut s = String::from(l.keywords);
            s.push(':');
            s
        }),
    );
    for (i, k) in list.iter().enumerate() {
        let link = match &k.url {
            Some(url) => external_link(url),
            None => Element::with("a", "role=link;tabindex=0"),
        };
        el = el.child(
            link.attrs("class=nv-keyword;data-nv-action=keyword")
                .text_attr("data-nv-index", index_attr(i))
                .text(k.name.as_str()),
        );
    }
    el
}

fn comments(article: &Article, ctx: &Context<'_>) -> Element {
    let l = ctx.labels();
    let c = &article.comments;
    let total = c
        .total
        .or(article.stats.comments)
        .unwrap_or(c.items.len() as u64);
    let mut heading = Element::with("h2", "class=nv-section-title").text(l.all_comments);
    if total > 0 {
        heading = heading.child(
            Element::with("span", "class=nv-comment-count")
                .text(text::format_count(total, ctx.options.lang)),
        );
    }
    let box_ = match &ctx.options.user {
        None => Element::with("div", "class=nv-comment-box").child(
            Element::with("button", "class=nv-login;type=button;data-nv-action=login")
                .text(l.login_prompt),
        ),
        Some(_) => Element::with("div", "class=nv-comment-box").child(
            Element::with("div", "class=nv-comment-form")
                .child(
                    Element::with("textarea", "class=nv-comment-input;rows=3;maxlength=2000")
                        .text_attr("aria-label", l.comment_placeholder)
                        .text_attr("placeholder", l.comment_placeholder),
                )
                // Empty until an empty comment is submitted; an alert, so it is announced.
                .child(Element::with("p", "class=nv-comment-hint;role=alert"))
                .child(
                    Element::with(
                        "button",
                        "class=nv-comment-submit;type=button;data-nv-action=comment",
                    )
                    .text(l.submit_comment),
                ),
        ),
    };
    let mut section = Element::with("section", "class=nv-comments;part=comments")
        .text_attr("aria-label", l.all_comments)
        .child(heading)
        .child(box_);
    if c.items.is_empty() {
        section = section.child(Element::with("p", "class=nv-empty").text(l.no_comments));
    } else {
        let mut list = Element::with("ol", "class=nv-comment-list");
        for item in &c.items {
            list = list.child(comment(item, ctx));
        }
        section = section.child(list);
    }
    section
}

fn comment(item: &Comment, ctx: &Context<'_>) -> Element {
    let avatar = match &item.author_avatar {
        Some(url) => Element::with("img", "class=nv-avatar;loading=lazy;decoding=async")
            .url_attr("src", url)
            .attrs("alt=;width=36;height=36"),
        None => Element::with(
            "span",
            "class=nv-avatar nv-avatar-fallback;aria-hidden=true",
        )
        .text(
            item.author_name
                .chars()
                .next()
                .map(String::from)
                .unwrap_or_default(),
        ),
    };
    Element::with("li", "class=nv-comment").child(avatar).child(
        Element::with("div", "class=nv-comment-main")
            .child(
                Element::with("div", "class=nv-comment-head")
                    .child(
                        Element::with("span", "class=nv-comment-author")
                            .text(item.author_name.as_str()),
                    )
                    .child(time_element(
                        item.published_at,
                        ctx,
                        "nv-comment-time",
                        TimeStyle::Relative,
                    )),
            )
            .child(Element::with("p", "class=nv-comment-text").text(item.text.as_str())),
    )
}

fn related(list: &[RelatedVideo], ctx: &Context<'_>) -> Element {
    let l = ctx.labels();
    let mut items = Element::with("ul", "class=nv-related-list");
    for (i, v) in list.iter().enumerate() {
        items = items.child(related_item(i, v, ctx));
    }
    Element::with("section", "class=nv-related;part=related")
        .text_attr("aria-label", l.related_videos)
        .child(Element::with("h2", "class=nv-section-title").text(l.related_videos))
        .child(items)
}

fn related_item(index: usize, v: &RelatedVideo, ctx: &Context<'_>) -> Element {
    let mut thumb = Element::with("span", "class=nv-thumb");
    if let Some(cover) = &v.cover {
        thumb = thumb.child(image(cover, "nv-thumb-img", (640, 360), true));
    }
    if let Some(d) = v.duration_seconds {
        thumb =
            thumb.child(Element::with("span", "class=nv-duration").text(text::format_duration(d)));
    }
    let mut meta = Element::with("span", "class=nv-related-meta");
    if let Some(ch) = &v.channel {
        meta = meta.child(Element::with("span", "class=nv-related-channel").text(ch.as_str()));
    }
    if let Some(ts) = v.published_at {
        meta = meta.child(time_element(
            ts,
            ctx,
            "nv-related-time",
            TimeStyle::Relative,
        ));
    }
    let link = external_link(&v.url)
        .attrs("class=nv-related-item;part=related-item;data-nv-action=related")
        .text_attr("data-nv-index", index_attr(index))
        .text_attr("data-nv-id", v.id.as_str())
        .child(thumb)
        .child(Element::with("span", "class=nv-related-title").text(v.title.as_str()))
        .child(meta);
    Element::with("li", "class=nv-related-li").child(link)
}

/// The loading state of `<news-view>` while it fetches.
pub fn loading_state(l: &Labels) -> Node {
    Element::with("div", "class=nv nv-state nv-loading;role=status")
        .child(Element::with("span", "class=nv-spinner;aria-hidden=true"))
        .text(l.loading)
        .into()
}

/// The error state of `<news-view>`: what failed, and a retry button.
pub fn error_state(l: &Labels, detail: &str) -> Node {
    Element::with("div", "class=nv nv-state nv-error;role=alert")
        .child(Element::with("p", "class=nv-error-title").text(l.load_failed))
        .child(Element::with("p", "class=nv-error-detail").text(detail))
        .child(
            Element::with("button", "class=nv-retry;type=button;data-nv-action=retry")
                .text(l.retry),
        )
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::User;
    use crate::view::write_html;

    const SEED: &str = include_str!("../tests/fixtures/seed-article.json");

    fn html(ctx_edit: impl FnOnce(&mut Context<'_>), options: &Options) -> String {
        let article = Article::from_json_str(SEED).unwrap().article;
        let mut ctx = Context::new(&article, options, 1_773_626_400);
        ctx_edit(&mut ctx);
        write_html(&super::article(&article, &ctx), None).into_string()
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
            write_html(&super::article(&article, &ctx), None).into_string()
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
        // The DOM layer puts `qr_drawing` of the share URL in each placeholder's place: that
        // gives back, byte for byte, what layout draws eagerly.
        let mut replaced = later.clone();
        for label in ["扫一扫,手机继续看", "微信扫一扫"] {
            let placeholder = format!(
                "<svg class=\"nv-qr-code\" role=\"img\" data-nv-qr=\"\" aria-label=\"{label}\"></svg>"
            );
            assert_eq!(later.matches(&placeholder).count(), 1, "{placeholder}");
            let drawing = write_html(&qr_drawing(url, label).unwrap(), None).into_string();
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
        assert!(qr_drawing(&long, "x").is_none());
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
