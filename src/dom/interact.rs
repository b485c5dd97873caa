//! Behaviour: one delegated listener for clicks and keys on the view's root, keyed by
//! `data-nv-action`; popovers; events to the host; the relative-time refresh.
//!
//! What the widgets need of the article is read from the markup, where layout writes it
//! (`src/layout.rs`): the id and share URL on `<article class="nv" data-nv-id data-nv-url>`,
//! a keyword's name and URL (its text and `href`), a related video's `data-nv-id` and `href`,
//! the lead video on its play button (`data-nv-src`, `data-nv-title`, `data-nv-duration`, the
//! poster's `src`), the counts on the buttons (`data-nv-count`), the times' `data-nv-rel`. So
//! the same code wires a view this client rendered and server markup it never read the
//! article of (the hydration-only client).

use super::handle::{Interval, Listener, Timeout};
use super::state::{document, query, query_all, Shared, ViewState};
use crate::options::{
    event, COMMENT_DETAIL_KEYS, FAVORITE_DETAIL_KEYS, KEYWORD_DETAIL_KEYS, LIKE_DETAIL_KEYS,
    RELATED_DETAIL_KEYS, SHARE_DETAIL_KEYS,
};
use crate::read::key;
use crate::share::ShareService;
use crate::text;
use js_sys::{Object, Reflect};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, Event, KeyboardEvent, Node};

/// Attaches the listeners and the timer of a freshly rendered view.
pub(crate) fn wire(state: &Shared) {
    let weak = Rc::downgrade(state);
    let (root, container) = {
        let s = state.borrow();
        (s.root.clone(), s.container.clone())
    };
    // One closure for every event of the view: clicks and keys on its root, an image's
    // `error` on its way down (it does not bubble), and clicks anywhere on the page, which
    // close its popovers when they land outside it.
    let w = weak.clone();
    let host = container.clone();
    let mut listener = Listener::new(move |e: Event| {
        let on_page = e
            .current_target()
            .is_some_and(|t| t.has_type::<web_sys::Document>());
        match e.type_().as_str() {
            "click" if on_page => {
                let inside = e
                    .target()
                    .and_then(|t| t.dyn_into::<Node>().ok())
                    .is_some_and(|t| host.contains(Some(&t)));
                if !inside {
                    // Focus goes back to the popover's button unless the click gave it to
                    // something else on the page.
                    let lost = match document().ok().and_then(|d| d.active_element()) {
                        None => true,
                        Some(a) => {
                            a.tag_name() == "BODY"
                                || a.tag_name() == "HTML"
                                || host.contains(Some(&a))
                        }
                    };
                    with(&w, |s| close_popovers(s, lost));
                }
            }
            "click" => with(&w, |s| on_click(s, &e)),
            "keydown" => with(&w, |s| on_key(s, &e)),
            "error" => image_error(&e),
            _ => {}
        }
    });
    listener.listen(root.as_ref(), "click", false);
    listener.listen(root.as_ref(), "keydown", false);
    // A commenter's avatar that fails to load becomes the initial of their name: one
    // capturing listener for every image, present and future.
    listener.listen(root.as_ref(), "error", true);
    if let Ok(doc) = document() {
        listener.listen(doc.as_ref(), "click", false);
    }
    let listeners = vec![listener];
    let w = weak.clone();
    let timer = Interval::new(60_000, move || with(&w, refresh_times));
    let mut s = state.borrow_mut();
    s.listeners = listeners;
    s.timers = match timer {
        Some(t) => vec![t],
        None => Vec::new(),
    };
}

fn with(weak: &Weak<std::cell::RefCell<ViewState>>, f: impl FnOnce(&Shared)) {
    if let Some(state) = weak.upgrade() {
        if !state.borrow().destroyed {
            f(&state);
        }
    }
}

fn target_element(e: &Event) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}

fn action_of(e: &Event) -> Option<(Element, String)> {
    let el = target_element(e)?.closest("[data-nv-action]").ok()??;
    let action = el.get_attribute("data-nv-action")?;
    Some((el, action))
}

fn index_of(el: &Element) -> Option<usize> {
    // Parsed as the times' `data-nv-rel` is (one integer parser in the wasm), then narrowed.
    let n = text::parse_i64(&el.get_attribute("data-nv-index")?)?;
    usize::try_from(n).ok()
}

