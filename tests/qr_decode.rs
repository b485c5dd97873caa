//! Round trips through a real QR reader (rqrr): what the encoder writes must read back.
//!
//! `decode_image` runs rqrr's whole pipeline on a rendered picture (4 pixels a module, a
//! 4-module quiet zone): locating the finders, sampling, then decoding. It is slow in a debug
//! build (its image code is generic, so compiled unoptimised with the tests), so the
//! exhaustive sweep over lengths uses `decode_grid`, which hands rqrr the module matrix and
//! runs the same decoder (format, version, unmasking, Reed–Solomon, data) without locating.
#![cfg(not(target_arch = "wasm32"))]

use newsview::qr::{Ecc, Mask, QrCode, QrError, Version};

const LEVELS: [Ecc; 4] = [Ecc::Low, Ecc::Medium, Ecc::Quartile, Ecc::High];

/// rqrr's number for a level: the two format bits.
fn format_bits(ecc: Ecc) -> u16 {
    match ecc {
        Ecc::Low => 1,
        Ecc::Medium => 0,
        Ecc::Quartile => 3,
        Ecc::High => 2,
    }
}

/// Renders `code` at 4 pixels a module inside a 4-module quiet zone and decodes it.
fn decode_image(code: &QrCode) -> (Vec<u8>, rqrr::MetaData) {
    const SCALE: usize = 4;
    const QUIET: usize = 4;
    let side = (code.size() + 2 * QUIET) * SCALE;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        let (mx, my) = (x / SCALE, y / SCALE);
        let dark = mx >= QUIET && my >= QUIET && code.is_dark(mx - QUIET, my - QUIET);
        if dark {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "expected exactly one QR code in the image");
    let mut out = Vec::new();
    let meta = grids[0].decode_to(&mut out).expect("rqrr decodes the code");
    (out, meta)
}

/// Hands the module matrix to rqrr's decoder directly.
fn decode_grid(code: &QrCode) -> (Vec<u8>, rqrr::MetaData) {
    let grid = rqrr::Grid::new(rqrr::SimpleGrid::from_func(code.size(), |x, y| {
        code.is_dark(x, y)
    }));
    let mut out = Vec::new();
    let meta = grid.decode_to(&mut out).expect("rqrr decodes the matrix");
    (out, meta)
}

/// A deterministic mix of ASCII, UTF-8 and arbitrary bytes.
fn sample(len: usize, seed: usize) -> Vec<u8> {
    let text = "Knews 看看新闻 https://www.kankanews.com/ ?a=1&b=2#x 😀 \u{0}\u{7f}".as_bytes();
    (0..len)
        .map(|i| {
            if (i + seed) % 7 == 3 {
                (i.wrapping_mul(31) ^ seed) as u8
            } else {
                text[(i + seed) % text.len()]
            }
        })
        .collect()
}

#[test]
fn every_length_up_to_300_at_every_level_reads_back() {
    for len in 1..=300 {
        for (k, ecc) in LEVELS.into_iter().enumerate() {
            let data = sample(len, k);
            let code = QrCode::encode_bytes(&data, ecc).expect("fits");
            let (read, meta) = decode_grid(&code);
            assert_eq!(read, data, "length {len}, level {ecc:?}");
            assert_eq!(meta.version.0, usize::from(code.version().value()));
            assert_eq!(meta.ecc_level, format_bits(code.ecc()));
            assert_eq!(meta.mask, u16::from(code.mask().value()));
        }
    }
}

#[test]
fn sampled_lengths_read_back_from_a_rendered_image() {
    for len in (1..=300).step_by(23) {
        for (k, ecc) in LEVELS.into_iter().enumerate() {
            let data = sample(len, k + 5);
            let code = QrCode::encode_bytes(&data, ecc).expect("fits");
            let (read, meta) = decode_image(&code);
            assert_eq!(read, data, "length {len}, level {ecc:?}");
            assert_eq!(meta.version.0, usize::from(code.version().value()));
        }
    }
}

