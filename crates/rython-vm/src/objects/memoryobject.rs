//! `memoryview` (CPython's Objects/memoryobject.c) over the buffers of
//! `bytes` and `bytearray`.
//!
//! A view records where its items live in the exporting object (byte
//! offset, shape, strides) and reads or writes the exporter's bytes on each
//! access, so a bytearray's changes show through. Items have one of the
//! native single-character `struct` formats: 'B' for a new view, any other
//! (and an N-dimensional shape) through `cast`. Every unreleased view of a
//! bytearray counts as an export of it (`PyByteArray::exports`): the
//! bytearray cannot change size while one exists, so offsets stay valid.

use std::cell::Cell;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::bytearrayobject::PyByteArray;
use crate::objects::bytesobject::PyBytes;
use crate::objects::longobject::PyInt;
use crate::objects::sliceobject::PySlice;
use crate::objects::str_methods::{slice_indices, slice_len};
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::{PyTuple, PyTupleRef};
use crate::objects::typeobject::CompareOp;
use crate::python::args;
use crate::{PyResult, VM};

/// Where a view's items are: everything but the exporter.
#[derive(Clone)]
struct Layout {
    /// Byte offset of the first item (of a non-empty view).
    offset: isize,
    /// As given to `cast` ("B", "@H"...).
    format: Box<str>,
    /// The format character (without the '@').
    code: u8,
    itemsize: usize,
    /// One entry per dimension; empty for a 0-dim view.
    shape: Vec<usize>,
    strides: Vec<isize>,
    readonly: bool,
}

pub struct PyMemoryView {
    /// The exporter: a bytes or a bytearray (never another view).
    pub obj: PyObjectRef,
    layout: Layout,
    released: Cell<bool>,
    hash: Cell<Option<i64>>,
}

impl PyPayload for PyMemoryView {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.memoryview_type
    }
}

impl Drop for PyMemoryView {
    fn drop(&mut self) {
        if !self.released.get() {
            unexport(&self.obj);
        }
    }
}

/// The iterator of a 1-D view (`memory_iterator`).
pub struct PyMemoryIterator {
    view: PyObjectRef,
    index: Cell<usize>,
}

impl PyPayload for PyMemoryIterator {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.memory_iterator_type
    }
}

fn export(obj: &PyObjectRef) {
    if let Some(b) = obj.downcast_ref::<PyByteArray>() {
        b.exports.set(b.exports.get() + 1);
    }
}

fn unexport(obj: &PyObjectRef) {
    if let Some(b) = obj.downcast_ref::<PyByteArray>() {
        b.exports.set(b.exports.get().saturating_sub(1));
    }
}

/// A new view of `obj` (registered as an export of it).
fn new_view(cls: &PyTypeRef, obj: PyObjectRef, layout: Layout) -> PyObjectRef {
    export(&obj);
    PyRef::new_with_type(
        PyMemoryView {
            obj,
            layout,
            released: Cell::new(false),
            hash: Cell::new(None),
        },
        cls.clone(),
    )
    .into_object()
}

/// `get_native_fmtchar`: the format character and item size of a native
/// single-character format, optionally prefixed with '@'.
fn native_format(fmt: &str) -> Option<(u8, usize)> {
    let f = fmt.strip_prefix('@').unwrap_or(fmt).as_bytes();
    if f.len() != 1 {
        return None;
    }
    let size = match f[0] {
        b'c' | b'b' | b'B' | b'?' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    };
    Some((f[0], size))
}

fn is_byte_format(code: u8) -> bool {
    matches!(code, b'B' | b'b' | b'c')
}

/// One unpacked item.
#[derive(Clone, Copy)]
enum Item {
    Int(i128),
    Float(f64),
    Bool(bool),
    Char(u8),
}

