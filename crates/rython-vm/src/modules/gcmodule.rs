//! `gc` (CPython's Modules/gcmodule.c): the Python face of the cycle
//! collector in `object::gc`, and `collect`, which the eval loop also calls
//! when a collection is due.

use crate::object::gc::{self, GENERATIONS};
use crate::object::PyObjectRef;
use crate::objects::dictobject::PyDict;
use crate::objects::genobject::PyGenerator;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

type Kw<'a> = Option<&'a PyTupleRef>;

const DEBUG_STATS: i64 = 1;
const DEBUG_COLLECTABLE: i64 = 2;
const DEBUG_UNCOLLECTABLE: i64 = 4;
const DEBUG_SAVEALL: i64 = 32;
const DEBUG_LEAK: i64 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

/// Runs a collection of generations `0..=gen` with the `gc.callbacks`
/// around it; returns the number of unreachable objects found.
pub fn collect(vm: &VM, gen: usize) -> usize {
    let callbacks = gc_module_attr(vm, "callbacks");
    run_callbacks(vm, callbacks.as_ref(), "start", gen, 0);
    let n = gc::collect(gen, &mut |objs| finalize(vm, objs));
    run_callbacks(vm, callbacks.as_ref(), "stop", gen, n);
    n
}

/// Runs the finalizers of garbage objects (PEP 442: before anything is
/// cleared): `__del__`, once per object, and the closing of suspended
/// generators (CPython's `tp_finalize` of both).
fn finalize(vm: &VM, objs: &[PyObjectRef]) -> bool {
    let mut ran = false;
    for obj in objs {
        if obj.class().payload.has_finalizer()
            && obj
                .instance_ext()
                .is_some_and(|e| !e.finalized.replace(true))
        {
            if let Some(del) = obj.class().lookup_str(vm, "__del__") {
                ran = true;
                if let Err(e) = vm.call(&del, &[obj.clone()], None) {
                    vm.write_unraisable(&e, Some(&del), "Exception ignored in");
                }
            }
        }
        if let Some(g) = obj.downcast_cloned::<PyGenerator>() {
            if g.payload.needs_close() {
                ran = true;
                if let Err(e) = crate::objects::genobject::gen_close(vm, &g) {
                    vm.write_unraisable(&e, Some(g.as_object()), "Exception ignored in");
                }
            }
        }
    }
    ran
}

/// An attribute of the `gc` module if it was imported (callbacks and
/// `garbage` live there, as CPython keeps them in the module state).
fn gc_module_attr(vm: &VM, name: &str) -> Option<PyObjectRef> {
    let m = vm.sys_modules.payload.get_str_name(vm, "gc")?;
    vm.get_attr_opt_str(&m, name).ok().flatten()
}

fn run_callbacks(vm: &VM, cbs: Option<&PyObjectRef>, phase: &str, gen: usize, n: usize) {
    let Some(list) = cbs.and_then(|c| c.downcast_ref::<crate::objects::listobject::PyList>())
    else {
        return;
    };
    let items: Vec<PyObjectRef> = list.items.borrow().clone();
    if items.is_empty() {
        return;
    }
    let info = vm.new_dict();
    let set = |k: &str, v: i64| {
        let _ = info.payload.set_item(vm, vm.new_str_obj(k), vm.new_int(v));
    };
    set("generation", gen as i64);
    set("collected", n as i64);
    set("uncollectable", 0);
    for cb in items {
        let args = [vm.new_str_obj(phase), info.clone().into_object()];
        if let Err(e) = vm.call(&cb, &args, None) {
            vm.write_unraisable(
                &e,
                Some(&cb),
                "Exception ignored in garbage collector callback",
            );
        }
    }
}

fn gc_collect(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [g] = args::bind(vm, "collect", a, k, ["generation"], 0, 0)?;
    let gen = match g {
        Some(g) => vm.to_index(&g).and_then(|i| vm.to_isize(&i, ""))?,
        None => (GENERATIONS - 1) as i64,
    };
    if !(0..GENERATIONS as i64).contains(&gen) {
        return Err(vm.new_value_error("invalid generation"));
    }
    Ok(vm.new_int(collect(vm, gen as usize) as i64))
}

fn gc_enable(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "enable", a, k, 0, 0)?;
    gc::with_state(|s| s.enabled.set(true));
    Ok(vm.none())
}

fn gc_disable(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "disable", a, k, 0, 0)?;
    gc::with_state(|s| s.enabled.set(false));
    Ok(vm.none())
}

fn gc_isenabled(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "isenabled", a, k, 0, 0)?;
    Ok(vm.new_bool(gc::with_state(|s| s.enabled.get())))
}

fn gc_get_count(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "get_count", a, k, 0, 0)?;
    let c: Vec<PyObjectRef> =
        gc::with_state(|s| s.count.iter().map(|c| vm.new_int(c.get() as i64)).collect());
    Ok(vm.new_tuple_obj(c))
}

fn gc_get_threshold(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "get_threshold", a, k, 0, 0)?;
    let t: Vec<PyObjectRef> = gc::with_state(|s| {
        s.threshold
            .iter()
            .map(|c| vm.new_int(c.get() as i64))
            .collect()
    });
    Ok(vm.new_tuple_obj(t))
}

