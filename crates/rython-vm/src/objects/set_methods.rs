//! Slots and methods of `set` and `frozenset` (CPython's setobject.c);
//! the hash table is in `setobject.rs`.

use crate::object::{PyObjectRef, PyTypeRef};
use crate::objects::iterobject;
use crate::objects::seqcommon::{method_args, with_repr_guard};
use crate::objects::setobject::{
    base_type, difference_update_iter, is_anyset, make_new_set, symmetric_difference_update_iter,
    update_iter, PySet, PySetRef,
};
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{CompareOp, NumberOp};
use crate::{PyResult, VM};

type Args<'a> = &'a [PyObjectRef];
type Kw<'a> = Option<&'a PyTupleRef>;

fn this<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PySet> {
    obj.downcast_ref::<PySet>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            obj.class().name_string()
        ))
    })
}

/// A copy of `obj` with its builtin base type (`set_copy`).
fn copy_base(vm: &VM, obj: &PyObjectRef) -> PyResult<PySetRef> {
    let s = this(vm, obj)?;
    let r = make_new_set(vm, &base_type(vm, obj), None)?;
    r.payload.merge(vm, s)?;
    Ok(r)
}

/// Hash of `key`, retrying a set key as a frozenset (`set_contains_key`'s
/// rule for `set() in s`).
fn key_hash(vm: &VM, key: &PyObjectRef) -> PyResult<(PyObjectRef, i64)> {
    match vm.hash(key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e)
            if key.class().is_subtype(&vm.types.set_type)
                && e.as_object().class().is_subtype(&vm.types.exc.type_error) =>
        {
            let f = make_new_set(vm, &vm.types.frozenset_type, Some(key))?.into_object();
            let h = vm.hash(&f)?;
            Ok((f, h))
        }
        Err(e) => Err(e),
    }
}

