//! `json::parse`: never panics, respects the depth limit, and every accepted value survives a
//! round trip through a small writer written here (numbers compared to within the parser's
//! documented precision). Accepted values also go through `Article::from_json`,
//! `Options::from_json` and `Policy::from_json`, which must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsview::json::{parse, Json, JsonLimits, MAX_DEPTH_CAP};

fn depth(v: &Json) -> usize {
    // Iterative, like the crate: depth of nested arrays/objects.
    let mut max = 0;
    let mut stack = vec![(v, 0usize)];
    while let Some((v, d)) = stack.pop() {
        match v {
            Json::Array(items) => {
                max = max.max(d + 1);
                stack.extend(items.iter().map(|i| (i, d + 1)));
            }
            Json::Object(members) => {
                max = max.max(d + 1);
                stack.extend(members.iter().map(|(_, i)| (i, d + 1)));
            }
            _ => {}
        }
    }
    max
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write(out: &mut String, v: &Json) {
    enum Step<'a> {
        Value(&'a Json<'a>),
        Raw(&'static str),
        Key(&'a str),
    }
    let mut stack = vec![Step::Value(v)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Raw(s) => out.push_str(s),
            Step::Key(k) => {
                write_str(out, k);
                out.push(':');
            }
            Step::Value(v) => match v {
                Json::Null => out.push_str("null"),
                Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                Json::Number(n) if n.is_infinite() => {
                    out.push_str(if *n > 0.0 { "1e999" } else { "-1e999" })
                }
                Json::Number(n) => out.push_str(&format!("{n:e}")),
                Json::String(s) => write_str(out, s),
                Json::Array(items) => {
                    out.push('[');
                    stack.push(Step::Raw("]"));
                    for (i, item) in items.iter().enumerate().rev() {
                        stack.push(Step::Value(item));
                        if i > 0 {
                            stack.push(Step::Raw(","));
                        }
                    }
                }
                Json::Object(members) => {
                    out.push('{');
                    stack.push(Step::Raw("}"));
                    for (i, (k, item)) in members.iter().enumerate().rev() {
                        stack.push(Step::Value(item));
                        stack.push(Step::Key(k));
                        if i > 0 {
                            stack.push(Step::Raw(","));
                        }
                    }
                }
            },
        }
    }
}

/// Numbers: the parser documents a relative error below 1e-15 against the standard parser.
fn close(a: f64, b: f64) -> bool {
    a == b
        || (a - b).abs() <= 4e-15 * a.abs().max(b.abs())
        || (a.abs() < 1e-300 && b.abs() < 1e-300)
}

fn same(a: &Json, b: &Json) -> bool {
    let mut stack = vec![(a, b)];
    while let Some((a, b)) = stack.pop() {
        match (a, b) {
            (Json::Number(x), Json::Number(y)) => {
                if !close(*x, *y) {
                    return false;
                }
            }
            (Json::Array(x), Json::Array(y)) => {
                if x.len() != y.len() {
                    return false;
                }
                stack.extend(x.iter().zip(y));
            }
            (Json::Object(x), Json::Object(y)) => {
                if x.len() != y.len() {
                    return false;
                }
                for ((kx, vx), (ky, vy)) in x.iter().zip(y) {
                    if kx != ky {
                        return false;
                    }
                    stack.push((vx, vy));
                }
            }
            (x, y) => {
                if x != y {
                    return false;
                }
            }
        }
    }
    true
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let limits = JsonLimits {
        max_depth: usize::from(first % 80),
        max_bytes: if first & 0x80 != 0 { 64 } else { 1 << 20 },
    };
    let text = String::from_utf8_lossy(rest);
    let Ok(v) = parse(&text, &limits) else {
        return;
    };
    assert!(
        text.len() <= limits.max_bytes,
        "input over max_bytes accepted"
    );
    let d = depth(&v);
    assert!(
        d <= limits.max_depth.min(MAX_DEPTH_CAP),
        "depth {d} over limit {}",
        limits.max_depth
    );
    let mut out = String::new();
    write(&mut out, &v);
    let big = JsonLimits {
        max_depth: MAX_DEPTH_CAP,
        max_bytes: usize::MAX,
    };
    let again = match parse(&out, &big) {
        Ok(again) => again,
        Err(e) => panic!("written JSON refused: {e:?}\n{out}"),
    };
    assert!(
        same(&v, &again),
        "round trip changed the value:\n{v:?}\n{again:?}\n{out}"
    );
    // The readers of parsed documents never panic, and give the same answer twice.
    let _ = newsview::model::Article::from_json(&v);
    let _ = newsview::sanitize::Policy::from_json(&v);
    if let Ok(options) = newsview::options::Options::from_json(&v) {
        if let Some(u) = &options.page_url {
            let ctx = newsview::url::UrlContext::Absolute;
            assert_eq!(newsview::url::check(u.as_str(), ctx).as_ref(), Some(u));
        }
        assert_eq!(
            newsview::options::Options::from_json(&v).ok(),
            Some(options)
        );
    }
});
