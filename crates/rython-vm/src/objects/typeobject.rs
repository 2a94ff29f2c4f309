//! `type` objects and their slot tables (CPython's Objects/typeobject.c).
//!
//! A type holds function pointers for the operations the VM dispatches on
//! (the `tp_*` slots and the number/sequence/mapping groups). Builtin types
//! fill them with native functions; a class statement fills them with the
//! `slot_*` wrappers of `typeobject_slots.rs`, which look up and call the
//! dunder method, so `a % b` dispatches through one mechanism for every type.
//!
//! Split like CPython's typeobject.c: this file has the type object itself
//! (`type.__call__`, attribute access, the method cache);
//! `typeobject_attrs.rs` the attributes and methods of `type`;
//! `typeobject_new.rs` creates classes (`type.__new__`, MRO, `__slots__`);
//! `typeobject_slots.rs` maps dunders to slots; `typeobject_wrappers.rs`
//! exposes builtin slots as `wrapper_descriptor`s and readies builtin
//! types; `typeobject_union.rs` is `X | Y`; `superobject.rs` is `super`.

#[path = "superobject.rs"]
pub mod superobject;
#[path = "typeobject_attrs.rs"]
mod typeobject_attrs;
#[path = "typeobject_new.rs"]
pub mod typeobject_new;
#[path = "typeobject_slots.rs"]
pub mod typeobject_slots;
#[path = "typeobject_union.rs"]
pub mod typeobject_union;
#[path = "typeobject_wrappers.rs"]
pub mod typeobject_wrappers;

pub use superobject::{super_getattr, super_new};
pub use typeobject_slots::fixup_slots;

use std::cell::{Cell, RefCell};

use crate::object::{LayoutInfo, PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::dictobject::PyDict;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::{PyResult, VM};

pub type UnaryFn = fn(&VM, &PyObjectRef) -> PyResult<PyObjectRef>;
pub type BinaryFn = fn(&VM, &PyObjectRef, &PyObjectRef) -> PyResult<PyObjectRef>;
pub type TernaryFn = fn(&VM, &PyObjectRef, &PyObjectRef, &PyObjectRef) -> PyResult<PyObjectRef>;
pub type InquiryFn = fn(&VM, &PyObjectRef) -> PyResult<bool>;
pub type LenFn = fn(&VM, &PyObjectRef) -> PyResult<usize>;
pub type HashFn = fn(&VM, &PyObjectRef) -> PyResult<i64>;
pub type RichCmpFn = fn(&VM, &PyObjectRef, &PyObjectRef, CompareOp) -> PyResult<PyObjectRef>;
pub type GetattroFn = fn(&VM, &PyObjectRef, &PyRef<PyStr>) -> PyResult<PyObjectRef>;
pub type SetattroFn = fn(&VM, &PyObjectRef, &PyRef<PyStr>, Option<PyObjectRef>) -> PyResult<()>;
pub type IterNextFn = fn(&VM, &PyObjectRef) -> PyResult<Option<PyObjectRef>>;
pub type DescrGetFn =
    fn(&VM, &PyObjectRef, Option<&PyObjectRef>, Option<&PyObjectRef>) -> PyResult<PyObjectRef>;
pub type DescrSetFn = fn(&VM, &PyObjectRef, &PyObjectRef, Option<PyObjectRef>) -> PyResult<()>;
pub type SetItemFn = fn(&VM, &PyObjectRef, &PyObjectRef, Option<PyObjectRef>) -> PyResult<()>;
pub type ContainsFn = fn(&VM, &PyObjectRef, &PyObjectRef) -> PyResult<bool>;
/// The vectorcall convention: positional arguments, then the values of the
/// keyword arguments named by `kwnames`.
pub type CallFn =
    fn(&VM, &PyObjectRef, &[PyObjectRef], Option<&PyTupleRef>) -> PyResult<PyObjectRef>;
pub type NewFn = fn(&VM, &PyTypeRef, &[PyObjectRef], Option<&PyTupleRef>) -> PyResult<PyObjectRef>;
pub type InitFn = fn(&VM, &PyObjectRef, &[PyObjectRef], Option<&PyTupleRef>) -> PyResult<()>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_index(i: u32) -> CompareOp {
        match i {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            _ => CompareOp::Ge,
        }
    }
    /// Whether two operands that order as `ord` satisfy this comparison.
    #[inline]
    pub fn holds(self, ord: std::cmp::Ordering) -> bool {
        match self {
            CompareOp::Lt => ord.is_lt(),
            CompareOp::Le => ord.is_le(),
            CompareOp::Eq => ord.is_eq(),
            CompareOp::Ne => ord.is_ne(),
            CompareOp::Gt => ord.is_gt(),
            CompareOp::Ge => ord.is_ge(),
        }
    }

    /// The operation with operands swapped (`a < b` ⇔ `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
}

