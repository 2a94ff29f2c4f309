//! `list.sort` (CPython's listsort): the entry points, CPython's pre-sort
//! choice of comparison, and fast paths. The merge sort itself is in
//! `list_sort_merge`, a faithful port of CPython's, so that orderings that
//! are not consistent (NaN, sets, `__lt__` with side effects) give CPython's
//! results and the same sequence of `__lt__` calls.
//!
//! While sorting, the list is empty (as in CPython), so a key function or
//! `__lt__` that looks at or mutates the list sees that; a mutation is
//! reported as "list modified during sort" and discarded.

use std::cmp::Ordering;

use crate::object::PyObjectRef;
use crate::objects::floatobject::PyFloat;
use crate::objects::list_sort_merge::timsort;
use crate::objects::listobject::PyList;
use crate::objects::longobject::PyInt;
use crate::objects::seqcommon::seq_eq;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::{PyTuple, PyTupleRef};
use crate::objects::typeobject::CompareOp;
use crate::{PyResult, VM};

/// How two keys (or first tuple items) are compared. CPython checks the
/// keys' types once before sorting and picks a compare for the whole sort;
/// only `SameType` differs visibly from a plain `<`.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ElemCompare {
    /// `PyObject_RichCompareBool(a, b, Py_LT)`.
    Safe,
    /// All keys have one type: its rich-compare slot is called directly,
    /// and only a NotImplemented answer falls back to the full protocol
    /// (so a `__lt__` returning NotImplemented runs twice, as in CPython).
    SameType,
    /// All exact ints / floats / strs: native comparisons, no calls.
    Int,
    Float,
    Str,
}

/// The compare picked for the whole sort.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Compare {
    Plain(ElemCompare),
    /// All keys are non-empty exact tuples: items are compared with `==`
    /// until they differ, and a difference in the first items uses the
    /// given compare (CPython's `unsafe_tuple_compare`).
    Tuple(ElemCompare),
}

/// The first item of `k` when it is a non-empty exact tuple.
fn first_tuple_item<'a>(vm: &VM, k: &'a PyObjectRef) -> Option<&'a PyObjectRef> {
    if !k.class().is(&vm.types.tuple_type) {
        return None;
    }
    k.downcast_ref::<PyTuple>()?.as_slice().first()
}

/// CPython's pre-sort check: the first key (or its first item, when all
/// keys are non-empty tuples) names the type every key must have.
fn choose_compare(vm: &VM, keys: &[PyObjectRef]) -> Compare {
    let first = first_tuple_item(vm, &keys[0]);
    let mut in_tuples = first.is_some();
    let key_type = first.unwrap_or(&keys[0]).class();
    let mut same_type = true;
    for k in keys {
        let item = if in_tuples {
            match first_tuple_item(vm, k) {
                Some(item) => item,
                None => {
                    in_tuples = false;
                    same_type = false;
                    break;
                }
            }
        } else {
            k
        };
        if !item.class().is(key_type) {
            same_type = false;
            // Tuples must all be checked: they still get the tuple compare.
            if !in_tuples {
                break;
            }
        }
    }
    let elem = if !same_type {
        ElemCompare::Safe
    } else if key_type.is(&vm.types.str_type) {
        ElemCompare::Str
    } else if key_type.is(&vm.types.int_type) {
        ElemCompare::Int
    } else if key_type.is(&vm.types.float_type) {
        ElemCompare::Float
    } else if key_type.payload.slots.richcompare.get().is_some() {
        ElemCompare::SameType
    } else {
        ElemCompare::Safe
    };
    if in_tuples {
        // Tuples of tuples compare their first items the general way.
        if key_type.is(&vm.types.tuple_type) {
            Compare::Tuple(ElemCompare::Safe)
        } else {
            Compare::Tuple(elem)
        }
    } else {
        Compare::Plain(elem)
    }
}

