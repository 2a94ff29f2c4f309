//! Slots of classes defined in Python (CPython's typeobject.c `slot_*`
//! functions and `update_one_slot`): a slot of a class whose MRO defines
//! the matching dunder in Python calls that dunder; a slot whose dunder is
//! inherited from a builtin type's wrapper reuses the builtin's native
//! function directly.

#![allow(unpredictable_function_pointer_comparisons)]

use std::sync::OnceLock;

use crate::object::{PyObjectRef, PyTypeRef};
use crate::objects::funcobject::PyFunction;
use crate::objects::longobject::PyInt;
use crate::objects::methodobject::{MethodKind, PyBuiltinFunction, PyMethodDescr, WrapperFn};
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::typeobject_wrappers as w;
use crate::objects::typeobject::{
    flags, BinaryFn, CompareOp, NumberOp, PyType, TypeSlots, NUMBER_OPS,
};
use crate::python::abstract_::generic_getattr;
use crate::{PyResult, VM};

/// One slot of the table (an index into `TypeSlots`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    Repr,
    Str,
    Hash,
    RichCompare,
    GetAttro,
    SetAttro,
    Call,
    Iter,
    IterNext,
    DescrGet,
    DescrSet,
    New,
    Init,
    NbBinary(usize),
    NbInplace(usize),
    NbPowerMod,
    NbNegative,
    NbPositive,
    NbInvert,
    NbAbsolute,
    NbBool,
    NbInt,
    NbFloat,
    NbIndex,
    Len,
    Contains,
    GetItem,
    SetItem,
}

/// Runs `$body` with `$c` bound to the cell of slot `$which` in each of
/// the given slot tables (the cells have different function types, so
/// the body is expanded once per slot).
macro_rules! with_cells {
    ($which:expr, [$($s:expr => $c:ident),+], $body:expr) => {
        match $which {
            Which::Repr => { $(let $c = &$s.repr;)+ $body }
            Which::Str => { $(let $c = &$s.str;)+ $body }
            Which::Hash => { $(let $c = &$s.hash;)+ $body }
            Which::RichCompare => { $(let $c = &$s.richcompare;)+ $body }
            Which::GetAttro => { $(let $c = &$s.getattro;)+ $body }
            Which::SetAttro => { $(let $c = &$s.setattro;)+ $body }
            Which::Call => { $(let $c = &$s.call;)+ $body }
            Which::Iter => { $(let $c = &$s.iter;)+ $body }
            Which::IterNext => { $(let $c = &$s.iternext;)+ $body }
            Which::DescrGet => { $(let $c = &$s.descr_get;)+ $body }
            Which::DescrSet => { $(let $c = &$s.descr_set;)+ $body }
            Which::New => { $(let $c = &$s.new;)+ $body }
            Which::Init => { $(let $c = &$s.init;)+ $body }
            Which::NbBinary(i) => { $(let $c = &$s.nb_binary[i];)+ $body }
            Which::NbInplace(i) => { $(let $c = &$s.nb_inplace[i];)+ $body }
            Which::NbPowerMod => { $(let $c = &$s.nb_power_mod;)+ $body }
            Which::NbNegative => { $(let $c = &$s.nb_negative;)+ $body }
            Which::NbPositive => { $(let $c = &$s.nb_positive;)+ $body }
            Which::NbInvert => { $(let $c = &$s.nb_invert;)+ $body }
            Which::NbAbsolute => { $(let $c = &$s.nb_absolute;)+ $body }
            Which::NbBool => { $(let $c = &$s.nb_bool;)+ $body }
            Which::NbInt => { $(let $c = &$s.nb_int;)+ $body }
            Which::NbFloat => { $(let $c = &$s.nb_float;)+ $body }
            Which::NbIndex => { $(let $c = &$s.nb_index;)+ $body }
            Which::Len => { $(let $c = &$s.len;)+ $body }
            Which::Contains => { $(let $c = &$s.contains;)+ $body }
            Which::GetItem => { $(let $c = &$s.getitem;)+ $body }
            Which::SetItem => { $(let $c = &$s.setitem;)+ $body }
        }
    };
}