/// Binary number operations in `BINARY_OP` order (CPython's `NB_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
}

pub const NUMBER_OPS: [NumberOp; 13] = [
    NumberOp::Add,
    NumberOp::And,
    NumberOp::FloorDivide,
    NumberOp::Lshift,
    NumberOp::MatrixMultiply,
    NumberOp::Multiply,
    NumberOp::Remainder,
    NumberOp::Or,
    NumberOp::Power,
    NumberOp::Rshift,
    NumberOp::Subtract,
    NumberOp::TrueDivide,
    NumberOp::Xor,
];

impl NumberOp {
    pub fn symbol(self) -> &'static str {
        [
            "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
        ][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        [
            "__add__",
            "__and__",
            "__floordiv__",
            "__lshift__",
            "__matmul__",
            "__mul__",
            "__mod__",
            "__or__",
            "__pow__",
            "__rshift__",
            "__sub__",
            "__truediv__",
            "__xor__",
        ][self as usize]
    }
    pub fn rdunder(self) -> &'static str {
        [
            "__radd__",
            "__rand__",
            "__rfloordiv__",
            "__rlshift__",
            "__rmatmul__",
            "__rmul__",
            "__rmod__",
            "__ror__",
            "__rpow__",
            "__rrshift__",
            "__rsub__",
            "__rtruediv__",
            "__rxor__",
        ][self as usize]
    }
    pub fn idunder(self) -> &'static str {
        [
            "__iadd__",
            "__iand__",
            "__ifloordiv__",
            "__ilshift__",
            "__imatmul__",
            "__imul__",
            "__imod__",
            "__ior__",
            "__ipow__",
            "__irshift__",
            "__isub__",
            "__itruediv__",
            "__ixor__",
        ][self as usize]
    }
}

/// The slot table (`tp_*`, `tp_as_number`, `tp_as_sequence`,
/// `tp_as_mapping`). `Cell`s because assigning a dunder on a class updates
/// its slots.
#[derive(Default)]
pub struct TypeSlots {
    pub repr: Cell<Option<UnaryFn>>,
    pub str: Cell<Option<UnaryFn>>,
    pub hash: Cell<Option<HashFn>>,
    pub richcompare: Cell<Option<RichCmpFn>>,
    pub getattro: Cell<Option<GetattroFn>>,
    pub setattro: Cell<Option<SetattroFn>>,
    pub call: Cell<Option<CallFn>>,
    pub iter: Cell<Option<UnaryFn>>,
    pub iternext: Cell<Option<IterNextFn>>,
    pub descr_get: Cell<Option<DescrGetFn>>,
    pub descr_set: Cell<Option<DescrSetFn>>,
    pub new: Cell<Option<NewFn>>,
    pub init: Cell<Option<InitFn>>,
    // number
    pub nb_binary: [Cell<Option<BinaryFn>>; 13],
    pub nb_inplace: [Cell<Option<BinaryFn>>; 13],
    pub nb_power_mod: Cell<Option<TernaryFn>>,
    pub nb_negative: Cell<Option<UnaryFn>>,
    pub nb_positive: Cell<Option<UnaryFn>>,
    pub nb_invert: Cell<Option<UnaryFn>>,
    pub nb_absolute: Cell<Option<UnaryFn>>,
    pub nb_bool: Cell<Option<InquiryFn>>,
    pub nb_int: Cell<Option<UnaryFn>>,
    pub nb_float: Cell<Option<UnaryFn>>,
    pub nb_index: Cell<Option<UnaryFn>>,
    // sequence / mapping
    pub len: Cell<Option<LenFn>>,
    pub contains: Cell<Option<ContainsFn>>,
    pub getitem: Cell<Option<BinaryFn>>,
    pub setitem: Cell<Option<SetItemFn>>,
}

