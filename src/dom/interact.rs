//! Behaviour: one delegated listener for clicks and keys on the view's root, keyed by
//! `data-nv-action`; popovers; events to the host; the relative-time refresh.

use super::api::{document, Shared};
use super::handle::{Interval, Listener, Timeout};
use crate::labels::labels;
use crate::share::ShareService;
use crate::text;
use js_sys::{Object, Reflect};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, Event, KeyboardEvent, Node, NodeList};

/// Attaches the listeners and the timer of a freshly rendered view.
pub(crate) fn wire(state: &Shared) {
    let weak = Rc::downgrade(state);
    let (root, container) = {
        let s = state.borrow();
        (s.root.clone(), s.container.clone())
    };
    let mut listeners = Vec::new();
    let w = weak.clone();
    listeners.push(Listener::new(root.as_ref(), "click", move |e| {
        with(&w, |s| on_click(s, &e))
    }));
    let w = weak.clone();
    listeners.push(Listener::new(root.as_ref(), "keydown", move |e| {
        with(&w, |s| on_key(s, &e))
    }));
    if let Ok(doc) = document() {
        let w = weak.clone();
        let host = container.clone();
        listeners.push(Listener::new(doc.as_ref(), "click", move |e| {
            let inside = e
                .target()
                .and_then(|t| t.dyn_into::<Node>().ok())
                .is_some_and(|t| host.contains(Some(&t)));
            if !inside {
                with(&w, |s| close_popovers(s, false));
            }
        }));
    }
    let w = weak.clone();
    let timer = Interval::new(60_000, move || with(&w, refresh_times));
    let mut s = state.borrow_mut();
    s.listeners = listeners;
    s.timers = timer.into_iter().collect();
}

