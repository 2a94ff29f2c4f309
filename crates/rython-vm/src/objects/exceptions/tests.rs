//! Exceptions through the Rust API, compared with CPython 3.13's output.
//! Types are called the way `type.__call__` does (`tp_new`, then
//! `tp_init`), and attributes are read through the type's descriptors.

use super::*;
use crate::objects::descrobject::PyGetSetDescr;
use crate::objects::methodobject::PyMethodDescr;
use crate::objects::tupleobject::PyTuple;

pub(crate) fn vm() -> VM {
    VM::new(Default::default()).unwrap()
}

/// `cls(*args, **kwargs)`.
pub(crate) fn call_type(
    vm: &VM,
    cls: &PyTypeRef,
    args: Vec<PyObjectRef>,
    kwargs: Vec<(&str, PyObjectRef)>,
) -> PyResult {
    let mut all = args;
    let names: Vec<PyObjectRef> = kwargs.iter().map(|(k, _)| vm.new_str_obj(*k)).collect();
    all.extend(kwargs.into_iter().map(|(_, v)| v));
    let kwnames = if names.is_empty() {
        None
    } else {
        Some(vm.new_tuple(names))
    };
    let new = cls.payload.slots.new.get().expect("tp_new");
    let obj = new(vm, cls, &all, kwnames.as_ref())?;
    if obj.class().is_subtype(cls) {
        if let Some(init) = obj.class().payload.slots.init.get() {
            init(vm, &obj, &all, kwnames.as_ref())?;
        }
    }
    Ok(obj)
}

pub(crate) fn s(vm: &VM, v: &str) -> PyObjectRef {
    vm.new_str_obj(v)
}

/// `obj.name` through a getset of the type, else the instance dict.
pub(crate) fn attr(vm: &VM, obj: &PyObjectRef, name: &str) -> PyResult {
    if let Some(d) = obj.class().lookup_str(vm, name) {
        if let Some(g) = d.downcast_ref::<PyGetSetDescr>() {
            return (g.getter)(vm, obj);
        }
    }
    crate::python::abstract_::generic_getattr(vm, obj, &vm.intern(name))
}

pub(crate) fn set_attr(
    vm: &VM,
    obj: &PyObjectRef,
    name: &str,
    v: Option<PyObjectRef>,
) -> PyResult<()> {
    if let Some(d) = obj.class().lookup_str(vm, name) {
        if let Some(g) = d.downcast_ref::<PyGetSetDescr>() {
            return match g.setter {
                Some(set) => set(vm, obj, v),
                None => Err(vm.new_attribute_error("readonly", None, None)),
            };
        }
    }
    crate::python::abstract_::generic_setattr(vm, obj, &vm.intern(name), v)
}

/// `obj.name(*args)` for a native method.
pub(crate) fn meth(vm: &VM, obj: &PyObjectRef, name: &str, args: Vec<PyObjectRef>) -> PyResult {
    let d = obj.class().lookup_str(vm, name).expect("method exists");
    let m = d.downcast_ref::<PyMethodDescr>().expect("native method");
    let mut all = vec![obj.clone()];
    all.extend(args);
    (m.func)(vm, &all, None)
}

/// Whether `str()` of ints and None is available yet (numbers.rs and
/// noneobject.rs are written in parallel); assertions that format them
/// are skipped until then.
pub(crate) fn scalars_printable(vm: &VM) -> bool {
    vm.str_string(&vm.new_int(2)).unwrap() == "2" && vm.str_string(&vm.none()).unwrap() == "None"
}

pub(crate) fn st(vm: &VM, o: &PyObjectRef) -> String {
    vm.str_string(o).unwrap()
}
pub(crate) fn rp(vm: &VM, o: &PyObjectRef) -> String {
    vm.repr_string(o).unwrap()
}
pub(crate) fn err(vm: &VM, r: PyResult<impl Sized>) -> String {
    match r {
        Ok(_) => "no error".into(),
        Err(e) => format!(
            "{}: {}",
            e.as_object().class().name_string(),
            st(vm, e.as_object())
        ),
    }
}

