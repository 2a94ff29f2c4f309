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
}

/// A generator frame resumed by `FOR_ITER` without a nested eval loop
/// (CPython's `FOR_ITER_GEN`).
pub struct InlineGen {
    pub gen: crate::objects::genobject::PyGeneratorRef,
    /// The caller's "exception being handled", restored when the
    /// generator yields, returns or raises.
    pub caller_exc: Option<PyObjectRef>,
    /// Where the caller continues when the generator is exhausted.
    pub exit_pc: usize,
}

/// A finished frame's allocation, with its fields already dropped, and its
/// value vector (emptied), both kept for the next call.
type FreeFrame = (Box<MaybeUninit<Frame>>, Vec<Option<PyObjectRef>>);

thread_local! {
    static FREE_FRAMES: RefCell<Vec<FreeFrame>> = const { RefCell::new(Vec::new()) };
}

const MAX_FREE_VALUES: usize = 64;

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

thread_local! {
    /// Argument vectors for calls into native code, kept for reuse so a
    /// builtin call allocates nothing once warm.
    static FREE_ARGS: RefCell<Vec<Vec<PyObjectRef>>> = const { RefCell::new(Vec::new()) };
}

/// An empty argument vector from the pool.
#[inline]
pub fn take_args_vec() -> Vec<PyObjectRef> {
    FREE_ARGS.with(|f| f.borrow_mut().pop()).unwrap_or_default()
}

/// Releases the arguments (their references die now) and keeps the vector.
#[inline]
pub fn recycle_args_vec(mut v: Vec<PyObjectRef>) {
    v.clear();
    FREE_ARGS.with(|f| {
        let mut f = f.borrow_mut();
        if f.len() < MAX_FREE_VALUES {
            f.push(v);
        }
    });
}

impl Frame {
    /// A frame for `code`, with every local slot NULL. Frames live in
    /// boxes so the eval loop moves a pointer, not the struct, on every call
    /// and return; the boxes and value vectors are reused.
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
        let (slot, mut values) = FREE_FRAMES
            .with(|f| f.borrow_mut().pop())
            .unwrap_or_else(|| (Box::new_uninit(), Vec::new()));
        values.reserve(cap);
        values.resize(n, None);
        Box::write(
            slot,
            Frame {
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
            },
        )
    }

    /// Releases a finished frame: its locals die now, as in CPython, and the
    /// box and value vector are kept for the next call.
    pub fn recycle(mut self: Box<Self>) {
        let mut values = std::mem::take(&mut self.values);
        values.clear();
        let raw = Box::into_raw(self);
        // SAFETY: `raw` came from `Box::into_raw` just above, so it is a
        // valid, uniquely owned `Frame`; its fields are dropped exactly once
        // here and the allocation is then only used as uninitialised memory
        // of the same layout (`MaybeUninit<Frame>`).
        let slot = unsafe {
            std::ptr::drop_in_place(raw);
            Box::from_raw(raw.cast::<MaybeUninit<Frame>>())
        };
        FREE_FRAMES.with(|f| {
            let mut f = f.borrow_mut();
            if f.len() < MAX_FREE_VALUES {
                f.push((slot, values));
            }
        });
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