/// `a < b` by the compare `how`.
fn elem_less(vm: &VM, how: ElemCompare, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<bool> {
    match how {
        ElemCompare::Int => {
            if let (Some(PyInt::Small(x)), Some(PyInt::Small(y))) =
                (a.downcast_ref::<PyInt>(), b.downcast_ref::<PyInt>())
            {
                return Ok(x < y);
            }
        }
        ElemCompare::Float => {
            if let (Some(x), Some(y)) = (a.downcast_ref::<PyFloat>(), b.downcast_ref::<PyFloat>()) {
                return Ok(x.value < y.value);
            }
        }
        ElemCompare::Str => {
            if let (Some(x), Some(y)) = (a.downcast_ref::<PyStr>(), b.downcast_ref::<PyStr>()) {
                return Ok(x.cmp_text(y) == Ordering::Less);
            }
        }
        ElemCompare::SameType => {
            if let Some(f) = a.class().payload.slots.richcompare.get() {
                let r = f(vm, a, b, CompareOp::Lt)?;
                if !vm.is_not_implemented(&r) {
                    return vm.is_true(&r);
                }
            }
        }
        ElemCompare::Safe => {}
    }
    vm.rich_compare_bool(a, b, CompareOp::Lt)
}

/// `a < b` for non-empty tuples, as CPython's `unsafe_tuple_compare`.
fn tuple_less(vm: &VM, first: ElemCompare, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<bool> {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyTuple>(), b.downcast_ref::<PyTuple>()) else {
        return vm.rich_compare_bool(a, b, CompareOp::Lt);
    };
    let (x, y) = (x.as_slice(), y.as_slice());
    let mut i = 0;
    while i < x.len() && i < y.len() {
        if !seq_eq(vm, &x[i], &y[i])? {
            break;
        }
        i += 1;
    }
    if i >= x.len() || i >= y.len() {
        return Ok(x.len() < y.len());
    }
    if i == 0 {
        elem_less(vm, first, &x[0], &y[0])
    } else {
        vm.rich_compare_bool(&x[i], &y[i], CompareOp::Lt)
    }
}

/// Sorts the handles `idx` (indices into `keys`) stably by key. On error
/// `idx` is left in the partly sorted state CPython would leave its list.
fn sort_indices(vm: &VM, keys: &[PyObjectRef], idx: &mut [usize]) -> PyResult<()> {
    if keys.len() < 2 {
        return Ok(());
    }
    // For a consistent total order every stable sort gives the same
    // result, and exact ints and strs compare without side effects, so
    // those use the (faster) native sort.
    let how = choose_compare(vm, keys);
    match how {
        Compare::Plain(ElemCompare::Int) => {
            let small: Option<Vec<i64>> = keys
                .iter()
                .map(|k| match k.downcast_ref::<PyInt>() {
                    Some(PyInt::Small(v)) => Some(*v),
                    _ => None,
                })
                .collect();
            if let Some(v) = small {
                idx.sort_by_key(|&i| v[i]);
                return Ok(());
            }
        }
        Compare::Plain(ElemCompare::Str) => {
            let strs: Option<Vec<&PyStr>> =
                keys.iter().map(|k| k.downcast_ref::<PyStr>()).collect();
            if let Some(v) = strs {
                idx.sort_by(|&a, &b| v[a].cmp_text(v[b]));
                return Ok(());
            }
        }
        Compare::Plain(ElemCompare::Float) => {
            let floats: Option<Vec<f64>> = keys
                .iter()
                .map(|k| k.downcast_ref::<PyFloat>().map(|f| f.value))
                .collect();
            if let Some(v) = floats {
                // Without NaN `<` on floats is a consistent order; with NaN
                // only CPython's exact algorithm gives CPython's result.
                if v.iter().any(|f| f.is_nan()) {
                    return timsort(idx, &mut |a, b| Ok(v[a] < v[b]));
                }
                idx.sort_by(|&a, &b| v[a].partial_cmp(&v[b]).unwrap_or(Ordering::Equal));
                return Ok(());
            }
        }
        _ => {}
    }
    match how {
        Compare::Plain(e) => timsort(idx, &mut |a, b| elem_less(vm, e, &keys[a], &keys[b])),
        Compare::Tuple(e) => timsort(idx, &mut |a, b| tuple_less(vm, e, &keys[a], &keys[b])),
    }
}

/// `list.sort(*, key=None, reverse=False)`.
pub fn list_sort(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    let npos = a.len() - nkw;
    if npos > 1 {
        return Err(vm.new_type_error("sort() takes no positional arguments"));
    }
    let Some(me) = a.first() else {
        return Err(vm.new_type_error("sort() needs an argument"));
    };
    let mut key = None;
    let mut reverse = false;
    if let Some(kw) = kw {
        for (k, v) in kw.payload.as_slice().iter().zip(&a[npos..]) {
            match k.downcast_ref::<PyStr>().map(|s| s.as_str()) {
                Some("key") => key = (!vm.is_none(v)).then(|| v.clone()),
                Some("reverse") => reverse = vm.is_true(v)?,
                Some(other) => {
                    return Err(
                        vm.new_type_error(crate::python::suggestions::unexpected_keyword(
                            "sort",
                            other,
                            &["key", "reverse"],
                        )),
                    )
                }
                None => return Err(vm.new_type_error("keywords must be strings")),
            }
        }
    }
    let list = me.downcast_ref::<PyList>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor 'sort' for 'list' objects doesn't apply to a '{}' object",
            me.class().name_string()
        ))
    })?;
    sort_list(vm, list, key.as_ref(), reverse)?;
    Ok(vm.none())
}

