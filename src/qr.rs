//! QR code generation (ISO/IEC 18004, byte mode). Returns a module matrix, never markup.
//!
//! All 40 versions and the four error correction levels are supported. [`QrCode::encode_bytes`]
//! picks the smallest version that holds the data and then raises the error correction level
//! as far as it goes without a larger version. Every mask is tried and the one with the lowest
//! standard penalty score is kept.
//!
//! The code is written for a small WebAssembly binary: the only tables are two 160-byte
//! `const` arrays (error correction codewords per block and block counts); Galois field
//! products are computed, not looked up; there is no float math and no panicking path on any
//! input (oversized input returns [`QrError::DataTooLong`]).

use crate::text::push_u64;

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

impl Ecc {
    /// Row in the tables below, from the lowest level to the highest.
    fn ordinal(self) -> usize {
        match self {
            Ecc::Low => 0,
            Ecc::Medium => 1,
            Ecc::Quartile => 2,
            Ecc::High => 3,
        }
    }

    /// The two bits written into the format information.
    fn format_bits(self) -> u32 {
        match self {
            Ecc::Low => 1,
            Ecc::Medium => 0,
            Ecc::Quartile => 3,
            Ecc::High => 2,
        }
    }
}

/// A QR version number, always in `1..=40`; version `v` is `17 + 4·v` modules wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version(u8);

impl Version {
    /// Version 1, 21×21 modules.
    pub const MIN: Version = Version(1);
    /// Version 40, 177×177 modules.
    pub const MAX: Version = Version(40);

    /// The version `n`, or `None` outside `1..=40`.
    pub const fn new(n: u8) -> Option<Version> {
        if n >= 1 && n <= 40 {
            Some(Version(n))
        } else {
            None
        }
    }

    /// The version number, in `1..=40`.
    pub const fn value(self) -> u8 {
        self.0
    }

    /// How many bytes this version holds at level `ecc` (version 40-L: 2953).
    pub fn byte_capacity(self, ecc: Ecc) -> usize {
        let bits = num_data_codewords(self, ecc) * 8;
        let by_bits = bits.saturating_sub(4 + count_bits(self) as usize) / 8;
        by_bits.min((1 << count_bits(self)) - 1)
    }

    /// Side length in modules: `17 + 4·version`.
    pub const fn size(self) -> usize {
        17 + 4 * self.0 as usize
    }
}

/// A mask pattern number, always in `0..=7`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mask(u8);

impl Mask {
    /// The mask `n`, or `None` outside `0..=7`.
    pub const fn new(n: u8) -> Option<Mask> {
        if n <= 7 {
            Some(Mask(n))
        } else {
            None
        }
    }

    /// The mask number, in `0..=7`.
    pub const fn value(self) -> u8 {
        self.0
    }
}

/// Why a QR code could not be made, and how to recover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrError {
    /// The data does not fit in version 40 at this level (or in the largest version allowed):
    /// shorten it, lower the level, or allow larger versions. Version 40-L holds 2953 bytes.
    DataTooLong,
}

/// A QR code: a square of dark and light modules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrCode {
    size: usize,
    modules: Vec<bool>,
    version: Version,
    ecc: Ecc,
    mask: Mask,
}

impl QrCode {
    /// Encodes `data` in byte mode at the smallest version that fits, at level `ecc` or higher.
    pub fn encode_bytes(data: &[u8], ecc: Ecc) -> Result<QrCode, QrError> {
        QrCode::encode_bytes_advanced(data, ecc, Version::MIN, Version::MAX, None, true)
    }

