//! A native `traceback` module: the printing and formatting entry points
//! of Lib/traceback.py (`print_exc`, `format_exc`, `print_exception`,
//! `format_exception`, `format_exception_only`), backed by the
//! interpreter's own formatter so they print what an uncaught exception
//! prints.

use crate::object::PyObjectRef;
use crate::objects::exceptions::is_exception_instance;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::traceback_format;
use crate::{PyResult, VM};

/// Keyword arguments by name (positional values first in `args`).
fn kwargs<'a>(
    args: &'a [PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> (&'a [PyObjectRef], Vec<(String, PyObjectRef)>) {
    crate::objects::exceptions::split_kwargs(args, kw)
}

fn kwarg(kw: &[(String, PyObjectRef)], name: &str) -> Option<PyObjectRef> {
    kw.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

fn check_kwargs(
    vm: &VM,
    fname: &str,
    kw: &[(String, PyObjectRef)],
    allowed: &[&str],
) -> PyResult<()> {
    for (k, _) in kw {
        if !allowed.contains(&k.as_str()) {
            return Err(vm.new_type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    Ok(())
}

/// The exception to format from `(exc, value=?, tb=?)`: the value when
/// given (the old `(type, value, tb)` calling form), else `exc`.
fn pick_exception(vm: &VM, exc: &PyObjectRef, value: Option<PyObjectRef>) -> Option<PyObjectRef> {
    let v = value.unwrap_or_else(|| exc.clone());
    if vm.is_none(&v) {
        None
    } else {
        Some(v)
    }
}

/// The `limit` argument as the traceback module reads it: None means
/// `sys.tracebacklimit` (oldest frames first, never negative).
fn read_limit(vm: &VM, limit: Option<PyObjectRef>) -> PyResult<Option<traceback_format::Limit>> {
    use traceback_format::Limit;
    let (value, from_sys) = match limit.filter(|l| !vm.is_none(l)) {
        Some(l) => (Some(l), false),
        None => (vm.sys_attr("tracebacklimit").ok(), true),
    };
    let Some(v) = value else { return Ok(None) };
    let n = vm.to_index(&v).and_then(|i| vm.to_isize(&i, ""))?;
    Ok(Some(if n >= 0 || from_sys {
        Limit::First(n.max(0) as usize)
    } else {
        Limit::Last(n.unsigned_abs() as usize)
    }))
}

fn read_chain(vm: &VM, chain: Option<PyObjectRef>) -> PyResult<bool> {
    match chain {
        Some(c) => vm.is_true(&c),
        None => Ok(true),
    }
}

fn render(
    vm: &VM,
    exc: Option<PyObjectRef>,
    limit: Option<traceback_format::Limit>,
    chain: bool,
) -> String {
    match exc {
        Some(e) if is_exception_instance(&e) => {
            traceback_format::format_exception_limited(vm, &e, limit, chain)
        }
        Some(e) => format!(
            "{}: {}\n",
            e.class().name_string(),
            vm.str_string(&e).unwrap_or_default()
        ),
        None => "NoneType: None\n".to_string(),
    }
}

fn lines_list(vm: &VM, text: &str) -> PyObjectRef {
    let items = text
        .split_inclusive('\n')
        .map(|l| vm.new_str_obj(l))
        .collect();
    vm.new_list(items).into_object()
}

fn write_to(vm: &VM, file: Option<PyObjectRef>, text: &str) -> PyResult<()> {
    let file = match file.filter(|f| !vm.is_none(f)) {
        Some(f) => f,
        None => vm.sys_attr("stderr")?,
    };
    vm.call_method(&file, "write", &[vm.new_str_obj(text)])?;
    Ok(())
}

fn handled(vm: &VM) -> Option<PyObjectRef> {
    vm.handled_exception
        .borrow()
        .clone()
        .filter(|e| !vm.is_none(e))
}

fn print_exc(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let (pos, kw) = kwargs(args, kw);
    check_kwargs(vm, "print_exc", &kw, &["limit", "file", "chain"])?;
    let file = pos.get(1).cloned().or_else(|| kwarg(&kw, "file"));
    let limit = read_limit(vm, pos.first().cloned().or_else(|| kwarg(&kw, "limit")))?;
    let chain = read_chain(vm, pos.get(2).cloned().or_else(|| kwarg(&kw, "chain")))?;
    let text = render(vm, handled(vm), limit, chain);
    write_to(vm, file, &text)?;
    Ok(vm.none())
}

fn format_exc(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let (pos, kw) = kwargs(args, kw);
    check_kwargs(vm, "format_exc", &kw, &["limit", "chain"])?;
    let limit = read_limit(vm, pos.first().cloned().or_else(|| kwarg(&kw, "limit")))?;
    let chain = read_chain(vm, pos.get(1).cloned().or_else(|| kwarg(&kw, "chain")))?;
    Ok(vm.new_str_obj(render(vm, handled(vm), limit, chain)))
}

fn exc_and_value(
    vm: &VM,
    fname: &str,
    pos: &[PyObjectRef],
    kw: &[(String, PyObjectRef)],
) -> PyResult<Option<PyObjectRef>> {
    let Some(exc) = pos.first() else {
        return Err(vm.new_type_error(format!("{fname}() missing required argument 'exc' (pos 1)")));
    };
    let value = pos.get(1).cloned().or_else(|| kwarg(kw, "value"));
    Ok(pick_exception(vm, exc, value))
}

fn print_exception(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let (pos, kw) = kwargs(args, kw);
    check_kwargs(
        vm,
        "print_exception",
        &kw,
        &["value", "tb", "limit", "file", "chain"],
    )?;
    let exc = exc_and_value(vm, "print_exception", pos, &kw)?;
    let file = pos.get(4).cloned().or_else(|| kwarg(&kw, "file"));
    let limit = read_limit(vm, pos.get(3).cloned().or_else(|| kwarg(&kw, "limit")))?;
    let chain = read_chain(vm, pos.get(5).cloned().or_else(|| kwarg(&kw, "chain")))?;
    write_to(vm, file, &render(vm, exc, limit, chain))?;
    Ok(vm.none())
}

fn format_exception(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let (pos, kw) = kwargs(args, kw);
    check_kwargs(
        vm,
        "format_exception",
        &kw,
        &["value", "tb", "limit", "chain"],
    )?;
    let exc = exc_and_value(vm, "format_exception", pos, &kw)?;
    let limit = read_limit(vm, pos.get(3).cloned().or_else(|| kwarg(&kw, "limit")))?;
    let chain = read_chain(vm, pos.get(4).cloned().or_else(|| kwarg(&kw, "chain")))?;
    Ok(lines_list(vm, &render(vm, exc, limit, chain)))
}

fn format_exception_only(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let (pos, kw) = kwargs(args, kw);
    check_kwargs(vm, "format_exception_only", &kw, &["value", "show_group"])?;
    let exc = exc_and_value(vm, "format_exception_only", pos, &kw)?;
    let text = match exc {
        Some(e) if is_exception_instance(&e) => traceback_format::format_exception_only(vm, &e),
        Some(e) => format!("{}\n", vm.str_string(&e)?),
        None => match pos
            .first()
            .and_then(|t| t.downcast_ref::<crate::objects::typeobject::PyType>())
        {
            Some(t) => format!("{}\n", t.name()),
            None => "NoneType: None\n".to_string(),
        },
    };
    Ok(lines_list(vm, &text))
}

pub fn make_module(vm: &VM) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "traceback",
        Some("Extract, format and print information about Python stack traces."),
    );
    let d = &m.payload.dict.payload;
    let mo = m.clone().into_object();
    vm.add_function(d, &mo, "print_exc", print_exc);
    vm.add_function(d, &mo, "format_exc", format_exc);
    vm.add_function(d, &mo, "print_exception", print_exception);
    vm.add_function(d, &mo, "format_exception", format_exception);
    vm.add_function(d, &mo, "format_exception_only", format_exception_only);
    Ok(mo)
}