pub mod flags {
    pub const HEAPTYPE: u32 = 1 << 0;
    pub const BASETYPE: u32 = 1 << 1;
    /// Instances carry an `InstanceExt` (dict and/or slots).
    pub const INSTANCE_EXT: u32 = 1 << 2;
    pub const HAS_DICT: u32 = 1 << 3;
    pub const HAS_FINALIZER: u32 = 1 << 4;
    pub const IS_ABSTRACT: u32 = 1 << 5;
    pub const LONG_SUBCLASS: u32 = 1 << 6;
    pub const TUPLE_SUBCLASS: u32 = 1 << 7;
    pub const STR_SUBCLASS: u32 = 1 << 8;
    pub const BASE_EXC_SUBCLASS: u32 = 1 << 9;
    pub const TYPE_SUBCLASS: u32 = 1 << 10;
    pub const IMMUTABLETYPE: u32 = 1 << 11;
    pub const SEQUENCE: u32 = 1 << 12;
    pub const MAPPING: u32 = 1 << 13;
    /// Instances reference no other objects and have no finalizer: freeing
    /// one can never free another, so it skips the trashcan bookkeeping.
    /// Set on exact builtin types only (never inherited).
    pub const LEAF: u32 = 1 << 14;
}

pub struct PyType {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    /// `__base__` (a `RefCell` only so `type` can be linked to `object`
    /// during bootstrap).
    pub base: RefCell<Option<PyTypeRef>>,
    pub bases: RefCell<Vec<PyTypeRef>>,
    /// The method resolution order *without* the type itself (keeping
    /// `self` out avoids a reference cycle from every class to itself).
    pub mro: RefCell<Vec<PyTypeRef>>,
    /// The type's namespace. Held inline (not as a dict object) so types can
    /// exist before `dict` does; `__dict__` shows it through a mappingproxy.
    pub dict: PyDict,
    pub slots: TypeSlots,
    pub layout: LayoutInfo,
    pub flags: Cell<u32>,
    /// Names of `__slots__` entries, indexed like `InstanceExt::slots`.
    pub slot_names: Vec<String>,
    /// Bumped whenever the type or a base changes (attribute caches key on it).
    pub version_tag: Cell<u32>,
    /// Direct subclasses, for `__subclasses__()` and for propagating slot
    /// updates. Strong references for now (CPython keeps weak ones), so a
    /// class lives as long as its bases.
    pub subclasses: RefCell<Vec<PyTypeRef>>,
    /// Attribute names of instances stored as inline values
    /// (`objects::instancedict`).
    pub shared_keys: RefCell<crate::objects::instancedict::SharedKeys>,
}

impl PyPayload for PyType {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.type_type
    }
}

impl PyType {
    /// The payload of a builtin type with instance layout `T`.
    pub fn new_static<T: PyPayload>(
        name: &str,
        base: Option<&PyTypeRef>,
        extra_flags: u32,
    ) -> PyType {
        PyType {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(name.to_string()),
            base: RefCell::new(base.cloned()),
            bases: RefCell::new(base.cloned().into_iter().collect()),
            mro: RefCell::new(base.map(|b| b.mro_with_self()).unwrap_or_default()),
            dict: PyDict::default(),
            slots: TypeSlots::default(),
            layout: LayoutInfo::of::<T>(),
            flags: Cell::new(flags::IMMUTABLETYPE | extra_flags),
            slot_names: Vec::new(),
            // Not cached until readied at the end of start-up.
            version_tag: Cell::new(0),
            subclasses: RefCell::new(Vec::new()),
            shared_keys: RefCell::default(),
        }
    }

