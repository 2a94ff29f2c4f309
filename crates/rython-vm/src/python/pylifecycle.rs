//! Interpreter start-up (CPython's Python/pylifecycle.c `Py_Initialize`):
//! creates the builtin types, the singletons, `builtins` and `sys`.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::object::core::bootstrap_type;
use crate::object::{make_immortal, PyObjectRef, PyRef, PyTypeRef};
use crate::objects::baseobject::PyBaseObject;
use crate::objects::bytearrayobject::PyByteArray;
use crate::objects::bytesobject::PyBytes;
use crate::objects::cellobject::PyCell;
use crate::objects::classobject::PyBoundMethod;
use crate::objects::codeobject::PyCode;
use crate::objects::complexobject::PyComplex;
use crate::objects::descrobject::*;
use crate::objects::dictobject::PyDict;
use crate::objects::exceptions::{ExceptionTypes, PyBaseException};
use crate::objects::floatobject::PyFloat;
use crate::objects::frameobject::PyFrameObject;
use crate::objects::funcobject::PyFunction;
use crate::objects::genobject::*;
use crate::objects::iterobject::*;
use crate::objects::listobject::PyList;
use crate::objects::longobject::{PyInt, SMALL_INT_MAX, SMALL_INT_MIN};
use crate::objects::methodobject::{PyBuiltinFunction, PyMethodDescr};
use crate::objects::moduleobject::{PyModule, PyModuleRef};
use crate::objects::noneobject::*;
use crate::objects::rangeobject::PyRange;
use crate::objects::setobject::PySet;
use crate::objects::sliceobject::PySlice;
use crate::objects::strobject::{PyStr, PyStrRef};
use crate::objects::traceback::PyTraceback;
use crate::objects::tupleobject::PyTuple;
use crate::objects::typeobject::{flags, PyType};
use crate::python::pyhash::HashSecret;
use crate::vm::{new_static_type, Context, Types};
use crate::VM;

/// Start-up configuration (CPython's PyConfig), filled by the command line.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub argv: Vec<String>,
    pub executable: String,
    /// `sys.path` entries before the standard ones.
    pub path: Vec<String>,
    pub ignore_environment: bool,
    pub isolated: bool,
    pub safe_path: bool,
    pub unbuffered: bool,
    pub inspect: bool,
    pub interactive: bool,
    pub optimize: u8,
    pub verbose: u8,
    pub quiet: bool,
    pub dont_write_bytecode: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub bytes_warning: u8,
    pub dev_mode: bool,
    pub warnoptions: Vec<String>,
    pub xoptions: Vec<String>,
    pub hash_seed: Option<u32>,
    /// `PYTHONIOENCODING`: the encoding and errors of stdin/stdout (and
    /// the encoding of stderr).
    pub stdio_encoding: Option<String>,
    pub stdio_errors: Option<String>,
    /// Standard descriptors 0-2 closed when the process started: their
    /// `sys` streams are None.
    pub closed_std_fds: [bool; 3],
    /// `-X int_max_str_digits` / `PYTHONINTMAXSTRDIGITS`.
    pub int_max_str_digits: Option<usize>,
}

/// Mutable runtime state that is not per-frame.
/// What a frame-inspecting builtin needs from the calling frame.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FrameUse {
    /// The frame's globals only (`type(name, bases, dict)`'s `__module__`).
    Globals,
    /// A snapshot of the locals too (`locals()`, `vars()`, `dir()`, `eval`).
    Locals,
    /// The first argument and `__class__` cell (`super()`).
    Super,
    /// Locals and the `f_back` chain (`sys._getframe`).
    Stack,
}

/// The builtins that need the calling frame (`FrameUse`), by object id.
/// Every native call asks, so a 256-bit filter answers "no" for almost all
/// of them before the list is searched.
#[derive(Default)]
pub struct FrameBuiltins {
    filter: std::cell::Cell<[u64; 4]>,
    list: RefCell<Vec<(usize, FrameUse)>>,
}

impl FrameBuiltins {
    fn bit(id: usize) -> usize {
        ((id >> 4) ^ (id >> 12)) & 255
    }

    pub fn register(&self, id: usize, what: FrameUse) {
        let b = Self::bit(id);
        let mut f = self.filter.get();
        f[b >> 6] |= 1 << (b & 63);
        self.filter.set(f);
        self.list.borrow_mut().push((id, what));
    }

    /// What the callable with this id needs from the caller's frame.
    #[inline]
    pub fn lookup(&self, id: usize) -> Option<FrameUse> {
        let b = Self::bit(id);
        if self.filter.get()[b >> 6] & (1 << (b & 63)) == 0 {
            return None;
        }
        self.find(id)
    }