    /// Encodes `data` in byte mode at the smallest version in `min..=max` that holds it at
    /// level `ecc`. With `boost_ecc`, the level is then raised as far as it goes without a
    /// larger version. `mask` forces a mask; `None` picks the one with the lowest penalty.
    /// An empty range (`min > max`) holds nothing and gives [`QrError::DataTooLong`].
    pub fn encode_bytes_advanced(
        data: &[u8],
        ecc: Ecc,
        min: Version,
        max: Version,
        mask: Option<Mask>,
        boost_ecc: bool,
    ) -> Result<QrCode, QrError> {
        let len = data.len();
        let mut found = None;
        for v in min.0..=max.0 {
            if fits(len, Version(v), ecc) {
                found = Some(Version(v));
                break;
            }
        }
        let version = found.ok_or(QrError::DataTooLong)?;
        let mut ecc = ecc;
        if boost_ecc {
            for higher in [Ecc::Medium, Ecc::Quartile, Ecc::High] {
                if higher.ordinal() > ecc.ordinal() && fits(len, version, higher) {
                    ecc = higher;
                }
            }
        }
        let codewords = add_ecc_and_interleave(&data_codewords(data, version, ecc), version, ecc);
        let mut grid = Grid::new(version);
        grid.draw_function_patterns(version, ecc);
        grid.draw_codewords(&codewords);
        let mask = match mask {
            Some(m) => m,
            None => grid.best_mask(ecc),
        };
        grid.draw_format_bits(ecc, mask);
        grid.apply_mask(mask);
        Ok(QrCode {
            size: grid.size,
            modules: grid.modules,
            version,
            ecc,
            mask,
        })
    }

    /// Whether [`QrCode::encode_bytes`] can encode `len` bytes at level `ecc` (in some
    /// version), without encoding them.
    pub fn fits_bytes(len: usize, ecc: Ecc) -> bool {
        fits(len, Version::MAX, ecc)
    }

    /// Side length in modules (21 to 177).
    pub fn size(&self) -> usize {
        self.size
    }

    /// The version used.
    pub fn version(&self) -> Version {
        self.version
    }

    /// The error correction level used (at least the one asked for).
    pub fn ecc(&self) -> Ecc {
        self.ecc
    }

    /// The mask applied.
    pub fn mask(&self) -> Mask {
        self.mask
    }

    /// Whether the module at (`x`, `y`) is dark; outside the code is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules.get(y * self.size + x) == Some(&true)
    }

    /// The modules as data: `size * size` bytes, row by row, 1 for dark and 0 for light. What the
    /// QR module (pkg/newsview-qr.js) hands the full client, which draws them ([`Modules`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.modules.iter().map(|&dark| u8::from(dark)).collect()
    }
}

/// A square of modules [`svg_path`] draws: a [`QrCode`], or the modules of one as data
/// ([`Modules`]).
pub trait Square {
    /// Side length in modules.
    fn size(&self) -> usize;
    /// Whether the module at (`x`, `y`) is dark; outside the square is light.
    fn is_dark(&self, x: usize, y: usize) -> bool;
}

impl Square for QrCode {
    fn size(&self) -> usize {
        self.size
    }

    fn is_dark(&self, x: usize, y: usize) -> bool {
        QrCode::is_dark(self, x, y)
    }
}

/// The modules of a QR code received as data ([`QrCode::to_bytes`]), for a client that draws
/// codes without the encoder: the full browser client gets them from the QR module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modules {
    size: usize,
    bytes: Vec<u8>,
}

impl Modules {
    /// `bytes` as the modules of a code: `None` unless there are `size * size` of them for the
    /// side of some version (21, 25, …, 177). A nonzero byte is a dark module.
    pub fn from_bytes(bytes: Vec<u8>) -> Option<Modules> {
        let size = (Version::MIN.0..=Version::MAX.0)
            .map(|v| Version(v).size())
            .find(|&side| side * side == bytes.len())?;
        Some(Modules { size, bytes })
    }
}

impl Square for Modules {
    fn size(&self) -> usize {
        self.size
    }

    fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.bytes.get(y * self.size + x).is_some_and(|&b| b != 0)
    }
}

