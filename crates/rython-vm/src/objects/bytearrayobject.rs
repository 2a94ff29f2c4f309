//! `bytearray` (CPython's Objects/bytearrayobject.c): the mutable
//! counterpart of `bytes`. The read-only methods are shared with bytes
//! (`bytes_methods.rs`); this file has the slots and the mutators.

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::bytes_methods::{buffer_bytes, buffer_bytes_any, byte_value, is_buffer};
use crate::objects::bytesobject::{
    buffer_concat, buffer_contains, buffer_getitem, buffer_iter, buffer_repeat_operands,
    buffer_richcompare, bytes_from_source, check_encoding_args,
};
use crate::objects::longobject::PyInt;
use crate::objects::sliceobject::PySlice;
use crate::objects::str_methods::{
    check_args, index_arg, no_args, one_arg, slice_indices, slice_len,
};
use crate::objects::strobject::{repeat_bytes, repeat_count, try_other_slot};
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::NumberOp;
use crate::{PyResult, VM};

#[derive(Default)]
pub struct PyByteArray {
    pub value: RefCell<Vec<u8>>,
    /// Live buffer exports (unreleased memoryviews of it): while there are
    /// any, the size cannot change (CPython's `ob_exports`).
    pub exports: Cell<usize>,
}

impl PyPayload for PyByteArray {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.bytearray_type
    }
}

impl PyByteArray {
    pub fn new(v: Vec<u8>) -> PyByteArray {
        PyByteArray {
            value: RefCell::new(v),
            exports: Cell::new(0),
        }
    }

    /// `PyByteArray_Resize`'s guard: the size may not change to `new_len`
    /// while the buffer is exported.
    pub fn check_resize(&self, vm: &VM, new_len: usize) -> PyResult<()> {
        if self.exports.get() > 0 && new_len != self.value.borrow().len() {
            return Err(resize_error(vm));
        }
        Ok(())
    }
}

fn resize_error(vm: &VM) -> crate::PyBaseExceptionRef {
    vm.new_exception_msg(
        &vm.types.exc.buffer_error,
        "Existing exports of data: object cannot be re-sized",
    )
}

impl VM {
    pub fn new_bytearray(&self, v: Vec<u8>) -> PyObjectRef {
        PyRef::new_exact(PyByteArray::new(v), self.types.bytearray_type.clone()).into_object()
    }
}

type Kw<'a> = Option<&'a PyTupleRef>;

fn ba<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyByteArray> {
    obj.downcast_ref::<PyByteArray>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor for 'bytearray' objects doesn't apply to a '{}' object",
            obj.class().name_string()
        ))
    })
}

fn ba_repr(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let data = ba(vm, obj)?.value.borrow().clone();
    let body = rython_common::repr_str::repr_bytearray(&data);
    if obj.class().is(&vm.types.bytearray_type) {
        return Ok(vm.new_str_obj(body));
    }
    // A subclass shows its own name: `MyBA(b'..')`.
    let inner = body.strip_prefix("bytearray").unwrap_or(&body).to_string();
    Ok(vm.new_str_obj(format!("{}{inner}", obj.class().name_string())))
}

fn ba_len(vm: &VM, obj: &PyObjectRef) -> PyResult<usize> {
    Ok(ba(vm, obj)?.value.borrow().len())
}

fn ba_contains(vm: &VM, obj: &PyObjectRef, item: &PyObjectRef) -> PyResult<bool> {
    let data = ba(vm, obj)?.value.borrow().clone();
    buffer_contains(vm, &data, item)
}

