//! The exception hierarchy (CPython's Objects/exceptions.c).
//!
//! Every exception instance has the `PyBaseException` layout. The extra
//! C-level members of subclasses (`StopIteration.value`, `OSError.errno`,
//! `SyntaxError.lineno`...) live in `fields`, exposed as getsets, so that
//! `__dict__` holds only what the user put there, as in CPython.
//!
//! Exceptions made natively with `vm.new_exception` skip `__init__`; their
//! fields are derived from `args` on first access, the way `__init__` would
//! have set them (`ensure_fields`).

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::dictobject::PyDict;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::{PyResult, VM};

mod subtypes;
#[cfg(test)]
pub(crate) mod tests;

pub use subtypes::{
    builtin_aliases, new_os_error_errno, new_unicode_decode_error, new_unicode_encode_error,
    new_unicode_translate_error,
};

pub type PyBaseExceptionRef = PyRef<PyBaseException>;

pub struct PyBaseException {
    pub args: RefCell<PyTupleRef>,
    pub traceback: RefCell<Option<PyObjectRef>>,
    pub cause: RefCell<Option<PyObjectRef>>,
    pub context: RefCell<Option<PyObjectRef>>,
    pub suppress_context: Cell<bool>,
    /// The subclass members (CPython's `PyOSErrorObject::myerrno`...).
    pub fields: RefCell<ExcFields>,
}

/// Named subclass members; a missing entry is CPython's NULL member, read
/// as `None`.
#[derive(Default)]
pub struct ExcFields {
    /// False until `__new__`/`__init__` or `ensure_fields` has set them.
    ready: bool,
    values: Vec<(&'static str, PyObjectRef)>,
}

impl ExcFields {
    pub fn get(&self, name: &str) -> Option<PyObjectRef> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    }

    pub fn set(&mut self, name: &'static str, value: Option<PyObjectRef>) {
        let old = self.values.iter().position(|(n, _)| *n == name);
        match (old, value) {
            (Some(i), Some(v)) => self.values[i].1 = v,
            (None, Some(v)) => self.values.push((name, v)),
            (Some(i), None) => {
                self.values.remove(i);
            }
            (None, None) => {}
        }
    }
}

impl PyPayload for PyBaseException {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.exc.base_exception
    }

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(a) = self.args.try_borrow() {
            visit(a.as_object());
        }
        for c in [&self.traceback, &self.cause, &self.context] {
            if let Ok(v) = c.try_borrow() {
                v.iter().for_each(&mut *visit);
            }
        }
        if let Ok(f) = self.fields.try_borrow() {
            f.values.iter().for_each(|(_, v)| visit(v));
        }
    }

    fn clear(&self) {
        let taken: Vec<_> = [&self.traceback, &self.cause, &self.context]
            .iter()
            .map(|c| c.try_borrow_mut().map(|mut v| v.take()))
            .collect();
        let fields = self
            .fields
            .try_borrow_mut()
            .map(|mut f| std::mem::take(&mut f.values));
        drop((taken, fields));
    }
}

impl PyBaseException {
    pub fn new(args: PyTupleRef) -> PyBaseException {
        PyBaseException {
            args: RefCell::new(args),
            traceback: RefCell::new(None),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            fields: RefCell::new(ExcFields::default()),
        }
    }

    /// A payload whose fields are considered set (made by `__new__`, so
    /// `__init__` or the user decides them).
    pub fn new_ready(args: PyTupleRef) -> PyBaseException {
        let e = PyBaseException::new(args);
        e.fields.borrow_mut().ready = true;
        e
    }

    pub fn args_vec(&self) -> Vec<PyObjectRef> {
        self.args.borrow().payload.as_slice().to_vec()
    }

    pub fn get_cause(&self) -> Option<PyObjectRef> {
        self.cause.borrow().clone()
    }
    pub fn get_context(&self) -> Option<PyObjectRef> {
        self.context.borrow().clone()
    }
    pub fn get_traceback(&self) -> Option<PyObjectRef> {
        self.traceback.borrow().clone()
    }
    /// `PyException_SetCause`: also sets `__suppress_context__`.
    pub fn set_cause(&self, cause: Option<PyObjectRef>) {
        self.suppress_context.set(true);
        let old = self.cause.replace(cause);
        drop(old);
    }
    pub fn set_context(&self, context: Option<PyObjectRef>) {
        let old = self.context.replace(context);
        drop(old);
    }
    pub fn set_traceback(&self, tb: Option<PyObjectRef>) {
        let old = self.traceback.replace(tb);
        drop(old);
    }
}

