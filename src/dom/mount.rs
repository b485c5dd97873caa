//! View tree → DOM, in one parse. The view is written as HTML by the escaping writer
//! ([`write_html`], the same writer server-side rendering uses), and that [`Markup`] is parsed
//! once by the browser, straight into the view's root.
//!
//! One parse of one string replaces a `createElement` + `setAttribute` × n + `appendChild` walk
//! (about 1 500 JS↔wasm calls and as many string copies for the seed article's 257 elements):
//! the browser's own parser builds the nodes without crossing the boundary.
//!
//! Why this is safe: the string is a [`Markup`], a type only the writer and the sanitizer's
//! serializer can make. The writer escapes every text node and attribute value; element and
//! attribute names are `&'static str` chosen by this crate; URL attributes hold only a
//! [`crate::url::SafeUrl`]. The article body is not in the string at all: it is sanitized on
//! its own (`sanitize_dom`) and moved in at the body slot as nodes.

use super::sanitize_dom::{trusted_html, ParserInput};
use super::state::query;
use crate::view::{write_html, Markup, Node as ViewNode};
use js_sys::Reflect;
use wasm_bindgen::JsValue;
use web_sys::{DocumentFragment, Node};

/// Written where the body goes, then replaced by the sanitized body's nodes. Nothing else in
/// the view's markup can be a `template` with this attribute: the writer makes elements only
/// from the view, whose tag and attribute names are this crate's constants, and the body is
/// never part of the string.
const BODY_MARKER: &str = "<template data-nv-body></template>";

/// Replaces the content of `root` (a shadow root, or the container in light-DOM mode) with
/// the DOM for `view`; `body` (the sanitized article body) is moved in at
/// [`ViewNode::BodySlot`]. The markup is parsed straight into `root`, in the page's document,
/// so that no node has to be adopted from another document afterwards.
pub(crate) fn mount(
    root: &Node,
    view: &ViewNode,
    body: Option<DocumentFragment>,
) -> Result<(), JsValue> {
    let marker = body
        .as_ref()
        .map(|_| Markup::from_trusted(BODY_MARKER.to_owned()));
    let markup = write_html(view, marker.as_ref());
    // The page's Trusted Types (when enforced) see this through the `newsview` policy; see
    // `trusted_html` for what that policy admits.
    Reflect::set(
        root,
        &JsValue::from_str("innerHTML"),
        &trusted_html(ParserInput::View(&markup))?,
    )?;
    if let Some(body) = body {
        if let Some(slot) = query(root, "template[data-nv-body]")? {
            slot.replace_with_with_node_1(&body)?;
        }
    }
    Ok(())
}
