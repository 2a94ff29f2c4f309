//! Generators, coroutines and async generators (CPython's
//! Objects/genobject.c). One layout for the three kinds: a suspended frame
//! owned by the object. Resuming moves the frame onto the eval loop's frame
//! stack; suspending moves it back, so a generator never recurses on the
//! Rust stack when driven from Python code.

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::codeobject::PyCodeRef;
use crate::objects::exceptions::PyBaseExceptionRef;
use crate::objects::strobject::PyStrRef;
use crate::python::frame::Frame;
use crate::PyResult;
use crate::VM;

pub type PyGeneratorRef = PyRef<PyGenerator>;

macro_rules! payload {
    ($t:ident, $field:ident) => {
        impl PyPayload for $t {
            fn class(vm: &VM) -> &PyTypeRef {
                &vm.types.$field
            }
        }
    };
}

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

    const GC: bool = true;

    /// The suspended frame's references (none while it runs: the frame is
    /// then on the eval loop's stack). No `clear`: a generator in a garbage
    /// cycle is freed once the cycle's other objects are cleared, and its
    /// `Drop` then closes it, running its `finally` blocks.
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(f) = self.frame.try_borrow() {
            if let Some(f) = f.as_deref() {
                f.traverse(visit);
            }
        }
        if let Ok(y) = self.yieldfrom.try_borrow() {
            y.iter().for_each(visit);
        }
    }
}

/// `coroutine_wrapper`: what `coro.__await__()` returns.
pub struct PyCoroutineWrapper {
    pub coro: PyGeneratorRef,
}

payload!(PyCoroutineWrapper, coroutine_wrapper_type);

/// The awaitables returned by `agen.asend()`/`__anext__()` and `athrow()`.
pub struct PyAsyncGenASend {
    pub agen: PyGeneratorRef,
    pub value: RefCell<Option<PyObjectRef>>,
    /// 0 init, 1 iterating, 2 closed.
    pub state: Cell<u8>,
}

payload!(PyAsyncGenASend, async_gen_asend_type);

pub struct PyAsyncGenAThrow {
    pub agen: PyGeneratorRef,
    /// None for `aclose()`.
    pub args: Option<Vec<PyObjectRef>>,
    pub state: Cell<u8>,
}

payload!(PyAsyncGenAThrow, async_gen_athrow_type);

/// A value yielded by an async generator body (distinguishes `yield v`
/// from an `await` that suspends).
pub struct PyAsyncGenWrappedValue {
    pub value: PyObjectRef,
}

payload!(PyAsyncGenWrappedValue, async_gen_wrapped_value_type);

/// The outcome of sending into a generator-like object.
pub enum SendResult {
    Yield(PyObjectRef),
    Return(PyObjectRef),
}

fn gen_type(vm: &VM, kind: GenKind) -> PyTypeRef {
    match kind {
        GenKind::Generator => vm.types.generator_type.clone(),
        GenKind::Coroutine => vm.types.coroutine_type.clone(),
        GenKind::AsyncGenerator => vm.types.async_generator_type.clone(),
    }
}

/// `RETURN_GENERATOR`: wraps the frame that just started into a generator,
/// coroutine or async generator object.
pub fn new_generator(vm: &VM, mut frame: Box<Frame>) -> PyObjectRef {
    use rython_compiler::code::flags as co;
    let code = frame.code.clone();
    let flags = code.payload.flags();
    let kind = if flags & co::COROUTINE != 0 {
        GenKind::Coroutine
    } else if flags & co::ASYNC_GENERATOR != 0 {
        GenKind::AsyncGenerator
    } else {
        GenKind::Generator
    };
    frame.is_generator = true;
    let name = match &frame.func {
        Some(f) => f.payload.name.borrow().clone(),
        None => code.payload.name.clone(),
    };
    let qualname = match &frame.func {
        Some(f) => f.payload.qualname.borrow().clone(),
        None => code.payload.qualname.clone(),
    };
    let g = PyGenerator {
        kind,
        frame: RefCell::new(Some(frame)),
        running: Cell::new(false),
        finished: Cell::new(false),
        started: Cell::new(false),
        code,
        name: RefCell::new(name),
        qualname: RefCell::new(qualname),
        yieldfrom: RefCell::new(None),
        ag_running_async: Cell::new(false),
    };
    PyRef::new_exact(g, gen_type(vm, kind)).into_object()
}

impl PyGenerator {
    fn kind_name(&self) -> &'static str {
        match self.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }

    /// The object a suspended `yield from`/`await` delegates to: the top of
    /// the frame's stack when it stopped at `YIELD_VALUE` with oparg 1.
    pub fn yield_from_target(&self) -> Option<PyObjectRef> {
        let f = self.frame.borrow();
        let f = f.as_ref()?;
        let code = &f.code.payload.code.code;
        let last = f.lasti;
        if code.get(2 * last) == Some(&(rython_compiler::Opcode::YieldValue as u8))
            && code.get(2 * last + 1).copied().unwrap_or(0) >= 1
        {
            return f.values.last().cloned().flatten();
        }
        None
    }
}

