//! `dict`'s slots and methods (CPython's Objects/dictobject.c); the hash
//! table itself is in `dictobject.rs`, views and iterators in
//! `dictviews.rs`.

use crate::object::{PyObjectRef, PyRef, PyTypeRef};
use crate::objects::dictobject::{PyDict, PyDictRef};
use crate::objects::dictviews;
use crate::objects::iterobject::DictViewKind;
use crate::objects::seqcommon::{method_args, with_repr_guard};
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{CompareOp, NumberOp};
use crate::{PyResult, VM};

type Args<'a> = &'a [PyObjectRef];
type Kw<'a> = Option<&'a PyTupleRef>;

pub(crate) fn this<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyDict> {
    obj.downcast_ref::<PyDict>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            obj.class().name_string()
        ))
    })
}

/// Is `obj` merged from its stored entries? CPython's `dict_merge` copies
/// a dict directly unless its class overrides `__iter__` (overriding only
/// `keys` or `__getitem__` does not count).
pub(crate) fn is_plain_dict(vm: &VM, obj: &PyObjectRef) -> bool {
    if obj.class().is(&vm.types.dict_type) {
        return true;
    }
    obj.payload_is::<PyDict>()
        && ["__iter__"].iter().all(|n| {
            match (
                obj.class().lookup_str(vm, n),
                vm.types.dict_type.lookup_str(vm, n),
            ) {
                (Some(a), Some(b)) => a.is(&b),
                (None, None) => true,
                _ => false,
            }
        })
}

/// `PyDict_Merge`: copies a mapping (anything with `keys()`) into `d`.
pub fn merge_mapping(vm: &VM, d: &PyDict, other: &PyObjectRef) -> PyResult<()> {
    if let Some(src) = other.downcast_ref::<PyDict>() {
        if is_plain_dict(vm, other) {
            for e in src.entries() {
                d.set_item_hashed(vm, e.key, e.hash, e.value)?;
            }
            return Ok(());
        }
    }
    let keys = vm.call_method(other, "keys", &[])?;
    let it = vm.get_iter(&keys)?;
    while let Some(k) = vm.next(&it)? {
        let v = vm.get_item(other, &k)?;
        d.set_item(vm, k, v)?;
    }
    Ok(())
}

