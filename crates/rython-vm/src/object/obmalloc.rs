//! The object allocator (CPython's Objects/obmalloc.c, "pymalloc").
//!
//! Every object allocation goes through `object_malloc`/`object_free`.
//! Requests of up to 512 bytes are served from per-size-class free lists
//! (64 classes in 8-byte steps); the lists are refilled by carving 16 KiB
//! pools into equal blocks. pymalloc has used 16-byte steps since 3.8;
//! 8-byte steps let the most common objects (a float is 24 bytes) take
//! exactly their size. Requests aligned to 16 get a class whose block size
//! is a multiple of 16, so every block of it is 16-aligned in its pool. Larger requests, and every
//! request under `PYTHONMALLOC=malloc`, go to the system allocator.
//!
//! Objects never cross threads (`PyObjectRef` is `!Send`), so the pools are
//! thread-local and need no locking. Freed blocks are kept for reuse (pools
//! are not yet returned to the OS).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ptr::NonNull;

/// Size-class granularity, the largest alignment served from pools and
/// the largest size.
const GRAIN: usize = 8;
const ALIGNMENT: usize = 16;
const SMALL_REQUEST_THRESHOLD: usize = 512;
const NB_SMALL_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / GRAIN;
const POOL_SIZE: usize = 16 * 1024;

/// Which allocator family serves objects (`PYTHONMALLOC`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocatorKind {
    Pymalloc,
    Malloc,
}

thread_local! {
    /// Head of each size class's free list; a free block's first word
    /// points to the next free block.
    static FREE: [Cell<*mut u8>; NB_SMALL_SIZE_CLASSES] = const { [const { Cell::new(std::ptr::null_mut()) }; NB_SMALL_SIZE_CLASSES] };
    /// The unused tail of each class's newest pool (next block, end): blocks
    /// are carved from it on demand, as pymalloc's `nextoffset`, so pages of
    /// a pool that are never needed are never touched.
    static FRESH: [Cell<(*mut u8, usize)>; NB_SMALL_SIZE_CLASSES] = const { [const { Cell::new((std::ptr::null_mut(), 0)) }; NB_SMALL_SIZE_CLASSES] };
    static USE_POOLS: Cell<bool> = const { Cell::new(true) };
    static POOLS_ALLOCATED: Cell<usize> = const { Cell::new(0) };
}

/// Sets up the system allocator behind the pools, once at start-up.
///
/// glibc raises its mmap threshold every time a large mmapped block is
/// freed, after which large string and list buffers come from the heap
/// and fragment it: a program that builds and drops big strings in a loop
/// grows without bound. A fixed threshold (which also turns that
/// adjustment off) returns every large buffer to the OS when freed.
pub fn configure_system_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes allocator tuning parameters; it is
    // called before the interpreter thread starts, with valid constants.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Selects the allocator for this thread's objects; call before any object
/// is allocated (start-up, from `PYTHONMALLOC`).
pub fn set_allocator(kind: AllocatorKind) {
    USE_POOLS.with(|u| u.set(kind == AllocatorKind::Pymalloc));
}

/// Number of 16 KiB pools obtained so far (for `sys._debugmallocstats`).
pub fn pools_allocated() -> usize {
    POOLS_ALLOCATED.with(|p| p.get())
}

#[inline]
fn size_class(layout: Layout) -> Option<usize> {
    if USE_POOLS.with(|u| u.get()) {
        raw_class(layout.size().max(1), layout.align())
    } else {
        None
    }
}

