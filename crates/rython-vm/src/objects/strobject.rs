//! `str` (CPython's Objects/unicodeobject.c): the payload and its core
//! operations. Methods live in `str_methods.rs`.
//!
//! Text is stored as UTF-8 with its length in code points; an all-ASCII
//! string (the common case) indexes in O(1). Lone surrogates are stored as
//! stand-ins (`rython_common::surrogates`); a string that holds characters
//! of the stand-in range as real text carries the `GENUINE` flag.

use std::cell::Cell;

use rython_common::surrogates;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::iterobject::PyStrIterator;
use crate::objects::longobject::PyInt;
use crate::objects::sliceobject::PySlice;
use crate::objects::str_methods::{slice_indices, slice_len};
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{CompareOp, NumberOp};
use crate::{PyResult, VM};

pub type PyStrRef = PyRef<PyStr>;

pub struct PyStr {
    value: Box<str>,
    /// Length in code points, with `STAND_INS` / `GENUINE` in the top bits.
    char_len: usize,
    /// Cached `hash()`; -1 until computed (a str never hashes to -1).
    hash: Cell<i64>,
}

const INDEX_STRIDE: usize = 64;
/// The text holds characters of the stand-in range.
const STAND_INS: usize = 1 << (usize::BITS - 1);
/// ...and they are themselves, not lone surrogates.
const GENUINE: usize = 1 << (usize::BITS - 2);
const LEN_MASK: usize = !(STAND_INS | GENUINE);

thread_local! {
    /// For long non-ASCII strings: byte offsets of every `INDEX_STRIDE`-th
    /// code point, built on first indexing so `s[i]` costs O(stride), not
    /// O(n). Kept beside the strings, keyed by their text buffer (which
    /// never moves and is unique while alive), so that every str object
    /// stays small (48 bytes): most strings are ASCII and never need one.
    static CHAR_INDEX: std::cell::RefCell<std::collections::HashMap<usize, std::rc::Rc<[usize]>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

impl Drop for PyStr {
    fn drop(&mut self) {
        if self.needs_index() {
            let key = self.value.as_ptr() as usize;
            // `try_with`: strings may die during thread teardown.
            let _ = CHAR_INDEX.try_with(|m| m.borrow_mut().remove(&key));
        }
    }
}

impl PyPayload for PyStr {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.str_type
    }
}

impl PyStr {
    /// A str of `s`, whose stand-ins are lone surrogates.
    pub fn new(s: impl Into<Box<str>>) -> PyStr {
        PyStr::read(s, false)
    }

    /// A str of `s`; with `genuine`, characters of the stand-in range are
    /// themselves (text from `chr()` or a decoder).
    pub fn read(s: impl Into<Box<str>>, genuine: bool) -> PyStr {
        let value: Box<str> = s.into();
        let char_len = if value.is_ascii() {
            value.len()
        } else {
            let n = value.chars().count();
            match surrogates::has_stand_in(&value) {
                false => n,
                true if genuine => n | STAND_INS | GENUINE,
                true => n | STAND_INS,
            }
        };
        PyStr {
            value,
            char_len,
            hash: Cell::new(-1),
        }
    }

    /// Whether indexing goes through the code point index.
    #[inline]
    fn needs_index(&self) -> bool {
        self.char_len() > INDEX_STRIDE && !self.is_ascii()
    }

    /// Whether the stand-in range of this text is genuine (pass it on to
    /// text derived from this one).
    #[inline]
    pub fn is_genuine(&self) -> bool {
        self.char_len & GENUINE != 0
    }

    /// Whether the text holds lone surrogates.
    #[inline]
    pub fn has_surrogates(&self) -> bool {
        self.char_len & (STAND_INS | GENUINE) == STAND_INS
    }

