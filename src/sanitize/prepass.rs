//! The one linear pass over a body's HTML text before anything reads it as a tree (the browser
//! build's stack reader, [`super::source`], and html5ever on the server alike): it tokenizes the
//! text as the HTML tokenizer does and writes it out again in a shape whose parse costs linear
//! time and builds a bounded tree.
//!
//! What the parsers would otherwise do with a hostile body: the tree builder scans its stack of
//! open elements on most start tags, so depth costs time quadratic in the input; ignored end
//! tags (`<x><div></x>`), the adoption agency (`<b><div></b>`) and foreign content
//! (`<svg><style>…`) keep elements open that a model of the tags as written would close; one
//! element with 100 000 attributes costs a quadratic duplicate check. This pass removes each
//! cause instead of modelling it:
//!
//! * **Every element is closed explicitly.** The pass keeps its own stack of open elements and
//!   writes the end tags the tree builder would imply (an open `p` before a block, an `li`
//!   before the next `li`, table sections and rows, a heading before a heading) and the end
//!   tags of everything above an element that an end tag closes. An end tag that matches
//!   nothing open is dropped. The text it writes is properly nested, so the tree builder's stack
//!   follows the pass's stack, which never holds more than the depth bound: a start tag that
//!   would open deeper is dropped (its text is kept).
//! * **No raw text and no foreign content reaches the parser.** `script`, `style`, `textarea`,
//!   `title`, `xmp`, `noembed`, `noframes` are written empty (the policy removes them with
//!   their content anyway), an `iframe` keeps its attributes and loses its text, `plaintext`
//!   and everything after it is dropped, and an `svg` or `math` subtree (which the policy
//!   removes whole) is written as an empty element, up to where the tree builder would leave
//!   foreign content (its end tag, or an HTML start tag that breaks out of it). What the parser
//!   reads is therefore tokenized in one state, the one this pass tokenizes in.
//! * **Attributes are filtered by the policy's tables.** A kept element keeps only the
//!   attributes the policy may keep (so inline event handlers never reach the parser, and a
//!   host's CSP reports nothing), each name once; an unknown or removed element keeps none.
//! * **Comments, declarations and processing instructions are dropped.**
//! * **At most `max_nodes` nodes** (start tags, void tags and text runs) are written; the rest of
//!   the body is cut and the report says so.
//!
//! Every loop moves forward through the text, and each token costs a bounded amount of work
//! besides the end tags it writes (each of which closes one element it opened), so the pass is
//! linear in its input. Safety never depends on it: its output still goes through the parser
//! and the whole policy.

use super::rules::{self, AttrRule, ElementRule, Kind};

/// Open elements at most this far down the stack are searched for the match of an end tag or
/// for the element a start tag closes.
const WINDOW: usize = 16;

/// What the pass removed or cut, added to the sanitizer's report by the callers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PrepassReport {
    /// Start tags dropped because they would open deeper than the depth bound.
    pub flattened_elements: usize,
    /// Attributes removed from elements the policy keeps (the policy would remove them).
    pub removed_attributes: usize,
    /// Comments, bogus comments and processing instructions removed.
    pub removed_other: usize,
    /// `plaintext` elements removed with the rest of the body.
    pub removed_elements: usize,
    /// The node bound was reached: the rest of the body was cut.
    pub truncated: bool,
    /// Units of work done: tokens read plus open elements looked at plus end tags written.
    /// Linear in the input's length; the fuzz target asserts a bound on it.
    pub work: usize,
}

/// A body as the pre-pass wrote it: the only untrusted text that may reach an HTML parser
/// (only [`prepare`] makes one). It reads as a `str`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedBody(String);