    pub fn name(&self) -> std::cell::Ref<'_, String> {
        self.name.borrow()
    }

    #[inline]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }

    pub fn set_flag(&self, f: u32, on: bool) {
        let v = self.flags.get();
        self.flags.set(if on { v | f } else { v & !f });
    }

    #[inline]
    pub fn has_instance_ext(&self) -> bool {
        self.has_flag(flags::INSTANCE_EXT)
    }

    #[inline]
    pub fn has_finalizer(&self) -> bool {
        self.has_flag(flags::HAS_FINALIZER)
    }

    pub fn slot_count(&self) -> usize {
        self.slot_names.len()
    }

    pub fn is_heap_type(&self) -> bool {
        self.has_flag(flags::HEAPTYPE)
    }
}

/// CPython's method cache: `_PyType_Lookup` results keyed by (type,
/// version tag, name). Every change to a class's namespace or bases gives
/// it and its subclasses a fresh, never reused tag, so stale entries
/// simply stop matching; tag 0 (a type still being built) is not cached.
mod method_cache {
    use std::cell::{Cell, RefCell};

    use crate::object::PyObjectRef;
    use crate::objects::strobject::PyStrRef;

    pub const SIZE: usize = 4096;

    pub struct Entry {
        pub ty: usize,
        pub tag: u32,
        /// Held so its address cannot be reused by another string.
        pub name: PyStrRef,
        pub value: Option<PyObjectRef>,
    }

    /// The table; leaked at thread exit, because dropping its objects then
    /// would run deallocators after their own thread-locals are gone.
    pub struct Table(pub Vec<Option<Entry>>);

    impl Drop for Table {
        fn drop(&mut self) {
            std::mem::forget(std::mem::take(&mut self.0));
        }
    }

    thread_local! {
        pub static NEXT_TAG: Cell<u32> = const { Cell::new(1) };
        pub static CACHE: RefCell<Table> = RefCell::new(Table((0..SIZE).map(|_| None).collect()));
    }

    pub fn fresh_tag() -> u32 {
        NEXT_TAG.with(|t| {
            let v = t.get();
            // Skip 0, which means "do not cache".
            t.set(v.checked_add(1).unwrap_or(1));
            v
        })
    }
}

thread_local! {
    /// Recently interned names by string address: slot functions look up
    /// dunders by `&'static str`, and hashing the text for `vm.intern` on
    /// every call was measurable. Entries are checked by content and VM, so
    /// a reused address can only miss.
    static NAME_CACHE: RefCell<Vec<Option<(usize, PyRef<PyStr>)>>> =
        RefCell::new((0..512).map(|_| None).collect());
}

/// `vm.intern(name)`, memoized by the address of `name`.
pub fn interned_name(vm: &VM, name: &str) -> PyRef<PyStr> {
    let vm_id = vm.types.type_type.as_object().id();
    let h = ((name.as_ptr() as usize >> 3) ^ name.len().wrapping_mul(0x9e37)) & 511;
    let hit = NAME_CACHE.with(|c| match &c.borrow()[h] {
        Some((id, s)) if *id == vm_id && s.payload.as_str() == name => Some(s.clone()),
        _ => None,
    });
    if let Some(s) = hit {
        return s;
    }
    let s = vm.intern(name);
    // Interned strings are immortal, so replacing an entry frees nothing.
    NAME_CACHE.with(|c| c.borrow_mut()[h] = Some((vm_id, s.clone())));
    s
}

