//! `dict_keys`, `dict_values`, `dict_items` and the dict iterators
//! (CPython's dictobject.c view and iterator sections).

use std::cell::Cell;

use crate::object::{PyObjectRef, PyRef, PyTypeRef};
use crate::objects::dictobject::PyDict;
use crate::objects::iterobject::{self, DictViewKind, PyDictIterator, PyDictView};
use crate::objects::seqcommon::{method_args, with_repr_guard};
use crate::objects::setobject::{self, PySet};
use crate::objects::tupleobject::{PyTuple, PyTupleRef};
use crate::objects::typeobject::{CompareOp, NumberOp};
use crate::{PyResult, VM};

type Args<'a> = &'a [PyObjectRef];
type Kw<'a> = Option<&'a PyTupleRef>;

fn view_type(vm: &VM, kind: DictViewKind) -> &PyTypeRef {
    match kind {
        DictViewKind::Keys => &vm.types.dict_keys_type,
        DictViewKind::Values => &vm.types.dict_values_type,
        DictViewKind::Items => &vm.types.dict_items_type,
    }
}

pub fn new_view(vm: &VM, dict: &PyObjectRef, kind: DictViewKind) -> PyResult<PyObjectRef> {
    let d = dict
        .downcast_cloned::<PyDict>()
        .ok_or_else(|| vm.new_type_error("expected a dict"))?;
    Ok(PyRef::new_exact(PyDictView { dict: d, kind }, view_type(vm, kind).clone()).into_object())
}

pub fn new_dict_iter(
    vm: &VM,
    dict: &PyObjectRef,
    kind: DictViewKind,
    reversed: bool,
) -> PyResult<PyObjectRef> {
    let d = dict
        .downcast_cloned::<PyDict>()
        .ok_or_else(|| vm.new_type_error("expected a dict"))?;
    let len = d.payload.len();
    let ty = if reversed {
        iterobject::extra_types(vm).dict_reverse_iter(kind)
    } else {
        match kind {
            DictViewKind::Keys => vm.types.dict_keyiterator_type.clone(),
            DictViewKind::Values => vm.types.dict_valueiterator_type.clone(),
            DictViewKind::Items => vm.types.dict_itemiterator_type.clone(),
        }
    };
    let pos = if reversed { d.payload.dense_len() } else { 0 };
    Ok(PyRef::new_exact(
        PyDictIterator {
            dict: d,
            kind,
            pos: Cell::new(pos),
            initial_len: len,
            remaining: Cell::new(len),
            reversed,
        },
        ty,
    )
    .into_object())
}

fn dict_iter_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let Some(it) = obj.downcast_ref::<PyDictIterator>() else {
        return Err(vm.new_type_error("expected a dict iterator"));
    };
    let d = &it.dict.payload;
    if d.len() != it.initial_len {
        // Keep failing on later calls, as CPython does.
        it.remaining.set(0);
        it.pos.set(if it.reversed { 0 } else { usize::MAX });
        return Err(vm.new_runtime_error("dictionary changed size during iteration"));
    }
    let found = if it.reversed {
        d.entry_before(it.pos.get()).map(|(e, p)| (e, p))
    } else {
        d.entry_at(it.pos.get())
    };
    let Some((e, next)) = found else {
        it.pos.set(if it.reversed { 0 } else { usize::MAX });
        return Ok(None);
    };
    if it.remaining.get() == 0 {
        it.pos.set(if it.reversed { 0 } else { usize::MAX });
        return Err(vm.new_runtime_error("dictionary keys changed during iteration"));
    }
    it.remaining.set(it.remaining.get() - 1);
    it.pos.set(next);
    Ok(Some(match it.kind {
        DictViewKind::Keys => e.key,
        DictViewKind::Values => e.value,
        DictViewKind::Items => vm.new_tuple_obj(vec![e.key, e.value]),
    }))
}

