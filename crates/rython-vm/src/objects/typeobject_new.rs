//! Class creation (CPython's typeobject.c `type_new` and friends): the
//! metaclass calculation, the best base and instance layout, `__slots__`,
//! the C3 method resolution order, and the post-creation hooks
//! (`__set_name__`, `__init_subclass__`, `__classcell__`).

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyRef, PyTypeRef};
use crate::objects::cellobject::PyCell;
use crate::objects::descrobject::PyMemberDescr;
use crate::objects::dictobject::PyDict;
use crate::objects::funcobject::PyFunction;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::{PyTuple, PyTupleRef};
use crate::objects::typeobject::{fixup_slots, flags, PyType, TypeSlots};
use crate::{PyResult, VM};

/// Flags a class inherits from its bases.
const INHERITED_FLAGS: u32 = flags::LONG_SUBCLASS
    | flags::TUPLE_SUBCLASS
    | flags::STR_SUBCLASS
    | flags::BASE_EXC_SUBCLASS
    | flags::TYPE_SUBCLASS
    | flags::SEQUENCE
    | flags::MAPPING
    | flags::HAS_DICT;

/// `type.__init__`: only checks the argument count (`type.__new__` did the
/// work).
pub fn type_init(
    vm: &VM,
    _obj: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    let nkw = kwnames.map(|k| k.payload.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    if npos == 1 && nkw != 0 {
        return Err(vm.new_type_error("type.__init__() takes no keyword arguments"));
    }
    if npos != 1 && npos != 3 {
        return Err(vm.new_type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

fn arg_error(vm: &VM, n: usize, want: &str, got: &PyObjectRef) -> crate::PyBaseExceptionRef {
    vm.new_type_error(format!(
        "type.__new__() argument {n} must be {want}, not {}",
        crate::python::args::arg_type_name(&got)
    ))
}

/// The most derived metaclass among `metatype` and the bases' types.
pub fn calculate_metaclass(
    vm: &VM,
    metatype: &PyTypeRef,
    bases: &[PyObjectRef],
) -> PyResult<PyTypeRef> {
    let mut winner = metatype.clone();
    for b in bases {
        let tmp = b.class();
        if winner.is_subtype(tmp) {
            continue;
        }
        if tmp.is_subtype(&winner) {
            winner = tmp.clone();
            continue;
        }
        return Err(vm.new_type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// Whether `t` adds instance state its base lacks (CPython's
/// `extra_ivars`): another Rust layout or more `__slots__`.
fn extra_ivars(t: &PyTypeRef, base: &PyTypeRef) -> bool {
    t.payload.layout.type_id != base.payload.layout.type_id
        || t.payload.slot_names.len() != base.payload.slot_names.len()
}

/// The nearest ancestor (or `t` itself) that fixes the instance layout.
pub fn solid_base(t: &PyTypeRef) -> PyTypeRef {
    let mut cur = t.clone();
    loop {
        let base = cur.payload.base.borrow().clone();
        match base {
            Some(b) if !extra_ivars(&cur, &b) => cur = b,
            _ => return cur,
        }
    }
}

/// Picks the base whose layout the new class extends (`best_base`).
pub fn best_base(vm: &VM, bases: &[PyTypeRef]) -> PyResult<PyTypeRef> {
    let mut winner: Option<PyTypeRef> = None;
    let mut base: Option<PyTypeRef> = None;
    for b in bases {
        if !b.payload.has_flag(flags::BASETYPE) {
            return Err(vm.new_type_error(format!(
                "type '{}' is not an acceptable base type",
                b.name_string()
            )));
        }
        let candidate = solid_base(b);
        match &winner {
            None => {
                winner = Some(candidate);
                base = Some(b.clone());
            }
            Some(w) if w.is_subtype(&candidate) => {}
            Some(w) if candidate.is_subtype(w) => {
                winner = Some(candidate);
                base = Some(b.clone());
            }
            Some(_) => {
                return Err(vm.new_type_error("multiple bases have instance lay-out conflict"))
            }
        }
    }
    base.ok_or_else(|| vm.new_type_error("bases must be types"))
}

/// C3 linearization of `bases` (without the class itself).
fn c3_merge(vm: &VM, bases: &[PyTypeRef]) -> PyResult<Vec<PyTypeRef>> {
    if let [only] = bases {
        return Ok(only.mro_with_self());
    }
    let mut seqs: Vec<Vec<PyTypeRef>> = bases.iter().map(|b| b.mro_with_self()).collect();
    seqs.push(bases.to_vec());
    let mut result = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|head| !seqs.iter().any(|s| s[1..].iter().any(|t| t.is(head))));
        let Some(c) = candidate else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = s[0].name_string();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(vm.new_type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        result.push(c);
    }
}

/// `type.mro()`: the full MRO of `ty` (itself first) by C3.
pub fn compute_mro(vm: &VM, ty: &PyTypeRef) -> PyResult<Vec<PyTypeRef>> {
    let bases = ty.payload.bases.borrow().clone();
    let mut v = vec![ty.clone()];
    v.extend(c3_merge(vm, &bases)?);
    Ok(v)
}

/// The MRO a class gets: `mro()` of a metaclass that overrides it, else C3.
fn mro_for(vm: &VM, ty: &PyTypeRef) -> PyResult<Vec<PyTypeRef>> {
    let meta = ty.as_object().class();
    if !meta.is(&vm.types.type_type) {
        if let Some(m) = meta.lookup_str(vm, "mro") {
            let builtin = m
                .downcast_ref::<crate::objects::methodobject::PyMethodDescr>()
                .is_some_and(|d| d.objclass.is(&vm.types.type_type));
            if !builtin {
                let r = vm.call_method(ty.as_object(), "mro", &[])?;
                let items = vm.collect(&r)?;
                let solid = solid_base(ty);
                let mut out = Vec::with_capacity(items.len());
                for it in items {
                    let t = it.downcast::<PyType>().map_err(|o| {
                        vm.new_type_error(format!(
                            "mro() returned a non-class ('{}')",
                            o.class().name_string()
                        ))
                    })?;
                    if !solid.is_subtype(&solid_base(&t)) {
                        return Err(vm.new_type_error(format!(
                            "mro() returned base with unsuitable layout ('{}')",
                            t.name_string()
                        )));
                    }
                    out.push(t);
                }
                return Ok(out);
            }
        }
    }
    compute_mro(vm, ty)
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// Private-name mangling (`__x` in class `C` is `_C__x`).
pub fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

struct SlotsSpec {
    names: Vec<String>,
    add_dict: bool,
    add_weakref: bool,
}

fn is_varsize(vm: &VM, t: &PyTypeRef) -> bool {
    t.payload.has_flag(flags::LONG_SUBCLASS)
        || t.payload.has_flag(flags::TUPLE_SUBCLASS)
        || t.is_subtype(&vm.types.bytes_type)
}

fn process_slots(
    vm: &VM,
    name: &str,
    ns: &PyDict,
    base: &PyTypeRef,
    bases: &[PyTypeRef],
) -> PyResult<SlotsSpec> {
    let base_has_dict = bases.iter().any(|b| b.payload.has_flag(flags::HAS_DICT));
    let base_has_weakref = bases
        .iter()
        .any(|b| b.lookup_str(vm, "__weakref__").is_some());
    let may_weakref = !base_has_weakref && !is_varsize(vm, base);
    let Some(slots) = ns.get_str_name(vm, "__slots__") else {
        return Ok(SlotsSpec {
            names: Vec::new(),
            add_dict: !base_has_dict,
            add_weakref: may_weakref,
        });
    };
    let items = if slots.payload_is::<PyStr>() {
        vec![slots]
    } else {
        vm.collect(&slots)?
    };
    let mut names = Vec::new();
    let mut add_dict = false;
    let mut add_weakref = false;
    for it in &items {
        let Some(s) = it.downcast_ref::<PyStr>() else {
            return Err(vm.new_type_error(format!(
                "__slots__ items must be strings, not '{}'",
                it.class().name_string()
            )));
        };
        let s = s.as_str();
        if !is_identifier(s) {
            return Err(vm.new_type_error("__slots__ must be identifiers"));
        }
        if s == "__dict__" {
            if base_has_dict || add_dict {
                return Err(vm.new_type_error("__dict__ slot disallowed: we already got one"));
            }
            add_dict = true;
            continue;
        }
        if s == "__weakref__" {
            if !may_weakref || add_weakref {
                return Err(vm.new_type_error("__weakref__ slot disallowed: we already got one"));
            }
            add_weakref = true;
            continue;
        }
        let m = mangle(name, s);
        if ns.get_str_name(vm, &m).is_some() {
            return Err(
                vm.new_value_error(format!("'{m}' in __slots__ conflicts with class variable"))
            );
        }
        if !names.contains(&m) {
            names.push(m);
        }
    }
    if !names.is_empty() && is_varsize(vm, base) {
        return Err(vm.new_type_error(format!(
            "nonempty __slots__ not supported for subtype of '{}'",
            base.name_string()
        )));
    }
    names.sort();
    Ok(SlotsSpec {
        names,
        add_dict,
        add_weakref,
    })
}

/// `type.__new__(metatype, name, bases, namespace, **kwds)`.
pub fn type_new(
    vm: &VM,
    metatype: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    let nkw = kwnames.map(|k| k.payload.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    if metatype.is(&vm.types.type_type) && npos == 1 && nkw == 0 {
        return Ok(args[0].class().clone().into_object());
    }
    if npos != 3 {
        return Err(vm.new_type_error(format!(
            "type.__new__() takes exactly 3 arguments ({npos} given)"
        )));
    }
    let name = args[0]
        .downcast_ref::<PyStr>()
        .ok_or_else(|| arg_error(vm, 1, "str", &args[0]))?
        .as_str()
        .to_string();
    let bases_t = args[1]
        .downcast_ref::<PyTuple>()
        .ok_or_else(|| arg_error(vm, 2, "tuple", &args[1]))?;
    let ns = args[2]
        .downcast_ref::<PyDict>()
        .ok_or_else(|| arg_error(vm, 3, "dict", &args[2]))?;
    let base_objs: Vec<PyObjectRef> = bases_t.as_slice().to_vec();
    for b in &base_objs {
        if !b.payload_is::<PyType>() && vm.get_attr_opt_str(b, "__mro_entries__")?.is_some() {
            return Err(vm.new_type_error(
                "type() doesn't support MRO entry resolution; use types.new_class()",
            ));
        }
    }
    if name.contains('\0') {
        return Err(vm.new_value_error("type name must not contain null characters"));
    }

    let winner = calculate_metaclass(vm, metatype, &base_objs)?;
    let mut metatype = metatype.clone();
    if !winner.is(&metatype) {
        #[allow(unpredictable_function_pointer_comparisons)]
        let other_new = winner.payload.slots.new.get() != Some(type_new as super::NewFn);
        if other_new {
            if let Some(new) = winner.payload.slots.new.get() {
                return new(vm, &winner, args, kwnames);
            }
        }
        metatype = winner;
    }

    let mut bases: Vec<PyTypeRef> = Vec::with_capacity(base_objs.len());
    for b in &base_objs {
        let t = b
            .clone()
            .downcast::<PyType>()
            .map_err(|_| vm.new_type_error("bases must be types"))?;
        if bases.iter().any(|x| x.is(&t)) {
            return Err(vm.new_type_error(format!("duplicate base class {}", t.name_string())));
        }
        bases.push(t);
    }
    if bases.is_empty() {
        bases.push(vm.types.object_type.clone());
    }
    let base = best_base(vm, &bases)?;
    let spec = process_slots(vm, &name, ns, &base, &bases)?;

    let qualname = match ns.get_str_name(vm, "__qualname__") {
        Some(q) => match q.downcast_ref::<PyStr>() {
            Some(s) => s.as_str().to_string(),
            None => {
                return Err(vm.new_type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    q.class().name_string()
                )))
            }
        },
        None => name.clone(),
    };
    let classcell = ns.get_str_name(vm, "__classcell__");
    if let Some(c) = &classcell {
        if !c.payload_is::<PyCell>() {
            return Err(vm.new_type_error(format!(
                "__classcell__ must be a nonlocal cell, not {}",
                vm.repr_string(c.class().as_object())?
            )));
        }
    }

    let mut fl = flags::HEAPTYPE | flags::BASETYPE | flags::INSTANCE_EXT;
    for b in &bases {
        fl |= b.payload.flags.get() & INHERITED_FLAGS;
    }
    if spec.add_dict {
        fl |= flags::HAS_DICT;
    }
    let mut slot_names = base.payload.slot_names.clone();
    let first_new_slot = slot_names.len();
    slot_names.extend(spec.names.iter().cloned());

    let payload = PyType {
        name: RefCell::new(name.clone()),
        qualname: RefCell::new(qualname),
        base: RefCell::new(Some(base.clone())),
        bases: RefCell::new(bases.clone()),
        mro: RefCell::new(Vec::new()),
        dict: PyDict::default(),
        slots: TypeSlots::default(),
        layout: base.payload.layout,
        flags: Cell::new(fl),
        slot_names,
        version_tag: Cell::new(0),
        subclasses: RefCell::new(Vec::new()),
        shared_keys: RefCell::default(),
    };
    let ty: PyTypeRef = PyRef::new_with_type(payload, metatype.clone());
    let d = &ty.payload.dict;
    d.copy_from(vm, ns)?;
    for key in ["__qualname__", "__classcell__"] {
        let k = vm.intern(key);
        d.pop_item(vm, k.as_object())?;
    }
    if d.get_str_name(vm, "__module__").is_none() {
        // Like CPython: the module of the code calling `type()`.
        let frame = vm.state.current_frame.borrow().clone();
        if let Some(f) = frame {
            if let Some(m) = f.payload.globals.payload.get_str_name(vm, "__name__") {
                d.set_str(vm, "__module__", m);
            }
        }
    }
    if d.get_str_name(vm, "__doc__").is_none() {
        d.set_str(vm, "__doc__", vm.none());
    }
    // Plain functions named like the implicit static/class methods are
    // wrapped as CPython does.
    if let Some(f) = d.get_str_name(vm, "__new__") {
        if f.payload_is::<PyFunction>() {
            let sm = vm.call1(vm.types.staticmethod_type.as_object(), f)?;
            d.set_str(vm, "__new__", sm);
        }
    }
    for key in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = d.get_str_name(vm, key) {
            if f.payload_is::<PyFunction>() {
                let cm = vm.call1(vm.types.classmethod_type.as_object(), f)?;
                d.set_str(vm, key, cm);
            }
        }
    }
    if d.get_str_name(vm, "__eq__").is_some() && d.get_str_name(vm, "__hash__").is_none() {
        d.set_str(vm, "__hash__", vm.none());
    }
    for (i, n) in spec.names.iter().enumerate() {
        let m = PyRef::new_exact(
            PyMemberDescr {
                name: n.clone(),
                index: first_new_slot + i,
                objclass: ty.clone(),
                getter: None,
            },
            vm.types.member_descriptor_type.clone(),
        );
        d.set_str(vm, n, m.into_object());
    }
    if spec.add_dict {
        add_instance_getset(vm, &ty, "__dict__");
    }
    if spec.add_weakref {
        add_instance_getset(vm, &ty, "__weakref__");
    }

    let mro = mro_for(vm, &ty)?;
    *ty.payload.mro.borrow_mut() = mro.into_iter().skip(1).collect();
    for b in &bases {
        b.payload.subclasses.borrow_mut().push(ty.clone());
    }
    fixup_slots(vm, &ty);
    ty.assign_version_tag();

    if let Some(c) = classcell {
        if let Some(cell) = c.downcast_ref::<PyCell>() {
            cell.set(Some(ty.clone().into_object()));
        }
    }
    set_names(vm, &ty)?;
    init_subclass(vm, &ty, &args[3..], kwnames)?;
    Ok(ty.into_object())
}

/// `__dict__` / `__weakref__` getsets for the instances of a new class.
fn add_instance_getset(vm: &VM, ty: &PyTypeRef, name: &'static str) {
    use crate::objects::baseobject::{instance_dict_get, instance_dict_set, instance_weakref_get};
    let (getter, setter): (
        crate::objects::descrobject::Getter,
        Option<crate::objects::descrobject::Setter>,
    ) = if name == "__dict__" {
        (instance_dict_get, Some(instance_dict_set))
    } else {
        (instance_weakref_get, None)
    };
    vm.add_getset(ty, name, getter, setter);
}

/// Calls `__set_name__(cls, name)` on every namespace value that has it.
fn set_names(vm: &VM, ty: &PyTypeRef) -> PyResult<()> {
    for e in ty.payload.dict.entries() {
        let (key, value) = (e.key.clone(), e.value.clone());
        if let Some(f) = vm.lookup_special(&value, "__set_name__")? {
            if let Err(e) = vm.call(&f, &[ty.clone().into_object(), key.clone()], None) {
                let note = format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    value.class().name_string(),
                    vm.repr_string(&key)?,
                    ty.payload.name()
                );
                vm.call_method(e.as_object(), "add_note", &[vm.new_str_obj(note)])?;
                return Err(e);
            }
        }
    }
    Ok(())
}

/// `super(cls, cls).__init_subclass__(**kwds)`.
fn init_subclass(
    vm: &VM,
    ty: &PyTypeRef,
    kwvalues: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    let key = vm.intern("__init_subclass__");
    let mro = ty.payload.mro.borrow().clone();
    for t in mro {
        if let Some(attr) = t.payload.dict.get_str(vm, &key) {
            let bound = match attr.class().payload.slots.descr_get.get() {
                Some(g) => g(vm, &attr, None, Some(ty.as_object()))?,
                None => attr,
            };
            vm.call(&bound, kwvalues, kwnames)?;
            return Ok(());
        }
    }
    Ok(())
}

/// `C.__bases__ = (...)`: recomputes the MRO of the class and its
/// subclasses when the layouts agree.
pub fn set_bases(vm: &VM, ty: &PyTypeRef, value: PyObjectRef) -> PyResult<()> {
    let tname = ty.name_string();
    let Some(t) = value.downcast_ref::<PyTuple>() else {
        return Err(vm.new_type_error(format!(
            "can only assign tuple to {tname}.__bases__, not {}",
            value.class().name_string()
        )));
    };
    if t.is_empty() {
        return Err(vm.new_type_error(format!(
            "can only assign non-empty tuple to {tname}.__bases__, not ()"
        )));
    }
    let mut bases = Vec::new();
    for b in t.as_slice() {
        let bt = b.clone().downcast::<PyType>().map_err(|o| {
            vm.new_type_error(format!(
                "{tname}.__bases__ must be tuple of classes, not '{}'",
                o.class().name_string()
            ))
        })?;
        if bt.is_subtype(ty) {
            return Err(vm.new_type_error("a __bases__ item causes an inheritance cycle"));
        }
        bases.push(bt);
    }
    let new_base = best_base(vm, &bases)?;
    let old_base = ty.payload.base.borrow().clone();
    if let Some(ob) = &old_base {
        let (ns, os) = (solid_base(&new_base), solid_base(ob));
        if !ns.is(&os) {
            return Err(vm.new_type_error(format!(
                "__bases__ assignment: '{}' object layout differs from '{}'",
                new_base.name_string(),
                ob.name_string()
            )));
        }
    }
    let old_bases = ty.payload.bases.replace(bases.clone());
    let new_mro = match compute_mro(vm, ty) {
        Ok(m) => m,
        Err(e) => {
            ty.payload.bases.replace(old_bases);
            return Err(e);
        }
    };
    *ty.payload.base.borrow_mut() = Some(new_base);
    *ty.payload.mro.borrow_mut() = new_mro.into_iter().skip(1).collect();
    for ob in &old_bases {
        ob.payload.subclasses.borrow_mut().retain(|s| !s.is(ty));
    }
    for nb in &bases {
        nb.payload.subclasses.borrow_mut().push(ty.clone());
    }
    // Subclasses' MROs embed ours.
    for sub in ty.all_subclasses().into_iter().skip(1) {
        if let Ok(m) = compute_mro(vm, &sub) {
            *sub.payload.mro.borrow_mut() = m.into_iter().skip(1).collect();
        }
    }
    super::type_modified(vm, ty, true);
    Ok(())
}
