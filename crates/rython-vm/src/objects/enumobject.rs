//! `enumerate` and `reversed` (CPython's Objects/enumobject.c) and the
//! `zip`, `map` and `filter` types of Python/bltinmodule.c.

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyRef, PyTypeRef};
use crate::objects::iterobject::{self, PyEnumerate, PyFilter, PyMap, PyReversed, PyZip};
use crate::objects::longobject::PyInt;
use crate::objects::seqcommon::method_args;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::NumberOp;
use crate::{PyPayload, PyResult, VM};

type Args<'a> = &'a [PyObjectRef];
type Kw<'a> = Option<&'a PyTupleRef>;

fn alloc<T: PyPayload>(vm: &VM, payload: T, cls: &PyTypeRef) -> PyObjectRef {
    if cls.is(T::class(vm)) {
        PyRef::new_exact(payload, cls.clone()).into_object()
    } else {
        PyRef::new_with_type(payload, cls.clone()).into_object()
    }
}

fn kw_names(kw: Kw) -> Vec<String> {
    kw.map(|k| {
        k.payload
            .as_slice()
            .iter()
            .map(|n| {
                n.downcast_ref::<PyStr>()
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default()
            })
            .collect()
    })
    .unwrap_or_default()
}

// ----- enumerate ---------------------------------------------------------

fn enumerate_new(vm: &VM, cls: &PyTypeRef, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    let npos = a.len() - nkw;
    if npos > 2 {
        return Err(vm.new_type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            a.len()
        )));
    }
    let mut iterable = a.first().filter(|_| npos >= 1).cloned();
    let mut start = a.get(1).filter(|_| npos >= 2).cloned();
    for (name, v) in kw_names(kw).iter().zip(&a[npos..]) {
        match name.as_str() {
            "iterable" if iterable.is_none() => iterable = Some(v.clone()),
            "start" if start.is_none() => start = Some(v.clone()),
            "iterable" | "start" => {
                return Err(vm.new_type_error(format!(
                    "argument for enumerate() given by name ('{name}') and position ({})",
                    if name == "iterable" { 1 } else { 2 }
                )))
            }
            _ => {
                return Err(vm.new_type_error(format!(
                    "'{name}' is an invalid keyword argument for enumerate()"
                )))
            }
        }
    }
    let Some(iterable) = iterable else {
        return Err(vm.new_type_error("enumerate() missing required argument 'iterable'"));
    };
    let count = match start {
        Some(s) => vm.to_index(&s)?,
        None => vm.new_int(0),
    };
    let iter = vm.get_iter(&iterable)?;
    Ok(alloc(
        vm,
        PyEnumerate {
            iter,
            count: RefCell::new(count),
        },
        cls,
    ))
}

fn enumerate_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let e = obj
        .downcast_ref::<PyEnumerate>()
        .ok_or_else(|| vm.new_type_error("expected an enumerate object"))?;
    let Some(item) = vm.next(&e.iter)? else {
        return Ok(None);
    };
    let cur = e.count.borrow().clone();
    let next = match cur.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) if *v < i64::MAX => vm.new_int(v + 1),
        _ => vm.binary_op(&cur, &vm.new_int(1), NumberOp::Add)?,
    };
    *e.count.borrow_mut() = next;
    Ok(Some(vm.new_tuple_obj(vec![cur, item])))
}

// ----- reversed ------------------------------------------------------------

fn reversed_new(vm: &VM, cls: &PyTypeRef, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    if cls.is(&vm.types.reversed_type) && kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error("reversed() takes no keyword arguments"));
    }
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    let pos = &a[..a.len() - nkw];
    if pos.len() != 1 {
        return Err(vm.new_type_error(format!("reversed expected 1 argument, got {}", pos.len())));
    }
    let seq = &pos[0];
    let not_reversible = || {
        vm.new_type_error(format!(
            "'{}' object is not reversible",
            seq.class().name_string()
        ))
    };
    if let Some(meth) = seq.class().lookup_str(vm, "__reversed__") {
        if vm.is_none(&meth) {
            return Err(not_reversible());
        }
        let bound = vm.bind_descriptor(meth, Some(seq), seq.class().as_object())?;
        return vm.call0(&bound);
    }
    let slots = &seq.class().payload.slots;
    let is_sequence =
        slots.getitem.get().is_some() && !seq.payload_is::<crate::objects::dictobject::PyDict>();
    if !is_sequence {
        return Err(not_reversible());
    }
    let n = vm.len(seq)?;
    Ok(alloc(
        vm,
        PyReversed {
            seq: RefCell::new(Some(seq.clone())),
            index: Cell::new(n),
        },
        cls,
    ))
}