    #[inline(never)]
    fn find(&self, id: usize) -> Option<FrameUse> {
        self.list
            .borrow()
            .iter()
            .find(|(b, _)| *b == id)
            .map(|(_, u)| *u)
    }
}

#[derive(Default)]
pub struct RuntimeState {
    /// Modules whose code is running (CPython's `__spec__._initializing`),
    /// for the circular-import hint of `from m import name`.
    pub initializing_modules: RefCell<Vec<PyObjectRef>>,
    pub sys_module: RefCell<Option<PyModuleRef>>,
    pub builtins_module: RefCell<Option<PyModuleRef>>,
    /// The builtin `__import__`, to detect a user replacement.
    pub original_import: RefCell<Option<PyObjectRef>>,
    pub original_excepthook: RefCell<Option<PyObjectRef>>,
    pub stdstream_type: std::cell::OnceCell<PyTypeRef>,
    pub namespace_type: RefCell<Option<PyObjectRef>>,
    /// The frame of the Python code calling a frame-inspecting builtin
    /// (`globals()`, `locals()`, `super()`...), set around that call.
    pub current_frame: RefCell<Option<crate::objects::frameobject::PyFrameRef>>,
    /// The first argument and `__class__` cell of that frame, for `super()`.
    pub current_frame_super: RefCell<Option<(PyObjectRef, PyObjectRef)>>,
    /// The builtins that need `current_frame`, by id, and what of it.
    pub frame_builtins: FrameBuiltins,
    /// Warnings issued by native code while Python code runs, each with
    /// where it was issued (`VM::warn`); the eval loop hands them to the
    /// `warnings` machinery as soon as the native call returns to it.
    pub pending_warnings: RefCell<Vec<crate::python::errors::PendingWarning>>,
    /// Set while `pending_warnings` is not empty: the one flag the eval loop
    /// tests after a native call.
    pub warn_pending: std::cell::Cell<bool>,
    /// Functions registered with `atexit`, run at shutdown.
    pub atexit_callbacks: RefCell<Vec<Option<crate::modules::atexitmodule::ExitFunc>>>,
    /// The Python-level signal handlers by signal number (`None`: a handler
    /// not installed by Python), filled when `_signal` is first imported.
    pub signal_handlers: RefCell<Vec<Option<PyObjectRef>>>,
    /// `gc.set_debug()` flags.
    pub gc_debug: std::cell::Cell<i64>,
    /// Address of the interpreter thread's stack base and its size, for the
    /// Rust stack guard.
    pub stack_base: std::cell::Cell<usize>,
    pub stack_size: std::cell::Cell<usize>,
}

