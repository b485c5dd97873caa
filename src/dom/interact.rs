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

use super::handle::{invoke, Callback, Listener, Timeout};
use super::state::{click, each, find, focus, prop, prop_as, query_all, window, Shared, ViewState};
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
use web_sys::{CustomEvent, Element, Event, Node};

/// Attaches the listener of a freshly rendered view: its events and its minute's tick.
pub(crate) fn wire(state: &Shared) {
    let weak = Rc::downgrade(state);
    let (root, container) = {
        let s = state.borrow();
        (s.root.clone(), s.container.clone())
    };
    let events = callback(&weak, Job::Events(container));
    state.borrow_mut().listener = Some(Listener::new(root.as_ref(), events, 60_000));
}

/// One event of the view whose container is `host`: clicks and keys on its root, an image's
/// `error` on its way down (it does not bubble), and clicks anywhere on the page, which close
/// its popovers when they land outside it.
fn on_event(w: &Weak<std::cell::RefCell<ViewState>>, host: &Element, e: &Event) {
    // Of the targets listened on (the root, an element or a shadow root, and the page's
    // document), only a document has `defaultView` (a window, or null): no `instanceof`.
    let on_page = !prop(&prop(e, "currentTarget"), "defaultView").is_undefined();
    match prop(e, "type").as_string().as_deref().unwrap_or_default() {
        "click" if on_page => {
            // The target of an event on the document is a node of it.
            let inside = prop_as::<Node>(e, "target").is_some_and(|t| host.contains(Some(&t)));
            if !inside {
                // Focus goes back to the popover's button unless the click gave it to
                // something else on the page.
                let active = page().and_then(|d| prop_as::<Element>(&d, "activeElement"));
                let lost = match active {
                    None => true,
                    Some(a) => a.matches("body,html").unwrap_or(false) || host.contains(Some(&a)),
                };
                if let Some(s) = live(w) {
                    close_popovers(&s, lost);
                }
            }
        }
        "click" => {
            if let Some(s) = live(w) {
                on_click(&s, e);
            }
        }
        "keydown" => {
            if let Some(s) = live(w) {
                on_key(&s, e);
            }
        }
        "error" => image_error(e),
        _ => {}
    }
}

/// The view, while it is live (not dropped, not destroyed).
fn live(weak: &Weak<std::cell::RefCell<ViewState>>) -> Option<Shared> {
    weak.upgrade().filter(|s| !s.borrow().destroyed)
}

