//! Placeholder until the sanitizer lands: shows the body as plain text (safe, not pretty).
use crate::sanitize::Policy;
use wasm_bindgen::JsValue;

pub(crate) fn parse_and_sanitize(
    html: &str,
    _policy: &Policy,
) -> Result<web_sys::DocumentFragment, JsValue> {
    let doc = super::api::document()?;
    let f = doc.create_document_fragment();
    f.append_child(&doc.create_text_node(html))?;
    Ok(f)
}
