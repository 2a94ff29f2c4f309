//! `except*` entry points used by the eval loop; they forward to
//! objects/exceptiongroup.rs (kept as a module so ceval's call sites need
//! not change).

use crate::object::PyObjectRef;
use crate::{PyResult, VM};

/// CHECK_EG_MATCH: `(rest, matched)`; a non-None match becomes the
/// exception being handled, as `PyErr_SetHandledException` does.
pub fn check_eg_match(
    vm: &VM,
    eg: &PyObjectRef,
    typ: &PyObjectRef,
) -> PyResult<(PyObjectRef, PyObjectRef)> {
    let (rest, matched) = vm.check_eg_match(eg, typ)?;
    if !vm.is_none(&matched) {
        let old = vm.handled_exception.replace(Some(matched.clone()));
        drop(old);
    }
    Ok((rest, matched))
}

pub fn prep_reraise_star(vm: &VM, orig: PyObjectRef, excs: PyObjectRef) -> PyResult {
    crate::objects::exceptiongroup::prep_reraise_star(vm, orig, excs)
}
