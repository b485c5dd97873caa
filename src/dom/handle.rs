//! Handles that undo themselves when dropped: an event listener is removed, an interval or
//! timeout is cleared (the gloo pattern). `destroy()` drops them all.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

/// An event listener, removed when this handle drops.
pub(crate) struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    /// Adds `callback` for `kind` events on `target`, in the bubbling phase.
    pub(crate) fn new(
        target: &EventTarget,
        kind: &'static str,
        callback: impl FnMut(Event) + 'static,
    ) -> Listener {
        Listener::add(target, kind, false, callback)
    }

    /// Adds `callback` for `kind` events on `target`, in the capturing phase when `capture`
    /// (which also sees events that do not bubble, like an image's `error`, on their way to a
    /// descendant).
    pub(crate) fn add(
        target: &EventTarget,
        kind: &'static str,
        capture: bool,
        callback: impl FnMut(Event) + 'static,
    ) -> Listener {
        let closure = Closure::<dyn FnMut(Event)>::new(callback);
        // Adding a listener cannot fail for a function; a failure leaves a handle that does nothing.
        let _ = target.add_event_listener_with_callback_and_bool(
            kind,
            closure.as_ref().unchecked_ref(),
            capture,
        );
        Listener {
            target: target.clone(),
            kind,
            capture,
            closure,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.closure.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// A repeating timer (`setInterval`), cleared when this handle drops.
pub(crate) struct Interval {
    id: i32,
    _closure: Closure<dyn FnMut()>,
}

impl Interval {
    /// Calls `callback` every `millis` milliseconds.
    pub(crate) fn new(millis: i32, callback: impl FnMut() + 'static) -> Option<Interval> {
        let closure = Closure::<dyn FnMut()>::new(callback);
        let id = web_sys::window()?
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
        if let Some(w) = web_sys::window() {
            w.clear_interval_with_handle(self.id);
        }
    }
}

/// A one-shot timer (`setTimeout`), cleared when this handle drops before it fires.
pub(crate) struct Timeout {
    id: i32,
    _closure: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Calls `callback` once after `millis` milliseconds.
    pub(crate) fn new(millis: i32, callback: impl FnMut() + 'static) -> Option<Timeout> {
        let closure = Closure::<dyn FnMut()>::new(callback);
        let id = web_sys::window()?
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
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.id);
        }
    }
}