fn unpack(code: u8, b: &[u8]) -> Item {
    let mut raw = [0u8; 8];
    raw[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
    let u = u64::from_le_bytes(raw);
    let signed = |bits: u32| -> i128 {
        let shift = 64 - bits;
        (((u << shift) as i64) >> shift) as i128
    };
    match code {
        b'c' => Item::Char(raw[0]),
        b'?' => Item::Bool(raw[0] != 0),
        b'b' => Item::Int(signed(8)),
        b'h' => Item::Int(signed(16)),
        b'i' => Item::Int(signed(32)),
        b'l' | b'q' | b'n' => Item::Int(signed(64)),
        b'f' => Item::Float(f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as f64),
        b'd' => Item::Float(f64::from_bits(u)),
        b'e' => Item::Float(half_to_f64(u as u16)),
        // B H I L Q N P
        _ => Item::Int(u as i128),
    }
}

fn item_obj(vm: &VM, it: Item) -> PyObjectRef {
    match it {
        Item::Int(v) => match i64::try_from(v) {
            Ok(v) => vm.new_int(v),
            Err(_) => vm.new_bigint(v.into()),
        },
        Item::Float(f) => vm.new_float(f),
        Item::Bool(b) => vm.new_bool(b),
        Item::Char(c) => vm.new_bytes(vec![c]),
    }
}

/// `==` of two unpacked items, as Python compares the objects.
fn item_eq(a: Item, b: Item) -> bool {
    fn int_of(i: Item) -> i128 {
        match i {
            Item::Int(v) => v,
            Item::Bool(b) => b as i128,
            _ => 0,
        }
    }
    fn int_float_eq(n: i128, f: f64) -> bool {
        f.is_finite() && f.fract() == 0.0 && f.abs() < 1.0e38 && f as i128 == n
    }
    match (a, b) {
        (Item::Char(x), Item::Char(y)) => x == y,
        (Item::Char(_), _) | (_, Item::Char(_)) => false,
        (Item::Float(x), Item::Float(y)) => x == y,
        (Item::Float(f), i) | (i, Item::Float(f)) => int_float_eq(int_of(i), f),
        (x, y) => int_of(x) == int_of(y),
    }
}

/// `PyFloat_Unpack2`.
fn half_to_f64(h: u16) -> f64 {
    let sign = h >> 15 != 0;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let x = if e == 0x1f {
        if f == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if e == 0 {
        f / 1024.0 * 2f64.powi(-14)
    } else {
        (1.0 + f / 1024.0) * 2f64.powi(e - 15)
    };
    if sign {
        -x
    } else {
        x
    }
}

/// `PyFloat_Pack2`: `None` when `x` is too large for a half float.
fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x == 0.0 {
        return Some(sign);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    // frexp, normalised to 1 <= f < 2: |x| = f * 2**e. Subnormal doubles
    // are far below the half range and underflow to zero.
    let bits64 = x.abs().to_bits();
    let biased = ((bits64 >> 52) & 0x7ff) as i32;
    if biased == 0 {
        return Some(sign);
    }
    let mut f = f64::from_bits((bits64 & ((1u64 << 52) - 1)) | (1023u64 << 52));
    let mut e = biased - 1023;
    if e >= 16 {
        return None;
    } else if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        // Gradual underflow.
        f *= 2f64.powi(14 + e);
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    // Round half to even.
    let mut bits = f as u16;
    let rest = f - bits as f64;
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(sign | ((e as u16) << 10) | bits)
}

fn type_error_fmt(vm: &VM, fmt: &str) -> crate::PyBaseExceptionRef {
    vm.new_type_error(format!("memoryview: invalid type for format '{fmt}'"))
}

fn value_error_fmt(vm: &VM, fmt: &str) -> crate::PyBaseExceptionRef {
    vm.new_value_error(format!("memoryview: invalid value for format '{fmt}'"))
}

/// `fix_error_int`: a conversion error becomes memoryview's own.
fn fix_error(vm: &VM, e: crate::PyBaseExceptionRef, fmt: &str) -> crate::PyBaseExceptionRef {
    let t = e.as_object().class().clone();
    let exc = &vm.types.exc;
    if t.is_subtype(&exc.type_error) {
        type_error_fmt(vm, fmt)
    } else if t.is_subtype(&exc.overflow_error) || t.is_subtype(&exc.value_error) {
        value_error_fmt(vm, fmt)
    } else {
        e
    }
}

/// `pack_single`: the bytes of `v` as one item of format `code`.
fn pack(vm: &VM, code: u8, itemsize: usize, fmt: &str, v: &PyObjectRef) -> PyResult<Vec<u8>> {
    let int_range = |lo: i128, hi: i128| -> PyResult<Vec<u8>> {
        let i = vm.to_index(v).map_err(|e| fix_error(vm, e, fmt))?;
        let n = match i.downcast_ref::<PyInt>() {
            Some(PyInt::Small(x)) => *x as i128,
            Some(PyInt::Big(b)) => {
                num_traits::ToPrimitive::to_i128(&**b).ok_or_else(|| value_error_fmt(vm, fmt))?
            }
            None => return Err(type_error_fmt(vm, fmt)),
        };
        if n < lo || n > hi {
            return Err(value_error_fmt(vm, fmt));
        }
        Ok(n.to_le_bytes()[..itemsize].to_vec())
    };
    let float = || -> PyResult<f64> { vm.to_f64(v).map_err(|e| fix_error(vm, e, fmt)) };
    match code {
        b'b' => int_range(i8::MIN as i128, i8::MAX as i128),
        b'B' => int_range(0, u8::MAX as i128),
        b'h' => int_range(i16::MIN as i128, i16::MAX as i128),
        b'H' => int_range(0, u16::MAX as i128),
        b'i' => int_range(i32::MIN as i128, i32::MAX as i128),
        b'I' => int_range(0, u32::MAX as i128),
        b'l' | b'q' | b'n' => int_range(i64::MIN as i128, i64::MAX as i128),
        b'L' | b'Q' | b'N' => int_range(0, u64::MAX as i128),
        b'P' => {
            // PyLong_AsVoidPtr wants an int (no __index__); negative
            // values wrap.
            if !v.payload_is::<PyInt>() {
                return Err(type_error_fmt(vm, fmt));
            }
            int_range(i64::MIN as i128, u64::MAX as i128)
        }
        b'f' => Ok((float()? as f32).to_le_bytes().to_vec()),
        b'd' => Ok(float()?.to_le_bytes().to_vec()),
        b'e' => match f64_to_half(float()?) {
            Some(h) => Ok(h.to_le_bytes().to_vec()),
            None => Err(value_error_fmt(vm, fmt)),
        },
        b'?' => Ok(vec![vm.is_true(v)? as u8]),
        b'c' => match v.downcast_ref::<PyBytes>() {
            Some(b) if b.as_bytes().len() == 1 => Ok(b.as_bytes().to_vec()),
            Some(_) => Err(value_error_fmt(vm, fmt)),
            None => Err(type_error_fmt(vm, fmt)),
        },
        _ => Err(vm.new_exception_msg(
            &vm.types.exc.not_implemented_error,
            format!("memoryview: format {fmt} not supported"),
        )),
    }
}

/// The raw bytes of the items of size `size` at `positions` in the buffer
/// of `obj` (a bytes or bytearray), concatenated.
fn read(vm: &VM, obj: &PyObjectRef, size: usize, positions: &[isize]) -> PyResult<Vec<u8>> {
    let get = |buf: &[u8]| -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(positions.len() * size);
        for &p in positions {
            let item = usize::try_from(p)
                .ok()
                .and_then(|p| buf.get(p..p.checked_add(size)?))?;
            out.extend_from_slice(item);
        }
        Some(out)
    };
    let r = if let Some(b) = obj.downcast_ref::<PyBytes>() {
        get(b.as_bytes())
    } else if let Some(b) = obj.downcast_ref::<PyByteArray>() {
        get(&b.value.borrow())
    } else {
        return Err(vm.new_type_error("memoryview: unsupported underlying object"));
    };
    r.ok_or_else(|| vm.new_index_error("memoryview: underlying buffer changed size"))
}

/// All the bytes of a layout over `obj`, in C order. The items of a
/// C-contiguous layout are one run of bytes.
fn read_all(vm: &VM, obj: &PyObjectRef, l: &Layout) -> PyResult<Vec<u8>> {
    if l.contiguous(false) {
        let n = l.nbytes();
        if n == 0 {
            return Ok(Vec::new());
        }
        return read(vm, obj, n, &[l.offset]);
    }
    read(vm, obj, l.itemsize, &l.positions(false))
}

/// The unpacked items of a layout over `obj`, in C order.
fn items(vm: &VM, obj: &PyObjectRef, l: &Layout) -> PyResult<Vec<Item>> {
    let raw = read_all(vm, obj, l)?;
    Ok(raw.chunks(l.itemsize).map(|c| unpack(l.code, c)).collect())
}

fn released_error(vm: &VM) -> crate::PyBaseExceptionRef {
    vm.new_value_error("operation forbidden on released memoryview object")
}

impl Layout {
    fn ndim(&self) -> usize {
        self.shape.len()
    }

    fn nitems(&self) -> usize {
        self.shape.iter().product()
    }

    fn nbytes(&self) -> usize {
        self.nitems() * self.itemsize
    }

    /// The format without its '@' (`adjust_fmt`).
    fn fmt(&self) -> &str {
        self.format.strip_prefix('@').unwrap_or(&self.format)
    }

    /// `PyBuffer_IsContiguous(view, 'C')` / `'F'`, as `init_flags` records
    /// them.
    fn contiguous(&self, fortran: bool) -> bool {
        match self.ndim() {
            0 => true,
            1 => self.shape[0] == 1 || self.strides[0] == self.itemsize as isize,
            n => {
                if self.nbytes() == 0 {
                    return true;
                }
                let mut sd = self.itemsize as isize;
                let dims: Vec<usize> = if fortran {
                    (0..n).collect()
                } else {
                    (0..n).rev().collect()
                };
                for i in dims {
                    if self.shape[i] > 1 && self.strides[i] != sd {
                        return false;
                    }
                    sd *= self.shape[i] as isize;
                }
                true
            }
        }
    }

    /// Byte offsets of the items, in C (row-major) or Fortran order.
    fn positions(&self, fortran: bool) -> Vec<isize> {
        let n = self.nitems();
        let mut out = Vec::with_capacity(n);
        if n == 0 {
            return out;
        }
        let nd = self.ndim();
        let mut idx = vec![0usize; nd];
        for _ in 0..n {
            let mut p = self.offset;
            for (k, &i) in idx.iter().enumerate() {
                p += i as isize * self.strides[k];
            }
            out.push(p);
            // Advance the odometer: last axis fastest in C order.
            let order: Box<dyn Iterator<Item = usize>> = if fortran {
                Box::new(0..nd)
            } else {
                Box::new((0..nd).rev())
            };
            for k in order {
                idx[k] += 1;
                if idx[k] < self.shape[k] {
                    break;
                }
                idx[k] = 0;
            }
        }
        out
    }
}

impl PyMemoryView {
    pub fn check(&self, vm: &VM) -> PyResult<()> {
        if self.released.get() {
            return Err(released_error(vm));
        }
        Ok(())
    }

    pub fn readonly(&self) -> bool {
        self.layout.readonly
    }

    fn read(&self, vm: &VM, positions: &[isize]) -> PyResult<Vec<u8>> {
        read(vm, &self.obj, self.layout.itemsize, positions)
    }

    /// Writes `data` (whole items, in order) at `positions`.
    fn write(&self, vm: &VM, positions: &[isize], data: &[u8]) -> PyResult<()> {
        let Some(ba) = self.obj.downcast_ref::<PyByteArray>() else {
            return Err(vm.new_type_error("cannot modify read-only memory"));
        };
        let size = self.layout.itemsize;
        let mut buf = ba.value.borrow_mut();
        for (&p, chunk) in positions.iter().zip(data.chunks(size)) {
            let slot = usize::try_from(p)
                .ok()
                .and_then(|p| buf.get_mut(p..p.checked_add(size)?));
            match slot {
                Some(s) if s.len() == chunk.len() => s.copy_from_slice(chunk),
                _ => return Err(vm.new_index_error("memoryview: underlying buffer changed size")),
            }
        }
        Ok(())
    }

    /// The viewed bytes in C order (`tobytes()`, `PyBUF_FULL_RO` + copy).
    pub fn bytes(&self, vm: &VM) -> PyResult<Vec<u8>> {
        self.check(vm)?;
        read_all(vm, &self.obj, &self.layout)
    }

    /// `PyObject_GetBuffer(view, PyBUF_SIMPLE)`, copied: only a C-contiguous
    /// view has plain bytes.
    pub fn simple_bytes(&self, vm: &VM) -> PyResult<Vec<u8>> {
        self.check(vm)?;
        if !self.layout.contiguous(false) {
            return Err(vm.new_exception_msg(
                &vm.types.exc.buffer_error,
                "memoryview: underlying buffer is not C-contiguous",
            ));
        }
        read_all(vm, &self.obj, &self.layout)
    }

    /// Copies `data` to the start of a writable view's bytes (`readinto`);
    /// returns how many bytes were written.
    pub fn write_bytes(&self, vm: &VM, data: &[u8]) -> PyResult<usize> {
        self.check(vm)?;
        if self.layout.readonly {
            return Err(vm.new_type_error("cannot modify read-only memory"));
        }
        let size = self.layout.itemsize;
        let pos = self.layout.positions(false);
        let n = data.len().min(pos.len() * size);
        // Whole items first, then the bytes of a last partial item.
        let mut raw = self.read(vm, &pos)?;
        raw[..n].copy_from_slice(&data[..n]);
        self.write(vm, &pos, &raw)?;
        Ok(n)
    }

    /// The length of the first dimension (`len(view)`).
    pub fn len(&self, vm: &VM) -> PyResult<usize> {
        self.check(vm)?;
        match self.layout.shape.first() {
            Some(n) => Ok(*n),
            None => Err(vm.new_type_error("0-dim memory has no length")),
        }
    }

    /// The byte offset of item `index` along `dim` from `base`
    /// (`lookup_dimension`).
    fn lookup(&self, vm: &VM, base: isize, dim: usize, index: i64) -> PyResult<isize> {
        let n = self.layout.shape[dim] as i64;
        let i = if index < 0 { index + n } else { index };
        if i < 0 || i >= n {
            return Err(vm.new_index_error(format!("index out of bounds on dimension {}", dim + 1)));
        }
        Ok(base + i as isize * self.layout.strides[dim])
    }

    /// `ptr_from_tuple`: the offset of the item a tuple of indices names.
    fn lookup_tuple(&self, vm: &VM, key: &[PyObjectRef]) -> PyResult<isize> {
        let nd = self.layout.ndim();
        if key.len() > nd {
            return Err(vm.new_type_error(format!(
                "cannot index {nd}-dimension view with {}-element tuple",
                key.len()
            )));
        }
        let mut p = self.layout.offset;
        for (dim, k) in key.iter().enumerate() {
            let i = vm.to_isize(k, "")?;
            p = self.lookup(vm, p, dim, i)?;
        }
        Ok(p)
    }

    fn item_at(&self, vm: &VM, pos: isize) -> PyResult<PyObjectRef> {
        let raw = self.read(vm, &[pos])?;
        Ok(item_obj(vm, unpack(self.layout.code, &raw)))
    }

    fn items(&self, vm: &VM) -> PyResult<Vec<Item>> {
        items(vm, &self.obj, &self.layout)
    }
}

/// The view `o` (the `self` of a method or slot).
fn view<'a>(vm: &VM, o: &'a PyObjectRef) -> PyResult<&'a PyMemoryView> {
    o.downcast_ref::<PyMemoryView>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'memoryview' object but received a '{}'",
            o.class().name_string()
        ))
    })
}

