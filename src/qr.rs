//! QR code generation (ISO/IEC 18004, byte mode). Returns a module matrix, never markup.

/// Error correction level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ecc {
    /// ~7 % recovery.
    Low,
    /// ~15 % recovery.
    Medium,
    /// ~25 % recovery.
    Quartile,
    /// ~30 % recovery.
    High,
}

/// Why a QR code could not be made, and how to recover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrError {
    /// The data does not fit in version 40 at this level: shorten it or lower the level.
    DataTooLong,
}

/// A QR code: a square of dark and light modules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrCode {
    size: usize,
    modules: Vec<bool>,
}

impl QrCode {
    /// Encodes `data` in byte mode at the smallest version that fits, at level `ecc` or higher.
    pub fn encode_bytes(data: &[u8], ecc: Ecc) -> Result<QrCode, QrError> {
        let _ = (data, ecc);
        Err(QrError::DataTooLong)
    }

    /// Side length in modules (21 to 177).
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at (`x`, `y`) is dark; outside the code is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules[y * self.size + x]
    }
}

/// SVG path data (`M x y h1 v1 h-1 z ...`) drawing the dark modules, offset by `border`
/// modules; a view draws it in a `viewBox` of `size + 2 * border`.
pub fn svg_path(code: &QrCode, border: usize) -> String {
    let _ = (code, border);
    String::new()
}
