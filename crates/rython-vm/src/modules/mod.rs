//! Native modules (CPython's Modules/).
pub mod sysmodule;