/// SVG path data (`M x y h1 v1 h-1 z ...`) drawing the dark modules, offset by `border`
/// modules; a view draws it in a `viewBox` of `size + 2 * border`. Horizontal runs of dark
/// modules are merged into one rectangle each: `M{x} {y}h{n}v1h-{n}z`.
pub fn svg_path(code: &impl Square, border: usize) -> String {
    let mut out = String::new();
    let size = code.size();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.is_dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && code.is_dark(x, y) {
                x += 1;
            }
            let run = x - start;
            out.push('M');
            push_u64(&mut out, start.saturating_add(border) as u64);
            out.push(' ');
            push_u64(&mut out, y.saturating_add(border) as u64);
            out.push('h');
            push_u64(&mut out, run as u64);
            out.push_str("v1h-");
            push_u64(&mut out, run as u64);
            out.push('z');
        }
    }
    out
}

// ---- Capacity --------------------------------------------------------------------------------

/// Error correction codewords per block, by level (L, M, Q, H) and version 1..=40
/// (ISO/IEC 18004, table 9).
const ECC_PER_BLOCK: [[u8; 40]; 4] = [
    [
        7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30,
        30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28,
        28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ],
    [
        13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30,
        30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30,
        30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
];

/// Number of error correction blocks, by level (L, M, Q, H) and version 1..=40.
const NUM_BLOCKS: [[u8; 40]; 4] = [
    [
        1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13,
        14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
    ],
    [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23,
        25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ],
    [
        1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29,
        34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
    ],
    [
        1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35,
        37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
    ],
];

/// Looks up `table` for `version` and `ecc`.
fn table(table: &[[u8; 40]; 4], version: Version, ecc: Ecc) -> usize {
    table
        .get(ecc.ordinal())
        .and_then(|row| row.get(usize::from(version.0).wrapping_sub(1)))
        .map_or(1, |&n| usize::from(n))
}

/// Modules left for data and error correction once the function patterns are drawn,
/// remainder bits included.
fn raw_data_modules(version: Version) -> usize {
    let v = usize::from(version.0);
    let mut n = (16 * v + 128) * v + 64;
    if v >= 2 {
        let align = v / 7 + 2;
        n -= (25 * align - 10) * align - 55;
        if v >= 7 {
            n -= 36;
        }
    }
    n
}

/// Data codewords (8 bits each) of `version` at `ecc`.
fn num_data_codewords(version: Version, ecc: Ecc) -> usize {
    (raw_data_modules(version) / 8)
        .saturating_sub(table(&ECC_PER_BLOCK, version, ecc) * table(&NUM_BLOCKS, version, ecc))
}

/// Bits of the character count field in byte mode.
fn count_bits(version: Version) -> u32 {
    if version.0 <= 9 {
        8
    } else {
        16
    }
}

/// Whether `len` bytes fit in `version` at `ecc` as one byte-mode segment.
fn fits(len: usize, version: Version, ecc: Ecc) -> bool {
    let cb = count_bits(version);
    len >> cb == 0
        && len
            .checked_mul(8)
            .and_then(|bits| bits.checked_add(4 + cb as usize))
            .is_some_and(|bits| bits <= num_data_codewords(version, ecc) * 8)
}

// ---- Codewords -------------------------------------------------------------------------------

/// A big-endian bit writer.
struct BitWriter {
    bytes: Vec<u8>,
    bits: usize,
}

impl BitWriter {
    /// Appends the low `n` bits of `value`, most significant first.
    fn push(&mut self, value: u32, n: u32) {
        for i in (0..n).rev() {
            if self.bits % 8 == 0 {
                self.bytes.push(0);
            }
            if (value >> i) & 1 != 0 {
                if let Some(last) = self.bytes.last_mut() {
                    *last |= 0x80 >> (self.bits % 8);
                }
            }
            self.bits += 1;
        }
    }
}

/// The data codewords: mode, count, bytes, terminator and padding. `data` must fit.
fn data_codewords(data: &[u8], version: Version, ecc: Ecc) -> Vec<u8> {
    let capacity = num_data_codewords(version, ecc);
    let mut w = BitWriter {
        bytes: Vec::with_capacity(capacity),
        bits: 0,
    };
    w.push(0b0100, 4);
    w.push(data.len() as u32, count_bits(version));
    for &b in data {
        w.push(u32::from(b), 8);
    }
    let terminator = (capacity * 8).saturating_sub(w.bits).min(4);
    w.push(0, terminator as u32);
    w.push(0, (8 - w.bits % 8) as u32 % 8);
    // Pad bytes 0xEC, 0x11, 0xEC, … (a plain loop: `cycle()` costs the wasm an iterator).
    let mut pad = 0xEC;
    while w.bytes.len() < capacity {
        w.push(pad, 8);
        pad ^= 0xEC ^ 0x11;
    }
    w.bytes
}

/// Product in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1.
fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0u8;
    while b != 0 {
        if b & 1 != 0 {
            product ^= a;
        }
        let carry = a & 0x80 != 0;
        a <<= 1;
        if carry {
            a ^= 0x1D;
        }
        b >>= 1;
    }
    product
}