fn ba_getitem(vm: &VM, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult<PyObjectRef> {
    let data = ba(vm, obj)?.value.borrow().clone();
    match buffer_getitem(vm, &data, key, "bytearray", "bytearray index out of range")? {
        Ok(v) => Ok(vm.new_int(v as i64)),
        Err(v) => Ok(vm.new_bytearray(v)),
    }
}

/// The bytes a slice assignment inserts.
fn assigned_bytes(vm: &VM, obj: &PyObjectRef, value: &PyObjectRef) -> PyResult<Vec<u8>> {
    if value.is(obj) {
        return Ok(ba(vm, obj)?.value.borrow().clone());
    }
    if let Some(b) = buffer_bytes_any(vm, value)? {
        return Ok(b);
    }
    let bad = || {
        vm.new_type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
    };
    if value.payload_is::<PyInt>() || value.payload_is::<crate::objects::strobject::PyStr>() {
        return Err(bad());
    }
    if vm.get_iter(value).is_err() {
        return Err(bad());
    }
    bytes_from_source(vm, Some(value), None, None, "bytearray")
}

fn ba_setitem(
    vm: &VM,
    obj: &PyObjectRef,
    key: &PyObjectRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    let this = ba(vm, obj)?;
    if let Some(slice) = key.downcast_ref::<PySlice>() {
        let new = match &value {
            Some(v) => Some(assigned_bytes(vm, obj, v)?),
            None => None,
        };
        let len = this.value.borrow().len();
        let (start, stop, step) = slice_indices(vm, slice, len)?;
        let n = slice_len(start, stop, step);
        if step == 1 {
            let a = (start.max(0) as usize).min(len);
            let b = ((stop.max(start)).max(0) as usize).clamp(a, len);
            let new = new.unwrap_or_default();
            this.check_resize(vm, len - (b - a) + new.len())?;
            this.value.borrow_mut().splice(a..b, new);
            return Ok(());
        }
        // An empty value deletes an extended slice.
        let new = new.filter(|v| !v.is_empty());
        if new.is_none() {
            this.check_resize(vm, len - n)?;
        }
        let mut data = this.value.borrow_mut();
        let idx: Vec<usize> = (0..n)
            .map(|k| (start + k as isize * step) as usize)
            .collect();
        match new {
            None => {
                let mut keep = vec![true; data.len()];
                for i in idx {
                    keep[i] = false;
                }
                let mut k = keep.iter();
                data.retain(|_| *k.next().unwrap_or(&true));
            }
            Some(new) => {
                if new.len() != n {
                    return Err(vm.new_value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {n}",
                        new.len()
                    )));
                }
                for (i, b) in idx.into_iter().zip(new) {
                    data[i] = b;
                }
            }
        }
        return Ok(());
    }
    if key.payload_is::<PyInt>() || key.class().payload.slots.nb_index.get().is_some() {
        let i = vm.to_isize(key, "")?;
        let byte = match &value {
            Some(v) => Some(byte_value(vm, v)?),
            None => None,
        };
        let len = this.value.borrow().len() as i64;
        let j = if i < 0 { i + len } else { i };
        if j < 0 || j >= len {
            return Err(vm.new_index_error("bytearray index out of range"));
        }
        if byte.is_none() {
            this.check_resize(vm, len as usize - 1)?;
        }
        let mut data = this.value.borrow_mut();
        match byte {
            Some(b) => data[j as usize] = b,
            None => {
                data.remove(j as usize);
            }
        }
        return Ok(());
    }
    Err(vm.new_type_error(format!(
        "bytearray indices must be integers or slices, not {}",
        key.class().name_string()
    )))
}

fn ba_add(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    if !a.payload_is::<PyByteArray>() {
        return Ok(vm.not_implemented());
    }
    if !is_buffer(b) {
        if let Some(r) = try_other_slot(vm, a, b, NumberOp::Add)? {
            return Ok(r);
        }
    }
    match buffer_concat(vm, a, b, "bytearray")? {
        Some(v) => Ok(vm.new_bytearray(v)),
        None => Ok(vm.not_implemented()),
    }
}

fn ba_iadd(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let this = ba(vm, a)?;
    let Ok(Some(extra)) = buffer_bytes(vm, b) else {
        return Err(vm.new_type_error(format!(
            "can't concat {} to bytearray",
            b.class().name_string()
        )));
    };
    // `b += b` exports b's own buffer while resizing it.
    if b.is(a) && !extra.is_empty() {
        return Err(resize_error(vm));
    }
    let len = this.value.borrow().len();
    this.check_resize(vm, len + extra.len())?;
    this.value.borrow_mut().extend_from_slice(&extra);
    Ok(a.clone())
}

fn is_ba(o: &PyObjectRef) -> bool {
    o.payload_is::<PyByteArray>()
}

