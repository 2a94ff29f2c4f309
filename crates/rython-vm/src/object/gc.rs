//! The cycle collector's object side (CPython's Python/gc.c).
//!
//! Reference counting frees everything except cycles. Objects of container
//! types (`LayoutInfo::gc`, and every instance of a class) are allocated with
//! a `GcHead` in front of their header, which links them into one of three
//! generation lists. A collection of generation `g` takes the lists `0..=g`
//! and finds the objects only reachable from each other:
//!
//! 1. `refs` = the reference count of every object in the set;
//! 2. each object's `traverse` subtracts one from every referent in the set,
//!    so `refs` is left counting references from outside the set;
//! 3. objects with `refs > 0` and everything they reach are alive;
//! 4. the rest is garbage: `__del__` runs first (PEP 442; then the analysis
//!    is redone, since a finalizer may resurrect), then every object's
//!    `clear` drops the references it holds, and the cycles fall apart
//!    through ordinary reference counting.
//!
//! A `traverse` that misses a reference only keeps objects alive; one that
//! visits a reference twice could free a live object, so each payload visits
//! each reference it owns exactly once. Collections run only at the eval
//! loop's finalizer checkpoints or from `gc.collect()`, never inside a native
//! operation, and `clear` skips any object whose storage is borrowed.

use std::cell::Cell;
use std::ptr::NonNull;

use super::core::{PyHeader, PyObjectRef};

/// `refs` of an object outside the set being collected.
const NOT_COLLECTING: isize = isize::MIN;
/// `refs` of an object of the set found reachable.
const REACHABLE: isize = -1;

/// The link in front of every container object (CPython's `PyGC_Head`).
#[repr(C)]
pub(crate) struct GcHead {
    next: Cell<*const GcHead>,
    prev: Cell<*const GcHead>,
    refs: Cell<isize>,
}

pub(crate) const HEAD_SIZE: usize = std::mem::size_of::<GcHead>();

impl GcHead {
    pub(crate) const fn new() -> GcHead {
        GcHead::EMPTY
    }

    const EMPTY: GcHead = GcHead {
        next: Cell::new(std::ptr::null()),
        prev: Cell::new(std::ptr::null()),
        refs: Cell::new(NOT_COLLECTING),
    };

    /// A list sentinel: empty lists point at themselves (set on first use,
    /// since a thread-local's address is not known at compile time).
    fn sentinel(&self) -> *const GcHead {
        let me = self as *const GcHead;
        if self.next.get().is_null() {
            self.next.set(me);
            self.prev.set(me);
        }
        me
    }

    /// The object behind this head.
    fn object(&self) -> NonNull<PyHeader> {
        // SAFETY: heads are only ever created directly in front of an
        // object header (`alloc_obj`), so the object starts HEAD_SIZE after.
        unsafe { NonNull::new_unchecked((self as *const GcHead as *mut u8).add(HEAD_SIZE).cast()) }
    }
}

pub(crate) const GENERATIONS: usize = 3;

thread_local! {
    static GENS: [GcHead; GENERATIONS] = const { [GcHead::EMPTY, GcHead::EMPTY, GcHead::EMPTY] };
    static STATE: GcState = const { GcState::new() };
}

/// Counters and switches (`gc.get_count()`, `gc.set_threshold()`...).
pub struct GcState {
    /// Allocations minus deallocations of young objects, then the number of
    /// collections of the next younger generation.
    pub count: [Cell<isize>; GENERATIONS],
    pub threshold: [Cell<isize>; GENERATIONS],
    pub enabled: Cell<bool>,
    collecting: Cell<bool>,
    /// A collection is due at the next checkpoint.
    pending: Cell<bool>,
    /// Objects that reached the oldest generation since the last full
    /// collection, and the survivors of that collection: a full collection
    /// waits until the first is a quarter of the second (CPython's rule
    /// against quadratic behaviour on programs that build large heaps).
    long_lived_pending: Cell<isize>,
    long_lived_total: Cell<isize>,
    /// Per generation: collections, objects collected, uncollectable.
    pub stats: [[Cell<isize>; 3]; GENERATIONS],
}

