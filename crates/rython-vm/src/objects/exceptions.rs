//! The exception hierarchy (CPython's Objects/exceptions.c). Every
//! exception instance has the `PyBaseException` layout; subclass-specific
//! attributes (`StopIteration.value`, `OSError.errno`, `SyntaxError.lineno`,
//! `KeyError`...) live in the instance `__dict__`, set by `__init__`.

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::tupleobject::PyTupleRef;
use crate::VM;

pub type PyBaseExceptionRef = PyRef<PyBaseException>;

pub struct PyBaseException {
    pub args: RefCell<PyTupleRef>,
    pub traceback: RefCell<Option<PyObjectRef>>,
    pub cause: RefCell<Option<PyObjectRef>>,
    pub context: RefCell<Option<PyObjectRef>>,
    pub suppress_context: Cell<bool>,
}

impl PyPayload for PyBaseException {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.exc.base_exception
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
        }
    }
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

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