    /// The code points of the text.
    pub fn code_points(&self) -> impl Iterator<Item = u32> + Clone + '_ {
        surrogates::code_points(&self.value, self.is_genuine())
    }

    /// The code point `c` (a character of this text) stands for.
    #[inline]
    pub fn code_point_of(&self, c: char) -> u32 {
        surrogates::code_point(c, self.is_genuine())
    }

    /// Code point order (`<` for str).
    #[inline]
    pub fn cmp_text(&self, other: &PyStr) -> std::cmp::Ordering {
        if self.has_surrogates() || other.has_surrogates() {
            return self.code_points().cmp(other.code_points());
        }
        // UTF-8 byte order is code point order.
        self.value.cmp(&other.value)
    }

    /// Same text and same reading of it (`==` for str).
    #[inline]
    pub fn same_text(&self, other: &PyStr) -> bool {
        self.value == other.value
            && (self.char_len & STAND_INS == 0 || self.is_genuine() == other.is_genuine())
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// Length in code points (`len(s)`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len & LEN_MASK
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.value.len()
    }

    #[inline]
    pub fn hash_value(&self, vm: &VM) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        self.compute_hash(vm)
    }

    #[inline(never)]
    fn compute_hash(&self, vm: &VM) -> i64 {
        let h = if self.has_surrogates() {
            vm.hash_secret.hash_code_points(self.code_points())
        } else {
            vm.hash_secret.hash_str(&self.value)
        };
        self.hash.set(h);
        h
    }

    /// Byte offset of code point `index` (which must be <= char_len).
    pub fn byte_offset(&self, index: usize) -> usize {
        if self.is_ascii() {
            return index.min(self.value.len());
        }
        if index >= self.char_len() {
            return self.value.len();
        }
        if !self.needs_index() {
            return self
                .value
                .char_indices()
                .nth(index)
                .map(|(b, _)| b)
                .unwrap_or(self.value.len());
        }
        let key = self.value.as_ptr() as usize;
        let table = CHAR_INDEX.with(|m| {
            m.borrow_mut()
                .entry(key)
                .or_insert_with(|| {
                    self.value
                        .char_indices()
                        .step_by(INDEX_STRIDE)
                        .map(|(b, _)| b)
                        .collect()
                })
                .clone()
        });
        let base = table
            .get(index / INDEX_STRIDE)
            .copied()
            .unwrap_or(self.value.len());
        self.value
            .get(base..)
            .and_then(|t| t.char_indices().nth(index % INDEX_STRIDE))
            .map(|(b, _)| base + b)
            .unwrap_or(self.value.len())
    }

    /// The code point at `index` (< char_len).
    pub fn char_at(&self, index: usize) -> Option<char> {
        if self.is_ascii() {
            return self.value.as_bytes().get(index).map(|&b| b as char);
        }
        if index >= self.char_len() {
            return None;
        }
        self.value.get(self.byte_offset(index)..)?.chars().next()
    }

    /// Code points `start..end` (clamped, start <= end).
    pub fn substring(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = self.byte_offset(end.max(start));
        &self.value[a..b]
    }
}

impl VM {
    pub fn new_str(&self, s: impl Into<Box<str>>) -> PyStrRef {
        PyRef::new_exact(PyStr::new(s), self.types.str_type.clone())
    }

    /// A str of `s` read as `genuine` says (see `PyStr::read`); text
    /// derived from a str `t` passes `t.is_genuine()`.
    pub fn new_str_read(&self, s: impl Into<Box<str>>, genuine: bool) -> PyObjectRef {
        let s: Box<str> = s.into();
        if genuine && !s.is_ascii() {
            return PyRef::new_exact(PyStr::read(s, true), self.types.str_type.clone())
                .into_object();
        }
        self.new_str_obj(s)
    }

    /// A one-character str: the shared singleton for ASCII (CPython's
    /// latin-1 singletons), otherwise built without a heap `String` first.
    /// `genuine` as for `new_str_read`.
    #[inline]
    pub fn new_char(&self, c: char, genuine: bool) -> PyObjectRef {
        if c.is_ascii() {
            return self.ctx.ascii_chars[c as usize].clone().into_object();
        }
        let mut buf = [0u8; 4];
        self.new_str_read(&*c.encode_utf8(&mut buf), genuine)
    }

