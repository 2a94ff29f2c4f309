#![allow(clippy::new_without_default)]
//! The Rython virtual machine: object model (`object`, `objects`), the
//! evaluation loop and runtime services (`python`), and native modules
//! (`modules`). See ARCHITECTURE.md for the map to CPython's sources.

pub mod lib_modules;
pub mod modules;
pub mod object;
pub mod objects;
pub mod python;
mod vm;

pub use object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
pub use objects::exceptions::PyBaseExceptionRef;
pub use vm::{Context, Types, VM};

/// A Python-level result: the error is a raised exception.
pub type PyResult<T = PyObjectRef> = Result<T, PyBaseExceptionRef>;

/// `sys.version`.
pub const VERSION_STRING: &str = "3.13.0 (rython 0.1.0) [rustc]";