impl PreparedBody {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for PreparedBody {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for PreparedBody {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Writes `html` out again as described in the [module documentation](self): properly nested,
/// at most `max_depth` elements deep, at most `max_nodes` nodes, without raw text, foreign
/// content, comments or attributes the policy would remove. Linear in the length of `html`.
pub fn prepare(html: &str, max_depth: usize, max_nodes: usize) -> (PreparedBody, PrepassReport) {
    let mut pass = Pass {
        src: html,
        out: String::with_capacity(html.len() + 64),
        stack: Vec::new(),
        max_depth,
        max_nodes,
        nodes: 0,
        report: PrepassReport::default(),
        names: Vec::new(),
        dropped: Vec::new(),
        written: Vec::new(),
        lower: String::new(),
    };
    pass.run();
    (PreparedBody(pass.out), pass.report)
}

/// What [`Pass::nearest`] looks for.
#[derive(Clone, Copy)]
enum Find<'n> {
    Name(&'n str),
    Either(&'n str, &'n str),
    Class(Class),
}

/// One attribute as written: the name as the source spells it, and the source text of
/// `=value` (quotes included) when it has one.
struct Attr<'a> {
    name: &'a str,
    value: Option<&'a str>,
}

struct Pass<'a> {
    src: &'a str,
    out: String,
    /// The open elements: lower-cased names and their [`Class`].
    stack: Vec<(String, Class)>,
    max_depth: usize,
    max_nodes: usize,
    nodes: usize,
    report: PrepassReport,
    /// The current tag's attributes (reused).
    names: Vec<Attr<'a>>,
    /// The current tag's dropped attribute names (any case), to count each name once (reused).
    dropped: Vec<&'a str>,
    /// Indexes into `names` of the current tag's attributes written (reused).
    written: Vec<usize>,
    /// The lower-cased name of the attribute being judged (reused).
    lower: String,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn lower(name: &str) -> String {
    name.to_ascii_lowercase()
}

impl<'a> Pass<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn run(&mut self) {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut i = 0usize;
        while i < bytes.len() {
            if self.report.truncated {
                return;
            }
            self.report.work += 1;
            let Some(off) = crate::text::find_byte(bytes, i, b'<').map(|at| at - i) else {
                self.text(i, bytes.len());
                return;
            };
            if off > 0 {
                self.text(i, i + off);
            }
            i += off;
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            if next.is_ascii_alphabetic() {
                i = self.start_tag(i);
            } else if next == b'/' && bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
                i = self.end_tag(i);
            } else if next == b'/' && bytes.get(i + 2) == Some(&b'>') {
                // `</>` is dropped by the tokenizer.
                i += 3;
            } else if next == b'!' || next == b'?' || (next == b'/' && i + 2 < bytes.len()) {
                i = self.markup_declaration(i);
            } else {
                // A `<` that starts nothing is text.
                self.text(i, i + 1);
                i += 1;
            }
        }
    }

    /// Writes the source text `start..end` as text.
    fn text(&mut self, start: usize, end: usize) {
        let Some(t) = self.src.get(start..end) else {
            return;
        };
        if t.is_empty() {
            return;
        }
        let first = t.as_bytes().first().copied().unwrap_or(0);
        // A `<` that ended the text written so far must not start a tag with this text (a
        // token between them was dropped): as a character reference it is the same text.
        if self.out.ends_with('<') && (first.is_ascii_alphabetic() || b"/!?".contains(&first)) {
            self.out.pop();
            self.out.push_str("&lt;");
        }
        // Nor may a character reference cut short by a dropped token go on in this text.
        if (first.is_ascii_alphanumeric() || first == b';' || first == b'#')
            && ends_in_reference(&self.out)
        {
            self.out.push_str("<!---->");
        }
        if !self.count_node() {
            return;
        }
        self.out.push_str(t);
    }

    /// Counts one more node written; `false` (and the report says `truncated`) when the node
    /// bound is reached.
    fn count_node(&mut self) -> bool {
        if self.nodes >= self.max_nodes {
            self.report.truncated = true;
            return false;
        }
        self.nodes += 1;
        true
    }

    /// `<!…`, `<?…`, `</` + a non-letter: comments, declarations, bogus comments. Dropped;
    /// returns where the token ends.
    fn markup_declaration(&mut self, i: usize) -> usize {
        let src = self.src;
        let rest = src.get(i..).unwrap_or("");
        if let Some(after) = rest.strip_prefix("<!--") {
            self.report.removed_other += 1;
            return comment_end(after).map_or(src.len(), |e| i + 4 + e);
        }
        let doctype = rest
            .get(2..9)
            .is_some_and(|d| d.eq_ignore_ascii_case("doctype"));
        if !doctype {
            self.report.removed_other += 1;
        }
        crate::text::find_byte(src.as_bytes(), i, b'>').map_or(src.len(), |e| e + 1)
    }

    /// The tag name starting at `start`, and where it ends.
    fn tag_name(&self, start: usize) -> (&'a str, usize) {
        let end = tag_name_end(self.bytes(), start);
        (self.src.get(start..end).unwrap_or(""), end)
    }

    /// Reads the attributes of a tag from `from` (just after its name) into `self.names`, as the
    /// tokenizer's attribute states do. Returns the byte after the tag's `>`, or `None` when the
    /// text ends inside the tag (the tokenizer then drops it).
    fn attributes(&mut self, from: usize, keep: bool) -> Option<usize> {
        let src = self.src;
        let bytes = self.bytes();
        self.names.clear();
        let mut p = from;
        loop {
            while bytes.get(p).copied().is_some_and(is_space) {
                p += 1;
            }
            match bytes.get(p) {
                None => return None,
                Some(b'>') => return Some(p + 1),
                Some(b'/') => {
                    p += 1;
                    continue;
                }
                Some(_) => {}
            }
            self.report.work += 1;
            // The name's first character belongs to it whatever it is (even `=` or a quote).
            let start = p;
            p += 1;
            while bytes
                .get(p)
                .is_some_and(|&c| !is_space(c) && c != b'/' && c != b'>' && c != b'=')
            {
                p += 1;
            }
            let name_end = p;
            while bytes.get(p).copied().is_some_and(is_space) {
                p += 1;
            }
            let mut value = None;
            if bytes.get(p) == Some(&b'=') {
                p += 1;
                while bytes.get(p).copied().is_some_and(is_space) {
                    p += 1;
                }
                let vstart = p;
                match bytes.get(p) {
                    None => return None,
                    Some(b'>') => {}
                    Some(&q @ (b'"' | b'\'')) => {
                        p += 1;
                        while bytes.get(p).is_some_and(|&c| c != q) {
                            p += 1;
                        }
                        if p >= bytes.len() {
                            return None;
                        }
                        p += 1;
                        value = src.get(vstart..p);
                    }
                    Some(_) => {
                        while bytes.get(p).is_some_and(|&c| !is_space(c) && c != b'>') {
                            p += 1;
                        }
                        value = src.get(vstart..p);
                    }
                }
            }
            if keep {
                if let Some(name) = src.get(start..name_end) {
                    self.names.push(Attr { name, value });
                }
            }
        }
    }

    fn start_tag(&mut self, i: usize) -> usize {
        let (raw_name, name_end) = self.tag_name(i + 1);
        let name = lower(raw_name);
        // One lookup of the name's classes serves every rule below.
        let c = class(&name);
        let Some(end) = self.attributes(name_end, true) else {
            return self.src.len();
        };
        match name.as_str() {
            "svg" | "math" => {
                let self_closing = end >= 2 && self.bytes().get(end - 2) == Some(&b'/');
                let resume = if self_closing {
                    end
                } else {
                    self.foreign(end, &name)
                };
                if self.count_node() {
                    self.push_open_tag(&name, false);
                    self.push_end_tag(&name);
                }
                return resume;
            }
            "html" | "head" | "body" | "frameset" | "frame" => return end,
            // Outside a table the tree builder ignores these.
            "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr"
                if !self.table_context(&name) =>
            {
                return end;
            }
            "plaintext" => {
                self.close_p_for(c);
                self.report.removed_elements += 1;
                return self.src.len();
            }
            _ => {}
        }
        self.implied_end_tags(&name, c);
        if let Some(raw_end) = raw_text_end(self.src, &name, end) {
            // Written empty (an iframe keeps its attributes): its text never reaches a parser.
            if self.count_node() {
                self.push_open_tag(&name, true);
                self.push_end_tag(&name);
            }
            let (_, after) = self.tag_name(raw_end + 2);
            return self
                .attributes_skip(after)
                .unwrap_or(self.src.len())
                .max(raw_end);
        }
        let void = c & VOID != 0;
        if !void && self.stack.len() >= self.max_depth {
            self.report.flattened_elements += 1;
            return end;
        }
        if !self.count_node() {
            return end;
        }
        self.push_open_tag(&name, true);
        if !void {
            self.stack.push((name, c));
        }
        end
    }

    /// Like [`Pass::attributes`], without keeping anything: where the tag ends.
    fn attributes_skip(&mut self, from: usize) -> Option<usize> {
        self.attributes(from, false)
    }

    /// Writes `<name` and the attributes in `self.names` that the policy may keep, then `>`.
    fn push_open_tag(&mut self, name: &str, with_attributes: bool) {
        self.out.push('<');
        self.out.push_str(name);
        if with_attributes {
            self.write_attributes(name);
        }
        self.out.push('>');
    }

    /// Writes `</name>`.
    fn push_end_tag(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    fn write_attributes(&mut self, tag: &str) {
        // The tree builder makes an `img` of an `image` start tag.
        let rule = rules::classify(if tag == "image" { "img" } else { tag }).0;
        let mut names = std::mem::take(&mut self.names);
        self.dropped.clear();
        let mut written = std::mem::take(&mut self.written);
        written.clear();
        for (k, a) in names.iter().enumerate() {
            let name = &mut self.lower;
            name.clear();
            name.push_str(a.name);
            name.make_ascii_lowercase();
            let keep = match rule {
                ElementRule::Keep(_, kind) | ElementRule::Rename(_, kind) => {
                    let keep = attr_kept(kind, name);
                    if !keep {
                        self.dropped.push(a.name);
                    }
                    keep
                }
                ElementRule::Embed(_) => {
                    matches!(
                        name.as_str(),
                        "src" | "poster" | "width" | "height" | "title"
                    )
                }
                ElementRule::Unwrap => tag == "source" && name == "src",
                ElementRule::Drop => false,
            };
            // The first of two attributes of one name wins, as in the tokenizer.
            if keep
                && !written.iter().any(|&w| {
                    names
                        .get(w)
                        .is_some_and(|b| b.name.eq_ignore_ascii_case(a.name))
                })
            {
                written.push(k);
                self.out.push(' ');
                self.out.push_str(&self.lower);
                if let Some(v) = a.value {
                    self.out.push('=');
                    self.out.push_str(v);
                }
            }
        }
        // Each dropped name counts once, as the parser keeps one attribute per name (checked
        // pairwise up to 64 attributes: past that, every one counts, which keeps this linear).
        let small = self.dropped.len() <= 64;
        for (k, n) in self.dropped.iter().enumerate() {
            let seen = small
                && self
                    .dropped
                    .get(..k)
                    .is_some_and(|before| before.iter().any(|d| d.eq_ignore_ascii_case(n)));
            if !seen {
                self.report.removed_attributes += 1;
            }
        }
        names.clear();
        self.names = names;
        self.written = written;
    }

    /// Writes the end tags of the open elements above index `k`, and of `k` itself.
    fn close_to(&mut self, k: usize) {
        while self.stack.len() > k {
            self.report.work += 1;
            if let Some((name, _)) = self.stack.pop() {
                self.push_end_tag(&name);
            }
        }
    }

    /// The index of the nearest open element that `find` matches, searching at most
    /// [`WINDOW`] elements down and stopping at one whose class has a bit of `stop` and none of
    /// `unless`.
    fn nearest(&mut self, find: Find<'_>, stop: Class, unless: Class) -> Option<usize> {
        let low = self.stack.len().saturating_sub(WINDOW);
        for k in (low..self.stack.len()).rev() {
            self.report.work += 1;
            let (open, c) = self.stack.get(k)?;
            let found = match find {
                Find::Name(n) => open == n,
                Find::Either(a, b) => open == a || open == b,
                Find::Class(bits) => c & bits != 0,
            };
            if found {
                return Some(k);
            }
            if c & stop != 0 && c & unless == 0 {
                return None;
            }
        }
        None
    }

    /// Closes an open `p` in button scope before a start tag (of [`Class`] `class`) that
    /// closes it.
    fn close_p_for(&mut self, class: Class) {
        if class & CLOSES_P != 0 {
            if let Some(k) = self.nearest(Find::Name("p"), SCOPE | BUTTON, 0) {
                self.close_to(k);
            }
        }
    }

    /// The end tags the tree builder implies before the start tag `name`, of [`Class`]
    /// `class` ("in body" rules).
    fn implied_end_tags(&mut self, name: &str, class: Class) {
        match name {
            "li" => {
                if let Some(k) = self.nearest(Find::Name("li"), SPECIAL, LISTISH) {
                    self.close_to(k);
                }
            }
            "dd" | "dt" => {
                if let Some(k) = self.nearest(Find::Either("dd", "dt"), SPECIAL, LISTISH) {
                    self.close_to(k);
                }
            }
            "a" => {
                if let Some(k) = self.nearest(Find::Name("a"), MARKER, 0) {
                    self.close_to(k);
                }
            }
            "button" | "nobr" => {
                if let Some(k) = self.nearest(Find::Name(name), SCOPE, 0) {
                    self.close_to(k);
                }
            }
            "option" | "optgroup" if self.stack.last().is_some_and(|t| t.0 == "option") => {
                let k = self.stack.len() - 1;
                self.close_to(k);
            }
            "table" => {
                if let Some(k) = self.nearest(Find::Name("table"), CELL_OR_CAPTION, 0) {
                    self.close_to(k);
                }
            }
            _ => {}
        }
        self.close_p_for(class);
        if class & HEADING != 0 && self.stack.last().is_some_and(|t| t.1 & HEADING != 0) {
            let k = self.stack.len() - 1;
            self.close_to(k);
        }
    }

    /// Prepares the stack for a table part `name` as the tree builder's table modes do: closes
    /// the open cell, caption or column group it ends, and opens the `tbody`, `tr` or
    /// `colgroup` it implies. `false` when no table is open (the tag is then ignored).
    fn table_context(&mut self, name: &str) -> bool {
        loop {
            let Some(k) = self.nearest(Find::Class(TABLE_PART), 0, 0) else {
                return false;
            };
            // What is open, and what comes: compared once each, as small codes.
            const TABLE_: u8 = 1;
            const SECTION: u8 = 2;
            const ROW: u8 = 3;
            const COLGROUP: u8 = 4;
            const CELL: u8 = 5;
            const COL: u8 = 6;
            const CAPTION: u8 = 7;
            let code = |n: &str| match n {
                "table" => TABLE_,
                "tbody" | "thead" | "tfoot" => SECTION,
                "tr" => ROW,
                "colgroup" => COLGROUP,
                "td" | "th" => CELL,
                "col" => COL,
                "caption" => CAPTION,
                _ => 0,
            };
            let open = self.stack.get(k).map_or(0, |e| code(&e.0));
            match (code(name), open) {
                (CELL, ROW) | (ROW, SECTION) | (COL, COLGROUP) => {
                    self.close_to(k + 1);
                    return true;
                }
                (CELL, SECTION) => {
                    self.close_to(k + 1);
                    return self.open_implied("tr");
                }
                (CELL, TABLE_) => {
                    self.close_to(k + 1);
                    return self.open_implied("tbody") && self.open_implied("tr");
                }
                (ROW, TABLE_) => {
                    self.close_to(k + 1);
                    return self.open_implied("tbody");
                }
                (COL, TABLE_) => {
                    self.close_to(k + 1);
                    return self.open_implied("colgroup");
                }
                (CAPTION | COLGROUP | SECTION, TABLE_) => {
                    self.close_to(k + 1);
                    return true;
                }
                // The open cell, row, section, caption or column group ends: look again below.
                _ => self.close_to(k),
            }
        }
    }

    /// Writes and opens an element the tree builder would insert by itself; `false` when it
    /// would open deeper than the bound.
    fn open_implied(&mut self, name: &str) -> bool {
        if self.stack.len() >= self.max_depth || !self.count_node() {
            return false;
        }
        self.out.push('<');
        self.out.push_str(name);
        self.out.push('>');
        self.stack.push((name.to_owned(), class(name)));
        true
    }

    fn end_tag(&mut self, i: usize) -> usize {
        let (raw_name, name_end) = self.tag_name(i + 2);
        let name = lower(raw_name);
        let end = self.attributes_skip(name_end).unwrap_or(self.src.len());
        match name.as_str() {
            // `</br>` is a `<br>`; `</p>` with no open `p` makes an empty one.
            "br" => {
                if self.count_node() {
                    self.out.push_str("<br>");
                }
                return end;
            }
            "p" => {
                match self.nearest(Find::Name("p"), SCOPE | BUTTON, 0) {
                    Some(k) => self.close_to(k),
                    None => {
                        if self.count_node() {
                            self.out.push_str("<p></p>");
                        }
                    }
                }
                return end;
            }
            _ => {}
        }
        let n = name.as_str();
        let c = class(n);
        let found = if c & HEADING != 0 {
            self.nearest(Find::Class(HEADING), SCOPE, 0)
        } else if matches!(n, "table" | "tbody" | "thead" | "tfoot" | "tr") {
            self.nearest(Find::Name(n), if n == "table" { 0 } else { TABLE }, 0)
        } else if c & (SPECIAL | FORMATTING) != 0 {
            self.nearest(Find::Name(n), SCOPE, 0)
        } else {
            self.nearest(Find::Name(n), SPECIAL, 0)
        };
        let Some(k) = found else {
            return end;
        };
        // A formatting element's end tag with a block inside it runs the tree builder's
        // adoption agency, which moves the block out of it (`<b>1<p>2</b>3</p>` is
        // `<b>1</b><p><b>2</b>3</p>`) and never leaves more elements open than before: the tag
        // is written as it is and the stack kept, which counts at least the parser's depth.
        // Below the depth bound only: past it, nesting is cut, not kept.
        let above_is_block = self
            .stack
            .get(k + 1..)
            .is_some_and(|above| above.iter().any(|o| o.1 & SPECIAL != 0));
        if c & FORMATTING != 0 && above_is_block && self.stack.len() < self.max_depth {
            self.push_end_tag(n);
            return end;
        }
        self.close_to(k);
        end
    }

    /// Skips a foreign (`svg` or `math`) subtree starting at `from`, just after its start tag,
    /// to where the tree builder leaves foreign content: the byte after the end tag that closes
    /// it, or the `<` of an HTML start tag that breaks out of it (outside an HTML integration
    /// point), or the end of the text.
    fn foreign(&mut self, from: usize, root: &str) -> usize {
        let src = self.src;
        let bytes = self.bytes();
        // The open foreign elements, and how many of them are integration points (HTML inside).
        let mut open: Vec<String> = vec![root.to_owned()];
        let mut html_inside = 0usize;
        let mut i = from;
        while let Some(off) = crate::text::find_byte(bytes, i, b'<').map(|at| at - i) {
            self.report.work += 1;
            i += off;
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            if src.get(i..).is_some_and(|r| r.starts_with("<![CDATA[")) && html_inside == 0 {
                i = src
                    .get(i..)
                    .and_then(|r| crate::text::find(r, "]]>"))
                    .map_or(src.len(), |e| i + e + 3);
                continue;
            }
            if next.is_ascii_alphabetic() {
                let (raw, name_end) = self.tag_name(i + 1);
                let name = lower(raw);
                if html_inside == 0 && breaks_out(&name) {
                    return i;
                }
                let Some(end) = self.attributes(name_end, false) else {
                    return src.len();
                };
                let self_closing = end >= 2 && bytes.get(end - 2) == Some(&b'/');
                if html_inside > 0 {
                    if let Some(raw_end) = raw_text_end(src, &name, end) {
                        i = raw_end + 2;
                        continue;
                    }
                }
                if !(self_closing || html_inside > 0 && is_void(&name)) {
                    if integration_point(&name) {
                        html_inside += 1;
                    }
                    open.push(name);
                }
                i = end;
            } else if next == b'/' && bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
                let (raw, name_end) = self.tag_name(i + 2);
                let name = lower(raw);
                let end = self.attributes_skip(name_end).unwrap_or(src.len());
                let low = open.len().saturating_sub(WINDOW);
                if let Some(k) = (low..open.len())
                    .rev()
                    .find(|&k| open.get(k) == Some(&name))
                {
                    for closed in open.drain(k..) {
                        if integration_point(&closed) {
                            html_inside = html_inside.saturating_sub(1);
                        }
                    }
                    if open.is_empty() {
                        return end;
                    }
                } else if html_inside == 0
                    && (name == "p"
                        || name == "br"
                        || self.stack.iter().rev().take(WINDOW).any(|n| n.0 == name))
                {
                    // `</p>`, `</br>` and the end tag of an HTML element open around the
                    // foreign content end it; the tag is then read as HTML.
                    return i;
                }
                i = end;
            } else if next == b'!' || next == b'?' || next == b'/' {
                i = self.markup_declaration(i);
            } else {
                i += 1;
            }
        }
        src.len()
    }
}

