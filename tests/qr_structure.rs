//! Structural invariants of every code, the choice of version and level, and the SVG path.
#![cfg(not(target_arch = "wasm32"))]

use newsview::qr::{svg_path, Ecc, Mask, QrCode, QrError, Version};

fn at_version(v: u8, ecc: Ecc) -> QrCode {
    let version = Version::new(v).unwrap();
    QrCode::encode_bytes_advanced(b"newsview", ecc, version, version, None, false).unwrap()
}

/// The 7x7 finder with its top-left corner at (x0, y0) and its light separator.
fn assert_finder(code: &QrCode, x0: usize, y0: usize) {
    for dy in 0..7 {
        for dx in 0..7 {
            let ring = dx.min(dy).min(6 - dx).min(6 - dy);
            let dark = ring != 1;
            assert_eq!(
                code.is_dark(x0 + dx, y0 + dy),
                dark,
                "finder at ({x0}, {y0})"
            );
        }
    }
    let n = code.size();
    for i in 0..8 {
        // Separator: the light ring around the finder, inside the symbol.
        for (x, y) in [
            (x0 + i, y0 + 7),
            (x0 + 7, y0 + i),
            (x0 + i, y0.wrapping_sub(1)),
            (x0.wrapping_sub(1), y0 + i),
        ] {
            if x < n && y < n && (x < x0 + 8 && y < y0 + 8) {
                assert!(!code.is_dark(x, y), "separator ({x}, {y})");
            }
        }
    }
}

#[test]
fn size_is_17_plus_4_times_the_version() {
    for v in 1..=40u8 {
        let code = at_version(v, Ecc::Low);
        assert_eq!(code.version().value(), v);
        assert_eq!(code.size(), 17 + 4 * usize::from(v));
    }
}

#[test]
fn three_finder_patterns_sit_in_the_corners() {
    for v in [1, 2, 7, 20, 40] {
        let code = at_version(v, Ecc::Medium);
        let n = code.size();
        assert_finder(&code, 0, 0);
        assert_finder(&code, n - 7, 0);
        assert_finder(&code, 0, n - 7);
    }
}

#[test]
fn timing_patterns_alternate_between_the_finders() {
    for v in [1, 6, 7, 33, 40] {
        let code = at_version(v, Ecc::Quartile);
        for i in 8..code.size() - 8 {
            assert_eq!(code.is_dark(i, 6), i % 2 == 0, "row timing at {i}");
            assert_eq!(code.is_dark(6, i), i % 2 == 0, "column timing at {i}");
        }
    }
}

#[test]
fn the_dark_module_is_dark() {
    for v in [2, 10, 40] {
        let code = at_version(v, Ecc::High);
        assert!(code.is_dark(8, code.size() - 8));
    }
}

#[test]
fn both_format_copies_carry_level_and_mask() {
    for (ecc, bits) in [
        (Ecc::Low, 1),
        (Ecc::Medium, 0),
        (Ecc::Quartile, 3),
        (Ecc::High, 2),
    ] {
        for m in 0..8u8 {
            let v = Version::new(3).unwrap();
            let code =
                QrCode::encode_bytes_advanced(b"fmt", ecc, v, v, Mask::new(m), false).unwrap();
            let n = code.size();
            let mut first = 0u32;
            let mut second = 0u32;
            let first_pos: Vec<(usize, usize)> = (0..6)
                .map(|i| (8, i))
                .chain([(8, 7), (8, 8), (7, 8)])
                .chain((9..15).map(|i| (14 - i, 8)))
                .collect();
            for (i, &(x, y)) in first_pos.iter().enumerate() {
                first |= u32::from(code.is_dark(x, y)) << i;
            }
            for i in 0..8 {
                second |= u32::from(code.is_dark(n - 1 - i, 8)) << i;
            }
            for i in 8..15 {
                second |= u32::from(code.is_dark(8, n - 15 + i)) << i;
            }
            assert_eq!(first, second);
            assert_eq!((first ^ 0x5412) >> 10, bits << 3 | u32::from(m));
        }
    }
}

#[test]
fn version_information_appears_from_version_7() {
    let read = |code: &QrCode, transpose: bool| {
        let n = code.size();
        (0..18).fold(0u32, |acc, i| {
            let (a, b) = (n - 11 + i % 3, i / 3);
            let (x, y) = if transpose { (b, a) } else { (a, b) };
            acc | u32::from(code.is_dark(x, y)) << i
        })
    };
    for v in 7..=40u8 {
        let code = at_version(v, Ecc::Low);
        let bits = read(&code, false);
        assert_eq!(bits, read(&code, true), "version {v}: both copies");
        assert_eq!(bits >> 12, u32::from(v), "version {v}");
    }
}

#[test]
fn smallest_version_that_fits_is_chosen() {
    for v in 1..=39u8 {
        let version = Version::new(v).unwrap();
        let cap = version.byte_capacity(Ecc::Medium);
        let full = QrCode::encode_bytes(&vec![b'x'; cap], Ecc::Medium).unwrap();
        assert_eq!(full.version(), version, "{cap} bytes");
        let over = QrCode::encode_bytes(&vec![b'x'; cap + 1], Ecc::Medium).unwrap();
        assert_eq!(over.version().value(), v + 1, "{} bytes", cap + 1);
    }
}

