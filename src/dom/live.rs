//! The live view handed to JS, with the methods both clients have: `setLiked`,
//! `setFavorited`, `takeWarnings`, `destroy`. The full client adds `update` (`api`).

use super::interact;
use super::state::Shared;
use wasm_bindgen::prelude::*;
use web_sys::Node;

/// A rendered (or hydrated) article. `destroy()` removes the view, its listeners and timers.
#[wasm_bindgen]
pub struct View {
    pub(crate) state: Shared,
}

#[wasm_bindgen]
impl View {
    /// The warnings of the last render or update, as `[{path, code, message}]`; the view keeps
    /// none after the call. The JS entry takes them after each render and update and makes
    /// them `view.warnings` and the `nv-warning` event. (The hydration-only client reads no
    /// article, so it has none.)
    #[cfg(feature = "dom")]
    #[wasm_bindgen(js_name = takeWarnings)]
    pub fn take_warnings(&self) -> js_sys::Array {
        let warnings = std::mem::take(&mut self.state.borrow_mut().warnings);
        let out = js_sys::Array::new();
        for w in &warnings {
            let item = js_sys::Object::new();
            interact::set(&item, "path", w.path.as_str().into());
            interact::set(&item, "code", w.code.as_str().into());
            interact::set(&item, "message", w.message.as_str().into());
            out.push(&item);
        }
        out
    }

    /// Sets the truth of 点赞 from the host (e.g. after its server answered): `aria-pressed`
    /// becomes `liked`, and the count `count` when given. Fires no event.
    #[wasm_bindgen(js_name = setLiked)]
    pub fn set_liked(&self, liked: bool, count: Option<f64>) {
        interact::set_pressed(&self.state, true, liked, count.and_then(count_from_js));
    }

    /// Sets the truth of 收藏 from the host: `aria-pressed` becomes `favorited`, and the
    /// count `count` when given. Fires no event.
    #[wasm_bindgen(js_name = setFavorited)]
    pub fn set_favorited(&self, favorited: bool, count: Option<f64>) {
        interact::set_pressed(&self.state, false, favorited, count.and_then(count_from_js));
    }

    /// Removes the view from the page, with its listeners and timers. Calling it twice does
    /// nothing more.
    pub fn destroy(&self) {
        if let Some(root) = self.release() {
            clear(&root);
        }
    }

    /// Removes the listeners and timers and leaves the nodes as they are, for the client that
    /// takes the container over. The view is destroyed afterwards. (`__detach` in JS, which
    /// the entries' own `View` wrappers do not forward; only the hydration-only client has it:
    /// the full one never hands a container over.)
    #[cfg(not(feature = "dom"))]
    #[wasm_bindgen(js_name = __detach)]
    pub fn detach(&self) {
        self.release();
    }
}

impl View {
    /// Drops the listeners and timers; the root, or `None` when the view was gone already.
    fn release(&self) -> Option<Node> {
        let (handles, root) = {
            let mut s = self.state.borrow_mut();
            if s.destroyed {
                return None;
            }
            s.destroyed = true;
            let handles = (
                s.listener.take(),
                s.toast_timer.take(),
                s.video_player.take(),
            );
            (handles, s.root.clone())
        };
        // Removing listeners and clearing timers calls the page: not while the state is
        // borrowed.
        drop(handles);
        Some(root)
    }
}

/// Asks wasm-bindgen's glue for a fresh instance of the module before the next call into it
/// (called by the JS entry after a trap; see `www/newsview.js`). Not in the hydration-only
/// build: wasm-bindgen's restart support weighs on every call of its glue, and that client
/// hands a trapped view to the full one instead (`www/newsview-hydrate.js`).
#[cfg(feature = "dom")]
#[wasm_bindgen(js_name = scheduleRestart)]
pub fn schedule_restart() {
    wasm_bindgen::handler::schedule_reinit();
}

/// Does nothing; the JS entry calls it right after [`schedule_restart`] so that the restart
/// happens at once, before any call that passes strings into memory.
#[cfg(feature = "dom")]
#[wasm_bindgen(js_name = restartNow)]
pub fn restart_now() {}

/// A count from JS: a finite, non-negative number, truncated; anything else is ignored.
fn count_from_js(n: f64) -> Option<u64> {
    (n.is_finite() && n >= 0.0).then_some(n as u64)
}

/// Removes every child of `node` (a shadow root or, in light-DOM mode, the container):
/// setting `textContent` to null does, in one call.
fn clear(node: &Node) {
    node.set_text_content(None);
}
