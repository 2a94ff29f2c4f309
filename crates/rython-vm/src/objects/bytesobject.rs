//! `bytes` (CPython's Objects/bytesobject.c).

use std::cell::Cell;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::bytes_methods::{
    buffer_bytes, buffer_bytes_any, bytes_or_bytearray, is_buffer,
};
use crate::objects::iterobject::PyBytesIterator;
use crate::objects::longobject::PyInt;
use crate::objects::sliceobject::PySlice;
use crate::objects::str_methods::{slice_indices, slice_len};
use crate::objects::strobject::{repeat_bytes, repeat_count, str_arg, try_other_slot, PyStr};
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{CompareOp, NumberOp};
use crate::{PyResult, VM};

pub struct PyBytes {
    pub value: Box<[u8]>,
    pub hash: Cell<i64>,
}

impl PyPayload for PyBytes {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.bytes_type
    }
}

impl PyBytes {
    pub fn new(v: impl Into<Box<[u8]>>) -> PyBytes {
        PyBytes {
            value: v.into(),
            hash: Cell::new(-1),
        }
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.value
    }
}

impl VM {
    pub fn new_bytes(&self, v: impl Into<Box<[u8]>>) -> PyObjectRef {
        PyRef::new_exact(PyBytes::new(v), self.types.bytes_type.clone()).into_object()
    }
}

fn bytes_of<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyBytes> {
    obj.downcast_ref::<PyBytes>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor for 'bytes' objects doesn't apply to a '{}' object",
            obj.class().name_string()
        ))
    })
}

fn bytes_repr(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let b = bytes_of(vm, obj)?;
    Ok(vm.new_str_obj(rython_common::repr_str::repr_bytes(b.as_bytes())))
}

fn bytes_hash(vm: &VM, obj: &PyObjectRef) -> PyResult<i64> {
    let b = bytes_of(vm, obj)?;
    let h = b.hash.get();
    if h != -1 {
        return Ok(h);
    }
    let h = vm.hash_secret.hash_bytes(b.as_bytes());
    b.hash.set(h);
    Ok(h)
}

/// `bytes` compares only with bytes; other buffers (bytearray,
/// memoryview) answer through their own comparison.
fn bytes_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: CompareOp,
) -> PyResult<PyObjectRef> {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyBytes>(), b.downcast_ref::<PyBytes>()) else {
        return Ok(vm.not_implemented());
    };
    Ok(vm.new_bool(op.holds(x.as_bytes().cmp(y.as_bytes()))))
}

/// Comparison of a bytearray with any C-contiguous buffer, by content.
pub(crate) fn buffer_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: CompareOp,
) -> PyResult<PyObjectRef> {
    let (Ok(Some(x)), Ok(Some(y))) = (buffer_bytes(vm, a), buffer_bytes(vm, b)) else {
        return Ok(vm.not_implemented());
    };
    let ord = x.cmp(&y);
    Ok(vm.new_bool(op.holds(ord)))
}

fn bytes_len(vm: &VM, obj: &PyObjectRef) -> PyResult<usize> {
    Ok(bytes_of(vm, obj)?.as_bytes().len())
}

/// `x in b` for bytes and bytearray: an int byte or a bytes-like needle.
pub(crate) fn buffer_contains(vm: &VM, hay: &[u8], item: &PyObjectRef) -> PyResult<bool> {
    if let Some(sub) = buffer_bytes(vm, item)? {
        return Ok(crate::objects::bytes_methods::find_sub(hay, &sub).is_some());
    }
    if item.payload_is::<PyInt>() || item.class().payload.slots.nb_index.get().is_some() {
        let v = crate::objects::bytes_methods::byte_value(vm, item)?;
        return Ok(hay.contains(&v));
    }
    Err(vm.new_type_error(format!(
        "a bytes-like object is required, not '{}'",
        item.class().name_string()
    )))
}

