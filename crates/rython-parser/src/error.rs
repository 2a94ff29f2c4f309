//! Syntax errors as CPython reports them: the exception class, the message
//! and the location fields of `SyntaxError` (`lineno`, `offset`,
//! `end_lineno`, `end_offset`, `text`).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// `end_offset` of an error on the end-of-input token: CPython's -1.
pub const END_OFFSET_EOF: u32 = u32::MAX;

/// An error located by its start only (CPython's `PyErr_SyntaxLocation`,
/// as for `from __future__` errors): `end_offset` is None and the
/// exception's args are just the message.
pub const END_OFFSET_NONE: u32 = u32::MAX - 1;

/// Offsets are 1-based and count characters (code points), as
/// `SyntaxError.offset` does; 0 means "unknown". `text` is the offending
/// source line including its newline when it had one, or `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxErrorInfo {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    pub text: Option<String>,
    /// The exception's args are just the message (the location is only in
    /// its attributes), as for errors the symtable raises.
    pub args_msg_only: bool,
}