/// `PyDict_MergeFromSeq2`: an iterable of key/value pairs.
pub fn merge_pairs(vm: &VM, d: &PyDict, seq: &PyObjectRef) -> PyResult<()> {
    let it = vm.get_iter(seq)?;
    let mut n = 0usize;
    while let Some(item) = vm.next(&it)? {
        let slots = &item.class().payload.slots;
        if slots.iter.get().is_none() && slots.getitem.get().is_none() {
            return Err(vm.new_type_error(format!(
                "cannot convert dictionary update sequence element #{n} to a sequence"
            )));
        }
        let pair = vm.collect(&item)?;
        if pair.len() != 2 {
            return Err(vm.new_value_error(format!(
                "dictionary update sequence element #{n} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        if let (Some(k), Some(v)) = (p.next(), p.next()) {
            d.set_item(vm, k, v)?;
        }
        n += 1;
    }
    Ok(())
}

/// `dict.update(other)`: a mapping if it has `keys`, else pairs.
pub fn update_from(vm: &VM, d: &PyDict, other: &PyObjectRef) -> PyResult<()> {
    if other.payload_is::<PyDict>() || vm.get_attr_opt_str(other, "keys")?.is_some() {
        merge_mapping(vm, d, other)
    } else {
        merge_pairs(vm, d, other)
    }
}

/// Shared by `dict(...)`, `__init__` and `update`: one optional positional
/// argument and keyword arguments.
fn update_common(vm: &VM, fname: &str, d: &PyDict, a: Args, kw: Kw) -> PyResult<()> {
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    let npos = a.len() - nkw;
    if npos > 1 {
        return Err(vm.new_type_error(format!("{fname} expected at most 1 argument, got {npos}")));
    }
    if let Some(x) = a[..npos].first() {
        update_from(vm, d, x)?;
    }
    if let Some(kw) = kw {
        for (k, v) in kw.payload.as_slice().iter().zip(&a[npos..]) {
            d.set_item(vm, k.clone(), v.clone())?;
        }
    }
    Ok(())
}

fn dict_new(vm: &VM, cls: &PyTypeRef, _a: Args, _kw: Kw) -> PyResult<PyObjectRef> {
    if cls.is(&vm.types.dict_type) {
        return Ok(vm.new_dict().into_object());
    }
    Ok(PyRef::new_with_type(PyDict::default(), cls.clone()).into_object())
}

fn dict_init(vm: &VM, obj: &PyObjectRef, a: Args, kw: Kw) -> PyResult<()> {
    update_common(vm, "dict", this(vm, obj)?, a, kw)
}

fn dict_repr(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let d = this(vm, obj)?;
    if d.is_empty() {
        return Ok(vm.new_str_obj("{}"));
    }
    with_repr_guard(vm, obj, "{...}", || {
        let mut out = String::from("{");
        for (i, e) in d.entries().into_iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(vm.repr(&e.key)?.payload.as_str());
            out.push_str(": ");
            out.push_str(vm.repr(&e.value)?.payload.as_str());
        }
        out.push('}');
        Ok(out)
    })
}

/// `a == b` for two dicts (`dict_equal`).
pub fn dict_equal(vm: &VM, a: &PyDict, b: &PyDict) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for e in a.entries() {
        let Some(bv) = b.get_item_hashed(vm, &e.key, e.hash)? else {
            return Ok(false);
        };
        if !vm.eq_bool(&e.value, &bv)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: CompareOp,
) -> PyResult<PyObjectRef> {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyDict>(), b.downcast_ref::<PyDict>()) else {
        return Ok(vm.not_implemented());
    };
    match op {
        CompareOp::Eq => Ok(vm.new_bool(dict_equal(vm, x, y)?)),
        CompareOp::Ne => Ok(vm.new_bool(!dict_equal(vm, x, y)?)),
        _ => Ok(vm.not_implemented()),
    }
}

fn dict_len(vm: &VM, obj: &PyObjectRef) -> PyResult<usize> {
    Ok(this(vm, obj)?.len())
}

fn dict_contains(vm: &VM, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult<bool> {
    this(vm, obj)?.contains(vm, key)
}

/// `d[key]`, with `__missing__` for subclasses.
pub fn dict_getitem(vm: &VM, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult<PyObjectRef> {
    let d = this(vm, obj)?;
    if let Some(v) = d.get_item(vm, key)? {
        return Ok(v);
    }
    if !obj.class().is(&vm.types.dict_type) {
        if let Some(missing) = vm.lookup_special(obj, "__missing__")? {
            return vm.call1(&missing, key.clone());
        }
    }
    Err(vm.new_key_error(key.clone()))
}

fn dict_setitem(
    vm: &VM,
    obj: &PyObjectRef,
    key: &PyObjectRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    let d = this(vm, obj)?;
    match value {
        Some(v) => d.set_item(vm, key.clone(), v),
        None => match d.pop_item(vm, key)? {
            Some(_) => Ok(()),
            None => Err(vm.new_key_error(key.clone())),
        },
    }
}

fn dict_iter(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    dictviews::new_dict_iter(vm, obj, DictViewKind::Keys, false)
}

fn dict_copy_of(vm: &VM, d: &PyDict) -> PyResult<PyDictRef> {
    let new = vm.new_dict();
    new.payload.copy_from(vm, d)?;
    Ok(new)
}

fn dict_or(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let (Some(x), true) = (a.downcast_ref::<PyDict>(), b.payload_is::<PyDict>()) else {
        return Ok(vm.not_implemented());
    };
    let new = dict_copy_of(vm, x)?;
    update_from(vm, &new.payload, b)?;
    Ok(new.into_object())
}

fn dict_ior(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let Some(x) = a.downcast_ref::<PyDict>() else {
        return Ok(vm.not_implemented());
    };
    update_from(vm, x, b)?;
    Ok(a.clone())
}

// ----- methods ---------------------------------------------------------

fn d_get(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "get", a, kw, 1, 2)?;
    match this(vm, me)?.get_item(vm, &a[0])? {
        Some(v) => Ok(v),
        None => Ok(a.get(1).cloned().unwrap_or_else(|| vm.none())),
    }
}

fn d_setdefault(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "setdefault", a, kw, 1, 2)?;
    let d = this(vm, me)?;
    let hash = vm.hash(&a[0])?;
    if let Some(v) = d.get_item_hashed(vm, &a[0], hash)? {
        return Ok(v);
    }
    let v = a.get(1).cloned().unwrap_or_else(|| vm.none());
    d.set_item_hashed(vm, a[0].clone(), hash, v.clone())?;
    Ok(v)
}

fn d_pop(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "pop", a, kw, 1, 2)?;
    match this(vm, me)?.pop_item(vm, &a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.new_key_error(a[0].clone())),
        },
    }
}

