//! `atexit` (CPython's Modules/atexitmodule.c): functions run at interpreter
//! shutdown, last registered first, before the main module is torn down.

use crate::object::PyObjectRef;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

/// A registered callback: the function, its positional arguments and the
/// names and values of its keyword arguments. The state keeps a slot per
/// registration; `unregister` empties slots without removing them, so
/// `_ncallbacks()` counts registrations, as CPython's does.
pub struct ExitFunc {
    func: PyObjectRef,
    args: Vec<PyObjectRef>,
    kwnames: Option<PyTupleRef>,
}

fn register(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let nkw = k.map(|k| k.payload.len()).unwrap_or(0);
    let npos = a.len() - nkw;
    if npos == 0 {
        return Err(vm.new_type_error(format!(
            "register() takes at least 1 argument ({npos} given)"
        )));
    }
    let func = a[0].clone();
    if !vm.is_callable(&func) {
        return Err(vm.new_type_error("the first argument must be callable"));
    }
    vm.state.atexit_callbacks.borrow_mut().push(Some(ExitFunc {
        func: func.clone(),
        args: a[1..].to_vec(),
        kwnames: k.filter(|k| !k.payload.is_empty()).cloned(),
    }));
    Ok(func)
}

fn unregister(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "atexit.unregister", a, k, 1, 1)?;
    // Equality may run Python code: compare outside the borrow.
    let funcs: Vec<Option<PyObjectRef>> = vm
        .state
        .atexit_callbacks
        .borrow()
        .iter()
        .map(|f| f.as_ref().map(|f| f.func.clone()))
        .collect();
    for (i, f) in funcs.iter().enumerate() {
        let Some(f) = f else { continue };
        if vm.rich_compare_bool(f, &a[0], crate::objects::typeobject::CompareOp::Eq)? {
            let removed = vm
                .state
                .atexit_callbacks
                .borrow_mut()
                .get_mut(i)
                .and_then(|slot| slot.take());
            // Dropped outside the borrow: it may hold the last reference to
            // an object with `__del__`.
            drop(removed);
        }
    }
    Ok(vm.none())
}

fn run_exitfuncs_py(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "atexit._run_exitfuncs", a, k, 0, 0)?;
    run_exitfuncs(vm);
    Ok(vm.none())
}

fn clear(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "atexit._clear", a, k, 0, 0)?;
    let old = std::mem::take(&mut *vm.state.atexit_callbacks.borrow_mut());
    drop(old);
    Ok(vm.none())
}

fn ncallbacks(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "atexit._ncallbacks", a, k, 0, 0)?;
    Ok(vm.new_int(vm.state.atexit_callbacks.borrow().len() as i64))
}

/// Runs (and forgets) the registered functions, last first. An exception
/// from one is reported and the others still run; functions registered
/// while they run are dropped, not run, as in CPython.
pub fn run_exitfuncs(vm: &VM) {
    let n = vm.state.atexit_callbacks.borrow().len();
    for i in (0..n).rev() {
        // Taken one at a time: a callback may unregister or clear others.
        let cb = vm
            .state
            .atexit_callbacks
            .borrow_mut()
            .get_mut(i)
            .and_then(|slot| slot.take());
        let Some(cb) = cb else { continue };
        if let Err(e) = vm.call(&cb.func, &cb.args, cb.kwnames.as_ref()) {
            let what = vm
                .repr_string(&cb.func)
                .unwrap_or_else(|_| "<object repr() failed>".into());
            let text = crate::python::traceback_format::format_exception_plain(vm, e.as_object());
            vm.write_stderr(&format!(
                "Exception ignored in atexit callback {what}:\n{text}"
            ));
        }
    }
    let rest = std::mem::take(&mut *vm.state.atexit_callbacks.borrow_mut());
    drop(rest);
}

pub fn make_module(vm: &VM) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "atexit",
        Some("allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n"),
    );
    let d = &m.payload.dict.payload;
    let mo = m.clone().into_object();
    vm.add_function(d, &mo, "register", register);
    vm.add_function(d, &mo, "unregister", unregister);
    vm.add_function(d, &mo, "_run_exitfuncs", run_exitfuncs_py);
    vm.add_function(d, &mo, "_clear", clear);
    vm.add_function(d, &mo, "_ncallbacks", ncallbacks);
    Ok(mo)
}
