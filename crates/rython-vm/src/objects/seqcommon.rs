//! Pieces shared by list, tuple, dict and set: the repr recursion guard
//! (`Py_ReprEnter`), lexicographic comparison, repeat counts, index
//! arguments and the sequence-fallback emulation for `+`/`*`.

use std::cell::RefCell;

use num_traits::Signed;

use crate::object::{PyObjectRef, PyTypeRef};
use crate::objects::longobject::PyInt;
use crate::objects::typeobject::{CompareOp, NumberOp};
use crate::{PyResult, VM};

thread_local! {
    /// Ids of the containers whose repr is being built on this thread.
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// `Py_ReprEnter`: false when `obj` is already being repr'd (the caller
/// then prints `[...]`).
pub fn repr_enter(obj: &PyObjectRef) -> bool {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if s.contains(&obj.id()) {
            false
        } else {
            s.push(obj.id());
            true
        }
    })
}

pub fn repr_leave(obj: &PyObjectRef) {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(p) = s.iter().rposition(|&x| x == obj.id()) {
            s.remove(p);
        }
    })
}

/// Runs `f` inside the repr guard of `obj`, or returns `recursive`.
pub fn with_repr_guard(
    vm: &VM,
    obj: &PyObjectRef,
    recursive: &str,
    f: impl FnOnce() -> PyResult<String>,
) -> PyResult<PyObjectRef> {
    if !repr_enter(obj) {
        return Ok(vm.new_str_obj(recursive));
    }
    let r = f();
    repr_leave(obj);
    Ok(vm.new_str_obj(r?))
}

/// `a[0], a[1], ...` joined by ", " with each item's repr.
pub fn join_reprs(vm: &VM, items: &[PyObjectRef]) -> PyResult<String> {
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(vm.repr(x)?.payload.as_str());
    }
    Ok(out)
}

/// Lexicographic rich comparison of two sequences (list/tuple).
pub fn seq_richcompare(
    vm: &VM,
    a: &[PyObjectRef],
    b: &[PyObjectRef],
    op: CompareOp,
) -> PyResult<PyObjectRef> {
    if a.len() != b.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.new_bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if !seq_eq(vm, &a[i], &b[i])? {
            break;
        }
        i += 1;
    }
    if i >= a.len() || i >= b.len() {
        let (x, y) = (a.len(), b.len());
        let r = match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        };
        return Ok(vm.new_bool(r));
    }
    match op {
        CompareOp::Eq => Ok(vm.new_bool(false)),
        CompareOp::Ne => Ok(vm.new_bool(true)),
        _ => vm.rich_compare(&a[i], &b[i], op),
    }
}

/// `PyNumber_AsSsize_t(obj, OverflowError)`.
pub fn as_ssize(vm: &VM, obj: &PyObjectRef) -> PyResult<isize> {
    if let Some(PyInt::Small(v)) = obj.downcast_ref::<PyInt>() {
        return Ok(*v as isize);
    }
    let i = vm.to_index(obj)?;
    match i.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) => Ok(*v as isize),
        _ => Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// The start/stop arguments of `index()`: clamped like slice indices.
pub fn index_bound(vm: &VM, obj: &PyObjectRef) -> PyResult<isize> {
    if let Some(PyInt::Small(v)) = obj.downcast_ref::<PyInt>() {
        return Ok(*v as isize);
    }
    if !obj.payload_is::<PyInt>() && obj.class().payload.slots.nb_index.get().is_none() {
        return Err(vm.new_type_error("slice indices must be integers or have an __index__ method"));
    }
    let i = vm.to_index(obj)?;
    Ok(match i.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) => *v as isize,
        Some(PyInt::Big(b)) if b.is_negative() => isize::MIN,
        _ => isize::MAX,
    })
}

/// Clips `index(x, start, stop)` bounds to `0..=len`.
pub fn clip_range(len: usize, start: isize, stop: isize) -> (usize, usize) {
    let clip = |i: isize| -> usize {
        if i < 0 {
            (i.saturating_add(len as isize)).max(0) as usize
        } else {
            (i as usize).min(len)
        }
    };
    (clip(start), clip(stop))
}