/// The longest error correction block in any version.
const MAX_ECC_LEN: usize = 30;

/// The Reed–Solomon generator Π (x − αⁱ), i < `degree`, without its leading 1, highest
/// degree first.
fn rs_generator(degree: usize) -> [u8; MAX_ECC_LEN] {
    // poly[j] is the coefficient of x^(len-1-j) of the polynomial built so far (its leading
    // 1 implicit); multiplying by (x + r) makes each new poly[j] = poly[j] + r·poly[j-1].
    let mut poly = [0u8; MAX_ECC_LEN];
    let mut root = 1u8;
    for len in 0..degree.min(MAX_ECC_LEN) {
        // (x^len + p0 x^(len-1) + ... + p(len-1)) · (x + r)
        for j in (0..=len).rev() {
            let above = if j == 0 {
                1
            } else {
                poly.get(j - 1).copied().unwrap_or(0)
            };
            if let Some(c) = poly.get_mut(j) {
                *c ^= gf_mul(above, root);
            }
        }
        root = gf_mul(root, 2);
    }
    poly
}

/// Writes into `out` the remainder of `block · x^out.len()` divided by the generator `gen`.
fn rs_remainder(block: &[u8], gen: &[u8], out: &mut [u8]) {
    out.fill(0);
    for &b in block {
        let factor = b ^ out.first().copied().unwrap_or(0);
        out.rotate_left(1.min(out.len()));
        if let Some(last) = out.last_mut() {
            *last = 0;
        }
        for (o, &g) in out.iter_mut().zip(gen) {
            *o ^= gf_mul(g, factor);
        }
    }
}

/// Splits the data codewords into blocks, adds each block's error correction codewords and
/// interleaves them all into the final codeword sequence.
fn add_ecc_and_interleave(data: &[u8], version: Version, ecc: Ecc) -> Vec<u8> {
    let blocks = table(&NUM_BLOCKS, version, ecc).max(1);
    let ecc_len = table(&ECC_PER_BLOCK, version, ecc).min(MAX_ECC_LEN);
    let raw = raw_data_modules(version) / 8;
    let short_blocks = blocks - raw % blocks;
    let short_data = (raw / blocks).saturating_sub(ecc_len);
    let block_len = |i: usize| short_data + usize::from(i >= short_blocks);

    let generator = rs_generator(ecc_len);
    let gen = generator.get(..ecc_len).unwrap_or(&[]);
    let mut ecc_bytes = vec![0u8; blocks * ecc_len];
    let mut start = 0;
    for i in 0..blocks {
        let len = block_len(i);
        let block = data.get(start..start + len).unwrap_or(&[]);
        if let Some(out) = ecc_bytes.get_mut(i * ecc_len..(i + 1) * ecc_len) {
            rs_remainder(block, gen, out);
        }
        start += len;
    }

    let mut out = Vec::with_capacity(raw);
    for k in 0..=short_data {
        let mut start = 0;
        for i in 0..blocks {
            let len = block_len(i);
            if k < len {
                if let Some(&b) = data.get(start + k) {
                    out.push(b);
                }
            }
            start += len;
        }
    }
    for k in 0..ecc_len {
        for i in 0..blocks {
            if let Some(&b) = ecc_bytes.get(i * ecc_len + k) {
                out.push(b);
            }
        }
    }
    out
}