pub fn set_contains(vm: &VM, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult<bool> {
    let (k, h) = key_hash(vm, key)?;
    this(vm, obj)?.contains_hashed(vm, &k, h)
}

/// `set_intersection`.
fn intersection(vm: &VM, so: &PyObjectRef, other: &PyObjectRef) -> PyResult<PySetRef> {
    if so.is(other) {
        return copy_base(vm, so);
    }
    let result = make_new_set(vm, &base_type(vm, so), None)?;
    let s = this(vm, so)?;
    if let Some(o) = other.downcast_ref::<PySet>() {
        let (big, small) = if o.len() > s.len() { (o, s) } else { (s, o) };
        for (h, k) in small.entries() {
            if big.contains_hashed(vm, &k, h)? {
                result.payload.add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if s.contains_hashed(vm, &k, h)? {
            result.payload.add_hashed(vm, k, h)?;
            if result.payload.len() >= s.len() {
                break;
            }
        }
    }
    Ok(result)
}

/// `set_difference`.
fn difference(vm: &VM, so: &PyObjectRef, other: &PyObjectRef) -> PyResult<PySetRef> {
    let s = this(vm, so)?;
    let other_size = if let Some(o) = other.downcast_ref::<PySet>() {
        Some(o.len())
    } else if other.class().is(&vm.types.dict_type) {
        Some(vm.len(other)?)
    } else {
        None
    };
    match other_size {
        Some(n) if (s.len() >> 2) <= n => {}
        _ => {
            let r = copy_base(vm, so)?;
            difference_update_iter(vm, &r.payload, other)?;
            return Ok(r);
        }
    }
    let result = make_new_set(vm, &base_type(vm, so), None)?;
    for (h, k) in s.entries() {
        let present = match other.downcast_ref::<PySet>() {
            Some(o) => o.contains_hashed(vm, &k, h)?,
            None => match other.downcast_ref::<crate::objects::dictobject::PyDict>() {
                Some(d) => d.get_item_hashed(vm, &k, h)?.is_some(),
                None => false,
            },
        };
        if !present {
            result.payload.add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

/// `set_symmetric_difference`.
fn symmetric_difference(vm: &VM, so: &PyObjectRef, other: &PyObjectRef) -> PyResult<PySetRef> {
    let result = make_new_set(vm, &base_type(vm, so), None)?;
    update_iter(vm, &result.payload, other)?;
    for (h, k) in this(vm, so)?.entries() {
        if !result.payload.discard_hashed(vm, &k, h)? {
            result.payload.add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

fn issubset(vm: &VM, so: &PyObjectRef, other: &PyObjectRef) -> PyResult<bool> {
    let s = this(vm, so)?;
    let Some(o) = other.downcast_ref::<PySet>() else {
        let tmp = intersection(vm, so, other)?;
        return Ok(tmp.payload.len() == s.len());
    };
    if s.len() > o.len() {
        return Ok(false);
    }
    for (h, k) in s.entries() {
        if !o.contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issuperset(vm: &VM, so: &PyObjectRef, other: &PyObjectRef) -> PyResult<bool> {
    if is_anyset(other) {
        return issubset(vm, other, so);
    }
    let s = this(vm, so)?;
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if !s.contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// ----- slots -------------------------------------------------------------

fn set_new(vm: &VM, cls: &PyTypeRef, _a: Args, _kw: Kw) -> PyResult<PyObjectRef> {
    Ok(make_new_set(vm, cls, None)?.into_object())
}

fn set_init(vm: &VM, obj: &PyObjectRef, a: Args, kw: Kw) -> PyResult<()> {
    let name = obj.class().name_string();
    if kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error("set() takes no keyword arguments"));
    }
    if a.len() > 1 {
        return Err(vm.new_type_error(format!(
            "{name} expected at most 1 argument, got {}",
            a.len()
        )));
    }
    let s = this(vm, obj)?;
    s.clear();
    if let Some(x) = a.first() {
        update_iter(vm, s, x)?;
    }
    Ok(())
}

fn frozenset_new(vm: &VM, cls: &PyTypeRef, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let exact = cls.is(&vm.types.frozenset_type);
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    if exact && nkw > 0 {
        return Err(vm.new_type_error("frozenset() takes no keyword arguments"));
    }
    let pos = &a[..a.len() - nkw];
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!(
            "{} expected at most 1 argument, got {}",
            cls.name_string(),
            pos.len()
        )));
    }
    if let Some(x) = pos.first() {
        if exact && x.class().is(&vm.types.frozenset_type) {
            return Ok(x.clone());
        }
    }
    Ok(make_new_set(vm, cls, pos.first())?.into_object())
}

fn set_repr(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let s = this(vm, obj)?;
    let name = obj.class().name_string();
    if s.is_empty() {
        return Ok(vm.new_str_obj(format!("{name}()")));
    }
    let recursive = format!("{name}(...)");
    with_repr_guard(vm, obj, &recursive, || {
        let body = crate::objects::seqcommon::join_reprs(vm, &s.keys())?;
        Ok(if obj.class().is(&vm.types.set_type) {
            format!("{{{body}}}")
        } else {
            format!("{name}({{{body}}})")
        })
    })
}

fn frozenset_hash(vm: &VM, obj: &PyObjectRef) -> PyResult<i64> {
    let s = this(vm, obj)?;
    Ok(rython_common::hash::hash_frozenset(
        s.entries().into_iter().map(|(h, _)| h),
    ))
}

fn set_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: CompareOp,
) -> PyResult<PyObjectRef> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(vm.not_implemented());
    }
    let (la, lb) = (this(vm, a)?.len(), this(vm, b)?.len());
    let r = match op {
        CompareOp::Eq => la == lb && issubset(vm, a, b)?,
        CompareOp::Ne => !(la == lb && issubset(vm, a, b)?),
        CompareOp::Le => issubset(vm, a, b)?,
        CompareOp::Ge => issuperset(vm, a, b)?,
        CompareOp::Lt => la < lb && issubset(vm, a, b)?,
        CompareOp::Gt => la > lb && issuperset(vm, a, b)?,
    };
    Ok(vm.new_bool(r))
}

fn set_len(vm: &VM, obj: &PyObjectRef) -> PyResult<usize> {
    Ok(this(vm, obj)?.len())
}

fn set_iter(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    iterobject::new_set_iterator(vm, obj)
}

fn binop(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    f: fn(&VM, &PyObjectRef, &PyObjectRef) -> PyResult<PySetRef>,
) -> PyResult<PyObjectRef> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(vm.not_implemented());
    }
    Ok(f(vm, a, b)?.into_object())
}

fn union_one(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PySetRef> {
    let r = copy_base(vm, a)?;
    if !a.is(b) {
        update_iter(vm, &r.payload, b)?;
    }
    Ok(r)
}

fn set_or(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    binop(vm, a, b, union_one)
}
fn set_and(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    binop(vm, a, b, intersection)
}
fn set_sub(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    binop(vm, a, b, difference)
}
fn set_xor(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    binop(vm, a, b, symmetric_difference)
}

fn inplace(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    f: fn(&VM, &PyObjectRef, &PyObjectRef) -> PyResult<()>,
) -> PyResult<PyObjectRef> {
    if !is_anyset(b) || !a.class().is_subtype(&vm.types.set_type) {
        return Ok(vm.not_implemented());
    }
    f(vm, a, b)?;
    Ok(a.clone())
}

fn do_update(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<()> {
    if a.is(b) {
        return Ok(());
    }
    update_iter(vm, this(vm, a)?, b)
}
fn do_intersection_update(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<()> {
    let tmp = intersection(vm, a, b)?;
    this(vm, a)?.swap_bodies(&tmp.payload);
    Ok(())
}
fn do_difference_update(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<()> {
    difference_update_iter(vm, this(vm, a)?, b)
}
fn do_symdiff_update(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<()> {
    symmetric_difference_update_iter(vm, this(vm, a)?, b)
}

fn set_ior(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    inplace(vm, a, b, do_update)
}
fn set_iand(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    inplace(vm, a, b, do_intersection_update)
}
fn set_isub(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    inplace(vm, a, b, do_difference_update)
}
fn set_ixor(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    inplace(vm, a, b, do_symdiff_update)
}

// ----- methods -------------------------------------------------------------

fn m_add(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "set.add", a, kw, 1, 1)?;
    this(vm, me)?.add(vm, a[0].clone())?;
    Ok(vm.none())
}

fn m_remove(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "set.remove", a, kw, 1, 1)?;
    let (k, h) = key_hash(vm, &a[0])?;
    if !this(vm, me)?.discard_hashed(vm, &k, h)? {
        return Err(vm.new_key_error(a[0].clone()));
    }
    Ok(vm.none())
}

fn m_discard(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "set.discard", a, kw, 1, 1)?;
    let (k, h) = key_hash(vm, &a[0])?;
    this(vm, me)?.discard_hashed(vm, &k, h)?;
    Ok(vm.none())
}

fn m_pop(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "set.pop", a, kw, 0, 0)?;
    this(vm, me)?
        .pop()
        .ok_or_else(|| vm.new_key_error(vm.new_str_obj("pop from an empty set")))
}

fn m_clear(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "set.clear", a, kw, 0, 0)?;
    this(vm, me)?.clear();
    Ok(vm.none())
}

fn m_copy(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "set.copy", a, kw, 0, 0)?;
    if me.class().is(&vm.types.frozenset_type) {
        return Ok(me.clone());
    }
    Ok(copy_base(vm, me)?.into_object())
}

fn no_kw(vm: &VM, name: &str, a: Args, kw: Kw) -> PyResult<(PyObjectRef, Vec<PyObjectRef>)> {
    if kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    let Some((me, rest)) = a.split_first() else {
        return Err(vm.new_type_error(format!("{name}() needs an argument")));
    };
    Ok((me.clone(), rest.to_vec()))
}

fn m_update(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, others) = no_kw(vm, "set.update", a, kw)?;
    for o in &others {
        do_update(vm, &me, o)?;
    }
    Ok(vm.none())
}

