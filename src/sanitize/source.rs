//! The pre-pass's output read into the core's own tree: the body path that needs no HTML
//! parser before the policy.
//!
//! [`prepare`](super::prepare) writes a body out properly nested: every element it keeps is
//! closed by an explicit end tag (void elements have none), no comment, raw text or foreign
//! content is left, and each kept tag carries only attribute names the policy may keep. Such
//! text is read by a stack and nothing more, which is what this module does: start tag → a
//! child of the current element, end tag → back to the element it closes, text → a text node.
//! The policy then runs over that [`Fragment`] in Rust, and the clean tree is written out by
//! the sanitizer's own serializer, so the browser's parser only ever sees markup the policy
//! made (see [`super::clean_body`]).
//!
//! Text is kept as the source wrote it (character references undecoded, as
//! [`NodeRef::SourceText`](super::NodeRef::SourceText)): a reference in text can only ever be
//! text, and the serializer writes every `<` and `>` of it as a reference, so no join of two
//! text nodes can make a tag. Attribute values are decoded here (numeric references, and the
//! named references in [`NAMED`] with their `;`), because the URL policy must judge what the
//! parser will see: the serializer escapes every `&` of a value it writes, so an unknown
//! reference stays the literal text it was judged as.

use super::fragment::Fragment;
use super::fragment::NodeId;
use super::prepass::{is_formatting, is_special, is_void, tag_name_end, PreparedBody};

/// Reads `prepared` into a fragment. Linear in its length; never fails (a tag cut short at
/// the end of the text is dropped, as the tokenizer drops it).
pub(super) fn fragment_of(prepared: &PreparedBody) -> Fragment {
    let src = prepared.as_str();
    let bytes = src.as_bytes();
    let mut f = Fragment::new();
    // The open elements (their names are read from the fragment).
    let mut stack: Vec<NodeId> = Vec::new();
    let mut attrs: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let parent = stack.last().copied().unwrap_or(f.root());
        let Some(off) = crate::text::find_byte(bytes, i, b'<').map(|at| at - i) else {
            text(&mut f, parent, &stack, src.get(i..).unwrap_or(""));
            break;
        };
        if off > 0 {
            text(&mut f, parent, &stack, src.get(i..i + off).unwrap_or(""));
        }
        i += off;
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if next.is_ascii_alphabetic() {
            let name_end = tag_name_end(bytes, i + 1);
            let name = src.get(i + 1..name_end).unwrap_or("").to_ascii_lowercase();
            let Some(end) = read_attributes(src, name_end, &mut attrs) else {
                break;
            };
            // The tree builder makes an `img` of an `image` start tag.
            let name = if name == "image" {
                String::from("img")
            } else {
                name
            };
            let void = is_void(&name);
            let id = f.append_element_owned(parent, name, std::mem::take(&mut attrs));
            if !void {
                stack.push(id);
            }
            i = end;
        } else if next == b'/' && bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
            let name_end = tag_name_end(bytes, i + 2);
            let name = src.get(i + 2..name_end).unwrap_or("");
            let end = src.get(name_end..).and_then(|r| r.find('>'));
            // The pre-pass closes what it opened, innermost first; an end tag it left for the
            // adoption agency closes everything above its element here.
            // Looked for among the top 32 open elements: the pre-pass writes an end tag only
            // for an element at most 16 down, so the cost per tag stays bounded.
            let low = stack.len().saturating_sub(32);
            if let Some(k) = stack.get(low..).and_then(|top| {
                top.iter()
                    .rposition(|&open| f.element_name(open).eq_ignore_ascii_case(name))
            }) {
                end_tag(&mut f, &mut stack, low + k);
            }
            i = end.map_or(bytes.len(), |e| name_end + e + 1);
        } else if src.get(i..).is_some_and(|r| r.starts_with("<!---->")) {
            // The separator the pre-pass writes between a reference and the text after it.
            i += 7;
        } else {
            text(&mut f, parent, &stack, "<");
            i += 1;
        }
    }
    f
}

