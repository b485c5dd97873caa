//! A linear pre-pass over HTML text that keeps browsers' parsers from seeing absurd nesting.
//!
//! The HTML tree builder checks "is there a `p` in button scope" and the like on every start
//! tag by walking its stack of open elements, so a body of 100 000 nested `div`s costs a
//! browser's parser time quadratic in the depth (over a minute in Chromium). The policy would
//! flatten that nesting anyway; this pass does it on the text first, by dropping every start tag
//! (and its end tag) that would open deeper than the bound, keeping all text. It counts depth on
//! the tags as written (closing `li`, `p`, `dt`, `dd`, `tr`, `td`, `th`, `option` and the table
//! sections that the next sibling of the same kind closes), skips comments and the contents of
//! raw-text elements, and never makes anything: its output still goes through the browser's
//! parser and the whole policy. Safety never depends on it.

use std::borrow::Cow;

/// Tags at most this far down the open-tag stack are searched for the match of an end tag.
const MATCH_WINDOW: usize = 16;
/// Tags at most this far down are searched for the open sibling a start tag closes.
const SIBLING_WINDOW: usize = 8;

/// Whether text ending like `out` could form a tag or a character reference with the text that
/// follows it: it ends in `<` (or `</`, `<!`), or in `&` followed only by name or number
/// characters.
fn could_join(out: &str) -> bool {
    let b = out.as_bytes();
    let n = b.len();
    if b.last() == Some(&b'<')
        || (n >= 2 && b.get(n - 2) == Some(&b'<') && matches!(b.last(), Some(b'/' | b'!')))
    {
        return true;
    }
    let tail = b
        .iter()
        .rev()
        .take(40)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#');
    let len = tail.count();
    n > len && b.get(n - len - 1) == Some(&b'&')
}