/// Starts resuming a plain generator inside the caller's eval loop: takes
/// its frame and switches to its exception state, as `gen_send_ex` does
/// before entering the frame. `None` when it cannot run inline (running,
/// finished, not a plain generator).
pub fn enter_inline(
    vm: &VM,
    gen: &PyObjectRef,
    exit_pc: usize,
    sent: Option<&PyObjectRef>,
) -> Option<Box<Frame>> {
    let g = if sent.is_some() {
        gen.downcast_exact::<PyGenerator>(&vm.types.generator_type)
            .or_else(|| gen.downcast_exact::<PyGenerator>(&vm.types.coroutine_type))?
    } else {
        gen.downcast_exact::<PyGenerator>(&vm.types.generator_type)?
    };
    if g.running.get() || g.frame.borrow().is_none() {
        return None;
    }
    let value = match sent {
        // A just-started generator only accepts None (the general path
        // raises the TypeError).
        Some(v) if !g.started.get() && !vm.is_none(v) => return None,
        Some(v) => v.clone(),
        None => vm.none(),
    };
    let mut frame = g.frame.borrow_mut().take()?;
    g.started.set(true);
    frame.values.push(Some(value));
    let caller_exc = vm.handled_exception.borrow().clone();
    if let Some(saved) = frame.saved_exception.take() {
        *vm.handled_exception.borrow_mut() = Some(saved);
    }
    g.running.set(true);
    frame.inline_gen = Some(crate::python::frame::InlineGen {
        gen: gen.clone().downcast::<PyGenerator>().ok()?,
        caller_exc,
        exit_pc,
        by_send: sent.is_some(),
    });
    Some(frame)
}

/// An inline generator frame yielded: it goes back into its generator.
pub fn leave_inline_yield(vm: &VM, mut frame: Box<Frame>, ig: crate::python::frame::InlineGen) {
    let now = vm.handled_exception.replace(ig.caller_exc.clone());
    frame.saved_exception = match (&now, &ig.caller_exc) {
        (Some(a), Some(b)) if a.is(b) => None,
        (a, _) => a.clone(),
    };
    ig.gen.payload.running.set(false);
    *ig.gen.payload.frame.borrow_mut() = Some(frame);
}

/// An inline generator frame returned or raised: the generator is done.
pub fn leave_inline_finished(vm: &VM, ig: &crate::python::frame::InlineGen) {
    vm.handled_exception.replace(ig.caller_exc.clone());
    ig.gen.payload.running.set(false);
    ig.gen.payload.finished.set(true);
}

/// Resumes `gen` with `value` (or raises `exc` at its suspension point).
pub fn gen_send_ex(
    vm: &VM,
    gen: &PyRef<PyGenerator>,
    value: Option<PyObjectRef>,
    exc: Option<PyBaseExceptionRef>,
) -> PyResult<SendResult> {
    let g = &gen.payload;
    if g.running.get() {
        return Err(vm.new_value_error(format!("{} already executing", g.kind_name())));
    }
    let frame = g.frame.borrow_mut().take();
    let Some(mut frame) = frame else {
        if let Some(e) = exc {
            return Err(e);
        }
        if g.kind == GenKind::Coroutine {
            return Err(vm.new_runtime_error("cannot reuse already awaited coroutine"));
        }
        return Ok(SendResult::Return(vm.none()));
    };
    if !g.started.get() {
        if let Some(v) = &value {
            if !vm.is_none(v) && exc.is_none() {
                *g.frame.borrow_mut() = Some(frame);
                let what = match g.kind {
                    GenKind::Generator => "generator",
                    GenKind::Coroutine => "coroutine",
                    GenKind::AsyncGenerator => "async generator",
                };
                return Err(vm.new_type_error(format!(
                    "can't send non-None value to a just-started {what}"
                )));
            }
        }
    }
    g.started.set(true);
    if exc.is_none() {
        frame.values.push(Some(value.unwrap_or_else(|| vm.none())));
    }
    // Swap in the generator's own "exception being handled".
    let caller_exc = vm.handled_exception.borrow().clone();
    if let Some(saved) = frame.saved_exception.take() {
        *vm.handled_exception.borrow_mut() = Some(saved);
    }
    g.running.set(true);
    let r = vm.eval_frame(frame, exc);
    g.running.set(false);
    let now = vm.handled_exception.replace(caller_exc.clone());
    match r {
        Ok(crate::python::ceval::FrameExit::Yield(v, mut f)) => {
            f.saved_exception = match (&now, &caller_exc) {
                (Some(a), Some(b)) if a.is(b) => None,
                (a, _) => a.clone(),
            };
            *g.frame.borrow_mut() = Some(f);
            Ok(SendResult::Yield(v))
        }
        Ok(crate::python::ceval::FrameExit::Return(v)) => {
            g.finished.set(true);
            Ok(SendResult::Return(v))
        }
        Err(e) => {
            g.finished.set(true);
            Err(e)
        }
    }
}

