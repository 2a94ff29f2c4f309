//! `__del__` support. CPython calls a finalizer from inside `Py_DECREF`; we
//! cannot run Python code from inside a Rust `Drop`, so a dying object whose
//! type has `__del__` is resurrected into a queue that the eval loop drains
//! at the next call or return — before any further Python-visible effect.

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::core::{PyHeader, PyObjectRef};

/// Finalization work queued by a native `Drop` that needs the VM (e.g. a
/// suspended generator's `close()`).
pub type PendingCallback = Box<dyn FnOnce(&crate::VM)>;

thread_local! {
    static PENDING: RefCell<Vec<PyObjectRef>> = const { RefCell::new(Vec::new()) };
    static CALLBACKS: RefCell<Vec<PendingCallback>> = const { RefCell::new(Vec::new()) };
    /// This thread has queued work (finalizers, callbacks, a collection).
    static LOCAL_PENDING: LocalMark = const { LocalMark(Cell::new(false)) };
}

/// A thread's "work queued" mark; a thread that ends with its mark set
/// stops counting in `WAITING`.
struct LocalMark(Cell<bool>);

impl Drop for LocalMark {
    fn drop(&mut self) {
        if self.0.replace(false) {
            WAITING.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// The eval loop's one "stop at the next checkpoint" flag (CPython's eval
/// breaker), polled at every backward jump and call with a relaxed load (a
/// plain load on every target). It is process-wide so that a signal
/// handler, which may run on any thread and may touch nothing but atomics,
/// can set it; each thread's own queues are marked by `LOCAL_PENDING`, and
/// `WAITING` counts the threads with queued work so that one thread's
/// checkpoint never clears the flag under another's work.
static ANY_PENDING: AtomicBool = AtomicBool::new(false);
static WAITING: AtomicUsize = AtomicUsize::new(0);
/// Set by `wake` (a signal arrived) until a checkpoint sees it.
static WOKEN: AtomicBool = AtomicBool::new(false);

fn mark_local() {
    LOCAL_PENDING.with(|l| {
        if !l.0.replace(true) {
            WAITING.fetch_add(1, Ordering::SeqCst);
        }
    });
    ANY_PENDING.store(true, Ordering::SeqCst);
}

/// Clears this thread's mark and the shared flag, keeping the flag raised
/// when another thread still has work or a signal is waiting.
fn clear_local() {
    LOCAL_PENDING.with(|l| {
        if l.0.replace(false) {
            WAITING.fetch_sub(1, Ordering::SeqCst);
        }
    });
    ANY_PENDING.store(false, Ordering::SeqCst);
    if WAITING.load(Ordering::SeqCst) > 0 || WOKEN.load(Ordering::SeqCst) {
        ANY_PENDING.store(true, Ordering::SeqCst);
    }
}

/// Asks every eval loop to stop at its next checkpoint because a signal
/// arrived. Async-signal-safe: atomic stores only.
pub fn wake() {
    WOKEN.store(true, Ordering::SeqCst);
    ANY_PENDING.store(true, Ordering::SeqCst);
}

/// Takes the flag `wake` set.
pub fn take_woken() -> bool {
    WOKEN.swap(false, Ordering::SeqCst)
}

/// Queues `f` to run at the next finalizer checkpoint of the eval loop.
pub fn defer_callback(f: PendingCallback) {
    CALLBACKS.with(|c| c.borrow_mut().push(f));
    mark_local();
}

/// Takes the queued native finalization callbacks.
pub fn take_callbacks() -> Vec<PendingCallback> {
    clear_local();
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
    mark_local();
    true
}

/// Asks the eval loop to stop at its next checkpoint (a collection is due).
pub fn signal() {
    mark_local();
}

/// Takes the objects waiting for `__del__`.
pub fn take_pending() -> Vec<PyObjectRef> {
    PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

#[inline]
pub fn has_pending() -> bool {
    ANY_PENDING.load(Ordering::Relaxed)
}