fn create_types() -> Types {
    let type_type = bootstrap_type(PyType::new_static::<PyType>(
        "type",
        None,
        flags::BASETYPE | flags::TYPE_SUBCLASS,
    ));
    let object_type = new_static_type::<PyBaseObject>(&type_type, "object", None, flags::BASETYPE);
    *type_type.payload.base.borrow_mut() = Some(object_type.clone());
    *type_type.payload.bases.borrow_mut() = vec![object_type.clone()];
    *type_type.payload.mro.borrow_mut() = vec![object_type.clone()];

    let tt = &type_type;
    let obj = Some(&object_type);
    macro_rules! ty {
        ($t:ty, $name:literal) => {
            new_static_type::<$t>(tt, $name, obj, 0)
        };
        ($t:ty, $name:literal, $flags:expr) => {
            new_static_type::<$t>(tt, $name, obj, $flags)
        };
    }
    let base = flags::BASETYPE;
    let int_type = ty!(PyInt, "int", base | flags::LONG_SUBCLASS);
    let bool_type = new_static_type::<PyInt>(tt, "bool", Some(&int_type), flags::LONG_SUBCLASS);
    let base_exception = new_static_type::<PyBaseException>(
        tt,
        "BaseException",
        obj,
        base | flags::BASE_EXC_SUBCLASS | flags::INSTANCE_EXT | flags::HAS_DICT,
    );
    let exc = ExceptionTypes::create(base_exception, |name, b| {
        new_static_type::<PyBaseException>(
            tt,
            name,
            Some(b),
            base | flags::BASE_EXC_SUBCLASS | flags::INSTANCE_EXT | flags::HAS_DICT,
        )
    });
    let exception_group_type = new_static_type::<PyBaseException>(
        tt,
        "ExceptionGroup",
        Some(&exc.base_exception_group),
        base | flags::BASE_EXC_SUBCLASS | flags::INSTANCE_EXT | flags::HAS_DICT,
    );
    {
        // ExceptionGroup(BaseExceptionGroup, Exception)
        *exception_group_type.payload.bases.borrow_mut() =
            vec![exc.base_exception_group.clone(), exc.exception.clone()];
        *exception_group_type.payload.mro.borrow_mut() = vec![
            exc.base_exception_group.clone(),
            exc.exception.clone(),
            exc.base_exception.clone(),
            object_type.clone(),
        ];
    }
    Types {
        none_type: ty!(PyNone, "NoneType"),
        notimplemented_type: ty!(PyNotImplemented, "NotImplementedType"),
        ellipsis_type: ty!(PyEllipsis, "ellipsis"),
        float_type: ty!(PyFloat, "float", base),
        complex_type: ty!(PyComplex, "complex", base),
        str_type: ty!(PyStr, "str", base | flags::STR_SUBCLASS),
        bytes_type: ty!(PyBytes, "bytes", base),
        bytearray_type: ty!(PyByteArray, "bytearray", base),
        list_type: ty!(PyList, "list", base | flags::SEQUENCE),
        tuple_type: ty!(
            PyTuple,
            "tuple",
            base | flags::TUPLE_SUBCLASS | flags::SEQUENCE
        ),
        dict_type: ty!(PyDict, "dict", base | flags::MAPPING),
        set_type: ty!(PySet, "set", base),
        frozenset_type: ty!(PySet, "frozenset", base),
        range_type: ty!(PyRange, "range", flags::SEQUENCE),
        slice_type: ty!(PySlice, "slice"),
        function_type: ty!(PyFunction, "function"),
        builtin_function_type: ty!(PyBuiltinFunction, "builtin_function_or_method"),
        method_descriptor_type: ty!(PyMethodDescr, "method_descriptor"),
        classmethod_descriptor_type: ty!(PyMethodDescr, "classmethod_descriptor"),
        wrapper_descriptor_type: ty!(PyMethodDescr, "wrapper_descriptor"),
        method_wrapper_type: ty!(PyBuiltinFunction, "method-wrapper"),
        getset_descriptor_type: ty!(PyGetSetDescr, "getset_descriptor"),
        member_descriptor_type: ty!(PyMemberDescr, "member_descriptor"),
        bound_method_type: ty!(PyBoundMethod, "method"),
        code_type: ty!(PyCode, "code"),
        cell_type: ty!(PyCell, "cell"),
        module_type: ty!(PyModule, "module", base),
        frame_type: ty!(PyFrameObject, "frame"),
        traceback_type: ty!(PyTraceback, "traceback"),
        generator_type: ty!(PyGenerator, "generator"),
        coroutine_type: ty!(PyGenerator, "coroutine"),
        async_generator_type: ty!(PyGenerator, "async_generator"),
        coroutine_wrapper_type: ty!(PyCoroutineWrapper, "coroutine_wrapper"),
        async_gen_asend_type: ty!(PyAsyncGenASend, "async_generator_asend"),
        async_gen_athrow_type: ty!(PyAsyncGenAThrow, "async_generator_athrow"),
        async_gen_wrapped_value_type: ty!(PyAsyncGenWrappedValue, "async_generator_wrapped_value"),
        property_type: ty!(PyProperty, "property", base),
        staticmethod_type: ty!(
            PyStaticMethod,
            "staticmethod",
            base | flags::INSTANCE_EXT | flags::HAS_DICT
        ),
        classmethod_type: ty!(
            PyClassMethod,
            "classmethod",
            base | flags::INSTANCE_EXT | flags::HAS_DICT
        ),
        super_type: ty!(PySuper, "super", base),
        mappingproxy_type: ty!(PyMappingProxy, "mappingproxy"),
        list_iterator_type: ty!(PyListIterator, "list_iterator"),
        list_reverseiterator_type: ty!(PyListReverseIterator, "list_reverseiterator"),
        tuple_iterator_type: ty!(PyTupleIterator, "tuple_iterator"),
        range_iterator_type: ty!(PyRangeIterator, "range_iterator"),
        str_iterator_type: ty!(PyStrIterator, "str_ascii_iterator"),
        bytes_iterator_type: ty!(PyBytesIterator, "bytes_iterator"),
        bytearray_iterator_type: ty!(PyBytesIterator, "bytearray_iterator"),
        memoryview_type: ty!(crate::objects::memoryobject::PyMemoryView, "memoryview"),
        memory_iterator_type: ty!(
            crate::objects::memoryobject::PyMemoryIterator,
            "memory_iterator"
        ),
        seq_iterator_type: ty!(PySeqIterator, "iterator"),
        callable_iterator_type: ty!(PyCallableIterator, "callable_iterator"),
        dict_keys_type: ty!(PyDictView, "dict_keys"),
        dict_values_type: ty!(PyDictView, "dict_values"),
        dict_items_type: ty!(PyDictView, "dict_items"),
        dict_keyiterator_type: ty!(PyDictIterator, "dict_keyiterator"),
        dict_valueiterator_type: ty!(PyDictIterator, "dict_valueiterator"),
        dict_itemiterator_type: ty!(PyDictIterator, "dict_itemiterator"),
        set_iterator_type: ty!(PySetIterator, "set_iterator"),
        enumerate_type: ty!(PyEnumerate, "enumerate", base),
        reversed_type: ty!(PyReversed, "reversed", base),
        zip_type: ty!(PyZip, "zip", base),
        map_type: ty!(PyMap, "map", base),
        filter_type: ty!(PyFilter, "filter", base),
        exception_group_type,
        exc,
        int_type,
        bool_type,
        type_type,
        object_type,
    }
}

