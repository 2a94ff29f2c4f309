//! `range` (CPython's Objects/rangeobject.c). Bounds are arbitrary ints;
//! a range whose bounds fit in i64 also carries them unboxed, which is
//! what iteration and indexing use.

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::iterobject::{self, PyLongRangeIterator, PyRangeIterator};
use crate::objects::longobject::PyInt;
use crate::objects::seqcommon::method_args;
use crate::objects::sliceobject::{self, big_range_len, PySlice};
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::CompareOp;
use crate::{PyResult, VM};

pub struct PyRange {
    pub start: PyObjectRef,
    pub stop: PyObjectRef,
    pub step: PyObjectRef,
    /// `(start, step, len)` when start, stop and step fit in i64.
    pub small: Option<(i64, i64, u64)>,
}

impl PyPayload for PyRange {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.range_type
    }
}

fn big(obj: &PyObjectRef) -> BigInt {
    obj.downcast_ref::<PyInt>()
        .map(|i| i.to_bigint())
        .unwrap_or_default()
}

impl PyRange {
    pub fn big_parts(&self) -> (BigInt, BigInt, BigInt) {
        (big(&self.start), big(&self.stop), big(&self.step))
    }

    pub fn big_len(&self) -> BigInt {
        if let Some((_, _, n)) = self.small {
            return BigInt::from(n);
        }
        let (a, b, c) = self.big_parts();
        big_range_len(&a, &b, &c)
    }

    /// The `i`-th element (0 <= i < len).
    fn item(&self, i: &BigInt) -> BigInt {
        let (a, _, c) = self.big_parts();
        a + i * c
    }

    /// Is the int `v` one of the range's values?
    fn contains_int(&self, v: &BigInt) -> bool {
        let (a, b, c) = self.big_parts();
        let inside = if c.is_positive() {
            &a <= v && v < &b
        } else {
            &b < v && v <= &a
        };
        inside && (v - &a).mod_floor(&c).is_zero()
    }
}

fn small_parts(start: &BigInt, stop: &BigInt, step: &BigInt) -> Option<(i64, i64, u64)> {
    let (a, b, c) = (start.to_i64()?, stop.to_i64()?, step.to_i64()?);
    Some((a, c, small_len(a, b, c)?))
}

/// The length of `range(a, b, c)` for i64 bounds, in 128-bit arithmetic
/// (it always fits in u64); `None` for a zero step.
fn small_len(a: i64, b: i64, c: i64) -> Option<u64> {
    let (a, b, c) = (a as i128, b as i128, c as i128);
    let n = if c > 0 && a < b {
        (b - a - 1) / c + 1
    } else if c < 0 && a > b {
        (a - b - 1) / -c + 1
    } else if c == 0 {
        return None;
    } else {
        0
    };
    Some(n as u64)
}

impl VM {
    /// `range(start, stop, step)` from ints (step nonzero).
    pub fn new_range(&self, start: BigInt, stop: BigInt, step: BigInt) -> PyObjectRef {
        let small = small_parts(&start, &stop, &step);
        PyRef::new_exact(
            PyRange {
                start: self.new_bigint(start),
                stop: self.new_bigint(stop),
                step: self.new_bigint(step),
                small,
            },
            self.types.range_type.clone(),
        )
        .into_object()
    }
}

fn this<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyRange> {
    obj.downcast_ref::<PyRange>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'range' object but received a '{}'",
            obj.class().name_string()
        ))
    })
}

/// `range()` of exact ints that fit in i64 (nearly every call): the
/// argument objects themselves become start, stop and step, and the length
/// is computed in 128-bit arithmetic instead of big integers.
fn small_range(vm: &VM, a: &[PyObjectRef]) -> Option<PyObjectRef> {
    let small = |x: &PyObjectRef| match x.exact(&vm.ctx.int_exact) {
        Some(crate::objects::longobject::PyInt::Small(v)) => Some(*v),
        _ => None,
    };
    let (start, stop, step) = match a {
        [stop] => (vm.new_int(0), stop.clone(), vm.new_int(1)),
        [start, stop] => (start.clone(), stop.clone(), vm.new_int(1)),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => return None,
    };
    let (a, b, c) = (small(&start)?, small(&stop)?, small(&step)?);
    let range = PyRange {
        start,
        stop,
        step,
        small: Some((a, c, small_len(a, b, c)?)),
    };
    Some(PyRef::new_exact(range, vm.types.range_type.clone()).into_object())
}

