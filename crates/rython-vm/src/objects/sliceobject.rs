//! `slice` (CPython's Objects/sliceobject.c), and the index arithmetic
//! every sequence uses for `seq[a:b:c]` (`PySlice_Unpack` +
//! `PySlice_AdjustIndices`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::longobject::PyInt;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::CompareOp;
use crate::python::args;
use crate::{PyResult, VM};

pub type PySliceRef = PyRef<PySlice>;

pub struct PySlice {
    pub start: PyObjectRef,
    pub stop: PyObjectRef,
    pub step: PyObjectRef,
}

impl PyPayload for PySlice {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.slice_type
    }
}

/// A new `slice` object (the eval loop has the same as `VM::new_slice`).
pub fn new_slice(vm: &VM, start: PyObjectRef, stop: PyObjectRef, step: PyObjectRef) -> PyObjectRef {
    PyRef::new_exact(PySlice { start, stop, step }, vm.types.slice_type.clone()).into_object()
}

/// `_PyEval_SliceIndex`: an index clamped into the isize range (slices
/// never overflow; they saturate).
pub fn slice_index(vm: &VM, obj: &PyObjectRef) -> PyResult<isize> {
    if let Some(PyInt::Small(v)) = obj.downcast_ref::<PyInt>() {
        return Ok(clamp_i64(*v));
    }
    if !obj.payload_is::<PyInt>() && obj.class().payload.slots.nb_index.get().is_none() {
        return Err(
            vm.new_type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let i = vm.to_index(obj)?;
    Ok(match i.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) => clamp_i64(*v),
        Some(PyInt::Big(b)) if b.is_negative() => isize::MIN,
        _ => isize::MAX,
    })
}

fn clamp_i64(v: i64) -> isize {
    v.clamp(isize::MIN as i64, isize::MAX as i64) as isize
}

/// `PySlice_Unpack`: start, stop, step with None defaults filled in and
/// every value clamped, before looking at a length.
pub fn unpack(vm: &VM, s: &PySlice) -> PyResult<(isize, isize, isize)> {
    let step = if vm.is_none(&s.step) {
        1
    } else {
        let st = slice_index(vm, &s.step)?;
        if st == 0 {
            return Err(vm.new_value_error("slice step cannot be zero"));
        }
        // So that `-step` cannot overflow.
        st.max(-isize::MAX)
    };
    let start = if vm.is_none(&s.start) {
        if step < 0 {
            isize::MAX
        } else {
            0
        }
    } else {
        slice_index(vm, &s.start)?
    };
    let stop = if vm.is_none(&s.stop) {
        if step < 0 {
            isize::MIN
        } else {
            isize::MAX
        }
    } else {
        slice_index(vm, &s.stop)?
    };
    Ok((start, stop, step))
}

/// `PySlice_AdjustIndices`: clips unpacked indices to a sequence of
/// `len` items and returns the number of items selected.
pub fn adjust(len: usize, start: isize, stop: isize, step: isize) -> (isize, isize, usize) {
    let len = len as isize;
    let clip = |i: isize| -> isize {
        if i < 0 {
            let j = i.saturating_add(len);
            if j < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                j
            }
        } else if i >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            i
        }
    };
    let (start, stop) = (clip(start), clip(stop));
    let n = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    (start, stop, n)
}

/// Start, stop, step and slice length of `slice` applied to a sequence of
/// `len` items (what `seq[slice]` needs).
pub fn adjust_indices(
    vm: &VM,
    slice: &PySlice,
    len: usize,
) -> PyResult<(isize, isize, isize, usize)> {
    let (start, stop, step) = unpack(vm, slice)?;
    let (start, stop, n) = adjust(len, start, stop, step);
    Ok((start, stop, step, n))
}

/// The positions selected by an adjusted slice, in order.
pub fn slice_positions(start: isize, step: isize, n: usize) -> impl Iterator<Item = usize> {
    (0..n).map(move |k| (start + k as isize * step) as usize)
}

fn big_of(vm: &VM, obj: &PyObjectRef) -> PyResult<BigInt> {
    let i = vm.to_index(obj)?;
    Ok(i.downcast_ref::<PyInt>()
        .map(|i| i.to_bigint())
        .unwrap_or_default())
}

