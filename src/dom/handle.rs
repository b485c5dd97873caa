//! Handles that undo themselves when dropped: an event listener is removed, an interval or
//! timeout is cleared (the gloo pattern). `destroy()` drops them all.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, EventTarget, Window};

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

/// One callback listening for events on one or more targets, removed from all of them when
/// this handle drops. One closure for a view's events, not one per kind: each closure costs a
/// JS function and its glue. It is an `Fn`, so that it may run again while it runs (a keyword's
/// Enter clicks it; a page's `nv-*` handler may click another widget).
pub(crate) struct Listener {
    closure: Closure<dyn Fn(Event)>,
    on: Vec<(EventTarget, &'static str, bool)>,
}

impl Listener {
    /// A listener calling `callback`, on nothing yet ([`Listener::listen`]).
    pub(crate) fn new(callback: impl Fn(Event) + 'static) -> Listener {
        Listener {
            closure: Closure::<dyn Fn(Event)>::new(callback),
            on: Vec::new(),
        }
    }

    /// Also listens for `kind` events on `target`, in the capturing phase when `capture`
    /// (which also sees events that do not bubble, like an image's `error`, on their way to a
    /// descendant).
    pub(crate) fn listen(&mut self, target: &EventTarget, kind: &'static str, capture: bool) {
        // Adding a listener cannot fail for a function; a failure leaves a registration that
        // does nothing.
        let _ = target.add_event_listener_with_callback_and_bool(
            kind,
            self.closure.as_ref().unchecked_ref(),
            capture,
        );
        self.on.push((target.clone(), kind, capture));
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        for (target, kind, capture) in &self.on {
            let _ = target.remove_event_listener_with_callback_and_bool(
                kind,
                self.closure.as_ref().unchecked_ref(),
                *capture,
            );
        }
    }
}

/// A timer's callback as a JS function. Its type takes the (absent) argument that the
/// widgets' one-shot promise callbacks take, so that both share one kind of closure glue.
fn timer_closure(mut callback: impl FnMut() + 'static) -> Closure<dyn FnMut(JsValue)> {
    Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| callback())
}

/// A repeating timer (`setInterval`), cleared when this handle drops.
pub(crate) struct Interval {
    id: i32,
    _closure: Closure<dyn FnMut(JsValue)>,
}

impl Interval {
    /// Calls `callback` every `millis` milliseconds.
    pub(crate) fn new(millis: i32, callback: impl FnMut() + 'static) -> Option<Interval> {
        let closure = timer_closure(callback);
        let id = window()?
            .set_interval_with_callback_and_timeout_and_arguments_0(
                closure.as_ref().unchecked_ref(),
                millis,
            )
            .ok()?;
        Some(Interval {
            id,
            _closure: closure,
        })
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        if let Some(w) = window() {
            w.clear_interval_with_handle(self.id);
        }
    }
}

/// A one-shot timer (`setTimeout`), cleared when this handle drops before it fires.
pub(crate) struct Timeout {
    id: i32,
    _closure: Closure<dyn FnMut(JsValue)>,
}

impl Timeout {
    /// Calls `callback` once after `millis` milliseconds.
    pub(crate) fn new(millis: i32, callback: impl FnMut() + 'static) -> Option<Timeout> {
        let closure = timer_closure(callback);
        let id = window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                closure.as_ref().unchecked_ref(),
                millis,
            )
            .ok()?;
        Some(Timeout {
            id,
            _closure: closure,
        })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(w) = window() {
            w.clear_timeout_with_handle(self.id);
        }
    }
}