    pub fn new_str_obj(&self, s: impl Into<Box<str>>) -> PyObjectRef {
        let s: Box<str> = s.into();
        if s.is_empty() {
            return self.ctx.empty_str.clone().into_object();
        }
        if s.len() == 1 && s.as_bytes()[0] < 128 {
            return self.ctx.ascii_chars[s.as_bytes()[0] as usize]
                .clone()
                .into_object();
        }
        self.new_str(s).into_object()
    }
}

/// The `str` payload of `obj`, or a TypeError naming the method whose
/// `self` was not a str (what a method descriptor's check gives).
pub(crate) fn zelf<'a>(vm: &VM, args: &'a [PyObjectRef], name: &str) -> PyResult<&'a PyStr> {
    match args.first() {
        Some(o) => o.downcast_ref::<PyStr>().ok_or_else(|| {
            vm.new_type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                o.class().name_string()
            ))
        }),
        None => Err(vm.new_type_error(format!("unbound method str.{name}() needs an argument"))),
    }
}

/// A new exact str holding `s` (singletons for "" and ASCII chars), text
/// derived from `from` (whose reading of stand-ins it keeps).
pub(crate) fn new_str_result(vm: &VM, s: String, from: &PyStr) -> PyResult<PyObjectRef> {
    Ok(vm.new_str_read(s, from.is_genuine()))
}

fn str_repr(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let s = zelf(vm, std::slice::from_ref(obj), "__repr__")?;
    Ok(vm.new_str_obj(rython_common::repr_str::repr_code_points(s.code_points())))
}

/// `str(s)`: the object itself when exact, else an exact copy.
fn str_str(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    if obj.class().is(&vm.types.str_type) {
        return Ok(obj.clone());
    }
    let s = zelf(vm, std::slice::from_ref(obj), "__str__")?;
    Ok(vm.new_str_read(s.as_str(), s.is_genuine()))
}

fn str_hash(vm: &VM, obj: &PyObjectRef) -> PyResult<i64> {
    Ok(zelf(vm, std::slice::from_ref(obj), "__hash__")?.hash_value(vm))
}

fn str_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: CompareOp,
) -> PyResult<PyObjectRef> {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyStr>(), b.downcast_ref::<PyStr>()) else {
        return Ok(vm.not_implemented());
    };
    let holds = match op {
        CompareOp::Eq => x.same_text(y),
        CompareOp::Ne => !x.same_text(y),
        _ => op.holds(x.cmp_text(y)),
    };
    Ok(vm.new_bool(holds))
}

fn str_len(vm: &VM, obj: &PyObjectRef) -> PyResult<usize> {
    Ok(zelf(vm, std::slice::from_ref(obj), "__len__")?.char_len())
}

fn str_contains(vm: &VM, obj: &PyObjectRef, item: &PyObjectRef) -> PyResult<bool> {
    let s = zelf(vm, std::slice::from_ref(obj), "__contains__")?;
    match item.downcast_ref::<PyStr>() {
        Some(sub) => Ok(s.as_str().contains(sub.as_str())),
        None => Err(vm.new_type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            item.class().name_string()
        ))),
    }
}