#[test]
fn base_exception_str_and_repr() {
    let vm = vm();
    let ve = &vm.types.exc.value_error;
    let e = call_type(&vm, ve, vec![s(&vm, "x")], vec![]).unwrap();
    assert_eq!(st(&vm, &e), "x");
    let e = call_type(&vm, ve, vec![], vec![]).unwrap();
    assert_eq!(st(&vm, &e), "");
    assert_eq!(rp(&vm, &e), "ValueError()");
    let ke = call_type(&vm, &vm.types.exc.key_error, vec![], vec![]).unwrap();
    let nested = call_type(&vm, ve, vec![ke.clone()], vec![]).unwrap();
    assert_eq!(rp(&vm, &nested), "ValueError(KeyError())");
    assert_eq!(st(&vm, &ke), "");
    let r = call_type(
        &vm,
        &vm.types.exc.base_exception,
        vec![],
        vec![("a", s(&vm, "1"))],
    );
    assert_eq!(
        err(&vm, r),
        "TypeError: BaseException() takes no keyword arguments"
    );
}

#[test]
fn args_and_context_setters() {
    let vm = vm();
    let e = call_type(&vm, &vm.types.exc.value_error, vec![s(&vm, "x")], vec![]).unwrap();
    assert_eq!(
        err(&vm, set_attr(&vm, &e, "args", None)),
        "TypeError: args may not be deleted"
    );
    assert_eq!(
        err(&vm, set_attr(&vm, &e, "__cause__", Some(s(&vm, "c")))),
        "TypeError: exception cause must be None or derive from BaseException"
    );
    assert_eq!(
        err(&vm, set_attr(&vm, &e, "__context__", Some(s(&vm, "c")))),
        "TypeError: exception context must be None or derive from BaseException"
    );
    assert_eq!(
        err(&vm, set_attr(&vm, &e, "__traceback__", Some(s(&vm, "c")))),
        "TypeError: __traceback__ must be a traceback or None"
    );
    assert_eq!(
        err(
            &vm,
            set_attr(&vm, &e, "__suppress_context__", Some(s(&vm, "c")))
        ),
        "TypeError: attribute value type must be bool"
    );
    let cause = call_type(&vm, &vm.types.exc.key_error, vec![], vec![]).unwrap();
    set_attr(&vm, &e, "__cause__", Some(cause.clone())).unwrap();
    assert!(attr(&vm, &e, "__cause__").unwrap().is(&cause));
    assert!(attr(&vm, &e, "__suppress_context__")
        .unwrap()
        .is(&vm.ctx.true_obj));
    assert_eq!(
        err(&vm, meth(&vm, &e, "with_traceback", vec![s(&vm, "x")])),
        "TypeError: __traceback__ must be a traceback or None"
    );
    let r = meth(&vm, &e, "with_traceback", vec![vm.none()]).unwrap();
    assert!(r.is(&e));
}

#[test]
fn add_note() {
    let vm = vm();
    let e = call_type(&vm, &vm.types.exc.value_error, vec![], vec![]).unwrap();
    assert_eq!(
        err(&vm, meth(&vm, &e, "add_note", vec![vm.none()])),
        "TypeError: note must be a str, not 'NoneType'"
    );
    meth(&vm, &e, "add_note", vec![s(&vm, "n1")]).unwrap();
    meth(&vm, &e, "add_note", vec![s(&vm, "n2")]).unwrap();
    let notes = attr(&vm, &e, "__notes__").unwrap();
    let l = notes
        .downcast_ref::<crate::objects::listobject::PyList>()
        .unwrap();
    assert_eq!(l.len(), 2);
    set_attr(&vm, &e, "__notes__", Some(vm.new_tuple_obj(vec![]))).unwrap();
    assert_eq!(
        err(&vm, meth(&vm, &e, "add_note", vec![s(&vm, "x")])),
        "TypeError: Cannot add note: __notes__ is not a list"
    );
}

