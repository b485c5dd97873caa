//! The one error type. Every message names the field at fault, e.g.
//! `relatedVideos[3].durationSeconds: expected a number`.

/// An error in article or options input. `path` is the JSON path of the field at fault
/// (`relatedVideos[3].durationSeconds`, or empty for the document itself); [`ErrorCode`] says
/// what kind of fault it is, for a host to act on without reading the message.
///
/// Boxed: a `Result<T, Error>` then carries one pointer on its error side, which keeps the many
/// `?` of the readers small in the wasm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<ErrorParts>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct ErrorParts {
    code: ErrorCode,
    path: String,
    message: String,
}

/// What kind of fault an [`Error`] is. The JS API carries it as `NewsviewError.code` (its
/// [`ErrorCode::as_str`]), beside codes of its own (`http`, `network`, `timeout`, `panic`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// A field has the wrong type or value, or a required one is missing: `invalid`.
    Invalid,
    /// The text is not JSON, or is beyond the JSON reader's bounds (size, nesting): `json`.
    Json,
    /// `schemaVersion` names a version this crate does not read: `schema-version`.
    SchemaVersion,
}

impl ErrorCode {
    /// Every code, in the order the TypeScript `ErrorCode` union lists them (before the JS
    /// layer's own, [`JS_ERROR_CODES`]).
    pub const ALL: [ErrorCode; 3] = [
        ErrorCode::Invalid,
        ErrorCode::Json,
        ErrorCode::SchemaVersion,
    ];

    /// What the code means, for the TypeScript types. Not compiled into the wasm.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn doc(self) -> &'static str {
        match self {
            ErrorCode::Invalid => {
                "a field of the article or options has the wrong type or value, or is missing"
            }
            ErrorCode::Json => {
                "the article or options text is not JSON, or is beyond the JSON reader's bounds \
                 (32 MiB, nesting 64 levels)"
            }
            ErrorCode::SchemaVersion => {
                "the article's `schemaVersion` is one this newsview does not read"
            }
        }
    }

    /// `invalid`, `json` or `schema-version`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Invalid => "invalid",
            ErrorCode::Json => "json",
            ErrorCode::SchemaVersion => "schema-version",
        }
    }
}

impl Error {
    /// Makes an error for the field at `path` with a message that says what was expected
    /// (code [`ErrorCode::Invalid`]).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::from_parts(path.into(), message.into())
    }

    fn from_parts(path: String, message: String) -> Self {
        Error(Box::new(ErrorParts {
            code: ErrorCode::Invalid,
            path,
            message,
        }))
    }

    /// The same error with code `code`.
    pub fn with_code(mut self, code: ErrorCode) -> Self {
        self.0.code = code;
        self
    }

    /// What kind of fault this is.
    pub fn code(&self) -> ErrorCode {
        self.0.code
    }

    /// The JSON path of the field at fault (empty for the whole document).
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// What was wrong, without the path.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// `path: message`, or `message` alone when the path is empty. Built without `format!`
    /// so that the wasm build carries no formatting machinery for it.
    pub fn to_message(&self) -> String {
        let ErrorParts { path, message, .. } = &*self.0;
        let mut out = String::with_capacity(path.len() + message.len() + 2);
        if !path.is_empty() {
            out.push_str(path);
            out.push_str(": ");
        }
        out.push_str(message);
        out
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.to_message())
    }
}

impl std::error::Error for Error {}

/// A field that was dropped or changed because it was unsafe or unusable, reported to the host
/// (`view.warnings` and the `nv-warning` event) while the rest of the article renders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The JSON path of the field.
    pub path: String,
    /// What kind of change it was.
    pub code: WarningCode,
    /// What was done and why.
    pub message: String,
}

/// What kind of change a [`Warning`] reports. The JS API carries it as `code` (its
/// [`WarningCode::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningCode {
    /// A URL the URL policy refused: the field, or the item it belongs to, was dropped: `url`.
    Url,
    /// A media URL from a host that `allowMediaHosts` does not list: dropped as a refused URL
    /// is: `media-host`.
    MediaHost,
    /// An empty name or required URL: the item was dropped: `empty`.
    Empty,
    /// A text or the body was cut at a limit: `truncated`.
    Truncated,
    /// Items past a list's limit were not kept: `limit`.
    Limit,
    /// The body sanitizer removed or changed something (one summary for the body): `sanitized`.
    Sanitized,
    /// More warnings than are listed; this one counts the rest: `more`.
    More,
}

/// The codes of `NewsviewError.code` the JS layer sets itself, with what each means (after
/// [`ErrorCode::ALL`] in the TypeScript `ErrorCode` union). Not compiled into the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub const JS_ERROR_CODES: &[(&str, &str)] = &[
    ("http", "`<news-view src>` got an HTTP error status"),
    (
        "network",
        "`<news-view src>` could not fetch its JSON (a network error)",
    ),
    (
        "timeout",
        "`<news-view src>` got no response within its `timeout`",
    ),
    (
        "content-type",
        "`<news-view src>` got a response that is not JSON",
    ),
    (
        "panic",
        "a trap in the wasm (a bug); the module was restarted",
    ),
    (
        "dom",
        "the browser refused a DOM operation (e.g. the container cannot have a shadow root)",
    ),
    (
        "init",
        "the wasm could not be fetched, compiled or instantiated",
    ),
    ("destroyed", "a view method was called after `destroy()`"),
];

