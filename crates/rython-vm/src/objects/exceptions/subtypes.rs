//! The behaviour of the builtin exception subclasses: their members,
//! `__init__`, `__str__` and pickling (the per-type sections of CPython's
//! Objects/exceptions.c).

use crate::object::{PyObjectRef, PyRef, PyTypeRef};
use crate::objects::bytesobject::PyBytes;
use crate::objects::dictobject::PyDict;
use crate::objects::longobject::PyInt;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::{PyTuple, PyTupleRef};
use crate::{PyBaseExceptionRef, PyResult, VM};

use super::{
    base_exc_init, base_exc_str, exc_dict_opt, exc_payload, get_field, no_keywords, set_args,
    set_field, split_kwargs, PyBaseException,
};

/// Which C layout (member set) an exception type has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExcKind {
    Base,
    StopIteration,
    SystemExit,
    Import,
    Attribute,
    Name,
    Os,
    Syntax,
    UnicodeDecode,
    UnicodeEncode,
    UnicodeTranslate,
    Group,
}

impl ExcKind {
    pub(crate) fn of(vm: &VM, ty: &PyTypeRef) -> ExcKind {
        let e = &vm.types.exc;
        let table = [
            (&e.unicode_decode_error, ExcKind::UnicodeDecode),
            (&e.unicode_encode_error, ExcKind::UnicodeEncode),
            (&e.unicode_translate_error, ExcKind::UnicodeTranslate),
            (&e.syntax_error, ExcKind::Syntax),
            (&e.os_error, ExcKind::Os),
            (&e.import_error, ExcKind::Import),
            (&e.attribute_error, ExcKind::Attribute),
            (&e.name_error, ExcKind::Name),
            (&e.stop_iteration, ExcKind::StopIteration),
            (&e.system_exit, ExcKind::SystemExit),
            (&e.base_exception_group, ExcKind::Group),
        ];
        for (t, k) in table {
            if ty.is_subtype(t) {
                return k;
            }
        }
        ExcKind::Base
    }

    pub(crate) fn field_names(self) -> &'static [&'static str] {
        match self {
            ExcKind::Base => &[],
            ExcKind::StopIteration => &["value"],
            ExcKind::SystemExit => &["code"],
            ExcKind::Import => &["msg", "name", "path", "name_from"],
            ExcKind::Attribute => &["name", "obj"],
            ExcKind::Name => &["name"],
            ExcKind::Os => &["errno", "strerror", "filename", "filename2"],
            ExcKind::Syntax => &[
                "msg",
                "filename",
                "lineno",
                "offset",
                "text",
                "end_lineno",
                "end_offset",
                "print_file_and_line",
            ],
            ExcKind::UnicodeDecode | ExcKind::UnicodeEncode | ExcKind::UnicodeTranslate => {
                &["encoding", "object", "start", "end", "reason"]
            }
            ExcKind::Group => &["message", "exceptions"],
        }
    }
}

fn has(vm: &VM, exc: &PyObjectRef, name: &str) -> bool {
    exc.downcast_ref::<PyBaseException>()
        .is_some_and(|e| e.fields.borrow().get(name).is_some())
        || {
            let _ = vm;
            false
        }
}