impl GcState {
    const fn new() -> GcState {
        GcState {
            count: [Cell::new(0), Cell::new(0), Cell::new(0)],
            threshold: [Cell::new(2000), Cell::new(10), Cell::new(10)],
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            pending: Cell::new(false),
            long_lived_pending: Cell::new(0),
            long_lived_total: Cell::new(0),
            stats: [
                [Cell::new(0), Cell::new(0), Cell::new(0)],
                [Cell::new(0), Cell::new(0), Cell::new(0)],
                [Cell::new(0), Cell::new(0), Cell::new(0)],
            ],
        }
    }
}

/// Runs `f` on the collector's counters.
pub fn with_state<R>(f: impl FnOnce(&GcState) -> R) -> R {
    STATE.with(f)
}

/// Links a new container object into the youngest generation.
///
/// # Safety
/// `head` is the fresh head of an object being allocated.
#[inline]
pub(crate) unsafe fn track(head: *const GcHead) {
    GENS.with(|g| {
        let list = g[0].sentinel();
        // SAFETY: `head` is fresh memory (per the contract) and `list` a live
        // sentinel whose neighbours are linked heads.
        unsafe { link_before(list, head) };
    });
    STATE.with(|s| {
        let n = s.count[0].get() + 1;
        s.count[0].set(n);
        if n > s.threshold[0].get() && s.enabled.get() && !s.collecting.get() {
            s.pending.set(s.threshold[0].get() > 0);
            super::finalize::signal();
        }
    });
}

/// Unlinks a dying container object.
///
/// # Safety
/// `head` is linked (it was tracked and not yet untracked).
#[inline]
pub(crate) unsafe fn untrack(head: *const GcHead) {
    // SAFETY: per the contract, `head` and its neighbours are linked heads.
    unsafe { unlink(head) };
    STATE.with(|s| {
        let n = s.count[0].get();
        if n > 0 {
            s.count[0].set(n - 1);
        }
    });
}

/// # Safety
/// `list` is a sentinel (or linked head) and `node` is not linked.
unsafe fn link_before(list: *const GcHead, node: *const GcHead) {
    // SAFETY: per the contract.
    unsafe {
        let last = (*list).prev.get();
        (*node).prev.set(last);
        (*node).next.set(list);
        (*last).next.set(node);
        (*list).prev.set(node);
    }
}

/// # Safety
/// `node` is linked.
unsafe fn unlink(node: *const GcHead) {
    // SAFETY: per the contract, both neighbours are live heads.
    unsafe {
        let (p, n) = ((*node).prev.get(), (*node).next.get());
        (*p).next.set(n);
        (*n).prev.set(p);
        (*node).next.set(std::ptr::null());
        (*node).prev.set(std::ptr::null());
    }
}

/// Moves every node of list `from` to the end of list `to`.
///
/// # Safety
/// Both are initialised sentinels.
unsafe fn splice(from: *const GcHead, to: *const GcHead) {
    // SAFETY: per the contract; an empty `from` points at itself.
    unsafe {
        let first = (*from).next.get();
        if first == from {
            return;
        }
        let last = (*from).prev.get();
        let tail = (*to).prev.get();
        (*tail).next.set(first);
        (*first).prev.set(tail);
        (*last).next.set(to);
        (*to).prev.set(last);
        (*from).next.set(from);
        (*from).prev.set(from);
    }
}

/// The heads of a list, snapshotted (callers may relink them).
///
/// # Safety
/// `list` is an initialised sentinel.
unsafe fn heads(list: *const GcHead) -> Vec<*const GcHead> {
    let mut out = Vec::new();
    // SAFETY: per the contract the list is circular through live heads.
    unsafe {
        let mut p = (*list).next.get();
        while p != list {
            out.push(p);
            p = (*p).next.get();
        }
    }
    out
}

/// The head of a tracked object, if it has one.
pub(crate) fn head_of(obj: &PyObjectRef) -> Option<&GcHead> {
    if !is_tracked(obj) {
        return None;
    }
    // SAFETY: tracked objects were allocated with a head right in front.
    Some(unsafe { &*((obj.id() as *const u8).sub(HEAD_SIZE) as *const GcHead) })
}

