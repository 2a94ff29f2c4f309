//! The executing frame (CPython's `_PyInterpreterFrame`): fast locals,
//! cells and free variables by index, then the value stack, in one vector.
//! Frames are recycled through a free list so a call allocates nothing once
//! the program is warm.

use std::cell::RefCell;
use std::mem::MaybeUninit;

use crate::object::PyObjectRef;
use crate::objects::codeobject::PyCodeRef;
use crate::objects::dictobject::PyDictRef;
use crate::objects::frameobject::PyFrameRef;
use crate::objects::funcobject::PyFunctionRef;

pub struct Frame {
    pub code: PyCodeRef,
    pub func: Option<PyFunctionRef>,
    pub globals: PyDictRef,
    pub builtins: PyDictRef,
    /// The namespace of module and class bodies (`LOAD_NAME`); `None` in
    /// optimized (function) frames.
    pub locals: Option<PyObjectRef>,
    /// `localsplus` slots first (`code.nlocalsplus()` of them), then the
    /// value stack. `None` is a NULL slot/stack entry.
    pub values: Vec<Option<PyObjectRef>>,
    /// Index of the next instruction to execute.
    pub pc: usize,
    /// Index of the instruction being executed (for tracebacks).
    pub lasti: usize,
    /// The Python-visible frame object, made on demand.
    pub frame_obj: Option<PyFrameRef>,
    /// The generator that owns this frame, when it is one (for
    /// `gi_frame`/exception state).
    pub is_generator: bool,
    /// The exception that was being handled when this generator frame was
    /// suspended (CPython's `gi_exc_state`).
    pub saved_exception: Option<PyObjectRef>,
    /// Set while this generator frame runs inline in its caller's eval
    /// loop (a `for` over a generator): how to hand it back.
    pub inline_gen: Option<InlineGen>,
    /// On the frame of an `__init__` that `CALL` entered for a class (CPython's
    /// `CALL_ALLOC_AND_ENTER_INIT`): the new instance, which the call
    /// returns once `__init__` has returned None.
    pub init_self: Option<PyObjectRef>,
}

impl Frame {
    /// Each reference the frame owns, once (for a suspended generator's
    /// `traverse`).
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(f) = &self.func {
            visit(f.as_object());
        }
        visit(self.globals.as_object());
        visit(self.builtins.as_object());
        self.locals.iter().for_each(&mut *visit);
        self.values.iter().flatten().for_each(&mut *visit);
        if let Some(f) = &self.frame_obj {
            visit(f.as_object());
        }
        self.saved_exception.iter().for_each(&mut *visit);
        if let Some(g) = &self.inline_gen {
            visit(g.gen.as_object());
            g.caller_exc.iter().for_each(&mut *visit);
        }
        self.init_self.iter().for_each(&mut *visit);
    }
}

/// A generator frame resumed by `FOR_ITER` or `SEND` without a nested eval
/// loop (CPython's `FOR_ITER_GEN` and `SEND_GEN`).
pub struct InlineGen {
    pub gen: crate::objects::genobject::PyGeneratorRef,
    /// The caller's "exception being handled", restored when the
    /// generator yields, returns or raises.
    pub caller_exc: Option<PyObjectRef>,
    /// Where the caller continues when the generator is exhausted.
    pub exit_pc: usize,
    /// Resumed by `SEND` (`yield from`/`await`: the return value is pushed)
    /// rather than `FOR_ITER` (the iterator is popped).
    pub by_send: bool,
}

thread_local! {
    /// Finished frames kept for reuse. Invariant: every field of a pooled
    /// frame has been dropped except `values`, which is a valid, empty
    /// vector (so its buffer is reused too).
    static FREE_FRAMES: RefCell<Vec<Box<MaybeUninit<Frame>>>> = const { RefCell::new(Vec::new()) };
}

const MAX_FREE_VALUES: usize = 64;

/// The compiler guarantees the stack layout of every instruction; this is
/// only reached through a bug in it.
#[cold]
#[inline(never)]
fn stack_corrupt(what: &str) -> ! {
    panic!("{what}")
}

