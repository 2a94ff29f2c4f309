//! The object header and the owning handles (CPython's Include/object.h).
//!
//! Every heap object is a `PyObj<T>`: a `PyHeader` (reference count and
//! type) followed by its payload `T`. A `PyObjectRef` owns exactly one
//! reference: cloning it is `Py_INCREF`, dropping it is `Py_DECREF`, and the
//! drop that takes the count to zero runs the type's deallocator. This file
//! and `obmalloc.rs` are the only places that touch raw object pointers.

use std::any::TypeId;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use super::gc;
use crate::objects::typeobject::PyType;

/// Reference count given to objects that must never die (builtin types,
/// `None`, small ints...). Large enough that no program reaches zero, and
/// far from the 32-bit limit (a billion references would need 8 GB).
pub const IMMORTAL_REFCNT: isize = 1 << 30;

#[repr(C)]
pub struct PyHeader {
    /// 32 bits, as CPython 3.12+ counts, so that the collector's slot
    /// fits beside it without growing the header.
    refcnt: Cell<u32>,
    /// Where the cycle collector tracks the object (`gc::UNTRACKED` if it
    /// does not): generation and position in its list.
    gc_slot: Cell<u32>,
    /// Owned reference to the type (a strong count on heap types, so a class
    /// lives as long as its instances).
    ty: Cell<NonNull<PyHeader>>,
}

#[repr(C)]
pub struct PyObj<T> {
    header: PyHeader,
    pub payload: T,
}

/// What a heap-type instance carries after its base payload: the instance
/// `__dict__` and `__slots__` storage (CPython's managed dict and member
/// slots). A pointer to `PyObj<Derived<T>>` is a valid `PyObj<T>` pointer
/// because `base` comes first.
#[repr(C)]
pub struct Derived<T> {
    pub base: T,
    pub ext: InstanceExt,
}

#[derive(Default)]
pub struct InstanceExt {
    /// The attributes: inline values or a dict (`objects::instancedict`).
    pub dict: RefCell<crate::objects::instancedict::InstDict>,
    /// Set once `__del__` has run, so a resurrected object is not finalized
    /// twice (PEP 442).
    pub finalized: Cell<bool>,
    /// `__slots__` storage, behind one thin pointer so instances of
    /// classes without slots stay small.
    slots: Option<Box<Box<[RefCell<Option<PyObjectRef>>]>>>,
}

impl PyHeader {
    /// Records where the collector tracks the object.
    ///
    /// # Safety
    /// `obj` is a live object.
    pub(crate) unsafe fn set_gc_slot(obj: NonNull<PyHeader>, slot: u32) {
        // SAFETY: per the contract.
        unsafe { obj.as_ref().gc_slot.set(slot) };
    }
}

impl InstanceExt {
    /// Tracks the instance this extension belongs to (of type `ty`).
    pub(crate) fn track_owner(&self, ty: &PyTypeRef) {
        // SAFETY: an `InstanceExt` only exists inside a live
        // `PyObj<Derived<T>>` of a type with this layout, at `ext_offset`
        // from the object's start, so subtracting it gives the header.
        let obj = unsafe {
            let p = (self as *const InstanceExt as *const u8).sub(ty.payload.layout.ext_offset);
            std::mem::ManuallyDrop::new(PyObjectRef::from_raw(NonNull::new_unchecked(
                p as *mut PyHeader,
            )))
        };
        obj.gc_track();
    }

    /// The attribute values and slot members (`tp_traverse` of instances).
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        use crate::objects::instancedict::InstDict;
        match self.dict.try_borrow().as_deref() {
            Ok(InstDict::Values(v)) => v.iter().flatten().for_each(&mut *visit),
            Ok(InstDict::Dict(d)) => visit(d),
            Err(_) => {}
        }
        for s in self.slots.iter().flat_map(|s| s.iter()) {
            if let Ok(v) = s.try_borrow() {
                v.iter().for_each(&mut *visit);
            }
        }
    }

    /// Drops the attribute values and slot members (`tp_clear`).
    fn clear(&self) {
        let dict = self
            .dict
            .try_borrow_mut()
            .map(|mut d| std::mem::take(&mut *d));
        let slots: Vec<_> = self
            .slots
            .iter()
            .flat_map(|s| s.iter())
            .map(|s| s.try_borrow_mut().map(|mut v| v.take()))
            .collect();
        drop((dict, slots));
    }

    /// The `__slots__` member `i`.
    #[inline]
    pub fn slot(&self, i: usize) -> Option<&RefCell<Option<PyObjectRef>>> {
        self.slots.as_ref()?.get(i)
    }
}