/// Whether `obj` is a container the collector knows (`gc.is_tracked`).
pub fn is_tracked(obj: &PyObjectRef) -> bool {
    let ty = &obj.class().payload;
    ty.has_instance_ext() || ty.layout.gc
}

/// Calls `visit` on each reference `obj` owns (`tp_traverse`).
pub fn traverse(obj: &PyObjectRef, visit: &mut dyn FnMut(&PyObjectRef)) {
    let ty = &obj.class().payload;
    // SAFETY: the layout functions match the object's layout (its type's),
    // and `obj` is alive while borrowed.
    unsafe { (ty.layout.traverse)(obj_ptr(obj), ty.has_instance_ext(), visit) }
}

/// Drops the references `obj` owns where it can (`tp_clear`).
fn clear(obj: &PyObjectRef) {
    let ty = &obj.class().payload;
    // SAFETY: as for `traverse`.
    unsafe { (ty.layout.clear)(obj_ptr(obj), ty.has_instance_ext()) }
}

fn obj_ptr(obj: &PyObjectRef) -> NonNull<PyHeader> {
    // SAFETY: an id is the address of a live object's header.
    unsafe { NonNull::new_unchecked(obj.id() as *mut PyHeader) }
}

/// A borrowed view of the object behind a head, without touching its count.
fn with_object<R>(head: *const GcHead, f: impl FnOnce(&PyObjectRef) -> R) -> R {
    // SAFETY: linked heads belong to live objects; the handle is forgotten
    // so no reference is given up.
    let obj = std::mem::ManuallyDrop::new(unsafe { PyObjectRef::from_raw((*head).object()) });
    f(&obj)
}

/// Takes the due-collection flag (the checkpoint then runs `collect`).
pub fn take_pending() -> bool {
    STATE.with(|s| s.pending.replace(false))
}

/// The generation an automatic collection should cover.
pub fn due_generation() -> usize {
    STATE.with(|s| {
        for g in (0..GENERATIONS).rev() {
            if s.count[g].get() > s.threshold[g].get() {
                if g == GENERATIONS - 1
                    && s.long_lived_pending.get() < s.long_lived_total.get() / 4
                {
                    continue;
                }
                return g;
            }
        }
        0
    })
}

/// What the VM does for the garbage: run the finalizers of these objects
/// (returns whether any ran).
pub type Finalize<'a> = &'a mut dyn FnMut(&[PyObjectRef]) -> bool;

/// Collects generations `0..=gen`; returns the number of unreachable
/// objects found.
pub fn collect(gen: usize, finalize: Finalize<'_>) -> usize {
    let gen = gen.min(GENERATIONS - 1);
    if STATE.with(|s| s.collecting.replace(true)) {
        return 0;
    }
    let found = collect_inner(gen, finalize, true);
    STATE.with(|s| {
        s.collecting.set(false);
        s.pending.set(false);
        for g in 0..=gen {
            s.count[g].set(0);
        }
        if gen + 1 < GENERATIONS {
            s.count[gen + 1].set(s.count[gen + 1].get() + 1);
        }
        let st = &s.stats[gen];
        st[0].set(st[0].get() + 1);
        st[1].set(st[1].get() + found as isize);
    });
    found
}