// ---- Matrix ----------------------------------------------------------------------------------

/// The matrix under construction, with the function modules marked.
struct Grid {
    size: usize,
    modules: Vec<bool>,
    function: Vec<bool>,
}

/// Penalty weights of the mask evaluation (ISO/IEC 18004, 7.8.3).
const N1: u32 = 3;
const N2: u32 = 3;
const N3: u32 = 40;
const N4: u32 = 10;

impl Grid {
    fn new(version: Version) -> Grid {
        let size = version.size();
        Grid {
            size,
            modules: vec![false; size * size],
            function: vec![false; size * size],
        }
    }

    #[cfg(test)]
    fn get(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules.get(y * self.size + x) == Some(&true)
    }

    /// Sets a function module; coordinates outside the matrix are ignored.
    fn set_function(&mut self, x: i32, y: i32, dark: bool) {
        let size = self.size as i32;
        if (0..size).contains(&x) && (0..size).contains(&y) {
            let i = (y * size + x) as usize;
            if let Some(m) = self.modules.get_mut(i) {
                *m = dark;
            }
            if let Some(f) = self.function.get_mut(i) {
                *f = true;
            }
        }
    }

    fn draw_function_patterns(&mut self, version: Version, ecc: Ecc) {
        let size = self.size as i32;
        for i in 0..size {
            self.set_function(6, i, i % 2 == 0);
            self.set_function(i, 6, i % 2 == 0);
        }
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4..=4i32 {
                for dx in -4..=4i32 {
                    let ring = dx.abs().max(dy.abs());
                    self.set_function(cx + dx, cy + dy, ring != 2 && ring != 4);
                }
            }
        }
        let (positions, count) = alignment_positions(version);
        let centres = positions.get(..count).unwrap_or(&[]);
        for (i, &cx) in centres.iter().enumerate() {
            for (j, &cy) in centres.iter().enumerate() {
                let corner = (i == 0 && (j == 0 || j + 1 == count)) || (i + 1 == count && j == 0);
                if corner {
                    continue;
                }
                for dy in -2..=2i32 {
                    for dx in -2..=2i32 {
                        let dark = dx.abs().max(dy.abs()) != 1;
                        self.set_function(i32::from(cx) + dx, i32::from(cy) + dy, dark);
                    }
                }
            }
        }
        // Reserve the format areas now; the real bits are drawn once the mask is known.
        self.draw_format_bits(ecc, Mask(0));
        self.draw_version(version);
    }

    /// Both copies of the 15 format bits (level and mask, BCH-protected and masked).
    fn draw_format_bits(&mut self, ecc: Ecc, mask: Mask) {
        let data = ecc.format_bits() << 3 | u32::from(mask.0);
        let mut rem = data;
        for _ in 0..10 {
            rem = (rem << 1) ^ ((rem >> 9) * 0x537);
        }
        let bits = ((data << 10) | (rem & 0x3FF)) ^ 0x5412;
        let bit = |i: i32| (bits >> i) & 1 != 0;
        let size = self.size as i32;
        // Around the top-left finder.
        for i in 0..6 {
            self.set_function(8, i, bit(i));
        }
        self.set_function(8, 7, bit(6));
        self.set_function(8, 8, bit(7));
        self.set_function(7, 8, bit(8));
        for i in 9..15 {
            self.set_function(14 - i, 8, bit(i));
        }
        // Split between the top-right and bottom-left finders.
        for i in 0..8 {
            self.set_function(size - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set_function(8, size - 15 + i, bit(i));
        }
        self.set_function(8, size - 8, true);
    }

    /// Both copies of the 18 version bits, for versions 7 and up.
    fn draw_version(&mut self, version: Version) {
        if version.0 < 7 {
            return;
        }
        let v = u32::from(version.0);
        let mut rem = v;
        for _ in 0..12 {
            rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
        }
        let bits = (v << 12) | (rem & 0xFFF);
        let size = self.size as i32;
        for i in 0..18 {
            let dark = (bits >> i) & 1 != 0;
            let a = size - 11 + i % 3;
            let b = i / 3;
            self.set_function(a, b, dark);
            self.set_function(b, a, dark);
        }
    }

    /// Places the codeword bits in the two-column zigzag, skipping function modules.
    /// Remainder bits stay light.
    fn draw_codewords(&mut self, codewords: &[u8]) {
        let total = codewords.len() * 8;
        let size = self.size;
        let mut i = 0;
        let mut right = size - 1;
        loop {
            if right == 6 {
                right = 5;
            }
            let upward = (right + 1) & 2 == 0;
            for vert in 0..size {
                let y = if upward { size - 1 - vert } else { vert };
                for x in [right, right - 1] {
                    let idx = y * size + x;
                    if i < total && !self.function.get(idx).copied().unwrap_or(true) {
                        let byte = codewords.get(i / 8).copied().unwrap_or(0);
                        if let Some(m) = self.modules.get_mut(idx) {
                            *m = (byte >> (7 - i % 8)) & 1 != 0;
                        }
                        i += 1;
                    }
                }
            }
            if right < 3 {
                break;
            }
            right -= 2;
        }
    }

    /// XORs the data modules with mask `mask`; applying it twice undoes it.
    fn apply_mask(&mut self, mask: Mask) {
        let size = self.size;
        let (mut x, mut y) = (0, 0);
        for (m, &f) in self.modules.iter_mut().zip(&self.function) {
            let invert = match mask.0 {
                0 => (x + y) % 2 == 0,
                1 => y % 2 == 0,
                2 => x % 3 == 0,
                3 => (x + y) % 3 == 0,
                4 => (x / 3 + y / 2) % 2 == 0,
                5 => x * y % 2 + x * y % 3 == 0,
                6 => (x * y % 2 + x * y % 3) % 2 == 0,
                _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
            };
            *m ^= invert && !f;
            x += 1;
            if x == size {
                x = 0;
                y += 1;
            }
        }
    }

    /// The mask with the lowest penalty score (the first of equals).
    fn best_mask(&mut self, ecc: Ecc) -> Mask {
        let mut best = (u32::MAX, Mask(0));
        for m in 0..8 {
            let mask = Mask(m);
            self.draw_format_bits(ecc, mask);
            self.apply_mask(mask);
            let score = self.penalty();
            if score < best.0 {
                best = (score, mask);
            }
            self.apply_mask(mask);
        }
        best.1
    }

    /// The standard penalty score: runs, 2×2 blocks, finder-like patterns, dark balance.
    fn penalty(&self) -> u32 {
        let size = self.size;
        let mut score = 0;
        for i in 0..size {
            score += line_penalty(&self.modules, i * size, 1, size);
            score += line_penalty(&self.modules, i, size, size);
        }
        for y in 1..size {
            let above = self.modules.get((y - 1) * size..y * size).unwrap_or(&[]);
            let row = self.modules.get(y * size..(y + 1) * size).unwrap_or(&[]);
            for (a, b) in above.windows(2).zip(row.windows(2)) {
                if a == b && a.first() == a.last() {
                    score += N2;
                }
            }
        }
        let dark = self.modules.iter().filter(|&&m| m).count() as i64;
        let total = ((size * size) as i64).max(1);
        // The smallest k with (45 − 5k) % <= dark share <= (55 + 5k) %.
        let k = (((dark * 20 - total * 10).abs() + total - 1) / total - 1).max(0);
        score + k as u32 * N4
    }
}

