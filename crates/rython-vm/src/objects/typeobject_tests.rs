//! Classes through the VM API: creation, MRO, slots, descriptors, super.

use crate::object::{PyObjectRef, PyRef, PyTypeRef};
use crate::objects::methodobject::{MethodKind, NativeFn, PyMethodDescr};
use crate::objects::strobject::PyStr;
use crate::objects::typeobject::{CompareOp, NumberOp, PyType};
use crate::{PyResult, VM};

fn vm() -> VM {
    VM::new(Default::default()).unwrap()
}

/// `type(name, bases, ns)`.
fn class(
    vm: &VM,
    name: &str,
    bases: &[&PyTypeRef],
    ns: &[(&str, PyObjectRef)],
) -> PyResult<PyTypeRef> {
    let d = vm.new_dict();
    for (k, v) in ns {
        d.payload.set_str(vm, k, v.clone());
    }
    let bases = vm.new_tuple_obj(bases.iter().map(|b| (*b).clone().into_object()).collect());
    let c = vm.call(
        vm.types.type_type.as_object(),
        &[vm.new_str_obj(name), bases, d.into_object()],
        None,
    )?;
    Ok(c.downcast::<PyType>().ok().expect("a class"))
}

/// A method (bound like a Python function) defined on `owner`.
fn method(vm: &VM, owner: &PyTypeRef, name: &'static str, f: NativeFn) -> PyObjectRef {
    PyRef::new_exact(
        PyMethodDescr {
            name,
            func: f,
            objclass: owner.clone(),
            kind: MethodKind::Instance,
            doc: None,
            slot: None,
        },
        vm.types.method_descriptor_type.clone(),
    )
    .into_object()
}

