//! `QrCode::encode_bytes(_advanced)`: never panics; an accepted code is `17 + 4·v` modules wide,
//! within the version range asked, at least the level asked, and module-exact with the
//! reference encoder (qrcodegen); `svg_path` never panics and draws exactly the dark modules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsview::qr::{svg_path, Ecc, Mask, QrCode, Version};

fn reference_level(ecc: Ecc) -> qrcodegen::QrCodeEcc {
    match ecc {
        Ecc::Low => qrcodegen::QrCodeEcc::Low,
        Ecc::Medium => qrcodegen::QrCodeEcc::Medium,
        Ecc::Quartile => qrcodegen::QrCodeEcc::Quartile,
        Ecc::High => qrcodegen::QrCodeEcc::High,
    }
}

fn rank(ecc: Ecc) -> u8 {
    match ecc {
        Ecc::Low => 0,
        Ecc::Medium => 1,
        Ecc::Quartile => 2,
        Ecc::High => 3,
    }
}

/// Parses `M{x} {y}h{n}v1h-{n}z` runs and checks they cover exactly the dark modules.
fn check_svg(code: &QrCode, border: usize, path: &str) {
    let size = code.size();
    let mut covered = vec![false; size * size];
    for run in path.split_terminator('z') {
        let rest = run.strip_prefix('M').expect("run starts with M");
        let (x, rest) = rest.split_once(' ').expect("x y");
        let (y, rest) = rest.split_once('h').expect("y h");
        let (n, rest) = rest.split_once("v1h-").expect("v1h-");
        assert_eq!(n, rest, "run closes with its own width");
        let (x, y, n): (usize, usize, usize) =
            (x.parse().unwrap(), y.parse().unwrap(), n.parse().unwrap());
        assert!(n > 0 && x >= border && y >= border);
        let (x, y) = (x - border, y - border);
        assert!(y < size && x + n <= size, "run outside the code");
        for k in x..x + n {
            assert!(code.is_dark(k, y), "light module drawn at {k},{y}");
            assert!(!covered[y * size + k], "module drawn twice");
            covered[y * size + k] = true;
        }
    }
    for y in 0..size {
        for x in 0..size {
            assert_eq!(covered[y * size + x], code.is_dark(x, y), "module {x},{y}");
        }
    }
}

fuzz_target!(|input: &[u8]| {
    let Some((&head, rest)) = input.split_first() else {
        return;
    };
    let Some((&range, data)) = rest.split_first() else {
        return;
    };
    let ecc = [Ecc::Low, Ecc::Medium, Ecc::Quartile, Ecc::High][usize::from(head & 3)];
    let advanced = head & 4 != 0;
    let boost = head & 8 != 0;
    let mask = Mask::new((head >> 4) & 7).filter(|_| advanced && head & 0x80 != 0);
    let border = usize::from(range >> 6);
    let (lo, hi) = if advanced {
        (
            1 + (range & 0x3f) % 40,
            1 + (range.wrapping_mul(7) >> 2) % 40,
        )
    } else {
        (1, 40)
    };
    let (min, max) = (Version::new(lo).unwrap(), Version::new(hi).unwrap());
    let ours = if advanced {
        QrCode::encode_bytes_advanced(data, ecc, min, max, mask, boost)
    } else {
        QrCode::encode_bytes(data, ecc)
    };
    let reference = qrcodegen::QrCode::encode_segments_advanced(
        &[qrcodegen::QrSegment::make_bytes(data)],
        reference_level(ecc),
        qrcodegen::Version::new(lo),
        qrcodegen::Version::new(hi.max(lo)),
        mask.map(|m| qrcodegen::Mask::new(m.value())),
        if advanced { boost } else { true },
    );
    let code = match (ours, reference) {
        (Ok(code), Ok(theirs)) => {
            assert_eq!(code.version().value(), theirs.version().value(), "version");
            assert_eq!(
                reference_level(code.ecc()),
                theirs.error_correction_level(),
                "ecc"
            );
            assert_eq!(code.mask().value(), theirs.mask().value(), "mask");
            assert_eq!(code.size() as i32, theirs.size(), "size");
            for y in 0..code.size() {
                for x in 0..code.size() {
                    assert_eq!(
                        code.is_dark(x, y),
                        theirs.get_module(x as i32, y as i32),
                        "module {x},{y}"
                    );
                }
            }
            code
        }
        (Err(_), Err(_)) => return,
        (Err(_), Ok(_)) if lo > hi => return,
        (ours, theirs) => panic!(
            "disagree with the reference: ours {:?}, reference ok {}",
            ours.map(|c| c.version()),
            theirs.is_ok()
        ),
    };
    let v = usize::from(code.version().value());
    assert_eq!(code.size(), 17 + 4 * v, "size is not 17 + 4v");
    assert!((lo..=hi.max(lo)).contains(&code.version().value()));
    assert!(rank(code.ecc()) >= rank(ecc), "level lowered");
    if let Some(m) = mask {
        assert_eq!(code.mask(), m, "forced mask not used");
    }
    // Out of range reads are light, never a panic.
    assert!(!code.is_dark(code.size(), 0) && !code.is_dark(0, usize::MAX));
    check_svg(&code, border, &svg_path(&code, border));
});