impl PyRef<PyType> {
    /// Looks `name` up along the MRO (`_PyType_Lookup`), through the method
    /// cache.
    pub fn lookup(&self, vm: &VM, name: &PyRef<PyStr>) -> Option<PyObjectRef> {
        let tag = self.payload.version_tag.get();
        if tag == 0 {
            return self.lookup_uncached(vm, name);
        }
        let (tid, nid) = (self.as_object().id(), name.as_object().id());
        let h =
            ((tid >> 4) ^ (nid >> 3) ^ (tag as usize).wrapping_mul(31)) & (method_cache::SIZE - 1);
        let hit = method_cache::CACHE.with(|c| {
            let c = c.borrow();
            match &c.0[h] {
                Some(e) if e.ty == tid && e.tag == tag && e.name.as_object().id() == nid => {
                    Some(e.value.clone())
                }
                _ => None,
            }
        });
        if let Some(v) = hit {
            return v;
        }
        let v = self.lookup_uncached(vm, name);
        let entry = method_cache::Entry {
            ty: tid,
            tag,
            name: name.clone(),
            value: v.clone(),
        };
        // The evicted entry is dropped after the borrow ends (dropping it
        // may free objects).
        let old = method_cache::CACHE.with(|c| c.borrow_mut().0[h].replace(entry));
        drop(old);
        v
    }

    /// Gives the type a fresh version tag, enabling the method cache for it.
    pub fn assign_version_tag(&self) {
        self.payload.version_tag.set(method_cache::fresh_tag());
    }

    fn lookup_uncached(&self, vm: &VM, name: &PyRef<PyStr>) -> Option<PyObjectRef> {
        if let Some(v) = self.payload.dict.get_str(vm, name) {
            return Some(v);
        }
        // A copy: a key's `__eq__` may run Python code that reassigns
        // `__bases__` during the walk.
        let mro = self.payload.mro.borrow().clone();
        for base in mro.iter() {
            if let Some(v) = base.payload.dict.get_str(vm, name) {
                return Some(v);
            }
        }
        None
    }

    pub fn lookup_str(&self, vm: &VM, name: &str) -> Option<PyObjectRef> {
        let key = interned_name(vm, name);
        self.lookup(vm, &key)
    }

    /// Like `lookup`, also returning the class whose dict holds the value.
    pub fn lookup_where(&self, vm: &VM, name: &PyRef<PyStr>) -> Option<(PyObjectRef, PyTypeRef)> {
        if let Some(v) = self.payload.dict.get_str(vm, name) {
            return Some((v, self.clone()));
        }
        let mro = self.payload.mro.borrow().clone();
        for base in mro.iter() {
            if let Some(v) = base.payload.dict.get_str(vm, name) {
                return Some((v, base.clone()));
            }
        }
        None
    }

    /// `issubclass` on the MRO, without `__subclasscheck__`.
    pub fn is_subtype(&self, other: &PyTypeRef) -> bool {
        if self.as_object().is(other.as_object()) {
            return true;
        }
        self.payload
            .mro
            .borrow()
            .iter()
            .any(|t| t.as_object().is(other.as_object()))
    }

    /// The full MRO including the type itself, as `__mro__` shows it.
    pub fn mro_with_self(&self) -> Vec<PyTypeRef> {
        let mut v = vec![self.clone()];
        v.extend(self.payload.mro.borrow().iter().cloned());
        v
    }

    pub fn name_string(&self) -> String {
        self.payload.name.borrow().clone()
    }

    pub fn bump_version(&self) {
        self.assign_version_tag();
    }

    /// Every class derived from this one (itself first), breadth first,
    /// each once.
    pub fn all_subclasses(&self) -> Vec<PyTypeRef> {
        let mut out = vec![self.clone()];
        let mut i = 0;
        while i < out.len() {
            let subs = out[i].payload.subclasses.borrow().clone();
            for s in subs {
                if !out.iter().any(|t| t.is(&s)) {
                    out.push(s);
                }
            }
            i += 1;
        }
        out
    }

    /// `__module__` of a class: the namespace entry for classes, "builtins"
    /// for builtin types.
    pub fn module_name(&self, vm: &VM) -> Option<String> {
        let m = self.payload.dict.get_str_name(vm, "__module__");
        let m = m.as_ref().and_then(|m| m.downcast_ref::<PyStr>());
        if self.payload.is_heap_type() {
            return m.map(|s| s.as_str().to_string());
        }
        Some(m.map(|s| s.as_str()).unwrap_or("builtins").to_string())
    }
}