fn collect_inner(gen: usize, finalize: Finalize<'_>, may_finalize: bool) -> usize {
    let young = Box::new(GcHead::EMPTY);
    let young_list = young.sentinel();
    let older = GENS.with(|g| g[(gen + 1).min(GENERATIONS - 1)].sentinel());
    // SAFETY: the generation sentinels live as long as the thread.
    unsafe {
        GENS.with(|g| {
            for list in g.iter().take(gen + 1) {
                splice(list.sentinel(), young_list);
            }
        });
    }
    // SAFETY: `young_list` was just initialised.
    let set = unsafe { heads(young_list) };
    let unreachable = find_unreachable(&set);
    // Survivors move up a generation; the garbage stays in `young_list`.
    let mut survivors = 0;
    for &h in &set {
        // SAFETY: every head of `set` is linked in `young_list`.
        unsafe {
            if (*h).refs.get() != 0 {
                (*h).refs.set(NOT_COLLECTING);
                unlink(h);
                link_before(older, h);
                survivors += 1;
            }
        }
    }
    STATE.with(|s| {
        if gen == GENERATIONS - 1 {
            s.long_lived_total.set(survivors);
            s.long_lived_pending.set(0);
        } else if gen == GENERATIONS - 2 {
            s.long_lived_pending
                .set(s.long_lived_pending.get() + survivors);
        }
    });
    // Strong references keep the garbage in memory while it is finalized
    // and cleared.
    let garbage: Vec<PyObjectRef> = unreachable
        .iter()
        .map(|&h| {
            // SAFETY: `h` is linked in `young_list`, so its object is alive.
            unsafe { (*h).refs.set(NOT_COLLECTING) };
            with_object(h, |o| o.clone())
        })
        .collect();
    let found = garbage.len();
    let mut rerun = false;
    if found > 0 && may_finalize {
        let to_finalize: Vec<PyObjectRef> = garbage
            .iter()
            .filter(|o| {
                o.class().payload.has_finalizer()
                    && o.instance_ext().is_some_and(|e| !e.finalized.replace(true))
            })
            .cloned()
            .collect();
        rerun = !to_finalize.is_empty() && finalize(&to_finalize);
    }
    if !rerun {
        for o in &garbage {
            clear(o);
        }
    }
    drop(garbage);
    if rerun {
        // The finalizers may have resurrected objects: redo the analysis
        // over what is left (finalizers do not run twice on an object).
        // SAFETY: `young_list` holds only linked heads of live objects.
        unsafe { GENS.with(|g| splice(young_list, g[gen].sentinel())) };
        return collect_inner(gen, finalize, false);
    }
    // Whatever is still alive (`clear` could not run) goes back with the
    // survivors.
    // SAFETY: as above.
    unsafe { splice(young_list, older) };
    found
}

/// Steps 1-3 of the module comment over the heads of `set`; returns the
/// heads left at `refs == 0` (the garbage). Survivors have `refs != 0`.
fn find_unreachable(set: &[*const GcHead]) -> Vec<*const GcHead> {
    for &h in set {
        // SAFETY: heads of `set` are linked, so their objects are alive.
        let n = with_object(h, |o| o.refcount());
        unsafe { (*h).refs.set(n) };
    }
    let mut broken = false;
    for &h in set {
        with_object(h, |o| {
            traverse(o, &mut |child| {
                if let Some(ch) = head_of(child) {
                    let r = ch.refs.get();
                    if r > 0 {
                        ch.refs.set(r - 1);
                    } else if r == 0 {
                        // More references visited than the count holds: a
                        // traverse bug. Collect nothing rather than free a
                        // live object.
                        broken = true;
                    }
                }
            })
        });
    }
    let mut stack: Vec<*const GcHead> = Vec::new();
    for &h in set {
        // SAFETY: as above.
        unsafe {
            if (*h).refs.get() > 0 || broken {
                (*h).refs.set(REACHABLE);
                stack.push(h);
            }
        }
    }
    while let Some(h) = stack.pop() {
        with_object(h, |o| {
            traverse(o, &mut |child| {
                if let Some(ch) = head_of(child) {
                    if ch.refs.get() >= 0 {
                        ch.refs.set(REACHABLE);
                        stack.push(ch as *const GcHead);
                    }
                }
            })
        });
    }
    set.iter()
        .copied()
        // SAFETY: as above.
        .filter(|&h| unsafe { (*h).refs.get() } == 0)
        .collect()
}

/// Every tracked object (`gc.get_objects()`), youngest generation first,
/// or only those of generation `gen`.
pub fn objects(gen: Option<usize>) -> Vec<PyObjectRef> {
    GENS.with(|g| {
        let mut out = Vec::new();
        for (i, list) in g.iter().enumerate() {
            if gen.is_some_and(|want| want != i) {
                continue;
            }
            // SAFETY: generation sentinels are initialised here.
            for h in unsafe { heads(list.sentinel()) } {
                out.push(with_object(h, |o| o.clone()));
            }
        }
        out
    })
}
