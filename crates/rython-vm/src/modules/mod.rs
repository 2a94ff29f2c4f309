//! Native modules (CPython's Modules/).
pub mod mathmodule;
pub mod sysmodule;
