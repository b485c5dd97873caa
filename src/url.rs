//! The one URL policy for every link, image, video and share target.
//!
//! A [`SafeUrl`] can only be made here, by [`check`]; view nodes take URLs only as `SafeUrl`.
//!
//! The judgement follows the WHATWG URL parser, the way a browser would read the same text:
//!
//! 1. leading and trailing C0 controls and spaces are stripped;
//! 2. every ASCII tab and newline is removed, wherever it is;
//! 3. the scheme is an ASCII letter followed by letters, digits, `+`, `-` or `.` up to the first
//!    `:`; any other character before the first `:` means there is no scheme (a relative URL);
//!    the scheme is compared case-insensitively;
//! 4. in `http`, `https` and relative URLs a `\` before the query or fragment is a `/`, and any
//!    number of slashes (two or more) may introduce the host: `\\evil.com`, `/\evil.com` and
//!    `http:///evil.com` are all read as naming the host `evil.com`, and judged (and normalised)
//!    as such. `http:evil.com` and `http:/evil.com` are refused: a browser reads them as a path
//!    on an http page and as a host on any other.
//!
//! Character references are **not** decoded here: the HTML parser decodes them in attribute
//! values before the policy sees them, while values from JSON are used as they are, so
//! `javascript&colon;alert(1)` in JSON is the harmless relative path it looks like.
//!
//! | context | accepted |
//! | --- | --- |
//! | [`UrlContext::Link`] | `http:`, `https:`, `mailto:`, `tel:`, relative |
//! | [`UrlContext::Media`] | `http:`, `https:`, relative |
//! | [`UrlContext::BodyImage`] | as `Media`, plus `data:image/(png\|jpeg\|gif\|webp)[;base64],…` |
//! | [`UrlContext::Absolute`] | `http:` and `https:` with a host |
//!
//! Everything else is refused: `javascript:`, `vbscript:`, `data:` (but for the one exception),
//! `file:`, `blob:`, `about:`, unknown schemes, the empty URL, `http(s)` URLs without a host or
//! with user information (`https://bank.com@evil.com` misleads readers), and hosts or ports a
//! browser would reject.

/// Where a URL is going to be used; each context allows its own schemes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlContext {
    /// `a href`: http, https, mailto, tel and relative URLs.
    Link,
    /// `img src`, `video src`, posters: http, https and relative URLs.
    Media,
    /// `img src` in an article body: as `Media`, plus `data:image/(png|jpeg|gif|webp)`.
    BodyImage,
    /// The canonical article URL and share targets: absolute http and https only.
    Absolute,
}

/// A URL that passed the policy for some context. Its text is the normalised form a browser
/// would use (surrounding spaces and control characters, tabs and newlines removed, scheme and
/// host in lower case, `\` read as `/` before the query, the slashes before the host written as
/// exactly `//`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SafeUrl {
    text: String,
    /// Byte range of the host in `text`, for absolute and protocol-relative http(s) URLs.
    host: Option<(usize, usize)>,
}

impl SafeUrl {
    /// The URL text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The host of an absolute (or protocol-relative, `//host/…`) http(s) URL, lower-cased,
    /// without port or user information; `None` for relative, mailto, tel and data URLs.
    pub fn host(&self) -> Option<&str> {
        let (start, end) = self.host?;
        self.text.get(start..end)
    }

    /// Whether the URL names a host (an absolute or protocol-relative http(s) URL).
    pub fn is_absolute(&self) -> bool {
        self.host.is_some()
    }

    /// Whether the URL is an http(s) or relative URL, one a browser navigates to as a page
    /// (not `mailto:`, `tel:` or `data:`).
    pub fn is_web(&self) -> bool {
        self.host.is_some() || scheme_end(&self.text).is_none()
    }
}