fn bytes_contains(vm: &VM, obj: &PyObjectRef, item: &PyObjectRef) -> PyResult<bool> {
    let b = bytes_of(vm, obj)?;
    buffer_contains(vm, b.as_bytes(), item)
}

/// Indexing shared by bytes and bytearray: `Ok(Err(bytes))` for a slice.
pub(crate) fn buffer_getitem(
    vm: &VM,
    data: &[u8],
    key: &PyObjectRef,
    type_word: &str,
    index_msg: &str,
) -> PyResult<Result<u8, Vec<u8>>> {
    if let Some(slice) = key.downcast_ref::<PySlice>() {
        let (start, stop, step) = slice_indices(vm, slice, data.len())?;
        let n = slice_len(start, stop, step);
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(data[i as usize]);
            i += step;
        }
        return Ok(Err(out));
    }
    if key.payload_is::<PyInt>() || key.class().payload.slots.nb_index.get().is_some() {
        let i = vm.to_isize(key, "")?;
        let len = data.len() as i64;
        let j = if i < 0 { i + len } else { i };
        if j < 0 || j >= len {
            return Err(vm.new_index_error(index_msg.to_string()));
        }
        return Ok(Ok(data[j as usize]));
    }
    Err(vm.new_type_error(format!(
        "{type_word} indices must be integers or slices, not {}",
        key.class().name_string()
    )))
}

fn bytes_getitem(vm: &VM, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult<PyObjectRef> {
    let b = bytes_of(vm, obj)?;
    match buffer_getitem(vm, b.as_bytes(), key, "byte", "index out of range")? {
        Ok(v) => Ok(vm.new_int(v as i64)),
        Err(v) => {
            // Only the full forward slice `b[:]` is `b` itself.
            let full_forward = key.downcast_ref::<PySlice>().is_some_and(|sl| {
                slice_indices(vm, sl, b.as_bytes().len())
                    .is_ok_and(|(st, sp, step)| step == 1 && st == 0 && sp as usize == v.len())
            });
            if full_forward && v.len() == b.as_bytes().len() && obj.class().is(&vm.types.bytes_type)
            {
                return Ok(obj.clone());
            }
            Ok(vm.new_bytes(v))
        }
    }
}

pub(crate) fn buffer_iter(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let ty = if obj.payload_is::<crate::objects::bytearrayobject::PyByteArray>() {
        &vm.types.bytearray_iterator_type
    } else {
        &vm.types.bytes_iterator_type
    };
    Ok(PyRef::new_exact(
        PyBytesIterator {
            bytes: std::cell::RefCell::new(Some(obj.clone())),
            index: Cell::new(0),
        },
        ty.clone(),
    )
    .into_object())
}

fn iter_self(_vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(obj.clone())
}

/// `__reduce__`: `(iter, (seq,), index)`, or `(iter, ((),))` once exhausted.
fn bytes_iter_reduce(vm: &VM, a: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = crate::objects::seqcommon::method_args(vm, "__reduce__", a, kw, 0, 0)?;
    let iter = vm
        .builtins
        .payload
        .get_str_name(vm, "iter")
        .unwrap_or_else(|| vm.none());
    let it = me
        .downcast_ref::<PyBytesIterator>()
        .ok_or_else(|| vm.new_type_error("expected a bytes iterator"))?;
    let seq = it.bytes.borrow().clone();
    Ok(match seq {
        Some(s) => vm.new_tuple_obj(vec![
            iter,
            vm.new_tuple_obj(vec![s]),
            vm.new_int(it.index.get() as i64),
        ]),
        None => vm.new_tuple_obj(vec![
            iter,
            vm.new_tuple_obj(vec![vm.new_tuple_obj(Vec::new())]),
        ]),
    })
}

/// `__setstate__(index)`: the position, clamped to the sequence.
fn bytes_iter_setstate(vm: &VM, a: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let (me, rest) = crate::objects::seqcommon::method_args(vm, "__setstate__", a, kw, 1, 1)?;
    let i = vm.to_isize(&rest[0], "")?;
    if let Some(it) = me.downcast_ref::<PyBytesIterator>() {
        if let Some(s) = &*it.bytes.borrow() {
            it.index.set((i.max(0) as usize).min(iterated_len(s)));
        }
    }
    Ok(vm.none())
}

/// The length of what a bytes iterator iterates.
fn iterated_len(o: &PyObjectRef) -> usize {
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        b.as_bytes().len()
    } else if let Some(b) = o.downcast_ref::<crate::objects::bytearrayobject::PyByteArray>() {
        b.value.borrow().len()
    } else {
        0
    }
}

