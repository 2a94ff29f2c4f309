//! `__del__` support. CPython calls a finalizer from inside `Py_DECREF`; we
//! cannot run Python code from inside a Rust `Drop`, so a dying object whose
//! type has `__del__` is resurrected into a queue that the eval loop drains
//! at the next call or return — before any further Python-visible effect.

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use super::core::{PyHeader, PyObjectRef};

/// Finalization work queued by a native `Drop` that needs the VM (e.g. a
/// suspended generator's `close()`).
pub type PendingCallback = Box<dyn FnOnce(&crate::VM)>;

thread_local! {
    static PENDING: RefCell<Vec<PyObjectRef>> = const { RefCell::new(Vec::new()) };
    static CALLBACKS: RefCell<Vec<PendingCallback>> = const { RefCell::new(Vec::new()) };
    /// Set whenever either queue is non-empty: the eval loop polls this one
    /// flag at every backward jump and call, so it must be a plain load.
    static ANY_PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Queues `f` to run at the next finalizer checkpoint of the eval loop.
pub fn defer_callback(f: PendingCallback) {
    CALLBACKS.with(|c| c.borrow_mut().push(f));
    ANY_PENDING.with(|a| a.set(true));
}

/// Takes the queued native finalization callbacks.
pub fn take_callbacks() -> Vec<PendingCallback> {
    ANY_PENDING.with(|a| a.set(false));
    CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()))
}

/// Called by the deallocator: returns true if the object was queued for its
/// finalizer instead of being freed.
///
/// # Safety
/// `ptr` is an object whose count just reached zero.
pub(crate) unsafe fn defer_finalizer(ptr: NonNull<PyHeader>) -> bool {
    // SAFETY: count zero means we hold the only (implicit) reference;
    // rebuilding a handle with count 1 resurrects it.
    let obj = unsafe { PyObjectRef::resurrect(ptr) };
    let Some(ext) = obj.instance_ext() else {
        obj.into_raw_zero();
        return false;
    };
    if ext.finalized.replace(true) {
        // Already finalized once: let it die now. Undo the resurrection
        // without re-entering the deallocator.
        obj.into_raw_zero();
        return false;
    }
    PENDING.with(|p| p.borrow_mut().push(obj));
    ANY_PENDING.with(|a| a.set(true));
    true
}

/// Asks the eval loop to stop at its next checkpoint (a collection is due).
pub fn signal() {
    ANY_PENDING.with(|a| a.set(true));
}

/// Takes the objects waiting for `__del__`.
pub fn take_pending() -> Vec<PyObjectRef> {
    PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

#[inline]
pub fn has_pending() -> bool {
    ANY_PENDING.with(|a| a.get())
}