/// A payload type: the Rust side of one builtin type's instance layout.
pub trait PyPayload: 'static + Sized {
    /// The builtin type whose instances have exactly this layout.
    fn class(vm: &crate::VM) -> &PyTypeRef;

    /// Whether the cycle collector tracks objects of this layout: payloads
    /// that own references which can lead back to themselves.
    const GC: bool = false;

    /// Whether a new object with this payload is tracked: `GC` payloads by
    /// default; an immutable one whose contents cannot lead back to it
    /// (a tuple of numbers and strings) need never be.
    #[inline]
    fn track_on_alloc(&self) -> bool {
        Self::GC
    }

    /// Calls `visit` once on each reference the payload owns
    /// (`tp_traverse`; see `object::gc`). Only for `GC` payloads.
    fn traverse(&self, _visit: &mut dyn FnMut(&PyObjectRef)) {}

    /// Drops the references the payload owns, where it can (`tp_clear`):
    /// what breaks a garbage cycle. Storage that is borrowed is skipped.
    fn clear(&self) {}
}

/// How to destroy and inspect objects of one Rust layout; kept in every type
/// whose instances have that layout (CPython's tp_dealloc/tp_basicsize).
#[derive(Clone, Copy)]
pub struct LayoutInfo {
    pub type_id: TypeId,
    pub type_name: &'static str,
    /// Deallocator for a plain `PyObj<T>` and for `PyObj<Derived<T>>`.
    drop_plain: unsafe fn(NonNull<PyHeader>),
    drop_derived: unsafe fn(NonNull<PyHeader>),
    /// Byte offset of `InstanceExt` inside `PyObj<Derived<T>>`.
    ext_offset: usize,
    /// Instances without an instance extension are tracked by the cycle
    /// collector (`PyPayload::GC`); instances with one always are.
    pub gc: bool,
    /// `tp_traverse` / `tp_clear` for both layouts (the flag says whether
    /// the object is the `Derived` one).
    pub(crate) traverse: unsafe fn(NonNull<PyHeader>, bool, &mut dyn FnMut(&PyObjectRef)),
    pub(crate) clear: unsafe fn(NonNull<PyHeader>, bool),
}

impl LayoutInfo {
    pub fn of<T: PyPayload>() -> LayoutInfo {
        LayoutInfo {
            type_id: TypeId::of::<T>(),
            type_name: std::any::type_name::<T>(),
            drop_plain: drop_obj::<T>,
            drop_derived: drop_obj::<Derived<T>>,
            ext_offset: std::mem::offset_of!(PyObj<Derived<T>>, payload.ext),
            gc: T::GC,
            traverse: traverse_obj::<T>,
            clear: clear_obj::<T>,
        }
    }
}

/// # Safety
/// `ptr` is a live object of layout `T` (`Derived<T>` when `derived`).
unsafe fn traverse_obj<T: PyPayload>(
    ptr: NonNull<PyHeader>,
    derived: bool,
    visit: &mut dyn FnMut(&PyObjectRef),
) {
    // SAFETY: per the contract; `Derived<T>` starts with the `T` payload.
    unsafe {
        (*ptr.cast::<PyObj<T>>().as_ptr()).payload.traverse(visit);
        if derived {
            let ext = (ptr.as_ptr() as *const u8)
                .add(std::mem::offset_of!(PyObj<Derived<T>>, payload.ext))
                as *const InstanceExt;
            (*ext).traverse(visit);
        }
    }
}

/// # Safety
/// As for `traverse_obj`.
unsafe fn clear_obj<T: PyPayload>(ptr: NonNull<PyHeader>, derived: bool) {
    // SAFETY: as above.
    unsafe {
        (*ptr.cast::<PyObj<T>>().as_ptr()).payload.clear();
        if derived {
            let ext = (ptr.as_ptr() as *const u8)
                .add(std::mem::offset_of!(PyObj<Derived<T>>, payload.ext))
                as *const InstanceExt;
            (*ext).clear();
        }
    }
}