/// The exception payload of `obj`, or CPython's descriptor TypeError.
pub(crate) fn exc_payload<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyBaseException> {
    obj.downcast_ref::<PyBaseException>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'BaseException' object but received a '{}'",
            obj.class().name_string()
        ))
    })
}

/// Is `obj` an exception instance (`PyExceptionInstance_Check`)?
pub fn is_exception_instance(obj: &PyObjectRef) -> bool {
    obj.payload_is::<PyBaseException>()
}

/// Is `obj` an exception class (`PyExceptionClass_Check`)?
pub fn is_exception_class(vm: &VM, obj: &PyObjectRef) -> bool {
    obj.downcast_ref::<crate::objects::typeobject::PyType>()
        .is_some()
        && obj
            .clone()
            .downcast::<crate::objects::typeobject::PyType>()
            .map(|t| t.is_subtype(&vm.types.exc.base_exception))
            .unwrap_or(false)
}

/// A subclass member of `exc` (None when unset).
pub fn get_field(vm: &VM, exc: &PyObjectRef, name: &str) -> Option<PyObjectRef> {
    ensure_fields(vm, exc);
    exc.downcast_ref::<PyBaseException>()
        .and_then(|e| e.fields.borrow().get(name))
}

pub fn set_field(vm: &VM, exc: &PyObjectRef, name: &'static str, value: Option<PyObjectRef>) {
    ensure_fields(vm, exc);
    if let Some(e) = exc.downcast_ref::<PyBaseException>() {
        let old = e.fields.borrow().get(name);
        e.fields.borrow_mut().set(name, value);
        drop(old);
    }
}

/// Fills the fields of an exception made without `__new__`/`__init__`:
/// values that native code stored in `__dict__` move to the fields, the
/// rest are derived from `args` as the type's `__init__` would.
pub fn ensure_fields(vm: &VM, exc: &PyObjectRef) {
    let Some(e) = exc.downcast_ref::<PyBaseException>() else {
        return;
    };
    if e.fields.borrow().ready {
        return;
    }
    e.fields.borrow_mut().ready = true;
    let kind = subtypes::ExcKind::of(vm, exc.class());
    let names = kind.field_names();
    if !names.is_empty() {
        if let Some(ext) = exc.instance_ext() {
            let dict = ext.existing_dict(vm, exc.class());
            if let Some(d) = dict.as_ref().and_then(|d| d.downcast_ref::<PyDict>()) {
                for name in names {
                    let key = vm.intern(name).into_object();
                    if let Ok(Some(v)) = d.pop_item(vm, &key) {
                        e.fields.borrow_mut().set(name, Some(v));
                    }
                }
            }
        }
    }
    subtypes::derive_fields(vm, exc, kind);
}

/// Positional arguments and keyword (name, value) pairs of a native call.
pub(crate) fn split_kwargs<'a>(
    args: &'a [PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> (&'a [PyObjectRef], Vec<(String, PyObjectRef)>) {
    let names: Vec<String> = kwnames
        .map(|k| {
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
        .unwrap_or_default();
    let npos = args.len().saturating_sub(names.len());
    let kw = names
        .into_iter()
        .zip(args[npos..].iter().cloned())
        .collect();
    (&args[..npos], kw)
}

/// Checks a native method's argument count (excluding `self`, which is
/// `args[0]`), with CPython's METH_O / METH_NOARGS messages.
pub(crate) fn method_args<'a>(
    vm: &VM,
    qualname: &str,
    args: &'a [PyObjectRef],
    kwnames: Option<&PyTupleRef>,
    n: usize,
) -> PyResult<&'a [PyObjectRef]> {
    if kwnames.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("{qualname}() takes no keyword arguments")));
    }
    let given = args.len().saturating_sub(1);
    if given != n || args.is_empty() {
        return Err(vm.new_type_error(if n == 0 {
            format!("{qualname}() takes no arguments ({given} given)")
        } else {
            format!("{qualname}() takes exactly one argument ({given} given)")
        }));
    }
    Ok(args)
}

/// `_PyArg_NoKeywords`.
pub(crate) fn no_keywords(vm: &VM, ty: &PyTypeRef, kwnames: Option<&PyTupleRef>) -> PyResult<()> {
    if kwnames.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("{}() takes no keyword arguments", ty.name_string())));
    }
    Ok(())
}