fn checked<'a>(vm: &VM, o: &'a PyObjectRef) -> PyResult<&'a PyMemoryView> {
    let m = view(vm, o)?;
    m.check(vm)?;
    Ok(m)
}

/// The exporter and layout of a fresh view of `obj` (`PyObject_GetBuffer`
/// with `PyBUF_FULL_RO`), or `None` when `obj` has no buffer.
fn buffer_of(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<(PyObjectRef, Layout)>> {
    let flat = |n: usize, readonly: bool| Layout {
        offset: 0,
        format: "B".into(),
        code: b'B',
        itemsize: 1,
        shape: vec![n],
        strides: vec![1],
        readonly,
    };
    if let Some(m) = obj.downcast_ref::<PyMemoryView>() {
        m.check(vm)?;
        return Ok(Some((m.obj.clone(), m.layout.clone())));
    }
    if let Some(b) = obj.downcast_ref::<PyBytes>() {
        return Ok(Some((obj.clone(), flat(b.as_bytes().len(), true))));
    }
    if let Some(b) = obj.downcast_ref::<PyByteArray>() {
        let n = b.value.borrow().len();
        return Ok(Some((obj.clone(), flat(n, false))));
    }
    Ok(None)
}

fn m_new(vm: &VM, cls: &PyTypeRef, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let [obj] = args::bind(vm, "memoryview", a, k, ["object"], 1, 0)?;
    let obj = obj.unwrap_or_else(|| vm.none());
    match buffer_of(vm, &obj)? {
        Some((base, layout)) => Ok(new_view(cls, base, layout)),
        None => Err(vm.new_type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            obj.class().name_string()
        ))),
    }
}