pub fn is_set(which: Which, s: &TypeSlots) -> bool {
    with_cells!(which, [s => c], c.get().is_some())
}

pub fn copy_slot(which: Which, dst: &TypeSlots, src: &TypeSlots) {
    with_cells!(which, [dst => a, src => b], a.set(b.get()))
}

pub fn same_slot(which: Which, x: &TypeSlots, y: &TypeSlots) -> bool {
    with_cells!(which, [x => a, y => b], a.get() == b.get())
}

fn clear_slot(which: Which, s: &TypeSlots) {
    with_cells!(which, [s => c], c.set(None))
}

fn set_generic(which: Which, s: &TypeSlots) {
    match which {
        Which::Repr => s.repr.set(Some(slot_tp_repr)),
        Which::Str => s.str.set(Some(slot_tp_str)),
        Which::Hash => s.hash.set(Some(slot_tp_hash)),
        Which::RichCompare => s.richcompare.set(Some(slot_tp_richcompare)),
        Which::GetAttro => s.getattro.set(Some(slot_tp_getattr_hook)),
        Which::SetAttro => s.setattro.set(Some(slot_tp_setattro)),
        Which::Call => s.call.set(Some(slot_tp_call)),
        Which::Iter => s.iter.set(Some(slot_tp_iter)),
        Which::IterNext => s.iternext.set(Some(slot_tp_iternext)),
        Which::DescrGet => s.descr_get.set(Some(slot_tp_descr_get)),
        Which::DescrSet => s.descr_set.set(Some(slot_tp_descr_set)),
        Which::New => s.new.set(Some(slot_tp_new)),
        Which::Init => s.init.set(Some(slot_tp_init)),
        Which::NbBinary(i) => s.nb_binary[i].set(Some(BINARY_SLOTS[i])),
        Which::NbInplace(i) => s.nb_inplace[i].set(Some(INPLACE_SLOTS[i])),
        Which::NbPowerMod => s.nb_power_mod.set(Some(slot_nb_power_mod)),
        Which::NbNegative => s.nb_negative.set(Some(slot_nb_negative)),
        Which::NbPositive => s.nb_positive.set(Some(slot_nb_positive)),
        Which::NbInvert => s.nb_invert.set(Some(slot_nb_invert)),
        Which::NbAbsolute => s.nb_absolute.set(Some(slot_nb_absolute)),
        Which::NbBool => s.nb_bool.set(Some(slot_nb_bool)),
        Which::NbInt => s.nb_int.set(Some(slot_nb_int)),
        Which::NbFloat => s.nb_float.set(Some(slot_nb_float)),
        Which::NbIndex => s.nb_index.set(Some(slot_nb_index)),
        Which::Len => s.len.set(Some(slot_sq_length)),
        Which::Contains => s.contains.set(Some(slot_sq_contains)),
        Which::GetItem => s.getitem.set(Some(slot_mp_subscript)),
        Which::SetItem => s.setitem.set(Some(slot_mp_ass_subscript)),
    }
}

/// One row of CPython's `slotdefs`: a slot, the dunders that feed it, and
/// the wrapper descriptors a builtin type with that slot exposes.
pub struct SlotDef {
    pub which: Which,
    pub dunders: Vec<&'static str>,
    pub wrappers: Vec<(&'static str, WrapperFn, u32)>,
}

pub fn slotdefs() -> &'static [SlotDef] {
    static DEFS: OnceLock<Vec<SlotDef>> = OnceLock::new();
    DEFS.get_or_init(build_slotdefs)
}

