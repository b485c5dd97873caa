//! Handles that undo themselves when dropped: an event listener is removed with its interval,
//! a timeout is cleared (the gloo pattern). `destroy()` drops them all.

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

/// One callback for a view's events and its clock: clicks and keys on its root, an image's
/// `error` on its way down (in the capturing phase: it does not bubble), clicks on the root's
/// document, and, with no argument (`undefined`), an interval's ticks; removed from all of
/// them, and the interval cleared, when this handle drops. One closure for all of it, not one
/// per kind: each closure costs a JS function, its glue and its registration for collection at
/// every render. It is an `Fn`, so that it may run again while it runs (a keyword's Enter
/// clicks it; a page's `nv-*` handler may click another widget).
pub(crate) struct Listener {
    closure: Callback,
    root: EventTarget,
    /// The interval's id (`setInterval`'s).
    tick: JsValue,
}

// The registrations, made and undone in one call each: four `addEventListener` calls, an
// interval and their event names cost eleven crossings of the boundary from the wasm, which is
// what a render spends most on after the page's own parse (docs/benchmarks.md).
#[wasm_bindgen::prelude::wasm_bindgen(
    inline_js = "const on = (m, r, f) => {\n  r[m]('click', f);\n  r[m]('keydown', f);\n  r[m]('error', f, true);\n  r.ownerDocument?.[m]('click', f);\n};\nexport function nv_listen(r, f, ms) {\n  on('addEventListener', r, f);\n  return setInterval(f, ms);\n}\nexport function nv_unlisten(r, f, id) {\n  on('removeEventListener', r, f);\n  clearInterval(id);\n}\n"
)]
extern "C" {
    fn nv_listen(root: &EventTarget, f: &JsValue, ms: i32) -> JsValue;
    fn nv_unlisten(root: &EventTarget, f: &JsValue, id: &JsValue);
}

impl Listener {
    /// A listener calling `closure` with the events of `root` and the clicks on its document,
    /// and with no argument every `tick_ms` milliseconds.
    pub(crate) fn new(root: &EventTarget, closure: Callback, tick_ms: i32) -> Listener {
        let tick = nv_listen(root, closure.as_ref(), tick_ms);
        Listener {
            closure,
            root: root.clone(),
            tick,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        nv_unlisten(&self.root, self.closure.as_ref(), &self.tick);
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

/// A one-shot timer (`setTimeout`), cleared when this handle drops before it fires. The page's
/// timer functions are called through [`invoke`]; the timer's id stays a JS value.
pub(crate) struct Timeout {
    id: JsValue,
    _closure: Callback,
}

impl Timeout {
    /// Calls `closure` (with no argument) once after `millis` milliseconds.
    pub(crate) fn new(millis: i32, closure: Callback) -> Option<Timeout> {
        let id = invoke(
            window()?.as_ref(),
            "setTimeout",
            closure.as_ref(),
            &millis.into(),
        )?;
        Some(Timeout {
            id,
            _closure: closure,
        })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(w) = window() {
            invoke(&w, "clearTimeout", &self.id, &JsValue::UNDEFINED);
        }
    }
}