/// Sorts `list` in place (also used by `sorted()`).
pub fn sort_list(vm: &VM, list: &PyList, key: Option<&PyObjectRef>, reverse: bool) -> PyResult<()> {
    let mut items = std::mem::take(&mut *list.items.borrow_mut());
    // Keys are computed in list order, before the reversal below.
    let mut keys = match key {
        Some(f) => {
            let mut keys = Vec::with_capacity(items.len());
            for x in &items {
                match vm.call1(f, x.clone()) {
                    Ok(k) => keys.push(k),
                    Err(e) => {
                        // The list is restored as it was; changes made by
                        // the key function are dropped without complaint.
                        let intruders = std::mem::replace(&mut *list.items.borrow_mut(), items);
                        drop(intruders);
                        return Err(e);
                    }
                }
            }
            Some(keys)
        }
        None => None,
    };
    // reverse=True sorts the reversed list and reverses the result, so
    // equal keys keep their original order.
    if reverse {
        items.reverse();
        if let Some(k) = keys.as_mut() {
            k.reverse();
        }
    }
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let result = sort_indices(vm, keys.as_deref().unwrap_or(&items), &mut idx);
    // Also after an error: CPython's list is left partly sorted.
    let mut slots: Vec<Option<PyObjectRef>> = items.into_iter().map(Some).collect();
    let mut items: Vec<PyObjectRef> = idx.iter().filter_map(|&i| slots[i].take()).collect();
    if reverse {
        items.reverse();
    }
    drop(keys);
    let intruders = std::mem::replace(&mut *list.items.borrow_mut(), items);
    // CPython notices any operation that allocated storage for the list,
    // even if the list is empty again; a grown capacity is the equivalent.
    let modified = !intruders.is_empty() || intruders.capacity() > 0;
    drop(intruders);
    result?;
    if modified {
        return Err(vm.new_value_error("list modified during sort"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::container_testutil::*;

    fn sort_perm(vm: &VM, keys: &[PyObjectRef]) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..keys.len()).collect();
        sort_indices(vm, keys, &mut idx).ok().unwrap();
        idx
    }

    fn sorted(vm: &VM, v: &[i64], reverse: bool) -> String {
        let l = vm.new_list(ints(vm, v));
        sort_list(vm, &l.payload, None, reverse).ok().unwrap();
        repr(vm, l.as_object())
    }

    #[test]
    fn sorts() {
        let vm = vm();
        assert_eq!(sorted(&vm, &[3, 1, 2], false), "[1, 2, 3]");
        assert_eq!(sorted(&vm, &[3, 1, 2], true), "[3, 2, 1]");
        assert_eq!(sorted(&vm, &[], false), "[]");
        // Pseudo-random data of many runs, compared with Rust's sort.
        let mut x: i64 = 12345;
        let v: Vec<i64> = (0..2000)
            .map(|_| {
                x = (x * 1103515245 + 12345) % 2147483648;
                x % 100
            })
            .collect();
        let mut expect = v.clone();
        expect.sort();
        let l = vm.new_list(ints(&vm, &v));
        sort_list(&vm, &l.payload, None, false).ok().unwrap();
        let got: Vec<i64> = l
            .payload
            .to_vec()
            .iter()
            .map(|o| o.downcast_ref::<PyInt>().and_then(|i| i.as_i64()).unwrap())
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn generic_path_matches_native() {
        let vm = vm();
        // 1-tuples force the `__lt__` merge sort; tags check stability.
        let mut x: i64 = 777;
        let raw: Vec<(i64, i64)> = (0..3000)
            .map(|t| {
                x = (x * 1103515245 + 12345) % 2147483648;
                (x % 50, t)
            })
            .collect();
        let keys: Vec<PyObjectRef> = raw
            .iter()
            .map(|&(k, _)| vm.new_tuple_obj(vec![vm.new_int(k)]))
            .collect();
        let perm = sort_perm(&vm, &keys);
        let got: Vec<(i64, i64)> = perm.iter().map(|&i| raw[i]).collect();
        let mut expect = raw.clone();
        expect.sort_by_key(|p| p.0);
        assert_eq!(got, expect);
        let strs: Vec<PyObjectRef> = ["b", "a", "c", "a"]
            .iter()
            .map(|s| vm.new_str_obj(*s))
            .collect();
        assert_eq!(sort_perm(&vm, &strs), vec![1, 3, 0, 2]);
    }

    #[test]
    fn stable_with_key_and_errors() {
        let vm = vm();
        // Sort (k, tag) tuples by a key that only looks at k: tags keep order.
        let items: Vec<PyObjectRef> = [(2, 0), (1, 1), (2, 2), (1, 3), (0, 4)]
            .iter()
            .map(|&(k, t)| vm.new_tuple_obj(vec![vm.new_int(k), vm.new_int(t)]))
            .collect();
        let l = vm.new_list(items);
        let keys: Vec<PyObjectRef> = l
            .payload
            .to_vec()
            .iter()
            .map(|t| {
                t.downcast_ref::<crate::objects::tupleobject::PyTuple>()
                    .unwrap()
                    .as_slice()[0]
                    .clone()
            })
            .collect();
        let perm = sort_perm(&vm, &keys);
        assert_eq!(perm, vec![4, 1, 3, 0, 2]);
        let mixed = vm.new_list(vec![vm.new_int(1), vm.new_str_obj("a")]);
        let r = list_sort(&vm, &[mixed.clone().into_object()], None);
        assert_eq!(
            err(&vm, r),
            "TypeError: '<' not supported between instances of 'str' and 'int'"
        );
        assert_eq!(mixed.payload.len(), 2);
        let r = list_sort(&vm, &[mixed.into_object(), vm.new_int(1)], None);
        assert_eq!(
            err(&vm, r),
            "TypeError: sort() takes no positional arguments"
        );
    }
}
