//! Cells hold variables shared between a function and its closures
//! (CPython's Objects/cellobject.c).

use std::cell::RefCell;

use crate::object::{PyObjectRef, PyPayload, PyTypeRef};
use crate::{PyResult, VM};

#[derive(Default)]
pub struct PyCell {
    pub contents: RefCell<Option<PyObjectRef>>,
}

impl PyPayload for PyCell {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.cell_type
    }

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(c) = self.contents.try_borrow() {
            c.iter().for_each(visit);
        }
    }

    fn clear(&self) {
        let old = self.contents.try_borrow_mut().map(|mut c| c.take());
        drop(old);
    }
}

impl PyCell {
    pub fn get(&self) -> Option<PyObjectRef> {
        self.contents.borrow().clone()
    }
    pub fn set(&self, v: Option<PyObjectRef>) {
        let old = self.contents.replace(v);
        drop(old);
    }
}

fn as_cell<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyCell> {
    obj.downcast_ref::<PyCell>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'cell' object"))
}

fn cell_contents(vm: &VM, obj: &PyObjectRef) -> PyResult {
    as_cell(vm, obj)?
        .get()
        .ok_or_else(|| vm.new_value_error("Cell is empty"))
}

/// Assigning sets the variable; `del` empties the cell.
fn set_cell_contents(vm: &VM, obj: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    as_cell(vm, obj)?.set(v);
    Ok(())
}

fn cell_repr(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let s = match as_cell(vm, obj)?.get() {
        Some(v) => format!(
            "<cell at {:#x}: {} object at {:#x}>",
            obj.id(),
            v.class().name_string(),
            v.id()
        ),
        None => format!("<cell at {:#x}: empty>", obj.id()),
    };
    Ok(vm.new_str_obj(s))
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let t = &vm.types.cell_type;
    t.payload.slots.repr.set(Some(cell_repr));
    vm.add_getset(t, "cell_contents", cell_contents, Some(set_cell_contents));
}