#[test]
fn level_is_boosted_when_it_fits_for_free() {
    // One byte fits version 1 at every level, so Low becomes High.
    let code = QrCode::encode_bytes(b"a", Ecc::Low).unwrap();
    assert_eq!((code.version(), code.ecc()), (Version::MIN, Ecc::High));
    // 17 bytes fill 1-L; version 1 holds no more at higher levels, so Low stays.
    let code = QrCode::encode_bytes(&[b'a'; 17], Ecc::Low).unwrap();
    assert_eq!((code.version(), code.ecc()), (Version::MIN, Ecc::Low));
    // Without boosting the level asked for is kept.
    let code =
        QrCode::encode_bytes_advanced(b"a", Ecc::Low, Version::MIN, Version::MAX, None, false)
            .unwrap();
    assert_eq!(code.ecc(), Ecc::Low);
}

#[test]
fn capacity_of_version_40_at_every_level() {
    for (ecc, cap) in [
        (Ecc::Low, 2953),
        (Ecc::Medium, 2331),
        (Ecc::Quartile, 1663),
        (Ecc::High, 1273),
    ] {
        assert_eq!(Version::MAX.byte_capacity(ecc), cap);
        assert!(QrCode::encode_bytes(&vec![0; cap], ecc).is_ok());
        assert_eq!(
            QrCode::encode_bytes(&vec![0; cap + 1], ecc),
            Err(QrError::DataTooLong)
        );
    }
}

#[test]
fn huge_input_is_too_long_not_a_panic() {
    assert_eq!(
        QrCode::encode_bytes(&vec![0; 1 << 20], Ecc::Low),
        Err(QrError::DataTooLong)
    );
}

#[test]
fn an_empty_version_range_is_too_long() {
    let (v2, v1) = (Version::new(2).unwrap(), Version::MIN);
    assert_eq!(
        QrCode::encode_bytes_advanced(b"a", Ecc::Low, v2, v1, None, true),
        Err(QrError::DataTooLong)
    );
}

#[test]
fn a_capped_version_range_is_respected() {
    let v5 = Version::new(5).unwrap();
    let cap = v5.byte_capacity(Ecc::Low);
    let data = vec![1; cap + 1];
    assert_eq!(
        QrCode::encode_bytes_advanced(&data, Ecc::Low, Version::MIN, v5, None, true),
        Err(QrError::DataTooLong)
    );
    let v10 = Version::new(10).unwrap();
    let code =
        QrCode::encode_bytes_advanced(b"a", Ecc::Low, v10, Version::MAX, None, true).unwrap();
    assert_eq!(code.version(), v10);
}

#[test]
fn outside_the_code_is_light() {
    let code = at_version(1, Ecc::Low);
    assert!(!code.is_dark(21, 0));
    assert!(!code.is_dark(0, 21));
    assert!(!code.is_dark(usize::MAX, usize::MAX));
    assert!(!code.is_dark(0, usize::MAX));
    assert!(!code.is_dark(usize::MAX, 0));
}

/// Parses `M{x} {y}h{n}v1h-{n}z` rectangles.
fn parse_path(path: &str) -> Vec<(usize, usize, usize)> {
    let mut rects = Vec::new();
    for part in path.split('z').filter(|p| !p.is_empty()) {
        let rest = part.strip_prefix('M').expect("starts with M");
        let (x, rest) = rest.split_once(' ').unwrap();
        let (y, rest) = rest.split_once('h').unwrap();
        let (n, rest) = rest.split_once("v1h-").unwrap();
        assert_eq!(n, rest, "closes the same width");
        rects.push((x.parse().unwrap(), y.parse().unwrap(), n.parse().unwrap()));
    }
    rects
}

#[test]
fn svg_path_draws_exactly_the_dark_modules_offset_by_the_border() {
    let code = QrCode::encode_bytes(
        b"https://www.kankanews.com/detail/a20250727-0001",
        Ecc::Medium,
    )
    .unwrap();
    let border = 4;
    let n = code.size();
    let mut drawn = vec![false; n * n];
    for (x, y, w) in parse_path(&svg_path(&code, border)) {
        for i in 0..w {
            let (mx, my) = (x + i - border, y - border);
            assert!(!drawn[my * n + mx], "drawn twice");
            drawn[my * n + mx] = true;
        }
    }
    for y in 0..n {
        for x in 0..n {
            assert_eq!(drawn[y * n + x], code.is_dark(x, y), "module ({x}, {y})");
        }
    }
}

#[test]
fn svg_path_merges_horizontal_runs() {
    let code = at_version(2, Ecc::Low);
    let rects = parse_path(&svg_path(&code, 0));
    // The top row starts with the 7-module finder edge as one rectangle.
    assert_eq!(rects[0], (0, 0, 7));
    // No rectangle touches the next one on its row: runs are maximal.
    for pair in rects.windows(2) {
        let ((x1, y1, w1), (x2, y2, _)) = (pair[0], pair[1]);
        assert!(y1 != y2 || x1 + w1 < x2);
    }
}

#[test]
fn svg_path_with_a_huge_border_does_not_panic() {
    let code = at_version(1, Ecc::Low);
    let path = svg_path(&code, usize::MAX);
    assert!(path.starts_with(&format!("M{} {}h7v1h-7z", usize::MAX, usize::MAX)));
}