#[test]
fn stop_iteration_and_system_exit() {
    let vm = vm();
    let e = call_type(
        &vm,
        &vm.types.exc.stop_iteration,
        vec![s(&vm, "v"), s(&vm, "w")],
        vec![],
    )
    .unwrap();
    assert_eq!(st(&vm, &attr(&vm, &e, "value").unwrap()), "v");
    let e = call_type(&vm, &vm.types.exc.stop_iteration, vec![], vec![]).unwrap();
    assert!(vm.is_none(&attr(&vm, &e, "value").unwrap()));
    // Made natively, without __init__.
    let e = vm.new_exception(&vm.types.exc.stop_iteration, vec![s(&vm, "q")]);
    assert_eq!(st(&vm, &attr(&vm, e.as_object(), "value").unwrap()), "q");
    let e = vm.new_stop_iteration(Some(s(&vm, "z")));
    assert_eq!(st(&vm, &attr(&vm, e.as_object(), "value").unwrap()), "z");
    let d = attr(&vm, e.as_object(), "__dict__").unwrap();
    assert_eq!(d.downcast_ref::<PyDict>().unwrap().len(), 0);
    let e = call_type(
        &vm,
        &vm.types.exc.system_exit,
        vec![s(&vm, "a"), s(&vm, "b")],
        vec![],
    )
    .unwrap();
    let code = attr(&vm, &e, "code").unwrap();
    assert_eq!(code.downcast_ref::<PyTuple>().unwrap().len(), 2);
    let e = call_type(&vm, &vm.types.exc.system_exit, vec![], vec![]).unwrap();
    assert!(vm.is_none(&attr(&vm, &e, "code").unwrap()));
}

#[test]
fn import_attribute_name_errors() {
    let vm = vm();
    let ie = &vm.types.exc.import_error;
    let e = call_type(
        &vm,
        ie,
        vec![s(&vm, "boom")],
        vec![("name", s(&vm, "n")), ("path", s(&vm, "p"))],
    )
    .unwrap();
    assert_eq!(st(&vm, &e), "boom");
    assert_eq!(st(&vm, &attr(&vm, &e, "name").unwrap()), "n");
    assert_eq!(st(&vm, &attr(&vm, &e, "path").unwrap()), "p");
    assert_eq!(st(&vm, &attr(&vm, &e, "msg").unwrap()), "boom");
    let red = meth(&vm, &e, "__reduce__", vec![]).unwrap();
    assert_eq!(red.downcast_ref::<PyTuple>().unwrap().len(), 3);
    assert_eq!(
        err(&vm, call_type(&vm, ie, vec![], vec![("x", s(&vm, "1"))])),
        "TypeError: ImportError() got an unexpected keyword argument 'x'"
    );
    let ae = &vm.types.exc.attribute_error;
    let e = call_type(
        &vm,
        ae,
        vec![s(&vm, "m")],
        vec![("name", s(&vm, "n")), ("obj", s(&vm, "o"))],
    )
    .unwrap();
    assert_eq!(st(&vm, &attr(&vm, &e, "obj").unwrap()), "o");
    assert_eq!(
        err(&vm, call_type(&vm, ae, vec![], vec![("x", s(&vm, "1"))])),
        "TypeError: AttributeError() got an unexpected keyword argument 'x'"
    );
    // errors.rs-made exceptions keep their attributes out of __dict__.
    let e = vm.new_no_attribute_error(&s(&vm, "x"), "foo");
    assert_eq!(st(&vm, &attr(&vm, e.as_object(), "name").unwrap()), "foo");
    let d = attr(&vm, e.as_object(), "__dict__").unwrap();
    assert_eq!(d.downcast_ref::<PyDict>().unwrap().len(), 0);
    let e = vm.new_name_error("spam");
    assert_eq!(st(&vm, &attr(&vm, e.as_object(), "name").unwrap()), "spam");
    let e = call_type(&vm, &vm.types.exc.name_error, vec![], vec![]).unwrap();
    assert!(vm.is_none(&attr(&vm, &e, "name").unwrap()));
}