/// `gen.send(v)` as Python sees it: a return becomes StopIteration.
pub fn gen_send(vm: &VM, gen: &PyRef<PyGenerator>, value: PyObjectRef) -> PyResult {
    match gen_send_ex(vm, gen, Some(value), None)? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(stop_for(vm, gen, v)),
    }
}

fn stop_for(vm: &VM, gen: &PyRef<PyGenerator>, v: PyObjectRef) -> PyBaseExceptionRef {
    if gen.payload.kind == GenKind::AsyncGenerator {
        return vm.new_exception_empty(&vm.types.exc.stop_async_iteration);
    }
    vm.new_stop_iteration(if vm.is_none(&v) { None } else { Some(v) })
}

/// `gen.throw(exc)`, delegating to a `yield from` target first.
pub fn gen_throw(
    vm: &VM,
    gen: &PyRef<PyGenerator>,
    exc: PyBaseExceptionRef,
) -> PyResult<SendResult> {
    if let Some(yf) = gen.payload.yield_from_target() {
        let is_gen_exit = exc
            .as_object()
            .class()
            .is_subtype(&vm.types.exc.generator_exit);
        let inner: PyResult<SendResult> = if is_gen_exit {
            match gen_close_iter(vm, &yf) {
                Ok(()) => Err(exc.clone()),
                Err(e) => Err(e),
            }
        } else if let Some(sub) = yf.clone().downcast::<PyGenerator>().ok() {
            gen.payload.running.set(true);
            let r = gen_throw(vm, &sub, exc.clone());
            gen.payload.running.set(false);
            r
        } else {
            match vm.get_attr_opt_str(&yf, "throw")? {
                None => Err(exc.clone()),
                Some(m) => {
                    gen.payload.running.set(true);
                    let r = vm.call1(&m, exc.clone().into_object());
                    gen.payload.running.set(false);
                    match r {
                        Ok(v) => Ok(SendResult::Yield(v)),
                        Err(e) => Err(e),
                    }
                }
            }
        };
        match inner {
            Ok(SendResult::Yield(v)) => return Ok(SendResult::Yield(v)),
            Ok(SendResult::Return(v)) => {
                // The delegate finished: resume the outer frame's SEND with
                // the result (raise StopIteration(v) into it; CLEANUP_THROW
                // turns that into the value).
                let stop = vm.new_stop_iteration(Some(v));
                return gen_send_ex(vm, gen, None, Some(stop));
            }
            Err(e) => return gen_send_ex(vm, gen, None, Some(e)),
        }
    }
    gen_send_ex(vm, gen, None, Some(exc))
}

fn gen_close_iter(vm: &VM, yf: &PyObjectRef) -> PyResult<()> {
    if let Some(g) = yf.clone().downcast::<PyGenerator>().ok() {
        return gen_close(vm, &g).map(|_| ());
    }
    if let Some(m) = vm.get_attr_opt_str(yf, "close")? {
        vm.call0(&m)?;
    }
    Ok(())
}

/// `gen.close()`: throws GeneratorExit; returns the generator's return
/// value if it returned (3.13).
pub fn gen_close(vm: &VM, gen: &PyRef<PyGenerator>) -> PyResult {
    if gen.payload.frame.borrow().is_none() || !gen.payload.started.get() {
        // Never started or already finished: just drop the frame.
        let f = gen.payload.frame.borrow_mut().take();
        drop(f);
        gen.payload.finished.set(true);
        return Ok(vm.none());
    }
    let exit = vm.new_exception_empty(&vm.types.exc.generator_exit);
    match gen_throw(vm, gen, exit) {
        Ok(SendResult::Yield(_)) => {
            let msg = match gen.payload.kind {
                GenKind::AsyncGenerator => "async generator ignored GeneratorExit",
                GenKind::Coroutine => "coroutine ignored GeneratorExit",
                GenKind::Generator => "generator ignored GeneratorExit",
            };
            Err(vm.new_runtime_error(msg))
        }
        Ok(SendResult::Return(v)) => Ok(v),
        Err(e) => {
            let c = e.as_object().class();
            if c.is_subtype(&vm.types.exc.generator_exit)
                || c.is_subtype(&vm.types.exc.stop_iteration)
            {
                Ok(vm.none())
            } else {
                Err(e)
            }
        }
    }
}

impl PyGenerator {
    /// Whether finalizing this generator means closing it (CPython's
    /// `_PyGen_Finalize`): suspended inside a `try`/`with` of its own.
    fn frame_needs_close(&self, f: &Frame) -> bool {
        self.kind != GenKind::AsyncGenerator
            && self.started.get()
            && !self.finished.get()
            && !self.running.get()
            && !resumes_at_depth1(f)
    }

    /// `frame_needs_close` for the generator's current frame.
    pub fn needs_close(&self) -> bool {
        match self.frame.try_borrow().as_deref() {
            Ok(Some(f)) => self.frame_needs_close(f),
            _ => false,
        }
    }
}