fn on_click(state: &Shared, e: &Event) {
    let Some((el, action)) = action_of(e) else {
        // A click inside the view but outside any control closes open popovers, unless it
        // landed inside a popover.
        let in_popover = target_element(e)
            .and_then(|t| t.closest(".nv-popover").ok().flatten())
            .is_some();
        if !in_popover {
            close_popovers(state, false);
        }
        return;
    };
    match action.as_str() {
        "like" | "favorite" => toggle_pressed(state, &el, action == "like"),
        "share" | "qr" => toggle_popover(state, &el),
        "share-service" => share_service(state, &el, e),
        "keyword" | "related" => {
            let Some(i) = index_of(&el) else { return };
            let d = Object::new();
            let url = el.get_attribute("href").into();
            let index = (i as u32).into();
            let name = if action == "keyword" {
                const KEYS: &[&str] = KEYWORD_DETAIL_KEYS;
                set(&d, key!(KEYS, "name"), el.text_content().into());
                set(&d, key!(KEYS, "url"), url);
                set(&d, key!(KEYS, "index"), index);
                event!("nv-keyword")
            } else {
                const KEYS: &[&str] = RELATED_DETAIL_KEYS;
                set(&d, key!(KEYS, "id"), el.get_attribute("data-nv-id").into());
                set(&d, key!(KEYS, "url"), url);
                set(&d, key!(KEYS, "index"), index);
                event!("nv-related")
            };
            if !emit(state, name, &d, true) {
                e.prevent_default();
            }
        }
        "login" => {
            emit(state, event!("nv-login"), &Object::new(), false);
        }
        "comment" => submit_comment(state, &el),
        "play" => play(state, &el),
        _ => {}
    }
}

fn on_key(state: &Shared, e: &Event) {
    let Some(key) = e.dyn_ref::<KeyboardEvent>().map(|k| k.key()) else {
        return;
    };
    let step: i32 = match key.as_str() {
        "Escape" => {
            close_popovers(state, true);
            return;
        }
        "ArrowDown" | "ArrowRight" => 1,
        "ArrowUp" | "ArrowLeft" => -1,
        "Home" => -10_000,
        "End" => 10_000,
        "Enter" | " " => {
            // A keyword without a URL is an `<a role=link tabindex=0>` with no href: Enter
            // does not click it by itself.
            if let Some(el) = target_element(e) {
                if key == "Enter" && el.matches("a[data-nv-action]:not([href])").unwrap_or(false) {
                    e.prevent_default();
                    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                        h.click();
                    }
                }
            }
            return;
        }
        _ => return,
    };
    // Arrow keys move between the items of an open menu (wrapping), Home/End to the ends.
    let Some(item) = target_element(e) else {
        return;
    };
    let Some(menu) = item.closest("[role=menu]").ok().flatten() else {
        return;
    };
    let Ok(items) = menu.query_selector_all("[role=menuitem]") else {
        return;
    };
    let n = items.length() as i32;
    if n == 0 {
        return;
    }
    e.prevent_default();
    let current = (0..n).find(|&i| {
        items
            .item(i as u32)
            .is_some_and(|m| m.contains(Some(item.as_ref())))
    });
    let next = match (current, step) {
        (_, -10_000) => 0,
        (_, 10_000) => n - 1,
        (Some(i), s) => (i + s).rem_euclid(n),
        (None, 1) => 0,
        (None, _) => n - 1,
    };
    if let Some(h) = items
        .item(next as u32)
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = h.focus();
    }
}

/// `obj[key] = value`. Takes the value, so that callers hold no temporary to drop.
pub(crate) fn set(obj: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
}

/// Dispatches `name` on the container (bubbling, composed); returns false when the host
/// cancelled it.
fn emit(state: &Shared, name: &str, detail: &Object, cancelable: bool) -> bool {
    let container = state.borrow().container.clone();
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(ev) => container.dispatch_event(&ev).unwrap_or(true),
        Err(_) => true,
    }
}