fn reversed_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let r = obj
        .downcast_ref::<PyReversed>()
        .ok_or_else(|| vm.new_type_error("expected a reversed object"))?;
    let Some(seq) = r.seq.borrow().clone() else {
        return Ok(None);
    };
    let i = r.index.get();
    if i > 0 {
        match vm.get_item(&seq, &vm.new_int(i as i64 - 1)) {
            Ok(x) => {
                r.index.set(i - 1);
                return Ok(Some(x));
            }
            Err(e) => {
                let c = e.as_object().class();
                if !c.is_subtype(&vm.types.exc.index_error)
                    && !c.is_subtype(&vm.types.exc.stop_iteration)
                {
                    return Err(e);
                }
            }
        }
    }
    r.index.set(0);
    let dead = r.seq.borrow_mut().take();
    drop(dead);
    Ok(None)
}

fn reversed_len(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "__length_hint__", a, kw, 0, 0)?;
    let Some(r) = me.downcast_ref::<PyReversed>() else {
        return Ok(vm.new_int(0));
    };
    let Some(seq) = r.seq.borrow().clone() else {
        return Ok(vm.new_int(0));
    };
    let n = vm.len(&seq)?;
    Ok(vm.new_int(if n < r.index.get() { 0 } else { r.index.get() } as i64))
}

// ----- zip ---------------------------------------------------------------

fn zip_new(vm: &VM, cls: &PyTypeRef, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    let npos = a.len() - nkw;
    let mut strict = false;
    for (name, v) in kw_names(kw).iter().zip(&a[npos..]) {
        if name == "strict" {
            strict = vm.is_true(v)?;
        } else {
            return Err(
                vm.new_type_error(crate::python::suggestions::unexpected_keyword(
                    "zip",
                    name,
                    &["strict"],
                )),
            );
        }
    }
    let mut iters = Vec::with_capacity(npos);
    for x in &a[..npos] {
        iters.push(vm.get_iter(x)?);
    }
    Ok(alloc(vm, PyZip { iters, strict }, cls))
}

fn plural_args(i: usize) -> String {
    if i == 1 {
        "argument 1".to_string()
    } else {
        format!("arguments 1-{i}")
    }
}