fn with(weak: &Weak<std::cell::RefCell<super::api::ViewState>>, f: impl FnOnce(&Shared)) {
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
    el.get_attribute("data-nv-index")?.parse().ok()
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
        "keyword" => {
            let Some(i) = index_of(&el) else { return };
            let detail = {
                let s = state.borrow();
                let Some(k) = s.article.keywords.get(i) else {
                    return;
                };
                let d = Object::new();
                set(&d, "name", &k.name.as_str().into());
                set(&d, "url", &k.url.as_ref().map(|u| u.as_str()).into());
                set(&d, "index", &(i as u32).into());
                d
            };
            if !emit(state, "nv-keyword", &detail, true) {
                e.prevent_default();
            }
        }
        "related" => {
            let Some(i) = index_of(&el) else { return };
            let detail = {
                let s = state.borrow();
                let Some(v) = s.article.related_videos.get(i) else {
                    return;
                };
                let d = Object::new();
                set(&d, "id", &v.id.as_str().into());
                set(&d, "url", &v.url.as_str().into());
                set(&d, "index", &(i as u32).into());
                d
            };
            if !emit(state, "nv-related", &detail, true) {
                e.prevent_default();
            }
        }
        "login" => {
            emit(state, "nv-login", &Object::new(), false);
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
    if key == "Escape" {
        close_popovers(state, true);
    }
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
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
        let base = if like {
            s.article.stats.likes
        } else {
            s.article.stats.favorites
        };
        (
            !was,
            base.map(|b| b + u64::from(!was)),
            s.article.id.clone(),
        )
    };
    let detail = Object::new();
    set(&detail, "id", &id.as_str().into());
    set(
        &detail,
        if like { "liked" } else { "favorited" },
        &pressed.into(),
    );
    if let Some(c) = count {
        set(&detail, "count", &(c as f64).into());
    }
    if !emit(
        state,
        if like { "nv-like" } else { "nv-favorite" },
        &detail,
        true,
    ) {
        return;
    }
    let lang = {
        let mut s = state.borrow_mut();
        if like {
            s.liked = pressed;
        } else {
            s.favorited = pressed;
        }
        s.options.lang
    };
    let _ = button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
    if let (Some(c), Ok(Some(count_el))) = (count, button.query_selector(".nv-count")) {
        count_el.set_text_content(Some(&text::format_count(c, lang)));
    }
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
    let _ = pop.remove_attribute("hidden");
    let _ = button.set_attribute("aria-expanded", "true");
    if let Ok(Some(first)) = pop.query_selector("[role=menuitem]") {
        if let Some(h) = first.dyn_ref::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
}

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

fn query_all(root: &Node, selector: &str) -> Option<NodeList> {
    if let Some(f) = root.dyn_ref::<web_sys::DocumentFragment>() {
        return f.query_selector_all(selector).ok();
    }
    root.dyn_ref::<Element>()?.query_selector_all(selector).ok()
}

fn share_url(state: &Shared) -> Option<String> {
    let s = state.borrow();
    s.article
        .url
        .as_ref()
        .or(s.options.page_url.as_ref())
        .map(|u| u.as_str().to_owned())
}

fn share_service(state: &Shared, el: &Element, e: &Event) {
    let Some(service) = el
        .get_attribute("data-nv-service")
        .and_then(|k| ShareService::from_key(&k))
    else {
        return;
    };
    let url = share_url(state).unwrap_or_default();
    let detail = Object::new();
    set(&detail, "service", &service.key().into());
    set(&detail, "url", &url.as_str().into());
    if !emit(state, "nv-share", &detail, true) {
        e.prevent_default();
        return;
    }
    match service {
        ShareService::CopyLink => copy_link(state, &url),
        ShareService::Wechat => {
            if let Some(panel) = el
                .parent_element()
                .and_then(|m| m.query_selector(".nv-share-wechat").ok().flatten())
            {
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
    set(
        &data,
        "title",
        &state.borrow().article.title.as_str().into(),
    );
    set(&data, "url", &url.into());
    let navigator: JsValue = window.navigator().into();
    if let Ok(f) =
        Reflect::get(&navigator, &"share".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    {
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
    let promise = clipboard.and_then(|c| {
        let f = Reflect::get(&c, &"writeText".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        f.call1(&c, &url.into()).ok()
    });
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
    if let Ok(f) =
        Reflect::get(promise, &"then".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = f.call2(promise, ok, fail);
    }
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
    let select = Reflect::get(&area, &"select".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(f) = select {
        let _ = f.call0(&area);
    }
    let exec = Reflect::get(&doc, &"execCommand".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let done = exec
        .and_then(|f| f.call1(&doc, &"copy".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    area.remove();
    done
}

fn copied(state: &Shared, done: bool) {
    close_popovers(state, true);
    let (message, url) = {
        let s = state.borrow();
        let l = labels(s.options.lang);
        (l.link_copied, share_url_of(&s))
    };
    if done {
        toast(state, message);
    } else {
        toast(state, &url);
    }
}

fn share_url_of(s: &super::api::ViewState) -> String {
    s.article
        .url
        .as_ref()
        .or(s.options.page_url.as_ref())
        .map(|u| u.as_str().to_owned())
        .unwrap_or_default()
}

/// Shows `message` in the live region for three seconds.
fn toast(state: &Shared, message: &str) {
    let root = state.borrow().root.clone();
    let Some(list) = query_all(&root, ".nv-toast") else {
        return;
    };
    let Some(el) = list.item(0) else { return };
    el.set_text_content(Some(message));
    let weak = Rc::downgrade(state);
    let el2 = el.clone();
    let timer = Timeout::new(3000, move || {
        if weak.upgrade().is_some() {
            el2.set_text_content(None);
        }
    });
    state.borrow_mut().toast_timer = timer;
}

fn submit_comment(state: &Shared, button: &Element) {
    let Some(area) = button
        .parent_element()
        .and_then(|f| f.query_selector("textarea").ok().flatten())
        .and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let text = area.value();
    if text.trim().is_empty() {
        let _ = area.set_attribute("aria-invalid", "true");
        let _ = area.focus();
        return;
    }
    let _ = area.remove_attribute("aria-invalid");
    let detail = Object::new();
    set(&detail, "text", &text.as_str().into());
    if emit(state, "nv-comment", &detail, true) {
        area.set_value("");
    }
}

fn play(state: &Shared, button: &Element) {
    let src = {
        let s = state.borrow();
        match s.article.lead_video.as_ref() {
            Some(v) => v.src.as_str().to_owned(),
            None => return,
        }
    };
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
    // `src` comes from the model's URL policy (media: http, https or relative only).
    let _ = video.set_attribute("src", &src);
    if button.replace_with_with_node_1(&video).is_ok() {
        if let Some(h) = video.dyn_ref::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
}

/// Rewrites every relative time (`time[data-nv-rel]`) for the current clock, without
/// re-rendering anything else.
pub(crate) fn refresh_times(state: &Shared) {
    let s = state.borrow();
    let now_ms = s.options.now_ms.unwrap_or_else(js_sys::Date::now);
    let now = (now_ms / 1000.0).floor() as i64;
    let l = labels(s.options.lang);
    let Some(list) = query_all(&s.root, "time[data-nv-rel]") else {
        return;
    };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some(secs) = el
            .get_attribute("data-nv-rel")
            .and_then(|v| v.parse::<i64>().ok())
        else {
            continue;
        };
        let ts = text::Timestamp {
            unix_seconds: secs,
            offset_minutes: 0,
        };
        let label = text::relative_time(ts, now, s.options.time_zone, l);
        if el.text_content().as_deref() != Some(label.as_str()) {
            el.set_text_content(Some(&label));
        }
    }
}