fn d_popitem(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "dict.popitem", a, kw, 0, 0)?;
    match this(vm, me)?.pop_last() {
        Some(e) => Ok(vm.new_tuple_obj(vec![e.key, e.value])),
        None => Err(vm.new_key_error(vm.new_str_obj("popitem(): dictionary is empty"))),
    }
}

fn d_keys(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "dict.keys", a, kw, 0, 0)?;
    dictviews::new_view(vm, me, DictViewKind::Keys)
}

fn d_values(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "dict.values", a, kw, 0, 0)?;
    dictviews::new_view(vm, me, DictViewKind::Values)
}

fn d_items(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "dict.items", a, kw, 0, 0)?;
    dictviews::new_view(vm, me, DictViewKind::Items)
}

fn d_clear(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "dict.clear", a, kw, 0, 0)?;
    this(vm, me)?.clear();
    Ok(vm.none())
}

fn d_copy(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "dict.copy", a, kw, 0, 0)?;
    Ok(dict_copy_of(vm, this(vm, me)?)?.into_object())
}

fn d_update(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let Some((me, rest)) = a.split_first() else {
        return Err(vm.new_type_error("update() needs an argument"));
    };
    update_common(vm, "update", this(vm, me)?, rest, kw)?;
    Ok(vm.none())
}

fn d_fromkeys(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (cls, a) = method_args(vm, "fromkeys", a, kw, 1, 2)?;
    let value = a.get(1).cloned().unwrap_or_else(|| vm.none());
    let d = vm.call0(cls)?;
    let it = vm.get_iter(&a[0])?;
    let exact = d.class().is(&vm.types.dict_type);
    while let Some(k) = vm.next(&it)? {
        match (exact, d.downcast_ref::<PyDict>()) {
            (true, Some(dd)) => dd.set_item(vm, k, value.clone())?,
            _ => vm.set_item(&d, &k, value.clone())?,
        }
    }
    Ok(d)
}

fn d_reversed(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "dict.__reversed__", a, kw, 0, 0)?;
    dictviews::new_dict_iter(vm, me, DictViewKind::Keys, true)
}

fn d_sizeof(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "dict.__sizeof__", a, kw, 0, 0)?;
    let n = this(vm, me)?.dense_len();
    Ok(vm.new_int(48 + 24 * n as i64 + 8 * (n as i64 * 3 / 2)))
}

fn d_getitem_method(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "dict.__getitem__", a, kw, 1, 1)?;
    dict_getitem(vm, me, &a[0])
}

fn d_contains_method(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "dict.__contains__", a, kw, 1, 1)?;
    Ok(vm.new_bool(this(vm, me)?.contains(vm, &a[0])?))
}