/// Repeat count of `seq * n`: "can't multiply sequence by non-int".
pub fn repeat_count(vm: &VM, n: &PyObjectRef) -> PyResult<usize> {
    if !n.payload_is::<PyInt>() && n.class().payload.slots.nb_index.get().is_none() {
        return Err(vm.new_type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.class().name_string()
        )));
    }
    let i = vm.to_index(n)?;
    match i.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) => Ok((*v).max(0) as usize),
        _ => Err(vm.new_overflow_error(format!(
            "cannot fit '{}' into an index-sized integer",
            n.class().name_string()
        ))),
    }
}

/// Refuses results no machine could hold (CPython fails the allocation).
pub fn check_size(vm: &VM, len: usize, n: usize) -> PyResult<usize> {
    match len.checked_mul(n) {
        Some(t) if t <= (isize::MAX as usize) / 16 => Ok(t),
        _ => Err(vm.new_memory_error()),
    }
}

/// A vector with room for `total` items, or MemoryError (never an abort).
pub fn alloc_vec<T>(vm: &VM, total: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(total)
        .map_err(|_| vm.new_memory_error())?;
    Ok(v)
}

/// Emulates CPython's order for `seq + other` / `seq * other` when the
/// sequence's own slot cannot handle `other`: the other operand's number
/// slot gets its chance (e.g. `__radd__`) before the sequence error.
pub fn try_reflected(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: NumberOp,
    own: &PyTypeRef,
) -> PyResult<Option<PyObjectRef>> {
    let other = if a.class().is_subtype(own) { b } else { a };
    // Builtin types implement `+`/`*` of sequences in these same slots, so
    // only classes (whose slots call `__radd__`/`__rmul__`) get the turn
    // CPython's number protocol would give them.
    if other.class().is_subtype(own) || !other.class().payload.is_heap_type() {
        return Ok(None);
    }
    if let Some(f) = other.class().payload.slots.nb_binary[op as usize].get() {
        let r = f(vm, a, b)?;
        if !vm.is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// Splits a native method's arguments into `self` and the positional
/// arguments, checking their count (`fname` as CPython names it in the
/// message, e.g. "list.append" or "pop").
pub fn method_args<'a>(
    vm: &VM,
    fname: &str,
    a: &'a [PyObjectRef],
    kw: Option<&crate::objects::tupleobject::PyTupleRef>,
    min: usize,
    max: usize,
) -> PyResult<(&'a PyObjectRef, &'a [PyObjectRef])> {
    let Some((me, rest)) = a.split_first() else {
        return Err(vm.new_type_error(format!("{fname}() needs an argument")));
    };
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    if nkw == 0 && min == max && min >= 2 && rest.len() != min {
        // `_PyArg_CheckPositional`'s wording for fixed multi-arg methods.
        return Err(vm.new_type_error(format!(
            "{fname} expected {min} arguments, got {}",
            rest.len()
        )));
    }
    let rest = crate::python::args::positional(vm, fname, rest, kw, min, max)?;
    Ok((me, rest))
}

/// `a == b` with identity, exact-int and exact-str shortcuts before
/// `__eq__` (what `x in list` and `list.index` spend their time on).
#[inline]
pub fn seq_eq(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    let (ta, tb) = (a.class(), b.class());
    if ta.as_object().is(tb.as_object()) {
        if ta.is(&vm.types.int_type) {
            if let (Some(PyInt::Small(x)), Some(PyInt::Small(y))) =
                (a.downcast_ref::<PyInt>(), b.downcast_ref::<PyInt>())
            {
                return Ok(x == y);
            }
        } else if ta.is(&vm.types.str_type) {
            use crate::objects::strobject::PyStr;
            if let (Some(x), Some(y)) = (a.downcast_ref::<PyStr>(), b.downcast_ref::<PyStr>()) {
                return Ok(x.same_text(y));
            }
        }
    }
    vm.eq_bool(a, b)
}
