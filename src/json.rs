//! A small, strict JSON (RFC 8259) parser into [`Json`], with depth and size limits and error
//! messages that name the path. Used for article and options input on every target, so that the
//! wasm build needs no serde and every error can name its field. With the `serde` feature, any
//! serde format deserializes into a [`Json`] too (and so into an article or options).

use std::borrow::Cow;

use crate::error::{Error, ErrorCode};

/// A parsed JSON value. Objects keep their members in document order; a repeated key's last
/// value wins on lookup. Keys such as `__proto__` have no special meaning here.
///
/// Strings and keys borrow from the parsed text (`'a`) unless they held an escape, so that
/// [`parse`] allocates only for arrays, objects and escaped strings; [`Json::into_owned`] makes
/// a value that outlives the text.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// Any JSON number.
    Number(f64),
    /// A string; lone surrogate escapes become U+FFFD.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object, members in document order.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// The value of member `key` of an object (the last one if repeated), or `None`.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The boolean, if this is a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members in document order, if this is an object.
    pub fn as_object(&self) -> Option<&[(Cow<'a, str>, Json<'a>)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The same value, owning its strings and keys.
    pub fn into_owned(self) -> Json<'static> {
        match self {
            Json::Null => Json::Null,
            Json::Bool(b) => Json::Bool(b),
            Json::Number(n) => Json::Number(n),
            Json::String(s) => Json::String(Cow::Owned(s.into_owned())),
            Json::Array(items) => Json::Array(items.into_iter().map(Json::into_owned).collect()),
            Json::Object(members) => Json::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            ),
        }
    }

    /// The JSON type name used in error messages: "null", "a boolean", "a number", ...
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// serde support (feature `serde`): any serde data format deserializes into a [`Json`], at most
/// [`JsonLimits::default`]'s depth deep (as [`parse`] reads it), so that [`crate::Article`] and
/// [`crate::Options`] can be deserialized through their one reader.
#[cfg(feature = "serde")]
mod de {
    use super::{Json, JsonLimits};
    use serde::de::{DeserializeSeed, Error, MapAccess, SeqAccess, Visitor};

    /// An owned value (any `'a`, `Json<'static>` included): strings and keys are copied.
    impl<'de, 'a> serde::Deserialize<'de> for Json<'a> {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Json<'a>, D::Error> {
            Depth(JsonLimits::default().max_depth).deserialize(d)
        }
    }

    /// A value whose arrays and objects nest at most this many levels more.
    struct Depth(usize);

    impl Depth {
        fn inner<E: Error>(&self) -> Result<Depth, E> {
            match self.0.checked_sub(1) {
                Some(d) => Ok(Depth(d)),
                None => Err(E::custom("nested too deeply")),
            }
        }
    }

    impl<'de> DeserializeSeed<'de> for Depth {
        type Value = Json<'static>;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Json<'static>, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Depth {
        type Value = Json<'static>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_unit<E: Error>(self) -> Result<Json<'static>, E> {
            Ok(Json::Null)
        }
        fn visit_none<E: Error>(self) -> Result<Json<'static>, E> {
            Ok(Json::Null)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Json<'static>, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_bool<E: Error>(self, v: bool) -> Result<Json<'static>, E> {
            Ok(Json::Bool(v))
        }
        fn visit_i64<E: Error>(self, v: i64) -> Result<Json<'static>, E> {
            Ok(Json::Number(v as f64))
        }
        fn visit_u64<E: Error>(self, v: u64) -> Result<Json<'static>, E> {
            Ok(Json::Number(v as f64))
        }
        fn visit_f64<E: Error>(self, v: f64) -> Result<Json<'static>, E> {
            if v.is_finite() {
                Ok(Json::Number(v))
            } else {
                Err(E::custom("expected a finite number"))
            }
        }
        fn visit_str<E: Error>(self, v: &str) -> Result<Json<'static>, E> {
            Ok(Json::String(v.to_owned().into()))
        }
        fn visit_string<E: Error>(self, v: String) -> Result<Json<'static>, E> {
            Ok(Json::String(v.into()))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'static>, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
            while let Some(item) = seq.next_element_seed(self.inner()?)? {
                items.push(item);
            }
            Ok(Json::Array(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'static>, A::Error> {
            let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1024));
            while let Some(key) = map.next_key::<String>()? {
                members.push((key.into(), map.next_value_seed(self.inner()?)?));
            }
            Ok(Json::Object(members))
        }
    }
}