#[test]
fn a_damaged_code_still_reads_back() {
    let url = "https://www.kankanews.com/detail/a20250727-0001";
    let code = QrCode::encode_bytes(url.as_bytes(), Ecc::High).unwrap();
    let size = code.size();
    // Flip a 3x3 patch of data modules in the bottom-right corner (at most 3 codewords).
    let flipped =
        |x: usize, y: usize| x + 4 >= size && y + 4 >= size && x + 1 < size && y + 1 < size;
    let grid = rqrr::Grid::new(rqrr::SimpleGrid::from_func(size, |x, y| {
        code.is_dark(x, y) != flipped(x, y)
    }));
    let mut out = Vec::new();
    grid.decode_to(&mut out)
        .expect("error correction repairs the patch");
    assert_eq!(out, url.as_bytes());
}

#[test]
fn seed_article_url_reads_back_at_every_level() {
    let url = "https://www.kankanews.com/detail/a20250727-0001";
    for ecc in LEVELS {
        let code = QrCode::encode_bytes(url.as_bytes(), ecc).unwrap();
        let (read, _) = decode_image(&code);
        assert_eq!(String::from_utf8(read).unwrap(), url);
    }
}

#[test]
fn chinese_text_reads_back_as_utf8() {
    let title = "部市共建上海国际科技创新中心工作推进会举行,陈吉宁阴和俊出席并讲话";
    for ecc in LEVELS {
        let code = QrCode::encode_bytes(title.as_bytes(), ecc).unwrap();
        let (read, _) = decode_image(&code);
        assert_eq!(String::from_utf8(read).unwrap(), title);
    }
}

#[test]
fn empty_data_reads_back() {
    let code = QrCode::encode_bytes(b"", Ecc::Low).unwrap();
    assert_eq!(code.version(), Version::MIN);
    assert_eq!(decode_image(&code).0, b"");
}

#[test]
fn every_mask_reads_back() {
    let data = sample(40, 3);
    for m in 0..8 {
        let mask = Mask::new(m).unwrap();
        let code = QrCode::encode_bytes_advanced(
            &data,
            Ecc::Medium,
            Version::MIN,
            Version::MAX,
            Some(mask),
            false,
        )
        .unwrap();
        assert_eq!(code.mask(), mask);
        let (read, meta) = decode_image(&code);
        assert_eq!(read, data);
        assert_eq!(meta.mask, u16::from(m));
    }
}

#[test]
fn every_version_full_to_capacity_reads_back() {
    // Fill each version to its byte capacity at a level that rotates, so every version's
    // alignment patterns, version information and block layout are read.
    for v in 1..=40u8 {
        let version = Version::new(v).unwrap();
        let ecc = LEVELS[usize::from(v) % 4];
        let cap = version.byte_capacity(ecc);
        let fits = |n: usize| {
            QrCode::encode_bytes_advanced(&vec![0; n], ecc, version, version, None, false).is_ok()
        };
        assert!(fits(cap) && !fits(cap + 1), "capacity of version {v}");
        let data = sample(cap, usize::from(v));
        let code =
            QrCode::encode_bytes_advanced(&data, ecc, version, version, None, false).unwrap();
        assert_eq!(code.size(), 17 + 4 * usize::from(v));
        let (read, meta) = decode_image(&code);
        assert_eq!(read, data, "version {v}");
        assert_eq!(meta.version.0, usize::from(v));
    }
}

#[test]
fn maximum_capacity_2953_bytes_reads_back_and_2954_is_too_long() {
    let data = sample(2953, 1);
    let code = QrCode::encode_bytes(&data, Ecc::Low).unwrap();
    assert_eq!(code.version(), Version::MAX);
    assert_eq!(code.ecc(), Ecc::Low);
    assert_eq!(decode_image(&code).0, data);
    assert_eq!(
        QrCode::encode_bytes(&sample(2954, 1), Ecc::Low),
        Err(QrError::DataTooLong)
    );
}