thread_local! {
    /// Frame stacks of finished `eval_frame` calls: a generator resume or
    /// a call from native code enters the eval loop without allocating.
    static FREE_STACKS: RefCell<Vec<Vec<Box<Frame>>>> = const { RefCell::new(Vec::new()) };
}

/// An empty frame stack for one `eval_frame` call.
#[inline]
pub fn take_frame_stack() -> Vec<Box<Frame>> {
    FREE_STACKS
        .with(|f| f.borrow_mut().pop())
        .unwrap_or_else(|| Vec::with_capacity(8))
}

/// Gives back an (emptied) frame stack.
#[inline]
pub fn recycle_frame_stack(v: Vec<Box<Frame>>) {
    debug_assert!(v.is_empty());
    FREE_STACKS.with(|f| {
        let mut f = f.borrow_mut();
        if f.len() < MAX_FREE_VALUES {
            f.push(v);
        }
    });
}

impl Frame {
    /// A frame for `code`, with every local slot NULL. Frames live in
    /// boxes so the eval loop moves a pointer, not the struct, on every call
    /// and return; the boxes and their value vectors are reused.
    #[inline]
    pub fn new(
        code: PyCodeRef,
        func: Option<PyFunctionRef>,
        globals: PyDictRef,
        builtins: PyDictRef,
        locals: Option<PyObjectRef>,
    ) -> Box<Frame> {
        let n = code.payload.nlocalsplus();
        let cap = n + code.payload.code.stacksize as usize + 1;
        let Some(mut slot) = FREE_FRAMES.with(|f| f.borrow_mut().pop()) else {
            let mut values = Vec::with_capacity(cap);
            values.resize(n, None);
            return Box::new(Frame {
                code,
                func,
                globals,
                builtins,
                locals,
                values,
                pc: 0,
                lasti: 0,
                frame_obj: None,
                is_generator: false,
                saved_exception: None,
                inline_gen: None,
                init_self: None,
            });
        };
        let p = slot.as_mut_ptr();
        // SAFETY: by the pool's invariant `values` is a valid empty vector
        // and every other field is uninitialised; each is written exactly
        // once here, after which the whole `Frame` is initialised.
        unsafe {
            let values = &mut *std::ptr::addr_of_mut!((*p).values);
            values.reserve(cap);
            // All-zero bytes are `None` (`Option<PyObjectRef>` is a nullable
            // pointer), and `cap >= n` slots are allocated. Most functions
            // have a few locals: storing them costs less than calling memset.
            let base = values.as_mut_ptr();
            if n <= 4 {
                for i in 0..n {
                    base.add(i).write(None);
                }
            } else {
                std::ptr::write_bytes(base, 0, n);
            }
            values.set_len(n);
            std::ptr::addr_of_mut!((*p).code).write(code);
            std::ptr::addr_of_mut!((*p).func).write(func);
            std::ptr::addr_of_mut!((*p).globals).write(globals);
            std::ptr::addr_of_mut!((*p).builtins).write(builtins);
            std::ptr::addr_of_mut!((*p).locals).write(locals);
            std::ptr::addr_of_mut!((*p).pc).write(0);
            std::ptr::addr_of_mut!((*p).lasti).write(0);
            std::ptr::addr_of_mut!((*p).frame_obj).write(None);
            std::ptr::addr_of_mut!((*p).is_generator).write(false);
            std::ptr::addr_of_mut!((*p).saved_exception).write(None);
            std::ptr::addr_of_mut!((*p).inline_gen).write(None);
            std::ptr::addr_of_mut!((*p).init_self).write(None);
            slot.assume_init()
        }
    }