fn build_slotdefs() -> Vec<SlotDef> {
    fn def(which: Which, wrappers: Vec<(&'static str, WrapperFn, u32)>) -> SlotDef {
        SlotDef {
            which,
            dunders: wrappers.iter().map(|w| w.0).collect(),
            wrappers,
        }
    }
    let mut v = vec![
        def(Which::Repr, vec![("__repr__", w::wrap_unary, 0)]),
        def(Which::Str, vec![("__str__", w::wrap_unary, 1)]),
        def(Which::Hash, vec![("__hash__", w::wrap_hash, 0)]),
        def(
            Which::RichCompare,
            [
                CompareOp::Lt,
                CompareOp::Le,
                CompareOp::Eq,
                CompareOp::Ne,
                CompareOp::Gt,
                CompareOp::Ge,
            ]
            .iter()
            .map(|op| (op.dunder(), w::wrap_richcmp as WrapperFn, *op as u32))
            .collect(),
        ),
        SlotDef {
            which: Which::GetAttro,
            dunders: vec!["__getattribute__", "__getattr__"],
            wrappers: vec![("__getattribute__", w::wrap_getattr, 0)],
        },
        def(
            Which::SetAttro,
            vec![
                ("__setattr__", w::wrap_setattr, 0),
                ("__delattr__", w::wrap_delattr, 0),
            ],
        ),
        def(Which::Call, vec![("__call__", w::wrap_call, 0)]),
        def(Which::Iter, vec![("__iter__", w::wrap_unary, 2)]),
        def(Which::IterNext, vec![("__next__", w::wrap_next, 0)]),
        def(Which::DescrGet, vec![("__get__", w::wrap_descr_get, 0)]),
        def(
            Which::DescrSet,
            vec![
                ("__set__", w::wrap_descr_set, 0),
                ("__delete__", w::wrap_descr_delete, 0),
            ],
        ),
        // `__new__` is a builtin function made by `add_tp_new`, not a
        // wrapper descriptor.
        SlotDef {
            which: Which::New,
            dunders: vec!["__new__"],
            wrappers: vec![],
        },
        def(Which::Init, vec![("__init__", w::wrap_init, 0)]),
    ];
    for op in NUMBER_OPS {
        let i = op as usize;
        v.push(def(
            Which::NbBinary(i),
            vec![
                (op.dunder(), w::wrap_binary_l as WrapperFn, i as u32),
                (op.rdunder(), w::wrap_binary_r as WrapperFn, i as u32),
            ],
        ));
        v.push(def(
            Which::NbInplace(i),
            vec![(op.idunder(), w::wrap_inplace as WrapperFn, i as u32)],
        ));
    }
    v.push(SlotDef {
        which: Which::NbPowerMod,
        dunders: vec!["__pow__", "__rpow__"],
        wrappers: vec![],
    });
    v.extend([
        def(Which::NbNegative, vec![("__neg__", w::wrap_unary, 3)]),
        def(Which::NbPositive, vec![("__pos__", w::wrap_unary, 4)]),
        def(Which::NbInvert, vec![("__invert__", w::wrap_unary, 5)]),
        def(Which::NbAbsolute, vec![("__abs__", w::wrap_unary, 6)]),
        def(Which::NbBool, vec![("__bool__", w::wrap_bool, 0)]),
        def(Which::NbInt, vec![("__int__", w::wrap_unary, 7)]),
        def(Which::NbFloat, vec![("__float__", w::wrap_unary, 8)]),
        def(Which::NbIndex, vec![("__index__", w::wrap_unary, 9)]),
        def(Which::Len, vec![("__len__", w::wrap_len, 0)]),
        def(Which::Contains, vec![("__contains__", w::wrap_contains, 0)]),
        def(Which::GetItem, vec![("__getitem__", w::wrap_getitem, 0)]),
        def(
            Which::SetItem,
            vec![
                ("__setitem__", w::wrap_setitem, 0),
                ("__delitem__", w::wrap_delitem, 0),
            ],
        ),
    ]);
    v
}

/// The builtin type whose native slot a class attribute stands for: a
/// wrapper or method descriptor of a builtin type, or a builtin's
/// `__new__`.
fn native_source(vm: &VM, attr: &PyObjectRef, which: Which, dunder: &str) -> Option<PyTypeRef> {
    if let Some(d) = attr.downcast_ref::<PyMethodDescr>() {
        // `__eq__ = object.__ne__` must not reuse the slot as `==`.
        if d.kind == MethodKind::Instance
            && d.name == dunder
            && !d.objclass.payload.is_heap_type()
            && is_set(which, &d.objclass.payload.slots)
        {
            return Some(d.objclass.clone());
        }
        return None;
    }
    if which == Which::New {
        if let Some(f) = attr.downcast_ref::<PyBuiltinFunction>() {
            if f.func == w::tp_new_wrapper as crate::objects::methodobject::NativeFn {
                let t = f.self_.as_ref()?.clone().downcast::<PyType>().ok()?;
                if !t.payload.is_heap_type() {
                    return Some(t);
                }
            }
        }
    }
    let _ = vm;
    None
}

/// Re-derives every slot of the heap type `ty` from its MRO (CPython's
/// `fixup_slot_dispatchers`, also run after a dunder is assigned).
pub fn fixup_slots(vm: &VM, ty: &PyTypeRef) {
    let slots = &ty.payload.slots;
    for def in slotdefs() {
        let mut native: Option<PyTypeRef> = None;
        let mut generic = false;
        let mut any = false;
        let mut none_found = false;
        for d in &def.dunders {
            let Some(attr) = ty.lookup_str(vm, d) else {
                continue;
            };
            any = true;
            if vm.is_none(&attr) {
                none_found = true;
                continue;
            }
            match native_source(vm, &attr, def.which, d) {
                Some(t) => match &native {
                    None => native = Some(t),
                    Some(prev) => {
                        if !same_slot(def.which, &prev.payload.slots, &t.payload.slots) {
                            generic = true;
                        }
                    }
                },
                None => generic = true,
            }
        }
        if !any || (def.which == Which::Hash && none_found && !generic) {
            clear_slot(def.which, slots);
        } else if generic || none_found {
            set_generic(def.which, slots);
        } else if let Some(t) = native {
            copy_slot(def.which, slots, &t.payload.slots);
        }
    }
    let has_del = ty.lookup_str(vm, "__del__").is_some();
    ty.payload.set_flag(flags::HAS_FINALIZER, has_del);
}

// ----- calling dunders ------------------------------------------------------

/// `lookup_maybe_method`: the dunder from the type, either unbound (a
/// function to call with `self` first) or already bound.
fn lookup_method(vm: &VM, obj: &PyObjectRef, name: &str) -> PyResult<Option<(PyObjectRef, bool)>> {
    let cls = obj.class();
    let Some(attr) = cls.lookup_str(vm, name) else {
        return Ok(None);
    };
    if attr.payload_is::<PyFunction>()
        || attr
            .downcast_ref::<PyMethodDescr>()
            .is_some_and(|d| d.kind == MethodKind::Instance)
    {
        return Ok(Some((attr, true)));
    }
    match attr.class().payload.slots.descr_get.get() {
        Some(g) => Ok(Some((
            g(vm, &attr, Some(obj), Some(cls.as_object()))?,
            false,
        ))),
        None => Ok(Some((attr, false))),
    }
}

fn call_found(
    vm: &VM,
    obj: &PyObjectRef,
    f: (PyObjectRef, bool),
    args: &[PyObjectRef],
) -> PyResult {
    let (f, unbound) = f;
    if unbound {
        call_with_self(vm, &f, obj, args, None)
    } else {
        vm.call(&f, args, None)
    }
}

/// `f(obj, *args)`, on the stack for the usual dunder arities.
fn call_with_self(
    vm: &VM,
    f: &PyObjectRef,
    obj: &PyObjectRef,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    match args {
        [] => vm.call(f, std::slice::from_ref(obj), kw),
        [a] => vm.call(f, &[obj.clone(), a.clone()], kw),
        [a, b] => vm.call(f, &[obj.clone(), a.clone(), b.clone()], kw),
        _ => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(obj.clone());
            full.extend_from_slice(args);
            vm.call(f, &full, kw)
        }
    }
}

