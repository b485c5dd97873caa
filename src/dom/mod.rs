//! The DOM layer (wasm32 only).
