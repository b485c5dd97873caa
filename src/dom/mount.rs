//! View tree → DOM, in one parse. The view is written as HTML by the escaping writer
//! ([`write_html`], the same writer server-side rendering uses), with the clean body written
//! in at the body slot, and that [`Markup`] is parsed once by the browser, straight into the
//! view's root.
//!
//! One parse of one string replaces a `createElement` + `setAttribute` × n + `appendChild` walk
//! (about 1 500 JS↔wasm calls and as many string copies for the seed article's 257 elements):
//! the browser's own parser builds the nodes without crossing the boundary.
//!
//! Why this is safe: the string is a [`Markup`], a type only the writer and the sanitizer's
//! serializer can make. The writer escapes every text node and attribute value; element and
//! attribute names are `&'static str` chosen by this crate; URL attributes hold only a
//! [`crate::url::SafeUrl`]. The body is the sanitizer's own output
//! ([`crate::sanitize::clean_body`]): elements and attributes the policy kept, values escaped.

use super::trusted::trusted_html;
use crate::view::{write_html, Markup, Node as ViewNode};
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DocumentFragment, Element, Node};

/// Replaces the content of `root` (a shadow root, or the container in light-DOM mode) with
/// the DOM for `view`, with `body` (the clean article body) at [`ViewNode::BodySlot`]. The
/// markup is parsed straight into `root`, in the page's document.
pub(crate) fn mount(root: &Node, view: &ViewNode, body: Option<&Markup>) -> Result<(), JsValue> {
    let markup = write_html(view, body);
    // The page's Trusted Types (when enforced) see this through the `newsview` policy; see
    // `trusted_html` for what that policy admits.
    Reflect::set(
        root,
        &JsValue::from_str("innerHTML"),
        &trusted_html(&markup)?,
    )?;
    Ok(())
}

/// The first element matching `selector` in `root`: a shadow root (a `DocumentFragment`) or,
/// in light-DOM mode, the container element.
pub(crate) fn query(root: &Node, selector: &str) -> Result<Option<Element>, JsValue> {
    match root.dyn_ref::<DocumentFragment>() {
        Some(f) => f.query_selector(selector),
        None => root.unchecked_ref::<Element>().query_selector(selector),
    }
}
