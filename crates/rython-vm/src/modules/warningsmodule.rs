//! `_warnings` (CPython's Python/_warnings.c), reduced to its entry points:
//! `warn` and `warn_explicit` are native so that a warning turned into an
//! exception (`-W error`) carries no frame of the Python-source `warnings`
//! module that does the filtering (`lib/warnings.py`), as with CPython's C
//! implementation. `warn` hands its caller's frame to the Python side,
//! which walks `stacklevel` frames up from there.

use crate::object::PyObjectRef;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyBaseExceptionRef, PyResult, VM};

/// Calls `warnings.<name>(*args)`; an exception leaves without the
/// traceback entries of the `warnings` module's frames.
fn call_impl(vm: &VM, name: &str, args: &[PyObjectRef]) -> PyResult {
    let w = vm.import_module("warnings")?;
    let f = vm.get_attr_str(&w, name)?;
    vm.call(&f, args, None)
        .inspect_err(|e: &PyBaseExceptionRef| *e.payload.traceback.borrow_mut() = None)
}

fn warn(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let [message, category, stacklevel, source, _skip] = args::bind(
        vm,
        "warn",
        a,
        k,
        [
            "message",
            "category",
            "stacklevel",
            "source",
            "skip_file_prefixes",
        ],
        1,
        0,
    )?;
    let frame = vm
        .state
        .current_frame
        .borrow()
        .clone()
        .map(|f| f.into_object())
        .unwrap_or_else(|| vm.none());
    let stacklevel = match stacklevel {
        Some(s) => vm.new_int(vm.to_isize(&s, "")?),
        None => vm.new_int(1),
    };
    call_impl(
        vm,
        "_warn_impl",
        &[
            message.expect("required"),
            category.unwrap_or_else(|| vm.none()),
            stacklevel,
            source.unwrap_or_else(|| vm.none()),
            frame,
        ],
    )
}

fn warn_explicit(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let [message, category, filename, lineno, module, registry, module_globals, source] =
        args::bind(
            vm,
            "warn_explicit",
            a,
            k,
            [
                "message",
                "category",
                "filename",
                "lineno",
                "module",
                "registry",
                "module_globals",
                "source",
            ],
            4,
            0,
        )?;
    let opt = |v: Option<PyObjectRef>| v.unwrap_or_else(|| vm.none());
    call_impl(
        vm,
        "_warn_explicit_impl",
        &[
            opt(message),
            opt(category),
            opt(filename),
            opt(lineno),
            opt(module),
            opt(registry),
            opt(module_globals),
            opt(source),
        ],
    )
}

pub fn make_module(vm: &VM) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_warnings", Some("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up."));
    let d = &m.payload.dict.payload;
    let mo = m.clone().into_object();
    vm.add_function(d, &mo, "warn", warn);
    vm.add_function(d, &mo, "warn_explicit", warn_explicit);
    // `warn` reads its caller's frame (and the frames below it).
    if let Some(f) = d.get_str_name(vm, "warn") {
        vm.state
            .frame_builtins
            .register(f.id(), crate::python::pylifecycle::FrameUse::Stack);
    }
    Ok(mo)
}
