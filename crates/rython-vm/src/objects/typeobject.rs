//! `type` objects and their slot tables (CPython's Objects/typeobject.c).
//!
//! A type holds function pointers for the operations the VM dispatches on
//! (the `tp_*` slots and the number/sequence/mapping groups). Builtin types
//! fill them with native functions; a class statement fills them with the
//! `slot_*` wrappers of `python::slots`, which look up and call the dunder
//! method, so `a % b` dispatches through one mechanism for every type.

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
            version_tag: Cell::new(1),
        }
    }

    pub fn name(&self) -> std::cell::Ref<'_, String> {
        self.name.borrow()
    }

    #[inline]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
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

impl PyRef<PyType> {
    /// Looks `name` up along the MRO (`_PyType_Lookup`).
    pub fn lookup(&self, vm: &VM, name: &PyRef<PyStr>) -> Option<PyObjectRef> {
        if let Some(v) = self.payload.dict.get_str(vm, name) {
            return Some(v);
        }
        for base in self.payload.mro.borrow().iter() {
            if let Some(v) = base.payload.dict.get_str(vm, name) {
                return Some(v);
            }
        }
        None
    }

    pub fn lookup_str(&self, vm: &VM, name: &str) -> Option<PyObjectRef> {
        let key = vm.intern(name);
        self.lookup(vm, &key)
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
        self.payload
            .version_tag
            .set(self.payload.version_tag.get().wrapping_add(1));
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}

/// Adds `__add__`-style wrapper descriptors to builtin types for their
/// slots (CPython's `add_operators`).
pub(crate) fn add_operators_all(vm: &VM) {
    let _ = vm;
}