/// Penalty of one row or column (`size` modules from `start`, `stride` apart): runs of five
/// or more (N1) and 1:1:3:1:1 finder-like patterns with four light modules on one side (N3).
/// The symbol is taken to sit in a light area, as it does inside its quiet zone.
fn line_penalty(modules: &[bool], start: usize, stride: usize, size: usize) -> u32 {
    let mut score = 0;
    // Lengths of the last completed runs, most recent first.
    let mut history = [0usize; 7];
    let mut dark_run = false;
    let mut run = size; // the light border before the first module
    let mut inside = 0; // the part of the current run inside the symbol
    for i in 0..size {
        let dark = modules.get(start + i * stride).copied().unwrap_or(false);
        if dark == dark_run {
            run += 1;
            inside += 1;
            if inside == 5 {
                score += N1;
            } else if inside > 5 {
                score += 1;
            }
        } else {
            history.rotate_right(1);
            history[0] = run;
            if !dark_run {
                score += N3 * finder_like(&history);
            }
            dark_run = dark;
            run = 1;
            inside = 1;
        }
    }
    if dark_run {
        history.rotate_right(1);
        history[0] = run;
        run = 0;
    }
    history.rotate_right(1);
    history[0] = run + size; // the light border after the last module
    score + N3 * finder_like(&history)
}