fn m_union(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, others) = no_kw(vm, "set.union", a, kw)?;
    let r = copy_base(vm, &me)?;
    for o in &others {
        if !o.is(&me) {
            update_iter(vm, &r.payload, o)?;
        }
    }
    Ok(r.into_object())
}

fn m_intersection(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, others) = no_kw(vm, "set.intersection", a, kw)?;
    let mut result = copy_base(vm, &me)?.into_object();
    if others.is_empty() {
        return Ok(result);
    }
    result = me.clone();
    for o in &others {
        result = intersection(vm, &result, o)?.into_object();
    }
    Ok(result)
}

fn m_intersection_update(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let tmp = m_intersection(vm, a, kw)?;
    if let (Some(me), Some(t)) = (a.first(), tmp.downcast_ref::<PySet>()) {
        if !me.is(&tmp) {
            this(vm, me)?.swap_bodies(t);
        }
    }
    Ok(vm.none())
}

fn m_difference(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, others) = no_kw(vm, "set.difference", a, kw)?;
    let Some((first, rest)) = others.split_first() else {
        return Ok(copy_base(vm, &me)?.into_object());
    };
    let r = difference(vm, &me, first)?;
    for o in rest {
        difference_update_iter(vm, &r.payload, o)?;
    }
    Ok(r.into_object())
}

