//! The hydration-only client's JS API (the `hydrate` feature without `dom`):
//! `hydrate(container, options)` → [`View`] wires the widgets of markup newsview's server
//! rendering wrote (a declarative shadow root holding `<article class="nv">`, or the article in
//! the container's light DOM), reading what they need from that markup (see `interact`). It
//! reads no article: the readers, the sanitizer, the layout and the stylesheet are not in this
//! build, which is what keeps it small (pkg/newsview-hydrate.js).

use super::interact;
use super::live::View;
use super::state::{js_error, prop_as, query, ViewState, WidgetOptions, WIDGET_LABELS};
use crate::labels::Lang;
use crate::text::TimeZone;
use js_sys::Function;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Node};

/// Takes over the server-rendered article in `container` (its shadow root, else its light
/// DOM): like/favorite, share menu, copy link, QR popover, comment box, lead-video play,
/// avatar fallbacks, the relative-time refresh and the `nv-*` events, on the nodes that are
/// there. The language is the markup's (`<article lang>`); the JS entry passes the rest: `now`
/// (milliseconds since the epoch, `options.now`), `zone_minutes` (the offset the server wrote
/// its dates in, which the JS entry reads off a relative time's `title`), `labels`
/// (`options.labels`) and `video_player`. Throws when the container holds no server markup.
#[wasm_bindgen]
pub fn hydrate(
    container: Element,
    now: Option<f64>,
    zone_minutes: Option<f64>,
    labels: JsValue,
    video_player: Option<Function>,
) -> Result<View, JsValue> {
    let root: Node = match prop_as::<web_sys::ShadowRoot>(&container, "shadowRoot") {
        Some(s) => s.into(),
        None => container.clone().into(),
    };
    let Some(article) = query(&root, "article.nv")? else {
        return Err(js_error(
            "hydrate: no server-rendered article in the container",
        ));
    };
    // Layout writes `Lang::tag()`: `zh-CN`, `zh-TW` or `en`.
    let lang = match article.get_attribute("lang").as_deref() {
        Some("zh-TW") => Lang::ZhTw,
        Some("en") => Lang::En,
        _ => Lang::ZhCn,
    };
    let time_zone = match zone_minutes {
        Some(m) if m.abs() < 1440.0 => TimeZone {
            offset_minutes: m as i32,
        },
        _ => TimeZone::SHANGHAI,
    };
    let defaults = WidgetOptions::default_labels(lang);
    let mut strings: [String; 6] = Default::default();
    for (i, slot) in strings.iter_mut().enumerate() {
        *slot = super::state::prop(&labels, WIDGET_LABELS[i])
            .as_string()
            .unwrap_or_else(|| defaults[i].to_owned());
    }
    let state = Rc::new(RefCell::new(ViewState {
        like_count: count(&root, "[data-nv-action=like]"),
        favorite_count: count(&root, "[data-nv-action=favorite]"),
        video_player,
        options: WidgetOptions {
            lang,
            now_ms: now.filter(|n| n.is_finite()),
            time_zone,
            labels: strings,
        },
        container,
        root,
        listener: None,
        toast_timer: None,
        liked: false,
        favorited: false,
        destroyed: false,
    }));
    interact::refresh_times(&state);
    interact::wire(&state);
    Ok(View { state })
}

/// The count layout wrote on the button `selector` (`data-nv-count`), if any.
fn count(root: &Node, selector: &str) -> Option<u64> {
    let n = crate::text::parse_i64(
        &query(root, selector)
            .ok()??
            .get_attribute("data-nv-count")?,
    )?;
    u64::try_from(n).ok()
}