/// Drops the start tags of `html` that would open deeper than `max_depth` (and their end
/// tags), keeping everything else. Returns the text (borrowed when nothing was dropped) and the
/// number of start tags dropped. Linear in the length of `html`.
pub fn limit_nesting(html: &str, max_depth: usize) -> (Cow<'_, str>, usize) {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut dropped = 0usize;
    // The open tags, in two blocks: those kept (their count is the depth), then those dropped.
    // Dropped tags only ever sit on top of the kept ones (a tag is dropped only at the bound,
    // and closing a kept tag closes everything above it), so the two stacks are one stack cut
    // in two. Searches for a match look at each block with its own window, so that the kept
    // block is searched exactly as a second pass over the output (which has only the kept
    // tags) would search it: the pass is idempotent, and the bound holds when the output is
    // counted again (found by the fuzzer when one window spanned both blocks).
    let mut kept: Vec<&str> = Vec::new();
    let mut dropped_open: Vec<&str> = Vec::new();
    let mut i = 0usize;
    let cut = |out: &mut Option<String>, copied: &mut usize, from: usize, to: usize| {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(html.get(*copied..from).unwrap_or(""));
        // The text on both sides of the dropped tag must not join into markup (`<` + `b>`)
        // or a character reference (`&l` + `t;`): where it could, an empty comment keeps them
        // apart (the policy removes comments).
        if could_join(o) {
            o.push_str("<!---->");
        }
        *copied = to;
    };
    while let Some(off) = html.get(i..).and_then(|r| r.find('<')) {
        i += off;
        if let Some(after) = skip_comment(html, i) {
            i = after;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if next == b'/' {
            let name = tag_name(html, i + 2);
            let end = tag_end(bytes, i + 2 + name.len(), &mut Vec::new());
            if !name.is_empty() {
                if let Search::Found(k) = nearest(&dropped_open, MATCH_WINDOW, &[name], &[]) {
                    dropped_open.truncate(k);
                    cut(&mut out, &mut copied, i, end);
                } else if let Search::Found(k) = nearest(&kept, MATCH_WINDOW, &[name], &[]) {
                    kept.truncate(k);
                    dropped_open.clear();
                }
            }
            i = end;
            continue;
        }
        if !next.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let name = tag_name(html, i + 1);
        let end = tag_end(bytes, i + 1 + name.len(), &mut Vec::new());
        if is_void(name) {
            i = end;
            continue;
        }
        if closes_p(name) {
            close_nearest(&mut kept, &mut dropped_open, &["p"], P_SCOPE);
        }
        if let Some((family, boundaries)) = closed_by_sibling(name) {
            close_nearest(&mut kept, &mut dropped_open, family, boundaries);
        }
        if let Some(raw) = raw_text_end(html, name, end) {
            // Kept as it is; its content is text to the parser, and its end tag closes nothing
            // on this stack.
            i = raw;
            continue;
        }
        if kept.len() >= max_depth {
            cut(&mut out, &mut copied, i, end);
            dropped_open.push(name);
            dropped += 1;
        } else {
            kept.push(name);
        }
        i = end;
    }
    match out {
        None => (Cow::Borrowed(html), 0),
        Some(mut o) => {
            o.push_str(html.get(copied..).unwrap_or(""));
            (Cow::Owned(o), dropped)
        }
    }
}

/// What a search of the open tags found.
enum Search {
    /// The nearest open tag of the names sought, at this index.
    Found(usize),
    /// A boundary came first: nothing below it may match.
    Stopped,
    /// Neither, within the window.
    NotFound,
}

/// Searches the top `window` tags of `stack` for the nearest one named one of `names`,
/// stopping at a tag named one of `boundaries`.
fn nearest(stack: &[&str], window: usize, names: &[&str], boundaries: &[&str]) -> Search {
    let low = stack.len().saturating_sub(window);
    for k in (low..stack.len()).rev() {
        let Some(open) = stack.get(k) else { break };
        if names.iter().any(|n| open.eq_ignore_ascii_case(n)) {
            return Search::Found(k);
        }
        if boundaries.iter().any(|b| open.eq_ignore_ascii_case(b)) {
            return Search::Stopped;
        }
    }
    Search::NotFound
}

/// When the `<` at byte `i` opens a comment (`<!--`), a declaration or bogus comment (`<!…>`,
/// `</` without a letter after it) or a processing instruction (`<?…>`), the byte after it ends
/// (or the end of the text); `None` when it opens anything else.
pub(super) fn skip_comment(html: &str, i: usize) -> Option<usize> {
    let rest = html.get(i..)?;
    if let Some(after) = rest.strip_prefix("<!--") {
        return Some(comment_end(after).map_or(html.len(), |e| i + 4 + e));
    }
    // `</` not followed by a letter is a bogus comment too (`</>` included).
    let bogus_end_tag =
        rest.starts_with("</") && !rest.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic);
    if rest.starts_with("<!") || rest.starts_with("<?") || bogus_end_tag {
        return Some(rest.find('>').map_or(html.len(), |e| i + e + 1));
    }
    None
}