#[test]
fn key_error_str_is_repr_of_key() {
    let vm = vm();
    let inner = call_type(&vm, &vm.types.exc.value_error, vec![], vec![]).unwrap();
    let e = call_type(&vm, &vm.types.exc.key_error, vec![inner], vec![]).unwrap();
    assert_eq!(st(&vm, &e), "ValueError()");
}

#[test]
fn oserror_errno_mapping_and_str() {
    let vm = vm();
    let os = &vm.types.exc.os_error;
    let e = call_type(
        &vm,
        os,
        vec![vm.new_int(2), s(&vm, "No such file or directory")],
        vec![],
    )
    .unwrap();
    assert_eq!(e.class().name_string(), "FileNotFoundError");
    if scalars_printable(&vm) {
        assert_eq!(st(&vm, &e), "[Errno 2] No such file or directory");
    }
    let e = call_type(
        &vm,
        os,
        vec![
            vm.new_int(2),
            s(&vm, "x"),
            s(&vm, "f"),
            vm.none(),
            s(&vm, "g"),
        ],
        vec![],
    )
    .unwrap();
    assert_eq!(
        e.downcast_ref::<PyBaseException>()
            .unwrap()
            .args_vec()
            .len(),
        2
    );
    assert_eq!(st(&vm, &attr(&vm, &e, "filename2").unwrap()), "g");
    let e = call_type(&vm, os, vec![vm.new_int(2)], vec![]).unwrap();
    assert_eq!(e.class().name_string(), "OSError");
    assert!(vm.is_none(&attr(&vm, &e, "errno").unwrap()));
    let e = call_type(&vm, os, vec![vm.new_int(13), s(&vm, "x")], vec![]).unwrap();
    assert_eq!(e.class().name_string(), "PermissionError");
    assert_eq!(
        err(&vm, call_type(&vm, os, vec![], vec![("a", s(&vm, "1"))])),
        "TypeError: OSError() takes no keyword arguments"
    );
    let b = call_type(
        &vm,
        &vm.types.exc.blocking_io_error,
        vec![vm.new_int(11), s(&vm, "x"), vm.new_int(5)],
        vec![],
    )
    .unwrap();
    assert!(attr(&vm, &b, "characters_written").is_ok());
    let b = call_type(
        &vm,
        &vm.types.exc.blocking_io_error,
        vec![vm.new_int(11), s(&vm, "x")],
        vec![],
    )
    .unwrap();
    assert_eq!(
        err(&vm, attr(&vm, &b, "characters_written")),
        "AttributeError: characters_written"
    );
    let e = new_os_error_errno(&vm, 21, "Is a directory", None);
    assert_eq!(e.as_object().class().name_string(), "IsADirectoryError");
    assert!(builtin_aliases(&vm)[1].1.is(os));
}

#[test]
fn syntax_error_fields_and_str() {
    let vm = vm();
    let se = &vm.types.exc.syntax_error;
    let info = vm.new_tuple_obj(vec![
        s(&vm, "a/b/x.py"),
        vm.new_int(1),
        vm.new_int(2),
        s(&vm, "t"),
    ]);
    let e = call_type(&vm, se, vec![s(&vm, "invalid syntax"), info], vec![]).unwrap();
    assert_eq!(st(&vm, &e), "invalid syntax (x.py, line 1)");
    assert_eq!(st(&vm, &attr(&vm, &e, "text").unwrap()), "t");
    assert!(vm.is_none(&attr(&vm, &e, "end_lineno").unwrap()));
    let info = vm.new_tuple_obj(vec![vm.none(), vm.new_int(1), vm.new_int(2), s(&vm, "t")]);
    let e = call_type(&vm, se, vec![s(&vm, "m"), info], vec![]).unwrap();
    assert_eq!(st(&vm, &e), "m (line 1)");
    let e = call_type(&vm, se, vec![], vec![]).unwrap();
    if scalars_printable(&vm) {
        assert_eq!(st(&vm, &e), "None");
    }
    let info = vm.new_tuple_obj(vec![vm.none(), vm.none()]);
    assert_eq!(
        err(&vm, call_type(&vm, se, vec![s(&vm, "m"), info], vec![])),
        "TypeError: function takes at least 4 arguments (2 given)"
    );
    let info = vm.new_tuple_obj(vec![vm.none(), vm.none(), vm.none(), vm.none(), vm.none()]);
    assert_eq!(
        err(&vm, call_type(&vm, se, vec![s(&vm, "m"), info], vec![])),
        "TypeError: end_offset must be provided when end_lineno is provided"
    );
}