impl Drop for PyGenerator {
    fn drop(&mut self) {
        let Some(f) = self.frame.get_mut().take() else {
            return;
        };
        // CPython's `_PyGen_Finalize` closes a suspended generator so its
        // `finally`/`with` blocks run. That needs the VM, so the frame moves
        // into a fresh generator closed at the next finalizer checkpoint.
        // A yield outside any user try block (RESUME's depth-1 bit) needs
        // no close, as in CPython's `gen_close` shortcut.
        if !self.frame_needs_close(&f) {
            f.recycle();
            return;
        }
        let g = PyGenerator {
            kind: self.kind,
            frame: RefCell::new(Some(f)),
            running: Cell::new(false),
            finished: Cell::new(false),
            started: Cell::new(true),
            code: self.code.clone(),
            name: RefCell::new(self.name.get_mut().clone()),
            qualname: RefCell::new(self.qualname.get_mut().clone()),
            yieldfrom: RefCell::new(self.yieldfrom.get_mut().take()),
            ag_running_async: Cell::new(false),
        };
        let kind = self.kind;
        crate::object::finalize::defer_callback(Box::new(move |vm: &VM| {
            let g = PyRef::new_exact(g, gen_type(vm, kind));
            if let Err(e) = gen_close(vm, &g) {
                vm.write_unraisable(&e, Some(g.as_object()), "Exception ignored in");
            }
        }));
    }
}

/// True when the suspended frame resumes at a RESUME whose oparg says the
/// yield was only inside the compiler's StopIteration wrapper.
fn resumes_at_depth1(f: &Frame) -> bool {
    let bytes: &[u8] = &f.code.payload.code.code;
    match (bytes.get(2 * f.pc), bytes.get(2 * f.pc + 1)) {
        (Some(&op), Some(&arg)) => op == rython_compiler::Opcode::Resume as u8 && arg & 4 != 0,
        _ => false,
    }
}

fn as_gen(vm: &VM, obj: &PyObjectRef) -> PyResult<PyRef<PyGenerator>> {
    obj.clone().downcast::<PyGenerator>().map_err(|o| {
        vm.new_type_error(format!(
            "descriptor requires a generator, not '{}'",
            o.class().name_string()
        ))
    })
}

fn throw_args(vm: &VM, args: &[PyObjectRef]) -> PyResult<PyBaseExceptionRef> {
    let typ = args
        .first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("throw expected at least 1 argument, got 0"))?;
    let val = args.get(1).cloned().filter(|v| !vm.is_none(v));
    let tb = args.get(2).cloned().filter(|v| !vm.is_none(v));
    let exc = if typ.payload_is::<crate::objects::typeobject::PyType>() {
        match val {
            Some(v)
                if v.class().is_subtype(
                    &typ.clone()
                        .downcast::<crate::objects::typeobject::PyType>()
                        .ok()
                        .expect("type"),
                ) =>
            {
                vm.exception_instance(
                    v,
                    "exceptions must be classes or instances deriving from BaseException, not int",
                )?
            }
            Some(v) => {
                let args: Vec<PyObjectRef> =
                    match v.downcast_ref::<crate::objects::tupleobject::PyTuple>() {
                        Some(t) => t.as_slice().to_vec(),
                        None => vec![v],
                    };
                let inst = vm.call(&typ, &args, None)?;
                vm.exception_instance(inst, "exceptions must derive from BaseException")?
            }
            None => vm.exception_instance(
                typ,
                &"exceptions must be classes or instances deriving from BaseException, not type"
                    .to_string(),
            )?,
        }
    } else {
        if val.is_some() {
            return Err(vm.new_type_error("instance exception may not have a separate value"));
        }
        match typ
            .clone()
            .downcast::<crate::objects::exceptions::PyBaseException>()
        {
            Ok(e) => e,
            Err(o) => {
                return Err(vm.new_type_error(format!(
                    "exceptions must be classes or instances deriving from BaseException, not {}",
                    o.class().name_string()
                )))
            }
        }
    };
    if let Some(tb) = tb {
        *exc.payload.traceback.borrow_mut() = Some(tb);
    }
    Ok(exc)
}

fn gen_iternext(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let g = as_gen(vm, obj)?;
    match gen_send_ex(vm, &g, None, None)? {
        SendResult::Yield(v) => Ok(Some(v)),
        SendResult::Return(v) => {
            if vm.is_none(&v) {
                Ok(None)
            } else {
                Err(vm.new_stop_iteration(Some(v)))
            }
        }
    }
}

fn gen_iter(_vm: &VM, obj: &PyObjectRef) -> PyResult {
    Ok(obj.clone())
}

fn m_send(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let g = as_gen(vm, &args[0])?;
    let v = args.get(1).cloned().ok_or_else(|| {
        vm.new_type_error(format!(
            "{}.send() takes exactly one argument (0 given)",
            g.payload.kind.type_name()
        ))
    })?;
    gen_send(vm, &g, v)
}

