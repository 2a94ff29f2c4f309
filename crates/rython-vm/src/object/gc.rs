//! The cycle collector's object side (CPython's Python/gc.c).
//!
//! Reference counting frees everything except cycles. Objects of container
//! types (`LayoutInfo::gc`, and every instance of a class) are tracked: a
//! list per generation holds them, and the object header's `gc_slot` says
//! where (generation and position), so tracking costs one pointer per
//! object and untracking is a swap-remove. A collection of generation `g`
//! takes the lists `0..=g` and finds the objects only reachable from each
//! other:
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

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use super::core::{PyHeader, PyObjectRef};

pub(crate) const GENERATIONS: usize = 3;
/// The pseudo-generation of the objects a collection is looking at.
const COLLECTING: usize = GENERATIONS;
/// `gc_slot` of an object the collector does not track.
pub(crate) const UNTRACKED: u32 = u32::MAX;
const POS_BITS: u32 = 30;
const POS_MASK: u32 = (1 << POS_BITS) - 1;

thread_local! {
    /// Per generation (and the collecting set): the tracked objects. Each
    /// object's header holds its generation and position here (`gc_slot`),
    /// so tracking costs 8 bytes per object and untracking is a swap-remove.
    static GENS: [RefCell<Vec<NonNull<PyHeader>>>; GENERATIONS + 1] =
        const { [const { RefCell::new(Vec::new()) }; GENERATIONS + 1] };
    static STATE: GcState = const { GcState::new() };
}

fn slot(gen: usize, pos: usize) -> u32 {
    ((gen as u32) << POS_BITS) | pos as u32
}

fn split(slot: u32) -> (usize, usize) {
    ((slot >> POS_BITS) as usize, (slot & POS_MASK) as usize)
}

/// Appends `obj` to generation `gen`'s list.
fn push(gen: usize, obj: NonNull<PyHeader>) {
    GENS.with(|g| {
        let mut list = g[gen].borrow_mut();
        // SAFETY: tracked objects are alive (untracked before they are freed).
        unsafe { PyHeader::set_gc_slot(obj, slot(gen, list.len())) };
        list.push(obj);
    });
}

/// Removes the object at `slot` from its list, moving the last one into
/// its place.
fn remove(slot: u32) {
    let (gen, pos) = split(slot);
    GENS.with(|g| {
        let mut list = g[gen].borrow_mut();
        list.swap_remove(pos);
        if let Some(&moved) = list.get(pos) {
            // SAFETY: as in `push`.
            unsafe { PyHeader::set_gc_slot(moved, slot) };
        }
    });
}

/// Moves every object of list `from` to the end of list `to`.
fn move_all(from: usize, to: usize) {
    let src = GENS.with(|g| std::mem::take(&mut *g[from].borrow_mut()));
    append_list(to, src);
}

/// Appends the objects `src` to list `to`, recording their new slots.
fn append_list(to: usize, mut src: Vec<NonNull<PyHeader>>) {
    GENS.with(|g| {
        let mut dst = g[to].borrow_mut();
        // An empty target takes the list whole: no copy, no second buffer
        // (these lists hold every container of the program).
        let base = if dst.is_empty() {
            std::mem::swap(&mut *dst, &mut src);
            0
        } else {
            dst.reserve(src.len());
            let base = dst.len();
            dst.extend_from_slice(&src);
            base
        };
        for (i, &o) in dst.iter().enumerate().skip(base) {
            // SAFETY: tracked objects are alive.
            unsafe { PyHeader::set_gc_slot(o, slot(to, i)) };
        }
    });
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

/// Starts tracking a new container object (youngest generation).
pub(crate) fn track(obj: NonNull<PyHeader>) {
    push(0, obj);
    STATE.with(|s| {
        let n = s.count[0].get() + 1;
        s.count[0].set(n);
        if n > s.threshold[0].get() && s.enabled.get() && !s.collecting.get() {
            s.pending.set(s.threshold[0].get() > 0);
            super::finalize::signal();
        }
    });
}

/// Stops tracking a dying object.
pub(crate) fn untrack(slot: u32) {
    remove(slot);
    STATE.with(|s| {
        let n = s.count[0].get();
        if n > 0 {
            s.count[0].set(n - 1);
        }
    });
}

/// Generation and position of a tracked object.
fn slot_of(obj: &PyObjectRef) -> Option<(usize, usize)> {
    let sl = obj.gc_slot();
    (sl != UNTRACKED).then(|| split(sl))
}

/// Whether `obj` is a container the collector knows (`gc.is_tracked`).
pub fn is_tracked(obj: &PyObjectRef) -> bool {
    obj.gc_slot() != UNTRACKED
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

/// A borrowed view of a tracked object, without touching its count.
fn with_object<R>(ptr: NonNull<PyHeader>, f: impl FnOnce(&PyObjectRef) -> R) -> R {
    // SAFETY: tracked objects are alive; the handle is forgotten so no
    // reference is given up.
    let obj = std::mem::ManuallyDrop::new(unsafe { PyObjectRef::from_raw(ptr) });
    f(&obj)
}

/// Takes the collecting set out of its list (its objects keep their
/// slots, which index the returned vector).
fn take_collecting_set() -> Vec<NonNull<PyHeader>> {
    GENS.with(|g| std::mem::take(&mut *g[COLLECTING].borrow_mut()))
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
                if g == GENERATIONS - 1 && s.long_lived_pending.get() < s.long_lived_total.get() / 4
                {
                    continue;
                }
                return g;
            }
        }
        0
    })
}

