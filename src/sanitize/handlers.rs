//! A linear pass over HTML text that renames inline event-handler attributes (`onerror=…` →
//! `x-onerror=…`) before the browser parses the text into the inert document.
//!
//! Nothing in the inert document can run either way, and the policy removes both names; this
//! pass exists for hosts with a Content Security Policy. Chromium checks `script-src-attr` when
//! it parses a handler attribute, even in a document without a browsing context, so a hostile
//! body made the host's CSP report a violation on every render. A renamed attribute is a plain
//! attribute to the parser: no check, no report.
//!
//! The pass follows the HTML tokenizer's states for tags (attribute names, `=`, quoted and
//! unquoted values, `/`), skips comments, declarations and the contents of raw-text elements,
//! and only ever inserts the two letters `x-` where an attribute name starts. Inserting name
//! characters at the start of a name changes no state of the tokenizer, so the tags, their
//! ends and the text stay exactly what they were. Safety never depends on this pass: its output
//! still goes through the browser's parser and the whole policy.

use super::nesting::{raw_text_end, skip_comment, tag_end, tag_name};
use std::borrow::Cow;

/// What goes before a renamed handler attribute's name.
const PREFIX: &str = "x-";

/// Renames every attribute of a start tag whose name starts with `on` (ASCII case-insensitive)
/// to `x-` + its name. Returns the text (borrowed when nothing was renamed) and how many
/// attributes were renamed. Linear in the length of `html`.
pub fn defuse_handlers(html: &str) -> (Cow<'_, str>, usize) {
    let bytes = html.as_bytes();
    // Positions where a handler attribute's name starts.
    let mut at: Vec<usize> = Vec::new();
    let mut i = 0usize;
    while let Some(off) = html.get(i..).and_then(|r| r.find('<')) {
        i += off;
        if let Some(after) = skip_comment(html, i) {
            i = after;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if next == b'/' {
            // An end tag (a bogus one was skipped above): its attributes are ignored by the
            // parser, but its end is found the same way.
            let name = tag_name(html, i + 2);
            i = tag_end(bytes, i + 2 + name.len(), &mut Vec::new());
            continue;
        }
        if !next.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let name = tag_name(html, i + 1);
        let end = tag_end(bytes, i + 1 + name.len(), &mut at);
        i = raw_text_end(html, name, end).unwrap_or(end);
    }
    if at.is_empty() {
        return (Cow::Borrowed(html), 0);
    }
    let mut out = String::with_capacity(html.len() + PREFIX.len() * at.len());
    let mut copied = 0;
    for &p in &at {
        out.push_str(html.get(copied..p).unwrap_or(""));
        out.push_str(PREFIX);
        copied = p;
    }
    out.push_str(html.get(copied..).unwrap_or(""));
    (Cow::Owned(out), at.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defused(html: &str) -> String {
        defuse_handlers(html).0.into_owned()
    }

    #[test]
    fn handler_attributes_are_renamed_in_every_spelling() {
        assert_eq!(
            defused("<img src=x onerror=alert(1)>"),
            "<img src=x x-onerror=alert(1)>"
        );
        assert_eq!(
            defused("<IMG SRC=x OnErRoR=\"alert(1)\">"),
            "<IMG SRC=x x-OnErRoR=\"alert(1)\">"
        );
        assert_eq!(defused("<svg/onload=alert(1)>"), "<svg/x-onload=alert(1)>");
        assert_eq!(
            defused("<a href='x'onclick=y>t</a>"),
            "<a href='x'x-onclick=y>t</a>"
        );
        assert_eq!(
            defused("<body onload = 'x' onpageshow>"),
            "<body x-onload = 'x' x-onpageshow>"
        );
        assert_eq!(defuse_handlers("<p onclick=a onmouseover=b>").1, 2);
        // An unquoted value ends at whitespace: what follows is a new attribute.
        assert_eq!(defused("<p title=a onerror>"), "<p title=a x-onerror>");
    }

    #[test]
    fn values_text_comments_and_raw_text_are_left_alone() {
        for html in [
            "<p title=\" onclick=x\">on text onclick=x</p>",
            "<p title=' onerror=x'>",
            "<!-- <img onerror=x> -->",
            "<script>'<img onerror=x>'</script>",
            "<textarea><img onerror=x></textarea>",
            "</p onclick=x>",
            "<?x <img onerror=x>?>",
            "<p>a <b>on</b></p>",
            "<one>",
            "<o n=1>",
        ] {
            let (out, n) = defuse_handlers(html);
            assert_eq!(n, 0, "{html}");
            assert!(matches!(out, Cow::Borrowed(_)), "{html}");
        }
        // After the comment or the raw text, tags are tags again.
        assert_eq!(
            defused("<!-- x --><img onerror=x>"),
            "<!-- x --><img x-onerror=x>"
        );
        assert_eq!(
            defused("<style>a{}</style><img onerror=x>"),
            "<style>a{}</style><img x-onerror=x>"
        );
        // `<!-->` is a whole (empty) comment.
        assert_eq!(defused("<!--><img onerror=x>"), "<!--><img x-onerror=x>");
        // A name that starts with `=` is still a name; `on` is checked on what the name is.
        assert_eq!(defused("<p =onx on=1>"), "<p =onx x-on=1>");
    }

    #[test]
    fn unterminated_tags_and_values_end_cleanly() {
        for html in [
            "<img onerror",
            "<img src=\"x onerror=y",
            "<",
            "<img ",
            "<img/",
            "<a b=",
        ] {
            let _ = defuse_handlers(html);
        }
        assert_eq!(defused("<img onerror"), "<img x-onerror");
    }
}
