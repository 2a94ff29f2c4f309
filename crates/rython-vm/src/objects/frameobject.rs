//! Frame objects as Python sees them (`sys._getframe()`, `tb_frame`). The
//! executing frame (`python::frame::Frame`) is a plain Rust struct; this
//! object is made only when Python code or a traceback asks for one, as in
//! CPython 3.11+.

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::codeobject::PyCodeRef;
use crate::objects::dictobject::PyDictRef;
use crate::VM;

pub type PyFrameRef = PyRef<PyFrameObject>;

pub struct PyFrameObject {
    pub code: PyCodeRef,
    pub globals: PyDictRef,
    pub locals: RefCell<Option<PyObjectRef>>,
    /// Instruction index of the last instruction run.
    pub lasti: Cell<u32>,
    pub back: RefCell<Option<PyFrameRef>>,
    /// The fast locals (and cells) of a function frame that has finished:
    /// the frame object owns them from then on, as in CPython, so
    /// `tb.tb_frame.f_locals` still shows them.
    pub exited: RefCell<Option<Box<[Option<PyObjectRef>]>>>,
}

impl PyPayload for PyFrameObject {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.frame_type
    }

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(self.globals.as_object());
        if let Ok(l) = self.locals.try_borrow() {
            l.iter().for_each(&mut *visit);
        }
        if let Ok(b) = self.back.try_borrow() {
            b.iter().for_each(|f| visit(f.as_object()));
        }
        if let Ok(e) = self.exited.try_borrow() {
            e.iter()
                .flat_map(|v| v.iter().flatten())
                .for_each(&mut *visit);
        }
    }

    fn clear(&self) {
        let locals = self.locals.try_borrow_mut().map(|mut l| l.take());
        let back = self.back.try_borrow_mut().map(|mut b| b.take());
        let exited = self.exited.try_borrow_mut().map(|mut e| e.take());
        drop((locals, back, exited));
    }
}

impl PyFrameObject {
    pub fn lineno(&self) -> Option<u32> {
        self.code.payload.line_at(self.lasti.get() as usize)
    }
}

/// The frame object of an executing frame, made on first request.
pub fn frame_object(vm: &VM, frame: &mut crate::python::frame::Frame) -> PyFrameRef {
    if let Some(f) = &frame.frame_obj {
        f.payload.lasti.set(frame.lasti as u32);
        return f.clone();
    }
    let f = PyRef::new_exact(
        PyFrameObject {
            code: frame.code.clone(),
            globals: frame.globals.clone(),
            locals: RefCell::new(frame.locals.clone()),
            lasti: Cell::new(frame.lasti as u32),
            back: RefCell::new(None),
            exited: RefCell::new(None),
        },
        vm.types.frame_type.clone(),
    );
    frame.frame_obj = Some(f.clone());
    f
}

fn as_frame<'a>(vm: &VM, obj: &'a PyObjectRef) -> crate::PyResult<&'a PyFrameObject> {
    obj.downcast_ref::<PyFrameObject>()
        .ok_or_else(|| vm.new_type_error("expected a frame"))
}

fn f_lineno(vm: &VM, obj: &PyObjectRef) -> crate::PyResult {
    let f = as_frame(vm, obj)?;
    Ok(f.lineno()
        .map(|l| vm.new_int(l as i64))
        .unwrap_or_else(|| vm.none()))
}
fn f_code(vm: &VM, obj: &PyObjectRef) -> crate::PyResult {
    Ok(as_frame(vm, obj)?.code.clone().into_object())
}
fn f_globals(vm: &VM, obj: &PyObjectRef) -> crate::PyResult {
    Ok(as_frame(vm, obj)?.globals.clone().into_object())
}
fn f_locals(vm: &VM, obj: &PyObjectRef) -> crate::PyResult {
    let f = as_frame(vm, obj)?;
    if let Some(values) = f.exited.borrow().as_deref() {
        // A finished function frame: its last local values by name (cells
        // by content), as CPython's f_locals shows them.
        let d = vm.new_dict();
        for (name, v) in f.code.payload.localsplusnames.iter().zip(values.iter()) {
            let v = match v {
                Some(v) => match v.downcast_ref::<crate::objects::cellobject::PyCell>() {
                    Some(c) if v.class().is(&vm.types.cell_type) => c.contents.borrow().clone(),
                    _ => Some(v.clone()),
                },
                None => None,
            };
            if let Some(v) = v {
                d.payload.set_item(vm, name.clone().into_object(), v)?;
            }
        }
        return Ok(d.into_object());
    }
    Ok(f.locals
        .borrow()
        .clone()
        .unwrap_or_else(|| f.globals.clone().into_object()))
}
fn f_back(vm: &VM, obj: &PyObjectRef) -> crate::PyResult {
    Ok(as_frame(vm, obj)?
        .back
        .borrow()
        .clone()
        .map(|b| b.into_object())
        .unwrap_or_else(|| vm.none()))
}
fn f_lasti(vm: &VM, obj: &PyObjectRef) -> crate::PyResult {
    Ok(vm.new_int(2 * as_frame(vm, obj)?.lasti.get() as i64))
}
fn frame_repr(vm: &VM, obj: &PyObjectRef) -> crate::PyResult {
    let f = as_frame(vm, obj)?;
    Ok(vm.new_str_obj(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        obj.id(),
        f.code.payload.filename.payload.as_str(),
        f.lineno().unwrap_or(0),
        f.code.payload.name.payload.as_str()
    )))
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &VM) {
    let t = &vm.types.frame_type;
    t.payload.slots.repr.set(Some(frame_repr));
    vm.add_getset(t, "f_lineno", f_lineno, None);
    vm.add_getset(t, "f_code", f_code, None);
    vm.add_getset(t, "f_globals", f_globals, None);
    vm.add_getset(t, "f_locals", f_locals, None);
    vm.add_getset(t, "f_back", f_back, None);
    vm.add_getset(t, "f_lasti", f_lasti, None);
}