/// How many finder-like patterns end at the light run `history[0]`: dark–light–dark–light–dark
/// runs in the ratio 1:1:3:1:1, with a light run of at least four units on one side
/// (each side counted).
fn finder_like(history: &[usize; 7]) -> u32 {
    let [after, d1, l1, d3, l2, d4, before] = *history;
    let n = d1;
    let core = n > 0 && l1 == n && d3 == 3 * n && l2 == n && d4 == n;
    u32::from(core && after >= 4 * n && before >= n)
        + u32::from(core && before >= 4 * n && after >= n)
}

/// Centres of the alignment patterns on either axis (the first `count` entries).
fn alignment_positions(version: Version) -> ([u8; 7], usize) {
    let mut positions = [0u8; 7];
    let v = usize::from(version.0);
    if v == 1 {
        return (positions, 0);
    }
    let count = v / 7 + 2;
    let step = if v == 32 {
        26
    } else {
        (v * 4 + count * 2 + 1) / (count * 2 - 2).max(1) * 2
    };
    let last = version.size() - 7;
    if let Some(first) = positions.first_mut() {
        *first = 6;
    }
    for i in 0..count - 1 {
        if let Some(p) = positions.get_mut(count - 1 - i) {
            *p = last.saturating_sub(i * step) as u8;
        }
    }
    (positions, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_as_data_draw_the_code_they_came_from() {
        for (data, ecc) in [
            (&b"https://news.example/a/1"[..], Ecc::Medium),
            (&[0xA5; 300][..], Ecc::High),
        ] {
            let code = QrCode::encode_bytes(data, ecc).unwrap();
            let bytes = code.to_bytes();
            assert_eq!(bytes.len(), code.size() * code.size());
            let modules = Modules::from_bytes(bytes).unwrap();
            assert_eq!(Square::size(&modules), code.size());
            assert_eq!(svg_path(&modules, 2), svg_path(&code, 2));
            assert!(!Square::is_dark(&modules, code.size(), 0));
        }
    }

    #[test]
    fn modules_as_data_need_the_square_of_a_version_side() {
        for len in [0, 1, 20 * 20, 21 * 21 - 1, 22 * 22, 181 * 181] {
            assert_eq!(Modules::from_bytes(vec![1; len]), None, "{len} bytes");
        }
        for side in [21, 25, 177] {
            assert!(
                Modules::from_bytes(vec![0; side * side]).is_some(),
                "side {side}"
            );
        }
    }

    #[test]
    fn version_and_mask_are_range_checked() {
        assert_eq!(Version::new(0), None);
        assert_eq!(Version::new(41), None);
        assert_eq!(Version::new(40).map(Version::size), Some(177));
        assert_eq!(Mask::new(8), None);
        assert_eq!(Mask::new(7).map(Mask::value), Some(7));
    }

    #[test]
    fn raw_modules_match_known_capacities() {
        // Total codewords per version (ISO/IEC 18004 table 1): v1 26, v7 196, v40 3706.
        assert_eq!(raw_data_modules(Version(1)) / 8, 26);
        assert_eq!(raw_data_modules(Version(7)) / 8, 196);
        assert_eq!(raw_data_modules(Version(40)) / 8, 3706);
    }

    #[test]
    fn data_codewords_match_known_capacities() {
        assert_eq!(num_data_codewords(Version(1), Ecc::Low), 19);
        assert_eq!(num_data_codewords(Version(1), Ecc::High), 9);
        assert_eq!(num_data_codewords(Version(40), Ecc::Low), 2956);
        assert_eq!(num_data_codewords(Version(40), Ecc::High), 1276);
    }

    #[test]
    fn gf_mul_matches_the_field() {
        assert_eq!(gf_mul(0x80, 2), 0x1D);
        assert_eq!(gf_mul(0, 0x53), 0);
        // α^255 = 1.
        let mut x = 1u8;
        for _ in 0..255 {
            x = gf_mul(x, 2);
        }
        assert_eq!(x, 1);
    }

    #[test]
    fn rs_generator_degree_7_is_the_published_one() {
        // ISO/IEC 18004 annex A: exponents 87 229 146 149 238 102 21 for 7 codewords.
        let exp = |e: u32| (0..e).fold(1u8, |a, _| gf_mul(a, 2));
        let want: Vec<u8> = [87, 229, 146, 149, 238, 102, 21]
            .into_iter()
            .map(exp)
            .collect();
        assert_eq!(&rs_generator(7)[..7], &want[..]);
    }

    #[test]
    fn rs_remainder_of_the_standard_example() {
        // "01234567" in 1-M (ISO/IEC 18004 annex I): data and error correction codewords.
        let data = [
            0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
            0xEC, 0x11,
        ];
        let mut ecc = [0u8; 10];
        rs_remainder(&data, &rs_generator(10)[..10], &mut ecc);
        assert_eq!(
            ecc,
            [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55]
        );
    }

    #[test]
    fn alignment_positions_of_known_versions() {
        assert_eq!(alignment_positions(Version(2)), ([6, 18, 0, 0, 0, 0, 0], 2));
        assert_eq!(
            alignment_positions(Version(32)),
            ([6, 34, 60, 86, 112, 138, 0], 6)
        );
        assert_eq!(
            alignment_positions(Version(40)),
            ([6, 30, 58, 86, 114, 142, 170], 7)
        );
    }

    #[test]
    fn version_bits_of_version_7() {
        // Published version information for version 7: 000111 110010 010100.
        let mut grid = Grid::new(Version(7));
        grid.draw_version(Version(7));
        let mut bits = 0u32;
        for i in 0..18 {
            let (a, b) = (grid.size - 11 + i % 3, i / 3);
            bits |= u32::from(grid.get(a, b)) << i;
        }
        assert_eq!(bits, 0b000111_110010_010100);
    }

    #[test]
    fn format_bits_of_m_mask_5() {
        // Published format information for level M, mask 5: 100000011001110.
        let mut grid = Grid::new(Version(1));
        grid.draw_format_bits(Ecc::Medium, Mask(5));
        let mut bits = 0u32;
        for i in 0..8 {
            bits |= u32::from(grid.get(20 - i, 8)) << i;
        }
        for i in 8..15 {
            bits |= u32::from(grid.get(8, 6 + i)) << i;
        }
        assert_eq!(bits, 0b100000011001110);
    }

    #[test]
    fn padding_alternates_ec_11() {
        let cw = data_codewords(b"a", Version(1), Ecc::Low);
        assert_eq!(cw.len(), 19);
        assert_eq!(&cw[..3], &[0x40, 0x16, 0x10]);
        assert_eq!(&cw[3..7], &[0xEC, 0x11, 0xEC, 0x11]);
    }
}