fn toggle_pressed(state: &Shared, button: &Element, like: bool) {
    let (pressed, count, id) = {
        let s = state.borrow();
        let was = if like { s.liked } else { s.favorited };
        let base = if like { s.like_count } else { s.favorite_count };
        let next = base.map(|b| {
            if was {
                b.saturating_sub(1)
            } else {
                b.saturating_add(1)
            }
        });
        (
            !was,
            next,
            article_attr(&s, "data-nv-id").unwrap_or_default(),
        )
    };
    let detail = Object::new();
    let [id_key, state_key, count_key] = if like {
        const KEYS: &[&str] = LIKE_DETAIL_KEYS;
        [key!(KEYS, "id"), key!(KEYS, "liked"), key!(KEYS, "count")]
    } else {
        const KEYS: &[&str] = FAVORITE_DETAIL_KEYS;
        [
            key!(KEYS, "id"),
            key!(KEYS, "favorited"),
            key!(KEYS, "count"),
        ]
    };
    set(&detail, id_key, id.as_str().into());
    set(&detail, state_key, pressed.into());
    if let Some(c) = count {
        set(&detail, count_key, (c as f64).into());
    }
    if !emit(
        state,
        if like {
            event!("nv-like")
        } else {
            event!("nv-favorite")
        },
        &detail,
        true,
    ) {
        return;
    }
    apply_pressed(state, button, like, pressed, count);
}

/// Records and shows the state of 点赞 (`like`) or 收藏.
fn apply_pressed(state: &Shared, button: &Element, like: bool, pressed: bool, count: Option<u64>) {
    let lang = {
        let mut s = state.borrow_mut();
        if like {
            s.liked = pressed;
            s.like_count = count.or(s.like_count);
        } else {
            s.favorited = pressed;
            s.favorite_count = count.or(s.favorite_count);
        }
        s.options.lang
    };
    let _ = button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
    if let Some(c) = count {
        let count_el = match button.query_selector(".nv-count") {
            Ok(Some(el)) => Some(el),
            _ => document().ok().and_then(|d| {
                let el = d.create_element("span").ok()?;
                let _ = el.set_attribute("class", "nv-count");
                button.append_child(&el).ok()?;
                Some(el)
            }),
        };
        if let Some(el) = count_el {
            el.set_text_content(Some(&text::format_count(c, lang)));
        }
    }
}

/// `view.setLiked` / `view.setFavorited`: the host states the truth; no event fires.
pub(crate) fn set_pressed(state: &Shared, like: bool, pressed: bool, count: Option<u64>) {
    let root = {
        let s = state.borrow();
        if s.destroyed {
            return;
        }
        s.root.clone()
    };
    let selector = if like {
        "[data-nv-action=like]"
    } else {
        "[data-nv-action=favorite]"
    };
    if let Ok(Some(button)) = query(&root, selector) {
        apply_pressed(state, &button, like, pressed, count);
    }
}

/// Swaps an avatar that fails to load for the author's initial. (Covers and the poster need
/// nothing: the stylesheet draws a broken image as the neutral placeholder.)
/// An `error` event on its way to an element of the view: a commenter's avatar that failed.
fn image_error(e: &Event) {
    if let Some(img) = target_element(e) {
        if img.matches("img.nv-avatar").unwrap_or(false) {
            image_failed(&img);
        }
    }
}

fn image_failed(img: &Element) {
    let initial = img
        .closest(".nv-comment")
        .ok()
        .flatten()
        .and_then(|li| li.query_selector(".nv-comment-author").ok().flatten())
        .and_then(|a| a.text_content())
        .and_then(|t| t.chars().next())
        .map(String::from)
        .unwrap_or_default();
    let Ok(doc) = document() else { return };
    let Ok(span) = doc.create_element("span") else {
        return;
    };
    let _ = span.set_attribute("class", "nv-avatar nv-avatar-fallback");
    let _ = span.set_attribute("aria-hidden", "true");
    span.set_text_content(Some(&initial));
    let _ = img.replace_with_with_node_1(&span);
}