/// Calls `type(obj).name(obj, *args)`; `Ok(None)` when the type lacks it.
pub fn call_dunder_opt(
    vm: &VM,
    obj: &PyObjectRef,
    name: &str,
    args: &[PyObjectRef],
) -> PyResult<Option<PyObjectRef>> {
    match lookup_method(vm, obj, name)? {
        Some(f) => call_found(vm, obj, f, args).map(Some),
        None => Ok(None),
    }
}

pub fn call_dunder(vm: &VM, obj: &PyObjectRef, name: &str, args: &[PyObjectRef]) -> PyResult {
    call_dunder_opt(vm, obj, name, args)?
        .ok_or_else(|| vm.new_attribute_error(name.to_string(), Some(obj), Some(name)))
}

/// Like `call_dunder_opt` but NotImplemented when missing (`call_maybe`).
fn call_maybe(vm: &VM, obj: &PyObjectRef, name: &str, args: &[PyObjectRef]) -> PyResult {
    Ok(call_dunder_opt(vm, obj, name, args)?.unwrap_or_else(|| vm.not_implemented()))
}

// ----- the generic slots ------------------------------------------------

fn slot_tp_repr(vm: &VM, obj: &PyObjectRef) -> PyResult {
    call_dunder(vm, obj, "__repr__", &[])
}