/// Limits applied while parsing.
///
/// `max_depth` is capped at [`MAX_DEPTH_CAP`] whatever is asked: a parsed [`Json`] is
/// dropped, cloned and compared recursively by the derived impls, so its depth must stay far
/// below what a (wasm) stack holds.
#[derive(Debug, Clone, Copy)]
pub struct JsonLimits {
    /// Deepest nesting of arrays and objects accepted.
    pub max_depth: usize,
    /// Largest input accepted, in bytes.
    pub max_bytes: usize,
}

impl Default for JsonLimits {
    fn default() -> Self {
        JsonLimits {
            max_depth: 64,
            max_bytes: 32 * 1024 * 1024,
        }
    }
}

/// The deepest nesting [`parse`] ever accepts, whatever [`JsonLimits::max_depth`] says.
pub const MAX_DEPTH_CAP: usize = 1000;

/// Exact powers of ten that an `f64` holds without rounding.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of an already validated JSON number. Correctly rounded (Clinger's fast path)
/// whenever the significant digits fit in 2^53 and the decimal exponent is within ±22, which
/// covers every count, size, duration and timestamp an article carries; otherwise within a
/// few units in the last place, overflowing to ±infinity like `JSON.parse`. Written by hand so
/// that the wasm build carries no general float parser.
fn decimal_to_f64(text: &[u8]) -> f64 {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let mut mantissa: u64 = 0;
    let mut exp10: i64 = 0;
    let mut in_fraction = false;
    let mut i = 0;
    while let Some(&c) = digits.get(i) {
        match c {
            b'0'..=b'9' => {
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(c - b'0');
                    if in_fraction {
                        exp10 -= 1;
                    }
                } else if !in_fraction {
                    exp10 += 1;
                }
            }
            b'.' => in_fraction = true,
            _ => break,
        }
        i += 1;
    }
    if let Some(b'e' | b'E') = digits.get(i) {
        i += 1;
        let exp_negative = digits.get(i) == Some(&b'-');
        if let Some(b'+' | b'-') = digits.get(i) {
            i += 1;
        }
        let mut e: i64 = 0;
        while let Some(&c) = digits.get(i) {
            e = (e * 10 + i64::from(c.wrapping_sub(b'0'))).min(1_000_000);
            i += 1;
        }
        exp10 += if exp_negative { -e } else { e };
    }
    let mut value = mantissa as f64;
    while exp10 != 0 && value != 0.0 && value.is_finite() {
        let step = exp10.unsigned_abs().min(22) as usize;
        let pow = POW10.get(step).copied().unwrap_or(1e22);
        if exp10 > 0 {
            value *= pow;
            exp10 -= step as i64;
        } else {
            value /= pow;
            exp10 += step as i64;
        }
    }
    if negative {
        -value
    } else {
        value
    }
}

/// The end of the run of bytes from `at` that a JSON string holds as they are: the index of the
/// first `"`, `\\` or control character, or `b.len()`. Eight bytes at a time (the bodies are
/// long strings): a word has one of those bytes exactly when one of the three "has a zero
/// byte" tests below says so (each may also flag a byte after the first hit, never without
/// one); the word that has one is then read byte by byte.
fn plain_run_end(b: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(at..at + 8) {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let w = u64::from_le_bytes(bytes);
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        let hits = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (w.wrapping_sub(ONES * 0x20) & !w);
        if hits & HIGH != 0 {
            break;
        }
        at += 8;
    }
    while let Some(&c) = b.get(at) {
        if c == b'"' || c == b'\\' || c < 0x20 {
            break;
        }
        at += 1;
    }
    at
}