/// Derives the members an `__init__` would have set from `args`, for
/// exceptions made natively. Errors are ignored: the members stay unset.
pub(crate) fn derive_fields(vm: &VM, exc: &PyObjectRef, kind: ExcKind) {
    let Some(e) = exc.downcast_ref::<PyBaseException>() else {
        return;
    };
    let args = e.args_vec();
    let set = |name: &'static str, v: PyObjectRef| {
        if !has(vm, exc, name) {
            e.fields.borrow_mut().set(name, Some(v));
        }
    };
    match kind {
        ExcKind::StopIteration => set("value", args.first().cloned().unwrap_or_else(|| vm.none())),
        ExcKind::SystemExit => set("code", system_exit_code(vm, &args)),
        ExcKind::Import => {
            if args.len() == 1 {
                set("msg", args[0].clone());
            }
        }
        ExcKind::Os => {
            let p = OsArgs::parse(&args);
            if let Some(v) = p.errno {
                set("errno", v);
            }
            if let Some(v) = p.strerror {
                set("strerror", v);
            }
            if let Some(v) = p.filename.filter(|f| !vm.is_none(f)) {
                set("filename", v);
                if let Some(v) = p.filename2.filter(|f| !vm.is_none(f)) {
                    set("filename2", v);
                }
            }
        }
        ExcKind::Syntax => {
            let _ = syntax_error_fill(vm, exc, &args);
        }
        ExcKind::UnicodeDecode | ExcKind::UnicodeEncode | ExcKind::UnicodeTranslate => {
            let _ = unicode_error_fill(vm, exc, kind, &args);
        }
        ExcKind::Group => {
            if let [msg, excs] = args.as_slice() {
                set("message", msg.clone());
                if let Ok(items) = vm.collect(excs) {
                    set("exceptions", vm.new_tuple_obj(items));
                }
            }
        }
        ExcKind::Base | ExcKind::Attribute | ExcKind::Name => {}
    }
}

/// A member getter/setter pair (CPython's `T_OBJECT` members: NULL reads
/// as None, deleting sets NULL).
macro_rules! member {
    ($get:ident, $set:ident, $name:literal) => {
        fn $get(vm: &VM, zelf: &PyObjectRef) -> PyResult {
            exc_payload(vm, zelf)?;
            Ok(get_field(vm, zelf, $name).unwrap_or_else(|| vm.none()))
        }
        fn $set(vm: &VM, zelf: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
            exc_payload(vm, zelf)?;
            set_field(vm, zelf, $name, v);
            Ok(())
        }
    };
}

member!(get_value, set_value, "value");
member!(get_code, set_code, "code");
member!(get_msg, set_msg, "msg");
member!(get_name, set_name, "name");
member!(get_path, set_path, "path");
member!(get_name_from, set_name_from, "name_from");
member!(get_obj, set_obj, "obj");
member!(get_errno, set_errno, "errno");
member!(get_strerror, set_strerror, "strerror");
member!(get_filename, set_filename, "filename");
member!(get_filename2, set_filename2, "filename2");
member!(get_lineno, set_lineno, "lineno");
member!(get_offset, set_offset, "offset");
member!(get_text, set_text, "text");
member!(get_end_lineno, set_end_lineno, "end_lineno");
member!(get_end_offset, set_end_offset, "end_offset");
member!(get_pfal, set_pfal, "print_file_and_line");
member!(get_encoding, set_encoding, "encoding");
member!(get_object, set_object, "object");
member!(get_start, set_start, "start");
member!(get_end, set_end, "end");
member!(get_reason, set_reason, "reason");