fn slot_tp_str(vm: &VM, obj: &PyObjectRef) -> PyResult {
    call_dunder(vm, obj, "__str__", &[])
}

fn unhashable(vm: &VM, obj: &PyObjectRef) -> crate::PyBaseExceptionRef {
    vm.new_type_error(format!("unhashable type: '{}'", obj.class().name_string()))
}

fn slot_tp_hash(vm: &VM, obj: &PyObjectRef) -> PyResult<i64> {
    let Some(f) = lookup_method(vm, obj, "__hash__")? else {
        return Err(unhashable(vm, obj));
    };
    if vm.is_none(&f.0) {
        return Err(unhashable(vm, obj));
    }
    let r = call_found(vm, obj, f, &[])?;
    match r.downcast_ref::<PyInt>() {
        // A value that fits is used as is (like `PyLong_AsSsize_t`); a
        // larger one is hashed as an int.
        Some(PyInt::Small(v)) => Ok(if *v == -1 { -2 } else { *v }),
        Some(PyInt::Big(b)) => Ok(rython_common::hash::hash_int(b)),
        None => Err(vm.new_type_error("__hash__ method should return an integer")),
    }
}

fn slot_tp_richcompare(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
    match lookup_method(vm, a, op.dunder())? {
        Some(f) if !vm.is_none(&f.0) => call_found(vm, a, f, std::slice::from_ref(b)),
        _ => Ok(vm.not_implemented()),
    }
}

fn is_attribute_error(vm: &VM, e: &crate::PyBaseExceptionRef) -> bool {
    e.as_object()
        .class()
        .is_subtype(&vm.types.exc.attribute_error)
}

/// `__getattribute__`, then `__getattr__` when it raises AttributeError.
fn slot_tp_getattr_hook(
    vm: &VM,
    obj: &PyObjectRef,
    name: &crate::objects::strobject::PyStrRef,
) -> PyResult {
    let cls = obj.class();
    let getattr = cls.lookup_str(vm, "__getattr__");
    let r = match cls.lookup_str(vm, "__getattribute__") {
        Some(ga) => match ga.downcast_ref::<PyMethodDescr>() {
            Some(d) if !d.objclass.payload.is_heap_type() && d.slot.is_some() => {
                match d.objclass.payload.slots.getattro.get() {
                    Some(native) => native(vm, obj, name),
                    None => generic_getattr(vm, obj, name),
                }
            }
            _ => {
                let bound = match ga.class().payload.slots.descr_get.get() {
                    Some(g) => g(vm, &ga, Some(obj), Some(cls.as_object()))?,
                    None => ga,
                };
                vm.call1(&bound, name.clone().into_object())
            }
        },
        None => generic_getattr(vm, obj, name),
    };
    match (r, getattr) {
        (Err(e), Some(ga)) if is_attribute_error(vm, &e) => {
            let bound = match ga.class().payload.slots.descr_get.get() {
                Some(g) => g(vm, &ga, Some(obj), Some(cls.as_object()))?,
                None => ga,
            };
            vm.call1(&bound, name.clone().into_object())
        }
        (r, _) => r,
    }
}