/// Parses `input` as one JSON document (RFC 8259, strictly: no comments, no trailing commas,
/// no byte order mark, no leading zeros or `+`, no unescaped control characters in strings).
///
/// The parser is iterative (an explicit stack, no recursion) and linear in the input size.
/// Numbers too large for `f64` become infinite, as in JavaScript's `JSON.parse`; the model
/// refuses them where it reads numbers. Escaped lone surrogates (`\uD800`) become U+FFFD.
/// Errors name the path of the value being read when it is known, and the line, column
/// (in characters) and byte offset: `bodyHtml: unterminated string at line 3, column 15
/// (byte 87)`.
pub fn parse<'a>(input: &'a str, limits: &JsonLimits) -> Result<Json<'a>, Error> {
    if input.len() > limits.max_bytes {
        let mut msg = String::from("input is ");
        crate::text::push_u64(&mut msg, input.len() as u64);
        msg.push_str(" bytes, more than the limit of ");
        crate::text::push_u64(&mut msg, limits.max_bytes as u64);
        return Err(Error::new("", msg).with_code(ErrorCode::Json));
    }
    Parser {
        src: input,
        b: input.as_bytes(),
        pos: 0,
        stack: Vec::new(),
        max_depth: limits.max_depth.min(MAX_DEPTH_CAP),
    }
    .run()
}

/// An open array or object.
enum Frame<'a> {
    Array {
        items: Vec<Json<'a>>,
        /// An item is being read (its index is `items.len()`).
        in_value: bool,
    },
    Object {
        members: Vec<(Cow<'a, str>, Json<'a>)>,
        /// The key whose value is being read.
        key: Option<Cow<'a, str>>,
    },
}

struct Parser<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    stack: Vec<Frame<'a>>,
    max_depth: usize,
}

