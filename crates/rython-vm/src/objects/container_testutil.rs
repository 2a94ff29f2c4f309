//! Helpers for the container unit tests: the VM, error text as a user
//! sees it in a traceback, and minimal int comparison for sorting tests
//! until the int type fills its own slots.

use crate::object::PyObjectRef;
use crate::objects::longobject::PyInt;
use crate::objects::strobject::PyStr;
use crate::objects::typeobject::CompareOp;
use crate::{PyResult, VM};

pub fn vm() -> VM {
    let vm = VM::new(Default::default()).unwrap();
    let sl = &vm.types.int_type.payload.slots;
    if sl.richcompare.get().is_none() {
        sl.richcompare.set(Some(int_cmp));
    }
    if sl.repr.get().is_none() {
        sl.repr.set(Some(int_repr));
        vm.types.bool_type.payload.slots.repr.set(Some(int_repr));
        vm.types
            .bool_type
            .payload
            .slots
            .richcompare
            .set(Some(int_cmp));
    }
    if sl.nb_bool.get().is_none() {
        sl.nb_bool.set(Some(int_bool));
    }
    let st = &vm.types.str_type.payload.slots;
    if st.repr.get().is_none() {
        st.repr.set(Some(str_repr));
    }
    if st.richcompare.get().is_none() {
        st.richcompare.set(Some(str_cmp));
    }
    vm
}

fn int_bool(_vm: &VM, a: &PyObjectRef) -> PyResult<bool> {
    Ok(!matches!(a.downcast_ref::<PyInt>(), Some(PyInt::Small(0))))
}

fn int_repr(vm: &VM, a: &PyObjectRef) -> PyResult<PyObjectRef> {
    let i = a
        .downcast_ref::<PyInt>()
        .map(|i| i.to_bigint())
        .unwrap_or_default();
    if a.class().is(&vm.types.bool_type) {
        return Ok(vm.new_str_obj(if i == 0.into() { "False" } else { "True" }));
    }
    Ok(vm.new_str_obj(i.to_string()))
}

fn str_repr(vm: &VM, a: &PyObjectRef) -> PyResult<PyObjectRef> {
    let s = a.downcast_ref::<PyStr>().map(|s| s.as_str()).unwrap_or("");
    Ok(vm.new_str_obj(rython_common::repr_str::repr_str(s)))
}

fn str_cmp(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult<PyObjectRef> {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyStr>(), b.downcast_ref::<PyStr>()) else {
        return Ok(vm.not_implemented());
    };
    Ok(vm.new_bool(op_result(x.as_str().cmp(y.as_str()), op)))
}

fn op_result(o: std::cmp::Ordering, op: CompareOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CompareOp::Lt => o == Less,
        CompareOp::Le => o != Greater,
        CompareOp::Eq => o == Equal,
        CompareOp::Ne => o != Equal,
        CompareOp::Gt => o == Greater,
        CompareOp::Ge => o != Less,
    }
}

fn int_cmp(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult<PyObjectRef> {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyInt>(), b.downcast_ref::<PyInt>()) else {
        return Ok(vm.not_implemented());
    };
    let (x, y) = (x.to_bigint(), y.to_bigint());
    Ok(vm.new_bool(op_result(x.cmp(&y), op)))
}

/// `TypeName: message` of a raised exception.
pub fn err<T>(vm: &VM, r: PyResult<T>) -> String {
    let e = match r {
        Ok(_) => return "no error".to_string(),
        Err(e) => e,
    };
    let args = e.payload.args.borrow().clone();
    let msg = match args.payload.as_slice() {
        [] => String::new(),
        [a] => {
            if e.as_object().class().is(&vm.types.exc.key_error) {
                vm.repr_string(a).unwrap_or_default()
            } else {
                vm.str_string(a).unwrap_or_default()
            }
        }
        _ => vm.repr_string(args.as_object()).unwrap_or_default(),
    };
    format!("{}: {}", e.as_object().class().name_string(), msg)
}

pub fn repr(vm: &VM, o: &PyObjectRef) -> String {
    match vm.repr(o) {
        Ok(s) => s.payload.as_str().to_string(),
        Err(e) => format!("repr failed: {}", err::<()>(vm, Err(e))),
    }
}

pub fn ints(vm: &VM, v: &[i64]) -> Vec<PyObjectRef> {
    v.iter().map(|&i| vm.new_int(i)).collect()
}
