//! `list.sort` (CPython's listsort): a stable merge sort whose comparisons
//! may raise. Natural runs are detected so sorted or reversed input costs
//! O(n) comparisons, as with timsort.
//!
//! While sorting, the list is empty (as in CPython), so a key function or
//! `__lt__` that looks at or mutates the list sees that; a mutation is
//! reported as "list modified during sort" and discarded.

use std::cmp::Ordering;

use crate::object::PyObjectRef;
use crate::objects::listobject::PyList;
use crate::objects::longobject::PyInt;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::CompareOp;
use crate::{PyResult, VM};

/// `a < b`, with inline paths for exact ints and strs.
fn less(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<bool> {
    let (ta, tb) = (a.class(), b.class());
    if ta.is(tb) {
        if ta.is(&vm.types.int_type) {
            if let (Some(PyInt::Small(x)), Some(PyInt::Small(y))) =
                (a.downcast_ref::<PyInt>(), b.downcast_ref::<PyInt>())
            {
                return Ok(x < y);
            }
        } else if ta.is(&vm.types.str_type) {
            if let (Some(x), Some(y)) = (a.downcast_ref::<PyStr>(), b.downcast_ref::<PyStr>()) {
                return Ok(x.cmp_text(y) == Ordering::Less);
            }
        }
    }
    vm.rich_compare_bool(a, b, CompareOp::Lt)
}

/// All keys as i64 when every key is an exact machine-size int.
fn all_small_ints(vm: &VM, keys: &[PyObjectRef]) -> Option<Vec<i64>> {
    keys.iter()
        .map(|k| {
            if !k.class().is(&vm.types.int_type) {
                return None;
            }
            match k.downcast_ref::<PyInt>() {
                Some(PyInt::Small(v)) => Some(*v),
                _ => None,
            }
        })
        .collect()
}

/// All keys as str payloads when every key is an exact str.
fn all_strs<'a>(vm: &VM, keys: &'a [PyObjectRef]) -> Option<Vec<&'a PyStr>> {
    keys.iter()
        .map(|k| {
            if !k.class().is(&vm.types.str_type) {
                return None;
            }
            k.downcast_ref::<PyStr>()
        })
        .collect()
}

/// Sorts `keys` stably; returns the permutation (indices into `keys`).
fn sort_indices(vm: &VM, keys: &[PyObjectRef]) -> PyResult<Vec<usize>> {
    let n = keys.len();
    let mut idx: Vec<usize> = (0..n).collect();
    if n < 2 {
        return Ok(idx);
    }
    // Homogeneous exact ints or strs compare without side effects, so a
    // native stable sort gives exactly the result `__lt__` would (CPython
    // likewise pre-checks key types and uses specialised compares).
    if let Some(v) = all_small_ints(vm, keys) {
        idx.sort_by_key(|&i| v[i]);
        return Ok(idx);
    }
    if let Some(v) = all_strs(vm, keys) {
        idx.sort_by(|&a, &b| v[a].cmp_text(v[b]));
        return Ok(idx);
    }
    // Split into natural runs (strictly descending runs are reversed, which
    // keeps stability because their elements are all distinct).
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let start = i;
        i += 1;
        if i < n {
            if less(vm, &keys[idx[i]], &keys[idx[i - 1]])? {
                while i + 1 < n && less(vm, &keys[idx[i + 1]], &keys[idx[i]])? {
                    i += 1;
                }
                i += 1;
                idx[start..i].reverse();
            } else {
                while i + 1 < n && !less(vm, &keys[idx[i + 1]], &keys[idx[i]])? {
                    i += 1;
                }
                i += 1;
            }
        }
        // Short runs are extended to a minimum length by binary insertion.
        let end = (start + 32).min(n).max(i);
        binary_insertion(vm, keys, &mut idx[start..end], i - start)?;
        i = end;
        runs.push((start, end));
    }
    let mut buf: Vec<usize> = Vec::with_capacity(n);
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len() / 2 + 1);
        for pair in runs.chunks(2) {
            match *pair {
                [(a0, a1), (_, b1)] => {
                    merge(vm, keys, &mut idx, a0, a1, b1, &mut buf)?;
                    merged.push((a0, b1));
                }
                [r] => merged.push(r),
                _ => {}
            }
        }
        runs = merged;
    }
    Ok(idx)
}

/// Sorts `run`, whose first `sorted` elements are already in order.
fn binary_insertion(
    vm: &VM,
    keys: &[PyObjectRef],
    run: &mut [usize],
    sorted: usize,
) -> PyResult<()> {
    for i in sorted.max(1)..run.len() {
        let pivot = run[i];
        let (mut lo, mut hi) = (0, i);
        // Upper bound: after every element equal to the pivot (stability).
        while lo < hi {
            let mid = (lo + hi) / 2;
            if less(vm, &keys[pivot], &keys[run[mid]])? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        run.copy_within(lo..i, lo + 1);
        run[lo] = pivot;
    }
    Ok(())
}

/// Merges the sorted ranges `a0..a1` and `a1..b1` of `idx`. On error the
/// range is left a permutation of its original contents.
fn merge(
    vm: &VM,
    keys: &[PyObjectRef],
    idx: &mut [usize],
    a0: usize,
    a1: usize,
    b1: usize,
    buf: &mut Vec<usize>,
) -> PyResult<()> {
    if !less(vm, &keys[idx[a1]], &keys[idx[a1 - 1]])? {
        return Ok(());
    }
    buf.clear();
    buf.extend_from_slice(&idx[a0..a1]);
    let (mut i, mut j, mut k) = (0, a1, a0);
    let mut result = Ok(());
    while i < buf.len() && j < b1 {
        match less(vm, &keys[idx[j]], &keys[buf[i]]) {
            Ok(true) => {
                idx[k] = idx[j];
                j += 1;
            }
            Ok(false) => {
                idx[k] = buf[i];
                i += 1;
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
        k += 1;
    }
    // Whatever is left of the left run fills the gap before `j`.
    while i < buf.len() {
        idx[k] = buf[i];
        i += 1;
        k += 1;
    }
    result
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
    if reverse {
        items.reverse();
    }
    let result = (|| -> PyResult<Vec<usize>> {
        match key {
            Some(f) => {
                let mut keys = Vec::with_capacity(items.len());
                for x in &items {
                    keys.push(vm.call1(f, x.clone())?);
                }
                sort_indices(vm, &keys)
            }
            None => sort_indices(vm, &items),
        }
    })();
    if let Ok(perm) = &result {
        let mut slots: Vec<Option<PyObjectRef>> = items.into_iter().map(Some).collect();
        items = perm.iter().filter_map(|&i| slots[i].take()).collect();
    }
    if reverse {
        items.reverse();
    }
    let intruders = std::mem::replace(&mut *list.items.borrow_mut(), items);
    let modified = !intruders.is_empty();
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
        let perm = sort_indices(&vm, &keys).ok().unwrap();
        let got: Vec<(i64, i64)> = perm.iter().map(|&i| raw[i]).collect();
        let mut expect = raw.clone();
        expect.sort_by_key(|p| p.0);
        assert_eq!(got, expect);
        let strs: Vec<PyObjectRef> = ["b", "a", "c", "a"]
            .iter()
            .map(|s| vm.new_str_obj(*s))
            .collect();
        assert_eq!(sort_indices(&vm, &strs).ok().unwrap(), vec![1, 3, 0, 2]);
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
        let perm = sort_indices(&vm, &keys).ok().unwrap();
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