/// Drops the payload and frees the memory of a dead object.
///
/// # Safety
/// `ptr` must point to a live `PyObj<U>` whose count just reached zero.
unsafe fn drop_obj<U>(ptr: NonNull<PyHeader>) {
    let obj = ptr.cast::<PyObj<U>>();
    // SAFETY: the caller guarantees `ptr` is a `PyObj<U>` nobody references
    // any more; the type reference is taken out before the payload dies.
    unsafe {
        let slot = (*obj.as_ptr()).header.gc_slot.get();
        if slot != gc::UNTRACKED {
            gc::untrack(slot);
        }
        let ty = std::ptr::read(&(*obj.as_ptr()).header.ty).get();
        std::ptr::drop_in_place(&mut (*obj.as_ptr()).payload);
        crate::object::obmalloc::object_free(
            obj.cast::<u8>(),
            std::alloc::Layout::new::<PyObj<U>>(),
        );
        drop(PyObjectRef::from_raw(ty));
    }
}

thread_local! {
    /// Dealloc nesting depth and the objects whose deallocation was deferred
    /// past the limit: CPython's "trashcan", so freeing a long chain of
    /// containers never overflows the Rust stack.
    static DEALLOC_DEPTH: Cell<u32> = const { Cell::new(0) };
    static TRASH: RefCell<Vec<NonNull<PyHeader>>> = const { RefCell::new(Vec::new()) };
    /// Whether `TRASH` holds anything: the common dealloc touches only
    /// these two plain cells.
    static TRASH_USED: Cell<bool> = const { Cell::new(false) };
}

const TRASHCAN_LIMIT: u32 = 64;

#[inline(never)]
#[cold]
fn dealloc(ptr: NonNull<PyHeader>) {
    // SAFETY: the count is zero, so this is the last handle; the header's
    // type is alive (the object owns a reference to it).
    let ty = unsafe { &*(ptr.as_ref().ty.get().as_ptr() as *const PyObj<PyType>) };
    if ty.payload.has_flag(crate::objects::typeobject::flags::LEAF) {
        // SAFETY: as above; a leaf type's instances are plain layouts with
        // no finalizer, and freeing one frees no other object.
        unsafe { (ty.payload.layout.drop_plain)(ptr) };
        return;
    }
    let depth = DEALLOC_DEPTH.with(|d| d.get());
    if depth >= TRASHCAN_LIMIT {
        TRASH.with(|t| t.borrow_mut().push(ptr));
        TRASH_USED.with(|u| u.set(true));
        return;
    }
    DEALLOC_DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: the count is zero, so this is the last handle; the header's
    // type is alive (the object owns a reference to it).
    unsafe { dealloc_now(ptr) };
    if depth == 0 && TRASH_USED.with(|u| u.get()) {
        // Outermost deallocation: empty the trash iteratively.
        while let Some(p) = TRASH.with(|t| t.borrow_mut().pop()) {
            // SAFETY: pushed above with a zero count and not yet freed.
            unsafe { dealloc_now(p) };
        }
        TRASH_USED.with(|u| u.set(false));
    }
    DEALLOC_DEPTH.with(|d| d.set(depth));
}

/// # Safety
/// `ptr` is a dead object (count zero) not freed yet.
unsafe fn dealloc_now(ptr: NonNull<PyHeader>) {
    // SAFETY: per the contract, the header and its type are still valid.
    unsafe {
        let header = ptr.as_ref();
        let ty = &*(header.ty.get().as_ptr() as *const PyObj<PyType>);
        if ty.payload.has_finalizer() && crate::object::finalize::defer_finalizer(ptr) {
            return;
        }
        let layout = &ty.payload.layout;
        if ty.payload.has_instance_ext() {
            (layout.drop_derived)(ptr)
        } else {
            (layout.drop_plain)(ptr)
        }
    }
}

/// A builtin type whose instance layout was checked, once, to be `T`: an
/// exact-type test against it is a single pointer comparison (the eval
/// loop's int and float fast paths).
pub struct ExactType<T> {
    ty: PyTypeRef,
    _layout: PhantomData<T>,
}

impl<T: PyPayload> ExactType<T> {
    /// `None` unless instances of `ty` have layout `T`.
    pub fn new(ty: &PyTypeRef) -> Option<ExactType<T>> {
        (ty.payload.layout.type_id == TypeId::of::<T>()).then(|| ExactType {
            ty: ty.clone(),
            _layout: PhantomData,
        })
    }
}

/// An owned reference to any Python object.
#[repr(transparent)]
pub struct PyObjectRef {
    ptr: NonNull<PyHeader>,
}

impl PyObjectRef {
    /// # Safety
    /// `ptr` must be a live object and the caller gives up one reference.
    #[inline]
    pub(crate) unsafe fn from_raw(ptr: NonNull<PyHeader>) -> Self {
        PyObjectRef { ptr }
    }