/// Closes the open element at `k`. The pre-pass closes what it opened, innermost first, except
/// a formatting element's end tag with a block above it, which it leaves to the tree builder's
/// adoption agency (`<b>1<p>2</b>3</p>` is `<b>1</b><p><b>2</b>3</p>`): that is done here as
/// the tree builder does it, for the elements the pre-pass keeps open.
fn end_tag(f: &mut Fragment, stack: &mut Vec<NodeId>, mut k: usize) {
    // The tree builder's outer loop runs at most 8 times.
    for _ in 0..8 {
        let block = stack
            .iter()
            .skip(k + 1)
            .position(|&n| is_special(f.element_name(n)))
            .map(|p| k + 1 + p);
        let formatting = stack
            .get(k)
            .copied()
            .filter(|&n| is_formatting(f.element_name(n)));
        let (Some(fb), Some(formatting)) = (block, formatting) else {
            stack.truncate(k);
            return;
        };
        let Some(&furthest) = stack.get(fb) else {
            return;
        };
        let common = match k.checked_sub(1).and_then(|c| stack.get(c)) {
            Some(&id) => id,
            None => f.root(),
        };
        // From the furthest block down to the formatting element: a formatting element in
        // between is cloned around the block (the clone takes its place on the stack), any
        // other leaves the stack.
        let mut last = furthest;
        let mut j = fb;
        while j > k + 1 {
            j -= 1;
            let Some(&node) = stack.get(j) else {
                break;
            };
            if !is_formatting(f.element_name(node)) {
                stack.remove(j);
                continue;
            }
            let clone = f.clone_element(node);
            f.append_child(clone, last);
            if let Some(slot) = stack.get_mut(j) {
                *slot = clone;
            }
            last = clone;
        }
        f.append_child(common, last);
        // The block's children move into a clone of the formatting element, which becomes
        // the block's only child and takes the formatting element's place on the stack, just
        // above the block; the next round closes it (and goes on if a block is above it).
        let clone = f.clone_element(formatting);
        f.reparent_children(furthest, clone);
        f.append_child(furthest, clone);
        stack.remove(k);
        let at = stack
            .iter()
            .position(|&id| id == furthest)
            .map_or(stack.len(), |p| p + 1);
        stack.insert(at, clone);
        k = at;
    }
}

/// Appends source text to `parent`. The first text of a `pre` or `listing` loses
/// one leading line break, as the tree builder drops it.
fn text(f: &mut Fragment, parent: NodeId, stack: &[NodeId], t: &str) {
    let t = match stack.last() {
        Some(&id)
            if matches!(f.element_name(id), "pre" | "listing")
                && f.children(id).next().is_none() =>
        {
            t.strip_prefix("\r\n")
                .or_else(|| t.strip_prefix('\n'))
                .or_else(|| t.strip_prefix('\r'))
                .unwrap_or(t)
        }
        _ => t,
    };
    if !t.is_empty() {
        f.append_source_text(parent, t);
    }
}

/// Reads the attributes of a start tag as the pre-pass writes them (` name` or ` name=value`,
/// the value quoted or not) into `out`, decoded. Returns the byte after the tag's `>`.
fn read_attributes(src: &str, from: usize, out: &mut Vec<(String, String)>) -> Option<usize> {
    let bytes = src.as_bytes();
    out.clear();
    let mut p = from;
    loop {
        while bytes
            .get(p)
            .is_some_and(|&c| c.is_ascii_whitespace() || c == b'/')
        {
            p += 1;
        }
        match bytes.get(p) {
            None => return None,
            Some(b'>') => return Some(p + 1),
            Some(_) => {}
        }
        let start = p;
        p += 1;
        while bytes
            .get(p)
            .is_some_and(|&c| !c.is_ascii_whitespace() && c != b'/' && c != b'>' && c != b'=')
        {
            p += 1;
        }
        let name = src.get(start..p).unwrap_or("").to_ascii_lowercase();
        let mut value = String::new();
        if bytes.get(p) == Some(&b'=') {
            p += 1;
            let raw = match bytes.get(p) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = src.get(p + 1..)?.find(q as char)? + p + 1;
                    let raw = src.get(p + 1..close);
                    p = close + 1;
                    raw
                }
                _ => {
                    let vstart = p;
                    while bytes
                        .get(p)
                        .is_some_and(|&c| !c.is_ascii_whitespace() && c != b'>')
                    {
                        p += 1;
                    }
                    src.get(vstart..p)
                }
            };
            decode_attribute(raw.unwrap_or(""), &mut value);
        }
        // The first of two attributes of one name wins (the pre-pass writes each once).
        if !out.iter().any(|(n, _)| *n == name) {
            out.push((name, value));
        }
    }
}