/// Judges `raw` for `context` the way a browser would parse it: entities are expected to be
/// decoded already (the HTML parser does that), and tabs, newlines, leading and trailing C0
/// controls and spaces, and scheme case do not fool it. Returns `None` when it is refused.
pub fn check(raw: &str, context: UrlContext) -> Option<SafeUrl> {
    let trimmed = raw.trim_matches(|c: char| c <= '\u{20}');
    let mut s = String::with_capacity(trimmed.len());
    s.extend(trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')));
    if s.is_empty() {
        return None;
    }
    match scheme_end(&s) {
        Some(colon) => {
            let (scheme, rest) = s.split_at(colon);
            let rest = rest.get(1..).unwrap_or("");
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
                let lower = if scheme.len() == 4 { "http" } else { "https" };
                // `http:host` and `http:/host` name a host only on a page of another scheme;
                // on an http page they are paths of that page. Ambiguous: refused.
                let slashes = rest
                    .chars()
                    .take(2)
                    .filter(|c| matches!(c, '/' | '\\'))
                    .count();
                if slashes < 2 {
                    return None;
                }
                let mut text = String::with_capacity(s.len() + 2);
                text.push_str(lower);
                text.push(':');
                special_with_host(text, rest)
            } else if scheme.eq_ignore_ascii_case("mailto") || scheme.eq_ignore_ascii_case("tel") {
                if context != UrlContext::Link {
                    return None;
                }
                let mut text = scheme.to_ascii_lowercase();
                text.push(':');
                text.push_str(rest);
                Some(SafeUrl { text, host: None })
            } else if scheme.eq_ignore_ascii_case("data") {
                if context != UrlContext::BodyImage || !is_data_image(rest) {
                    return None;
                }
                let mut text = String::with_capacity(s.len());
                text.push_str("data:");
                text.push_str(rest);
                Some(SafeUrl { text, host: None })
            } else {
                None
            }
        }
        None => {
            if context == UrlContext::Absolute {
                return None;
            }
            let s = backslashes_to_slashes(&s);
            if let Some(after) = s.strip_prefix("//") {
                // Protocol-relative: `//host/path`, judged as an absolute http(s) URL.
                special_with_host(String::with_capacity(s.len()), after)
            } else {
                Some(SafeUrl {
                    text: s,
                    host: None,
                })
            }
        }
    }
    .filter(|u| context != UrlContext::Absolute || (u.host.is_some() && u.text.starts_with("http")))
}

/// The byte index of the `:` that ends a valid scheme, or `None` when the text has no scheme.
fn scheme_end(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    if !bytes.first()?.is_ascii_alphabetic() {
        return None;
    }
    for (i, &b) in bytes.iter().enumerate() {
        if b == b':' {
            return Some(i);
        }
        if !(b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.') {
            return None;
        }
    }
    None
}

/// `s` with every `\` before the first `?` or `#` replaced by `/`, as the URL parser reads
/// special (http, https and relative-to-http) URLs.
fn backslashes_to_slashes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_path = true;
    for c in s.chars() {
        if c == '?' || c == '#' {
            in_path = false;
        }
        out.push(if in_path && c == '\\' { '/' } else { c });
    }
    out
}

/// Appends `//host[:port]rest` to `text` (which holds the scheme and its colon, or nothing for
/// a protocol-relative URL) from `rest`, the text after the scheme's colon (or after `//`).
fn special_with_host(mut text: String, rest: &str) -> Option<SafeUrl> {
    let rest = backslashes_to_slashes(rest);
    let rest = rest.trim_start_matches('/');
    let auth_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(auth_end);
    if authority.contains('@') {
        return None;
    }
    let (host, port) = split_port(authority)?;
    if host.is_empty() || !host_ok(host) {
        return None;
    }
    text.push_str("//");
    let start = text.len();
    for c in host.chars() {
        text.push(c.to_ascii_lowercase());
    }
    let end = text.len();
    if let Some(port) = port {
        text.push(':');
        text.push_str(port);
    }
    text.push_str(tail);
    Some(SafeUrl {
        text,
        host: Some((start, end)),
    })
}

/// Splits `host[:port]`; `None` when the port is not decimal digits. An empty port is dropped.
fn split_port(authority: &str) -> Option<(&str, Option<&str>)> {
    let port_colon = if authority.starts_with('[') {
        let close = authority.find(']')?;
        match authority.get(close + 1..) {
            Some("") => None,
            Some(after) if after.starts_with(':') => Some(close + 1),
            _ => return None,
        }
    } else {
        authority.rfind(':')
    };
    match port_colon {
        None => Some((authority, None)),
        Some(i) => {
            let host = authority.get(..i)?;
            let port = authority.get(i + 1..)?;
            if port.is_empty() {
                Some((host, None))
            } else if port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()) {
                Some((host, Some(port)))
            } else {
                None
            }
        }
    }
}

