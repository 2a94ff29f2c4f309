//! Python 3.13 source → tokens → AST. Mirrors CPython's `Parser/`:
//! `tokenizer` is the lexer (indentation, brackets, PEP 701 f-string
//! modes), `parser` a recursive-descent parser of `Grammar/python.gram`
//! with CPython's error messages and locations, `decode` the PEP 263 /
//! PEP 3120 source decoding. `dump` reproduces `ast.dump(...,
//! include_attributes=True)` for comparisons with CPython.
pub mod ast;
mod codecs;
mod decode;
mod decode_utf8;
pub mod dump;
pub mod error;
mod parser;
mod perr;
mod string_literal;
pub(crate) mod tokenizer;

pub use error::{SyntaxErrorInfo, SyntaxErrorKind};
pub use tokenizer::{Pos, Token, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// Parse already-decoded source text.
///
/// One message stands for another exception class, which the VM maps:
/// "Parser stack overflowed - Python source too complex to parse" is a
/// `MemoryError` in CPython (nesting deeper than the parser's explicit
/// depth limit). Everything else is the `SyntaxError` / `IndentationError`
/// / `TabError` given by `kind`. `filename` is not part of the result (the
/// VM puts it on the exception).
pub fn parse(source: &str, mode: Mode, filename: &str) -> Result<ast::Mod, SyntaxErrorInfo> {
    let _ = take_warnings();
    let _ = take_pending();
    let _ = string_literal::take_invalid_escapes();
    if source.contains('\0') {
        return Err(SyntaxErrorInfo {
            kind: SyntaxErrorKind::SyntaxError,
            msg: "source code string cannot contain null bytes".into(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
            args_msg_only: false,
        });
    }
    parser::parse_source(source, mode, filename).map_err(|e| e.into_info(source))
}

/// CPython's `PyErr_ProgramTextObject`: line `lineno` of the file named
/// `filename` as read from disk (at most its first 999 bytes, universal
/// newlines, a UTF-8 BOM skipped, decoded as UTF-8 with replacement), or
/// `None` when there is no such file or line. Errors found after parsing
/// carry this as `SyntaxError.text`.
pub fn program_text(filename: &str, lineno: u32) -> Option<String> {
    if lineno == 0 || filename.is_empty() {
        return None;
    }
    let data = std::fs::read(filename).ok()?;
    let mut n = 1;
    let mut i = 0;
    while n < lineno {
        let rest = &data[i.min(data.len())..];
        let brk = rest.iter().position(|&c| c == b'\n' || c == b'\r')?;
        i += brk + 1;
        if rest[brk] == b'\r' && rest.get(brk + 1) == Some(&b'\n') {
            i += 1;
        }
        n += 1;
    }
    if i >= data.len() {
        return None;
    }
    let rest = &data[i..];
    let mut line: Vec<u8> = match rest.iter().position(|&c| c == b'\n' || c == b'\r') {
        Some(p) => {
            let mut l = rest[..p].to_vec();
            l.push(b'\n');
            l
        }
        None => rest.to_vec(),
    };
    line.truncate(999);
    if lineno == 1 && line.starts_with(b"\xef\xbb\xbf") {
        line.drain(..3);
    }
    Some(String::from_utf8_lossy(&line).into_owned())
}

/// Parse raw file bytes (BOM and PEP 263 declarations honoured), with the
/// errors `compile(bytes, ...)` gives for undecodable input.
pub fn parse_bytes(source: &[u8], mode: Mode, filename: &str) -> Result<ast::Mod, SyntaxErrorInfo> {
    let text = decode::decode(source, filename)?;
    parse(&text, mode, filename)
}

/// The encoding errors CPython's *file* tokenizer (running a script) gives
/// where `compile()` of the same bytes words them differently; they carry
/// no location. `Ok(())` when the source decodes or fails otherwise.
pub fn check_file_encoding(source: &[u8], filename: &str) -> Result<(), String> {
    match decode::decode(source, filename) {
        Ok(_) => Ok(()),
        Err(e) => {
            if let Some(name) = e.msg.strip_prefix("unknown encoding: ") {
                return Err(format!("encoding problem: {name}"));
            }
            if decode::declared_encoding(source).is_none() && !source.starts_with(b"\xef\xbb\xbf") {
                if let Err(u) = std::str::from_utf8(source) {
                    let pos = u.valid_up_to();
                    let line = source[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
                    return Err(format!(
                        "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                        source[pos]
                    ));
                }
            }
            Ok(())
        }
    }
}

/// Decode source bytes to text as CPython's tokenizer does.
pub fn decode_source(source: &[u8]) -> Result<String, SyntaxErrorInfo> {
    decode::decode(source, "<string>")
}

/// The tokens (for a future `tokenize` module and for tests), comments and
/// non-logical newlines included; columns are UTF-8 byte offsets.
pub fn tokenize(source: &str) -> Result<Vec<Token>, SyntaxErrorInfo> {
    tokenizer::tokenize(source).map_err(|e| e.into_info(source))
}

/// A compile-time `SyntaxWarning`: its line and message, and the
/// `SyntaxError` CPython raises instead when the warnings filter turns the
/// warning into an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub lineno: u32,
    pub msg: String,
    pub error: SyntaxErrorInfo,
}

/// A warning noted while lexing/parsing, located once parsing is done.
pub(crate) struct PendingWarning {
    /// The token start that raised it (a re-parse of the token warns once).
    pub key: (u32, u32, u32),
    pub msg: String,
    pub start: Pos,
    pub end: Pos,
    /// Raised by the tokenizer (its error text is the bare line).
    pub lexer: bool,
    /// In a literal part of an f-string whose end token is not read yet.
    pub fstring_literal: bool,
}

thread_local! {
    static PENDING: std::cell::RefCell<Vec<PendingWarning>> =
        const { std::cell::RefCell::new(Vec::new()) };
    /// SyntaxWarnings of the last `parse` on this thread.
    static WARNINGS: std::cell::RefCell<Vec<CompileWarning>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

pub(crate) fn warn(w: PendingWarning) {
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if !p.iter().any(|o| o.key == w.key && o.msg == w.msg) {
            p.push(w);
        }
    });
}

/// Moves the pending warnings of an f-string's literal parts to its end
/// token (`start`..`end`).
pub(crate) fn locate_fstring_warnings(start: Pos, end: Pos) {
    PENDING.with(|p| {
        for w in p.borrow_mut().iter_mut().filter(|w| w.fstring_literal) {
            w.start = start;
            w.end = end;
            w.fstring_literal = false;
        }
    });
}

/// The warnings noted since the last call, in source order (lexer warnings
/// are noted before the parser's; CPython's come in source order).
pub(crate) fn take_pending() -> Vec<PendingWarning> {
    let mut all = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    all.sort_by_key(|w| (w.key.0, w.key.1));
    all
}

pub(crate) fn set_warnings(w: Vec<CompileWarning>) {
    WARNINGS.with(|x| *x.borrow_mut() = w);
}

/// The SyntaxWarnings the last `parse` raised, in order.
pub fn take_warnings() -> Vec<CompileWarning> {
    WARNINGS.with(|w| std::mem::take(&mut *w.borrow_mut()))
}