    /// Brings a dead object (count zero, not yet freed) back with count 1.
    ///
    /// # Safety
    /// `ptr` is an object whose count just reached zero inside `dealloc`.
    pub(crate) unsafe fn resurrect(ptr: NonNull<PyHeader>) -> Self {
        // SAFETY: the memory is still allocated (per the contract).
        unsafe { ptr.as_ref().refcnt.set(1) };
        PyObjectRef { ptr }
    }

    /// Undoes `resurrect` without running the deallocator again.
    pub(crate) fn into_raw_zero(self) {
        self.header().refcnt.set(0);
        std::mem::forget(self);
    }

    /// Gives up the reference without decrementing (the caller must later
    /// rebuild it with `from_raw`).
    #[inline]
    pub(crate) fn into_raw(self) -> NonNull<PyHeader> {
        let p = self.ptr;
        std::mem::forget(self);
        p
    }

    #[inline]
    fn header(&self) -> &PyHeader {
        // SAFETY: we own a reference, so the object is alive.
        unsafe { self.ptr.as_ref() }
    }

    /// The object's type (`Py_TYPE`).
    #[inline]
    pub fn class(&self) -> &PyRef<PyType> {
        // SAFETY: `ty` is an owned reference stored in the header with the
        // same representation as `PyRef<PyType>`; it lives at least as long
        // as this object, which `&self` keeps alive.
        unsafe { &*(self.header().ty.as_ptr() as *const PyRef<PyType>) }
    }

    /// Replaces the type (`obj.__class__ = C`, already checked compatible).
    pub fn set_class(&self, ty: PyRef<PyType>) {
        let new = ty.into_object().into_raw();
        let old = self.header().ty.replace(new);
        // SAFETY: the header owned that reference.
        drop(unsafe { PyObjectRef::from_raw(old) });
    }

    #[inline]
    pub fn refcount(&self) -> isize {
        self.header().refcnt.get() as isize
    }

    /// Where the collector tracks the object (`gc::UNTRACKED` if not).
    #[inline]
    pub(crate) fn gc_slot(&self) -> u32 {
        self.header().gc_slot.get()
    }

    /// Whether objects of this one's type can hold references that lead
    /// back to themselves (it is, or may become, tracked).
    #[inline]
    pub fn may_be_container(&self) -> bool {
        let ty = &self.class().payload;
        ty.layout.gc || ty.has_instance_ext()
    }

    /// Starts tracking an instance (which may start untracked) about to
    /// hold `value`, if `value` could lead back to it.
    #[inline]
    pub fn gc_track_for(&self, value: &PyObjectRef) {
        if self.gc_slot() == gc::UNTRACKED && value.may_be_container() {
            self.gc_track();
        }
    }

    /// Starts tracking the object if it is not yet tracked.
    #[cold]
    pub fn gc_track(&self) {
        if self.gc_slot() == gc::UNTRACKED {
            gc::track(self.ptr);
        }
    }