fn m_len(vm: &VM, o: &PyObjectRef) -> PyResult<usize> {
    view(vm, o)?.len(vm)
}

fn is_index(o: &PyObjectRef) -> bool {
    o.payload_is::<PyInt>() || o.class().payload.slots.nb_index.get().is_some()
}

/// `is_multiindex`: a tuple of indices.
fn multi_index(key: &PyObjectRef) -> Option<&[PyObjectRef]> {
    let t = key.downcast_ref::<PyTuple>()?;
    t.as_slice().iter().all(is_index).then(|| t.as_slice())
}

/// `is_multislice`: a tuple of slices.
fn is_multislice(key: &PyObjectRef) -> bool {
    key.downcast_ref::<PyTuple>()
        .is_some_and(|t| t.as_slice().iter().all(|x| x.payload_is::<PySlice>()))
}

fn invalid_key(vm: &VM) -> crate::PyBaseExceptionRef {
    vm.new_type_error("memoryview: invalid slice key")
}

fn not_implemented(vm: &VM, msg: &str) -> crate::PyBaseExceptionRef {
    vm.new_exception_msg(&vm.types.exc.not_implemented_error, msg)
}

/// The layout of `m[slice]` (`init_slice` on the first dimension).
fn sliced(vm: &VM, m: &PyMemoryView, s: &PySlice) -> PyResult<Layout> {
    let mut l = m.layout.clone();
    let (start, stop, step) = slice_indices(vm, s, l.shape[0])?;
    l.offset += start * l.strides[0];
    l.shape[0] = slice_len(start, stop, step);
    l.strides[0] *= step;
    Ok(l)
}