// ----- BaseException ------------------------------------------------------

/// `BaseException.__new__`: stores the positional arguments; keywords are
/// left to `__init__`.
pub(crate) fn base_exc_new(
    vm: &VM,
    cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    let (pos, _) = split_kwargs(args, kwnames);
    let args = vm.new_tuple(pos.to_vec());
    Ok(PyRef::new_with_type(PyBaseException::new_ready(args), cls.clone()).into_object())
}

pub(crate) fn base_exc_init(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    no_keywords(vm, zelf.class(), kwnames)?;
    set_args(vm, zelf, args.to_vec())
}

pub(crate) fn set_args(vm: &VM, zelf: &PyObjectRef, args: Vec<PyObjectRef>) -> PyResult<()> {
    let e = exc_payload(vm, zelf)?;
    let old = e.args.replace(vm.new_tuple(args));
    drop(old);
    Ok(())
}

/// `BaseException.__str__`: '' / str(arg) / str(args).
pub(crate) fn base_exc_str(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let args = exc_payload(vm, zelf)?.args.borrow().clone();
    match args.payload.as_slice() {
        [] => Ok(vm.ctx.empty_str.clone().into_object()),
        [one] => Ok(vm.str(one)?.into_object()),
        _ => Ok(vm.str(args.as_object())?.into_object()),
    }
}

/// `BaseException.__repr__`: `Name(arg)` or `Name(a, b)`.
pub(crate) fn base_exc_repr(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let args = exc_payload(vm, zelf)?.args.borrow().clone();
    let name = zelf.class().name_string();
    let name = name.rsplit('.').next().unwrap_or("").to_string();
    let s = match args.payload.as_slice() {
        [one] => format!("{name}({})", vm.repr_string(one)?),
        _ => format!("{name}{}", vm.repr_string(args.as_object())?),
    };
    Ok(vm.new_str_obj(s))
}

/// The instance `__dict__`, created on demand.
pub(crate) fn exc_dict(vm: &VM, zelf: &PyObjectRef) -> Option<PyObjectRef> {
    let ext = zelf.instance_ext()?;
    Some(ext.dict_object(vm, zelf.class()))
}

/// The instance `__dict__` if it was ever created (CPython's `self->dict`).
pub(crate) fn exc_dict_opt(vm: &VM, zelf: &PyObjectRef) -> Option<PyObjectRef> {
    zelf.instance_ext()?.existing_dict(vm, zelf.class())
}

fn base_exc_reduce(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let args = method_args(vm, "BaseException.__reduce__", args, kw, 0)?;
    let zelf = &args[0];
    ensure_fields(vm, zelf);
    let a = exc_payload(vm, zelf)?.args.borrow().clone().into_object();
    let ty = zelf.class().clone().into_object();
    Ok(match exc_dict_opt(vm, zelf) {
        Some(d) => vm.new_tuple_obj(vec![ty, a, d]),
        None => vm.new_tuple_obj(vec![ty, a]),
    })
}

fn base_exc_setstate(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let args = method_args(vm, "BaseException.__setstate__", args, kw, 1)?;
    let (zelf, state) = (&args[0], &args[1]);
    if vm.is_none(state) {
        return Ok(vm.none());
    }
    let Some(d) = state.downcast_ref::<PyDict>() else {
        return Err(vm.new_type_error("state is not a dictionary"));
    };
    for entry in d.entries() {
        let name = match entry.key.clone().downcast::<PyStr>() {
            Ok(s) => s,
            Err(k) => {
                return Err(vm.new_type_error(format!(
                    "attribute name must be string, not '{}'",
                    k.class().name_string()
                )))
            }
        };
        vm.set_attr(zelf, &name, Some(entry.value))?;
    }
    Ok(vm.none())
}

fn check_traceback(vm: &VM, tb: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    if vm.is_none(tb) {
        Ok(None)
    } else if tb.payload_is::<crate::objects::traceback::PyTraceback>() {
        Ok(Some(tb.clone()))
    } else {
        Err(vm.new_type_error("__traceback__ must be a traceback or None"))
    }
}

fn base_exc_with_traceback(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let args = method_args(vm, "BaseException.with_traceback", args, kw, 1)?;
    let tb = check_traceback(vm, &args[1])?;
    exc_payload(vm, &args[0])?.set_traceback(tb);
    Ok(args[0].clone())
}