fn toggle_popover(state: &Shared, button: &Element) {
    let open = button.get_attribute("aria-expanded").as_deref() == Some("true");
    close_popovers(state, false);
    if open {
        return;
    }
    let Some(pop) = button.next_element_sibling() else {
        return;
    };
    draw_qr_codes(state, &pop);
    let _ = pop.remove_attribute("hidden");
    let _ = button.set_attribute("aria-expanded", "true");
    if let Ok(Some(first)) = pop.query_selector("[role=menuitem]") {
        if let Some(h) = first.dyn_ref::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
}

// The QR module's loader (www/newsview-qr-load.js, bundled into pkg/newsview.js): the full
// client has no encoder.
#[cfg(feature = "dom")]
#[wasm_bindgen(module = "/www/newsview-qr-load.js")]
extern "C" {
    fn nv_qr_modules(url: &str, then: &JsValue);
    fn nv_qr_watch(root: &Node);
}

/// Starts loading the QR module when the reader shows intent to open a QR code of the view
/// whose root is `root` (the pointer over, or focus on, 用手机看 or 微信) while it holds a
/// placeholder; else it loads when a popover with one first opens ([`draw_qr_codes`]).
#[cfg(feature = "dom")]
pub(crate) fn watch_qr(root: &Node) {
    nv_qr_watch(root);
}

/// Draws the QR codes the full client's layout left as placeholders in `scope`
/// (`svg[data-nv-qr]`, [`crate::layout::Context::qr_on_open`]): the share URL's code, named as
/// the placeholder is. The QR module encodes it (loaded now if it was not); its modules, as
/// data, are written by the escaping writer and parsed in each placeholder's place when they
/// arrive. If they never do (the module did not load), the placeholders stay. Server markup
/// has its codes drawn, so the hydration-only client, which has no loader, never meets one.
#[cfg(feature = "dom")]
fn draw_qr_codes(state: &Shared, scope: &Element) {
    if !matches!(scope.query_selector("svg[data-nv-qr]"), Ok(Some(_))) {
        return;
    }
    let url = share_url_of(&state.borrow());
    let scope = scope.clone();
    let then = Closure::once_into_js(move |modules: JsValue| {
        let modules = modules
            .dyn_into::<js_sys::Uint8Array>()
            .ok()
            .and_then(|bytes| crate::qr::Modules::from_bytes(bytes.to_vec()));
        if let Some(modules) = modules {
            draw_qr_modules(&scope, &modules);
        }
    });
    nv_qr_modules(&url, &then);
}

/// Puts the drawing of `modules` in the place of each placeholder still in `scope`.
#[cfg(feature = "dom")]
fn draw_qr_modules(scope: &Element, modules: &crate::qr::Modules) {
    let Some(placeholders) = scope.query_selector_all("svg[data-nv-qr]").ok() else {
        return;
    };
    for i in 0..placeholders.length() {
        let Some(svg) = placeholders.item(i) else {
            continue;
        };
        let label = svg
            .unchecked_ref::<Element>()
            .get_attribute("aria-label")
            .unwrap_or_default();
        let markup = crate::layout::qr_drawing(modules, &label);
        if let Ok(html) = super::trusted::trusted_html(&markup) {
            let _ = Reflect::set(&svg, &JsValue::from_str("outerHTML"), &html);
        }
    }
}

#[cfg(not(feature = "dom"))]
fn draw_qr_codes(_: &Shared, _: &Element) {}

/// Closes every open popover; with `restore_focus`, focus returns to the button of the one
/// that was open.
fn close_popovers(state: &Shared, restore_focus: bool) {
    let root = state.borrow().root.clone();
    let Some(buttons) = query_all(&root, "[aria-expanded=true]") else {
        return;
    };
    for i in 0..buttons.length() {
        let Some(b) = buttons.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let _ = b.set_attribute("aria-expanded", "false");
        if let Some(pop) = b.next_element_sibling() {
            let _ = pop.set_attribute("hidden", "");
            if let Ok(Some(panel)) = pop.query_selector(".nv-share-wechat") {
                let _ = panel.set_attribute("hidden", "");
            }
        }
        if restore_focus {
            if let Some(h) = b.dyn_ref::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    }
}

/// Attribute `name` of the view's `<article class="nv">`, where layout writes the article's
/// id (`data-nv-id`) and share URL (`data-nv-url`).
fn article_attr(s: &ViewState, name: &str) -> Option<String> {
    query(&s.root, "article.nv").ok()??.get_attribute(name)
}

/// The URL shared and encoded in the QR code (the article's `url`, else the page's), as
/// layout wrote it; empty when there is none.
fn share_url_of(s: &ViewState) -> String {
    article_attr(s, "data-nv-url").unwrap_or_default()
}

fn share_service(state: &Shared, el: &Element, e: &Event) {
    let Some(service) = el
        .get_attribute("data-nv-service")
        .and_then(|k| ShareService::from_key(&k))
    else {
        return;
    };
    let url = share_url_of(&state.borrow());
    let detail = Object::new();
    set(
        &detail,
        key!(SHARE_DETAIL_KEYS, "service"),
        service.key().into(),
    );
    set(&detail, key!(SHARE_DETAIL_KEYS, "url"), url.as_str().into());
    if !emit(state, event!("nv-share"), &detail, true) {
        e.prevent_default();
        return;
    }
    match service {
        ShareService::CopyLink => copy_link(state, &url),
        ShareService::Wechat => {
            if let Some(panel) = el
                .closest(".nv-share-menu")
                .ok()
                .flatten()
                .and_then(|m| m.query_selector(".nv-share-wechat").ok().flatten())
            {
                draw_qr_codes(state, &panel);
                let _ = panel.remove_attribute("hidden");
            }
        }
        ShareService::System => system_share(state, &url),
        _ => close_popovers(state, false),
    }
}

fn system_share(state: &Shared, url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let data = Object::new();
    let title = query(&state.borrow().root, "h1.nv-title")
        .ok()
        .flatten()
        .and_then(|h| h.text_content());
    set(&data, "title", title.into());
    set(&data, "url", url.into());
    let navigator: JsValue = window.navigator().into();
    if let Some(f) = method(&navigator, "share") {
        if let Ok(p) = f.call1(&navigator, &data) {
            // A reader who dismisses the sheet rejects the promise: not an error.
            let ignore = Closure::once_into_js(|_: JsValue| {});
            then(&p, &JsValue::UNDEFINED, &ignore);
        }
    }
}

fn copy_link(state: &Shared, url: &str) {
    let weak = Rc::downgrade(state);
    let url_owned = url.to_owned();
    let clipboard = web_sys::window()
        .map(|w| Reflect::get(&w.navigator(), &"clipboard".into()).unwrap_or(JsValue::UNDEFINED))
        .filter(|c| !c.is_undefined() && !c.is_null());
    let promise = clipboard.and_then(|c| method(&c, "writeText")?.call1(&c, &url.into()).ok());
    match promise {
        Some(p) => {
            let w1 = weak.clone();
            let ok = Closure::once_into_js(move |_: JsValue| with(&w1, |s| copied(s, true)));
            let fail = Closure::once_into_js(move |_: JsValue| {
                with(&weak, |s| {
                    let done = fallback_copy(&url_owned);
                    copied(s, done)
                })
            });
            then(&p, &ok, &fail);
        }
        None => {
            let done = fallback_copy(url);
            copied(state, done);
        }
    }
}

/// `promise.then(ok, fail)`, with plain JS functions.
fn then(promise: &JsValue, ok: &JsValue, fail: &JsValue) {
    if let Some(f) = method(promise, "then") {
        let _ = f.call2(promise, ok, fail);
    }
}

/// `obj[name]` when it is a function.
fn method(obj: &JsValue, name: &str) -> Option<js_sys::Function> {
    Reflect::get(obj, &name.into()).ok()?.dyn_into().ok()
}

/// Copies through a hidden textarea and `execCommand("copy")`, for browsers or contexts
/// where the Clipboard API is refused.
fn fallback_copy(text: &str) -> bool {
    let Ok(doc) = document() else { return false };
    let Some(body) = doc.body() else { return false };
    let Ok(area) = doc.create_element("textarea") else {
        return false;
    };
    area.set_text_content(Some(text));
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("style", "position:fixed;top:0;left:0;opacity:0");
    if body.append_child(&area).is_err() {
        return false;
    }
    if let Some(f) = method(&area, "select") {
        let _ = f.call0(&area);
    }
    let done = method(&doc, "execCommand")
        .and_then(|f| f.call1(&doc, &"copy".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    area.remove();
    done
}

fn copied(state: &Shared, done: bool) {
    close_popovers(state, true);
    // Copied: say so; not copied: show the URL, to copy by hand.
    let message = {
        let s = state.borrow();
        if done {
            s.options.labels().link_copied.to_owned()
        } else {
            share_url_of(&s)
        }
    };
    toast(state, &message);
}

/// Shows `message` in the live region for three seconds.
fn toast(state: &Shared, message: &str) {
    let root = state.borrow().root.clone();
    let Ok(Some(el)) = query(&root, ".nv-toast") else {
        return;
    };
    el.set_text_content(Some(message));
    let weak = Rc::downgrade(state);
    let timer = Timeout::new(3000, move || {
        if weak.upgrade().is_some() {
            el.set_text_content(None);
        }
    });
    state.borrow_mut().toast_timer = timer;
}

fn submit_comment(state: &Shared, button: &Element) {
    let Some(form) = button.parent_element() else {
        return;
    };
    let Some(area) = form
        .query_selector("textarea")
        .ok()
        .flatten()
        .and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let text = area.value();
    let hint = form.query_selector(".nv-comment-hint").ok().flatten();
    if text.chars().all(char::is_whitespace) {
        let _ = area.set_attribute("aria-invalid", "true");
        if let Some(h) = &hint {
            let s = state.borrow();
            h.set_text_content(Some(s.options.labels().comment_empty));
        }
        let _ = area.focus();
        return;
    }
    let _ = area.remove_attribute("aria-invalid");
    if let Some(h) = &hint {
        h.set_text_content(None);
    }
    let detail = Object::new();
    set(
        &detail,
        key!(COMMENT_DETAIL_KEYS, "text"),
        text.as_str().into(),
    );
    if emit(state, event!("nv-comment"), &detail, true) {
        area.set_value("");
    }
}

fn play(state: &Shared, button: &Element) {
    let Some(src) = button.get_attribute("data-nv-src") else {
        return;
    };
    let player = state.borrow().video_player.clone();
    let poster = button
        .query_selector("img.nv-poster")
        .ok()
        .flatten()
        .and_then(|img| img.get_attribute("src"));
    let title = button.get_attribute("data-nv-title");
    let duration = button
        .get_attribute("data-nv-duration")
        .and_then(|d| text::parse_i64(&d))
        .and_then(|d| u32::try_from(d).ok());
    let Ok(doc) = document() else { return };
    let Ok(video) = doc.create_element("video") else {
        return;
    };
    for (k, v) in [
        ("class", "nv-video"),
        ("controls", ""),
        ("playsinline", ""),
        ("autoplay", ""),
    ] {
        let _ = video.set_attribute(k, v);
    }
    // HLS plays natively where the browser can (Safari, some Android browsers); elsewhere the
    // host's `videoPlayer(element, video)` attaches its own player (e.g. hls.js).
    let native = !is_hls(&src) || can_play_hls(&video);
    let player = if native { None } else { player };
    if player.is_none() {
        // `src` comes from the model's URL policy (media: http, https or relative only).
        let _ = video.set_attribute("src", &src);
    }
    if button.replace_with_with_node_1(&video).is_err() {
        return;
    }
    if let Some(h) = video.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
    if let Some(f) = player {
        let detail = Object::new();
        set(&detail, "src", src.as_str().into());
        set(&detail, "poster", poster.into());
        set(&detail, "title", title.into());
        set(&detail, "duration", duration.into());
        // A host player that throws leaves the bare <video> element in place.
        let _ = f.call2(&JsValue::NULL, &video, &detail);
    }
}

/// `video.canPlayType("application/vnd.apple.mpegurl")` is not `""`.
fn can_play_hls(video: &Element) -> bool {
    method(video, "canPlayType")
        .and_then(|f| f.call1(video, &"application/vnd.apple.mpegurl".into()).ok())
        .and_then(|v| v.as_string())
        .is_some_and(|v| !v.is_empty())
}

/// Whether `src` names an HLS playlist (`….m3u8`, before any query or fragment).
fn is_hls(src: &str) -> bool {
    let end = src.bytes().position(|b| b == b'?' || b == b'#');
    let path = &src.as_bytes()[..end.unwrap_or(src.len())];
    path.len() >= 5 && path[path.len() - 5..].eq_ignore_ascii_case(b".m3u8")
}

/// Rewrites every relative time (`time[data-nv-rel]`) for the current clock, without
/// re-rendering anything else.
pub(crate) fn refresh_times(state: &Shared) {
    let s = state.borrow();
    let now_ms = s.options.now_ms.unwrap_or_else(js_sys::Date::now);
    let now = (now_ms / 1000.0).floor() as i64;
    let l = s.options.labels();
    let Some(list) = query_all(&s.root, "time[data-nv-rel]") else {
        return;
    };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some(secs) = el
            .get_attribute("data-nv-rel")
            .and_then(|v| text::parse_i64(&v))
        else {
            continue;
        };
        let ts = text::Timestamp {
            unix_seconds: secs,
            offset_minutes: 0,
        };
        let label = text::relative_time(ts, now, s.options.time_zone, &l);
        if el.text_content().as_deref() != Some(label.as_str()) {
            el.set_text_content(Some(&label));
        }
    }
}