fn zip_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let z = obj
        .downcast_ref::<PyZip>()
        .ok_or_else(|| vm.new_type_error("expected a zip object"))?;
    if z.iters.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(z.iters.len());
    for (i, it) in z.iters.iter().enumerate() {
        match vm.next(it)? {
            Some(x) => out.push(x),
            None => {
                if !z.strict {
                    return Ok(None);
                }
                if i > 0 {
                    return Err(vm.new_value_error(format!(
                        "zip() argument {} is shorter than {}",
                        i + 1,
                        plural_args(i)
                    )));
                }
                for (j, other) in z.iters.iter().enumerate().skip(1) {
                    if vm.next(other)?.is_some() {
                        return Err(vm.new_value_error(format!(
                            "zip() argument {} is longer than {}",
                            j + 1,
                            plural_args(j)
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(vm.new_tuple_obj(out)))
}

// ----- map / filter --------------------------------------------------------

fn map_new(vm: &VM, cls: &PyTypeRef, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    if cls.is(&vm.types.map_type) && kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error("map() takes no keyword arguments"));
    }
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    let pos = &a[..a.len() - nkw];
    if pos.len() < 2 {
        return Err(vm.new_type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(pos.len() - 1);
    for x in &pos[1..] {
        iters.push(vm.get_iter(x)?);
    }
    Ok(alloc(
        vm,
        PyMap {
            func: pos[0].clone(),
            iters,
        },
        cls,
    ))
}

fn map_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let m = obj
        .downcast_ref::<PyMap>()
        .ok_or_else(|| vm.new_type_error("expected a map object"))?;
    let mut argv = Vec::with_capacity(m.iters.len());
    for it in &m.iters {
        match vm.next(it)? {
            Some(x) => argv.push(x),
            None => return Ok(None),
        }
    }
    Ok(Some(vm.call(&m.func, &argv, None)?))
}

fn filter_new(vm: &VM, cls: &PyTypeRef, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    if cls.is(&vm.types.filter_type) && kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error("filter() takes no keyword arguments"));
    }
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    let pos = &a[..a.len() - nkw];
    if pos.len() != 2 {
        return Err(vm.new_type_error(format!("filter expected 2 arguments, got {}", pos.len())));
    }
    let iter = vm.get_iter(&pos[1])?;
    Ok(alloc(
        vm,
        PyFilter {
            func: pos[0].clone(),
            iter,
        },
        cls,
    ))
}

fn filter_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let f = obj
        .downcast_ref::<PyFilter>()
        .ok_or_else(|| vm.new_type_error("expected a filter object"))?;
    let use_truth = vm.is_none(&f.func) || f.func.is(vm.types.bool_type.as_object());
    while let Some(x) = vm.next(&f.iter)? {
        let ok = if use_truth {
            vm.is_true(&x)?
        } else {
            let r = vm.call1(&f.func, x.clone())?;
            vm.is_true(&r)?
        };
        if ok {
            return Ok(Some(x));
        }
    }
    Ok(None)
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &VM) {
    let t = &vm.types;
    t.enumerate_type.payload.slots.new.set(Some(enumerate_new));
    iterobject::make_iterator_type(vm, &t.enumerate_type, enumerate_next);
    t.reversed_type.payload.slots.new.set(Some(reversed_new));
    iterobject::make_iterator_type(vm, &t.reversed_type, reversed_next);
    vm.add_method(&t.reversed_type, "__length_hint__", reversed_len);
    t.zip_type.payload.slots.new.set(Some(zip_new));
    iterobject::make_iterator_type(vm, &t.zip_type, zip_next);
    t.map_type.payload.slots.new.set(Some(map_new));
    iterobject::make_iterator_type(vm, &t.map_type, map_next);
    t.filter_type.payload.slots.new.set(Some(filter_new));
    iterobject::make_iterator_type(vm, &t.filter_type, filter_next);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::container_testutil::*;

    fn collect(vm: &VM, it: &PyObjectRef) -> String {
        let v = vm.collect(it).ok().unwrap();
        repr(vm, vm.new_list(v).as_object())
    }

    #[test]
    fn builtin_iterators() {
        let vm = vm();
        let t = &vm.types;
        let l = vm.new_list(ints(&vm, &[1, 2])).into_object();
        let l3 = vm.new_list(ints(&vm, &[3])).into_object();
        let e = enumerate_new(&vm, &t.enumerate_type, &[l.clone(), vm.new_int(5)], None)
            .ok()
            .unwrap();
        assert_eq!(collect(&vm, &e), "[(5, 1), (6, 2)]");
        let r = enumerate_new(&vm, &t.enumerate_type, &[], None);
        assert_eq!(
            err(&vm, r),
            "TypeError: enumerate() missing required argument 'iterable'"
        );
        let kw = vm.new_tuple(vec![vm.new_str_obj("x")]);
        let r = enumerate_new(
            &vm,
            &t.enumerate_type,
            &[l.clone(), vm.new_int(1)],
            Some(&kw),
        );
        assert_eq!(
            err(&vm, r),
            "TypeError: 'x' is an invalid keyword argument for enumerate()"
        );
        let r = reversed_new(&vm, &t.reversed_type, &[vm.new_int(1)], None);
        assert_eq!(err(&vm, r), "TypeError: 'int' object is not reversible");
        let tup = vm.new_tuple_obj(ints(&vm, &[1, 2, 3]));
        let rv = reversed_new(&vm, &t.reversed_type, &[tup.clone()], None)
            .ok()
            .unwrap();
        assert_eq!(collect(&vm, &rv), "[3, 2, 1]");
        let strict = vm.new_tuple(vec![vm.new_str_obj("strict")]);
        let z = zip_new(
            &vm,
            &t.zip_type,
            &[l.clone(), l3.clone(), vm.new_bool(true)],
            Some(&strict),
        )
        .ok()
        .unwrap();
        assert_eq!(
            err(&vm, vm.collect(&z)),
            "ValueError: zip() argument 2 is shorter than argument 1"
        );
        let z = zip_new(
            &vm,
            &t.zip_type,
            &[l3.clone(), l3.clone(), l.clone(), vm.new_bool(true)],
            Some(&strict),
        )
        .ok()
        .unwrap();
        assert_eq!(
            err(&vm, vm.collect(&z)),
            "ValueError: zip() argument 3 is longer than arguments 1-2"
        );
        let z = zip_new(&vm, &t.zip_type, &[l.clone(), tup.clone()], None)
            .ok()
            .unwrap();
        assert_eq!(collect(&vm, &z), "[(1, 1), (2, 2)]");
        let r = map_new(&vm, &t.map_type, &[vm.none()], None);
        assert_eq!(
            err(&vm, r),
            "TypeError: map() must have at least two arguments."
        );
        let zero_one = vm.new_list(ints(&vm, &[0, 1, 0, 2])).into_object();
        let f = filter_new(&vm, &t.filter_type, &[vm.none(), zero_one], None)
            .ok()
            .unwrap();
        assert_eq!(collect(&vm, &f), "[1, 2]");
        let r = filter_new(&vm, &t.filter_type, &[vm.none()], None);
        assert_eq!(err(&vm, r), "TypeError: filter expected 2 arguments, got 1");
    }
}
