//! Python 3.13 source → tokens → AST. Mirrors CPython's `Parser/`.
pub mod ast;
pub mod error;

pub use error::{SyntaxErrorInfo, SyntaxErrorKind};
