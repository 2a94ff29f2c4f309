//! Temporary `except*` support until objects/exceptiongroup.rs lands:
//! matches only whole exceptions, without splitting groups.

use crate::object::PyObjectRef;
use crate::{PyResult, VM};

pub fn check_eg_match(
    vm: &VM,
    eg: &PyObjectRef,
    typ: &PyObjectRef,
) -> PyResult<(PyObjectRef, PyObjectRef)> {
    if vm.exception_matches(eg, typ)? {
        return Ok((vm.none(), eg.clone()));
    }
    Ok((eg.clone(), vm.none()))
}

pub fn prep_reraise_star(vm: &VM, orig: PyObjectRef, excs: PyObjectRef) -> PyResult {
    for e in vm.collect(&excs)? {
        if !vm.is_none(&e) {
            return Ok(e);
        }
    }
    let _ = orig;
    Ok(vm.none())
}