/// Where the tag name starting at `from` ends: at a space, `/` or `>`, or the end of the text.
pub(super) fn tag_name_end(bytes: &[u8], from: usize) -> usize {
    let mut p = from;
    while bytes
        .get(p)
        .is_some_and(|&c| !c.is_ascii_whitespace() && c != b'/' && c != b'>')
    {
        p += 1;
    }
    p
}

/// Whether `out` ends in a character reference that text written after it could go on with:
/// `&` and up to 32 name or number characters.
fn ends_in_reference(out: &str) -> bool {
    let b = out.as_bytes();
    let tail = b
        .iter()
        .rev()
        .take(33)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
        .count();
    b.len() > tail && b.get(b.len() - tail - 1) == Some(&b'&')
}

/// Whether the policy may keep attribute `name` on an element of `kind` (it judges the value
/// later): everything but the attributes it always drops. A `div` keeps the placeholder's own
/// attributes, which the policy reads to judge an embed placeholder again.
fn attr_kept(kind: Kind, name: &str) -> bool {
    if kind == Kind::Div && (name == "class" || name.starts_with("data-nv-")) {
        return true;
    }
    rules::attr_rule(kind, name) != AttrRule::Drop
}

/// Where a comment whose text starts at the beginning of `after` (just past `<!--`) ends, as
/// the tokenizer ends it: the byte after the first `-->` or `--!>` (a longer run of dashes
/// counts), or after the abrupt `>` / `->` right at its start. One scan.
fn comment_end(after: &str) -> Option<usize> {
    if after.starts_with('>') {
        return Some(1);
    }
    if after.starts_with("->") {
        return Some(2);
    }
    let b = after.as_bytes();
    let mut i = 0;
    while let Some(off) = after.get(i..).and_then(|r| crate::text::find(r, "--")) {
        let mut j = i + off + 2;
        while b.get(j) == Some(&b'-') {
            j += 1;
        }
        match b.get(j) {
            Some(b'>') => return Some(j + 1),
            Some(b'!') if b.get(j + 1) == Some(&b'>') => return Some(j + 2),
            _ => i = j,
        }
    }
    None
}