fn m_getitem(vm: &VM, o: &PyObjectRef, key: &PyObjectRef) -> PyResult {
    let m = checked(vm, o)?;
    let nd = m.layout.ndim();
    if nd == 0 {
        if key.downcast_ref::<PyTuple>().is_some_and(|t| t.is_empty()) {
            return m.item_at(vm, m.layout.offset);
        }
        if key.is(&vm.ctx.ellipsis) {
            return Ok(o.clone());
        }
        return Err(vm.new_type_error("invalid indexing of 0-dim memory"));
    }
    if is_index(key) {
        let i = vm.to_isize(key, "")?;
        if nd != 1 {
            return Err(not_implemented(
                vm,
                "multi-dimensional sub-views are not implemented",
            ));
        }
        let p = m.lookup(vm, m.layout.offset, 0, i)?;
        return m.item_at(vm, p);
    }
    if let Some(s) = key.downcast_ref::<PySlice>() {
        let l = sliced(vm, m, s)?;
        return Ok(new_view(&o.class().clone(), m.obj.clone(), l));
    }
    if let Some(idx) = multi_index(key) {
        if idx.len() < nd {
            return Err(not_implemented(vm, "sub-views are not implemented"));
        }
        let p = m.lookup_tuple(vm, idx)?;
        return m.item_at(vm, p);
    }
    if is_multislice(key) {
        return Err(not_implemented(
            vm,
            "multi-dimensional slicing is not implemented",
        ));
    }
    Err(invalid_key(vm))
}

