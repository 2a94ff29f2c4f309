//! A minimal `memoryview` (CPython's Objects/memoryobject.c) over `bytes`
//! and `bytearray`: one dimension, format 'B'. A view is (object, start,
//! step, length); the bytes are read from the object on each access so a
//! bytearray's changes show through.

use std::cell::Cell;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::bytearrayobject::PyByteArray;
use crate::objects::bytesobject::PyBytes;
use crate::objects::sliceobject::PySlice;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

pub struct PyMemoryView {
    pub obj: PyObjectRef,
    pub start: isize,
    pub step: isize,
    pub len: usize,
    pub released: Cell<bool>,
    pub readonly: bool,
}

impl PyPayload for PyMemoryView {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.object_type
    }
}

impl PyMemoryView {
    fn check(&self, vm: &VM) -> PyResult<()> {
        if self.released.get() {
            return Err(vm.new_value_error("operation forbidden on released memoryview object"));
        }
        Ok(())
    }

    fn source(&self, vm: &VM) -> PyResult<Vec<u8>> {
        if let Some(b) = self.obj.downcast_ref::<PyBytes>() {
            return Ok(b.as_bytes().to_vec());
        }
        if let Some(b) = self.obj.downcast_ref::<PyByteArray>() {
            return Ok(b.value.borrow().clone());
        }
        Err(vm.new_type_error("memoryview: unsupported underlying object"))
    }

    /// The viewed bytes, in view order.
    pub fn bytes(&self, vm: &VM) -> PyResult<Vec<u8>> {
        self.check(vm)?;
        let src = self.source(vm)?;
        let mut out = Vec::with_capacity(self.len);
        for i in 0..self.len {
            let j = self.start + i as isize * self.step;
            match usize::try_from(j).ok().and_then(|j| src.get(j)) {
                Some(b) => out.push(*b),
                // The bytearray shrank under the view.
                None => return Err(vm.new_index_error("index out of bounds on dimension 1")),
            }
        }
        Ok(out)
    }

    fn index(&self, vm: &VM, key: &PyObjectRef) -> PyResult<usize> {
        let i = vm.to_isize(key, "")?;
        let n = self.len as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.new_index_error("index out of bounds on dimension 1"));
        }
        Ok((self.start + j as isize * self.step) as usize)
    }
}

fn view<'a>(vm: &VM, o: &'a PyObjectRef) -> PyResult<&'a PyMemoryView> {
    o.downcast_ref::<PyMemoryView>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'memoryview' object but received a '{}'",
            o.class().name_string()
        ))
    })
}

fn m_new(vm: &VM, cls: &PyTypeRef, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let [obj] = args::bind(vm, "memoryview", a, k, ["object"], 1, 0)?;
    let obj = obj.unwrap_or_else(|| vm.none());
    let (base, start, step, len, readonly) = if let Some(m) = obj.downcast_ref::<PyMemoryView>() {
        m.check(vm)?;
        (m.obj.clone(), m.start, m.step, m.len, m.readonly)
    } else if let Some(b) = obj.downcast_ref::<PyBytes>() {
        (obj.clone(), 0, 1, b.as_bytes().len(), true)
    } else if let Some(b) = obj.downcast_ref::<PyByteArray>() {
        let n = b.value.borrow().len();
        (obj.clone(), 0, 1, n, false)
    } else {
        return Err(vm.new_type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            obj.class().name_string()
        )));
    };
    Ok(PyRef::new_with_type(
        PyMemoryView {
            obj: base,
            start,
            step,
            len,
            released: Cell::new(false),
            readonly,
        },
        cls.clone(),
    )
    .into_object())
}

fn m_len(vm: &VM, o: &PyObjectRef) -> PyResult<usize> {
    let m = view(vm, o)?;
    m.check(vm)?;
    Ok(m.len)
}

fn m_getitem(vm: &VM, o: &PyObjectRef, key: &PyObjectRef) -> PyResult {
    let m = view(vm, o)?;
    m.check(vm)?;
    if let Some(s) = key.downcast_ref::<PySlice>() {
        let (start, stop, step) = crate::objects::sliceobject::unpack(vm, s)?;
        let (start, _stop, n) = crate::objects::sliceobject::adjust(m.len, start, stop, step);
        let _ = _stop;
        return Ok(PyRef::new_with_type(
            PyMemoryView {
                obj: m.obj.clone(),
                start: m.start + start * m.step,
                step: m.step * step,
                len: n,
                released: Cell::new(false),
                readonly: m.readonly,
            },
            o.class().clone(),
        )
        .into_object());
    }
    let i = m.index(vm, key)?;
    let src = m.source(vm)?;
    match src.get(i) {
        Some(b) => Ok(vm.new_int(*b as i64)),
        None => Err(vm.new_index_error("index out of bounds on dimension 1")),
    }
}