fn bytes_iternext(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let Some(it) = obj.downcast_ref::<PyBytesIterator>() else {
        return Ok(None);
    };
    let i = it.index.get();
    let v = match &*it.bytes.borrow() {
        Some(o) => {
            if let Some(b) = o.downcast_ref::<PyBytes>() {
                b.as_bytes().get(i).copied()
            } else if let Some(b) = o.downcast_ref::<crate::objects::bytearrayobject::PyByteArray>()
            {
                b.value.borrow().get(i).copied()
            } else {
                None
            }
        }
        None => None,
    };
    match v {
        Some(v) => {
            it.index.set(i + 1);
            Ok(Some(vm.new_int(v as i64)))
        }
        None => {
            let dead = it.bytes.borrow_mut().take();
            drop(dead);
            Ok(None)
        }
    }
}

fn bytes_iter_length_hint(vm: &VM, a: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = crate::objects::seqcommon::method_args(vm, "__length_hint__", a, kw, 0, 0)?;
    let n = match me.downcast_ref::<PyBytesIterator>() {
        Some(it) => match &*it.bytes.borrow() {
            Some(o) => iterated_len(o).saturating_sub(it.index.get()),
            None => 0,
        },
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

/// `a + b` for bytes-like `a`: the result has `a`'s type.
pub(crate) fn buffer_concat(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    type_name: &str,
) -> PyResult<Option<Vec<u8>>> {
    let Some(x) = bytes_or_bytearray(a) else {
        return Ok(None);
    };
    let Ok(Some(y)) = buffer_bytes(vm, b) else {
        return Err(vm.new_type_error(format!(
            "can't concat {} to {type_name}",
            b.class().name_string()
        )));
    };
    let mut out = Vec::new();
    out.try_reserve_exact(x.len() + y.len())
        .map_err(|_| vm.new_memory_error())?;
    out.extend_from_slice(&x);
    out.extend_from_slice(&y);
    Ok(Some(out))
}

fn bytes_add(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    if !a.payload_is::<PyBytes>() {
        return Ok(vm.not_implemented());
    }
    if !is_buffer(b) {
        if let Some(r) = try_other_slot(vm, a, b, NumberOp::Add)? {
            return Ok(r);
        }
    }
    match buffer_concat(vm, a, b, "bytes")? {
        Some(v) => Ok(vm.new_bytes(v)),
        None => Ok(vm.not_implemented()),
    }
}

/// `seq * n` / `n * seq` for a bytes-like type: the sequence and the count,
/// or `None` when neither operand is `is_seq`.
pub(crate) fn buffer_repeat_operands(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    is_seq: fn(&PyObjectRef) -> bool,
) -> PyResult<Option<Result<(Vec<u8>, isize), PyObjectRef>>> {
    let (seq, n) = if is_seq(a) {
        let exact_int = b.class().is(&vm.types.int_type) || b.class().is(&vm.types.bool_type);
        if !is_seq(b) && !exact_int {
            if let Some(r) = try_other_slot(vm, a, b, NumberOp::Multiply)? {
                return Ok(Some(Err(r)));
            }
        }
        (a, b)
    } else if is_seq(b) {
        if crate::objects::strobject::is_builtin_sequence(a) {
            return Ok(Some(Err(vm.not_implemented())));
        }
        (b, a)
    } else {
        return Ok(None);
    };
    let count = repeat_count(vm, n)?;
    Ok(Some(Ok((
        bytes_or_bytearray(seq).unwrap_or_default(),
        count,
    ))))
}

fn bytes_mul(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    match buffer_repeat_operands(vm, a, b, |o| o.payload_is::<PyBytes>())? {
        None => Ok(vm.not_implemented()),
        Some(Err(r)) => Ok(r),
        Some(Ok((data, n))) => Ok(vm.new_bytes(repeat_bytes(vm, &data, n, "bytes object")?)),
    }
}

fn bytes_mod(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let Some(x) = a.downcast_ref::<PyBytes>() else {
        return Ok(vm.not_implemented());
    };
    let out = crate::objects::str_percent::format_bytes(vm, x.as_bytes(), b)?;
    Ok(vm.new_bytes(out))
}

/// Argument Clinic's `str` converters of `bytes()`/`bytearray()`: an
/// `encoding` or `errors` given must be a str, whatever the source.
pub(crate) fn check_encoding_args(
    vm: &VM,
    fname: &str,
    encoding: Option<&PyObjectRef>,
    errors: Option<&PyObjectRef>,
) -> PyResult<()> {
    if let Some(e) = encoding {
        str_arg(vm, e, fname, "'encoding'")?;
    }
    if let Some(e) = errors {
        str_arg(vm, e, fname, "'errors'")?;
    }
    Ok(())
}

/// The initial contents of `bytes(...)` / `bytearray(...)`.
pub(crate) fn bytes_from_source(
    vm: &VM,
    source: Option<&PyObjectRef>,
    encoding: Option<&PyObjectRef>,
    errors: Option<&PyObjectRef>,
    type_name: &str,
) -> PyResult<Vec<u8>> {
    let Some(src) = source else {
        if encoding.is_some() {
            return Err(vm.new_type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(vm.new_type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = src.downcast_ref::<PyStr>() {
        let Some(enc) = encoding else {
            return Err(vm.new_type_error("string argument without an encoding"));
        };
        let enc = str_arg(vm, enc, type_name, "'encoding'")?;
        let err = match errors {
            Some(e) => str_arg(vm, e, type_name, "'errors'")?,
            None => "strict",
        };
        return crate::objects::codecs::encode_str(vm, s.as_str(), s.is_genuine(), enc, err);
    }
    if encoding.is_some() {
        return Err(vm.new_type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.new_type_error("errors without a string argument"));
    }
    if type_name == "bytes" && !src.class().is(&vm.types.bytes_type) {
        if let Some(m) = vm.lookup_special(src, "__bytes__")? {
            let r = vm.call0(&m)?;
            return match r.downcast_ref::<PyBytes>() {
                Some(b) => Ok(b.as_bytes().to_vec()),
                None => Err(vm.new_type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    r.class().name_string()
                ))),
            };
        }
    }
    if let Some(b) = buffer_bytes_any(vm, src)? {
        return Ok(b);
    }
    if src.payload_is::<PyInt>() || src.class().payload.slots.nb_index.get().is_some() {
        let n = vm.to_index(src)?;
        let n = match n.downcast_ref::<PyInt>() {
            Some(PyInt::Small(v)) => *v,
            Some(PyInt::Big(b)) if b.sign() == num_bigint::Sign::Minus => -1,
            _ => return Err(vm.new_overflow_error("cannot fit 'int' into an index-sized integer")),
        };
        if n < 0 {
            return Err(vm.new_value_error("negative count"));
        }
        let mut v = Vec::new();
        v.try_reserve_exact(n as usize)
            .map_err(|_| vm.new_memory_error())?;
        v.resize(n as usize, 0);
        return Ok(v);
    }
    if !crate::objects::str_methods::is_iterable(vm, src) {
        return Err(vm.new_type_error(format!(
            "cannot convert '{}' object to {type_name}",
            src.class().name_string()
        )));
    }
    let mut out = Vec::new();
    for x in vm.collect(src)? {
        let i = vm.to_index(&x)?;
        match i.downcast_ref::<PyInt>().and_then(|i| i.as_i64()) {
            Some(v) if (0..256).contains(&v) => out.push(v as u8),
            _ => return Err(vm.new_value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

fn bytes_new(
    vm: &VM,
    cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<PyObjectRef> {
    let [source, encoding, errors] = crate::python::args::bind(
        vm,
        "bytes",
        args,
        kwnames,
        ["source", "encoding", "errors"],
        0,
        0,
    )?;
    check_encoding_args(vm, "bytes", encoding.as_ref(), errors.as_ref())?;
    let v = bytes_from_source(
        vm,
        source.as_ref(),
        encoding.as_ref(),
        errors.as_ref(),
        "bytes",
    )?;
    if cls.is(&vm.types.bytes_type) {
        // bytes(b) of an exact bytes is b itself.
        if let Some(s) = &source {
            if s.class().is(&vm.types.bytes_type) && encoding.is_none() {
                return Ok(s.clone());
            }
        }
        return Ok(vm.new_bytes(v));
    }
    Ok(PyRef::new_with_type(PyBytes::new(v), cls.clone()).into_object())
}

type Kw<'a> = Option<&'a PyTupleRef>;

fn bytes_getnewargs(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    crate::objects::str_methods::no_args(vm, "bytes.__getnewargs__", args, kw)?;
    let b = bytes_of(vm, &args[0])?;
    Ok(vm.new_tuple_obj(vec![vm.new_bytes(b.as_bytes().to_vec())]))
}

fn bytes_bytes(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    crate::objects::str_methods::no_args(vm, "bytes.__bytes__", args, kw)?;
    let b = bytes_of(vm, &args[0])?;
    if args[0].class().is(&vm.types.bytes_type) {
        return Ok(args[0].clone());
    }
    Ok(vm.new_bytes(b.as_bytes().to_vec()))
}

fn bytes_sizeof(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    crate::objects::str_methods::no_args(vm, "bytes.__sizeof__", args, kw)?;
    let b = bytes_of(vm, &args[0])?;
    Ok(vm.new_int(33 + b.as_bytes().len() as i64))
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let t = &vm.types.bytes_type;
    let slots = &t.payload.slots;
    slots.repr.set(Some(bytes_repr));
    slots.hash.set(Some(bytes_hash));
    slots.richcompare.set(Some(bytes_richcompare));
    slots.len.set(Some(bytes_len));
    slots.contains.set(Some(bytes_contains));
    slots.getitem.set(Some(bytes_getitem));
    slots.iter.set(Some(buffer_iter));
    slots.nb_binary[NumberOp::Add as usize].set(Some(bytes_add));
    slots.nb_binary[NumberOp::Multiply as usize].set(Some(bytes_mul));
    slots.nb_binary[NumberOp::Remainder as usize].set(Some(bytes_mod));
    slots.new.set(Some(bytes_new));
    for ty in [
        &vm.types.bytes_iterator_type,
        &vm.types.bytearray_iterator_type,
    ] {
        let it = &ty.payload.slots;
        it.iter.set(Some(iter_self));
        it.iternext.set(Some(bytes_iternext));
        vm.add_method(ty, "__length_hint__", bytes_iter_length_hint);
        vm.add_method(ty, "__reduce__", bytes_iter_reduce);
        vm.add_method(ty, "__setstate__", bytes_iter_setstate);
    }
    crate::objects::bytes_methods::init_common(vm, t);
    vm.add_method(t, "__getnewargs__", bytes_getnewargs);
    vm.add_method(t, "__bytes__", bytes_bytes);
    vm.add_method(t, "__sizeof__", bytes_sizeof);
}
