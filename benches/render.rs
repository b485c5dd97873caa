//! `cargo bench --bench render`: native renders per second (one thread) of `ssr::render`, the
//! path the CLI and a Rust server take, for the cases bench/server.mjs measures on every path.
//! Prints one JSON line per case: `{"case", "renders", "seconds", "rendersPerSecond"}`.
//! `BENCH_SECONDS` sets the time per case (default 3).

/// Native only (the SSR module); this stub keeps `--all-targets` builds for wasm32 working.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use newsview::json::{self, JsonLimits};
    use std::time::{Duration, Instant};

    let seconds: f64 = std::env::var("BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let options = json::parse(
        r#"{"now": "2026-03-16T10:00:00+08:00", "pageUrl": "https://www.example.com/a/1"}"#,
        &JsonLimits::default(),
    )
    .unwrap_or(json::Json::Null);
    for (name, article) in cases() {
        for _ in 0..100 {
            std::hint::black_box(newsview::ssr::render(&article, &options).ok());
        }
        let start = Instant::now();
        let budget = Duration::from_secs_f64(seconds);
        let mut renders = 0u64;
        while start.elapsed() < budget {
            std::hint::black_box(newsview::ssr::render(&article, &options).ok());
            renders += 1;
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{{\"case\":\"{name}\",\"renders\":{renders},\"seconds\":{secs:.3},\"rendersPerSecond\":{:.1}}}",
            renders as f64 / secs
        );
    }
}

/// The seed article, and the seed with a body of about 100 KB (the rich body fixture repeated).
#[cfg(not(target_arch = "wasm32"))]
fn cases() -> Vec<(&'static str, String)> {
    let seed = include_str!("../tests/fixtures/seed-article.json");
    let rich = include_str!("../tests/fixtures/rich-body.html");
    let mut large = rich.repeat(100_000 / rich.len() + 1);
    large = large
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n");
    let at = seed.find("\"bodyHtml\"").unwrap_or(0);
    let end = at + seed[at..].find("\",\n").unwrap_or(0);
    let with_large = format!("{}\"bodyHtml\": \"{large}{}", &seed[..at], &seed[end..]);
    vec![("seed", seed.to_owned()), ("seed-100kb-body", with_large)]
}
