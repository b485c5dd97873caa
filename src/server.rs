//! The server build's exports (wasm32 with the `server` feature): what `newsview/server`'s
//! `renderToString` calls. No DOM: the body is parsed by html5ever as in the native build, and
//! the output is the one [`crate::ssr::render`] gives natively, byte for byte.
//!
//! The JS entry (`www/server/core.js`) turns objects into JSON text with `JSON.stringify`
//! (so getters, prototypes and `__proto__` keys have no effect, as in the browser), and turns a
//! trap into an `Error` with `code: 'panic'` after restarting the module.

use crate::json::{self, Json, JsonLimits};
use crate::ssr;
use wasm_bindgen::prelude::*;

/// Renders article JSON text with options JSON text (empty for the defaults) and returns
/// `{html, head, warnings: [{path, code, message}]}` (see [`ssr::render`]). Throws an `Error`
/// whose message names the field at fault, with the error's `code` and `path` as properties
/// (the JS entry makes it a `NewsviewError`, as the browser's entry does).
#[wasm_bindgen(js_name = renderJson)]
pub fn render_json(article: &str, options: &str) -> Result<JsValue, JsValue> {
    let options = if options.is_empty() {
        Json::Null
    } else {
        json::parse(options, &JsonLimits::default()).map_err(|e| to_js_error(&e))?
    };
    let rendered = ssr::render(article, &options).map_err(|e| to_js_error(&e))?;
    let warnings = js_sys::Array::new();
    for w in &rendered.warnings {
        let item = js_sys::Object::new();
        set(&item, "path", &JsValue::from_str(&w.path))?;
        set(&item, "code", &JsValue::from_str(w.code.as_str()))?;
        set(&item, "message", &JsValue::from_str(&w.message))?;
        warnings.push(&item);
    }
    let out = js_sys::Object::new();
    set(&out, "html", &JsValue::from_str(&rendered.html))?;
    set(&out, "head", &JsValue::from_str(&rendered.head))?;
    set(&out, "warnings", &warnings)?;
    Ok(out.into())
}

/// The size of the module's linear memory in bytes: what a long-running server watches to see
/// that renders leave memory flat (it grows in 64 KiB pages and never shrinks).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65_536) as f64
}

/// Asks wasm-bindgen's glue for a fresh instance of the module before the next call into it
/// (called by the JS entry after a trap).
#[wasm_bindgen(js_name = scheduleRestart)]
pub fn schedule_restart() {
    wasm_bindgen::handler::schedule_reinit();
}

/// Does nothing; the JS entry calls it right after [`schedule_restart`] so that the restart
/// happens at once.
#[wasm_bindgen(js_name = restartNow)]
pub fn restart_now() {}

fn set(target: &js_sys::Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
    js_sys::Reflect::set(target, &JsValue::from_str(key), value).map(|_| ())
}

fn to_js_error(e: &crate::Error) -> JsValue {
    let error = js_sys::Error::new(&e.to_message());
    // Setting a property of a fresh Error cannot fail.
    let _ = set(&error, "code", &JsValue::from_str(e.code().as_str()));
    let _ = set(&error, "path", &JsValue::from_str(e.path()));
    error.into()
}