#[test]
fn unicode_errors() {
    let vm = vm();
    let e = new_unicode_decode_error(&vm, "utf-8", b"\xff", 0, 1, "invalid start byte");
    assert_eq!(
        st(&vm, e.as_object()),
        "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
    );
    let e = new_unicode_decode_error(&vm, "utf-8", b"xy", 0, 2, "r");
    assert_eq!(
        st(&vm, e.as_object()),
        "'utf-8' codec can't decode bytes in position 0-1: r"
    );
    let e = new_unicode_encode_error(
        &vm,
        "ascii",
        s(&vm, "a\u{e9}c"),
        1,
        2,
        "ordinal not in range(128)",
    );
    assert_eq!(
        st(&vm, e.as_object()),
        "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)"
    );
    let e = new_unicode_encode_error(&vm, "a", s(&vm, "x\u{1234}"), 1, 2, "r");
    assert_eq!(
        st(&vm, e.as_object()),
        "'a' codec can't encode character '\\u1234' in position 1: r"
    );
    let e = new_unicode_translate_error(&vm, s(&vm, "xy"), 0, 1, "r");
    assert_eq!(
        st(&vm, e.as_object()),
        "can't translate character '\\x78' in position 0: r"
    );
    let ude = &vm.types.exc.unicode_decode_error;
    assert_eq!(
        err(&vm, call_type(&vm, ude, vec![vm.new_int(1)], vec![])),
        "TypeError: function takes exactly 5 arguments (1 given)"
    );
    let args = vec![
        s(&vm, "a"),
        vm.new_int(2),
        vm.new_int(3),
        vm.new_int(4),
        s(&vm, "r"),
    ];
    assert_eq!(
        err(&vm, call_type(&vm, ude, args, vec![])),
        "TypeError: a bytes-like object is required, not 'int'"
    );
    let args = vec![
        s(&vm, "a"),
        s(&vm, "b"),
        vm.new_int(3),
        vm.new_int(4),
        vm.new_int(5),
    ];
    assert_eq!(
        err(
            &vm,
            call_type(&vm, &vm.types.exc.unicode_encode_error, args, vec![])
        ),
        "TypeError: argument 5 must be str, not int"
    );
    let e = call_type(&vm, &vm.types.exc.unicode_error, vec![s(&vm, "x")], vec![]).unwrap();
    assert_eq!(st(&vm, &e), "x");
}

#[test]
fn slots_are_inherited_by_static_subtypes() {
    let vm = vm();
    for ty in all_exception_types(&vm) {
        assert!(ty.payload.slots.new.get().is_some(), "{}", ty.name_string());
        assert!(ty.payload.slots.str.get().is_some(), "{}", ty.name_string());
    }
    // FileNotFoundError uses OSError's __str__.
    let e = call_type(
        &vm,
        &vm.types.exc.file_not_found_error,
        vec![vm.new_int(2), s(&vm, "x"), s(&vm, "f")],
        vec![],
    )
    .unwrap();
    assert_eq!(e.class().name_string(), "FileNotFoundError");
    assert!(attr(&vm, &e, "filename").is_ok());
}