    /// Identity, as `id()` and `is` see it.
    #[inline]
    pub fn id(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    #[inline]
    pub fn is(&self, other: &PyObjectRef) -> bool {
        self.ptr == other.ptr
    }

    #[inline]
    pub fn payload_is<T: PyPayload>(&self) -> bool {
        self.class().payload.layout.type_id == TypeId::of::<T>()
    }

    /// The payload if this object's layout is `T` (its type is the builtin
    /// for `T` or a subclass of it).
    #[inline]
    pub fn downcast_ref<T: PyPayload>(&self) -> Option<&T> {
        if self.payload_is::<T>() {
            // SAFETY: the layout check proves the object is a `PyObj<T>`
            // (or a `PyObj<Derived<T>>`, which starts with one).
            Some(unsafe { &(*(self.ptr.as_ptr() as *const PyObj<T>)).payload })
        } else {
            None
        }
    }

    /// The payload if this object's type is exactly `ty` (whose layout is
    /// `T`): a pointer comparison on the common miss path.
    #[inline(always)]
    pub fn downcast_exact<T: PyPayload>(&self, ty: &PyTypeRef) -> Option<&T> {
        if self.header().ty.get() == ty.as_object().ptr
            && ty.payload.layout.type_id == TypeId::of::<T>()
        {
            // SAFETY: the object's type is `ty`, whose layout was just
            // checked to be `T`.
            Some(unsafe { &(*(self.ptr.as_ptr() as *const PyObj<T>)).payload })
        } else {
            None
        }
    }

    /// The payload if this object's type is exactly `ty`.
    #[inline(always)]
    pub fn exact<T: PyPayload>(&self, ty: &ExactType<T>) -> Option<&T> {
        if self.header().ty.get() == ty.ty.as_object().ptr {
            // SAFETY: the object's type is `ty`, whose layout `ExactType::new`
            // checked to be `T`; a type's layout never changes, and objects
            // of immutable builtin types cannot have their class reassigned.
            Some(unsafe { &(*(self.ptr.as_ptr() as *const PyObj<T>)).payload })
        } else {
            None
        }
    }

    /// `exact`, for writing, when this handle is the object's only
    /// reference: nothing else can observe the change, so an arithmetic
    /// result may reuse an operand's memory instead of allocating (CPython
    /// 3.13 does this for floats). Immortal objects never qualify.
    #[inline]
    pub fn exact_unique_mut<T: PyPayload>(&mut self, ty: &ExactType<T>) -> Option<&mut T> {
        let h = self.header();
        if h.refcnt.get() == 1 && h.ty.get() == ty.ty.as_object().ptr {
            // SAFETY: the layout is `T` as in `exact`. A count of one is the
            // reference `self` owns, and `self` is borrowed mutably, so no
            // other handle, and no borrow of the payload, exists.
            Some(unsafe { &mut (*(self.ptr.as_ptr() as *mut PyObj<T>)).payload })
        } else {
            None
        }
    }

    pub fn downcast<T: PyPayload>(self) -> Result<PyRef<T>, PyObjectRef> {
        if self.payload_is::<T>() {
            Ok(PyRef {
                obj: self,
                _marker: PhantomData,
            })
        } else {
            Err(self)
        }
    }

    pub fn downcast_cloned<T: PyPayload>(&self) -> Option<PyRef<T>> {
        if self.payload_is::<T>() {
            Some(PyRef {
                obj: self.clone(),
                _marker: PhantomData,
            })
        } else {
            None
        }
    }

    /// The per-instance `__dict__`/`__slots__` storage of heap-type instances.
    #[inline]
    pub fn instance_ext(&self) -> Option<&InstanceExt> {
        let ty = &self.class().payload;
        if ty.has_instance_ext() {
            // SAFETY: objects whose type has an instance extension were
            // allocated as `PyObj<Derived<T>>`, whose `InstanceExt` lives at
            // `ext_offset` (computed from that very layout).
            Some(unsafe {
                &*((self.ptr.as_ptr() as *const u8).add(ty.layout.ext_offset) as *const InstanceExt)
            })
        } else {
            None
        }
    }
}

impl Clone for PyObjectRef {
    #[inline]
    fn clone(&self) -> Self {
        let h = self.header();
        h.refcnt.set(h.refcnt.get() + 1);
        PyObjectRef { ptr: self.ptr }
    }
}

impl Drop for PyObjectRef {
    #[inline]
    fn drop(&mut self) {
        let h = self.header();
        let n = h.refcnt.get() - 1;
        h.refcnt.set(n);
        if n == 0 {
            dealloc(self.ptr);
        }
    }
}

impl fmt::Debug for PyObjectRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<{} object at {:p}>",
            self.class().payload.name(),
            self.ptr
        )
    }
}

/// An owned reference to an object whose layout is known to be `T`.
#[repr(transparent)]
pub struct PyRef<T> {
    obj: PyObjectRef,
    _marker: PhantomData<T>,
}

impl<T: PyPayload> PyRef<T> {
    /// Allocates a new object of type `ty` (which must have layout `T`) —
    /// the single entry point for object creation (`_PyObject_New`).
    #[inline(never)]
    pub fn new_with_type(payload: T, ty: PyRef<PyType>) -> PyRef<T> {
        debug_assert!(ty.payload.layout.type_id == TypeId::of::<T>());
        let ptr = if ty.payload.has_instance_ext() {
            let nslots = ty.payload.slot_count();
            let ext = InstanceExt {
                dict: RefCell::default(),
                finalized: Cell::new(false),
                slots: (nslots > 0)
                    .then(|| Box::new((0..nslots).map(|_| RefCell::new(None)).collect())),
            };
            // Instances start untracked unless their base payload or slots
            // can hold containers: the first container stored in their
            // attributes tracks them (`PyObjectRef::gc_track_for`), so
            // objects that only hold numbers and strings never cost the
            // collector anything (as CPython untracks atomic tuples).
            // Instances with `__del__` are tracked from the start, so that
            // garbage is finalized in allocation order, as in CPython.
            let track = T::GC || nslots > 0 || ty.payload.has_finalizer();
            alloc_obj(Derived { base: payload, ext }, ty, track)
        } else {
            let track = payload.track_on_alloc();
            alloc_obj(payload, ty, track)
        };
        // SAFETY: freshly allocated with count 1, owned by this handle.
        PyRef {
            obj: unsafe { PyObjectRef::from_raw(ptr) },
            _marker: PhantomData,
        }
    }