/// Keyword-only `name=`/`path=`-style arguments of `__init__`.
fn parse_kwonly(
    vm: &VM,
    fname: &str,
    kw: Vec<(String, PyObjectRef)>,
    allowed: &[&'static str],
) -> PyResult<Vec<(&'static str, PyObjectRef)>> {
    let mut out = Vec::new();
    for (k, v) in kw {
        match allowed.iter().find(|a| **a == k) {
            Some(a) => out.push((*a, v)),
            None => {
                return Err(vm.new_type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    Ok(out)
}

// ----- StopIteration, SystemExit ------------------------------------------

fn stop_iteration_init(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<()> {
    base_exc_init(vm, zelf, args, kw)?;
    set_field(
        vm,
        zelf,
        "value",
        Some(args.first().cloned().unwrap_or_else(|| vm.none())),
    );
    Ok(())
}

fn system_exit_code(vm: &VM, args: &[PyObjectRef]) -> PyObjectRef {
    match args {
        [] => vm.none(),
        [one] => one.clone(),
        _ => vm.new_tuple_obj(args.to_vec()),
    }
}

fn system_exit_init(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<()> {
    base_exc_init(vm, zelf, args, kw)?;
    set_field(vm, zelf, "code", Some(system_exit_code(vm, args)));
    Ok(())
}

// ----- ImportError, AttributeError, NameError, KeyError -------------------

fn import_error_init(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    let (pos, kw) = split_kwargs(args, kwnames);
    set_args(vm, zelf, pos.to_vec())?;
    let kw = parse_kwonly(vm, "ImportError", kw, &["name", "path", "name_from"])?;
    for n in ["name", "path", "name_from"] {
        set_field(vm, zelf, n, None);
    }
    for (k, v) in kw {
        set_field(vm, zelf, k, Some(v));
    }
    let msg = if pos.len() == 1 {
        Some(pos[0].clone())
    } else {
        None
    };
    set_field(vm, zelf, "msg", msg);
    Ok(())
}

fn import_error_str(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    if let Some(m) = get_field(vm, zelf, "msg") {
        if m.class().is(&vm.types.str_type) {
            return Ok(m);
        }
    }
    base_exc_str(vm, zelf)
}

/// A copy of the instance dict (or a new one) for `__getstate__`.
fn state_dict(vm: &VM, zelf: &PyObjectRef) -> PyResult<crate::objects::dictobject::PyDictRef> {
    let d = vm.new_dict();
    if let Some(src) = exc_dict_opt(vm, zelf) {
        if let Some(src) = src.downcast_ref::<PyDict>() {
            d.payload.copy_from(vm, src)?;
        }
    }
    Ok(d)
}

fn import_error_reduce(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let args = super::method_args(vm, "ImportError.__reduce__", args, kw, 0)?;
    let zelf = &args[0];
    let a = exc_payload(vm, zelf)?.args.borrow().clone().into_object();
    let ty = zelf.class().clone().into_object();
    let mut extra = Vec::new();
    for n in ["name", "path", "name_from"] {
        if let Some(v) = get_field(vm, zelf, n) {
            extra.push((n, v));
        }
    }
    let state = if !extra.is_empty() {
        let d = state_dict(vm, zelf)?;
        for (n, v) in extra {
            d.payload.set_str(vm, n, v);
        }
        Some(d.into_object())
    } else {
        exc_dict_opt(vm, zelf)
    };
    Ok(match state {
        Some(s) => vm.new_tuple_obj(vec![ty, a, s]),
        None => vm.new_tuple_obj(vec![ty, a]),
    })
}

fn attribute_error_init(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let kw = parse_kwonly(vm, "AttributeError", kw, &["name", "obj"])?;
    set_args(vm, zelf, pos.to_vec())?;
    set_field(vm, zelf, "name", None);
    set_field(vm, zelf, "obj", None);
    for (k, v) in kw {
        set_field(vm, zelf, k, Some(v));
    }
    Ok(())
}

fn attribute_error_getstate(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let args = super::method_args(vm, "AttributeError.__getstate__", args, kw, 0)?;
    let zelf = &args[0];
    let d = state_dict(vm, zelf)?;
    if let Some(n) = get_field(vm, zelf, "name") {
        d.payload.set_str(vm, "name", n);
    }
    let a = exc_payload(vm, zelf)?.args.borrow().clone().into_object();
    d.payload.set_str(vm, "args", a);
    Ok(d.into_object())
}

fn attribute_error_reduce(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let args = super::method_args(vm, "AttributeError.__reduce__", args, kw, 0)?;
    let zelf = &args[0];
    let state = attribute_error_getstate(vm, args, kw)?;
    let a = exc_payload(vm, zelf)?.args.borrow().clone().into_object();
    Ok(vm.new_tuple_obj(vec![zelf.class().clone().into_object(), a, state]))
}

fn name_error_init(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let kw = parse_kwonly(vm, "NameError", kw, &["name"])?;
    set_args(vm, zelf, pos.to_vec())?;
    set_field(vm, zelf, "name", None);
    for (k, v) in kw {
        set_field(vm, zelf, k, Some(v));
    }
    Ok(())
}

/// `KeyError.__str__`: the repr of a lone key, so `KeyError('')` shows `''`.
fn key_error_str(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let args = exc_payload(vm, zelf)?.args_vec();
    if let [one] = args.as_slice() {
        return Ok(vm.repr(one)?.into_object());
    }
    base_exc_str(vm, zelf)
}

// ----- OSError ------------------------------------------------------------

#[derive(Default)]
struct OsArgs {
    errno: Option<PyObjectRef>,
    strerror: Option<PyObjectRef>,
    filename: Option<PyObjectRef>,
    filename2: Option<PyObjectRef>,
}

impl OsArgs {
    /// `oserror_parse_args`: (errno, strerror[, filename[, winerror[,
    /// filename2]]]) when 2 to 5 arguments are given.
    fn parse(args: &[PyObjectRef]) -> OsArgs {
        if !(2..=5).contains(&args.len()) {
            return OsArgs::default();
        }
        OsArgs {
            errno: Some(args[0].clone()),
            strerror: Some(args[1].clone()),
            filename: args.get(2).cloned(),
            filename2: args.get(4).cloned(),
        }
    }
}

/// The `OSError` subclass for an errno value (CPython's `errnomap`, with
/// Linux numbering).
fn errno_subclass(vm: &VM, errno: i64) -> Option<PyTypeRef> {
    let e = &vm.types.exc;
    Some(
        match errno {
            11 | 114 | 115 => &e.blocking_io_error,
            10 => &e.child_process_error,
            32 | 108 => &e.broken_pipe_error,
            103 => &e.connection_aborted_error,
            111 => &e.connection_refused_error,
            104 => &e.connection_reset_error,
            17 => &e.file_exists_error,
            2 => &e.file_not_found_error,
            21 => &e.is_a_directory_error,
            20 => &e.not_a_directory_error,
            4 => &e.interrupted_error,
            1 | 13 => &e.permission_error,
            3 => &e.process_lookup_error,
            110 => &e.timeout_error,
            _ => return None,
        }
        .clone(),
    )
}

/// The first class along the MRO whose own dict defines `name`.
fn defining_class(vm: &VM, ty: &PyTypeRef, name: &str) -> Option<PyTypeRef> {
    let key = vm.intern(name);
    ty.mro_with_self()
        .into_iter()
        .find(|t| t.payload.dict.get_str(vm, &key).is_some())
}

/// `oserror_use_init`: a subclass that overrides `__init__` but not
/// `__new__` gets its arguments parsed in `__init__`.
fn oserror_use_init(vm: &VM, ty: &PyTypeRef) -> bool {
    let init_overridden =
        defining_class(vm, ty, "__init__").is_some_and(|t| t.payload.is_heap_type());
    let new_overridden =
        defining_class(vm, ty, "__new__").is_some_and(|t| t.payload.is_heap_type());
    init_overridden && !new_overridden
}

fn is_number(obj: &PyObjectRef) -> bool {
    let s = &obj.class().payload.slots;
    s.nb_index.get().is_some()
        || s.nb_int.get().is_some()
        || s.nb_float.get().is_some()
        || obj.payload_is::<PyInt>()
        || obj.payload_is::<crate::objects::floatobject::PyFloat>()
}

fn oserror_fill(vm: &VM, zelf: &PyObjectRef, args: &[PyObjectRef], p: OsArgs) -> PyResult<()> {
    set_args(vm, zelf, args.to_vec())?;
    if let Some(f) = p.filename.filter(|f| !vm.is_none(f)) {
        if zelf.class().is(&vm.types.exc.blocking_io_error) && is_number(&f) {
            let n = vm.to_isize(&f, "")?;
            set_field(vm, zelf, "characters_written", Some(vm.new_int(n)));
        } else {
            set_field(vm, zelf, "filename", Some(f));
            if let Some(f2) = p.filename2.filter(|f| !vm.is_none(f)) {
                set_field(vm, zelf, "filename2", Some(f2));
            }
            if (2..=5).contains(&args.len()) {
                set_args(vm, zelf, args[..2].to_vec())?;
            }
        }
    }
    set_field(vm, zelf, "errno", p.errno);
    set_field(vm, zelf, "strerror", p.strerror);
    Ok(())
}

fn oserror_new(
    vm: &VM,
    cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    let (pos, _) = split_kwargs(args, kwnames);
    let use_init = oserror_use_init(vm, cls);
    let mut ty = cls.clone();
    if !use_init {
        no_keywords(vm, cls, kwnames)?;
        let p = OsArgs::parse(pos);
        if cls.is(&vm.types.exc.os_error) {
            if let Some(PyInt::Small(n)) = p.errno.as_ref().and_then(|e| e.downcast_ref::<PyInt>())
            {
                if let Some(sub) = errno_subclass(vm, *n) {
                    ty = sub;
                }
            }
        }
        let obj = PyRef::new_with_type(PyBaseException::new_ready(vm.ctx.empty_tuple.clone()), ty)
            .into_object();
        oserror_fill(vm, &obj, pos, p)?;
        return Ok(obj);
    }
    Ok(
        PyRef::new_with_type(PyBaseException::new_ready(vm.ctx.empty_tuple.clone()), ty)
            .into_object(),
    )
}

fn oserror_init(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    if !oserror_use_init(vm, zelf.class()) {
        return Ok(());
    }
    no_keywords(vm, zelf.class(), kwnames)?;
    oserror_fill(vm, zelf, args, OsArgs::parse(args))
}

fn oserror_str(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let f = |n| get_field(vm, zelf, n);
    let or_none = |v: Option<PyObjectRef>| -> PyResult<String> {
        vm.str_string(&v.unwrap_or_else(|| vm.none()))
    };
    if let Some(filename) = f("filename") {
        let head = format!(
            "[Errno {}] {}",
            or_none(f("errno"))?,
            or_none(f("strerror"))?
        );
        let s = match f("filename2") {
            Some(f2) => format!(
                "{head}: {} -> {}",
                vm.repr_string(&filename)?,
                vm.repr_string(&f2)?
            ),
            None => format!("{head}: {}", vm.repr_string(&filename)?),
        };
        return Ok(vm.new_str_obj(s));
    }
    if let (Some(e), Some(s)) = (f("errno"), f("strerror")) {
        return Ok(vm.new_str_obj(format!(
            "[Errno {}] {}",
            vm.str_string(&e)?,
            vm.str_string(&s)?
        )));
    }
    base_exc_str(vm, zelf)
}

fn oserror_reduce(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let args = super::method_args(vm, "OSError.__reduce__", args, kw, 0)?;
    let zelf = &args[0];
    let mut a = exc_payload(vm, zelf)?.args.borrow().clone().into_object();
    let f = |n| get_field(vm, zelf, n);
    if let Some(filename) = f("filename") {
        if a.downcast_ref::<PyTuple>().is_some_and(|t| t.len() == 2) {
            let mut items = a
                .downcast_ref::<PyTuple>()
                .map(|t| t.as_slice().to_vec())
                .unwrap_or_default();
            items.push(filename);
            if let Some(f2) = f("filename2") {
                items.push(vm.none());
                items.push(f2);
            }
            a = vm.new_tuple_obj(items);
        }
    }
    let ty = zelf.class().clone().into_object();
    Ok(match exc_dict_opt(vm, zelf) {
        Some(d) => vm.new_tuple_obj(vec![ty, a, d]),
        None => vm.new_tuple_obj(vec![ty, a]),
    })
}

fn get_characters_written(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    get_field(vm, zelf, "characters_written")
        .ok_or_else(|| vm.new_exception_msg(&vm.types.exc.attribute_error, "characters_written"))
}

fn set_characters_written(vm: &VM, zelf: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    match v {
        Some(v) => {
            let n = vm.to_isize(&v, "")?;
            set_field(vm, zelf, "characters_written", Some(vm.new_int(n)));
        }
        None => {
            if get_field(vm, zelf, "characters_written").is_none() {
                return Err(
                    vm.new_exception_msg(&vm.types.exc.attribute_error, "characters_written")
                );
            }
            set_field(vm, zelf, "characters_written", None);
        }
    }
    Ok(())
}

/// `OSError(errno, strerror[, filename])` made through `OSError.__new__`,
/// so the errno picks the subclass (`FileNotFoundError` for ENOENT...).
pub fn new_os_error_errno(
    vm: &VM,
    errno: i64,
    strerror: &str,
    filename: Option<PyObjectRef>,
) -> PyBaseExceptionRef {
    let mut args = vec![vm.new_int(errno), vm.new_str_obj(strerror)];
    args.extend(filename);
    let os = vm.types.exc.os_error.clone();
    match oserror_new(vm, &os, &args, None).map(|o| o.downcast::<PyBaseException>()) {
        Ok(Ok(e)) => e,
        Ok(Err(_)) | Err(_) => vm.new_exception(&os, args),
    }
}

/// `EnvironmentError` and `IOError`: the very `OSError` class, for the
/// builtins module.
pub fn builtin_aliases(vm: &VM) -> Vec<(&'static str, PyTypeRef)> {
    vec![
        ("EnvironmentError", vm.types.exc.os_error.clone()),
        ("IOError", vm.types.exc.os_error.clone()),
    ]
}

// ----- SyntaxError --------------------------------------------------------

fn syntax_error_fill(vm: &VM, zelf: &PyObjectRef, args: &[PyObjectRef]) -> PyResult<()> {
    if let Some(m) = args.first() {
        set_field(vm, zelf, "msg", Some(m.clone()));
    }
    if args.len() == 2 {
        let info = vm.collect(&args[1])?;
        let n = info.len();
        if n < 4 {
            return Err(
                vm.new_type_error(format!("function takes at least 4 arguments ({n} given)"))
            );
        }
        if n > 6 {
            return Err(
                vm.new_type_error(format!("function takes at most 6 arguments ({n} given)"))
            );
        }
        let names = [
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ];
        set_field(vm, zelf, "end_lineno", None);
        set_field(vm, zelf, "end_offset", None);
        for (name, v) in names.into_iter().zip(info) {
            set_field(vm, zelf, name, Some(v));
        }
        if n == 5 {
            return Err(
                vm.new_type_error("end_offset must be provided when end_lineno is provided")
            );
        }
    }
    Ok(())
}

fn syntax_error_init(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    base_exc_init(vm, zelf, args, kwnames)?;
    syntax_error_fill(vm, zelf, args)
}

fn syntax_error_str(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let msg = get_field(vm, zelf, "msg").unwrap_or_else(|| vm.none());
    let msg = vm.str_string(&msg)?;
    let filename = get_field(vm, zelf, "filename").and_then(|f| {
        f.downcast_ref::<PyStr>()
            .map(|s| s.as_str().rsplit('/').next().unwrap_or("").to_string())
    });
    let lineno = get_field(vm, zelf, "lineno").filter(|l| l.class().is(&vm.types.int_type));
    let lineno = match lineno {
        Some(l) => l.downcast_ref::<PyInt>().map(|i| i.to_bigint().to_string()),
        None => None,
    };
    let s = match (filename, lineno) {
        (None, None) => msg,
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
    };
    Ok(vm.new_str_obj(s))
}

// ----- UnicodeError -------------------------------------------------------

fn arg_str(vm: &VM, v: &PyObjectRef, pos: usize) -> PyResult<PyObjectRef> {
    if v.payload_is::<PyStr>() {
        Ok(v.clone())
    } else {
        Err(vm.new_type_error(format!(
            "argument {pos} must be str, not {}",
            crate::python::args::arg_type_name(&v)
        )))
    }
}

fn unicode_error_fill(
    vm: &VM,
    zelf: &PyObjectRef,
    kind: ExcKind,
    args: &[PyObjectRef],
) -> PyResult<()> {
    let n = if kind == ExcKind::UnicodeTranslate {
        4
    } else {
        5
    };
    if args.len() != n {
        return Err(vm.new_type_error(format!(
            "function takes exactly {n} arguments ({} given)",
            args.len()
        )));
    }
    // Parse everything before storing anything, as PyArg_ParseTuple does.
    let (encoding, rest) = if kind == ExcKind::UnicodeTranslate {
        (None, args)
    } else {
        (Some(arg_str(vm, &args[0], 1)?), &args[1..])
    };
    let off = n - 4;
    let object = match kind {
        ExcKind::UnicodeDecode => rest[0].clone(),
        _ => arg_str(vm, &rest[0], off + 1)?,
    };
    let start = vm.to_isize(&rest[1], "")?;
    let end = vm.to_isize(&rest[2], "")?;
    let reason = arg_str(vm, &rest[3], off + 4)?;
    let object = if kind == ExcKind::UnicodeDecode {
        if let Some(b) = object.downcast_ref::<PyBytes>() {
            if object.class().is(&vm.types.bytes_type) {
                object.clone()
            } else {
                vm.new_bytes(b.as_bytes().to_vec())
            }
        } else {
            vm.new_bytes(crate::objects::bytes_methods::bytes_arg(vm, &object)?)
        }
    } else {
        object
    };
    if let Some(e) = encoding {
        set_field(vm, zelf, "encoding", Some(e));
    }
    set_field(vm, zelf, "object", Some(object));
    set_field(vm, zelf, "start", Some(vm.new_int(start)));
    set_field(vm, zelf, "end", Some(vm.new_int(end)));
    set_field(vm, zelf, "reason", Some(reason));
    Ok(())
}

fn unicode_error_init(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    base_exc_init(vm, zelf, args, kwnames)?;
    let kind = ExcKind::of(vm, zelf.class());
    unicode_error_fill(vm, zelf, kind, args)
}

fn int_field(vm: &VM, zelf: &PyObjectRef, name: &str) -> i64 {
    match get_field(vm, zelf, name)
        .as_ref()
        .and_then(|v| v.downcast_ref::<PyInt>())
    {
        Some(PyInt::Small(v)) => *v,
        _ => 0,
    }
}

fn unicode_error_str(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let kind = ExcKind::of(vm, zelf.class());
    let Some(object) = get_field(vm, zelf, "object") else {
        return Ok(vm.ctx.empty_str.clone().into_object());
    };
    let reason = vm.str_string(&get_field(vm, zelf, "reason").unwrap_or_else(|| vm.none()))?;
    let encoding = match get_field(vm, zelf, "encoding") {
        Some(e) => vm.str_string(&e)?,
        None => "None".to_string(),
    };
    let start = int_field(vm, zelf, "start");
    let end = int_field(vm, zelf, "end");
    let single = end == start.wrapping_add(1) && start >= 0;
    let s = match kind {
        ExcKind::UnicodeDecode => {
            let bytes = object
                .downcast_ref::<PyBytes>()
                .map(|b| b.as_bytes().to_vec())
                .unwrap_or_default();
            match bytes.get(start.max(0) as usize) {
                Some(b) if single => format!(
                    "'{encoding}' codec can't decode byte 0x{b:02x} in position {start}: {reason}"
                ),
                _ => format!(
                    "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                    end - 1
                ),
            }
        }
        _ => {
            let ch = match object.downcast_ref::<PyStr>() {
                Some(text) if single => text.code_points().nth(start as usize),
                _ => None,
            };
            let what = if kind == ExcKind::UnicodeEncode {
                format!("'{encoding}' codec can't encode")
            } else {
                "can't translate".to_string()
            };
            match ch {
                Some(c) => format!(
                    "{what} character '{}' in position {start}: {reason}",
                    crate::objects::codecs::char_escape(c)
                ),
                None => format!(
                    "{what} characters in position {start}-{}: {reason}",
                    end - 1
                ),
            }
        }
    };
    Ok(vm.new_str_obj(s))
}

fn new_unicode_error(vm: &VM, ty: &PyTypeRef, args: Vec<PyObjectRef>) -> PyBaseExceptionRef {
    let e = PyRef::new_with_type(
        PyBaseException::new_ready(vm.new_tuple(args.clone())),
        ty.clone(),
    );
    let kind = ExcKind::of(vm, ty);
    let _ = unicode_error_fill(vm, e.as_object(), kind, &args);
    e
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)`.
pub fn new_unicode_decode_error(
    vm: &VM,
    encoding: &str,
    object: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyBaseExceptionRef {
    let args = vec![
        vm.new_str_obj(encoding),
        vm.new_bytes(object.to_vec()),
        vm.new_int(start as i64),
        vm.new_int(end as i64),
        vm.new_str_obj(reason),
    ];
    new_unicode_error(vm, &vm.types.exc.unicode_decode_error, args)
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)`; positions
/// count code points.
pub fn new_unicode_encode_error(
    vm: &VM,
    encoding: &str,
    object: PyObjectRef,
    start: usize,
    end: usize,
    reason: &str,
) -> PyBaseExceptionRef {
    let args = vec![
        vm.new_str_obj(encoding),
        object,
        vm.new_int(start as i64),
        vm.new_int(end as i64),
        vm.new_str_obj(reason),
    ];
    new_unicode_error(vm, &vm.types.exc.unicode_encode_error, args)
}

/// `UnicodeTranslateError(object, start, end, reason)`.
pub fn new_unicode_translate_error(
    vm: &VM,
    object: PyObjectRef,
    start: usize,
    end: usize,
    reason: &str,
) -> PyBaseExceptionRef {
    let args = vec![
        object,
        vm.new_int(start as i64),
        vm.new_int(end as i64),
        vm.new_str_obj(reason),
    ];
    new_unicode_error(vm, &vm.types.exc.unicode_translate_error, args)
}

pub(crate) fn init(vm: &VM) {
    let e = &vm.types.exc;
    let getset = |ty: &PyTypeRef,
                  name: &'static str,
                  g: crate::objects::descrobject::Getter,
                  s: crate::objects::descrobject::Setter| {
        vm.add_getset(ty, name, g, Some(s));
    };

    e.stop_iteration
        .payload
        .slots
        .init
        .set(Some(stop_iteration_init));
    getset(&e.stop_iteration, "value", get_value, set_value);

    e.system_exit.payload.slots.init.set(Some(system_exit_init));
    getset(&e.system_exit, "code", get_code, set_code);

    let ie = &e.import_error;
    ie.payload.slots.init.set(Some(import_error_init));
    ie.payload.slots.str.set(Some(import_error_str));
    vm.add_method(ie, "__reduce__", import_error_reduce);
    getset(ie, "msg", get_msg, set_msg);
    getset(ie, "name", get_name, set_name);
    getset(ie, "path", get_path, set_path);
    getset(ie, "name_from", get_name_from, set_name_from);

    let ae = &e.attribute_error;
    ae.payload.slots.init.set(Some(attribute_error_init));
    vm.add_method(ae, "__getstate__", attribute_error_getstate);
    vm.add_method(ae, "__reduce__", attribute_error_reduce);
    getset(ae, "name", get_name, set_name);
    getset(ae, "obj", get_obj, set_obj);

    e.name_error.payload.slots.init.set(Some(name_error_init));
    getset(&e.name_error, "name", get_name, set_name);

    e.key_error.payload.slots.str.set(Some(key_error_str));

    let os = &e.os_error;
    os.payload.slots.new.set(Some(oserror_new));
    os.payload.slots.init.set(Some(oserror_init));
    os.payload.slots.str.set(Some(oserror_str));
    vm.add_method(os, "__reduce__", oserror_reduce);
    getset(os, "errno", get_errno, set_errno);
    getset(os, "strerror", get_strerror, set_strerror);
    getset(os, "filename", get_filename, set_filename);
    getset(os, "filename2", get_filename2, set_filename2);
    getset(
        os,
        "characters_written",
        get_characters_written,
        set_characters_written,
    );

    let se = &e.syntax_error;
    se.payload.slots.init.set(Some(syntax_error_init));
    se.payload.slots.str.set(Some(syntax_error_str));
    getset(se, "msg", get_msg, set_msg);
    getset(se, "filename", get_filename, set_filename);
    getset(se, "lineno", get_lineno, set_lineno);
    getset(se, "offset", get_offset, set_offset);
    getset(se, "text", get_text, set_text);
    getset(se, "end_lineno", get_end_lineno, set_end_lineno);
    getset(se, "end_offset", get_end_offset, set_end_offset);
    getset(se, "print_file_and_line", get_pfal, set_pfal);

    for ty in [
        &e.unicode_decode_error,
        &e.unicode_encode_error,
        &e.unicode_translate_error,
    ] {
        ty.payload.slots.init.set(Some(unicode_error_init));
        ty.payload.slots.str.set(Some(unicode_error_str));
        if !ty.is(&e.unicode_translate_error) {
            getset(ty, "encoding", get_encoding, set_encoding);
        }
        getset(ty, "object", get_object, set_object);
        getset(ty, "start", get_start, set_start);
        getset(ty, "end", get_end, set_end);
        getset(ty, "reason", get_reason, set_reason);
    }
}
