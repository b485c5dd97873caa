//! Typed reading of a parsed JSON value, with errors that name the field (`path: expected a
//! string, got a number`): the primitives the article, options and limits readers share. A leaf
//! of the input layer: it knows JSON values and errors, nothing of what is read.

use crate::error::{Error, Path};
use crate::json::Json;

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
pub(crate) fn present<'j>(obj: &'j Json, key: &str) -> Option<&'j Json> {
    obj.get(key).filter(|v| !matches!(v, Json::Null))
}

/// Member `key`, which must be there (it may be `null`, which the type check then refuses).
pub(crate) fn required<'j>(obj: &'j Json, key: &str, parent: &Path<'_>) -> Result<&'j Json, Error> {
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
pub(crate) fn array<'j>(obj: &'j Json, key: &str, parent: &Path<'_>) -> Result<&'j [Json], Error> {
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