fn slice_big_index(vm: &VM, obj: &PyObjectRef) -> PyResult<BigInt> {
    if !obj.payload_is::<PyInt>() && obj.class().payload.slots.nb_index.get().is_none() {
        return Err(
            vm.new_type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    big_of(vm, obj)
}

/// `slice.indices(length)` with unbounded ints (`_PySlice_GetLongIndices`).
pub fn long_indices(
    vm: &VM,
    s: &PySlice,
    length: &PyObjectRef,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let length = big_of(vm, length)?;
    if length.is_negative() {
        return Err(vm.new_value_error("length should not be negative"));
    }
    let step = if vm.is_none(&s.step) {
        BigInt::one()
    } else {
        let st = slice_big_index(vm, &s.step)?;
        if st.is_zero() {
            return Err(vm.new_value_error("slice step cannot be zero"));
        }
        st
    };
    let neg = step.is_negative();
    let (lower, upper) = if neg {
        (-BigInt::one(), &length - 1)
    } else {
        (BigInt::zero(), length.clone())
    };
    let fix = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(mut v) => {
                if v.is_negative() {
                    v += &length;
                    if v < lower {
                        v = lower.clone();
                    }
                } else if v > upper {
                    v = upper.clone();
                }
                v
            }
        }
    };
    let start_v = if vm.is_none(&s.start) {
        None
    } else {
        Some(slice_big_index(vm, &s.start)?)
    };
    let stop_v = if vm.is_none(&s.stop) {
        None
    } else {
        Some(slice_big_index(vm, &s.stop)?)
    };
    let start = fix(start_v, if neg { &upper } else { &lower });
    let stop = fix(stop_v, if neg { &lower } else { &upper });
    Ok((start, stop, step))
}

/// Number of items of `range(start, stop, step)` (step nonzero).
pub fn big_range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() {
        if start < stop {
            (stop - start - 1u8).div_floor(step) + 1u8
        } else {
            BigInt::zero()
        }
    } else if start > stop {
        (start - stop - 1u8).div_floor(&-step) + 1u8
    } else {
        BigInt::zero()
    }
}

fn slice_new(
    vm: &VM,
    _cls: &PyTypeRef,
    a: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<PyObjectRef> {
    let a = args::positional(vm, "slice", a, kw, 1, 3)?;
    if kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error("slice() takes no keyword arguments"));
    }
    Ok(match a {
        [stop] => new_slice(vm, vm.none(), stop.clone(), vm.none()),
        [start, stop] => new_slice(vm, start.clone(), stop.clone(), vm.none()),
        [start, stop, step] => new_slice(vm, start.clone(), stop.clone(), step.clone()),
        _ => unreachable!("positional() checked the count"),
    })
}

fn this(vm: &VM, obj: &PyObjectRef) -> PyResult<PyRef<PySlice>> {
    obj.downcast_cloned::<PySlice>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'slice' object but received a '{}'",
            obj.class().name_string()
        ))
    })
}

fn slice_repr(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let s = this(vm, obj)?;
    let text = format!(
        "slice({}, {}, {})",
        vm.repr_string(&s.payload.start)?,
        vm.repr_string(&s.payload.stop)?,
        vm.repr_string(&s.payload.step)?
    );
    Ok(vm.new_str_obj(text))
}

fn as_triple(vm: &VM, s: &PySlice) -> PyObjectRef {
    vm.new_tuple_obj(vec![s.start.clone(), s.stop.clone(), s.step.clone()])
}

fn slice_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: CompareOp,
) -> PyResult<PyObjectRef> {
    let (Some(x), Some(y)) = (a.downcast_ref::<PySlice>(), b.downcast_ref::<PySlice>()) else {
        return Ok(vm.not_implemented());
    };
    if a.is(b) {
        let r = matches!(op, CompareOp::Eq | CompareOp::Le | CompareOp::Ge);
        return Ok(vm.new_bool(r));
    }
    let (t1, t2) = (as_triple(vm, x), as_triple(vm, y));
    vm.rich_compare(&t1, &t2, op)
}

fn slice_hash(vm: &VM, obj: &PyObjectRef) -> PyResult<i64> {
    let s = this(vm, obj)?;
    let hs = [
        vm.hash(&s.payload.start)?,
        vm.hash(&s.payload.stop)?,
        vm.hash(&s.payload.step)?,
    ];
    Ok(rython_common::hash::hash_slice(hs))
}

fn get_start(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(this(vm, obj)?.payload.start.clone())
}
fn get_stop(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(this(vm, obj)?.payload.stop.clone())
}
fn get_step(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(this(vm, obj)?.payload.step.clone())
}

