//! The interpreter state (CPython's PyInterpreterState + PyThreadState):
//! the builtin types, the singletons, interned strings, `sys.modules`,
//! the recursion limit and the exception being handled.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use crate::object::{make_immortal, PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::dictobject::{PyDict, PyDictRef};
use crate::objects::exceptions::ExceptionTypes;
use crate::objects::strobject::{PyStr, PyStrRef};
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::PyType;
use crate::python::pyhash::HashSecret;

/// Every builtin type object, created once at start-up.
pub struct Types {
    pub type_type: PyTypeRef,
    pub object_type: PyTypeRef,
    pub none_type: PyTypeRef,
    pub notimplemented_type: PyTypeRef,
    pub ellipsis_type: PyTypeRef,
    pub int_type: PyTypeRef,
    pub bool_type: PyTypeRef,
    pub float_type: PyTypeRef,
    pub complex_type: PyTypeRef,
    pub str_type: PyTypeRef,
    pub bytes_type: PyTypeRef,
    pub bytearray_type: PyTypeRef,
    pub list_type: PyTypeRef,
    pub tuple_type: PyTypeRef,
    pub dict_type: PyTypeRef,
    pub set_type: PyTypeRef,
    pub frozenset_type: PyTypeRef,
    pub range_type: PyTypeRef,
    pub slice_type: PyTypeRef,
    pub function_type: PyTypeRef,
    pub builtin_function_type: PyTypeRef,
    pub method_descriptor_type: PyTypeRef,
    pub classmethod_descriptor_type: PyTypeRef,
    pub wrapper_descriptor_type: PyTypeRef,
    pub method_wrapper_type: PyTypeRef,
    pub getset_descriptor_type: PyTypeRef,
    pub member_descriptor_type: PyTypeRef,
    pub bound_method_type: PyTypeRef,
    pub code_type: PyTypeRef,
    pub cell_type: PyTypeRef,
    pub module_type: PyTypeRef,
    pub frame_type: PyTypeRef,
    pub traceback_type: PyTypeRef,
    pub generator_type: PyTypeRef,
    pub coroutine_type: PyTypeRef,
    pub async_generator_type: PyTypeRef,
    pub coroutine_wrapper_type: PyTypeRef,
    pub async_gen_asend_type: PyTypeRef,
    pub async_gen_athrow_type: PyTypeRef,
    pub async_gen_wrapped_value_type: PyTypeRef,
    pub property_type: PyTypeRef,
    pub staticmethod_type: PyTypeRef,
    pub classmethod_type: PyTypeRef,
    pub super_type: PyTypeRef,
    pub mappingproxy_type: PyTypeRef,
    pub list_iterator_type: PyTypeRef,
    pub list_reverseiterator_type: PyTypeRef,
    pub tuple_iterator_type: PyTypeRef,
    pub range_iterator_type: PyTypeRef,
    pub str_iterator_type: PyTypeRef,
    pub bytes_iterator_type: PyTypeRef,
    pub bytearray_iterator_type: PyTypeRef,
    pub memoryview_type: PyTypeRef,
    pub memory_iterator_type: PyTypeRef,
    pub seq_iterator_type: PyTypeRef,
    pub callable_iterator_type: PyTypeRef,
    pub dict_keys_type: PyTypeRef,
    pub dict_values_type: PyTypeRef,
    pub dict_items_type: PyTypeRef,
    pub dict_keyiterator_type: PyTypeRef,
    pub dict_valueiterator_type: PyTypeRef,
    pub dict_itemiterator_type: PyTypeRef,
    pub set_iterator_type: PyTypeRef,
    pub enumerate_type: PyTypeRef,
    pub reversed_type: PyTypeRef,
    pub zip_type: PyTypeRef,
    pub map_type: PyTypeRef,
    pub filter_type: PyTypeRef,
    pub exception_group_type: PyTypeRef,
    pub exc: ExceptionTypes,
}

