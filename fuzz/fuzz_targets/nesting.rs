//! `sanitize::limit_nesting`: never panics (hangs are caught by libFuzzer's `-timeout`), the
//! output is nested at most `depth` deep (counted by a scanner written here that follows the
//! rules the function documents), all text is kept in order, and a second pass drops nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsview::sanitize::{defuse_handlers, limit_nesting};
use std::borrow::Cow;
use std::sync::OnceLock;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "image", "frame",
];
/// The search windows `limit_nesting` documents (private constants of src/sanitize/nesting.rs).
const MATCH_WINDOW: usize = 16;
const SIBLING_WINDOW: usize = 8;
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// The elements a start tag closes when one is open above the nearest boundary.
fn siblings(name: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    const T: &[&str] = &["table", "template"];
    let fam: &[(&[&str], &[&str])] = &[
        (&["li"], &["ul", "ol", "table", "template"]),
        (&["dt", "dd"], &["dl", "table", "template"]),
        (&["tr"], T),
        (&["td", "th"], T),
        (&["option"], &["select", "datalist", "template"]),
        (&["optgroup"], &["select", "template"]),
        (&["thead", "tbody", "tfoot"], T),
        (&["colgroup"], T),
        (&["caption"], T),
    ];
    fam.iter().copied().find(|(f, _)| f.contains(&name))
}

/// Start tags that close an open `p` in button scope first (the tree builder's "in body"
/// rules), and the elements that end that scope.
const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol",
    "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
    "listing", "form", "li", "dd", "dt", "plaintext", "table", "hr", "xmp",
];
const P_SCOPE: &[&str] = &[
    "button", "table", "td", "th", "caption", "marquee", "object", "applet", "template", "html",
];

enum Token<'a> {
    Text(&'a str),
    Start(String),
    End(String),
    Other,
}