    #[inline]
    pub fn new(payload: T, vm: &crate::VM) -> PyRef<T> {
        Self::new_exact(payload, T::class(vm).clone())
    }

    /// Allocation for an exact builtin type (no instance extension).
    #[inline]
    pub fn new_exact(payload: T, ty: PyRef<PyType>) -> PyRef<T> {
        debug_assert!(!ty.payload.has_instance_ext());
        let track = payload.track_on_alloc();
        let ptr = alloc_obj(payload, ty, track);
        // SAFETY: as above.
        PyRef {
            obj: unsafe { PyObjectRef::from_raw(ptr) },
            _marker: PhantomData,
        }
    }

    #[inline]
    pub fn into_object(self) -> PyObjectRef {
        self.obj
    }

    #[inline]
    pub fn as_object(&self) -> &PyObjectRef {
        &self.obj
    }
}

/// Allocates a `PyObj<U>`; with `gc`, tracked by the cycle collector.
#[inline]
fn alloc_obj<U>(payload: U, ty: PyRef<PyType>, gc: bool) -> NonNull<PyHeader> {
    let raw = crate::object::obmalloc::object_malloc(std::alloc::Layout::new::<PyObj<U>>())
        .cast::<PyObj<U>>();
    let header = PyHeader {
        gc_slot: Cell::new(gc::UNTRACKED),
        refcnt: Cell::new(1),
        ty: Cell::new(ty.into_object().into_raw()),
    };
    // SAFETY: `raw` is fresh memory with the size and alignment of PyObj<U>.
    unsafe { raw.as_ptr().write(PyObj { header, payload }) };
    if gc {
        gc::track(raw.cast());
    }
    raw.cast()
}

/// Makes an object immortal: its count never reaches zero (CPython 3.12's
/// immortal objects; used for builtin types and singletons).
pub fn make_immortal(obj: &PyObjectRef) {
    obj.header().refcnt.set(IMMORTAL_REFCNT as u32);
}

impl<T> Clone for PyRef<T> {
    #[inline]
    fn clone(&self) -> Self {
        PyRef {
            obj: self.obj.clone(),
            _marker: PhantomData,
        }
    }
}

impl<T: PyPayload> Deref for PyRef<T> {
    type Target = PyObj<T>;
    #[inline]
    fn deref(&self) -> &PyObj<T> {
        // SAFETY: a PyRef<T> is only built after checking (or creating) the
        // `T` layout.
        unsafe { &*(self.obj.ptr.as_ptr() as *const PyObj<T>) }
    }
}

impl<T> AsRef<PyObjectRef> for PyRef<T> {
    fn as_ref(&self) -> &PyObjectRef {
        &self.obj
    }
}

impl<T> From<PyRef<T>> for PyObjectRef {
    fn from(r: PyRef<T>) -> PyObjectRef {
        r.obj
    }
}

impl<T> fmt::Debug for PyRef<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.obj.fmt(f)
    }
}

pub type PyTypeRef = PyRef<PyType>;

/// Constructs the very first type object (`type` itself), whose header must
/// point at itself.
pub(crate) fn bootstrap_type(payload: PyType) -> PyTypeRef {
    let layout = std::alloc::Layout::new::<PyObj<PyType>>();
    let raw = crate::object::obmalloc::object_malloc(layout).cast::<PyObj<PyType>>();
    let header = PyHeader {
        gc_slot: Cell::new(gc::UNTRACKED),
        refcnt: Cell::new(IMMORTAL_REFCNT as u32),
        ty: Cell::new(raw.cast()),
    };
    // SAFETY: fresh memory of the right layout; the self-reference is covered
    // by the immortal count.
    unsafe { raw.as_ptr().write(PyObj { header, payload }) };
    PyRef {
        obj: unsafe { PyObjectRef::from_raw(raw.cast()) },
        _marker: PhantomData,
    }
}

/// `PyObj<T>` header access for typed references.
impl<T: PyPayload> PyObj<T> {
    #[inline]
    pub fn refcount(&self) -> isize {
        self.header.refcnt.get() as isize
    }
}