/// For a raw-text or escapable raw-text element in HTML content, where its content ends: the
/// position of the `</` of its end tag (or the end of the text). `None` for other elements.
fn raw_text_end(html: &str, name: &str, from: usize) -> Option<usize> {
    const RAW: &[&str] = &[
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    ];
    if !RAW.contains(&name) {
        return None;
    }
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(off) = html.get(i..).and_then(|r| crate::text::find(r, "</")) {
        let at = i + off;
        let candidate = bytes.get(at + 2..at + 2 + name.len());
        // Only an end tag of exactly this name ends it ("appropriate end tag").
        let terminated = bytes
            .get(at + 2 + name.len())
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>');
        if terminated && candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return Some(at);
        }
        i = at + 2;
    }
    Some(html.len())
}

use super::rules::class::*;

/// The [`Class`] bits of the (lower-cased) tag name `name`.
pub(super) fn class(name: &str) -> Class {
    rules::lookup(name).map_or(0, |t| t.class)
}

fn has(name: &str, bits: Class) -> bool {
    class(name) & bits != 0
}

pub(super) fn is_void(name: &str) -> bool {
    has(name, VOID)
}

pub(super) fn is_special(name: &str) -> bool {
    has(name, SPECIAL)
}

pub(super) fn is_formatting(name: &str) -> bool {
    has(name, FORMATTING)
}