/// Splits HTML into text and tags: `<` + letter starts a start tag, `</` an end tag, `<!` and
/// `<?` a declaration (`<!--` a comment, to `-->`, `--!>` or an abrupt `<!-->`); a tag ends at
/// the first `>` outside a quoted attribute value (the tokenizer's attribute states: a quote
/// opens a value only after the `=` that follows a name); the content of a raw-text element is
/// text up to its end tag; `plaintext` makes the rest text.
fn tokens(html: &str) -> Vec<Token<'_>> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut text_from = 0;
    // The tokenizer's attribute states, from just after the tag name to the `>`.
    let tag_end = |from: usize| -> usize {
        #[derive(Clone, Copy)]
        enum S {
            BeforeName,
            Name,
            AfterName,
            BeforeValue,
            Quoted(u8),
            Unquoted,
            AfterQuoted,
            SelfClosing,
        }
        let ws = |c: u8| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
        let mut st = S::BeforeName;
        for (k, &c) in b.iter().enumerate().skip(from) {
            if c == b'>' && !matches!(st, S::Quoted(_)) {
                return k + 1;
            }
            st = match st {
                S::BeforeName | S::AfterQuoted if ws(c) => S::BeforeName,
                S::BeforeName | S::AfterQuoted if c == b'/' => S::SelfClosing,
                S::BeforeName | S::AfterQuoted => S::Name,
                S::Name if ws(c) => S::AfterName,
                S::Name if c == b'/' => S::SelfClosing,
                S::Name if c == b'=' => S::BeforeValue,
                S::Name => S::Name,
                S::AfterName if ws(c) => S::AfterName,
                S::AfterName if c == b'/' => S::SelfClosing,
                S::AfterName if c == b'=' => S::BeforeValue,
                S::AfterName => S::Name,
                S::BeforeValue if ws(c) => S::BeforeValue,
                S::BeforeValue if c == b'"' || c == b'\'' => S::Quoted(c),
                S::BeforeValue => S::Unquoted,
                S::Quoted(q) if c == q => S::AfterQuoted,
                S::Quoted(q) => S::Quoted(q),
                S::Unquoted if ws(c) => S::BeforeName,
                S::Unquoted => S::Unquoted,
                S::SelfClosing if ws(c) => S::BeforeName,
                S::SelfClosing if c == b'/' => S::SelfClosing,
                S::SelfClosing => S::Name,
            };
        }
        b.len()
    };
    let name_at = |from: usize| -> &str {
        let len = b[from..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
            .unwrap_or(b.len() - from);
        &html[from..from + len]
    };
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        let (tok, end) = if html[i..].starts_with("<!--") {
            // As the tokenizer ends a comment: `<!-->` and `<!--->` are whole ones; `-->` or
            // `--!>` ends the others.
            let after = &html[i + 4..];
            let end = if after.starts_with('>') {
                i + 5
            } else if after.starts_with("->") {
                i + 6
            } else {
                let close = after.find("-->").map(|e| e + 3);
                let bang = after.find("--!>").map(|e| e + 4);
                match (close, bang) {
                    (Some(a), Some(c)) => i + 4 + a.min(c),
                    (a, c) => a.or(c).map_or(b.len(), |e| i + 4 + e),
                }
            };
            (Token::Other, end)
        } else if next == b'!' || next == b'?' {
            (
                Token::Other,
                html[i..].find('>').map_or(b.len(), |e| i + e + 1),
            )
        } else if next == b'/' && !b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
            // `</` without a letter: a bogus comment, to the first `>`.
            (
                Token::Other,
                html[i..].find('>').map_or(b.len(), |e| i + e + 1),
            )
        } else if next == b'/' {
            let name = name_at(i + 2);
            (
                Token::End(name.to_ascii_lowercase()),
                tag_end(i + 2 + name.len()),
            )
        } else if next.is_ascii_alphabetic() {
            let name = name_at(i + 1);
            (
                Token::Start(name.to_ascii_lowercase()),
                tag_end(i + 1 + name.len()),
            )
        } else {
            i += 1;
            continue;
        };
        if text_from < i {
            out.push(Token::Text(&html[text_from..i]));
        }
        let raw = match &tok {
            Token::Start(n) if n == "plaintext" => Some(b.len()),
            Token::Start(n) if RAW.contains(&n.as_str()) => {
                let mut k = end;
                loop {
                    match html[k..].find("</") {
                        None => break Some(b.len()),
                        Some(off) => {
                            let at = k + off;
                            let cand = b.get(at + 2..at + 2 + n.len());
                            // An appropriate end tag: the name, then whitespace, `/` or `>`.
                            let ends = b.get(at + 2 + n.len()).is_some_and(|c| {
                                c.is_ascii_whitespace() || *c == b'/' || *c == b'>'
                            });
                            if ends && cand.is_some_and(|c| c.eq_ignore_ascii_case(n.as_bytes())) {
                                break Some(at);
                            }
                            k = at + 2;
                        }
                    }
                }
            }
            _ => None,
        };
        out.push(tok);
        i = end;
        text_from = end;
        if let Some(r) = raw {
            if end < r {
                out.push(Token::Text(&html[end..r]));
            }
            i = r;
            text_from = r;
        }
    }
    if text_from < b.len() {
        out.push(Token::Text(&html[text_from..]));
    }
    out
}

fn text_of(html: &str) -> String {
    tokens(html)
        .into_iter()
        .filter_map(|t| match t {
            Token::Text(s) => Some(s),
            _ => None,
        })
        .collect()
}