fn m_throw(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let g = as_gen(vm, &args[0])?;
    let exc = throw_args(vm, &args[1..])?;
    match gen_throw(vm, &g, exc)? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(stop_for(vm, &g, v)),
    }
}

fn m_close(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let g = as_gen(vm, &args[0])?;
    gen_close(vm, &g)
}

fn m_next(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    match vm.next(&args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(None)),
    }
}

fn m_iter(
    _vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    Ok(args[0].clone())
}

fn gen_repr(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let g = as_gen(vm, obj)?;
    let kind = match g.payload.kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    Ok(vm.new_str_obj(format!(
        "<{} object {} at {:#x}>",
        kind,
        g.payload.qualname.borrow().payload.as_str(),
        obj.id()
    )))
}

impl GenKind {
    fn type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }
}

fn get_name(vm: &VM, obj: &PyObjectRef) -> PyResult {
    Ok(as_gen(vm, obj)?.payload.name.borrow().clone().into_object())
}
fn get_qualname(vm: &VM, obj: &PyObjectRef) -> PyResult {
    Ok(as_gen(vm, obj)?
        .payload
        .qualname
        .borrow()
        .clone()
        .into_object())
}
fn get_code(vm: &VM, obj: &PyObjectRef) -> PyResult {
    Ok(as_gen(vm, obj)?.payload.code.clone().into_object())
}
fn get_running(vm: &VM, obj: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(as_gen(vm, obj)?.payload.running.get()))
}
fn get_suspended(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let g = as_gen(vm, obj)?;
    Ok(vm.new_bool(
        g.payload.started.get() && !g.payload.running.get() && g.payload.frame.borrow().is_some(),
    ))
}
fn get_yieldfrom(vm: &VM, obj: &PyObjectRef) -> PyResult {
    Ok(as_gen(vm, obj)?
        .payload
        .yield_from_target()
        .unwrap_or_else(|| vm.none()))
}
fn get_frame(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let g = as_gen(vm, obj)?;
    let mut f = g.payload.frame.borrow_mut();
    match f.as_mut() {
        Some(frame) => {
            let fo = crate::objects::frameobject::frame_object(vm, frame);
            vm.snapshot_fast_locals(frame, &fo);
            Ok(fo.into_object())
        }
        None => Ok(vm.none()),
    }
}

/// `SEND`: delegate one step of `yield from`/`await` to `receiver`.
pub fn send_to(vm: &VM, receiver: &PyObjectRef, value: PyObjectRef) -> PyResult<SendResult> {
    if let Ok(g) = receiver.clone().downcast::<PyGenerator>() {
        if g.payload.kind != GenKind::AsyncGenerator {
            return gen_send_ex(vm, &g, Some(value), None);
        }
    }
    let iternext = receiver.class().payload.slots.iternext.get();
    // A class's own `__next__` is called directly: its StopIteration
    // carries the `yield from` result, which the slot wrapper would drop.
    let heap = receiver
        .class()
        .payload
        .has_flag(crate::objects::typeobject::flags::HEAPTYPE);
    let r = if heap && vm.is_none(&value) {
        vm.call_method(receiver, "__next__", &[])
    } else if let (true, Some(next)) = (vm.is_none(&value), iternext) {
        // The slot itself, not `vm.next`: a raised StopIteration carries the
        // awaitable's result (e.g. an async generator's `__anext__`).
        match next(vm, receiver) {
            Ok(Some(v)) => return Ok(SendResult::Yield(v)),
            Ok(None) => return Ok(SendResult::Return(vm.none())),
            Err(e) => Err(e),
        }
    } else {
        vm.call_method(receiver, "send", &[value])
    };
    match r {
        Ok(v) => Ok(SendResult::Yield(v)),
        Err(e)
            if e.as_object()
                .class()
                .is_subtype(&vm.types.exc.stop_iteration) =>
        {
            let v = vm
                .get_attr_str(e.as_object(), "value")
                .unwrap_or_else(|_| vm.none());
            Ok(SendResult::Return(v))
        }
        Err(e) => Err(e),
    }
}

impl VM {
    pub(crate) fn send_op(
        &self,
        receiver: &PyObjectRef,
        value: PyObjectRef,
    ) -> PyResult<SendResult> {
        send_to(self, receiver, value)
    }

    pub(crate) fn get_yield_from_iter(&self, v: &PyObjectRef, code_flags: u32) -> PyResult {
        use rython_compiler::code::flags as co;
        if let Some(g) = v.downcast_ref::<PyGenerator>() {
            if g.kind == GenKind::Coroutine {
                if code_flags & (co::COROUTINE | co::ITERABLE_COROUTINE) == 0 {
                    return Err(self.new_type_error(
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    ));
                }
                return Ok(v.clone());
            }
            if g.kind == GenKind::Generator {
                return Ok(v.clone());
            }
        }
        self.get_iter(v)
    }