fn m_setitem(vm: &VM, o: &PyObjectRef, key: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let m = view(vm, o)?;
    m.check(vm)?;
    if m.readonly {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    }
    let Some(v) = v else {
        return Err(vm.new_type_error("cannot delete memory"));
    };
    let Some(ba) = m.obj.downcast_ref::<PyByteArray>() else {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    };
    if key.payload_is::<PySlice>() {
        let target = m_getitem(vm, o, key)?;
        let t = view(vm, &target)?;
        let data = super::iomodule::bytes_like(vm, &v)?;
        if data.len() != t.len {
            return Err(vm.new_value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let mut buf = ba.value.borrow_mut();
        for (i, b) in data.iter().enumerate() {
            let j = (t.start + i as isize * t.step) as usize;
            if let Some(slot) = buf.get_mut(j) {
                *slot = *b;
            }
        }
        return Ok(());
    }
    let i = m.index(vm, key)?;
    let n = vm.to_isize(&v, "")?;
    if !(0..=255).contains(&n) {
        return Err(vm.new_value_error("memoryview: invalid value for format 'B'"));
    }
    if let Some(slot) = ba.value.borrow_mut().get_mut(i) {
        *slot = n as u8;
    }
    Ok(())
}

type Args<'a> = &'a [PyObjectRef];
type Kw<'a> = Option<&'a PyTupleRef>;

fn m_tobytes(vm: &VM, a: Args, _k: Kw) -> PyResult {
    Ok(vm.new_bytes(view(vm, &a[0])?.bytes(vm)?))
}

fn m_tolist(vm: &VM, a: Args, _k: Kw) -> PyResult {
    let b = view(vm, &a[0])?.bytes(vm)?;
    Ok(vm
        .new_list(b.iter().map(|x| vm.new_int(*x as i64)).collect())
        .into_object())
}

fn m_hex(vm: &VM, a: Args, _k: Kw) -> PyResult {
    let b = view(vm, &a[0])?.bytes(vm)?;
    let s: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(vm.new_str_obj(s))
}

fn m_release(vm: &VM, a: Args, _k: Kw) -> PyResult {
    view(vm, &a[0])?.released.set(true);
    Ok(vm.none())
}

fn m_enter(vm: &VM, a: Args, _k: Kw) -> PyResult {
    view(vm, &a[0])?.check(vm)?;
    Ok(a[0].clone())
}

fn m_exit(vm: &VM, a: Args, _k: Kw) -> PyResult {
    m_release(vm, &a[..1], None)
}

fn m_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: crate::objects::typeobject::CompareOp,
) -> PyResult {
    use crate::objects::typeobject::CompareOp;
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let m = view(vm, a)?;
    let eq = if m.released.get() {
        a.is(b)
    } else {
        let other = match super::iomodule::bytes_like(vm, b) {
            Ok(o) => o,
            Err(_) => return Ok(vm.not_implemented()),
        };
        m.bytes(vm)? == other
    };
    Ok(vm.new_bool(if matches!(op, CompareOp::Eq) { eq } else { !eq }))
}

fn m_repr(vm: &VM, o: &PyObjectRef) -> PyResult {
    let m = view(vm, o)?;
    let what = if m.released.get() {
        "released memory"
    } else {
        "memory"
    };
    Ok(vm.new_str_obj(format!("<{what} at {:#x}>", o.id())))
}

fn checked<'a>(vm: &VM, o: &'a PyObjectRef) -> PyResult<&'a PyMemoryView> {
    let m = view(vm, o)?;
    m.check(vm)?;
    Ok(m)
}

fn g_obj(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(checked(vm, o)?.obj.clone())
}
fn g_nbytes(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(checked(vm, o)?.len as i64))
}
fn g_readonly(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(checked(vm, o)?.readonly))
}
fn g_format(vm: &VM, o: &PyObjectRef) -> PyResult {
    checked(vm, o)?;
    Ok(vm.new_str_obj("B"))
}
fn g_one(vm: &VM, o: &PyObjectRef) -> PyResult {
    checked(vm, o)?;
    Ok(vm.new_int(1))
}
fn g_shape(vm: &VM, o: &PyObjectRef) -> PyResult {
    let n = checked(vm, o)?.len as i64;
    Ok(vm.new_tuple(vec![vm.new_int(n)]).into_object())
}
fn g_strides(vm: &VM, o: &PyObjectRef) -> PyResult {
    let s = checked(vm, o)?.step as i64;
    Ok(vm.new_tuple(vec![vm.new_int(s)]).into_object())
}
fn g_contiguous(vm: &VM, o: &PyObjectRef) -> PyResult {
    let m = checked(vm, o)?;
    Ok(vm.new_bool(m.step == 1 || m.len <= 1))
}

/// The `memoryview` type, readied (made once, at builtins start-up).
pub fn make_type(vm: &VM) -> PyTypeRef {
    let t = crate::vm::new_static_type::<PyMemoryView>(
        &vm.types.type_type,
        "memoryview",
        Some(&vm.types.object_type),
        0,
    );
    let s = &t.payload.slots;
    s.new.set(Some(m_new));
    s.len.set(Some(m_len));
    s.getitem.set(Some(m_getitem));
    s.setitem.set(Some(m_setitem));
    s.richcompare.set(Some(m_richcompare));
    s.repr.set(Some(m_repr));
    vm.add_method(&t, "tobytes", m_tobytes);
    vm.add_method(&t, "tolist", m_tolist);
    vm.add_method(&t, "hex", m_hex);
    vm.add_method(&t, "release", m_release);
    vm.add_method(&t, "__enter__", m_enter);
    vm.add_method(&t, "__exit__", m_exit);
    vm.add_getset(&t, "obj", g_obj, None);
    vm.add_getset(&t, "nbytes", g_nbytes, None);
    vm.add_getset(&t, "readonly", g_readonly, None);
    vm.add_getset(&t, "format", g_format, None);
    vm.add_getset(&t, "itemsize", g_one, None);
    vm.add_getset(&t, "ndim", g_one, None);
    vm.add_getset(&t, "shape", g_shape, None);
    vm.add_getset(&t, "strides", g_strides, None);
    vm.add_getset(&t, "c_contiguous", g_contiguous, None);
    vm.add_getset(&t, "contiguous", g_contiguous, None);
    crate::objects::typeobject::typeobject_wrappers::ready_static_type(vm, &t);
    t
}