/// The deepest nesting of the tags as written, counted the way the function documents it: an end
/// tag closes up to the nearest open element of its name among the top `MATCH_WINDOW` open
/// elements; a start tag of a sibling family closes the nearest open sibling among the top
/// `SIBLING_WINDOW`, stopping at a boundary. (Searching without windows is not a bound: closing
/// more early can leave a later end tag without its match, found by the fuzzer.)
fn max_depth(html: &str) -> usize {
    let mut stack: Vec<String> = Vec::new();
    let mut max = 0;
    for t in tokens(html) {
        match t {
            Token::End(n) => {
                let low = stack.len().saturating_sub(MATCH_WINDOW);
                if let Some(k) = (low..stack.len()).rev().find(|&k| stack[k] == n) {
                    stack.truncate(k);
                }
            }
            Token::Start(n) => {
                if VOID.contains(&n.as_str()) {
                    continue;
                }
                if CLOSES_P.contains(&n.as_str()) {
                    let low = stack.len().saturating_sub(SIBLING_WINDOW);
                    for k in (low..stack.len()).rev() {
                        if stack[k] == "p" {
                            stack.truncate(k);
                            break;
                        }
                        if P_SCOPE.contains(&stack[k].as_str()) {
                            break;
                        }
                    }
                }
                if let Some((family, bounds)) = siblings(&n) {
                    let low = stack.len().saturating_sub(SIBLING_WINDOW);
                    for k in (low..stack.len()).rev() {
                        if family.contains(&stack[k].as_str()) {
                            stack.truncate(k);
                            break;
                        }
                        if bounds.contains(&stack[k].as_str()) {
                            break;
                        }
                    }
                }
                if RAW.contains(&n.as_str()) || n == "plaintext" {
                    // Its content is text: a leaf, which the function neither counts nor drops
                    // (as documented); not counted here either.
                    continue;
                }
                stack.push(n);
                max = max.max(stack.len());
            }
            _ => {}
        }
    }
    max
}

/// A known bug (see docs/fuzzing.md): cutting a tag right after a `<` splices that `<` onto
/// the text after the tag, making a new tag out of text. Every such input contains `<<`. With
/// `NEWSVIEW_FUZZ_SKIP_KNOWN=1` those inputs are skipped so that the other invariants keep
/// being explored; by default they fail.
fn skip_known(html: &str) -> bool {
    static SKIP: OnceLock<bool> = OnceLock::new();
    *SKIP.get_or_init(|| std::env::var_os("NEWSVIEW_FUZZ_SKIP_KNOWN").is_some_and(|v| v == "1"))
        && html.contains("<<")
}

fuzz_target!(|data: &[u8]| {
    let Some((&d, rest)) = data.split_first() else {
        return;
    };
    let depth = usize::from(d % 24);
    let html = String::from_utf8_lossy(rest);
    if skip_known(&html) {
        return;
    }
    let (out, dropped) = limit_nesting(&html, depth);
    if dropped == 0 {
        assert_eq!(out, html, "nothing dropped but the text changed");
        assert!(matches!(out, Cow::Borrowed(_)));
    } else {
        // A dropped tag may be as short as `<a` (cut off by the end of the input), its end
        // tag as short as `</a`; where the text around either could join into markup, an
        // empty comment (7 bytes) takes its place. So each dropped tag grows the text by at
        // most (7 - 2) + (7 - 3) bytes (`<<a><</a` at depth 0 grows by 9).
        assert!(
            out.len() <= html.len() + 9 * dropped,
            "dropped {dropped} tags but grew by more than the separators: {} -> {}",
            html.len(),
            out.len()
        );
    }
    assert_eq!(text_of(&out), text_of(&html), "text changed");
    let (again, dropped_again) = limit_nesting(&out, depth);
    assert_eq!(
        dropped_again, 0,
        "a second pass dropped more: {out:?} -> {again:?}"
    );
    let got = max_depth(&out);
    assert!(got <= depth, "nested {got} deep, bound {depth}: {out:?}");

    // The handler-renaming pass that follows in the browser path: it inserts `x-` and nothing
    // else, never into text, and a second pass finds nothing more to rename.
    let (defused, renamed) = defuse_handlers(&out);
    assert_eq!(defused.len(), out.len() + 2 * renamed);
    if renamed == 0 {
        assert!(matches!(defused, Cow::Borrowed(_)));
    }
    assert_eq!(text_of(&defused), text_of(&out), "defusing changed the text: {out:?}");
    assert_eq!(defuse_handlers(&defused).1, 0, "a second pass renamed more: {defused:?}");
});