fn m_setitem(vm: &VM, o: &PyObjectRef, key: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let m = checked(vm, o)?;
    let l = &m.layout;
    if l.readonly {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    }
    let Some(v) = v else {
        return Err(vm.new_type_error("cannot delete memory"));
    };
    let nd = l.ndim();
    let store = |pos: isize| -> PyResult<()> {
        let data = pack(vm, l.code, l.itemsize, l.fmt(), &v)?;
        m.check(vm)?;
        m.write(vm, &[pos], &data)
    };
    if nd == 0 {
        if key.is(&vm.ctx.ellipsis) || key.downcast_ref::<PyTuple>().is_some_and(|t| t.is_empty()) {
            return store(l.offset);
        }
        return Err(vm.new_type_error("invalid indexing of 0-dim memory"));
    }
    if is_index(key) {
        if nd > 1 {
            return Err(not_implemented(vm, "sub-views are not implemented"));
        }
        let i = vm.to_isize(key, "")?;
        let p = m.lookup(vm, l.offset, 0, i)?;
        return store(p);
    }
    if let (Some(s), 1) = (key.downcast_ref::<PySlice>(), nd) {
        let Some((src_obj, src)) = buffer_of(vm, &v)? else {
            return Err(vm.new_type_error(format!(
                "a bytes-like object is required, not '{}'",
                v.class().name_string()
            )));
        };
        let dest = sliced(vm, m, s)?;
        let same_format = dest.fmt() == src.fmt() && dest.itemsize == src.itemsize;
        let same_shape = dest.shape == src.shape;
        if !same_format || !same_shape {
            return Err(vm.new_value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        // Read the source first: it may be this very buffer.
        let bytes = read_all(vm, &src_obj, &src)?;
        return m.write(vm, &dest.positions(false), &bytes);
    }
    if let Some(idx) = multi_index(key) {
        if idx.len() < nd {
            return Err(not_implemented(vm, "sub-views are not implemented"));
        }
        let p = m.lookup_tuple(vm, idx)?;
        return store(p);
    }
    if key.payload_is::<PySlice>() || is_multislice(key) {
        return Err(not_implemented(
            vm,
            "memoryview slice assignments are currently restricted to ndim = 1",
        ));
    }
    Err(invalid_key(vm))
}

fn m_iter(vm: &VM, o: &PyObjectRef) -> PyResult {
    let m = checked(vm, o)?;
    match m.layout.ndim() {
        0 => return Err(vm.new_type_error("invalid indexing of 0-dim memory")),
        1 => {}
        _ => {
            return Err(not_implemented(
                vm,
                "multi-dimensional sub-views are not implemented",
            ))
        }
    }
    Ok(PyRef::new_exact(
        PyMemoryIterator {
            view: o.clone(),
            index: Cell::new(0),
        },
        vm.types.memory_iterator_type.clone(),
    )
    .into_object())
}

fn iter_self(_vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(o.clone())
}

fn m_iternext(vm: &VM, o: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let Some(it) = o.downcast_ref::<PyMemoryIterator>() else {
        return Ok(None);
    };
    let m = view(vm, &it.view)?;
    let i = it.index.get();
    if i >= m.layout.shape.first().copied().unwrap_or(0) {
        return Ok(None);
    }
    m.check(vm)?;
    it.index.set(i + 1);
    let p = m.layout.offset + i as isize * m.layout.strides[0];
    m.item_at(vm, p).map(Some)
}

type Args<'a> = &'a [PyObjectRef];
type Kw<'a> = Option<&'a PyTupleRef>;

fn m_tobytes(vm: &VM, a: Args, k: Kw) -> PyResult {
    let [order] = args::bind(vm, "tobytes", &a[1..], k, ["order"], 0, 0)?;
    let m = checked(vm, &a[0])?;
    let fortran = match &order {
        None => false,
        Some(o) if vm.is_none(o) => false,
        Some(o) => match o.downcast_ref::<PyStr>().map(|s| s.as_str()) {
            Some("C") => false,
            Some("F") => true,
            Some("A") => m.layout.contiguous(true) && !m.layout.contiguous(false),
            Some(_) => return Err(vm.new_value_error("order must be 'C', 'F' or 'A'")),
            None => {
                return Err(vm.new_type_error(format!(
                    "tobytes() argument 'order' must be str or None, not {}",
                    o.class().name_string()
                )))
            }
        },
    };
    if !fortran {
        return Ok(vm.new_bytes(m.bytes(vm)?));
    }
    Ok(vm.new_bytes(m.read(vm, &m.layout.positions(true))?))
}

fn m_tolist(vm: &VM, a: Args, k: Kw) -> PyResult {
    crate::objects::str_methods::no_args(vm, "memoryview.tolist", a, k)?;
    let m = checked(vm, &a[0])?;
    let items = m.items(vm)?;
    if m.layout.ndim() == 0 {
        return Ok(item_obj(vm, items[0]));
    }
    // Nest from the last dimension outwards.
    let mut level: Vec<PyObjectRef> = items.into_iter().map(|i| item_obj(vm, i)).collect();
    for &n in m.layout.shape.iter().rev() {
        if n == 0 {
            level = Vec::new();
            continue;
        }
        let mut chunks = Vec::with_capacity(level.len() / n);
        let mut it = level.into_iter();
        loop {
            let chunk: Vec<PyObjectRef> = it.by_ref().take(n).collect();
            if chunk.is_empty() {
                break;
            }
            chunks.push(vm.new_list(chunk).into_object());
        }
        level = chunks;
    }
    Ok(level
        .pop()
        .unwrap_or_else(|| vm.new_list(Vec::new()).into_object()))
}

fn m_hex(vm: &VM, a: Args, k: Kw) -> PyResult {
    let [sep, per] = args::bind(vm, "hex", &a[1..], k, ["sep", "bytes_per_sep"], 0, 0)?;
    let b = checked(vm, &a[0])?.bytes(vm)?;
    let s = crate::objects::bytes_methods::hex_with_sep(vm, &b, sep.as_ref(), per.as_ref())?;
    Ok(vm.new_str_obj(s))
}

fn m_toreadonly(vm: &VM, a: Args, k: Kw) -> PyResult {
    crate::objects::str_methods::no_args(vm, "memoryview.toreadonly", a, k)?;
    let m = checked(vm, &a[0])?;
    let mut l = m.layout.clone();
    l.readonly = true;
    Ok(new_view(&a[0].class().clone(), m.obj.clone(), l))
}

fn m_cast(vm: &VM, a: Args, k: Kw) -> PyResult {
    let [format, shape] = args::bind(vm, "cast", &a[1..], k, ["format", "shape"], 1, 0)?;
    let format = format.expect("required");
    let m = checked(vm, &a[0])?;
    let Some(fmt) = format.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "cast() argument 'format' must be str, not {}",
            format.class().name_string()
        )));
    };
    let l = &m.layout;
    if !l.contiguous(false) {
        return Err(vm.new_type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if (shape.is_some() || l.ndim() != 1) && l.shape.contains(&0) {
        return Err(
            vm.new_type_error("memoryview: cannot cast view with zeros in shape or strides")
        );
    }
    let dims: Option<Vec<PyObjectRef>> = match &shape {
        None => None,
        Some(s) => {
            let items = if let Some(t) = s.downcast_ref::<PyTuple>() {
                t.as_slice().to_vec()
            } else if let Some(li) = s.downcast_ref::<crate::objects::listobject::PyList>() {
                li.to_vec()
            } else {
                return Err(vm.new_type_error("shape must be a list or a tuple"));
            };
            if items.len() > 64 {
                return Err(
                    vm.new_value_error("memoryview: number of dimensions must not exceed 64")
                );
            }
            if l.ndim() != 1 && items.len() != 1 {
                return Err(vm.new_type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
            }
            Some(items)
        }
    };
    // cast_to_1D
    if !fmt.as_str().is_ascii() {
        // PyUnicode_AsASCIIString's UnicodeEncodeError.
        crate::objects::codecs::encode_str(vm, fmt.as_str(), fmt.is_genuine(), "ascii", "strict")?;
    }
    let bad_format = || {
        vm.new_value_error(
            "memoryview: destination format must be a native single character format \
             prefixed with an optional '@'",
        )
    };
    let (code, itemsize) = native_format(fmt.as_str()).ok_or_else(bad_format)?;
    if !is_byte_format(l.code) && !is_byte_format(code) {
        return Err(vm.new_type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = l.nbytes();
    if nbytes % itemsize != 0 {
        return Err(vm.new_type_error("memoryview: length is not a multiple of itemsize"));
    }
    let mut out = Layout {
        offset: l.offset,
        format: fmt.as_str().into(),
        code,
        itemsize,
        shape: vec![nbytes / itemsize],
        strides: vec![itemsize as isize],
        readonly: l.readonly,
    };
    // cast_to_ND
    if let Some(dims) = dims {
        let mut len = itemsize;
        let mut shp = Vec::with_capacity(dims.len());
        for d in &dims {
            if !d.payload_is::<PyInt>() {
                return Err(
                    vm.new_type_error("memoryview.cast(): elements of shape must be integers")
                );
            }
            let x = match d.downcast_ref::<PyInt>() {
                Some(PyInt::Small(x)) => *x,
                _ => {
                    return Err(
                        vm.new_overflow_error("Python int too large to convert to C ssize_t")
                    )
                }
            };
            if x <= 0 {
                return Err(
                    vm.new_value_error("memoryview.cast(): elements of shape must be integers > 0")
                );
            }
            len = match len
                .checked_mul(x as usize)
                .filter(|n| *n <= isize::MAX as usize)
            {
                Some(n) => n,
                None => {
                    return Err(vm.new_value_error("memoryview.cast(): product(shape) > SSIZE_MAX"))
                }
            };
            shp.push(x as usize);
        }
        // C-order strides.
        let mut strides = vec![0isize; shp.len()];
        let mut sd = itemsize as isize;
        for i in (0..shp.len()).rev() {
            strides[i] = sd;
            sd *= shp[i] as isize;
        }
        if dims.is_empty() {
            len = itemsize;
        }
        if len != nbytes {
            return Err(vm.new_type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
        out.shape = shp;
        out.strides = strides;
    }
    Ok(new_view(&a[0].class().clone(), m.obj.clone(), out))
}

fn m_release(vm: &VM, a: Args, k: Kw) -> PyResult {
    crate::objects::str_methods::no_args(vm, "memoryview.release", a, k)?;
    let m = view(vm, &a[0])?;
    if !m.released.replace(true) {
        unexport(&m.obj);
    }
    Ok(vm.none())
}

fn m_enter(vm: &VM, a: Args, _k: Kw) -> PyResult {
    checked(vm, &a[0])?;
    Ok(a[0].clone())
}

fn m_exit(vm: &VM, a: Args, _k: Kw) -> PyResult {
    m_release(vm, &a[..1], None)
}

fn m_richcompare(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let m = view(vm, a)?;
    let other_released = b
        .downcast_ref::<PyMemoryView>()
        .is_some_and(|w| w.released.get());
    let eq = if m.released.get() || other_released {
        a.is(b)
    } else {
        let Ok(Some((wobj, wl))) = buffer_of(vm, b) else {
            return Ok(vm.not_implemented());
        };
        let (vl, wl2) = (&m.layout, &wl);
        let same_shape = vl.ndim() == wl2.ndim()
            && vl
                .shape
                .iter()
                .zip(&wl2.shape)
                .try_for_each(|(x, y)| match (x == y, *x == 0) {
                    (false, _) => Err(false),
                    (true, true) => Err(true),
                    _ => Ok(()),
                })
                .err()
                .unwrap_or(true);
        if !same_shape {
            false
        } else {
            let (x, y) = (m.items(vm)?, items(vm, &wobj, &wl)?);
            x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| item_eq(*p, *q))
        }
    };
    Ok(vm.new_bool(if matches!(op, CompareOp::Eq) { eq } else { !eq }))
}

fn m_hash(vm: &VM, o: &PyObjectRef) -> PyResult<i64> {
    let m = view(vm, o)?;
    if let Some(h) = m.hash.get() {
        return Ok(h);
    }
    m.check(vm)?;
    if !m.layout.readonly {
        return Err(vm.new_value_error("cannot hash writable memoryview object"));
    }
    if !is_byte_format(m.layout.code) {
        return Err(
            vm.new_value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
        );
    }
    vm.hash(&m.obj)?;
    let h = vm.hash_secret.hash_bytes(&m.bytes(vm)?);
    m.hash.set(Some(h));
    Ok(h)
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

fn ints(vm: &VM, v: impl Iterator<Item = i64>) -> PyObjectRef {
    vm.new_tuple_obj(v.map(|x| vm.new_int(x)).collect())
}

fn g_obj(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(checked(vm, o)?.obj.clone())
}
fn g_nbytes(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(checked(vm, o)?.layout.nbytes() as i64))
}
fn g_readonly(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(checked(vm, o)?.layout.readonly))
}
fn g_format(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str_obj(&*checked(vm, o)?.layout.format))
}
fn g_itemsize(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(checked(vm, o)?.layout.itemsize as i64))
}
fn g_ndim(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(checked(vm, o)?.layout.ndim() as i64))
}
fn g_shape(vm: &VM, o: &PyObjectRef) -> PyResult {
    let m = checked(vm, o)?;
    Ok(ints(vm, m.layout.shape.iter().map(|x| *x as i64)))
}
fn g_strides(vm: &VM, o: &PyObjectRef) -> PyResult {
    let m = checked(vm, o)?;
    Ok(ints(vm, m.layout.strides.iter().map(|x| *x as i64)))
}
fn g_suboffsets(vm: &VM, o: &PyObjectRef) -> PyResult {
    checked(vm, o)?;
    Ok(vm.new_tuple_obj(Vec::new()))
}
fn g_c_contiguous(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(checked(vm, o)?.layout.contiguous(false)))
}
fn g_f_contiguous(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(checked(vm, o)?.layout.contiguous(true)))
}
fn g_contiguous(vm: &VM, o: &PyObjectRef) -> PyResult {
    let l = &checked(vm, o)?.layout;
    Ok(vm.new_bool(l.contiguous(false) || l.contiguous(true)))
}

