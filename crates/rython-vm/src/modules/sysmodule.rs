//! The `sys` module (CPython's Python/sysmodule.c).

use crate::VM;

pub fn init(vm: &VM) {
    let _ = vm;
}