fn base_exc_add_note(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let args = method_args(vm, "BaseException.add_note", args, kw, 1)?;
    let (zelf, note) = (&args[0], &args[1]);
    if !note.payload_is::<PyStr>() {
        return Err(vm.new_type_error(format!(
            "note must be a str, not '{}'",
            note.class().name_string()
        )));
    }
    let name = vm.intern("__notes__");
    let notes = match vm.get_attr_opt(zelf, &name)? {
        Some(n) => n,
        None => {
            let l = vm.new_list(vec![]).into_object();
            vm.set_attr(zelf, &name, Some(l.clone()))?;
            l
        }
    };
    match notes.downcast_ref::<crate::objects::listobject::PyList>() {
        Some(l) => l.push(note.clone()),
        None => return Err(vm.new_type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(vm.none())
}

fn get_args(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(exc_payload(vm, zelf)?.args.borrow().clone().into_object())
}

fn set_args_attr(vm: &VM, zelf: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(vm.new_type_error("args may not be deleted"));
    };
    let items = vm.collect(&v)?;
    set_args(vm, zelf, items)
}

fn get_traceback(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(exc_payload(vm, zelf)?
        .get_traceback()
        .unwrap_or_else(|| vm.none()))
}

fn set_traceback_attr(vm: &VM, zelf: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(vm.new_type_error("__traceback__ may not be deleted"));
    };
    let tb = check_traceback(vm, &v)?;
    exc_payload(vm, zelf)?.set_traceback(tb);
    Ok(())
}

fn get_context(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(exc_payload(vm, zelf)?
        .get_context()
        .unwrap_or_else(|| vm.none()))
}

fn set_context_attr(vm: &VM, zelf: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(vm.new_type_error("__context__ may not be deleted"));
    };
    let ctx = if vm.is_none(&v) {
        None
    } else if is_exception_instance(&v) {
        Some(v)
    } else {
        return Err(
            vm.new_type_error("exception context must be None or derive from BaseException")
        );
    };
    exc_payload(vm, zelf)?.set_context(ctx);
    Ok(())
}

fn get_cause(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(exc_payload(vm, zelf)?
        .get_cause()
        .unwrap_or_else(|| vm.none()))
}

fn set_cause_attr(vm: &VM, zelf: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(vm.new_type_error("__cause__ may not be deleted"));
    };
    let cause = if vm.is_none(&v) {
        None
    } else if is_exception_instance(&v) {
        Some(v)
    } else {
        return Err(vm.new_type_error("exception cause must be None or derive from BaseException"));
    };
    exc_payload(vm, zelf)?.set_cause(cause);
    Ok(())
}

fn get_suppress_context(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(exc_payload(vm, zelf)?.suppress_context.get()))
}

fn set_suppress_context(vm: &VM, zelf: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(vm.new_type_error("can't delete numeric/char attribute"));
    };
    if !v.class().is(&vm.types.bool_type) {
        return Err(vm.new_type_error("attribute value type must be bool"));
    }
    exc_payload(vm, zelf)?
        .suppress_context
        .set(v.is(&vm.ctx.true_obj));
    Ok(())
}

fn get_dict(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    ensure_fields(vm, zelf);
    exc_dict(vm, zelf).ok_or_else(|| vm.new_no_attribute_error(zelf, "__dict__"))
}

fn set_dict(vm: &VM, zelf: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(vm.new_type_error("cannot delete __dict__"));
    };
    if !v.payload_is::<PyDict>() {
        return Err(vm.new_type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.class().name_string()
        )));
    }
    ensure_fields(vm, zelf);
    if let Some(ext) = zelf.instance_ext() {
        ext.set_dict(zelf.class(), v);
    }
    Ok(())
}

/// Copies every slot `child` lacks from `base` (static types do not
/// inherit slots by themselves).
pub(crate) fn inherit_slots(child: &PyTypeRef, base: &PyTypeRef) {
    let c = &child.payload.slots;
    let b = &base.payload.slots;
    macro_rules! copy {
        ($($f:ident),*) => {$(
            if c.$f.get().is_none() {
                c.$f.set(b.$f.get());
            }
        )*};
    }
    copy!(
        repr,
        str,
        hash,
        richcompare,
        getattro,
        setattro,
        call,
        iter,
        iternext,
        descr_get,
        descr_set,
        new,
        init,
        nb_power_mod,
        nb_negative,
        nb_positive,
        nb_invert,
        nb_absolute,
        nb_bool,
        nb_int,
        nb_float,
        nb_index,
        len,
        contains,
        getitem,
        setitem
    );
    for i in 0..c.nb_binary.len() {
        if c.nb_binary[i].get().is_none() {
            c.nb_binary[i].set(b.nb_binary[i].get());
        }
        if c.nb_inplace[i].get().is_none() {
            c.nb_inplace[i].set(b.nb_inplace[i].get());
        }
    }
}