fn breaks_out(name: &str) -> bool {
    has(name, BREAKS_OUT)
}

fn integration_point(name: &str) -> bool {
    has(name, INTEGRATION) || name == "title"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prep(html: &str) -> String {
        prepare(html, 256, 250_000).0.as_str().to_owned()
    }

    #[test]
    fn the_tag_table_is_sorted() {
        assert!(rules::TAGS.windows(2).all(|w| w[0].name < w[1].name));
        // The letter index finds every entry, and only its own.
        assert!(rules::TAGS.len() < 256);
        for t in rules::TAGS {
            assert!(t
                .name
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_lowercase()));
            let found = rules::lookup(t.name).map(|f| (f.name, f.class));
            assert_eq!(found, Some((t.name, t.class)));
        }
        for unknown in [
            "", "zz", "A", "{", "`", "ab", "tablex", "\u{fffd}", "TABLE", "tabl", "h7", "svg ",
        ] {
            assert!(rules::lookup(unknown).is_none(), "{unknown}");
        }
        assert_eq!(class("table") & TABLE_PART, TABLE_PART);
        assert_eq!(class("zz"), 0);
    }

    #[test]
    fn clean_html_is_written_unchanged() {
        for html in [
            "<p>a <b>b</b> c</p><ul><li>x</li><li>y</li></ul>",
            "<h2 dir=\"rtl\">T</h2><p>a&nbsp;b &lt; c</p>",
            "<table><tbody><tr><td colspan=\"2\">a</td></tr></tbody></table>",
            "<p><a href=\"/x\" title='t'>l</a><img src=\"a.png\" alt=\"\"></p>",
        ] {
            assert_eq!(prep(html), html);
        }
    }

    #[test]
    fn implied_end_tags_are_written() {
        assert_eq!(prep("<p>a<p>b"), "<p>a</p><p>b");
        assert_eq!(prep("<ul><li>a<li>b</ul>"), "<ul><li>a</li><li>b</li></ul>");
        assert_eq!(prep("<p>a<div>b</div>"), "<p>a</p><div>b</div>");
        // Formatting end tags around a block are left to the adoption agency.
        assert_eq!(prep("<b>1<p>2</b>3</p>"), "<b>1<p>2</b>3</p>");
        // Around inline elements only, they close them (the parser would reopen them).
        assert_eq!(prep("<b><i>x</b>y</i>"), "<b><i>x</i></b>y");
        assert_eq!(
            prep("<table><tr><td>a<td>b<tr><td>c</table>"),
            "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>"
        );
        assert_eq!(prep("<td>x</td>"), "x");
        assert_eq!(prep("a</br>b"), "a<br>b");
    }

    #[test]
    fn ignored_end_tags_and_misnesting_cannot_keep_depth() {
        // `</x>` is ignored by the tree builder while a `div` is open above the `x`, and
        // `</b>` runs the adoption agency: both keep every `div` open.
        for unit in ["<x><div></x>", "<b><div></b>", "<i><ul></i>"] {
            let (out, report) = prepare(&unit.repeat(5_000), 256, 250_000);
            let depth = max_depth_of(&out);
            assert!(depth <= 256, "{unit}: {depth}");
            assert!(report.flattened_elements > 0 || depth < 256, "{unit}");
        }
    }

    /// The depth of the tags as written (the output is properly nested).
    fn max_depth_of(html: &str) -> usize {
        let mut depth: usize = 0;
        let mut max = 0;
        let mut i = 0;
        while let Some(off) = html.get(i..).and_then(|r| r.find('<')) {
            i += off;
            let rest = html.get(i..).unwrap_or("");
            let name: String = rest
                .chars()
                .skip(1)
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                .collect();
            if let Some(n) = name.strip_prefix('/') {
                if !is_void(n) {
                    depth = depth.saturating_sub(1);
                }
            } else if !name.is_empty() && !is_void(&name) {
                depth += 1;
                max = max.max(depth);
            }
            i += 1;
        }
        max
    }

    #[test]
    fn comments_are_dropped_in_one_scan() {
        let (out, report) = prepare(&"<!---->".repeat(40_000), 256, 250_000);
        assert_eq!(out, "");
        assert_eq!(report.removed_other, 40_000);
        assert!(report.work < 200_000, "{}", report.work);
        for (html, rest) in [
            ("<!-->a", "a"),
            ("<!--->a", "a"),
            ("<!-- x --!>a", "a"),
            ("<!-- x ---->a", "a"),
            ("<!-- - -- ->a-->b", "b"),
            ("<?php x ?>a", "a"),
            ("</ x>a", "a"),
            ("<!DOCTYPE html>a", "a"),
        ] {
            assert_eq!(prep(html), rest, "{html}");
        }
    }

    #[test]
    fn raw_text_and_foreign_content_are_written_empty() {
        assert_eq!(prep("<script>x<div></script>a"), "<script></script>a");
        assert_eq!(prep("<style>a</stylex><b></STYLE >b"), "<style></style>b");
        assert_eq!(
            prep("<iframe src=\"https://v.example/e\" onload=x>t<b></iframe>a"),
            "<iframe src=\"https://v.example/e\"></iframe>a"
        );
        assert_eq!(prep("<p>a<plaintext>b<div>"), "<p>a</p>");
        // Foreign content ends at its end tag or at an HTML start tag that breaks out.
        assert_eq!(
            prep("<svg><style><img src=x onerror=y>"),
            "<svg></svg><img src=x>"
        );
        // An SVG `title` is an integration point: the `b` in it stays in the `svg`.
        assert_eq!(prep("<svg><title><b onclick=x>t</b>"), "<svg></svg>");
        assert_eq!(prep("<svg><textarea><p onclick=x>t"), "<svg></svg><p>t");
        assert_eq!(
            prep("<svg><foreignObject><div>in</div></foreignObject></svg>after"),
            "<svg></svg>after"
        );
        assert_eq!(
            prep("<math><mi><![CDATA[</math>]]>x</mi></math>y"),
            "<math></math>y"
        );
        let (out, _) = prepare(
            &("<svg><style>".to_owned() + &"<div>".repeat(20_000)),
            256,
            250_000,
        );
        assert!(max_depth_of(&out) <= 256);
    }

    #[test]
    fn handlers_and_unknown_attributes_never_reach_the_parser() {
        assert_eq!(
            prep("<IMG SRC=x OnErRoR=\"alert(1)\" alt=a ALT=b>"),
            "<img src=x alt=a>"
        );
        assert_eq!(prep("<x onclick=y class=z>t</x>"), "<x>t</x>");
        let (_, report) = prepare("<p onclick=a onclick=b id=c title=t>", 256, 10);
        assert_eq!(report.removed_attributes, 2);
        let many: String = (0..100_000).map(|i| format!(" a{i}")).collect();
        let (out, report) = prepare(&format!("<p{many} title=t>x</p>"), 256, 10);
        assert_eq!(out, "<p title=t>x</p>");
        assert_eq!(report.removed_attributes, 100_000);
        // Placeholders keep what the policy reads to judge them again.
        assert_eq!(
            prep("<div class=\"nv-embed\" data-nv-embed=\"video\" data-nv-src=\"/v.mp4\" id=x></div>"),
            "<div class=\"nv-embed\" data-nv-embed=\"video\" data-nv-src=\"/v.mp4\"></div>"
        );
        assert_eq!(
            prep("<video poster=p.jpg onplay=x><source src=v.mp4 type=t></video>"),
            "<video poster=p.jpg><source src=v.mp4></video>"
        );
    }

    #[test]
    fn text_never_joins_into_markup() {
        assert_eq!(prep("a<<!---->b>"), "a&lt;b>");
        assert_eq!(prep("<p>&l<!---->t;</p>"), "<p>&l<!---->t;</p>");
        assert_eq!(prep("a<"), "a<");
        assert_eq!(prep("a < b"), "a < b");
    }

    #[test]
    fn the_node_bound_cuts_the_rest() {
        let (out, report) = prepare(&"<b>x</b>".repeat(10), 256, 6);
        assert_eq!(out, "<b>x</b><b>x</b><b>x</b>");
        assert!(report.truncated);
    }

    #[test]
    fn a_second_pass_changes_nothing() {
        for html in [
            "<p>a<div>b<table><tr><td>c<li>d<dd>e<a>f<a>g</table><svg><p>h",
            "<b><div></b>x<i><ul></i>y<x><div></x>",
            "<h2>a<h3>b</h2>c<select><option>a<option>b</select><ul><li>a<ul><li>b</ul></ul>",
        ] {
            let (once, _) = prepare(html, 8, 1000);
            let (twice, _) = prepare(&once, 8, 1000);
            assert_eq!(once, twice, "{html}");
        }
    }
}