fn str_getitem(vm: &VM, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult<PyObjectRef> {
    let s = zelf(vm, std::slice::from_ref(obj), "__getitem__")?;
    if let Some(slice) = key.downcast_ref::<PySlice>() {
        let (start, stop, step) = slice_indices(vm, slice, s.char_len())?;
        let n = slice_len(start, stop, step);
        if n == 0 {
            return Ok(vm.new_str_obj(""));
        }
        if step == 1 {
            if n == s.char_len() && obj.class().is(&vm.types.str_type) {
                return Ok(obj.clone());
            }
            return Ok(vm.new_str_read(s.substring(start as usize, stop as usize), s.is_genuine()));
        }
        let chars: Vec<char> = s.as_str().chars().collect();
        let mut out = String::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(chars[i as usize]);
            i += step;
        }
        return Ok(vm.new_str_read(out, s.is_genuine()));
    }
    if key.payload_is::<PyInt>() || key.class().payload.slots.nb_index.get().is_some() {
        let i = index_from_obj(vm, key)?;
        let len = s.char_len() as i64;
        let j = if i < 0 { i + len } else { i };
        if j < 0 || j >= len {
            return Err(vm.new_index_error("string index out of range"));
        }
        let c = s.char_at(j as usize).unwrap_or('\0');
        return Ok(vm.new_char(c, s.is_genuine()));
    }
    Err(vm.new_type_error(format!(
        "string indices must be integers, not '{}'",
        key.class().name_string()
    )))
}

/// An index that may be a huge int: huge values clamp (callers then see
/// an out-of-range index), like `PyNumber_AsSsize_t` with IndexError.
fn index_from_obj(vm: &VM, key: &PyObjectRef) -> PyResult<i64> {
    let i = vm.to_index(key)?;
    match i.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) => Ok(*v),
        _ => Err(vm.new_index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            key.class().name_string()
        ))),
    }
}

fn str_iter(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let s = obj.clone().downcast::<PyStr>().map_err(|o| {
        vm.new_type_error(format!(
            "'{}' object is not iterable",
            o.class().name_string()
        ))
    })?;
    Ok(PyRef::new_exact(
        PyStrIterator {
            s,
            byte_pos: Cell::new(0),
        },
        vm.types.str_iterator_type.clone(),
    )
    .into_object())
}

fn str_iter_self(_vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(obj.clone())
}

fn str_iternext(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let Some(it) = obj.downcast_ref::<PyStrIterator>() else {
        return Ok(None);
    };
    let pos = it.byte_pos.get();
    let text = it.s.payload.as_str();
    match text.get(pos..).and_then(|t| t.chars().next()) {
        Some(c) => {
            it.byte_pos.set(pos + c.len_utf8());
            let mut buf = [0u8; 4];
            Ok(Some(vm.new_str_read(
                &*c.encode_utf8(&mut buf),
                it.s.payload.is_genuine(),
            )))
        }
        None => Ok(None),
    }
}