fn range_new(
    vm: &VM,
    _cls: &PyTypeRef,
    a: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<PyObjectRef> {
    if kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error("range() takes no keyword arguments"));
    }
    if let Some(r) = small_range(vm, a) {
        return Ok(r);
    }
    let ints = |x: &PyObjectRef| -> PyResult<BigInt> { Ok(big(&vm.to_index(x)?)) };
    let (start, stop, step) = match a {
        [] => {
            return Err(vm.new_type_error("range expected at least 1 argument, got 0"));
        }
        [stop] => (BigInt::zero(), ints(stop)?, BigInt::one()),
        [start, stop] => (ints(start)?, ints(stop)?, BigInt::one()),
        [start, stop, step] => {
            let (a, b, c) = (ints(start)?, ints(stop)?, ints(step)?);
            if c.is_zero() {
                return Err(vm.new_value_error("range() arg 3 must not be zero"));
            }
            (a, b, c)
        }
        _ => {
            return Err(vm.new_type_error(format!(
                "range expected at most 3 arguments, got {}",
                a.len()
            )))
        }
    };
    Ok(vm.new_range(start, stop, step))
}

fn range_repr(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let r = this(vm, obj)?;
    let (a, b, c) = r.big_parts();
    let text = if c.is_one() {
        format!("range({a}, {b})")
    } else {
        format!("range({a}, {b}, {c})")
    };
    Ok(vm.new_str_obj(text))
}

