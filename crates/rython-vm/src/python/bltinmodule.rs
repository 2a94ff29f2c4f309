//! The `builtins` module (CPython's Python/bltinmodule.c).

use crate::VM;

pub fn init(vm: &VM) {
    let _ = vm;
}