fn str_iter_length_hint(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult<PyObjectRef> {
    let n = args
        .first()
        .and_then(|o| o.downcast_ref::<PyStrIterator>())
        .map(|it| {
            let text = it.s.payload.as_str();
            text.get(it.byte_pos.get()..)
                .map(|t| t.chars().count())
                .unwrap_or(0)
        })
        .unwrap_or(0);
    Ok(vm.new_int(n as i64))
}

/// Calls `type(b)`'s slot for `op` with `(a, b)` when `b` is not a str,
/// emulating CPython, where `str` has no `nb_add`/`nb_multiply` so the other
/// operand's number slot runs before the sequence fallback.
pub(crate) fn try_other_slot(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: NumberOp,
) -> PyResult<Option<PyObjectRef>> {
    if let Some(f) = b.class().payload.slots.nb_binary[op as usize].get() {
        let r = f(vm, a, b)?;
        if !vm.is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

fn str_add(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let Some(x) = a.downcast_ref::<PyStr>() else {
        return Ok(vm.not_implemented());
    };
    match b.downcast_ref::<PyStr>() {
        Some(y) => {
            if y.char_len() == 0 && a.class().is(&vm.types.str_type) {
                return Ok(a.clone());
            }
            if x.char_len() == 0 && b.class().is(&vm.types.str_type) {
                return Ok(b.clone());
            }
            let mut out = String::new();
            out.try_reserve_exact(x.as_str().len() + y.as_str().len())
                .map_err(|_| vm.new_memory_error())?;
            out.push_str(x.as_str());
            out.push_str(y.as_str());
            Ok(vm.new_str_read(out, x.is_genuine() || y.is_genuine()))
        }
        None => {
            if let Some(r) = try_other_slot(vm, a, b, NumberOp::Add)? {
                return Ok(r);
            }
            Err(vm.new_type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                b.class().name_string()
            )))
        }
    }
}

/// Operands whose type has CPython's `sq_repeat`, so that in `x * seq`
/// it is `x`'s repeat that reports a non-int count.
pub(crate) fn is_builtin_sequence(o: &PyObjectRef) -> bool {
    o.payload_is::<PyStr>()
        || o.payload_is::<crate::objects::listobject::PyList>()
        || o.payload_is::<crate::objects::tupleobject::PyTuple>()
        || o.payload_is::<crate::objects::bytesobject::PyBytes>()
        || o.payload_is::<crate::objects::bytearrayobject::PyByteArray>()
}

/// The repeat count of `seq * n`, or CPython's TypeError for a non-int.
pub(crate) fn repeat_count(vm: &VM, n: &PyObjectRef) -> PyResult<isize> {
    if !n.payload_is::<PyInt>() && n.class().payload.slots.nb_index.get().is_none() {
        return Err(vm.new_type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.class().name_string()
        )));
    }
    let i = vm.to_index(n)?;
    match i.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) => Ok((*v).clamp(isize::MIN as i64, isize::MAX as i64) as isize),
        _ => Err(vm.new_overflow_error(format!(
            "cannot fit '{}' into an index-sized integer",
            n.class().name_string()
        ))),
    }
}

/// Repeats `unit` `n` times with overflow and allocation failure reported
/// as Python errors.
pub(crate) fn repeat_bytes(vm: &VM, unit: &[u8], n: isize, what: &str) -> PyResult<Vec<u8>> {
    if n <= 0 || unit.is_empty() {
        return Ok(Vec::new());
    }
    let total = unit
        .len()
        .checked_mul(n as usize)
        .filter(|t| *t <= isize::MAX as usize)
        .ok_or_else(|| vm.new_overflow_error(format!("repeated {what} is too long")))?;
    let mut out = Vec::new();
    out.try_reserve_exact(total)
        .map_err(|_| vm.new_memory_error())?;
    for _ in 0..n {
        out.extend_from_slice(unit);
    }
    Ok(out)
}

fn str_mul(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let (s, n) = match (a.downcast_ref::<PyStr>(), b.downcast_ref::<PyStr>()) {
        (Some(s), None) => {
            let exact_int = b.class().is(&vm.types.int_type) || b.class().is(&vm.types.bool_type);
            if !exact_int {
                if let Some(r) = try_other_slot(vm, a, b, NumberOp::Multiply)? {
                    return Ok(r);
                }
            }
            (s, b)
        }
        // `seq * "a"`: a builtin sequence's own repeat raises the error.
        (None, Some(_)) if is_builtin_sequence(a) => return Ok(vm.not_implemented()),
        (None, Some(s)) => (s, a),
        (Some(s), Some(_)) => (s, b),
        (None, None) => return Ok(vm.not_implemented()),
    };
    let count = repeat_count(vm, n)?;
    if count == 1 && s.char_len() > 0 {
        let src = if a.payload_is::<PyStr>() { a } else { b };
        if src.class().is(&vm.types.str_type) {
            return Ok(src.clone());
        }
    }
    let bytes = repeat_bytes(vm, s.as_str().as_bytes(), count, "string")?;
    // Repeating whole UTF-8 sequences keeps the text valid.
    let out = String::from_utf8(bytes).unwrap_or_default();
    Ok(vm.new_str_read(out, s.is_genuine()))
}

fn str_mod(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let Some(s) = a.downcast_ref::<PyStr>() else {
        return Ok(vm.not_implemented());
    };
    let out = crate::objects::str_percent::format_str(vm, s.as_str(), b)?;
    Ok(vm.new_str_obj(out))
}