fn range_len(vm: &VM, obj: &PyObjectRef) -> PyResult<usize> {
    let r = this(vm, obj)?;
    if let Some((_, _, n)) = r.small {
        if n <= isize::MAX as u64 {
            return Ok(n as usize);
        }
    }
    match r.big_len().to_isize() {
        Some(n) => Ok(n as usize),
        None => Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_bool(vm: &VM, obj: &PyObjectRef) -> PyResult<bool> {
    Ok(!this(vm, obj)?.big_len().is_zero())
}

fn range_getitem(vm: &VM, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult<PyObjectRef> {
    let r = this(vm, obj)?;
    if let Some(s) = key.downcast_ref::<PySlice>() {
        let len = vm.new_bigint(r.big_len());
        let (i, j, k) = sliceobject::long_indices(vm, s, &len)?;
        let (_, _, step) = r.big_parts();
        return Ok(vm.new_range(r.item(&i), r.item(&j), k * step));
    }
    if !key.payload_is::<PyInt>() && key.class().payload.slots.nb_index.get().is_none() {
        return Err(vm.new_type_error(format!(
            "range indices must be integers or slices, not {}",
            key.class().name_string()
        )));
    }
    if let (Some((a, c, n)), Some(PyInt::Small(i))) = (r.small, key.downcast_ref::<PyInt>()) {
        let j = if *i < 0 {
            *i as i128 + n as i128
        } else {
            *i as i128
        };
        if j < 0 || j >= n as i128 {
            return Err(vm.new_index_error("range object index out of range"));
        }
        return Ok(vm.new_bigint(BigInt::from(a as i128 + j * c as i128)));
    }
    let mut i = big(&vm.to_index(key)?);
    let len = r.big_len();
    if i.is_negative() {
        i += &len;
    }
    if i.is_negative() || i >= len {
        return Err(vm.new_index_error("range object index out of range"));
    }
    Ok(vm.new_bigint(r.item(&i)))
}

fn is_exact_int(vm: &VM, x: &PyObjectRef) -> bool {
    x.class().is(&vm.types.int_type) || x.class().is(&vm.types.bool_type)
}

fn range_contains(vm: &VM, obj: &PyObjectRef, x: &PyObjectRef) -> PyResult<bool> {
    let r = this(vm, obj)?;
    if is_exact_int(vm, x) {
        if let (Some((a, c, n)), Some(PyInt::Small(v))) = (r.small, x.downcast_ref::<PyInt>()) {
            let (a, c, v) = (a as i128, c as i128, *v as i128);
            let last = a + (n as i128 - 1) * c;
            let inside = n > 0
                && if c > 0 {
                    a <= v && v <= last
                } else {
                    last <= v && v <= a
                };
            return Ok(inside && (v - a) % c == 0);
        }
        return Ok(r.contains_int(&big(x)));
    }
    let it = range_iter(vm, obj)?;
    while let Some(y) = vm.next(&it)? {
        if vm.eq_bool(&y, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// An iterator over `start, start+step, ...` (`len` values).
fn make_iter(vm: &VM, start: BigInt, step: BigInt, len: BigInt) -> PyObjectRef {
    if let (Some(a), Some(c), Some(n)) = (start.to_i64(), step.to_i64(), len.to_u64()) {
        // Every produced value lies between start and the last value; both
        // must fit for the unboxed iterator.
        let last = &start + (&len - 1u8).max(BigInt::zero()) * &step;
        if last.to_i64().is_some() {
            return PyRef::new_exact(
                PyRangeIterator {
                    next: Cell::new(a),
                    step: c,
                    remaining: Cell::new(n),
                },
                vm.types.range_iterator_type.clone(),
            )
            .into_object();
        }
    }
    PyRef::new_exact(
        PyLongRangeIterator {
            start,
            step,
            len,
            index: RefCell::new(BigInt::zero()),
        },
        iterobject::extra_types(vm).longrange_iterator,
    )
    .into_object()
}

fn range_iter(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let r = this(vm, obj)?;
    if let Some((a, c, n)) = r.small {
        return Ok(PyRef::new_exact(
            PyRangeIterator {
                next: Cell::new(a),
                step: c,
                remaining: Cell::new(n),
            },
            vm.types.range_iterator_type.clone(),
        )
        .into_object());
    }
    let (a, _, c) = r.big_parts();
    Ok(make_iter(vm, a, c, r.big_len()))
}

fn range_reversed(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "range.__reversed__", a, kw, 0, 0)?;
    let r = this(vm, me)?;
    let len = r.big_len();
    let (_, _, step) = r.big_parts();
    let last = if len.is_zero() {
        big(&r.start)
    } else {
        r.item(&(&len - 1u8))
    };
    Ok(make_iter(vm, last, -step, len))
}

/// Ranges are equal when they produce the same sequence.
fn range_equal(a: &PyRange, b: &PyRange) -> bool {
    let (la, lb) = (a.big_len(), b.big_len());
    if la != lb {
        return false;
    }
    if la.is_zero() {
        return true;
    }
    if big(&a.start) != big(&b.start) {
        return false;
    }
    la.is_one() || big(&a.step) == big(&b.step)
}

fn range_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: CompareOp,
) -> PyResult<PyObjectRef> {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyRange>(), b.downcast_ref::<PyRange>()) else {
        return Ok(vm.not_implemented());
    };
    match op {
        CompareOp::Eq => Ok(vm.new_bool(a.is(b) || range_equal(x, y))),
        CompareOp::Ne => Ok(vm.new_bool(!(a.is(b) || range_equal(x, y)))),
        _ => Ok(vm.not_implemented()),
    }
}

fn range_hash(vm: &VM, obj: &PyObjectRef) -> PyResult<i64> {
    let r = this(vm, obj)?;
    let len = r.big_len();
    let lenobj = vm.new_bigint(len.clone());
    let t = if len.is_zero() {
        vec![lenobj, vm.none(), vm.none()]
    } else if len.is_one() {
        vec![lenobj, r.start.clone(), vm.none()]
    } else {
        vec![lenobj, r.start.clone(), r.step.clone()]
    };
    vm.hash(&vm.new_tuple_obj(t))
}

fn range_count(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "range.count", a, kw, 1, 1)?;
    if is_exact_int(vm, &a[0]) {
        return Ok(vm.new_int(range_contains(vm, me, &a[0])? as i64));
    }
    let it = range_iter(vm, me)?;
    let mut n = 0i64;
    while let Some(y) = vm.next(&it)? {
        if vm.eq_bool(&y, &a[0])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn range_index(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "range.index", a, kw, 1, 1)?;
    let r = this(vm, me)?;
    if is_exact_int(vm, &a[0]) {
        let v = big(&a[0]);
        if r.contains_int(&v) {
            let (start, _, step) = r.big_parts();
            return Ok(vm.new_bigint((v - start) / step));
        }
        return Err(vm.new_value_error(format!("{} is not in range", vm.repr_string(&a[0])?)));
    }
    let it = range_iter(vm, me)?;
    let mut i = 0i64;
    while let Some(y) = vm.next(&it)? {
        if vm.eq_bool(&y, &a[0])? {
            return Ok(vm.new_int(i));
        }
        i += 1;
    }
    Err(vm.new_value_error("sequence.index(x): x not in sequence"))
}

fn get_start(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(this(vm, obj)?.start.clone())
}
fn get_stop(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(this(vm, obj)?.stop.clone())
}
fn get_step(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(this(vm, obj)?.step.clone())
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let ty = &vm.types.range_type;
    let sl = &ty.payload.slots;
    sl.new.set(Some(range_new));
    sl.repr.set(Some(range_repr));
    sl.len.set(Some(range_len));
    sl.nb_bool.set(Some(range_bool));
    sl.getitem.set(Some(range_getitem));
    sl.contains.set(Some(range_contains));
    sl.iter.set(Some(range_iter));
    sl.richcompare.set(Some(range_richcompare));
    sl.hash.set(Some(range_hash));
    vm.add_method(ty, "count", range_count);
    vm.add_method(ty, "index", range_index);
    vm.add_method(ty, "__reversed__", range_reversed);
    vm.add_member(ty, "start", get_start);
    vm.add_member(ty, "stop", get_stop);
    vm.add_member(ty, "step", get_step);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::container_testutil::*;

    fn range(vm: &VM, a: &[i64]) -> PyObjectRef {
        range_new(vm, &vm.types.range_type, &ints(vm, a), None)
            .ok()
            .unwrap()
    }

    fn list_of(vm: &VM, it: &PyObjectRef) -> String {
        repr(vm, vm.new_list(vm.collect(it).ok().unwrap()).as_object())
    }

    #[test]
    fn range_behaviour() {
        let vm = vm();
        assert_eq!(repr(&vm, &range(&vm, &[10])), "range(0, 10)");
        assert_eq!(repr(&vm, &range(&vm, &[0, 10, 2])), "range(0, 10, 2)");
        let r = range_new(&vm, &vm.types.range_type, &[], None);
        assert_eq!(
            err(&vm, r),
            "TypeError: range expected at least 1 argument, got 0"
        );
        let r = range_new(&vm, &vm.types.range_type, &ints(&vm, &[1, 2, 0]), None);
        assert_eq!(err(&vm, r), "ValueError: range() arg 3 must not be zero");
        let r10 = range(&vm, &[1, 10, 3]);
        assert_eq!(list_of(&vm, &r10), "[1, 4, 7]");
        assert_eq!(vm.len(&r10).ok(), Some(3));
        assert!(vm.contains(&r10, &vm.new_int(7)).ok().unwrap());
        assert!(!vm.contains(&r10, &vm.new_int(8)).ok().unwrap());
        let s = crate::objects::sliceobject::new_slice(&vm, vm.none(), vm.none(), vm.new_int(-1));
        let rev = vm.get_item(&r10, &s).ok().unwrap();
        assert_eq!(repr(&vm, &rev), "range(7, -2, -3)");
        assert_eq!(
            err(&vm, vm.get_item(&r10, &vm.new_int(3))),
            "IndexError: range object index out of range"
        );
        assert_eq!(
            repr(&vm, &vm.get_item(&r10, &vm.new_int(-1)).ok().unwrap()),
            "7"
        );
        let rv = range_reversed(&vm, &[r10.clone()], None).ok().unwrap();
        assert_eq!(list_of(&vm, &rv), "[7, 4, 1]");
        // Equal as sequences.
        let e1 = range(&vm, &[0, 3, 5]);
        let e2 = range(&vm, &[0, 1]);
        let eq = vm.rich_compare(&e1, &e2, CompareOp::Eq).ok().unwrap();
        assert_eq!(repr(&vm, &eq), "True");
        assert_eq!(vm.hash(&e1).ok(), vm.hash(&e2).ok());
        let huge = vm.new_bigint(BigInt::from(2).pow(80));
        let hr = range_new(&vm, &vm.types.range_type, &[huge.clone()], None)
            .ok()
            .unwrap();
        assert_eq!(
            err(&vm, vm.len(&hr)),
            "OverflowError: Python int too large to convert to C ssize_t"
        );
        assert!(vm.contains(&hr, &vm.new_int(12345)).ok().unwrap());
        let big_start = range_new(
            &vm,
            &vm.types.range_type,
            &[huge.clone(), vm.new_bigint(BigInt::from(2).pow(80) + 2)],
            None,
        )
        .ok()
        .unwrap();
        let it = vm.get_iter(&big_start).ok().unwrap();
        assert_eq!(it.class().name_string(), "longrange_iterator");
        assert_eq!(
            list_of(&vm, &it),
            "[1208925819614629174706176, 1208925819614629174706177]"
        );
        let ri = vm.get_iter(&range(&vm, &[3])).ok().unwrap();
        let rit = ri.downcast_ref::<PyRangeIterator>().unwrap();
        assert_eq!(iterobject::range_iter_next_i64(rit), Some(0));
        assert_eq!(list_of(&vm, &ri), "[1, 2]");
        let ix = range_index(&vm, &[r10.clone(), vm.new_int(5)], None);
        assert_eq!(err(&vm, ix), "ValueError: 5 is not in range");
    }
}