fn m_difference_update(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, others) = no_kw(vm, "set.difference_update", a, kw)?;
    for o in &others {
        do_difference_update(vm, &me, o)?;
    }
    Ok(vm.none())
}

fn m_symmetric_difference(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "set.symmetric_difference", a, kw, 1, 1)?;
    Ok(symmetric_difference(vm, me, &a[0])?.into_object())
}

fn m_symmetric_difference_update(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "set.symmetric_difference_update", a, kw, 1, 1)?;
    do_symdiff_update(vm, me, &a[0])?;
    Ok(vm.none())
}

fn m_issubset(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "set.issubset", a, kw, 1, 1)?;
    Ok(vm.new_bool(issubset(vm, me, &a[0])?))
}

fn m_issuperset(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "set.issuperset", a, kw, 1, 1)?;
    Ok(vm.new_bool(issuperset(vm, me, &a[0])?))
}

fn m_isdisjoint(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "set.isdisjoint", a, kw, 1, 1)?;
    let s = this(vm, me)?;
    if me.is(&a[0]) {
        return Ok(vm.new_bool(s.is_empty()));
    }
    if let Some(o) = a[0].downcast_ref::<PySet>() {
        let (big, small) = if o.len() > s.len() { (o, s) } else { (s, o) };
        for (h, k) in small.entries() {
            if big.contains_hashed(vm, &k, h)? {
                return Ok(vm.new_bool(false));
            }
        }
        return Ok(vm.new_bool(true));
    }
    let it = vm.get_iter(&a[0])?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if s.contains_hashed(vm, &k, h)? {
            return Ok(vm.new_bool(false));
        }
    }
    Ok(vm.new_bool(true))
}

fn m_contains(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "set.__contains__", a, kw, 1, 1)?;
    Ok(vm.new_bool(set_contains(vm, me, &a[0])?))
}

fn m_sizeof(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "set.__sizeof__", a, kw, 0, 0)?;
    let cap = this(vm, me)?.capacity();
    let extra = if cap > 8 { cap * 16 } else { 0 };
    Ok(vm.new_int((200 + extra) as i64))
}

fn fill(vm: &VM, ty: &PyTypeRef, mutable: bool) {
    let sl = &ty.payload.slots;
    sl.repr.set(Some(set_repr));
    sl.richcompare.set(Some(set_richcompare));
    sl.len.set(Some(set_len));
    sl.contains.set(Some(set_contains));
    sl.iter.set(Some(set_iter));
    sl.nb_binary[NumberOp::Or as usize].set(Some(set_or));
    sl.nb_binary[NumberOp::And as usize].set(Some(set_and));
    sl.nb_binary[NumberOp::Subtract as usize].set(Some(set_sub));
    sl.nb_binary[NumberOp::Xor as usize].set(Some(set_xor));
    vm.add_method(ty, "copy", m_copy);
    vm.add_method(ty, "union", m_union);
    vm.add_method(ty, "intersection", m_intersection);
    vm.add_method(ty, "difference", m_difference);
    vm.add_method(ty, "symmetric_difference", m_symmetric_difference);
    vm.add_method(ty, "issubset", m_issubset);
    vm.add_method(ty, "issuperset", m_issuperset);
    vm.add_method(ty, "isdisjoint", m_isdisjoint);
    vm.add_method(ty, "__contains__", m_contains);
    vm.add_method(ty, "__sizeof__", m_sizeof);
    if mutable {
        sl.new.set(Some(set_new));
        sl.init.set(Some(set_init));
        sl.nb_inplace[NumberOp::Or as usize].set(Some(set_ior));
        sl.nb_inplace[NumberOp::And as usize].set(Some(set_iand));
        sl.nb_inplace[NumberOp::Subtract as usize].set(Some(set_isub));
        sl.nb_inplace[NumberOp::Xor as usize].set(Some(set_ixor));
        vm.add_class_attr(ty, "__hash__", vm.none());
        vm.add_method(ty, "add", m_add);
        vm.add_method(ty, "remove", m_remove);
        vm.add_method(ty, "discard", m_discard);
        vm.add_method(ty, "pop", m_pop);
        vm.add_method(ty, "clear", m_clear);
        vm.add_method(ty, "update", m_update);
        vm.add_method(ty, "intersection_update", m_intersection_update);
        vm.add_method(ty, "difference_update", m_difference_update);
        vm.add_method(
            ty,
            "symmetric_difference_update",
            m_symmetric_difference_update,
        );
    } else {
        sl.new.set(Some(frozenset_new));
        sl.hash.set(Some(frozenset_hash));
    }
}