fn create_context(types: &Types, interned: &mut HashMap<Box<str>, PyStrRef>) -> Context {
    fn immortal<T: crate::object::PyPayload>(payload: T, ty: &PyTypeRef) -> PyObjectRef {
        let o = PyRef::new_exact(payload, ty.clone()).into_object();
        make_immortal(&o);
        o
    }
    let small_ints = (SMALL_INT_MIN..=SMALL_INT_MAX)
        .map(|v| immortal(PyInt::Small(v), &types.int_type))
        .collect();
    let ascii_chars: Vec<PyStrRef> = (0u8..128)
        .map(|b| {
            let s = PyRef::new_exact(PyStr::new((b as char).to_string()), types.str_type.clone());
            make_immortal(s.as_object());
            interned.insert((b as char).to_string().into(), s.clone());
            s
        })
        .collect();
    let empty_str = PyRef::new_exact(PyStr::new(""), types.str_type.clone());
    make_immortal(empty_str.as_object());
    interned.insert("".into(), empty_str.clone());
    let empty_tuple = PyRef::new_exact(PyTuple::new(Vec::new()), types.tuple_type.clone());
    make_immortal(empty_tuple.as_object());
    Context {
        none: immortal(PyNone, &types.none_type),
        true_obj: immortal(PyInt::Small(1), &types.bool_type),
        false_obj: immortal(PyInt::Small(0), &types.bool_type),
        not_implemented: immortal(PyNotImplemented, &types.notimplemented_type),
        ellipsis: immortal(PyEllipsis, &types.ellipsis_type),
        empty_tuple,
        empty_str,
        ascii_chars,
        small_ints,
        int_exact: crate::object::ExactType::new(&types.int_type).expect("int's layout is PyInt"),
        float_exact: crate::object::ExactType::new(&types.float_type)
            .expect("float's layout is PyFloat"),
        list_exact: crate::object::ExactType::new(&types.list_type).expect("list's layout"),
        tuple_exact: crate::object::ExactType::new(&types.tuple_type).expect("tuple's layout"),
        dict_exact: crate::object::ExactType::new(&types.dict_type).expect("dict's layout"),
        str_exact: crate::object::ExactType::new(&types.str_type).expect("str's layout"),
    }
}

impl VM {
    /// `Py_InitializeFromConfig`: a ready interpreter with `builtins` and
    /// `sys` imported.
    pub fn new(config: Config) -> Result<VM, String> {
        let hash_secret = match config.hash_seed {
            Some(seed) => HashSecret::from_seed(crate::python::pyhash::HashSeed::Fixed(seed)),
            None => HashSecret::from_environment().map_err(|e| e.to_string())?,
        };
        let types = create_types();
        let mut interned = HashMap::new();
        let ctx = create_context(&types, &mut interned);
        let vm = VM::new_vm(types, ctx, hash_secret, interned, config);
        let ns_type = crate::vm::new_static_type::<PyBaseObject>(
            &vm.types.type_type,
            "SimpleNamespace",
            Some(&vm.types.object_type),
            flags::INSTANCE_EXT | flags::HAS_DICT,
        );
        *vm.state.namespace_type.borrow_mut() = Some(ns_type.into_object());
        crate::python::init_types::init_all(&vm);
        crate::python::bltinmodule::init(&vm);
        crate::modules::sysmodule::init(&vm);
        Ok(vm)
    }
}