/// What the VM does for the garbage: run the finalizers (`__del__`, closing
/// suspended generators) that have not run yet; returns whether any ran.
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
    let older = (gen + 1).min(GENERATIONS - 1);
    for g in 0..=gen {
        move_all(g, COLLECTING);
    }
    let mut set = take_collecting_set();
    let reachable = find_reachable(&set);
    // Survivors move up a generation (compacted in place, so a full
    // collection needs no second copy of the list); the garbage stays in
    // the collecting set, renumbered.
    let mut garbage_ptrs = Vec::new();
    let mut kept = 0;
    for i in 0..set.len() {
        if reachable[i] {
            set[kept] = set[i];
            kept += 1;
        } else {
            push(COLLECTING, set[i]);
            garbage_ptrs.push(set[i]);
        }
    }
    set.truncate(kept);
    let survivors = kept as isize;
    append_list(older, set);
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
    let garbage: Vec<PyObjectRef> = garbage_ptrs
        .iter()
        .map(|&p| with_object(p, |o| o.clone()))
        .collect();
    let found = garbage.len();
    let rerun = found > 0 && may_finalize && finalize(&garbage);
    if !rerun {
        for o in &garbage {
            clear(o);
        }
    }
    drop(garbage);
    if rerun {
        // The finalizers may have resurrected objects: redo the analysis
        // over what is left (finalizers do not run twice on an object).
        move_all(COLLECTING, gen);
        return collect_inner(gen, finalize, false);
    }
    // Whatever is still alive (`clear` could not run) goes back with the
    // survivors.
    move_all(COLLECTING, older);
    found
}

/// Steps 1-3 of the module comment over the collecting set `set`: which
/// of its objects are reachable from outside it.
fn find_reachable(set: &[NonNull<PyHeader>]) -> Vec<bool> {
    // Position in `set` of a child, if it is in the set.
    let member = |child: &PyObjectRef| match slot_of(child) {
        Some((COLLECTING, pos)) => Some(pos),
        _ => None,
    };
    let mut refs: Vec<u32> = set
        .iter()
        .map(|&p| with_object(p, |o| o.refcount() as u32))
        .collect();
    let mut broken = false;
    for &p in set {
        with_object(p, |o| {
            traverse(o, &mut |child| {
                if let Some(i) = member(child) {
                    if refs[i] > 0 {
                        refs[i] -= 1;
                    } else {
                        // More references visited than the count holds: a
                        // traverse bug. Collect nothing rather than free a
                        // live object.
                        broken = true;
                    }
                }
            })
        });
    }
    let mut reachable: Vec<bool> = refs.iter().map(|&r| r > 0 || broken).collect();
    let mut stack: Vec<usize> = (0..set.len()).filter(|&i| reachable[i]).collect();
    while let Some(i) = stack.pop() {
        with_object(set[i], |o| {
            traverse(o, &mut |child| {
                if let Some(j) = member(child) {
                    if !reachable[j] {
                        reachable[j] = true;
                        stack.push(j);
                    }
                }
            })
        });
    }
    reachable
}

/// Every tracked object (`gc.get_objects()`), youngest generation first,
/// or only those of generation `gen`.
pub fn objects(gen: Option<usize>) -> Vec<PyObjectRef> {
    let ptrs: Vec<NonNull<PyHeader>> = GENS.with(|g| {
        (0..GENERATIONS)
            .filter(|&i| gen.is_none_or(|want| want == i))
            .flat_map(|i| g[i].borrow().clone())
            .collect()
    });
    ptrs.into_iter()
        .map(|p| with_object(p, |o| o.clone()))
        .collect()
}