/// The named character references decoded in attribute values (with their `;`), sorted by
/// bytes: every name HTML has for an ASCII character (those an attacker spells URLs with:
/// `&colon;`, `&Tab;`, `&lpar;`…) and those real article markup uses in URLs and titles. Any
/// other stays literal text, which the serializer writes back escaped, so it is judged and
/// shown as the text it is.
const NAMED: &[(&str, char)] = &[
    ("AMP", '&'),
    ("DiacriticalGrave", '`'),
    ("GT", '>'),
    ("Hat", '^'),
    ("LT", '<'),
    ("NewLine", '\n'),
    ("NonBreakingSpace", '\u{a0}'),
    ("QUOT", '"'),
    ("Tab", '\t'),
    ("UnderBar", '_'),
    ("VerticalLine", '|'),
    ("amp", '&'),
    ("apos", '\''),
    ("ast", '*'),
    ("bsol", '\\'),
    ("bull", '\u{2022}'),
    ("colon", ':'),
    ("comma", ','),
    ("commat", '@'),
    ("copy", '\u{a9}'),
    ("dollar", '$'),
    ("equals", '='),
    ("excl", '!'),
    ("grave", '`'),
    ("gt", '>'),
    ("hellip", '\u{2026}'),
    ("laquo", '\u{ab}'),
    ("lbrace", '{'),
    ("lbrack", '['),
    ("lcub", '{'),
    ("ldquo", '\u{201c}'),
    ("lowbar", '_'),
    ("lpar", '('),
    ("lsqb", '['),
    ("lsquo", '\u{2018}'),
    ("lt", '<'),
    ("mdash", '\u{2014}'),
    ("midast", '*'),
    ("middot", '\u{b7}'),
    ("nbsp", '\u{a0}'),
    ("ndash", '\u{2013}'),
    ("num", '#'),
    ("percnt", '%'),
    ("period", '.'),
    ("plus", '+'),
    ("quest", '?'),
    ("quot", '"'),
    ("raquo", '\u{bb}'),
    ("rbrace", '}'),
    ("rbrack", ']'),
    ("rcub", '}'),
    ("rdquo", '\u{201d}'),
    ("reg", '\u{ae}'),
    ("rpar", ')'),
    ("rsqb", ']'),
    ("rsquo", '\u{2019}'),
    ("semi", ';'),
    ("sol", '/'),
    ("times", '\u{d7}'),
    ("trade", '\u{2122}'),
    ("verbar", '|'),
    ("vert", '|'),
];

/// Decodes an attribute value as the tokenizer would, for the references it knows: numeric
/// references (with or without `;`; zero, surrogates and values past U+10FFFF become U+FFFD),
/// the names of [`NAMED`] followed by `;`. Line breaks are normalised (CR LF and CR to LF), as
/// the parser's input stream does.
pub(super) fn decode_attribute(raw: &str, out: &mut String) {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|r| r.iter().position(|&b| b == b'&' || b == b'\r'))
    {
        out.push_str(raw.get(i..i + off).unwrap_or(""));
        i += off;
        if bytes.get(i) == Some(&b'\r') {
            out.push('\n');
            i += if bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            continue;
        }
        match reference(raw.get(i + 1..).unwrap_or("")) {
            Some((decoded, len)) => {
                out.push(decoded);
                i += 1 + len;
            }
            None => {
                out.push('&');
                i += 1;
            }
        }
    }
    out.push_str(raw.get(i..).unwrap_or(""));
}

/// The reference at the start of `after` (just past its `&`), and its length.
fn reference(after: &str) -> Option<(char, usize)> {
    let b = after.as_bytes();
    if b.first() == Some(&b'#') {
        let hex = matches!(b.get(1), Some(b'x' | b'X'));
        let start = if hex { 2 } else { 1 };
        let digits = b
            .get(start..)?
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let radix = if hex { 16 } else { 10 };
        let value = b.get(start..start + digits)?.iter().fold(0u32, |v, &c| {
            let d = char::from(c).to_digit(radix).unwrap_or(0);
            v.saturating_mul(radix).saturating_add(d)
        });
        let c = char::from_u32(value)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}');
        let semicolon = usize::from(b.get(start + digits) == Some(&b';'));
        return Some((c, start + digits + semicolon));
    }
    let name_len = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if b.get(name_len) != Some(&b';') {
        return None;
    }
    let name = after.get(..name_len)?;
    let i = NAMED.binary_search_by(|(n, _)| n.cmp(&name)).ok()?;
    let (_, value) = NAMED.get(i)?;
    Some((*value, name_len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(raw: &str) -> String {
        let mut out = String::new();
        decode_attribute(raw, &mut out);
        out
    }

    #[test]
    fn the_named_table_is_sorted() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn attribute_values_decode_as_the_tokenizer_does() {
        assert_eq!(decoded("?a=1&amp;b=2"), "?a=1&b=2");
        assert_eq!(decoded("?a=1&copy=2"), "?a=1&copy=2");
        assert_eq!(decoded("&#106;avascript&#x3A;x"), "javascript:x");
        assert_eq!(decoded("&#106avascript"), "javascript");
        assert_eq!(
            decoded("&#0;&#xD800;&#x110000;"),
            "\u{fffd}\u{fffd}\u{fffd}"
        );
        assert_eq!(decoded("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(
            decoded("javascript&colon;x&lpar;1&rpar;"),
            "javascript:x(1)"
        );
        // Unknown names stay literal: judged and written back as that text.
        assert_eq!(decoded("x&hearts;y&colon"), "x&hearts;y&colon");
        assert_eq!(decoded("&"), "&");
        assert_eq!(decoded("&#;&#x;"), "&#;&#x;");
    }
}
