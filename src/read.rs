//! Typed reading of a parsed JSON value, with errors that name the field (`path: expected a
//! string, got a number`): the primitives the article, options and limits readers share. A leaf
//! of the input layer: it knows JSON values and errors, nothing of what is read.

use crate::error::{Error, Path};
use crate::json::Json;

/// Declares the members of one JSON object newsview reads, once: a table of the keys (what the
/// reader may name, through [`key!`], checked at compile time) and, natively, the same members
/// with their TypeScript types and docs (from which the tests generate the `.d.ts` and the
/// docs). The wasm holds at most the names.
///
/// ```text
/// declare_fields! {
///     /// doc of KEYS
///     pub const KEYS;
///     /// doc of FIELDS
///     pub const FIELDS;
///     "name" required: "string", "Display name.";
///     "avatar": "string | null", "Avatar URL.";
/// }
/// ```
macro_rules! declare_fields {
    (
        $(#[$keys_meta:meta])* $keys_vis:vis const $keys:ident;
        $(#[$fields_meta:meta])* $fields_vis:vis const $fields:ident;
        $( $name:literal $($required:ident)?: $ts:literal, $doc:literal; )*
    ) => {
        $(#[$keys_meta])*
        $keys_vis const $keys: &[&str] = &[$($name),*];

        $(#[$fields_meta])*
        #[cfg(not(target_arch = "wasm32"))]
        $fields_vis const $fields: &[$crate::read::Field] = &[
            $( $crate::read::Field {
                name: $name,
                ts: $ts,
                doc: $doc,
                required: $crate::read::declare_fields!(@required $($required)?),
            }, )*
        ];
    };
    (@required required) => { true };
    (@required) => { false };
}
pub(crate) use declare_fields;

/// The key `$key`, which must be one of `$keys` (a table of [`declare_fields!`]), checked at
/// compile time, so that a reader cannot name a member its declaration lacks; the check costs
/// the wasm nothing.
macro_rules! key {
    ($keys:expr, $key:literal) => {{
        const _: () = assert!(
            $crate::read::contains($keys, $key),
            concat!("a key its declaration lacks: ", $key)
        );
        $key
    }};
}
pub(crate) use key;

/// One member of a declared JSON object ([`declare_fields!`]), as the TypeScript types and the
/// docs describe it. Not compiled into the wasm.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The member's name (`maxDepth`).
    pub name: &'static str,
    /// Its TypeScript type.
    pub ts: &'static str,
    /// Its doc (JSDoc text, `@defaultValue` included).
    pub doc: &'static str,
    /// Whether the member must be there.
    pub required: bool,
}

/// Whether `list` holds `key` (at compile time in [`key!`]).
pub(crate) const fn contains(list: &[&str], key: &str) -> bool {
    let mut i = 0;
    while i < list.len() {
        let (a, b) = (list[i].as_bytes(), key.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// `expected X, got Y`.
pub(crate) fn type_error(path: &Path<'_>, expected: &str, got: &Json) -> Error {
    let mut msg = String::with_capacity(32);
    msg.push_str("expected ");
    msg.push_str(expected);
    msg.push_str(", got ");
    msg.push_str(got.type_name());
    path.error(msg)
}

/// Member `key`, unless absent or `null`.
pub(crate) fn present<'j, 'a>(obj: &'j Json<'a>, key: &str) -> Option<&'j Json<'a>> {
    obj.get(key).filter(|v| !matches!(v, Json::Null))
}

/// Member `key`, which must be there (it may be `null`, which the type check then refuses).
pub(crate) fn required<'j, 'a>(
    obj: &'j Json<'a>,
    key: &str,
    parent: &Path<'_>,
) -> Result<&'j Json<'a>, Error> {
    obj.get(key)
        .ok_or_else(|| parent.key(key).error("required field is missing"))
}

pub(crate) fn object(v: &Json, path: &Path<'_>) -> Result<(), Error> {
    match v {
        Json::Object(_) => Ok(()),
        _ => Err(type_error(path, "an object", v)),
    }
}

/// The items of array member `key`; absent or `null` is empty.
pub(crate) fn array<'j, 'a>(
    obj: &'j Json<'a>,
    key: &str,
    parent: &Path<'_>,
) -> Result<&'j [Json<'a>], Error> {
    match present(obj, key) {
        None => Ok(&[]),
        Some(Json::Array(items)) => Ok(items),
        Some(other) => Err(type_error(&parent.key(key), "an array", other)),
    }
}

pub(crate) fn str_of<'j>(v: &'j Json, path: &Path<'_>) -> Result<&'j str, Error> {
    match v {
        Json::String(s) => Ok(s),
        _ => Err(type_error(path, "a string", v)),
    }
}

/// Removes U+0000 and, with `trim`, surrounding white space.
pub(crate) fn clean(s: &str, trim: bool) -> String {
    let s = if trim { s.trim() } else { s };
    if s.contains('\0') {
        let stripped: String = s.chars().filter(|&c| c != '\0').collect();
        if trim {
            stripped.trim().to_owned()
        } else {
            stripped
        }
    } else {
        s.to_owned()
    }
}

/// A required text value: a string, cleaned and trimmed.
pub(crate) fn text(v: &Json, path: &Path<'_>) -> Result<String, Error> {
    Ok(clean(str_of(v, path)?, true))
}

/// An optional text member; empty after trimming counts as absent.
pub(crate) fn opt_text(obj: &Json, key: &str, parent: &Path<'_>) -> Result<Option<String>, Error> {
    match present(obj, key) {
        None => Ok(None),
        Some(v) => {
            let t = text(v, &parent.key(key))?;
            Ok((!t.is_empty()).then_some(t))
        }
    }
}

/// A finite number ≥ 0.
pub(crate) fn non_negative(v: &Json, path: &Path<'_>) -> Result<f64, Error> {
    let Json::Number(n) = v else {
        return Err(type_error(path, "a number", v));
    };
    let n = *n;
    if !n.is_finite() {
        return Err(path.error("expected a finite number"));
    }
    if n < 0.0 {
        return Err(path.error("expected a number >= 0, got a negative number"));
    }
    Ok(n)
}

/// A whole number ≥ 0, clamped to `u64::MAX`.
pub(crate) fn count(v: &Json, path: &Path<'_>) -> Result<u64, Error> {
    let n = non_negative(v, path)?;
    if n.fract() != 0.0 {
        return Err(path.error("expected a whole number, got a fraction"));
    }
    // `as` saturates: values beyond u64::MAX become u64::MAX.
    Ok(n as u64)
}
