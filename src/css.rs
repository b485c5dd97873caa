//! The component stylesheet as shipped: `www/newsview.css` without its comments (the file's
//! opening comment documents the custom properties for readers of the source; a browser needs
//! none of it). Stripped at compile time, so the wasm and the server-rendered page carry the
//! same text.

const SOURCE: &[u8] = include_bytes!("../www/newsview.css");

/// The stylesheet without comments.
pub(crate) const STYLESHEET: &str = match core::str::from_utf8(&STRIPPED) {
    Ok(s) => s,
    Err(_) => panic!("www/newsview.css is not UTF-8"),
};

const STRIPPED: [u8; stripped_len(SOURCE)] = strip(SOURCE);

/// What `strip` does to each byte of `css`: calls `keep(i)` for every byte kept. Comments
/// (`/* … */`) outside strings are dropped, with the line break that ends a line holding only
/// a comment.
macro_rules! scan {
    ($css:expr, |$i:ident| $keep:expr) => {{
        let css = $css;
        let mut i = 0;
        let mut quote = 0u8;
        while i < css.len() {
            let c = css[i];
            if quote != 0 {
                if c == b'\\' && i + 1 < css.len() {
                    let $i = i;
                    $keep;
                    i += 1;
                } else if c == quote {
                    quote = 0;
                }
            } else if c == b'/' && i + 1 < css.len() && css[i + 1] == b'*' {
                i += 2;
                while i + 1 < css.len() && !(css[i] == b'*' && css[i + 1] == b'/') {
                    i += 1;
                }
                // Past `*/`, and past the line break after it.
                i += 2;
                if i < css.len() && css[i] == b'\n' {
                    i += 1;
                }
                continue;
            } else if c == b'"' || c == b'\'' {
                quote = c;
            }
            let $i = i;
            $keep;
            i += 1;
        }
    }};
}

const fn stripped_len(css: &[u8]) -> usize {
    let mut n = 0;
    scan!(css, |_i| n += 1);
    n
}

const fn strip<const N: usize>(css: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut n = 0;
    scan!(css, |i| {
        out[n] = css[i];
        n += 1;
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_gone_and_rules_stay() {
        let source = std::str::from_utf8(SOURCE).unwrap();
        assert!(source.contains("/*"));
        assert!(!STYLESHEET.contains("/*"));
        assert!(!STYLESHEET.contains("*/"));
        assert!(STYLESHEET.starts_with(":host{"));
        // Every rule is there, in order (line breaks after comments aside).
        let rules: String = source
            .split("*/")
            .map(|part| part.split("/*").next().unwrap_or(""))
            .collect();
        assert_eq!(rules.replace('\n', ""), STYLESHEET.replace('\n', ""));
    }

    #[test]
    fn strings_keep_what_looks_like_a_comment() {
        const CSS: &[u8] = b"a{content:\"/* x */\"}/* gone */\nb{}";
        const OUT: [u8; stripped_len(CSS)] = strip(CSS);
        assert_eq!(&OUT, b"a{content:\"/* x */\"}b{}");
    }
}