fn slot_tp_setattro(
    vm: &VM,
    obj: &PyObjectRef,
    name: &crate::objects::strobject::PyStrRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    let n = name.clone().into_object();
    match value {
        Some(v) => call_dunder(vm, obj, "__setattr__", &[n, v]),
        None => call_dunder(vm, obj, "__delattr__", &[n]),
    }
    .map(drop)
}

fn slot_tp_call(
    vm: &VM,
    obj: &PyObjectRef,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let Some((f, unbound)) = lookup_method(vm, obj, "__call__")? else {
        return Err(vm.new_type_error(format!(
            "'{}' object is not callable",
            obj.class().name_string()
        )));
    };
    if unbound {
        call_with_self(vm, &f, obj, args, kw)
    } else {
        vm.call(&f, args, kw)
    }
}

fn slot_tp_iter(vm: &VM, obj: &PyObjectRef) -> PyResult {
    match lookup_method(vm, obj, "__iter__")? {
        Some(f) if !vm.is_none(&f.0) => call_found(vm, obj, f, &[]),
        _ => Err(vm.new_type_error(format!(
            "'{}' object is not iterable",
            obj.class().name_string()
        ))),
    }
}

/// `__next__`; StopIteration means exhaustion (its value is dropped: the
/// fast-path protocol has no room for it).
fn slot_tp_iternext(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    match call_dunder(vm, obj, "__next__", &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e)
            if e.as_object()
                .class()
                .is_subtype(&vm.types.exc.stop_iteration) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn slot_tp_descr_get(
    vm: &VM,
    descr: &PyObjectRef,
    obj: Option<&PyObjectRef>,
    cls: Option<&PyObjectRef>,
) -> PyResult {
    let Some(f) = lookup_method(vm, descr, "__get__")? else {
        return Ok(descr.clone());
    };
    let o = obj.cloned().unwrap_or_else(|| vm.none());
    let c = cls.cloned().unwrap_or_else(|| vm.none());
    call_found(vm, descr, f, &[o, c])
}

fn slot_tp_descr_set(
    vm: &VM,
    descr: &PyObjectRef,
    obj: &PyObjectRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    match value {
        Some(v) => call_dunder(vm, descr, "__set__", &[obj.clone(), v]),
        None => call_dunder(vm, descr, "__delete__", &[obj.clone()]),
    }
    .map(drop)
}

fn slot_tp_new(
    vm: &VM,
    cls: &PyTypeRef,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let new = vm.get_attr_str(cls.as_object(), "__new__")?;
    call_with_self(vm, &new, cls.as_object(), args, kw)
}

fn slot_tp_init(
    vm: &VM,
    obj: &PyObjectRef,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<()> {
    let Some((f, unbound)) = lookup_method(vm, obj, "__init__")? else {
        return Ok(());
    };
    let r = if unbound {
        call_with_self(vm, &f, obj, args, kw)?
    } else {
        vm.call(&f, args, kw)?
    };
    if !vm.is_none(&r) {
        return Err(vm.new_type_error(format!(
            "__init__() should return None, not '{}'",
            r.class().name_string()
        )));
    }
    Ok(())
}

/// Whether `right_type` defines `name` differently from `left_type`
/// (CPython's `method_is_overloaded`).
fn method_is_overloaded(vm: &VM, left: &PyTypeRef, right: &PyTypeRef, name: &str) -> bool {
    let Some(b) = right.lookup_str(vm, name) else {
        return false;
    };
    match left.lookup_str(vm, name) {
        Some(a) => !a.is(&b),
        None => true,
    }
}

/// CPython's `SLOT1BINFULL`: `__op__` of the left operand and `__rop__` of
/// the right one, the right first when it is a subclass overriding it.
fn slot_binary(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: NumberOp,
    this: BinaryFn,
) -> PyResult {
    let ta = a.class();
    let tb = b.class();
    let i = op as usize;
    let mut do_other = !ta.is(tb) && tb.payload.slots.nb_binary[i].get() == Some(this);
    if ta.payload.slots.nb_binary[i].get() == Some(this) {
        if do_other && tb.is_subtype(ta) && method_is_overloaded(vm, ta, tb, op.rdunder()) {
            let r = call_maybe(vm, b, op.rdunder(), std::slice::from_ref(a))?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
            do_other = false;
        }
        let r = call_maybe(vm, a, op.dunder(), std::slice::from_ref(b))?;
        if !vm.is_not_implemented(&r) || tb.is(ta) {
            return Ok(r);
        }
    }
    if do_other {
        return call_maybe(vm, b, op.rdunder(), std::slice::from_ref(a));
    }
    Ok(vm.not_implemented())
}

fn slot_inplace(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: NumberOp) -> PyResult {
    call_maybe(vm, a, op.idunder(), std::slice::from_ref(b))
}

macro_rules! number_slots {
    ($($bin:ident $inp:ident = $op:ident;)*) => {
        $(
            fn $bin(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
                slot_binary(vm, a, b, NumberOp::$op, $bin)
            }
            fn $inp(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
                slot_inplace(vm, a, b, NumberOp::$op)
            }
        )*
        /// The generic binary slots, indexed like `NumberOp`.
        pub const BINARY_SLOTS: [BinaryFn; 13] = [$($bin),*];
        const INPLACE_SLOTS: [BinaryFn; 13] = [$($inp),*];
    };
}

// In `NumberOp` order.
number_slots! {
    slot_nb_add slot_nb_inplace_add = Add;
    slot_nb_and slot_nb_inplace_and = And;
    slot_nb_floor_divide slot_nb_inplace_floor_divide = FloorDivide;
    slot_nb_lshift slot_nb_inplace_lshift = Lshift;
    slot_nb_matrix_multiply slot_nb_inplace_matrix_multiply = MatrixMultiply;
    slot_nb_multiply slot_nb_inplace_multiply = Multiply;
    slot_nb_remainder slot_nb_inplace_remainder = Remainder;
    slot_nb_or slot_nb_inplace_or = Or;
    slot_nb_power slot_nb_inplace_power = Power;
    slot_nb_rshift slot_nb_inplace_rshift = Rshift;
    slot_nb_subtract slot_nb_inplace_subtract = Subtract;
    slot_nb_true_divide slot_nb_inplace_true_divide = TrueDivide;
    slot_nb_xor slot_nb_inplace_xor = Xor;
}

/// Three-argument `pow()`: only the left operand's `__pow__` is tried
/// with a modulus (CPython never calls `__rpow__` with three arguments).
fn slot_nb_power_mod(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, m: &PyObjectRef) -> PyResult {
    if vm.is_none(m) {
        return slot_nb_power(vm, a, b);
    }
    if a.class().payload.slots.nb_power_mod.get() == Some(slot_nb_power_mod) {
        return call_maybe(vm, a, "__pow__", &[b.clone(), m.clone()]);
    }
    Ok(vm.not_implemented())
}

fn slot_nb_negative(vm: &VM, a: &PyObjectRef) -> PyResult {
    call_dunder(vm, a, "__neg__", &[])
}
fn slot_nb_positive(vm: &VM, a: &PyObjectRef) -> PyResult {
    call_dunder(vm, a, "__pos__", &[])
}
fn slot_nb_invert(vm: &VM, a: &PyObjectRef) -> PyResult {
    call_dunder(vm, a, "__invert__", &[])
}
fn slot_nb_absolute(vm: &VM, a: &PyObjectRef) -> PyResult {
    call_dunder(vm, a, "__abs__", &[])
}

fn slot_nb_bool(vm: &VM, a: &PyObjectRef) -> PyResult<bool> {
    if let Some(r) = call_dunder_opt(vm, a, "__bool__", &[])? {
        if !r.class().is(&vm.types.bool_type) {
            return Err(vm.new_type_error(format!(
                "__bool__ should return bool, returned {}",
                r.class().name_string()
            )));
        }
        return vm.is_true(&r);
    }
    match call_dunder_opt(vm, a, "__len__", &[])? {
        Some(r) => Ok(len_result(vm, &r)? != 0),
        None => Ok(true),
    }
}

fn slot_nb_int(vm: &VM, a: &PyObjectRef) -> PyResult {
    let r = call_dunder(vm, a, "__int__", &[])?;
    if !r.payload_is::<PyInt>() {
        return Err(vm.new_type_error(format!(
            "__int__ returned non-int (type {})",
            r.class().name_string()
        )));
    }
    Ok(r)
}
fn slot_nb_float(vm: &VM, a: &PyObjectRef) -> PyResult {
    call_dunder(vm, a, "__float__", &[])
}
fn slot_nb_index(vm: &VM, a: &PyObjectRef) -> PyResult {
    call_dunder(vm, a, "__index__", &[])
}

/// Validates a `__len__` result.
fn len_result(vm: &VM, r: &PyObjectRef) -> PyResult<usize> {
    let i = vm.to_index(r)?;
    match i.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) if *v >= 0 => Ok(*v as usize),
        Some(PyInt::Small(_)) => Err(vm.new_value_error("__len__() should return >= 0")),
        Some(PyInt::Big(b)) if b.sign() == num_bigint::Sign::Minus => {
            Err(vm.new_value_error("__len__() should return >= 0"))
        }
        _ => Err(vm.new_overflow_error(format!(
            "cannot fit '{}' into an index-sized integer",
            r.class().name_string()
        ))),
    }
}

