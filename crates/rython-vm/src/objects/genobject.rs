//! Generators, coroutines and async generators (CPython's
//! Objects/genobject.c). One layout for the three kinds: a suspended frame
//! owned by the object. Resuming moves the frame onto the eval loop's frame
//! stack; suspending moves it back, so a generator never recurses on the
//! Rust stack when driven from Python code.

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::codeobject::PyCodeRef;
use crate::objects::strobject::PyStrRef;
use crate::python::frame::Frame;
use crate::VM;

pub type PyGeneratorRef = PyRef<PyGenerator>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub struct PyGenerator {
    pub kind: GenKind,
    /// The suspended frame; `None` while running or once finished.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    pub finished: Cell<bool>,
    /// True once the frame has started (after the first `send`).
    pub started: Cell<bool>,
    pub code: PyCodeRef,
    pub name: RefCell<PyStrRef>,
    pub qualname: RefCell<PyStrRef>,
    /// The object a `yield from`/`await` is delegating to (`gi_yieldfrom`).
    pub yieldfrom: RefCell<Option<PyObjectRef>>,
    /// Async generators: hooks state and whether `aclose` ran.
    pub ag_running_async: Cell<bool>,
}

impl PyPayload for PyGenerator {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.generator_type
    }
}

/// `coroutine_wrapper`: what `coro.__await__()` returns.
pub struct PyCoroutineWrapper {
    pub coro: PyGeneratorRef,
}

impl PyPayload for PyCoroutineWrapper {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.coroutine_wrapper_type
    }
}

/// The awaitables returned by `agen.asend()`/`__anext__()` and `athrow()`.
pub struct PyAsyncGenASend {
    pub agen: PyGeneratorRef,
    pub value: RefCell<Option<PyObjectRef>>,
    /// 0 init, 1 iterating, 2 closed.
    pub state: Cell<u8>,
}

impl PyPayload for PyAsyncGenASend {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.async_gen_asend_type
    }
}

pub struct PyAsyncGenAThrow {
    pub agen: PyGeneratorRef,
    /// None for `aclose()`.
    pub args: Option<Vec<PyObjectRef>>,
    pub state: Cell<u8>,
}

impl PyPayload for PyAsyncGenAThrow {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.async_gen_athrow_type
    }
}

/// A value yielded by an async generator body (distinguishes `yield v`
/// from an `await` that suspends).
pub struct PyAsyncGenWrappedValue {
    pub value: PyObjectRef,
}

impl PyPayload for PyAsyncGenWrappedValue {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.async_gen_wrapped_value_type
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