/// CPython's `tp_name`: builtin types outside `builtins` carry their
/// module (`types.UnionType`), classes just their name.
pub fn tp_name(vm: &VM, ty: &PyTypeRef) -> String {
    if !ty.payload.is_heap_type() {
        if let Some(m) = ty.module_name(vm).filter(|m| m != "builtins") {
            return format!("{m}.{}", ty.name_string());
        }
    }
    ty.name_string()
}

pub(crate) fn type_ref(vm: &VM, obj: &PyObjectRef) -> PyResult<PyTypeRef> {
    obj.clone().downcast::<PyType>().map_err(|o| {
        vm.new_type_error(format!(
            "descriptor requires a 'type' object but received a '{}'",
            o.class().name_string()
        ))
    })
}

fn type_repr(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let ty = type_ref(vm, obj)?;
    let q = ty.payload.qualname.borrow().clone();
    let s = match ty.module_name(vm) {
        Some(m) if m != "builtins" => format!("<class '{m}.{q}'>"),
        _ => format!("<class '{q}'>"),
    };
    Ok(vm.new_str_obj(s))
}

/// `type.__call__`: `cls(*args)` runs `cls.__new__` then, when the result
/// is an instance of `cls`, its type's `__init__`.
fn type_call(
    vm: &VM,
    obj: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    let cls = type_ref(vm, obj)?;
    let nkw = kwnames.map(|k| k.payload.len()).unwrap_or(0);
    if cls.is(&vm.types.type_type) {
        let npos = args.len() - nkw;
        if npos == 1 && nkw == 0 {
            return Ok(args[0].class().clone().into_object());
        }
        if npos == 1 {
            return Err(vm.new_type_error("type() takes no keyword arguments"));
        }
        if npos != 1 && npos != 3 {
            return Err(vm.new_type_error("type() takes 1 or 3 arguments"));
        }
    }
    let Some(new) = cls.payload.slots.new.get() else {
        return Err(vm.new_type_error(format!("cannot create '{}' instances", tp_name(vm, &cls))));
    };
    let inst = new(vm, &cls, args, kwnames)?;
    if !inst.class().is_subtype(&cls) {
        return Ok(inst);
    }
    let ity = inst.class().clone();
    if let Some(init) = ity.payload.slots.init.get() {
        init(vm, &inst, args, kwnames)?;
    }
    Ok(inst)
}

/// `type.__getattribute__`: data descriptors of the metatype, then the
/// class's own MRO (binding with no instance), then other metatype
/// attributes.
pub fn type_getattro(vm: &VM, obj: &PyObjectRef, name: &PyRef<PyStr>) -> PyResult {
    match type_getattro_opt(vm, obj, name)? {
        Some(v) => Ok(v),
        None => {
            let ty = type_ref(vm, obj)?;
            Err(vm.new_attribute_error(
                format!(
                    "type object '{}' has no attribute '{}'",
                    ty.name_string(),
                    name.payload.as_str()
                ),
                Some(obj),
                Some(name.payload.as_str()),
            ))
        }
    }
}

pub fn type_getattro_opt(
    vm: &VM,
    obj: &PyObjectRef,
    name: &PyRef<PyStr>,
) -> PyResult<Option<PyObjectRef>> {
    let ty = type_ref(vm, obj)?;
    let meta = obj.class();
    let meta_attr = meta.lookup(vm, name);
    let mut meta_get = None;
    if let Some(ma) = &meta_attr {
        let s = &ma.class().payload.slots;
        meta_get = s.descr_get.get();
        if let (Some(g), Some(_)) = (meta_get, s.descr_set.get()) {
            return g(vm, ma, Some(obj), Some(meta.as_object())).map(Some);
        }
    }
    if let Some(attr) = ty.lookup(vm, name) {
        return match attr.class().payload.slots.descr_get.get() {
            Some(g) => g(vm, &attr, None, Some(obj)).map(Some),
            None => Ok(Some(attr)),
        };
    }
    if let Some(ma) = meta_attr {
        return match meta_get {
            Some(g) => g(vm, &ma, Some(obj), Some(meta.as_object())).map(Some),
            None => Ok(Some(ma)),
        };
    }
    Ok(None)
}