/// Singletons and caches (CPython's static objects and freelists).
pub struct Context {
    pub none: PyObjectRef,
    pub true_obj: PyObjectRef,
    pub false_obj: PyObjectRef,
    pub not_implemented: PyObjectRef,
    pub ellipsis: PyObjectRef,
    pub empty_tuple: PyTupleRef,
    pub empty_str: PyStrRef,
    pub ascii_chars: Vec<PyStrRef>,
    pub small_ints: Vec<PyObjectRef>,
    /// `int` and `float` for one-comparison exact-type tests.
    pub int_exact: crate::object::ExactType<crate::objects::longobject::PyInt>,
    pub float_exact: crate::object::ExactType<crate::objects::floatobject::PyFloat>,
    pub list_exact: crate::object::ExactType<crate::objects::listobject::PyList>,
    pub tuple_exact: crate::object::ExactType<crate::objects::tupleobject::PyTuple>,
    pub dict_exact: crate::object::ExactType<crate::objects::dictobject::PyDict>,
    pub str_exact: crate::object::ExactType<crate::objects::strobject::PyStr>,
}

pub struct VM {
    pub types: Types,
    pub ctx: Context,
    pub hash_secret: HashSecret,
    interned: RefCell<HashMap<Box<str>, PyStrRef>>,
    pub builtins: PyDictRef,
    pub sys_modules: PyDictRef,
    pub recursion_limit: Cell<usize>,
    /// Python frames currently executing (all eval-loop invocations).
    pub recursion_depth: Cell<usize>,
    /// The exception being handled (`sys.exception()`).
    pub handled_exception: RefCell<Option<PyObjectRef>>,
    pub int_max_str_digits: Cell<usize>,
    pub config: RefCell<crate::python::pylifecycle::Config>,
    pub state: crate::python::pylifecycle::RuntimeState,
}

/// Makes a builtin (static, immortal) type with layout `T`.
pub(crate) fn new_static_type<T: PyPayload>(
    type_type: &PyTypeRef,
    name: &str,
    base: Option<&PyTypeRef>,
    extra_flags: u32,
) -> PyTypeRef {
    let t = PyRef::new_exact(
        PyType::new_static::<T>(name, base, extra_flags),
        type_type.clone(),
    );
    make_immortal(t.as_object());
    t
}

impl VM {
    /// The interned str for `s` (`sys.intern`); attribute and global names
    /// are interned so dict lookups usually succeed on identity.
    pub fn intern(&self, s: &str) -> PyStrRef {
        if let Some(v) = self.interned.borrow().get(s) {
            return v.clone();
        }
        let v = PyRef::new_exact(PyStr::new(s), self.types.str_type.clone());
        make_immortal(v.as_object());
        self.interned.borrow_mut().insert(s.into(), v.clone());
        v
    }

    pub fn intern_str(&self, s: PyStrRef) -> PyStrRef {
        if let Some(v) = self.interned.borrow().get(s.payload.as_str()) {
            return v.clone();
        }
        if s.as_object()
            .class()
            .as_object()
            .is(self.types.str_type.as_object())
        {
            self.interned
                .borrow_mut()
                .insert(s.payload.as_str().into(), s.clone());
        }
        s
    }

    #[inline]
    pub fn none(&self) -> PyObjectRef {
        self.ctx.none.clone()
    }

    #[inline]
    pub fn is_none(&self, obj: &PyObjectRef) -> bool {
        obj.is(&self.ctx.none)
    }

    #[inline]
    pub fn not_implemented(&self) -> PyObjectRef {
        self.ctx.not_implemented.clone()
    }

    #[inline]
    pub fn is_not_implemented(&self, obj: &PyObjectRef) -> bool {
        obj.is(&self.ctx.not_implemented)
    }

    pub fn new_dict(&self) -> PyDictRef {
        PyRef::new_exact(PyDict::default(), self.types.dict_type.clone())
    }

    pub(crate) fn new_vm(
        types: Types,
        ctx: Context,
        hash_secret: HashSecret,
        interned: HashMap<Box<str>, PyStrRef>,
        config: crate::python::pylifecycle::Config,
    ) -> VM {
        let builtins = PyRef::new_exact(PyDict::default(), types.dict_type.clone());
        let sys_modules = PyRef::new_exact(PyDict::default(), types.dict_type.clone());
        VM {
            types,
            ctx,
            hash_secret,
            interned: RefCell::new(interned),
            builtins,
            sys_modules,
            recursion_limit: Cell::new(1000),
            recursion_depth: Cell::new(0),
            handled_exception: RefCell::new(None),
            int_max_str_digits: Cell::new(config.int_max_str_digits.unwrap_or(4300)),
            config: RefCell::new(config),
            state: Default::default(),
        }
    }
}