    pub(crate) fn get_awaitable(&self, v: &PyObjectRef, where_: u32) -> PyResult {
        if let Some(g) = v.downcast_ref::<PyGenerator>() {
            let iterable_coro = g.kind == GenKind::Generator
                && g.code.payload.flags() & rython_compiler::code::flags::ITERABLE_COROUTINE != 0;
            if g.kind == GenKind::Coroutine || iterable_coro {
                if g.yield_from_target().is_some() {
                    return Err(self.new_runtime_error("coroutine is being awaited already"));
                }
                return Ok(v.clone());
            }
        }
        let Some(m) = self.lookup_special(v, "__await__")? else {
            let msg = match where_ {
                1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {}", v.class().name_string()),
                2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {}", v.class().name_string()),
                _ => format!("object {} can't be used in 'await' expression", v.class().name_string()),
            };
            return Err(self.new_type_error(msg));
        };
        let it = self.call0(&m)?;
        if let Some(g) = it.downcast_ref::<PyGenerator>() {
            if g.kind == GenKind::Coroutine {
                return Err(self.new_type_error("__await__() returned a coroutine"));
            }
        }
        if it.class().payload.slots.iternext.get().is_none() {
            return Err(self.new_type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                it.class().name_string()
            )));
        }
        Ok(it)
    }

    pub(crate) fn get_aiter(&self, v: &PyObjectRef) -> PyResult {
        let Some(m) = self.lookup_special(v, "__aiter__")? else {
            return Err(self.new_type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                v.class().name_string()
            )));
        };
        let it = self.call0(&m)?;
        if it.class().lookup_str(self, "__anext__").is_none() {
            return Err(self.new_type_error(format!("'async for' received an object from __aiter__ that does not implement __anext__: {}", it.class().name_string())));
        }
        Ok(it)
    }

    pub(crate) fn get_anext(&self, aiter: &PyObjectRef) -> PyResult {
        if let Ok(g) = aiter.clone().downcast::<PyGenerator>() {
            if g.payload.kind == GenKind::AsyncGenerator {
                return Ok(new_asend(self, g, None));
            }
        }
        let Some(m) = self.lookup_special(aiter, "__anext__")? else {
            return Err(self.new_type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                aiter.class().name_string()
            )));
        };
        let r = self.call0(&m)?;
        self.get_awaitable(&r, 0).map_err(|e| {
            if e.as_object().class().is(&self.types.exc.type_error) {
                self.new_type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    r.class().name_string()
                ))
            } else {
                e
            }
        })
    }
}

fn new_asend(vm: &VM, agen: PyRef<PyGenerator>, value: Option<PyObjectRef>) -> PyObjectRef {
    PyRef::new_exact(
        PyAsyncGenASend {
            agen,
            value: RefCell::new(value),
            state: Cell::new(0),
        },
        vm.types.async_gen_asend_type.clone(),
    )
    .into_object()
}

/// One step of an async generator on behalf of its `asend`/`athrow`
/// awaitable: a wrapped value means the generator yielded (the awaitable
/// completes with StopIteration(value)); a plain value is an `await`
/// suspension passed through to the event loop.
fn agen_unwrap(vm: &VM, agen: &PyGenerator, r: PyResult<SendResult>, state: &Cell<u8>) -> PyResult {
    // Still running unless suspended in an `await` (a plain value).
    let awaiting =
        matches!(&r, Ok(SendResult::Yield(v)) if !v.payload_is::<PyAsyncGenWrappedValue>());
    agen.ag_running_async.set(awaiting);
    match r {
        Ok(SendResult::Yield(v)) => {
            if let Some(w) = v.downcast_ref::<PyAsyncGenWrappedValue>() {
                state.set(2);
                return Err(vm.new_stop_iteration(Some(w.value.clone())));
            }
            Ok(v)
        }
        Ok(SendResult::Return(_)) => {
            state.set(2);
            Err(vm.new_exception_empty(&vm.types.exc.stop_async_iteration))
        }
        Err(e) => {
            state.set(2);
            Err(e)
        }
    }
}