pub(crate) fn immutable_error(
    vm: &VM,
    ty: &PyTypeRef,
    name: &str,
    deleting: bool,
) -> crate::PyBaseExceptionRef {
    vm.new_type_error(format!(
        "cannot {} '{name}' attribute of immutable type '{}'",
        if deleting { "delete" } else { "set" },
        ty.name_string()
    ))
}

fn is_dunder(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

/// `type.__setattr__`: stores in the class namespace; assigning a dunder
/// re-derives the slots of the class and of every subclass.
pub fn type_setattro(
    vm: &VM,
    obj: &PyObjectRef,
    name: &PyRef<PyStr>,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    let ty = type_ref(vm, obj)?;
    let n = name.payload.as_str();
    if ty.payload.has_flag(flags::IMMUTABLETYPE) {
        return Err(immutable_error(vm, &ty, n, value.is_none()));
    }
    let meta = obj.class();
    if let Some(ma) = meta.lookup(vm, name) {
        if let Some(set) = ma.class().payload.slots.descr_set.get() {
            return set(vm, &ma, obj, value);
        }
    }
    // Class namespaces only ever get exact, interned str keys.
    let key = if name.as_object().class().is(&vm.types.str_type) {
        vm.intern_str(name.clone())
    } else {
        vm.intern(name.payload.as_str())
    };
    match value {
        Some(v) => ty.payload.dict.set_item(vm, key.into_object(), v)?,
        None => {
            if ty.payload.dict.pop_item(vm, key.as_object())?.is_none() {
                return Err(vm.new_attribute_error(
                    format!("type object '{}' has no attribute '{n}'", ty.name_string()),
                    Some(obj),
                    Some(n),
                ));
            }
        }
    }
    type_modified(vm, &ty, is_dunder(n));
    Ok(())
}

/// `PyType_Modified` plus slot updates: invalidates caches of the class and
/// its subclasses and, when a dunder changed, recomputes their slots.
pub fn type_modified(vm: &VM, ty: &PyTypeRef, slots_changed: bool) {
    for t in ty.all_subclasses() {
        t.bump_version();
        if slots_changed && t.payload.is_heap_type() {
            fixup_slots(vm, &t);
        }
    }
}

pub(crate) const TYPE_DOC: &str =
    "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let t = &vm.types.type_type;
    // Classes keep their namespace in the type itself, so metaclasses must
    // not add an instance `__dict__` of their own.
    t.payload.set_flag(flags::HAS_DICT, true);
    let s = &t.payload.slots;
    s.call.set(Some(type_call));
    s.getattro.set(Some(type_getattro));
    s.setattro.set(Some(type_setattro));
    s.repr.set(Some(type_repr));
    s.new.set(Some(typeobject_new::type_new));
    s.init.set(Some(typeobject_new::type_init));
    typeobject_attrs::register(vm, t);
    superobject::init(vm);
    typeobject_union::init(vm);
    // Three-argument `type()` takes `__module__` from the calling frame,
    // which the eval loop records only for the builtins listed here.
    vm.state.frame_builtins.register(
        vm.types.type_type.as_object().id(),
        crate::python::pylifecycle::FrameUse::Globals,
    );
}

/// Adds `__add__`-style wrapper descriptors to builtin types for their
/// slots (CPython's `add_operators`), then lets builtin types inherit the
/// slots they did not set from their bases (`inherit_slots`).
pub(crate) fn add_operators_all(vm: &VM) {
    typeobject_wrappers::ready_builtin_types(vm);
}

#[cfg(test)]
#[path = "typeobject_tests.rs"]
mod tests;
