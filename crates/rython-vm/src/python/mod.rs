//! Runtime services, as in CPython's Python/: the eval loop, calls,
//! builtins, import, start-up and error reporting, plus the abstract
//! object layer.
pub mod abstract_;
pub mod args;
pub mod bltinmodule;
pub mod bootstrap_slots;
pub mod call;
pub mod ceval;
pub mod ceval_attr;
pub mod ceval_ops;
pub mod errors;
pub mod exc_star_stub;
pub mod formatter;
pub mod frame;
pub mod import;
pub mod init_types;
pub mod methods;
pub mod pyhash;
pub mod pylifecycle;
pub mod pythonrun;
pub mod sequence;
pub mod suggestions;
pub mod traceback_anchors;
pub mod traceback_format;
