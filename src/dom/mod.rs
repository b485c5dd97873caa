//! The DOM layer (wasm32 only): parse untrusted body HTML with the browser's inert parser,
//! mount the view tree into an open shadow root, wire events, export the JS API.

mod api;
pub use api::{hydrate, render, render_state, View};
mod handle;
mod interact;
mod mount;
pub(crate) mod sanitize_dom;
mod state;
