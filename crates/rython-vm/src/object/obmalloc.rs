//! The object allocator family (CPython's Objects/obmalloc.c). Every object
//! allocation goes through `object_malloc`/`object_free`, so a small-block
//! pool allocator and the `PYTHONMALLOC=debug` hooks can be slotted in here
//! without touching any type. Today it forwards to the system allocator.

use std::alloc::Layout;
use std::ptr::NonNull;

/// `PyObject_Malloc`: memory for one object.
#[inline]
pub fn object_malloc(layout: Layout) -> NonNull<u8> {
    // SAFETY: every object layout has a non-zero size (it holds a header).
    let p = unsafe { std::alloc::alloc(layout) };
    match NonNull::new(p) {
        Some(p) => p,
        None => std::alloc::handle_alloc_error(layout),
    }
}

/// `PyObject_Free`.
///
/// # Safety
/// `ptr` came from `object_malloc` with the same `layout` and is not used
/// again.
#[inline]
pub unsafe fn object_free(ptr: NonNull<u8>, layout: Layout) {
    // SAFETY: per the contract above.
    unsafe { std::alloc::dealloc(ptr.as_ptr(), layout) }
}
