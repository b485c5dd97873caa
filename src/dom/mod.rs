//! The DOM layer (wasm32 only): mount the view tree, with the body the core cleaned
//! ([`crate::sanitize::clean_body`]), into an open shadow root in one parse; wire events;
//! export the JS API.

mod api;
pub use api::{hydrate, render, render_state, View};
mod handle;
mod interact;
mod mount;
mod state;
pub(crate) mod trusted;
