//! The one error type. Every message names the field at fault, e.g.
//! `relatedVideos[3].durationSeconds: expected a number`.

/// An error in article or options input. `path` is the JSON path of the field at fault
/// (`relatedVideos[3].durationSeconds`, or empty for the document itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    path: String,
    message: String,
}

impl Error {
    /// Makes an error for the field at `path` with a message that says what was expected.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The JSON path of the field at fault (empty for the whole document).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What was wrong, without the path.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `path: message`, or `message` alone when the path is empty. Built without `format!`
    /// so that the wasm build carries no formatting machinery for it.
    pub fn to_message(&self) -> String {
        let mut out = String::with_capacity(self.path.len() + self.message.len() + 2);
        if !self.path.is_empty() {
            out.push_str(&self.path);
            out.push_str(": ");
        }
        out.push_str(&self.message);
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
/// (the `nv-warning` event) while the rest of the article renders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The JSON path of the field.
    pub path: String,
    /// What was done and why.
    pub message: String,
}