impl WarningCode {
    /// Every code, in the order the TypeScript `WarningCode` union lists them.
    pub const ALL: [WarningCode; 7] = [
        WarningCode::Url,
        WarningCode::MediaHost,
        WarningCode::Empty,
        WarningCode::Truncated,
        WarningCode::Limit,
        WarningCode::Sanitized,
        WarningCode::More,
    ];

    /// What the code means, for the TypeScript types. Not compiled into the wasm.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn doc(self) -> &'static str {
        match self {
            WarningCode::Url => {
                "a URL the URL policy refused; the field, or the item it belongs to, was dropped"
            }
            WarningCode::MediaHost => {
                "a media URL on a host `sanitize.allowMediaHosts` does not list (and no \
                 `mediaProxy`); dropped as a refused URL is"
            }
            WarningCode::Empty => "an empty name or required URL; the item was dropped",
            WarningCode::Truncated => "a text or the body was cut at a limit (`options.limits`)",
            WarningCode::Limit => "items past a list's limit were not kept",
            WarningCode::Sanitized => {
                "the body sanitizer removed or changed something (one summary for the body)"
            }
            WarningCode::More => {
                "more than 100 warnings; this last one counts the rest (its `path` is `\"\"`)"
            }
        }
    }

    /// `url`, `media-host`, `empty`, `truncated`, `limit`, `sanitized` or `more`.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::Url => "url",
            WarningCode::MediaHost => "media-host",
            WarningCode::Empty => "empty",
            WarningCode::Truncated => "truncated",
            WarningCode::Limit => "limit",
            WarningCode::Sanitized => "sanitized",
            WarningCode::More => "more",
        }
    }
}

/// A JSON path, built lazily on the stack while a document is read and only written out when
/// an error or warning needs it. Root segments are written as given (`""` or `"options"`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Path<'a> {
    /// The document itself, under a prefix (`""` for an article, `"options"` for options).
    Root(&'a str),
    /// Member `key` of the parent.
    Key(&'a Path<'a>, &'a str),
    /// Item `index` of the parent.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of member `key`.
    pub(crate) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The path of item `index`.
    pub(crate) fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// `relatedVideos[3].durationSeconds`, `options.share[2]`.
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// Appends the path to `out`: the parent's first. Recursive: a path is as deep as the
    /// readers' own nesting (a handful of frames, whatever the input), not the document's.
    fn write(&self, out: &mut String) {
        match self {
            Path::Root(prefix) => out.push_str(prefix),
            Path::Key(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.write(out);
                out.push('[');
                crate::text::push_u64(out, *i as u64);
                out.push(']');
            }
        }
    }

    /// An error at this path.
    pub(crate) fn error(&self, message: impl Into<String>) -> Error {
        Error::from_parts(self.render(), message.into())
    }

    /// A warning of kind `code` at this path.
    pub(crate) fn warning(&self, code: WarningCode, message: String) -> Warning {
        Warning {
            path: self.render(),
            code,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_code_once() {
        // A new variant fails to compile here until it has a place in ALL.
        let place = |c: ErrorCode| match c {
            ErrorCode::Invalid => 0,
            ErrorCode::Json => 1,
            ErrorCode::SchemaVersion => 2,
        };
        for (i, c) in ErrorCode::ALL.into_iter().enumerate() {
            assert_eq!(place(c), i, "{c:?}");
        }
        let place = |c: WarningCode| match c {
            WarningCode::Url => 0,
            WarningCode::MediaHost => 1,
            WarningCode::Empty => 2,
            WarningCode::Truncated => 3,
            WarningCode::Limit => 4,
            WarningCode::Sanitized => 5,
            WarningCode::More => 6,
        };
        for (i, c) in WarningCode::ALL.into_iter().enumerate() {
            assert_eq!(place(c), i, "{c:?}");
        }
    }

    #[test]
    fn to_message_joins_path_and_message() {
        assert_eq!(Error::new("a.b", "bad").to_message(), "a.b: bad");
        assert_eq!(Error::new("", "bad").to_message(), "bad");
        assert_eq!(Error::new("a", "bad").to_string(), "a: bad");
    }

    #[test]
    fn codes_default_to_invalid_and_can_be_set() {
        let e = Error::new("a", "bad");
        assert_eq!(e.code(), ErrorCode::Invalid);
        let e = e.with_code(ErrorCode::SchemaVersion);
        assert_eq!(e.code().as_str(), "schema-version");
        assert_eq!(e.to_message(), "a: bad");
        assert_eq!(ErrorCode::Json.as_str(), "json");
    }

    #[test]
    fn paths_render() {
        let root = Path::Root("");
        let rv = root.key("relatedVideos");
        let item = rv.index(3);
        assert_eq!(
            item.key("durationSeconds").render(),
            "relatedVideos[3].durationSeconds"
        );
        assert_eq!(root.render(), "");
        assert_eq!(root.index(0).key("a").render(), "[0].a");
        let opts = Path::Root("options");
        assert_eq!(opts.key("share").index(2).render(), "options.share[2]");
        assert_eq!(opts.render(), "options");
    }

    #[test]
    fn path_errors_and_warnings() {
        let root = Path::Root("");
        let e = root.key("title").error("must not be empty");
        assert_eq!(e.path(), "title");
        assert_eq!(e.message(), "must not be empty");
        let w = root
            .key("url")
            .warning(WarningCode::Url, "dropped".to_owned());
        assert_eq!(w.path, "url");
        assert_eq!(w.code, WarningCode::Url);
    }
}