/// Where a comment whose text starts at the beginning of `after` (just past `<!--`) ends, as
/// the tokenizer ends it: the byte after `-->` or `--!>`, or after the abrupt `>` / `->` right
/// at its start (`<!-->` is a whole comment).
fn comment_end(after: &str) -> Option<usize> {
    if after.starts_with('>') {
        return Some(1);
    }
    if after.starts_with("->") {
        return Some(2);
    }
    let close = after.find("-->").map(|e| e + 3);
    let bang = after.find("--!>").map(|e| e + 4);
    match (close, bang) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The tag name starting at byte `start`: up to whitespace, `/` or `>`.
pub(super) fn tag_name(html: &str, start: usize) -> &str {
    let rest = html.get(start..).unwrap_or("");
    let len = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(rest.len());
    rest.get(..len).unwrap_or("")
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// The byte after the `>` that ends the tag whose attributes start at `from` (just after the
/// tag name), or the end of the text: the tokenizer's attribute states, run exactly (a quote
/// opens a value only in "before attribute value"; the first character of a name, even `=`
/// or a quote, is part of the name). Pushes onto `handlers` where each attribute name starting
/// with `on` starts.
pub(super) fn tag_end(bytes: &[u8], from: usize, handlers: &mut Vec<usize>) -> usize {
    let mut p = from;
    loop {
        // Before attribute name.
        while bytes.get(p).copied().is_some_and(is_space) {
            p += 1;
        }
        match bytes.get(p) {
            None => return bytes.len(),
            Some(b'>') => return p + 1,
            Some(b'/') => {
                // Self-closing start tag: `>` ends the tag, anything else starts over.
                p += 1;
                continue;
            }
            Some(_) => {}
        }
        // Attribute name: its first character is part of it whatever it is (even `=`); then
        // up to whitespace, `/`, `>` or `=`.
        let start = p;
        p += 1;
        while bytes
            .get(p)
            .is_some_and(|&c| !is_space(c) && c != b'/' && c != b'>' && c != b'=')
        {
            p += 1;
        }
        if bytes
            .get(start..start + 2)
            .is_some_and(|n| n.eq_ignore_ascii_case(b"on"))
        {
            handlers.push(start);
        }
        // After attribute name.
        while bytes.get(p).copied().is_some_and(is_space) {
            p += 1;
        }
        if bytes.get(p) != Some(&b'=') {
            continue;
        }
        p += 1;
        // Before attribute value.
        while bytes.get(p).copied().is_some_and(is_space) {
            p += 1;
        }
        match bytes.get(p) {
            None => return bytes.len(),
            Some(b'>') => return p + 1,
            Some(&q @ (b'"' | b'\'')) => {
                p += 1;
                while bytes.get(p).is_some_and(|&c| c != q) {
                    p += 1;
                }
                if p >= bytes.len() {
                    return bytes.len();
                }
                p += 1;
            }
            Some(_) => {
                while bytes.get(p).is_some_and(|&c| !is_space(c) && c != b'>') {
                    p += 1;
                }
            }
        }
    }
}

fn is_void(name: &str) -> bool {
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen", "image", "frame",
    ]
    .iter()
    .any(|v| name.eq_ignore_ascii_case(v))
}

/// Closes the nearest open tag named one of `family` (and everything above it), searching the
/// dropped block first, then the kept block (see [`limit_nesting`]), each within
/// [`SIBLING_WINDOW`] and stopping at `boundaries`.
fn close_nearest<'a>(
    kept: &mut Vec<&'a str>,
    dropped: &mut Vec<&'a str>,
    family: &[&str],
    boundaries: &[&str],
) {
    match nearest(dropped, SIBLING_WINDOW, family, boundaries) {
        Search::Found(k) => dropped.truncate(k),
        Search::Stopped => {}
        Search::NotFound => {
            if let Search::Found(k) = nearest(kept, SIBLING_WINDOW, family, boundaries) {
                kept.truncate(k);
                dropped.clear();
            }
        }
    }
}

/// The elements that end a `p`'s "button scope": the search for an open `p` stops at them.
const P_SCOPE: &[&str] = &[
    "button", "table", "td", "th", "caption", "marquee", "object", "applet", "template", "html",
];

/// Whether a start tag `name` closes an open `p` (in button scope) before it opens, as the tree
/// builder's "in body" rules say for block-level elements: `<div>` after `<p>` is its sibling,
/// not its child. Without this, `<div><p>` repeated counted two levels deep at most, while the
/// browser nests every `div` in the one before.
fn closes_p(name: &str) -> bool {
    const CLOSERS: &[&str] = &[
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "header",
        "hgroup",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "search",
        "section",
        "summary",
        "ul",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "listing",
        "form",
        "li",
        "dd",
        "dt",
        "plaintext",
        "table",
        "hr",
        "xmp",
    ];
    CLOSERS.iter().any(|c| name.eq_ignore_ascii_case(c))
}

/// The elements a start tag of the same family closes, and the elements that stop the search
/// for one (as the tree builder's scopes do). (`p` is closed by [`closes_p`].)
fn closed_by_sibling(name: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    const TABLE: &[&str] = &["table", "template"];
    const FAMILIES: &[(&[&str], &[&str])] = &[
        (&["li"], &["ul", "ol", "table", "template"]),
        (&["dt", "dd"], &["dl", "table", "template"]),
        (&["tr"], TABLE),
        (&["td", "th"], TABLE),
        (&["option"], &["select", "datalist", "template"]),
        (&["optgroup"], &["select", "template"]),
        (&["thead", "tbody", "tfoot"], TABLE),
        (&["colgroup"], TABLE),
        (&["caption"], TABLE),
    ];
    FAMILIES
        .iter()
        .copied()
        .find(|(f, _)| f.iter().any(|n| name.eq_ignore_ascii_case(n)))
}

