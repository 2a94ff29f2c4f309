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
    let _ = filename;
    let _ = take_warnings();
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
        });
    }
    parser::parse_source(source, mode).map_err(|e| e.into_info(source))
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

thread_local! {
    /// SyntaxWarnings of the last `parse` on this thread: the token start
    /// that raised each (so a re-parse of the same token warns once), its
    /// line and message.
    static WARNINGS: std::cell::RefCell<Vec<((u32, u32, u32), u32, String)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

pub(crate) fn warn(key: (u32, u32, u32), lineno: u32, msg: String) {
    WARNINGS.with(|w| {
        let mut w = w.borrow_mut();
        if !w.iter().any(|(k, _, m)| *k == key && *m == msg) {
            w.push((key, lineno, msg));
        }
    });
}

/// The SyntaxWarnings (lineno, message) the last `parse` raised, in order.
pub fn take_warnings() -> Vec<(u32, String)> {
    WARNINGS.with(|w| {
        let mut all = std::mem::take(&mut *w.borrow_mut());
        // Lexer warnings are raised before the parser's; CPython's come in
        // source order.
        all.sort_by_key(|(k, _, _)| (k.0, k.1));
        all.into_iter().map(|(_, l, m)| (l, m)).collect()
    })
}