fn slice_indices(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, a) = crate::objects::seqcommon::method_args(vm, "slice.indices", a, kw, 1, 1)?;
    let s = this(vm, me)?;
    let (start, stop, step) = long_indices(vm, &s.payload, &a[0])?;
    Ok(vm.new_tuple_obj(vec![
        vm.new_bigint(start),
        vm.new_bigint(stop),
        vm.new_bigint(step),
    ]))
}

fn slice_reduce(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, _) = crate::objects::seqcommon::method_args(vm, "slice.__reduce__", a, kw, 0, 0)?;
    let s = this(vm, me)?;
    Ok(vm.new_tuple_obj(vec![
        me.class().clone().into_object(),
        as_triple(vm, &s.payload),
    ]))
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let ty = &vm.types.slice_type;
    let sl = &ty.payload.slots;
    sl.new.set(Some(slice_new));
    sl.repr.set(Some(slice_repr));
    sl.richcompare.set(Some(slice_richcompare));
    sl.hash.set(Some(slice_hash));
    vm.add_member(ty, "start", get_start);
    vm.add_member(ty, "stop", get_stop);
    vm.add_member(ty, "step", get_step);
    vm.add_method(ty, "indices", slice_indices);
    vm.add_method(ty, "__reduce__", slice_reduce);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::container_testutil::err;

    #[test]
    fn adjust_matches_cpython() {
        // list(range(10))[slice] lengths / bounds as CPython computes them.
        assert_eq!(adjust(10, 0, isize::MAX, 1), (0, 10, 10));
        assert_eq!(adjust(10, isize::MAX, isize::MIN, -1), (9, -1, 10));
        assert_eq!(adjust(10, -3, isize::MAX, 1), (7, 10, 3));
        assert_eq!(adjust(10, 1, 8, 3), (1, 8, 3));
        assert_eq!(adjust(10, -100, 100, 1), (0, 10, 10));
        assert_eq!(adjust(10, 5, 2, 1), (5, 2, 0));
        assert_eq!(adjust(0, isize::MAX, isize::MIN, -1), (-1, -1, 0));
        assert_eq!(adjust(10, 8, 1, -3), (8, 1, 3));
    }

    #[test]
    fn unpack_and_errors() {
        let vm = VM::new(Default::default()).unwrap();
        let s = PySlice {
            start: vm.none(),
            stop: vm.none(),
            step: vm.new_int(0),
        };
        assert_eq!(
            err(&vm, unpack(&vm, &s)),
            "ValueError: slice step cannot be zero"
        );
        let s = PySlice {
            start: vm.new_str_obj("a"),
            stop: vm.none(),
            step: vm.none(),
        };
        assert_eq!(
            err(&vm, unpack(&vm, &s)),
            "TypeError: slice indices must be integers or None or have an __index__ method"
        );
        let s = PySlice {
            start: vm.new_bigint(BigInt::from(10).pow(30)),
            stop: vm.new_bigint(-BigInt::from(10).pow(30)),
            step: vm.new_int(-2),
        };
        assert_eq!(unpack(&vm, &s).ok(), Some((isize::MAX, isize::MIN, -2)));
        let (st, sp, step, n) = adjust_indices(&vm, &s, 10).ok().unwrap();
        assert_eq!((st, sp, step, n), (9, -1, -2, 5));
    }

    #[test]
    fn long_indices_big() {
        let vm = VM::new(Default::default()).unwrap();
        let s = PySlice {
            start: vm.none(),
            stop: vm.new_int(-1),
            step: vm.new_int(-1),
        };
        let len = vm.new_int(10);
        let (a, b, c) = long_indices(&vm, &s, &len).ok().unwrap();
        // slice(None, -1, -1).indices(10) == (9, 9, -1)
        assert_eq!((a, b, c), (9.into(), 9.into(), (-1).into()));
        let s = PySlice {
            start: vm.new_int(-20),
            stop: vm.new_int(20),
            step: vm.none(),
        };
        let (a, b, c) = long_indices(&vm, &s, &len).ok().unwrap();
        assert_eq!((a, b, c), (0.into(), 10.into(), 1.into()));
        assert_eq!(
            big_range_len(&0.into(), &10.into(), &3.into()),
            BigInt::from(4)
        );
        assert_eq!(
            big_range_len(&10.into(), &0.into(), &(-3).into()),
            BigInt::from(4)
        );
    }
}
