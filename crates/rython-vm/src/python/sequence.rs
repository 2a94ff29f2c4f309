//! Sequence fallbacks of the number protocol (`PySequence_Concat`,
//! `PySequence_Repeat`): `+` and `*` on types that define only sequence
//! behaviour. Builtin sequences implement `+`/`*` through their number
//! slots, so these only serve types that do neither.

use crate::object::PyObjectRef;
use crate::{PyResult, VM};

pub fn concat_fallback(
    _vm: &VM,
    _a: &PyObjectRef,
    _b: &PyObjectRef,
) -> PyResult<Option<PyObjectRef>> {
    Ok(None)
}

pub fn repeat_fallback(
    _vm: &VM,
    _a: &PyObjectRef,
    _b: &PyObjectRef,
) -> PyResult<Option<PyObjectRef>> {
    Ok(None)
}

pub fn inplace_concat_fallback(
    _vm: &VM,
    _a: &PyObjectRef,
    _b: &PyObjectRef,
) -> PyResult<Option<PyObjectRef>> {
    Ok(None)
}

pub fn inplace_repeat_fallback(
    _vm: &VM,
    _a: &PyObjectRef,
    _b: &PyObjectRef,
) -> PyResult<Option<PyObjectRef>> {
    Ok(None)
}
