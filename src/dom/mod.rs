//! The DOM layer (wasm32 only): mount the markup layout wrote, with the body the core cleaned
//! ([`crate::sanitize::clean_body`]), into an open shadow root in one parse; wire events;
//! export the JS API.
//!
//! With the `dom` feature (the full client) it renders and hydrates; with `hydrate` alone (the
//! hydration-only client, pkg/newsview-hydrate.js) it only wires the widgets of server markup
//! (`hydrate_api`), and none of the readers, the sanitizer or the layout is reachable.

#[cfg(feature = "dom")]
mod api;
#[cfg(feature = "dom")]
pub use api::{hydrate, render, render_state};
mod handle;
#[cfg(not(feature = "dom"))]
mod hydrate_api;
#[cfg(not(feature = "dom"))]
pub use hydrate_api::hydrate;
mod interact;
mod live;
pub use live::View;
#[cfg(feature = "dom")]
mod mount;
mod state;
#[cfg(feature = "dom")]
pub(crate) mod trusted;
