//! Hashing (CPython's Python/pyhash.c): re-exports of the bit-exact
//! implementations in `rython-common`.
pub use rython_common::hash::*;