    /// Releases a finished frame: its locals and references die now, as in
    /// CPython, and the box and value vector are kept for the next call.
    pub fn recycle(mut self: Box<Self>) {
        if let Some(fo) = &self.frame_obj {
            if self.locals.is_none() {
                // A traceback or `sys._getframe` made this frame visible:
                // its object keeps the locals from now on.
                let n = self.nlocalsplus().min(self.values.len());
                let locals: Box<[Option<PyObjectRef>]> = self.values.drain(..n).collect();
                *fo.payload.exited.borrow_mut() = Some(locals);
            }
        }
        self.values.clear();
        let raw = Box::into_raw(self);
        // SAFETY: `raw` came from `Box::into_raw` just above, so it is a
        // valid, uniquely owned `Frame`. Every field but `values` is dropped
        // exactly once, which leaves the pool's invariant; the allocation is
        // then only used as `MaybeUninit<Frame>` of the same layout.
        let slot = unsafe {
            std::ptr::drop_in_place(std::ptr::addr_of_mut!((*raw).code));
            std::ptr::drop_in_place(std::ptr::addr_of_mut!((*raw).func));
            std::ptr::drop_in_place(std::ptr::addr_of_mut!((*raw).globals));
            std::ptr::drop_in_place(std::ptr::addr_of_mut!((*raw).builtins));
            std::ptr::drop_in_place(std::ptr::addr_of_mut!((*raw).locals));
            std::ptr::drop_in_place(std::ptr::addr_of_mut!((*raw).frame_obj));
            std::ptr::drop_in_place(std::ptr::addr_of_mut!((*raw).saved_exception));
            std::ptr::drop_in_place(std::ptr::addr_of_mut!((*raw).inline_gen));
            std::ptr::drop_in_place(std::ptr::addr_of_mut!((*raw).init_self));
            Box::from_raw(raw.cast::<MaybeUninit<Frame>>())
        };
        let slot = FREE_FRAMES.with(|f| {
            let mut f = f.borrow_mut();
            if f.len() < MAX_FREE_VALUES {
                f.push(slot);
                None
            } else {
                Some(slot)
            }
        });
        if let Some(mut slot) = slot {
            // SAFETY: only `values` is still initialised; drop it, then the
            // box frees the memory without touching the rest.
            unsafe { std::ptr::drop_in_place(std::ptr::addr_of_mut!((*slot.as_mut_ptr()).values)) };
        }
    }

    /// Pops the top of the value stack, which the compiler guarantees is
    /// an object (not NULL).
    #[inline(always)]
    pub fn pop_obj(&mut self) -> PyObjectRef {
        let len = self.values.len();
        if len == 0 {
            stack_corrupt("pop from an empty value stack");
        }
        // SAFETY: `len > 0`, so slot `len - 1` is initialised. Shrinking the
        // length first hands its ownership to this read, exactly once.
        let top = unsafe {
            self.values.set_len(len - 1);
            std::ptr::read(self.values.as_ptr().add(len - 1))
        };
        match top {
            Some(v) => v,
            None => stack_corrupt("NULL on the value stack"),
        }
    }

    /// The stack entries from `start` to the top as objects: the arguments
    /// of a call, handed to native code in place (CPython's vectorcall), so
    /// a call moves and counts nothing. The compiler never leaves NULL
    /// there.
    #[inline]
    pub fn stack_args(&self, start: usize) -> &[PyObjectRef] {
        let s = &self.values[start..];
        if s.iter().any(Option::is_none) {
            stack_corrupt("NULL among call arguments");
        }
        // SAFETY: `Option<PyObjectRef>` has the layout of `PyObjectRef` (a
        // `repr(transparent)` `NonNull`, for which `Option` is guaranteed to
        // use the null niche), and every element is `Some`, i.e. exactly a
        // `PyObjectRef`. The borrow of `self.values` covers the slice.
        unsafe { std::slice::from_raw_parts(s.as_ptr().cast::<PyObjectRef>(), s.len()) }
    }

    /// The top of the value stack, borrowed.
    #[inline(always)]
    pub fn top_obj(&self) -> &PyObjectRef {
        match self.values.last() {
            Some(Some(v)) => v,
            _ => stack_corrupt("no object on top of the value stack"),
        }
    }

    #[inline]
    pub fn nlocalsplus(&self) -> usize {
        self.code.payload.nlocalsplus()
    }

    #[inline]
    pub fn stack_len(&self) -> usize {
        self.values.len() - self.nlocalsplus()
    }
}