/// The next never-used block of `class`: from the newest pool's tail, or
/// from a new pool.
#[cold]
fn refill(class: usize) -> *mut u8 {
    let block = (class + 1) * GRAIN;
    // (next block, blocks left in the newest pool)
    let (next, left) = FRESH.with(|f| f[class].get());
    if left > 0 {
        // SAFETY: `next` is a never-used block inside the newest pool and
        // `left` counts the whole blocks from it to the pool's end, so
        // the following block (if any) is still inside the pool.
        let after = unsafe { next.add(block) };
        FRESH.with(|f| f[class].set((after, left - 1)));
        return next;
    }
    let layout = Layout::from_size_align(POOL_SIZE, ALIGNMENT).expect("pool layout");
    // SAFETY: the layout has a non-zero size. Pools come straight from the
    // system allocator: this code also serves as the global allocator.
    let pool = unsafe { System.alloc(layout) };
    if pool.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    POOLS_ALLOCATED.with(|p| p.set(p.get() + 1));
    // Block 0 is returned; the others are handed out as needed.
    // SAFETY: a pool holds at least two blocks of any class (≤ 512 bytes).
    let second = unsafe { pool.add(block) };
    FRESH.with(|f| f[class].set((second, POOL_SIZE / block - 1)));
    pool
}

/// `PyObject_Malloc`: memory for one object.
#[inline]
pub fn object_malloc(layout: Layout) -> NonNull<u8> {
    if super::obmalloc_debug::enabled() {
        return super::obmalloc_debug::debug_malloc(layout);
    }
    base_malloc(layout)
}

/// `object_malloc` without the debug hooks.
#[inline]
pub(crate) fn base_malloc(layout: Layout) -> NonNull<u8> {
    if let Some(class) = size_class(layout) {
        // SAFETY: blocks are never null.
        return unsafe { NonNull::new_unchecked(pool_alloc(class)) };
    }
    // SAFETY: every object layout has a non-zero size (it holds a header).
    let p = unsafe { System.alloc(layout) };
    match NonNull::new(p) {
        Some(p) => p,
        None => std::alloc::handle_alloc_error(layout),
    }
}

/// `PyObject_Free`.
///
/// # Safety
/// `ptr` came from `object_malloc` with the same `layout` on this thread and
/// is not used again.
#[inline]
pub unsafe fn object_free(ptr: NonNull<u8>, layout: Layout) {
    if super::obmalloc_debug::enabled() {
        // SAFETY: per the contract above.
        return unsafe { super::obmalloc_debug::debug_free(ptr, layout) };
    }
    // SAFETY: per the contract above.
    unsafe { base_free(ptr, layout) }
}

/// `object_free` without the debug hooks.
///
/// # Safety
/// As `object_free`, for a block from `base_malloc`.
#[inline]
pub(crate) unsafe fn base_free(ptr: NonNull<u8>, layout: Layout) {
    if let Some(class) = size_class(layout) {
        // SAFETY: per the contract above, the block came from this class.
        unsafe { pool_free(ptr.as_ptr(), class) };
        return;
    }
    // SAFETY: per the contract above.
    unsafe { System.dealloc(ptr.as_ptr(), layout) }
}

/// A block of `class` from the pools (the free list, else a new pool).
#[inline]
fn pool_alloc(class: usize) -> *mut u8 {
    let p = FREE.with(|free| {
        let head = free[class].get();
        if head.is_null() {
            return std::ptr::null_mut();
        }
        // SAFETY: `head` is a free block of this class; its first word
        // holds the next free block.
        let next = unsafe { (head as *const *mut u8).read() };
        free[class].set(next);
        head
    });
    if p.is_null() {
        refill(class)
    } else {
        p
    }
}

/// # Safety
/// `ptr` is a block of `class` that is no longer used.
#[inline]
unsafe fn pool_free(ptr: *mut u8, class: usize) {
    FREE.with(|free| {
        // SAFETY: the block is ours again and large enough for a pointer.
        unsafe { (ptr as *mut *mut u8).write(free[class].get()) };
        free[class].set(ptr);
    });
}

/// The size class of a raw (non-object) request, whatever `PYTHONMALLOC`
/// says: Rust allocations start before the setting is read, and a block
/// must go back to the allocator it came from.
#[inline]
fn raw_class(size: usize, align: usize) -> Option<usize> {
    if size > SMALL_REQUEST_THRESHOLD || align > ALIGNMENT || size == 0 {
        return None;
    }
    // A 16-aligned request takes a class of 16-byte multiples.
    let size = if align > GRAIN {
        (size + 15) & !15
    } else {
        size
    };
    Some((size - 1) / GRAIN)
}

