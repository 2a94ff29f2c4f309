//! The evaluation loop (CPython's Python/ceval.c `_PyEval_EvalFrameDefault`
//! and Python/bytecodes.c).
//!
//! One invocation of `eval_frame` runs a stack of frames: a call to a
//! Python function pushes a frame and keeps looping, a return pops it, so
//! Python-to-Python calls never recurse on the Rust stack. Only calls that
//! pass through native code (a `__add__` slot wrapper, `sorted(key=...)`,
//! resuming a generator) enter `eval_frame` again; those are bounded by the
//! recursion limit and a Rust stack guard.

use crate::object::{PyObjectRef, PyRef};
use crate::objects::codeobject::PyCodeRef;
use crate::objects::dictobject::{PyDict, PyDictRef};
use crate::objects::exceptions::{PyBaseException, PyBaseExceptionRef};
use crate::objects::funcobject::{PyFunction, PyFunctionRef};
use crate::objects::longobject::PyInt;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::{PyTuple, PyTupleRef};
use crate::objects::typeobject::{CompareOp, NumberOp, NUMBER_OPS};
use crate::python::abstract_::UnaryOp;
use crate::python::frame::Frame;
use crate::{PyResult, VM};
use rython_compiler::code::flags as co;
use rython_compiler::opcode::raw as opc;

/// How the entry frame of an `eval_frame` call ended.
pub enum FrameExit {
    Return(PyObjectRef),
    /// A generator frame suspended at `YIELD_VALUE`; the frame is handed
    /// back to its generator.
    Yield(PyObjectRef, Box<Frame>),
}

/// What a frame stack entry is waiting for when the frame above it returns.
enum Step {
    /// Push this frame (a Python-to-Python call).
    Call(Box<Frame>),
    /// The current frame returned this value.
    Return(PyObjectRef),
    Yield(PyObjectRef),
    /// The current frame turned into a generator (`RETURN_GENERATOR`).
    Generator,
}

/// An exception being propagated and whether it is a re-raise (which adds
/// no traceback entry for the current frame).
struct Raised {
    exc: PyBaseExceptionRef,
    reraise: bool,
    /// The instruction whose handler to look up, when it differs from
    /// `lasti` (`RERAISE` restores `lasti` for the traceback only).
    at: Option<usize>,
}

impl From<PyBaseExceptionRef> for Raised {
    fn from(exc: PyBaseExceptionRef) -> Raised {
        Raised {
            exc,
            reraise: false,
            at: None,
        }
    }
}

/// Bytes of Rust stack kept in reserve: past this, calls raise
/// RecursionError instead of overflowing (CPython's C recursion guard).
const STACK_RESERVE: usize = 256 * 1024;

impl VM {
    /// Runs a module body, `exec`'d code or a class body.
    pub fn run_code(
        &self,
        code: PyCodeRef,
        globals: PyDictRef,
        locals: Option<PyObjectRef>,
    ) -> PyResult {
        self.run_code_in(code, None, globals, locals)
    }

