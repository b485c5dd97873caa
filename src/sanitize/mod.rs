//! The sanitizer policy over a small tree type. (Being written: see the sanitizer work.)

/// The sanitizer policy: which elements, attributes and URLs are kept.
#[derive(Debug, Clone, Default)]
pub struct Policy {}