/// The process's global allocator (CPython's `PyMem_Malloc` family, which
/// is pymalloc too): small requests — string buffers, dict tables, list
/// storage, frames — come from the same size-class pools as objects,
/// without malloc's per-block header; larger ones go to the system.
///
/// Pools are per thread and never returned, so a block freed by another
/// thread simply joins that thread's free list.
pub struct PyMemAllocator;

// SAFETY: small blocks come from pools that hand out each block once until
// it is freed; everything else is delegated to `System` with the same
// layout, and `dealloc`/`realloc` route a block by its layout exactly as
// `alloc` did.
unsafe impl GlobalAlloc for PyMemAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match raw_class(layout.size(), layout.align()) {
            Some(class) => pool_alloc(class),
            // SAFETY: forwarded with the caller's layout.
            None => unsafe { System.alloc(layout) },
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match raw_class(layout.size(), layout.align()) {
            // SAFETY: the block came from `pool_alloc` of this class.
            Some(class) => unsafe { pool_free(ptr, class) },
            // SAFETY: it came from `System.alloc` with this layout.
            None => unsafe { System.dealloc(ptr, layout) },
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = raw_class(layout.size(), layout.align());
        let new = raw_class(new_size, layout.align());
        match (old, new) {
            (Some(a), Some(b)) if a == b => ptr,
            // SAFETY: both sides are system blocks of this alignment.
            (None, None) => unsafe { System.realloc(ptr, layout, new_size) },
            _ => {
                // SAFETY: `new_size` is non-zero per the GlobalAlloc contract.
                let new_layout =
                    unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
                // SAFETY: a fresh block of the new layout.
                let p = unsafe { self.alloc(new_layout) };
                if !p.is_null() {
                    // SAFETY: both blocks are valid for the smaller size and
                    // distinct; the old block is freed with its own layout.
                    unsafe {
                        std::ptr::copy_nonoverlapping(ptr, p, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                }
                p
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_reused_and_distinct() {
        let l = Layout::from_size_align(40, 8).unwrap();
        let a = object_malloc(l);
        let b = object_malloc(l);
        assert_ne!(a, b);
        assert_eq!(a.as_ptr() as usize % GRAIN, 0);
        // SAFETY: both came from object_malloc with `l`.
        unsafe { object_free(a, l) };
        let c = object_malloc(l);
        assert_eq!(a, c);
        unsafe {
            object_free(b, l);
            object_free(c, l);
        }
    }

    #[test]
    fn blocks_take_their_size_in_8_byte_steps_and_keep_16_byte_alignment() {
        let small = Layout::from_size_align(24, 8).unwrap();
        let wide = Layout::from_size_align(24, 16).unwrap();
        let a: Vec<_> = (0..100).map(|_| object_malloc(small)).collect();
        let w: Vec<_> = (0..100).map(|_| object_malloc(wide)).collect();
        // Fresh blocks of one class are carved one after another.
        let gaps = a
            .windows(2)
            .filter(|p| p[1].as_ptr() as usize == p[0].as_ptr() as usize + 24)
            .count();
        assert!(gaps > 90, "{gaps}");
        assert!(w.iter().all(|p| p.as_ptr() as usize % 16 == 0));
        // SAFETY: each came from object_malloc with its layout.
        unsafe {
            a.into_iter().for_each(|p| object_free(p, small));
            w.into_iter().for_each(|p| object_free(p, wide));
        }
    }

    #[test]
    fn large_requests_use_the_system_allocator() {
        let l = Layout::from_size_align(4096, 8).unwrap();
        let a = object_malloc(l);
        // SAFETY: from object_malloc with `l`.
        unsafe { object_free(a, l) };
    }
}