fn dict_iter_length_hint(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "__length_hint__", a, kw, 0, 0)?;
    let n = match me.downcast_ref::<PyDictIterator>() {
        Some(it) if it.dict.payload.len() == it.initial_len => it.remaining.get(),
        _ => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn view<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyDictView> {
    obj.downcast_ref::<PyDictView>()
        .ok_or_else(|| vm.new_type_error("expected a dict view"))
}

fn view_len(vm: &VM, obj: &PyObjectRef) -> PyResult<usize> {
    Ok(view(vm, obj)?.dict.payload.len())
}

fn view_iter(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let v = view(vm, obj)?;
    new_dict_iter(vm, v.dict.as_object(), v.kind, false)
}

fn view_contains(vm: &VM, obj: &PyObjectRef, x: &PyObjectRef) -> PyResult<bool> {
    let v = view(vm, obj)?;
    let d = &v.dict.payload;
    match v.kind {
        DictViewKind::Keys => d.contains(vm, x),
        DictViewKind::Items => {
            let Some(t) = x.downcast_ref::<PyTuple>() else {
                return Ok(false);
            };
            let [k, val] = t.as_slice() else {
                return Ok(false);
            };
            match d.get_item(vm, k)? {
                Some(found) => vm.eq_bool(&found, val),
                None => Ok(false),
            }
        }
        DictViewKind::Values => {
            for val in d.values() {
                if vm.eq_bool(&val, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_repr(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let name = obj.class().name_string();
    with_repr_guard(vm, obj, "...", || {
        let items = vm.new_list(vm.collect(obj)?).into_object();
        Ok(format!("{}({})", name, vm.repr(&items)?.payload.as_str()))
    })
}

fn is_setlike(vm: &VM, obj: &PyObjectRef) -> bool {
    if obj.payload_is::<PySet>() {
        return true;
    }
    obj.downcast_ref::<PyDictView>()
        .is_some_and(|v| v.kind != DictViewKind::Values)
        && !obj.class().is(&vm.types.dict_values_type)
}

/// Every element of `a` is in `b`.
fn all_contained_in(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<bool> {
    let it = vm.get_iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: CompareOp,
) -> PyResult<PyObjectRef> {
    if !is_setlike(vm, a) || !is_setlike(vm, b) {
        return Ok(vm.not_implemented());
    }
    let (la, lb) = (vm.len(a)?, vm.len(b)?);
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = la == lb && all_contained_in(vm, a, b)?;
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CompareOp::Le => la <= lb && all_contained_in(vm, a, b)?,
        CompareOp::Gt => la > lb && all_contained_in(vm, b, a)?,
        CompareOp::Ge => la >= lb && all_contained_in(vm, b, a)?,
    };
    Ok(vm.new_bool(r))
}

/// The set operators of keys/items views: the result is always a set.
fn view_binop(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: NumberOp) -> PyResult<PyObjectRef> {
    let a_is_view = a.payload_is::<PyDictView>() && is_setlike(vm, a);
    let b_is_view = b.payload_is::<PyDictView>() && is_setlike(vm, b);
    if !a_is_view && !b_is_view {
        return Ok(vm.not_implemented());
    }
    if op == NumberOp::And {
        let (mut s, mut o) = if a_is_view { (a, b) } else { (b, a) };
        if is_setlike(vm, o) && vm.len(s)? > vm.len(o)? {
            std::mem::swap(&mut s, &mut o);
        }
        let result = setobject::new_set(vm, Vec::new())?;
        let it = vm.get_iter(o)?;
        while let Some(x) = vm.next(&it)? {
            if vm.contains(s, &x)? {
                result.payload.add(vm, x)?;
            }
        }
        return Ok(result.into_object());
    }
    let result = setobject::new_set(vm, vm.collect(a)?)?;
    match op {
        NumberOp::Or => setobject::update_iter(vm, &result.payload, b)?,
        NumberOp::Subtract => setobject::difference_update_iter(vm, &result.payload, b)?,
        NumberOp::Xor => setobject::symmetric_difference_update_iter(vm, &result.payload, b)?,
        _ => return Ok(vm.not_implemented()),
    }
    Ok(result.into_object())
}

fn view_and(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    view_binop(vm, a, b, NumberOp::And)
}
fn view_or(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    view_binop(vm, a, b, NumberOp::Or)
}
fn view_sub(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    view_binop(vm, a, b, NumberOp::Subtract)
}
fn view_xor(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    view_binop(vm, a, b, NumberOp::Xor)
}

fn view_isdisjoint(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "isdisjoint", a, kw, 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(me, &x)? {
            return Ok(vm.new_bool(false));
        }
    }
    Ok(vm.new_bool(true))
}

fn view_reversed(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "__reversed__", a, kw, 0, 0)?;
    let v = view(vm, me)?;
    new_dict_iter(vm, v.dict.as_object(), v.kind, true)
}

fn view_mapping(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let v = view(vm, obj)?;
    Ok(PyRef::new_exact(
        crate::objects::descrobject::PyMappingProxy {
            mapping: v.dict.clone().into_object(),
        },
        vm.types.mappingproxy_type.clone(),
    )
    .into_object())
}

pub(crate) fn init(vm: &VM) {
    let views = [
        vm.types.dict_keys_type.clone(),
        vm.types.dict_values_type.clone(),
        vm.types.dict_items_type.clone(),
    ];
    for (i, ty) in views.iter().enumerate() {
        let sl = &ty.payload.slots;
        sl.len.set(Some(view_len));
        sl.iter.set(Some(view_iter));
        sl.contains.set(Some(view_contains));
        sl.repr.set(Some(view_repr));
        vm.add_method(ty, "__reversed__", view_reversed);
        vm.add_getset(ty, "mapping", view_mapping, None);
        if i != 1 {
            sl.richcompare.set(Some(view_richcompare));
            sl.nb_binary[NumberOp::And as usize].set(Some(view_and));
            sl.nb_binary[NumberOp::Or as usize].set(Some(view_or));
            sl.nb_binary[NumberOp::Subtract as usize].set(Some(view_sub));
            sl.nb_binary[NumberOp::Xor as usize].set(Some(view_xor));
            vm.add_method(ty, "isdisjoint", view_isdisjoint);
            vm.add_class_attr(ty, "__hash__", vm.none());
        }
    }
    let mut iters = vec![
        vm.types.dict_keyiterator_type.clone(),
        vm.types.dict_valueiterator_type.clone(),
        vm.types.dict_itemiterator_type.clone(),
    ];
    let extra = iterobject::extra_types(vm);
    for k in [
        DictViewKind::Keys,
        DictViewKind::Values,
        DictViewKind::Items,
    ] {
        iters.push(extra.dict_reverse_iter(k));
    }
    for ty in &iters {
        iterobject::make_iterator_type(vm, ty, dict_iter_next);
        vm.add_method(ty, "__length_hint__", dict_iter_length_hint);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::container_testutil::*;

    #[test]
    fn views() {
        let vm = vm();
        let d = vm.new_dict();
        d.payload
            .set_item(&vm, vm.new_str_obj("a"), vm.new_int(1))
            .ok()
            .unwrap();
        let dobj = d.clone().into_object();
        let k = new_view(&vm, &dobj, DictViewKind::Keys).ok().unwrap();
        let i = new_view(&vm, &dobj, DictViewKind::Items).ok().unwrap();
        let v = new_view(&vm, &dobj, DictViewKind::Values).ok().unwrap();
        assert_eq!(repr(&vm, &k), "dict_keys(['a'])");
        assert_eq!(repr(&vm, &i), "dict_items([('a', 1)])");
        assert_eq!(repr(&vm, &v), "dict_values([1])");
        let pair = vm.new_tuple_obj(vec![vm.new_str_obj("a"), vm.new_int(1)]);
        assert!(vm.contains(&i, &pair).ok().unwrap());
        let s = setobject::new_set(&vm, vec![vm.new_str_obj("a")])
            .ok()
            .unwrap();
        let r = vm
            .rich_compare(&k, s.as_object(), CompareOp::Eq)
            .ok()
            .unwrap();
        assert_eq!(repr(&vm, &r), "True");
        let r = vm
            .binary_op(&k, s.as_object(), NumberOp::Subtract)
            .ok()
            .unwrap();
        assert_eq!(repr(&vm, &r), "set()");
        let r = vm.binary_op(&k, s.as_object(), NumberOp::And).ok().unwrap();
        assert_eq!(repr(&vm, &r), "{'a'}");
        let r = vm.binary_op(&k, &vm.new_int(1), NumberOp::And);
        assert_eq!(err(&vm, r), "TypeError: 'int' object is not iterable");
        // Mutation during iteration.
        let it = vm.get_iter(&dobj).ok().unwrap();
        d.payload
            .set_item(&vm, vm.new_str_obj("b"), vm.new_int(2))
            .ok()
            .unwrap();
        assert_eq!(
            err(&vm, vm.next(&it)),
            "RuntimeError: dictionary changed size during iteration"
        );
        // d == {'a': 1, 'b': 2}: next -> 'a'; del d['a']; d['c'] = 3.
        let it = vm.get_iter(&dobj).ok().unwrap();
        assert_eq!(repr(&vm, &vm.next(&it).ok().unwrap().unwrap()), "'a'");
        d.payload.pop_item(&vm, &vm.new_str_obj("a")).ok().unwrap();
        d.payload
            .set_item(&vm, vm.new_str_obj("c"), vm.new_int(3))
            .ok()
            .unwrap();
        assert_eq!(repr(&vm, &vm.next(&it).ok().unwrap().unwrap()), "'b'");
        assert_eq!(
            err(&vm, vm.next(&it)),
            "RuntimeError: dictionary keys changed during iteration"
        );
        let rit = new_dict_iter(&vm, &dobj, DictViewKind::Items, true)
            .ok()
            .unwrap();
        assert_eq!(repr(&vm, &vm.next(&rit).ok().unwrap().unwrap()), "('c', 3)");
        assert_eq!(repr(&vm, &vm.next(&rit).ok().unwrap().unwrap()), "('b', 2)");
        assert!(vm.next(&rit).ok().unwrap().is_none());
    }
}
