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

use std::borrow::Cow;

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

/// Which hosts media may load from: body images (`src` and each `srcset` candidate), body
/// `video`/`audio` sources and posters, covers, the lead video and its poster, related-video
/// covers and avatars. The default ([`MediaHosts::default`]) allows every host, as the URL
/// policy alone does.
///
/// [`MediaHosts::judge`] decides for a URL that already passed [`check`]:
///
/// 1. a URL without a host (relative, `data:image/…`) is kept: it loads from the page's own
///    host, or from nowhere;
/// 2. a URL on the proxy's own host, or on an allowed host, is kept. Hosts are compared with
///    the URL's host (lower case, without port) as written, ignoring ASCII case; `*.example.com`
///    allows every subdomain of `example.com` (at any depth), not `example.com` itself. With a
///    proxy and no list, no host but the proxy's is allowed;
/// 3. any other URL is rewritten through the proxy when there is one: the template's (first)
///    `{url}` is replaced by the whole URL, percent-encoded as one component (a protocol-relative
///    `//host/…` is written as `https://host/…` first);
/// 4. else it is refused (`None`), as a URL the policy refuses.
///
/// A rewritten URL is on the proxy's host, so judging it again keeps it (sanitizing twice gives
/// the same result).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MediaHosts {
    /// Host patterns in lower case (`host` or `*.domain`); `None` when any host may load.
    allow: Option<Vec<String>>,
    /// The proxy template, an absolute https URL with one `{url}` after its host, and the byte
    /// offset of that `{url}`.
    proxy: Option<(SafeUrl, usize)>,
}

impl MediaHosts {
    /// Any host may load media, nothing is rewritten: the default.
    pub const OPEN: MediaHosts = MediaHosts {
        allow: None,
        proxy: None,
    };

    /// Allows media from `hosts` only (replacing the list): host names (`img.example.com`,
    /// `[::1]`) or `*.domain`. An empty list allows no host. Fails with the index of the first
    /// entry that is neither.
    pub fn allow<I, S>(mut self, hosts: I) -> Result<Self, usize>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut list = Vec::new();
        for (i, h) in hosts.into_iter().enumerate() {
            list.push(host_pattern(h.as_ref()).ok_or(i)?);
        }
        self.allow = Some(list);
        Ok(self)
    }

    /// Sets the allowed host patterns, made by [`host_pattern`].
    pub(crate) fn set_allowed(&mut self, patterns: Vec<String>) {
        self.allow = Some(patterns);
    }

    /// Rewrites media from hosts that are not allowed through `template`, an absolute `https`
    /// URL without spaces with `{url}` in its path or query
    /// (`https://img.example.com/proxy?u={url}`); the first `{url}` is replaced. Fails with what
    /// was expected.
    pub fn proxy(mut self, template: &str) -> Result<Self, &'static str> {
        const EXPECTED: &str = "expected an absolute https URL with {url} in its path or query";
        let t = check(template, UrlContext::Absolute).ok_or(EXPECTED)?;
        let host_end = t.host.map_or(0, |(_, end)| end);
        // (`text::find`: `str::find` with a `&str` pattern brings the two-way searcher.)
        let at = crate::text::find(&t.text, "{url}");
        let at = at.ok_or(EXPECTED)?;
        if !t.text.starts_with("https:")
            || at < host_end
            || t.text
                .as_bytes()
                .get(..at)
                .is_some_and(|s| s.contains(&b'#'))
            || t.text.as_bytes().contains(&b' ')
        {
            return Err(EXPECTED);
        }
        self.proxy = Some((t, at));
        Ok(self)
    }

    /// Whether every media URL is kept as it is (no list, no proxy: the default).
    pub fn is_open(&self) -> bool {
        self.allow.is_none() && self.proxy.is_none()
    }

    /// The media URL to use for `url` (which passed [`check`]): itself, its rewrite through the
    /// proxy, or `None` when it is refused (see [`MediaHosts`]).
    pub fn judge(&self, url: SafeUrl) -> Option<SafeUrl> {
        let Some(host) = url.host() else {
            return Some(url);
        };
        let allowed = match &self.allow {
            None => self.proxy.is_none(),
            Some(list) => list.iter().any(|p| match p.strip_prefix("*.") {
                Some(domain) => host
                    .strip_suffix(domain)
                    .is_some_and(|sub| sub.len() > 1 && sub.ends_with('.')),
                None => p == host,
            }),
        };
        let Some((proxy, at)) = &self.proxy else {
            return allowed.then_some(url);
        };
        if allowed || proxy.host() == Some(host) {
            return Some(url);
        }
        let mut text = String::with_capacity(proxy.text.len() + url.text.len() * 2);
        text.push_str(proxy.text.get(..*at).unwrap_or(""));
        if url.text.starts_with("//") {
            text.push_str("https%3A");
        }
        percent_encode_component(&url.text, &mut text);
        text.push_str(proxy.text.get(*at + 5..).unwrap_or(""));
        Some(SafeUrl {
            text,
            host: proxy.host,
        })
    }

    /// [`check`], then for `Media` and `BodyImage` URLs [`MediaHosts::judge`].
    pub fn check(&self, raw: &str, context: UrlContext) -> Option<SafeUrl> {
        let url = check(raw, context)?;
        match context {
            UrlContext::Media | UrlContext::BodyImage => self.judge(url),
            _ => Some(url),
        }
    }
}

