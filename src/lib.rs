//! # newsview
//!
//! Renders a news article, given as article JSON v1, into a web page: the header and meta line,
//! a lead video, a sanitized body, an action bar (like, favorite, share, view on phone), keywords,
//! comments and related videos.
//!
//! The crate has two layers:
//!
//! * a **pure core** (every module but `dom`) that parses and validates the article, applies the
//!   one URL policy and the sanitizer policy, formats times and counts, builds share URLs and QR
//!   codes, and lays the article out as HTML, written straight into the escaping writer
//!   [`view::Html`] (no tree is built);
//! * a **thin DOM layer** (`dom`, compiled only for `wasm32`) that mounts that markup (with the
//!   body the core cleaned: no untrusted HTML reaches the browser's parser) into an open shadow
//!   root and wires events.
//!
//! Safety is carried by types: text reaches markup only through the escaping writer or the DOM's
//! text APIs, URLs only as [`url::SafeUrl`], which only the URL policy makes.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The stylesheet: the full client adopts it, server rendering writes it; the hydration-only
// client uses the server's.
#[cfg(any(not(target_arch = "wasm32"), feature = "dom", feature = "server"))]
mod css;
pub mod error;
pub mod json;
pub mod labels;
pub mod layout;
pub mod limits;
pub mod model;
pub mod options;
pub mod qr;
mod read;
pub mod sanitize;
pub mod share;
#[cfg(any(not(target_arch = "wasm32"), feature = "server"))]
pub mod ssr;
pub mod text;
pub mod url;
pub mod view;

#[cfg(all(target_arch = "wasm32", any(feature = "dom", feature = "hydrate")))]
pub mod dom;

#[cfg(all(target_arch = "wasm32", feature = "server"))]
pub mod server;

#[cfg(all(target_arch = "wasm32", feature = "qr-module", not(feature = "dom")))]
mod qr_module;

pub use error::Error;
pub use model::Article;

// The allocator of the wasm builds: TLSF (two-level segregated fit, the `rlsf` crate), constant
// time per allocation and free, in a fraction of the code of std's dlmalloc (measured: each
// browser entry −1.9 KB gzip, no slower on the seed or the 1 MB body). The browser builds use
// its small variant (no growing in place, no merging of the memory it asked for at different
// times); the server build, which renders request after request in one instance, the full one.
#[cfg(all(target_arch = "wasm32", not(feature = "server")))]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();
#[cfg(all(target_arch = "wasm32", feature = "server"))]
#[global_allocator]
static ALLOCATOR: rlsf::GlobalTlsf = rlsf::GlobalTlsf::new();
pub use options::Options;
#[cfg(any(not(target_arch = "wasm32"), feature = "server"))]
pub use ssr::render_to_string;