/// Refuses hosts with characters a browser forbids in hosts, and percent-encoded hosts (which a
/// browser would decode to something else than the text shows).
fn host_ok(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[') {
        let inner = match inner.strip_suffix(']') {
            Some(i) => i,
            None => return false,
        };
        return !inner.is_empty()
            && inner
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    }
    !host.chars().any(|c| {
        c <= '\u{20}'
            || c == '\u{7f}'
            || matches!(
                c,
                '#' | '%' | '/' | ':' | '<' | '>' | '?' | '@' | '[' | '\\' | ']' | '^' | '|'
            )
    })
}

/// `image/(png|jpeg|gif|webp)[;base64],…`, case-insensitively, no other parameters.
fn is_data_image(rest: &str) -> bool {
    let comma = match rest.find(',') {
        Some(i) => i,
        None => return false,
    };
    let meta = rest.get(..comma).unwrap_or("");
    let mime = match meta.len().checked_sub(7) {
        Some(i)
            if meta
                .get(i..)
                .is_some_and(|t| t.eq_ignore_ascii_case(";base64")) =>
        {
            meta.get(..i).unwrap_or("")
        }
        _ => meta,
    };
    ["image/png", "image/jpeg", "image/gif", "image/webp"]
        .iter()
        .any(|m| mime.eq_ignore_ascii_case(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(raw: &str, ctx: UrlContext) -> String {
        match check(raw, ctx) {
            Some(u) => u.as_str().to_string(),
            None => panic!("refused {raw:?} in {ctx:?}"),
        }
    }

    fn refused(raw: &str, ctx: UrlContext) {
        assert_eq!(check(raw, ctx), None, "accepted {raw:?} in {ctx:?}");
    }

    const ALL: [UrlContext; 4] = [
        UrlContext::Link,
        UrlContext::Media,
        UrlContext::BodyImage,
        UrlContext::Absolute,
    ];

    #[test]
    fn strips_leading_and_trailing_controls_and_spaces() {
        assert_eq!(
            ok(" \u{1}\u{0}https://a.com/x \u{1f}", UrlContext::Link),
            "https://a.com/x"
        );
    }

    #[test]
    fn removes_tabs_and_newlines_anywhere() {
        assert_eq!(
            ok("ht\ttp://a.\nco\rm/p\tq", UrlContext::Link),
            "http://a.com/pq"
        );
    }

    #[test]
    fn scheme_is_case_insensitive_and_lowered() {
        assert_eq!(
            ok("HTTPS://A.COM/Path", UrlContext::Link),
            "https://a.com/Path"
        );
        assert_eq!(ok("MailTo:x@y.z", UrlContext::Link), "mailto:x@y.z");
        refused("JaVaScRiPt:alert(1)", UrlContext::Link);
    }

    #[test]
    fn no_scheme_is_relative() {
        assert_eq!(ok("/a/b?c#d", UrlContext::Link), "/a/b?c#d");
        assert_eq!(ok("a/b:c", UrlContext::Media), "a/b:c");
        assert_eq!(ok("#top", UrlContext::Link), "#top");
        assert_eq!(
            check("/a", UrlContext::Link).and_then(|u| u.host().map(str::to_string)),
            None
        );
    }

    #[test]
    fn scheme_ends_at_first_colon_before_slash_query_or_fragment() {
        // A character that is not a scheme character before the colon: no scheme.
        assert_eq!(
            ok("./javascript:alert(1)", UrlContext::Link),
            "./javascript:alert(1)"
        );
        assert_eq!(ok("?javascript:x", UrlContext::Link), "?javascript:x");
        assert_eq!(ok("#javascript:x", UrlContext::Link), "#javascript:x");
        assert_eq!(ok("java script:x", UrlContext::Link), "java script:x");
    }

    #[test]
    fn javascript_vbscript_file_blob_and_unknown_schemes_are_refused_everywhere() {
        for ctx in ALL {
            for raw in [
                "javascript:alert(1)",
                "vbscript:msgbox(1)",
                "file:///etc/passwd",
                "blob:https://a.com/uuid",
                "about:blank",
                "ftp://a.com/x",
                "foo:bar",
                "c:/windows",
            ] {
                refused(raw, ctx);
            }
        }
    }

    #[test]
    fn data_is_refused_but_for_body_images() {
        for ctx in [UrlContext::Link, UrlContext::Media, UrlContext::Absolute] {
            refused("data:image/png;base64,AAAA", ctx);
        }
        assert_eq!(
            ok("data:image/png;base64,iVBOR", UrlContext::BodyImage),
            "data:image/png;base64,iVBOR"
        );
        assert_eq!(
            ok("DATA:Image/GIF,xyz", UrlContext::BodyImage),
            "data:Image/GIF,xyz"
        );
        ok("data:image/jpeg;base64,x", UrlContext::BodyImage);
        ok("data:image/webp,x", UrlContext::BodyImage);
        for raw in [
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD4=",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "data:image/png;charset=utf-8;base64,xx",
            "data:image/png",
            "data:,hello",
            "data:application/javascript,alert(1)",
        ] {
            refused(raw, UrlContext::BodyImage);
        }
    }

    #[test]
    fn link_allows_http_https_mailto_tel_and_relative() {
        ok("http://a.com", UrlContext::Link);
        ok("https://a.com", UrlContext::Link);
        ok("mailto:news@a.com", UrlContext::Link);
        ok("tel:+86-21-1234", UrlContext::Link);
        ok("../x", UrlContext::Link);
    }

    #[test]
    fn media_allows_http_https_and_relative_only() {
        ok("http://a.com/x.jpg", UrlContext::Media);
        ok("https://a.com/x.jpg", UrlContext::Media);
        ok("x.jpg", UrlContext::Media);
        refused("mailto:a@b.c", UrlContext::Media);
        refused("tel:123", UrlContext::Media);
        refused("mailto:a@b.c", UrlContext::BodyImage);
    }

    #[test]
    fn absolute_needs_http_or_https_with_a_host() {
        assert_eq!(
            ok("https://a.com/x", UrlContext::Absolute),
            "https://a.com/x"
        );
        refused("/x", UrlContext::Absolute);
        refused("x", UrlContext::Absolute);
        refused("//a.com/x", UrlContext::Absolute);
        refused("mailto:a@b.c", UrlContext::Absolute);
        refused("https://", UrlContext::Absolute);
        refused("https:///", UrlContext::Absolute);
        refused("http://?q", UrlContext::Absolute);
    }

    #[test]
    fn empty_url_is_refused() {
        for ctx in ALL {
            refused("", ctx);
            refused(" \t\n\u{0}", ctx);
        }
    }

    #[test]
    fn protocol_relative_is_absolute_with_that_host() {
        let u = check("//Evil.com/x", UrlContext::Link).unwrap();
        assert_eq!(u.as_str(), "//evil.com/x");
        assert_eq!(u.host(), Some("evil.com"));
        assert!(u.is_absolute());
        let u = check("///evil.com/x", UrlContext::Media).unwrap();
        assert_eq!(u.host(), Some("evil.com"));
    }

    #[test]
    fn backslashes_are_slashes_before_the_query() {
        for raw in ["\\\\evil.com/x", "/\\evil.com/x", "\\/evil.com/x"] {
            let u = check(raw, UrlContext::Link).unwrap();
            assert_eq!(u.host(), Some("evil.com"), "{raw:?}");
            assert_eq!(u.as_str(), "//evil.com/x");
        }
        let u = check("https:\\\\evil.com\\a?b\\c", UrlContext::Link).unwrap();
        assert_eq!(u.as_str(), "https://evil.com/a?b\\c");
        let u = check("http://good.com\\@evil.com/", UrlContext::Link).unwrap();
        assert_eq!(u.host(), Some("good.com"));
        // In mailto (not a special scheme) a backslash is just a character.
        assert_eq!(ok("mailto:a\\b@c.d", UrlContext::Link), "mailto:a\\b@c.d");
    }

    #[test]
    fn http_needs_two_slashes_and_extra_ones_still_name_the_host() {
        // Relative to an http page these are paths, to an https page hosts: refused.
        refused("http:evil.com/x", UrlContext::Link);
        refused("https:/evil.com", UrlContext::Link);
        refused("https:\\evil.com", UrlContext::Link);
        assert_eq!(
            ok("https:\\\\evil.com", UrlContext::Link),
            "https://evil.com"
        );
        assert_eq!(
            ok("https:/\\evil.com", UrlContext::Link),
            "https://evil.com"
        );
        assert_eq!(
            ok("https:////evil.com", UrlContext::Link),
            "https://evil.com"
        );
    }

    #[test]
    fn host_is_lowercase_without_port() {
        let u = check("http://WWW.A.com:8080/P?Q#F", UrlContext::Link).unwrap();
        assert_eq!(u.host(), Some("www.a.com"));
        assert_eq!(u.as_str(), "http://www.a.com:8080/P?Q#F");
        let u = check("http://a.com", UrlContext::Link).unwrap();
        assert_eq!(u.host(), Some("a.com"));
        let u = check("https://[::1]:443/x", UrlContext::Link).unwrap();
        assert_eq!(u.host(), Some("[::1]"));
        assert_eq!(
            check("mailto:a@b.c", UrlContext::Link).unwrap().host(),
            None
        );
    }

    #[test]
    fn userinfo_is_refused() {
        refused("https://bank.com@evil.com/", UrlContext::Link);
        refused("https://user:pw@a.com/", UrlContext::Link);
        refused("//bank.com@evil.com", UrlContext::Media);
        // An @ after the host is part of the path.
        assert_eq!(
            check("https://medium.com/@user", UrlContext::Link)
                .unwrap()
                .host(),
            Some("medium.com")
        );
    }

    #[test]
    fn bad_hosts_and_ports_are_refused() {
        refused("http://a.com:80x/", UrlContext::Link);
        refused("http://ex%61mple.com/", UrlContext::Link);
        refused("http://a b.com/", UrlContext::Link);
        refused("http://a<b.com/", UrlContext::Link);
        refused("http://[::1/", UrlContext::Link);
        refused("http://[zz]/", UrlContext::Link);
        assert_eq!(ok("http://a.com:/x", UrlContext::Link), "http://a.com/x");
    }

    #[test]
    fn nasty_vectors_table() {
        // (decoded attribute value, expected acceptance in Link context)
        let table: &[(&str, bool)] = &[
            ("javascript:alert(1)", false),
            ("jav\tascript:alert(1)", false), // jav&#x09;ascript: after the parser decoded it
            ("jav&#x09;ascript:alert(1)", true), // undecoded: a harmless relative path
            ("\u{1}javascript:alert(1)", false),
            ("\u{0}javascript:alert(1)", false),
            ("JaVaScRiPt:alert(1)", false),
            (" javascript:alert(1)", false),
            ("java\nscript:alert(1)", false),
            ("java\rscript:alert(1)", false),
            ("javascript\t:alert(1)", false),
            ("\u{20}\u{7}\u{1b}javascript:alert(1)", false),
            ("vbscript:msgbox(1)", false),
            ("VBSCRIPT:msgbox(1)", false),
            ("data:text/html,<script>alert(1)</script>", false),
            (
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                false,
            ),
            ("data:image/svg+xml,<svg/onload=alert(1)>", false),
            ("livescript:alert(1)", false),
            ("//evil.com", true),
            ("http://a.com", true),
        ];
        for &(raw, accepted) in table {
            assert_eq!(check(raw, UrlContext::Link).is_some(), accepted, "{raw:?}");
        }
    }

    #[test]
    fn entities_in_json_values_are_not_decoded_and_stay_harmless() {
        // A JSON value is used raw: `&colon;` is not a colon, so there is no scheme, and a
        // browser resolves it as a path under the page's URL; nothing can run.
        let u = check("javascript&colon;alert(1)", UrlContext::Link).unwrap();
        assert_eq!(u.as_str(), "javascript&colon;alert(1)");
        assert_eq!(u.host(), None);
        assert!(!u.as_str().contains(':'));
        assert!(u.is_web());
    }

    #[test]
    fn is_web_tells_pages_from_mailto_tel_and_data() {
        assert!(check("https://a.com", UrlContext::Link).unwrap().is_web());
        assert!(check("/x", UrlContext::Link).unwrap().is_web());
        assert!(!check("mailto:a@b.c", UrlContext::Link).unwrap().is_web());
        assert!(!check("tel:1", UrlContext::Link).unwrap().is_web());
        assert!(!check("data:image/png,x", UrlContext::BodyImage)
            .unwrap()
            .is_web());
    }

    #[test]
    fn normalised_form_checks_the_same() {
        for raw in [
            " HTTP:\\\\A.com\\x?y\\z",
            "//a.com/x",
            "\\\\a.com",
            "mailto:a@b.c",
            "data:image/png;base64,xx",
            "rel/ative",
        ] {
            let once = check(raw, UrlContext::BodyImage)
                .or_else(|| check(raw, UrlContext::Link))
                .unwrap();
            let ctx = if raw.starts_with("mailto") {
                UrlContext::Link
            } else {
                UrlContext::BodyImage
            };
            let twice = check(once.as_str(), ctx).unwrap();
            assert_eq!(once, twice, "{raw:?}");
        }
    }
}
