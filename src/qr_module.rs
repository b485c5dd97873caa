//! The QR module's one export (wasm32, feature `qr-module` without `dom`): scripts/build.sh
//! builds the crate with `--no-default-features --features qr-module` into
//! pkg/newsview-qr.js + pkg/newsview-qr_bg.wasm, which the full client imports when a reader
//! first wants a QR code. It holds the encoder and nothing of the DOM layer; the full client
//! holds no encoder.
//!
//! It returns the modules as data, never markup: the full client draws them with its escaping
//! writer ([`crate::layout::qr_drawing`] of [`crate::qr::Modules`]) and parses that through its
//! one trusted path, so what this module returns cannot add markup to the page.

use wasm_bindgen::prelude::*;

/// The modules of the QR code of `url` as layout encodes a share URL
/// ([`crate::layout::share_qr`]): `size * size` bytes, row by row, 1 for dark
/// ([`crate::qr::QrCode::to_bytes`]); `undefined` when the URL does not fit in a QR code.
#[wasm_bindgen(js_name = qrModules)]
pub fn qr_modules(url: &str) -> Option<Vec<u8>> {
    crate::layout::share_qr(url).map(|code| code.to_bytes())
}