fn err(vm: &VM, r: PyResult) -> String {
    match r {
        Ok(v) => format!("OK {}", vm.repr_string(&v).unwrap_or_default()),
        Err(e) => {
            let args = e.payload.args.borrow().clone();
            let msg = args
                .payload
                .as_slice()
                .first()
                .and_then(|a| a.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
                .unwrap_or_default();
            format!("{}: {}", e.as_object().class().name_string(), msg)
        }
    }
}

fn repr(vm: &VM, o: &PyObjectRef) -> String {
    vm.repr_string(o).unwrap()
}

/// The text of a str object.
fn st(o: &PyObjectRef) -> String {
    o.downcast_ref::<PyStr>()
        .map(|s| s.as_str().to_string())
        .unwrap_or_else(|| "<not a str>".into())
}

/// Reprs of the items of a tuple or list, comma-separated (str/tuple reprs
/// belong to other files, so only our own objects' reprs are used).
fn reprs(vm: &VM, o: &PyObjectRef) -> String {
    vm.collect(o)
        .unwrap()
        .iter()
        .map(|x| repr(vm, x))
        .collect::<Vec<_>>()
        .join(", ")
}

fn s(vm: &VM, v: &str) -> PyObjectRef {
    vm.new_str_obj(v)
}

#[test]
fn create_class_and_repr() {
    let vm = vm();
    let c = class(&vm, "C", &[], &[("__module__", s(&vm, "mod"))]).unwrap();
    assert_eq!(repr(&vm, c.as_object()), "<class 'mod.C'>");
    let inst = vm.call0(c.as_object()).unwrap();
    assert!(repr(&vm, &inst).starts_with("<mod.C object at 0x"));
    assert_eq!(
        st(&vm.get_attr_str(c.as_object(), "__name__").unwrap()),
        "C"
    );
    assert_eq!(
        reprs(&vm, &vm.get_attr_str(c.as_object(), "__mro__").unwrap()),
        "<class 'mod.C'>, <class 'object'>"
    );
    assert_eq!(
        err(&vm, vm.get_attr_str(c.as_object(), "x")),
        "AttributeError: type object 'C' has no attribute 'x'"
    );
    assert_eq!(
        err(&vm, vm.call(c.as_object(), &[vm.new_int(1)], None)),
        "TypeError: C() takes no arguments"
    );
    assert_eq!(repr(&vm, vm.types.int_type.as_object()), "<class 'int'>");
    // type(x)
    let t = vm
        .call1(vm.types.type_type.as_object(), inst.clone())
        .unwrap();
    assert!(t.is(c.as_object()));
    assert_eq!(
        err(
            &vm,
            vm.call(vm.types.type_type.as_object(), &[inst.clone(), inst], None)
        ),
        "TypeError: type() takes 1 or 3 arguments"
    );
}

#[test]
fn mro_c3_and_errors() {
    let vm = vm();
    let a = class(&vm, "A", &[], &[]).unwrap();
    let b = class(&vm, "B", &[&a], &[]).unwrap();
    let c = class(&vm, "C", &[&a], &[]).unwrap();
    let d = class(&vm, "D", &[&b, &c], &[]).unwrap();
    let mro = vm.get_attr_str(d.as_object(), "__mro__").unwrap();
    assert_eq!(
        reprs(&vm, &mro),
        "<class 'D'>, <class 'B'>, <class 'C'>, <class 'A'>, <class 'object'>"
    );
    let m = vm.call_method(d.as_object(), "mro", &[]).unwrap();
    assert_eq!(reprs(&vm, &m), reprs(&vm, &mro));
    assert_eq!(
        err(
            &vm,
            class(&vm, "X", &[&a, &b], &[]).map(|c| c.into_object())
        ),
        "TypeError: Cannot create a consistent method resolution order (MRO) for bases A, B"
    );
    assert_eq!(
        err(
            &vm,
            class(&vm, "X", &[&a, &a], &[]).map(|c| c.into_object())
        ),
        "TypeError: duplicate base class A"
    );
    let bool_t = vm.types.bool_type.clone();
    assert_eq!(
        err(
            &vm,
            class(&vm, "X", &[&bool_t], &[]).map(|c| c.into_object())
        ),
        "TypeError: type 'bool' is not an acceptable base type"
    );
    let (i, l) = (vm.types.int_type.clone(), vm.types.list_type.clone());
    assert_eq!(
        err(
            &vm,
            class(&vm, "X", &[&i, &l], &[]).map(|c| c.into_object())
        ),
        "TypeError: multiple bases have instance lay-out conflict"
    );
    let base = vm.get_attr_str(d.as_object(), "__base__").unwrap();
    assert!(base.is(b.as_object()));
    let subs = vm
        .call_method(a.as_object(), "__subclasses__", &[])
        .unwrap();
    assert_eq!(reprs(&vm, &subs), "<class 'B'>, <class 'C'>");
    assert!(vm.issubclass(d.as_object(), a.as_object()).unwrap());
}

#[test]
fn metaclass_conflict_and_type_new_errors() {
    let vm = vm();
    let tt = vm.types.type_type.clone();
    let m1 = class(&vm, "M1", &[&tt], &[]).unwrap();
    let m2 = class(&vm, "M2", &[&tt], &[]).unwrap();
    let d = vm.new_dict().into_object();
    let empty = vm.new_tuple_obj(vec![]);
    let a = vm
        .call(
            m1.as_object(),
            &[s(&vm, "A"), empty.clone(), d.clone()],
            None,
        )
        .unwrap();
    assert!(a.class().is(&m1));
    let b = vm
        .call(
            m2.as_object(),
            &[s(&vm, "B"), empty.clone(), vm.new_dict().into_object()],
            None,
        )
        .unwrap();
    let bases = vm.new_tuple_obj(vec![a.clone(), b]);
    assert_eq!(
        err(&vm, vm.call(tt.as_object(), &[s(&vm, "C"), bases, vm.new_dict().into_object()], None)),
        "TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"
    );
    // The derived metaclass wins even when `type` is called.
    let c = vm
        .call(
            tt.as_object(),
            &[
                s(&vm, "C"),
                vm.new_tuple_obj(vec![a]),
                vm.new_dict().into_object(),
            ],
            None,
        )
        .unwrap();
    assert!(c.class().is(&m1));
    assert_eq!(
        err(
            &vm,
            vm.call(
                tt.as_object(),
                &[vm.new_int(1), empty.clone(), d.clone()],
                None
            )
        ),
        "TypeError: type.__new__() argument 1 must be str, not int"
    );
    assert_eq!(
        err(
            &vm,
            vm.call(tt.as_object(), &[s(&vm, "a"), d.clone(), d.clone()], None)
        ),
        "TypeError: type.__new__() argument 2 must be tuple, not dict"
    );
    assert_eq!(
        err(
            &vm,
            vm.call(
                tt.as_object(),
                &[s(&vm, "a"), empty.clone(), empty.clone()],
                None
            )
        ),
        "TypeError: type.__new__() argument 3 must be dict, not tuple"
    );
    let kw = vm.new_tuple(vec![s(&vm, "x")]);
    assert_eq!(
        err(
            &vm,
            vm.call(
                tt.as_object(),
                &[s(&vm, "A"), empty, d, vm.new_int(1)],
                Some(&kw)
            )
        ),
        "TypeError: A.__init_subclass__() takes no keyword arguments"
    );
}

fn ret_first(
    _vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    Ok(args[0].clone())
}

/// `__add__`/`__radd__` returning a tag naming which ran.
fn add_tag(
    vm: &VM,
    _args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    Ok(vm.new_str_obj("add"))
}
fn radd_tag(
    vm: &VM,
    _args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    Ok(vm.new_str_obj("radd"))
}
fn not_impl(
    vm: &VM,
    _args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    Ok(vm.not_implemented())
}

#[test]
fn number_slots_dispatch() {
    let vm = vm();
    let c = class(&vm, "C", &[], &[]).unwrap();
    vm.set_attr_str(
        c.as_object(),
        "__add__",
        method(&vm, &c, "__add__", add_tag),
    )
    .unwrap();
    let x = vm.call0(c.as_object()).unwrap();
    let one = vm.new_int(1);
    assert_eq!(st(&vm.binary_op(&x, &one, NumberOp::Add).unwrap()), "add");
    assert_eq!(
        err(&vm, vm.binary_op(&one, &x, NumberOp::Add)),
        "TypeError: unsupported operand type(s) for +: 'int' and 'C'"
    );
    vm.set_attr_str(
        c.as_object(),
        "__radd__",
        method(&vm, &c, "__radd__", radd_tag),
    )
    .unwrap();
    assert_eq!(st(&vm.binary_op(&one, &x, NumberOp::Add).unwrap()), "radd");
    // A subclass overriding __radd__ is tried first.
    let d = class(&vm, "D", &[&c], &[]).unwrap();
    vm.set_attr_str(
        d.as_object(),
        "__radd__",
        method(&vm, &d, "__radd__", radd_tag),
    )
    .unwrap();
    let y = vm.call0(d.as_object()).unwrap();
    assert_eq!(st(&vm.binary_op(&x, &y, NumberOp::Add).unwrap()), "radd");
    // ... but not when it returns NotImplemented.
    vm.set_attr_str(
        d.as_object(),
        "__radd__",
        method(&vm, &d, "__radd__", not_impl),
    )
    .unwrap();
    assert_eq!(st(&vm.binary_op(&x, &y, NumberOp::Add).unwrap()), "add");
    // Deleting the dunder clears the slot.
    let key = vm.intern("__add__");
    vm.set_attr(c.as_object(), &key, None).unwrap();
    assert_eq!(
        err(&vm, vm.binary_op(&x, &one, NumberOp::Add)),
        "TypeError: unsupported operand type(s) for +: 'C' and 'int'"
    );
    // In-place falls back to the binary op.
    vm.set_attr_str(
        c.as_object(),
        "__iadd__",
        method(&vm, &c, "__iadd__", add_tag),
    )
    .unwrap();
    assert_eq!(st(&vm.inplace_op(&x, &one, NumberOp::Add).unwrap()), "add");
    vm.set_attr_str(
        c.as_object(),
        "__neg__",
        method(&vm, &c, "__neg__", ret_first),
    )
    .unwrap();
    let r = vm
        .unary_op(&x, crate::python::abstract_::UnaryOp::Negative)
        .unwrap();
    assert!(r.is(&x));
}

fn const_len(
    vm: &VM,
    _a: &[PyObjectRef],
    _k: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    Ok(vm.new_int(3))
}
fn neg_len(
    vm: &VM,
    _a: &[PyObjectRef],
    _k: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    Ok(vm.new_int(-1))
}
fn ret_int(
    vm: &VM,
    _a: &[PyObjectRef],
    _k: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    Ok(vm.new_int(5))
}

#[test]
fn other_slots_dispatch() {
    let vm = vm();
    let c = class(&vm, "C", &[], &[]).unwrap();
    let x = vm.call0(c.as_object()).unwrap();
    assert_eq!(
        err(&vm, vm.len(&x).map(|n| vm.new_int(n as i64))),
        "TypeError: object of type 'C' has no len()"
    );
    vm.set_attr_str(
        c.as_object(),
        "__len__",
        method(&vm, &c, "__len__", const_len),
    )
    .unwrap();
    assert_eq!(vm.len(&x).unwrap(), 3);
    assert!(vm.is_true(&x).unwrap());
    vm.set_attr_str(
        c.as_object(),
        "__len__",
        method(&vm, &c, "__len__", neg_len),
    )
    .unwrap();
    assert_eq!(
        err(&vm, vm.len(&x).map(|n| vm.new_int(n as i64))),
        "ValueError: __len__() should return >= 0"
    );
    vm.set_attr_str(
        c.as_object(),
        "__bool__",
        method(&vm, &c, "__bool__", ret_int),
    )
    .unwrap();
    assert_eq!(
        err(&vm, vm.is_true(&x).map(|b| vm.new_bool(b))),
        "TypeError: __bool__ should return bool, returned int"
    );
    vm.set_attr_str(
        c.as_object(),
        "__hash__",
        method(&vm, &c, "__hash__", ret_int),
    )
    .unwrap();
    assert_eq!(vm.hash(&x).unwrap(), 5);
    vm.set_attr_str(c.as_object(), "__hash__", vm.none())
        .unwrap();
    assert_eq!(
        err(&vm, vm.hash(&x).map(|h| vm.new_int(h))),
        "TypeError: unhashable type: 'C'"
    );
    // __eq__ without __hash__ makes a class unhashable.
    let e = class(
        &vm,
        "E",
        &[],
        &[("__eq__", method(&vm, &c, "__eq__", add_tag))],
    )
    .unwrap();
    let ex = vm.call0(e.as_object()).unwrap();
    assert_eq!(
        err(&vm, vm.hash(&ex).map(|h| vm.new_int(h))),
        "TypeError: unhashable type: 'E'"
    );
    assert!(vm.is_none(&vm.get_attr_str(e.as_object(), "__hash__").unwrap()));
    // A plain class hashes by identity and compares by identity.
    let p = class(&vm, "P", &[], &[]).unwrap();
    let (p1, p2) = (
        vm.call0(p.as_object()).unwrap(),
        vm.call0(p.as_object()).unwrap(),
    );
    assert_eq!(
        vm.hash(&p1).unwrap(),
        rython_common::hash::hash_pointer(p1.id())
    );
    assert!(!vm.eq_bool(&p1, &p2).unwrap());
    assert!(vm.rich_compare_bool(&p1, &p2, CompareOp::Ne).unwrap());
    assert_eq!(
        err(&vm, vm.rich_compare(&p1, &p2, CompareOp::Lt)),
        "TypeError: '<' not supported between instances of 'P' and 'P'"
    );
    // __call__
    vm.set_attr_str(
        c.as_object(),
        "__call__",
        method(&vm, &c, "__call__", ret_first),
    )
    .unwrap();
    assert!(vm.call0(&x).unwrap().is(&x));
    // __getitem__
    vm.set_attr_str(
        c.as_object(),
        "__getitem__",
        method(&vm, &c, "__getitem__", add_tag),
    )
    .unwrap();
    assert_eq!(st(&vm.get_item(&x, &x).unwrap()), "add");
}

fn getattr_hook(
    vm: &VM,
    a: &[PyObjectRef],
    _k: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    // Returns the missing attribute's name.
    let _ = vm;
    Ok(a[1].clone())
}

#[test]
fn instance_attributes_and_getattr() {
    let vm = vm();
    let c = class(&vm, "C", &[], &[]).unwrap();
    let x = vm.call0(c.as_object()).unwrap();
    vm.set_attr_str(&x, "a", vm.new_int(7)).unwrap();
    let d = vm.get_attr_str(&x, "__dict__").unwrap();
    assert_eq!(
        d.downcast_ref::<crate::objects::dictobject::PyDict>()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        err(&vm, vm.get_attr_str(&x, "b")),
        "AttributeError: 'C' object has no attribute 'b'"
    );
    vm.set_attr_str(
        c.as_object(),
        "__getattr__",
        method(&vm, &c, "__getattr__", getattr_hook),
    )
    .unwrap();
    assert_eq!(st(&vm.get_attr_str(&x, "b").unwrap()), "b");
    let seven = vm.get_attr_str(&x, "a").unwrap();
    assert_eq!(vm.to_isize(&seven, "").unwrap(), 7);
    // Class attributes, class attribute assignment.
    vm.set_attr_str(c.as_object(), "k", vm.new_int(1)).unwrap();
    let k = vm.get_attr_str(&x, "k").unwrap();
    assert_eq!(vm.to_isize(&k, "").unwrap(), 1);
    let proxy = vm.get_attr_str(c.as_object(), "__dict__").unwrap();
    assert_eq!(proxy.class().name_string(), "mappingproxy");
    assert!(vm.contains(&proxy, &s(&vm, "k")).unwrap());
    assert!(vm.is_none(&vm.get_item(&proxy, &s(&vm, "__doc__")).unwrap()));
    assert_eq!(
        err(
            &vm,
            vm.set_attr_str(vm.types.int_type.as_object(), "x", vm.new_int(1))
                .map(|_| vm.none())
        ),
        "TypeError: cannot set 'x' attribute of immutable type 'int'"
    );
    let name = vm.intern("zz");
    assert_eq!(
        err(
            &vm,
            vm.set_attr(c.as_object(), &name, None).map(|_| vm.none())
        ),
        "AttributeError: type object 'C' has no attribute 'zz'"
    );
    // __class__ get/set.
    let cls = vm.get_attr_str(&x, "__class__").unwrap();
    assert!(cls.is(c.as_object()));
    let c2 = class(&vm, "C2", &[], &[]).unwrap();
    vm.set_attr_str(&x, "__class__", c2.clone().into_object())
        .unwrap();
    assert!(x.class().is(&c2));
    assert_eq!(
        err(
            &vm,
            vm.set_attr_str(&x, "__class__", vm.types.int_type.clone().into_object())
                .map(|_| vm.none())
        ),
        "TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses"
    );
    assert_eq!(
        err(
            &vm,
            vm.set_attr_str(&x, "__class__", vm.new_int(1))
                .map(|_| vm.none())
        ),
        "TypeError: __class__ must be set to a class, not 'int' object"
    );
}

#[test]
fn slots_members() {
    let vm = vm();
    let slots = vm.new_tuple_obj(vec![s(&vm, "x")]);
    let c = class(&vm, "C", &[], &[("__slots__", slots)]).unwrap();
    let o = vm.call0(c.as_object()).unwrap();
    assert_eq!(
        err(&vm, vm.get_attr_str(&o, "x")),
        "AttributeError: 'C' object has no attribute 'x'"
    );
    vm.set_attr_str(&o, "x", vm.new_int(3)).unwrap();
    assert_eq!(
        vm.to_isize(&vm.get_attr_str(&o, "x").unwrap(), "").unwrap(),
        3
    );
    assert_eq!(
        err(&vm, vm.set_attr_str(&o, "y", vm.new_int(3)).map(|_| vm.none())),
        "AttributeError: 'C' object has no attribute 'y' and no __dict__ for setting new attributes"
    );
    let m = vm.get_attr_str(c.as_object(), "x").unwrap();
    assert_eq!(repr(&vm, &m), "<member 'x' of 'C' objects>");
    // A subclass without __slots__ gets a dict and keeps the slot.
    let d = class(&vm, "D", &[&c], &[]).unwrap();
    let o2 = vm.call0(d.as_object()).unwrap();
    vm.set_attr_str(&o2, "y", vm.new_int(1)).unwrap();
    vm.set_attr_str(&o2, "x", vm.new_int(2)).unwrap();
    let a = vm.new_tuple_obj(vec![s(&vm, "a")]);
    let e = class(&vm, "E", &[], &[("__slots__", a)]).unwrap();
    assert_eq!(
        err(
            &vm,
            class(&vm, "F", &[&c, &e], &[]).map(|c| c.into_object())
        ),
        "TypeError: multiple bases have instance lay-out conflict"
    );
    let bad = vm.new_tuple_obj(vec![vm.new_int(1)]);
    assert_eq!(
        err(
            &vm,
            class(&vm, "G", &[], &[("__slots__", bad)]).map(|c| c.into_object())
        ),
        "TypeError: __slots__ items must be strings, not 'int'"
    );
    let conflict = vm.new_tuple_obj(vec![s(&vm, "x")]);
    assert_eq!(
        err(
            &vm,
            class(
                &vm,
                "G",
                &[],
                &[("__slots__", conflict), ("x", vm.new_int(1))]
            )
            .map(|c| c.into_object())
        ),
        "ValueError: 'x' in __slots__ conflicts with class variable"
    );
    let i = vm.types.int_type.clone();
    let sx = vm.new_tuple_obj(vec![s(&vm, "x")]);
    assert_eq!(
        err(
            &vm,
            class(&vm, "G", &[&i], &[("__slots__", sx)]).map(|c| c.into_object())
        ),
        "TypeError: nonempty __slots__ not supported for subtype of 'int'"
    );
    let dd = vm.new_tuple_obj(vec![s(&vm, "__dict__")]);
    assert_eq!(
        err(
            &vm,
            class(&vm, "G", &[&d], &[("__slots__", dd)]).map(|c| c.into_object())
        ),
        "TypeError: __dict__ slot disallowed: we already got one"
    );
}

fn name_a(
    vm: &VM,
    _a: &[PyObjectRef],
    _k: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    Ok(vm.new_str_obj("A"))
}
fn name_b(
    vm: &VM,
    _a: &[PyObjectRef],
    _k: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    Ok(vm.new_str_obj("B"))
}
fn custom_repr(
    vm: &VM,
    _a: &[PyObjectRef],
    _k: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    Ok(vm.new_str_obj("custom"))
}

#[test]
fn property_staticmethod_classmethod() {
    let vm = vm();
    let fget = vm.new_builtin_function("x", ret_first);
    let prop = vm.call1(vm.types.property_type.as_object(), fget).unwrap();
    let no_getter = vm.call0(vm.types.property_type.as_object()).unwrap();
    let sm = vm
        .call1(
            vm.types.staticmethod_type.as_object(),
            vm.new_builtin_function("f", const_len),
        )
        .unwrap();
    let cm = vm
        .call1(
            vm.types.classmethod_type.as_object(),
            vm.new_builtin_function("g", ret_first),
        )
        .unwrap();
    assert_eq!(repr(&vm, &sm), "<staticmethod(<built-in function f>)>");
    assert_eq!(repr(&vm, &cm), "<classmethod(<built-in function g>)>");
    let p = class(
        &vm,
        "P",
        &[],
        &[("x", prop), ("y", no_getter), ("s", sm), ("c", cm)],
    )
    .unwrap();
    let o = vm.call0(p.as_object()).unwrap();
    assert!(vm.get_attr_str(&o, "x").unwrap().is(&o));
    assert_eq!(
        err(
            &vm,
            vm.set_attr_str(&o, "x", vm.new_int(1)).map(|_| vm.none())
        ),
        "AttributeError: property 'x' of 'P' object has no setter"
    );
    let key = vm.intern("x");
    assert_eq!(
        err(&vm, vm.set_attr(&o, &key, None).map(|_| vm.none())),
        "AttributeError: property 'x' of 'P' object has no deleter"
    );
    // `y` got its name from __set_name__.
    assert_eq!(
        err(&vm, vm.get_attr_str(&o, "y")),
        "AttributeError: property 'y' of 'P' object has no getter"
    );
    let on_class = vm.get_attr_str(p.as_object(), "x").unwrap();
    assert_eq!(on_class.class().name_string(), "property");
    // setter() copies.
    let setter = vm
        .call_method(
            &on_class,
            "setter",
            &[vm.new_builtin_function("sx", const_len)],
        )
        .unwrap();
    assert!(!setter.is(&on_class));
    assert!(!vm.is_none(&vm.get_attr_str(&setter, "fset").unwrap()));
    assert!(!vm.is_none(&vm.get_attr_str(&setter, "fget").unwrap()));
    // staticmethod: the plain function from both class and instance.
    let f = vm.get_attr_str(&o, "s").unwrap();
    assert_eq!(repr(&vm, &f), "<built-in function f>");
    assert_eq!(vm.to_isize(&vm.call0(&f).unwrap(), "").unwrap(), 3);
    // classmethod: bound to the class.
    let g = vm.get_attr_str(&o, "c").unwrap();
    assert!(vm.call0(&g).unwrap().is(p.as_object()));
    assert_eq!(g.class().name_string(), "method");
    assert!(vm.get_attr_str(&g, "__self__").unwrap().is(p.as_object()));
}

#[test]
fn super_lookup() {
    let vm = vm();
    let a = class(&vm, "A", &[], &[]).unwrap();
    vm.set_attr_str(a.as_object(), "who", method(&vm, &a, "who", name_a))
        .unwrap();
    let b = class(&vm, "B", &[&a], &[]).unwrap();
    vm.set_attr_str(b.as_object(), "who", method(&vm, &b, "who", name_b))
        .unwrap();
    let o = vm.call0(b.as_object()).unwrap();
    assert_eq!(st(&vm.call_method(&o, "who", &[]).unwrap()), "B");
    let sup = vm
        .call(
            vm.types.super_type.as_object(),
            &[b.clone().into_object(), o.clone()],
            None,
        )
        .unwrap();
    assert_eq!(repr(&vm, &sup), "<super: <class 'B'>, <B object>>");
    let who = vm.get_attr_str(&sup, "who").unwrap();
    assert_eq!(st(&vm.call0(&who).unwrap()), "A");
    let sup2 = crate::objects::typeobject::super_new(&vm, b.clone(), o.clone()).unwrap();
    assert_eq!(
        st(&vm.call0(&vm.get_attr_str(&sup2, "who").unwrap()).unwrap()),
        "A"
    );
    let name = vm.intern("who");
    let (f, self_) = crate::objects::typeobject::super_getattr(
        &vm,
        vm.types.super_type.as_object(),
        b.as_object(),
        &o,
        &name,
        true,
    )
    .unwrap();
    assert!(self_.unwrap().is(&o));
    assert_eq!(st(&vm.call1(&f, o.clone()).unwrap()), "A");
    assert_eq!(
        err(&vm, vm.call(vm.types.super_type.as_object(), &[vm.types.int_type.clone().into_object(), s(&vm, "a")], None)),
        "TypeError: super(type, obj): obj (instance of str) is not an instance or subtype of type (int)."
    );
    assert_eq!(
        err(&vm, vm.call0(vm.types.super_type.as_object())),
        "RuntimeError: super(): no arguments"
    );
    let unbound = vm
        .call1(
            vm.types.super_type.as_object(),
            vm.types.int_type.clone().into_object(),
        )
        .unwrap();
    assert_eq!(repr(&vm, &unbound), "<super: <class 'int'>, NULL>");
    // super().__init__ of a plain class reaches object.__init__.
    let init = vm.get_attr_str(&sup, "__init__").unwrap();
    assert!(repr(&vm, &init).starts_with("<method-wrapper '__init__' of B object at 0x"));
    assert!(vm.is_none(&vm.call0(&init).unwrap()));
}

#[test]
fn wrapper_and_method_descriptors() {
    let vm = vm();
    let obj_t = vm.types.object_type.as_object();
    let eq = vm.get_attr_str(obj_t, "__eq__").unwrap();
    assert_eq!(
        repr(&vm, &eq),
        "<slot wrapper '__eq__' of 'object' objects>"
    );
    assert_eq!(
        repr(&vm, &vm.get_attr_str(obj_t, "__init__").unwrap()),
        "<slot wrapper '__init__' of 'object' objects>"
    );
    let new = vm.get_attr_str(obj_t, "__new__").unwrap();
    assert!(repr(&vm, &new).starts_with("<built-in method __new__ of type object at 0x"));
    let c = class(&vm, "C", &[], &[]).unwrap();
    vm.set_attr_str(
        c.as_object(),
        "__repr__",
        method(&vm, &c, "__repr__", custom_repr),
    )
    .unwrap();
    let x = vm.call1(&new, c.clone().into_object()).unwrap();
    assert_eq!(repr(&vm, &x), "custom");
    // object.__repr__ runs object's slot, not the override.
    let orepr = vm.get_attr_str(obj_t, "__repr__").unwrap();
    assert!(st(&vm.call1(&orepr, x.clone()).unwrap()).starts_with("<C object at 0x"));
    assert!(vm
        .is_true(&vm.call(&eq, &[x.clone(), x.clone()], None).unwrap())
        .unwrap());
    let bound = vm.get_attr_str(&x, "__eq__").unwrap();
    assert!(repr(&vm, &bound).starts_with("<method-wrapper '__eq__' of C object at 0x"));
    assert!(vm.is_not_implemented(&vm.call1(&bound, vm.new_int(1)).unwrap()));
    assert_eq!(
        err(&vm, vm.call0(&eq)),
        "TypeError: descriptor '__eq__' of 'object' object needs an argument"
    );
    assert_eq!(
        err(&vm, vm.call1(&new, vm.new_int(1))),
        "TypeError: object.__new__(X): X is not a type object (int)"
    );
    let l = vm.types.list_type.clone();
    let lc = class(&vm, "L", &[&l], &[]).unwrap();
    assert_eq!(
        err(&vm, vm.call1(&new, lc.into_object())),
        "TypeError: object.__new__(L) is not safe, use L.__new__()"
    );
    // method descriptors check self.
    let mro = vm
        .get_attr_str(vm.types.type_type.as_object(), "mro")
        .unwrap();
    assert_eq!(repr(&vm, &mro), "<method 'mro' of 'type' objects>");
    assert_eq!(
        err(&vm, vm.call1(&mro, vm.new_int(1))),
        "TypeError: descriptor 'mro' for 'type' objects doesn't apply to a 'int' object"
    );
    assert_eq!(
        err(&vm, vm.call0(&mro)),
        "TypeError: unbound method type.mro() needs an argument"
    );
    let bm = vm.get_attr_str(c.as_object(), "mro").unwrap();
    assert!(repr(&vm, &bm).starts_with("<built-in method mro of type object at 0x"));
    assert_eq!(st(&vm.get_attr_str(&bm, "__qualname__").unwrap()), "C.mro");
    let f = vm.new_builtin_function("len", const_len);
    assert_eq!(repr(&vm, &f), "<built-in function len>");
    // object.__init__ / object.__new__ argument rules.
    assert_eq!(
        err(&vm, vm.call_method(&x, "__init__", &[vm.new_int(1)])),
        "TypeError: C.__init__() takes exactly one argument (the instance to initialize)"
    );
    let fmt = vm.call_method(&x, "__format__", &[s(&vm, "")]).unwrap();
    assert_eq!(st(&fmt), "custom");
    assert_eq!(
        err(&vm, vm.call_method(&x, "__format__", &[s(&vm, "x")])),
        "TypeError: unsupported format string passed to C.__format__"
    );
    // getset descriptors
    let name_descr = vm
        .get_item(
            &vm.get_attr_str(vm.types.type_type.as_object(), "__dict__")
                .unwrap(),
            &s(&vm, "__name__"),
        )
        .unwrap();
    assert_eq!(
        repr(&vm, &name_descr),
        "<attribute '__name__' of 'type' objects>"
    );
    let base_descr = vm
        .get_item(
            &vm.get_attr_str(vm.types.type_type.as_object(), "__dict__")
                .unwrap(),
            &s(&vm, "__base__"),
        )
        .unwrap();
    assert_eq!(
        err(
            &vm,
            vm.call_method(
                &base_descr,
                "__set__",
                &[c.clone().into_object(), vm.none()]
            )
        ),
        "AttributeError: attribute '__base__' of 'type' objects is not writable"
    );
}

#[test]
fn user_init_and_new() {
    let vm = vm();
    // A class whose __init__ takes arguments accepts them in C(...).
    let c = class(&vm, "C", &[], &[]).unwrap();
    vm.set_attr_str(
        c.as_object(),
        "__init__",
        method(&vm, &c, "__init__", ret_none),
    )
    .unwrap();
    let o = vm
        .call(c.as_object(), &[vm.new_int(1), vm.new_int(2)], None)
        .unwrap();
    assert!(o.class().is(&c));
    vm.set_attr_str(
        c.as_object(),
        "__init__",
        method(&vm, &c, "__init__", const_len),
    )
    .unwrap();
    assert_eq!(
        err(&vm, vm.call0(c.as_object())),
        "TypeError: __init__() should return None, not 'int'"
    );
    // __new__ returning another type's object skips __init__.
    let sm = vm
        .call1(
            vm.types.staticmethod_type.as_object(),
            vm.new_builtin_function("__new__", const_len),
        )
        .unwrap();
    vm.set_attr_str(c.as_object(), "__new__", sm).unwrap();
    let r = vm.call0(c.as_object()).unwrap();
    assert_eq!(vm.to_isize(&r, "").unwrap(), 3);
}

fn ret_none(
    vm: &VM,
    _a: &[PyObjectRef],
    _k: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    Ok(vm.none())
}
