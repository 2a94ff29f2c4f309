//! Compile-time errors, located by AST span and converted to the
//! `SyntaxError` fields CPython reports (1-based character offsets).

use rython_parser::ast::Loc;
use rython_parser::{SyntaxErrorInfo, SyntaxErrorKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub msg: String,
    pub loc: Loc,
    /// Raised by the symtable: CPython's exception then has only the
    /// message in its args.
    pub symtable: bool,
}

impl CompileError {
    pub fn new(msg: impl Into<String>, loc: Loc) -> Self {
        CompileError {
            msg: msg.into(),
            loc,
            symtable: false,
        }
    }

    pub fn into_info(self, source: &str) -> SyntaxErrorInfo {
        let line = |n: u32| -> Option<&str> {
            if n == 0 {
                return None;
            }
            source.split_inclusive('\n').nth(n as usize - 1)
        };
        // AST columns are UTF-8 byte offsets; SyntaxError offsets count characters.
        let to_chars = |n: u32, col: u32| -> u32 {
            match line(n) {
                Some(l) => {
                    let b = (col as usize).min(l.len());
                    let mut b2 = b;
                    while b2 > 0 && !l.is_char_boundary(b2) {
                        b2 -= 1;
                    }
                    l[..b2].chars().count() as u32 + 1
                }
                None => col + 1,
            }
        };
        let l = self.loc;
        let (offset, end_offset) = if l.lineno == 0 {
            (0, 0)
        } else {
            // An end column of u32::MAX means "start position only".
            let end = if l.end_col_offset == u32::MAX {
                rython_parser::error::END_OFFSET_NONE
            } else {
                to_chars(l.end_lineno, l.end_col_offset)
            };
            (to_chars(l.lineno, l.col_offset), end)
        };
        SyntaxErrorInfo {
            kind: SyntaxErrorKind::SyntaxError,
            msg: self.msg,
            lineno: l.lineno,
            offset,
            end_lineno: l.end_lineno,
            end_offset,
            text: line(l.lineno).map(|s| s.to_string()),
            args_msg_only: self.symtable,
        }
    }
}