/// Every builtin exception type, parents before children.
pub fn all_exception_types(vm: &VM) -> Vec<PyTypeRef> {
    let mut v: Vec<PyTypeRef> = vm.types.exc.all().into_iter().map(|(_, t)| t).collect();
    v.push(vm.types.exception_group_type.clone());
    v
}

/// The builtin exception types, one field each.
macro_rules! exception_types {
    ($($field:ident : $name:literal < $base:ident),* $(,)?) => {
        pub struct ExceptionTypes {
            pub base_exception: PyTypeRef,
            $(pub $field: PyTypeRef,)*
        }

        impl ExceptionTypes {
            /// Creates the hierarchy; `mk(name, base)` builds one type.
            pub fn create(base_exception: PyTypeRef, mut mk: impl FnMut(&str, &PyTypeRef) -> PyTypeRef) -> ExceptionTypes {
                $(let $field = mk($name, exception_types!(@base base_exception $base));)*
                ExceptionTypes { base_exception, $($field,)* }
            }

            /// (name, type) of every builtin exception, for `builtins`.
            pub fn all(&self) -> Vec<(&'static str, PyTypeRef)> {
                let mut v = vec![("BaseException", self.base_exception.clone())];
                $(v.push(($name, self.$field.clone()));)*
                v
            }
        }
    };
    (@base $be:ident base_exception) => { &$be };
    (@base $be:ident $base:ident) => { &$base };
}

exception_types! {
    base_exception_group: "BaseExceptionGroup" < base_exception,
    system_exit: "SystemExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    exception: "Exception" < base_exception,
    stop_iteration: "StopIteration" < exception,
    stop_async_iteration: "StopAsyncIteration" < exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    python_finalization_error: "PythonFinalizationError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    syntax_error: "SyntaxError" < exception,
    incomplete_input_error: "_IncompleteInputError" < syntax_error,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    unicode_translate_error: "UnicodeTranslateError" < unicode_error,
    warning: "Warning" < exception,
    bytes_warning: "BytesWarning" < warning,
    deprecation_warning: "DeprecationWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
    future_warning: "FutureWarning" < warning,
    import_warning: "ImportWarning" < warning,
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    user_warning: "UserWarning" < warning,
}

/// Fills the slots and methods of the exception types.
pub(crate) fn init(vm: &crate::VM) {
    let be = &vm.types.exc.base_exception;
    let s = &be.payload.slots;
    s.new.set(Some(base_exc_new));
    s.init.set(Some(base_exc_init));
    s.str.set(Some(base_exc_str));
    s.repr.set(Some(base_exc_repr));
    // Identity hash and comparison come from `object`.
    inherit_slots(be, &vm.types.object_type);
    vm.add_method(be, "__reduce__", base_exc_reduce);
    vm.add_method(be, "__setstate__", base_exc_setstate);
    vm.add_method(be, "with_traceback", base_exc_with_traceback);
    vm.add_method(be, "add_note", base_exc_add_note);
    vm.add_getset(be, "args", get_args, Some(set_args_attr));
    vm.add_getset(be, "__traceback__", get_traceback, Some(set_traceback_attr));
    vm.add_getset(be, "__context__", get_context, Some(set_context_attr));
    vm.add_getset(be, "__cause__", get_cause, Some(set_cause_attr));
    vm.add_getset(
        be,
        "__suppress_context__",
        get_suppress_context,
        Some(set_suppress_context),
    );
    vm.add_getset(be, "__dict__", get_dict, Some(set_dict));
    subtypes::init(vm);
    crate::objects::exceptiongroup::init(vm);
    // Static types do not inherit slots: give each exception type the
    // slots of its base that it does not define itself.
    for ty in all_exception_types(vm) {
        let base = ty.payload.base.borrow().clone();
        if let Some(base) = base {
            inherit_slots(&ty, &base);
        }
    }
}
