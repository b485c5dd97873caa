//! Handles that undo themselves when dropped: an event listener is removed, an interval or
//! timeout is cleared (the gloo pattern). `destroy()` drops them all.

use js_sys::Function;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{EventTarget, Window};

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The global `window`, read once (`None` where there is none, as in a worker). web-sys's
    /// `window()` finds the global object by trying `globalThis`, `global`, `self` and
    /// `window` and checks it with `instanceof Window`, on every call.
    #[wasm_bindgen(thread_local_v2, js_name = window)]
    static WINDOW: Option<Window>;
}

/// The page's `window`, or `None` where there is none.
pub(crate) fn window() -> Option<Window> {
    WINDOW.with(Option::clone)
}

/// One callback listening for a view's events: clicks and keys on its root, an image's `error`
/// on its way down (in the capturing phase: it does not bubble), and clicks on the page;
/// removed from all of them when this handle drops. One closure for a view's events, not one
/// per kind: each closure costs a JS function and its glue. It is an `Fn`, so that it may run
/// again while it runs (a keyword's Enter clicks it; a page's `nv-*` handler may click another
/// widget).
pub(crate) struct Listener {
    closure: Callback,
    root: EventTarget,
    page: Option<EventTarget>,
}

/// The events listened for on a view's root, and whether in the capturing phase.
const ON_ROOT: [(&str, bool); 3] = [("click", false), ("keydown", false), ("error", true)];

impl Listener {
    /// A listener calling `closure` with the events of `root` (see [`ON_ROOT`]) and the clicks
    /// on `page`.
    pub(crate) fn new(
        root: &EventTarget,
        page: Option<EventTarget>,
        closure: Callback,
    ) -> Listener {
        let listener = Listener {
            closure,
            root: root.clone(),
            page,
        };
        listener.each(true);
        listener
    }

    /// Adds (`add`) or removes each of the listener's registrations. Adding or removing a
    /// listener cannot fail for a function; a failure leaves a registration that does nothing.
    fn each(&self, add: bool) {
        let f: &Function = self.closure.as_ref().unchecked_ref();
        let on = |target: &EventTarget, kind: &str, capture: bool| {
            let _ = if add {
                target.add_event_listener_with_callback_and_bool(kind, f, capture)
            } else {
                target.remove_event_listener_with_callback_and_bool(kind, f, capture)
            };
        };
        for (kind, capture) in ON_ROOT {
            on(&self.root, kind, capture);
        }
        if let Some(page) = &self.page {
            on(page, "click", false);
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.each(false);
    }
}

/// Every callback the DOM layer hands to JS (listeners, timers, promise callbacks) is this one
/// kind of closure: each kind costs its own glue in the wasm and in the JS. It is an `Fn`, so
/// that a listener may run again while it runs.
pub(crate) type Callback = Closure<dyn Fn(JsValue)>;

/// `obj[key]`, or `undefined` when reading it throws (or `obj` is not an object). For values
/// read once in a while (`location.href`, `navigator.userAgent`, `document.activeElement`, …):
/// one binding serves them all, where web-sys has one per property.
pub(crate) fn prop(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[name]` when it is a function.
pub(crate) fn method(obj: &JsValue, name: &str) -> Option<js_sys::Function> {
    prop(obj, name).dyn_into().ok()
}

/// `obj[name](a, b)` when `obj[name]` is a function: its result, or `None` when it is not one
/// or throws. Every method call of the DOM layer made this way takes two arguments
/// (`undefined` for those it does not use), so that they share one binding of
/// `Function.prototype.call` (each binding of its own costs glue in the wasm and in the JS).
pub(crate) fn invoke(obj: &JsValue, name: &str, a: &JsValue, b: &JsValue) -> Option<JsValue> {
    method(obj, name)?.call2(obj, a, b).ok()
}

/// A timer (`setInterval`, or `setTimeout` for a one-shot), cleared when this handle drops.
/// The page's timer functions are called through [`invoke`]; the timer's id stays a JS value.
pub(crate) struct Timer {
    id: JsValue,
    repeat: bool,
    _closure: Callback,
}

/// A repeating timer ([`Timer::new`] with `repeat`).
pub(crate) type Interval = Timer;
/// A one-shot timer ([`Timer::new`] without `repeat`), cleared when it drops before it fires.
pub(crate) type Timeout = Timer;

impl Timer {
    /// Calls `closure` (with no argument) every `millis` milliseconds with `repeat`, else once
    /// after `millis`.
    pub(crate) fn new(millis: i32, repeat: bool, closure: Callback) -> Option<Timer> {
        let set = if repeat { "setInterval" } else { "setTimeout" };
        let id = invoke(window()?.as_ref(), set, closure.as_ref(), &millis.into())?;
        Some(Timer {
            id,
            repeat,
            _closure: closure,
        })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(w) = window() {
            let clear = if self.repeat {
                "clearInterval"
            } else {
                "clearTimeout"
            };
            invoke(&w, clear, &self.id, &JsValue::UNDEFINED);
        }
    }
}