    /// `run_code` with the function whose closure the code's free
    /// variables come from (`exec(code, closure=...)`).
    pub fn run_code_in(
        &self,
        code: PyCodeRef,
        func: Option<crate::objects::funcobject::PyFunctionRef>,
        globals: PyDictRef,
        locals: Option<PyObjectRef>,
    ) -> PyResult {
        let builtins = self.builtins_for(&globals);
        let locals = locals.unwrap_or_else(|| globals.clone().into_object());
        let frame = Frame::new(code, func, globals, builtins, Some(locals));
        match self.eval_frame(frame, None)? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Yield(..) => Err(self.new_system_error("yield outside a generator frame")),
        }
    }

    /// The `__builtins__` a frame with these globals uses.
    pub fn builtins_for(&self, globals: &PyDictRef) -> PyDictRef {
        if let Some(b) = globals.payload.get_str_name(self, "__builtins__") {
            if let Ok(d) = b.clone().downcast::<PyDict>() {
                return d;
            }
            if let Some(m) = b.downcast_ref::<crate::objects::moduleobject::PyModule>() {
                return m.dict.clone();
            }
        }
        self.builtins.clone()
    }

    /// Calls a Python function from native code.
    pub fn invoke_function(
        &self,
        func: &PyFunctionRef,
        args: &[PyObjectRef],
        kwnames: Option<&PyTupleRef>,
    ) -> PyResult {
        let frame = crate::python::call::make_frame(self, func, args, kwnames)?;
        match self.eval_frame(frame, None)? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Yield(..) => Err(self.new_system_error("yield outside a generator frame")),
        }
    }

    /// Checks that there is Rust stack left for one more nested eval loop.
    fn check_stack(&self) -> PyResult<()> {
        let here = 0u8;
        let sp = &here as *const u8 as usize;
        let base = self.state.stack_base.get();
        if base != 0 && base.saturating_sub(sp) + STACK_RESERVE > self.state.stack_size.get() {
            return Err(self.new_recursion_error("maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// The evaluation loop. `throw` starts by raising that exception at the
    /// frame's current instruction (generator `throw()`).
    #[inline(never)]
    #[no_mangle]
    pub fn eval_frame(
        &self,
        entry: Box<Frame>,
        throw: Option<PyBaseExceptionRef>,
    ) -> PyResult<FrameExit> {
        self.check_stack()?;
        let depth0 = self.recursion_depth.get();
        if depth0 >= self.recursion_limit.get() {
            return Err(self.new_recursion_error("maximum recursion depth exceeded"));
        }
        self.recursion_depth.set(depth0 + 1);
        let mut frames = crate::python::frame::take_frame_stack();
        frames.push(entry);
        let mut pending: Option<Raised> = throw.map(|e| Raised {
            exc: e,
            reraise: false,
            at: None,
        });
        let result = loop {
            if let Some(raised) = pending.take() {
                match self.unwind(&mut frames, raised) {
                    Ok(()) => {}
                    Err(exc) => break Err(exc),
                }
                continue;
            }
            let (frame, parents) = frames
                .split_last_mut()
                .expect("frame stack is never empty here");
            let step = self.run_frame(frame, parents);
            if self.state.warn_pending.get() {
                // Warnings not yet issued by the instruction that queued
                // them (none normally: `tri_w!` and the error paths issue
                // them), at the frame switch as a backstop.
                self.flush_warnings_unraisable(frame);
            }
            match step {
                Ok(Step::Call(new_frame)) => {
                    let d = self.recursion_depth.get();
                    if d >= self.recursion_limit.get() {
                        new_frame.recycle();
                        pending = Some(
                            self.new_recursion_error("maximum recursion depth exceeded")
                                .into(),
                        );
                        continue;
                    }
                    self.recursion_depth.set(d + 1);
                    frames.push(new_frame);
                }
                Ok(Step::Return(value)) => {
                    let mut done = frames.pop().expect("frame");
                    let inline = done.inline_gen.take();
                    let init_self = done.init_self.take();
                    done.recycle();
                    // `__init__` entered by `CALL` on its class: the call's
                    // result is the instance.
                    let value = match init_self {
                        None => value,
                        Some(inst) => match self.init_result(inst, value) {
                            Ok(inst) => inst,
                            Err(e) => {
                                self.recursion_depth.set(self.recursion_depth.get() - 1);
                                pending = Some(e.into());
                                continue;
                            }
                        },
                    };
                    if frames.is_empty() {
                        break Ok(FrameExit::Return(value));
                    }
                    self.recursion_depth.set(self.recursion_depth.get() - 1);
                    let caller = frames.last_mut().expect("caller");
                    match inline {
                        // A finished generator: `yield from` gets its value,
                        // `for` leaves the loop.
                        Some(ig) => {
                            crate::objects::genobject::leave_inline_finished(self, &ig);
                            if ig.by_send {
                                caller.values.push(Some(value));
                            } else {
                                caller.values.pop();
                            }
                            caller.pc = ig.exit_pc;
                        }
                        None => caller.values.push(Some(value)),
                    }
                }
                Ok(Step::Generator) => {
                    let gen_frame = frames.pop().expect("frame");
                    let gen = crate::objects::genobject::new_generator(self, gen_frame);
                    if frames.is_empty() {
                        break Ok(FrameExit::Return(gen));
                    }
                    self.recursion_depth.set(self.recursion_depth.get() - 1);
                    frames.last_mut().expect("caller").values.push(Some(gen));
                }
                Ok(Step::Yield(value)) => {
                    let mut f = frames.pop().expect("frame");
                    if let Some(ig) = f.inline_gen.take() {
                        crate::objects::genobject::leave_inline_yield(self, f, ig);
                        self.recursion_depth.set(self.recursion_depth.get() - 1);
                        frames.last_mut().expect("caller").values.push(Some(value));
                        continue;
                    }
                    // Otherwise only a generator's entry frame yields.
                    debug_assert!(frames.is_empty());
                    break Ok(FrameExit::Yield(value, f));
                }
                Err(raised) => pending = Some(raised),
            }
        };
        // Frames left on an error path are released here.
        while let Some(f) = frames.pop() {
            f.recycle();
        }
        crate::python::frame::recycle_frame_stack(frames);
        self.recursion_depth.set(depth0);
        result
    }

    /// Propagates an exception: adds traceback entries, finds a handler in
    /// the exception table, or pops frames. `Err` when it leaves the entry
    /// frame.
    fn unwind(
        &self,
        frames: &mut Vec<Box<Frame>>,
        raised: Raised,
    ) -> Result<(), PyBaseExceptionRef> {
        let Raised {
            exc,
            mut reraise,
            mut at,
        } = raised;
        loop {
            let frame = frames.last_mut().expect("frame");
            if !reraise {
                // A fresh exception raised natively while another is being
                // handled gets it as __context__ (`_PyErr_SetObject`).
                if exc.payload.get_traceback().is_none() && exc.payload.get_context().is_none() {
                    self.set_raise_context(&exc);
                }
                crate::python::suggestions::record_frame_locals(self, &exc, frame);
                self.add_traceback(&exc, frame);
            }
            reraise = false;
            let lasti = at.take().unwrap_or(frame.lasti) as u32;
            let handler = frame
                .code
                .payload
                .code
                .exception_table
                .iter()
                .find(|e| e.start <= lasti && lasti < e.end)
                .copied();
            if let Some(h) = handler {
                let base = frame.nlocalsplus() + h.depth as usize;
                frame.values.truncate(base);
                if h.lasti {
                    frame.values.push(Some(self.new_int(lasti as i64)));
                }
                frame.values.push(Some(exc.into_object()));
                frame.pc = h.target as usize;
                return Ok(());
            }
            let mut done = frames.pop().expect("frame");
            if let Some(ig) = done.inline_gen.take() {
                crate::objects::genobject::leave_inline_finished(self, &ig);
            }
            done.recycle();
            if frames.is_empty() {
                return Err(exc);
            }
            self.recursion_depth.set(self.recursion_depth.get() - 1);
        }
    }

    /// Prepends a traceback entry for `frame` (CPython's `PyTraceBack_Here`).
    fn add_traceback(&self, exc: &PyBaseExceptionRef, frame: &mut Frame) {
        let fobj = crate::objects::frameobject::frame_object(self, frame);
        let next = exc.payload.traceback.borrow_mut().take();
        let next = next.and_then(|t| t.downcast::<crate::objects::traceback::PyTraceback>().ok());
        let lineno = frame.code.payload.line_at(frame.lasti);
        let tb = PyRef::new_exact(
            crate::objects::traceback::PyTraceback {
                next: std::cell::RefCell::new(next),
                frame: fobj,
                lasti: frame.lasti as u32,
                lineno,
            },
            self.types.traceback_type.clone(),
        );
        *exc.payload.traceback.borrow_mut() = Some(tb.into_object());
    }

    /// Sets `__context__` of a newly raised exception to the exception being
    /// handled, breaking cycles as `_PyErr_SetObject` does.
    pub fn set_raise_context(&self, exc: &PyBaseExceptionRef) {
        let handled = self.handled_exception.borrow().clone();
        let Some(h) = handled else { return };
        if h.is(exc.as_object()) {
            return;
        }
        // Walk the context chain of `h`; if it reaches `exc`, cut it there.
        let mut o = h.clone();
        let mut steps = 0;
        loop {
            let next = match o.downcast_ref::<PyBaseException>() {
                Some(e) => e.context.borrow().clone(),
                None => None,
            };
            let Some(n) = next else { break };
            if n.is(exc.as_object()) {
                if let Some(e) = o.downcast_ref::<PyBaseException>() {
                    *e.context.borrow_mut() = None;
                }
                break;
            }
            o = n;
            steps += 1;
            if steps > 10_000 {
                break;
            }
        }
        *exc.payload.context.borrow_mut() = Some(h);
    }

    /// Executes instructions of `frame` until it calls, returns, yields or
    /// raises.
    #[inline(always)]
    fn run_frame(&self, frame: &mut Frame, parents: &mut [Box<Frame>]) -> Result<Step, Raised> {
        let code = frame.code.clone();
        let bytes: &[u8] = &code.payload.code.code;
        let nlocals = frame.nlocalsplus();
        macro_rules! push {
            ($v:expr) => {
                frame.values.push(Some($v))
            };
        }
        macro_rules! pop {
            () => {
                frame.pop_obj()
            };
        }
        macro_rules! top {
            () => {
                frame.top_obj()
            };
        }
        macro_rules! peek {
            ($n:expr) => {
                frame.values[frame.values.len() - $n]
                    .as_ref()
                    .expect("NULL on stack")
            };
        }
        macro_rules! fail {
            ($e:expr) => {{
                let e: PyBaseExceptionRef = $e;
                return Err(Raised {
                    exc: e,
                    reraise: false,
                    at: None,
                });
            }};
        }
        // A native call's result. Warnings it issued (`VM::warn`) are
        // handed to the `warnings` machinery here, where this frame is known:
        // a warning turned into an exception fails the instruction.
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => {
                        let e = if self.state.warn_pending.get() {
                            self.issue_queued_warnings(frame).err().unwrap_or(e)
                        } else {
                            e
                        };
                        return Err(Raised {
                            exc: e,
                            reraise: false,
                            at: None,
                        });
                    }
                }
            };
        }
        // `tri!` for operations that may run arbitrary native code (the
        // generic paths of operators, conversions, calls): warnings it
        // queued (`VM::warn`) are issued here, at this instruction, and one
        // that a filter turns into an exception fails it. Instructions that
        // run no such code (loads, stores, jumps) pay nothing for warnings.
        macro_rules! tri_w {
            ($e:expr) => {{
                let v = tri!($e);
                if self.state.warn_pending.get() {
                    if let Err(e) = self.issue_queued_warnings(frame) {
                        fail!(e);
                    }
                }
                v
            }};
        }
        // Code units as (opcode, oparg) pairs: one bounds check per fetch.
        let units: &[[u8; 2]] = bytes.as_chunks::<2>().0;
        // The opcode being executed, read again where an arm serves two.
        macro_rules! cur_op {
            () => {
                units[frame.lasti][0]
            };
        }
        // A test followed by `POP_JUMP_IF_TRUE/FALSE` branches at once instead
        // of pushing a bool for the jump to pop (the bool is never visible).
        // The jump becomes the current instruction, so an error converting
        // to bool is reported (and handled) there, as without the fusion.
        macro_rules! push_or_branch {
            ($r:expr) => {{
                let r: PyObjectRef = $r;
                match units.get(frame.pc) {
                    Some(&[j, jarg]) if j == opc::PopJumpIfFalse || j == opc::PopJumpIfTrue => {
                        frame.lasti = frame.pc;
                        frame.pc += 1;
                        let t = tri_w!(self.truth(&r));
                        if t == (j == opc::PopJumpIfTrue) {
                            frame.pc += jarg as usize;
                        }
                    }
                    _ => push!(r),
                }
            }};
        }
        'run: loop {
            let pc = frame.pc;
            let [mut op, a] = units[pc];
            let mut arg = a as u32;
            frame.lasti = pc;
            frame.pc = pc + 1;
            // `EXTENDED_ARG` is an arm of its own that dispatches the
            // instruction it prefixes (as in CPython), so the common case
            // pays no test for it.
            'dispatch: loop {
                match op {
                    opc::ExtendedArg => {
                        let pc = frame.pc;
                        let [o, a] = units[pc];
                        op = o;
                        arg = (arg << 8) | a as u32;
                        frame.lasti = pc;
                        frame.pc = pc + 1;
                        continue 'dispatch;
                    }
                    opc::Nop => {}
                    opc::Resume => {
                        if crate::object::finalize::has_pending() {
                            tri!(self.eval_breaker(frame));
                        }
                    }
                    opc::PopTop | opc::EndFor => {
                        frame.values.pop();
                    }
                    opc::PushNull => frame.values.push(None),
                    opc::EndSend => {
                        let v = frame.values.pop().flatten();
                        frame.values.pop();
                        frame.values.push(v);
                    }
                    opc::Copy => {
                        let v = frame.values[frame.values.len() - arg as usize].clone();
                        frame.values.push(v);
                    }
                    opc::Swap => {
                        let n = frame.values.len();
                        frame.values.swap(n - 1, n - arg as usize);
                    }
                    opc::LoadConst => push!(code.payload.consts[arg as usize].clone()),
                    opc::ReturnConst => {
                        return Ok(Step::Return(code.payload.consts[arg as usize].clone()))
                    }
                    opc::ReturnValue => return Ok(Step::Return(pop!())),
                    opc::LoadFast | opc::LoadFastCheck => match &frame.values[arg as usize] {
                        Some(v) => {
                            let v = v.clone();
                            push!(v)
                        }
                        None => fail!(self.new_unbound_local_error(
                            code.payload.localsplusnames[arg as usize].payload.as_str()
                        )),
                    },
                    opc::LoadFastAndClear => {
                        let v = frame.values[arg as usize].take();
                        frame.values.push(v);
                    }
                    opc::LoadFastLoadFast => {
                        for i in [arg >> 4, arg & 15] {
                            match &frame.values[i as usize] {
                                Some(v) => {
                                    let v = v.clone();
                                    push!(v)
                                }
                                None => fail!(self.new_unbound_local_error(
                                    code.payload.localsplusnames[i as usize].payload.as_str()
                                )),
                            }
                        }
                    }
                    opc::StoreFast => {
                        let v = frame.values.pop().flatten();
                        let old = std::mem::replace(&mut frame.values[arg as usize], v);
                        drop(old);
                    }
                    opc::StoreFastLoadFast => {
                        let v = frame.values.pop().flatten();
                        let old = std::mem::replace(&mut frame.values[(arg >> 4) as usize], v);
                        drop(old);
                        match &frame.values[(arg & 15) as usize] {
                            Some(v) => {
                                let v = v.clone();
                                push!(v)
                            }
                            None => fail!(self.new_unbound_local_error(
                                code.payload.localsplusnames[(arg & 15) as usize]
                                    .payload
                                    .as_str()
                            )),
                        }
                    }
                    opc::StoreFastStoreFast => {
                        let a = frame.values.pop().flatten();
                        let old = std::mem::replace(&mut frame.values[(arg >> 4) as usize], a);
                        drop(old);
                        let b = frame.values.pop().flatten();
                        let old = std::mem::replace(&mut frame.values[(arg & 15) as usize], b);
                        drop(old);
                    }
                    opc::DeleteFast => {
                        if frame.values[arg as usize].take().is_none() {
                            fail!(self.new_unbound_local_error(
                                code.payload.localsplusnames[arg as usize].payload.as_str()
                            ));
                        }
                    }
                    opc::MakeCell => {
                        let v = frame.values[arg as usize].take();
                        let cell = PyRef::new_exact(
                            crate::objects::cellobject::PyCell {
                                contents: std::cell::RefCell::new(v),
                            },
                            self.types.cell_type.clone(),
                        );
                        frame.values[arg as usize] = Some(cell.into_object());
                    }
                    opc::CopyFreeVars => {
                        if let Some(func) = &frame.func {
                            if let Some(closure) = func.payload.closure.borrow().as_ref() {
                                let start = nlocals - arg as usize;
                                for (i, c) in closure
                                    .payload
                                    .as_slice()
                                    .iter()
                                    .take(arg as usize)
                                    .enumerate()
                                {
                                    frame.values[start + i] = Some(c.clone());
                                }
                            }
                        }
                    }
                    opc::LoadDeref => {
                        let v = tri!(self.load_deref(frame, &code, arg as usize));
                        push!(v)
                    }
                    opc::StoreDeref => {
                        let v = pop!();
                        self.cell_of(frame, arg as usize).payload.set(Some(v));
                    }
                    opc::DeleteDeref => {
                        let cell = self.cell_of(frame, arg as usize);
                        if cell.payload.get().is_none() {
                            fail!(self.new_unbound_local_error(
                                code.payload.localsplusnames[arg as usize].payload.as_str()
                            ));
                        }
                        cell.payload.set(None);
                    }
                    opc::LoadFromDictOrDeref => {
                        let mapping = pop!();
                        let name = &code.payload.localsplusnames[arg as usize];
                        let v = match tri!(self.mapping_lookup(&mapping, name.as_object())) {
                            Some(v) => v,
                            None => tri!(self.load_deref(frame, &code, arg as usize)),
                        };
                        push!(v)
                    }
                    opc::LoadFromDictOrGlobals => {
                        let mapping = pop!();
                        let name = &code.payload.names[arg as usize];
                        let v = match tri!(self.mapping_lookup(&mapping, name.as_object())) {
                            Some(v) => v,
                            None => tri!(self.load_global_name(frame, name)),
                        };
                        push!(v)
                    }
                    opc::LoadLocals => match &frame.locals {
                        Some(l) => {
                            let l = l.clone();
                            push!(l)
                        }
                        None => fail!(self.new_system_error("no locals found")),
                    },
                    opc::LoadName => {
                        let name = &code.payload.names[arg as usize];
                        let v = tri!(self.load_name(frame, name));
                        push!(v)
                    }
                    opc::StoreName => {
                        let name = code.payload.names[arg as usize].clone();
                        let v = pop!();
                        let Some(locals) = frame.locals.clone() else {
                            fail!(self.new_system_error(format!(
                                "no locals found when storing '{}'",
                                name.payload.as_str()
                            )));
                        };
                        if let Some(d) = locals.downcast_ref::<PyDict>() {
                            if locals.class().is(&self.types.dict_type) {
                                tri!(d.set_item(self, name.into_object(), v));
                                continue 'run;
                            }
                        }
                        tri!(self.set_item(&locals, name.as_object(), v));
                    }
                    opc::DeleteName => {
                        let name = code.payload.names[arg as usize].clone();
                        let Some(locals) = frame.locals.clone() else {
                            fail!(self.new_system_error("no locals when deleting"));
                        };
                        if let Err(e) = self.del_item(&locals, name.as_object()) {
                            if e.as_object().class().is_subtype(&self.types.exc.key_error) {
                                fail!(self.new_name_error(name.payload.as_str()));
                            }
                            fail!(e);
                        }
                    }
                    opc::LoadGlobal => {
                        let v = tri!(self.load_global_cached(frame, &code, (arg >> 1) as usize));
                        push!(v);
                        if arg & 1 != 0 {
                            frame.values.push(None);
                        }
                    }
                    opc::StoreGlobal => {
                        let v = pop!();
                        match self.store_global_cached(frame, &code, arg as usize, v) {
                            // The replaced value may be the last reference
                            // to an object: it dies outside the dict's borrow.
                            Ok(old) => drop(old),
                            Err(v) => {
                                let name = code.payload.names[arg as usize].clone();
                                tri!(frame.globals.payload.set_item(self, name.into_object(), v));
                                self.fill_global_cache(frame, &code, arg as usize);
                            }
                        }
                    }
                    opc::DeleteGlobal => {
                        let name = code.payload.names[arg as usize].clone();
                        if tri!(frame.globals.payload.pop_item(self, name.as_object())).is_none() {
                            fail!(self.new_name_error(name.payload.as_str()));
                        }
                    }
                    opc::LoadAttr => {
                        let name = &code.payload.names[(arg >> 1) as usize];
                        let owner = pop!();
                        if let Some((v, is_method)) =
                            self.load_attr_inline(&code, frame.lasti, &owner, name, arg & 1 != 0)
                        {
                            push!(v);
                            if is_method {
                                push!(owner);
                            } else if arg & 1 != 0 {
                                frame.values.push(None);
                            }
                        } else if arg & 1 != 0 {
                            match tri_w!(self.load_method_cached(&code, frame.lasti, &owner, name))
                            {
                                (m, true) => {
                                    push!(m);
                                    push!(owner);
                                }
                                (a, false) => {
                                    push!(a);
                                    frame.values.push(None);
                                }
                            }
                        } else {
                            if owner.class().is(&self.types.frame_type) {
                                // `f_lineno`, `f_locals` of frames still running.
                                self.sync_frame_objects(frame, parents);
                            }
                            let v = tri_w!(self.load_attr_cached(&code, frame.lasti, &owner, name));
                            push!(v)
                        }
                    }
                    opc::StoreAttr => {
                        let name = &code.payload.names[arg as usize];
                        let owner = pop!();
                        let v = pop!();
                        match self.store_attr_inline(&code, frame.lasti, &owner, v) {
                            // The replaced value may be the last reference to
                            // an object: it dies here, as in CPython.
                            Ok(old) => drop(old),
                            Err(v) => {
                                tri_w!(self.store_attr_cached(&code, frame.lasti, &owner, name, v))
                            }
                        }
                    }
                    opc::DeleteAttr => {
                        let name = &code.payload.names[arg as usize];
                        let owner = pop!();
                        tri_w!(self.set_attr(&owner, name, None));
                    }
                    opc::LoadSuperAttr => {
                        let name = code.payload.names[(arg >> 2) as usize].clone();
                        let self_ = pop!();
                        let class = pop!();
                        let global_super = pop!();
                        let (v, bound_self) = tri!(self.load_super_attr(
                            &global_super,
                            &class,
                            &self_,
                            &name,
                            arg & 1 != 0,
                            arg & 2 != 0
                        ));
                        push!(v);
                        if arg & 1 != 0 {
                            frame.values.push(bound_self);
                        }
                    }
                    opc::UnaryNegative => {
                        let v = pop!();
                        let r = tri_w!(self.unary_op(&v, UnaryOp::Negative));
                        push!(r)
                    }
                    opc::UnaryInvert => {
                        let v = pop!();
                        let r = tri_w!(self.unary_op(&v, UnaryOp::Invert));
                        push!(r)
                    }
                    opc::UnaryNot => {
                        let v = pop!();
                        let b = tri_w!(self.is_true(&v));
                        push!(self.new_bool(!b))
                    }
                    opc::ToBool => {
                        let v = pop!();
                        let b = tri_w!(self.is_true(&v));
                        push_or_branch!(self.new_bool(b))
                    }
                    opc::BinaryOp => {
                        let b = pop!();
                        let a = pop!();
                        let r = tri_w!(self.binary_op_arg(a, b, arg));
                        push!(r)
                    }
                    opc::BinarySubscr => {
                        let key = pop!();
                        let container = pop!();
                        let r = tri_w!(self.subscript(&container, &key));
                        push!(r)
                    }
                    opc::StoreSubscr => {
                        let key = pop!();
                        let container = pop!();
                        let v = pop!();
                        tri_w!(self.store_subscript(&container, &key, v));
                    }
                    opc::DeleteSubscr => {
                        let key = pop!();
                        let container = pop!();
                        tri_w!(self.del_item(&container, &key));
                    }
                    opc::BinarySlice => {
                        let stop = pop!();
                        let start = pop!();
                        let container = pop!();
                        let slice = self.new_slice(start, stop, self.none());
                        let r = tri_w!(self.get_item(&container, &slice));
                        push!(r)
                    }
                    opc::StoreSlice => {
                        let stop = pop!();
                        let start = pop!();
                        let container = pop!();
                        let v = pop!();
                        let slice = self.new_slice(start, stop, self.none());
                        tri_w!(self.set_item(&container, &slice, v));
                    }
                    opc::CompareOp => {
                        let b = pop!();
                        let a = pop!();
                        let cmp = CompareOp::from_index(arg >> 5);
                        let r = tri_w!(self.compare_fast(&a, &b, cmp));
                        drop((a, b));
                        if arg & 16 != 0 {
                            let t = tri_w!(self.is_true(&r));
                            push_or_branch!(self.new_bool(t))
                        } else {
                            push_or_branch!(r)
                        }
                    }
                    opc::IsOp => {
                        let b = pop!();
                        let a = pop!();
                        push_or_branch!(self.new_bool(a.is(&b) != (arg == 1)))
                    }
                    opc::ContainsOp => {
                        let container = pop!();
                        let item = pop!();
                        let r = tri_w!(self.contains(&container, &item));
                        push_or_branch!(self.new_bool(r != (arg == 1)))
                    }
                    // Arms of their own, so no arm needs `op` once dispatched
                    // (it would stay live, spilled, across every instruction).
                    opc::PopJumpIfFalse => {
                        let v = pop!();
                        if !tri_w!(self.truth(&v)) {
                            frame.pc += arg as usize;
                        }
                    }
                    opc::PopJumpIfTrue => {
                        let v = pop!();
                        if tri_w!(self.truth(&v)) {
                            frame.pc += arg as usize;
                        }
                    }
                    opc::PopJumpIfNone => {
                        let v = pop!();
                        if self.is_none(&v) {
                            frame.pc += arg as usize;
                        }
                    }
                    opc::PopJumpIfNotNone => {
                        let v = pop!();
                        if !self.is_none(&v) {
                            frame.pc += arg as usize;
                        }
                    }
                    opc::JumpForward => frame.pc += arg as usize,
                    opc::JumpBackwardNoInterrupt => frame.pc -= arg as usize,
                    opc::JumpBackward => {
                        frame.pc -= arg as usize;
                        if crate::object::finalize::has_pending() {
                            tri!(self.eval_breaker(frame));
                        }
                    }
                    opc::GetIter => {
                        let v = pop!();
                        let it = tri_w!(self.get_iter(&v));
                        push!(it)
                    }
                    opc::ForIter => {
                        let it = top!();
                        if it.class().is(&self.types.generator_type)
                            && self.recursion_depth.get() + 1 < self.recursion_limit.get()
                        {
                            let exit_pc = frame.pc + arg as usize + 2;
                            if let Some(gf) =
                                crate::objects::genobject::enter_inline(self, it, exit_pc, None)
                            {
                                return Ok(Step::Call(gf));
                            }
                        }
                        let next = tri_w!(self.for_iter_next(top!()));
                        match next {
                            Some(v) => push!(v),
                            None => {
                                frame.values.pop();
                                frame.pc += arg as usize + 2;
                            }
                        }
                    }
                    opc::GetLen => {
                        let n = tri_w!(self.len(top!()));
                        push!(self.new_int(n as i64))
                    }
                    opc::BuildTuple => {
                        let items = self.pop_n(frame, arg as usize);
                        push!(self.new_tuple(items).into_object())
                    }
                    opc::BuildList => {
                        let items = self.pop_n(frame, arg as usize);
                        push!(self.new_list(items).into_object())
                    }
                    opc::BuildSet => {
                        let items = self.pop_n(frame, arg as usize);
                        let s = tri_w!(self.new_set_from(items));
                        push!(s)
                    }
                    opc::BuildMap => {
                        let items = self.pop_n(frame, 2 * arg as usize);
                        let d = self.new_dict();
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            tri!(d.payload.set_item(self, k, v));
                        }
                        push!(d.into_object())
                    }
                    opc::BuildConstKeyMap => {
                        let keys = pop!();
                        let values = self.pop_n(frame, arg as usize);
                        let d = self.new_dict();
                        if let Some(t) = keys.downcast_ref::<PyTuple>() {
                            for (k, v) in t.as_slice().iter().zip(values) {
                                tri!(d.payload.set_item(self, k.clone(), v));
                            }
                        }
                        push!(d.into_object())
                    }
                    opc::BuildString => {
                        let parts = self.pop_n(frame, arg as usize);
                        let mut s = String::new();
                        for p in &parts {
                            if let Some(ps) = p.downcast_ref::<PyStr>() {
                                s.push_str(ps.as_str());
                            }
                        }
                        push!(self.new_str_obj(s))
                    }
                    opc::BuildSlice => {
                        let step = if arg == 3 { pop!() } else { self.none() };
                        let stop = pop!();
                        let start = pop!();
                        push!(self.new_slice(start, stop, step))
                    }
                    opc::ListAppend => {
                        let v = pop!();
                        let list = peek!(arg as usize);
                        if let Some(l) = list.downcast_ref::<crate::objects::listobject::PyList>() {
                            l.push(v);
                        }
                    }
                    opc::ListExtend => {
                        let iterable = pop!();
                        let list = peek!(arg as usize).clone();
                        tri_w!(self.list_extend_op(&list, &iterable));
                    }
                    opc::SetAdd => {
                        let v = pop!();
                        let set = peek!(arg as usize).clone();
                        tri!(self.set_add_op(&set, v));
                    }
                    opc::SetUpdate => {
                        let iterable = pop!();
                        let set = peek!(arg as usize).clone();
                        for v in tri_w!(self.collect(&iterable)) {
                            tri!(self.set_add_op(&set, v));
                        }
                    }
                    opc::MapAdd => {
                        let v = pop!();
                        let k = pop!();
                        let d = peek!(arg as usize).clone();
                        if let Some(d) = d.downcast_ref::<PyDict>() {
                            tri!(d.set_item(self, k, v));
                        }
                    }
                    opc::DictUpdate => {
                        let update = pop!();
                        let d = peek!(arg as usize).clone();
                        tri_w!(self.dict_update_op(&d, &update, false, None));
                    }
                    opc::DictMerge => {
                        let update = pop!();
                        let d = peek!(arg as usize).clone();
                        let func = peek!(arg as usize + 3).clone();
                        tri_w!(self.dict_update_op(&d, &update, true, Some(&func)));
                    }
                    opc::UnpackSequence => {
                        let seq = pop!();
                        let n = arg as usize;
                        // Exact tuples and lists of the right length push
                        // their items directly (`UNPACK_SEQUENCE_TUPLE`,
                        // `_LIST`); subclasses may override `__iter__`.
                        let pushed = if let Some(t) = seq.exact(&self.ctx.tuple_exact) {
                            let items = t.as_slice();
                            let fits = items.len() == n;
                            if fits {
                                for v in items.iter().rev() {
                                    push!(v.clone());
                                }
                            }
                            fits
                        } else if let Some(l) = seq.exact(&self.ctx.list_exact) {
                            let items = l.items.borrow();
                            let fits = items.len() == n;
                            if fits {
                                for v in items.iter().rev() {
                                    push!(v.clone());
                                }
                            }
                            fits
                        } else {
                            false
                        };
                        if !pushed {
                            let items = tri_w!(self.unpack_sequence(&seq, n));
                            for v in items.into_iter().rev() {
                                push!(v);
                            }
                        }
                    }
                    opc::UnpackEx => {
                        let seq = pop!();
                        let items = tri_w!(self.unpack_ex(
                            &seq,
                            (arg & 0xff) as usize,
                            (arg >> 8) as usize
                        ));
                        for v in items.into_iter().rev() {
                            push!(v);
                        }
                    }
                    opc::Call | opc::CallKw => {
                        let kwnames = if cur_op!() == opc::CallKw {
                            pop!().downcast::<PyTuple>().ok()
                        } else {
                            None
                        };
                        // An object freed just before (e.g. by `del`) is finalized
                        // before the call can observe its absence.
                        if crate::object::finalize::has_pending() {
                            tri!(self.eval_breaker(frame));
                        }
                        if kwnames.is_none() {
                            if let Some(nf) = self.call_py_fast(frame, arg as usize) {
                                return Ok(Step::Call(nf));
                            }
                            if let Some(nf) = self.call_init_fast(frame, arg as usize) {
                                return Ok(Step::Call(nf));
                            }
                        }
                        match tri_w!(self.call_op(frame, parents, arg as usize, kwnames.as_ref())) {
                            Some(new_frame) => return Ok(Step::Call(new_frame)),
                            None => {
                                if crate::object::finalize::has_pending() {
                                    tri!(self.eval_breaker(frame));
                                }
                            }
                        }
                    }
                    opc::CallFunctionEx => {
                        let kwargs = if arg & 1 != 0 { Some(pop!()) } else { None };
                        let callargs = pop!();
                        frame.values.pop(); // NULL
                        let func = pop!();
                        let r = tri_w!(self.call_function_ex(&func, &callargs, kwargs.as_ref()));
                        push!(r)
                    }
                    opc::CallIntrinsic1 => {
                        let v = pop!();
                        let r = tri_w!(self.call_intrinsic_1(frame, arg, v));
                        push!(r)
                    }
                    opc::CallIntrinsic2 => {
                        let v1 = pop!();
                        let v2 = pop!();
                        let r = tri_w!(self.call_intrinsic_2(arg, v2, v1));
                        push!(r)
                    }
                    opc::MakeFunction => {
                        let code_obj = pop!();
                        let f = tri!(self.make_function(frame, code_obj));
                        push!(f)
                    }
                    opc::SetFunctionAttribute => {
                        let func = pop!();
                        let attr = pop!();
                        tri!(self.set_function_attribute(&func, arg, attr));
                        push!(func)
                    }
                    opc::ReturnGenerator => return Ok(Step::Generator),
                    opc::YieldValue => {
                        let v = pop!();
                        return Ok(Step::Yield(v));
                    }
                    opc::Send => {
                        let v = pop!();
                        if self.recursion_depth.get() + 1 < self.recursion_limit.get() {
                            let exit_pc = frame.pc + arg as usize;
                            if let Some(gf) = crate::objects::genobject::enter_inline(
                                self,
                                top!(),
                                exit_pc,
                                Some(&v),
                            ) {
                                return Ok(Step::Call(gf));
                            }
                        }
                        let receiver = top!().clone();
                        match tri_w!(self.send_op(&receiver, v)) {
                            crate::objects::genobject::SendResult::Yield(y) => push!(y),
                            crate::objects::genobject::SendResult::Return(r) => {
                                push!(r);
                                frame.pc += arg as usize;
                            }
                        }
                    }
                    opc::GetYieldFromIter => {
                        let v = pop!();
                        let it = tri_w!(self.get_yield_from_iter(&v, code.payload.flags()));
                        push!(it)
                    }
                    opc::GetAwaitable => {
                        let v = pop!();
                        let it = tri_w!(self.get_awaitable(&v, arg));
                        push!(it)
                    }
                    opc::GetAiter => {
                        let v = pop!();
                        let it = tri!(self.get_aiter(&v));
                        push!(it)
                    }
                    opc::GetAnext => {
                        let it = tri!(self.get_anext(top!()));
                        push!(it)
                    }
                    opc::EndAsyncFor => {
                        let exc = pop!();
                        frame.values.pop();
                        if !exc.class().is_subtype(&self.types.exc.stop_async_iteration) {
                            let e = exc.downcast::<PyBaseException>().ok().expect("exception");
                            return Err(Raised {
                                exc: e,
                                reraise: true,
                                at: None,
                            });
                        }
                    }
                    opc::CleanupThrow => {
                        let exc = pop!();
                        frame.values.pop();
                        frame.values.pop();
                        if exc.class().is_subtype(&self.types.exc.stop_iteration) {
                            let value = tri!(self.get_attr_str(&exc, "value"));
                            push!(self.none());
                            push!(value);
                        } else {
                            let e = exc.downcast::<PyBaseException>().ok().expect("exception");
                            return Err(Raised {
                                exc: e,
                                reraise: true,
                                at: None,
                            });
                        }
                    }
                    opc::RaiseVarargs => {
                        let raised = match arg {
                            0 => match self.handled_exception.borrow().clone() {
                                Some(e) => Raised {
                                    exc: e.downcast::<PyBaseException>().ok().expect("exception"),
                                    reraise: true,
                                    at: None,
                                },
                                None => Raised::from(
                                    self.new_runtime_error("No active exception to reraise"),
                                ),
                            },
                            1 => {
                                let e = pop!();
                                Raised::from(tri!(self.make_raise(e, None)))
                            }
                            _ => {
                                let cause = pop!();
                                let e = pop!();
                                Raised::from(tri!(self.make_raise(e, Some(cause))))
                            }
                        };
                        if !raised.reraise {
                            self.set_raise_context(&raised.exc);
                        }
                        return Err(raised);
                    }
                    opc::Reraise => {
                        let exc = pop!();
                        let here = frame.lasti;
                        if arg != 0 {
                            let lasti = frame.values[frame.values.len() - arg as usize].clone();
                            if let Some(l) = lasti
                                .as_ref()
                                .and_then(|l| l.downcast_ref::<PyInt>())
                                .and_then(|i| i.as_i64())
                            {
                                frame.lasti = l as usize;
                            }
                        }
                        let e = match exc.downcast::<PyBaseException>() {
                            Ok(e) => e,
                            Err(_) => fail!(self.new_system_error("RERAISE of a non-exception")),
                        };
                        return Err(Raised {
                            exc: e,
                            reraise: true,
                            at: Some(here),
                        });
                    }
                    opc::PushExcInfo => {
                        let exc = pop!();
                        let prev = self.handled_exception.replace(Some(exc.clone()));
                        push!(prev.unwrap_or_else(|| self.none()));
                        push!(exc)
                    }
                    opc::PopExcept => {
                        let prev = pop!();
                        let prev = if self.is_none(&prev) {
                            None
                        } else {
                            Some(prev)
                        };
                        let old = self.handled_exception.replace(prev);
                        drop(old);
                    }
                    opc::CheckExcMatch => {
                        let typ = pop!();
                        let exc = top!().clone();
                        let m = tri!(self.exception_matches(&exc, &typ));
                        push!(self.new_bool(m))
                    }
                    opc::CheckEgMatch => {
                        let typ = pop!();
                        let eg = pop!();
                        let (rest, matched) = tri!(crate::python::exc_star_stub::check_eg_match(
                            self, &eg, &typ
                        ));
                        push!(rest);
                        push!(matched)
                    }
                    opc::WithExceptStart => {
                        // [exit_func, self_or_null?, lasti, prev_exc, val] in 3.13:
                        // exit function at -4, lasti at -3, prev exc at -2.
                        let val = top!().clone();
                        let exit_func = peek!(4).clone();
                        let tb = val
                            .downcast_ref::<PyBaseException>()
                            .and_then(|e| e.traceback.borrow().clone())
                            .unwrap_or_else(|| self.none());
                        let typ = val.class().clone().into_object();
                        let r = tri!(self.call(&exit_func, &[typ, val, tb], None));
                        push!(r)
                    }
                    opc::BeforeWith | opc::BeforeAsyncWith => {
                        let mgr = pop!();
                        let is_async = cur_op!() == opc::BeforeAsyncWith;
                        let (enter_name, exit_name) = if !is_async {
                            ("__enter__", "__exit__")
                        } else {
                            ("__aenter__", "__aexit__")
                        };
                        let (exit, res) =
                            tri!(self.before_with(&mgr, enter_name, exit_name, is_async));
                        push!(exit);
                        push!(res)
                    }
                    opc::LoadAssertionError => {
                        push!(self.types.exc.assertion_error.clone().into_object())
                    }
                    opc::LoadBuildClass => {
                        let v = match frame.builtins.payload.get_str_name(self, "__build_class__") {
                            Some(v) => v,
                            None => fail!(self.new_name_error("__build_class__")),
                        };
                        push!(v)
                    }
                    opc::SetupAnnotations => tri!(self.setup_annotations(frame)),
                    opc::ImportName => {
                        let fromlist = pop!();
                        let level = pop!();
                        let name = code.payload.names[arg as usize].clone();
                        let m = tri!(self.import_name_op(frame, &name, &fromlist, &level));
                        push!(m)
                    }
                    opc::ImportFrom => {
                        let name = code.payload.names[arg as usize].clone();
                        let v = tri!(self.import_from(top!(), &name));
                        push!(v)
                    }
                    opc::FormatSimple => {
                        let v = pop!();
                        let r = if v.class().is(&self.types.str_type) {
                            v
                        } else {
                            tri_w!(self.format_obj(&v, "")).into_object()
                        };
                        push!(r)
                    }
                    opc::FormatWithSpec => {
                        let spec = pop!();
                        let v = pop!();
                        let spec_s = spec
                            .downcast_ref::<PyStr>()
                            .map(|s| s.as_str().to_string())
                            .unwrap_or_default();
                        let r = tri_w!(self.format_obj(&v, &spec_s));
                        push!(r.into_object())
                    }
                    opc::ConvertValue => {
                        let v = pop!();
                        let r = match arg {
                            1 => tri_w!(self.str(&v)),
                            2 => tri_w!(self.repr(&v)),
                            _ => tri_w!(self.ascii(&v)),
                        };
                        push!(r.into_object())
                    }
                    opc::MatchMapping | opc::MatchSequence => {
                        let flag = if cur_op!() == opc::MatchMapping {
                            crate::objects::typeobject::flags::MAPPING
                        } else {
                            crate::objects::typeobject::flags::SEQUENCE
                        };
                        let m = self.match_flag(top!(), flag);
                        push!(self.new_bool(m))
                    }
                    opc::MatchKeys => {
                        let keys = peek!(1).clone();
                        let subject = peek!(2).clone();
                        let r = tri_w!(self.match_keys(&subject, &keys));
                        push!(r)
                    }
                    opc::MatchClass => {
                        let names = pop!();
                        let cls = pop!();
                        let subject = pop!();
                        let r = tri_w!(self.match_class(&subject, &cls, arg as usize, &names));
                        push!(r)
                    }
                    _ => fail!(self.new_system_error(format!("unknown opcode {}", cur_op!()))),
                }
                break;
            }
        }
    }

    #[inline]
    fn pop_n(&self, frame: &mut Frame, n: usize) -> Vec<PyObjectRef> {
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(frame.pop_obj());
        }
        items.reverse();
        items
    }

    /// `BINARY_OP` with inline fast paths for small ints and floats. A
    /// result that needs a new object takes over an operand only this
    /// instruction still references (CPython 3.13 reuses floats so): no
    /// allocation and no deallocation. Ints reuse only for results outside
    /// the small-int cache, so `is` on small ints behaves as in CPython.
    #[inline]
    fn binary_op_arg(&self, mut a: PyObjectRef, mut b: PyObjectRef, arg: u32) -> PyResult {
        if let (Some(PyInt::Small(x)), Some(PyInt::Small(y))) =
            (a.exact(&self.ctx.int_exact), b.exact(&self.ctx.int_exact))
        {
            {
                let (x, y) = (*x, *y);
                let op = arg % 13;
                let r = match op {
                    0 => x.checked_add(y),
                    10 => x.checked_sub(y),
                    5 => x.checked_mul(y),
                    1 => Some(x & y),
                    7 => Some(x | y),
                    12 => Some(x ^ y),
                    2 if y != 0 => x.checked_div(y).map(|q| {
                        if x % y != 0 && ((x < 0) != (y < 0)) {
                            q - 1
                        } else {
                            q
                        }
                    }),
                    6 if y != 0 => x.checked_rem(y).map(|r| {
                        if r != 0 && ((r < 0) != (y < 0)) {
                            r + y
                        } else {
                            r
                        }
                    }),
                    9 if y >= 0 => Some(x >> y.min(63)),
                    3 if (0..63).contains(&y) => {
                        let r = x << y;
                        if r >> y == x {
                            Some(r)
                        } else {
                            None
                        }
                    }
                    _ => None,
                };
                if let Some(r) = r {
                    if !(crate::objects::longobject::SMALL_INT_MIN
                        ..=crate::objects::longobject::SMALL_INT_MAX)
                        .contains(&r)
                    {
                        if let Some(PyInt::Small(v)) = a.exact_unique_mut(&self.ctx.int_exact) {
                            *v = r;
                            return Ok(a);
                        }
                        if let Some(PyInt::Small(v)) = b.exact_unique_mut(&self.ctx.int_exact) {
                            *v = r;
                            return Ok(b);
                        }
                    }
                    return Ok(self.new_int(r));
                }
            }
        }
        let op = NUMBER_OPS[(arg % 13) as usize];
        if let (Some(x), Some(y)) = (
            a.exact(&self.ctx.float_exact),
            b.exact(&self.ctx.float_exact),
        ) {
            let r = match op {
                NumberOp::Add => Some(x.value + y.value),
                NumberOp::Subtract => Some(x.value - y.value),
                NumberOp::Multiply => Some(x.value * y.value),
                NumberOp::TrueDivide if y.value != 0.0 => Some(x.value / y.value),
                _ => None,
            };
            if let Some(r) = r {
                if let Some(f) = a.exact_unique_mut(&self.ctx.float_exact) {
                    f.value = r;
                    return Ok(a);
                }
                if let Some(f) = b.exact_unique_mut(&self.ctx.float_exact) {
                    f.value = r;
                    return Ok(b);
                }
                return Ok(self.new_float(r));
            }
        }
        if arg >= 13 {
            self.inplace_op(&a, &b, op)
        } else {
            self.binary_op(&a, &b, op)
        }
    }

    /// `bool(v)` for a conditional jump, with `True`/`False` decided by
    /// identity.
    #[inline(always)]
    fn truth(&self, v: &PyObjectRef) -> PyResult<bool> {
        if v.is(&self.ctx.true_obj) {
            Ok(true)
        } else if v.is(&self.ctx.false_obj) {
            Ok(false)
        } else {
            self.is_true(v)
        }
    }

    #[inline]
    fn compare_fast(&self, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
        if let (Some(PyInt::Small(x)), Some(PyInt::Small(y))) =
            (a.exact(&self.ctx.int_exact), b.exact(&self.ctx.int_exact))
        {
            let r = match op {
                CompareOp::Lt => x < y,
                CompareOp::Le => x <= y,
                CompareOp::Eq => x == y,
                CompareOp::Ne => x != y,
                CompareOp::Gt => x > y,
                CompareOp::Ge => x >= y,
            };
            return Ok(self.new_bool(r));
        }
        if let (Some(x), Some(y)) = (
            a.exact(&self.ctx.float_exact),
            b.exact(&self.ctx.float_exact),
        ) {
            let (x, y) = (x.value, y.value);
            let r = match op {
                CompareOp::Lt => x < y,
                CompareOp::Le => x <= y,
                CompareOp::Eq => x == y,
                CompareOp::Ne => x != y,
                CompareOp::Gt => x > y,
                CompareOp::Ge => x >= y,
            };
            return Ok(self.new_bool(r));
        }
        let str_t = &self.types.str_type;
        if let (Some(x), Some(y)) = (
            a.downcast_exact::<PyStr>(str_t),
            b.downcast_exact::<PyStr>(str_t),
        ) {
            let holds = match op {
                _ if a.is(b) => op.holds(std::cmp::Ordering::Equal),
                CompareOp::Eq => x.same_text(y),
                CompareOp::Ne => !x.same_text(y),
                _ => op.holds(x.cmp_text(y)),
            };
            return Ok(self.new_bool(holds));
        }
        self.rich_compare(a, b, op)
    }

    fn cell_of(&self, frame: &Frame, i: usize) -> PyRef<crate::objects::cellobject::PyCell> {
        frame.values[i]
            .clone()
            .and_then(|c| c.downcast::<crate::objects::cellobject::PyCell>().ok())
            .expect("cell slot holds a cell")
    }

    fn load_deref(&self, frame: &Frame, code: &PyCodeRef, i: usize) -> PyResult {
        match self.cell_of(frame, i).payload.get() {
            Some(v) => Ok(v),
            None => {
                let name = code.payload.localsplusnames[i].payload.as_str();
                let kind = code
                    .payload
                    .code
                    .localspluskinds
                    .get(i)
                    .copied()
                    .unwrap_or(0);
                if kind & rython_compiler::code::fast_kind::FREE != 0 {
                    let e = self.new_exception_msg(
                        &self.types.exc.name_error,
                        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                    );
                    self.set_exception_attr(&e, "name", self.new_str_obj(name));
                    Err(e)
                } else {
                    Err(self.new_unbound_local_error(name))
                }
            }
        }
    }

    fn mapping_lookup(
        &self,
        mapping: &PyObjectRef,
        key: &PyObjectRef,
    ) -> PyResult<Option<PyObjectRef>> {
        if let Some(d) = mapping.downcast_ref::<PyDict>() {
            if mapping.class().is(&self.types.dict_type) {
                return d.get_item(self, key);
            }
        }
        match self.get_item(mapping, key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.as_object().class().is_subtype(&self.types.exc.key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn load_name(&self, frame: &Frame, name: &crate::objects::strobject::PyStrRef) -> PyResult {
        if let Some(locals) = &frame.locals {
            if let Some(v) = self.mapping_lookup(locals, name.as_object())? {
                return Ok(v);
            }
        }
        self.load_global_name(frame, name)
    }

    /// `LOAD_GLOBAL` with the per-code cache of where the name was found.
    #[inline]
    fn load_global_cached(&self, frame: &Frame, code: &PyCodeRef, idx: usize) -> PyResult {
        {
            let cache = code.payload.global_cache.borrow();
            if let Some(Some(e)) = cache.get(idx) {
                if e.globals.as_object().is(frame.globals.as_object()) {
                    let globals = &frame.globals.payload;
                    match e.builtins {
                        None => {
                            if let Some(v) = globals.value_at_version(e.index, e.globals_version) {
                                return Ok(v);
                            }
                        }
                        Some((bver, bix)) => {
                            if globals.version() == e.globals_version {
                                if let Some(v) = frame.builtins.payload.value_at_version(bix, bver)
                                {
                                    return Ok(v);
                                }
                            }
                        }
                    }
                }
            }
        }
        let name = &code.payload.names[idx];
        let entry = if let Some(ix) = frame.globals.payload.index_of_str(self, name) {
            Some(crate::objects::codeobject::GlobalCacheEntry {
                globals: frame.globals.clone(),
                globals_version: frame.globals.payload.version(),
                builtins: None,
                index: ix,
            })
        } else {
            frame.builtins.payload.index_of_str(self, name).map(|bix| {
                crate::objects::codeobject::GlobalCacheEntry {
                    globals: frame.globals.clone(),
                    globals_version: frame.globals.payload.version(),
                    builtins: Some((frame.builtins.payload.version(), bix)),
                    index: 0,
                }
            })
        };
        match entry {
            Some(e) => {
                let v = match e.builtins {
                    None => frame.globals.payload.value_at(e.index),
                    Some((_, bix)) => frame.builtins.payload.value_at(bix),
                };
                let mut cache = code.payload.global_cache.borrow_mut();
                if cache.len() < code.payload.names.len() {
                    cache.resize(code.payload.names.len(), None);
                }
                cache[idx] = Some(e);
                drop(cache);
                match v {
                    Some(v) => Ok(v),
                    None => self.load_global_name(frame, name),
                }
            }
            None => self.load_global_name(frame, name),
        }
    }

    /// `STORE_GLOBAL` of a name `LOAD_GLOBAL` has cached in these globals,
    /// while their key layout is unchanged: the value is replaced at its
    /// entry, with no hashing (`Ok(old value)`), or the value comes back.
    #[inline]
    fn store_global_cached(
        &self,
        frame: &Frame,
        code: &PyCodeRef,
        idx: usize,
        v: PyObjectRef,
    ) -> Result<PyObjectRef, PyObjectRef> {
        let cache = code.payload.global_cache.borrow();
        match cache.get(idx) {
            Some(Some(e))
                if e.builtins.is_none() && e.globals.as_object().is(frame.globals.as_object()) =>
            {
                let globals = &frame.globals.payload;
                globals.replace_at_version(e.index, e.globals_version, v)
            }
            _ => Err(v),
        }
    }

    /// After a `STORE_GLOBAL` that missed the cache: records where the name
    /// now lives, so the next store (and load) of it hits.
    #[cold]
    fn fill_global_cache(&self, frame: &Frame, code: &PyCodeRef, idx: usize) {
        let name = &code.payload.names[idx];
        let Some(ix) = frame.globals.payload.index_of_str(self, name) else {
            return;
        };
        let entry = crate::objects::codeobject::GlobalCacheEntry {
            globals: frame.globals.clone(),
            globals_version: frame.globals.payload.version(),
            builtins: None,
            index: ix,
        };
        let mut cache = code.payload.global_cache.borrow_mut();
        if cache.len() < code.payload.names.len() {
            cache.resize(code.payload.names.len(), None);
        }
        // A replaced entry may hold the last reference to a globals dict.
        let old = cache[idx].replace(entry);
        drop(cache);
        drop(old);
    }

    fn load_global_name(
        &self,
        frame: &Frame,
        name: &crate::objects::strobject::PyStrRef,
    ) -> PyResult {
        if let Some(v) = frame.globals.payload.get_str(self, name) {
            return Ok(v);
        }
        if let Some(v) = frame.builtins.payload.get_str(self, name) {
            return Ok(v);
        }
        Err(self.new_name_error(name.payload.as_str()))
    }

    /// `CALL` of a plain Python function with positional arguments (CPython's
    /// `CALL_PY_EXACT_ARGS`/`CALL_PY_WITH_DEFAULTS`): the arguments and the
    /// function reference move from the caller's stack into the new frame,
    /// with no argument vector and no reference-count traffic. `None` when
    /// the call needs the general path.
    #[inline(always)]
    fn call_py_fast(&self, frame: &mut Frame, argc: usize) -> Option<Box<Frame>> {
        let base = frame.values.len().checked_sub(argc + 2)?;
        let has_self = frame.values[base + 1].is_some();
        let nargs = argc + has_self as usize;
        let f = frame.values[base]
            .as_ref()?
            .downcast_exact::<PyFunction>(&self.types.function_type)?;
        let mut nf = positional_frame(f, nargs)?;
        for i in (0..nargs).rev() {
            nf.values[i] = frame.values.pop().flatten();
        }
        if !has_self {
            frame.values.pop();
        }
        nf.func = frame
            .values
            .pop()
            .flatten()
            .and_then(|c| c.downcast::<PyFunction>().ok());
        Some(nf)
    }

    /// `CALL` of a class whose instances `object.__new__` makes and whose
    /// `__init__` is a plain Python function taking the arguments
    /// positionally (CPython's `CALL_ALLOC_AND_ENTER_INIT`): the instance is
    /// made here and `__init__` runs in this eval loop, not a nested one;
    /// its frame carries the instance, which the call returns
    /// (`init_result`). `None` when the call needs `type.__call__`.
    #[inline(always)]
    fn call_init_fast(&self, frame: &mut Frame, argc: usize) -> Option<Box<Frame>> {
        let base = frame.values.len().checked_sub(argc + 2)?;
        if !frame.values[base]
            .as_ref()?
            .class()
            .is(&self.types.type_type)
        {
            return None;
        }
        self.enter_init(frame, argc, base)
    }

    #[inline(never)]
    fn enter_init(&self, frame: &mut Frame, argc: usize, base: usize) -> Option<Box<Frame>> {
        use crate::objects::baseobject::{object_new, PyBaseObject};
        use crate::objects::typeobject::{flags, PyType};
        if frame.values[base + 1].is_some() {
            return None;
        }
        let cls = frame.values[base].clone()?.downcast::<PyType>().ok()?;
        let new = cls.payload.slots.new.get()?;
        if !std::ptr::fn_addr_eq(new, object_new as crate::objects::typeobject::NewFn)
            || cls.payload.has_flag(flags::IS_ABSTRACT)
            || cls.payload.layout.type_id != std::any::TypeId::of::<PyBaseObject>()
        {
            return None;
        }
        let init = cls.lookup_str(self, "__init__")?;
        let f = init.downcast_exact::<PyFunction>(&self.types.function_type)?;
        let mut nf = positional_frame(f, argc + 1)?;
        for i in (1..=argc).rev() {
            nf.values[i] = frame.values.pop().flatten();
        }
        let inst = PyRef::new_with_type(PyBaseObject, cls.clone()).into_object();
        nf.values[0] = Some(inst.clone());
        frame.values.truncate(base);
        nf.func = init.downcast::<PyFunction>().ok();
        nf.init_self = Some(inst);
        Some(nf)
    }

    /// The result of a `CALL` that entered `__init__` (`call_init_fast`):
    /// the instance, once `__init__` has returned None.
    #[cold]
    fn init_result(&self, inst: PyObjectRef, value: PyObjectRef) -> PyResult {
        if self.is_none(&value) {
            return Ok(inst);
        }
        Err(self.new_type_error(format!(
            "__init__() should return None, not '{}'",
            value.class().name_string()
        )))
    }

    /// A call from `CALL` to anything but a Python function. Builtin
    /// functions and method descriptors called on an instance of their own
    /// class go straight to their Rust function (CPython's
    /// `CALL_BUILTIN_FAST`, `CALL_METHOD_DESCRIPTOR_FAST`); everything else
    /// through the type's call slot.
    // Out of line: inlined into the eval loop it cost `float` 12% in wall
    // time (branch layout) for fewer instructions.
    #[inline(never)]
    fn call_native(
        &self,
        callable: &PyObjectRef,
        args: &[PyObjectRef],
        kwnames: Option<&PyTupleRef>,
    ) -> PyResult {
        use crate::objects::methodobject::{MethodKind, PyBuiltinFunction, PyMethodDescr};
        if let Some(f) =
            callable.downcast_exact::<PyBuiltinFunction>(&self.types.builtin_function_type)
        {
            if !f.pass_self || f.self_.is_none() {
                return (f.func)(self, args, kwnames);
            }
        } else if let Some(d) =
            callable.downcast_exact::<PyMethodDescr>(&self.types.method_descriptor_type)
        {
            let nkw = kwnames.map_or(0, |k| k.payload.len());
            if d.kind == MethodKind::Instance
                && d.slot.is_none()
                && args.len() > nkw
                && args[0].class().is(&d.objclass)
            {
                return (d.func)(self, args, kwnames);
            }
        }
        self.call(callable, args, kwnames)
    }

    /// `CALL`: returns a frame to push for Python functions, otherwise
    /// calls and pushes the result.
    fn call_op(
        &self,
        frame: &mut Frame,
        parents: &mut [Box<Frame>],
        argc: usize,
        kwnames: Option<&PyTupleRef>,
    ) -> PyResult<Option<Box<Frame>>> {
        let len = frame.values.len();
        let base = len - argc - 2;
        let callable = frame.values[base].clone().expect("callable");
        let has_self = frame.values[base + 1].is_some();
        let args_start = if has_self { base + 1 } else { base + 2 };
        // Python functions the fast path (`call_py_fast`) could not take.
        if callable.payload_is::<PyFunction>() {
            let func = callable
                .clone()
                .downcast::<PyFunction>()
                .ok()
                .expect("checked");
            let args: Vec<PyObjectRef> = frame.values[args_start..]
                .iter()
                .map(|v| v.clone().expect("arg"))
                .collect();
            frame.values.truncate(base);
            let new_frame = crate::python::call::make_frame(self, &func, &args, kwnames)?;
            if func.payload.code.payload.flags()
                & (co::GENERATOR | co::COROUTINE | co::ASYNC_GENERATOR)
                != 0
            {
                // Generator functions run to RETURN_GENERATOR inline too.
            }
            return Ok(Some(new_frame));
        }
        if let Some(m) = callable.downcast_ref::<crate::objects::classobject::PyBoundMethod>() {
            if !has_self {
                if let Some(func) = m.func.clone().downcast::<PyFunction>().ok() {
                    let mut args: Vec<PyObjectRef> = Vec::with_capacity(argc + 1);
                    args.push(m.self_.clone());
                    args.extend(
                        frame.values[args_start..]
                            .iter()
                            .map(|v| v.clone().expect("arg")),
                    );
                    frame.values.truncate(base);
                    return Ok(Some(crate::python::call::make_frame(
                        self, &func, &args, kwnames,
                    )?));
                }
            }
        }
        let id = callable.id();
        let frame_use = self.state.frame_builtins.lookup(id);
        let saved = frame_use.map(|u| self.enter_frame_for_builtin(frame, parents, u));
        let result = {
            // The arguments stay on the stack, borrowed by the callee, and
            // are released after the call, as in CPython.
            let r = self.call_native(&callable, frame.stack_args(args_start), kwnames);
            frame.values.truncate(base);
            if let Some(saved) = saved {
                *self.state.current_frame.borrow_mut() = saved.0;
                *self.state.current_frame_super.borrow_mut() = saved.1;
            }
            r?
        };
        frame.values.push(Some(result));
        Ok(None)
    }

    /// Publishes the calling frame (with a locals snapshot for function
    /// frames, as PEP 667 specifies for 3.13) to a frame-inspecting builtin.
    /// `super()` needs no locals; `sys._getframe` also gets the `f_back`
    /// chain of the frames below in this eval loop.
    // Rare (locals(), super(), sys._getframe...): kept out of line so it
    // does not weigh on the eval loop's code layout.
    #[allow(clippy::type_complexity)]
    #[cold]
    #[inline(never)]
    fn enter_frame_for_builtin(
        &self,
        frame: &mut Frame,
        parents: &mut [Box<Frame>],
        frame_use: crate::python::pylifecycle::FrameUse,
    ) -> (
        Option<crate::objects::frameobject::PyFrameRef>,
        Option<(PyObjectRef, PyObjectRef)>,
    ) {
        let fobj = crate::objects::frameobject::frame_object(self, frame);
        use crate::python::pylifecycle::FrameUse;
        if frame_use == FrameUse::Stack {
            let mut below = fobj.clone();
            for p in parents.iter_mut().rev() {
                let pobj = crate::objects::frameobject::frame_object(self, p);
                *below.payload.back.borrow_mut() = Some(pobj.clone());
                below = pobj;
            }
        }
        let wants_locals = matches!(frame_use, FrameUse::Locals | FrameUse::Stack);
        if wants_locals {
            self.snapshot_fast_locals(frame, &fobj);
        }
        // super(): the first argument and the __class__ cell.
        let code = &frame.code.payload;
        let sup = if frame_use == FrameUse::Super
            && (code.code.argcount > 0 || code.code.flags & co::VARARGS != 0)
        {
            let first = frame.values.first().cloned().flatten().map(|v| {
                if code.code.localspluskinds.first().copied().unwrap_or(0)
                    & rython_compiler::code::fast_kind::CELL
                    != 0
                {
                    v.downcast_ref::<crate::objects::cellobject::PyCell>()
                        .and_then(|c| c.get())
                        .unwrap_or(v)
                } else {
                    v
                }
            });
            let class_cell = code
                .localsplusnames
                .iter()
                .position(|n| n.payload.as_str() == "__class__")
                .and_then(|i| frame.values[i].clone());
            match (first, class_cell) {
                (Some(f), Some(c)) => Some((f, c)),
                _ => None,
            }
        } else {
            None
        };
        let prev_frame = self.state.current_frame.replace(Some(fobj));
        let prev_sup = self.state.current_frame_super.replace(sup);
        (prev_frame, prev_sup)
    }

    /// A function frame's fast locals and cells as a dict in its frame
    /// object (what `locals()` and `f_locals` read, as PEP 667's snapshot).
    pub(crate) fn snapshot_fast_locals(
        &self,
        frame: &Frame,
        fobj: &crate::objects::frameobject::PyFrameRef,
    ) {
        if !(frame.locals.is_none() || frame.code.payload.flags() & co::OPTIMIZED != 0) {
            return;
        }
        let d = self.new_dict();
        let code = &frame.code.payload;
        for (i, name) in code.localsplusnames.iter().enumerate() {
            let kind = code.code.localspluskinds.get(i).copied().unwrap_or(0);
            let v = match frame.values.get(i) {
                Some(Some(v))
                    if kind
                        & (rython_compiler::code::fast_kind::CELL
                            | rython_compiler::code::fast_kind::FREE)
                        != 0 =>
                {
                    v.downcast_ref::<crate::objects::cellobject::PyCell>()
                        .and_then(|c| c.get())
                }
                Some(other) => other.clone(),
                None => None,
            };
            if let Some(v) = v {
                let _ = d.payload.set_item(self, name.clone().into_object(), v);
            }
        }
        *fobj.payload.locals.borrow_mut() = Some(d.into_object());
    }

    /// Brings the frame objects of this eval loop's running frames up to
    /// date (line and locals) before Python code reads one of them.
    #[cold]
    #[inline(never)]
    fn sync_frame_objects(&self, frame: &Frame, parents: &[Box<Frame>]) {
        for f in parents.iter().map(|b| &**b).chain(std::iter::once(frame)) {
            if let Some(fo) = &f.frame_obj {
                fo.payload.lasti.set(f.lasti as u32);
                self.snapshot_fast_locals(f, fo);
            }
        }
    }

    /// The eval loop's checkpoint (CPython's eval breaker): queued
    /// finalizers and a due collection, then the Python handlers of the
    /// signals that arrived (they get the frame as their second argument).
    #[cold]
    #[inline(never)]
    fn eval_breaker(&self, frame: &mut Frame) -> PyResult<()> {
        let woken = crate::object::finalize::take_woken();
        self.run_finalizers();
        if woken || crate::modules::signalmodule::is_tripped() {
            crate::modules::signalmodule::check_signals_with(self, &mut || {
                crate::objects::frameobject::frame_object(self, frame).into_object()
            })?;
        }
        Ok(())
    }

    /// Issues the warnings queued by a native call of `frame`'s current
    /// instruction; an exception from one (a filter turning it into an
    /// error) fails the instruction, and wins over the call's own error, as
    /// the operation would have stopped at the warning.
    #[cold]
    #[inline(never)]
    fn issue_queued_warnings(&self, frame: &Frame) -> PyResult<()> {
        self.flush_warnings(frame)
    }

    pub fn run_finalizers(&self) {
        if crate::object::gc::take_pending() {
            crate::modules::gcmodule::collect(self, crate::object::gc::due_generation());
        }
        // Bounded: a callback may queue more work, picked up next checkpoint.
        for cb in crate::object::finalize::take_callbacks() {
            cb(self);
        }
        for obj in crate::object::finalize::take_pending() {
            if let Some(del) = obj.class().lookup_str(self, "__del__") {
                if let Err(e) = self.call(&del, &[obj.clone()], None) {
                    self.write_unraisable(&e, Some(&del), "Exception ignored in");
                }
            }
            drop(obj);
        }
    }
}

/// The frame of a call to `f` with `nargs` positional arguments, holding
/// the defaults of the missing trailing parameters (the caller moves the
/// arguments into the first `nargs` slots); `None` when `f` takes `*args`,
/// `**kwargs` or keyword-only parameters, or the arguments do not fit.
#[inline(always)]
fn positional_frame(f: &PyFunction, nargs: usize) -> Option<Box<Frame>> {
    let c = &f.code.payload.code;
    let argcount = c.argcount as usize;
    if c.flags & (co::VARARGS | co::VARKEYWORDS) != 0 || c.kwonlyargcount != 0 || nargs > argcount {
        return None;
    }
    // Missing trailing arguments come from the defaults.
    let defaults = (nargs < argcount).then(|| f.defaults.borrow());
    let d = match &defaults {
        Some(d) => d.as_ref()?.payload.as_slice(),
        None => &[],
    };
    if nargs + d.len() < argcount {
        return None;
    }
    let mut nf = Frame::new(
        f.code.clone(),
        None,
        f.globals.clone(),
        f.builtins.clone(),
        None,
    );
    // The defaults belong to the last parameters (all of them may be
    // longer than the parameter list after a `__defaults__` assignment).
    for i in nargs..argcount {
        nf.values[i] = Some(d[i + d.len() - argcount].clone());
    }
    Some(nf)
}