/// Fills the slots and methods of `memoryview` and `memory_iterator`.
pub(crate) fn init(vm: &VM) {
    let t = &vm.types.memoryview_type;
    let s = &t.payload.slots;
    s.new.set(Some(m_new));
    s.len.set(Some(m_len));
    s.getitem.set(Some(m_getitem));
    s.setitem.set(Some(m_setitem));
    s.iter.set(Some(m_iter));
    s.richcompare.set(Some(m_richcompare));
    s.hash.set(Some(m_hash));
    s.repr.set(Some(m_repr));
    vm.add_method(t, "tobytes", m_tobytes);
    vm.add_method(t, "tolist", m_tolist);
    vm.add_method(t, "hex", m_hex);
    vm.add_method(t, "cast", m_cast);
    vm.add_method(t, "toreadonly", m_toreadonly);
    vm.add_method(t, "release", m_release);
    vm.add_method(t, "__enter__", m_enter);
    vm.add_method(t, "__exit__", m_exit);
    vm.add_getset(t, "obj", g_obj, None);
    vm.add_getset(t, "nbytes", g_nbytes, None);
    vm.add_getset(t, "readonly", g_readonly, None);
    vm.add_getset(t, "format", g_format, None);
    vm.add_getset(t, "itemsize", g_itemsize, None);
    vm.add_getset(t, "ndim", g_ndim, None);
    vm.add_getset(t, "shape", g_shape, None);
    vm.add_getset(t, "strides", g_strides, None);
    vm.add_getset(t, "suboffsets", g_suboffsets, None);
    vm.add_getset(t, "c_contiguous", g_c_contiguous, None);
    vm.add_getset(t, "f_contiguous", g_f_contiguous, None);
    vm.add_getset(t, "contiguous", g_contiguous, None);
    let it = &vm.types.memory_iterator_type.payload.slots;
    it.iter.set(Some(iter_self));
    it.iternext.set(Some(m_iternext));
}
