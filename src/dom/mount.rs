//! Markup → DOM, in one parse. Layout writes a view as HTML through the escaping writer
//! ([`crate::view::Html`], the same writer server-side rendering uses), and that [`Markup`] is
//! parsed once by the browser, straight into the view's root.
//!
//! One parse of one string replaces a `createElement` + `setAttribute` × n + `appendChild` walk
//! (about 1 500 JS↔wasm calls and as many string copies for the seed article's 257 elements):
//! the browser's own parser builds the nodes without crossing the boundary.
//!
//! Two kinds of markup take this path in two places. The article (`api::draw`, with the clean
//! body written in) is left for the JS entry, which parses it after the wasm call returns
//! (`place()` in www/newsview.js: each image request made under the wasm costs Chromium's ad
//! tagging a stack check). The loading and error states, which hold no image, are mounted here
//! ([`mount`]).
//!
//! Why this is safe: the string is a [`Markup`], a type only the writer and the sanitizer's
//! serializer can make. The writer escapes every text and attribute value; element and
//! attribute names are `&'static str` chosen by this crate; URL attributes hold only a
//! [`crate::url::SafeUrl`]. The body is the sanitizer's own output
//! ([`crate::sanitize::clean_body`]): elements and attributes the policy kept, values escaped.

use super::trusted::trusted_html;
use crate::view::Markup;
use js_sys::Reflect;
use wasm_bindgen::JsValue;
use web_sys::Node;

/// Replaces the content of `root` (a shadow root) with `markup`, a view without an article
/// body (the loading and error states), parsed straight into `root`.
pub(crate) fn mount(root: &Node, markup: &Markup) -> Result<(), JsValue> {
    // The page's Trusted Types (when enforced) see this through the `newsview` policy; see
    // `trusted_html` for what that policy admits.
    Reflect::set(
        root,
        &JsValue::from_str("innerHTML"),
        &trusted_html(markup)?,
    )?;
    Ok(())
}
