//! `url::check` in every context: never panics, accepted URLs are idempotent and, read the way a
//! browser reads them, never carry a forbidden scheme or one the context does not allow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsview::url::{check, UrlContext};

mod common;
use common::{assert_scheme_safe, scheme_of};

const CONTEXTS: [UrlContext; 4] = [
    UrlContext::Link,
    UrlContext::Media,
    UrlContext::BodyImage,
    UrlContext::Absolute,
];

fn allowed(ctx: UrlContext, scheme: Option<&str>) -> bool {
    match (ctx, scheme) {
        (UrlContext::Absolute, s) => matches!(s, Some("http" | "https")),
        (UrlContext::Link, s) => matches!(s, None | Some("http" | "https" | "mailto" | "tel")),
        (UrlContext::Media, s) => matches!(s, None | Some("http" | "https")),
        (UrlContext::BodyImage, s) => matches!(s, None | Some("http" | "https" | "data")),
    }
}

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    for ctx in CONTEXTS {
        let Some(u) = check(&raw, ctx) else { continue };
        let text = u.as_str();
        let data_ok = ctx == UrlContext::BodyImage;
        // What the browser reads from the input and from the output alike.
        assert_scheme_safe(&raw, data_ok, "accepted input");
        assert_scheme_safe(text, data_ok, "accepted output");
        let scheme = scheme_of(text);
        assert!(
            allowed(ctx, scheme.as_deref()),
            "{ctx:?} accepted scheme {scheme:?}: {raw:?} -> {text:?}"
        );
        assert_eq!(
            scheme_of(&raw),
            scheme,
            "normalisation changed the scheme: {raw:?} -> {text:?}"
        );
        assert!(!text.is_empty());
        assert!(
            !text.contains(['\t', '\n', '\r']),
            "tab/newline kept: {text:?}"
        );
        if ctx == UrlContext::Absolute {
            assert!(
                u.is_absolute() && u.host().is_some_and(|h| !h.is_empty()),
                "{text:?}"
            );
        }
        if let Some(h) = u.host() {
            assert!(!h.contains('@'), "user info in host: {text:?}");
            assert_eq!(h, h.to_ascii_lowercase(), "host not lower-cased: {text:?}");
        }
        // Idempotent: the normalised text is accepted as itself.
        assert_eq!(
            check(text, ctx).as_ref(),
            Some(&u),
            "not idempotent in {ctx:?}: {raw:?} -> {text:?}"
        );
    }
});