fn asend_send(vm: &VM, obj: &PyObjectRef, value: PyObjectRef) -> PyResult {
    let a = obj
        .downcast_ref::<PyAsyncGenASend>()
        .ok_or_else(|| vm.new_type_error("expected async_generator_asend"))?;
    if a.state.get() == 2 {
        return Err(vm.new_runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let v = if a.state.get() == 0 {
        if a.agen.payload.ag_running_async.get() {
            a.state.set(2);
            return Err(vm.new_runtime_error("anext(): asynchronous generator is already running"));
        }
        a.state.set(1);
        a.agen.payload.ag_running_async.set(true);
        match a.value.borrow_mut().take() {
            Some(v) if vm.is_none(&value) => v,
            _ => value,
        }
    } else {
        value
    };
    let r = gen_send_ex(vm, &a.agen, Some(v), None);
    agen_unwrap(vm, &a.agen.payload, r, &a.state)
}

fn asend_iternext(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    match asend_send(vm, obj, vm.none()) {
        Ok(v) => Ok(Some(v)),
        Err(e) => Err(e),
    }
}

fn m_asend_send(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    asend_send(
        vm,
        &args[0],
        args.get(1).cloned().unwrap_or_else(|| vm.none()),
    )
}

fn m_asend_throw(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let exc = throw_args(vm, &args[1..])?;
    if let Some(a) = args[0].downcast_ref::<PyAsyncGenASend>() {
        let r = gen_throw(vm, &a.agen, exc);
        return agen_unwrap(vm, &a.agen.payload, r, &a.state);
    }
    if let Some(a) = args[0].downcast_ref::<PyAsyncGenAThrow>() {
        let r = gen_throw(vm, &a.agen, exc);
        return athrow_unwrap(vm, a, r);
    }
    Err(vm.new_type_error("bad awaitable"))
}

fn m_asend_close(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    if let Some(a) = args[0].downcast_ref::<PyAsyncGenASend>() {
        a.state.set(2);
    }
    if let Some(a) = args[0].downcast_ref::<PyAsyncGenAThrow>() {
        a.state.set(2);
    }
    Ok(vm.none())
}

fn athrow_unwrap(vm: &VM, a: &PyAsyncGenAThrow, r: PyResult<SendResult>) -> PyResult {
    let is_close = a.args.is_none();
    let awaiting =
        matches!(&r, Ok(SendResult::Yield(v)) if !v.payload_is::<PyAsyncGenWrappedValue>());
    a.agen.payload.ag_running_async.set(awaiting);
    match r {
        Ok(SendResult::Yield(v)) => {
            if v.payload_is::<PyAsyncGenWrappedValue>() {
                a.state.set(2);
                if is_close {
                    return Err(vm.new_runtime_error("async generator ignored GeneratorExit"));
                }
                let w = v.downcast_ref::<PyAsyncGenWrappedValue>().expect("wrapped");
                return Err(vm.new_stop_iteration(Some(w.value.clone())));
            }
            Ok(v)
        }
        Ok(SendResult::Return(_)) => {
            a.state.set(2);
            if is_close {
                Err(vm.new_stop_iteration(None))
            } else {
                Err(vm.new_exception_empty(&vm.types.exc.stop_async_iteration))
            }
        }
        Err(e) => {
            a.state.set(2);
            let c = e.as_object().class();
            if is_close
                && (c.is_subtype(&vm.types.exc.stop_async_iteration)
                    || c.is_subtype(&vm.types.exc.generator_exit))
            {
                return Err(vm.new_stop_iteration(None));
            }
            Err(e)
        }
    }
}

fn athrow_send(vm: &VM, obj: &PyObjectRef, value: PyObjectRef) -> PyResult {
    let a = obj
        .downcast_ref::<PyAsyncGenAThrow>()
        .ok_or_else(|| vm.new_type_error("expected async_generator_athrow"))?;
    match a.state.get() {
        2 => Err(vm.new_runtime_error("cannot reuse already awaited aclose()/athrow()")),
        0 => {
            if a.agen.payload.ag_running_async.get() {
                a.state.set(2);
                return Err(vm.new_runtime_error(if a.args.is_none() {
                    "aclose(): asynchronous generator is already running"
                } else {
                    "athrow(): asynchronous generator is already running"
                }));
            }
            a.state.set(1);
            if a.agen.payload.finished.get() || !a.agen.payload.started.get() && a.args.is_none() {
                a.state.set(2);
                a.agen.payload.finished.set(true);
                return Err(vm.new_stop_iteration(None));
            }
            let exc = match &a.args {
                None => vm.new_exception_empty(&vm.types.exc.generator_exit),
                Some(args) => throw_args(vm, args)?,
            };
            let r = gen_throw(vm, &a.agen, exc);
            athrow_unwrap(vm, a, r)
        }
        _ => {
            let r = gen_send_ex(vm, &a.agen, Some(value), None);
            athrow_unwrap(vm, a, r)
        }
    }
}

fn athrow_iternext(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    athrow_send(vm, obj, vm.none()).map(Some)
}

fn m_athrow_send(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    athrow_send(
        vm,
        &args[0],
        args.get(1).cloned().unwrap_or_else(|| vm.none()),
    )
}

fn m_anext(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let g = as_gen(vm, &args[0])?;
    Ok(new_asend(vm, g, None))
}

fn m_agen_asend(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let g = as_gen(vm, &args[0])?;
    Ok(new_asend(vm, g, args.get(1).cloned()))
}

fn m_agen_athrow(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let g = as_gen(vm, &args[0])?;
    Ok(PyRef::new_exact(
        PyAsyncGenAThrow {
            agen: g,
            args: Some(args[1..].to_vec()),
            state: Cell::new(0),
        },
        vm.types.async_gen_athrow_type.clone(),
    )
    .into_object())
}

fn m_agen_aclose(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let g = as_gen(vm, &args[0])?;
    Ok(PyRef::new_exact(
        PyAsyncGenAThrow {
            agen: g,
            args: None,
            state: Cell::new(0),
        },
        vm.types.async_gen_athrow_type.clone(),
    )
    .into_object())
}

fn m_await(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let g = as_gen(vm, &args[0])?;
    Ok(PyRef::new_exact(
        PyCoroutineWrapper { coro: g },
        vm.types.coroutine_wrapper_type.clone(),
    )
    .into_object())
}

fn wrapper_coro(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    obj.downcast_ref::<PyCoroutineWrapper>()
        .map(|w| w.coro.clone().into_object())
        .ok_or_else(|| vm.new_type_error("expected coroutine_wrapper"))
}

fn wrapper_iternext(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let c = wrapper_coro(vm, obj)?;
    gen_iternext(vm, &c)
}

fn m_wrapper_send(
    vm: &VM,
    args: &[PyObjectRef],
    kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let mut a = args.to_vec();
    a[0] = wrapper_coro(vm, &args[0])?;
    m_send(vm, &a, kw)
}

fn m_wrapper_throw(
    vm: &VM,
    args: &[PyObjectRef],
    kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let mut a = args.to_vec();
    a[0] = wrapper_coro(vm, &args[0])?;
    m_throw(vm, &a, kw)
}

fn m_wrapper_close(
    vm: &VM,
    args: &[PyObjectRef],
    kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let mut a = args.to_vec();
    a[0] = wrapper_coro(vm, &args[0])?;
    m_close(vm, &a, kw)
}

fn add_gen_attrs(vm: &VM, ty: &PyTypeRef, prefix: &str) {
    vm.add_getset(ty, "__name__", get_name, None);
    vm.add_getset(ty, "__qualname__", get_qualname, None);
    let (code, running, frame, suspended) = match prefix {
        "gi" => ("gi_code", "gi_running", "gi_frame", "gi_suspended"),
        "cr" => ("cr_code", "cr_running", "cr_frame", "cr_suspended"),
        _ => ("ag_code", "ag_running", "ag_frame", "ag_suspended"),
    };
    vm.add_getset(ty, code, get_code, None);
    vm.add_getset(ty, running, get_running, None);
    vm.add_getset(ty, frame, get_frame, None);
    vm.add_getset(ty, suspended, get_suspended, None);
    match prefix {
        "gi" => vm.add_getset(ty, "gi_yieldfrom", get_yieldfrom, None),
        "cr" => vm.add_getset(ty, "cr_await", get_yieldfrom, None),
        _ => vm.add_getset(ty, "ag_await", get_yieldfrom, None),
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &VM) {
    let t = &vm.types;
    for ty in [
        &t.generator_type,
        &t.coroutine_type,
        &t.async_generator_type,
    ] {
        ty.payload.slots.repr.set(Some(gen_repr));
    }
    let g = &t.generator_type;
    g.payload.slots.iter.set(Some(gen_iter));
    g.payload.slots.iternext.set(Some(gen_iternext));
    vm.add_method(g, "send", m_send);
    vm.add_method(g, "throw", m_throw);
    vm.add_method(g, "close", m_close);
    vm.add_method(g, "__next__", m_next);
    vm.add_method(g, "__iter__", m_iter);
    add_gen_attrs(vm, g, "gi");

    let c = &t.coroutine_type;
    vm.add_method(c, "send", m_send);
    vm.add_method(c, "throw", m_throw);
    vm.add_method(c, "close", m_close);
    vm.add_method(c, "__await__", m_await);
    add_gen_attrs(vm, c, "cr");

    let w = &t.coroutine_wrapper_type;
    w.payload.slots.iter.set(Some(gen_iter));
    w.payload.slots.iternext.set(Some(wrapper_iternext));
    vm.add_method(w, "send", m_wrapper_send);
    vm.add_method(w, "throw", m_wrapper_throw);
    vm.add_method(w, "close", m_wrapper_close);
    vm.add_method(w, "__next__", m_next);

    let a = &t.async_generator_type;
    vm.add_method(a, "__aiter__", m_iter);
    vm.add_method(a, "__anext__", m_anext);
    vm.add_method(a, "asend", m_agen_asend);
    vm.add_method(a, "athrow", m_agen_athrow);
    vm.add_method(a, "aclose", m_agen_aclose);
    add_gen_attrs(vm, a, "ag");

    let s = &t.async_gen_asend_type;
    s.payload.slots.iter.set(Some(gen_iter));
    s.payload.slots.iternext.set(Some(asend_iternext));
    vm.add_method(s, "send", m_asend_send);
    vm.add_method(s, "throw", m_asend_throw);
    vm.add_method(s, "close", m_asend_close);
    vm.add_method(s, "__await__", m_iter);
    vm.add_method(s, "__next__", m_next);

    let th = &t.async_gen_athrow_type;
    th.payload.slots.iter.set(Some(gen_iter));
    th.payload.slots.iternext.set(Some(athrow_iternext));
    vm.add_method(th, "send", m_athrow_send);
    vm.add_method(th, "throw", m_asend_throw);
    vm.add_method(th, "close", m_asend_close);
    vm.add_method(th, "__await__", m_iter);
    vm.add_method(th, "__next__", m_next);
}