fn gc_set_threshold(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "set_threshold", a, k, 1, 3)?;
    let mut vals = Vec::new();
    for o in a {
        if o.payload_is::<crate::objects::floatobject::PyFloat>() {
            return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
        }
        vals.push(vm.to_index(o).and_then(|i| vm.to_isize(&i, ""))?);
    }
    gc::with_state(|s| {
        for (t, v) in s.threshold.iter().zip(vals) {
            t.set(v as isize);
        }
    });
    Ok(vm.none())
}

fn gc_get_debug(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "get_debug", a, k, 0, 0)?;
    Ok(vm.new_int(vm.state.gc_debug.get()))
}

fn gc_set_debug(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "set_debug", a, k, 1, 1)?;
    let v = vm.to_index(&a[0]).and_then(|i| vm.to_isize(&i, ""))?;
    vm.state.gc_debug.set(v as i64);
    Ok(vm.none())
}

/// `gc.is_tracked`: CPython tracks a dict only once it holds a container,
/// which this reports the same way.
fn gc_is_tracked(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "is_tracked", a, k, 1, 1)?;
    let o = &a[0];
    let tracked = if o.class().is(&vm.types.dict_type) {
        let mut any = false;
        gc::traverse(o, &mut |x| any |= gc::is_tracked(x));
        any
    } else {
        gc::is_tracked(o)
    };
    Ok(vm.new_bool(tracked))
}

fn gc_is_finalized(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "is_finalized", a, k, 1, 1)?;
    let done = a[0].instance_ext().is_some_and(|e| e.finalized.get());
    Ok(vm.new_bool(done))
}

fn gc_get_objects(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [g] = args::bind(vm, "get_objects", a, k, ["generation"], 0, 0)?;
    let gen = match g.filter(|g| !vm.is_none(g)) {
        None => None,
        Some(g) => {
            let g = vm.to_index(&g).and_then(|i| vm.to_isize(&i, ""))?;
            if g >= GENERATIONS as i64 {
                return Err(vm.new_value_error(format!(
                    "generation parameter must be less than the number of available generations ({GENERATIONS})"
                )));
            }
            if g < 0 {
                return Err(vm.new_value_error("generation parameter cannot be negative"));
            }
            Some(g as usize)
        }
    };
    Ok(vm.new_list(gc::objects(gen)).into_object())
}

fn referents(o: &PyObjectRef) -> Vec<PyObjectRef> {
    let mut out = Vec::new();
    if gc::is_tracked(o) {
        gc::traverse(o, &mut |x| out.push(x.clone()));
    }
    out
}

fn gc_get_referents(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "get_referents", a, k, 0, usize::MAX)?;
    let out: Vec<PyObjectRef> = a.iter().flat_map(referents).collect();
    Ok(vm.new_list(out).into_object())
}

fn gc_get_referrers(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "get_referrers", a, k, 0, usize::MAX)?;
    let out: Vec<PyObjectRef> = gc::objects(None)
        .into_iter()
        .filter(|o| referents(o).iter().any(|r| a.iter().any(|t| t.is(r))))
        .collect();
    Ok(vm.new_list(out).into_object())
}

fn gc_get_stats(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "get_stats", a, k, 0, 0)?;
    let dicts: Vec<PyObjectRef> = gc::with_state(|s| {
        s.stats
            .iter()
            .map(|st| {
                let d = vm.new_dict();
                for (name, c) in ["collections", "collected", "uncollectable"].iter().zip(st) {
                    let _ =
                        d.payload
                            .set_item(vm, vm.new_str_obj(*name), vm.new_int(c.get() as i64));
                }
                d.into_object()
            })
            .collect()
    });
    Ok(vm.new_list(dicts).into_object())
}

fn gc_freeze(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "freeze", a, k, 0, 0)?;
    Ok(vm.none())
}

fn gc_get_freeze_count(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "get_freeze_count", a, k, 0, 0)?;
    Ok(vm.new_int(0))
}

pub fn make_module(vm: &VM) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "gc",
        Some("This module provides access to the garbage collector for reference cycles.\n"),
    );
    let d: &PyDict = &m.payload.dict.payload;
    let mo = m.clone().into_object();
    let fns: &[(&'static str, crate::objects::methodobject::NativeFn)] = &[
        ("collect", gc_collect),
        ("enable", gc_enable),
        ("disable", gc_disable),
        ("isenabled", gc_isenabled),
        ("get_count", gc_get_count),
        ("get_threshold", gc_get_threshold),
        ("set_threshold", gc_set_threshold),
        ("get_debug", gc_get_debug),
        ("set_debug", gc_set_debug),
        ("is_tracked", gc_is_tracked),
        ("is_finalized", gc_is_finalized),
        ("get_objects", gc_get_objects),
        ("get_referents", gc_get_referents),
        ("get_referrers", gc_get_referrers),
        ("get_stats", gc_get_stats),
        ("freeze", gc_freeze),
        ("unfreeze", gc_freeze),
        ("get_freeze_count", gc_get_freeze_count),
    ];
    for (name, f) in fns {
        vm.add_function(d, &mo, name, *f);
    }
    d.set_str(vm, "garbage", vm.new_list(Vec::new()).into_object());
    d.set_str(vm, "callbacks", vm.new_list(Vec::new()).into_object());
    for (name, v) in [
        ("DEBUG_STATS", DEBUG_STATS),
        ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        ("DEBUG_LEAK", DEBUG_LEAK),
    ] {
        d.set_str(vm, name, vm.new_int(v));
    }
    Ok(mo)
}