fn ba_mul(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    match buffer_repeat_operands(vm, a, b, is_ba)? {
        None => Ok(vm.not_implemented()),
        Some(Err(r)) => Ok(r),
        Some(Ok((data, n))) => Ok(vm.new_bytearray(repeat_bytes(vm, &data, n, "bytes object")?)),
    }
}

fn ba_imul(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let this = ba(vm, a)?;
    let n = repeat_count(vm, b)?;
    let data = this.value.borrow().clone();
    let out = repeat_bytes(vm, &data, n, "bytes object")?;
    this.check_resize(vm, out.len())?;
    *this.value.borrow_mut() = out;
    Ok(a.clone())
}

fn ba_mod(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let Some(x) = a.downcast_ref::<PyByteArray>() else {
        return Ok(vm.not_implemented());
    };
    let fmt = x.value.borrow().clone();
    let out = crate::objects::str_percent::format_bytes(vm, &fmt, b)?;
    Ok(vm.new_bytearray(out))
}

fn ba_new(vm: &VM, cls: &PyTypeRef, _args: &[PyObjectRef], _kw: Kw) -> PyResult<PyObjectRef> {
    if cls.is(&vm.types.bytearray_type) {
        return Ok(vm.new_bytearray(Vec::new()));
    }
    Ok(PyRef::new_with_type(PyByteArray::default(), cls.clone()).into_object())
}

fn ba_init(vm: &VM, obj: &PyObjectRef, args: &[PyObjectRef], kw: Kw) -> PyResult<()> {
    let [source, encoding, errors] = crate::python::args::bind(
        vm,
        "bytearray",
        args,
        kw,
        ["source", "encoding", "errors"],
        0,
        0,
    )?;
    check_encoding_args(vm, "bytearray", encoding.as_ref(), errors.as_ref())?;
    // CPython empties the bytearray first of all.
    let this = ba(vm, obj)?;
    this.check_resize(vm, 0)?;
    this.value.borrow_mut().clear();
    let v = bytes_from_source(
        vm,
        source.as_ref(),
        encoding.as_ref(),
        errors.as_ref(),
        "bytearray",
    )?;
    this.check_resize(vm, v.len())?;
    *this.value.borrow_mut() = v;
    Ok(())
}

// ----- mutators -----------------------------------------------------------------

fn ba_append(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let item = one_arg(vm, "bytearray.append", args, kw)?;
    let b = byte_value(vm, item)?;
    let this = ba(vm, &args[0])?;
    let len = this.value.borrow().len();
    this.check_resize(vm, len + 1)?;
    this.value.borrow_mut().push(b);
    Ok(vm.none())
}

fn ba_extend(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let src = one_arg(vm, "bytearray.extend", args, kw)?;
    let this = ba(vm, &args[0])?;
    let extra = if is_buffer(src) {
        // bytearray_setslice: no buffer to give is a TypeError.
        match buffer_bytes(vm, src) {
            Ok(Some(b)) => b,
            _ => {
                return Err(vm.new_type_error(format!(
                    "can't set bytearray slice from {}",
                    src.class().name_string()
                )))
            }
        }
    } else if src.payload_is::<crate::objects::strobject::PyStr>() {
        return Err(vm.new_type_error("expected iterable of integers; got: 'str'"));
    } else {
        let it = vm.get_iter(src).map_err(|_| {
            vm.new_type_error(format!(
                "can't extend bytearray with {}",
                src.class().name_string()
            ))
        })?;
        let mut out = Vec::new();
        while let Some(x) = vm.next(&it)? {
            out.push(byte_value(vm, &x)?);
        }
        out
    };
    let len = this.value.borrow().len();
    this.check_resize(vm, len + extra.len())?;
    this.value.borrow_mut().extend_from_slice(&extra);
    Ok(vm.none())
}

fn ba_insert(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    check_args(
        vm,
        "insert",
        Some("bytearray"),
        args.len().saturating_sub(1),
        kw,
        2,
        2,
    )?;
    let this = ba(vm, &args[0])?;
    let i = index_arg(vm, &args[1])?;
    let b = byte_value(vm, &args[2])?;
    let n = this.value.borrow().len();
    this.check_resize(vm, n + 1)?;
    let mut data = this.value.borrow_mut();
    let len = data.len() as isize;
    let pos = if i < 0 { (i + len).max(0) } else { i.min(len) };
    data.insert(pos as usize, b);
    Ok(vm.none())
}

