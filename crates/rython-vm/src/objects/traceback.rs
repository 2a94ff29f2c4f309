//! Traceback objects (CPython's Python/traceback.c `PyTraceBack_Type`).

use crate::object::PyObjectRef;
use std::cell::RefCell;

use crate::object::{PyPayload, PyRef, PyTypeRef};
use crate::objects::frameobject::PyFrameRef;
use crate::VM;

pub type PyTracebackRef = PyRef<PyTraceback>;

pub struct PyTraceback {
    pub next: RefCell<Option<PyTracebackRef>>,
    pub frame: PyFrameRef,
    /// Instruction index where the exception passed through the frame.
    pub lasti: u32,
    pub lineno: Option<u32>,
}

impl PyPayload for PyTraceback {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.traceback_type
    }

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(n) = self.next.try_borrow() {
            n.iter().for_each(|t| visit(t.as_object()));
        }
        visit(self.frame.as_object());
    }

    fn clear(&self) {
        let next = self.next.try_borrow_mut().map(|mut n| n.take());
        drop(next);
    }
}

/// Fills the slots and methods of this file's type(s).
fn as_tb<'a>(vm: &VM, obj: &'a crate::object::PyObjectRef) -> crate::PyResult<&'a PyTraceback> {
    obj.downcast_ref::<PyTraceback>()
        .ok_or_else(|| vm.new_type_error("expected a traceback"))
}
fn tb_next(vm: &VM, obj: &crate::object::PyObjectRef) -> crate::PyResult {
    Ok(as_tb(vm, obj)?
        .next
        .borrow()
        .clone()
        .map(|t| t.into_object())
        .unwrap_or_else(|| vm.none()))
}
fn tb_frame(vm: &VM, obj: &crate::object::PyObjectRef) -> crate::PyResult {
    Ok(as_tb(vm, obj)?.frame.clone().into_object())
}
fn tb_lineno(vm: &VM, obj: &crate::object::PyObjectRef) -> crate::PyResult {
    Ok(as_tb(vm, obj)?
        .lineno
        .map(|l| vm.new_int(l as i64))
        .unwrap_or_else(|| vm.none()))
}
fn tb_lasti(vm: &VM, obj: &crate::object::PyObjectRef) -> crate::PyResult {
    Ok(vm.new_int(2 * as_tb(vm, obj)?.lasti as i64))
}

pub(crate) fn init(vm: &VM) {
    let t = &vm.types.traceback_type;
    vm.add_getset(t, "tb_next", tb_next, None);
    vm.add_getset(t, "tb_frame", tb_frame, None);
    vm.add_getset(t, "tb_lineno", tb_lineno, None);
    vm.add_getset(t, "tb_lasti", tb_lasti, None);
}