/// `str(object='')` / `str(object=b'', encoding='utf-8', errors='strict')`.
fn str_new(
    vm: &VM,
    cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<PyObjectRef> {
    let nkw = kwnames.map(|k| k.payload.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    if npos > 3 {
        return Err(vm.new_type_error(format!("str expected at most 3 arguments, got {npos}")));
    }
    let [object, encoding, errors] = crate::python::args::bind(
        vm,
        "str",
        args,
        kwnames,
        ["object", "encoding", "errors"],
        0,
        0,
    )?;
    let text: PyObjectRef = match (object, encoding.as_ref(), errors.as_ref()) {
        (None, None, None) => vm.ctx.empty_str.clone().into_object(),
        (Some(o), None, None) => vm.str(&o)?.into_object(),
        (o, enc, err) => {
            let enc = match enc {
                Some(e) => Some(str_arg(vm, e, "str", "'encoding'")?.to_string()),
                None => None,
            };
            let err = match err {
                Some(e) => Some(str_arg(vm, e, "str", "'errors'")?.to_string()),
                None => None,
            };
            let data: Vec<u8> = match &o {
                None => Vec::new(),
                Some(o) if o.payload_is::<PyStr>() => {
                    return Err(vm.new_type_error("decoding str is not supported"))
                }
                Some(o) => match crate::objects::bytes_methods::buffer_bytes(vm, o) {
                    Ok(Some(b)) => b,
                    _ => {
                        return Err(vm.new_type_error(format!(
                            "decoding to str: need a bytes-like object, {} found",
                            o.class().name_string()
                        )))
                    }
                },
            };
            crate::objects::codecs::decode_to_str(
                vm,
                &data,
                enc.as_deref().unwrap_or("utf-8"),
                err.as_deref().unwrap_or("strict"),
            )?
        }
    };
    if cls.is(&vm.types.str_type) {
        return Ok(text);
    }
    let t = text
        .downcast_ref::<PyStr>()
        .unwrap_or(&vm.ctx.empty_str.payload);
    Ok(PyRef::new_with_type(PyStr::read(t.as_str(), t.is_genuine()), cls.clone()).into_object())
}

/// A str argument: `fname() argument 'x' must be str, not int` otherwise
/// (`what` is `'name'` or the 1-based position).
pub(crate) fn str_arg<'a>(
    vm: &VM,
    obj: &'a PyObjectRef,
    fname: &str,
    what: &str,
) -> PyResult<&'a str> {
    match obj.downcast_ref::<PyStr>() {
        Some(s) => Ok(s.as_str()),
        // `_PyArg_BadArgument` names None itself, other objects by type.
        None => Err(vm.new_type_error(format!(
            "{fname}() argument {what} must be str, not {}",
            crate::python::args::arg_type_name(&obj)
        ))),
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let slots = &vm.types.str_type.payload.slots;
    slots.repr.set(Some(str_repr));
    slots.str.set(Some(str_str));
    slots.hash.set(Some(str_hash));
    slots.richcompare.set(Some(str_richcompare));
    slots.len.set(Some(str_len));
    slots.contains.set(Some(str_contains));
    slots.getitem.set(Some(str_getitem));
    slots.iter.set(Some(str_iter));
    slots.nb_binary[NumberOp::Add as usize].set(Some(str_add));
    slots.nb_binary[NumberOp::Multiply as usize].set(Some(str_mul));
    slots.nb_binary[NumberOp::Remainder as usize].set(Some(str_mod));
    slots.new.set(Some(str_new));
    let it = &vm.types.str_iterator_type;
    it.payload.slots.iter.set(Some(str_iter_self));
    it.payload.slots.iternext.set(Some(str_iternext));
    vm.add_method(it, "__length_hint__", str_iter_length_hint);
    crate::objects::str_methods::init(vm);
    crate::python::formatter::init(vm);
}
