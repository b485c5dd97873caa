//! The DOM layer (wasm32 only).

pub(crate) mod sanitize_dom;