/// The event's target, as an element: the view's listeners see the events of its nodes, and
/// whatever else one is (a shadow root, a text node: only for events a script dispatched
/// there) fails the bindings used on it (`closest`, `matches`: `catch`), as it should.
fn target_element(e: &Event) -> Option<Element> {
    prop_as(e, "target")
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
            let url = attr(&el, "href");
            let index = (i as u32).into();
            let name = if action == "keyword" {
                const KEYS: &[&str] = KEYWORD_DETAIL_KEYS;
                set(&d, key!(KEYS, "name"), prop(&el, "textContent"));
                set(&d, key!(KEYS, "url"), url);
                set(&d, key!(KEYS, "index"), index);
                event!("nv-keyword")
            } else {
                const KEYS: &[&str] = RELATED_DETAIL_KEYS;
                set(&d, key!(KEYS, "id"), attr(&el, "data-nv-id"));
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
    // `key` of a `KeyboardEvent` (read as a property: no `instanceof` test and no binding).
    let Some(key) = prop(e, "key").as_string() else {
        return;
    };
    // Arrow keys move between the items of an open menu (wrapping), Home/End to the ends.
    let step = match key.as_str() {
        "Escape" => {
            close_popovers(state, true);
            return;
        }
        "ArrowDown" | "ArrowRight" => 1,
        "ArrowUp" | "ArrowLeft" => -1,
        "Home" => HOME,
        "End" => END,
        "Enter" => {
            // A keyword without a URL is an `<a role=link tabindex=0>` with no href: Enter
            // does not click it by itself.
            if let Some(el) = target_element(e) {
                if el.matches("a[data-nv-action]:not([href])").unwrap_or(false) {
                    e.prevent_default();
                    click(&el);
                }
            }
            return;
        }
        _ => return,
    };
    let Some(item) = target_element(e) else {
        return;
    };
    let Some(menu) = item.closest("[role=menu]").ok().flatten() else {
        return;
    };
    let Some(items) = query_all(&menu, "[role=menuitem]") else {
        return;
    };
    let n = items.length() as i32;
    if n == 0 {
        return;
    }
    e.prevent_default();
    let mut current = None;
    for i in 0..n {
        if items
            .item(i as u32)
            .is_some_and(|m| m.contains(Some(item.as_ref())))
        {
            current = Some(i);
            break;
        }
    }
    let next = match (step, current) {
        (HOME, _) | (1, None) => 0,
        (END, _) | (_, None) => n - 1,
        // `step` is 1 or -1 here.
        (s, Some(i)) => (i + s + n) % n,
    };
    if let Some(m) = items.item(next as u32) {
        focus(m.unchecked_ref());
    }
}

/// The steps of Home and End in a menu (to its first and last item).
const HOME: i32 = i32::MIN;
const END: i32 = i32::MAX;

/// `obj[key] = value`. Takes the value, so that callers hold no temporary to drop.
pub(crate) fn set(obj: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
}

/// Dispatches `name` on the container (bubbling, composed); returns false when the host
/// cancelled it.
fn emit(state: &Shared, name: &str, detail: &Object, cancelable: bool) -> bool {
    let container = state.borrow().container.clone();
    // The `CustomEventInit` dictionary as a plain object, set through the one property setter.
    let init = Object::new();
    set(&init, "bubbles", JsValue::TRUE);
    set(&init, "composed", JsValue::TRUE);
    set(&init, "cancelable", cancelable.into());
    set(&init, "detail", detail.into());
    match CustomEvent::new_with_event_init_dict(name, init.unchecked_ref()) {
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
        let count_el = match find(button, ".nv-count") {
            Some(el) => Some(el),
            None => element("span").and_then(|el| {
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
    let selector = if like {
        "[data-nv-action=like]"
    } else {
        "[data-nv-action=favorite]"
    };
    let button = {
        let s = state.borrow();
        if s.destroyed {
            return;
        }
        find(&s.root, selector)
    };
    if let Some(button) = button {
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
    let name = img
        .closest(".nv-comment")
        .ok()
        .flatten()
        .and_then(|li| find(&li, ".nv-comment-author"))
        .and_then(|a| prop(&a, "textContent").as_string())
        .unwrap_or_default();
    // Its first character.
    let end = name.chars().next().map_or(0, char::len_utf8);
    let initial = name.get(..end).unwrap_or_default();
    let Some(span) = element("span") else {
        return;
    };
    let _ = span.set_attribute("class", "nv-avatar nv-avatar-fallback");
    let _ = span.set_attribute("aria-hidden", "true");
    span.set_text_content(Some(initial));
    let _ = img.replace_with_with_node_1(&span);
}

fn toggle_popover(state: &Shared, button: &Element) {
    let open = button.matches("[aria-expanded=true]").unwrap_or(false);
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
    if let Some(first) = find(&pop, "[role=menuitem]") {
        focus(&first);
    }
}

// The QR module's loader (www/newsview-qr-load.js, bundled into pkg/newsview.js): the full
// client has no encoder.
#[cfg(feature = "dom")]
#[wasm_bindgen(module = "/www/newsview-qr-load.js")]
extern "C" {
    fn nv_qr_modules(url: &str, then: &JsValue);
    fn nv_qr_watch();
}

/// Starts loading the QR module when the reader shows intent to open a QR code of a view (the
/// pointer over, or focus on, 用手机看 or 微信) that holds a placeholder; else it loads when a
/// popover with one first opens ([`draw_qr_codes`]). The loader watches the whole page, from
/// the first render on, until the module is loading: a render adds no listener of its own.
#[cfg(feature = "dom")]
pub(crate) fn watch_qr() {
    nv_qr_watch();
}

/// Draws the QR codes the full client's layout left as placeholders in `scope`
/// (`svg[data-nv-qr]`, [`crate::layout::Context::qr_on_open`]): the share URL's code, named as
/// the placeholder is. The QR module encodes it (loaded now if it was not); its modules, as
/// data, are written by the escaping writer and parsed in each placeholder's place when they
/// arrive. If they never do (the module did not load), the placeholders stay. Server markup
/// has its codes drawn, so the hydration-only client, which has no loader, never meets one.
#[cfg(feature = "dom")]
fn draw_qr_codes(state: &Shared, scope: &Element) {
    if find(scope, "svg[data-nv-qr]").is_none() {
        return;
    }
    let url = share_url_of(&state.borrow());
    let then = on_settled(&Rc::downgrade(state), Job::QrModules(scope.clone()));
    nv_qr_modules(&url, &then);
}

/// Puts the drawing of `modules` in the place of each placeholder still in `scope`.
#[cfg(feature = "dom")]
fn draw_qr_modules(scope: &Element, modules: &crate::qr::Modules) {
    each(scope, "svg[data-nv-qr]", &mut |svg| {
        let label = svg.get_attribute("aria-label").unwrap_or_default();
        let markup = crate::layout::qr_drawing(modules, &label);
        if let Ok(html) = super::trusted::trusted_html(&markup) {
            let _ = Reflect::set(&svg, &JsValue::from_str("outerHTML"), &html);
        }
    });
}

#[cfg(not(feature = "dom"))]
fn draw_qr_codes(_: &Shared, _: &Element) {}

/// Closes every open popover; with `restore_focus`, focus returns to the button of the one
/// that was open.
fn close_popovers(state: &Shared, restore_focus: bool) {
    let root = state.borrow().root.clone();
    each(&root, "[aria-expanded=true]", &mut |b| {
        let _ = b.set_attribute("aria-expanded", "false");
        if let Some(pop) = b.next_element_sibling() {
            let _ = pop.set_attribute("hidden", "");
            if let Some(panel) = find(&pop, ".nv-share-wechat") {
                let _ = panel.set_attribute("hidden", "");
            }
        }
        if restore_focus {
            focus(&b);
        }
    });
}

/// Attribute `name` of the view's `<article class="nv">`, where layout writes the article's
/// id (`data-nv-id`) and share URL (`data-nv-url`).
fn article_attr(s: &ViewState, name: &str) -> Option<String> {
    find(&s.root, "article.nv")?.get_attribute(name)
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
                .and_then(|m| find(&m, ".nv-share-wechat"))
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
    let Some(window) = window() else {
        return;
    };
    let data = Object::new();
    // An element's `textContent` is a string.
    let title = find(&state.borrow().root, "h1.nv-title")
        .map_or(JsValue::UNDEFINED, |h| prop(&h, "textContent"));
    set(&data, "title", title);
    set(&data, "url", url.into());
    let navigator = prop(&window, "navigator");
    if let Some(p) = invoke(&navigator, "share", &data, &JsValue::UNDEFINED) {
        // A reader who dismisses the sheet rejects the promise: not an error.
        let ignore = on_settled(&Rc::downgrade(state), Job::Ignore);
        then(&p, &JsValue::UNDEFINED, &ignore);
    }
}

fn copy_link(state: &Shared, url: &str) {
    let weak = Rc::downgrade(state);
    let url_owned = url.to_owned();
    let clipboard = window()
        .map(|w| prop(&prop(&w, "navigator"), "clipboard"))
        .filter(|c| !c.is_undefined() && !c.is_null());
    let promise = clipboard.and_then(|c| invoke(&c, "writeText", &url.into(), &JsValue::UNDEFINED));
    match promise {
        Some(p) => {
            let ok = on_settled(&weak, Job::Copied);
            let fail = on_settled(&weak, Job::Fallback(url_owned));
            then(&p, &ok, &fail);
        }
        None => {
            let done = fallback_copy(url);
            copied(state, done);
        }
    }
}

/// What a callback the widgets hand to JS does. Every one (the view's listener, its timers,
/// the promise callbacks) is one closure running [`run`]: each closure type costs its own glue
/// in the wasm.
enum Job {
    /// The view's events (see [`on_event`]), and with no value the minute's refresh of the
    /// relative times; the view's container.
    Events(Element),
    /// The end of a toast: empty this live region (if the view is still there).
    ClearToast(Element),
    /// Nothing (a dismissed share sheet rejects its promise: not an error).
    Ignore,
    /// The link was copied: say so.
    Copied,
    /// The Clipboard API refused: copy this URL through a textarea, then say how it went.
    Fallback(String),
    /// The QR module encoded the share URL (the value: its modules as bytes): draw them in the
    /// placeholders still in this element, whether or not the view is still there.
    #[cfg(feature = "dom")]
    QrModules(Element),
}

/// A JS callback doing `job` for the view `state` (a [`Callback`], which the caller keeps
/// until it is no longer needed).
fn callback(state: &Weak<std::cell::RefCell<ViewState>>, job: Job) -> Callback {
    let state = state.clone();
    Callback::new(move |value: JsValue| run(&state, &job, value))
}

/// A one-shot JS callback doing `job` for the view `state`, for a promise: JS owns it (it is
/// freed once collected).
fn on_settled(state: &Weak<std::cell::RefCell<ViewState>>, job: Job) -> JsValue {
    callback(state, job).into_js_value()
}

/// Does `job` for the view `state`, called with `value` (the event, or the settled value).
fn run(
    state: &Weak<std::cell::RefCell<ViewState>>,
    job: &Job,
    #[cfg_attr(not(feature = "dom"), allow(unused_variables))] value: JsValue,
) {
    match job {
        Job::Events(_) if value.is_undefined() => {
            if let Some(s) = live(state) {
                refresh_times(&s);
            }
        }
        Job::Events(host) => on_event(state, host, value.unchecked_ref()),
        Job::ClearToast(el) => {
            if state.upgrade().is_some() {
                el.set_text_content(None);
            }
        }
        Job::Ignore => {}
        #[cfg(feature = "dom")]
        Job::QrModules(scope) => {
            // A Uint8Array, or undefined (www/newsview-qr-load.js): no `instanceof`.
            let modules = Some(value)
                .filter(|v| !v.is_undefined())
                .map(JsCast::unchecked_into::<js_sys::Uint8Array>)
                .and_then(|bytes| crate::qr::Modules::from_bytes(bytes.to_vec()));
            if let Some(modules) = modules {
                draw_qr_modules(scope, &modules);
            }
        }
        Job::Copied => {
            if let Some(s) = live(state) {
                copied(&s, true);
            }
        }
        Job::Fallback(url) => {
            if let Some(s) = live(state) {
                let done = fallback_copy(url);
                copied(&s, done);
            }
        }
    }
}

/// `promise.then(ok, fail)`, with plain JS functions.
fn then(promise: &JsValue, ok: &JsValue, fail: &JsValue) {
    invoke(promise, "then", ok, fail);
}

/// Copies through a hidden textarea and `execCommand("copy")`, for browsers or contexts
/// where the Clipboard API is refused.
fn fallback_copy(text: &str) -> bool {
    let Some(doc) = page() else { return false };
    let Some(body) = prop_as::<Node>(&doc, "body") else {
        return false;
    };
    let Some(area) = element("textarea") else {
        return false;
    };
    area.set_text_content(Some(text));
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("style", "position:fixed;top:0;left:0;opacity:0");
    if body.append_child(&area).is_err() {
        return false;
    }
    invoke(&area, "select", &JsValue::UNDEFINED, &JsValue::UNDEFINED);
    let done = invoke(&doc, "execCommand", &"copy".into(), &JsValue::UNDEFINED)
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    area.remove();
    done
}

/// Says how the copy went in the live region, for three seconds: copied, or not copied (then
/// it shows the URL, to copy by hand).
fn copied(state: &Shared, done: bool) {
    close_popovers(state, true);
    let el = {
        let s = state.borrow();
        let Some(el) = find(&s.root, ".nv-toast") else {
            return;
        };
        if done {
            el.set_text_content(Some(s.options.labels().link_copied));
        } else {
            el.set_text_content(Some(&share_url_of(&s)));
        }
        el
    };
    let clear = callback(&Rc::downgrade(state), Job::ClearToast(el));
    state.borrow_mut().toast_timer = Timeout::new(3000, clear);
}

fn submit_comment(state: &Shared, button: &Element) {
    let Some(form) = prop_as::<Element>(button, "parentElement") else {
        return;
    };
    let Some(area) = find(&form, "textarea") else {
        return;
    };
    // The textarea's `value`, as a property (as `key` in `on_key`).
    let Some(text) = prop(&area, "value").as_string() else {
        return;
    };
    let hint = find(&form, ".nv-comment-hint");
    if text.chars().all(char::is_whitespace) {
        let _ = area.set_attribute("aria-invalid", "true");
        if let Some(h) = &hint {
            let s = state.borrow();
            h.set_text_content(Some(s.options.labels().comment_empty));
        }
        focus(&area);
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
        set(&area, "value", "".into());
    }
}

fn play(state: &Shared, button: &Element) {
    let Some(src) = button.get_attribute("data-nv-src") else {
        return;
    };
    let Some(video) = element("video") else {
        return;
    };
    let _ = video.set_attribute("class", "nv-video");
    let _ = video.set_attribute("controls", "");
    let _ = video.set_attribute("playsinline", "");
    let _ = video.set_attribute("autoplay", "");
    // HLS plays natively where the browser can (Safari, some Android browsers); elsewhere the
    // host's `videoPlayer(element, video)` attaches its own player (e.g. hls.js).
    let player = if is_hls(&src) && !can_play_hls(&video) {
        state.borrow().video_player.clone()
    } else {
        None
    };
    if player.is_none() {
        // `src` comes from the model's URL policy (media: http, https or relative only).
        let _ = video.set_attribute("src", &src);
    }
    if button.replace_with_with_node_1(&video).is_err() {
        return;
    }
    focus(&video);
    if let Some(f) = player {
        // What the button held (it keeps its content once replaced).
        let detail = Object::new();
        set(&detail, "src", src.as_str().into());
        let poster = find(button, "img.nv-poster");
        set(
            &detail,
            "poster",
            poster.map_or(JsValue::UNDEFINED, |img| attr(&img, "src")),
        );
        set(&detail, "title", attr(button, "data-nv-title"));
        let duration = button
            .get_attribute("data-nv-duration")
            .and_then(|d| text::parse_i64(&d))
            .and_then(|d| u32::try_from(d).ok());
        set(&detail, "duration", duration.into());
        // A host player that throws leaves the bare <video> element in place.
        let _ = f.call2(&JsValue::NULL, &video, &detail);
    }
}

/// The page's document, if there is one.
fn page() -> Option<web_sys::Document> {
    window()?.document()
}

/// A new `<tag>` of the page's document.
fn element(tag: &str) -> Option<Element> {
    page()?.create_element(tag).ok()
}

/// Attribute `name` of `el` as a JS value: its string, or `undefined` when it has none.
fn attr(el: &Element, name: &str) -> JsValue {
    el.get_attribute(name).into()
}

/// `video.canPlayType("application/vnd.apple.mpegurl")` is not `""`.
fn can_play_hls(video: &Element) -> bool {
    invoke(
        video,
        "canPlayType",
        &"application/vnd.apple.mpegurl".into(),
        &JsValue::UNDEFINED,
    )
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
    each(&s.root, "time[data-nv-rel]", &mut |el| {
        let Some(secs) = el
            .get_attribute("data-nv-rel")
            .and_then(|v| text::parse_i64(&v))
        else {
            return;
        };
        let ts = text::Timestamp {
            unix_seconds: secs,
            offset_minutes: 0,
        };
        let label = text::relative_time(ts, now, s.options.time_zone, &l);
        if prop(&el, "textContent").as_string().as_deref() != Some(label.as_str()) {
            el.set_text_content(Some(&label));
        }
    });
}