pub(crate) fn init(vm: &VM) {
    fill(vm, &vm.types.set_type, true);
    fill(vm, &vm.types.frozenset_type, false);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::container_testutil::*;

    fn set_of(vm: &VM, v: &[i64]) -> PyObjectRef {
        crate::objects::setobject::new_set(vm, ints(vm, v))
            .ok()
            .unwrap()
            .into_object()
    }

    #[test]
    fn set_order_and_ops() {
        let vm = vm();
        assert_eq!(repr(&vm, &set_of(&vm, &[3, 1, 2])), "{1, 2, 3}");
        assert_eq!(repr(&vm, &set_of(&vm, &[5, -1, 300, 7])), "{300, 5, -1, 7}");
        let v: Vec<i64> = (0..15).map(|i| 100 - 7 * i).collect();
        assert_eq!(
            repr(&vm, &set_of(&vm, &v)),
            "{65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30}"
        );
        assert_eq!(repr(&vm, &set_of(&vm, &[])), "set()");
        let a = set_of(&vm, &[1, 2]);
        let b = set_of(&vm, &[1, 2, 3]);
        let lt = vm.rich_compare(&a, &b, CompareOp::Lt).ok().unwrap();
        assert_eq!(repr(&vm, &lt), "True");
        let x = vm.binary_op(&b, &a, NumberOp::Xor).ok().unwrap();
        assert_eq!(repr(&vm, &x), "{3}");
        let l = vm.new_list(vec![]).into_object();
        assert_eq!(
            err(&vm, vm.binary_op(&a, &l, NumberOp::Or)),
            "TypeError: unsupported operand type(s) for |: 'set' and 'list'"
        );
        let f = frozenset_new(&vm, &vm.types.frozenset_type, &[a.clone()], None)
            .ok()
            .unwrap();
        assert_eq!(repr(&vm, &f), "frozenset({1, 2})");
        assert_eq!(vm.hash(&f).ok(), Some(-1826646154956904602));
        let eq = vm.rich_compare(&a, &f, CompareOp::Eq).ok().unwrap();
        assert_eq!(repr(&vm, &eq), "True");
        let u = vm.binary_op(&f, &b, NumberOp::Or).ok().unwrap();
        assert_eq!(repr(&vm, &u), "frozenset({1, 2, 3})");
        // A set as a key is looked up as a frozenset.
        let outer = crate::objects::setobject::new_set(&vm, vec![f.clone()])
            .ok()
            .unwrap()
            .into_object();
        assert!(vm.contains(&outer, &a).ok().unwrap());
        let empty = set_of(&vm, &[]);
        assert_eq!(
            err(&vm, m_pop(&vm, &[empty.clone()], None)),
            "KeyError: 'pop from an empty set'"
        );
        assert_eq!(
            err(&vm, m_remove(&vm, &[empty.clone(), vm.new_int(1)], None)),
            "KeyError: 1"
        );
        assert_eq!(
            err(&vm, m_add(&vm, &[empty.clone()], None)),
            "TypeError: set.add() takes exactly one argument (0 given)"
        );
        let p = m_pop(&vm, &[b.clone()], None).ok().unwrap();
        assert_eq!(repr(&vm, &p), "1");
        // Mutation during iteration.
        let it = vm.get_iter(&b).ok().unwrap();
        m_add(&vm, &[b.clone(), vm.new_int(9)], None).ok().unwrap();
        assert_eq!(
            err(&vm, vm.next(&it)),
            "RuntimeError: Set changed size during iteration"
        );
        let s = crate::objects::setobject::new_set(&vm, (0..1000).map(|i| vm.new_int(i)).collect())
            .ok()
            .unwrap();
        for i in 0..1000 {
            if i % 3 != 0 {
                s.payload
                    .discard_hashed(&vm, &vm.new_int(i), i)
                    .ok()
                    .unwrap();
            }
        }
        assert_eq!(s.payload.len(), 334);
        assert!(s
            .payload
            .contains_hashed(&vm, &vm.new_int(999), 999)
            .ok()
            .unwrap());
    }
}