fn ba_pop(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    no_args(vm, "bytearray.pop", &args[..args.len().min(1)], kw)?;
    check_args(
        vm,
        "pop",
        Some("bytearray"),
        args.len().saturating_sub(1),
        kw,
        0,
        1,
    )?;
    let this = ba(vm, &args[0])?;
    let i = match args.get(1) {
        Some(o) => index_arg(vm, o)?,
        None => -1,
    };
    let len = this.value.borrow().len() as isize;
    if len == 0 {
        return Err(vm.new_index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.new_index_error("pop index out of range"));
    }
    this.check_resize(vm, len as usize - 1)?;
    let v = this.value.borrow_mut().remove(j as usize);
    Ok(vm.new_int(v as i64))
}

fn ba_remove(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let item = one_arg(vm, "bytearray.remove", args, kw)?;
    let b = byte_value(vm, item)?;
    let this = ba(vm, &args[0])?;
    let found = this.value.borrow().iter().position(|&x| x == b);
    match found {
        Some(p) => {
            let len = this.value.borrow().len();
            this.check_resize(vm, len - 1)?;
            this.value.borrow_mut().remove(p);
            Ok(vm.none())
        }
        None => Err(vm.new_value_error("value not found in bytearray")),
    }
}

fn ba_reverse(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    no_args(vm, "bytearray.reverse", args, kw)?;
    ba(vm, &args[0])?.value.borrow_mut().reverse();
    Ok(vm.none())
}

fn ba_clear(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    no_args(vm, "bytearray.clear", args, kw)?;
    let this = ba(vm, &args[0])?;
    this.check_resize(vm, 0)?;
    this.value.borrow_mut().clear();
    Ok(vm.none())
}

fn ba_copy(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    no_args(vm, "bytearray.copy", args, kw)?;
    let data = ba(vm, &args[0])?.value.borrow().clone();
    Ok(vm.new_bytearray(data))
}

fn alloc_size(len: usize) -> usize {
    if len == 0 {
        0
    } else {
        len + 1
    }
}

fn ba_alloc(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    no_args(vm, "bytearray.__alloc__", args, kw)?;
    let n = ba(vm, &args[0])?.value.borrow().len();
    Ok(vm.new_int(alloc_size(n) as i64))
}

fn ba_sizeof(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    no_args(vm, "bytearray.__sizeof__", args, kw)?;
    let n = ba(vm, &args[0])?.value.borrow().len();
    Ok(vm.new_int(56 + alloc_size(n) as i64))
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let t = &vm.types.bytearray_type;
    let slots = &t.payload.slots;
    slots.repr.set(Some(ba_repr));
    slots.richcompare.set(Some(buffer_richcompare));
    slots.len.set(Some(ba_len));
    slots.contains.set(Some(ba_contains));
    slots.getitem.set(Some(ba_getitem));
    slots.setitem.set(Some(ba_setitem));
    slots.iter.set(Some(buffer_iter));
    slots.nb_binary[NumberOp::Add as usize].set(Some(ba_add));
    slots.nb_binary[NumberOp::Multiply as usize].set(Some(ba_mul));
    slots.nb_binary[NumberOp::Remainder as usize].set(Some(ba_mod));
    slots.nb_inplace[NumberOp::Add as usize].set(Some(ba_iadd));
    slots.nb_inplace[NumberOp::Multiply as usize].set(Some(ba_imul));
    slots.new.set(Some(ba_new));
    slots.init.set(Some(ba_init));
    crate::objects::bytes_methods::init_common(vm, t);
    vm.add_method(t, "append", ba_append);
    vm.add_method(t, "extend", ba_extend);
    vm.add_method(t, "insert", ba_insert);
    vm.add_method(t, "pop", ba_pop);
    vm.add_method(t, "remove", ba_remove);
    vm.add_method(t, "reverse", ba_reverse);
    vm.add_method(t, "clear", ba_clear);
    vm.add_method(t, "copy", ba_copy);
    vm.add_method(t, "__alloc__", ba_alloc);
    vm.add_method(t, "__sizeof__", ba_sizeof);
}