fn slot_sq_length(vm: &VM, a: &PyObjectRef) -> PyResult<usize> {
    let r = call_dunder(vm, a, "__len__", &[])?;
    len_result(vm, &r)
}

fn slot_sq_contains(vm: &VM, a: &PyObjectRef, item: &PyObjectRef) -> PyResult<bool> {
    match lookup_method(vm, a, "__contains__")? {
        Some(f) if vm.is_none(&f.0) => Err(vm.new_type_error(format!(
            "'{}' object is not a container",
            a.class().name_string()
        ))),
        Some(f) => {
            let r = call_found(vm, a, f, std::slice::from_ref(item))?;
            vm.is_true(&r)
        }
        None => {
            let it = vm.get_iter(a)?;
            while let Some(x) = vm.next(&it)? {
                if vm.eq_bool(&x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn slot_mp_subscript(vm: &VM, a: &PyObjectRef, key: &PyObjectRef) -> PyResult {
    call_dunder(vm, a, "__getitem__", std::slice::from_ref(key))
}

fn slot_mp_ass_subscript(
    vm: &VM,
    a: &PyObjectRef,
    key: &PyObjectRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    match value {
        Some(v) => call_dunder(vm, a, "__setitem__", &[key.clone(), v]),
        None => call_dunder(vm, a, "__delitem__", std::slice::from_ref(key)),
    }
    .map(drop)
}

/// Whether a `new` slot is the generic one (a Python-level `__new__`).
pub fn is_slot_tp_new(f: Option<crate::objects::typeobject::NewFn>) -> bool {
    f == Some(slot_tp_new as crate::objects::typeobject::NewFn)
}
