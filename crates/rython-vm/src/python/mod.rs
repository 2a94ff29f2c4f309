//! Runtime services, as in CPython's Python/: the eval loop, calls,
//! builtins, import, start-up and error reporting, plus the abstract
//! object layer.
pub mod abstract_;
pub mod args;
pub mod bltinmodule;
pub mod errors;
pub mod formatter;
pub mod frame;
pub mod init_types;
pub mod methods;
pub mod pyhash;
pub mod pylifecycle;
pub mod sequence;