/// For a raw-text element (`script`, `style`, `textarea`, `title`, `xmp`, `iframe`,
/// `noembed`, `noframes`, `plaintext`), where its content ends: the position of its end tag (or
/// the end of the text). `None` for other elements.
pub(super) fn raw_text_end(html: &str, name: &str, from: usize) -> Option<usize> {
    const RAW: &[&str] = &[
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    ];
    if name.eq_ignore_ascii_case("plaintext") {
        return Some(html.len());
    }
    if !RAW.iter().any(|r| name.eq_ignore_ascii_case(r)) {
        return None;
    }
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(off) = html.get(i..).and_then(|r| r.find("</")) {
        let at = i + off;
        let candidate = bytes.get(at + 2..at + 2 + name.len());
        // Only an end tag of the same name ends it: the name must be followed by whitespace,
        // `/` or `>` (`</stylex>` is text inside a `style`), as the tokenizer's "appropriate
        // end tag" rule says. At the end of the input, `</style` is text too.
        let terminated = bytes
            .get(at + 2 + name.len())
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>');
        if terminated && candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return Some(at);
        }
        i = at + 2;
    }
    Some(html.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benign_text_is_borrowed_unchanged() {
        let mut html = String::from("<ul>");
        for _ in 0..2000 {
            html.push_str("<li>item<p>para<li>next");
        }
        html.push_str("</ul><table><tr><td>a<td>b<tr><td>c</table>");
        let (out, dropped) = limit_nesting(&html, 256);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(dropped, 0);
    }

    #[test]
    fn deep_nesting_is_cut_at_the_bound_keeping_text() {
        let mut html = String::new();
        for i in 0..100_000 {
            html.push_str("<div class=\"a>b\">");
            if i % 10_000 == 0 {
                html.push('T');
            }
        }
        html.push_str("bottom");
        for _ in 0..100_000 {
            html.push_str("</div>");
        }
        html.push_str("<p>after</p>");
        let (out, dropped) = limit_nesting(&html, 256);
        assert_eq!(dropped, 100_000 - 256);
        assert_eq!(out.matches("<div").count(), 256);
        assert_eq!(out.matches("</div>").count(), 256);
        assert!(out.contains(">TTTTTTTTTbottom</div>"));
        assert!(out.ends_with("</div><p>after</p>"));
        assert_eq!(out.matches('T').count(), 10);
    }

    #[test]
    fn nested_tables_count_as_nesting() {
        let mut html = String::new();
        for _ in 0..1000 {
            html.push_str("<table><tr><td>");
        }
        let (out, dropped) = limit_nesting(&html, 30);
        assert_eq!(out.matches("<table>").count(), 10);
        assert_eq!(dropped, 3000 - 30);
    }

    #[test]
    fn comments_raw_text_and_quoted_brackets_are_skipped() {
        let html = "<div><!-- <div><div> --><script>if (a<b) { x('<div>') }</script>\
                    <textarea><div><div></textarea><p title='<div>'>x</p></div>";
        let (out, dropped) = limit_nesting(html, 2);
        assert_eq!(dropped, 0, "{out}");
        let (out, dropped) = limit_nesting("<div><div><div>x</div></div></div>", 2);
        assert_eq!(out, "<div><div>x</div></div>");
        assert_eq!(dropped, 1);
    }

    #[test]
    fn unclosed_raw_text_and_stray_tags_end_cleanly() {
        for html in [
            "<script>never closed <div>",
            "</div></p>",
            "<",
            "<!--",
            "<a href=\"x",
            "<!x",
        ] {
            let (out, _) = limit_nesting(html, 1);
            assert_eq!(out, html);
        }
    }

    #[test]
    fn text_around_a_dropped_tag_never_joins_into_markup() {
        let (out, _) = limit_nesting("<p>a<b>b<</b>script>x", 1);
        assert!(!out.contains("<script"), "{out}");
        let (out, _) = limit_nesting("<div><<b>img src=x onerror=alert(1)>", 1);
        assert!(!out.contains("<img"), "{out}");
        let (out, _) = limit_nesting("<p>&l<b>t;</b></p>", 1);
        assert!(!out.contains("&lt;"), "{out}");
        // Where nothing could join, nothing is added.
        let (out, _) = limit_nesting("<p>a<b>b</b>c</p>", 1);
        assert_eq!(out, "<p>abc</p>");
    }

    #[test]
    fn raw_text_ends_only_at_an_end_tag_of_exactly_its_name() {
        // `</stylex>` is text inside a `style` (found by the fuzzer: it was taken for the end
        // of the raw text, then cut as the end tag of a dropped `<stylex>`).
        let html = "<stylex><style></stylex></";
        let (out, dropped) = limit_nesting(html, 0);
        assert_eq!(dropped, 1);
        assert_eq!(out, "<style></stylex></");
        let (out, _) = limit_nesting("<style>a</STYLE >b<i>c</i>", 0);
        assert_eq!(out, "<style>a</STYLE >bc");
    }

    #[test]
    fn a_second_pass_drops_nothing_more() {
        // Found by the fuzzer: one window over kept and dropped tags together let `</em>` miss
        // on the first pass and match on the second, so the output counted again went past
        // the bound.
        let html = "<u><em><h><h3>x<i><m><h><a><h><t><l><a><d><x><u><f><i><b></em>6</a><t><h>\
                    <a></h3><h><a><h><h><a><h><m><m><h><a><h";
        let (out, dropped) = limit_nesting(html, 14);
        assert!(dropped > 0);
        let (again, dropped_again) = limit_nesting(&out, 14);
        assert_eq!(dropped_again, 0, "{out} -> {again}");
    }

    #[test]
    fn comments_end_where_the_tokenizer_ends_them() {
        // `<!-->` and `<!--->` are whole comments, and `--!>` ends one: the tags after them are
        // counted (they used to be skipped to the next `-->`, which a body need not have).
        for open in ["<!-->", "<!--->", "<!-- x --!>"] {
            let html = format!("{open}{}", "<div>".repeat(10));
            let (out, dropped) = limit_nesting(&html, 4);
            assert_eq!(dropped, 6, "{open}");
            assert_eq!(out.matches("<div>").count(), 4, "{open}");
        }
    }

    #[test]
    fn block_tags_close_an_open_p_as_the_tree_builder_does() {
        // `<div>` after `<p>` closes the `p`: the divs nest in one another, 2 500 deep in the
        // browser. Counted as the browser counts them, they are cut at the bound.
        let html = "<div><p>".repeat(2_500) + "deep" + &"</p></div>".repeat(2_500);
        let (out, dropped) = limit_nesting(&html, 256);
        assert!(dropped > 4_000, "{dropped}");
        assert!(out.contains("deep"));
        assert_eq!(out.matches("<div>").count(), 256);
        // Inside a button (a boundary of the p's scope), the p stays open.
        let (out, dropped) = limit_nesting("<p><button><div><p>x", 3);
        assert_eq!((out.as_ref(), dropped), ("<p><button><div>x", 1));
    }

    #[test]
    fn a_quote_opens_a_value_only_where_the_tokenizer_opens_one() {
        // `="x` is an attribute *name* (a name's first character may be `=`), so the tag ends
        // at the `>`: the divs after it are markup and are counted. (A quote after any `=` used
        // to open a value here, hiding everything up to the next quote from the bound.)
        let html = "<a =\"x>".to_owned() + &"<div>".repeat(10) + "\"";
        let (out, dropped) = limit_nesting(&html, 4);
        // The `a` and three divs are the four levels.
        assert_eq!(dropped, 7);
        assert_eq!(out.matches("<div>").count(), 3);
    }

    #[test]
    fn an_end_tag_without_a_name_is_a_bogus_comment() {
        // `<//a="` is a bogus comment up to the first `>` (not a tag whose quoted value runs to
        // the next quote): the divs after it are counted.
        let html = "<//a=\">".to_owned() + &"<div>".repeat(10) + "\"";
        let (out, dropped) = limit_nesting(&html, 4);
        assert_eq!(dropped, 6);
        assert_eq!(out.matches("<div>").count(), 4);
    }
}