/// A host name (`img.example.com`, `[::1]`) or `*.domain`, in lower case, as
/// [`MediaHosts::allow`] takes it; `None` for anything else.
pub(crate) fn host_pattern(h: &str) -> Option<String> {
    let h = h.to_ascii_lowercase();
    let name = h.strip_prefix("*.").unwrap_or(&h);
    (!name.is_empty() && !name.as_bytes().contains(&b'*') && host_ok(name)).then_some(h)
}

/// Judges `raw` for `context` the way a browser would parse it: entities are expected to be
/// decoded already (the HTML parser does that), and tabs, newlines, leading and trailing C0
/// controls and spaces, and scheme case do not fool it. Returns `None` when it is refused.
pub fn check(raw: &str, context: UrlContext) -> Option<SafeUrl> {
    // A byte scan: every character <= U+0020 is one ASCII byte, and no byte of a longer
    // character is <= 0x20, so both ends fall on character boundaries.
    let b = raw.as_bytes();
    let start = b.iter().position(|&c| c > b' ').unwrap_or(b.len());
    let end = b.iter().rposition(|&c| c > b' ').map_or(start, |i| i + 1);
    let trimmed = raw.get(start..end).unwrap_or_default();
    // Most URLs have none of these: then no copy and no char-by-char search.
    let s: Cow<'_, str> = if trimmed.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        Cow::Owned(replace_bytes(trimmed, b"\t\n\r", ""))
    } else {
        Cow::Borrowed(trimmed)
    };
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
                    .bytes()
                    .take(2)
                    .filter(|b| matches!(b, b'/' | b'\\'))
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
                    text: s.into_owned(),
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
fn backslashes_to_slashes(s: &str) -> Cow<'_, str> {
    if !s.as_bytes().contains(&b'\\') {
        return Cow::Borrowed(s);
    }
    let end = s.bytes().position(|b| b == b'?' || b == b'#');
    let (path, tail) = s.split_at(end.unwrap_or(s.len()));
    let mut out = replace_bytes(path, b"\\", "/");
    out.push_str(tail);
    Cow::Owned(out)
}

/// `s` with every byte of `hit` (ASCII bytes) replaced by `with` (a byte search, not core's
/// generic char patterns).
fn replace_bytes(s: &str, hit: &[u8], with: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        if hit.contains(&b) {
            // `hit` holds ASCII bytes only: `start..i` falls on char boundaries.
            out.push_str(s.get(start..i).unwrap_or_default());
            out.push_str(with);
            start = i + 1;
        }
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out
}