pub(crate) fn init(vm: &VM) {
    let ty = &vm.types.dict_type;
    let sl = &ty.payload.slots;
    sl.new.set(Some(dict_new));
    sl.init.set(Some(dict_init));
    sl.repr.set(Some(dict_repr));
    sl.richcompare.set(Some(dict_richcompare));
    sl.len.set(Some(dict_len));
    sl.contains.set(Some(dict_contains));
    sl.getitem.set(Some(dict_getitem));
    sl.setitem.set(Some(dict_setitem));
    sl.iter.set(Some(dict_iter));
    sl.nb_binary[NumberOp::Or as usize].set(Some(dict_or));
    sl.nb_inplace[NumberOp::Or as usize].set(Some(dict_ior));
    vm.add_class_attr(ty, "__hash__", vm.none());
    vm.add_method(ty, "get", d_get);
    vm.add_method(ty, "setdefault", d_setdefault);
    vm.add_method(ty, "pop", d_pop);
    vm.add_method(ty, "popitem", d_popitem);
    vm.add_method(ty, "keys", d_keys);
    vm.add_method(ty, "values", d_values);
    vm.add_method(ty, "items", d_items);
    vm.add_method(ty, "clear", d_clear);
    vm.add_method(ty, "copy", d_copy);
    vm.add_method(ty, "update", d_update);
    vm.add_classmethod(ty, "fromkeys", d_fromkeys);
    vm.add_method(ty, "__reversed__", d_reversed);
    vm.add_method(ty, "__sizeof__", d_sizeof);
    vm.add_method(ty, "__getitem__", d_getitem_method);
    vm.add_method(ty, "__contains__", d_contains_method);
    dictviews::init(vm);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::container_testutil::*;

    #[test]
    fn dict_basics() {
        let vm = vm();
        let d = vm.new_dict().into_object();
        let a = vm.new_str_obj("a");
        vm.set_item(&d, &a, vm.new_int(1)).ok().unwrap();
        assert_eq!(repr(&vm, &d), "{'a': 1}");
        assert_eq!(
            err(&vm, vm.get_item(&d, &vm.new_str_obj("x"))),
            "KeyError: 'x'"
        );
        let lst = vm.new_list(vec![]).into_object();
        assert_eq!(
            err(&vm, vm.get_item(&d, &lst)),
            "TypeError: unhashable type: 'list'"
        );
        vm.set_item(&d, &vm.new_int(2), d.clone()).ok().unwrap();
        assert_eq!(repr(&vm, &d), "{'a': 1, 2: {...}}");
        let p = d_popitem(&vm, &[d.clone()], None).ok().unwrap();
        assert_eq!(
            repr(&vm, &vm.new_tuple_obj(vec![p.clone()])).len() > 0,
            true
        );
        drop(p);
        assert_eq!(repr(&vm, &d), "{'a': 1}");
        let e = vm.new_dict().into_object();
        assert_eq!(
            err(&vm, d_popitem(&vm, &[e.clone()], None)),
            "KeyError: 'popitem(): dictionary is empty'"
        );
        assert_eq!(
            err(&vm, d_get(&vm, &[d.clone()], None)),
            "TypeError: get expected at least 1 argument, got 0"
        );
        let triple = vm.new_tuple_obj(ints(&vm, &[1, 2, 3]));
        let seq = vm.new_list(vec![triple]).into_object();
        assert_eq!(
            err(&vm, dict_init(&vm, &e, &[seq], None)),
            "ValueError: dictionary update sequence element #0 has length 3; 2 is required"
        );
        let seq = vm.new_list(ints(&vm, &[1])).into_object();
        assert_eq!(
            err(&vm, dict_init(&vm, &e, &[seq], None)),
            "TypeError: cannot convert dictionary update sequence element #0 to a sequence"
        );
        let kw = vm.new_tuple(vec![vm.new_str_obj("b")]);
        dict_init(&vm, &e, &[d.clone(), vm.new_int(5)], Some(&kw))
            .ok()
            .unwrap();
        assert_eq!(repr(&vm, &e), "{'a': 1, 'b': 5}");
        let r = vm.rich_compare(&d, &e, CompareOp::Eq).ok().unwrap();
        assert_eq!(repr(&vm, &r), "False");
        let o = vm.binary_op(&d, &e, NumberOp::Or).ok().unwrap();
        assert_eq!(repr(&vm, &o), "{'a': 1, 'b': 5}");
        let r = vm.rich_compare(&o, &e, CompareOp::Eq).ok().unwrap();
        assert_eq!(repr(&vm, &r), "True");
        assert_eq!(
            err(&vm, vm.binary_op(&d, &vm.new_int(1), NumberOp::Or)),
            "TypeError: unsupported operand type(s) for |: 'dict' and 'int'"
        );
        assert_eq!(
            err(&vm, d_pop(&vm, &[d.clone(), vm.new_str_obj("z")], None)),
            "KeyError: 'z'"
        );
        // Remove the self-reference cycle.
        d_clear(&vm, &[d.clone()], None).ok().unwrap();
    }

    #[test]
    fn popitem_insert_cycles_terminate() {
        let vm = vm();
        let d = vm.new_dict();
        for i in 0..1000 {
            d.payload
                .set_item(&vm, vm.new_int(i), vm.new_int(1))
                .ok()
                .unwrap();
            assert!(d.payload.pop_last().is_some());
        }
        assert!(d
            .payload
            .get_item(&vm, &vm.new_int(5))
            .ok()
            .unwrap()
            .is_none());
    }

    #[test]
    fn big_dict_and_popitem_order() {
        let vm = vm();
        let d = vm.new_dict();
        for i in 0..100_000 {
            d.payload
                .set_item(&vm, vm.new_int(i), vm.new_int(i * 2))
                .ok()
                .unwrap();
        }
        for i in (0..100_000).step_by(2) {
            d.payload.pop_item(&vm, &vm.new_int(i)).ok().unwrap();
        }
        assert_eq!(d.payload.len(), 50_000);
        let v = d
            .payload
            .get_item(&vm, &vm.new_int(99_999))
            .ok()
            .unwrap()
            .unwrap();
        assert_eq!(repr(&vm, &v), "199998");
        let last = d.payload.pop_last().unwrap();
        assert_eq!(repr(&vm, &last.key), "99999");
        assert!(d
            .payload
            .get_item(&vm, &vm.new_int(99_999))
            .ok()
            .unwrap()
            .is_none());
        assert_eq!(d.payload.len(), 49_999);
    }
}