impl<'a> Parser<'a> {
    fn run(mut self) -> Result<Json<'a>, Error> {
        if self.b.starts_with("\u{feff}".as_bytes()) {
            return Err(self.error_at(0, "byte order mark at the start (not allowed in JSON)"));
        }
        'value: loop {
            self.skip_ws();
            let mut value = match self.b.get(self.pos) {
                None => return Err(self.unexpected()),
                Some(b'{') => {
                    self.open()?;
                    self.skip_ws();
                    if self.b.get(self.pos) == Some(&b'}') {
                        self.pos += 1;
                        Json::Object(Vec::new())
                    } else {
                        let key = self.key()?;
                        self.stack.push(Frame::Object {
                            members: Vec::new(),
                            key: Some(key),
                        });
                        continue 'value;
                    }
                }
                Some(b'[') => {
                    self.open()?;
                    self.skip_ws();
                    if self.b.get(self.pos) == Some(&b']') {
                        self.pos += 1;
                        Json::Array(Vec::new())
                    } else {
                        self.stack.push(Frame::Array {
                            items: Vec::new(),
                            in_value: true,
                        });
                        continue 'value;
                    }
                }
                Some(b'"') => Json::String(self.string()?),
                Some(b't') => {
                    self.literal("true")?;
                    Json::Bool(true)
                }
                Some(b'f') => {
                    self.literal("false")?;
                    Json::Bool(false)
                }
                Some(b'n') => {
                    self.literal("null")?;
                    Json::Null
                }
                Some(b'-' | b'0'..=b'9') => Json::Number(self.number()?),
                Some(_) => return Err(self.unexpected()),
            };
            // `value` is complete: hand it to the enclosing frame, closing frames as we go.
            loop {
                self.skip_ws();
                let next = self.b.get(self.pos).copied();
                let close = match self.stack.last_mut() {
                    None => {
                        if next.is_some() {
                            return Err(self.error_at(
                                self.pos,
                                "unexpected text after the end of the document",
                            ));
                        }
                        return Ok(value);
                    }
                    Some(Frame::Array { items, in_value }) => {
                        items.push(value);
                        *in_value = false;
                        b']'
                    }
                    Some(Frame::Object { members, key }) => {
                        members.push((key.take().unwrap_or_default(), value));
                        b'}'
                    }
                };
                if next == Some(b',') {
                    self.pos += 1;
                    if close == b'}' {
                        self.skip_ws();
                        let k = self.key()?;
                        if let Some(Frame::Object { key, .. }) = self.stack.last_mut() {
                            *key = Some(k);
                        }
                    } else if let Some(Frame::Array { in_value, .. }) = self.stack.last_mut() {
                        *in_value = true;
                    }
                    continue 'value;
                }
                if next != Some(close) {
                    return Err(self.expected(if close == b']' {
                        "',' or ']'"
                    } else {
                        "',' or '}'"
                    }));
                }
                self.pos += 1;
                // The top is the frame just closed.
                value = match self.stack.pop() {
                    Some(Frame::Array { items, .. }) => Json::Array(items),
                    Some(Frame::Object { members, .. }) => Json::Object(members),
                    None => Json::Null,
                };
            }
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.pos) {
            self.pos += 1;
        }
    }

    /// Consumes `{` or `[`, refusing nesting beyond the limit.
    fn open(&mut self) -> Result<(), Error> {
        if self.stack.len() >= self.max_depth {
            let mut msg = String::from("nesting deeper than ");
            crate::text::push_u64(&mut msg, self.max_depth as u64);
            msg.push_str(" levels");
            return Err(self.error_at(self.pos, &msg));
        }
        self.pos += 1;
        Ok(())
    }

    /// Reads `"key"` and the `:` after it; whitespace before the key is already skipped.
    fn key(&mut self) -> Result<Cow<'a, str>, Error> {
        if self.b.get(self.pos) != Some(&b'"') {
            return Err(self.expected("a string key in double quotes"));
        }
        let key = self.string()?;
        self.skip_ws();
        if self.b.get(self.pos) != Some(&b':') {
            return Err(self.expected("':' after the key"));
        }
        self.pos += 1;
        Ok(key)
    }

    fn literal(&mut self, word: &str) -> Result<(), Error> {
        if self
            .b
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word.as_bytes()))
        {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.b.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<f64, Error> {
        let start = self.pos;
        let bad = |p: &Self| Err(p.error_at(start, "invalid number"));
        if self.b.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.b.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if self.b.get(self.pos).is_some_and(u8::is_ascii_digit) {
                    return Err(self.error_at(start, "invalid number (leading zero)"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return bad(self),
        }
        if self.b.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return bad(self);
            }
        }
        if let Some(b'e' | b'E') = self.b.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.b.get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return bad(self);
            }
        }
        match self.src.get(start..self.pos) {
            Some(text) => Ok(decimal_to_f64(text.as_bytes())),
            None => bad(self),
        }
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let mut v = 0;
        for i in 0..4 {
            let d = char::from(*self.b.get(at + i)?).to_digit(16)?;
            v = v * 16 + d;
        }
        Some(v)
    }

    /// Reads a string; `self.pos` is at the opening quote.
    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        let open = self.pos;
        self.pos += 1;
        let mut out: Option<String> = None;
        loop {
            let run = self.pos;
            self.pos = plain_run_end(self.b, run);
            // The run ends before an ASCII byte or at the end, so it is a char boundary.
            let src: &'a str = self.src;
            let text = src.get(run..self.pos).unwrap_or_default();
            match self.b.get(self.pos) {
                None => return Err(self.error_at(open, "unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    // Most strings have no escape: borrowed from the input, no allocation.
                    return Ok(match out {
                        None => Cow::Borrowed(text),
                        Some(mut out) => {
                            out.push_str(text);
                            Cow::Owned(out)
                        }
                    });
                }
                Some(b'\\') => {
                    let out = out.get_or_insert_with(String::new);
                    out.push_str(text);
                    self.escape(out)?;
                }
                Some(_) => {
                    return Err(
                        self.error_at(self.pos, "control character in string (must be escaped)")
                    )
                }
            }
        }
    }

    /// Reads one escape; `self.pos` is at the backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let at = self.pos;
        let c = match self.b.get(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let Some(unit) = self.hex4(at + 2) else {
                    return Err(self.error_at(at, "invalid \\u escape (four hex digits expected)"));
                };
                self.pos = at + 6;
                let c = if (0xD800..0xDC00).contains(&unit) {
                    // A high surrogate: combine with a following low one, else U+FFFD.
                    let low = (self.b.get(self.pos) == Some(&b'\\')
                        && self.b.get(self.pos + 1) == Some(&b'u'))
                    .then(|| self.hex4(self.pos + 2))
                    .flatten()
                    .filter(|u| (0xDC00..0xE000).contains(u));
                    match low {
                        Some(low) => {
                            self.pos += 6;
                            char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                        }
                        None => None,
                    }
                } else {
                    char::from_u32(unit)
                };
                out.push(c.unwrap_or('\u{fffd}'));
                return Ok(());
            }
            None => return Err(self.error_at(at, "unterminated string")),
            Some(_) => return Err(self.error_at(at, "invalid escape")),
        };
        out.push(c);
        self.pos = at + 2;
        Ok(())
    }

    /// The character at `self.pos`, if any.
    fn next_char(&self) -> Option<char> {
        self.src.get(self.pos..)?.chars().next()
    }

    fn unexpected(&self) -> Error {
        match self.next_char() {
            None => self.error_at(self.pos, "unexpected end of input"),
            Some(c) if c.is_control() => self.error_at(self.pos, "unexpected control character"),
            Some(c) => {
                let mut msg = String::from("unexpected character '");
                msg.push(c);
                msg.push('\'');
                self.error_at(self.pos, &msg)
            }
        }
    }

    fn expected(&self, what: &str) -> Error {
        let mut msg = String::from("expected ");
        msg.push_str(what);
        match self.next_char() {
            None => msg.push_str(", got the end of input"),
            Some(c) if !c.is_control() => {
                msg.push_str(", got '");
                msg.push(c);
                msg.push('\'');
            }
            Some(_) => msg.push_str(", got a control character"),
        }
        self.error_at(self.pos, &msg)
    }

    /// An error at byte `at`, with the path of the value being read.
    fn error_at(&self, at: usize, what: &str) -> Error {
        let at = at.min(self.b.len());
        // Line and column (in characters: the bytes that start a UTF-8 sequence) in one pass.
        let (mut line, mut column) = (1usize, 1usize);
        for &c in self.b.get(..at).unwrap_or_default() {
            if c == b'\n' {
                line += 1;
                column = 1;
            } else if (c & 0xC0) != 0x80 {
                column += 1;
            }
        }
        let mut msg = String::with_capacity(what.len() + 40);
        msg.push_str(what);
        msg.push_str(" at line ");
        crate::text::push_u64(&mut msg, line as u64);
        msg.push_str(", column ");
        crate::text::push_u64(&mut msg, column as u64);
        msg.push_str(" (byte ");
        crate::text::push_u64(&mut msg, at as u64);
        msg.push(')');
        Error::new(self.path(), msg).with_code(ErrorCode::Json)
    }

    /// `a.b[3].c` for the value being read.
    fn path(&self) -> String {
        let mut path = String::new();
        for frame in &self.stack {
            match frame {
                Frame::Array {
                    items,
                    in_value: true,
                } => {
                    path.push('[');
                    crate::text::push_u64(&mut path, items.len() as u64);
                    path.push(']');
                }
                Frame::Object { key: Some(k), .. } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                }
                _ => break,
            }
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::{decimal_to_f64, plain_run_end};

    #[test]
    fn numbers_read_as_the_standard_float_parser_reads_them() {
        for text in [
            "0",
            "-0",
            "1",
            "66",
            "95",
            "2.5",
            "0.1",
            "1.2e3",
            "12E-1",
            "-7.25",
            "1773554400000",
            "9007199254740991",
            "123456.789",
            "1e22",
            "1e-22",
            "3.0e+2",
            "0.000001",
        ] {
            let expected: f64 = text.parse().unwrap();
            assert_eq!(decimal_to_f64(text.as_bytes()), expected, "{text}");
        }
    }

    #[test]
    fn extreme_numbers_overflow_and_underflow_like_json_parse() {
        assert_eq!(decimal_to_f64(b"1e400"), f64::INFINITY);
        assert_eq!(decimal_to_f64(b"-1e400"), f64::NEG_INFINITY);
        assert_eq!(decimal_to_f64(b"1e-400"), 0.0);
        let long = "1".repeat(40);
        let expected: f64 = long.parse().unwrap();
        let got = decimal_to_f64(long.as_bytes());
        assert!(
            ((got - expected) / expected).abs() < 1e-15,
            "{got} vs {expected}"
        );
        assert!(decimal_to_f64(b"1e999999999999").is_infinite());
    }

    #[test]
    fn plain_runs_end_where_the_byte_by_byte_scan_ends() {
        // Each stop byte, its neighbours and its high-bit twin, at every offset of a word.
        let edges = [
            b'"', b'\\', 0x00, 0x1f, 0x20, 0x21, 0x5b, 0x5d, 0x7f, 0x80, 0x9f,
        ];
        let twins = [0xa2, 0xdc, 0xa0, 0xff, b'a', 0xe4];
        for &stop in edges.iter().chain(&twins) {
            for len in 0..20 {
                for at in 0..len {
                    let mut b = vec![b'a'; len];
                    b[at] = stop;
                    for from in 0..=len {
                        let naive = b[from..]
                            .iter()
                            .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                            .map_or(len, |i| from + i);
                        assert_eq!(plain_run_end(&b, from), naive, "{b:?} from {from}");
                    }
                }
            }
        }
    }

    use super::*;

    fn p(s: &str) -> Result<Json<'_>, Error> {
        parse(s, &JsonLimits::default())
    }

    fn ok(s: &str) -> Json<'_> {
        p(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn err(s: &str) -> Error {
        match p(s) {
            Ok(v) => panic!("{s} parsed as {v:?}"),
            Err(e) => e,
        }
    }

    fn string(s: &str) -> Json<'_> {
        Json::String(s.into())
    }

    #[test]
    fn scalars() {
        assert_eq!(ok("null"), Json::Null);
        assert_eq!(ok("true"), Json::Bool(true));
        assert_eq!(ok("false"), Json::Bool(false));
        assert_eq!(ok("\"hi\""), string("hi"));
        assert_eq!(ok("42"), Json::Number(42.0));
    }

    #[test]
    fn nested_structures_keep_order() {
        let v = ok(r#" { "a" : [1, {"b": null}, []], "c": {} , "d": "x" } "#);
        assert_eq!(
            v,
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Number(1.0),
                        Json::Object(vec![("b".into(), Json::Null)]),
                        Json::Array(vec![]),
                    ])
                ),
                ("c".into(), Json::Object(vec![])),
                ("d".into(), string("x")),
            ])
        );
    }

    #[test]
    fn whitespace_is_only_the_four_json_characters() {
        assert_eq!(
            ok(" \t\r\n[ 1 ,\n2 ]\n"),
            Json::Array(vec![Json::Number(1.0), Json::Number(2.0)])
        );
        err("\u{a0}1");
        err("[1,\u{c}2]");
        err("\u{2028}1");
    }

    #[test]
    fn numbers() {
        for (s, n) in [
            ("0", 0.0),
            ("-0", -0.0),
            ("1.5", 1.5),
            ("-12.25e2", -1225.0),
            ("1E+2", 100.0),
            ("1e-2", 0.01),
            ("123456789012", 123_456_789_012.0),
        ] {
            assert_eq!(ok(s), Json::Number(n), "{s}");
        }
    }

    #[test]
    fn huge_numbers_become_infinite_like_javascript() {
        assert_eq!(ok("1e400"), Json::Number(f64::INFINITY));
        assert_eq!(ok("-1e400"), Json::Number(f64::NEG_INFINITY));
    }

    #[test]
    fn invalid_numbers() {
        for s in [
            "01",
            "-01",
            "+1",
            ".5",
            "1.",
            "1.e2",
            "1e",
            "1e+",
            "-",
            "0x10",
            "NaN",
            "Infinity",
            "-Infinity",
            "1_000",
        ] {
            assert!(p(s).is_err(), "{s}");
        }
        assert!(err("01")
            .message()
            .starts_with("invalid number (leading zero)"));
    }

    #[test]
    fn escapes() {
        assert_eq!(
            ok(r#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u4e2d""#),
            string("\" \\ / \u{8} \u{c} \n \r \t A é 中")
        );
    }

    #[test]
    fn surrogate_pairs_combine() {
        assert_eq!(ok(r#""\ud83d\ude00""#), string("😀"));
        assert_eq!(ok(r#""\uD83D\uDE00x""#), string("😀x"));
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(ok(r#""\uD800""#), string("\u{fffd}"));
        assert_eq!(ok(r#""a\uDC00b""#), string("a\u{fffd}b"));
        assert_eq!(ok(r#""\uD800\u0041""#), string("\u{fffd}A"));
        assert_eq!(ok(r#""\uD800\uD800\uDC00""#), string("\u{fffd}𐀀"));
        assert_eq!(ok(r#""\uDBFF\n""#), string("\u{fffd}\n"));
        assert_eq!(ok(r#""\uD800\\""#), string("\u{fffd}\\"));
    }

    #[test]
    fn invalid_escapes() {
        for s in [
            r#""\x""#,
            r#""\u12""#,
            r#""\u12G4""#,
            r#""\U0041""#,
            r#""\'""#,
            "\"\\",
        ] {
            assert!(p(s).is_err(), "{s}");
        }
    }

    #[test]
    fn raw_control_characters_in_strings_are_refused() {
        let e = err("\"a\tb\"");
        assert!(
            e.message().starts_with("control character in string"),
            "{e}"
        );
        assert!(p("\"a\u{0}b\"").is_err());
        assert!(p("\"a\nb\"").is_err());
        // DEL and C1 controls are not JSON control characters.
        assert_eq!(ok("\"\u{7f}\u{85}\""), string("\u{7f}\u{85}"));
    }

    #[test]
    fn non_ascii_text_is_kept() {
        assert_eq!(ok("\"看看新闻Knews 😀\""), string("看看新闻Knews 😀"));
    }

    #[test]
    fn literals_are_case_sensitive_and_whole() {
        for s in ["True", "nul", "nulll", "fals", "tru e", "undefined"] {
            assert!(p(s).is_err(), "{s}");
        }
    }

    #[test]
    fn no_trailing_commas_or_comments() {
        for s in [
            "[1,]",
            "{\"a\":1,}",
            "[1 2]",
            "{\"a\" 1}",
            "{a:1}",
            "{'a':1}",
            "[1]//x",
            "/*x*/1",
            "[,1]",
            "{,}",
        ] {
            assert!(p(s).is_err(), "{s}");
        }
    }

    #[test]
    fn one_document_only() {
        let e = err("{} {}");
        assert!(
            e.message().starts_with("unexpected text after the end"),
            "{e}"
        );
        assert!(p("1 2").is_err());
        assert!(p("").is_err());
        assert!(p("   ").is_err());
        assert_eq!(
            err("").message(),
            "unexpected end of input at line 1, column 1 (byte 0)"
        );
    }

    #[test]
    fn byte_order_mark_is_refused() {
        let e = err("\u{feff}{}");
        assert!(e.message().starts_with("byte order mark"), "{e}");
    }

    #[test]
    fn max_bytes() {
        let limits = JsonLimits {
            max_depth: 64,
            max_bytes: 4,
        };
        assert!(parse("1234", &limits).is_ok());
        let e = parse("12345", &limits).unwrap_err();
        assert_eq!(e.message(), "input is 5 bytes, more than the limit of 4");
        assert_eq!(e.code(), ErrorCode::Json);
    }

    #[test]
    fn max_depth() {
        let limits = JsonLimits {
            max_depth: 3,
            max_bytes: 1000,
        };
        assert!(parse("[[[1]]]", &limits).is_ok());
        assert!(parse(r#"{"a":{"b":[]}}"#, &limits).is_ok());
        let e = parse(r#"{"a":{"b":[[]]}}"#, &limits).unwrap_err();
        assert_eq!(e.path(), "a.b[0]");
        assert_eq!(e.code(), ErrorCode::Json);
        assert!(
            e.message().starts_with("nesting deeper than 3 levels"),
            "{e}"
        );
    }

    #[test]
    fn deep_nesting_is_refused_without_stack_overflow() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let e = p(&deep).unwrap_err();
        assert!(
            e.message().starts_with("nesting deeper than 64 levels"),
            "{e}"
        );
        let deep_obj = "{\"a\":".repeat(100_000) + "1" + &"}".repeat(100_000);
        assert!(p(&deep_obj).is_err());
        // Even when asked for more, the depth is capped.
        let unlimited = JsonLimits {
            max_depth: usize::MAX,
            max_bytes: usize::MAX,
        };
        let e = parse(&deep, &unlimited).unwrap_err();
        assert!(
            e.message().starts_with("nesting deeper than 1000 levels"),
            "{e}"
        );
        let ok_deep = "[".repeat(MAX_DEPTH_CAP) + &"]".repeat(MAX_DEPTH_CAP);
        assert!(parse(&ok_deep, &unlimited).is_ok());
    }

    #[test]
    fn unclosed_deep_nesting_is_an_error_not_a_crash() {
        assert!(p(&"[".repeat(50)).is_err());
        assert!(p(&"{\"a\":".repeat(50)).is_err());
    }

    #[test]
    fn proto_keys_are_ordinary_keys() {
        let v = ok(r#"{"__proto__": {"polluted": true}, "constructor": 1}"#);
        assert_eq!(
            v.get("__proto__"),
            Some(&Json::Object(vec![("polluted".into(), Json::Bool(true))]))
        );
        assert_eq!(v.get("constructor"), Some(&Json::Number(1.0)));
        assert_eq!(v.get("polluted"), None);
    }

    #[test]
    fn duplicate_keys_last_wins() {
        let v = ok(r#"{"a": 1, "b": 2, "a": 3}"#);
        assert_eq!(v.get("a"), Some(&Json::Number(3.0)));
        assert_eq!(v.as_object().map(<[_]>::len), Some(3));
    }

    #[test]
    fn keys_may_be_escaped() {
        let v = ok(r#"{"\u0061": 1, "": 2}"#);
        assert_eq!(v.get("a"), Some(&Json::Number(1.0)));
        assert_eq!(v.get(""), Some(&Json::Number(2.0)));
    }

    #[test]
    fn error_names_the_path_and_position() {
        let e = err("{\n  \"title\": \"x\",\n  \"bodyHtml\": \"<p>never ends");
        assert_eq!(e.path(), "bodyHtml");
        assert_eq!(e.code(), ErrorCode::Json);
        assert_eq!(
            e.message(),
            "unterminated string at line 3, column 15 (byte 32)"
        );
        assert_eq!(
            e.to_message(),
            "bodyHtml: unterminated string at line 3, column 15 (byte 32)"
        );
    }

    #[test]
    fn error_path_through_arrays() {
        let e = err(r#"{"relatedVideos": [{"id": "1"}, {"id": "2", "durationSeconds": 01}]}"#);
        assert_eq!(e.path(), "relatedVideos[1].durationSeconds");
        let e = err("[1, 2, tru]");
        assert_eq!(e.path(), "[2]");
    }

    #[test]
    fn error_after_a_value_names_the_container() {
        let e = err(r#"{"a": [1, 2 3]}"#);
        assert_eq!(e.path(), "a");
        assert!(
            e.message().starts_with("expected ',' or ']', got '3'"),
            "{e}"
        );
        let e = err(r#"{"a": {"b": 1 "c": 2}}"#);
        assert_eq!(e.path(), "a");
        assert!(
            e.message().starts_with("expected ',' or '}', got '\"'"),
            "{e}"
        );
        let e = err(r#"{"a": 1, 2}"#);
        assert_eq!(e.path(), "");
        assert!(e.message().starts_with("expected a string key"), "{e}");
    }

    #[test]
    fn column_counts_characters() {
        let e = err("{\"标题\": x}");
        assert_eq!(e.path(), "标题");
        assert_eq!(
            e.message(),
            "unexpected character 'x' at line 1, column 8 (byte 11)"
        );
    }

    #[test]
    fn get_on_non_objects_is_none() {
        assert_eq!(ok("[1]").get("0"), None);
        assert_eq!(ok("\"a\"").get("a"), None);
    }

    #[test]
    fn accessors() {
        let v = ok(r#"{"s": "x", "n": 1, "b": true, "a": [null]}"#);
        assert_eq!(v.get("s").and_then(Json::as_str), Some("x"));
        assert_eq!(v.get("n").and_then(Json::as_f64), Some(1.0));
        assert_eq!(v.get("b").and_then(Json::as_bool), Some(true));
        assert_eq!(v.get("a").and_then(Json::as_array), Some(&[Json::Null][..]));
        assert_eq!(v.get("s").and_then(Json::as_f64), None);
        assert_eq!(v.get("a").map(Json::type_name), Some("an array"));
    }

    #[test]
    fn large_input_is_linear() {
        // 200 000 array items and a 4 MB string parse quickly (a quadratic parser would not).
        let big = "[".to_owned() + &"1,".repeat(200_000) + "1]";
        assert_eq!(ok(&big).as_array().map(<[_]>::len), Some(200_001));
        let long = "\"".to_owned() + &"a\\n".repeat(1_000_000) + "\"";
        assert_eq!(ok(&long).as_str().map(str::len), Some(2_000_000));
    }
}