/// Appends `//host[:port]rest` to `text` (which holds the scheme and its colon, or nothing for
/// a protocol-relative URL) from `rest`, the text after the scheme's colon (or after `//`).
fn special_with_host(mut text: String, rest: &str) -> Option<SafeUrl> {
    let rest = backslashes_to_slashes(rest);
    let rest = rest
        .get(rest.bytes().take_while(|&b| b == b'/').count()..)
        .unwrap_or_default();
    let auth_end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(auth_end);
    if authority.as_bytes().contains(&b'@') {
        return None;
    }
    let (host, port) = split_port(authority)?;
    if host.is_empty() || !host_ok(host) {
        return None;
    }
    text.push_str("//");
    let start = text.len();
    text.push_str(host);
    let end = text.len();
    if let Some(h) = text.get_mut(start..end) {
        h.make_ascii_lowercase();
    }
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
    let bytes = authority.as_bytes();
    let port_colon = if bytes.first() == Some(&b'[') {
        let close = bytes.iter().position(|&b| b == b']')?;
        match bytes.get(close + 1) {
            None => None,
            Some(b':') => Some(close + 1),
            _ => return None,
        }
    } else {
        bytes.iter().rposition(|&b| b == b':')
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
    // Bytes: every forbidden character is ASCII, and no byte of a longer one is.
    !host.bytes().any(|b| {
        b <= b' '
            || b == 0x7f
            || matches!(
                b,
                b'#' | b'%'
                    | b'/'
                    | b':'
                    | b'<'
                    | b'>'
                    | b'?'
                    | b'@'
                    | b'['
                    | b'\\'
                    | b']'
                    | b'^'
                    | b'|'
            )
    })
}

/// `image/(png|jpeg|gif|webp)[;base64],…`, case-insensitively, no other parameters.
fn is_data_image(rest: &str) -> bool {
    let comma = match rest.bytes().position(|b| b == b',') {
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

/// Appends `s` percent-encoded as one URL component (RFC 3986): every byte of its UTF-8 form
/// except the unreserved `A-Z a-z 0-9 - . _ ~` becomes `%XX` (upper-case hex). A space is
/// `%20`, never `+`.
pub fn percent_encode_component(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
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
    fn trims_exactly_the_characters_up_to_u0020() {
        // The ends are trimmed as `str::trim_matches(|c| c <= ' ')` trims them; characters
        // above U+0020 stay, multi-byte ones (U+00A0, é, 😀) included, at either end.
        let pads = [
            "",
            " ",
            "\u{0}\u{1f} ",
            "\u{7f}",
            "\u{a0}",
            "é",
            "😀",
            " \u{a0} ",
        ];
        let cores = ["/x", "https://a.com/é", "é", "a😀", "", "?q"];
        for lead in pads {
            for core in cores {
                for tail in pads {
                    let raw = format!("{lead}{core}{tail}");
                    let trimmed = raw.trim_matches(|c: char| c <= '\u{20}');
                    for ctx in ALL {
                        assert_eq!(check(&raw, ctx), check(trimmed, ctx), "{raw:?} {ctx:?}");
                    }
                    let kept = check(&raw, UrlContext::Link).map(|u| u.as_str().to_owned());
                    if !trimmed.is_empty() && !trimmed.starts_with("https:") {
                        assert_eq!(kept.as_deref(), Some(trimmed), "{raw:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn bracketed_hosts_take_a_port_only_after_the_bracket() {
        for (raw, host, text) in [
            ("https://[::1]/x", Some("[::1]"), Some("https://[::1]/x")),
            ("https://[::1]:/x", Some("[::1]"), Some("https://[::1]/x")),
            (
                "https://[::1]:8443/x",
                Some("[::1]"),
                Some("https://[::1]:8443/x"),
            ),
            ("https://[::1]x:1/x", None, None),
            ("https://[::1/x", None, None),
            ("https://a.com:1:2/x", None, None),
            ("https://a.com:/x", Some("a.com"), Some("https://a.com/x")),
        ] {
            let u = check(raw, UrlContext::Link);
            assert_eq!(u.as_ref().and_then(|u| u.host()), host, "{raw}");
            assert_eq!(u.as_ref().map(|u| u.as_str()), text, "{raw}");
        }
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

    // ---- Media hosts ----

    fn media(raw: &str, m: &MediaHosts) -> Option<String> {
        m.check(raw, UrlContext::BodyImage)
            .map(|u| u.as_str().to_owned())
    }

    fn listed() -> MediaHosts {
        MediaHosts::default()
            .allow(["img.ok.com", "*.cdn.ok.com"])
            .unwrap()
    }

    const PROXY: &str = "https://p.ok.com/proxy?u={url}&w=640";

    #[test]
    fn media_hosts_default_keeps_every_url_the_policy_accepts() {
        let open = MediaHosts::default();
        assert!(open.is_open());
        assert_eq!(open, MediaHosts::OPEN);
        for raw in [
            "https://t.evil.com/x.gif",
            "//t.evil.com/x",
            "x.jpg",
            "data:image/png,x",
        ] {
            assert_eq!(
                media(raw, &open),
                check(raw, UrlContext::BodyImage).map(|u| u.text)
            );
        }
        assert_eq!(media("javascript:alert(1)", &open), None);
    }

    #[test]
    fn relative_and_data_image_urls_are_kept_whatever_the_hosts() {
        for m in [
            listed(),
            MediaHosts::default().allow::<[&str; 0], &str>([]).unwrap(),
            listed().proxy(PROXY).unwrap(),
        ] {
            assert!(!m.is_open());
            assert_eq!(media("/a/b.jpg", &m).as_deref(), Some("/a/b.jpg"));
            assert_eq!(media("b.jpg?x=1", &m).as_deref(), Some("b.jpg?x=1"));
            assert_eq!(
                media("data:image/png;base64,AA", &m).as_deref(),
                Some("data:image/png;base64,AA")
            );
        }
    }

    #[test]
    fn listed_hosts_are_kept_and_others_dropped_without_a_proxy() {
        let m = listed();
        for (raw, kept) in [
            (
                "https://IMG.ok.com:8443/a.jpg",
                "https://img.ok.com:8443/a.jpg",
            ),
            ("http://a.cdn.ok.com/x", "http://a.cdn.ok.com/x"),
            ("//a.b.cdn.ok.com/x", "//a.b.cdn.ok.com/x"),
        ] {
            assert_eq!(media(raw, &m).as_deref(), Some(kept));
        }
        for raw in [
            "https://t.evil.com/pixel.gif",
            "//t.evil.com/x",
            "\\\\t.evil.com/x",
            "https://ok.com/x",      // not a listed host
            "https://cdn.ok.com/x",  // `*.cdn.ok.com` is subdomains only
            "https://xcdn.ok.com/x", // not a subdomain
            "https://img.ok.com.evil.com/x",
            "https://evilimg.ok.com/x",
            "https://.cdn.ok.com/x",
        ] {
            assert_eq!(media(raw, &m), None, "{raw}");
        }
        // Links and other contexts are not media: not judged by the hosts.
        assert!(m.check("https://t.evil.com/", UrlContext::Link).is_some());
        assert!(m
            .check("https://t.evil.com/", UrlContext::Absolute)
            .is_some());
        assert!(m
            .check("https://t.evil.com/v.mp4", UrlContext::Media)
            .is_none());
    }

    #[test]
    fn other_hosts_are_rewritten_through_the_proxy_percent_encoded() {
        let m = listed().proxy(PROXY).unwrap();
        let u = m
            .check(
                "https://t.evil.com/a b/c.jpg?x=1&y=é#f",
                UrlContext::BodyImage,
            )
            .unwrap();
        assert_eq!(
            u.as_str(),
            "https://p.ok.com/proxy?u=https%3A%2F%2Ft.evil.com%2Fa%20b%2Fc.jpg%3Fx%3D1%26y%3D%C3%A9%23f&w=640"
        );
        assert_eq!(u.host(), Some("p.ok.com"));
        for (raw, out) in [
            // Protocol-relative URLs are written as https.
            (
                "//t.evil.com/x",
                "https://p.ok.com/proxy?u=https%3A%2F%2Ft.evil.com%2Fx&w=640",
            ),
            // Listed hosts and the proxy's own host stay as they are, and so does a URL
            // rewritten already.
            ("https://img.ok.com/a.jpg", "https://img.ok.com/a.jpg"),
            ("https://p.ok.com/other", "https://p.ok.com/other"),
            (u.as_str(), u.as_str()),
        ] {
            assert_eq!(media(raw, &m).as_deref(), Some(out));
        }
        assert_eq!(check(u.as_str(), UrlContext::Media), Some(u));
    }

    #[test]
    fn a_proxy_without_a_list_rewrites_every_other_host() {
        let m = MediaHosts::default()
            .proxy("https://P.ok.com/{url}")
            .unwrap();
        assert_eq!(
            media("https://img.ok.com/a.jpg", &m).as_deref(),
            Some("https://p.ok.com/https%3A%2F%2Fimg.ok.com%2Fa.jpg")
        );
        assert_eq!(media("a.jpg", &m).as_deref(), Some("a.jpg"));
    }

    #[test]
    fn proxy_template_must_be_absolute_https_with_url_once_after_the_host() {
        for bad in [
            "http://p.ok.com/?u={url}",
            "/proxy?u={url}",
            "//p.ok.com/?u={url}",
            "https://p.ok.com/proxy",
            "https://{url}.p.ok.com/",
            "https://p.ok.com/#{url}",
            "https://p.ok.com/a b?u={url}",
            "javascript:alert('{url}')",
            "https://user@p.ok.com/?u={url}",
            "",
        ] {
            assert!(MediaHosts::default().proxy(bad).is_err(), "{bad:?}");
        }
        assert!(MediaHosts::default()
            .proxy(" https://p.ok.com:8443/i/{url}?w=1#x ")
            .is_ok());
    }

    #[test]
    fn allowed_hosts_must_be_host_names_or_wildcard_domains() {
        assert_eq!(MediaHosts::default().allow(["a.com", "", "b.com"]), Err(1));
        for bad in [
            "*",
            "*.",
            "a.*.com",
            "a.com/x",
            "a.com:80",
            "http://a.com",
            "a b",
            "*a.com",
        ] {
            assert_eq!(MediaHosts::default().allow([bad]), Err(0), "{bad:?}");
        }
        assert!(MediaHosts::default()
            .allow(["A.com", "*.B.com", "[::1]", "127.0.0.1"])
            .is_ok());
    }
}
